/* The ledger's tallies (lib/tally.c): counts kept as records are written. */
#ifndef JIUYE_TALLY_H
#define JIUYE_TALLY_H

#include <stdint.h>

#include "db_internal.h"

/* The age test of 10.1 in SQL: aged 16 to 60 on date `d`, in whole years,
 * the birthday counted from its day; no birth date counts as aged. The
 * same as schema 4's triggers (lib/schema.c) and jy__labor_aged. */
#define JY__LABOR_AGED_SQL(d, b)                                                        \
    "(" b " IS NULL OR (CAST(substr(" d ", 1, 4) AS INTEGER) - CAST(substr(" b ", 1, 4)" \
    " AS INTEGER) - (substr(" d ", 6, 5) < substr(" b ", 6, 5))) BETWEEN 16 AND 60)"

/* JY__LABOR_AGED_SQL for two dates as text (`birth` may be NULL): 1 or 0. */
int jy__labor_aged(const char *entered, const char *birth);

/* Counts labor record `id` the library has just inserted (entry date and
 * birth date as stored; `entered` NULL: counted under '', as the triggers
 * do, and never in 10.1).
 * Inside a caller's transaction (jy_db_begin) the count waits on the
 * connection until jy__tally_flush; otherwise it is written at once, in
 * the current transaction or savepoint (the caller makes an autocommit
 * insert and its count one transaction). */
int jy__tally_labor_insert(jy_db *db, int64_t id, const char *entered, const char *birth);

/* Writes the counts waiting on the connection, all or none (they are kept
 * when it fails): before a caller's COMMIT, and before the library changes
 * or deletes a record (the triggers adjust counted records only). No-op
 * when none wait. */
int jy__tally_flush(jy_db *db);

/* Forgets the counts waiting on the connection (at a rollback). */
void jy__tally_discard(jy_db *db);

/* Frees what jy__tally_* keep on a connection; NULL-safe. */
void jy__tally_free(struct jy__tally_pending *pending);

/* The labor ledger as 10.1 reads it (jy__tally_labor_read). */
typedef struct jy__labor_tally {
    int fresh;       /* 1: the tally holds every record; else the rest is unset */
    int64_t all;     /* labor records */
    int64_t entered; /* of them entered on or before the cut-off */
    int64_t aged;    /* of those, aged 16 to 60 on their entry date */
} jy__labor_tally;

/* The tally's counts up to `cut` (text 'YYYY-MM-DD'), read in one
 * statement (one snapshot) with the ledger's highest id (an index seek).
 * out->fresh is 0 when the tally is stale: records inserted past the
 * library, or counts still waiting in this connection's transaction; the
 * caller then counts the ledger itself. */
int jy__tally_labor_read(jy__labor_tally *out, jy_db *db, const char *cut);

/* At a writable open: a stale tally (by the mark, or whose total is not
 * the ledger's count) is rebuilt from the ledger (records
 * without entry date first get their survey date, as the library gives on
 * insert). Best effort: when the write lock cannot be had the tally stays
 * stale (the metrics then read the ledger) and JY_OK is returned. */
int jy__tally_repair(jy_db *db);

#endif /* JIUYE_TALLY_H */
