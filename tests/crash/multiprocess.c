/*
 * Several processes writing one database file at once, each with its own
 * handle and the default busy timeout:
 *
 *  - create: processes open a file that does not exist yet, all at the same
 *    moment; every open must succeed (one creates, the others wait and find
 *    it created);
 *  - write: counters incremented in read-modify-write transactions
 *    (jy_db_begin, jy_ledger_get, jy_ledger_save, jy_db_commit), one record
 *    saved by its natural key by several processes each setting its own
 *    field outside any transaction (the library reads and writes it under
 *    one lock: no field may be lost), a labor record updated with
 *    jy_ledger_update by two processes (its history must be one unbroken
 *    chain of changes), and imports (all-or-nothing and keep-good) running
 *    meanwhile.
 *
 * No call may fail: in particular no JY_EBUSY may reach the caller within
 * the busy timeout (the library must wait or retry where SQLite lets it).
 *
 * Plain C (no Criterion): the test forks its own workers.
 * Environment: JY_MP_ROUNDS scales the work (default 1); JY_MP_BUSY_MS sets
 * the workers' busy timeout (default the library's, 5 s; for valgrind).
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE

#include <jiuye.h>
#include <sqlite3.h>

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define COUNTER_PROCS 2
#define MERGE_PROCS 3
#define LABOR_PROCS 2
#define IMPORT_PROCS 1
#define CREATE_PROCS 4

static const char *const merge_fields[MERGE_PROCS] = { "address", "notes", "contact_name" };
static const char *const labor_id_number = "360824199003151232";

static int failures;
static int rounds = 1;

static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    failures++;
}

/* In a worker: a failed call ends the worker with a status saying why. */
static void check(int rc, const char *what)
{
    if (rc == JY_OK)
        return;
    fprintf(stderr, "worker %d: %s: %s: %s\n", (int)getpid(), what, jy_errstr(rc),
            jy_error_last()->message);
    _exit(rc == JY_EBUSY ? 10 : 11);
}

static jy_db *open_db(const char *path)
{
    jy_db *db = NULL;
    /* JY_MP_BUSY_MS: a longer busy timeout than the library's 5 s, for
     * runs 20-50 times slower than normal (valgrind: tools/run-memcheck). */
    jy_db_options o = JY_DB_OPTIONS_INIT;
    const char *busy = getenv("JY_MP_BUSY_MS");
    if (busy && atoi(busy) > 0)
        o.busy_timeout_ms = atoi(busy);
    check(jy_db_open(&db, path, &o), "jy_db_open");
    return db;
}

static void wait_barrier(int fd)
{
    char c;
    while (read(fd, &c, 1) < 0 && errno == EINTR) {
    }
}

static int64_t find(jy_db *db, jy_kind kind, const char *field, const char *value)
{
    int64_t id = 0;
    check(jy_ledger_find(&id, db, kind, field, value), "jy_ledger_find");
    return id;
}

static void worker_counter(const char *path, int iterations)
{
    jy_db *db = open_db(path);
    for (int i = 0; i < iterations; i++) {
        check(jy_db_begin(db), "jy_db_begin");
        jy_record *r = NULL;
        check(jy_ledger_get(&r, db, JY_KIND_ENTERPRISE,
                            find(db, JY_KIND_ENTERPRISE, "name", "共享计数企业")),
              "jy_ledger_get");
        int64_t n = 0;
        check(jy_record_get_int(&n, r, "staff_count"), "jy_record_get_int");
        check(jy_record_set_int(r, "staff_count", n + 1), "jy_record_set_int");
        check(jy_ledger_save(NULL, db, r), "jy_ledger_save (counter)");
        jy_record_free(r);
        check(jy_db_commit(db), "jy_db_commit");
    }
    jy_db_close(db);
}

static void worker_merge(const char *path, int which, int iterations)
{
    jy_db *db = open_db(path);
    char value[64];
    for (int i = 0; i < iterations; i++) {
        jy_record *r = NULL;
        check(jy_record_new(&r, JY_KIND_ENTERPRISE), "jy_record_new");
        check(jy_record_set_text(r, "name", "合并企业"), "jy_record_set_text");
        snprintf(value, sizeof value, "p%d-%d", which, i);
        check(jy_record_set_text(r, merge_fields[which], value), "jy_record_set_text");
        check(jy_ledger_save(NULL, db, r), "jy_ledger_save (merge)");
        jy_record_free(r);
    }
    jy_db_close(db);
}

static void worker_labor(const char *path, int which, int iterations)
{
    jy_db *db = open_db(path);
    char value[64];
    int64_t id = find(db, JY_KIND_LABOR, "id_number", labor_id_number);
    for (int i = 0; i < iterations; i++) {
        jy_record *r = NULL;
        check(jy_ledger_get(&r, db, JY_KIND_LABOR, id), "jy_ledger_get");
        snprintf(value, sizeof value, "工种%d-%d", which, i);
        check(jy_record_set_text(r, "job", value), "jy_record_set_text");
        check(jy_ledger_update(db, r), "jy_ledger_update");
        jy_record_free(r);
    }
    jy_db_close(db);
}

static void worker_import(const char *path, const char *dir, int files)
{
    jy_db *db = open_db(path);
    char file[512];
    snprintf(file, sizeof file, "%s/import-%d.jsonl", dir, (int)getpid());
    for (int k = 0; k < files; k++) {
        FILE *f = fopen(file, "wb");
        if (!f)
            _exit(12);
        for (int i = 0; i < 300; i++)
            fprintf(f, "{\"type\":\"enterprise\",\"name\":\"并发导入企业-%d-%d\",\"staff_count\":%d}\n",
                    k, i, i);
        fclose(f);
        jy_import_options o = JY_IMPORT_OPTIONS_INIT;
        o.mode = k % 2 ? JY_IMPORT_KEEP_GOOD : JY_IMPORT_ALL;
        jy_import_stats st;
        check(jy_import_file(&st, db, file, &o), "jy_import_file");
        if (st.accepted != 300)
            check(JY_EINVAL, "jy_import_file: not every record accepted");
    }
    jy_db_close(db);
}

/* Runs the workers started by `start`, all released at once; returns the
 * number that failed. */
typedef void (*start_fn)(int index, void *payload);

static int run_workers(int n, start_fn start, void *payload)
{
    int barrier[2];
    if (pipe(barrier) != 0)
        return n;
    pid_t pids[32];
    for (int i = 0; i < n; i++) {
        pids[i] = fork();
        if (pids[i] == 0) {
            close(barrier[1]);
            wait_barrier(barrier[0]);
            start(i, payload);
            _exit(0);
        }
    }
    close(barrier[0]);
    close(barrier[1]); /* releases them all */
    int failed = 0;
    for (int i = 0; i < n; i++) {
        int status = 0;
        while (waitpid(pids[i], &status, 0) < 0 && errno == EINTR) {
        }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            failed++;
            if (WIFEXITED(status) && WEXITSTATUS(status) == 10)
                fail("worker %d: JY_EBUSY reached the caller", i);
            else
                fail("worker %d failed (status 0x%x)", i, status);
        }
    }
    return failed;
}

static void start_open(int index, void *payload)
{
    (void)index;
    jy_db *db = open_db(payload);
    int version = 0;
    check(jy_db_schema_version(&version, db), "jy_db_schema_version");
    if (version != JY_DB_SCHEMA_VERSION)
        check(JY_ESTORAGE, "schema version");
    jy_db_close(db);
}

typedef struct write_job {
    const char *path, *dir;
    int iterations;
} write_job;

static void start_writer(int index, void *payload)
{
    const write_job *j = payload;
    if (index < COUNTER_PROCS) {
        worker_counter(j->path, j->iterations);
        return;
    }
    index -= COUNTER_PROCS;
    if (index < MERGE_PROCS) {
        worker_merge(j->path, index, j->iterations);
        return;
    }
    index -= MERGE_PROCS;
    if (index < LABOR_PROCS) {
        worker_labor(j->path, index, j->iterations);
        return;
    }
    worker_import(j->path, j->dir, 4);
}

static void test_create(const char *dir)
{
    char path[512];
    for (int r = 0; r < 8 * rounds; r++) {
        snprintf(path, sizeof path, "%s/create-%d.db", dir, r);
        run_workers(CREATE_PROCS, start_open, path);
    }
}

static const char *text_of(sqlite3 *conn, const char *sql, char *buf, size_t size)
{
    sqlite3_stmt *st = NULL;
    buf[0] = 0;
    if (sqlite3_prepare_v2(conn, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return buf;
}

static void test_write(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/write.db", dir);
    jy_db *db = NULL;
    if (jy_db_open(&db, path, NULL) != JY_OK) {
        fail("jy_db_open: %s", jy_error_last()->message);
        return;
    }
    const char *seed =
        "{\"type\":\"enterprise\",\"name\":\"共享计数企业\",\"staff_count\":0}\n"
        "{\"type\":\"enterprise\",\"name\":\"合并企业\"}\n"
        "{\"type\":\"labor\",\"id_number\":\"360824199003151232\",\"name\":\"王五\","
        "\"township\":\"金川镇\",\"job\":\"初始\",\"surveyed_on\":\"2026-05-10\"}\n";
    if (jy_import_buffer(NULL, db, seed, strlen(seed), NULL) != JY_OK)
        fail("seed import: %s", jy_error_last()->message);
    jy_db_close(db);

    int iterations = 40 * rounds;
    write_job job = { path, dir, iterations };
    run_workers(COUNTER_PROCS + MERGE_PROCS + LABOR_PROCS + IMPORT_PROCS, start_writer, &job);

    sqlite3 *conn = NULL;
    sqlite3_open_v2(path, &conn, SQLITE_OPEN_READONLY, NULL);
    char buf[256], want[64];
    long n = atol(text_of(conn, "SELECT staff_count FROM enterprise WHERE name = '共享计数企业'",
                          buf, sizeof buf));
    if (n != (long)COUNTER_PROCS * iterations)
        fail("counter: %ld, expected %d (lost updates)", n, COUNTER_PROCS * iterations);
    for (int p = 0; p < MERGE_PROCS; p++) {
        char sql[160];
        snprintf(sql, sizeof sql, "SELECT %s FROM enterprise WHERE name = '合并企业'",
                 merge_fields[p]);
        snprintf(want, sizeof want, "p%d-%d", p, iterations - 1);
        if (strcmp(text_of(conn, sql, buf, sizeof buf), want) != 0)
            fail("merged field %s: '%s', expected '%s' (lost update)", merge_fields[p], buf, want);
    }
    /* The job's history: one chain from the first value to the stored one. */
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(conn,
                       "SELECT old_value, new_value FROM labor_change WHERE field = 'job' "
                       "ORDER BY id",
                       -1, &st, NULL);
    char prev[64] = "初始";
    int changes = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *o = (const char *)sqlite3_column_text(st, 0);
        const char *v = (const char *)sqlite3_column_text(st, 1);
        if (!o || strcmp(o, prev) != 0)
            fail("labor history: change %d starts from '%s', the value before was '%s'", changes,
                 o ? o : "(null)", prev);
        snprintf(prev, sizeof prev, "%s", v ? v : "");
        changes++;
    }
    sqlite3_finalize(st);
    if (changes != LABOR_PROCS * iterations)
        fail("labor history: %d changes, expected %d", changes, LABOR_PROCS * iterations);
    if (strcmp(text_of(conn, "SELECT job FROM labor", buf, sizeof buf), prev) != 0)
        fail("labor: job '%s', the history ends at '%s'", buf, prev);
    long imported = atol(text_of(conn, "SELECT count(*) FROM enterprise WHERE name LIKE '并发导入企业-%'",
                                 buf, sizeof buf));
    if (imported != 4 * 300)
        fail("imports: %ld enterprises, expected %d", imported, 4 * 300);
    if (strcmp(text_of(conn, "PRAGMA integrity_check", buf, sizeof buf), "ok") != 0)
        fail("integrity_check: %s", buf);
    sqlite3_close(conn);
    printf("write: %d counter increments, %d merged saves, %d labor updates, %d imports\n",
           COUNTER_PROCS * iterations, MERGE_PROCS * iterations, LABOR_PROCS * iterations,
           IMPORT_PROCS * 4);
}

int main(void)
{
    const char *env = getenv("JY_MP_ROUNDS");
    if (env && atoi(env) > 0)
        rounds = atoi(env);
    char dir[] = "/tmp/jy-mp-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    test_create(dir);
    test_write(dir);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures ? 1 : 0;
}
