/* Records as JSON objects (one JSON Lines line each), with masking. */
#include "record_internal.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *jy__mask(const jy_field_info *f, const char *value)
{
    size_t len = strlen(value);
    const char *fmt = f->format ? f->format : "";
    size_t keep_head, keep_tail;
    if (fmt == jy__fmt_id_number) {
        keep_head = 6;
        keep_tail = 2;
    } else if (fmt == jy__fmt_phone) {
        keep_head = 3;
        keep_tail = 4;
    } else {
        /* Names and free text: the first character, then one star per
         * character hidden (at least one). */
        unsigned int cp;
        size_t first = jy__utf8_decode(value, len, &cp);
        size_t chars = 0;
        jy_utf8_length(&chars, value, len);
        size_t stars = chars > 1 ? chars - 1 : 1;
        char *out = jy__malloc(first + stars + 1);
        if (!out)
            return NULL;
        memcpy(out, value, first);
        memset(out + first, '*', stars);
        out[first + stars] = '\0';
        return out;
    }
    if (len <= keep_head + keep_tail) {
        char *out = jy__malloc(len + 1);
        if (out) {
            memset(out, '*', len);
            out[len] = '\0';
        }
        return out;
    }
    char *out = jy__strdup(value);
    if (out)
        memset(out + keep_head, '*', len - keep_head - keep_tail);
    return out;
}

const jy_field_info *jy__personal_field(const jy_record *r, size_t index)
{
    const jy_field_info *f = &r->info->fields[index];
    if (r->info->kind == JY_KIND_LABOR_CHANGE &&
        (!strcmp(f->name, "old_value") || !strcmp(f->name, "new_value"))) {
        int fi = jy__field_index(r->info, "field");
        const jy_field_info *changed =
            fi >= 0 && r->values[fi].set ? jy_kind_field(JY_KIND_LABOR, r->values[fi].text) : NULL;
        if (changed)
            f = changed;
    }
    return (f->flags & JY_FIELD_PERSONAL) ? f : NULL;
}

int jy_record_to_json(char **out, const jy_record *record, unsigned int flags)
{
    if (out)
        *out = NULL;
    if (!out || !record)
        return jy__error(JY_EINVAL, "jy_record_to_json: NULL argument");
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return jy__error_nomem();
    int ok = 1;
    if (!(flags & JY_JSON_NO_TYPE))
        ok = cJSON_AddStringToObject(o, "type", record->info->name) != NULL;
    for (size_t i = 0; ok && i < record->info->field_count; i++) {
        const jy_field_info *f = &record->info->fields[i];
        const jy__value *v = &record->values[i];
        if (!v->set)
            continue;
        const jy_field_info *mask_as =
            flags & JY_JSON_UNMASK ? NULL : jy__personal_field(record, i);
        switch (f->type) {
        case JY_FIELD_INTEGER:
        case JY_FIELD_REFERENCE:
            ok = cJSON_AddNumberToObject(o, f->name, (double)v->i) != NULL;
            break;
        case JY_FIELD_REAL:
            ok = cJSON_AddNumberToObject(o, f->name, v->r) != NULL;
            break;
        case JY_FIELD_BOOL:
            ok = cJSON_AddBoolToObject(o, f->name, v->i != 0) != NULL;
            break;
        case JY_FIELD_LIST: {
            cJSON *a = cJSON_AddArrayToObject(o, f->name);
            ok = a != NULL;
            for (size_t k = 0; ok && k < v->item_count; k++) {
                cJSON *s = cJSON_CreateString(v->items[k]);
                ok = s && cJSON_AddItemToArray(a, s);
            }
            break;
        }
        case JY_FIELD_TEXT:
        case JY_FIELD_DATE:
            if (mask_as) {
                char *m = jy__mask(mask_as, v->text);
                ok = m && cJSON_AddStringToObject(o, f->name, m) != NULL;
                free(m);
            } else {
                ok = cJSON_AddStringToObject(o, f->name, v->text) != NULL;
            }
            break;
        }
    }
    char *text = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (!text)
        return jy__error_nomem();
    /* cJSON allocates with malloc; hand out our allocator's buffer. */
    *out = jy__strdup(text);
    free(text);
    return *out ? JY_OK : JY_ENOMEM;
}

/* JSON value -> text for jy__record_set_field; lists become "a|b|c". */
static int json_value_text(char **out, const cJSON *item, const jy_field_info *f)
{
    *out = NULL;
    if (cJSON_IsNull(item))
        return JY_OK;
    if (cJSON_IsString(item)) {
        *out = jy__strdup(item->valuestring);
        return *out ? JY_OK : JY_ENOMEM;
    }
    if (cJSON_IsBool(item)) {
        if (f->type != JY_FIELD_BOOL)
            return JY_EPARSE;
        *out = jy__strdup(cJSON_IsTrue(item) ? "true" : "false");
        return *out ? JY_OK : JY_ENOMEM;
    }
    if (cJSON_IsNumber(item)) {
        if (f->type != JY_FIELD_INTEGER && f->type != JY_FIELD_REFERENCE &&
            f->type != JY_FIELD_REAL && f->type != JY_FIELD_BOOL)
            return JY_EPARSE;
        char buf[64];
        double d = item->valuedouble;
        if (f->type == JY_FIELD_REAL)
            snprintf(buf, sizeof buf, "%.17g", d);
        else if (!(d <= 9.0e15 && d >= -9.0e15) || d != (double)(long long)d)
            return JY_EINVAL; /* range first: converting a larger (or infinite, or
                                 NaN) double to long long is undefined behaviour */
        else
            snprintf(buf, sizeof buf, "%lld", (long long)d);
        *out = jy__strdup(buf);
        return *out ? JY_OK : JY_ENOMEM;
    }
    if (cJSON_IsArray(item)) {
        if (f->type != JY_FIELD_LIST)
            return JY_EPARSE;
        size_t total = 1;
        const cJSON *e;
        cJSON_ArrayForEach(e, item) {
            if (!cJSON_IsString(e))
                return JY_EPARSE;
            total += strlen(e->valuestring) + 1;
        }
        char *s = jy__malloc(total);
        if (!s)
            return JY_ENOMEM;
        size_t used = 0;
        cJSON_ArrayForEach(e, item) {
            size_t n = strlen(e->valuestring);
            if (used)
                s[used++] = '|';
            memcpy(s + used, e->valuestring, n);
            used += n;
        }
        s[used] = '\0';
        *out = s;
        return JY_OK;
    }
    return JY_EPARSE;
}

int jy__record_from_cjson(jy_record **out, const cJSON *o, jy_kind kind, jy_located_error *err);

int jy__record_from_cjson(jy_record **out, const cJSON *o, jy_kind kind, jy_located_error *err)
{
    *out = NULL;
    if (!cJSON_IsObject(o))
        return jy__located(err, JY_EPARSE, 0, 0, 0, NULL, "expected a JSON object");
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(o, "type");
    if (type) {
        if (!cJSON_IsString(type))
            return jy__located(err, JY_EPARSE, 0, 0, 0, "type", "type must be a string");
        jy_kind named;
        if (jy_kind_from_name(&named, type->valuestring) != JY_OK)
            return jy__located(err, JY_ENOTFOUND, 0, 0, 0, "type", "unknown record type");
        if (kind && named != kind)
            return jy__located(err, JY_EINVAL, 0, 0, 0, "type", "type '%s' where '%s' was expected",
                               jy_kind_name(named), jy_kind_name(kind));
        kind = named;
    } else if (!kind) {
        return jy__located(err, JY_EPARSE, 0, 0, 0, "type", "missing member 'type'");
    }
    jy_record *r = NULL;
    int rc = jy_record_new(&r, kind);
    if (rc != JY_OK)
        return jy__located(err, rc, 0, 0, 0, NULL, "%s", jy_error_last()->message);
    const cJSON *item;
    cJSON_ArrayForEach(item, o) {
        if (!strcmp(item->string, "type"))
            continue;
        int i = jy__field_index(r->info, item->string);
        if (i < 0) {
            rc = jy__located(err, JY_ENOTFOUND, 0, 0, 0, item->string, "%s has no such field",
                             r->info->name);
            break;
        }
        const jy_field_info *f = &r->info->fields[i];
        char *text = NULL;
        rc = json_value_text(&text, item, f);
        if (rc == JY_EPARSE) {
            rc = jy__located(err, JY_EPARSE, 0, 0, 0, f->name, "wrong JSON type for a %s field",
                             f->type == JY_FIELD_LIST ? "list" :
                             f->type == JY_FIELD_BOOL ? "yes/no" :
                             f->type == JY_FIELD_TEXT || f->type == JY_FIELD_DATE ? "text"
                                                                                 : "numeric");
            break;
        }
        if (rc == JY_EINVAL) {
            rc = jy__located(err, JY_EINVAL, 0, 0, 0, f->name, "not a whole number");
            break;
        }
        if (rc != JY_OK) {
            rc = jy__located(err, rc, 0, 0, 0, f->name, "out of memory");
            break;
        }
        rc = jy__record_set_field(r, (size_t)i, text);
        free(text);
        if (rc != JY_OK) {
            /* The message names kind and field; keep its reason. */
            const char *msg = jy_error_last()->message;
            const char *why = strstr(msg, "': ");
            rc = jy__located(err, rc, 0, 0, 0, f->name, "%s", why ? why + 3 : msg);
            break;
        }
    }
    if (rc != JY_OK) {
        jy_record_free(r);
        return rc;
    }
    *out = r;
    return JY_OK;
}

int jy_record_from_json(jy_record **out, const char *json, size_t len, jy_kind kind,
                        jy_located_error *err)
{
    jy__located_reset(err, "<memory>");
    if (out)
        *out = NULL;
    if (!out || (!json && len))
        return jy__located(err, JY_EINVAL, 0, 0, 0, NULL, "jy_record_from_json: NULL argument");
    if (kind && !jy__kind(kind))
        return jy__located(err, JY_EINVAL, 0, 0, 0, NULL, "%d is not a record kind", (int)kind);
    char *copy = jy__strndup(json ? json : "", len);
    if (!copy)
        return JY_ENOMEM;
    cJSON *root = NULL;
    int rc = jy__json_parse(&root, copy, len, err);
    free(copy);
    if (rc != JY_OK)
        return rc;
    rc = jy__record_from_cjson(out, root, kind, err);
    cJSON_Delete(root);
    return rc;
}
