/*
 * Crash safety: a child process writes batches (a sequence of jy_ledger_save
 * and jy_ledger_update calls in transactions, jy_import_file in all-or-nothing
 * mode, jy_import_file in keep-good mode) and is killed with SIGKILL at a
 * random moment; the parent then checks that the library reopens the file,
 * that SQLite finds it intact, that every batch the child saw committed is
 * wholly present, that no other batch is present in part, and that batches
 * commit in order.
 *
 * Every record written carries its batch in `notes` ("batch:<n>"), so that a
 * batch can be counted after the crash. Labor records go with the batches
 * of the ledger and import-all scenarios: the ledger's tally of them by
 * entry date (lib/tally.c), written at each commit, must equal the records
 * found after the crash, before the library (which would repair it) opens
 * the file. Counter enterprises are updated in
 * every batch (their staff_count is the batch number), so that updates are
 * checked as well as additions.
 *
 * Plain C (no Criterion): the test forks and kills its own children.
 *
 * Environment:
 *   JY_CRASH_POINTS  kill points in all (default 50), shared by the scenarios
 *                    as 2:2:1 (ledger, import-all, import-keep-good);
 *   JY_CRASH_SEED    seed of the kill times (default 20261127);
 *   JY_CRASH_DIR     directory for the files (default: a new one in /tmp).
 * Arguments: scenario names (ledger, import-all, import-keep-good) to run
 * only those.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE

#include <jiuye.h>
#include <sqlite3.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LEDGER_BATCH 200      /* enterprises added per ledger batch */
#define IMPORT_BATCH 2000     /* enterprises per all-or-nothing file */
#define COUNTERS 10           /* enterprises updated by every batch */
#define KEEP_GOOD_BATCH 50000 /* the library's keep-good transaction size */
#define KEEP_GOOD_BATCHES 3   /* a file of 2 full batches and a partial one */
#define KEEP_GOOD_LAST 1000   /* records of the partial batch */
#define MAX_BATCHES 100000
#define LABOR_BATCH 5         /* labor records per ledger or import-all batch */

static int failures;

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

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "fatal: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(2);
}

/* ---- seeded random numbers (xorshift64*) ------------------------------- */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ull;
}

/* Uniform in [lo, hi]. */
static long rng_range(long lo, long hi)
{
    return lo + (long)(rng_next() % (uint64_t)(hi - lo + 1));
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void sleep_us(long us)
{
    struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* ---- child side ---------------------------------------------------------- */

static void report(int fd, long value)
{
    if (write(fd, &value, sizeof value) != (ssize_t)sizeof value)
        _exit(3);
}

static void child_fail(const char *what, int rc)
{
    fprintf(stderr, "child: %s: %s (%s)\n", what, jy_errstr(rc), jy_error_last()->message);
    _exit(4);
}

static jy_db *child_open(const char *path)
{
    jy_db *db = NULL;
    int rc = jy_db_open(&db, path, NULL);
    if (rc != JY_OK)
        child_fail("jy_db_open", rc);
    return db;
}

static void save_enterprise(jy_db *db, const char *name, const char *notes, long staff)
{
    jy_record *r = NULL;
    int rc = jy_record_new(&r, JY_KIND_ENTERPRISE);
    if (rc == JY_OK)
        rc = jy_record_set_text(r, "name", name);
    if (rc == JY_OK && notes)
        rc = jy_record_set_text(r, "notes", notes);
    if (rc == JY_OK && staff >= 0)
        rc = jy_record_set_int(r, "staff_count", staff);
    if (rc == JY_OK)
        rc = jy_ledger_save(NULL, db, r);
    jy_record_free(r);
    if (rc != JY_OK)
        child_fail("jy_ledger_save", rc);
}

/* Sets a counter through jy_ledger_get + jy_ledger_update (the counter
 * exists: it is added by the first batch). */
static void update_counter(jy_db *db, const char *name, long value)
{
    int64_t id = 0;
    jy_record *r = NULL;
    int rc = jy_ledger_find(&id, db, JY_KIND_ENTERPRISE, "name", name);
    if (rc == JY_OK)
        rc = jy_ledger_get(&r, db, JY_KIND_ENTERPRISE, id);
    if (rc == JY_OK)
        rc = jy_record_set_int(r, "staff_count", value);
    if (rc == JY_OK)
        rc = jy_ledger_update(db, r);
    jy_record_free(r);
    if (rc != JY_OK)
        child_fail("jy_ledger_update", rc);
}

/* A valid resident ID number, different for every k (birth date and
 * sequence from k), and a survey date from the batch and record. */
static void labor_fields(char id[19], char surveyed[11], long b, int i)
{
    static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    unsigned long k = (unsigned long)b * LABOR_BATCH + (unsigned)i, d = k / 1000 % 10000;
    snprintf(id, 19, "360824%04u%02u%02u%03u", (unsigned)(1966 + d / 336),
             (unsigned)(1 + (d / 28) % 12), (unsigned)(1 + d % 28), (unsigned)(k % 1000));
    int sum = 0;
    for (int j = 0; j < 17; j++)
        sum += (id[j] - '0') * w[j];
    id[17] = "10X98765432"[sum % 11];
    id[18] = '\0';
    snprintf(surveyed, 11, "2026-%02u-%02u", (unsigned)(1 + b % 12), (unsigned)(1 + i % 28));
}

static void save_labor(jy_db *db, long b, int i)
{
    char id[19], surveyed[11];
    labor_fields(id, surveyed, b, i);
    jy_record *r = NULL;
    int rc = jy_record_new(&r, JY_KIND_LABOR);
    if (rc == JY_OK)
        rc = jy_record_set_text(r, "id_number", id);
    if (rc == JY_OK)
        rc = jy_record_set_text(r, "name", "张三");
    if (rc == JY_OK)
        rc = jy_record_set_text(r, "township", "金川镇");
    if (rc == JY_OK)
        rc = jy_record_set_text(r, "surveyed_on", surveyed);
    if (rc == JY_OK)
        rc = jy_ledger_save(NULL, db, r);
    jy_record_free(r);
    if (rc != JY_OK)
        child_fail("jy_ledger_save (labor)", rc);
}

/* Ledger scenario: batches of saves and updates in transactions, forever. */
static void child_ledger(const char *path, long first, int fd)
{
    jy_db *db = child_open(path);
    char name[64], notes[32];
    for (long b = first;; b++) {
        int rc = jy_db_begin(db);
        if (rc != JY_OK)
            child_fail("jy_db_begin", rc);
        snprintf(notes, sizeof notes, "batch:%ld", b);
        for (int i = 0; i < LEDGER_BATCH; i++) {
            snprintf(name, sizeof name, "账本企业-%ld-%d", b, i);
            save_enterprise(db, name, notes, i);
        }
        for (int i = 0; i < LABOR_BATCH; i++)
            save_labor(db, b, i);
        for (int c = 0; c < COUNTERS; c++) {
            snprintf(name, sizeof name, "计数企业-%d", c);
            if (b % 2 == 0 || b == 0)
                save_enterprise(db, name, NULL, b); /* by natural key */
            else
                update_counter(db, name, b);
        }
        if ((rc = jy_db_commit(db)) != JY_OK)
            child_fail("jy_db_commit", rc);
        report(fd, b);
    }
}

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0)
        die("cannot write %s", path);
}

/* The JSON Lines of one all-or-nothing batch. */
static char *import_batch_text(long b, size_t *len)
{
    size_t cap = (IMPORT_BATCH + COUNTERS + LABOR_BATCH) * 160u, n = 0;
    char *s = malloc(cap);
    if (!s)
        die("out of memory");
    for (int i = 0; i < IMPORT_BATCH; i++)
        n += (size_t)snprintf(s + n, cap - n,
                              "{\"type\":\"enterprise\",\"name\":\"导入企业-%ld-%d\","
                              "\"notes\":\"batch:%ld\",\"staff_count\":%d}\n",
                              b, i, b, i);
    for (int c = 0; c < COUNTERS; c++)
        n += (size_t)snprintf(s + n, cap - n,
                              "{\"type\":\"enterprise\",\"name\":\"计数企业-%d\",\"staff_count\":%ld}\n",
                              c, b);
    for (int i = 0; i < LABOR_BATCH; i++) {
        char id[19], surveyed[11];
        labor_fields(id, surveyed, b, i);
        n += (size_t)snprintf(s + n, cap - n,
                              "{\"type\":\"labor\",\"id_number\":\"%s\",\"name\":\"张三\","
                              "\"township\":\"金川镇\",\"surveyed_on\":\"%s\"}\n",
                              id, surveyed);
    }
    *len = n;
    return s;
}

/* Import-all scenario: one file per batch, imported all or nothing, forever. */
static void child_import_all(const char *path, const char *dir, long first, int fd)
{
    jy_db *db = child_open(path);
    char file[512];
    snprintf(file, sizeof file, "%s/batch-%d.jsonl", dir, (int)getpid());
    for (long b = first;; b++) {
        size_t len;
        char *text = import_batch_text(b, &len);
        write_file(file, text, len);
        free(text);
        jy_import_options o = JY_IMPORT_OPTIONS_INIT;
        o.format = JY_FORMAT_JSONL;
        o.mode = JY_IMPORT_ALL;
        jy_import_stats st;
        int rc = jy_import_file(&st, db, file, &o);
        if (rc != JY_OK)
            child_fail("jy_import_file (all)", rc);
        if (st.accepted != IMPORT_BATCH + COUNTERS + LABOR_BATCH)
            child_fail("jy_import_file (all): wrong count", JY_EINVAL);
        report(fd, b);
    }
}

typedef struct progress_ctx {
    int fd;
} progress_ctx;

/* Records done > k * batch + progress step means batch k - 1 committed. */
static int on_progress(size_t records, size_t bytes, size_t total, void *payload)
{
    (void)bytes;
    (void)total;
    progress_ctx *p = payload;
    report(p->fd, (long)records);
    return 0;
}

static void child_keep_good(const char *path, const char *file, int fd)
{
    jy_db *db = child_open(path);
    progress_ctx p = { fd };
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    o.format = JY_FORMAT_JSONL;
    o.mode = JY_IMPORT_KEEP_GOOD;
    o.on_progress = on_progress;
    o.payload = &p;
    jy_import_stats st;
    int rc = jy_import_file(&st, db, file, &o);
    if (rc != JY_OK)
        child_fail("jy_import_file (keep-good)", rc);
    report(fd, -1); /* done */
    jy_db_close(db);
    _exit(0);
}

/* ---- parent side ------------------------------------------------------- */

typedef struct batches {
    long count[MAX_BATCHES]; /* records carrying "batch:<n>" */
    long max;                /* highest batch present, -1 if none */
    int foreign;             /* notes that are not a batch tag */
} batches;

static batches found;

/* The labor tally equals the labor records and its mark is the highest
 * id (checked with SQLite alone: the library's open would repair a stale
 * tally). */
static void check_tally(const char *path)
{
    if (access(path, F_OK) != 0)
        return; /* killed before the database was created */
    sqlite3 *conn = NULL;
    if (sqlite3_open_v2(path, &conn, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        die("sqlite3_open_v2: %s", sqlite3_errmsg(conn));
    static const char sql[] =
        "SELECT (SELECT count(*) FROM (SELECT entered_on, records FROM labor_tally"
        " WHERE records <> 0 EXCEPT SELECT coalesce(entered_on, ''), count(*) FROM labor"
        " GROUP BY 1)) + (SELECT count(*) FROM (SELECT coalesce(entered_on, ''), count(*)"
        " FROM labor GROUP BY 1 EXCEPT SELECT entered_on, records FROM labor_tally"
        " WHERE records <> 0)), (SELECT count(*) FROM labor),"
        " (SELECT last_id FROM labor_tally_mark) IS (SELECT coalesce(max(id), 0) FROM labor)";
    sqlite3_stmt *st = NULL;
    /* No tally table: killed before the schema was written. */
    if (sqlite3_prepare_v2(conn, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) != SQLITE_ROW)
            fail("labor tally: %s", sqlite3_errmsg(conn));
        else if (sqlite3_column_int(st, 0) != 0)
            fail("labor tally: %d entry dates differ from the %d labor records",
                 sqlite3_column_int(st, 0), sqlite3_column_int(st, 1));
        else if (sqlite3_column_int(st, 2) != 1)
            fail("labor tally: its mark is not the highest labor id");
    }
    sqlite3_finalize(st);
    sqlite3_close(conn);
}

/* Reopens with the library (as an application would), then checks the file
 * with SQLite directly: integrity, and the records of each batch. Returns
 * the number of enterprises the library counts. */
static int64_t inspect(const char *path, long counters_expected)
{
    check_tally(path);
    jy_db *db = NULL;
    int64_t total = -1;
    int rc = jy_db_open(&db, path, NULL);
    if (rc != JY_OK) {
        fail("jy_db_open after the crash: %s (%s)", jy_errstr(rc), jy_error_last()->message);
        return -1;
    }
    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_ENTERPRISE;
    if ((rc = jy_ledger_count(&total, db, &f)) != JY_OK)
        fail("jy_ledger_count after the crash: %s", jy_error_last()->message);
    jy_db_close(db);

    sqlite3 *conn = NULL;
    if (sqlite3_open_v2(path, &conn, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        die("sqlite3_open_v2: %s", sqlite3_errmsg(conn));
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(conn, "PRAGMA integrity_check", -1, &st, NULL);
    if (sqlite3_step(st) != SQLITE_ROW ||
        strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
        fail("integrity_check: %s", st ? (const char *)sqlite3_column_text(st, 0) : "?");
    sqlite3_finalize(st);

    memset(&found, 0, sizeof found);
    found.max = -1;
    sqlite3_prepare_v2(conn,
                       "SELECT notes, count(*) FROM enterprise WHERE notes IS NOT NULL "
                       "GROUP BY notes",
                       -1, &st, NULL);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *notes = (const char *)sqlite3_column_text(st, 0);
        long b = -1;
        if (strncmp(notes, "batch:", 6) == 0)
            b = strtol(notes + 6, NULL, 10);
        if (b < 0 || b >= MAX_BATCHES) {
            found.foreign++;
            continue;
        }
        found.count[b] = sqlite3_column_int(st, 1);
        if (b > found.max)
            found.max = b;
    }
    sqlite3_finalize(st);
    if (found.foreign)
        fail("%d notes that are no batch tag", found.foreign);

    /* Counters: all present with staff_count = the last batch, or none. */
    if (counters_expected >= 0) {
        sqlite3_prepare_v2(conn,
                           "SELECT count(*), min(staff_count), max(staff_count) FROM enterprise "
                           "WHERE name LIKE '计数企业-%'",
                           -1, &st, NULL);
        if (sqlite3_step(st) == SQLITE_ROW) {
            int n = sqlite3_column_int(st, 0);
            long lo = sqlite3_column_int(st, 1), hi = sqlite3_column_int(st, 2);
            if (found.max < 0 ? n != 0
                              : (n != COUNTERS || lo != found.max || hi != found.max))
                fail("counters: %d rows, staff_count %ld..%ld, last batch %ld", n, lo, hi,
                     found.max);
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(conn);
    return total;
}

static pid_t spawn(int *rfd)
{
    int p[2];
    if (pipe(p) != 0)
        die("pipe");
    pid_t pid = fork();
    if (pid < 0)
        die("fork");
    if (pid == 0) {
        close(p[0]);
        *rfd = p[1];
        return 0;
    }
    close(p[1]);
    *rfd = p[0];
    return pid;
}

/* Kills the child after `delay_us` (if it still runs), reaps it and reads
 * what it reported. Returns the last value reported (or `none`), and the
 * number of values in *n. */
static long kill_and_collect(pid_t pid, int fd, long delay_us, long none, size_t *n,
                             int *exited_normally)
{
    sleep_us(delay_us);
    kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    *exited_normally = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        fail("the child failed (exit status %d) before it was killed", WEXITSTATUS(status));
    long last = none, v;
    *n = 0;
    while (read(fd, &v, sizeof v) == (ssize_t)sizeof v) {
        last = v;
        (*n)++;
    }
    close(fd);
    return last;
}

/* Ledger and import-all scenarios: one file, killed again and again; batches
 * numbered on from the last one present. */
static void run_sequence(const char *name, const char *path, const char *dir, int points,
                         long per_batch, long max_delay_us)
{
    long next = 0;
    int64_t expected_total = 0;
    long lost = 0, committed_total = 0, partial = 0;
    double t0 = now_ms();
    for (int k = 0; k < points; k++) {
        long delay = rng_range(0, max_delay_us);
        int fd;
        pid_t pid = spawn(&fd);
        if (pid == 0) {
            if (strcmp(name, "ledger") == 0)
                child_ledger(path, next, fd);
            else
                child_import_all(path, dir, next, fd);
            _exit(5);
        }
        size_t n;
        int normal;
        long last = kill_and_collect(pid, fd, delay, next - 1, &n, &normal);
        int64_t total = inspect(path, 1);
        /* Batches 0..max present, each whole; max is the last reported, or
         * the one after it (committed, killed before it could report). */
        for (long b = 0; b <= found.max; b++)
            if (found.count[b] != per_batch) {
                fail("%s, kill point %d: batch %ld has %ld of %ld records", name, k, b,
                     found.count[b], per_batch);
                if (found.count[b] < per_batch)
                    lost += per_batch - found.count[b];
                partial++;
            }
        if (found.max < last) {
            fail("%s, kill point %d: batch %ld was committed but the file ends at batch %ld",
                 name, k, last, found.max);
            lost += (last - found.max) * per_batch;
        }
        if (found.max > last + 1)
            fail("%s, kill point %d: batch %ld present, last committed %ld", name, k, found.max,
                 last);
        expected_total = (found.max + 1) * (per_batch + 0) + (found.max >= 0 ? COUNTERS : 0);
        if (total != expected_total)
            fail("%s, kill point %d: the library counts %" PRId64 " enterprises, expected %" PRId64,
                 name, k, total, expected_total);
        committed_total += last - (next - 1);
        next = found.max + 1;
        (void)n;
    }
    printf("%s: %d kill points, %ld batches committed and reported, %ld present at the end, "
           "%ld records lost, %ld partial batches, %.1f s\n",
           name, points, committed_total, next, lost, partial, (now_ms() - t0) / 1000.0);
}

static void make_keep_good_file(const char *file)
{
    FILE *f = fopen(file, "wb");
    if (!f)
        die("cannot write %s", file);
    long total = (KEEP_GOOD_BATCHES - 1) * (long)KEEP_GOOD_BATCH + KEEP_GOOD_LAST;
    for (long i = 0; i < total; i++)
        fprintf(f, "{\"type\":\"enterprise\",\"name\":\"保留企业-%ld\",\"notes\":\"batch:%ld\"}\n",
                i, i / KEEP_GOOD_BATCH);
    if (fclose(f) != 0)
        die("cannot write %s", file);
}

static long keep_good_expected(long b)
{
    return b < KEEP_GOOD_BATCHES - 1 ? KEEP_GOOD_BATCH : KEEP_GOOD_LAST;
}

/* Keep-good scenario: a new file each time, the same input, killed at a
 * random moment of an import whose length is measured first. */
static void run_keep_good(const char *dir, int points)
{
    char file[1024], path[1024];
    snprintf(file, sizeof file, "%s/keep-good.jsonl", dir);
    make_keep_good_file(file);
    double t0 = now_ms();
    long lost = 0, partial = 0, kills_during = 0;
    double import_ms = 0;
    for (int k = 0; k <= points; k++) {
        snprintf(path, sizeof path, "%s/keep-good-%d.db", dir, k);
        /* Point 0 is not killed: it measures the import's length. */
        long delay = k == 0 ? -1 : rng_range(0, (long)(import_ms * 1100.0));
        int fd;
        double start = now_ms();
        pid_t pid = spawn(&fd);
        if (pid == 0)
            child_keep_good(path, file, fd);
        size_t n;
        int normal;
        long last;
        if (k == 0) {
            int status;
            waitpid(pid, &status, 0);
            import_ms = now_ms() - start;
            normal = WIFEXITED(status) && WEXITSTATUS(status) == 0;
            if (!normal)
                fail("keep-good: the import failed");
            long v;
            last = 0;
            while (read(fd, &v, sizeof v) == (ssize_t)sizeof v)
                last = v;
            close(fd);
        } else {
            last = kill_and_collect(pid, fd, delay, 0, &n, &normal);
        }
        int64_t total = inspect(path, -1);
        /* Batches committed for certain: all when the child said it was done,
         * else those whose end was passed by a later progress report. */
        long sure = last == -1 ? KEEP_GOOD_BATCHES : (last - 1) / KEEP_GOOD_BATCH;
        int64_t expected_total = 0;
        for (long b = 0; b <= found.max; b++) {
            expected_total += keep_good_expected(b);
            if (found.count[b] != keep_good_expected(b)) {
                fail("keep-good, kill point %d: batch %ld has %ld of %ld records", k, b,
                     found.count[b], keep_good_expected(b));
                partial++;
            }
        }
        if (found.max + 1 < sure) {
            fail("keep-good, kill point %d: %ld batches committed, %ld present", k, sure,
                 found.max + 1);
            for (long b = found.max + 1; b < sure; b++)
                lost += keep_good_expected(b);
        }
        if (total >= 0 && total != expected_total)
            fail("keep-good, kill point %d: the library counts %" PRId64 ", expected %" PRId64, k,
                 total, expected_total);
        if (found.max >= 0 && found.max < KEEP_GOOD_BATCHES - 1)
            kills_during++;
        if (!getenv("JY_CRASH_KEEP"))
            unlink(path);
        char aux[1100];
        snprintf(aux, sizeof aux, "%s-wal", path);
        unlink(aux);
        snprintf(aux, sizeof aux, "%s-shm", path);
        unlink(aux);
    }
    printf("import-keep-good: %d kill points (import %.0f ms), %ld stopped between batches, "
           "%ld records lost, %ld partial batches, %.1f s\n",
           points, import_ms, kills_during, lost, partial, (now_ms() - t0) / 1000.0);
}

int main(int argc, char **argv)
{
    const char *env = getenv("JY_CRASH_POINTS");
    int points = env ? atoi(env) : 50;
    if (points < 5)
        points = 5;
    env = getenv("JY_CRASH_SEED");
    uint64_t seed = env ? strtoull(env, NULL, 10) : 20261127u;
    rng_state = seed ? seed : 1;
    char dir[512];
    env = getenv("JY_CRASH_DIR");
    if (env) {
        snprintf(dir, sizeof dir, "%s", env);
        mkdir(dir, 0700);
    } else {
        snprintf(dir, sizeof dir, "/tmp/jy-crash-XXXXXX");
        if (!mkdtemp(dir))
            die("mkdtemp");
    }
    int want_ledger = argc < 2, want_all = argc < 2, want_keep = argc < 2;
    for (int i = 1; i < argc; i++) {
        want_ledger |= strcmp(argv[i], "ledger") == 0;
        want_all |= strcmp(argv[i], "import-all") == 0;
        want_keep |= strcmp(argv[i], "import-keep-good") == 0;
    }
    int ledger_points = points * 2 / 5, all_points = points * 2 / 5;
    int keep_points = points - ledger_points - all_points;
    printf("seed %" PRIu64 ", %d kill points, files in %s\n", seed, points, dir);
    char path[600];
    if (want_ledger) {
        snprintf(path, sizeof path, "%s/ledger.db", dir);
        run_sequence("ledger", path, dir, ledger_points, LEDGER_BATCH, 300000);
    }
    if (want_all) {
        snprintf(path, sizeof path, "%s/import-all.db", dir);
        run_sequence("import-all", path, dir, all_points, IMPORT_BATCH, 700000);
    }
    if (want_keep)
        run_keep_good(dir, keep_points);
    if (!env && !getenv("JY_CRASH_KEEP")) {
        char cmd[700];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", dir);
    }
    printf("%s\n", failures ? "FAILED" : "all kill points passed");
    return failures ? 1 : 0;
}
