/*
 * Metrics of item 14: other matters (14.1-14.2). Owned by the metrics2
 * branch; docs/rules.md, item 14, explains every choice.
 */
#include "metrics_reports.h"

#include <string.h>

/* 14.1: student volunteers recruited in July and August: each volunteer
 * event records the volunteers who joined (its `count`, or one person when
 * unset), dated in July or August inside the span. The span is cut into
 * its July-August windows (one per year), each counted through the date
 * index. */
static const char volunteers_sql[] =
    "SELECT coalesce(sum(coalesce(count, 1)), 0), count(*) FROM event"
    " WHERE date BETWEEN ?1 AND ?2 AND kind = 'volunteer'";

static const char volunteers_ids_sql[] =
    "SELECT id FROM event WHERE date BETWEEN ?1 AND ?2 AND kind = 'volunteer' ORDER BY id";

static int m_summer_volunteers(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                               size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int64_t people = 0, events = 0;
        size_t kept = 0;
        for (int year = spans[i].from.year; year <= spans[i].to.year; year++) {
            jy_date a = { year, 7, 1 }, b = { year, 8, 31 };
            if (jy_date_compare(a, spans[i].from) < 0)
                a = spans[i].from;
            if (jy_date_compare(b, spans[i].to) > 0)
                b = spans[i].to;
            if (jy_date_compare(a, b) > 0)
                continue;
            jy__span w;
            jy__span_set(&w, a, b);
            sqlite3_stmt *st = NULL;
            int rc = jy__metric_stmt(&st, ctx, volunteers_sql);
            if (rc != JY_OK)
                return rc;
            sqlite3_bind_text(st, 1, w.from_text, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, w.to_text, -1, SQLITE_STATIC);
            rc = sqlite3_step(st);
            if (rc == SQLITE_ROW) {
                people += sqlite3_column_int64(st, 0);
                events += sqlite3_column_int64(st, 1);
            }
            sqlite3_reset(st);
            if (rc != SQLITE_ROW)
                return jy__db_error(ctx->db, rc, "computing a metric");
            if (!ctx->want_ids)
                continue;
            if ((rc = jy__metric_stmt(&st, ctx, volunteers_ids_sql)) != JY_OK)
                return rc;
            sqlite3_bind_text(st, 1, w.from_text, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, w.to_text, -1, SQLITE_STATIC);
            while ((rc = sqlite3_step(st)) == SQLITE_ROW && kept < JY_EVIDENCE_MAX)
                out[i].ids[kept++] = sqlite3_column_int64(st, 0);
            sqlite3_reset(st);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE)
                return jy__db_error(ctx->db, rc, "listing the evidence of a metric");
        }
        out[i].value = (double)people;
        out[i].has_value = 1;
        if (ctx->want_ids) {
            out[i].id_count = kept;
            out[i].id_total = events;
            out[i].record_kind = "event";
            out[i].record_role = "counted";
        }
    }
    return JY_OK;
}

/* 14.2: ad-hoc tasks due in the span (due_on, else the day given) not done
 * by their due date (a task without one: by the span's end). */
#define LATE_WHERE \
    " FROM event WHERE kind = 'task' AND coalesce(due_on, date) BETWEEN ?1 AND ?2" \
    " AND (done_on IS NULL OR done_on > coalesce(due_on, ?2))"

static int m_tasks_late(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n)
{
    int rc = jy__metric_scalar(out, ctx, spans, n, "SELECT count(*)" LATE_WHERE);
    for (size_t i = 0; i < n && rc == JY_OK; i++) {
        out[i].has_value = 1;
        if (!ctx->want_ids)
            continue;
        rc = jy__metric_ids(&out[i], ctx, &spans[i], "SELECT id" LATE_WHERE " ORDER BY id LIMIT ?3",
                            "event", "failing", (int64_t)out[i].value, NULL);
        jy_measure due;
        memset(&due, 0, sizeof due);
        if (rc == JY_OK)
            rc = jy__metric_scalar(&due, ctx, &spans[i], 1,
                                   "SELECT count(*) FROM event WHERE kind = 'task'"
                                   " AND coalesce(due_on, date) BETWEEN ?1 AND ?2");
        if (rc == JY_OK)
            jy__measure_note(&out[i], "期内到期临时性工作%.0f件，未按时完成%.0f件", due.value,
                             out[i].value);
    }
    return rc;
}

const jy__metric_def jy__metrics_other[] = {
    { { "summer_volunteers", "人", "7-8月大学生就业之家志愿者人数",
        "Volunteers recruited in July and August inside the period: the sum over events of "
        "kind volunteer dated in those months of their `count` (one person when unset). "
        "Evidence: the volunteer events." },
      m_summer_volunteers },
    { { "tasks_not_done_on_time", "件", "未按时完成的临时性工作件数",
        "Ad-hoc tasks (events of kind task) due in the period (due_on, else the day given) "
        "and not done (done_on) by the due date, or by the period's end for a task without "
        "one. Evidence: those tasks." },
      m_tasks_late },
    JY__METRIC_END,
};
