/*
 * The catalogue of ledger kinds and their fields.
 *
 * This table is the single description of what the ledgers hold: records are
 * checked against it (record.c, ledger.c), stored by it (the SQL tables of
 * schema.sql have one column per field, of the same name; a test checks
 * that they agree), imported and exported by it, and documented from it.
 * Adding a field: add it here, add the column in a new schema migration.
 */
#include "catalog.h"

#include <string.h>

const char jy__fmt_id_number[] = "id_number";
const char jy__fmt_credit_code[] = "credit_code";
const char jy__fmt_phone[] = "phone";
const char jy__fmt_township[] = "township";
const char jy__fmt_village[] = "village";
const char jy__fmt_enum[] = "enum";
const char jy__fmt_time[] = "time";

#define NOMIN INT64_MIN
#define NOMAX INT64_MAX

#define FIELD(n, l, t, fl, fmt, vals, labs, ref, mn, mx, d) \
    { n, l, t, fl, fmt, vals, labs, (jy_kind)(ref), mn, mx, d }
#define ID_FIELD FIELD("id", "编号", JY_FIELD_INTEGER, JY_FIELD_READONLY, NULL, NULL, NULL, 0, 1, NOMAX, "Record id, assigned by the library.")
#define TEXT(n, l, fl, d) FIELD(n, l, JY_FIELD_TEXT, fl, NULL, NULL, NULL, 0, NOMIN, NOMAX, d)
#define FMT(n, l, fmt, fl, d) FIELD(n, l, JY_FIELD_TEXT, fl, fmt, NULL, NULL, 0, NOMIN, NOMAX, d)
#define ENUM(n, l, v, fl, d) FIELD(n, l, JY_FIELD_TEXT, fl, jy__fmt_enum, v##_values, v##_labels, 0, NOMIN, NOMAX, d)
#define INT(n, l, mn, mx, fl, d) FIELD(n, l, JY_FIELD_INTEGER, fl, NULL, NULL, NULL, 0, mn, mx, d)
#define REAL(n, l, mn, mx, fl, d) FIELD(n, l, JY_FIELD_REAL, fl, NULL, NULL, NULL, 0, mn, mx, d)
#define BOOL(n, l, fl, d) FIELD(n, l, JY_FIELD_BOOL, fl, NULL, NULL, NULL, 0, 0, 1, d)
#define DATE(n, l, fl, d) FIELD(n, l, JY_FIELD_DATE, fl, NULL, NULL, NULL, 0, NOMIN, NOMAX, d)
#define LIST(n, l, fl, d) FIELD(n, l, JY_FIELD_LIST, fl, NULL, NULL, NULL, 0, NOMIN, NOMAX, d)
#define LISTENUM(n, l, v, fl, d) FIELD(n, l, JY_FIELD_LIST, fl, jy__fmt_enum, v##_values, v##_labels, 0, NOMIN, NOMAX, d)
#define REF(n, l, k, fl, d) FIELD(n, l, JY_FIELD_REFERENCE, fl, NULL, NULL, NULL, k, 1, NOMAX, d)

#define REQ JY_FIELD_REQUIRED
#define PII JY_FIELD_PERSONAL
#define UNIQ JY_FIELD_UNIQUE
#define RO JY_FIELD_READONLY

/* ---- Enumerations: values in code, labels for county staff ------------- */

static const char *const industry_values[] = { "salt_chemical", "luggage", "smart_manufacturing",
    "manufacturing", "logistics", "services", "construction", "agriculture", "ecommerce",
    "other", NULL };
static const char *const industry_labels[] = { "盐化", "箱包", "智能制造", "其他制造业", "物流",
    "服务业", "建筑业", "农业", "电商", "其他", NULL };

static const char *const education_values[] = { "none", "primary", "junior", "senior",
    "vocational", "college", "bachelor", "master", NULL };
static const char *const education_labels[] = { "不限", "小学", "初中", "高中", "中专",
    "大专", "本科", "研究生", NULL };
/* A person's education: `none` is no schooling (未上过学), not a posting's
 * "no requirement" (不限). */
static const char *const person_education_labels[] = { "未上过学", "小学", "初中", "高中", "中专",
    "大专", "本科", "研究生", NULL };

static const char *const posting_kind_values[] = { "full_time", "gig", NULL };
static const char *const posting_kind_labels[] = { "全职", "零工", NULL };

static const char *const worker_type_values[] = { "general", "skilled", NULL };
static const char *const worker_type_labels[] = { "普工", "技工", NULL };

static const char *const followup_kind_values[] = { "phone", "visit", "wechat", "referral",
    "interview", "other", NULL };
static const char *const followup_kind_labels[] = { "电话", "走访", "微信", "岗位推荐", "面试",
    "其他", NULL };

static const char *const gender_values[] = { "male", "female", NULL };
static const char *const gender_labels[] = { "男", "女", NULL };

static const char *const employment_values[] = { "employed_county", "employed_province",
    "employed_outside", "flexible", "self_employed", "unemployed", "farming", "student",
    "other", NULL };
static const char *const employment_labels[] = { "县内就业", "省内县外就业", "省外就业",
    "灵活就业", "自主创业", "失业", "务农", "在校学生", "其他", NULL };

static const char *const key_group_values[] = { "graduate", "poverty_alleviated",
    "hard_to_employ", "returnee", "veteran", "disabled", "low_income", "rural_migrant", NULL };
static const char *const key_group_labels[] = { "高校毕业生", "脱贫人口", "就业困难人员",
    "返乡人员", "退役军人", "残疾人", "低保对象", "农民工", NULL };

static const char *const event_kind_values[] = {
    "live_show", "streamer_visit", "online_job_fair", "job_fair", "training", "competition",
    "supervision", "staff_evaluation", "dispatch", "tea_meeting", "recruitment_push", "video",
    "activity_post", "followers", "media_report", "featured_practice", "consultation",
    "hotline", "report", "volunteer", "task", "board_update", "wechat_group", "team",
    "ranking", "service_1311", "return_assistance", NULL };
static const char *const event_kind_labels[] = {
    "直播带岗", "主播探企", "网络招聘会", "现场招聘会", "业务培训", "比武练兵", "业务督导",
    "年终评价", "网点调度", "餐茶叙会", "招聘推送", "招工视频", "活动推文", "粉丝统计",
    "媒体报道", "特色做法", "咨询服务", "就业热线", "报告报送", "志愿者", "临时任务",
    "阵地更新", "微信群", "运营团队", "全市排名", "1311服务", "返乡就业帮扶", NULL };

static const char *const level_values[] = { "central", "provincial", "city", "county", NULL };
static const char *const level_labels[] = { "中央级", "省部级", "市级", "县级", NULL };

static const char *const service_values[] = { "job_introduction", "career_guidance",
    "entrepreneurship_training", "startup_loan", "job_recommendation", "policy_briefing",
    "job_referral", "training_offer", NULL };
static const char *const service_labels[] = { "职业介绍", "职业指导", "创业培训", "创业担保贷款",
    "岗位推介", "政策宣讲", "岗位推荐", "培训见习", NULL };

static const char *const report_values[] = { "monthly", "annual", "quarterly_labor",
    "quarterly_enterprise_service", "quarterly_labor_service", "returnee_monthly",
    "staff_survey", NULL };
static const char *const report_labels[] = { "月度数据分析报告", "年度数据分析报告",
    "劳动力资源季度专报", "企业用工服务季度报告", "劳动力资源服务季度报告", "返乡务工人员月报",
    "在岗员工摸排专报", NULL };

static const char *const group_values[] = { "jobseeker", "enterprise", NULL };
static const char *const group_labels[] = { "求职者群", "企业群", NULL };

static const char *const board_values[] = { "posting_board", "gig_board", "notice_board", NULL };
static const char *const board_labels[] = { "岗位发布专区", "零工专区", "招工宣传栏", NULL };

static const char *const shortage_source_values[] = { "qinqing_meeting", "leader_visit",
    "new_project", "other", NULL };
static const char *const shortage_source_labels[] = { "亲清恳谈会", "县领导包保走访",
    "新引进投产项目", "其他", NULL };

static const char *const incident_values[] = { "data_leak", "public_opinion", NULL };
static const char *const incident_labels[] = { "数据泄露", "舆情事件", NULL };

/* ---- Kinds --------------------------------------------------------------- */

static const jy_field_info contract_fields[] = {
    ID_FIELD,
    TEXT("name", "合同名称", REQ, "Name of the contract."),
    TEXT("operator", "运营单位", 0, "The contracted operator."),
    DATE("signed_on", "签订日期", REQ, "Signing date: the service year runs from it."),
    DATE("ends_on", "截止日期", 0, "Last day of the service year (default: a year after signing, less a day)."),
    TEXT("rules", "考核细则", 0, "Name or file of the rule set used for this contract year."),
    TEXT("notes", "备注", 0, "Free notes."),
};

static const jy_field_info enterprise_fields[] = {
    ID_FIELD,
    TEXT("name", "企业名称", REQ | UNIQ, "Registered name of the enterprise."),
    FMT("credit_code", "统一社会信用代码", jy__fmt_credit_code, UNIQ, "Unified social credit code (GB 32100)."),
    ENUM("industry", "行业", industry, 0, "Industry of the enterprise."),
    BOOL("industrial", "工业企业", 0, "An industrial enterprise (counts for the staff survey)."),
    FMT("township", "所在乡镇", jy__fmt_township, 0, "Township of the enterprise (code or name on input)."),
    TEXT("address", "地址", 0, "Address."),
    TEXT("contact_name", "联系人", PII, "Person to contact (personal data)."),
    FMT("contact_phone", "联系电话", jy__fmt_phone, PII, "Phone of the contact (personal data)."),
    DATE("platform_registered_on", "平台注册日期", 0, "Registered on the employment home platform."),
    DATE("authorized_on", "入驻授权日期", 0, "Settled in / authorized the employment home."),
    DATE("wechat_joined_on", "入企业群日期", 0, "Joined the county enterprise WeChat group."),
    DATE("demand_ledger_on", "纳入用工需求台账日期", 0, "Entered into the demand ledger (general and skilled workers)."),
    INT("staff_count", "在岗员工数", 0, 1000000, 0, "Staff headcount of the latest survey."),
    DATE("staff_surveyed_on", "员工摸排日期", 0, "Date of the latest staff survey."),
    TEXT("notes", "备注", 0, "Free notes."),
};

static const jy_field_info staff_survey_fields[] = {
    ID_FIELD,
    REF("enterprise_id", "企业编号", JY_KIND_ENTERPRISE, REQ, "The enterprise surveyed."),
    DATE("surveyed_on", "摸排日期", REQ, "Date of the survey."),
    INT("staff_count", "在岗员工数", 0, 1000000, REQ, "Staff in post."),
    INT("general_workers", "普工人数", 0, 1000000, 0, "Of them, general workers."),
    INT("skilled_workers", "技工人数", 0, 1000000, 0, "Of them, skilled workers."),
    INT("vacancies", "缺工人数", 0, 1000000, 0, "Vacancies the enterprise reports."),
    TEXT("notes", "备注", 0, "Free notes."),
};

static const jy_field_info posting_fields[] = {
    ID_FIELD,
    REF("enterprise_id", "企业编号", JY_KIND_ENTERPRISE, REQ, "The employer."),
    TEXT("title", "岗位名称", REQ, "Title of the job."),
    TEXT("description", "岗位描述", 0, "Description and requirements."),
    LIST("skills", "技能要求", 0, "Skills asked for."),
    INT("headcount", "招聘人数", 1, 100000, 0, "People wanted."),
    INT("salary_min", "最低月薪", 0, 1000000, 0, "Monthly salary from, in yuan."),
    INT("salary_max", "最高月薪", 0, 1000000, 0, "Monthly salary up to, in yuan."),
    TEXT("salary_text", "薪资说明", 0, "Salary as written (面议, 计件...)."),
    INT("age_min", "最低年龄", 16, 70, 0, "Youngest age accepted."),
    INT("age_max", "最高年龄", 16, 70, 0, "Oldest age accepted."),
    ENUM("education", "学历要求", education, 0, "Least education required."),
    FMT("township", "工作地点乡镇", jy__fmt_township, 0, "Township of the workplace."),
    ENUM("kind", "岗位类型", posting_kind, REQ, "Full time or gig work (零工)."),
    ENUM("worker_type", "用工类别", worker_type, 0, "General or skilled worker."),
    DATE("published_on", "发布日期", REQ, "Date published."),
    DATE("closed_on", "截止日期", 0, "Date closed; open while unset."),
    TEXT("source", "来源", 0, "Where the posting was collected (platform, visit, phone...)."),
    TEXT("external_id", "外部编号", 0, "Id of the posting in its source system."),
};

static const jy_field_info jobseeker_fields[] = {
    ID_FIELD,
    TEXT("name", "姓名", REQ | PII, "Name (personal data)."),
    FMT("id_number", "身份证号", jy__fmt_id_number, PII, "Resident ID number (personal data)."),
    FMT("phone", "手机号", jy__fmt_phone, PII, "Mobile number (personal data)."),
    REF("labor_id", "劳动力信息编号", JY_KIND_LABOR, 0, "The person's labor record, when known."),
    DATE("registered_on", "登记日期", REQ, "Date of registration."),
    TEXT("wishes", "求职意向", 0, "Jobs wished for, as the person said them."),
    LIST("skills", "技能特长", 0, "Skills."),
    FMT("township", "意向乡镇", jy__fmt_township, 0, "Township where the person wants to work."),
    INT("salary_wish", "期望月薪", 0, 1000000, 0, "Monthly salary wished, in yuan."),
    INT("age", "年龄", 16, 70, 0, "Age at registration (derived from the ID number when given)."),
    FIELD("education", "学历", JY_FIELD_TEXT, 0, jy__fmt_enum, education_values, person_education_labels, 0, NOMIN, NOMAX,
          "Education (none: no schooling)."),
    BOOL("resume_on_platform", "平台简历", 0, "Has a resume on the employment home platform."),
    BOOL("in_county", "新干县辖区", 0, "Resident of the county (for the push coverage)."),
};

static const jy_field_info followup_fields[] = {
    ID_FIELD,
    REF("jobseeker_id", "求职者编号", JY_KIND_JOBSEEKER, REQ, "The jobseeker served."),
    DATE("date", "跟进日期", REQ, "Date of the follow-up."),
    ENUM("kind", "跟进方式", followup_kind, REQ, "How."),
    TEXT("outcome", "跟进结果", 0, "What came of it."),
};

static const jy_field_info labor_fields[] = {
    ID_FIELD,
    FMT("id_number", "身份证号", jy__fmt_id_number, REQ | UNIQ | PII, "Resident ID number: one record per person (personal data)."),
    TEXT("name", "姓名", REQ | PII, "Name (personal data)."),
    ENUM("gender", "性别", gender, RO, "Derived from the ID number."),
    DATE("birth_date", "出生日期", RO, "Derived from the ID number."),
    FMT("phone", "联系电话", jy__fmt_phone, PII, "Mobile number (personal data)."),
    FMT("township", "乡镇", jy__fmt_township, REQ, "Township of residence."),
    FMT("village", "村(社区)", jy__fmt_village, 0, "Village or community of residence."),
    FIELD("education", "文化程度", JY_FIELD_TEXT, 0, jy__fmt_enum, education_values, person_education_labels, 0, NOMIN, NOMAX,
          "Education (none: no schooling)."),
    ENUM("employment_status", "就业状况", employment, 0, "Employment status."),
    TEXT("job", "从事工作", 0, "Job or trade."),
    TEXT("employer", "就业单位", 0, "Employer or place of work."),
    LIST("skills", "技能特长", 0, "Skills."),
    BOOL("needs_job", "就业需求", 0, "Wants a job."),
    BOOL("needs_entrepreneurship", "创业需求", 0, "Wants to start a business."),
    BOOL("needs_training", "培训需求", 0, "Wants training."),
    LISTENUM("key_groups", "重点群体", key_group, 0, "Key groups the person belongs to (tags)."),
    BOOL("returnee", "返乡务工人员", 0, "A migrant worker back home."),
    BOOL("wish_local", "返乡就业意愿", 0, "Wishes to work in the county."),
    DATE("surveyed_on", "调查日期", REQ, "Date of the survey or of the last update."),
    TEXT("surveyor", "调查人", 0, "Labor broker or volunteer who surveyed."),
    DATE("entered_on", "录入日期", RO, "Date the record was first entered: set by the library on the first insert to the survey date (an earlier entry date the record carries is kept: an export imported again) and never changed by updates."),
};

static const jy_field_info labor_change_fields[] = {
    ID_FIELD,
    REF("labor_id", "劳动力信息编号", JY_KIND_LABOR, REQ | RO, "The labor record changed."),
    DATE("changed_on", "变更日期", REQ | RO, "Survey date of the update."),
    TEXT("field", "变更字段", REQ | RO, "Field that changed."),
    TEXT("old_value", "原值", PII | RO, "Value before (masked on export when personal)."),
    TEXT("new_value", "新值", PII | RO, "Value after (masked on export when personal)."),
};

static const jy_field_info verification_fields[] = {
    ID_FIELD,
    REF("labor_id", "劳动力信息编号", JY_KIND_LABOR, REQ, "The labor record checked."),
    DATE("checked_on", "核查日期", REQ, "Date of the spot check."),
    BOOL("accurate", "信息准确", REQ, "The record matched reality."),
    TEXT("checker", "核查人", 0, "Who checked."),
    TEXT("notes", "备注", 0, "What was wrong."),
};

static const jy_field_info event_fields[] = {
    ID_FIELD,
    ENUM("kind", "活动类型", event_kind, REQ, "What kind of activity."),
    DATE("date", "日期", REQ, "Date of the activity (for a task: the date it was given)."),
    TEXT("title", "标题", 0, "Title or subject."),
    FMT("township", "乡镇", jy__fmt_township, 0, "Township concerned, if any."),
    FMT("starts_at", "开始时间", jy__fmt_time, 0, "Start time, HH:MM (live shows)."),
    INT("minutes", "时长(分钟)", 0, 100000, 0, "Duration in minutes (live shows)."),
    INT("jobs_shown", "带岗数量", 0, 1000000, 0, "Jobs presented (live shows, job fairs)."),
    TEXT("holiday", "节假日", 0, "Public holiday of the live show (五一, 国庆, 元旦...)."),
    INT("views", "浏览量", 0, NOMAX, 0, "Views (videos, posts)."),
    INT("count", "数量", 0, NOMAX, 0, "A count: followers gained, team size, volunteers, enterprises..."),
    ENUM("level", "级别", level, 0, "Level of a media report."),
    ENUM("service_type", "服务类型", service, 0, "Service given (consultations, 1311 service)."),
    TEXT("person_name", "服务对象", PII, "Person served (personal data)."),
    REF("labor_id", "劳动力信息编号", JY_KIND_LABOR, 0, "Labor record of the person served."),
    REF("enterprise_id", "企业编号", JY_KIND_ENTERPRISE, 0, "Enterprise concerned (streamer visits...)."),
    ENUM("report_kind", "报告类型", report, 0, "Kind of report submitted."),
    TEXT("period", "所属期间", 0, "Period a report covers: 2026-03, 2026-Q1, 2026."),
    DATE("due_on", "要求完成日期", 0, "Due date (ad-hoc tasks)."),
    DATE("done_on", "完成日期", 0, "Date done (ad-hoc tasks)."),
    ENUM("group_kind", "群类型", group, 0, "Kind of WeChat group."),
    INT("members", "成员数", 0, NOMAX, 0, "Members of a WeChat group."),
    ENUM("board", "宣传阵地", board, 0, "Board updated."),
    INT("rank", "排名", 1, 1000, 0, "Rank in the city's ranking."),
    BOOL("success", "成效", 0, "Outcome achieved (return assistance: employed; staff: qualified)."),
    TEXT("channel", "发布渠道", 0, "Channel: 新干微就业, 抖音, 视频号, city site..."),
    TEXT("notes", "备注", 0, "Free notes."),
    TEXT("source", "来源", 0, "Source of a fact recorded by hand (a document, the assessor...)."),
};

static const jy_field_info event_enterprise_fields[] = {
    ID_FIELD,
    REF("event_id", "活动编号", JY_KIND_EVENT, REQ, "The event."),
    REF("enterprise_id", "企业编号", JY_KIND_ENTERPRISE, REQ, "An enterprise that attended."),
};

static const jy_field_info hire_fields[] = {
    ID_FIELD,
    REF("jobseeker_id", "求职者编号", JY_KIND_JOBSEEKER, 0, "The jobseeker placed, when registered."),
    REF("enterprise_id", "企业编号", JY_KIND_ENTERPRISE, REQ, "The employer."),
    REF("posting_id", "岗位编号", JY_KIND_POSTING, 0, "The posting filled, when known."),
    TEXT("name", "姓名", PII, "Name of the person hired (personal data)."),
    DATE("started_on", "入职日期", REQ, "First day of work."),
    BOOL("dispatch", "劳务派遣", 0, "Labor dispatch (劳务派遣): excluded from the hires target."),
    DATE("left_on", "离职日期", 0, "Last day, if the person left."),
    DATE("checked_on", "在岗核实日期", 0, "Date the person was last confirmed in post."),
};

static const jy_field_info shortage_fields[] = {
    ID_FIELD,
    REF("enterprise_id", "企业编号", JY_KIND_ENTERPRISE, REQ, "The enterprise short of workers."),
    ENUM("source", "问题来源", shortage_source, REQ, "Where the complaint came from."),
    DATE("reported_on", "列入清单日期", REQ, "Date put on the shortage list."),
    INT("shortfall", "缺工人数", 0, 1000000, 0, "Workers missing."),
    TEXT("measures", "解决措施", 0, "Measures taken."),
    DATE("resolved_on", "解决日期", 0, "Date resolved."),
};

static const jy_field_info review_fields[] = {
    ID_FIELD,
    REF("jobseeker_id", "求职者编号", JY_KIND_JOBSEEKER, 0, "Who reviewed, when known."),
    DATE("date", "评价日期", REQ, "Date of the review."),
    BOOL("good", "好评", REQ, "A good review."),
    TEXT("text", "评价内容", 0, "What was said."),
    DATE("followed_up_on", "追评日期", 0, "Date of a follow-up review (追评)."),
    BOOL("follow_up_good", "追评为好评", 0, "The follow-up review is good."),
};

static const jy_field_info delivery_fields[] = {
    ID_FIELD,
    REF("posting_id", "岗位编号", JY_KIND_POSTING, REQ, "The posting applied to."),
    REF("jobseeker_id", "求职者编号", JY_KIND_JOBSEEKER, REQ, "The applicant."),
    DATE("delivered_on", "投递日期", REQ, "Date the resume was delivered."),
    DATE("viewed_on", "企业查看日期", 0, "Date the enterprise viewed it."),
};

static const jy_field_info incident_fields[] = {
    ID_FIELD,
    ENUM("kind", "事件类型", incident, REQ, "Data leak or public-opinion incident."),
    DATE("date", "发生日期", REQ, "Date."),
    TEXT("description", "情况说明", REQ, "What happened (no personal data)."),
};

static const jy_field_info push_fields[] = {
    ID_FIELD,
    REF("jobseeker_id", "求职者编号", JY_KIND_JOBSEEKER, REQ, "The jobseeker the postings were pushed to."),
    DATE("pushed_on", "推送日期", REQ, "Date of the push."),
    INT("posting_count", "推送岗位数", 0, NOMAX, REQ, "Number of matched postings pushed."),
    LIST("postings", "推送岗位", 0, "Ids of the postings pushed, best match first."),
    TEXT("channel", "推送渠道", 0, "Channel: platform message, SMS, WeChat..."),
};

static const jy_field_info override_fields[] = {
    ID_FIELD,
    TEXT("indicator", "考核指标", REQ, "Sub-indicator of the scoring table, as numbered in the catalogue: 1.1 ... 15.2."),
    DATE("period_from", "考核期起", REQ, "First day of the assessed period the decision applies to."),
    DATE("period_to", "考核期止", REQ, "Last day of the assessed period."),
    REAL("deduction", "扣分", 0, 100, REQ, "The deduction the assessor decided, in points (0 or more)."),
    TEXT("reason", "调整理由", REQ, "Why the computed deduction was changed."),
    TEXT("assessor", "考核人", 0, "Who decided."),
    DATE("decided_on", "决定日期", REQ, "Date of the decision."),
};

#define KIND(k, n, l, f, date, town, sub, key, w) \
    { k, n, l, f, sizeof f / sizeof f[0], date, town, sub, key, w }

static const jy__kind_info kinds[] = {
    KIND(JY_KIND_CONTRACT, "contract", "服务合同", contract_fields, "signed_on", NULL, NULL, NULL, 1),
    KIND(JY_KIND_ENTERPRISE, "enterprise", "企业", enterprise_fields, "platform_registered_on", "township", "industry", "credit_code", 1),
    KIND(JY_KIND_STAFF_SURVEY, "staff_survey", "在岗员工摸排", staff_survey_fields, "surveyed_on", NULL, NULL, NULL, 1),
    KIND(JY_KIND_POSTING, "posting", "岗位", posting_fields, "published_on", "township", "kind", NULL, 1),
    KIND(JY_KIND_JOBSEEKER, "jobseeker", "求职者", jobseeker_fields, "registered_on", "township", NULL, NULL, 1),
    KIND(JY_KIND_FOLLOWUP, "followup", "跟进服务", followup_fields, "date", NULL, "kind", NULL, 1),
    KIND(JY_KIND_LABOR, "labor", "劳动力资源信息", labor_fields, "surveyed_on", "township", "employment_status", "id_number", 1),
    KIND(JY_KIND_LABOR_CHANGE, "labor_change", "劳动力信息变更", labor_change_fields, "changed_on", NULL, NULL, NULL, 0),
    KIND(JY_KIND_VERIFICATION, "verification", "信息核查", verification_fields, "checked_on", NULL, NULL, NULL, 1),
    KIND(JY_KIND_EVENT, "event", "活动", event_fields, "date", "township", "kind", NULL, 1),
    KIND(JY_KIND_EVENT_ENTERPRISE, "event_enterprise", "参会企业", event_enterprise_fields, NULL, NULL, NULL, NULL, 1),
    KIND(JY_KIND_HIRE, "hire", "入职", hire_fields, "started_on", NULL, NULL, NULL, 1),
    KIND(JY_KIND_SHORTAGE, "shortage", "缺工诉求", shortage_fields, "reported_on", NULL, "source", NULL, 1),
    KIND(JY_KIND_REVIEW, "review", "评价", review_fields, "date", NULL, NULL, NULL, 1),
    KIND(JY_KIND_DELIVERY, "delivery", "简历投递", delivery_fields, "delivered_on", NULL, NULL, NULL, 1),
    KIND(JY_KIND_INCIDENT, "incident", "事件", incident_fields, "date", NULL, "kind", NULL, 1),
    KIND(JY_KIND_PUSH, "push", "岗位推送", push_fields, "pushed_on", NULL, NULL, NULL, 1),
    KIND(JY_KIND_OVERRIDE, "override", "扣分调整", override_fields, "decided_on", NULL, NULL, NULL, 1),
};

const jy__kind_info *jy__kind(int kind)
{
    if (kind < 1 || kind >= JY_KIND_END)
        return NULL;
    const jy__kind_info *k = &kinds[kind - 1];
    return (int)k->kind == kind ? k : NULL;
}

int jy__field_index(const jy__kind_info *k, const char *name)
{
    if (!k || !name)
        return -1;
    /* The first character rules out most fields without a call. */
    for (size_t i = 0; i < k->field_count; i++)
        if (k->fields[i].name[0] == name[0] && strcmp(k->fields[i].name, name) == 0)
            return (int)i;
    return -1;
}

int jy__enum_index(const jy_field_info *f, const char *value)
{
    if (!f->values || !value)
        return -1;
    for (int i = 0; f->values[i]; i++)
        if ((f->values[i][0] == value[0] && strcmp(f->values[i], value) == 0) ||
            (f->value_labels && f->value_labels[i][0] == value[0] &&
             strcmp(f->value_labels[i], value) == 0))
            return i;
    return -1;
}

const char *jy_kind_name(int kind)
{
    const jy__kind_info *k = jy__kind(kind);
    return k ? k->name : NULL;
}

const char *jy_kind_label(int kind)
{
    const jy__kind_info *k = jy__kind(kind);
    return k ? k->label : NULL;
}

int jy_kind_from_name(jy_kind *out, const char *name)
{
    if (!out || !name)
        return jy__error(JY_EINVAL, "jy_kind_from_name: NULL argument");
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i].name, name) == 0) {
            *out = kinds[i].kind;
            return JY_OK;
        }
    return jy__error(JY_ENOTFOUND, "no record kind is called '%.40s'", name);
}

size_t jy_kind_field_count(int kind)
{
    const jy__kind_info *k = jy__kind(kind);
    return k ? k->field_count : 0;
}

const jy_field_info *jy_kind_field_at(int kind, size_t index)
{
    const jy__kind_info *k = jy__kind(kind);
    return k && index < k->field_count ? &k->fields[index] : NULL;
}

const jy_field_info *jy_kind_field(int kind, const char *name)
{
    const jy__kind_info *k = jy__kind(kind);
    int i = jy__field_index(k, name);
    return i >= 0 ? &k->fields[i] : NULL;
}
