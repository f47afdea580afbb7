/**
 * @file jiuye/text.h
 * @brief UTF-8 validation and Unicode normalization of text.
 *
 * All text crossing the library's boundary is UTF-8. These functions check it
 * and bring it to the one normal form used for comparing and matching: NFKC
 * with case folding (utf8proc), so that full-width letters and digits equal
 * their half-width forms ("ＣＮＣ" and "cnc" normalize alike).
 *
 * Thread-safety: every function here is reentrant and safe from any thread.
 */
#ifndef JIUYE_TEXT_H
#define JIUYE_TEXT_H

#include "jiuye/common.h"

JY_BEGIN_DECLS

/**
 * @brief Checks that a buffer holds well-formed UTF-8.
 *
 * Rejects what RFC 3629 rejects: stray continuation bytes, truncated
 * sequences, overlong forms, surrogates (U+D800..U+DFFF) and code points above
 * U+10FFFF. NUL bytes inside the buffer are well-formed UTF-8 and accepted.
 *
 * @param[out] out_offset  on #JY_EUTF8, receives the byte offset of the first
 *                         bad sequence; on success, receives `len`. May be NULL.
 * @param text  the bytes to check; may be NULL only when `len` is 0.
 * @param len   number of bytes in `text`.
 * @return #JY_OK, #JY_EUTF8 (the message gives the offset), or #JY_EINVAL
 *         when `text` is NULL with a non-zero length.
 */
JY_API int jy_utf8_check(size_t *out_offset, const char *text, size_t len);

/**
 * @brief Counts the code points in well-formed UTF-8.
 *
 * @param[out] out  receives the number of code points.
 * @param text  the text; may be NULL only when `len` is 0.
 * @param len   number of bytes in `text`.
 * @return #JY_OK, #JY_EUTF8 if the text is not well-formed, #JY_EINVAL on
 *         NULL arguments.
 */
JY_API int jy_utf8_length(size_t *out, const char *text, size_t len);

/**
 * @brief Normalizes text to NFKC with case folding.
 *
 * Full-width ASCII becomes half-width, compatibility characters are
 * decomposed (for example "①" becomes "1"), Latin letters are case-folded.
 * Chinese characters are left as they are (traditional-to-simplified mapping
 * belongs to the matcher, not to this function).
 *
 * @param[out] out      receives a newly allocated NUL-terminated string;
 *                      release it with jy_free(). Set to NULL on failure.
 * @param[out] out_len  receives its length in bytes (without the NUL); may
 *                      be NULL.
 * @param text  the UTF-8 input; may be NULL only when `len` is 0.
 * @param len   number of bytes in `text`.
 * @return #JY_OK, #JY_EUTF8 (the message gives the byte offset), #JY_ENOMEM,
 *         or #JY_EINVAL on NULL arguments.
 */
JY_API int jy_text_normalize(char **out, size_t *out_len, const char *text, size_t len);

JY_END_DECLS

#endif /* JIUYE_TEXT_H */
