/**
 * @file jiuye/assess.h
 * @brief The assessment (考核): a rule set applied to the ledgers for a period.
 *
 * jy_assess() scores any period — a month, a quarter, the contract year —
 * with one engine (日常考核 + 年度考核). For every sub-indicator of the rule
 * set it computes each check's metric in every bucket of the check's unit
 * (each month, week, working day...), compares it to the target, and deducts
 * by the rule; for a period shorter than the contract year, annual totals
 * show the progress so far, the projected year-end value and the pace still
 * needed, with a warning when the pace will miss the target, and deduct
 * nothing. Assessors' overrides of a deduction (the `override` ledger, with
 * their reason) replace the computed deduction and are kept on the card;
 * incidents (seed §3.4) of the period are listed; bonuses are added to the
 * total of a contract year. `docs/rules.md` explains every rule.
 *
 * The resulting ::jy_scorecard is read through accessors (items,
 * sub-indicators, checks, incidents) or rendered as JSON
 * (jy_scorecard_to_json(), format in docs/rules.md), or in the layout of the
 * seed's table as CSV or HTML with Chinese labels.
 *
 * Thread-safety: jy_assess() uses the database as any call on it does (one
 * thread at a time per ::jy_db); a finished scorecard is immutable and may be
 * read from any number of threads.
 */
#ifndef JIUYE_ASSESS_H
#define JIUYE_ASSESS_H

#include <stddef.h>
#include <stdint.h>

#include "jiuye/calendar.h"
#include "jiuye/common.h"
#include "jiuye/date.h"
#include "jiuye/db.h"
#include "jiuye/rules.h"

JY_BEGIN_DECLS

/** @brief A computed scorecard (opaque). */
typedef struct jy_scorecard jy_scorecard;

/** @brief Version of ::jy_assess_options understood by this library. */
#define JY_ASSESS_OPTIONS_VERSION 1

/** @brief Options of jy_assess(). */
typedef struct jy_assess_options {
    unsigned int version;        /**< #JY_ASSESS_OPTIONS_VERSION. */
    const jy_rules *rules;       /**< The rule set; NULL = the default one (the seed's table). Borrowed: it must stay loaded until the scorecard is freed (the card points into it). */
    const jy_calendar *calendar; /**< The working-day calendar; NULL = the built-in one (2026). Borrowed for the call. */
    jy_date contract_start;      /**< Signing date of the contract; zeroed = read from the database's `contract` ledger (the contract in force on the period's first day), else the period's first day. */
} jy_assess_options;

/** @brief Static initializer of ::jy_assess_options (the defaults). */
#define JY_ASSESS_OPTIONS_INIT { JY_ASSESS_OPTIONS_VERSION, NULL, NULL, { 0, 0, 0 } }

/**
 * @brief Fills `opts` with the defaults (for bindings; C can use #JY_ASSESS_OPTIONS_INIT).
 * @param opts  the options to fill.
 * @return #JY_OK, or #JY_EINVAL if `opts` is NULL.
 * Thread-safety: safe.
 */
JY_API int jy_assess_options_init(jy_assess_options *opts);

/** @brief The outcome of a check or a sub-indicator. */
typedef enum jy_score_status {
    JY_SCORE_MET = 0,           /**< 达标: met. */
    JY_SCORE_FAILED = 1,        /**< 未达标: failed; deducts. */
    JY_SCORE_ON_TRACK = 2,      /**< 进行中: an annual target in a shorter period, on pace to be met. */
    JY_SCORE_WARNING = 3,       /**< 预警: an annual target in a shorter period that the current pace will miss. */
    JY_SCORE_NOT_JUDGED = 4     /**< 不考核: nothing to judge in this period (no whole bucket of the unit inside it, or a bonus outside a contract year). */
    /* 5 was "not computed" (a metric named by the rules but not written yet):
     * every metric is computed and rules naming an unknown metric are
     * rejected at load, so it was retired; the value is not reused. */
} jy_score_status;

/**
 * @brief The Chinese label of a status ("达标", "未达标"...).
 * @param status  a ::jy_score_status.
 * @return a static string ("" for an unknown value).
 */
JY_API const char *jy_score_status_label(jy_score_status status);

/**
 * @brief The code name of a status (`"met"`, `"failed"`, `"on_track"`,
 *        `"warning"`, `"not_judged"`), as used in JSON.
 * @param status  a ::jy_score_status.
 * @return a static string ("" for an unknown value).
 */
JY_API const char *jy_score_status_name(jy_score_status status);

/** @brief The evidence of a check: which buckets failed and which records count. */
typedef struct jy_score_evidence {
    size_t failed_count;         /**< Number of judged buckets that failed. */
    const char *failed_buckets;  /**< Their labels, comma-separated ("2026-03,2026-07"; days for working days), or "". */
    const char *record_kind;     /**< Kind of the records listed ("event"...), or NULL when none. */
    const char *record_role;     /**< `"counted"` or `"failing"`, or NULL. */
    size_t id_count;             /**< Number of ids in `ids` (at most #JY_EVIDENCE_MAX). */
    const int64_t *ids;          /**< Record ids (of the whole period, or of the first failing bucket). */
    int64_t id_total;            /**< How many such records there are in all. */
    const char *note;            /**< A Chinese explanation (recorded fact's date and source, holidays without a show...), or "". */
} jy_score_evidence;

/** @brief One check of a sub-indicator, as measured. Borrowed from the scorecard. */
typedef struct jy_score_check {
    const jy_rule_check *rule;   /**< The check of the rule set. */
    jy_score_status status;      /**< Outcome. */
    int has_value;               /**< 0 when nothing was measured (a fact not recorded, no bucket judged). */
    double value;                /**< The value: the total of the period (year or period checks; year to date for annual targets in a shorter period) or the worst bucket (per-bucket checks). */
    double target;               /**< The target (per bucket). */
    size_t bucket_count;         /**< Buckets of the unit in the period. */
    size_t judged_count;         /**< Of them, those judged: the buckets wholly inside the period (working days only for `workday`). */
    double projected;            /**< Annual targets in a shorter period: the value projected to the end of the contract year at the current pace; else equal to `value`. */
    double pace_needed;          /**< Annual targets in a shorter period: what is still needed per 30 days until the year's end (0 when reached); else 0. */
    double deduction;            /**< The share of the sub-indicator's deduction due to this check (per-unit rules), or 0. */
    jy_score_evidence evidence;  /**< What failed and which records count. */
} jy_score_check;

/** @brief A sub-indicator ("1.1"...), as scored. Borrowed from the scorecard. */
typedef struct jy_score_indicator {
    const jy_rule *rule;            /**< The sub-indicator of the rule set (id, text...). */
    int item_id;                    /**< The item (序号) it belongs to. */
    jy_score_status status;         /**< Met when every check is met; failed when one failed; else the most telling of the checks' statuses. */
    double computed_deduction;      /**< The deduction by the rule. */
    double deduction;               /**< The deduction applied: the computed one, or the assessor's override. */
    double bonus;                   /**< Bonus points earned (bonus sub-indicators of a contract year), else 0. */
    int overridden;                 /**< 1 when an assessor's override applies. */
    const char *override_reason;    /**< The override's reason, or "". */
    const char *override_assessor;  /**< Who decided, or "". */
    jy_date override_decided_on;    /**< When (zeroed without an override). */
    size_t check_count;             /**< Number of checks. */
    const jy_score_check *checks;   /**< The checks, in the order of the rule. */
} jy_score_indicator;

/** @brief An item (序号) of the scoring table, as scored. Borrowed from the scorecard. */
typedef struct jy_score_item {
    const jy_rule_item *rule;              /**< The item of the rule set (name, content, standard, points). */
    double deduction;                      /**< Sum of its sub-indicators' deductions, capped at the item's points. */
    double score;                          /**< Points minus deduction; for the bonus item, the bonus earned. */
    size_t indicator_count;                /**< Number of sub-indicators. */
    const jy_score_indicator *indicators;  /**< The sub-indicators. */
} jy_score_item;

/** @brief An incident of the period (seed §3.4: grounds to end the contract). */
typedef struct jy_score_incident {
    int64_t id;               /**< The incident record. */
    const char *kind;         /**< `"data_leak"` or `"public_opinion"`. */
    const char *label;        /**< Chinese label (数据泄露, 舆情事件). */
    jy_date date;             /**< When it happened. */
    const char *description;  /**< What happened. */
} jy_score_incident;

/**
 * @brief Scores the period `from` .. `to` (both included).
 * @param[out] out  receives the scorecard; release it with jy_scorecard_free().
 * @param db    the database.
 * @param from  first day.
 * @param to    last day (not before `from`).
 * @param opts  options, or NULL for the defaults.
 * @return #JY_OK; #JY_EINVAL for NULL arguments, bad dates or options;
 *         #JY_ERANGE when the calendar does not cover the period (the message
 *         names the year: load that year's holiday file into the calendar);
 *         #JY_ESTORAGE when the database fails; #JY_ENOMEM. (Every metric
 *         a rule names exists: rule sets are validated when loaded.)
 * Thread-safety: as `db`.
 */
JY_API int jy_assess(jy_scorecard **out, jy_db *db, jy_date from, jy_date to,
                     const jy_assess_options *opts);

/**
 * @brief The contract year of the database that contains `day`.
 *
 * From the `contract` ledger: the contract signed on or before `day` most
 * recently; the year runs from its signing date to its `ends_on` (default:
 * a year after signing, less a day).
 * @param[out] out  receives the contract year.
 * @param db   the database.
 * @param day  a day of the year wanted; a zeroed date means the latest contract's first year.
 * @return #JY_OK; #JY_ENOTFOUND when the database holds no contract (signed
 *         by `day`); #JY_EINVAL; #JY_ESTORAGE.
 * Thread-safety: as `db`.
 */
JY_API int jy_assess_contract_year(jy_period *out, jy_db *db, jy_date day);

/**
 * @brief Releases a scorecard; NULL is accepted.
 * @param card  the scorecard.
 */
JY_API void jy_scorecard_free(jy_scorecard *card);

/**
 * @brief The assessed period.
 * @param card  the scorecard.
 * @return the period (zeroed for NULL).
 */
JY_API jy_period jy_scorecard_period(const jy_scorecard *card);

/**
 * @brief The contract year the period belongs to.
 * @param card  the scorecard.
 * @return the contract year (zeroed for NULL).
 */
JY_API jy_period jy_scorecard_contract_year(const jy_scorecard *card);

/**
 * @brief Whether the period is a whole contract year (年度考核): annual
 *        targets deduct and bonuses count only then.
 * @param card  the scorecard.
 * @return 1 or 0.
 */
JY_API int jy_scorecard_is_annual(const jy_scorecard *card);

/**
 * @brief The total: base - deductions + bonus.
 * @param card  the scorecard.
 * @return the total (0 for NULL).
 */
JY_API double jy_scorecard_total(const jy_scorecard *card);

/**
 * @brief The sum of the items' deductions (each capped at its points).
 * @param card  the scorecard.
 * @return the deductions.
 */
JY_API double jy_scorecard_deduction(const jy_scorecard *card);

/**
 * @brief The bonus points.
 * @param card  the scorecard.
 * @return the bonus.
 */
JY_API double jy_scorecard_bonus(const jy_scorecard *card);

/**
 * @brief The number of items.
 * @param card  the scorecard.
 * @return the count.
 */
JY_API size_t jy_scorecard_item_count(const jy_scorecard *card);

/**
 * @brief The item at `index`, in the order of the rule set.
 * @param card   the scorecard.
 * @param index  0 .. jy_scorecard_item_count() - 1.
 * @return a borrowed item (valid until jy_scorecard_free()), or NULL.
 */
JY_API const jy_score_item *jy_scorecard_item_at(const jy_scorecard *card, size_t index);

/**
 * @brief Finds a sub-indicator by id ("13.1").
 * @param card  the scorecard.
 * @param id    the catalogue id.
 * @return a borrowed sub-indicator, or NULL.
 */
JY_API const jy_score_indicator *jy_scorecard_find(const jy_scorecard *card, const char *id);

/**
 * @brief The number of incidents of the period.
 * @param card  the scorecard.
 * @return the count.
 */
JY_API size_t jy_scorecard_incident_count(const jy_scorecard *card);

/**
 * @brief An incident.
 * @param card   the scorecard.
 * @param index  0 .. jy_scorecard_incident_count() - 1.
 * @return a borrowed incident, or NULL.
 */
JY_API const jy_score_incident *jy_scorecard_incident_at(const jy_scorecard *card, size_t index);

/**
 * @brief The scorecard as JSON (format in docs/rules.md).
 * @param[out] out  receives a NUL-terminated UTF-8 string; release it with jy_free().
 * @param card  the scorecard.
 * @return #JY_OK, #JY_EINVAL, #JY_ENOMEM.
 * Thread-safety: safe for distinct outputs.
 */
JY_API int jy_scorecard_to_json(char **out, const jy_scorecard *card);

/**
 * @brief The scorecard in the layout of the seed's table (序号, 指标项, 考核内容,
 *        评分标准, 考核说明, 考核得分) as CSV: UTF-8 with a BOM, CRLF line ends.
 * @param[out] out  receives a NUL-terminated string; release it with jy_free().
 * @param card  the scorecard.
 * @return #JY_OK, #JY_EINVAL, #JY_ENOMEM.
 */
JY_API int jy_scorecard_to_csv(char **out, const jy_scorecard *card);

/**
 * @brief The scorecard in the layout of the seed's table as a standalone HTML page (Chinese labels).
 * @param[out] out  receives a NUL-terminated UTF-8 string; release it with jy_free().
 * @param card  the scorecard.
 * @return #JY_OK, #JY_EINVAL, #JY_ENOMEM.
 */
JY_API int jy_scorecard_to_html(char **out, const jy_scorecard *card);

JY_END_DECLS

#endif /* JIUYE_ASSESS_H */
