/* Report internals shared by report.c (the generic shape), report_ledger.c
 * (the built-in reports), xlsx.c (workbooks) and dashboard.c (the big
 * screen). */
#ifndef JIUYE_REPORT_INTERNAL_H
#define JIUYE_REPORT_INTERNAL_H

#include "internal.h"

/* Adds columns given as a NULL-terminated list of name, label pairs. */
int jy__report_columns(jy_report *r, size_t section, const char *const *names_labels);

/* Adds a row: `label` (if not NULL) in column 0, then `values` of `type`. */
int jy__report_row(jy_report *r, size_t section, int total, const char *label,
                   const double *values, size_t nvalues, jy_cell_type type);

/* "统计期间: 2026-01-01 至 2026-03-31". */
void jy__report_period_text(char *buf, size_t size, const jy_report *r);

/* Creates or replaces a file with `len` bytes (JY_EIO naming `what`). */
int jy__write_whole_file(const char *path, const char *data, size_t len, const char *what);

/* The built-in reports (report_ledger.c): fill `r`, made by jy_report_new(). */
struct jy_db;
int jy__report_labor(jy_report *r, struct jy_db *db, const jy_report_options *o, int returnee);
int jy__report_labor_service(jy_report *r, struct jy_db *db, const jy_report_options *o);
/* The 2 sections of quarterly_labor_service the big screen shows, from a
 * lighter scan: "key_groups" (group, persons, served, coverage) and
 * "key_groups_by_township" (township, total, persons, served, coverage),
 * the same columns and figures as the full report's first ones. */
int jy__report_key_coverage(jy_report *r, struct jy_db *db);
int jy__report_staff_survey(jy_report *r, struct jy_db *db, const jy_report_options *o);
int jy__report_enterprise_service(jy_report *r, struct jy_db *db, const jy_report_options *o);
/* report_work.c: the reports of the assessment (a jy_assess() of the period). */
int jy__report_work(jy_report *r, struct jy_db *db, int annual);
int jy__report_scorecard(jy_report *r, struct jy_db *db);

#endif /* JIUYE_REPORT_INTERNAL_H */
