/*
 * Interchange: importing JSON Lines and CSV into the ledgers, exporting them.
 *
 * Import reads one record at a time from a decoding input stream
 * (instream.c), turns it into a jy_record (record_json.c for JSON, the CSV
 * header's column map for CSV), looks up references given by a natural key
 * (an enterprise's name or credit code, a person's ID number) instead of an
 * id, redirects references to ids of the same file, and stores it with
 * jy_ledger_save(), which checks every rule and writes a record whole or not
 * at all. Transactions group the writes: one for an all-or-nothing import,
 * batches for a keep-the-good-ones import.
 *
 * Export walks the ledgers with the public iterator and writes each record
 * as JSON (jy_record_to_json) or as a CSV row, personal fields masked with
 * the same jy__mask() unless the caller asked for clear text, in which case
 * the export is written to the database's audit log first.
 */
#include "io_internal.h"

#include "db_internal.h"
#include "record_internal.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* record_json.c: a record from a parsed JSON object (located errors). */
int jy__record_from_cjson(jy_record **out, const cJSON *o, jy_kind kind, jy_located_error *err);

/* Records per transaction in JY_IMPORT_KEEP_GOOD mode. */
#define BATCH_SIZE 50000u
/* Records between two progress reports. */
#define PROGRESS_EVERY 10000u

int jy_import_options_init(jy_import_options *opts)
{
    static const jy_import_options defaults = JY_IMPORT_OPTIONS_INIT;
    if (!opts)
        return jy__error(JY_EINVAL, "jy_import_options_init: opts is NULL");
    *opts = defaults;
    return JY_OK;
}

int jy_export_options_init(jy_export_options *opts)
{
    static const jy_export_options defaults = JY_EXPORT_OPTIONS_INIT;
    if (!opts)
        return jy__error(JY_EINVAL, "jy_export_options_init: opts is NULL");
    *opts = defaults;
    return JY_OK;
}

static int ends_with_csv(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    if (n < 4)
        return 0;
    const char *e = path + n - 4;
    return e[0] == '.' && (e[1] == 'c' || e[1] == 'C') && (e[2] == 's' || e[2] == 'S') &&
           (e[3] == 'v' || e[3] == 'V');
}

static int ends_with_xlsx(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n >= 5 && !strcasecmp(path + n - 5, ".xlsx");
}

/* ---- File ids -> stored ids --------------------------------------------- */

/* Open addressing, int64 keys (a file's ids, never 0) to stored ids; a
 * stored id of 0 marks a record of the file that was rejected. Only ids
 * that differ from the stored one are kept, so importing an export into an
 * empty database keeps the map empty. */
typedef struct idmap {
    int64_t *keys;
    int64_t *values;
    size_t cap, count;
} idmap;

static size_t idmap_slot(const idmap *m, int64_t key)
{
    uint64_t h = (uint64_t)key * 0x9E3779B97F4A7C15u;
    size_t i = (size_t)(h >> 17) & (m->cap - 1);
    while (m->keys[i] != 0 && m->keys[i] != key)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static int idmap_put(idmap *m, int64_t key, int64_t value)
{
    if ((m->count + 1) * 2 > m->cap) {
        idmap bigger = { NULL, NULL, m->cap ? m->cap * 2 : 256, 0 };
        bigger.keys = jy__calloc(bigger.cap, sizeof *bigger.keys);
        bigger.values = jy__calloc(bigger.cap, sizeof *bigger.values);
        if (!bigger.keys || !bigger.values) {
            free(bigger.keys);
            free(bigger.values);
            return JY_ENOMEM;
        }
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i]) {
                size_t j = idmap_slot(&bigger, m->keys[i]);
                bigger.keys[j] = m->keys[i];
                bigger.values[j] = m->values[i];
                bigger.count++;
            }
        free(m->keys);
        free(m->values);
        *m = bigger;
    }
    size_t i = idmap_slot(m, key);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->count++;
    }
    m->values[i] = value;
    return JY_OK;
}

/* Returns 1 and the stored id (0: rejected) if the file's id is mapped. */
static int idmap_get(const idmap *m, int64_t key, int64_t *out)
{
    if (!m->cap)
        return 0;
    size_t i = idmap_slot(m, key);
    if (!m->keys[i])
        return 0;
    *out = m->values[i];
    return 1;
}

/* ---- Import --------------------------------------------------------------- */

typedef struct importer {
    jy_db *db;
    jy_import_options o;
    jy_import_stats st;
    jy_import_stats committed; /* st as of the last commit (KEEP_GOOD) */
    char source[JY_LOCATION_SOURCE_MAX];
    jy__instream in;
    int in_tx;
    size_t batch;          /* records since the transaction began */
    size_t records;        /* records read, good and bad */
    int stop;              /* non-zero: a callback's value, import stops */
    int referenced[JY_KIND_END];
    idmap maps[JY_KIND_END];
} importer;

static void importer_free(importer *im)
{
    for (int k = 0; k < JY_KIND_END; k++) {
        free(im->maps[k].keys);
        free(im->maps[k].values);
    }
    jy__instream_close(&im->in);
}

/* Reports a rejected record to the callback and counts it. */
static int reject(importer *im, int code, size_t line, size_t column, const char *field,
                  const char *fmt, ...) JY__PRINTF(6, 7);

static int reject(importer *im, int code, size_t line, size_t column, const char *field,
                  const char *fmt, ...)
{
    char text[JY_LOCATION_TEXT_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    jy_located_error e;
    jy__located_reset(&e, im->source);
    jy__located(&e, code, line, line, column, field, "%s", text);
    im->st.rejected++;
    if (im->o.on_reject && !im->stop) {
        int r = im->o.on_reject(&e, im->o.payload);
        if (r)
            im->stop = r;
    }
    return JY_OK;
}

/* Reports a located error from a parser, placing it at `line`. */
static int reject_located(importer *im, const jy_located_error *le, size_t line)
{
    return reject(im, le->code, line, le->column, le->field, "%s", le->text);
}

/* Splits the thread's last error ("kind: field 'x': why") into field and
 * reason for a rejection. */
static int reject_last_error(importer *im, int code, size_t line)
{
    char msg[512], field[JY_LOCATION_FIELD_MAX] = "";
    snprintf(msg, sizeof msg, "%s", jy_error_last()->message);
    const char *why = msg;
    char *f = strstr(msg, "field '");
    if (f) {
        char *name = f + 7;
        char *q = strchr(name, '\'');
        if (q) {
            *q = '\0';
            jy__strlcpy_utf8(field, sizeof field, name);
            why = q[1] == ':' && q[2] == ' ' ? q + 3 : q + 1;
        }
    } else {
        /* "labor: why" -> "why" */
        const char *colon = strstr(msg, ": ");
        if (colon && (size_t)(colon - msg) < 24)
            why = colon + 2;
    }
    return reject(im, code, line, 0, field, "%s", why);
}

static int is_fatal(int rc)
{
    return rc == JY_ENOMEM || rc == JY_ESTORAGE || rc == JY_EBUSY || rc == JY_EIO ||
           rc == JY_ERROR;
}

static int tx_begin(importer *im)
{
    int rc = jy_db_begin(im->db);
    if (rc == JY_OK) {
        im->in_tx = 1;
        im->batch = 0;
    }
    return rc;
}

static int tx_commit(importer *im)
{
    im->in_tx = 0;
    int rc = jy_db_commit(im->db);
    if (rc == JY_OK)
        im->committed = im->st;
    return rc;
}

static void tx_rollback(importer *im)
{
    if (!im->in_tx)
        return;
    im->in_tx = 0;
    /* Keep the error that made us roll back. */
    jy__saved_error saved;
    jy__error_save(&saved);
    jy_db_rollback(im->db);
    jy__error_restore(&saved);
}

static int progress(importer *im)
{
    if (im->o.on_progress && !im->stop) {
        int r = im->o.on_progress(im->records, im->in.bytes_in, im->in.bytes_total,
                                  im->o.payload);
        if (r)
            im->stop = r;
    }
    return JY_OK;
}

/* After each record: progress reports and batch commits. */
static int after_record(importer *im)
{
    im->records++;
    im->batch++;
    if (im->records % PROGRESS_EVERY == 0)
        progress(im);
    if (im->o.mode == JY_IMPORT_KEEP_GOOD && im->batch >= BATCH_SIZE && !im->stop) {
        int rc = tx_commit(im);
        if (rc == JY_OK)
            rc = tx_begin(im);
        return rc;
    }
    return JY_OK;
}

/* Stores one record (the caller keeps it, changed). `by_key` has bit i set when field i is a
 * reference that was given by a natural key and so already holds a database
 * id (not one of the file). Returns JY_OK when the record was stored or
 * rejected, or a fatal status. */
static int store(importer *im, jy_record *r, size_t line, uint64_t by_key)
{
    const jy__kind_info *k = r->info;
    int rc = JY_OK;
    if (!k->writable) {
        /* The history the library writes itself: skipped, counted. */
        im->st.warnings++;
        return JY_OK;
    }
    int64_t file_id = jy_record_id(r);
    jy__record_set_field(r, 0, NULL);

    /* References to records of the same file follow them to their new ids. */
    for (size_t i = 1; i < k->field_count; i++) {
        const jy_field_info *f = &k->fields[i];
        jy__value *v = &r->values[i];
        int64_t to;
        if (f->type != JY_FIELD_REFERENCE || !v->set || ((by_key >> i) & 1u) ||
            !idmap_get(&im->maps[f->ref_kind], v->i, &to))
            continue;
        if (to == 0) {
            reject(im, JY_ENOTFOUND, line, 0, f->name,
                   "refers to a %s of the file that was rejected", jy_kind_name((int)f->ref_kind));
            return JY_OK;
        }
        char buf[32];
        snprintf(buf, sizeof buf, "%" PRId64, to);
        if ((rc = jy__record_set_field(r, i, buf)) != JY_OK)
            return rc;
    }

    jy_save_result res;
    rc = jy_ledger_save(&res, im->db, r);
    if (rc != JY_OK) {
        if (is_fatal(rc))
            return rc;
        reject_last_error(im, rc, line);
        if (file_id > 0 && im->referenced[k->kind])
            return idmap_put(&im->maps[k->kind], file_id, 0);
        return JY_OK;
    }
    im->st.accepted++;
    if (res.updated)
        im->st.updated++;
    if (res.warnings)
        im->st.warnings++;
    if (file_id > 0 && im->referenced[k->kind]) {
        int64_t known;
        if (file_id != res.id || idmap_get(&im->maps[k->kind], file_id, &known))
            return idmap_put(&im->maps[k->kind], file_id, res.id);
    }
    return JY_OK;
}

/* A record of the file that was rejected before it was stored: references
 * to its id must not fall through to a record of the database. */
static int mark_rejected(importer *im, int kind, const char *id_text)
{
    if (kind <= 0 || kind >= JY_KIND_END || !im->referenced[kind] || !id_text)
        return JY_OK;
    char *end = NULL;
    errno = 0;
    long long id = strtoll(id_text, &end, 10);
    if (errno || end == id_text || *end || id <= 0)
        return JY_OK;
    return idmap_put(&im->maps[kind], (int64_t)id, 0);
}

/* The same for a JSON object that did not make a record. */
static int mark_rejected_json(importer *im, const cJSON *root)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(root, "type");
    jy_kind kind = im->o.kind;
    if (!cJSON_IsNumber(id) || id->valuedouble < 1 || id->valuedouble > 9.0e15 ||
        id->valuedouble != (double)(long long)id->valuedouble)
        return JY_OK;
    if (!kind && (!cJSON_IsString(type) || jy_kind_from_name(&kind, type->valuestring) != JY_OK))
        return JY_OK;
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)id->valuedouble);
    return mark_rejected(im, (int)kind, buf);
}

/* ---- References by natural key ------------------------------------------- */

/* Field bits of a record (store()'s `by_key`). */
_Static_assert(JY__MAX_FIELDS <= 64, "by_key holds one bit per field");

/* What resolve_reference() made of a reference's value. */
enum {
    REF_AS_ID,    /* an id (of the file or of the database), read as always */
    REF_FOUND,    /* a natural key, found: the database id is given */
    REF_REJECTED  /* neither: the record was rejected and reported */
};

/* Trims blanks (ASCII and the ideographic space) at both ends. */
static void trim_span(const char **s, size_t *len)
{
    const char *p = *s;
    size_t n = *len;
    for (;;) {
        if (n && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) {
            p++;
            n--;
        } else if (n >= 3 && memcmp(p, "\xE3\x80\x80", 3) == 0) {
            p += 3;
            n -= 3;
        } else {
            break;
        }
    }
    for (;;) {
        if (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r' || p[n - 1] == '\n'))
            n--;
        else if (n >= 3 && memcmp(p + n - 3, "\xE3\x80\x80", 3) == 0)
            n -= 3;
        else
            break;
    }
    *s = p;
    *len = n;
}

/* Is the (trimmed, valid UTF-8) text a whole number as a reference's value
 * has always been read: a sign, digits (full-width ones too), "12.0"?
 * *out_digits receives the number of digits. JY_OK or JY_ENOMEM. */
static int whole_number_text(int *out, size_t *out_digits, const char *s, size_t len)
{
    *out = 0;
    *out_digits = 0;
    char *norm = NULL;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) {
            size_t n = 0;
            int rc = jy_text_normalize(&norm, &n, s, len);
            if (rc != JY_OK)
                return rc == JY_ENOMEM ? rc : JY_OK;
            s = norm;
            len = n;
            trim_span(&s, &len);
            break;
        }
    size_t i = 0;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        i++;
    size_t first = i;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    size_t digits = i - first;
    if (digits && i < len && s[i] == '.') {
        i++;
        while (i < len && s[i] == '0')
            i++;
    }
    *out = digits > 0 && i == len;
    *out_digits = digits;
    free(norm);
    return JY_OK;
}

/* Does `key` look like a value of `f` (an ID number, a credit code)?
 * JY_OK if so, JY_EINVAL if not (*why: the rule it breaks), or a fatal
 * status. */
static int key_form_ok(const jy_field_info *f, const char *key, jy_reason *why)
{
    int rc;
    if (f->format == jy__fmt_id_number) {
        jy_id_info info;
        rc = jy_id_parse(&info, key);
        *why = info.reason;
    } else if (f->format == jy__fmt_credit_code) {
        jy_uscc_info info;
        rc = jy_uscc_parse(&info, key);
        *why = info.reason;
    } else {
        return JY_EINVAL;
    }
    return rc == JY_OK || rc == JY_ENOMEM ? rc : JY_EINVAL;
}

/* How a key field is called in a reason. */
static const char *key_words(const jy_field_info *f)
{
    if (f->format == jy__fmt_id_number)
        return "ID number";
    if (f->format == jy__fmt_credit_code)
        return "credit code";
    return f->name;
}

/* How a record of a kind is called in a reason. */
static const char *kind_words(const jy__kind_info *k)
{
    return k->kind == JY_KIND_LABOR ? "labor record" : k->name;
}

/* The other ways than an id of naming a kind's records in a reference, for
 * a reason: ", name or credit code", " or ID number", or a note that there
 * is none. */
static void other_ways(char *out, size_t size, const jy_field_info *coded,
                       const jy_field_info *plain)
{
    if (plain && coded)
        snprintf(out, size, ", %s or %s", key_words(plain), key_words(coded));
    else if (plain || coded)
        snprintf(out, size, " or %s", key_words(plain ? plain : coded));
    else
        snprintf(out, size, "%s", " (they are referred to by id only)");
}

/*
 * A reference (field `f`) whose value is not a record id names the record it
 * refers to by a natural key of the referenced kind: an enterprise by its
 * credit code (when the value is a valid one) or else its name, a labor
 * record by its ID number. Whole numbers of fewer than 15 digits are ids,
 * as always (the caller maps ids of the file), without any lookup; longer
 * ones are ID numbers and credit codes made of digits only, never ids. A
 * kind without a unique field (jobseekers, postings, events) is referred to
 * by id only. Reasons never quote the value (it may be an ID number).
 *
 * Sets *how (REF_AS_ID, REF_FOUND with *out_id, REF_REJECTED: reported)
 * and returns JY_OK, or a fatal status.
 */
static int resolve_reference(importer *im, size_t line, const jy_field_info *f,
                             const char *value, int *how, int64_t *out_id)
{
    *how = REF_AS_ID;
    *out_id = 0;
    const char *s = value;
    size_t len = strlen(value);
    trim_span(&s, &len);
    if (len == 0 || jy_utf8_check(NULL, s, len) != JY_OK)
        return JY_OK; /* no value, or not text: as always */
    int numeric = 0;
    size_t digits = 0;
    int rc = whole_number_text(&numeric, &digits, s, len);
    if (rc != JY_OK)
        return rc;
    if (numeric && digits < 15)
        return JY_OK; /* the usual case: an id */

    const jy__kind_info *rk = jy__kind((int)f->ref_kind);
    if (!rk)
        return JY_OK;
    /* The referenced kind's unique fields: one whose values have a checked
     * form (ID number, credit code), and one of free text (a name). */
    const jy_field_info *coded = NULL, *plain = NULL;
    for (size_t i = 1; i < rk->field_count; i++) {
        const jy_field_info *u = &rk->fields[i];
        if (!(u->flags & JY_FIELD_UNIQUE))
            continue;
        if (u->format == jy__fmt_id_number || u->format == jy__fmt_credit_code) {
            if (!coded)
                coded = u;
        } else if (u->type == JY_FIELD_TEXT && !u->format && !plain) {
            plain = u;
        }
    }
    char ways[64];
    other_ways(ways, sizeof ways, coded, plain);

    char *key = jy__strndup(s, len);
    if (!key)
        return JY_ENOMEM;
    const jy_field_info *by = NULL;
    jy_reason why = JY_REASON_NONE;
    if (coded) {
        rc = key_form_ok(coded, key, &why);
        if (rc == JY_OK) {
            by = coded;
        } else if (rc != JY_EINVAL) {
            free(key);
            return rc;
        }
    }
    if (!by && numeric) {
        /* A number too long for an id (a mistyped or misplaced ID number,
         * most likely) that is no key of the kind either. */
        jy_id_info person;
        rc = jy_id_parse(&person, key);
        free(key);
        if (rc == JY_ENOMEM)
            return rc;
        *how = REF_REJECTED;
        if (rc == JY_OK)
            return reject(im, JY_EINVAL, line, 0, f->name,
                          "an ID number does not identify %s records: give the record id%s",
                          rk->name, ways);
        if (coded)
            return reject(im, JY_EINVAL, line, 0, f->name,
                          "neither a record id nor a valid %s (%s)", key_words(coded),
                          jy_reason_str((int)why));
        return reject(im, JY_EINVAL, line, 0, f->name,
                      "not a record id (ids have fewer than 15 digits; %s records are "
                      "referred to by id only)", rk->name);
    }
    if (!by && !plain) {
        free(key);
        *how = REF_REJECTED;
        if (!coded)
            return reject(im, JY_EINVAL, line, 0, f->name,
                          "not a record id: %s records are referred to by id only (they have "
                          "no unique field, such as a name or an ID number, to be found by)",
                          rk->name);
        return reject(im, JY_EINVAL, line, 0, f->name, "neither a record id nor a valid %s (%s)",
                      key_words(coded), jy_reason_str((int)why));
    }
    if (!by)
        by = plain;

    int64_t id = 0;
    rc = jy_ledger_find(&id, im->db, rk->kind, by->name, key);
    free(key);
    if (rc == JY_OK) {
        *how = REF_FOUND;
        *out_id = id;
        return JY_OK;
    }
    if (is_fatal(rc))
        return rc;
    *how = REF_REJECTED;
    if (rc != JY_ENOTFOUND)
        return reject(im, rc, line, 0, f->name, "not a record id nor a valid %s of %s records",
                      key_words(by), rk->name);
    if (by == plain && coded)
        return reject(im, JY_ENOTFOUND, line, 0, f->name, "no %s with this %s or %s",
                      kind_words(rk), key_words(plain), key_words(coded));
    return reject(im, JY_ENOTFOUND, line, 0, f->name, "no %s with this %s", kind_words(rk),
                  key_words(by));
}

/* Resolves the references of a JSON object given by natural key, before the
 * object is read as a record: each found one's value becomes the id (as a
 * string, read as any other) and its bit is set in *by_key. *refused is set
 * when one could not be resolved (the record is rejected and reported).
 * Objects whose kind is unclear are left to the record reader to reject.
 * Returns JY_OK or a fatal status. */
static int resolve_json_references(importer *im, cJSON *root, size_t line, uint64_t *by_key,
                                   int *refused)
{
    *by_key = 0;
    *refused = 0;
    if (!cJSON_IsObject(root))
        return JY_OK;
    jy_kind kind = im->o.kind;
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(root, "type");
    if (type) {
        jy_kind named;
        if (!cJSON_IsString(type) || jy_kind_from_name(&named, type->valuestring) != JY_OK ||
            (kind && named != kind))
            return JY_OK;
        kind = named;
    }
    const jy__kind_info *k = jy__kind(kind);
    if (!k || !k->writable)
        return JY_OK;
    cJSON *item;
    cJSON_ArrayForEach(item, root) {
        if (!item->string || !cJSON_IsString(item) || !item->valuestring)
            continue;
        int i = jy__field_index(k, item->string);
        if (i <= 0 || k->fields[i].type != JY_FIELD_REFERENCE)
            continue;
        int how = REF_AS_ID;
        int64_t id = 0;
        int rc = resolve_reference(im, line, &k->fields[i], item->valuestring, &how, &id);
        if (rc != JY_OK)
            return rc;
        if (how == REF_REJECTED) {
            *refused = 1;
            return JY_OK;
        }
        /* A member given twice: the last one counts, as for the reader. */
        *by_key &= ~((uint64_t)1 << i);
        if (how == REF_FOUND) {
            char buf[32];
            snprintf(buf, sizeof buf, "%" PRId64, id);
            if (!cJSON_SetValuestring(item, buf))
                return jy__error_nomem();
            *by_key |= (uint64_t)1 << i;
        }
    }
    return JY_OK;
}

static int is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

static int import_jsonl(importer *im)
{
    for (;;) {
        char *line = NULL;
        size_t len = 0, lineno = 0;
        int rc = jy__instream_line(&im->in, &line, &len, &lineno);
        if (rc == JY_ITEROVER)
            return JY_OK;
        if (rc == JY_ERANGE) {
            reject(im, JY_ERANGE, lineno, 0, NULL, "the line is longer than 4 MiB");
        } else if (rc != JY_OK) {
            return rc;
        } else if (is_blank(line, len)) {
            continue;
        } else {
            jy_located_error le;
            jy__located_reset(&le, im->source);
            cJSON *root = NULL;
            jy_record *r = NULL;
            uint64_t by_key = 0;
            int refused = 0;
            rc = jy__json_parse(&root, line, len, &le);
            if (rc == JY_OK) {
                rc = resolve_json_references(im, root, lineno, &by_key, &refused);
                if (rc != JY_OK) {
                    cJSON_Delete(root);
                    return rc;
                }
                if (!refused)
                    rc = jy__record_from_cjson(&r, root, im->o.kind, &le);
                if ((refused || (rc != JY_OK && rc != JY_ENOMEM)) &&
                    mark_rejected_json(im, root) != JY_OK)
                    rc = JY_ENOMEM;
                cJSON_Delete(root);
            }
            if (rc == JY_ENOMEM) {
                jy_record_free(r);
                return rc;
            }
            if (refused) {
                /* reported by resolve_reference() */
            } else if (rc != JY_OK) {
                reject_located(im, &le, lineno);
            } else {
                rc = store(im, r, lineno, by_key);
                jy_record_free(r);
                if (rc != JY_OK)
                    return rc;
            }
        }
        if ((rc = after_record(im)) != JY_OK)
            return rc;
        if (im->stop)
            return JY_OK;
    }
}

/* ---- CSV import ------------------------------------------------------------ */

/* NFKC + case folding of a header cell or a catalogue name, trimmed. */
static char *header_key(const char *text, size_t len)
{
    while (len && (*text == ' ' || *text == '\t')) {
        text++;
        len--;
    }
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    char *out = NULL;
    size_t n = 0;
    if (jy_text_normalize(&out, &n, text, len) != JY_OK)
        return NULL;
    return out;
}

static int cell_blank(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
            i++;
        } else if (len - i >= 3 && memcmp(s + i, "\xE3\x80\x80", 3) == 0) {
            i += 3; /* ideographic space */
        } else {
            return 0;
        }
    }
    return 1;
}

/* Rejects the whole file because of its header. */
static int reject_header(importer *im, const char *field, const char *fmt, ...)
    JY__PRINTF(3, 4);

static int reject_header(importer *im, const char *field, const char *fmt, ...)
{
    char text[JY_LOCATION_TEXT_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    reject(im, JY_EINVAL, 1, 0, field, "%s", text);
    im->st.rejected = 0; /* no record was read */
    jy_located_error e;
    jy__located_reset(&e, im->source);
    return jy__located(&e, JY_EINVAL, 1, 1, 0, field, "%s", text);
}

/* Maps the header's columns to fields: cols[i] is a field index, or -1 for
 * an unnamed column after the last named one (ignored). */
static int csv_header(importer *im, const jy__csv_row *row, int *cols)
{
    const jy__kind_info *k = jy__kind(im->o.kind);
    int rc = JY_OK;
    size_t last_named = 0;
    for (size_t c = 0; c < row->count; c++)
        if (!cell_blank(row->data + row->offsets[c], row->lengths[c]))
            last_named = c + 1;
    int seen[JY__MAX_FIELDS] = { 0 };
    for (size_t c = 0; c < row->count && rc == JY_OK; c++) {
        const char *cell = row->data + row->offsets[c];
        size_t len = row->lengths[c];
        cols[c] = -1;
        char shown[JY_LOCATION_FIELD_MAX];
        jy__strlcpy_utf8(shown, sizeof shown, cell);
        if (c >= last_named)
            continue;
        if (cell_blank(cell, len)) {
            return reject_header(im, NULL, "column %zu of the header has no name", c + 1);
        }
        if (memchr(cell, '\0', len) || jy_utf8_check(NULL, cell, len) != JY_OK)
            return reject_header(im, NULL, "%s", "the header is not valid text");
        char *key = header_key(cell, len);
        if (!key)
            return jy_error_last()->code == JY_ENOMEM ? JY_ENOMEM
                   : reject_header(im, NULL, "%s", "the header is not valid text");
        for (size_t i = 0; i < k->field_count && cols[c] < 0; i++) {
            const jy_field_info *f = &k->fields[i];
            char *kn = header_key(f->name, strlen(f->name));
            char *kl = header_key(f->label, strlen(f->label));
            if ((kn && !strcmp(kn, key)) || (kl && !strcmp(kl, key)))
                cols[c] = (int)i;
            free(kn);
            free(kl);
        }
        free(key);
        if (cols[c] < 0)
            return reject_header(im, shown, "unknown column: not a field name or label of %s",
                                 k->name);
        if (seen[cols[c]]++)
            return reject_header(im, shown, "column for field '%s' given twice",
                                 k->fields[cols[c]].name);
    }
    for (size_t i = 1; i < k->field_count; i++) {
        const jy_field_info *f = &k->fields[i];
        if ((f->flags & JY_FIELD_REQUIRED) && !(f->flags & JY_FIELD_READONLY) && !seen[i]) {
            return reject_header(im, f->name, "required column missing (%s)", f->label);
        }
    }
    return JY_OK;
}

static int import_csv(importer *im)
{
    const jy__kind_info *k = jy__kind(im->o.kind);
    jy__csv_row row;
    memset(&row, 0, sizeof row);
    int *cols = NULL;
    size_t ncols = 0;
    /* One record takes every row in turn (reset, not reallocated). */
    jy_record *r = NULL;
    int rc = jy_record_new(&r, k->kind);
    if (rc != JY_OK)
        return rc;
    for (;;) {
        size_t lineno = 0;
        const char *why = NULL;
        rc = jy__csv_next(&row, &im->in, &lineno, &why);
        if (rc == JY_ITEROVER) {
            rc = JY_OK;
            if (!cols) {
                rc = reject_header(im, NULL, "%s",
                                   "empty file: a CSV file starts with a header row");
            }
            break;
        }
        if (rc == JY_EPARSE && !cols) {
            rc = reject_header(im, NULL, "malformed header row: %s", why);
            break;
        }
        if (rc == JY_EPARSE) {
            reject(im, JY_EPARSE, lineno, 0, NULL, "%s", why);
            if ((rc = after_record(im)) != JY_OK || im->stop)
                break;
            continue;
        }
        if (rc != JY_OK)
            break;

        if (!cols) {
            ncols = row.count;
            cols = jy__malloc(ncols * sizeof *cols);
            if (!cols) {
                rc = JY_ENOMEM;
                break;
            }
            if ((rc = csv_header(im, &row, cols)) != JY_OK)
                break;
            continue;
        }

        int all_blank = 1;
        for (size_t c = 0; c < row.count && all_blank; c++)
            all_blank = cell_blank(row.data + row.offsets[c], row.lengths[c]);
        if (all_blank)
            continue; /* spreadsheets leave rows of empty cells behind */

        if (row.count != ncols) {
            reject(im, JY_EPARSE, lineno, 0, NULL, "the row has %zu cells, the header %zu",
                   row.count, ncols);
        } else {
            jy__record_reset(r);
            /* Cells end at NUL bytes, which no UTF-8 sequence spans: the
             * row checks as a whole, and a cell only when the row fails. */
            size_t row_len = row.offsets[ncols - 1] + row.lengths[ncols - 1];
            int row_utf8 = jy_utf8_check(NULL, row.data, row_len) == JY_OK;
            int bad = 0;
            uint64_t by_key = 0;
            for (size_t c = 0; c < ncols && !bad; c++) {
                const char *cell = row.data + row.offsets[c];
                size_t len = row.lengths[c];
                if (cols[c] < 0 || cell_blank(cell, len))
                    continue;
                const jy_field_info *f = &k->fields[cols[c]];
                bad = 1;
                if (memchr(cell, '\0', len)) {
                    reject(im, JY_EPARSE, lineno, 0, f->name, "NUL byte in the cell");
                    continue;
                }
                if (!row_utf8 && jy_utf8_check(NULL, cell, len) != JY_OK) {
                    reject(im, JY_EUTF8, lineno, 0, f->name,
                           "bytes that are not text in the file's encoding (UTF-8 or GB18030)");
                    continue;
                }
                /* A reference may name its record by a natural key. */
                const char *value = cell;
                int how = REF_AS_ID;
                int64_t found = 0;
                char idtext[32];
                if (f->type == JY_FIELD_REFERENCE &&
                    (rc = resolve_reference(im, lineno, f, cell, &how, &found)) != JY_OK)
                    break; /* fatal */
                if (how == REF_REJECTED)
                    continue; /* reported */
                if (how == REF_FOUND) {
                    snprintf(idtext, sizeof idtext, "%" PRId64, found);
                    value = idtext;
                    by_key |= (uint64_t)1 << cols[c];
                }
                if ((rc = jy__record_set_checked_field(r, (size_t)cols[c], value)) != JY_OK) {
                    if (rc == JY_ENOMEM)
                        break;
                    reject_last_error(im, rc, lineno);
                    rc = JY_OK;
                } else {
                    bad = 0;
                }
            }
            if (rc != JY_OK)
                break;
            if (bad) {
                for (size_t c = 0; c < ncols; c++)
                    if (cols[c] == 0 && (rc = mark_rejected(im, (int)k->kind,
                                                            row.data + row.offsets[c])) != JY_OK)
                        break;
                if (rc != JY_OK)
                    break;
            }
            else if ((rc = store(im, r, lineno, by_key)) != JY_OK)
                break;
        }
        if ((rc = after_record(im)) != JY_OK || im->stop)
            break;
    }
    free(cols);
    jy_record_free(r);
    jy__csv_row_free(&row);
    return rc;
}

/* An import's page cache. The connection's (32 MiB, jy_db_open) keeps the
 * indexes of a large import in memory; for a smaller one it only costs:
 * every page of the file stays cached until the cache is full, and memory
 * touched for the first time costs a page fault, dearer than SQLite reading
 * a page back from the OS (a 150 000-row labor CSV takes 10-25 % less CPU
 * time with 8 MiB; a 1 000 000-row one 30 % more with 8 MiB than with 32).
 * So the import sizes it by what it can touch: a quarter of the input and
 * of the database (the indexes are less than that), at least 8 MiB, at most
 * the connection's. Returns the setting to restore (KiB, as a negative
 * number), or 0 when it was left alone. */
static int import_cache_begin(importer *im)
{
    int configured = 0, pages = 0, page_size = 0;
    sqlite3_stmt *st = NULL;
    const char *const queries[] = { "PRAGMA cache_size", "PRAGMA page_count",
                                    "PRAGMA page_size" };
    int *outs[] = { &configured, &pages, &page_size };
    for (size_t q = 0; q < 3; q++) {
        if (sqlite3_prepare_v2(im->db->conn, queries[q], -1, &st, NULL) != SQLITE_OK)
            return 0;
        if (sqlite3_step(st) == SQLITE_ROW)
            *outs[q] = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    if (configured >= 0 || im->in.bytes_total == 0)
        return 0; /* set in pages by the caller, or an input of unknown size */
    uint64_t kib = ((uint64_t)im->in.bytes_total + (uint64_t)pages * (uint64_t)page_size) / 4096u;
    if (kib < 8192u)
        kib = 8192u;
    if (kib >= (uint64_t)-(int64_t)configured)
        return 0;
    char sql[48];
    snprintf(sql, sizeof sql, "PRAGMA cache_size = -%u", (unsigned)kib);
    return jy__db_exec(im->db, sql) == JY_OK ? configured : 0;
}

static void import_cache_end(importer *im, int saved)
{
    if (!saved)
        return;
    char sql[48];
    snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", saved);
    jy__saved_error keep;
    jy__error_save(&keep);
    jy__db_exec(im->db, sql);
    jy__error_restore(&keep);
}

static int run_import_body(importer *im);

/* Inputs above this size (or of unknown size: a pipe) are imported with the
 * file's memory map off. A large import reads more of its indexes than the
 * page cache holds, and every page it reads through the map stays in its
 * resident memory: 271 MB at 1 000 000 labor records (189 MB of CSV)
 * against 43 MB without the map, with the same CPU time. A smaller one gains
 * from the map (a 150 000-row, 28 MB CSV: 1.7 s CPU with it, 2.5 s
 * without) and keeps a small footprint (17 MB). docs/BENCHMARKS.md. */
#define IMPORT_MAPPED_MAX ((size_t)48 << 20)

static int run_import(importer *im)
{
    int saved = import_cache_begin(im);
    /* Pragma failures change nothing the import stores: ignored, through
     * sqlite3_exec so that they never replace the import's own error. */
    int unmap = im->in.bytes_total == 0 || im->in.bytes_total > IMPORT_MAPPED_MAX;
    if (unmap)
        sqlite3_exec(im->db->conn, JY__DB_MMAP_OFF, NULL, NULL, NULL);
    int rc = run_import_body(im);
    if (unmap)
        sqlite3_exec(im->db->conn, JY__DB_MMAP_ON, NULL, NULL, NULL);
    import_cache_end(im, saved);
    return rc;
}

static int run_import_body(importer *im)
{
    for (int k = 1; k < JY_KIND_END; k++) {
        const jy__kind_info *ki = jy__kind(k);
        for (size_t i = 0; ki && i < ki->field_count; i++)
            if (ki->fields[i].type == JY_FIELD_REFERENCE)
                im->referenced[ki->fields[i].ref_kind] = 1;
    }
    int rc = tx_begin(im);
    if (rc != JY_OK) {
        if (rc == JY_EINVAL)
            return jy__error(JY_EINVAL, "import: the database is inside a transaction");
        return rc;
    }
    rc = im->o.format == JY_FORMAT_CSV ? import_csv(im) : import_jsonl(im);
    if (rc == JY_OK && !im->stop)
        progress(im);

    if (rc != JY_OK) {
        /* Fatal (or a bad CSV header): undo the batch under way. */
        tx_rollback(im);
        size_t rejected = im->st.rejected;
        if (im->o.mode == JY_IMPORT_KEEP_GOOD) {
            im->st = im->committed;
            im->st.rejected = rejected;
        } else {
            im->st.accepted = im->st.updated = 0;
        }
        return rc;
    }
    if (im->o.mode == JY_IMPORT_ALL && (im->st.rejected || im->stop)) {
        tx_rollback(im);
        im->st.accepted = im->st.updated = 0;
        if (im->stop)
            return jy__error(im->stop, "import: stopped by a callback; nothing was stored");
        return jy__error(JY_EINVAL, "import: %zu record%s rejected; nothing was stored",
                         im->st.rejected, im->st.rejected == 1 ? "" : "s");
    }
    rc = tx_commit(im);
    if (rc != JY_OK) {
        size_t rejected = im->st.rejected;
        im->st = im->committed;
        im->st.rejected = rejected;
        if (im->o.mode == JY_IMPORT_ALL)
            im->st.accepted = im->st.updated = 0;
        return rc;
    }
    if (im->stop)
        return jy__error(im->stop, "import: stopped by a callback");
    return JY_OK;
}

static int check_import_options(importer *im, const jy_import_options *opts, int csv_by_name)
{
    if (opts) {
        if (opts->version < 1 || opts->version > JY_IMPORT_OPTIONS_VERSION)
            return jy__error(JY_EINVAL, "import: options version %u is not supported",
                             opts->version);
        im->o = *opts;
    } else {
        jy_import_options_init(&im->o);
    }
    if (im->o.format == JY_FORMAT_AUTO)
        im->o.format = csv_by_name ? JY_FORMAT_CSV : JY_FORMAT_JSONL;
    if (im->o.format != JY_FORMAT_CSV && im->o.format != JY_FORMAT_JSONL)
        return jy__error(JY_EINVAL, "import: unknown format %d", (int)im->o.format);
    if (im->o.mode != JY_IMPORT_ALL && im->o.mode != JY_IMPORT_KEEP_GOOD)
        return jy__error(JY_EINVAL, "import: unknown mode %d", (int)im->o.mode);
    if (im->o.encoding != JY_ENCODING_AUTO && im->o.encoding != JY_ENCODING_UTF8 &&
        im->o.encoding != JY_ENCODING_GB18030)
        return jy__error(JY_EINVAL, "import: unknown encoding %d", (int)im->o.encoding);
    if (im->o.kind) {
        const jy__kind_info *k = jy__kind(im->o.kind);
        if (!k)
            return jy__error(JY_EINVAL, "import: %d is not a record kind", (int)im->o.kind);
        if (!k->writable)
            return jy__error(JY_EINVAL, "import: %s records are written by the library and "
                             "cannot be imported", k->name);
    } else if (im->o.format == JY_FORMAT_CSV) {
        return jy__error(JY_EINVAL, "import: a CSV import needs a kind");
    }
    return JY_OK;
}

static void copy_stats(jy_import_stats *out, const importer *im)
{
    if (out)
        *out = im->st;
}

int jy_import_file(jy_import_stats *out, jy_db *db, const char *path,
                   const jy_import_options *opts)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!db || !path)
        return jy__error(JY_EINVAL, "jy_import_file: NULL argument");
    importer *im = jy__calloc(1, sizeof *im);
    if (!im)
        return JY_ENOMEM;
    im->db = db;
    jy__strlcpy_utf8(im->source, sizeof im->source, path);
    int rc = check_import_options(im, opts, ends_with_csv(path));
    if (rc == JY_OK)
        rc = jy__instream_open_file(&im->in, path, (int)im->o.encoding, NULL);
    if (rc == JY_OK)
        rc = run_import(im);
    copy_stats(out, im);
    importer_free(im);
    free(im);
    return rc;
}

int jy_import_buffer(jy_import_stats *out, jy_db *db, const char *data, size_t len,
                     const jy_import_options *opts)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!db || (!data && len))
        return jy__error(JY_EINVAL, "jy_import_buffer: NULL argument");
    importer *im = jy__calloc(1, sizeof *im);
    if (!im)
        return JY_ENOMEM;
    im->db = db;
    jy__strlcpy_utf8(im->source, sizeof im->source, "<memory>");
    int rc = check_import_options(im, opts, 0);
    if (rc == JY_OK)
        rc = jy__instream_open_buffer(&im->in, data, len, (int)im->o.encoding);
    if (rc == JY_OK)
        rc = run_import(im);
    copy_stats(out, im);
    importer_free(im);
    free(im);
    return rc;
}

/* ---- Export --------------------------------------------------------------- */

typedef struct exporter {
    jy_db *db;
    jy_export_options o;
    jy_write_cb write;  /* NULL: everything stays in `out` */
    void *payload;
    jy__outbuf out;
    size_t count;
} exporter;

/* Hands what is buffered to the sink (when there is one). */
static int flush(exporter *ex, int force)
{
    if (ex->out.failed)
        return jy__error_nomem();
    if (!ex->write || (!force && ex->out.len < 256 * 1024) || ex->out.len == 0)
        return JY_OK;
    int r = ex->write(ex->out.s, ex->out.len, ex->payload);
    if (r) {
        if (jy_error_last()->code != r)
            jy__error(r, "export: stopped by the write callback");
        return r;
    }
    ex->out.len = 0;
    return JY_OK;
}

/* The sink of jy_export_file(). */
static int write_file(const char *data, size_t len, void *payload)
{
    if (fwrite(data, 1, len, (FILE *)payload) == len)
        return 0;
    char why[128] = "unknown error";
    int e = errno;
    if (strerror_r(e, why, sizeof why) != 0)
        snprintf(why, sizeof why, "errno %d", e);
    return jy__error(JY_EIO, "export: cannot write the file: %s", why);
}

/* Kinds in an order where every kind comes after the kinds it refers to. */
static size_t parent_first(int *order)
{
    int placed[JY_KIND_END] = { 0 };
    size_t n = 0;
    for (int round = 0; round < JY_KIND_END; round++)
        for (int k = 1; k < JY_KIND_END; k++) {
            const jy__kind_info *ki = jy__kind(k);
            if (!ki || placed[k])
                continue;
            int ready = 1;
            for (size_t i = 0; i < ki->field_count && ready; i++) {
                const jy_field_info *f = &ki->fields[i];
                if (f->type == JY_FIELD_REFERENCE && (int)f->ref_kind != k &&
                    !placed[f->ref_kind] && round < JY_KIND_END - 1)
                    ready = 0;
            }
            if (ready) {
                placed[k] = 1;
                order[n++] = k;
            }
        }
    return n;
}

/* The text of a value in a CSV cell. Returns a string to free, or NULL
 * (out of memory). */
static char *csv_value(exporter *ex, const jy_record *r, size_t i)
{
    const jy_field_info *f = &r->info->fields[i];
    const jy__value *v = &r->values[i];
    if (!v->set)
        return jy__strdup("");
    const jy_field_info *personal = jy__personal_field(r, i);
    if (personal && !(ex->o.flags & JY_EXPORT_UNMASK))
        return jy__mask(personal, v->text);
    if (!ex->o.csv_labels)
        return jy__strdup(v->text);
    const char *fmt = f->format ? f->format : "";
    if (f->type == JY_FIELD_BOOL)
        return jy__strdup(v->i ? "是" : "否");
    if (fmt == jy__fmt_enum && f->type == JY_FIELD_TEXT) {
        int e = jy__enum_index(f, v->text);
        return jy__strdup(e >= 0 && f->value_labels ? f->value_labels[e] : v->text);
    }
    if (fmt == jy__fmt_enum && f->type == JY_FIELD_LIST) {
        jy__outbuf b = { NULL, 0, 0, 0 };
        for (size_t k = 0; k < v->item_count; k++) {
            int e = jy__enum_index(f, v->items[k]);
            const char *item = e >= 0 && f->value_labels ? f->value_labels[e] : v->items[k];
            if (k)
                jy__outbuf_add(&b, "\xe3\x80\x81", 3); /* 、 */
            jy__outbuf_add(&b, item, strlen(item));
        }
        if (b.failed) {
            free(b.s);
            return NULL;
        }
        return b.s ? b.s : jy__strdup("");
    }
    const jy_county *county = jy_db_county(ex->db);
    if (county && fmt == jy__fmt_township) {
        const jy_township *t = NULL;
        if (jy_county_find_township(&t, county, v->text) == JY_OK)
            return jy__strdup(t->name);
    } else if (county && fmt == jy__fmt_village) {
        const jy_village *vl = NULL;
        if (jy_county_find_village(&vl, county, NULL, v->text) == JY_OK)
            return jy__strdup(vl->name);
    }
    return jy__strdup(v->text);
}

char *jy__export_cell(jy_db *db, const jy_record *r, size_t i, unsigned int flags)
{
    exporter ex;
    memset(&ex, 0, sizeof ex);
    ex.db = db;
    jy_export_options_init(&ex.o);
    ex.o.flags = flags;
    return csv_value(&ex, r, i);
}

static int write_csv_header(exporter *ex, const jy__kind_info *k)
{
    if (ex->o.bom)
        jy__outbuf_add(&ex->out, "\xEF\xBB\xBF", 3);
    for (size_t i = 0; i < k->field_count; i++) {
        if (i)
            jy__outbuf_add(&ex->out, ",", 1);
        jy__csv_add_cell(&ex->out, ex->o.csv_labels ? k->fields[i].label : k->fields[i].name);
    }
    jy__outbuf_add(&ex->out, "\r\n", 2);
    return ex->out.failed ? jy__error_nomem() : JY_OK;
}

static int write_record(exporter *ex, const jy_record *r)
{
    if (ex->o.format == JY_FORMAT_JSONL) {
        char *json = NULL;
        unsigned int flags = (ex->o.flags & JY_EXPORT_UNMASK) ? JY_JSON_UNMASK : 0u;
        int rc = jy_record_to_json(&json, r, flags);
        if (rc != JY_OK)
            return rc;
        jy__outbuf_add(&ex->out, json, strlen(json));
        jy__outbuf_add(&ex->out, "\n", 1);
        free(json);
    } else {
        for (size_t i = 0; i < r->info->field_count; i++) {
            char *text = csv_value(ex, r, i);
            if (!text)
                return jy__error_nomem();
            if (i)
                jy__outbuf_add(&ex->out, ",", 1);
            jy__csv_add_cell(&ex->out, text);
            free(text);
        }
        jy__outbuf_add(&ex->out, "\r\n", 2);
    }
    ex->count++;
    return flush(ex, 0);
}

static int export_kind(exporter *ex, const jy_filter *filter)
{
    jy_ledger_iter *it = NULL;
    int rc = jy_ledger_iter_new(&it, ex->db, filter);
    if (rc != JY_OK)
        return rc;
    for (;;) {
        jy_record *r = NULL;
        rc = jy_ledger_iter_next(&r, it);
        if (rc == JY_ITEROVER) {
            rc = JY_OK;
            break;
        }
        if (rc != JY_OK)
            break;
        rc = write_record(ex, r);
        jy_record_free(r);
        if (rc != JY_OK)
            break;
    }
    jy_ledger_iter_free(it);
    return rc;
}

/* Lists the filters (one per kind) an export walks through. */
static int export_plan(exporter *ex, jy_filter *filters, size_t *out_n)
{
    const jy_export_options *o = &ex->o;
    *out_n = 0;
    if (o->filter) {
        if (o->filter->version < 1 || o->filter->version > JY_FILTER_VERSION)
            return jy__error(JY_EINVAL, "export: filter version %u is not supported",
                             o->filter->version);
        if (o->kind && o->filter->kind != o->kind)
            return jy__error(JY_EINVAL, "export: the filter is for another kind");
        if (!jy__kind(o->filter->kind))
            return jy__error(JY_EINVAL, "export: the filter has no valid kind");
        filters[0] = *o->filter;
        *out_n = 1;
        ex->o.kind = o->filter->kind;
        return JY_OK;
    }
    if (o->kind) {
        if (!jy__kind(o->kind))
            return jy__error(JY_EINVAL, "export: %d is not a record kind", (int)o->kind);
        jy_filter_init(&filters[0], o->kind);
        *out_n = 1;
        return JY_OK;
    }
    if (o->format == JY_FORMAT_CSV)
        return jy__error(JY_EINVAL, "export: a CSV export needs a kind");
    int order[JY_KIND_END];
    size_t n = parent_first(order);
    for (size_t i = 0; i < n; i++)
        jy_filter_init(&filters[i], (jy_kind)order[i]);
    *out_n = n;
    return JY_OK;
}

static int run_export(exporter *ex, const char *destination)
{
    jy_filter filters[JY_KIND_END];
    size_t n = 0;
    int rc = export_plan(ex, filters, &n);
    if (rc != JY_OK)
        return rc;
    if (ex->o.flags & JY_EXPORT_UNMASK) {
        /* Personal data leaves the database in clear: say so in the audit
         * log first, or not at all. */
        int64_t total = 0;
        for (size_t i = 0; i < n && rc == JY_OK; i++) {
            int64_t c = 0;
            rc = jy_ledger_count(&c, ex->db, &filters[i]);
            total += c;
        }
        if (rc != JY_OK)
            return rc;
        char detail[JY_LOCATION_SOURCE_MAX + 32];
        snprintf(detail, sizeof detail, "%s to %s",
                 ex->o.format == JY_FORMAT_CSV ? "csv" : "jsonl", destination);
        rc = jy__db_audit(ex->db, "export_unmasked", n == 1 ? jy_kind_name(filters[0].kind)
                                                           : "all", total, detail);
        if (rc != JY_OK)
            return jy__error(rc, "export: the unmasked export could not be written to the "
                             "audit log, so it was not done: %s", jy_error_last()->message);
    }
    if (ex->o.format == JY_FORMAT_CSV && (rc = write_csv_header(ex, jy__kind(ex->o.kind))) != JY_OK)
        return rc;
    for (size_t i = 0; i < n && rc == JY_OK; i++)
        rc = export_kind(ex, &filters[i]);
    if (rc == JY_OK)
        rc = flush(ex, 1);
    return rc;
}

/* `by_name`: the format the file name tells (JSON Lines for buffers and
 * streams); `to_file`: a file is written (an xlsx workbook can be). */
static int check_export_options(exporter *ex, const jy_export_options *opts, jy_format by_name,
                                int to_file)
{
    if (opts) {
        if (opts->version < 1 || opts->version > JY_EXPORT_OPTIONS_VERSION)
            return jy__error(JY_EINVAL, "export: options version %u is not supported",
                             opts->version);
        ex->o = *opts;
    } else {
        jy_export_options_init(&ex->o);
    }
    if (ex->o.format == JY_FORMAT_AUTO)
        ex->o.format = by_name;
    if (ex->o.format == JY_FORMAT_XLSX && !to_file)
        return jy__error(JY_EINVAL, "export: an Excel workbook is written to a file only "
                         "(jy_export_file)");
    if (ex->o.format != JY_FORMAT_CSV && ex->o.format != JY_FORMAT_JSONL &&
        ex->o.format != JY_FORMAT_XLSX)
        return jy__error(JY_EINVAL, "export: unknown format %d", (int)ex->o.format);
    if (ex->o.flags & ~JY_EXPORT_UNMASK)
        return jy__error(JY_EINVAL, "export: unknown flags 0x%x", ex->o.flags);
    return JY_OK;
}

int jy_export_file(size_t *out_count, jy_db *db, const char *path,
                   const jy_export_options *opts)
{
    if (out_count)
        *out_count = 0;
    if (!db || !path)
        return jy__error(JY_EINVAL, "jy_export_file: NULL argument");
    exporter ex;
    memset(&ex, 0, sizeof ex);
    ex.db = db;
    int rc = check_export_options(&ex, opts,
                                  ends_with_xlsx(path) ? JY_FORMAT_XLSX
                                  : ends_with_csv(path) ? JY_FORMAT_CSV
                                                        : JY_FORMAT_JSONL, 1);
    if (rc != JY_OK)
        return rc;
    if (ex.o.format == JY_FORMAT_XLSX) {
        jy_filter filters[JY_KIND_END];
        size_t n = 0;
        rc = export_plan(&ex, filters, &n);
        if (rc == JY_OK)
            rc = jy__export_xlsx(out_count, db, path, &ex.o, filters, n);
        return rc;
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        char why[128] = "unknown error";
        int e = errno;
        if (strerror_r(e, why, sizeof why) != 0)
            snprintf(why, sizeof why, "errno %d", e);
        return jy__error(JY_EIO, "export: cannot create the file: %s", why);
    }
    ex.write = write_file;
    ex.payload = f;
    rc = run_export(&ex, path);
    if (fclose(f) != 0 && rc == JY_OK)
        rc = jy__error(JY_EIO, "export: cannot write the file");
    free(ex.out.s);
    if (out_count)
        *out_count = ex.count;
    return rc;
}

int jy_export_write(size_t *out_count, jy_db *db, const jy_export_options *opts,
                    jy_write_cb write, void *payload)
{
    if (out_count)
        *out_count = 0;
    if (!db || !write)
        return jy__error(JY_EINVAL, "jy_export_write: NULL argument");
    exporter ex;
    memset(&ex, 0, sizeof ex);
    ex.db = db;
    ex.write = write;
    ex.payload = payload;
    int rc = check_export_options(&ex, opts, JY_FORMAT_JSONL, 0);
    if (rc == JY_OK)
        rc = run_export(&ex, "a stream");
    free(ex.out.s);
    if (out_count)
        *out_count = ex.count;
    return rc;
}

int jy_export_buffer(char **out, size_t *out_len, size_t *out_count, jy_db *db,
                     const jy_export_options *opts)
{
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (out_count)
        *out_count = 0;
    if (!out || !db)
        return jy__error(JY_EINVAL, "jy_export_buffer: NULL argument");
    exporter ex;
    memset(&ex, 0, sizeof ex);
    ex.db = db;
    int rc = check_export_options(&ex, opts, JY_FORMAT_JSONL, 0);
    if (rc == JY_OK)
        rc = run_export(&ex, "memory");
    if (rc == JY_OK && !ex.out.s) {
        ex.out.s = jy__strdup("");
        if (!ex.out.s)
            rc = JY_ENOMEM;
    }
    if (rc != JY_OK) {
        free(ex.out.s);
        return rc;
    }
    *out = ex.out.s;
    if (out_len)
        *out_len = ex.out.len;
    if (out_count)
        *out_count = ex.count;
    return JY_OK;
}
