/*
 * The matcher's JSON input and output: postings and profiles from JSON
 * objects and JSON Lines files, and the batch mode's output line.
 */
#include "match_internal.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Strings of one input object: borrowed from the cJSON tree, except ids
 * given as numbers (printed into idbuf) and the skills array. */
typedef struct jin {
    char idbuf[32];
    const char **skills;
    size_t nskills;
} jin;

static int field_err(jy_located_error *err, const char *field, const char *why)
{
    return jy__located(err, JY_EPARSE, 0, 0, 0, field, "field %s: %s", field, why);
}

static int get_str(const char **out, const cJSON *o, const char *name, jy_located_error *err)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    *out = NULL;
    if (!v || cJSON_IsNull(v))
        return JY_OK;
    if (!cJSON_IsString(v))
        return field_err(err, name, "expected a string");
    *out = v->valuestring;
    return JY_OK;
}

static int get_int(int *out, const cJSON *o, const char *name, jy_located_error *err)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    *out = 0;
    if (!v || cJSON_IsNull(v))
        return JY_OK;
    if (!cJSON_IsNumber(v))
        return field_err(err, name, "expected a number");
    double d = v->valuedouble;
    if (d != d || d < 0 || d > 100000000.0)
        return field_err(err, name, "expected a number from 0 to 100000000");
    *out = (int)d;
    return JY_OK;
}

/* An optional boolean: *out keeps its value when the field is absent. */
static int get_bool(int *out, const cJSON *o, const char *name, jy_located_error *err)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!v || cJSON_IsNull(v))
        return JY_OK;
    if (!cJSON_IsBool(v))
        return field_err(err, name, "expected true or false");
    *out = cJSON_IsTrue(v) ? 1 : 0;
    return JY_OK;
}

static int get_date(jy_date *out, const cJSON *o, const char *name, jy_located_error *err)
{
    const char *s;
    memset(out, 0, sizeof *out);
    int rc = get_str(&s, o, name, err);
    if (rc || !s)
        return rc;
    if (jy_date_parse(out, s) != JY_OK)
        return field_err(err, name, "expected a date YYYY-MM-DD");
    return JY_OK;
}

static int get_id(const char **out, jin *in, const cJSON *o, jy_located_error *err)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "id");
    *out = NULL;
    if (!v || cJSON_IsNull(v))
        return JY_OK;
    if (cJSON_IsString(v)) {
        *out = v->valuestring;
        return JY_OK;
    }
    /* The range first: converting a double beyond long long is undefined. */
    if (cJSON_IsNumber(v) && v->valuedouble > -9223372036854775808.0 &&
        v->valuedouble < 9223372036854775808.0 &&
        v->valuedouble == (double)(long long)v->valuedouble) {
        snprintf(in->idbuf, sizeof in->idbuf, "%lld", (long long)v->valuedouble);
        *out = in->idbuf;
        return JY_OK;
    }
    return field_err(err, "id", "expected a string or an integer");
}

static int get_skills(jin *in, const cJSON *o, jy_located_error *err)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "skills");
    in->skills = NULL;
    in->nskills = 0;
    if (!v || cJSON_IsNull(v))
        return JY_OK;
    if (cJSON_IsString(v)) { /* one skill as a string: accepted */
        in->skills = jy__malloc(sizeof *in->skills);
        if (!in->skills)
            return JY_ENOMEM;
        in->skills[0] = v->valuestring;
        in->nskills = 1;
        return JY_OK;
    }
    if (!cJSON_IsArray(v))
        return field_err(err, "skills", "expected a list of strings");
    size_t n = 0;
    for (const cJSON *e = v->child; e; e = e->next) {
        if (!cJSON_IsString(e))
            return field_err(err, "skills", "expected a list of strings");
        n++;
    }
    if (n > JY_MATCH_MAX_SKILLS)
        n = JY_MATCH_MAX_SKILLS; /* documented truncation */
    in->skills = jy__malloc((n ? n : 1) * sizeof *in->skills);
    if (!in->skills)
        return JY_ENOMEM;
    size_t i = 0;
    for (const cJSON *e = v->child; e && i < n; e = e->next)
        in->skills[i++] = e->valuestring;
    in->nskills = n;
    return JY_OK;
}

static int posting_from(jy_posting_input *p, jin *in, const cJSON *o, jy_located_error *err)
{
    jy_posting_input d = JY_POSTING_INPUT_INIT;
    *p = d;
    int rc;
    if ((rc = get_id(&p->id, in, o, err)) || (rc = get_str(&p->title, o, "title", err)) ||
        (rc = get_str(&p->description, o, "description", err)) ||
        (rc = get_str(&p->enterprise, o, "enterprise", err)) ||
        (rc = get_str(&p->township, o, "township", err)) || (rc = get_int(&p->salary_min, o, "salary_min", err)) ||
        (rc = get_int(&p->salary_max, o, "salary_max", err)) || (rc = get_int(&p->age_min, o, "age_min", err)) ||
        (rc = get_int(&p->age_max, o, "age_max", err)) || (rc = get_str(&p->education, o, "education", err)) ||
        (rc = get_str(&p->kind, o, "kind", err)) || (rc = get_int(&p->headcount, o, "headcount", err)) ||
        (rc = get_date(&p->published_on, o, "published_on", err)) ||
        (rc = get_date(&p->closed_on, o, "closed_on", err)) || (rc = get_skills(in, o, err)))
        return rc;
    p->skills = in->skills;
    p->skill_count = in->nskills;
    return JY_OK;
}

static int profile_from(jy_profile_input *q, jin *in, const cJSON *o, jy_located_error *err)
{
    jy_profile_input d = JY_PROFILE_INPUT_INIT;
    *q = d;
    int rc;
    /* "wishes" and "salary_wish" are the ledger's names: accepted too. */
    if ((rc = get_id(&q->id, in, o, err)) || (rc = get_str(&q->text, o, "text", err)) ||
        (rc = get_str(&q->township, o, "township", err)) || (rc = get_int(&q->age, o, "age", err)) ||
        (rc = get_int(&q->salary_min, o, "salary_min", err)) ||
        (rc = get_str(&q->education, o, "education", err)) || (rc = get_str(&q->kind, o, "kind", err)) ||
        (rc = get_skills(in, o, err)))
        return rc;
    if (!q->text && (rc = get_str(&q->text, o, "wishes", err)))
        return rc;
    if (!q->salary_min && (rc = get_int(&q->salary_min, o, "salary_wish", err)))
        return rc;
    q->skills = in->skills;
    q->skill_count = in->nskills;
    return JY_OK;
}

/* Parses one object; errors located with `line`. */
static int parse_obj(cJSON **out, const char *json, size_t len, jy_located_error *err)
{
    /* jy__json_parse wants text[len] == '\0'; the caller's text need not
     * have it, and json[len] may lie past its buffer: always parse a copy. */
    char *copy = jy__strndup(json, len);
    if (!copy)
        return jy__located(err, JY_ENOMEM, 0, 0, 0, "", "out of memory");
    int rc = jy__json_parse(out, copy, len, err);
    free(copy);
    if (rc)
        return rc;
    if (!cJSON_IsObject(*out)) {
        cJSON_Delete(*out);
        *out = NULL;
        return jy__located(err, JY_EPARSE, 0, 0, 0, "", "expected a JSON object");
    }
    return JY_OK;
}

void jy__match_error_field(char *out, size_t cap, const char *m)
{
    out[0] = '\0';
    if (!strncmp(m, "posting: ", 9) || !strncmp(m, "profile: ", 9))
        m += 9;
    else
        return;
    if (!strncmp(m, "field ", 6))
        m += 6;
    /* The first word, when it is a field name ("age_min/age_max must..."). */
    const char *end = m;
    while ((*end >= 'a' && *end <= 'z') || *end == '_' || *end == '/')
        end++;
    if (end == m || (*end != ' ' && *end != ':') || (size_t)(end - m) >= cap)
        return;
    memcpy(out, m, (size_t)(end - m));
    out[end - m] = '\0';
}

static int add_obj(jy_match_index *ix, const cJSON *o, jy_located_error *err)
{
    jin in;
    memset(&in, 0, sizeof in);
    int rc;
    if (ix->side == JY_MATCH_POSTINGS) {
        jy_posting_input p;
        rc = posting_from(&p, &in, o, err);
        if (!rc && !p.id)
            rc = field_err(err, "id", "missing");
        if (!rc)
            rc = jy_match_index_update(ix, &p);
    } else {
        jy_profile_input q;
        rc = profile_from(&q, &in, o, err);
        if (!rc && !q.id)
            rc = field_err(err, "id", "missing");
        if (!rc)
            rc = jy_match_index_put_profile(ix, &q);
    }
    free(in.skills);
    if (rc && err && err->code == JY_OK) { /* an error of the index: locate it too */
        jy__saved_error s;
        jy__error_save(&s);
        char field[JY_LOCATION_FIELD_MAX];
        jy__match_error_field(field, sizeof field, s.message);
        jy__located(err, rc, 0, 0, 0, field, "%s", s.message);
        jy__error_restore(&s);
    }
    return rc;
}

int jy_match_index_add_json(jy_match_index *ix, const char *text, size_t len, jy_located_error *err)
{
    jy__located_reset(err, "<memory>");
    if (!ix || !text)
        return jy__error(JY_EINVAL, "jy_match_index_add_json: NULL argument");
    cJSON *o = NULL;
    int rc = parse_obj(&o, text, len, err);
    if (rc)
        return rc;
    rc = add_obj(ix, o, err);
    cJSON_Delete(o);
    return rc;
}

/* Next line of buf[*pos..len): start and length without the line break. */
static int next_line(const char *buf, size_t len, size_t *pos, size_t *start, size_t *n)
{
    if (*pos >= len)
        return 0;
    *start = *pos;
    const char *nl = memchr(buf + *pos, '\n', len - *pos);
    size_t end = nl ? (size_t)(nl - buf) : len;
    *pos = nl ? end + 1 : len;
    *n = end - *start;
    if (*n && buf[*start + *n - 1] == '\r')
        (*n)--;
    return 1;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

/* One pass over the lines of a JSON Lines buffer, adding each to `ix`. */
static int load_lines(size_t *count, jy_match_index *ix, char *buf, size_t len, const char *path,
                      jy_located_error *err)
{
    size_t pos = 0, start, n, line = 0;
    int rc = JY_OK;
    *count = 0;
    /* A BOM at the start is skipped. */
    if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
        pos = 3;
    while (next_line(buf, len, &pos, &start, &n)) {
        line++;
        if (blank(buf + start, n))
            continue;
        char saved = buf[start + n];
        buf[start + n] = '\0';
        cJSON *o = NULL;
        rc = parse_obj(&o, buf + start, n, err);
        if (!rc) {
            rc = add_obj(ix, o, err);
            cJSON_Delete(o);
        }
        buf[start + n] = saved;
        if (rc) {
            if (err) {
                err->record = line;
                err->line = line;
                jy__strlcpy_utf8(err->source, sizeof err->source, path);
            }
            jy__saved_error s;
            jy__error_save(&s);
            jy__error(rc, "%s:%zu: %s", path, line, s.message);
            return rc;
        }
        (*count)++;
    }
    return JY_OK;
}

int jy_match_index_load_jsonl(size_t *out_count, jy_match_index *ix, const char *path, jy_located_error *err)
{
    if (out_count)
        *out_count = 0;
    jy__located_reset(err, path ? path : "<memory>");
    if (!ix || !path)
        return jy__error(JY_EINVAL, "jy_match_index_load_jsonl: NULL argument");
    char *buf = NULL;
    size_t len = 0;
    int rc = jy__read_file(&buf, &len, path, (size_t)4 << 30, err);
    if (rc)
        return rc;
    /* All or nothing: every line is first added to a scratch index of the
     * same side and county (without the vocabulary expansion, which cannot
     * refuse a document), so that a bad line is found before the index
     * changes; only then are the lines added to the index itself, where
     * nothing but a lack of memory can fail. */
    size_t count = 0;
    jy_match_index *scratch = NULL;
    pthread_rwlock_rdlock(&ix->lock);
    const jy_county *county = ix->county;
    pthread_rwlock_unlock(&ix->lock);
    rc = jy_match_index_new(&scratch, ix->side, county);
    if (!rc)
        rc = jy_match_index_use_vocab(scratch, NULL);
    if (!rc)
        rc = load_lines(&count, scratch, buf, len, path, err);
    jy_match_index_free(scratch);
    if (!rc)
        rc = load_lines(&count, ix, buf, len, path, err);
    free(buf);
    if (out_count)
        *out_count = rc ? 0 : count;
    return rc;
}

int jy_match_query_json(char **out, jy_match_results *r, const jy_match_index *ix, const char *text,
                        size_t len, const jy_match_options *opts, jy_located_error *err)
{
    jy__located_reset(err, "<memory>");
    if (!out || !r || !ix || !text)
        return jy__error(JY_EINVAL, "jy_match_query_json: NULL argument");
    *out = NULL;
    cJSON *o = NULL;
    int rc = parse_obj(&o, text, len, err);
    if (rc)
        return rc;
    jy_match_options local;
    if ((rc = jy__match_options_get(&local, opts)) != JY_OK) {
        cJSON_Delete(o);
        return rc;
    }
    int top = 0;
    jy_date day;
    if ((rc = get_int(&top, o, "top_k", err)) || (rc = get_date(&day, o, "date", err)) ||
        (rc = get_bool(&local.fallback, o, "fallback", err))) {
        cJSON_Delete(o);
        return rc;
    }
    if (top)
        local.top_k = (size_t)top;
    if (day.year)
        local.today = day;
    opts = &local;
    jin in;
    memset(&in, 0, sizeof in);
    char *buf = NULL;
    size_t blen = 0, cap = 0;
    const cJSON *idv = cJSON_GetObjectItemCaseSensitive(o, "id");
    if (ix->side == JY_MATCH_POSTINGS) {
        jy_profile_input q;
        rc = profile_from(&q, &in, o, err);
        if (!rc)
            rc = jy_match_query(r, ix, &q, opts);
    } else {
        jy_posting_input p;
        rc = posting_from(&p, &in, o, err);
        if (!rc)
            rc = jy_match_query_posting(r, ix, &p, opts);
    }
    if (rc && err && err->code == JY_OK) {
        jy__saved_error s;
        jy__error_save(&s);
        char field[JY_LOCATION_FIELD_MAX];
        jy__match_error_field(field, sizeof field, s.message);
        jy__located(err, rc, 0, 0, 0, field, "%s", s.message);
        jy__error_restore(&s);
    }
    if (!rc) {
        char num[64];
        int bad = 0;
        bad |= jy__match_buf_put(&buf, &blen, &cap, "{\"query\":");
        if (idv && cJSON_IsString(idv))
            bad |= jy__json_quote(&buf, &blen, &cap, idv->valuestring);
        else if (idv && cJSON_IsNumber(idv)) {
            snprintf(num, sizeof num, "%.17g", idv->valuedouble);
            bad |= jy__match_buf_put(&buf, &blen, &cap, num);
        } else
            bad |= jy__match_buf_put(&buf, &blen, &cap, "null");
        bad |= jy__match_buf_put(&buf, &blen, &cap, ",\"results\":[");
        for (size_t i = 0; i < r->count && !bad; i++) {
            const jy_match_result *res = &r->items[i];
            if (i)
                bad |= jy__match_buf_put(&buf, &blen, &cap, ",");
            bad |= jy__match_buf_put(&buf, &blen, &cap, "{\"posting\":");
            if (ix->side == JY_MATCH_JOBSEEKERS) {
                blen -= 11;
                buf[blen] = '\0';
                bad |= jy__match_buf_put(&buf, &blen, &cap, "{\"jobseeker\":");
            }
            bad |= jy__json_quote(&buf, &blen, &cap, res->id);
            snprintf(num, sizeof num, ",\"score\":%.4f,\"why\":", res->score);
            bad |= jy__match_buf_put(&buf, &blen, &cap, num);
            bad |= jy__match_why_append(&buf, &blen, &cap, res);
            bad |= jy__match_buf_put(&buf, &blen, &cap, "}");
        }
        bad |= jy__match_buf_put(&buf, &blen, &cap, "]}");
        if (bad) {
            free(buf);
            rc = jy__error_nomem();
        } else {
            *out = buf;
        }
    }
    free(in.skills);
    cJSON_Delete(o);
    return rc;
}
