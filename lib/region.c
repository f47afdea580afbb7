/* Region codes (行政区划代码) of county-level divisions, past and present.
 *
 * The table is compiled into the library (see lib/CMakeLists.txt) from two
 * files:
 *  - data/china-county-codes-historical.tsv: a header line, then rows
 *    `code\tname\tfrom_year\tto_year\tprovince`; an empty year is
 *    open-ended; one code can have several rows for different periods.
 *    Both years are inclusive: 362424 "to 2000" and 360824 "from 2000" are
 *    both in force in 2000.
 *  - data/china-county-codes.tsv: rows `code\tname` without a header, the
 *    current list. Codes whose 5th digit is 7 (statistics-only development
 *    zones, never used in ID numbers) are skipped; current codes absent from
 *    the historical table count as in force with unknown start year.
 *
 * The table is parsed lazily, once (pthread_once), into one array sorted by
 * code and period for binary search, and released by a destructor at exit.
 */
#include "internal.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct region_row {
    char code[7];
    int key;           /* the code as a number: rows sort and search by it */
    int from;          /* first year in force, 0 if unknown (open-ended) */
    int to;            /* last year in force, INT_MAX if still in force */
    const char *name;  /* NUL-terminated, points into table.names */
} region_row;

static struct {
    region_row *rows;
    size_t count;
    char *names;       /* both files copied, fields NUL-terminated in place */
    int status;        /* JY_OK once loaded, or the error that stopped it */
} table = { NULL, 0, NULL, JY_ERROR };

static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static int is_code(const char *s)
{
    for (int i = 0; i < 6; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return s[6] == '\0';
}

/* A code of six digits (is_code()) as a number, in the order of the text. */
static int code_key(const char *code)
{
    int k = 0;
    for (int i = 0; i < 6; i++)
        k = k * 10 + (code[i] - '0');
    return k;
}

/* Parses a year field: empty -> `open`, 1..9999 -> the year, else -1. */
static int parse_year(const char *s, int open)
{
    if (*s == '\0')
        return open;
    int v = 0;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] < '0' || s[i] > '9' || i >= 4)
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v >= 1 ? v : -1;
}

/* Splits `line` (NUL-terminated, no newline) at tabs into at most `max`
 * fields; returns the number of fields. */
static size_t split_tabs(char *line, char **fields, size_t max)
{
    size_t n = 0;
    char *p = line;
    while (n < max) {
        fields[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

/* Walks the lines of buf[0..len) in place (buf[len] must be writable),
 * NUL-terminating each, and calls `row` with its tab-separated fields,
 * skipping the first line when `skip_header` is set and empty lines. */
static void each_line(char *buf, size_t len, int skip_header,
                      void (*row)(char **fields, size_t n, void *ctx), void *ctx)
{
    size_t i = 0;
    int first = 1;
    while (i < len) {
        char *line = buf + i;
        size_t end = i;
        while (end < len && buf[end] != '\n')
            end++;
        buf[end] = '\0'; /* buf has one spare byte past len */
        if (end > i && buf[end - 1] == '\r')
            buf[end - 1] = '\0';
        i = end + 1;
        if (first && skip_header) {
            first = 0;
            continue;
        }
        first = 0;
        if (*line == '\0')
            continue;
        char *fields[5];
        size_t n = split_tabs(line, fields, 5);
        row(fields, n, ctx);
    }
}

typedef struct load_ctx {
    region_row *rows;
    size_t count;
    size_t cap;
    size_t historical_count; /* rows [0, historical_count) are sorted when searching */
} load_ctx;

static void add_row(load_ctx *c, const char *code, const char *name, int from, int to)
{
    if (c->count == c->cap)
        return; /* capacity is the number of lines: cannot happen */
    region_row *r = &c->rows[c->count++];
    memcpy(r->code, code, 7);
    r->key = code_key(code);
    r->name = name;
    r->from = from;
    r->to = to;
}

static void historical_row(char **f, size_t n, void *ctx)
{
    if (n < 4 || !is_code(f[0]) || f[1][0] == '\0')
        return;
    int from = parse_year(f[2], 0);
    int to = parse_year(f[3], INT_MAX);
    if (from < 0 || to < 0)
        return;
    add_row(ctx, f[0], f[1], from, to);
}

static int cmp_row(const void *a, const void *b)
{
    const region_row *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    if (x->to != y->to)
        return x->to < y->to ? -1 : 1;
    return 0;
}

/* First row with `code` in rows[0..count), or count. */
static size_t lower_bound(const region_row *rows, size_t count, const char *code)
{
    int key = code_key(code);
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rows[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int rows_sorted(const region_row *rows, size_t from, size_t to)
{
    for (size_t i = from + 1; i < to; i++)
        if (cmp_row(&rows[i - 1], &rows[i]) > 0)
            return 0;
    return 1;
}

/* Sorts rows[0..count) of which rows[0..sorted) are in order already. The
 * embedded tables are shipped sorted: checking is linear, and the current
 * codes appended to the historical ones are merged, not sorted again. */
static void sort_rows(region_row *rows, size_t sorted, size_t count)
{
    if (!rows_sorted(rows, 0, sorted) || !rows_sorted(rows, sorted, count)) {
        qsort(rows, count, sizeof *rows, cmp_row);
        return;
    }
    if (sorted == 0 || sorted == count ||
        cmp_row(&rows[sorted - 1], &rows[sorted]) <= 0)
        return;
    region_row *tmp = malloc(sorted * sizeof *tmp);
    if (!tmp) {
        qsort(rows, count, sizeof *rows, cmp_row);
        return;
    }
    memcpy(tmp, rows, sorted * sizeof *tmp);
    size_t a = 0, b = sorted, o = 0;
    while (a < sorted && b < count)
        rows[o++] = cmp_row(&rows[b], &tmp[a]) < 0 ? rows[b++] : tmp[a++];
    while (a < sorted)
        rows[o++] = tmp[a++];
    free(tmp);
}

static void current_row(char **f, size_t n, void *ctx)
{
    load_ctx *c = ctx;
    if (n < 2 || !is_code(f[0]) || f[1][0] == '\0' || f[0][4] == '7')
        return;
    size_t at = lower_bound(c->rows, c->historical_count, f[0]);
    if (at < c->historical_count && c->rows[at].key == code_key(f[0]))
        return; /* the historical table knows its periods */
    add_row(c, f[0], f[1], 0, INT_MAX);
}

static size_t count_lines(const unsigned char *s, size_t len)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\n')
            n++;
    return n;
}

static void load_table(void)
{
    const size_t hlen = jy__embedded_county_codes_historical_size;
    const size_t clen = jy__embedded_county_codes_current_size;
    size_t lines = count_lines(jy__embedded_county_codes_historical, hlen) +
                   count_lines(jy__embedded_county_codes_current, clen);
    char *names = malloc(hlen + clen + 2);
    region_row *rows = calloc(lines, sizeof *rows);
    if (!names || !rows) {
        free(names);
        free(rows);
        table.status = JY_ENOMEM;
        return;
    }
    memcpy(names, jy__embedded_county_codes_historical, hlen);
    names[hlen] = '\0';
    char *cur = names + hlen + 1;
    memcpy(cur, jy__embedded_county_codes_current, clen);
    cur[clen] = '\0';

    load_ctx ctx = { rows, 0, lines, 0 };
    each_line(names, hlen, 1, historical_row, &ctx);
    sort_rows(ctx.rows, 0, ctx.count);
    ctx.historical_count = ctx.count;
    each_line(cur, clen, 0, current_row, &ctx);
    sort_rows(ctx.rows, ctx.historical_count, ctx.count);

    table.rows = ctx.rows;
    table.count = ctx.count;
    table.names = names;
    table.status = JY_OK;
}

#if defined(__GNUC__)
__attribute__((destructor))
#endif
static void unload_table(void)
{
    free(table.rows);
    free(table.names);
    table.rows = NULL;
    table.names = NULL;
    table.count = 0;
    if (table.status == JY_OK)
        table.status = JY_ERROR; /* unloaded: later lookups fail cleanly */
}

/* Loads the table if needed. Returns JY_OK, or records and returns an error. */
static int ensure_table(void)
{
    pthread_once(&table_once, load_table);
    if (table.status == JY_ENOMEM)
        return jy__error_nomem();
    if (table.status != JY_OK)
        return jy__error(table.status, "the region-code table is not available");
    return JY_OK;
}

/* Range [*first, *last) of the rows for `code`; empty if none. */
static void find_rows(const char *code, size_t *first, size_t *last)
{
    size_t a = lower_bound(table.rows, table.count, code);
    size_t b = a;
    int key = code_key(code);
    while (b < table.count && table.rows[b].key == key)
        b++;
    *first = a;
    *last = b;
}

int jy__region_check(const char *code6, int year)
{
    if (!code6 || !is_code(code6))
        return JY__REGION_NEVER;
    int rc = ensure_table();
    if (rc != JY_OK)
        return rc;
    size_t a, b;
    find_rows(code6, &a, &b);
    if (a == b)
        return JY__REGION_NEVER;
    for (size_t i = a; i < b; i++)
        if (table.rows[i].from <= year && year <= table.rows[i].to)
            return JY__REGION_IN_FORCE;
    return JY__REGION_NOT_IN_FORCE;
}

int jy_region_name(const char **out, const char *code, int year)
{
    if (!out || !code)
        return jy__error(JY_EINVAL, "jy_region_name: NULL argument");
    *out = NULL;
    if (!is_code(code))
        return jy__error(JY_EINVAL, "jy_region_name: a region code is 6 ASCII digits");
    if (year < 0)
        return jy__error(JY_EINVAL, "jy_region_name: year must be positive, or 0 for the latest");
    int rc = ensure_table();
    if (rc != JY_OK)
        return rc;
    size_t a, b;
    find_rows(code, &a, &b);
    if (a == b)
        return jy__error(JY_ENOTFOUND, "jy_region_name: no such region code in the table");
    /* Rows are sorted by start year: for a given year the last match is the
     * newest name (a code renamed that year); for year 0, the row in force
     * the latest. */
    const region_row *best = NULL;
    for (size_t i = a; i < b; i++) {
        const region_row *r = &table.rows[i];
        if (year == 0) {
            if (!best || r->to > best->to || (r->to == best->to && r->from >= best->from))
                best = r;
        } else if (r->from <= year && year <= r->to) {
            best = r;
        }
    }
    if (!best)
        return jy__error(JY_ENOTFOUND, "jy_region_name: the region code was not in force in %d",
                         year);
    *out = best->name;
    return JY_OK;
}
