/*
 * API misuse: every public function of every header, given NULL handles and
 * NULL required arguments (as after a failed open, which leaves the handle
 * NULL), returns JY_EINVAL with a message, or the
 * documented neutral value for the functions that return no status; none
 * crashes. Headers in order: common, county, date, db, error, io, ledger,
 * record, text, validate.
 */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <string.h>

/* The call returns JY_EINVAL and records it, with a message, as the last
 * error (`fn` names the function in the failure report). */
#define EXPECT_EINVAL(fn, call)                                                              \
    do {                                                                                     \
        jy_error_clear();                                                                    \
        int rc_ = (call);                                                                    \
        cr_expect_eq(rc_, JY_EINVAL, "%s: %s returned %d, not JY_EINVAL", fn, #call, rc_);  \
        const char *m_ = jy_error_last()->message;                                           \
        cr_expect(m_ && *m_ && jy_error_last()->code == JY_EINVAL,                          \
                  "%s: no message recorded ('%s')", #call, m_ ? m_ : "(null)");             \
    } while (0)

static jy_db *open_memory(void)
{
    jy_db *db = NULL;
    cr_assert_eq(jy_db_open(&db, ":memory:", NULL), JY_OK, "%s", jy_error_last()->message);
    return db;
}

static jy_record *enterprise(void)
{
    jy_record *r = NULL;
    cr_assert_eq(jy_record_new(&r, JY_KIND_ENTERPRISE), JY_OK);
    cr_assert_eq(jy_record_set_text(r, "name", "某企业"), JY_OK);
    return r;
}

Test(misuse, common_and_error)
{
    jy_free(NULL); /* NULL-safe */
    jy_error_clear();
    cr_expect_eq(jy_error_last()->code, JY_OK);
    cr_expect_not_null(jy_error_last()->message);
    cr_expect_not_null(jy_errstr(INT32_MIN));
    cr_expect_not_null(jy_errstr(INT32_MAX));
}

Test(misuse, county)
{
    jy_located_error err;
    jy_county *c = NULL;
    const jy_township *t = NULL;
    const jy_village *v = NULL;
    EXPECT_EINVAL("jy_county_load_default", jy_county_load_default(NULL));
    EXPECT_EINVAL("jy_county_load_file", jy_county_load_file(NULL, "x.json", &err));
    EXPECT_EINVAL("jy_county_load_file", jy_county_load_file(&c, NULL, &err));
    cr_expect_null(c);
    EXPECT_EINVAL("jy_county_load_buffer", jy_county_load_buffer(NULL, "{}", 2, &err));
    EXPECT_EINVAL("jy_county_load_buffer", jy_county_load_buffer(&c, NULL, 2, &err));
    cr_expect_null(c);
    jy_county_free(NULL);
    cr_expect_null(jy_county_code(NULL));
    cr_expect_null(jy_county_name(NULL));
    cr_expect_eq(jy_county_township_count(NULL), 0);
    cr_expect_null(jy_county_township_at(NULL, 0));
    EXPECT_EINVAL("jy_county_find_township", jy_county_find_township(&t, NULL, "金川镇"));
    EXPECT_EINVAL("jy_county_find_village", jy_county_find_village(&v, NULL, NULL, "城南"));

    cr_assert_eq(jy_county_load_default(&c), JY_OK);
    cr_expect_null(jy_county_township_at(c, (size_t)-1));
    EXPECT_EINVAL("jy_county_find_township", jy_county_find_township(NULL, c, "金川镇"));
    EXPECT_EINVAL("jy_county_find_township", jy_county_find_township(&t, c, NULL));
    EXPECT_EINVAL("jy_county_find_village", jy_county_find_village(NULL, c, NULL, "城南"));
    EXPECT_EINVAL("jy_county_find_village", jy_county_find_village(&v, c, NULL, NULL));
    jy_county_free(c);
}

Test(misuse, date)
{
    jy_date d = { 2026, 2, 30 };
    cr_expect_eq(jy_date_is_valid(d), 0);
    EXPECT_EINVAL("jy_date_parse", jy_date_parse(NULL, "2026-05-10"));
    EXPECT_EINVAL("jy_date_parse", jy_date_parse(&d, NULL));
    jy_date good = { 2026, 5, 10 };
    EXPECT_EINVAL("jy_date_format", jy_date_format(NULL, good));
    long days;
    EXPECT_EINVAL("jy_date_to_days", jy_date_to_days(NULL, good));
    EXPECT_EINVAL("jy_date_from_days", jy_date_from_days(NULL, 0));
    (void)days;
    EXPECT_EINVAL("jy_date_age", jy_date_age(NULL, good, good));
    EXPECT_EINVAL("jy_date_today", jy_date_today(NULL));
}

Test(misuse, db)
{
    jy_db *db = NULL;
    int v;
    EXPECT_EINVAL("jy_db_options_init", jy_db_options_init(NULL));
    EXPECT_EINVAL("jy_db_open", jy_db_open(NULL, ":memory:", NULL));
    EXPECT_EINVAL("jy_db_open", jy_db_open(&db, NULL, NULL));
    cr_expect_null(db);
    jy_db_options o = JY_DB_OPTIONS_INIT;
    o.version = 0;
    EXPECT_EINVAL("jy_db_open", jy_db_open(&db, ":memory:", &o));
    o.version = 999;
    EXPECT_EINVAL("jy_db_open", jy_db_open(&db, ":memory:", &o));
    cr_expect_null(db);

    /* A failed open leaves NULL, and everything refuses NULL cleanly. */
    cr_expect_neq(jy_db_open(&db, "/nonexistent-dir/x.db", NULL), JY_OK);
    cr_expect_null(db);
    jy_db_close(db);
    EXPECT_EINVAL("jy_db_schema_version", jy_db_schema_version(&v, db));
    cr_expect_null(jy_db_county(db));
    EXPECT_EINVAL("jy_db_begin", jy_db_begin(db));
    EXPECT_EINVAL("jy_db_commit", jy_db_commit(db));
    EXPECT_EINVAL("jy_db_rollback", jy_db_rollback(db));

    db = open_memory();
    EXPECT_EINVAL("jy_db_schema_version", jy_db_schema_version(NULL, db));
    EXPECT_EINVAL("jy_db_commit", jy_db_commit(db));     /* none open */
    EXPECT_EINVAL("jy_db_rollback", jy_db_rollback(db)); /* none open */
    cr_expect_eq(jy_db_begin(db), JY_OK);
    EXPECT_EINVAL("jy_db_begin", jy_db_begin(db)); /* no nesting */
    cr_expect_eq(jy_db_rollback(db), JY_OK);
    jy_db_close(db);
}

static int write_nothing(const char *data, size_t len, void *payload)
{
    (void)data;
    (void)len;
    (void)payload;
    return 0;
}

Test(misuse, io)
{
    jy_import_stats st;
    size_t n;
    char *buf = NULL;
    size_t len;
    EXPECT_EINVAL("jy_import_options_init", jy_import_options_init(NULL));
    EXPECT_EINVAL("jy_export_options_init", jy_export_options_init(NULL));
    EXPECT_EINVAL("jy_import_file", jy_import_file(&st, NULL, "x.jsonl", NULL));
    EXPECT_EINVAL("jy_import_buffer", jy_import_buffer(&st, NULL, "{}", 2, NULL));
    EXPECT_EINVAL("jy_export_file", jy_export_file(&n, NULL, "x.jsonl", NULL));
    EXPECT_EINVAL("jy_export_write", jy_export_write(&n, NULL, NULL, write_nothing, NULL));
    EXPECT_EINVAL("jy_export_buffer", jy_export_buffer(&buf, &len, &n, NULL, NULL));
    cr_expect_null(buf);

    jy_db *db = open_memory();
    EXPECT_EINVAL("jy_import_file", jy_import_file(&st, db, NULL, NULL));
    EXPECT_EINVAL("jy_import_buffer", jy_import_buffer(&st, db, NULL, 2, NULL));
    jy_import_options io = JY_IMPORT_OPTIONS_INIT;
    io.version = 999;
    EXPECT_EINVAL("jy_import_buffer", jy_import_buffer(&st, db, "{}", 2, &io));
    EXPECT_EINVAL("jy_export_file", jy_export_file(&n, db, NULL, NULL));
    EXPECT_EINVAL("jy_export_write", jy_export_write(&n, db, NULL, NULL, NULL));
    EXPECT_EINVAL("jy_export_buffer", jy_export_buffer(NULL, &len, &n, db, NULL));
    jy_export_options eo = JY_EXPORT_OPTIONS_INIT;
    eo.version = 999;
    EXPECT_EINVAL("jy_export_buffer", jy_export_buffer(&buf, &len, &n, db, &eo));
    cr_expect_null(buf);
    /* An import inside the caller's transaction is refused. */
    cr_assert_eq(jy_db_begin(db), JY_OK);
    EXPECT_EINVAL("jy_import_buffer", jy_import_buffer(&st, db, "", 0, NULL));
    cr_expect_eq(jy_db_rollback(db), JY_OK);
    jy_db_close(db);
}

Test(misuse, ledger)
{
    jy_record *r = enterprise();
    int64_t id;
    jy_record *got = NULL;
    jy_ledger_iter *it = NULL;
    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_ENTERPRISE;
    unsigned int w;
    jy_save_result res;
    EXPECT_EINVAL("jy_ledger_check", jy_ledger_check(NULL, r, &w));
    EXPECT_EINVAL("jy_ledger_add", jy_ledger_add(&id, NULL, r));
    EXPECT_EINVAL("jy_ledger_save", jy_ledger_save(&res, NULL, r));
    EXPECT_EINVAL("jy_ledger_find", jy_ledger_find(&id, NULL, JY_KIND_ENTERPRISE, "name", "x"));
    EXPECT_EINVAL("jy_ledger_get", jy_ledger_get(&got, NULL, JY_KIND_ENTERPRISE, 1));
    cr_expect_null(got);
    EXPECT_EINVAL("jy_ledger_update", jy_ledger_update(NULL, r));
    EXPECT_EINVAL("jy_ledger_delete", jy_ledger_delete(NULL, JY_KIND_ENTERPRISE, 1));
    EXPECT_EINVAL("jy_filter_init", jy_filter_init(NULL, JY_KIND_ENTERPRISE));
    EXPECT_EINVAL("jy_ledger_iter_new", jy_ledger_iter_new(&it, NULL, &f));
    cr_expect_null(it);
    EXPECT_EINVAL("jy_ledger_iter_next", jy_ledger_iter_next(&got, NULL));
    jy_ledger_iter_free(NULL);
    EXPECT_EINVAL("jy_ledger_count", jy_ledger_count(&id, NULL, &f));

    jy_db *db = open_memory();
    EXPECT_EINVAL("jy_ledger_check", jy_ledger_check(db, NULL, &w));
    EXPECT_EINVAL("jy_ledger_add", jy_ledger_add(&id, db, NULL));
    EXPECT_EINVAL("jy_ledger_save", jy_ledger_save(&res, db, NULL));
    EXPECT_EINVAL("jy_ledger_find", jy_ledger_find(NULL, db, JY_KIND_ENTERPRISE, "name", "x"));
    EXPECT_EINVAL("jy_ledger_find", jy_ledger_find(&id, db, JY_KIND_ENTERPRISE, NULL, "x"));
    EXPECT_EINVAL("jy_ledger_find", jy_ledger_find(&id, db, JY_KIND_ENTERPRISE, "name", NULL));
    EXPECT_EINVAL("jy_ledger_find", jy_ledger_find(&id, db, (jy_kind)99, "name", "x"));
    EXPECT_EINVAL("jy_ledger_get", jy_ledger_get(NULL, db, JY_KIND_ENTERPRISE, 1));
    EXPECT_EINVAL("jy_ledger_get", jy_ledger_get(&got, db, (jy_kind)-1, 1));
    EXPECT_EINVAL("jy_ledger_update", jy_ledger_update(db, NULL));
    EXPECT_EINVAL("jy_ledger_update", jy_ledger_update(db, r)); /* no id */
    EXPECT_EINVAL("jy_ledger_delete", jy_ledger_delete(db, (jy_kind)99, 1));
    jy_filter unknown = JY_FILTER_INIT;
    cr_expect_eq(jy_filter_init(&unknown, (jy_kind)99), JY_OK); /* checked when used */
    EXPECT_EINVAL("jy_ledger_iter_new", jy_ledger_iter_new(&it, db, &unknown));
    EXPECT_EINVAL("jy_ledger_count", jy_ledger_count(&id, db, &unknown));
    EXPECT_EINVAL("jy_ledger_iter_new", jy_ledger_iter_new(NULL, db, &f));
    EXPECT_EINVAL("jy_ledger_iter_new", jy_ledger_iter_new(&it, db, NULL));
    EXPECT_EINVAL("jy_ledger_count", jy_ledger_count(NULL, db, &f));
    jy_filter bad = JY_FILTER_INIT;
    bad.version = 999;
    bad.kind = JY_KIND_ENTERPRISE;
    EXPECT_EINVAL("jy_ledger_count", jy_ledger_count(&id, db, &bad));
    cr_assert_eq(jy_ledger_iter_new(&it, db, &f), JY_OK);
    EXPECT_EINVAL("jy_ledger_iter_next", jy_ledger_iter_next(NULL, it));
    jy_ledger_iter_free(it);
    jy_db_close(db);
    jy_record_free(r);
}

Test(misuse, record)
{
    jy_record *r = NULL, *copy = NULL;
    const char *s;
    int64_t i;
    double d;
    jy_date date = { 2026, 5, 10 };
    jy_kind k;
    char *json = NULL;
    jy_located_error err;
    cr_expect_null(jy_kind_name(-1));
    cr_expect_null(jy_kind_name(JY_KIND_END));
    cr_expect_null(jy_kind_label(99));
    EXPECT_EINVAL("jy_kind_from_name", jy_kind_from_name(NULL, "labor"));
    EXPECT_EINVAL("jy_kind_from_name", jy_kind_from_name(&k, NULL));
    cr_expect_eq(jy_kind_field_count(-5), 0);
    cr_expect_null(jy_kind_field_at(JY_KIND_LABOR, 10000));
    cr_expect_null(jy_kind_field_at(-1, 0));
    cr_expect_null(jy_kind_field(JY_KIND_LABOR, NULL));
    cr_expect_null(jy_kind_field(99, "name"));
    EXPECT_EINVAL("jy_record_new", jy_record_new(NULL, JY_KIND_LABOR));
    EXPECT_EINVAL("jy_record_new", jy_record_new(&r, (jy_kind)99));
    cr_expect_null(r);
    EXPECT_EINVAL("jy_record_copy", jy_record_copy(NULL, r));
    EXPECT_EINVAL("jy_record_copy", jy_record_copy(&copy, NULL));
    jy_record_free(NULL);
    cr_expect_eq(jy_record_kind(NULL), 0);
    cr_expect_eq(jy_record_id(NULL), 0);
    cr_expect_eq(jy_record_has(NULL, "name"), 0);
    EXPECT_EINVAL("jy_record_set_text", jy_record_set_text(NULL, "name", "x"));
    EXPECT_EINVAL("jy_record_set_int", jy_record_set_int(NULL, "staff_count", 1));
    EXPECT_EINVAL("jy_record_set_real", jy_record_set_real(NULL, "salary_min", 1.0));
    EXPECT_EINVAL("jy_record_set_date", jy_record_set_date(NULL, "surveyed_on", date));
    EXPECT_EINVAL("jy_record_add_item", jy_record_add_item(NULL, "skills", "x"));
    EXPECT_EINVAL("jy_record_clear", jy_record_clear(NULL, "name"));
    EXPECT_EINVAL("jy_record_get_text", jy_record_get_text(&s, NULL, "name"));
    EXPECT_EINVAL("jy_record_get_int", jy_record_get_int(&i, NULL, "staff_count"));
    EXPECT_EINVAL("jy_record_get_real", jy_record_get_real(&d, NULL, "x"));
    EXPECT_EINVAL("jy_record_get_date", jy_record_get_date(&date, NULL, "x"));
    cr_expect_eq(jy_record_item_count(NULL, "skills"), 0);
    EXPECT_EINVAL("jy_record_get_item", jy_record_get_item(&s, NULL, "skills", 0));
    EXPECT_EINVAL("jy_record_to_json", jy_record_to_json(&json, NULL, 0));
    cr_expect_null(json);
    EXPECT_EINVAL("jy_record_from_json", jy_record_from_json(NULL, "{}", 2, JY_KIND_LABOR, &err));
    EXPECT_EINVAL("jy_record_from_json", jy_record_from_json(&r, NULL, 2, JY_KIND_LABOR, &err));
    cr_expect_null(r);

    cr_assert_eq(jy_record_new(&r, JY_KIND_LABOR), JY_OK);
    cr_expect_eq(jy_record_has(r, NULL), 0);
    EXPECT_EINVAL("jy_record_set_text", jy_record_set_text(r, NULL, "x"));
    EXPECT_EINVAL("jy_record_set_int", jy_record_set_int(r, NULL, 1));
    EXPECT_EINVAL("jy_record_set_real", jy_record_set_real(r, NULL, 1.0));
    EXPECT_EINVAL("jy_record_set_date", jy_record_set_date(r, NULL, date));
    EXPECT_EINVAL("jy_record_add_item", jy_record_add_item(r, NULL, "x"));
    EXPECT_EINVAL("jy_record_add_item", jy_record_add_item(r, "skills", NULL));
    EXPECT_EINVAL("jy_record_clear", jy_record_clear(r, NULL));
    EXPECT_EINVAL("jy_record_get_text", jy_record_get_text(NULL, r, "name"));
    EXPECT_EINVAL("jy_record_get_text", jy_record_get_text(&s, r, NULL));
    EXPECT_EINVAL("jy_record_get_int", jy_record_get_int(NULL, r, "needs_job"));
    EXPECT_EINVAL("jy_record_get_real", jy_record_get_real(NULL, r, "x"));
    EXPECT_EINVAL("jy_record_get_date", jy_record_get_date(NULL, r, "surveyed_on"));
    cr_expect_eq(jy_record_item_count(r, NULL), 0);
    EXPECT_EINVAL("jy_record_get_item", jy_record_get_item(NULL, r, "skills", 0));
    EXPECT_EINVAL("jy_record_get_item", jy_record_get_item(&s, r, NULL, 0));
    EXPECT_EINVAL("jy_record_to_json", jy_record_to_json(NULL, r, 0));
    jy_record_free(r);
}

Test(misuse, text_and_validate)
{
    size_t n;
    char *out = NULL;
    jy_id_info id;
    jy_uscc_info u;
    jy_phone_info p;
    const char *name;
    int age;
    jy_date on = { 2026, 5, 10 };
    EXPECT_EINVAL("jy_utf8_check", jy_utf8_check(&n, NULL, 3));
    EXPECT_EINVAL("jy_utf8_length", jy_utf8_length(NULL, "abc", 3));
    EXPECT_EINVAL("jy_utf8_length", jy_utf8_length(&n, NULL, 3));
    EXPECT_EINVAL("jy_text_normalize", jy_text_normalize(NULL, &n, "abc", 3));
    EXPECT_EINVAL("jy_text_normalize", jy_text_normalize(&out, &n, NULL, 3));
    cr_expect_null(out);
    cr_expect_not_null(jy_reason_str(-12345));
    cr_expect_not_null(jy_reason_str(12345));
    EXPECT_EINVAL("jy_id_parse", jy_id_parse(NULL, "360824199003151232"));
    EXPECT_EINVAL("jy_id_parse", jy_id_parse(&id, NULL));
    EXPECT_EINVAL("jy_id_age", jy_id_age(NULL, &id, on));
    EXPECT_EINVAL("jy_id_age", jy_id_age(&age, NULL, on));
    EXPECT_EINVAL("jy_region_name", jy_region_name(NULL, "360824", 2000));
    EXPECT_EINVAL("jy_region_name", jy_region_name(&name, NULL, 2000));
    EXPECT_EINVAL("jy_uscc_parse", jy_uscc_parse(NULL, "91360824MA35D7K20A"));
    EXPECT_EINVAL("jy_uscc_parse", jy_uscc_parse(&u, NULL));
    EXPECT_EINVAL("jy_phone_parse", jy_phone_parse(NULL, "13807951234"));
    EXPECT_EINVAL("jy_phone_parse", jy_phone_parse(&p, NULL));
}
