/*
 * Benchmark of the assessment: the scorecard of a contract year and of a
 * month on a database (the full synthetic county: jiuye-gen --scale 1 and
 * jiuye import, see docs/BENCHMARKS.md).
 *
 *   bench_assess --db FILE [--rules FILE] [--runs N] [--per-metric] [--cold]
 *
 * With --rules, the scorecards follow a county's rule file (docs/rules.md)
 * instead of the default rule set; the per-metric timings keep the metrics'
 * default parameters.
 *
 * With --per-metric, also times every metric of the registry alone
 * (jy_metric_compute, best of N runs, CPU and wall) over the year and the
 * month, slowest first: where the scorecard's time goes.
 *
 * Opens the database read-only, finds its contract year, then scores the
 * year N times and its third month N times (each run a new scorecard, the
 * database connection kept open: prepared statements are cached per
 * connection, as in an application), and prints the best, median and worst
 * times in milliseconds. A first cold run (statements prepared, pages read)
 * is reported separately.
 *
 * With --cold, also measures what a process that scores once pays (`jiuye
 * assess`): N times, a new connection opened, the year (then the month)
 * scored once and the connection closed; then each metric alone on a new
 * connection (best of N), slowest first.
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

/* The rule set of --rules, NULL: the default one. */
static const jy_rules *rules;

static int assess(jy_scorecard **card, jy_db *db, jy_date from, jy_date to)
{
    jy_assess_options o = JY_ASSESS_OPTIONS_INIT;
    o.rules = rules;
    return jy_assess(card, db, from, to, &o);
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
        if (assess(&card, db, from, to) != JY_OK) {
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

typedef struct timing {
    const char *name;
    double wall, cpu;
} timing;

static int cmp_timing(const void *a, const void *b)
{
    double x = ((const timing *)a)->cpu, y = ((const timing *)b)->cpu;
    return x > y ? -1 : x < y;
}

/* Best-of-`runs` time of each metric alone over from .. to. */
static int per_metric(const char *what, jy_db *db, jy_date from, jy_date to, int runs,
                      jy_date contract_start)
{
    jy_calendar *cal = NULL;
    if (jy_calendar_load_default(&cal) != JY_OK) {
        fprintf(stderr, "bench_assess: %s\n", jy_error_last()->message);
        return 1;
    }
    size_t n = jy_metric_count(), k = 0;
    timing *t = calloc(n, sizeof *t);
    if (!t) {
        jy_calendar_free(cal);
        return 1;
    }
    double sum_cpu = 0, sum_wall = 0;
    for (size_t m = 0; m < n; m++) {
        const jy_metric_info *info = jy_metric_at(m);
        double best_w = 1e30, best_c = 1e30;
        int ok = 1;
        for (int i = 0; i <= runs && ok; i++) {
            jy_measure *out = NULL;
            double t0 = now(), c0 = cpu();
            ok = jy_metric_compute(&out, db, info->name, from, to, cal, contract_start) == JY_OK;
            double dt = (now() - t0) * 1e3, dc = (cpu() - c0) * 1e3;
            jy_measure_free(out);
            if (i > 0 && dt < best_w)
                best_w = dt;
            if (i > 0 && dc < best_c)
                best_c = dc;
        }
        if (!ok)
            continue;
        t[k].name = info->name;
        t[k].wall = best_w;
        t[k].cpu = best_c;
        sum_cpu += best_c;
        sum_wall += best_w;
        k++;
    }
    qsort(t, k, sizeof *t, cmp_timing);
    printf("%s, per metric (best of %d; cpu, wall ms):\n", what, runs);
    for (size_t i = 0; i < k; i++)
        if (t[i].cpu >= 0.05 || i < 10)
            printf("  %-36s %8.2f %8.2f\n", t[i].name, t[i].cpu, t[i].wall);
    printf("  %-36s %8.2f %8.2f (%zu metrics)\n", "sum", sum_cpu, sum_wall, k);
    free(t);
    jy_calendar_free(cal);
    return 0;
}

static jy_db *open_db(const char *path)
{
    jy_db_options o = JY_DB_OPTIONS_INIT;
    o.flags = JY_DB_READONLY;
    jy_db *db = NULL;
    if (jy_db_open(&db, path, &o) != JY_OK) {
        fprintf(stderr, "bench_assess: %s: %s\n", path, jy_error_last()->message);
        return NULL;
    }
    return db;
}

/* The scorecard of from .. to on a new connection, `runs` times: the open
 * and the scorecard timed apart. */
static int cold(const char *what, const char *path, jy_date from, jy_date to, int runs)
{
    double best_open = 1e30, best = 1e30, best_cpu = 1e30, worst = 0;
    for (int i = 0; i < runs; i++) {
        double t0 = now();
        jy_db *db = open_db(path);
        if (!db)
            return 1;
        double t1 = now(), c1 = cpu();
        jy_scorecard *card = NULL;
        int rc = assess(&card, db, from, to);
        double dt = (now() - t1) * 1e3, dc = (cpu() - c1) * 1e3;
        jy_scorecard_free(card);
        jy_db_close(db);
        if (rc != JY_OK) {
            fprintf(stderr, "bench_assess: %s\n", jy_error_last()->message);
            return 1;
        }
        if ((t1 - t0) * 1e3 < best_open)
            best_open = (t1 - t0) * 1e3;
        if (dt < best)
            best = dt;
        if (dc < best_cpu)
            best_cpu = dc;
        if (dt > worst)
            worst = dt;
    }
    printf("%-16s new connection: open best %6.2f ms; scorecard wall best %8.2f worst %8.2f, "
           "cpu best %8.2f ms (%d runs)\n",
           what, best_open, best, worst, best_cpu, runs);
    return 0;
}

/* Each metric alone on a new connection (best of `runs`), slowest first. */
static int cold_per_metric(const char *what, const char *path, jy_date from, jy_date to,
                           int runs, jy_date contract_start)
{
    jy_calendar *cal = NULL;
    if (jy_calendar_load_default(&cal) != JY_OK)
        return 1;
    size_t n = jy_metric_count(), k = 0;
    timing *t = calloc(n, sizeof *t);
    double sum = 0;
    for (size_t m = 0; t && m < n; m++) {
        const jy_metric_info *info = jy_metric_at(m);
        double best_w = 1e30, best_c = 1e30;
        int ok = 1;
        for (int i = 0; i < runs && ok; i++) {
            jy_db *db = open_db(path);
            if (!db) {
                ok = 0;
                break;
            }
            jy_measure *out = NULL;
            double t0 = now(), c0 = cpu();
            ok = jy_metric_compute(&out, db, info->name, from, to, cal, contract_start) == JY_OK;
            double dt = (now() - t0) * 1e3, dc = (cpu() - c0) * 1e3;
            jy_measure_free(out);
            jy_db_close(db);
            if (dt < best_w)
                best_w = dt;
            if (dc < best_c)
                best_c = dc;
        }
        if (!ok)
            continue;
        t[k].name = info->name;
        t[k].wall = best_w;
        t[k].cpu = best_c;
        sum += best_c;
        k++;
    }
    if (t) {
        qsort(t, k, sizeof *t, cmp_timing);
        printf("%s, per metric on a new connection (best of %d; cpu, wall ms):\n", what, runs);
        for (size_t i = 0; i < k; i++)
            if (t[i].cpu >= 0.5 || i < 10)
                printf("  %-36s %8.2f %8.2f\n", t[i].name, t[i].cpu, t[i].wall);
        printf("  %-36s %8.2f (%zu metrics)\n", "sum", sum, k);
    }
    free(t);
    jy_calendar_free(cal);
    return t ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *path = NULL, *rules_path = NULL;
    int runs = 20, metrics = 0, cold_runs = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
            path = argv[++i];
        else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
            rules_path = argv[++i];
        else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--per-metric") == 0)
            metrics = 1;
        else if (strcmp(argv[i], "--cold") == 0)
            cold_runs = 1;
        else
            path = NULL, i = argc;
    }
    if (!path || runs < 1) {
        fprintf(stderr, "usage: bench_assess --db FILE [--rules FILE] [--runs N] [--per-metric] "
                        "[--cold]\n");
        return 2;
    }
    jy_rules *loaded = NULL;
    if (rules_path) {
        jy_located_error where;
        if (jy_rules_load_file(&loaded, rules_path, &where) != JY_OK) {
            fprintf(stderr, "bench_assess: %s: %s\n", rules_path, jy_error_last()->message);
            return 1;
        }
        rules = loaded;
    }
    jy_db *db = open_db(path);
    if (!db) {
        jy_rules_free(loaded);
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
        if (rc == 0 && metrics)
            rc = per_metric("contract year", db, year.from, year.to, runs, year.from) ||
                 per_metric("one month", db, m0, m1, runs, year.from);
        if (rc == 0 && cold_runs)
            rc = cold("contract year", path, year.from, year.to, runs) ||
                 cold("one month", path, m0, m1, runs) ||
                 cold_per_metric("contract year", path, year.from, year.to, runs, year.from) ||
                 cold_per_metric("one month", path, m0, m1, runs, year.from);
    }
    jy_db_close(db);
    jy_rules_free(loaded);
    return rc;
}
