/*
 * The matcher: an inverted index of postings (or jobseeker profiles) over
 * the tokens of jy_text_tokenize_each(), BM25 scoring with field boosts and
 * vocabulary expansion, hard filters and soft factors, explanations.
 *
 * Layout (see docs/matching.md):
 *  - terms: a string -> id hash map; each term has a posting list, an array
 *    of bytes holding (doc gap varint, tf byte) pairs in increasing doc
 *    order, with a skip entry every MATCH_SKIP entries for explanations;
 *  - the tf byte packs the term frequency in the title (bits 0-1, at most
 *    3), in the skills (bits 2-3) and in the rest (bits 4-7, at most 15);
 *  - documents: a dense array of facts (township, salary, age, education,
 *    kind, dates), their length, and their id; removal leaves a tombstone
 *    skipped by queries (the lists are compacted when half is dead);
 *  - a read-write lock: queries read, changes write.
 * Per-query scratch (window accumulators, list cursors, the heap) lives in
 * the caller's jy_match_results, so queries allocate nothing once warm.
 */
#define _GNU_SOURCE 1 /* pthread_rwlockattr_setkind_np: writers must not starve */
#include "match_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Small helpers ------------------------------------------------------- */

static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

int jy__match_grow(void **ptr, size_t *cap, size_t need, size_t elem)
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

/* ---- String map (terms, ids, townships) ------------------------------------ */

void jy__smap_free(jy__smap *m)
{
    if (!m->keys)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->lens);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static size_t smap_slot(const jy__smap *m, const char *key, size_t len)
{
    size_t mask = m->cap - 1;
    size_t i = hash_bytes(key, len) & mask;
    while (m->keys[i] && !(m->lens[i] == len && !memcmp(m->keys[i], key, len)))
        i = (i + 1) & mask;
    return i;
}

int jy__smap_get(const jy__smap *m, const char *key, size_t len, uint32_t *out)
{
    if (!m->cap)
        return 0;
    size_t i = smap_slot(m, key, len);
    if (!m->keys[i])
        return 0;
    *out = m->vals[i];
    return 1;
}

static int smap_rehash(jy__smap *m, size_t cap)
{
    jy__smap n = { 0 };
    n.cap = cap;
    n.keys = jy__calloc(cap, sizeof *n.keys);
    n.lens = jy__calloc(cap, sizeof *n.lens);
    n.vals = jy__calloc(cap, sizeof *n.vals);
    if (!n.keys || !n.lens || !n.vals) {
        free(n.keys);
        free(n.lens);
        free(n.vals);
        return JY_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = smap_slot(&n, m->keys[i], m->lens[i]);
        n.keys[j] = m->keys[i];
        n.lens[j] = m->lens[i];
        n.vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->lens);
    free(m->vals);
    n.count = m->count;
    *m = n;
    return JY_OK;
}

/* Sets key -> val (inserting or replacing). */
int jy__smap_put(jy__smap *m, const char *key, size_t len, uint32_t val)
{
    if ((m->count + 1) * 4 > m->cap * 3 && smap_rehash(m, m->cap ? m->cap * 2 : 64))
        return JY_ENOMEM;
    size_t i = smap_slot(m, key, len);
    if (m->keys[i]) {
        m->vals[i] = val;
        return JY_OK;
    }
    char *k = jy__strndup(key, len);
    if (!k)
        return JY_ENOMEM;
    m->keys[i] = k;
    m->lens[i] = len;
    m->vals[i] = val;
    m->count++;
    return JY_OK;
}

/* Removes a key (backward-shift deletion). */
static void smap_del(jy__smap *m, const char *key, size_t len)
{
    if (!m->cap)
        return;
    size_t mask = m->cap - 1;
    size_t i = smap_slot(m, key, len);
    if (!m->keys[i])
        return;
    free(m->keys[i]);
    m->keys[i] = NULL;
    m->count--;
    size_t j = i;
    for (;;) {
        j = (j + 1) & mask;
        if (!m->keys[j])
            break;
        size_t home = hash_bytes(m->keys[j], m->lens[j]) & mask;
        /* Move j into the hole at i when its home is not in (i, j]. */
        if ((j > i && (home <= i || home > j)) || (j < i && (home <= i && home > j))) {
            m->keys[i] = m->keys[j];
            m->lens[i] = m->lens[j];
            m->vals[i] = m->vals[j];
            m->keys[j] = NULL;
            i = j;
        }
    }
}

static size_t smap_memory(const jy__smap *m)
{
    size_t n = m->cap * (sizeof(char *) + sizeof(size_t) + sizeof(uint32_t));
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            n += m->lens[i] + 1;
    return n;
}

/* ---- Options and parsing of structured values ------------------------------ */

int jy_match_options_init(jy_match_options *opts)
{
    if (!opts)
        return jy__error(JY_EINVAL, "jy_match_options_init: NULL options");
    jy_match_options d = JY_MATCH_OPTIONS_INIT;
    *opts = d;
    return JY_OK;
}

int jy__match_options_get(jy_match_options *out, const jy_match_options *in)
{
    jy_match_options d = JY_MATCH_OPTIONS_INIT;
    if (!in) {
        *out = d;
        return JY_OK;
    }
    if (in->version == 1) {
        /* Version 1 ends before `fallback`: copy only what it has. */
        memcpy(out, in, offsetof(jy_match_options, fallback));
        out->fallback = d.fallback;
        out->version = JY_MATCH_OPTIONS_VERSION;
        return JY_OK;
    }
    if (in->version != JY_MATCH_OPTIONS_VERSION)
        return jy__error(JY_EVERSION, "jy_match_options: unknown version %u", in->version);
    *out = *in;
    return JY_OK;
}

/* Education: ledger codes and the usual Chinese words, in rank order. */
static const struct {
    const char *word;
    int level;
} education_words[] = {
    { "none", 0 }, { "primary", 1 }, { "junior", 2 }, { "senior", 3 }, { "vocational", 4 },
    { "college", 5 }, { "bachelor", 6 }, { "master", 7 },
    { "不限", 0 }, { "学历不限", 0 }, { "无", 0 }, { "无要求", 0 }, { "未上过学", 0 }, { "小学", 1 }, { "初中", 2 },
    { "高中", 3 }, { "中专", 4 }, { "技校", 4 }, { "职高", 4 }, { "中技", 4 }, { "中职", 4 },
    { "大专", 5 }, { "专科", 5 }, { "高职", 5 }, { "本科", 6 }, { "学士", 6 }, { "研究生", 7 },
    { "硕士", 7 }, { "博士", 7 },
};

/* -1 for NULL/empty, the level, or -2 when not recognized. */
int jy__match_education(const char *text)
{
    if (!text || !*text)
        return -1;
    size_t len = strlen(text);
    /* "初中以上", "大专及以上", "初中学历": the level word starts the text. */
    for (size_t i = 0; i < sizeof education_words / sizeof education_words[0]; i++) {
        size_t wl = strlen(education_words[i].word);
        if (len >= wl && !memcmp(text, education_words[i].word, wl)) {
            if (len == wl || text[wl] < 'a' || text[wl] > 'z')
                return education_words[i].level;
        }
    }
    return -2;
}

/* 0 for NULL/empty, 1 full time, 2 gig, -1 unknown. */
int jy__match_kind(const char *text)
{
    if (!text || !*text)
        return 0;
    if (!strcmp(text, "full_time") || !strcmp(text, "全职"))
        return 1;
    if (!strcmp(text, "gig") || !strcmp(text, "零工"))
        return 2;
    return -1;
}

static int32_t date_days(jy_date d)
{
    long days;
    if (d.year == 0 && d.month == 0 && d.day == 0)
        return JY__NO_DAY;
    if (jy_date_to_days(&days, d) != JY_OK)
        return JY__BAD_DAY; /* invalid: reported by the caller */
    return (int32_t)days;
}

/* ---- The index ------------------------------------------------------------- */

static size_t seat_rule(const jy_township *t)
{
    if (t->kind == JY_TOWNSHIP_STREET)
        return 1;
    size_t n = strlen(t->code);
    if (t->kind == JY_TOWNSHIP_TOWN && n >= 3 && !strcmp(t->code + n - 3, "100"))
        return 1;
    if (t->kind == JY_TOWNSHIP_SPECIAL && (strstr(t->name, "园区") || strstr(t->name, "开发区")))
        return 1;
    return 0;
}

int jy_match_index_new(jy_match_index **out, jy_match_side side, const jy_county *county)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_match_index_new: NULL output");
    *out = NULL;
    if (side != JY_MATCH_POSTINGS && side != JY_MATCH_JOBSEEKERS)
        return jy__error(JY_EINVAL, "jy_match_index_new: side must be JY_MATCH_POSTINGS or JY_MATCH_JOBSEEKERS");
    jy_match_index *ix = jy__calloc(1, sizeof *ix);
    if (!ix)
        return JY_ENOMEM;
    ix->side = side;
    if (!county) {
        int rc = jy_county_load_default(&ix->own_county);
        if (rc) {
            free(ix);
            return rc;
        }
        county = ix->own_county;
    }
    ix->county = county;
    int vrc = jy_vocab_load_default(&ix->own_vocab);
    if (vrc) {
        jy_county_free(ix->own_county);
        free(ix);
        return vrc;
    }
    ix->vocab = ix->own_vocab;
    pthread_rwlockattr_t attr;
    pthread_rwlockattr_init(&attr);
#if defined(__GLIBC__)
    pthread_rwlockattr_setkind_np(&attr, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
#endif
    int lrc = pthread_rwlock_init(&ix->lock, &attr);
    pthread_rwlockattr_destroy(&attr);
    if (lrc) {
        jy_county_free(ix->own_county);
        jy_vocab_free(ix->own_vocab);
        free(ix);
        return jy__error(JY_ENOMEM, "jy_match_index_new: could not create the lock");
    }
    /* Townships of the county first: town ids 0..n-1 in county order. */
    size_t nt = jy_county_township_count(county);
    for (size_t i = 0; i < nt; i++) {
        const jy_township *t = jy_county_township_at(county, i);
        if (jy__match_grow((void **)&ix->town_seat, &ix->town_cap, i + 1, 1) ||
            jy__smap_put(&ix->towns, t->code, strlen(t->code), (uint32_t)i)) {
            jy_match_index_free(ix);
            return jy__error_nomem();
        }
        ix->town_seat[i] = (unsigned char)seat_rule(t);
        ix->town_count = i + 1;
    }
    ix->county_towns = nt;
    *out = ix;
    return JY_OK;
}

static void content_free(jy_match_index *ix)
{
    for (size_t i = 0; i < ix->term_count; i++)
        free(ix->lists[i].bytes), free(ix->lists[i].skips);
    free(ix->lists);
    jy__smap_free(&ix->terms);
    for (size_t i = 0; i < ix->doc_count; i++)
        free(ix->docs[i].id);
    free(ix->docs);
    free(ix->lens);
    free(ix->facts);
    jy__smap_free(&ix->ids);
    free(ix->build);
}

void jy_match_index_free(jy_match_index *ix)
{
    if (!ix)
        return;
    content_free(ix);
    jy__smap_free(&ix->towns);
    free(ix->town_seat);
    pthread_rwlock_destroy(&ix->lock);
    jy_county_free(ix->own_county);
    jy_vocab_free(ix->own_vocab);
    free(ix);
}

int jy_match_index_use_vocab(jy_match_index *ix, const jy_vocab *vocab)
{
    if (!ix)
        return jy__error(JY_EINVAL, "jy_match_index_use_vocab: NULL index");
    pthread_rwlock_wrlock(&ix->lock);
    int rc = JY_OK;
    if (ix->doc_count)
        rc = jy__error(JY_EINVAL, "jy_match_index_use_vocab: the index already holds documents");
    else
        ix->vocab = vocab;
    pthread_rwlock_unlock(&ix->lock);
    return rc;
}

int jy_match_index_side(const jy_match_index *ix)
{
    return ix ? (int)ix->side : 0;
}

size_t jy_match_index_count(const jy_match_index *ix)
{
    if (!ix)
        return 0;
    jy_match_index *m = (jy_match_index *)(uintptr_t)ix;
    pthread_rwlock_rdlock(&m->lock);
    size_t n = ix->live;
    pthread_rwlock_unlock(&m->lock);
    return n;
}

size_t jy_match_index_memory(const jy_match_index *ix)
{
    if (!ix)
        return 0;
    jy_match_index *m = (jy_match_index *)(uintptr_t)ix;
    pthread_rwlock_rdlock(&m->lock);
    size_t n = sizeof *ix + smap_memory(&ix->terms) + smap_memory(&ix->ids) + smap_memory(&ix->towns);
    n += ix->list_cap * sizeof *ix->lists + ix->doc_cap * sizeof *ix->docs + ix->lens_cap * sizeof *ix->lens +
         ix->facts_cap * sizeof *ix->facts;
    for (size_t i = 0; i < ix->term_count; i++)
        n += ix->lists[i].cap + ix->lists[i].skip_cap * sizeof *ix->lists[i].skips;
    for (size_t i = 0; i < ix->doc_count; i++)
        if (ix->docs[i].id)
            n += strlen(ix->docs[i].id) + 1;
    pthread_rwlock_unlock(&m->lock);
    return n;
}

int jy_match_index_swap(jy_match_index *a, jy_match_index *b)
{
    if (!a || !b || a == b)
        return jy__error(JY_EINVAL, "jy_match_index_swap: two distinct indexes needed");
    if (a->side != b->side)
        return jy__error(JY_EINVAL, "jy_match_index_swap: the indexes hold different sides");
    /* Lock in address order so that two swaps cannot deadlock. */
    jy_match_index *first = a < b ? a : b, *second = a < b ? b : a;
    pthread_rwlock_wrlock(&first->lock);
    pthread_rwlock_wrlock(&second->lock);
    /* Townships may have been interned in different orders: both share the
     * county's, but free-text ones differ, so the town tables move too. */
    jy_match_index tmp = *a;
    size_t off = offsetof(jy_match_index, content_begin);
    memcpy((char *)a + off, (char *)b + off, sizeof tmp - off);
    memcpy((char *)b + off, (char *)&tmp + off, sizeof tmp - off);
    pthread_rwlock_unlock(&second->lock);
    pthread_rwlock_unlock(&first->lock);
    return JY_OK;
}

/* ---- Posting lists ----------------------------------------------------------- */

static int list_append(jy__plist *l, uint32_t doc, unsigned char tf, float length)
{
    if (l->n % JY__MATCH_SKIP == 0) {
        if (jy__match_grow((void **)&l->skips, &l->skip_cap, l->n / JY__MATCH_SKIP + 1, sizeof *l->skips))
            return JY_ENOMEM;
        l->skips[l->n / JY__MATCH_SKIP].base = l->last;
        l->skips[l->n / JY__MATCH_SKIP].offset = (uint32_t)l->len;
        l->skips[l->n / JY__MATCH_SKIP].first = doc;
    }
    if (jy__match_grow((void **)&l->bytes, &l->cap, l->len + 6, 1))
        return JY_ENOMEM;
    uint32_t gap = doc - l->last;
    while (gap >= 0x80) {
        l->bytes[l->len++] = (unsigned char)(gap | 0x80);
        gap >>= 7;
    }
    l->bytes[l->len++] = (unsigned char)gap;
    l->bytes[l->len++] = tf;
    l->last = doc;
    /* Bounds of the term's score (the queries' pruning). */
    if (!l->n || length < l->min_len)
        l->min_len = length;
    if ((tf & 3u) > l->max_title)
        l->max_title = (unsigned char)(tf & 3u);
    if (((tf >> 2) & 3u) > l->max_skills)
        l->max_skills = (unsigned char)((tf >> 2) & 3u);
    if ((tf >> 4) > l->max_rest)
        l->max_rest = (unsigned char)(tf >> 4);
    l->n++;
    return JY_OK;
}

/* The tf byte of `doc` in list l, or 0 when absent (explanations). */
unsigned char jy__match_list_tf(const jy__plist *l, uint32_t doc)
{
    if (!l->n)
        return 0;
    /* Last skip block whose first doc is <= doc. */
    size_t nb = (l->n + JY__MATCH_SKIP - 1) / JY__MATCH_SKIP, lo = 0, hi = nb;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (l->skips[mid].first <= doc)
            lo = mid;
        else
            hi = mid;
    }
    if (l->skips[lo].first > doc)
        return 0;
    const unsigned char *p = l->bytes + l->skips[lo].offset, *end = l->bytes + l->len;
    uint32_t d = l->skips[lo].base;
    for (size_t k = 0; k < JY__MATCH_SKIP && p < end; k++) {
        uint32_t gap = 0;
        unsigned shift = 0;
        while (*p & 0x80) {
            gap |= (uint32_t)(*p++ & 0x7f) << shift;
            shift += 7;
        }
        gap |= (uint32_t)*p++ << shift;
        d += gap;
        unsigned char tf = *p++;
        if (d == doc)
            return tf;
        if (d > doc)
            return 0;
    }
    return 0;
}

/* ---- Adding documents ---------------------------------------------------------- */

enum { F_TITLE = 0, F_SKILL = 1, F_BODY = 2 };

typedef struct build_ctx {
    jy_match_index *ix;
    int field;
    int rc;
} build_ctx;

static int add_build_term(jy_match_index *ix, const char *text, size_t len, int field)
{
    uint32_t tid;
    if (!jy__smap_get(&ix->terms, text, len, &tid)) {
        tid = (uint32_t)ix->term_count;
        if (jy__match_grow((void **)&ix->lists, &ix->list_cap, ix->term_count + 1, sizeof *ix->lists))
            return JY_ENOMEM;
        memset(&ix->lists[tid], 0, sizeof ix->lists[tid]);
        if (jy__smap_put(&ix->terms, text, len, tid))
            return JY_ENOMEM;
        ix->term_count++;
    }
    if (jy__match_grow((void **)&ix->build, &ix->build_cap, ix->build_n + 1, sizeof *ix->build))
        return JY_ENOMEM;
    ix->build[ix->build_n].term = tid;
    ix->build[ix->build_n].field = (uint32_t)field;
    ix->build_n++;
    return JY_OK;
}

static int build_token(const jy_token *t, void *payload)
{
    build_ctx *c = payload;
    if (t->kind == JY_TOKEN_NUMBER)
        return 0;
    int rc = add_build_term(c->ix, t->text, t->len, c->field);
    if (rc) {
        c->rc = rc;
        return 1;
    }
    return 0;
}

/* Cut to JY_MATCH_MAX_TEXT on a character boundary (the text is valid UTF-8). */
static size_t cut_len(const char *text, size_t len)
{
    if (len <= JY_MATCH_MAX_TEXT)
        return len;
    size_t n = JY_MATCH_MAX_TEXT;
    while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--;
    return n;
}

static int check_text(const char *text, const char *field, const char *what)
{
    if (!text)
        return JY_OK;
    size_t len = strlen(text), off;
    if (jy__utf8_first_bad(text, len) != len) {
        off = jy__utf8_first_bad(text, len);
        return jy__error(JY_EUTF8, "%s: field %s is not valid UTF-8 (byte %zu)", what, field, off);
    }
    return JY_OK;
}

static int tokenize_field(jy_match_index *ix, const char *text, int field)
{
    if (!text || !*text)
        return JY_OK;
    build_ctx c = { ix, field, JY_OK };
    size_t len = cut_len(text, strlen(text));
    int rc = jy_text_tokenize_each(text, len, JY_TOKENIZE_ALL, build_token, &c);
    if (c.rc)
        return c.rc;
    return rc;
}

/* Interns a township text: a county township's id, or a free-text id. */
static int town_id(jy_match_index *ix, const char *text, int32_t *out)
{
    *out = -1;
    if (!text || !*text)
        return JY_OK;
    uint32_t v;
    size_t len = strlen(text);
    if (jy__smap_get(&ix->towns, text, len, &v)) {
        *out = (int32_t)v;
        return JY_OK;
    }
    const jy_township *t = NULL;
    if (jy_county_find_township(&t, ix->county, text) == JY_OK && t &&
        jy__smap_get(&ix->towns, t->code, strlen(t->code), &v)) {
        /* Remember the spelling for next time (under the write lock only). */
        *out = (int32_t)v;
        return JY_OK;
    }
    jy_error_clear();
    return JY_ENOTFOUND;
}

static int town_intern(jy_match_index *ix, const char *text, int32_t *out)
{
    int rc = town_id(ix, text, out);
    if (rc != JY_ENOTFOUND)
        return rc;
    size_t id = ix->town_count;
    if (jy__match_grow((void **)&ix->town_seat, &ix->town_cap, id + 1, 1) ||
        jy__smap_put(&ix->towns, text, strlen(text), (uint32_t)id))
        return jy__error_nomem();
    ix->town_seat[id] = 0;
    ix->town_count = id + 1;
    *out = (int32_t)id;
    return JY_OK;
}

static int cmp_build(const void *a, const void *b)
{
    const jy__bterm *x = a, *y = b;
    if (x->term != y->term)
        return x->term < y->term ? -1 : 1;
    return 0;
}

/* Vocabulary hook: appends the pseudo-terms of the canonical occupations
 * and families named in `text` (see match_vocab.c). */
static int add_vocab_terms(jy_match_index *ix, const char *text, int field)
{
    if (!text || !*text)
        return JY_OK;
    size_t len = cut_len(text, strlen(text));
    char terms[JY__VOCAB_MAX_HITS][JY__VOCAB_TERM_MAX];
    size_t n = jy__match_vocab_terms(ix->vocab, terms, JY__VOCAB_MAX_HITS, text, len, NULL, NULL);
    for (size_t i = 0; i < n; i++) {
        int rc = add_build_term(ix, terms[i], strlen(terms[i]), field);
        if (rc)
            return rc;
    }
    return JY_OK;
}

/* Adds a document from its normalized parts; the id must be new. */
static int add_doc(jy_match_index *ix, const char *id, const char *title, const char *const *skills,
                   size_t nskills, const char *body1, const char *body2, const jy__facts *facts)
{
    int rc;
    ix->build_n = 0;
    size_t term_mark = ix->term_count;
    if ((rc = tokenize_field(ix, title, F_TITLE)) || (rc = add_vocab_terms(ix, title, F_TITLE)))
        goto fail;
    if (nskills > JY_MATCH_MAX_SKILLS)
        nskills = JY_MATCH_MAX_SKILLS;
    for (size_t i = 0; i < nskills; i++)
        if ((rc = tokenize_field(ix, skills[i], F_SKILL)) || (rc = add_vocab_terms(ix, skills[i], F_SKILL)))
            goto fail;
    if ((rc = tokenize_field(ix, body1, F_BODY)) || (rc = add_vocab_terms(ix, body1, F_BODY)) ||
        (rc = tokenize_field(ix, body2, F_BODY)))
        goto fail;
    if (jy__match_grow((void **)&ix->docs, &ix->doc_cap, ix->doc_count + 1, sizeof *ix->docs) ||
        jy__match_grow((void **)&ix->lens, &ix->lens_cap, ix->doc_count + 1, sizeof *ix->lens) ||
        jy__match_grow((void **)&ix->facts, &ix->facts_cap, ix->doc_count + 1, sizeof *ix->facts)) {
        rc = JY_ENOMEM;
        goto fail;
    }
    uint32_t doc = (uint32_t)ix->doc_count;
    jy__mdoc *d = &ix->docs[doc];
    memset(d, 0, sizeof *d);
    d->id = jy__strdup(id);
    if (!d->id || jy__smap_put(&ix->ids, id, strlen(id), doc)) {
        free(d->id);
        d->id = NULL;
        rc = JY_ENOMEM;
        goto fail;
    }
    ix->facts[doc] = *facts;
    qsort(ix->build, ix->build_n, sizeof *ix->build, cmp_build);
    /* The length (every occurrence of every term) goes with each entry. */
    d->length = (float)(ix->build_n ? ix->build_n : 1);
    for (size_t i = 0; i < ix->build_n;) {
        size_t j = i;
        unsigned tf[3] = { 0, 0, 0 };
        while (j < ix->build_n && ix->build[j].term == ix->build[i].term)
            tf[ix->build[j++].field]++;
        unsigned char b = (unsigned char)((tf[0] > 3 ? 3 : tf[0]) | (tf[1] > 3 ? 3 : tf[1]) << 2 |
                                          (tf[2] > 15 ? 15 : tf[2]) << 4);
        if (list_append(&ix->lists[ix->build[i].term], doc, b, d->length)) {
            /* Lists appended so far keep an entry for a doc that is not
             * counted: make it a tombstone. */
            d->dead = 1;
            ix->lens[doc] = -1.0f;
            ix->doc_count++;
            ix->dead++;
            smap_del(&ix->ids, id, strlen(id));
            return jy__error_nomem();
        }
        i = j;
    }
    ix->lens[doc] = d->length;
    ix->total_length += (double)d->length;
    ix->doc_count++;
    ix->live++;
    ix->build_n = 0;
    return JY_OK;
fail:
    /* Terms created for this document have empty lists: harmless. */
    (void)term_mark;
    ix->build_n = 0;
    return rc == JY_ENOMEM ? jy__error_nomem() : rc;
}

static void kill_doc(jy_match_index *ix, uint32_t doc)
{
    jy__mdoc *d = &ix->docs[doc];
    smap_del(&ix->ids, d->id, strlen(d->id));
    d->dead = 1;
    ix->lens[doc] = -1.0f;
    ix->total_length -= (double)d->length;
    ix->live--;
    ix->dead++;
}

/* Rewrites the lists without dead documents once they are half the index. */
static void maybe_compact(jy_match_index *ix)
{
    if (ix->dead < 1024 || ix->dead < ix->live)
        return;
    for (size_t t = 0; t < ix->term_count; t++) {
        jy__plist old = ix->lists[t], nl;
        memset(&nl, 0, sizeof nl);
        const unsigned char *p = old.bytes, *end = old.bytes + old.len;
        uint32_t d = 0;
        int ok = 1;
        while (p < end) {
            uint32_t gap = 0;
            unsigned shift = 0;
            while (*p & 0x80) {
                gap |= (uint32_t)(*p++ & 0x7f) << shift;
                shift += 7;
            }
            gap |= (uint32_t)*p++ << shift;
            d += gap;
            unsigned char tf = *p++;
            if (!ix->docs[d].dead && list_append(&nl, d, tf, ix->docs[d].length)) {
                ok = 0;
                break;
            }
        }
        if (!ok) { /* out of memory: keep the old list */
            free(nl.bytes);
            free(nl.skips);
            jy_error_clear();
            continue;
        }
        free(old.bytes);
        free(old.skips);
        ix->lists[t] = nl;
    }
    for (size_t i = 0; i < ix->doc_count; i++)
        if (ix->docs[i].dead && ix->docs[i].id) {
            free(ix->docs[i].id);
            ix->docs[i].id = NULL;
        }
    ix->dead = 0;
}

/* Checks and converts a posting into facts. */
static int posting_facts(jy__facts *f, jy_match_index *ix, const jy_posting_input *p, const char *what,
                         int intern)
{
    memset(f, 0, sizeof *f);
    f->town = -1;
    f->edu = -1;
    f->published = JY__NO_DAY;
    f->closed = JY__NO_DAY;
    int rc;
    if ((rc = check_text(p->title, "title", what)) || (rc = check_text(p->description, "description", what)) ||
        (rc = check_text(p->enterprise, "enterprise", what)) || (rc = check_text(p->township, "township", what)) ||
        (rc = check_text(p->id, "id", what)))
        return rc;
    size_t ns = p->skill_count > JY_MATCH_MAX_SKILLS ? JY_MATCH_MAX_SKILLS : p->skill_count;
    if (ns && !p->skills)
        return jy__error(JY_EINVAL, "%s: skill_count %zu with NULL skills", what, p->skill_count);
    for (size_t i = 0; i < ns; i++)
        if (p->skills[i] && (rc = check_text(p->skills[i], "skills", what)))
            return rc;
    if (p->salary_min < 0 || p->salary_max < 0 || (p->salary_max && p->salary_min > p->salary_max))
        return jy__error(JY_EINVAL, "%s: salary_min/salary_max must be >= 0 and in order", what);
    if (p->age_min < 0 || p->age_max < 0 || p->age_min > 150 || p->age_max > 150 ||
        (p->age_max && p->age_min > p->age_max))
        return jy__error(JY_EINVAL, "%s: age_min/age_max must be in 0..150 and in order", what);
    f->sal_lo = p->salary_min;
    f->sal_hi = p->salary_max;
    f->age_lo = (int16_t)p->age_min;
    f->age_hi = (int16_t)p->age_max;
    int e = jy__match_education(p->education);
    if (e == -2)
        return jy__error(JY_EINVAL, "%s: education: not a known level (none, primary, junior, senior, "
                                    "vocational, college, bachelor, master or Chinese)", what);
    f->edu = (int8_t)e;
    int k = jy__match_kind(p->kind);
    if (k < 0)
        return jy__error(JY_EINVAL, "%s: kind: expected full_time or gig", what);
    f->kind = (int8_t)k;
    f->published = date_days(p->published_on);
    f->closed = date_days(p->closed_on);
    if (f->published == JY__BAD_DAY || f->closed == JY__BAD_DAY)
        return jy__error(JY_EINVAL, "%s: published_on/closed_on: not a valid date", what);
    if (intern)
        return town_intern(ix, p->township, &f->town);
    rc = town_id(ix, p->township, &f->town);
    return rc == JY_ENOTFOUND ? JY_OK : rc;
}

static int profile_facts(jy__facts *f, jy_match_index *ix, const jy_profile_input *q, const char *what,
                         int intern)
{
    memset(f, 0, sizeof *f);
    f->town = -1;
    f->edu = -1;
    f->published = JY__NO_DAY;
    f->closed = JY__NO_DAY;
    int rc;
    if ((rc = check_text(q->text, "text", what)) || (rc = check_text(q->township, "township", what)) ||
        (rc = check_text(q->id, "id", what)))
        return rc;
    size_t ns = q->skill_count > JY_MATCH_MAX_SKILLS ? JY_MATCH_MAX_SKILLS : q->skill_count;
    if (ns && !q->skills)
        return jy__error(JY_EINVAL, "%s: skill_count %zu with NULL skills", what, q->skill_count);
    for (size_t i = 0; i < ns; i++)
        if (q->skills[i] && (rc = check_text(q->skills[i], "skills", what)))
            return rc;
    if (q->salary_min < 0)
        return jy__error(JY_EINVAL, "%s: salary_min must be >= 0", what);
    if (q->age < 0 || q->age > 150)
        return jy__error(JY_EINVAL, "%s: age must be in 0..150", what);
    f->sal_lo = q->salary_min;
    f->age_lo = f->age_hi = (int16_t)q->age;
    int e = jy__match_education(q->education);
    if (e == -2)
        return jy__error(JY_EINVAL, "%s: education: not a known level (none, primary, junior, senior, "
                                    "vocational, college, bachelor, master or Chinese)", what);
    f->edu = (int8_t)e;
    int k = jy__match_kind(q->kind);
    if (k < 0)
        return jy__error(JY_EINVAL, "%s: kind: expected full_time or gig", what);
    f->kind = (int8_t)k;
    if (intern)
        return town_intern(ix, q->township, &f->town);
    rc = town_id(ix, q->township, &f->town);
    return rc == JY_ENOTFOUND ? JY_OK : rc;
}

int jy__match_posting_facts(jy__facts *f, jy_match_index *ix, const jy_posting_input *p, const char *what)
{
    return posting_facts(f, ix, p, what, 0);
}

int jy__match_profile_facts(jy__facts *f, jy_match_index *ix, const jy_profile_input *q, const char *what)
{
    return profile_facts(f, ix, q, what, 0);
}

/* Indexes a document under `id`, replacing the live one with that id
 * (`exists`, doc `old`); on failure the old version lives on. Under the
 * write lock. */
static int replace_doc(jy_match_index *ix, const char *id, int exists, uint32_t old, const char *title,
                       const char *const *skills, size_t nskills, const char *body1, const char *body2,
                       const jy__facts *f)
{
    if (exists)
        kill_doc(ix, old);
    int rc = add_doc(ix, id, title, skills, nskills, body1, body2, f);
    if (rc && exists) { /* revive the old version */
        ix->docs[old].dead = 0;
        ix->lens[old] = ix->docs[old].length;
        ix->live++;
        ix->dead--;
        ix->total_length += (double)ix->docs[old].length;
        jy__smap_put(&ix->ids, id, strlen(id), old);
    }
    if (!rc)
        maybe_compact(ix);
    return rc;
}

static int put_posting(jy_match_index *ix, const jy_posting_input *p, int replace)
{
    if (!ix || !p)
        return jy__error(JY_EINVAL, "jy_match_index_add: NULL argument");
    if (ix->side != JY_MATCH_POSTINGS)
        return jy__error(JY_EINVAL, "jy_match_index_add: the index holds jobseekers, not postings");
    if (!p->id || !*p->id)
        return jy__error(JY_EINVAL, "jy_match_index_add: a posting needs an id");
    pthread_rwlock_wrlock(&ix->lock);
    jy__facts f;
    uint32_t old = 0;
    int exists = jy__smap_get(&ix->ids, p->id, strlen(p->id), &old);
    int rc = posting_facts(&f, ix, p, "posting", 1);
    if (!rc && exists && !replace)
        rc = jy__error(JY_EEXISTS, "jy_match_index_add: a posting with this id is already indexed");
    if (!rc)
        rc = replace_doc(ix, p->id, exists, old, p->title, p->skills, p->skill_count, p->description,
                         p->enterprise, &f);
    pthread_rwlock_unlock(&ix->lock);
    return rc;
}

int jy_match_index_add(jy_match_index *ix, const jy_posting_input *p)
{
    return put_posting(ix, p, 0);
}

int jy_match_index_update(jy_match_index *ix, const jy_posting_input *p)
{
    return put_posting(ix, p, 1);
}

int jy_match_index_put_profile(jy_match_index *ix, const jy_profile_input *q)
{
    if (!ix || !q)
        return jy__error(JY_EINVAL, "jy_match_index_put_profile: NULL argument");
    if (ix->side != JY_MATCH_JOBSEEKERS)
        return jy__error(JY_EINVAL, "jy_match_index_put_profile: the index holds postings, not jobseekers");
    if (!q->id || !*q->id)
        return jy__error(JY_EINVAL, "jy_match_index_put_profile: a profile needs an id");
    pthread_rwlock_wrlock(&ix->lock);
    jy__facts f;
    uint32_t old = 0;
    int exists = jy__smap_get(&ix->ids, q->id, strlen(q->id), &old);
    int rc = profile_facts(&f, ix, q, "profile", 1);
    if (!rc)
        rc = replace_doc(ix, q->id, exists, old, q->text, q->skills, q->skill_count, NULL, NULL, &f);
    pthread_rwlock_unlock(&ix->lock);
    return rc;
}

int jy_match_index_remove(jy_match_index *ix, const char *id)
{
    if (!ix || !id)
        return jy__error(JY_EINVAL, "jy_match_index_remove: NULL argument");
    pthread_rwlock_wrlock(&ix->lock);
    uint32_t doc;
    int rc = JY_OK;
    if (!jy__smap_get(&ix->ids, id, strlen(id), &doc))
        rc = jy__error(JY_ENOTFOUND, "jy_match_index_remove: no document with this id");
    else {
        kill_doc(ix, doc);
        maybe_compact(ix);
    }
    pthread_rwlock_unlock(&ix->lock);
    return rc;
}

/* ---- Results ------------------------------------------------------------------- */

int jy_match_results_new(jy_match_results **out)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_match_results_new: NULL output");
    *out = jy__calloc(1, sizeof **out);
    return *out ? JY_OK : JY_ENOMEM;
}

void jy_match_results_free(jy_match_results *r)
{
    if (!r)
        return;
    free(r->cur);
    free(r->order);
    free(r->qterms);
    free(r->heap);
    free(r->items);
    free(r->reasons);
    free(r->arena);
    free(r);
}

size_t jy_match_results_count(const jy_match_results *r)
{
    return r ? r->count : 0;
}

const jy_match_result *jy_match_results_at(const jy_match_results *r, size_t i)
{
    if (!r || i >= r->count)
        return NULL;
    return &r->items[i];
}

static const char *const reason_names[] = { "", "term", "occupation", "family", "township", "salary",
                                            "freshness", "fallback" };

static int buf_put(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (jy__match_grow((void **)buf, cap, *len + n + 1, 1))
        return JY_ENOMEM;
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
    return JY_OK;
}

int jy__match_buf_put(char **buf, size_t *len, size_t *cap, const char *s)
{
    return buf_put(buf, len, cap, s, strlen(s));
}

/* Appends a JSON string literal. */
int jy__json_quote(char **buf, size_t *len, size_t *cap, const char *s)
{
    if (buf_put(buf, len, cap, "\"", 1))
        return JY_ENOMEM;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        char esc[8];
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            if (buf_put(buf, len, cap, esc, 2))
                return JY_ENOMEM;
        } else if (c < 0x20) {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            if (buf_put(buf, len, cap, esc, 6))
                return JY_ENOMEM;
        } else if (buf_put(buf, len, cap, p, 1)) {
            return JY_ENOMEM;
        }
    }
    return buf_put(buf, len, cap, "\"", 1);
}

int jy__match_why_append(char **buf, size_t *len, size_t *cap, const jy_match_result *res)
{
    if (buf_put(buf, len, cap, "[", 1))
        return JY_ENOMEM;
    for (size_t i = 0; i < res->reason_count; i++) {
        const jy_match_reason *w = &res->reasons[i];
        char num[64];
        if ((i && buf_put(buf, len, cap, ",", 1)) || buf_put(buf, len, cap, "{\"kind\":\"", 9) ||
            buf_put(buf, len, cap, reason_names[w->kind], strlen(reason_names[w->kind])) ||
            buf_put(buf, len, cap, "\",\"text\":", 9) || jy__json_quote(buf, len, cap, w->text))
            return JY_ENOMEM;
        int n = snprintf(num, sizeof num, ",\"effect\":%.4g}", w->effect);
        if (buf_put(buf, len, cap, num, (size_t)n))
            return JY_ENOMEM;
    }
    return buf_put(buf, len, cap, "]", 1);
}

int jy_match_results_why_json(char **out, const jy_match_results *r, size_t i)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_match_results_why_json: NULL output");
    *out = NULL;
    if (!r || i >= r->count)
        return jy__error(JY_EINVAL, "jy_match_results_why_json: no result %zu", i);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (jy__match_why_append(&buf, &len, &cap, &r->items[i])) {
        free(buf);
        return jy__error_nomem();
    }
    *out = buf;
    return JY_OK;
}
