/*
 * Metrics of items 6-7: the team (6.1-6.3) and the industrial enterprise staff survey (7.1-7.3).
 */
#include "metrics_internal.h"

const jy__metric_def jy__metrics_team[] = {
    JY__METRIC_RESERVED("team_size", "人", "运营团队人数", "Team size (manual fact)."),
    JY__METRIC_RESERVED("lead_qualified", "", "项目负责人人力资源管理能力", "The lead is qualified in HR (manual fact)."),
    JY__METRIC_RESERVED("city_first_tier", "", "全市考核第一方阵", "The homes rank in the first tier (manual fact)."),
    JY__METRIC_RESERVED("featured_practices", "条", "特色典型做法", "Featured practices."),
    JY__METRIC_RESERVED("featured_media_reports", "篇", "中央、省部级媒体报道", "Central or provincial media reports."),
    JY__METRIC_RESERVED("industrial_enterprises_surveyed", "家", "8月31日前摸排的工业企业", "Industrial enterprises surveyed by 31 August."),
    JY__METRIC_RESERVED("staff_survey_reports", "份", "在岗员工摸排专报", "Staff survey special reports."),
    JY__METRIC_RESERVED("wechat_enterprises", "家", "企业微信群企业数", "Enterprises in the WeChat group."),
    JY__METRIC_RESERVED("new_authorized_enterprises", "家", "新增入驻授权企业", "Enterprises that authorized the home."),
    JY__METRIC_END,
};
