/*
 * Benchmark of the assessment: the scorecard of a contract year and of a
 * month on a database (the full synthetic county: jiuye-gen --scale 1 and
 * jiuye import, see docs/BENCHMARKS.md).
 *
 *   bench_assess --db FILE [--runs N]
 *
 * Opens the database read-only, finds its contract year, then scores the
 * year N times and its third month N times (each run a new scorecard, the
 * database connection kept open: prepared statements are cached per
 * connection, as in an application), and prints the best, median and worst
 * times in milliseconds. A first cold run (statements prepared, pages read)
 * is reported separately.
 */
#include <jiuye.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double clock_s(clockid_t which)
{
    struct timespec ts;
    clock_gettime(which, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}

/* CPU time of the process: on a loaded machine (the build machines share
 * 2 cores) wall time measures the neighbours too. */
static double cpu(void)
{
    return clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int run(const char *what, jy_db *db, jy_date from, jy_date to, int runs)
{
    double *t = calloc((size_t)runs, sizeof *t), *c = calloc((size_t)runs, sizeof *c);
    if (!t || !c) {
        free(t);
        free(c);
        return 1;
    }
    double total = 0;
    for (int i = 0; i <= runs; i++) {
        jy_scorecard *card = NULL;
        double t0 = now(), c0 = cpu();
        if (jy_assess(&card, db, from, to, NULL) != JY_OK) {
            fprintf(stderr, "bench_assess: %s\n", jy_error_last()->message);
            free(t);
            free(c);
            return 1;
        }
        double dt = (now() - t0) * 1e3, dc = (cpu() - c0) * 1e3;
        total = jy_scorecard_total(card);
        jy_scorecard_free(card);
        if (i == 0) {
            printf("%-16s cold: wall %8.2f ms, cpu %8.2f ms\n", what, dt, dc);
        } else {
            t[i - 1] = dt;
            c[i - 1] = dc;
        }
    }
    qsort(t, (size_t)runs, sizeof *t, cmp);
    qsort(c, (size_t)runs, sizeof *c, cmp);
    printf("%-16s wall: best %8.2f  median %8.2f  worst %8.2f ms (%d runs, total %.1f)\n", what,
           t[0], t[runs / 2], t[runs - 1], runs, total);
    printf("%-16s cpu:  best %8.2f  median %8.2f  worst %8.2f ms\n", what, c[0], c[runs / 2],
           c[runs - 1]);
    free(t);
    free(c);
    return 0;
}

int main(int argc, char **argv)
{
    const char *path = NULL;
    int runs = 20;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
            path = argv[++i];
        else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else
            path = NULL, i = argc;
    }
    if (!path || runs < 1) {
        fprintf(stderr, "usage: bench_assess --db FILE [--runs N]\n");
        return 2;
    }
    jy_db_options o = JY_DB_OPTIONS_INIT;
    o.flags = JY_DB_READONLY;
    jy_db *db = NULL;
    if (jy_db_open(&db, path, &o) != JY_OK) {
        fprintf(stderr, "bench_assess: %s: %s\n", path, jy_error_last()->message);
        return 1;
    }
    jy_period year;
    jy_date any = { 0, 0, 0 };
    int rc = 1;
    if (jy_assess_contract_year(&year, db, any) != JY_OK) {
        fprintf(stderr, "bench_assess: %s\n", jy_error_last()->message);
    } else {
        jy_date m0 = year.from, m1;
        m0.month += 2;
        if (m0.month > 12)
            m0.month -= 12, m0.year++;
        m0.day = 1;
        m1 = m0;
        m1.day = 28;
        while (m1.day < 31) {
            jy_date next = m1;
            next.day++;
            if (!jy_date_is_valid(next))
                break;
            m1 = next;
        }
        rc = run("contract year", db, year.from, year.to, runs) ||
             run("one month", db, m0, m1, runs);
    }
    jy_db_close(db);
    return rc;
}
