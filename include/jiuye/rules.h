/**
 * @file jiuye/rules.h
 * @brief Scoring rules as data: the scoring table (考核细则表) bound to metrics.
 *
 * A rule set is a JSON document (format in `docs/rules.md`) listing the items
 * of the scoring table (序号 1-15: name, the seed's 考核内容 and 评分标准, the
 * item's points) and, per item, its sub-indicators ("1.1" ... "15.2"). A
 * sub-indicator has one or more checks (a metric, the period unit it is
 * judged in, a target) and a deduction rule (a range "0.5-1" made
 * deterministic, or so much per unit of shortfall); the sub-indicators of the
 * bonus item carry a bonus rule instead. The default rule set is the seed's
 * table (`data/rules-default.json`, compiled into the library); a county
 * loads its own with jy_rules_load_file() (seed §3.5).
 *
 * Lifecycle: load with jy_rules_load_default(), jy_rules_load_file() or
 * jy_rules_load_buffer(); read it through the accessors (every pointer is
 * borrowed from the rule set); release it with jy_rules_free().
 *
 * Thread-safety: a loaded rule set is immutable and may be shared read-only
 * by any number of threads.
 */
#ifndef JIUYE_RULES_H
#define JIUYE_RULES_H

#include <stddef.h>

#include "jiuye/common.h"
#include "jiuye/error.h"

JY_BEGIN_DECLS

/** @brief A loaded rule set (opaque). */
typedef struct jy_rules jy_rules;

/** @brief The unit a check is judged in (JSON `period`). */
typedef enum jy_rule_period {
    JY_RULE_DAY = 0,      /**< `"day"`: every day of the assessed period. */
    JY_RULE_WORKDAY = 1,  /**< `"workday"`: every working day (official calendar, 调休 included). */
    JY_RULE_WEEK = 2,     /**< `"week"`: every week, Monday to Sunday. */
    JY_RULE_MONTH = 3,    /**< `"month"`: every calendar month. */
    JY_RULE_QUARTER = 4,  /**< `"quarter"`: every calendar quarter. */
    JY_RULE_YEAR = 5,     /**< `"year"`: a total over the contract year; a shorter period shows progress and pace, without deduction. */
    JY_RULE_PERIOD = 6    /**< `"period"`: judged over whatever period is assessed (rates, states, "none may fail"). */
} jy_rule_period;

/** @brief How a value is compared to its target (JSON `compare`). */
typedef enum jy_rule_compare {
    JY_COMPARE_AT_LEAST = 0,  /**< `">="` (the default): the value must reach the target. */
    JY_COMPARE_AT_MOST = 1    /**< `"<="`: the value must not exceed the target (failures counted). */
} jy_rule_compare;

/** @brief One check of a sub-indicator: a metric against a target in a period unit. */
typedef struct jy_rule_check {
    const char *metric;        /**< Metric name (jiuye/metrics.h). */
    jy_rule_period period;     /**< Unit the check is judged in. */
    double target;             /**< Target value (per bucket of the unit). */
    jy_rule_compare compare;   /**< Comparison with the target. */
    const char *label;         /**< Chinese description of the check, or "". */
    const char *params;        /**< The metric parameters the check refines (JSON `params`,
                                    docs/rules.md "Metric parameters") as compact JSON text,
                                    e.g. `{"min_members":300}`; "" when it gives none (the
                                    metric's defaults, the seed's standards). */
} jy_rule_check;

/** @brief How a deduction is computed. */
typedef enum jy_deduction_mode {
    JY_DEDUCT_RANGE = 0,     /**< A range ("视情况扣0.5-1分"): min + (max - min) x severity, rounded to `step`. */
    JY_DEDUCT_PER_UNIT = 1,  /**< So much per unit of shortfall ("每下降1个百分点扣0.5分"). */
    JY_DEDUCT_NONE = 2       /**< No deduction (bonus sub-indicators). */
} jy_deduction_mode;

/** @brief How a shortfall is turned into whole units (JSON `rounding`). */
typedef enum jy_rounding {
    JY_ROUND_CEIL = 0,   /**< `"ceil"` (the default): a started unit counts (87.4 % is 3 points below 90 %). */
    JY_ROUND_FLOOR = 1,  /**< `"floor"`: only whole units count. */
    JY_ROUND_EXACT = 2   /**< `"exact"`: proportional. */
} jy_rounding;

/** @brief The deduction rule of a sub-indicator. */
typedef struct jy_rule_deduction {
    jy_deduction_mode mode;  /**< Range, per unit or none. */
    double min;              /**< Range: the least deduction of a failing sub-indicator. */
    double max;              /**< Range: the most. */
    double step;             /**< Range: the result is rounded to a multiple of this (default 0.1). */
    double per_unit;         /**< Per unit: points per unit of shortfall. */
    double unit;             /**< Per unit: size of a unit (1 = one enterprise, one percentage point). */
    jy_rounding rounding;    /**< Per unit: how partial units count. */
    double absent;           /**< Per unit: points deducted for a bucket with nothing at all (a quarter without a meeting); 0 = counted as a shortfall like any other. */
    double bucket_cap;       /**< Per unit: the most one bucket may lose; 0 = no cap. */
} jy_rule_deduction;

/** @brief The bonus rule of a bonus sub-indicator. */
typedef struct jy_rule_bonus {
    size_t value_count;          /**< Number of (value, points) pairs: a value equal to `values[i]` earns `points[i]`. */
    const double *values;        /**< Values of the table (e.g. ranks 1 and 2). */
    const double *points;        /**< Points of the table (e.g. 5 and 3). */
    double per_unit;             /**< Points per unit of value above `above` (used when `value_count` is 0). */
    double above;                /**< Value from which units count (1: "each report beyond the required one"). */
} jy_rule_bonus;

/** @brief A sub-indicator ("1.1" ... "15.2"). Borrowed from its rule set. */
typedef struct jy_rule {
    const char *id;                 /**< Catalogue id, "1.1". */
    const char *text;               /**< Chinese text of the requirement (考核内容 of the sub-indicator). */
    size_t check_count;             /**< Number of checks (at least 1). */
    const jy_rule_check *checks;    /**< The checks; the sub-indicator is met when all are. */
    jy_rule_deduction deduction;    /**< Deduction when a check fails. */
    int is_bonus;                   /**< 1 for a bonus sub-indicator (item marked `bonus`). */
    jy_rule_bonus bonus;            /**< Bonus rule when `is_bonus`. */
} jy_rule;

/** @brief An item of the scoring table (序号). Borrowed from its rule set. */
typedef struct jy_rule_item {
    int id;                    /**< 序号: 1 ... 15. */
    const char *name;          /**< 指标项, e.g. "县级就业之家日常运营". */
    const char *content;       /**< 考核内容, the seed's text. */
    const char *standard;      /**< 评分标准, the seed's text. */
    double points;             /**< Points of the item: the cap of its deductions (0 for the bonus item). */
    int is_bonus;              /**< 1 for the bonus item (加分项目). */
    size_t rule_count;         /**< Number of sub-indicators. */
    const jy_rule *rules;      /**< The sub-indicators. */
} jy_rule_item;

/**
 * @brief Loads the default rule set: the seed's scoring table, compiled in.
 * @param[out] out  receives the rule set; release it with jy_rules_free().
 * @return #JY_OK, #JY_EINVAL if `out` is NULL, #JY_ENOMEM.
 * Thread-safety: safe from any thread.
 */
JY_API int jy_rules_load_default(jy_rules **out);

/**
 * @brief Loads a rule set from a JSON file, validating it whole.
 * @param[out] out  receives the rule set; release it with jy_rules_free().
 * @param path  the file.
 * @param err   optional; on failure, where and why: `source` (the file),
 *              `line` and `column` for syntax errors, `field` (the JSON path,
 *              e.g. `items[2].indicators[0].checks[0].metric`) and `text`.
 * @return #JY_OK; #JY_EIO when the file cannot be read; #JY_EUTF8 or
 *         #JY_EPARSE for bad JSON; #JY_EINVAL for a rule set that breaks the
 *         format (unknown metric, bad period, duplicate id...); #JY_ENOMEM.
 * Thread-safety: safe from any thread.
 */
JY_API int jy_rules_load_file(jy_rules **out, const char *path, jy_located_error *err);

/**
 * @brief Loads a rule set from JSON text in memory, as jy_rules_load_file().
 * @param[out] out  receives the rule set; release it with jy_rules_free().
 * @param json  the text (need not be NUL-terminated).
 * @param len   its length in bytes.
 * @param err   optional; where and why it was rejected (source "<memory>").
 * @return as jy_rules_load_file(), without #JY_EIO.
 * Thread-safety: safe from any thread.
 */
JY_API int jy_rules_load_buffer(jy_rules **out, const char *json, size_t len,
                                jy_located_error *err);

/**
 * @brief Releases a rule set; NULL is accepted. Pointers borrowed from it become invalid.
 * @param rules  the rule set.
 */
JY_API void jy_rules_free(jy_rules *rules);

/**
 * @brief The rule set's name.
 * @param rules  the rule set.
 * @return a borrowed string, "" for NULL.
 */
JY_API const char *jy_rules_name(const jy_rules *rules);

/**
 * @brief The score before deductions and bonuses (100 by default).
 * @param rules  the rule set.
 * @return the base score, 0 for NULL.
 */
JY_API double jy_rules_base(const jy_rules *rules);

/**
 * @brief The number of items.
 * @param rules  the rule set.
 * @return the count, 0 for NULL.
 */
JY_API size_t jy_rules_item_count(const jy_rules *rules);

/**
 * @brief The item at `index`, in the order of the file.
 * @param rules  the rule set.
 * @param index  0 .. jy_rules_item_count() - 1.
 * @return a borrowed item, or NULL when out of range.
 */
JY_API const jy_rule_item *jy_rules_item_at(const jy_rules *rules, size_t index);

/**
 * @brief Finds a sub-indicator by its id ("10.2").
 * @param rules  the rule set.
 * @param id     the catalogue id.
 * @return a borrowed sub-indicator, or NULL when there is none.
 */
JY_API const jy_rule *jy_rules_find(const jy_rules *rules, const char *id);

JY_END_DECLS

#endif /* JIUYE_RULES_H */
