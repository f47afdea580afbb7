/*
 * The built-in reports, computed from the ledgers with SQL on the schema
 * (lib/schema.c) and the catalogue's labels (lib/catalog.c):
 *
 *  - quarterly_labor and returnee_monthly: one scan of the labor table in id
 *    order, merged with the (much smaller) labor history grouped by record,
 *    counting by township in C (150 000 records in a few tens of
 *    milliseconds, no index needed);
 *  - quarterly_labor_service: the same scan merged with the 1311 services
 *    and the return-home assistance of each person; the big screen's labor
 *    and key-group figures (jy__report_key_coverage) are a lighter variant
 *    of it (5 columns, the services only);
 *  - staff_survey and quarterly_enterprise_service: queries on the
 *    enterprise-sized ledgers.
 *
 * Every builder reads inside one savepoint, so a report sees one snapshot of
 * the database even while other connections write.
 */
#include "report_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"

/* ---- Small helpers ----------------------------------------------------------- */

typedef struct period {
    char from[16], to[16];
    jy_date f, t;
} period;

static void get_period(period *p, const jy_report *r)
{
    p->f = jy_report_from(r);
    p->t = jy_report_to(r);
    jy_date_format(p->from, p->f);
    jy_date_format(p->to, p->t);
}

static int prepare(sqlite3_stmt **out, jy_db *db, const char *sql)
{
    int rc = sqlite3_prepare_v2(db->conn, sql, -1, out, NULL);
    if (rc != SQLITE_OK) {
        *out = NULL;
        return jy__db_error(db, rc, "report");
    }
    return JY_OK;
}

static int step_error(jy_db *db, int rc)
{
    return rc == SQLITE_DONE ? JY_OK : jy__db_error(db, rc, "report");
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : NULL;
}

/* Text of a column without the copy sqlite3_column_text() makes to end it
 * with a NUL: the bytes in place and their length (p NULL for NULL). The
 * labor scans read 150 000 rows this way. */
typedef struct txt {
    const char *p;
    size_t n;
} txt;

static txt col_txt(sqlite3_stmt *st, int i)
{
    /* One call into the statement instead of two (sqlite3_column_blob, then
     * _bytes): the value itself is read, which is safe as the connection is
     * used by one thread at a time (SQLITE_OPEN_NOMUTEX, docs/threading.md). */
    sqlite3_value *v = sqlite3_column_value(st, i);
    txt t;
    t.p = (const char *)sqlite3_value_blob(v);
    t.n = t.p ? (size_t)sqlite3_value_bytes(v) : 0;
    return t;
}

static int txt_is(txt t, const char *s)
{
    if (!t.p || (t.n ? s[0] != t.p[0] : s[0] != '\0')) /* most mismatches, without strlen */
        return 0;
    size_t n = strlen(s);
    return t.n == n && !memcmp(t.p, s, n);
}

static txt cstr(const char *s)
{
    txt t = { s, s ? strlen(s) : 0 };
    return t;
}

/* Index of a township code in the county, or `n` (the "unknown" row): a
 * small hash table of the codes (the labor scans look up 150 000 codes). */
#define JY__TOWN_SLOTS 256

typedef struct towns {
    const jy_county *county;
    size_t n;
    unsigned short slot[JY__TOWN_SLOTS]; /* index + 1; 0: empty; used if n < 128 */
} towns;

static uint32_t hash_text(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void towns_init(towns *t, const jy_county *county)
{
    memset(t, 0, sizeof *t);
    t->county = county;
    t->n = jy_county_township_count(county);
    if (t->n >= JY__TOWN_SLOTS / 2)
        return;
    for (size_t i = 0; i < t->n; i++) {
        const char *code = jy_county_township_at(county, i)->code;
        size_t j = hash_text(code, strlen(code)) & (JY__TOWN_SLOTS - 1);
        while (t->slot[j])
            j = (j + 1) & (JY__TOWN_SLOTS - 1);
        t->slot[j] = (unsigned short)(i + 1);
    }
}

static size_t town_index_t(const towns *t, txt code)
{
    if (!code.p)
        return t->n;
    if (t->n < JY__TOWN_SLOTS / 2) {
        for (size_t j = hash_text(code.p, code.n) & (JY__TOWN_SLOTS - 1); t->slot[j];
             j = (j + 1) & (JY__TOWN_SLOTS - 1))
            if (txt_is(code, jy_county_township_at(t->county, t->slot[j] - 1u)->code))
                return t->slot[j] - 1u;
        return t->n;
    }
    for (size_t i = 0; i < t->n; i++)
        if (txt_is(code, jy_county_township_at(t->county, i)->code))
            return i;
    return t->n;
}

static size_t town_index(const towns *t, const char *code)
{
    return town_index_t(t, cstr(code));
}

static const char *town_name(const towns *t, size_t i)
{
    return i < t->n ? jy_county_township_at(t->county, i)->name : "未知乡镇";
}

/* Index of an enum value among a catalogue field's values, or the count
 * (the "not given / other" slot). */
static size_t enum_slot_t(const jy_field_info *f, txt value)
{
    size_t i = 0;
    for (; f->values[i]; i++)
        if (txt_is(value, f->values[i]))
            return i;
    return i;
}

static size_t enum_slot(const jy_field_info *f, const char *value)
{
    return enum_slot_t(f, cstr(value));
}

static size_t enum_count(const jy_field_info *f)
{
    size_t n = 0;
    while (f->values[n])
        n++;
    return n;
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Age on `on` from a birth date text YYYY-MM-DD (as stored); -1 if unknown. */
static int age_on(txt b, jy_date on)
{
    if (!b.p || b.n != 10)
        return -1;
    const char *birth = b.p;
    int y = digits(birth, 4), m = digits(birth + 5, 2), d = digits(birth + 8, 2);
    int age = on.year - y;
    if (on.month < m || (on.month == m && on.day < d))
        age--;
    return age;
}

/* Calls fn(item, len, payload) for each item of a list field's canonical
 * text (items joined with 、). */
static void each_item(txt list, void (*fn)(const char *, size_t, void *), void *payload)
{
    if (!list.p)
        return;
    const char *p = list.p, *end = list.p + list.n;
    while (p < end) {
        const char *q = p;
        while (q + 2 < end && !(q[0] == '\xe3' && q[1] == '\x80' && q[2] == '\x81'))
            q++;
        if (q + 2 >= end)
            q = end;
        if (q > p)
            fn(p, (size_t)(q - p), payload);
        p = q == end ? end : q + 3;
    }
}

/* ---- A counter of short texts (skills, jobs) --------------------------------- */

typedef struct tally_entry {
    char *text;
    int64_t count;
} tally_entry;

typedef struct tally {
    tally_entry *slots;
    size_t cap, used;
    int failed;
} tally;

static void tally_add(tally *t, const char *s, size_t len)
{
    if (t->failed)
        return;
    if ((t->used + 1) * 2 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        tally_entry *slots = jy__calloc(cap, sizeof *slots);
        if (!slots) {
            t->failed = 1;
            return;
        }
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i].text) {
                size_t j = hash_text(t->slots[i].text, strlen(t->slots[i].text)) & (cap - 1);
                while (slots[j].text)
                    j = (j + 1) & (cap - 1);
                slots[j] = t->slots[i];
            }
        free(t->slots);
        t->slots = slots;
        t->cap = cap;
    }
    size_t j = hash_text(s, len) & (t->cap - 1);
    while (t->slots[j].text) {
        if (strlen(t->slots[j].text) == len && !memcmp(t->slots[j].text, s, len)) {
            t->slots[j].count++;
            return;
        }
        j = (j + 1) & (t->cap - 1);
    }
    t->slots[j].text = jy__strndup(s, len);
    if (!t->slots[j].text) {
        t->failed = 1;
        return;
    }
    t->slots[j].count = 1;
    t->used++;
}

static void tally_item(const char *s, size_t len, void *payload)
{
    tally_add(payload, s, len);
}

static void tally_free(tally *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->slots[i].text);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static int by_count_desc(const void *a, const void *b)
{
    const tally_entry *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->text, y->text);
}

/* Adds a section listing the `top` most frequent texts of `t`. */
static int tally_section(jy_report *r, tally *t, const char *name, const char *title,
                         const char *what, int top)
{
    if (t->failed)
        return jy__error_nomem();
    size_t si = 0;
    int rc = jy_report_add_section(&si, r, name, title, NULL);
    if (rc == JY_OK)
        rc = jy_report_add_column(r, si, "rank", "序号");
    if (rc == JY_OK)
        rc = jy_report_add_column(r, si, "text", what);
    if (rc == JY_OK)
        rc = jy_report_add_column(r, si, "persons", "人数");
    if (rc != JY_OK)
        return rc;
    tally_entry *list = jy__calloc(t->used ? t->used : 1, sizeof *list);
    if (!list)
        return JY_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].text)
            list[n++] = t->slots[i];
    qsort(list, n, sizeof *list, by_count_desc);
    for (size_t i = 0; i < n && i < (size_t)top && rc == JY_OK; i++) {
        size_t row = 0;
        rc = jy_report_add_row(&row, r, si, 0);
        if (rc == JY_OK)
            rc = jy_report_set_number(r, si, row, 0, JY_CELL_INTEGER, (double)(i + 1));
        if (rc == JY_OK)
            rc = jy_report_set_text(r, si, row, 1, list[i].text);
        if (rc == JY_OK)
            rc = jy_report_set_number(r, si, row, 2, JY_CELL_INTEGER, (double)list[i].count);
    }
    free(list);
    return rc;
}

/* ---- Tables counted by township ---------------------------------------------- */

/* A table of `ncols` counters for each township (and an "unknown" row). */
typedef struct grid {
    size_t rows, cols;
    int64_t *v;
} grid;

static int grid_init(grid *g, size_t rows, size_t cols)
{
    g->rows = rows;
    g->cols = cols;
    g->v = jy__calloc(rows * cols, sizeof *g->v);
    return g->v ? JY_OK : JY_ENOMEM;
}

static int64_t *cell_of(grid *g, size_t row, size_t col)
{
    return &g->v[row * g->cols + col];
}

/* Column kinds of a township table's section. */
typedef struct column {
    const char *name, *label;
    int ratio_of, ratio_over; /* >= 0: a percentage column of two counters */
} column;

/* Emits a section of township rows (the county's townships in order; the
 * "unknown" row only if it counted something) and a totals row. Columns
 * are counters of `g` in order, except ratio columns, which divide two
 * counters (empty when the divisor is 0). */
static int grid_section(jy_report *r, towns *tw, grid *g, const char *name, const char *title,
                        const char *note, const column *cols, size_t ncols)
{
    size_t si = 0;
    int rc = jy_report_add_section(&si, r, name, title, note);
    if (rc == JY_OK)
        rc = jy_report_add_column(r, si, "township", "乡镇");
    for (size_t c = 0; c < ncols && rc == JY_OK; c++)
        rc = jy_report_add_column(r, si, cols[c].name, cols[c].label);
    int64_t *total = rc == JY_OK ? jy__calloc(g->cols, sizeof *total) : NULL;
    if (rc == JY_OK && !total)
        rc = JY_ENOMEM;
    for (size_t t = 0; t <= tw->n + 1 && rc == JY_OK; t++) {
        int is_total = t == tw->n + 1;
        int64_t *vals = is_total ? total : cell_of(g, t, 0);
        if (t == tw->n) { /* the unknown row: only when something is in it */
            int any = 0;
            for (size_t c = 0; c < g->cols; c++)
                any |= vals[c] != 0;
            if (!any)
                continue;
        }
        if (!is_total)
            for (size_t c = 0; c < g->cols; c++)
                total[c] += vals[c];
        size_t row = 0;
        rc = jy_report_add_row(&row, r, si, is_total);
        if (rc == JY_OK)
            rc = jy_report_set_text(r, si, row, 0, is_total ? "合计" : town_name(tw, t));
        size_t counter = 0;
        for (size_t c = 0; c < ncols && rc == JY_OK; c++) {
            if (cols[c].ratio_of >= 0) {
                int64_t over = vals[cols[c].ratio_over];
                if (over > 0)
                    rc = jy_report_set_number(r, si, row, c + 1, JY_CELL_PERCENT,
                                              (double)vals[cols[c].ratio_of] / (double)over);
            } else {
                rc = jy_report_set_number(r, si, row, c + 1, JY_CELL_INTEGER,
                                          (double)vals[counter]);
                counter++;
            }
        }
    }
    free(total);
    return rc;
}

/* ---- Labor scans --------------------------------------------------------------- */

/* A sorted stream of (labor_id, a, b, c) rows merged with the labor scan. */
typedef struct side {
    sqlite3_stmt *st;
    int done;
    int64_t id;
} side;

static int side_open(side *s, jy_db *db, const char *sql, const period *p)
{
    memset(s, 0, sizeof s[0]);
    int rc = prepare(&s->st, db, sql);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_text(s->st, 1, p->from, -1, SQLITE_STATIC);
    sqlite3_bind_text(s->st, 2, p->to, -1, SQLITE_STATIC);
    s->id = -1;
    return JY_OK;
}

/* Advances to `id`; returns 1 if the stream has a row for it. */
static int side_seek(side *s, jy_db *db, int64_t id, int *rc)
{
    while (!s->done && s->id < id) {
        int step = sqlite3_step(s->st);
        if (step == SQLITE_ROW) {
            s->id = sqlite3_column_int64(s->st, 0);
        } else {
            s->done = 1;
            if (step != SQLITE_DONE)
                *rc = jy__db_error(db, step, "report");
        }
    }
    return !s->done && s->id == id;
}

static void side_close(side *s)
{
    sqlite3_finalize(s->st);
    s->st = NULL;
}

/* The labor scans, one per report: the same 14 result columns, the ones a
 * report does not use replaced by NULL (SQLite decodes every result column of
 * every row, so fewer real columns make a faster scan), and the returnee
 * report reading returnees only. */
static const char *const labor_sql_all =
    "SELECT id, township, birth_date, education, employment_status, skills, needs_job, "
    "needs_entrepreneurship, needs_training, key_groups, returnee, wish_local, entered_on, NULL "
    "FROM labor ORDER BY id";
static const char *const labor_sql_returnee =
    "SELECT id, township, birth_date, NULL, employment_status, skills, needs_job, "
    "needs_entrepreneurship, needs_training, NULL, returnee, wish_local, entered_on, job "
    "FROM labor WHERE returnee = 1 ORDER BY id";
static const char *const labor_sql_service =
    "SELECT id, township, birth_date, NULL, employment_status, NULL, needs_job, NULL, NULL, "
    "key_groups, returnee, wish_local, entered_on, NULL FROM labor ORDER BY id";
/* The big screen's coverage (jy__report_key_coverage): whether a record
 * counts, its township and its groups, nothing else. */
static const char *const labor_sql_coverage =
    "SELECT id, township, birth_date, NULL, NULL, NULL, NULL, NULL, NULL, "
    "key_groups, NULL, NULL, entered_on, NULL FROM labor ORDER BY id";

/* History: first change and whether one lies in the period. */
static const char *const change_sql =
    "SELECT labor_id, min(changed_on) <= ?2, max(changed_on BETWEEN ?1 AND ?2) "
    "FROM labor_change GROUP BY labor_id ORDER BY labor_id";

/* One labor row. */
typedef struct labor_row {
    int64_t id;
    txt township, birth, education, status, skills, key_groups, entered, job;
    int needs_job, needs_ent, needs_train, returnee, wish_local;
    int changed_by_to, changed_in;
} labor_row;

typedef int (*labor_fn)(const labor_row *row, void *payload);

static int labor_scan(jy_db *db, const char *sql, const period *p, side *extra, size_t nextra,
                      labor_fn fn, void *payload)
{
    sqlite3_stmt *st = NULL;
    side changes;
    int rc = prepare(&st, db, sql);
    if (rc == JY_OK)
        rc = side_open(&changes, db, change_sql, p);
    if (rc != JY_OK) {
        sqlite3_finalize(st);
        return rc;
    }
    /* The columns a scan replaced by NULL (no declared type) are not asked
     * for: two calls into SQLite fewer per row and column. Every column of
     * the labor table is declared with a type (lib/schema.c), so a real
     * column is never taken for a NULL. */
    int used[14];
    for (int i = 0; i < 14; i++)
        used[i] = sqlite3_column_decltype(st, i) != NULL;
    static const txt none = { NULL, 0 };
#define JY__TXT(i) (used[i] ? col_txt(st, i) : none)
#define JY__INT(i) (used[i] ? sqlite3_column_int(st, i) : 0)
    int step;
    while (rc == JY_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        labor_row row;
        row.id = sqlite3_column_int64(st, 0);
        row.township = JY__TXT(1);
        row.birth = JY__TXT(2);
        row.education = JY__TXT(3);
        row.status = JY__TXT(4);
        row.skills = JY__TXT(5);
        row.needs_job = JY__INT(6);
        row.needs_ent = JY__INT(7);
        row.needs_train = JY__INT(8);
        row.key_groups = JY__TXT(9);
        row.returnee = JY__INT(10);
        row.wish_local = JY__INT(11);
        row.entered = JY__TXT(12);
        row.job = JY__TXT(13);
        row.changed_by_to = row.changed_in = 0;
        if (side_seek(&changes, db, row.id, &rc)) {
            row.changed_by_to = sqlite3_column_int(changes.st, 1);
            row.changed_in = sqlite3_column_int(changes.st, 2);
        }
        for (size_t i = 0; i < nextra && rc == JY_OK; i++)
            side_seek(&extra[i], db, row.id, &rc);
        if (rc == JY_OK)
            rc = fn(&row, payload);
    }
#undef JY__TXT
#undef JY__INT
    if (rc == JY_OK)
        rc = step_error(db, step);
    side_close(&changes);
    sqlite3_finalize(st);
    return rc;
}

/* Whether a record counts: on the ledger at the end of the period (entered
 * by then: labor.entered_on, the first insert's date, never moved by
 * updates) and aged 16 to 60 then. Sets *added for a record entered in the
 * period. A record without an entry date (none since schema 3) counts when
 * changed by the period's end. */
static int counted(const labor_row *row, const period *p, int *added)
{
    /* Dates are stored as YYYY-MM-DD: compared as text. */
    int dated = row->entered.p && row->entered.n == 10;
    int entered_by_to = dated && memcmp(row->entered.p, p->to, 10) <= 0;
    *added = entered_by_to && memcmp(row->entered.p, p->from, 10) >= 0;
    if (!entered_by_to && !row->changed_by_to)
        return 0;
    int age = age_on(row->birth, p->t);
    return age >= 16 && age <= 60;
}

static const char *const note_population =
    "统计口径: 截至期末已录入(录入日期在期末前)、期末年满16至60周岁的劳动力资源信息，"
    "按记录当前信息统计。";
static const char *const note_changes =
    "本期新增: 录入日期在本期的信息; 本期更新: 本期有变更记录的信息"
    "(同一身份证号再次录入时系统按字段留存变更历史)。";

/* ---- quarterly_labor / returnee_monthly ----------------------------------------- */

enum { L_TOTAL, L_SKILLS, L_NEEDS_JOB, L_NEEDS_ENT, L_NEEDS_TRAIN, L_KEY, L_RETURNEE, L_WISH,
       L_ADDED, L_UPDATED, L_CHECKED, L_ACCURATE, L_N };

typedef struct labor_ctx {
    const period *p;
    towns tw;
    int returnee_only;
    const jy_field_info *f_status, *f_edu, *f_key;
    size_t n_status, n_edu, n_key;
    grid base;   /* L_* counters */
    grid status; /* n_status + 1 */
    grid edu;    /* n_edu + 1 */
    grid key;    /* n_key */
    tally skills, jobs;
} labor_ctx;

typedef struct key_acc {
    labor_ctx *c;
    size_t town;
    int any;
} key_acc;

static void key_item(const char *s, size_t len, void *payload)
{
    key_acc *k = payload;
    for (size_t i = 0; i < k->c->n_key; i++)
        if (strlen(k->c->f_key->values[i]) == len && !memcmp(k->c->f_key->values[i], s, len)) {
            (*cell_of(&k->c->key, k->town, i))++;
            k->any = 1;
        }
}

static int labor_count(const labor_row *row, void *payload)
{
    labor_ctx *c = payload;
    int added = 0;
    if (!counted(row, c->p, &added))
        return JY_OK;
    if (c->returnee_only && !row->returnee)
        return JY_OK;
    size_t t = town_index_t(&c->tw, row->township);
    int64_t *b = cell_of(&c->base, t, 0);
    b[L_TOTAL]++;
    if (row->skills.p) {
        b[L_SKILLS]++;
        each_item(row->skills, tally_item, &c->skills);
    }
    b[L_NEEDS_JOB] += row->needs_job != 0;
    b[L_NEEDS_ENT] += row->needs_ent != 0;
    b[L_NEEDS_TRAIN] += row->needs_train != 0;
    b[L_RETURNEE] += row->returnee != 0;
    b[L_WISH] += row->wish_local != 0;
    b[L_ADDED] += added;
    b[L_UPDATED] += row->changed_in != 0;
    (*cell_of(&c->status, t, enum_slot_t(c->f_status, row->status)))++;
    (*cell_of(&c->edu, t, enum_slot_t(c->f_edu, row->education)))++;
    if (row->key_groups.p) {
        key_acc k = { c, t, 0 };
        each_item(row->key_groups, key_item, &k);
        b[L_KEY] += k.any;
    }
    if (c->returnee_only && row->job.p && row->job.n)
        tally_add(&c->jobs, row->job.p, row->job.n);
    return JY_OK;
}

/* Spot checks in the period, by the township of the record checked. */
static int count_checks(jy_db *db, labor_ctx *c)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(&st, db,
                     "SELECT l.township, count(*), sum(v.accurate = 1) FROM verification v "
                     "JOIN labor l ON l.id = v.labor_id "
                     "WHERE v.checked_on BETWEEN ?1 AND ?2 GROUP BY l.township");
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_text(st, 1, c->p->from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, c->p->to, -1, SQLITE_STATIC);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        size_t t = town_index(&c->tw, col_text(st, 0));
        *cell_of(&c->base, t, L_CHECKED) += sqlite3_column_int64(st, 1);
        *cell_of(&c->base, t, L_ACCURATE) += sqlite3_column_int64(st, 2);
    }
    rc = step_error(db, step);
    sqlite3_finalize(st);
    return rc;
}

/* Columns over an enum field's values (+ a "not given" column). */
static column *enum_columns(const jy_field_info *f, size_t n, const char *prefix_total,
                            size_t *out_n)
{
    column *cols = jy__calloc(n + 2, sizeof *cols);
    if (!cols)
        return NULL;
    size_t k = 0;
    if (prefix_total)
        cols[k++] = (column){ "total", prefix_total, -1, -1 };
    for (size_t i = 0; i < n; i++)
        cols[k++] = (column){ f->values[i], f->value_labels[i], -1, -1 };
    cols[k++] = (column){ "not_given", "未填报", -1, -1 };
    *out_n = k;
    return cols;
}

/* A grid with the base total in front of an enum grid, for enum sections. */
static int with_total(grid *out, grid *base, grid *g)
{
    int rc = grid_init(out, g->rows, g->cols + 1);
    if (rc != JY_OK)
        return rc;
    for (size_t t = 0; t < g->rows; t++) {
        *cell_of(out, t, 0) = *cell_of(base, t, L_TOTAL);
        for (size_t c = 0; c < g->cols; c++)
            *cell_of(out, t, c + 1) = *cell_of(g, t, c);
    }
    return JY_OK;
}

static int enum_section(jy_report *r, labor_ctx *c, grid *g, const jy_field_info *f, size_t n,
                        const char *name, const char *title, const char *total_label)
{
    size_t ncols = 0;
    column *cols = enum_columns(f, n, total_label, &ncols);
    grid full = { 0, 0, NULL };
    int rc = cols ? with_total(&full, &c->base, g) : JY_ENOMEM;
    if (rc == JY_OK)
        rc = grid_section(r, &c->tw, &full, name, title, NULL, cols, ncols);
    free(full.v);
    free(cols);
    return rc;
}

/* A grid of selected base counters, in order. */
static int pick(grid *out, grid *base, const int *which, size_t n)
{
    int rc = grid_init(out, base->rows, n);
    if (rc != JY_OK)
        return rc;
    for (size_t t = 0; t < base->rows; t++)
        for (size_t k = 0; k < n; k++)
            *cell_of(out, t, k) = *cell_of(base, t, (size_t)which[k]);
    return JY_OK;
}

static int picked_section(jy_report *r, labor_ctx *c, const int *which, size_t n,
                          const column *cols, size_t ncols, const char *name, const char *title,
                          const char *note)
{
    grid g = { 0, 0, NULL };
    int rc = pick(&g, &c->base, which, n);
    if (rc == JY_OK)
        rc = grid_section(r, &c->tw, &g, name, title, note, cols, ncols);
    free(g.v);
    return rc;
}

static int labor_sections(jy_report *r, labor_ctx *c, const jy_report_options *o)
{
    int rc;
    if (c->returnee_only) {
        /* Returnees by township: status, skills, wish to work locally. */
        size_t ncols = 0;
        column *st = enum_columns(c->f_status, c->n_status, "返乡务工人员", &ncols);
        grid full = { 0, 0, NULL };
        rc = st ? with_total(&full, &c->base, &c->status) : JY_ENOMEM;
        if (rc == JY_OK)
            rc = grid_section(r, &c->tw, &full, "employment", "返乡务工人员就业状况(按乡镇)",
                              NULL, st, ncols);
        free(full.v);
        free(st);
        static const int which[] = { L_TOTAL, L_SKILLS, L_WISH, L_NEEDS_JOB, L_NEEDS_ENT,
                                     L_NEEDS_TRAIN, L_ADDED, L_UPDATED };
        static const column cols[] = {
            { "returnees", "返乡务工人员", -1, -1 }, { "with_skills", "有技能特长", -1, -1 },
            { "wish_local", "有返乡就业意愿", -1, -1 }, { "wish_local_rate", "返乡就业意愿占比", 2, 0 },
            { "needs_job", "有就业需求", -1, -1 }, { "needs_entrepreneurship", "有创业需求", -1, -1 },
            { "needs_training", "有培训需求", -1, -1 }, { "added", "本期新增", -1, -1 },
            { "updated", "本期更新", -1, -1 } };
        if (rc == JY_OK)
            rc = picked_section(r, c, which, sizeof which / sizeof which[0], cols,
                                sizeof cols / sizeof cols[0], "skills_wishes",
                                "返乡务工人员技能特长与返乡就业意愿(按乡镇)", note_changes);
        if (rc == JY_OK)
            rc = tally_section(r, &c->jobs, "jobs", "返乡务工人员从事岗位(前列)", "从事工作", o->top);
        if (rc == JY_OK)
            rc = tally_section(r, &c->skills, "skills", "返乡务工人员技能特长(前列)", "技能特长",
                               o->top);
        return rc;
    }
    rc = enum_section(r, c, &c->status, c->f_status, c->n_status, "employment",
                      "就业失业状况(按乡镇)", "劳动力总数");
    if (rc == JY_OK)
        rc = enum_section(r, c, &c->edu, c->f_edu, c->n_edu, "education", "文化程度(按乡镇)",
                          "劳动力总数");
    static const int needs[] = { L_TOTAL, L_SKILLS, L_NEEDS_JOB, L_NEEDS_ENT, L_NEEDS_TRAIN };
    static const column needs_cols[] = {
        { "total", "劳动力总数", -1, -1 }, { "with_skills", "有技能特长", -1, -1 },
        { "needs_job", "就业需求", -1, -1 }, { "needs_entrepreneurship", "创业需求", -1, -1 },
        { "needs_training", "培训需求", -1, -1 } };
    if (rc == JY_OK)
        rc = picked_section(r, c, needs, 5, needs_cols, 5, "skills_needs",
                            "技能情况与就业、创业、培训需求(按乡镇)", NULL);
    if (rc == JY_OK) {
        /* Key groups: persons tagged, then each group, then returnees. */
        grid g = { 0, 0, NULL };
        size_t nk = c->n_key;
        rc = grid_init(&g, c->key.rows, nk + 2);
        column *cols = rc == JY_OK ? jy__calloc(nk + 2, sizeof *cols) : NULL;
        if (rc == JY_OK && !cols)
            rc = JY_ENOMEM;
        if (rc == JY_OK) {
            cols[0] = (column){ "key_group_persons", "重点群体人数", -1, -1 };
            for (size_t i = 0; i < nk; i++)
                cols[i + 1] = (column){ c->f_key->values[i], c->f_key->value_labels[i], -1, -1 };
            cols[nk + 1] = (column){ "returnee_flag", "返乡务工人员(标记)", -1, -1 };
            for (size_t t = 0; t < g.rows; t++) {
                *cell_of(&g, t, 0) = *cell_of(&c->base, t, L_KEY);
                for (size_t i = 0; i < nk; i++)
                    *cell_of(&g, t, i + 1) = *cell_of(&c->key, t, i);
                *cell_of(&g, t, nk + 1) = *cell_of(&c->base, t, L_RETURNEE);
            }
            rc = grid_section(r, &c->tw, &g, "key_groups", "重点群体(按乡镇)",
                              "一人可属多个群体; 重点群体人数按人计。", cols, nk + 2);
        }
        free(cols);
        free(g.v);
    }
    static const int upd[] = { L_TOTAL, L_ADDED, L_UPDATED, L_CHECKED, L_ACCURATE };
    static const column upd_cols[] = {
        { "total", "劳动力总数", -1, -1 }, { "added", "本期新增", -1, -1 },
        { "updated", "本期更新", -1, -1 }, { "checked", "本期核查", -1, -1 },
        { "accurate", "核查准确", -1, -1 }, { "accuracy", "信息准确率", 4, 3 } };
    if (rc == JY_OK)
        rc = picked_section(r, c, upd, 5, upd_cols, 6, "updates", "信息录入、更新与核查(按乡镇)",
                            "信息准确率 = 本期抽查核查准确条数 / 本期核查条数(按被核查记录所在乡镇)。");
    if (rc == JY_OK)
        rc = tally_section(r, &c->skills, "top_skills", "技能特长(前列)", "技能特长", o->top);
    return rc;
}

int jy__report_labor(jy_report *r, jy_db *db, const jy_report_options *o, int returnee)
{
    period p;
    get_period(&p, r);
    labor_ctx c;
    memset(&c, 0, sizeof c);
    c.p = &p;
    c.returnee_only = returnee;
    towns_init(&c.tw, jy_db_county(db));
    c.f_status = jy_kind_field(JY_KIND_LABOR, "employment_status");
    c.f_edu = jy_kind_field(JY_KIND_LABOR, "education");
    c.f_key = jy_kind_field(JY_KIND_LABOR, "key_groups");
    c.n_status = enum_count(c.f_status);
    c.n_edu = enum_count(c.f_edu);
    c.n_key = enum_count(c.f_key);
    size_t rows = c.tw.n + 1;
    int rc = grid_init(&c.base, rows, L_N);
    if (rc == JY_OK)
        rc = grid_init(&c.status, rows, c.n_status + 1);
    if (rc == JY_OK)
        rc = grid_init(&c.edu, rows, c.n_edu + 1);
    if (rc == JY_OK)
        rc = grid_init(&c.key, rows, c.n_key);
    if (rc == JY_OK)
        rc = labor_scan(db, returnee ? labor_sql_returnee : labor_sql_all, &p, NULL, 0,
                        labor_count, &c);
    if (rc == JY_OK && !returnee)
        rc = count_checks(db, &c);
    if (rc == JY_OK && (c.skills.failed || c.jobs.failed))
        rc = jy__error_nomem();
    if (rc == JY_OK)
        rc = jy_report_add_note(r, note_population);
    if (rc == JY_OK && returnee)
        rc = jy_report_add_note(r, "返乡务工人员: 劳动力资源信息中标记为返乡务工人员者; 返乡就业意愿: "
                                   "愿意在县内就业。");
    if (rc == JY_OK && !returnee)
        rc = jy_report_add_note(r, note_changes);
    if (rc == JY_OK)
        rc = labor_sections(r, &c, o);
    free(c.base.v);
    free(c.status.v);
    free(c.edu.v);
    free(c.key.v);
    tally_free(&c.skills);
    tally_free(&c.jobs);
    return rc;
}

/* ---- quarterly_labor_service ----------------------------------------------------- */

enum { S_1311, S_RETURN, S_N };

enum { KT_TOTAL, KT_PERSONS, KT_SERVED, KT_SERVED_IN, KT_N };                 /* key groups by township */
enum { RA_TARGETS, RA_ASSISTED, RA_EMPLOYED, RA_TIMES, RA_N };      /* return assistance */
enum { KG_PERSONS, KG_SERVED, KG_SERVED_IN, KG_EMPLOYED, KG_N };    /* by key group */

typedef struct service_ctx {
    const period *p;
    towns tw;
    side *sides;
    const jy_field_info *f_key;
    size_t n_key;
    grid kt, ra, kg; /* kg: one row per key group + a row for any group */
} service_ctx;

static int employed(txt status)
{
    return status.p && ((status.n > 9 && !memcmp(status.p, "employed_", 9)) ||
                        txt_is(status, "flexible") || txt_is(status, "self_employed"));
}

typedef struct kg_acc {
    service_ctx *c;
    int served, served_in, emp;
} kg_acc;

static void kg_item(const char *s, size_t len, void *payload)
{
    kg_acc *k = payload;
    for (size_t i = 0; i < k->c->n_key; i++)
        if (strlen(k->c->f_key->values[i]) == len && !memcmp(k->c->f_key->values[i], s, len)) {
            int64_t *g = cell_of(&k->c->kg, i, 0);
            g[KG_PERSONS]++;
            g[KG_SERVED] += k->served;
            g[KG_SERVED_IN] += k->served_in;
            g[KG_EMPLOYED] += k->emp;
        }
}

static int service_count(const labor_row *row, void *payload)
{
    service_ctx *c = payload;
    int added = 0;
    if (!counted(row, c->p, &added))
        return JY_OK;
    size_t t = town_index_t(&c->tw, row->township);
    side *s1311 = &c->sides[S_1311], *ret = &c->sides[S_RETURN];
    int has1311 = !s1311->done && s1311->id == row->id;
    int served = has1311 && sqlite3_column_int(s1311->st, 1);
    int served_in = has1311 && sqlite3_column_int(s1311->st, 2);
    (*cell_of(&c->kt, t, KT_TOTAL))++;
    if (row->key_groups.p) {
        int64_t *k = cell_of(&c->kt, t, 0);
        k[KT_PERSONS]++;
        k[KT_SERVED] += served;
        k[KT_SERVED_IN] += served_in;
        kg_acc acc = { c, served, served_in, employed(row->status) };
        each_item(row->key_groups, kg_item, &acc);
        int64_t *all = cell_of(&c->kg, c->n_key, 0);
        all[KG_PERSONS]++;
        all[KG_SERVED] += served;
        all[KG_SERVED_IN] += served_in;
        all[KG_EMPLOYED] += acc.emp;
    }
    if (row->returnee && row->wish_local && row->needs_job) {
        int64_t *a = cell_of(&c->ra, t, 0);
        int hasret = !ret->done && ret->id == row->id;
        a[RA_TARGETS]++;
        if (hasret) {
            a[RA_ASSISTED] += sqlite3_column_int(ret->st, 1) > 0;
            a[RA_EMPLOYED] += sqlite3_column_int(ret->st, 2) > 0;
            a[RA_TIMES] += sqlite3_column_int(ret->st, 3);
        }
    }
    return JY_OK;
}

static int services_by_type(jy_report *r, jy_db *db, const period *p)
{
    const jy_field_info *f = jy_kind_field(JY_KIND_EVENT, "service_type");
    size_t si = 0;
    int rc = jy_report_add_section(&si, r, "services", "本期1311就业跟踪服务(按服务类型)", NULL);
    static const char *const cols[] = { "service_type", "服务类型", "times", "服务人次",
                                        "persons", "服务人数", NULL };
    if (rc == JY_OK)
        rc = jy__report_columns(r, si, cols);
    sqlite3_stmt *st = NULL;
    if (rc == JY_OK)
        rc = prepare(&st, db,
                     "SELECT service_type, count(*), count(DISTINCT labor_id) FROM event "
                     "WHERE kind = 'service_1311' AND date BETWEEN ?1 AND ?2 "
                     "GROUP BY service_type ORDER BY count(*) DESC, service_type");
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_text(st, 1, p->from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, p->to, -1, SQLITE_STATIC);
    double total[2] = { 0, 0 };
    int step;
    while (rc == JY_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *v = col_text(st, 0);
        size_t slot = enum_slot(f, v);
        const char *label = v ? (f->values[slot] ? f->value_labels[slot] : v) : "未填报";
        double vals[2] = { (double)sqlite3_column_int64(st, 1),
                           (double)sqlite3_column_int64(st, 2) };
        total[0] += vals[0];
        rc = jy__report_row(r, si, 0, label, vals, 2, JY_CELL_INTEGER);
    }
    if (rc == JY_OK)
        rc = step_error(db, step);
    sqlite3_finalize(st);
    if (rc == JY_OK) {
        /* The total of persons is distinct over all types. */
        rc = prepare(&st, db, "SELECT count(DISTINCT labor_id) FROM event WHERE kind = "
                              "'service_1311' AND date BETWEEN ?1 AND ?2");
        if (rc == JY_OK) {
            sqlite3_bind_text(st, 1, p->from, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, p->to, -1, SQLITE_STATIC);
            if (sqlite3_step(st) == SQLITE_ROW)
                total[1] = (double)sqlite3_column_int64(st, 0);
            sqlite3_finalize(st);
            rc = jy__report_row(r, si, 1, "合计", total, 2, JY_CELL_INTEGER);
        }
    }
    return rc;
}

/* The scan of quarterly_labor_service: labor records merged with each
 * person's 1311 services and return-home assistance. `light` (the big
 * screen) counts only what jy__report_key_coverage() shows: records and
 * key-group persons by township, 1311 coverage by group; its scan reads 5
 * columns, the services are read from the index `event_kind_labor` in
 * person order without aggregates (whether a person was served by the
 * period's end, not when: a DISTINCT would sort them again), and the
 * return-home assistance is not read. */
static int service_scan(service_ctx *c, jy_db *db, const period *p, int light)
{
    c->p = p;
    towns_init(&c->tw, jy_db_county(db));
    c->f_key = jy_kind_field(JY_KIND_LABOR, "key_groups");
    c->n_key = enum_count(c->f_key);
    side sides[S_N];
    memset(sides, 0, sizeof sides);
    c->sides = sides;
    size_t rows = c->tw.n + 1;
    int rc = grid_init(&c->kt, rows, KT_N);
    if (rc == JY_OK)
        rc = grid_init(&c->ra, rows, RA_N);
    if (rc == JY_OK)
        rc = grid_init(&c->kg, c->n_key + 1, KG_N);
    if (rc == JY_OK)
        rc = side_open(&sides[S_1311], db,
                       light ? "SELECT labor_id, 1, 0 FROM event "
                               "WHERE kind = 'service_1311' AND labor_id IS NOT NULL AND date <= ?2 "
                               "GROUP BY labor_id ORDER BY labor_id"
                             : "SELECT labor_id, 1, max(date >= ?1) FROM event "
                               "WHERE kind = 'service_1311' AND labor_id IS NOT NULL AND date <= ?2 "
                               "GROUP BY labor_id ORDER BY labor_id",
                       p);
    if (rc == JY_OK && light)
        sides[S_RETURN].done = 1; /* no row: service_count() never reads it */
    else if (rc == JY_OK)
        rc = side_open(&sides[S_RETURN], db,
                       "SELECT labor_id, count(*), max(success = 1), sum(date >= ?1) FROM event "
                       "WHERE kind = 'return_assistance' AND labor_id IS NOT NULL AND date <= ?2 "
                       "GROUP BY labor_id ORDER BY labor_id", p);
    if (rc == JY_OK)
        rc = labor_scan(db, light ? labor_sql_coverage : labor_sql_service, p, sides,
                        light ? 1 : S_N, service_count, c);
    side_close(&sides[S_1311]);
    side_close(&sides[S_RETURN]);
    c->sides = NULL;
    return rc;
}

static void service_free(service_ctx *c)
{
    free(c->kt.v);
    free(c->ra.v);
    free(c->kg.v);
}

/* The section of key groups (one row per group, a total row for persons of
 * any group): `ncols` of its columns (4 for the big screen, else 7). */
static int key_group_section(jy_report *r, service_ctx *c, size_t ncols)
{
    size_t si = 0;
    int rc = jy_report_add_section(&si, r, "key_groups", "重点群体与1311服务覆盖(按群体)",
                                   "一人可属多个群体; 合计按人计。");
    static const char *const cols[] = {
        "group", "重点群体", "persons", "人数", "served", "已服务(累计)", "coverage",
        "服务覆盖率", "served_in_period", "本期服务人数", "employed", "就业人数",
        "employment_rate", "就业率" };
    for (size_t k = 0; k < ncols && rc == JY_OK; k++)
        rc = jy_report_add_column(r, si, cols[2 * k], cols[2 * k + 1]);
    for (size_t i = 0; i <= c->n_key && rc == JY_OK; i++) {
        int64_t *g = cell_of(&c->kg, i, 0);
        size_t row = 0;
        rc = jy_report_add_row(&row, r, si, i == c->n_key);
        if (rc == JY_OK)
            rc = jy_report_set_text(r, si, row, 0,
                                    i == c->n_key ? "合计" : c->f_key->value_labels[i]);
        const double v[] = { (double)g[KG_PERSONS], (double)g[KG_SERVED],
                             (double)g[KG_SERVED_IN], (double)g[KG_EMPLOYED] };
        if (rc == JY_OK)
            rc = jy_report_set_number(r, si, row, 1, JY_CELL_INTEGER, v[0]);
        if (rc == JY_OK)
            rc = jy_report_set_number(r, si, row, 2, JY_CELL_INTEGER, v[1]);
        if (rc == JY_OK && v[0] > 0)
            rc = jy_report_set_number(r, si, row, 3, JY_CELL_PERCENT, v[1] / v[0]);
        if (ncols <= 4)
            continue;
        if (rc == JY_OK)
            rc = jy_report_set_number(r, si, row, 4, JY_CELL_INTEGER, v[2]);
        if (rc == JY_OK)
            rc = jy_report_set_number(r, si, row, 5, JY_CELL_INTEGER, v[3]);
        if (rc == JY_OK && v[0] > 0)
            rc = jy_report_set_number(r, si, row, 6, JY_CELL_PERCENT, v[3] / v[0]);
    }
    return rc;
}

/* Key groups by township: records, persons, served, coverage[, served in
 * the period]. */
static const column kt_cols[] = {
    { "total", "劳动力总数", -1, -1 }, { "persons", "重点群体人数", -1, -1 },
    { "served", "已服务(累计)", -1, -1 }, { "coverage", "服务覆盖率", 2, 1 },
    { "served_in_period", "本期服务人数", -1, -1 } };

int jy__report_labor_service(jy_report *r, jy_db *db, const jy_report_options *o)
{
    (void)o;
    period p;
    get_period(&p, r);
    service_ctx c;
    memset(&c, 0, sizeof c);
    int rc = service_scan(&c, db, &p, 0);
    if (rc == JY_OK)
        rc = jy_report_add_note(r, note_population);
    if (rc == JY_OK)
        rc = jy_report_add_note(r, "1311服务: 对重点群体人员的就业跟踪服务，以活动台账中“1311服务”"
                                   "记录(关联劳动力信息)计; 已服务: 截至期末至少服务一次。");
    if (rc == JY_OK)
        rc = jy_report_add_note(r, "返乡就业帮扶对象: 有返乡就业意愿且有就业需求的返乡务工人员; "
                                   "帮扶率 = 已帮扶 / 帮扶对象; 帮扶就业率 = 帮扶后就业 / 已帮扶。");
    if (rc == JY_OK)
        rc = key_group_section(r, &c, 7);
    if (rc == JY_OK)
        rc = grid_section(r, &c.tw, &c.kt, "key_groups_by_township", "重点群体1311服务覆盖(按乡镇)",
                          NULL, kt_cols, 5);
    static const column ra_cols[] = {
        { "targets", "帮扶对象", -1, -1 }, { "assisted", "已帮扶", -1, -1 },
        { "assisted_rate", "帮扶率", 1, 0 }, { "employed", "帮扶后就业", -1, -1 },
        { "employed_rate", "帮扶就业率", 2, 1 }, { "times_in_period", "本期帮扶人次", -1, -1 } };
    if (rc == JY_OK)
        rc = grid_section(r, &c.tw, &c.ra, "return_assistance", "返乡就业帮扶(按乡镇)", NULL,
                          ra_cols, 6);
    if (rc == JY_OK)
        rc = services_by_type(r, db, &p);
    service_free(&c);
    return rc;
}

int jy__report_key_coverage(jy_report *r, jy_db *db)
{
    period p;
    get_period(&p, r);
    service_ctx c;
    memset(&c, 0, sizeof c);
    int rc = service_scan(&c, db, &p, 1);
    if (rc == JY_OK)
        rc = key_group_section(r, &c, 4);
    if (rc == JY_OK)
        rc = grid_section(r, &c.tw, &c.kt, "key_groups_by_township", "重点群体1311服务覆盖(按乡镇)",
                          NULL, kt_cols, 4);
    service_free(&c);
    return rc;
}

/* ---- staff_survey ---------------------------------------------------------------- */

enum { E_COUNT, E_SURVEYED, E_STAFF, E_GENERAL, E_SKILLED, E_VACANCIES, E_N };

int jy__report_staff_survey(jy_report *r, jy_db *db, const jy_report_options *o)
{
    period p;
    get_period(&p, r);
    towns tw;
    towns_init(&tw, jy_db_county(db));
    const jy_field_info *f_ind = jy_kind_field(JY_KIND_ENTERPRISE, "industry");
    size_t n_ind = enum_count(f_ind);
    char deadline[16];
    snprintf(deadline, sizeof deadline, "%04d-08-31", p.t.year);
    grid by_town = { 0, 0, NULL }, by_ind = { 0, 0, NULL };
    int rc = grid_init(&by_town, tw.n + 1, E_N);
    if (rc == JY_OK)
        rc = grid_init(&by_ind, n_ind + 1, E_N);
    sqlite3_stmt *st = NULL;
    /* Each industrial enterprise with its latest survey on or before the end
     * of the period (the staff_survey ledger, or the figures kept on the
     * enterprise when it has no survey record), its first survey, and
     * whether it was surveyed in the period. */
    if (rc == JY_OK)
        rc = prepare(&st, db,
                     "SELECT e.industry, e.township, "
                     " coalesce(s.staff_count, CASE WHEN e.staff_surveyed_on <= ?2 THEN e.staff_count END), "
                     " s.general_workers, s.skilled_workers, s.vacancies, "
                     " coalesce((SELECT min(x.surveyed_on) FROM staff_survey x WHERE x.enterprise_id = e.id), "
                     "          e.staff_surveyed_on), "
                     " (SELECT count(*) FROM staff_survey x WHERE x.enterprise_id = e.id "
                     "    AND x.surveyed_on BETWEEN ?1 AND ?2) "
                     "   + (e.staff_surveyed_on BETWEEN ?1 AND ?2 AND NOT EXISTS "
                     "      (SELECT 1 FROM staff_survey x WHERE x.enterprise_id = e.id)) "
                     "FROM enterprise e LEFT JOIN staff_survey s ON s.id = "
                     " (SELECT y.id FROM staff_survey y WHERE y.enterprise_id = e.id "
                     "  AND y.surveyed_on <= ?2 ORDER BY y.surveyed_on DESC, y.id DESC LIMIT 1) "
                     "WHERE e.industrial = 1");
    int64_t industrial = 0, surveyed = 0, by_deadline = 0, in_period = 0;
    if (rc == JY_OK) {
        sqlite3_bind_text(st, 1, p.from, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, p.to, -1, SQLITE_STATIC);
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            size_t ind = enum_slot(f_ind, col_text(st, 0));
            size_t t = town_index(&tw, col_text(st, 1));
            const char *first = col_text(st, 6);
            int is_surveyed = first && strcmp(first, p.to) <= 0;
            int64_t v[E_N] = { 1, is_surveyed, 0, 0, 0, 0 };
            if (is_surveyed)
                for (int k = 0; k < 4; k++)
                    v[E_STAFF + k] = sqlite3_column_int64(st, 2 + k);
            for (int k = 0; k < E_N; k++) {
                *cell_of(&by_town, t, (size_t)k) += v[k];
                *cell_of(&by_ind, ind, (size_t)k) += v[k];
            }
            industrial++;
            surveyed += is_surveyed;
            by_deadline += first && strcmp(first, deadline) <= 0 && strcmp(first, p.to) <= 0;
            in_period += sqlite3_column_int64(st, 7) > 0;
        }
        rc = step_error(db, step);
    }
    sqlite3_finalize(st);

    if (rc == JY_OK)
        rc = jy_report_add_note(r, "统计对象: 企业台账中的工业企业; 已摸排: 截至期末有在岗员工摸排记录; "
                                   "员工人数取截至期末最近一次摸排。");
    size_t si = 0;
    if (rc == JY_OK)
        rc = jy_report_add_section(&si, r, "coverage", "摸排进度",
                                   "摸排目标: 8月底前完成不少于600家工业企业在岗员工信息摸排(依实际情况而定)。");
    static const char *const ccols[] = { "item", "项目", "value", "数值", NULL };
    if (rc == JY_OK)
        rc = jy__report_columns(r, si, ccols);
    int target = o->staff_survey_target;
    char label[64];
    snprintf(label, sizeof label, "截至%d年8月31日已摸排企业", p.t.year);
    int past_deadline = strcmp(p.to, deadline) >= 0;
    struct {
        const char *label;
        jy_cell_type type;
        double v;
        int show;
    } items[] = {
        { "工业企业总数", JY_CELL_INTEGER, (double)industrial, 1 },
        { "摸排目标(家)", JY_CELL_INTEGER, (double)target, 1 },
        { "截至期末已摸排企业", JY_CELL_INTEGER, (double)surveyed, 1 },
        { "目标完成率", JY_CELL_PERCENT, target > 0 ? (double)surveyed / target : 0, target > 0 },
        { label, JY_CELL_INTEGER, (double)by_deadline, 1 },
        { "8月31日前完成率", JY_CELL_PERCENT, target > 0 ? (double)by_deadline / target : 0,
          target > 0 && past_deadline },
        { "本期摸排(含动态更新)企业", JY_CELL_INTEGER, (double)in_period, 1 },
    };
    for (size_t i = 0; i < sizeof items / sizeof items[0] && rc == JY_OK; i++) {
        size_t row = 0;
        rc = jy_report_add_row(&row, r, si, 0);
        if (rc == JY_OK)
            rc = jy_report_set_text(r, si, row, 0, items[i].label);
        if (rc == JY_OK && items[i].show)
            rc = jy_report_set_number(r, si, row, 1, items[i].type, items[i].v);
        else if (rc == JY_OK)
            rc = jy_report_set_text(r, si, row, 1, "未到期");
    }
    static const column cols[] = {
        { "enterprises", "工业企业数", -1, -1 }, { "surveyed", "已摸排企业", -1, -1 },
        { "staff", "在岗员工", -1, -1 }, { "general_workers", "普工", -1, -1 },
        { "skilled_workers", "技工", -1, -1 }, { "vacancies", "缺工人数", -1, -1 } };
    if (rc == JY_OK) {
        /* By industry: the industries that have industrial enterprises. */
        rc = jy_report_add_section(&si, r, "by_industry", "在岗员工(按行业)", NULL);
        if (rc == JY_OK)
            rc = jy_report_add_column(r, si, "industry", "行业");
        for (size_t c = 0; c < E_N && rc == JY_OK; c++)
            rc = jy_report_add_column(r, si, cols[c].name, cols[c].label);
        double total[E_N] = { 0 };
        for (size_t i = 0; i <= n_ind && rc == JY_OK; i++) {
            int64_t *v = cell_of(&by_ind, i, 0);
            if (!v[E_COUNT])
                continue;
            double d[E_N];
            for (size_t k = 0; k < E_N; k++) {
                d[k] = (double)v[k];
                total[k] += d[k];
            }
            rc = jy__report_row(r, si, 0, i < n_ind ? f_ind->value_labels[i] : "未填报", d, E_N,
                                JY_CELL_INTEGER);
        }
        if (rc == JY_OK)
            rc = jy__report_row(r, si, 1, "合计", total, E_N, JY_CELL_INTEGER);
    }
    if (rc == JY_OK)
        rc = grid_section(r, &tw, &by_town, "by_township", "在岗员工(按乡镇)", NULL, cols, E_N);
    free(by_town.v);
    free(by_ind.v);
    return rc;
}

/* ---- quarterly_enterprise_service ------------------------------------------------- */

/* The first day of the contract year holding `to`, or `from` when no
 * contract covers it. */
static void year_start(char *out, jy_db *db, const period *p)
{
    snprintf(out, 16, "%s", p->from);
    sqlite3_stmt *st = NULL;
    if (prepare(&st, db,
                "SELECT signed_on FROM contract WHERE signed_on <= ?1 AND "
                "coalesce(ends_on, date(signed_on, '+1 year', '-1 day')) >= ?1 "
                "ORDER BY signed_on DESC LIMIT 1") != JY_OK)
        return;
    sqlite3_bind_text(st, 1, p->to, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && col_text(st, 0))
        snprintf(out, 16, "%s", col_text(st, 0));
    sqlite3_finalize(st);
}

/* Runs a one-row query binding ?1 and ?2; fills `out` with its integer columns. */
static int one_row(jy_db *db, const char *sql, const char *a, const char *b, int64_t *out,
                   int n)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(&st, db, sql);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        for (int i = 0; i < n; i++)
            out[i] = sqlite3_column_int64(st, i);
        rc = JY_OK;
    } else {
        rc = step_error(db, step);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Sums by the value of an enum field: runs `sql` (?1 and ?2 the period)
 * whose rows are a value of `f` and 4 integers, and adds each row's
 * integers up in the slot of its value (enum_slot(): the values, then
 * "not given / other"). *out receives the enum_count(f) + 1 slots; free()
 * it. */
static int sums_by_enum(int64_t (**out)[4], jy_db *db, const char *sql, const period *p,
                        const jy_field_info *f)
{
    *out = NULL;
    sqlite3_stmt *st = NULL;
    int rc = prepare(&st, db, sql);
    int64_t (*v)[4] = rc == JY_OK ? jy__calloc(enum_count(f) + 1, sizeof *v) : NULL;
    if (rc == JY_OK && !v)
        rc = JY_ENOMEM;
    if (rc == JY_OK) {
        sqlite3_bind_text(st, 1, p->from, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, p->to, -1, SQLITE_STATIC);
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            size_t s = enum_slot(f, col_text(st, 0));
            for (int k = 0; k < 4; k++)
                v[s][k] += sqlite3_column_int64(st, 1 + k);
        }
        rc = step_error(db, step);
    }
    sqlite3_finalize(st);
    if (rc != JY_OK) {
        free(v);
        return rc;
    }
    *out = v;
    return JY_OK;
}

/* Fills the cells of a listing's row from a result row. */
typedef int (*list_fn)(jy_report *r, size_t si, size_t row, sqlite3_stmt *st, const void *payload);

/* A listing: one row of section `si` per result row of `sql` (?1 = a,
 * ?2 = b), filled by `fn`. */
static int list_rows(jy_report *r, size_t si, jy_db *db, const char *sql, const char *a,
                     const char *b, list_fn fn, const void *payload)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(&st, db, sql);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
    int step;
    while (rc == JY_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        size_t row = 0;
        rc = jy_report_add_row(&row, r, si, 0);
        if (rc == JY_OK)
            rc = fn(r, si, row, st, payload);
    }
    if (rc == JY_OK)
        rc = step_error(db, step);
    sqlite3_finalize(st);
    return rc;
}

static int demand_section(jy_report *r, jy_db *db, const period *p)
{
    int64_t e[2] = { 0, 0 }, q[6] = { 0, 0, 0, 0, 0, 0 };
    int rc = one_row(db,
                     "SELECT sum(demand_ledger_on <= ?2), sum(demand_ledger_on BETWEEN ?1 AND ?2) "
                     "FROM enterprise",
                     p->from, p->to, e, 2);
    if (rc == JY_OK)
        rc = one_row(db,
                     "SELECT count(*), coalesce(sum(headcount), 0), count(DISTINCT enterprise_id), "
                     "sum(worker_type = 'general'), sum(worker_type = 'skilled'), sum(kind = 'gig') "
                     "FROM posting WHERE published_on BETWEEN ?1 AND ?2",
                     p->from, p->to, q, 6);
    size_t si = 0;
    if (rc == JY_OK)
        rc = jy_report_add_section(&si, r, "demand", "企业用工需求台账与岗位信息", NULL);
    static const char *const cols[] = { "item", "项目", "value", "数值", NULL };
    if (rc == JY_OK)
        rc = jy__report_columns(r, si, cols);
    const char *labels[] = { "纳入用工需求台账企业(截至期末)", "其中本期新纳入", "本期发布岗位",
                             "本期岗位招聘人数", "本期发布岗位企业", "其中普工岗位", "其中技工岗位",
                             "其中零工岗位" };
    double v[] = { (double)e[0], (double)e[1], (double)q[0], (double)q[1], (double)q[2],
                   (double)q[3], (double)q[4], (double)q[5] };
    for (size_t i = 0; i < 8 && rc == JY_OK; i++)
        rc = jy__report_row(r, si, 0, labels[i], &v[i], 1, JY_CELL_INTEGER);
    return rc;
}

/* A complaint of the shortage list: enterprise, source, date, shortfall,
 * measures, date solved (by the period's end), status. */
static int shortage_row(jy_report *r, size_t si, size_t row, sqlite3_stmt *st,
                        const void *payload)
{
    const jy_field_info *f_src = payload;
    const char *src = col_text(st, 1);
    size_t s = enum_slot(f_src, src);
    int rc = jy_report_set_text(r, si, row, 0, col_text(st, 0));
    if (rc == JY_OK)
        rc = jy_report_set_text(r, si, row, 1,
                                s < enum_count(f_src) ? f_src->value_labels[s] : src);
    if (rc == JY_OK)
        rc = jy_report_set_text(r, si, row, 2, col_text(st, 2));
    if (rc == JY_OK && sqlite3_column_type(st, 3) != SQLITE_NULL)
        rc = jy_report_set_number(r, si, row, 3, JY_CELL_INTEGER,
                                  (double)sqlite3_column_int64(st, 3));
    if (rc == JY_OK)
        rc = jy_report_set_text(r, si, row, 4, col_text(st, 4));
    if (rc == JY_OK)
        rc = jy_report_set_text(r, si, row, 5, col_text(st, 5));
    if (rc == JY_OK)
        rc = jy_report_set_text(r, si, row, 6, col_text(st, 5) ? "已解决" : "未解决");
    return rc;
}

/* An enterprise listed more than once: name, times, first and last date. */
static int repeated_row(jy_report *r, size_t si, size_t row, sqlite3_stmt *st,
                        const void *payload)
{
    (void)payload;
    int rc = jy_report_set_text(r, si, row, 0, col_text(st, 0));
    if (rc == JY_OK)
        rc = jy_report_set_number(r, si, row, 1, JY_CELL_INTEGER,
                                  (double)sqlite3_column_int64(st, 1));
    if (rc == JY_OK)
        rc = jy_report_set_text(r, si, row, 2, col_text(st, 2));
    if (rc == JY_OK)
        rc = jy_report_set_text(r, si, row, 3, col_text(st, 3));
    return rc;
}

static int shortage_sections(jy_report *r, jy_db *db, const period *p)
{
    const jy_field_info *f_src = jy_kind_field(JY_KIND_SHORTAGE, "source");
    size_t n_src = enum_count(f_src);
    size_t si = 0;
    int rc = jy_report_add_section(&si, r, "shortage_by_source", "缺工诉求及解决情况(按问题来源)",
                                   "已解决: 截至期末有解决日期; 解决率 = 已解决 / 诉求数。");
    static const char *const cols[] = {
        "source", "问题来源", "complaints", "缺工诉求", "enterprises", "涉及企业",
        "shortfall", "缺工人数", "resolved", "已解决", "unresolved", "未解决", "resolved_rate",
        "解决率", NULL };
    if (rc == JY_OK)
        rc = jy__report_columns(r, si, cols);
    int64_t (*v)[4] = NULL;
    if (rc == JY_OK)
        rc = sums_by_enum(&v, db,
                          "SELECT source, count(*), count(DISTINCT enterprise_id), "
                          "coalesce(sum(shortfall), 0), "
                          "sum(resolved_on IS NOT NULL AND resolved_on <= ?2) "
                          "FROM shortage WHERE reported_on BETWEEN ?1 AND ?2 GROUP BY source",
                          p, f_src);
    int64_t ents_total = 0;
    if (rc == JY_OK)
        rc = one_row(db, "SELECT count(DISTINCT enterprise_id) FROM shortage WHERE reported_on "
                         "BETWEEN ?1 AND ?2", p->from, p->to, &ents_total, 1);
    int64_t total[4] = { 0, 0, 0, 0 };
    for (size_t s = 0; s <= n_src + 1 && rc == JY_OK; s++) {
        int is_total = s == n_src + 1;
        int64_t *x = is_total ? total : v[s];
        if (s == n_src && !x[0])
            continue;
        if (is_total)
            x[1] = ents_total;
        else
            for (int k = 0; k < 4; k++)
                total[k] += x[k];
        const double d[] = { (double)x[0], (double)x[1], (double)x[2], (double)x[3],
                             (double)(x[0] - x[3]) };
        size_t row = 0;
        rc = jy__report_row(r, si, is_total,
                            is_total ? "合计" : s < n_src ? f_src->value_labels[s] : "未填报", d, 5,
                            JY_CELL_INTEGER);
        row = jy_report_row_count(r, si) - 1;
        if (rc == JY_OK && x[0] > 0)
            rc = jy_report_set_number(r, si, row, 6, JY_CELL_PERCENT, (double)x[3] / (double)x[0]);
    }
    free(v);

    /* The list itself: what was reported and how it was solved. */
    if (rc == JY_OK)
        rc = jy_report_add_section(&si, r, "shortage_list", "缺工诉求清单及解决措施", NULL);
    static const char *const lcols[] = {
        "enterprise", "企业名称", "source", "问题来源", "reported_on", "列入清单日期",
        "shortfall", "缺工人数", "measures", "解决措施", "resolved_on", "解决日期", "status",
        "状态", NULL };
    if (rc == JY_OK)
        rc = jy__report_columns(r, si, lcols);
    if (rc == JY_OK)
        rc = list_rows(r, si, db,
                       "SELECT e.name, s.source, s.reported_on, s.shortfall, s.measures, "
                       "CASE WHEN s.resolved_on <= ?2 THEN s.resolved_on END "
                       "FROM shortage s JOIN enterprise e ON e.id = s.enterprise_id "
                       "WHERE s.reported_on BETWEEN ?1 AND ?2 ORDER BY s.reported_on, s.id",
                       p->from, p->to, shortage_row, f_src);

    /* Enterprises on the list more than once in the contract year (9.1). */
    char start[16];
    year_start(start, db, p);
    char note[160];
    snprintf(note, sizeof note, "统计区间: %s 至 %s(合同年度内; 无合同时为本期)。全年同一企业不能出现第二次缺工诉求问题清单。",
             start, p->to);
    if (rc == JY_OK)
        rc = jy_report_add_section(&si, r, "repeated", "同一企业重复列入缺工诉求清单", note);
    static const char *const rcols[] = { "enterprise", "企业名称", "times", "列入次数", "first_on",
                                         "首次列入", "last_on", "最近列入", NULL };
    if (rc == JY_OK)
        rc = jy__report_columns(r, si, rcols);
    if (rc == JY_OK)
        rc = list_rows(r, si, db,
                       "SELECT e.name, count(*), min(s.reported_on), max(s.reported_on) "
                       "FROM shortage s JOIN enterprise e ON e.id = s.enterprise_id "
                       "WHERE s.reported_on BETWEEN ?1 AND ?2 GROUP BY s.enterprise_id "
                       "HAVING count(*) > 1 ORDER BY count(*) DESC, e.name",
                       start, p->to, repeated_row, NULL);
    return rc;
}

static int hires_section(jy_report *r, jy_db *db, const period *p)
{
    const jy_field_info *f_ind = jy_kind_field(JY_KIND_ENTERPRISE, "industry");
    size_t n_ind = enum_count(f_ind);
    size_t si = 0;
    int rc = jy_report_add_section(
        &si, r, "hires", "推荐入职与稳岗(按企业行业)",
        "满3个月: 入职满3个月之日在本期内的新员工(不含劳务派遣人员); 在岗满3个月: 其中届时未离职者; "
        "留存率 = 在岗满3个月 / 满3个月。");
    static const char *const cols[] = {
        "industry", "行业", "hired", "本期入职", "dispatch", "其中劳务派遣", "due", "满3个月(不含派遣)",
        "retained", "在岗满3个月", "retention", "留存率", NULL };
    if (rc == JY_OK)
        rc = jy__report_columns(r, si, cols);
    int64_t (*v)[4] = NULL;
    if (rc == JY_OK)
        rc = sums_by_enum(&v, db,
                          "SELECT e.industry, "
                          " sum(h.started_on BETWEEN ?1 AND ?2), "
                          " sum(h.started_on BETWEEN ?1 AND ?2 AND h.dispatch = 1), "
                          " sum(coalesce(h.dispatch, 0) = 0 AND date(h.started_on, '+3 months') BETWEEN ?1 AND ?2), "
                          " sum(coalesce(h.dispatch, 0) = 0 AND date(h.started_on, '+3 months') BETWEEN ?1 AND ?2 "
                          "     AND (h.left_on IS NULL OR h.left_on >= date(h.started_on, '+3 months'))) "
                          "FROM hire h JOIN enterprise e ON e.id = h.enterprise_id "
                          "WHERE h.started_on <= ?2 AND h.started_on >= date(?1, '-3 months', '-1 day') "
                          "GROUP BY e.industry",
                          p, f_ind);
    int64_t total[4] = { 0, 0, 0, 0 };
    for (size_t s = 0; s <= n_ind + 1 && rc == JY_OK; s++) {
        int is_total = s == n_ind + 1;
        int64_t *x = is_total ? total : v[s];
        if (!is_total && !x[0] && !x[2])
            continue;
        if (!is_total)
            for (int k = 0; k < 4; k++)
                total[k] += x[k];
        const double d[] = { (double)x[0], (double)x[1], (double)x[2], (double)x[3] };
        rc = jy__report_row(r, si, is_total,
                            is_total ? "合计" : s < n_ind ? f_ind->value_labels[s] : "未填报", d, 4,
                            JY_CELL_INTEGER);
        size_t row = jy_report_row_count(r, si) - 1;
        if (rc == JY_OK && x[2] > 0)
            rc = jy_report_set_number(r, si, row, 5, JY_CELL_PERCENT, (double)x[3] / (double)x[2]);
    }
    free(v);
    return rc;
}

int jy__report_enterprise_service(jy_report *r, jy_db *db, const jy_report_options *o)
{
    (void)o;
    period p;
    get_period(&p, r);
    int rc = jy_report_add_note(r, "本报告依据企业、岗位、缺工诉求、入职台账统计，不含个人信息。");
    if (rc == JY_OK)
        rc = demand_section(r, db, &p);
    if (rc == JY_OK)
        rc = shortage_sections(r, db, &p);
    if (rc == JY_OK)
        rc = hires_section(r, db, &p);
    return rc;
}

/* ---- The kinds ---------------------------------------------------------------------- */

typedef struct report_kind {
    const char *name, *title;
} report_kind;

/* The built-in kinds. The monthly and annual work reports and the scorecard
 * in the seed's table layout are built from an assessment of the period
 * (lib/report_work.c). */
static const report_kind kinds[] = {
    { "quarterly_labor", "全县劳动力资源信息季度专报表" },
    { "returnee_monthly", "返乡务工人员信息月报" },
    { "staff_survey", "工业企业在岗员工信息摸排专报" },
    { "quarterly_enterprise_service", "企业用工服务季度报告" },
    { "quarterly_labor_service", "劳动力资源服务季度报告" },
    { "monthly", "就业之家每月数据分析报告" },
    { "annual", "就业之家年度数据分析报告" },
    { "scorecard", "就业之家运营服务考核细则表" },
};

size_t jy_report_kind_count(void)
{
    return sizeof kinds / sizeof kinds[0];
}

const char *jy_report_kind_at(size_t index)
{
    return index < jy_report_kind_count() ? kinds[index].name : NULL;
}

const char *jy_report_kind_title(const char *kind)
{
    for (size_t i = 0; kind && i < jy_report_kind_count(); i++)
        if (!strcmp(kinds[i].name, kind))
            return kinds[i].title;
    return NULL;
}

int jy_report_build(jy_report **out, jy_db *db, const char *kind, jy_date from, jy_date to,
                    const jy_report_options *opts)
{
    if (out)
        *out = NULL;
    if (!out || !db || !kind)
        return jy__error(JY_EINVAL, "jy_report_build: NULL argument");
    jy_report_options o = JY_REPORT_OPTIONS_INIT;
    if (opts) {
        if (opts->version < 1 || opts->version > JY_REPORT_OPTIONS_VERSION)
            return jy__error(JY_EINVAL, "report: options version %u is not supported",
                             opts->version);
        o = *opts;
        if (o.staff_survey_target < 0 || o.top < 1)
            return jy__error(JY_EINVAL, "report: the target must not be negative and the "
                             "number of top rows at least 1");
    }
    const char *title = jy_report_kind_title(kind);
    if (!title)
        return jy__error(JY_ENOTFOUND, "no report kind is called '%.40s'", kind);
    jy_report *r = NULL;
    int rc = jy_report_new(&r, kind, title, from, to);
    if (rc != JY_OK)
        return rc;
    rc = jy__db_atomic_begin(db);
    if (rc != JY_OK) {
        jy_report_free(r);
        return rc;
    }
    if (!strcmp(kind, "quarterly_labor"))
        rc = jy__report_labor(r, db, &o, 0);
    else if (!strcmp(kind, "returnee_monthly"))
        rc = jy__report_labor(r, db, &o, 1);
    else if (!strcmp(kind, "staff_survey"))
        rc = jy__report_staff_survey(r, db, &o);
    else if (!strcmp(kind, "quarterly_enterprise_service"))
        rc = jy__report_enterprise_service(r, db, &o);
    else if (!strcmp(kind, "quarterly_labor_service"))
        rc = jy__report_labor_service(r, db, &o);
    else if (!strcmp(kind, "scorecard"))
        rc = jy__report_scorecard(r, db);
    else
        rc = jy__report_work(r, db, !strcmp(kind, "annual"));
    if (rc != JY_OK) {
        jy__saved_error saved;
        jy__error_save(&saved);
        jy__db_atomic_end(db, 0);
        jy__error_restore(&saved);
        jy_report_free(r);
        return rc;
    }
    rc = jy__db_atomic_end(db, 1);
    if (rc != JY_OK) {
        jy_report_free(r);
        return rc;
    }
    *out = r;
    return JY_OK;
}
