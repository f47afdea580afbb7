/*
 * Metrics of item 12: key groups (12.1-12.3). Owned by the metrics2 branch.
 */
#include "metrics_internal.h"

const jy__metric_def jy__metrics_keygroups[] = {
    JY__METRIC_RESERVED("key_group_1311_coverage", "%", "重点群体1311服务覆盖率", "Key-group persons served with 1311."),
    JY__METRIC_RESERVED("return_assistance_rate", "%", "返乡就业帮扶率", "Return-home assistance rate."),
    JY__METRIC_RESERVED("return_employment_rate", "%", "返乡就业帮扶就业率", "Employed rate of the assisted."),
    JY__METRIC_RESERVED("return_assistance_target_met", "", "完成帮扶项目人数", "Target headcount met (manual fact)."),
    JY__METRIC_RESERVED("labor_service_reports", "份", "劳动力资源服务季度报告", "Quarterly labor service reports."),
    JY__METRIC_END,
};
