/* Calendar dates: validity, parsing, formatting, day numbers, ages. */
#include <criterion/criterion.h>
#include <jiuye.h>

static jy_date D(int y, int m, int d)
{
    jy_date r = { y, m, d };
    return r;
}

Test(date, validity)
{
    cr_assert(jy_date_is_valid(D(2000, 2, 29)));
    cr_assert(!jy_date_is_valid(D(1900, 2, 29)));
    cr_assert(jy_date_is_valid(D(2024, 2, 29)));
    cr_assert(!jy_date_is_valid(D(2026, 2, 29)));
    cr_assert(!jy_date_is_valid(D(2026, 4, 31)));
    cr_assert(jy_date_is_valid(D(2026, 12, 31)));
    cr_assert(!jy_date_is_valid(D(2026, 13, 1)));
    cr_assert(!jy_date_is_valid(D(2026, 0, 1)));
    cr_assert(!jy_date_is_valid(D(0, 1, 1)));
    cr_assert(!jy_date_is_valid(D(10000, 1, 1)));
    cr_assert(!jy_date_is_valid(D(0, 0, 0)));
}

struct parse_case {
    const char *text;
    int rc;
    int y, m, d;
};

Test(date, parse_forms_used_in_ledgers)
{
    const struct parse_case cases[] = {
        { "2026-03-05", JY_OK, 2026, 3, 5 },
        { "2026-3-5", JY_OK, 2026, 3, 5 },
        { "2026/3/5", JY_OK, 2026, 3, 5 },
        { "2026.03.05", JY_OK, 2026, 3, 5 },
        { "20260305", JY_OK, 2026, 3, 5 },
        { "2026年3月5日", JY_OK, 2026, 3, 5 },
        { "2026年3月5号", JY_OK, 2026, 3, 5 },
        { "2026年03月05", JY_OK, 2026, 3, 5 },
        { "  2026-03-05 ", JY_OK, 2026, 3, 5 },
        { "２０２６－０３－０５", JY_OK, 2026, 3, 5 },
        { "2024-02-29", JY_OK, 2024, 2, 29 },
        { "2026-02-29", JY_EINVAL, 0, 0, 0 },
        { "2026-02-30", JY_EINVAL, 0, 0, 0 },
        { "2026-13-01", JY_EINVAL, 0, 0, 0 },
        { "20261301", JY_EINVAL, 0, 0, 0 },
        { "2026-3/5", JY_EPARSE, 0, 0, 0 },
        { "26-3-5", JY_EPARSE, 0, 0, 0 },
        { "2026-003-05", JY_EPARSE, 0, 0, 0 },
        { "2026-03-05x", JY_EPARSE, 0, 0, 0 },
        { "2026 03 05", JY_EPARSE, 0, 0, 0 },
        { "", JY_EPARSE, 0, 0, 0 },
        { "yesterday", JY_EPARSE, 0, 0, 0 },
        { "2026-03-\xff", JY_EPARSE, 0, 0, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        jy_date d = { 1, 1, 1 };
        int rc = jy_date_parse(&d, cases[i].text);
        cr_assert_eq(rc, cases[i].rc, "'%s': got %d (%s)", cases[i].text, rc,
                     jy_error_last()->message);
        if (rc == JY_OK) {
            cr_assert_eq(d.year, cases[i].y, "%s", cases[i].text);
            cr_assert_eq(d.month, cases[i].m, "%s", cases[i].text);
            cr_assert_eq(d.day, cases[i].d, "%s", cases[i].text);
        } else {
            cr_assert_eq(d.year, 1, "failure leaves the output untouched");
        }
    }
    cr_assert_eq(jy_date_parse(NULL, "2026-01-01"), JY_EINVAL);
}

Test(date, format)
{
    char buf[JY_DATE_TEXT_SIZE];
    cr_assert_eq(jy_date_format(buf, D(2026, 3, 5)), JY_OK);
    cr_assert_str_eq(buf, "2026-03-05");
    cr_assert_eq(jy_date_format(buf, D(1, 1, 1)), JY_OK);
    cr_assert_str_eq(buf, "0001-01-01");
    cr_assert_eq(jy_date_format(buf, D(2026, 2, 30)), JY_EINVAL);
    cr_assert_str_eq(buf, "");
}

Test(date, day_numbers_round_trip)
{
    long n = 0;
    cr_assert_eq(jy_date_to_days(&n, D(1970, 1, 1)), JY_OK);
    cr_assert_eq(n, 0);
    cr_assert_eq(jy_date_to_days(&n, D(2000, 3, 1)), JY_OK);
    cr_assert_eq(n, 11017);
    cr_assert_eq(jy_date_to_days(&n, D(1969, 12, 31)), JY_OK);
    cr_assert_eq(n, -1);
    /* Every day from 1899 to 2101 round-trips and follows its predecessor. */
    jy_date prev = D(1898, 12, 31);
    long prev_n = 0;
    cr_assert_eq(jy_date_to_days(&prev_n, prev), JY_OK);
    for (long k = prev_n + 1; k < prev_n + 74000; k++) {
        jy_date d;
        cr_assert_eq(jy_date_from_days(&d, k), JY_OK);
        cr_assert(jy_date_is_valid(d));
        cr_assert(jy_date_compare(d, prev) > 0);
        long back = 0;
        cr_assert_eq(jy_date_to_days(&back, d), JY_OK);
        cr_assert_eq(back, k);
        prev = d;
    }
    jy_date d;
    cr_assert_eq(jy_date_from_days(&d, 5000000L), JY_ERANGE);
    cr_assert_eq(jy_date_to_days(&n, D(2026, 2, 29)), JY_EINVAL);
}

Test(date, age_in_completed_years)
{
    int age = -1;
    cr_assert_eq(jy_date_age(&age, D(1990, 6, 15), D(2026, 6, 14)), JY_OK);
    cr_assert_eq(age, 35);
    cr_assert_eq(jy_date_age(&age, D(1990, 6, 15), D(2026, 6, 15)), JY_OK);
    cr_assert_eq(age, 36);
    /* Born on 29 February: older on 1 March in common years, on 29 Feb in leap years. */
    cr_assert_eq(jy_date_age(&age, D(2000, 2, 29), D(2026, 2, 28)), JY_OK);
    cr_assert_eq(age, 25);
    cr_assert_eq(jy_date_age(&age, D(2000, 2, 29), D(2026, 3, 1)), JY_OK);
    cr_assert_eq(age, 26);
    cr_assert_eq(jy_date_age(&age, D(2000, 2, 29), D(2028, 2, 29)), JY_OK);
    cr_assert_eq(age, 28);
    cr_assert_eq(jy_date_age(&age, D(2010, 1, 1), D(2010, 1, 1)), JY_OK);
    cr_assert_eq(age, 0);
    cr_assert_eq(jy_date_age(&age, D(2010, 1, 2), D(2010, 1, 1)), JY_ERANGE);
    cr_assert_eq(jy_date_age(&age, D(2010, 2, 30), D(2011, 1, 1)), JY_EINVAL);
}

Test(date, today_is_plausible)
{
    jy_date t;
    cr_assert_eq(jy_date_today(&t), JY_OK);
    cr_assert(jy_date_is_valid(t));
    cr_assert(t.year >= 2024);
}

Test(date, weekday_iso)
{
    int w = 0;
    cr_assert_eq(jy_date_weekday(&w, D(1970, 1, 1)), JY_OK);
    cr_assert_eq(w, 4);   /* Thursday */
    cr_assert_eq(jy_date_weekday(&w, D(2026, 1, 4)), JY_OK);
    cr_assert_eq(w, 7);   /* Sunday */
    cr_assert_eq(jy_date_weekday(&w, D(2026, 3, 2)), JY_OK);
    cr_assert_eq(w, 1);   /* Monday */
    cr_assert_eq(jy_date_weekday(&w, D(1969, 12, 31)), JY_OK);
    cr_assert_eq(w, 3);   /* Wednesday, before the epoch */
    cr_assert_eq(jy_date_weekday(&w, D(1, 1, 1)), JY_OK);
    cr_assert_eq(w, 1);   /* proleptic Gregorian: a Monday */
    cr_assert_eq(jy_date_weekday(&w, D(9999, 12, 31)), JY_OK);
    cr_assert_eq(w, 5);
    /* Seven consecutive days give 1..7 once each. */
    int seen = 0;
    for (int d = 2; d <= 8; d++) {
        cr_assert_eq(jy_date_weekday(&w, D(2026, 3, d)), JY_OK);
        seen |= 1 << w;
    }
    cr_assert_eq(seen, 0xFE);
    cr_assert_eq(jy_date_weekday(&w, D(2026, 2, 29)), JY_EINVAL);
    cr_assert_eq(jy_date_weekday(NULL, D(2026, 2, 28)), JY_EINVAL);
}
