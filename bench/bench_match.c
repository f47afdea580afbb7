/*
 * Matcher benchmark: index build time and memory, single-query latency
 * (p50, p99), queries per second on 1 and 2 threads, zero-result rate, and
 * the push workload (every query against every posting, top 5, 2 threads).
 *
 *   bench_match --postings P.jsonl --queries Q.jsonl [--date YYYY-MM-DD]
 *               [--limit N] [--out RESULTS.jsonl]
 *
 * --out writes the batch-mode lines of every query (for the quality
 * evaluation in bench/match_quality.py). See docs/BENCHMARKS.md.
 */
#include <jiuye.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct lines {
    char **v;
    size_t *len;
    size_t n;
} lines;

static int read_lines(lines *out, const char *path, size_t limit)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char *buf = NULL;
    size_t cap = 0, vc = 0;
    ssize_t got;
    memset(out, 0, sizeof *out);
    while ((got = getline(&buf, &cap, f)) > 0 && out->n < limit) {
        size_t len = (size_t)got;
        while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
            len--;
        if (!len)
            continue;
        if (out->n == vc) {
            vc = vc ? vc * 2 : 1024;
            out->v = realloc(out->v, vc * sizeof *out->v);
            out->len = realloc(out->len, vc * sizeof *out->len);
        }
        out->v[out->n] = strndup(buf, len);
        out->len[out->n++] = len;
    }
    free(buf);
    fclose(f);
    return 0;
}

typedef struct job {
    const jy_match_index *ix;
    const lines *q;
    jy_match_options o;
    size_t from, step, n;
    double *lat, *lat_cpu;
    size_t zero;
    char **out;
} job;

static void *run(void *arg)
{
    job *j = arg;
    jy_match_results *r = NULL;
    jy_match_results_new(&r);
    for (size_t i = j->from; i < j->n; i += j->step) {
        char *line = NULL;
        double t = now(), tc = thread_cpu();
        if (jy_match_query_json(&line, r, j->ix, j->q->v[i], j->q->len[i], &j->o, NULL) != JY_OK) {
            fprintf(stderr, "query %zu: %s\n", i + 1, jy_error_last()->message);
            exit(1);
        }
        if (j->lat) {
            j->lat[i] = now() - t;
            j->lat_cpu[i] = thread_cpu() - tc;
        }
        if (!jy_match_results_count(r))
            j->zero++;
        if (j->out)
            j->out[i] = line;
        else
            jy_free(line);
    }
    jy_match_results_free(r);
    return NULL;
}

static double run_threads(const jy_match_index *ix, const lines *q, jy_match_options o, size_t threads,
                          double *lat, double *lat_cpu, size_t *zero, char **out)
{
    job j[8];
    pthread_t t[8];
    double t0 = now();
    for (size_t i = 0; i < threads; i++) {
        job x = { ix, q, o, i, threads, q->n, lat, lat_cpu, 0, out };
        j[i] = x;
        pthread_create(&t[i], NULL, run, &j[i]);
    }
    size_t z = 0;
    for (size_t i = 0; i < threads; i++) {
        pthread_join(t[i], NULL);
        z += j[i].zero;
    }
    if (zero)
        *zero = z;
    return now() - t0;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    const char *ppath = NULL, *qpath = NULL, *date = "2027-03-01", *outpath = NULL;
    size_t limit = (size_t)-1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--postings"))
            ppath = argv[i + 1];
        else if (!strcmp(argv[i], "--queries"))
            qpath = argv[i + 1];
        else if (!strcmp(argv[i], "--date"))
            date = argv[i + 1];
        else if (!strcmp(argv[i], "--limit"))
            limit = (size_t)strtoul(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--out"))
            outpath = argv[i + 1];
    }
    if (!ppath || !qpath) {
        fputs("usage: bench_match --postings P.jsonl --queries Q.jsonl [--date D] [--limit N] [--out F]\n", stderr);
        return 2;
    }
    jy_match_options o = JY_MATCH_OPTIONS_INIT;
    if (jy_date_parse(&o.today, date)) {
        fputs("bad --date\n", stderr);
        return 2;
    }
    struct stat st;
    if (stat(ppath, &st)) {
        perror(ppath);
        return 1;
    }
    jy_match_index *ix = NULL;
    jy_located_error err;
    size_t np = 0;
    double t0 = now();
    if (jy_match_index_new(&ix, JY_MATCH_POSTINGS, NULL) || jy_match_index_load_jsonl(&np, ix, ppath, &err)) {
        fprintf(stderr, "%s\n", jy_error_last()->message);
        return 1;
    }
    double build = now() - t0, build_cpu = cpu();
    lines q;
    if (read_lines(&q, qpath, limit)) {
        perror(qpath);
        return 1;
    }
    size_t mem = jy_match_index_memory(ix);
    printf("postings            %zu (file %.1f MB)\n", np, (double)st.st_size / 1e6);
    printf("build (load+index)  %.2f s wall, %.2f s CPU\n", build, build_cpu);
    printf("index memory        %.1f MB (%.2f x the JSON Lines file)\n", (double)mem / 1e6,
           (double)mem / (double)st.st_size);
    double *lat = calloc(q.n ? q.n : 1, sizeof *lat), *lat_cpu = calloc(q.n ? q.n : 1, sizeof *lat_cpu);
    size_t zero = 0;
    char **out = outpath ? calloc(q.n ? q.n : 1, sizeof *out) : NULL;
    double c1 = cpu();
    double t1 = run_threads(ix, &q, o, 1, lat, lat_cpu, &zero, out);
    c1 = cpu() - c1;
    qsort(lat, q.n, sizeof *lat, cmp_d);
    qsort(lat_cpu, q.n, sizeof *lat_cpu, cmp_d);
    printf("queries             %zu, top %zu\n", q.n, o.top_k);
    printf("latency p50 / p99   %.3f / %.3f ms wall, %.3f / %.3f ms thread CPU\n", lat[q.n / 2] * 1e3,
           lat[(size_t)((double)q.n * 0.99)] * 1e3, lat_cpu[q.n / 2] * 1e3,
           lat_cpu[(size_t)((double)q.n * 0.99)] * 1e3);
    printf("QPS 1 thread        %.0f (CPU time: %.0f queries per CPU second)\n", (double)q.n / t1,
           (double)q.n / c1);
    printf("zero-result rate    %.2f %%\n", 100.0 * (double)zero / (double)q.n);
    double t2 = run_threads(ix, &q, o, 2, NULL, NULL, NULL, NULL);
    printf("QPS 2 threads       %.0f\n", (double)q.n / t2);
    jy_match_options po = o;
    po.top_k = 5;
    double c3 = cpu();
    double t3 = run_threads(ix, &q, po, 2, NULL, NULL, NULL, NULL);
    c3 = cpu() - c3;
    printf("push workload       %zu x %zu, top 5, 2 threads: %.2f s wall, %.2f s CPU (+ build %.2f s)\n", q.n, np,
           t3, c3, build);
    if (out) {
        FILE *f = fopen(outpath, "w");
        for (size_t i = 0; f && i < q.n; i++) {
            fputs(out[i], f);
            fputc('\n', f);
            jy_free(out[i]);
        }
        if (f)
            fclose(f);
        free(out);
    }
    for (size_t i = 0; i < q.n; i++)
        free(q.v[i]);
    free(q.v);
    free(q.len);
    free(lat);
    free(lat_cpu);
    jy_match_index_free(ix);
    return 0;
}
