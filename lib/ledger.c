/*
 * The ledgers: checking records against their kind's rules, and storing,
 * reading, updating, deleting, listing and counting them.
 */
#include "db_internal.h"
#include "tally.h"
#include "record_internal.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Rules --------------------------------------------------------------- */

/* Fields the rules below name, found once for every kind (-1: none). */
typedef struct rule_fields {
    int birth_date, gender, surveyed_on, township;
} rule_fields;

static rule_fields rule_index[JY_KIND_END];
static pthread_once_t rule_once = PTHREAD_ONCE_INIT;

static void find_rule_fields(void)
{
    for (int kind = 0; kind < JY_KIND_END; kind++) {
        const jy__kind_info *k = jy__kind(kind);
        rule_fields *f = &rule_index[kind];
        f->birth_date = k ? jy__field_index(k, "birth_date") : -1;
        f->gender = k ? jy__field_index(k, "gender") : -1;
        f->surveyed_on = k ? jy__field_index(k, "surveyed_on") : -1;
        f->township = k ? jy__field_index(k, "township") : -1;
    }
}

static const rule_fields *rule_fields_of(const jy__kind_info *k)
{
    pthread_once(&rule_once, find_rule_fields);
    return &rule_index[k->kind];
}

/* Pairs of fields that must be in order when both are set. */
typedef struct order_rule {
    jy_kind kind;
    const char *low, *high;
    const char *why;
} order_rule;


/* "id 42" for a message; an id too long to be a record's (most likely an ID
 * number or a phone number given where an id was wanted) is not repeated:
 * messages never carry personal data. */
static const char *id_text(char *buf, size_t size, int64_t id)
{
    if (id > -1000000000 && id < 1000000000)
        snprintf(buf, size, "id %" PRId64, id);
    else
        snprintf(buf, size, "this id (too long for a record id: an ID number or a phone "
                            "number is no record id)");
    return buf;
}

static const order_rule order_rules[] = {
    { JY_KIND_CONTRACT, "signed_on", "ends_on", "the contract ends before it is signed" },
    { JY_KIND_POSTING, "salary_min", "salary_max", "salary_min is above salary_max" },
    { JY_KIND_POSTING, "age_min", "age_max", "age_min is above age_max" },
    { JY_KIND_POSTING, "published_on", "closed_on", "the posting closes before it is published" },
    { JY_KIND_SHORTAGE, "reported_on", "resolved_on", "resolved before it was reported" },
    { JY_KIND_HIRE, "started_on", "left_on", "left before starting" },
    { JY_KIND_HIRE, "started_on", "checked_on", "checked in post before starting" },
    { JY_KIND_DELIVERY, "delivered_on", "viewed_on", "viewed before it was delivered" },
    { JY_KIND_REVIEW, "date", "followed_up_on", "followed up before the review" },
    { JY_KIND_EVENT, "date", "done_on", "done before it was given" },
    { JY_KIND_EVENT, "date", "due_on", "due before it was given" },
};

static int rule_error(const jy_record *r, const jy_field_info *f, const char *why)
{
    return jy__error(JY_EINVAL, "%s: field '%s': %s", r->info->name, f->name, why);
}

static int set_canonical(jy_record *r, size_t i, const char *text)
{
    /* Usually already canonical (a code, a checked number): keep it. */
    if (r->values[i].set && strcmp(r->values[i].text, text) == 0)
        return JY_OK;
    return jy__record_set_field(r, i, text);
}

/* Sets a field derived from another (a labor record's birth date and
 * gender, from its ID number). A value the caller gave that disagrees is
 * replaced, with the warning JY_WARN_DERIVED_MISMATCH. */
static int set_derived(jy_record *r, int i, const char *text, unsigned int *warnings)
{
    if (i < 0)
        return JY_OK;
    const jy__value *v = &r->values[i];
    if (v->set && strcmp(v->text, text) == 0)
        return JY_OK;
    if (v->set)
        *warnings |= JY_WARN_DERIVED_MISMATCH;
    return jy__record_set_field(r, (size_t)i, text);
}

static int reference_exists(jy_db *db, const jy_field_info *f, int64_t id, int *out)
{
    const jy__kind_info *ref = jy__kind(f->ref_kind);
    sqlite3_stmt *st;
    int rc = jy__db_stmt(&st, db, ref, JY__STMT_EXISTS);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step == SQLITE_ROW)
        *out = 1;
    else if (step == SQLITE_DONE)
        *out = 0;
    else
        return jy__db_error(db, step, ref->name);
    return JY_OK;
}

/* A time of day, H:MM or HH:MM from 00:00 to 23:59, into canonical HH:MM
 * (out: 6 bytes). */
static int parse_time(char *out, const char *s)
{
    int h = 0;
    size_t i = 0;
    for (; i < 2 && s[i] >= '0' && s[i] <= '9'; i++)
        h = h * 10 + (s[i] - '0');
    if (i == 0 || s[i] != ':')
        return 0;
    const char *mm = s + i + 1;
    if (!(mm[0] >= '0' && mm[0] <= '9' && mm[1] >= '0' && mm[1] <= '9') || mm[2] != '\0')
        return 0;
    if (h > 23 || mm[0] > '5')
        return 0;
    out[0] = (char)('0' + h / 10);
    out[1] = (char)('0' + h % 10);
    out[2] = ':';
    out[3] = mm[0];
    out[4] = mm[1];
    out[5] = '\0';
    return 1;
}

static int check_format(jy_db *db, jy_record *r, size_t i, unsigned int *warnings)
{
    const jy_field_info *f = &r->info->fields[i];
    const char *text = r->values[i].text;
    const char *fmt = f->format;
    if (!fmt)
        return JY_OK;
    if (fmt == jy__fmt_id_number) {
        jy_id_info id;
        if (jy_id_parse(&id, text) != JY_OK) {
            char why[160];
            if (id.position)
                snprintf(why, sizeof why, "%s (character %zu)", jy_reason_str(id.reason),
                         id.position);
            else
                snprintf(why, sizeof why, "%s", jy_reason_str(id.reason));
            return rule_error(r, f, why);
        }
        *warnings |= id.warnings;
        int rc = set_canonical(r, i, id.number);
        if (rc == JY_OK && r->info->kind == JY_KIND_LABOR) {
            char birth[JY_DATE_TEXT_SIZE];
            jy_date_format(birth, id.birth);
            const rule_fields *rf = rule_fields_of(r->info);
            rc = set_derived(r, rf->birth_date, birth, warnings);
            if (rc == JY_OK)
                rc = set_derived(r, rf->gender, id.gender == JY_GENDER_MALE ? "male" : "female",
                                 warnings);
        }
        return rc;
    }
    if (fmt == jy__fmt_credit_code) {
        jy_uscc_info u;
        if (jy_uscc_parse(&u, text) != JY_OK)
            return rule_error(r, f, jy_reason_str(u.reason));
        return set_canonical(r, i, u.code);
    }
    if (fmt == jy__fmt_phone) {
        jy_phone_info p;
        if (jy_phone_parse(&p, text) != JY_OK)
            return rule_error(r, f, jy_reason_str(p.reason));
        return set_canonical(r, i, p.number);
    }
    if (fmt == jy__fmt_township) {
        const jy_township *t = NULL;
        int rc = jy_county_find_township(&t, db->county, text);
        if (rc == JY_ENOTFOUND)
            return rule_error(r, f, "no such township in the county");
        if (rc == JY_EAMBIGUOUS)
            return rule_error(r, f, "the name matches several townships");
        if (rc != JY_OK)
            return rule_error(r, f, "not a township name or code");
        return set_canonical(r, i, t->code);
    }
    if (fmt == jy__fmt_village) {
        int ti = rule_fields_of(r->info)->township;
        const char *township = ti >= 0 && r->values[ti].set ? r->values[ti].text : NULL;
        const jy_village *v = NULL;
        int rc = jy_county_find_village(&v, db->county, township, text);
        if (rc == JY_ENOTFOUND)
            return rule_error(r, f, township ? "no such village in the township"
                                             : "no such village in the county");
        if (rc == JY_EAMBIGUOUS)
            return rule_error(r, f, "the name matches several villages: give the township");
        if (rc != JY_OK)
            return rule_error(r, f, "not a village name or code");
        if (!township) {
            /* The village tells the township. */
            int rc2 = ti >= 0 ? jy__record_set_field(r, (size_t)ti, v->township->code) : JY_OK;
            if (rc2 != JY_OK)
                return rc2;
        }
        return set_canonical(r, i, v->code);
    }
    if (fmt == jy__fmt_time) {
        /* Full-width digits and colon (１９：００) read as ASCII. */
        char hhmm[6], *norm = NULL;
        int rc = jy_text_normalize(&norm, NULL, text, strlen(text));
        if (rc != JY_OK)
            return rc;
        int ok = parse_time(hhmm, norm);
        free(norm);
        if (!ok)
            return rule_error(r, f, "not a time of day (HH:MM)");
        return set_canonical(r, i, hhmm);
    }
    return JY_OK; /* enum: checked when set */
}

static int writable(const jy_record *r, const char *fn)
{
    if (!r->info->writable)
        return jy__error(JY_EINVAL, "%s: %s records are written by the library only", fn,
                         r->info->name);
    return JY_OK;
}

/* Is field i normalized by jy_ledger_save()'s first pass (the natural keys
 * and the township, which find the stored record)? */
static int is_key_field(const jy_field_info *f)
{
    return (f->flags & JY_FIELD_UNIQUE) || f->format == jy__fmt_township;
}

/* jy_ledger_check(); with keys_done, the key fields were already checked
 * and normalized (and their derived fields set) by jy_ledger_save(). */
static int check_record(jy_db *db, jy_record *record, unsigned int *out_warnings, int keys_done);

int jy_ledger_check(jy_db *db, jy_record *record, unsigned int *out_warnings)
{
    return check_record(db, record, out_warnings, 0);
}

static int check_record(jy_db *db, jy_record *record, unsigned int *out_warnings, int keys_done)
{
    if (out_warnings)
        *out_warnings = 0;
    if (!db || !record)
        return jy__error(JY_EINVAL, "jy_ledger_check: NULL argument");
    const jy__kind_info *k = record->info;
    unsigned int warnings = 0;
    /* Every field of a read-only kind is the library's: nothing to check,
     * and the clearing below would empty the record. */
    int rc = writable(record, "jy_ledger_check");
    if (rc != JY_OK)
        return rc;

    /* Read-only fields are the library's: derived values (a labor record's
     * birth date and gender) are recomputed from the ID number; given ones
     * that disagree are replaced, with a warning. */

    /* Townships before villages: a village is looked up in its township. */
    for (size_t pass = 0; pass < 2; pass++) {
        for (size_t i = 1; i < k->field_count; i++) {
            const jy_field_info *f = &k->fields[i];
            int is_village = f->format == jy__fmt_village;
            /* Enums are checked when set: only the other formats here. */
            if (!f->format || f->format == jy__fmt_enum)
                continue;
            if ((size_t)is_village != pass || !record->values[i].set ||
                (keys_done && is_key_field(f)))
                continue;
            if ((rc = check_format(db, record, i, &warnings)) != JY_OK)
                return rc;
        }
    }

    for (size_t i = 1; i < k->field_count; i++) {
        const jy_field_info *f = &k->fields[i];
        const jy__value *v = &record->values[i];
        if (!v->set) {
            if ((f->flags & JY_FIELD_REQUIRED) && !(f->flags & JY_FIELD_READONLY))
                return rule_error(record, f, "required");
            continue;
        }
        if (f->type == JY_FIELD_REFERENCE) {
            int exists = 0;
            if ((rc = reference_exists(db, f, v->i, &exists)) != JY_OK)
                return rc;
            if (!exists)
            {
                char idt[96];
                return jy__error(JY_ENOTFOUND, "%s: field '%s': no %s has %s", k->name, f->name,
                                 jy_kind_name((int)f->ref_kind), id_text(idt, sizeof idt, v->i));
            }
        }
    }

    for (size_t n = 0; n < sizeof order_rules / sizeof order_rules[0]; n++) {
        const order_rule *o = &order_rules[n];
        if (o->kind != k->kind)
            continue;
        int lo = jy__field_index(k, o->low), hi = jy__field_index(k, o->high);
        const jy__value *a = &record->values[lo], *b = &record->values[hi];
        if (!a->set || !b->set)
            continue;
        int bad = k->fields[lo].type == JY_FIELD_DATE ? jy_date_compare(a->date, b->date) > 0
                                                      : a->i > b->i;
        if (bad)
            return rule_error(record, &k->fields[hi], o->why);
    }

    /* Labor survey: residents aged 16 to 60 on the survey date. Others are
     * kept (people move in and out of the range) with a warning. */
    if (k->kind == JY_KIND_LABOR) {
        const rule_fields *rf = rule_fields_of(k);
        int age = 0;
        if (rf->birth_date >= 0 && rf->surveyed_on >= 0 && record->values[rf->birth_date].set &&
            record->values[rf->surveyed_on].set) {
            jy_date birth = record->values[rf->birth_date].date;
            jy_date on = record->values[rf->surveyed_on].date;
            if (jy_date_age(&age, birth, on) != JY_OK)
                return rule_error(record, jy_kind_field(JY_KIND_LABOR, "surveyed_on"),
                                  "surveyed before the person was born");
            if (age < 16 || age > 60)
                warnings |= JY_WARN_LABOR_AGE;
        }
    }
    if (k->kind == JY_KIND_JOBSEEKER && !jy_record_has(record, "age") &&
        jy_record_has(record, "id_number")) {
        jy_id_info id;
        jy_date on;
        const char *number = NULL;
        int age = 0;
        jy_record_get_text(&number, record, "id_number");
        if (jy_record_get_date(&on, record, "registered_on") == JY_OK &&
            jy_id_parse(&id, number) == JY_OK && jy_id_age(&age, &id, on) == JY_OK &&
            age >= 16 && age <= 70)
            jy_record_set_int(record, "age", age);
    }
    if (out_warnings)
        *out_warnings = warnings;
    return JY_OK;
}

/* ---- Writing ----------------------------------------------------------- */

static void bind_values(sqlite3_stmt *st, const jy_record *r)
{
    const jy__kind_info *k = r->info;
    for (size_t i = 1; i < k->field_count; i++) {
        const jy__value *v = &r->values[i];
        int col = (int)i;
        if (!v->set) {
            sqlite3_bind_null(st, col);
            continue;
        }
        switch (k->fields[i].type) {
        case JY_FIELD_INTEGER:
        case JY_FIELD_REFERENCE:
        case JY_FIELD_BOOL:
            sqlite3_bind_int64(st, col, v->i);
            break;
        case JY_FIELD_REAL:
            sqlite3_bind_double(st, col, v->r);
            break;
        default:
            sqlite3_bind_text(st, col, v->text, -1, SQLITE_STATIC);
            break;
        }
    }
}

/* A labor record's entry date (entered_on, read-only): on the first insert
 * its survey date (surveyed_on is required, so always known), unless the
 * record carries an earlier entry date (a record exported and imported
 * again keeps its own); on an update the stored record's entry date (`old`,
 * NULL on insert), whatever the update carries. */
static int set_entered_on(jy_record *r, const jy_record *old)
{
    if (r->info->kind != JY_KIND_LABOR)
        return JY_OK;
    int e = jy__field_index(r->info, "entered_on"), s = jy__field_index(r->info, "surveyed_on");
    if (e < 0 || s < 0)
        return JY_OK;
    const jy__value *from = &r->values[s];
    if (!old && r->values[e].set && from->set && strcmp(r->values[e].text, from->text) <= 0)
        return JY_OK;
    if (old)
        from = old->values[e].set ? &old->values[e] : &old->values[s];
    return jy__record_set_field(r, (size_t)e, from->set ? from->text : NULL);
}

/* The text of field `name` of `r`, NULL when unset. */
static const char *field_text(const jy_record *r, const char *name)
{
    int i = jy__field_index(r->info, name);
    return i >= 0 && r->values[i].set ? r->values[i].text : NULL;
}

static int insert_row_now(int64_t *id, jy_db *db, jy_record *r)
{
    sqlite3_stmt *st;
    int rc = jy__db_stmt(&st, db, r->info, JY__STMT_INSERT);
    if (rc != JY_OK)
        return rc;
    bind_values(st, r);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step != SQLITE_DONE) {
        if (step == SQLITE_CONSTRAINT_UNIQUE)
            return jy__error(JY_EEXISTS, "%s: a record with the same %s exists already",
                             r->info->name, "unique field (name, code or ID number)");
        return jy__db_error(db, step, r->info->name);
    }
    *id = sqlite3_last_insert_rowid(db->conn);
    if (r->info->kind == JY_KIND_LABOR) /* counted by the library (lib/tally.c) */
        return jy__tally_labor_insert(db, *id, field_text(r, "entered_on"),
                                      field_text(r, "birth_date"));
    return JY_OK;
}

static int insert_row(int64_t *out_id, jy_db *db, jy_record *r)
{
    int rc = set_entered_on(r, NULL);
    if (rc != JY_OK)
        return rc;
    /* A labor record and its count are one transaction. */
    int atomic = r->info->kind == JY_KIND_LABOR && sqlite3_get_autocommit(db->conn);
    if (atomic && (rc = jy__db_atomic_begin(db)) != JY_OK)
        return rc;
    int64_t id = 0;
    rc = insert_row_now(&id, db, r);
    if (atomic) {
        int end = jy__db_atomic_end(db, rc == JY_OK);
        if (rc == JY_OK)
            rc = end;
    }
    if (rc != JY_OK)
        return rc;
    rc = jy__record_set_id(r, id);
    if (rc == JY_OK && out_id)
        *out_id = id;
    return rc;
}

int jy_ledger_add(int64_t *out_id, jy_db *db, jy_record *record)
{
    if (!db || !record)
        return jy__error(JY_EINVAL, "jy_ledger_add: NULL argument");
    int rc = writable(record, "jy_ledger_add");
    if (rc != JY_OK)
        return rc;
    if ((rc = jy_ledger_check(db, record, NULL)) != JY_OK)
        return rc;
    return insert_row(out_id, db, record);
}

/* Reads row `st` (a SELECT * of the kind) into a new record. */
static int row_to_record(jy_record **out, sqlite3_stmt *st, const jy__kind_info *k)
{
    jy_record *r = NULL;
    int rc = jy_record_new(&r, k->kind);
    if (rc != JY_OK)
        return rc;
    for (size_t i = 0; i < k->field_count && rc == JY_OK; i++) {
        int col = (int)i;
        if (sqlite3_column_type(st, col) == SQLITE_NULL)
            continue;
        rc = jy__record_set_field(r, i, (const char *)sqlite3_column_text(st, col));
    }
    if (rc != JY_OK) {
        jy_record_free(r);
        return jy__error(JY_ESTORAGE, "%s: a stored value does not read back: %s", k->name,
                         jy_error_last()->message);
    }
    *out = r;
    return JY_OK;
}

static int get_row(jy_record **out, jy_db *db, const jy__kind_info *k, int64_t id)
{
    sqlite3_stmt *st;
    int rc = jy__db_stmt(&st, db, k, JY__STMT_SELECT);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        rc = row_to_record(out, st, k);
    else if (step == SQLITE_DONE) {
        char idt[96];
        rc = jy__error(JY_ENOTFOUND, "no %s has %s", k->name, id_text(idt, sizeof idt, id));
    } else {
        rc = jy__db_error(db, step, k->name);
    }
    sqlite3_reset(st);
    return rc;
}

int jy_ledger_get(jy_record **out, jy_db *db, jy_kind kind, int64_t id)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_ledger_get: out is NULL");
    *out = NULL;
    const jy__kind_info *k = jy__kind(kind);
    if (!db || !k)
        return jy__error(JY_EINVAL, "jy_ledger_get: NULL database or unknown kind");
    return get_row(out, db, k, id);
}

/* Writes history entries for a labor record: one per field whose canonical
 * text differs between `old` and `new_`. */
static int write_history(jy_db *db, const jy_record *old, const jy_record *new_, size_t *changes)
{
    const jy__kind_info *k = old->info;
    const jy__kind_info *hk = jy__kind(JY_KIND_LABOR_CHANGE);
    const char *on = NULL;
    jy_record_get_text(&on, new_, "surveyed_on");
    *changes = 0;
    for (size_t i = 1; i < k->field_count; i++) {
        const jy__value *a = &old->values[i], *b = &new_->values[i];
        if (k->fields[i].flags & JY_FIELD_READONLY)
            continue;
        if (a->set == b->set && (!a->set || !strcmp(a->text, b->text)))
            continue;
        if (!strcmp(k->fields[i].name, "surveyed_on"))
            continue; /* the date of the change itself */
        (*changes)++;
        if (k->kind != JY_KIND_LABOR)
            continue;
        jy_record *h = NULL;
        int rc = jy_record_new(&h, JY_KIND_LABOR_CHANGE);
        char id[32];
        snprintf(id, sizeof id, "%" PRId64, jy_record_id(old));
        if (rc == JY_OK)
            rc = jy__record_set_field(h, 1, id);
        if (rc == JY_OK)
            rc = jy__record_set_field(h, 2, on);
        if (rc == JY_OK)
            rc = jy__record_set_field(h, 3, k->fields[i].name);
        if (rc == JY_OK)
            rc = jy__record_set_field(h, 4, a->set ? a->text : NULL);
        if (rc == JY_OK)
            rc = jy__record_set_field(h, 5, b->set ? b->text : NULL);
        if (rc == JY_OK) {
            sqlite3_stmt *st;
            rc = jy__db_stmt(&st, db, hk, JY__STMT_INSERT);
            if (rc == JY_OK) {
                bind_values(st, h);
                int step = sqlite3_step(st);
                sqlite3_reset(st);
                if (step != SQLITE_DONE)
                    rc = jy__db_error(db, step, hk->name);
            }
        }
        jy_record_free(h);
        if (rc != JY_OK)
            return rc;
    }
    return JY_OK;
}

static int update_row(jy_db *db, const jy_record *r)
{
    sqlite3_stmt *st;
    int rc = jy__db_stmt(&st, db, r->info, JY__STMT_UPDATE);
    if (rc != JY_OK)
        return rc;
    bind_values(st, r);
    sqlite3_bind_int64(st, (int)r->info->field_count, jy_record_id(r));
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step != SQLITE_DONE) {
        if (step == SQLITE_CONSTRAINT_UNIQUE)
            return jy__error(JY_EEXISTS, "%s: another record has the same unique field",
                             r->info->name);
        return jy__db_error(db, step, r->info->name);
    }
    return JY_OK;
}

/* Replaces stored record `old` with `r` (same id), history included. */
static int replace(jy_db *db, const jy_record *old, jy_record *r, size_t *changes)
{
    /* The triggers that keep the labor tally see counted records only.
     * Written before the savepoint: a rollback of this record must not
     * take the counts of the records before it. */
    int rc = jy__tally_flush(db);
    if (rc == JY_OK)
        rc = jy__db_atomic_begin(db);
    if (rc != JY_OK)
        return rc;
    rc = set_entered_on(r, old);
    if (rc == JY_OK)
        rc = write_history(db, old, r, changes);
    if (rc == JY_OK)
        rc = update_row(db, r);
    int end = jy__db_atomic_end(db, rc == JY_OK);
    return rc == JY_OK ? end : rc;
}

/* Ends a transaction begun by the library: commits when rc is JY_OK, else
 * rolls back, keeping the error that caused it. */
static int end_own_transaction(jy_db *db, int rc)
{
    if (rc == JY_OK) {
        rc = jy__db_exec(db, "COMMIT");
        if (rc == JY_OK)
            return rc;
    }
    jy__saved_error saved;
    jy__error_save(&saved);
    if (!sqlite3_get_autocommit(db->conn))
        sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
    return jy__error_restore(&saved);
}

int jy_ledger_update(jy_db *db, jy_record *record)
{
    if (!db || !record)
        return jy__error(JY_EINVAL, "jy_ledger_update: NULL argument");
    int rc = writable(record, "jy_ledger_update");
    if (rc != JY_OK)
        return rc;
    int64_t id = jy_record_id(record);
    if (id <= 0)
        return jy__error(JY_EINVAL, "jy_ledger_update: the %s record has no id",
                         record->info->name);
    /* Outside a caller's transaction, take the write lock before reading
     * the stored record, so that the history written (old value -> new
     * value) cannot miss a change made meanwhile by another connection. */
    int own = sqlite3_get_autocommit(db->conn);
    if (own && (rc = jy__db_exec(db, "BEGIN IMMEDIATE")) != JY_OK)
        return rc;
    jy_record *old = NULL;
    if ((rc = get_row(&old, db, record->info, id)) != JY_OK)
        return own ? end_own_transaction(db, rc) : rc;
    /* A record read, changed and written back carries the derived values
     * of what it was: when the ID number changes they go with it. */
    int idn = jy__field_index(record->info, "id_number");
    if (idn >= 0 && record->values[idn].set && old->values[idn].set &&
        strcmp(record->values[idn].text, old->values[idn].text) != 0)
        for (size_t i = 1; i < record->info->field_count; i++)
            if (record->info->fields[i].flags & JY_FIELD_READONLY)
                jy__record_set_field(record, i, NULL);
    rc = jy_ledger_check(db, record, NULL);
    size_t changes = 0;
    if (rc == JY_OK)
        rc = replace(db, old, record, &changes);
    jy_record_free(old);
    return own ? end_own_transaction(db, rc) : rc;
}

/* The id of the stored record sharing a unique field's value with `r`, or 0. */
static int find_by_keys(int64_t *out, jy_db *db, const jy_record *r)
{
    const jy__kind_info *k = r->info;
    *out = 0;
    for (size_t i = 1; i < k->field_count; i++) {
        if (!(k->fields[i].flags & JY_FIELD_UNIQUE) || !r->values[i].set)
            continue;
        sqlite3_stmt **slot = &db->key_stmts[k->kind][i];
        if (!*slot) {
            char sql[160];
            snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE %s = ?", k->name,
                     k->fields[i].name);
            int prc = sqlite3_prepare_v3(db->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, slot,
                                         NULL);
            if (prc != SQLITE_OK)
                return jy__db_error(db, prc, k->name);
        }
        sqlite3_stmt *st = *slot;
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, r->values[i].text, -1, SQLITE_STATIC);
        int step = sqlite3_step(st);
        int64_t id = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_reset(st);
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            return jy__db_error(db, step, k->name);
        if (id && *out && id != *out)
            return jy__error(JY_EEXISTS, "%s: field '%s' belongs to another record than the "
                             "other unique fields", k->name, k->fields[i].name);
        if (id)
            *out = id;
    }
    return JY_OK;
}

/* Fills the fields `r` leaves unset with the stored values of `old`
 * (read-only fields are derived again by the check). A village and its
 * township go together: the stored village is not kept when the township
 * changes, nor the stored township when a village is given (the village
 * tells its township). */
static int merge_stored(jy_record *r, const jy_record *old)
{
    const jy__kind_info *k = r->info;
    int ti = -1, vi = -1;
    for (size_t i = 1; i < k->field_count; i++) {
        const char *fmt = k->fields[i].format ? k->fields[i].format : "";
        if (fmt == jy__fmt_township)
            ti = (int)i;
        else if (fmt == jy__fmt_village)
            vi = (int)i;
    }
    int moved = ti >= 0 && r->values[ti].set && old->values[ti].set &&
                strcmp(r->values[ti].text, old->values[ti].text) != 0;
    int village_given = vi >= 0 && r->values[vi].set;
    for (size_t i = 1; i < k->field_count; i++) {
        if (r->values[i].set || !old->values[i].set ||
            (k->fields[i].flags & JY_FIELD_READONLY))
            continue;
        if (((int)i == vi && moved) || ((int)i == ti && village_given))
            continue;
        int rc = jy__record_set_field(r, i, old->values[i].text);
        if (rc != JY_OK)
            return rc;
    }
    return JY_OK;
}

int jy_ledger_find(int64_t *out_id, jy_db *db, jy_kind kind, const char *field,
                   const char *value)
{
    if (out_id)
        *out_id = 0;
    const jy__kind_info *k = jy__kind(kind);
    if (!out_id || !db || !k || !field || !value)
        return jy__error(JY_EINVAL, "jy_ledger_find: NULL argument or unknown kind");
    int i = jy__field_index(k, field);
    if (i < 0 || !(k->fields[i].flags & JY_FIELD_UNIQUE))
        return jy__error(JY_EINVAL, "jy_ledger_find: %s has no unique field '%.40s'", k->name,
                         field);
    jy_record *r = NULL;
    int rc = jy_record_new(&r, kind);
    if (rc != JY_OK)
        return rc;
    unsigned int warnings = 0;
    rc = jy__record_set_field(r, (size_t)i, value);
    if (rc == JY_OK && !r->values[i].set)
        rc = jy__error(JY_EINVAL, "jy_ledger_find: the value is empty");
    if (rc == JY_OK)
        rc = check_format(db, r, (size_t)i, &warnings);
    int64_t id = 0;
    if (rc == JY_OK)
        rc = find_by_keys(&id, db, r);
    jy_record_free(r);
    if (rc != JY_OK)
        return rc;
    if (!id)
        return jy__error(JY_ENOTFOUND, "no %s has this %s", k->name, field);
    *out_id = id;
    return JY_OK;
}

int jy_ledger_save(jy_save_result *out, jy_db *db, jy_record *record)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!db || !record)
        return jy__error(JY_EINVAL, "jy_ledger_save: NULL argument");
    int rc = writable(record, "jy_ledger_save");
    if (rc != JY_OK)
        return rc;
    const jy__kind_info *k = record->info;
    unsigned int warnings = 0;

    /* The natural keys, in canonical form, find the stored record; the
     * township too, which tells whether a stored village still holds. */
    for (size_t i = 1; i < k->field_count; i++) {
        const jy_field_info *f = &k->fields[i];
        int township = f->format == jy__fmt_township;
        if (record->values[i].set && ((f->flags & JY_FIELD_UNIQUE) || township) &&
            (rc = check_format(db, record, i, &warnings)) != JY_OK)
            return rc;
    }
    /* Most saves add a new record (an import of the survey): check it as
     * such and insert; only when a natural key is taken, or the record is
     * incomplete on its own, look for the stored record to update. */
    int64_t id = 0;
    jy_record *old = NULL;
    int updating = 0;
    size_t changes = 0;
    unsigned int more = 0; /* the legacy-form warning was given above */
    int has_key = 0;
    for (size_t i = 1; i < k->field_count; i++)
        if ((k->fields[i].flags & JY_FIELD_UNIQUE) && record->values[i].set)
            has_key = 1;
    rc = check_record(db, record, &more, 1);
    if (rc == JY_OK) {
        rc = insert_row(&id, db, record);
        if (rc != JY_EEXISTS)
            goto done;
    } else if (!has_key || (rc != JY_EINVAL && rc != JY_ENOTFOUND)) {
        goto done;
    }
    if (!has_key)
        goto done;
    {
        /* An update, of the record found by its key whatever id the record
         * carried, is checked after the merge: fields the record leaves
         * unset keep their stored values, required ones included, and the
         * rules between fields see them. */
        jy__saved_error first; /* the first check's error, if it stands */
        jy__error_save(&first);
        int first_rc = rc;
        /* Outside a caller's transaction, take the write lock before reading
         * the stored record, so that no other connection changes it between
         * the read and the write (no lost update). */
        int own = sqlite3_get_autocommit(db->conn);
        if (own && (rc = jy__db_exec(db, "BEGIN IMMEDIATE")) != JY_OK)
            goto done;
        rc = find_by_keys(&id, db, record);
        if (rc == JY_OK && !id) {
            if (first_rc == JY_EEXISTS)
                rc = insert_row(&id, db, record); /* deleted meanwhile */
            else
                rc = jy__error_restore(&first); /* the first check's error stands */
        } else if (rc == JY_OK) {
            updating = 1;
            char idtext[32];
            snprintf(idtext, sizeof idtext, "%" PRId64, id);
            rc = get_row(&old, db, k, id);
            if (rc == JY_OK)
                rc = jy__record_set_field(record, 0, idtext);
            if (rc == JY_OK)
                rc = merge_stored(record, old);
            if (rc == JY_OK)
                rc = check_record(db, record, &more, 1);
            if (rc == JY_OK)
                rc = replace(db, old, record, &changes);
        }
        if (own)
            rc = end_own_transaction(db, rc);
    }
done:
    warnings |= more;
    jy_record_free(old);
    if (rc == JY_OK && out) {
        out->id = id;
        out->updated = updating;
        out->changes = changes;
        out->warnings = warnings;
    }
    return rc;
}

int jy_ledger_delete(jy_db *db, jy_kind kind, int64_t id)
{
    const jy__kind_info *k = jy__kind(kind);
    if (!db || !k)
        return jy__error(JY_EINVAL, "jy_ledger_delete: NULL database or unknown kind");
    if (!k->writable)
        return jy__error(JY_EINVAL, "jy_ledger_delete: %s records are written by the library only",
                         k->name);
    /* The triggers that keep the labor tally see counted records only (a
     * deletion may cascade to labor records). */
    int rc = jy__tally_flush(db);
    if (rc != JY_OK)
        return rc;
    sqlite3_stmt *st;
    rc = jy__db_stmt(&st, db, k, JY__STMT_DELETE);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step == SQLITE_CONSTRAINT_FOREIGNKEY)
        return jy__error(JY_ECONSTRAINT, "%s %" PRId64 " is referred to by other records: "
                         "delete them first", k->name, id);
    if (step != SQLITE_DONE)
        return jy__db_error(db, step, k->name);
    if (sqlite3_changes(db->conn) == 0) {
        char idt[96];
        return jy__error(JY_ENOTFOUND, "no %s has %s", k->name, id_text(idt, sizeof idt, id));
    }
    return JY_OK;
}

/* ---- Listing and counting ---------------------------------------------- */

struct jy_ledger_iter {
    jy_db *db;
    const jy__kind_info *kind;
    sqlite3_stmt *stmt;
};

int jy_filter_init(jy_filter *filter, jy_kind kind)
{
    if (!filter)
        return jy__error(JY_EINVAL, "jy_filter_init: filter is NULL");
    jy_filter f = JY_FILTER_INIT;
    f.kind = kind;
    *filter = f;
    return JY_OK;
}

/* Prepares "SELECT <what> FROM <kind> WHERE ..." for a filter. The SQL text
 * is assembled from static fragments and catalogue names; every value is a
 * bound parameter. */
static int prepare_filter(sqlite3_stmt **out, jy_db *db, const jy_filter *f, int count)
{
    *out = NULL;
    if (!db || !f)
        return jy__error(JY_EINVAL, "ledger listing: NULL argument");
    if (f->version < 1 || f->version > JY_FILTER_VERSION)
        return jy__error(JY_EINVAL, "ledger listing: filter version %u is not supported",
                         f->version);
    const jy__kind_info *k = jy__kind(f->kind);
    if (!k)
        return jy__error(JY_EINVAL, "ledger listing: the filter has no valid kind");
    int has_from = f->from.year != 0, has_to = f->to.year != 0;
    if ((has_from && !jy_date_is_valid(f->from)) || (has_to && !jy_date_is_valid(f->to)))
        return jy__error(JY_EINVAL, "ledger listing: the period has a date that does not exist");
    if ((has_from || has_to) && !k->date_field)
        return jy__error(JY_EINVAL, "ledger listing: %s records have no date to filter on",
                         k->name);
    if (f->township && !k->township_field)
        return jy__error(JY_EINVAL, "ledger listing: %s records have no township", k->name);
    if (f->subkind && !k->kind_field)
        return jy__error(JY_EINVAL, "ledger listing: %s records have no sub-kind", k->name);
    int ent = jy__field_index(k, "enterprise_id");
    if (f->enterprise_id && k->kind != JY_KIND_ENTERPRISE && ent < 0)
        return jy__error(JY_EINVAL, "ledger listing: %s records have no enterprise", k->name);

    const char *township_code = NULL;
    if (f->township) {
        const jy_township *t = NULL;
        if (jy_county_find_township(&t, db->county, f->township) != JY_OK)
            return jy__error(JY_EINVAL, "ledger listing: unknown township");
        township_code = t->code;
    }
    const char *subkind = f->subkind;
    if (subkind) {
        int e = jy__enum_index(&k->fields[jy__field_index(k, k->kind_field)], subkind);
        if (e < 0)
            return jy__error(JY_EINVAL, "ledger listing: '%.40s' is not a %s %s", subkind,
                             k->name, k->kind_field);
        subkind = k->fields[jy__field_index(k, k->kind_field)].values[e];
    }

    char sql[512];
    int n = snprintf(sql, sizeof sql, "SELECT %s FROM %s WHERE 1", count ? "count(*)" : "*",
                     k->name);
    if (has_from)
        n += snprintf(sql + n, sizeof sql - (size_t)n, " AND %s >= :from", k->date_field);
    if (has_to)
        n += snprintf(sql + n, sizeof sql - (size_t)n, " AND %s <= :to", k->date_field);
    if (township_code)
        n += snprintf(sql + n, sizeof sql - (size_t)n, " AND %s = :township", k->township_field);
    if (subkind)
        n += snprintf(sql + n, sizeof sql - (size_t)n, " AND %s = :subkind", k->kind_field);
    if (f->enterprise_id)
        n += snprintf(sql + n, sizeof sql - (size_t)n, " AND %s = :enterprise",
                      k->kind == JY_KIND_ENTERPRISE ? "id" : "enterprise_id");
    if (!count)
        snprintf(sql + n, sizeof sql - (size_t)n, " ORDER BY id");

    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return jy__db_error(db, rc, k->name);
    char from[JY_DATE_TEXT_SIZE], to[JY_DATE_TEXT_SIZE];
    if (has_from) {
        jy_date_format(from, f->from);
        sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":from"), from, -1,
                          SQLITE_TRANSIENT);
    }
    if (has_to) {
        jy_date_format(to, f->to);
        sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":to"), to, -1, SQLITE_TRANSIENT);
    }
    if (township_code)
        sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":township"), township_code, -1,
                          SQLITE_TRANSIENT);
    if (subkind)
        sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":subkind"), subkind, -1,
                          SQLITE_STATIC);
    if (f->enterprise_id)
        sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":enterprise"), f->enterprise_id);
    *out = st;
    return JY_OK;
}

int jy_ledger_iter_new(jy_ledger_iter **out, jy_db *db, const jy_filter *filter)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_ledger_iter_new: out is NULL");
    *out = NULL;
    sqlite3_stmt *st = NULL;
    int rc = prepare_filter(&st, db, filter, 0);
    if (rc != JY_OK)
        return rc;
    jy_ledger_iter *it = jy__calloc(1, sizeof *it);
    if (!it) {
        sqlite3_finalize(st);
        return JY_ENOMEM;
    }
    it->db = db;
    it->kind = jy__kind(filter->kind);
    it->stmt = st;
    *out = it;
    return JY_OK;
}

int jy_ledger_iter_next(jy_record **out, jy_ledger_iter *iter)
{
    if (!out || !iter)
        return jy__error(JY_EINVAL, "jy_ledger_iter_next: NULL argument");
    *out = NULL;
    if (!iter->stmt)
        return JY_ITEROVER;
    int step = sqlite3_step(iter->stmt);
    if (step == SQLITE_ROW)
        return row_to_record(out, iter->stmt, iter->kind);
    sqlite3_finalize(iter->stmt);
    iter->stmt = NULL;
    if (step == SQLITE_DONE)
        return JY_ITEROVER;
    return jy__db_error(iter->db, step, iter->kind->name);
}

void jy_ledger_iter_free(jy_ledger_iter *iter)
{
    if (!iter)
        return;
    sqlite3_finalize(iter->stmt);
    free(iter);
}

int jy_ledger_count(int64_t *out, jy_db *db, const jy_filter *filter)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_ledger_count: out is NULL");
    *out = 0;
    sqlite3_stmt *st = NULL;
    int rc = prepare_filter(&st, db, filter, 1);
    if (rc != JY_OK)
        return rc;
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    else
        rc = jy__db_error(db, step, jy_kind_name((int)filter->kind));
    sqlite3_finalize(st);
    return rc;
}
