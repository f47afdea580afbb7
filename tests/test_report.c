/* Reports: each built-in report on a small hand-built ledger whose every
 * number is known; the generic shape and its builder; JSON; CSV (BOM, CRLF,
 * quoting); xlsx workbooks of reports and of ledgers (masked by default,
 * audited when not); the big screen's page. */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <jiuye.h>
#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[256];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/jiuye-test-report-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(report, .init = make_dir, .fini = remove_dir);

/* ---- The ledger --------------------------------------------------------------- */

#define D(y, m, d) ((jy_date){ (y), (m), (d) })

/* A valid ID number of Xingan (360824) for a birth date and a sequence. */
static void id_number(char out[19], const char *birth, int seq)
{
    static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    snprintf(out, 19, "360824%.4s%.2s%.2s%03d", birth, birth + 5, birth + 8, seq);
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (out[i] - '0') * w[i];
    out[17] = "10X98765432"[sum % 11];
    out[18] = '\0';
}

typedef struct person {
    const char *birth, *town, *surveyed, *rest;
} person;

/* A..G of the scenario (see the tests): birth date, township, survey date
 * and the other fields. */
static const person people[] = {
    /* A */ { "1990-01-01", "金川镇", "2026-04-10",
              "\"employment_status\":\"employed_county\",\"education\":\"junior\","
              "\"skills\":\"电焊、叉车\",\"needs_job\":true" },
    /* B */ { "2000-05-05", "金川镇", "2026-02-01",
              "\"employment_status\":\"unemployed\",\"education\":\"senior\",\"needs_job\":true,"
              "\"needs_training\":true,\"key_groups\":\"hard_to_employ、low_income\"" },
    /* C */ { "1985-07-07", "三湖镇", "2026-05-01",
              "\"employment_status\":\"employed_outside\",\"education\":\"junior\","
              "\"returnee\":true,\"wish_local\":true,\"needs_job\":true,\"skills\":\"电焊\","
              "\"key_groups\":\"returnee\",\"job\":\"电子厂操作工\"" },
    /* D */ { "1960-01-01", "三湖镇", "2026-04-01", "\"employment_status\":\"farming\"" },
    /* E */ { "2011-01-01", "三湖镇", "2026-04-01", "\"employment_status\":\"student\"" },
    /* F */ { "1995-03-03", "金川镇", "2026-07-15", "\"employment_status\":\"flexible\"" },
    /* G */ { "1992-02-02", "三湖镇", "2026-01-10", "\"employment_status\":\"flexible\"" },
};
enum { A, B, C, Dd, E, F, G, NPEOPLE };

static char ids[NPEOPLE][19];

static void import_ok(jy_db *db, const char *jsonl)
{
    jy_import_stats st;
    int rc = jy_import_buffer(&st, db, jsonl, strlen(jsonl), NULL);
    cr_assert_eq(rc, JY_OK, "import: %s", jy_error_last()->message);
    cr_assert_eq(st.rejected, 0);
}

static jy_db *open_scenario(const char *path)
{
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK, "%s", jy_error_last()->message);
    char *buf = malloc(65536);
    size_t n = 0;
    n += (size_t)snprintf(buf + n, 65536 - n,
                          "{\"type\":\"contract\",\"name\":\"合同\",\"signed_on\":\"2026-03-01\"}\n");
    for (int i = 0; i < NPEOPLE; i++) {
        id_number(ids[i], people[i].birth, 100 + i);
        n += (size_t)snprintf(buf + n, 65536 - n,
                              "{\"type\":\"labor\",\"id_number\":\"%s\",\"name\":\"某%c\","
                              "\"township\":\"%s\",\"surveyed_on\":\"%s\",%s}\n",
                              ids[i], 'A' + i, people[i].town, people[i].surveyed, people[i].rest);
    }
    /* Spot checks: A right, B wrong, C right (in the period); C again after it. */
    const char *checks[][3] = { { ids[A], "2026-05-01", "true" }, { ids[B], "2026-06-01", "false" },
                                { ids[C], "2026-04-20", "true" }, { ids[C], "2026-07-10", "false" } };
    for (int i = 0; i < 4; i++)
        n += (size_t)snprintf(buf + n, 65536 - n,
                              "{\"type\":\"verification\",\"labor_id\":\"%s\",\"checked_on\":\"%s\","
                              "\"accurate\":%s}\n",
                              checks[i][0], checks[i][1], checks[i][2]);
    /* 1311 services: B in the period, C before it; return assistance of C. */
    n += (size_t)snprintf(buf + n, 65536 - n,
                          "{\"type\":\"event\",\"kind\":\"service_1311\",\"date\":\"2026-05-10\","
                          "\"labor_id\":\"%s\",\"service_type\":\"policy_briefing\"}\n"
                          "{\"type\":\"event\",\"kind\":\"service_1311\",\"date\":\"2026-03-01\","
                          "\"labor_id\":\"%s\",\"service_type\":\"career_guidance\"}\n"
                          "{\"type\":\"event\",\"kind\":\"return_assistance\",\"date\":\"2026-06-01\","
                          "\"labor_id\":\"%s\",\"success\":true}\n",
                          ids[B], ids[C], ids[C]);
    /* Enterprises: two industrial, one not. */
    n += (size_t)snprintf(buf + n, 65536 - n,
        "{\"type\":\"enterprise\",\"name\":\"甲箱包\",\"industry\":\"luggage\",\"industrial\":true,"
        "\"township\":\"金川镇\",\"demand_ledger_on\":\"2026-04-01\"}\n"
        "{\"type\":\"enterprise\",\"name\":\"乙盐化\",\"industry\":\"salt_chemical\",\"industrial\":true,"
        "\"township\":\"三湖镇\",\"demand_ledger_on\":\"2026-01-01\"}\n"
        "{\"type\":\"enterprise\",\"name\":\"丙服务\",\"industry\":\"services\",\"industrial\":false,"
        "\"township\":\"三湖镇\"}\n"
        "{\"type\":\"staff_survey\",\"enterprise_id\":\"甲箱包\",\"surveyed_on\":\"2026-04-15\","
        "\"staff_count\":100,\"general_workers\":80,\"skilled_workers\":20,\"vacancies\":5}\n"
        "{\"type\":\"staff_survey\",\"enterprise_id\":\"甲箱包\",\"surveyed_on\":\"2026-07-20\","
        "\"staff_count\":120,\"general_workers\":90,\"skilled_workers\":30,\"vacancies\":0}\n"
        "{\"type\":\"posting\",\"enterprise_id\":\"甲箱包\",\"title\":\"车工\",\"kind\":\"full_time\","
        "\"worker_type\":\"general\",\"headcount\":5,\"published_on\":\"2026-04-02\"}\n"
        "{\"type\":\"posting\",\"enterprise_id\":\"甲箱包\",\"title\":\"机修\",\"kind\":\"full_time\","
        "\"worker_type\":\"skilled\",\"headcount\":2,\"published_on\":\"2026-05-02\"}\n"
        "{\"type\":\"posting\",\"enterprise_id\":\"乙盐化\",\"title\":\"装卸\",\"kind\":\"gig\","
        "\"headcount\":3,\"published_on\":\"2026-06-30\"}\n"
        "{\"type\":\"posting\",\"enterprise_id\":\"乙盐化\",\"title\":\"操作工\",\"kind\":\"full_time\","
        "\"headcount\":9,\"published_on\":\"2026-07-01\"}\n"
        "{\"type\":\"shortage\",\"enterprise_id\":\"甲箱包\",\"source\":\"qinqing_meeting\","
        "\"reported_on\":\"2026-04-05\",\"shortfall\":10,\"measures\":\"专场招聘会,线上推送\","
        "\"resolved_on\":\"2026-05-01\"}\n"
        "{\"type\":\"shortage\",\"enterprise_id\":\"甲箱包\",\"source\":\"leader_visit\","
        "\"reported_on\":\"2026-06-10\",\"shortfall\":4}\n"
        "{\"type\":\"shortage\",\"enterprise_id\":\"乙盐化\",\"source\":\"new_project\","
        "\"reported_on\":\"2026-03-15\",\"shortfall\":7}\n"
        "{\"type\":\"hire\",\"enterprise_id\":\"甲箱包\",\"started_on\":\"2026-02-01\"}\n"
        "{\"type\":\"hire\",\"enterprise_id\":\"甲箱包\",\"started_on\":\"2026-03-10\",\"left_on\":\"2026-05-01\"}\n"
        "{\"type\":\"hire\",\"enterprise_id\":\"甲箱包\",\"started_on\":\"2026-01-15\",\"dispatch\":true}\n"
        "{\"type\":\"hire\",\"enterprise_id\":\"乙盐化\",\"started_on\":\"2026-04-20\"}\n"
        "{\"type\":\"hire\",\"enterprise_id\":\"乙盐化\",\"started_on\":\"2026-05-05\",\"dispatch\":true}\n"
        "{\"type\":\"event\",\"kind\":\"live_show\",\"date\":\"2026-04-08\",\"minutes\":120,\"jobs_shown\":40}\n"
        "{\"type\":\"event\",\"kind\":\"live_show\",\"date\":\"2026-04-15\",\"minutes\":95,\"jobs_shown\":31}\n"
        "{\"type\":\"event\",\"kind\":\"live_show\",\"date\":\"2026-06-03\",\"minutes\":90,\"jobs_shown\":30}\n");
    import_ok(db, buf);
    /* G updated in the period: a change of employment status. */
    snprintf(buf, 65536,
             "{\"type\":\"labor\",\"id_number\":\"%s\",\"employment_status\":\"employed_county\","
             "\"surveyed_on\":\"2026-05-20\"}\n",
             ids[G]);
    import_ok(db, buf);
    free(buf);
    return db;
}

static jy_db *scenario(void)
{
    return open_scenario(":memory:");
}

static jy_report *build(jy_db *db, const char *kind, jy_date from, jy_date to)
{
    jy_report *r = NULL;
    cr_assert_eq(jy_report_build(&r, db, kind, from, to, NULL), JY_OK, "%s: %s", kind,
                 jy_error_last()->message);
    cr_assert_str_eq(jy_report_kind(r), kind);
    return r;
}

/* The cell of section `sec`, row whose first cell is `row`, column `col`. */
static const jy_report_cell *cell(const jy_report *r, const char *sec, const char *row,
                                  const char *col)
{
    size_t s = 0;
    cr_assert_eq(jy_report_find_section(&s, r, sec), JY_OK, "section %s", sec);
    size_t c = 0, nc = jy_report_column_count(r, s);
    while (c < nc && strcmp(jy_report_column_name(r, s, c), col))
        c++;
    cr_assert_lt(c, nc, "column %s of %s", col, sec);
    for (size_t i = 0; i < jy_report_row_count(r, s); i++)
        if (!strcmp(jy_report_cell_at(r, s, i, 0)->text, row))
            return jy_report_cell_at(r, s, i, c);
    cr_assert_fail("no row %s in %s", row, sec);
    return NULL;
}

static double num(const jy_report *r, const char *sec, const char *row, const char *col)
{
    const jy_report_cell *x = cell(r, sec, row, col);
    cr_assert_neq(x->type, JY_CELL_EMPTY, "%s/%s/%s is empty", sec, row, col);
    cr_assert_neq(x->type, JY_CELL_TEXT, "%s/%s/%s is text", sec, row, col);
    return x->number;
}

#define EQ(r, sec, row, col, v) \
    cr_assert_float_eq(num(r, sec, row, col), (double)(v), 1e-9, "%s/%s/%s = %g, not %g", sec, \
                       row, col, num(r, sec, row, col), (double)(v))

#define Q2_FROM D(2026, 4, 1)
#define Q2_TO D(2026, 6, 30)

/* ---- The reports ------------------------------------------------------------------ */

Test(report, quarterly_labor_counts_exactly)
{
    jy_db *db = scenario();
    jy_report *r = build(db, "quarterly_labor", Q2_FROM, Q2_TO);
    cr_assert_str_eq(jy_report_title(r), "全县劳动力资源信息季度专报表");
    /* 金川镇: A and B (F is surveyed after the period); 三湖镇: C and G (D is 66,
     * E is 15 on 30 June). */
    EQ(r, "employment", "金川镇", "total", 2);
    EQ(r, "employment", "三湖镇", "total", 2);
    EQ(r, "employment", "合计", "total", 4);
    EQ(r, "employment", "金川镇", "employed_county", 1);
    EQ(r, "employment", "金川镇", "unemployed", 1);
    EQ(r, "employment", "三湖镇", "employed_outside", 1);
    EQ(r, "employment", "三湖镇", "employed_county", 1); /* G, as updated */
    EQ(r, "employment", "三湖镇", "flexible", 0);
    EQ(r, "employment", "三湖镇", "farming", 0);         /* D is not counted */
    EQ(r, "employment", "洋峰街道", "total", 0);
    EQ(r, "employment", "合计", "not_given", 0);
    EQ(r, "education", "金川镇", "junior", 1);
    EQ(r, "education", "金川镇", "senior", 1);
    EQ(r, "education", "三湖镇", "not_given", 1); /* G gave none */
    EQ(r, "skills_needs", "金川镇", "with_skills", 1);
    EQ(r, "skills_needs", "金川镇", "needs_job", 2);
    EQ(r, "skills_needs", "金川镇", "needs_training", 1);
    EQ(r, "skills_needs", "三湖镇", "needs_job", 1);
    EQ(r, "skills_needs", "合计", "needs_entrepreneurship", 0);
    EQ(r, "key_groups", "金川镇", "key_group_persons", 1);
    EQ(r, "key_groups", "金川镇", "hard_to_employ", 1);
    EQ(r, "key_groups", "金川镇", "low_income", 1);
    EQ(r, "key_groups", "三湖镇", "returnee", 1);
    EQ(r, "key_groups", "合计", "key_group_persons", 2);
    EQ(r, "key_groups", "合计", "returnee_flag", 1);
    /* Added: A and C (first surveyed in the period); updated: G; B is older. */
    EQ(r, "updates", "金川镇", "added", 1);
    EQ(r, "updates", "三湖镇", "added", 1);
    EQ(r, "updates", "三湖镇", "updated", 1);
    EQ(r, "updates", "合计", "updated", 1);
    /* Spot checks in the period: A right, B wrong (金川镇), C right (三湖镇). */
    EQ(r, "updates", "金川镇", "checked", 2);
    EQ(r, "updates", "金川镇", "accurate", 1);
    EQ(r, "updates", "金川镇", "accuracy", 0.5);
    EQ(r, "updates", "三湖镇", "accuracy", 1.0);
    EQ(r, "updates", "合计", "checked", 3);
    EQ(r, "updates", "合计", "accuracy", 2.0 / 3.0);
    cr_assert_str_eq(cell(r, "updates", "合计", "accuracy")->text, "66.7%");
    cr_assert_eq(cell(r, "updates", "洋峰街道", "accuracy")->type, JY_CELL_EMPTY,
                 "no checks: no rate, not 0 %%");
    /* The most frequent skills. */
    size_t s = 0;
    cr_assert_eq(jy_report_find_section(&s, r, "top_skills"), JY_OK);
    cr_assert_eq(jy_report_row_count(r, s), 2);
    cr_assert_str_eq(jy_report_cell_at(r, s, 0, 1)->text, "电焊");
    cr_assert_float_eq(jy_report_cell_at(r, s, 0, 2)->number, 2, 1e-9);
    cr_assert_str_eq(jy_report_cell_at(r, s, 1, 1)->text, "叉车");
    jy_report_free(r);

    /* A quarter earlier: B (surveyed in February) and G (entered on 10
     * January: its update in May moved its survey date, not its entry date,
     * labor.entered_on) are on the ledger by 31 March, both added then. */
    r = build(db, "quarterly_labor", D(2026, 1, 1), D(2026, 3, 31));
    EQ(r, "employment", "合计", "total", 2);
    EQ(r, "updates", "合计", "added", 2);
    EQ(r, "updates", "合计", "updated", 0);
    EQ(r, "updates", "合计", "checked", 0);
    jy_report_free(r);
    jy_db_close(db);
}

Test(report, returnee_monthly_counts_exactly)
{
    jy_db *db = scenario();
    jy_report *r = build(db, "returnee_monthly", D(2026, 5, 1), D(2026, 5, 31));
    EQ(r, "employment", "三湖镇", "total", 1);
    EQ(r, "employment", "三湖镇", "employed_outside", 1);
    EQ(r, "employment", "合计", "total", 1);
    EQ(r, "employment", "金川镇", "total", 0);
    EQ(r, "skills_wishes", "三湖镇", "with_skills", 1);
    EQ(r, "skills_wishes", "三湖镇", "wish_local", 1);
    EQ(r, "skills_wishes", "三湖镇", "wish_local_rate", 1.0);
    EQ(r, "skills_wishes", "三湖镇", "needs_job", 1);
    EQ(r, "skills_wishes", "三湖镇", "added", 1);
    size_t s = 0;
    cr_assert_eq(jy_report_find_section(&s, r, "jobs"), JY_OK);
    cr_assert_eq(jy_report_row_count(r, s), 1);
    cr_assert_str_eq(jy_report_cell_at(r, s, 0, 1)->text, "电子厂操作工");
    jy_report_free(r);
    /* April: C is not surveyed yet. */
    r = build(db, "returnee_monthly", D(2026, 4, 1), D(2026, 4, 30));
    EQ(r, "employment", "合计", "total", 0);
    jy_report_free(r);
    jy_db_close(db);
}

Test(report, labor_service_counts_exactly)
{
    jy_db *db = scenario();
    jy_report *r = build(db, "quarterly_labor_service", Q2_FROM, Q2_TO);
    /* Key-group persons: B (hard to employ, low income) and C (returnee). */
    EQ(r, "key_groups", "合计", "persons", 2);
    EQ(r, "key_groups", "合计", "served", 2);
    EQ(r, "key_groups", "合计", "coverage", 1.0);
    EQ(r, "key_groups", "合计", "served_in_period", 1); /* B; C was served in March */
    EQ(r, "key_groups", "合计", "employed", 1);         /* C works outside the province */
    EQ(r, "key_groups", "就业困难人员", "persons", 1);
    EQ(r, "key_groups", "就业困难人员", "served_in_period", 1);
    EQ(r, "key_groups", "返乡人员", "served_in_period", 0);
    EQ(r, "key_groups", "高校毕业生", "persons", 0);
    EQ(r, "key_groups_by_township", "金川镇", "total", 2);
    EQ(r, "key_groups_by_township", "金川镇", "persons", 1);
    EQ(r, "key_groups_by_township", "三湖镇", "coverage", 1.0);
    /* Return assistance: C is the one target, assisted and employed. */
    EQ(r, "return_assistance", "三湖镇", "targets", 1);
    EQ(r, "return_assistance", "三湖镇", "assisted", 1);
    EQ(r, "return_assistance", "三湖镇", "employed_rate", 1.0);
    EQ(r, "return_assistance", "合计", "times_in_period", 1);
    EQ(r, "services", "政策宣讲", "times", 1);
    EQ(r, "services", "合计", "persons", 1);
    jy_report_free(r);
    /* In March only C was served, and not yet assisted. */
    r = build(db, "quarterly_labor_service", D(2026, 1, 1), D(2026, 3, 31));
    EQ(r, "key_groups", "合计", "persons", 1); /* B; C is surveyed in May */
    EQ(r, "key_groups", "合计", "served", 0);
    EQ(r, "key_groups", "合计", "coverage", 0.0);
    jy_report_free(r);
    jy_db_close(db);
}

Test(report, staff_survey_counts_exactly)
{
    jy_db *db = scenario();
    jy_report *r = build(db, "staff_survey", Q2_FROM, Q2_TO);
    EQ(r, "coverage", "工业企业总数", "value", 2);
    EQ(r, "coverage", "摸排目标(家)", "value", 600);
    EQ(r, "coverage", "截至期末已摸排企业", "value", 1);
    EQ(r, "coverage", "目标完成率", "value", 1.0 / 600.0);
    cr_assert_str_eq(cell(r, "coverage", "8月31日前完成率", "value")->text, "未到期");
    EQ(r, "coverage", "本期摸排(含动态更新)企业", "value", 1);
    /* The latest survey by 30 June: 100 staff, not the 120 of July. */
    EQ(r, "by_industry", "箱包", "staff", 100);
    EQ(r, "by_industry", "箱包", "general_workers", 80);
    EQ(r, "by_industry", "箱包", "vacancies", 5);
    EQ(r, "by_industry", "盐化", "surveyed", 0);
    EQ(r, "by_industry", "合计", "enterprises", 2);
    EQ(r, "by_township", "金川镇", "staff", 100);
    EQ(r, "by_township", "三湖镇", "enterprises", 1);
    jy_report_free(r);
    /* After 31 August: the deadline's figure, the latest survey, a target of 1. */
    jy_report_options o = JY_REPORT_OPTIONS_INIT;
    o.staff_survey_target = 1;
    cr_assert_eq(jy_report_build(&r, db, "staff_survey", D(2026, 7, 1), D(2026, 9, 30), &o), JY_OK);
    EQ(r, "coverage", "截至2026年8月31日已摸排企业", "value", 1);
    EQ(r, "coverage", "8月31日前完成率", "value", 1.0);
    EQ(r, "by_industry", "箱包", "staff", 120);
    jy_report_free(r);
    jy_db_close(db);
}

Test(report, enterprise_service_counts_exactly)
{
    jy_db *db = scenario();
    jy_report *r = build(db, "quarterly_enterprise_service", Q2_FROM, Q2_TO);
    EQ(r, "demand", "纳入用工需求台账企业(截至期末)", "value", 2);
    EQ(r, "demand", "其中本期新纳入", "value", 1);
    EQ(r, "demand", "本期发布岗位", "value", 3);
    EQ(r, "demand", "本期岗位招聘人数", "value", 10);
    EQ(r, "demand", "本期发布岗位企业", "value", 2);
    EQ(r, "demand", "其中普工岗位", "value", 1);
    EQ(r, "demand", "其中技工岗位", "value", 1);
    EQ(r, "demand", "其中零工岗位", "value", 1);
    EQ(r, "shortage_by_source", "亲清恳谈会", "complaints", 1);
    EQ(r, "shortage_by_source", "亲清恳谈会", "resolved", 1);
    EQ(r, "shortage_by_source", "县领导包保走访", "unresolved", 1);
    EQ(r, "shortage_by_source", "新引进投产项目", "complaints", 0); /* March */
    EQ(r, "shortage_by_source", "合计", "complaints", 2);
    EQ(r, "shortage_by_source", "合计", "enterprises", 1);
    EQ(r, "shortage_by_source", "合计", "shortfall", 14);
    EQ(r, "shortage_by_source", "合计", "resolved_rate", 0.5);
    cr_assert_str_eq(cell(r, "shortage_list", "甲箱包", "measures")->text, "专场招聘会,线上推送");
    size_t s = 0;
    cr_assert_eq(jy_report_find_section(&s, r, "shortage_list"), JY_OK);
    cr_assert_eq(jy_report_row_count(r, s), 2);
    cr_assert_str_eq(jy_report_cell_at(r, s, 0, 6)->text, "已解决");
    cr_assert_str_eq(jy_report_cell_at(r, s, 1, 6)->text, "未解决");
    /* 甲箱包 is on the list twice in the contract year (from 1 March). */
    cr_assert_eq(jy_report_find_section(&s, r, "repeated"), JY_OK);
    cr_assert_eq(jy_report_row_count(r, s), 1);
    EQ(r, "repeated", "甲箱包", "times", 2);
    /* Hires: two reach three months in the period at 甲箱包 (one left
     * early); the dispatch hire of January does not count. */
    EQ(r, "hires", "箱包", "due", 2);
    EQ(r, "hires", "箱包", "retained", 1);
    EQ(r, "hires", "箱包", "retention", 0.5);
    EQ(r, "hires", "盐化", "hired", 2);
    EQ(r, "hires", "盐化", "dispatch", 1);
    EQ(r, "hires", "合计", "hired", 2);
    EQ(r, "hires", "合计", "due", 2);
    jy_report_free(r);
    jy_db_close(db);
}

Test(report, bad_arguments)
{
    jy_db *db = scenario();
    jy_report *r = (jy_report *)1;
    cr_assert_eq(jy_report_build(&r, db, "no_such_report", Q2_FROM, Q2_TO, NULL), JY_ENOTFOUND);
    cr_assert_null(r);
    cr_assert_eq(jy_report_build(&r, db, "quarterly_labor", Q2_TO, Q2_FROM, NULL), JY_EINVAL);
    cr_assert_eq(jy_report_build(&r, db, "quarterly_labor", D(2026, 2, 30), Q2_TO, NULL), JY_EINVAL);
    cr_assert_eq(jy_report_build(&r, NULL, "quarterly_labor", Q2_FROM, Q2_TO, NULL), JY_EINVAL);
    jy_report_options o = JY_REPORT_OPTIONS_INIT;
    o.version = 99;
    cr_assert_eq(jy_report_build(&r, db, "quarterly_labor", Q2_FROM, Q2_TO, &o), JY_EINVAL);
    cr_assert_eq(jy_report_kind_count(), 8);
    for (size_t i = 0; i < jy_report_kind_count(); i++) {
        cr_assert_not_null(jy_report_kind_title(jy_report_kind_at(i)));
        cr_assert_eq(jy_report_build(&r, db, jy_report_kind_at(i), Q2_FROM, Q2_TO, NULL), JY_OK);
        cr_assert_geq(jy_report_section_count(r),
                      strcmp(jy_report_kind_at(i), "scorecard") ? 2 : 1);
        jy_report_free(r);
    }
    cr_assert_null(jy_report_kind_at(8));
    jy_report_free(NULL);
    jy_db_close(db);
}

/* ---- The shape, JSON, CSV ------------------------------------------------------------ */

static jy_report *small_report(void)
{
    jy_report *r = NULL;
    cr_assert_eq(jy_report_new(&r, "test", "测试报表", D(2026, 1, 1), D(2026, 3, 31)), JY_OK);
    size_t s = 0, row = 0;
    cr_assert_eq(jy_report_add_section(&s, r, "t", "表一", "注: 示例"), JY_OK);
    cr_assert_eq(jy_report_add_column(r, s, "name", "名称"), JY_OK);
    cr_assert_eq(jy_report_add_column(r, s, "n", "数量"), JY_OK);
    cr_assert_eq(jy_report_add_column(r, s, "rate", "比例"), JY_OK);
    cr_assert_eq(jy_report_add_row(&row, r, s, 0), JY_OK);
    cr_assert_eq(jy_report_set_text(r, s, row, 0, "甲,\"乙\"\n丙"), JY_OK);
    cr_assert_eq(jy_report_set_number(r, s, row, 1, JY_CELL_INTEGER, 12), JY_OK);
    cr_assert_eq(jy_report_set_number(r, s, row, 2, JY_CELL_PERCENT, 0.9345), JY_OK);
    cr_assert_eq(jy_report_add_row(&row, r, s, 1), JY_OK);
    cr_assert_eq(jy_report_set_text(r, s, row, 0, "合计"), JY_OK);
    cr_assert_eq(jy_report_set_number(r, s, row, 1, JY_CELL_INTEGER, 12), JY_OK);
    cr_assert_eq(jy_report_add_note(r, "说明一"), JY_OK);
    return r;
}

Test(report, builder_checks_its_arguments)
{
    jy_report *r = small_report();
    cr_assert_eq(jy_report_add_column(r, 0, "late", "迟"), JY_EINVAL, "columns before rows");
    cr_assert_eq(jy_report_set_text(r, 0, 9, 0, "x"), JY_EINVAL);
    cr_assert_eq(jy_report_set_number(r, 0, 0, 1, JY_CELL_TEXT, 1), JY_EINVAL);
    cr_assert_eq(jy_report_set_text(r, 0, 0, 0, "\xff"), JY_EUTF8);
    cr_assert_str_eq(jy_report_cell_at(r, 0, 0, 0)->text, "甲,\"乙\"\n丙", "unchanged");
    cr_assert_eq(jy_report_add_row(NULL, r, 7, 0), JY_EINVAL);
    cr_assert_null(jy_report_cell_at(r, 0, 0, 3));
    cr_assert_eq(jy_report_cell_at(r, 0, 1, 2)->type, JY_CELL_EMPTY);
    cr_assert_str_eq(jy_report_cell_at(r, 0, 1, 2)->text, "");
    cr_assert_str_eq(jy_report_cell_at(r, 0, 0, 2)->text, "93.5%");
    cr_assert(jy_report_row_is_total(r, 0, 1));
    jy_report *bad = NULL;
    cr_assert_eq(jy_report_new(&bad, "x", "y", D(2026, 3, 1), D(2026, 2, 1)), JY_EINVAL);
    jy_report_free(r);
}

Test(report, json_document)
{
    jy_report *r = small_report();
    char *json = NULL;
    cr_assert_eq(jy_report_to_json(&json, r), JY_OK);
    cJSON *o = cJSON_Parse(json);
    cr_assert_not_null(o);
    cr_assert_str_eq(cJSON_GetObjectItem(o, "title")->valuestring, "测试报表");
    cr_assert_str_eq(cJSON_GetObjectItem(o, "from")->valuestring, "2026-01-01");
    cJSON *sec = cJSON_GetArrayItem(cJSON_GetObjectItem(o, "sections"), 0);
    cJSON *row = cJSON_GetArrayItem(cJSON_GetObjectItem(sec, "rows"), 0);
    cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(sec, "rows")), 1, "totals apart");
    cr_assert_float_eq(cJSON_GetObjectItem(row, "n")->valuedouble, 12, 1e-9);
    cr_assert_float_eq(cJSON_GetObjectItem(row, "rate")->valuedouble, 0.9345, 1e-9);
    cJSON *totals = cJSON_GetObjectItem(sec, "totals");
    cr_assert(cJSON_IsNull(cJSON_GetObjectItem(totals, "rate")));
    cr_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(sec, "columns"), 1),
                                         "label")->valuestring, "数量");
    cJSON_Delete(o);
    jy_free(json);
    jy_report_free(r);
}

Test(report, csv_for_excel)
{
    jy_report *r = small_report();
    char *csv = NULL;
    size_t len = 0;
    cr_assert_eq(jy_report_to_csv(&csv, &len, r), JY_OK);
    cr_assert_eq(strlen(csv), len);
    cr_assert(!memcmp(csv, "\xEF\xBB\xBF", 3), "UTF-8 byte-order mark");
    size_t bare = 0;
    for (size_t i = 0; i < len; i++)
        bare += csv[i] == '\n' && (i == 0 || csv[i - 1] != '\r');
    cr_assert_eq(bare, 1, "CRLF line ends; the one bare LF is inside the quoted cell");
    const char *expect =
        "\xEF\xBB\xBF测试报表\r\n统计期间: 2026-01-01 至 2026-03-31\r\n\r\n表一\r\n名称,数量,比例\r\n"
        "\"甲,\"\"乙\"\"\n丙\",12,93.5%\r\n合计,12,\r\n注: 示例\r\n\r\n说明\r\n说明一\r\n";
    cr_assert_str_eq(csv, expect);
    char path[300];
    snprintf(path, sizeof path, "%s/r.csv", dir);
    cr_assert_eq(jy_report_write_csv(r, path), JY_OK);
    FILE *f = fopen(path, "rb");
    char back[512] = { 0 };
    size_t n = fread(back, 1, sizeof back - 1, f);
    fclose(f);
    cr_assert_eq(n, len);
    cr_assert_str_eq(back, expect);
    snprintf(path, sizeof path, "%s/no/such/dir/r.csv", dir);
    cr_assert_eq(jy_report_write_csv(r, path), JY_EIO);
    jy_free(csv);
    jy_report_free(r);
}

/* ---- Workbooks ------------------------------------------------------------------------- */

/* The text of a member of a zip file (unzip -p), or NULL. */
static char *unzip_member(const char *zip, const char *member)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s' 2>/dev/null", zip, member);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while ((k = fread(buf + n, 1, cap - n - 1, p)) > 0) {
        n += k;
        if (n + 1 == cap)
            buf = realloc(buf, cap *= 2);
    }
    buf[n] = '\0';
    int status = pclose(p);
    if (status != 0 || n == 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

Test(report, xlsx_workbook_of_reports)
{
    if (!jy_xlsx_available()) {
        jy_report *r = small_report();
        const jy_report *one[1] = { r };
        cr_assert_eq(jy_report_write_xlsx(one, 1, "/tmp/x.xlsx"), JY_ENOTSUP);
        cr_assert(strstr(jy_error_last()->message, "libxlsxwriter"));
        jy_report_free(r);
        cr_skip_test("built without libxlsxwriter");
    }
    jy_db *db = scenario();
    jy_report *a = build(db, "quarterly_labor", Q2_FROM, Q2_TO);
    jy_report *b = build(db, "quarterly_enterprise_service", Q2_FROM, Q2_TO);
    const jy_report *both[2] = { a, b };
    char path[300];
    snprintf(path, sizeof path, "%s/reports.xlsx", dir);
    cr_assert_eq(jy_report_write_xlsx(both, 2, path), JY_OK, "%s", jy_error_last()->message);
    char *wb = unzip_member(path, "xl/workbook.xml");
    cr_assert_not_null(wb, "a zip with xl/workbook.xml");
    cr_assert(strstr(wb, "全县劳动力资源信息季度专报表"), "sheets named after the reports");
    cr_assert(strstr(wb, "企业用工服务季度报告"));
    char *strings = unzip_member(path, "xl/sharedStrings.xml");
    cr_assert_not_null(strings);
    cr_assert(strstr(strings, "乡镇") && strstr(strings, "信息准确率") && strstr(strings, "金川镇"));
    char *sheet = unzip_member(path, "xl/worksheets/sheet1.xml");
    cr_assert_not_null(sheet);
    cr_assert(strstr(sheet, "<v>0.66666666666666"), "the accuracy as a number, not text");
    free(wb);
    free(strings);
    free(sheet);
    cr_assert_eq(jy_report_write_xlsx(both, 0, path), JY_EINVAL);
    jy_report_free(a);
    jy_report_free(b);
    jy_db_close(db);
}

static int64_t audit_count(const char *db_path)
{
    sqlite3 *c = NULL;
    cr_assert_eq(sqlite3_open(db_path, &c), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(c, "SELECT count(*) FROM audit WHERE action = 'export_unmasked' "
                                       "AND detail LIKE 'xlsx%'", -1, &st, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(c);
    return n;
}

Test(report, xlsx_ledger_masked_unless_asked)
{
    if (!jy_xlsx_available())
        cr_skip_test("built without libxlsxwriter");
    char db_path[300], path[300];
    snprintf(db_path, sizeof db_path, "%s/ledger.db", dir);
    snprintf(path, sizeof path, "%s/labor.xlsx", dir);
    jy_db *db = open_scenario(db_path);
    jy_export_options o = JY_EXPORT_OPTIONS_INIT;
    o.kind = JY_KIND_LABOR;
    size_t n = 0;
    cr_assert_eq(jy_export_file(&n, db, path, &o), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(n, NPEOPLE);
    char *sheet = unzip_member(path, "xl/worksheets/sheet1.xml");
    cr_assert_not_null(sheet);
    cr_assert(strstr(sheet, "身份证号") && strstr(sheet, "就业状况"), "Chinese headers");
    char masked[19];
    snprintf(masked, sizeof masked, "360824**********%c%c", ids[A][16], ids[A][17]);
    cr_assert(strstr(sheet, masked), "ID numbers masked by default");
    cr_assert_null(strstr(sheet, ids[A]), "no ID number in clear");
    cr_assert(strstr(sheet, "县内就业"), "enumerations as their labels");
    free(sheet);
    cr_assert_eq(audit_count(db_path), 0);

    o.flags = JY_EXPORT_UNMASK;
    cr_assert_eq(jy_export_file(&n, db, path, &o), JY_OK);
    sheet = unzip_member(path, "xl/worksheets/sheet1.xml");
    cr_assert(strstr(sheet, ids[A]), "unmasked on request");
    free(sheet);
    cr_assert_eq(audit_count(db_path), 1, "the unmasked export is audited");

    /* Every kind: a sheet each. */
    o.flags = 0;
    o.kind = (jy_kind)0;
    o.format = JY_FORMAT_XLSX;
    snprintf(path, sizeof path, "%s/all.data", dir);
    cr_assert_eq(jy_export_file(&n, db, path, &o), JY_OK, "%s", jy_error_last()->message);
    char *wb = unzip_member(path, "xl/workbook.xml");
    cr_assert(wb && strstr(wb, "劳动力资源信息") && strstr(wb, "缺工诉求"));
    free(wb);
    /* Not to a buffer. */
    char *buf = NULL;
    cr_assert_eq(jy_export_buffer(&buf, NULL, NULL, db, &o), JY_EINVAL);
    jy_db_close(db);
}

/* ---- The big screen ---------------------------------------------------------------------- */

Test(report, dashboard_page)
{
    jy_db *db = scenario();
    jy_dashboard *d = NULL;
    cr_assert_eq(jy_dashboard_new(&d, db, Q2_FROM, Q2_TO), JY_OK, "%s", jy_error_last()->message);
    const jy_report *data = jy_dashboard_data(d);
    EQ(data, "postings_by_month", "2026-04", "postings", 1);
    EQ(data, "postings_by_month", "2026-06", "headcount", 3);
    EQ(data, "postings_by_month", "合计", "postings", 3);
    EQ(data, "live_shows_by_month", "2026-04", "shows", 2);
    EQ(data, "live_shows_by_month", "2026-05", "shows", 0);
    EQ(data, "live_shows_by_month", "合计", "minutes", 305);
    EQ(data, "labor_by_township", "金川镇", "total", 2);
    EQ(data, "key_group_coverage", "合计", "coverage", 1.0);
    EQ(data, "kpi", "推荐入职(人,不含派遣)", "value", 1);
    EQ(data, "kpi", "直播带岗(场)", "value", 3);
    char *html = NULL;
    cr_assert_eq(jy_dashboard_to_html(&html, NULL, d), JY_OK);
    cr_assert(!strncmp(html, "<!DOCTYPE html>", 15));
    cr_assert(strstr(html, "每月发布岗位") && strstr(html, "劳动力资源信息(按乡镇)") &&
              strstr(html, "重点群体1311服务覆盖率") && strstr(html, "每月直播带岗") &&
              strstr(html, "金川镇"));
    cr_assert(strstr(html, "<svg"), "inline SVG charts");
    cr_assert_null(strstr(html, "<script"), "no scripts");
    cr_assert_null(strstr(html, "http"), "no network");
    cr_assert_null(strstr(html, "考核指标进度"), "no indicator panel without indicators");
    jy_free(html);

    cr_assert_eq(jy_dashboard_add_indicator(d, "3.3", "每月发布岗位<300>", 252, 300, "个",
                                            JY_RAG_AMBER, "按当前进度全年将未达标"), JY_OK);
    cr_assert_eq(jy_dashboard_add_indicator(d, "5.1", "直播带岗", 55, 50, "场", JY_RAG_GREEN, NULL),
                 JY_OK);
    cr_assert_eq(jy_dashboard_add_indicator(d, "x", "y", 1, 1, NULL, (jy_rag)9, NULL), JY_EINVAL);
    EQ(jy_dashboard_data(d), "indicators", "3.3", "progress", 0.84);
    char path[300];
    snprintf(path, sizeof path, "%s/screen.html", dir);
    cr_assert_eq(jy_dashboard_render(d, path), JY_OK);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    static char page[200000];
    size_t n = fread(page, 1, sizeof page - 1, f);
    fclose(f);
    page[n] = '\0';
    cr_assert(strstr(page, "考核指标进度") && strstr(page, "预警") &&
              strstr(page, "按当前进度全年将未达标"));
    cr_assert(strstr(page, "每月发布岗位&lt;300&gt;"), "text escaped");
    cr_assert_null(strstr(page, "另有"), "room for both");
    /* Many indicators: the red and amber ones are shown, the rest summed up. */
    for (int i = 0; i < 12; i++) {
        char id[8];
        snprintf(id, sizeof id, "g%d", i);
        cr_assert_eq(jy_dashboard_add_indicator(d, id, "达标项", 1, 1, NULL, JY_RAG_GREEN, NULL),
                     JY_OK);
    }
    cr_assert_eq(jy_dashboard_add_indicator(d, "9.2", "入职满3个月", 82, 1500, "人", JY_RAG_RED,
                                            NULL), JY_OK);
    char *many = NULL;
    cr_assert_eq(jy_dashboard_to_html(&many, NULL, d), JY_OK);
    const char *red = strstr(many, "9.2 入职满3个月"), *amber = strstr(many, "3.3 每月发布岗位");
    cr_assert(red && amber && red < amber, "red first, then amber");
    cr_assert(strstr(many, "另有 4 项: 达标 4, 滞后 0, 未达标 0, 其他 0"), "the rest summed up");
    jy_free(many);
    jy_dashboard_free(d);
    jy_db_close(db);
}

/* ---- The reports of the assessment ------------------------------------------------ */

/* The page's labor and key-group figures come from a lighter scan than the
 * labor service report's: the same rows and numbers as the report's columns
 * they show, for periods before, across and after the records' dates. */
static void same_columns(const jy_report *page, const char *psec, const jy_report *svc,
                         const char *ssec, size_t ncols)
{
    size_t ps = 0, ss = 0;
    cr_assert_eq(jy_report_find_section(&ps, page, psec), JY_OK);
    cr_assert_eq(jy_report_find_section(&ss, svc, ssec), JY_OK);
    cr_assert_eq(jy_report_column_count(page, ps), ncols, "%s", psec);
    cr_assert_eq(jy_report_row_count(page, ps), jy_report_row_count(svc, ss), "%s", psec);
    for (size_t c = 0; c < ncols; c++)
        cr_assert_str_eq(jy_report_column_name(page, ps, c), jy_report_column_name(svc, ss, c));
    for (size_t i = 0; i < jy_report_row_count(page, ps); i++) {
        cr_assert_eq(jy_report_row_is_total(page, ps, i), jy_report_row_is_total(svc, ss, i));
        for (size_t c = 0; c < ncols; c++) {
            const jy_report_cell *a = jy_report_cell_at(page, ps, i, c);
            const jy_report_cell *b = jy_report_cell_at(svc, ss, i, c);
            cr_assert_eq(a->type, b->type, "%s row %zu column %zu", psec, i, c);
            cr_assert_str_eq(a->text, b->text, "%s row %zu column %zu", psec, i, c);
            cr_assert_eq(a->number, b->number, "%s row %zu column %zu", psec, i, c);
        }
    }
}

Test(report, dashboard_figures_are_the_labor_service_reports)
{
    jy_db *db = scenario();
    const jy_date periods[][2] = { { D(2026, 1, 1), D(2026, 3, 31) }, { Q2_FROM, Q2_TO },
                                   { D(2026, 5, 1), D(2026, 5, 31) },
                                   { D(2026, 1, 1), D(2026, 12, 31) },
                                   { D(2025, 1, 1), D(2025, 12, 31) },
                                   { D(2041, 1, 1), D(2041, 12, 31) } };
    for (size_t k = 0; k < sizeof periods / sizeof periods[0]; k++) {
        jy_dashboard *d = NULL;
        cr_assert_eq(jy_dashboard_new(&d, db, periods[k][0], periods[k][1]), JY_OK, "%s",
                     jy_error_last()->message);
        jy_report *svc = build(db, "quarterly_labor_service", periods[k][0], periods[k][1]);
        same_columns(jy_dashboard_data(d), "labor_by_township", svc, "key_groups_by_township", 3);
        same_columns(jy_dashboard_data(d), "key_group_coverage", svc, "key_groups", 4);
        jy_report_free(svc);
        jy_dashboard_free(d);
    }
    /* Q2 as the scenario says: A, B (金川镇), C, G (三湖镇); D is 66, E 15, F
     * entered in July. */
    jy_dashboard *d = NULL;
    cr_assert_eq(jy_dashboard_new(&d, db, Q2_FROM, Q2_TO), JY_OK);
    EQ(jy_dashboard_data(d), "labor_by_township", "合计", "total", 4);
    EQ(jy_dashboard_data(d), "labor_by_township", "三湖镇", "persons", 1);
    EQ(jy_dashboard_data(d), "key_group_coverage", "就业困难人员", "served", 1);
    jy_dashboard_free(d);
    jy_db_close(db);
}

static const char *status_word(jy_score_status st)
{
    static const char *const w[] = { "达标", "未达标", "进度正常", "进度预警", "本期不考核" };
    return w[st];
}

Test(report, monthly_report_has_every_sub_indicator_as_assessed)
{
    jy_db *db = scenario();
    jy_date from = D(2026, 5, 1), to = D(2026, 5, 31);
    jy_report *r = build(db, "monthly", from, to);
    cr_assert_str_eq(jy_report_title(r), "就业之家每月数据分析报告");
    jy_scorecard *card = NULL;
    cr_assert_eq(jy_assess(&card, db, from, to, NULL), JY_OK);
    size_t s = 0;
    cr_assert_eq(jy_report_find_section(&s, r, "indicators"), JY_OK);
    size_t row = 0;
    for (size_t i = 0; i < jy_scorecard_item_count(card); i++) {
        const jy_score_item *it = jy_scorecard_item_at(card, i);
        for (size_t j = 0; j < it->indicator_count; j++, row++) {
            const jy_score_indicator *ind = &it->indicators[j];
            cr_assert_str_eq(jy_report_cell_at(r, s, row, 0)->text, ind->rule->id);
            cr_assert_str_eq(jy_report_cell_at(r, s, row, 5)->text, status_word(ind->status),
                             "%s", ind->rule->id);
            if (!ind->rule->is_bonus)
                cr_assert_float_eq(jy_report_cell_at(r, s, row, 6)->number, ind->deduction, 1e-9);
        }
    }
    /* and the total */
    cr_assert_eq(jy_report_row_count(r, s), row + 1);
    cr_assert(jy_report_row_is_total(r, s, row));
    cr_assert_float_eq(jy_report_cell_at(r, s, row, 6)->number, jy_scorecard_deduction(card), 1e-9);
    /* 1.1 is monthly: its target reads as such */
    cr_assert_str_eq(cell(r, "indicators", "1.1", "target")->text, "每月≥50家");
    /* The trend: the months of the contract year (from 1 March) up to May. */
    cr_assert_eq(jy_report_find_section(&s, r, "trend"), JY_OK);
    cr_assert_eq(jy_report_column_count(r, s), 3 + 3);
    cr_assert_str_eq(jy_report_column_name(r, s, 3), "2026-03");
    cr_assert_str_eq(jy_report_column_name(r, s, 5), "2026-05");
    jy_measure *m = NULL;
    cr_assert_eq(jy_metric_compute(&m, db, "posting_enterprises", D(2026, 4, 1), D(2026, 4, 30),
                                   NULL, D(2026, 3, 1)), JY_OK);
    cr_assert_float_eq(cell(r, "trend", "1.1", "2026-04")->number, jy_measure_value(m), 1e-9);
    jy_measure_free(m);
    jy_scorecard_free(card);
    jy_report_free(r);
    jy_db_close(db);
}

Test(report, annual_report_trend_is_month_by_month)
{
    /* The built-in calendar covers 2026: the contract year's months in it. */
    jy_db *db = scenario();
    jy_report *r = build(db, "annual", D(2026, 3, 1), D(2026, 12, 31));
    cr_assert_str_eq(jy_report_title(r), "就业之家年度数据分析报告");
    size_t s = 0;
    cr_assert_eq(jy_report_find_section(&s, r, "trend"), JY_OK);
    cr_assert_eq(jy_report_column_count(r, s), 3 + 10);
    cr_assert_str_eq(jy_report_column_name(r, s, 12), "2026-12");
    /* only the monthly checks: their target reads 每月 */
    cr_assert_gt(jy_report_row_count(r, s), 0);
    for (size_t i = 0; i < jy_report_row_count(r, s); i++)
        cr_assert_eq(strncmp(jy_report_cell_at(r, s, i, 2)->text, "每月", 6), 0);
    jy_report_free(r);
    jy_db_close(db);
}

Test(report, scorecard_report_is_the_seed_table)
{
    jy_db *db = scenario();
    jy_report *r = build(db, "scorecard", Q2_FROM, Q2_TO);
    jy_scorecard *card = NULL;
    cr_assert_eq(jy_assess(&card, db, Q2_FROM, Q2_TO, NULL), JY_OK);
    size_t s = 0;
    cr_assert_eq(jy_report_find_section(&s, r, "scorecard"), JY_OK);
    static const char *const head[] = { "序号", "指标项", "考核内容", "评分标准", "考核说明",
                                        "考核得分" };
    cr_assert_eq(jy_report_column_count(r, s), 6);
    for (size_t c = 0; c < 6; c++)
        cr_assert_str_eq(jy_report_column_label(r, s, c), head[c]);
    size_t n = jy_scorecard_item_count(card);
    cr_assert_eq(jy_report_row_count(r, s), n + 2); /* items, 合计, incidents */
    cr_assert_str_eq(jy_report_cell_at(r, s, 0, 0)->text, "1");
    cr_assert_str_eq(jy_report_cell_at(r, s, 0, 1)->text, jy_scorecard_item_at(card, 0)->rule->name);
    cr_assert_str_eq(jy_report_cell_at(r, s, n, 1)->text, "合计");
    cr_assert_str_eq(jy_report_cell_at(r, s, n + 1, 1)->text, "终止合同情形");
    /* Every explanation of the report is in the card's own CSV. */
    char *csv = NULL;
    cr_assert_eq(jy_scorecard_to_csv(&csv, card), JY_OK);
    char *rcsv = NULL;
    size_t len = 0;
    cr_assert_eq(jy_report_to_csv(&rcsv, &len, r), JY_OK);
    cr_assert_eq(memcmp(rcsv, "\xEF\xBB\xBF", 3), 0);
    cr_assert_not_null(strstr(rcsv, "\r\n"));
    cr_assert_not_null(strstr(rcsv, "序号,指标项,考核内容,评分标准,考核说明,考核得分"));
    const char *first = jy_report_cell_at(r, s, 0, 4)->text;
    char line[64];
    snprintf(line, sizeof line, "%.40s", first);
    cr_assert_not_null(strstr(csv, line));
    jy_free(rcsv);
    jy_free(csv);
    jy_scorecard_free(card);
    jy_report_free(r);
    jy_db_close(db);
}

Test(report, dashboard_indicators_from_the_scorecard)
{
    jy_db *db = scenario();
    jy_scorecard *card = NULL;
    cr_assert_eq(jy_assess(&card, db, Q2_FROM, Q2_TO, NULL), JY_OK);
    jy_dashboard *d = NULL;
    cr_assert_eq(jy_dashboard_new(&d, db, Q2_FROM, Q2_TO), JY_OK);
    cr_assert_eq(jy_dashboard_add_scorecard(NULL, card), JY_EINVAL);
    cr_assert_eq(jy_dashboard_add_scorecard(d, NULL), JY_EINVAL);
    cr_assert_eq(jy_dashboard_add_scorecard(d, card), JY_OK);
    const jy_report *data = jy_dashboard_data(d);
    size_t s = 0;
    cr_assert_eq(jy_report_find_section(&s, data, "indicators"), JY_OK);
    size_t all = 0;
    for (size_t i = 0; i < jy_scorecard_item_count(card); i++)
        all += jy_scorecard_item_at(card, i)->indicator_count;
    cr_assert_eq(jy_report_row_count(data, s), all);
    /* Each row's colour follows its sub-indicator's status; annual targets
     * at risk carry a warning with the projection. */
    size_t row = 0, warned = 0;
    for (size_t i = 0; i < jy_scorecard_item_count(card); i++) {
        const jy_score_item *it = jy_scorecard_item_at(card, i);
        for (size_t j = 0; j < it->indicator_count; j++) {
            const jy_score_indicator *ind = &it->indicators[j];
            cr_assert_str_eq(jy_report_cell_at(data, s, row, 0)->text, ind->rule->id);
            const char *rag = jy_report_cell_at(data, s, row, 6)->text;
            const char *warning = jy_report_cell_at(data, s, row, 7)->text;
            if (ind->status == JY_SCORE_MET)
                cr_assert_str_eq(rag, "达标", "%s", ind->rule->id);
            else if (ind->status == JY_SCORE_FAILED)
                cr_assert_str_eq(rag, "未达标", "%s", ind->rule->id);
            else if (ind->status == JY_SCORE_WARNING) {
                cr_assert_str_eq(rag, "滞后", "%s", ind->rule->id);
                if (ind->checks[0].rule->period == JY_RULE_YEAR) {
                    cr_assert_not_null(strstr(warning, "按当前进度预计全年"), "%s: %s",
                                       ind->rule->id, warning);
                    warned++;
                }
            }
            row++;
        }
    }
    cr_assert_gt(warned, 0, "no annual target at risk in the second quarter?");
    char *html = NULL;
    cr_assert_eq(jy_dashboard_to_html(&html, NULL, d), JY_OK);
    cr_assert_not_null(strstr(html, "每月发布岗位不少于300条"));
    jy_free(html);
    jy_dashboard_free(d);
    jy_scorecard_free(card);
    jy_db_close(db);
}
