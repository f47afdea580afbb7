/*
 * Metrics of items 8-9: enterprise demand (8.1-8.2) and meeting it
 * (9.1-9.3). Owned by the metrics2 branch; docs/rules.md, items 8 and 9,
 * explains every choice.
 */
#include "metrics_reports.h"

#include <stdio.h>
#include <string.h>

/* 8.1: enterprises entered into the demand ledger (general and skilled
 * workers) in the span. */
static int m_demand_ledger_enterprises(jy_measure *out, const jy__mctx *ctx,
                                       const jy__span *spans, size_t n)
{
    return jy__metric_count_records(
        out, ctx, spans, n,
        "SELECT count(*) FROM enterprise WHERE demand_ledger_on BETWEEN ?1 AND ?2",
        "SELECT id FROM enterprise WHERE demand_ledger_on BETWEEN ?1 AND ?2 "
        "ORDER BY id LIMIT ?3",
        "enterprise");
}

/* 8.2: jobseeker WeChat groups. A group is identified by its township and
 * title (an untitled record is a group of its own); its size is the member
 * count of its latest record dated up to the span's end. The thresholds
 * are the rule's parameters: groups_per_township (2) groups of min_members
 * (500) members (docs/rules.md). */

static const char groups_sql[] =
    "WITH g AS (SELECT id, township, members, ROW_NUMBER() OVER ("
    "  PARTITION BY township, coalesce(title, 'id:' || id) ORDER BY date DESC, id DESC) AS rn"
    "  FROM event WHERE kind = 'wechat_group' AND group_kind = 'jobseeker'"
    "  AND township IS NOT NULL AND date <= ?2) "
    "SELECT township, sum(coalesce(members, 0) >= ?3) FROM g WHERE rn = 1 GROUP BY township";

static const char small_groups_sql[] =
    "WITH g AS (SELECT id, township, members, ROW_NUMBER() OVER ("
    "  PARTITION BY township, coalesce(title, 'id:' || id) ORDER BY date DESC, id DESC) AS rn"
    "  FROM event WHERE kind = 'wechat_group' AND group_kind = 'jobseeker'"
    "  AND township IS NOT NULL AND date <= ?2) "
    "SELECT id FROM g WHERE rn = 1 AND coalesce(members, 0) < ?3 ORDER BY id";

static int m_townships_short_of_groups(jy_measure *out, const jy__mctx *ctx,
                                       const jy__span *spans, size_t n)
{
    const jy_township *towns[64];
    size_t ntown = jy__metric_townships(towns, 64, ctx);
    int min_members = (int)jy__mparam(ctx, JY__P_GROUP_MIN_MEMBERS);
    size_t per_township = (size_t)jy__mparam(ctx, JY__P_GROUPS_PER_TOWNSHIP);
    for (size_t i = 0; i < n; i++) {
        size_t big[64] = { 0 };
        sqlite3_stmt *st = NULL;
        int rc = jy__metric_stmt(&st, ctx, groups_sql);
        if (rc != JY_OK)
            return rc;
        sqlite3_bind_text(st, 1, spans[i].from_text, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, spans[i].to_text, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, min_members);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *code = (const char *)sqlite3_column_text(st, 0);
            for (size_t t = 0; code && t < ntown; t++)
                if (strcmp(code, towns[t]->code) == 0)
                    big[t] = (size_t)sqlite3_column_int64(st, 1);
        }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return jy__db_error(ctx->db, rc, "computing a metric");
        const jy_township *short_[64];
        size_t nshort = 0;
        for (size_t t = 0; t < ntown; t++)
            if (big[t] < per_township)
                short_[nshort++] = towns[t];
        out[i].value = (double)nshort;
        out[i].has_value = 1;
        if (!ctx->want_ids)
            continue;
        if ((rc = jy__metric_stmt(&st, ctx, small_groups_sql)) != JY_OK)
            return rc;
        sqlite3_bind_text(st, 1, spans[i].from_text, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, spans[i].to_text, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, min_members);
        if ((rc = jy__metric_fill_ids(&out[i], ctx, st, "event", "failing", -1)) != JY_OK)
            return rc;
        if (nshort) {
            char names[256];
            jy__metric_township_list(names, sizeof names, short_, nshort);
            jy__measure_note(&out[i], "不足%zu个%d人求职者群的乡镇（街道）：%s", per_township,
                             min_members, names);
        } else if (!jy__mparam_is_default(ctx, JY__P_GROUP_MIN_MEMBERS) ||
                   !jy__mparam_is_default(ctx, JY__P_GROUPS_PER_TOWNSHIP)) {
            jy__measure_note(&out[i], "本细则标准：每个乡镇（街道）不少于%zu个%d人求职者群",
                             per_township, min_members);
        }
    }
    return JY_OK;
}

/* 9.1: enterprises listed a second (or further) time in the contract year,
 * the repeat listing falling in the span. ?3 = the contract year's start. */
static const char repeat_count_sql[] =
    "SELECT count(DISTINCT enterprise_id) FROM (SELECT enterprise_id, reported_on,"
    "  ROW_NUMBER() OVER (PARTITION BY enterprise_id ORDER BY reported_on, id) AS rn"
    "  FROM shortage WHERE reported_on BETWEEN ?3 AND ?2) "
    "WHERE rn >= 2 AND reported_on >= ?1";

static const char repeat_ids_sql[] =
    "SELECT id FROM (SELECT id, reported_on,"
    "  ROW_NUMBER() OVER (PARTITION BY enterprise_id ORDER BY reported_on, id) AS rn"
    "  FROM shortage WHERE reported_on BETWEEN ?3 AND ?2) "
    "WHERE rn >= 2 AND reported_on >= ?1 ORDER BY id";

static int bind_year(sqlite3_stmt *st, const jy__mctx *ctx, const jy__span *s, char *buf)
{
    jy_date start = jy__metric_year_start(ctx, s->from);
    jy_date_format(buf, start);
    sqlite3_bind_text(st, 1, s->from_text, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, s->to_text, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, buf, -1, SQLITE_STATIC);
    return JY_OK;
}

static int m_repeat_shortages(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                              size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char start[JY_DATE_TEXT_SIZE];
        sqlite3_stmt *st = NULL;
        int rc = jy__metric_stmt(&st, ctx, repeat_count_sql);
        if (rc != JY_OK)
            return rc;
        bind_year(st, ctx, &spans[i], start);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            out[i].value = (double)sqlite3_column_int64(st, 0);
            out[i].has_value = 1;
        }
        sqlite3_reset(st);
        if (rc != SQLITE_ROW)
            return jy__db_error(ctx->db, rc, "computing a metric");
        if (!ctx->want_ids)
            continue;
        if ((rc = jy__metric_stmt(&st, ctx, repeat_ids_sql)) != JY_OK)
            return rc;
        bind_year(st, ctx, &spans[i], start);
        if ((rc = jy__metric_fill_ids(&out[i], ctx, st, "shortage", "failing", -1)) != JY_OK)
            return rc;
        if (out[i].value > 0)
            jy__measure_note(&out[i], "合同年度（%s起）内%.0f家企业第二次列入缺工诉求清单", start,
                             out[i].value);
    }
    return JY_OK;
}

/* 9.2: hires started in the span, not labor dispatch, in post three months
 * later. The three months end on the same day of the third month after the
 * first day of work, or the last day of that month when it has no such day
 * (Civil Code arts. 201-202): started 2026-01-31, the date is 2026-04-30.
 * A hire counts when its leaving date, or else a check in post, is on or
 * after that date. */
#define HIRES_CTE \
    "WITH h AS MATERIALIZED (SELECT id, coalesce(dispatch, 0) AS dispatch, left_on, checked_on," \
    "  CASE WHEN strftime('%d', date(started_on, ?4)) = strftime('%d', started_on)" \
    "  THEN date(started_on, ?4)" \
    "  ELSE date(started_on, 'start of month', ?5, '-1 day') END AS m3" \
    "  FROM hire WHERE started_on BETWEEN ?1 AND ?2) "
#define RETAINED "(dispatch = 0 AND (left_on IS NULL OR left_on >= m3) AND " \
    "(checked_on >= m3 OR left_on >= m3))"

static const char hires_sql[] =
    HIRES_CTE
    "SELECT count(*), coalesce(sum(" RETAINED "), 0), coalesce(sum(dispatch <> 0), 0),"
    "  coalesce(sum(dispatch = 0 AND left_on < m3), 0),"
    "  coalesce(sum(dispatch = 0 AND left_on IS NULL AND (checked_on IS NULL OR checked_on < m3)), 0)"
    " FROM h";

static const char hires_ids_sql[] =
    HIRES_CTE "SELECT id FROM h WHERE " RETAINED " ORDER BY id LIMIT ?3";

/* Binds ?4 = '+N months' and ?5 = '+N+1 months' (N: the rule's months). */
static void bind_months(sqlite3_stmt *st, int months, char plus[2][24])
{
    snprintf(plus[0], 24, "+%d months", months);
    snprintf(plus[1], 24, "+%d months", months + 1);
    sqlite3_bind_text(st, 4, plus[0], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, plus[1], -1, SQLITE_STATIC);
}

static int m_retained_hires(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                            size_t n)
{
    int months = (int)jy__mparam(ctx, JY__P_RETENTION_MONTHS);
    char plus[2][24];
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = NULL;
        int rc = jy__metric_stmt(&st, ctx, hires_sql);
        if (rc != JY_OK)
            return rc;
        sqlite3_bind_text(st, 1, spans[i].from_text, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, spans[i].to_text, -1, SQLITE_STATIC);
        bind_months(st, months, plus);
        int64_t all = 0, kept = 0, dispatch = 0, left = 0, unconfirmed = 0;
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            all = sqlite3_column_int64(st, 0);
            kept = sqlite3_column_int64(st, 1);
            dispatch = sqlite3_column_int64(st, 2);
            left = sqlite3_column_int64(st, 3);
            unconfirmed = sqlite3_column_int64(st, 4);
        }
        sqlite3_reset(st);
        if (rc != SQLITE_ROW)
            return jy__db_error(ctx->db, rc, "computing a metric");
        out[i].value = (double)kept;
        out[i].has_value = 1;
        if (!ctx->want_ids)
            continue;
        if ((rc = jy__metric_stmt(&st, ctx, hires_ids_sql)) != JY_OK)
            return rc;
        sqlite3_bind_text(st, 1, spans[i].from_text, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, spans[i].to_text, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, JY_EVIDENCE_MAX);
        bind_months(st, months, plus);
        if ((rc = jy__metric_fill_ids(&out[i], ctx, st, "hire", "counted", kept)) != JY_OK)
            return rc;
        jy__measure_note(&out[i],
                         "入职%lld人：在岗满%d个月%lld人；劳务派遣（不计）%lld人；"
                         "%d个月内离职%lld人；未核实满%d个月在岗%lld人",
                         (long long)all, months, (long long)kept, (long long)dispatch, months,
                         (long long)left, months, (long long)unconfirmed);
    }
    return JY_OK;
}

/* 9.3: the quarterly written report on enterprise services. */
static int m_enterprise_service_reports(jy_measure *out, const jy__mctx *ctx,
                                        const jy__span *spans, size_t n)
{
    return jy__metric_reports(out, ctx, spans, n, "quarterly_enterprise_service",
                              JY_PERIOD_QUARTER, 0);
}

const jy__metric_def jy__metrics_demand[] = {
    { { "demand_ledger_enterprises", "家", "纳入用工需求台账的企业数",
        "Enterprises entered into the demand ledger (general and skilled workers) in the "
        "period: enterprise.demand_ledger_on within it. Evidence: the enterprises." },
      m_demand_ledger_enterprises },
    { { "townships_short_of_jobseeker_groups", "个", "求职者微信群不足2个500人群的乡镇（街道）数",
        "Streets, towns and townships of the county (not the special units) without two "
        "jobseeker WeChat groups of at least 500 members. Groups are events of kind "
        "wechat_group with group_kind jobseeker, identified by township and title; a group's "
        "size is the member count of its latest record dated up to the period's end. "
        "The 2 and the 500 are params groups_per_township and min_members. Evidence: the "
        "groups under 500 members; the note names the townships short." },
      m_townships_short_of_groups },
    { { "repeat_shortage_enterprises", "家", "同一合同年度内第二次列入缺工清单的企业数",
        "Enterprises put on the shortage list (shortage.reported_on) a second time within "
        "the contract year, the second listing falling in the period. Evidence: the repeat "
        "listings." },
      m_repeat_shortages },
    { { "retained_hires", "人", "入职满3个月的新员工（不含劳务派遣）",
        "Hires started in the period (hire.started_on), labor dispatch excluded, still in "
        "post three months later: left_on or checked_on on or after the same day of the third "
        "month after started_on (the month's last day when it has none); the 3 is param months. "
        "Evidence: the hires "
        "counted; the note gives the dispatch hires, those who left earlier and those not "
        "confirmed." },
      m_retained_hires },
    { { "enterprise_service_reports", "份", "企业用工服务季度书面报告份数",
        "Reports (events of kind report, report_kind quarterly_enterprise_service) covering "
        "the bucket: the period named by their `period` label (a quarter or shorter), else "
        "their date. Evidence: the reports." },
      m_enterprise_service_reports },
    JY__METRIC_END,
};
