/*
 * Metrics of item 13 (tea meetings) and item 15 (bonus: the city rank; the
 * media reports are featured_media_reports in metrics_team.c).
 */
#include "metrics_internal.h"

/* 13.1: enterprises at the best-attended tea meeting of the span: those
 * listed as attending (event_enterprise), or the meeting's `count` when
 * none are listed. No meeting: no value (the quarter scores nothing). */
static int m_tea_meeting_enterprises(jy_measure *out, const jy__mctx *ctx,
                                     const jy__span *spans, size_t n)
{
    int rc = jy__metric_scalar(
        out, ctx, spans, n,
        "SELECT max(coalesce(nullif((SELECT count(DISTINCT ee.enterprise_id) FROM "
        "event_enterprise ee WHERE ee.event_id = e.id), 0), e.count, 0)) FROM event e "
        "WHERE e.kind = 'tea_meeting' AND e.date BETWEEN ?1 AND ?2");
    for (size_t i = 0; i < n && rc == JY_OK; i++) {
        if (!out[i].has_value)
            jy__measure_note(&out[i], "本期未举办餐（茶）叙会");
        if (ctx->want_ids)
            rc = jy__metric_ids(&out[i], ctx, &spans[i],
                                "SELECT id FROM event WHERE kind = 'tea_meeting' "
                                "AND date BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3",
                                "event", "counted", -1,
                                "SELECT count(*) FROM event WHERE kind = 'tea_meeting' "
                                "AND date BETWEEN ?1 AND ?2");
    }
    return rc;
}

/* 15.1: the city rank, from the latest ranking recorded from the span's
 * start to 90 days after its end. */
static int m_city_rank(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n)
{
    return jy__metric_fact(out, ctx, spans, n,
                           "SELECT rank, id, date, source FROM event WHERE kind = 'ranking' "
                           "AND rank IS NOT NULL AND date BETWEEN ?1 AND date(?2, '+90 days') "
                           "ORDER BY date DESC, id DESC LIMIT 1");
}

const jy__metric_def jy__metrics_tea[] = {
    JY__METRIC("tea_meeting_enterprises", "家", "餐（茶）叙会参会企业数",
      "Enterprises at the best-attended tea meeting of the period: the distinct enterprises "
      "listed as attending (event_enterprise), or the meeting's `count` when none are listed; "
      "no value without a meeting. Evidence: the meetings.", m_tea_meeting_enterprises),
    JY__METRIC("city_rank", "名", "全市年度考核排名",
      "Manual fact: the rank of the latest ranking event dated from the period's start to 90 "
      "days after its end.", m_city_rank),
    JY__METRIC_END,
};
