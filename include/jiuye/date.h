/**
 * @file jiuye/date.h
 * @brief Calendar dates (proleptic Gregorian), parsing, formatting and ages.
 *
 * Dates in libjiuye are plain values of type ::jy_date: no time of day and no
 * time zone, as in the ledgers the county keeps. Working days and holidays
 * are the business of the calendar module, not of this one.
 *
 * Thread-safety: every function here is reentrant and safe from any thread.
 */
#ifndef JIUYE_DATE_H
#define JIUYE_DATE_H

#include "jiuye/common.h"

JY_BEGIN_DECLS

/** @brief A calendar date. A zeroed struct is "no date" and is not valid. */
typedef struct jy_date {
    int year;   /**< Year, 1 to 9999. */
    int month;  /**< Month, 1 to 12. */
    int day;    /**< Day of the month, 1 to 28..31. */
} jy_date;

/**
 * @brief Tells whether a date exists (year 1..9999, real month and day,
 * 29 February only in leap years).
 *
 * @param date  the date to check.
 * @return 1 if it exists, 0 otherwise.
 */
JY_API int jy_date_is_valid(jy_date date);

/**
 * @brief Parses a date as people write it in county ledgers.
 *
 * Accepted forms (surrounding spaces ignored, full-width digits accepted):
 * `2026-03-05`, `2026-3-5`, `2026/3/5`, `2026.3.5`, `20260305` and
 * `2026年3月5日`.
 *
 * @param[out] out  receives the date; untouched on failure.
 * @param text  NUL-terminated UTF-8 text.
 * @return #JY_OK, #JY_EPARSE when the text is not a date in one of the
 *         forms above, #JY_EINVAL when it has the form of a date that does
 *         not exist (2026-02-30), or on NULL arguments.
 */
JY_API int jy_date_parse(jy_date *out, const char *text);

/** @brief Size of the buffer jy_date_format() needs: "YYYY-MM-DD" and a NUL. */
#define JY_DATE_TEXT_SIZE 11

/**
 * @brief Formats a date as ISO 8601 `YYYY-MM-DD`.
 *
 * @param[out] out  a caller-owned buffer of at least #JY_DATE_TEXT_SIZE bytes.
 * @param date  the date.
 * @return #JY_OK, or #JY_EINVAL if the date does not exist (`out` then holds
 *         an empty string) or `out` is NULL.
 */
JY_API int jy_date_format(char *out, jy_date date);

/**
 * @brief Orders two dates.
 *
 * @return a negative number, zero or a positive number as `a` is before,
 *         the same as, or after `b` (field by field; validity not checked).
 */
JY_API int jy_date_compare(jy_date a, jy_date b);

/**
 * @brief Converts a date to a day number: days since 1970-01-01.
 *
 * @param[out] out  receives the day number (negative before 1970).
 * @param date  the date.
 * @return #JY_OK, or #JY_EINVAL if the date does not exist or `out` is NULL.
 */
JY_API int jy_date_to_days(long *out, jy_date date);

/**
 * @brief Converts a day number (days since 1970-01-01) back to a date.
 *
 * @param[out] out  receives the date.
 * @param days  the day number.
 * @return #JY_OK, or #JY_ERANGE if the result falls outside years 1..9999,
 *         #JY_EINVAL if `out` is NULL.
 */
JY_API int jy_date_from_days(jy_date *out, long days);

/**
 * @brief The day of the week, ISO 8601 numbering.
 *
 * @param[out] out  receives 1 for Monday (星期一) to 7 for Sunday (星期日).
 * @param date  the date.
 * @return #JY_OK, or #JY_EINVAL if the date does not exist or `out` is NULL.
 */
JY_API int jy_date_weekday(int *out, jy_date date);

/**
 * @brief Age in completed years (周岁) on a given date.
 *
 * The age goes up on the birthday; someone born on 29 February gets one year
 * older on 1 March in common years.
 *
 * @param[out] out  receives the age.
 * @param birth  the birth date.
 * @param on     the reference date.
 * @return #JY_OK, #JY_EINVAL if a date does not exist or `out` is NULL,
 *         #JY_ERANGE if `on` is before `birth`.
 */
JY_API int jy_date_age(int *out, jy_date birth, jy_date on);

/**
 * @brief Today's date in the local time zone of the process.
 *
 * @param[out] out  receives the date.
 * @return #JY_OK, #JY_ERROR if the system clock cannot be read, #JY_EINVAL if
 *         `out` is NULL.
 */
JY_API int jy_date_today(jy_date *out);

JY_END_DECLS

#endif /* JIUYE_DATE_H */
