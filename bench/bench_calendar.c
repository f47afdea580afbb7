/*
 * Benchmark of the calendar: working-day questions and period splits, the
 * primitives a scorecard calls for every bucket of its period.
 *
 *   bench_calendar [--count N]
 *
 * Loads the built-in 2026 calendar plus a fictional 2027 (the contract year
 * signed 2026-03-15 runs into it), then times N calls of each operation and
 * prints count, total seconds and nanoseconds per call. The peer is the
 * obvious loop: counting a period's working days by asking jy_calendar_is_workday()
 * for each day. See docs/BENCHMARKS.md.
 */
#include <jiuye.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void report(const char *what, size_t count, double seconds, long check)
{
    printf("%-40s %9zu calls %8.3f s %9.1f ns/call  (check %ld)\n", what, count, seconds,
           seconds * 1e9 / (double)count, check);
}

static const char FICTIONAL_2027[] =
    "{\"year\": 2027, \"holidays\": ["
    "{\"name\": \"A\", \"off\": [\"2027-01-01\", \"2027-01-02\", \"2027-01-03\"]},"
    "{\"name\": \"B\", \"off\": [\"2027-02-06\", \"2027-02-07\", \"2027-02-08\", \"2027-02-09\","
    " \"2027-02-10\", \"2027-02-11\", \"2027-02-12\", \"2027-02-13\"],"
    " \"makeup_workdays\": [\"2027-01-31\", \"2027-02-20\"]}]}";

static jy_date day_of(long n)
{
    jy_date d = { 0, 0, 0 };
    jy_date_from_days(&d, n);
    return d;
}

int main(int argc, char **argv)
{
    size_t count = 1000000;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--count") == 0 && i + 1 < argc)
            count = (size_t)strtoul(argv[++i], NULL, 10);
        else {
            fprintf(stderr, "usage: bench_calendar [--count N]\n");
            return 2;
        }
    }
    if (count == 0)
        count = 1;

    jy_calendar *cal = NULL;
    if (jy_calendar_load_default(&cal) != JY_OK ||
        jy_calendar_add_buffer(cal, FICTIONAL_2027, sizeof FICTIONAL_2027 - 1, NULL) != JY_OK) {
        fprintf(stderr, "bench_calendar: %s\n", jy_error_last()->message);
        return 1;
    }
    jy_date signed_on = { 2026, 3, 15 };
    jy_period year;
    jy_contract_year(&year, signed_on, signed_on);
    long first = 0, last = 0;
    jy_date_to_days(&first, year.from);
    jy_date_to_days(&last, year.to);
    long span = last - first + 1;

    double t = now();
    long sum = 0;
    for (size_t i = 0; i < count; i++) {
        int w = 0;
        jy_calendar_is_workday(&w, cal, day_of(first + (long)(i % (size_t)span)));
        sum += w;
    }
    report("jy_calendar_is_workday", count, now() - t, sum);

    t = now();
    sum = 0;
    for (size_t i = 0; i < count; i++) {
        long n = 0;
        jy_calendar_workdays(&n, cal, year.from, year.to);
        sum += n;
    }
    report("jy_calendar_workdays (contract year)", count, now() - t, sum / (long)count);

    size_t peer_count = count / 100 ? count / 100 : 1;
    t = now();
    sum = 0;
    for (size_t i = 0; i < peer_count; i++) {
        long n = 0;
        for (long d = first; d <= last; d++) {
            int w = 0;
            jy_calendar_is_workday(&w, cal, day_of(d));
            n += w;
        }
        sum += n;
    }
    report("peer: is_workday day by day (year)", peer_count, now() - t, sum / (long)peer_count);

    static const struct {
        jy_period_unit unit;
        const char *name;
    } units[] = { { JY_PERIOD_DAY, "jy_period_split (year by day)" },
                  { JY_PERIOD_WEEK, "jy_period_split (year by week)" },
                  { JY_PERIOD_MONTH, "jy_period_split (year by month)" } };
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t n_calls = units[u].unit == JY_PERIOD_DAY ? peer_count : count / 10 ? count / 10 : 1;
        t = now();
        sum = 0;
        for (size_t i = 0; i < n_calls; i++) {
            jy_bucket *b = NULL;
            size_t n = 0;
            jy_period_split(&b, &n, year, units[u].unit, signed_on);
            sum += (long)n;
            jy_free(b);
        }
        report(units[u].name, n_calls, now() - t, sum / (long)n_calls);
    }

    t = now();
    sum = 0;
    for (size_t i = 0; i < count; i++) {
        jy_period p;
        sum += jy_period_parse(&p, NULL, i % 2 ? "2026-W10" : "2026-03") == JY_OK;
    }
    report("jy_period_parse", count, now() - t, sum);

    jy_calendar_free(cal);
    return 0;
}
