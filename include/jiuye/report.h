/**
 * @file jiuye/report.h
 * @brief Reports (报表 / 专报) computed from the ledgers, as data, JSON, CSV
 * and Excel workbooks.
 *
 * A ::jy_report is one generic shape that every report of the seed takes: a
 * Chinese title, a period, notes, and sections; each section is a table with
 * named columns (an English `name` for programs, a Chinese `label` for
 * people), rows of cells (text or numbers) and, where it makes sense, a
 * totals row. Every output (JSON, CSV, `.xlsx`, the big screen) renders this
 * one shape, so a report made elsewhere (the scorecard of the assessment
 * module, a county's own table built with jy_report_new()) is rendered by
 * the same code.
 *
 * The built-in kinds, computed from the ledgers by jy_report_build() (their
 * names are those of the `report_kind` values of the event ledger):
 *
 * | name | title | content |
 * | --- | --- | --- |
 * | `quarterly_labor` | 全县劳动力资源信息季度专报表 | residents aged 16-60 by township: employment status, education, skills, needs, key groups, records added and updated, accuracy of spot checks |
 * | `returnee_monthly` | 返乡务工人员信息月报 | returnees by township: employment status, skills, wish to work locally; their jobs and skills |
 * | `staff_survey` | 工业企业在岗员工信息摸排专报 | industrial enterprises and their staff by industry and township; survey coverage against the target of 600 by 31 August |
 * | `quarterly_enterprise_service` | 企业用工服务季度报告 | demand ledger and postings, shortage complaints and how they were solved, hires and three-month retention (labor dispatch excluded) |
 * | `quarterly_labor_service` | 劳动力资源服务季度报告 | key groups and their 1311 service coverage, return-home employment assistance |
 *
 * The monthly and annual work reports (月度 / 年度数据分析报告: every indicator
 * against its target) need the assessment module and are not built here.
 *
 * Definitions shared by the labor reports (documented again in each
 * report's notes, which county staff read):
 *  - the figures are the labor records' **current** values, for the records
 *    on the ledger at the end of the period: entered on or before it (the
 *    read-only labor field `entered_on`, 录入日期, set when the record is
 *    first entered and kept through updates);
 *  - a resident counts as aged 16-60 on the last day of the period (from
 *    the birth date derived from the ID number);
 *  - **added** in the period: a record whose entry date (`entered_on`)
 *    lies in the period; **updated**:
 *    a record with a change recorded in the period (jy_ledger_save() keeps
 *    the dated history);
 *  - **accuracy**: the spot checks (`verification`) dated in the period,
 *    accurate ones over all.
 *
 * Reports hold counts, not personal data; the details of the enterprise
 * service report name enterprises, never persons.
 *
 * Thread-safety: building a report uses its ::jy_db, one thread at a time.
 * A built report is not changed by the library afterwards: reading it from
 * several threads at once is safe; changing it (jy_report_add_row()...)
 * needs the caller to serialize.
 */
#ifndef JIUYE_REPORT_H
#define JIUYE_REPORT_H

#include "jiuye/common.h"
#include "jiuye/date.h"
#include "jiuye/db.h"
#include "jiuye/error.h"

JY_BEGIN_DECLS

/** @brief A report: title, period, notes and sections of tables (opaque). */
typedef struct jy_report jy_report;

/** @brief The type of a report cell. */
typedef enum jy_cell_type {
    JY_CELL_EMPTY = 0,    /**< No value (an empty cell). */
    JY_CELL_TEXT = 1,     /**< Text (jy_report_cell::text). */
    JY_CELL_INTEGER = 2,  /**< A whole number (jy_report_cell::number, integral). */
    JY_CELL_NUMBER = 3,   /**< A decimal number (jy_report_cell::number). */
    JY_CELL_PERCENT = 4   /**< A ratio shown as a percentage: jy_report_cell::number
                               is the ratio (0.934 for 93.4 %). */
} jy_cell_type;

/** @brief One cell of a report table. Owned by the report. */
typedef struct jy_report_cell {
    jy_cell_type type;  /**< What the cell holds. */
    const char *text;   /**< The cell as people read it, never NULL: the text, or the
                             number formatted (`1234`, `12.5`, `93.4%`); empty for
                             #JY_CELL_EMPTY. */
    double number;      /**< The number of numeric cells; 0 otherwise. */
} jy_report_cell;

/** @brief The staff survey target of the seed (7.1): 600 industrial
 *  enterprises surveyed by 31 August. */
#define JY_REPORT_STAFF_SURVEY_TARGET 600

/** @brief Version of ::jy_report_options this header describes. */
#define JY_REPORT_OPTIONS_VERSION 1

/** @brief How to build a report. Initialize with #JY_REPORT_OPTIONS_INIT. */
typedef struct jy_report_options {
    unsigned int version;       /**< #JY_REPORT_OPTIONS_VERSION. */
    int staff_survey_target;    /**< `staff_survey`: enterprises to survey by 31 August;
                                     default #JY_REPORT_STAFF_SURVEY_TARGET. */
    int top;                    /**< Rows of the "most frequent" tables (skills, jobs);
                                     default 10. */
} jy_report_options;

/** @brief Default report options. */
#define JY_REPORT_OPTIONS_INIT { JY_REPORT_OPTIONS_VERSION, JY_REPORT_STAFF_SURVEY_TARGET, 10 }

/**
 * @brief Fills report options with the defaults (for bindings; C can use
 * #JY_REPORT_OPTIONS_INIT).
 * @param opts  the options to fill.
 * @return #JY_OK, or #JY_EINVAL if `opts` is NULL.
 *
 * Thread-safety: safe from any thread.
 */
JY_API int jy_report_options_init(jy_report_options *opts);

/**
 * @brief Number of report kinds jy_report_build() knows.
 * @return the count.
 *
 * Thread-safety: safe from any thread.
 */
JY_API size_t jy_report_kind_count(void);

/**
 * @brief The name of a built-in report kind (`"quarterly_labor"`...).
 * @param index  0 to jy_report_kind_count() - 1.
 * @return a static string, or NULL when `index` is out of range.
 *
 * Thread-safety: safe from any thread.
 */
JY_API const char *jy_report_kind_at(size_t index);

/**
 * @brief The Chinese title of a built-in report kind.
 * @param kind  a kind name.
 * @return a static string, or NULL for an unknown kind.
 *
 * Thread-safety: safe from any thread.
 */
JY_API const char *jy_report_kind_title(const char *kind);

/**
 * @brief Computes a built-in report from the ledgers for a period.
 *
 * Reads only; the ledgers are not changed. The period is any range of days
 * (a quarter for the quarterly reports, a month for the monthly one, is what
 * the seed asks for, but any range is accepted).
 *
 * @param[out] out  receives the report; release it with jy_report_free().
 *                  NULL on failure.
 * @param db    the database.
 * @param kind  a kind name (jy_report_kind_at()).
 * @param from  first day of the period.
 * @param to    last day of the period (not before `from`).
 * @param opts  options, or NULL for the defaults.
 * @return #JY_OK; #JY_ENOTFOUND for an unknown kind; #JY_EINVAL for NULL
 *         arguments, an invalid date or period, or bad options;
 *         #JY_ENOMEM; #JY_ESTORAGE.
 *
 * Thread-safety: as `db`, one thread at a time.
 */
JY_API int jy_report_build(jy_report **out, jy_db *db, const char *kind, jy_date from,
                           jy_date to, const jy_report_options *opts);

/**
 * @brief Creates an empty report, to fill with jy_report_add_section() and
 * friends (a scorecard, a county's own table) and render like any other.
 *
 * @param[out] out  receives the report; release it with jy_report_free().
 * @param kind   a short English name of what it is (`"scorecard"`); copied.
 * @param title  the Chinese title; copied.
 * @param from   first day of the period it covers.
 * @param to     last day.
 * @return #JY_OK, #JY_EINVAL (NULL argument, invalid dates, `to` before
 *         `from`), #JY_EUTF8, #JY_ENOMEM.
 *
 * Thread-safety: safe from any thread.
 */
JY_API int jy_report_new(jy_report **out, const char *kind, const char *title, jy_date from,
                         jy_date to);

/**
 * @brief Releases a report.
 * @param report  the report; NULL is allowed and does nothing.
 */
JY_API void jy_report_free(jy_report *report);

/**
 * @brief Adds a note (a definition, a remark) to a report.
 * @param report  the report.
 * @param text    UTF-8 text; copied.
 * @return #JY_OK, #JY_EINVAL, #JY_EUTF8, #JY_ENOMEM.
 */
JY_API int jy_report_add_note(jy_report *report, const char *text);

/**
 * @brief Adds a section (one table) at the end of a report.
 * @param[out] out_index  optional; receives the section's index.
 * @param report  the report.
 * @param name    short English name (`"by_township"`); copied.
 * @param title   Chinese title; copied.
 * @param note    optional Chinese note shown under the table, or NULL; copied.
 * @return #JY_OK, #JY_EINVAL, #JY_EUTF8, #JY_ENOMEM.
 */
JY_API int jy_report_add_section(size_t *out_index, jy_report *report, const char *name,
                                 const char *title, const char *note);

/**
 * @brief Adds a column to a section (before its first row).
 * @param report   the report.
 * @param section  the section's index.
 * @param name     English name, used as JSON key (`"employed_county"`); copied.
 * @param label    Chinese header (`"县内就业"`); copied.
 * @return #JY_OK; #JY_EINVAL for a bad index, NULL text or a section that
 *         already has rows; #JY_EUTF8; #JY_ENOMEM.
 */
JY_API int jy_report_add_column(jy_report *report, size_t section, const char *name,
                                const char *label);

/**
 * @brief Adds a row of empty cells to a section.
 * @param[out] out_row  optional; receives the row's index.
 * @param report   the report.
 * @param section  the section's index.
 * @param total    non-zero for a totals row (合计), rendered as such and kept
 *                 out of the data rows by the Python layer.
 * @return #JY_OK, #JY_EINVAL (bad index, a section without columns),
 *         #JY_ENOMEM.
 */
JY_API int jy_report_add_row(size_t *out_row, jy_report *report, size_t section, int total);

/**
 * @brief Sets a cell to text.
 * @param report   the report.
 * @param section  the section's index.
 * @param row      the row's index.
 * @param column   the column's index.
 * @param text     UTF-8 text, copied; NULL empties the cell.
 * @return #JY_OK, #JY_EINVAL (bad index), #JY_EUTF8, #JY_ENOMEM.
 */
JY_API int jy_report_set_text(jy_report *report, size_t section, size_t row, size_t column,
                              const char *text);

/**
 * @brief Sets a cell to a number.
 * @param report   the report.
 * @param section  the section's index.
 * @param row      the row's index.
 * @param column   the column's index.
 * @param type     #JY_CELL_INTEGER, #JY_CELL_NUMBER or #JY_CELL_PERCENT (a ratio).
 * @param value    the value (finite).
 * @return #JY_OK, #JY_EINVAL (bad index or type, a value not finite),
 *         #JY_ENOMEM.
 */
JY_API int jy_report_set_number(jy_report *report, size_t section, size_t row, size_t column,
                                jy_cell_type type, double value);

/**
 * @brief The kind of a report (`"quarterly_labor"`, or the one given to
 * jy_report_new()).
 * @param report  the report.
 * @return borrowed from the report until it is freed; NULL if `report` is NULL.
 */
JY_API const char *jy_report_kind(const jy_report *report);

/**
 * @brief The Chinese title of a report.
 * @param report  the report.
 * @return borrowed from the report until it is freed; NULL if `report` is NULL.
 */
JY_API const char *jy_report_title(const jy_report *report);

/**
 * @brief The first day of the period a report covers.
 * @param report  the report.
 * @return the date; all zero if `report` is NULL.
 */
JY_API jy_date jy_report_from(const jy_report *report);

/**
 * @brief The last day of the period a report covers.
 * @param report  the report.
 * @return the date; all zero if `report` is NULL.
 */
JY_API jy_date jy_report_to(const jy_report *report);

/**
 * @brief Number of notes of a report.
 * @param report  the report.
 * @return the count; 0 if `report` is NULL.
 */
JY_API size_t jy_report_note_count(const jy_report *report);

/**
 * @brief A note of a report.
 * @param report  the report.
 * @param index   0 to jy_report_note_count() - 1.
 * @return borrowed from the report until it is freed or changed; NULL when
 *         out of range.
 */
JY_API const char *jy_report_note_at(const jy_report *report, size_t index);

/**
 * @brief Number of sections of a report.
 * @param report  the report.
 * @return the count; 0 if `report` is NULL.
 */
JY_API size_t jy_report_section_count(const jy_report *report);

/**
 * @brief Finds a section by name.
 * @param[out] out  receives its index.
 * @param report  the report.
 * @param name    the section's English name.
 * @return #JY_OK, #JY_ENOTFOUND, #JY_EINVAL on NULL arguments.
 */
JY_API int jy_report_find_section(size_t *out, const jy_report *report, const char *name);

/**
 * @brief The English name of a section.
 * @param report   the report.
 * @param section  the section's index.
 * @return borrowed from the report until it is freed; NULL when out of range.
 */
JY_API const char *jy_report_section_name(const jy_report *report, size_t section);

/**
 * @brief The Chinese title of a section.
 * @param report   the report.
 * @param section  the section's index.
 * @return borrowed from the report until it is freed; NULL when out of range.
 */
JY_API const char *jy_report_section_title(const jy_report *report, size_t section);

/**
 * @brief The note of a section (definitions, remarks), if any.
 * @param report   the report.
 * @param section  the section's index.
 * @return borrowed from the report until it is freed; NULL when the section
 *         has none or is out of range.
 */
JY_API const char *jy_report_section_note(const jy_report *report, size_t section);

/**
 * @brief Number of columns of a section.
 * @param report   the report.
 * @param section  the section's index.
 * @return the count; 0 when out of range.
 */
JY_API size_t jy_report_column_count(const jy_report *report, size_t section);

/**
 * @brief The English name of a column (its JSON key).
 * @param report   the report.
 * @param section  the section's index.
 * @param column   the column's index.
 * @return borrowed from the report until it is freed; NULL when out of range.
 */
JY_API const char *jy_report_column_name(const jy_report *report, size_t section,
                                         size_t column);

/**
 * @brief The Chinese header of a column.
 * @param report   the report.
 * @param section  the section's index.
 * @param column   the column's index.
 * @return borrowed from the report until it is freed; NULL when out of range.
 */
JY_API const char *jy_report_column_label(const jy_report *report, size_t section,
                                          size_t column);

/**
 * @brief Number of rows of a section (data rows and totals rows).
 * @param report   the report.
 * @param section  the section's index.
 * @return the count; 0 when out of range.
 */
JY_API size_t jy_report_row_count(const jy_report *report, size_t section);

/**
 * @brief Tells whether a row is a totals row (合计).
 * @param report   the report.
 * @param section  the section's index.
 * @param row      the row's index.
 * @return 1 for a totals row, 0 otherwise or when out of range.
 */
JY_API int jy_report_row_is_total(const jy_report *report, size_t section, size_t row);

/**
 * @brief A cell of a section.
 * @param report   the report.
 * @param section  the section's index.
 * @param row      the row's index.
 * @param column   the column's index.
 * @return borrowed from the report until it is freed or the cell changed;
 *         NULL when out of range.
 */
JY_API const jy_report_cell *jy_report_cell_at(const jy_report *report, size_t section,
                                               size_t row, size_t column);

/**
 * @brief The report as a JSON document.
 *
 * The document (documented in docs/formats.md):
 * `{"kind", "title", "from", "to", "notes": [...], "sections": [{"name",
 * "title", "note", "columns": [{"name", "label"}], "rows": [{column name:
 * value}], "totals": {column name: value} or null}]}`; numbers as JSON
 * numbers (percentages as ratios), text as strings, empty cells as null.
 * When a section has several totals rows, `totals` is the last one.
 *
 * @param[out] out  receives NUL-terminated UTF-8 text; release it with jy_free().
 * @param report  the report.
 * @return #JY_OK, #JY_EINVAL, #JY_ENOMEM.
 *
 * Thread-safety: reads the report only.
 */
JY_API int jy_report_to_json(char **out, const jy_report *report);

/**
 * @brief The report as CSV for spreadsheets: UTF-8 with a byte-order mark,
 * CRLF line ends, RFC 4180 quoting.
 *
 * The title and the period come first, then each section: its title, the
 * header row of Chinese labels, the rows, a blank line; then the notes.
 * Percentages are written as people read them (`93.4%`).
 *
 * @param[out] out  receives the text (NUL-terminated); release it with jy_free().
 * @param[out] out_len  optional; receives its length in bytes.
 * @param report  the report.
 * @return #JY_OK, #JY_EINVAL, #JY_ENOMEM.
 *
 * Thread-safety: reads the report only.
 */
JY_API int jy_report_to_csv(char **out, size_t *out_len, const jy_report *report);

/**
 * @brief Writes the report as a CSV file (as jy_report_to_csv()).
 * @param report  the report.
 * @param path    the file to create or replace.
 * @return #JY_OK, #JY_EINVAL, #JY_EIO, #JY_ENOMEM.
 */
JY_API int jy_report_write_csv(const jy_report *report, const char *path);

/**
 * @brief Writes reports as one Excel workbook (`.xlsx`): a sheet per report,
 * named after its title, with the title, the period, each section's table
 * (bold Chinese headers, numbers as numbers, percentages formatted as such,
 * totals in bold) and the notes.
 *
 * Needs the library to be built with libxlsxwriter (CMake option
 * `JY_WITH_XLSX`); jy_xlsx_available() tells.
 *
 * @param reports  the reports; borrowed for the call.
 * @param count    their number (at least 1).
 * @param path     the file to create or replace.
 * @return #JY_OK; #JY_ENOTSUP when the library was built without xlsx
 *         support; #JY_EINVAL; #JY_EIO; #JY_ENOMEM.
 */
JY_API int jy_report_write_xlsx(const jy_report *const *reports, size_t count,
                                const char *path);

/**
 * @brief Tells whether this build of the library writes `.xlsx` files.
 * @return 1 if it does, 0 if it was built without libxlsxwriter.
 *
 * Thread-safety: safe from any thread.
 */
JY_API int jy_xlsx_available(void);

JY_END_DECLS

#endif /* JIUYE_REPORT_H */
