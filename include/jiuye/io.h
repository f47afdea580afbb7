/**
 * @file jiuye/io.h
 * @brief Interchange: importing ledgers from JSON Lines and CSV files, and
 * exporting them, with personal data masked unless asked otherwise.
 *
 * Both formats follow the record catalogue (jiuye/record.h); docs/formats.md
 * documents every field of every kind and the rules of each format:
 *
 *  - **JSON Lines**: one JSON object a line, with a `type` member naming the
 *    kind (`"labor"`) and snake_case field names; dates as `YYYY-MM-DD`.
 *  - **CSV** (RFC 4180): one kind a file, a header row naming the columns by
 *    their English field name or their Chinese label (`id_number` or
 *    `身份证号`), an empty cell for an unset field, quoting for commas,
 *    quotes and newlines inside cells.
 *
 * Input is UTF-8, with or without a byte-order mark; GB18030 (and so GBK and
 * GB2312), which spreadsheets in China often save, is recognized and decoded.
 * Input is read as a stream: memory use does not grow with the file.
 *
 * An import checks every record with the same rules as jy_ledger_save() and
 * stores it with jy_ledger_save(): labor records of people already in the
 * ledger (same ID number), and enterprises already known (same credit code
 * or name), are updates (labor records keep their dated history).
 *
 * References (`enterprise_id`, `labor_id`...) are given by id or by natural
 * key. Ids in a file are local to the file: an id that a record of the same
 * file has is redirected to the id that record received; any other id refers
 * to a record already in the database. A reference to an enterprise may
 * instead be its name or credit code, a reference to a labor record its
 * person's ID number (looked up with jy_ledger_find()); kinds without a
 * unique field are referred to by id only.
 *
 * Two modes: #JY_IMPORT_ALL stores all or nothing; #JY_IMPORT_KEEP_GOOD
 * stores the good records and reports each bad one. Either way every bad
 * record is reported, with its line, field and reason, to the optional
 * reject callback.
 *
 * Exports write one kind, or every kind in an order where referenced records
 * come before the records that refer to them, so that an export imports back
 * into an empty database. Personal data (names, ID numbers, phones) is masked
 * unless #JY_EXPORT_UNMASK is given explicitly.
 *
 * Thread-safety: as the ::jy_db used, one thread at a time; the callbacks
 * are called on the calling thread. The options functions are safe from any
 * thread.
 */
#ifndef JIUYE_IO_H
#define JIUYE_IO_H

#include "jiuye/common.h"
#include "jiuye/db.h"
#include "jiuye/error.h"
#include "jiuye/ledger.h"
#include "jiuye/record.h"

JY_BEGIN_DECLS

/** @brief Interchange formats. */
typedef enum jy_format {
    JY_FORMAT_AUTO = 0,   /**< From the file name: `.csv` is CSV, `.xlsx` (export only) an
                               Excel workbook, anything else JSON Lines (for buffers:
                               JSON Lines). */
    JY_FORMAT_JSONL = 1,  /**< JSON Lines: one JSON object a line. */
    JY_FORMAT_CSV = 2,    /**< CSV with a header row (RFC 4180). */
    JY_FORMAT_XLSX = 3    /**< Excel workbook (`.xlsx`), export only, to a file only
                               (jy_export_file()): a sheet per kind, written as the CSV
                               export with `csv_labels` writes its cells. Needs the library
                               built with libxlsxwriter (jy_xlsx_available() in
                               jiuye/report.h); #JY_ENOTSUP otherwise. */
} jy_format;

/** @brief What an import does with bad records. */
typedef enum jy_import_mode {
    /** All or nothing: one bad record and nothing is stored (every bad
     *  record is still reported); the import returns #JY_EINVAL. */
    JY_IMPORT_ALL = 0,
    /** Good records are stored, each bad one is reported and skipped. */
    JY_IMPORT_KEEP_GOOD = 1
} jy_import_mode;

/** @brief Character encodings of imported files. */
typedef enum jy_encoding {
    /** UTF-8 with or without a byte-order mark; when the first non-ASCII
     *  bytes are not UTF-8, the whole input is decoded as GB18030. */
    JY_ENCODING_AUTO = 0,
    JY_ENCODING_UTF8 = 1,    /**< UTF-8 (a byte-order mark is skipped). */
    JY_ENCODING_GB18030 = 2  /**< GB18030, which includes GBK and GB2312. */
} jy_encoding;

/**
 * @brief Called for every rejected record (and for a file rejected whole).
 *
 * @param err  where and why: `record` and `line` are the 1-based line in
 *             the file where the record starts (for CSV, the physical line,
 *             counting the header and newlines inside quoted cells);
 *             `column` is set for JSON syntax errors; `field` names the
 *             offending field (or CSV column) when there is one; `code`
 *             is the ::jy_status of the failure; `text` says why, in
 *             English, without personal data. Borrowed for the call.
 * @param payload  jy_import_options::payload.
 * @return 0 to go on; any other value stops the import, which then returns
 *         that value.
 */
typedef int (*jy_reject_cb)(const jy_located_error *err, void *payload);

/**
 * @brief Called as an import progresses: at most every 10 000 records, and
 * once at the end.
 *
 * @param records_done  records read so far (good and bad).
 * @param bytes_done    bytes of the input read so far.
 * @param bytes_total   size of the input in bytes, or 0 when unknown
 *                      (a pipe).
 * @param payload  jy_import_options::payload.
 * @return 0 to go on; any other value stops the import, which then returns
 *         that value.
 */
typedef int (*jy_progress_cb)(size_t records_done, size_t bytes_done, size_t bytes_total,
                              void *payload);

/** @brief Version of ::jy_import_options this header describes. */
#define JY_IMPORT_OPTIONS_VERSION 1

/** @brief How to import. Initialize with #JY_IMPORT_OPTIONS_INIT. */
typedef struct jy_import_options {
    unsigned int version;     /**< #JY_IMPORT_OPTIONS_VERSION. */
    jy_format format;         /**< Input format; default #JY_FORMAT_AUTO. */
    jy_kind kind;             /**< Kind of the records. Required for CSV. For JSON
                                   Lines, 0 (the default) takes each line's `type`;
                                   a kind makes every line be of that kind (a line
                                   may then leave `type` out). */
    jy_import_mode mode;      /**< Default #JY_IMPORT_ALL. */
    jy_encoding encoding;     /**< Default #JY_ENCODING_AUTO. */
    jy_reject_cb on_reject;   /**< Optional: told about each rejected record. */
    jy_progress_cb on_progress; /**< Optional: told about progress. */
    void *payload;            /**< Passed to the callbacks. */
} jy_import_options;

/** @brief Default import options. */
#define JY_IMPORT_OPTIONS_INIT \
    { JY_IMPORT_OPTIONS_VERSION, JY_FORMAT_AUTO, (jy_kind)0, JY_IMPORT_ALL, \
      JY_ENCODING_AUTO, NULL, NULL, NULL }

/**
 * @brief Fills import options with the defaults (for bindings; C can use
 * #JY_IMPORT_OPTIONS_INIT).
 *
 * @param opts  the options to fill.
 * @return #JY_OK, or #JY_EINVAL if `opts` is NULL.
 *
 * Thread-safety: safe from any thread.
 */
JY_API int jy_import_options_init(jy_import_options *opts);

/** @brief What an import did. */
typedef struct jy_import_stats {
    size_t accepted;  /**< Records stored: added or updated (0 after an
                           #JY_IMPORT_ALL import that stored nothing). */
    size_t updated;   /**< Of the accepted records, those that updated a
                           record already stored (same ID number, credit code
                           or enterprise name). */
    size_t rejected;  /**< Records rejected (each reported to the callback). */
    size_t warnings;  /**< Accepted records with a warning (an ID number's region
                           code not in force in the birth year...), plus lines
                           skipped because their kind cannot be imported
                           (`labor_change`, the history the library writes). */
} jy_import_stats;

/**
 * @brief Imports a JSON Lines or CSV file into the ledgers.
 *
 * Records are read one at a time (the file is never held in memory whole)
 * and stored with jy_ledger_save(): in #JY_IMPORT_ALL mode inside one
 * transaction that is rolled back if any record is bad; in
 * #JY_IMPORT_KEEP_GOOD mode in transactions of 50 000 records, a bad
 * record being skipped without undoing the good ones. A CSV file whose
 * header names an unknown column, a column twice, or lacks a required field
 * is rejected whole before any row is read (reported once to the callback,
 * with line 1 and the column in `field`).
 *
 * The database must not be inside a transaction opened with jy_db_begin().
 *
 * @param[out] out  optional; receives the counts (also when the import
 *                  fails or is stopped: what had been done).
 * @param db    the database.
 * @param path  the file to read.
 * @param opts  options, or NULL for the defaults.
 * @return #JY_OK when every record was stored (or, in #JY_IMPORT_KEEP_GOOD
 *         mode, when the file could be read to its end, whatever was
 *         rejected); #JY_EINVAL when a record was rejected in
 *         #JY_IMPORT_ALL mode (nothing stored), when a CSV header is bad,
 *         for bad options (a CSV import without a kind, a kind that cannot be
 *         imported) or when `db` is in a transaction; #JY_EIO when the file
 *         cannot be read; #JY_ENOMEM; #JY_ESTORAGE or #JY_EBUSY when the
 *         database fails (the batch under way is rolled back); a callback's
 *         non-zero value when it stopped the import (in #JY_IMPORT_ALL mode
 *         nothing is stored; otherwise the records before stay stored).
 *
 * Thread-safety: as `db`.
 */
JY_API int jy_import_file(jy_import_stats *out, jy_db *db, const char *path,
                          const jy_import_options *opts);

/**
 * @brief Imports JSON Lines or CSV text held in memory, as jy_import_file().
 *
 * @param[out] out  optional; receives the counts.
 * @param db    the database.
 * @param data  the bytes (not necessarily NUL-terminated); copied as needed,
 *              never modified.
 * @param len   their number.
 * @param opts  options, or NULL for the defaults (#JY_FORMAT_AUTO means
 *              JSON Lines here).
 * @return as jy_import_file(), without #JY_EIO.
 *
 * Thread-safety: as `db`.
 */
JY_API int jy_import_buffer(jy_import_stats *out, jy_db *db, const char *data, size_t len,
                            const jy_import_options *opts);

/** @brief jy_export_options::flags: personal data in clear (default: masked).
 *  Use only where the law and the contract allow it: the file then holds
 *  names, ID numbers and phone numbers. */
#define JY_EXPORT_UNMASK 0x1u

/** @brief Version of ::jy_export_options this header describes. */
#define JY_EXPORT_OPTIONS_VERSION 1

/** @brief How to export. Initialize with #JY_EXPORT_OPTIONS_INIT. */
typedef struct jy_export_options {
    unsigned int version;    /**< #JY_EXPORT_OPTIONS_VERSION. */
    jy_format format;        /**< Output format; default #JY_FORMAT_AUTO (from the
                                  file name: `.csv` is CSV, anything else JSON Lines). */
    jy_kind kind;            /**< Kind to export. Required for CSV. For JSON Lines, 0
                                  (the default) exports every kind, referenced kinds
                                  first. */
    const jy_filter *filter; /**< Optional: which records (its kind must be `kind`
                                  or `kind` 0); NULL for all. Borrowed for the call. */
    unsigned int flags;      /**< `JY_EXPORT_*` flags; default 0 (masked). */
    int csv_labels;          /**< CSV: non-zero (the default) writes the Chinese labels
                                  in the header, enumerated values as their Chinese
                                  labels, booleans as 是/否 and townships and villages by
                                  name, for people reading the file in a spreadsheet;
                                  0 writes field names and the values as in JSON Lines.
                                  Both forms import back. */
    int bom;                 /**< CSV: non-zero (the default) starts the file with a
                                  UTF-8 byte-order mark, so that spreadsheet programs
                                  recognize UTF-8. */
} jy_export_options;

/** @brief Default export options. */
#define JY_EXPORT_OPTIONS_INIT \
    { JY_EXPORT_OPTIONS_VERSION, JY_FORMAT_AUTO, (jy_kind)0, NULL, 0u, 1, 1 }

/**
 * @brief Fills export options with the defaults (for bindings; C can use
 * #JY_EXPORT_OPTIONS_INIT).
 *
 * @param opts  the options to fill.
 * @return #JY_OK, or #JY_EINVAL if `opts` is NULL.
 *
 * Thread-safety: safe from any thread.
 */
JY_API int jy_export_options_init(jy_export_options *opts);

/**
 * @brief Exports ledgers to a JSON Lines or CSV file (created or replaced).
 *
 * Records are written in id order, one at a time. Personal fields
 * (#JY_FIELD_PERSONAL) are masked as jy_record_to_json() does, in both
 * formats, unless #JY_EXPORT_UNMASK is given.
 *
 * @param[out] out_count  optional; receives the number of records written.
 * @param db    the database.
 * @param path  the file to write. On failure it may be left incomplete.
 * @param opts  options, or NULL for the defaults.
 * With #JY_FORMAT_XLSX (or a `.xlsx` name) the file is an Excel workbook
 * with a sheet per kind exported, named by the kind's Chinese name: a header
 * row of Chinese labels, then one row per record, cells as in a CSV export
 * with `csv_labels` (integers as numbers).
 *
 * @return #JY_OK; #JY_EINVAL for bad options (CSV without a kind, a filter
 *         of another kind); #JY_EIO when the file cannot be written;
 *         #JY_ENOTSUP for an `.xlsx` export by a library built without
 *         libxlsxwriter; #JY_ENOMEM; #JY_ESTORAGE.
 *
 * Thread-safety: as `db`.
 */
JY_API int jy_export_file(size_t *out_count, jy_db *db, const char *path,
                          const jy_export_options *opts);

/**
 * @brief Receives exported text, a piece at a time (jy_export_write()).
 *
 * @param data  the bytes (not NUL-terminated); borrowed for the call.
 * @param len   their number (never 0).
 * @param payload  the payload given to jy_export_write().
 * @return 0 to go on; any other value stops the export, which then returns
 *         that value.
 */
typedef int (*jy_write_cb)(const char *data, size_t len, void *payload);

/**
 * @brief Exports ledgers through a callback (standard output, a socket, a
 * host language's file object...), as jy_export_file().
 *
 * @param[out] out_count  optional; receives the number of records written.
 * @param db    the database.
 * @param opts  options, or NULL for the defaults (#JY_FORMAT_AUTO means
 *              JSON Lines here).
 * @param write    called with the text in pieces of up to a few hundred
 *                 kilobytes, in order.
 * @param payload  passed to `write`.
 * @return as jy_export_file(), without #JY_EIO; the callback's non-zero
 *         value when it stopped the export.
 *
 * Thread-safety: as `db`; `write` is called on the calling thread.
 */
JY_API int jy_export_write(size_t *out_count, jy_db *db, const jy_export_options *opts,
                           jy_write_cb write, void *payload);

/**
 * @brief Exports ledgers into memory, as jy_export_file().
 *
 * Meant for small exports (tests, previews): the whole text is held in
 * memory; use jy_export_file() or jy_export_write() for ledgers of any size.
 *
 * @param[out] out  receives the NUL-terminated text; release it with jy_free().
 *                  NULL on failure.
 * @param[out] out_len  optional; receives its length in bytes.
 * @param[out] out_count  optional; receives the number of records written.
 * @param db    the database.
 * @param opts  options, or NULL for the defaults (#JY_FORMAT_AUTO means
 *              JSON Lines here).
 * @return as jy_export_file(), without #JY_EIO.
 *
 * Thread-safety: as `db`.
 */
JY_API int jy_export_buffer(char **out, size_t *out_len, size_t *out_count, jy_db *db,
                            const jy_export_options *opts);

JY_END_DECLS

#endif /* JIUYE_IO_H */
