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
    if (jy__match_grow((void **)&r->qterms, &r->qcap, r->nq + 1, sizeof *r->qterms)) {
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

/* Inlined so that the scoring loop's calls (want_text 0) lose the text parts. */
static inline __attribute__((always_inline)) size_t factors(factor *out, const jy_match_index *ix, const jy__facts *P, const jy__facts *S,
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

/*
 * Scoring (docs/matching.md, "How a query runs"). Documents are taken in
 * windows of JY__MATCH_WINDOW ids. The query's terms are sorted by the most
 * each can add to a text score (its bound, from the list's tf maxima and
 * least length). Once the heap holds top_k results, the terms whose bounds
 * together, times the largest factor product, cannot reach the k-th score
 * are "non-essential" (MaxScore): only the other terms' lists are read
 * through, window by window, to find candidates; a candidate passing the
 * filters is completed by seeking the non-essential lists (skip entries),
 * and dropped as soon as its bound falls below the k-th score. Documents
 * only in non-essential lists cannot enter the top k and are never seen.
 * The top k is exact: the bounds are upper bounds (with a relative slack
 * for rounding), and a candidate later in id order that only ties the k-th
 * score ranks below it anyway. Text scores are summed in double precision
 * from the same float contributions, then rounded to float, so the order
 * in which lists are read does not change a score.
 */
typedef struct scorer {
    const jy_match_index *ix;
    jy_match_results *r;
    const qspec *qs;
    const jy_match_options *o;
    int32_t today;
    size_t k, nh;
    float k1, bb, inv_avg;
    double theta;   /* the k-th score once the heap is full */
    double max_mult; /* largest factor product any document can get */
    int prune;
    size_t passing; /* documents with text that pass the filters */
    float tfw[256];
} scorer;

/* Relative slack of the bounds against float rounding. */
#define BOUND_SLACK 1.0001

static inline void cur_next(jy__cursor *c)
{
    const unsigned char *p = c->p;
    if (p >= c->end) {
        c->doc = UINT32_MAX;
        return;
    }
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
    c->doc += gap;
    c->tf = *p++;
    c->p = p;
}

/* Moves to the first entry whose document is >= target. */
static void cur_seek(jy__cursor *c, uint32_t target)
{
    if (c->doc >= target)
        return;
    const jy__plist *l = c->l;
    size_t nb = (l->n + JY__MATCH_SKIP - 1) / JY__MATCH_SKIP, b = c->blk;
    while (b < nb && l->skips[b].first <= target)
        b++;
    if (b > c->blk) {
        const jy__skip *s = &l->skips[b - 1];
        if (l->bytes + s->offset >= c->p) { /* a block ahead: jump to its start */
            c->p = l->bytes + s->offset;
            c->doc = s->base;
            cur_next(c);
        }
        c->blk = b;
    }
    while (c->doc < target)
        cur_next(c);
}

static int cmp_cursor_ub(const void *a, const void *b)
{
    const jy__cursor *x = a, *y = b;
    return x->ub < y->ub ? -1 : x->ub > y->ub ? 1 : 0;
}

/* The factor product of a document, or -1 when a hard filter drops it. */
static inline double doc_mult(const scorer *sc, uint32_t d)
{
    const qspec *qs = sc->qs;
    const jy__facts *F = &sc->ix->facts[d];
    const jy__facts *P = qs->query_is_seeker ? F : &qs->facts;
    const jy__facts *S = qs->query_is_seeker ? &qs->facts : F;
    if (!passes(P, S, sc->today, qs->query_is_seeker, sc->o->filter_closed))
        return -1.0;
    factor fs[4];
    size_t nf = factors(fs, sc->ix, P, S, sc->today, sc->o, 0);
    double m = 1.0;
    for (size_t f = 0; f < nf; f++)
        m += fs[f].effect;
    return m < 0.05 ? 0.05 : m;
}

static void offer(scorer *sc, uint32_t d, float score, float text)
{
    if (score <= 0.0f || (double)score < sc->o->min_score)
        return;
    jy__hit h = { score, text, d };
    heap_push(sc->r->heap, &sc->nh, sc->k, h);
    if (sc->nh == sc->k)
        sc->theta = (double)sc->r->heap[0].score;
}

/* Largest factor product a document can get with this query's facts. */
static double max_mult(const qspec *qs, const jy_match_options *o)
{
    const jy__facts *Q = &qs->facts;
    double up = 1.0;
    if (Q->town >= 0) {
        double t = o->township_same > o->township_nearby ? o->township_same : o->township_nearby;
        up += t > 0.0 ? t : 0.0;
    }
    int qsal = qs->query_is_seeker ? Q->sal_lo : (Q->sal_hi > 0 ? Q->sal_hi : Q->sal_lo);
    if (qsal > 0) {
        double s = o->salary_fit > -2.0 * o->salary_fit ? o->salary_fit : -2.0 * o->salary_fit;
        up += s > 0.0 ? s : 0.0;
    }
    if (o->freshness > 0.0)
        up += o->freshness;
    return up < 0.05 ? 0.05 : up;
}

static int finite_nonneg(double x)
{
    return x >= 0.0 && x <= 1e30;
}

/* Reads the lists of the query's terms into the heap. */
static void score_lists(scorer *sc)
{
    jy_match_results *r = sc->r;
    const jy_match_index *ix = sc->ix;
    size_t nq = r->nq, nd = ix->doc_count;
    jy__cursor *cur = r->cur;
    const float *lens = ix->lens;
    const float *tfw = sc->tfw;
    const jy__facts *facts = ix->facts;
    float k1 = sc->k1, bb = sc->bb, inv_avg = sc->inv_avg;
    for (size_t qi = 0; qi < nq; qi++) {
        const jy__qterm *q = &r->qterms[qi];
        const jy__plist *l = &ix->lists[q->term];
        jy__cursor *c = &cur[qi];
        c->l = l;
        c->p = l->bytes;
        c->end = l->bytes + l->len;
        c->blk = 0;
        c->doc = 0;
        c->qidf = q->qidf;
        double tw = (double)tfw[(unsigned)l->max_title | (unsigned)l->max_skills << 2 | (unsigned)l->max_rest << 4];
        double norm = (double)k1 * (1.0 - (double)bb + (double)bb * (double)l->min_len * (double)inv_avg);
        c->ub = l->n ? (float)((double)q->qidf * tw / (tw + norm) * BOUND_SLACK) : 0.0f;
        if (!(c->ub >= 0.0f && c->ub < 1e30f))
            sc->prune = 0;
        cur_next(c);
    }
    qsort(cur, nq, sizeof *cur, cmp_cursor_ub);
    double *wacc = r->wacc;
    uint64_t *wbits = r->wbits;
    size_t ness = 0;  /* cur[0..ness) are non-essential */
    double rest = 0.0; /* the sum of their bounds */
    uint32_t w = 0;
    while (w < nd) {
        if (sc->prune && sc->nh == sc->k)
            while (ness < nq && (rest + (double)cur[ness].ub) * sc->max_mult * BOUND_SLACK < sc->theta)
                rest += (double)cur[ness++].ub;
        /* The window starts at the first document of an essential list. */
        uint32_t first = UINT32_MAX;
        for (size_t i = ness; i < nq; i++)
            if (cur[i].doc < first)
                first = cur[i].doc;
        if (first >= nd)
            break;
        w = first;
        uint32_t wend = nd - w > JY__MATCH_WINDOW ? w + JY__MATCH_WINDOW : (uint32_t)nd;
        for (size_t i = ness; i < nq; i++) {
            jy__cursor *c = &cur[i];
            uint32_t d = c->doc;
            if (d >= wend)
                continue;
            const unsigned char *p = c->p, *end = c->end;
            unsigned char tf = c->tf;
            float qidf = c->qidf;
            for (;;) {
                float dl = lens[d];
                if (dl >= 0.0f) {
                    float tw = tfw[tf];
                    float norm = k1 * (1.0f - bb + bb * dl * inv_avg);
                    uint32_t x = d - w;
                    wacc[x] += (double)(qidf * tw / (tw + norm));
                    wbits[x >> 6] |= (uint64_t)1 << (x & 63);
                }
                if (p >= end) {
                    d = UINT32_MAX;
                    break;
                }
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
                tf = *p++;
                if (d >= wend)
                    break;
            }
            c->doc = d;
            c->p = p;
            c->tf = tf;
        }
        /* The candidates, in id order. */
        size_t words = (wend - w + 63) / 64, ncand = 0;
        uint16_t *cand = r->wcand;
        for (size_t wi = 0; wi < words; wi++) {
            uint64_t bits = wbits[wi];
            wbits[wi] = 0;
            while (bits) {
                cand[ncand++] = (uint16_t)(wi * 64 + (size_t)__builtin_ctzll(bits));
                bits &= bits - 1;
            }
        }
        for (size_t ci = 0; ci < ncand; ci++) {
            /* The facts are the one random read per candidate: ask for them early. */
            if (ci + 8 < ncand)
                __builtin_prefetch(&facts[w + cand[ci + 8]]);
            {
                uint32_t x = cand[ci];
                uint32_t d = w + x;
                double s = wacc[x];
                wacc[x] = 0.0;
                int full = sc->prune && sc->nh == sc->k;
                if (full && (s + rest) * sc->max_mult * BOUND_SLACK < sc->theta)
                    continue;
                double m = doc_mult(sc, d);
                if (m < 0.0) {
                    r->filtered++; /* exact while the heap is not full: all the fallback needs */
                    continue;
                }
                if (full && (s + rest) * m * BOUND_SLACK < sc->theta)
                    continue;
                if (ness) {
                    float norm = k1 * (1.0f - bb + bb * lens[d] * inv_avg);
                    double left = rest;
                    size_t i = ness;
                    while (i-- > 0) {
                        jy__cursor *c = &cur[i];
                        cur_seek(c, d);
                        if (c->doc == d) {
                            float tw = tfw[c->tf];
                            s += (double)(c->qidf * tw / (tw + norm));
                        }
                        left -= (double)c->ub;
                        if (full && (s + left) * m * BOUND_SLACK < sc->theta)
                            break;
                    }
                    if (i != (size_t)-1)
                        continue; /* cannot reach the k-th score */
                }
                float text = (float)s;
                if (text > 0.0f)
                    sc->passing++;
                offer(sc, d, (float)((double)text * m), text);
            }
        }
        w = wend;
    }
}

static int run_query(jy_match_results *r, const jy_match_index *ix, qspec *qs, const jy_match_options *o)
{
    r->count = 0;
    r->nq = 0;
    r->arena_len = 0;
    r->fallback = 0;
    r->filtered = 0;
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
    if (jy__match_grow((void **)&r->heap, &r->heap_cap, k, sizeof *r->heap) ||
        jy__match_grow((void **)&r->cur, &r->cur_cap, r->nq + 1, sizeof *r->cur))
        return jy__error_nomem();

    scorer sc;
    memset(&sc, 0, sizeof sc);
    sc.ix = ix;
    sc.r = r;
    sc.qs = qs;
    sc.o = o;
    sc.today = today;
    sc.k = k;
    double live = (double)(ix->live ? ix->live : 1);
    double avgdl = ix->live ? ix->total_length / live : 1.0;
    sc.k1 = (float)o->k1;
    sc.bb = (float)o->b;
    sc.inv_avg = (float)(1.0 / avgdl);
    for (unsigned b = 0; b < 256; b++)
        sc.tfw[b] = (float)(o->boost_title * (double)(b & 3u) + o->boost_skills * (double)((b >> 2) & 3u) +
                            (double)(b >> 4));
    sc.max_mult = max_mult(qs, o);
    /* The bounds hold when a score grows with the tf and falls with the length. */
    sc.prune = o->k1 > 0.0 && o->k1 <= 1e30 && o->b >= 0.0 && o->b <= 1.0 && finite_nonneg(o->boost_title) &&
               finite_nonneg(o->boost_skills) && sc.max_mult <= 1e30;
    for (size_t qi = 0; qi < r->nq; qi++) {
        jy__qterm *q = &r->qterms[qi];
        double df = (double)ix->lists[q->term].n;
        float qidf = (float)((double)q->weight * log(1.0 + (live - df + 0.5) / (df + 0.5)) * (o->k1 + 1.0));
        if (qidf <= 0.0f)
            qidf = 1e-6f;
        q->qidf = qidf;
    }
    const float *lens = ix->lens;
    size_t nd = ix->doc_count;
    if (has_text) {
        score_lists(&sc);
    } else { /* no words at all: every document, ranked by the factors */
        for (uint32_t d = 0; d < nd; d++) {
            double m;
            if (lens[d] >= 0.0f && (m = doc_mult(&sc, d)) >= 0.0)
                offer(&sc, d, (float)m, 1.0f);
        }
    }
    if (has_text && !sc.nh && !sc.passing && r->filtered && o->fallback && qs->query_is_seeker) {
        /* The text matched, the filters removed it all: what passes them. */
        r->fallback = 1;
        for (uint32_t d = 0; d < nd; d++) {
            double m;
            if (lens[d] >= 0.0f && (m = doc_mult(&sc, d)) >= 0.0)
                offer(&sc, d, (float)m, 0.0f);
        }
    }
    size_t nh = sc.nh;
    const jy__mdoc *docs = ix->docs;
    float k1 = sc.k1, bb = sc.bb, inv_avg = sc.inv_avg;
    const float *tfw = sc.tfw;
    factor fs[4];
    qsort(r->heap, nh, sizeof *r->heap, cmp_hit_desc);

    /* Explanations. */
    size_t per = r->nq + 5;
    if (jy__match_grow((void **)&r->items, &r->items_cap, nh + 1, sizeof *r->items) ||
        jy__match_grow((void **)&r->reasons, &r->reasons_cap, nh * per + 1, sizeof *r->reasons))
        return jy__error_nomem();
    size_t id_bytes = 0;
    for (size_t i = 0; i < nh; i++)
        id_bytes += strlen(docs[r->heap[i].doc].id) + 1;
    if (jy__match_grow((void **)&r->arena, &r->arena_cap, id_bytes + nh * per * (JY__VOCAB_TERM_MAX + 16) + 1, 1))
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
        for (size_t qi = 0; qi < r->nq && !r->fallback; qi++) {
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
        const jy__facts *P = qs->query_is_seeker ? &ix->facts[h->doc] : &qs->facts;
        const jy__facts *S = qs->query_is_seeker ? &qs->facts : &ix->facts[h->doc];
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
        if (r->fallback) { /* first: why these results */
            memmove(rs + 1, rs, nr * sizeof *rs);
            char *t = r->arena + r->arena_len;
            int n = snprintf(t, JY__VOCAB_TERM_MAX + 16, "filtered:%zu", r->filtered);
            r->arena_len += (size_t)n + 1;
            rs[0].kind = JY_REASON_FALLBACK;
            rs[0].text = t;
            rs[0].effect = 0.0;
            nr++;
        }
        res->reasons = rs;
        res->reason_count = nr;
        nr_total += nr;
    }
    r->count = nh;
    return JY_OK;
}

static int get_opts(const jy_match_options **o, jy_match_options *def)
{
    int rc = jy__match_options_get(def, *o);
    if (!rc)
        *o = def;
    return rc;
}

/* Takes the facts of the query (q: a profile, else p: a posting) and runs it
 * under the read lock. */
static int query_locked(jy_match_results *r, const jy_match_index *ix, qspec *qs, const jy_match_options *o,
                        const jy_profile_input *q, const jy_posting_input *p)
{
    jy_match_options def;
    int rc = get_opts(&o, &def);
    if (rc)
        return rc;
    jy_match_index *m = (jy_match_index *)(uintptr_t)ix;
    pthread_rwlock_rdlock(&m->lock);
    rc = q ? jy__match_profile_facts(&qs->facts, m, q, "query") : jy__match_posting_facts(&qs->facts, m, p, "query");
    if (!rc)
        rc = run_query(r, ix, qs, o);
    pthread_rwlock_unlock(&m->lock);
    return rc;
}

int jy_match_query(jy_match_results *r, const jy_match_index *ix, const jy_profile_input *q,
                   const jy_match_options *o)
{
    if (!r || !ix || !q)
        return jy__error(JY_EINVAL, "jy_match_query: NULL argument");
    r->count = 0;
    if (ix->side != JY_MATCH_POSTINGS)
        return jy__error(JY_EINVAL, "jy_match_query: the index holds jobseekers; use jy_match_query_posting");
    qspec qs;
    memset(&qs, 0, sizeof qs);
    qs.query_is_seeker = 1;
    qs.texts[0] = q->text;
    qs.mults[0] = 1.0f;
    qs.skills = q->skills;
    qs.nskills = q->skill_count;
    qs.skill_mult = 1.0f;
    return query_locked(r, ix, &qs, o, q, NULL);
}

int jy_match_query_posting(jy_match_results *r, const jy_match_index *ix, const jy_posting_input *p,
                           const jy_match_options *o)
{
    if (!r || !ix || !p)
        return jy__error(JY_EINVAL, "jy_match_query_posting: NULL argument");
    r->count = 0;
    if (ix->side != JY_MATCH_JOBSEEKERS)
        return jy__error(JY_EINVAL, "jy_match_query_posting: the index holds postings; use jy_match_query");
    qspec qs;
    memset(&qs, 0, sizeof qs);
    qs.query_is_seeker = 0;
    qs.texts[0] = p->title;
    qs.mults[0] = 1.5f;
    qs.texts[1] = p->description;
    qs.mults[1] = 0.5f;
    qs.skills = p->skills;
    qs.nskills = p->skill_count;
    qs.skill_mult = 1.0f;
    return query_locked(r, ix, &qs, o, NULL, p);
}
