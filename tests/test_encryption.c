/*
 * Encryption of the database file (jy_db_options::key): in a build with
 * SQLCipher (JY_WITH_SQLCIPHER), a file written with a key cannot be read
 * without it or with another key (a clear JY_ESTORAGE, the file untouched),
 * and reads back with it; its bytes hold none of its text. In a plain build,
 * a key is refused with JY_EINVAL and no file is created.
 */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];
static char path[128];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/jy-encryption-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/county.db", dir);
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_expect_eq(system(cmd), 0);
}

static jy_db_options keyed(const char *key)
{
    jy_db_options o = JY_DB_OPTIONS_INIT;
    o.key = key;
    return o;
}

/* A version 1 structure (before the key) is still accepted. */
Test(encryption, version_1_options_are_accepted, .init = setup, .fini = teardown)
{
    struct {
        unsigned int version, flags;
        int busy_timeout_ms;
        const char *county_file;
    } v1 = { 1, JY_DB_CREATE, 1000, NULL };
    jy_db *db = NULL;
    cr_expect_eq(jy_db_open(&db, path, (const jy_db_options *)(const void *)&v1), JY_OK, "%s",
                 jy_error_last()->message);
    jy_db_close(db);
}

#ifdef JY_TEST_SQLCIPHER

Test(encryption, a_keyed_file_needs_its_key, .init = setup, .fini = teardown)
{
    jy_db_options o = keyed("新干县 2026 口令");
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, &o), JY_OK, "%s", jy_error_last()->message);
    const char *line = "{\"type\":\"enterprise\",\"name\":\"加密测试企业\",\"notes\":\"PLAINTEXT-MARK\"}\n";
    cr_assert_eq(jy_import_buffer(NULL, db, line, strlen(line), NULL), JY_OK);
    jy_db_close(db);

    /* The bytes on disk hold none of the text. */
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    cr_expect_gt(n, 0);
    int found = 0;
    for (size_t i = 0; i + 14 <= n; i++)
        if (memcmp(buf + i, "PLAINTEXT-MARK", 14) == 0 || memcmp(buf + i, "SQLite format", 13) == 0)
            found = 1;
    cr_expect_not(found, "the file holds clear text");

    struct stat before, after;
    cr_assert_eq(stat(path, &before), 0);
    /* Without the key, with another key: refused clearly, file untouched. */
    cr_expect_eq(jy_db_open(&db, path, NULL), JY_ESTORAGE);
    cr_expect_null(db);
    cr_expect(strstr(jy_error_last()->message, "key"), "%s", jy_error_last()->message);
    o = keyed("wrong key");
    cr_expect_eq(jy_db_open(&db, path, &o), JY_ESTORAGE);
    cr_expect(strstr(jy_error_last()->message, "key"), "%s", jy_error_last()->message);
    cr_assert_eq(stat(path, &after), 0);
    cr_expect_eq(before.st_size, after.st_size);
    cr_expect_eq(before.st_mtime, after.st_mtime);

    /* With it: everything there. */
    o = keyed("新干县 2026 口令");
    cr_assert_eq(jy_db_open(&db, path, &o), JY_OK, "%s", jy_error_last()->message);
    int64_t id = 0;
    cr_expect_eq(jy_ledger_find(&id, db, JY_KIND_ENTERPRISE, "name", "加密测试企业"), JY_OK);
    cr_expect_gt(id, 0);
    jy_db_close(db);
}

Test(encryption, a_plain_file_refuses_a_key, .init = setup, .fini = teardown)
{
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK);
    jy_db_close(db);
    jy_db_options o = keyed("a key");
    cr_expect_eq(jy_db_open(&db, path, &o), JY_ESTORAGE);
    cr_expect_null(db);
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK, "the plain file still opens");
    jy_db_close(db);
}

/* Neither the key nor a wrong one appears in an error message, and
 * SQLCipher's own log (a wrong key: "hmac check failed") does not reach
 * stderr: the library writes no log. An empty key is refused. */
Test(encryption, the_key_is_never_in_messages_nor_stderr, .init = setup, .fini = teardown)
{
    jy_db_options o = keyed("SECRET-KEY-4711");
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, &o), JY_OK, "%s", jy_error_last()->message);
    jy_db_close(db);

    char errpath[160];
    snprintf(errpath, sizeof errpath, "%s/stderr.txt", dir);
    fflush(stderr);
    int saved = dup(2);
    FILE *capture = fopen(errpath, "w");
    cr_assert_not_null(capture);
    cr_assert_geq(dup2(fileno(capture), 2), 0);
    const char *tries[] = { "SECRET-KEY-4712", NULL, "SECRET-KEY-4711-AND-MORE" };
    int codes[3];
    char messages[3][512];
    for (size_t i = 0; i < 3; i++) {
        o = keyed(tries[i]);
        codes[i] = jy_db_open(&db, path, tries[i] ? &o : NULL);
        snprintf(messages[i], sizeof messages[i], "%s", jy_error_last()->message);
    }
    o = keyed("");
    int empty = jy_db_open(&db, path, &o);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    fclose(capture);
    for (size_t i = 0; i < 3; i++) {
        cr_expect_eq(codes[i], JY_ESTORAGE, "try %zu", i);
        cr_expect_null(strstr(messages[i], "SECRET"), "the key is in: %s", messages[i]);
        cr_expect_null(strstr(messages[i], "4711"), "the key is in: %s", messages[i]);
    }
    cr_expect_eq(empty, JY_EINVAL, "an empty key is refused");
    struct stat st;
    cr_assert_eq(stat(errpath, &st), 0);
    cr_expect_eq(st.st_size, 0, "nothing was written to stderr");
}

/* A keyed file is a normal libjiuye database with its key: ledgers, the
 * audit table, reopening read-only. */
Test(encryption, a_keyed_file_works_normally, .init = setup, .fini = teardown)
{
    jy_db_options o = keyed("k");
    o.flags |= JY_DB_CREATE;
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, &o), JY_OK, "%s", jy_error_last()->message);
    const char *lines = "{\"type\":\"enterprise\",\"name\":\"甲企业\"}\n"
                        "{\"type\":\"enterprise\",\"name\":\"乙企业\"}\n";
    cr_assert_eq(jy_import_buffer(NULL, db, lines, strlen(lines), NULL), JY_OK, "%s",
                 jy_error_last()->message);
    jy_db_close(db);
    o.flags = JY_DB_READONLY;
    cr_assert_eq(jy_db_open(&db, path, &o), JY_OK, "%s", jy_error_last()->message);
    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_ENTERPRISE;
    int64_t n = 0;
    cr_expect_eq(jy_ledger_count(&n, db, &f), JY_OK);
    cr_expect_eq(n, 2);
    jy_db_close(db);
}

#else

Test(encryption, a_plain_build_refuses_a_key, .init = setup, .fini = teardown)
{
    jy_db_options o = keyed("a key");
    jy_db *db = NULL;
    cr_expect_eq(jy_db_open(&db, path, &o), JY_EINVAL);
    cr_expect_null(db);
    cr_expect(strstr(jy_error_last()->message, "JY_WITH_SQLCIPHER"), "%s",
              jy_error_last()->message);
    cr_expect_neq(access(path, F_OK), 0, "no file was created");
}

#endif
