/* The inside of a jy_db, shared by db.c and ledger.c (and io.c). */
#ifndef JIUYE_DB_INTERNAL_H
#define JIUYE_DB_INTERNAL_H

#include <sqlite3.h>

#include "catalog.h"

/* Statements prepared once per kind, on first use. */
enum {
    JY__STMT_INSERT,
    JY__STMT_UPDATE,
    JY__STMT_SELECT,
    JY__STMT_DELETE,
    JY__STMT_EXISTS,
    JY__STMT_COUNT_
};

/* Room for this many cached statements of static SQL text (jy__db_prepare). */
#define JY__SQL_CACHE 256

/* No kind has more fields than this (checked by the catalogue test). */
#define JY__MAX_FIELDS 40

struct jy_db {
    sqlite3 *conn;
    jy_county *county;
    int in_transaction;     /* a caller's jy_db_begin() is open */
    int savepoint_depth;    /* internal savepoints (jy__db_atomic_*) */
    sqlite3_stmt *stmts[JY_KIND_END][JY__STMT_COUNT_];
    sqlite3_stmt *key_stmts[JY_KIND_END][JY__MAX_FIELDS]; /* SELECT id ... WHERE <unique field> = ? */
    /* Statements of static SQL text (metrics), keyed by the text's address. */
    const char *sql_keys[JY__SQL_CACHE];
    sqlite3_stmt *sql_stmts[JY__SQL_CACHE];
    size_t sql_count;
    /* Aggregates the metrics derive from the ledgers (lib/metrics.c,
     * jy__metric_cache_get_upto), freed by jy_db_close. */
    struct jy__metric_cache *metric_cache;
    /* Tally counts waiting for the caller's COMMIT (lib/tally.c). */
    struct jy__tally_pending *tally;
};

/* Frees the metrics' cache of a connection (lib/metrics.c); NULL-safe. */
void jy__metric_cache_free(struct jy__metric_cache *cache);

/* Translates a SQLite result code (and the connection's message) into a
 * status code and records the error, prefixed by `what`. */
int jy__db_error(jy_db *db, int sqlite_rc, const char *what);

/* The statement `which` for `kind`, prepared and reset, bindings cleared. */
int jy__db_stmt(sqlite3_stmt **out, jy_db *db, const jy__kind_info *k, int which);

/* A statement of static SQL text (a string literal: the cache is keyed by
 * its address), prepared once per connection, reset, bindings cleared. */
int jy__db_prepare(sqlite3_stmt **out, jy_db *db, const char *sql);

/* Runs one SQL statement text without parameters (pragmas, transactions). */
int jy__db_exec(jy_db *db, const char *sql);

/* Memory mapping of the file for reads (jy_db_open sets it on). A large
 * import turns it off while it runs (lib/io.c run_import): the pages it
 * reads through the map would stay in its resident memory. */
#define JY__DB_MMAP_ON "PRAGMA mmap_size = 268435456"
#define JY__DB_MMAP_OFF "PRAGMA mmap_size = 0"

/* Groups writes so that they happen all or none, inside or outside a
 * caller's transaction (a SAVEPOINT): begin, then end with ok != 0 to keep
 * the writes or 0 to undo them. Returns the status of the end step, or
 * `rc_if_failed` when undoing. */
int jy__db_atomic_begin(jy_db *db);
int jy__db_atomic_end(jy_db *db, int ok);

/* Writes an audit entry (unmasked exports and the like). */
int jy__db_audit(jy_db *db, const char *action, const char *kind, int64_t records,
                 const char *detail);

#endif /* JIUYE_DB_INTERNAL_H */
