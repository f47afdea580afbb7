/*
 * Metrics of items 10-11: the labor survey (10.1-10.3) and returnees
 * (11.1). Owned by the metrics2 branch; docs/rules.md, items 10 and 11,
 * explains every choice.
 */
#include "metrics_reports.h"
#include "tally.h"

#include <stdlib.h>
#include <string.h>

/* 10.1: the labor records entered by 31 August of the contract year (or by
 * the span's end, when earlier) of residents aged 16 to 60 on their entry
 * date (labor.entered_on, set by the library on the first insert and never
 * moved by updates; see docs/rules.md). The ages and the deadline are the
 * metric's parameters (min_age, max_age, deadline_month, deadline_day).
 *
 * Answered from the tally the ledger keeps by entry date (lib/tally.c, for
 * the seed's ages): a few hundred rows. When the tally is stale (records
 * inserted past the library since the last writable open, or this
 * connection's transaction not committed yet) or the rule sets other ages,
 * the ledger is counted with this SQL: a scan of the 150 000 records, the
 * same age test with the rule's ages (?2, ?3). */
static const char labor_sql[] =
    "SELECT (SELECT count(*) FROM labor), count(*), coalesce(sum(birth_date IS NULL OR"
    " (CAST(substr(entered_on, 1, 4) AS INTEGER) - CAST(substr(birth_date, 1, 4) AS INTEGER)"
    " - (substr(entered_on, 6, 5) < substr(birth_date, 6, 5))) BETWEEN ?2 AND ?3), 0)"
    " FROM labor WHERE entered_on <= ?1";

static const char labor_updated_sql[] =
    "SELECT count(DISTINCT labor_id) FROM labor_change WHERE changed_on BETWEEN ?1 AND ?2";

/* The deadline (31 August by default) of the contract year that contains
 * `day`: the first on or after the year's start. */
static jy_date august_deadline(const jy__mctx *ctx, jy_date day)
{
    jy_date start = jy__metric_year_start(ctx, day);
    jy_date deadline = { start.year, (int)jy__mparam(ctx, JY__P_LABOR_DEADLINE_MONTH),
                         (int)jy__mparam(ctx, JY__P_LABOR_DEADLINE_DAY) };
    if (jy_date_compare(start, deadline) > 0)
        deadline.year++;
    return deadline;
}

/* all, entered by the cut-off, of them aged 16-60: from the tally, or from
 * the ledger when the tally is stale. */
static int labor_counts(int64_t v[3], const jy__mctx *ctx, jy_date cut)
{
    char cut_text[JY_DATE_TEXT_SIZE];
    jy_date_format(cut_text, cut);
    int min_age = (int)jy__mparam(ctx, JY__P_LABOR_MIN_AGE);
    int max_age = (int)jy__mparam(ctx, JY__P_LABOR_MAX_AGE);
    jy__labor_tally t = { 0, 0, 0, 0 };
    int rc = JY_OK;
    if (min_age == 16 && max_age == 60 && /* the tally's ages */
        (rc = jy__tally_labor_read(&t, ctx->db, cut_text)) != JY_OK)
        return rc;
    if (t.fresh) {
        v[0] = t.all;
        v[1] = t.entered;
        v[2] = t.aged;
        return JY_OK;
    }
    sqlite3_stmt *st = NULL;
    if ((rc = jy__metric_stmt(&st, ctx, labor_sql)) != JY_OK)
        return rc;
    sqlite3_bind_text(st, 1, cut_text, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, min_age);
    sqlite3_bind_int(st, 3, max_age);
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
        int lo = (int)jy__mparam(ctx, JY__P_LABOR_MIN_AGE);
        int hi = (int)jy__mparam(ctx, JY__P_LABOR_MAX_AGE);
        jy__measure_note(&out[i],
                         "截至%s录入%d-%d周岁劳动力资源信息%lld条（录入截止日%s）；"
                         "不在%d-%d周岁%lld条、截止日后录入%lld条不计；期间动态更新%lld人",
                         cut_text, lo, hi, (long long)ok, deadline_text, lo, hi, (long long)age,
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
        "set when the record is first entered and kept through updates); the ages and the "
        "deadline are params min_age, max_age, deadline_month and deadline_day. The note "
        "gives the records left out (age, late) and the records updated in the period." },
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
