/* The database: create, reopen, schema version and migrations, refusal of
 * newer and foreign files, transactions, and the schema agreeing with the
 * catalogue. */
#include <criterion/criterion.h>
#include <jiuye.h>
#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[256];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/jiuye-test-db-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(db, .init = make_dir, .fini = remove_dir);

static void path_in_dir(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", dir, name);
}

Test(db, memory_database_has_the_county_and_the_schema)
{
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, ":memory:", NULL), JY_OK, "%s", jy_error_last()->message);
    int v = 0;
    cr_assert_eq(jy_db_schema_version(&v, db), JY_OK);
    cr_assert_eq(v, JY_DB_SCHEMA_VERSION);
    cr_assert_str_eq(jy_county_code(jy_db_county(db)), "360824");
    cr_assert_str_eq(jy_county_name(jy_db_county(db)), "新干县");
    jy_db_close(db);
}

Test(db, file_is_created_then_reopened)
{
    char path[300];
    path_in_dir(path, sizeof path, "county.db");
    jy_db_options o = JY_DB_OPTIONS_INIT;
    o.flags = 0;
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, &o), JY_ENOTFOUND, "no create flag, no file");
    cr_assert_null(db);
    cr_assert_eq(access(path, F_OK), -1, "nothing was created");

    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK, "%s", jy_error_last()->message);
    jy_record *e = NULL;
    cr_assert_eq(jy_record_new(&e, JY_KIND_ENTERPRISE), JY_OK);
    cr_assert_eq(jy_record_set_text(e, "name", "新干县测试箱包有限公司"), JY_OK);
    int64_t id = 0;
    cr_assert_eq(jy_ledger_add(&id, db, e), JY_OK, "%s", jy_error_last()->message);
    jy_record_free(e);
    jy_db_close(db);

    cr_assert_eq(jy_db_open(&db, path, &o), JY_OK, "%s", jy_error_last()->message);
    jy_record *back = NULL;
    cr_assert_eq(jy_ledger_get(&back, db, JY_KIND_ENTERPRISE, id), JY_OK);
    const char *name = NULL;
    cr_assert_eq(jy_record_get_text(&name, back, "name"), JY_OK);
    cr_assert_str_eq(name, "新干县测试箱包有限公司");
    jy_record_free(back);
    jy_db_close(db);

    /* Read-only opening sees the data and refuses writes. */
    o.flags = JY_DB_READONLY;
    cr_assert_eq(jy_db_open(&db, path, &o), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(jy_record_new(&e, JY_KIND_ENTERPRISE), JY_OK);
    cr_assert_eq(jy_record_set_text(e, "name", "另一家公司"), JY_OK);
    cr_assert_eq(jy_ledger_add(NULL, db, e), JY_ESTORAGE);
    jy_record_free(e);
    jy_db_close(db);
}

static void set_pragma(const char *path, const char *sql)
{
    sqlite3 *c = NULL;
    cr_assert_eq(sqlite3_open(path, &c), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(c, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(c));
    sqlite3_close(c);
}

Test(db, newer_schema_is_refused_and_left_untouched)
{
    char path[300];
    path_in_dir(path, sizeof path, "newer.db");
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK);
    jy_db_close(db);
    set_pragma(path, "PRAGMA user_version = 99");

    cr_assert_eq(jy_db_open(&db, path, NULL), JY_EVERSION);
    cr_assert_null(db);
    cr_assert(strstr(jy_error_last()->message, "newer") != NULL, "%s", jy_error_last()->message);

    sqlite3 *c = NULL;
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_open(path, &c), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(c, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_assert_eq(sqlite3_column_int(st, 0), 99, "the file was not downgraded or changed");
    sqlite3_finalize(st);
    sqlite3_close(c);
}

Test(db, foreign_files_are_refused)
{
    char path[300];
    path_in_dir(path, sizeof path, "other.db");
    set_pragma(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_ESTORAGE);
    cr_assert_null(db);

    path_in_dir(path, sizeof path, "text.db");
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("this is not a database, just some text that is long enough to look like one\n", f);
    for (int i = 0; i < 100; i++)
        fputs("0123456789abcdef0123456789abcdef0123456789abcdef\n", f);
    fclose(f);
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_ESTORAGE);
    cr_assert_null(db);
}

/* Reads a whole file into a NUL-terminated buffer (the caller frees it). */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    cr_assert_eq(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    cr_assert_geq(size, 0);
    rewind(f);
    char *text = malloc((size_t)size + 1);
    cr_assert_not_null(text);
    cr_assert_eq(fread(text, 1, (size_t)size, f), (size_t)size);
    text[size] = '\0';
    fclose(f);
    return text;
}

/* A database file as version `version` of the library wrote it: the SQL dump
 * tests/data/schema/v<version>.sql, made by that version from
 * tests/python/samples.py (one record of every kind). */
static void make_old_database(const char *path, int version)
{
    char dump[400];
    snprintf(dump, sizeof dump, "%s/schema/v%d.sql", JY_TEST_DATA_DIR, version);
    char *sql = slurp(dump);
    set_pragma(path, sql);
    free(sql);
}

Test(db, migrates_from_every_earlier_version)
{
    /* Version 0 is an empty file: every migration runs. Every later version
     * is a file that version wrote (tests/data/schema/v<N>.sql; each new
     * schema version adds its predecessor's dump). */
    for (int from = 0; from < JY_DB_SCHEMA_VERSION; from++) {
        char path[300], name[32];
        snprintf(name, sizeof name, "v%d.db", from);
        path_in_dir(path, sizeof path, name);
        if (from == 0)
            set_pragma(path, "PRAGMA user_version = 0");
        else
            make_old_database(path, from);
        jy_db *db = NULL;
        cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK, "from v%d: %s", from, jy_error_last()->message);
        int v = 0;
        cr_assert_eq(jy_db_schema_version(&v, db), JY_OK);
        cr_assert_eq(v, JY_DB_SCHEMA_VERSION, "from v%d", from);
        /* Every kind of the current catalogue is usable: counted, and the
         * records the old version wrote are all still there. */
        for (int k = 1; k < JY_KIND_END; k++) {
            jy_filter filter;
            cr_assert_eq(jy_filter_init(&filter, (jy_kind)k), JY_OK);
            int64_t n = -1;
            cr_assert_eq(jy_ledger_count(&n, db, &filter), JY_OK, "from v%d, kind %s: %s", from,
                         jy_kind_name(k), jy_error_last()->message);
            int in_v1 = k != JY_KIND_LABOR_CHANGE && k < JY_KIND_PUSH;
            cr_assert_eq(n, from >= 1 && in_v1 ? 1 : 0, "from v%d, kind %s: %lld records", from,
                         jy_kind_name(k), (long long)n);
        }
        jy_db_close(db);
    }
}

Test(db, a_migrated_database_takes_the_new_kinds)
{
    char path[300];
    path_in_dir(path, sizeof path, "v1-upgraded.db");
    make_old_database(path, 1);
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK, "%s", jy_error_last()->message);
    jy_record *push = NULL;
    cr_assert_eq(jy_record_new(&push, JY_KIND_PUSH), JY_OK);
    cr_assert_eq(jy_record_set_int(push, "jobseeker_id", 1), JY_OK);
    cr_assert_eq(jy_record_set_date(push, "pushed_on", (jy_date){ 2026, 3, 2 }), JY_OK);
    cr_assert_eq(jy_record_set_int(push, "posting_count", 1), JY_OK);
    cr_assert_eq(jy_record_add_item(push, "postings", "1"), JY_OK);
    int64_t id = 0;
    cr_assert_eq(jy_ledger_add(&id, db, push), JY_OK, "%s", jy_error_last()->message);
    jy_record_free(push);

    jy_record *event = NULL;
    cr_assert_eq(jy_ledger_get(&event, db, JY_KIND_EVENT, 1), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(jy_record_set_text(event, "source", "县人社局通报"), JY_OK);
    cr_assert_eq(jy_ledger_update(db, event), JY_OK, "%s", jy_error_last()->message);
    jy_record_free(event);
    cr_assert_eq(jy_ledger_get(&event, db, JY_KIND_EVENT, 1), JY_OK);
    const char *source = NULL;
    cr_assert_eq(jy_record_get_text(&source, event, "source"), JY_OK);
    cr_assert_str_eq(source, "县人社局通报");
    jy_record_free(event);
    jy_db_close(db);
}

Test(db, county_comes_from_a_file_for_a_new_database)
{
    char path[300], county[300];
    path_in_dir(county, sizeof county, "county.json");
    FILE *f = fopen(county, "w");
    cr_assert_not_null(f);
    fputs("{\"county\": {\"code\": \"990101\", \"name\": \"示例县\"}, \"townships\": ["
          "{\"code\": \"990101100\", \"name\": \"东镇\", \"villages\": ["
          "{\"code\": \"990101100001\", \"name\": \"东村村委会\"}]}]}",
          f);
    fclose(f);
    path_in_dir(path, sizeof path, "other-county.db");
    jy_db_options o = JY_DB_OPTIONS_INIT;
    o.county_file = county;
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, &o), JY_OK, "%s", jy_error_last()->message);
    cr_assert_str_eq(jy_county_name(jy_db_county(db)), "示例县");
    jy_db_close(db);
    /* The profile is stored: reopening does not need the file. */
    cr_assert_eq(unlink(county), 0);
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK);
    cr_assert_str_eq(jy_county_code(jy_db_county(db)), "990101");
    jy_db_close(db);

    o.county_file = "/nonexistent/county.json";
    path_in_dir(path, sizeof path, "bad-county.db");
    cr_assert_eq(jy_db_open(&db, path, &o), JY_EIO);
    cr_assert_null(db);
    /* The message names the file (its location was once uninitialized). */
    cr_assert(strstr(jy_error_last()->message, "county profile /nonexistent/county.json: cannot open"),
              "%s", jy_error_last()->message);
}

Test(db, transactions)
{
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, ":memory:", NULL), JY_OK);
    cr_assert_eq(jy_db_commit(db), JY_EINVAL, "nothing to commit");
    cr_assert_eq(jy_db_rollback(db), JY_EINVAL, "nothing to roll back");

    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_ENTERPRISE;
    int64_t n = -1;

    cr_assert_eq(jy_db_begin(db), JY_OK);
    cr_assert_eq(jy_db_begin(db), JY_EINVAL, "no nesting");
    for (int i = 0; i < 3; i++) {
        jy_record *e = NULL;
        char name[64];
        snprintf(name, sizeof name, "企业%d", i);
        cr_assert_eq(jy_record_new(&e, JY_KIND_ENTERPRISE), JY_OK);
        cr_assert_eq(jy_record_set_text(e, "name", name), JY_OK);
        cr_assert_eq(jy_ledger_add(NULL, db, e), JY_OK);
        jy_record_free(e);
    }
    cr_assert_eq(jy_db_rollback(db), JY_OK);
    cr_assert_eq(jy_ledger_count(&n, db, &f), JY_OK);
    cr_assert_eq(n, 0, "rolled back");

    cr_assert_eq(jy_db_begin(db), JY_OK);
    jy_record *e = NULL;
    cr_assert_eq(jy_record_new(&e, JY_KIND_ENTERPRISE), JY_OK);
    cr_assert_eq(jy_record_set_text(e, "name", "保留的企业"), JY_OK);
    cr_assert_eq(jy_ledger_add(NULL, db, e), JY_OK);
    /* A failing write inside the transaction leaves the others in place. */
    cr_assert_eq(jy_ledger_add(NULL, db, e), JY_EEXISTS);
    jy_record_free(e);
    cr_assert_eq(jy_db_commit(db), JY_OK);
    cr_assert_eq(jy_ledger_count(&n, db, &f), JY_OK);
    cr_assert_eq(n, 1);
    jy_db_close(db);
}

Test(db, a_second_connection_waits_then_reports_busy)
{
    char path[300];
    path_in_dir(path, sizeof path, "shared.db");
    jy_db *a = NULL, *b = NULL;
    jy_db_options o = JY_DB_OPTIONS_INIT;
    o.busy_timeout_ms = 100;
    cr_assert_eq(jy_db_open(&a, path, &o), JY_OK);
    cr_assert_eq(jy_db_open(&b, path, &o), JY_OK);
    cr_assert_eq(jy_db_begin(a), JY_OK);
    cr_assert_eq(jy_db_begin(b), JY_EBUSY, "%s", jy_error_last()->message);
    cr_assert_eq(jy_db_optimize(b), JY_EBUSY, "%s", jy_error_last()->message);
    cr_assert_eq(jy_db_commit(a), JY_OK);
    cr_assert_eq(jy_db_begin(b), JY_OK);
    cr_assert_eq(jy_db_commit(b), JY_OK);
    cr_assert_eq(jy_db_optimize(b), JY_OK, "%s", jy_error_last()->message);
    jy_db_close(a);
    jy_db_close(b);
}

static long file_size(const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    return n;
}

Test(db, optimize_compacts_the_file_and_keeps_every_record)
{
    char path[300], wal[310];
    path_in_dir(path, sizeof path, "optimize.db");
    snprintf(wal, sizeof wal, "%s-wal", path);
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK, "%s", jy_error_last()->message);
    /* 3 000 enterprises, then every other one deleted: half-empty pages. */
    cr_assert_eq(jy_db_begin(db), JY_OK);
    for (int i = 0; i < 3000; i++) {
        jy_record *e = NULL;
        char name[64], notes[160];
        snprintf(name, sizeof name, "优化企业%04d", i);
        memset(notes, 'x', sizeof notes - 1);
        notes[sizeof notes - 1] = '\0';
        cr_assert_eq(jy_record_new(&e, JY_KIND_ENTERPRISE), JY_OK);
        cr_assert_eq(jy_record_set_text(e, "name", name), JY_OK);
        cr_assert_eq(jy_record_set_text(e, "notes", notes), JY_OK);
        cr_assert_eq(jy_ledger_add(NULL, db, e), JY_OK, "%s", jy_error_last()->message);
        jy_record_free(e);
    }
    cr_assert_eq(jy_db_commit(db), JY_OK);
    cr_assert_eq(jy_db_begin(db), JY_OK);
    for (int64_t id = 1; id <= 3000; id += 2)
        cr_assert_eq(jy_ledger_delete(db, JY_KIND_ENTERPRISE, id), JY_OK);
    cr_assert_eq(jy_db_commit(db), JY_OK);
    /* Not inside a transaction, nor while an iterator reads. */
    cr_assert_eq(jy_db_begin(db), JY_OK);
    cr_assert_eq(jy_db_optimize(db), JY_EINVAL);
    cr_assert(strstr(jy_error_last()->message, "transaction"), "%s", jy_error_last()->message);
    cr_assert_eq(jy_db_rollback(db), JY_OK);
    jy_filter all = JY_FILTER_INIT;
    all.kind = JY_KIND_ENTERPRISE;
    jy_ledger_iter *it = NULL;
    jy_record *first = NULL;
    cr_assert_eq(jy_ledger_iter_new(&it, db, &all), JY_OK);
    cr_assert_eq(jy_ledger_iter_next(&first, it), JY_OK);
    jy_record_free(first);
    cr_assert_eq(jy_db_optimize(db), JY_EINVAL);
    cr_assert(strstr(jy_error_last()->message, "iterator"), "%s", jy_error_last()->message);
    jy_ledger_iter_free(it);

    sqlite3 *raw = NULL;
    cr_assert_eq(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_exec(raw, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    long before = file_size(path);
    sqlite3_close(raw);
    cr_assert_eq(jy_db_optimize(db), JY_OK, "%s", jy_error_last()->message);
    long after = file_size(path);
    cr_assert_lt(after, before * 3 / 4, "%ld bytes before, %ld after", before, after);
    cr_assert_eq(access(wal, F_OK) == 0 ? file_size(wal) : 0, 0, "the log emptied");

    /* The same records, under the same ids. */
    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_ENTERPRISE;
    int64_t n = -1;
    cr_assert_eq(jy_ledger_count(&n, db, &f), JY_OK);
    cr_assert_eq(n, 1500);
    jy_record *r = NULL;
    cr_assert_eq(jy_ledger_get(&r, db, JY_KIND_ENTERPRISE, 2998), JY_OK);
    const char *name = NULL;
    cr_assert_eq(jy_record_get_text(&name, r, "name"), JY_OK);
    cr_assert_str_eq(name, "优化企业2997");
    jy_record_free(r);
    cr_assert_eq(jy_ledger_get(&r, db, JY_KIND_ENTERPRISE, 2999), JY_ENOTFOUND);
    jy_db_close(db);

    /* A read-only handle, and NULL. */
    jy_db_options o = JY_DB_OPTIONS_INIT;
    o.flags = JY_DB_READONLY;
    cr_assert_eq(jy_db_open(&db, path, &o), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(jy_db_optimize(db), JY_EINVAL);
    cr_assert(strstr(jy_error_last()->message, "read-only"), "%s", jy_error_last()->message);
    jy_db_close(db);
    cr_assert_eq(jy_db_optimize(NULL), JY_EINVAL);
}

Test(db, schema_agrees_with_the_catalogue)
{
    char path[300];
    path_in_dir(path, sizeof path, "schema.db");
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK);
    jy_db_close(db);
    sqlite3 *c = NULL;
    cr_assert_eq(sqlite3_open(path, &c), SQLITE_OK);
    for (int kind = 1; kind < JY_KIND_END; kind++) {
        const char *name = jy_kind_name(kind);
        cr_assert_not_null(name, "kind %d has a name", kind);
        cr_assert_not_null(jy_kind_label(kind));
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s') ORDER BY cid", name);
        sqlite3_stmt *st = NULL;
        cr_assert_eq(sqlite3_prepare_v2(c, sql, -1, &st, NULL), SQLITE_OK);
        size_t i = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            const jy_field_info *f = jy_kind_field_at(kind, i);
            cr_assert_not_null(f, "%s: column %zu has no field", name, i);
            cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), f->name,
                             "%s: column %zu", name, i);
            i++;
        }
        sqlite3_finalize(st);
        cr_assert_eq(i, jy_kind_field_count(kind), "%s: %zu columns for %zu fields", name, i,
                     jy_kind_field_count(kind));
        cr_assert_lt(jy_kind_field_count(kind), 40, "JY__MAX_FIELDS in lib/db_internal.h");
    }
    sqlite3_close(c);
}

Test(db, misuse_is_an_error_not_a_crash)
{
    jy_db *db = (jy_db *)1;
    cr_assert_eq(jy_db_open(&db, NULL, NULL), JY_EINVAL);
    cr_assert_null(db);
    cr_assert_eq(jy_db_open(NULL, ":memory:", NULL), JY_EINVAL);
    jy_db_options o = JY_DB_OPTIONS_INIT;
    o.version = 999;
    cr_assert_eq(jy_db_open(&db, ":memory:", &o), JY_EINVAL);
    cr_assert_eq(jy_db_begin(NULL), JY_EINVAL);
    cr_assert_eq(jy_db_commit(NULL), JY_EINVAL);
    cr_assert_eq(jy_db_rollback(NULL), JY_EINVAL);
    int v;
    cr_assert_eq(jy_db_schema_version(&v, NULL), JY_EINVAL);
    cr_assert_null(jy_db_county(NULL));
    jy_db_close(NULL);
    cr_assert_eq(jy_db_options_init(&o), JY_OK);
    cr_assert_eq(o.version, JY_DB_OPTIONS_VERSION);
    cr_assert_eq(o.flags, JY_DB_CREATE);
}
