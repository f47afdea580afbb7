/**
 * @file jiuye/error.h
 * @brief Status codes, the per-thread last error, and located errors for parsers.
 *
 * Every fallible libjiuye function returns an `int`: #JY_OK (zero) on success
 * or one of the negative ::jy_status codes. The code says what kind of failure
 * it was; jy_error_last() then gives the calling thread's message saying which
 * record, which field and why. Parsers and importers additionally fill an
 * optional, caller-owned ::jy_located_error with the position of the problem.
 *
 * Messages never contain personal data (ID numbers, phone numbers, names):
 * they name the field and the rule, not the value.
 *
 * See docs/error-handling.md for the whole model.
 */
#ifndef JIUYE_ERROR_H
#define JIUYE_ERROR_H

#include "jiuye/common.h"

JY_BEGIN_DECLS

/**
 * @brief Status codes returned by libjiuye functions.
 *
 * The numbers are part of the ABI: they are never renumbered, and new codes
 * are only ever added.
 */
typedef enum jy_status {
    JY_OK = 0,            /**< Success. */
    JY_ERROR = -1,        /**< Generic failure not covered by a more precise code. */
    JY_ENOTFOUND = -2,    /**< The requested record, place or file does not exist. */
    JY_EEXISTS = -3,      /**< The record already exists. */
    JY_EINVAL = -4,       /**< An argument or a value is invalid (a NULL handle, an ID number that fails its check...). */
    JY_ENOMEM = -5,       /**< Memory could not be allocated. */
    JY_EUTF8 = -6,        /**< Text is not valid UTF-8. */
    JY_EPARSE = -7,       /**< Input (JSON, CSV, a rule file...) could not be parsed. */
    JY_ESTORAGE = -8,     /**< The database failed (I/O error, corrupt file...). */
    JY_ECONSTRAINT = -9,  /**< A stored record would violate a constraint (unknown reference...). */
    JY_EAMBIGUOUS = -10,  /**< A lookup matched more than one candidate. */
    JY_EIO = -11,         /**< A file could not be opened, read or written. */
    JY_EVERSION = -12,    /**< Data written by a newer, incompatible version of the library. */
    JY_EBUSY = -13,       /**< A resource stayed locked beyond the retry budget. */
    JY_ERANGE = -14,      /**< A value or a period lies outside the supported range. */
    JY_ENOTSUP = -15,     /**< The operation is not supported by this build of the library
                               (an optional dependency such as libxlsxwriter was absent). */
    JY_ITEROVER = -31     /**< An iterator has no more items (not an error). */
} jy_status;

/**
 * @brief The last error recorded on the calling thread.
 *
 * The struct is owned by the library and lives in thread-local storage.
 */
typedef struct jy_error {
    int code;             /**< A ::jy_status code; #JY_OK when no error was recorded. */
    const char *message;  /**< UTF-8 message in English; never NULL. */
} jy_error;

/**
 * @brief Returns the last error recorded on the calling thread.
 *
 * Every failing function records its error before returning it; successful
 * calls leave the previous error in place (check return codes, not this).
 *
 * @return a pointer to thread-local storage, never NULL. It stays valid until
 *         the next libjiuye call on the same thread; copy what you keep.
 *
 * Thread-safety: safe; each thread sees only its own error.
 */
JY_API const jy_error *jy_error_last(void);

/**
 * @brief Forgets the calling thread's last error (resets it to #JY_OK).
 *
 * Thread-safety: safe; affects the calling thread only.
 */
JY_API void jy_error_clear(void);

/**
 * @brief A short, static description of a status code ("not found"...).
 *
 * @param code  a ::jy_status value (any int is accepted).
 * @return a static string, never NULL; unknown codes give "unknown error".
 *
 * Thread-safety: safe from any thread.
 */
JY_API const char *jy_errstr(int code);

/** @brief Size of jy_located_error::source, including the terminating NUL. */
#define JY_LOCATION_SOURCE_MAX 128
/** @brief Size of jy_located_error::field, including the terminating NUL. */
#define JY_LOCATION_FIELD_MAX 64
/** @brief Size of jy_located_error::text, including the terminating NUL. */
#define JY_LOCATION_TEXT_MAX 256

/**
 * @brief Where and why a parser or importer rejected its input.
 *
 * Owned by the caller (usually on the stack) and filled by the library
 * without allocating. Strings are NUL-terminated and truncated to fit. When a
 * function succeeds, the struct is reset to `code = JY_OK` and empty strings.
 */
typedef struct jy_located_error {
    int code;                              /**< The ::jy_status code returned. */
    char source[JY_LOCATION_SOURCE_MAX];   /**< File name, or "<memory>" for buffers. */
    size_t record;                         /**< 1-based record number (JSON Lines line, CSV row, array element); 0 if not applicable. */
    size_t line;                           /**< 1-based line in the source; 0 if unknown. */
    size_t column;                         /**< 1-based column in characters (not bytes); 0 if unknown. */
    char field[JY_LOCATION_FIELD_MAX];     /**< Offending field (JSON path such as `townships[3].code`); empty if none. */
    char text[JY_LOCATION_TEXT_MAX];       /**< What is wrong, in English. */
} jy_located_error;

JY_END_DECLS

#endif /* JIUYE_ERROR_H */
