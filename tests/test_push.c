/* The daily push over a database: rows, no posting pushed twice, same-day
 * idempotence, coverage, cancel. */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <stdio.h>
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
