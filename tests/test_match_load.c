/* Loading a matcher index from a JSON Lines file (jy_match_index_load_jsonl):
 * all or nothing. A bad line anywhere leaves the index as it was (documents
 * neither added nor replaced), and the error names the line and field. */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];
static char path[128];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/jy-match-load-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/postings.jsonl", dir);
}

static void teardown(void)
{
    unlink(path);
    rmdir(dir);
}

static void write_file(const char *text)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(text, 1, strlen(text), f), strlen(text));
    cr_assert_eq(fclose(f), 0);
}

/* The id of the best posting for a text, or "" when none matches. */
static const char *best(jy_match_index *ix, const char *text)
{
    static jy_match_results *r;
    static char id[64];
    if (!r)
        cr_assert_eq(jy_match_results_new(&r), JY_OK);
    jy_profile_input q = JY_PROFILE_INPUT_INIT;
    q.text = text;
    jy_match_options o = JY_MATCH_OPTIONS_INIT;
    o.today = (jy_date){ 2026, 6, 1 };
    cr_assert_eq(jy_match_query(r, ix, &q, &o), JY_OK, "%s", jy_error_last()->message);
    const jy_match_result *x = jy_match_results_at(r, 0);
    snprintf(id, sizeof id, "%s", x ? x->id : "");
    return id;
}

static jy_match_index *two_postings(void)
{
    jy_match_index *ix = NULL;
    cr_assert_eq(jy_match_index_new(&ix, JY_MATCH_POSTINGS, NULL), JY_OK);
    const char *docs[] = { "{\"id\": \"p1\", \"title\": \"叉车司机\"}", "{\"id\": \"p2\", \"title\": \"电焊工\"}" };
    jy_located_error err;
    for (size_t i = 0; i < 2; i++)
        cr_assert_eq(jy_match_index_add_json(ix, docs[i], strlen(docs[i]), &err), JY_OK, "%s", err.text);
    return ix;
}

Test(match_load, a_good_file_adds_and_replaces, .init = setup, .fini = teardown)
{
    jy_match_index *ix = two_postings();
    write_file("\xEF\xBB\xBF{\"id\": \"p1\", \"title\": \"厨师\"}\n\n{\"id\": \"p3\", \"title\": \"保安\"}\n");
    size_t n = 99;
    jy_located_error err;
    cr_assert_eq(jy_match_index_load_jsonl(&n, ix, path, &err), JY_OK, "%s", err.text);
    cr_assert_eq(n, 2);
    cr_assert_eq(jy_match_index_count(ix), 3);
    cr_assert_str_eq(best(ix, "厨师"), "p1");
    cr_assert_str_eq(best(ix, "叉车司机"), "", "p1 was replaced");
    cr_assert_str_eq(best(ix, "保安"), "p3");
    jy_match_index_free(ix);
}

/* Every kind of bad line, first, in the middle and last: the index is
 * unchanged (p1 still the forklift driver, nothing of the file added), the
 * count is 0, and the error names the line and the field. */
Test(match_load, a_bad_line_leaves_the_index_unchanged, .init = setup, .fini = teardown)
{
    static const struct {
        const char *bad;
        int code;
        const char *field;
    } cases[] = {
        { "{\"id\": \"p9\", \"title\": \"厨师\", \"salary_min\": \"4000\"}", JY_EPARSE, "salary_min" },
        { "{\"id\": \"p9\", \"education\": \"doctorate\"}", JY_EINVAL, "education" },
        { "{\"id\": \"p9\", \"kind\": \"seasonal\"}", JY_EINVAL, "kind" },
        { "{\"id\": \"p9\", \"age_min\": 50, \"age_max\": 20}", JY_EINVAL, "age_min/age_max" },
        { "{\"id\": \"p9\", \"title\": \"\xE5\x8F\"}", JY_EUTF8, NULL },
        { "{\"id\": \"p9\", \"title\": \"厨师\"", JY_EPARSE, NULL },
        { "{\"title\": \"厨师\"}", JY_EPARSE, "id" },
        { "[1, 2]", JY_EPARSE, NULL },
    };
    const char *good1 = "{\"id\": \"p1\", \"title\": \"厨师\"}";
    const char *good2 = "{\"id\": \"p3\", \"title\": \"保安\"}";
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        for (size_t where = 1; where <= 3; where++) {
            char text[512];
            if (where == 1)
                snprintf(text, sizeof text, "%s\n%s\n%s\n", cases[c].bad, good1, good2);
            else if (where == 2)
                snprintf(text, sizeof text, "%s\n%s\n%s\n", good1, cases[c].bad, good2);
            else
                snprintf(text, sizeof text, "%s\n%s\n%s", good1, good2, cases[c].bad);
            write_file(text);
            jy_match_index *ix = two_postings();
            size_t n = 99;
            jy_located_error err;
            int rc = jy_match_index_load_jsonl(&n, ix, path, &err);
            cr_assert_eq(rc, cases[c].code, "case %zu at line %zu: %d %s", c, where, rc, err.text);
            cr_assert_eq(n, 0);
            cr_assert_eq(err.line, where, "case %zu", c);
            cr_assert_eq(err.record, where, "case %zu", c);
            if (cases[c].field)
                cr_assert_str_eq(err.field, cases[c].field, "case %zu: %s", c, err.text);
            cr_assert(strstr(jy_error_last()->message, path), "%s", jy_error_last()->message);
            cr_assert_eq(jy_match_index_count(ix), 2, "case %zu at line %zu", c, where);
            cr_assert_str_eq(best(ix, "叉车司机"), "p1", "case %zu at line %zu: p1 replaced", c, where);
            cr_assert_str_eq(best(ix, "保安"), "", "case %zu at line %zu: p3 added", c, where);
            cr_assert_str_eq(best(ix, "厨师"), "", "case %zu at line %zu", c, where);
            jy_match_index_free(ix);
        }
    }
}

/* A failed load into an empty index leaves it empty and usable; a jobseekers
 * index too; a missing file changes nothing. */
Test(match_load, empty_index_and_jobseekers, .init = setup, .fini = teardown)
{
    jy_match_index *ix = NULL;
    cr_assert_eq(jy_match_index_new(&ix, JY_MATCH_JOBSEEKERS, NULL), JY_OK);
    write_file("{\"id\": \"s1\", \"text\": \"会开叉车\"}\n{\"id\": \"s2\", \"age\": 400}\n");
    size_t n = 99;
    jy_located_error err;
    cr_assert_eq(jy_match_index_load_jsonl(&n, ix, path, &err), JY_EINVAL);
    cr_assert_eq(err.line, 2);
    cr_assert_str_eq(err.field, "age", "%s", err.text);
    cr_assert_eq(jy_match_index_count(ix), 0);
    write_file("{\"id\": \"s1\", \"text\": \"会开叉车\"}\n{\"id\": \"s2\", \"age\": 40}\n");
    cr_assert_eq(jy_match_index_load_jsonl(&n, ix, path, &err), JY_OK, "%s", err.text);
    cr_assert_eq(n, 2);
    cr_assert_eq(jy_match_index_count(ix), 2);
    char missing[160];
    snprintf(missing, sizeof missing, "%s/none.jsonl", dir);
    cr_assert_eq(jy_match_index_load_jsonl(&n, ix, missing, &err), JY_EIO);
    cr_assert_eq(n, 0);
    cr_assert_eq(jy_match_index_count(ix), 2);
    jy_match_index_free(ix);
}
