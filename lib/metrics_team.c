/*
 * Metrics of items 6-7: the team (6.1-6.3) and the industrial enterprise
 * staff survey (7.1-7.3).
 */
#include "metrics_internal.h"

/* 6.1: team size, from the latest team record (count) up to the span's end. */
static int m_team_size(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n)
{
    return jy__metric_fact(out, ctx, spans, n,
                           "SELECT count, id, date, source FROM event WHERE kind = 'team' "
                           "AND count IS NOT NULL AND date <= ?2 ORDER BY date DESC, id DESC "
                           "LIMIT 1");
}

/* 6.1: the project lead qualified in HR management (team record's success). */
static int m_lead_qualified(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                            size_t n)
{
    return jy__metric_fact(out, ctx, spans, n,
                           "SELECT success, id, date, source FROM event WHERE kind = 'team' "
                           "AND success IS NOT NULL AND date <= ?2 ORDER BY date DESC, id DESC "
                           "LIMIT 1");
}

/* 6.2: in the city's first tier: the latest ranking recorded from the span's
 * start to 90 days after its end (rankings come out after the year); its
 * success when recorded, else rank 1-3. */
static int m_city_first_tier(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                             size_t n)
{
    return jy__metric_fact(out, ctx, spans, n,
                           "SELECT CASE WHEN success IS NOT NULL THEN success "
                           "WHEN rank IS NOT NULL THEN rank <= 3 END, id, date, source "
                           "FROM event WHERE kind = 'ranking' AND date BETWEEN ?1 AND "
                           "date(?2, '+90 days') AND (success IS NOT NULL OR rank IS NOT NULL) "
                           "ORDER BY date DESC, id DESC LIMIT 1");
}

/* 6.3 */
JY__EVENT_METRIC(m_featured_practices, "featured_practice")

/* 6.3, 15.2: media reports at central or provincial level. */
static int m_featured_media_reports(jy_measure *out, const jy__mctx *ctx,
                                    const jy__span *spans, size_t n)
{
    return jy__metric_count_daily(
        out, ctx, spans, n,
        "SELECT date, count(*) FROM event WHERE kind = 'media_report' AND level IN "
        "('central', 'provincial') AND date BETWEEN ?1 AND ?2 GROUP BY date ORDER BY date",
        "SELECT id FROM event WHERE kind = 'media_report' AND level IN ('central', 'provincial') "
        "AND date BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3",
        "event");
}

/* 7.1: industrial enterprises with a staff survey from the span's start to
 * 31 August of the contract year (the first 31 August on or after the
 * signing date), or to the span's end if earlier. */
static int m_industrial_enterprises_surveyed(jy_measure *out, const jy__mctx *ctx,
                                             const jy__span *spans, size_t n)
{
    jy_date deadline = { ctx->contract_start.year, 8, 31 };
    if (jy_date_compare(deadline, ctx->contract_start) < 0)
        deadline.year++;
    for (size_t i = 0; i < n; i++) {
        jy__span s = spans[i];
        if (jy_date_compare(deadline, s.to) < 0)
            jy__span_set(&s, s.from, deadline);
        if (jy_date_compare(s.from, s.to) > 0) {
            out[i].has_value = 1;
            jy__measure_note(&out[i], "8月31日之后的期间");
            continue;
        }
        int rc = jy__metric_count_records(
            &out[i], ctx, &s, 1,
            "SELECT count(DISTINCT s.enterprise_id) FROM staff_survey s JOIN enterprise e "
            "ON e.id = s.enterprise_id WHERE e.industrial = 1 AND s.surveyed_on BETWEEN ?1 AND ?2",
            "SELECT DISTINCT s.enterprise_id FROM staff_survey s JOIN enterprise e "
            "ON e.id = s.enterprise_id WHERE e.industrial = 1 AND s.surveyed_on BETWEEN ?1 AND ?2 "
            "ORDER BY s.enterprise_id LIMIT ?3",
            "enterprise");
        if (rc != JY_OK)
            return rc;
        jy__measure_note(&out[i], "截至%s", s.to_text);
    }
    return JY_OK;
}

/* 7.1: special reports on the staff survey. */
static int m_staff_survey_reports(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                                  size_t n)
{
    return jy__metric_count_records(
        out, ctx, spans, n,
        "SELECT count(*) FROM event WHERE kind = 'report' AND report_kind = 'staff_survey' "
        "AND date BETWEEN ?1 AND ?2 AND coalesce(success, 1) = 1",
        "SELECT id FROM event WHERE kind = 'report' AND report_kind = 'staff_survey' "
        "AND date BETWEEN ?1 AND ?2 AND coalesce(success, 1) = 1 ORDER BY id LIMIT ?3",
        "event");
}

/* 7.2: enterprises in the WeChat group by the span's end (joined on or before it). */
static int m_wechat_enterprises(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                                size_t n)
{
    return jy__metric_count_records(
        out, ctx, spans, n,
        "SELECT count(*) FROM enterprise WHERE wechat_joined_on <= ?2 AND ?1 <= ?2",
        "SELECT id FROM enterprise WHERE wechat_joined_on <= ?2 AND ?1 <= ?2 ORDER BY id LIMIT ?3",
        "enterprise");
}

/* 7.3 */
static int m_new_authorized_enterprises(jy_measure *out, const jy__mctx *ctx,
                                        const jy__span *spans, size_t n)
{
    return jy__metric_count_records(
        out, ctx, spans, n,
        "SELECT count(*) FROM enterprise WHERE authorized_on BETWEEN ?1 AND ?2",
        "SELECT id FROM enterprise WHERE authorized_on BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3",
        "enterprise");
}

const jy__metric_def jy__metrics_team[] = {
    JY__METRIC("team_size", "人", "运营团队人数",
      "Manual fact: the `count` of the latest team event up to the period's end; not recorded "
      "without one.", m_team_size),
    JY__METRIC("lead_qualified", "", "项目负责人具备人力资源管理能力",
      "Manual fact: the `success` of the latest team event that records it (1 = the lead is "
      "qualified in HR management).", m_lead_qualified),
    JY__METRIC("city_first_tier", "", "全市考核第一方阵",
      "Manual fact: the latest ranking event dated from the period's start to 90 days after "
      "its end; 1 if its success is true or, without success, its rank is 1 to 3.",
      m_city_first_tier),
    JY__METRIC("featured_practices", "条", "特色典型做法",
      "Featured practices (events of kind featured_practice).", m_featured_practices),
    JY__METRIC("featured_media_reports", "篇", "中央、省部级媒体报道",
      "Media reports at central or provincial level (events of kind media_report, level "
      "central or provincial).", m_featured_media_reports),
    JY__METRIC("industrial_enterprises_surveyed", "家", "8月31日前摸排的工业企业",
      "Distinct industrial enterprises (enterprise.industrial) with a staff survey from the "
      "period's start to 31 August of the contract year (or the period's end if earlier).",
      m_industrial_enterprises_surveyed),
    JY__METRIC("staff_survey_reports", "份", "在岗员工摸排专报",
      "Special reports on the staff survey (report events, report_kind staff_survey).",
      m_staff_survey_reports),
    JY__METRIC("wechat_enterprises", "家", "企业微信群企业数",
      "Enterprises in the county enterprise WeChat group at the period's end "
      "(enterprise.wechat_joined_on on or before it).", m_wechat_enterprises),
    JY__METRIC("new_authorized_enterprises", "家", "新增入驻授权企业",
      "Enterprises that settled in or authorized the home in the period "
      "(enterprise.authorized_on).", m_new_authorized_enterprises),
    JY__METRIC_END,
};
