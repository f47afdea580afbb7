/*
 * Metrics of items 10-11: the labor survey (10.1-10.3) and returnees
 * (11.1). Owned by the metrics2 branch; docs/rules.md, items 10 and 11,
 * explains every choice.
 */
#include "metrics_reports.h"

#include <stdlib.h>
#include <string.h>

/* 10.1: the labor records entered by 31 August of the contract year (or by
 * the span's end, when earlier) of residents aged 16 to 60 on their entry
 * date (labor.entered_on, set by the library on the first insert and never
 * moved by updates; see docs/rules.md).
 *
 * Answered from the aggregate kept on the connection (labor_entries
 * below); this SQL is the fallback when entry dates are not plain dates:
 * one range of the index labor_entered_birth (entered_on, birth_date): the
 * table is not read. The age test is exact (whole years, the birthday
 * counted from its day) but skipped for birth dates every entry date from
 * two years before the cut-off can only find aged 16-60: ?2 = the cut-off
 * less 61 years, ?3 = less 18 years, ?4 = less 2 years. */
#define AGE_OK(d) \
    "(birth_date IS NULL OR (CAST(substr(" d ", 1, 4) AS INTEGER) -" \
    " CAST(substr(birth_date, 1, 4) AS INTEGER) - (substr(" d ", 6, 5) < substr(birth_date, 6, 5)))" \
    " BETWEEN 16 AND 60)"

static const char labor_sql[] =
    "SELECT (SELECT count(*) FROM labor), count(*), coalesce(sum("
    " CASE WHEN birth_date > ?2 AND birth_date <= ?3 AND entered_on >= ?4 THEN 1"
    " ELSE " AGE_OK("entered_on") " END), 0) FROM labor"
    " WHERE entered_on <= ?1";

static const char labor_updated_sql[] =
    "SELECT count(DISTINCT labor_id) FROM labor_change WHERE changed_on BETWEEN ?1 AND ?2";

/* `date` as text with its year moved by `years`. */
static void shift_years(char out[JY_DATE_TEXT_SIZE], jy_date date, int years)
{
    jy_date_format(out, date);
    int year = date.year + years;
    if (year < 0)
        year = 0;
    for (int k = 3; k >= 0; k--, year /= 10)
        out[k] = (char)('0' + year % 10);
}

/* The 31 August of the contract year that contains `day`. */
static jy_date august_deadline(const jy__mctx *ctx, jy_date day)
{
    jy_date start = jy__metric_year_start(ctx, day);
    jy_date deadline = { start.year, 8, 31 };
    if (jy_date_compare(start, deadline) > 0)
        deadline.year++;
    return deadline;
}

/* The aggregate 10.1 is answered from (jy__metric_cache_get): the entry
 * dates of all the labor records, and of those aged 16-60 on that date,
 * sorted (YYYYMMDD numbers). Any cut-off is then two binary searches. The
 * age test is AGE_OK's, in C (age_ok), once per record while building. */
typedef struct labor_entries {
    int64_t all;             /* labor records, entered or not */
    size_t n, n_ok;
    int32_t *entered;        /* every entry date, ascending */
    int32_t *entered_ok;     /* those of the records aged 16-60, ascending */
} labor_entries;

static void labor_entries_free(void *p)
{
    labor_entries *e = p;
    if (!e)
        return;
    free(e->entered);
    free(e->entered_ok);
    free(e);
}

static const char entries_count_sql[] =
    "SELECT (SELECT count(*) FROM labor), count(*) FROM labor WHERE entered_on IS NOT NULL";
static const char entries_sql[] =
    "SELECT entered_on, birth_date FROM labor WHERE entered_on IS NOT NULL"
    " ORDER BY entered_on";

/* AGE_OK(entered) in C for a plain entry date `e` ('YYYY-MM-DD'): 1 aged
 * 16-60 (or no birth date), 0 not, -1 a birth date that is not a plain
 * date (the aggregate is then not built: SQL answers). */
static int age_ok(const char *e, const char *birth)
{
    if (!birth)
        return 1;
    if (jy__metric_date_key(birth) < 0)
        return -1;
    int ey = (e[0] - '0') * 1000 + (e[1] - '0') * 100 + (e[2] - '0') * 10 + (e[3] - '0');
    int by = (birth[0] - '0') * 1000 + (birth[1] - '0') * 100 + (birth[2] - '0') * 10 +
             (birth[3] - '0');
    int age = ey - by - (memcmp(e + 5, birth + 5, 5) < 0);
    return age >= 16 && age <= 60;
}

/* Builds the aggregate; none (NULL) when an entry date is not a plain
 * 'YYYY-MM-DD' text (the metric then asks SQL, whose text comparison is
 * the definition). */
static int labor_entries_build(void **data, const jy__mctx *ctx)
{
    *data = NULL;
    sqlite3_stmt *st = NULL;
    int rc = jy__metric_stmt(&st, ctx, entries_count_sql);
    if (rc != JY_OK)
        return rc;
    rc = sqlite3_step(st);
    int64_t all = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    int64_t rows = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return jy__db_error(ctx->db, rc, "computing a metric");
    labor_entries *e = jy__calloc(1, sizeof *e);
    if (!e)
        return JY_ENOMEM;
    e->all = all;
    size_t cap = (size_t)(rows > 0 ? rows : 1);
    e->entered = jy__malloc(cap * sizeof *e->entered);
    e->entered_ok = jy__malloc(cap * sizeof *e->entered_ok);
    if (!e->entered || !e->entered_ok) {
        labor_entries_free(e);
        return JY_ENOMEM;
    }
    if ((rc = jy__metric_stmt(&st, ctx, entries_sql)) != JY_OK) {
        labor_entries_free(e);
        return rc;
    }
    int usable = 1;
    int32_t last = -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *entered = (const char *)sqlite3_column_text(st, 0);
        int32_t key = jy__metric_date_key(entered);
        int ok = key < 0 ? -1 : age_ok(entered, (const char *)sqlite3_column_text(st, 1));
        /* a row count changed under us (another connection) or an
         * unreadable date: no aggregate */
        if (ok < 0 || key < last || e->n == cap) {
            usable = 0;
            break;
        }
        last = key;
        e->entered[e->n++] = key;
        if (ok)
            e->entered_ok[e->n_ok++] = key;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        labor_entries_free(e);
        return jy__db_error(ctx->db, rc, "computing a metric");
    }
    if (!usable) {
        labor_entries_free(e);
        return JY_OK;
    }
    *data = e;
    return JY_OK;
}

/* How many of a[0..n) are <= key (a ascending). */
static size_t count_upto(const int32_t *a, size_t n, int32_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] <= key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* all, entered by the cut-off, of them aged 16-60: from the aggregate, or
 * (no aggregate) from the index labor_entered_birth with SQL. */
static int labor_counts(int64_t v[3], const jy__mctx *ctx, jy_date cut)
{
    char cut_text[JY_DATE_TEXT_SIZE];
    jy_date_format(cut_text, cut);
    void *data = NULL;
    int rc = jy__metric_cache_get(&data, ctx, JY__MCACHE_LABOR_ENTRY,
                                  labor_entries_build, labor_entries_free);
    if (rc != JY_OK)
        return rc;
    int32_t key = jy__metric_date_key(cut_text);
    if (data && key >= 0) {
        const labor_entries *e = data;
        v[0] = e->all;
        v[1] = (int64_t)count_upto(e->entered, e->n, key);
        v[2] = (int64_t)count_upto(e->entered_ok, e->n_ok, key);
        return JY_OK;
    }
    char lo[JY_DATE_TEXT_SIZE], hi[JY_DATE_TEXT_SIZE], dmin[JY_DATE_TEXT_SIZE];
    shift_years(lo, cut, -61);
    shift_years(hi, cut, -18);
    shift_years(dmin, cut, -2);
    sqlite3_stmt *st = NULL;
    if ((rc = jy__metric_stmt(&st, ctx, labor_sql)) != JY_OK)
        return rc;
    sqlite3_bind_text(st, 1, cut_text, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, lo, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, hi, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, dmin, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    for (int j = 0; j < 3; j++)
        v[j] = rc == SQLITE_ROW ? sqlite3_column_int64(st, j) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? JY_OK : jy__db_error(ctx->db, rc, "computing a metric");
}

static int m_labor_records(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                           size_t n)
{
    for (size_t i = 0; i < n; i++) {
        jy_date deadline = august_deadline(ctx, spans[i].from);
        jy_date cut = jy_date_compare(spans[i].to, deadline) < 0 ? spans[i].to : deadline;
        char cut_text[JY_DATE_TEXT_SIZE];
        jy_date_format(cut_text, cut);
        int64_t v[3];
        int rc = labor_counts(v, ctx, cut);
        if (rc != JY_OK)
            return rc;
        int64_t all = v[0], entered = v[1], ok = v[2];
        int64_t age = entered - ok, late = all - entered;
        out[i].value = (double)ok;
        out[i].has_value = 1;
        if (!ctx->want_ids)
            continue;
        sqlite3_stmt *st = NULL;
        if ((rc = jy__metric_stmt(&st, ctx, labor_updated_sql)) != JY_OK)
            return rc;
        sqlite3_bind_text(st, 1, spans[i].from_text, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, spans[i].to_text, -1, SQLITE_STATIC);
        int64_t updated = 0;
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            updated = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        if (rc != SQLITE_ROW)
            return jy__db_error(ctx->db, rc, "computing a metric");
        char deadline_text[JY_DATE_TEXT_SIZE];
        jy_date_format(deadline_text, deadline);
        jy__measure_note(&out[i],
                         "截至%s录入16-60周岁劳动力资源信息%lld条（录入截止日%s）；"
                         "不在16-60周岁%lld条、截止日后录入%lld条不计；期间动态更新%lld人",
                         cut_text, (long long)ok, deadline_text, (long long)age,
                         (long long)late, (long long)updated);
    }
    return JY_OK;
}

/* 10.2: accuracy of the records: accurate spot checks (verification) over
 * all spot checks made in the span, in percent. No check: no value. */
static const char accuracy_sql[] =
    "SELECT count(*), coalesce(sum(accurate <> 0), 0) FROM verification "
    "WHERE checked_on BETWEEN ?1 AND ?2";

static const char inaccurate_ids_sql[] =
    "SELECT id FROM verification WHERE checked_on BETWEEN ?1 AND ?2 AND accurate = 0 "
    "ORDER BY id LIMIT ?3";

static int m_labor_accuracy(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                            size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = NULL;
        int rc = jy__metric_stmt(&st, ctx, accuracy_sql);
        if (rc != JY_OK)
            return rc;
        sqlite3_bind_text(st, 1, spans[i].from_text, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, spans[i].to_text, -1, SQLITE_STATIC);
        int64_t checks = 0, accurate = 0;
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            checks = sqlite3_column_int64(st, 0);
            accurate = sqlite3_column_int64(st, 1);
        }
        sqlite3_reset(st);
        if (rc != SQLITE_ROW)
            return jy__db_error(ctx->db, rc, "computing a metric");
        if (checks > 0) {
            /* 100 * accurate is exact, and one division rounds once: a
             * whole percentage comes out whole (no 88.99999). */
            out[i].value = (double)(100 * accurate) / (double)checks;
            out[i].has_value = 1;
        }
        if (!ctx->want_ids)
            continue;
        if ((rc = jy__metric_stmt(&st, ctx, inaccurate_ids_sql)) != JY_OK)
            return rc;
        sqlite3_bind_text(st, 1, spans[i].from_text, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, spans[i].to_text, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, JY_EVIDENCE_MAX);
        rc = jy__metric_fill_ids(&out[i], ctx, st, "verification", "failing", checks - accurate);
        if (rc != JY_OK)
            return rc;
        if (checks > 0)
            jy__measure_note(&out[i], "抽查核实%lld条，准确%lld条，不准确%lld条", (long long)checks,
                             (long long)accurate, (long long)(checks - accurate));
        else
            jy__measure_note(&out[i], "考核期内没有信息核查记录");
    }
    return JY_OK;
}

/* 10.3: the quarterly labor resource report by township. */
static int m_labor_quarterly_reports(jy_measure *out, const jy__mctx *ctx,
                                     const jy__span *spans, size_t n)
{
    return jy__metric_reports(out, ctx, spans, n, "quarterly_labor", JY_PERIOD_QUARTER, 0);
}

/* 11.1: the monthly returnee figures, for every township. */
static int m_returnee_reports(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                              size_t n)
{
    return jy__metric_reports(out, ctx, spans, n, "returnee_monthly", JY_PERIOD_MONTH, 1);
}

const jy__metric_def jy__metrics_labor[] = {
    { { "labor_records", "条", "8月31日前录入的16-60周岁劳动力资源信息条数",
        "Labor records entered by 31 August of the contract year (or by the period's end, "
        "when earlier) of residents aged 16 to 60 on their entry date (labor.entered_on, "
        "set when the record is first entered and kept through updates). The note gives the records left out (age, late) and the records updated "
        "in the period." },
      m_labor_records },
    { { "labor_accuracy", "%", "劳动力资源信息准确率",
        "Accurate spot checks over all spot checks (verification.checked_on in the period), "
        "in percent; no value without any check. Evidence: the inaccurate checks." },
      m_labor_accuracy },
    { { "labor_quarterly_reports", "份", "劳动力资源季度专报份数",
        "Reports (events of kind report, report_kind quarterly_labor) covering the bucket: "
        "the period named by their `period` label (a quarter or shorter), else their date. "
        "Evidence: the reports." },
      m_labor_quarterly_reports },
    { { "returnee_reports", "次", "每个乡镇（街道）当月返乡务工人员信息上报次数（最少者）",
        "Monthly returnee reports (events of kind report, report_kind returnee_monthly) "
        "covering the bucket (by `period` label of a month or shorter, else by date): the "
        "smallest number of reports covering any street, town or township; a report with a "
        "township covers that township, one without covers all. Evidence: the reports; the "
        "note names the townships not covered." },
      m_returnee_reports },
    JY__METRIC_END,
};
