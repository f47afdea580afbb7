/*
 * Metrics of items 8-9: enterprise demand (8.1-8.2) and meeting it (9.1-9.3). Owned by the metrics2 branch.
 */
#include "metrics_internal.h"

const jy__metric_def jy__metrics_demand[] = {
    JY__METRIC_RESERVED("demand_ledger_enterprises", "家", "用工需求台账企业数", "Enterprises in the demand ledger."),
    JY__METRIC_RESERVED("townships_short_of_jobseeker_groups", "个", "求职者微信群不足的乡镇", "Townships with fewer than 2 jobseeker groups of 500."),
    JY__METRIC_RESERVED("repeat_shortage_enterprises", "家", "第二次列入缺工清单的企业", "Enterprises on the shortage list a second time."),
    JY__METRIC_RESERVED("retained_hires", "人", "入职满3个月的新员工", "Hires retained three months, labor dispatch excluded."),
    JY__METRIC_RESERVED("enterprise_service_reports", "份", "企业用工服务季度报告", "Quarterly enterprise service reports."),
    JY__METRIC_END,
};
