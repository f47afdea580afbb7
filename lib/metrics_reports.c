/*
 * Written reports matched to buckets, and the townships: see metrics_reports.h.
 */
#include "metrics_reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t jy__metric_townships(const jy_township **out, size_t max, const jy__mctx *ctx)
{
    const jy_county *county = jy_db_county(ctx->db);
    size_t count = jy_county_township_count(county), k = 0;
    for (size_t i = 0; i < count && k < max; i++) {
        const jy_township *t = jy_county_township_at(county, i);
        if (t && t->kind != JY_TOWNSHIP_SPECIAL)
            out[k++] = t;
    }
    return k;
}

void jy__metric_township_list(char *buf, size_t size, const jy_township *const *towns,
                              size_t count)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < count && i < 5; i++) {
        int w = snprintf(buf + len, size - len, "%s%s", i ? "、" : "", towns[i]->name);
        if (w < 0 || (size_t)w >= size - len) {
            buf[len] = '\0';
            return;
        }
        len += (size_t)w;
    }
    if (count > 5)
        snprintf(buf + len, size - len, "等%zu个", count);
}

/* ---- Reports -------------------------------------------------------------- */

typedef struct report {
    int64_t id;
    long from, to;        /* days covered */
    char township[16];    /* "" = the whole county */
} report;

static long day_number(jy_date d)
{
    long n = 0;
    jy_date_to_days(&n, d);
    return n;
}

/* Reads the reports of a kind, with the days each covers. */
static int load_reports(report **out, size_t *out_count, const jy__mctx *ctx,
                        const char *report_kind, jy_period_unit max_unit)
{
    static const char sql[] =
        "SELECT id, date, period, township FROM event "
        "WHERE kind = 'report' AND report_kind = ?1 ORDER BY id";
    sqlite3_stmt *st = NULL;
    int rc = jy__metric_stmt(&st, ctx, sql);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_text(st, 1, report_kind, -1, SQLITE_STATIC);
    report *list = NULL;
    size_t count = 0, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        report r;
        memset(&r, 0, sizeof r);
        r.id = sqlite3_column_int64(st, 0);
        jy_date date;
        const char *date_text = (const char *)sqlite3_column_text(st, 1);
        if (!date_text || jy_date_parse(&date, date_text) != JY_OK)
            continue;
        r.from = r.to = day_number(date);
        const char *label = (const char *)sqlite3_column_text(st, 2);
        jy_period p;
        jy_period_unit unit;
        if (label && jy_period_parse(&p, &unit, label) == JY_OK && unit <= max_unit) {
            r.from = day_number(p.from);
            r.to = day_number(p.to);
        }
        const char *town = (const char *)sqlite3_column_text(st, 3);
        if (town)
            jy__strlcpy_utf8(r.township, sizeof r.township, town);
        if (count == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            report *grown = jy__realloc(list, ncap * sizeof *grown);
            if (!grown) {
                sqlite3_reset(st);
                free(list);
                return JY_ENOMEM;
            }
            list = grown;
            cap = ncap;
        }
        list[count++] = r;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(list);
        return jy__db_error(ctx->db, rc, "reading the reports");
    }
    *out = list;
    *out_count = count;
    return JY_OK;
}

int jy__metric_reports(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n,
                       const char *report_kind, jy_period_unit max_unit, int per_township)
{
    report *list = NULL;
    size_t count = 0;
    int rc = load_reports(&list, &count, ctx, report_kind, max_unit);
    if (rc != JY_OK)
        return rc;
    const jy_township *towns[64];
    size_t ntown = per_township ? jy__metric_townships(towns, 64, ctx) : 0;
    for (size_t i = 0; i < n; i++) {
        long from = day_number(spans[i].from), to = day_number(spans[i].to);
        int64_t counted = 0;
        size_t kept = 0;
        size_t covered[64] = { 0 };
        for (size_t r = 0; r < count; r++) {
            if (list[r].to < from || list[r].from > to)
                continue;
            counted++;
            if (kept < JY_EVIDENCE_MAX)
                out[i].ids[kept++] = list[r].id;
            for (size_t t = 0; t < ntown; t++)
                if (!list[r].township[0] || strcmp(list[r].township, towns[t]->code) == 0)
                    covered[t]++;
        }
        out[i].has_value = 1;
        if (per_township) {
            size_t least = ntown ? covered[0] : 0;
            const jy_township *missing[64];
            size_t nmissing = 0;
            for (size_t t = 0; t < ntown; t++) {
                if (covered[t] < least)
                    least = covered[t];
                if (!covered[t])
                    missing[nmissing++] = towns[t];
            }
            out[i].value = (double)least;
            if (ctx->want_ids && nmissing) {
                char names[256];
                jy__metric_township_list(names, sizeof names, missing, nmissing);
                jy__measure_note(&out[i], "未上报的乡镇（街道）：%s", names);
            }
        } else {
            out[i].value = (double)counted;
        }
        if (ctx->want_ids) {
            out[i].id_count = kept;
            out[i].id_total = counted;
            out[i].record_kind = "event";
            out[i].record_role = "counted";
        } else {
            out[i].id_count = 0;
        }
    }
    free(list);
    return JY_OK;
}
