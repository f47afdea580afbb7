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
