/* The matcher's query path: the input is one query line of the batch mode
 * (jy_match_query_json), run against a small postings index (the input as a
 * jobseeker profile) and a small jobseekers index (the input as a posting).
 * The indexes are built once, with jy_match_index_add_json, from postings
 * and profiles like tests/data/match/. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static const char *const postings[] = {
    "{\"id\": 1, \"title\": \"叉车司机\", \"skills\": [\"叉车证\"], \"township\": \"三湖镇\", "
    "\"salary_min\": 4000, \"salary_max\": 6000, \"kind\": \"full_time\"}",
    "{\"id\": 2, \"title\": \"驾驶员\", \"description\": \"C1驾照，公司用车\", \"township\": \"金川镇\", "
    "\"salary_min\": 5000, \"salary_max\": 7000}",
    "{\"id\": 3, \"title\": \"普工\", \"description\": \"流水线操作工，长白班\", \"age_max\": 45}",
    "{\"id\": 25876, \"title\": \"裁床工\", \"description\": \"负责面料、皮料裁剪，会看纸样，能适应计件；"
    "有裁床经验优先。\", \"skills\": [\"裁床\", \"排料\"], \"township\": \"360824404\", \"salary_min\": 5000, "
    "\"salary_max\": 7500, \"age_min\": 18, \"age_max\": 45, \"education\": \"none\", \"kind\": \"full_time\", "
    "\"headcount\": 8, \"published_on\": \"2026-09-06\"}",
    "{\"id\": \"g7\", \"title\": \"日结搬运工\", \"description\": \"日结200元，装卸货物\", \"kind\": \"gig\", "
    "\"published_on\": \"2026-10-01\"}",
};

static const char *const profiles[] = {
    "{\"id\": \"a\", \"text\": \"想找开车的工作\", \"township\": \"金川\", \"salary_min\": 5000}",
    "{\"id\": \"b\", \"text\": \"普工\", \"age\": 50}",
    "{\"id\": \"c\", \"text\": \"會開叉車\", \"skills\": [\"叉车证\"], \"education\": \"senior\"}",
    "{\"id\": \"d\", \"text\": \"日结 搬运 装卸\", \"kind\": \"gig\", \"age\": 30}",
};

static jy_match_index *by_postings, *by_jobseekers;
static jy_match_results *results;

static void build(jy_match_index **index, jy_match_side side, const char *const *docs, size_t n)
{
    if (jy_match_index_new(index, side, NULL) != JY_OK)
        abort();
    for (size_t i = 0; i < n; i++)
        if (jy_match_index_add_json(*index, docs[i], strlen(docs[i]), NULL) != JY_OK)
            abort();
    if (jy_match_index_count(*index) != n)
        abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    build(&by_postings, JY_MATCH_POSTINGS, postings, sizeof postings / sizeof *postings);
    build(&by_jobseekers, JY_MATCH_JOBSEEKERS, profiles, sizeof profiles / sizeof *profiles);
    if (jy_match_results_new(&results) != JY_OK)
        abort();
    return 0;
}

static void query(const jy_match_index *index, const uint8_t *data, size_t size)
{
    char *line = NULL;
    jy_located_error err;
    int rc = jy_match_query_json(&line, results, index, (const char *)data, size, NULL, &err);
    jy_fuzz_check_status(rc);
    if (rc != JY_OK) {
        if (line)
            abort();
        return;
    }
    if (!line || line[0] != '{')
        abort();
    size_t n = jy_match_results_count(results);
    if (n > jy_match_index_count(index))
        abort();
    for (size_t i = 0; i < n; i++) {
        char *why = NULL;
        if (!jy_match_results_at(results, i))
            abort();
        jy_fuzz_check_status(jy_match_results_why_json(&why, results, i));
        jy_free(why);
    }
    jy_free(line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    query(by_postings, data, size);
    query(by_jobseekers, data, size);
    return 0;
}
