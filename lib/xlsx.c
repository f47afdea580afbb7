/*
 * Excel workbooks (.xlsx) through libxlsxwriter, an optional dependency
 * (CMake option JY_WITH_XLSX): reports (a sheet each) and ledger exports (a
 * sheet per kind). Without it, both return JY_ENOTSUP with a message saying
 * how to get it.
 */
#include "report_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "io_internal.h"
#include "record_internal.h"

#ifdef JY_HAVE_XLSX
#include <xlsxwriter.h>
#endif

#define NOTSUP_MESSAGE \
    "this libjiuye was built without libxlsxwriter, so it cannot write .xlsx files " \
    "(install libxlsxwriter-dev and configure with -DJY_WITH_XLSX=ON); CSV files open in " \
    "Excel too"

int jy_xlsx_available(void)
{
#ifdef JY_HAVE_XLSX
    return 1;
#else
    return 0;
#endif
}

#ifdef JY_HAVE_XLSX

static int xlsx_error(lxw_error e, const char *what)
{
    if (e == LXW_ERROR_MEMORY_MALLOC_FAILED)
        return jy__error_nomem();
    if (e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE ||
        e == LXW_ERROR_ZIP_FILE_OPERATION || e == LXW_ERROR_ZIP_FILE_ADD ||
        e == LXW_ERROR_ZIP_CLOSE)
        return jy__error(JY_EIO, "%s: cannot write the workbook: %s", what, lxw_strerror(e));
    return jy__error(JY_ERROR, "%s: the workbook could not be written: %s", what,
                     lxw_strerror(e));
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\,
 * unique in the workbook (" (2)"... appended). */
static void sheet_name(char *out, size_t size, lxw_workbook *wb, const char *title)
{
    char base[128];
    size_t used = 0, chars = 0;
    for (const char *p = title; *p && chars < 25 && used + 5 < sizeof base;) {
        unsigned int cp = 0;
        size_t n = jy__utf8_decode(p, strlen(p), &cp);
        if (!n)
            break;
        if (!strchr("[]:*?/\\'", *p) || n > 1) {
            memcpy(base + used, p, n);
            used += n;
            chars++;
        }
        p += n;
    }
    base[used] = '\0';
    if (!used)
        snprintf(base, sizeof base, "Sheet");
    snprintf(out, size, "%s", base);
    for (int i = 2; workbook_get_worksheet_by_name(wb, out) && i < 1000; i++)
        snprintf(out, size, "%s (%d)", base, i);
}

typedef struct formats {
    lxw_format *title, *bold, *header, *percent, *total, *total_percent, *note;
} formats;

static void make_formats(formats *f, lxw_workbook *wb)
{
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->bold = workbook_add_format(wb);
    format_set_bold(f->bold);
    f->header = workbook_add_format(wb);
    format_set_bold(f->header);
    format_set_bg_color(f->header, 0xDDEBF7);
    format_set_border(f->header, LXW_BORDER_THIN);
    format_set_text_wrap(f->header);
    f->percent = workbook_add_format(wb);
    format_set_num_format(f->percent, "0.0%");
    f->total = workbook_add_format(wb);
    format_set_bold(f->total);
    f->total_percent = workbook_add_format(wb);
    format_set_bold(f->total_percent);
    format_set_num_format(f->total_percent, "0.0%");
    f->note = workbook_add_format(wb);
    format_set_italic(f->note);
}

static lxw_error write_report(lxw_workbook *wb, const formats *f, const jy_report *r)
{
    char name[160];
    sheet_name(name, sizeof name, wb, jy_report_title(r));
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    if (!ws)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    worksheet_set_column(ws, 0, 0, 24, NULL);
    worksheet_set_column(ws, 1, 30, 12, NULL);
    lxw_row_t row = 0;
    char period[96];
    jy__report_period_text(period, sizeof period, r);
    lxw_error e = worksheet_write_string(ws, row++, 0, jy_report_title(r), f->title);
    if (!e)
        e = worksheet_write_string(ws, row++, 0, period, NULL);
    row++;
    for (size_t s = 0; !e && s < jy_report_section_count(r); s++) {
        size_t ncols = jy_report_column_count(r, s);
        e = worksheet_write_string(ws, row++, 0, jy_report_section_title(r, s), f->bold);
        for (size_t c = 0; !e && c < ncols; c++)
            e = worksheet_write_string(ws, row, (lxw_col_t)c, jy_report_column_label(r, s, c),
                                       f->header);
        row++;
        for (size_t i = 0; !e && i < jy_report_row_count(r, s); i++, row++) {
            int total = jy_report_row_is_total(r, s, i);
            for (size_t c = 0; !e && c < ncols; c++) {
                const jy_report_cell *cell = jy_report_cell_at(r, s, i, c);
                switch (cell->type) {
                case JY_CELL_TEXT:
                    e = worksheet_write_string(ws, row, (lxw_col_t)c, cell->text,
                                               total ? f->total : NULL);
                    break;
                case JY_CELL_PERCENT:
                    e = worksheet_write_number(ws, row, (lxw_col_t)c, cell->number,
                                               total ? f->total_percent : f->percent);
                    break;
                case JY_CELL_INTEGER:
                case JY_CELL_NUMBER:
                    e = worksheet_write_number(ws, row, (lxw_col_t)c, cell->number,
                                               total ? f->total : NULL);
                    break;
                case JY_CELL_EMPTY:
                    break;
                }
            }
        }
        if (!e && jy_report_section_note(r, s))
            e = worksheet_write_string(ws, row++, 0, jy_report_section_note(r, s), f->note);
        row++;
    }
    if (!e && jy_report_note_count(r))
        e = worksheet_write_string(ws, row++, 0, "说明", f->bold);
    for (size_t i = 0; !e && i < jy_report_note_count(r); i++)
        e = worksheet_write_string(ws, row++, 0, jy_report_note_at(r, i), f->note);
    return e;
}

int jy_report_write_xlsx(const jy_report *const *reports, size_t count, const char *path)
{
    if (!reports || !count || !path)
        return jy__error(JY_EINVAL, "jy_report_write_xlsx: no reports or no path");
    for (size_t i = 0; i < count; i++)
        if (!reports[i])
            return jy__error(JY_EINVAL, "jy_report_write_xlsx: report %zu is NULL", i);
    lxw_workbook *wb = workbook_new(path);
    if (!wb)
        return jy__error(JY_EIO, "report: cannot create the workbook");
    formats f;
    make_formats(&f, wb);
    lxw_error e = LXW_NO_ERROR;
    for (size_t i = 0; !e && i < count; i++)
        e = write_report(wb, &f, reports[i]);
    lxw_error closed = workbook_close(wb);
    if (!e)
        e = closed;
    return e ? xlsx_error(e, "report") : JY_OK;
}

/* One kind's sheet of a ledger export. */
static int export_sheet(size_t *count, jy_db *db, lxw_workbook *wb, const formats *f,
                        const jy_filter *filter, unsigned int flags)
{
    const jy__kind_info *k = jy__kind(filter->kind);
    char name[160];
    sheet_name(name, sizeof name, wb, k->label);
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    if (!ws)
        return jy__error_nomem();
    worksheet_set_column(ws, 0, (lxw_col_t)(k->field_count ? k->field_count - 1 : 0), 14, NULL);
    lxw_error e = LXW_NO_ERROR;
    for (size_t i = 0; !e && i < k->field_count; i++)
        e = worksheet_write_string(ws, 0, (lxw_col_t)i, k->fields[i].label, f->header);
    if (e)
        return xlsx_error(e, "export");
    jy_ledger_iter *it = NULL;
    int rc = jy_ledger_iter_new(&it, db, filter);
    lxw_row_t row = 1;
    while (rc == JY_OK) {
        jy_record *r = NULL;
        rc = jy_ledger_iter_next(&r, it);
        if (rc == JY_ITEROVER) {
            rc = JY_OK;
            break;
        }
        if (rc != JY_OK)
            break;
        if (row >= LXW_ROW_MAX) {
            jy_record_free(r);
            rc = jy__error(JY_ERANGE, "export: more %s records than a sheet holds", k->name);
            break;
        }
        for (size_t i = 0; rc == JY_OK && i < k->field_count; i++) {
            const jy__value *v = &r->values[i];
            if (!v->set)
                continue;
            const jy_field_info *fi = &k->fields[i];
            if ((fi->type == JY_FIELD_INTEGER || fi->type == JY_FIELD_REFERENCE) &&
                !jy__personal_field(r, i)) {
                e = worksheet_write_number(ws, row, (lxw_col_t)i, (double)v->i, NULL);
            } else {
                char *text = jy__export_cell(db, r, i, flags);
                if (!text) {
                    rc = JY_ENOMEM;
                    break;
                }
                e = worksheet_write_string(ws, row, (lxw_col_t)i, text, NULL);
                free(text);
            }
            if (e)
                rc = xlsx_error(e, "export");
        }
        jy_record_free(r);
        row++;
        (*count)++;
    }
    jy_ledger_iter_free(it);
    return rc;
}

int jy__export_xlsx(size_t *out_count, jy_db *db, const char *path, const jy_export_options *o,
                    const jy_filter *filters, size_t n)
{
    size_t count = 0;
    int rc = JY_OK;
    if (o->flags & JY_EXPORT_UNMASK) {
        /* Personal data leaves the database in clear: audit first, or not at all. */
        int64_t total = 0;
        for (size_t i = 0; i < n && rc == JY_OK; i++) {
            int64_t c = 0;
            rc = jy_ledger_count(&c, db, &filters[i]);
            total += c;
        }
        char detail[JY_LOCATION_SOURCE_MAX + 32];
        snprintf(detail, sizeof detail, "xlsx to %s", path);
        if (rc == JY_OK)
            rc = jy__db_audit(db, "export_unmasked", n == 1 ? jy_kind_name(filters[0].kind) : "all",
                              total, detail);
        if (rc != JY_OK)
            return jy__error(rc, "export: the unmasked export could not be written to the "
                             "audit log, so it was not done: %s", jy_error_last()->message);
    }
    lxw_workbook_options wo = { LXW_TRUE, NULL, LXW_TRUE };
    lxw_workbook *wb = workbook_new_opt(path, &wo);
    if (!wb)
        return jy__error(JY_EIO, "export: cannot create the workbook");
    formats f;
    make_formats(&f, wb);
    for (size_t i = 0; i < n && rc == JY_OK; i++)
        rc = export_sheet(&count, db, wb, &f, &filters[i], o->flags);
    jy__saved_error saved;
    jy__error_save(&saved);
    lxw_error closed = workbook_close(wb);
    if (rc != JY_OK)
        rc = jy__error_restore(&saved);
    else if (closed)
        rc = xlsx_error(closed, "export");
    if (out_count)
        *out_count = rc == JY_OK ? count : 0;
    return rc;
}

#else /* !JY_HAVE_XLSX */

int jy_report_write_xlsx(const jy_report *const *reports, size_t count, const char *path)
{
    (void)reports;
    (void)count;
    (void)path;
    return jy__error(JY_ENOTSUP, "report: %s", NOTSUP_MESSAGE);
}

int jy__export_xlsx(size_t *out_count, jy_db *db, const char *path, const jy_export_options *o,
                    const jy_filter *filters, size_t n)
{
    (void)db;
    (void)path;
    (void)o;
    (void)filters;
    (void)n;
    if (out_count)
        *out_count = 0;
    return jy__error(JY_ENOTSUP, "export: %s", NOTSUP_MESSAGE);
}

#endif
