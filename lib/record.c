/*
 * Records: a bag of field values of one kind, checked against the catalogue.
 *
 * Every value is kept in a canonical text form (what jy_record_get_text()
 * returns and what is stored in SQLite) next to its typed form.
 */
#include "record_internal.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bytes of a record's arena per field of its kind: a labor survey row (21
 * fields, about 200 bytes of text) uses a fraction of it, so a record reset
 * between rows (jy__record_reset) converts every row without malloc. */
#define ARENA_PER_FIELD 64u

static void value_reset(jy__value *v)
{
    if (!v->set)
        return; /* an unset value holds nothing (all zero) */
    if (v->heap)
        free(v->text);
    if (v->items) {
        for (size_t i = 0; i < v->item_count; i++)
            free(v->items[i]);
        free(v->items);
    }
    memset(v, 0, sizeof *v);
}

int jy_record_new(jy_record **out, jy_kind kind)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_record_new: out is NULL");
    *out = NULL;
    const jy__kind_info *k = jy__kind(kind);
    if (!k)
        return jy__error(JY_EINVAL, "jy_record_new: %d is not a record kind", (int)kind);
    /* One allocation: the record, its values, and the arena its values'
     * text is taken from (the heap only when the arena is full). */
    size_t head = sizeof(jy_record) + k->field_count * sizeof(jy__value);
    head = (head + 15u) & ~(size_t)15u;
    size_t arena = k->field_count * ARENA_PER_FIELD;
    char *block = jy__malloc(head + arena);
    if (!block)
        return JY_ENOMEM;
    memset(block, 0, head);
    jy_record *r = (jy_record *)(void *)block;
    r->info = k;
    r->values = (jy__value *)(void *)(block + sizeof(jy_record));
    r->arena = block + head;
    r->arena_cap = arena;
    r->arena_used = 0;
    *out = r;
    return JY_OK;
}

void jy_record_free(jy_record *record)
{
    if (!record)
        return;
    jy__record_reset(record);
    free(record);
}

void jy__record_reset(jy_record *r)
{
    for (size_t i = 0; i < r->info->field_count; i++)
        if (r->values[i].set)
            value_reset(&r->values[i]);
    r->arena_used = 0;
}

/* A copy of s[0..n) with a NUL, from the record's arena when it has room
 * (*heap = 0), else from the heap (*heap = 1). NULL when out of memory. */
static char *rec_strndup(jy_record *r, const char *s, size_t n, unsigned char *heap)
{
    if (r->arena_cap - r->arena_used > n) {
        char *p = r->arena + r->arena_used;
        memcpy(p, s, n);
        p[n] = '\0';
        r->arena_used += n + 1;
        *heap = 0;
        return p;
    }
    *heap = 1;
    return jy__strndup(s, n);
}

int jy_record_copy(jy_record **out, const jy_record *record)
{
    if (!out || !record)
        return jy__error(JY_EINVAL, "jy_record_copy: NULL argument");
    jy_record *c = NULL;
    int rc = jy_record_new(&c, record->info->kind);
    if (rc != JY_OK)
        return rc;
    for (size_t i = 0; i < record->info->field_count; i++) {
        const jy__value *v = &record->values[i];
        if (!v->set)
            continue;
        rc = jy__record_set_field(c, i, v->text);
        if (rc != JY_OK) {
            jy_record_free(c);
            return rc;
        }
    }
    *out = c;
    return JY_OK;
}

jy_kind jy_record_kind(const jy_record *record)
{
    return record ? record->info->kind : (jy_kind)0;
}

int64_t jy_record_id(const jy_record *record)
{
    return record && record->values[0].set ? record->values[0].i : 0;
}

static int find_field(size_t *out, const jy_record *record, const char *field, const char *fn)
{
    if (!record || !field)
        return jy__error(JY_EINVAL, "%s: NULL argument", fn);
    int i = jy__field_index(record->info, field);
    if (i < 0)
        return jy__error(JY_ENOTFOUND, "%s has no field '%.40s'", record->info->name, field);
    *out = (size_t)i;
    return JY_OK;
}

int jy_record_has(const jy_record *record, const char *field)
{
    if (!record || !field)
        return 0;
    int i = jy__field_index(record->info, field);
    return i >= 0 && record->values[i].set;
}

/* ---- Conversions ------------------------------------------------------- */

static int is_space_cp(unsigned int cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0x3000 || cp == 0xA0;
}

/* Length of the blank at s[0..len) (space, tab, CR, LF, U+00A0 no-break
 * space, U+3000 ideographic space), or 0. Bytes, no decoding: this runs on
 * every cell of every import. */
static size_t blank_at(const unsigned char *s, size_t len)
{
    if (len >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n'))
        return 1;
    if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (len >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

/* Trims blanks at both ends of well-formed UTF-8; returns a copy (see
 * rec_strndup()). */
static char *trimmed_copy(jy_record *r, const char *s, unsigned char *heap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), start = 0, end = len, n;
    /* Most cells have no blank at either end: a blank starts with one of
     * " \t\r\n", 0xC2 or 0xE3, and ends with one of them, 0xA0 or 0x80. */
    if (len && u[0] != ' ' && u[0] != '\t' && u[0] != '\r' && u[0] != '\n' && u[0] != 0xC2 &&
        u[0] != 0xE3 && u[len - 1] != ' ' && u[len - 1] != '\t' && u[len - 1] != '\r' &&
        u[len - 1] != '\n' && u[len - 1] != 0xA0 && u[len - 1] != 0x80)
        return rec_strndup(r, s, len, heap);
    while ((n = blank_at(u + start, end - start)) != 0)
        start += n;
    for (;;) {
        if (end > start && blank_at(u + end - 1, 1) == 1)
            end -= 1;
        else if (end - start >= 2 && blank_at(u + end - 2, 2) == 2)
            end -= 2;
        else if (end - start >= 3 && blank_at(u + end - 3, 3) == 3)
            end -= 3;
        else
            break;
    }
    return rec_strndup(r, s + start, end - start, heap);
}

static int is_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

static int parse_int(int64_t *out, const char *s)
{
    /* Full-width digits and signs are accepted (NFKC); ASCII needs none. */
    char *norm = NULL;
    size_t len = 0;
    if (!is_ascii(s) && jy_text_normalize(&norm, &len, s, strlen(s)) != JY_OK)
        return 0;
    const char *text = norm ? norm : s;
    char *end = NULL;
    errno = 0;
    long long v = strtoll(text, &end, 10);
    int ok = end != text && *end == '\0' && errno == 0;
    /* "12.0" is a whole number too (spreadsheets write them so). */
    if (!ok && end != text && errno == 0 && *end == '.') {
        char *p = end + 1;
        while (*p == '0')
            p++;
        ok = *p == '\0';
    }
    free(norm);
    if (ok)
        *out = (int64_t)v;
    return ok;
}

static int parse_real(double *out, const char *s)
{
    char *norm = NULL;
    size_t len = 0;
    if (jy_text_normalize(&norm, &len, s, strlen(s)) != JY_OK)
        return 0;
    char *end = NULL;
    errno = 0;
    double v = strtod(norm, &end);
    int ok = end != norm && *end == '\0' && errno == 0 && isfinite(v);
    free(norm);
    if (ok)
        *out = v;
    return ok;
}

/* The shortest of %.15g and %.17g that reads back as the same double, so
 * that 0.1 is stored as "0.1" and every value still round-trips. */
static void format_real(char *buf, size_t size, double v)
{
    snprintf(buf, size, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, size, "%.17g", v);
}

/* Compares ignoring the case of ASCII letters ("Yes", "YES", "Y"). */
static int same_ascii_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

static int parse_bool(int64_t *out, const char *s)
{
    static const char *const yes[] = { "true", "1", "yes", "y", "是", "有", "√", NULL };
    static const char *const no[] = { "false", "0", "no", "n", "否", "无", "×", NULL };
    /* The canonical forms first: what files written by the library hold. */
    if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0) {
        *out = s[0] == 't';
        return 1;
    }
    for (int i = 0; yes[i]; i++)
        if (same_ascii_nocase(s, yes[i])) {
            *out = 1;
            return 1;
        }
    for (int i = 0; no[i]; i++)
        if (same_ascii_nocase(s, no[i])) {
            *out = 0;
            return 1;
        }
    return 0;
}

/* Is `cp` a list separator: 、，,；; and blanks. */
static int is_separator(unsigned int cp)
{
    return cp == ',' || cp == ';' || cp == 0x3001 || cp == 0xFF0C || cp == 0xFF1B ||
           cp == '|' || is_space_cp(cp);
}

static int add_item(jy__value *v, const char *item, size_t len)
{
    char **items = jy__realloc(v->items, (v->item_count + 1) * sizeof *items);
    if (!items)
        return JY_ENOMEM;
    v->items = items;
    items[v->item_count] = jy__strndup(item, len);
    if (!items[v->item_count])
        return JY_ENOMEM;
    v->item_count++;
    return JY_OK;
}

/* Rebuilds the canonical text of a list: items joined with 、. */
static int join_items(jy__value *v)
{
    size_t total = 1;
    for (size_t i = 0; i < v->item_count; i++)
        total += strlen(v->items[i]) + 3;
    char *s = jy__malloc(total);
    if (!s)
        return JY_ENOMEM;
    s[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < v->item_count; i++) {
        if (i) {
            memcpy(s + used, "\xe3\x80\x81", 3); /* 、 */
            used += 3;
        }
        size_t n = strlen(v->items[i]);
        memcpy(s + used, v->items[i], n);
        used += n;
    }
    s[used] = '\0';
    if (v->heap)
        free(v->text);
    v->text = s;
    v->heap = 1;
    return JY_OK;
}

/* The canonical text of a converted value into nv: the input itself when
 * it is already canonical (the usual case: files written by the library),
 * else a copy of `canonical`. */
static void canonical_text(jy_record *r, jy__value *nv, char **input, unsigned char *input_heap,
                           const char *canonical)
{
    if (*input && strcmp(*input, canonical) == 0) {
        nv->text = *input;
        nv->heap = *input_heap;
        *input = NULL;
        return;
    }
    nv->text = rec_strndup(r, canonical, strlen(canonical), &nv->heap);
}

/* Decimal text of v (buf: at least 21 bytes), as "%" PRId64 writes it. */
static void format_int(char *buf, int64_t v)
{
    char tmp[24], *p = tmp + sizeof tmp;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    *--p = '\0';
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    memcpy(buf, p, (size_t)(tmp + sizeof tmp - p));
}

static int field_error(const jy_record *r, const jy_field_info *f, const char *why)
{
    return jy__error(JY_EINVAL, "%s: field '%s': %s", r->info->name, f->name, why);
}

/* The longest value a field takes, in bytes of UTF-8 (a posting's
 * description of some thousand characters fits many times): a longer one is
 * a mistake (a whole file pasted into a cell), refused rather than stored. */
#define JY__FIELD_MAX_BYTES 65536u

static int set_field(jy_record *r, size_t index, const char *value, int utf8_checked);

int jy__record_set_field(jy_record *r, size_t index, const char *value)
{
    return set_field(r, index, value, 0);
}

int jy__record_set_checked_field(jy_record *r, size_t index, const char *value)
{
    return set_field(r, index, value, 1);
}

static int set_field(jy_record *r, size_t index, const char *value, int utf8_checked)
{
    const jy_field_info *f = &r->info->fields[index];
    jy__value *v = &r->values[index];
    if (!value) {
        value_reset(v);
        return JY_OK;
    }
    size_t bad = 0;
    if (!utf8_checked && jy_utf8_check(&bad, value, strlen(value)) != JY_OK)
        return jy__error(JY_EUTF8, "%s: field '%s': invalid UTF-8 at byte %zu", r->info->name,
                         f->name, bad);
    unsigned char t_heap = 0;
    char *t = trimmed_copy(r, value, &t_heap);
    if (!t)
        return JY_ENOMEM;
    if (strlen(t) > JY__FIELD_MAX_BYTES) {
        free(t);
        return jy__error(JY_EINVAL, "%s: field '%s': longer than %u bytes", r->info->name,
                         f->name, (unsigned)JY__FIELD_MAX_BYTES);
    }
    if (!*t) {
        /* Blank text is no value (an empty cell), for every type. */
        if (t_heap)
            free(t);
        value_reset(v);
        return JY_OK;
    }
    jy__value nv;
    memset(&nv, 0, sizeof nv);
    nv.set = 1;
    int rc = JY_OK;
    char buf[64];

    switch (f->type) {
    case JY_FIELD_TEXT:
        if (f->format == jy__fmt_enum) {
            int e = jy__enum_index(f, t);
            if (e < 0) {
                rc = field_error(r, f, "not one of the allowed values");
                break;
            }
            /* The catalogue's own string, not a copy. */
            nv.text = (char *)(uintptr_t)f->values[e];
            nv.heap = 0;
            break;
        }
        nv.text = t;
        nv.heap = t_heap;
        t = NULL;
        break;
    case JY_FIELD_INTEGER:
    case JY_FIELD_REFERENCE:
        if (!parse_int(&nv.i, t)) {
            rc = field_error(r, f, "not a whole number");
            break;
        }
        if (nv.i < f->min || nv.i > f->max) {
            rc = jy__error(JY_EINVAL, "%s: field '%s': %" PRId64 " is outside %" PRId64
                           "..%" PRId64, r->info->name, f->name, nv.i, f->min, f->max);
            break;
        }
        format_int(buf, nv.i);
        canonical_text(r, &nv, &t, &t_heap, buf);
        break;
    case JY_FIELD_REAL:
        if (!parse_real(&nv.r, t)) {
            rc = field_error(r, f, "not a number");
            break;
        }
        if (nv.r < (double)f->min || nv.r > (double)f->max) {
            rc = jy__error(JY_EINVAL, "%s: field '%s': %g is outside %" PRId64 "..%" PRId64,
                           r->info->name, f->name, nv.r, f->min, f->max);
            break;
        }
        format_real(buf, sizeof buf, nv.r);
        nv.text = rec_strndup(r, buf, strlen(buf), &nv.heap);
        break;
    case JY_FIELD_BOOL:
        if (!parse_bool(&nv.i, t)) {
            rc = field_error(r, f, "not a yes/no value (true, false, 是, 否...)");
            break;
        }
        nv.text = (char *)(uintptr_t)(nv.i ? "true" : "false");
        nv.heap = 0;
        break;
    case JY_FIELD_DATE:
        if (jy_date_parse(&nv.date, t) != JY_OK) {
            rc = field_error(r, f, jy_error_last()->code == JY_EINVAL
                                       ? "the date does not exist"
                                       : "not a date (YYYY-MM-DD)");
            break;
        }
        jy_date_format(buf, nv.date);
        canonical_text(r, &nv, &t, &t_heap, buf);
        break;
    case JY_FIELD_LIST: {
        size_t len = strlen(t), i = 0, start = 0;
        while (i <= len && rc == JY_OK) {
            unsigned int cp = 0;
            size_t n = i < len ? jy__utf8_decode(t + i, len - i, &cp) : 1;
            if (i == len || is_separator(cp)) {
                if (i > start) {
                    if (f->format == jy__fmt_enum) {
                        char *item = jy__strndup(t + start, i - start);
                        if (!item) {
                            rc = JY_ENOMEM;
                            break;
                        }
                        int e = jy__enum_index(f, item);
                        free(item);
                        if (e < 0)
                            rc = field_error(r, f, "an item is not one of the allowed values");
                        else
                            rc = add_item(&nv, f->values[e], strlen(f->values[e]));
                    } else {
                        rc = add_item(&nv, t + start, i - start);
                    }
                }
                start = i + n;
            }
            i += n;
        }
        if (rc == JY_OK)
            rc = join_items(&nv);
        break;
    }
    }
    if (t_heap)
        free(t);
    if (rc == JY_OK && !nv.text)
        rc = jy__error_nomem();
    if (rc != JY_OK || (f->type == JY_FIELD_LIST && nv.item_count == 0)) {
        /* A list of separators only has no item: no value either. */
        value_reset(&nv);
        if (rc == JY_OK)
            value_reset(v);
        return rc;
    }
    value_reset(v);
    *v = nv;
    return JY_OK;
}

int jy__record_set_id(jy_record *r, int64_t id)
{
    char buf[24], *p = buf + sizeof buf;
    uint64_t u = (uint64_t)id; /* ids are positive */
    *--p = '\0';
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    unsigned char heap = 0;
    char *text = rec_strndup(r, p, (size_t)(buf + sizeof buf - 1 - p), &heap);
    if (!text)
        return JY_ENOMEM;
    jy__value *v = &r->values[0];
    value_reset(v);
    v->set = 1;
    v->i = id;
    v->text = text;
    v->heap = heap;
    return JY_OK;
}

/* ---- Public setters and getters ----------------------------------------- */

int jy_record_set_text(jy_record *record, const char *field, const char *value)
{
    size_t i = 0;
    int rc = find_field(&i, record, field, "jy_record_set_text");
    return rc == JY_OK ? jy__record_set_field(record, i, value) : rc;
}

int jy_record_set_int(jy_record *record, const char *field, int64_t value)
{
    size_t i = 0;
    int rc = find_field(&i, record, field, "jy_record_set_int");
    if (rc != JY_OK)
        return rc;
    jy_field_type t = record->info->fields[i].type;
    if (t != JY_FIELD_INTEGER && t != JY_FIELD_REFERENCE && t != JY_FIELD_BOOL &&
        t != JY_FIELD_REAL)
        return field_error(record, &record->info->fields[i], "not a numeric field");
    if (t == JY_FIELD_BOOL && value != 0 && value != 1)
        return field_error(record, &record->info->fields[i], "a yes/no field takes 0 or 1");
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRId64, value);
    return jy__record_set_field(record, i, buf);
}

int jy_record_set_real(jy_record *record, const char *field, double value)
{
    size_t i = 0;
    int rc = find_field(&i, record, field, "jy_record_set_real");
    if (rc != JY_OK)
        return rc;
    jy_field_type t = record->info->fields[i].type;
    if (!isfinite(value))
        return field_error(record, &record->info->fields[i], "not a finite number");
    if (t == JY_FIELD_INTEGER || t == JY_FIELD_REFERENCE) {
        if (fabs(value) > 9.0e15 || value != (double)(int64_t)value)
            return field_error(record, &record->info->fields[i], "not a whole number");
        return jy_record_set_int(record, field, (int64_t)value);
    }
    if (t != JY_FIELD_REAL)
        return field_error(record, &record->info->fields[i], "not a numeric field");
    char buf[64];
    format_real(buf, sizeof buf, value);
    return jy__record_set_field(record, i, buf);
}

int jy_record_set_date(jy_record *record, const char *field, jy_date value)
{
    size_t i = 0;
    int rc = find_field(&i, record, field, "jy_record_set_date");
    if (rc != JY_OK)
        return rc;
    if (record->info->fields[i].type != JY_FIELD_DATE)
        return field_error(record, &record->info->fields[i], "not a date field");
    char buf[JY_DATE_TEXT_SIZE];
    if (jy_date_format(buf, value) != JY_OK)
        return field_error(record, &record->info->fields[i], "the date does not exist");
    return jy__record_set_field(record, i, buf);
}

int jy_record_add_item(jy_record *record, const char *field, const char *item)
{
    size_t i = 0;
    int rc = find_field(&i, record, field, "jy_record_add_item");
    if (rc != JY_OK)
        return rc;
    const jy_field_info *f = &record->info->fields[i];
    if (f->type != JY_FIELD_LIST)
        return field_error(record, f, "not a list field");
    if (!item)
        return jy__error(JY_EINVAL, "jy_record_add_item: item is NULL");
    /* Re-parse the whole list with the new item: one path for all checks. */
    jy__value *v = &record->values[i];
    size_t total = (v->text ? strlen(v->text) : 0) + strlen(item) + 2;
    char *joined = jy__malloc(total);
    if (!joined)
        return JY_ENOMEM;
    snprintf(joined, total, "%s%s%s", v->text ? v->text : "", v->text && *v->text ? "|" : "",
             item);
    size_t before = v->item_count;
    jy__value saved = *v;
    memset(v, 0, sizeof *v);
    rc = jy__record_set_field(record, i, joined);
    free(joined);
    if (rc == JY_OK && record->values[i].item_count != before + 1) {
        /* The item was empty or held a separator: refuse rather than split. */
        rc = field_error(record, f, "an item must be one non-empty value without separators");
    }
    if (rc != JY_OK) {
        /* A refused item leaves the list as it was. */
        value_reset(v);
        *v = saved;
        return rc;
    }
    value_reset(&saved);
    return JY_OK;
}

int jy_record_clear(jy_record *record, const char *field)
{
    size_t i = 0;
    int rc = find_field(&i, record, field, "jy_record_clear");
    if (rc != JY_OK)
        return rc;
    value_reset(&record->values[i]);
    return JY_OK;
}

/* The value of a set field, or NULL with *rc holding the error. */
static const jy__value *get_value(int *rc, size_t *index, const jy_record *record,
                                  const char *field, const char *fn)
{
    size_t i = 0;
    *rc = find_field(&i, record, field, fn);
    *index = i;
    if (*rc != JY_OK)
        return NULL;
    if (!record->values[i].set) {
        *rc = jy__error(JY_ENOTFOUND, "%s: field '%s' is not set", record->info->name, field);
        return NULL;
    }
    return &record->values[i];
}

int jy_record_get_text(const char **out, const jy_record *record, const char *field)
{
    const jy__value *v = NULL;
    if (!out)
        return jy__error(JY_EINVAL, "jy_record_get_text: out is NULL");
    int rc = JY_OK;
    size_t fi = 0;
    v = get_value(&rc, &fi, record, field, "jy_record_get_text");
    if (v)
        *out = v->text;
    return rc;
}

int jy_record_get_int(int64_t *out, const jy_record *record, const char *field)
{
    const jy__value *v = NULL;
    if (!out)
        return jy__error(JY_EINVAL, "jy_record_get_int: out is NULL");
    int rc = JY_OK;
    size_t fi = 0;
    v = get_value(&rc, &fi, record, field, "jy_record_get_int");
    if (!v)
        return rc;
    jy_field_type t = record->info->fields[fi].type;
    if (t != JY_FIELD_INTEGER && t != JY_FIELD_REFERENCE && t != JY_FIELD_BOOL)
        return jy__error(JY_EINVAL, "%s: field '%s' is not an integer", record->info->name, field);
    *out = v->i;
    return JY_OK;
}

int jy_record_get_real(double *out, const jy_record *record, const char *field)
{
    const jy__value *v = NULL;
    if (!out)
        return jy__error(JY_EINVAL, "jy_record_get_real: out is NULL");
    int rc = JY_OK;
    size_t fi = 0;
    v = get_value(&rc, &fi, record, field, "jy_record_get_real");
    if (!v)
        return rc;
    jy_field_type t = record->info->fields[fi].type;
    if (t == JY_FIELD_REAL)
        *out = v->r;
    else if (t == JY_FIELD_INTEGER || t == JY_FIELD_REFERENCE)
        *out = (double)v->i;
    else
        return jy__error(JY_EINVAL, "%s: field '%s' is not a number", record->info->name, field);
    return JY_OK;
}

int jy_record_get_date(jy_date *out, const jy_record *record, const char *field)
{
    const jy__value *v = NULL;
    if (!out)
        return jy__error(JY_EINVAL, "jy_record_get_date: out is NULL");
    int rc = JY_OK;
    size_t fi = 0;
    v = get_value(&rc, &fi, record, field, "jy_record_get_date");
    if (!v)
        return rc;
    if (record->info->fields[fi].type != JY_FIELD_DATE)
        return jy__error(JY_EINVAL, "%s: field '%s' is not a date", record->info->name, field);
    *out = v->date;
    return JY_OK;
}

size_t jy_record_item_count(const jy_record *record, const char *field)
{
    if (!record || !field)
        return 0;
    int i = jy__field_index(record->info, field);
    if (i < 0 || record->info->fields[i].type != JY_FIELD_LIST)
        return 0;
    return record->values[i].item_count;
}

int jy_record_get_item(const char **out, const jy_record *record, const char *field,
                       size_t index)
{
    size_t i = 0;
    if (!out)
        return jy__error(JY_EINVAL, "jy_record_get_item: out is NULL");
    int rc = find_field(&i, record, field, "jy_record_get_item");
    if (rc != JY_OK)
        return rc;
    const jy__value *v = &record->values[i];
    if (index >= v->item_count)
        return jy__error(JY_ENOTFOUND, "%s: field '%s' has no item %zu", record->info->name,
                         field, index);
    *out = v->items[index];
    return JY_OK;
}
