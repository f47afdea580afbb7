/* Helpers shared by the metric and assessment suites: a database in memory
 * filled from JSON Lines, and short ways to compute a metric or a scorecard.
 * Include it in one test file only (functions are static inline). */
#ifndef JIUYE_TEST_METRICS_FIXTURE_H
#define JIUYE_TEST_METRICS_FIXTURE_H

#include <criterion/criterion.h>
#include <jiuye.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jy_db *fx_db;

static inline void fx_open(void)
{
    cr_assert_eq(jy_db_open(&fx_db, ":memory:", NULL), JY_OK, "%s", jy_error_last()->message);
}

static inline void fx_close(void)
{
    jy_db_close(fx_db);
    fx_db = NULL;
}

/* A growing text buffer of JSON Lines. */
typedef struct fx_buf {
    char *s;
    size_t len, cap;
} fx_buf;

static inline void fx_add(fx_buf *b, const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    cr_assert(n > 0 && (size_t)n < sizeof line);
    if (b->len + (size_t)n + 2 > b->cap) {
        b->cap = (b->len + (size_t)n + 2) * 2;
        b->s = realloc(b->s, b->cap);
        cr_assert_not_null(b->s);
    }
    memcpy(b->s + b->len, line, (size_t)n);
    b->len += (size_t)n;
    b->s[b->len++] = '\n';
    b->s[b->len] = '\0';
}

/* Imports the buffer (every record must be accepted) and empties it. */
static inline void fx_flush(fx_buf *b)
{
    if (!b->len)
        return;
    jy_import_stats st;
    int rc = jy_import_buffer(&st, fx_db, b->s, b->len, NULL);
    cr_assert_eq(rc, JY_OK, "import: %s", jy_error_last()->message);
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

/* Imports JSON Lines given as one formatted string. */
static inline void fx_import(const char *fmt, ...)
{
    char text[8192];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    cr_assert(n > 0 && (size_t)n < sizeof text);
    jy_import_stats st;
    int rc = jy_import_buffer(&st, fx_db, text, (size_t)n, NULL);
    cr_assert_eq(rc, JY_OK, "import: %s", jy_error_last()->message);
}

/* Sets one field of a stored record from text (jy_record_set_text). */
static inline void fx_update(jy_kind kind, int64_t id, const char *field, const char *text)
{
    jy_record *r = NULL;
    cr_assert_eq(jy_ledger_get(&r, fx_db, kind, id), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(jy_record_set_text(r, field, text), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(jy_ledger_update(fx_db, r), JY_OK, "%s", jy_error_last()->message);
    jy_record_free(r);
}

static inline jy_date fx_date(const char *text)
{
    jy_date d;
    cr_assert_eq(jy_date_parse(&d, text), JY_OK, "bad date %s", text);
    return d;
}

/* Enterprises 企业000 .. 企业<n-1>. */
static inline void fx_enterprises(int n)
{
    fx_buf b = { 0 };
    for (int i = 0; i < n; i++)
        fx_add(&b, "{\"type\":\"enterprise\",\"name\":\"企业%03d\",\"industry\":\"luggage\","
                   "\"industrial\":true}", i);
    fx_flush(&b);
}

/* `count` postings of kind `kind` published on `date`, spread over
 * enterprises first .. first + enterprises - 1. */
static inline void fx_postings(const char *date, int first, int enterprises, int count,
                               const char *kind)
{
    fx_buf b = { 0 };
    for (int i = 0; i < count; i++)
        fx_add(&b, "{\"type\":\"posting\",\"enterprise_id\":\"企业%03d\",\"title\":\"普工\","
                   "\"kind\":\"%s\",\"published_on\":\"%s\"}",
               first + i % enterprises, kind, date);
    fx_flush(&b);
}

/* `count` events of `kind` on `date`, with extra members `extra` (",\"minutes\":90" or ""). */
static inline void fx_events(const char *kind, const char *date, int count, const char *extra)
{
    fx_buf b = { 0 };
    for (int i = 0; i < count; i++)
        fx_add(&b, "{\"type\":\"event\",\"kind\":\"%s\",\"date\":\"%s\"%s}", kind, date, extra);
    fx_flush(&b);
}

/* A metric over from .. to; the caller frees it. */
static inline jy_measure *fx_measure(const char *name, const char *from, const char *to)
{
    jy_measure *m = NULL;
    int rc = jy_metric_compute(&m, fx_db, name, fx_date(from), fx_date(to), NULL,
                               fx_date(from));
    cr_assert_eq(rc, JY_OK, "%s: %s", name, jy_error_last()->message);
    return m;
}

/* The value of a metric over from .. to. */
static inline double fx_value(const char *name, const char *from, const char *to)
{
    jy_measure *m = fx_measure(name, from, to);
    double v = jy_measure_value(m);
    jy_measure_free(m);
    return v;
}

#endif /* JIUYE_TEST_METRICS_FIXTURE_H */
