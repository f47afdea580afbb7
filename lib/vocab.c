/* The occupation vocabulary: surface forms -> canonical occupations ->
 * families, and a trie over folded code points to find surface forms in
 * text.
 *
 * The trie's nodes are numbers (0 is the root); its edges live in one
 * open-addressing hash table keyed by (node, code point), so a lookup step
 * costs one hash probe and nodes cost 4 bytes each (the surface form ending
 * there, or -1). A scan walks the trie from every code point of the folded
 * text; most walks stop after one step. */
#include "internal.h"
#include "text_internal.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Largest vocabulary file accepted. */
#define VOCAB_FILE_MAX ((size_t)64 * 1024 * 1024)
/* Folded code points kept on the stack during a scan. */
#define SCAN_STACK 1024
/* Longest surface form in code points (JY_VOCAB_SURFACE_MAX bytes hold at
 * most this many). */
#define SURFACE_CPS JY_VOCAB_SURFACE_MAX

typedef struct voc_occ {
    char *name;
    char *folded;   /* folded name, for jy_vocab_find_occupation() */
    size_t family;
    char *code;     /* "" when unknown */
} voc_occ;

typedef struct voc_surf {
    char *text;     /* folded */
    size_t occupation;
} voc_surf;

typedef struct edge {
    uint32_t node;
    uint32_t cp;
    uint32_t child;  /* 0: empty slot (the root is never a child) */
} edge;

struct jy_vocab {
    voc_occ *occs;
    size_t n_occ, cap_occ;
    char **fams;
    size_t n_fam, cap_fam;
    voc_surf *surfs;
    size_t n_surf, cap_surf;
    int32_t *node_surface;  /* surface form ending at each node, or -1 */
    size_t n_node, cap_node;
    edge *edges;
    size_t n_edge, cap_edge;  /* cap_edge is a power of two */
};

/* ------------------------------------------------------------------------- */
/* Trie                                                                      */
/* ------------------------------------------------------------------------- */

static size_t edge_slot(uint32_t node, uint32_t cp, size_t cap)
{
    uint32_t h = node * 0x9E3779B1u ^ (cp * 0x85EBCA77u);
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    h ^= h >> 12;
    return (size_t)h & (cap - 1);
}

static uint32_t trie_child(const jy_vocab *v, uint32_t node, uint32_t cp)
{
    if (!v->cap_edge)
        return 0;
    size_t mask = v->cap_edge - 1;
    for (size_t i = edge_slot(node, cp, v->cap_edge);; i = (i + 1) & mask) {
        const edge *e = &v->edges[i];
        if (e->child == 0)
            return 0;
        if (e->node == node && e->cp == cp)
            return e->child;
    }
}

static void edge_put(edge *table, size_t cap, uint32_t node, uint32_t cp, uint32_t child)
{
    size_t mask = cap - 1;
    size_t i = edge_slot(node, cp, cap);
    while (table[i].child != 0)
        i = (i + 1) & mask;
    table[i].node = node;
    table[i].cp = cp;
    table[i].child = child;
}

/* Room for `extra` more nodes and edges; all-or-nothing. */
static int trie_reserve(jy_vocab *v, size_t extra)
{
    if (v->n_node + extra > v->cap_node) {
        size_t ncap = v->cap_node ? v->cap_node : 256;
        while (ncap < v->n_node + extra)
            ncap *= 2;
        int32_t *n = jy__realloc(v->node_surface, ncap * sizeof *n);
        if (!n)
            return JY_ENOMEM;
        v->node_surface = n;
        v->cap_node = ncap;
    }
    if ((v->n_edge + extra) * 2 > v->cap_edge) {
        size_t ncap = v->cap_edge ? v->cap_edge : 512;
        while ((v->n_edge + extra) * 2 > ncap)
            ncap *= 2;
        edge *table = jy__calloc(ncap, sizeof *table);
        if (!table)
            return JY_ENOMEM;
        for (size_t i = 0; i < v->cap_edge; i++)
            if (v->edges[i].child)
                edge_put(table, ncap, v->edges[i].node, v->edges[i].cp, v->edges[i].child);
        jy_free(v->edges);
        v->edges = table;
        v->cap_edge = ncap;
    }
    return JY_OK;
}

/* Decodes folded UTF-8 (well-formed) into code points; returns the count. */
static size_t to_cps(const char *s, uint32_t *cps, size_t max)
{
    size_t n = 0, len = strlen(s), i = 0;
    while (i < len && n < max) {
        unsigned int c;
        size_t m = jy__utf8_decode(s + i, len - i, &c);
        if (!m)
            break;
        cps[n++] = c;
        i += m;
    }
    return n;
}

/* Inserts surface number `si`; trie_reserve() for its length must have
 * succeeded. */
static void trie_insert(jy_vocab *v, size_t si)
{
    uint32_t cps[SURFACE_CPS];
    size_t n = to_cps(v->surfs[si].text, cps, SURFACE_CPS);
    uint32_t node = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t child = trie_child(v, node, cps[i]);
        if (!child) {
            child = (uint32_t)v->n_node++;
            v->node_surface[child] = -1;
            edge_put(v->edges, v->cap_edge, node, cps[i], child);
            v->n_edge++;
        }
        node = child;
    }
    v->node_surface[node] = (int32_t)si;
}

/* The surface number of a folded form, or -1. */
static int32_t trie_find(const jy_vocab *v, const char *folded)
{
    uint32_t cps[SURFACE_CPS + 1];
    size_t n = to_cps(folded, cps, SURFACE_CPS + 1);
    if (n == 0 || n > SURFACE_CPS)
        return -1;
    uint32_t node = 0;
    for (size_t i = 0; i < n; i++) {
        node = trie_child(v, node, cps[i]);
        if (!node)
            return -1;
    }
    return v->node_surface[node];
}

/* Rebuilds the trie from the surface forms (after a rollback). */
static int trie_rebuild(jy_vocab *v)
{
    memset(v->edges, 0, v->cap_edge * sizeof *v->edges);
    v->n_edge = 0;
    v->n_node = 1;
    v->node_surface[0] = -1;
    for (size_t i = 0; i < v->n_surf; i++)
        trie_insert(v, i); /* capacity only ever grew: no allocation */
    return JY_OK;
}

/* ------------------------------------------------------------------------- */
/* Building                                                                  */
/* ------------------------------------------------------------------------- */

int jy_vocab_new(jy_vocab **out)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_vocab_new: out is NULL");
    *out = NULL;
    jy_vocab *v = jy__calloc(1, sizeof *v);
    if (!v)
        return JY_ENOMEM;
    if (trie_reserve(v, 1) != JY_OK) {
        jy_vocab_free(v);
        return JY_ENOMEM;
    }
    v->n_node = 1;
    v->node_surface[0] = -1;
    *out = v;
    return JY_OK;
}

void jy_vocab_free(jy_vocab *vocab)
{
    if (!vocab)
        return;
    for (size_t i = 0; i < vocab->n_occ; i++) {
        jy_free(vocab->occs[i].name);
        jy_free(vocab->occs[i].folded);
        jy_free(vocab->occs[i].code);
    }
    for (size_t i = 0; i < vocab->n_fam; i++)
        jy_free(vocab->fams[i]);
    for (size_t i = 0; i < vocab->n_surf; i++)
        jy_free(vocab->surfs[i].text);
    jy_free(vocab->occs);
    jy_free(vocab->fams);
    jy_free(vocab->surfs);
    jy_free(vocab->node_surface);
    jy_free(vocab->edges);
    jy_free(vocab);
}

/* Drops what was added after the counts given (a failed extension). */
static void truncate_to(jy_vocab *v, size_t n_occ, size_t n_fam, size_t n_surf)
{
    while (v->n_occ > n_occ) {
        voc_occ *o = &v->occs[--v->n_occ];
        jy_free(o->name);
        jy_free(o->folded);
        jy_free(o->code);
    }
    while (v->n_fam > n_fam)
        jy_free(v->fams[--v->n_fam]);
    while (v->n_surf > n_surf)
        jy_free(v->surfs[--v->n_surf].text);
    trie_rebuild(v);
}

static int grow(void **array, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return JY_OK;
    size_t ncap = *cap ? *cap * 2 : 64;
    while (ncap < need)
        ncap *= 2;
    void *n = jy__realloc(*array, ncap * size);
    if (!n)
        return JY_ENOMEM;
    *array = n;
    *cap = ncap;
    return JY_OK;
}

/* Folds a field into a new string; "" when it folds to nothing. */
static int fold_field(char **out, const char *s, size_t len)
{
    size_t n = 0;
    return jy_text_fold(out, &n, s, len);
}

static size_t find_family(const jy_vocab *v, const char *name)
{
    for (size_t i = 0; i < v->n_fam; i++)
        if (strcmp(v->fams[i], name) == 0)
            return i;
    return (size_t)-1;
}

static size_t find_occupation(const jy_vocab *v, const char *folded)
{
    /* files list an occupation's forms together: try the latest first */
    if (v->n_occ && strcmp(v->occs[v->n_occ - 1].folded, folded) == 0)
        return v->n_occ - 1;
    for (size_t i = 0; i < v->n_occ; i++)
        if (strcmp(v->occs[i].folded, folded) == 0)
            return i;
    return (size_t)-1;
}

/* Why an addition failed: the field and a reason (no personal data: the
 * vocabulary holds job words only, so the words may be quoted). */
typedef struct why {
    const char *field;
    char text[200];
} why;

static int refuse(why *w, int code, const char *field, const char *fmt, ...) JY__PRINTF(4, 5);
static int refuse(why *w, int code, const char *field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    w->field = field;
    vsnprintf(w->text, sizeof w->text, fmt, ap);
    va_end(ap);
    return code;
}

/* Adds one surface form (NUL-terminated, trimmed fields). On failure nothing
 * was added, and `w` says why. */
static int add_entry(jy_vocab *v, const char *surf_in, const char *occ_in, const char *fam_in,
                     const char *code_in, why *w)
{
    char *surf = NULL, *occ_folded = NULL;
    int rc;
    if (!*occ_in)
        return refuse(w, JY_EINVAL, "occupation", "the occupation is empty");
    size_t slen = strlen(surf_in);
    if (jy__utf8_first_bad(surf_in, slen) < slen)
        return refuse(w, JY_EUTF8, "surface", "invalid UTF-8");
    if ((rc = fold_field(&surf, surf_in, slen)) != JY_OK)
        return refuse(w, rc, "surface", "cannot fold the surface form");
    if (!*surf) {
        jy_free(surf);
        return refuse(w, JY_EINVAL, "surface", "the surface form '%s' is empty once folded",
                      surf_in);
    }
    if (strlen(surf) > JY_VOCAB_SURFACE_MAX) {
        jy_free(surf);
        return refuse(w, JY_EINVAL, "surface", "the surface form '%.40s...' is too long", surf_in);
    }
    size_t olen = strlen(occ_in);
    if (jy__utf8_first_bad(occ_in, olen) < olen) {
        jy_free(surf);
        return refuse(w, JY_EUTF8, "occupation", "invalid UTF-8");
    }
    if ((rc = fold_field(&occ_folded, occ_in, olen)) != JY_OK || !*occ_folded ||
        strlen(occ_folded) > JY_VOCAB_SURFACE_MAX) {
        jy_free(surf);
        jy_free(occ_folded);
        if (rc != JY_OK)
            return refuse(w, rc, "occupation", "cannot fold the occupation");
        return refuse(w, JY_EINVAL, "occupation", "the occupation '%.40s' is empty or too long",
                      occ_in);
    }
    const char *fam = fam_in ? fam_in : "";
    const char *code = code_in ? code_in : "";
    size_t flen = strlen(fam), clen = strlen(code);
    if (jy__utf8_first_bad(fam, flen) < flen || jy__utf8_first_bad(code, clen) < clen) {
        jy_free(surf);
        jy_free(occ_folded);
        return refuse(w, JY_EUTF8, flen && jy__utf8_first_bad(fam, flen) < flen ? "family" : "code",
                      "invalid UTF-8");
    }

    size_t oi = find_occupation(v, occ_folded);
    size_t fi = *fam ? find_family(v, fam) : (size_t)-1;
    if (oi != (size_t)-1) {
        if (*fam && fi != v->occs[oi].family) {
            jy_free(surf);
            jy_free(occ_folded);
            return refuse(w, JY_EINVAL, "family",
                          "the occupation '%s' already belongs to another family", occ_in);
        }
        if (*code && *v->occs[oi].code && strcmp(code, v->occs[oi].code) != 0) {
            jy_free(surf);
            jy_free(occ_folded);
            return refuse(w, JY_EINVAL, "code", "the occupation '%s' already has another code",
                          occ_in);
        }
    } else if (!*fam) {
        jy_free(surf);
        jy_free(occ_folded);
        return refuse(w, JY_EINVAL, "family", "the new occupation '%s' needs a family", occ_in);
    }

    /* The surface form and, for a new occupation, its name as a form. */
    const char *forms[2] = { surf, occ_folded };
    size_t n_forms = oi == (size_t)-1 && strcmp(surf, occ_folded) != 0 ? 2 : 1;
    int new_form[2] = { 0, 0 };
    size_t extra_nodes = 0;
    for (size_t k = 0; k < n_forms; k++) {
        int32_t si = trie_find(v, forms[k]);
        if (si >= 0) {
            size_t have = v->surfs[si].occupation;
            if (oi == (size_t)-1 || have != oi) {
                char msg[160];
                snprintf(msg, sizeof msg, "'%.40s' already means '%.40s'", forms[k],
                         v->occs[have].name);
                jy_free(surf);
                jy_free(occ_folded);
                return refuse(w, JY_EEXISTS, k == 0 ? "surface" : "occupation", "%s", msg);
            }
        } else {
            new_form[k] = 1;
            extra_nodes += strlen(forms[k]);
        }
    }
    if (!new_form[0] && (n_forms < 2 || !new_form[1]) && oi != (size_t)-1) {
        /* already there, same occupation; maybe a code to record */
        if (*code && !*v->occs[oi].code) {
            char *c = jy__strdup(code);
            if (!c) {
                jy_free(surf);
                jy_free(occ_folded);
                return refuse(w, JY_ENOMEM, "code", "out of memory");
            }
            jy_free(v->occs[oi].code);
            v->occs[oi].code = c;
        }
        jy_free(surf);
        jy_free(occ_folded);
        return JY_OK;
    }

    /* Reserve everything, then commit (nothing can fail after this). */
    char *occ_name = NULL, *fam_name = NULL, *code_copy = NULL;
    int nomem = 0;
    if (oi == (size_t)-1) {
        occ_name = jy__strdup(occ_in);
        code_copy = jy__strdup(code);
        nomem |= !occ_name || !code_copy;
        if (fi == (size_t)-1) {
            fam_name = jy__strdup(fam);
            nomem |= !fam_name;
        }
    } else if (*code && !*v->occs[oi].code) {
        code_copy = jy__strdup(code);
        nomem |= !code_copy;
    }
    if (!nomem)
        nomem |= grow((void **)&v->occs, &v->cap_occ, v->n_occ + 1, sizeof *v->occs) != JY_OK;
    if (!nomem)
        nomem |= grow((void **)&v->fams, &v->cap_fam, v->n_fam + 1, sizeof *v->fams) != JY_OK;
    if (!nomem)
        nomem |= grow((void **)&v->surfs, &v->cap_surf, v->n_surf + 2, sizeof *v->surfs) != JY_OK;
    if (!nomem)
        nomem |= trie_reserve(v, extra_nodes) != JY_OK;
    char *form_copy[2] = { NULL, NULL };
    if (!nomem && new_form[0])
        nomem |= !(form_copy[0] = jy__strdup(surf));
    if (!nomem && n_forms == 2 && new_form[1])
        nomem |= !(form_copy[1] = jy__strdup(occ_folded));
    if (nomem) {
        jy_free(occ_name);
        jy_free(fam_name);
        jy_free(code_copy);
        jy_free(form_copy[0]);
        jy_free(form_copy[1]);
        jy_free(surf);
        jy_free(occ_folded);
        return refuse(w, JY_ENOMEM, "surface", "out of memory");
    }
    if (oi == (size_t)-1) {
        if (fi == (size_t)-1) {
            fi = v->n_fam;
            v->fams[v->n_fam++] = fam_name;
        }
        oi = v->n_occ;
        voc_occ *o = &v->occs[v->n_occ++];
        o->name = occ_name;
        o->folded = occ_folded;
        occ_folded = NULL;
        o->family = fi;
        o->code = code_copy;
    } else if (code_copy) {
        jy_free(v->occs[oi].code);
        v->occs[oi].code = code_copy;
    }
    for (size_t k = 0; k < 2; k++) {
        if (!form_copy[k])
            continue;
        v->surfs[v->n_surf].text = form_copy[k];
        v->surfs[v->n_surf].occupation = oi;
        trie_insert(v, v->n_surf);
        v->n_surf++;
    }
    jy_free(surf);
    jy_free(occ_folded);
    return JY_OK;
}

int jy_vocab_add(jy_vocab *vocab, const char *surface, const char *occupation,
                 const char *family, const char *occupation_code)
{
    if (!vocab || !surface || !occupation)
        return jy__error(JY_EINVAL, "jy_vocab_add: NULL argument");
    why w;
    int rc = add_entry(vocab, surface, occupation, family, occupation_code, &w);
    if (rc == JY_ENOMEM)
        return jy__error_nomem();
    if (rc != JY_OK)
        return jy__error(rc, "jy_vocab_add: %s: %s", w.field, w.text);
    return JY_OK;
}

/* ------------------------------------------------------------------------- */
/* Files                                                                     */
/* ------------------------------------------------------------------------- */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Trims spaces (not TABs, which separate fields) of [*s, *e). */
static void trim(const char **s, const char **e)
{
    while (*s < *e && (**s == ' ' || **s == '\r'))
        (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\r'))
        (*e)--;
}

/* Reads the lines of `text` into `v`; all or nothing. */
static int extend(jy_vocab *v, const char *text, size_t len, jy_located_error *err)
{
    size_t bad = jy__utf8_first_bad(text, len);
    if (bad < len) {
        size_t line, column;
        jy__text_locate(text, len, bad, &line, &column);
        return jy__located(err, JY_EUTF8, 0, line, column, NULL,
                           "invalid UTF-8 sequence at byte offset %zu", bad);
    }
    size_t n_occ = v->n_occ, n_fam = v->n_fam, n_surf = v->n_surf;
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    size_t line = 0;
    int seen_data = 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        line++;
        const char *s = p, *e = eol;
        p = eol + 1;
        const char *t = s;
        while (t < e && is_space(*t))
            t++;
        if (t == e || *t == '#')
            continue;
        if (memchr(s, '\0', (size_t)(e - s))) {
            truncate_to(v, n_occ, n_fam, n_surf);
            return jy__located(err, JY_EPARSE, 0, line, 0, NULL, "NUL byte in the line");
        }
        /* split at TABs */
        const char *fs[5], *fe[5];
        size_t nf = 0;
        const char *q = s;
        while (nf < 5) {
            const char *tab = memchr(q, '\t', (size_t)(e - q));
            fs[nf] = q;
            fe[nf] = tab ? tab : e;
            trim(&fs[nf], &fe[nf]);
            nf++;
            if (!tab)
                break;
            q = tab + 1;
        }
        if (nf > 4 || nf < 3) {
            truncate_to(v, n_occ, n_fam, n_surf);
            return jy__located(err, JY_EPARSE, 0, line, 0, NULL,
                               "expected 3 or 4 TAB-separated fields (surface, occupation, "
                               "family, code), found %s",
                               nf > 4 ? "more than 4" : nf == 2 ? "2" : "1");
        }
        if (!seen_data && (size_t)(fe[0] - fs[0]) == 7 && memcmp(fs[0], "surface", 7) == 0) {
            seen_data = 1;
            continue; /* the header line */
        }
        seen_data = 1;
        char fields[4][256];
        static const char *const names[4] = { "surface", "occupation", "family", "code" };
        for (size_t k = 0; k < 4; k++) {
            size_t flen = k < nf ? (size_t)(fe[k] - fs[k]) : 0;
            if (flen >= sizeof fields[k]) {
                truncate_to(v, n_occ, n_fam, n_surf);
                return jy__located(err, JY_EINVAL, 0, line, 0, names[k],
                                   "the field is longer than %zu bytes", sizeof fields[k] - 1);
            }
            if (flen)
                memcpy(fields[k], fs[k], flen);
            fields[k][flen] = '\0';
        }
        if (!fields[0][0] || !fields[1][0] || !fields[2][0]) {
            truncate_to(v, n_occ, n_fam, n_surf);
            const char *which = !fields[0][0] ? "surface" : !fields[1][0] ? "occupation" : "family";
            return jy__located(err, JY_EINVAL, 0, line, 0, which, "the field is empty");
        }
        why w;
        int rc = add_entry(v, fields[0], fields[1], fields[2], fields[3], &w);
        if (rc != JY_OK) {
            truncate_to(v, n_occ, n_fam, n_surf);
            return jy__located(err, rc, 0, line, 0, w.field, "%s", w.text);
        }
    }
    return JY_OK;
}

int jy_vocab_extend_buffer(jy_vocab *vocab, const char *text, size_t len, jy_located_error *err)
{
    jy__located_reset(err, "<memory>");
    if (!vocab || (!text && len))
        return jy__located(err, JY_EINVAL, 0, 0, 0, NULL, "jy_vocab_extend_buffer: NULL argument");
    return extend(vocab, text ? text : "", len, err);
}

static int load(jy_vocab **out, const char *text, size_t len, jy_located_error *err)
{
    jy_vocab *v = NULL;
    int rc = jy_vocab_new(&v);
    if (rc != JY_OK)
        return jy__located(err, rc, 0, 0, 0, NULL, "out of memory");
    rc = extend(v, text, len, err);
    if (rc != JY_OK) {
        jy_vocab_free(v);
        return rc;
    }
    *out = v;
    return JY_OK;
}

int jy_vocab_load_buffer(jy_vocab **out, const char *text, size_t len, jy_located_error *err)
{
    jy__located_reset(err, "<memory>");
    if (out)
        *out = NULL;
    if (!out || (!text && len))
        return jy__located(err, JY_EINVAL, 0, 0, 0, NULL, "jy_vocab_load_buffer: NULL argument");
    return load(out, text ? text : "", len, err);
}

int jy_vocab_load_file(jy_vocab **out, const char *path, jy_located_error *err)
{
    jy__located_reset(err, path);
    if (out)
        *out = NULL;
    if (!out || !path)
        return jy__located(err, JY_EINVAL, 0, 0, 0, NULL, "jy_vocab_load_file: NULL argument");
    char *buf = NULL;
    size_t len = 0;
    int rc = jy__read_file(&buf, &len, path, VOCAB_FILE_MAX, err);
    if (rc != JY_OK)
        return rc;
    rc = load(out, buf, len, err);
    jy_free(buf);
    return rc;
}

int jy_vocab_load_default(jy_vocab **out)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_vocab_load_default: out is NULL");
    jy_located_error err;
    jy__located_reset(&err, "<built-in vocabulary>");
    return load(out, (const char *)jy__embedded_occupations, jy__embedded_occupations_size, &err);
}

/* ------------------------------------------------------------------------- */
/* Accessors and lookups                                                     */
/* ------------------------------------------------------------------------- */

size_t jy_vocab_occupation_count(const jy_vocab *vocab)
{
    return vocab ? vocab->n_occ : 0;
}

size_t jy_vocab_family_count(const jy_vocab *vocab)
{
    return vocab ? vocab->n_fam : 0;
}

size_t jy_vocab_surface_count(const jy_vocab *vocab)
{
    return vocab ? vocab->n_surf : 0;
}

const char *jy_vocab_occupation_name(const jy_vocab *vocab, size_t occupation)
{
    return vocab && occupation < vocab->n_occ ? vocab->occs[occupation].name : NULL;
}

size_t jy_vocab_occupation_family(const jy_vocab *vocab, size_t occupation)
{
    return vocab && occupation < vocab->n_occ ? vocab->occs[occupation].family : (size_t)-1;
}

const char *jy_vocab_occupation_code(const jy_vocab *vocab, size_t occupation)
{
    return vocab && occupation < vocab->n_occ ? vocab->occs[occupation].code : NULL;
}

const char *jy_vocab_family_name(const jy_vocab *vocab, size_t family)
{
    return vocab && family < vocab->n_fam ? vocab->fams[family] : NULL;
}

int jy_vocab_find_occupation(size_t *out, const jy_vocab *vocab, const char *name)
{
    if (!out || !vocab || !name)
        return jy__error(JY_EINVAL, "jy_vocab_find_occupation: NULL argument");
    char *folded = NULL;
    int rc = jy_text_fold(&folded, NULL, name, strlen(name));
    if (rc != JY_OK)
        return rc;
    size_t oi = find_occupation(vocab, folded);
    jy_free(folded);
    if (oi == (size_t)-1)
        return jy__error(JY_ENOTFOUND, "no such occupation in the vocabulary");
    *out = oi;
    return JY_OK;
}

int jy_vocab_lookup(size_t *out, const jy_vocab *vocab, const char *text, size_t len)
{
    if (!out || !vocab || (!text && len))
        return jy__error(JY_EINVAL, "jy_vocab_lookup: NULL argument");
    char *folded = NULL;
    int rc = jy_text_fold(&folded, NULL, text ? text : "", len);
    if (rc != JY_OK)
        return rc;
    int32_t si = trie_find(vocab, folded);
    jy_free(folded);
    if (si < 0)
        return jy__error(JY_ENOTFOUND, "the text is not a surface form of the vocabulary");
    *out = vocab->surfs[si].occupation;
    return JY_OK;
}

/* A folded code point of the scanned text; separators are one space. */
typedef struct scan_cp {
    uint32_t cp;
    uint32_t cls;
    size_t start, end;
} scan_cp;

static int is_alnum_class(uint32_t cls)
{
    return cls == JY__CLASS_DIGIT || cls == JY__CLASS_ALPHA;
}

static int report(const jy_vocab *v, int32_t si, const scan_cp *t, size_t i, size_t j,
                  jy_vocab_match_fn fn, void *payload)
{
    const voc_surf *s = &v->surfs[si];
    const voc_occ *o = &v->occs[s->occupation];
    jy_vocab_match m;
    m.occupation = s->occupation;
    m.family = o->family;
    m.occupation_name = o->name;
    m.family_name = v->fams[o->family];
    m.surface = s->text;
    m.start = t[i].start;
    m.end = t[j].end;
    return fn(&m, payload);
}

int jy_vocab_scan_each(const jy_vocab *vocab, const char *text, size_t len, unsigned int flags,
                       jy_vocab_match_fn fn, void *payload)
{
    if (!vocab || !fn || (!text && len))
        return jy__error(JY_EINVAL, "jy_vocab_scan_each: NULL argument");
    size_t bad = jy__utf8_first_bad(text, len);
    if (bad < len)
        return jy__error(JY_EUTF8, "invalid UTF-8 sequence at byte offset %zu", bad);
    if (len == 0)
        return JY_OK;

    /* Fold into an array (separators collapsed to one space). */
    scan_cp stack[SCAN_STACK];
    scan_cp *t = stack;
    size_t cap = SCAN_STACK, n = 0;
    jy__fold_iter it;
    jy__fold_init(&it, text, len);
    unsigned int cp;
    size_t s, e;
    while (jy__fold_next(&it, &cp, &s, &e)) {
        uint32_t cls = (uint32_t)jy__fold_class(cp);
        if (cls == JY__CLASS_SEP) {
            if (n == 0 || t[n - 1].cls == JY__CLASS_SEP)
                continue;
            cp = ' ';
        }
        if (n == cap) {
            size_t ncap = cap * 2;
            scan_cp *nt = t == stack ? jy__malloc(ncap * sizeof *nt)
                                     : jy__realloc(t, ncap * sizeof *nt);
            if (!nt) {
                if (t != stack)
                    jy_free(t);
                return JY_ENOMEM;
            }
            if (t == stack)
                memcpy(nt, stack, sizeof stack);
            t = nt;
            cap = ncap;
        }
        t[n].cp = cp;
        t[n].cls = cls;
        t[n].start = s;
        t[n].end = e;
        n++;
    }

    int rc = JY_OK;
    int32_t found[SURFACE_CPS];
    size_t found_end[SURFACE_CPS];
    for (size_t i = 0; i < n && rc == JY_OK;) {
        size_t nfound = 0;
        if (t[i].cls != JY__CLASS_SEP &&
            !(is_alnum_class(t[i].cls) && i > 0 && is_alnum_class(t[i - 1].cls))) {
            uint32_t node = 0;
            for (size_t j = i; j < n && j - i < SURFACE_CPS; j++) {
                node = trie_child(vocab, node, t[j].cp);
                if (!node)
                    break;
                int32_t si = vocab->node_surface[node];
                if (si < 0)
                    continue;
                if (is_alnum_class(t[j].cls) && j + 1 < n && is_alnum_class(t[j + 1].cls))
                    continue; /* a word goes on after the form */
                found[nfound] = si;
                found_end[nfound] = j;
                nfound++;
            }
        }
        if (nfound == 0) {
            i++;
            continue;
        }
        if (flags & JY_VOCAB_LONGEST) {
            rc = report(vocab, found[nfound - 1], t, i, found_end[nfound - 1], fn, payload);
            i = found_end[nfound - 1] + 1;
            continue;
        }
        for (size_t k = nfound; k-- > 0 && rc == JY_OK;)
            rc = report(vocab, found[k], t, i, found_end[k], fn, payload);
        i++;
    }
    if (t != stack)
        jy_free(t);
    return rc;
}

typedef struct match_array {
    jy_vocab_match *items;
    size_t count, cap;
} match_array;

static int collect(const jy_vocab_match *m, void *payload)
{
    match_array *a = payload;
    if (grow((void **)&a->items, &a->cap, a->count + 1, sizeof *a->items) != JY_OK)
        return JY_ENOMEM;
    a->items[a->count++] = *m;
    return 0;
}

int jy_vocab_scan(jy_vocab_match **out, size_t *out_count, const jy_vocab *vocab,
                  const char *text, size_t len, unsigned int flags)
{
    if (out)
        *out = NULL;
    if (out_count)
        *out_count = 0;
    if (!out || !out_count)
        return jy__error(JY_EINVAL, "jy_vocab_scan: NULL argument");
    match_array a = { NULL, 0, 0 };
    int rc = jy_vocab_scan_each(vocab, text, len, flags, collect, &a);
    if (rc != JY_OK) {
        jy_free(a.items);
        return rc;
    }
    *out = a.items;
    *out_count = a.count;
    return JY_OK;
}
