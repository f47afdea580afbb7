/*
 * The ledger's tallies: counts kept as records are written, so that a
 * metric over a whole ledger reads a few rows instead of the ledger.
 *
 * One today (schema 4, lib/schema.c): the labor records by entry date,
 * with how many of them were aged 16 to 60 on that date (labor_tally),
 * which answers 10.1 (lib/metrics_labor.c). It counts exactly the records
 * whose id is at most a mark (labor_tally_mark.last_id). The library counts
 * the records it inserts and moves the mark past them (here: a trigger on
 * insert would cost every import of the survey about 0.3 s in 150 000
 * records); triggers take out deleted records and move updated ones,
 * whoever writes them. An insert past the library gets an id above the
 * mark: the tally is then stale, the metric reads the ledger, and the next
 * writable open rebuilds it (jy__tally_repair).
 *
 * Inside a caller's transaction (jy_db_begin, the imports' batches) the
 * counts wait on the connection, one per entry date, and are written just
 * before COMMIT (jy__tally_flush, from jy_db_commit): an import pays for a
 * few hundred writes a batch instead of one a record. They are also
 * written before the library changes or deletes any record (a deletion
 * may cascade to labor records), since the triggers adjust counted records
 * only. Anywhere else (an autocommit insert, a savepoint) they are written
 * at once, in the same transaction as the record.
 */
#include "tally.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The counts waiting on a connection: an open-addressing table by entry
 * date (text), in insertion order for the flush. */
typedef struct pending_day {
    char *day;
    int64_t records, aged;
} pending_day;

struct jy__tally_pending {
    int64_t first_id;  /* the first record counted here (ids grow), 0: none */
    pending_day *days; /* count of them used, in insertion order */
    size_t count, cap;
    uint32_t *slots;   /* index + 1 into days, 0 empty; nslots a power of 2 */
    size_t nslots;
};

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* A 'YYYY-MM-DD' text (the shape only: the age test compares texts). */
static int plain_date(const char *s)
{
    return strlen(s) == 10 && s[4] == '-' && s[7] == '-' && digits(s, 4) >= 0 &&
           digits(s + 5, 2) >= 0 && digits(s + 8, 2) >= 0;
}

/* SQLite's CAST(substr(s, 1, 4) AS INTEGER): the leading digits of the
 * first four characters (sign allowed), 0 when none. */
static int sql_year(const char *s)
{
    int v = 0, sign = 1, i = 0;
    while (s[i] == ' ' && i < 4)
        i++;
    if (i < 4 && (s[i] == '-' || s[i] == '+'))
        sign = s[i++] == '-' ? -1 : 1;
    for (; i < 4 && s[i] >= '0' && s[i] <= '9'; i++)
        v = v * 10 + (s[i] - '0');
    return sign * v;
}

int jy__labor_aged(const char *entered, const char *birth)
{
    if (!birth)
        return 1;
    if (!entered)
        return 0; /* NULL BETWEEN ...: not aged */
    int age;
    if (plain_date(entered) && plain_date(birth)) {
        age = digits(entered, 4) - digits(birth, 4) - (memcmp(entered + 5, birth + 5, 5) < 0);
    } else {
        /* substr(x, 6, 5) of shorter texts, compared as SQLite compares
         * text (memcmp, then length); characters counted as bytes, which
         * only differs for texts that are no dates at all. */
        size_t le = strlen(entered), lb = strlen(birth);
        const char *me = le > 5 ? entered + 5 : "", *mb = lb > 5 ? birth + 5 : "";
        size_t ne = le > 5 ? (le - 5 < 5 ? le - 5 : 5) : 0, nb = lb > 5 ? (lb - 5 < 5 ? lb - 5 : 5) : 0;
        int c = memcmp(me, mb, ne < nb ? ne : nb);
        int less = c < 0 || (c == 0 && ne < nb);
        age = sql_year(entered) - sql_year(birth) - less;
    }
    return age >= 16 && age <= 60;
}

/* ---- Counts waiting on the connection ----------------------------------- */

static uint32_t hash_text(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int pending_grow(struct jy__tally_pending *p)
{
    size_t nslots = p->nslots ? p->nslots * 2 : 64;
    uint32_t *slots = jy__calloc(nslots, sizeof *slots);
    if (!slots)
        return JY_ENOMEM;
    for (size_t i = 0; i < p->count; i++) {
        size_t s = hash_text(p->days[i].day) & (nslots - 1);
        while (slots[s])
            s = (s + 1) & (nslots - 1);
        slots[s] = (uint32_t)(i + 1);
    }
    free(p->slots);
    p->slots = slots;
    p->nslots = nslots;
    return JY_OK;
}

static int pending_add(jy_db *db, int64_t id, const char *day, int aged)
{
    struct jy__tally_pending *p = db->tally;
    if (!p) {
        if (!(p = jy__calloc(1, sizeof *p)))
            return JY_ENOMEM;
        db->tally = p;
    }
    if (p->first_id == 0 || id < p->first_id)
        p->first_id = id;
    if ((p->count + 1) * 2 > p->nslots && pending_grow(p) != JY_OK)
        return JY_ENOMEM;
    size_t s = hash_text(day) & (p->nslots - 1);
    for (; p->slots[s]; s = (s + 1) & (p->nslots - 1)) {
        pending_day *d = &p->days[p->slots[s] - 1];
        if (strcmp(d->day, day) == 0) {
            d->records++;
            d->aged += aged;
            return JY_OK;
        }
    }
    if (p->count == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 32;
        pending_day *days = jy__realloc(p->days, cap * sizeof *days);
        if (!days)
            return JY_ENOMEM;
        p->days = days;
        p->cap = cap;
    }
    char *copy = jy__strdup(day);
    if (!copy)
        return JY_ENOMEM;
    p->days[p->count] = (pending_day){ copy, 1, aged };
    p->slots[s] = (uint32_t)++p->count;
    return JY_OK;
}

void jy__tally_discard(jy_db *db)
{
    struct jy__tally_pending *p = db ? db->tally : NULL;
    if (!p)
        return;
    for (size_t i = 0; i < p->count; i++)
        free(p->days[i].day);
    p->count = 0;
    p->first_id = 0;
    if (p->slots)
        memset(p->slots, 0, p->nslots * sizeof *p->slots);
}

void jy__tally_free(struct jy__tally_pending *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->count; i++)
        free(p->days[i].day);
    free(p->days);
    free(p->slots);
    free(p);
}

/* ---- Writing ------------------------------------------------------------- */

static const char add_sql[] =
    "INSERT INTO labor_tally (entered_on, records, aged) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (entered_on) DO UPDATE SET records = records + excluded.records,"
    " aged = aged + excluded.aged";

static int write_day(jy_db *db, const char *day, int64_t records, int64_t aged)
{
    sqlite3_stmt *st = NULL;
    int rc = jy__db_prepare(&st, db, add_sql);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, records);
    sqlite3_bind_int64(st, 3, aged);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    return step == SQLITE_DONE ? JY_OK : jy__db_error(db, step, "counting labor records");
}

/* Moves the mark past the records counted from id `first` on, to the
 * highest id, when every record below `first` was counted already (the
 * mark is the highest of them): records inserted past the library before
 * these, above the mark, keep the tally stale. The library's records of
 * this transaction are the highest ids: nothing else writes while it
 * holds the write lock, and their counts were written just before. */
static const char advance_sql[] =
    "UPDATE labor_tally_mark SET last_id = (SELECT max(id) FROM labor)"
    " WHERE last_id >= (SELECT coalesce(max(id), 0) FROM labor WHERE id < ?1)";

static int advance_mark(jy_db *db, int64_t first)
{
    sqlite3_stmt *st = NULL;
    int rc = jy__db_prepare(&st, db, advance_sql);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_int64(st, 1, first);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    return step == SQLITE_DONE ? JY_OK : jy__db_error(db, step, "counting labor records");
}

int jy__tally_labor_insert(jy_db *db, int64_t id, const char *entered, const char *birth)
{
    int aged = jy__labor_aged(entered, birth);
    if (!entered)
        entered = ""; /* no entry date: counted apart, never in 10.1 */
    if (db->in_transaction && db->savepoint_depth == 0)
        return pending_add(db, id, entered, aged);
    int rc = write_day(db, entered, 1, aged);
    return rc == JY_OK ? advance_mark(db, id) : rc;
}

int jy__tally_flush(jy_db *db)
{
    struct jy__tally_pending *p = db->tally;
    if (!p || p->count == 0)
        return JY_OK;
    int rc = jy__db_atomic_begin(db);
    for (size_t i = 0; i < p->count && rc == JY_OK; i++)
        rc = write_day(db, p->days[i].day, p->days[i].records, p->days[i].aged);
    if (rc == JY_OK)
        rc = advance_mark(db, p->first_id);
    int end = jy__db_atomic_end(db, rc == JY_OK);
    if (rc == JY_OK && (rc = end) == JY_OK)
        jy__tally_discard(db);
    return rc;
}

/* ---- Reading ------------------------------------------------------------- */

static const char read_sql[] =
    "SELECT (SELECT coalesce(max(id), 0) FROM labor) <= (SELECT last_id FROM labor_tally_mark),"
    " coalesce(sum(records), 0),"
    " coalesce(sum(records) FILTER (WHERE entered_on <= ?1 AND entered_on <> ''), 0),"
    " coalesce(sum(aged) FILTER (WHERE entered_on <= ?1 AND entered_on <> ''), 0)"
    " FROM labor_tally";

int jy__tally_labor_read(jy__labor_tally *out, jy_db *db, const char *cut)
{
    memset(out, 0, sizeof *out);
    struct jy__tally_pending *p = db->tally;
    if (p && p->count > 0)
        return JY_OK; /* counts of this transaction not written yet */
    sqlite3_stmt *st = NULL;
    int rc = jy__db_prepare(&st, db, read_sql);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_text(st, 1, cut, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW && sqlite3_column_int(st, 0) == 1) { /* NULL: no mark, stale */
        out->fresh = 1;
        out->all = sqlite3_column_int64(st, 1);
        out->entered = sqlite3_column_int64(st, 2);
        out->aged = sqlite3_column_int64(st, 3);
    }
    sqlite3_reset(st);
    return step == SQLITE_ROW ? JY_OK : jy__db_error(db, step, "reading the labor tally");
}

/* ---- Repair -------------------------------------------------------------- */

static const char *const repair_sql[] = {
    "UPDATE labor SET entered_on = surveyed_on WHERE entered_on IS NULL",
    "DELETE FROM labor_tally",
    "INSERT INTO labor_tally (entered_on, records, aged)"
    " SELECT coalesce(entered_on, ''), count(*),"
    " coalesce(sum(" JY__LABOR_AGED_SQL("entered_on", "birth_date") "), 0) FROM labor GROUP BY 1",
    "DELETE FROM labor_tally_mark",
    "INSERT INTO labor_tally_mark (last_id) SELECT coalesce(max(id), 0) FROM labor",
    NULL,
};

/* Fresh by the mark (no id above it), and the totals equal: the full
 * check, which also finds a record inserted past the library with an
 * explicit id below the mark. Counts the ledger: for writable opens only. */
static int labor_fresh(int *fresh, jy_db *db)
{
    jy__labor_tally t;
    int rc = jy__tally_labor_read(&t, db, "");
    *fresh = 0;
    if (rc != JY_OK || !t.fresh)
        return rc;
    sqlite3_stmt *st = NULL;
    if ((rc = jy__db_prepare(&st, db, "SELECT count(*) FROM labor")) != JY_OK)
        return rc;
    int step = sqlite3_step(st);
    *fresh = step == SQLITE_ROW && sqlite3_column_int64(st, 0) == t.all;
    sqlite3_reset(st);
    return step == SQLITE_ROW ? JY_OK : jy__db_error(db, step, "counting labor records");
}

int jy__tally_repair(jy_db *db)
{
    int fresh = 0;
    int rc = labor_fresh(&fresh, db);
    if (rc != JY_OK || fresh)
        return rc;
    /* The write lock, or nothing: another connection writing now leaves
     * the repair to a later open. */
    if (sqlite3_exec(db->conn, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return JY_OK;
    rc = labor_fresh(&fresh, db); /* checked again, under the lock */
    for (const char *const *sql = repair_sql; rc == JY_OK && !fresh && *sql; sql++)
        rc = jy__db_exec(db, *sql);
    if (rc == JY_OK)
        rc = jy__db_exec(db, "COMMIT");
    if (rc != JY_OK) {
        jy__saved_error saved;
        jy__error_save(&saved);
        if (!sqlite3_get_autocommit(db->conn))
            sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
        rc = jy__error_restore(&saved);
    }
    return rc;
}
