/*
 * The reports that join the assessment to the reports and the big screen:
 *  - `monthly` / `annual`: the work report of the employment homes (每月/年度
 *    数据分析报告): every sub-indicator's value against its target, and the
 *    trend of the monthly indicators month by month;
 *  - `scorecard`: the scorecard in the seed's table layout (考核细则表), so
 *    that it is written as JSON, CSV and xlsx like every report;
 *  - jy_dashboard_add_scorecard(): the big screen's indicator panel.
 *
 * Cost: one jy_assess() of the period; the trend adds one metric
 * computation per monthly check and month (7 checks x at most 12 months).
 */
#include "assess_internal.h"
#include "report_internal.h"

#include <stdio.h>
#include <string.h>

/* ---- Shared ------------------------------------------------------------------ */

/* A number as people write it: 0.5, 12, 87.4. */
static void num_text(char *out, size_t size, double x)
{
    snprintf(out, size, "%.2f", x);
    char *dot = strchr(out, '.');
    if (dot) {
        char *end = out + strlen(out) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
}

static const char *unit_of(const char *metric)
{
    const jy_metric_info *m = jy_metric_find(metric);
    return m && m->unit ? m->unit : "";
}

static const char *period_word(jy_rule_period p)
{
    static const char *const names[] = { "每日", "每个工作日", "每周", "每月", "每季度", "全年",
                                         "考核期" };
    return (unsigned)p < sizeof names / sizeof names[0] ? names[p] : "";
}

/* The check a sub-indicator is shown by: the first failing one, else the
 * first warning, else the first. */
static const jy_score_check *main_check(const jy_score_indicator *si)
{
    for (size_t c = 0; c < si->check_count; c++)
        if (si->checks[c].status == JY_SCORE_FAILED)
            return &si->checks[c];
    for (size_t c = 0; c < si->check_count; c++)
        if (si->checks[c].status == JY_SCORE_WARNING)
            return &si->checks[c];
    return si->check_count ? &si->checks[0] : NULL;
}

/* 完成情况 as the work report says it. */
static const char *status_word(jy_score_status s)
{
    switch (s) {
    case JY_SCORE_MET: return "达标";
    case JY_SCORE_FAILED: return "未达标";
    case JY_SCORE_ON_TRACK: return "进度正常";
    case JY_SCORE_WARNING: return "进度预警";
    case JY_SCORE_NOT_JUDGED: return "本期不考核";
    }
    return "";
}

/* Assesses the report's period with the defaults (rules, calendar, the
 * contract on the ledger). */
static int assess_period(jy_scorecard **card, jy_db *db, const jy_report *r)
{
    return jy_assess(card, db, jy_report_from(r), jy_report_to(r), NULL);
}

static int card_note(jy_report *r, const jy_scorecard *card)
{
    char total[32], ded[32], bonus[32];
    num_text(total, sizeof total, jy_scorecard_total(card));
    num_text(ded, sizeof ded, jy_scorecard_deduction(card));
    num_text(bonus, sizeof bonus, jy_scorecard_bonus(card));
    char note[256];
    snprintf(note, sizeof note, "%s；考核得分%s（扣分%s，加分%s）",
             jy_scorecard_is_annual(card) ? "年度考核" : "日常考核，全年指标只显示进度，不扣分",
             total, ded, bonus);
    return jy_report_add_note(r, note);
}

/* ---- scorecard --------------------------------------------------------------- */

int jy__report_scorecard(jy_report *r, jy_db *db)
{
    jy_scorecard *card = NULL;
    int rc = assess_period(&card, db, r);
    if (rc == JY_OK)
        rc = card_note(r, card);
    if (rc == JY_OK)
        rc = jy__scorecard_fill_report(r, card);
    jy_scorecard_free(card);
    return rc;
}

/* ---- monthly / annual ------------------------------------------------------------ */

/* 目标 of a check: "每月≥50家", "全年≥1000条", "≤0起". */
static void target_text(char *out, size_t size, const jy_score_check *sc)
{
    char t[32];
    num_text(t, sizeof t, sc->target);
    snprintf(out, size, "%s%s%s%s", period_word(sc->rule->period),
             sc->rule->compare == JY_COMPARE_AT_MOST ? "≤" : "≥", t, unit_of(sc->rule->metric));
}

/* 本期值 of a check: the total, the worst bucket, or the progress of the year. */
static void value_text(char *out, size_t size, const jy_scorecard *card, const jy_score_check *sc)
{
    char v[32], p[32];
    const char *unit = unit_of(sc->rule->metric);
    if (sc->status == JY_SCORE_NOT_JUDGED || !sc->has_value) {
        snprintf(out, size, "%s", sc->status == JY_SCORE_NOT_JUDGED ? "—" : "未登记");
        return;
    }
    num_text(v, sizeof v, sc->value);
    if (sc->rule->period == JY_RULE_YEAR && !jy_scorecard_is_annual(card)) {
        num_text(p, sizeof p, sc->projected);
        snprintf(out, size, "累计%s%s（预计全年%s%s）", v, unit, p, unit);
    } else if (sc->rule->period == JY_RULE_YEAR || sc->rule->period == JY_RULE_PERIOD ||
               sc->judged_count <= 1) {
        snprintf(out, size, "%s%s", v, unit);
    } else {
        snprintf(out, size, "最低%s%s（共%zu期，达标%zu期）", v, unit, sc->judged_count,
                 sc->judged_count - sc->evidence.failed_count);
    }
}

static int indicators_section(jy_report *r, const jy_scorecard *card)
{
    static const char *const cols[] = { "id", "序号", "indicator", "指标", "content", "考核内容",
                                        "target", "目标", "value", "本期值", "status",
                                        "完成情况", "deduction", "扣分", NULL };
    size_t si = 0;
    int rc = jy_report_add_section(&si, r, "indicators", "各项指标完成情况",
                                   "本期值：按月、周等考核的指标为最差的一期；全年指标为累计值；扣分为负数的是加分");
    if (rc == JY_OK)
        rc = jy__report_columns(r, si, cols);
    for (size_t i = 0; i < jy_scorecard_item_count(card) && rc == JY_OK; i++) {
        const jy_score_item *it = jy_scorecard_item_at(card, i);
        for (size_t j = 0; j < it->indicator_count && rc == JY_OK; j++) {
            const jy_score_indicator *ind = &it->indicators[j];
            const jy_score_check *sc = main_check(ind);
            size_t row = 0;
            char target[96] = "", value[128] = "";
            if (sc) {
                target_text(target, sizeof target, sc);
                value_text(value, sizeof value, card, sc);
            }
            rc = jy_report_add_row(&row, r, si, 0);
            if (rc == JY_OK)
                rc = jy_report_set_text(r, si, row, 0, ind->rule->id);
            if (rc == JY_OK)
                rc = jy_report_set_text(r, si, row, 1, sc && *sc->rule->label ? sc->rule->label
                                                                              : it->rule->name);
            if (rc == JY_OK)
                rc = jy_report_set_text(r, si, row, 2, ind->rule->text);
            if (rc == JY_OK && *target)
                rc = jy_report_set_text(r, si, row, 3, target);
            if (rc == JY_OK && *value)
                rc = jy_report_set_text(r, si, row, 4, value);
            if (rc == JY_OK)
                rc = jy_report_set_text(r, si, row, 5, status_word(ind->status));
            if (rc == JY_OK)
                rc = ind->rule->is_bonus
                         ? jy_report_set_number(r, si, row, 6, JY_CELL_NUMBER,
                                                ind->bonus > 0 ? -ind->bonus : 0)
                         : jy_report_set_number(r, si, row, 6, JY_CELL_NUMBER, ind->deduction);
        }
    }
    size_t row = 0;
    if (rc == JY_OK)
        rc = jy_report_add_row(&row, r, si, 1);
    if (rc == JY_OK)
        rc = jy_report_set_text(r, si, row, 0, "合计");
    if (rc == JY_OK)
        rc = jy_report_set_number(r, si, row, 6, JY_CELL_NUMBER, jy_scorecard_deduction(card));
    return rc;
}

/* The trend: every monthly check's value month by month, from the contract
 * year's first month (a month report) or the period's (a year report) to the
 * period's last. */
static int trend_section(jy_report *r, jy_db *db, const jy_scorecard *card, int annual)
{
    jy_period year = jy_scorecard_contract_year(card);
    jy_period span = { annual ? jy_report_from(r) : year.from, jy_report_to(r) };
    if (jy_date_compare(span.from, span.to) > 0)
        span.from = jy_report_from(r);
    jy_bucket *months = NULL;
    size_t nm = 0;
    int rc = jy_period_split(&months, &nm, span, JY_PERIOD_MONTH, year.from);
    if (rc != JY_OK)
        return rc;
    size_t si = 0;
    rc = jy_report_add_section(&si, r, "trend", annual ? "月度趋势" : "本合同年度各月趋势",
                               "按月考核的指标每月的值（不完整的月份按实际天数计）");
    if (rc == JY_OK)
        rc = jy_report_add_column(r, si, "id", "序号");
    if (rc == JY_OK)
        rc = jy_report_add_column(r, si, "indicator", "指标");
    if (rc == JY_OK)
        rc = jy_report_add_column(r, si, "target", "目标");
    for (size_t m = 0; m < nm && rc == JY_OK; m++) {
        char label[JY_PERIOD_TEXT_SIZE];
        if ((rc = jy_period_format(label, months[m].full, JY_PERIOD_MONTH)) == JY_OK)
            rc = jy_report_add_column(r, si, label, label);
    }
    jy_calendar *cal = NULL;
    if (rc == JY_OK)
        rc = jy_calendar_load_default(&cal);
    for (size_t i = 0; i < jy_scorecard_item_count(card) && rc == JY_OK; i++) {
        const jy_score_item *it = jy_scorecard_item_at(card, i);
        for (size_t j = 0; j < it->indicator_count && rc == JY_OK; j++) {
            const jy_score_indicator *ind = &it->indicators[j];
            for (size_t c = 0; c < ind->check_count && rc == JY_OK; c++) {
                const jy_score_check *sc = &ind->checks[c];
                if (sc->rule->period != JY_RULE_MONTH)
                    continue;
                size_t row = 0;
                char target[96];
                target_text(target, sizeof target, sc);
                rc = jy_report_add_row(&row, r, si, 0);
                if (rc == JY_OK)
                    rc = jy_report_set_text(r, si, row, 0, ind->rule->id);
                if (rc == JY_OK)
                    rc = jy_report_set_text(r, si, row, 1, *sc->rule->label ? sc->rule->label
                                                                            : ind->rule->text);
                if (rc == JY_OK)
                    rc = jy_report_set_text(r, si, row, 2, target);
                for (size_t m = 0; m < nm && rc == JY_OK; m++) {
                    jy_measure *ms = NULL;
                    rc = jy_metric_compute(&ms, db, sc->rule->metric, months[m].period.from,
                                           months[m].period.to, cal, year.from);
                    if (rc == JY_OK && jy_measure_has_value(ms)) {
                        double v = jy_measure_value(ms);
                        rc = jy_report_set_number(r, si, row, 3 + m,
                                                  v > -1e15 && v < 1e15 && v == (double)(long long)v
                                                      ? JY_CELL_INTEGER : JY_CELL_NUMBER,
                                                  v);
                    }
                    jy_measure_free(ms);
                }
            }
        }
    }
    jy_calendar_free(cal);
    jy_free(months);
    return rc;
}

int jy__report_work(jy_report *r, jy_db *db, int annual)
{
    jy_scorecard *card = NULL;
    int rc = assess_period(&card, db, r);
    if (rc == JY_OK)
        rc = card_note(r, card);
    if (rc == JY_OK)
        rc = indicators_section(r, card);
    if (rc == JY_OK)
        rc = trend_section(r, db, card, annual);
    jy_scorecard_free(card);
    return rc;
}

/* ---- The big screen ------------------------------------------------------------ */

/* Drops a UTF-8 sequence cut short at the end of `s` (snprintf truncation). */
static void utf8_trim(char *s)
{
    size_t n = strlen(s), i = n;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0)
        return;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (n - (i - 1) < need)
        s[i - 1] = '\0';
}

static jy_rag rag_of(const jy_score_indicator *ind, const jy_score_check *sc)
{
    switch (ind->status) {
    case JY_SCORE_MET: return JY_RAG_GREEN;
    case JY_SCORE_FAILED: return JY_RAG_RED;
    case JY_SCORE_WARNING: return JY_RAG_AMBER;
    case JY_SCORE_ON_TRACK:
        /* On track, but behind a straight-line pace: amber. */
        return sc && sc->rule->compare == JY_COMPARE_AT_LEAST && sc->projected < sc->target
                   ? JY_RAG_AMBER
                   : JY_RAG_GREEN;
    case JY_SCORE_NOT_JUDGED: break;
    }
    return JY_RAG_NONE;
}

int jy_dashboard_add_scorecard(jy_dashboard *dashboard, const jy_scorecard *card)
{
    if (!dashboard || !card)
        return jy__error(JY_EINVAL, "jy_dashboard_add_scorecard: NULL argument");
    int annual = jy_scorecard_is_annual(card);
    for (size_t i = 0; i < jy_scorecard_item_count(card); i++) {
        const jy_score_item *it = jy_scorecard_item_at(card, i);
        for (size_t j = 0; j < it->indicator_count; j++) {
            const jy_score_indicator *ind = &it->indicators[j];
            const jy_score_check *sc = main_check(ind);
            if (!sc)
                continue;
            double target = sc->rule->compare == JY_COMPARE_AT_LEAST ? sc->target : 0;
            char warning[512] = "";
            if (ind->status == JY_SCORE_WARNING && sc->rule->period == JY_RULE_YEAR && !annual) {
                char v[32], t[32], p[32], need[32];
                const char *unit = unit_of(sc->rule->metric);
                num_text(v, sizeof v, sc->value);
                num_text(t, sizeof t, sc->target);
                num_text(p, sizeof p, sc->projected);
                num_text(need, sizeof need, sc->pace_needed);
                snprintf(warning, sizeof warning, "%s：累计%s%s，按当前进度预计全年%s%s，"
                         "低于目标%s%s，尚需每月%s%s", *sc->rule->label ? sc->rule->label
                         : ind->rule->id, v, unit, p, unit, t, unit, need, unit);
            } else if (ind->status == JY_SCORE_FAILED && sc->evidence.failed_count) {
                snprintf(warning, sizeof warning, "%s：未达标%zu期（%.120s）",
                         *sc->rule->label ? sc->rule->label : ind->rule->id,
                         sc->evidence.failed_count, sc->evidence.failed_buckets);
            }
            utf8_trim(warning);
            int rc = jy_dashboard_add_indicator(
                dashboard, ind->rule->id, *sc->rule->label ? sc->rule->label : ind->rule->text,
                sc->has_value ? sc->value : 0, target, unit_of(sc->rule->metric),
                rag_of(ind, sc), *warning ? warning : NULL);
            if (rc != JY_OK)
                return rc;
        }
    }
    return JY_OK;
}
