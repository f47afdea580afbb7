/* Calendar dates: validity, parsing, formatting, day numbers, ages. */
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

int jy_date_is_valid(jy_date d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
}

int jy_date_compare(jy_date a, jy_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

/* Days from civil (H. Hinnant's algorithm, public domain description). */
int jy_date_to_days(long *out, jy_date d)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_date_to_days: out is NULL");
    if (!jy_date_is_valid(d))
        return jy__error(JY_EINVAL, "date %d-%d-%d does not exist", d.year, d.month, d.day);
    long y = d.year - (d.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *out = era * 146097 + doe - 719468;
    return JY_OK;
}

int jy_date_from_days(jy_date *out, long days)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_date_from_days: out is NULL");
    /* 0001-01-01 is day -719162, 9999-12-31 is day 2932896. */
    if (days < -719162L || days > 2932896L)
        return jy__error(JY_ERANGE, "day number %ld is outside years 1..9999", days);
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    out->year = (int)(y + (m <= 2));
    out->month = (int)m;
    out->day = (int)d;
    return JY_OK;
}

int jy_date_format(char *out, jy_date d)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_date_format: out is NULL");
    if (!jy_date_is_valid(d)) {
        out[0] = '\0';
        return jy__error(JY_EINVAL, "date %d-%d-%d does not exist", d.year, d.month, d.day);
    }
    /* By hand: this runs for every date of every imported record. */
    out[0] = (char)('0' + d.year / 1000);
    out[1] = (char)('0' + d.year / 100 % 10);
    out[2] = (char)('0' + d.year / 10 % 10);
    out[3] = (char)('0' + d.year % 10);
    out[4] = '-';
    out[5] = (char)('0' + d.month / 10);
    out[6] = (char)('0' + d.month % 10);
    out[7] = '-';
    out[8] = (char)('0' + d.day / 10);
    out[9] = (char)('0' + d.day % 10);
    out[10] = '\0';
    return JY_OK;
}

int jy_date_weekday(int *out, jy_date date)
{
    long days = 0;
    if (!out)
        return jy__error(JY_EINVAL, "jy_date_weekday: out is NULL");
    if (jy_date_to_days(&days, date) != JY_OK)
        return JY_EINVAL;
    /* 1970-01-01 was a Thursday (4). */
    long r = (days + 3) % 7;
    *out = (int)(r < 0 ? r + 7 : r) + 1;
    return JY_OK;
}

int jy_date_age(int *out, jy_date birth, jy_date on)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_date_age: out is NULL");
    if (!jy_date_is_valid(birth) || !jy_date_is_valid(on))
        return jy__error(JY_EINVAL, "jy_date_age: a date does not exist");
    if (jy_date_compare(on, birth) < 0)
        return jy__error(JY_ERANGE, "jy_date_age: reference date is before the birth date");
    int age = on.year - birth.year;
    /* Birthday this year; 29 February counts as 1 March in common years. */
    int bm = birth.month, bd = birth.day;
    if (bm == 2 && bd == 29 && !is_leap(on.year)) {
        bm = 3;
        bd = 1;
    }
    if (on.month < bm || (on.month == bm && on.day < bd))
        age--;
    *out = age;
    return JY_OK;
}

int jy_date_today(jy_date *out)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_date_today: out is NULL");
    time_t now = time(NULL);
    struct tm tm;
    if (now == (time_t)-1 || !localtime_r(&now, &tm))
        return jy__error(JY_ERROR, "the system clock cannot be read");
    out->year = tm.tm_year + 1900;
    out->month = tm.tm_mon + 1;
    out->day = tm.tm_mday;
    return JY_OK;
}

/* Maps the accepted characters to a compact ASCII form: digits stay digits,
 * separators become '-', '年' 'Y', '月' 'M', '日'/'号' 'D'. Returns 0 if a
 * character is not part of any date form. */
static int simplify(char *buf, size_t size, const char *text)
{
    size_t len = strlen(text), i = 0, o = 0;
    while (i < len) {
        unsigned int cp;
        size_t n = jy__utf8_decode(text + i, len - i, &cp);
        if (n == 0)
            return 0;
        i += n;
        char c;
        if (cp >= '0' && cp <= '9')
            c = (char)cp;
        else if (cp >= 0xFF10 && cp <= 0xFF19)
            c = (char)('0' + (cp - 0xFF10));
        else if (cp == '-' || cp == '/' || cp == '.' || cp == 0xFF0D || cp == 0xFF0F ||
                 cp == 0xFF0E || cp == 0x2010 || cp == 0x2011 || cp == 0x2013)
            c = cp == '/' || cp == 0xFF0F ? '/' : (cp == '.' || cp == 0xFF0E ? '.' : '-');
        else if (cp == 0x5E74)
            c = 'Y';
        else if (cp == 0x6708)
            c = 'M';
        else if (cp == 0x65E5 || cp == 0x53F7)
            c = 'D';
        else if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == '\r' || cp == '\n')
            c = ' ';
        else
            return 0;
        if (o + 1 >= size)
            return 0;
        buf[o++] = c;
    }
    /* Trim the spaces at both ends; inner spaces are not part of a date. */
    while (o > 0 && buf[o - 1] == ' ')
        o--;
    buf[o] = '\0';
    size_t start = 0;
    while (buf[start] == ' ')
        start++;
    memmove(buf, buf + start, o - start + 1);
    return strchr(buf, ' ') == NULL;
}

/* Reads 1..max digits at *p into *out. */
static int digits(const char **p, int min, int max, int *out)
{
    int v = 0, n = 0;
    while (**p >= '0' && **p <= '9' && n < max) {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    if (n < min || (**p >= '0' && **p <= '9'))
        return 0;
    *out = v;
    return 1;
}

/* The canonical form, YYYY-MM-DD, read directly: it is what files
 * exported by the library and most imports hold. Returns 0 when the text is
 * not exactly in that form (the general parser then decides). */
static int parse_iso(jy_date *out, const char *t)
{
    for (int i = 0; i < 10; i++) {
        int digit = i != 4 && i != 7;
        if (digit ? (t[i] < '0' || t[i] > '9') : t[i] != '-')
            return 0;
    }
    if (t[10] != '\0')
        return 0;
    out->year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
    out->month = (t[5] - '0') * 10 + (t[6] - '0');
    out->day = (t[8] - '0') * 10 + (t[9] - '0');
    return 1;
}

int jy_date_parse(jy_date *out, const char *text)
{
    if (!out || !text)
        return jy__error(JY_EINVAL, "jy_date_parse: NULL argument");
    jy_date iso;
    if (parse_iso(&iso, text)) {
        if (!jy_date_is_valid(iso))
            return jy__error(JY_EINVAL, "date %04d-%02d-%02d does not exist", iso.year,
                             iso.month, iso.day);
        *out = iso;
        return JY_OK;
    }
    char buf[64];
    jy_date d = { 0, 0, 0 };
    if (!simplify(buf, sizeof buf, text) || buf[0] == '\0')
        return jy__error(JY_EPARSE, "not a date (expected a form such as 2026-03-05)");
    const char *p = buf;
    int ok = 0;
    if (strlen(buf) == 8 && strspn(buf, "0123456789") == 8) {
        d.year = (buf[0] - '0') * 1000 + (buf[1] - '0') * 100 + (buf[2] - '0') * 10 + (buf[3] - '0');
        d.month = (buf[4] - '0') * 10 + (buf[5] - '0');
        d.day = (buf[6] - '0') * 10 + (buf[7] - '0');
        ok = 1;
    } else if (digits(&p, 4, 4, &d.year)) {
        char sep = *p;
        if (sep == '-' || sep == '/' || sep == '.') {
            p++;
            ok = digits(&p, 1, 2, &d.month) && *p == sep && (p++, digits(&p, 1, 2, &d.day)) &&
                 *p == '\0';
        } else if (sep == 'Y') {
            p++;
            ok = digits(&p, 1, 2, &d.month) && *p == 'M' && (p++, digits(&p, 1, 2, &d.day)) &&
                 (*p == 'D' ? p[1] == '\0' : *p == '\0');
        }
    }
    if (!ok)
        return jy__error(JY_EPARSE, "not a date (expected a form such as 2026-03-05)");
    if (!jy_date_is_valid(d))
        return jy__error(JY_EINVAL, "date %04d-%02d-%02d does not exist", d.year, d.month, d.day);
    *out = d;
    return JY_OK;
}
