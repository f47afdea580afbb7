/* Metrics of items 10 and 11: labor records of residents aged 16-60
 * entered by 31 August (10.1), their accuracy (10.2), the quarterly labor
 * report (10.3), the monthly returnee figures of every township (11.1).
 * Each met and narrowly failing. */
#include "metrics2_fixture.h"

TestSuite(metrics_labor, .init = m2_open, .fini = m2_close);

/* ---- 10.1 ----------------------------------------------------------------- */

Test(metrics_labor, records_by_31_august_aged_16_to_60)
{
    m2_labor("19900512", 1, "2026-08-31", "");  /* on the deadline */
    m2_labor("19900512", 3, "2026-09-01", "");  /* a day late */
    m2_labor("20100601", 5, "2026-06-01", "");  /* 16 that day */
    m2_labor("19660601", 7, "2026-06-01", "");  /* 60 that day */
    m2_labor("19650531", 9, "2026-06-01", "");  /* 61 */
    m2_labor("20100602", 11, "2026-06-01", ""); /* 15 */
    m2_labor("19800101", 13, "2025-11-20", ""); /* surveyed in an earlier year: still a record */
    m2_labor("20040602", 15, "2020-06-01", ""); /* 15 when surveyed years ago */
    jy_measure *m = m2_measure("labor_records", "2026-03-01", "2027-02-28");
    cr_assert(jy_measure_has_value(m));
    cr_assert_eq(jy_measure_value(m), 4);
    cr_assert(strstr(jy_measure_note(m), "不在16-60周岁3条") != NULL, "%s", jy_measure_note(m));
    cr_assert(strstr(jy_measure_note(m), "截止日后录入1条") != NULL, "%s", jy_measure_note(m));
    jy_measure_free(m);
    /* A shorter period counts the records entered by its end. */
    cr_assert_eq(m2_value("labor_records", "2026-06-01", "2026-06-30"), 3);
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2026-05-31"), 1);
    m2_labor("20040601", 17, "2020-06-01", ""); /* 16 that day */
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 5);
}

Test(metrics_labor, records_updated_after_the_deadline_keep_counting)
{
    char id[19];
    m2_id_number(id, "19900512", 21);
    m2_labor("19900512", 21, "2026-07-01", "\"employment_status\": \"失业\"");
    /* Updated before and after the deadline (the labor history keeps the
     * first update's date; the survey date moves to the last one). */
    for (int k = 0; k < 2; k++) {
        char json[256];
        snprintf(json, sizeof json,
                 "{\"id_number\": \"%s\", \"surveyed_on\": \"%s\", \"employment_status\": \"%s\"}",
                 id, k ? "2026-10-01" : "2026-08-15", k ? "县内就业" : "灵活就业");
        jy_record *r = NULL;
        cr_assert_eq(jy_record_from_json(&r, json, strlen(json), JY_KIND_LABOR, NULL), JY_OK);
        jy_save_result res;
        cr_assert_eq(jy_ledger_save(&res, db, r), JY_OK, "%s", jy_error_last()->message);
        cr_assert(res.updated);
        jy_record_free(r);
    }
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 1);
    jy_measure *m = m2_measure("labor_records", "2026-10-01", "2026-10-31");
    cr_assert(strstr(jy_measure_note(m), "期间动态更新1人") != NULL, "%s", jy_measure_note(m));
    jy_measure_free(m);
}

Test(metrics_labor, deadline_of_a_contract_signed_after_august)
{
    m2_labor("19900512", 1, "2026-10-01", "");
    m2_labor("19900512", 3, "2027-08-31", "");
    m2_labor("19900512", 5, "2027-09-01", "");
    jy_measure *m = NULL;
    cr_assert_eq(jy_metric_compute(&m, db, "labor_records", D("2026-09-15"), D("2027-09-14"), NULL,
                                   D("2026-09-15")),
                 JY_OK);
    cr_assert_eq(jy_measure_value(m), 2);
    cr_assert(strstr(jy_measure_note(m), "2027-08-31") != NULL, "%s", jy_measure_note(m));
    jy_measure_free(m);
}

/* ---- 10.2 ----------------------------------------------------------------- */

static void checks(int64_t labor, int accurate, int inaccurate)
{
    for (int i = 0; i < accurate + inaccurate; i++)
        m2_add(JY_KIND_VERIFICATION,
               "\"labor_id\": %lld, \"checked_on\": \"2026-0%d-1%d\", \"accurate\": %s",
               (long long)labor, 4 + i % 5, i % 10, i < accurate ? "true" : "false");
}

Test(metrics_labor, accuracy_90_met)
{
    int64_t l = m2_labor("19900512", 1, "2026-03-20", "");
    checks(l, 900, 100);
    jy_measure *m = m2_measure("labor_accuracy", "2026-03-01", "2027-02-28");
    cr_assert(jy_measure_has_value(m));
    cr_assert_eq(jy_measure_value(m), 90.0);
    cr_assert_str_eq(jy_measure_record_kind(m), "verification");
    cr_assert_str_eq(jy_measure_record_role(m), "failing");
    cr_assert_eq(jy_measure_id_total(m), 100);
    cr_assert_eq(jy_measure_id_count(m), JY_EVIDENCE_MAX);
    jy_measure_free(m);
}

Test(metrics_labor, accuracy_87_4_fails)
{
    int64_t l = m2_labor("19900512", 1, "2026-03-20", "");
    checks(l, 874, 126);
    m2_add(JY_KIND_VERIFICATION, "\"labor_id\": %lld, \"checked_on\": \"2026-02-27\", \"accurate\": false",
           (long long)l); /* before the period */
    double v = m2_value("labor_accuracy", "2026-03-01", "2027-02-28");
    cr_assert(v > 87.399999 && v < 87.400001, "%f", v);
}

Test(metrics_labor, accuracy_without_checks_has_no_value)
{
    jy_measure *m = m2_measure("labor_accuracy", "2026-03-01", "2027-02-28");
    cr_assert_not(jy_measure_has_value(m));
    cr_assert(strstr(jy_measure_note(m), "没有信息核查记录") != NULL);
    jy_measure_free(m);
}

/* ---- 10.3 ----------------------------------------------------------------- */

Test(metrics_labor, quarterly_labor_report)
{
    m2_add(JY_KIND_EVENT, "\"kind\": \"report\", \"date\": \"2026-06-20\", \"report_kind\": \"quarterly_labor\","
                          " \"period\": \"2026-Q2\"");
    m2_add(JY_KIND_EVENT, "\"kind\": \"report\", \"date\": \"2026-09-20\", \"report_kind\": \"quarterly_labor_service\"");
    cr_assert_eq(m2_value("labor_quarterly_reports", "2026-04-01", "2026-06-30"), 1);
    /* The third quarter has only the labor service report (12.3), not this one. */
    cr_assert_eq(m2_value("labor_quarterly_reports", "2026-07-01", "2026-09-30"), 0);
}

/* ---- 11.1 ----------------------------------------------------------------- */

Test(metrics_labor, returnee_figures_county_wide_each_month)
{
    m2_add(JY_KIND_EVENT, "\"kind\": \"report\", \"date\": \"2026-04-08\", \"report_kind\": \"returnee_monthly\","
                          " \"period\": \"2026-04\"");
    m2_add(JY_KIND_EVENT, "\"kind\": \"report\", \"date\": \"2026-06-03\", \"report_kind\": \"returnee_monthly\","
                          " \"period\": \"2026-05\"");
    jy_measure *m = m2_measure("returnee_reports", "2026-04-01", "2026-04-30");
    cr_assert_eq(jy_measure_value(m), 1);
    cr_assert_str_eq(jy_measure_note(m), "");
    jy_measure_free(m);
    cr_assert_eq(m2_value("returnee_reports", "2026-05-01", "2026-05-31"), 1);
    /* June: no report (the one dated in June is May's). */
    m = m2_measure("returnee_reports", "2026-06-01", "2026-06-30");
    cr_assert_eq(jy_measure_value(m), 0);
    cr_assert(strstr(jy_measure_note(m), "未上报") != NULL);
    jy_measure_free(m);
}

Test(metrics_labor, returnee_figures_by_township_one_missing)
{
    const jy_county *county = jy_db_county(db);
    int skipped = 0;
    for (size_t i = 0; i < jy_county_township_count(county); i++) {
        const jy_township *t = jy_county_township_at(county, i);
        if (t->kind == JY_TOWNSHIP_SPECIAL)
            continue;
        if (strcmp(t->short_name, "三湖") == 0) {
            skipped = 1;
            continue;
        }
        m2_add(JY_KIND_EVENT, "\"kind\": \"report\", \"date\": \"2026-07-06\","
                              " \"report_kind\": \"returnee_monthly\", \"township\": \"%s\"", t->code);
    }
    cr_assert(skipped);
    jy_measure *m = m2_measure("returnee_reports", "2026-07-01", "2026-07-31");
    cr_assert_eq(jy_measure_value(m), 0);
    cr_assert(strstr(jy_measure_note(m), "三湖镇") != NULL, "%s", jy_measure_note(m));
    cr_assert_eq(jy_measure_id_total(m), 13);
    jy_measure_free(m);
    m2_add(JY_KIND_EVENT, "\"kind\": \"report\", \"date\": \"2026-07-07\","
                          " \"report_kind\": \"returnee_monthly\", \"township\": \"三湖镇\"");
    cr_assert_eq(m2_value("returnee_reports", "2026-07-01", "2026-07-31"), 1);
}
