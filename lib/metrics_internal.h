/*
 * The inside of the metrics: what a metric function receives and fills, the
 * per-file registration tables, and the helpers that run the usual SQL
 * shapes. How to add a metric: see the note at the top of lib/metrics.c.
 */
#ifndef JIUYE_METRICS_INTERNAL_H
#define JIUYE_METRICS_INTERNAL_H

#include <sqlite3.h>

#include "db_internal.h"
#include "internal.h"

/* One period a metric is computed for (a bucket: a month, a week, a day,
 * or the whole assessed period). Dates as text for binding ("YYYY-MM-DD"). */
typedef struct jy__span {
    jy_date from, to;
    char from_text[JY_DATE_TEXT_SIZE];
    char to_text[JY_DATE_TEXT_SIZE];
} jy__span;

/* What a metric fills for one span. */
struct jy_measure {
    double value;
    int has_value;               /* 0: nothing measured ("not recorded") */
    const char *record_kind;     /* static: "posting", "event"...; NULL = no records */
    const char *record_role;     /* static: "counted" or "failing" */
    int64_t ids[JY_EVIDENCE_MAX];
    size_t id_count;
    int64_t id_total;
    char note[512];              /* Chinese, no personal data */
};

/* Metric parameters (lib/metrics_params.c): the standards inside a metric
 * that a rule may refine with its `params` (docs/rules.md). Every one is a
 * whole number; its default is the seed's. */
typedef enum jy__param_id {
    JY__P_1311_BRIEFINGS,        /* key_group_1311_coverage: policy_briefings (1) */
    JY__P_1311_GUIDANCE,         /* key_group_1311_coverage: career_guidance (1) */
    JY__P_1311_REFERRALS,        /* key_group_1311_coverage: job_referrals (3) */
    JY__P_1311_TRAININGS,        /* key_group_1311_coverage: training_offers (1) */
    JY__P_GROUPS_PER_TOWNSHIP,   /* townships_short_of_jobseeker_groups (2) */
    JY__P_GROUP_MIN_MEMBERS,     /* townships_short_of_jobseeker_groups (500) */
    JY__P_SHOW_MIN_MINUTES,      /* live_shows_short (90) */
    JY__P_SHOW_MIN_JOBS,         /* live_shows_short (30) */
    JY__P_RETENTION_MONTHS,      /* retained_hires (3) */
    JY__P_LABOR_MIN_AGE,         /* labor_records: min_age (16) */
    JY__P_LABOR_MAX_AGE,         /* labor_records: max_age (60) */
    JY__P_LABOR_DEADLINE_MONTH,  /* labor_records: deadline_month (8) */
    JY__P_LABOR_DEADLINE_DAY,    /* labor_records: deadline_day (31) */
    JY__PARAM_COUNT_
} jy__param_id;

/* The most a part of the 1311 package may require (the 12.1 aggregate
 * keeps that many dates per part). */
#define JY__PARAM_PACKAGE_MAX 20

/* The values of every parameter (those of other metrics unused). */
typedef struct jy__mparams {
    double v[JY__PARAM_COUNT_];
} jy__mparams;

/* The context of one computation. */
typedef struct jy__mctx {
    jy_db *db;
    const jy_calendar *cal;      /* may be NULL: metrics needing it fail with JY_EINVAL */
    jy_date contract_start;      /* signing date of the contract */
    int want_ids;                /* fill ids/record_kind (a second query); else value only */
    const jy__mparams *params;   /* the rule's metric parameters; NULL = the defaults */
} jy__mctx;

/* A parameter's value in this computation (the default without params). */
double jy__mparam(const jy__mctx *ctx, jy__param_id id);

/* 1 when the parameter has its default (the seed's) value. */
int jy__mparam_is_default(const jy__mctx *ctx, jy__param_id id);

/* Sets every parameter to its default. */
void jy__mparams_init(jy__mparams *p);

/* 1 when a and b (NULL = defaults) differ in one of ids[0..n). */
int jy__mparams_differ(const jy__mparams *a, const jy__mparams *b, const jy__param_id *ids,
                       size_t n);

/* Reads a `params` object (a cJSON *) for `metric` into *out (defaults
 * first). On JY_EINVAL, `where` gets the offending member's name ("" for
 * the object itself) and `why` the reason; nothing is recorded as the last
 * error. */
int jy__mparams_parse(jy__mparams *out, const char *metric, const void *json, char *where,
                      size_t where_size, char *why, size_t why_size);

/* A metric computes `n` spans at once (one SQL query grouped by day, or one
 * execution of a cached statement per span), filling out[0..n). The out
 * array is zeroed by the caller. Return JY_OK or a recorded error. */
typedef int (*jy__metric_fn)(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                             size_t n);

typedef struct jy__metric_def {
    jy_metric_info info;   /* name, unit, label, doc */
    jy__metric_fn fn;      /* never NULL */
} jy__metric_def;

/* The events of one kind in a span counted by day (for
 * jy__metric_count_daily), and their ids (the evidence). */
#define JY__SQL_EVENT_DAILY(kind) \
    "SELECT date, count(*) FROM event WHERE kind = '" kind "' AND date BETWEEN ?1 AND ?2 " \
    "GROUP BY date ORDER BY date"
#define JY__SQL_EVENT_IDS(kind) \
    "SELECT id FROM event WHERE kind = '" kind "' AND date BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3"

/* Defines the metric function `fn`: the events of `kind` (a string
 * literal) in each span, counted by day in one query; evidence: the
 * events. Most metrics of the manual records are this. */
#define JY__EVENT_METRIC(fn, kind)                                                          \
    static int fn(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n)   \
    {                                                                                      \
        return jy__metric_count_daily(out, ctx, spans, n, JY__SQL_EVENT_DAILY(kind),       \
                                      JY__SQL_EVENT_IDS(kind), "event");                   \
    }

/* An entry of a table, and the end of a table. */
#define JY__METRIC(name, unit, label, doc, fn) { { name, unit, label, doc }, fn }
#define JY__METRIC_END { { NULL, NULL, NULL, NULL }, NULL }

/* Each metrics_<group>.c defines one table, terminated by an entry whose
 * name is NULL, and lib/metrics.c lists the tables. */
extern const jy__metric_def jy__metrics_operations[];  /* items 1-2   (scoring) */
extern const jy__metric_def jy__metrics_platform[];    /* items 3-5   (scoring) */
extern const jy__metric_def jy__metrics_team[];        /* items 6-7   (scoring) */
extern const jy__metric_def jy__metrics_tea[];         /* items 13, 15 (scoring) */
extern const jy__metric_def jy__metrics_demand[];      /* items 8-9   (metrics2) */
extern const jy__metric_def jy__metrics_labor[];       /* items 10-11 (metrics2) */
extern const jy__metric_def jy__metrics_keygroups[];   /* item 12     (metrics2) */
extern const jy__metric_def jy__metrics_other[];       /* item 14     (metrics2) */

/* The metric parameters of a check of a loaded rule set (lib/rules.c), or
 * NULL when the check is not one of its checks. */
const jy__mparams *jy__rules_check_params(const jy_rules *rules, const jy_rule_check *check);

/* ---- Helpers (lib/metrics.c) ---------------------------------------------- */

/* Fills a span from two dates. */
void jy__span_set(jy__span *s, jy_date from, jy_date to);

/* A cached statement (lib/db.c jy__db_prepare): `sql` must be a string
 * literal (the cache is keyed by its address). */
int jy__metric_stmt(sqlite3_stmt **out, const jy__mctx *ctx, const char *sql);

/* Runs `count_sql` once per span, binding ?1 = from and ?2 = to as text;
 * its first column (integer or real; NULL = no value) is the value. */
int jy__metric_scalar(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n,
                      const char *count_sql);

/* Runs `ids_sql` for one span (?1 = from, ?2 = to, ?3 = the cap): its rows'
 * first column are the ids kept (sorted ascending here: the query need not
 * order them, and one that stops at the cap is cheaper), and fills id_total with
 * `total` (pass -1 to count them with `count_sql`: a query that binds ?1
 * and ?2 and returns the number of rows `ids_sql` would return without
 * the cap). Sets record_kind and record_role. */
int jy__metric_ids(jy_measure *out, const jy__mctx *ctx, const jy__span *span,
                   const char *ids_sql, const char *kind, const char *role, int64_t total,
                   const char *count_sql);

/* The common case: the value counts records, and the records counted are
 * the evidence. count_sql gives the value per span (?1, ?2); ids_sql the ids
 * (?1, ?2, ?3 = cap); the total of ids is the value itself. */
int jy__metric_count_records(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                             size_t n, const char *count_sql, const char *ids_sql,
                             const char *kind);

/* The registry entry of a metric, or NULL. */
const jy__metric_def *jy__metric_def_find(const char *name);

/* Runs a metric over n spans into out[0..n) (zeroed first). */
int jy__metric_run(jy_measure *out, const jy__metric_def *d, const jy__mctx *ctx,
                   const jy__span *spans, size_t n);

/* Counts by day: `daily_sql` binds ?1 = first day of the first span and
 * ?2 = last day of the last span and returns rows (date 'YYYY-MM-DD',
 * value) (e.g. ... GROUP BY date); each row's value is added to the span
 * holding its date (spans ascending, not overlapping). One query for any
 * number of spans (weeks, working days). Evidence as jy__metric_count_records. */
int jy__metric_count_daily(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                           size_t n, const char *daily_sql, const char *ids_sql,
                           const char *kind);

/* A rate in percent: `rate_sql` (?1, ?2) returns (base, good); the value is
 * 100 * good / base, or 100 when the base is empty (nothing was due: noted).
 * Evidence: `failing_ids_sql` (?1, ?2, ?3 = cap) lists the records that
 * fall short, of kind `kind`, their total being base - good. */
int jy__metric_rate(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n,
                    const char *rate_sql, const char *failing_ids_sql, const char *kind);

/* A fact recorded by hand: `fact_sql` (?1, ?2) returns at most one row
 * (value, event id, date, source); no row (or a NULL value) = not
 * recorded. Evidence: the event, and a note with its date and source. */
int jy__metric_fact(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n,
                    const char *fact_sql);

/* ---- Cache of ledger-derived aggregates (lib/metrics.c) ------------------
 *
 * A metric that reads a whole ledger for a state at a period's end (12.1:
 * every key-group person's 1311 package; 12.2, 3.2: every person to
 * assist, every resume to push; 10.1 reads the ledger's own tally,
 * lib/tally.c) derives from it an aggregate any period can be answered
 * from in microseconds (per person the dates things were
 * reached). The aggregate is kept on the connection (jy_db) while the
 * database is unchanged: it is dropped when another connection or process
 * committed (PRAGMA data_version) or this connection wrote a row
 * (sqlite3_total_changes64: every write, through the ledger layer or not).
 * It is built on the first request (12.1, 12.2; 3.2 on the second, its
 * build costing more than its SQL), from the rows dated up to that
 * request's end only (a scorecard of March does not read the year's later
 * rows), and kept with that bound: a later request whose end is not later
 * is answered from it, one with a later end rebuilds it. Never inside an
 * open transaction, whose writes may still be undone (SQL answers there). */
typedef enum jy__mcache_slot {
    JY__MCACHE_PACKAGE_1311,   /* metrics_keygroups.c: 12.1 */
    JY__MCACHE_RETURN_AID,     /* metrics_keygroups.c: 12.2 (its three metrics) */
    JY__MCACHE_PUSH_COVERAGE,  /* metrics_platform.c: 3.2 */
    JY__MCACHE_COUNT_
} jy__mcache_slot;

/* Builds the aggregate of a slot into *data from the rows dated up to
 * `end` ('YYYY-MM-DD', compared as SQL compares text) and no later, so
 * that it answers any end up to `end` as SQL would. *data = NULL declines
 * (e.g. a date read that is not a plain date): SQL answers. A builder may
 * decline only for what every later end would read too (a declined build
 * is not retried for a later end of the same database state). */
typedef int (*jy__mcache_build_fn)(void **data, const jy__mctx *ctx, const char *end);

/* The aggregate of `slot` for a request ending on `end` (built by `build`,
 * freed by `free_fn`), or *data = NULL: the caller answers with SQL.
 * `on_first`: built on the first request for a state of the database (an
 * aggregate cheaper to build than the SQL it replaces, or shared by
 * several metrics of a scorecard); 0: on the second (the first answered by
 * SQL, for an aggregate that costs more than one SQL answer). A
 * metric computing several spans passes their latest end (one build).
 * *data stays valid until the next metric computation on the connection. */
int jy__metric_cache_get_upto(void **data, const jy__mctx *ctx, jy__mcache_slot slot,
                              const char *end, int on_first, jy__mcache_build_fn build,
                              void (*free_fn)(void *));

/* A date 'YYYY-MM-DD' as the number YYYYMMDD (same order as the text), or
 * -1 when the text is not of that form. */
int32_t jy__metric_date_key(const char *text);

/* The first day of the contract year containing `day` (the contract signed
 * on ctx->contract_start); `day` itself when the contract starts later. */
jy_date jy__metric_year_start(const jy__mctx *ctx, jy_date day);

/* Runs a prepared, bound statement whose rows' first column is a record
 * id (ascending) and keeps the first JY_EVIDENCE_MAX as evidence of `kind`
 * and `role`, with `total` as the number of records in all (-1: the number
 * of rows). Resets the statement. */
int jy__metric_fill_ids(jy_measure *out, const jy__mctx *ctx, sqlite3_stmt *st,
                        const char *kind, const char *role, int64_t total);

/* Appends formatted text to out->note (truncated at its size, UTF-8 safe). */
void jy__measure_note(jy_measure *out, const char *fmt, ...) JY__PRINTF(2, 3);

#endif /* JIUYE_METRICS_INTERNAL_H */
