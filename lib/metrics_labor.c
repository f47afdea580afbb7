/*
 * Metrics of items 10-11: the labor survey (10.1-10.3) and returnees (11.1). Owned by the metrics2 branch.
 */
#include "metrics_internal.h"

const jy__metric_def jy__metrics_labor[] = {
    JY__METRIC_RESERVED("labor_records", "条", "劳动力资源信息条数", "Labor records of residents aged 16-60 by 31 August."),
    JY__METRIC_RESERVED("labor_accuracy", "%", "信息准确率", "Accuracy of the labor records (spot checks)."),
    JY__METRIC_RESERVED("labor_quarterly_reports", "份", "劳动力资源季度专报", "Quarterly labor reports by township."),
    JY__METRIC_RESERVED("returnee_reports", "次", "返乡务工人员月报", "Monthly returnee reports."),
    JY__METRIC_END,
};
