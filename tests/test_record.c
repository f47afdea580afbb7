/* Records: the catalogue of kinds and fields, conversions of every field
 * type from text, typed setters and getters, lists, copies, JSON in and out
 * (with masking of personal data), and misuse (NULL arguments, unknown
 * fields, invalid UTF-8) reported as errors, never crashes. */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <jiuye.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(record);

/* ---- Helpers -------------------------------------------------------------- */

/* A valid 18-character ID number: region, birth date (YYYYMMDD), sequence. */
static void make_id(char out[19], const char *region, const char *birth, int seq)
{
    static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    snprintf(out, 19, "%s%s%03d", region, birth, seq);
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (out[i] - '0') * w[i];
    out[17] = "10X98765432"[sum % 11];
    out[18] = '\0';
}

/* A valid credit code from its first 17 characters. */
static void make_uscc(char out[19], const char *first17)
{
    static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (int)(strchr(alphabet, first17[i]) - alphabet) * w[i];
    int c = 31 - sum % 31;
    snprintf(out, 19, "%s%c", first17, alphabet[c == 31 ? 0 : c]);
}

static jy_record *new_record(jy_kind kind)
{
    jy_record *r = NULL;
    cr_assert_eq(jy_record_new(&r, kind), JY_OK, "%s", jy_error_last()->message);
    cr_assert_not_null(r);
    return r;
}

static void set_ok(jy_record *r, const char *field, const char *value)
{
    cr_assert_eq(jy_record_set_text(r, field, value), JY_OK, "%s = '%s': %s", field,
                 value ? value : "(null)", jy_error_last()->message);
}

static const char *text_of(const jy_record *r, const char *field)
{
    const char *t = NULL;
    cr_assert_eq(jy_record_get_text(&t, r, field), JY_OK, "%s: %s", field,
                 jy_error_last()->message);
    return t;
}

/* Sets a field, expects the canonical text. */
static void expect_text(jy_kind kind, const char *field, const char *input, const char *canon)
{
    jy_record *r = new_record(kind);
    set_ok(r, field, input);
    cr_assert_str_eq(text_of(r, field), canon, "%s: '%s'", field, input);
    jy_record_free(r);
}

/* Setting fails with `code`, the message names the field, and an earlier
 * value is kept. */
static void expect_refused(jy_kind kind, const char *field, const char *input, int code)
{
    jy_record *r = new_record(kind);
    int rc = jy_record_set_text(r, field, input);
    cr_assert_eq(rc, code, "%s: '%s' gave %d (%s)", field, input, rc, jy_error_last()->message);
    cr_assert(strstr(jy_error_last()->message, field) != NULL, "message names %s: %s", field,
              jy_error_last()->message);
    cr_assert_eq(jy_record_has(r, field), 0);
    jy_record_free(r);
}

static int64_t int_of(const jy_record *r, const char *field)
{
    int64_t v = 0;
    cr_assert_eq(jy_record_get_int(&v, r, field), JY_OK, "%s: %s", field,
                 jy_error_last()->message);
    return v;
}

/* A value of the right type and format for any field: what the generic
 * round trips use. */
static const char *sample_value(char *buf, size_t size, const jy_field_info *f)
{
    const char *fmt = f->format ? f->format : "";
    if (!strcmp(fmt, "id_number")) {
        char id[19];
        make_id(id, "360824", "20010203", 123);
        snprintf(buf, size, "%s", id);
    } else if (!strcmp(fmt, "credit_code")) {
        char c[19];
        make_uscc(c, "91360824MA35ABCD1");
        snprintf(buf, size, "%s", c);
    } else if (!strcmp(fmt, "phone")) {
        snprintf(buf, size, "13800138000");
    } else if (!strcmp(fmt, "township")) {
        snprintf(buf, size, "360824100");
    } else if (!strcmp(fmt, "village")) {
        snprintf(buf, size, "360824100007");
    } else if (!strcmp(fmt, "time")) {
        snprintf(buf, size, "19:00");
    } else if (!strcmp(fmt, "enum") && f->type == JY_FIELD_LIST) {
        snprintf(buf, size, "%s、%s", f->values[0], f->values[1] ? f->values[1] : f->values[0]);
    } else if (!strcmp(fmt, "enum")) {
        snprintf(buf, size, "%s", f->values[0]);
    } else {
        switch (f->type) {
        case JY_FIELD_TEXT:
            snprintf(buf, size, "文本 %s", f->name);
            break;
        case JY_FIELD_INTEGER:
        case JY_FIELD_REFERENCE:
            snprintf(buf, size, "%lld", (long long)(f->min <= 7 && f->max >= 7 ? 7 : f->min));
            break;
        case JY_FIELD_REAL:
            snprintf(buf, size, "2.5");
            break;
        case JY_FIELD_BOOL:
            snprintf(buf, size, "true");
            break;
        case JY_FIELD_DATE:
            snprintf(buf, size, "2026-03-05");
            break;
        case JY_FIELD_LIST:
            snprintf(buf, size, "电焊、叉车");
            break;
        }
    }
    return buf;
}

/* A record of `kind` with every field set. */
static jy_record *full_record(jy_kind kind)
{
    jy_record *r = new_record(kind);
    for (size_t i = 0; i < jy_kind_field_count(kind); i++) {
        const jy_field_info *f = jy_kind_field_at(kind, i);
        char buf[128];
        set_ok(r, f->name, sample_value(buf, sizeof buf, f));
    }
    return r;
}

/* ---- The catalogue ------------------------------------------------------- */

static int known_format(const char *fmt)
{
    static const char *const formats[] = { "id_number", "credit_code", "phone", "township",
                                           "village", "enum", "time", NULL };
    for (int i = 0; formats[i]; i++)
        if (!strcmp(fmt, formats[i]))
            return 1;
    return 0;
}

Test(record, catalogue_describes_every_kind_consistently)
{
    size_t kinds = 0;
    for (int kind = 1; kind < JY_KIND_END; kind++) {
        const char *name = jy_kind_name(kind);
        cr_assert_not_null(name, "kind %d has a name", kind);
        cr_assert_not_null(jy_kind_label(kind), "%s has a label", name);
        cr_assert_gt(strlen(jy_kind_label(kind)), 0);
        jy_kind back = (jy_kind)0;
        cr_assert_eq(jy_kind_from_name(&back, name), JY_OK);
        cr_assert_eq((int)back, kind, "%s names kind %d", name, kind);
        for (int other = 1; other < kind; other++)
            cr_assert_str_neq(jy_kind_name(other), name, "kind names are unique");

        size_t n = jy_kind_field_count(kind);
        cr_assert_geq(n, 2, "%s has fields", name);
        cr_assert_lt(n, 40);
        const jy_field_info *id = jy_kind_field_at(kind, 0);
        cr_assert_not_null(id);
        cr_assert_str_eq(id->name, "id", "%s: id first", name);
        cr_assert_eq(id->type, JY_FIELD_INTEGER);
        cr_assert(id->flags & JY_FIELD_READONLY);
        cr_assert_null(jy_kind_field_at(kind, n), "%s: nothing past the end", name);

        int required = 0;
        for (size_t i = 0; i < n; i++) {
            const jy_field_info *f = jy_kind_field_at(kind, i);
            cr_assert_not_null(f);
            cr_assert_not_null(f->name);
            cr_assert_not_null(f->label, "%s.%s has a label", name, f->name);
            cr_assert_not_null(f->doc, "%s.%s has a doc", name, f->name);
            cr_assert_gt(strlen(f->doc), 0);
            cr_assert_eq(jy_kind_field(kind, f->name), f, "%s.%s found by name", name, f->name);
            for (size_t j = 0; j < i; j++)
                cr_assert_str_neq(jy_kind_field_at(kind, j)->name, f->name,
                                  "%s: field names are unique", name);
            /* snake_case names: they are SQL columns and JSON members. */
            for (const char *c = f->name; *c; c++)
                cr_assert((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_',
                          "%s.%s is snake_case", name, f->name);
            cr_assert(f->type >= JY_FIELD_TEXT && f->type <= JY_FIELD_REFERENCE);
            cr_assert_eq(f->flags & ~0xFu, 0u, "%s.%s: known flags only", name, f->name);
            cr_assert_leq(f->min, f->max, "%s.%s: min <= max", name, f->name);
            if (f->flags & JY_FIELD_REQUIRED)
                required++;
            if (f->type == JY_FIELD_BOOL)
                cr_assert(f->min == 0 && f->max == 1);
            if (f->type == JY_FIELD_REFERENCE) {
                cr_assert_not_null(jy_kind_name((int)f->ref_kind), "%s.%s refers to a kind",
                                   name, f->name);
                cr_assert_eq(f->min, 1, "ids start at 1");
            } else {
                cr_assert_eq((int)f->ref_kind, 0, "%s.%s", name, f->name);
            }
            if (f->format) {
                cr_assert(known_format(f->format), "%s.%s: format %s", name, f->name,
                          f->format);
                if (strcmp(f->format, "enum") != 0)
                    cr_assert_eq(f->type, JY_FIELD_TEXT, "%s.%s", name, f->name);
            }
            if (f->format && !strcmp(f->format, "enum")) {
                cr_assert(f->type == JY_FIELD_TEXT || f->type == JY_FIELD_LIST);
                cr_assert_not_null(f->values, "%s.%s has values", name, f->name);
                cr_assert_not_null(f->value_labels, "%s.%s has labels", name, f->name);
                size_t nv = 0, nl = 0;
                while (f->values[nv])
                    nv++;
                while (f->value_labels[nl])
                    nl++;
                cr_assert_gt(nv, 0);
                cr_assert_eq(nv, nl, "%s.%s: %zu values, %zu labels", name, f->name, nv, nl);
                for (size_t a = 0; a < nv && f->type == JY_FIELD_LIST; a++) {
                    /* Items of a list: no separator inside. */
                    cr_assert_null(strpbrk(f->values[a], " ,;|"), "%s.%s", name, f->name);
                    cr_assert_null(strstr(f->value_labels[a], "、"));
                    cr_assert_null(strstr(f->value_labels[a], "，"));
                    cr_assert_null(strstr(f->value_labels[a], "；"));
                    cr_assert_null(strpbrk(f->value_labels[a], " ,;|"));
                }
                for (size_t a = 0; a < nv; a++)
                    for (size_t b = 0; b < a; b++) {
                        cr_assert_str_neq(f->values[a], f->values[b], "%s.%s", name, f->name);
                        cr_assert_str_neq(f->value_labels[a], f->value_labels[b], "%s.%s",
                                          name, f->name);
                        cr_assert_str_neq(f->values[a], f->value_labels[b]);
                    }
            } else {
                cr_assert_null(f->values, "%s.%s", name, f->name);
                cr_assert_null(f->value_labels, "%s.%s", name, f->name);
            }
        }
        if (kind != JY_KIND_LABOR_CHANGE)
            cr_assert_gt(required, 0, "%s has a required field", name);
        kinds++;
    }
    cr_assert_eq(kinds, JY_KIND_END - 1);
}

Test(record, catalogue_lookups_outside_it)
{
    cr_assert_null(jy_kind_name(0));
    cr_assert_null(jy_kind_name(JY_KIND_END));
    cr_assert_null(jy_kind_name(-1));
    cr_assert_null(jy_kind_label(0));
    cr_assert_null(jy_kind_label(1000));
    cr_assert_eq(jy_kind_field_count(0), 0);
    cr_assert_eq(jy_kind_field_count(JY_KIND_END), 0);
    cr_assert_null(jy_kind_field_at(0, 0));
    cr_assert_null(jy_kind_field_at(JY_KIND_LABOR, 1000));
    cr_assert_null(jy_kind_field(JY_KIND_LABOR, "no_such_field"));
    cr_assert_null(jy_kind_field(JY_KIND_LABOR, NULL));
    cr_assert_null(jy_kind_field(0, "id"));
    jy_kind k = JY_KIND_LABOR;
    cr_assert_eq(jy_kind_from_name(&k, "Labor"), JY_ENOTFOUND, "case-sensitive");
    cr_assert_eq(jy_kind_from_name(&k, ""), JY_ENOTFOUND);
    cr_assert_eq(k, JY_KIND_LABOR, "untouched on failure");
    cr_assert_eq(jy_kind_from_name(NULL, "labor"), JY_EINVAL);
    cr_assert_eq(jy_kind_from_name(&k, NULL), JY_EINVAL);
    cr_assert_str_eq(jy_kind_name(JY_KIND_EVENT), "event");
    cr_assert_str_eq(jy_kind_label(JY_KIND_ENTERPRISE), "企业");
}

/* Every enum value and every label of every field sets the value. */
Test(record, every_enum_value_and_label_is_accepted)
{
    for (int kind = 1; kind < JY_KIND_END; kind++)
        for (size_t i = 0; i < jy_kind_field_count(kind); i++) {
            const jy_field_info *f = jy_kind_field_at(kind, i);
            if (!f->format || strcmp(f->format, "enum") != 0)
                continue;
            for (size_t v = 0; f->values[v]; v++) {
                expect_text((jy_kind)kind, f->name, f->values[v], f->values[v]);
                expect_text((jy_kind)kind, f->name, f->value_labels[v], f->values[v]);
            }
            expect_refused((jy_kind)kind, f->name, "no_such_value", JY_EINVAL);
        }
}

/* ---- Integers ------------------------------------------------------------ */

Test(record, integers_from_text)
{
    expect_text(JY_KIND_ENTERPRISE, "staff_count", "12", "12");
    expect_text(JY_KIND_ENTERPRISE, "staff_count", "  12\t", "12");
    expect_text(JY_KIND_ENTERPRISE, "staff_count", "\xe3\x80\x80" "12\xe3\x80\x80", "12");
    expect_text(JY_KIND_ENTERPRISE, "staff_count", "１２０", "120");
    expect_text(JY_KIND_ENTERPRISE, "staff_count", "12.0", "12");
    expect_text(JY_KIND_ENTERPRISE, "staff_count", "12.000", "12");
    expect_text(JY_KIND_ENTERPRISE, "staff_count", "１２．０", "12");
    expect_text(JY_KIND_ENTERPRISE, "staff_count", "+7", "7");
    expect_text(JY_KIND_ENTERPRISE, "staff_count", "007", "7");
    expect_text(JY_KIND_ENTERPRISE, "staff_count", "0", "0");
    expect_text(JY_KIND_ENTERPRISE, "staff_count", "1000000", "1000000");
    expect_text(JY_KIND_EVENT, "views", "9223372036854775807", "9223372036854775807");
    expect_text(JY_KIND_POSTING, "enterprise_id", "42", "42");

    jy_record *r = new_record(JY_KIND_POSTING);
    set_ok(r, "headcount", "30");
    cr_assert_eq(int_of(r, "headcount"), 30);
    double d = 0;
    cr_assert_eq(jy_record_get_real(&d, r, "headcount"), JY_OK);
    cr_assert_float_eq(d, 30.0, 1e-9);
    jy_record_free(r);
}

Test(record, integers_refused)
{
    static const char *const bad[] = { "abc", "12abc", "12.5", "1e3", "0x10", "1 2", "1,000",
                                       "--1", "12.0.0", ".5", "99999999999999999999", NULL };
    for (int i = 0; bad[i]; i++)
        expect_refused(JY_KIND_ENTERPRISE, "staff_count", bad[i], JY_EINVAL);
    /* Out of the field's range. */
    expect_refused(JY_KIND_ENTERPRISE, "staff_count", "-1", JY_EINVAL);
    expect_refused(JY_KIND_ENTERPRISE, "staff_count", "1000001", JY_EINVAL);
    expect_refused(JY_KIND_ENTERPRISE, "staff_count", "－1", JY_EINVAL);
    expect_refused(JY_KIND_POSTING, "headcount", "0", JY_EINVAL);
    expect_refused(JY_KIND_POSTING, "age_min", "15", JY_EINVAL);
    expect_refused(JY_KIND_POSTING, "age_max", "71", JY_EINVAL);
    expect_refused(JY_KIND_JOBSEEKER, "age", "15", JY_EINVAL);
    expect_refused(JY_KIND_EVENT, "rank", "0", JY_EINVAL);
    expect_refused(JY_KIND_EVENT, "views", "-5", JY_EINVAL);
    expect_refused(JY_KIND_EVENT, "views", "9223372036854775808", JY_EINVAL);
    expect_refused(JY_KIND_POSTING, "enterprise_id", "0", JY_EINVAL);
    expect_refused(JY_KIND_POSTING, "enterprise_id", "-3", JY_EINVAL);
    expect_refused(JY_KIND_POSTING, "enterprise_id", "企业", JY_EINVAL);

    /* A refused value leaves the earlier one. */
    jy_record *r = new_record(JY_KIND_POSTING);
    set_ok(r, "headcount", "5");
    cr_assert_eq(jy_record_set_text(r, "headcount", "五"), JY_EINVAL);
    cr_assert_str_eq(text_of(r, "headcount"), "5");
    jy_record_free(r);
}

Test(record, typed_integer_setters)
{
    jy_record *r = new_record(JY_KIND_POSTING);
    cr_assert_eq(jy_record_set_int(r, "headcount", 12), JY_OK);
    cr_assert_str_eq(text_of(r, "headcount"), "12");
    cr_assert_eq(jy_record_set_int(r, "headcount", 0), JY_EINVAL, "out of range");
    cr_assert_eq(int_of(r, "headcount"), 12);
    cr_assert_eq(jy_record_set_int(r, "enterprise_id", 9), JY_OK, "references too");
    cr_assert_eq(int_of(r, "enterprise_id"), 9);
    cr_assert_eq(jy_record_set_int(r, "title", 1), JY_EINVAL, "not numeric");
    cr_assert(strstr(jy_error_last()->message, "title") != NULL);
    cr_assert_eq(jy_record_set_int(r, "published_on", 20260101), JY_EINVAL, "a date");
    cr_assert_eq(jy_record_set_int(r, "skills", 1), JY_EINVAL, "a list");
    cr_assert_eq(jy_record_has(r, "title"), 0);

    cr_assert_eq(jy_record_set_real(r, "salary_min", 4000.0), JY_OK, "whole reals");
    cr_assert_eq(int_of(r, "salary_min"), 4000);
    cr_assert_eq(jy_record_set_real(r, "salary_min", 4000.5), JY_EINVAL);
    cr_assert_eq(jy_record_set_real(r, "salary_min", NAN), JY_EINVAL);
    cr_assert_eq(jy_record_set_real(r, "salary_min", INFINITY), JY_EINVAL);
    cr_assert_eq(jy_record_set_real(r, "salary_min", -INFINITY), JY_EINVAL);
    cr_assert_eq(jy_record_set_real(r, "salary_min", 1e300), JY_EINVAL);
    cr_assert_eq(jy_record_set_real(r, "salary_min", -1.0), JY_EINVAL, "range");
    cr_assert_eq(int_of(r, "salary_min"), 4000);
    cr_assert_eq(jy_record_set_real(r, "title", 1.0), JY_EINVAL);
    cr_assert_eq(jy_record_set_real(r, "published_on", 1.0), JY_EINVAL);
    double d = 0;
    cr_assert_eq(jy_record_get_real(&d, r, "salary_min"), JY_OK);
    cr_assert_float_eq(d, 4000.0, 1e-9);
    jy_record_free(r);
}

/* Real fields (an assessor's deduction): any spelling of a finite number in
 * range, stored in its shortest exact form. */
Test(record, real_fields_take_numbers_in_range)
{
    jy_record *r = NULL;
    cr_assert_eq(jy_record_new(&r, JY_KIND_OVERRIDE), JY_OK);
    cr_assert_eq(jy_kind_field(JY_KIND_OVERRIDE, "deduction")->type, JY_FIELD_REAL);
    double d = 0;
    cr_assert_eq(jy_record_set_text(r, "deduction", "0.5"), JY_OK);
    cr_assert_eq(jy_record_get_real(&d, r, "deduction"), JY_OK);
    cr_assert_float_eq(d, 0.5, 1e-12);
    const char *text = NULL;
    cr_assert_eq(jy_record_set_real(r, "deduction", 0.1), JY_OK);
    cr_assert_eq(jy_record_get_text(&text, r, "deduction"), JY_OK);
    cr_assert_str_eq(text, "0.1", "shortest exact form");
    cr_assert_eq(jy_record_set_text(r, "deduction", "\xef\xbc\x91.\xef\xbc\x95"), JY_OK, "full-width 1.5");
    cr_assert_eq(jy_record_get_real(&d, r, "deduction"), JY_OK);
    cr_assert_float_eq(d, 1.5, 1e-12);
    cr_assert_eq(jy_record_set_int(r, "deduction", 2), JY_OK, "whole numbers too");
    cr_assert_eq(jy_record_get_real(&d, r, "deduction"), JY_OK);
    cr_assert_float_eq(d, 2.0, 1e-12);

    cr_assert_eq(jy_record_set_text(r, "deduction", "-0.5"), JY_EINVAL, "below the range");
    cr_assert(strstr(jy_error_last()->message, "deduction") != NULL, "%s", jy_error_last()->message);
    cr_assert_eq(jy_record_set_real(r, "deduction", 100.5), JY_EINVAL, "above the range");
    cr_assert_eq(jy_record_set_real(r, "deduction", NAN), JY_EINVAL);
    cr_assert_eq(jy_record_set_text(r, "deduction", "nan"), JY_EINVAL);
    cr_assert_eq(jy_record_set_text(r, "deduction", "inf"), JY_EINVAL);
    cr_assert_eq(jy_record_set_text(r, "deduction", "半分"), JY_EINVAL);
    cr_assert_eq(jy_record_get_real(&d, r, "deduction"), JY_OK);
    cr_assert_float_eq(d, 2.0, 1e-12, "a refused value leaves the field as it was");

    char *json = NULL;
    cr_assert_eq(jy_record_set_real(r, "deduction", 0.75), JY_OK);
    cr_assert_eq(jy_record_to_json(&json, r, 0), JY_OK);
    cr_assert(strstr(json, "\"deduction\":0.75") != NULL, "%s", json);
    jy_free(json);
    jy_record_free(r);
}

/* ---- Booleans ------------------------------------------------------------ */

Test(record, booleans_in_every_spelling)
{
    static const char *const yes[] = { "true", "TRUE", "True", "1", "yes", "YES", "Yes", "y",
                                       "Y", "是", "有", "√", " 是 ", NULL };
    static const char *const no[] = { "false", "FALSE", "False", "0", "no", "NO", "No", "n",
                                      "N", "否", "无", "×", "\xe3\x80\x80否", NULL };
    for (int i = 0; yes[i]; i++) {
        jy_record *r = new_record(JY_KIND_LABOR);
        set_ok(r, "returnee", yes[i]);
        cr_assert_str_eq(text_of(r, "returnee"), "true", "'%s'", yes[i]);
        cr_assert_eq(int_of(r, "returnee"), 1);
        jy_record_free(r);
    }
    for (int i = 0; no[i]; i++) {
        jy_record *r = new_record(JY_KIND_LABOR);
        set_ok(r, "returnee", no[i]);
        cr_assert_str_eq(text_of(r, "returnee"), "false", "'%s'", no[i]);
        cr_assert_eq(int_of(r, "returnee"), 0);
        jy_record_free(r);
    }
    static const char *const bad[] = { "2", "-1", "maybe", "真", "对", "yess", "t", "1.0",
                                       NULL };
    for (int i = 0; bad[i]; i++)
        expect_refused(JY_KIND_LABOR, "returnee", bad[i], JY_EINVAL);

    jy_record *r = new_record(JY_KIND_LABOR);
    cr_assert_eq(jy_record_set_int(r, "returnee", 1), JY_OK);
    cr_assert_str_eq(text_of(r, "returnee"), "true");
    cr_assert_eq(jy_record_set_int(r, "returnee", 0), JY_OK);
    cr_assert_str_eq(text_of(r, "returnee"), "false");
    cr_assert_eq(jy_record_set_int(r, "returnee", 2), JY_EINVAL);
    cr_assert_eq(jy_record_set_int(r, "returnee", -1), JY_EINVAL);
    cr_assert_str_eq(text_of(r, "returnee"), "false");
    cr_assert_eq(jy_record_set_real(r, "returnee", 1.0), JY_EINVAL, "not a real");
    double d;
    cr_assert_eq(jy_record_get_real(&d, r, "returnee"), JY_EINVAL);
    jy_record_free(r);
}

/* ---- Dates --------------------------------------------------------------- */

Test(record, dates_in_every_form)
{
    static const char *const forms[] = { "2026-03-05", "2026-3-5", "2026/3/5", "2026.3.5",
                                         "20260305", "2026年3月5日", "2026年03月05日",
                                         "2026年3月5号", "2026年3月5", " 2026-03-05 ",
                                         "２０２６－０３－０５", "２０２６年３月５日",
                                         "2026／3／5", NULL };
    for (int i = 0; forms[i]; i++) {
        jy_record *r = new_record(JY_KIND_EVENT);
        set_ok(r, "date", forms[i]);
        cr_assert_str_eq(text_of(r, "date"), "2026-03-05", "'%s'", forms[i]);
        jy_date d = { 0, 0, 0 };
        cr_assert_eq(jy_record_get_date(&d, r, "date"), JY_OK);
        cr_assert(d.year == 2026 && d.month == 3 && d.day == 5);
        jy_record_free(r);
    }
    expect_text(JY_KIND_EVENT, "date", "2024-02-29", "2024-02-29");
    expect_text(JY_KIND_EVENT, "date", "2000-02-29", "2000-02-29");
}

Test(record, dates_that_do_not_exist_or_are_not_dates)
{
    static const char *const missing[] = { "2026-02-29", "2026-02-30", "1900-02-29",
                                            "2026-04-31", "2026-13-01", "2026-00-10",
                                            "2026-01-00", "20260230", "2026年2月30日", NULL };
    for (int i = 0; missing[i]; i++) {
        expect_refused(JY_KIND_EVENT, "date", missing[i], JY_EINVAL);
        cr_assert(strstr(jy_error_last()->message, "does not exist") != NULL, "'%s': %s",
                  missing[i], jy_error_last()->message);
    }
    static const char *const garbage[] = { "yesterday", "2026", "2026-03", "26-3-5",
                                            "2026-03-05T10:00", "2026-3/5", "三月五日",
                                            "2026 03 05", NULL };
    for (int i = 0; garbage[i]; i++) {
        expect_refused(JY_KIND_EVENT, "date", garbage[i], JY_EINVAL);
        cr_assert(strstr(jy_error_last()->message, "not a date") != NULL, "'%s': %s",
                  garbage[i], jy_error_last()->message);
    }

    jy_record *r = new_record(JY_KIND_EVENT);
    jy_date ok = { 2026, 5, 1 }, bad = { 2026, 2, 29 }, zero = { 0, 0, 0 };
    cr_assert_eq(jy_record_set_date(r, "date", ok), JY_OK);
    cr_assert_str_eq(text_of(r, "date"), "2026-05-01");
    cr_assert_eq(jy_record_set_date(r, "date", bad), JY_EINVAL);
    cr_assert_eq(jy_record_set_date(r, "date", zero), JY_EINVAL);
    cr_assert_str_eq(text_of(r, "date"), "2026-05-01", "kept");
    cr_assert_eq(jy_record_set_date(r, "title", ok), JY_EINVAL, "not a date field");
    cr_assert_eq(jy_record_set_date(r, "minutes", ok), JY_EINVAL);
    cr_assert_eq(jy_record_has(r, "title"), 0);
    jy_date d;
    set_ok(r, "title", "2026-05-01");
    cr_assert_eq(jy_record_get_date(&d, r, "title"), JY_EINVAL, "a text field holding a date");
    jy_record_free(r);
}

/* ---- Text, enums and formats ---------------------------------------------- */

Test(record, text_is_trimmed_and_kept_verbatim)
{
    expect_text(JY_KIND_POSTING, "title", "  箱包车工\t", "箱包车工");
    expect_text(JY_KIND_POSTING, "title", "\xe3\x80\x80普工\xe3\x80\x80", "普工");
    expect_text(JY_KIND_POSTING, "title", "a  b", "a  b");
    expect_text(JY_KIND_POSTING, "title", "'); DROP TABLE posting; --",
                "'); DROP TABLE posting; --");
    expect_text(JY_KIND_POSTING, "description", "第一行\n第二行", "第一行\n第二行");
    /* Formats are checked when stored (ledger), not when set. */
    expect_text(JY_KIND_LABOR, "id_number", "not an id", "not an id");
    expect_text(JY_KIND_LABOR, "township", "金川", "金川");
    expect_text(JY_KIND_EVENT, "starts_at", "19:00", "19:00");
}

Test(record, blank_text_is_no_value)
{
    static const char *const blanks[] = { "", " ", "\t\r\n", "\xe3\x80\x80", NULL };
    static const struct { jy_kind kind; const char *field, *value; } fields[] = {
        { JY_KIND_POSTING, "title", "普工" },         { JY_KIND_POSTING, "headcount", "3" },
        { JY_KIND_POSTING, "kind", "gig" },          { JY_KIND_POSTING, "published_on", "2026-01-01" },
        { JY_KIND_POSTING, "skills", "电焊" },        { JY_KIND_LABOR, "returnee", "是" },
        { JY_KIND_LABOR, "key_groups", "veteran" },
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        for (int b = 0; blanks[b]; b++) {
            jy_record *r = new_record(fields[i].kind);
            set_ok(r, fields[i].field, fields[i].value);
            cr_assert_eq(jy_record_set_text(r, fields[i].field, blanks[b]), JY_OK, "%s",
                         fields[i].field);
            cr_assert_eq(jy_record_has(r, fields[i].field), 0, "%s: blank clears",
                         fields[i].field);
            jy_record_free(r);
        }
}

Test(record, enums_take_values_and_labels_only)
{
    expect_text(JY_KIND_POSTING, "kind", "gig", "gig");
    expect_text(JY_KIND_POSTING, "kind", "零工", "gig");
    expect_text(JY_KIND_POSTING, "kind", " 全职 ", "full_time");
    expect_text(JY_KIND_EVENT, "kind", "直播带岗", "live_show");
    expect_text(JY_KIND_ENTERPRISE, "industry", "箱包", "luggage");
    expect_text(JY_KIND_LABOR, "gender", "女", "female");
    expect_refused(JY_KIND_POSTING, "kind", "GIG", JY_EINVAL);
    expect_refused(JY_KIND_POSTING, "kind", "part_time", JY_EINVAL);
    expect_refused(JY_KIND_POSTING, "kind", "零工、全职", JY_EINVAL);
    expect_refused(JY_KIND_EVENT, "kind", "直播", JY_EINVAL);
}

/* ---- Lists --------------------------------------------------------------- */

Test(record, lists_split_at_every_separator)
{
    jy_record *r = new_record(JY_KIND_POSTING);
    set_ok(r, "skills", "电焊、叉车，驾驶,电工；钳工;车工 裁床\xe3\x80\x80熨烫\t包装");
    static const char *const want[] = { "电焊", "叉车", "驾驶", "电工", "钳工", "车工",
                                        "裁床", "熨烫", "包装" };
    size_t n = sizeof want / sizeof want[0];
    cr_assert_eq(jy_record_item_count(r, "skills"), n);
    for (size_t i = 0; i < n; i++) {
        const char *item = NULL;
        cr_assert_eq(jy_record_get_item(&item, r, "skills", i), JY_OK);
        cr_assert_str_eq(item, want[i]);
    }
    cr_assert_str_eq(text_of(r, "skills"),
                     "电焊、叉车、驾驶、电工、钳工、车工、裁床、熨烫、包装");
    const char *item = NULL;
    cr_assert_eq(jy_record_get_item(&item, r, "skills", n), JY_ENOTFOUND);
    cr_assert_eq(jy_record_get_item(&item, r, "skills", (size_t)-1), JY_ENOTFOUND);

    /* Empty items are dropped; separators at the ends too. */
    set_ok(r, "skills", "、、电焊,,  ，叉车；");
    cr_assert_eq(jy_record_item_count(r, "skills"), 2);
    cr_assert_str_eq(text_of(r, "skills"), "电焊、叉车");
    set_ok(r, "skills", "、，,；;");
    cr_assert_eq(jy_record_item_count(r, "skills"), 0);
    cr_assert_eq(jy_record_has(r, "skills"), 0, "only separators: no value");

    /* One item. */
    set_ok(r, "skills", "CNC");
    cr_assert_eq(jy_record_item_count(r, "skills"), 1);
    cr_assert_str_eq(text_of(r, "skills"), "CNC");

    /* Not a list, or unknown: no items. */
    set_ok(r, "title", "a、b");
    cr_assert_eq(jy_record_item_count(r, "title"), 0);
    cr_assert_eq(jy_record_item_count(r, "nope"), 0);
    cr_assert_eq(jy_record_get_item(&item, r, "title", 0), JY_ENOTFOUND);
    cr_assert_eq(jy_record_get_item(&item, r, "nope", 0), JY_ENOTFOUND);
    jy_record_free(r);
}

Test(record, list_items_added_one_by_one)
{
    jy_record *r = new_record(JY_KIND_POSTING);
    cr_assert_eq(jy_record_item_count(r, "skills"), 0);
    cr_assert_eq(jy_record_add_item(r, "skills", "电焊"), JY_OK);
    cr_assert_eq(jy_record_add_item(r, "skills", " 叉车 "), JY_OK);
    cr_assert_eq(jy_record_item_count(r, "skills"), 2);
    cr_assert_str_eq(text_of(r, "skills"), "电焊、叉车");

    /* Refused items leave the list as it was. */
    static const char *const bad[] = { "", "  ", "a,b", "甲、乙", "x y", "|", NULL };
    for (int i = 0; bad[i]; i++) {
        cr_assert_eq(jy_record_add_item(r, "skills", bad[i]), JY_EINVAL, "'%s'", bad[i]);
        cr_assert_eq(jy_record_item_count(r, "skills"), 2, "'%s' left the list alone", bad[i]);
        cr_assert_str_eq(text_of(r, "skills"), "电焊、叉车");
    }
    cr_assert_eq(jy_record_add_item(r, "skills", "\xff"), JY_EUTF8);
    cr_assert_eq(jy_record_item_count(r, "skills"), 2);
    cr_assert_eq(jy_record_add_item(r, "skills", NULL), JY_EINVAL);
    cr_assert_eq(jy_record_add_item(r, "title", "x"), JY_EINVAL, "not a list");
    cr_assert_eq(jy_record_add_item(r, "nope", "x"), JY_ENOTFOUND);

    /* A refused first item leaves the list unset. */
    jy_record *e = new_record(JY_KIND_POSTING);
    cr_assert_eq(jy_record_add_item(e, "skills", "a,b"), JY_EINVAL);
    cr_assert_eq(jy_record_has(e, "skills"), 0);
    jy_record_free(e);
    jy_record_free(r);
}

Test(record, enum_lists)
{
    jy_record *r = new_record(JY_KIND_LABOR);
    set_ok(r, "key_groups", "返乡人员、graduate，退役军人");
    cr_assert_str_eq(text_of(r, "key_groups"), "returnee、graduate、veteran");
    cr_assert_eq(jy_record_item_count(r, "key_groups"), 3);
    cr_assert_eq(jy_record_set_text(r, "key_groups", "返乡人员、外星人"), JY_EINVAL);
    cr_assert_str_eq(text_of(r, "key_groups"), "returnee、graduate、veteran", "kept");
    cr_assert_eq(jy_record_add_item(r, "key_groups", "残疾人"), JY_OK);
    cr_assert_str_eq(text_of(r, "key_groups"), "returnee、graduate、veteran、disabled");
    cr_assert_eq(jy_record_add_item(r, "key_groups", "unknown_group"), JY_EINVAL);
    cr_assert_eq(jy_record_item_count(r, "key_groups"), 4);
    jy_record_free(r);
}

/* ---- Getters, unknown fields, clear, copy ------------------------------- */

Test(record, getters_check_types_and_presence)
{
    jy_record *r = new_record(JY_KIND_POSTING);
    const char *t = NULL;
    int64_t i = 0;
    double d = 0;
    jy_date date;
    cr_assert_eq(jy_record_get_text(&t, r, "title"), JY_ENOTFOUND, "unset");
    cr_assert_eq(jy_record_get_int(&i, r, "headcount"), JY_ENOTFOUND);
    cr_assert_eq(jy_record_get_real(&d, r, "headcount"), JY_ENOTFOUND);
    cr_assert_eq(jy_record_get_date(&date, r, "published_on"), JY_ENOTFOUND);
    set_ok(r, "title", "普工");
    set_ok(r, "published_on", "2026-01-02");
    set_ok(r, "headcount", "4");
    cr_assert_eq(jy_record_get_int(&i, r, "title"), JY_EINVAL);
    cr_assert_eq(jy_record_get_int(&i, r, "published_on"), JY_EINVAL);
    cr_assert_eq(jy_record_get_real(&d, r, "title"), JY_EINVAL);
    cr_assert_eq(jy_record_get_date(&date, r, "headcount"), JY_EINVAL);
    cr_assert_eq(jy_record_get_text(&t, r, "headcount"), JY_OK, "any type as text");
    cr_assert_str_eq(t, "4");
    cr_assert_eq(jy_record_get_text(&t, r, "published_on"), JY_OK);
    cr_assert_str_eq(t, "2026-01-02");
    cr_assert_eq(jy_record_kind(r), JY_KIND_POSTING);
    cr_assert_eq(jy_record_id(r), 0, "not stored");
    set_ok(r, "id", "17");
    cr_assert_eq(jy_record_id(r), 17);
    jy_record_free(r);
}

Test(record, unknown_fields_are_not_found)
{
    jy_record *r = new_record(JY_KIND_LABOR);
    const char *t;
    int64_t i;
    double d;
    jy_date date = { 2026, 1, 1 };
    cr_assert_eq(jy_record_set_text(r, "nmae", "x"), JY_ENOTFOUND);
    cr_assert(strstr(jy_error_last()->message, "nmae") != NULL, "%s", jy_error_last()->message);
    cr_assert_eq(jy_record_set_text(r, "", "x"), JY_ENOTFOUND);
    cr_assert_eq(jy_record_set_text(r, "Name", "x"), JY_ENOTFOUND, "case-sensitive");
    cr_assert_eq(jy_record_set_text(r, "type", "labor"), JY_ENOTFOUND);
    cr_assert_eq(jy_record_set_text(r, "nmae", NULL), JY_ENOTFOUND);
    cr_assert_eq(jy_record_set_int(r, "nmae", 1), JY_ENOTFOUND);
    cr_assert_eq(jy_record_set_real(r, "nmae", 1), JY_ENOTFOUND);
    cr_assert_eq(jy_record_set_date(r, "nmae", date), JY_ENOTFOUND);
    cr_assert_eq(jy_record_add_item(r, "nmae", "x"), JY_ENOTFOUND);
    cr_assert_eq(jy_record_clear(r, "nmae"), JY_ENOTFOUND);
    cr_assert_eq(jy_record_get_text(&t, r, "nmae"), JY_ENOTFOUND);
    cr_assert_eq(jy_record_get_int(&i, r, "nmae"), JY_ENOTFOUND);
    cr_assert_eq(jy_record_get_real(&d, r, "nmae"), JY_ENOTFOUND);
    cr_assert_eq(jy_record_get_date(&date, r, "nmae"), JY_ENOTFOUND);
    cr_assert_eq(jy_record_get_item(&t, r, "nmae", 0), JY_ENOTFOUND);
    cr_assert_eq(jy_record_has(r, "nmae"), 0);
    cr_assert_eq(jy_record_item_count(r, "nmae"), 0);
    /* A field of another kind is unknown here. */
    cr_assert_eq(jy_record_set_text(r, "credit_code", "x"), JY_ENOTFOUND);
    jy_record_free(r);
}

Test(record, clear_and_null_clear)
{
    jy_record *r = new_record(JY_KIND_LABOR);
    set_ok(r, "name", "李四");
    set_ok(r, "skills", "电焊、叉车");
    cr_assert_eq(jy_record_has(r, "name"), 1);
    cr_assert_eq(jy_record_clear(r, "name"), JY_OK);
    cr_assert_eq(jy_record_has(r, "name"), 0);
    const char *t;
    cr_assert_eq(jy_record_get_text(&t, r, "name"), JY_ENOTFOUND);
    cr_assert_eq(jy_record_clear(r, "name"), JY_OK, "clearing twice");
    cr_assert_eq(jy_record_set_text(r, "skills", NULL), JY_OK);
    cr_assert_eq(jy_record_has(r, "skills"), 0);
    cr_assert_eq(jy_record_item_count(r, "skills"), 0);
    cr_assert_eq(jy_record_add_item(r, "skills", "车工"), JY_OK, "a cleared list grows again");
    cr_assert_eq(jy_record_item_count(r, "skills"), 1);
    jy_record_free(r);
}

Test(record, copies_are_deep_and_equal)
{
    for (int kind = 1; kind < JY_KIND_END; kind++) {
        jy_record *r = full_record((jy_kind)kind);
        jy_record *c = NULL;
        cr_assert_eq(jy_record_copy(&c, r), JY_OK);
        cr_assert_eq(jy_record_kind(c), (jy_kind)kind);
        for (size_t i = 0; i < jy_kind_field_count(kind); i++) {
            const char *name = jy_kind_field_at(kind, i)->name;
            cr_assert_str_eq(text_of(c, name), text_of(r, name), "%s.%s", jy_kind_name(kind),
                             name);
            cr_assert_eq(jy_record_item_count(c, name), jy_record_item_count(r, name));
        }
        /* Changing or freeing the original leaves the copy alone. */
        const jy_field_info *f = jy_kind_field_at(kind, 1);
        cr_assert_eq(jy_record_clear(r, f->name), JY_OK);
        cr_assert_eq(jy_record_has(c, f->name), 1);
        jy_record_free(r);
        cr_assert_eq(jy_record_id(c), 7);
        jy_record_free(c);
    }
    jy_record *e = new_record(JY_KIND_INCIDENT);
    jy_record *c = NULL;
    cr_assert_eq(jy_record_copy(&c, e), JY_OK, "an empty record");
    cr_assert_eq(jy_record_has(c, "kind"), 0);
    jy_record_free(c);
    jy_record_free(e);
}

Test(record, invalid_utf8_is_refused)
{
    static const char *const bad[] = { "\xff", "abc\xc3", "\xc3\x28", "\xed\xa0\x80",
                                       "\xf4\x90\x80\x80", "\xc0\xaf", "张\x80三", NULL };
    jy_record *r = new_record(JY_KIND_LABOR);
    set_ok(r, "name", "张三");
    for (int i = 0; bad[i]; i++) {
        cr_assert_eq(jy_record_set_text(r, "name", bad[i]), JY_EUTF8, "#%d", i);
        cr_assert(strstr(jy_error_last()->message, "name") != NULL);
        cr_assert_eq(jy_record_set_text(r, "skills", bad[i]), JY_EUTF8);
        cr_assert_eq(jy_record_set_text(r, "surveyed_on", bad[i]), JY_EUTF8);
        cr_assert_eq(jy_record_set_text(r, "returnee", bad[i]), JY_EUTF8);
        cr_assert_eq(jy_record_set_text(r, "education", bad[i]), JY_EUTF8);
    }
    cr_assert_str_eq(text_of(r, "name"), "张三", "kept");
    cr_assert_eq(jy_record_has(r, "skills"), 0);
    jy_record_free(r);
}

Test(record, null_arguments_are_errors)
{
    jy_record *r = new_record(JY_KIND_LABOR);
    const char *t = NULL;
    int64_t i = 0;
    double d = 0;
    jy_date date = { 2026, 1, 1 };
    jy_record *out = (jy_record *)1;

    cr_assert_eq(jy_record_new(NULL, JY_KIND_LABOR), JY_EINVAL);
    cr_assert_eq(jy_record_new(&out, (jy_kind)0), JY_EINVAL);
    cr_assert_null(out);
    cr_assert_eq(jy_record_new(&out, (jy_kind)JY_KIND_END), JY_EINVAL);
    cr_assert_eq(jy_record_new(&out, (jy_kind)-3), JY_EINVAL);
    cr_assert_eq(jy_record_copy(NULL, r), JY_EINVAL);
    cr_assert_eq(jy_record_copy(&out, NULL), JY_EINVAL);
    jy_record_free(NULL);
    cr_assert_eq(jy_record_kind(NULL), (jy_kind)0);
    cr_assert_eq(jy_record_id(NULL), 0);
    cr_assert_eq(jy_record_has(NULL, "name"), 0);
    cr_assert_eq(jy_record_has(r, NULL), 0);

    cr_assert_eq(jy_record_set_text(NULL, "name", "x"), JY_EINVAL);
    cr_assert_eq(jy_record_set_text(r, NULL, "x"), JY_EINVAL);
    cr_assert_eq(jy_record_set_int(NULL, "returnee", 1), JY_EINVAL);
    cr_assert_eq(jy_record_set_int(r, NULL, 1), JY_EINVAL);
    cr_assert_eq(jy_record_set_real(NULL, "returnee", 1), JY_EINVAL);
    cr_assert_eq(jy_record_set_real(r, NULL, 1), JY_EINVAL);
    cr_assert_eq(jy_record_set_date(NULL, "surveyed_on", date), JY_EINVAL);
    cr_assert_eq(jy_record_set_date(r, NULL, date), JY_EINVAL);
    cr_assert_eq(jy_record_add_item(NULL, "skills", "x"), JY_EINVAL);
    cr_assert_eq(jy_record_add_item(r, NULL, "x"), JY_EINVAL);
    cr_assert_eq(jy_record_add_item(r, "skills", NULL), JY_EINVAL);
    cr_assert_eq(jy_record_clear(NULL, "name"), JY_EINVAL);
    cr_assert_eq(jy_record_clear(r, NULL), JY_EINVAL);

    set_ok(r, "name", "张三");
    set_ok(r, "skills", "x");
    set_ok(r, "surveyed_on", "2026-01-01");
    set_ok(r, "returnee", "1");
    cr_assert_eq(jy_record_get_text(NULL, r, "name"), JY_EINVAL);
    cr_assert_eq(jy_record_get_text(&t, NULL, "name"), JY_EINVAL);
    cr_assert_eq(jy_record_get_text(&t, r, NULL), JY_EINVAL);
    cr_assert_eq(jy_record_get_int(NULL, r, "returnee"), JY_EINVAL);
    cr_assert_eq(jy_record_get_int(&i, NULL, "returnee"), JY_EINVAL);
    cr_assert_eq(jy_record_get_int(&i, r, NULL), JY_EINVAL);
    cr_assert_eq(jy_record_get_real(NULL, r, "returnee"), JY_EINVAL);
    cr_assert_eq(jy_record_get_real(&d, NULL, "returnee"), JY_EINVAL);
    cr_assert_eq(jy_record_get_real(&d, r, NULL), JY_EINVAL);
    cr_assert_eq(jy_record_get_date(NULL, r, "surveyed_on"), JY_EINVAL);
    cr_assert_eq(jy_record_get_date(&date, NULL, "surveyed_on"), JY_EINVAL);
    cr_assert_eq(jy_record_get_date(&date, r, NULL), JY_EINVAL);
    cr_assert_eq(jy_record_item_count(NULL, "skills"), 0);
    cr_assert_eq(jy_record_item_count(r, NULL), 0);
    cr_assert_eq(jy_record_get_item(NULL, r, "skills", 0), JY_EINVAL);
    cr_assert_eq(jy_record_get_item(&t, NULL, "skills", 0), JY_EINVAL);
    cr_assert_eq(jy_record_get_item(&t, r, NULL, 0), JY_EINVAL);

    char *json = (char *)1;
    cr_assert_eq(jy_record_to_json(NULL, r, 0), JY_EINVAL);
    cr_assert_eq(jy_record_to_json(&json, NULL, 0), JY_EINVAL);
    cr_assert_null(json);
    jy_located_error err;
    cr_assert_eq(jy_record_from_json(NULL, "{}", 2, JY_KIND_LABOR, &err), JY_EINVAL);
    out = (jy_record *)1;
    cr_assert_eq(jy_record_from_json(&out, NULL, 5, JY_KIND_LABOR, &err), JY_EINVAL);
    cr_assert_null(out);
    cr_assert_eq(jy_record_from_json(&out, NULL, 0, JY_KIND_LABOR, NULL), JY_EPARSE);
    cr_assert_null(out);
    jy_record_free(r);
}

/* ---- JSON ---------------------------------------------------------------- */

static cJSON *to_json(const jy_record *r, unsigned int flags)
{
    char *text = NULL;
    cr_assert_eq(jy_record_to_json(&text, r, flags), JY_OK, "%s", jy_error_last()->message);
    cr_assert_null(strchr(text, '\n'), "one line");
    cJSON *o = cJSON_Parse(text);
    cr_assert_not_null(o, "valid JSON: %s", text);
    jy_free(text);
    return o;
}

static const char *json_str(const cJSON *o, const char *name)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name);
    cr_assert(cJSON_IsString(m), "member %s is a string", name);
    return m->valuestring;
}

static jy_record *labor_person(void)
{
    char id[19];
    make_id(id, "362424", "19900512", 124);
    jy_record *r = new_record(JY_KIND_LABOR);
    set_ok(r, "id", "5");
    set_ok(r, "id_number", id);
    set_ok(r, "name", "张三丰");
    set_ok(r, "phone", "13812345678");
    set_ok(r, "township", "360824100");
    set_ok(r, "skills", "电焊、叉车");
    set_ok(r, "returnee", "是");
    set_ok(r, "surveyed_on", "2026-06-01");
    return r;
}

Test(record, json_masks_personal_data_by_default)
{
    char id[19];
    make_id(id, "362424", "19900512", 124);
    jy_record *r = labor_person();
    cJSON *o = to_json(r, 0);
    cr_assert_str_eq(json_str(o, "type"), "labor");
    char masked[19];
    snprintf(masked, sizeof masked, "362424**********%c%c", id[16], id[17]);
    cr_assert_str_eq(json_str(o, "id_number"), masked);
    cr_assert_str_eq(json_str(o, "phone"), "138****5678");
    cr_assert_str_eq(json_str(o, "name"), "张**");
    cr_assert_str_eq(json_str(o, "township"), "360824100", "not personal");
    cr_assert_str_eq(json_str(o, "surveyed_on"), "2026-06-01");
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, "id");
    cr_assert(cJSON_IsNumber(m) && m->valuedouble == 5.0);
    cr_assert(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "returnee")));
    const cJSON *skills = cJSON_GetObjectItemCaseSensitive(o, "skills");
    cr_assert(cJSON_IsArray(skills));
    cr_assert_eq(cJSON_GetArraySize(skills), 2);
    cr_assert_str_eq(cJSON_GetArrayItem(skills, 0)->valuestring, "电焊");
    cr_assert_null(cJSON_GetObjectItemCaseSensitive(o, "village"), "unset fields left out");
    cr_assert_null(cJSON_GetObjectItemCaseSensitive(o, "job"));
    cJSON_Delete(o);

    o = to_json(r, JY_JSON_UNMASK);
    cr_assert_str_eq(json_str(o, "id_number"), id);
    cr_assert_str_eq(json_str(o, "phone"), "13812345678");
    cr_assert_str_eq(json_str(o, "name"), "张三丰");
    cJSON_Delete(o);

    o = to_json(r, JY_JSON_NO_TYPE | JY_JSON_UNMASK);
    cr_assert_null(cJSON_GetObjectItemCaseSensitive(o, "type"));
    cr_assert_str_eq(json_str(o, "name"), "张三丰");
    cJSON_Delete(o);

    /* One-character names still hide something; other personal fields. */
    set_ok(r, "name", "李");
    o = to_json(r, 0);
    cr_assert_str_eq(json_str(o, "name"), "李*");
    cJSON_Delete(o);
    jy_record_free(r);

    jy_record *e = new_record(JY_KIND_ENTERPRISE);
    set_ok(e, "name", "新干县箱包厂");
    set_ok(e, "contact_name", "王经理");
    set_ok(e, "contact_phone", "13900001111");
    o = to_json(e, 0);
    cr_assert_str_eq(json_str(o, "name"), "新干县箱包厂", "an enterprise's name is public");
    cr_assert_str_eq(json_str(o, "contact_name"), "王**");
    cr_assert_str_eq(json_str(o, "contact_phone"), "139****1111");
    cJSON_Delete(o);
    jy_record_free(e);

    jy_record *ev = new_record(JY_KIND_EVENT);
    set_ok(ev, "kind", "consultation");
    set_ok(ev, "person_name", "欧阳修");
    o = to_json(ev, 0);
    cr_assert_str_eq(json_str(o, "person_name"), "欧**");
    cJSON_Delete(o);
    jy_record_free(ev);

    /* Every personal field of the catalogue is masked: nothing of a
     * full record's personal values shows in clear. */
    for (int kind = 1; kind < JY_KIND_END; kind++) {
        jy_record *full = full_record((jy_kind)kind);
        cJSON *masked_o = to_json(full, 0);
        for (size_t i = 0; i < jy_kind_field_count(kind); i++) {
            const jy_field_info *f = jy_kind_field_at(kind, i);
            if (!(f->flags & JY_FIELD_PERSONAL))
                continue;
            const char *clear = text_of(full, f->name);
            cr_assert_str_neq(json_str(masked_o, f->name), clear, "%s.%s masked",
                              jy_kind_name(kind), f->name);
            cr_assert_not_null(strchr(json_str(masked_o, f->name), '*'));
        }
        cJSON_Delete(masked_o);
        jy_record_free(full);
    }
}

Test(record, json_masks_history_values_as_the_field_they_belong_to)
{
    jy_record *h = new_record(JY_KIND_LABOR_CHANGE);
    set_ok(h, "labor_id", "1");
    set_ok(h, "changed_on", "2026-07-01");
    set_ok(h, "field", "education");
    set_ok(h, "old_value", "junior");
    set_ok(h, "new_value", "senior");
    cJSON *o = to_json(h, 0);
    cr_assert_str_eq(json_str(o, "old_value"), "junior", "education is not personal");
    cr_assert_str_eq(json_str(o, "new_value"), "senior");
    cJSON_Delete(o);

    set_ok(h, "field", "phone");
    set_ok(h, "old_value", "13800138000");
    set_ok(h, "new_value", "13900139000");
    o = to_json(h, 0);
    cr_assert_str_eq(json_str(o, "old_value"), "138****8000", "masked as a phone");
    cr_assert_str_eq(json_str(o, "new_value"), "139****9000");
    cJSON_Delete(o);

    set_ok(h, "field", "name");
    set_ok(h, "old_value", "张三");
    o = to_json(h, 0);
    cr_assert_str_eq(json_str(o, "old_value"), "张*");
    cJSON_Delete(o);

    set_ok(h, "field", "no_such_field");
    set_ok(h, "old_value", "secret");
    o = to_json(h, 0);
    cr_assert_str_eq(json_str(o, "old_value"), "s*****", "unknown: masked");
    cJSON_Delete(o);
    o = to_json(h, JY_JSON_UNMASK);
    cr_assert_str_eq(json_str(o, "old_value"), "secret");
    cJSON_Delete(o);
    jy_record_free(h);
}

static jy_record *from_json(const char *json, jy_kind kind)
{
    jy_record *r = NULL;
    jy_located_error err;
    int rc = jy_record_from_json(&r, json, strlen(json), kind, &err);
    cr_assert_eq(rc, JY_OK, "%s: %s", json, err.text);
    cr_assert_eq(err.code, JY_OK);
    return r;
}

static void from_json_fails(const char *json, jy_kind kind, int code, const char *field)
{
    jy_record *r = (jy_record *)1;
    jy_located_error err;
    int rc = jy_record_from_json(&r, json, strlen(json), kind, &err);
    cr_assert_eq(rc, code, "%s gave %d: %s", json, rc, err.text);
    cr_assert_null(r);
    cr_assert_eq(err.code, code);
    if (field)
        cr_assert_str_eq(err.field, field, "%s", json);
    cr_assert_gt(strlen(err.text), 0);
}

Test(record, json_in)
{
    jy_record *r = from_json("{\"type\": \"labor\", \"name\": \"张三\", \"returnee\": true, "
                             "\"needs_job\": 0, \"skills\": [\"电焊\", \"叉车\"], "
                             "\"key_groups\": \"返乡人员、veteran\", \"surveyed_on\": \"2026/6/1\", "
                             "\"education\": \"高中\", \"job\": null, \"id\": 12}",
                             (jy_kind)0);
    cr_assert_eq(jy_record_kind(r), JY_KIND_LABOR);
    cr_assert_str_eq(text_of(r, "name"), "张三");
    cr_assert_str_eq(text_of(r, "returnee"), "true");
    cr_assert_str_eq(text_of(r, "needs_job"), "false");
    cr_assert_str_eq(text_of(r, "skills"), "电焊、叉车");
    cr_assert_str_eq(text_of(r, "key_groups"), "returnee、veteran");
    cr_assert_str_eq(text_of(r, "surveyed_on"), "2026-06-01");
    cr_assert_str_eq(text_of(r, "education"), "senior");
    cr_assert_eq(jy_record_has(r, "job"), 0, "null is unset");
    cr_assert_eq(jy_record_id(r), 12);
    jy_record_free(r);

    /* The kind from the argument when there is no type; both agreeing. */
    r = from_json("{\"title\": \"普工\", \"headcount\": 12.0, \"salary_min\": \"4000\"}",
                  JY_KIND_POSTING);
    cr_assert_eq(jy_record_kind(r), JY_KIND_POSTING);
    cr_assert_eq(int_of(r, "headcount"), 12);
    cr_assert_eq(int_of(r, "salary_min"), 4000);
    jy_record_free(r);
    r = from_json("{\"type\": \"posting\", \"title\": \"普工\"}", JY_KIND_POSTING);
    jy_record_free(r);
    r = from_json("{}", JY_KIND_INCIDENT);
    cr_assert_eq(jy_record_has(r, "kind"), 0);
    jy_record_free(r);
    r = from_json("  {\"type\": \"review\", \"good\": false, \"text\": \"\"}  ", (jy_kind)0);
    cr_assert_str_eq(text_of(r, "good"), "false");
    cr_assert_eq(jy_record_has(r, "text"), 0, "empty string: no value");
    jy_record_free(r);
    r = from_json("{\"type\": \"posting\", \"skills\": []}", (jy_kind)0);
    cr_assert_eq(jy_record_item_count(r, "skills"), 0);
    jy_record_free(r);
}

Test(record, json_in_refused)
{
    /* Malformed JSON, not an object. */
    from_json_fails("{\"type\": \"labor\",", (jy_kind)0, JY_EPARSE, NULL);
    from_json_fails("", JY_KIND_LABOR, JY_EPARSE, NULL);
    from_json_fails("[1, 2]", JY_KIND_LABOR, JY_EPARSE, NULL);
    from_json_fails("\"labor\"", JY_KIND_LABOR, JY_EPARSE, NULL);
    from_json_fails("{} {}", JY_KIND_LABOR, JY_EPARSE, NULL);
    /* The type. */
    from_json_fails("{\"name\": \"张三\"}", (jy_kind)0, JY_EPARSE, "type");
    from_json_fails("{\"type\": \"person\"}", (jy_kind)0, JY_ENOTFOUND, "type");
    from_json_fails("{\"type\": 7}", (jy_kind)0, JY_EPARSE, "type");
    from_json_fails("{\"type\": \"labor\"}", JY_KIND_POSTING, JY_EINVAL, "type");
    from_json_fails("{}", (jy_kind)99, JY_EINVAL, NULL);
    /* Unknown members. */
    from_json_fails("{\"type\": \"labor\", \"nmae\": \"张三\"}", (jy_kind)0, JY_ENOTFOUND, "nmae");
    from_json_fails("{\"type\": \"labor\", \"Name\": \"张三\"}", (jy_kind)0, JY_ENOTFOUND, "Name");
    /* Wrong JSON types. */
    from_json_fails("{\"type\": \"labor\", \"name\": 5}", (jy_kind)0, JY_EPARSE, "name");
    from_json_fails("{\"type\": \"labor\", \"name\": true}", (jy_kind)0, JY_EPARSE, "name");
    from_json_fails("{\"type\": \"labor\", \"name\": [\"张三\"]}", (jy_kind)0, JY_EPARSE, "name");
    from_json_fails("{\"type\": \"labor\", \"name\": {}}", (jy_kind)0, JY_EPARSE, "name");
    from_json_fails("{\"type\": \"labor\", \"surveyed_on\": 20260601}", (jy_kind)0, JY_EPARSE,
                    "surveyed_on");
    from_json_fails("{\"type\": \"posting\", \"headcount\": true}", (jy_kind)0, JY_EPARSE,
                    "headcount");
    from_json_fails("{\"type\": \"posting\", \"headcount\": [3]}", (jy_kind)0, JY_EPARSE,
                    "headcount");
    from_json_fails("{\"type\": \"posting\", \"skills\": [1, 2]}", (jy_kind)0, JY_EPARSE,
                    "skills");
    from_json_fails("{\"type\": \"posting\", \"skills\": [[\"a\"]]}", (jy_kind)0, JY_EPARSE,
                    "skills");
    from_json_fails("{\"type\": \"posting\", \"skills\": 3}", (jy_kind)0, JY_EPARSE, "skills");
    from_json_fails("{\"type\": \"labor\", \"returnee\": [true]}", (jy_kind)0, JY_EPARSE,
                    "returnee");
    /* Values that do not convert. */
    from_json_fails("{\"type\": \"posting\", \"headcount\": 2.5}", (jy_kind)0, JY_EINVAL,
                    "headcount");
    from_json_fails("{\"type\": \"posting\", \"headcount\": 0}", (jy_kind)0, JY_EINVAL,
                    "headcount");
    from_json_fails("{\"type\": \"posting\", \"headcount\": 1e30}", (jy_kind)0, JY_EINVAL,
                    "headcount");
    from_json_fails("{\"type\": \"posting\", \"headcount\": \"many\"}", (jy_kind)0, JY_EINVAL,
                    "headcount");
    from_json_fails("{\"type\": \"posting\", \"kind\": \"temp\"}", (jy_kind)0, JY_EINVAL, "kind");
    from_json_fails("{\"type\": \"labor\", \"returnee\": 2}", (jy_kind)0, JY_EINVAL, "returnee");
    from_json_fails("{\"type\": \"labor\", \"surveyed_on\": \"2026-02-30\"}", (jy_kind)0,
                    JY_EINVAL, "surveyed_on");
    from_json_fails("{\"type\": \"labor\", \"key_groups\": [\"returnee\", \"alien\"]}",
                    (jy_kind)0, JY_EINVAL, "key_groups");
    /* Invalid UTF-8 in the text. */
    from_json_fails("{\"type\": \"labor\", \"name\": \"\xff\"}", (jy_kind)0, JY_EUTF8, NULL);
}

/* Every kind, every field: a record written as JSON reads back the same. */
Test(record, json_round_trip_of_every_kind)
{
    for (int kind = 1; kind < JY_KIND_END; kind++) {
        jy_record *r = full_record((jy_kind)kind);
        char *text = NULL;
        cr_assert_eq(jy_record_to_json(&text, r, JY_JSON_UNMASK), JY_OK);
        jy_record *back = NULL;
        jy_located_error err;
        cr_assert_eq(jy_record_from_json(&back, text, strlen(text), (jy_kind)0, &err), JY_OK,
                     "%s: %s", text, err.text);
        for (size_t i = 0; i < jy_kind_field_count(kind); i++) {
            const char *name = jy_kind_field_at(kind, i)->name;
            cr_assert_str_eq(text_of(back, name), text_of(r, name), "%s.%s",
                             jy_kind_name(kind), name);
        }
        jy_free(text);
        jy_record_free(back);
        jy_record_free(r);
    }
}

Test(record, json_large_integers)
{
    jy_record *r = new_record(JY_KIND_EVENT);
    set_ok(r, "views", "9000000000000000");
    char *text = NULL;
    cr_assert_eq(jy_record_to_json(&text, r, 0), JY_OK);
    jy_record *back = NULL;
    cr_assert_eq(jy_record_from_json(&back, text, strlen(text), (jy_kind)0, NULL), JY_OK,
                 "%s", text);
    cr_assert_str_eq(text_of(back, "views"), "9000000000000000");
    jy_free(text);
    jy_record_free(back);
    jy_record_free(r);
}

/* A record's values outlive any number of changes: text set again and again
 * (beyond the record's own arena, into the heap), values longer than the
 * arena, enums, booleans, integers and dates in between, and copies of such
 * a record; a value read stays valid until its field changes. */
Test(record, values_set_many_times_stay_whole)
{
    jy_record *r = NULL;
    cr_assert_eq(jy_record_new(&r, JY_KIND_ENTERPRISE), JY_OK);
    char big[5000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    const char *kept = NULL;
    cr_assert_eq(jy_record_set_text(r, "address", "地址"), JY_OK);
    for (int i = 0; i < 2000; i++) {
        char name[64];
        snprintf(name, sizeof name, "  企业%d号  ", i);
        cr_assert_eq(jy_record_set_text(r, "name", name), JY_OK);
        cr_assert_eq(jy_record_set_text(r, "industry", i % 2 ? "箱包" : "services"), JY_OK);
        cr_assert_eq(jy_record_set_text(r, "notes", i % 100 == 7 ? big : "短"), JY_OK);
        if (i == 1000)
            cr_assert_eq(jy_record_get_text(&kept, r, "address"), JY_OK);
        snprintf(name, sizeof name, "企业%d号", i);
        cr_assert_str_eq(text_of(r, "name"), name, "trimmed, whole");
        cr_assert_str_eq(text_of(r, "industry"), i % 2 ? "luggage" : "services");
        cr_assert_str_eq(text_of(r, "notes"), i % 100 == 7 ? big : "短");
    }
    cr_assert_str_eq(kept, "地址", "an unchanged field's text stays valid");
    cr_assert_eq(jy_record_set_text(r, "notes", big), JY_OK);
    jy_record *c = NULL;
    cr_assert_eq(jy_record_copy(&c, r), JY_OK);
    jy_record_free(r);
    cr_assert_str_eq(text_of(c, "name"), "企业1999号");
    cr_assert_str_eq(text_of(c, "notes"), big);
    cr_assert_str_eq(text_of(c, "industry"), "luggage");
    cr_assert_eq(jy_record_clear(c, "notes"), JY_OK);
    cr_assert_not(jy_record_has(c, "notes"));
    jy_record_free(c);
}

/* Education `none`: a posting asks for no level (不限), a person has had no
 * schooling (未上过学): "no limit" says nothing about a person. Both labels
 * are read back as `none` where they apply; 不限 is not a person's level. */
Test(record, education_none_is_labelled_for_a_person_and_for_a_posting)
{
    static const struct {
        int kind;
        const char *label;
    } cases[] = { { JY_KIND_POSTING, "不限" }, { JY_KIND_JOBSEEKER, "未上过学" }, { JY_KIND_LABOR, "未上过学" } };
    for (size_t c = 0; c < 3; c++) {
        const jy_field_info *f = jy_kind_field(cases[c].kind, "education");
        cr_assert_not_null(f);
        cr_assert_str_eq(f->values[0], "none");
        cr_assert_str_eq(f->value_labels[0], cases[c].label, "kind %d", cases[c].kind);
        for (size_t i = 1; f->values[i]; i++)
            cr_assert_str_neq(f->value_labels[i], "不限");
        jy_record *r = NULL;
        cr_assert_eq(jy_record_new(&r, (jy_kind)cases[c].kind), JY_OK);
        cr_assert_eq(jy_record_set_text(r, "education", cases[c].label), JY_OK, "%s",
                     jy_error_last()->message);
        const char *v = NULL;
        cr_assert_eq(jy_record_get_text(&v, r, "education"), JY_OK);
        cr_assert_str_eq(v, "none");
        if (cases[c].kind != JY_KIND_POSTING)
            cr_assert_neq(jy_record_set_text(r, "education", "不限"), JY_OK, "不限 is no person's education");
        jy_record_free(r);
    }
}
