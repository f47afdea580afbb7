/* The inside of a scorecard, shared by assess.c (the engine) and
 * scorecard.c (JSON, CSV and HTML). */
#ifndef JIUYE_ASSESS_INTERNAL_H
#define JIUYE_ASSESS_INTERNAL_H

#include "internal.h"

struct jy_scorecard {
    jy_period period;
    jy_period year;
    int annual;
    double base, deduction, bonus, total;
    const jy_rules *rules;      /* borrowed, or owned_rules */
    jy_rules *owned_rules;
    char rules_name[256];
    size_t item_count;
    jy_score_item *items;
    jy_score_indicator *indicators;
    size_t indicator_count;
    jy_score_check *checks;
    size_t check_count;
    size_t incident_count;
    jy_score_incident *incidents;
    /* every string and id array the card hands out */
    void **owned;
    size_t owned_count, owned_cap;
};

/* Keeps `p` to be freed with the card; returns p (NULL on failure, p freed). */
void *jy__card_keep(jy_scorecard *card, void *p);

/* Fills `r` with the seed's table layout of `card` (section `scorecard`:
 * 序号, 指标项, 考核内容, 评分标准, 考核说明, 考核得分), as jy_scorecard_to_csv(). */
int jy__scorecard_fill_report(jy_report *r, const jy_scorecard *card);

#endif /* JIUYE_ASSESS_INTERNAL_H */
