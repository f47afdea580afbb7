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

/* 10.1 with a county's ages and deadline (rule params): the same records
 * counted by other standards, read from the ledger instead of the tally. */
static double labor_records_with(const char *params, const char *to)
{
    jy_measure *m = NULL;
    cr_assert_eq(jy_metric_compute_params(&m, db, "labor_records", D("2026-03-01"), D(to), NULL,
                                          SIGNED, params),
                 JY_OK, "%s: %s", params, jy_error_last()->message);
    cr_assert(jy_measure_has_value(m));
    double v = jy_measure_value(m);
    jy_measure_free(m);
    return v;
}

Test(metrics_labor, records_by_a_countys_ages_and_deadline)
{
    m2_labor("19900512", 1, "2026-08-31", "");  /* 36 on the deadline */
    m2_labor("19900512", 3, "2026-09-30", "");  /* a month late */
    m2_labor("20100601", 5, "2026-06-01", "");  /* 16 that day */
    m2_labor("20080601", 7, "2026-06-01", "");  /* 18 that day */
    m2_labor("19660601", 9, "2026-06-01", "");  /* 60 that day */
    m2_labor("19710601", 11, "2026-06-01", ""); /* 55 that day */
    cr_assert_eq(labor_records_with(NULL, "2027-02-28"), 5);
    cr_assert_eq(labor_records_with("{\"min_age\": 16, \"max_age\": 60, \"deadline_month\": 8,"
                                    " \"deadline_day\": 31}", "2027-02-28"), 5);
    cr_assert_eq(labor_records_with("{\"min_age\": 18}", "2027-02-28"), 4);
    cr_assert_eq(labor_records_with("{\"min_age\": 18, \"max_age\": 55}", "2027-02-28"), 3);
    cr_assert_eq(labor_records_with("{\"deadline_month\": 9, \"deadline_day\": 30}", "2027-02-28"), 6);
    cr_assert_eq(labor_records_with("{\"deadline_month\": 6, \"deadline_day\": 30}", "2027-02-28"), 4);
    /* The note states the standard used. */
    jy_measure *m = NULL;
    cr_assert_eq(jy_metric_compute_params(&m, db, "labor_records", D("2026-03-01"),
                                          D("2027-02-28"), NULL, SIGNED,
                                          "{\"min_age\": 18, \"max_age\": 55}"),
                 JY_OK);
    cr_assert(strstr(jy_measure_note(m), "18-55周岁") != NULL, "%s", jy_measure_note(m));
    jy_measure_free(m);
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

/* ---- 10.1 at the seed's scale ------------------------------------------ */

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

/* A database file whose labor ledger holds `count` records surveyed on
 * 2026-08-31 (written straight into SQLite: the metric reads dates only,
 * and 150 000 records through the validators would take seconds). */
static char big_path[64];

static void big_labor_db(int count)
{
    snprintf(big_path, sizeof big_path, "/tmp/jiuye-m2-XXXXXX");
    int fd = mkstemp(big_path);
    cr_assert(fd >= 0);
    close(fd);
    unlink(big_path);
    jy_db_close(db);
    cr_assert_eq(jy_db_open(&db, big_path, NULL), JY_OK, "%s", jy_error_last()->message);
    jy_db_close(db);
    db = NULL;
    sqlite3 *conn = NULL;
    cr_assert_eq(sqlite3_open(big_path, &conn), SQLITE_OK);
    char sql[512];
    snprintf(sql, sizeof sql,
             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
             "INSERT INTO labor (id_number, name, township, birth_date, surveyed_on) "
             "SELECT printf('36082419900101%%04d', i), 'x', '360824100', '1990-01-01', "
             "'2026-08-31' FROM n",
             count);
    cr_assert_eq(sqlite3_exec(conn, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(conn));
    sqlite3_close(conn);
    cr_assert_eq(jy_db_open(&db, big_path, NULL), JY_OK, "%s", jy_error_last()->message);
}

static void big_cleanup(void)
{
    m2_close();
    if (big_path[0]) {
        char path[80];
        unlink(big_path);
        snprintf(path, sizeof path, "%s-wal", big_path);
        unlink(path);
        snprintf(path, sizeof path, "%s-shm", big_path);
        unlink(path);
    }
}

Test(metrics_labor, records_150000_at_scale, .fini = big_cleanup)
{
    big_labor_db(150000);
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 150000);
}

Test(metrics_labor, assess_10_1_at_scale, .fini = big_cleanup)
{
    big_labor_db(150000);
    const jy_score_indicator *si = m2_score("10.1", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_MET, 0);
    cr_assert_eq(si->checks[0].value, 150000);
    /* 149 999 by 31 August, one more on 1 September. */
    jy_db_close(db);
    db = NULL;
    sqlite3 *conn = NULL;
    cr_assert_eq(sqlite3_open(big_path, &conn), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(conn, "UPDATE labor SET surveyed_on = '2026-09-01', "
                              "entered_on = '2026-09-01' WHERE id = 7",
                              NULL, NULL, NULL),
                 SQLITE_OK);
    sqlite3_close(conn);
    cr_assert_eq(jy_db_open(&db, big_path, NULL), JY_OK);
    si = m2_score("10.1", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 0.5);
    cr_assert_eq(si->checks[0].value, 149999);
}

/* Spot checks in 2026: `accurate` of `all`. */
static void checks_2026(int accurate, int all)
{
    int64_t l = m2_labor("19900512", 1, "2026-01-20", "");
    cr_assert_eq(jy_db_begin(db), JY_OK);
    for (int i = 0; i < all; i++)
        m2_add(JY_KIND_VERIFICATION,
               "\"labor_id\": %lld, \"checked_on\": \"2026-%02d-15\", \"accurate\": %s",
               (long long)l, 2 + i % 10, i < accurate ? "true" : "false");
    cr_assert_eq(jy_db_commit(db), JY_OK);
}

Test(metrics_labor, assess_10_2_accuracy_90_met)
{
    checks_2026(900, 1000);
    m2_assert_score(m2_score("10.2", "2026-01-01", "2026-12-31"), JY_SCORE_MET, 0);
}

Test(metrics_labor, assess_10_2_accuracy_87_4_deducts_1_5)
{
    checks_2026(874, 1000);
    const jy_score_indicator *si = m2_score("10.2", "2026-01-01", "2026-12-31");
    /* 2.6 points below 90 %: three started points of 0.5. */
    m2_assert_score(si, JY_SCORE_FAILED, 1.5);
    cr_assert_eq(si->checks[0].evidence.id_total, 126);
}

Test(metrics_labor, assess_10_2_accuracy_89_9_deducts_0_5)
{
    checks_2026(899, 1000);
    m2_assert_score(m2_score("10.2", "2026-01-01", "2026-12-31"), JY_SCORE_FAILED, 0.5);
}

Test(metrics_labor, assess_10_2_accuracy_89_deducts_exactly_0_5)
{
    checks_2026(89, 100); /* exactly one point below: one point, not two */
    m2_assert_score(m2_score("10.2", "2026-01-01", "2026-12-31"), JY_SCORE_FAILED, 0.5);
}

static void quarter_reports(const char *kind, int skip_q)
{
    static const char *const days[] = { "2026-03-20", "2026-06-20", "2026-09-20", "2026-12-20" };
    for (int q = 0; q < 4; q++)
        if (q + 1 != skip_q)
            m2_add(JY_KIND_EVENT, "\"kind\": \"report\", \"date\": \"%s\", \"report_kind\": \"%s\"",
                   days[q], kind);
}

Test(metrics_labor, assess_10_3)
{
    quarter_reports("quarterly_labor", 0);
    m2_assert_score(m2_score("10.3", "2026-01-01", "2026-12-31"), JY_SCORE_MET, 0);
}

Test(metrics_labor, assess_10_3_quarter_without_report)
{
    quarter_reports("quarterly_labor", 2);
    quarter_reports("quarterly_labor_service", 0);
    const jy_score_indicator *si = m2_score("10.3", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 0.6); /* 0.5 + 0.5 x 1/4 */
    cr_assert_str_eq(si->checks[0].evidence.failed_buckets, "2026-Q2");
}

static void returnee_months(int skip_month)
{
    for (int m = 1; m <= 12; m++)
        if (m != skip_month)
            m2_add(JY_KIND_EVENT,
                   "\"kind\": \"report\", \"date\": \"2026-%02d-10\", \"report_kind\": \"returnee_monthly\","
                   " \"period\": \"2026-%02d\"",
                   m, m);
}

Test(metrics_labor, assess_11_1)
{
    returnee_months(0);
    m2_assert_score(m2_score("11.1", "2026-01-01", "2026-12-31"), JY_SCORE_MET, 0);
}

Test(metrics_labor, assess_11_1_month_without_figures)
{
    returnee_months(7);
    const jy_score_indicator *si = m2_score("11.1", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 0.5); /* 0.5 + 0.5 x 1/12, rounded to 0.1 */
    cr_assert_str_eq(si->checks[0].evidence.failed_buckets, "2026-07");
}
