/* Metrics of item 12: the "1311" service of key-group persons (12.1),
 * return-home employment assistance (12.2: assisted rate, employed rate,
 * the headcount assigned), the quarterly labor service report (12.3).
 * Each met and narrowly failing. */
#include "metrics2_fixture.h"

TestSuite(metrics_keygroups, .init = m2_open, .fini = m2_close);

/* ---- 12.1 ----------------------------------------------------------------- */

static void service(int64_t labor, const char *type, const char *on)
{
    m2_add(JY_KIND_EVENT,
           "\"kind\": \"service_1311\", \"date\": \"%s\", \"service_type\": \"%s\", \"labor_id\": %lld",
           on, type, (long long)labor);
}

/* The whole package: 1 policy briefing, 1 career guidance, 3 referrals, 1 training offer. */
static void package(int64_t labor, int referrals)
{
    service(labor, "policy_briefing", "2026-04-01");
    service(labor, "career_guidance", "2026-04-10");
    for (int i = 0; i < referrals; i++)
        service(labor, i % 2 ? "job_recommendation" : "job_referral", "2026-05-01");
    service(labor, "training_offer", "2026-06-01");
}

Test(metrics_keygroups, package_1311_complete_met)
{
    int64_t a = m2_labor("19900512", 1, "2026-03-20", "\"key_groups\": \"脱贫人口\"");
    int64_t b = m2_labor("19950101", 3, "2026-03-20", "\"key_groups\": [\"高校毕业生\", \"返乡人员\"]");
    m2_labor("19800101", 5, "2026-03-20", ""); /* not a key-group person */
    package(a, 3);
    package(b, 4);
    jy_measure *m = m2_measure("key_group_1311_coverage", "2026-03-01", "2027-02-28");
    cr_assert(jy_measure_has_value(m));
    cr_assert_eq(jy_measure_value(m), 100);
    cr_assert_eq(jy_measure_id_total(m), 0);
    jy_measure_free(m);
}

Test(metrics_keygroups, package_1311_two_referrals_fails)
{
    int64_t a = m2_labor("19900512", 1, "2026-03-20", "\"key_groups\": \"脱贫人口\"");
    int64_t b = m2_labor("19950101", 3, "2026-03-20", "\"key_groups\": \"退役军人\"");
    package(a, 3);
    package(b, 2);
    jy_measure *m = m2_measure("key_group_1311_coverage", "2026-03-01", "2027-02-28");
    cr_assert_eq(jy_measure_value(m), 50);
    cr_assert_str_eq(jy_measure_record_kind(m), "labor");
    cr_assert_str_eq(jy_measure_record_role(m), "failing");
    cr_assert_eq(jy_measure_id_count(m), 1);
    cr_assert_eq(jy_measure_id_at(m, 0), b);
    cr_assert(strstr(jy_measure_note(m), "岗位推荐不足3次1人") != NULL, "%s", jy_measure_note(m));
    jy_measure_free(m);
    /* Before the training offers (1 June), nobody had the whole package. */
    cr_assert_eq(m2_value("key_group_1311_coverage", "2026-03-01", "2026-05-31"), 0);
}

Test(metrics_keygroups, package_1311_without_key_groups_has_no_value)
{
    m2_labor("19800101", 5, "2026-03-20", "");
    jy_measure *m = m2_measure("key_group_1311_coverage", "2026-03-01", "2027-02-28");
    cr_assert_not(jy_measure_has_value(m));
    jy_measure_free(m);
}

/* ---- 12.2 ----------------------------------------------------------------- */

static const char RETURNEE[] = "\"returnee\": true, \"wish_local\": true, \"needs_job\": true";

static void assist(int64_t labor, const char *on, int success)
{
    m2_add(JY_KIND_EVENT,
           "\"kind\": \"return_assistance\", \"date\": \"%s\", \"labor_id\": %lld, \"success\": %s",
           on, (long long)labor, success ? "true" : "false");
}

static void assigned(int headcount, const char *on)
{
    m2_add(JY_KIND_EVENT,
           "\"kind\": \"return_assistance\", \"date\": \"%s\", \"title\": \"上级下达返乡就业帮扶任务\","
           " \"count\": %d, \"source\": \"县就业创业服务中心文件\"",
           on, headcount);
}

Test(metrics_keygroups, return_assistance_all_met)
{
    int64_t a = m2_labor("19900512", 1, "2026-03-20", RETURNEE);
    int64_t b = m2_labor("19910512", 3, "2026-03-20", RETURNEE);
    m2_labor("19920512", 5, "2026-03-20", "\"returnee\": true, \"wish_local\": false, \"needs_job\": true");
    assist(a, "2026-04-01", 0);
    assist(a, "2026-05-01", 1); /* employed at the second try */
    assist(b, "2026-04-15", 1);
    assigned(2, "2026-03-10");
    cr_assert_eq(m2_value("return_assistance_rate", "2026-03-01", "2027-02-28"), 100);
    cr_assert_eq(m2_value("return_employment_rate", "2026-03-01", "2027-02-28"), 100);
    jy_measure *m = m2_measure("return_assistance_target_met", "2026-03-01", "2027-02-28");
    cr_assert(jy_measure_has_value(m));
    cr_assert_eq(jy_measure_value(m), 1);
    cr_assert(strstr(jy_measure_note(m), "返乡就业帮扶2人，上级下达任务2人") != NULL, "%s",
              jy_measure_note(m));
    jy_measure_free(m);
}

Test(metrics_keygroups, return_assistance_one_short_fails)
{
    int64_t a = m2_labor("19900512", 1, "2026-03-20", RETURNEE);
    int64_t b = m2_labor("19910512", 3, "2026-03-20", RETURNEE);
    int64_t c = m2_labor("19920512", 5, "2026-03-20", RETURNEE);
    assist(a, "2026-04-01", 1);
    assist(b, "2026-04-15", 0); /* assisted, not employed */
    assigned(3, "2026-03-10");
    /* c was never assisted: 2 of 3. */
    jy_measure *m = m2_measure("return_assistance_rate", "2026-03-01", "2027-02-28");
    cr_assert(jy_measure_value(m) > 66.66 && jy_measure_value(m) < 66.67);
    cr_assert_eq(jy_measure_id_count(m), 1);
    cr_assert_eq(jy_measure_id_at(m, 0), c);
    jy_measure_free(m);
    m = m2_measure("return_employment_rate", "2026-03-01", "2027-02-28");
    cr_assert_eq(jy_measure_value(m), 50);
    cr_assert_eq(jy_measure_id_at(m, 0), b);
    jy_measure_free(m);
    cr_assert_eq(m2_value("return_assistance_target_met", "2026-03-01", "2027-02-28"), 0);
    /* An assignment of the previous year does not count. */
    m = m2_measure("return_assistance_target_met", "2027-03-01", "2027-12-31");
    cr_assert_not(jy_measure_has_value(m));
    jy_measure_free(m);
}

Test(metrics_keygroups, return_assistance_nothing_recorded)
{
    jy_measure *m = m2_measure("return_assistance_target_met", "2026-03-01", "2027-02-28");
    cr_assert_not(jy_measure_has_value(m));
    cr_assert(strstr(jy_measure_note(m), "未录入") != NULL);
    jy_measure_free(m);
    /* Rates over nobody: nothing was due. */
    m = m2_measure("return_employment_rate", "2026-03-01", "2027-02-28");
    cr_assert(jy_measure_has_value(m));
    cr_assert_eq(jy_measure_value(m), 100);
    cr_assert(strstr(jy_measure_note(m), "无应统计对象") != NULL);
    jy_measure_free(m);
    m = m2_measure("return_assistance_rate", "2026-03-01", "2027-02-28");
    cr_assert_eq(jy_measure_value(m), 100);
    jy_measure_free(m);
}

/* ---- 12.3 ----------------------------------------------------------------- */

Test(metrics_keygroups, quarterly_labor_service_report)
{
    m2_add(JY_KIND_EVENT, "\"kind\": \"report\", \"date\": \"2026-09-20\", \"report_kind\": \"quarterly_labor_service\"");
    cr_assert_eq(m2_value("labor_service_reports", "2026-07-01", "2026-09-30"), 1);
    cr_assert_eq(m2_value("labor_service_reports", "2026-10-01", "2026-12-31"), 0);
}

/* ---- Through the assessment (contract year 2026) --------------------------- */

Test(metrics_keygroups, assess_12_1)
{
    int64_t a = m2_labor("19900512", 1, "2026-01-20", "\"key_groups\": \"脱贫人口\"");
    int64_t b = m2_labor("19950101", 3, "2026-01-20", "\"key_groups\": \"退役军人\"");
    package(a, 3);
    package(b, 3);
    m2_assert_score(m2_score("12.1", "2026-01-01", "2026-12-31"), JY_SCORE_MET, 0);
}

Test(metrics_keygroups, assess_12_1_fails)
{
    int64_t a = m2_labor("19900512", 1, "2026-01-20", "\"key_groups\": \"脱贫人口\"");
    int64_t b = m2_labor("19950101", 3, "2026-01-20", "\"key_groups\": \"退役军人\"");
    package(a, 3);
    package(b, 2);
    const jy_score_indicator *si = m2_score("12.1", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 0.8); /* 0.5 + 0.5 x 0.5, rounded half up */
    cr_assert_eq(si->checks[0].value, 50);
}

Test(metrics_keygroups, assess_12_2)
{
    int64_t a = m2_labor("19900512", 1, "2026-01-20", RETURNEE);
    int64_t b = m2_labor("19910512", 3, "2026-01-20", RETURNEE);
    assist(a, "2026-04-01", 1);
    assist(b, "2026-04-15", 1);
    assigned(2, "2026-01-10");
    m2_assert_score(m2_score("12.2", "2026-01-01", "2026-12-31"), JY_SCORE_MET, 0);
}

Test(metrics_keygroups, assess_12_2_one_not_employed)
{
    int64_t a = m2_labor("19900512", 1, "2026-01-20", RETURNEE);
    int64_t b = m2_labor("19910512", 3, "2026-01-20", RETURNEE);
    assist(a, "2026-04-01", 1);
    assist(b, "2026-04-15", 0);
    assigned(2, "2026-01-10");
    const jy_score_indicator *si = m2_score("12.2", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 0.8); /* the employed rate, 50 %: severity 0.5 */
    cr_assert_eq(si->checks[0].status, JY_SCORE_MET);
    cr_assert_eq(si->checks[1].status, JY_SCORE_FAILED);
    cr_assert_eq(si->checks[2].status, JY_SCORE_MET);
}

Test(metrics_keygroups, assess_12_2_headcount_not_recorded)
{
    int64_t a = m2_labor("19900512", 1, "2026-01-20", RETURNEE);
    assist(a, "2026-04-01", 1);
    const jy_score_indicator *si = m2_score("12.2", "2026-01-01", "2026-12-31");
    cr_assert_eq(si->status, JY_SCORE_FAILED);
    cr_assert_eq(si->checks[2].has_value, 0);
    cr_assert(si->deduction >= 0.5 && si->deduction <= 1);
}

Test(metrics_keygroups, assess_12_3)
{
    for (int q = 0; q < 4; q++)
        if (q != 3)
            m2_add(JY_KIND_EVENT,
                   "\"kind\": \"report\", \"date\": \"2026-%02d-20\", \"report_kind\": \"quarterly_labor_service\"",
                   3 * q + 3);
    const jy_score_indicator *si = m2_score("12.3", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 0.6);
    cr_assert_str_eq(si->checks[0].evidence.failed_buckets, "2026-Q4");
    m2_add(JY_KIND_EVENT,
           "\"kind\": \"report\", \"date\": \"2026-12-20\", \"report_kind\": \"quarterly_labor_service\"");
    m2_assert_score(m2_score("12.3", "2026-01-01", "2026-12-31"), JY_SCORE_MET, 0);
}
