/* Interchange: JSON Lines and CSV import and export. Round trips of every
 * kind, all-or-nothing and keep-the-good-ones imports with located rejects,
 * CSV quoting, byte-order marks, line ends, GB18030, bad bytes and bad JSON,
 * masking and the audit of unmasked exports, updates on re-import, file ids,
 * progress and stopping, and random input that must not crash. */
#include <criterion/criterion.h>
#include <jiuye.h>
#include <sqlite3.h>

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IO_DATA JY_TEST_DATA_DIR "/io/"

static char dir[256];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/jiuye-test-io-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(io, .init = make_dir, .fini = remove_dir);

/* ---- Helpers ---------------------------------------------------------------- */

static jy_db *open_mem(void)
{
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, ":memory:", NULL), JY_OK, "%s", jy_error_last()->message);
    return db;
}

typedef struct rejected {
    size_t line;
    int code;
    char field[JY_LOCATION_FIELD_MAX];
    char text[JY_LOCATION_TEXT_MAX];
} rejected;

typedef struct rejects {
    rejected items[64];
    size_t count;
    int stop_after; /* stop (return 42) after this many, 0: never */
} rejects;

static int collect(const jy_located_error *err, void *payload)
{
    rejects *r = payload;
    cr_assert_eq(err->record, err->line, "record and line agree");
    if (r->count < sizeof r->items / sizeof r->items[0]) {
        rejected *x = &r->items[r->count];
        x->line = err->line;
        x->code = err->code;
        snprintf(x->field, sizeof x->field, "%s", err->field);
        snprintf(x->text, sizeof x->text, "%s", err->text);
    }
    r->count++;
    return r->stop_after && r->count >= (size_t)r->stop_after ? 42 : 0;
}

static jy_import_options options(jy_format format, jy_kind kind, jy_import_mode mode,
                                 rejects *r)
{
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    o.format = format;
    o.kind = kind;
    o.mode = mode;
    if (r) {
        memset(r, 0, sizeof *r);
        o.on_reject = collect;
        o.payload = r;
    }
    return o;
}

static int import_text(jy_import_stats *st, jy_db *db, const char *text, jy_format format,
                       jy_kind kind, jy_import_mode mode, rejects *r)
{
    jy_import_options o = options(format, kind, mode, r);
    return jy_import_buffer(st, db, text, strlen(text), &o);
}

static int64_t count(jy_db *db, jy_kind kind)
{
    jy_filter f;
    cr_assert_eq(jy_filter_init(&f, kind), JY_OK);
    int64_t n = -1;
    cr_assert_eq(jy_ledger_count(&n, db, &f), JY_OK, "%s", jy_error_last()->message);
    return n;
}

static jy_record *get(jy_db *db, jy_kind kind, int64_t id)
{
    jy_record *r = NULL;
    cr_assert_eq(jy_ledger_get(&r, db, kind, id), JY_OK, "%s %lld: %s", jy_kind_name(kind),
                 (long long)id, jy_error_last()->message);
    return r;
}

static const char *text_of(const jy_record *r, const char *field)
{
    const char *t = NULL;
    return jy_record_get_text(&t, r, field) == JY_OK ? t : NULL;
}

static char *export_text(jy_db *db, jy_format format, jy_kind kind, unsigned int flags,
                         int labels, size_t *out_count)
{
    jy_export_options o = JY_EXPORT_OPTIONS_INIT;
    o.format = format;
    o.kind = kind;
    o.flags = flags;
    o.csv_labels = labels;
    char *text = NULL;
    size_t len = 0;
    int rc = jy_export_buffer(&text, &len, out_count, db, &o);
    cr_assert_eq(rc, JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(strlen(text), len);
    return text;
}

static void import_file_ok(jy_db *db, const char *path, jy_kind kind, size_t expect)
{
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    o.kind = kind;
    jy_import_stats st;
    cr_assert_eq(jy_import_file(&st, db, path, &o), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.accepted, expect);
    cr_assert_eq(st.rejected, 0);
}

/* Compares two databases kind by kind, record by record (in id order),
 * field by field; references must point at corresponding records. */
static void compare_databases(jy_db *a, jy_db *b, int skip_readonly_kinds)
{
    int64_t *maps[JY_KIND_END] = { NULL };
    size_t sizes[JY_KIND_END] = { 0 };
    /* Kinds in parent-first order so that referenced maps exist. */
    static const jy_kind order[] = { JY_KIND_CONTRACT, JY_KIND_ENTERPRISE, JY_KIND_LABOR,
        JY_KIND_STAFF_SURVEY, JY_KIND_POSTING, JY_KIND_JOBSEEKER, JY_KIND_FOLLOWUP,
        JY_KIND_LABOR_CHANGE, JY_KIND_VERIFICATION, JY_KIND_EVENT, JY_KIND_EVENT_ENTERPRISE,
        JY_KIND_HIRE, JY_KIND_SHORTAGE, JY_KIND_REVIEW, JY_KIND_DELIVERY, JY_KIND_INCIDENT,
        JY_KIND_PUSH, JY_KIND_OVERRIDE };
    for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
        jy_kind k = order[o];
        if (skip_readonly_kinds && k == JY_KIND_LABOR_CHANGE)
            continue;
        int64_t na = count(a, k), nb = count(b, k);
        cr_assert_eq(na, nb, "%s: %lld records, %lld after the round trip", jy_kind_name(k),
                     (long long)na, (long long)nb);
        jy_filter f;
        jy_filter_init(&f, k);
        jy_ledger_iter *ia = NULL, *ib = NULL;
        cr_assert_eq(jy_ledger_iter_new(&ia, a, &f), JY_OK);
        cr_assert_eq(jy_ledger_iter_new(&ib, b, &f), JY_OK);
        int64_t maxid = 0;
        int64_t (*pairs)[2] = calloc((size_t)na + 1, sizeof *pairs);
        size_t n = 0;
        for (;;) {
            jy_record *ra = NULL, *rb = NULL;
            int rca = jy_ledger_iter_next(&ra, ia), rcb = jy_ledger_iter_next(&rb, ib);
            cr_assert_eq(rca, rcb);
            if (rca == JY_ITEROVER)
                break;
            cr_assert_eq(rca, JY_OK);
            for (size_t i = 1; i < jy_kind_field_count(k); i++) {
                const jy_field_info *fi = jy_kind_field_at(k, i);
                const char *va = text_of(ra, fi->name), *vb = text_of(rb, fi->name);
                cr_assert_eq(va == NULL, vb == NULL, "%s.%s: set on one side only",
                             jy_kind_name(k), fi->name);
                if (!va)
                    continue;
                if (fi->type == JY_FIELD_REFERENCE) {
                    int64_t x = 0, y = 0;
                    jy_record_get_int(&x, ra, fi->name);
                    jy_record_get_int(&y, rb, fi->name);
                    int64_t *m = maps[fi->ref_kind];
                    cr_assert_not_null(m, "%s.%s: referenced kind not compared yet",
                                       jy_kind_name(k), fi->name);
                    cr_assert(x >= 0 && (size_t)x < sizes[fi->ref_kind]);
                    cr_assert_eq(m[x], y, "%s.%s: refers to %lld, expected %lld",
                                 jy_kind_name(k), fi->name, (long long)y, (long long)m[x]);
                } else {
                    cr_assert_str_eq(va, vb, "%s.%s", jy_kind_name(k), fi->name);
                }
            }
            pairs[n][0] = jy_record_id(ra);
            pairs[n][1] = jy_record_id(rb);
            if (pairs[n][0] > maxid)
                maxid = pairs[n][0];
            n++;
            jy_record_free(ra);
            jy_record_free(rb);
        }
        jy_ledger_iter_free(ia);
        jy_ledger_iter_free(ib);
        sizes[k] = (size_t)maxid + 1;
        maps[k] = calloc(sizes[k], sizeof **maps);
        for (size_t i = 0; i < n; i++)
            maps[k][pairs[i][0]] = pairs[i][1];
        free(pairs);
    }
    for (int k = 0; k < JY_KIND_END; k++)
        free(maps[k]);
}

/* A database with one record of every kind (the documented examples), plus
 * gaps in the ids and a labor update (so labor_change has a record). */
static jy_db *every_kind_db_gaps(int gaps)
{
    jy_db *db = open_mem();
    /* Two enterprises first, the first deleted: ids no longer start at 1. */
    jy_import_stats st;
    if (gaps)
        cr_assert_eq(import_text(&st, db,
                             "{\"type\":\"enterprise\",\"name\":\"待删除企业\"}\n"
                             "{\"type\":\"enterprise\",\"name\":\"新干县盐化公司\",\"industry\":\"盐化\"}\n",
                             JY_FORMAT_JSONL, 0, JY_IMPORT_ALL, NULL),
                     JY_OK, "%s", jy_error_last()->message);
    if (gaps)
        cr_assert_eq(jy_ledger_delete(db, JY_KIND_ENTERPRISE, 1), JY_OK);
    import_file_ok(db, IO_DATA "every-kind.jsonl", 0, 17);
    /* The person's situation changes: an update with history. */
    cr_assert_eq(import_text(&st, db,
                             "{\"type\":\"labor\",\"id_number\":\"360824199003151232\","
                             "\"name\":\"王五\",\"township\":\"金川镇\","
                             "\"employment_status\":\"县内就业\",\"surveyed_on\":\"2026-06-01\"}",
                             JY_FORMAT_JSONL, 0, JY_IMPORT_ALL, NULL),
                 JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.updated, 1);
    cr_assert_geq(count(db, JY_KIND_LABOR_CHANGE), 1);
    return db;
}

static jy_db *every_kind_db(void)
{
    return every_kind_db_gaps(1);
}

/* ---- Options ---------------------------------------------------------------- */

Test(io, options_have_documented_defaults)
{
    jy_import_options i;
    memset(&i, 0xAB, sizeof i);
    cr_assert_eq(jy_import_options_init(&i), JY_OK);
    cr_assert_eq(i.version, JY_IMPORT_OPTIONS_VERSION);
    cr_assert_eq(i.format, JY_FORMAT_AUTO);
    cr_assert_eq(i.kind, 0);
    cr_assert_eq(i.mode, JY_IMPORT_ALL);
    cr_assert_eq(i.encoding, JY_ENCODING_AUTO);
    cr_assert_null(i.on_reject);
    cr_assert_null(i.on_progress);
    cr_assert_null(i.payload);
    jy_export_options e;
    memset(&e, 0xAB, sizeof e);
    cr_assert_eq(jy_export_options_init(&e), JY_OK);
    cr_assert_eq(e.version, JY_EXPORT_OPTIONS_VERSION);
    cr_assert_eq(e.format, JY_FORMAT_AUTO);
    cr_assert_eq(e.kind, 0);
    cr_assert_null(e.filter);
    cr_assert_eq(e.flags, 0);
    cr_assert_eq(e.csv_labels, 1);
    cr_assert_eq(e.bom, 1);
    cr_assert_eq(jy_import_options_init(NULL), JY_EINVAL);
    cr_assert_eq(jy_export_options_init(NULL), JY_EINVAL);
}

Test(io, bad_arguments_and_options_are_refused)
{
    jy_db *db = open_mem();
    jy_import_stats st;
    cr_assert_eq(jy_import_buffer(&st, NULL, "", 0, NULL), JY_EINVAL);
    cr_assert_eq(jy_import_buffer(&st, db, NULL, 3, NULL), JY_EINVAL);
    cr_assert_eq(jy_import_file(&st, db, NULL, NULL), JY_EINVAL);
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    o.format = JY_FORMAT_CSV;
    cr_assert_eq(jy_import_buffer(&st, db, "a\n", 2, &o), JY_EINVAL, "CSV needs a kind");
    o.kind = JY_KIND_LABOR_CHANGE;
    cr_assert_eq(jy_import_buffer(&st, db, "a\n", 2, &o), JY_EINVAL, "read-only kind");
    o.kind = (jy_kind)99;
    cr_assert_eq(jy_import_buffer(&st, db, "a\n", 2, &o), JY_EINVAL);
    o = (jy_import_options)JY_IMPORT_OPTIONS_INIT;
    o.version = 99;
    cr_assert_eq(jy_import_buffer(&st, db, "", 0, &o), JY_EINVAL);
    o = (jy_import_options)JY_IMPORT_OPTIONS_INIT;
    o.mode = (jy_import_mode)7;
    cr_assert_eq(jy_import_buffer(&st, db, "", 0, &o), JY_EINVAL);
    cr_assert_eq(jy_import_file(&st, db, IO_DATA "no-such-file.jsonl", NULL), JY_EIO);

    /* Not inside a caller's transaction. */
    cr_assert_eq(jy_db_begin(db), JY_OK);
    cr_assert_eq(jy_import_buffer(&st, db, "", 0, NULL), JY_EINVAL);
    cr_assert(strstr(jy_error_last()->message, "transaction"), "%s", jy_error_last()->message);
    cr_assert_eq(jy_db_rollback(db), JY_OK);

    char *out = NULL;
    jy_export_options e = JY_EXPORT_OPTIONS_INIT;
    e.format = JY_FORMAT_CSV;
    cr_assert_eq(jy_export_buffer(&out, NULL, NULL, db, &e), JY_EINVAL, "CSV needs a kind");
    cr_assert_null(out);
    jy_filter f;
    jy_filter_init(&f, JY_KIND_POSTING);
    e.kind = JY_KIND_LABOR;
    e.filter = &f;
    cr_assert_eq(jy_export_buffer(&out, NULL, NULL, db, &e), JY_EINVAL, "filter of another kind");
    e = (jy_export_options)JY_EXPORT_OPTIONS_INIT;
    e.flags = 0x80;
    cr_assert_eq(jy_export_buffer(&out, NULL, NULL, db, &e), JY_EINVAL);
    cr_assert_eq(jy_export_buffer(NULL, NULL, NULL, db, NULL), JY_EINVAL);
    cr_assert_eq(jy_export_file(NULL, db, "/nonexistent-dir/x.jsonl", NULL), JY_EIO);
    jy_db_close(db);
}

Test(io, empty_input_imports_nothing)
{
    jy_db *db = open_mem();
    jy_import_stats st;
    cr_assert_eq(import_text(&st, db, "", JY_FORMAT_JSONL, 0, JY_IMPORT_ALL, NULL), JY_OK);
    cr_assert_eq(st.accepted + st.rejected + st.updated + st.warnings, 0);
    cr_assert_eq(import_text(&st, db, "\n  \n\r\n", JY_FORMAT_JSONL, 0, JY_IMPORT_ALL, NULL),
                 JY_OK);
    cr_assert_eq(st.accepted + st.rejected, 0);
    jy_db_close(db);
}

/* ---- Round trips -------------------------------------------------------------- */

Test(io, every_kind_round_trips_through_json_lines)
{
    jy_db *a = every_kind_db();
    size_t n = 0;
    char *text = export_text(a, JY_FORMAT_JSONL, 0, JY_EXPORT_UNMASK, 1, &n);
    size_t total = 0;
    for (int k = 1; k < JY_KIND_END; k++)
        total += (size_t)count(a, (jy_kind)k);
    cr_assert_eq(n, total);
    /* Every kind is in the file, parents before children. */
    const char *enterprise = strstr(text, "\"type\":\"enterprise\"");
    const char *posting = strstr(text, "\"type\":\"posting\"");
    const char *labor = strstr(text, "\"type\":\"labor\"");
    const char *jobseeker = strstr(text, "\"type\":\"jobseeker\"");
    const char *delivery = strstr(text, "\"type\":\"delivery\"");
    cr_assert(enterprise && posting && labor && jobseeker && delivery);
    cr_assert(enterprise < posting && labor < jobseeker && jobseeker < delivery &&
              posting < delivery);
    for (int k = 1; k < JY_KIND_END; k++) {
        char needle[64];
        snprintf(needle, sizeof needle, "\"type\":\"%s\"", jy_kind_name(k));
        cr_assert(strstr(text, needle), "no %s in the export", jy_kind_name(k));
    }

    jy_db *b = open_mem();
    jy_import_stats st;
    rejects r;
    cr_assert_eq(import_text(&st, b, text, JY_FORMAT_JSONL, 0, JY_IMPORT_ALL, &r), JY_OK,
                 "%s (%s)", jy_error_last()->message, r.count ? r.items[0].text : "");
    size_t changes = (size_t)count(a, JY_KIND_LABOR_CHANGE);
    cr_assert_eq(st.accepted, total - changes);
    cr_assert_eq(st.rejected, 0);
    cr_assert_geq(st.warnings, changes, "labor_change lines are skipped with a warning");
    compare_databases(a, b, 1);

    /* Exporting the copy gives the same text but for the ids and history. */
    free(text);
    jy_db_close(a);
    jy_db_close(b);
}

static void csv_round_trip(int labels)
{
    /* Each kind is a file of its own and ids are local to a file: a posting
     * file's enterprise ids are those of the database it is imported into.
     * So the copy must give the enterprises the same ids: no gaps. */
    jy_db *a = every_kind_db_gaps(0);
    /* A few more rows with the hard characters: commas, quotes, newlines. */
    jy_import_stats st;
    cr_assert_eq(import_text(&st, a,
                             "{\"type\":\"enterprise\",\"name\":\"新干县\\\"金川\\\"箱包厂\","
                             "\"address\":\"工业园区,二路\\n8号\",\"notes\":\" 前后空格 \","
                             "\"industrial\":false}\n"
                             "{\"type\":\"posting\",\"enterprise_id\":2,\"title\":\"普工\","
                             "\"kind\":\"gig\",\"published_on\":\"2026-05-01\","
                             "\"description\":\"日结, \\\"包午餐\\\"\\r\\n第二行\"}\n",
                             JY_FORMAT_JSONL, 0, JY_IMPORT_ALL, NULL),
                 JY_OK, "%s", jy_error_last()->message);
    jy_db *b = open_mem();
    static const jy_kind kinds[] = { JY_KIND_ENTERPRISE, JY_KIND_LABOR, JY_KIND_POSTING };
    for (size_t i = 0; i < 3; i++) {
        size_t n = 0;
        char *csv = export_text(a, JY_FORMAT_CSV, kinds[i], JY_EXPORT_UNMASK, labels, &n);
        cr_assert_eq((int64_t)n, count(a, kinds[i]));
        cr_assert(!strncmp(csv, "\xEF\xBB\xBF", 3), "a BOM by default");
        cr_assert(strstr(csv, "\r\n"), "CRLF line ends");
        const jy_field_info *f1 = jy_kind_field_at(kinds[i], 1);
        cr_assert(strstr(csv, labels ? f1->label : f1->name), "header in %s",
                  labels ? "labels" : "names");
        rejects r;
        int rc = import_text(&st, b, csv, JY_FORMAT_CSV, kinds[i], JY_IMPORT_ALL, &r);
        cr_assert_eq(rc, JY_OK, "%s: %s (line %zu %s: %s)", jy_kind_name(kinds[i]),
                     jy_error_last()->message, r.count ? r.items[0].line : 0,
                     r.count ? r.items[0].field : "", r.count ? r.items[0].text : "");
        cr_assert_eq(st.accepted, n);
        free(csv);
    }
    /* The kinds CSV carried compare field by field. */
    for (size_t i = 0; i < 3; i++)
        cr_assert_eq(count(a, kinds[i]), count(b, kinds[i]));
    jy_record *x = get(a, JY_KIND_ENTERPRISE, 2), *y = get(b, JY_KIND_ENTERPRISE, 2);
    cr_assert_str_eq(text_of(x, "name"), text_of(y, "name"));
    cr_assert_str_eq(text_of(y, "name"), "新干县\"金川\"箱包厂");
    cr_assert_str_eq(text_of(y, "address"), "工业园区,二路\n8号");
    cr_assert_str_eq(text_of(y, "industrial"), "false");
    jy_record_free(x);
    jy_record_free(y);
    /* Field by field for every record of the three kinds. */
    for (size_t i = 0; i < 3; i++) {
        jy_filter f;
        jy_filter_init(&f, kinds[i]);
        jy_ledger_iter *ia = NULL, *ib = NULL;
        cr_assert_eq(jy_ledger_iter_new(&ia, a, &f), JY_OK);
        cr_assert_eq(jy_ledger_iter_new(&ib, b, &f), JY_OK);
        jy_record *ra = NULL, *rb = NULL;
        while (jy_ledger_iter_next(&ra, ia) == JY_OK) {
            cr_assert_eq(jy_ledger_iter_next(&rb, ib), JY_OK);
            for (size_t k = 0; k < jy_kind_field_count(kinds[i]); k++) {
                const jy_field_info *fi = jy_kind_field_at(kinds[i], k);
                const char *va = text_of(ra, fi->name), *vb = text_of(rb, fi->name);
                cr_assert_eq(va == NULL, vb == NULL, "%s.%s", jy_kind_name(kinds[i]), fi->name);
                if (va)
                    cr_assert_str_eq(va, vb, "%s.%s", jy_kind_name(kinds[i]), fi->name);
            }
            jy_record_free(ra);
            jy_record_free(rb);
        }
        cr_assert_eq(jy_ledger_iter_next(&rb, ib), JY_ITEROVER);
        jy_ledger_iter_free(ia);
        jy_ledger_iter_free(ib);
    }
    jy_db_close(a);
    jy_db_close(b);
}

Test(io, labor_enterprise_posting_round_trip_through_csv_with_labels)
{
    csv_round_trip(1);
}

Test(io, labor_enterprise_posting_round_trip_through_csv_with_names)
{
    csv_round_trip(0);
}

Test(io, csv_labels_write_chinese_values)
{
    jy_db *db = every_kind_db();
    char *csv = export_text(db, JY_FORMAT_CSV, JY_KIND_LABOR, JY_EXPORT_UNMASK, 1, NULL);
    cr_assert(strstr(csv, "身份证号,姓名,性别"), "%s", csv);
    cr_assert(strstr(csv, ",金川镇,城南居委会,初中,县内就业,"), "%s", csv);
    cr_assert(strstr(csv, ",返乡人员、农民工,是,是,"), "%s", csv);
    free(csv);
    csv = export_text(db, JY_FORMAT_CSV, JY_KIND_LABOR, JY_EXPORT_UNMASK, 0, NULL);
    cr_assert(strstr(csv, "id_number,name,gender"), "%s", csv);
    cr_assert(strstr(csv, ",360824100,360824100004,junior,employed_county,"), "%s", csv);
    cr_assert(strstr(csv, ",returnee、rural_migrant,true,true,"), "%s", csv);
    free(csv);
    jy_export_options o = JY_EXPORT_OPTIONS_INIT;
    o.format = JY_FORMAT_CSV;
    o.kind = JY_KIND_CONTRACT;
    o.bom = 0;
    char *text = NULL;
    cr_assert_eq(jy_export_buffer(&text, NULL, NULL, db, &o), JY_OK);
    cr_assert(!strncmp(text, "编号,合同名称", strlen("编号,合同名称")), "no BOM: %s", text);
    free(text);
    jy_db_close(db);
}

/* ---- Keep the good ones, or all or nothing ------------------------------------ */

/* tests/data/io/labor-mixed.csv: 12 rows, 7 bad ones. */
static const struct {
    size_t line;
    const char *field;
} mixed_bad[] = {
    { 4, "id_number" }, { 6, "township" }, { 7, "surveyed_on" }, { 9, "phone" },
    { 10, "" },         { 11, "name" },    { 13, "employment_status" },
};

Test(io, keep_good_stores_exactly_the_good_rows_and_reports_every_bad_one)
{
    jy_db *db = open_mem();
    rejects r;
    jy_import_options o = options(JY_FORMAT_AUTO, JY_KIND_LABOR, JY_IMPORT_KEEP_GOOD, &r);
    jy_import_stats st;
    cr_assert_eq(jy_import_file(&st, db, IO_DATA "labor-mixed.csv", &o), JY_OK, "%s",
                 jy_error_last()->message);
    size_t nbad = sizeof mixed_bad / sizeof mixed_bad[0];
    cr_assert_eq(st.accepted, 5);
    cr_assert_eq(st.updated, 0);
    cr_assert_eq(st.rejected, nbad);
    cr_assert_eq(r.count, nbad);
    for (size_t i = 0; i < nbad; i++) {
        cr_assert_eq(r.items[i].line, mixed_bad[i].line, "reject %zu: line %zu", i,
                     r.items[i].line);
        cr_assert_str_eq(r.items[i].field, mixed_bad[i].field, "line %zu", r.items[i].line);
        cr_assert_neq(r.items[i].code, JY_OK);
        cr_assert(r.items[i].text[0]);
        /* No personal data in the reasons. */
        cr_assert_null(strstr(r.items[i].text, "3608"), "%s", r.items[i].text);
    }
    cr_assert_eq(count(db, JY_KIND_LABOR), 5);
    /* Exactly the good people: rows 2, 3, 5, 8 and 12. */
    static const char *const names[] = { "刘一", "陈二", "李四", "孙七", "郑十" };
    for (int64_t id = 1; id <= 5; id++) {
        jy_record *rec = get(db, JY_KIND_LABOR, id);
        cr_assert_str_eq(text_of(rec, "name"), names[id - 1]);
        jy_record_free(rec);
    }
    jy_record *rec = get(db, JY_KIND_LABOR, 5);
    cr_assert_eq(jy_record_item_count(rec, "skills"), 2);
    cr_assert_str_eq(text_of(rec, "village"), "360824100004", "short village name resolved");
    jy_record_free(rec);
    jy_db_close(db);
}

Test(io, all_mode_writes_nothing_when_one_row_is_bad)
{
    jy_db *db = open_mem();
    rejects r;
    jy_import_options o = options(JY_FORMAT_CSV, JY_KIND_LABOR, JY_IMPORT_ALL, &r);
    jy_import_stats st;
    cr_assert_eq(jy_import_file(&st, db, IO_DATA "labor-mixed.csv", &o), JY_EINVAL);
    cr_assert_eq(st.accepted, 0);
    cr_assert_eq(st.rejected, sizeof mixed_bad / sizeof mixed_bad[0], "every bad row reported");
    cr_assert_eq(r.count, st.rejected);
    cr_assert_eq(count(db, JY_KIND_LABOR), 0);

    /* One bad line among good JSON lines: nothing either. */
    cr_assert_eq(import_text(&st, db,
                             "{\"type\":\"enterprise\",\"name\":\"甲公司\"}\n"
                             "{\"type\":\"enterprise\",\"name\":\"乙公司\",\"staff_count\":-5}\n"
                             "{\"type\":\"enterprise\",\"name\":\"丙公司\"}\n",
                             JY_FORMAT_JSONL, 0, JY_IMPORT_ALL, &r),
                 JY_EINVAL);
    cr_assert_eq(r.count, 1);
    cr_assert_eq(r.items[0].line, 2);
    cr_assert_str_eq(r.items[0].field, "staff_count");
    cr_assert_eq(count(db, JY_KIND_ENTERPRISE), 0);
    /* The database is usable afterwards (no transaction left open). */
    cr_assert_eq(jy_db_begin(db), JY_OK);
    cr_assert_eq(jy_db_rollback(db), JY_OK);
    jy_db_close(db);
}

Test(io, a_bad_record_does_not_undo_the_good_ones_of_its_batch)
{
    /* More records than a batch, bad ones spread over several batches. */
    jy_db *db = open_mem();
    size_t n = 12000, cap = n * 96;
    char *text = malloc(cap);
    size_t used = 0;
    for (size_t i = 1; i <= n; i++)
        used += (size_t)snprintf(text + used, cap - used,
                                 "{\"type\":\"event\",\"kind\":\"%s\",\"date\":\"2026-04-%02zu\"}\n",
                                 i % 1000 == 7 ? "no_such_kind" : "hotline", 1 + i % 28);
    rejects r;
    jy_import_stats st;
    jy_import_options o = options(JY_FORMAT_JSONL, 0, JY_IMPORT_KEEP_GOOD, &r);
    cr_assert_eq(jy_import_buffer(&st, db, text, used, &o), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.rejected, 12);
    cr_assert_eq(st.accepted, n - 12);
    cr_assert_eq(count(db, JY_KIND_EVENT), (int64_t)(n - 12));
    cr_assert_eq(r.items[0].line, 7);
    cr_assert_eq(r.items[11].line, 11007);
    cr_assert_str_eq(r.items[11].field, "kind");
    free(text);
    jy_db_close(db);
}

/* ---- CSV details ------------------------------------------------------------------ */

Test(io, csv_quoting_bom_crlf_and_resynchronisation)
{
    jy_db *db = open_mem();
    rejects r;
    jy_import_options o = options(JY_FORMAT_AUTO, JY_KIND_ENTERPRISE, JY_IMPORT_KEEP_GOOD, &r);
    jy_import_stats st;
    cr_assert_eq(jy_import_file(&st, db, IO_DATA "enterprise-quoting.csv", &o), JY_OK, "%s",
                 jy_error_last()->message);
    /* Line 2 holds a record spanning lines 2-4; line 6 has a bad industry;
     * line 7 opens a quote that line 9 closes, followed by text: rejected
     * at line 7, reading resumes at line 8; line 9 has text after a closing
     * quote; line 10 ends the file without a newline. */
    cr_assert_eq(st.accepted, 4);
    cr_assert_eq(r.count, 3);
    cr_assert_eq(r.items[0].line, 6);
    cr_assert_str_eq(r.items[0].field, "industry");
    cr_assert_eq(r.items[1].line, 7);
    cr_assert_eq(r.items[1].code, JY_EPARSE);
    cr_assert_eq(r.items[2].line, 9);
    jy_record *e = get(db, JY_KIND_ENTERPRISE, 1);
    cr_assert_str_eq(text_of(e, "name"), "新干县\"金川\"箱包厂", "doubled quotes, BOM skipped");
    cr_assert_str_eq(text_of(e, "address"), "工业园区\r\n二路8号");
    cr_assert_str_eq(text_of(e, "notes"), "多行\n备注, 含逗号");
    cr_assert_str_eq(text_of(e, "industry"), "luggage");
    jy_record_free(e);
    e = get(db, JY_KIND_ENTERPRISE, 2);
    cr_assert_str_eq(text_of(e, "name"), "新干县盐化公司", "no CR left from CRLF");
    cr_assert_null(text_of(e, "notes"), "an empty cell is unset");
    jy_record_free(e);
    e = get(db, JY_KIND_ENTERPRISE, 3);
    cr_assert_str_eq(text_of(e, "name"), "新干县智能制造公司");
    jy_record_free(e);
    e = get(db, JY_KIND_ENTERPRISE, 4);
    cr_assert_str_eq(text_of(e, "notes"), "末行无换行");
    jy_record_free(e);

    /* A quote never closed, to the end of the file. */
    cr_assert_eq(import_text(&st, db,
                             "name,notes\n\"甲公司,x\n乙公司,y\n丙公司,z\n",
                             JY_FORMAT_CSV, JY_KIND_ENTERPRISE, JY_IMPORT_KEEP_GOOD, &r),
                 JY_OK);
    cr_assert_eq(r.count, 1);
    cr_assert_eq(r.items[0].line, 2);
    cr_assert(strstr(r.items[0].text, "never closed"), "%s", r.items[0].text);
    cr_assert_eq(st.accepted, 2, "lines 3 and 4 are read again");
    jy_db_close(db);
}

Test(io, csv_header_matches_names_labels_and_their_variants)
{
    jy_db *db = open_mem();
    jy_import_stats st;
    rejects r;
    /* Full-width brackets, English in another case, spaces, a trailing
     * unnamed column that spreadsheets leave behind, rows of empty cells. */
    const char *csv = " ID_Number ,姓名,乡镇,村（社区）,Surveyed_On,\n"
                      "360824200102031012,刘一,金川镇,城南,2026-05-10,\n"
                      ",,,,,\n"
                      "360824199508172127,陈二,三湖镇,,2026-05-10,\n";
    cr_assert_eq(import_text(&st, db, csv, JY_FORMAT_CSV, JY_KIND_LABOR, JY_IMPORT_ALL, &r),
                 JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.accepted, 2);
    jy_db_close(db);
}

Test(io, csv_bad_headers_reject_the_whole_file_before_any_row)
{
    static const struct {
        const char *csv;
        const char *field;
        const char *why;
    } cases[] = {
        { "身份证号,姓名,乡镇,调查日期,工资\n360824200102031012,刘一,金川镇,2026-05-10,3000\n",
          "工资", "unknown column" },
        { "身份证号,姓名,乡镇,调查日期,name\n", "name", "twice" },
        { "身份证号,乡镇,调查日期\n360824200102031012,金川镇,2026-05-10\n", "name",
          "required column missing (姓名)" },
        { "身份证号,,姓名,乡镇,调查日期\n", "", "no name" },
        { "", "", "empty file" },
        { "\xEF\xBB\xBF", "", "empty file" },
        { "\"身份证号\"x,姓名\n", "", "malformed header" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (int mode = 0; mode < 2; mode++) {
            jy_db *db = open_mem();
            rejects r;
            jy_import_stats st;
            int rc = import_text(&st, db, cases[i].csv, JY_FORMAT_CSV, JY_KIND_LABOR,
                                 mode ? JY_IMPORT_KEEP_GOOD : JY_IMPORT_ALL, &r);
            cr_assert_eq(rc, JY_EINVAL, "case %zu", i);
            cr_assert_eq(r.count, 1, "case %zu: reported once", i);
            cr_assert_eq(r.items[0].line, 1);
            cr_assert_str_eq(r.items[0].field, cases[i].field, "case %zu", i);
            cr_assert(strstr(r.items[0].text, cases[i].why), "case %zu: %s", i, r.items[0].text);
            cr_assert(strstr(jy_error_last()->message, cases[i].why), "%s",
                      jy_error_last()->message);
            cr_assert_eq(st.accepted + st.rejected, 0);
            cr_assert_eq(count(db, JY_KIND_LABOR), 0);
            jy_db_close(db);
        }
    }
}

Test(io, csv_labels_of_each_kind_are_unambiguous)
{
    for (int k = 1; k < JY_KIND_END; k++)
        for (size_t i = 0; i < jy_kind_field_count(k); i++)
            for (size_t j = 0; j < jy_kind_field_count(k); j++) {
                const jy_field_info *a = jy_kind_field_at(k, i), *b = jy_kind_field_at(k, j);
                if (i != j) {
                    cr_assert_str_neq(a->label, b->label, "%s", jy_kind_name(k));
                    cr_assert_str_neq(a->label, b->name, "%s", jy_kind_name(k));
                }
            }
}

/* ---- Encodings and bad bytes ----------------------------------------------------- */

static char *to_gb18030(const char *utf8, size_t *out_len)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    cr_assert_neq(cd, (iconv_t)-1);
    size_t inleft = strlen(utf8), cap = inleft * 2 + 16, outleft = cap;
    char *out = malloc(cap), *in = (char *)(uintptr_t)utf8, *o = out;
    cr_assert_neq(iconv(cd, &in, &inleft, &o, &outleft), (size_t)-1);
    iconv_close(cd);
    *out_len = cap - outleft;
    return out;
}

Test(io, gb18030_csv_is_recognised_and_decoded)
{
    jy_db *a = open_mem(), *b = open_mem(), *c = open_mem();
    import_file_ok(a, IO_DATA "labor-gb18030.csv", JY_KIND_LABOR, 3);
    import_file_ok(b, IO_DATA "labor-utf8.csv", JY_KIND_LABOR, 3);
    compare_databases(a, b, 0);
    jy_record *r = get(a, JY_KIND_LABOR, 1);
    cr_assert_str_eq(text_of(r, "name"), "欧阳娜");
    cr_assert_str_eq(text_of(r, "township"), "360824104", "麦㙦镇: a four-byte GB18030 character");
    cr_assert_str_eq(text_of(r, "skills"), "缝纫、裁剪");
    jy_record_free(r);

    /* Told it is GB18030; told it is UTF-8 (then the rows are bad text and
     * the header does not match). */
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    o.kind = JY_KIND_LABOR;
    o.encoding = JY_ENCODING_GB18030;
    jy_import_stats st;
    cr_assert_eq(jy_import_file(&st, c, IO_DATA "labor-gb18030.csv", &o), JY_OK);
    cr_assert_eq(st.accepted, 3);
    jy_db *d = open_mem();
    o.encoding = JY_ENCODING_UTF8;
    cr_assert_eq(jy_import_file(&st, d, IO_DATA "labor-gb18030.csv", &o), JY_EINVAL);

    /* A long ASCII stretch before the first Chinese character, across
     * the reader's chunks: still recognised. */
    size_t cap = 300000;
    char *big = malloc(cap);
    size_t used = (size_t)snprintf(big, cap, "kind,date,notes\n");
    for (int i = 0; i < 3000; i++)
        used += (size_t)snprintf(big + used, cap - used, "hotline,2026-04-01,call %d\n", i);
    snprintf(big + used, cap - used, "hotline,2026-04-02,咨询社保政策\n");
    size_t gblen = 0;
    jy_db *e = open_mem();
    rejects rj;
    jy_import_options eo = options(JY_FORMAT_CSV, JY_KIND_EVENT, JY_IMPORT_ALL, &rj);
    char *gb = to_gb18030(big, &gblen);
    cr_assert_eq(jy_import_buffer(&st, e, gb, gblen, &eo), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.accepted, 3001);
    r = get(e, JY_KIND_EVENT, 3001);
    cr_assert_str_eq(text_of(r, "notes"), "咨询社保政策");
    jy_record_free(r);
    free(gb);
    free(big);

    /* GB18030 JSON Lines too. */
    gb = to_gb18030("{\"type\":\"enterprise\",\"name\":\"新干县箱包厂\"}\n", &gblen);
    cr_assert_eq(jy_import_buffer(&st, e, gb, gblen, NULL), JY_OK, "%s", jy_error_last()->message);
    free(gb);
    jy_db_close(a);
    jy_db_close(b);
    jy_db_close(c);
    jy_db_close(d);
    jy_db_close(e);
}

Test(io, invalid_utf8_and_nul_bytes_are_rejected_with_their_line)
{
    jy_db *db = open_mem();
    jy_import_stats st;
    rejects r;
    jy_import_options o = options(JY_FORMAT_JSONL, 0, JY_IMPORT_KEEP_GOOD, &r);
    o.encoding = JY_ENCODING_UTF8;
    static const char jsonl[] = "{\"type\":\"enterprise\",\"name\":\"甲公司\"}\n"
                                "{\"type\":\"enterprise\",\"name\":\"乙\xff\xfe公司\"}\n"
                                "{\"type\":\"enterprise\",\"name\":\"丙\0公司\"}\n"
                                "{\"type\":\"enterprise\",\"name\":\"丁公司\"}\n";
    cr_assert_eq(jy_import_buffer(&st, db, jsonl, sizeof jsonl - 1, &o), JY_OK);
    cr_assert_eq(st.accepted, 2);
    cr_assert_eq(r.count, 2);
    cr_assert_eq(r.items[0].line, 2);
    cr_assert_eq(r.items[0].code, JY_EUTF8);
    cr_assert_str_eq(r.items[0].field, "name");
    cr_assert_eq(r.items[1].line, 3);
    cr_assert_eq(r.items[1].code, JY_EPARSE);

    o = options(JY_FORMAT_CSV, JY_KIND_ENTERPRISE, JY_IMPORT_KEEP_GOOD, &r);
    o.encoding = JY_ENCODING_UTF8;
    static const char csv[] = "企业名称,备注\n戊公司,好\n己公司,坏\xc3\x28\n庚公司,有\0零\n辛公司,\n";
    cr_assert_eq(jy_import_buffer(&st, db, csv, sizeof csv - 1, &o), JY_OK);
    cr_assert_eq(st.accepted, 2);
    cr_assert_eq(r.count, 2);
    cr_assert_eq(r.items[0].line, 3);
    cr_assert_eq(r.items[0].code, JY_EUTF8);
    cr_assert_str_eq(r.items[0].field, "notes");
    cr_assert_eq(r.items[1].line, 4);
    cr_assert_str_eq(r.items[1].field, "notes");
    cr_assert(strstr(r.items[1].text, "NUL"));

    /* Bytes that are neither UTF-8 nor GB18030 in a GB18030 file. */
    memset(&r, 0, sizeof r);
    o.encoding = JY_ENCODING_GB18030;
    static const char gb[] = "name\n\x81\x30\n";
    cr_assert_eq(jy_import_buffer(&st, db, gb, sizeof gb - 1, &o), JY_OK);
    cr_assert_eq(r.count, 1);
    cr_assert_eq(r.items[0].code, JY_EUTF8);
    cr_assert_eq(r.items[0].line, 2);
    jy_db_close(db);
}

Test(io, bad_json_lines_are_located)
{
    static const struct {
        const char *line;
        int code;
        const char *field;
    } cases[] = {
        { "{\"type\":\"enterprise\",\"name\":123}", JY_EPARSE, "name" },
        { "{\"type\":\"posting\",\"enterprise_id\":1,\"title\":\"x\",\"kind\":\"gig\","
          "\"published_on\":\"2026-04-01\",\"skills\":5}", JY_EPARSE, "skills" },
        { "{\"type\":\"enterprise\",\"name\":\"x\",\"industrial\":\"maybe\"}", JY_EINVAL,
          "industrial" },
        { "{\"type\":\"enterprise\",\"name\":\"x\",\"staff\":3}", JY_ENOTFOUND, "staff" },
        { "{\"type\":\"employer\",\"name\":\"x\"}", JY_ENOTFOUND, "type" },
        { "{\"type\":7,\"name\":\"x\"}", JY_EPARSE, "type" },
        { "{\"name\":\"x\"}", JY_EPARSE, "type" },
        { "[1,2,3]", JY_EPARSE, "" },
        { "{\"type\":\"enterprise\",\"name\":\"x\",}", JY_EPARSE, "" },
        { "{\"type\":\"enterprise\",\"name\":\"x\"} trailing", JY_EPARSE, "" },
        { "{\"type\":\"posting\",\"enterprise_id\":99,\"title\":\"x\",\"kind\":\"gig\","
          "\"published_on\":\"2026-04-01\"}", JY_ENOTFOUND, "enterprise_id" },
        { "{\"type\":\"enterprise\",\"name\":\"x\",\"credit_code\":\"91360824MA35D7K20B\"}",
          JY_EINVAL, "credit_code" },
        { "{\"type\":\"posting\",\"enterprise_id\":1,\"title\":\"x\",\"kind\":\"gig\","
          "\"published_on\":\"2026-04-31\"}", JY_EINVAL, "published_on" },
        { "{\"type\":\"posting\",\"enterprise_id\":1,\"title\":\"x\",\"kind\":\"gig\","
          "\"published_on\":\"2026-04-01\",\"headcount\":-3}", JY_EINVAL, "headcount" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        jy_db *db = open_mem();
        jy_import_stats st;
        cr_assert_eq(import_text(&st, db, "{\"type\":\"enterprise\",\"name\":\"甲公司\"}\n",
                                 JY_FORMAT_JSONL, 0, JY_IMPORT_ALL, NULL), JY_OK);
        char text[600];
        snprintf(text, sizeof text, "\n{\"type\":\"enterprise\",\"name\":\"乙公司\"}\n%s\n",
                 cases[i].line);
        rejects r;
        cr_assert_eq(import_text(&st, db, text, JY_FORMAT_JSONL, 0, JY_IMPORT_KEEP_GOOD, &r),
                     JY_OK);
        cr_assert_eq(r.count, 1, "case %zu", i);
        cr_assert_eq(r.items[0].line, 3, "case %zu", i);
        cr_assert_eq(r.items[0].code, cases[i].code, "case %zu: code %d (%s)", i,
                     r.items[0].code, r.items[0].text);
        cr_assert_str_eq(r.items[0].field, cases[i].field, "case %zu (%s)", i, r.items[0].text);
        cr_assert_eq(st.accepted, 1);
        jy_db_close(db);
    }
}

Test(io, kind_option_constrains_json_lines)
{
    jy_db *db = open_mem();
    jy_import_stats st;
    rejects r;
    cr_assert_eq(import_text(&st, db,
                             "{\"name\":\"甲公司\"}\n"
                             "{\"type\":\"enterprise\",\"name\":\"乙公司\"}\n"
                             "{\"type\":\"labor\",\"name\":\"丙\"}\n",
                             JY_FORMAT_JSONL, JY_KIND_ENTERPRISE, JY_IMPORT_KEEP_GOOD, &r),
                 JY_OK);
    cr_assert_eq(st.accepted, 2);
    cr_assert_eq(r.count, 1);
    cr_assert_eq(r.items[0].line, 3);
    cr_assert_str_eq(r.items[0].field, "type");
    jy_db_close(db);
}

Test(io, overlong_lines_are_rejected_and_skipped)
{
    jy_db *db = open_mem();
    size_t big = 5u * 1024u * 1024u;
    char *text = malloc(big + 200);
    size_t used = (size_t)sprintf(text, "{\"type\":\"enterprise\",\"name\":\"甲公司\"}\n"
                                        "{\"type\":\"enterprise\",\"name\":\"");
    memset(text + used, 'x', big);
    used += big;
    used += (size_t)sprintf(text + used, "\"}\n{\"type\":\"enterprise\",\"name\":\"乙公司\"}\n");
    rejects r;
    jy_import_stats st;
    jy_import_options o = options(JY_FORMAT_JSONL, 0, JY_IMPORT_KEEP_GOOD, &r);
    cr_assert_eq(jy_import_buffer(&st, db, text, used, &o), JY_OK);
    cr_assert_eq(st.accepted, 2);
    cr_assert_eq(r.count, 1);
    cr_assert_eq(r.items[0].line, 2);
    cr_assert_eq(r.items[0].code, JY_ERANGE);

    /* The same in CSV. */
    used = (size_t)sprintf(text, "企业名称\n甲公司2\n");
    memset(text + used, 'y', big);
    used += big;
    used += (size_t)sprintf(text + used, "\n乙公司2\n");
    o = options(JY_FORMAT_CSV, JY_KIND_ENTERPRISE, JY_IMPORT_KEEP_GOOD, &r);
    cr_assert_eq(jy_import_buffer(&st, db, text, used, &o), JY_OK);
    cr_assert_eq(st.accepted, 2);
    cr_assert_eq(r.count, 1);
    cr_assert_eq(r.items[0].line, 3);
    free(text);
    jy_db_close(db);
}

/* ---- Masking and the audit log --------------------------------------------------- */

Test(io, exports_mask_personal_data_unless_asked)
{
    jy_db *db = every_kind_db();
    static const char *const secrets[] = { "360824199003151232", "360824200108154523",
                                           "13807951234", "13907961234", "王五", "李四", "张三" };
    for (int csv = 0; csv < 2; csv++) {
        char *masked = NULL;
        if (csv) {
            static const jy_kind kinds[] = { JY_KIND_LABOR, JY_KIND_JOBSEEKER,
                                             JY_KIND_ENTERPRISE, JY_KIND_HIRE, JY_KIND_EVENT };
            for (size_t k = 0; k < 5; k++) {
                masked = export_text(db, JY_FORMAT_CSV, kinds[k], 0, 1, NULL);
                for (size_t s = 0; s < 7; s++)
                    cr_assert_null(strstr(masked, secrets[s]), "%s in the %s CSV: %s",
                                   secrets[s], jy_kind_name(kinds[k]), masked);
                free(masked);
            }
        } else {
            masked = export_text(db, JY_FORMAT_JSONL, 0, 0, 1, NULL);
            for (size_t s = 0; s < 7; s++)
                cr_assert_null(strstr(masked, secrets[s]), "%s in the export", secrets[s]);
            cr_assert(strstr(masked, "\"id_number\":\"360824**********32\""), "%s", masked);
            cr_assert(strstr(masked, "\"phone\":\"138****1234\""));
            cr_assert(strstr(masked, "\"name\":\"王*\""));
            free(masked);
        }
    }
    char *clear = export_text(db, JY_FORMAT_JSONL, JY_KIND_LABOR, JY_EXPORT_UNMASK, 1, NULL);
    cr_assert(strstr(clear, "360824199003151232"));
    cr_assert(strstr(clear, "王五"));
    free(clear);
    jy_db_close(db);
}

static int audit_rows(const char *path, const char *kind, int64_t *records)
{
    sqlite3 *c = NULL;
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_open(path, &c), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(c, "SELECT kind, records, detail FROM audit "
                                       "WHERE action = 'export_unmasked' ORDER BY id",
                                    -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(c));
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        n++;
        cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), kind);
        *records = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    sqlite3_close(c);
    return n;
}

Test(io, unmasked_exports_are_audited)
{
    char path[300], out[300];
    snprintf(path, sizeof path, "%s/audit.db", dir);
    snprintf(out, sizeof out, "%s/labor.csv", dir);
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK);
    import_file_ok(db, IO_DATA "labor-utf8.csv", JY_KIND_LABOR, 3);
    jy_export_options o = JY_EXPORT_OPTIONS_INIT;
    o.kind = JY_KIND_LABOR;
    size_t n = 0;
    cr_assert_eq(jy_export_file(&n, db, out, &o), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(n, 3);
    jy_db_close(db);
    int64_t records = -1;
    cr_assert_eq(audit_rows(path, "labor", &records), 0, "a masked export is not audited");

    cr_assert_eq(jy_db_open(&db, path, NULL), JY_OK);
    o.flags = JY_EXPORT_UNMASK;
    cr_assert_eq(jy_export_file(&n, db, out, &o), JY_OK, "%s", jy_error_last()->message);
    jy_db_close(db);
    cr_assert_eq(audit_rows(path, "labor", &records), 1);
    cr_assert_eq(records, 3);

    /* A database that cannot record the audit entry exports nothing in clear. */
    jy_db_options ro = JY_DB_OPTIONS_INIT;
    ro.flags = JY_DB_READONLY;
    cr_assert_eq(jy_db_open(&db, path, &ro), JY_OK);
    char *text = NULL;
    cr_assert_neq(jy_export_buffer(&text, NULL, NULL, db, &o), JY_OK);
    cr_assert_null(text);
    cr_assert(strstr(jy_error_last()->message, "audit"), "%s", jy_error_last()->message);
    o.flags = 0;
    cr_assert_eq(jy_export_buffer(&text, NULL, NULL, db, &o), JY_OK, "masked is fine");
    free(text);
    jy_db_close(db);
}

/* ---- Updates, ids and references -------------------------------------------------- */

Test(io, reimporting_a_labor_file_updates_instead_of_duplicating)
{
    jy_db *db = open_mem();
    import_file_ok(db, IO_DATA "labor-utf8.csv", JY_KIND_LABOR, 3);
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    o.kind = JY_KIND_LABOR;
    jy_import_stats st;
    cr_assert_eq(jy_import_file(&st, db, IO_DATA "labor-gb18030.csv", &o), JY_OK);
    cr_assert_eq(st.accepted, 3);
    cr_assert_eq(st.updated, 3);
    cr_assert_eq(count(db, JY_KIND_LABOR), 3);
    cr_assert_eq(count(db, JY_KIND_LABOR_CHANGE), 0, "nothing changed");

    /* A change is an update with history. */
    cr_assert_eq(import_text(&st, db,
                             "身份证号,姓名,乡镇,就业状况,调查日期\n"
                             "360824199102022348,龚小明,金川镇,县内就业,2026-06-10\n",
                             JY_FORMAT_CSV, JY_KIND_LABOR, JY_IMPORT_ALL, NULL),
                 JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.updated, 1);
    cr_assert_eq(count(db, JY_KIND_LABOR), 3);
    cr_assert_eq(count(db, JY_KIND_LABOR_CHANGE), 1);
    jy_db_close(db);
}

Test(io, references_follow_records_of_the_same_file)
{
    jy_db *db = open_mem();
    jy_import_stats st;
    /* Two enterprises in the database already. */
    cr_assert_eq(import_text(&st, db,
                             "{\"type\":\"enterprise\",\"name\":\"甲公司\"}\n"
                             "{\"type\":\"enterprise\",\"name\":\"乙公司\"}\n",
                             JY_FORMAT_JSONL, 0, JY_IMPORT_ALL, NULL), JY_OK);
    rejects r;
    cr_assert_eq(import_text(&st, db,
                             "{\"type\":\"enterprise\",\"id\":1,\"name\":\"丙公司\"}\n"
                             "{\"type\":\"enterprise\",\"id\":9,\"name\":\"坏公司\",\"staff_count\":-1}\n"
                             "{\"type\":\"posting\",\"enterprise_id\":1,\"title\":\"普工\",\"kind\":\"gig\",\"published_on\":\"2026-04-01\"}\n"
                             "{\"type\":\"posting\",\"enterprise_id\":2,\"title\":\"焊工\",\"kind\":\"gig\",\"published_on\":\"2026-04-01\"}\n"
                             "{\"type\":\"posting\",\"enterprise_id\":9,\"title\":\"叉车\",\"kind\":\"gig\",\"published_on\":\"2026-04-01\"}\n",
                             JY_FORMAT_JSONL, 0, JY_IMPORT_KEEP_GOOD, &r), JY_OK);
    cr_assert_eq(st.accepted, 3);
    cr_assert_eq(r.count, 2);
    cr_assert_eq(r.items[1].line, 5);
    cr_assert_str_eq(r.items[1].field, "enterprise_id");
    cr_assert(strstr(r.items[1].text, "rejected"), "%s", r.items[1].text);
    jy_record *p = get(db, JY_KIND_POSTING, 1);
    cr_assert_str_eq(text_of(p, "enterprise_id"), "3", "file id 1 is the new enterprise 3");
    jy_record_free(p);
    p = get(db, JY_KIND_POSTING, 2);
    cr_assert_str_eq(text_of(p, "enterprise_id"), "2", "id 2 is not in the file: the database's");
    jy_record_free(p);
    jy_db_close(db);
}

/* ---- Callbacks ---------------------------------------------------------------------- */

typedef struct progress_log {
    size_t calls, last_records, last_bytes, total;
    int stop_at;
} progress_log;

static int on_progress(size_t records, size_t bytes, size_t total, void *payload)
{
    progress_log *p = payload;
    cr_assert_geq(records, p->last_records);
    cr_assert_geq(bytes, p->last_bytes);
    cr_assert(total == 0 || bytes <= total);
    p->calls++;
    p->last_records = records;
    p->last_bytes = bytes;
    p->total = total;
    return p->stop_at && (int)p->calls >= p->stop_at ? -77 : 0;
}

static char *hotline_calls(size_t n, size_t *out_len)
{
    size_t cap = n * 64 + 64;
    char *text = malloc(cap);
    size_t used = 0;
    for (size_t i = 0; i < n; i++)
        used += (size_t)snprintf(text + used, cap - used,
                                 "{\"type\":\"event\",\"kind\":\"hotline\",\"date\":\"2026-05-%02zu\"}\n",
                                 1 + i % 28);
    *out_len = used;
    return text;
}

Test(io, progress_is_reported_and_can_stop_the_import)
{
    size_t len = 0;
    char *text = hotline_calls(25000, &len);
    jy_db *db = open_mem();
    progress_log p = { 0, 0, 0, 0, 0 };
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    o.on_progress = on_progress;
    o.payload = &p;
    jy_import_stats st;
    cr_assert_eq(jy_import_buffer(&st, db, text, len, &o), JY_OK);
    cr_assert_eq(p.calls, 3, "at 10000, 20000 and the end");
    cr_assert_eq(p.last_records, 25000);
    cr_assert_eq(p.last_bytes, len);
    cr_assert_eq(p.total, len);

    /* Stopped in all-or-nothing mode: nothing stored, the value returned. */
    jy_db *db2 = open_mem();
    progress_log q = { 0, 0, 0, 0, 2 };
    o.payload = &q;
    cr_assert_eq(jy_import_buffer(&st, db2, text, len, &o), -77);
    cr_assert_eq(count(db2, JY_KIND_EVENT), 0);
    cr_assert_eq(st.accepted, 0);

    /* Stopped while keeping the good ones: what was read stays. */
    jy_db *db3 = open_mem();
    progress_log s = { 0, 0, 0, 0, 1 };
    o.payload = &s;
    o.mode = JY_IMPORT_KEEP_GOOD;
    cr_assert_eq(jy_import_buffer(&st, db3, text, len, &o), -77);
    cr_assert_eq(st.accepted, 10000);
    cr_assert_eq(count(db3, JY_KIND_EVENT), 10000);
    free(text);
    jy_db_close(db);
    jy_db_close(db2);
    jy_db_close(db3);
}

Test(io, a_reject_callback_can_stop_the_import)
{
    jy_db *db = open_mem();
    rejects r;
    jy_import_options o = options(JY_FORMAT_CSV, JY_KIND_LABOR, JY_IMPORT_KEEP_GOOD, &r);
    r.stop_after = 2;
    jy_import_stats st;
    cr_assert_eq(jy_import_file(&st, db, IO_DATA "labor-mixed.csv", &o), 42);
    cr_assert_eq(r.count, 2);
    cr_assert_eq(st.rejected, 2);
    cr_assert_eq(st.accepted, 3, "rows 2, 3 and 5 before the second reject (line 6)");
    cr_assert_eq(count(db, JY_KIND_LABOR), 3);
    jy_db_close(db);
}

/* ---- Export details ----------------------------------------------------------------- */

typedef struct sink {
    size_t calls, bytes;
    int fail;
} sink;

static int write_sink(const char *data, size_t len, void *payload)
{
    sink *s = payload;
    cr_assert_not_null(data);
    cr_assert_gt(len, 0);
    s->calls++;
    s->bytes += len;
    return s->fail ? -99 : 0;
}

Test(io, exports_go_to_files_callbacks_and_filters)
{
    jy_db *db = every_kind_db();
    char path[300];
    snprintf(path, sizeof path, "%s/all.jsonl", dir);
    size_t n = 0;
    cr_assert_eq(jy_export_file(&n, db, path, NULL), JY_OK, "%s", jy_error_last()->message);
    char *mem = NULL;
    size_t len = 0, m = 0;
    cr_assert_eq(jy_export_buffer(&mem, &len, &m, db, NULL), JY_OK);
    cr_assert_eq(n, m);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    char *back = malloc(len + 1);
    cr_assert_eq(fread(back, 1, len + 1, f), len, "the file holds the same text");
    fclose(f);
    cr_assert_eq(memcmp(back, mem, len), 0);
    free(back);

    sink s = { 0, 0, 0 };
    cr_assert_eq(jy_export_write(&m, db, NULL, write_sink, &s), JY_OK);
    cr_assert_eq(s.bytes, len);
    cr_assert_eq(m, n);
    s.fail = 1;
    cr_assert_eq(jy_export_write(&m, db, NULL, write_sink, &s), -99);
    free(mem);

    /* .csv by extension; a filter. */
    snprintf(path, sizeof path, "%s/postings.CSV", dir);
    jy_filter flt;
    jy_filter_init(&flt, JY_KIND_POSTING);
    flt.subkind = "gig";
    jy_export_options o = JY_EXPORT_OPTIONS_INIT;
    o.filter = &flt;
    cr_assert_eq(jy_export_file(&n, db, path, &o), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(n, 0, "no gig posting");
    flt.subkind = "full_time";
    cr_assert_eq(jy_export_file(&n, db, path, &o), JY_OK);
    cr_assert_eq(n, 1);
    jy_db *b = open_mem();
    jy_import_stats st;
    cr_assert_eq(import_text(&st, b, "{\"type\":\"enterprise\",\"name\":\"甲\"}\n"
                             "{\"type\":\"enterprise\",\"name\":\"乙\"}\n"
                             "{\"type\":\"enterprise\",\"name\":\"丙\"}\n", JY_FORMAT_JSONL,
                             0, JY_IMPORT_ALL, NULL), JY_OK);
    jy_import_options io = JY_IMPORT_OPTIONS_INIT;
    io.kind = JY_KIND_POSTING;
    cr_assert_eq(jy_import_file(&st, b, path, &io), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.accepted, 1);
    jy_db_close(b);
    jy_db_close(db);
}

/* ---- Any input ---------------------------------------------------------------------- */

Test(io, random_input_never_crashes)
{
    /* Mutations of valid JSON Lines and CSV, and plain noise. */
    static const char *const seeds[] = {
        "{\"type\":\"enterprise\",\"name\":\"甲公司\",\"industry\":\"箱包\",\"staff_count\":3}\n",
        "企业名称,行业,备注\n\"甲\"\"公司\",箱包,\"a\nb\"\r\n乙公司,盐化,\n",
        "身份证号,姓名,乡镇,调查日期\n360824200102031012,刘一,金川镇,2026-05-10\n",
    };
    unsigned int seed = 12345;
    for (int round = 0; round < 600; round++) {
        const char *base = seeds[round % 3];
        size_t len = strlen(base);
        char buf[256];
        memcpy(buf, base, len);
        int flips = 1 + round % 6;
        for (int k = 0; k < flips; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % len;
            seed = seed * 1103515245u + 12345u;
            unsigned char v = (unsigned char)(seed >> 16);
            static const unsigned char specials[] = { '"', ',', '\n', '\r', 0, 0xFF, 0xE3, '{',
                                                      '}', ':', '\\', 0x81 };
            buf[at] = (char)(round % 2 ? v : specials[v % sizeof specials]);
        }
        jy_db *db = open_mem();
        jy_import_stats st;
        jy_import_options o = JY_IMPORT_OPTIONS_INIT;
        o.mode = round % 4 < 2 ? JY_IMPORT_KEEP_GOOD : JY_IMPORT_ALL;
        o.format = round % 3 == 0 ? JY_FORMAT_JSONL : JY_FORMAT_CSV;
        o.kind = round % 3 == 2 ? JY_KIND_LABOR : round % 3 == 1 ? JY_KIND_ENTERPRISE : 0;
        o.encoding = (jy_encoding)(round % 3);
        int rc = jy_import_buffer(&st, db, buf, len, &o);
        cr_assert(rc == JY_OK || rc == JY_EINVAL, "round %d: %d %s", round, rc,
                  jy_error_last()->message);
        jy_db_close(db);
    }
}

/* ---- References by natural key -------------------------------------------------------- */

/* Enterprises 1 甲公司 (no credit code), 2 新干县XX箱包有限公司 and 3 新干县丙盐化有限公司
 * (a credit code of digits only). */
static void three_enterprises(jy_db *db)
{
    jy_import_stats st;
    cr_assert_eq(import_text(&st, db,
                             "{\"type\":\"enterprise\",\"name\":\"甲公司\"}\n"
                             "{\"type\":\"enterprise\",\"name\":\"新干县XX箱包有限公司\","
                             "\"credit_code\":\"91360824MA35XGQK18\"}\n"
                             "{\"type\":\"enterprise\",\"name\":\"新干县丙盐化有限公司\","
                             "\"credit_code\":\"913608240000000052\"}\n",
                             JY_FORMAT_JSONL, 0, JY_IMPORT_ALL, NULL),
                 JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.accepted, 3);
}

static void assert_posting_enterprise(jy_db *db, int64_t posting, const char *enterprise)
{
    jy_record *p = get(db, JY_KIND_POSTING, posting);
    cr_assert_str_eq(text_of(p, "enterprise_id"), enterprise, "posting %lld",
                     (long long)posting);
    jy_record_free(p);
}

static int has_digit(const char *s)
{
    for (; *s; s++)
        if (*s >= '0' && *s <= '9')
            return 1;
    return 0;
}

Test(io, csv_references_name_enterprises_by_name_or_credit_code)
{
    jy_db *db = open_mem();
    three_enterprises(db);
    /* tests/data/io/posting-enterprise-by-key.csv: the 企业编号 column holds
     * names, credit codes (upper and lower case, digits only), ids (１ in
     * full width too) and, on line 5, a name no enterprise has. */
    rejects r;
    jy_import_options o = options(JY_FORMAT_AUTO, JY_KIND_POSTING, JY_IMPORT_ALL, &r);
    jy_import_stats st;
    cr_assert_eq(jy_import_file(&st, db, IO_DATA "posting-enterprise-by-key.csv", &o),
                 JY_EINVAL, "all or nothing: one row is bad");
    cr_assert_eq(st.accepted, 0);
    cr_assert_eq(st.rejected, 1);
    cr_assert_eq(r.count, 1);
    cr_assert_eq(r.items[0].line, 5);
    cr_assert_str_eq(r.items[0].field, "enterprise_id");
    cr_assert_eq(r.items[0].code, JY_ENOTFOUND);
    cr_assert(strstr(r.items[0].text, "no enterprise with this name or credit code"), "%s",
              r.items[0].text);
    cr_assert_null(strstr(r.items[0].text, "不存在"), "the value is not quoted: %s",
                   r.items[0].text);
    cr_assert_eq(count(db, JY_KIND_POSTING), 0);

    o = options(JY_FORMAT_AUTO, JY_KIND_POSTING, JY_IMPORT_KEEP_GOOD, &r);
    cr_assert_eq(jy_import_file(&st, db, IO_DATA "posting-enterprise-by-key.csv", &o), JY_OK,
                 "%s", jy_error_last()->message);
    cr_assert_eq(st.accepted, 7);
    cr_assert_eq(st.rejected, 1);
    cr_assert_eq(r.count, 1);
    cr_assert_eq(r.items[0].line, 5);
    cr_assert_str_eq(r.items[0].field, "enterprise_id");
    /* Lines 2-4 and 6-9, in order. */
    static const char *const expected[] = { "2", "2", "2", "1", "3", "2", "1" };
    cr_assert_eq(count(db, JY_KIND_POSTING), 7);
    for (int64_t id = 1; id <= 7; id++)
        assert_posting_enterprise(db, id, expected[id - 1]);
    cr_assert_eq(count(db, JY_KIND_ENTERPRISE), 3, "references add no enterprise");

    /* A credit code that is not valid is taken for a name; a credit code
     * that no enterprise has is reported as such. */
    cr_assert_eq(import_text(&st, db,
                             "企业编号,岗位名称,岗位类型,发布日期\n"
                             "91360824MA35XGQK19,焊工,全职,2026-04-01\n"
                             "91360824MA35BAGK14,焊工,全职,2026-04-01\n",
                             JY_FORMAT_CSV, JY_KIND_POSTING, JY_IMPORT_KEEP_GOOD, &r),
                 JY_OK);
    cr_assert_eq(r.count, 2);
    cr_assert_eq(r.items[0].line, 2);
    cr_assert(strstr(r.items[0].text, "no enterprise with this name or credit code"), "%s",
              r.items[0].text);
    cr_assert_eq(r.items[1].line, 3);
    cr_assert_str_eq(r.items[1].field, "enterprise_id");
    cr_assert(strstr(r.items[1].text, "no enterprise with this credit code"), "%s",
              r.items[1].text);
    cr_assert_null(strstr(r.items[1].text, "9136"), "%s", r.items[1].text);
    jy_db_close(db);
}

Test(io, references_by_key_are_database_ids_not_ids_of_the_file)
{
    jy_db *db = open_mem();
    three_enterprises(db);
    /* The file's enterprise 1 becomes the database's 4; 甲公司 is the
     * database's 1, which the file's id 1 must not capture. Enterprises
     * of the same file are found by name too. */
    rejects r;
    jy_import_stats st;
    cr_assert_eq(import_text(&st, db,
                             "{\"type\":\"enterprise\",\"id\":1,\"name\":\"丁公司\"}\n"
                             "{\"type\":\"posting\",\"enterprise_id\":\"甲公司\",\"title\":\"普工\",\"kind\":\"gig\",\"published_on\":\"2026-04-01\"}\n"
                             "{\"type\":\"posting\",\"enterprise_id\":1,\"title\":\"焊工\",\"kind\":\"gig\",\"published_on\":\"2026-04-01\"}\n"
                             "{\"type\":\"posting\",\"enterprise_id\":\"丁公司\",\"title\":\"叉车\",\"kind\":\"gig\",\"published_on\":\"2026-04-01\"}\n"
                             "{\"type\":\"posting\",\"enterprise_id\":\"91360824ma35xgqk18\",\"title\":\"车工\",\"kind\":\"gig\",\"published_on\":\"2026-04-01\"}\n"
                             "{\"type\":\"posting\",\"enterprise_id\":\"3\",\"title\":\"电工\",\"kind\":\"gig\",\"published_on\":\"2026-04-01\"}\n"
                             "{\"type\":\"event\",\"kind\":\"streamer_visit\",\"date\":\"2026-04-02\",\"enterprise_id\":\"新干县丙盐化有限公司\"}\n"
                             "{\"type\":\"posting\",\"enterprise_id\":\"戊公司\",\"title\":\"电工\",\"kind\":\"gig\",\"published_on\":\"2026-04-01\"}\n",
                             JY_FORMAT_JSONL, 0, JY_IMPORT_KEEP_GOOD, &r),
                 JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.accepted, 7);
    cr_assert_eq(r.count, 1);
    cr_assert_eq(r.items[0].line, 8);
    cr_assert_str_eq(r.items[0].field, "enterprise_id");
    assert_posting_enterprise(db, 1, "1");
    assert_posting_enterprise(db, 2, "4");
    assert_posting_enterprise(db, 3, "4");
    assert_posting_enterprise(db, 4, "2");
    assert_posting_enterprise(db, 5, "3");
    jy_record *e = get(db, JY_KIND_EVENT, 1);
    cr_assert_str_eq(text_of(e, "enterprise_id"), "3");
    jy_record_free(e);
    jy_db_close(db);
}

Test(io, json_references_name_people_by_id_number)
{
    jy_db *db = open_mem();
    /* Labor records 1 360824199001011236, 2 360824199102022348 and
     * 3 36082419920303345X. */
    import_file_ok(db, IO_DATA "labor-utf8.csv", JY_KIND_LABOR, 3);
    rejects r;
    jy_import_stats st;
    cr_assert_eq(import_text(&st, db,
                             "{\"type\":\"verification\",\"labor_id\":\"36082419920303345X\",\"checked_on\":\"2026-07-20\",\"accurate\":true}\n"
                             "{\"type\":\"verification\",\"labor_id\":\"360824199001011236\",\"checked_on\":\"2026-07-20\",\"accurate\":false}\n"
                             "{\"type\":\"verification\",\"labor_id\":\" 36082419920303345x \",\"checked_on\":\"2026-07-21\",\"accurate\":true}\n"
                             "{\"type\":\"verification\",\"labor_id\":\"360824198505050111\",\"checked_on\":\"2026-07-21\",\"accurate\":true}\n"
                             "{\"type\":\"verification\",\"labor_id\":2,\"checked_on\":\"2026-07-22\",\"accurate\":true}\n"
                             "{\"type\":\"verification\",\"labor_id\":\"2\",\"checked_on\":\"2026-07-22\",\"accurate\":true}\n"
                             "{\"type\":\"verification\",\"labor_id\":\"欧阳娜\",\"checked_on\":\"2026-07-22\",\"accurate\":true}\n"
                             "{\"type\":\"verification\",\"labor_id\":\"360824198505050112\",\"checked_on\":\"2026-07-22\",\"accurate\":true}\n",
                             JY_FORMAT_JSONL, 0, JY_IMPORT_KEEP_GOOD, &r),
                 JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.accepted, 5);
    cr_assert_eq(st.rejected, 3);
    cr_assert_eq(r.count, 3);
    /* A valid ID number nobody in the ledger has. */
    cr_assert_eq(r.items[0].line, 4);
    cr_assert_str_eq(r.items[0].field, "labor_id");
    cr_assert_eq(r.items[0].code, JY_ENOTFOUND);
    cr_assert(strstr(r.items[0].text, "no labor record with this ID number"), "%s",
              r.items[0].text);
    /* A name: neither an id nor an ID number. */
    cr_assert_eq(r.items[1].line, 7);
    cr_assert_str_eq(r.items[1].field, "labor_id");
    cr_assert(strstr(r.items[1].text, "neither a record id nor a valid ID number"), "%s",
              r.items[1].text);
    /* A mistyped ID number (check character): not read as an id either. */
    cr_assert_eq(r.items[2].line, 8);
    cr_assert_str_eq(r.items[2].field, "labor_id");
    cr_assert(strstr(r.items[2].text, "check character"), "%s", r.items[2].text);
    for (size_t i = 0; i < r.count; i++) {
        cr_assert_not(has_digit(r.items[i].text), "no ID number digits: %s", r.items[i].text);
        cr_assert_null(strstr(r.items[i].text, "欧阳"), "%s", r.items[i].text);
    }
    static const char *const expected[] = { "3", "1", "3", "2", "2" };
    cr_assert_eq(count(db, JY_KIND_VERIFICATION), 5);
    for (int64_t id = 1; id <= 5; id++) {
        jy_record *v = get(db, JY_KIND_VERIFICATION, id);
        cr_assert_str_eq(text_of(v, "labor_id"), expected[id - 1], "verification %lld",
                         (long long)id);
        jy_record_free(v);
    }

    /* CSV too: a jobseeker's labor record by the person's 身份证号. */
    cr_assert_eq(import_text(&st, db,
                             "姓名,劳动力信息编号,登记日期\n"
                             "龚小明,360824199102022348,2026-06-01\n",
                             JY_FORMAT_CSV, JY_KIND_JOBSEEKER, JY_IMPORT_ALL, NULL),
                 JY_OK, "%s", jy_error_last()->message);
    jy_record *js = get(db, JY_KIND_JOBSEEKER, 1);
    cr_assert_str_eq(text_of(js, "labor_id"), "2");
    jy_record_free(js);
    jy_db_close(db);
}

Test(io, kinds_without_a_unique_field_are_referred_to_by_id_only)
{
    jy_db *db = open_mem();
    three_enterprises(db);
    jy_import_stats st;
    cr_assert_eq(import_text(&st, db,
                             "{\"type\":\"jobseeker\",\"name\":\"王五\",\"id_number\":\"360824199001011236\",\"registered_on\":\"2026-04-01\"}\n"
                             "{\"type\":\"posting\",\"enterprise_id\":1,\"title\":\"普工\",\"kind\":\"gig\",\"published_on\":\"2026-04-01\"}\n",
                             JY_FORMAT_JSONL, 0, JY_IMPORT_ALL, NULL),
                 JY_OK, "%s", jy_error_last()->message);
    rejects r;
    /* Hires: the enterprise by name is fine, the jobseeker by name or by
     * ID number is not. */
    cr_assert_eq(import_text(&st, db,
                             "求职者编号,企业编号,岗位编号,入职日期\n"
                             "王五,甲公司,,2026-04-20\n"
                             "360824199001011236,甲公司,,2026-04-20\n"
                             "1,甲公司,普工,2026-04-20\n"
                             "1,甲公司,1,2026-04-20\n",
                             JY_FORMAT_CSV, JY_KIND_HIRE, JY_IMPORT_KEEP_GOOD, &r),
                 JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.accepted, 1);
    cr_assert_eq(r.count, 3);
    cr_assert_eq(r.items[0].line, 2);
    cr_assert_str_eq(r.items[0].field, "jobseeker_id");
    cr_assert_eq(r.items[0].code, JY_EINVAL);
    cr_assert(strstr(r.items[0].text, "jobseeker records are referred to by id only"), "%s",
              r.items[0].text);
    cr_assert_eq(r.items[1].line, 3);
    cr_assert_str_eq(r.items[1].field, "jobseeker_id");
    cr_assert(strstr(r.items[1].text, "an ID number does not identify jobseeker records"), "%s",
              r.items[1].text);
    cr_assert_not(has_digit(r.items[1].text), "%s", r.items[1].text);
    cr_assert_eq(r.items[2].line, 4);
    cr_assert_str_eq(r.items[2].field, "posting_id");
    cr_assert(strstr(r.items[2].text, "posting records are referred to by id only"), "%s",
              r.items[2].text);
    jy_record *h = get(db, JY_KIND_HIRE, 1);
    cr_assert_str_eq(text_of(h, "jobseeker_id"), "1");
    cr_assert_str_eq(text_of(h, "enterprise_id"), "1");
    cr_assert_str_eq(text_of(h, "posting_id"), "1");
    jy_record_free(h);

    /* JSON Lines: a follow-up of a jobseeker given by name; an attendance of
     * an event given by title. */
    cr_assert_eq(import_text(&st, db,
                             "{\"type\":\"followup\",\"jobseeker_id\":\"王五\",\"date\":\"2026-05-01\",\"kind\":\"phone\"}\n"
                             "{\"type\":\"event_enterprise\",\"event_id\":\"春风行动\",\"enterprise_id\":\"甲公司\"}\n",
                             JY_FORMAT_JSONL, 0, JY_IMPORT_KEEP_GOOD, &r),
                 JY_OK);
    cr_assert_eq(st.accepted, 0);
    cr_assert_eq(r.count, 2);
    cr_assert_str_eq(r.items[0].field, "jobseeker_id");
    cr_assert(strstr(r.items[0].text, "by id only"), "%s", r.items[0].text);
    cr_assert_eq(r.items[1].line, 2);
    cr_assert_str_eq(r.items[1].field, "event_id");
    cr_assert(strstr(r.items[1].text, "event records are referred to by id only"), "%s",
              r.items[1].text);
    cr_assert_null(strstr(r.items[1].text, "王五"), "%s", r.items[1].text);
    jy_db_close(db);
}

/* Rows straddling the reader's buffer fills (64 KiB chunks), each row a
 * different mix of quoted and unquoted cells, empty cells and CRLF: every
 * value arrives whole in its own field, whichever row came before (the
 * importer reuses one record for all rows). */
Test(io, csv_rows_across_buffer_fills_keep_every_value_in_its_field)
{
    enum { ROWS = 4000 };
    char path[300];
    snprintf(path, sizeof path, "%s/many.csv", dir);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    fputs("name,address,notes,industry\r\n", f);
    for (int i = 1; i <= ROWS; i++) {
        switch (i % 4) {
        case 0:
            fprintf(f, "企业%05d,\"园区%d路, %d号\",,luggage\r\n", i, i, i);
            break;
        case 1:
            fprintf(f, "\"企业%05d\",地址%d,\"多行\n备注%d\",salt_chemical\n", i, i, i);
            break;
        case 2:
            fprintf(f, "企业%05d,,%*d,\r\n", i, i % 97 + 1, i);
            break;
        default:
            fprintf(f, "企业%05d,地址\"%d\",备注%d,services\n", i, i, i);
            break;
        }
    }
    cr_assert_eq(fclose(f), 0);

    jy_db *db = open_mem();
    rejects r;
    jy_import_options o = options(JY_FORMAT_CSV, JY_KIND_ENTERPRISE, JY_IMPORT_ALL, &r);
    jy_import_stats st;
    cr_assert_eq(jy_import_file(&st, db, path, &o), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(st.accepted, ROWS);
    cr_assert_eq(r.count, 0, "%s", r.items[0].text);
    for (int i = 1; i <= ROWS; i++) {
        jy_record *e = get(db, JY_KIND_ENTERPRISE, i);
        char want[64];
        snprintf(want, sizeof want, "企业%05d", i);
        cr_assert_str_eq(text_of(e, "name"), want);
        switch (i % 4) {
        case 0:
            snprintf(want, sizeof want, "园区%d路, %d号", i, i);
            cr_assert_str_eq(text_of(e, "address"), want);
            cr_assert_null(text_of(e, "notes"));
            cr_assert_str_eq(text_of(e, "industry"), "luggage");
            break;
        case 1:
            snprintf(want, sizeof want, "地址%d", i);
            cr_assert_str_eq(text_of(e, "address"), want);
            snprintf(want, sizeof want, "多行\n备注%d", i);
            cr_assert_str_eq(text_of(e, "notes"), want);
            cr_assert_str_eq(text_of(e, "industry"), "salt_chemical");
            break;
        case 2:
            cr_assert_null(text_of(e, "address"));
            snprintf(want, sizeof want, "%d", i);
            cr_assert_str_eq(text_of(e, "notes"), want, "leading blanks trimmed");
            cr_assert_null(text_of(e, "industry"), "the previous row's value is not kept");
            break;
        default:
            snprintf(want, sizeof want, "地址\"%d\"", i);
            cr_assert_str_eq(text_of(e, "address"), want, "a quote inside an unquoted cell");
            snprintf(want, sizeof want, "备注%d", i);
            cr_assert_str_eq(text_of(e, "notes"), want);
            cr_assert_str_eq(text_of(e, "industry"), "services");
            break;
        }
        jy_record_free(e);
    }
    jy_db_close(db);
}
