/* The daily push over a database: rows, no posting pushed twice, same-day
 * idempotence, coverage, cancel. */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t add(jy_db *db, jy_kind kind, const char *const *kv)
{
    jy_record *r = NULL;
    cr_assert_eq(jy_record_new(&r, kind), JY_OK);
    for (size_t i = 0; kv[i]; i += 2)
        cr_assert_eq(jy_record_set_text(r, kv[i], kv[i + 1]), JY_OK, "%s: %s", kv[i], jy_error_last()->message);
    int64_t id = 0;
    cr_assert_eq(jy_ledger_add(&id, db, r), JY_OK, "%s", jy_error_last()->message);
    jy_record_free(r);
    return id;
}

static int64_t count_push(jy_db *db)
{
    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_PUSH;
    int64_t n = -1;
    cr_assert_eq(jy_ledger_count(&n, db, &f), JY_OK);
    return n;
}

static int stop(size_t done, size_t total, void *payload)
{
    (void)done;
    (void)total;
    (void)payload;
    return 1;
}

/* The matcher's fallback (postings that pass the filters but match nothing
 * asked) is off in the push: 3.2 counts resumes that received *matched*
 * postings. */
Test(push, sends_precise_matches_only_never_the_fallback)
{
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, ":memory:", NULL), JY_OK);
    add(db, JY_KIND_ENTERPRISE, (const char *const[]){ "name", "新干县测试物流有限公司", NULL });
    add(db, JY_KIND_POSTING, (const char *const[]){ "enterprise_id", "1", "title", "叉车司机", "kind", "full_time",
                                                     "age_max", "40", "published_on", "2026-05-01", NULL });
    add(db, JY_KIND_POSTING, (const char *const[]){ "enterprise_id", "1", "title", "保洁员", "kind", "full_time",
                                                     "published_on", "2026-05-01", NULL });
    add(db, JY_KIND_JOBSEEKER, (const char *const[]){ "name", "甲", "registered_on", "2026-05-02", "wishes",
                                                       "开叉车", "age", "52", "resume_on_platform", "1",
                                                       "in_county", "1", NULL });
    /* The matcher alone, with its default options, falls back to 保洁员. */
    jy_match_index *ix = NULL;
    cr_assert_eq(jy_match_index_new(&ix, JY_MATCH_POSTINGS, NULL), JY_OK);
    jy_posting_input p = JY_POSTING_INPUT_INIT;
    p.id = "1";
    p.title = "叉车司机";
    p.age_max = 40;
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);
    p.id = "2";
    p.title = "保洁员";
    p.age_max = 0;
    cr_assert_eq(jy_match_index_add(ix, &p), JY_OK);
    jy_profile_input q = JY_PROFILE_INPUT_INIT;
    q.text = "开叉车";
    q.age = 52;
    jy_match_results *r = NULL;
    cr_assert_eq(jy_match_results_new(&r), JY_OK);
    jy_match_options mo = JY_MATCH_OPTIONS_INIT;
    mo.today = (jy_date){ 2026, 6, 1 };
    cr_assert_eq(jy_match_query(r, ix, &q, &mo), JY_OK);
    cr_assert_eq(jy_match_results_count(r), 1, "the matcher's fallback");
    jy_match_results_free(r);
    jy_match_index_free(ix);

    jy_push_options o = JY_PUSH_OPTIONS_INIT;
    jy_push_stats st;
    jy_date day = { 2026, 6, 1 };
    cr_assert_eq(jy_push_run(&st, db, day, &o), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.jobseekers, 1);
    cr_assert_eq(st.pushed, 0, "no posting matching the wish accepts a 52-year-old");
    cr_assert_eq(st.no_match, 1);
    cr_assert_eq(st.county_covered, 0);
    cr_assert_eq(count_push(db), 0);
    jy_db_close(db);
}

Test(push, pushes_new_matches_once_and_is_idempotent_per_day)
{
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, ":memory:", NULL), JY_OK);
    add(db, JY_KIND_ENTERPRISE, (const char *const[]){ "name", "新干县测试物流有限公司", NULL });
    const char *titles[] = { "叉车司机", "货车司机", "仓管员", "保洁员" };
    for (size_t i = 0; i < 4; i++)
        add(db, JY_KIND_POSTING, (const char *const[]){ "enterprise_id", "1", "title", titles[i], "kind",
                                                         "full_time", "published_on", "2026-05-01", NULL });
    add(db, JY_KIND_POSTING, (const char *const[]){ "enterprise_id", "1", "title", "叉车工", "kind", "full_time",
                                                     "published_on", "2026-05-01", "closed_on", "2026-05-20",
                                                     NULL });
    add(db, JY_KIND_JOBSEEKER, (const char *const[]){ "name", "甲", "registered_on", "2026-05-02", "wishes",
                                                       "会开叉车，想找物流仓库的工作", "resume_on_platform", "1",
                                                       "in_county", "1", NULL });
    add(db, JY_KIND_JOBSEEKER, (const char *const[]){ "name", "乙", "registered_on", "2026-05-02", "wishes",
                                                       "开叉车", "resume_on_platform", "0", NULL });
    add(db, JY_KIND_JOBSEEKER, (const char *const[]){ "name", "丙", "registered_on", "2026-05-02", "wishes",
                                                       "会计", "resume_on_platform", "1", NULL });
    jy_push_options o = JY_PUSH_OPTIONS_INIT;
    o.top_k = 2;
    jy_push_stats st;
    jy_date day = { 2026, 6, 1 };
    cr_assert_eq(jy_push_run(&st, db, day, &o), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.postings_open, 4, "the closed posting is left out");
    cr_assert_eq(st.jobseekers, 2);
    cr_assert_eq(st.pushed, 1);
    cr_assert_eq(st.postings_pushed, 2);
    cr_assert_eq(st.no_match, 1);
    cr_assert_eq(st.county_resumes, 2);
    cr_assert_eq(st.county_covered, 1);
    cr_assert_eq(count_push(db), 1);
    jy_record *r = NULL;
    cr_assert_eq(jy_ledger_get(&r, db, JY_KIND_PUSH, 1), JY_OK);
    const char *first = NULL;
    cr_assert_eq(jy_record_get_item(&first, r, "postings", 0), JY_OK);
    cr_assert_str_eq(first, "1", "叉车司机 first");
    char day1[2][16];
    for (size_t i = 0; i < 2; i++) {
        cr_assert_eq(jy_record_get_item(&first, r, "postings", i), JY_OK);
        snprintf(day1[i], sizeof day1[i], "%s", first);
    }
    jy_record_free(r);

    /* The same day again: the same single row. */
    cr_assert_eq(jy_push_run(&st, db, day, &o), JY_OK);
    cr_assert_eq(count_push(db), 1);
    /* Next day: the two remaining postings of the family, never the first two. */
    jy_date next = { 2026, 6, 2 };
    cr_assert_eq(jy_push_run(&st, db, next, &o), JY_OK);
    cr_assert_eq(count_push(db), 2);
    cr_assert_eq(jy_ledger_get(&r, db, JY_KIND_PUSH, 2), JY_OK);
    for (size_t i = 0; i < jy_record_item_count(r, "postings"); i++) {
        cr_assert_eq(jy_record_get_item(&first, r, "postings", i), JY_OK);
        cr_assert(strcmp(first, day1[0]) && strcmp(first, day1[1]), "posting %s pushed twice", first);
    }
    jy_record_free(r);
    /* Cancelled: nothing written. */
    o.progress = stop;
    jy_date third = { 2026, 6, 3 };
    cr_assert_eq(jy_push_run(&st, db, third, &o), JY_ERROR);
    cr_assert_eq(count_push(db), 2);
    /* Bad arguments. */
    cr_assert_eq(jy_push_run(&st, NULL, day, NULL), JY_EINVAL);
    jy_date bad = { 2026, 2, 30 };
    cr_assert_eq(jy_push_run(&st, db, bad, NULL), JY_EINVAL);
    o.progress = NULL;
    o.top_k = 1000;
    cr_assert_eq(jy_push_run(&st, db, day, &o), JY_EINVAL);
    jy_db_close(db);
}

/* What the push was told about the postings it left out. */
typedef struct rejects {
    size_t n;
    int stop;
    char field[4][64];
    size_t record[4];
    char text[4][256];
    int code[4];
} rejects;

static int on_reject(const jy_located_error *e, void *payload)
{
    rejects *r = payload;
    if (r->n < 4) {
        snprintf(r->field[r->n], sizeof r->field[r->n], "%s", e->field);
        snprintf(r->text[r->n], sizeof r->text[r->n], "%s", e->text);
        r->record[r->n] = e->record;
        r->code[r->n] = e->code;
    }
    r->n++;
    return r->stop;
}

/* A stored posting the matcher refuses (written around the library: an
 * education code it does not know, a title that is not UTF-8) is left out
 * of the push, counted and reported with its id and field; the callback can
 * stop the push, and then nothing is written. Version 1 options still work. */
Test(push, postings_the_matcher_refuses_are_reported)
{
    char dir[] = "/tmp/jy-push-XXXXXX", path[64];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/county.db", dir);
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK);
    add(db, JY_KIND_ENTERPRISE, (const char *const[]){ "name", "新干县测试物流有限公司", NULL });
    const char *titles[] = { "叉车司机", "货车司机", "仓管员" };
    for (size_t i = 0; i < 3; i++)
        add(db, JY_KIND_POSTING, (const char *const[]){ "enterprise_id", "1", "title", titles[i], "kind",
                                                         "full_time", "published_on", "2026-05-01", NULL });
    add(db, JY_KIND_JOBSEEKER, (const char *const[]){ "name", "甲", "registered_on", "2026-05-02", "wishes",
                                                       "会开叉车，货车也行", "resume_on_platform", "1", NULL });
    jy_db_close(db);
    sqlite3 *raw = NULL;
    cr_assert_eq(sqlite3_open(path, &raw), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(raw, "UPDATE posting SET education = 'doctorate' WHERE id = 2;"
                                   "UPDATE posting SET title = CAST(X'E58F' AS TEXT) WHERE id = 3;",
                              NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(raw));
    sqlite3_close(raw);
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK);

    rejects rj = { 0 };
    jy_push_options o = JY_PUSH_OPTIONS_INIT;
    o.on_reject = on_reject;
    o.reject_payload = &rj;
    rj.stop = 5;
    jy_push_stats st;
    jy_date day = { 2026, 6, 1 };
    cr_assert_eq(jy_push_run(&st, db, day, &o), 5, "the callback's value stops the push");
    cr_assert_eq(rj.n, 1);
    cr_assert_eq(count_push(db), 0, "nothing written");

    memset(&rj, 0, sizeof rj);
    cr_assert_eq(jy_push_run(&st, db, day, &o), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.postings_open, 1);
    cr_assert_eq(st.postings_rejected, 2);
    cr_assert_eq(rj.n, 2);
    cr_assert_eq(rj.record[0], 2);
    cr_assert_str_eq(rj.field[0], "education");
    cr_assert_eq(rj.code[0], JY_EINVAL);
    cr_assert(strstr(rj.text[0], "posting 2 left out of the push"), "%s", rj.text[0]);
    cr_assert_eq(rj.record[1], 3);
    cr_assert_str_eq(rj.field[1], "title");
    cr_assert_eq(rj.code[1], JY_EUTF8);
    cr_assert_eq(st.pushed, 1);
    cr_assert_eq(count_push(db), 1);

    /* Without a callback: counted all the same. Version 1 options. */
    struct {
        unsigned int version;
        size_t top_k, threads;
        const char *channel;
        const jy_match_options *match;
        jy_push_progress_fn progress;
        void *payload;
        int dry_run;
    } v1 = { 1, 5, 1, "platform", NULL, NULL, NULL, 1 };
    cr_assert_eq(jy_push_run(&st, db, day, (const jy_push_options *)(const void *)&v1), JY_OK, "%s",
                 jy_error_last()->message);
    cr_assert_eq(st.postings_rejected, 2);
    cr_assert_eq(st.postings_open, 1);
    jy_db_close(db);
    char cmd[96];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_expect_eq(system(cmd), 0);
}
