/*
 * Metrics of item 14: other matters (14.1-14.2). Owned by the metrics2 branch.
 */
#include "metrics_internal.h"

const jy__metric_def jy__metrics_other[] = {
    JY__METRIC_RESERVED("summer_volunteers", "人", "暑期大学生志愿者人数", "Student volunteers in July-August."),
    JY__METRIC_RESERVED("tasks_not_done_on_time", "件", "未按时完成的临时性工作", "Ad-hoc tasks not done on time."),
    JY__METRIC_END,
};
