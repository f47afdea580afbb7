/* Validators: resident identity numbers (GB 11643-1999), unified social
 * credit codes (GB 32100-2015), mainland mobile phone numbers.
 *
 * Error messages name the rule and the character position, never the value:
 * the text being validated is personal data. */
#include "internal.h"

#include <string.h>

const char *jy_reason_str(int reason)
{
    switch (reason) {
    case JY_REASON_NONE: return "valid";
    case JY_REASON_EMPTY: return "nothing but spaces was given";
    case JY_REASON_UTF8: return "text is not well-formed UTF-8";
    case JY_REASON_LENGTH: return "wrong number of characters";
    case JY_REASON_CHARACTER: return "character not allowed at its position";
    case JY_REASON_CHECKSUM: return "check character does not match";
    case JY_REASON_BIRTH_DATE: return "birth date does not exist";
    case JY_REASON_BIRTH_RANGE: return "birth date is in the future or before 1900";
    case JY_REASON_REGION: return "region code does not exist and never existed";
    case JY_REASON_AUTHORITY: return "unknown registration authority or entity category";
    case JY_REASON_PREFIX: return "international prefix other than China's (+86)";
    case JY_REASON_NETWORK: return "not a mobile number (must start 13..19)";
    default: return "unknown reason";
    }
}

/* ------------------------------------------------------------------------
 * Input normalization shared by the three validators.
 *
 * Leading and trailing blanks (space, tab, CR, LF, U+3000) are dropped;
 * full-width digits and Latin letters become ASCII. Positions are 1-based
 * indexes into the characters that remain after the leading blanks.
 */

#define NORM_MAX 128 /* characters kept; longer text only gets counted */

typedef struct norm_text {
    unsigned int cp[NORM_MAX]; /* mapped code points */
    size_t len;                /* characters after trimming (may exceed NORM_MAX) */
    size_t bad_utf8;           /* 1-based position of an ill-formed sequence, 0 if none */
} norm_text;

static int is_blank(unsigned int cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0x3000;
}

static unsigned int map_fullwidth(unsigned int cp)
{
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return '0' + (cp - 0xFF10);
    if (cp >= 0xFF21 && cp <= 0xFF3A)
        return 'A' + (cp - 0xFF21);
    if (cp >= 0xFF41 && cp <= 0xFF5A)
        return 'a' + (cp - 0xFF41);
    return cp;
}

static void normalize(norm_text *nt, const char *text)
{
    size_t len = strlen(text), i = 0, count = 0;
    nt->len = 0;
    nt->bad_utf8 = 0;
    int leading = 1;
    while (i < len) {
        unsigned int cp = (unsigned char)text[i];
        size_t n = cp < 0x80 ? 1 : jy__utf8_decode(text + i, len - i, &cp);
        if (n == 0) {
            nt->bad_utf8 = count + 1;
            return;
        }
        i += n;
        if (leading && is_blank(cp))
            continue;
        leading = 0;
        if (count < NORM_MAX)
            nt->cp[count] = map_fullwidth(cp);
        count++;
        if (!is_blank(cp))
            nt->len = count; /* trailing blanks are not counted */
    }
}

static int is_digit(unsigned int c)
{
    return c >= '0' && c <= '9';
}

static int digit_at(const char *s, size_t i)
{
    return s[i] - '0';
}

/* Records the failure of `what` in the thread's last error, without the value. */
static int fail_message(const char *what, jy_reason reason, size_t position)
{
    if (position)
        return jy__error(JY_EINVAL, "%s is invalid: %s (character %zu)", what,
                         jy_reason_str((int)reason), position);
    return jy__error(JY_EINVAL, "%s is invalid: %s", what, jy_reason_str((int)reason));
}

/* ------------------------------------------------------------------------
 * Resident identity numbers.
 */

static const char ID_WHAT[] = "resident ID number";

static int id_fail(jy_id_info *out, jy_reason reason, size_t position)
{
    memset(out, 0, sizeof *out);
    out->reason = reason;
    out->position = position;
    return fail_message(ID_WHAT, reason, position);
}

/* The ISO 7064 MOD 11-2 check character of 17 digits. */
static char id_check_char(const char *d17)
{
    static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    int sum = 0;
    for (size_t i = 0; i < 17; i++)
        sum += digit_at(d17, i) * weights[i];
    int check = (12 - sum % 11) % 11;
    return check == 10 ? 'X' : (char)('0' + check);
}

int jy_id_parse(jy_id_info *out, const char *text)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_id_parse: out is NULL");
    if (!text) {
        id_fail(out, JY_REASON_EMPTY, 0);
        return jy__error(JY_EINVAL, "jy_id_parse: text is NULL");
    }
    norm_text nt;
    normalize(&nt, text);
    if (nt.bad_utf8)
        return id_fail(out, JY_REASON_UTF8, nt.bad_utf8);
    if (nt.len == 0)
        return id_fail(out, JY_REASON_EMPTY, 0);
    if (nt.len != 18 && nt.len != 15)
        return id_fail(out, JY_REASON_LENGTH, 0);

    /* Characters: digits, and X for the 18th. */
    char d[19];
    for (size_t i = 0; i < nt.len; i++) {
        unsigned int c = nt.cp[i];
        if (is_digit(c))
            d[i] = (char)c;
        else if (i == 17 && (c == 'X' || c == 'x'))
            d[i] = 'X';
        else
            return id_fail(out, JY_REASON_CHARACTER, i + 1);
    }
    d[nt.len] = '\0';

    /* Birth date, at characters 7.. in both forms. */
    int legacy = nt.len == 15;
    jy_date birth;
    if (legacy) {
        birth.year = 1900 + digit_at(d, 6) * 10 + digit_at(d, 7);
        birth.month = digit_at(d, 8) * 10 + digit_at(d, 9);
        birth.day = digit_at(d, 10) * 10 + digit_at(d, 11);
    } else {
        birth.year = digit_at(d, 6) * 1000 + digit_at(d, 7) * 100 + digit_at(d, 8) * 10 +
                     digit_at(d, 9);
        birth.month = digit_at(d, 10) * 10 + digit_at(d, 11);
        birth.day = digit_at(d, 12) * 10 + digit_at(d, 13);
    }
    if (!jy_date_is_valid(birth))
        return id_fail(out, JY_REASON_BIRTH_DATE, 7);
    jy_date today;
    if (birth.year < 1900 ||
        (jy_date_today(&today) == JY_OK && jy_date_compare(birth, today) > 0))
        return id_fail(out, JY_REASON_BIRTH_RANGE, 7);

    /* Check character; the legacy form gets one computed. */
    char number[19];
    if (legacy) {
        memcpy(number, d, 6);
        number[6] = '1';
        number[7] = '9';
        memcpy(number + 8, d + 6, 9);
        number[17] = id_check_char(number);
    } else {
        memcpy(number, d, 18);
        if (id_check_char(d) != d[17])
            return id_fail(out, JY_REASON_CHECKSUM, 18);
    }
    number[18] = '\0';

    /* Region: must have existed; not in force in the birth year is a warning. */
    char region[7];
    memcpy(region, number, 6);
    region[6] = '\0';
    int rc = jy__region_check(region, birth.year);
    if (rc < 0) {
        memset(out, 0, sizeof *out);
        return rc; /* the table could not be loaded; error recorded */
    }
    if (rc == JY__REGION_NEVER)
        return id_fail(out, JY_REASON_REGION, 1);

    memset(out, 0, sizeof *out);
    out->reason = JY_REASON_NONE;
    out->position = 0;
    if (rc == JY__REGION_NOT_IN_FORCE)
        out->warnings |= JY_WARN_REGION_NOT_IN_FORCE;
    if (legacy)
        out->warnings |= JY_WARN_LEGACY_15;
    memcpy(out->number, number, sizeof out->number);
    memcpy(out->region, region, sizeof out->region);
    out->birth = birth;
    out->gender = digit_at(number, 16) % 2 ? JY_GENDER_MALE : JY_GENDER_FEMALE;
    return JY_OK;
}

int jy_id_age(int *out, const jy_id_info *info, jy_date on)
{
    if (!out || !info)
        return jy__error(JY_EINVAL, "jy_id_age: NULL argument");
    /* The info must be what a successful jy_id_parse() left: a valid
     * canonical number whose birth date matches the struct's. */
    int ok = info->reason == JY_REASON_NONE && jy_date_is_valid(info->birth) &&
             memchr(info->number, '\0', sizeof info->number) != NULL &&
             strlen(info->number) == 18;
    if (ok) {
        for (size_t i = 6; i < 14; i++)
            ok = ok && is_digit((unsigned char)info->number[i]);
    }
    if (ok) {
        const char *n = info->number;
        int year = digit_at(n, 6) * 1000 + digit_at(n, 7) * 100 + digit_at(n, 8) * 10 +
                   digit_at(n, 9);
        int month = digit_at(n, 10) * 10 + digit_at(n, 11);
        int day = digit_at(n, 12) * 10 + digit_at(n, 13);
        ok = year == info->birth.year && month == info->birth.month && day == info->birth.day;
    }
    if (!ok)
        return jy__error(JY_EINVAL, "jy_id_age: the info does not hold a valid ID number");
    if (!jy_date_is_valid(on))
        return jy__error(JY_EINVAL, "jy_id_age: the reference date does not exist");
    return jy_date_age(out, info->birth, on);
}

/* ------------------------------------------------------------------------
 * Unified social credit codes.
 */

static const char USCC_WHAT[] = "unified social credit code";
/* GB 32100 alphabet: 0-9 and A-Y without I, O, Z, S, V; index = value. */
static const char USCC_ALPHABET[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int uscc_fail(jy_uscc_info *out, jy_reason reason, size_t position)
{
    memset(out, 0, sizeof *out);
    out->reason = reason;
    out->position = position;
    return fail_message(USCC_WHAT, reason, position);
}

/* Value of an upper-case character in the alphabet, or -1. */
static int uscc_value(char c)
{
    if (c == '\0')
        return -1;
    const char *p = strchr(USCC_ALPHABET, c);
    return p ? (int)(p - USCC_ALPHABET) : -1;
}

int jy_uscc_parse(jy_uscc_info *out, const char *text)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_uscc_parse: out is NULL");
    if (!text) {
        uscc_fail(out, JY_REASON_EMPTY, 0);
        return jy__error(JY_EINVAL, "jy_uscc_parse: text is NULL");
    }
    norm_text nt;
    normalize(&nt, text);
    if (nt.bad_utf8)
        return uscc_fail(out, JY_REASON_UTF8, nt.bad_utf8);
    if (nt.len == 0)
        return uscc_fail(out, JY_REASON_EMPTY, 0);
    if (nt.len != 18)
        return uscc_fail(out, JY_REASON_LENGTH, 0);

    char code[19];
    int values[18];
    for (size_t i = 0; i < 18; i++) {
        unsigned int c = nt.cp[i];
        if (c >= 'a' && c <= 'z')
            c -= 'a' - 'A';
        int v = c < 0x80 ? uscc_value((char)c) : -1;
        if (v < 0)
            return uscc_fail(out, JY_REASON_CHARACTER, i + 1);
        code[i] = (char)c;
        values[i] = v;
    }
    code[18] = '\0';

    /* Registration authority, then entity category (GB 32100 table 1: the
     * categories are 1-9 for every authority). */
    if (!strchr("123456789ANY", code[0]))
        return uscc_fail(out, JY_REASON_AUTHORITY, 1);
    if (code[1] < '1' || code[1] > '9')
        return uscc_fail(out, JY_REASON_AUTHORITY, 2);
    for (size_t i = 2; i < 8; i++)
        if (!is_digit((unsigned char)code[i]))
            return uscc_fail(out, JY_REASON_CHARACTER, i + 1);

    static const int weights[17] = { 1,  3,  9,  27, 19, 26, 16, 17, 20,
                                     29, 25, 13, 8,  24, 10, 30, 28 };
    int sum = 0;
    for (size_t i = 0; i < 17; i++)
        sum += values[i] * weights[i];
    if (values[17] != (31 - sum % 31) % 31)
        return uscc_fail(out, JY_REASON_CHECKSUM, 18);

    memset(out, 0, sizeof *out);
    out->reason = JY_REASON_NONE;
    memcpy(out->code, code, sizeof out->code);
    out->authority = code[0];
    out->category = code[1];
    memcpy(out->region, code + 2, 6);
    out->region[6] = '\0';
    return JY_OK;
}

/* ------------------------------------------------------------------------
 * Mobile phone numbers.
 */

static const char PHONE_WHAT[] = "mobile phone number";

static int phone_fail(jy_phone_info *out, jy_reason reason, size_t position)
{
    memset(out, 0, sizeof *out);
    out->reason = reason;
    out->position = position;
    return fail_message(PHONE_WHAT, reason, position);
}

/* Separators tolerated between digits: blanks, dashes, dots, parentheses
 * (ASCII and full-width). */
static int is_phone_separator(unsigned int c)
{
    return is_blank(c) || c == '-' || c == '.' || c == '(' || c == ')' || c == 0xFF0D ||
           c == 0xFF0E || c == 0xFF08 || c == 0xFF09 || c == 0x2010 || c == 0x2011 ||
           c == 0x2013 || c == 0x2014 || c == 0x2212;
}

#define PHONE_DIGITS_MAX 24

int jy_phone_parse(jy_phone_info *out, const char *text)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_phone_parse: out is NULL");
    if (!text) {
        phone_fail(out, JY_REASON_EMPTY, 0);
        return jy__error(JY_EINVAL, "jy_phone_parse: text is NULL");
    }
    norm_text nt;
    normalize(&nt, text);
    if (nt.bad_utf8)
        return phone_fail(out, JY_REASON_UTF8, nt.bad_utf8);
    if (nt.len == 0)
        return phone_fail(out, JY_REASON_EMPTY, 0);
    if (nt.len > NORM_MAX)
        return phone_fail(out, JY_REASON_LENGTH, 0);

    /* Collect the digits and their positions; a '+' may come first. */
    char digits[PHONE_DIGITS_MAX];
    size_t where[PHONE_DIGITS_MAX];
    size_t ndigits = 0, plus = 0;
    for (size_t i = 0; i < nt.len; i++) {
        unsigned int c = nt.cp[i];
        if (is_digit(c)) {
            if (ndigits < PHONE_DIGITS_MAX) {
                digits[ndigits] = (char)c;
                where[ndigits] = i + 1;
            }
            ndigits++;
        } else if ((c == '+' || c == 0xFF0B) && ndigits == 0 && plus == 0) {
            plus = i + 1;
        } else if (!is_phone_separator(c)) {
            return phone_fail(out, JY_REASON_CHARACTER, i + 1);
        }
    }
    if (ndigits > PHONE_DIGITS_MAX)
        return phone_fail(out, JY_REASON_LENGTH, 0);

    /* The country prefix: +86, 0086, or 86 before 11 digits. */
    size_t skip = 0;
    if (plus) {
        if (ndigits < 2 || digits[0] != '8' || digits[1] != '6')
            return phone_fail(out, JY_REASON_PREFIX, plus);
        skip = 2;
    } else if (ndigits >= 2 && digits[0] == '0' && digits[1] == '0') {
        if (ndigits < 4 || digits[2] != '8' || digits[3] != '6')
            return phone_fail(out, JY_REASON_PREFIX, where[0]);
        skip = 4;
    } else if (ndigits == 13 && digits[0] == '8' && digits[1] == '6') {
        skip = 2;
    }
    if (ndigits - skip != 11)
        return phone_fail(out, JY_REASON_LENGTH, 0);

    const char *national = digits + skip;
    if (national[0] != '1')
        return phone_fail(out, JY_REASON_NETWORK, where[skip]);
    if (national[1] < '3' || national[1] > '9')
        return phone_fail(out, JY_REASON_NETWORK, where[skip + 1]);

    memset(out, 0, sizeof *out);
    out->reason = JY_REASON_NONE;
    memcpy(out->number, national, 11);
    out->number[11] = '\0';
    return JY_OK;
}
