/**
 * @file jiuye/match.h
 * @brief The matcher: postings ⇄ jobseekers, explainable, independent of the
 * database.
 *
 * An index holds documents of one side, postings (#JY_MATCH_POSTINGS) or
 * jobseeker profiles (#JY_MATCH_JOBSEEKERS), supplied by any caller as C
 * structs (::jy_posting_input, ::jy_profile_input) or JSON Lines. A query
 * from the other side (a profile against postings, a posting against
 * profiles) gives the top-k documents, each with a score and an explanation:
 * the terms and vocabulary links that matched and the structured factors
 * (township, salary, freshness) with their effect.
 *
 * Scoring is BM25 over the tokens of jy_text_tokenize() (CJK bigrams weighted
 * above unigrams, words and mixed tokens such as `c1` and `cnc`), with
 * field boosts (title, skills) and, when an occupation vocabulary is
 * available, expansion of a wish to its canonical occupation and family.
 * Hard filters (age, education, closed postings, gig vs full time) exclude
 * documents; soft factors multiply the text score. docs/matching.md gives
 * the formula and the defaults.
 *
 * Thread-safety: an index carries a read-write lock. Any number of threads
 * may query one index at once (jy_match_query(), jy_match_query_posting(),
 * jy_match_index_count(), jy_match_index_memory() take the read lock);
 * jy_match_index_add(), _update(), _remove(), _load_jsonl(),
 * _add_json() and jy_match_index_swap() take the write lock and wait for
 * running queries. To replace an index's whole content without stalling
 * queries, build a new index in another thread and jy_match_index_swap() it
 * in (constant time). jy_match_index_free() must not overlap any other call
 * on the same index. A ::jy_match_results belongs to one thread at a time.
 */
#ifndef JIUYE_MATCH_H
#define JIUYE_MATCH_H

#include "jiuye/common.h"
#include "jiuye/county.h"
#include "jiuye/date.h"
#include "jiuye/error.h"
#include "jiuye/vocab.h"

JY_BEGIN_DECLS

/** @brief Which side an index holds. */
typedef enum jy_match_side {
    JY_MATCH_POSTINGS = 1,   /**< Postings, queried with jobseeker profiles. */
    JY_MATCH_JOBSEEKERS = 2  /**< Jobseeker profiles, queried with postings. */
} jy_match_side;

/** @brief Longest text field indexed or queried, in bytes; longer texts are cut (on a character boundary). */
#define JY_MATCH_MAX_TEXT 65536
/** @brief Most skills read from one posting or profile; further ones are ignored. */
#define JY_MATCH_MAX_SKILLS 256
/** @brief Most results a query returns (a larger `top_k` is lowered to it). */
#define JY_MATCH_MAX_TOP 1000

/** @brief Version of ::jy_posting_input. */
#define JY_POSTING_INPUT_VERSION 1

/**
 * @brief A posting given to the matcher. Strings are borrowed for the call
 * only (the index copies what it keeps). Zero or NULL means "not given".
 */
typedef struct jy_posting_input {
    unsigned int version;        /**< #JY_POSTING_INPUT_VERSION. */
    const char *id;              /**< The caller's id, unique in the index (required, non-empty). */
    const char *title;           /**< Title of the job (岗位名称). */
    const char *description;     /**< Description and requirements. */
    const char *const *skills;   /**< Skills asked for (`skill_count` strings). */
    size_t skill_count;          /**< Number of `skills` (at most #JY_MATCH_MAX_SKILLS are read). */
    const char *enterprise;      /**< Name of the employer (indexed with a low weight). */
    const char *township;        /**< Township of the workplace: code or name of the index's county, or any other text (then only equal texts match). */
    int salary_min;              /**< Monthly salary from, in yuan. */
    int salary_max;              /**< Monthly salary up to, in yuan. */
    int age_min;                 /**< Youngest age accepted. */
    int age_max;                 /**< Oldest age accepted. */
    const char *education;       /**< Least education: a ledger code (`junior`...) or Chinese (初中, 大专...). */
    const char *kind;            /**< `full_time` or `gig` (also 全职, 零工). */
    int headcount;               /**< People wanted (kept, not scored). */
    jy_date published_on;        /**< Publication date (for freshness); all zero when unknown. */
    jy_date closed_on;           /**< Closing date; all zero while open. */
} jy_posting_input;

/** @brief Initializer of ::jy_posting_input: nothing given. */
#define JY_POSTING_INPUT_INIT { JY_POSTING_INPUT_VERSION, NULL, NULL, NULL, NULL, 0, NULL, NULL, \
                                0, 0, 0, 0, NULL, NULL, 0, { 0, 0, 0 }, { 0, 0, 0 } }

/** @brief Version of ::jy_profile_input. */
#define JY_PROFILE_INPUT_VERSION 1

/**
 * @brief A jobseeker profile: a query against postings, or a document of a
 * #JY_MATCH_JOBSEEKERS index. Strings are borrowed for the call only.
 */
typedef struct jy_profile_input {
    unsigned int version;        /**< #JY_PROFILE_INPUT_VERSION. */
    const char *id;              /**< The caller's id (required in an index, optional in a query). */
    const char *text;            /**< Wishes as free text (求职意向). */
    const char *const *skills;   /**< Skills (`skill_count` strings). */
    size_t skill_count;          /**< Number of `skills` (at most #JY_MATCH_MAX_SKILLS are read). */
    const char *township;        /**< Township wished: code or name. */
    int salary_min;              /**< Monthly salary wished, in yuan; 0 when not said. */
    int age;                     /**< Age in years; 0 when unknown. */
    const char *education;       /**< Education reached: ledger code or Chinese. */
    const char *kind;            /**< `gig` or `full_time`: only postings of that kind; NULL: any. */
} jy_profile_input;

/** @brief Initializer of ::jy_profile_input: nothing given. */
#define JY_PROFILE_INPUT_INIT { JY_PROFILE_INPUT_VERSION, NULL, NULL, NULL, 0, NULL, 0, 0, NULL, NULL }

/** @brief Version of ::jy_match_options. */
#define JY_MATCH_OPTIONS_VERSION 2

/**
 * @brief Ranking parameters. Initialize with #JY_MATCH_OPTIONS_INIT or
 * jy_match_options_init(); passing NULL means these defaults.
 */
typedef struct jy_match_options {
    unsigned int version;     /**< #JY_MATCH_OPTIONS_VERSION. */
    size_t top_k;             /**< Results wanted (default 10, at most #JY_MATCH_MAX_TOP). */
    double k1;                /**< BM25 term-frequency saturation (default 1.2). */
    double b;                 /**< BM25 length normalization (default 0.5). */
    double weight_bigram;     /**< Query weight of a CJK bigram (default 1.0). */
    double weight_unigram;    /**< Query weight of a CJK unigram, used only for a lone character (default 0.3). */
    double weight_word;       /**< Query weight of a Latin word, number or mixed token (default 1.0). */
    double boost_title;       /**< Term frequency multiplier in a posting's title / a profile's wishes (default 3.0). */
    double boost_skills;      /**< Term frequency multiplier in skills (default 2.0). */
    double boost_occupation;  /**< Query weight of a canonical occupation shared through the vocabulary (default 2.0). */
    double boost_family;      /**< Query weight of a shared occupation family (default 0.4). */
    double township_same;     /**< Factor effect of the same township (default +0.30). */
    double township_nearby;   /**< Factor effect of a nearby township (default +0.15). */
    double salary_fit;        /**< Effect when the salary offered reaches the wish (default +0.15); a shortfall costs up to the same amount times 2. */
    double freshness;         /**< Effect of a posting published today, falling linearly to 0 at `freshness_days` (default +0.10). */
    int freshness_days;       /**< See `freshness` (default 60). */
    jy_date today;            /**< Day of the query, for closed postings and freshness; all zero: today (local time). */
    int filter_closed;        /**< Exclude postings closed on or before `today` and published after it (default 1). */
    double min_score;         /**< Results scoring below are dropped (default 0: any positive score). */
    int fallback;             /**< Postings side only: when the query's text matched postings but the hard
                                   filters removed every one of them, return instead the postings that pass
                                   the filters, ranked by the factors alone (text score 0, a
                                   #JY_REASON_FALLBACK reason); see docs/matching.md (default 1; 0: nothing).
                                   Since version 2 (version 1 structures get the default). */
} jy_match_options;

/** @brief Default ranking parameters (see ::jy_match_options). */
#define JY_MATCH_OPTIONS_INIT { JY_MATCH_OPTIONS_VERSION, 10, 1.2, 0.5, 1.0, 0.3, 1.0, 3.0, 2.0, \
                                2.0, 0.4, 0.30, 0.15, 0.15, 0.10, 60, { 0, 0, 0 }, 1, 0.0, 1 }

/**
 * @brief Fills options with the defaults (for bindings).
 * @param opts  the options to fill.
 * @return #JY_OK, or #JY_EINVAL if `opts` is NULL.
 */
JY_API int jy_match_options_init(jy_match_options *opts);

/** @brief What a reason of an explanation is about. */
typedef enum jy_match_reason_kind {
    JY_REASON_TERM = 1,        /**< A term of the query found in the document; `text` is the term and where (`焊工\@title`). */
    JY_REASON_OCCUPATION = 2,  /**< The same canonical occupation through the vocabulary (`驾驶员→司机`). */
    JY_REASON_FAMILY = 3,      /**< The same occupation family. */
    JY_REASON_TOWNSHIP = 4,    /**< Same or nearby township (`same:金川镇`, `nearby:洋峰街道`). */
    JY_REASON_SALARY = 5,      /**< Salary fit (`fits:5000>=4500` or `short:3800<4500`). */
    JY_REASON_FRESHNESS = 6,   /**< Freshness of the posting (`days:3`). */
    JY_REASON_FALLBACK = 7     /**< The result is a fallback (jy_match_options.fallback): no posting the text
                                    matched passes the hard filters; `text` says how many they removed
                                    (`filtered:12`), the effect is 0. Listed first. */
} jy_match_reason_kind;

/** @brief One line of an explanation. */
typedef struct jy_match_reason {
    jy_match_reason_kind kind;  /**< What it is about. */
    const char *text;           /**< Details (see ::jy_match_reason_kind), borrowed from the results. */
    double effect;              /**< Contribution: points of text score for terms and vocabulary, factor change for structured factors (+0.30 = 30 % more). */
} jy_match_reason;

/** @brief One result of a query. */
typedef struct jy_match_result {
    const char *id;                  /**< The document's id, borrowed from the results. */
    double score;                    /**< Final score (text score times the factors). */
    double text_score;               /**< Text score before the factors. */
    size_t reason_count;             /**< Number of `reasons`. */
    const jy_match_reason *reasons;  /**< The explanation, largest effects first; borrowed from the results. */
} jy_match_result;

/** @brief A matcher index (opaque). */
typedef struct jy_match_index jy_match_index;

/** @brief Reusable results of queries (opaque); one thread at a time. */
typedef struct jy_match_results jy_match_results;

/**
 * @brief Creates an empty index.
 *
 * @param[out] out  receives the index; release it with jy_match_index_free().
 *                  NULL on failure.
 * @param side    what the index holds.
 * @param county  the county whose townships are recognized (copied by
 *                reference: it must outlive the index); NULL: the built-in
 *                Xingan profile.
 * @return #JY_OK, #JY_EINVAL (bad side, NULL `out`), #JY_ENOMEM.
 */
JY_API int jy_match_index_new(jy_match_index **out, jy_match_side side, const jy_county *county);

/**
 * @brief Chooses the occupation vocabulary of an empty index.
 *
 * A new index uses the built-in vocabulary (jy_vocab_load_default()).
 *
 * @param index  the index, still empty.
 * @param vocab  the vocabulary, borrowed: it must outlive the index and not
 *               change while the index is used; NULL turns the vocabulary
 *               expansion off.
 * @return #JY_OK, #JY_EINVAL (NULL index, or documents already added).
 */
JY_API int jy_match_index_use_vocab(jy_match_index *index, const jy_vocab *vocab);

/**
 * @brief Releases an index. Must not overlap any other call on it.
 * @param index  the index; NULL is allowed.
 */
JY_API void jy_match_index_free(jy_match_index *index);

/**
 * @brief The side of an index.
 * @param index  the index.
 * @return its ::jy_match_side, or 0 for NULL.
 */
JY_API int jy_match_index_side(const jy_match_index *index);

/**
 * @brief Adds a posting to a #JY_MATCH_POSTINGS index.
 *
 * Texts longer than #JY_MATCH_MAX_TEXT bytes are cut, skills beyond
 * #JY_MATCH_MAX_SKILLS ignored. Takes the write lock.
 *
 * @param index    the index.
 * @param posting  the posting.
 * @return #JY_OK, #JY_EEXISTS (id already there), #JY_EUTF8 (a text is not
 *         UTF-8; the message names the field), #JY_EINVAL (no id, wrong side,
 *         negative salary, age_min > age_max, unknown kind or education),
 *         #JY_ENOMEM. On failure the index is unchanged.
 */
JY_API int jy_match_index_add(jy_match_index *index, const jy_posting_input *posting);

/**
 * @brief Replaces a posting (same id) of a #JY_MATCH_POSTINGS index, or adds
 * it when absent.
 * @param index    the index.
 * @param posting  the new version.
 * @return as jy_match_index_add(), without #JY_EEXISTS.
 */
JY_API int jy_match_index_update(jy_match_index *index, const jy_posting_input *posting);

/**
 * @brief Adds or replaces (same id) a profile in a #JY_MATCH_JOBSEEKERS index.
 * @param index    the index.
 * @param profile  the profile (`id` required).
 * @return as jy_match_index_add().
 */
JY_API int jy_match_index_put_profile(jy_match_index *index, const jy_profile_input *profile);

/**
 * @brief Removes a document by id.
 * @param index  the index.
 * @param id     the document's id.
 * @return #JY_OK, #JY_ENOTFOUND, #JY_EINVAL on NULL arguments.
 */
JY_API int jy_match_index_remove(jy_match_index *index, const char *id);

/**
 * @brief Adds one document from a JSON object (the fields of docs/formats.md,
 * "Matcher input"). Unknown fields are ignored.
 *
 * @param index  the index.
 * @param text   the object's text.
 * @param len    its length in bytes.
 * @param err    optional located error (field named, record 0).
 * @return #JY_OK, #JY_EPARSE (not JSON, wrong field type), #JY_EUTF8, and
 *         the errors of jy_match_index_add() (a posting with an id already
 *         there replaces it).
 */
JY_API int jy_match_index_add_json(jy_match_index *index, const char *text, size_t len,
                                   jy_located_error *err);

/**
 * @brief Adds every line of a JSON Lines file (blank lines skipped).
 *
 * Each line is added (or replaces the document of the same id) as
 * jy_match_index_add_json() does. All or nothing: the lines are first
 * checked by adding them to a scratch index (1.3 to 2 times the CPU of a
 * single pass, docs/BENCHMARKS.md),
 * so that at the first bad line the load stops with the index unchanged and
 * the error names the line and field. Only #JY_ENOMEM in the second pass
 * (the real additions) can leave part of the file added.
 *
 * @param[out] out  receives the number of documents added (0 on failure);
 *                  may be NULL.
 * @param index  the index.
 * @param path   the file.
 * @param err    optional located error (line and field of the first error).
 * @return #JY_OK, #JY_EIO, #JY_EPARSE, #JY_EUTF8, #JY_EINVAL, #JY_ENOMEM.
 */
JY_API int jy_match_index_load_jsonl(size_t *out, jy_match_index *index, const char *path,
                                     jy_located_error *err);

/**
 * @brief Number of documents in an index (removed ones excluded).
 * @param index  the index.
 * @return the count, 0 for NULL.
 */
JY_API size_t jy_match_index_count(const jy_match_index *index);

/**
 * @brief Bytes of memory the index holds (documents, dictionary, lists).
 * @param index  the index.
 * @return the size, 0 for NULL.
 */
JY_API size_t jy_match_index_memory(const jy_match_index *index);

/**
 * @brief Exchanges the contents of two indexes of the same side, in constant
 * time, under both write locks.
 *
 * The way to replace what many threads query: build `fresh` aside, swap it
 * into the shared index, then free `fresh` (which now holds the old
 * content) once the swap has returned.
 *
 * @param index  the index queried by others.
 * @param fresh  the new content.
 * The county goes with the content.
 *
 * @return #JY_OK, #JY_EINVAL (NULL, the same index twice, different sides).
 */
JY_API int jy_match_index_swap(jy_match_index *index, jy_match_index *fresh);

/**
 * @brief Creates an empty, reusable results object.
 * @param[out] out  receives it; release with jy_match_results_free().
 * @return #JY_OK, #JY_ENOMEM, #JY_EINVAL.
 */
JY_API int jy_match_results_new(jy_match_results **out);

/**
 * @brief Releases results.
 * @param results  the results; NULL is allowed.
 */
JY_API void jy_match_results_free(jy_match_results *results);

/**
 * @brief Number of results of the last query.
 * @param results  the results.
 * @return the count, 0 for NULL.
 */
JY_API size_t jy_match_results_count(const jy_match_results *results);

/**
 * @brief A result, best first.
 * @param results  the results.
 * @param index    0 to jy_match_results_count() - 1.
 * @return the result, borrowed until the next query into `results` or its
 *         release; NULL when out of range.
 */
JY_API const jy_match_result *jy_match_results_at(const jy_match_results *results, size_t index);

/**
 * @brief A result's explanation as a JSON array (the `why` of the batch mode).
 *
 * Each element is `{"kind": "term"|"occupation"|"family"|"township"|"salary"|"freshness"|"fallback",
 * "text": ..., "effect": ...}`.
 *
 * @param[out] out  receives a new string; release with jy_free().
 * @param results  the results.
 * @param index    which result.
 * @return #JY_OK, #JY_EINVAL (out of range, NULL), #JY_ENOMEM.
 */
JY_API int jy_match_results_why_json(char **out, const jy_match_results *results, size_t index);

/**
 * @brief Finds the best postings for a jobseeker profile.
 *
 * Hard filters: the posting's age limits against `age`, its least
 * education against `education` (both when known), closed postings
 * (`opts->filter_closed`), and the posting kind when `kind` is given.
 * Takes the read lock; allocates only while `results` (the caller's
 * scratch space) grows, and briefly when `township` is a name rather than
 * a code (the county lookup normalizes it).
 *
 * @param results  receives the results (replacing earlier ones).
 * @param index    a #JY_MATCH_POSTINGS index.
 * @param profile  the query (`text` and `skills` may be empty: then the
 *                 structured factors alone rank the postings).
 * @param opts     ranking options; NULL for the defaults.
 * @return #JY_OK (possibly no result), #JY_EUTF8, #JY_EINVAL (wrong side,
 *         bad education or kind, NULL arguments), #JY_ENOMEM.
 */
JY_API int jy_match_query(jy_match_results *results, const jy_match_index *index,
                          const jy_profile_input *profile, const jy_match_options *opts);

/**
 * @brief Finds the best jobseekers for a posting (the reverse direction).
 *
 * Same scoring with the sides exchanged: the posting's title, skills and
 * description are the query, the profiles' wishes and skills the documents;
 * the posting's age and education limits filter the jobseekers, and a
 * jobseeker asking only for gig or only for full-time work is filtered by
 * the posting's kind.
 *
 * @param results  receives the results.
 * @param index    a #JY_MATCH_JOBSEEKERS index.
 * @param posting  the query (`id` optional).
 * @param opts     ranking options; NULL for the defaults.
 * @return as jy_match_query().
 */
JY_API int jy_match_query_posting(jy_match_results *results, const jy_match_index *index,
                                  const jy_posting_input *posting, const jy_match_options *opts);

/**
 * @brief Runs one query given as a JSON object and formats its results as
 * one line of the batch mode (docs/formats.md, "Matcher input").
 *
 * Against a #JY_MATCH_POSTINGS index the object is a jobseeker profile and
 * the line is `{"query": ID, "results": [{"posting": ID, "score": S, "why":
 * [...]}, ...]}`; against a #JY_MATCH_JOBSEEKERS index it is a posting and
 * the results name `"jobseeker"`. Result ids are strings; the query's id is
 * echoed as given (string, number, or null when absent).
 *
 * @param[out] out  receives the line (no newline); release with jy_free().
 *                  NULL on failure.
 * @param results  scratch and results of the query (left holding them).
 * @param index    the index.
 * @param text     the query object's text. Besides the profile (or posting)
 *                 fields it may hold `top_k` (a number), `date`
 *                 (YYYY-MM-DD) and `fallback` (true or false), which
 *                 override `opts->top_k`, `opts->today` and `opts->fallback`.
 * @param len      its length in bytes.
 * @param opts     ranking options; NULL for the defaults.
 * @param err      optional located error (the field of a wrong type).
 * @return #JY_OK, #JY_EPARSE, #JY_EUTF8, and the errors of jy_match_query().
 */
JY_API int jy_match_query_json(char **out, jy_match_results *results, const jy_match_index *index,
                               const char *text, size_t len, const jy_match_options *opts,
                               jy_located_error *err);

JY_END_DECLS

#endif /* JIUYE_MATCH_H */
