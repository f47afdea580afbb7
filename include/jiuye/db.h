/**
 * @file jiuye/db.h
 * @brief The database: one SQLite file (or memory) holding a county's ledgers.
 *
 * A database holds one county (its profile is stored in it when the file is
 * created) and the ledgers of one or more contract years. The schema is
 * versioned (`PRAGMA user_version`, #JY_DB_SCHEMA_VERSION) and upgraded in
 * place by forward migrations when an older file is opened; a file written by
 * a newer library is refused with #JY_EVERSION, never touched. Files are
 * opened in WAL mode with foreign keys on and a busy timeout, so several
 * processes can share one.
 *
 * Lifecycle:
 *  1. jy_db_open() with a path (created if missing, unless told otherwise) or
 *     `":memory:"`;
 *  2. read and write the ledgers (jiuye/ledger.h), optionally grouping
 *     writes in jy_db_begin() / jy_db_commit() / jy_db_rollback();
 *  3. jy_db_close().
 *
 * Thread-safety: a ::jy_db and everything obtained from it (iterators) is used
 * by one thread at a time. Open one handle per thread to work in parallel.
 */
#ifndef JIUYE_DB_H
#define JIUYE_DB_H

#include "jiuye/common.h"
#include "jiuye/county.h"
#include "jiuye/error.h"

JY_BEGIN_DECLS

/** @brief A database handle (opaque). */
typedef struct jy_db jy_db;

/** @brief The schema version this library writes and reads. */
#define JY_DB_SCHEMA_VERSION 4

/** @brief jy_db_options::flags: create the file if it does not exist. */
#define JY_DB_CREATE 0x1u
/** @brief jy_db_options::flags: open read-only (no migration is done). */
#define JY_DB_READONLY 0x2u

/** @brief Version of ::jy_db_options this header describes (2 added
 *  jy_db_options::key; version 1 structures are still accepted). */
#define JY_DB_OPTIONS_VERSION 2

/** @brief How to open a database. Initialize with #JY_DB_OPTIONS_INIT. */
typedef struct jy_db_options {
    unsigned int version;     /**< #JY_DB_OPTIONS_VERSION. */
    unsigned int flags;       /**< `JY_DB_*` flags; default #JY_DB_CREATE. */
    int busy_timeout_ms;      /**< How long to wait for a lock held by another
                                   connection; default 5000. */
    const char *county_file;  /**< County profile for a new database (JSON, see
                                   docs/formats.md); NULL for the built-in
                                   Xingan profile. Ignored for existing files. */
    const char *key;          /**< Since version 2. Key (a passphrase, UTF-8) of an
                                   encrypted database: a new file is encrypted with
                                   it, an existing one must have been written with it.
                                   NULL (the default) for a plain file. Only in builds
                                   with SQLCipher (CMake option JY_WITH_SQLCIPHER, see
                                   docs/security.md); other builds refuse a key with
                                   #JY_EINVAL. Borrowed for the call: the library keeps
                                   no copy. */
} jy_db_options;

/** @brief Default options. */
#define JY_DB_OPTIONS_INIT { JY_DB_OPTIONS_VERSION, JY_DB_CREATE, 5000, NULL, NULL }

/**
 * @brief Fills options with the defaults (for bindings; C can use
 * #JY_DB_OPTIONS_INIT).
 * @param opts  the options to fill.
 * @return #JY_OK, or #JY_EINVAL if `opts` is NULL.
 */
JY_API int jy_db_options_init(jy_db_options *opts);

/**
 * @brief Opens (and if needed creates and upgrades) a database.
 *
 * The ledger keeps a tally of the labor records by entry date (10.1 reads
 * it instead of the records). Records inserted past the library (the
 * sqlite3 shell, another program) are not in it: their ids are above the
 * tally's mark, which every read checks (an index seek), and a writable
 * open counts them again (it also compares the tally's total with the
 * ledger's count, a few milliseconds, which finds a record inserted with
 * an explicit id below the mark), giving a record without entry date its
 * survey date, as the library does on insert. Until then, and on
 * read-only connections, the metrics count the records themselves: the
 * figures are the same, only slower. Updates and deletions are followed by
 * the database itself, whoever makes them.
 *
 * @param[out] out  receives the handle; release it with jy_db_close().
 *                  NULL on failure.
 * @param path  file name, or `":memory:"` for a private in-memory database.
 * @param opts  options, or NULL for the defaults.
 * @return #JY_OK; #JY_ENOTFOUND if the file does not exist and
 *         #JY_DB_CREATE is not given; #JY_EVERSION if the file was written
 *         by a newer version of the library (it is left untouched);
 *         #JY_ESTORAGE if the file is not a libjiuye database, is corrupt,
 *         cannot be opened, or is encrypted and the key is missing or wrong
 *         (the file is left untouched); #JY_EINVAL for a bad county profile
 *         or bad options (a key in a build without SQLCipher); #JY_EBUSY if
 *         another process held a lock too long.
 */
JY_API int jy_db_open(jy_db **out, const char *path, const jy_db_options *opts);

/**
 * @brief Closes a database, rolling back a transaction left open.
 * @param db  the handle; NULL is allowed and does nothing.
 */
JY_API void jy_db_close(jy_db *db);

/**
 * @brief The schema version of the open file (after any upgrade).
 * @param[out] out  receives the version.
 * @param db  the database.
 * @return #JY_OK, #JY_EINVAL on NULL arguments, #JY_ESTORAGE.
 */
JY_API int jy_db_schema_version(int *out, jy_db *db);

/**
 * @brief The county whose ledgers the database holds.
 * @param db  the database.
 * @return the county, borrowed from the handle until jy_db_close(); NULL if
 *         `db` is NULL.
 */
JY_API const jy_county *jy_db_county(const jy_db *db);

/**
 * @brief Starts a transaction: the writes that follow become visible to
 * others, and durable, together at jy_db_commit(), or not at all.
 *
 * Transactions do not nest: beginning while one is open is #JY_EINVAL.
 * Without an explicit transaction every write is its own transaction.
 *
 * @param db  the database.
 * @return #JY_OK, #JY_EINVAL (NULL or already in a transaction),
 *         #JY_EBUSY, #JY_ESTORAGE.
 */
JY_API int jy_db_begin(jy_db *db);

/**
 * @brief Commits the open transaction.
 * @param db  the database.
 * @return #JY_OK, #JY_EINVAL (NULL or no transaction), #JY_EBUSY,
 *         #JY_ESTORAGE (the transaction is then rolled back).
 */
JY_API int jy_db_commit(jy_db *db);

/**
 * @brief Rolls back the open transaction: none of its writes remain.
 * @param db  the database.
 * @return #JY_OK, #JY_EINVAL (NULL or no transaction), #JY_ESTORAGE.
 */
JY_API int jy_db_rollback(jy_db *db);

/**
 * @brief Rewrites the database file compactly (SQLite's `VACUUM`), after a
 * bulk import or a year of daily writes.
 *
 * Records written one by one leave the tables' and indexes' pages partly
 * full and scattered through the file; reading them back costs more pages
 * than their content needs, which is what a new connection's first
 * scorecard or report pays most for (docs/BENCHMARKS.md: a month's
 * scorecard on a new connection, 27 ms before, 21 ms after, on the
 * synthetic county). Nothing stored changes: records keep their ids.
 *
 * It takes the write lock for the whole rewrite (about a second for the
 * 75 MB of a county year) and needs free disk space for a copy of the
 * file; readers on other connections go on meanwhile. The write-ahead log
 * is emptied afterwards when no reader holds it (otherwise at a later
 * checkpoint). Not while a transaction or a ledger iterator is open on
 * this handle, nor on a handle opened with #JY_DB_READONLY. Same thread
 * rules as the handle.
 *
 * @param db  the database, opened for writing.
 * @return #JY_OK; #JY_EINVAL (NULL, a transaction or an iterator open, or a
 *         read-only handle); #JY_EBUSY (another connection held the write lock past
 *         the busy timeout); #JY_ESTORAGE (the disk is full, for example:
 *         the file is then unchanged).
 */
JY_API int jy_db_optimize(jy_db *db);

JY_END_DECLS

#endif /* JIUYE_DB_H */
