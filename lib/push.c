/*
 * The daily push: the database's open postings into a matcher index, every
 * jobseeker with a resume matched against it on several threads, new
 * matches recorded in the push ledger, all in one transaction.
 */
#include "db_internal.h"
#include "match_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int jy_push_options_init(jy_push_options *opts)
{
    if (!opts)
        return jy__error(JY_EINVAL, "jy_push_options_init: NULL options");
    jy_push_options d = JY_PUSH_OPTIONS_INIT;
    *opts = d;
    return JY_OK;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* ---- A set of (jobseeker, posting) pairs ---------------------------------------- */

typedef struct pairset {
    uint64_t *keys; /* 0 = empty; keys are stored + 1 */
    size_t cap, n;
} pairset;

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

static int pairset_add(pairset *s, uint64_t key)
{
    key++;
    if ((s->n + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        uint64_t *k = jy__calloc(cap, sizeof *k);
        if (!k)
            return JY_ENOMEM;
        for (size_t i = 0; i < s->cap; i++)
            if (s->keys[i]) {
                size_t j = mix(s->keys[i]) & (cap - 1);
                while (k[j])
                    j = (j + 1) & (cap - 1);
                k[j] = s->keys[i];
            }
        free(s->keys);
        s->keys = k;
        s->cap = cap;
    }
    size_t j = mix(key) & (s->cap - 1);
    while (s->keys[j]) {
        if (s->keys[j] == key)
            return 0;
        j = (j + 1) & (s->cap - 1);
    }
    s->keys[j] = key;
    s->n++;
    return 1;
}

static int pairset_has(const pairset *s, uint64_t key)
{
    if (!s->cap)
        return 0;
    key++;
    size_t j = mix(key) & (s->cap - 1);
    while (s->keys[j]) {
        if (s->keys[j] == key)
            return 1;
        j = (j + 1) & (s->cap - 1);
    }
    return 0;
}

static uint64_t pair(size_t seeker, int64_t posting)
{
    return (uint64_t)seeker << 40 | ((uint64_t)posting & 0xFFFFFFFFFFULL);
}

/* ---- Jobseekers ------------------------------------------------------------------ */

typedef struct seeker {
    int64_t id;
    char *text, *skills, *township, *education;
    int salary, age, in_county;
    size_t prev;      /* postings pushed on earlier days */
    size_t nnew;      /* new postings for the day */
    size_t nmatched;  /* results of the query (new or not) */
} seeker;

typedef struct push_ctx {
    const jy_match_index *index;
    jy_match_options mo;
    size_t k;
    seeker *seekers;
    int64_t *out;     /* k per seeker */
    const pairset *before;
    size_t from, to, thread, threads;
    int rc;
    char message[256];
} push_ctx;

static void *push_worker(void *arg)
{
    push_ctx *c = arg;
    jy_match_results *r = NULL;
    if (jy_match_results_new(&r)) {
        c->rc = JY_ENOMEM;
        return NULL;
    }
    jy_match_options mo = c->mo;
    for (size_t i = c->from + c->thread; i < c->to; i += c->threads) {
        seeker *s = &c->seekers[i];
        jy_profile_input q = JY_PROFILE_INPUT_INIT;
        q.text = s->text;
        const char *sk = s->skills;
        q.skills = &sk;
        q.skill_count = sk ? 1 : 0;
        q.township = s->township;
        q.salary_min = s->salary;
        q.age = s->age;
        q.education = s->education;
        size_t top = c->k + s->prev;
        mo.top_k = top > JY_MATCH_MAX_TOP ? JY_MATCH_MAX_TOP : top;
        int rc = jy_match_query(r, c->index, &q, &mo);
        if (rc == JY_EINVAL || rc == JY_EUTF8) { /* one bad record must not stop the county's push */
            s->nmatched = 0;
            continue;
        }
        if (rc) {
            c->rc = rc;
            snprintf(c->message, sizeof c->message, "%s", jy_error_last()->message);
            break;
        }
        size_t n = jy_match_results_count(r);
        s->nmatched = n;
        s->nnew = 0;
        for (size_t j = 0; j < n && s->nnew < c->k; j++) {
            int64_t pid = strtoll(jy_match_results_at(r, j)->id, NULL, 10);
            if (s->prev && pairset_has(c->before, pair(i, pid)))
                continue;
            c->out[i * c->k + s->nnew++] = pid;
        }
    }
    jy_match_results_free(r);
    return NULL;
}

static size_t find_seeker(const seeker *s, size_t n, int64_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && s[lo].id == id ? lo : SIZE_MAX;
}

static char *dup_col(sqlite3_stmt *st, int i, int *oom)
{
    const char *t = col_text(st, i);
    if (!t)
        return NULL;
    char *d = jy__strdup(t);
    if (!d)
        *oom = 1;
    return d;
}

/* Reports a stored posting the matcher refused: `field` is taken from the
 * matcher's message ("posting: education: not a known level...", "posting:
 * field title is not valid UTF-8..."), which carries no value. */
static int report_reject(const jy_push_options *opts, int code, const char *id)
{
    if (!opts->on_reject)
        return 0;
    jy_located_error e;
    memset(&e, 0, sizeof e);
    e.code = code;
    jy__strlcpy_utf8(e.source, sizeof e.source, "posting");
    e.record = (size_t)strtoull(id, NULL, 10);
    const char *m = jy_error_last()->message;
    jy__match_error_field(e.field, sizeof e.field, m);
    if (!strncmp(m, "posting: ", 9))
        m += 9;
    snprintf(e.text, sizeof e.text, "posting %s left out of the push: %s", id, m);
    return opts->on_reject(&e, opts->reject_payload);
}

static int load_postings(jy_match_index *ix, jy_db *db, const char *day, size_t *count,
                         size_t *rejected, const jy_push_options *opts)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn,
                                "SELECT id, title, description, skills, salary_min, salary_max, age_min, age_max,"
                                " education, township, kind, published_on, closed_on FROM posting"
                                " WHERE published_on <= ?1 AND (closed_on IS NULL OR closed_on > ?1)",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return jy__db_error(db, rc, "push: reading postings");
    sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
    int status = JY_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char id[32];
        snprintf(id, sizeof id, "%lld", (long long)sqlite3_column_int64(st, 0));
        jy_posting_input p = JY_POSTING_INPUT_INIT;
        p.id = id;
        p.title = col_text(st, 1);
        p.description = col_text(st, 2);
        const char *skills = col_text(st, 3);
        p.skills = &skills;
        p.skill_count = skills ? 1 : 0;
        p.salary_min = sqlite3_column_int(st, 4);
        p.salary_max = sqlite3_column_int(st, 5);
        if (p.salary_max && p.salary_min > p.salary_max)
            p.salary_max = p.salary_min;
        p.age_min = sqlite3_column_int(st, 6);
        p.age_max = sqlite3_column_int(st, 7);
        if (p.age_max && p.age_min > p.age_max)
            p.age_max = p.age_min;
        p.education = col_text(st, 8);
        p.township = col_text(st, 9);
        p.kind = col_text(st, 10);
        if (col_text(st, 11))
            jy_date_parse(&p.published_on, col_text(st, 11));
        int arc = jy_match_index_add(ix, &p);
        if (arc == JY_ENOMEM) {
            status = arc;
            break;
        }
        if (arc == JY_OK) {
            (*count)++;
        } else {
            /* A stored posting the matcher refuses (bad education code...) is
             * left out of the push rather than stopping it, and reported. */
            (*rejected)++;
            int stop = report_reject(opts, arc, id);
            if (stop) {
                status = jy__error(stop, "push: stopped by the reject callback at posting %s", id);
                break;
            }
        }
    }
    if (!status && rc != SQLITE_DONE)
        status = jy__db_error(db, rc, "push: reading postings");
    sqlite3_finalize(st);
    return status;
}

static int load_seekers(seeker **out, size_t *n_out, jy_db *db)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn,
                                "SELECT id, wishes, skills, township, salary_wish, age, education, in_county"
                                " FROM jobseeker WHERE resume_on_platform = 1 ORDER BY id",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return jy__db_error(db, rc, "push: reading jobseekers");
    seeker *s = NULL;
    size_t n = 0, cap = 0;
    int oom = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 1024;
            seeker *ns = jy__realloc(s, nc * sizeof *ns);
            if (!ns) {
                oom = 1;
                break;
            }
            s = ns;
            cap = nc;
        }
        seeker *x = &s[n++];
        memset(x, 0, sizeof *x);
        x->id = sqlite3_column_int64(st, 0);
        x->text = dup_col(st, 1, &oom);
        x->skills = dup_col(st, 2, &oom);
        x->township = dup_col(st, 3, &oom);
        x->salary = sqlite3_column_int(st, 4);
        x->age = sqlite3_column_int(st, 5);
        x->education = dup_col(st, 6, &oom);
        x->in_county = sqlite3_column_type(st, 7) == SQLITE_NULL ? 1 : sqlite3_column_int(st, 7);
        if (oom)
            break;
    }
    int status = oom ? jy__error_nomem() : rc != SQLITE_DONE ? jy__db_error(db, rc, "push: reading jobseekers")
                                                              : JY_OK;
    sqlite3_finalize(st);
    *out = s;
    *n_out = n;
    return status;
}

static void free_seekers(seeker *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(s[i].text);
        free(s[i].skills);
        free(s[i].township);
        free(s[i].education);
    }
    free(s);
}

/* Postings pushed to each jobseeker before the day. */
static int load_history(pairset *set, seeker *s, size_t n, jy_db *db, const char *day)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn, "SELECT jobseeker_id, postings FROM push WHERE pushed_on < ?1", -1, &st,
                                NULL);
    if (rc != SQLITE_OK)
        return jy__db_error(db, rc, "push: reading the push ledger");
    sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
    int status = JY_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        size_t i = find_seeker(s, n, sqlite3_column_int64(st, 0));
        const char *list = col_text(st, 1);
        if (i == SIZE_MAX || !list)
            continue;
        /* Items are joined with 、 (the ledger's list form). */
        const char *p = list;
        while (*p) {
            while (*p && (*p < '0' || *p > '9'))
                p++;
            if (!*p)
                break;
            char *end;
            long long v = strtoll(p, &end, 10);
            p = end;
            int added = pairset_add(set, pair(i, v));
            if (added < 0) {
                status = jy__error_nomem();
                break;
            }
            s[i].prev += (size_t)added;
        }
        if (status)
            break;
    }
    if (!status && rc != SQLITE_DONE && rc != SQLITE_ROW)
        status = jy__db_error(db, rc, "push: reading the push ledger");
    sqlite3_finalize(st);
    return status;
}

static int write_rows(jy_push_stats *st, jy_db *db, const char *day, const seeker *s, size_t n,
                      const int64_t *out, size_t k, const char *channel)
{
    sqlite3_stmt *del = NULL, *ins = NULL;
    int rc = sqlite3_prepare_v2(db->conn, "DELETE FROM push WHERE pushed_on = ?1", -1, &del, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db->conn,
                                "INSERT INTO push (jobseeker_id, pushed_on, posting_count, postings, channel)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)",
                                -1, &ins, NULL);
    int status = JY_OK;
    if (rc != SQLITE_OK) {
        status = jy__db_error(db, rc, "push: writing the push ledger");
        goto done;
    }
    sqlite3_bind_text(del, 1, day, -1, SQLITE_STATIC);
    if ((rc = sqlite3_step(del)) != SQLITE_DONE) {
        status = jy__db_error(db, rc, "push: replacing the day's pushes");
        goto done;
    }
    char list[100 * 24];
    for (size_t i = 0; i < n; i++) {
        if (!s[i].nnew)
            continue;
        size_t len = 0;
        for (size_t j = 0; j < s[i].nnew; j++)
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%lld", j ? "、" : "",
                                    (long long)out[i * k + j]);
        sqlite3_reset(ins);
        sqlite3_bind_int64(ins, 1, s[i].id);
        sqlite3_bind_text(ins, 2, day, -1, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 3, (sqlite3_int64)s[i].nnew);
        sqlite3_bind_text(ins, 4, list, (int)len, SQLITE_STATIC);
        sqlite3_bind_text(ins, 5, channel, -1, SQLITE_STATIC);
        if ((rc = sqlite3_step(ins)) != SQLITE_DONE) {
            status = jy__db_error(db, rc, "push: writing the push ledger");
            goto done;
        }
        (void)st;
    }
done:
    sqlite3_finalize(del);
    sqlite3_finalize(ins);
    return status;
}

static size_t online_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 8 ? 8 : (size_t)n;
}

int jy_push_run(jy_push_stats *out, jy_db *db, jy_date day, const jy_push_options *opts)
{
    jy_push_stats stats;
    memset(&stats, 0, sizeof stats);
    if (out)
        *out = stats;
    jy_push_options def = JY_PUSH_OPTIONS_INIT;
    if (!opts)
        opts = &def;
    if (!db)
        return jy__error(JY_EINVAL, "jy_push_run: NULL database");
    if (opts->version < 1 || opts->version > JY_PUSH_OPTIONS_VERSION)
        return jy__error(JY_EVERSION, "jy_push_options: unknown version %u", opts->version);
    jy_push_options v2 = JY_PUSH_OPTIONS_INIT;
    if (opts->version == 1) {
        /* The version 1 structure ends before on_reject. */
        v2.top_k = opts->top_k;
        v2.threads = opts->threads;
        v2.channel = opts->channel;
        v2.match = opts->match;
        v2.progress = opts->progress;
        v2.payload = opts->payload;
        v2.dry_run = opts->dry_run;
        opts = &v2;
    }
    char dtext[JY_DATE_TEXT_SIZE];
    if (jy_date_format(dtext, day) != JY_OK)
        return jy__error(JY_EINVAL, "jy_push_run: not a valid day");
    size_t k = opts->top_k ? opts->top_k : 5;
    if (k > 100)
        return jy__error(JY_EINVAL, "jy_push_run: top_k is at most 100");
    const char *channel = opts->channel ? opts->channel : "platform";
    if (jy_utf8_check(NULL, channel, strlen(channel)) != JY_OK)
        return jy__error(JY_EUTF8, "jy_push_run: channel is not valid UTF-8");
    jy_match_options mo;
    int orc = jy__match_options_get(&mo, opts->match);
    if (orc)
        return orc;
    mo.today = day;
    /* Precise matches only (精准匹配, indicator 3.2): the matcher's fallback
     * (postings that pass the filters but match nothing asked) would push
     * jobs nobody wished for and count the person as covered. */
    mo.fallback = 0;
    size_t threads = opts->threads ? opts->threads : online_cpus();
    if (threads > 64)
        threads = 64;

    double t0 = now_s(), t2 = t0;
    jy_match_index *ix = NULL;
    seeker *s = NULL;
    size_t n = 0;
    int64_t *res = NULL;
    pairset before = { NULL, 0, 0 };
    int rc = jy_match_index_new(&ix, JY_MATCH_POSTINGS, jy_db_county(db));
    if (rc)
        return rc;
    if ((rc = jy__db_atomic_begin(db))) {
        jy_match_index_free(ix);
        return rc;
    }
    if ((rc = load_postings(ix, db, dtext, &stats.postings_open, &stats.postings_rejected, opts)) || (rc = load_seekers(&s, &n, db)) ||
        (rc = load_history(&before, s, n, db, dtext)))
        goto end;
    stats.jobseekers = n;
    double t1 = now_s();
    stats.seconds_index = t1 - t0;
    res = jy__malloc((n ? n : 1) * k * sizeof *res);
    if (!res) {
        rc = JY_ENOMEM;
        goto end;
    }
    {
        push_ctx ctx[64];
        pthread_t tids[64];
        size_t chunk = 2048;
        for (size_t from = 0; from < n && !rc; from += chunk) {
            size_t to = from + chunk < n ? from + chunk : n;
            size_t started = 0;
            for (size_t t = 0; t < threads; t++) {
                push_ctx c = { ix, mo, k, s, res, &before, from, to, t, threads, JY_OK, { 0 } };
                ctx[t] = c;
            }
            for (size_t t = 1; t < threads; t++, started++)
                if (pthread_create(&tids[t], NULL, push_worker, &ctx[t]))
                    break;
            push_worker(&ctx[0]);
            for (size_t t = 1; t <= started; t++)
                pthread_join(tids[t], NULL);
            for (size_t t = started + 1; t < threads; t++)
                push_worker(&ctx[t]);
            for (size_t t = 0; t < threads; t++)
                if (ctx[t].rc && !rc) {
                    rc = ctx[t].rc;
                    jy__error(rc, "push: %s", ctx[t].message);
                }
            if (!rc && opts->progress && opts->progress(to, n, opts->payload)) {
                rc = jy__error(JY_ERROR, "push: cancelled by the progress callback");
            }
        }
        if (rc)
            goto end;
    }
    t2 = now_s();
    stats.seconds_match = t2 - t1;
    for (size_t i = 0; i < n; i++) {
        if (s[i].nnew) {
            stats.pushed++;
            stats.postings_pushed += s[i].nnew;
        } else if (s[i].nmatched) {
            stats.nothing_new++;
        } else {
            stats.no_match++;
        }
        if (s[i].in_county) {
            stats.county_resumes++;
            if (s[i].prev || s[i].nnew)
                stats.county_covered++;
        }
    }
    if (!opts->dry_run)
        rc = write_rows(&stats, db, dtext, s, n, res, k, channel);
end:
    if (rc == JY_OK && !opts->dry_run) {
        rc = jy__db_atomic_end(db, 1);
    } else {
        jy__saved_error saved;
        jy__error_save(&saved);
        jy__db_atomic_end(db, 0);
        if (rc)
            jy__error_restore(&saved);
    }
    if (!rc) {
        stats.seconds_write = now_s() - t2;
        if (out)
            *out = stats;
    }
    free(res);
    free(before.keys);
    free_seekers(s, n);
    jy_match_index_free(ix);
    return rc;
}
