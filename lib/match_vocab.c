/*
 * The matcher's link to the occupation vocabulary (lib/vocab.c): the
 * canonical occupations and families named in a text, as pseudo-terms of
 * the index ("\1o" + occupation, "\1f" + family), so that 司机, 驾驶员 and
 * 开车 meet through their occupation.
 */
#include "match_internal.h"

#include <stdio.h>
#include <string.h>

typedef struct vctx {
    char (*terms)[JY__VOCAB_TERM_MAX];
    char (*surface)[JY__VOCAB_TERM_MAX];
    int *kinds;
    size_t n, max;
} vctx;

static void put(vctx *c, char tag, const char *name, const char *surface, int kind)
{
    char t[JY__VOCAB_TERM_MAX];
    snprintf(t, sizeof t, "\1%c%s", tag, name);
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->terms[i], t))
            return;
    if (c->n >= c->max)
        return;
    memcpy(c->terms[c->n], t, sizeof t);
    if (c->surface)
        jy__strlcpy_utf8(c->surface[c->n], JY__VOCAB_TERM_MAX, surface);
    if (c->kinds)
        c->kinds[c->n] = kind;
    c->n++;
}

static int on_match(const jy_vocab_match *m, void *payload)
{
    vctx *c = payload;
    put(c, 'o', m->occupation_name, m->surface, JY_REASON_OCCUPATION);
    put(c, 'f', m->family_name, m->surface, JY_REASON_FAMILY);
    return 0;
}

size_t jy__match_vocab_terms(const jy_vocab *vocab, char (*terms)[JY__VOCAB_TERM_MAX], size_t max,
                             const char *text, size_t len, char (*surface)[JY__VOCAB_TERM_MAX], int *kinds)
{
    if (!vocab || !len)
        return 0;
    vctx c = { terms, surface, kinds, 0, max };
    if (jy_vocab_scan_each(vocab, text, len, 0, on_match, &c) != JY_OK)
        jy_error_clear();
    return c.n;
}
