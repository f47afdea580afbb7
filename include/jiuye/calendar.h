/**
 * @file jiuye/calendar.h
 * @brief China's working days (public holidays and make-up working days,
 * 调休), and the periods assessments are made over: days, ISO weeks,
 * calendar months and quarters, contract years.
 *
 * **Working days.** A ::jy_calendar knows, for each year it has data for,
 * the public holidays of the State Council's yearly notice (国务院办公厅关于
 * 部分节假日安排的通知): the days off (放假) and the weekend days worked
 * instead (调休上班). A day is a working day when it is a make-up working
 * day, or a Monday to Friday that is not a day off. The 2026 notice is
 * compiled into the library (jy_calendar_load_default()); further years load
 * from files of the same JSON format (docs/formats.md), and several years
 * combine into one calendar (jy_calendar_add_file()).
 *
 * **Coverage.** A calendar covers exactly the years it has data for. Asking
 * about any date of another year (is it a working day, how many working days
 * in a period) fails with #JY_ERANGE and a message naming the missing year:
 * the library never guesses a year whose notice it has not been given.
 *
 * **Periods.** A ::jy_period is an inclusive range of dates.
 * jy_period_split() cuts one into buckets of a ::jy_period_unit, and
 * jy_period_parse() / jy_period_format() read and write the labels ledgers
 * use ("2026-03", "2026-Q1", "2026-W10", "2026"). These functions need no
 * calendar.
 *
 * Lifecycle: load (and optionally extend) a calendar, then query it; release
 * it with jy_calendar_free(), which invalidates every pointer borrowed from
 * it (holiday names, ::jy_holiday structs).
 *
 * Thread-safety: a loaded calendar is immutable; any number of threads may
 * query one concurrently. Loading, adding years (jy_calendar_add_file(),
 * jy_calendar_add_buffer()) and freeing must not overlap with other use of
 * the same calendar: add every year first, then share it. The period
 * functions are pure and reentrant.
 */
#ifndef JIUYE_CALENDAR_H
#define JIUYE_CALENDAR_H

#include "jiuye/common.h"
#include "jiuye/date.h"
#include "jiuye/error.h"

JY_BEGIN_DECLS

/** @brief A calendar of working days for one or more years (opaque). */
typedef struct jy_calendar jy_calendar;

/**
 * @brief One public holiday of a year, as the State Council's notice sets it.
 *
 * Borrowed from its calendar (see jy_calendar_holiday_at()): valid until the
 * calendar is freed.
 */
typedef struct jy_holiday {
    const char *name;          /**< Name as in the notice, UTF-8 ("春节", "劳动节"). */
    int year;                  /**< The year of the notice (the data file's `year`). */
    jy_date first;             /**< First day off. */
    jy_date last;              /**< Last day off. */
    size_t off_count;          /**< Number of days off in `off` (at least 1). */
    const jy_date *off;        /**< The days off, ascending (usually `first` .. `last`, every day). */
    size_t makeup_count;       /**< Number of make-up working days in `makeup` (may be 0). */
    const jy_date *makeup;     /**< The make-up working days (调休上班, weekend days worked), ascending. */
} jy_holiday;

/**
 * @brief Creates an empty calendar that covers no year.
 *
 * Years are then added with jy_calendar_add_file() or
 * jy_calendar_add_buffer().
 *
 * @param[out] out  receives the calendar; release it with jy_calendar_free().
 *                  Set to NULL on failure.
 * @return #JY_OK, #JY_ENOMEM, or #JY_EINVAL if `out` is NULL.
 */
JY_API int jy_calendar_new(jy_calendar **out);

/**
 * @brief Loads the calendar compiled into the library: China's 2026 public
 * holidays and make-up working days (installed as
 * `share/jiuye/cn-holidays-2026.json`).
 *
 * @param[out] out  receives the calendar; release it with jy_calendar_free().
 *                  Set to NULL on failure.
 * @return #JY_OK, #JY_ENOMEM, or #JY_EINVAL if `out` is NULL.
 */
JY_API int jy_calendar_load_default(jy_calendar **out);

/**
 * @brief Loads a calendar from a JSON file of one year (format in
 * docs/formats.md).
 *
 * @param[out] out  receives the calendar covering that year; release it with
 *                  jy_calendar_free(). Set to NULL on failure.
 * @param path  file name, NUL-terminated.
 * @param[out] err  optional; on failure, the file, the field path (such as
 *                  `holidays[3].off[2]`) and the reason.
 * @return #JY_OK, #JY_EIO if the file cannot be read, #JY_EUTF8, #JY_EPARSE
 *         for malformed JSON, #JY_EINVAL for a well-formed file that breaks
 *         the format (a wrong type, a date that does not exist or lies outside
 *         the declared year, a day listed twice, a day both off and worked, a
 *         make-up working day that is not a Saturday or Sunday...),
 *         #JY_ENOMEM. A year's file may also list days of 25-31 December of
 *         the year before, as some notices do (docs/formats.md).
 */
JY_API int jy_calendar_load_file(jy_calendar **out, const char *path, jy_located_error *err);

/**
 * @brief Loads a calendar from JSON of one year in memory.
 *
 * Same as jy_calendar_load_file(), reading `len` bytes at `json`; the buffer
 * need not be NUL-terminated and is not kept.
 *
 * @param[out] out  receives the calendar, or NULL on failure.
 * @param json  the JSON text.
 * @param len   its length in bytes.
 * @param[out] err  optional location of a failure (source "<memory>").
 * @return as jy_calendar_load_file(), without #JY_EIO.
 */
JY_API int jy_calendar_load_buffer(jy_calendar **out, const char *json, size_t len,
                                   jy_located_error *err);

/**
 * @brief Adds the year of a JSON file (format in docs/formats.md) to a
 * calendar.
 *
 * All or nothing: on failure the calendar is unchanged.
 *
 * @param cal   the calendar (not in use by other threads during the call).
 * @param path  file name, NUL-terminated.
 * @param[out] err  optional; on failure, the file, the field path and the
 *                  reason.
 * @return as jy_calendar_load_file(), #JY_EEXISTS if the calendar already
 *         covers that year, and #JY_EINVAL if the file lists a day another
 *         year's data of the calendar already lists (a December day of the
 *         year before).
 */
JY_API int jy_calendar_add_file(jy_calendar *cal, const char *path, jy_located_error *err);

/**
 * @brief Adds the year of JSON in memory to a calendar.
 *
 * Same as jy_calendar_add_file(), reading `len` bytes at `json`.
 *
 * @param cal   the calendar.
 * @param json  the JSON text.
 * @param len   its length in bytes.
 * @param[out] err  optional location of a failure (source "<memory>").
 * @return as jy_calendar_add_file(), without #JY_EIO.
 */
JY_API int jy_calendar_add_buffer(jy_calendar *cal, const char *json, size_t len,
                                  jy_located_error *err);

/**
 * @brief Releases a calendar and everything borrowed from it.
 *
 * @param cal  the calendar; NULL is allowed and does nothing.
 */
JY_API void jy_calendar_free(jy_calendar *cal);

/**
 * @brief Number of years the calendar covers.
 * @return the count, or 0 if `cal` is NULL.
 */
JY_API size_t jy_calendar_year_count(const jy_calendar *cal);

/**
 * @brief A covered year, by index in ascending order.
 *
 * @param cal    the calendar.
 * @param index  0 to jy_calendar_year_count() - 1.
 * @return the year, or 0 if the index is out of range or `cal` is NULL.
 */
JY_API int jy_calendar_year_at(const jy_calendar *cal, size_t index);

/**
 * @brief Tells whether the calendar covers every day from `from` to `to`
 * (inclusive), that is, has data for each of their years.
 *
 * @param cal   the calendar.
 * @param from  first day.
 * @param to    last day, not before `from`.
 * @return #JY_OK if it does; #JY_ERANGE if not, the message naming the first
 *         missing year ("the calendar has no data for 2027; ..."); #JY_EINVAL
 *         for a NULL calendar, a date that does not exist or `to` before
 *         `from`.
 */
JY_API int jy_calendar_covers(const jy_calendar *cal, jy_date from, jy_date to);

/**
 * @brief Tells whether a day is a working day (工作日).
 *
 * @param[out] out  receives 1 for a working day (a make-up working day, or
 *                  a Monday to Friday that is not a day off), 0 otherwise.
 * @param cal  the calendar.
 * @param day  the day.
 * @return #JY_OK, #JY_ERANGE if the calendar has no data for the day's year,
 *         #JY_EINVAL for NULL arguments or a date that does not exist.
 */
JY_API int jy_calendar_is_workday(int *out, const jy_calendar *cal, jy_date day);

/**
 * @brief The public holiday a day off belongs to.
 *
 * @param[out] out  receives the holiday's name ("劳动节"), borrowed from the
 *                  calendar until it is freed; NULL when the day is not a
 *                  day off of a public holiday (ordinary days, weekends, and
 *                  make-up working days).
 * @param cal  the calendar.
 * @param day  the day.
 * @return #JY_OK (also when the day belongs to no holiday), #JY_ERANGE if the
 *         calendar has no data for the day's year, #JY_EINVAL for NULL
 *         arguments or a date that does not exist.
 */
JY_API int jy_calendar_holiday(const char **out, const jy_calendar *cal, jy_date day);

/**
 * @brief Counts the working days from `from` to `to`, both included.
 *
 * @param[out] out  receives the count.
 * @param cal   the calendar.
 * @param from  first day.
 * @param to    last day, not before `from`.
 * @return #JY_OK, #JY_ERANGE if the calendar does not cover the whole period
 *         (see jy_calendar_covers()), #JY_EINVAL for NULL arguments, a date
 *         that does not exist or `to` before `from`.
 */
JY_API int jy_calendar_workdays(long *out, const jy_calendar *cal, jy_date from, jy_date to);

/**
 * @brief Number of public holidays in the calendar, all years together.
 * @return the count, or 0 if `cal` is NULL.
 */
JY_API size_t jy_calendar_holiday_count(const jy_calendar *cal);

/**
 * @brief A public holiday by index, in order of their first day off (the
 * years in ascending order).
 *
 * @param cal    the calendar.
 * @param index  0 to jy_calendar_holiday_count() - 1.
 * @return a pointer borrowed from the calendar until it is freed, or NULL if
 *         the index is out of range or `cal` is NULL.
 */
JY_API const jy_holiday *jy_calendar_holiday_at(const jy_calendar *cal, size_t index);

/* ------------------------------------------------------------------------- */
/* Periods. */

/** @brief An inclusive range of days: `from` to `to`, both included. */
typedef struct jy_period {
    jy_date from;  /**< First day. */
    jy_date to;    /**< Last day, not before `from`. */
} jy_period;

/** @brief The buckets a period is cut into. */
typedef enum jy_period_unit {
    JY_PERIOD_DAY = 0,      /**< Single days. */
    JY_PERIOD_WEEK = 1,     /**< ISO weeks, Monday to Sunday. */
    JY_PERIOD_MONTH = 2,    /**< Calendar months. */
    JY_PERIOD_QUARTER = 3,  /**< Calendar quarters (January-March...). */
    JY_PERIOD_YEAR = 4      /**< In jy_period_split(), contract years from the signing date; in labels, calendar years. */
} jy_period_unit;

/** @brief One bucket of a split period (see jy_period_split()). */
typedef struct jy_bucket {
    jy_period period;  /**< The part of the bucket inside the split period. */
    jy_period full;    /**< The whole bucket (a whole week, month...), which may extend beyond the split period. */
    int partial;       /**< 1 if `period` is clipped (differs from `full`), 0 if the bucket is complete. */
} jy_bucket;

/**
 * @brief The contract year containing a day.
 *
 * Contract years run from the signing date to the day before its
 * anniversary: signed on 2026-03-15, the first contract year is 2026-03-15
 * .. 2027-03-14, the second 2027-03-15 .. 2028-03-14. For a contract signed
 * on 29 February, the anniversary in a common year is 1 March.
 *
 * @param[out] out  receives the contract year.
 * @param signed_on  the signing date, which starts the first contract year.
 * @param day  the day.
 * @return #JY_OK, #JY_ERANGE if `day` is before `signed_on` (or the year
 *         would pass 9999), #JY_EINVAL for a NULL `out` or a date that does
 *         not exist.
 */
JY_API int jy_contract_year(jy_period *out, jy_date signed_on, jy_date day);

/**
 * @brief Cuts a period into the buckets of a unit.
 *
 * Returns, in order, every bucket of `unit` that intersects `whole`, each
 * clipped to `whole`: splitting 2026-03-15 .. 2026-05-10 by month gives
 * 03-15..03-31 (partial), 04-01..04-30, 05-01..05-10 (partial). Weeks are
 * ISO weeks (Monday to Sunday), so a week may cross a month or a year;
 * months and quarters are calendar ones; #JY_PERIOD_YEAR buckets are
 * contract years starting on `contract_start` (see jy_contract_year()).
 *
 * @param[out] out  receives an array of buckets; release it with jy_free().
 *                  Set to NULL on failure.
 * @param[out] out_count  receives the number of buckets (at least 1).
 * @param whole  the period to split.
 * @param unit   the bucket unit.
 * @param contract_start  the signing date, used for #JY_PERIOD_YEAR only
 *                        (pass anything, such as a zeroed date, otherwise).
 * @return #JY_OK, #JY_EINVAL for NULL outputs, a date that does not exist,
 *         `whole.to` before `whole.from` or an unknown unit, #JY_ERANGE if
 *         `whole` starts before `contract_start` for #JY_PERIOD_YEAR,
 *         #JY_ENOMEM.
 */
JY_API int jy_period_split(jy_bucket **out, size_t *out_count, jy_period whole,
                           jy_period_unit unit, jy_date contract_start);

/**
 * @brief Parses a period label as ledgers write them.
 *
 * | label | unit | period |
 * | --- | --- | --- |
 * | `2026-03-05` | #JY_PERIOD_DAY | that day |
 * | `2026-W10` | #JY_PERIOD_WEEK | ISO week 10 of ISO year 2026 (2026-03-02 .. 03-08) |
 * | `2026-03` | #JY_PERIOD_MONTH | March 2026 |
 * | `2026-Q1` | #JY_PERIOD_QUARTER | 2026-01-01 .. 2026-03-31 |
 * | `2026` | #JY_PERIOD_YEAR | the calendar year 2026 |
 *
 * Labels are exact: four-digit years, two-digit months and weeks, an
 * upper-case `W` or `Q`, no spaces.
 *
 * @param[out] out  receives the period; untouched on failure.
 * @param[out] out_unit  receives its unit; may be NULL.
 * @param text  NUL-terminated label.
 * @return #JY_OK, #JY_EPARSE if the text has none of the forms above,
 *         #JY_EINVAL if it has the form of a period that does not exist
 *         (`2026-13`, `2026-Q5`, `2026-W54`, `2027-W53`, `2026-02-30`) or on
 *         NULL arguments.
 */
JY_API int jy_period_parse(jy_period *out, jy_period_unit *out_unit, const char *text);

/** @brief Size of the buffer jy_period_format() needs ("YYYY-MM-DD" and a NUL). */
#define JY_PERIOD_TEXT_SIZE 11

/**
 * @brief Formats a period as the label of its unit (see jy_period_parse()).
 *
 * The period must be exactly one bucket of the unit: one day, one Monday to
 * Sunday week (labelled with its ISO year, so 2027-01-01 lies in
 * `2026-W53`), one calendar month, quarter or year.
 *
 * @param[out] out  a caller-owned buffer of at least #JY_PERIOD_TEXT_SIZE
 *                  bytes; an empty string on failure.
 * @param period  the period.
 * @param unit    its unit.
 * @return #JY_OK, or #JY_EINVAL if the period is not one whole bucket of the
 *         unit, a date does not exist, the unit is unknown or `out` is NULL.
 */
JY_API int jy_period_format(char *out, jy_period period, jy_period_unit unit);

JY_END_DECLS

#endif /* JIUYE_CALENDAR_H */
