/* Rule sets: the default one reproduces the seed's table, and rule files
 * with errors are rejected with their location. */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <stdio.h>
#include <string.h>

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
