/*
 * Helpers shared by the metrics of items 8-12 and 14 (lib/metrics_demand.c,
 * metrics_labor.c, metrics_keygroups.c, metrics_other.c): written reports
 * matched to the buckets they cover, the townships every township-level
 * target applies to, contract-year dates, and evidence ids from any
 * statement. Implemented in lib/metrics_common2.c.
 */
#ifndef JIUYE_METRICS_COMMON2_H
#define JIUYE_METRICS_COMMON2_H

#include "metrics_internal.h"

/* Reports (events of kind 'report') of `report_kind` matched to spans.
 * A report covers the period its `period` label names (jy_period_parse:
 * "2026-Q1", "2026-03"...) when that label is of unit `max_unit` or
 * shorter, else the day of its `date`; it counts for every span its
 * covered period overlaps. With `per_township`, a report that names a
 * township covers that township only and one without covers all of them,
 * and the value of a span is the smallest number of reports covering any
 * township of jy__metric_townships() (so 1 means every township reported);
 * without it, the value is the number of reports counting for the span.
 * Evidence: the reports counted (and, per township, the townships not
 * covered in the note). */
int jy__metric_reports(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n,
                       const char *report_kind, jy_period_unit max_unit, int per_township);

/* The township-level units targets "per township (street)" apply to: the
 * streets, towns and townships of the county (乡镇、街道), not the special
 * units (industrial park, geological team, forest farm). Fills `out` (at
 * most `max`) with borrowed pointers and returns how many there are. */
size_t jy__metric_townships(const jy_township **out, size_t max, const jy__mctx *ctx);

/* The first day of the contract year containing `day` (the contract signed
 * on ctx->contract_start); `day` itself when the contract starts later. */
jy_date jy__metric_year_start(const jy__mctx *ctx, jy_date day);

/* Runs a prepared, bound statement whose rows' first column is a record
 * id (ascending) and keeps the first JY_EVIDENCE_MAX as evidence of `kind`
 * and `role`, with `total` as the number of records in all (-1: the number
 * of rows). Resets the statement. */
int jy__metric_fill_ids(jy_measure *out, const jy__mctx *ctx, sqlite3_stmt *st,
                        const char *kind, const char *role, int64_t total);

/* Formats a count of a county's township names into `buf` for notes:
 * "金川镇、三湖镇等5个" style lists (names only, never personal data). */
void jy__metric_township_list(char *buf, size_t size, const jy_township *const *towns,
                              size_t count);

#endif /* JIUYE_METRICS_COMMON2_H */
