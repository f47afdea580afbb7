/* Metrics of items 8 and 9: the demand ledger (8.1), jobseeker WeChat
 * groups per township (8.2), repeated shortage listings (9.1), hires
 * retained three months without labor dispatch (9.2), the quarterly
 * enterprise service report (9.3). Each met and narrowly failing. */
#include "metrics2_fixture.h"

TestSuite(metrics_demand, .init = m2_open, .fini = m2_close);

static int64_t enterprise(int n, const char *extra)
{
    return m2_add(JY_KIND_ENTERPRISE, "\"name\": \"新干县测试企业%d有限公司\"%s%s", n,
                  extra[0] ? ", " : "", extra);
}

/* ---- 8.1 ------------------------------------------------------------------ */

static void demand_ledger(int count, const char *on)
{
    char extra[64];
    snprintf(extra, sizeof extra, "\"demand_ledger_on\": \"%s\"", on);
    for (int i = 0; i < count; i++)
        enterprise(1000 + i + (on[6] - '0') * 1000, extra);
}

Test(metrics_demand, ledger_200_enterprises_met)
{
    demand_ledger(150, "2026-04-10");
    demand_ledger(50, "2027-02-28");
    enterprise(1, "\"industry\": \"箱包\""); /* not in the demand ledger */
    cr_assert_eq(m2_value("demand_ledger_enterprises", "2026-03-01", "2027-02-28"), 200);
    jy_measure *m = m2_measure("demand_ledger_enterprises", "2026-03-01", "2027-02-28");
    cr_assert_str_eq(jy_measure_record_kind(m), "enterprise");
    cr_assert_str_eq(jy_measure_record_role(m), "counted");
    cr_assert_eq(jy_measure_id_total(m), 200);
    cr_assert_eq(jy_measure_id_count(m), JY_EVIDENCE_MAX);
    jy_measure_free(m);
}

Test(metrics_demand, ledger_199_enterprises_fails)
{
    demand_ledger(199, "2026-04-10");
    demand_ledger(1, "2026-02-28"); /* entered before the contract year */
    cr_assert_eq(m2_value("demand_ledger_enterprises", "2026-03-01", "2027-02-28"), 199);
}

/* ---- 8.2 ------------------------------------------------------------------ */

/* Two groups of `members` in every street, town and township (not the
 * special units), recorded on `on`. */
static void groups_everywhere(int members, const char *on)
{
    const jy_county *county = jy_db_county(db);
    for (size_t i = 0; i < jy_county_township_count(county); i++) {
        const jy_township *t = jy_county_township_at(county, i);
        if (t->kind == JY_TOWNSHIP_SPECIAL)
            continue;
        for (int k = 1; k <= 2; k++)
            m2_add(JY_KIND_EVENT,
                   "\"kind\": \"wechat_group\", \"date\": \"%s\", \"title\": \"%s求职者%d群\","
                   " \"township\": \"%s\", \"group_kind\": \"jobseeker\", \"members\": %d",
                   on, t->short_name, k, t->code, members);
    }
}

Test(metrics_demand, groups_two_of_500_everywhere_met)
{
    groups_everywhere(500, "2026-03-20");
    jy_measure *m = m2_measure("townships_short_of_jobseeker_groups", "2026-03-01", "2027-02-28");
    cr_assert(jy_measure_has_value(m));
    cr_assert_eq(jy_measure_value(m), 0);
    cr_assert_str_eq(jy_measure_note(m), "");
    jy_measure_free(m);
}

Test(metrics_demand, group_of_499_fails_its_township)
{
    groups_everywhere(500, "2026-03-20");
    /* 金川镇's second group, recorded again later with 499 members. */
    int64_t small = m2_add(JY_KIND_EVENT,
                           "\"kind\": \"wechat_group\", \"date\": \"2026-06-01\","
                           " \"title\": \"金川求职者2群\", \"township\": \"金川镇\","
                           " \"group_kind\": \"jobseeker\", \"members\": 499");
    jy_measure *m = m2_measure("townships_short_of_jobseeker_groups", "2026-03-01", "2027-02-28");
    cr_assert_eq(jy_measure_value(m), 1);
    cr_assert_str_eq(jy_measure_record_role(m), "failing");
    cr_assert_eq(jy_measure_id_total(m), 1);
    cr_assert(m2_lists(m, small));
    cr_assert(strstr(jy_measure_note(m), "金川镇") != NULL, "%s", jy_measure_note(m));
    jy_measure_free(m);
    /* Before the shrinking record, the township had its two groups. */
    cr_assert_eq(m2_value("townships_short_of_jobseeker_groups", "2026-03-01", "2026-05-31"), 0);
    /* A group recorded again with 500 members counts again. */
    m2_add(JY_KIND_EVENT,
           "\"kind\": \"wechat_group\", \"date\": \"2026-07-01\", \"title\": \"金川求职者2群\","
           " \"township\": \"金川镇\", \"group_kind\": \"jobseeker\", \"members\": 520");
    cr_assert_eq(m2_value("townships_short_of_jobseeker_groups", "2026-03-01", "2027-02-28"), 0);
}

/* A county's own thresholds (rules' params): groups of 300 members. */
Test(metrics_demand, groups_of_300_with_a_county_threshold)
{
    groups_everywhere(350, "2026-01-20");
    cr_assert_eq(m2_value("townships_short_of_jobseeker_groups", "2026-01-01", "2026-12-31"), 14);
    m2_assert_score(m2_score("8.2", "2026-01-01", "2026-12-31"), JY_SCORE_FAILED, 1);
    m2_county_rules("\"min_members\": 500", "\"min_members\": 300");
    const jy_score_indicator *si = m2_score("8.2", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_MET, 0);
    cr_assert_eq(si->checks[0].value, 0);
    cr_assert(strstr(si->checks[0].evidence.note, "不少于2个300人求职者群") != NULL, "%s",
              si->checks[0].evidence.note);
    /* a group of 299 fails its township under the county's threshold */
    int64_t small = m2_add(JY_KIND_EVENT,
                           "\"kind\": \"wechat_group\", \"date\": \"2026-06-01\","
                           " \"title\": \"金川求职者2群\", \"township\": \"金川镇\","
                           " \"group_kind\": \"jobseeker\", \"members\": 299");
    si = m2_score("8.2", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 0.6);
    cr_assert_eq(si->checks[0].evidence.id_total, 1);
    cr_assert_eq(si->checks[0].evidence.ids[0], small);
    cr_assert(strstr(si->checks[0].evidence.note, "不足2个300人求职者群的乡镇（街道）：金川镇") != NULL,
              "%s", si->checks[0].evidence.note);
    /* and three groups a township (a third of 300 in 金川镇 only) */
    m2_county_rules("\"groups_per_township\": 2, \"min_members\": 500",
                    "\"groups_per_township\": 3, \"min_members\": 300");
    m2_add(JY_KIND_EVENT,
           "\"kind\": \"wechat_group\", \"date\": \"2026-06-02\", \"title\": \"金川求职者3群\","
           " \"township\": \"金川镇\", \"group_kind\": \"jobseeker\", \"members\": 300");
    m2_add(JY_KIND_EVENT,
           "\"kind\": \"wechat_group\", \"date\": \"2026-06-03\", \"title\": \"金川求职者4群\","
           " \"township\": \"金川镇\", \"group_kind\": \"jobseeker\", \"members\": 301");
    si = m2_score("8.2", "2026-01-01", "2026-12-31");
    cr_assert_eq(si->checks[0].value, 13);
    cr_assert_null(strstr(si->checks[0].evidence.note, "金川镇"), "%s",
                   si->checks[0].evidence.note);
}

Test(metrics_demand, enterprise_groups_and_no_groups)
{
    cr_assert_eq(m2_value("townships_short_of_jobseeker_groups", "2026-03-01", "2027-02-28"), 14);
    groups_everywhere(600, "2026-03-20");
    /* A third group in a township does not make up for another's. */
    m2_add(JY_KIND_EVENT,
           "\"kind\": \"wechat_group\", \"date\": \"2026-04-01\", \"title\": \"企业群\","
           " \"township\": \"三湖镇\", \"group_kind\": \"enterprise\", \"members\": 700");
    cr_assert_eq(m2_value("townships_short_of_jobseeker_groups", "2026-03-01", "2027-02-28"), 0);
    /* Groups created after the period do not count in it. */
    cr_assert_eq(m2_value("townships_short_of_jobseeker_groups", "2026-03-01", "2026-03-19"), 14);
}

/* ---- 9.1 ------------------------------------------------------------------ */

static int64_t shortage(int64_t ent, const char *on)
{
    return m2_add(JY_KIND_SHORTAGE,
                  "\"enterprise_id\": %lld, \"source\": \"亲清恳谈会\", \"reported_on\": \"%s\","
                  " \"shortfall\": 20",
                  (long long)ent, on);
}

Test(metrics_demand, shortage_once_each_met)
{
    int64_t a = enterprise(1, ""), b = enterprise(2, "");
    shortage(a, "2026-04-01");
    shortage(b, "2026-05-01");
    shortage(a, "2026-02-20"); /* the previous contract year */
    jy_measure *m = m2_measure("repeat_shortage_enterprises", "2026-03-01", "2027-02-28");
    cr_assert(jy_measure_has_value(m));
    cr_assert_eq(jy_measure_value(m), 0);
    cr_assert_eq(jy_measure_id_total(m), 0);
    jy_measure_free(m);
}

Test(metrics_demand, shortage_twice_fails)
{
    int64_t a = enterprise(1, ""), b = enterprise(2, "");
    shortage(a, "2026-04-01");
    shortage(b, "2026-05-01");
    int64_t again = shortage(a, "2026-09-15");
    jy_measure *m = m2_measure("repeat_shortage_enterprises", "2026-03-01", "2027-02-28");
    cr_assert_eq(jy_measure_value(m), 1);
    cr_assert_str_eq(jy_measure_record_kind(m), "shortage");
    cr_assert_str_eq(jy_measure_record_role(m), "failing");
    cr_assert_eq(jy_measure_id_count(m), 1);
    cr_assert_eq(jy_measure_id_at(m, 0), again);
    jy_measure_free(m);
    /* A month scorecard shows the repeat in the month it happened, even
     * though the first listing was months before. */
    cr_assert_eq(m2_value("repeat_shortage_enterprises", "2026-09-01", "2026-09-30"), 1);
    cr_assert_eq(m2_value("repeat_shortage_enterprises", "2026-04-01", "2026-04-30"), 0);
    /* A third listing is still one enterprise. */
    shortage(a, "2026-12-01");
    cr_assert_eq(m2_value("repeat_shortage_enterprises", "2026-03-01", "2027-02-28"), 1);
}

/* ---- 9.2 ------------------------------------------------------------------ */

static int64_t hire(int64_t ent, const char *started, const char *extra)
{
    return m2_add(JY_KIND_HIRE, "\"enterprise_id\": %lld, \"started_on\": \"%s\"%s%s",
                  (long long)ent, started, extra[0] ? ", " : "", extra);
}

Test(metrics_demand, hires_three_months_counted)
{
    int64_t e = enterprise(1, "");
    int64_t ok1 = hire(e, "2026-03-10", "\"checked_on\": \"2026-06-10\"");
    int64_t ok2 = hire(e, "2026-04-01", "\"left_on\": \"2026-07-01\"");
    /* 31 May: three months end on 31 August. */
    int64_t ok3 = hire(e, "2026-05-31", "\"checked_on\": \"2026-08-31\"");
    /* 30 November: three months end on 28 February (no 30 February). */
    int64_t ok4 = hire(e, "2026-11-30", "\"checked_on\": \"2027-02-28\", \"dispatch\": false");
    jy_measure *m = m2_measure("retained_hires", "2026-03-01", "2027-02-28");
    cr_assert_eq(jy_measure_value(m), 4);
    cr_assert_str_eq(jy_measure_record_kind(m), "hire");
    cr_assert_str_eq(jy_measure_record_role(m), "counted");
    cr_assert(m2_lists(m, ok1) && m2_lists(m, ok2) && m2_lists(m, ok3) && m2_lists(m, ok4));
    jy_measure_free(m);
}

Test(metrics_demand, hires_left_early_dispatch_or_unchecked_not_counted)
{
    int64_t e = enterprise(1, "");
    hire(e, "2026-03-10", "\"checked_on\": \"2026-06-10\"");
    hire(e, "2026-03-10", "\"left_on\": \"2026-05-10\"");                           /* 2 months */
    hire(e, "2026-03-10", "\"left_on\": \"2026-06-09\"");                           /* a day short */
    hire(e, "2026-03-10", "\"checked_on\": \"2026-06-10\", \"dispatch\": true");    /* 劳务派遣 */
    hire(e, "2026-03-10", "\"checked_on\": \"2026-06-09\"");                        /* checked too early */
    hire(e, "2026-03-10", "");                                                      /* never checked */
    hire(e, "2026-01-31", "\"checked_on\": \"2026-04-30\"");                        /* before the year */
    jy_measure *m = m2_measure("retained_hires", "2026-03-01", "2027-02-28");
    cr_assert_eq(jy_measure_value(m), 1);
    cr_assert(strstr(jy_measure_note(m), "劳务派遣（不计）1人") != NULL, "%s", jy_measure_note(m));
    cr_assert(strstr(jy_measure_note(m), "3个月内离职2人") != NULL, "%s", jy_measure_note(m));
    cr_assert(strstr(jy_measure_note(m), "未核实满3个月在岗2人") != NULL, "%s", jy_measure_note(m));
    jy_measure_free(m);
    /* The same 31 January hire counts in its own year: 30 April ends its three months. */
    cr_assert_eq(m2_value("retained_hires", "2026-01-01", "2026-02-28"), 1);
}

/* A county's own retention (rules' params): 6 months. */
Test(metrics_demand, hires_retained_six_months_with_a_county_rule)
{
    int64_t e = enterprise(1, "");
    hire(e, "2026-03-10", "\"checked_on\": \"2026-06-10\"");   /* 3 months */
    int64_t six = hire(e, "2026-03-10", "\"checked_on\": \"2026-09-10\"");
    hire(e, "2026-03-31", "\"left_on\": \"2026-09-29\"");      /* a day short of 30 September */
    int64_t end = hire(e, "2026-03-31", "\"left_on\": \"2026-09-30\"");
    cr_assert_eq(m2_value("retained_hires", "2026-03-01", "2027-02-28"), 4);
    jy_measure *m = NULL;
    cr_assert_eq(jy_metric_compute_params(&m, db, "retained_hires", D("2026-03-01"),
                                          D("2027-02-28"), NULL, SIGNED, "{\"months\": 6}"),
                 JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(jy_measure_value(m), 2);
    cr_assert(m2_lists(m, six) && m2_lists(m, end));
    cr_assert(strstr(jy_measure_note(m), "在岗满6个月2人") != NULL, "%s", jy_measure_note(m));
    cr_assert(strstr(jy_measure_note(m), "6个月内离职1人") != NULL, "%s", jy_measure_note(m));
    jy_measure_free(m);
    m2_county_rules("\"months\": 3", "\"months\": 6");
    cr_assert_eq(m2_score("9.2", "2026-01-01", "2026-12-31")->checks[0].value, 2);
}

/* ---- 9.3 ------------------------------------------------------------------ */

static int64_t report(const char *kind, const char *on, const char *period)
{
    if (!period)
        return m2_add(JY_KIND_EVENT, "\"kind\": \"report\", \"date\": \"%s\", \"report_kind\": \"%s\"",
                      on, kind);
    return m2_add(JY_KIND_EVENT,
                  "\"kind\": \"report\", \"date\": \"%s\", \"report_kind\": \"%s\", \"period\": \"%s\"",
                  on, kind, period);
}

Test(metrics_demand, service_report_each_quarter)
{
    int64_t q2 = report("quarterly_enterprise_service", "2026-06-25", NULL);
    report("quarterly_enterprise_service", "2026-10-08", "2026-Q3"); /* after the quarter, labelled */
    report("quarterly_labor", "2026-12-20", "2026-Q4");              /* another report */
    jy_measure *m = m2_measure("enterprise_service_reports", "2026-04-01", "2026-06-30");
    cr_assert_eq(jy_measure_value(m), 1);
    cr_assert_eq(jy_measure_id_count(m), 1);
    cr_assert_eq(jy_measure_id_at(m, 0), q2);
    jy_measure_free(m);
    cr_assert_eq(m2_value("enterprise_service_reports", "2026-07-01", "2026-09-30"), 1);
    /* The Q3 report, dated in October, does not count for Q4: a quarter without its report. */
    cr_assert_eq(m2_value("enterprise_service_reports", "2026-10-01", "2026-12-31"), 0);
    /* A yearly label is not a quarterly report: its date decides. */
    report("quarterly_enterprise_service", "2027-01-15", "2026");
    cr_assert_eq(m2_value("enterprise_service_reports", "2026-10-01", "2026-12-31"), 0);
    cr_assert_eq(m2_value("enterprise_service_reports", "2027-01-01", "2027-02-28"), 1);
}

/* ---- Through the assessment (contract year 2026) --------------------------- */

Test(metrics_demand, assess_8_1)
{
    demand_ledger(200, "2026-04-10");
    m2_assert_score(m2_score("8.1", "2026-01-01", "2026-12-31"), JY_SCORE_MET, 0);
    cr_assert_eq(m2_score("8.1", "2026-01-01", "2026-12-31")->checks[0].value, 200);
    /* A month scorecard shows progress, never a deduction. */
    const jy_score_indicator *si = m2_score("8.1", "2026-03-01", "2026-03-31");
    cr_assert_eq(si->deduction, 0);
    cr_assert(si->status == JY_SCORE_WARNING || si->status == JY_SCORE_ON_TRACK);
}

Test(metrics_demand, assess_8_1_fails)
{
    demand_ledger(199, "2026-04-10");
    const jy_score_indicator *si = m2_score("8.1", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 0.5);
    cr_assert_eq(si->checks[0].value, 199);
}

Test(metrics_demand, assess_8_2)
{
    groups_everywhere(500, "2026-01-20");
    m2_assert_score(m2_score("8.2", "2026-01-01", "2026-12-31"), JY_SCORE_MET, 0);
    m2_add(JY_KIND_EVENT,
           "\"kind\": \"wechat_group\", \"date\": \"2026-06-01\", \"title\": \"金川求职者2群\","
           " \"township\": \"金川镇\", \"group_kind\": \"jobseeker\", \"members\": 499");
    const jy_score_indicator *si = m2_score("8.2", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 0.6); /* 0.5 + 0.5 x severity 0.25 (1 over 0) */
    cr_assert_eq(si->checks[0].value, 1);
    cr_assert(strstr(si->checks[0].evidence.note, "金川镇") != NULL);
}

Test(metrics_demand, assess_9_1)
{
    int64_t a = enterprise(1, ""), b = enterprise(2, "");
    shortage(a, "2026-04-01");
    shortage(b, "2026-05-01");
    m2_assert_score(m2_score("9.1", "2026-01-01", "2026-12-31"), JY_SCORE_MET, 0);
    int64_t again = shortage(b, "2026-11-01");
    const jy_score_indicator *si = m2_score("9.1", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 1.1); /* 0.5 + 2.5 x 0.25 */
    cr_assert_eq(si->checks[0].evidence.id_count, 1);
    cr_assert_eq(si->checks[0].evidence.ids[0], again);
}

static void hires(int64_t ent, int retained)
{
    cr_assert_eq(jy_db_begin(db), JY_OK);
    for (int i = 0; i < retained; i++)
        hire(ent, "2026-03-10", "\"checked_on\": \"2026-06-10\"");
    cr_assert_eq(jy_db_commit(db), JY_OK);
}

Test(metrics_demand, assess_9_2_met)
{
    hires(enterprise(1, ""), 1500);
    const jy_score_indicator *si = m2_score("9.2", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_MET, 0);
    cr_assert_eq(si->checks[0].value, 1500);
}

Test(metrics_demand, assess_9_2_left_after_two_months_or_dispatch_fails)
{
    int64_t e = enterprise(1, "");
    hires(e, 1499);
    hire(e, "2026-03-10", "\"left_on\": \"2026-05-10\"");
    hire(e, "2026-03-10", "\"checked_on\": \"2026-06-10\", \"dispatch\": true");
    const jy_score_indicator *si = m2_score("9.2", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 0.5);
    cr_assert_eq(si->checks[0].value, 1499);
}

Test(metrics_demand, assess_9_3)
{
    report("quarterly_enterprise_service", "2026-03-25", NULL);
    report("quarterly_enterprise_service", "2026-06-25", NULL);
    report("quarterly_enterprise_service", "2026-12-20", "2026-Q4");
    const jy_score_indicator *si = m2_score("9.3", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 1.1); /* 0.5 + 2.5 x 1/4 of the quarters */
    cr_assert_str_eq(si->checks[0].evidence.failed_buckets, "2026-Q3");
    report("quarterly_enterprise_service", "2026-10-09", "2026-Q3");
    m2_assert_score(m2_score("9.3", "2026-01-01", "2026-12-31"), JY_SCORE_MET, 0);
}
