/* The matcher: scoring, filters, factors, explanations, changes, bad input, threads. */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const jy_date DAY = { 2026, 6, 1 };

static jy_match_index *new_postings(void)
{
    jy_match_index *ix = NULL;
    cr_assert_eq(jy_match_index_new(&ix, JY_MATCH_POSTINGS, NULL), JY_OK, "%s", jy_error_last()->message);
    return ix;
}

static void add(jy_match_index *ix, const char *id, const char *title, const char *desc, const char *town)
{
    jy_posting_input p = JY_POSTING_INPUT_INIT;
    p.id = id;
    p.title = title;
    p.description = desc;
    p.township = town;
    p.published_on = (jy_date){ 2026, 5, 1 };
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK, "%s: %s", id, jy_error_last()->message);
}

static jy_match_options opts_on_day(void)
{
    jy_match_options o = JY_MATCH_OPTIONS_INIT;
    o.today = DAY;
    return o;
}

/* Runs a text query; returns the results (owned by a static object). */
static jy_match_results *query(jy_match_index *ix, const char *text, const jy_profile_input *base)
{
    static jy_match_results *r;
    if (!r)
        cr_assert_eq(jy_match_results_new(&r), JY_OK);
    jy_profile_input q = JY_PROFILE_INPUT_INIT;
    if (base)
        q = *base;
    q.text = text;
    jy_match_options o = opts_on_day();
    cr_assert_eq(jy_match_query(r, ix, &q, &o), JY_OK, "%s", jy_error_last()->message);
    return r;
}

static const char *top_id(jy_match_results *r)
{
    const jy_match_result *x = jy_match_results_at(r, 0);
    return x ? x->id : "(none)";
}

static int has_id(jy_match_results *r, const char *id)
{
    for (size_t i = 0; i < jy_match_results_count(r); i++)
        if (!strcmp(jy_match_results_at(r, i)->id, id))
            return 1;
    return 0;
}

Test(match, finds_the_job_and_ranks_title_above_description)
{
    jy_match_index *ix = new_postings();
    add(ix, "p1", "电焊工", "负责车间钢结构焊接，有焊工证优先", NULL);
    add(ix, "p2", "仓库管理员", "负责出入库，会用叉车，偶尔协助电焊工", NULL);
    add(ix, "p3", "箱包车工", "熟练使用平车，计件", NULL);
    cr_assert_eq(jy_match_index_count(ix), 3);
    jy_match_results *r = query(ix, "想找电焊工的工作", NULL);
    cr_assert_geq(jy_match_results_count(r), 2);
    cr_assert_str_eq(top_id(r), "p1");
    cr_assert(!has_id(r, "p3"), "箱包车工 shares only 工 with the query and must not match");
    jy_match_index_free(ix);
}

Test(match, unigrams_do_not_match_every_job_with_the_character)
{
    jy_match_index *ix = new_postings();
    add(ix, "a", "普工", "流水线普工，长白班", NULL);
    add(ix, "b", "焊工", "二保焊", NULL);
    add(ix, "c", "木工", "装修木工", NULL);
    jy_match_results *r = query(ix, "普工", NULL);
    cr_assert_eq(jy_match_results_count(r), 1, "got %zu results", jy_match_results_count(r));
    cr_assert_str_eq(top_id(r), "a");
    /* A lone character still matches, with a low weight. */
    r = query(ix, "焊", NULL);
    cr_assert_str_eq(top_id(r), "b");
    jy_match_index_free(ix);
}

Test(match, latin_and_mixed_tokens_fullwidth_and_traditional)
{
    jy_match_index *ix = new_postings();
    add(ix, "cnc", "CNC操作员", "数控车床", NULL);
    add(ix, "c1", "货车司机", "需C1驾照", NULL);
    add(ix, "x", "文员", "办公室", NULL);
    cr_assert_str_eq(top_id(query(ix, "ＣＮＣ", NULL)), "cnc");
    cr_assert_str_eq(top_id(query(ix, "有c1驾照", NULL)), "c1");
    cr_assert_str_eq(top_id(query(ix, "貨車司機", NULL)), "c1");
    jy_match_index_free(ix);
}

Test(match, vocabulary_links_different_words_for_one_job)
{
    jy_match_index *ix = new_postings();
    add(ix, "drv", "驾驶员", "公司用车，驾龄三年以上", NULL);
    add(ix, "weld", "焊工", "二氧化碳保护焊", NULL);
    add(ix, "ops", "操作工", "流水线", NULL);
    jy_match_results *r = query(ix, "会开车", NULL);
    cr_assert_str_eq(top_id(r), "drv");
    const jy_match_result *x = jy_match_results_at(r, 0);
    int linked = 0;
    for (size_t i = 0; i < x->reason_count; i++)
        linked |= x->reasons[i].kind == JY_REASON_OCCUPATION && strstr(x->reasons[i].text, "→");
    cr_assert(linked, "the explanation names the vocabulary link");
    cr_assert_str_eq(top_id(query(ix, "司机", NULL)), "drv");
    cr_assert_str_eq(top_id(query(ix, "电焊", NULL)), "weld");
    cr_assert_str_eq(top_id(query(ix, "普工", NULL)), "ops");
    /* Without a vocabulary, 司机 finds nothing. */
    jy_match_index *plain = new_postings();
    cr_assert_eq(jy_match_index_use_vocab(plain, NULL), JY_OK);
    add(plain, "drv", "驾驶员", NULL, NULL);
    cr_assert_eq(jy_match_results_count(query(plain, "司机", NULL)), 0);
    cr_assert_eq(jy_match_index_use_vocab(plain, NULL), JY_EINVAL);
    jy_match_index_free(plain);
    jy_match_index_free(ix);
}

Test(match, hard_filters_age_education_kind_closed)
{
    jy_match_index *ix = new_postings();
    jy_posting_input p = JY_POSTING_INPUT_INIT;
    p.id = "young";
    p.title = "保安";
    p.age_min = 18;
    p.age_max = 45;
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);
    p.id = "college";
    p.age_min = p.age_max = 0;
    p.education = "大专";
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);
    p.id = "gig";
    p.education = NULL;
    p.kind = "gig";
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);
    p.id = "closed";
    p.kind = "full_time";
    p.closed_on = (jy_date){ 2026, 5, 20 };
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);
    p.id = "future";
    p.closed_on = (jy_date){ 0, 0, 0 };
    p.published_on = (jy_date){ 2026, 7, 1 };
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);

    jy_profile_input q = JY_PROFILE_INPUT_INIT;
    q.age = 50;
    q.education = "junior";
    jy_match_results *r = query(ix, "保安", &q);
    cr_assert_eq(jy_match_results_count(r), 1, "only the gig job fits a 50-year-old with junior school: %zu",
                 jy_match_results_count(r));
    cr_assert_str_eq(top_id(r), "gig");
    q.age = 30;
    q.education = "bachelor";
    q.kind = "full_time";
    r = query(ix, "保安", &q);
    cr_assert_eq(jy_match_results_count(r), 2);
    cr_assert(has_id(r, "young") && has_id(r, "college"));
    jy_match_index_free(ix);
}

Test(match, township_and_salary_factors_and_explanations)
{
    jy_match_index *ix = new_postings();
    jy_posting_input p = JY_POSTING_INPUT_INIT;
    p.title = "操作工";
    p.published_on = DAY;
    p.id = "far";
    p.township = "桃溪乡";
    p.salary_min = 3000;
    p.salary_max = 3500;
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);
    p.id = "near";
    p.township = "360824100"; /* 金川镇 by code */
    p.salary_min = 4500;
    p.salary_max = 6000;
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);
    jy_profile_input q = JY_PROFILE_INPUT_INIT;
    q.township = "金川";
    q.salary_min = 5000;
    jy_match_results *r = query(ix, "操作工", &q);
    cr_assert_eq(jy_match_results_count(r), 2);
    const jy_match_result *best = jy_match_results_at(r, 0), *other = jy_match_results_at(r, 1);
    cr_assert_str_eq(best->id, "near");
    cr_assert_gt(best->score, other->score);
    cr_assert_float_eq(best->text_score, other->text_score, 1e-6);
    int town = 0, salary = 0, term = 0;
    for (size_t i = 0; i < best->reason_count; i++) {
        const jy_match_reason *w = &best->reasons[i];
        if (w->kind == JY_REASON_TOWNSHIP && !strcmp(w->text, "same:金川镇"))
            town = w->effect > 0;
        if (w->kind == JY_REASON_SALARY && !strncmp(w->text, "fits:", 5))
            salary = 1;
        if (w->kind == JY_REASON_TERM && !strcmp(w->text, "操作@title"))
            term = 1;
    }
    cr_assert(town && salary && term, "town %d salary %d term %d", town, salary, term);
    for (size_t i = 0; i < other->reason_count; i++)
        if (other->reasons[i].kind == JY_REASON_SALARY)
            cr_assert_lt(other->reasons[i].effect, 0.0, "a salary below the wish costs");
    char *why = NULL;
    cr_assert_eq(jy_match_results_why_json(&why, r, 0), JY_OK);
    cr_assert(strstr(why, "\"kind\":\"township\"") && strstr(why, "\"text\":\"same:金川镇\""), "%s", why);
    jy_free(why);
    cr_assert_eq(jy_match_results_why_json(&why, r, 5), JY_EINVAL);
    jy_match_index_free(ix);
}

Test(match, nearby_townships_of_the_county_seat)
{
    jy_match_index *ix = new_postings();
    add(ix, "seat", "保洁员", NULL, "洋峰街道");
    add(ix, "far", "保洁员", NULL, "荷浦乡");
    jy_profile_input q = JY_PROFILE_INPUT_INIT;
    q.township = "金川镇";
    jy_match_results *r = query(ix, "保洁", &q);
    cr_assert_str_eq(top_id(r), "seat");
    const jy_match_result *best = jy_match_results_at(r, 0);
    int nearby = 0;
    for (size_t i = 0; i < best->reason_count; i++)
        nearby |= !strcmp(best->reasons[i].text, "nearby:洋峰街道");
    cr_assert(nearby);
    jy_match_index_free(ix);
}

Test(match, add_update_remove)
{
    jy_match_index *ix = new_postings();
    add(ix, "1", "厨师", "中餐", NULL);
    jy_posting_input p = JY_POSTING_INPUT_INIT;
    p.id = "1";
    p.title = "厨师";
    cr_assert_eq(jy_match_index_add(ix, &p), JY_EEXISTS);
    p.title = "电焊工";
    cr_assert_eq(jy_match_index_update(ix, &p), JY_OK);
    cr_assert_eq(jy_match_index_count(ix), 1);
    cr_assert_eq(jy_match_results_count(query(ix, "厨师", NULL)), 0);
    cr_assert_str_eq(top_id(query(ix, "电焊工", NULL)), "1");
    cr_assert_eq(jy_match_index_remove(ix, "1"), JY_OK);
    cr_assert_eq(jy_match_index_remove(ix, "1"), JY_ENOTFOUND);
    cr_assert_eq(jy_match_index_count(ix), 0);
    cr_assert_eq(jy_match_results_count(query(ix, "电焊工", NULL)), 0);
    /* Many changes: compaction keeps answers right. */
    char id[32];
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < 1500; i++) {
            snprintf(id, sizeof id, "%d", i);
            p.id = id;
            p.title = (i + round) % 2 ? "叉车司机" : "仓库管理员";
            cr_assert_eq(jy_match_index_update(ix, &p), JY_OK);
        }
    cr_assert_eq(jy_match_index_count(ix), 1500);
    jy_match_options o = opts_on_day();
    o.top_k = 2000;
    o.boost_family = 0; /* both jobs are of one family */
    jy_match_results *r = NULL;
    jy_match_results_new(&r);
    jy_profile_input q = JY_PROFILE_INPUT_INIT;
    q.text = "叉车司机";
    cr_assert_eq(jy_match_query(r, ix, &q, &o), JY_OK);
    cr_assert_eq(jy_match_results_count(r), 750);
    cr_assert_gt(jy_match_index_memory(ix), 0);
    jy_match_results_free(r);
    jy_match_index_free(ix);
}

Test(match, reverse_direction_posting_to_jobseekers)
{
    jy_match_index *ix = NULL;
    cr_assert_eq(jy_match_index_new(&ix, JY_MATCH_JOBSEEKERS, NULL), JY_OK);
    jy_profile_input q = JY_PROFILE_INPUT_INIT;
    q.id = "s1";
    q.text = "想找电焊工作，有焊工证";
    q.age = 35;
    cr_assert_eq(jy_match_index_put_profile(ix, &q), JY_OK);
    q.id = "s2";
    q.text = "带小孩的宝妈，想做保洁";
    q.age = 40;
    cr_assert_eq(jy_match_index_put_profile(ix, &q), JY_OK);
    q.id = "s3";
    q.text = "电焊工";
    q.age = 60;
    cr_assert_eq(jy_match_index_put_profile(ix, &q), JY_OK);
    jy_posting_input p = JY_POSTING_INPUT_INIT;
    p.title = "电焊工";
    p.description = "钢结构焊接";
    p.age_max = 50;
    jy_match_results *r = NULL;
    jy_match_results_new(&r);
    jy_match_options o = opts_on_day();
    cr_assert_eq(jy_match_query_posting(r, ix, &p, &o), JY_OK);
    cr_assert_eq(jy_match_results_count(r), 1, "s3 is too old, s2 wants something else");
    cr_assert_str_eq(jy_match_results_at(r, 0)->id, "s1");
    /* Wrong side. */
    cr_assert_eq(jy_match_query(r, ix, &q, &o), JY_EINVAL);
    cr_assert_eq(jy_match_index_add(ix, &p), JY_EINVAL);
    jy_match_results_free(r);
    jy_match_index_free(ix);
}

Test(match, json_input_and_batch_line)
{
    jy_match_index *ix = new_postings();
    const char *line = "{\"id\": 7, \"title\": \"叉车司机\", \"skills\": [\"叉车证\"], \"township\": \"三湖镇\","
                       " \"salary_min\": 4000, \"salary_max\": 6000, \"kind\": \"full_time\", \"whatever\": {\"x\": 1}}";
    jy_located_error err;
    cr_assert_eq(jy_match_index_add_json(ix, line, strlen(line), &err), JY_OK, "%s", err.text);
    const char *bad = "{\"id\": \"8\", \"title\": \"叉车\", \"salary_min\": \"4000\"}";
    cr_assert_eq(jy_match_index_add_json(ix, bad, strlen(bad), &err), JY_EPARSE);
    cr_assert_str_eq(err.field, "salary_min");
    const char *bad2 = "{\"id\": \"8\", \"skills\": [1, 2]}";
    cr_assert_eq(jy_match_index_add_json(ix, bad2, strlen(bad2), &err), JY_EPARSE);
    cr_assert_str_eq(err.field, "skills");
    cr_assert_eq(jy_match_index_add_json(ix, "[1]", 3, &err), JY_EPARSE);
    cr_assert_eq(jy_match_index_add_json(ix, "{\"title\": \"x\"}", 14, &err), JY_EPARSE);
    cr_assert_str_eq(err.field, "id");
    cr_assert_eq(jy_match_index_count(ix), 1);

    jy_match_results *r = NULL;
    jy_match_results_new(&r);
    char *out = NULL;
    const char *q = "{\"id\": \"q1\", \"text\": \"会开叉车\", \"township\": \"三湖\", \"salary_min\": 4500}";
    jy_match_options o = opts_on_day();
    cr_assert_eq(jy_match_query_json(&out, r, ix, q, strlen(q), &o, &err), JY_OK, "%s", err.text);
    cr_assert(!strncmp(out, "{\"query\":\"q1\",\"results\":[{\"posting\":\"7\",\"score\":", 48), "%s", out);
    cr_assert(strstr(out, "\"why\":[{\"kind\":"), "%s", out);
    jy_free(out);
    const char *qbad = "{\"id\": 2, \"age\": \"old\"}";
    cr_assert_eq(jy_match_query_json(&out, r, ix, qbad, strlen(qbad), &o, &err), JY_EPARSE);
    cr_assert_null(out);
    cr_assert_str_eq(err.field, "age");
    const char *qfb = "{\"id\": 3, \"text\": \"叉车\", \"fallback\": \"yes\"}";
    cr_assert_eq(jy_match_query_json(&out, r, ix, qfb, strlen(qfb), &o, &err), JY_EPARSE);
    cr_assert_null(out);
    cr_assert_str_eq(err.field, "fallback");
    jy_match_results_free(r);
    jy_match_index_free(ix);
}

/* Regression (fuzz_match_query): the JSON entry points read one byte past
 * the text to see whether it was NUL-terminated; a buffer of exactly `len`
 * bytes was overread (seen under ASan and valgrind). Text after `len` is
 * not part of the object. */
Test(match, json_text_need_not_be_nul_terminated)
{
    jy_match_index *ix = new_postings();
    const char *posting = "{\"id\": \"p\", \"title\": \"叉车司机\"}";
    size_t plen = strlen(posting);
    char *exact = malloc(plen);
    cr_assert_not_null(exact);
    memcpy(exact, posting, plen);
    jy_located_error err;
    cr_assert_eq(jy_match_index_add_json(ix, exact, plen, &err), JY_OK, "%s", err.text);
    free(exact);
    cr_assert_eq(jy_match_index_count(ix), 1);

    const char *q = "{\"id\": \"a\", \"text\": \"叉车\"}";
    size_t qlen = strlen(q);
    char *qexact = malloc(qlen);
    cr_assert_not_null(qexact);
    memcpy(qexact, q, qlen);
    jy_match_results *r = NULL;
    cr_assert_eq(jy_match_results_new(&r), JY_OK);
    jy_match_options o = opts_on_day();
    char *out = NULL;
    cr_assert_eq(jy_match_query_json(&out, r, ix, qexact, qlen, &o, &err), JY_OK, "%s", err.text);
    free(qexact);
    const char *want = "{\"query\":\"a\",\"results\":[{\"posting\":\"p\",";
    cr_assert(!strncmp(out, want, strlen(want)), "%s", out);
    jy_free(out);
    /* Followed by more text: only the first `len` bytes count. */
    const char *more = "{\"id\": \"b\", \"text\": \"叉车\"}, garbage";
    cr_assert_eq(jy_match_query_json(&out, r, ix, more, qlen, &o, &err), JY_OK, "%s", err.text);
    cr_assert(!strncmp(out, "{\"query\":\"b\",", strlen("{\"query\":\"b\",")), "%s", out);
    jy_free(out);
    jy_match_results_free(r);
    jy_match_index_free(ix);
}

/* Regression (fuzz_match_query): an id beyond the range of long long was
 * converted before its range was checked (undefined behaviour). */
Test(match, huge_numeric_id_is_refused)
{
    jy_match_index *ix = new_postings();
    jy_located_error err;
    const char *ids[] = { "1e66", "-1e66", "1e400", "9223372036854775808" };
    char doc[128];
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
        snprintf(doc, sizeof doc, "{\"id\": %s, \"title\": \"普工\"}", ids[i]);
        cr_assert_eq(jy_match_index_add_json(ix, doc, strlen(doc), &err), JY_EPARSE, "%s", ids[i]);
        cr_assert_str_eq(err.field, "id");
    }
    const char *ok = "{\"id\": 9007199254740992, \"title\": \"普工\"}";
    cr_assert_eq(jy_match_index_add_json(ix, ok, strlen(ok), &err), JY_OK, "%s", err.text);
    jy_match_results *r = NULL;
    cr_assert_eq(jy_match_results_new(&r), JY_OK);
    char *out = NULL;
    const char *q = "{\"id\": 1e66, \"text\": \"普工\"}";
    cr_assert_eq(jy_match_query_json(&out, r, ix, q, strlen(q), NULL, &err), JY_EPARSE);
    cr_assert_null(out);
    cr_assert_str_eq(err.field, "id");
    jy_match_results_free(r);
    jy_match_index_free(ix);
}

Test(match, bad_input_never_crashes)
{
    jy_match_index *ix = new_postings();
    jy_posting_input p = JY_POSTING_INPUT_INIT;
    p.id = "u";
    p.title = "焊\xff工";
    cr_assert_eq(jy_match_index_add(ix, &p), JY_EUTF8);
    cr_assert(strstr(jy_error_last()->message, "title"), "%s", jy_error_last()->message);
    p.title = "焊工";
    p.age_min = 50;
    p.age_max = 20;
    cr_assert_eq(jy_match_index_add(ix, &p), JY_EINVAL);
    p.age_min = p.age_max = 0;
    p.education = "幼儿园";
    cr_assert_eq(jy_match_index_add(ix, &p), JY_EINVAL);
    p.education = NULL;
    p.kind = "part";
    cr_assert_eq(jy_match_index_add(ix, &p), JY_EINVAL);
    p.kind = NULL;
    p.id = "";
    cr_assert_eq(jy_match_index_add(ix, &p), JY_EINVAL);
    cr_assert_eq(jy_match_index_count(ix), 0);

    /* 1 MB of text and 10 000 skills: cut, not refused. */
    size_t big = 1 << 20;
    char *text = malloc(big + 1);
    for (size_t i = 0; i + 3 <= big; i += 3)
        memcpy(text + i, i % 2 ? "焊" : "工", 3);
    text[big - big % 3] = '\0';
    const char **skills = malloc(10000 * sizeof *skills);
    for (size_t i = 0; i < 10000; i++)
        skills[i] = "叉车";
    p.id = "big";
    p.title = "电工";
    p.description = text;
    p.skills = skills;
    p.skill_count = 10000;
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK, "%s", jy_error_last()->message);
    jy_profile_input q = JY_PROFILE_INPUT_INIT;
    q.text = text;
    q.skills = skills;
    q.skill_count = 10000;
    jy_match_results *r = query(ix, text, &q);
    cr_assert_str_eq(top_id(r), "big");
    q.text = "焊\xc3";
    q.skills = NULL;
    q.skill_count = 0;
    jy_match_options o = opts_on_day();
    cr_assert_eq(jy_match_query(r, ix, &q, &o), JY_EUTF8);
    cr_assert_eq(jy_match_results_count(r), 0);
    q.text = "";
    cr_assert_eq(jy_match_query(r, ix, &q, &o), JY_OK); /* empty: structured factors only */
    cr_assert_eq(jy_match_results_count(r), 1);
    o.version = 99;
    cr_assert_eq(jy_match_query(r, ix, &q, &o), JY_EVERSION);
    cr_assert_eq(jy_match_query(NULL, ix, &q, NULL), JY_EINVAL);
    cr_assert_eq(jy_match_index_new(NULL, JY_MATCH_POSTINGS, NULL), JY_EINVAL);
    jy_match_index *bad = NULL;
    cr_assert_eq(jy_match_index_new(&bad, (jy_match_side)9, NULL), JY_EINVAL);
    jy_match_index_free(NULL);
    jy_match_results_free(NULL);
    free(text);
    free(skills);
    jy_match_index_free(ix);
}

/* Threads: many threads query one index while another builds a new one and
 * swaps it in, again and again. Every answer comes from one whole version. */
typedef struct shared {
    jy_match_index *ix;
    volatile int stop;
    int failures;
    long queries;
} shared;

static void fill(jy_match_index *ix, int version)
{
    char id[32];
    for (int i = 0; i < 300; i++) {
        jy_posting_input p = JY_POSTING_INPUT_INIT;
        snprintf(id, sizeof id, "v%d-%d", version, i);
        p.id = id;
        p.title = i % 3 ? "普工" : "叉车司机";
        cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);
    }
}

static void *reader(void *arg)
{
    shared *s = arg;
    jy_match_results *r = NULL;
    jy_match_results_new(&r);
    jy_profile_input q = JY_PROFILE_INPUT_INIT;
    q.text = "叉车司机";
    jy_match_options o = opts_on_day();
    o.top_k = 200;
    long n = 0;
    while (!s->stop) {
        if (jy_match_query(r, s->ix, &q, &o) != JY_OK || jy_match_results_count(r) != 100) {
            __atomic_add_fetch(&s->failures, 1, __ATOMIC_RELAXED);
            continue;
        }
        /* all results of one version */
        const char *first = jy_match_results_at(r, 0)->id;
        const char *dash = strchr(first, '-');
        for (size_t i = 1; i < 100; i++)
            if (strncmp(jy_match_results_at(r, i)->id, first, (size_t)(dash - first) + 1))
                __atomic_add_fetch(&s->failures, 1, __ATOMIC_RELAXED);
        n++;
    }
    __atomic_add_fetch(&s->queries, n, __ATOMIC_RELAXED);
    jy_match_results_free(r);
    return NULL;
}

Test(match, threads_query_while_a_new_index_is_swapped_in)
{
    shared s = { new_postings(), 0, 0, 0 };
    fill(s.ix, 0);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, reader, &s);
    for (int v = 1; v <= 20; v++) {
        jy_match_index *fresh = new_postings();
        fill(fresh, v);
        cr_assert_eq(jy_match_index_swap(s.ix, fresh), JY_OK);
        jy_match_index_free(fresh);
        /* and changes in place too */
        cr_assert_eq(jy_match_index_remove(s.ix, "nothing"), JY_ENOTFOUND);
    }
    s.stop = 1;
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    cr_assert_eq(s.failures, 0);
    cr_assert_gt(s.queries, 0);
    jy_match_index_free(s.ix);
}

/* ---- Fallback, filters under pruning, exact top k (matchfast) ------------------------ */

Test(match, fallback_gives_postings_that_pass_the_filters)
{
    jy_match_index *ix = new_postings();
    jy_posting_input p = JY_POSTING_INPUT_INIT;
    p.published_on = (jy_date){ 2026, 5, 1 };
    p.id = "clerk";
    p.title = "行政文员";
    p.description = "办公室文员，负责文件整理";
    p.education = "college";
    p.age_max = 35;
    p.township = "360824100";
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);
    p.id = "cleaner";
    p.title = "保洁";
    p.description = "小区保洁，打扫卫生";
    p.education = NULL;
    p.age_max = 0;
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);
    p.id = "cook-far";
    p.title = "厨师";
    p.description = "食堂做饭";
    p.township = "桃溪乡";
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);
    p.id = "guard-young";
    p.title = "保安";
    p.description = "门卫值班";
    p.age_max = 45;
    p.township = "360824100";
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);

    /* A 54-year-old with junior school asks for a clerk's job: none accepts her. */
    jy_profile_input q = JY_PROFILE_INPUT_INIT;
    q.age = 54;
    q.education = "junior";
    q.township = "金川镇";
    jy_match_results *r = query(ix, "想找行政文员的工作", &q);
    size_t n = jy_match_results_count(r);
    cr_assert_eq(n, 2, "the fallback: the postings she can take (%zu)", n);
    const jy_match_result *best = jy_match_results_at(r, 0);
    cr_assert_str_eq(best->id, "cleaner", "same township first");
    cr_assert(has_id(r, "cook-far"));
    cr_assert(!has_id(r, "clerk") && !has_id(r, "guard-young"), "never a posting her age or education excludes");
    for (size_t i = 0; i < n; i++) {
        const jy_match_result *x = jy_match_results_at(r, i);
        cr_assert_eq(x->text_score, 0.0);
        cr_assert_gt(x->score, 0.0);
        cr_assert_geq(x->reason_count, 1);
        cr_assert_eq(x->reasons[0].kind, JY_REASON_FALLBACK);
        cr_assert_str_eq(x->reasons[0].text, "filtered:1");
    }
    char *why = NULL;
    cr_assert_eq(jy_match_results_why_json(&why, r, 0), JY_OK);
    cr_assert(strstr(why, "{\"kind\":\"fallback\",\"text\":\"filtered:1\"") == why + 1, "%s", why);
    jy_free(why);

    /* Turned off: nothing, as before. */
    jy_match_options o = opts_on_day();
    o.fallback = 0;
    q.text = "想找行政文员的工作";
    cr_assert_eq(jy_match_query(r, ix, &q, &o), JY_OK);
    cr_assert_eq(jy_match_results_count(r), 0);
    /* Version 1 options (no `fallback` field) get the default. */
    o.version = 1;
    cr_assert_eq(jy_match_query(r, ix, &q, &o), JY_OK);
    cr_assert_eq(jy_match_results_count(r), 2);
    o.version = 3;
    cr_assert_eq(jy_match_query(r, ix, &q, &o), JY_EVERSION);

    /* A text that matches nothing gets nothing: the fallback is for filters only. */
    r = query(ix, "宇航员", &q);
    cr_assert_eq(jy_match_results_count(r), 0);
    /* When she can take a matching posting, no fallback. */
    r = query(ix, "保洁", &q);
    cr_assert_eq(jy_match_results_count(r), 1);
    cr_assert_str_eq(top_id(r), "cleaner");
    cr_assert_neq(jy_match_results_at(r, 0)->reasons[0].kind, JY_REASON_FALLBACK);
    jy_match_index_free(ix);
}

Test(match, colloquial_forms_of_machine_repair_and_tiling)
{
    jy_match_index *ix = new_postings();
    add(ix, "mech", "机修工", "负责车间设备维修保养", NULL);
    add(ix, "tiler", "泥瓦工", "砌墙、抹灰", NULL);
    add(ix, "cook", "厨师", "食堂", NULL);
    jy_match_results *r = query(ix, "修机器", NULL);
    cr_assert_str_eq(top_id(r), "mech");
    r = query(ix, "会贴瓷砖", NULL);
    cr_assert_str_eq(top_id(r), "tiler");
    jy_match_index_free(ix);
}

static uint32_t lcg(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

static const char *const GEN_TITLES[] = { "普工", "电焊工", "货车司机", "叉车司机", "会计", "行政文员", "保洁",
                                          "保安", "厨师", "服务员", "仓管员", "电商主播", "箱包车工", "质检员",
                                          "泥瓦工", "机修工", "护工", "采摘工" };
static const char *const GEN_WORDS[] = { "包吃住", "五险一金", "计件工资", "长白班", "有经验优先", "按天结算",
                                         "县城", "工业园区", "夜班补贴", "年底奖金", "学徒", "熟练工" };
static const char *const GEN_EDU[] = { NULL, "none", "junior", "senior", "vocational", "college", "bachelor" };
static const char *const GEN_TOWNS[] = { NULL, "360824100", "360824103", "360824203", "桃溪乡", "洋峰街道" };

static int edu_level(const char *e)
{
    static const char *const order[] = { "none", "primary", "junior", "senior", "vocational", "college", "bachelor",
                                         "master" };
    for (int i = 0; e && i < 8; i++)
        if (!strcmp(e, order[i]))
            return i;
    return -1;
}

typedef struct gen_posting {
    char id[16], title[64], desc[256];
    int age_min, age_max, edu, kind; /* kind 0 any, 1 full time, 2 gig */
    int closed;
} gen_posting;

/* Under pruning, every result passes the hard filters, and the top 10 is the
 * top 1000's first 10 (the same documents, scores and order). */
Test(match, pruned_top_k_is_exact_and_never_breaks_a_hard_filter, .timeout = 60)
{
    enum { NP = 1800, NQ = 300 };
    jy_match_index *ix = new_postings();
    gen_posting *gp = calloc(NP, sizeof *gp);
    uint32_t seed = 12345;
    size_t nt = sizeof GEN_TITLES / sizeof GEN_TITLES[0], nw = sizeof GEN_WORDS / sizeof GEN_WORDS[0];
    for (int i = 0; i < NP; i++) {
        gen_posting *g = &gp[i];
        snprintf(g->id, sizeof g->id, "p%d", i);
        /* Few distinct texts (ties) and some unique ones. */
        snprintf(g->title, sizeof g->title, "%s", GEN_TITLES[lcg(&seed) % nt]);
        snprintf(g->desc, sizeof g->desc, "%s，%s，%s%s", GEN_WORDS[lcg(&seed) % nw], GEN_WORDS[lcg(&seed) % nw],
                 i % 7 ? "" : GEN_TITLES[lcg(&seed) % nt], i % 3 ? "" : GEN_WORDS[lcg(&seed) % nw]);
        jy_posting_input p = JY_POSTING_INPUT_INIT;
        p.id = g->id;
        p.title = g->title;
        p.description = g->desc;
        p.township = GEN_TOWNS[lcg(&seed) % 6];
        if (lcg(&seed) % 2) {
            g->age_min = 16 + (int)(lcg(&seed) % 10);
            g->age_max = 35 + (int)(lcg(&seed) % 30);
        }
        p.age_min = g->age_min;
        p.age_max = g->age_max;
        const char *e = GEN_EDU[lcg(&seed) % 7];
        p.education = e;
        g->edu = edu_level(e);
        g->kind = (int)(lcg(&seed) % 3);
        p.kind = g->kind == 1 ? "full_time" : g->kind == 2 ? "gig" : NULL;
        int sal = 2500 + (int)(lcg(&seed) % 60) * 100;
        p.salary_min = lcg(&seed) % 4 ? sal : 0;
        p.salary_max = p.salary_min && lcg(&seed) % 2 ? p.salary_min + 1000 : 0;
        p.published_on = (jy_date){ 2026, 1 + (int)(lcg(&seed) % 5), 1 + (int)(lcg(&seed) % 28) };
        g->closed = lcg(&seed) % 10 == 0;
        if (i % 100 == 1) { /* a rare job with strict limits: the fallback's case */
            snprintf(g->title, sizeof g->title, "飞行员");
            p.education = "college";
            g->edu = edu_level("college");
            p.age_min = g->age_min = 20;
            p.age_max = g->age_max = 30;
        }
        if (g->closed)
            p.closed_on = (jy_date){ 2026, 5, 15 };
        cr_assert_eq(jy_match_index_add(ix, &p), JY_OK, "%s", jy_error_last()->message);
    }
    /* Some removals and updates: tombstones in the lists. */
    for (int i = 0; i < NP; i += 37)
        cr_assert_eq(jy_match_index_remove(ix, gp[i].id), JY_OK);

    jy_match_results *small = NULL, *big = NULL;
    cr_assert_eq(jy_match_results_new(&small), JY_OK);
    cr_assert_eq(jy_match_results_new(&big), JY_OK);
    size_t fallbacks = 0, answered = 0;
    for (int qn = 0; qn < NQ; qn++) {
        char text[128];
        snprintf(text, sizeof text, "想找%s的工作，%s", qn % 10 ? GEN_TITLES[lcg(&seed) % nt] : "飞行员",
                 qn % 10 ? GEN_WORDS[lcg(&seed) % nw] : "");
        jy_profile_input q = JY_PROFILE_INPUT_INIT;
        q.text = text;
        q.age = qn % 5 ? 18 + (int)(lcg(&seed) % 45) : 0;
        q.education = GEN_EDU[lcg(&seed) % 7];
        int qedu = edu_level(q.education);
        int qkind = qn % 4 == 0 ? 2 : qn % 4 == 1 ? 1 : 0;
        q.kind = qkind == 2 ? "gig" : qkind == 1 ? "full_time" : NULL;
        q.township = GEN_TOWNS[lcg(&seed) % 6];
        q.salary_min = qn % 2 ? 3000 + (int)(lcg(&seed) % 40) * 100 : 0;
        jy_match_options o = opts_on_day();
        o.top_k = 10;
        cr_assert_eq(jy_match_query(small, ix, &q, &o), JY_OK, "%s", jy_error_last()->message);
        o.top_k = 1000;
        cr_assert_eq(jy_match_query(big, ix, &q, &o), JY_OK, "%s", jy_error_last()->message);
        size_t ns = jy_match_results_count(small), nb = jy_match_results_count(big);
        cr_assert_eq(ns, nb < 10 ? nb : 10, "query %d: %zu against %zu", qn, ns, nb);
        answered += ns > 0;
        for (size_t i = 0; i < ns; i++) {
            const jy_match_result *a = jy_match_results_at(small, i), *b = jy_match_results_at(big, i);
            cr_assert_str_eq(a->id, b->id, "query %d rank %zu", qn, i);
            cr_assert_eq(a->score, b->score, "query %d rank %zu", qn, i);
        }
        for (size_t i = 0; i < nb; i++) {
            const jy_match_result *x = jy_match_results_at(big, i);
            const gen_posting *g = &gp[atoi(x->id + 1)];
            if (q.age) {
                cr_assert(!g->age_min || q.age >= g->age_min, "%s: age %d < %d", x->id, q.age, g->age_min);
                cr_assert(!g->age_max || q.age <= g->age_max, "%s: age %d > %d", x->id, q.age, g->age_max);
            }
            cr_assert(qedu < 0 || g->edu <= 0 || qedu >= g->edu, "%s: education", x->id);
            cr_assert(!qkind || !g->kind || qkind == g->kind, "%s: kind", x->id);
            cr_assert(!g->closed, "%s: closed", x->id);
            cr_assert_neq(atoi(x->id + 1) % 37, 0, "%s: removed", x->id);
            if (x->reasons[0].kind == JY_REASON_FALLBACK && i == 0)
                fallbacks++;
        }
    }
    cr_assert_gt(fallbacks, 0, "the corpus has profiles only the fallback answers");
    cr_assert_gt(answered, NQ * 9 / 10, "%zu of %d answered", answered, NQ);
    jy_match_results_free(small);
    jy_match_results_free(big);
    jy_match_index_free(ix);
    free(gp);
}
