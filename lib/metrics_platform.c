/*
 * Metrics of items 3-5: the online platform (3.1-3.5), publicity (4.1-4.4)
 * and online recruitment (5.1-5.4).
 */
#include "metrics_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* 3.1: reviews of the span that are good, at first or after a follow-up review. */
static int m_good_reviews(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n)
{
    return jy__metric_count_records(
        out, ctx, spans, n,
        "SELECT count(*) FROM review WHERE date BETWEEN ?1 AND ?2 "
        "AND (good = 1 OR follow_up_good = 1)",
        "SELECT id FROM review WHERE date BETWEEN ?1 AND ?2 AND (good = 1 OR follow_up_good = 1) "
        "ORDER BY id LIMIT ?3",
        "review");
}

/* 3.1: percent of the span's reviews that are good, counting a bad review
 * whose follow-up review (追评) by the span's end is good. */
static int m_good_review_rate(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                              size_t n)
{
    return jy__metric_rate(
        out, ctx, spans, n,
        "SELECT count(*), coalesce(sum(good = 1 OR (follow_up_good = 1 AND "
        "coalesce(followed_up_on, date) <= ?2)), 0) FROM review WHERE date BETWEEN ?1 AND ?2",
        "SELECT id FROM review WHERE date BETWEEN ?1 AND ?2 AND coalesce(good, 0) = 0 AND NOT "
        "(coalesce(follow_up_good, 0) = 1 AND coalesce(followed_up_on, date) <= ?2) "
        "LIMIT ?3",
        "review");
}

/* 3.2: county residents' resumes on the platform (registered 7 days or more
 * before the span's end) that received at least one push of matched postings
 * by the span's end. */
static const char push_rate_sql[] =
    "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM push p WHERE p.jobseeker_id = j.id "
    "AND p.posting_count > 0 AND p.pushed_on <= ?2)), 0) FROM jobseeker j "
    "WHERE j.in_county = 1 AND j.resume_on_platform = 1 "
    "AND j.registered_on <= date(?2, '-7 days') AND ?1 <= ?2";
static const char push_failing_sql[] =
    "SELECT j.id FROM jobseeker j WHERE j.in_county = 1 AND j.resume_on_platform = 1 "
    "AND j.registered_on <= date(?2, '-7 days') AND ?1 <= ?2 AND NOT EXISTS (SELECT 1 FROM "
    "push p WHERE p.jobseeker_id = j.id AND p.posting_count > 0 AND p.pushed_on <= ?2) "
    "LIMIT ?3";

/* The aggregate 3.2 is answered from (jy__metric_cache_get_upto): the
 * county residents' resumes on the platform registered by the bound, in
 * the order of their registration (then id), each with its registration
 * date and the date of its first push of matched postings by the bound
 * (YYYYMMDD; INT32_MAX: none). None (SQL answers) when a date is not a
 * plain date. */
typedef struct push_seeker {
    int64_t id;
    int32_t registered, first_push;
} push_seeker;

typedef struct push_cover {
    size_t n;
    push_seeker *s;
} push_cover;

static void push_cover_free(void *data)
{
    push_cover *c = data;
    if (c) {
        free(c->s);
        free(c);
    }
}

/* From the covering index jobseeker_registered_resume, up to the bound
 * only (ORDER BY id would make SQLite read the table for it). */
static const char cover_seekers_sql[] =
    "SELECT id, registered_on FROM jobseeker WHERE in_county = 1 AND resume_on_platform = 1"
    " AND registered_on <= ?1 ORDER BY registered_on";
static const char cover_pushes_sql[] =
    "SELECT jobseeker_id, min(pushed_on) FROM push WHERE posting_count > 0"
    " AND jobseeker_id IS NOT NULL AND pushed_on <= ?1 GROUP BY jobseeker_id"
    " ORDER BY jobseeker_id";

static int by_registration(const void *a, const void *b)
{
    const push_seeker *x = a, *y = b;
    if (x->registered != y->registered)
        return x->registered < y->registered ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* A jobseeker's first push (by the bound): id and date (-1: not a plain date). */
typedef struct first_push {
    int64_t id;
    int32_t date;
} first_push;

static int by_seeker(const void *key, const void *elem)
{
    int64_t a = *(const int64_t *)key, b = ((const first_push *)elem)->id;
    return a < b ? -1 : a > b;
}

static int push_cover_build(void **data, const jy__mctx *ctx, const char *end)
{
    *data = NULL;
    push_cover *c = jy__calloc(1, sizeof *c);
    if (!c)
        return JY_ENOMEM;
    first_push *fp = NULL;
    size_t cap = 0, nfp = 0, fcap = 0;
    int usable = 1, rc = JY_OK, step;
    sqlite3_stmt *st = NULL;
    /* the first pushes, by jobseeker (ascending ids) */
    if ((rc = jy__metric_stmt(&st, ctx, cover_pushes_sql)) != JY_OK)
        goto fail;
    sqlite3_bind_text(st, 1, end, -1, SQLITE_STATIC);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        if (sqlite3_column_type(st, 0) != SQLITE_INTEGER || (nfp && fp[nfp - 1].id >= id)) {
            usable = 0;
            break;
        }
        if (nfp == fcap) {
            size_t ncap = fcap ? fcap * 2 : 1024;
            first_push *nf = jy__realloc(fp, ncap * sizeof *nf);
            if (!nf) {
                rc = JY_ENOMEM;
                break;
            }
            fp = nf;
            fcap = ncap;
        }
        fp[nfp].id = id;
        fp[nfp].date = jy__metric_date_key((const char *)sqlite3_column_text(st, 1));
        nfp++;
    }
    sqlite3_reset(st);
    if (rc != JY_OK)
        goto fail;
    if (usable && step != SQLITE_ROW && step != SQLITE_DONE)
        goto db_fail;
    /* the resumes, each with its first push */
    if (usable) {
        if ((rc = jy__metric_stmt(&st, ctx, cover_seekers_sql)) != JY_OK)
            goto fail;
        sqlite3_bind_text(st, 1, end, -1, SQLITE_STATIC);
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            int32_t d = jy__metric_date_key((const char *)sqlite3_column_text(st, 1));
            int64_t id = sqlite3_column_int64(st, 0);
            const first_push *f = bsearch(&id, fp, nfp, sizeof *fp, by_seeker);
            if (d < 0 || (f && f->date < 0)) {
                usable = 0;
                break;
            }
            if (c->n == cap) {
                size_t ncap = cap ? cap * 2 : 1024;
                push_seeker *ns = jy__realloc(c->s, ncap * sizeof *ns);
                if (!ns) {
                    rc = JY_ENOMEM;
                    break;
                }
                c->s = ns;
                cap = ncap;
            }
            c->s[c->n].id = id;
            c->s[c->n].registered = d;
            c->s[c->n].first_push = f ? f->date : INT32_MAX;
            c->n++;
        }
        sqlite3_reset(st);
        if (rc != JY_OK)
            goto fail;
        if (usable && step != SQLITE_ROW && step != SQLITE_DONE)
            goto db_fail;
    }
    free(fp);
    if (!usable) {
        push_cover_free(c);
        return JY_OK;
    }
    /* the order in which SQL lists the failing resumes (the index on the
     * registration date, then the id), for the same evidence */
    if (c->n > 1)
        qsort(c->s, c->n, sizeof *c->s, by_registration);
    *data = c;
    return JY_OK;
db_fail:
    rc = jy__db_error(ctx->db, step, "computing a metric");
fail:
    free(fp);
    push_cover_free(c);
    return rc;
}

static int m_push_coverage(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                           size_t n)
{
    if (n == 0)
        return JY_OK;
    /* one build, for the latest end of the spans; on the second request
     * (one SQL answer on a new connection costs less than the build) */
    const char *latest = spans[0].to_text;
    for (size_t i = 1; i < n; i++)
        if (strcmp(spans[i].to_text, latest) > 0)
            latest = spans[i].to_text;
    void *data = NULL;
    int rc = jy__metric_cache_get_upto(&data, ctx, JY__MCACHE_PUSH_COVERAGE, latest, 0,
                                       push_cover_build, push_cover_free);
    if (rc != JY_OK)
        return rc;
    for (size_t i = 0; i < n; i++) {
        long days = 0;
        jy_date due;
        char due_text[JY_DATE_TEXT_SIZE];
        int32_t end = jy__metric_date_key(spans[i].to_text);
        if (!data || end < 0 || jy_date_to_days(&days, spans[i].to) != JY_OK ||
            jy_date_from_days(&due, days - 7) != JY_OK ||
            jy_date_format(due_text, due) != JY_OK ||
            jy_date_compare(spans[i].from, spans[i].to) > 0) {
            if ((rc = jy__metric_rate(&out[i], ctx, &spans[i], 1, push_rate_sql,
                                      push_failing_sql, "jobseeker")) != JY_OK)
                return rc;
            continue;
        }
        int32_t due_key = jy__metric_date_key(due_text);
        const push_cover *c = data;
        int64_t base = 0, good = 0;
        out[i].id_count = 0;
        for (size_t k = 0; k < c->n; k++) {
            if (c->s[k].registered > due_key)
                break;
            base++;
            if (c->s[k].first_push <= end)
                good++;
            else if (out[i].id_count < JY_EVIDENCE_MAX)
                out[i].ids[out[i].id_count++] = c->s[k].id;
        }
        /* as jy__metric_rate */
        out[i].has_value = 1;
        if (base <= 0) {
            out[i].value = 100;
            jy__measure_note(&out[i], "期间内无应计记录");
        } else {
            out[i].value = 100.0 * (double)good / (double)base;
            jy__measure_note(&out[i], "%lld/%lld", (long long)good, (long long)base);
        }
        if (ctx->want_ids && good < base) {
            /* ascending, as jy__metric_ids */
            for (size_t a = 1; a < out[i].id_count; a++)
                for (size_t b = a; b > 0 && out[i].ids[b - 1] > out[i].ids[b]; b--) {
                    int64_t t = out[i].ids[b];
                    out[i].ids[b] = out[i].ids[b - 1];
                    out[i].ids[b - 1] = t;
                }
            out[i].record_kind = "jobseeker";
            out[i].record_role = "failing";
            out[i].id_total = base - good;
        } else {
            out[i].id_count = 0;
        }
    }
    return JY_OK;
}

/* 3.3 */
static int m_postings(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n)
{
    return jy__metric_count_daily(
        out, ctx, spans, n,
        "SELECT published_on, count(*) FROM posting WHERE published_on BETWEEN ?1 AND ?2 "
        "GROUP BY published_on ORDER BY published_on",
        "SELECT id FROM posting WHERE published_on BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3",
        "posting");
}

/* 3.4 */
JY__EVENT_METRIC(m_online_job_fairs, "online_job_fair")

/* 3.5 */
static int m_new_platform_enterprises(jy_measure *out, const jy__mctx *ctx,
                                      const jy__span *spans, size_t n)
{
    return jy__metric_count_records(
        out, ctx, spans, n,
        "SELECT count(*) FROM enterprise WHERE platform_registered_on BETWEEN ?1 AND ?2",
        "SELECT id FROM enterprise WHERE platform_registered_on BETWEEN ?1 AND ?2 "
        "ORDER BY id LIMIT ?3",
        "enterprise");
}

/* 4.1 */
JY__EVENT_METRIC(m_recruitment_pushes, "recruitment_push")

/* 4.2: followers gained, summed from the `count` of followers events. */
static int m_followers_gained(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                              size_t n)
{
    return jy__metric_count_daily(
        out, ctx, spans, n,
        "SELECT date, sum(coalesce(count, 0)) FROM event WHERE kind = 'followers' "
        "AND date BETWEEN ?1 AND ?2 GROUP BY date ORDER BY date",
        JY__SQL_EVENT_IDS("followers"), "event");
}

/* 4.3 */
static int m_videos(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n)
{
    return jy__metric_count_daily(out, ctx, spans, n, JY__SQL_EVENT_DAILY("video"), JY__SQL_EVENT_IDS("video"),
                                  "event");
}

static int m_video_views(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n)
{
    return jy__metric_count_daily(
        out, ctx, spans, n,
        "SELECT date, sum(coalesce(views, 0)) FROM event WHERE kind = 'video' "
        "AND date BETWEEN ?1 AND ?2 GROUP BY date ORDER BY date",
        JY__SQL_EVENT_IDS("video"), "event");
}

/* 4.4 */
JY__EVENT_METRIC(m_activity_posts, "activity_post")

/* 5.1: live shows. The seed's scoring standard counts shows (全年不少于50场);
 * its service content sets the slot (常态化每周三19:00-21:00, holidays "同一
 * 时间段"): the note counts the shows outside it, which the value does not
 * exclude (docs/rules.md). In the slot: starting from 19:00 and before
 * 21:00 on a Wednesday or on a public holiday's day off. */
#define IN_EVENING "(starts_at >= '19:00' AND starts_at < '21:00')"
static const char slot_sql[] =
    "SELECT coalesce(sum(starts_at IS NULL OR starts_at = ''), 0),"
    " coalesce(sum(" IN_EVENING " AND strftime('%w', date) = '3'), 0)"
    " FROM event WHERE kind = 'live_show' AND date BETWEEN ?1 AND ?2";
static const char holiday_slot_sql[] =
    "SELECT count(*) FROM event WHERE kind = 'live_show' AND date BETWEEN ?1 AND ?2"
    " AND " IN_EVENING " AND strftime('%w', date) <> '3'";

static int live_show_slot_note(jy_measure *out, const jy__mctx *ctx, const jy__span *span)
{
    sqlite3_stmt *st = NULL;
    int rc = jy__metric_stmt(&st, ctx, slot_sql);
    if (rc != JY_OK)
        return rc;
    sqlite3_bind_text(st, 1, span->from_text, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, span->to_text, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    int64_t untimed = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    int64_t in_slot = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return jy__db_error(ctx->db, rc, "computing a metric");
    size_t nh = ctx->cal ? jy_calendar_holiday_count(ctx->cal) : 0;
    for (size_t h = 0; h < nh; h++) {
        const jy_holiday *hol = jy_calendar_holiday_at(ctx->cal, h);
        if (!hol || jy_date_compare(hol->last, span->from) < 0 ||
            jy_date_compare(hol->first, span->to) > 0)
            continue;
        jy__span hs;
        jy__span_set(&hs, jy_date_compare(hol->first, span->from) < 0 ? span->from : hol->first,
                     jy_date_compare(hol->last, span->to) > 0 ? span->to : hol->last);
        jy_measure m;
        memset(&m, 0, sizeof m);
        if ((rc = jy__metric_scalar(&m, ctx, &hs, 1, holiday_slot_sql)) != JY_OK)
            return rc;
        in_slot += (int64_t)m.value;
    }
    int64_t off = (int64_t)out->value - in_slot - untimed;
    jy__measure_note(out, "每周三（节假日）19:00-21:00时段外%lld场、未记录开始时间%lld场（计入场次）",
                     (long long)(off > 0 ? off : 0), (long long)untimed);
    return JY_OK;
}

static int m_live_shows(jy_measure *out, const jy__mctx *ctx, const jy__span *spans, size_t n)
{
    int rc = jy__metric_count_daily(out, ctx, spans, n, JY__SQL_EVENT_DAILY("live_show"),
                                     JY__SQL_EVENT_IDS("live_show"), "event");
    for (size_t i = 0; i < n && rc == JY_OK && ctx->want_ids; i++)
        rc = live_show_slot_note(&out[i], ctx, &spans[i]);
    return rc;
}

/* 5.2: public holidays of the calendar whose last day off falls in the
 * span and that had no live show on any of their days off (first .. last).
 * Evidence: the holidays, named in the note. Needs the calendar. */
static int m_holidays_without_live_show(jy_measure *out, const jy__mctx *ctx,
                                        const jy__span *spans, size_t n)
{
    if (!ctx->cal)
        return jy__error(JY_EINVAL, "the metric holidays_without_live_show needs a calendar");
    /* A year the calendar has no data for has holidays it does not know:
     * an error, never "no holiday missed" (JY_ERANGE names the year). */
    for (size_t i = 0; i < n; i++) {
        int rc = jy_calendar_covers(ctx->cal, spans[i].from, spans[i].to);
        if (rc != JY_OK)
            return rc;
    }
    size_t nh = jy_calendar_holiday_count(ctx->cal);
    for (size_t i = 0; i < n; i++) {
        out[i].has_value = 1;
        size_t seen = 0;
        for (size_t h = 0; h < nh; h++) {
            const jy_holiday *hol = jy_calendar_holiday_at(ctx->cal, h);
            if (!hol || jy_date_compare(hol->last, spans[i].from) < 0 ||
                jy_date_compare(hol->last, spans[i].to) > 0)
                continue;
            seen++;
            jy__span hs;
            jy__span_set(&hs, hol->first, hol->last);
            jy_measure m;
            memset(&m, 0, sizeof m);
            int rc = jy__metric_scalar(&m, ctx, &hs, 1,
                                       "SELECT count(*) FROM event WHERE kind = 'live_show' "
                                       "AND date BETWEEN ?1 AND ?2");
            if (rc != JY_OK)
                return rc;
            if (m.value < 1) {
                out[i].value += 1;
                jy__measure_note(&out[i], "%s%s（%s至%s）无直播", out[i].value > 1 ? "；" : "",
                                 hol->name, hs.from_text, hs.to_text);
            }
        }
        if (out[i].value == 0)
            jy__measure_note(&out[i], "期间内%zu个节假日均有直播", seen);
    }
    return JY_OK;
}

/* 5.3: live shows shorter than 90 minutes or presenting fewer than 30 jobs
 * (an unrecorded duration or number of jobs falls short): the rule's
 * parameters min_minutes and min_jobs, these by default (docs/rules.md).
 * Evidence: those shows. */
static const char short_shows_sql[] =
    "SELECT count(*) FROM event WHERE kind = 'live_show' AND date BETWEEN ?1 AND ?2 "
    "AND (coalesce(minutes, 0) < ?4 OR coalesce(jobs_shown, 0) < ?5)";
static const char short_show_ids_sql[] =
    "SELECT id FROM event WHERE kind = 'live_show' AND date BETWEEN ?1 AND ?2 "
    "AND (coalesce(minutes, 0) < ?4 OR coalesce(jobs_shown, 0) < ?5) ORDER BY id LIMIT ?3";

static int m_live_shows_short(jy_measure *out, const jy__mctx *ctx, const jy__span *spans,
                              size_t n)
{
    int minutes = (int)jy__mparam(ctx, JY__P_SHOW_MIN_MINUTES);
    int jobs = (int)jy__mparam(ctx, JY__P_SHOW_MIN_JOBS);
    for (size_t i = 0; i < n; i++) {
        for (int pass = 0; pass < 1 + ctx->want_ids; pass++) {
            sqlite3_stmt *st = NULL;
            int rc = jy__metric_stmt(&st, ctx, pass ? short_show_ids_sql : short_shows_sql);
            if (rc != JY_OK)
                return rc;
            sqlite3_bind_text(st, 1, spans[i].from_text, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, spans[i].to_text, -1, SQLITE_STATIC);
            sqlite3_bind_int(st, 4, minutes);
            sqlite3_bind_int(st, 5, jobs);
            if (pass) {
                sqlite3_bind_int(st, 3, JY_EVIDENCE_MAX);
                rc = jy__metric_fill_ids(&out[i], ctx, st, "event", "failing",
                                         (int64_t)out[i].value);
                if (rc != JY_OK)
                    return rc;
                continue;
            }
            rc = sqlite3_step(st);
            out[i].value = rc == SQLITE_ROW ? (double)sqlite3_column_int64(st, 0) : 0;
            out[i].has_value = 1;
            sqlite3_reset(st);
            if (rc != SQLITE_ROW)
                return jy__db_error(ctx->db, rc, "computing a metric");
        }
        if (ctx->want_ids && (!jy__mparam_is_default(ctx, JY__P_SHOW_MIN_MINUTES) ||
                              !jy__mparam_is_default(ctx, JY__P_SHOW_MIN_JOBS)))
            jy__measure_note(&out[i], "本细则标准：每场不少于%d分钟、带岗不少于%d个", minutes,
                             jobs);
    }
    return JY_OK;
}

/* 5.4 */
JY__EVENT_METRIC(m_streamer_visits, "streamer_visit")

const jy__metric_def jy__metrics_platform[] = {
    JY__METRIC("good_reviews", "条", "好评条数",
      "Reviews dated in the period that are good, at first or after a good follow-up review "
      "(追评).", m_good_reviews),
    JY__METRIC("good_review_rate", "%", "好评率（含差评追评）",
      "Percent of the period's reviews that are good, a bad one counting as good when its "
      "follow-up review by the period's end is good (100 when none). Evidence: the reviews "
      "still bad.", m_good_review_rate),
    JY__METRIC("push_coverage", "%", "辖区平台简历精准推送覆盖率",
      "Percent of county residents' resumes on the platform (jobseeker in_county and "
      "resume_on_platform, registered 7 days or more before the period's end) that received "
      "a push of at least one matched posting by the period's end. Evidence: the jobseekers "
      "never pushed.", m_push_coverage),
    JY__METRIC("postings", "条", "岗位发布条数", "Postings published in the period (posting.published_on).",
      m_postings),
    JY__METRIC("online_job_fairs", "场", "网络招聘会场次",
      "Online job fairs on the city-level site (events of kind online_job_fair).",
      m_online_job_fairs),
    JY__METRIC("new_platform_enterprises", "家", "新注册平台企业数",
      "Enterprises registered on the platform in the period (enterprise.platform_registered_on).",
      m_new_platform_enterprises),
    JY__METRIC("recruitment_pushes", "条", "新干微就业招聘信息推送条数",
      "Recruitment pushes on 新干微就业 (events of kind recruitment_push).",
      m_recruitment_pushes),
    JY__METRIC("followers_gained", "人", "新增粉丝数",
      "Followers gained: the sum of `count` of followers events dated in the period.",
      m_followers_gained),
    JY__METRIC("videos", "条", "招工宣传视频条数", "Recruitment videos published (events of kind video).",
      m_videos),
    JY__METRIC("video_views", "人次", "招工视频浏览量",
      "Views of the recruitment videos published in the period (sum of `views`).",
      m_video_views),
    JY__METRIC("activity_posts", "条", "活动推文或视频条数",
      "Posts or videos about the homes' activities (events of kind activity_post).",
      m_activity_posts),
    JY__METRIC("live_shows", "场", "直播带岗场次",
      "Live job shows (events of kind live_show). The note counts the shows outside the slot "
      "of the seed's service content (starting 19:00-21:00 on a Wednesday or a public "
      "holiday's day off) and those without a start time; they count all the same.",
      m_live_shows),
    JY__METRIC("holidays_without_live_show", "个", "无直播的节假日",
      "Public holidays of the calendar (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节) whose "
      "last day off falls in the period and that had no live show on any of their days off. "
      "Evidence: their names and dates in the note. Needs the calendar.",
      m_holidays_without_live_show),
    JY__METRIC("live_shows_short", "场", "时长不足90分钟或带岗不足30个的直播",
      "Live shows of the period shorter than 90 minutes or presenting fewer than 30 jobs "
      "(unrecorded minutes or jobs count as short); params min_minutes (90) and min_jobs "
      "(30). Evidence: those shows.",
      m_live_shows_short),
    JY__METRIC("streamer_visits", "次", "主播探企次数",
      "Streamer visits to enterprises, 主播探企 (events of kind streamer_visit).",
      m_streamer_visits),
    JY__METRIC_END,
};
