/*
 * Reports: the one generic shape (title, period, notes, sections of tables)
 * that every report takes, its builder and accessors, and its JSON and CSV
 * renderings. The built-in reports are computed in report_ledger.c, the
 * workbook is written in xlsx.c, the big screen in dashboard.c.
 */
#include "report_internal.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io_internal.h"

typedef struct cell {
    jy_report_cell c;
    char *owned; /* the text, when not the shared empty string */
} cell;

typedef struct report_row {
    cell *cells;
    int total;
} report_row;

typedef struct section {
    char *name, *title, *note;
    char **col_names, **col_labels;
    size_t ncols;
    report_row *rows;
    size_t nrows, cap;
} section;

struct jy_report {
    char *kind, *title;
    jy_date from, to;
    char **notes;
    size_t nnotes;
    section *sections;
    size_t nsections;
};

static char empty_text[] = "";

int jy_report_options_init(jy_report_options *opts)
{
    if (!opts)
        return jy__error(JY_EINVAL, "jy_report_options_init: NULL options");
    jy_report_options d = JY_REPORT_OPTIONS_INIT;
    *opts = d;
    return JY_OK;
}

/* A checked copy of UTF-8 text. */
static int dup_text(char **out, const char *text, const char *what)
{
    *out = NULL;
    if (!text)
        return jy__error(JY_EINVAL, "report: NULL %s", what);
    size_t len = strlen(text);
    if (jy_utf8_check(NULL, text, len) != JY_OK)
        return jy__error(JY_EUTF8, "report: the %s is not valid UTF-8", what);
    *out = jy__strndup(text, len);
    return *out ? JY_OK : JY_ENOMEM;
}

int jy_report_new(jy_report **out, const char *kind, const char *title, jy_date from, jy_date to)
{
    if (out)
        *out = NULL;
    if (!out || !kind || !title)
        return jy__error(JY_EINVAL, "jy_report_new: NULL argument");
    if (!jy_date_is_valid(from) || !jy_date_is_valid(to))
        return jy__error(JY_EINVAL, "report: the period's dates are not valid");
    if (jy_date_compare(from, to) > 0)
        return jy__error(JY_EINVAL, "report: the period ends before it starts");
    jy_report *r = jy__calloc(1, sizeof *r);
    if (!r)
        return JY_ENOMEM;
    int rc = dup_text(&r->kind, kind, "kind");
    if (rc == JY_OK)
        rc = dup_text(&r->title, title, "title");
    if (rc != JY_OK) {
        jy_report_free(r);
        return rc;
    }
    r->from = from;
    r->to = to;
    *out = r;
    return JY_OK;
}

static void free_cell(cell *c)
{
    if (c->owned)
        free(c->owned);
    c->owned = NULL;
}

void jy_report_free(jy_report *report)
{
    if (!report)
        return;
    for (size_t i = 0; i < report->nsections; i++) {
        section *s = &report->sections[i];
        for (size_t r = 0; r < s->nrows; r++) {
            for (size_t c = 0; c < s->ncols; c++)
                free_cell(&s->rows[r].cells[c]);
            free(s->rows[r].cells);
        }
        for (size_t c = 0; c < s->ncols; c++) {
            free(s->col_names[c]);
            free(s->col_labels[c]);
        }
        free(s->col_names);
        free(s->col_labels);
        free(s->rows);
        free(s->name);
        free(s->title);
        free(s->note);
    }
    free(report->sections);
    for (size_t i = 0; i < report->nnotes; i++)
        free(report->notes[i]);
    free(report->notes);
    free(report->kind);
    free(report->title);
    free(report);
}

int jy_report_add_note(jy_report *report, const char *text)
{
    if (!report)
        return jy__error(JY_EINVAL, "jy_report_add_note: NULL report");
    char *copy = NULL;
    int rc = dup_text(&copy, text, "note");
    if (rc != JY_OK)
        return rc;
    char **notes = jy__realloc(report->notes, (report->nnotes + 1) * sizeof *notes);
    if (!notes) {
        free(copy);
        return JY_ENOMEM;
    }
    report->notes = notes;
    notes[report->nnotes++] = copy;
    return JY_OK;
}

int jy_report_add_section(size_t *out_index, jy_report *report, const char *name,
                          const char *title, const char *note)
{
    if (!report)
        return jy__error(JY_EINVAL, "jy_report_add_section: NULL report");
    section s;
    memset(&s, 0, sizeof s);
    int rc = dup_text(&s.name, name, "section name");
    if (rc == JY_OK)
        rc = dup_text(&s.title, title, "section title");
    if (rc == JY_OK && note)
        rc = dup_text(&s.note, note, "section note");
    section *all = rc == JY_OK ? jy__realloc(report->sections,
                                             (report->nsections + 1) * sizeof *all)
                               : NULL;
    if (!all) {
        free(s.name);
        free(s.title);
        free(s.note);
        return rc != JY_OK ? rc : JY_ENOMEM;
    }
    report->sections = all;
    all[report->nsections] = s;
    if (out_index)
        *out_index = report->nsections;
    report->nsections++;
    return JY_OK;
}

static section *get_section(const jy_report *report, size_t index)
{
    return report && index < report->nsections ? &report->sections[index] : NULL;
}

int jy_report_add_column(jy_report *report, size_t section_index, const char *name,
                         const char *label)
{
    section *s = get_section(report, section_index);
    if (!s)
        return jy__error(JY_EINVAL, "jy_report_add_column: no such report or section");
    if (s->nrows)
        return jy__error(JY_EINVAL, "report: section '%s' already has rows; add the columns "
                         "first", s->name);
    char *n = NULL, *l = NULL;
    int rc = dup_text(&n, name, "column name");
    if (rc == JY_OK)
        rc = dup_text(&l, label, "column label");
    char **names = rc == JY_OK ? jy__realloc(s->col_names, (s->ncols + 1) * sizeof *names) : NULL;
    if (names)
        s->col_names = names;
    char **labels = names ? jy__realloc(s->col_labels, (s->ncols + 1) * sizeof *labels) : NULL;
    if (!labels) {
        free(n);
        free(l);
        return rc != JY_OK ? rc : JY_ENOMEM;
    }
    s->col_labels = labels;
    s->col_names[s->ncols] = n;
    s->col_labels[s->ncols] = l;
    s->ncols++;
    return JY_OK;
}

int jy_report_add_row(size_t *out_row, jy_report *report, size_t section_index, int total)
{
    section *s = get_section(report, section_index);
    if (!s)
        return jy__error(JY_EINVAL, "jy_report_add_row: no such report or section");
    if (!s->ncols)
        return jy__error(JY_EINVAL, "report: section '%s' has no columns", s->name);
    if (s->nrows == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        report_row *rows = jy__realloc(s->rows, cap * sizeof *rows);
        if (!rows)
            return JY_ENOMEM;
        s->rows = rows;
        s->cap = cap;
    }
    cell *cells = jy__calloc(s->ncols, sizeof *cells);
    if (!cells)
        return JY_ENOMEM;
    for (size_t c = 0; c < s->ncols; c++)
        cells[c].c.text = empty_text;
    s->rows[s->nrows].cells = cells;
    s->rows[s->nrows].total = total != 0;
    if (out_row)
        *out_row = s->nrows;
    s->nrows++;
    return JY_OK;
}

static cell *get_cell(const jy_report *report, size_t si, size_t ri, size_t ci)
{
    section *s = get_section(report, si);
    if (!s || ri >= s->nrows || ci >= s->ncols)
        return NULL;
    return &s->rows[ri].cells[ci];
}

int jy_report_set_text(jy_report *report, size_t si, size_t ri, size_t ci, const char *text)
{
    cell *c = get_cell(report, si, ri, ci);
    if (!c)
        return jy__error(JY_EINVAL, "jy_report_set_text: no such cell");
    char *copy = NULL;
    if (text) {
        int rc = dup_text(&copy, text, "cell text");
        if (rc != JY_OK)
            return rc;
    }
    free_cell(c);
    c->owned = copy;
    c->c.type = copy ? JY_CELL_TEXT : JY_CELL_EMPTY;
    c->c.text = copy ? copy : empty_text;
    c->c.number = 0;
    return JY_OK;
}

/* The number as people read it. */
static void format_number(char *buf, size_t size, jy_cell_type type, double v)
{
    if (type == JY_CELL_PERCENT) {
        snprintf(buf, size, "%.1f%%", v * 100.0);
    } else if (type == JY_CELL_INTEGER) {
        snprintf(buf, size, "%.0f", v);
    } else {
        snprintf(buf, size, "%.2f", v);
        /* trailing zeros off: 12.50 -> 12.5, 3.00 -> 3 */
        char *dot = strchr(buf, '.');
        if (dot) {
            char *e = buf + strlen(buf) - 1;
            while (e > dot && *e == '0')
                *e-- = '\0';
            if (e == dot)
                *e = '\0';
        }
    }
}

int jy_report_set_number(jy_report *report, size_t si, size_t ri, size_t ci, jy_cell_type type,
                         double value)
{
    cell *c = get_cell(report, si, ri, ci);
    if (!c)
        return jy__error(JY_EINVAL, "jy_report_set_number: no such cell");
    if (type != JY_CELL_INTEGER && type != JY_CELL_NUMBER && type != JY_CELL_PERCENT)
        return jy__error(JY_EINVAL, "jy_report_set_number: %d is not a numeric cell type",
                         (int)type);
    if (!isfinite(value))
        return jy__error(JY_EINVAL, "jy_report_set_number: the value is not finite");
    if (type == JY_CELL_INTEGER && value > -9e15 && value < 9e15) /* round half away from 0 */
        value = value < 0 ? -(double)(int64_t)(-value + 0.5) : (double)(int64_t)(value + 0.5);
    char buf[64];
    format_number(buf, sizeof buf, type, value);
    char *copy = jy__strdup(buf);
    if (!copy)
        return JY_ENOMEM;
    free_cell(c);
    c->owned = copy;
    c->c.type = type;
    c->c.text = copy;
    c->c.number = value;
    return JY_OK;
}

/* ---- Accessors ------------------------------------------------------------- */

const char *jy_report_kind(const jy_report *report) { return report ? report->kind : NULL; }
const char *jy_report_title(const jy_report *report) { return report ? report->title : NULL; }

jy_date jy_report_from(const jy_report *report)
{
    jy_date zero = { 0, 0, 0 };
    return report ? report->from : zero;
}

jy_date jy_report_to(const jy_report *report)
{
    jy_date zero = { 0, 0, 0 };
    return report ? report->to : zero;
}

size_t jy_report_note_count(const jy_report *report) { return report ? report->nnotes : 0; }

const char *jy_report_note_at(const jy_report *report, size_t index)
{
    return report && index < report->nnotes ? report->notes[index] : NULL;
}

size_t jy_report_section_count(const jy_report *report)
{
    return report ? report->nsections : 0;
}

int jy_report_find_section(size_t *out, const jy_report *report, const char *name)
{
    if (!out || !report || !name)
        return jy__error(JY_EINVAL, "jy_report_find_section: NULL argument");
    for (size_t i = 0; i < report->nsections; i++)
        if (!strcmp(report->sections[i].name, name)) {
            *out = i;
            return JY_OK;
        }
    return jy__error(JY_ENOTFOUND, "report '%s' has no section '%.40s'", report->kind, name);
}

const char *jy_report_section_name(const jy_report *report, size_t si)
{
    section *s = get_section(report, si);
    return s ? s->name : NULL;
}

const char *jy_report_section_title(const jy_report *report, size_t si)
{
    section *s = get_section(report, si);
    return s ? s->title : NULL;
}

const char *jy_report_section_note(const jy_report *report, size_t si)
{
    section *s = get_section(report, si);
    return s ? s->note : NULL;
}

size_t jy_report_column_count(const jy_report *report, size_t si)
{
    section *s = get_section(report, si);
    return s ? s->ncols : 0;
}

const char *jy_report_column_name(const jy_report *report, size_t si, size_t ci)
{
    section *s = get_section(report, si);
    return s && ci < s->ncols ? s->col_names[ci] : NULL;
}

const char *jy_report_column_label(const jy_report *report, size_t si, size_t ci)
{
    section *s = get_section(report, si);
    return s && ci < s->ncols ? s->col_labels[ci] : NULL;
}

size_t jy_report_row_count(const jy_report *report, size_t si)
{
    section *s = get_section(report, si);
    return s ? s->nrows : 0;
}

int jy_report_row_is_total(const jy_report *report, size_t si, size_t ri)
{
    section *s = get_section(report, si);
    return s && ri < s->nrows ? s->rows[ri].total : 0;
}

const jy_report_cell *jy_report_cell_at(const jy_report *report, size_t si, size_t ri, size_t ci)
{
    cell *c = get_cell(report, si, ri, ci);
    return c ? &c->c : NULL;
}

/* ---- Helpers for the builders ---------------------------------------------- */

int jy__report_columns(jy_report *r, size_t si, const char *const *names_labels)
{
    for (size_t i = 0; names_labels[i]; i += 2) {
        int rc = jy_report_add_column(r, si, names_labels[i], names_labels[i + 1]);
        if (rc != JY_OK)
            return rc;
    }
    return JY_OK;
}

int jy__report_row(jy_report *r, size_t si, int total, const char *label, const double *values,
                   size_t nvalues, jy_cell_type type)
{
    size_t row = 0;
    int rc = jy_report_add_row(&row, r, si, total);
    if (rc == JY_OK && label)
        rc = jy_report_set_text(r, si, row, 0, label);
    for (size_t i = 0; i < nvalues && rc == JY_OK; i++)
        rc = jy_report_set_number(r, si, row, i + (label ? 1 : 0), type, values[i]);
    return rc;
}

/* ---- JSON ------------------------------------------------------------------ */

static cJSON *cell_json(const jy_report_cell *c)
{
    switch (c->type) {
    case JY_CELL_TEXT: return cJSON_CreateString(c->text);
    case JY_CELL_INTEGER:
    case JY_CELL_NUMBER:
    case JY_CELL_PERCENT: return cJSON_CreateNumber(c->number);
    case JY_CELL_EMPTY: break;
    }
    return cJSON_CreateNull();
}

static cJSON *date_json(jy_date d)
{
    char buf[16];
    jy_date_format(buf, d);
    return cJSON_CreateString(buf);
}

static int add(cJSON *obj, const char *key, cJSON *item)
{
    if (!item)
        return 0;
    if (!cJSON_AddItemToObject(obj, key, item)) {
        cJSON_Delete(item);
        return 0;
    }
    return 1;
}

static int push(cJSON *arr, cJSON *item)
{
    if (!item)
        return 0;
    if (!cJSON_AddItemToArray(arr, item)) {
        cJSON_Delete(item);
        return 0;
    }
    return 1;
}

static cJSON *row_json(const section *s, const report_row *rw)
{
    cJSON *o = cJSON_CreateObject();
    int ok = o != NULL;
    for (size_t c = 0; ok && c < s->ncols; c++)
        ok = add(o, s->col_names[c], cell_json(&rw->cells[c].c));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *section_json(const section *s)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *cols = cJSON_CreateArray(), *rows = cJSON_CreateArray();
    int ok = o && add(o, "name", cJSON_CreateString(s->name)) &&
             add(o, "title", cJSON_CreateString(s->title)) &&
             add(o, "note", s->note ? cJSON_CreateString(s->note) : cJSON_CreateNull());
    for (size_t c = 0; ok && c < s->ncols; c++) {
        cJSON *col = cJSON_CreateObject();
        ok = col && add(col, "name", cJSON_CreateString(s->col_names[c])) &&
             add(col, "label", cJSON_CreateString(s->col_labels[c]));
        ok = push(cols, col) && ok;
    }
    const report_row *totals = NULL;
    for (size_t r = 0; ok && r < s->nrows; r++) {
        if (s->rows[r].total)
            totals = &s->rows[r];
        else
            ok = push(rows, row_json(s, &s->rows[r]));
    }
    /* add() takes the item, even when it fails: forget it once handed over. */
    if (ok) {
        ok = add(o, "columns", cols);
        cols = NULL;
    }
    if (ok) {
        ok = add(o, "rows", rows);
        rows = NULL;
    }
    ok = ok && add(o, "totals", totals ? row_json(s, totals) : cJSON_CreateNull());
    if (!ok) {
        cJSON_Delete(cols);
        cJSON_Delete(rows);
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

int jy_report_to_json(char **out, const jy_report *report)
{
    if (out)
        *out = NULL;
    if (!out || !report)
        return jy__error(JY_EINVAL, "jy_report_to_json: NULL argument");
    cJSON *o = cJSON_CreateObject();
    cJSON *notes = cJSON_CreateArray(), *secs = cJSON_CreateArray();
    int ok = o && notes && secs && add(o, "kind", cJSON_CreateString(report->kind)) &&
             add(o, "title", cJSON_CreateString(report->title)) &&
             add(o, "from", date_json(report->from)) && add(o, "to", date_json(report->to));
    for (size_t i = 0; ok && i < report->nnotes; i++)
        ok = push(notes, cJSON_CreateString(report->notes[i]));
    for (size_t i = 0; ok && i < report->nsections; i++)
        ok = push(secs, section_json(&report->sections[i]));
    if (ok) {
        ok = add(o, "notes", notes);
        notes = NULL;
    }
    if (ok) {
        ok = add(o, "sections", secs);
        secs = NULL;
    }
    char *text = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(notes);
    cJSON_Delete(secs);
    cJSON_Delete(o);
    if (!text)
        return jy__error_nomem();
    *out = jy__strdup(text);
    cJSON_free(text);
    return *out ? JY_OK : JY_ENOMEM;
}

/* ---- CSV ------------------------------------------------------------------- */

static void csv_line(jy__outbuf *b, const char *const *cells, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            jy__outbuf_add(b, ",", 1);
        jy__csv_add_cell(b, cells[i] ? cells[i] : "");
    }
    jy__outbuf_add(b, "\r\n", 2);
}

void jy__report_period_text(char *buf, size_t size, const jy_report *r)
{
    char a[16], z[16];
    jy_date_format(a, r->from);
    jy_date_format(z, r->to);
    snprintf(buf, size, "统计期间: %s 至 %s", a, z);
}

int jy_report_to_csv(char **out, size_t *out_len, const jy_report *report)
{
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (!out || !report)
        return jy__error(JY_EINVAL, "jy_report_to_csv: NULL argument");
    jy__outbuf b = { NULL, 0, 0, 0 };
    jy__outbuf_add(&b, "\xEF\xBB\xBF", 3);
    char period[96];
    jy__report_period_text(period, sizeof period, report);
    const char *head[1] = { report->title };
    csv_line(&b, head, 1);
    head[0] = period;
    csv_line(&b, head, 1);
    jy__outbuf_add(&b, "\r\n", 2);
    const char **cells = NULL;
    for (size_t i = 0; i < report->nsections && !b.failed; i++) {
        const section *s = &report->sections[i];
        head[0] = s->title;
        csv_line(&b, head, 1);
        free(cells);
        cells = jy__calloc(s->ncols ? s->ncols : 1, sizeof *cells);
        if (!cells) {
            b.failed = 1;
            break;
        }
        csv_line(&b, (const char *const *)s->col_labels, s->ncols);
        for (size_t r = 0; r < s->nrows; r++) {
            for (size_t c = 0; c < s->ncols; c++)
                cells[c] = s->rows[r].cells[c].c.text;
            csv_line(&b, cells, s->ncols);
        }
        if (s->note) {
            head[0] = s->note;
            csv_line(&b, head, 1);
        }
        jy__outbuf_add(&b, "\r\n", 2);
    }
    free(cells);
    if (report->nnotes) {
        head[0] = "说明";
        csv_line(&b, head, 1);
        for (size_t i = 0; i < report->nnotes; i++) {
            head[0] = report->notes[i];
            csv_line(&b, head, 1);
        }
    }
    if (b.failed) {
        free(b.s);
        return jy__error_nomem();
    }
    *out = b.s;
    if (out_len)
        *out_len = b.len;
    return JY_OK;
}

int jy__write_whole_file(const char *path, const char *data, size_t len, const char *what)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        char why[128] = "unknown error";
        int e = errno;
        if (strerror_r(e, why, sizeof why) != 0)
            snprintf(why, sizeof why, "errno %d", e);
        return jy__error(JY_EIO, "%s: cannot create the file: %s", what, why);
    }
    size_t n = len ? fwrite(data, 1, len, f) : 0;
    int bad = n != len;
    if (fclose(f) != 0)
        bad = 1;
    if (bad)
        return jy__error(JY_EIO, "%s: cannot write the file", what);
    return JY_OK;
}

int jy_report_write_csv(const jy_report *report, const char *path)
{
    if (!report || !path)
        return jy__error(JY_EINVAL, "jy_report_write_csv: NULL argument");
    char *text = NULL;
    size_t len = 0;
    int rc = jy_report_to_csv(&text, &len, report);
    if (rc == JY_OK)
        rc = jy__write_whole_file(path, text, len, "report");
    free(text);
    return rc;
}
