/* Folding for matching (NFKC-style compatibility mapping, case folding,
 * traditional -> simplified, separators) and the tokenizer. */
#include "internal.h"
#include "text_internal.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

/* ------------------------------------------------------------------------- */
/* Traditional -> simplified                                                 */
/* ------------------------------------------------------------------------- */

/* The table covers CJK Extension A and the Unified Ideographs block, where
 * every traditional character of data/t2s.tsv lies: 0 means "no mapping". */
#define T2S_FIRST 0x3400u
#define T2S_LAST 0x9FFFu

static uint16_t t2s_table[T2S_LAST - T2S_FIRST + 1];
static pthread_once_t t2s_once = PTHREAD_ONCE_INIT;

/* Parses the embedded table: "trad<TAB>simp" lines, '#' comments. Lines
 * that do not have this shape are skipped (the file is ours and tested). */
static void t2s_load(void)
{
    const char *p = (const char *)jy__embedded_t2s;
    const char *end = p + jy__embedded_t2s_size;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        if (*p != '#') {
            unsigned int from, to;
            size_t n1 = jy__utf8_decode(p, (size_t)(eol - p), &from);
            if (n1 && p + n1 < eol && p[n1] == '\t') {
                const char *q = p + n1 + 1;
                size_t n2 = jy__utf8_decode(q, (size_t)(eol - q), &to);
                if (n2 && from >= T2S_FIRST && from <= T2S_LAST && to <= 0xFFFFu)
                    t2s_table[from - T2S_FIRST] = (uint16_t)to;
            }
        }
        p = eol + 1;
    }
}

static unsigned int simplify(unsigned int cp)
{
    if (cp < T2S_FIRST || cp > T2S_LAST)
        return cp;
    unsigned int s = t2s_table[cp - T2S_FIRST];
    return s ? s : cp;
}

unsigned int jy_text_simplify_char(unsigned int cp)
{
    pthread_once(&t2s_once, t2s_load);
    return simplify(cp);
}

/* ------------------------------------------------------------------------- */
/* Folding                                                                   */
/* ------------------------------------------------------------------------- */

static int is_han(unsigned int cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x20000 && cp <= 0x323AF) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

int jy__fold_class_slow(unsigned int cp)
{
    if (cp < 0x80) {
        if (cp >= '0' && cp <= '9')
            return JY__CLASS_DIGIT;
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
            return JY__CLASS_ALPHA;
        return JY__CLASS_SEP;
    }
    if (is_han(cp))
        return JY__CLASS_CJK;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return JY__CLASS_ALPHA;
    default:
        return JY__CLASS_SEP;
    }
}

/* Folds one code point into out[] (room for JY__FOLD_MAX); returns how many. */
static size_t fold_cp(unsigned int cp, unsigned int *out)
{
    if (cp < 0x80) {
        out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32u : cp;
        return 1;
    }
    if (cp >= 0x3400 && cp <= 0x9FFF) {
        out[0] = simplify(cp);
        return 1;
    }
    utf8proc_int32_t buf[JY__FOLD_MAX];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        (utf8proc_int32_t)cp, buf, JY__FOLD_MAX,
        UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
            UTF8PROC_IGNORE,
        &boundclass);
    if (n < 0 || n > JY__FOLD_MAX) {
        /* Cannot happen for a valid code point; keep it as it is. */
        out[0] = cp;
        return 1;
    }
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        unsigned int c = (unsigned int)buf[i];
        out[i] = simplify(c);
    }
    return (size_t)n;
}

void jy__fold_init(jy__fold_iter *it, const char *text, size_t len)
{
    pthread_once(&t2s_once, t2s_load);
    it->text = text;
    it->len = len;
    it->pos = 0;
    it->n_out = it->i_out = 0;
    it->src_start = it->src_end = 0;
}

/* Decodes one code point of checked UTF-8; returns its length, or 0 for a
 * sequence cut by the end of the buffer (not reached for checked text). */
static inline size_t decode_checked(const char *s, size_t avail, unsigned int *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned int c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xE0) {
        if (avail < 2)
            return 0;
        *cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        return 2;
    }
    if (c < 0xF0) {
        if (avail < 3)
            return 0;
        *cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        return 3;
    }
    if (avail < 4)
        return 0;
    *cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    return 4;
}

int jy__fold_next_slow(jy__fold_iter *it, unsigned int *out_cp, size_t *out_start,
                       size_t *out_end)
{
    while (it->i_out >= it->n_out) {
        if (it->pos >= it->len)
            return 0;
        unsigned int cp;
        size_t n = decode_checked(it->text + it->pos, it->len - it->pos, &cp);
        if (n == 0) {
            /* Not reached for checked text; treat a bad byte as a separator. */
            cp = ' ';
            n = 1;
        }
        if (cp >= 0x3400 && cp <= 0x9FFF) {
            /* CJK: the common case, one code point out */
            *out_cp = simplify(cp);
            *out_start = it->pos;
            it->pos += n;
            *out_end = it->pos;
            return 1;
        }
        it->src_start = it->pos;
        it->src_end = it->pos + n;
        it->pos += n;
        it->n_out = fold_cp(cp, it->out);
        it->i_out = 0;
    }
    *out_cp = it->out[it->i_out++];
    *out_start = it->src_start;
    *out_end = it->src_end;
    return 1;
}

size_t jy__utf8_encode(unsigned int cp, char *buf)
{
    if (cp < 0x80) {
        buf[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    buf[0] = (char)(0xF0 | (cp >> 18));
    buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* True when the folded code point after the iterator's position is an ASCII
 * digit (used to keep a decimal point between digits). */
static int next_is_digit(const jy__fold_iter *it)
{
    jy__fold_iter copy = *it;
    unsigned int cp;
    size_t s, e;
    return jy__fold_next(&copy, &cp, &s, &e) && cp >= '0' && cp <= '9';
}

static int check_input(const char *text, size_t len, const char *fn)
{
    if (!text && len)
        return jy__error(JY_EINVAL, "%s: text is NULL", fn);
    size_t bad = jy__utf8_first_bad(text, len);
    if (bad < len)
        return jy__error(JY_EUTF8, "invalid UTF-8 sequence at byte offset %zu", bad);
    return JY_OK;
}

int jy_text_fold(char **out, size_t *out_len, const char *text, size_t len)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_text_fold: out is NULL");
    *out = NULL;
    int rc = check_input(text, len, "jy_text_fold");
    if (rc != JY_OK)
        return rc;
    /* Folded text is usually no longer than its source; a few compatibility
     * characters expand (U+FDFA to 18 code points), so the buffer grows. */
    size_t cap = len + 16, n = 0;
    char *buf = jy__malloc(cap);
    if (!buf)
        return JY_ENOMEM;
    jy__fold_iter it;
    jy__fold_init(&it, text, len);
    unsigned int cp;
    size_t s, e;
    int pending_sep = 0, prev_class = JY__CLASS_SEP;
    while (jy__fold_next(&it, &cp, &s, &e)) {
        int cls = jy__fold_class(cp);
        if (cls == JY__CLASS_SEP && cp == '.' && prev_class == JY__CLASS_DIGIT && !pending_sep &&
            next_is_digit(&it))
            cls = JY__CLASS_DIGIT; /* decimal point */
        if (cls == JY__CLASS_SEP) {
            pending_sep = n > 0;
            prev_class = JY__CLASS_SEP;
            continue;
        }
        if (cap - n < 6) {
            size_t ncap = cap * 2;
            char *nbuf = jy__realloc(buf, ncap);
            if (!nbuf) {
                jy_free(buf);
                return JY_ENOMEM;
            }
            buf = nbuf;
            cap = ncap;
        }
        if (pending_sep) {
            buf[n++] = ' ';
            pending_sep = 0;
        }
        n += jy__utf8_encode(cp, buf + n);
        prev_class = cls;
    }
    buf[n] = '\0';
    *out = buf;
    if (out_len)
        *out_len = n;
    return JY_OK;
}

/* ------------------------------------------------------------------------- */
/* Tokenizer                                                                 */
/* ------------------------------------------------------------------------- */

typedef struct tokenizer {
    unsigned int flags;
    jy_token_fn fn;
    void *payload;
    size_t position;
    /* the CJK character before the current one, if in the same run */
    int have_prev;
    char prev_text[4];
    size_t prev_len, prev_start, prev_position;
    /* the letter/digit run being read */
    int in_word, word_alpha, word_digit;
    char word[JY_TOKEN_MAX_BYTES + 1];
    size_t word_len, word_start, word_end;
} tokenizer;

static int flush_word(tokenizer *t)
{
    if (!t->in_word)
        return 0;
    t->in_word = 0;
    size_t pos = t->position++;
    if (!(t->flags & JY_TOKENIZE_WORDS))
        return 0;
    t->word[t->word_len] = '\0';
    jy_token tok;
    tok.text = t->word;
    tok.len = t->word_len;
    tok.start = t->word_start;
    tok.end = t->word_end;
    tok.position = pos;
    tok.kind = t->word_alpha ? (t->word_digit ? JY_TOKEN_MIXED : JY_TOKEN_WORD) : JY_TOKEN_NUMBER;
    return t->fn(&tok, t->payload);
}

static int run_tokenizer(tokenizer *t, const char *text, size_t len)
{
    jy__fold_iter it;
    jy__fold_init(&it, text, len);
    unsigned int cp;
    size_t s, e;
    int rc;
    while (jy__fold_next(&it, &cp, &s, &e)) {
        int cls = jy__fold_class(cp);
        if (cls == JY__CLASS_CJK) {
            if ((rc = flush_word(t)) != 0)
                return rc;
            char cur[4];
            size_t cur_len = jy__utf8_encode(cp, cur);
            size_t pos = t->position++;
            if (t->have_prev && (t->flags & JY_TOKENIZE_BIGRAMS)) {
                char bi[9];
                memcpy(bi, t->prev_text, t->prev_len);
                memcpy(bi + t->prev_len, cur, cur_len);
                bi[t->prev_len + cur_len] = '\0';
                jy_token tok = { bi, t->prev_len + cur_len, t->prev_start, e, t->prev_position,
                                 JY_TOKEN_CJK_BI };
                if ((rc = t->fn(&tok, t->payload)) != 0)
                    return rc;
            }
            if (t->flags & JY_TOKENIZE_UNIGRAMS) {
                char uni[5];
                memcpy(uni, cur, cur_len);
                uni[cur_len] = '\0';
                jy_token tok = { uni, cur_len, s, e, pos, JY_TOKEN_CJK_UNI };
                if ((rc = t->fn(&tok, t->payload)) != 0)
                    return rc;
            }
            t->have_prev = 1;
            memcpy(t->prev_text, cur, cur_len);
            t->prev_len = cur_len;
            t->prev_start = s;
            t->prev_position = pos;
            continue;
        }
        if (cls == JY__CLASS_SEP && cp == '.' && t->in_word && t->word_len > 0 &&
            t->word[t->word_len - 1] >= '0' && t->word[t->word_len - 1] <= '9' &&
            t->word_end == s && next_is_digit(&it))
            cls = JY__CLASS_DIGIT; /* decimal point inside a number */
        if (cls == JY__CLASS_SEP) {
            t->have_prev = 0;
            if ((rc = flush_word(t)) != 0)
                return rc;
            continue;
        }
        /* a letter or digit */
        t->have_prev = 0;
        if (!t->in_word) {
            t->in_word = 1;
            t->word_alpha = t->word_digit = 0;
            t->word_len = 0;
            t->word_start = s;
        }
        if (cls == JY__CLASS_ALPHA)
            t->word_alpha = 1;
        else if (cp != '.')
            t->word_digit = 1;
        t->word_end = e;
        char enc[4];
        size_t n = jy__utf8_encode(cp, enc);
        if (t->word_len + n <= JY_TOKEN_MAX_BYTES) {
            memcpy(t->word + t->word_len, enc, n);
            t->word_len += n;
        }
    }
    return flush_word(t);
}

int jy_text_tokenize_each(const char *text, size_t len, unsigned int flags, jy_token_fn fn,
                          void *payload)
{
    if (!fn)
        return jy__error(JY_EINVAL, "jy_text_tokenize_each: fn is NULL");
    int rc = check_input(text, len, "jy_text_tokenize_each");
    if (rc != JY_OK)
        return rc;
    tokenizer t;
    memset(&t, 0, sizeof t);
    t.flags = flags ? flags : JY_TOKENIZE_ALL;
    t.fn = fn;
    t.payload = payload;
    return run_tokenizer(&t, text ? text : "", len);
}

/* ------------------------------------------------------------------------- */
/* Token lists                                                               */
/* ------------------------------------------------------------------------- */

struct jy_token_list {
    jy_token *tokens;
    size_t count, cap;
    char *texts;          /* token texts, each NUL-terminated */
    size_t texts_len, texts_cap;
};

int jy_token_list_new(jy_token_list **out)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_token_list_new: out is NULL");
    *out = jy__calloc(1, sizeof **out);
    return *out ? JY_OK : JY_ENOMEM;
}

void jy_token_list_free(jy_token_list *list)
{
    if (!list)
        return;
    jy_free(list->tokens);
    jy_free(list->texts);
    jy_free(list);
}

/* Appends a token; its text pointer temporarily holds the offset of its text
 * in list->texts (fixed up once the list is complete). */
static int list_append(const jy_token *tok, void *payload)
{
    jy_token_list *list = payload;
    if (list->count == list->cap) {
        size_t ncap = list->cap ? list->cap * 2 : 64;
        jy_token *n = jy__realloc(list->tokens, ncap * sizeof *n);
        if (!n)
            return JY_ENOMEM;
        list->tokens = n;
        list->cap = ncap;
    }
    if (list->texts_cap - list->texts_len < tok->len + 1) {
        size_t ncap = list->texts_cap ? list->texts_cap * 2 : 512;
        while (ncap - list->texts_len < tok->len + 1)
            ncap *= 2;
        char *n = jy__realloc(list->texts, ncap);
        if (!n)
            return JY_ENOMEM;
        list->texts = n;
        list->texts_cap = ncap;
    }
    jy_token *dst = &list->tokens[list->count++];
    *dst = *tok;
    dst->text = NULL;
    memcpy(list->texts + list->texts_len, tok->text, tok->len);
    list->texts[list->texts_len + tok->len] = '\0';
    /* the text pointer holds the offset until the list is complete */
    dst->text = (const char *)(uintptr_t)list->texts_len;
    list->texts_len += tok->len + 1;
    return 0;
}

int jy_text_tokenize(jy_token_list *list, const char *text, size_t len, unsigned int flags)
{
    if (!list)
        return jy__error(JY_EINVAL, "jy_text_tokenize: list is NULL");
    list->count = 0;
    list->texts_len = 0;
    int rc = jy_text_tokenize_each(text, len, flags, list_append, list);
    if (rc != JY_OK) {
        list->count = 0;
        list->texts_len = 0;
        return rc;
    }
    for (size_t i = 0; i < list->count; i++)
        list->tokens[i].text = list->texts + (uintptr_t)list->tokens[i].text;
    return JY_OK;
}

size_t jy_token_list_count(const jy_token_list *list)
{
    return list ? list->count : 0;
}

const jy_token *jy_token_list_at(const jy_token_list *list, size_t index)
{
    if (!list || index >= list->count)
        return NULL;
    return &list->tokens[index];
}

const jy_token *jy_token_list_tokens(const jy_token_list *list)
{
    return list && list->count ? list->tokens : NULL;
}
