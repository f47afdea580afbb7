/*
 * Metrics of item 13 (tea meetings) and 15 (bonus: the city ranking).
 */
#include "metrics_internal.h"

const jy__metric_def jy__metrics_tea[] = {
    JY__METRIC_RESERVED("tea_meeting_enterprises", "家", "餐（茶）叙会参会企业数", "Enterprises at the quarter's tea meeting."),
    JY__METRIC_RESERVED("city_rank", "名", "全市排名", "City rank (manual fact)."),
    JY__METRIC_END,
};
