/**
 * @file jiuye/vocab.h
 * @brief The occupation vocabulary: the words people write for a job, their
 * canonical occupation, and its family.
 *
 * People write the same job many ways: 司机, 驾驶员 and 开车 are one
 * occupation (司机); 普工, 操作工 and 作业员 another (普工); 电焊 and 焊工
 * another (焊工). The vocabulary maps each *surface form* to a *canonical
 * occupation*, and each occupation to a *family* (物流运输, 箱包, 盐化工...),
 * so that a posting and a jobseeker meet even when they use different words.
 *
 * The default vocabulary (data/occupations.tsv, compiled into the library)
 * covers the industries of Xingan County: bags and luggage, salt chemicals,
 * smart manufacturing, logistics, services, care, office work, construction,
 * agriculture, e-commerce and live streaming. A site loads its own file of
 * the same format (docs/formats.md) or adds words at run time.
 *
 * Matching is done on folded text (jy_text_fold()): full-width forms, case
 * and traditional characters do not matter, and punctuation is a separator.
 *
 * Identifiers: occupations and families are numbered from 0 in the order
 * they first appear (in the file, then through jy_vocab_add()); the numbers
 * of a loaded vocabulary never change, adding only appends.
 *
 * Thread-safety: a vocabulary that is not being modified is immutable; any
 * number of threads may look words up in it at once. jy_vocab_add() and
 * jy_vocab_free() must not run concurrently with anything else on the same
 * vocabulary.
 */
#ifndef JIUYE_VOCAB_H
#define JIUYE_VOCAB_H

#include "jiuye/common.h"
#include "jiuye/error.h"

JY_BEGIN_DECLS

/** @brief An occupation vocabulary (opaque). */
typedef struct jy_vocab jy_vocab;

/** @brief Longest surface form in bytes, after folding. */
#define JY_VOCAB_SURFACE_MAX 64

/**
 * @brief Creates an empty vocabulary (to fill with jy_vocab_add()).
 *
 * @param[out] out  receives the vocabulary; release it with jy_vocab_free().
 *                  Set to NULL on failure.
 * @return #JY_OK, #JY_ENOMEM, or #JY_EINVAL if `out` is NULL.
 */
JY_API int jy_vocab_new(jy_vocab **out);

/**
 * @brief Loads the built-in vocabulary (data/occupations.tsv).
 *
 * @param[out] out  receives the vocabulary; release it with jy_vocab_free().
 *                  Set to NULL on failure.
 * @return #JY_OK, #JY_ENOMEM, or #JY_EINVAL if `out` is NULL.
 */
JY_API int jy_vocab_load_default(jy_vocab **out);

/**
 * @brief Loads a vocabulary from a file (format in docs/formats.md).
 *
 * @param[out] out  receives the vocabulary; release it with jy_vocab_free().
 *                  Set to NULL on failure.
 * @param path  file name, NUL-terminated.
 * @param[out] err  optional; on failure, the line, the field (`surface`,
 *                  `occupation`, `family`, `code`) and the reason.
 * @return #JY_OK, #JY_EIO if the file cannot be read, #JY_EUTF8,
 *         #JY_EPARSE for a line without the TAB-separated fields,
 *         #JY_EINVAL for an empty or too long field, an occupation given two
 *         families or two codes, #JY_EEXISTS for a surface form given two
 *         occupations, #JY_ENOMEM.
 */
JY_API int jy_vocab_load_file(jy_vocab **out, const char *path, jy_located_error *err);

/**
 * @brief Loads a vocabulary from text in memory.
 *
 * Same as jy_vocab_load_file() reading `len` bytes at `text`; the buffer need
 * not be NUL-terminated and is not kept.
 *
 * @param[out] out  receives the vocabulary, or NULL on failure.
 * @param text  the file's content.
 * @param len   its length in bytes.
 * @param[out] err  optional location of a failure (source "<memory>").
 * @return as jy_vocab_load_file(), without #JY_EIO.
 */
JY_API int jy_vocab_load_buffer(jy_vocab **out, const char *text, size_t len,
                                jy_located_error *err);

/**
 * @brief Appends the lines of a vocabulary file to a loaded vocabulary.
 *
 * Lets a site extend the default vocabulary with its own words. All or
 * nothing: on failure the vocabulary is as it was.
 *
 * @param vocab  the vocabulary to extend.
 * @param text   the lines, in the file format (a header line is allowed).
 * @param len    their length in bytes.
 * @param[out] err  optional location of a failure (source "<memory>").
 * @return as jy_vocab_load_buffer().
 */
JY_API int jy_vocab_extend_buffer(jy_vocab *vocab, const char *text, size_t len,
                                  jy_located_error *err);

/**
 * @brief Adds one surface form.
 *
 * Creates the occupation and the family when they are new; the occupation's
 * name is itself a surface form. Adding a surface form that the vocabulary
 * already maps to the same occupation does nothing.
 *
 * @param vocab       the vocabulary.
 * @param surface     the word people write, NUL-terminated UTF-8; folded
 *                    before it is stored (at most #JY_VOCAB_SURFACE_MAX bytes
 *                    folded, not empty).
 * @param occupation  the canonical occupation's name, NUL-terminated.
 * @param family      the family's name, NUL-terminated; for an existing
 *                    occupation, NULL or empty means "its family".
 * @param occupation_code  the national occupation classification code, or
 *                    NULL or empty when unknown.
 * @return #JY_OK, #JY_EEXISTS if the surface form already maps to another
 *         occupation, #JY_EINVAL (NULL or empty arguments, a surface form
 *         that folds to nothing or is too long, a new occupation without a
 *         family, an occupation given another family or another code),
 *         #JY_EUTF8, #JY_ENOMEM. On failure nothing is added.
 *
 * Thread-safety: not concurrent with any other use of the vocabulary.
 */
JY_API int jy_vocab_add(jy_vocab *vocab, const char *surface, const char *occupation,
                        const char *family, const char *occupation_code);

/**
 * @brief Releases a vocabulary.
 *
 * @param vocab  the vocabulary; NULL is allowed and does nothing.
 */
JY_API void jy_vocab_free(jy_vocab *vocab);

/** @brief Number of canonical occupations (0 for NULL). @param vocab the vocabulary. @return the count. */
JY_API size_t jy_vocab_occupation_count(const jy_vocab *vocab);
/** @brief Number of families (0 for NULL). @param vocab the vocabulary. @return the count. */
JY_API size_t jy_vocab_family_count(const jy_vocab *vocab);
/** @brief Number of surface forms (0 for NULL). @param vocab the vocabulary. @return the count. */
JY_API size_t jy_vocab_surface_count(const jy_vocab *vocab);

/**
 * @brief The name of an occupation ("焊工").
 * @param vocab  the vocabulary.
 * @param occupation  an occupation number.
 * @return a string borrowed from the vocabulary, or NULL for a bad number.
 */
JY_API const char *jy_vocab_occupation_name(const jy_vocab *vocab, size_t occupation);

/**
 * @brief The family of an occupation.
 * @param vocab  the vocabulary.
 * @param occupation  an occupation number.
 * @return the family number, or (size_t)-1 for a bad number.
 */
JY_API size_t jy_vocab_occupation_family(const jy_vocab *vocab, size_t occupation);

/**
 * @brief The national occupation classification code of an occupation.
 * @param vocab  the vocabulary.
 * @param occupation  an occupation number.
 * @return a string borrowed from the vocabulary, "" when unknown, NULL for a
 *         bad number.
 */
JY_API const char *jy_vocab_occupation_code(const jy_vocab *vocab, size_t occupation);

/**
 * @brief The name of a family ("物流运输").
 * @param vocab  the vocabulary.
 * @param family  a family number.
 * @return a string borrowed from the vocabulary, or NULL for a bad number.
 */
JY_API const char *jy_vocab_family_name(const jy_vocab *vocab, size_t family);

/**
 * @brief Finds an occupation by its canonical name.
 *
 * @param[out] out  receives the occupation number.
 * @param vocab  the vocabulary.
 * @param name   the canonical name, NUL-terminated (folded before comparing).
 * @return #JY_OK, #JY_ENOTFOUND, #JY_EUTF8, #JY_EINVAL on NULL arguments.
 */
JY_API int jy_vocab_find_occupation(size_t *out, const jy_vocab *vocab, const char *name);

/**
 * @brief Looks up a whole text as one surface form ("电焊" → 焊工).
 *
 * For short texts such as the items of a skills list. The text is folded
 * and must equal a surface form; use jy_vocab_scan() to find forms inside a
 * longer text.
 *
 * @param[out] out  receives the occupation number.
 * @param vocab  the vocabulary.
 * @param text   UTF-8 text; may be NULL only when `len` is 0.
 * @param len    its length in bytes.
 * @return #JY_OK, #JY_ENOTFOUND (also for empty text), #JY_EUTF8,
 *         #JY_EINVAL on NULL arguments.
 */
JY_API int jy_vocab_lookup(size_t *out, const jy_vocab *vocab, const char *text, size_t len);

/** @brief One surface form found in a text. */
typedef struct jy_vocab_match {
    size_t occupation;           /**< The occupation number. */
    size_t family;               /**< Its family number. */
    const char *occupation_name; /**< The occupation's name, borrowed from the vocabulary. */
    const char *family_name;     /**< The family's name, borrowed from the vocabulary. */
    const char *surface;         /**< The surface form matched, folded, borrowed from the vocabulary. */
    size_t start;                /**< Byte offset of the match in the input. */
    size_t end;                  /**< Byte offset just past it. */
} jy_vocab_match;

/** @brief jy_vocab_scan() flag: report only the longest match at each place, without overlaps (leftmost-longest). */
#define JY_VOCAB_LONGEST 0x1u

/**
 * @brief Called by jy_vocab_scan_each() for each match.
 *
 * @param match    the match; valid during the call (its strings as long as
 *                 the vocabulary).
 * @param payload  the caller's pointer.
 * @return 0 to go on; any other value stops the scan, which returns it.
 */
typedef int (*jy_vocab_match_fn)(const jy_vocab_match *match, void *payload);

/**
 * @brief Finds the surface forms occurring in a text, calling a function for
 * each.
 *
 * The text is folded as by jy_text_fold(). A surface form that starts
 * (ends) with a letter or digit matches only where the text has no letter
 * or digit just before (after) it, so "c1" is found in "C1驾照" but not in
 * "abc123". By default every match is reported, nested ones included
 * ("货车司机" gives 货车司机 and 司机), ordered by start, longest first at
 * one start; with #JY_VOCAB_LONGEST only the longest match at the leftmost
 * place, then the scan goes on after it.
 *
 * Time is linear in the text (times the depth of the vocabulary's trie);
 * nothing is allocated for texts up to 1024 characters.
 *
 * @param vocab   the vocabulary.
 * @param text    UTF-8 text; may be NULL only when `len` is 0.
 * @param len     its length in bytes; any size.
 * @param flags   0 or #JY_VOCAB_LONGEST.
 * @param fn      called for each match.
 * @param payload passed to `fn`.
 * @return #JY_OK, the non-zero value `fn` returned, #JY_EUTF8 (nothing
 *         reported), #JY_ENOMEM, #JY_EINVAL on NULL arguments.
 *
 * Thread-safety: any number of concurrent scans of one vocabulary.
 */
JY_API int jy_vocab_scan_each(const jy_vocab *vocab, const char *text, size_t len,
                              unsigned int flags, jy_vocab_match_fn fn, void *payload);

/**
 * @brief Finds the surface forms occurring in a text, as an array.
 *
 * Same matches as jy_vocab_scan_each().
 *
 * @param[out] out        receives a newly allocated array of matches
 *                        (release it with jy_free(); its strings are
 *                        borrowed from the vocabulary), or NULL when there is
 *                        none or on failure.
 * @param[out] out_count  receives the number of matches.
 * @param vocab   the vocabulary.
 * @param text    UTF-8 text; may be NULL only when `len` is 0.
 * @param len     its length in bytes.
 * @param flags   0 or #JY_VOCAB_LONGEST.
 * @return #JY_OK, #JY_EUTF8, #JY_ENOMEM, #JY_EINVAL on NULL arguments.
 *
 * Thread-safety: as jy_vocab_scan_each().
 */
JY_API int jy_vocab_scan(jy_vocab_match **out, size_t *out_count, const jy_vocab *vocab,
                         const char *text, size_t len, unsigned int flags);

JY_END_DECLS

#endif /* JIUYE_VOCAB_H */
