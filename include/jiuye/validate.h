/**
 * @file jiuye/validate.h
 * @brief Validators for the identifiers in county ledgers: resident identity
 * numbers (GB 11643-1999), unified social credit codes (GB 32100-2015) and
 * mainland mobile phone numbers.
 *
 * Each validator takes the text as people typed it, tolerates the harmless
 * variations (surrounding spaces, full-width digits, lower-case letters, a
 * 15-digit legacy ID number, a +86 prefix), and fills an info struct with the
 * canonical form and what can be derived from it. When the text is invalid
 * the same struct says precisely which rule failed (::jy_reason) and at which
 * character, so that import reports can point at it; jy_error_last() holds a
 * sentence saying the same. Neither ever repeats the number itself.
 *
 * Normalization, common to the three validators: leading and trailing blanks
 * (space, tab, CR, LF, U+3000 ideographic space) are ignored, and full-width
 * digits and Latin letters (U+FF10..FF19, U+FF21..FF3A, U+FF41..FF5A) read
 * as their ASCII forms. A `position` counts characters (not bytes) of the
 * text after its leading blanks, from 1; for text that is not well-formed
 * UTF-8 it is the character at which the ill-formed sequence starts. When
 * `text` is NULL the info says #JY_REASON_EMPTY.
 *
 * Region codes are checked against the historical table of China's county
 * codes compiled into the library (data/china-county-codes-historical.tsv
 * and the current list): a code that never existed is an error, a code that
 * was not in force in the birth year is only a warning
 * (#JY_WARN_REGION_NOT_IN_FORCE), because ID numbers are not renumbered when
 * counties are (Xingan was 362424 before 2000 and is 360824 since). The
 * years of a period are inclusive (both codes are in force in 2000). The
 * table also holds the province- and prefecture-level codes (`xx0000`,
 * `xxxx00`), which count as existing; the statistics-only development-zone
 * codes of the current list (5th digit 7) are left out, and current codes
 * the historical table lacks count as in force in every year.
 *
 * Thread-safety: every function here is reentrant and safe from any thread.
 */
#ifndef JIUYE_VALIDATE_H
#define JIUYE_VALIDATE_H

#include "jiuye/common.h"
#include "jiuye/date.h"

JY_BEGIN_DECLS

/** @brief Which validation rule failed. The numbers are never renumbered. */
typedef enum jy_reason {
    JY_REASON_NONE = 0,         /**< Valid: no rule failed. */
    JY_REASON_EMPTY = 1,        /**< Nothing but spaces was given. */
    JY_REASON_UTF8 = 2,         /**< The text is not well-formed UTF-8. */
    JY_REASON_LENGTH = 3,       /**< Wrong number of characters. */
    JY_REASON_CHARACTER = 4,    /**< A character not allowed at its position (see `position`). */
    JY_REASON_CHECKSUM = 5,     /**< The check character does not match the others. */
    JY_REASON_BIRTH_DATE = 6,   /**< The birth date encoded in an ID number does not exist. */
    JY_REASON_BIRTH_RANGE = 7,  /**< The birth date is in the future or before 1900. */
    JY_REASON_REGION = 8,       /**< The region code is not a county-level code that exists or existed. */
    JY_REASON_AUTHORITY = 9,    /**< Credit code: unknown registration authority or entity category. */
    JY_REASON_PREFIX = 10,      /**< Phone: an international prefix other than China's (+86). */
    JY_REASON_NETWORK = 11      /**< Phone: not a mobile number (must start 13..19). */
} jy_reason;

/**
 * @brief A short English description of a ::jy_reason ("check character
 * does not match"...).
 *
 * @return a static string, never NULL ("unknown reason" for other values).
 */
JY_API const char *jy_reason_str(int reason);

/** @brief Warning: the ID number's region code was not in force in the birth year. */
#define JY_WARN_REGION_NOT_IN_FORCE 0x1u
/** @brief Warning: the ID number was given in the 15-digit legacy form and converted. */
#define JY_WARN_LEGACY_15 0x2u

/** @brief Gender as encoded in an ID number (values as in GB/T 2261.1). */
typedef enum jy_gender {
    JY_GENDER_UNKNOWN = 0,  /**< Not known. */
    JY_GENDER_MALE = 1,     /**< Male: odd sequence digit. */
    JY_GENDER_FEMALE = 2    /**< Female: even sequence digit. */
} jy_gender;

/** @brief What jy_id_parse() learned about a resident identity number. */
typedef struct jy_id_info {
    jy_reason reason;     /**< #JY_REASON_NONE when valid, else the rule that failed. */
    size_t position;      /**< 1-based character position of the offending character
                               in the text as given (after leading blanks); 0 if the
                               failure concerns the whole number (empty, length). For
                               a field: 7, the start of the birth date, for
                               #JY_REASON_BIRTH_DATE and #JY_REASON_BIRTH_RANGE (also in
                               the 15-digit form); 18 for #JY_REASON_CHECKSUM; 1 for
                               #JY_REASON_REGION. */
    unsigned warnings;    /**< Bit set of `JY_WARN_*` for a valid but implausible number. */
    char number[19];      /**< Canonical 18-character form (upper-case X); empty when invalid. */
    char region[7];       /**< The 6-digit region code of registration. */
    jy_date birth;        /**< Birth date. */
    jy_gender gender;     /**< Gender. */
} jy_id_info;

/**
 * @brief Validates a resident identity number (GB 11643-1999) and decodes it.
 *
 * Accepts the 18-character form with its ISO 7064 MOD 11-2 check character
 * (`X` or `x`), and the 15-digit legacy form (birth year 19YY), which is
 * converted to 18 characters and flagged with #JY_WARN_LEGACY_15. Leading and
 * trailing spaces are ignored and full-width digits accepted. Checks, in
 * order: length, characters, birth date exists, birth date not before 1900
 * and not after today, check character, region code exists or existed.
 *
 * @param[out] out  always filled: on success with the canonical number, birth
 *                  date, gender and region; on failure with `reason` and
 *                  `position`.
 * @param text  NUL-terminated UTF-8 text.
 * @return #JY_OK (check `out->warnings`), or #JY_EINVAL when the number is
 *         invalid or an argument is NULL (the message names the rule), or
 *         #JY_ENOMEM if the region table could not be loaded.
 */
JY_API int jy_id_parse(jy_id_info *out, const char *text);

/**
 * @brief Age in completed years on a date, from a valid ID number's info.
 *
 * @param[out] out  receives the age.
 * @param info  a struct filled by a successful jy_id_parse().
 * @param on    the reference date (for the labor survey, the survey date).
 * @return #JY_OK, #JY_EINVAL if `info` does not hold a valid number or `on`
 *         does not exist, #JY_ERANGE if `on` is before the birth date.
 */
JY_API int jy_id_age(int *out, const jy_id_info *info, jy_date on);

/**
 * @brief Name of the county-level division a region code designated.
 *
 * @param[out] out  receives a borrowed pointer to a UTF-8 name in static
 *                  storage (valid for the life of the process).
 * @param code  a 6-digit region code, NUL-terminated.
 * @param year  the year of interest, or 0 for the most recent name (a code
 *              no longer in force gives its last name).
 * @return #JY_OK, #JY_ENOTFOUND if the code never existed (or not in that
 *         year), #JY_EINVAL on NULL arguments, a malformed code or a
 *         negative year.
 */
JY_API int jy_region_name(const char **out, const char *code, int year);

/** @brief What jy_uscc_parse() learned about a unified social credit code. */
typedef struct jy_uscc_info {
    jy_reason reason;     /**< #JY_REASON_NONE when valid, else the rule that failed. */
    size_t position;      /**< 1-based position of the offending character (18 for
                               #JY_REASON_CHECKSUM, 1 or 2 for #JY_REASON_AUTHORITY);
                               0 if none. */
    char code[19];        /**< Canonical 18-character form (upper case); empty when invalid. */
    char authority;       /**< Registration authority character (9 = market regulation...). */
    char category;        /**< Entity category character. */
    char region[7];       /**< The 6-digit region code of registration. */
} jy_uscc_info;

/**
 * @brief Validates a unified social credit code (GB 32100-2015).
 *
 * 18 characters from the 31-symbol alphabet `0-9 A-Y` without I, O, Z, S, V;
 * a known registration authority (1-9, A, N, Y) and a digit entity category
 * (1-9: GB 32100 assigns no category 0); a 6-digit region; the MOD 31 check
 * character, checked in that order. A letter in the region is
 * #JY_REASON_CHARACTER. Lower-case letters,
 * full-width characters and surrounding spaces are accepted and normalized.
 * The region is not required to exist (enterprises keep their code when
 * divisions change).
 *
 * @param[out] out  always filled (see ::jy_uscc_info).
 * @param text  NUL-terminated UTF-8 text.
 * @return #JY_OK, or #JY_EINVAL when the code is invalid or an argument is NULL.
 */
JY_API int jy_uscc_parse(jy_uscc_info *out, const char *text);

/** @brief What jy_phone_parse() learned about a mobile phone number. */
typedef struct jy_phone_info {
    jy_reason reason;     /**< #JY_REASON_NONE when valid, else the rule that failed. */
    size_t position;      /**< 1-based position of the offending character; 0 if none. */
    char number[12];      /**< The 11 digits; empty when invalid. */
} jy_phone_info;

/**
 * @brief Validates a mainland China mobile number.
 *
 * 11 digits, the first 1 and the second 3 to 9. Tolerates spaces, dashes,
 * dots and parentheses between digits (ASCII or full-width), full-width
 * digits, and a `+86`, `0086` or `86` prefix (a prefix followed by 11
 * digits). A `+` is allowed only before the first digit; `+` or `00`
 * followed by another country code is #JY_REASON_PREFIX (position of the
 * `+` or of the first `0`); #JY_REASON_NETWORK points at the offending
 * first or second digit of the national number.
 *
 * @param[out] out  always filled (see ::jy_phone_info).
 * @param text  NUL-terminated UTF-8 text.
 * @return #JY_OK, or #JY_EINVAL when the number is invalid or an argument is NULL.
 */
JY_API int jy_phone_parse(jy_phone_info *out, const char *text);

JY_END_DECLS

#endif /* JIUYE_VALIDATE_H */
