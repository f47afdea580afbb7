/*
 * Queries of the matcher: term collection, BM25 accumulation, filters and
 * factors, the top-k heap, explanations. Everything a query needs beyond
 * the read-locked index lives in the caller's jy_match_results.
 */
#include "match_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(void **ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return JY_OK;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    void *p = jy__realloc(*ptr, n * elem);
    if (!p)
        return JY_ENOMEM;
    *ptr = p;
    *cap = n;
    return JY_OK;
}

/* Bigrams of wishes that say nothing about the job (sorted, strcmp order). */
static const char *const stop_bigrams[] = {
    "一份", "也行", "以上", "优先", "左右", "希望", "想找", "想要", "想在", "找份", "找个", "最好",
    "月薪", "有经验", "的活", "的工", "要求", "可以", "工资", "工作", "之类", "能够",
};

static int is_stop(const char *t)
{
    for (size_t i = 0; i < sizeof stop_bigrams / sizeof stop_bigrams[0]; i++)
        if (!strcmp(t, stop_bigrams[i]))
            return 1;
    return 0;
}

typedef struct qctx {
    const jy_match_index *ix;
    jy_match_results *r;
    const jy_match_options *o;
    float mult;
    int has_pending;
    size_t pending_start;
    char pending[8];
    size_t pending_len;
    int last_bi;
    size_t last_bi_end;
    int rc;
} qctx;

static int add_qterm(qctx *c, const char *text, size_t len, float w, int kind, const char *label)
{
    uint32_t tid;
    if (w <= 0.0f || !jy__smap_get(&c->ix->terms, text, len, &tid))
        return 0;
    jy_match_results *r = c->r;
    for (size_t i = 0; i < r->nq; i++)
        if (r->qterms[i].term == tid) {
            /* A repeated term counts, but less than twice. */
            if (r->qterms[i].weight < 1.5f * w)
                r->qterms[i].weight += 0.5f * w;
            return 0;
        }
    if (r->nq >= JY__MATCH_MAX_QTERMS)
        return 0;
    if (grow((void **)&r->qterms, &r->qcap, r->nq + 1, sizeof *r->qterms)) {
        c->rc = JY_ENOMEM;
        return 1;
    }
    jy__qterm *q = &r->qterms[r->nq++];
    q->term = tid;
    q->weight = w;
    q->kind = kind;
    jy__strlcpy_utf8(q->text, sizeof q->text, label ? label : text);
    return 0;
}

static int flush_pending(qctx *c)
{
    if (!c->has_pending)
        return 0;
    c->has_pending = 0;
    return add_qterm(c, c->pending, c->pending_len, (float)c->o->weight_unigram * c->mult, JY_REASON_TERM,
                     NULL);
}

static int query_token(const jy_token *t, void *payload)
{
    qctx *c = payload;
    if (c->has_pending) {
        if (t->kind == JY_TOKEN_CJK_BI && t->start == c->pending_start)
            c->has_pending = 0; /* part of a bigram: not lone */
        else if (flush_pending(c))
            return 1;
    }
    switch (t->kind) {
    case JY_TOKEN_CJK_BI:
        c->last_bi = 1;
        c->last_bi_end = t->end;
        if (is_stop(t->text))
            return 0;
        return add_qterm(c, t->text, t->len, (float)c->o->weight_bigram * c->mult, JY_REASON_TERM, NULL);
    case JY_TOKEN_CJK_UNI:
        if (c->last_bi && c->last_bi_end == t->end)
            return 0;
        c->has_pending = 1;
        c->pending_start = t->start;
        c->pending_len = t->len < sizeof c->pending ? t->len : sizeof c->pending - 1;
        memcpy(c->pending, t->text, c->pending_len);
        c->pending[c->pending_len] = '\0';
        return 0;
    case JY_TOKEN_NUMBER:
        return 0;
    default:
        c->last_bi = 0;
        return add_qterm(c, t->text, t->len, (float)c->o->weight_word * c->mult, JY_REASON_TERM, NULL);
    }
}

static int collect(qctx *c, const char *text, float mult)
{
    if (!text || !*text)
        return JY_OK;
    size_t len = strlen(text);
    if (len > JY_MATCH_MAX_TEXT) {
        len = JY_MATCH_MAX_TEXT;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    c->mult = mult;
    c->has_pending = 0;
    c->last_bi = 0;
    c->rc = JY_OK;
    int rc = jy_text_tokenize_each(text, len, JY_TOKENIZE_ALL, query_token, c);
    if (c->rc)
        return c->rc;
    if (rc)
        return rc;
    flush_pending(c);
    if (c->rc)
        return c->rc;
    char terms[JY__VOCAB_MAX_HITS][JY__VOCAB_TERM_MAX];
    char surface[JY__VOCAB_MAX_HITS][JY__VOCAB_TERM_MAX];
    int kinds[JY__VOCAB_MAX_HITS];
    size_t n = jy__match_vocab_terms(c->ix->vocab, terms, JY__VOCAB_MAX_HITS, text, len, surface, kinds);
    for (size_t i = 0; i < n; i++) {
        float w = (float)(kinds[i] == JY_REASON_FAMILY ? c->o->boost_family : c->o->boost_occupation) * mult;
        char label[2 * JY__VOCAB_TERM_MAX + 8];
        snprintf(label, sizeof label, "%.95s→%.95s", surface[i], terms[i] + 2);
        if (add_qterm(c, terms[i], strlen(terms[i]), w, kinds[i], label))
            return c->rc;
    }
    return JY_OK;
}

/* ---- Filters and factors ----------------------------------------------------- */

/* P: the posting's facts, S: the jobseeker's. */
static int passes(const jy__facts *P, const jy__facts *S, int32_t today, int check_dates, int filter_closed)
{
    if (S->age_lo > 0) {
        if (P->age_lo > 0 && S->age_lo < P->age_lo)
            return 0;
        if (P->age_hi > 0 && S->age_lo > P->age_hi)
            return 0;
    }
    if (S->edu >= 0 && P->edu > 0 && S->edu < P->edu)
        return 0;
    if (S->kind && P->kind && S->kind != P->kind)
        return 0;
    if (check_dates && filter_closed) {
        if (P->closed != JY__NO_DAY && P->closed <= today)
            return 0;
        if (P->published != JY__NO_DAY && P->published > today)
            return 0;
    }
    return 1;
}

typedef struct factor {
    int kind;
    double effect;
    char text[64];
} factor;

static size_t factors(factor *out, const jy_match_index *ix, const jy__facts *P, const jy__facts *S,
                      int32_t today, const jy_match_options *o, int want_text)
{
    size_t n = 0;
    if (P->town >= 0 && S->town >= 0) {
        int same = P->town == S->town;
        int near = !same && ix->town_seat[P->town] && ix->town_seat[S->town];
        if (same || near) {
            out[n].kind = JY_REASON_TOWNSHIP;
            out[n].effect = same ? o->township_same : o->township_nearby;
            if (want_text) {
                const jy_township *t = (size_t)P->town < ix->county_towns
                                           ? jy_county_township_at(ix->county, (size_t)P->town)
                                           : NULL;
                snprintf(out[n].text, sizeof out[n].text, "%s:%s", same ? "same" : "nearby",
                         t ? t->name : "township");
            }
            n++;
        }
    }
    int top = P->sal_hi > 0 ? P->sal_hi : P->sal_lo;
    if (S->sal_lo > 0 && top > 0 && o->salary_fit != 0.0) {
        out[n].kind = JY_REASON_SALARY;
        if (top >= S->sal_lo) {
            out[n].effect = o->salary_fit;
            if (want_text)
                snprintf(out[n].text, sizeof out[n].text, "fits:%d>=%d", top, S->sal_lo);
        } else {
            double shortfall = (double)(S->sal_lo - top) / (double)S->sal_lo;
            double f = shortfall * 10.0;
            out[n].effect = -o->salary_fit * (f > 2.0 ? 2.0 : f);
            if (want_text)
                snprintf(out[n].text, sizeof out[n].text, "short:%d<%d", top, S->sal_lo);
        }
        n++;
    }
    if (P->published != JY__NO_DAY && o->freshness != 0.0 && o->freshness_days > 0) {
        long days = (long)today - (long)P->published;
        if (days >= 0 && days < o->freshness_days) {
            out[n].kind = JY_REASON_FRESHNESS;
            out[n].effect = o->freshness * (1.0 - (double)days / (double)o->freshness_days);
            if (want_text)
                snprintf(out[n].text, sizeof out[n].text, "days:%ld", days);
            n++;
        }
    }
    return n;
}

/* ---- The heap ------------------------------------------------------------------- */

/* a ranks below b: lower score, or equal score and later document. */
static int below(const jy__hit *a, const jy__hit *b)
{
    return a->score < b->score || (a->score == b->score && a->doc > b->doc);
}

static void heap_push(jy__hit *h, size_t *n, size_t k, jy__hit x)
{
    if (*n < k) {
        size_t i = (*n)++;
        h[i] = x;
        while (i > 0) {
            size_t p = (i - 1) / 2;
            if (!below(&h[i], &h[p]))
                break;
            jy__hit t = h[i];
            h[i] = h[p];
            h[p] = t;
            i = p;
        }
        return;
    }
    if (!below(&h[0], &x))
        return;
    h[0] = x;
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < *n && below(&h[l], &h[m]))
            m = l;
        if (r < *n && below(&h[r], &h[m]))
            m = r;
        if (m == i)
            break;
        jy__hit t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

static int cmp_hit_desc(const void *a, const void *b)
{
    const jy__hit *x = a, *y = b;
    if (below(x, y))
        return 1;
    if (below(y, x))
        return -1;
    return 0;
}

static int cmp_reason(const void *a, const void *b)
{
    const jy_match_reason *x = a, *y = b;
    return x->effect < y->effect ? 1 : x->effect > y->effect ? -1 : 0;
}

/* ---- The query ------------------------------------------------------------------- */

typedef struct qspec {
    const char *texts[3];
    float mults[3];
    const char *const *skills;
    size_t nskills;
    float skill_mult;
    jy__facts facts;     /* the query side's facts */
    int query_is_seeker; /* 1: documents are postings */
} qspec;

static int run_query(jy_match_results *r, const jy_match_index *ix, qspec *qs, const jy_match_options *o)
{
    r->count = 0;
    r->nq = 0;
    r->arena_len = 0;
    jy_date day = o->today;
    if (day.year == 0 && jy_date_today(&day))
        return JY_ERROR;
    long lday;
    if (jy_date_to_days(&lday, day))
        return jy__error(JY_EINVAL, "jy_match_query: options.today is not a valid date");
    int32_t today = (int32_t)lday;
    size_t k = o->top_k ? o->top_k : 10;
    if (k > JY_MATCH_MAX_TOP)
        k = JY_MATCH_MAX_TOP;

    qctx c = { ix, r, o, 1.0f, 0, 0, { 0 }, 0, 0, 0, JY_OK };
    int rc;
    int has_text = 0;
    for (size_t i = 0; i < 3; i++) {
        if (qs->texts[i] && *qs->texts[i])
            has_text = 1;
        if ((rc = collect(&c, qs->texts[i], qs->mults[i])))
            return rc == JY_ENOMEM ? jy__error_nomem() : rc;
    }
    size_t ns = qs->nskills > JY_MATCH_MAX_SKILLS ? JY_MATCH_MAX_SKILLS : qs->nskills;
    for (size_t i = 0; i < ns; i++) {
        if (qs->skills[i] && *qs->skills[i])
            has_text = 1;
        if ((rc = collect(&c, qs->skills[i], qs->skill_mult)))
            return rc == JY_ENOMEM ? jy__error_nomem() : rc;
    }

    size_t nd = ix->doc_count;
    if (nd + 1 > r->acc_cap) {
        size_t cap = r->acc_cap ? r->acc_cap : 1024;
        while (cap < nd + 1)
            cap *= 2;
        float *a = jy__realloc(r->acc, cap * sizeof *a);
        if (!a)
            return jy__error_nomem();
        r->acc = a;
        uint32_t *s = jy__realloc(r->stamp, cap * sizeof *s);
        if (!s)
            return jy__error_nomem();
        r->stamp = s;
        uint32_t *t = jy__realloc(r->touched, cap * sizeof *t);
        if (!t)
            return jy__error_nomem();
        r->touched = t;
        r->acc_cap = cap;
        r->epoch = UINT32_MAX; /* forces the reset below */
    }
    if (r->epoch == UINT32_MAX) {
        memset(r->stamp, 0, r->acc_cap * sizeof *r->stamp);
        r->epoch = 0;
    }
    uint32_t epoch = ++r->epoch;
    if (grow((void **)&r->heap, &r->heap_cap, k, sizeof *r->heap))
        return jy__error_nomem();

    double live = (double)(ix->live ? ix->live : 1);
    double avgdl = ix->live ? ix->total_length / live : 1.0;
    float k1 = (float)o->k1, bb = (float)o->b;
    float tfw[256];
    for (unsigned b = 0; b < 256; b++)
        tfw[b] = (float)(o->boost_title * (double)(b & 3u) + o->boost_skills * (double)((b >> 2) & 3u) +
                         (double)(b >> 4));
    float inv_avg = (float)(1.0 / avgdl);
    size_t nt = 0;
    const jy__mdoc *docs = ix->docs;
    const float *lens = ix->lens;
    float *acc = r->acc;
    uint32_t *stamp = r->stamp, *touched = r->touched;
    for (size_t qi = 0; qi < r->nq; qi++) {
        jy__qterm *q = &r->qterms[qi];
        const jy__plist *l = &ix->lists[q->term];
        double df = (double)l->n;
        float qidf = (float)((double)q->weight * log(1.0 + (live - df + 0.5) / (df + 0.5)) * (o->k1 + 1.0));
        if (qidf <= 0.0f)
            qidf = 1e-6f;
        q->qidf = qidf;
        const unsigned char *p = l->bytes, *end = l->bytes + l->len;
        uint32_t d = 0;
        while (p < end) {
            uint32_t gap = *p++;
            if (gap & 0x80) {
                gap &= 0x7f;
                unsigned shift = 7;
                while (*p & 0x80) {
                    gap |= (uint32_t)(*p++ & 0x7f) << shift;
                    shift += 7;
                }
                gap |= (uint32_t)*p++ << shift;
            }
            d += gap;
            float tw = tfw[*p++];
            float dl = lens[d];
            if (dl < 0.0f)
                continue;
            float norm = k1 * (1.0f - bb + bb * dl * inv_avg);
            float s = qidf * tw / (tw + norm);
            if (stamp[d] != epoch) {
                stamp[d] = epoch;
                acc[d] = s;
                touched[nt++] = d;
            } else {
                acc[d] += s;
            }
        }
    }
    if (!has_text) { /* no words at all: every document, ranked by the factors */
        for (uint32_t d = 0; d < nd; d++)
            if (!docs[d].dead) {
                stamp[d] = epoch;
                acc[d] = 1.0f;
                touched[nt++] = d;
            }
    }

    size_t nh = 0;
    factor fs[4];
    for (size_t i = 0; i < nt; i++) {
        uint32_t d = touched[i];
        const jy__facts *P = qs->query_is_seeker ? &docs[d].facts : &qs->facts;
        const jy__facts *S = qs->query_is_seeker ? &qs->facts : &docs[d].facts;
        if (!passes(P, S, today, qs->query_is_seeker, o->filter_closed))
            continue;
        size_t nf = factors(fs, ix, P, S, today, o, 0);
        double m = 1.0;
        for (size_t f = 0; f < nf; f++)
            m += fs[f].effect;
        if (m < 0.05)
            m = 0.05;
        jy__hit h = { (float)(acc[d] * m), acc[d], d };
        if (h.score <= 0.0f || (double)h.score < o->min_score)
            continue;
        heap_push(r->heap, &nh, k, h);
    }
    qsort(r->heap, nh, sizeof *r->heap, cmp_hit_desc);

    /* Explanations. */
    size_t per = r->nq + 4;
    if (grow((void **)&r->items, &r->items_cap, nh + 1, sizeof *r->items) ||
        grow((void **)&r->reasons, &r->reasons_cap, nh * per + 1, sizeof *r->reasons))
        return jy__error_nomem();
    size_t id_bytes = 0;
    for (size_t i = 0; i < nh; i++)
        id_bytes += strlen(docs[r->heap[i].doc].id) + 1;
    if (grow((void **)&r->arena, &r->arena_cap, id_bytes + nh * per * (JY__VOCAB_TERM_MAX + 16) + 1, 1))
        return jy__error_nomem();
    size_t nr_total = 0;
    for (size_t i = 0; i < nh; i++) {
        const jy__hit *h = &r->heap[i];
        const jy__mdoc *doc = &docs[h->doc];
        jy_match_result *res = &r->items[i];
        size_t idl = strlen(doc->id) + 1;
        memcpy(r->arena + r->arena_len, doc->id, idl);
        res->id = r->arena + r->arena_len;
        r->arena_len += idl;
        res->score = (double)h->score;
        res->text_score = (double)h->text;
        jy_match_reason *rs = &r->reasons[nr_total];
        size_t nr = 0;
        float norm = k1 * (1.0f - bb + bb * doc->length * inv_avg);
        for (size_t qi = 0; qi < r->nq; qi++) {
            const jy__qterm *q = &r->qterms[qi];
            unsigned char tf = jy__match_list_tf(&ix->lists[q->term], h->doc);
            if (!tf)
                continue;
            float tw = tfw[tf];
            char *t = r->arena + r->arena_len;
            int n;
            if (q->kind == JY_REASON_TERM)
                n = snprintf(t, JY__VOCAB_TERM_MAX + 16, "%s@%s", q->text,
                             (tf & 3u) ? (qs->query_is_seeker ? "title" : "wishes")
                                       : ((tf >> 2) & 3u) ? "skills" : "text");
            else
                n = snprintf(t, JY__VOCAB_TERM_MAX + 16, "%s", q->text);
            r->arena_len += (size_t)n + 1;
            rs[nr].kind = (jy_match_reason_kind)q->kind;
            rs[nr].text = t;
            rs[nr].effect = (double)(q->qidf * tw / (tw + norm));
            nr++;
        }
        const jy__facts *P = qs->query_is_seeker ? &doc->facts : &qs->facts;
        const jy__facts *S = qs->query_is_seeker ? &qs->facts : &doc->facts;
        size_t nf = factors(fs, ix, P, S, today, o, 1);
        for (size_t f = 0; f < nf; f++) {
            char *t = r->arena + r->arena_len;
            size_t n = strlen(fs[f].text) + 1;
            memcpy(t, fs[f].text, n);
            r->arena_len += n;
            rs[nr].kind = (jy_match_reason_kind)fs[f].kind;
            rs[nr].text = t;
            rs[nr].effect = fs[f].effect;
            nr++;
        }
        qsort(rs, nr, sizeof *rs, cmp_reason);
        res->reasons = rs;
        res->reason_count = nr;
        nr_total += nr;
    }
    r->count = nh;
    return JY_OK;
}

static int get_opts(const jy_match_options **o, jy_match_options *def)
{
    if (!*o) {
        jy_match_options_init(def);
        *o = def;
    } else if ((*o)->version != JY_MATCH_OPTIONS_VERSION) {
        return jy__error(JY_EVERSION, "jy_match_options: unknown version %u", (*o)->version);
    }
    return JY_OK;
}

int jy_match_query(jy_match_results *r, const jy_match_index *ix, const jy_profile_input *q,
                   const jy_match_options *o)
{
    if (!r || !ix || !q)
        return jy__error(JY_EINVAL, "jy_match_query: NULL argument");
    r->count = 0;
    if (ix->side != JY_MATCH_POSTINGS)
        return jy__error(JY_EINVAL, "jy_match_query: the index holds jobseekers; use jy_match_query_posting");
    jy_match_options def;
    int rc = get_opts(&o, &def);
    if (rc)
        return rc;
    jy_match_index *m = (jy_match_index *)(uintptr_t)ix;
    pthread_rwlock_rdlock(&m->lock);
    qspec qs;
    memset(&qs, 0, sizeof qs);
    qs.query_is_seeker = 1;
    rc = jy__match_profile_facts(&qs.facts, m, q, "query");
    if (!rc) {
        qs.texts[0] = q->text;
        qs.mults[0] = 1.0f;
        qs.skills = q->skills;
        qs.nskills = q->skill_count;
        qs.skill_mult = 1.0f;
        rc = run_query(r, ix, &qs, o);
    }
    pthread_rwlock_unlock(&m->lock);
    return rc;
}

int jy_match_query_posting(jy_match_results *r, const jy_match_index *ix, const jy_posting_input *p,
                           const jy_match_options *o)
{
    if (!r || !ix || !p)
        return jy__error(JY_EINVAL, "jy_match_query_posting: NULL argument");
    r->count = 0;
    if (ix->side != JY_MATCH_JOBSEEKERS)
        return jy__error(JY_EINVAL, "jy_match_query_posting: the index holds postings; use jy_match_query");
    jy_match_options def;
    int rc = get_opts(&o, &def);
    if (rc)
        return rc;
    jy_match_index *m = (jy_match_index *)(uintptr_t)ix;
    pthread_rwlock_rdlock(&m->lock);
    qspec qs;
    memset(&qs, 0, sizeof qs);
    qs.query_is_seeker = 0;
    rc = jy__match_posting_facts(&qs.facts, m, p, "query");
    if (!rc) {
        qs.texts[0] = p->title;
        qs.mults[0] = 1.5f;
        qs.texts[1] = p->description;
        qs.mults[1] = 0.5f;
        qs.skills = p->skills;
        qs.nskills = p->skill_count;
        qs.skill_mult = 1.0f;
        rc = run_query(r, ix, &qs, o);
    }
    pthread_rwlock_unlock(&m->lock);
    return rc;
}
