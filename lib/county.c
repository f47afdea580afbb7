/* The county profile: township-level units and villages loaded from JSON
 * (format in docs/formats.md), and tolerant lookups by code or name.
 *
 * Layout. A county owns a handful of arrays (townships, villages, their
 * lookup metadata and keys) and a chunked string arena holding every string:
 * the display strings handed out to callers and the normalized lookup keys,
 * all computed once at load time. Nothing is mutated after loading, so
 * lookups on one county are safe from any number of threads; a lookup
 * allocates only its normalized query and one scratch buffer.
 *
 * Keys. Every name (official name, name_2023, each alias) of a unit gives a
 * key: the name normalized (NFKC + case folding, all whitespace removed), the
 * same with rare characters folded to their common substitutes (RARE_FOLDS),
 * and the normalized short form of the name, also in both spellings.
 *
 * Short forms (the `short_name` shown to callers and the short keys):
 *  - township-level units lose their kind suffix: 街道办事处, 街道, 镇, 乡
 *    (洋峰街道 -> 洋峰, 金川镇 -> 金川, 桃溪乡 -> 桃溪);
 *  - special units (codes 400-999) first lose a leading county name, full
 *    (新干县) or short (新干), when something remains: 新干工业园区 -> 工业园区,
 *    the generic "industrial park" that people of the county say; then a farm
 *    suffix (林场, 农场, 垦殖场, 茶场, 牧场, 渔场): 黎山林场 -> 黎山. Units with
 *    neither keep their name: 地质大队 stays 地质大队;
 *  - villages lose their committee suffix: 社区居民委员会, 村民委员会,
 *    居民委员会, 社区居委会, 村委会, 居委会, 社区 (湄湘居委会 -> 湄湘); also
 *    虚拟社区 as a whole (新干工业园区虚拟社区 -> 新干工业园区, not the
 *    meaningless 新干工业园区虚拟) and 生活区 (the forest farm's 桂川分场生活区
 *    -> 桂川分场, 场部生活区 -> 场部); a bare 村 (for files that write names as
 *    "湄湘村") only when at least two characters remain (炉村 stays 炉村);
 *  - at most one suffix is removed, and only when something remains.
 *
 * Lookup order (the first step with any match decides; several matches at
 * that step are ambiguous):
 *  0. a query made of digits is a code, never a name;
 *  for the query as given, then without a leading county name (新干县, then
 *  新干) when something remains:
 *  1. equal to a full key, as written;         2. the same, rare characters folded;
 *  3. equal to a short key, as written;        4. the same, rare characters folded;
 *  5. the query without its own suffix (the lists above; "湄湘村" -> "湄湘")
 *     equal to a short key;                    6. the same, rare characters folded.
 *  At steps 5-6 the removed suffix is also a hint: when several units match,
 *  those of the kind the suffix names (镇: towns; 村: village committees;
 *  居委会/社区: residents' committees) are preferred if there are any, so that
 *  "七琴村" finds 七琴村委会 beside 七琴居委会.
 *  Exact spelling beats a folded one: in 麦㙦镇, "麦斜" is 麦斜村委会 (step
 *  3) while "麦㙦" and "麦斜居委会" find 麦㙦居委会 (steps 3 and 2).
 */
#include "internal.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Largest profile file accepted (a whole province is a few MiB). */
#define COUNTY_FILE_MAX ((size_t)64 * 1024 * 1024)
/* Candidates named in an ambiguity message. */
#define LISTED_MAX 4
/* Room for a field path while it is built (it is truncated when reported). */
#define PATH_BUF 128

/* ------------------------------------------------------------------------- */
/* String arena: chunks that never move, freed together. */

typedef struct arena_chunk {
    struct arena_chunk *next;
    size_t used;
    size_t cap;
    char data[];
} arena_chunk;

#define ARENA_CHUNK_MIN ((size_t)16 * 1024)

static char *arena_alloc(arena_chunk **head, size_t size)
{
    arena_chunk *c = *head;
    if (!c || c->cap - c->used < size) {
        size_t cap = size > ARENA_CHUNK_MIN ? size : ARENA_CHUNK_MIN;
        c = jy__malloc(sizeof *c + cap);
        if (!c)
            return NULL;
        c->next = *head;
        c->used = 0;
        c->cap = cap;
        *head = c;
    }
    char *p = c->data + c->used;
    c->used += size;
    return p;
}

static const char *arena_strndup(arena_chunk **head, const char *s, size_t len)
{
    char *p = arena_alloc(head, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

static void arena_free(arena_chunk *head)
{
    while (head) {
        arena_chunk *next = head->next;
        free(head);
        head = next;
    }
}

/* ------------------------------------------------------------------------- */
/* The county. */

typedef struct county_key {
    const char *full;          /* normalized name */
    const char *full_folded;   /* the same, rare characters folded */
    const char *short_key;     /* normalized short form */
    const char *short_folded;  /* the same, rare characters folded */
} county_key;

typedef struct unit_meta {
    size_t key_first;          /* into jy_county::keys */
    size_t key_count;
    int cls;                   /* township kind, or village CLS_* (0: none) */
} unit_meta;

struct jy_county {
    const char *code;
    const char *name;
    const char *key_name;      /* normalized county name ("新干县") */
    const char *key_short;     /* normalized without 县/市/区... ("新干"), or NULL */
    const char *raw_short;     /* county name without its suffix, as written */
    size_t township_count;
    jy_township *townships;
    unit_meta *tmeta;
    size_t village_count;
    jy_village *villages;      /* all villages, in file order */
    unit_meta *vmeta;
    size_t key_count;
    size_t key_cap;
    county_key *keys;
    arena_chunk *arena;
};

/* Village classes (the kind of committee), from the name suffix. */
enum { CLS_NONE = 0, CLS_VILLAGE = 1, CLS_RESIDENTS = 2 };

/* ------------------------------------------------------------------------- */
/* Suffixes. Longer suffixes come before their own endings. */

typedef struct suffix {
    const char *text;
    int cls;          /* township kind or village class the suffix names */
    int special_only; /* for names: only on special units (codes 400-999) */
    size_t min_rest;  /* characters that must remain */
} suffix;

static const suffix TOWNSHIP_SUFFIXES[] = {
    { "街道办事处", JY_TOWNSHIP_STREET, 0, 1 },
    { "街道办", JY_TOWNSHIP_STREET, 0, 1 },
    { "街道", JY_TOWNSHIP_STREET, 0, 1 },
    { "镇", JY_TOWNSHIP_TOWN, 0, 1 },
    { "乡", JY_TOWNSHIP_TOWNSHIP, 0, 1 },
    { "垦殖场", JY_TOWNSHIP_SPECIAL, 1, 1 },
    { "林场", JY_TOWNSHIP_SPECIAL, 1, 1 },
    { "农场", JY_TOWNSHIP_SPECIAL, 1, 1 },
    { "茶场", JY_TOWNSHIP_SPECIAL, 1, 1 },
    { "牧场", JY_TOWNSHIP_SPECIAL, 1, 1 },
    { "渔场", JY_TOWNSHIP_SPECIAL, 1, 1 },
};

static const suffix VILLAGE_SUFFIXES[] = {
    { "社区居民委员会", CLS_RESIDENTS, 0, 1 },
    { "村民委员会", CLS_VILLAGE, 0, 1 },
    { "居民委员会", CLS_RESIDENTS, 0, 1 },
    { "社区居委会", CLS_RESIDENTS, 0, 1 },
    { "虚拟社区", CLS_RESIDENTS, 0, 1 },
    { "村委会", CLS_VILLAGE, 0, 1 },
    { "居委会", CLS_RESIDENTS, 0, 1 },
    { "生活区", CLS_NONE, 0, 1 },
    { "社区", CLS_RESIDENTS, 0, 1 },
    { "村", CLS_VILLAGE, 0, 2 },
};

/* County-level suffixes, removed to get the county's short name. */
static const char *const COUNTY_SUFFIXES[] = { "自治县", "自治旗", "县", "市", "区", "旗" };

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Rare characters and the common characters written for them, applied to
 * both the stored names and the query (keys "folded"). Each replacement must
 * not be longer in UTF-8 than the character it replaces (folding is done in
 * place). Keep this table small and sourced:
 *  - 㙦 U+3666 (CJK Ext. A, 麦㙦镇): fonts and input methods lack it, local
 *    documents write 斜 (data/README.md). */
static const struct rare_fold {
    unsigned int from;
    unsigned int to;
} RARE_FOLDS[] = {
    { 0x3666, 0x659C }, /* 㙦 -> 斜 */
};

static size_t utf8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

static int has_suffix(const char *s, size_t len, const char *suf, size_t *out_rest)
{
    size_t sl = strlen(suf);
    if (sl > len || memcmp(s + len - sl, suf, sl) != 0)
        return 0;
    *out_rest = len - sl;
    return 1;
}

static int has_prefix(const char *s, size_t len, const char *pre, size_t *out_plen)
{
    size_t pl = strlen(pre);
    if (pl == 0 || pl > len || memcmp(s, pre, pl) != 0)
        return 0;
    *out_plen = pl;
    return 1;
}

/* Length of s without the first matching suffix of the list; *cls receives the
 * suffix's class (0 when nothing was removed). */
static size_t strip_suffix(const char *s, size_t len, const suffix *list, size_t n,
                           int special, int *cls)
{
    *cls = 0;
    for (size_t i = 0; i < n; i++) {
        size_t rest;
        if (list[i].special_only && !special)
            continue;
        if (has_suffix(s, len, list[i].text, &rest) && utf8_chars(s, rest) >= list[i].min_rest) {
            *cls = list[i].cls;
            return rest;
        }
    }
    return len;
}

/* The short form of a name as a [start, start + len) slice of it. */
static void township_short(const jy_county *c, const char *name, size_t len, int kind,
                           size_t *out_start, size_t *out_len)
{
    size_t start = 0, plen = 0;
    int cls;
    if (kind == JY_TOWNSHIP_SPECIAL) {
        if ((has_prefix(name, len, c->name, &plen) && plen < len) ||
            (c->raw_short && has_prefix(name, len, c->raw_short, &plen) && plen < len))
            start = plen;
    }
    size_t rest = strip_suffix(name + start, len - start, TOWNSHIP_SUFFIXES,
                               COUNT_OF(TOWNSHIP_SUFFIXES), kind == JY_TOWNSHIP_SPECIAL, &cls);
    *out_start = start;
    *out_len = rest;
}

static void village_short(const char *name, size_t len, size_t *out_len, int *out_cls)
{
    *out_len = strip_suffix(name, len, VILLAGE_SUFFIXES, COUNT_OF(VILLAGE_SUFFIXES), 0, out_cls);
}

/* ------------------------------------------------------------------------- */
/* Normalization helpers. */

static int is_space_cp(unsigned int cp)
{
    return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF;
}

/* Removes whitespace (and zero-width characters) in place from well-formed
 * UTF-8; returns the new length. */
static size_t squeeze_spaces(char *s, size_t len)
{
    size_t r = 0, w = 0;
    while (r < len) {
        unsigned int cp = 0;
        size_t n = jy__utf8_decode(s + r, len - r, &cp);
        if (n == 0) {
            s[w++] = s[r++]; /* not reached on normalized text */
            continue;
        }
        if (!is_space_cp(cp)) {
            memmove(s + w, s + r, n);
            w += n;
        }
        r += n;
    }
    s[w] = '\0';
    return w;
}

static size_t utf8_encode(unsigned int cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Folds rare characters of s[0..len) into dst (which may be s itself, and
 * must hold len + 1 bytes); returns the new length. */
static size_t fold_rare(const char *s, size_t len, char *dst)
{
    size_t r = 0, w = 0;
    while (r < len) {
        unsigned int cp = 0;
        size_t n = jy__utf8_decode(s + r, len - r, &cp);
        if (n == 0) {
            dst[w++] = s[r++];
            continue;
        }
        size_t i;
        for (i = 0; i < COUNT_OF(RARE_FOLDS); i++)
            if (RARE_FOLDS[i].from == cp)
                break;
        char enc[4];
        size_t en = i < COUNT_OF(RARE_FOLDS) ? utf8_encode(RARE_FOLDS[i].to, enc) : 0;
        if (en && en <= n) {
            memcpy(dst + w, enc, en);
            w += en;
        } else {
            memmove(dst + w, s + r, n);
            w += n;
        }
        r += n;
    }
    dst[w] = '\0';
    return w;
}

/* Normalizes text into a newly allocated string without whitespace. */
static int normalize(const char *text, size_t len, char **out, size_t *out_len)
{
    size_t n = 0;
    int rc = jy_text_normalize(out, &n, text, len);
    if (rc != JY_OK)
        return rc;
    *out_len = squeeze_spaces(*out, n);
    return JY_OK;
}

/* Stores the normalized key of text and its folded form in the arena. */
static int make_key(jy_county *c, const char *text, size_t len, const char **out,
                    const char **out_folded)
{
    char *norm = NULL;
    size_t n = 0;
    int rc = normalize(text, len, &norm, &n);
    if (rc != JY_OK)
        return rc;
    *out = arena_strndup(&c->arena, norm, n);
    if (!*out) {
        jy_free(norm);
        return JY_ENOMEM;
    }
    size_t fn = fold_rare(norm, n, norm);
    if (fn == n && memcmp(norm, *out, n) == 0) {
        *out_folded = *out;
    } else {
        *out_folded = arena_strndup(&c->arena, norm, fn);
        if (!*out_folded) {
            jy_free(norm);
            return JY_ENOMEM;
        }
    }
    jy_free(norm);
    return JY_OK;
}

/* ------------------------------------------------------------------------- */
/* Loading. */

/* path = base.member (truncated if it must be; reported paths are bounded). */
static void member_path(char *path, size_t size, const char *base, const char *member)
{
    if (snprintf(path, size, "%s.%s", base, member) < 0)
        path[0] = '\0';
}

typedef struct loader {
    jy_county *c;
    jy_located_error *err;
} loader;

static int fail(loader *ld, int code, const char *field, const char *fmt, ...) JY__PRINTF(4, 5);

static int fail(loader *ld, int code, const char *field, const char *fmt, ...)
{
    char text[JY_LOCATION_TEXT_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return jy__located(ld->err, code, 0, 0, 0, field, "%s", text);
}

static int fail_status(loader *ld, int rc, const char *field)
{
    if (rc == JY_ENOMEM)
        return fail(ld, JY_ENOMEM, field, "out of memory");
    return fail(ld, rc, field, "%s", jy_error_last()->message);
}

static const char *type_name(const cJSON *item)
{
    if (cJSON_IsString(item))
        return "a string";
    if (cJSON_IsNumber(item))
        return "a number";
    if (cJSON_IsBool(item))
        return "a boolean";
    if (cJSON_IsNull(item))
        return "null";
    if (cJSON_IsArray(item))
        return "an array";
    if (cJSON_IsObject(item))
        return "an object";
    return "invalid";
}

/* A member that must be an object or an array. */
static int get_container(loader *ld, const cJSON *obj, const char *key, const char *path,
                         int want_array, const cJSON **out)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!item)
        return fail(ld, JY_EINVAL, path, "missing member '%s'", key);
    if (want_array ? !cJSON_IsArray(item) : !cJSON_IsObject(item))
        return fail(ld, JY_EINVAL, path, "must be %s, not %s", want_array ? "an array" : "an object",
                    type_name(item));
    *out = item;
    return JY_OK;
}

/* Checks a name: a non-empty, well-formed UTF-8 string without control
 * characters and not only whitespace. */
static int check_name(loader *ld, const cJSON *item, const char *path)
{
    if (!cJSON_IsString(item) || !item->valuestring)
        return fail(ld, JY_EINVAL, path, "must be a string, not %s", type_name(item));
    const char *s = item->valuestring;
    size_t len = strlen(s);
    size_t off = 0;
    if (jy_utf8_check(&off, s, len) != JY_OK)
        return fail(ld, JY_EUTF8, path, "invalid UTF-8 at byte %zu of the name", off);
    int visible = 0;
    size_t i = 0;
    while (i < len) {
        unsigned int cp = 0;
        size_t n = jy__utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            n = 1;
        if (cp < 0x20 || cp == 0x7F)
            return fail(ld, JY_EINVAL, path, "control character in the name");
        if (!is_space_cp(cp))
            visible = 1;
        i += n;
    }
    if (!visible)
        return fail(ld, JY_EINVAL, path, "must not be empty");
    return JY_OK;
}

/* Checks a code: a string of `digits` ASCII digits starting with `prefix`. */
static int check_code(loader *ld, const cJSON *item, const char *path, size_t digits,
                      const char *prefix, const char *what)
{
    if (!item)
        return fail(ld, JY_EINVAL, path, "missing %s code", what);
    if (!cJSON_IsString(item) || !item->valuestring)
        return fail(ld, JY_EINVAL, path, "%s code must be a string of %zu digits, not %s", what,
                    digits, type_name(item));
    const char *s = item->valuestring;
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return fail(ld, JY_EINVAL, path, "%s code must be %zu ASCII digits", what, digits);
    if (len != digits)
        return fail(ld, JY_EINVAL, path, "%s code must be %zu digits, not %zu", what, digits, len);
    if (prefix) {
        size_t pl = strlen(prefix);
        if (memcmp(s, prefix, pl) != 0)
            return fail(ld, JY_EINVAL, path, "%s code %s does not start with %s", what, s, prefix);
        if (strcmp(s + pl, "000") == 0)
            return fail(ld, JY_EINVAL, path, "%s code %s: number 000 is reserved", what, s);
    }
    return JY_OK;
}

static int kind_of(const char *code9)
{
    int n = (code9[6] - '0') * 100 + (code9[7] - '0') * 10 + (code9[8] - '0');
    if (n < 100)
        return JY_TOWNSHIP_STREET;
    if (n < 200)
        return JY_TOWNSHIP_TOWN;
    if (n < 400)
        return JY_TOWNSHIP_TOWNSHIP;
    return JY_TOWNSHIP_SPECIAL;
}

/* Adds one lookup key for a name of a unit. */
static int add_key(loader *ld, const char *name, int is_village, int kind, const char *path)
{
    jy_county *c = ld->c;
    if (c->key_count == c->key_cap)
        return fail(ld, JY_ERROR, path, "internal error: key count");
    county_key *k = &c->keys[c->key_count];
    size_t len = strlen(name), start = 0, slen = 0;
    int cls = 0;
    if (is_village)
        village_short(name, len, &slen, &cls);
    else
        township_short(c, name, len, kind, &start, &slen);
    int rc = make_key(c, name, len, &k->full, &k->full_folded);
    if (rc == JY_OK)
        rc = make_key(c, name + start, slen, &k->short_key, &k->short_folded);
    if (rc != JY_OK)
        return fail_status(ld, rc, path);
    if (!*k->full)
        return fail(ld, JY_EINVAL, path, "must not be empty");
    c->key_count++;
    return JY_OK;
}

/* Checks and adds the optional "name_2023" and "aliases" of a unit. */
static int add_other_names(loader *ld, const cJSON *obj, const char *base, int is_village,
                           int kind, const char *official)
{
    char path[PATH_BUF];
    const cJSON *n23 = cJSON_GetObjectItemCaseSensitive(obj, "name_2023");
    int rc;
    if (n23 && !is_village) {
        member_path(path, sizeof path, base, "name_2023");
        if ((rc = check_name(ld, n23, path)) != JY_OK)
            return rc;
        if (strcmp(n23->valuestring, official) != 0 &&
            (rc = add_key(ld, n23->valuestring, is_village, kind, path)) != JY_OK)
            return rc;
    }
    const cJSON *aliases = cJSON_GetObjectItemCaseSensitive(obj, "aliases");
    if (!aliases)
        return JY_OK;
    member_path(path, sizeof path, base, "aliases");
    if (!cJSON_IsArray(aliases))
        return fail(ld, JY_EINVAL, path, "must be an array of strings, not %s", type_name(aliases));
    size_t i = 0;
    const cJSON *a;
    cJSON_ArrayForEach(a, aliases) {
        snprintf(path, sizeof path, "%s.aliases[%zu]", base, i);
        if ((rc = check_name(ld, a, path)) != JY_OK)
            return rc;
        if ((rc = add_key(ld, a->valuestring, is_village, kind, path)) != JY_OK)
            return rc;
        i++;
    }
    return JY_OK;
}

static size_t array_size(const cJSON *item)
{
    if (!cJSON_IsArray(item))
        return 0;
    int n = cJSON_GetArraySize(item);
    return n > 0 ? (size_t)n : 0;
}

/* Upper bound of the keys a unit contributes (official, 2023, aliases). */
static size_t keys_of(const cJSON *obj)
{
    return 2 + array_size(cJSON_GetObjectItemCaseSensitive(obj, "aliases"));
}

typedef struct code_ref {
    const char *code;
    size_t index;
} code_ref;

static int code_ref_cmp(const void *a, const void *b)
{
    const code_ref *x = a, *y = b;
    int r = strcmp(x->code, y->code);
    if (r)
        return r;
    return (x->index > y->index) - (x->index < y->index);
}

/* Finds a duplicate code; returns 1 and the later index and the earlier one
 * of the duplicate that appears first in file order. */
static int find_duplicate(code_ref *refs, size_t n, size_t *out_later, size_t *out_first)
{
    qsort(refs, n, sizeof *refs, code_ref_cmp);
    int found = 0;
    for (size_t i = 1; i < n; i++) {
        if (strcmp(refs[i - 1].code, refs[i].code) == 0 && (!found || refs[i].index < *out_later)) {
            /* refs[i - 1] is not necessarily the first of its group: walk back. */
            size_t j = i - 1;
            while (j > 0 && strcmp(refs[j - 1].code, refs[i].code) == 0)
                j--;
            *out_later = refs[i].index;
            *out_first = refs[j].index;
            found = 1;
        }
    }
    return found;
}

static void village_path(const jy_county *c, size_t vi, char *buf, size_t size)
{
    const jy_village *v = &c->villages[vi];
    size_t ti = (size_t)(v->township - c->townships);
    size_t local = (size_t)(v - v->township->villages);
    snprintf(buf, size, "townships[%zu].villages[%zu].code", ti, local);
}

static int check_duplicates(loader *ld)
{
    jy_county *c = ld->c;
    size_t n = c->township_count > c->village_count ? c->township_count : c->village_count;
    code_ref *refs = jy__calloc(n ? n : 1, sizeof *refs);
    if (!refs)
        return fail(ld, JY_ENOMEM, "", "out of memory");
    size_t later = 0, first = 0;
    char path[PATH_BUF], other[PATH_BUF];
    int rc = JY_OK;

    for (size_t i = 0; i < c->township_count; i++)
        refs[i] = (code_ref){ c->townships[i].code, i };
    if (find_duplicate(refs, c->township_count, &later, &first)) {
        snprintf(path, sizeof path, "townships[%zu].code", later);
        rc = fail(ld, JY_EINVAL, path, "duplicate code %s (also townships[%zu])",
                  c->townships[later].code, first);
        goto done;
    }
    for (size_t i = 0; i < c->village_count; i++)
        refs[i] = (code_ref){ c->villages[i].code, i };
    if (find_duplicate(refs, c->village_count, &later, &first)) {
        village_path(c, later, path, sizeof path);
        village_path(c, first, other, sizeof other);
        rc = fail(ld, JY_EINVAL, path, "duplicate code %s (also %s)", c->villages[later].code,
                  other);
    }
done:
    free(refs);
    return rc;
}

static int load_village(loader *ld, const cJSON *vo, size_t ti, size_t vi, jy_township *t,
                        jy_village *v, unit_meta *m)
{
    jy_county *c = ld->c;
    char base[PATH_BUF], path[PATH_BUF];
    int rc;
    snprintf(base, sizeof base, "townships[%zu].villages[%zu]", ti, vi);
    if (!cJSON_IsObject(vo))
        return fail(ld, JY_EINVAL, base, "must be an object, not %s", type_name(vo));

    const cJSON *code = cJSON_GetObjectItemCaseSensitive(vo, "code");
    member_path(path, sizeof path, base, "code");
    if ((rc = check_code(ld, code, path, 12, t->code, "village")) != JY_OK)
        return rc;
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(vo, "name");
    member_path(path, sizeof path, base, "name");
    if (!name)
        return fail(ld, JY_EINVAL, path, "missing village name");
    if ((rc = check_name(ld, name, path)) != JY_OK)
        return rc;

    const char *nm = name->valuestring;
    size_t len = strlen(nm), slen = 0;
    int cls = 0;
    village_short(nm, len, &slen, &cls);
    v->code = arena_strndup(&c->arena, code->valuestring, 12);
    v->name = arena_strndup(&c->arena, nm, len);
    v->short_name = arena_strndup(&c->arena, nm, slen);
    v->township = t;
    if (!v->code || !v->name || !v->short_name)
        return fail(ld, JY_ENOMEM, base, "out of memory");
    m->key_first = c->key_count;
    m->cls = cls;
    if ((rc = add_key(ld, nm, 1, 0, path)) != JY_OK)
        return rc;
    if ((rc = add_other_names(ld, vo, base, 1, 0, nm)) != JY_OK)
        return rc;
    m->key_count = c->key_count - m->key_first;
    return JY_OK;
}

static int load_township(loader *ld, const cJSON *to, size_t ti, size_t *vnext)
{
    jy_county *c = ld->c;
    jy_township *t = &c->townships[ti];
    unit_meta *m = &c->tmeta[ti];
    char base[PATH_BUF], path[PATH_BUF];
    int rc;
    snprintf(base, sizeof base, "townships[%zu]", ti);
    if (!cJSON_IsObject(to))
        return fail(ld, JY_EINVAL, base, "must be an object, not %s", type_name(to));

    const cJSON *code = cJSON_GetObjectItemCaseSensitive(to, "code");
    member_path(path, sizeof path, base, "code");
    if ((rc = check_code(ld, code, path, 9, c->code, "township")) != JY_OK)
        return rc;
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(to, "name");
    member_path(path, sizeof path, base, "name");
    if (!name)
        return fail(ld, JY_EINVAL, path, "missing township name");
    if ((rc = check_name(ld, name, path)) != JY_OK)
        return rc;

    const char *nm = name->valuestring;
    size_t len = strlen(nm), start = 0, slen = 0;
    t->kind = (jy_township_kind)kind_of(code->valuestring);
    township_short(c, nm, len, (int)t->kind, &start, &slen);
    t->code = arena_strndup(&c->arena, code->valuestring, 9);
    t->name = arena_strndup(&c->arena, nm, len);
    t->short_name = arena_strndup(&c->arena, nm + start, slen);
    if (!t->code || !t->name || !t->short_name)
        return fail(ld, JY_ENOMEM, base, "out of memory");
    m->key_first = c->key_count;
    m->cls = (int)t->kind;
    if ((rc = add_key(ld, nm, 0, (int)t->kind, path)) != JY_OK)
        return rc;
    if ((rc = add_other_names(ld, to, base, 0, (int)t->kind, nm)) != JY_OK)
        return rc;
    m->key_count = c->key_count - m->key_first;

    const cJSON *villages = NULL;
    member_path(path, sizeof path, base, "villages");
    if ((rc = get_container(ld, to, "villages", path, 1, &villages)) != JY_OK)
        return rc;
    t->villages = &c->villages[*vnext];
    t->village_count = 0;
    const cJSON *vo;
    size_t vi = 0;
    cJSON_ArrayForEach(vo, villages) {
        if (*vnext >= c->village_count)
            return fail(ld, JY_ERROR, path, "internal error: village count");
        rc = load_village(ld, vo, ti, vi, t, &c->villages[*vnext], &c->vmeta[*vnext]);
        if (rc != JY_OK)
            return rc;
        (*vnext)++;
        vi++;
        t->village_count = vi;
    }
    return JY_OK;
}

static int load_county_header(loader *ld, const cJSON *root)
{
    jy_county *c = ld->c;
    const cJSON *county = NULL;
    int rc;
    if ((rc = get_container(ld, root, "county", "county", 0, &county)) != JY_OK)
        return rc;
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(county, "code");
    if ((rc = check_code(ld, code, "county.code", 6, NULL, "county")) != JY_OK)
        return rc;
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(county, "name");
    if (!name)
        return fail(ld, JY_EINVAL, "county.name", "missing county name");
    if ((rc = check_name(ld, name, "county.name")) != JY_OK)
        return rc;
    const char *nm = name->valuestring;
    size_t len = strlen(nm);
    c->code = arena_strndup(&c->arena, code->valuestring, 6);
    c->name = arena_strndup(&c->arena, nm, len);
    if (!c->code || !c->name)
        return fail(ld, JY_ENOMEM, "county", "out of memory");
    const char *folded_unused = NULL;
    if ((rc = make_key(c, nm, len, &c->key_name, &folded_unused)) != JY_OK)
        return fail_status(ld, rc, "county.name");
    c->raw_short = NULL;
    c->key_short = NULL;
    for (size_t i = 0; i < COUNT_OF(COUNTY_SUFFIXES); i++) {
        size_t rest;
        if (has_suffix(nm, len, COUNTY_SUFFIXES[i], &rest) && rest > 0) {
            c->raw_short = arena_strndup(&c->arena, nm, rest);
            if (!c->raw_short)
                return fail(ld, JY_ENOMEM, "county", "out of memory");
            if ((rc = make_key(c, nm, rest, &c->key_short, &folded_unused)) != JY_OK)
                return fail_status(ld, rc, "county.name");
            if (!*c->key_short)
                c->key_short = NULL;
            break;
        }
    }
    return JY_OK;
}

static int build_county(loader *ld, const cJSON *root)
{
    jy_county *c = ld->c;
    int rc;
    if (!cJSON_IsObject(root))
        return fail(ld, JY_EINVAL, "", "the profile must be a JSON object, not %s",
                    type_name(root));
    if ((rc = load_county_header(ld, root)) != JY_OK)
        return rc;
    const cJSON *townships = NULL;
    if ((rc = get_container(ld, root, "townships", "townships", 1, &townships)) != JY_OK)
        return rc;
    size_t tn = array_size(townships);
    if (tn == 0)
        return fail(ld, JY_EINVAL, "townships", "must list at least one township");

    /* Sizes, from the tree as it is (checked while loading). */
    size_t vn = 0, kn = 0;
    const cJSON *to;
    cJSON_ArrayForEach(to, townships) {
        kn += keys_of(to);
        const cJSON *vs = cJSON_GetObjectItemCaseSensitive(to, "villages");
        const cJSON *vo;
        if (cJSON_IsArray(vs)) {
            cJSON_ArrayForEach(vo, vs) {
                vn++;
                kn += keys_of(vo);
            }
        }
    }
    c->townships = jy__calloc(tn, sizeof *c->townships);
    c->tmeta = jy__calloc(tn, sizeof *c->tmeta);
    c->villages = jy__calloc(vn ? vn : 1, sizeof *c->villages);
    c->vmeta = jy__calloc(vn ? vn : 1, sizeof *c->vmeta);
    c->keys = jy__calloc(kn, sizeof *c->keys);
    if (!c->townships || !c->tmeta || !c->villages || !c->vmeta || !c->keys)
        return fail(ld, JY_ENOMEM, "", "out of memory");
    c->township_count = tn;
    c->village_count = vn;
    c->key_cap = kn;

    size_t ti = 0, vnext = 0;
    cJSON_ArrayForEach(to, townships) {
        if ((rc = load_township(ld, to, ti, &vnext)) != JY_OK)
            return rc;
        ti++;
    }
    return check_duplicates(ld);
}

/* Parses NUL-terminated JSON text of `len` bytes (text[len] == '\0'). */
static int load_text(jy_county **out, const char *text, size_t len, jy_located_error *err)
{
    cJSON *root = NULL;
    int rc = jy__json_parse(&root, text, len, err);
    if (rc != JY_OK)
        return rc;

    jy_county *c = jy__calloc(1, sizeof *c);
    if (!c) {
        cJSON_Delete(root);
        return jy__located(err, JY_ENOMEM, 0, 0, 0, NULL, "out of memory");
    }
    loader ld = { c, err };
    rc = build_county(&ld, root);
    cJSON_Delete(root);
    if (rc != JY_OK) {
        jy_county_free(c);
        return rc;
    }
    *out = c;
    return JY_OK;
}

int jy_county_load_buffer(jy_county **out, const char *json, size_t len, jy_located_error *err)
{
    jy__located_reset(err, "<memory>");
    if (out)
        *out = NULL;
    if (!out || (!json && len))
        return jy__located(err, JY_EINVAL, 0, 0, 0, NULL, "jy_county_load_buffer: NULL argument");
    if (len >= (size_t)PTRDIFF_MAX)
        return jy__located(err, JY_ENOMEM, 0, 0, 0, NULL, "a profile of %zu bytes is too large",
                           len);
    char *copy = jy__strndup(json ? json : "", len);
    if (!copy)
        return jy__located(err, JY_ENOMEM, 0, 0, 0, NULL, "out of memory");
    int rc = load_text(out, copy, len, err);
    free(copy);
    return rc;
}

int jy_county_load_file(jy_county **out, const char *path, jy_located_error *err)
{
    jy__located_reset(err, path);
    if (out)
        *out = NULL;
    if (!out || !path)
        return jy__located(err, JY_EINVAL, 0, 0, 0, NULL, "jy_county_load_file: NULL argument");
    char *buf = NULL;
    size_t len = 0;
    int rc = jy__read_file(&buf, &len, path, COUNTY_FILE_MAX, err);
    if (rc != JY_OK)
        return rc;
    rc = load_text(out, buf, len, err);
    free(buf);
    return rc;
}

int jy_county_load_default(jy_county **out)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_county_load_default: out is NULL");
    *out = NULL;
    jy_located_error err;
    jy__located_reset(&err, "<built-in profile>");
    /* The embedded bytes are NUL-terminated (cmake/embed.cmake). */
    return load_text(out, (const char *)jy__embedded_xingan_divisions,
                     jy__embedded_xingan_divisions_size, &err);
}

void jy_county_free(jy_county *county)
{
    if (!county)
        return;
    free(county->townships);
    free(county->tmeta);
    free(county->villages);
    free(county->vmeta);
    free(county->keys);
    arena_free(county->arena);
    free(county);
}

/* ------------------------------------------------------------------------- */
/* Accessors. */

const char *jy_county_code(const jy_county *county)
{
    return county ? county->code : NULL;
}

const char *jy_county_name(const jy_county *county)
{
    return county ? county->name : NULL;
}

size_t jy_county_township_count(const jy_county *county)
{
    return county ? county->township_count : 0;
}

const jy_township *jy_county_township_at(const jy_county *county, size_t index)
{
    if (!county || index >= county->township_count)
        return NULL;
    return &county->townships[index];
}

/* ------------------------------------------------------------------------- */
/* Lookups. */

/* Which units a search covers: townships, or villages [first, first + n). */
typedef struct scope {
    const jy_county *c;
    int villages;
    size_t first;
    size_t n;
} scope;

typedef struct match {
    size_t count;
    size_t idx[LISTED_MAX];
} match;

enum { KEY_FULL, KEY_FULL_FOLDED, KEY_SHORT, KEY_SHORT_FOLDED };

static const char *key_field(const county_key *k, int which)
{
    switch (which) {
    case KEY_FULL: return k->full;
    case KEY_FULL_FOLDED: return k->full_folded;
    case KEY_SHORT: return k->short_key;
    default: return k->short_folded;
    }
}

static void scan(const scope *s, int which, const char *q, size_t qlen, int cls, match *m)
{
    const unit_meta *meta = s->villages ? s->c->vmeta : s->c->tmeta;
    m->count = 0;
    if (qlen == 0)
        return;
    for (size_t e = s->first; e < s->first + s->n; e++) {
        if (cls && meta[e].cls != cls)
            continue;
        for (size_t k = 0; k < meta[e].key_count; k++) {
            const char *key = key_field(&s->c->keys[meta[e].key_first + k], which);
            if (strncmp(key, q, qlen) == 0 && key[qlen] == '\0') {
                if (m->count < LISTED_MAX)
                    m->idx[m->count] = e;
                m->count++;
                break;
            }
        }
    }
}

/* Steps 1-6 of the lookup order for one form of the query; `fq` is scratch of
 * qlen + 1 bytes. Returns 1 when something matched. */
static int search_form(const scope *s, const char *q, size_t qlen, char *fq, match *m)
{
    /* The folded steps run even when the query has nothing to fold: the
     * stored name may (麦斜镇 against 麦㙦镇). */
    size_t fqlen = fold_rare(q, qlen, fq);
    static const int steps[4] = { KEY_FULL, KEY_FULL_FOLDED, KEY_SHORT, KEY_SHORT_FOLDED };
    for (size_t i = 0; i < 4; i++) {
        int folded = steps[i] == KEY_FULL_FOLDED || steps[i] == KEY_SHORT_FOLDED;
        scan(s, steps[i], folded ? fq : q, folded ? fqlen : qlen, 0, m);
        if (m->count)
            return 1;
    }

    const suffix *list = s->villages ? VILLAGE_SUFFIXES : TOWNSHIP_SUFFIXES;
    size_t nlist = s->villages ? COUNT_OF(VILLAGE_SUFFIXES) : COUNT_OF(TOWNSHIP_SUFFIXES);
    for (int pass = 0; pass < 2; pass++) {
        const char *text = pass ? fq : q;
        size_t tlen = pass ? fqlen : qlen;
        int cls = 0;
        size_t slen = strip_suffix(text, tlen, list, nlist, 1, &cls);
        if (slen == tlen)
            continue;
        int which = pass ? KEY_SHORT_FOLDED : KEY_SHORT;
        scan(s, which, text, slen, 0, m);
        if (m->count > 1 && cls) {
            match narrowed;
            scan(s, which, text, slen, cls, &narrowed);
            if (narrowed.count)
                *m = narrowed;
        }
        if (m->count)
            return 1;
    }
    return 0;
}

/* The whole lookup order; the query as given, then without the county name. */
static void search(const scope *s, const char *q, size_t qlen, char *fq, match *m)
{
    if (search_form(s, q, qlen, fq, m))
        return;
    const char *prefixes[2] = { s->c->key_name, s->c->key_short };
    for (size_t i = 0; i < 2; i++) {
        size_t plen;
        if (prefixes[i] && has_prefix(q, qlen, prefixes[i], &plen) && plen < qlen &&
            search_form(s, q + plen, qlen - plen, fq, m))
            return;
    }
    m->count = 0;
}

static int all_digits(const char *q, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (q[i] < '0' || q[i] > '9')
            return 0;
    return len > 0;
}

/* Normalizes a query; rejects empty text. */
static int prepare_query(const char *query, const char *what, char **out, size_t *out_len,
                         char **scratch)
{
    *out = NULL;
    *scratch = NULL;
    int rc = normalize(query, strlen(query), out, out_len);
    if (rc != JY_OK)
        return rc == JY_EUTF8 ? jy__error(JY_EUTF8, "%s: the query is not valid UTF-8", what) : rc;
    if (*out_len == 0) {
        jy_free(*out);
        *out = NULL;
        return jy__error(JY_EINVAL, "%s: the query is empty", what);
    }
    *scratch = jy__malloc(*out_len + 1);
    if (!*scratch) {
        jy_free(*out);
        *out = NULL;
        return JY_ENOMEM;
    }
    return JY_OK;
}

/* The query for messages: bounded, never splitting a character. */
static void quote_query(char *buf, size_t size, const char *q)
{
    jy__strlcpy_utf8(buf, size, q);
}

static int report(const scope *s, const match *m, const char *q, const char *within)
{
    char shown[64];
    quote_query(shown, sizeof shown, q);
    const char *what = s->villages ? "village" : "township-level unit";
    if (m->count == 0) {
        if (within)
            return jy__error(JY_ENOTFOUND, "no %s '%s' in %s", what, shown, within);
        return jy__error(JY_ENOTFOUND, "no %s '%s' in the county", what, shown);
    }
    char list[400];
    size_t used = 0;
    list[0] = '\0';
    size_t shown_n = m->count < LISTED_MAX ? m->count : LISTED_MAX;
    for (size_t i = 0; i < shown_n && used < sizeof list; i++) {
        int n;
        if (s->villages) {
            const jy_village *v = &s->c->villages[m->idx[i]];
            n = snprintf(list + used, sizeof list - used, "%s%s %s (%s)", i ? ", " : "",
                         v->township->name, v->name, v->code);
        } else {
            const jy_township *t = &s->c->townships[m->idx[i]];
            n = snprintf(list + used, sizeof list - used, "%s%s (%s)", i ? ", " : "", t->name,
                         t->code);
        }
        if (n < 0)
            break;
        used += (size_t)n;
    }
    const char *hint = "";
    if (s->villages) {
        int same_township = 1;
        for (size_t i = 1; i < shown_n; i++)
            if (s->c->villages[m->idx[i]].township != s->c->villages[m->idx[0]].township)
                same_township = 0;
        if (!same_township)
            hint = "; give the township";
        else
            hint = "; write the full name (村委会 or 居委会)";
    }
    return jy__error(JY_EAMBIGUOUS, "'%s' matches %zu %ss: %s%s%s", shown, m->count, what, list,
                     m->count > shown_n ? ", ..." : "", hint);
}

static int find_township(const jy_township **out, const jy_county *c, const char *q, size_t qlen,
                         char *fq)
{
    if (all_digits(q, qlen)) {
        if (qlen == 12 && strcmp(q + 9, "000") == 0)
            qlen = 9;
        if (qlen != 9)
            return jy__error(JY_ENOTFOUND,
                             "no township-level unit with code %s (township codes have 9 digits, "
                             "or 12 ending in 000)", q);
        for (size_t i = 0; i < c->township_count; i++) {
            if (strncmp(c->townships[i].code, q, 9) == 0) {
                *out = &c->townships[i];
                return JY_OK;
            }
        }
        return jy__error(JY_ENOTFOUND, "no township-level unit with code %.9s", q);
    }
    scope s = { c, 0, 0, c->township_count };
    match m;
    search(&s, q, qlen, fq, &m);
    if (m.count != 1)
        return report(&s, &m, q, NULL);
    *out = &c->townships[m.idx[0]];
    return JY_OK;
}

int jy_county_find_township(const jy_township **out, const jy_county *county, const char *query)
{
    if (out)
        *out = NULL;
    if (!out || !county || !query)
        return jy__error(JY_EINVAL, "jy_county_find_township: NULL argument");
    /* A bare code (what the ledgers store) needs no normalization. */
    size_t len = strlen(query);
    if (all_digits(query, len) && (len == 9 || len == 12))
        return find_township(out, county, query, len, NULL);
    char *q = NULL, *fq = NULL;
    size_t qlen = 0;
    int rc = prepare_query(query, "jy_county_find_township", &q, &qlen, &fq);
    if (rc != JY_OK)
        return rc;
    rc = find_township(out, county, q, qlen, fq);
    jy_free(q);
    jy_free(fq);
    return rc;
}

int jy_county_find_village(const jy_village **out, const jy_county *county, const char *township,
                           const char *query)
{
    if (out)
        *out = NULL;
    if (!out || !county || !query)
        return jy__error(JY_EINVAL, "jy_county_find_village: NULL argument");

    const jy_township *t = NULL;
    if (township) {
        int rc = jy_county_find_township(&t, county, township);
        if (rc != JY_OK)
            return rc;
    }
    scope s = { county, 1, 0, county->village_count };
    if (t) {
        s.first = (size_t)(t->villages - county->villages);
        s.n = t->village_count;
    }
    /* A bare code (what the ledgers store) needs no normalization. */
    size_t len = strlen(query);
    if (len == 12 && all_digits(query, len)) {
        for (size_t i = s.first; i < s.first + s.n; i++) {
            if (memcmp(county->villages[i].code, query, 12) == 0) {
                *out = &county->villages[i];
                return JY_OK;
            }
        }
    }
    char *q = NULL, *fq = NULL;
    size_t qlen = 0;
    int rc = prepare_query(query, "jy_county_find_village", &q, &qlen, &fq);
    if (rc != JY_OK)
        return rc;

    if (all_digits(q, qlen)) {
        rc = JY_ENOTFOUND;
        if (qlen == 12) {
            for (size_t i = s.first; i < s.first + s.n; i++) {
                if (strcmp(county->villages[i].code, q) == 0) {
                    *out = &county->villages[i];
                    rc = JY_OK;
                    break;
                }
            }
        }
        if (rc != JY_OK) {
            if (qlen != 12)
                rc = jy__error(JY_ENOTFOUND, "no village with code %s (village codes have 12 "
                                             "digits)", q);
            else if (t)
                rc = jy__error(JY_ENOTFOUND, "no village with code %s in %s", q, t->name);
            else
                rc = jy__error(JY_ENOTFOUND, "no village with code %s", q);
        }
    } else {
        match m;
        search(&s, q, qlen, fq, &m);
        if (m.count == 1) {
            *out = &county->villages[m.idx[0]];
            rc = JY_OK;
        } else {
            rc = report(&s, &m, q, t ? t->name : NULL);
        }
    }
    jy_free(q);
    jy_free(fq);
    return rc;
}
