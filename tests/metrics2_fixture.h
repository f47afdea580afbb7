/* Helpers for the metric suites of items 8-12 and 14
 * (tests/test_metrics_{demand,labor,keygroups,other}.c): a database in
 * memory, records added from JSON, valid ID numbers, metrics computed over a
 * period. Header-only: each suite includes it once. */
#ifndef JIUYE_TESTS_METRICS2_FIXTURE_H
#define JIUYE_TESTS_METRICS2_FIXTURE_H

#include <criterion/criterion.h>
#include <jiuye.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__)
#define M2_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define M2_PRINTF(f, a)
#endif

static jy_db *db;

/* The contract of the scenarios: signed 2026-03-01, its first year runs to
 * 2027-02-28. */
static const jy_date SIGNED = { 2026, 3, 1 };
static const jy_date YEAR_END = { 2027, 2, 28 };

static inline void m2_open(void)
{
    cr_assert_eq(jy_db_open(&db, ":memory:", NULL), JY_OK, "%s", jy_error_last()->message);
}

static jy_scorecard *card;
static jy_rules *county_rules; /* a county's rule set (m2_county_rules), or NULL */

static inline void m2_close(void)
{
    jy_scorecard_free(card);
    card = NULL;
    jy_rules_free(county_rules);
    county_rules = NULL;
    jy_db_close(db);
    db = NULL;
}

static inline jy_date D(const char *text)
{
    jy_date d;
    cr_assert_eq(jy_date_parse(&d, text), JY_OK, "bad date %s", text);
    return d;
}

/* Adds a record of `kind` from the members of a JSON object written
 * without its braces ("\"name\": \"x\", ..."); returns its id. */
M2_PRINTF(2, 3)
static inline int64_t m2_add(jy_kind kind, const char *fmt, ...)
{
    char body[2048], json[2100];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    snprintf(json, sizeof json, "{%s}", body);
    jy_record *r = NULL;
    jy_located_error err;
    cr_assert_eq(jy_record_from_json(&r, json, strlen(json), kind, &err), JY_OK, "%s: %s", json,
                 err.text);
    int64_t id = 0;
    int rc = jy_ledger_add(&id, db, r);
    jy_record_free(r);
    cr_assert_eq(rc, JY_OK, "%s: %s", json, jy_error_last()->message);
    return id;
}

/* A valid resident ID number born on `birth` (YYYYMMDD), sequence `seq`. */
static inline void m2_id_number(char out[19], const char *birth, int seq)
{
    static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    snprintf(out, 19, "360824%s%03d", birth, seq % 1000);
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (out[i] - '0') * w[i];
    out[17] = "10X98765432"[sum % 11];
    out[18] = '\0';
}

/* Adds a labor record of a person born on `birth` (YYYYMMDD), surveyed on
 * `surveyed`, with further members `extra` (may be ""); returns its id.
 * `seq` tells the persons born the same day apart. */
static inline int64_t m2_labor(const char *birth, int seq, const char *surveyed, const char *extra)
{
    char id[19];
    m2_id_number(id, birth, seq);
    return m2_add(JY_KIND_LABOR,
                  "\"id_number\": \"%s\", \"name\": \"张三\", \"township\": \"金川镇\","
                  " \"surveyed_on\": \"%s\"%s%s",
                  id, surveyed, extra[0] ? ", " : "", extra);
}

/* Computes a metric over from..to for the contract signed on SIGNED. */
static inline jy_measure *m2_measure(const char *name, const char *from, const char *to)
{
    jy_measure *m = NULL;
    int rc = jy_metric_compute(&m, db, name, D(from), D(to), NULL, SIGNED);
    cr_assert_eq(rc, JY_OK, "%s: %s", name, jy_error_last()->message);
    return m;
}

/* The value of a metric over from..to (asserting that it has one). */
static inline double m2_value(const char *name, const char *from, const char *to)
{
    jy_measure *m = m2_measure(name, from, to);
    cr_assert(jy_measure_has_value(m), "%s has no value", name);
    double v = jy_measure_value(m);
    jy_measure_free(m);
    return v;
}

/* Does the measure list `id` among its evidence? */
static inline int m2_lists(const jy_measure *m, int64_t id)
{
    for (size_t i = 0; i < jy_measure_id_count(m); i++)
        if (jy_measure_id_at(m, i) == id)
            return 1;
    return 0;
}

/* ---- Through the assessment ---------------------------------------------
 * The built-in calendar covers 2026 only, so the scenarios scored by
 * jy_assess() use a contract signed on 2026-01-01: its year is 2026, with
 * four whole quarters and twelve whole months. */

static const jy_date SIGNED_2026 = { 2026, 1, 1 };

/* Scores from..to with the default rules and returns sub-indicator `id`
 * (the scorecard lives until the next call or the end of the test). */
static inline const jy_score_indicator *m2_score(const char *id, const char *from, const char *to)
{
    jy_scorecard_free(card);
    card = NULL;
    jy_assess_options o = JY_ASSESS_OPTIONS_INIT;
    o.contract_start = SIGNED_2026;
    o.rules = county_rules;
    cr_assert_eq(jy_assess(&card, db, D(from), D(to), &o), JY_OK, "%s", jy_error_last()->message);
    const jy_score_indicator *si = jy_scorecard_find(card, id);
    cr_assert_not_null(si, "no sub-indicator %s", id);
    return si;
}

/* A county's rule file: the shipped default (data/rules-default.json) with
 * the text `from` replaced by `to` (once; it must be there), loaded as the
 * rules m2_score() uses from now on. */
static inline void m2_county_rules(const char *from, const char *to)
{
    FILE *f = fopen(JY_SOURCE_DATA_DIR "/rules-default.json", "rb");
    cr_assert_not_null(f);
    static char text[1 << 20], edited[1 << 20];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    char *at = strstr(text, from);
    cr_assert_not_null(at, "the default rules have no '%s'", from);
    snprintf(edited, sizeof edited, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    jy_rules_free(county_rules);
    county_rules = NULL;
    jy_located_error err;
    cr_assert_eq(jy_rules_load_buffer(&county_rules, edited, strlen(edited), &err), JY_OK,
                 "%s: %s", err.field, err.text);
}

/* Asserts the status and deduction of a scored sub-indicator (deductions are
 * multiples of 0.1). */
#define m2_assert_score(si, st, ded)                                                          \
    do {                                                                                      \
        cr_assert_eq((si)->status, (st), "%s: status %s", (si)->rule->id,                    \
                     jy_score_status_name((si)->status));                                     \
        cr_assert((si)->deduction > (ded) - 1e-9 && (si)->deduction < (ded) + 1e-9,           \
                  "%s: deduction %g, expected %g", (si)->rule->id, (si)->deduction,          \
                  (double)(ded));                                                             \
    } while (0)

#endif /* JIUYE_TESTS_METRICS2_FIXTURE_H */
