/* UTF-8 validation and NFKC + case-fold normalization (utf8proc). */
#include "internal.h"
#include "text_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t jy__utf8_decode(const char *s, size_t len, unsigned int *out_cp)
{
    const unsigned char *p = (const unsigned char *)s;
    if (len == 0)
        return 0;
    unsigned int c = p[0];
    if (c < 0x80) {
        *out_cp = c;
        return 1;
    }
    size_t n;
    unsigned int min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; min = 0x80; c &= 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; min = 0x800; c &= 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; min = 0x10000; c &= 0x07;
    } else {
        return 0; /* continuation byte, C0/C1 overlong lead, or F5..FF */
    }
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3Fu);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *out_cp = c;
    return n;
}

/* Offset of the first bad sequence, or len when all is well-formed. */
static size_t first_bad(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char b = (unsigned char)text[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        unsigned int cp;
        size_t n = jy__utf8_decode(text + i, len - i, &cp);
        if (n == 0)
            return i;
        i += n;
    }
    return len;
}

int jy_utf8_check(size_t *out_offset, const char *text, size_t len)
{
    if (!text && len)
        return jy__error(JY_EINVAL, "jy_utf8_check: text is NULL");
    size_t bad = text ? first_bad(text, len) : 0;
    if (out_offset)
        *out_offset = bad;
    if (bad < len)
        return jy__error(JY_EUTF8, "invalid UTF-8 sequence at byte offset %zu", bad);
    return JY_OK;
}

int jy_utf8_length(size_t *out, const char *text, size_t len)
{
    if (!out || (!text && len))
        return jy__error(JY_EINVAL, "jy_utf8_length: NULL argument");
    size_t count = 0, i = 0;
    while (i < len) {
        unsigned int cp;
        size_t n = jy__utf8_decode(text + i, len - i, &cp);
        if (n == 0)
            return jy__error(JY_EUTF8, "invalid UTF-8 sequence at byte offset %zu", i);
        i += n;
        count++;
    }
    *out = count;
    return JY_OK;
}

/* True when NFKC + case folding of the text is plain ASCII lower-casing:
 * every character is ASCII or a CJK ideograph of the URO or Extension A
 * (which have no decomposition, no case and do not compose). Most ledger
 * text (codes, numbers, dates, Chinese names) takes this path. */
static int is_simple(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char b = (unsigned char)text[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        unsigned int cp;
        size_t n = jy__utf8_decode(text + i, len - i, &cp);
        if (n == 0 || !((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)))
            return 0;
        i += n;
    }
    return 1;
}

int jy_text_normalize(char **out, size_t *out_len, const char *text, size_t len)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_text_normalize: out is NULL");
    *out = NULL;
    if (!text && len)
        return jy__error(JY_EINVAL, "jy_text_normalize: text is NULL");
    size_t bad = text ? first_bad(text, len) : 0;
    if (bad < len)
        return jy__error(JY_EUTF8, "invalid UTF-8 sequence at byte offset %zu", bad);
    if (len == 0) {
        *out = jy__strndup("", 0);
        if (!*out)
            return JY_ENOMEM;
        if (out_len)
            *out_len = 0;
        return JY_OK;
    }
    if (is_simple(text, len)) {
        char *copy = jy__strndup(text, len);
        if (!copy)
            return JY_ENOMEM;
        for (size_t i = 0; i < len; i++)
            if (copy[i] >= 'A' && copy[i] <= 'Z')
                copy[i] = (char)(copy[i] - 'A' + 'a');
        *out = copy;
        if (out_len)
            *out_len = len;
        return JY_OK;
    }
    if (len > (size_t)PTRDIFF_MAX / 8)
        return jy__error(JY_ERANGE, "jy_text_normalize: text of %zu bytes is too long", len);

    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len,
                                      &mapped,
                                      UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                          UTF8PROC_CASEFOLD);
    if (n < 0) {
        if (n == UTF8PROC_ERROR_NOMEM)
            return jy__error_nomem();
        return jy__error(JY_EUTF8, "text cannot be normalized: %s", utf8proc_errmsg(n));
    }
    /* utf8proc allocates with malloc(); copy into our allocator's buffer so
     * that jy_free() is always the right release, whatever the allocator. */
    char *copy = jy__strndup((const char *)mapped, (size_t)n);
    free(mapped);
    if (!copy)
        return JY_ENOMEM;
    *out = copy;
    if (out_len)
        *out_len = (size_t)n;
    return JY_OK;
}

size_t jy__utf8_first_bad(const char *text, size_t len)
{
    return text ? first_bad(text, len) : 0;
}
