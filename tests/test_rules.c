/* Rule sets: the default one reproduces the seed's table, and rule files
 * with errors are rejected with their location. */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

Test(rules, default_rules_are_the_seed_table)
{
    jy_rules *r = NULL;
    cr_assert_eq(jy_rules_load_default(&r), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(jy_rules_base(r), 100);
    cr_assert_eq(jy_rules_item_count(r), 15);
    double points = 0;
    size_t subs = 0;
    for (size_t i = 0; i < jy_rules_item_count(r); i++) {
        const jy_rule_item *it = jy_rules_item_at(r, i);
        cr_assert_eq(it->id, (int)i + 1);
        points += it->points;
        subs += it->rule_count;
        for (size_t j = 0; j < it->rule_count; j++)
            for (size_t c = 0; c < it->rules[j].check_count; c++)
                cr_assert_not_null(jy_metric_find(it->rules[j].checks[c].metric));
    }
    cr_assert_eq(points, 100, "the items' points make up the 100 points");
    cr_assert_eq(subs, 48, "every sub-indicator of the catalogue (1.1 ... 15.2)");
    cr_assert_str_eq(jy_rules_item_at(r, 0)->name, "县级就业之家日常运营");
    cr_assert_str_eq(jy_rules_item_at(r, 12)->standard, "未举办不得分，每季度企业少一家扣0.5分");

    const jy_rule *acc = jy_rules_find(r, "10.2");
    cr_assert_not_null(acc);
    cr_assert_eq(acc->deduction.mode, JY_DEDUCT_PER_UNIT);
    cr_assert_eq(acc->deduction.per_unit, 0.5);
    cr_assert_eq(acc->checks[0].target, 90);
    const jy_rule *tea = jy_rules_find(r, "13.1");
    cr_assert_eq(tea->checks[0].period, JY_RULE_QUARTER);
    cr_assert_eq(tea->checks[0].target, 10);
    cr_assert_eq(tea->deduction.per_unit, 0.5);
    const jy_rule *r11 = jy_rules_find(r, "1.1");
    cr_assert_eq(r11->checks[0].period, JY_RULE_MONTH);
    cr_assert_eq(r11->deduction.mode, JY_DEDUCT_RANGE);
    cr_assert_eq(r11->deduction.min, 0.5);
    cr_assert_eq(r11->deduction.max, 1);
    cr_assert_eq(jy_rules_find(r, "6.1")->deduction.max, 3);
    const jy_rule *rank = jy_rules_find(r, "15.1");
    cr_assert(rank->is_bonus);
    cr_assert_eq(rank->bonus.value_count, 2);
    cr_assert_eq(rank->bonus.points[0], 5);
    cr_assert_eq(rank->bonus.points[1], 3);
    cr_assert_eq(jy_rules_find(r, "15.2")->bonus.per_unit, 5);
    cr_assert_null(jy_rules_find(r, "16.1"));
    jy_rules_free(r);
    jy_rules_free(NULL);
}

Test(rules, installed_file_equals_the_embedded_rules)
{
    jy_rules *r = NULL;
    jy_located_error err;
    cr_assert_eq(jy_rules_load_file(&r, JY_SOURCE_DATA_DIR "/rules-default.json", &err), JY_OK,
                 "%s", err.text);
    cr_assert_eq(jy_rules_item_count(r), 15);
    jy_rules_free(r);
}

/* A minimal valid document with `item` as its only item. */
static int load_item(jy_located_error *err, const char *item)
{
    char text[4096];
    snprintf(text, sizeof text,
             "{\"format\":\"jiuye-rules\",\"version\":1,\"items\":[%s]}", item);
    jy_rules *r = NULL;
    int rc = jy_rules_load_buffer(&r, text, strlen(text), err);
    jy_rules_free(r);
    return rc;
}

#define GOOD_CHECK "{\"metric\":\"gig_postings\",\"period\":\"year\",\"target\":1000}"
#define GOOD_DED "{\"min\":0.5,\"max\":1}"

Test(rules, a_minimal_rule_set_loads)
{
    jy_located_error err;
    cr_assert_eq(load_item(&err, "{\"id\":1,\"name\":\"x\",\"points\":10,\"indicators\":["
                                 "{\"id\":\"1.1\",\"checks\":[" GOOD_CHECK "],\"deduction\":"
                                 GOOD_DED "}]}"),
                 JY_OK, "%s: %s", err.field, err.text);
}

Test(rules, errors_are_located)
{
    static const struct {
        const char *item, *field, *text;
    } cases[] = {
        { "{\"id\":1,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"1.1\",\"checks\":["
          "{\"metric\":\"no_such\",\"period\":\"year\",\"target\":1}],\"deduction\":" GOOD_DED "}]}",
          "items[0].indicators[0].checks[0].metric", "no metric" },
        { "{\"id\":1,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"1.1\",\"checks\":["
          "{\"metric\":\"gig_postings\",\"period\":\"fortnight\",\"target\":1}],\"deduction\":"
          GOOD_DED "}]}",
          "items[0].indicators[0].checks[0].period", "unknown period" },
        { "{\"id\":1,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"1.1\",\"checks\":["
          GOOD_CHECK "],\"deduction\":{\"min\":1,\"max\":0.5}}]}",
          "items[0].indicators[0].deduction.max", "below min" },
        { "{\"id\":1,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"2.1\",\"checks\":["
          GOOD_CHECK "],\"deduction\":" GOOD_DED "}]}",
          "items[0].indicators[0].id", "must be '1.'" },
        { "{\"id\":1,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"1.1\",\"checks\":["
          GOOD_CHECK "],\"deduction\":" GOOD_DED "},{\"id\":\"1.1\",\"checks\":[" GOOD_CHECK
          "],\"deduction\":" GOOD_DED "}]}",
          "items[0].indicators[1].id", "twice" },
        { "{\"id\":1,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"1.1\",\"checks\":["
          GOOD_CHECK "],\"deduction\":" GOOD_DED ",\"dedution\":1}]}",
          "items[0].indicators[0].dedution", "unknown member" },
        { "{\"id\":1,\"name\":\"x\",\"indicators\":[{\"id\":\"1.1\",\"checks\":[" GOOD_CHECK
          "],\"deduction\":" GOOD_DED "}]}",
          "items[0].points", "missing" },
        { "{\"id\":1,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"1.1\",\"checks\":[]"
          ",\"deduction\":" GOOD_DED "}]}",
          "items[0].indicators[0].checks", "non-empty" },
        { "{\"id\":1,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"1.1\",\"checks\":["
          GOOD_CHECK "],\"deduction\":{\"per_unit\":0.5,\"rounding\":\"up\"}}]}",
          "items[0].indicators[0].deduction.rounding", "rounding" },
        { "{\"id\":1,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"1.1\",\"checks\":["
          GOOD_CHECK "],\"deduction\":{\"min\":0.5,\"max\":1,\"per_unit\":1}}]}",
          "items[0].indicators[0].deduction", "either" },
        { "{\"id\":15,\"name\":\"x\",\"bonus\":true,\"indicators\":[{\"id\":\"15.1\",\"checks\":["
          GOOD_CHECK "],\"bonus\":{\"values\":[[1]]}}]}",
          "items[0].indicators[0].bonus.values[0]", "pair" },
        { "{\"id\":1,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"1.1\",\"checks\":["
          "{\"metric\":\"gig_postings\",\"period\":\"year\",\"target\":\"many\"}],\"deduction\":"
          GOOD_DED "}]}",
          "items[0].indicators[0].checks[0].target", "number" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        jy_located_error err;
        cr_assert_eq(load_item(&err, cases[i].item), JY_EINVAL, "case %zu", i);
        cr_assert_eq(err.code, JY_EINVAL);
        cr_assert_str_eq(err.source, "<memory>");
        cr_assert_str_eq(err.field, cases[i].field, "case %zu: field %s (%s)", i, err.field,
                         err.text);
        cr_assert_not_null(strstr(err.text, cases[i].text), "case %zu: %s", i, err.text);
        cr_assert_not_null(strstr(jy_error_last()->message, cases[i].field));
    }
}

/* An item 12 whose 12.1 check carries `params` (JSON text of the object). */
#define KG_ITEM(params)                                                                     \
    "{\"id\":12,\"name\":\"x\",\"points\":6,\"indicators\":[{\"id\":\"12.1\",\"checks\":["  \
    "{\"metric\":\"gig_postings\",\"period\":\"year\",\"target\":1},"                       \
    "{\"metric\":\"key_group_1311_coverage\",\"period\":\"period\",\"target\":100,"         \
    "\"params\":" params "}],\"deduction\":" GOOD_DED "}]}"

Test(rules, metric_params_load)
{
    char text[4096];
    snprintf(text, sizeof text, "{\"format\":\"jiuye-rules\",\"version\":1,\"items\":[%s]}",
             KG_ITEM("{\"job_referrals\": 2, \"training_offers\": 0}"));
    jy_rules *r = NULL;
    jy_located_error err;
    cr_assert_eq(jy_rules_load_buffer(&r, text, strlen(text), &err), JY_OK, "%s: %s", err.field,
                 err.text);
    const jy_rule *rule = jy_rules_find(r, "12.1");
    cr_assert_str_eq(rule->checks[0].params, "", "a check without params");
    cr_assert_str_eq(rule->checks[1].params, "{\"job_referrals\":2,\"training_offers\":0}");
    jy_rules_free(r);
    jy_located_error e2;
    cr_assert_eq(load_item(&e2, KG_ITEM("{}")), JY_OK, "%s", e2.text);
}

Test(rules, default_rules_state_the_seed_parameters)
{
    jy_rules *r = NULL;
    cr_assert_eq(jy_rules_load_default(&r), JY_OK);
    cr_assert_str_eq(jy_rules_find(r, "12.1")->checks[0].params,
                     "{\"policy_briefings\":1,\"career_guidance\":1,\"job_referrals\":3,"
                     "\"training_offers\":1}");
    cr_assert_str_eq(jy_rules_find(r, "8.2")->checks[0].params,
                     "{\"groups_per_township\":2,\"min_members\":500}");
    cr_assert_str_eq(jy_rules_find(r, "5.3")->checks[0].params,
                     "{\"min_minutes\":90,\"min_jobs\":30}");
    cr_assert_str_eq(jy_rules_find(r, "9.2")->checks[0].params, "{\"months\":3}");
    cr_assert_str_eq(jy_rules_find(r, "10.1")->checks[0].params,
                     "{\"min_age\":16,\"max_age\":60,\"deadline_month\":8,\"deadline_day\":31}");
    cr_assert_str_eq(jy_rules_find(r, "1.1")->checks[0].params, "");
    jy_rules_free(r);
}

Test(rules, bad_metric_params_are_located)
{
    static const struct {
        const char *item, *field, *text;
    } cases[] = {
        { KG_ITEM("{\"job_referals\": 2}"), "items[0].indicators[0].checks[1].params.job_referals",
          "has no parameter 'job_referals' (it takes policy_briefings, career_guidance, "
          "job_referrals, training_offers)" },
        { KG_ITEM("{\"min_members\": 300}"), "items[0].indicators[0].checks[1].params.min_members",
          "has no parameter" },
        { KG_ITEM("{\"job_referrals\": \"3\"}"),
          "items[0].indicators[0].checks[1].params.job_referrals", "must be a number" },
        { KG_ITEM("{\"job_referrals\": [3]}"),
          "items[0].indicators[0].checks[1].params.job_referrals", "must be a number" },
        { KG_ITEM("{\"job_referrals\": null}"),
          "items[0].indicators[0].checks[1].params.job_referrals", "must be a number" },
        { KG_ITEM("{\"job_referrals\": -1}"),
          "items[0].indicators[0].checks[1].params.job_referrals", "-1 is out of range (0 to 20)" },
        { KG_ITEM("{\"job_referrals\": 21}"),
          "items[0].indicators[0].checks[1].params.job_referrals", "out of range" },
        { KG_ITEM("{\"job_referrals\": 2.5}"),
          "items[0].indicators[0].checks[1].params.job_referrals", "not a whole number" },
        { KG_ITEM("{\"job_referrals\": 2, \"job_referrals\": 3}"),
          "items[0].indicators[0].checks[1].params.job_referrals", "given twice" },
        { KG_ITEM("[2]"), "items[0].indicators[0].checks[1].params", "must be an object" },
        { KG_ITEM("3"), "items[0].indicators[0].checks[1].params", "must be an object" },
        { "{\"id\":1,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"1.1\",\"checks\":["
          "{\"metric\":\"gig_postings\",\"period\":\"year\",\"target\":1000,\"params\":{\"x\":1}}"
          "],\"deduction\":" GOOD_DED "}]}",
          "items[0].indicators[0].checks[0].params.x", "the metric gig_postings takes no parameters" },
        { "{\"id\":8,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"8.2\",\"checks\":["
          "{\"metric\":\"townships_short_of_jobseeker_groups\",\"period\":\"period\",\"target\":0,"
          "\"compare\":\"<=\",\"params\":{\"min_members\":0}}],\"deduction\":" GOOD_DED "}]}",
          "items[0].indicators[0].checks[0].params.min_members", "0 is out of range (1 to 1e+06)" },
        { "{\"id\":8,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"8.2\",\"checks\":["
          "{\"metric\":\"townships_short_of_jobseeker_groups\",\"period\":\"period\",\"target\":0,"
          "\"compare\":\"<=\",\"params\":{\"groups_per_township\":0}}],\"deduction\":" GOOD_DED
          "}]}",
          "items[0].indicators[0].checks[0].params.groups_per_township", "out of range (1 to 100)" },
        { "{\"id\":5,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"5.3\",\"checks\":["
          "{\"metric\":\"live_shows_short\",\"period\":\"period\",\"target\":0,"
          "\"compare\":\"<=\",\"params\":{\"min_minutes\":1441}}],\"deduction\":" GOOD_DED "}]}",
          "items[0].indicators[0].checks[0].params.min_minutes", "out of range (0 to 1440)" },
        { "{\"id\":9,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"9.2\",\"checks\":["
          "{\"metric\":\"retained_hires\",\"period\":\"year\",\"target\":1500,"
          "\"params\":{\"months\":0}}],\"deduction\":" GOOD_DED "}]}",
          "items[0].indicators[0].checks[0].params.months", "out of range (1 to 36)" },
#define LABOR_ITEM(params)                                                                  \
    "{\"id\":10,\"name\":\"x\",\"points\":8,\"indicators\":[{\"id\":\"10.1\",\"checks\":["  \
    "{\"metric\":\"labor_records\",\"period\":\"year\",\"target\":150000,"                    \
    "\"params\":" params "}],\"deduction\":" GOOD_DED "}]}"
        { LABOR_ITEM("{\"min_age\": 61}"), "items[0].indicators[0].checks[0].params.min_age",
          "61 is above max_age (60)" },
        { LABOR_ITEM("{\"min_age\": 18, \"max_age\": 17}"),
          "items[0].indicators[0].checks[0].params.min_age", "18 is above max_age (17)" },
        { LABOR_ITEM("{\"deadline_month\": 2, \"deadline_day\": 29}"),
          "items[0].indicators[0].checks[0].params.deadline_day", "month 2 has no day 29" },
        { LABOR_ITEM("{\"deadline_month\": 9}"), /* with the default day, 31 */
          "items[0].indicators[0].checks[0].params.deadline_day", "month 9 has no day 31" },
        { LABOR_ITEM("{\"deadline_month\": 13}"),
          "items[0].indicators[0].checks[0].params.deadline_month", "out of range (1 to 12)" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        jy_located_error err;
        cr_assert_eq(load_item(&err, cases[i].item), JY_EINVAL, "case %zu", i);
        cr_assert_str_eq(err.source, "<memory>");
        cr_assert_str_eq(err.field, cases[i].field, "case %zu: field %s (%s)", i, err.field,
                         err.text);
        cr_assert_not_null(strstr(err.text, cases[i].text), "case %zu: %s", i, err.text);
        cr_assert_not_null(strstr(jy_error_last()->message, cases[i].field));
    }
}

/* A file names itself in the error. */
Test(rules, bad_metric_params_in_a_file)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/jy_rules_params_%d.json", (int)getpid());
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fprintf(f, "{\"format\":\"jiuye-rules\",\"version\":1,\"items\":[%s]}",
            KG_ITEM("{\"job_referrals\": 30}"));
    fclose(f);
    jy_rules *r = NULL;
    jy_located_error err;
    int rc = jy_rules_load_file(&r, path, &err);
    unlink(path);
    cr_assert_eq(rc, JY_EINVAL);
    cr_assert_null(r);
    cr_assert_str_eq(err.source, path);
    cr_assert_str_eq(err.field, "items[0].indicators[0].checks[1].params.job_referrals");
    cr_assert(strstr(jy_error_last()->message, path) != NULL, "%s", jy_error_last()->message);
}

Test(rules, document_level_errors)
{
    jy_rules *r = NULL;
    jy_located_error err;
    const char *bad_json = "{\"format\":\"jiuye-rules\",\n\"version\":1,\n\"items\":[}";
    cr_assert_eq(jy_rules_load_buffer(&r, bad_json, strlen(bad_json), &err), JY_EPARSE);
    cr_assert_eq(err.line, 3);
    const char *fmt = "{\"format\":\"other\",\"version\":1,\"items\":[]}";
    cr_assert_eq(jy_rules_load_buffer(&r, fmt, strlen(fmt), &err), JY_EINVAL);
    cr_assert_str_eq(err.field, "format");
    const char *ver = "{\"format\":\"jiuye-rules\",\"version\":2,\"items\":[]}";
    cr_assert_eq(jy_rules_load_buffer(&r, ver, strlen(ver), &err), JY_EINVAL);
    cr_assert_str_eq(err.field, "version");
    const char *none = "{\"format\":\"jiuye-rules\",\"version\":1,\"items\":[]}";
    cr_assert_eq(jy_rules_load_buffer(&r, none, strlen(none), &err), JY_EINVAL);
    cr_assert_str_eq(err.field, "items");
    cr_assert_eq(jy_rules_load_file(&r, "/nonexistent/rules.json", &err), JY_EIO);
    cr_assert_str_eq(err.source, "/nonexistent/rules.json");
    cr_assert_null(r);
}
