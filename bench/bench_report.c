/*
 * Reports and the big screen on a database (bench/run-report.sh makes the
 * full synthetic county): the time of each built-in report for a quarter and
 * of the big-screen page (figures and HTML) for the contract year.
 *
 *   bench_report --db FILE [--from DATE --to DATE] [--year-from DATE
 *                --year-to DATE] [--runs N] [--only TEXT]
 *
 * Each measurement is run once to warm the page cache, then N times (default
 * 11); the median and the fastest wall and CPU times are printed. The
 * peer, in the same run: SQLite alone reading the columns the quarterly labor
 * report reads, once over the table (the floor of any report
 * that looks at every labor record), and the assessment of the year alone
 * (the rest of the scored big screen). --only TEXT keeps the rows whose label
 * contains TEXT. The library through its public API only.
 */
#include <jiuye.h>
#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double clock_of(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double now(void)
{
    return clock_of(CLOCK_MONOTONIC);
}

/* CPU time of the process: on a machine shared with other work, wall time
 * includes waiting for a core; this does not. */
static double cpu(void)
{
    return clock_of(CLOCK_PROCESS_CPUTIME_ID);
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static jy_date date_arg(const char *text)
{
    jy_date d;
    if (jy_date_parse(&d, text) != JY_OK) {
        fprintf(stderr, "bench_report: bad date '%s'\n", text);
        exit(2);
    }
    return d;
}

typedef int (*work_fn)(jy_db *db, const char *what, jy_date from, jy_date to, size_t *out_size);

static int one_report(jy_db *db, const char *kind, jy_date from, jy_date to, size_t *out_size)
{
    jy_report *r = NULL;
    int rc = jy_report_build(&r, db, kind, from, to, NULL);
    *out_size = 0;
    for (size_t s = 0; rc == JY_OK && s < jy_report_section_count(r); s++)
        *out_size += jy_report_row_count(r, s);
    jy_report_free(r);
    return rc;
}

static int screen(jy_db *db, const char *what, jy_date from, jy_date to, size_t *out_size)
{
    (void)what;
    jy_dashboard *d = NULL;
    int rc = jy_dashboard_new(&d, db, from, to);
    char *html = NULL;
    if (rc == JY_OK)
        rc = jy_dashboard_to_html(&html, out_size, d);
    jy_free(html);
    jy_dashboard_free(d);
    return rc;
}

/* The big screen as `jiuye dashboard` writes it: the figures, the
 * assessment of the period and its indicator panel, and the HTML. */
static int screen_scored(jy_db *db, const char *what, jy_date from, jy_date to,
                         size_t *out_size)
{
    (void)what;
    jy_dashboard *d = NULL;
    jy_scorecard *card = NULL;
    int rc = jy_dashboard_new(&d, db, from, to);
    if (rc == JY_OK)
        rc = jy_assess(&card, db, from, to, NULL);
    if (rc == JY_OK)
        rc = jy_dashboard_add_scorecard(d, card);
    char *html = NULL;
    if (rc == JY_OK)
        rc = jy_dashboard_to_html(&html, out_size, d);
    jy_free(html);
    jy_scorecard_free(card);
    jy_dashboard_free(d);
    return rc;
}

/* The assessment alone (the other part of the scored big screen). */
static int assess_only(jy_db *db, const char *what, jy_date from, jy_date to, size_t *out_size)
{
    (void)what;
    jy_scorecard *card = NULL;
    int rc = jy_assess(&card, db, from, to, NULL);
    *out_size = rc == JY_OK ? jy_scorecard_item_count(card) : 0;
    jy_scorecard_free(card);
    return rc;
}

/* The peer: SQLite's own scan of the labor report's columns. */
static sqlite3 *peer_conn;

static int peer_scan(jy_db *db, const char *what, jy_date from, jy_date to, size_t *out_size)
{
    (void)db;
    (void)what;
    (void)from;
    (void)to;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(peer_conn,
                                "SELECT count(*), sum(length(township)), sum(length(birth_date)), "
                                "sum(length(education)), sum(length(employment_status)), "
                                "sum(length(skills)), sum(needs_job), sum(needs_entrepreneurship), "
                                "sum(needs_training), sum(length(key_groups)), sum(returnee), "
                                "sum(wish_local), sum(length(surveyed_on)) FROM labor",
                                -1, &st, NULL);
    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        *out_size = (size_t)sqlite3_column_int64(st, 0);
    else
        rc = SQLITE_ERROR;
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? JY_OK : JY_ESTORAGE;
}

/* --only TEXT: measure only the rows whose label contains TEXT. */
static const char *only;

static void measure(jy_db *db, const char *label, const char *what, work_fn fn, jy_date from,
                    jy_date to, int runs)
{
    if (only && !strstr(label, only))
        return;
    double *t = calloc((size_t)runs, sizeof *t), *c = calloc((size_t)runs, sizeof *c);
    size_t size = 0;
    if (fn(db, what, from, to, &size) != JY_OK) {
        fprintf(stderr, "bench_report: %s: %s\n", label, jy_error_last()->message);
        exit(1);
    }
    for (int i = 0; i < runs; i++) {
        double t0 = now(), c0 = cpu();
        fn(db, what, from, to, &size);
        t[i] = now() - t0;
        c[i] = cpu() - c0;
    }
    qsort(t, (size_t)runs, sizeof *t, cmp);
    qsort(c, (size_t)runs, sizeof *c, cmp);
    printf("| %-44s | %9.1f ms | %9.1f ms | %9.1f ms | %9.1f ms | %8zu |\n", label,
           t[runs / 2] * 1e3, t[0] * 1e3, c[runs / 2] * 1e3, c[0] * 1e3, size);
    free(t);
    free(c);
}

int main(int argc, char **argv)
{
    const char *path = NULL;
    jy_date from = { 2026, 4, 1 }, to = { 2026, 6, 30 };
    /* the contract year of jiuye-gen's county (the built-in calendar covers it) */
    jy_date yfrom = { 2026, 1, 1 }, yto = { 2026, 12, 31 };
    int runs = 11;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--db") && v)
            path = argv[++i];
        else if (!strcmp(a, "--from") && v)
            from = date_arg(argv[++i]);
        else if (!strcmp(a, "--to") && v)
            to = date_arg(argv[++i]);
        else if (!strcmp(a, "--year-from") && v)
            yfrom = date_arg(argv[++i]);
        else if (!strcmp(a, "--year-to") && v)
            yto = date_arg(argv[++i]);
        else if (!strcmp(a, "--runs") && v)
            runs = atoi(argv[++i]);
        else if (!strcmp(a, "--only") && v)
            only = argv[++i];
        else {
            fprintf(stderr, "usage: bench_report --db FILE [--from D --to D] [--year-from D "
                            "--year-to D] [--runs N] [--only TEXT]\n");
            return 2;
        }
    }
    if (!path || runs < 1) {
        fprintf(stderr, "bench_report: --db FILE is required\n");
        return 2;
    }
    jy_db *db = NULL;
    jy_db_options o = JY_DB_OPTIONS_INIT;
    o.flags = strcmp(path, ":memory:") ? 0u : JY_DB_CREATE;
    if (jy_db_open(&db, path, &o) != JY_OK) {
        fprintf(stderr, "bench_report: %s: %s\n", path, jy_error_last()->message);
        return 1;
    }
    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_LABOR;
    int64_t labor = 0;
    jy_ledger_count(&labor, db, &f);
    char a[16], z[16], ya[16], yz[16];
    jy_date_format(a, from);
    jy_date_format(z, to);
    jy_date_format(ya, yfrom);
    jy_date_format(yz, yto);
    printf("libjiuye %s, %lld labor records; reports %s..%s, big screen %s..%s; %d runs\n\n",
           jy_version(NULL, NULL, NULL), (long long)labor, a, z, ya, yz, runs);
    printf("| %-44s | %12s | %12s | %12s | %12s | %8s |\n", "what", "wall median",
           "wall fastest", "CPU median", "CPU fastest", "rows/bytes");
    printf("| %-44s | %12s | %12s | %12s | %12s | %8s |\n", "---", "---:", "---:", "---:", "---:",
           "---:");
    for (size_t i = 0; i < jy_report_kind_count(); i++) {
        char label[96];
        snprintf(label, sizeof label, "report `%s`", jy_report_kind_at(i));
        measure(db, label, jy_report_kind_at(i), one_report, from, to, runs);
    }
    measure(db, "big screen, contract year (figures + HTML)", NULL, screen, yfrom, yto, runs);
    measure(db, "big screen + scorecard indicators, contract year", NULL, screen_scored, yfrom,
            yto, runs);
    measure(db, "its assessment alone (`jy_assess`), contract year", NULL, assess_only, yfrom,
            yto, runs);
    /* The peer, on a connection set up as the library sets up its own. */
    if (strcmp(path, ":memory:") && sqlite3_open_v2(path, &peer_conn, SQLITE_OPEN_READONLY, NULL) ==
                                        SQLITE_OK) {
        sqlite3_exec(peer_conn, "PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456", NULL,
                     NULL, NULL);
        measure(db, "peer: SQLite alone scanning those columns", NULL, peer_scan, from, to, runs);
    }
    sqlite3_close(peer_conn);
    jy_db_close(db);
    return 0;
}
