/* The calendar: China's 2026 working days (public holidays and make-up
 * working days), coverage errors, loading further years and their errors,
 * and periods (splitting, contract years, labels). */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DATA_2026 JY_SOURCE_DATA_DIR "/cn-holidays-2026.json"
#define FICTIONAL_2027 JY_TEST_DATA_DIR "/calendar/fictional-2027.json"
#define BAD_DATE JY_TEST_DATA_DIR "/calendar/bad-date.json"

static jy_calendar *cal;

static void load_2026(void)
{
    cal = NULL;
    cr_assert_eq(jy_calendar_load_default(&cal), JY_OK);
    cr_assert_not_null(cal);
}

static void free_cal(void)
{
    jy_calendar_free(cal);
    cal = NULL;
}

static jy_date D(int y, int m, int d)
{
    jy_date r = { y, m, d };
    return r;
}

static jy_period P(jy_date a, jy_date b)
{
    jy_period p = { a, b };
    return p;
}

static int workday(jy_date d)
{
    int w = -1;
    int rc = jy_calendar_is_workday(&w, cal, d);
    cr_assert_eq(rc, JY_OK, "%04d-%02d-%02d: %d %s", d.year, d.month, d.day, rc,
                 jy_error_last()->message);
    return w;
}

static long workdays(jy_date a, jy_date b)
{
    long n = -1;
    int rc = jy_calendar_workdays(&n, cal, a, b);
    cr_assert_eq(rc, JY_OK, "%d %s", rc, jy_error_last()->message);
    return n;
}

static const char *holiday(jy_date d)
{
    const char *name = "unset";
    cr_assert_eq(jy_calendar_holiday(&name, cal, d), JY_OK);
    return name;
}

static int weekday(jy_date d)   /* 0 = Monday */
{
    long n = 0;
    cr_assert_eq(jy_date_to_days(&n, d), JY_OK);
    return (int)(((n + 3) % 7 + 7) % 7);
}

static char *read_text(const char *path, size_t *out_len)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    char *buf = malloc(1 << 16);
    cr_assert_not_null(buf);
    size_t n = fread(buf, 1, (1 << 16) - 1, f);
    fclose(f);
    buf[n] = '\0';
    if (out_len)
        *out_len = n;
    return buf;
}

/* ------------------------------------------------------------------------- */
/* 2026, the built-in year. */

TestSuite(calendar_2026, .init = load_2026, .fini = free_cal);

Test(calendar_2026, covers_only_2026)
{
    cr_assert_eq(jy_calendar_year_count(cal), 1);
    cr_assert_eq(jy_calendar_year_at(cal, 0), 2026);
    cr_assert_eq(jy_calendar_year_at(cal, 1), 0);
    cr_assert_eq(jy_calendar_covers(cal, D(2026, 1, 1), D(2026, 12, 31)), JY_OK);
    cr_assert_eq(jy_calendar_covers(cal, D(2025, 12, 31), D(2026, 1, 1)), JY_ERANGE);
    cr_assert_eq(jy_calendar_covers(cal, D(2026, 3, 15), D(2027, 3, 14)), JY_ERANGE);
    cr_assert(strstr(jy_error_last()->message, "no data for 2027"), "%s", jy_error_last()->message);
    cr_assert(strstr(jy_error_last()->message, "jy_calendar_add_file"));
}

/* The State Council's notice of 2025-11-04, as published: every holiday,
 * its days off and its make-up working days. */
static const struct {
    const char *name;
    jy_date first, last;
    size_t makeup_count;
    jy_date makeup[2];
} NOTICE_2026[] = {
    { "元旦", { 2026, 1, 1 }, { 2026, 1, 3 }, 1, { { 2026, 1, 4 } } },
    { "春节", { 2026, 2, 15 }, { 2026, 2, 23 }, 2, { { 2026, 2, 14 }, { 2026, 2, 28 } } },
    { "清明节", { 2026, 4, 4 }, { 2026, 4, 6 }, 0, { { 0, 0, 0 } } },
    { "劳动节", { 2026, 5, 1 }, { 2026, 5, 5 }, 1, { { 2026, 5, 9 } } },
    { "端午节", { 2026, 6, 19 }, { 2026, 6, 21 }, 0, { { 0, 0, 0 } } },
    { "中秋节", { 2026, 9, 25 }, { 2026, 9, 27 }, 0, { { 0, 0, 0 } } },
    { "国庆节", { 2026, 10, 1 }, { 2026, 10, 7 }, 2, { { 2026, 9, 20 }, { 2026, 10, 10 } } },
};
#define NOTICE_COUNT (sizeof NOTICE_2026 / sizeof NOTICE_2026[0])

Test(calendar_2026, every_holiday_of_the_notice)
{
    cr_assert_eq(jy_calendar_holiday_count(cal), NOTICE_COUNT);
    cr_assert_null(jy_calendar_holiday_at(cal, NOTICE_COUNT));
    for (size_t i = 0; i < NOTICE_COUNT; i++) {
        const jy_holiday *h = jy_calendar_holiday_at(cal, i);
        cr_assert_not_null(h);
        cr_assert_str_eq(h->name, NOTICE_2026[i].name);
        cr_assert_eq(h->year, 2026);
        cr_assert_eq(jy_date_compare(h->first, NOTICE_2026[i].first), 0, "%s", h->name);
        cr_assert_eq(jy_date_compare(h->last, NOTICE_2026[i].last), 0, "%s", h->name);
        long a = 0, b = 0;
        jy_date_to_days(&a, h->first);
        jy_date_to_days(&b, h->last);
        cr_assert_eq(h->off_count, (size_t)(b - a + 1), "%s: consecutive days off", h->name);
        cr_assert_eq(h->makeup_count, NOTICE_2026[i].makeup_count, "%s", h->name);
        for (size_t j = 0; j < h->makeup_count; j++) {
            cr_assert_eq(jy_date_compare(h->makeup[j], NOTICE_2026[i].makeup[j]), 0);
            cr_assert_eq(workday(h->makeup[j]), 1, "%s make-up day %zu", h->name, j);
            cr_assert_geq(weekday(h->makeup[j]), 5, "make-up days are weekend days");
            cr_assert_null(holiday(h->makeup[j]), "a make-up day is not a day off");
        }
        for (size_t j = 0; j < h->off_count; j++) {
            cr_assert_eq(workday(h->off[j]), 0, "%s day off %zu", h->name, j);
            cr_assert_str_eq(holiday(h->off[j]), h->name);
        }
    }
}

Test(calendar_2026, named_days)
{
    cr_assert_eq(weekday(D(2026, 1, 4)), 6);     /* a Sunday ... */
    cr_assert_eq(workday(D(2026, 1, 4)), 1);     /* ... worked for 元旦 */
    cr_assert_eq(weekday(D(2026, 2, 14)), 5);
    cr_assert_eq(workday(D(2026, 2, 14)), 1);
    cr_assert_eq(weekday(D(2026, 2, 28)), 5);
    cr_assert_eq(workday(D(2026, 2, 28)), 1);
    cr_assert_eq(workday(D(2026, 9, 20)), 1);
    cr_assert_eq(workday(D(2026, 10, 10)), 1);
    for (int d = 1; d <= 7; d++) {
        cr_assert_eq(workday(D(2026, 10, d)), 0, "10-%02d", d);
        cr_assert_str_eq(holiday(D(2026, 10, d)), "国庆节");
    }
    /* The notice gives 国庆 seven days (10-01 .. 10-07): the 8th, a
     * Thursday, is an ordinary working day. */
    cr_assert_eq(workday(D(2026, 10, 8)), 1);
    cr_assert_null(holiday(D(2026, 10, 8)));
    cr_assert_str_eq(holiday(D(2026, 5, 1)), "劳动节");
    cr_assert_str_eq(holiday(D(2026, 2, 17)), "春节");
    /* Ordinary days. */
    cr_assert_eq(workday(D(2026, 3, 6)), 1);     /* Friday */
    cr_assert_eq(workday(D(2026, 3, 7)), 0);     /* Saturday */
    cr_assert_eq(workday(D(2026, 3, 8)), 0);     /* Sunday */
    cr_assert_null(holiday(D(2026, 3, 7)));
    cr_assert_eq(workday(D(2026, 12, 31)), 1);   /* Thursday */
}

/* Working days per month of 2026, counted by hand from the notice: the
 * month's Mondays-Fridays, minus the days off among them, plus the make-up
 * working days. (January: 22 - 2 (1st, 2nd) + 1 (4th); February: 20 - 6
 * (16th-20th, 23rd) + 2 (14th, 28th); April: 22 - 1 (6th); May: 21 - 3
 * (1st, 4th, 5th) + 1 (9th); June: 22 - 1 (19th); September: 22 - 1 (25th)
 * + 1 (20th); October: 22 - 5 (1st, 2nd, 5th-7th) + 1 (10th).) */
static const long MONTHS_2026[12] = { 21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23 };

static int days_in(int y, int m)
{
    static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : dm[m - 1];
}

Test(calendar_2026, workdays_per_month_by_hand)
{
    long total = 0;
    for (int m = 1; m <= 12; m++) {
        long n = workdays(D(2026, m, 1), D(2026, m, days_in(2026, m)));
        cr_assert_eq(n, MONTHS_2026[m - 1], "month %d: %ld", m, n);
        total += n;
    }
    /* 261 Mondays-Fridays, 19 of them off, 6 weekend days worked. */
    cr_assert_eq(total, 248);
    cr_assert_eq(workdays(D(2026, 1, 1), D(2026, 12, 31)), 248);
}

/* The same counts, computed independently from the data file: parse it here
 * and count day by day. */
Test(calendar_2026, workdays_per_month_from_the_file)
{
    char *text = read_text(DATA_2026, NULL);
    cJSON *root = cJSON_Parse(text);
    cr_assert_not_null(root);
    static int status[13][32];   /* 0 default, 1 off, 2 worked */
    memset(status, 0, sizeof status);
    const cJSON *h;
    cJSON_ArrayForEach(h, cJSON_GetObjectItem(root, "holidays")) {
        const cJSON *d;
        cJSON_ArrayForEach(d, cJSON_GetObjectItem(h, "off")) {
            jy_date x;
            cr_assert_eq(jy_date_parse(&x, d->valuestring), JY_OK);
            status[x.month][x.day] = 1;
        }
        cJSON_ArrayForEach(d, cJSON_GetObjectItem(h, "makeup_workdays")) {
            jy_date x;
            cr_assert_eq(jy_date_parse(&x, d->valuestring), JY_OK);
            status[x.month][x.day] = 2;
        }
    }
    cJSON_Delete(root);
    free(text);
    for (int m = 1; m <= 12; m++) {
        long n = 0;
        for (int d = 1; d <= days_in(2026, m); d++) {
            int w = status[m][d] == 2 || (status[m][d] == 0 && weekday(D(2026, m, d)) < 5);
            n += w;
            cr_assert_eq(workday(D(2026, m, d)), w, "2026-%02d-%02d", m, d);
        }
        cr_assert_eq(n, MONTHS_2026[m - 1], "month %d", m);
        cr_assert_eq(workdays(D(2026, m, 1), D(2026, m, days_in(2026, m))), n);
    }
}

Test(calendar_2026, workdays_of_short_periods)
{
    cr_assert_eq(workdays(D(2026, 1, 4), D(2026, 1, 4)), 1);   /* one make-up Sunday */
    cr_assert_eq(workdays(D(2026, 1, 3), D(2026, 1, 3)), 0);
    cr_assert_eq(workdays(D(2026, 3, 2), D(2026, 3, 8)), 5);   /* an ordinary week */
    /* 09-28 Mon .. 09-30 Wed: 3; 10-01 .. 10-07 off; 10-08 Thu, 10-09 Fri,
     * 10-10 Sat (make-up): 3; 10-11 Sunday: 0. */
    cr_assert_eq(workdays(D(2026, 9, 28), D(2026, 10, 11)), 6);
    cr_assert_eq(workdays(D(2026, 2, 14), D(2026, 2, 28)), 2 + 4);   /* 14th, 24th-27th, 28th */
}

Test(calendar_2026, out_of_range_is_an_error)
{
    int w = 7;
    cr_assert_eq(jy_calendar_is_workday(&w, cal, D(2027, 1, 4)), JY_ERANGE);
    cr_assert(strstr(jy_error_last()->message, "no data for 2027"), "%s", jy_error_last()->message);
    cr_assert(strstr(jy_error_last()->message, "covers 2026"));
    cr_assert_eq(jy_calendar_is_workday(&w, cal, D(2025, 12, 31)), JY_ERANGE);
    cr_assert(strstr(jy_error_last()->message, "no data for 2025"));
    long n = 7;
    cr_assert_eq(jy_calendar_workdays(&n, cal, D(2026, 3, 15), D(2027, 3, 14)), JY_ERANGE);
    cr_assert(strstr(jy_error_last()->message, "2027"));
    cr_assert_eq(jy_calendar_workdays(&n, cal, D(2025, 12, 1), D(2026, 1, 31)), JY_ERANGE);
    const char *name = "x";
    cr_assert_eq(jy_calendar_holiday(&name, cal, D(2027, 10, 1)), JY_ERANGE);
}

Test(calendar_2026, bad_arguments)
{
    int w;
    long n;
    const char *name;
    cr_assert_eq(jy_calendar_is_workday(NULL, cal, D(2026, 1, 1)), JY_EINVAL);
    cr_assert_eq(jy_calendar_is_workday(&w, NULL, D(2026, 1, 1)), JY_EINVAL);
    cr_assert_eq(jy_calendar_is_workday(&w, cal, D(2026, 2, 29)), JY_EINVAL);
    cr_assert_eq(jy_calendar_workdays(&n, cal, D(2026, 3, 2), D(2026, 3, 1)), JY_EINVAL);
    cr_assert_eq(jy_calendar_workdays(NULL, cal, D(2026, 3, 1), D(2026, 3, 2)), JY_EINVAL);
    cr_assert_eq(jy_calendar_holiday(NULL, cal, D(2026, 3, 1)), JY_EINVAL);
    cr_assert_eq(jy_calendar_holiday(&name, NULL, D(2026, 3, 1)), JY_EINVAL);
    cr_assert_eq(jy_calendar_covers(NULL, D(2026, 3, 1), D(2026, 3, 1)), JY_EINVAL);
    cr_assert_eq(jy_calendar_load_default(NULL), JY_EINVAL);
    cr_assert_eq(jy_calendar_year_count(NULL), 0);
    cr_assert_eq(jy_calendar_holiday_count(NULL), 0);
    cr_assert_null(jy_calendar_holiday_at(NULL, 0));
    jy_calendar_free(NULL);
}

/* Many threads query one calendar. */
static void *query_thread(void *arg)
{
    const jy_calendar *c = arg;
    long bad = 0;
    for (int k = 0; k < 200; k++) {
        long n = 0;
        if (jy_calendar_workdays(&n, c, D(2026, 1, 1), D(2026, 12, 31)) != JY_OK || n != 248)
            bad++;
        int w = -1;
        if (jy_calendar_is_workday(&w, c, D(2026, 1, 4)) != JY_OK || w != 1)
            bad++;
        if (jy_calendar_is_workday(&w, c, D(2027, 1, 4)) != JY_ERANGE)
            bad++;
    }
    return (void *)bad;
}

Test(calendar_2026, shared_by_threads)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        cr_assert_eq(pthread_create(&t[i], NULL, query_thread, cal), 0);
    for (int i = 0; i < 4; i++) {
        void *bad = NULL;
        pthread_join(t[i], &bad);
        cr_assert_null(bad);
    }
}

/* ------------------------------------------------------------------------- */
/* Further years. */

Test(calendar_years, add_a_file)
{
    jy_calendar *c = NULL;
    jy_located_error err;
    cr_assert_eq(jy_calendar_load_default(&c), JY_OK);
    cr_assert_eq(jy_calendar_add_file(c, FICTIONAL_2027, &err), JY_OK, "%s", err.text);
    cr_assert_eq(err.code, JY_OK);
    cr_assert_eq(jy_calendar_year_count(c), 2);
    cr_assert_eq(jy_calendar_year_at(c, 1), 2027);
    cr_assert_eq(jy_calendar_covers(c, D(2026, 3, 15), D(2027, 3, 14)), JY_OK);
    cr_assert_eq(jy_calendar_holiday_count(c), NOTICE_COUNT + 2);
    /* Holidays in order of their first day, whatever the file's order. */
    const jy_holiday *h = jy_calendar_holiday_at(c, NOTICE_COUNT);
    cr_assert_str_eq(h->name, "元旦");
    cr_assert_eq(h->year, 2027);
    h = jy_calendar_holiday_at(c, NOTICE_COUNT + 1);
    cr_assert_str_eq(h->name, "测试节");
    cr_assert_eq(jy_date_compare(h->first, D(2027, 2, 10)), 0);
    cr_assert_eq(jy_date_compare(h->off[1], D(2027, 2, 11)), 0);
    /* Across the two years: December 2026 has 23, January 2027 has 21
     * Mondays-Fridays, the 1st (a Friday) off. */
    long n = 0;
    cr_assert_eq(jy_calendar_workdays(&n, c, D(2026, 12, 1), D(2027, 1, 31)), JY_OK);
    cr_assert_eq(n, 23 + 20);
    int w = -1;
    cr_assert_eq(jy_calendar_is_workday(&w, c, D(2027, 2, 7)), JY_OK);
    cr_assert_eq(w, 1);
    cr_assert_eq(jy_calendar_is_workday(&w, c, D(2027, 2, 10)), JY_OK);
    cr_assert_eq(w, 0);
    cr_assert_eq(jy_calendar_is_workday(&w, c, D(2028, 1, 3)), JY_ERANGE);
    cr_assert(strstr(jy_error_last()->message, "covers 2026, 2027"), "%s", jy_error_last()->message);

    /* The same year again: refused, the calendar unchanged. */
    cr_assert_eq(jy_calendar_add_file(c, FICTIONAL_2027, &err), JY_EEXISTS);
    cr_assert_str_eq(err.field, "year");
    cr_assert(strstr(err.text, "2027"));
    cr_assert_eq(jy_calendar_year_count(c), 2);
    /* A bad file: refused, unchanged. */
    const char *bad = "{\"year\": 2028, \"holidays\": [{\"name\": \"A\", \"off\": [\"2028-02-30\"]}]}";
    cr_assert_eq(jy_calendar_add_buffer(c, bad, strlen(bad), &err), JY_EINVAL);
    cr_assert_str_eq(err.field, "holidays[0].off[0]");
    cr_assert_eq(jy_calendar_year_count(c), 2);
    cr_assert_eq(jy_calendar_holiday_count(c), NOTICE_COUNT + 2);
    jy_calendar_free(c);
}

Test(calendar_years, load_several_into_a_new_calendar)
{
    jy_calendar *c = NULL;
    cr_assert_eq(jy_calendar_new(&c), JY_OK);
    cr_assert_eq(jy_calendar_year_count(c), 0);
    int w;
    cr_assert_eq(jy_calendar_is_workday(&w, c, D(2026, 1, 5)), JY_ERANGE);
    cr_assert(strstr(jy_error_last()->message, "covers no year"));
    /* Later year first: years are kept in order. */
    cr_assert_eq(jy_calendar_add_file(c, FICTIONAL_2027, NULL), JY_OK);
    size_t len = 0;
    char *text = read_text(DATA_2026, &len);
    cr_assert_eq(jy_calendar_add_buffer(c, text, len, NULL), JY_OK);
    free(text);
    cr_assert_eq(jy_calendar_year_at(c, 0), 2026);
    cr_assert_eq(jy_calendar_year_at(c, 1), 2027);
    cr_assert_str_eq(jy_calendar_holiday_at(c, 0)->name, "元旦");
    cr_assert_eq(jy_calendar_holiday_at(c, 0)->year, 2026);
    long n = 0;
    cr_assert_eq(jy_calendar_workdays(&n, c, D(2026, 1, 1), D(2026, 12, 31)), JY_OK);
    cr_assert_eq(n, 248);
    jy_calendar_free(c);
}

Test(calendar_years, load_file_and_buffer)
{
    jy_calendar *c = (jy_calendar *)1;
    jy_located_error err;
    cr_assert_eq(jy_calendar_load_file(&c, FICTIONAL_2027, &err), JY_OK);
    cr_assert_eq(jy_calendar_year_count(c), 1);
    jy_calendar_free(c);

    c = (jy_calendar *)1;
    cr_assert_eq(jy_calendar_load_file(&c, JY_TEST_DATA_DIR "/calendar/missing.json", &err), JY_EIO);
    cr_assert_null(c);
    cr_assert(strstr(err.source, "missing.json"));

    cr_assert_eq(jy_calendar_load_file(&c, BAD_DATE, &err), JY_EINVAL);
    cr_assert_null(c);
    cr_assert(strstr(err.source, "bad-date.json"), "%s", err.source);
    cr_assert_str_eq(err.field, "holidays[0].off[1]");
    cr_assert(strstr(err.text, "2027-02-30"), "%s", err.text);
    cr_assert(strstr(jy_error_last()->message, "bad-date.json"));

    cr_assert_eq(jy_calendar_load_buffer(&c, "{", 1, &err), JY_EPARSE);
    cr_assert_str_eq(err.source, "<memory>");
    cr_assert_eq(err.line, 1);
    cr_assert_eq(jy_calendar_load_buffer(NULL, "{}", 2, &err), JY_EINVAL);
    cr_assert_eq(jy_calendar_load_file(&c, NULL, &err), JY_EINVAL);
    cr_assert_eq(jy_calendar_add_buffer(NULL, "{}", 2, &err), JY_EINVAL);
}

/* Malformed years: each refused with the field and the reason. */
static const struct {
    const char *json;
    int code;
    const char *field;
    const char *text;
} BAD[] = {
    { "[]", JY_EINVAL, "", "must be a JSON object" },
    { "{\"holidays\": []}", JY_EINVAL, "", "missing member 'year'" },
    { "{\"year\": \"2027\", \"holidays\": []}", JY_EINVAL, "year", "must be a number, not a string" },
    { "{\"year\": 2027.5, \"holidays\": []}", JY_EINVAL, "year", "whole year" },
    { "{\"year\": 0, \"holidays\": []}", JY_EINVAL, "year", "whole year" },
    { "{\"year\": 2027}", JY_EINVAL, "", "missing member 'holidays'" },
    { "{\"year\": 2027, \"holidays\": {}}", JY_EINVAL, "holidays", "must be an array" },
    { "{\"year\": 2027, \"holidays\": []}", JY_EINVAL, "holidays", "empty" },
    { "{\"year\": 2027, \"holidays\": [1]}", JY_EINVAL, "holidays[0]", "must be an object, not a number" },
    { "{\"year\": 2027, \"holidays\": [{\"off\": [\"2027-01-01\"]}]}", JY_EINVAL, "holidays[0]", "missing member 'name'" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": 5, \"off\": [\"2027-01-01\"]}]}", JY_EINVAL, "holidays[0].name", "must be a string" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \" \", \"off\": [\"2027-01-01\"]}]}", JY_EINVAL, "holidays[0].name", "empty" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\"}]}", JY_EINVAL, "holidays[0]", "missing member 'off'" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": []}]}", JY_EINVAL, "holidays[0].off", "at least one day" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": \"2027-01-01\"}]}", JY_EINVAL, "holidays[0].off", "must be an array of dates, not a string" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": [20270101]}]}", JY_EINVAL, "holidays[0].off[0]", "must be a date string" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": [\"2027/01/01\"]}]}", JY_EINVAL, "holidays[0].off[0]", "YYYY-MM-DD" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": [\"2027-1-1\"]}]}", JY_EINVAL, "holidays[0].off[0]", "YYYY-MM-DD" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": [\"2027-02-29\"]}]}", JY_EINVAL, "holidays[0].off[0]", "2027-02-29 is not a date that exists" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": [\"2027-13-01\"]}]}", JY_EINVAL, "holidays[0].off[0]", "not a date that exists" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": [\"2026-12-24\"]}]}", JY_EINVAL, "holidays[0].off[0]", "outside the declared year 2027 (only 2026-12-25 .. 2026-12-31 may precede it)" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": [\"2026-05-01\"]}]}", JY_EINVAL, "holidays[0].off[0]", "outside the declared year 2027" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": [\"2027-12-31\", \"2028-01-01\"]}]}", JY_EINVAL, "holidays[0].off[1]", "outside the declared year 2027" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": [\"2027-01-01\"], \"makeup_workdays\": [\"2028-01-01\"]}]}", JY_EINVAL, "holidays[0].makeup_workdays[0]", "outside the declared year" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": [\"2027-01-01\"], \"makeup_workdays\": {}}]}", JY_EINVAL, "holidays[0].makeup_workdays", "must be an array" },
    /* 2027-01-04 is a Monday. */
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": [\"2027-01-01\"], \"makeup_workdays\": [\"2027-01-04\"]}]}", JY_EINVAL, "holidays[0].makeup_workdays[0]", "is a Monday" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"off\": [\"2027-01-02\"], \"makeup_workdays\": [\"2027-01-02\"]}]}", JY_EINVAL, "holidays[0].makeup_workdays[0]", "both a day off and a make-up working day (also listed at holidays[0].off[0])" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"A\", \"off\": [\"2027-01-01\"]}, {\"name\": \"B\", \"off\": [\"2027-03-01\"], \"makeup_workdays\": [\"2027-01-03\"]}, {\"name\": \"C\", \"off\": [\"2027-01-03\"]}]}", JY_EINVAL, "holidays[2].off[0]", "both a day off and a make-up working day (also listed at holidays[1].makeup_workdays[0])" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"A\", \"off\": [\"2027-01-01\", \"2027-01-01\"]}]}", JY_EINVAL, "holidays[0].off[1]", "listed twice (also at holidays[0].off[0])" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"A\", \"off\": [\"2027-01-01\"]}, {\"name\": \"B\", \"off\": [\"2027-01-01\"]}]}", JY_EINVAL, "holidays[1].off[0]", "listed twice (also at holidays[0].off[0])" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"A\", \"off\": [\"2027-01-01\"], \"makeup_workdays\": [\"2027-01-03\"]}], \"makeup_workdays\": []}", JY_EINVAL, "holidays[0].makeup_workdays[0]", "missing from the top-level makeup_workdays" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"A\", \"off\": [\"2027-01-01\"]}], \"makeup_workdays\": [\"2027-01-03\"]}", JY_EINVAL, "makeup_workdays[0]", "not a make-up working day of any holiday" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"A\", \"off\": [\"2027-01-01\"]}], \"makeup_workdays\": [\"2027-02-30\"]}", JY_EINVAL, "makeup_workdays[0]", "not a date that exists" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"A\", \"off\": [\"2027-01-01\"]}], \"makeup_workdays\": 3}", JY_EINVAL, "makeup_workdays", "must be an array" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"A\", \"off\": [\"2027-01-01\"], \"makeup_workdays\": [\"2027-01-03\"]}], \"makeup_workdays\": [\"2027-01-03\", \"2027-01-03\"]}", JY_EINVAL, "makeup_workdays[1]", "listed twice" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"A\", \"off\": [\"2027-01-01\"]}],}", JY_EPARSE, "", "malformed" },
    { "{\"year\": 2027, \"holidays\": [{\"name\": \"\xff\", \"off\": [\"2027-01-01\"]}]}", JY_EUTF8, "holidays[0].name", "invalid UTF-8" },
};

Test(calendar_years, malformed_files)
{
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        jy_calendar *c = (jy_calendar *)1;
        jy_located_error err;
        int rc = jy_calendar_load_buffer(&c, BAD[i].json, strlen(BAD[i].json), &err);
        cr_assert_eq(rc, BAD[i].code, "case %zu: %d %s", i, rc, err.text);
        cr_assert_null(c);
        cr_assert_eq(err.code, BAD[i].code);
        cr_assert_str_eq(err.field, BAD[i].field, "case %zu: field '%s'", i, err.field);
        cr_assert(strstr(err.text, BAD[i].text), "case %zu: '%s'", i, err.text);
        cr_assert_str_eq(err.source, "<memory>");
    }
}

/* A notice reaching into December of the year before (as the 2019 notice
 * did: 2018-12-29 worked, 2018-12-30 and 31 off). Fictional years. */
static const char SPILL_2031[] =
    "{\"year\": 2031, \"holidays\": [{\"name\": \"元旦\", "
    "\"off\": [\"2030-12-30\", \"2030-12-31\", \"2031-01-01\"], "
    "\"makeup_workdays\": [\"2030-12-28\"]}]}";
static const char PLAIN_2030[] =
    "{\"year\": 2030, \"holidays\": [{\"name\": \"国庆节\", \"off\": [\"2030-10-01\"]}]}";
static const char CLASH_2030[] =
    "{\"year\": 2030, \"holidays\": [{\"name\": \"国庆节\", \"off\": [\"2030-10-01\"]},"
    "{\"name\": \"X\", \"off\": [\"2030-12-25\"], \"makeup_workdays\": [\"2030-12-28\"]}]}";

Test(calendar_years, days_of_december_before_the_year)
{
    jy_calendar *c = NULL;
    jy_located_error err;
    cr_assert_eq(jy_calendar_load_buffer(&c, SPILL_2031, strlen(SPILL_2031), &err), JY_OK, "%s", err.text);
    const jy_holiday *h = jy_calendar_holiday_at(c, 0);
    cr_assert_eq(h->year, 2031);
    cr_assert_eq(jy_date_compare(h->first, D(2030, 12, 30)), 0);
    /* 2030 is not covered: its days are not answered, even those the 2031
     * notice lists. */
    int w = -1;
    cr_assert_eq(jy_calendar_is_workday(&w, c, D(2030, 12, 31)), JY_ERANGE);
    cr_assert_eq(jy_calendar_add_buffer(c, PLAIN_2030, strlen(PLAIN_2030), &err), JY_OK, "%s", err.text);
    cr_assert_eq(jy_calendar_is_workday(&w, c, D(2030, 12, 31)), JY_OK);   /* a Tuesday */
    cr_assert_eq(w, 0);
    cr_assert_eq(jy_calendar_is_workday(&w, c, D(2030, 12, 28)), JY_OK);   /* a Saturday */
    cr_assert_eq(w, 1);
    const char *name = NULL;
    cr_assert_eq(jy_calendar_holiday(&name, c, D(2030, 12, 30)), JY_OK);
    cr_assert_str_eq(name, "元旦");
    /* December 2030: 22 Mondays-Fridays, 30th and 31st off, 28th worked. */
    long n = 0;
    cr_assert_eq(jy_calendar_workdays(&n, c, D(2030, 12, 1), D(2030, 12, 31)), JY_OK);
    cr_assert_eq(n, 22 - 2 + 1);
    /* Holidays in order: 2030's, then 2031's 元旦 starting in December 2030. */
    cr_assert_str_eq(jy_calendar_holiday_at(c, 0)->name, "国庆节");
    cr_assert_str_eq(jy_calendar_holiday_at(c, 1)->name, "元旦");
    jy_calendar_free(c);

    /* The same day listed by two years' files: refused, in either order. */
    cr_assert_eq(jy_calendar_load_buffer(&c, SPILL_2031, strlen(SPILL_2031), NULL), JY_OK);
    cr_assert_eq(jy_calendar_add_buffer(c, CLASH_2030, strlen(CLASH_2030), &err), JY_EINVAL);
    cr_assert_str_eq(err.field, "holidays[1].makeup_workdays[0]");
    cr_assert(strstr(err.text, "already listed by the calendar's 2031 data (元旦)"), "%s", err.text);
    cr_assert_eq(jy_calendar_year_count(c), 1);
    jy_calendar_free(c);
    cr_assert_eq(jy_calendar_load_buffer(&c, CLASH_2030, strlen(CLASH_2030), NULL), JY_OK);
    cr_assert_eq(jy_calendar_add_buffer(c, SPILL_2031, strlen(SPILL_2031), &err), JY_EINVAL);
    cr_assert_str_eq(err.field, "holidays[0].makeup_workdays[0]");
    cr_assert(strstr(err.text, "2030 data (X)"), "%s", err.text);
    jy_calendar_free(c);
}

Test(calendar_years, a_good_minimal_file)
{
    /* Optional makeup lists, a consistent top-level list, unknown members. */
    const char *json = "\xEF\xBB\xBF{\"year\": 2027, \"note\": 1, \"holidays\": ["
                       "{\"name\": \"A\", \"off\": [\"2027-01-01\"], \"makeup_workdays\": [\"2027-01-03\"]},"
                       "{\"name\": \"B\", \"off\": [\"2027-03-01\"]}],"
                       "\"makeup_workdays\": [\"2027-01-03\"]}";
    jy_calendar *c = NULL;
    jy_located_error err;
    cr_assert_eq(jy_calendar_load_buffer(&c, json, strlen(json), &err), JY_OK, "%s", err.text);
    cr_assert_eq(jy_calendar_holiday_at(c, 1)->makeup_count, 0);
    cr_assert_null(jy_calendar_holiday_at(c, 1)->makeup);
    jy_calendar_free(c);
}

/* ------------------------------------------------------------------------- */
/* Periods. */

static jy_bucket *split(size_t *n, jy_period whole, jy_period_unit unit, jy_date start)
{
    jy_bucket *b = NULL;
    int rc = jy_period_split(&b, n, whole, unit, start);
    cr_assert_eq(rc, JY_OK, "%d %s", rc, jy_error_last()->message);
    cr_assert_not_null(b);
    return b;
}

static void expect_bucket(const jy_bucket *b, jy_date from, jy_date to, int partial)
{
    cr_assert_eq(jy_date_compare(b->period.from, from), 0, "from %04d-%02d-%02d",
                 b->period.from.year, b->period.from.month, b->period.from.day);
    cr_assert_eq(jy_date_compare(b->period.to, to), 0, "to %04d-%02d-%02d", b->period.to.year,
                 b->period.to.month, b->period.to.day);
    cr_assert_eq(b->partial, partial);
}

static const jy_date NO_DATE = { 0, 0, 0 };

Test(periods, months_clipped)
{
    size_t n = 0;
    jy_bucket *b = split(&n, P(D(2026, 3, 15), D(2026, 5, 10)), JY_PERIOD_MONTH, NO_DATE);
    cr_assert_eq(n, 3);
    expect_bucket(&b[0], D(2026, 3, 15), D(2026, 3, 31), 1);
    cr_assert_eq(jy_date_compare(b[0].full.from, D(2026, 3, 1)), 0);
    expect_bucket(&b[1], D(2026, 4, 1), D(2026, 4, 30), 0);
    expect_bucket(&b[2], D(2026, 5, 1), D(2026, 5, 10), 1);
    cr_assert_eq(jy_date_compare(b[2].full.to, D(2026, 5, 31)), 0);
    jy_free(b);
}

Test(periods, weeks_cross_months_and_years)
{
    size_t n = 0;
    /* March 2026: Sunday the 1st to Tuesday the 31st. */
    jy_bucket *b = split(&n, P(D(2026, 3, 1), D(2026, 3, 31)), JY_PERIOD_WEEK, NO_DATE);
    cr_assert_eq(n, 6);
    expect_bucket(&b[0], D(2026, 3, 1), D(2026, 3, 1), 1);
    cr_assert_eq(jy_date_compare(b[0].full.from, D(2026, 2, 23)), 0);
    expect_bucket(&b[1], D(2026, 3, 2), D(2026, 3, 8), 0);
    expect_bucket(&b[4], D(2026, 3, 23), D(2026, 3, 29), 0);
    expect_bucket(&b[5], D(2026, 3, 30), D(2026, 3, 31), 1);
    cr_assert_eq(jy_date_compare(b[5].full.to, D(2026, 4, 5)), 0);
    jy_free(b);
    /* A whole week across New Year. */
    b = split(&n, P(D(2026, 12, 28), D(2027, 1, 3)), JY_PERIOD_WEEK, NO_DATE);
    cr_assert_eq(n, 1);
    expect_bucket(&b[0], D(2026, 12, 28), D(2027, 1, 3), 0);
    jy_free(b);
}

Test(periods, quarters_and_days)
{
    size_t n = 0;
    jy_bucket *b = split(&n, P(D(2026, 1, 1), D(2026, 12, 31)), JY_PERIOD_QUARTER, NO_DATE);
    cr_assert_eq(n, 4);
    expect_bucket(&b[0], D(2026, 1, 1), D(2026, 3, 31), 0);
    expect_bucket(&b[3], D(2026, 10, 1), D(2026, 12, 31), 0);
    jy_free(b);
    b = split(&n, P(D(2026, 3, 15), D(2027, 3, 14)), JY_PERIOD_QUARTER, NO_DATE);
    cr_assert_eq(n, 5);
    expect_bucket(&b[0], D(2026, 3, 15), D(2026, 3, 31), 1);
    expect_bucket(&b[4], D(2027, 1, 1), D(2027, 3, 14), 1);
    jy_free(b);
    b = split(&n, P(D(2028, 2, 27), D(2028, 3, 1)), JY_PERIOD_DAY, NO_DATE);
    cr_assert_eq(n, 4);
    expect_bucket(&b[2], D(2028, 2, 29), D(2028, 2, 29), 0);
    expect_bucket(&b[3], D(2028, 3, 1), D(2028, 3, 1), 0);
    jy_free(b);
    b = split(&n, P(D(2028, 2, 1), D(2028, 2, 29)), JY_PERIOD_MONTH, NO_DATE);
    cr_assert_eq(n, 1);
    expect_bucket(&b[0], D(2028, 2, 1), D(2028, 2, 29), 0);
    jy_free(b);
}

Test(periods, one_day_in_every_unit)
{
    jy_date day = D(2026, 5, 9);
    jy_period_unit units[] = { JY_PERIOD_DAY, JY_PERIOD_WEEK, JY_PERIOD_MONTH, JY_PERIOD_QUARTER,
                               JY_PERIOD_YEAR };
    for (size_t i = 0; i < 5; i++) {
        size_t n = 0;
        jy_bucket *b = split(&n, P(day, day), units[i], D(2026, 3, 15));
        cr_assert_eq(n, 1);
        expect_bucket(&b[0], day, day, units[i] != JY_PERIOD_DAY);
        jy_free(b);
    }
}

Test(periods, contract_years)
{
    jy_period p;
    cr_assert_eq(jy_contract_year(&p, D(2026, 3, 15), D(2026, 3, 15)), JY_OK);
    cr_assert_eq(jy_date_compare(p.from, D(2026, 3, 15)), 0);
    cr_assert_eq(jy_date_compare(p.to, D(2027, 3, 14)), 0);
    cr_assert_eq(jy_contract_year(&p, D(2026, 3, 15), D(2027, 3, 14)), JY_OK);
    cr_assert_eq(jy_date_compare(p.from, D(2026, 3, 15)), 0);
    cr_assert_eq(jy_contract_year(&p, D(2026, 3, 15), D(2027, 3, 15)), JY_OK);
    cr_assert_eq(jy_date_compare(p.from, D(2027, 3, 15)), 0);
    cr_assert_eq(jy_date_compare(p.to, D(2028, 3, 14)), 0);
    cr_assert_eq(jy_contract_year(&p, D(2026, 3, 15), D(2026, 3, 14)), JY_ERANGE);
    cr_assert_eq(jy_contract_year(&p, D(2026, 2, 30), D(2026, 3, 14)), JY_EINVAL);
    cr_assert_eq(jy_contract_year(NULL, D(2026, 3, 15), D(2026, 3, 15)), JY_EINVAL);
    /* Signed on 29 February: the anniversary is 1 March in common years. */
    cr_assert_eq(jy_contract_year(&p, D(2028, 2, 29), D(2029, 2, 28)), JY_OK);
    cr_assert_eq(jy_date_compare(p.from, D(2028, 2, 29)), 0);
    cr_assert_eq(jy_date_compare(p.to, D(2029, 2, 28)), 0);
    cr_assert_eq(jy_contract_year(&p, D(2028, 2, 29), D(2029, 3, 1)), JY_OK);
    cr_assert_eq(jy_date_compare(p.from, D(2029, 3, 1)), 0);
    cr_assert_eq(jy_date_compare(p.to, D(2030, 2, 28)), 0);
    cr_assert_eq(jy_contract_year(&p, D(2028, 2, 29), D(2032, 3, 1)), JY_OK);
    cr_assert_eq(jy_date_compare(p.from, D(2032, 2, 29)), 0);
    cr_assert_eq(jy_date_compare(p.to, D(2033, 2, 28)), 0);
}

Test(periods, split_by_contract_year)
{
    size_t n = 0;
    jy_bucket *b = split(&n, P(D(2026, 3, 15), D(2027, 3, 14)), JY_PERIOD_YEAR, D(2026, 3, 15));
    cr_assert_eq(n, 1);
    expect_bucket(&b[0], D(2026, 3, 15), D(2027, 3, 14), 0);
    jy_free(b);
    b = split(&n, P(D(2026, 6, 1), D(2028, 1, 31)), JY_PERIOD_YEAR, D(2026, 3, 15));
    cr_assert_eq(n, 2);
    expect_bucket(&b[0], D(2026, 6, 1), D(2027, 3, 14), 1);
    cr_assert_eq(jy_date_compare(b[0].full.from, D(2026, 3, 15)), 0);
    expect_bucket(&b[1], D(2027, 3, 15), D(2028, 1, 31), 1);
    cr_assert_eq(jy_date_compare(b[1].full.to, D(2028, 3, 14)), 0);
    jy_free(b);
    /* Months of a contract year starting mid-month. */
    b = split(&n, P(D(2026, 3, 15), D(2027, 3, 14)), JY_PERIOD_MONTH, NO_DATE);
    cr_assert_eq(n, 13);
    expect_bucket(&b[0], D(2026, 3, 15), D(2026, 3, 31), 1);
    expect_bucket(&b[12], D(2027, 3, 1), D(2027, 3, 14), 1);
    for (size_t i = 1; i < 12; i++)
        cr_assert_eq(b[i].partial, 0);
    jy_free(b);
}

Test(periods, split_errors)
{
    jy_bucket *b = (jy_bucket *)1;
    size_t n = 9;
    cr_assert_eq(jy_period_split(&b, &n, P(D(2026, 3, 2), D(2026, 3, 1)), JY_PERIOD_DAY, NO_DATE), JY_EINVAL);
    cr_assert_null(b);
    cr_assert_eq(n, 0);
    cr_assert_eq(jy_period_split(&b, &n, P(D(2026, 2, 29), D(2026, 3, 1)), JY_PERIOD_DAY, NO_DATE), JY_EINVAL);
    cr_assert_eq(jy_period_split(&b, &n, P(D(2026, 3, 1), D(2026, 3, 1)), (jy_period_unit)9, NO_DATE), JY_EINVAL);
    cr_assert_eq(jy_period_split(&b, &n, P(D(2026, 3, 1), D(2026, 3, 1)), JY_PERIOD_YEAR, NO_DATE), JY_EINVAL);
    cr_assert_eq(jy_period_split(&b, &n, P(D(2026, 3, 1), D(2026, 3, 31)), JY_PERIOD_YEAR, D(2026, 3, 15)), JY_ERANGE);
    cr_assert_eq(jy_period_split(NULL, &n, P(D(2026, 3, 1), D(2026, 3, 1)), JY_PERIOD_DAY, NO_DATE), JY_EINVAL);
    cr_assert_eq(jy_period_split(&b, NULL, P(D(2026, 3, 1), D(2026, 3, 1)), JY_PERIOD_DAY, NO_DATE), JY_EINVAL);
}

static void expect_label(const char *text, jy_period_unit unit, jy_date from, jy_date to)
{
    jy_period p;
    jy_period_unit u = (jy_period_unit)-1;
    int rc = jy_period_parse(&p, &u, text);
    cr_assert_eq(rc, JY_OK, "%s: %d %s", text, rc, jy_error_last()->message);
    cr_assert_eq(u, unit, "%s", text);
    cr_assert_eq(jy_date_compare(p.from, from), 0, "%s", text);
    cr_assert_eq(jy_date_compare(p.to, to), 0, "%s", text);
    char out[JY_PERIOD_TEXT_SIZE];
    cr_assert_eq(jy_period_format(out, p, u), JY_OK);
    cr_assert_str_eq(out, text);
}

Test(periods, labels)
{
    expect_label("2026", JY_PERIOD_YEAR, D(2026, 1, 1), D(2026, 12, 31));
    expect_label("2026-03", JY_PERIOD_MONTH, D(2026, 3, 1), D(2026, 3, 31));
    expect_label("2028-02", JY_PERIOD_MONTH, D(2028, 2, 1), D(2028, 2, 29));
    expect_label("2026-Q1", JY_PERIOD_QUARTER, D(2026, 1, 1), D(2026, 3, 31));
    expect_label("2026-Q4", JY_PERIOD_QUARTER, D(2026, 10, 1), D(2026, 12, 31));
    expect_label("2026-W10", JY_PERIOD_WEEK, D(2026, 3, 2), D(2026, 3, 8));
    expect_label("2026-W01", JY_PERIOD_WEEK, D(2025, 12, 29), D(2026, 1, 4));
    expect_label("2026-W53", JY_PERIOD_WEEK, D(2026, 12, 28), D(2027, 1, 3));
    expect_label("2027-W01", JY_PERIOD_WEEK, D(2027, 1, 4), D(2027, 1, 10));
    expect_label("2020-W53", JY_PERIOD_WEEK, D(2020, 12, 28), D(2021, 1, 3));
    expect_label("2028-02-29", JY_PERIOD_DAY, D(2028, 2, 29), D(2028, 2, 29));
}

Test(periods, every_week_month_quarter_round_trips)
{
    /* Every week bucket from 2025 to 2029 formats to a label that parses back. */
    size_t n = 0;
    jy_period_unit units[] = { JY_PERIOD_WEEK, JY_PERIOD_MONTH, JY_PERIOD_QUARTER, JY_PERIOD_DAY };
    for (size_t k = 0; k < 4; k++) {
        jy_bucket *b = split(&n, P(D(2025, 1, 1), D(2029, 12, 31)), units[k], NO_DATE);
        for (size_t i = 0; i < n; i++) {
            char out[JY_PERIOD_TEXT_SIZE];
            cr_assert_eq(jy_period_format(out, b[i].full, units[k]), JY_OK);
            jy_period p;
            jy_period_unit u;
            cr_assert_eq(jy_period_parse(&p, &u, out), JY_OK, "%s", out);
            cr_assert_eq(u, units[k]);
            cr_assert_eq(jy_date_compare(p.from, b[i].full.from), 0, "%s", out);
            cr_assert_eq(jy_date_compare(p.to, b[i].full.to), 0, "%s", out);
        }
        jy_free(b);
    }
    /* 2026 has 53 ISO weeks; 2027 has 52. */
    jy_period p;
    cr_assert_eq(jy_period_parse(&p, NULL, "2026-W53"), JY_OK);
    cr_assert_eq(jy_period_parse(&p, NULL, "2027-W53"), JY_EINVAL);
    /* 2027-01-01 lies in the last week of ISO year 2026. */
    char out[JY_PERIOD_TEXT_SIZE];
    jy_bucket *b = split(&n, P(D(2027, 1, 1), D(2027, 1, 1)), JY_PERIOD_WEEK, NO_DATE);
    cr_assert_eq(jy_period_format(out, b[0].full, JY_PERIOD_WEEK), JY_OK);
    cr_assert_str_eq(out, "2026-W53");
    jy_free(b);
}

Test(periods, bad_labels)
{
    static const struct {
        const char *text;
        int code;
    } bad[] = {
        { "2026-13", JY_EINVAL }, { "2026-00", JY_EINVAL }, { "2026-Q5", JY_EINVAL },
        { "2026-Q0", JY_EINVAL }, { "2026-W54", JY_EINVAL }, { "2026-W00", JY_EINVAL },
        { "2027-W53", JY_EINVAL }, { "2026-02-30", JY_EINVAL }, { "0000", JY_EINVAL },
        { "", JY_EPARSE }, { "26", JY_EPARSE }, { "2026-3", JY_EPARSE }, { "2026-W5", JY_EPARSE },
        { "2026-q1", JY_EPARSE }, { "2026-w10", JY_EPARSE }, { " 2026", JY_EPARSE },
        { "2026 ", JY_EPARSE }, { "2026/03", JY_EPARSE }, { "2026-Q12", JY_EPARSE },
        { "2026-03-5", JY_EPARSE }, { "二〇二六", JY_EPARSE }, { "2026-3-05", JY_EPARSE },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        jy_period p = { { 1, 1, 1 }, { 1, 1, 1 } };
        int rc = jy_period_parse(&p, NULL, bad[i].text);
        cr_assert_eq(rc, bad[i].code, "'%s': %d", bad[i].text, rc);
        cr_assert_eq(p.from.year, 1, "untouched on failure");
    }
    cr_assert_eq(jy_period_parse(NULL, NULL, "2026"), JY_EINVAL);
}

Test(periods, format_needs_one_whole_bucket)
{
    char out[JY_PERIOD_TEXT_SIZE] = "x";
    cr_assert_eq(jy_period_format(out, P(D(2026, 3, 2), D(2026, 3, 30)), JY_PERIOD_MONTH), JY_EINVAL);
    cr_assert_str_eq(out, "");
    cr_assert_eq(jy_period_format(out, P(D(2026, 3, 3), D(2026, 3, 9)), JY_PERIOD_WEEK), JY_EINVAL);
    cr_assert_eq(jy_period_format(out, P(D(2026, 1, 1), D(2026, 6, 30)), JY_PERIOD_QUARTER), JY_EINVAL);
    cr_assert_eq(jy_period_format(out, P(D(2026, 3, 15), D(2027, 3, 14)), JY_PERIOD_YEAR), JY_EINVAL);
    cr_assert_eq(jy_period_format(out, P(D(2026, 3, 1), D(2026, 3, 2)), JY_PERIOD_DAY), JY_EINVAL);
    cr_assert_eq(jy_period_format(out, P(D(2026, 3, 1), D(2026, 3, 1)), (jy_period_unit)7), JY_EINVAL);
    cr_assert_eq(jy_period_format(NULL, P(D(2026, 3, 1), D(2026, 3, 1)), JY_PERIOD_DAY), JY_EINVAL);
}
