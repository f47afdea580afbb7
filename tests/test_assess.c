/* The assessment: for every sub-indicator of items 1-7, 13 and 15 a
 * scenario where it is met and one where it narrowly fails (value, status,
 * deduction), annual targets in a shorter period (progress, pace, warning,
 * no deduction), overrides, incidents, bonuses, the calendar's range, and
 * the outputs (JSON, CSV, HTML). Items 8-12 and 14 are tested by their
 * metrics' suites. */
#include "metrics_fixture.h"

#include <cjson/cJSON.h>

static jy_scorecard *card;

static void setup(void)
{
    fx_open();
}

static void teardown(void)
{
    jy_scorecard_free(card);
    card = NULL;
    fx_close();
}

TestSuite(assess, .init = setup, .fini = teardown);

/* Scores from .. to, the contract signed on 2026-01-01. */
static void assess(const char *from, const char *to)
{
    jy_scorecard_free(card);
    card = NULL;
    jy_assess_options o = JY_ASSESS_OPTIONS_INIT;
    o.contract_start = fx_date("2026-01-01");
    int rc = jy_assess(&card, fx_db, fx_date(from), fx_date(to), &o);
    cr_assert_eq(rc, JY_OK, "%s", jy_error_last()->message);
}

static void assess_year(void)
{
    assess("2026-01-01", "2026-12-31");
    cr_assert(jy_scorecard_is_annual(card));
}

static const jy_score_indicator *ind(const char *id)
{
    const jy_score_indicator *si = jy_scorecard_find(card, id);
    cr_assert_not_null(si, "no sub-indicator %s", id);
    return si;
}

/* Asserts status, the main value and the deduction of a sub-indicator. */
static void expect(const char *id, jy_score_status status, double value, double deduction)
{
    const jy_score_indicator *si = ind(id);
    const jy_score_check *c = &si->checks[0];
    for (size_t i = 0; i < si->check_count; i++)
        if (si->checks[i].status == JY_SCORE_FAILED) {
            c = &si->checks[i];
            break;
        }
    cr_assert_eq(si->status, status, "%s: status %s, expected %s", id,
                 jy_score_status_name(si->status), jy_score_status_name(status));
    if (value >= 0)
        cr_assert_float_eq(c->value, value, 1e-6, "%s: value %g, expected %g", id, c->value,
                           value);
    cr_assert_float_eq(si->deduction, deduction, 1e-9, "%s: deduction %g, expected %g", id,
                       si->deduction, deduction);
}

static void expect_met(const char *id, double value)
{
    expect(id, JY_SCORE_MET, value, 0);
}

/* ---- Item 1 --------------------------------------------------------------- */

Test(assess, r1_1_enterprises_each_month)
{
    fx_enterprises(50);
    fx_postings("2026-03-05", 0, 50, 100, "full_time");
    fx_postings("2026-04-05", 0, 49, 100, "full_time");
    assess("2026-03-01", "2026-03-31");
    expect_met("1.1", 50);
    assess("2026-04-01", "2026-04-30");
    expect("1.1", JY_SCORE_FAILED, 49, 0.5);
    const jy_score_check *c = &ind("1.1")->checks[0];
    cr_assert_str_eq(c->evidence.failed_buckets, "2026-04");
    cr_assert_str_eq(c->evidence.record_kind, "enterprise");
    cr_assert_eq(c->evidence.id_total, 49);
    /* The two months together: one month failed. */
    assess("2026-03-01", "2026-04-30");
    expect("1.1", JY_SCORE_FAILED, 49, 0.5);
    cr_assert_eq(ind("1.1")->checks[0].judged_count, 2);
    cr_assert_eq(ind("1.1")->checks[0].evidence.failed_count, 1);
    /* A month with no posting at all deducts the most. */
    assess("2026-05-01", "2026-05-31");
    expect("1.1", JY_SCORE_FAILED, 0, 1);
}

Test(assess, r1_2_gig_records_year)
{
    fx_enterprises(2);
    fx_postings("2026-02-01", 0, 2, 999, "gig");
    assess_year();
    expect("1.2", JY_SCORE_FAILED, 999, 0.5);
    fx_postings("2026-11-01", 0, 2, 1, "gig");
    assess_year();
    expect_met("1.2", 1000);
}

Test(assess, r1_3_boards_each_month)
{
    fx_events("board_update", "2026-03-10", 1, ",\"board\":\"gig_board\"");
    assess("2026-03-01", "2026-03-31");
    expect_met("1.3", 1);
    assess("2026-04-01", "2026-04-30");
    expect("1.3", JY_SCORE_FAILED, 0, 1);
}

Test(assess, r1_4_every_jobseeker_followed_up)
{
    fx_buf b = { 0 };
    for (int i = 0; i < 10; i++)
        fx_add(&b, "{\"type\":\"jobseeker\",\"name\":\"求职者%d\",\"registered_on\":\"2026-03-0%d\"}",
               i, 2 + i % 5);
    fx_flush(&b);
    for (int i = 1; i <= 9; i++)
        fx_add(&b, "{\"type\":\"followup\",\"jobseeker_id\":%d,\"date\":\"2026-03-12\","
                   "\"kind\":\"phone\"}", i);
    fx_flush(&b);
    assess("2026-03-01", "2026-03-31");
    expect("1.4", JY_SCORE_FAILED, 90, 0.6); /* 0.5 + 0.5 x 10 % = 0.55, to 0.6 */
    const jy_score_check *c = &ind("1.4")->checks[0];
    cr_assert_str_eq(c->evidence.record_role, "failing");
    cr_assert_eq(c->evidence.id_count, 1);
    cr_assert_eq(c->evidence.ids[0], 10);
    fx_import("{\"type\":\"followup\",\"jobseeker_id\":10,\"date\":\"2026-03-20\",\"kind\":\"visit\"}");
    assess("2026-03-01", "2026-03-31");
    expect_met("1.4", 100);
}

Test(assess, r1_5_consultations_year)
{
    fx_events("consultation", "2026-05-06", 1, ",\"count\":2499");
    assess_year();
    expect("1.5", JY_SCORE_FAILED, 2499, 0.5);
    fx_events("consultation", "2026-06-06", 1, "");
    assess_year();
    expect_met("1.5", 2500);
}

Test(assess, r1_6_hotline_is_a_recorded_fact)
{
    assess("2026-03-01", "2026-03-31");
    expect("1.6", JY_SCORE_FAILED, 0, 1);
    cr_assert_eq(ind("1.6")->checks[0].has_value, 0);
    fx_events("hotline", "2026-01-01", 1, ",\"source\":\"中心核查记录\"");
    assess("2026-03-01", "2026-03-31");
    expect_met("1.6", 1);
    cr_assert_not_null(strstr(ind("1.6")->checks[0].evidence.note, "中心核查记录"));
    fx_events("hotline", "2026-03-15", 1, ",\"success\":false,\"source\":\"电话抽查无人接听\"");
    assess("2026-03-01", "2026-03-31");
    expect("1.6", JY_SCORE_FAILED, 0, 1);
}

/* ---- Item 2 --------------------------------------------------------------- */

Test(assess, r2_1_dispatch_every_week)
{
    /* March 2026 holds the whole weeks W10-W13 (2 Mar - 29 Mar). */
    fx_events("dispatch", "2026-03-02", 1, "");
    fx_events("dispatch", "2026-03-09", 1, "");
    fx_events("dispatch", "2026-03-23", 1, "");
    assess("2026-03-01", "2026-03-31");
    expect("2.1", JY_SCORE_FAILED, 0, 0.6); /* 1 week of 4: 0.5 + 0.5 / 4, to 0.6 */
    cr_assert_eq(ind("2.1")->checks[0].judged_count, 4);
    cr_assert_str_eq(ind("2.1")->checks[0].evidence.failed_buckets, "2026-W12");
    fx_events("dispatch", "2026-03-20", 1, "");
    assess("2026-03-01", "2026-03-31");
    expect_met("2.1", 1);
}

Test(assess, r2_2_resume_view_rate)
{
    fx_enterprises(1);
    fx_postings("2026-03-01", 0, 1, 1, "full_time");
    fx_import("{\"type\":\"jobseeker\",\"name\":\"甲\",\"registered_on\":\"2026-03-01\"}");
    fx_buf b = { 0 };
    for (int i = 0; i < 20; i++)
        fx_add(&b, "{\"type\":\"delivery\",\"posting_id\":1,\"jobseeker_id\":1,"
                   "\"delivered_on\":\"2026-03-10\"%s}",
               i ? ",\"viewed_on\":\"2026-03-11\"" : "");
    fx_flush(&b);
    assess("2026-03-01", "2026-03-31");
    expect("2.2", JY_SCORE_FAILED, 95, 0.5);
    fx_update(JY_KIND_DELIVERY, 1, "viewed_on", "2026-03-31");
    assess("2026-03-01", "2026-03-31");
    expect_met("2.2", 100);
}

Test(assess, r2_3_trainings_r2_4_competition)
{
    fx_events("training", "2026-03-10", 2, "");
    assess_year();
    expect("2.3", JY_SCORE_FAILED, 2, 0.7); /* 0.5 + 0.5 / 3, to 0.7 */
    expect("2.4", JY_SCORE_FAILED, 0, 1);
    fx_events("training", "2026-09-10", 1, "");
    fx_events("competition", "2026-09-20", 1, "");
    assess_year();
    expect_met("2.3", 3);
    expect_met("2.4", 1);
}

Test(assess, r2_5_supervision_each_month_and_evaluation)
{
    for (int m = 1; m <= 12; m++) {
        char d[16];
        snprintf(d, sizeof d, "2026-%02d-15", m);
        if (m != 7)
            fx_events("supervision", d, 1, "");
    }
    fx_events("staff_evaluation", "2026-12-20", 1, "");
    assess_year();
    expect("2.5", JY_SCORE_FAILED, 0, 0.5);
    cr_assert_str_eq(ind("2.5")->checks[0].evidence.failed_buckets, "2026-07");
    fx_events("supervision", "2026-07-01", 1, "");
    assess_year();
    expect_met("2.5", 1);
}

Test(assess, r2_6_monthly_reports)
{
    fx_events("report", "2026-04-03", 1, ",\"report_kind\":\"monthly\",\"period\":\"2026-03\"");
    fx_events("report", "2026-05-03", 1,
              ",\"report_kind\":\"monthly\",\"period\":\"2026-04\",\"success\":false");
    assess("2026-03-01", "2026-03-31");
    /* the monthly check is met; the annual report is still to come */
    cr_assert_eq(ind("2.6")->checks[0].status, JY_SCORE_MET);
    cr_assert_eq(ind("2.6")->checks[1].status, JY_SCORE_WARNING);
    expect("2.6", JY_SCORE_WARNING, 1, 0);
    assess("2026-04-01", "2026-04-30"); /* the April report was not accepted */
    expect("2.6", JY_SCORE_FAILED, 0, 1);
    /* The year: every month but March and the annual report missing. */
    fx_events("report", "2026-12-28", 1, ",\"report_kind\":\"annual\",\"period\":\"2026\"");
    assess_year();
    expect("2.6", JY_SCORE_FAILED, 0, 1);
    cr_assert_eq(ind("2.6")->checks[1].status, JY_SCORE_MET);
}

/* ---- Item 3 --------------------------------------------------------------- */

Test(assess, r3_1_good_reviews_and_rate)
{
    fx_buf b = { 0 };
    for (int i = 0; i < 199; i++)
        fx_add(&b, "{\"type\":\"review\",\"date\":\"2026-05-01\",\"good\":true}");
    fx_add(&b, "{\"type\":\"review\",\"date\":\"2026-05-02\",\"good\":false}");
    fx_flush(&b);
    assess_year();
    /* 199 good; and 1 bad not turned: the rate check fails too */
    expect("3.1", JY_SCORE_FAILED, -1, 0.5);
    cr_assert_float_eq(ind("3.1")->checks[0].value, 199, 1e-9);
    cr_assert_float_eq(ind("3.1")->checks[1].value, 99.5, 1e-9);
    fx_update(JY_KIND_REVIEW, 200, "followed_up_on", "2026-05-04");
    fx_update(JY_KIND_REVIEW, 200, "follow_up_good", "true");
    assess_year();
    expect_met("3.1", 200);
}

Test(assess, r3_2_push_coverage)
{
    fx_import("{\"type\":\"jobseeker\",\"name\":\"甲\",\"registered_on\":\"2026-03-01\","
              "\"resume_on_platform\":true,\"in_county\":true}\n"
              "{\"type\":\"jobseeker\",\"name\":\"乙\",\"registered_on\":\"2026-03-02\","
              "\"resume_on_platform\":true,\"in_county\":true}\n"
              "{\"type\":\"jobseeker\",\"name\":\"丙\",\"registered_on\":\"2026-03-02\","
              "\"resume_on_platform\":true,\"in_county\":false}\n"
              "{\"type\":\"push\",\"jobseeker_id\":1,\"pushed_on\":\"2026-03-03\",\"posting_count\":5}");
    assess("2026-03-01", "2026-03-31");
    expect("3.2", JY_SCORE_FAILED, 50, 0.8); /* 0.5 + 0.5 x 50 %, to 0.8 */
    cr_assert_eq(ind("3.2")->checks[0].evidence.ids[0], 2);
    fx_import("{\"type\":\"push\",\"jobseeker_id\":2,\"pushed_on\":\"2026-03-04\",\"posting_count\":3}");
    assess("2026-03-01", "2026-03-31");
    expect_met("3.2", 100);
}

Test(assess, r3_3_postings_r3_4_job_fairs_each_month)
{
    fx_enterprises(2);
    fx_postings("2026-03-03", 0, 2, 300, "full_time");
    fx_postings("2026-04-03", 0, 2, 299, "full_time");
    fx_events("online_job_fair", "2026-03-20", 1, "");
    assess("2026-03-01", "2026-03-31");
    expect_met("3.3", 300);
    expect_met("3.4", 1);
    assess("2026-04-01", "2026-04-30");
    expect("3.3", JY_SCORE_FAILED, 299, 0.5);
    expect("3.4", JY_SCORE_FAILED, 0, 1);
}

Test(assess, r3_5_new_platform_enterprises)
{
    fx_buf b = { 0 };
    for (int i = 0; i < 100; i++)
        fx_add(&b, "{\"type\":\"enterprise\",\"name\":\"平台企业%d\",\"platform_registered_on\":"
                   "\"%s\"}", i, i ? "2026-06-01" : "2025-12-31");
    fx_flush(&b);
    assess_year();
    expect("3.5", JY_SCORE_FAILED, 99, 0.5);
    fx_import("{\"type\":\"enterprise\",\"name\":\"平台企业100\",\"platform_registered_on\":\"2026-12-31\"}");
    assess_year();
    expect_met("3.5", 100);
}

/* ---- Item 4 --------------------------------------------------------------- */

/* A recruitment push on every working day of March 2026 but `skip` (0: none). */
static void pushes_in_march(int skip)
{
    fx_buf b = { 0 };
    for (int d = 1; d <= 31; d++) {
        int wd = (d - 2 + 7) % 7; /* 2 March 2026 is a Monday */
        if (wd < 5 && d != skip)
            fx_add(&b, "{\"type\":\"event\",\"kind\":\"recruitment_push\",\"date\":\"2026-03-%02d\"}", d);
    }
    fx_flush(&b);
}

Test(assess, r4_1_push_every_working_day)
{
    pushes_in_march(17);
    assess("2026-03-01", "2026-03-31");
    const jy_score_indicator *si = ind("4.1");
    cr_assert_eq(si->checks[0].status, JY_SCORE_FAILED);
    cr_assert_eq(si->checks[0].judged_count, 22);
    cr_assert_str_eq(si->checks[0].evidence.failed_buckets, "2026-03-17");
    cr_assert_float_eq(si->deduction, 0.5, 1e-9);
    /* The yearly 300 is only progress in a month: 21 pushes in 31 days -> 247 a year. */
    cr_assert_eq(si->checks[1].status, JY_SCORE_WARNING);
    cr_assert_float_eq(si->checks[1].value, 21, 1e-9);
    cr_assert_float_eq(si->checks[1].projected, 21.0 * 365 / 90, 1e-6,
                       "year to date from 1 January: %g", si->checks[1].projected);
}

Test(assess, r4_1_make_up_working_day_counts)
{
    /* 14 February 2026, a Saturday, is a make-up working day (调休). */
    fx_events("recruitment_push", "2026-02-13", 1, "");
    assess("2026-02-14", "2026-02-14");
    expect("4.1", JY_SCORE_FAILED, 0, 1);
    cr_assert_eq(ind("4.1")->checks[0].judged_count, 1);
    /* 15 February is a Sunday: nothing to judge. */
    assess("2026-02-15", "2026-02-15");
    cr_assert_eq(ind("4.1")->checks[0].status, JY_SCORE_NOT_JUDGED);
}

Test(assess, r4_2_followers_r4_3_videos)
{
    fx_events("followers", "2026-06-30", 1, ",\"count\":4999");
    fx_events("video", "2026-05-01", 30, ",\"views\":5000");
    assess_year();
    expect("4.2", JY_SCORE_FAILED, 4999, 0.5);
    expect_met("4.3", 30);
    fx_events("followers", "2026-07-31", 1, ",\"count\":1");
    fx_update(JY_KIND_EVENT, 2, "views", "4999");
    assess_year();
    expect_met("4.2", 5000);
    expect("4.3", JY_SCORE_FAILED, 149999, 0.5);
}

Test(assess, r4_4_activity_post_every_week)
{
    fx_events("activity_post", "2026-03-06", 1, "");
    fx_events("activity_post", "2026-03-13", 1, "");
    fx_events("activity_post", "2026-03-20", 1, "");
    fx_events("activity_post", "2026-03-27", 1, "");
    assess("2026-03-01", "2026-03-31");
    expect_met("4.4", 1);
    assess("2026-03-01", "2026-04-12"); /* W14 (30 Mar - 5 Apr) and W15 without */
    expect("4.4", JY_SCORE_FAILED, 0, 0.7); /* 2 weeks of 6: 0.5 + 0.5 / 3, to 0.7 */
    cr_assert_str_eq(ind("4.4")->checks[0].evidence.failed_buckets, "2026-W14,2026-W15");
}

/* ---- Item 5 --------------------------------------------------------------- */

Test(assess, r5_1_live_shows_r5_4_visits)
{
    fx_events("live_show", "2026-04-01", 49, ",\"minutes\":90,\"jobs_shown\":30");
    fx_events("streamer_visit", "2026-04-02", 30, "");
    assess_year();
    expect("5.1", JY_SCORE_FAILED, 49, 0.5);
    expect_met("5.4", 30);
    fx_events("live_show", "2026-04-08", 1, ",\"minutes\":120,\"jobs_shown\":40");
    fx_update(JY_KIND_EVENT, 50, "date", "2027-01-01");
    assess_year();
    expect_met("5.1", 50);
    expect("5.4", JY_SCORE_FAILED, 29, 0.5);
}

Test(assess, r5_2_a_holiday_without_live_show)
{
    /* 劳动节 2026: 1-5 May. */
    assess("2026-05-01", "2026-05-31");
    expect("5.2", JY_SCORE_FAILED, 1, 0.6); /* 0.5 + 0.5 x 0.25 per holiday, to 0.6 */
    cr_assert_not_null(strstr(ind("5.2")->checks[0].evidence.note, "劳动节"));
    fx_events("live_show", "2026-05-03", 1, ",\"minutes\":90,\"jobs_shown\":30");
    assess("2026-05-01", "2026-05-31");
    expect_met("5.2", 0);
    /* Alone, over a year the calendar does not cover: an error naming the
     * year, not "no holiday missed". */
    jy_calendar *cal = NULL;
    cr_assert_eq(jy_calendar_load_default(&cal), JY_OK);
    jy_measure *m = NULL;
    cr_assert_eq(jy_metric_compute(&m, fx_db, "holidays_without_live_show", fx_date("2027-05-01"),
                                   fx_date("2027-05-31"), cal, fx_date("2026-01-01")),
                 JY_ERANGE);
    cr_assert_null(m);
    cr_assert_not_null(strstr(jy_error_last()->message, "2027"), "%s", jy_error_last()->message);
    jy_calendar_free(cal);
}

/* 5.3 with a county's own standard (rules' params: 60 minutes, 20 jobs). */
Test(assess, r5_3_with_a_county_standard)
{
    fx_events("live_show", "2026-03-04", 1, ",\"minutes\":60,\"jobs_shown\":20");
    fx_events("live_show", "2026-03-11", 1, ",\"minutes\":59,\"jobs_shown\":45");
    jy_measure *m = NULL;
    cr_assert_eq(jy_metric_compute(&m, fx_db, "live_shows_short", fx_date("2026-03-01"),
                                   fx_date("2026-03-31"), NULL, fx_date("2026-01-01")), JY_OK);
    cr_assert_eq(jy_measure_value(m), 2);
    cr_assert_str_eq(jy_measure_note(m), "");
    jy_measure_free(m);
    cr_assert_eq(jy_metric_compute_params(&m, fx_db, "live_shows_short", fx_date("2026-03-01"),
                                          fx_date("2026-03-31"), NULL, fx_date("2026-01-01"),
                                          "{\"min_minutes\": 60, \"min_jobs\": 20}"), JY_OK);
    cr_assert_eq(jy_measure_value(m), 1);
    cr_assert_eq(jy_measure_id_count(m), 1);
    cr_assert_eq(jy_measure_id_at(m, 0), 2);
    cr_assert_str_eq(jy_measure_note(m), "本细则标准：每场不少于60分钟、带岗不少于20个");
    jy_measure_free(m);
    /* the other parameter keeps the seed's value */
    cr_assert_eq(jy_metric_compute_params(&m, fx_db, "live_shows_short", fx_date("2026-03-01"),
                                          fx_date("2026-03-31"), NULL, fx_date("2026-01-01"),
                                          "{\"min_jobs\": 20}"), JY_OK);
    cr_assert_eq(jy_measure_value(m), 2);
    jy_measure_free(m);
    /* a metric without parameters takes none */
    cr_assert_eq(jy_metric_compute_params(&m, fx_db, "live_shows", fx_date("2026-03-01"),
                                          fx_date("2026-03-31"), NULL, fx_date("2026-01-01"),
                                          "{\"min_jobs\": 20}"), JY_EINVAL);
    cr_assert(strstr(jy_error_last()->message, "takes no parameters") != NULL, "%s",
              jy_error_last()->message);
    cr_assert_eq(jy_metric_compute_params(&m, fx_db, "live_shows", fx_date("2026-03-01"),
                                          fx_date("2026-03-31"), NULL, fx_date("2026-01-01"),
                                          ""), JY_OK);
    cr_assert_eq(jy_measure_value(m), 2);
    jy_measure_free(m);
}

Test(assess, r5_3_show_of_89_minutes_or_29_jobs)
{
    fx_events("live_show", "2026-03-04", 1, ",\"minutes\":90,\"jobs_shown\":30");
    assess("2026-03-01", "2026-03-31");
    expect_met("5.3", 0);
    fx_events("live_show", "2026-03-11", 1, ",\"minutes\":89,\"jobs_shown\":45");
    assess("2026-03-01", "2026-03-31");
    expect("5.3", JY_SCORE_FAILED, 1, 0.6);
    cr_assert_eq(ind("5.3")->checks[0].evidence.ids[0], 2);
    cr_assert_str_eq(ind("5.3")->checks[0].evidence.record_role, "failing");
    fx_events("live_show", "2026-03-18", 1, ",\"minutes\":120,\"jobs_shown\":29");
    assess("2026-03-01", "2026-03-31");
    expect("5.3", JY_SCORE_FAILED, 2, 0.8);
}

/* ---- Item 6 --------------------------------------------------------------- */

Test(assess, r6_1_team_and_lead)
{
    fx_events("team", "2026-01-05", 1, ",\"count\":11,\"success\":true,\"source\":\"花名册\"");
    assess("2026-03-01", "2026-03-31");
    expect("6.1", JY_SCORE_FAILED, 11, 0.7); /* 0.5 + 2.5 / 12, to 0.7 */
    fx_events("team", "2026-02-05", 1, ",\"count\":12");
    assess("2026-03-01", "2026-03-31");
    expect_met("6.1", 12);
    fx_events("team", "2026-03-05", 1, ",\"success\":false");
    assess("2026-03-01", "2026-03-31");
    expect("6.1", JY_SCORE_FAILED, 0, 3);
}

Test(assess, r6_2_first_tier_r15_1_rank_bonus)
{
    fx_events("ranking", "2027-01-20", 1, ",\"rank\":4");
    assess_year();
    expect("6.2", JY_SCORE_FAILED, 0, 3);
    cr_assert_float_eq(ind("15.1")->bonus, 0, 1e-9);
    fx_events("ranking", "2027-01-21", 1, ",\"rank\":2,\"source\":\"市人社局通报\"");
    assess_year();
    expect_met("6.2", 1);
    cr_assert_float_eq(ind("15.1")->bonus, 3, 1e-9);
    cr_assert_float_eq(jy_scorecard_bonus(card), 3, 1e-9);
    fx_events("ranking", "2027-01-22", 1, ",\"rank\":1");
    assess_year();
    cr_assert_float_eq(ind("15.1")->bonus, 5, 1e-9);
    /* Bonuses count in a contract year only. */
    assess("2026-12-01", "2026-12-31");
    cr_assert_eq(ind("15.1")->status, JY_SCORE_NOT_JUDGED);
    cr_assert_float_eq(jy_scorecard_bonus(card), 0, 1e-9);
}

Test(assess, r6_3_practices_and_media_r15_2_bonus)
{
    fx_events("featured_practice", "2026-04-01", 2, "");
    fx_events("media_report", "2026-05-01", 1, ",\"level\":\"city\"");
    assess_year();
    expect("6.3", JY_SCORE_FAILED, 0, 3);
    fx_events("media_report", "2026-06-01", 3, ",\"level\":\"provincial\"");
    assess_year();
    expect_met("6.3", 2);
    cr_assert_float_eq(ind("15.2")->bonus, 10, 1e-9, "3 reports: 2 beyond the required one");
    cr_assert_float_eq(jy_scorecard_bonus(card), 10, 1e-9);
}

/* ---- Item 7 --------------------------------------------------------------- */

Test(assess, r7_staff_survey_wechat_authorized)
{
    fx_buf b = { 0 };
    for (int i = 0; i < 600; i++)
        fx_add(&b, "{\"type\":\"enterprise\",\"name\":\"工业企业%d\",\"industrial\":%s,"
                   "\"wechat_joined_on\":\"2026-02-01\",\"authorized_on\":\"%s\"}",
               i, i ? "true" : "false", i < 100 ? "2026-03-01" : "2025-10-01");
    fx_flush(&b);
    for (int i = 1; i <= 600; i++)
        fx_add(&b, "{\"type\":\"staff_survey\",\"enterprise_id\":\"工业企业%d\","
                   "\"surveyed_on\":\"%s\",\"staff_count\":50}",
               i % 600, i == 600 ? "2026-09-01" : "2026-06-01");
    fx_flush(&b);
    fx_events("report", "2026-08-30", 1, ",\"report_kind\":\"staff_survey\"");
    assess_year();
    /* 600 surveys: 599 industrial enterprises by 31 August; 工业企业0 is not industrial */
    expect("7.1", JY_SCORE_FAILED, 599, 0.5);
    expect_met("7.2", 600);
    expect_met("7.3", 100);
    /* A second survey of the same enterprise and one after 31 August add nothing. */
    fx_import("{\"type\":\"staff_survey\",\"enterprise_id\":\"工业企业1\",\"surveyed_on\":\"2026-07-01\",\"staff_count\":5}\n"
              "{\"type\":\"enterprise\",\"name\":\"工业企业600\",\"industrial\":true}\n"
              "{\"type\":\"staff_survey\",\"enterprise_id\":\"工业企业600\",\"surveyed_on\":\"2026-09-01\",\"staff_count\":5}");
    assess_year();
    expect("7.1", JY_SCORE_FAILED, 599, 0.5);
    fx_import("{\"type\":\"enterprise\",\"name\":\"工业企业601\",\"industrial\":true}\n"
              "{\"type\":\"staff_survey\",\"enterprise_id\":\"工业企业601\",\"surveyed_on\":\"2026-08-01\",\"staff_count\":5}");
    assess_year();
    expect_met("7.1", 600);
    expect_met("7.2", 600); /* the new ones never joined the group */
}

Test(assess, r7_2_wechat_r7_3_authorized_narrowly_fail)
{
    fx_buf b = { 0 };
    for (int i = 0; i < 600; i++)
        fx_add(&b, "{\"type\":\"enterprise\",\"name\":\"企业%d\",\"wechat_joined_on\":\"%s\","
                   "\"authorized_on\":\"%s\"}",
               i, i ? "2026-02-01" : "2027-01-02", i < 99 ? "2026-03-01" : "2025-10-01");
    fx_flush(&b);
    assess_year();
    expect("7.2", JY_SCORE_FAILED, 599, 0.5);
    expect("7.3", JY_SCORE_FAILED, 99, 0.5);
}

/* ---- Item 13 -------------------------------------------------------------- */

Test(assess, r13_1_tea_meetings)
{
    fx_events("tea_meeting", "2026-02-10", 1, ",\"count\":10");
    fx_events("tea_meeting", "2026-05-10", 1, ",\"count\":9");
    fx_events("tea_meeting", "2026-11-10", 1, ",\"count\":10");
    assess("2026-01-01", "2026-03-31");
    expect_met("13.1", 10);
    assess("2026-04-01", "2026-06-30");
    expect("13.1", JY_SCORE_FAILED, 9, 0.5); /* one enterprise missing */
    assess("2026-07-01", "2026-09-30");
    expect("13.1", JY_SCORE_FAILED, 0, 2); /* no meeting: the quarter's 2 points */
    cr_assert_eq(ind("13.1")->checks[0].has_value, 1);
    assess_year();
    expect("13.1", JY_SCORE_FAILED, 0, 2.5);
    cr_assert_str_eq(ind("13.1")->checks[0].evidence.failed_buckets, "2026-Q2,2026-Q3");
    /* A month is no whole quarter: not judged. */
    assess("2026-08-01", "2026-08-31");
    cr_assert_eq(ind("13.1")->status, JY_SCORE_NOT_JUDGED);
    cr_assert_float_eq(ind("13.1")->deduction, 0, 1e-9);
}

Test(assess, r13_1_attendance_list_wins_over_count)
{
    fx_enterprises(12);
    fx_events("tea_meeting", "2026-02-10", 1, ",\"count\":10");
    fx_buf b = { 0 };
    for (int i = 0; i < 8; i++)
        fx_add(&b, "{\"type\":\"event_enterprise\",\"event_id\":1,\"enterprise_id\":\"企业%03d\"}", i);
    fx_flush(&b);
    assess("2026-01-01", "2026-03-31");
    expect("13.1", JY_SCORE_FAILED, 8, 1); /* 2 missing: 0.5 each */
    for (int i = 8; i < 12; i++)
        fx_add(&b, "{\"type\":\"event_enterprise\",\"event_id\":1,\"enterprise_id\":\"企业%03d\"}", i);
    fx_flush(&b);
    assess("2026-01-01", "2026-03-31");
    expect_met("13.1", 12);
}

/* ---- The card ------------------------------------------------------------- */

Test(assess, item_deductions_are_capped_at_the_items_points)
{
    assess_year(); /* an empty year fails almost everything */
    double sum = 0;
    for (size_t i = 0; i < jy_scorecard_item_count(card); i++) {
        const jy_score_item *it = jy_scorecard_item_at(card, i);
        double d = 0;
        for (size_t j = 0; j < it->indicator_count; j++)
            d += it->indicators[j].deduction;
        cr_assert_leq(it->deduction, it->rule->points + 1e-9);
        cr_assert_float_eq(it->deduction, d < it->rule->points ? d : it->rule->points, 1e-9);
        cr_assert_float_eq(it->score, it->rule->points - it->deduction, 1e-9);
        sum += it->deduction;
    }
    cr_assert_float_eq(jy_scorecard_deduction(card), sum, 1e-9);
    cr_assert_float_eq(jy_scorecard_total(card), 100 - sum, 1e-9);
    /* item 13: 4 quarters without a meeting lose the item's 8 points */
    cr_assert_float_eq(jy_scorecard_item_at(card, 12)->deduction, 8, 1e-9);
}

Test(assess, annual_targets_in_a_month_show_pace_and_do_not_deduct)
{
    fx_enterprises(2);
    fx_postings("2026-01-20", 0, 2, 100, "gig");
    assess("2026-01-01", "2026-01-31");
    cr_assert_not(jy_scorecard_is_annual(card));
    const jy_score_check *c = &ind("1.2")->checks[0];
    cr_assert_eq(c->status, JY_SCORE_ON_TRACK);
    cr_assert_float_eq(c->projected, 100.0 * 365 / 31, 1e-6);
    cr_assert_float_eq(ind("1.2")->deduction, 0, 1e-9);
    /* February adds nothing: year to date 100 in 59 days -> 619 a year, a warning */
    assess("2026-02-01", "2026-02-28");
    c = &ind("1.2")->checks[0];
    cr_assert_eq(c->status, JY_SCORE_WARNING);
    cr_assert_float_eq(c->value, 100, 1e-9);
    cr_assert_float_eq(c->projected, 100.0 * 365 / 59, 1e-6);
    cr_assert_float_eq(c->pace_needed, 900.0 * 30 / 306, 1e-6);
    cr_assert_float_eq(ind("1.2")->deduction, 0, 1e-9);
    cr_assert_eq(ind("1.2")->status, JY_SCORE_WARNING);
    /* Reached early: met, whatever the rest of the year brings. */
    fx_postings("2026-02-20", 0, 2, 900, "gig");
    assess("2026-02-01", "2026-02-28");
    cr_assert_eq(ind("1.2")->status, JY_SCORE_MET);
}

Test(assess, overrides_replace_the_deduction_and_keep_the_reason)
{
    fx_enterprises(49);
    fx_postings("2026-04-05", 0, 49, 100, "full_time");
    fx_import("{\"type\":\"override\",\"indicator\":\"1.1\",\"period_from\":\"2026-04-01\","
              "\"period_to\":\"2026-04-30\",\"deduction\":0,\"reason\":\"第50家企业岗位系统故障漏录，已核实\","
              "\"assessor\":\"王科长\",\"decided_on\":\"2026-05-06\"}\n"
              "{\"type\":\"override\",\"indicator\":\"1.1\",\"period_from\":\"2026-04-01\","
              "\"period_to\":\"2026-05-31\",\"deduction\":1,\"reason\":\"另一期间\","
              "\"decided_on\":\"2026-06-06\"}");
    assess("2026-04-01", "2026-04-30");
    const jy_score_indicator *si = ind("1.1");
    cr_assert(si->overridden);
    cr_assert_float_eq(si->computed_deduction, 0.5, 1e-9);
    cr_assert_float_eq(si->deduction, 0, 1e-9);
    cr_assert_str_eq(si->override_assessor, "王科长");
    cr_assert_not_null(strstr(si->override_reason, "漏录"));
    char *json = NULL;
    cr_assert_eq(jy_scorecard_to_json(&json, card), JY_OK);
    cr_assert_not_null(strstr(json, "漏录"));
    jy_free(json);
    /* A later decision for the same period wins. */
    fx_import("{\"type\":\"override\",\"indicator\":\"1.1\",\"period_from\":\"2026-04-01\","
              "\"period_to\":\"2026-04-30\",\"deduction\":0.8,\"reason\":\"复核后改为0.8分\","
              "\"decided_on\":\"2026-05-20\"}");
    assess("2026-04-01", "2026-04-30");
    cr_assert_float_eq(ind("1.1")->deduction, 0.8, 1e-9);
}

Test(assess, incidents_are_flagged)
{
    fx_import("{\"type\":\"incident\",\"kind\":\"data_leak\",\"date\":\"2026-06-03\","
              "\"description\":\"劳动力台账外发至无关微信群\"}\n"
              "{\"type\":\"incident\",\"kind\":\"public_opinion\",\"date\":\"2026-08-03\","
              "\"description\":\"舆情\"}");
    assess("2026-06-01", "2026-06-30");
    cr_assert_eq(jy_scorecard_incident_count(card), 1);
    const jy_score_incident *inc = jy_scorecard_incident_at(card, 0);
    cr_assert_str_eq(inc->kind, "data_leak");
    cr_assert_str_eq(inc->label, "数据泄露");
    cr_assert_eq(inc->date.day, 3);
    cr_assert_null(jy_scorecard_incident_at(card, 1));
    char *csv = NULL;
    cr_assert_eq(jy_scorecard_to_csv(&csv, card), JY_OK);
    cr_assert_not_null(strstr(csv, "数据泄露"));
    jy_free(csv);
    assess_year();
    cr_assert_eq(jy_scorecard_incident_count(card), 2);
}

Test(assess, a_period_the_calendar_does_not_cover_is_an_error)
{
    jy_assess_options o = JY_ASSESS_OPTIONS_INIT;
    o.contract_start = fx_date("2027-01-01");
    jy_scorecard *c = NULL;
    cr_assert_eq(jy_assess(&c, fx_db, fx_date("2027-01-01"), fx_date("2027-01-31"), &o),
                 JY_ERANGE);
    cr_assert_null(c);
    cr_assert_not_null(strstr(jy_error_last()->message, "2027"), "%s", jy_error_last()->message);
    /* A contract year starting in March 2026 runs into 2027. */
    o.contract_start = fx_date("2026-03-01");
    cr_assert_eq(jy_assess(&c, fx_db, fx_date("2026-03-01"), fx_date("2027-02-28"), &o),
                 JY_ERANGE);
    cr_assert_eq(jy_assess(&c, fx_db, fx_date("2026-03-02"), fx_date("2026-03-01"), NULL),
                 JY_EINVAL);
    cr_assert_eq(jy_assess(NULL, fx_db, fx_date("2026-03-01"), fx_date("2026-03-02"), NULL),
                 JY_EINVAL);
}

Test(assess, contract_year_comes_from_the_contract_ledger)
{
    jy_period p;
    jy_date any = { 0, 0, 0 };
    cr_assert_eq(jy_assess_contract_year(&p, fx_db, any), JY_ENOTFOUND);
    fx_import("{\"type\":\"contract\",\"name\":\"合同\",\"signed_on\":\"2026-01-01\"}");
    cr_assert_eq(jy_assess_contract_year(&p, fx_db, any), JY_OK);
    cr_assert_eq(p.to.year, 2026);
    cr_assert_eq(p.to.month, 12);
    cr_assert_eq(p.to.day, 31);
    jy_scorecard *c = NULL;
    cr_assert_eq(jy_assess(&c, fx_db, p.from, p.to, NULL), JY_OK, "%s", jy_error_last()->message);
    cr_assert(jy_scorecard_is_annual(c));
    jy_scorecard_free(c);
}

Test(assess, json_carries_the_catalogue_fields)
{
    fx_enterprises(49);
    fx_postings("2026-04-05", 0, 49, 60, "full_time");
    assess("2026-04-01", "2026-04-30");
    char *text = NULL;
    cr_assert_eq(jy_scorecard_to_json(&text, card), JY_OK);
    cJSON *root = cJSON_Parse(text);
    cr_assert_not_null(root);
    cr_assert(cJSON_IsNumber(cJSON_GetObjectItem(root, "total")));
    cr_assert(cJSON_IsNumber(cJSON_GetObjectItem(root, "bonus")));
    cr_assert(cJSON_IsArray(cJSON_GetObjectItem(root, "incidents")));
    cJSON *items = cJSON_GetObjectItem(root, "items");
    cr_assert_eq(cJSON_GetArraySize(items), 15);
    int subs = 0;
    cJSON *item;
    cJSON_ArrayForEach(item, items) {
        cr_assert(cJSON_IsNumber(cJSON_GetObjectItem(item, "id")));
        cr_assert(cJSON_IsNumber(cJSON_GetObjectItem(item, "deduction")));
        cr_assert(cJSON_IsNumber(cJSON_GetObjectItem(item, "score")));
        cJSON *s;
        cJSON_ArrayForEach(s, cJSON_GetObjectItem(item, "indicators")) {
            subs++;
            static const char *const keys[] = { "id", "value", "target", "met", "deduction",
                                                "evidence" };
            for (size_t k = 0; k < 6; k++)
                cr_assert_not_null(cJSON_GetObjectItem(s, keys[k]), "%s lacks %s",
                                   cJSON_GetObjectItem(s, "id")->valuestring, keys[k]);
        }
    }
    cr_assert_eq(subs, 48);
    cJSON *s11 = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(items, 0), "indicators"), 0);
    cr_assert_str_eq(cJSON_GetObjectItem(s11, "id")->valuestring, "1.1");
    cr_assert_eq(cJSON_GetObjectItem(s11, "value")->valuedouble, 49);
    cr_assert_eq(cJSON_GetObjectItem(s11, "target")->valuedouble, 50);
    cr_assert(cJSON_IsFalse(cJSON_GetObjectItem(s11, "met")));
    cr_assert_eq(cJSON_GetObjectItem(s11, "deduction")->valuedouble, 0.5);
    cJSON *ev = cJSON_GetObjectItem(s11, "evidence");
    cr_assert_str_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(ev, "failed_buckets"), 0)->valuestring,
                     "2026-04");
    cr_assert_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(ev, "records"), "total")->valuedouble, 49);
    /* A check carries the standards the rule set gave its metric (5.3: the
     * seed's 90 minutes and 30 jobs); a check without any carries none. */
    cJSON *s53 = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(items, 4), "indicators"), 2);
    cr_assert_str_eq(cJSON_GetObjectItem(s53, "id")->valuestring, "5.3");
    cJSON *params = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(s53, "checks"), 0),
                                        "params");
    cr_assert(cJSON_IsObject(params));
    cr_assert_eq(cJSON_GetObjectItem(params, "min_minutes")->valuedouble, 90);
    cr_assert_eq(cJSON_GetObjectItem(params, "min_jobs")->valuedouble, 30);
    cr_assert_null(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(s11, "checks"), 0),
                                       "params"));
    cJSON_Delete(root);
    jy_free(text);
}

Test(assess, csv_and_html_follow_the_seed_table)
{
    assess("2026-03-01", "2026-03-31");
    char *csv = NULL, *html = NULL;
    cr_assert_eq(jy_scorecard_to_csv(&csv, card), JY_OK);
    cr_assert_eq(memcmp(csv, "\xEF\xBB\xBF\"序号\",\"指标项\",\"考核内容\",\"评分标准\",\"考核说明\",\"考核得分\"\r\n",
                        strlen("\xEF\xBB\xBF\"序号\",\"指标项\",\"考核内容\",\"评分标准\",\"考核说明\",\"考核得分\"\r\n")),
                 0);
    cr_assert_not_null(strstr(csv, "\"13\",\"企业家餐（茶）叙会\""));
    cr_assert_not_null(strstr(csv, "\"合计\""));
    for (const char *p = csv; *p; p++)
        if (*p == '\n')
            cr_assert_eq(p[-1], '\r', "bare LF at offset %zu", (size_t)(p - csv));
    cr_assert_eq(jy_scorecard_to_html(&html, card), JY_OK);
    cr_assert_not_null(strstr(html, "<th>考核得分</th>"));
    cr_assert_not_null(strstr(html, "县级就业之家日常运营"));
    jy_free(csv);
    jy_free(html);
}

Test(assess, a_custom_rule_set_changes_targets)
{
    const char *rules =
        "{\"format\":\"jiuye-rules\",\"version\":1,\"name\":\"细化标准\",\"items\":["
        "{\"id\":1,\"name\":\"县级就业之家日常运营\",\"points\":10,\"indicators\":["
        "{\"id\":\"1.1\",\"checks\":[{\"metric\":\"posting_enterprises\",\"period\":\"month\","
        "\"target\":40}],\"deduction\":{\"min\":1,\"max\":1}}]}]}";
    jy_rules *r = NULL;
    jy_located_error err;
    cr_assert_eq(jy_rules_load_buffer(&r, rules, strlen(rules), &err), JY_OK, "%s", err.text);
    fx_enterprises(39);
    fx_postings("2026-04-05", 0, 39, 39, "full_time");
    jy_assess_options o = JY_ASSESS_OPTIONS_INIT;
    o.rules = r;
    o.contract_start = fx_date("2026-01-01");
    jy_scorecard *c = NULL;
    cr_assert_eq(jy_assess(&c, fx_db, fx_date("2026-04-01"), fx_date("2026-04-30"), &o), JY_OK);
    cr_assert_eq(jy_scorecard_item_count(c), 1);
    cr_assert_float_eq(jy_scorecard_find(c, "1.1")->deduction, 1, 1e-9);
    cr_assert_float_eq(jy_scorecard_total(c), 99, 1e-9);
    jy_scorecard_free(c);
    jy_rules_free(r);
}

/* 5.1 counts every show (the seed's scoring standard: 全年不少于50场); the
 * note counts those outside the slot of its service content (Wednesday, or
 * a public holiday's day off, 19:00-21:00) and those without a start time. */
Test(assess, r5_1_shows_outside_the_wednesday_evening_slot_are_noted)
{
    fx_events("live_show", "2026-04-01", 2, ",\"starts_at\":\"19:00\",\"minutes\":90,\"jobs_shown\":30");
    fx_events("live_show", "2026-04-02", 1, ",\"starts_at\":\"19:30\",\"minutes\":90,\"jobs_shown\":30");
    fx_events("live_show", "2026-05-03", 1, ",\"starts_at\":\"19:30\",\"minutes\":90,\"jobs_shown\":30");
    fx_events("live_show", "2026-04-08", 1, ",\"starts_at\":\"10:00\",\"minutes\":90,\"jobs_shown\":30");
    fx_events("live_show", "2026-04-15", 1, ",\"minutes\":90,\"jobs_shown\":30");
    assess_year();
    expect("5.1", JY_SCORE_FAILED, 6, 0.9); /* 0.5 + 0.5 x 44/50, to 0.9 */
    const char *note = ind("5.1")->checks[0].evidence.note;
    cr_assert(strstr(note, "19:00-21:00时段外2场、未记录开始时间1场") != NULL, "%s", note);
    /* all in the slot */
    fx_update(JY_KIND_EVENT, 3, "starts_at", "20:00");
    fx_update(JY_KIND_EVENT, 3, "date", "2026-04-22");
    fx_update(JY_KIND_EVENT, 5, "starts_at", "19:00");
    fx_update(JY_KIND_EVENT, 6, "starts_at", "19:10");
    fx_update(JY_KIND_EVENT, 6, "date", "2026-04-29");
    assess_year();
    note = ind("5.1")->checks[0].evidence.note;
    cr_assert(strstr(note, "时段外0场、未记录开始时间0场") != NULL, "%s", note);
}
