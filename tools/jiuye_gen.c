/*
 * jiuye-gen: writes a deterministic, realistic synthetic county year for
 * Xingan County (新干县) as JSON Lines that `jiuye import` reads.
 *
 *   jiuye-gen [--seed N] [--scale F] [--start YYYY-MM-DD] (--out DIR | --stdout)
 *
 * The command line of the generator in tools/gen.c (shared with `jiuye
 * demo`). Built on the public API only.
 */
#include "gen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

static void usage(FILE *f)
{
    fputs("Usage: jiuye-gen [--seed N] [--scale F] [--start YYYY-MM-DD] (--out DIR | --stdout)\n"
          "Writes a synthetic year of Xingan County's employment service as JSON Lines.\n"
          "  --seed N      random seed (default 2026); same seed and scale, same bytes\n"
          "  --scale F     size of the county (default 1.0: 150 000 labor records...)\n"
          "  --start DATE  first day of the contract year (default 2026-01-01)\n"
          "  --out DIR     one file per kind, DIR/<kind>.jsonl\n"
          "  --stdout      all records to standard output, parents first\n", f);
}

static int fail(const char *message)
{
    fprintf(stderr, "jiuye-gen: %s\n", message);
    return 1;
}

int main(int argc, char **argv)
{
    jygen_options o = JYGEN_OPTIONS_INIT;
    const char *out_dir = NULL;
    int to_stdout = 0;
    char err[512];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        char *end = NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--stdout")) {
            to_stdout = 1;
        } else if (!v) {
            usage(stderr);
            snprintf(err, sizeof err, "%s: missing value or unknown option", a);
            return fail(err);
        } else if (!strcmp(a, "--seed")) {
            errno = 0;
            o.seed = strtoull(v, &end, 10);
            if (errno || !*v || *end || *v == '-') {
                snprintf(err, sizeof err, "--seed: not a number: %s", v);
                return fail(err);
            }
            i++;
        } else if (!strcmp(a, "--scale")) {
            errno = 0;
            o.scale = strtod(v, &end);
            if (errno || !*v || *end || !(o.scale > 0.0) || o.scale > 20.0) {
                snprintf(err, sizeof err, "--scale: expected a number in (0, 20]: %s", v);
                return fail(err);
            }
            i++;
        } else if (!strcmp(a, "--start")) {
            if (jy_date_parse(&o.start, v) != JY_OK) {
                snprintf(err, sizeof err, "--start: not a date YYYY-MM-DD: %s", v);
                return fail(err);
            }
            i++;
        } else if (!strcmp(a, "--out")) {
            out_dir = v;
            i++;
        } else {
            usage(stderr);
            snprintf(err, sizeof err, "unknown option: %s", a);
            return fail(err);
        }
    }
    if (!out_dir == !to_stdout) {
        usage(stderr);
        return fail("give exactly one of --out DIR and --stdout");
    }
    if (jygen_check(&o, err, sizeof err) != 0)
        return fail(err);

    FILE *out[JY_KIND_END] = { NULL };
    if (to_stdout) {
        for (int k = 1; k < JY_KIND_END; k++)
            out[k] = stdout;
    } else {
        if (mkdir(out_dir, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "jiuye-gen: cannot create %s: %s\n", out_dir, strerror(errno));
            return 1;
        }
        for (int k = 1; k < JY_KIND_END; k++) {
            if (k == JY_KIND_LABOR_CHANGE)
                continue; /* read-only: kept by the library */
            char path[4096];
            snprintf(path, sizeof path, "%s/%s.jsonl", out_dir, jy_kind_name(k));
            out[k] = fopen(path, "wb");
            if (!out[k]) {
                fprintf(stderr, "jiuye-gen: cannot write %s: %s\n", path, strerror(errno));
                for (int j = 1; j < k; j++)
                    if (out[j])
                        fclose(out[j]);
                return 1;
            }
        }
    }
    long counts[JY_KIND_END];
    int rc = jygen_run(counts, out, &o, err, sizeof err);
    int write_error = 0;
    if (to_stdout) {
        write_error = fflush(stdout) != 0 || ferror(stdout);
    } else {
        for (int k = 1; k < JY_KIND_END; k++)
            if (out[k] && fclose(out[k]) != 0)
                write_error = 1;
    }
    if (rc != 0)
        return fail(err);
    if (write_error) {
        snprintf(err, sizeof err, "write error: %s", strerror(errno));
        return fail(err);
    }
    if (!to_stdout) {
        fprintf(stderr, "jiuye-gen: wrote");
        for (int k = 1; k < JY_KIND_END; k++)
            if (out[k])
                fprintf(stderr, " %s %ld%s", jy_kind_name(k), counts[k],
                        k + 1 < JY_KIND_END ? "," : "\n");
    }
    return 0;
}
