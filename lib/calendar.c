/* China's working days (public holidays and make-up working days, 调休) and
 * assessment periods (days, ISO weeks, months, quarters, contract years).
 *
 * A calendar is a set of years, each loaded from one JSON file of the
 * State Council's notice (format in docs/formats.md). It keeps:
 *  - the years, ascending, each owning its holidays (jy_holiday structs and
 *    their date arrays, never moved once built, so pointers handed out stay
 *    valid while years are added);
 *  - every special day of every year (days off, make-up working days) in one
 *    array sorted by day number, for binary search and fast range counts.
 * Nothing changes after loading except by jy_calendar_add_*(), which builds
 * the new arrays completely before swapping them in (all or nothing).
 *
 * A day is a working day when it is a make-up working day, or a Monday to
 * Friday that is not a day off. Days of years without data are errors
 * (JY_ERANGE), never guesses. A year's file may list days of 25-31 December
 * of the year before (notices sometimes do); no day may be listed twice,
 * within a file or across the calendar's files.
 */
#include "internal.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Largest calendar file accepted (a year is about 2 KiB). */
#define CALENDAR_FILE_MAX ((size_t)4 * 1024 * 1024)
/* Room for a field path. */
#define PATH_BUF 64

enum { DAY_OFF = 1, DAY_MAKEUP = 2 };

/* A year's file may list days from this day of December of the year before. */
#define SPILL_FIRST_DAY 25

typedef struct special {
    long day;                  /* days since 1970-01-01 */
    int kind;                  /* DAY_OFF or DAY_MAKEUP */
    const jy_holiday *holiday; /* the holiday it belongs to */
} special;

typedef struct year_data {
    int year;
    size_t holiday_count;
    jy_holiday *holidays;      /* sorted by first day off */
} year_data;

struct jy_calendar {
    size_t year_count;
    year_data **years;         /* ascending by year */
    size_t special_count;
    special *specials;         /* ascending by day */
    size_t holiday_count;      /* all years together */
};

/* ------------------------------------------------------------------------- */
/* Day arithmetic. */

static long floor_div(long a, long b)
{
    long q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

/* 0 = Monday .. 6 = Sunday; day 0 (1970-01-01) was a Thursday. */
static int weekday_of(long day)
{
    return (int)(day + 3 - 7 * floor_div(day + 3, 7));
}

/* Monday to Friday among day numbers below n. */
static long weekdays_below(long n)
{
    long m = n + 3;            /* day -3 (1969-12-29) was a Monday */
    long weeks = floor_div(m, 7);
    long rest = m - 7 * weeks;
    return 5 * weeks + (rest < 5 ? rest : 5);
}

static long to_days(jy_date d)
{
    long n = 0;
    (void)jy_date_to_days(&n, d);   /* callers check validity first */
    return n;
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static jy_date make_date(int y, int m, int d)
{
    jy_date r = { y, m, d };
    return r;
}

/* ------------------------------------------------------------------------- */
/* Freeing. */

static void year_free(year_data *y)
{
    if (!y)
        return;
    for (size_t i = 0; i < y->holiday_count; i++) {
        jy_holiday *h = &y->holidays[i];
        free((char *)(uintptr_t)h->name);
        free((jy_date *)(uintptr_t)h->off);
        free((jy_date *)(uintptr_t)h->makeup);
    }
    free(y->holidays);
    free(y);
}

void jy_calendar_free(jy_calendar *cal)
{
    if (!cal)
        return;
    for (size_t i = 0; i < cal->year_count; i++)
        year_free(cal->years[i]);
    free(cal->years);
    free(cal->specials);
    free(cal);
}

int jy_calendar_new(jy_calendar **out)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_calendar_new: out is NULL");
    *out = jy__calloc(1, sizeof **out);
    return *out ? JY_OK : JY_ENOMEM;
}

static const special *find_special(const jy_calendar *cal, long day);
static int has_year(const jy_calendar *cal, int year);

/* ------------------------------------------------------------------------- */
/* Loading one year. */

typedef struct loader {
    jy_located_error *err;
    int year;
    const jy_calendar *cal;    /* the calendar the year is added to */
} loader;

/* A special day while a year is checked: where it was written. */
typedef struct entry {
    long day;
    int kind;
    size_t holiday;    /* index in the file's holidays array */
    size_t index;      /* index in its off / makeup_workdays array */
} entry;

static const char *type_name(const cJSON *item)
{
    if (cJSON_IsString(item))
        return "a string";
    if (cJSON_IsNumber(item))
        return "a number";
    if (cJSON_IsBool(item))
        return "a boolean";
    if (cJSON_IsNull(item))
        return "null";
    if (cJSON_IsArray(item))
        return "an array";
    if (cJSON_IsObject(item))
        return "an object";
    return "invalid";
}

static int fail(loader *ld, int code, const char *field, const char *fmt, ...) JY__PRINTF(4, 5);

static int fail(loader *ld, int code, const char *field, const char *fmt, ...)
{
    char text[JY_LOCATION_TEXT_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return jy__located(ld->err, code, 0, 0, 0, field, "%s", text);
}

/* A field path, truncated if it must be (reported paths are bounded). */
static void pathf(char *buf, size_t size, const char *fmt, ...) JY__PRINTF(3, 4);

static void pathf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (vsnprintf(buf, size, fmt, ap) < 0)
        buf[0] = '\0';
    va_end(ap);
}

static void entry_path(char *buf, size_t size, const entry *e)
{
    if (e->holiday == SIZE_MAX)
        pathf(buf, size, "makeup_workdays[%zu]", e->index);
    else
        pathf(buf, size, "holidays[%zu].%s[%zu]", e->holiday,
                 e->kind == DAY_OFF ? "off" : "makeup_workdays", e->index);
}

static int digits_at(const char *s, size_t from, size_t count, int *out)
{
    int v = 0;
    for (size_t i = from; i < from + count; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

/* A date string "YYYY-MM-DD" of the declared year. */
static int get_date(loader *ld, const cJSON *item, const char *path, jy_date *out)
{
    if (!cJSON_IsString(item) || !item->valuestring)
        return fail(ld, JY_EINVAL, path, "must be a date string \"YYYY-MM-DD\", not %s",
                    type_name(item));
    const char *s = item->valuestring;
    jy_date d;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits_at(s, 0, 4, &d.year) ||
        !digits_at(s, 5, 2, &d.month) || !digits_at(s, 8, 2, &d.day))
        return fail(ld, JY_EINVAL, path, "must be a date written YYYY-MM-DD");
    if (!jy_date_is_valid(d))
        return fail(ld, JY_EINVAL, path, "%s is not a date that exists", s);
    /* A notice may reach into the last days of December before its year
     * (2012: 2011-12-31 worked; 2019: 2018-12-29 worked, 30-31 off). */
    if (d.year != ld->year && !(d.year == ld->year - 1 && d.month == 12 && d.day >= SPILL_FIRST_DAY))
        return fail(ld, JY_EINVAL, path,
                    "%s lies outside the declared year %d (only %d-12-%02d .. %d-12-31 may "
                    "precede it)", s, ld->year, ld->year - 1, SPILL_FIRST_DAY, ld->year - 1);
    *out = d;
    return JY_OK;
}

/* An optional or required array of dates; fills dates[] and entries. */
static int get_dates(loader *ld, const cJSON *obj, const char *key, const char *base,
                     int required, jy_date **out_dates, size_t *out_count)
{
    char path[PATH_BUF];
    pathf(path, sizeof path, "%s%s%s", base, *base ? "." : "", key);
    *out_dates = NULL;
    *out_count = 0;
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!arr) {
        if (required)
            return fail(ld, JY_EINVAL, base, "missing member '%s'", key);
        return JY_OK;
    }
    if (!cJSON_IsArray(arr))
        return fail(ld, JY_EINVAL, path, "must be an array of dates, not %s", type_name(arr));
    size_t n = (size_t)cJSON_GetArraySize(arr);
    if (n == 0) {
        if (required)
            return fail(ld, JY_EINVAL, path, "must list at least one day");
        return JY_OK;
    }
    jy_date *dates = jy__calloc(n, sizeof *dates);
    if (!dates)
        return fail(ld, JY_ENOMEM, path, "out of memory");
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, arr) {
        char ipath[PATH_BUF];
        pathf(ipath, sizeof ipath, "%s[%zu]", path, i);
        int rc = get_date(ld, item, ipath, &dates[i]);
        if (rc != JY_OK) {
            free(dates);
            return rc;
        }
        i++;
    }
    *out_dates = dates;
    *out_count = n;
    return JY_OK;
}

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    /* File order among equal days, so that the later one is reported. */
    if (x->holiday != y->holiday)
        return x->holiday < y->holiday ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return x->index < y->index ? -1 : (x->index > y->index);
}

static int cmp_date(const void *a, const void *b)
{
    return jy_date_compare(*(const jy_date *)a, *(const jy_date *)b);
}

static int cmp_holiday(const void *a, const void *b)
{
    return jy_date_compare(((const jy_holiday *)a)->first, ((const jy_holiday *)b)->first);
}

static const char *const WEEKDAY_NAMES[7] = { "Monday", "Tuesday", "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday" };

static int load_holiday(loader *ld, const cJSON *ho, size_t hi, jy_holiday *h)
{
    char base[PATH_BUF], path[PATH_BUF];
    pathf(base, sizeof base, "holidays[%zu]", hi);
    if (!cJSON_IsObject(ho))
        return fail(ld, JY_EINVAL, base, "must be an object, not %s", type_name(ho));

    pathf(path, sizeof path, "%s.name", base);
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(ho, "name");
    if (!name)
        return fail(ld, JY_EINVAL, base, "missing member 'name'");
    if (!cJSON_IsString(name) || !name->valuestring)
        return fail(ld, JY_EINVAL, path, "must be a string, not %s", type_name(name));
    size_t nlen = strlen(name->valuestring);
    int blank = 1;
    for (size_t i = 0; i < nlen; i++) {
        unsigned char c = (unsigned char)name->valuestring[i];
        if (c < 0x20 || c == 0x7F)
            return fail(ld, JY_EINVAL, path, "must not contain control characters");
        if (c != ' ')
            blank = 0;
    }
    if (blank)
        return fail(ld, JY_EINVAL, path, "must not be empty");

    jy_date *off = NULL, *makeup = NULL;
    size_t noff = 0, nmakeup = 0;
    int rc = get_dates(ld, ho, "off", base, 1, &off, &noff);
    if (rc != JY_OK)
        return rc;
    h->off = off;   /* owned by h from here on, freed with the year */
    h->off_count = noff;
    rc = get_dates(ld, ho, "makeup_workdays", base, 0, &makeup, &nmakeup);
    if (rc != JY_OK)
        return rc;
    h->makeup = makeup;
    h->makeup_count = nmakeup;
    for (size_t i = 0; i < nmakeup; i++) {
        int wd = weekday_of(to_days(makeup[i]));
        if (wd < 5) {
            pathf(path, sizeof path, "%s.makeup_workdays[%zu]", base, i);
            char text[JY_DATE_TEXT_SIZE];
            jy_date_format(text, makeup[i]);
            return fail(ld, JY_EINVAL, path,
                        "%s is a %s, a working day anyway: make-up working days are "
                        "Saturdays or Sundays", text, WEEKDAY_NAMES[wd]);
        }
    }
    h->name = jy__strdup(name->valuestring);
    if (!h->name)
        return fail(ld, JY_ENOMEM, path, "out of memory");
    h->year = ld->year;
    return JY_OK;
}

/* Checks that no day is listed twice, nor both off and worked, and that the
 * optional top-level list of make-up days matches the holidays' lists. */
static int check_days(loader *ld, const year_data *y, const cJSON *root)
{
    size_t n = 0;
    for (size_t i = 0; i < y->holiday_count; i++)
        n += y->holidays[i].off_count + y->holidays[i].makeup_count;
    entry *es = jy__calloc(n ? n : 1, sizeof *es);
    if (!es)
        return fail(ld, JY_ENOMEM, NULL, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < y->holiday_count; i++) {
        const jy_holiday *h = &y->holidays[i];
        for (size_t j = 0; j < h->off_count; j++)
            es[k++] = (entry){ to_days(h->off[j]), DAY_OFF, i, j };
        for (size_t j = 0; j < h->makeup_count; j++)
            es[k++] = (entry){ to_days(h->makeup[j]), DAY_MAKEUP, i, j };
    }
    qsort(es, n, sizeof *es, cmp_entry);
    int rc = JY_OK;
    for (size_t i = 1; i < n && rc == JY_OK; i++) {
        if (es[i].day != es[i - 1].day)
            continue;
        char here[PATH_BUF], there[PATH_BUF];
        entry_path(here, sizeof here, &es[i]);
        entry_path(there, sizeof there, &es[i - 1]);
        if (es[i].kind != es[i - 1].kind)
            rc = fail(ld, JY_EINVAL, here,
                      "a day cannot be both a day off and a make-up working day "
                      "(also listed at %s)", there);
        else
            rc = fail(ld, JY_EINVAL, here, "the day is listed twice (also at %s)", there);
    }

    /* A day of the year before may already be listed by that year's data. */
    for (size_t i = 0; i < n && rc == JY_OK; i++) {
        const special *other = find_special(ld->cal, es[i].day);
        if (other) {
            char here[PATH_BUF];
            entry_path(here, sizeof here, &es[i]);
            rc = fail(ld, JY_EINVAL, here, "the day is already listed by the calendar's %d data "
                      "(%s)", other->holiday->year, other->holiday->name);
        }
    }

    /* The top-level list, when present, must be exactly the holidays' make-up days. */
    const cJSON *top = rc == JY_OK ? cJSON_GetObjectItemCaseSensitive(root, "makeup_workdays") : NULL;
    if (top) {
        jy_date *days = NULL;
        size_t nd = 0;
        rc = get_dates(ld, root, "makeup_workdays", "", 0, &days, &nd);
        for (size_t i = 0; i < nd && rc == JY_OK; i++) {
            long d = to_days(days[i]);
            int found = 0;
            for (size_t j = 0; j < n; j++)
                if (es[j].day == d && es[j].kind == DAY_MAKEUP)
                    found = 1;
            char path[PATH_BUF];
            pathf(path, sizeof path, "makeup_workdays[%zu]", i);
            if (!found)
                rc = fail(ld, JY_EINVAL, path,
                          "not a make-up working day of any holiday: list it in its "
                          "holiday's makeup_workdays");
            for (size_t j = 0; j < i && rc == JY_OK; j++)
                if (jy_date_compare(days[j], days[i]) == 0)
                    rc = fail(ld, JY_EINVAL, path, "the day is listed twice (also at "
                              "makeup_workdays[%zu])", j);
        }
        for (size_t j = 0; j < n && rc == JY_OK; j++) {
            if (es[j].kind != DAY_MAKEUP)
                continue;
            int found = 0;
            for (size_t i = 0; i < nd; i++)
                if (to_days(days[i]) == es[j].day)
                    found = 1;
            if (!found) {
                char path[PATH_BUF];
                entry_path(path, sizeof path, &es[j]);
                rc = fail(ld, JY_EINVAL, path,
                          "missing from the top-level makeup_workdays list");
            }
        }
        free(days);
    }
    free(es);
    return rc;
}

static int build_year(loader *ld, const cJSON *root, year_data **out)
{
    *out = NULL;
    if (!cJSON_IsObject(root))
        return fail(ld, JY_EINVAL, NULL, "the calendar must be a JSON object, not %s",
                    type_name(root));
    const cJSON *yi = cJSON_GetObjectItemCaseSensitive(root, "year");
    if (!yi)
        return fail(ld, JY_EINVAL, NULL, "missing member 'year'");
    if (!cJSON_IsNumber(yi))
        return fail(ld, JY_EINVAL, "year", "must be a number, not %s", type_name(yi));
    if (!(yi->valuedouble >= 1 && yi->valuedouble <= 9999) ||
        yi->valuedouble != (double)(int)yi->valuedouble)
        return fail(ld, JY_EINVAL, "year", "must be a whole year from 1 to 9999");
    ld->year = (int)yi->valuedouble;
    if (has_year(ld->cal, ld->year))
        return fail(ld, JY_EEXISTS, "year", "the calendar already has data for %d", ld->year);

    const cJSON *hs = cJSON_GetObjectItemCaseSensitive(root, "holidays");
    if (!hs)
        return fail(ld, JY_EINVAL, NULL, "missing member 'holidays'");
    if (!cJSON_IsArray(hs))
        return fail(ld, JY_EINVAL, "holidays", "must be an array, not %s", type_name(hs));
    size_t n = (size_t)cJSON_GetArraySize(hs);
    if (n == 0)
        return fail(ld, JY_EINVAL, "holidays",
                    "must list the year's public holidays (it is empty)");

    year_data *y = jy__calloc(1, sizeof *y);
    if (!y)
        return fail(ld, JY_ENOMEM, NULL, "out of memory");
    y->year = ld->year;
    y->holidays = jy__calloc(n, sizeof *y->holidays);
    if (!y->holidays) {
        free(y);
        return fail(ld, JY_ENOMEM, NULL, "out of memory");
    }
    int rc = JY_OK;
    size_t hi = 0;
    const cJSON *ho;
    cJSON_ArrayForEach(ho, hs) {
        y->holiday_count = hi + 1;   /* so that year_free() releases it */
        if ((rc = load_holiday(ld, ho, hi, &y->holidays[hi])) != JY_OK)
            break;
        hi++;
    }
    if (rc == JY_OK)
        rc = check_days(ld, y, root);
    if (rc != JY_OK) {
        year_free(y);
        return rc;
    }
    for (size_t i = 0; i < n; i++) {
        jy_holiday *h = &y->holidays[i];
        qsort((jy_date *)(uintptr_t)h->off, h->off_count, sizeof *h->off, cmp_date);
        if (h->makeup_count)
            qsort((jy_date *)(uintptr_t)h->makeup, h->makeup_count, sizeof *h->makeup, cmp_date);
        h->first = h->off[0];
        h->last = h->off[h->off_count - 1];
    }
    qsort(y->holidays, n, sizeof *y->holidays, cmp_holiday);
    *out = y;
    return JY_OK;
}

static int cmp_special(const void *a, const void *b)
{
    const special *x = a, *y = b;
    return x->day < y->day ? -1 : (x->day > y->day);
}

/* Adds a checked year to the calendar; all or nothing. Takes `y` in every case. */
static int add_year(jy_calendar *cal, year_data *y, jy_located_error *err)
{
    size_t pos = 0;
    while (pos < cal->year_count && cal->years[pos]->year < y->year)
        pos++;
    if (pos < cal->year_count && cal->years[pos]->year == y->year) {
        int year = y->year;
        year_free(y);
        return jy__located(err, JY_EEXISTS, 0, 0, 0, "year",
                           "the calendar already has data for %d", year);
    }
    size_t add = 0;
    for (size_t i = 0; i < y->holiday_count; i++)
        add += y->holidays[i].off_count + y->holidays[i].makeup_count;
    year_data **years = jy__malloc((cal->year_count + 1) * sizeof *years);
    special *sp = jy__malloc((cal->special_count + add) * sizeof *sp);
    if (!years || !sp) {
        free(years);
        free(sp);
        year_free(y);
        return jy__located(err, JY_ENOMEM, 0, 0, 0, NULL, "out of memory");
    }
    if (pos)
        memcpy(years, cal->years, pos * sizeof *years);
    years[pos] = y;
    if (cal->year_count > pos)
        memcpy(years + pos + 1, cal->years + pos, (cal->year_count - pos) * sizeof *years);
    if (cal->special_count)
        memcpy(sp, cal->specials, cal->special_count * sizeof *sp);
    size_t k = cal->special_count;
    for (size_t i = 0; i < y->holiday_count; i++) {
        const jy_holiday *h = &y->holidays[i];
        for (size_t j = 0; j < h->off_count; j++)
            sp[k++] = (special){ to_days(h->off[j]), DAY_OFF, h };
        for (size_t j = 0; j < h->makeup_count; j++)
            sp[k++] = (special){ to_days(h->makeup[j]), DAY_MAKEUP, h };
    }
    /* No day is listed twice (check_days()), so the order is total. */
    qsort(sp, k, sizeof *sp, cmp_special);

    free(cal->years);
    free(cal->specials);
    cal->years = years;
    cal->specials = sp;
    cal->year_count++;
    cal->special_count = k;
    cal->holiday_count += y->holiday_count;
    return JY_OK;
}

/* Parses NUL-terminated JSON text of `len` bytes and adds its year. */
static int add_text(jy_calendar *cal, const char *text, size_t len, jy_located_error *err)
{
    cJSON *root = NULL;
    int rc = jy__json_parse(&root, text, len, err);
    if (rc != JY_OK)
        return rc;
    loader ld = { err, 0, cal };
    year_data *y = NULL;
    rc = build_year(&ld, root, &y);
    cJSON_Delete(root);
    if (rc != JY_OK)
        return rc;
    return add_year(cal, y, err);
}

int jy_calendar_add_buffer(jy_calendar *cal, const char *json, size_t len, jy_located_error *err)
{
    jy__located_reset(err, "<memory>");
    if (!cal || (!json && len))
        return jy__located(err, JY_EINVAL, 0, 0, 0, NULL, "jy_calendar_add_buffer: NULL argument");
    if (len >= (size_t)PTRDIFF_MAX)
        return jy__located(err, JY_ENOMEM, 0, 0, 0, NULL, "a calendar of %zu bytes is too large",
                           len);
    char *copy = jy__strndup(json ? json : "", len);
    if (!copy)
        return jy__located(err, JY_ENOMEM, 0, 0, 0, NULL, "out of memory");
    int rc = add_text(cal, copy, len, err);
    free(copy);
    return rc;
}

int jy_calendar_add_file(jy_calendar *cal, const char *path, jy_located_error *err)
{
    jy__located_reset(err, path);
    if (!cal || !path)
        return jy__located(err, JY_EINVAL, 0, 0, 0, NULL, "jy_calendar_add_file: NULL argument");
    char *buf = NULL;
    size_t len = 0;
    int rc = jy__read_file(&buf, &len, path, CALENDAR_FILE_MAX, err);
    if (rc != JY_OK)
        return rc;
    rc = add_text(cal, buf, len, err);
    free(buf);
    return rc;
}

int jy_calendar_load_buffer(jy_calendar **out, const char *json, size_t len, jy_located_error *err)
{
    if (out)
        *out = NULL;
    if (!out) {
        jy__located_reset(err, "<memory>");
        return jy__located(err, JY_EINVAL, 0, 0, 0, NULL, "jy_calendar_load_buffer: NULL argument");
    }
    jy_calendar *cal = jy__calloc(1, sizeof *cal);
    if (!cal) {
        jy__located_reset(err, "<memory>");
        return jy__located(err, JY_ENOMEM, 0, 0, 0, NULL, "out of memory");
    }
    int rc = jy_calendar_add_buffer(cal, json, len, err);
    if (rc != JY_OK) {
        jy_calendar_free(cal);
        return rc;
    }
    *out = cal;
    return JY_OK;
}

int jy_calendar_load_file(jy_calendar **out, const char *path, jy_located_error *err)
{
    if (out)
        *out = NULL;
    if (!out) {
        jy__located_reset(err, path);
        return jy__located(err, JY_EINVAL, 0, 0, 0, NULL, "jy_calendar_load_file: NULL argument");
    }
    jy_calendar *cal = jy__calloc(1, sizeof *cal);
    if (!cal) {
        jy__located_reset(err, path);
        return jy__located(err, JY_ENOMEM, 0, 0, 0, NULL, "out of memory");
    }
    int rc = jy_calendar_add_file(cal, path, err);
    if (rc != JY_OK) {
        jy_calendar_free(cal);
        return rc;
    }
    *out = cal;
    return JY_OK;
}

int jy_calendar_load_default(jy_calendar **out)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_calendar_load_default: out is NULL");
    *out = NULL;
    jy_calendar *cal = jy__calloc(1, sizeof *cal);
    if (!cal)
        return JY_ENOMEM;
    jy_located_error err;
    jy__located_reset(&err, "<built-in calendar>");
    /* The embedded bytes are NUL-terminated (cmake/embed.cmake). */
    int rc = add_text(cal, (const char *)jy__embedded_cn_holidays_2026,
                      jy__embedded_cn_holidays_2026_size, &err);
    if (rc != JY_OK) {
        jy_calendar_free(cal);
        return rc;
    }
    *out = cal;
    return JY_OK;
}

/* ------------------------------------------------------------------------- */
/* Queries. */

size_t jy_calendar_year_count(const jy_calendar *cal)
{
    return cal ? cal->year_count : 0;
}

int jy_calendar_year_at(const jy_calendar *cal, size_t index)
{
    return cal && index < cal->year_count ? cal->years[index]->year : 0;
}

size_t jy_calendar_holiday_count(const jy_calendar *cal)
{
    return cal ? cal->holiday_count : 0;
}

const jy_holiday *jy_calendar_holiday_at(const jy_calendar *cal, size_t index)
{
    if (!cal)
        return NULL;
    for (size_t i = 0; i < cal->year_count; i++) {
        const year_data *y = cal->years[i];
        if (index < y->holiday_count)
            return &y->holidays[index];
        index -= y->holiday_count;
    }
    return NULL;
}

static int has_year(const jy_calendar *cal, int year)
{
    size_t lo = 0, hi = cal->year_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int y = cal->years[mid]->year;
        if (y == year)
            return 1;
        if (y < year)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static int no_data(const jy_calendar *cal, int year)
{
    char have[96] = "";
    size_t used = 0;
    for (size_t i = 0; i < cal->year_count && used < sizeof have; i++) {
        if (i == 4 && cal->year_count > 5) {
            snprintf(have + used, sizeof have - used, ", ... %d", cal->years[cal->year_count - 1]->year);
            break;
        }
        int n = snprintf(have + used, sizeof have - used, "%s%d", i ? ", " : "",
                         cal->years[i]->year);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    return jy__error(JY_ERANGE,
                     "the calendar has no data for %d (it covers %s); load that year's "
                     "holidays and make-up working days with jy_calendar_add_file() "
                     "(format in docs/formats.md)", year, cal->year_count ? have : "no year");
}

static int check_range(const jy_calendar *cal, jy_date from, jy_date to, const char *fn)
{
    if (!cal)
        return jy__error(JY_EINVAL, "%s: the calendar is NULL", fn);
    if (!jy_date_is_valid(from) || !jy_date_is_valid(to))
        return jy__error(JY_EINVAL, "%s: a date that does not exist", fn);
    if (jy_date_compare(to, from) < 0)
        return jy__error(JY_EINVAL, "%s: the period ends before it starts", fn);
    for (int y = from.year; y <= to.year; y++)
        if (!has_year(cal, y))
            return no_data(cal, y);
    return JY_OK;
}

int jy_calendar_covers(const jy_calendar *cal, jy_date from, jy_date to)
{
    return check_range(cal, from, to, "jy_calendar_covers");
}

/* The first special day not before `day`. */
static size_t lower_bound(const jy_calendar *cal, long day)
{
    size_t lo = 0, hi = cal->special_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cal->specials[mid].day < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static const special *find_special(const jy_calendar *cal, long day)
{
    size_t i = lower_bound(cal, day);
    return i < cal->special_count && cal->specials[i].day == day ? &cal->specials[i] : NULL;
}

int jy_calendar_is_workday(int *out, const jy_calendar *cal, jy_date day)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_calendar_is_workday: out is NULL");
    int rc = check_range(cal, day, day, "jy_calendar_is_workday");
    if (rc != JY_OK)
        return rc;
    long d = to_days(day);
    const special *s = find_special(cal, d);
    if (s)
        *out = s->kind == DAY_MAKEUP;
    else
        *out = weekday_of(d) < 5;
    return JY_OK;
}

int jy_calendar_holiday(const char **out, const jy_calendar *cal, jy_date day)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_calendar_holiday: out is NULL");
    *out = NULL;
    int rc = check_range(cal, day, day, "jy_calendar_holiday");
    if (rc != JY_OK)
        return rc;
    const special *s = find_special(cal, to_days(day));
    if (s && s->kind == DAY_OFF)
        *out = s->holiday->name;
    return JY_OK;
}

int jy_calendar_workdays(long *out, const jy_calendar *cal, jy_date from, jy_date to)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_calendar_workdays: out is NULL");
    int rc = check_range(cal, from, to, "jy_calendar_workdays");
    if (rc != JY_OK)
        return rc;
    long a = to_days(from), b = to_days(to);
    long n = weekdays_below(b + 1) - weekdays_below(a);
    for (size_t i = lower_bound(cal, a); i < cal->special_count && cal->specials[i].day <= b; i++) {
        const special *s = &cal->specials[i];
        int weekday = weekday_of(s->day) < 5;
        if (s->kind == DAY_OFF && weekday)
            n--;
        else if (s->kind == DAY_MAKEUP && !weekday)
            n++;
    }
    *out = n;
    return JY_OK;
}

/* ------------------------------------------------------------------------- */
/* Periods. */

static int from_days(jy_date *out, long day)
{
    return jy_date_from_days(out, day);
}

/* The anniversary of `signed_on` n years later (29 February -> 1 March in
 * common years). */
static int anniversary(jy_date *out, jy_date signed_on, long n)
{
    long y = signed_on.year + n;
    if (y < 1 || y > 9999)
        return jy__error(JY_ERANGE, "a contract year beyond the years 1 to 9999");
    jy_date d = make_date((int)y, signed_on.month, signed_on.day);
    if (!jy_date_is_valid(d))
        d = make_date((int)y, 3, 1);
    *out = d;
    return JY_OK;
}

int jy_contract_year(jy_period *out, jy_date signed_on, jy_date day)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_contract_year: out is NULL");
    if (!jy_date_is_valid(signed_on) || !jy_date_is_valid(day))
        return jy__error(JY_EINVAL, "jy_contract_year: a date that does not exist");
    if (jy_date_compare(day, signed_on) < 0)
        return jy__error(JY_ERANGE, "the day is before the contract was signed, in no contract year");
    long n = day.year - signed_on.year;
    jy_date start, next;
    int rc = anniversary(&start, signed_on, n);
    if (rc == JY_OK && jy_date_compare(start, day) > 0)
        rc = anniversary(&start, signed_on, --n);
    if (rc == JY_OK)
        rc = anniversary(&next, signed_on, n + 1);
    if (rc != JY_OK)
        return rc;
    jy_period p;
    p.from = start;
    if ((rc = from_days(&p.to, to_days(next) - 1)) != JY_OK)
        return rc;
    *out = p;
    return JY_OK;
}

/* The bucket of `unit` containing `day`. `calendar_years`: a YEAR is a
 * calendar year (labels) instead of a contract year (splits). */
static int bucket_of(jy_period *out, jy_period_unit unit, jy_date day, jy_date contract_start,
                     int calendar_years)
{
    int rc = JY_OK;
    switch (unit) {
    case JY_PERIOD_DAY:
        out->from = out->to = day;
        return JY_OK;
    case JY_PERIOD_WEEK: {
        long d = to_days(day);
        long monday = d - weekday_of(d);
        if ((rc = from_days(&out->from, monday)) == JY_OK)
            rc = from_days(&out->to, monday + 6);
        return rc;
    }
    case JY_PERIOD_MONTH:
        out->from = make_date(day.year, day.month, 1);
        out->to = make_date(day.year, day.month, days_in_month(day.year, day.month));
        return JY_OK;
    case JY_PERIOD_QUARTER: {
        int first = (day.month - 1) / 3 * 3 + 1;
        out->from = make_date(day.year, first, 1);
        out->to = make_date(day.year, first + 2, days_in_month(day.year, first + 2));
        return JY_OK;
    }
    case JY_PERIOD_YEAR:
        if (calendar_years) {
            out->from = make_date(day.year, 1, 1);
            out->to = make_date(day.year, 12, 31);
            return JY_OK;
        }
        return jy_contract_year(out, contract_start, day);
    }
    return jy__error(JY_EINVAL, "unknown period unit %d", (int)unit);
}

static int valid_unit(jy_period_unit unit)
{
    return unit == JY_PERIOD_DAY || unit == JY_PERIOD_WEEK || unit == JY_PERIOD_MONTH ||
           unit == JY_PERIOD_QUARTER || unit == JY_PERIOD_YEAR;
}

int jy_period_split(jy_bucket **out, size_t *out_count, jy_period whole, jy_period_unit unit,
                    jy_date contract_start)
{
    if (out)
        *out = NULL;
    if (out_count)
        *out_count = 0;
    if (!out || !out_count)
        return jy__error(JY_EINVAL, "jy_period_split: NULL argument");
    if (!jy_date_is_valid(whole.from) || !jy_date_is_valid(whole.to))
        return jy__error(JY_EINVAL, "jy_period_split: a date that does not exist");
    if (jy_date_compare(whole.to, whole.from) < 0)
        return jy__error(JY_EINVAL, "jy_period_split: the period ends before it starts");
    if (!valid_unit(unit))
        return jy__error(JY_EINVAL, "jy_period_split: unknown period unit %d", (int)unit);
    if (unit == JY_PERIOD_YEAR) {
        if (!jy_date_is_valid(contract_start))
            return jy__error(JY_EINVAL, "jy_period_split: contract years need a valid "
                                        "contract start date");
        if (jy_date_compare(whole.from, contract_start) < 0)
            return jy__error(JY_ERANGE, "jy_period_split: the period starts before the "
                                        "contract was signed, in no contract year");
    }

    long end = to_days(whole.to);
    size_t count = 0, cap = 0;
    jy_bucket *bs = NULL;
    jy_date cur = whole.from;
    for (;;) {
        jy_period full;
        int rc = bucket_of(&full, unit, cur, contract_start, 0);
        if (rc != JY_OK) {
            free(bs);
            return rc;
        }
        if (count == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            jy_bucket *nb = jy__realloc(bs, ncap * sizeof *nb);
            if (!nb) {
                free(bs);
                return JY_ENOMEM;
            }
            bs = nb;
            cap = ncap;
        }
        jy_bucket *b = &bs[count++];
        b->full = full;
        b->period.from = cur;
        b->period.to = to_days(full.to) > end ? whole.to : full.to;
        b->partial = jy_date_compare(b->period.from, full.from) != 0 ||
                     jy_date_compare(b->period.to, full.to) != 0;
        long next = to_days(full.to) + 1;
        if (next > end)
            break;
        if ((rc = from_days(&cur, next)) != JY_OK) {
            free(bs);
            return rc;
        }
    }
    *out = bs;
    *out_count = count;
    return JY_OK;
}

/* ISO 8601 week: the Monday of week 1 of ISO year y (the week holding 4 January). */
static long iso_week1_monday(int y)
{
    long jan4 = to_days(make_date(y, 1, 4));
    return jan4 - weekday_of(jan4);
}

/* Number of ISO weeks in ISO year y (52 or 53): the week of 28 December. */
static int iso_weeks_in(int y)
{
    return (int)((to_days(make_date(y, 12, 28)) - iso_week1_monday(y)) / 7 + 1);
}

static int parse_fail(int code, const char *why)
{
    return jy__error(code, "jy_period_parse: %s", why);
}

int jy_period_parse(jy_period *out, jy_period_unit *out_unit, const char *text)
{
    if (!out || !text)
        return jy__error(JY_EINVAL, "jy_period_parse: NULL argument");
    static const char *const FORMS =
        "not a period label (YYYY, YYYY-MM, YYYY-Qn, YYYY-Www or YYYY-MM-DD)";
    size_t len = strlen(text);
    int y = 0, a = 0, b = 0;
    if (len < 4 || !digits_at(text, 0, 4, &y) || (len > 4 && text[4] != '-'))
        return parse_fail(JY_EPARSE, FORMS);
    jy_period p;
    jy_period_unit unit;
    if (len == 4) {
        if (y < 1)
            return parse_fail(JY_EINVAL, "year 0000 does not exist");
        unit = JY_PERIOD_YEAR;
        p.from = make_date(y, 1, 1);
        p.to = make_date(y, 12, 31);
    } else if (len == 7 && text[5] == 'Q' && digits_at(text, 6, 1, &a)) {
        if (y < 1 || a < 1 || a > 4)
            return parse_fail(JY_EINVAL, "quarters are Q1 to Q4 of years 0001 to 9999");
        unit = JY_PERIOD_QUARTER;
        p.from = make_date(y, 3 * a - 2, 1);
        p.to = make_date(y, 3 * a, days_in_month(y, 3 * a));
    } else if (len == 7 && digits_at(text, 5, 2, &a)) {
        if (y < 1 || a < 1 || a > 12)
            return parse_fail(JY_EINVAL, "months are 01 to 12 of years 0001 to 9999");
        unit = JY_PERIOD_MONTH;
        p.from = make_date(y, a, 1);
        p.to = make_date(y, a, days_in_month(y, a));
    } else if (len == 8 && text[5] == 'W' && digits_at(text, 6, 2, &a)) {
        if (y < 1 || a < 1 || a > iso_weeks_in(y))
            return jy__error(JY_EINVAL, "jy_period_parse: ISO year %04d has weeks W01 to W%02d",
                             y, y < 1 ? 52 : iso_weeks_in(y));
        unit = JY_PERIOD_WEEK;
        long monday = iso_week1_monday(y) + 7L * (a - 1);
        if (from_days(&p.from, monday) != JY_OK || from_days(&p.to, monday + 6) != JY_OK)
            return parse_fail(JY_EINVAL, "the week lies outside the years 0001 to 9999");
    } else if (len == 10 && text[7] == '-' && digits_at(text, 5, 2, &a) &&
               digits_at(text, 8, 2, &b)) {
        unit = JY_PERIOD_DAY;
        p.from = make_date(y, a, b);
        if (!jy_date_is_valid(p.from))
            return parse_fail(JY_EINVAL, "a date that does not exist");
        p.to = p.from;
    } else {
        return parse_fail(JY_EPARSE, FORMS);
    }
    *out = p;
    if (out_unit)
        *out_unit = unit;
    return JY_OK;
}

int jy_period_format(char *out, jy_period period, jy_period_unit unit)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_period_format: out is NULL");
    out[0] = '\0';
    if (!jy_date_is_valid(period.from) || !jy_date_is_valid(period.to))
        return jy__error(JY_EINVAL, "jy_period_format: a date that does not exist");
    if (!valid_unit(unit))
        return jy__error(JY_EINVAL, "jy_period_format: unknown period unit %d", (int)unit);
    jy_period full;
    jy_date none = { 0, 0, 0 };
    int rc = bucket_of(&full, unit, period.from, none, 1);
    if (rc != JY_OK)
        return rc;
    if (jy_date_compare(full.from, period.from) != 0 || jy_date_compare(full.to, period.to) != 0)
        return jy__error(JY_EINVAL, "jy_period_format: the period is not one whole %s",
                         unit == JY_PERIOD_DAY ? "day" : unit == JY_PERIOD_WEEK ? "Monday-to-Sunday week"
                         : unit == JY_PERIOD_MONTH ? "calendar month"
                         : unit == JY_PERIOD_QUARTER ? "calendar quarter" : "calendar year");
    jy_date f = period.from;
    char text[32];
    switch (unit) {
    case JY_PERIOD_DAY:
        return jy_date_format(out, f);
    case JY_PERIOD_WEEK: {
        long thursday = to_days(f) + 3;
        jy_date t;
        if ((rc = from_days(&t, thursday)) != JY_OK)
            return rc;
        int week = (int)((to_days(f) - iso_week1_monday(t.year)) / 7 + 1);
        snprintf(text, sizeof text, "%04d-W%02d", t.year, week);
        jy__strlcpy_utf8(out, JY_PERIOD_TEXT_SIZE, text);
        return JY_OK;
    }
    case JY_PERIOD_MONTH:
        snprintf(text, sizeof text, "%04d-%02d", f.year, f.month);
        jy__strlcpy_utf8(out, JY_PERIOD_TEXT_SIZE, text);
        return JY_OK;
    case JY_PERIOD_QUARTER:
        snprintf(text, sizeof text, "%04d-Q%d", f.year, (f.month - 1) / 3 + 1);
        jy__strlcpy_utf8(out, JY_PERIOD_TEXT_SIZE, text);
        return JY_OK;
    case JY_PERIOD_YEAR:
        snprintf(text, sizeof text, "%04d", f.year);
        jy__strlcpy_utf8(out, JY_PERIOD_TEXT_SIZE, text);
        return JY_OK;
    }
    return JY_EINVAL;
}
