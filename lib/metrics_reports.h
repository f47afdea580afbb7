/*
 * Written reports matched to the buckets they cover (9.3, 10.3, 11.1,
 * 12.3, and the township coverage of 11.1), and the townships that
 * township-level targets apply to (11.1, 8.2). Implemented in
 * lib/metrics_reports.c.
 */
#ifndef JIUYE_METRICS_REPORTS_H
#define JIUYE_METRICS_REPORTS_H

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

/* Formats a count of a county's township names into `buf` for notes:
 * "金川镇、三湖镇等5个" style lists (names only, never personal data). */
void jy__metric_township_list(char *buf, size_t size, const jy_township *const *towns,
                              size_t count);

#endif /* JIUYE_METRICS_REPORTS_H */
