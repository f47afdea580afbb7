/*
 * Rule sets: loading and validating the JSON scoring table
 * (data/rules-default.json, docs/rules.md). The parsed cJSON tree is kept
 * with the rule set: every string of the public structs points into it.
 */
#include "internal.h"
#include "metrics_internal.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RULES_FILE_MAX (8u << 20)

struct jy_rules {
    cJSON *root;
    const char *name;
    double base;
    size_t item_count;
    jy_rule_item *items;
    /* one allocation each for all rules, checks and bonus tables */
    jy_rule *rules;
    jy_rule_check *checks;
    jy__mparams *params;      /* aligned with checks: each check's metric parameters */
    char **params_text;       /* aligned with checks: compact JSON of `params`, or NULL */
    size_t check_total;
    double *bonus_values;
};

extern const unsigned char jy__embedded_rules_default[];
extern const size_t jy__embedded_rules_default_size;

static const char *const period_names[] = { "day", "workday", "week", "month", "quarter",
                                            "year", "period", NULL };

/* ---- Validation helpers ------------------------------------------------- */

typedef struct loader {
    jy_located_error *err;
    char path[JY_LOCATION_FIELD_MAX];
} loader;

static int fail(loader *ld, const char *fmt, ...) JY__PRINTF(2, 3);
static int fail(loader *ld, const char *fmt, ...)
{
    char text[JY_LOCATION_TEXT_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return jy__located(ld->err, JY_EINVAL, 0, 0, 0, ld->path, "%s", text);
}

/* Writes a JSON path (truncated when too long: paths are for people). */
static void fmt_path(char *dst, size_t size, const char *fmt, ...) JY__PRINTF(3, 4);
static void fmt_path(char *dst, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst, size, fmt, ap);
    va_end(ap);
}

/* Sets the path to prefix + suffix (suffix printf-style). */
static void at(loader *ld, const char *fmt, ...) JY__PRINTF(2, 3);
static void at(loader *ld, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ld->path, sizeof ld->path, fmt, ap);
    va_end(ap);
}

/* Every member of `obj` must be one of `allowed`. */
static int only_members(loader *ld, const cJSON *obj, const char *const *allowed)
{
    char base[JY_LOCATION_FIELD_MAX];
    memcpy(base, ld->path, sizeof base);
    for (const cJSON *m = obj->child; m; m = m->next) {
        int ok = 0;
        for (size_t i = 0; allowed[i]; i++)
            if (strcmp(m->string, allowed[i]) == 0)
                ok = 1;
        if (!ok) {
            at(ld, "%s%s%s", base, *base ? "." : "", m->string);
            return fail(ld, "unknown member '%.40s'", m->string);
        }
    }
    return JY_OK;
}

static int get_string(const char **out, loader *ld, const cJSON *obj, const char *key,
                      int required, const char *base)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    at(ld, "%s%s%s", base, *base ? "." : "", key);
    if (!v) {
        if (required)
            return fail(ld, "missing (a string is required)");
        *out = "";
        return JY_OK;
    }
    if (!cJSON_IsString(v))
        return fail(ld, "must be a string");
    *out = v->valuestring;
    return JY_OK;
}

static int get_number(double *out, loader *ld, const cJSON *obj, const char *key, int required,
                      double dflt, double min, double max, const char *base)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    at(ld, "%s%s%s", base, *base ? "." : "", key);
    if (!v) {
        if (required)
            return fail(ld, "missing (a number is required)");
        *out = dflt;
        return JY_OK;
    }
    if (!cJSON_IsNumber(v))
        return fail(ld, "must be a number");
    if (!(v->valuedouble >= min && v->valuedouble <= max))
        return fail(ld, "%g is out of range (%g to %g)", v->valuedouble, min, max);
    *out = v->valuedouble;
    return JY_OK;
}

/* ---- Parts ------------------------------------------------------------------ */

/* A check's `params` (docs/rules.md, "Metric parameters"): validated
 * against its metric's parameters into *p; kept as compact JSON text. */
static int parse_params(jy__mparams *p, char **text, loader *ld, const cJSON *obj,
                        const char *metric, const char *base)
{
    jy__mparams_init(p);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "params");
    if (!v)
        return JY_OK;
    char where[64], why[JY_LOCATION_TEXT_MAX];
    if (jy__mparams_parse(p, metric, v, where, sizeof where, why, sizeof why) != JY_OK) {
        at(ld, "%s.params%s%s", base, *where ? "." : "", where);
        return fail(ld, "%s", why);
    }
    if (!(*text = cJSON_PrintUnformatted(v)))
        return jy__located(ld->err, JY_ENOMEM, 0, 0, 0, NULL, "out of memory");
    return JY_OK;
}

static int parse_check(jy_rule_check *c, loader *ld, const cJSON *obj, const char *base)
{
    static const char *const allowed[] = { "metric", "period", "target", "compare", "label",
                                           "params", NULL };
    at(ld, "%s", base);
    if (!cJSON_IsObject(obj))
        return fail(ld, "a check must be an object");
    int rc = only_members(ld, obj, allowed);
    const char *period = NULL, *compare = NULL;
    if (rc == JY_OK)
        rc = get_string(&c->metric, ld, obj, "metric", 1, base);
    if (rc == JY_OK && !jy__metric_def_find(c->metric))
        rc = fail(ld, "no metric is called '%.60s' (docs/rules.md lists them)", c->metric);
    if (rc == JY_OK)
        rc = get_string(&period, ld, obj, "period", 1, base);
    if (rc == JY_OK) {
        int found = -1;
        for (int i = 0; period_names[i]; i++)
            if (strcmp(period, period_names[i]) == 0)
                found = i;
        if (found < 0)
            rc = fail(ld, "unknown period '%.40s' (day, workday, week, month, quarter, year "
                          "or period)", period);
        else
            c->period = (jy_rule_period)found;
    }
    if (rc == JY_OK)
        rc = get_number(&c->target, ld, obj, "target", 1, 0, -1e12, 1e12, base);
    if (rc == JY_OK)
        rc = get_string(&compare, ld, obj, "compare", 0, base);
    if (rc == JY_OK) {
        if (!*compare || strcmp(compare, ">=") == 0)
            c->compare = JY_COMPARE_AT_LEAST;
        else if (strcmp(compare, "<=") == 0)
            c->compare = JY_COMPARE_AT_MOST;
        else
            rc = fail(ld, "compare must be \">=\" or \"<=\"");
    }
    if (rc == JY_OK)
        rc = get_string(&c->label, ld, obj, "label", 0, base);
    return rc;
}

static int parse_deduction(jy_rule_deduction *d, loader *ld, const cJSON *obj, const char *base)
{
    static const char *const allowed[] = { "min", "max", "step", "per_unit", "unit",
                                           "rounding", "absent", "bucket_cap", NULL };
    at(ld, "%s", base);
    if (!cJSON_IsObject(obj))
        return fail(ld, "missing or not an object (a deduction rule is required)");
    int rc = only_members(ld, obj, allowed);
    if (rc != JY_OK)
        return rc;
    int range = cJSON_HasObjectItem(obj, "min") || cJSON_HasObjectItem(obj, "max");
    int per = cJSON_HasObjectItem(obj, "per_unit");
    at(ld, "%s", base);
    if (range == per)
        return fail(ld, "give either min and max (a range) or per_unit");
    if (range) {
        d->mode = JY_DEDUCT_RANGE;
        rc = get_number(&d->min, ld, obj, "min", 1, 0, 0, 100, base);
        if (rc == JY_OK)
            rc = get_number(&d->max, ld, obj, "max", 1, 0, 0, 100, base);
        if (rc == JY_OK && d->max < d->min)
            rc = fail(ld, "max (%g) is below min (%g)", d->max, d->min);
        if (rc == JY_OK)
            rc = get_number(&d->step, ld, obj, "step", 0, 0.1, 0.01, 100, base);
        if (rc == JY_OK) {
            static const char *const not_range[] = { "unit", "rounding", "absent",
                                                     "bucket_cap", NULL };
            for (size_t i = 0; not_range[i] && rc == JY_OK; i++)
                if (cJSON_HasObjectItem(obj, not_range[i])) {
                    at(ld, "%s.%s", base, not_range[i]);
                    rc = fail(ld, "only a per_unit deduction takes '%s'", not_range[i]);
                }
        }
        return rc;
    }
    d->mode = JY_DEDUCT_PER_UNIT;
    rc = get_number(&d->per_unit, ld, obj, "per_unit", 1, 0, 0, 100, base);
    if (rc == JY_OK)
        rc = get_number(&d->unit, ld, obj, "unit", 0, 1, 1e-9, 1e12, base);
    const char *rounding = NULL;
    if (rc == JY_OK)
        rc = get_string(&rounding, ld, obj, "rounding", 0, base);
    if (rc == JY_OK) {
        if (!*rounding || strcmp(rounding, "ceil") == 0)
            d->rounding = JY_ROUND_CEIL;
        else if (strcmp(rounding, "floor") == 0)
            d->rounding = JY_ROUND_FLOOR;
        else if (strcmp(rounding, "exact") == 0)
            d->rounding = JY_ROUND_EXACT;
        else
            rc = fail(ld, "rounding must be \"ceil\", \"floor\" or \"exact\"");
    }
    if (rc == JY_OK)
        rc = get_number(&d->absent, ld, obj, "absent", 0, 0, 0, 100, base);
    if (rc == JY_OK)
        rc = get_number(&d->bucket_cap, ld, obj, "bucket_cap", 0, 0, 0, 100, base);
    if (rc == JY_OK && cJSON_HasObjectItem(obj, "step")) {
        at(ld, "%s.step", base);
        rc = fail(ld, "only a range deduction takes 'step'");
    }
    return rc;
}

/* Counts the numbers a bonus table needs (2 per pair). */
static size_t bonus_pairs(const cJSON *rule)
{
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(rule, "bonus");
    const cJSON *v = b ? cJSON_GetObjectItemCaseSensitive(b, "values") : NULL;
    return cJSON_IsArray(v) ? (size_t)cJSON_GetArraySize(v) : 0;
}

static int parse_bonus(jy_rule_bonus *b, double **pool, loader *ld, const cJSON *obj,
                       const char *base)
{
    static const char *const allowed[] = { "values", "per_unit", "above", NULL };
    at(ld, "%s", base);
    if (!cJSON_IsObject(obj))
        return fail(ld, "missing or not an object (a bonus sub-indicator needs a bonus rule)");
    int rc = only_members(ld, obj, allowed);
    if (rc != JY_OK)
        return rc;
    const cJSON *values = cJSON_GetObjectItemCaseSensitive(obj, "values");
    int per = cJSON_HasObjectItem(obj, "per_unit");
    if (!values == !per) {
        at(ld, "%s", base);
        return fail(ld, "give either values (a table of [value, points]) or per_unit");
    }
    if (values) {
        at(ld, "%s.values", base);
        if (!cJSON_IsArray(values) || cJSON_GetArraySize(values) == 0)
            return fail(ld, "must be a non-empty array of [value, points] pairs");
        size_t n = (size_t)cJSON_GetArraySize(values), i = 0;
        double *vals = *pool, *pts = *pool + n;
        *pool += 2 * n;
        for (const cJSON *p = values->child; p; p = p->next, i++) {
            at(ld, "%s.values[%zu]", base, i);
            if (!cJSON_IsArray(p) || cJSON_GetArraySize(p) != 2 || !cJSON_IsNumber(p->child) ||
                !cJSON_IsNumber(p->child->next))
                return fail(ld, "must be a pair [value, points] of numbers");
            vals[i] = p->child->valuedouble;
            pts[i] = p->child->next->valuedouble;
            if (pts[i] < 0 || pts[i] > 100)
                return fail(ld, "points %g are out of range (0 to 100)", pts[i]);
        }
        b->value_count = n;
        b->values = vals;
        b->points = pts;
        return JY_OK;
    }
    rc = get_number(&b->per_unit, ld, obj, "per_unit", 1, 0, 0, 100, base);
    if (rc == JY_OK)
        rc = get_number(&b->above, ld, obj, "above", 0, 0, -1e12, 1e12, base);
    return rc;
}

/* ---- The document ----------------------------------------------------------- */

static int parse(jy_rules *r, loader *ld)
{
    static const char *const top_allowed[] = { "format", "version", "name", "source", "base",
                                               "notes", "items", NULL };
    static const char *const item_allowed[] = { "id", "name", "content", "standard", "points",
                                                "bonus", "notes", "indicators", NULL };
    static const char *const rule_allowed[] = { "id", "text", "checks", "deduction", "bonus",
                                                "notes", NULL };
    const cJSON *root = r->root;
    at(ld, "%s", "");
    if (!cJSON_IsObject(root))
        return fail(ld, "a rule set is a JSON object");
    int rc = only_members(ld, root, top_allowed);
    const char *format = NULL;
    double version = 0;
    if (rc == JY_OK)
        rc = get_string(&format, ld, root, "format", 1, "");
    if (rc == JY_OK && strcmp(format, "jiuye-rules") != 0)
        rc = fail(ld, "format must be \"jiuye-rules\"");
    if (rc == JY_OK)
        rc = get_number(&version, ld, root, "version", 1, 0, 0, 1e9, "");
    if (rc == JY_OK && version != 1)
        rc = fail(ld, "version %g is not supported (this library reads version 1)", version);
    if (rc == JY_OK)
        rc = get_string(&r->name, ld, root, "name", 0, "");
    if (rc == JY_OK)
        rc = get_number(&r->base, ld, root, "base", 0, 100, 0, 1000, "");
    if (rc != JY_OK)
        return rc;
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(root, "items");
    at(ld, "items");
    if (!cJSON_IsArray(items) || cJSON_GetArraySize(items) == 0)
        return fail(ld, "missing or not a non-empty array");

    /* Sizes first: one allocation for each kind of part. */
    size_t n_items = (size_t)cJSON_GetArraySize(items), n_rules = 0, n_checks = 0, n_bonus = 0;
    for (const cJSON *it = items->child; it; it = it->next) {
        const cJSON *inds = cJSON_GetObjectItemCaseSensitive(it, "indicators");
        if (!cJSON_IsArray(inds))
            continue;
        for (const cJSON *ind = inds->child; ind; ind = ind->next) {
            n_rules++;
            const cJSON *checks = cJSON_GetObjectItemCaseSensitive(ind, "checks");
            if (cJSON_IsArray(checks))
                n_checks += (size_t)cJSON_GetArraySize(checks);
            n_bonus += 2 * bonus_pairs(ind);
        }
    }
    r->items = jy__calloc(n_items, sizeof *r->items);
    r->rules = jy__calloc(n_rules ? n_rules : 1, sizeof *r->rules);
    r->checks = jy__calloc(n_checks ? n_checks : 1, sizeof *r->checks);
    r->params = jy__calloc(n_checks ? n_checks : 1, sizeof *r->params);
    r->params_text = jy__calloc(n_checks ? n_checks : 1, sizeof *r->params_text);
    r->check_total = n_checks;
    r->bonus_values = jy__calloc(n_bonus ? n_bonus : 1, sizeof *r->bonus_values);
    if (!r->items || !r->rules || !r->checks || !r->params || !r->params_text ||
        !r->bonus_values)
        return jy__located(ld->err, JY_ENOMEM, 0, 0, 0, NULL, "out of memory");
    jy_rule *next_rule = r->rules;
    jy_rule_check *next_check = r->checks;
    double *next_bonus = r->bonus_values;

    size_t ii = 0;
    char base[JY_LOCATION_FIELD_MAX], rbase[JY_LOCATION_FIELD_MAX], cbase[JY_LOCATION_FIELD_MAX];
    for (const cJSON *it = items->child; it; it = it->next, ii++) {
        jy_rule_item *item = &r->items[ii];
        fmt_path(base, sizeof base, "items[%zu]", ii);
        at(ld, "%s", base);
        if (!cJSON_IsObject(it))
            return fail(ld, "an item must be an object");
        if ((rc = only_members(ld, it, item_allowed)) != JY_OK)
            return rc;
        double id = 0;
        if ((rc = get_number(&id, ld, it, "id", 1, 0, 1, 999, base)) != JY_OK)
            return rc;
        if (id != (double)(long)id)
            return fail(ld, "an item id is a whole number (序号)");
        item->id = (int)id;
        for (size_t j = 0; j < ii; j++)
            if (r->items[j].id == item->id)
                return fail(ld, "item %d appears twice", item->id);
        if ((rc = get_string(&item->name, ld, it, "name", 1, base)) != JY_OK ||
            (rc = get_string(&item->content, ld, it, "content", 0, base)) != JY_OK ||
            (rc = get_string(&item->standard, ld, it, "standard", 0, base)) != JY_OK)
            return rc;
        const cJSON *bonus = cJSON_GetObjectItemCaseSensitive(it, "bonus");
        at(ld, "%s.bonus", base);
        if (bonus && !cJSON_IsBool(bonus))
            return fail(ld, "must be true or false");
        item->is_bonus = cJSON_IsTrue(bonus);
        if ((rc = get_number(&item->points, ld, it, "points", !item->is_bonus, 0, 0, 1000,
                             base)) != JY_OK)
            return rc;
        if (item->is_bonus && item->points != 0)
            return fail(ld, "the bonus item has no points to lose");
        const cJSON *inds = cJSON_GetObjectItemCaseSensitive(it, "indicators");
        at(ld, "%s.indicators", base);
        if (!cJSON_IsArray(inds) || cJSON_GetArraySize(inds) == 0)
            return fail(ld, "missing or not a non-empty array of sub-indicators");
        item->rules = next_rule;
        size_t ri = 0;
        for (const cJSON *ind = inds->child; ind; ind = ind->next, ri++) {
            jy_rule *rule = next_rule++;
            item->rule_count++;
            fmt_path(rbase, sizeof rbase, "%s.indicators[%zu]", base, ri);
            at(ld, "%s", rbase);
            if (!cJSON_IsObject(ind))
                return fail(ld, "a sub-indicator must be an object");
            if ((rc = only_members(ld, ind, rule_allowed)) != JY_OK)
                return rc;
            if ((rc = get_string(&rule->id, ld, ind, "id", 1, rbase)) != JY_OK)
                return rc;
            char prefix[16];
            snprintf(prefix, sizeof prefix, "%d.", item->id);
            size_t plen = strlen(prefix);
            const char *rest = rule->id + (strncmp(rule->id, prefix, plen) == 0 ? plen : 0);
            if (rest == rule->id || !*rest || strspn(rest, "0123456789") != strlen(rest))
                return fail(ld, "id '%.20s' must be '%s' followed by a number", rule->id, prefix);
            for (const jy_rule *o = r->rules; o < rule; o++)
                if (strcmp(o->id, rule->id) == 0)
                    return fail(ld, "sub-indicator %.20s appears twice", rule->id);
            if ((rc = get_string(&rule->text, ld, ind, "text", 0, rbase)) != JY_OK)
                return rc;
            const cJSON *checks = cJSON_GetObjectItemCaseSensitive(ind, "checks");
            at(ld, "%s.checks", rbase);
            if (!cJSON_IsArray(checks) || cJSON_GetArraySize(checks) == 0)
                return fail(ld, "missing or not a non-empty array of checks");
            rule->checks = next_check;
            size_t ci = 0;
            for (const cJSON *c = checks->child; c; c = c->next, ci++) {
                fmt_path(cbase, sizeof cbase, "%s.checks[%zu]", rbase, ci);
                size_t k = (size_t)(next_check - r->checks);
                if ((rc = parse_check(next_check, ld, c, cbase)) != JY_OK ||
                    (rc = parse_params(&r->params[k], &r->params_text[k], ld, c,
                                       next_check->metric, cbase)) != JY_OK)
                    return rc;
                next_check->params = r->params_text[k] ? r->params_text[k] : "";
                next_check++;
                rule->check_count++;
            }
            rule->is_bonus = item->is_bonus;
            fmt_path(cbase, sizeof cbase, "%s.%s", rbase, item->is_bonus ? "bonus" : "deduction");
            if (item->is_bonus) {
                if (cJSON_HasObjectItem(ind, "deduction")) {
                    at(ld, "%s.deduction", rbase);
                    return fail(ld, "a bonus sub-indicator has no deduction");
                }
                rule->deduction.mode = JY_DEDUCT_NONE;
                rc = parse_bonus(&rule->bonus, &next_bonus, ld,
                                 cJSON_GetObjectItemCaseSensitive(ind, "bonus"), cbase);
            } else {
                if (cJSON_HasObjectItem(ind, "bonus")) {
                    at(ld, "%s.bonus", rbase);
                    return fail(ld, "only sub-indicators of the bonus item take a bonus rule");
                }
                rc = parse_deduction(&rule->deduction, ld,
                                     cJSON_GetObjectItemCaseSensitive(ind, "deduction"), cbase);
            }
            if (rc != JY_OK)
                return rc;
        }
    }
    r->item_count = n_items;
    return JY_OK;
}

static int load_text(jy_rules **out, const char *text, size_t len, jy_located_error *err)
{
    jy_rules *r = jy__calloc(1, sizeof *r);
    if (!r)
        return jy__located(err, JY_ENOMEM, 0, 0, 0, NULL, "out of memory");
    int rc = jy__json_parse(&r->root, text, len, err);
    if (rc == JY_OK) {
        loader ld;
        ld.err = err;
        ld.path[0] = '\0';
        rc = parse(r, &ld);
    }
    if (rc != JY_OK) {
        jy__saved_error saved;
        jy__error_save(&saved);
        jy_rules_free(r);
        return jy__error_restore(&saved);
    }
    *out = r;
    return JY_OK;
}

int jy_rules_load_buffer(jy_rules **out, const char *json, size_t len, jy_located_error *err)
{
    jy__located_reset(err, "<memory>");
    if (out)
        *out = NULL;
    if (!out || (!json && len))
        return jy__located(err, JY_EINVAL, 0, 0, 0, NULL, "jy_rules_load_buffer: NULL argument");
    /* jy__json_parse wants text[len] == '\0'. */
    char *copy = jy__strndup(json ? json : "", len);
    if (!copy)
        return jy__located(err, JY_ENOMEM, 0, 0, 0, NULL, "out of memory");
    int rc = load_text(out, copy, len, err);
    free(copy);
    return rc;
}

int jy_rules_load_file(jy_rules **out, const char *path, jy_located_error *err)
{
    jy__located_reset(err, path);
    if (out)
        *out = NULL;
    if (!out || !path)
        return jy__located(err, JY_EINVAL, 0, 0, 0, NULL, "jy_rules_load_file: NULL argument");
    char *buf = NULL;
    size_t len = 0;
    int rc = jy__read_file(&buf, &len, path, RULES_FILE_MAX, err);
    if (rc != JY_OK)
        return rc;
    rc = load_text(out, buf, len, err);
    free(buf);
    return rc;
}

int jy_rules_load_default(jy_rules **out)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_rules_load_default: out is NULL");
    *out = NULL;
    jy_located_error err;
    jy__located_reset(&err, "<built-in rules>");
    return load_text(out, (const char *)jy__embedded_rules_default,
                     jy__embedded_rules_default_size, &err);
}

void jy_rules_free(jy_rules *rules)
{
    if (!rules)
        return;
    cJSON_Delete(rules->root);
    free(rules->items);
    free(rules->rules);
    free(rules->checks);
    if (rules->params_text)
        for (size_t i = 0; i < rules->check_total; i++)
            cJSON_free(rules->params_text[i]);
    free(rules->params_text);
    free(rules->params);
    free(rules->bonus_values);
    free(rules);
}

const char *jy_rules_name(const jy_rules *rules)
{
    return rules && rules->name ? rules->name : "";
}

double jy_rules_base(const jy_rules *rules)
{
    return rules ? rules->base : 0;
}

size_t jy_rules_item_count(const jy_rules *rules)
{
    return rules ? rules->item_count : 0;
}

const jy_rule_item *jy_rules_item_at(const jy_rules *rules, size_t index)
{
    return rules && index < rules->item_count ? &rules->items[index] : NULL;
}

const jy_rule *jy_rules_find(const jy_rules *rules, const char *id)
{
    if (!rules || !id)
        return NULL;
    for (size_t i = 0; i < rules->item_count; i++)
        for (size_t j = 0; j < rules->items[i].rule_count; j++)
            if (strcmp(rules->items[i].rules[j].id, id) == 0)
                return &rules->items[i].rules[j];
    return NULL;
}

const jy__mparams *jy__rules_check_params(const jy_rules *rules, const jy_rule_check *check)
{
    if (!rules || !check || !rules->params || check < rules->checks ||
        check >= rules->checks + rules->check_total)
        return NULL;
    return &rules->params[check - rules->checks];
}
