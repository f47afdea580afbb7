/* Metrics of items 1-2 (county home operations, township and village homes):
 * values and evidence on small hand-made ledgers. Scoring (status and
 * deduction) of the same scenarios is in test_assess.c. */
#include "metrics_fixture.h"

TestSuite(metrics_operations, .init = fx_open, .fini = fx_close);

Test(metrics_operations, registry_lists_every_metric_once)
{
    size_t n = jy_metric_count();
    cr_assert_gt(n, 50);
    for (size_t i = 0; i < n; i++) {
        const jy_metric_info *m = jy_metric_at(i);
        cr_assert_not_null(m);
        cr_assert_eq(jy_metric_find(m->name), m, "%s is registered twice", m->name);
        cr_assert(m->doc && *m->doc && m->label && *m->label, "%s lacks its docs", m->name);
    }
    cr_assert_null(jy_metric_at(n));
    cr_assert_null(jy_metric_find("no_such_metric"));
}

Test(metrics_operations, unknown_metric_and_bad_period_are_errors)
{
    jy_measure *m = NULL;
    cr_assert_eq(jy_metric_compute(&m, fx_db, "nope", fx_date("2026-01-01"),
                                   fx_date("2026-01-31"), NULL, fx_date("2026-01-01")),
                 JY_ENOTFOUND);
    cr_assert_eq(jy_metric_compute(&m, fx_db, "gig_postings", fx_date("2026-02-01"),
                                   fx_date("2026-01-31"), NULL, fx_date("2026-01-01")),
                 JY_EINVAL);
    cr_assert_null(m);
}

/* 1.1: 50 distinct enterprises in March (met), 49 in April (narrowly failing):
 * the value counts enterprises, not postings. */
Test(metrics_operations, posting_enterprises_counts_distinct_enterprises)
{
    fx_enterprises(60);
    fx_postings("2026-03-05", 0, 50, 120, "full_time");
    fx_postings("2026-04-05", 0, 49, 300, "full_time");
    fx_postings("2026-05-01", 55, 1, 1, "full_time"); /* outside both months */
    jy_measure *m = fx_measure("posting_enterprises", "2026-03-01", "2026-03-31");
    cr_assert_eq(jy_measure_value(m), 50);
    cr_assert(jy_measure_has_value(m));
    cr_assert_str_eq(jy_measure_record_kind(m), "enterprise");
    cr_assert_str_eq(jy_measure_record_role(m), "counted");
    cr_assert_eq(jy_measure_id_total(m), 50);
    cr_assert_eq(jy_measure_id_count(m), JY_EVIDENCE_MAX);
    cr_assert_eq(jy_measure_id_at(m, 0), 1);
    cr_assert_lt(jy_measure_id_at(m, 0), jy_measure_id_at(m, 1));
    jy_measure_free(m);
    cr_assert_eq(fx_value("posting_enterprises", "2026-04-01", "2026-04-30"), 49);
    cr_assert_eq(fx_value("posting_enterprises", "2026-01-01", "2026-12-31"), 51);
}

/* 1.2: gig postings only, by publication date. */
Test(metrics_operations, gig_postings_counts_gig_kind_only)
{
    fx_enterprises(3);
    fx_postings("2026-02-10", 0, 3, 999, "gig");
    fx_postings("2026-02-10", 0, 3, 40, "full_time");
    fx_postings("2027-01-10", 0, 3, 5, "gig");
    jy_measure *m = fx_measure("gig_postings", "2026-01-01", "2026-12-31");
    cr_assert_eq(jy_measure_value(m), 999);
    cr_assert_str_eq(jy_measure_record_kind(m), "posting");
    cr_assert_eq(jy_measure_id_total(m), 999);
    jy_measure_free(m);
    cr_assert_eq(fx_value("gig_postings", "2026-01-01", "2027-12-31"), 1004);
}
