/**
 * @file jiuye/dashboard.h
 * @brief The big screen (就业之家大屏): one self-contained HTML page for a
 * 1920×1080 wall screen, computed from the ledgers.
 *
 * The page needs nothing but a browser: no network, no scripts, no web
 * fonts; charts are inline SVG; Chinese text uses the system's CJK fonts
 * ("Noto Sans CJK SC", "WenQuanYi Micro Hei"...). It shows, for a period:
 *  - key figures (labor records, postings, live job shows, hires, key-group
 *    service coverage);
 *  - postings published and live job shows held, per month;
 *  - labor records (residents aged 16-60) by township;
 *  - key-group 1311 service coverage, by group;
 *  - indicator progress against targets with red / amber / green, and
 *    warnings for annual targets at risk — only when indicators are given
 *    with jy_dashboard_add_indicator() (the assessment module computes
 *    them; the page never shows indicators it was not given).
 *
 * Lifecycle: jy_dashboard_new() computes the ledger figures; optionally
 * jy_dashboard_add_indicator() for each indicator; jy_dashboard_render()
 * writes the page (or jy_dashboard_to_html() gives it); jy_dashboard_free().
 *
 * Thread-safety: jy_dashboard_new() uses its ::jy_db, one thread at a
 * time; a dashboard is used by one thread at a time.
 */
#ifndef JIUYE_DASHBOARD_H
#define JIUYE_DASHBOARD_H

#include "jiuye/common.h"
#include "jiuye/date.h"
#include "jiuye/db.h"
#include "jiuye/error.h"
#include "jiuye/report.h"

JY_BEGIN_DECLS

/** @brief The big screen's data (opaque). */
typedef struct jy_dashboard jy_dashboard;

/** @brief Traffic-light status of an indicator. */
typedef enum jy_rag {
    JY_RAG_NONE = 0,   /**< No status (shown grey). */
    JY_RAG_GREEN = 1,  /**< Met, or on pace to be met. */
    JY_RAG_AMBER = 2,  /**< Behind pace, still reachable. */
    JY_RAG_RED = 3     /**< Failed, or out of reach at the current pace. */
} jy_rag;

/**
 * @brief Computes the big screen's figures from the ledgers for a period
 * (a month, a quarter, the contract year).
 *
 * @param[out] out  receives the dashboard; release it with jy_dashboard_free().
 *                  NULL on failure.
 * @param db    the database (read only).
 * @param from  first day of the period.
 * @param to    last day (not before `from`).
 * @return #JY_OK, #JY_EINVAL (NULL argument, bad period), #JY_ENOMEM,
 *         #JY_ESTORAGE.
 */
JY_API int jy_dashboard_new(jy_dashboard **out, jy_db *db, jy_date from, jy_date to);

/**
 * @brief Releases a dashboard.
 * @param dashboard  the dashboard; NULL is allowed and does nothing.
 */
JY_API void jy_dashboard_free(jy_dashboard *dashboard);

/**
 * @brief Adds an indicator to the page's progress panel (in the order added).
 *
 * Meant to be filled from a scorecard: one call per sub-indicator. The
 * panel shows red indicators first, then amber, then the others (each group
 * in the order added), as many as fit (11); the rest are counted by status
 * on one line. Every warning is listed.
 *
 * @param dashboard  the dashboard.
 * @param id       the catalogue's id (`"3.3"`); copied.
 * @param label    Chinese name (`"每月发布岗位"`); copied.
 * @param value    measured value so far.
 * @param target   target value (> 0 to draw progress; 0 for none).
 * @param unit     unit shown after numbers (`"个"`, `"%"`), or NULL; copied.
 * @param status   red / amber / green.
 * @param warning  a Chinese warning (an annual target at risk at the current
 *                 pace), or NULL; copied. Warnings are also listed together.
 * @return #JY_OK, #JY_EINVAL (NULL dashboard, id or label; a value not
 *         finite; an unknown status), #JY_EUTF8, #JY_ENOMEM.
 */
JY_API int jy_dashboard_add_indicator(jy_dashboard *dashboard, const char *id, const char *label,
                                      double value, double target, const char *unit,
                                      jy_rag status, const char *warning);

/**
 * @brief The figures behind the page, as a report (kind `"dashboard"`):
 * sections `kpi`, `postings_by_month`, `live_shows_by_month`,
 * `labor_by_township`, `key_group_coverage`, and `indicators` once
 * indicators were added. Render it like any report (JSON, CSV, xlsx).
 *
 * @param dashboard  the dashboard.
 * @return borrowed from the dashboard until it is freed or an indicator is
 *         added; NULL if `dashboard` is NULL.
 */
JY_API const jy_report *jy_dashboard_data(const jy_dashboard *dashboard);

/**
 * @brief The page as HTML text.
 * @param[out] out  receives NUL-terminated UTF-8 HTML; release it with jy_free().
 * @param[out] out_len  optional; receives its length in bytes.
 * @param dashboard  the dashboard.
 * @return #JY_OK, #JY_EINVAL, #JY_ENOMEM.
 */
JY_API int jy_dashboard_to_html(char **out, size_t *out_len, const jy_dashboard *dashboard);

/**
 * @brief Writes the page to an HTML file (created or replaced).
 * @param dashboard  the dashboard.
 * @param path  the file.
 * @return #JY_OK, #JY_EINVAL, #JY_EIO, #JY_ENOMEM.
 */
JY_API int jy_dashboard_render(const jy_dashboard *dashboard, const char *path);

JY_END_DECLS

#endif /* JIUYE_DASHBOARD_H */
