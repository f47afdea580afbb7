/*
 * Metrics of item 12: key groups (12.1-12.3). Owned by the metrics2
 * branch; docs/rules.md, item 12, explains every choice.
 */
#include "metrics_reports.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A labor record is in the ledger by the span's end (?2) when entered by
 * then (labor.entered_on, the first insert's date: see labor_records in
 * metrics_labor.c). */
#define ENTERED_BY_END "entered_on <= ?2"

/* 12.1: the "1311" package, per key-group person: one policy briefing
 * (政策宣讲), one career-guidance session (职业指导), three job referrals
 * (岗位推荐, or 岗位推介), one training or traineeship offer (培训见习),
 * as service_1311 events with the person's labor_id dated up to the
 * span's end. Key-group persons: labor records with a key-group tag
 * entered by the span's end. Computed by package_merge() below. The
 * numbers are the rule's parameters (docs/rules.md), these by default. */
static const jy__param_id package_ids[4] = { JY__P_1311_BRIEFINGS, JY__P_1311_GUIDANCE,
                                             JY__P_1311_REFERRALS, JY__P_1311_TRAININGS };

/* need[4]: briefings, guidance sessions, referrals, training offers. */
static void package_need(int need[4], const jy__mctx *ctx)
{
    for (int j = 0; j < 4; j++)
        need[j] = (int)jy__mparam(ctx, package_ids[j]);
}

static int bind_span2(sqlite3_stmt *st, const jy__span *s)
{
    sqlite3_bind_text(st, 1, s->from_text, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, s->to_text, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, JY_EVIDENCE_MAX);
    return JY_OK;
}

/* Runs a one-row statement of the span and copies up to `k` integer
 * columns; with `ids`, column k holds record ids joined by commas, kept as
 * the evidence of `out` (the caller sets kind, role and total). */
static int row_ints(int64_t *v, size_t k, const jy__mctx *ctx, const char *sql,
                    const jy__span *s, jy_measure *ids)
{
    sqlite3_stmt *st = NULL;
    int rc = jy__metric_stmt(&st, ctx, sql);
    if (rc != JY_OK)
        return rc;
    bind_span2(st, s);
    rc = sqlite3_step(st);
    for (size_t j = 0; j < k; j++)
        v[j] = rc == SQLITE_ROW ? sqlite3_column_int64(st, (int)j) : 0;
    if (ids && rc == SQLITE_ROW) {
        const char *list = (const char *)sqlite3_column_text(st, (int)k);
        ids->id_count = 0;
        while (list && *list && ids->id_count < JY_EVIDENCE_MAX) {
            char *end = NULL;
            long long id = strtoll(list, &end, 10);
            if (end == list)
                break;
            ids->ids[ids->id_count++] = (int64_t)id;
            list = *end == ',' ? end + 1 : end;
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? JY_OK : jy__db_error(ctx->db, rc, "computing a metric");
}

static int ids_of(jy_measure *out, const jy__mctx *ctx, const char *sql, const jy__span *s,
                  const char *kind, const char *role, int64_t total)
{
    sqlite3_stmt *st = NULL;
    int rc = jy__metric_stmt(&st, ctx, sql);
    if (rc != JY_OK)
        return rc;
    bind_span2(st, s);
    return jy__metric_fill_ids(out, ctx, st, kind, role, total);
}

/* The latest end of the spans (the bound an aggregate is built for). */
static const char *latest_end(const jy__span *spans, size_t n)
{
    const char *end = spans[0].to_text;
    for (size_t i = 1; i < n; i++)
        if (strcmp(spans[i].to_text, end) > 0)
            end = spans[i].to_text;
    return end;
}

/* 12.1 in one merge of two ordered reads, both from an index alone: the
 * key-group persons entered by the span's end (the partial covering index
 * labor_key_group_entered, sorted by id: a few thousand) and the
 * service_1311 events up to the span's end in person order (the covering
 * index event_kind_labor: no sorting). Counting in C rather than with a
 * GROUP BY of conditional sums: the tens of thousands of events a county
 * records in a year cost one step each, not four aggregate calls.
 * tests/test_metrics_keygroups.c checks it against a plain SQL computation
 * on a generated county. */
static const char kg_sql[] =
    "SELECT id FROM labor WHERE key_groups IS NOT NULL AND key_groups <> ''"
    " AND entered_on <= ?2 ORDER BY id + 0";
static const char services_sql[] =
    "SELECT labor_id, service_type FROM event WHERE kind = 'service_1311' AND +date <= ?2"
    " AND labor_id IS NOT NULL ORDER BY labor_id";

/* v: persons, complete, with the briefings, with the guidance, with the
 * referrals, with the training offers the package needs; ids: the first
 * persons without the package. */
static int package_merge(int64_t v[6], const jy__mctx *ctx, const jy__span *s, jy_measure *ids)
{
    sqlite3_stmt *kg = NULL, *ev = NULL;
    int rc = jy__metric_stmt(&kg, ctx, kg_sql);
    if (rc != JY_OK)
        return rc;
    if ((rc = jy__metric_stmt(&ev, ctx, services_sql)) != JY_OK)
        return rc;
    bind_span2(kg, s);
    bind_span2(ev, s);
    int need[4];
    package_need(need, ctx);
    for (int j = 0; j < 6; j++)
        v[j] = 0;
    ids->id_count = 0;
    int es = sqlite3_step(ev), ks;
    while ((ks = sqlite3_step(kg)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(kg, 0);
        int a = 0, b = 0, r = 0, t = 0;
        while (es == SQLITE_ROW && sqlite3_column_int64(ev, 0) < id)
            es = sqlite3_step(ev);
        while (es == SQLITE_ROW && sqlite3_column_int64(ev, 0) == id) {
            const char *type = (const char *)sqlite3_column_text(ev, 1);
            if (type) {
                if (!strcmp(type, "policy_briefing"))
                    a++;
                else if (!strcmp(type, "career_guidance"))
                    b++;
                else if (!strcmp(type, "job_referral") || !strcmp(type, "job_recommendation"))
                    r++;
                else if (!strcmp(type, "training_offer"))
                    t++;
            }
            es = sqlite3_step(ev);
        }
        a = a >= need[0];
        b = b >= need[1];
        r = r >= need[2];
        t = t >= need[3];
        v[0]++;
        v[2] += a;
        v[3] += b;
        v[4] += r;
        v[5] += t;
        if (a && b && r && t)
            v[1]++;
        else if (ids->id_count < JY_EVIDENCE_MAX)
            ids->ids[ids->id_count++] = id;
    }
    if (ks == SQLITE_DONE && es != SQLITE_ROW && es != SQLITE_DONE)
        ks = es;
    sqlite3_reset(kg);
    sqlite3_reset(ev);
    return ks == SQLITE_DONE ? JY_OK : jy__db_error(ctx->db, ks, "computing a metric");
}

/* The aggregate 12.1 is answered from (jy__metric_cache_get_upto): per
 * key-group person entered by the bound (ascending id), the entry date and
 * the date each part of the package was reached by the bound (the third
 * referral's for the referrals), as YYYYMMDD numbers, NEVER when not
 * reached. A span's end then needs one pass over the persons, not over
 * their events. Built for the package of the request that builds it (kept
 * in `package`): a request with another package is answered by
 * package_merge(). */
#define NEVER INT32_MAX

typedef struct kg_person {
    int64_t id;
    int32_t entered, briefing, guidance, referral3, training;
} kg_person;

typedef struct kg_packages {
    size_t n;
    kg_person *p;
    jy__mparams package;   /* the package the dates are of */
} kg_packages;

static void kg_packages_free(void *data)
{
    kg_packages *k = data;
    if (!k)
        return;
    free(k->p);
    free(k);
}

/* In entry order (the partial index's): kg_persons sorts them by id, for a
 * third of what SQLite's sorter costs. */
static const char kg_upto_sql[] =
    "SELECT id, entered_on FROM labor WHERE key_groups IS NOT NULL AND key_groups <> ''"
    " AND entered_on <= ?1";
/* The events in person order, from the covering index event_kind_labor
 * (every service_1311 event of the ledger is read: `+date`, a filter) ... */
static const char services_by_person_sql[] =
    "SELECT labor_id, service_type, date FROM event WHERE kind = 'service_1311'"
    " AND labor_id IS NOT NULL AND +date <= ?1 ORDER BY labor_id";
/* ... or in date order, from the covering index event_kind_date (schema 4):
 * only the events up to the bound. */
static const char services_by_date_sql[] =
    "SELECT labor_id, service_type, date FROM event WHERE kind = 'service_1311'"
    " AND date <= ?1 ORDER BY date";
/* the last event's date (a seek in event_kind_date) */
static const char services_last_sql[] =
    "SELECT max(date) FROM event WHERE kind = 'service_1311'";

/* Both indexes hold the same columns, so an event costs about the same
 * pages either way: by date whenever the bound leaves events out (a month
 * or a quarter of a year's ledger), by person otherwise, which merges
 * without a search per event (docs/BENCHMARKS.md). */

/* The k earliest dates of a part, ascending (r[k - 1] = the k-th's); k = 0
 * keeps nothing (the part is reached on entry). */
static void keep_k(int32_t *r, int k, int32_t d)
{
    if (k <= 0 || d >= r[k - 1])
        return;
    int j = k - 1;
    for (; j > 0 && r[j - 1] > d; j--)
        r[j] = r[j - 1];
    r[j] = d;
}

/* The date a part needing k events was reached: the k-th's, 0 for none. */
static int32_t kth(const int32_t *r, int k)
{
    return k > 0 ? r[k - 1] : 0;
}

/* The part (0-3) of a service type, or -1. */
static int part_of(const char *type)
{
    if (!type)
        return -1;
    if (!strcmp(type, "policy_briefing"))
        return 0;
    if (!strcmp(type, "career_guidance"))
        return 1;
    if (!strcmp(type, "job_referral") || !strcmp(type, "job_recommendation"))
        return 2;
    if (!strcmp(type, "training_offer"))
        return 3;
    return -1;
}

/* 1 when the events up to `end` are better read by date: `end` before the
 * last event's date (compared as text, as SQL compares them). */
static int read_by_date(int *by_date, const jy__mctx *ctx, const char *end)
{
    *by_date = 0;
    sqlite3_stmt *st = NULL;
    int rc = jy__metric_stmt(&st, ctx, services_last_sql);
    if (rc != JY_OK)
        return rc;
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        return jy__db_error(ctx->db, rc, "computing a metric");
    }
    const char *last = (const char *)sqlite3_column_text(st, 0);
    *by_date = last && strcmp(end, last) < 0;
    sqlite3_reset(st);
    return JY_OK;
}

static int kg_by_id(const void *a, const void *b)
{
    int64_t x = ((const kg_person *)a)->id, y = ((const kg_person *)b)->id;
    return x < y ? -1 : x > y;
}

/* The key-group persons entered by `end`, sorted by id. */
static int kg_persons(kg_packages *k, int *usable, const jy__mctx *ctx, const char *end)
{
    sqlite3_stmt *kg = NULL;
    int rc = jy__metric_stmt(&kg, ctx, kg_upto_sql);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_text(kg, 1, end, -1, SQLITE_STATIC);
    size_t cap = 0;
    int ks;
    while ((ks = sqlite3_step(kg)) == SQLITE_ROW) {
        if (k->n == cap) {
            size_t ncap = cap ? cap * 2 : 1024;
            kg_person *np = jy__realloc(k->p, ncap * sizeof *np);
            if (!np) {
                sqlite3_reset(kg);
                return JY_ENOMEM;
            }
            k->p = np;
            cap = ncap;
        }
        kg_person *p = &k->p[k->n];
        p->id = sqlite3_column_int64(kg, 0);
        p->entered = jy__metric_date_key((const char *)sqlite3_column_text(kg, 1));
        if (p->entered < 0) {
            *usable = 0;
            sqlite3_reset(kg);
            return JY_OK;
        }
        k->n++;
    }
    sqlite3_reset(kg);
    if (ks != SQLITE_DONE)
        return jy__db_error(ctx->db, ks, "computing a metric");
    if (k->n > 1)
        qsort(k->p, k->n, sizeof *k->p, kg_by_id);
    return JY_OK;
}

/* The events merged with the persons (both in person order). */
static int kg_events_by_person(kg_packages *k, int *usable, const jy__mctx *ctx,
                               const char *end, const int need[4])
{
    sqlite3_stmt *ev = NULL;
    int rc = jy__metric_stmt(&ev, ctx, services_by_person_sql);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_text(ev, 1, end, -1, SQLITE_STATIC);
    int es = k->n ? sqlite3_step(ev) : SQLITE_DONE;
    for (size_t i = 0; i < k->n && *usable; i++) {
        kg_person *p = &k->p[i];
        int32_t dates[4][JY__PARAM_PACKAGE_MAX];
        for (int j = 0; j < 4; j++)
            for (int q = 0; q < JY__PARAM_PACKAGE_MAX; q++)
                dates[j][q] = NEVER;
        while (es == SQLITE_ROW && sqlite3_column_int64(ev, 0) < p->id)
            es = sqlite3_step(ev);
        while (es == SQLITE_ROW && sqlite3_column_int64(ev, 0) == p->id) {
            int part = part_of((const char *)sqlite3_column_text(ev, 1));
            int32_t d = jy__metric_date_key((const char *)sqlite3_column_text(ev, 2));
            if (d < 0) {
                *usable = 0;
                break;
            }
            if (part >= 0)
                keep_k(dates[part], need[part], d);
            es = sqlite3_step(ev);
        }
        p->briefing = kth(dates[0], need[0]);
        p->guidance = kth(dates[1], need[1]);
        p->referral3 = kth(dates[2], need[2]);
        p->training = kth(dates[3], need[3]);
    }
    sqlite3_reset(ev);
    if (*usable && es != SQLITE_ROW && es != SQLITE_DONE)
        return jy__db_error(ctx->db, es, "computing a metric");
    return JY_OK;
}

static int by_id(const void *key, const void *elem)
{
    int64_t a = *(const int64_t *)key, b = ((const kg_person *)elem)->id;
    return a < b ? -1 : a > b;
}

/* The events in date order, each found among the persons by id: a part is
 * reached on the date its count of events reaches the package's. */
static int kg_events_by_date(kg_packages *k, int *usable, const jy__mctx *ctx,
                             const char *end, const int need[4])
{
    for (size_t i = 0; i < k->n; i++) {
        kg_person *p = &k->p[i];
        p->briefing = need[0] > 0 ? NEVER : 0;
        p->guidance = need[1] > 0 ? NEVER : 0;
        p->referral3 = need[2] > 0 ? NEVER : 0;
        p->training = need[3] > 0 ? NEVER : 0;
    }
    if (k->n == 0)
        return JY_OK;
    uint8_t(*count)[4] = jy__calloc(k->n, sizeof *count);
    if (!count)
        return JY_ENOMEM;
    sqlite3_stmt *ev = NULL;
    int rc = jy__metric_stmt(&ev, ctx, services_by_date_sql);
    if (rc != JY_OK) {
        free(count);
        return rc;
    }
    sqlite3_bind_text(ev, 1, end, -1, SQLITE_STATIC);
    int es;
    int32_t previous = 0;
    while ((es = sqlite3_step(ev)) == SQLITE_ROW) {
        int type = sqlite3_column_type(ev, 0);
        if (type == SQLITE_NULL)
            continue;
        int64_t id = sqlite3_column_int64(ev, 0);
        /* a labor_id that is not an integer: SQL's merge would read it as
         * the integer it truncates to; left to SQL */
        if (type != SQLITE_INTEGER) {
            *usable = 0;
            break;
        }
        kg_person *p = bsearch(&id, k->p, k->n, sizeof *k->p, by_id);
        if (!p)
            continue;
        int32_t d = jy__metric_date_key((const char *)sqlite3_column_text(ev, 2));
        if (d < previous) { /* not a plain date (-1), or not in order */
            *usable = 0;
            break;
        }
        previous = d;
        int part = part_of((const char *)sqlite3_column_text(ev, 1));
        if (part < 0 || need[part] <= 0 || count[p - k->p][part] >= need[part])
            continue;
        if (++count[p - k->p][part] == need[part]) {
            int32_t *reached[4] = { &p->briefing, &p->guidance, &p->referral3, &p->training };
            *reached[part] = d;
        }
    }
    sqlite3_reset(ev);
    free(count);
    if (*usable && es != SQLITE_DONE)
        return jy__db_error(ctx->db, es, "computing a metric");
    return JY_OK;
}

static int kg_packages_build(void **data, const jy__mctx *ctx, const char *end)
{
    *data = NULL;
    kg_packages *k = jy__calloc(1, sizeof *k);
    if (!k)
        return JY_ENOMEM;
    int need[4];
    package_need(need, ctx);
    jy__mparams_init(&k->package);
    for (int j = 0; j < 4; j++)
        k->package.v[package_ids[j]] = need[j];
    int usable = 1, by_date = 0;
    int rc = kg_persons(k, &usable, ctx, end);
    if (rc == JY_OK && usable)
        rc = read_by_date(&by_date, ctx, end);
    if (rc == JY_OK && usable)
        rc = by_date ? kg_events_by_date(k, &usable, ctx, end, need)
                     : kg_events_by_person(k, &usable, ctx, end, need);
    if (rc != JY_OK || !usable) {
        kg_packages_free(k);
        return rc;
    }
    *data = k;
    return JY_OK;
}

/* package_merge() from the aggregate, for the span's end `end`. */
static void package_count(int64_t v[6], const kg_packages *k, int32_t end, jy_measure *ids)
{
    for (int j = 0; j < 6; j++)
        v[j] = 0;
    ids->id_count = 0;
    for (size_t i = 0; i < k->n; i++) {
        const kg_person *p = &k->p[i];
        if (p->entered > end)
            continue;
        int a = p->briefing <= end, b = p->guidance <= end, r = p->referral3 <= end,
            t = p->training <= end;
        v[0]++;
        v[2] += a;
        v[3] += b;
        v[4] += r;
        v[5] += t;
        if (a && b && r && t)
            v[1]++;
        else if (ids->id_count < JY_EVIDENCE_MAX)
            ids->ids[ids->id_count++] = p->id;
    }
}

static int m_key_group_1311(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                            size_t n)
{
    if (n == 0)
        return JY_OK;
    void *data = NULL;
    int rc = jy__metric_cache_get_upto(&data, ctx, JY__MCACHE_PACKAGE_1311,
                                       latest_end(spans, n), 1, kg_packages_build,
                                       kg_packages_free);
    if (rc != JY_OK)
        return rc;
    if (data && jy__mparams_differ(&((kg_packages *)data)->package, ctx->params, package_ids, 4))
        data = NULL; /* kept for another package */
    for (size_t i = 0; i < n; i++) {
        int64_t v[6];
        int32_t end = jy__metric_date_key(spans[i].to_text);
        if (data && end >= 0)
            package_count(v, data, end, &out[i]);
        else
            rc = package_merge(v, ctx, &spans[i], &out[i]);
        if (rc != JY_OK)
            return rc;
        if (v[0] > 0) {
            out[i].value = (double)(100 * v[1]) / (double)v[0];
            out[i].has_value = 1;
        }
        if (!ctx->want_ids) {
            out[i].id_count = 0;
            continue;
        }
        out[i].record_kind = "labor";
        out[i].record_role = "failing";
        out[i].id_total = v[0] - v[1];
        int need[4];
        package_need(need, ctx);
        if (jy__mparams_differ(NULL, ctx->params, package_ids, 4))
            jy__measure_note(&out[i], "本细则的1311服务：政策宣讲%d次、职业指导%d次、岗位推荐%d次、"
                             "培训见习%d次；", need[0], need[1], need[2], need[3]);
        if (v[0] > 0)
            jy__measure_note(&out[i],
                             "重点群体%lld人，完成1311服务%lld人；缺政策宣讲%lld人、缺职业指导%lld人、"
                             "岗位推荐不足%d次%lld人、缺培训见习%lld人",
                             (long long)v[0], (long long)v[1], (long long)(v[0] - v[2]),
                             (long long)(v[0] - v[3]), need[2], (long long)(v[0] - v[4]),
                             (long long)(v[0] - v[5]));
        else
            jy__measure_note(&out[i], "劳动力资源信息中没有标注重点群体的人员");
    }
    return JY_OK;
}

/* The aggregate 12.2's three metrics are answered from
 * (jy__metric_cache_get_upto; one build serves all three): the persons
 * return-home assistance is for (ascending id, with their entry date), the
 * persons with return_assistance events (ascending id, each with its
 * events' dates, ascending, and the first date of one recording success),
 * and the dates of the assistances of named persons without a labor
 * record; entries and events up to the bound only. Dates as YYYYMMDD
 * numbers. None (SQL answers) when a date is not a plain date or a success
 * is not 0 or 1. */
typedef struct ra_person {
    int64_t id;
    int32_t first_ok;        /* NEVER: no assistance recorded success */
    size_t at, n;            /* its dates: dates[at .. at + n) */
} ra_person;

typedef struct ra_need {
    int64_t id;
    int32_t entered;
} ra_need;

typedef struct return_aid {
    size_t np, nd, nn, nnamed;
    ra_person *p;
    int32_t *dates;
    ra_need *need;
    int32_t *named;
} return_aid;

static void return_aid_free(void *data)
{
    return_aid *r = data;
    if (!r)
        return;
    free(r->p);
    free(r->dates);
    free(r->need);
    free(r->named);
    free(r);
}

static const char ra_events_sql[] =
    "SELECT labor_id, date, success FROM event WHERE kind = 'return_assistance'"
    " AND labor_id IS NOT NULL AND date <= ?1 ORDER BY labor_id, date";
static const char ra_named_sql[] =
    "SELECT date FROM event WHERE kind = 'return_assistance' AND labor_id IS NULL"
    " AND person_name IS NOT NULL AND date <= ?1 ORDER BY date";
static const char ra_need_sql[] =
    "SELECT id, entered_on FROM labor WHERE returnee = 1 AND wish_local = 1 AND needs_job = 1"
    " AND entered_on <= ?1"; /* the partial index's order: sorted by id in C */

static int ra_need_by_id(const void *a, const void *b)
{
    int64_t x = ((const ra_need *)a)->id, y = ((const ra_need *)b)->id;
    return x < y ? -1 : x > y;
}

/* Grows *a (of *cap elements of `size`) to hold one more than `n`. */
static int grow(void **a, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return JY_OK;
    size_t ncap = *cap ? *cap * 2 : 256;
    void *na = jy__realloc(*a, ncap * size);
    if (!na)
        return JY_ENOMEM;
    *a = na;
    *cap = ncap;
    return JY_OK;
}

static int return_aid_build(void **data, const jy__mctx *ctx, const char *end)
{
    *data = NULL;
    return_aid *r = jy__calloc(1, sizeof *r);
    if (!r)
        return JY_ENOMEM;
    size_t cp = 0, cd = 0, cn = 0, cnamed = 0;
    int usable = 1, rc = JY_OK, step = SQLITE_DONE;
    sqlite3_stmt *st = NULL;
    /* the persons with assistances, and their dates */
    if ((rc = jy__metric_stmt(&st, ctx, ra_events_sql)) != JY_OK)
        goto fail;
    sqlite3_bind_text(st, 1, end, -1, SQLITE_STATIC);
    while (usable && (step = sqlite3_step(st)) == SQLITE_ROW) {
        int32_t d = jy__metric_date_key((const char *)sqlite3_column_text(st, 1));
        int ok_type = sqlite3_column_type(st, 2);
        int64_t ok = sqlite3_column_int64(st, 2);
        if (d < 0 || sqlite3_column_type(st, 0) != SQLITE_INTEGER ||
            (ok_type != SQLITE_NULL && (ok_type != SQLITE_INTEGER || ok < 0 || ok > 1))) {
            usable = 0;
            break;
        }
        int64_t id = sqlite3_column_int64(st, 0);
        if (r->np == 0 || r->p[r->np - 1].id != id) {
            if ((rc = grow((void **)&r->p, &cp, r->np, sizeof *r->p)) != JY_OK)
                break;
            r->p[r->np].id = id;
            r->p[r->np].first_ok = NEVER;
            r->p[r->np].at = r->nd;
            r->p[r->np].n = 0;
            r->np++;
        }
        if ((rc = grow((void **)&r->dates, &cd, r->nd, sizeof *r->dates)) != JY_OK)
            break;
        r->dates[r->nd++] = d;
        ra_person *p = &r->p[r->np - 1];
        p->n++;
        if (ok == 1 && d < p->first_ok)
            p->first_ok = d;
    }
    sqlite3_reset(st);
    if (rc != JY_OK)
        goto fail;
    if (usable && step != SQLITE_ROW && step != SQLITE_DONE)
        goto db_fail;
    /* the named persons without a labor record */
    if (usable && (rc = jy__metric_stmt(&st, ctx, ra_named_sql)) != JY_OK)
        goto fail;
    if (usable)
        sqlite3_bind_text(st, 1, end, -1, SQLITE_STATIC);
    while (usable && (step = sqlite3_step(st)) == SQLITE_ROW) {
        int32_t d = jy__metric_date_key((const char *)sqlite3_column_text(st, 0));
        if (d < 0) {
            usable = 0;
            break;
        }
        if ((rc = grow((void **)&r->named, &cnamed, r->nnamed, sizeof *r->named)) != JY_OK)
            break;
        r->named[r->nnamed++] = d;
    }
    if (usable)
        sqlite3_reset(st);
    if (rc != JY_OK)
        goto fail;
    if (usable && step != SQLITE_ROW && step != SQLITE_DONE)
        goto db_fail;
    /* the persons assistance is for */
    if (usable && (rc = jy__metric_stmt(&st, ctx, ra_need_sql)) != JY_OK)
        goto fail;
    if (usable)
        sqlite3_bind_text(st, 1, end, -1, SQLITE_STATIC);
    while (usable && (step = sqlite3_step(st)) == SQLITE_ROW) {
        int32_t d = jy__metric_date_key((const char *)sqlite3_column_text(st, 1));
        int64_t id = sqlite3_column_int64(st, 0);
        if (d < 0) {
            usable = 0;
            break;
        }
        if ((rc = grow((void **)&r->need, &cn, r->nn, sizeof *r->need)) != JY_OK)
            break;
        r->need[r->nn].id = id;
        r->need[r->nn].entered = d;
        r->nn++;
    }
    if (usable)
        sqlite3_reset(st);
    if (rc != JY_OK)
        goto fail;
    if (usable && step != SQLITE_ROW && step != SQLITE_DONE)
        goto db_fail;
    if (st)
        sqlite3_reset(st);
    if (!usable) {
        return_aid_free(r);
        return JY_OK;
    }
    if (r->nn > 1)
        qsort(r->need, r->nn, sizeof *r->need, ra_need_by_id);
    *data = r;
    return JY_OK;
db_fail:
    sqlite3_reset(st);
    rc = jy__db_error(ctx->db, step, "computing a metric");
fail:
    if (st)
        sqlite3_reset(st);
    return_aid_free(r);
    return rc;
}

/* Whether a person has an assistance dated in [from, to]. */
static int ra_in_span(const return_aid *r, const ra_person *p, int32_t from, int32_t to)
{
    for (size_t j = 0; j < p->n; j++) {
        int32_t d = r->dates[p->at + j];
        if (d > to)
            return 0;
        if (d >= from)
            return 1;
    }
    return 0;
}

/* The aggregate of the connection for spans[i], or NULL (then SQL
 * answers); built once for the latest end of the spans. */
static int return_aid_get(const return_aid **out, const jy__mctx *ctx, const jy__span *spans,
                          size_t n, size_t i, int32_t *from, int32_t *to)
{
    void *data = NULL;
    int rc = jy__metric_cache_get_upto(&data, ctx, JY__MCACHE_RETURN_AID, latest_end(spans, n),
                                       1, return_aid_build, return_aid_free);
    *from = jy__metric_date_key(spans[i].from_text);
    *to = jy__metric_date_key(spans[i].to_text);
    if (*from < 0 || *to < 0)
        data = NULL;
    *out = data;
    return rc;
}

/* assisted_sql from the aggregate: v[0] persons to assist, v[1] assisted;
 * the first of those not assisted as evidence. */
static void ra_assisted(int64_t v[2], const return_aid *r, int32_t to, jy_measure *ids)
{
    v[0] = v[1] = 0;
    ids->id_count = 0;
    size_t k = 0;
    for (size_t i = 0; i < r->nn; i++) {
        const ra_need *p = &r->need[i];
        if (p->entered > to)
            continue;
        v[0]++;
        while (k < r->np && r->p[k].id < p->id)
            k++;
        if (k < r->np && r->p[k].id == p->id && r->p[k].n && r->dates[r->p[k].at] <= to)
            v[1]++;
        else if (ids->id_count < JY_EVIDENCE_MAX)
            ids->ids[ids->id_count++] = p->id;
    }
}

/* employed_sql from the aggregate: v[0] persons assisted in the span, v[1]
 * employed by its end; with ids, the first not employed. */
static void ra_employed(int64_t v[2], const return_aid *r, int32_t from, int32_t to,
                        jy_measure *ids)
{
    v[0] = v[1] = 0;
    if (ids)
        ids->id_count = 0;
    for (size_t i = 0; i < r->np; i++) {
        const ra_person *p = &r->p[i];
        if (!ra_in_span(r, p, from, to))
            continue;
        v[0]++;
        if (p->first_ok <= to)
            v[1]++;
        else if (ids && ids->id_count < JY_EVIDENCE_MAX)
            ids->ids[ids->id_count++] = p->id;
    }
}

/* 12.2: return-home employment assistance. The persons it is for:
 * returnees (labor.returnee) who wish to work in the county (wish_local)
 * and want a job (needs_job), entered by the span's end. Assisted: a
 * return_assistance event with their labor_id dated up to the span's end. */
#define NEED_CTE \
    "WITH p AS MATERIALIZED (SELECT id FROM labor" \
    "  WHERE returnee = 1 AND wish_local = 1 AND needs_job = 1 AND " ENTERED_BY_END ")," \
    " a AS MATERIALIZED (SELECT DISTINCT labor_id + 0 AS lid FROM event WHERE kind = 'return_assistance'" \
    "  AND +date <= ?2 AND +labor_id IN p) "

static const char assisted_sql[] =
    NEED_CTE "SELECT (SELECT count(*) FROM p), (SELECT count(*) FROM a),"
    " (SELECT group_concat(id) FROM (SELECT id FROM p WHERE id NOT IN (SELECT lid FROM a)"
    "  ORDER BY id LIMIT ?3))";

static int m_return_assistance_rate(jy_measure *out, const jy__mctx *ctx,
                                    const jy__span *spans, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int64_t v[2];
        const return_aid *r = NULL;
        int32_t from, to;
        int rc = return_aid_get(&r, ctx, spans, n, i, &from, &to);
        if (rc != JY_OK)
            return rc;
        if (r)
            ra_assisted(v, r, to, &out[i]);
        else
            rc = row_ints(v, 2, ctx, assisted_sql, &spans[i], &out[i]);
        if (rc != JY_OK)
            return rc;
        /* Nobody to assist: nothing was due (100, noted), as the rates of
         * the other items (jy__metric_rate). */
        out[i].value = v[0] > 0 ? (double)(100 * v[1]) / (double)v[0] : 100;
        out[i].has_value = 1;
        if (!ctx->want_ids) {
            out[i].id_count = 0;
            continue;
        }
        out[i].record_kind = "labor";
        out[i].record_role = "failing";
        out[i].id_total = v[0] - v[1];
        if (v[0] > 0)
            jy__measure_note(&out[i], "有返乡就业意愿和就业需求的返乡务工人员%lld人，已帮扶%lld人",
                             (long long)v[0], (long long)v[1]);
        else
            jy__measure_note(&out[i], "没有需要返乡就业帮扶的人员（无应帮扶对象）");
    }
    return JY_OK;
}

/* Persons assisted in the span (return_assistance events with a labor_id
 * dated in it), and whether any assistance up to the span's end employed
 * them (success). */
#define ASSISTED_CTE \
    "WITH a AS (SELECT labor_id + 0 AS lid, max(coalesce(success, 0)) AS ok," \
    "  max(date >= ?1) AS in_span FROM event WHERE kind = 'return_assistance'" \
    "  AND +labor_id IS NOT NULL AND +date <= ?2 GROUP BY lid HAVING in_span) "

static const char employed_sql[] = ASSISTED_CTE "SELECT count(*), coalesce(sum(ok), 0) FROM a";

static const char unemployed_ids_sql[] =
    ASSISTED_CTE "SELECT lid FROM a WHERE ok = 0 ORDER BY lid LIMIT ?3";

static int m_return_employment_rate(jy_measure *out, const jy__mctx *ctx,
                                    const jy__span *spans, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int64_t v[2];
        const return_aid *r = NULL;
        int32_t from, to;
        int rc = return_aid_get(&r, ctx, spans, n, i, &from, &to);
        if (rc != JY_OK)
            return rc;
        if (r) {
            ra_employed(v, r, from, to, ctx->want_ids ? &out[i] : NULL);
        } else if ((rc = row_ints(v, 2, ctx, employed_sql, &spans[i], NULL)) != JY_OK) {
            return rc;
        }
        out[i].value = v[0] > 0 ? (double)(100 * v[1]) / (double)v[0] : 100;
        out[i].has_value = 1;
        if (!ctx->want_ids)
            continue;
        if (r) {
            out[i].record_kind = "labor";
            out[i].record_role = "failing";
            out[i].id_total = v[0] - v[1];
        } else if ((rc = ids_of(&out[i], ctx, unemployed_ids_sql, &spans[i], "labor", "failing",
                                v[0] - v[1])) != JY_OK) {
            return rc;
        }
        if (v[0] > 0)
            jy__measure_note(&out[i], "帮扶%lld人，实现就业%lld人", (long long)v[0],
                             (long long)v[1]);
        else
            jy__measure_note(&out[i], "考核期内没有返乡就业帮扶记录（无应统计对象）");
    }
    return JY_OK;
}

/* The headcount the higher authorities assigned: the `count` of the latest
 * return_assistance event without a person (labor_id and person_name
 * unset) dated from the contract year's start (?1 here) to the span's end;
 * and the persons assisted in the span. */
static const char assigned_sql[] =
    "SELECT count FROM event WHERE kind = 'return_assistance' AND labor_id IS NULL"
    " AND person_name IS NULL AND count IS NOT NULL AND date BETWEEN ?1 AND ?2"
    " ORDER BY date DESC, id DESC LIMIT 1";

static const char headcount_sql[] =
    "SELECT count(DISTINCT labor_id) + coalesce(sum(labor_id IS NULL AND person_name IS NOT NULL), 0)"
    " FROM event WHERE kind = 'return_assistance' AND date BETWEEN ?1 AND ?2"
    " AND (labor_id IS NOT NULL OR person_name IS NOT NULL)";

static const char assigned_ids_sql[] =
    "SELECT id FROM event WHERE kind = 'return_assistance' AND labor_id IS NULL"
    " AND person_name IS NULL AND count IS NOT NULL AND date BETWEEN ?1 AND ?2"
    " ORDER BY date DESC, id DESC LIMIT 1";

static int m_return_assistance_target(jy_measure *out, const jy__mctx *ctx,
                                      const jy__span *spans, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        jy__span year;
        jy__span_set(&year, jy__metric_year_start(ctx, spans[i].from), spans[i].to);
        sqlite3_stmt *st = NULL;
        int rc = jy__metric_stmt(&st, ctx, assigned_sql);
        if (rc != JY_OK)
            return rc;
        bind_span2(st, &year);
        int64_t assigned = -1;
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            assigned = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return jy__db_error(ctx->db, rc, "computing a metric");
        int64_t done = 0;
        const return_aid *r = NULL;
        int32_t from, to;
        if ((rc = return_aid_get(&r, ctx, spans, n, i, &from, &to)) != JY_OK)
            return rc;
        if (r) {
            int64_t v[2];
            ra_employed(v, r, from, to, NULL);
            done = v[0];
            for (size_t j = 0; j < r->nnamed; j++)
                done += r->named[j] >= from && r->named[j] <= to;
        } else if ((rc = row_ints(&done, 1, ctx, headcount_sql, &spans[i], NULL)) != JY_OK) {
            return rc;
        }
        if (assigned >= 0) {
            out[i].value = done >= assigned ? 1 : 0;
            out[i].has_value = 1;
        }
        if (!ctx->want_ids)
            continue;
        if (assigned >= 0) {
            if ((rc = ids_of(&out[i], ctx, assigned_ids_sql, &year, "event", "counted", 1)) !=
                JY_OK)
                return rc;
            jy__measure_note(&out[i], "返乡就业帮扶%lld人，上级下达任务%lld人", (long long)done,
                             (long long)assigned);
        } else {
            jy__measure_note(&out[i], "返乡就业帮扶%lld人；未录入上级下达的帮扶项目人数",
                             (long long)done);
        }
    }
    return JY_OK;
}

/* 12.3: the quarterly written report on labor services. */
static int m_labor_service_reports(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                                   size_t n)
{
    return jy__metric_reports(out, ctx, spans, n, "quarterly_labor_service", JY_PERIOD_QUARTER,
                              0);
}

const jy__metric_def jy__metrics_keygroups[] = {
    { { "key_group_1311_coverage", "%", "重点群体1311服务完成率",
        "Share of key-group persons (labor records with a key_groups tag, entered by the "
        "period's end) who received the whole 1311 package by the period's end: service_1311 "
        "events with their labor_id of service_type policy_briefing (1), career_guidance (1), "
        "job_referral or job_recommendation (3) and training_offer (1) (the numbers: params "
        "policy_briefings, career_guidance, job_referrals, training_offers). No value without any "
        "key-group person. Evidence: the persons without the whole package." },
      m_key_group_1311 },
    { { "return_assistance_rate", "%", "返乡就业帮扶率",
        "Share of returnees who wish to work in the county and want a job (labor.returnee, "
        "wish_local and needs_job, entered by the period's end) with a return_assistance event "
        "by the period's end; 100 (noted) when there is no such person. Evidence: those not "
        "assisted." },
      m_return_assistance_rate },
    { { "return_employment_rate", "%", "返乡就业帮扶就业率",
        "Share of the persons assisted in the period (return_assistance events with a "
        "labor_id) of whom an assistance up to the period's end records success (employed). "
        "100 (noted) without any assistance in the period. Evidence: those not employed." },
      m_return_employment_rate },
    { { "return_assistance_target_met", "", "完成上级下达的返乡就业帮扶项目人数（1为完成）",
        "1 if the persons assisted in the period (distinct labor_id, plus named persons "
        "without a labor record) reach the headcount the higher authorities assigned, 0 if "
        "not. The headcount is a fact recorded by hand: the `count` of the latest "
        "return_assistance event without a person, dated in the contract year up to the "
        "period's end. No value when none is recorded. Evidence: that event." },
      m_return_assistance_target },
    { { "labor_service_reports", "份", "劳动力资源服务季度书面报告份数",
        "Reports (events of kind report, report_kind quarterly_labor_service) covering the "
        "bucket: the period named by their `period` label (a quarter or shorter), else their "
        "date. Evidence: the reports." },
      m_labor_service_reports },
    JY__METRIC_END,
};
