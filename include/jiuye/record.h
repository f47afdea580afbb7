/**
 * @file jiuye/record.h
 * @brief Ledger records: the kinds of facts the operator keeps, their fields,
 * and ::jy_record, one record of any kind.
 *
 * Every ledger (台账) of the county's employment service holds records of one
 * ::jy_kind: enterprises, postings, jobseekers, labor records, events... A
 * kind is described by a catalogue of fields (name, type, rules) that the
 * library exposes for introspection (jy_kind_field_at()); the catalogue is
 * also the documentation of the interchange formats (docs/formats.md).
 *
 * A ::jy_record is a bag of field values of one kind. Setting a value checks
 * that the field exists and that the value has the field's type; the domain
 * rules (an ID number's check character, a known township, an existing
 * enterprise...) are checked when the record is stored (ledger.h), where the
 * county profile and the other records are known. Getting an unset field
 * gives #JY_ENOTFOUND.
 *
 * Lifecycle: jy_record_new() (or jy_ledger_get(), or jy_record_from_json()),
 * set and get fields, jy_record_free().
 *
 * Thread-safety: a record is used by one thread at a time; the catalogue
 * functions (jy_kind_*) are safe from any thread.
 */
#ifndef JIUYE_RECORD_H
#define JIUYE_RECORD_H

#include <stdint.h>

#include "jiuye/common.h"
#include "jiuye/date.h"
#include "jiuye/error.h"

JY_BEGIN_DECLS

/** @brief The kinds of ledger records. The numbers are never renumbered. */
typedef enum jy_kind {
    JY_KIND_CONTRACT = 1,        /**< `contract`: a service year of the operator's contract. */
    JY_KIND_ENTERPRISE = 2,      /**< `enterprise`: an employer (企业). */
    JY_KIND_STAFF_SURVEY = 3,    /**< `staff_survey`: an enterprise's staff headcount survey (在岗员工摸排). */
    JY_KIND_POSTING = 4,         /**< `posting`: a job offer, full time or gig (岗位 / 零工). */
    JY_KIND_JOBSEEKER = 5,       /**< `jobseeker`: a registered jobseeker (求职登记). */
    JY_KIND_FOLLOWUP = 6,        /**< `followup`: a follow-up service to a jobseeker (跟进). */
    JY_KIND_LABOR = 7,           /**< `labor`: a labor survey record of a resident aged 16-60 (劳动力资源信息). */
    JY_KIND_LABOR_CHANGE = 8,    /**< `labor_change`: the dated history of a labor record (read-only). */
    JY_KIND_VERIFICATION = 9,    /**< `verification`: a spot check of a labor record's accuracy. */
    JY_KIND_EVENT = 10,          /**< `event`: an activity of the operator (live show, job fair, training...). */
    JY_KIND_EVENT_ENTERPRISE = 11, /**< `event_enterprise`: an enterprise attending an event (tea meetings). */
    JY_KIND_HIRE = 12,           /**< `hire`: a jobseeker placed in an enterprise (入职). */
    JY_KIND_SHORTAGE = 13,       /**< `shortage`: an enterprise's shortage complaint (缺工诉求). */
    JY_KIND_REVIEW = 14,         /**< `review`: a jobseeker's review of the platform service (评价). */
    JY_KIND_DELIVERY = 15,       /**< `delivery`: a resume delivered to a posting (简历投递). */
    JY_KIND_INCIDENT = 16,       /**< `incident`: a data leak or public-opinion incident. */
    JY_KIND_PUSH = 17,           /**< `push`: matched postings pushed to a jobseeker (精准推送). Since schema 2. */
    JY_KIND_OVERRIDE = 18        /**< `override`: an assessor's decision replacing a computed deduction. Since schema 2. */
} jy_kind;

/** @brief One past the largest ::jy_kind value (for loops over kinds). */
#define JY_KIND_END 19

/** @brief The type of a field's values. */
typedef enum jy_field_type {
    JY_FIELD_TEXT = 1,      /**< UTF-8 text. */
    JY_FIELD_INTEGER = 2,   /**< 64-bit integer. */
    JY_FIELD_REAL = 3,      /**< Floating-point number. */
    JY_FIELD_BOOL = 4,      /**< True or false. */
    JY_FIELD_DATE = 5,      /**< A ::jy_date, exchanged as `YYYY-MM-DD`. */
    JY_FIELD_LIST = 6,      /**< A list of short texts (skills, key groups). */
    JY_FIELD_REFERENCE = 7  /**< The id of a record of another kind (jy_field_info::ref_kind). */
} jy_field_type;

/** @brief Field flag: a record cannot be stored without it. */
#define JY_FIELD_REQUIRED 0x1u
/** @brief Field flag: personal data (names, ID numbers, phones), masked on export. */
#define JY_FIELD_PERSONAL 0x2u
/** @brief Field flag: no two records of the kind share a value (a natural key). */
#define JY_FIELD_UNIQUE 0x4u
/** @brief Field flag: set by the library (ids, derived values); ignored on input. */
#define JY_FIELD_READONLY 0x8u

/**
 * @brief What the catalogue says of one field. Static, never freed.
 */
typedef struct jy_field_info {
    const char *name;          /**< snake_case English name, used in JSON and CSV headers. */
    const char *label;         /**< Chinese label for county staff (CSV headers, reports). */
    jy_field_type type;        /**< Type of the values. */
    unsigned int flags;        /**< `JY_FIELD_*` flags. */
    const char *format;        /**< Domain rule for text, or NULL: `id_number`, `credit_code`,
                                    `phone`, `township`, `village`, `enum`, `time` (HH:MM). */
    const char *const *values; /**< For `enum`: the allowed values, NULL-terminated. */
    const char *const *value_labels; /**< For `enum`: their Chinese labels (also accepted as input). */
    jy_kind ref_kind;          /**< For #JY_FIELD_REFERENCE: the kind referred to. */
    int64_t min;               /**< For integers and reals: the smallest value allowed. */
    int64_t max;               /**< For integers and reals: the largest value allowed. */
    const char *doc;           /**< One sentence of documentation, in English. */
} jy_field_info;

/**
 * @brief The name of a kind (`"enterprise"`), as used in JSON Lines `type`.
 * @param kind  a ::jy_kind value (any int is accepted).
 * @return a static string, or NULL for a value that is not a kind.
 */
JY_API const char *jy_kind_name(int kind);

/**
 * @brief The Chinese name of a kind (`"企业"`), for county staff.
 * @param kind  a ::jy_kind value (any int is accepted).
 * @return a static string, or NULL for a value that is not a kind.
 */
JY_API const char *jy_kind_label(int kind);

/**
 * @brief Finds a kind by its name.
 *
 * @param[out] out  receives the kind.
 * @param name  a kind name such as `"labor"` (case-sensitive).
 * @return #JY_OK, #JY_ENOTFOUND, #JY_EINVAL on NULL arguments.
 */
JY_API int jy_kind_from_name(jy_kind *out, const char *name);

/**
 * @brief Number of fields of a kind (including `id`).
 * @param kind  a ::jy_kind value.
 * @return the count, or 0 for a value that is not a kind.
 */
JY_API size_t jy_kind_field_count(int kind);

/**
 * @brief The field of a kind at an index (catalogue order; `id` first).
 * @param kind  a ::jy_kind value.
 * @param index  0 to jy_kind_field_count() - 1.
 * @return static storage, or NULL if the kind or the index is out of range.
 */
JY_API const jy_field_info *jy_kind_field_at(int kind, size_t index);

/**
 * @brief The field of a kind with a name.
 * @param kind  a ::jy_kind value.
 * @param name  the field's name.
 * @return static storage, or NULL if the kind has no such field.
 */
JY_API const jy_field_info *jy_kind_field(int kind, const char *name);

/** @brief A record of one kind (opaque). */
typedef struct jy_record jy_record;

/**
 * @brief Creates an empty record of a kind.
 *
 * @param[out] out  receives the record; release it with jy_record_free().
 * @param kind  the kind.
 * @return #JY_OK, #JY_EINVAL for an unknown kind or NULL `out`, #JY_ENOMEM.
 */
JY_API int jy_record_new(jy_record **out, jy_kind kind);

/**
 * @brief Copies a record.
 *
 * @param[out] out  receives the copy; release it with jy_record_free().
 * @param record  the record.
 * @return #JY_OK, #JY_EINVAL on NULL arguments, #JY_ENOMEM.
 */
JY_API int jy_record_copy(jy_record **out, const jy_record *record);

/**
 * @brief Releases a record.
 * @param record  the record; NULL is allowed and does nothing.
 */
JY_API void jy_record_free(jy_record *record);

/**
 * @brief The kind of a record.
 * @param record  the record.
 * @return the kind, or 0 if `record` is NULL.
 */
JY_API jy_kind jy_record_kind(const jy_record *record);

/**
 * @brief The id of a stored record (its `id` field).
 * @param record  the record.
 * @return the id, or 0 for a record not stored yet or NULL.
 */
JY_API int64_t jy_record_id(const jy_record *record);

/**
 * @brief Tells whether a field has a value.
 * @param record  the record.
 * @param field  the field's name.
 * @return 1 if the field is set to a value, 0 if unset or null, or if the
 *         field does not exist.
 */
JY_API int jy_record_has(const jy_record *record, const char *field);

/**
 * @brief Sets a field from text, converting to the field's type.
 *
 * Works for every type: integers and reals are parsed (`"12"`, full-width
 * digits, `"12.0"` for a whole number), booleans accept
 * `true/false/1/0/yes/no/y/n` (ASCII letters in any case), `是/否`, `有/无`
 * and `√/×`, dates the forms of jy_date_parse(), enumerations a value or
 * its Chinese label (stored as the value), lists are split at `、，,；;|` and
 * blanks (each item trimmed, empty items dropped; an enumeration's items
 * are checked and stored as values). Surrounding blanks are
 * ignored. Text is checked to be UTF-8. NULL, or text that is empty or only
 * blanks, clears the field (an empty cell is no value).
 *
 * @param record  the record.
 * @param field   the field's name.
 * @param value   NUL-terminated UTF-8 text, or NULL to clear.
 * @return #JY_OK, #JY_ENOTFOUND for an unknown field, #JY_EINVAL for text
 *         that is not a value of the field's type (the message names the
 *         field), #JY_EUTF8, #JY_ENOMEM.
 */
JY_API int jy_record_set_text(jy_record *record, const char *field, const char *value);

/**
 * @brief Sets an integer, boolean (0/1) or reference field.
 * @param record  the record.
 * @param field  the field's name.
 * @param value  the value.
 * @return #JY_OK, #JY_ENOTFOUND for an unknown field, #JY_EINVAL if the
 *         field is of another type or the value out of its range.
 */
JY_API int jy_record_set_int(jy_record *record, const char *field, int64_t value);

/**
 * @brief Sets a real field (an integer field accepts whole numbers too).
 * @param record  the record.
 * @param field  the field's name.
 * @param value  the value.
 * @return #JY_OK, #JY_ENOTFOUND, #JY_EINVAL for another type or a
 *         non-finite value.
 */
JY_API int jy_record_set_real(jy_record *record, const char *field, double value);

/**
 * @brief Sets a date field.
 * @param record  the record.
 * @param field  the field's name.
 * @param value  the date.
 * @return #JY_OK, #JY_ENOTFOUND, #JY_EINVAL for another type or a date that
 *         does not exist.
 */
JY_API int jy_record_set_date(jy_record *record, const char *field, jy_date value);

/**
 * @brief Appends an item to a list field.
 * @param record  the record.
 * @param field  the list field's name.
 * @param item  NUL-terminated UTF-8 text, one item.
 * @return #JY_OK, #JY_ENOTFOUND, #JY_EINVAL for another type, an empty
 *         item, an item holding a list separator or not one of an
 *         enumeration's values, #JY_EUTF8, #JY_ENOMEM. On failure the list
 *         is left as it was.
 */
JY_API int jy_record_add_item(jy_record *record, const char *field, const char *item);

/**
 * @brief Clears a field (it becomes unset).
 * @param record  the record.
 * @param field  the field's name.
 * @return #JY_OK, #JY_ENOTFOUND for an unknown field.
 */
JY_API int jy_record_clear(jy_record *record, const char *field);

/**
 * @brief A field's value as text (any type; lists joined with `、`, dates
 * as `YYYY-MM-DD`, booleans `true`/`false`).
 *
 * @param[out] out  receives a string borrowed from the record, valid until
 *                  the field is changed or the record freed.
 * @param record  the record.
 * @param field   the field's name.
 * @return #JY_OK, #JY_ENOTFOUND for an unknown or unset field.
 */
JY_API int jy_record_get_text(const char **out, const jy_record *record, const char *field);

/**
 * @brief An integer, boolean or reference field's value.
 * @param[out] out  receives the value.
 * @param record  the record.
 * @param field  the field's name.
 * @return #JY_OK, #JY_ENOTFOUND for an unknown or unset field, #JY_EINVAL
 *         for a field of another type.
 */
JY_API int jy_record_get_int(int64_t *out, const jy_record *record, const char *field);

/**
 * @brief A real or integer field's value.
 * @param[out] out  receives the value.
 * @param record  the record.
 * @param field  the field's name.
 * @return #JY_OK, #JY_ENOTFOUND, #JY_EINVAL for a field of another type.
 */
JY_API int jy_record_get_real(double *out, const jy_record *record, const char *field);

/**
 * @brief A date field's value.
 * @param[out] out  receives the date.
 * @param record  the record.
 * @param field  the field's name.
 * @return #JY_OK, #JY_ENOTFOUND, #JY_EINVAL for a field of another type.
 */
JY_API int jy_record_get_date(jy_date *out, const jy_record *record, const char *field);

/**
 * @brief Number of items of a list field (0 when unset).
 * @param record  the record.
 * @param field  the list field's name.
 * @return the count; 0 for an unknown field or a field of another type.
 */
JY_API size_t jy_record_item_count(const jy_record *record, const char *field);

/**
 * @brief An item of a list field.
 *
 * @param[out] out  receives a string borrowed from the record (as for
 *                  jy_record_get_text()).
 * @param record  the record.
 * @param field  the list field's name.
 * @param index  0 to jy_record_item_count() - 1.
 * @return #JY_OK, #JY_ENOTFOUND for an unknown field or an index out of range.
 */
JY_API int jy_record_get_item(const char **out, const jy_record *record, const char *field,
                              size_t index);

/** @brief jy_record_to_json() flag: personal fields in clear (default: masked). */
#define JY_JSON_UNMASK 0x1u
/** @brief jy_record_to_json() flag: leave out the `type` member. */
#define JY_JSON_NO_TYPE 0x2u

/**
 * @brief A record as one line of JSON (no newline): `{"type": "...", ...}`.
 *
 * Unset fields are left out. Personal fields (#JY_FIELD_PERSONAL) are masked
 * unless #JY_JSON_UNMASK is given: ID numbers keep their first 6 and last 2
 * characters, phones their first 3 and last 4 digits, names their first
 * character.
 *
 * @param[out] out  receives a new string; release it with jy_free().
 * @param record  the record.
 * @param flags   `JY_JSON_*` flags.
 * @return #JY_OK, #JY_EINVAL on NULL arguments, #JY_ENOMEM.
 */
JY_API int jy_record_to_json(char **out, const jy_record *record, unsigned int flags);

/**
 * @brief A record from one JSON object.
 *
 * The kind comes from the object's `type` member, or from `kind` when the
 * object has none (pass 0 to require `type`). Members must be fields of the
 * kind (unknown members are an error, so that typos are not lost silently);
 * JSON strings, numbers, booleans, null and arrays of strings (lists) are
 * converted as jy_record_set_text() does.
 *
 * @param[out] out  receives the record; release it with jy_record_free().
 * @param json  the JSON text (one object).
 * @param len   its length in bytes.
 * @param kind  the kind to assume when there is no `type`, or 0.
 * @param[out] err  optional location of a failure (field, line, column).
 * @return #JY_OK, #JY_EPARSE for malformed JSON or a value of the wrong JSON
 *         type, #JY_ENOTFOUND for an unknown type or field, #JY_EINVAL for a
 *         value that does not convert, #JY_EUTF8, #JY_ENOMEM.
 */
JY_API int jy_record_from_json(jy_record **out, const char *json, size_t len, jy_kind kind,
                               jy_located_error *err);

JY_END_DECLS

#endif /* JIUYE_RECORD_H */
