/**
 * @file jiuye/ledger.h
 * @brief The ledgers (台账): storing, reading, changing, deleting, listing
 * and counting records in a database.
 *
 * Storing a record checks every rule of its kind's catalogue (jiuye/record.h)
 * before anything is written: required fields, ID numbers, credit codes and
 * phones (stored in canonical form), townships and villages of the county
 * (stored as codes; names and short forms accepted), references to existing
 * records, value ranges, and the rules between fields (a salary range in
 * order, a posting not closed before it opened...). A record that breaks a
 * rule is refused whole with #JY_EINVAL and a message naming the kind, the
 * field and the rule; nothing is written.
 *
 * Labor records are kept once per person (their ID number): saving the same
 * person again with jy_ledger_save() updates the record and keeps a dated
 * history of what changed (kind #JY_KIND_LABOR_CHANGE).
 *
 * Thread-safety: as the ::jy_db they use, one thread at a time.
 */
#ifndef JIUYE_LEDGER_H
#define JIUYE_LEDGER_H

#include <stdint.h>

#include "jiuye/common.h"
#include "jiuye/date.h"
#include "jiuye/db.h"
#include "jiuye/record.h"
#include "jiuye/validate.h"

JY_BEGIN_DECLS

/** @brief Warning (`JY_WARN_*` bit, beside those of validate.h): a labor
 * record's person is not aged 16 to 60 on the survey date. */
#define JY_WARN_LABOR_AGE 0x10u
/** @brief Warning: a given value of a derived field (a labor record's
 * `gender` or `birth_date`) disagreed with the ID number it is derived from
 * and was replaced by the derived one. */
#define JY_WARN_DERIVED_MISMATCH 0x20u

/** @brief What jy_ledger_save() did. */
typedef struct jy_save_result {
    int64_t id;           /**< Id of the stored record. */
    int updated;          /**< 1 if an existing record was updated, 0 if one was added. */
    size_t changes;       /**< Fields changed by an update (0 for an addition). */
    unsigned int warnings; /**< `JY_WARN_*` bits of validate.h (implausible but accepted values). */
} jy_save_result;

/**
 * @brief Checks a record against every rule of its kind, without storing it.
 *
 * Normalizes the record on the way (canonical ID numbers and phones,
 * township names to codes, derived fields such as a labor record's birth
 * date and gender), exactly as storing it would.
 *
 * @param db      the database (for the county and the references).
 * @param record  the record; normalized in place.
 * @param[out] out_warnings  optional; receives `JY_WARN_*` bits.
 * @return #JY_OK, #JY_EINVAL for a broken rule (message: kind, field, rule)
 *         or a read-only kind, #JY_ENOTFOUND for a reference to a record
 *         that does not exist, #JY_ESTORAGE.
 */
JY_API int jy_ledger_check(jy_db *db, jy_record *record, unsigned int *out_warnings);

/**
 * @brief Adds a new record.
 *
 * @param[out] out_id  optional; receives the new record's id, which is also
 *                     set in the record.
 * @param db      the database.
 * @param record  the record (its `id`, if set, is ignored); normalized in place.
 * @return #JY_OK; as jy_ledger_check(); #JY_EEXISTS if a unique field (an
 *         ID number, a credit code, an enterprise name) is already taken;
 *         #JY_EINVAL for a read-only kind; #JY_EBUSY; #JY_ESTORAGE.
 */
JY_API int jy_ledger_add(int64_t *out_id, jy_db *db, jy_record *record);

/**
 * @brief Adds a record, or updates the one with the same natural key.
 *
 * The natural key is the ID number for labor records and the credit code
 * or the name for enterprises; other kinds have none and are always added.
 * An update replaces the stored fields with the record's (fields unset in
 * the record keep their stored values) and, for labor records, writes one
 * history entry per changed field, dated by the record's `surveyed_on` (or
 * the stored one). The rules apply to the merged record: saving a stored
 * record again needs only its key and what changed. A stored village is
 * dropped when the township changes, and a village given alone tells its
 * township. The id the record carries, if any, is ignored: the record found
 * by its key is updated and its id set in the record.
 *
 * @param[out] out  optional; what was done.
 * @param db      the database.
 * @param record  the record; normalized in place, its id set.
 * @return as jy_ledger_add().
 */
JY_API int jy_ledger_save(jy_save_result *out, jy_db *db, jy_record *record);

/**
 * @brief Finds a record by the value of one of its unique fields (a natural
 * key: a labor record's ID number, an enterprise's credit code or name).
 *
 * The value is normalized as when storing (an ID number in any accepted
 * form, a credit code in lower case...).
 *
 * @param[out] out_id  receives the record's id.
 * @param db     the database.
 * @param kind   the kind.
 * @param field  the name of a field flagged #JY_FIELD_UNIQUE.
 * @param value  NUL-terminated UTF-8 text.
 * @return #JY_OK; #JY_ENOTFOUND when no record has that value; #JY_EINVAL
 *         for a field that is not unique or a value that is not valid for
 *         it; #JY_ESTORAGE.
 */
JY_API int jy_ledger_find(int64_t *out_id, jy_db *db, jy_kind kind, const char *field,
                          const char *value);

/**
 * @brief Reads a record by id.
 *
 * @param[out] out  receives a new record; release it with jy_record_free().
 * @param db    the database.
 * @param kind  the kind.
 * @param id    the id.
 * @return #JY_OK, #JY_ENOTFOUND, #JY_EINVAL, #JY_ESTORAGE.
 */
JY_API int jy_ledger_get(jy_record **out, jy_db *db, jy_kind kind, int64_t id);

/**
 * @brief Replaces a stored record (found by the record's id) with the record.
 *
 * All fields are replaced: a field unset in the record becomes unset.
 * Labor records get history entries for the fields that changed.
 *
 * @param db  the database.
 * @param record  the record, with its id; normalized in place.
 * @return #JY_OK, #JY_ENOTFOUND (no such id), as jy_ledger_add() otherwise.
 */
JY_API int jy_ledger_update(jy_db *db, jy_record *record);

/**
 * @brief Deletes a record.
 *
 * @param db  the database.
 * @param kind  the kind.
 * @param id  the id.
 * @return #JY_OK, #JY_ENOTFOUND, #JY_ECONSTRAINT if other records refer to
 *         it (delete them first), #JY_EINVAL for a read-only kind,
 *         #JY_ESTORAGE.
 */
JY_API int jy_ledger_delete(jy_db *db, jy_kind kind, int64_t id);

/** @brief Version of ::jy_filter this header describes. */
#define JY_FILTER_VERSION 1

/**
 * @brief Which records to list or count. Initialize with #JY_FILTER_INIT;
 * members left at their zero value do not filter.
 */
typedef struct jy_filter {
    unsigned int version;  /**< #JY_FILTER_VERSION. */
    jy_kind kind;          /**< The kind (required). */
    jy_date from;          /**< First day of the period (inclusive), on the kind's date field. */
    jy_date to;            /**< Last day of the period (inclusive). */
    const char *township;  /**< Township code or name, for kinds that have one. */
    const char *subkind;   /**< Value of the kind's classifying field: the event kind
                                (`live_show`...), the posting kind (`gig`)... */
    int64_t enterprise_id; /**< Records of this enterprise, for kinds that refer to one. */
} jy_filter;

/** @brief A filter that matches every record of no kind yet: set `kind`. */
#define JY_FILTER_INIT { JY_FILTER_VERSION, (jy_kind)0, { 0, 0, 0 }, { 0, 0, 0 }, NULL, NULL, 0 }

/**
 * @brief Fills a filter with the defaults (for bindings).
 * @param filter  the filter to fill.
 * @param kind  the kind to list.
 * @return #JY_OK, or #JY_EINVAL if `filter` is NULL.
 */
JY_API int jy_filter_init(jy_filter *filter, jy_kind kind);

/** @brief An iterator over the records a filter selects (opaque). */
typedef struct jy_ledger_iter jy_ledger_iter;

/**
 * @brief Starts listing records, in id order.
 *
 * @param[out] out  receives the iterator; release it with jy_ledger_iter_free()
 *                  before closing the database.
 * @param db      the database.
 * @param filter  which records.
 * @return #JY_OK, #JY_EINVAL (bad filter: a kind without a date field given a
 *         period, an unknown township...), #JY_ESTORAGE.
 */
JY_API int jy_ledger_iter_new(jy_ledger_iter **out, jy_db *db, const jy_filter *filter);

/**
 * @brief The next record.
 *
 * @param[out] out  receives a new record; release it with jy_record_free().
 * @param iter  the iterator.
 * @return #JY_OK, #JY_ITEROVER at the end, #JY_ESTORAGE.
 */
JY_API int jy_ledger_iter_next(jy_record **out, jy_ledger_iter *iter);

/**
 * @brief Releases an iterator.
 * @param iter  the iterator; NULL is allowed.
 */
JY_API void jy_ledger_iter_free(jy_ledger_iter *iter);

/**
 * @brief Counts the records a filter selects.
 *
 * @param[out] out  receives the count.
 * @param db      the database.
 * @param filter  which records.
 * @return as jy_ledger_iter_new().
 */
JY_API int jy_ledger_count(int64_t *out, jy_db *db, const jy_filter *filter);

JY_END_DECLS

#endif /* JIUYE_LEDGER_H */
