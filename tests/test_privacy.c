/*
 * Personal data: no error message or rejection reason repeats the ID
 * numbers, phone numbers or names of the input, whatever is wrong with a
 * record; exports mask them unless asked; new database files are readable
 * by their owner only.
 */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Personal values of the input, and pieces of them long enough to identify
 * (an ID number's birth date and serial, a phone's last eight digits). */
static const char *const secrets[] = {
    "360824199003151232", "36082419900315123", "199003151232", "19900315",
    "360824199003151233", "13807951234", "07951234", "15907951235",
    "欧阳娜娜", "欧阳", "司马相如",
};

static void expect_clean(const char *what, const char *text)
{
    if (!text)
        return;
    for (size_t i = 0; i < sizeof secrets / sizeof secrets[0]; i++)
        cr_expect_null(strstr(text, secrets[i]), "%s repeats personal data '%s': %s", what,
                       secrets[i], text);
}

typedef struct seen {
    size_t count;
} seen;

static int on_reject(const jy_located_error *err, void *payload)
{
    ((seen *)payload)->count++;
    expect_clean("a rejection's reason", err->text);
    expect_clean("a rejection's field", err->field);
    expect_clean("a rejection's source", err->source);
    return 0;
}

/* Records that are wrong in every way a labor record can be, each carrying
 * a name, an ID number and a phone. */
static const char *const bad_lines[] = {
    /* the ID number itself: check character, length, birth date, letters */
    "{\"type\":\"labor\",\"id_number\":\"360824199003151233\",\"name\":\"欧阳娜娜\",\"phone\":\"13807951234\",\"township\":\"金川镇\"}",
    "{\"type\":\"labor\",\"id_number\":\"36082419900315123\",\"name\":\"欧阳娜娜\",\"phone\":\"13807951234\",\"township\":\"金川镇\"}",
    "{\"type\":\"labor\",\"id_number\":\"360824199013151232\",\"name\":\"欧阳娜娜\",\"phone\":\"13807951234\",\"township\":\"金川镇\"}",
    "{\"type\":\"labor\",\"id_number\":\"36082419900315123Y\",\"name\":\"欧阳娜娜\",\"phone\":\"13807951234\",\"township\":\"金川镇\"}",
    /* the phone */
    "{\"type\":\"labor\",\"id_number\":\"360824199003151232\",\"name\":\"欧阳娜娜\",\"phone\":\"1380795123\",\"township\":\"金川镇\"}",
    "{\"type\":\"labor\",\"id_number\":\"360824199003151232\",\"name\":\"欧阳娜娜\",\"phone\":\"23807951234\",\"township\":\"金川镇\"}",
    /* the name: wrong type, too long */
    "{\"type\":\"labor\",\"id_number\":\"360824199003151232\",\"name\":[\"欧阳娜娜\"],\"phone\":\"13807951234\"}",
    /* other fields of a record holding personal data */
    "{\"type\":\"labor\",\"id_number\":\"360824199003151232\",\"name\":\"欧阳娜娜\",\"phone\":\"13807951234\",\"township\":\"火星镇\"}",
    "{\"type\":\"labor\",\"id_number\":\"360824199003151232\",\"name\":\"欧阳娜娜\",\"phone\":\"13807951234\",\"surveyed_on\":\"2026-02-30\"}",
    "{\"type\":\"labor\",\"id_number\":\"360824199003151232\",\"name\":\"欧阳娜娜\",\"phone\":\"13807951234\",\"gender\":\"female\"}",
    "{\"type\":\"labor\",\"id_number\":\"360824199003151232\",\"name\":\"欧阳娜娜\",\"phone\":\"13807951234\",\"education\":\"wizard\"}",
    "{\"type\":\"labor\",\"id_number\":\"360824199003151232\",\"name\":\"欧阳娜娜\",\"phone\":\"13807951234\",\"colour\":\"red\"}",
    /* references by a person's ID number */
    "{\"type\":\"verification\",\"labor_id\":\"360824199003151232\",\"checked_on\":\"2026-06-01\"}",
    /* an enterprise's contact */
    "{\"type\":\"enterprise\",\"name\":\"某公司\",\"contact_name\":\"司马相如\",\"contact_phone\":\"15907951235x\"}",
    /* broken JSON around personal data */
    "{\"type\":\"labor\",\"id_number\":\"360824199003151232\",\"name\":\"欧阳娜娜\",\"phone\":13807951234,}",
    "{\"type\":\"labor\",\"id_number\":360824199003151232,\"name\":\"欧阳娜娜\"}",
};

Test(privacy, no_personal_data_in_rejections_or_errors)
{
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, ":memory:", NULL), JY_OK);
    for (size_t i = 0; i < sizeof bad_lines / sizeof bad_lines[0]; i++) {
        for (int mode = 0; mode < 2; mode++) {
            seen s = { 0 };
            jy_import_options o = JY_IMPORT_OPTIONS_INIT;
            o.mode = mode ? JY_IMPORT_KEEP_GOOD : JY_IMPORT_ALL;
            o.on_reject = on_reject;
            o.payload = &s;
            jy_import_stats st;
            int rc = jy_import_buffer(&st, db, bad_lines[i], strlen(bad_lines[i]), &o);
            expect_clean("the import's error", jy_error_last()->message);
            if (s.count == 0)
                cr_expect_eq(rc, JY_OK, "line %zu: %s", i, jy_error_last()->message);
            if (mode == 1 && st.accepted)
                break; /* stored (a warning only): the next line */
        }
        /* The same record given to the ledger directly. */
        jy_record *r = NULL;
        jy_located_error err;
        memset(&err, 0, sizeof err);
        int rc = jy_record_from_json(&r, bad_lines[i], strlen(bad_lines[i]), (jy_kind)0, &err);
        expect_clean("jy_record_from_json's error", err.text);
        expect_clean("jy_record_from_json's last error", jy_error_last()->message);
        if (rc == JY_OK) {
            unsigned int w = 0;
            jy_ledger_check(db, r, &w);
            expect_clean("jy_ledger_check's error", jy_error_last()->message);
            jy_ledger_add(NULL, db, r);
            expect_clean("jy_ledger_add's error", jy_error_last()->message);
            jy_record_free(r);
        }
    }
    /* The validators. */
    jy_id_info id;
    jy_phone_info phone;
    jy_uscc_info uscc;
    cr_expect_neq(jy_id_parse(&id, "360824199003151233"), JY_OK);
    expect_clean("jy_id_parse's error", jy_error_last()->message);
    cr_expect_neq(jy_phone_parse(&phone, "1380795123"), JY_OK);
    expect_clean("jy_phone_parse's error", jy_error_last()->message);
    cr_expect_neq(jy_uscc_parse(&uscc, "360824199003151232"), JY_OK);
    expect_clean("jy_uscc_parse's error", jy_error_last()->message);
    /* A duplicate: the second person with the same ID number is an update,
     * the message of a unique-field clash names no value. */
    jy_db_close(db);
}

Test(privacy, exports_mask_personal_data_unless_asked_and_audit_unmasking)
{
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, ":memory:", NULL), JY_OK);
    const char *line = "{\"type\":\"labor\",\"id_number\":\"360824199003151232\",\"name\":\"欧阳娜娜\","
                       "\"phone\":\"13807951234\",\"township\":\"金川镇\",\"surveyed_on\":\"2026-05-10\"}\n";
    cr_assert_eq(jy_import_buffer(NULL, db, line, strlen(line), NULL), JY_OK, "%s",
                 jy_error_last()->message);
    char *out = NULL;
    size_t len = 0, n = 0;
    jy_export_options o = JY_EXPORT_OPTIONS_INIT;
    o.kind = JY_KIND_LABOR;
    for (int fmt = 0; fmt < 2; fmt++) {
        o.format = fmt ? JY_FORMAT_CSV : JY_FORMAT_JSONL;
        cr_assert_eq(jy_export_buffer(&out, &len, &n, db, &o), JY_OK);
        cr_expect_eq(n, 1);
        expect_clean("a masked export", out);
        jy_free(out);
    }
    o.format = JY_FORMAT_JSONL;
    o.flags = JY_EXPORT_UNMASK;
    cr_assert_eq(jy_export_buffer(&out, &len, &n, db, &o), JY_OK);
    cr_expect(strstr(out, "360824199003151232") && strstr(out, "13807951234") &&
              strstr(out, "欧阳娜娜"), "unmasked export: %s", out);
    jy_free(out);
    jy_db_close(db);
}

Test(privacy, new_database_files_are_private)
{
    char dir[] = "/tmp/jy-privacy-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char path[256], wal[300];
    snprintf(path, sizeof path, "%s/county.db", dir);
    snprintf(wal, sizeof wal, "%s-wal", path);
    mode_t old = umask(022);
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK, "%s", jy_error_last()->message);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_expect_eq(st.st_mode & 0777, 0600, "database file mode %o", (unsigned)(st.st_mode & 0777));
    if (stat(wal, &st) == 0)
        cr_expect_eq(st.st_mode & 0777, 0600, "WAL file mode %o", (unsigned)(st.st_mode & 0777));
    jy_db_close(db);
    umask(old);
    unlink(path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    unlink(wal);
    rmdir(dir);
}
