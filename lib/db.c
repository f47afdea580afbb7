/*
 * The database: opening, creating, upgrading, transactions, and the
 * statements the ledgers use. Every statement is prepared once from static
 * text (the catalogue's own field names); values are always bound, never
 * written into SQL.
 */
#ifdef JY_HAVE_SQLCIPHER
#define SQLITE_HAS_CODEC 1 /* declares sqlite3_key() */
#endif
#include "db_internal.h"
#include "schema.h"
#include "tally.h"

#include <limits.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

/* PRAGMA application_id of libjiuye databases: "JIUY". */
#define JY__APPLICATION_ID 0x4A495559

int jy__db_error(jy_db *db, int rc, const char *what)
{
    const char *msg = db && db->conn ? sqlite3_errmsg(db->conn) : sqlite3_errstr(rc);
    switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return jy__error(JY_EBUSY, "%s: the database is locked by another connection", what);
    case SQLITE_NOMEM:
        return jy__error_nomem();
    case SQLITE_CONSTRAINT:
        if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
            return jy__error(JY_EEXISTS, "%s: %s", what, msg);
        return jy__error(JY_ECONSTRAINT, "%s: %s", what, msg);
    case SQLITE_READONLY:
        return jy__error(JY_ESTORAGE, "%s: the database is read-only", what);
    case SQLITE_NOTADB:
        return jy__error(JY_ESTORAGE, "%s: the file is not a database", what);
    case SQLITE_CORRUPT:
        return jy__error(JY_ESTORAGE, "%s: the database file is corrupt", what);
    default:
        return jy__error(JY_ESTORAGE, "%s: %s", what, msg);
    }
}

int jy__db_exec(jy_db *db, const char *sql)
{
    char *err = NULL;
    int rc = sqlite3_exec(db->conn, sql, NULL, NULL, &err);
    sqlite3_free(err);
    return rc == SQLITE_OK ? JY_OK : jy__db_error(db, rc, "database");
}

/* ---- Statements built from the catalogue -------------------------------- */

typedef struct sqlbuf {
    char *s;
    size_t len, cap;
    int failed;
} sqlbuf;

static void sb_add(sqlbuf *b, const char *text)
{
    size_t n = strlen(text);
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *s = jy__realloc(b->s, cap);
        if (!s) {
            b->failed = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->len, text, n + 1);
    b->len += n;
}

/* Column lists come from the static catalogue, never from callers' data. */
static char *build_sql(const jy__kind_info *k, int which)
{
    sqlbuf b = { NULL, 0, 0, 0 };
    switch (which) {
    case JY__STMT_INSERT:
        sb_add(&b, "INSERT INTO ");
        sb_add(&b, k->name);
        sb_add(&b, " (");
        for (size_t i = 1; i < k->field_count; i++) {
            sb_add(&b, i > 1 ? ", " : "");
            sb_add(&b, k->fields[i].name);
        }
        sb_add(&b, ") VALUES (");
        for (size_t i = 1; i < k->field_count; i++)
            sb_add(&b, i > 1 ? ", ?" : "?");
        sb_add(&b, ")");
        break;
    case JY__STMT_UPDATE:
        sb_add(&b, "UPDATE ");
        sb_add(&b, k->name);
        sb_add(&b, " SET ");
        for (size_t i = 1; i < k->field_count; i++) {
            sb_add(&b, i > 1 ? ", " : "");
            sb_add(&b, k->fields[i].name);
            sb_add(&b, " = ?");
        }
        sb_add(&b, " WHERE id = ?");
        break;
    case JY__STMT_SELECT:
        sb_add(&b, "SELECT * FROM ");
        sb_add(&b, k->name);
        sb_add(&b, " WHERE id = ?");
        break;
    case JY__STMT_DELETE:
        sb_add(&b, "DELETE FROM ");
        sb_add(&b, k->name);
        sb_add(&b, " WHERE id = ?");
        break;
    case JY__STMT_EXISTS:
        sb_add(&b, "SELECT 1 FROM ");
        sb_add(&b, k->name);
        sb_add(&b, " WHERE id = ?");
        break;
    default:
        break;
    }
    if (b.failed) {
        free(b.s);
        return NULL;
    }
    return b.s;
}

int jy__db_stmt(sqlite3_stmt **out, jy_db *db, const jy__kind_info *k, int which)
{
    sqlite3_stmt **slot = &db->stmts[k->kind][which];
    if (!*slot) {
        char *sql = build_sql(k, which);
        if (!sql)
            return jy__error_nomem();
        int rc = sqlite3_prepare_v3(db->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
        free(sql);
        if (rc != SQLITE_OK)
            return jy__db_error(db, rc, k->name);
    } else {
        /* No sqlite3_clear_bindings(): every caller binds every parameter
         * of these statements (bind_values() binds unset fields as NULL). */
        sqlite3_reset(*slot);
    }
    *out = *slot;
    return JY_OK;
}

int jy__db_prepare(sqlite3_stmt **out, jy_db *db, const char *sql)
{
    for (size_t i = 0; i < db->sql_count; i++)
        if (db->sql_keys[i] == sql) {
            sqlite3_reset(db->sql_stmts[i]);
            sqlite3_clear_bindings(db->sql_stmts[i]);
            *out = db->sql_stmts[i];
            return JY_OK;
        }
    if (db->sql_count == JY__SQL_CACHE)
        return jy__error(JY_ERROR, "internal: the statement cache is full");
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v3(db->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
    if (rc != SQLITE_OK)
        return jy__db_error(db, rc, "preparing a query");
    db->sql_keys[db->sql_count] = sql;
    db->sql_stmts[db->sql_count++] = st;
    *out = st;
    return JY_OK;
}

/* ---- Transactions -------------------------------------------------------- */

int jy_db_begin(jy_db *db)
{
    if (!db)
        return jy__error(JY_EINVAL, "jy_db_begin: db is NULL");
    if (db->in_transaction)
        return jy__error(JY_EINVAL, "jy_db_begin: a transaction is already open");
    /* IMMEDIATE takes the write lock now, so that a busy database is
     * reported here (after the busy timeout) rather than at the first write. */
    int rc = jy__db_exec(db, "BEGIN IMMEDIATE");
    if (rc == JY_OK)
        db->in_transaction = 1;
    return rc;
}

int jy_db_commit(jy_db *db)
{
    if (!db)
        return jy__error(JY_EINVAL, "jy_db_commit: db is NULL");
    if (!db->in_transaction)
        return jy__error(JY_EINVAL, "jy_db_commit: no transaction is open");
    /* The tally's counts of the transaction go in with it. */
    int rc = jy__tally_flush(db);
    if (rc == JY_OK)
        rc = jy__db_exec(db, "COMMIT");
    if (rc != JY_OK) {
        if (rc == JY_EBUSY)
            return rc; /* still open: the caller may retry or roll back */
        sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
    }
    db->in_transaction = 0;
    jy__tally_discard(db);
    return rc;
}

int jy_db_rollback(jy_db *db)
{
    if (!db)
        return jy__error(JY_EINVAL, "jy_db_rollback: db is NULL");
    if (!db->in_transaction)
        return jy__error(JY_EINVAL, "jy_db_rollback: no transaction is open");
    db->in_transaction = 0;
    jy__tally_discard(db);
    if (sqlite3_get_autocommit(db->conn))
        return JY_OK; /* SQLite already rolled it back (after an I/O error) */
    return jy__db_exec(db, "ROLLBACK");
}

int jy_db_optimize(jy_db *db)
{
    if (!db)
        return jy__error(JY_EINVAL, "jy_db_optimize: db is NULL");
    if (db->in_transaction || !sqlite3_get_autocommit(db->conn))
        return jy__error(JY_EINVAL, "jy_db_optimize: a transaction is open");
    if (sqlite3_db_readonly(db->conn, "main") == 1)
        return jy__error(JY_EINVAL, "jy_db_optimize: the database was opened read-only");
    for (sqlite3_stmt *st = sqlite3_next_stmt(db->conn, NULL); st;
         st = sqlite3_next_stmt(db->conn, st))
        if (sqlite3_stmt_busy(st))
            return jy__error(JY_EINVAL, "jy_db_optimize: a ledger iterator of this handle is "
                                        "still open (free it first)");
    /* The copy VACUUM builds goes to a temporary file, not to memory (the
     * connection's temp_store), and the file is read without the memory
     * map, whose pages would stay resident: a county's file would take as
     * much RAM. Pragma failures change nothing stored: ignored, as the
     * imports do (lib/io.c). */
    sqlite3_exec(db->conn, "PRAGMA temp_store = FILE; " JY__DB_MMAP_OFF, NULL, NULL, NULL);
    int rc = jy__db_exec(db, "VACUUM");
    sqlite3_exec(db->conn, "PRAGMA temp_store = MEMORY; " JY__DB_MMAP_ON, NULL, NULL, NULL);
    if (rc != JY_OK)
        return rc;
    /* Best effort: a reader on another connection keeps the log until a
     * later checkpoint, which changes nothing stored. */
    sqlite3_wal_checkpoint_v2(db->conn, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    return JY_OK;
}

int jy__db_atomic_begin(jy_db *db)
{
    int rc = jy__db_exec(db, "SAVEPOINT jy_atomic");
    if (rc == JY_OK)
        db->savepoint_depth++;
    return rc;
}

int jy__db_atomic_end(jy_db *db, int ok)
{
    db->savepoint_depth--;
    if (ok) {
        int rc = jy__db_exec(db, "RELEASE jy_atomic");
        if (rc == JY_OK || db->in_transaction || sqlite3_get_autocommit(db->conn))
            return rc;
        /* Releasing the outermost savepoint is a commit; when it fails the
         * writes must not stay pending in a transaction nobody owns. */
        ok = 0;
    }
    /* Keep the error of the failed step: undoing must not overwrite it. */
    jy__saved_error saved;
    jy__error_save(&saved);
    if (!db->in_transaction && !sqlite3_get_autocommit(db->conn) && db->savepoint_depth == 0)
        sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
    else
        sqlite3_exec(db->conn, "ROLLBACK TO jy_atomic; RELEASE jy_atomic", NULL, NULL, NULL);
    return jy__error_restore(&saved);
}

int jy__db_audit(jy_db *db, const char *action, const char *kind, int64_t records,
                 const char *detail)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn,
                                "INSERT INTO audit (at, action, kind, records, detail) "
                                "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?)",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, records);
        sqlite3_bind_text(st, 4, detail, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? JY_OK : jy__db_error(db, rc, "audit");
}

/* ---- Opening -------------------------------------------------------------- */

int jy_db_options_init(jy_db_options *opts)
{
    if (!opts)
        return jy__error(JY_EINVAL, "jy_db_options_init: opts is NULL");
    jy_db_options d = JY_DB_OPTIONS_INIT;
    *opts = d;
    return JY_OK;
}

static int pragma_int(jy_db *db, const char *sql, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? JY_OK : jy__db_error(db, rc, "database");
}

/* Stores the county profile of a new database. */
static int store_county(jy_db *db, const char *county_file)
{
    char *text = NULL;
    size_t len = 0;
    int rc;
    jy_located_error err;
    jy_county *county = NULL;
    if (county_file) {
        /* The location's source is read by the error of a file that cannot
         * be opened (found by valgrind: it was uninitialized). */
        jy__located_reset(&err, county_file);
        rc = jy__read_file(&text, &len, county_file, 64u << 20, &err);
        if (rc == JY_OK)
            rc = jy_county_load_buffer(&county, text, len, &err);
        if (rc != JY_OK) {
            free(text);
            return jy__error(rc == JY_EIO ? JY_EIO : JY_EINVAL, "county profile %s", jy_error_last()->message);
        }
    } else {
        rc = jy_county_load_default(&county);
        if (rc != JY_OK)
            return rc;
    }
    sqlite3_stmt *st = NULL;
    int src = sqlite3_prepare_v2(db->conn,
                                 "INSERT INTO county_profile (id, code, name, profile) "
                                 "VALUES (1, ?, ?, ?)",
                                 -1, &st, NULL);
    if (src == SQLITE_OK) {
        sqlite3_bind_text(st, 1, jy_county_code(county), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, jy_county_name(county), -1, SQLITE_STATIC);
        if (text)
            sqlite3_bind_text(st, 3, text, (int)len, SQLITE_STATIC);
        else
            sqlite3_bind_text(st, 3, (const char *)jy__embedded_xingan_divisions,
                              (int)jy__embedded_xingan_divisions_size, SQLITE_STATIC);
        src = sqlite3_step(st);
        src = src == SQLITE_DONE ? SQLITE_OK : src;
    }
    sqlite3_finalize(st);
    free(text);
    jy_county_free(county);
    return src == SQLITE_OK ? JY_OK : jy__db_error(db, src, "county profile");
}

static int load_county(jy_db *db)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn, "SELECT profile FROM county_profile WHERE id = 1", -1,
                                &st, NULL);
    if (rc != SQLITE_OK)
        return jy__db_error(db, rc, "county profile");
    rc = sqlite3_step(st);
    int status;
    if (rc == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        int len = sqlite3_column_bytes(st, 0);
        jy_located_error err;
        status = jy_county_load_buffer(&db->county, text, (size_t)(len > 0 ? len : 0), &err);
        if (status != JY_OK)
            status = jy__error(JY_ESTORAGE, "the stored county profile is damaged: %s", err.text);
    } else if (rc == SQLITE_DONE) {
        status = jy__error(JY_ESTORAGE, "the database holds no county profile");
    } else {
        status = jy__db_error(db, rc, "county profile");
    }
    sqlite3_finalize(st);
    return status;
}

/* Brings the schema to JY_DB_SCHEMA_VERSION, in one transaction. */
static int migrate(jy_db *db, int from, const char *county_file)
{
    int rc = jy__db_exec(db, "BEGIN IMMEDIATE");
    if (rc != JY_OK)
        return rc;
    /* Another process may have created or upgraded the file between our
     * reading its version and our taking the write lock: read it again
     * under the lock, and do only what is still to do. */
    int now = from;
    rc = pragma_int(db, "PRAGMA user_version", &now);
    if (rc == JY_OK && now > JY_DB_SCHEMA_VERSION)
        rc = jy__error(JY_EVERSION,
                       "the database has schema version %d, written by a newer libjiuye; "
                       "this one (%s) reads up to version %d",
                       now, JY_VERSION, JY_DB_SCHEMA_VERSION);
    if (rc == JY_OK && now >= JY_DB_SCHEMA_VERSION) {
        sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
        return JY_OK;
    }
    from = now;
    for (int v = from; v < jy__migration_count && rc == JY_OK; v++)
        for (const char *const *sql = jy__migrations[v]; *sql && rc == JY_OK; sql++)
            rc = jy__db_exec(db, *sql);
    if (rc == JY_OK && from == 0)
        rc = store_county(db, county_file);
    if (rc == JY_OK) {
        char sql[96];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d",
                 jy__migration_count, JY__APPLICATION_ID);
        rc = jy__db_exec(db, sql);
    }
    if (rc == JY_OK)
        rc = jy__db_exec(db, "COMMIT");
    if (rc != JY_OK) {
        jy__saved_error saved;
        jy__error_save(&saved);
        sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
        rc = jy__error(saved.code, "upgrading the schema from version %d: %s", from,
                       saved.message);
    }
    return rc;
}

/* Puts the file in WAL mode, unless it already is. Switching needs the file
 * to itself, and SQLite reports a connection of another process in the way
 * at once, without calling the busy handler: wait and retry within the busy
 * timeout, as for any other lock. */
static int set_wal(jy_db *db, int timeout_ms)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn, "PRAGMA journal_mode", -1, &st, NULL);
    int wal = 0;
    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *mode = sqlite3_column_text(st, 0);
        wal = mode && strcmp((const char *)mode, "wal") == 0;
    }
    sqlite3_finalize(st);
    if (wal)
        return JY_OK;
    for (int waited = 0;; waited += 10) {
        rc = sqlite3_exec(db->conn, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            return JY_OK;
        if ((rc & 0xFF) != SQLITE_BUSY || waited >= timeout_ms)
            return jy__db_error(db, rc, "setting the journal mode");
        struct timespec pause = { 0, 10 * 1000 * 1000 };
        nanosleep(&pause, NULL);
    }
}

static int open_db(jy_db *db, const char *path, const jy_db_options *o)
{
    int memory = strcmp(path, ":memory:") == 0;
    int readonly = (o->flags & JY_DB_READONLY) != 0;
    if (!memory && access(path, F_OK) != 0 && (!(o->flags & JY_DB_CREATE) || readonly))
        return jy__error(JY_ENOTFOUND, "database file not found (and not asked to create it)");
    /* A new file holds personal data from its first record: it is created
     * readable by its owner only (SQLite would use 0644, less the umask; its
     * journal and WAL files take the database file's permissions). */
    if (!memory && !readonly && (o->flags & JY_DB_CREATE) && access(path, F_OK) != 0) {
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            close(fd);
    }
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &db->conn, flags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK)
        return jy__db_error(db, rc, "opening the database");
    sqlite3_extended_result_codes(db->conn, 1);
    sqlite3_busy_timeout(db->conn, o->busy_timeout_ms > 0 ? o->busy_timeout_ms : 0);
#ifdef JY_HAVE_SQLCIPHER
    /* The key comes first: nothing can be read before it. */
    if (o->key) {
        size_t klen = strlen(o->key);
        if (klen == 0 || klen > INT_MAX)
            return jy__error(JY_EINVAL, "jy_db_open: the key is empty");
        if ((rc = sqlite3_key(db->conn, o->key, (int)klen)) != SQLITE_OK)
            return jy__db_error(db, rc, "setting the key");
    }
    /* SQLCipher 4 logs its errors (a wrong key: "hmac check failed for
     * pgno=1") to stderr; the library writes no log of its own and says what
     * went wrong through its errors. Set after the key, which resets it. */
    sqlite3_exec(db->conn, "PRAGMA cipher_log_level = NONE", NULL, NULL, NULL);
#endif

    /* The three are read in one transaction: another process creating the
     * file meanwhile must not be seen half-way (tables, but no id yet). */
    int app = 0, version = 0, objects = 0;
    if ((rc = jy__db_exec(db, "BEGIN")) != JY_OK)
        return rc;
    rc = pragma_int(db, "PRAGMA application_id", &app);
    if (rc == JY_OK)
        rc = pragma_int(db, "PRAGMA user_version", &version);
    if (rc == JY_OK)
        rc = pragma_int(db, "SELECT count(*) FROM sqlite_master", &objects);
    int raw = rc != JY_OK ? sqlite3_extended_errcode(db->conn) : SQLITE_OK;
    sqlite3_exec(db->conn, "COMMIT", NULL, NULL, NULL);
    if (rc == JY_ESTORAGE && (raw & 0xFF) == SQLITE_NOTADB)
        return jy__error(JY_ESTORAGE,
                         o->key ? "the database cannot be read with this key (a wrong key, or "
                                  "the file is not an encrypted libjiuye database)"
                                : "the file is not a database, or is encrypted and needs its key");
    if (rc != JY_OK)
        return rc;
    if (objects > 0 && app != JY__APPLICATION_ID)
        return jy__error(JY_ESTORAGE, "the file is a database of another application");
    if (version > JY_DB_SCHEMA_VERSION)
        return jy__error(JY_EVERSION,
                         "the database has schema version %d, written by a newer libjiuye; "
                         "this one (%s) reads up to version %d",
                         version, JY_VERSION, JY_DB_SCHEMA_VERSION);

    if ((rc = jy__db_exec(db, "PRAGMA foreign_keys = ON")) != JY_OK)
        return rc;
    if (!memory && !readonly) {
        if ((rc = set_wal(db, o->busy_timeout_ms)) != JY_OK)
            return rc;
        if ((rc = jy__db_exec(db, "PRAGMA synchronous = NORMAL")) != JY_OK)
            return rc;
    }
    /* A county's ledgers are a few hundred MB at most: a 32 MB page cache
     * keeps the indexes of a bulk import in memory (SQLite's default, 2 MB,
     * makes a 150 000-record import read its own pages back from disk). */
    if ((rc = jy__db_exec(db, "PRAGMA cache_size = -32768")) != JY_OK)
        return rc;
    /* Reads through memory mapping (up to 256 MB, more than a county's
     * file): a report's scan of the 150 000 labor records then reads pages
     * in place instead of copying each into the page cache (30 to 45 % less
     * CPU, docs/BENCHMARKS.md). Ignored for in-memory databases. */
    if ((rc = jy__db_exec(db, JY__DB_MMAP_ON)) != JY_OK)
        return rc;
    if ((rc = jy__db_exec(db, "PRAGMA temp_store = MEMORY")) != JY_OK)
        return rc;
    if (version < JY_DB_SCHEMA_VERSION) {
        if (readonly)
            return jy__error(JY_EVERSION, "the database has schema version %d and is opened "
                                          "read-only: open it writable once to upgrade it",
                             version);
        if ((rc = migrate(db, version, o->county_file)) != JY_OK)
            return rc;
    }
    /* Records inserted past the library since the last open: counted now. */
    if (!readonly && (rc = jy__tally_repair(db)) != JY_OK)
        return rc;
    return load_county(db);
}

int jy_db_open(jy_db **out, const char *path, const jy_db_options *opts)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_db_open: out is NULL");
    *out = NULL;
    if (!path)
        return jy__error(JY_EINVAL, "jy_db_open: path is NULL");
    jy_db_options o = JY_DB_OPTIONS_INIT;
    if (opts) {
        if (opts->version < 1 || opts->version > JY_DB_OPTIONS_VERSION)
            return jy__error(JY_EINVAL, "jy_db_open: options version %u is not supported",
                             opts->version);
        if (opts->version == 1) {
            /* The version 1 structure ends before the key. */
            o.flags = opts->flags;
            o.busy_timeout_ms = opts->busy_timeout_ms;
            o.county_file = opts->county_file;
        } else {
            o = *opts;
        }
    }
#ifndef JY_HAVE_SQLCIPHER
    if (o.key)
        return jy__error(JY_EINVAL, "jy_db_open: a key was given, but this build of libjiuye "
                                    "cannot encrypt (built without JY_WITH_SQLCIPHER)");
#endif
    jy_db *db = jy__calloc(1, sizeof *db);
    if (!db)
        return JY_ENOMEM;
    int rc = open_db(db, path, &o);
    if (rc != JY_OK) {
        jy__saved_error saved;
        jy__error_save(&saved);
        jy_db_close(db);
        return jy__error_restore(&saved);
    }
    *out = db;
    return JY_OK;
}

void jy_db_close(jy_db *db)
{
    if (!db)
        return;
    for (int k = 0; k < JY_KIND_END; k++)
    {
        for (int s = 0; s < JY__STMT_COUNT_; s++)
            sqlite3_finalize(db->stmts[k][s]);
        for (int f = 0; f < JY__MAX_FIELDS; f++)
            sqlite3_finalize(db->key_stmts[k][f]);
    }
    for (size_t i = 0; i < db->sql_count; i++)
        sqlite3_finalize(db->sql_stmts[i]);
    if (db->conn) {
        if (!sqlite3_get_autocommit(db->conn))
            sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close_v2(db->conn);
    }
    jy__metric_cache_free(db->metric_cache);
    jy__tally_free(db->tally);
    jy_county_free(db->county);
    free(db);
}

int jy_db_schema_version(int *out, jy_db *db)
{
    if (!out || !db)
        return jy__error(JY_EINVAL, "jy_db_schema_version: NULL argument");
    return pragma_int(db, "PRAGMA user_version", out);
}

const jy_county *jy_db_county(const jy_db *db)
{
    return db ? db->county : NULL;
}
