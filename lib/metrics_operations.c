/*
 * Metrics of items 1 and 2 of the scoring table: the county home's daily
 * operations (1.1-1.6) and the township and village homes (2.1-2.6).
 * m_posting_enterprises is the model to copy (see lib/metrics.c).
 */
#include "metrics_internal.h"

/* 1.1: distinct enterprises with at least one posting published (collected)
 * in the span. Evidence: the enterprises counted. */
static int m_posting_enterprises(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                                 size_t n)
{
    return jy__metric_count_records(
        out, ctx, spans, n,
        "SELECT count(DISTINCT enterprise_id) FROM posting WHERE published_on BETWEEN ?1 AND ?2",
        "SELECT DISTINCT enterprise_id FROM posting WHERE published_on BETWEEN ?1 AND ?2 "
        "ORDER BY enterprise_id LIMIT ?3",
        "enterprise");
}

/* 1.2: gig postings (kind 'gig') published in the span. */
static int m_gig_postings(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n)
{
    return jy__metric_count_records(
        out, ctx, spans, n,
        "SELECT count(*) FROM posting WHERE published_on BETWEEN ?1 AND ?2 AND kind = 'gig'",
        "SELECT id FROM posting WHERE published_on BETWEEN ?1 AND ?2 AND kind = 'gig' "
        "ORDER BY id LIMIT ?3",
        "posting");
}

/* 1.3 */
JY__EVENT_METRIC(m_board_updates, "board_update")

/* 1.4: jobseekers registered from the span's first day until 7 days before
 * its last (those of the last week are not due yet) followed up by the
 * span's end. */
static int m_followup_coverage(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                               size_t n)
{
    return jy__metric_rate(
        out, ctx, spans, n,
        "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM followup f WHERE f.jobseeker_id = j.id "
        "AND f.date BETWEEN j.registered_on AND ?2)), 0) FROM jobseeker j "
        "WHERE j.registered_on BETWEEN ?1 AND date(?2, '-7 days')",
        "SELECT j.id FROM jobseeker j WHERE j.registered_on BETWEEN ?1 AND date(?2, '-7 days') "
        "AND NOT EXISTS (SELECT 1 FROM followup f WHERE f.jobseeker_id = j.id "
        "AND f.date BETWEEN j.registered_on AND ?2) LIMIT ?3",
        "jobseeker");
}

/* 1.5: persons given a consultation (an event counts `count` persons, 1 if unset). */
static int m_consultations(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n)
{
    return jy__metric_count_daily(
        out, ctx, spans, n,
        "SELECT date, sum(coalesce(count, 1)) FROM event WHERE kind = 'consultation' "
        "AND date BETWEEN ?1 AND ?2 GROUP BY date ORDER BY date",
        JY__SQL_EVENT_IDS("consultation"), "event");
}

/* 1.6: the latest hotline record up to the span's end; success = staffed
 * (unset = yes: the record says the line is published and staffed). */
static int m_hotline_staffed(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                             size_t n)
{
    return jy__metric_fact(out, ctx, spans, n,
                           "SELECT coalesce(success, 1), id, date, source FROM event "
                           "WHERE kind = 'hotline' AND date <= ?2 ORDER BY date DESC, id DESC "
                           "LIMIT 1");
}

/* 2.1, 2.3, 2.4, 2.5 */
JY__EVENT_METRIC(m_dispatches, "dispatch")

JY__EVENT_METRIC(m_trainings, "training")

JY__EVENT_METRIC(m_competitions, "competition")

JY__EVENT_METRIC(m_supervisions, "supervision")

JY__EVENT_METRIC(m_staff_evaluations, "staff_evaluation")

/* 2.2: resumes delivered in the span that the enterprise viewed by its end. */
static int m_resume_view_rate(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                              size_t n)
{
    return jy__metric_rate(
        out, ctx, spans, n,
        "SELECT count(*), coalesce(sum(viewed_on IS NOT NULL AND viewed_on <= ?2), 0) "
        "FROM delivery WHERE delivered_on BETWEEN ?1 AND ?2",
        "SELECT id FROM delivery WHERE delivered_on BETWEEN ?1 AND ?2 "
        "AND (viewed_on IS NULL OR viewed_on > ?2) LIMIT ?3",
        "delivery");
}

/* 2.6: monthly reports whose period (YYYY-MM) lies in the span, accepted
 * (success unset counts as accepted), whenever submitted. */
static int m_monthly_reports(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                             size_t n)
{
    return jy__metric_count_records(
        out, ctx, spans, n,
        "SELECT count(*) FROM event WHERE kind = 'report' AND report_kind = 'monthly' "
        "AND period BETWEEN substr(?1, 1, 7) AND substr(?2, 1, 7) AND coalesce(success, 1) = 1",
        "SELECT id FROM event WHERE kind = 'report' AND report_kind = 'monthly' "
        "AND period BETWEEN substr(?1, 1, 7) AND substr(?2, 1, 7) AND coalesce(success, 1) = 1 "
        "ORDER BY id LIMIT ?3",
        "event");
}

/* 2.6: annual reports submitted in the span, or covering the year it starts in. */
static int m_annual_reports(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                            size_t n)
{
    return jy__metric_count_records(
        out, ctx, spans, n,
        "SELECT count(*) FROM event WHERE kind = 'report' AND report_kind = 'annual' "
        "AND (date BETWEEN ?1 AND ?2 OR period = substr(?1, 1, 4)) AND coalesce(success, 1) = 1",
        "SELECT id FROM event WHERE kind = 'report' AND report_kind = 'annual' "
        "AND (date BETWEEN ?1 AND ?2 OR period = substr(?1, 1, 4)) AND coalesce(success, 1) = 1 "
        "ORDER BY id LIMIT ?3",
        "event");
}

const jy__metric_def jy__metrics_operations[] = {
    JY__METRIC("posting_enterprises", "家", "采集岗位信息的企业数",
      "Distinct enterprises with at least one posting published in the period "
      "(posting.published_on). Evidence: the enterprises.", m_posting_enterprises),
    JY__METRIC("gig_postings", "条", "零工信息条数",
      "Gig postings (posting.kind = gig) published in the period. Evidence: the postings.",
      m_gig_postings),
    JY__METRIC("board_updates", "次", "岗位发布专区等更新张贴次数",
      "Board updates (events of kind board_update) in the period.", m_board_updates),
    JY__METRIC("followup_coverage", "%", "求职登记跟进率",
      "Percent of jobseekers registered from the first day of the period to 7 days before "
      "its last that had a follow-up by its last day (100 when none was due). Evidence: the "
      "jobseekers not followed up.", m_followup_coverage),
    JY__METRIC("consultations", "人", "咨询服务人数",
      "Persons given consultations (events of kind consultation; an event counts its "
      "`count`, 1 when unset).", m_consultations),
    JY__METRIC("hotline_staffed", "", "24小时服务电话已公布并值守",
      "Manual fact: the latest hotline event up to the period's end; 1 if published and "
      "staffed (success unset or true), 0 if success is false; not recorded without one.",
      m_hotline_staffed),
    JY__METRIC("dispatches", "次", "网点调度次数", "Dispatches of the homes (events of kind dispatch).",
      m_dispatches),
    JY__METRIC("resume_view_rate", "%", "简历查看率",
      "Percent of resumes delivered in the period that the enterprise viewed by its end "
      "(100 when none). Evidence: the deliveries not viewed.", m_resume_view_rate),
    JY__METRIC("trainings", "次", "业务培训次数", "Staff trainings (events of kind training).",
      m_trainings),
    JY__METRIC("competitions", "次", "比武练兵次数",
      "Skills competitions, 比武大练兵 or 5+2 岗位练兵 (events of kind competition).",
      m_competitions),
    JY__METRIC("supervisions", "次", "业务督导次数", "Supervisions of homes (events of kind supervision).",
      m_supervisions),
    JY__METRIC("staff_evaluations", "次", "年终评价次数",
      "Year-end evaluations of the operating staff (events of kind staff_evaluation).",
      m_staff_evaluations),
    JY__METRIC("monthly_reports", "份", "月度数据分析报告",
      "Accepted monthly data analysis reports (events report, report_kind monthly, success "
      "not false) whose `period` (YYYY-MM) lies in the period, whenever submitted.",
      m_monthly_reports),
    JY__METRIC("annual_reports", "份", "年度数据分析报告",
      "Accepted annual data analysis reports (report_kind annual) submitted in the period or "
      "whose `period` is the year the period starts in.", m_annual_reports),
    JY__METRIC_END,
};
