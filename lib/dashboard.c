/*
 * The big screen: the figures (as a report of kind "dashboard") and the
 * self-contained HTML page that shows them, with inline SVG charts, no
 * scripts and no external resources, laid out for 1920x1080.
 */
#include "report_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "io_internal.h"

typedef struct indicator {
    char *id, *label, *unit, *warning;
    double value, target;
    jy_rag status;
} indicator;

struct jy_dashboard {
    jy_report *data;
    indicator *ind;
    size_t nind;
    size_t ind_section; /* index of the "indicators" section once added */
};

/* ---- Figures ------------------------------------------------------------------ */

static int by_month(jy_report *r, jy_db *db, const char *name, const char *title,
                    const char *const *cols, int nvalues, const char *sql, jy_date from,
                    jy_date to)
{
    size_t si = 0;
    int rc = jy_report_add_section(&si, r, name, title, NULL);
    if (rc == JY_OK)
        rc = jy__report_columns(r, si, cols);
    if (rc != JY_OK)
        return rc;
    sqlite3_stmt *st = NULL;
    int prc = sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL);
    if (prc != SQLITE_OK)
        return jy__db_error(db, prc, "dashboard");
    char a[16], z[16];
    jy_date_format(a, from);
    jy_date_format(z, to);
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, z, -1, SQLITE_STATIC);
    /* Every month of the period gets a row, months without records too.
     * The rows come in date order (from the date's index) and are summed by
     * month here: a GROUP BY on the month would sort them again. */
    int step = sqlite3_step(st);
    double total[4] = { 0, 0, 0, 0 };
    for (int y = from.year, m = from.month; rc == JY_OK && (y < to.year || (y == to.year && m <= to.month));) {
        char month[16];
        snprintf(month, sizeof month, "%04d-%02d", y, m);
        double v[4] = { 0, 0, 0, 0 };
        while (step == SQLITE_ROW) {
            /* the month of the date: its first 7 bytes, as substr(date, 1, 7) */
            const char *date = (const char *)sqlite3_column_blob(st, 0);
            size_t n = date ? (size_t)sqlite3_column_bytes(st, 0) : 0;
            char k[8];
            memcpy(k, date ? date : "", n < 7 ? n : 7);
            k[n < 7 ? n : 7] = '\0';
            int c = date ? strcmp(k, month) : -1;
            if (c > 0)
                break;
            if (c == 0)
                for (int i = 0; i < nvalues; i++)
                    v[i] += (double)sqlite3_column_int64(st, 1 + i);
            step = sqlite3_step(st);
        }
        for (int i = 0; i < nvalues; i++)
            total[i] += v[i];
        rc = jy__report_row(r, si, 0, month, v, (size_t)nvalues, JY_CELL_INTEGER);
        if (++m > 12) {
            m = 1;
            y++;
        }
    }
    if (rc == JY_OK && step != SQLITE_DONE && step != SQLITE_ROW)
        rc = jy__db_error(db, step, "dashboard");
    sqlite3_finalize(st);
    if (rc == JY_OK)
        rc = jy__report_row(r, si, 1, "合计", total, (size_t)nvalues, JY_CELL_INTEGER);
    return rc;
}

/* The number in a cell of a report, 0 when empty or absent. */
static double num(const jy_report *r, size_t s, size_t row, size_t col)
{
    const jy_report_cell *c = jy_report_cell_at(r, s, row, col);
    return c ? c->number : 0;
}

static size_t total_row(const jy_report *r, size_t s)
{
    size_t n = jy_report_row_count(r, s);
    for (size_t i = 0; i < n; i++)
        if (jy_report_row_is_total(r, s, i))
            return i;
    return n;
}

static int copy_columns(jy_report *dst, size_t ds, const jy_report *src, size_t ss,
                        const size_t *cols, size_t ncols, int with_totals)
{
    int rc = JY_OK;
    for (size_t c = 0; c < ncols && rc == JY_OK; c++)
        rc = jy_report_add_column(dst, ds, jy_report_column_name(src, ss, cols[c]),
                                  jy_report_column_label(src, ss, cols[c]));
    for (size_t i = 0; i < jy_report_row_count(src, ss) && rc == JY_OK; i++) {
        int total = jy_report_row_is_total(src, ss, i);
        if (total && !with_totals)
            continue;
        size_t row = 0;
        rc = jy_report_add_row(&row, dst, ds, total);
        for (size_t c = 0; c < ncols && rc == JY_OK; c++) {
            const jy_report_cell *cell = jy_report_cell_at(src, ss, i, cols[c]);
            if (cell->type == JY_CELL_TEXT)
                rc = jy_report_set_text(dst, ds, row, c, cell->text);
            else if (cell->type != JY_CELL_EMPTY)
                rc = jy_report_set_number(dst, ds, row, c, cell->type, cell->number);
        }
    }
    return rc;
}

static int compute(jy_report *r, jy_db *db, jy_date from, jy_date to)
{
    /* The two sections of the labor service report the page shows (labor
     * and key-group persons by township, 1311 coverage by group), from the
     * lighter scan made for the page: the same figures for a third of the
     * cost of the whole report (docs/BENCHMARKS.md). */
    jy_report *svc = NULL;
    int rc = jy_report_new(&svc, "quarterly_labor_service", "重点群体1311服务覆盖", from, to);
    if (rc == JY_OK)
        rc = jy__report_key_coverage(svc, db);
    size_t kg = 0, kt = 0;
    if (rc == JY_OK)
        rc = jy_report_find_section(&kg, svc, "key_groups");
    if (rc == JY_OK)
        rc = jy_report_find_section(&kt, svc, "key_groups_by_township");
    static const char *const pcols[] = { "month", "月份", "postings", "发布岗位", "headcount",
                                         "招聘人数", NULL };
    static const char *const lcols[] = { "month", "月份", "shows", "直播带岗场次", "minutes",
                                         "直播时长(分钟)", "jobs_shown", "带岗数量", NULL };
    char a[16], z[16];
    jy_date_format(a, from);
    jy_date_format(z, to);
    int64_t hires = 0;
    if (rc == JY_OK) {
        sqlite3_stmt *st = NULL;
        int prc = sqlite3_prepare_v2(db->conn,
                                     "SELECT count(*) FROM hire WHERE started_on BETWEEN ?1 AND ?2 "
                                     "AND coalesce(dispatch, 0) = 0",
                                     -1, &st, NULL);
        if (prc == SQLITE_OK) {
            sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, z, -1, SQLITE_STATIC);
            prc = sqlite3_step(st);
            if (prc == SQLITE_ROW)
                hires = sqlite3_column_int64(st, 0);
            prc = prc == SQLITE_ROW ? SQLITE_OK : prc;
        }
        sqlite3_finalize(st);
        if (prc != SQLITE_OK)
            rc = jy__db_error(db, prc, "dashboard");
    }
    size_t kpi = 0;
    if (rc == JY_OK)
        rc = jy_report_add_section(&kpi, r, "kpi", "核心指标", NULL);
    static const char *const kcols[] = { "item", "项目", "value", "数值", NULL };
    if (rc == JY_OK)
        rc = jy__report_columns(r, kpi, kcols);
    size_t ps = 0, ls = 0;
    if (rc == JY_OK) {
        rc = by_month(r, db, "postings_by_month", "每月发布岗位", pcols, 2,
                      "SELECT published_on, 1, coalesce(headcount, 0) FROM posting "
                      "WHERE published_on BETWEEN ?1 AND ?2 ORDER BY published_on",
                      from, to);
        ps = jy_report_section_count(r) - 1;
    }
    if (rc == JY_OK) {
        rc = by_month(r, db, "live_shows_by_month", "每月直播带岗", lcols, 3,
                      "SELECT date, 1, coalesce(minutes, 0), coalesce(jobs_shown, 0) FROM event "
                      "WHERE kind = 'live_show' AND date BETWEEN ?1 AND ?2 ORDER BY date",
                      from, to);
        ls = jy_report_section_count(r) - 1;
    }
    size_t si = 0;
    if (rc == JY_OK)
        rc = jy_report_add_section(&si, r, "labor_by_township", "劳动力资源信息(按乡镇)",
                                   "期末年满16至60周岁的劳动力资源信息。");
    static const size_t tcols[] = { 0, 1, 2 };
    if (rc == JY_OK)
        rc = copy_columns(r, si, svc, kt, tcols, 3, 1);
    if (rc == JY_OK)
        rc = jy_report_add_section(&si, r, "key_group_coverage", "重点群体1311服务覆盖",
                                   "已服务: 截至期末至少接受一次1311就业跟踪服务。");
    static const size_t gcols[] = { 0, 1, 2, 3 };
    if (rc == JY_OK)
        rc = copy_columns(r, si, svc, kg, gcols, 4, 1);
    if (rc == JY_OK) {
        size_t tt = total_row(svc, kt), gt = total_row(svc, kg);
        double persons = num(svc, kg, gt, 1), served = num(svc, kg, gt, 2);
        struct {
            const char *label;
            jy_cell_type type;
            double v;
        } items[] = {
            { "劳动力资源信息(条)", JY_CELL_INTEGER, num(svc, kt, tt, 1) },
            { "发布岗位(个)", JY_CELL_INTEGER, num(r, ps, total_row(r, ps), 1) },
            { "招聘人数(人)", JY_CELL_INTEGER, num(r, ps, total_row(r, ps), 2) },
            { "直播带岗(场)", JY_CELL_INTEGER, num(r, ls, total_row(r, ls), 1) },
            { "推荐入职(人,不含派遣)", JY_CELL_INTEGER, (double)hires },
            { "重点群体服务覆盖率", JY_CELL_PERCENT, persons > 0 ? served / persons : 0 },
        };
        for (size_t i = 0; i < sizeof items / sizeof items[0] && rc == JY_OK; i++)
            rc = jy__report_row(r, kpi, 0, items[i].label, &items[i].v, 1, items[i].type);
    }
    jy_report_free(svc);
    return rc;
}

int jy_dashboard_new(jy_dashboard **out, jy_db *db, jy_date from, jy_date to)
{
    if (out)
        *out = NULL;
    if (!out || !db)
        return jy__error(JY_EINVAL, "jy_dashboard_new: NULL argument");
    jy_dashboard *d = jy__calloc(1, sizeof *d);
    if (!d)
        return JY_ENOMEM;
    int rc = jy_report_new(&d->data, "dashboard", "新干县就业之家数据大屏", from, to);
    if (rc == JY_OK) {
        const char *name = jy_county_name(jy_db_county(db));
        if (name) {
            char title[160];
            snprintf(title, sizeof title, "%s就业之家数据大屏", name);
            jy_report *titled = NULL;
            rc = jy_report_new(&titled, "dashboard", title, from, to);
            if (rc == JY_OK) {
                jy_report_free(d->data);
                d->data = titled;
            }
        }
    }
    if (rc == JY_OK)
        rc = jy__db_atomic_begin(db);
    if (rc == JY_OK) {
        rc = compute(d->data, db, from, to);
        int end = jy__db_atomic_end(db, rc == JY_OK);
        if (rc == JY_OK)
            rc = end;
    }
    if (rc != JY_OK) {
        jy_dashboard_free(d);
        return rc;
    }
    *out = d;
    return JY_OK;
}

void jy_dashboard_free(jy_dashboard *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nind; i++) {
        free(d->ind[i].id);
        free(d->ind[i].label);
        free(d->ind[i].unit);
        free(d->ind[i].warning);
    }
    free(d->ind);
    jy_report_free(d->data);
    free(d);
}

const jy_report *jy_dashboard_data(const jy_dashboard *d)
{
    return d ? d->data : NULL;
}

static const char *rag_label(jy_rag s)
{
    switch (s) {
    case JY_RAG_GREEN: return "达标";
    case JY_RAG_AMBER: return "滞后";
    case JY_RAG_RED: return "未达标";
    case JY_RAG_NONE: break;
    }
    return "—";
}

static char *dup_opt(const char *text, int *rc)
{
    if (!text || *rc != JY_OK)
        return NULL;
    if (jy_utf8_check(NULL, text, strlen(text)) != JY_OK) {
        *rc = jy__error(JY_EUTF8, "dashboard: an indicator's text is not valid UTF-8");
        return NULL;
    }
    char *s = jy__strdup(text);
    if (!s)
        *rc = JY_ENOMEM;
    return s;
}

int jy_dashboard_add_indicator(jy_dashboard *d, const char *id, const char *label, double value,
                               double target, const char *unit, jy_rag status,
                               const char *warning)
{
    if (!d || !id || !label)
        return jy__error(JY_EINVAL, "jy_dashboard_add_indicator: NULL argument");
    if (!isfinite(value) || !isfinite(target))
        return jy__error(JY_EINVAL, "dashboard: indicator %.16s: value and target must be finite",
                         id);
    if (status < JY_RAG_NONE || status > JY_RAG_RED)
        return jy__error(JY_EINVAL, "dashboard: indicator %.16s: unknown status %d", id,
                         (int)status);
    int rc = JY_OK;
    indicator in;
    memset(&in, 0, sizeof in);
    in.id = dup_opt(id, &rc);
    in.label = dup_opt(label, &rc);
    in.unit = dup_opt(unit, &rc);
    in.warning = dup_opt(warning, &rc);
    in.value = value;
    in.target = target;
    in.status = status;
    indicator *all = rc == JY_OK ? jy__realloc(d->ind, (d->nind + 1) * sizeof *all) : NULL;
    if (rc == JY_OK && !all)
        rc = JY_ENOMEM;
    if (rc == JY_OK && !d->nind) {
        rc = jy_report_add_section(&d->ind_section, d->data, "indicators", "考核指标进度", NULL);
        static const char *const cols[] = { "id", "序号", "label", "指标", "value", "完成值",
                                            "target", "目标值", "unit", "单位", "progress",
                                            "完成进度", "status", "状态", "warning", "预警", NULL };
        if (rc == JY_OK)
            rc = jy__report_columns(d->data, d->ind_section, cols);
    }
    size_t row = 0;
    if (rc == JY_OK)
        rc = jy_report_add_row(&row, d->data, d->ind_section, 0);
    size_t s = d->ind_section;
    if (rc == JY_OK)
        rc = jy_report_set_text(d->data, s, row, 0, id);
    if (rc == JY_OK)
        rc = jy_report_set_text(d->data, s, row, 1, label);
    if (rc == JY_OK)
        rc = jy_report_set_number(d->data, s, row, 2, JY_CELL_NUMBER, value);
    if (rc == JY_OK && target > 0)
        rc = jy_report_set_number(d->data, s, row, 3, JY_CELL_NUMBER, target);
    if (rc == JY_OK)
        rc = jy_report_set_text(d->data, s, row, 4, unit);
    if (rc == JY_OK && target > 0)
        rc = jy_report_set_number(d->data, s, row, 5, JY_CELL_PERCENT, value / target);
    if (rc == JY_OK)
        rc = jy_report_set_text(d->data, s, row, 6, rag_label(status));
    if (rc == JY_OK)
        rc = jy_report_set_text(d->data, s, row, 7, warning);
    if (rc != JY_OK) {
        free(in.id);
        free(in.label);
        free(in.unit);
        free(in.warning);
        if (all)
            d->ind = all;
        return rc;
    }
    d->ind = all;
    d->ind[d->nind++] = in;
    return JY_OK;
}

/* ---- HTML ----------------------------------------------------------------------- */

static void put(jy__outbuf *b, const char *s)
{
    jy__outbuf_add(b, s, strlen(s));
}

static void putf(jy__outbuf *b, const char *fmt, ...) JY__PRINTF(2, 3);

static void putf(jy__outbuf *b, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0)
        jy__outbuf_add(b, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* Text escaped for HTML content and attributes. */
static void esc(jy__outbuf *b, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        switch (*p) {
        case '&': put(b, "&amp;"); break;
        case '<': put(b, "&lt;"); break;
        case '>': put(b, "&gt;"); break;
        case '"': put(b, "&quot;"); break;
        case '\'': put(b, "&#39;"); break;
        default: jy__outbuf_add(b, p, 1);
        }
    }
}

static const char *const css =
    "*{box-sizing:border-box}"
    "html,body{margin:0;width:1920px;height:1080px;overflow:hidden;background:#04122e;"
    "color:#e6f0ff;font-family:\"Noto Sans CJK SC\",\"Noto Sans SC\",\"Source Han Sans SC\","
    "\"WenQuanYi Micro Hei\",\"WenQuanYi Zen Hei\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif}"
    "header{height:96px;display:flex;align-items:center;justify-content:space-between;"
    "padding:0 40px;background:linear-gradient(90deg,#0a2a66,#0d3b8c 50%,#0a2a66);"
    "border-bottom:2px solid #2f7bff}"
    "h1{margin:0;font-size:42px;letter-spacing:6px;color:#fff}"
    ".period{font-size:24px;color:#9cc3ff}"
    ".kpis{display:flex;gap:20px;padding:18px 30px 0;height:150px}"
    ".kpi{flex:1;background:#0b2657;border:1px solid #1f4f9a;border-radius:10px;padding:14px 20px}"
    ".kpi .l{font-size:22px;color:#9cc3ff}.kpi .v{font-size:46px;font-weight:bold;color:#4fe3ff;"
    "margin-top:8px}"
    "main{display:grid;grid-template-columns:1fr 1fr 1fr;grid-template-rows:1fr 1fr;gap:18px;"
    "padding:18px 30px 24px;height:834px}"
    ".panel{background:#0b2657;border:1px solid #1f4f9a;border-radius:10px;padding:12px 18px;"
    "overflow:hidden;display:flex;flex-direction:column}"
    ".panel h2{margin:0 0 8px;font-size:26px;color:#fff;border-left:6px solid #2f7bff;"
    "padding-left:10px}"
    ".tall{grid-row:span 2}"
    ".panel svg{flex:1}"
    "svg text{fill:#cfe2ff;font-size:16px}"
    ".ind{display:flex;align-items:center;gap:10px;font-size:18px;margin:4px 0}"
    ".dot{width:16px;height:16px;border-radius:50%;flex:none}"
    ".g{background:#2ecc71}.a{background:#f5b041}.r{background:#e74c3c}.n{background:#7f8c8d}"
    ".bar{flex:1;height:14px;background:#163a75;border-radius:7px;overflow:hidden}"
    ".bar i{display:block;height:100%}"
    ".iv{width:170px;text-align:right;color:#9cc3ff}"
    ".il{width:250px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
    ".more{font-size:16px;color:#9cc3ff;margin-top:4px}"
    ".warn{margin-top:8px;font-size:18px;color:#ffb3a7;overflow:hidden}"
    ".warn b{color:#ff6b5b}";

/* A vertical bar chart of a section's column `col` by row label (months). */
static void bar_chart(jy__outbuf *b, const jy_report *r, size_t s, size_t col, const char *color)
{
    size_t n = 0, rows = jy_report_row_count(r, s);
    double max = 0;
    for (size_t i = 0; i < rows; i++)
        if (!jy_report_row_is_total(r, s, i)) {
            n++;
            if (num(r, s, i, col) > max)
                max = num(r, s, i, col);
        }
    const double W = 560, H = 300, left = 10, top = 24, bottom = 30;
    putf(b, "<svg viewBox=\"0 0 %.0f %.0f\" preserveAspectRatio=\"none\" role=\"img\">", W, H);
    if (!n) {
        put(b, "</svg>");
        return;
    }
    double slot = (W - left * 2) / (double)n, bw = slot * 0.62, plot = H - top - bottom;
    size_t k = 0;
    for (size_t i = 0; i < rows; i++) {
        if (jy_report_row_is_total(r, s, i))
            continue;
        double v = num(r, s, i, col);
        double h = max > 0 ? plot * v / max : 0;
        double x = left + slot * (double)k + (slot - bw) / 2, y = top + plot - h;
        putf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\" fill=\"%s\"/>",
             x, y, bw, h, color);
        putf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>", x + bw / 2,
             y - 6, v);
        const char *month = jy_report_cell_at(r, s, i, 0)->text;
        int m = strlen(month) >= 7 ? atoi(month + 5) : 0;
        putf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d月</text>", x + bw / 2,
             H - 8, m);
        k++;
    }
    put(b, "</svg>");
}

/* Horizontal bars: label in column 0, value in `col`, optional ratio column. */
static void hbar_chart(jy__outbuf *b, const jy_report *r, size_t s, size_t col, size_t ratio_col,
                       const char *color, double W, double H)
{
    size_t n = 0, rows = jy_report_row_count(r, s);
    double max = 0;
    for (size_t i = 0; i < rows; i++)
        if (!jy_report_row_is_total(r, s, i)) {
            n++;
            double v = ratio_col ? num(r, s, i, ratio_col) : num(r, s, i, col);
            if (v > max)
                max = v;
        }
    if (ratio_col)
        max = 1;
    putf(b, "<svg viewBox=\"0 0 %.0f %.0f\" preserveAspectRatio=\"xMidYMin meet\" role=\"img\">",
         W, H);
    if (!n) {
        put(b, "</svg>");
        return;
    }
    double lw = 130, vw = ratio_col ? 170 : 90, row_h = H / (double)n, bh = row_h * 0.6;
    double plot = W - lw - vw;
    size_t k = 0;
    for (size_t i = 0; i < rows; i++) {
        if (jy_report_row_is_total(r, s, i))
            continue;
        double y = row_h * (double)k + (row_h - bh) / 2;
        double v = ratio_col ? num(r, s, i, ratio_col) : num(r, s, i, col);
        double w = max > 0 ? plot * (v > max ? max : v) / max : 0;
        put(b, "<text x=\"0\" y=\"");
        putf(b, "%.1f\" dominant-baseline=\"middle\">", y + bh / 2);
        esc(b, jy_report_cell_at(r, s, i, 0)->text);
        put(b, "</text>");
        putf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#163a75\" rx=\"3\"/>",
             lw, y, plot, bh);
        putf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" rx=\"3\"/>",
             lw, y, w, bh, color);
        putf(b, "<text x=\"%.1f\" y=\"%.1f\" dominant-baseline=\"middle\">", lw + plot + 8,
             y + bh / 2);
        if (ratio_col)
            putf(b, "%.0f/%.0f ", num(r, s, i, col + 1), num(r, s, i, col));
        esc(b, jy_report_cell_at(r, s, i, ratio_col ? ratio_col : col)->text);
        put(b, "</text>");
        k++;
    }
    put(b, "</svg>");
}

static void panel_start(jy__outbuf *b, const char *cls, const char *title)
{
    putf(b, "<section class=\"panel%s%s\"><h2>", cls ? " " : "", cls ? cls : "");
    esc(b, title);
    put(b, "</h2>");
}

/* Rows the indicator panel has room for; the rest are summed up by status. */
#define JY__PANEL_INDICATORS 11

static int severity(jy_rag s)
{
    return s == JY_RAG_RED ? 0 : s == JY_RAG_AMBER ? 1 : s == JY_RAG_NONE ? 2 : 3;
}

static void indicators_panel(jy__outbuf *b, const jy_dashboard *d)
{
    panel_start(b, NULL, "考核指标进度");
    /* Red first, then amber, then the others, each in the order given: a
     * wall screen shows what needs attention. */
    size_t order[JY__PANEL_INDICATORS], shown = 0;
    for (int level = 0; level <= 3; level++)
        for (size_t i = 0; i < d->nind && shown < JY__PANEL_INDICATORS; i++)
            if (severity(d->ind[i].status) == level)
                order[shown++] = i;
    size_t warnings = 0;
    for (size_t i = 0; i < d->nind; i++)
        warnings += d->ind[i].warning != NULL;
    for (size_t k = 0; k < shown; k++) {
        const indicator *in = &d->ind[order[k]];
        const char *cls = in->status == JY_RAG_GREEN ? "g"
                          : in->status == JY_RAG_AMBER ? "a"
                          : in->status == JY_RAG_RED   ? "r"
                                                       : "n";
        double p = in->target > 0 ? in->value / in->target : 0;
        if (p > 1)
            p = 1;
        if (p < 0)
            p = 0;
        putf(b, "<div class=\"ind\"><span class=\"dot %s\" title=\"%s\"></span><span class=\"il\">",
             cls, rag_label(in->status));
        esc(b, in->id);
        put(b, " ");
        esc(b, in->label);
        putf(b, "</span><span class=\"bar\"><i class=\"%s\" style=\"width:%.1f%%\"></i></span>"
                "<span class=\"iv\">%g",
             cls, p * 100, in->value);
        if (in->target > 0)
            putf(b, " / %g", in->target);
        if (in->unit) {
            put(b, " ");
            esc(b, in->unit);
        }
        put(b, "</span></div>");
    }
    if (shown < d->nind) {
        size_t by[4] = { 0, 0, 0, 0 };
        for (size_t i = 0; i < d->nind; i++)
            by[severity(d->ind[i].status)]++;
        for (size_t k = 0; k < shown; k++)
            by[severity(d->ind[order[k]].status)]--;
        putf(b, "<div class=\"more\">另有 %zu 项: 达标 %zu, 滞后 %zu, 未达标 %zu, 其他 %zu</div>",
             d->nind - shown, by[3], by[1], by[0], by[2]);
    }
    if (warnings) {
        put(b, "<div class=\"warn\"><b>预警:</b> ");
        size_t k = 0;
        for (size_t i = 0; i < d->nind; i++)
            if (d->ind[i].warning) {
                if (k++)
                    put(b, "; ");
                esc(b, d->ind[i].id);
                put(b, " ");
                esc(b, d->ind[i].warning);
            }
        put(b, "</div>");
    }
    put(b, "</section>");
}

int jy_dashboard_to_html(char **out, size_t *out_len, const jy_dashboard *d)
{
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (!out || !d)
        return jy__error(JY_EINVAL, "jy_dashboard_to_html: NULL argument");
    const jy_report *r = d->data;
    size_t kpi = 0, ps = 0, ls = 0, lt = 0, kg = 0;
    if (jy_report_find_section(&kpi, r, "kpi") != JY_OK ||
        jy_report_find_section(&ps, r, "postings_by_month") != JY_OK ||
        jy_report_find_section(&ls, r, "live_shows_by_month") != JY_OK ||
        jy_report_find_section(&lt, r, "labor_by_township") != JY_OK ||
        jy_report_find_section(&kg, r, "key_group_coverage") != JY_OK)
        return jy__error(JY_EINVAL, "dashboard: its data is incomplete");
    jy__outbuf b = { NULL, 0, 0, 0 };
    put(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=1920,height=1080\"><title>");
    esc(&b, jy_report_title(r));
    put(&b, "</title><style>");
    put(&b, css);
    put(&b, "</style></head><body><header><h1>");
    esc(&b, jy_report_title(r));
    char period[96];
    jy__report_period_text(period, sizeof period, r);
    put(&b, "</h1><div class=\"period\">");
    esc(&b, period);
    put(&b, "</div></header><div class=\"kpis\">");
    for (size_t i = 0; i < jy_report_row_count(r, kpi); i++) {
        put(&b, "<div class=\"kpi\"><div class=\"l\">");
        esc(&b, jy_report_cell_at(r, kpi, i, 0)->text);
        put(&b, "</div><div class=\"v\">");
        esc(&b, jy_report_cell_at(r, kpi, i, 1)->text);
        put(&b, "</div></div>");
    }
    put(&b, "</div><main>");
    panel_start(&b, NULL, "每月发布岗位");
    bar_chart(&b, r, ps, 1, "#2f9bff");
    put(&b, "</section>");
    size_t townships = jy_report_row_count(r, lt);
    panel_start(&b, "tall", "劳动力资源信息(按乡镇)");
    hbar_chart(&b, r, lt, 1, 0, "#4fe3ff", 560,
               (double)(townships > 1 ? townships - 1 : 1) * 40);
    put(&b, "</section>");
    panel_start(&b, d->nind ? NULL : "tall", "重点群体1311服务覆盖率");
    hbar_chart(&b, r, kg, 1, 3, "#2ecc71", 560,
               (double)(jy_report_row_count(r, kg) > 1 ? jy_report_row_count(r, kg) - 1 : 1) * 40);
    put(&b, "</section>");
    panel_start(&b, NULL, "每月直播带岗");
    bar_chart(&b, r, ls, 1, "#f5b041");
    put(&b, "</section>");
    if (d->nind)
        indicators_panel(&b, d);
    put(&b, "</main></body></html>\n");
    if (b.failed) {
        free(b.s);
        return jy__error_nomem();
    }
    *out = b.s;
    if (out_len)
        *out_len = b.len;
    return JY_OK;
}

int jy_dashboard_render(const jy_dashboard *d, const char *path)
{
    if (!d || !path)
        return jy__error(JY_EINVAL, "jy_dashboard_render: NULL argument");
    char *html = NULL;
    size_t len = 0;
    int rc = jy_dashboard_to_html(&html, &len, d);
    if (rc == JY_OK)
        rc = jy__write_whole_file(path, html, len, "dashboard");
    free(html);
    return rc;
}
