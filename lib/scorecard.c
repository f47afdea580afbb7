/*
 * Scorecard outputs: JSON (docs/rules.md "Scorecard JSON"), and the seed's
 * table layout (序号, 指标项, 考核内容, 评分标准, 考核说明, 考核得分) as CSV
 * (UTF-8 BOM, CRLF) and HTML.
 */
#include "assess_internal.h"
#include "report_internal.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *period_name(jy_rule_period p)
{
    static const char *const names[] = { "day", "workday", "week", "month", "quarter", "year",
                                         "period" };
    return (unsigned)p < sizeof names / sizeof names[0] ? names[p] : "";
}

static const char *period_label(jy_rule_period p)
{
    static const char *const names[] = { "每日", "每个工作日", "每周", "每月", "每季度", "全年",
                                         "考核期" };
    return (unsigned)p < sizeof names / sizeof names[0] ? names[p] : "";
}

/* The check a sub-indicator is shown by: the first failing one, else the first. */
static const jy_score_check *main_check(const jy_score_indicator *si)
{
    for (size_t c = 0; c < si->check_count; c++)
        if (si->checks[c].status == JY_SCORE_FAILED)
            return &si->checks[c];
    return si->check_count ? &si->checks[0] : NULL;
}

static const char *unit_of_metric(const char *metric)
{
    const jy_metric_info *m = jy_metric_find(metric);
    return m && m->unit ? m->unit : "";
}

/* ---- JSON ------------------------------------------------------------------- */

static cJSON *date_json(jy_date d)
{
    char t[JY_DATE_TEXT_SIZE];
    if (jy_date_format(t, d) != JY_OK)
        return cJSON_CreateNull();
    return cJSON_CreateString(t);
}

static cJSON *evidence_json(const jy_score_evidence *ev)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *fb = cJSON_AddArrayToObject(o, "failed_buckets");
    if (ev->failed_buckets && *ev->failed_buckets) {
        char *copy = jy__strdup(ev->failed_buckets);
        for (char *tok = copy, *next; tok; tok = next) {
            next = strchr(tok, ',');
            if (next)
                *next++ = '\0';
            cJSON_AddItemToArray(fb, cJSON_CreateString(tok));
        }
        free(copy);
    }
    if (ev->record_kind) {
        cJSON *r = cJSON_AddObjectToObject(o, "records");
        cJSON_AddStringToObject(r, "kind", ev->record_kind);
        cJSON_AddStringToObject(r, "role", ev->record_role ? ev->record_role : "counted");
        cJSON *ids = cJSON_AddArrayToObject(r, "ids");
        for (size_t i = 0; i < ev->id_count; i++)
            cJSON_AddItemToArray(ids, cJSON_CreateNumber((double)ev->ids[i]));
        cJSON_AddNumberToObject(r, "total", (double)ev->id_total);
    } else {
        cJSON_AddNullToObject(o, "records");
    }
    cJSON_AddStringToObject(o, "note", ev->note ? ev->note : "");
    return o;
}

static void add_met(cJSON *o, jy_score_status s)
{
    if (s == JY_SCORE_MET)
        cJSON_AddTrueToObject(o, "met");
    else if (s == JY_SCORE_FAILED)
        cJSON_AddFalseToObject(o, "met");
    else
        cJSON_AddNullToObject(o, "met");
}

static cJSON *check_json(const jy_score_check *sc, int annual_pace)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "metric", sc->rule->metric);
    cJSON_AddStringToObject(o, "label", sc->rule->label);
    cJSON_AddStringToObject(o, "period", period_name(sc->rule->period));
    cJSON_AddStringToObject(o, "compare", sc->rule->compare == JY_COMPARE_AT_MOST ? "<=" : ">=");
    cJSON_AddNumberToObject(o, "target", sc->target);
    /* The standards the rule set gave the metric (docs/rules.md "Metric
     * parameters"): what the value was measured against. Parsed back from
     * the rule's own compact JSON, which the rules loader validated. */
    if (sc->rule->params && sc->rule->params[0]) {
        cJSON *params = cJSON_Parse(sc->rule->params);
        if (params)
            cJSON_AddItemToObject(o, "params", params);
    }
    if (sc->has_value)
        cJSON_AddNumberToObject(o, "value", sc->value);
    else
        cJSON_AddNullToObject(o, "value");
    cJSON_AddStringToObject(o, "unit", unit_of_metric(sc->rule->metric));
    cJSON_AddStringToObject(o, "status", jy_score_status_name(sc->status));
    add_met(o, sc->status);
    cJSON_AddNumberToObject(o, "buckets", (double)sc->bucket_count);
    cJSON_AddNumberToObject(o, "judged", (double)sc->judged_count);
    if (annual_pace) {
        cJSON_AddNumberToObject(o, "projected", sc->projected);
        cJSON_AddNumberToObject(o, "pace_needed_per_30_days", sc->pace_needed);
    }
    cJSON_AddNumberToObject(o, "deduction", sc->deduction);
    cJSON_AddItemToObject(o, "evidence", evidence_json(&sc->evidence));
    return o;
}

static cJSON *indicator_json(const jy_scorecard *card, const jy_score_indicator *si)
{
    cJSON *o = cJSON_CreateObject();
    const jy_score_check *mc = main_check(si);
    cJSON_AddStringToObject(o, "id", si->rule->id);
    cJSON_AddStringToObject(o, "text", si->rule->text);
    cJSON_AddStringToObject(o, "status", jy_score_status_name(si->status));
    add_met(o, si->status);
    if (mc && mc->has_value)
        cJSON_AddNumberToObject(o, "value", mc->value);
    else
        cJSON_AddNullToObject(o, "value");
    if (mc)
        cJSON_AddNumberToObject(o, "target", mc->target);
    else
        cJSON_AddNullToObject(o, "target");
    cJSON_AddStringToObject(o, "unit", mc ? unit_of_metric(mc->rule->metric) : "");
    cJSON_AddNumberToObject(o, "deduction", si->deduction);
    cJSON_AddNumberToObject(o, "computed_deduction", si->computed_deduction);
    if (si->rule->is_bonus)
        cJSON_AddNumberToObject(o, "bonus", si->bonus);
    if (si->overridden) {
        cJSON *ov = cJSON_AddObjectToObject(o, "override");
        cJSON_AddNumberToObject(ov, "deduction", si->deduction);
        cJSON_AddStringToObject(ov, "reason", si->override_reason);
        cJSON_AddStringToObject(ov, "assessor", si->override_assessor);
        cJSON_AddItemToObject(ov, "decided_on", date_json(si->override_decided_on));
    } else {
        cJSON_AddNullToObject(o, "override");
    }
    static const jy_score_evidence none = { 0, "", NULL, NULL, 0, NULL, 0, "" };
    cJSON_AddItemToObject(o, "evidence", evidence_json(mc ? &mc->evidence : &none));
    cJSON *checks = cJSON_AddArrayToObject(o, "checks");
    for (size_t c = 0; c < si->check_count; c++)
        cJSON_AddItemToArray(checks,
                             check_json(&si->checks[c], !card->annual &&
                                                            si->checks[c].rule->period ==
                                                                JY_RULE_YEAR));
    return o;
}

int jy_scorecard_to_json(char **out, const jy_scorecard *card)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_scorecard_to_json: out is NULL");
    *out = NULL;
    if (!card)
        return jy__error(JY_EINVAL, "jy_scorecard_to_json: card is NULL");
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return jy__error_nomem();
    cJSON_AddStringToObject(o, "format", "jiuye-scorecard");
    cJSON_AddNumberToObject(o, "version", 1);
    cJSON_AddStringToObject(o, "rules", card->rules_name);
    cJSON_AddItemToObject(o, "from", date_json(card->period.from));
    cJSON_AddItemToObject(o, "to", date_json(card->period.to));
    cJSON *cy = cJSON_AddObjectToObject(o, "contract_year");
    cJSON_AddItemToObject(cy, "from", date_json(card->year.from));
    cJSON_AddItemToObject(cy, "to", date_json(card->year.to));
    cJSON_AddBoolToObject(o, "annual", card->annual);
    cJSON_AddNumberToObject(o, "base", card->base);
    cJSON_AddNumberToObject(o, "deduction", card->deduction);
    cJSON_AddNumberToObject(o, "bonus", card->bonus);
    cJSON_AddNumberToObject(o, "total", card->total);
    cJSON *items = cJSON_AddArrayToObject(o, "items");
    for (size_t i = 0; i < card->item_count; i++) {
        const jy_score_item *it = &card->items[i];
        cJSON *io = cJSON_CreateObject();
        cJSON_AddNumberToObject(io, "id", it->rule->id);
        cJSON_AddStringToObject(io, "name", it->rule->name);
        cJSON_AddBoolToObject(io, "bonus", it->rule->is_bonus);
        cJSON_AddNumberToObject(io, "points", it->rule->points);
        cJSON_AddNumberToObject(io, "deduction", it->deduction);
        cJSON_AddNumberToObject(io, "score", it->score);
        cJSON *inds = cJSON_AddArrayToObject(io, "indicators");
        for (size_t j = 0; j < it->indicator_count; j++)
            cJSON_AddItemToArray(inds, indicator_json(card, &it->indicators[j]));
        cJSON_AddItemToArray(items, io);
    }
    cJSON *incs = cJSON_AddArrayToObject(o, "incidents");
    for (size_t i = 0; i < card->incident_count; i++) {
        const jy_score_incident *inc = &card->incidents[i];
        cJSON *io = cJSON_CreateObject();
        cJSON_AddNumberToObject(io, "id", (double)inc->id);
        cJSON_AddStringToObject(io, "kind", inc->kind);
        cJSON_AddStringToObject(io, "label", inc->label);
        cJSON_AddItemToObject(io, "date", date_json(inc->date));
        cJSON_AddStringToObject(io, "description", inc->description);
        cJSON_AddItemToArray(incs, io);
    }
    char *text = cJSON_Print(o);
    cJSON_Delete(o);
    if (!text)
        return jy__error_nomem();
    /* Hand out memory of the library's allocator. */
    *out = jy__strdup(text);
    cJSON_free(text);
    return *out ? JY_OK : JY_ENOMEM;
}

/* ---- Text for people ------------------------------------------------------ */

typedef struct sbuf {
    char *s;
    size_t len, cap;
    int failed;
} sbuf;

static void sb_addn(sbuf *b, const char *t, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *s = jy__realloc(b->s, cap);
        if (!s) {
            b->failed = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->len, t, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_add(sbuf *b, const char *t)
{
    sb_addn(b, t, strlen(t));
}

static void sb_printf(sbuf *b, const char *fmt, ...) JY__PRINTF(2, 3);
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        sb_addn(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* A number as people write it: 0.5, 12, 87.4. */
static void num(char *out, size_t size, double x)
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

/* One line of 考核说明 for a sub-indicator. */
static void explain(sbuf *b, const jy_scorecard *card, const jy_score_indicator *si)
{
    char v[32], t[32], d[32], p[32];
    sb_printf(b, "%s %s：%s", si->rule->id, si->rule->text, jy_score_status_label(si->status));
    for (size_t c = 0; c < si->check_count; c++) {
        const jy_score_check *sc = &si->checks[c];
        const char *unit = unit_of_metric(sc->rule->metric);
        num(v, sizeof v, sc->value);
        num(t, sizeof t, sc->target);
        if (sc->status == JY_SCORE_NOT_JUDGED) {
            sb_printf(b, "（%s：本期不考核）", sc->rule->label);
            continue;
        }
        if (!sc->has_value) {
            sb_printf(b, "（%s：未登记）", sc->rule->label);
            continue;
        }
        if (sc->rule->period == JY_RULE_YEAR && !card->annual) {
            num(p, sizeof p, sc->projected);
            sb_printf(b, "（全年进度%s%s/目标%s%s", v, unit, t, unit);
            if (sc->status != JY_SCORE_MET && sc->rule->compare == JY_COMPARE_AT_LEAST) {
                num(d, sizeof d, sc->pace_needed);
                sb_printf(b, "，按当前进度预计全年%s%s，尚需每月%s%s", p, unit, d, unit);
            }
            sb_add(b, "）");
            continue;
        }
        if (sc->rule->period == JY_RULE_YEAR || sc->rule->period == JY_RULE_PERIOD)
            sb_printf(b, "（%s%s，目标%s%s%s）", v, unit,
                      sc->rule->compare == JY_COMPARE_AT_MOST ? "不超过" : "", t, unit);
        else if (sc->status == JY_SCORE_FAILED)
            sb_printf(b, "（%s目标%s%s；未达标%zu个：%s，最低%s%s）", period_label(sc->rule->period),
                      t, unit, sc->evidence.failed_count, sc->evidence.failed_buckets, v, unit);
        else
            sb_printf(b, "（%s均达标，%zu个）", period_label(sc->rule->period), sc->judged_count);
        if (sc->evidence.note && *sc->evidence.note && sc->status == JY_SCORE_FAILED)
            sb_printf(b, "［%s］", sc->evidence.note);
    }
    if (si->rule->is_bonus) {
        num(d, sizeof d, si->bonus);
        sb_printf(b, "，加%s分", d);
    } else if (si->computed_deduction > 0 || si->overridden) {
        num(d, sizeof d, si->computed_deduction);
        sb_printf(b, "，扣%s分", d);
    }
    if (si->overridden) {
        num(d, sizeof d, si->deduction);
        sb_printf(b, "；考核人%s调整为扣%s分，理由：%s", si->override_assessor, d,
                  si->override_reason);
    }
}

typedef struct row {
    char id[16];
    const char *name, *content, *standard;
    char *note;
    char score[48];
} row;

/* Builds the rows of the seed's table; the caller frees each note. */
static int build_rows(row **out, size_t *count, const jy_scorecard *card)
{
    size_t n = card->item_count + 2;
    row *rows = jy__calloc(n, sizeof *rows);
    if (!rows)
        return JY_ENOMEM;
    for (size_t i = 0; i < card->item_count; i++) {
        const jy_score_item *it = &card->items[i];
        row *r = &rows[i];
        snprintf(r->id, sizeof r->id, "%d", it->rule->id);
        r->name = it->rule->name;
        r->content = it->rule->content;
        r->standard = it->rule->standard;
        sbuf b = { NULL, 0, 0, 0 };
        for (size_t j = 0; j < it->indicator_count; j++) {
            if (j)
                sb_add(&b, "\n");
            explain(&b, card, &it->indicators[j]);
        }
        if (b.failed) {
            free(b.s);
            for (size_t k = 0; k < i; k++)
                free(rows[k].note);
            free(rows);
            return JY_ENOMEM;
        }
        r->note = b.s;
        char v[32];
        num(v, sizeof v, it->score);
        snprintf(r->score, sizeof r->score, "%s%s", it->rule->is_bonus && it->score > 0 ? "+" : "",
                 v);
    }
    /* 合计, then the incidents (seed §3.4). */
    row *total = &rows[card->item_count];
    total->id[0] = '\0';
    total->name = "合计";
    total->content = total->standard = "";
    sbuf b = { NULL, 0, 0, 0 };
    char a[32], d[32], bo[32];
    num(a, sizeof a, card->base);
    num(d, sizeof d, card->deduction);
    num(bo, sizeof bo, card->bonus);
    char f[JY_DATE_TEXT_SIZE], t[JY_DATE_TEXT_SIZE];
    jy_date_format(f, card->period.from);
    jy_date_format(t, card->period.to);
    sb_printf(&b, "考核期间%s至%s（%s）；基础分%s，扣分%s，加分%s", f, t,
              card->annual ? "年度考核" : "日常考核，全年指标只显示进度，不扣分", a, d, bo);
    total->note = b.s;
    num(total->score, sizeof total->score, card->total);
    row *inc = &rows[card->item_count + 1];
    inc->name = "终止合同情形";
    inc->content = "成交供应商出现劳动力数据信息、企业在职员工信息和企业用工需求信息等敏感信息泄密，"
                   "或因服务企业和群众不当出现舆情造成社会恶劣影响的（3.4）";
    inc->standard = "采购人可直接解除合同";
    sbuf ib = { NULL, 0, 0, 0 };
    if (card->incident_count == 0)
        sb_add(&ib, "本期无");
    for (size_t i = 0; i < card->incident_count; i++) {
        char dd[JY_DATE_TEXT_SIZE];
        jy_date_format(dd, card->incidents[i].date);
        sb_printf(&ib, "%s%s %s：%s", i ? "\n" : "", dd, card->incidents[i].label,
                  card->incidents[i].description);
    }
    inc->note = ib.s;
    snprintf(inc->score, sizeof inc->score, "%s", card->incident_count ? "已发生" : "");
    if (!total->note || !inc->note) {
        for (size_t k = 0; k < n; k++)
            free(rows[k].note);
        free(rows);
        return JY_ENOMEM;
    }
    *out = rows;
    *count = n;
    return JY_OK;
}

static void free_rows(row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(rows[i].note);
    free(rows);
}

int jy__scorecard_fill_report(jy_report *r, const jy_scorecard *card)
{
    row *rows = NULL;
    size_t n = 0;
    if (build_rows(&rows, &n, card) != JY_OK)
        return jy__error_nomem();
    static const char *const cols[] = { "item", "序号", "name", "指标项", "content", "考核内容",
                                        "standard", "评分标准", "explanation", "考核说明",
                                        "score", "考核得分", NULL };
    size_t si = 0;
    int rc = jy_report_add_section(&si, r, "scorecard", "考核细则表", card->annual
                                   ? "年度考核" : "日常考核：全年指标只显示进度，不扣分");
    if (rc == JY_OK)
        rc = jy__report_columns(r, si, cols);
    for (size_t i = 0; i < n && rc == JY_OK; i++) {
        size_t ri = 0;
        rc = jy_report_add_row(&ri, r, si, 0); /* 合计 is a row of the seed's table */
        const char *cells[6] = { rows[i].id, rows[i].name, rows[i].content, rows[i].standard,
                                 rows[i].note, rows[i].score };
        for (size_t c = 0; c < 6 && rc == JY_OK; c++)
            if (*cells[c])
                rc = jy_report_set_text(r, si, ri, c, cells[c]);
    }
    free_rows(rows, n);
    return rc;
}

static void csv_cell(sbuf *b, const char *s, int last)
{
    sb_add(b, "\"");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            sb_add(b, "\"\"");
        else if (*p == '\n')
            sb_add(b, "\r\n");
        else
            sb_addn(b, p, 1);
    }
    sb_add(b, last ? "\"\r\n" : "\",");
}

int jy_scorecard_to_csv(char **out, const jy_scorecard *card)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_scorecard_to_csv: out is NULL");
    *out = NULL;
    if (!card)
        return jy__error(JY_EINVAL, "jy_scorecard_to_csv: card is NULL");
    row *rows = NULL;
    size_t n = 0;
    if (build_rows(&rows, &n, card) != JY_OK)
        return jy__error_nomem();
    sbuf b = { NULL, 0, 0, 0 };
    sb_add(&b, "\xEF\xBB\xBF");
    static const char *const head[] = { "序号", "指标项", "考核内容", "评分标准", "考核说明",
                                        "考核得分" };
    for (size_t i = 0; i < 6; i++)
        csv_cell(&b, head[i], i == 5);
    for (size_t i = 0; i < n; i++) {
        csv_cell(&b, rows[i].id, 0);
        csv_cell(&b, rows[i].name, 0);
        csv_cell(&b, rows[i].content, 0);
        csv_cell(&b, rows[i].standard, 0);
        csv_cell(&b, rows[i].note, 0);
        csv_cell(&b, rows[i].score, 1);
    }
    free_rows(rows, n);
    if (b.failed) {
        free(b.s);
        return jy__error_nomem();
    }
    *out = b.s;
    return JY_OK;
}

static void html_text(sbuf *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        switch (*p) {
        case '&': sb_add(b, "&amp;"); break;
        case '<': sb_add(b, "&lt;"); break;
        case '>': sb_add(b, "&gt;"); break;
        case '"': sb_add(b, "&quot;"); break;
        case '\n': sb_add(b, "<br>"); break;
        default: sb_addn(b, p, 1);
        }
    }
}

int jy_scorecard_to_html(char **out, const jy_scorecard *card)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_scorecard_to_html: out is NULL");
    *out = NULL;
    if (!card)
        return jy__error(JY_EINVAL, "jy_scorecard_to_html: card is NULL");
    row *rows = NULL;
    size_t n = 0;
    if (build_rows(&rows, &n, card) != JY_OK)
        return jy__error_nomem();
    sbuf b = { NULL, 0, 0, 0 };
    char f[JY_DATE_TEXT_SIZE], t[JY_DATE_TEXT_SIZE];
    jy_date_format(f, card->period.from);
    jy_date_format(t, card->period.to);
    sb_add(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    html_text(&b, card->rules_name);
    sb_add(&b, "</title>\n<style>\nbody{font-family:sans-serif}table{border-collapse:collapse}"
               "td,th{border:1px solid #444;padding:4px;vertical-align:top}"
               "td.n{white-space:nowrap}.s{text-align:center;font-weight:bold}\n</style>\n"
               "</head>\n<body>\n<h1>");
    html_text(&b, card->rules_name);
    sb_printf(&b, "</h1>\n<p>考核期间：%s 至 %s（%s）</p>\n<table>\n<thead><tr><th>序号</th>"
                  "<th>指标项</th><th>考核内容</th><th>评分标准</th><th>考核说明</th>"
                  "<th>考核得分</th></tr></thead>\n<tbody>\n",
              f, t, card->annual ? "年度考核" : "日常考核");
    for (size_t i = 0; i < n; i++) {
        sb_add(&b, "<tr><td class=\"n\">");
        html_text(&b, rows[i].id);
        sb_add(&b, "</td><td class=\"n\">");
        html_text(&b, rows[i].name);
        sb_add(&b, "</td><td>");
        html_text(&b, rows[i].content);
        sb_add(&b, "</td><td>");
        html_text(&b, rows[i].standard);
        sb_add(&b, "</td><td>");
        html_text(&b, rows[i].note);
        sb_add(&b, "</td><td class=\"s\">");
        html_text(&b, rows[i].score);
        sb_add(&b, "</td></tr>\n");
    }
    sb_add(&b, "</tbody>\n</table>\n</body>\n</html>\n");
    free_rows(rows, n);
    if (b.failed) {
        free(b.s);
        return jy__error_nomem();
    }
    *out = b.s;
    return JY_OK;
}
