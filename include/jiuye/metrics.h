/**
 * @file jiuye/metrics.h
 * @brief Metrics: named measurements of the ledgers over a period.
 *
 * A metric computes one number from the ledgers of a database for a period
 * (the distinct enterprises whose postings were collected, the live shows
 * shorter than 90 minutes, the follow-up coverage of registered
 * jobseekers...), together with its evidence: the records that count (or
 * that fail), as ids of one record kind, capped at #JY_EVIDENCE_MAX with
 * their total, and a short note. The scoring rules (jiuye/rules.h) bind the
 * sub-indicators of the scoring table to metrics by name; the assessment
 * (jiuye/assess.h) computes them for every bucket (month, week...) of the
 * assessed period. `docs/rules.md` lists every metric.
 *
 * Lifecycle: look metrics up with jy_metric_find() or list them with
 * jy_metric_count() / jy_metric_at() (static, never freed); compute one with
 * jy_metric_compute(), read the ::jy_measure with its accessors, release it
 * with jy_measure_free().
 *
 * Thread-safety: the registry is static and may be read from any thread;
 * jy_metric_compute() uses the database as any call on it does (one thread
 * at a time per ::jy_db).
 */
#ifndef JIUYE_METRICS_H
#define JIUYE_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "jiuye/calendar.h"
#include "jiuye/common.h"
#include "jiuye/date.h"
#include "jiuye/db.h"

JY_BEGIN_DECLS

/** @brief At most this many record ids are kept as evidence of a measure (the total is kept too). */
#define JY_EVIDENCE_MAX 20

/** @brief A metric of the registry: static data, never freed. */
typedef struct jy_metric_info {
    const char *name;   /**< Name used by rules, e.g. `"posting_enterprises"`. */
    const char *unit;   /**< Unit of the value in Chinese for reports (`"家"`, `"条"`, `"%"`...). */
    const char *label;  /**< Short Chinese description for county staff. */
    const char *doc;    /**< What is counted and how, in English (one paragraph). */
} jy_metric_info;

/** @brief The number of metrics in the registry. Thread-safety: safe. */
JY_API size_t jy_metric_count(void);

/**
 * @brief The metric at `index` of the registry (0 .. jy_metric_count() - 1).
 * @param index  position in the registry.
 * @return a static description, or NULL when `index` is out of range.
 * Thread-safety: safe.
 */
JY_API const jy_metric_info *jy_metric_at(size_t index);

/**
 * @brief Finds a metric by name.
 * @param name  the metric's name.
 * @return a static description, or NULL when no metric has that name
 *         (nothing is recorded as the last error).
 * Thread-safety: safe.
 */
JY_API const jy_metric_info *jy_metric_find(const char *name);

/** @brief The value of a metric over one period, with its evidence (opaque). */
typedef struct jy_measure jy_measure;

/**
 * @brief Computes a metric over the period `from` .. `to` (both included).
 * @param[out] out  receives the measure; release it with jy_measure_free().
 * @param db    the database.
 * @param name  the metric's name (jy_metric_find()).
 * @param from  first day of the period.
 * @param to    last day of the period (not before `from`).
 * @param cal   the working-day calendar, needed by the metrics about working
 *              days and holidays (NULL otherwise).
 * @param contract_start  the signing date of the contract (for metrics with a
 *              deadline inside the contract year, e.g. 31 August); a zeroed
 *              date means the first day of the period.
 * @return #JY_OK; #JY_EINVAL for a NULL argument, bad dates or a metric that
 *         needs a calendar without one; #JY_ENOTFOUND for an unknown metric or
 *         one not implemented yet; #JY_ESTORAGE when the database fails;
 *         #JY_ERANGE when the calendar does not cover the period; #JY_ENOMEM.
 * Thread-safety: as `db`.
 */
JY_API int jy_metric_compute(jy_measure **out, jy_db *db, const char *name, jy_date from,
                             jy_date to, const jy_calendar *cal, jy_date contract_start);

/**
 * @brief Computes a metric as jy_metric_compute(), with metric parameters.
 *
 * Some metrics hold standards a county may refine (seed §3.5): the 1311
 * package of `key_group_1311_coverage`, the group size of
 * `townships_short_of_jobseeker_groups`... (`docs/rules.md`, "Metric
 * parameters", lists them with their defaults, the seed's). A rule gives
 * them in its check's `params`; this function takes the same object as
 * JSON text.
 * @param[out] out  receives the measure; release it with jy_measure_free().
 * @param db    the database.
 * @param name  the metric's name (jy_metric_find()).
 * @param from  first day of the period.
 * @param to    last day of the period (not before `from`).
 * @param cal   the working-day calendar, as for jy_metric_compute().
 * @param contract_start  the signing date of the contract, as for jy_metric_compute().
 * @param params  a JSON object of parameter names and whole numbers, e.g.
 *              `{"min_members": 300}`; a parameter not given keeps its
 *              default; NULL or "" = all defaults (jy_metric_compute()).
 * @return as jy_metric_compute(); also #JY_EPARSE or #JY_EUTF8 when `params`
 *         is not JSON, #JY_EINVAL when it names a parameter the metric does
 *         not take or gives a value of the wrong type or out of range (the
 *         message names the parameter).
 * Thread-safety: as `db`.
 */
JY_API int jy_metric_compute_params(jy_measure **out, jy_db *db, const char *name, jy_date from,
                                    jy_date to, const jy_calendar *cal, jy_date contract_start,
                                    const char *params);

/**
 * @brief Releases a measure; NULL is accepted.
 * @param m  the measure.
 */
JY_API void jy_measure_free(jy_measure *m);

/**
 * @brief The measured value.
 * @param m  the measure.
 * @return the value (0 for NULL).
 */
JY_API double jy_measure_value(const jy_measure *m);

/**
 * @brief Whether there is a value at all.
 *
 * A manual fact nobody recorded, a rate over no records, or a quarter
 * without any meeting have no value: the sub-indicator fails as "not
 * recorded" rather than with a made-up number.
 * @param m  the measure.
 * @return 1 if the value was measured, 0 if not (or for NULL).
 */
JY_API int jy_measure_has_value(const jy_measure *m);

/**
 * @brief The kind of the records listed as evidence (`"posting"`, `"event"`...).
 * @param m  the measure.
 * @return a static string, or NULL when the measure lists no records.
 */
JY_API const char *jy_measure_record_kind(const jy_measure *m);

/**
 * @brief What the listed records are: `"counted"` (they make up the value)
 *        or `"failing"` (they fall short: a live show of 89 minutes...).
 * @param m  the measure.
 * @return a static string, or NULL when the measure lists no records.
 */
JY_API const char *jy_measure_record_role(const jy_measure *m);

/**
 * @brief How many record ids are kept (at most #JY_EVIDENCE_MAX).
 * @param m  the measure.
 * @return the number of ids readable with jy_measure_id_at().
 */
JY_API size_t jy_measure_id_count(const jy_measure *m);

/**
 * @brief One of the record ids kept, in ascending order of id.
 * @param m      the measure.
 * @param index  0 .. jy_measure_id_count() - 1.
 * @return the id, or 0 when out of range.
 */
JY_API int64_t jy_measure_id_at(const jy_measure *m, size_t index);

/**
 * @brief How many records there are in all (the ids kept are up to #JY_EVIDENCE_MAX of them).
 * @param m  the measure.
 * @return the total.
 */
JY_API int64_t jy_measure_id_total(const jy_measure *m);

/**
 * @brief A short explanation in Chinese (which holidays had no live show,
 *        who recorded a manual fact...), or "".
 * @param m  the measure.
 * @return a string owned by the measure, valid until jy_measure_free(); never NULL.
 */
JY_API const char *jy_measure_note(const jy_measure *m);

JY_END_DECLS

#endif /* JIUYE_METRICS_H */
