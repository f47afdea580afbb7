/* The inside of the matcher, shared by lib/match*.c. Not installed. */
#ifndef JIUYE_MATCH_INTERNAL_H
#define JIUYE_MATCH_INTERNAL_H

#include "internal.h"
#include "text_internal.h"

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

/* Entries between two skip points of a posting list. */
#define JY__MATCH_SKIP 64
/* "No date" in day numbers. */
#define JY__NO_DAY INT32_MIN
#define JY__BAD_DAY (INT32_MIN + 1)
/* Vocabulary pseudo-terms found in one text, and their longest form. */
#define JY__VOCAB_MAX_HITS 16
#define JY__VOCAB_TERM_MAX 96
/* Most distinct terms of one query (more are ignored). */
#define JY__MATCH_MAX_QTERMS 512

typedef struct jy__smap {
    char **keys;
    size_t *lens;
    uint32_t *vals;
    size_t cap, count;
} jy__smap;

int jy__smap_get(const jy__smap *m, const char *key, size_t len, uint32_t *out);
int jy__smap_put(jy__smap *m, const char *key, size_t len, uint32_t val);
void jy__smap_free(jy__smap *m);

typedef struct jy__skip {
    uint32_t first;   /* first doc of the block */
    uint32_t base;    /* doc before it (gaps are relative to it) */
    uint32_t offset;  /* byte offset of the block */
} jy__skip;

/* A posting list. The maxima of its tf byte's three parts and the least
 * length of its documents bound any document's score for the term (the
 * queries' MaxScore pruning); tombstones only make the bound looser. */
typedef struct jy__plist {
    unsigned char *bytes;
    size_t len, cap;
    jy__skip *skips;
    size_t skip_cap;
    uint32_t n, last;
    unsigned char max_title, max_skills, max_rest;
    float min_len;
} jy__plist;

/* Structured facts of a posting (offer, limits) or a jobseeker (wish, own
 * age and education). */
typedef struct jy__facts {
    int32_t town;            /* township id in the index, -1 unknown */
    int32_t sal_lo, sal_hi;  /* posting: offered range; jobseeker: wish in sal_lo */
    int16_t age_lo, age_hi;  /* posting: limits (0 = none); jobseeker: age in both */
    int8_t edu;              /* posting: least level; jobseeker: level; -1 unknown */
    int8_t kind;             /* 0 any, 1 full time, 2 gig */
    int32_t published, closed; /* day numbers, JY__NO_DAY when unknown */
} jy__facts;

typedef struct jy__mdoc {
    char *id;
    float length;
    int dead;
} jy__mdoc;

typedef struct jy__bterm {
    uint32_t term, field;
} jy__bterm;

struct jy_match_index {
    pthread_rwlock_t lock;
    jy_match_side side;
    /* Everything from here is the content, exchanged by jy_match_index_swap(). */
    int content_begin;
    const jy_county *county;
    jy_county *own_county;
    size_t county_towns;
    const jy_vocab *vocab;     /* NULL: no expansion */
    jy_vocab *own_vocab;
    jy__smap terms;
    jy__plist *lists;
    size_t term_count, list_cap;
    jy__mdoc *docs;
    float *lens;               /* per doc: its length, or -1 when dead (the hot loop's only doc read) */
    jy__facts *facts;          /* per doc: its facts (dense: the filters' only doc read) */
    size_t doc_count, doc_cap, lens_cap, facts_cap, live, dead;
    double total_length;
    jy__smap ids;
    jy__smap towns;
    unsigned char *town_seat;  /* 1 for the county seat group */
    size_t town_count, town_cap;
    jy__bterm *build;          /* scratch of add_doc (under the write lock) */
    size_t build_n, build_cap;
};

typedef struct jy__qterm {
    uint32_t term;
    float weight;        /* query weight */
    float qidf;          /* weight x idf x (k1 + 1), set by the query */
    int kind;            /* jy_match_reason_kind: term, occupation or family */
    char text[JY__VOCAB_TERM_MAX]; /* for explanations */
} jy__qterm;

typedef struct jy__hit {
    float score, text;
    uint32_t doc;
} jy__hit;

/* A query term's read position in its posting list. */
typedef struct jy__cursor {
    const jy__plist *l;
    const unsigned char *p, *end; /* the next entry */
    size_t blk;                   /* next skip block not jumped to yet */
    uint32_t doc;                 /* the current entry's document, UINT32_MAX past the end */
    unsigned char tf;             /* the current entry's tf byte */
    float qidf;                   /* as jy__qterm.qidf */
    float ub;                     /* most the term adds to a document's text score */
} jy__cursor;

/* Documents per window of the query loop. */
#define JY__MATCH_WINDOW 2048

struct jy_match_results {
    /* scratch, per thread */
    double wacc[JY__MATCH_WINDOW];            /* text scores of the window's documents */
    uint64_t wbits[JY__MATCH_WINDOW / 64];    /* which of them an essential term touched */
    uint16_t wcand[JY__MATCH_WINDOW];         /* those, as offsets in id order */
    jy__cursor *cur;
    uint32_t *order;                          /* cursors by increasing bound */
    size_t cur_cap;
    jy__qterm *qterms;
    size_t nq, qcap;
    jy__hit *heap;
    size_t heap_cap;
    /* the results */
    jy_match_result *items;
    size_t count, items_cap;
    jy_match_reason *reasons;
    size_t reasons_cap;
    char *arena;
    size_t arena_len, arena_cap;
    int fallback;  /* the results are the fallback of docs/matching.md */
    size_t filtered; /* text matches the hard filters removed */
};

/* Grows *ptr (of *cap elements of elem bytes) to hold `need`, doubling. */
int jy__match_grow(void **ptr, size_t *cap, size_t need, size_t elem);
int jy__match_education(const char *text);
/* The field a message of jy_match_index_add() and co. names ("posting:
 * education: ...", "profile: field text is not valid UTF-8..."), copied
 * into out (cap bytes); empty when it names none. lib/match_json.c. */
void jy__match_error_field(char *out, size_t cap, const char *message);
/* The tf byte of doc in a list, 0 when absent. */
unsigned char jy__match_list_tf(const jy__plist *l, uint32_t doc);
/* Checked facts of a query (townships looked up, not interned). */
int jy__match_posting_facts(jy__facts *f, jy_match_index *ix, const jy_posting_input *p, const char *what);
int jy__match_profile_facts(jy__facts *f, jy_match_index *ix, const jy_profile_input *q, const char *what);
int jy__match_kind(const char *text);
int jy__match_buf_put(char **buf, size_t *len, size_t *cap, const char *s);
int jy__json_quote(char **buf, size_t *len, size_t *cap, const char *s);
int jy__match_why_append(char **buf, size_t *len, size_t *cap, const jy_match_result *res);

/* Checks the version of caller's options and copies them into *out (with
 * the defaults of fields the caller's version does not have); NULL gives
 * the defaults. */
int jy__match_options_get(jy_match_options *out, const jy_match_options *in);

/* Vocabulary (lib/match_vocab.c): writes into terms[] the pseudo-terms
 * ("\1o<occupation>", "\1f<family>") of the occupations named in text, at
 * most `max`, and returns their count. When `surface` is non-NULL it
 * receives, for each, the surface form found (for explanations). `kinds`
 * receives JY_REASON_OCCUPATION or JY_REASON_FAMILY. */
size_t jy__match_vocab_terms(const jy_vocab *vocab, char (*terms)[JY__VOCAB_TERM_MAX], size_t max, const char *text, size_t len,
                             char (*surface)[JY__VOCAB_TERM_MAX], int *kinds);

#endif /* JIUYE_MATCH_INTERNAL_H */
