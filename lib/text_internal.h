/*
 * Folding for matching, shared by the tokenizer (lib/text_token.c), the fact
 * extractor (lib/text_facts.c) and the vocabulary (lib/vocab.c). Not
 * installed.
 */
#ifndef JIUYE_TEXT_INTERNAL_H
#define JIUYE_TEXT_INTERNAL_H

#include "internal.h"

#include <stddef.h>

/* Longest folded expansion of one code point (utf8proc's longest
 * compatibility decomposition, U+FDFA, is 18 code points). */
#define JY__FOLD_MAX 24

/* Walks well-formed UTF-8 (check it first) and yields folded code points,
 * each with the byte range of the input character it came from. One input
 * character may give several folded code points (same range) or none. */
typedef struct jy__fold_iter {
    const char *text;
    size_t len;
    size_t pos;                      /* next input byte */
    unsigned int out[JY__FOLD_MAX];  /* folded code points of the current input character */
    size_t n_out, i_out;
    size_t src_start, src_end;       /* byte range of the current input character */
} jy__fold_iter;

void jy__fold_init(jy__fold_iter *it, const char *text, size_t len);
/* The general case of jy__fold_next() (lib/text_token.c). */
int jy__fold_next_slow(jy__fold_iter *it, unsigned int *out_cp, size_t *out_start,
                       size_t *out_end);

/* Stores the next folded code point and its source range; returns 0 at the
 * end of the text, 1 otherwise. ASCII is handled inline. */
static inline int jy__fold_next(jy__fold_iter *it, unsigned int *out_cp, size_t *out_start,
                                size_t *out_end)
{
    if (it->i_out >= it->n_out && it->pos < it->len) {
        unsigned int b = (unsigned char)it->text[it->pos];
        if (b < 0x80) {
            *out_cp = (b >= 'A' && b <= 'Z') ? b + 32u : b;
            *out_start = it->pos;
            *out_end = ++it->pos;
            return 1;
        }
    }
    return jy__fold_next_slow(it, out_cp, out_start, out_end);
}

/* What a folded code point is, for cutting text into tokens. */
enum {
    JY__CLASS_SEP = 0,    /* punctuation, symbol, space, control: a separator */
    JY__CLASS_CJK = 1,    /* CJK ideograph (or 〇) */
    JY__CLASS_DIGIT = 2,  /* ASCII digit */
    JY__CLASS_ALPHA = 3   /* any other letter or number */
};
int jy__fold_class_slow(unsigned int cp);
static inline int jy__fold_class(unsigned int cp)
{
    if (cp < 0x80) {
        if (cp >= '0' && cp <= '9')
            return JY__CLASS_DIGIT;
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
            return JY__CLASS_ALPHA;
        return JY__CLASS_SEP;
    }
    if (cp >= 0x4E00 && cp <= 0x9FFF)
        return JY__CLASS_CJK;
    return jy__fold_class_slow(cp);
}

/* Appends the UTF-8 encoding of cp to buf (room for 4 bytes needed);
 * returns the number of bytes written. */
size_t jy__utf8_encode(unsigned int cp, char *buf);

/* Offset of the first malformed UTF-8 sequence, or len (lib/text.c). */
size_t jy__utf8_first_bad(const char *text, size_t len);

#endif /* JIUYE_TEXT_INTERNAL_H */
