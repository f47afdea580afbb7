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

/* 12.1 with a county's own package (seed §3.5: rules' params). */
static double with_params(const char *name, const char *from, const char *to, const char *params)
{
    jy_measure *m = NULL;
    int rc = jy_metric_compute_params(&m, db, name, D(from), D(to), NULL, SIGNED, params);
    cr_assert_eq(rc, JY_OK, "%s %s: %s", name, params, jy_error_last()->message);
    cr_assert(jy_measure_has_value(m));
    double v = jy_measure_value(m);
    jy_measure_free(m);
    return v;
}

Test(metrics_keygroups, package_1311_county_package_two_referrals)
{
    int64_t a = m2_labor("19900512", 1, "2026-03-20", "\"key_groups\": \"脱贫人口\"");
    int64_t b = m2_labor("19950101", 3, "2026-03-20", "\"key_groups\": \"退役军人\"");
    package(a, 3);
    package(b, 2);
    cr_assert_eq(m2_value("key_group_1311_coverage", "2026-03-01", "2027-02-28"), 50);
    /* the seed's package stated explicitly, and an empty params: the same */
    cr_assert_eq(with_params("key_group_1311_coverage", "2026-03-01", "2027-02-28",
                             "{\"policy_briefings\": 1, \"career_guidance\": 1,"
                             " \"job_referrals\": 3, \"training_offers\": 1}"), 50);
    cr_assert_eq(with_params("key_group_1311_coverage", "2026-03-01", "2027-02-28", "{}"), 50);
    /* a county asking 2 referrals: b has the whole package */
    jy_measure *m = NULL;
    cr_assert_eq(jy_metric_compute_params(&m, db, "key_group_1311_coverage", D("2026-03-01"),
                                          D("2027-02-28"), NULL, SIGNED,
                                          "{\"job_referrals\": 2}"), JY_OK);
    cr_assert_eq(jy_measure_value(m), 100);
    cr_assert_eq(jy_measure_id_total(m), 0);
    cr_assert(strstr(jy_measure_note(m), "政策宣讲1次、职业指导1次、岗位推荐2次、培训见习1次") != NULL,
              "the note states the package used: %s", jy_measure_note(m));
    jy_measure_free(m);
    /* two briefings: nobody has them */
    cr_assert_eq(with_params("key_group_1311_coverage", "2026-03-01", "2027-02-28",
                             "{\"policy_briefings\": 2}"), 0);
    /* the seed's package notes nothing about it */
    m = m2_measure("key_group_1311_coverage", "2026-03-01", "2027-02-28");
    cr_assert_null(strstr(jy_measure_note(m), "本细则"), "%s", jy_measure_note(m));
    jy_measure_free(m);
    /* bad params are refused, naming the parameter */
    m = NULL;
    cr_assert_eq(jy_metric_compute_params(&m, db, "key_group_1311_coverage", D("2026-03-01"),
                                          D("2027-02-28"), NULL, SIGNED,
                                          "{\"job_referals\": 2}"), JY_EINVAL);
    cr_assert_null(m);
    cr_assert(strstr(jy_error_last()->message, "params.job_referals") != NULL, "%s",
              jy_error_last()->message);
    cr_assert_eq(jy_metric_compute_params(&m, db, "key_group_1311_coverage", D("2026-03-01"),
                                          D("2027-02-28"), NULL, SIGNED, "{\"job_referrals\""),
                 JY_EPARSE);
}

Test(metrics_keygroups, assess_12_1_with_a_county_package)
{
    int64_t a = m2_labor("19900512", 1, "2026-01-20", "\"key_groups\": \"脱贫人口\"");
    int64_t b = m2_labor("19950101", 3, "2026-01-20", "\"key_groups\": \"退役军人\"");
    package(a, 3);
    package(b, 2);
    m2_assert_score(m2_score("12.1", "2026-01-01", "2026-12-31"), JY_SCORE_FAILED, 0.8);
    m2_county_rules("\"job_referrals\": 3", "\"job_referrals\": 2");
    const jy_score_indicator *si = m2_score("12.1", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_MET, 0);
    cr_assert_eq(si->checks[0].value, 100);
    cr_assert_str_eq(si->rule->checks[0].params,
                     "{\"policy_briefings\":1,\"career_guidance\":1,\"job_referrals\":2,"
                     "\"training_offers\":1}");
    /* a package without training offers, and one with two */
    m2_county_rules("\"training_offers\": 1", "\"training_offers\": 0");
    m2_assert_score(m2_score("12.1", "2026-01-01", "2026-12-31"), JY_SCORE_FAILED, 0.8);
    m2_county_rules("\"training_offers\": 1", "\"training_offers\": 2");
    si = m2_score("12.1", "2026-01-01", "2026-12-31");
    m2_assert_score(si, JY_SCORE_FAILED, 1);
    cr_assert_eq(si->checks[0].value, 0);
}

/* The aggregate kept on the connection (built for one package) never
 * answers a request with another: on a database that stays unchanged, each
 * package asked three times (SQL first, then the aggregate, built for the
 * package asked), in turns, gives the value of a plain count. */
Test(metrics_keygroups, kept_package_aggregate_answers_its_own_package_only)
{
    int64_t p[4];
    for (int i = 0; i < 4; i++)
        p[i] = m2_labor("19900512", i + 1, "2026-03-20", "\"key_groups\": \"脱贫人口\"");
    package(p[0], 3); /* complete */
    package(p[1], 2); /* 2 referrals */
    package(p[2], 5); /* 5 referrals */
    service(p[3], "policy_briefing", "2026-04-01"); /* a briefing and 2 referrals only */
    service(p[3], "job_referral", "2026-04-02");
    service(p[3], "job_referral", "2026-04-03");
    static const struct {
        const char *params;
        double value;
    } cases[] = {
        { "", 50 },
        { "{\"job_referrals\": 2}", 75 },
        { "{\"job_referrals\": 5}", 25 },
        { "{\"job_referrals\": 2, \"career_guidance\": 0, \"training_offers\": 0}", 100 },
        { "{\"policy_briefings\": 0, \"career_guidance\": 0, \"job_referrals\": 0,"
          " \"training_offers\": 0}", 100 },
        { "{\"policy_briefings\": 2}", 0 },
        { "{\"job_referrals\": 6}", 0 },
    };
    for (int round = 0; round < 2; round++)
        for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
            /* round 1: after a write (a person outside the key groups), so
             * that the aggregate is built for this case's package */
            if (round == 1)
                m2_labor("19800101", (int)c + 10, "2026-03-20", "");
            for (int k = 0; k < 3; k++)
                cr_assert_eq(with_params("key_group_1311_coverage", "2026-03-01", "2027-02-28",
                                         cases[c].params), cases[c].value,
                             "case %zu (%s), round %d, request %d", c, cases[c].params, round, k);
            /* the seed's package, while the aggregate is of another */
            cr_assert_eq(m2_value("key_group_1311_coverage", "2026-03-01", "2027-02-28"), 50,
                         "case %zu, round %d", c, round);
        }
    /* before the referrals (1 May) and the training offers (1 June): the
     * fourth person has had no guidance */
    cr_assert_eq(with_params("key_group_1311_coverage", "2026-03-01", "2026-04-30",
                             "{\"job_referrals\": 0, \"training_offers\": 0}"), 75);
    cr_assert_eq(with_params("key_group_1311_coverage", "2026-03-01", "2026-04-30",
                             "{\"job_referrals\": 0}"), 0);
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

/* ---- Cross-check on a generated county ----------------------------------
 * 12.1 (computed by a merge of two index reads) and 10.1 (counted from the
 * entry-date index) against a plain computation, over a pseudo-random small
 * county with updates that move survey dates, for spans ending on several
 * days. */
#include <sqlite3.h>
#include <unistd.h>

static uint32_t lcg_state = 12345;
static uint32_t lcg(uint32_t n)
{
    lcg_state = lcg_state * 1103515245u + 12345u;
    return (lcg_state >> 8) % n;
}

static void random_day(char out[11], int year)
{
    snprintf(out, 11, "%04d-%02u-%02u", year, 1 + lcg(12), 1 + lcg(28));
}

static char cross_path[64];

static void cross_cleanup(void)
{
    m2_close();
    if (cross_path[0]) {
        char p[80];
        unlink(cross_path);
        snprintf(p, sizeof p, "%s-wal", cross_path);
        unlink(p);
        snprintf(p, sizeof p, "%s-shm", cross_path);
        unlink(p);
    }
}

static int64_t sql_int(sqlite3 *conn, const char *sql, const char *day)
{
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(conn, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(conn));
    sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

Test(metrics_keygroups, fast_metrics_match_a_plain_computation, .fini = cross_cleanup)
{
    m2_close();
    snprintf(cross_path, sizeof cross_path, "/tmp/jy_cross_%d.db", (int)getpid());
    unlink(cross_path);
    cr_assert_eq(jy_db_open(&db, cross_path, NULL), JY_OK, "%s", jy_error_last()->message);
    static const char *const groups[] = { "", "\"key_groups\": \"脱贫人口\"",
                                          "\"key_groups\": [\"高校毕业生\", \"返乡人员\"]" };
    static const char *const types[] = { "policy_briefing", "career_guidance", "job_referral",
                                         "job_recommendation", "training_offer" };
    enum { PEOPLE = 300 };
    char birth[9], day[11];
    int64_t ids[PEOPLE];
    char numbers[PEOPLE][19];
    cr_assert_eq(jy_db_begin(db), JY_OK);
    for (int i = 0; i < PEOPLE; i++) {
        /* ages 10 to 70 around 2026, so that some fall outside 16-60 */
        snprintf(birth, sizeof birth, "%04u%02u%02u", 1956 + lcg(60), 1 + lcg(12), 1 + lcg(28));
        random_day(day, 2025 + (int)lcg(2));
        m2_id_number(numbers[i], birth, i);
        ids[i] = m2_labor(birth, i, day, groups[lcg(3)]);
        for (uint32_t k = lcg(9); k > 0; k--) {
            random_day(day, 2026);
            service(ids[i], types[lcg(5)], day);
        }
    }
    cr_assert_eq(jy_db_commit(db), JY_OK);
    /* Updates: a later survey date and another employment status; the entry
     * date stays. */
    for (int i = 0; i < PEOPLE; i += 3) {
        char json[256];
        random_day(day, 2027);
        snprintf(json, sizeof json,
                 "{\"id_number\": \"%.18s\", \"surveyed_on\": \"%.10s\", \"employment_status\": \"%s\"}",
                 numbers[i], day, lcg(2) ? "unemployed" : "flexible");
        jy_record *r = NULL;
        jy_located_error err;
        cr_assert_eq(jy_record_from_json(&r, json, strlen(json), JY_KIND_LABOR, &err), JY_OK);
        jy_save_result res;
        cr_assert_eq(jy_ledger_save(&res, db, r), JY_OK, "%s", jy_error_last()->message);
        cr_assert(res.updated);
        jy_record_free(r);
    }
    sqlite3 *conn = NULL;
    cr_assert_eq(sqlite3_open(cross_path, &conn), SQLITE_OK);
    /* entry dates survived the updates: never after the first survey */
    cr_assert_eq(sql_int(conn, "SELECT count(*) FROM labor WHERE entered_on IS NULL OR "
                               "entered_on > surveyed_on OR entered_on < '2025-01-01' OR ?1 IS NULL",
                         "x"),
                 0);
    static const char *const ends[] = { "2026-03-31", "2026-06-30", "2026-08-31", "2026-10-15",
                                        "2027-02-28" };
    for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++) {
        const char *to = ends[e];
        /* 12.1, one correlated subquery per element and person */
        static const char persons[] =
            "SELECT count(*) FROM labor l WHERE l.key_groups IS NOT NULL AND l.key_groups <> '' "
            "AND l.entered_on <= ?1";
#define N_OF(t) "(SELECT count(*) FROM event e WHERE e.kind = 'service_1311' AND " \
                "e.labor_id = l.id AND e.date <= ?1 AND e.service_type IN (" t "))"
        static const char complete[] =
            "SELECT count(*) FROM labor l WHERE l.key_groups IS NOT NULL AND l.key_groups <> '' "
            "AND l.entered_on <= ?1 AND " N_OF("'policy_briefing'") " >= 1 AND "
            N_OF("'career_guidance'") " >= 1 AND " N_OF("'job_referral', 'job_recommendation'")
            " >= 3 AND " N_OF("'training_offer'") " >= 1";
        int64_t p = sql_int(conn, persons, to), c = sql_int(conn, complete, to);
        jy_measure *m = m2_measure("key_group_1311_coverage", "2026-03-01", to);
        cr_assert_eq(jy_measure_has_value(m), p > 0, "%s", to);
        if (p > 0)
            cr_assert_float_eq(jy_measure_value(m), (double)(100 * c) / (double)p, 1e-9, "%s", to);
        cr_assert_eq(jy_measure_id_total(m), p - c, "%s", to);
        jy_measure_free(m);

        /* 10.1: entered by the cut-off (31 August, or the span's end when
         * earlier), aged 16-60 on the entry date (whole years) */
        const char *cut = strcmp(to, "2026-08-31") < 0 ? to : "2026-08-31";
        sqlite3_stmt *st = NULL;
        cr_assert_eq(sqlite3_prepare_v2(conn, "SELECT birth_date, entered_on FROM labor "
                                              "WHERE entered_on <= ?1", -1, &st, NULL),
                     SQLITE_OK);
        sqlite3_bind_text(st, 1, cut, -1, SQLITE_STATIC);
        int64_t ok = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            int age = 0;
            cr_assert_eq(jy_date_age(&age, D((const char *)sqlite3_column_text(st, 0)),
                                     D((const char *)sqlite3_column_text(st, 1))),
                         JY_OK);
            ok += age >= 16 && age <= 60;
        }
        sqlite3_finalize(st);
        cr_assert_eq(m2_value("labor_records", "2026-03-01", to), (double)ok, "%s", to);
    }
    sqlite3_close(conn);
}

/* ---- The aggregates kept on the connection ----------------------------------
 * 10.1 and 12.1 are answered from aggregates kept on the connection
 * (lib/metrics.c, jy__metric_cache_get): a commit by another connection, a
 * write of this one and a rolled-back transaction must all be seen. */
static void other_exec(const char *sql)
{
    sqlite3 *conn = NULL;
    cr_assert_eq(sqlite3_open(cross_path, &conn), SQLITE_OK);
    sqlite3_busy_timeout(conn, 5000);
    char *msg = NULL;
    cr_assert_eq(sqlite3_exec(conn, sql, NULL, NULL, &msg), SQLITE_OK, "%s", msg ? msg : "");
    sqlite3_close(conn);
}

Test(metrics_keygroups, kept_aggregates_follow_every_write, .fini = cross_cleanup)
{
    m2_close();
    snprintf(cross_path, sizeof cross_path, "/tmp/jy_cache_%d.db", (int)getpid());
    unlink(cross_path);
    cr_assert_eq(jy_db_open(&db, cross_path, NULL), JY_OK, "%s", jy_error_last()->message);
    int64_t a = m2_labor("19900512", 1, "2026-03-20", "\"key_groups\": \"脱贫人口\"");
    package(a, 2);
    cr_assert_eq(m2_value("key_group_1311_coverage", "2026-03-01", "2026-12-31"), 0);
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2026-12-31"), 1);
    /* unchanged database: the same answers (from the kept aggregates) */
    cr_assert_eq(m2_value("key_group_1311_coverage", "2026-03-01", "2026-12-31"), 0);
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2026-12-31"), 1);

    /* another connection commits the third referral, then moves the entry date */
    char sql[256];
    snprintf(sql, sizeof sql,
             "INSERT INTO event (kind, date, service_type, labor_id) VALUES "
             "('service_1311', '2026-05-02', 'job_referral', %lld)", (long long)a);
    other_exec(sql);
    cr_assert_eq(m2_value("key_group_1311_coverage", "2026-03-01", "2026-12-31"), 100);
    cr_assert_eq(m2_value("key_group_1311_coverage", "2026-03-01", "2026-05-01"), 0);
    snprintf(sql, sizeof sql, "UPDATE labor SET entered_on = '2026-09-15' WHERE id = %lld",
             (long long)a);
    other_exec(sql);
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2026-12-31"), 0);

    /* this connection writes through the ledger */
    int64_t b = m2_labor("19950101", 3, "2026-03-20", "\"key_groups\": \"退役军人\"");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2026-12-31"), 1);
    cr_assert_eq(m2_value("key_group_1311_coverage", "2026-03-01", "2026-12-31"), 50);

    /* inside a transaction its writes count; undone, they no longer do */
    cr_assert_eq(jy_db_begin(db), JY_OK);
    package(b, 3);
    cr_assert_eq(m2_value("key_group_1311_coverage", "2026-03-01", "2026-12-31"), 100);
    cr_assert_eq(jy_db_rollback(db), JY_OK);
    cr_assert_eq(m2_value("key_group_1311_coverage", "2026-03-01", "2026-12-31"), 50);

    /* an entry date SQL compares as text but is not a plain date: the
     * metric still answers as SQL does */
    snprintf(sql, sizeof sql, "UPDATE labor SET entered_on = '2026-08' WHERE id = %lld",
             (long long)b);
    other_exec(sql);
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2026-12-31"), 1);
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2026-07-31"), 0);
    cr_assert_eq(m2_value("key_group_1311_coverage", "2026-03-01", "2026-12-31"), 50);
}

static int64_t sql_int2(sqlite3 *conn, const char *sql, const char *from, const char *to)
{
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(conn, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(conn));
    sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* 12.2's three metrics (answered from an aggregate kept on the connection)
 * against a plain computation over a pseudo-random small county. */
Test(metrics_keygroups, return_assistance_matches_a_plain_computation, .fini = cross_cleanup)
{
    m2_close();
    snprintf(cross_path, sizeof cross_path, "/tmp/jy_cross12_%d.db", (int)getpid());
    unlink(cross_path);
    cr_assert_eq(jy_db_open(&db, cross_path, NULL), JY_OK, "%s", jy_error_last()->message);
    static const char *const kinds[] = {
        "", "\"returnee\": true, \"wish_local\": true, \"needs_job\": true",
        "\"returnee\": true, \"wish_local\": false, \"needs_job\": true" };
    enum { PEOPLE = 240 };
    char birth[9], day[11];
    cr_assert_eq(jy_db_begin(db), JY_OK);
    for (int i = 0; i < PEOPLE; i++) {
        snprintf(birth, sizeof birth, "%04u%02u%02u", 1966 + lcg(40), 1 + lcg(12), 1 + lcg(28));
        random_day(day, 2025 + (int)lcg(2));
        int64_t id = m2_labor(birth, i, day, kinds[lcg(3)]);
        for (uint32_t k = lcg(4); k > 0; k--) {
            random_day(day, 2026);
            assist(id, day, lcg(3) == 0);
        }
    }
    for (int i = 0; i < 25; i++) {
        random_day(day, 2026);
        m2_add(JY_KIND_EVENT,
               "\"kind\": \"return_assistance\", \"date\": \"%s\", \"person_name\": \"测试%d\"",
               day, i);
    }
    assigned(60, "2026-03-02");
    cr_assert_eq(jy_db_commit(db), JY_OK);
    sqlite3 *conn = NULL;
    cr_assert_eq(sqlite3_open(cross_path, &conn), SQLITE_OK);
    static const char need[] =
        "SELECT count(*) FROM labor l WHERE returnee = 1 AND wish_local = 1 AND needs_job = 1"
        " AND entered_on <= ?2 AND ?1 IS NOT NULL";
    static const char assisted[] =
        "SELECT count(*) FROM labor l WHERE returnee = 1 AND wish_local = 1 AND needs_job = 1"
        " AND entered_on <= ?2 AND ?1 IS NOT NULL AND EXISTS (SELECT 1 FROM event e WHERE"
        " e.kind = 'return_assistance' AND e.labor_id = l.id AND e.date <= ?2)";
    static const char in_span[] =
        "SELECT count(DISTINCT labor_id) FROM event WHERE kind = 'return_assistance'"
        " AND labor_id IS NOT NULL AND date BETWEEN ?1 AND ?2";
    static const char employed[] =
        "SELECT count(DISTINCT labor_id) FROM event e WHERE kind = 'return_assistance'"
        " AND labor_id IS NOT NULL AND date BETWEEN ?1 AND ?2 AND EXISTS (SELECT 1 FROM event f"
        " WHERE f.kind = 'return_assistance' AND f.labor_id = e.labor_id AND f.success = 1"
        " AND f.date <= ?2)";
    static const char named[] =
        "SELECT count(*) FROM event WHERE kind = 'return_assistance' AND labor_id IS NULL"
        " AND person_name IS NOT NULL AND date BETWEEN ?1 AND ?2";
    static const char *const spans[][2] = { { "2026-03-01", "2026-03-31" },
                                            { "2026-03-01", "2026-08-31" },
                                            { "2026-06-01", "2026-06-30" },
                                            { "2026-03-01", "2027-02-28" } };
    for (size_t k = 0; k < sizeof spans / sizeof spans[0]; k++) {
        const char *from = spans[k][0], *to = spans[k][1];
        int64_t p = sql_int2(conn, need, from, to), a = sql_int2(conn, assisted, from, to);
        jy_measure *m = m2_measure("return_assistance_rate", from, to);
        cr_assert_float_eq(jy_measure_value(m), p ? (double)(100 * a) / (double)p : 100, 1e-9,
                           "%s", to);
        cr_assert_eq(jy_measure_id_total(m), p - a, "%s", to);
        jy_measure_free(m);
        int64_t s = sql_int2(conn, in_span, from, to), e = sql_int2(conn, employed, from, to);
        m = m2_measure("return_employment_rate", from, to);
        cr_assert_float_eq(jy_measure_value(m), s ? (double)(100 * e) / (double)s : 100, 1e-9,
                           "%s", to);
        cr_assert_eq(jy_measure_id_total(m), s - e, "%s", to);
        jy_measure_free(m);
        int64_t done = s + sql_int2(conn, named, from, to);
        m = m2_measure("return_assistance_target_met", from, to);
        cr_assert(jy_measure_has_value(m));
        cr_assert_eq(jy_measure_value(m), done >= 60 ? 1 : 0, "%s: %lld", to, (long long)done);
        char expect[64];
        snprintf(expect, sizeof expect, "返乡就业帮扶%lld人，", (long long)done);
        cr_assert(strstr(jy_measure_note(m), expect) != NULL, "%s", jy_measure_note(m));
        jy_measure_free(m);
    }
    sqlite3_close(conn);
}

/* 3.2 (push coverage, answered from an aggregate kept on the connection,
 * like 12.1 and 12.2) against a plain computation over random jobseekers
 * and pushes; the evidence as SQL lists it. */
Test(metrics_keygroups, push_coverage_matches_a_plain_computation, .fini = cross_cleanup)
{
    m2_close();
    snprintf(cross_path, sizeof cross_path, "/tmp/jy_cross32_%d.db", (int)getpid());
    unlink(cross_path);
    cr_assert_eq(jy_db_open(&db, cross_path, NULL), JY_OK, "%s", jy_error_last()->message);
    char day[11];
    cr_assert_eq(jy_db_begin(db), JY_OK);
    for (int i = 0; i < 200; i++) {
        random_day(day, 2026);
        int64_t id = m2_add(JY_KIND_JOBSEEKER,
                            "\"name\": \"求职者%d\", \"registered_on\": \"%s\","
                            " \"resume_on_platform\": %s, \"in_county\": %s",
                            i, day, lcg(5) ? "true" : "false", lcg(5) ? "true" : "false");
        for (uint32_t k = lcg(3); k > 0; k--) {
            random_day(day, 2026);
            m2_add(JY_KIND_PUSH, "\"jobseeker_id\": %lld, \"pushed_on\": \"%s\", \"posting_count\": %u",
                   (long long)id, day, lcg(3));
        }
    }
    cr_assert_eq(jy_db_commit(db), JY_OK);
    sqlite3 *conn = NULL;
    cr_assert_eq(sqlite3_open(cross_path, &conn), SQLITE_OK);
    static const char base_sql[] =
        "SELECT count(*) FROM jobseeker j WHERE in_county = 1 AND resume_on_platform = 1"
        " AND registered_on <= date(?2, '-7 days') AND ?1 IS NOT NULL";
    static const char good_sql[] =
        "SELECT count(*) FROM jobseeker j WHERE in_county = 1 AND resume_on_platform = 1"
        " AND registered_on <= date(?2, '-7 days') AND ?1 IS NOT NULL AND EXISTS (SELECT 1"
        " FROM push p WHERE p.jobseeker_id = j.id AND p.posting_count > 0 AND p.pushed_on <= ?2)";
    static const char first_failing_sql[] =
        "SELECT j.id FROM jobseeker j WHERE in_county = 1 AND resume_on_platform = 1"
        " AND registered_on <= date(?2, '-7 days') AND ?1 IS NOT NULL AND NOT EXISTS (SELECT 1"
        " FROM push p WHERE p.jobseeker_id = j.id AND p.posting_count > 0 AND p.pushed_on <= ?2)"
        " ORDER BY j.registered_on, j.id LIMIT 1 OFFSET 19";
    static const char *const ends[] = { "2026-01-05", "2026-03-31", "2026-06-30", "2026-12-31" };
    for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++) {
        int64_t b = sql_int2(conn, base_sql, "2026-01-01", ends[e]);
        int64_t g = sql_int2(conn, good_sql, "2026-01-01", ends[e]);
        jy_measure *m = m2_measure("push_coverage", "2026-01-01", ends[e]);
        cr_assert_float_eq(jy_measure_value(m), b ? (double)(100 * g) / (double)b : 100, 1e-9,
                           "%s", ends[e]);
        cr_assert_eq(jy_measure_id_total(m), b - g, "%s", ends[e]);
        size_t listed = jy_measure_id_count(m);
        cr_assert_eq(listed, (size_t)(b - g < 20 ? b - g : 20), "%s", ends[e]);
        if (b - g >= 20) {
            /* the first 20 failing by registration: the 20th is listed */
            int64_t twentieth = sql_int2(conn, first_failing_sql, "2026-01-01", ends[e]);
            int found = 0;
            for (size_t k = 0; k < listed; k++)
                found |= jy_measure_id_at(m, k) == twentieth;
            cr_assert(found, "%s", ends[e]);
        }
        jy_measure_free(m);
    }
    sqlite3_close(conn);
}

/* ---- Aggregates built for a request's end -----------------------------------
 * 12.1, 12.2 and 3.2 build their aggregate on the first request, from the
 * rows up to its end only (12.1 by date for an early end, by person
 * otherwise), and answer any earlier end from it; a later end rebuilds it.
 * Every answer must be SQL's: the same request inside a transaction (where
 * no aggregate is used) is the reference, value, evidence and note. */
static const char *const upto_metrics[] = { "key_group_1311_coverage", "return_assistance_rate",
                                            "return_employment_rate",
                                            "return_assistance_target_met", "push_coverage" };

static void same_as_sql(const char *from, const char *to, const char *when)
{
    for (size_t k = 0; k < sizeof upto_metrics / sizeof upto_metrics[0]; k++) {
        jy_measure *kept = m2_measure(upto_metrics[k], from, to);
        cr_assert_eq(jy_db_begin(db), JY_OK);
        jy_measure *sql = m2_measure(upto_metrics[k], from, to);
        cr_assert_eq(jy_db_rollback(db), JY_OK);
        const char *what = upto_metrics[k];
        cr_assert_eq(jy_measure_has_value(kept), jy_measure_has_value(sql), "%s %s %s", what, to, when);
        cr_assert_float_eq(jy_measure_value(kept), jy_measure_value(sql), 1e-9, "%s %s %s", what,
                           to, when);
        cr_assert_eq(jy_measure_id_total(kept), jy_measure_id_total(sql), "%s %s %s", what, to, when);
        cr_assert_eq(jy_measure_id_count(kept), jy_measure_id_count(sql), "%s %s %s", what, to, when);
        for (size_t i = 0; i < jy_measure_id_count(sql); i++)
            cr_assert_eq(jy_measure_id_at(kept, i), jy_measure_id_at(sql, i), "%s %s %s", what, to,
                         when);
        cr_assert_str_eq(jy_measure_note(kept), jy_measure_note(sql), "%s %s %s", what, to, when);
        jy_measure_free(kept);
        jy_measure_free(sql);
    }
}

Test(metrics_keygroups, aggregates_built_for_an_end_answer_as_sql, .fini = cross_cleanup)
{
    m2_close();
    snprintf(cross_path, sizeof cross_path, "/tmp/jy_upto_%d.db", (int)getpid());
    unlink(cross_path);
    cr_assert_eq(jy_db_open(&db, cross_path, NULL), JY_OK, "%s", jy_error_last()->message);
    static const char *const kinds[] = { "", "\"key_groups\": \"脱贫人口\"",
                                         "\"returnee\": true, \"wish_local\": true, \"needs_job\": true",
                                         "\"key_groups\": \"返乡人员\", \"returnee\": true,"
                                         " \"wish_local\": true, \"needs_job\": true" };
    static const char *const types[] = { "policy_briefing", "career_guidance", "job_referral",
                                         "job_recommendation", "training_offer" };
    char birth[9], day[11];
    int64_t first = 0;
    cr_assert_eq(jy_db_begin(db), JY_OK);
    for (int i = 0; i < 200; i++) {
        snprintf(birth, sizeof birth, "%04u%02u%02u", 1966 + lcg(40), 1 + lcg(12), 1 + lcg(28));
        random_day(day, 2025 + (int)lcg(2));
        int64_t id = m2_labor(birth, i, day, kinds[lcg(4)]);
        if (!first)
            first = id;
        /* many in the first quarter, so that packages complete there */
        for (uint32_t k = 4 + lcg(12); k > 0; k--) {
            if (lcg(2))
                snprintf(day, sizeof day, "2026-%02u-%02u", 1 + lcg(3), 1 + lcg(28));
            else
                random_day(day, 2026);
            service(id, types[lcg(5)], day);
        }
        for (uint32_t k = lcg(3); k > 0; k--) {
            random_day(day, 2026);
            assist(id, day, lcg(3) == 0);
        }
        random_day(day, 2026);
        int64_t js = m2_add(JY_KIND_JOBSEEKER,
                            "\"name\": \"求职者%d\", \"registered_on\": \"%s\","
                            " \"resume_on_platform\": true, \"in_county\": %s",
                            i, day, lcg(5) ? "true" : "false");
        if (lcg(2)) {
            random_day(day, 2026);
            m2_add(JY_KIND_PUSH, "\"jobseeker_id\": %lld, \"pushed_on\": \"%s\", \"posting_count\": 2",
                   (long long)js, day);
        }
    }
    for (int i = 0; i < 10; i++) {
        random_day(day, 2026);
        m2_add(JY_KIND_EVENT,
               "\"kind\": \"return_assistance\", \"date\": \"%s\", \"person_name\": \"测试%d\"",
               day, i);
    }
    assigned(40, "2026-03-02");
    cr_assert_eq(jy_db_commit(db), JY_OK);

    /* built for March (12.1 by date), answering February from it; built
     * again for the year (12.1 by person), answering March and June */
    static const char *const ends[] = { "2026-03-31", "2026-02-28", "2026-12-31", "2026-03-31",
                                        "2026-06-30", "2027-02-28", "2026-01-31" };
    for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++)
        same_as_sql("2026-01-01", ends[e], "unchanged");
    /* every day of a quarter, from the aggregate of its last day: a part
     * reached on the day itself counts */
    same_as_sql("2026-01-01", "2026-03-31", "the quarter");
    for (int m = 3; m >= 1; m--)
        for (int d = 31; d >= 1; d--) {
            snprintf(day, sizeof day, "2026-%02d-%02d", m, d);
            jy_date parsed;
            if (jy_date_parse(&parsed, day) == JY_OK)
                same_as_sql("2026-01-01", day, "each day");
        }
    /* a date SQL compares as text but is not a plain date, in the rows up
     * to an end: the build declines there and for every later end (SQL
     * answers), and an earlier end builds again */
    other_exec("UPDATE event SET date = '2026-04-3' WHERE id = (SELECT min(id) FROM event"
             " WHERE kind = 'service_1311' AND labor_id IN (SELECT id FROM labor WHERE"
             " key_groups <> '' AND entered_on <= '2026-01-31') AND date > '2026-04-30');"
             " UPDATE event SET date = '2026-04-3' WHERE id = (SELECT min(id) FROM event"
             " WHERE kind = 'return_assistance' AND labor_id IS NOT NULL AND date > '2026-04-30');"
             " UPDATE push SET pushed_on = '2026-04-3' WHERE id = (SELECT min(id) FROM push"
             " WHERE pushed_on > '2026-04-30');");
    static const char *const ends2[] = { "2026-12-31", "2026-06-30", "2026-03-31", "2026-12-31",
                                         "2026-02-28", "2026-04-30" };
    for (size_t e = 0; e < sizeof ends2 / sizeof ends2[0]; e++)
        same_as_sql("2026-01-01", ends2[e], "a date that is not plain");

    /* writes: by another connection, then through the ledger */
    other_exec("UPDATE event SET date = '2026-04-03' WHERE date = '2026-04-3';"
               " UPDATE push SET pushed_on = '2026-04-03' WHERE pushed_on = '2026-04-3'");
    same_as_sql("2026-01-01", "2026-12-31", "after another connection's commit");
    same_as_sql("2026-01-01", "2026-03-31", "after another connection's commit");
    service(first, "job_referral", "2026-02-02");
    assist(first, "2026-02-03", 1);
    same_as_sql("2026-01-01", "2026-03-31", "after a write");
    same_as_sql("2026-01-01", "2026-12-31", "after a write");
}
