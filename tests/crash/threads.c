/*
 * Threads, without Criterion (whose workers do not start under
 * ThreadSanitizer): the tsan preset runs this program. It exercises what
 * docs/threading.md promises:
 *
 *  - one county shared read-only by several threads (lookups);
 *  - pure functions (validators, dates, normalization) from several threads;
 *  - the last error, per thread: each thread sees its own;
 *  - JSON parsed from several threads at once (the library serializes cJSON);
 *  - one handle per thread on one database file, writing at once, with a
 *    counter incremented in transactions (no lost update);
 *  - one matcher index queried by three threads (pruned top k, fallback)
 *    while a fourth updates its postings.
 */
#define _POSIX_C_SOURCE 200809L

#include <jiuye.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define THREADS 4
#define ROUNDS 200
#define WRITES 25

static jy_county *county;
static char path[128];
static int failures;
static pthread_mutex_t fail_lock = PTHREAD_MUTEX_INITIALIZER;

static void fail(const char *what, int thread)
{
    pthread_mutex_lock(&fail_lock);
    fprintf(stderr, "FAIL: thread %d: %s (%s)\n", thread, what, jy_error_last()->message);
    failures++;
    pthread_mutex_unlock(&fail_lock);
}

static void *reader(void *arg)
{
    int t = (int)(size_t)arg;
    static const char *const townships[] = { "金川镇", "麦斜镇", "360824100", "城上乡" };
    for (int i = 0; i < ROUNDS; i++) {
        const jy_township *tw = NULL;
        if (jy_county_find_township(&tw, county, townships[(i + t) % 4]) != JY_OK || !tw)
            fail("jy_county_find_township", t);
        jy_id_info id;
        if (jy_id_parse(&id, "360824199003151232") != JY_OK)
            fail("jy_id_parse", t);
        jy_date d;
        if (jy_date_parse(&d, "2026年5月10日") != JY_OK || d.day != 10)
            fail("jy_date_parse", t);
        char *norm = NULL;
        size_t len = 0;
        if (jy_text_normalize(&norm, &len, "ＡＢＣ箱包", strlen("ＡＢＣ箱包")) != JY_OK)
            fail("jy_text_normalize", t);
        jy_free(norm);
        /* This thread's error, not another's. */
        char bad[32];
        snprintf(bad, sizeof bad, "2026-%02d-40", t + 1);
        if (jy_date_parse(&d, bad) == JY_OK || jy_error_last()->code == JY_OK)
            fail("a bad date was accepted", t);
        jy_record *r = NULL;
        jy_located_error err;
        const char *json = "{\"type\":\"enterprise\",\"name\":\"线程企业\",\"staff_count\":5}";
        if (jy_record_from_json(&r, json, strlen(json), (jy_kind)0, &err) != JY_OK)
            fail("jy_record_from_json", t);
        jy_record_free(r);
    }
    return NULL;
}

static void *writer(void *arg)
{
    int t = (int)(size_t)arg;
    jy_db *db = NULL;
    if (jy_db_open(&db, path, NULL) != JY_OK) {
        fail("jy_db_open", t);
        return NULL;
    }
    char name[64];
    for (int i = 0; i < WRITES; i++) {
        jy_record *r = NULL;
        snprintf(name, sizeof name, "线程%d企业%d", t, i);
        if (jy_record_new(&r, JY_KIND_ENTERPRISE) != JY_OK ||
            jy_record_set_text(r, "name", name) != JY_OK || jy_ledger_save(NULL, db, r) != JY_OK)
            fail("jy_ledger_save", t);
        jy_record_free(r);
        r = NULL;
        int64_t id = 0, n = 0;
        if (jy_db_begin(db) != JY_OK)
            fail("jy_db_begin", t);
        if (jy_ledger_find(&id, db, JY_KIND_ENTERPRISE, "name", "计数企业") != JY_OK ||
            jy_ledger_get(&r, db, JY_KIND_ENTERPRISE, id) != JY_OK ||
            jy_record_get_int(&n, r, "staff_count") != JY_OK ||
            jy_record_set_int(r, "staff_count", n + 1) != JY_OK ||
            jy_ledger_save(NULL, db, r) != JY_OK)
            fail("increment", t);
        jy_record_free(r);
        if (jy_db_commit(db) != JY_OK)
            fail("jy_db_commit", t);
    }
    jy_db_close(db);
    return NULL;
}

static jy_match_index *mindex;
static const char *const JOBS[] = { "普工", "电焊工", "货车司机", "会计", "保洁", "保安", "厨师", "行政文员" };

static void posting(jy_posting_input *p, char *id, size_t idsize, int i, int version)
{
    snprintf(id, idsize, "p%d", i);
    p->id = id;
    p->title = JOBS[(i + version) % 8];
    p->description = i % 3 ? "包吃住，长白班" : "计件工资，按天结算";
    p->township = i % 2 ? "360824100" : "桃溪乡";
    p->salary_min = 3000 + 100 * (i % 30);
    p->age_max = i % 5 ? 0 : 35;
    p->education = i % 7 ? NULL : "college";
    p->published_on = (jy_date){ 2026, 5, 1 + i % 28 };
}

static void *matcher(void *arg)
{
    int t = (int)(size_t)arg;
    jy_match_options o = JY_MATCH_OPTIONS_INIT;
    o.today = (jy_date){ 2026, 6, 1 };
    if (t == 0) { /* the writer */
        for (int round = 1; round <= 20; round++)
            for (int i = 0; i < 400; i += 7) {
                char id[16];
                jy_posting_input p = JY_POSTING_INPUT_INIT;
                posting(&p, id, sizeof id, i, round);
                if (jy_match_index_update(mindex, &p) != JY_OK)
                    fail("jy_match_index_update", t);
            }
        return NULL;
    }
    jy_match_results *r = NULL;
    if (jy_match_results_new(&r) != JY_OK) {
        fail("jy_match_results_new", t);
        return NULL;
    }
    for (int i = 0; i < ROUNDS; i++) {
        char text[64];
        snprintf(text, sizeof text, "想找%s的工作", JOBS[(i + t) % 8]);
        jy_profile_input q = JY_PROFILE_INPUT_INIT;
        q.text = text;
        q.age = i % 2 ? 50 : 25;
        q.education = "junior";
        q.township = "金川镇";
        if (jy_match_query(r, mindex, &q, &o) != JY_OK)
            fail("jy_match_query", t);
        else if (!jy_match_results_count(r))
            fail("jy_match_query: no result (the fallback should answer)", t);
    }
    jy_match_results_free(r);
    return NULL;
}

static void run(void *(*fn)(void *))
{
    pthread_t th[THREADS];
    for (size_t i = 0; i < THREADS; i++)
        if (pthread_create(&th[i], NULL, fn, (void *)i) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            exit(2);
        }
    for (int i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
}

int main(void)
{
    if (jy_county_load_default(&county) != JY_OK) {
        fprintf(stderr, "jy_county_load_default: %s\n", jy_error_last()->message);
        return 2;
    }
    run(reader);
    jy_county_free(county);

    if (jy_match_index_new(&mindex, JY_MATCH_POSTINGS, NULL) != JY_OK) {
        fprintf(stderr, "jy_match_index_new: %s\n", jy_error_last()->message);
        return 2;
    }
    for (int i = 0; i < 400; i++) {
        char id[16];
        jy_posting_input p = JY_POSTING_INPUT_INIT;
        posting(&p, id, sizeof id, i, 0);
        if (jy_match_index_add(mindex, &p) != JY_OK) {
            fprintf(stderr, "jy_match_index_add: %s\n", jy_error_last()->message);
            return 2;
        }
    }
    run(matcher);
    jy_match_index_free(mindex);

    char dir[] = "/tmp/jy-threads-XXXXXX";
    if (!mkdtemp(dir))
        return 2;
    snprintf(path, sizeof path, "%s/threads.db", dir);
    jy_db *db = NULL;
    const char *seed = "{\"type\":\"enterprise\",\"name\":\"计数企业\",\"staff_count\":0}\n";
    if (jy_db_open(&db, path, NULL) != JY_OK ||
        jy_import_buffer(NULL, db, seed, strlen(seed), NULL) != JY_OK) {
        fprintf(stderr, "setup: %s\n", jy_error_last()->message);
        return 2;
    }
    run(writer);
    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_ENTERPRISE;
    int64_t total = 0, id = 0, n = 0;
    jy_record *r = NULL;
    if (jy_ledger_count(&total, db, &f) != JY_OK || total != 1 + THREADS * WRITES)
        fail("count after the writers", -1);
    if (jy_ledger_find(&id, db, JY_KIND_ENTERPRISE, "name", "计数企业") != JY_OK ||
        jy_ledger_get(&r, db, JY_KIND_ENTERPRISE, id) != JY_OK ||
        jy_record_get_int(&n, r, "staff_count") != JY_OK || n != THREADS * WRITES) {
        fprintf(stderr, "counter %lld, expected %d\n", (long long)n, THREADS * WRITES);
        failures++;
    }
    jy_record_free(r);
    jy_db_close(db);
    char cmd[96];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures ? 1 : 0;
}
