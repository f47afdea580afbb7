/*
 * The bad-input corpus (tests/data/bad/): each file, imported or loaded,
 * gives the error its line of tests/data/bad/MANIFEST.tsv expects (status,
 * line, field, words of the reason), and an all-or-nothing import of it
 * writes nothing; a keep-good import stores the good records around the bad
 * one and reports the same rejection.
 *
 * MANIFEST.tsv columns (tab-separated, '#' lines are comments):
 *   file  format  kind  mode  status  line  field  message
 * format: jsonl, csv (read as `kind`) or county (a county profile);
 * mode: both (all-or-nothing and keep-good), all, or - for county files;
 * status: the jy_status of the rejection (JY_EINVAL...); line: the line
 * reported (0: none); field: the field reported (-: none); message: a
 * substring of the reason.
 *
 * JY_BAD_PRINT=1 prints what each file gives, in the manifest's format.
 */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BAD_DIR JY_TEST_DATA_DIR "/bad"

typedef struct entry {
    char file[128], format[16], kind[32], mode[16], status[32], field[64], message[256];
    size_t line;
} entry;

static const struct {
    const char *name;
    int code;
} statuses[] = {
    { "JY_ERROR", JY_ERROR },         { "JY_ENOTFOUND", JY_ENOTFOUND },
    { "JY_EEXISTS", JY_EEXISTS },     { "JY_EINVAL", JY_EINVAL },
    { "JY_EUTF8", JY_EUTF8 },         { "JY_EPARSE", JY_EPARSE },
    { "JY_ECONSTRAINT", JY_ECONSTRAINT }, { "JY_ERANGE", JY_ERANGE },
    { "JY_EIO", JY_EIO },
};

static const char *status_name(int code)
{
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (statuses[i].code == code)
            return statuses[i].name;
    return "?";
}

typedef struct rejects {
    size_t count;
    jy_located_error first;
} rejects;

static int on_reject(const jy_located_error *err, void *payload)
{
    rejects *r = payload;
    if (r->count++ == 0)
        r->first = *err;
    return 0;
}

static int64_t count_all(jy_db *db)
{
    int64_t total = 0;
    for (int k = 1; k < JY_KIND_END; k++) {
        jy_filter f = JY_FILTER_INIT;
        f.kind = (jy_kind)k;
        int64_t n = 0;
        cr_assert_eq(jy_ledger_count(&n, db, &f), JY_OK, "%s", jy_error_last()->message);
        total += n;
    }
    return total;
}

static size_t read_manifest(entry *out, size_t max)
{
    FILE *f = fopen(BAD_DIR "/MANIFEST.tsv", "r");
    cr_assert_not_null(f, "cannot open MANIFEST.tsv");
    char buf[1024];
    size_t n = 0;
    while (fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\r\n")] = 0;
        if (!buf[0] || buf[0] == '#')
            continue;
        cr_assert_lt(n, max);
        entry *e = &out[n];
        char *cols[8];
        char *save = NULL;
        int c = 0;
        for (char *t = strtok_r(buf, "\t", &save); t && c < 8; t = strtok_r(NULL, "\t", &save))
            cols[c++] = t;
        cr_assert_eq(c, 8, "MANIFEST.tsv: a line has %d columns, not 8", c);
        snprintf(e->file, sizeof e->file, "%s", cols[0]);
        snprintf(e->format, sizeof e->format, "%s", cols[1]);
        snprintf(e->kind, sizeof e->kind, "%s", cols[2]);
        snprintf(e->mode, sizeof e->mode, "%s", cols[3]);
        snprintf(e->status, sizeof e->status, "%s", cols[4]);
        e->line = (size_t)strtoul(cols[5], NULL, 10);
        snprintf(e->field, sizeof e->field, "%s", cols[6]);
        snprintf(e->message, sizeof e->message, "%s", cols[7]);
        n++;
    }
    fclose(f);
    return n;
}

static void expect_error(const entry *e, const char *how, const jy_located_error *err)
{
    if (getenv("JY_BAD_PRINT")) {
        printf("%s\t%s\t%s\t%s\t%s\t%zu\t%s\t%s\n", e->file, e->format, e->kind, e->mode,
               status_name(err->code), err->line, err->field[0] ? err->field : "-", err->text);
        return;
    }
    cr_expect_str_eq(status_name(err->code), e->status, "%s (%s): status %s, expected %s", e->file,
                     how, status_name(err->code), e->status);
    cr_expect_eq(err->line, e->line, "%s (%s): line %zu, expected %zu", e->file, how, err->line,
                 e->line);
    cr_expect_str_eq(err->field[0] ? err->field : "-", e->field, "%s (%s): field '%s', expected '%s'",
                     e->file, how, err->field, e->field);
    cr_expect(strstr(err->text, e->message), "%s (%s): reason '%s' lacks '%s'", e->file, how,
              err->text, e->message);
}

static void run_import(const entry *e, jy_import_mode mode)
{
    const char *how = mode == JY_IMPORT_ALL ? "all" : "keep-good";
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, ":memory:", NULL), JY_OK);
    const char *base = "{\"type\":\"enterprise\",\"name\":\"基线企业\"}\n";
    cr_assert_eq(jy_import_buffer(NULL, db, base, strlen(base), NULL), JY_OK);
    int64_t before = count_all(db);

    char path[512];
    snprintf(path, sizeof path, "%s/%s", BAD_DIR, e->file);
    rejects r;
    memset(&r, 0, sizeof r);
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    o.format = strcmp(e->format, "csv") == 0 ? JY_FORMAT_CSV : JY_FORMAT_JSONL;
    if (strcmp(e->kind, "-") != 0)
        cr_assert_eq(jy_kind_from_name(&o.kind, e->kind), JY_OK, "%s: kind %s", e->file, e->kind);
    o.mode = mode;
    o.on_reject = on_reject;
    o.payload = &r;
    jy_import_stats st;
    int rc = jy_import_file(&st, db, path, &o);
    int64_t after = count_all(db);
    cr_expect_geq(r.count, 1, "%s (%s): no record rejected", e->file, how);
    if (r.count)
        expect_error(e, how, &r.first);
    if (mode == JY_IMPORT_ALL) {
        cr_expect_eq(rc, JY_EINVAL, "%s (all): status %d", e->file, rc);
        cr_expect_eq(after, before, "%s (all): %lld records before, %lld after", e->file,
                     (long long)before, (long long)after);
        cr_expect_eq(st.accepted, 0);
    } else if (rc == JY_OK) {
        cr_expect_eq(after, before + (int64_t)st.accepted - (int64_t)st.updated,
                     "%s (keep-good): stored %lld, accepted %zu", e->file,
                     (long long)(after - before), st.accepted);
    } else {
        /* A file rejected whole (a bad CSV header) stores nothing. */
        cr_expect_eq(after, before, "%s (keep-good): failed, yet stored records", e->file);
    }
    jy_db_close(db);
}

static void run_county(const entry *e)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", BAD_DIR, e->file);
    jy_county *c = NULL;
    jy_located_error err;
    memset(&err, 0, sizeof err);
    int rc = jy_county_load_file(&c, path, &err);
    cr_expect_neq(rc, JY_OK, "%s: the profile loaded", e->file);
    cr_expect_null(c);
    jy_county_free(c);
    if (rc != JY_OK) {
        cr_expect_eq(err.code, rc);
        expect_error(e, "county", &err);
    }
}

Test(badinput, every_file_of_the_corpus_is_listed_and_refused_clearly)
{
    static entry entries[200];
    size_t n = read_manifest(entries, 200);
    cr_assert_geq(n, 40, "the manifest lists %zu files", n);
    for (size_t i = 0; i < n; i++) {
        const entry *e = &entries[i];
        if (strcmp(e->format, "county") == 0) {
            run_county(e);
            continue;
        }
        if (strcmp(e->mode, "keep-good") != 0)
            run_import(e, JY_IMPORT_ALL);
        if (strcmp(e->mode, "all") != 0)
            run_import(e, JY_IMPORT_KEEP_GOOD);
    }
}

/* A line longer than the longest record an import reads (4 MiB), made here
 * rather than kept in the sources: rejected with its line, the lines after
 * it read. */
Test(badinput, overlong_line)
{
    size_t big = 5u << 20;
    char *text = malloc(big + 256);
    cr_assert_not_null(text);
    size_t n = (size_t)sprintf(text, "{\"type\":\"enterprise\",\"name\":\"前\"}\n"
                                     "{\"type\":\"enterprise\",\"name\":\"长\",\"notes\":\"");
    memset(text + n, 'a', big);
    n += big;
    n += (size_t)sprintf(text + n, "\"}\n{\"type\":\"enterprise\",\"name\":\"后\"}\n");
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, ":memory:", NULL), JY_OK);
    rejects r;
    memset(&r, 0, sizeof r);
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    o.mode = JY_IMPORT_KEEP_GOOD;
    o.on_reject = on_reject;
    o.payload = &r;
    jy_import_stats st;
    cr_expect_eq(jy_import_buffer(&st, db, text, n, &o), JY_OK, "%s", jy_error_last()->message);
    cr_expect_eq(st.accepted, 2);
    cr_expect_eq(r.count, 1);
    cr_expect_eq(r.first.line, 2);
    o.mode = JY_IMPORT_ALL;
    jy_db_close(db);
    cr_assert_eq(jy_db_open(&db, ":memory:", NULL), JY_OK);
    cr_expect_eq(jy_import_buffer(&st, db, text, n, &o), JY_EINVAL);
    cr_expect_eq(count_all(db), 0);
    jy_db_close(db);
    free(text);
}
