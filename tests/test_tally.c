/* The ledger's tally of labor records by entry date (schema 4, lib/tally.c):
 * exact after every way of writing the ledger, through the library or past
 * it; 10.1 right whether the tally is fresh or stale; rebuilt by a writable
 * open; built by the migration from schema 3. */
#include "metrics2_fixture.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[64], path[128];

static void tally_open(void)
{
    snprintf(dir, sizeof dir, "/tmp/jiuye-tally-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/t.db", dir);
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK, "%s", jy_error_last()->message);
}

static void tally_close(void)
{
    m2_close();
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(tally, .init = tally_open, .fini = tally_close);

static sqlite3 *raw(void)
{
    sqlite3 *c = NULL;
    cr_assert_eq(sqlite3_open(path, &c), SQLITE_OK);
    sqlite3_busy_timeout(c, 5000);
    return c;
}

static int64_t raw_int(sqlite3 *c, const char *sql)
{
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(c, sql, -1, &st, NULL), SQLITE_OK, "%s: %s", sql,
                 sqlite3_errmsg(c));
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void raw_exec(const char *sql)
{
    sqlite3 *c = raw();
    cr_assert_eq(sqlite3_exec(c, sql, NULL, NULL, NULL), SQLITE_OK, "%s: %s", sql,
                 sqlite3_errmsg(c));
    sqlite3_close(c);
}

/* The ledger counted from scratch, with the age test written out here
 * (whole years on the entry date, birthday counted from its day). */
#define TRUTH                                                                               \
    "SELECT coalesce(entered_on, ''), count(*) AS records, coalesce(sum(birth_date IS NULL OR" \
    " (CAST(substr(entered_on, 1, 4) AS INTEGER) - CAST(substr(birth_date, 1, 4) AS INTEGER)" \
    " - (substr(entered_on, 6, 5) < substr(birth_date, 6, 5))) BETWEEN 16 AND 60), 0) AS aged" \
    " FROM labor GROUP BY 1"
#define KEPT "SELECT entered_on, records, aged FROM labor_tally WHERE records <> 0"

/* The committed tally equals the ledger counted from scratch. */
static void assert_tally_exact(const char *when)
{
    sqlite3 *c = raw();
    int64_t extra = raw_int(c, "SELECT count(*) FROM (" KEPT " EXCEPT " TRUTH ")");
    int64_t missing = raw_int(c, "SELECT count(*) FROM (" TRUTH " EXCEPT " KEPT ")");
    int64_t total = raw_int(c, "SELECT coalesce(sum(records), 0) FROM labor_tally");
    int64_t count = raw_int(c, "SELECT count(*) FROM labor");
    sqlite3_close(c);
    cr_assert_eq(extra + missing, 0, "%s: %lld rows of the tally wrong, %lld missing", when,
                 (long long)extra, (long long)missing);
    cr_assert_eq(total, count, "%s: tally %lld, ledger %lld", when, (long long)total,
                 (long long)count);
}

/* Persons at the edges of 16 and 60, and leap days, entered on 2026-06-01
 * (entered_on is the survey date of the first insert). */
static const char *const births[] = {
    "20100601", /* 16 that day */
    "20100602", /* 15, 16 the day after */
    "19660601", /* 60 that day */
    "19650601", /* 61 that day */
    "19650602", /* 60, 61 the day after */
    "20080229", /* leap day, 18 */
    "19900512",
};
#define NBIRTHS (sizeof births / sizeof births[0])

Test(tally, every_write_through_the_library_keeps_it_exact)
{
    /* Autocommit inserts: each record and its count one transaction. */
    for (size_t i = 0; i < NBIRTHS; i++)
        m2_labor(births[i], 1, "2026-06-01", "");
    assert_tally_exact("autocommit inserts");
    cr_assert_eq(m2_value("labor_records", "2026-06-01", "2026-06-30"), 5);

    /* Inside a caller's transaction the counts wait for the commit; the
     * metric meanwhile counts the ledger (uncommitted records included). */
    cr_assert_eq(jy_db_begin(db), JY_OK);
    for (size_t i = 0; i < NBIRTHS; i++)
        m2_labor(births[i], 2, "2026-07-01", "");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 10);
    cr_assert_eq(jy_db_commit(db), JY_OK, "%s", jy_error_last()->message);
    assert_tally_exact("a committed transaction");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 10);

    /* A rolled-back transaction leaves no count. */
    cr_assert_eq(jy_db_begin(db), JY_OK);
    for (size_t i = 0; i < NBIRTHS; i++)
        m2_labor(births[i], 3, "2026-07-02", "");
    cr_assert_eq(jy_db_rollback(db), JY_OK);
    assert_tally_exact("a rolled-back transaction");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 10);

    /* An import, keep-good, with a bad row: the good ones counted. */
    char id1[19], id2[19], jsonl[1024];
    m2_id_number(id1, "19800303", 4);
    m2_id_number(id2, "20110101", 4);
    snprintf(jsonl, sizeof jsonl,
             "{\"type\": \"labor\", \"id_number\": \"%s\", \"name\": \"李四\", \"township\": "
             "\"金川镇\", \"surveyed_on\": \"2026-08-01\"}\n"
             "{\"type\": \"labor\", \"id_number\": \"360824198003030000\", \"name\": \"坏\", "
             "\"township\": \"金川镇\", \"surveyed_on\": \"2026-08-01\"}\n"
             "{\"type\": \"labor\", \"id_number\": \"%s\", \"name\": \"王五\", \"township\": "
             "\"金川镇\", \"surveyed_on\": \"2026-08-02\"}\n",
             id1, id2);
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    o.mode = JY_IMPORT_KEEP_GOOD;
    jy_import_stats stats;
    cr_assert_eq(jy_import_buffer(&stats, db, jsonl, strlen(jsonl), &o), JY_OK, "%s",
                 jy_error_last()->message);
    cr_assert_eq(stats.accepted, 2);
    cr_assert_eq(stats.rejected, 1);
    assert_tally_exact("an import");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 11); /* 15 years old: not */

    /* An update that corrects the ID number moves the person's birth date
     * (a trigger moves the count); an update of other fields changes none. */
    int64_t id = m2_labor("19500101", 5, "2026-08-03", ""); /* 76: not aged */
    jy_record *r = NULL;
    cr_assert_eq(jy_ledger_get(&r, db, JY_KIND_LABOR, id), JY_OK);
    char fixed[19];
    m2_id_number(fixed, "19700101", 5);
    cr_assert_eq(jy_record_set_text(r, "id_number", fixed), JY_OK);
    cr_assert_eq(jy_ledger_update(db, r), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(jy_record_set_text(r, "surveyed_on", "2026-09-09"), JY_OK);
    cr_assert_eq(jy_ledger_update(db, r), JY_OK, "%s", jy_error_last()->message);
    jy_record_free(r);
    assert_tally_exact("updates");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 12);

    /* A deletion takes the count out (a trigger). */
    cr_assert_eq(jy_ledger_delete(db, JY_KIND_LABOR, id), JY_OK, "%s", jy_error_last()->message);
    assert_tally_exact("a deletion");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 11);
}

Test(tally, writes_past_the_library_are_counted)
{
    for (size_t i = 0; i < NBIRTHS; i++)
        m2_labor(births[i], 1, "2026-06-01", "");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 5);
    /* Updates and deletes by another program: the triggers keep up. */
    raw_exec("UPDATE labor SET entered_on = '2026-09-01' WHERE birth_date = '1990-05-12'");
    raw_exec("DELETE FROM labor WHERE birth_date = '2010-06-01'");
    assert_tally_exact("updates and deletes past the library");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 3);
    /* Inserts by another program (with and without an entry date): the
     * tally is stale, the metric counts the ledger (a record without entry
     * date counts once a writable open gives it its survey date). */
    raw_exec("INSERT INTO labor (id_number, name, township, birth_date, surveyed_on, entered_on)"
             " VALUES ('a', 'x', '360824100', '1980-01-01', '2026-05-01', '2026-05-01'),"
             " ('b', 'y', '360824100', '1980-01-01', '2026-05-02', NULL)");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 4);
    /* A read-only connection answers the same and repairs nothing. */
    jy_db *ro = NULL;
    jy_db_options o = JY_DB_OPTIONS_INIT;
    o.flags = JY_DB_READONLY;
    cr_assert_eq(jy_db_open(&ro, path, &o), JY_OK, "%s", jy_error_last()->message);
    jy_measure *m = NULL;
    cr_assert_eq(jy_metric_compute(&m, ro, "labor_records", D("2026-03-01"), D("2027-02-28"),
                                   NULL, SIGNED),
                 JY_OK);
    cr_assert_eq(jy_measure_value(m), 4);
    jy_measure_free(m);
    jy_db_close(ro);
    sqlite3 *c = raw();
    cr_assert_eq(raw_int(c, "SELECT sum(records) FROM labor_tally"), 6); /* 7 less 1 deleted */
    sqlite3_close(c);
    /* The next writable open rebuilds it. */
    jy_db_close(db);
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK, "%s", jy_error_last()->message);
    assert_tally_exact("a writable open after inserts past the library");
    c = raw();
    cr_assert_eq(raw_int(c, "SELECT count(*) FROM labor WHERE entered_on IS NULL"), 0);
    sqlite3_close(c);
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 5);
    /* A record with neither survey nor entry date (past the library: the
     * library requires the survey date) is counted apart, never in 10.1,
     * and the tally's total is the ledger's count again: fresh, nothing for
     * later opens to repair. */
    raw_exec("INSERT INTO labor (id_number, name, township, birth_date)"
             " VALUES ('c', 'z', '360824100', '1980-01-01')");
    jy_db_close(db);
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK, "%s", jy_error_last()->message);
    assert_tally_exact("a record without dates");
    c = raw();
    cr_assert_eq(raw_int(c, "SELECT records FROM labor_tally WHERE entered_on = ''"), 1);
    sqlite3_close(c);
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 5);
    raw_exec("DELETE FROM labor WHERE id_number = 'c'");
    assert_tally_exact("a record without dates deleted");
}

/* The tally counts the records up to its mark; written only by the
 * library, the mark is the highest id (nothing above it: fresh). */
static int64_t mark_gap(void)
{
    sqlite3 *c = raw();
    int64_t gap = raw_int(c, "SELECT (SELECT coalesce(max(id), 0) FROM labor)"
                             " - (SELECT last_id FROM labor_tally_mark)");
    sqlite3_close(c);
    return gap;
}

Test(tally, the_library_changing_its_own_uncounted_records)
{
    m2_labor(births[6], 1, "2026-06-01", "");
    /* In one transaction: records added (their counts wait), then one of
     * them corrected (its birth date moves) and one deleted, which write
     * the waiting counts first (the triggers see counted records only). */
    cr_assert_eq(jy_db_begin(db), JY_OK);
    int64_t a = m2_labor(births[0], 2, "2026-07-01", ""); /* 16 */
    int64_t b = m2_labor(births[3], 2, "2026-07-01", ""); /* 61 */
    m2_labor(births[5], 2, "2026-07-02", "");
    jy_record *r = NULL;
    cr_assert_eq(jy_ledger_get(&r, db, JY_KIND_LABOR, b), JY_OK);
    char fixed[19];
    m2_id_number(fixed, "19800101", 2);
    cr_assert_eq(jy_record_set_text(r, "id_number", fixed), JY_OK);
    cr_assert_eq(jy_ledger_update(db, r), JY_OK, "%s", jy_error_last()->message);
    jy_record_free(r);
    m2_labor(births[4], 3, "2026-07-03", "");
    cr_assert_eq(jy_ledger_delete(db, JY_KIND_LABOR, a), JY_OK, "%s", jy_error_last()->message);
    m2_labor(births[1], 3, "2026-07-03", ""); /* may take a's id: SQLite reuses the top one */
    cr_assert_eq(jy_db_commit(db), JY_OK, "%s", jy_error_last()->message);
    assert_tally_exact("changes to records of the same transaction");
    cr_assert_eq(mark_gap(), 0);
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 4);
    /* The record at the mark deleted by the library: the mark goes down
     * with it, so that the next id given is above it. */
    int64_t top = m2_labor(births[6], 4, "2026-07-04", "");
    cr_assert_eq(jy_ledger_delete(db, JY_KIND_LABOR, top), JY_OK);
    assert_tally_exact("the top record deleted");
    cr_assert_eq(mark_gap(), 0);
}

Test(tally, the_mark_sees_every_insert_past_the_library)
{
    for (size_t i = 0; i < NBIRTHS; i++)
        m2_labor(births[i], 1, "2026-06-01", "");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 5);
    /* Another program deletes the record at the mark, then inserts one:
     * SQLite gives it the same id, above the lowered mark: stale, and the
     * metric counts the ledger. */
    raw_exec("DELETE FROM labor WHERE id = (SELECT max(id) FROM labor)"); /* 1990: aged */
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 4);
    raw_exec("INSERT INTO labor (id_number, name, township, birth_date, surveyed_on, entered_on)"
             " VALUES ('a', 'x', '360824100', '1980-01-01', '2026-05-01', '2026-05-01')");
    cr_assert_gt(mark_gap(), 0);
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 5);
    /* Inserted then deleted past the library, never counted: not taken out
     * of the tally either, which is fresh again once it is gone. */
    raw_exec("DELETE FROM labor WHERE id_number = 'a'");
    cr_assert_eq(mark_gap(), 0);
    assert_tally_exact("a record inserted and deleted past the library");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 4);
    /* A record inserted with an explicit id below the mark escapes the
     * mark; the next writable open compares the totals and rebuilds. */
    raw_exec("INSERT INTO labor (id, id_number, name, township, birth_date, surveyed_on,"
             " entered_on) VALUES (-5, 'b', 'y', '360824100', '1980-01-01', '2026-05-01',"
             " '2026-05-01')");
    jy_db_close(db);
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK, "%s", jy_error_last()->message);
    assert_tally_exact("an insert below the mark, then a writable open");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 5);
    /* A record's id changed: stale until the next writable open. */
    raw_exec("UPDATE labor SET id = 1000 WHERE id_number = 'b'");
    cr_assert_eq(m2_value("labor_records", "2026-03-01", "2027-02-28"), 5);
    sqlite3 *c = raw();
    cr_assert_eq(raw_int(c, "SELECT last_id FROM labor_tally_mark"), -1);
    sqlite3_close(c);
    jy_db_close(db);
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK, "%s", jy_error_last()->message);
    assert_tally_exact("an id changed, then a writable open");
    cr_assert_eq(mark_gap(), 0);
}

Test(tally, built_by_the_migration_from_schema_3)
{
    jy_db_close(db);
    db = NULL;
    unlink(path);
    char dump[400];
    snprintf(dump, sizeof dump, "%s/schema/v3.sql", JY_TEST_DATA_DIR);
    FILE *f = fopen(dump, "rb");
    cr_assert_not_null(f);
    static char sql[1 << 20];
    size_t n = fread(sql, 1, sizeof sql - 1, f);
    fclose(f);
    sql[n] = '\0';
    raw_exec(sql);
    /* More records as schema 3 held them (its trigger gave entry dates). */
    raw_exec("INSERT INTO labor (id_number, name, township, birth_date, surveyed_on, entered_on)"
             " VALUES ('a', 'x', '360824100', '2010-06-01', '2026-06-01', '2026-06-01'),"
             " ('b', 'y', '360824100', '2010-06-02', '2026-06-01', '2026-06-01')");
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK, "%s", jy_error_last()->message);
    int v = 0;
    cr_assert_eq(jy_db_schema_version(&v, db), JY_OK);
    cr_assert_eq(v, 4);
    assert_tally_exact("the migration");
    sqlite3 *c = raw();
    cr_assert_eq(raw_int(c, "SELECT sum(records) FROM labor_tally"), 3);
    cr_assert_eq(raw_int(c, "SELECT count(*) FROM sqlite_master WHERE name IN "
                            "('labor_entered_birth', 'labor_entered_default')"),
                 0);
    sqlite3_close(c);
}
