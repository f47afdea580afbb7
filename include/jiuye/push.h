/**
 * @file jiuye/push.h
 * @brief The daily push (精准匹配推送): matched postings for every
 * jobseeker with a resume on the platform, recorded in the `push` ledger.
 *
 * jy_push_run() builds a matcher index (jiuye/match.h) from the database's
 * postings open on the day (published on or before it, not closed on or
 * before it), queries it with every jobseeker whose `resume_on_platform` is
 * set, and records one `push` row per jobseeker that has at least one new
 * match: postings already pushed to that person on an earlier day are never
 * pushed again. Everything happens in one transaction; running the push
 * again for the same day replaces that day's rows with the same result when
 * nothing changed (idempotent). docs/matching.md gives the policy.
 *
 * Thread-safety: like every call on a ::jy_db, one thread at a time per
 * database handle; the push itself matches on several threads.
 */
#ifndef JIUYE_PUSH_H
#define JIUYE_PUSH_H

#include "jiuye/common.h"
#include "jiuye/date.h"
#include "jiuye/db.h"
#include "jiuye/io.h"
#include "jiuye/match.h"

JY_BEGIN_DECLS

/** @brief Version of ::jy_push_options. */
#define JY_PUSH_OPTIONS_VERSION 2

/**
 * @brief Called during the push with the jobseekers matched so far.
 *
 * @param done     jobseekers matched.
 * @param total    jobseekers to match.
 * @param payload  the caller's pointer.
 * @return 0 to go on; any other value cancels the push (nothing is
 *         written) and jy_push_run() returns #JY_ERROR.
 */
typedef int (*jy_push_progress_fn)(size_t done, size_t total, void *payload);

/**
 * @brief Options of the push. Initialize with #JY_PUSH_OPTIONS_INIT or
 * jy_push_options_init(); NULL means these defaults.
 */
typedef struct jy_push_options {
    unsigned int version;            /**< #JY_PUSH_OPTIONS_VERSION. */
    size_t top_k;                    /**< Most postings pushed to one person a day (default 5, at most 100). */
    size_t threads;                  /**< Matching threads; 0 (default): the processors online, at most 8. */
    const char *channel;             /**< Value of the rows' `channel` (default "platform"). */
    const jy_match_options *match;   /**< Ranking options (NULL: the defaults); `top_k` and `today` are set by the push, and `fallback` is always off: the push sends postings that match a person's wishes (精准匹配), and a person with none is counted in jy_push_stats.no_match, never covered (3.2) by postings that merely pass the filters. */
    jy_push_progress_fn progress;    /**< Optional progress callback, called from the calling thread. */
    void *payload;                   /**< Passed to `progress`. */
    int dry_run;                     /**< 1: match and count, write nothing. */
    /** Optional (since version 2): told about each open posting the matcher
     * refuses (an education or kind code it does not know, a text that is
     * not UTF-8...), which is left out of the push. The error's `source` is
     * "posting", `record` the posting's id, `field` the offending field
     * ("education", "age_min/age_max"...), `code` the status and `text` why;
     * no personal data. Return 0 to go on; any other value stops the push,
     * nothing written, and jy_push_run() returns that value. Called from the
     * calling thread. */
    jy_reject_cb on_reject;
    void *reject_payload;            /**< Passed to `on_reject` (since version 2). */
} jy_push_options;

/** @brief Default push options. */
#define JY_PUSH_OPTIONS_INIT { JY_PUSH_OPTIONS_VERSION, 5, 0, "platform", NULL, NULL, NULL, 0, NULL, NULL }

/**
 * @brief Fills push options with the defaults (for bindings).
 * @param opts  the options.
 * @return #JY_OK, or #JY_EINVAL if `opts` is NULL.
 */
JY_API int jy_push_options_init(jy_push_options *opts);

/** @brief What a push did. */
typedef struct jy_push_stats {
    size_t postings_open;        /**< Postings open on the day (indexed). */
    size_t jobseekers;           /**< Jobseekers with a resume on the platform (matched). */
    size_t pushed;               /**< Of them, those who received a push row for the day. */
    size_t postings_pushed;      /**< Postings in all the rows of the day. */
    size_t no_match;             /**< Jobseekers with no matching posting at all. */
    size_t nothing_new;          /**< Jobseekers whose matches had all been pushed before. */
    size_t county_resumes;       /**< Jobseekers with a resume who are county residents (`in_county`, unset counts as resident). */
    size_t county_covered;       /**< Of them, those who have received matched postings on or before the day (indicator 3.2). */
    double seconds_index;        /**< Time to read the postings and build the index. */
    double seconds_match;        /**< Time to match. */
    double seconds_write;        /**< Time to write the rows and commit. */
    size_t postings_rejected;    /**< Open postings the matcher refused, left out of the push (each told to jy_push_options::on_reject). */
} jy_push_stats;

/**
 * @brief Runs the push for a day.
 *
 * @param[out] out  receives the statistics (may be NULL).
 * @param db    the database (schema 2 or later).
 * @param day   the day of the push.
 * @param opts  options; NULL for the defaults.
 * A stored posting the matcher refuses does not stop the push: it is left
 * out, counted in jy_push_stats::postings_rejected and reported to
 * jy_push_options::on_reject (options version 2).
 *
 * @return #JY_OK, #JY_EINVAL (bad day or options), #JY_EVERSION (options
 *         version), #JY_ESTORAGE, #JY_EBUSY, #JY_ENOMEM, #JY_ERROR (cancelled
 *         by the progress callback), or the value on_reject returned to stop.
 *         On failure nothing is written.
 */
JY_API int jy_push_run(jy_push_stats *out, jy_db *db, jy_date day, const jy_push_options *opts);

JY_END_DECLS

#endif /* JIUYE_PUSH_H */
