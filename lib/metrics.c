/*
 * Metrics: the registry, the helpers every metric uses, and the public
 * jy_metric_compute().
 *
 * HOW TO ADD A METRIC
 *
 * 1. Metrics live in one source file per group of items of the scoring
 *    table: metrics_operations.c (items 1-2), metrics_platform.c (3-5),
 *    metrics_team.c (6-7), metrics_tea.c (13, 15), metrics_demand.c (8-9),
 *    metrics_labor.c (10-11), metrics_keygroups.c (12), metrics_other.c
 *    (14). A new group: create lib/metrics_<group>.c, add it to JY_SOURCES
 *    in lib/CMakeLists.txt, declare its table in lib/metrics_internal.h and
 *    add one line to `tables` below.
 * 2. Write a static function of type jy__metric_fn:
 *        static int m_trainings(jy_measure *out, const jy__mctx *ctx,
 *                               const jy__span *spans, size_t n)
 *    It fills out[i] for every span (a bucket of the assessed period: a
 *    month, a week, a working day, or the whole period): `value` and
 *    `has_value` (1 when measured; leave 0 for "nothing recorded", e.g. a
 *    manual fact nobody entered, a rate over no records). When ctx->want_ids
 *    is set (the engine asks for it once, for the span it shows as
 *    evidence), also fill the evidence: record_kind ("posting", "event"...),
 *    record_role ("counted" or "failing"), ids[] (ascending, at most
 *    JY_EVIDENCE_MAX), id_total, and optionally a Chinese note
 *    (jy__measure_note; never personal data).
 *    Use SQL aggregates through cached statements (the SQL must be a string
 *    literal: jy__metric_stmt / jy__metric_scalar / jy__metric_ids /
 *    jy__metric_count_records below) binding ?1 = span from and ?2 = span to
 *    as 'YYYY-MM-DD' text; do not iterate records in C (except to build a
 *    kept aggregate, jy__metric_cache_get, for a metric that reads a whole
 *    ledger for a state at the period's end). Most metrics are one
 *    call to jy__metric_count_records (see m_posting_enterprises in
 *    metrics_operations.c, the model to copy); a count of the events of
 *    one kind is the one line JY__EVENT_METRIC(m_name, "kind").
 * 3. Register it in the file's table: JY__METRIC("name", "unit", "中文说明",
 *    "English doc: what is counted, which dates, which records.",
 *    m_function). The name is what rules (data/rules-default.json) use;
 *    rules naming a metric that is not in the registry are rejected at load.
 * 4. Document it in docs/rules.md (the metric list), and bind it in
 *    data/rules-default.json if the seed's table needs it.
 * 5. Test it in tests/test_metrics_<group>.c: a scenario where the
 *    sub-indicator is met and one where it narrowly fails, through
 *    jy_metric_compute() (value, has_value, evidence) and through
 *    jy_assess() (status and deduction); tests/metrics_fixture.h has helpers
 *    to fill a database from JSON Lines.
 */
#include "metrics_internal.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line per group, each added by the group's owner. */
static const jy__metric_def *const tables[] = {
    jy__metrics_operations,
    jy__metrics_platform,
    jy__metrics_team,
    jy__metrics_tea,
    jy__metrics_demand,
    jy__metrics_labor,
    jy__metrics_keygroups,
    jy__metrics_other,
};
#define TABLE_COUNT (sizeof tables / sizeof tables[0])

static const jy__metric_def *def_at(size_t index)
{
    for (size_t t = 0; t < TABLE_COUNT; t++)
        for (const jy__metric_def *d = tables[t]; d->info.name; d++)
            if (index-- == 0)
                return d;
    return NULL;
}

size_t jy_metric_count(void)
{
    size_t n = 0;
    for (size_t t = 0; t < TABLE_COUNT; t++)
        for (const jy__metric_def *d = tables[t]; d->info.name; d++)
            n++;
    return n;
}

const jy_metric_info *jy_metric_at(size_t index)
{
    const jy__metric_def *d = def_at(index);
    return d ? &d->info : NULL;
}

const jy__metric_def *jy__metric_def_find(const char *name)
{
    if (!name)
        return NULL;
    for (size_t t = 0; t < TABLE_COUNT; t++)
        for (const jy__metric_def *d = tables[t]; d->info.name; d++)
            if (strcmp(d->info.name, name) == 0)
                return d;
    return NULL;
}

const jy_metric_info *jy_metric_find(const char *name)
{
    const jy__metric_def *d = jy__metric_def_find(name);
    return d ? &d->info : NULL;
}

/* ---- Helpers ----------------------------------------------------------- */

void jy__span_set(jy__span *s, jy_date from, jy_date to)
{
    s->from = from;
    s->to = to;
    jy_date_format(s->from_text, from);
    jy_date_format(s->to_text, to);
}

int jy__metric_stmt(sqlite3_stmt **out, const jy__mctx *ctx, const char *sql)
{
    return jy__db_prepare(out, ctx->db, sql);
}

static void bind_span(sqlite3_stmt *st, const jy__span *s)
{
    sqlite3_bind_text(st, 1, s->from_text, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, s->to_text, -1, SQLITE_STATIC);
}

int jy__metric_scalar(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n,
                      const char *count_sql)
{
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = NULL;
        int rc = jy__metric_stmt(&st, ctx, count_sql);
        if (rc != JY_OK)
            return rc;
        bind_span(st, &spans[i]);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
                out[i].value = sqlite3_column_double(st, 0);
                out[i].has_value = 1;
            }
        } else if (rc != SQLITE_DONE) {
            return jy__db_error(ctx->db, rc, "computing a metric");
        }
        sqlite3_reset(st);
    }
    return JY_OK;
}

int jy__metric_ids(jy_measure *out, const jy__mctx *ctx, const jy__span *span,
                   const char *ids_sql, const char *kind, const char *role, int64_t total,
                   const char *count_sql)
{
    sqlite3_stmt *st = NULL;
    int rc = jy__metric_stmt(&st, ctx, ids_sql);
    if (rc != JY_OK)
        return rc;
    bind_span(st, span);
    sqlite3_bind_int(st, 3, JY_EVIDENCE_MAX);
    out->id_count = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->id_count < JY_EVIDENCE_MAX)
        out->ids[out->id_count++] = sqlite3_column_int64(st, 0);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return jy__db_error(ctx->db, rc, "listing the evidence of a metric");
    sqlite3_reset(st);
    /* ascending, whatever order the query gave (queries that stop at the
     * cap without sorting everything are cheaper) */
    for (size_t i = 1; i < out->id_count; i++)
        for (size_t j = i; j > 0 && out->ids[j - 1] > out->ids[j]; j--) {
            int64_t t = out->ids[j];
            out->ids[j] = out->ids[j - 1];
            out->ids[j - 1] = t;
        }
    out->record_kind = kind;
    out->record_role = role;
    if (total < 0 && count_sql) {
        jy_measure tmp;
        memset(&tmp, 0, sizeof tmp);
        rc = jy__metric_scalar(&tmp, ctx, span, 1, count_sql);
        if (rc != JY_OK)
            return rc;
        total = (int64_t)tmp.value;
    }
    out->id_total = total < 0 ? (int64_t)out->id_count : total;
    return JY_OK;
}

int jy__metric_count_records(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                             size_t n, const char *count_sql, const char *ids_sql,
                             const char *kind)
{
    int rc = jy__metric_scalar(out, ctx, spans, n, count_sql);
    for (size_t i = 0; i < n && rc == JY_OK; i++) {
        out[i].has_value = 1; /* a count of nothing is 0, not "not recorded" */
        if (ctx->want_ids && ids_sql)
            rc = jy__metric_ids(&out[i], ctx, &spans[i], ids_sql, kind, "counted",
                                (int64_t)out[i].value, NULL);
    }
    return rc;
}

static long day_number(jy_date d)
{
    long n = 0;
    jy_date_to_days(&n, d);
    return n;
}

int jy__metric_count_daily(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                           size_t n, const char *daily_sql, const char *ids_sql,
                           const char *kind)
{
    if (n == 0)
        return JY_OK;
    sqlite3_stmt *st = NULL;
    int rc = jy__metric_stmt(&st, ctx, daily_sql);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_text(st, 1, spans[0].from_text, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, spans[n - 1].to_text, -1, SQLITE_STATIC);
    size_t at = 0;
    long at_from = day_number(spans[0].from), at_to = day_number(spans[0].to);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        jy_date d;
        const char *text = (const char *)sqlite3_column_text(st, 0);
        if (!text || jy_date_parse(&d, text) != JY_OK)
            continue;
        long day = day_number(d);
        while (at < n && day > at_to) {
            if (++at < n) {
                at_from = day_number(spans[at].from);
                at_to = day_number(spans[at].to);
            }
        }
        if (at == n)
            break;
        if (day >= at_from)
            out[at].value += sqlite3_column_double(st, 1);
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return jy__db_error(ctx->db, rc, "computing a metric");
    sqlite3_reset(st);
    for (size_t i = 0; i < n; i++) {
        out[i].has_value = 1;
        if (ctx->want_ids && ids_sql) {
            int r2 = jy__metric_ids(&out[i], ctx, &spans[i], ids_sql, kind, "counted",
                                    (int64_t)out[i].value, NULL);
            if (r2 != JY_OK)
                return r2;
        }
    }
    return JY_OK;
}

int jy__metric_rate(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n,
                    const char *rate_sql, const char *failing_ids_sql, const char *kind)
{
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = NULL;
        int rc = jy__metric_stmt(&st, ctx, rate_sql);
        if (rc != JY_OK)
            return rc;
        bind_span(st, &spans[i]);
        rc = sqlite3_step(st);
        if (rc != SQLITE_ROW)
            return jy__db_error(ctx->db, rc == SQLITE_DONE ? SQLITE_ERROR : rc,
                                "computing a rate");
        int64_t base = sqlite3_column_int64(st, 0), good = sqlite3_column_int64(st, 1);
        sqlite3_reset(st);
        out[i].has_value = 1;
        if (base <= 0) {
            out[i].value = 100;
            jy__measure_note(&out[i], "期间内无应计记录");
        } else {
            out[i].value = 100.0 * (double)good / (double)base;
            jy__measure_note(&out[i], "%lld/%lld", (long long)good, (long long)base);
        }
        if (ctx->want_ids && failing_ids_sql && good < base) {
            rc = jy__metric_ids(&out[i], ctx, &spans[i], failing_ids_sql, kind, "failing",
                                base - good, NULL);
            if (rc != JY_OK)
                return rc;
        }
    }
    return JY_OK;
}

int jy__metric_fact(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n,
                    const char *fact_sql)
{
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = NULL;
        int rc = jy__metric_stmt(&st, ctx, fact_sql);
        if (rc != JY_OK)
            return rc;
        bind_span(st, &spans[i]);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
            out[i].value = sqlite3_column_double(st, 0);
            out[i].has_value = 1;
            out[i].record_kind = "event";
            out[i].record_role = "counted";
            out[i].ids[0] = sqlite3_column_int64(st, 1);
            out[i].id_count = 1;
            out[i].id_total = 1;
            const char *date = (const char *)sqlite3_column_text(st, 2);
            const char *source = (const char *)sqlite3_column_text(st, 3);
            jy__measure_note(&out[i], "%s登记%s%s", date ? date : "",
                             source && *source ? "，来源：" : "", source ? source : "");
        } else if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
            jy__measure_note(&out[i], "未登记");
        } else {
            return jy__db_error(ctx->db, rc, "reading a recorded fact");
        }
        sqlite3_reset(st);
    }
    return JY_OK;
}

jy_date jy__metric_year_start(const jy__mctx *ctx, jy_date day)
{
    jy_period year;
    if (jy_date_is_valid(ctx->contract_start) &&
        jy_contract_year(&year, ctx->contract_start, day) == JY_OK)
        return year.from;
    return day;
}

int jy__metric_fill_ids(jy_measure *out, const jy__mctx *ctx, sqlite3_stmt *st,
                        const char *kind, const char *role, int64_t total)
{
    int rc;
    int64_t rows = 0;
    out->id_count = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (out->id_count < JY_EVIDENCE_MAX)
            out->ids[out->id_count++] = sqlite3_column_int64(st, 0);
        rows++;
        if (total >= 0 && out->id_count == JY_EVIDENCE_MAX)
            break;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return jy__db_error(ctx->db, rc, "listing the evidence of a metric");
    out->record_kind = kind;
    out->record_role = role;
    out->id_total = total >= 0 ? total : rows;
    return JY_OK;
}

void jy__measure_note(jy_measure *out, const char *fmt, ...)
{
    size_t len = strlen(out->note);
    if (len + 1 >= sizeof out->note)
        return;
    char buf[sizeof out->note];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    jy__strlcpy_utf8(out->note + len, sizeof out->note - len, buf);
}

/* ---- Cache of ledger-derived aggregates ---------------------------------- */

struct jy__metric_cache {
    struct {
        void *data;             /* NULL with `built`: the builder declined */
        void (*free_fn)(void *);
        int built, seen;
        int32_t bound;          /* the last day (YYYYMMDD) `data` holds the rows up to */
        int64_t data_version, changes; /* the state `data` is of */
        int64_t seen_version, seen_changes; /* the state of the last request */
    } slot[JY__MCACHE_COUNT_];
};

void jy__metric_cache_free(struct jy__metric_cache *cache)
{
    if (!cache)
        return;
    for (int i = 0; i < JY__MCACHE_COUNT_; i++)
        if (cache->slot[i].data && cache->slot[i].free_fn)
            cache->slot[i].free_fn(cache->slot[i].data);
    free(cache);
}

static const char data_version_sql[] = "PRAGMA data_version";

int jy__metric_cache_get_upto(void **data, const jy__mctx *ctx, jy__mcache_slot slot,
                              const char *end, int on_first, jy__mcache_build_fn build,
                              void (*free_fn)(void *))
{
    *data = NULL;
    jy_db *db = ctx->db;
    int32_t bound = jy__metric_date_key(end);
    if (bound < 0)
        return JY_OK; /* not a plain date: SQL compares it as text */
    if (!sqlite3_get_autocommit(db->conn))
        return JY_OK; /* an open transaction: its writes may still be undone */
    /* The state the aggregate is of, read before building it: a commit by
     * another connection while it is built only makes it rebuilt once more. */
    sqlite3_stmt *st = NULL;
    int rc = jy__db_prepare(&st, db, data_version_sql);
    if (rc != JY_OK)
        return rc;
    rc = sqlite3_step(st);
    int64_t version = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return jy__db_error(db, rc, "reading the database's data version");
    int64_t changes = (int64_t)sqlite3_total_changes64(db->conn);
    if (!db->metric_cache && !(db->metric_cache = jy__calloc(1, sizeof *db->metric_cache)))
        return JY_ENOMEM;
    struct jy__metric_cache *c = db->metric_cache;
    if (c->slot[slot].built && c->slot[slot].data_version == version &&
        c->slot[slot].changes == changes) {
        /* Holds every row up to its bound: any earlier end is answered
         * from it. A declined build declines every later end too (the
         * row that made it decline is still read), so SQL answers those
         * without building again. */
        if (c->slot[slot].data ? bound <= c->slot[slot].bound : bound >= c->slot[slot].bound) {
            *data = c->slot[slot].data;
            return JY_OK;
        }
    }
    if (c->slot[slot].data && c->slot[slot].free_fn)
        c->slot[slot].free_fn(c->slot[slot].data);
    c->slot[slot].data = NULL;
    c->slot[slot].built = 0;
    /* Built from the rows up to the request's end only: a scorecard of
     * March does not read the year's later rows. Without `on_first`, on
     * the second request for the same state (SQL answers the first). */
    if (!on_first && (!c->slot[slot].seen || c->slot[slot].seen_version != version ||
                      c->slot[slot].seen_changes != changes)) {
        c->slot[slot].seen = 1;
        c->slot[slot].seen_version = version;
        c->slot[slot].seen_changes = changes;
        return JY_OK;
    }
    void *built = NULL;
    if ((rc = build(&built, ctx, end)) != JY_OK)
        return rc;
    c->slot[slot].data = built;
    c->slot[slot].free_fn = free_fn;
    c->slot[slot].built = 1;
    c->slot[slot].bound = bound;
    c->slot[slot].data_version = version;
    c->slot[slot].changes = changes;
    *data = built;
    return JY_OK;
}

int32_t jy__metric_date_key(const char *t)
{
    if (!t)
        return -1;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (t[i] != '-')
                return -1;
        } else if (t[i] < '0' || t[i] > '9') {
            return -1;
        }
    }
    if (t[10])
        return -1;
    int32_t y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
    int32_t m = (t[5] - '0') * 10 + (t[6] - '0');
    int32_t d = (t[8] - '0') * 10 + (t[9] - '0');
    return y * 10000 + m * 100 + d;
}

/* ---- Public -------------------------------------------------------------- */

/* A `params` object as JSON text (jy_metric_compute_params). */
static int params_from_text(jy__mparams *out, const char *metric, const char *text)
{
    cJSON *root = NULL;
    int rc = jy__json_parse(&root, text, strlen(text), NULL);
    if (rc != JY_OK)
        return rc;
    char where[64], why[JY_LOCATION_TEXT_MAX];
    rc = jy__mparams_parse(out, metric, root, where, sizeof where, why, sizeof why);
    cJSON_Delete(root);
    if (rc != JY_OK)
        return jy__error(rc, "metric parameters, field 'params%s%s': %s", *where ? "." : "",
                         where, why);
    return JY_OK;
}

int jy__metric_run(jy_measure *out, const jy__metric_def *d, const jy__mctx *ctx,
                   const jy__span *spans, size_t n)
{
    memset(out, 0, n * sizeof *out);
    return d->fn(out, ctx, spans, n);
}

int jy_metric_compute(jy_measure **out, jy_db *db, const char *name, jy_date from, jy_date to,
                      const jy_calendar *cal, jy_date contract_start)
{
    return jy_metric_compute_params(out, db, name, from, to, cal, contract_start, NULL);
}

int jy_metric_compute_params(jy_measure **out, jy_db *db, const char *name, jy_date from,
                             jy_date to, const jy_calendar *cal, jy_date contract_start,
                             const char *params)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_metric_compute: out is NULL");
    *out = NULL;
    if (!db || !name)
        return jy__error(JY_EINVAL, "jy_metric_compute: NULL argument");
    if (!jy_date_is_valid(from) || !jy_date_is_valid(to) || jy_date_compare(from, to) > 0)
        return jy__error(JY_EINVAL, "jy_metric_compute: the period is not a valid range of dates");
    const jy__metric_def *d = jy__metric_def_find(name);
    if (!d)
        return jy__error(JY_ENOTFOUND, "no metric is called '%.60s'", name);
    if (contract_start.year == 0)
        contract_start = from;
    else if (!jy_date_is_valid(contract_start))
        return jy__error(JY_EINVAL, "jy_metric_compute: contract_start is not a valid date");
    jy__mparams values;
    int rc = params && *params ? params_from_text(&values, d->info.name, params) : JY_OK;
    if (rc != JY_OK)
        return rc;
    jy_measure *m = jy__calloc(1, sizeof *m);
    if (!m)
        return JY_ENOMEM;
    jy__mctx ctx = { db, cal, contract_start, 1, params && *params ? &values : NULL };
    jy__span span;
    jy__span_set(&span, from, to);
    rc = jy__metric_run(m, d, &ctx, &span, 1);
    if (rc != JY_OK) {
        free(m);
        return rc;
    }
    *out = m;
    return JY_OK;
}

void jy_measure_free(jy_measure *m)
{
    free(m);
}

double jy_measure_value(const jy_measure *m)
{
    return m ? m->value : 0;
}

int jy_measure_has_value(const jy_measure *m)
{
    return m ? m->has_value : 0;
}

const char *jy_measure_record_kind(const jy_measure *m)
{
    return m ? m->record_kind : NULL;
}

const char *jy_measure_record_role(const jy_measure *m)
{
    return m && m->record_kind ? m->record_role : NULL;
}

size_t jy_measure_id_count(const jy_measure *m)
{
    return m ? m->id_count : 0;
}

int64_t jy_measure_id_at(const jy_measure *m, size_t index)
{
    return m && index < m->id_count ? m->ids[index] : 0;
}

int64_t jy_measure_id_total(const jy_measure *m)
{
    return m ? m->id_total : 0;
}

const char *jy_measure_note(const jy_measure *m)
{
    return m ? m->note : "";
}
