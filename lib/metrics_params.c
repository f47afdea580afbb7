/*
 * Metric parameters: the standards that live inside a metric (the 1311
 * package of 12.1, 8.2's group size, 5.3's minutes and jobs, 9.2's months)
 * and that a county may refine in its rule set (seed §3.5) with a check's
 * `params` object (docs/rules.md, "Metric parameters"). Every parameter is
 * a whole number with the seed's value as its default and a range.
 */
#include "metrics_internal.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

typedef struct param_spec {
    const char *metric;  /* the metric it belongs to */
    const char *name;    /* its name in `params` */
    double dflt, min, max;
} param_spec;

/* Indexed by jy__param_id (keep in step with metrics_internal.h). */
static const param_spec specs[JY__PARAM_COUNT_] = {
    [JY__P_1311_BRIEFINGS] = { "key_group_1311_coverage", "policy_briefings", 1, 0, JY__PARAM_PACKAGE_MAX },
    [JY__P_1311_GUIDANCE] = { "key_group_1311_coverage", "career_guidance", 1, 0, JY__PARAM_PACKAGE_MAX },
    [JY__P_1311_REFERRALS] = { "key_group_1311_coverage", "job_referrals", 3, 0, JY__PARAM_PACKAGE_MAX },
    [JY__P_1311_TRAININGS] = { "key_group_1311_coverage", "training_offers", 1, 0, JY__PARAM_PACKAGE_MAX },
    [JY__P_GROUPS_PER_TOWNSHIP] = { "townships_short_of_jobseeker_groups", "groups_per_township", 2, 1, 100 },
    [JY__P_GROUP_MIN_MEMBERS] = { "townships_short_of_jobseeker_groups", "min_members", 500, 1, 1000000 },
    [JY__P_SHOW_MIN_MINUTES] = { "live_shows_short", "min_minutes", 90, 0, 1440 },
    [JY__P_SHOW_MIN_JOBS] = { "live_shows_short", "min_jobs", 30, 0, 100000 },
    [JY__P_RETENTION_MONTHS] = { "retained_hires", "months", 3, 1, 36 },
    [JY__P_LABOR_MIN_AGE] = { "labor_records", "min_age", 16, 0, 150 },
    [JY__P_LABOR_MAX_AGE] = { "labor_records", "max_age", 60, 0, 150 },
    [JY__P_LABOR_DEADLINE_MONTH] = { "labor_records", "deadline_month", 8, 1, 12 },
    [JY__P_LABOR_DEADLINE_DAY] = { "labor_records", "deadline_day", 31, 1, 31 },
};

double jy__mparam(const jy__mctx *ctx, jy__param_id id)
{
    return ctx->params ? ctx->params->v[id] : specs[id].dflt;
}

int jy__mparam_is_default(const jy__mctx *ctx, jy__param_id id)
{
    return jy__mparam(ctx, id) == specs[id].dflt;
}

void jy__mparams_init(jy__mparams *p)
{
    for (int i = 0; i < JY__PARAM_COUNT_; i++)
        p->v[i] = specs[i].dflt;
}

int jy__mparams_differ(const jy__mparams *a, const jy__mparams *b, const jy__param_id *ids,
                       size_t n)
{
    for (size_t i = 0; i < n; i++) {
        double x = a ? a->v[ids[i]] : specs[ids[i]].dflt;
        double y = b ? b->v[ids[i]] : specs[ids[i]].dflt;
        if (x != y)
            return 1;
    }
    return 0;
}

/* Writes the names `metric` takes, comma-separated, into buf. */
static void names_of(char *buf, size_t size, const char *metric)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < JY__PARAM_COUNT_ && used + 1 < size; i++)
        if (strcmp(specs[i].metric, metric) == 0)
            used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
                                     specs[i].name);
}

int jy__mparams_parse(jy__mparams *out, const char *metric, const void *json, char *where,
                      size_t where_size, char *why, size_t why_size)
{
    const cJSON *obj = json;
    jy__mparams_init(out);
    where[0] = '\0';
    if (!cJSON_IsObject(obj)) {
        snprintf(why, why_size, "must be an object of parameter names and numbers");
        return JY_EINVAL;
    }
    for (const cJSON *m = obj->child; m; m = m->next) {
        int found = -1;
        for (int i = 0; i < JY__PARAM_COUNT_; i++)
            if (strcmp(specs[i].metric, metric) == 0 && strcmp(specs[i].name, m->string) == 0)
                found = i;
        snprintf(where, where_size, "%s", m->string);
        for (const cJSON *o = obj->child; o != m; o = o->next)
            if (strcmp(o->string, m->string) == 0) {
                snprintf(why, why_size, "'%.40s' is given twice", m->string);
                return JY_EINVAL;
            }
        if (found < 0) {
            char names[256];
            names_of(names, sizeof names, metric);
            if (*names)
                snprintf(why, why_size, "the metric %.60s has no parameter '%.40s' (it takes %s)",
                         metric, m->string, names);
            else
                snprintf(why, why_size, "the metric %.60s takes no parameters (not '%.40s')",
                         metric, m->string);
            return JY_EINVAL;
        }
        const param_spec *s = &specs[found];
        if (!cJSON_IsNumber(m)) {
            snprintf(why, why_size, "must be a number (a whole number from %g to %g)", s->min,
                     s->max);
            return JY_EINVAL;
        }
        double v = m->valuedouble;
        if (!(v >= s->min && v <= s->max)) {
            snprintf(why, why_size, "%g is out of range (%g to %g)", v, s->min, s->max);
            return JY_EINVAL;
        }
        if (v != (double)(long)v) {
            snprintf(why, why_size, "%g is not a whole number", v);
            return JY_EINVAL;
        }
        out->v[found] = v;
    }
    /* Rules between parameters of one metric. */
    if (out->v[JY__P_LABOR_MIN_AGE] > out->v[JY__P_LABOR_MAX_AGE]) {
        snprintf(where, where_size, "min_age");
        snprintf(why, why_size, "%g is above max_age (%g)", out->v[JY__P_LABOR_MIN_AGE],
                 out->v[JY__P_LABOR_MAX_AGE]);
        return JY_EINVAL;
    }
    static const int days_in[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int month = (int)out->v[JY__P_LABOR_DEADLINE_MONTH];
    if (out->v[JY__P_LABOR_DEADLINE_DAY] > days_in[month - 1]) {
        snprintf(where, where_size, "deadline_day");
        snprintf(why, why_size, "month %d has no day %g in every year", month,
                 out->v[JY__P_LABOR_DEADLINE_DAY]);
        return JY_EINVAL;
    }
    return JY_OK;
}
