/*
 * The assessment engine: a rule set applied to the metrics for a period.
 * Knows metrics and the ledger API, not SQL. The rules of judgement (which
 * buckets are judged, severity, rounding, pace) are documented in
 * docs/rules.md; keep both in step.
 */
#include "assess_internal.h"
#include "metrics_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-9

/* ---- Small numeric helpers (no libm) ------------------------------------ */

static double floor_(double x)
{
    double t = (double)(long long)x;
    return t > x ? t - 1 : t;
}

static double ceil_(double x)
{
    double t = (double)(long long)x;
    return t < x ? t + 1 : t;
}

/* Rounds to the nearest multiple of step (halves up). */
static double round_to(double x, double step)
{
    return floor_(x / step + 0.5 + EPS) * step;
}

/* Removes binary noise from a score (0.6000000000000001 -> 0.6). */
static double tidy(double x)
{
    return floor_(x * 1e6 + 0.5) / 1e6;
}

static double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

static long days_of(jy_date d)
{
    long n = 0;
    jy_date_to_days(&n, d);
    return n;
}

static long span_days(jy_period p)
{
    return days_of(p.to) - days_of(p.from) + 1;
}

/* ---- Card memory ------------------------------------------------------------ */

void *jy__card_keep(jy_scorecard *card, void *p)
{
    if (!p)
        return NULL;
    if (card->owned_count == card->owned_cap) {
        size_t cap = card->owned_cap ? card->owned_cap * 2 : 64;
        void **o = jy__realloc(card->owned, cap * sizeof *o);
        if (!o) {
            free(p);
            return NULL;
        }
        card->owned = o;
        card->owned_cap = cap;
    }
    card->owned[card->owned_count++] = p;
    return p;
}

static const char *keep_str(jy_scorecard *card, const char *s)
{
    return jy__card_keep(card, jy__strdup(s ? s : ""));
}

void jy_scorecard_free(jy_scorecard *card)
{
    if (!card)
        return;
    for (size_t i = 0; i < card->owned_count; i++)
        free(card->owned[i]);
    free(card->owned);
    free(card->items);
    free(card->indicators);
    free(card->checks);
    free(card->incidents);
    jy_rules_free(card->owned_rules);
    free(card);
}

/* ---- Labels ----------------------------------------------------------------- */

const char *jy_score_status_label(jy_score_status status)
{
    switch (status) {
    case JY_SCORE_MET: return "达标";
    case JY_SCORE_FAILED: return "未达标";
    case JY_SCORE_ON_TRACK: return "进行中";
    case JY_SCORE_WARNING: return "预警";
    case JY_SCORE_NOT_JUDGED: return "不考核";
    default: return "";
    }
}

const char *jy_score_status_name(jy_score_status status)
{
    switch (status) {
    case JY_SCORE_MET: return "met";
    case JY_SCORE_FAILED: return "failed";
    case JY_SCORE_ON_TRACK: return "on_track";
    case JY_SCORE_WARNING: return "warning";
    case JY_SCORE_NOT_JUDGED: return "not_judged";
    default: return "";
    }
}

int jy_assess_options_init(jy_assess_options *opts)
{
    if (!opts)
        return jy__error(JY_EINVAL, "jy_assess_options_init: opts is NULL");
    jy_assess_options d = JY_ASSESS_OPTIONS_INIT;
    *opts = d;
    return JY_OK;
}

/* ---- Contract year ------------------------------------------------------------ */

int jy_assess_contract_year(jy_period *out, jy_db *db, jy_date day)
{
    if (!out || !db)
        return jy__error(JY_EINVAL, "jy_assess_contract_year: NULL argument");
    int any_day = day.year == 0;
    if (!any_day && !jy_date_is_valid(day))
        return jy__error(JY_EINVAL, "jy_assess_contract_year: the day is not a valid date");
    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_CONTRACT;
    jy_ledger_iter *it = NULL;
    int rc = jy_ledger_iter_new(&it, db, &f);
    if (rc != JY_OK)
        return rc;
    jy_record *rec = NULL;
    int found = 0;
    jy_date best = { 0, 0, 0 }, best_end = { 0, 0, 0 };
    while ((rc = jy_ledger_iter_next(&rec, it)) == JY_OK) {
        jy_date s, e = { 0, 0, 0 };
        if (jy_record_get_date(&s, rec, "signed_on") == JY_OK &&
            (any_day || jy_date_compare(s, day) <= 0) &&
            (!found || jy_date_compare(s, best) > 0)) {
            best = s;
            if (jy_record_get_date(&e, rec, "ends_on") != JY_OK)
                e.year = 0;
            best_end = e;
            found = 1;
        }
        jy_record_free(rec);
    }
    jy_ledger_iter_free(it);
    if (rc != JY_ITEROVER)
        return rc;
    if (!found)
        return jy__error(JY_ENOTFOUND, "the database holds no contract signed by then");
    if (best_end.year && jy_date_compare(best_end, best) >= 0) {
        out->from = best;
        out->to = best_end;
        return JY_OK;
    }
    return jy_contract_year(out, best, best);
}

/* ---- The engine ----------------------------------------------------------------- */

typedef struct engine {
    jy_db *db;
    const jy_calendar *cal;
    jy_scorecard *card;
    jy__mctx ctx;
} engine;

static int meets(const jy_rule_check *rc, int has_value, double v)
{
    if (!has_value)
        return 0;
    return rc->compare == JY_COMPARE_AT_LEAST ? v >= rc->target - EPS : v <= rc->target + EPS;
}

/* How far off a failing bucket is, 0..1 (docs/rules.md "Severity"). */
static double severity(const jy_rule_check *rc, int has_value, double v)
{
    if (!has_value)
        return 1;
    if (rc->compare == JY_COMPARE_AT_LEAST)
        return rc->target > 0 ? clamp01((rc->target - v) / rc->target) : 1;
    return clamp01(0.25 * (v - rc->target));
}

/* Per-unit deduction of one failing bucket. */
static double unit_deduction(const jy_rule_deduction *d, const jy_rule_check *rc, int has_value,
                             double v)
{
    double x;
    if (!has_value && d->absent > 0) {
        x = d->absent;
    } else {
        double shortfall = !has_value ? (rc->compare == JY_COMPARE_AT_LEAST ? rc->target : 1)
                           : rc->compare == JY_COMPARE_AT_LEAST ? rc->target - v
                                                                : v - rc->target;
        double units = shortfall / d->unit;
        units = d->rounding == JY_ROUND_CEIL ? ceil_(units - EPS)
                : d->rounding == JY_ROUND_FLOOR ? floor_(units + EPS)
                                                : units;
        x = d->per_unit * units;
    }
    if (d->bucket_cap > 0 && x > d->bucket_cap)
        x = d->bucket_cap;
    return x < 0 ? 0 : x;
}

static jy_period_unit unit_of(jy_rule_period p)
{
    switch (p) {
    case JY_RULE_WEEK: return JY_PERIOD_WEEK;
    case JY_RULE_MONTH: return JY_PERIOD_MONTH;
    case JY_RULE_QUARTER: return JY_PERIOD_QUARTER;
    default: return JY_PERIOD_DAY;
    }
}

static void copy_evidence(engine *e, jy_score_check *sc, const jy_measure *m)
{
    sc->evidence.record_kind = m->record_kind;
    sc->evidence.record_role = m->record_kind ? m->record_role : NULL;
    sc->evidence.id_total = m->id_total;
    sc->evidence.note = keep_str(e->card, m->note);
    if (m->id_count) {
        int64_t *ids = jy__card_keep(e->card, jy__malloc(m->id_count * sizeof *ids));
        if (ids) {
            memcpy(ids, m->ids, m->id_count * sizeof *ids);
            sc->evidence.ids = ids;
            sc->evidence.id_count = m->id_count;
        }
    }
}

/* A check judged once over a span: a period check, or an annual total. */
static int score_whole(engine *e, jy_score_check *sc, const jy__metric_def *def,
                       const jy_rule *rule, double *sev)
{
    const jy_rule_check *rc = sc->rule;
    jy_scorecard *card = e->card;
    int year_to_date = rc->period == JY_RULE_YEAR && !card->annual;
    jy_period p = card->period;
    if (year_to_date && jy_date_compare(card->year.from, p.to) <= 0)
        p.from = card->year.from;
    jy__span span;
    jy__span_set(&span, p.from, p.to);
    jy_measure m;
    e->ctx.want_ids = 1;
    int rc_ = jy__metric_run(&m, def, &e->ctx, &span, 1);
    if (rc_ != JY_OK)
        return rc_;
    sc->bucket_count = sc->judged_count = 1;
    sc->has_value = m.has_value;
    sc->value = m.value;
    sc->projected = m.value;
    copy_evidence(e, sc, &m);
    int ok = meets(rc, m.has_value, m.value);
    if (year_to_date) {
        long elapsed = span_days(p), total = span_days(card->year);
        long remaining = days_of(card->year.to) - days_of(p.to);
        if (rc->compare == JY_COMPARE_AT_LEAST) {
            sc->projected = elapsed > 0 ? m.value * (double)total / (double)elapsed : m.value;
            if (!ok)
                sc->pace_needed = (rc->target - m.value) * 30.0 /
                                  (double)(remaining > 0 ? remaining : 1);
            sc->status = ok ? JY_SCORE_MET
                         : sc->projected >= rc->target - EPS ? JY_SCORE_ON_TRACK
                                                             : JY_SCORE_WARNING;
        } else {
            sc->status = ok ? JY_SCORE_ON_TRACK : JY_SCORE_WARNING;
        }
        if (!m.has_value && sc->status != JY_SCORE_MET)
            sc->status = JY_SCORE_WARNING;
        return JY_OK;
    }
    sc->status = ok ? JY_SCORE_MET : JY_SCORE_FAILED;
    if (!ok) {
        sc->evidence.failed_count = 1;
        *sev = severity(rc, m.has_value, m.value);
        if (rule->deduction.mode == JY_DEDUCT_PER_UNIT)
            sc->deduction = tidy(unit_deduction(&rule->deduction, rc, m.has_value, m.value));
    }
    return JY_OK;
}

/* A check judged in every bucket of its unit. */
static int score_buckets(engine *e, jy_score_check *sc, const jy__metric_def *def,
                         const jy_rule *rule, double *sev)
{
    const jy_rule_check *rc = sc->rule;
    jy_scorecard *card = e->card;
    jy_bucket *buckets = NULL;
    size_t nb = 0;
    jy_period_unit unit = unit_of(rc->period);
    int rc_ = jy_period_split(&buckets, &nb, card->period, unit, card->year.from);
    if (rc_ != JY_OK)
        return rc_;
    jy__span *spans = jy__calloc(nb ? nb : 1, sizeof *spans);
    size_t *index = jy__calloc(nb ? nb : 1, sizeof *index);
    jy_measure *ms = jy__calloc(nb ? nb : 1, sizeof *ms);
    size_t labels_cap = nb * (JY_PERIOD_TEXT_SIZE + 1) + 1;
    char *labels = jy__calloc(labels_cap, 1);
    if (!spans || !index || !ms || !labels) {
        rc_ = JY_ENOMEM;
        goto done;
    }
    size_t n = 0;
    for (size_t i = 0; i < nb; i++) {
        const jy_bucket *b = &buckets[i];
        if (b->partial)
            continue; /* only whole buckets are judged (docs/rules.md) */
        if (rc->period == JY_RULE_WORKDAY) {
            int work = 0;
            if ((rc_ = jy_calendar_is_workday(&work, e->cal, b->period.from)) != JY_OK)
                goto done;
            if (!work)
                continue;
        }
        jy__span_set(&spans[n], b->period.from, b->period.to);
        index[n++] = i;
    }
    sc->bucket_count = rc->period == JY_RULE_WORKDAY ? n : nb;
    sc->judged_count = n;
    if (n == 0) {
        sc->status = JY_SCORE_NOT_JUDGED;
        goto done;
    }
    e->ctx.want_ids = 0;
    if ((rc_ = jy__metric_run(ms, def, &e->ctx, spans, n)) != JY_OK)
        goto done;
    size_t failed = 0, first_failed = 0, used = 0;
    double sev_sum = 0, ded = 0, worst = 0;
    int have_worst = 0;
    for (size_t i = 0; i < n; i++) {
        double v = ms[i].has_value ? ms[i].value : 0;
        if (!have_worst || (rc->compare == JY_COMPARE_AT_LEAST ? v < worst : v > worst)) {
            worst = v;
            have_worst = 1;
        }
        if (meets(rc, ms[i].has_value, ms[i].value))
            continue;
        if (failed++ == 0)
            first_failed = i;
        sev_sum += severity(rc, ms[i].has_value, ms[i].value);
        if (rule->deduction.mode == JY_DEDUCT_PER_UNIT)
            ded += unit_deduction(&rule->deduction, rc, ms[i].has_value, ms[i].value);
        char label[JY_PERIOD_TEXT_SIZE];
        const jy_bucket *b = &buckets[index[i]];
        if (unit == JY_PERIOD_DAY)
            jy_date_format(label, b->period.from);
        else if (jy_period_format(label, b->full, unit) != JY_OK)
            jy_date_format(label, b->period.from);
        used += (size_t)snprintf(labels + used, labels_cap - used, "%s%s", used ? "," : "",
                                 label);
    }
    sc->has_value = 1;
    sc->value = worst;
    sc->projected = worst;
    sc->evidence.failed_count = failed;
    sc->evidence.failed_buckets = jy__card_keep(card, labels);
    labels = NULL;
    if (!sc->evidence.failed_buckets) {
        rc_ = JY_ENOMEM;
        goto done;
    }
    sc->status = failed ? JY_SCORE_FAILED : JY_SCORE_MET;
    if (failed) {
        *sev = sev_sum / (double)n;
        sc->deduction = tidy(ded);
        jy_measure m;
        e->ctx.want_ids = 1;
        if ((rc_ = jy__metric_run(&m, def, &e->ctx, &spans[first_failed], 1)) != JY_OK)
            goto done;
        copy_evidence(e, sc, &m);
    } else {
        sc->evidence.note = "";
    }
done:
    free(buckets);
    free(spans);
    free(index);
    free(ms);
    free(labels);
    return rc_;
}

static int status_rank(jy_score_status s)
{
    switch (s) {
    case JY_SCORE_FAILED: return 5;
    case JY_SCORE_WARNING: return 3;
    case JY_SCORE_ON_TRACK: return 2;
    case JY_SCORE_NOT_JUDGED: return 1;
    default: return 0;
    }
}

static int score_indicator(engine *e, jy_score_indicator *si, jy_score_check *checks)
{
    const jy_rule *rule = si->rule;
    double sev_max = 0, unit_sum = 0;
    si->checks = checks;
    si->check_count = rule->check_count;
    si->status = JY_SCORE_MET;
    si->override_reason = si->override_assessor = "";
    for (size_t c = 0; c < rule->check_count; c++) {
        jy_score_check *sc = &checks[c];
        sc->rule = &rule->checks[c];
        sc->target = sc->rule->target;
        sc->evidence.failed_buckets = "";
        sc->evidence.note = "";
        const jy__metric_def *def = jy__metric_def_find(sc->rule->metric);
        double sev = 0;
        int rc;
        e->ctx.params = jy__rules_check_params(e->card->rules, sc->rule);
        if (!def) {
            /* rules are validated at load: a metric they name exists */
            return jy__error(JY_EINVAL, "sub-indicator %s: no metric is called '%.60s'",
                             rule->id, sc->rule->metric);
        }
        if (sc->rule->period == JY_RULE_YEAR || sc->rule->period == JY_RULE_PERIOD) {
            if ((rc = score_whole(e, sc, def, rule, &sev)) != JY_OK)
                return rc;
        } else if ((rc = score_buckets(e, sc, def, rule, &sev)) != JY_OK) {
            return rc;
        }
        if (sc->status == JY_SCORE_FAILED) {
            if (sev > sev_max)
                sev_max = sev;
            unit_sum += sc->deduction;
        }
        if (status_rank(sc->status) > status_rank(si->status))
            si->status = sc->status;
    }
    if (rule->is_bonus) {
        const jy_score_check *sc = &checks[0];
        if (!e->card->annual) {
            si->status = JY_SCORE_NOT_JUDGED;
        } else if (sc->has_value) {
            const jy_rule_bonus *b = &rule->bonus;
            double pts = 0;
            if (b->value_count) {
                for (size_t i = 0; i < b->value_count; i++)
                    if (sc->value > b->values[i] - EPS && sc->value < b->values[i] + EPS)
                        pts = b->points[i];
            } else if (sc->value > b->above) {
                pts = b->per_unit * floor_(sc->value - b->above + EPS);
            }
            si->bonus = tidy(pts);
            si->status = pts > 0 ? JY_SCORE_MET : JY_SCORE_FAILED;
        } else {
            si->status = JY_SCORE_FAILED;
        }
        return JY_OK;
    }
    if (si->status == JY_SCORE_FAILED) {
        const jy_rule_deduction *d = &rule->deduction;
        if (d->mode == JY_DEDUCT_RANGE) {
            double x = round_to(d->min + (d->max - d->min) * sev_max, d->step);
            si->computed_deduction = tidy(x < d->min ? d->min : x > d->max ? d->max : x);
        } else {
            si->computed_deduction = tidy(unit_sum);
        }
    }
    si->deduction = si->computed_deduction;
    return JY_OK;
}

static jy_score_indicator *find_mut(jy_scorecard *card, const char *id)
{
    for (size_t i = 0; i < card->indicator_count; i++)
        if (strcmp(card->indicators[i].rule->id, id) == 0)
            return &card->indicators[i];
    return NULL;
}

/* Overrides decided for exactly this period (the latest decision wins). */
static int apply_overrides(engine *e)
{
    jy_scorecard *card = e->card;
    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_OVERRIDE;
    jy_ledger_iter *it = NULL;
    int rc = jy_ledger_iter_new(&it, e->db, &f);
    if (rc != JY_OK)
        return rc;
    jy_record *rec = NULL;
    while ((rc = jy_ledger_iter_next(&rec, it)) == JY_OK) {
        jy_date pf, pt, decided = { 0, 0, 0 };
        const char *id = NULL, *reason = NULL, *assessor = NULL;
        double ded = 0;
        if (jy_record_get_date(&pf, rec, "period_from") == JY_OK &&
            jy_record_get_date(&pt, rec, "period_to") == JY_OK &&
            jy_date_compare(pf, card->period.from) == 0 &&
            jy_date_compare(pt, card->period.to) == 0 &&
            jy_record_get_text(&id, rec, "indicator") == JY_OK &&
            jy_record_get_real(&ded, rec, "deduction") == JY_OK) {
            jy_score_indicator *si = find_mut(card, id);
            jy_record_get_date(&decided, rec, "decided_on");
            if (si && !si->rule->is_bonus &&
                (!si->overridden || jy_date_compare(decided, si->override_decided_on) >= 0)) {
                if (jy_record_get_text(&reason, rec, "reason") != JY_OK)
                    reason = "";
                if (jy_record_get_text(&assessor, rec, "assessor") != JY_OK)
                    assessor = "";
                si->overridden = 1;
                si->deduction = ded;
                si->override_decided_on = decided;
                si->override_reason = keep_str(card, reason);
                si->override_assessor = keep_str(card, assessor);
                if (!si->override_reason || !si->override_assessor)
                    rc = JY_ENOMEM;
            }
        }
        jy_record_free(rec);
        if (rc == JY_ENOMEM)
            break;
    }
    jy_ledger_iter_free(it);
    return rc == JY_ITEROVER ? JY_OK : rc;
}

static int list_incidents(engine *e)
{
    jy_scorecard *card = e->card;
    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_INCIDENT;
    f.from = card->period.from;
    f.to = card->period.to;
    jy_ledger_iter *it = NULL;
    int rc = jy_ledger_iter_new(&it, e->db, &f);
    if (rc != JY_OK)
        return rc;
    jy_record *rec = NULL;
    size_t cap = 0;
    while ((rc = jy_ledger_iter_next(&rec, it)) == JY_OK) {
        if (card->incident_count == cap) {
            cap = cap ? cap * 2 : 8;
            jy_score_incident *a = jy__realloc(card->incidents, cap * sizeof *a);
            if (!a) {
                jy_record_free(rec);
                rc = JY_ENOMEM;
                break;
            }
            card->incidents = a;
        }
        jy_score_incident *inc = &card->incidents[card->incident_count++];
        memset(inc, 0, sizeof *inc);
        const char *kind = "", *desc = "";
        inc->id = jy_record_id(rec);
        jy_record_get_date(&inc->date, rec, "date");
        jy_record_get_text(&kind, rec, "kind");
        jy_record_get_text(&desc, rec, "description");
        inc->kind = keep_str(card, kind);
        inc->label = strcmp(kind, "data_leak") == 0 ? "数据泄露"
                     : strcmp(kind, "public_opinion") == 0 ? "舆情事件" : "其他";
        inc->description = keep_str(card, desc);
        jy_record_free(rec);
        if (!inc->kind || !inc->description) {
            rc = JY_ENOMEM;
            break;
        }
    }
    jy_ledger_iter_free(it);
    return rc == JY_ITEROVER ? JY_OK : rc;
}

static int run(engine *e)
{
    jy_scorecard *card = e->card;
    const jy_rules *rules = card->rules;
    size_t n_items = jy_rules_item_count(rules), n_inds = 0, n_checks = 0;
    for (size_t i = 0; i < n_items; i++) {
        const jy_rule_item *it = jy_rules_item_at(rules, i);
        n_inds += it->rule_count;
        for (size_t j = 0; j < it->rule_count; j++)
            n_checks += it->rules[j].check_count;
    }
    card->items = jy__calloc(n_items ? n_items : 1, sizeof *card->items);
    card->indicators = jy__calloc(n_inds ? n_inds : 1, sizeof *card->indicators);
    card->checks = jy__calloc(n_checks ? n_checks : 1, sizeof *card->checks);
    if (!card->items || !card->indicators || !card->checks)
        return JY_ENOMEM;
    card->item_count = n_items;
    card->indicator_count = n_inds;
    card->check_count = n_checks;
    size_t ii = 0, ci = 0;
    for (size_t i = 0; i < n_items; i++) {
        const jy_rule_item *rit = jy_rules_item_at(rules, i);
        jy_score_item *item = &card->items[i];
        item->rule = rit;
        item->indicators = &card->indicators[ii];
        item->indicator_count = rit->rule_count;
        for (size_t j = 0; j < rit->rule_count; j++) {
            jy_score_indicator *si = &card->indicators[ii++];
            si->rule = &rit->rules[j];
            si->item_id = rit->id;
            int rc = score_indicator(e, si, &card->checks[ci]);
            ci += rit->rules[j].check_count;
            if (rc != JY_OK)
                return rc;
        }
    }
    int rc = apply_overrides(e);
    if (rc == JY_OK)
        rc = list_incidents(e);
    if (rc != JY_OK)
        return rc;
    card->base = jy_rules_base(rules);
    for (size_t i = 0; i < n_items; i++) {
        jy_score_item *item = &card->items[i];
        double d = 0, b = 0;
        for (size_t j = 0; j < item->indicator_count; j++) {
            d += item->indicators[j].deduction;
            b += item->indicators[j].bonus;
        }
        if (item->rule->is_bonus) {
            item->score = tidy(b);
            card->bonus += b;
            continue;
        }
        item->deduction = tidy(d > item->rule->points ? item->rule->points : d);
        item->score = tidy(item->rule->points - item->deduction);
        card->deduction += item->deduction;
    }
    card->deduction = tidy(card->deduction);
    card->bonus = tidy(card->bonus);
    card->total = tidy(card->base - card->deduction + card->bonus);
    return JY_OK;
}

int jy_assess(jy_scorecard **out, jy_db *db, jy_date from, jy_date to,
              const jy_assess_options *opts)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_assess: out is NULL");
    *out = NULL;
    if (!db)
        return jy__error(JY_EINVAL, "jy_assess: db is NULL");
    if (!jy_date_is_valid(from) || !jy_date_is_valid(to) || jy_date_compare(from, to) > 0)
        return jy__error(JY_EINVAL, "jy_assess: the period is not a valid range of dates "
                                    "(from must not be after to)");
    jy_assess_options o = JY_ASSESS_OPTIONS_INIT;
    if (opts) {
        if (opts->version < 1 || opts->version > JY_ASSESS_OPTIONS_VERSION)
            return jy__error(JY_EINVAL, "jy_assess: options version %u is not supported",
                             opts->version);
        o = *opts;
    }
    jy_scorecard *card = jy__calloc(1, sizeof *card);
    if (!card)
        return JY_ENOMEM;
    jy_calendar *own_cal = NULL;
    int rc = JY_OK;
    card->period.from = from;
    card->period.to = to;
    if (o.rules) {
        card->rules = o.rules;
    } else if ((rc = jy_rules_load_default(&card->owned_rules)) == JY_OK) {
        card->rules = card->owned_rules;
    }
    if (rc == JY_OK && !o.calendar && (rc = jy_calendar_load_default(&own_cal)) == JY_OK)
        o.calendar = own_cal;
    /* The contract year. */
    if (rc == JY_OK) {
        if (o.contract_start.year) {
            if (!jy_date_is_valid(o.contract_start) ||
                jy_date_compare(o.contract_start, from) > 0)
                rc = jy__error(JY_EINVAL, "jy_assess: contract_start must be a valid date not "
                                          "after the period's first day");
            else
                rc = jy_contract_year(&card->year, o.contract_start, from);
        } else {
            rc = jy_assess_contract_year(&card->year, db, from);
            if (rc == JY_ENOTFOUND)
                rc = jy_contract_year(&card->year, from, from);
        }
    }
    if (rc == JY_OK) {
        card->annual = jy_date_compare(from, card->year.from) == 0 &&
                       jy_date_compare(to, card->year.to) == 0;
        jy_date first = jy_date_compare(card->year.from, from) < 0 ? card->year.from : from;
        rc = jy_calendar_covers(o.calendar, first, to);
        if (rc != JY_OK) {
            char a[JY_DATE_TEXT_SIZE], b[JY_DATE_TEXT_SIZE];
            jy_date_format(a, first);
            jy_date_format(b, to);
            rc = jy__error(JY_ERANGE,
                           "cannot assess %s to %s: %s (load the holiday file of that year "
                           "into the calendar, e.g. jiuye assess --calendar FILE)",
                           a, b, jy_error_last()->message);
        }
    }
    if (rc == JY_OK) {
        jy__strlcpy_utf8(card->rules_name, sizeof card->rules_name, jy_rules_name(card->rules));
        engine e = { db, o.calendar, card, { db, o.calendar, card->year.from, 0, NULL } };
        rc = run(&e);
    }
    jy_calendar_free(own_cal);
    if (rc != JY_OK) {
        jy__saved_error saved;
        jy__error_save(&saved);
        jy_scorecard_free(card);
        if (rc == JY_ENOMEM && saved.code != JY_ENOMEM)
            return jy__error_nomem();
        return jy__error_restore(&saved);
    }
    *out = card;
    return JY_OK;
}

/* ---- Accessors ---------------------------------------------------------------- */

jy_period jy_scorecard_period(const jy_scorecard *card)
{
    jy_period z = { { 0, 0, 0 }, { 0, 0, 0 } };
    return card ? card->period : z;
}

jy_period jy_scorecard_contract_year(const jy_scorecard *card)
{
    jy_period z = { { 0, 0, 0 }, { 0, 0, 0 } };
    return card ? card->year : z;
}

int jy_scorecard_is_annual(const jy_scorecard *card)
{
    return card ? card->annual : 0;
}

double jy_scorecard_total(const jy_scorecard *card)
{
    return card ? card->total : 0;
}

double jy_scorecard_deduction(const jy_scorecard *card)
{
    return card ? card->deduction : 0;
}

double jy_scorecard_bonus(const jy_scorecard *card)
{
    return card ? card->bonus : 0;
}

size_t jy_scorecard_item_count(const jy_scorecard *card)
{
    return card ? card->item_count : 0;
}

const jy_score_item *jy_scorecard_item_at(const jy_scorecard *card, size_t index)
{
    return card && index < card->item_count ? &card->items[index] : NULL;
}

const jy_score_indicator *jy_scorecard_find(const jy_scorecard *card, const char *id)
{
    if (!card || !id)
        return NULL;
    for (size_t i = 0; i < card->indicator_count; i++)
        if (strcmp(card->indicators[i].rule->id, id) == 0)
            return &card->indicators[i];
    return NULL;
}

size_t jy_scorecard_incident_count(const jy_scorecard *card)
{
    return card ? card->incident_count : 0;
}

const jy_score_incident *jy_scorecard_incident_at(const jy_scorecard *card, size_t index)
{
    return card && index < card->incident_count ? &card->incidents[index] : NULL;
}
