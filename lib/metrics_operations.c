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

const jy__metric_def jy__metrics_operations[] = {
    { { "posting_enterprises", "家", "采集岗位信息的企业数",
        "Distinct enterprises with at least one posting published in the period "
        "(posting.published_on). Evidence: the enterprises.", 1 },
      m_posting_enterprises },
    { { "gig_postings", "条", "零工信息条数",
        "Gig postings (posting.kind = gig) published in the period. Evidence: the postings.", 1 },
      m_gig_postings },
    JY__METRIC_RESERVED("board_updates", "次", "岗位发布专区等更新张贴次数", "Board updates (events of kind board_update)."),
    JY__METRIC_RESERVED("followup_coverage", "%", "求职登记跟进率", "Share of jobseekers registered in the period that were followed up."),
    JY__METRIC_RESERVED("consultations", "人", "咨询服务人数", "Persons given consultations."),
    JY__METRIC_RESERVED("hotline_staffed", "", "24小时服务电话", "The hotline is published and staffed (manual fact)."),
    JY__METRIC_RESERVED("dispatches", "次", "网点调度次数", "Dispatches of the homes (events of kind dispatch)."),
    JY__METRIC_RESERVED("resume_view_rate", "%", "简历查看率", "Share of delivered resumes viewed by the enterprise."),
    JY__METRIC_RESERVED("trainings", "次", "业务培训次数", "Staff trainings (events of kind training)."),
    JY__METRIC_RESERVED("competitions", "次", "比武练兵次数", "Skills competitions (events of kind competition)."),
    JY__METRIC_RESERVED("supervisions", "次", "业务督导次数", "Supervisions of homes (events of kind supervision)."),
    JY__METRIC_RESERVED("staff_evaluations", "次", "年终评价次数", "Year-end evaluations of the staff."),
    JY__METRIC_RESERVED("monthly_reports", "份", "月度数据分析报告", "Monthly data analysis reports submitted."),
    JY__METRIC_RESERVED("annual_reports", "份", "年度数据分析报告", "Annual data analysis reports submitted."),
    JY__METRIC_END,
};
