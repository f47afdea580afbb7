/* Metrics of item 14: the student volunteer team of about 50 in
 * July-August (14.1) and the ad-hoc tasks done on time (14.2). Each met and
 * narrowly failing. */
#include "metrics2_fixture.h"

TestSuite(metrics_other, .init = m2_open, .fini = m2_close);

/* ---- 14.1 ----------------------------------------------------------------- */

static int64_t volunteers(const char *on, int count)
{
    if (count < 0)
        return m2_add(JY_KIND_EVENT, "\"kind\": \"volunteer\", \"date\": \"%s\"", on);
    return m2_add(JY_KIND_EVENT,
                  "\"kind\": \"volunteer\", \"date\": \"%s\", \"title\": \"暑期大学生志愿者\", \"count\": %d",
                  on, count);
}

Test(metrics_other, volunteers_45_in_summer_met)
{
    int64_t a = volunteers("2026-07-03", 40);
    volunteers("2026-08-31", 4);
    volunteers("2026-08-20", -1); /* one more, recorded alone */
    volunteers("2026-06-30", 10); /* June: not the summer team */
    jy_measure *m = m2_measure("summer_volunteers", "2026-03-01", "2027-02-28");
    cr_assert(jy_measure_has_value(m));
    cr_assert_eq(jy_measure_value(m), 45);
    cr_assert_str_eq(jy_measure_record_kind(m), "event");
    cr_assert_eq(jy_measure_id_total(m), 3);
    cr_assert_eq(jy_measure_id_at(m, 0), a);
    jy_measure_free(m);
}

Test(metrics_other, volunteers_44_fails)
{
    volunteers("2026-07-03", 44);
    volunteers("2026-09-01", 6); /* September: too late */
    cr_assert_eq(m2_value("summer_volunteers", "2026-03-01", "2027-02-28"), 44);
    /* A period without July or August measures 0. */
    cr_assert_eq(m2_value("summer_volunteers", "2026-03-01", "2026-06-30"), 0);
}

/* ---- 14.2 ----------------------------------------------------------------- */

static int64_t task(const char *given, const char *due, const char *done)
{
    char extra[128] = "";
    if (due)
        snprintf(extra, sizeof extra, ", \"due_on\": \"%s\"", due);
    if (done)
        snprintf(extra + strlen(extra), sizeof extra - strlen(extra), ", \"done_on\": \"%s\"", done);
    return m2_add(JY_KIND_EVENT, "\"kind\": \"task\", \"date\": \"%s\", \"title\": \"报送材料\"%s",
                  given, extra);
}

Test(metrics_other, tasks_on_time_met)
{
    task("2026-04-01", "2026-04-10", "2026-04-10"); /* on the due day */
    task("2026-05-01", "2026-05-10", "2026-05-03");
    task("2026-06-01", NULL, "2026-06-20");         /* no due date, done in the period */
    task("2027-02-20", "2027-03-05", NULL);         /* due after the period */
    jy_measure *m = m2_measure("tasks_not_done_on_time", "2026-03-01", "2027-02-28");
    cr_assert(jy_measure_has_value(m));
    cr_assert_eq(jy_measure_value(m), 0);
    cr_assert(strstr(jy_measure_note(m), "到期临时性工作3件") != NULL, "%s", jy_measure_note(m));
    jy_measure_free(m);
}

Test(metrics_other, task_one_day_late_fails)
{
    task("2026-04-01", "2026-04-10", "2026-04-10");
    int64_t late = task("2026-05-01", "2026-05-10", "2026-05-11");
    int64_t undone = task("2026-06-01", "2026-06-05", NULL);
    jy_measure *m = m2_measure("tasks_not_done_on_time", "2026-03-01", "2027-02-28");
    cr_assert_eq(jy_measure_value(m), 2);
    cr_assert_str_eq(jy_measure_record_role(m), "failing");
    cr_assert(m2_lists(m, late) && m2_lists(m, undone));
    jy_measure_free(m);
    /* Each falls in the month of its due date. */
    cr_assert_eq(m2_value("tasks_not_done_on_time", "2026-05-01", "2026-05-31"), 1);
    cr_assert_eq(m2_value("tasks_not_done_on_time", "2026-04-01", "2026-04-30"), 0);
}

/* ---- Through the assessment (contract year 2026) --------------------------- */

Test(metrics_other, assess_14_1)
{
    volunteers("2026-07-03", 45);
    m2_assert_score(m2_score("14.1", "2026-01-01", "2026-12-31"), JY_SCORE_MET, 0);
}

Test(metrics_other, assess_14_1_44_volunteers)
{
    volunteers("2026-07-03", 44);
    const jy_score_indicator *si = m2_score("14.1", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 0.5);
    cr_assert_eq(si->checks[0].value, 44);
}

Test(metrics_other, assess_14_2)
{
    task("2026-04-01", "2026-04-10", "2026-04-10");
    m2_assert_score(m2_score("14.2", "2026-01-01", "2026-12-31"), JY_SCORE_MET, 0);
    task("2026-05-01", "2026-05-10", "2026-05-11"); /* a day late */
    m2_assert_score(m2_score("14.2", "2026-01-01", "2026-12-31"), JY_SCORE_FAILED, 0.5);
    task("2026-06-01", "2026-06-05", NULL); /* never done */
    m2_assert_score(m2_score("14.2", "2026-01-01", "2026-12-31"), JY_SCORE_FAILED, 1.0);
    /* The monthly scorecard of May deducts for May's late task only. */
    m2_assert_score(m2_score("14.2", "2026-05-01", "2026-05-31"), JY_SCORE_FAILED, 0.5);
}
