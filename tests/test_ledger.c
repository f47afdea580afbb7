/* The ledgers: a round trip of every kind with every field, updates,
 * deletes, every rule of the catalogue and of lib/ledger.c (required fields,
 * identifiers, townships and villages, references, field order, ages, unique
 * keys), saving by natural key with the labor history, listing and counting
 * with filters, SQL injection attempts, and transactions. */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jy_db *db;

static void open_db(void)
{
    cr_assert_eq(jy_db_open(&db, ":memory:", NULL), JY_OK, "%s", jy_error_last()->message);
}

static void close_db(void)
{
    jy_db_close(db);
    db = NULL;
}

TestSuite(ledger, .init = open_db, .fini = close_db);

/* ---- Identifiers ---------------------------------------------------------- */

/* A valid ID number: region, birth date (YYYYMMDD), 3-digit sequence (its
 * last digit odd for men, even for women). */
static void make_id(char out[19], const char *region, const char *birth, int seq)
{
    static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    snprintf(out, 19, "%s%s%03d", region, birth, seq);
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (out[i] - '0') * w[i];
    out[17] = "10X98765432"[sum % 11];
    out[18] = '\0';
}

/* The first sequence from `seq` of the gender's parity whose check character is X. */
static void make_id_x(char out[19], const char *region, const char *birth, int female)
{
    for (int seq = female ? 2 : 1; seq < 1000; seq += 2) {
        make_id(out, region, birth, seq);
        if (out[17] == 'X')
            return;
    }
    cr_assert_fail("no sequence gives X");
}

static void make_uscc(char out[19], const char *first17)
{
    static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (int)(strchr(alphabet, first17[i]) - alphabet) * w[i];
    int c = 31 - sum % 31;
    snprintf(out, 19, "%s%c", first17, alphabet[c == 31 ? 0 : c]);
}

static void lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

/* The identifiers of the samples, made once per test. */
static char labor_id[19], labor_id_lower[19], seeker_id[19], uscc[19], uscc_lower[19];

static void make_identifiers(void)
{
    make_id_x(labor_id, "362424", "19900512", 1);
    snprintf(labor_id_lower, sizeof labor_id_lower, "%s", labor_id);
    lower(labor_id_lower);
    make_id(seeker_id, "360824", "20030809", 135);
    make_uscc(uscc, "91360824MA35XGQK1");
    snprintf(uscc_lower, sizeof uscc_lower, "%s", uscc);
    lower(uscc_lower);
}

/* ---- Samples: one record of every kind, every field set ------------------ */

/* A field's input and the canonical text stored (NULL: the input). An input
 * "@N" is the id of the sample of kind N. */
typedef struct sample_field {
    const char *name, *input, *canon;
} sample_field;

typedef struct sample {
    jy_kind kind;
    sample_field fields[32];
} sample;

#define REF_(k) "@" #k

/* In creation order: parents first. */
static const sample samples[] = {
    { JY_KIND_CONTRACT, {
        { "name", "2026年度新干县就业之家运营服务合同", NULL },
        { "operator", "江西某人力资源服务有限公司", NULL },
        { "signed_on", "2026/3/1", "2026-03-01" },
        { "ends_on", "2027年2月28日", "2027-02-28" },
        { "rules", "default", NULL },
        { "notes", "服务期一年", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_ENTERPRISE, {
        { "name", " 新干县盐化工有限公司 ", "新干县盐化工有限公司" },
        { "credit_code", uscc_lower, uscc },
        { "industry", "盐化", "salt_chemical" },
        { "industrial", "是", "true" },
        { "township", "金川", "360824100" },
        { "address", "新干县金川镇工业大道1号", NULL },
        { "contact_name", "王经理", NULL },
        { "contact_phone", "+86 138-0013-8000", "13800138000" },
        { "platform_registered_on", "2026年3月5日", "2026-03-05" },
        { "authorized_on", "2026-03-06", NULL },
        { "wechat_joined_on", "20260307", "2026-03-07" },
        { "demand_ledger_on", "2026.3.8", "2026-03-08" },
        { "staff_count", "１２０", "120" },
        { "staff_surveyed_on", "2026-03-09", NULL },
        { "notes", "重点企业", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_STAFF_SURVEY, {
        { "enterprise_id", REF_(2), NULL },
        { "surveyed_on", "2026-08-01", NULL },
        { "staff_count", "120", NULL },
        { "general_workers", "80", NULL },
        { "skilled_workers", "40", NULL },
        { "vacancies", "12.0", "12" },
        { "notes", "8月摸排", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_POSTING, {
        { "enterprise_id", REF_(2), NULL },
        { "title", "箱包车工", NULL },
        { "description", "计件工资，包住宿", NULL },
        { "skills", "车工、裁床,熨烫", "车工、裁床、熨烫" },
        { "headcount", "20", NULL },
        { "salary_min", "4000", NULL },
        { "salary_max", "6000", NULL },
        { "salary_text", "4000-6000元/月", NULL },
        { "age_min", "18", NULL },
        { "age_max", "45", NULL },
        { "education", "初中", "junior" },
        { "township", "麦斜镇", "360824104" },
        { "kind", "零工", "gig" },
        { "worker_type", "技工", "skilled" },
        { "published_on", "2026-03-10", NULL },
        { "closed_on", "2026-06-30", NULL },
        { "source", "平台", NULL },
        { "external_id", "P-0001", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_LABOR, {
        { "id_number", labor_id_lower, labor_id },
        { "name", "李小红", NULL },
        { "phone", "+86 139 0000 1111", "13900001111" },
        { "township", "三湖", "360824101" },
        { "village", "廖坊", "360824101200" },
        { "education", "高中", "senior" },
        { "employment_status", "省外就业", "employed_outside" },
        { "job", "电焊工", NULL },
        { "employer", "广东某电子厂", NULL },
        { "skills", "电焊 叉车", "电焊、叉车" },
        { "needs_job", "yes", "true" },
        { "needs_entrepreneurship", "否", "false" },
        { "needs_training", "1", "true" },
        { "key_groups", "返乡人员、脱贫人口", "returnee、poverty_alleviated" },
        { "returnee", "√", "true" },
        { "wish_local", "有", "true" },
        { "surveyed_on", "2026-06-15", NULL },
        { "surveyor", "张三", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_JOBSEEKER, {
        { "name", "赵六", NULL },
        { "id_number", seeker_id, NULL },
        { "phone", "137 0000 1234", "13700001234" },
        { "labor_id", REF_(7), NULL },
        { "registered_on", "2026-04-01", NULL },
        { "wishes", "想找箱包厂的工作，离家近", NULL },
        { "skills", "缝纫", NULL },
        { "township", "城上", "360824202" },
        { "salary_wish", "5000", NULL },
        { "age", "22", NULL },
        { "education", "大专", "college" },
        { "resume_on_platform", "true", NULL },
        { "in_county", "false", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_FOLLOWUP, {
        { "jobseeker_id", REF_(5), NULL },
        { "date", "2026-04-05", NULL },
        { "kind", "电话", "phone" },
        { "outcome", "已推荐岗位", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_VERIFICATION, {
        { "labor_id", REF_(7), NULL },
        { "checked_on", "2026-09-01", NULL },
        { "accurate", "是", "true" },
        { "checker", "县人社局", NULL },
        { "notes", "电话核实", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_EVENT, {
        { "kind", "直播带岗", "live_show" },
        { "date", "2026-05-01", NULL },
        { "title", "五一直播带岗专场", NULL },
        { "township", "洋峰街道", "360824001" },
        { "starts_at", "19:00", NULL },
        { "minutes", "120", NULL },
        { "jobs_shown", "35", NULL },
        { "holiday", "五一", NULL },
        { "views", "15000", NULL },
        { "count", "300", NULL },
        { "level", "省部级", "provincial" },
        { "service_type", "职业指导", "career_guidance" },
        { "person_name", "孙七", NULL },
        { "labor_id", REF_(7), NULL },
        { "enterprise_id", REF_(2), NULL },
        { "report_kind", "月度数据分析报告", "monthly" },
        { "period", "2026-05", NULL },
        { "due_on", "2026-05-10", NULL },
        { "done_on", "2026-05-08", NULL },
        { "group_kind", "求职者群", "jobseeker" },
        { "members", "500", NULL },
        { "board", "零工专区", "gig_board" },
        { "rank", "1", NULL },
        { "success", "true", NULL },
        { "channel", "新干微就业", NULL },
        { "notes", "抖音同步直播", NULL },
        { "source", "主播登记表", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_EVENT_ENTERPRISE, {
        { "event_id", REF_(10), NULL },
        { "enterprise_id", REF_(2), NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_HIRE, {
        { "jobseeker_id", REF_(5), NULL },
        { "enterprise_id", REF_(2), NULL },
        { "posting_id", REF_(4), NULL },
        { "name", "赵六", NULL },
        { "started_on", "2026-07-01", NULL },
        { "dispatch", "否", "false" },
        { "left_on", "2026-12-31", NULL },
        { "checked_on", "2026-10-01", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_SHORTAGE, {
        { "enterprise_id", REF_(2), NULL },
        { "source", "亲清恳谈会", "qinqing_meeting" },
        { "reported_on", "2026-04-01", NULL },
        { "shortfall", "30", NULL },
        { "measures", "专场招聘会", NULL },
        { "resolved_on", "2026-05-01", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_REVIEW, {
        { "jobseeker_id", REF_(5), NULL },
        { "date", "2026-04-02", NULL },
        { "good", "false", NULL },
        { "text", "回复慢", NULL },
        { "followed_up_on", "2026-04-10", NULL },
        { "follow_up_good", "true", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_DELIVERY, {
        { "posting_id", REF_(4), NULL },
        { "jobseeker_id", REF_(5), NULL },
        { "delivered_on", "2026-03-12", NULL },
        { "viewed_on", "2026-03-13", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_INCIDENT, {
        { "kind", "舆情事件", "public_opinion" },
        { "date", "2026-06-01", NULL },
        { "description", "网络投诉招聘信息不实", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_PUSH, {
        { "jobseeker_id", REF_(5), NULL },
        { "pushed_on", "2026-03-14", NULL },
        { "posting_count", "1", NULL },
        { "postings", "4711", NULL },
        { "channel", "平台消息", NULL },
        { NULL, NULL, NULL } } },
    { JY_KIND_OVERRIDE, {
        { "indicator", "5.3", NULL },
        { "period_from", "2026-03-01", NULL },
        { "period_to", "2026-03-31", NULL },
        { "deduction", "0.5", NULL },
        { "reason", "停电导致直播中断，经核实酌情减半", NULL },
        { "assessor", "县就业局考核组", NULL },
        { "decided_on", "2026-04-10", NULL },
        { NULL, NULL, NULL } } },
};
#define SAMPLE_COUNT (sizeof samples / sizeof samples[0])

static int64_t ids[JY_KIND_END];

static const sample *sample_of(jy_kind kind)
{
    for (size_t i = 0; i < SAMPLE_COUNT; i++)
        if (samples[i].kind == kind)
            return &samples[i];
    return NULL;
}

static const sample_field *sample_field_of(const sample *s, const char *name)
{
    for (const sample_field *f = s->fields; f->name; f++)
        if (!strcmp(f->name, name))
            return f;
    return NULL;
}

/* The input of a sample field, references resolved (buf: 32 bytes). */
static const char *input_of(const sample_field *f, char *buf)
{
    if (f->input[0] != '@')
        return f->input;
    int kind = atoi(f->input + 1);
    cr_assert(ids[kind] > 0, "the sample of %s is stored first", jy_kind_name(kind));
    snprintf(buf, 32, "%lld", (long long)ids[kind]);
    return buf;
}

static const char *canon_of(const sample_field *f, char *buf)
{
    return f->canon ? f->canon : input_of(f, buf);
}

static jy_record *new_record(jy_kind kind)
{
    jy_record *r = NULL;
    cr_assert_eq(jy_record_new(&r, kind), JY_OK);
    return r;
}

static void set_ok(jy_record *r, const char *field, const char *value)
{
    cr_assert_eq(jy_record_set_text(r, field, value), JY_OK, "%s.%s = '%s': %s",
                 jy_kind_name(jy_record_kind(r)), field, value ? value : "(null)",
                 jy_error_last()->message);
}

/* The sample of a kind as a new record. */
static jy_record *sample_record(jy_kind kind)
{
    const sample *s = sample_of(kind);
    cr_assert_not_null(s, "a sample of %s", jy_kind_name(kind));
    jy_record *r = new_record(kind);
    char buf[32];
    for (const sample_field *f = s->fields; f->name; f++)
        set_ok(r, f->name, input_of(f, buf));
    return r;
}

static const char *text_of(const jy_record *r, const char *field)
{
    const char *t = NULL;
    cr_assert_eq(jy_record_get_text(&t, r, field), JY_OK, "%s.%s: %s",
                 jy_kind_name(jy_record_kind(r)), field, jy_error_last()->message);
    return t;
}

static int64_t add_ok(jy_record *r)
{
    int64_t id = 0;
    cr_assert_eq(jy_ledger_add(&id, db, r), JY_OK, "%s: %s", jy_kind_name(jy_record_kind(r)),
                 jy_error_last()->message);
    cr_assert_gt(id, 0);
    cr_assert_eq(jy_record_id(r), id, "the id is set in the record");
    return id;
}

/* Stores the sample of every kind, parents first. */
static void populate(void)
{
    make_identifiers();
    memset(ids, 0, sizeof ids);
    for (size_t i = 0; i < SAMPLE_COUNT; i++) {
        jy_record *r = sample_record(samples[i].kind);
        ids[samples[i].kind] = add_ok(r);
        jy_record_free(r);
    }
}

static int64_t count_of(jy_kind kind)
{
    jy_filter f = JY_FILTER_INIT;
    f.kind = kind;
    int64_t n = -1;
    cr_assert_eq(jy_ledger_count(&n, db, &f), JY_OK, "%s", jy_error_last()->message);
    return n;
}

static jy_record *get_ok(jy_kind kind, int64_t id)
{
    jy_record *r = NULL;
    cr_assert_eq(jy_ledger_get(&r, db, kind, id), JY_OK, "%s %lld: %s", jy_kind_name(kind),
                 (long long)id, jy_error_last()->message);
    return r;
}

static int message_has(const char *what)
{
    return strstr(jy_error_last()->message, what) != NULL;
}

/* Adding fails with `code`, the message names the field, nothing is written. */
static void add_refused(jy_record *r, int code, const char *field)
{
    jy_kind kind = jy_record_kind(r);
    int64_t before = count_of(kind);
    int rc = jy_ledger_add(NULL, db, r);
    cr_assert_eq(rc, code, "%s: %d (%s)", jy_kind_name(kind), rc, jy_error_last()->message);
    if (field) {
        char quoted[80];
        snprintf(quoted, sizeof quoted, "'%s'", field);
        cr_assert(message_has(quoted), "the message names %s: %s", field,
                  jy_error_last()->message);
    }
    cr_assert_eq(count_of(kind), before, "nothing written");
}

/* ---- Round trips ----------------------------------------------------------- */

Test(ledger, samples_cover_every_field)
{
    for (int kind = 1; kind < JY_KIND_END; kind++) {
        if (kind == JY_KIND_LABOR_CHANGE)
            continue;
        const sample *s = sample_of((jy_kind)kind);
        cr_assert_not_null(s, "a sample of %s", jy_kind_name(kind));
        for (size_t i = 1; i < jy_kind_field_count(kind); i++) {
            const jy_field_info *f = jy_kind_field_at(kind, i);
            if (f->flags & JY_FIELD_READONLY)
                continue;
            cr_assert_not_null(sample_field_of(s, f->name), "the sample of %s sets %s",
                               jy_kind_name(kind), f->name);
        }
        for (const sample_field *sf = s->fields; sf->name; sf++)
            cr_assert_not_null(jy_kind_field(kind, sf->name), "%s.%s exists",
                               jy_kind_name(kind), sf->name);
    }
}

Test(ledger, round_trip_of_every_kind)
{
    populate();
    char buf[32];
    for (size_t i = 0; i < SAMPLE_COUNT; i++) {
        jy_kind kind = samples[i].kind;
        cr_assert_eq(count_of(kind), 1);
        jy_record *r = get_ok(kind, ids[kind]);
        cr_assert_eq(jy_record_kind(r), kind);
        cr_assert_eq(jy_record_id(r), ids[kind]);
        for (const sample_field *f = samples[i].fields; f->name; f++)
            cr_assert_str_eq(text_of(r, f->name), canon_of(f, buf), "%s.%s",
                             jy_kind_name(kind), f->name);
        /* Nothing else is set but the derived fields (a labor record's
         * birth date, gender and entry date). */
        size_t set = 0;
        for (size_t k = 0; k < jy_kind_field_count(kind); k++)
            set += (size_t)jy_record_has(r, jy_kind_field_at(kind, k)->name);
        size_t fields = 0;
        for (const sample_field *f = samples[i].fields; f->name; f++)
            fields++;
        cr_assert_eq(set, fields + 1 + (kind == JY_KIND_LABOR ? 3 : 0), "%s",
                     jy_kind_name(kind));
        jy_record_free(r);
    }
    /* Derived from the ID number. */
    jy_record *l = get_ok(JY_KIND_LABOR, ids[JY_KIND_LABOR]);
    cr_assert_str_eq(text_of(l, "gender"), "female");
    cr_assert_str_eq(text_of(l, "birth_date"), "1990-05-12");
    jy_record_free(l);
    cr_assert_eq(count_of(JY_KIND_LABOR_CHANGE), 0, "no history for a new record");
}

/* The records listed are the records read one by one. */
Test(ledger, listing_gives_the_stored_records)
{
    populate();
    for (size_t i = 0; i < SAMPLE_COUNT; i++) {
        jy_kind kind = samples[i].kind;
        jy_filter f;
        cr_assert_eq(jy_filter_init(&f, kind), JY_OK);
        jy_ledger_iter *it = NULL;
        cr_assert_eq(jy_ledger_iter_new(&it, db, &f), JY_OK);
        jy_record *r = NULL;
        cr_assert_eq(jy_ledger_iter_next(&r, it), JY_OK);
        jy_record *g = get_ok(kind, ids[kind]);
        for (size_t k = 0; k < jy_kind_field_count(kind); k++) {
            const char *name = jy_kind_field_at(kind, k)->name;
            cr_assert_eq(jy_record_has(r, name), jy_record_has(g, name));
            if (jy_record_has(r, name))
                cr_assert_str_eq(text_of(r, name), text_of(g, name));
        }
        jy_record_free(g);
        jy_record_free(r);
        r = (jy_record *)1;
        cr_assert_eq(jy_ledger_iter_next(&r, it), JY_ITEROVER);
        cr_assert_null(r);
        cr_assert_eq(jy_ledger_iter_next(&r, it), JY_ITEROVER, "and stays over");
        jy_ledger_iter_free(it);
    }
}

Test(ledger, update_replaces_every_field)
{
    populate();
    for (size_t i = 0; i < SAMPLE_COUNT; i++) {
        jy_kind kind = samples[i].kind;
        jy_record *full = get_ok(kind, ids[kind]);
        /* Only the required fields: every other becomes unset. */
        jy_record *bare = new_record(kind);
        for (size_t k = 0; k < jy_kind_field_count(kind); k++) {
            const jy_field_info *f = jy_kind_field_at(kind, k);
            if ((f->flags & JY_FIELD_REQUIRED) || k == 0)
                set_ok(bare, f->name, text_of(full, f->name));
        }
        cr_assert_eq(jy_ledger_update(db, bare), JY_OK, "%s: %s", jy_kind_name(kind),
                     jy_error_last()->message);
        jy_record *back = get_ok(kind, ids[kind]);
        for (size_t k = 0; k < jy_kind_field_count(kind); k++) {
            const jy_field_info *f = jy_kind_field_at(kind, k);
            if (f->flags & JY_FIELD_READONLY)
                continue;
            if (f->flags & JY_FIELD_REQUIRED)
                cr_assert_str_eq(text_of(back, f->name), text_of(full, f->name));
            else
                cr_assert_eq(jy_record_has(back, f->name), 0, "%s.%s unset by the update",
                             jy_kind_name(kind), f->name);
        }
        jy_record_free(back);

        /* And everything back. */
        cr_assert_eq(jy_ledger_update(db, full), JY_OK, "%s: %s", jy_kind_name(kind),
                     jy_error_last()->message);
        back = get_ok(kind, ids[kind]);
        for (size_t k = 0; k < jy_kind_field_count(kind); k++) {
            const char *name = jy_kind_field_at(kind, k)->name;
            cr_assert_eq(jy_record_has(back, name), jy_record_has(full, name), "%s.%s",
                         jy_kind_name(kind), name);
            if (jy_record_has(back, name))
                cr_assert_str_eq(text_of(back, name), text_of(full, name));
        }
        cr_assert_eq(count_of(kind), 1, "updated, not added");
        jy_record_free(back);
        jy_record_free(bare);
        jy_record_free(full);
    }
}

Test(ledger, update_changes_values_and_checks_them)
{
    populate();
    jy_record *p = get_ok(JY_KIND_POSTING, ids[JY_KIND_POSTING]);
    set_ok(p, "title", "盐化操作工");
    set_ok(p, "township", "七琴");
    set_ok(p, "kind", "全职");
    cr_assert_eq(jy_ledger_update(db, p), JY_OK, "%s", jy_error_last()->message);
    cr_assert_str_eq(text_of(p, "township"), "360824103", "normalized in place");
    jy_record *back = get_ok(JY_KIND_POSTING, ids[JY_KIND_POSTING]);
    cr_assert_str_eq(text_of(back, "title"), "盐化操作工");
    cr_assert_str_eq(text_of(back, "township"), "360824103");
    cr_assert_str_eq(text_of(back, "kind"), "full_time");
    jy_record_free(back);

    /* A broken rule: refused, the stored record unchanged. */
    set_ok(p, "title", "另一个标题");
    set_ok(p, "salary_min", "9000");
    cr_assert_eq(jy_ledger_update(db, p), JY_EINVAL);
    cr_assert(message_has("'salary_max'"), "%s", jy_error_last()->message);
    set_ok(p, "salary_min", "4000");
    set_ok(p, "township", "不存在镇");
    cr_assert_eq(jy_ledger_update(db, p), JY_EINVAL);
    set_ok(p, "township", "七琴");
    set_ok(p, "enterprise_id", "9999");
    cr_assert_eq(jy_ledger_update(db, p), JY_ENOTFOUND);
    back = get_ok(JY_KIND_POSTING, ids[JY_KIND_POSTING]);
    cr_assert_str_eq(text_of(back, "title"), "盐化操作工");
    jy_record_free(back);
    jy_record_free(p);
}

Test(ledger, add_ignores_a_given_id)
{
    make_identifiers();
    jy_record *r = new_record(JY_KIND_INCIDENT);
    set_ok(r, "id", "999");
    set_ok(r, "kind", "data_leak");
    set_ok(r, "date", "2026-01-01");
    set_ok(r, "description", "测试");
    int64_t id = add_ok(r);
    cr_assert_eq(id, 1);
    jy_record *g = NULL;
    cr_assert_eq(jy_ledger_get(&g, db, JY_KIND_INCIDENT, 999), JY_ENOTFOUND);
    cr_assert_null(g);
    /* Adding the same record again adds another. */
    cr_assert_eq(add_ok(r), 2);
    jy_record_free(r);
}

/* ---- Deleting ----------------------------------------------------------- */

Test(ledger, delete_every_kind_children_first)
{
    populate();
    /* Parents still referred to cannot go. */
    static const jy_kind parents[] = { JY_KIND_ENTERPRISE, JY_KIND_POSTING, JY_KIND_LABOR,
                                       JY_KIND_JOBSEEKER };
    for (size_t i = 0; i < sizeof parents / sizeof parents[0]; i++) {
        cr_assert_eq(jy_ledger_delete(db, parents[i], ids[parents[i]]), JY_ECONSTRAINT, "%s: %s",
                     jy_kind_name(parents[i]), jy_error_last()->message);
        cr_assert_eq(count_of(parents[i]), 1, "still there");
    }
    for (size_t i = SAMPLE_COUNT; i-- > 0;) {
        jy_kind kind = samples[i].kind;
        cr_assert_eq(jy_ledger_delete(db, kind, ids[kind]), JY_OK, "%s: %s", jy_kind_name(kind),
                     jy_error_last()->message);
        jy_record *r = (jy_record *)1;
        cr_assert_eq(jy_ledger_get(&r, db, kind, ids[kind]), JY_ENOTFOUND);
        cr_assert_null(r);
        cr_assert_eq(jy_ledger_delete(db, kind, ids[kind]), JY_ENOTFOUND);
        cr_assert_eq(count_of(kind), 0);
    }
}

Test(ledger, deleting_cascades_to_attendance_and_history)
{
    populate();
    /* An event's attending enterprises go with it. */
    cr_assert_eq(count_of(JY_KIND_EVENT_ENTERPRISE), 1);
    cr_assert_eq(jy_ledger_delete(db, JY_KIND_EVENT, ids[JY_KIND_EVENT]), JY_OK, "%s",
                 jy_error_last()->message);
    cr_assert_eq(count_of(JY_KIND_EVENT_ENTERPRISE), 0);

    /* A labor record's history goes with it. */
    jy_record *l = get_ok(JY_KIND_LABOR, ids[JY_KIND_LABOR]);
    set_ok(l, "education", "本科");
    cr_assert_eq(jy_ledger_update(db, l), JY_OK);
    cr_assert_eq(count_of(JY_KIND_LABOR_CHANGE), 1);
    jy_record_free(l);
    cr_assert_eq(jy_ledger_delete(db, JY_KIND_VERIFICATION, ids[JY_KIND_VERIFICATION]), JY_OK);
    cr_assert_eq(jy_ledger_delete(db, JY_KIND_LABOR, ids[JY_KIND_LABOR]), JY_ECONSTRAINT,
                 "the jobseeker still refers to it");
    jy_record *s = get_ok(JY_KIND_JOBSEEKER, ids[JY_KIND_JOBSEEKER]);
    cr_assert_eq(jy_record_clear(s, "labor_id"), JY_OK);
    cr_assert_eq(jy_ledger_update(db, s), JY_OK);
    jy_record_free(s);
    cr_assert_eq(jy_ledger_delete(db, JY_KIND_LABOR, ids[JY_KIND_LABOR]), JY_OK, "%s",
                 jy_error_last()->message);
    cr_assert_eq(count_of(JY_KIND_LABOR_CHANGE), 0);
}

Test(ledger, missing_ids_are_not_found)
{
    populate();
    for (int kind = 1; kind < JY_KIND_END; kind++) {
        jy_record *r = (jy_record *)1;
        cr_assert_eq(jy_ledger_get(&r, db, (jy_kind)kind, 424242), JY_ENOTFOUND);
        cr_assert_null(r);
        cr_assert_eq(jy_ledger_get(&r, db, (jy_kind)kind, 0), JY_ENOTFOUND);
        cr_assert_eq(jy_ledger_get(&r, db, (jy_kind)kind, -1), JY_ENOTFOUND);
        if (kind != JY_KIND_LABOR_CHANGE)
            cr_assert_eq(jy_ledger_delete(db, (jy_kind)kind, 424242), JY_ENOTFOUND);
    }
    jy_record *r = sample_record(JY_KIND_INCIDENT);
    set_ok(r, "id", "424242");
    cr_assert_eq(jy_ledger_update(db, r), JY_ENOTFOUND);
    cr_assert_eq(count_of(JY_KIND_INCIDENT), 1, "an update adds nothing");
    cr_assert_eq(jy_record_clear(r, "id"), JY_OK);
    cr_assert_eq(jy_ledger_update(db, r), JY_EINVAL, "no id");
    jy_record_free(r);
}

Test(ledger, labor_history_is_read_only)
{
    populate();
    jy_record *l = get_ok(JY_KIND_LABOR, ids[JY_KIND_LABOR]);
    set_ok(l, "job", "焊工");
    cr_assert_eq(jy_ledger_update(db, l), JY_OK);
    jy_record_free(l);
    cr_assert_eq(count_of(JY_KIND_LABOR_CHANGE), 1);

    jy_record *h = get_ok(JY_KIND_LABOR_CHANGE, 1);
    cr_assert_str_eq(text_of(h, "field"), "job");
    cr_assert_eq(jy_ledger_check(db, h, NULL), JY_EINVAL, "nothing to check");
    cr_assert_str_eq(text_of(h, "field"), "job", "and the record is left alone");
    cr_assert_str_eq(text_of(h, "old_value"), "电焊工");
    cr_assert_str_eq(text_of(h, "new_value"), "焊工");
    cr_assert_str_eq(text_of(h, "changed_on"), "2026-06-15");
    cr_assert_eq(jy_ledger_add(NULL, db, h), JY_EINVAL);
    cr_assert_eq(jy_ledger_update(db, h), JY_EINVAL);
    jy_save_result res;
    cr_assert_eq(jy_ledger_save(&res, db, h), JY_EINVAL);
    cr_assert_eq(jy_ledger_delete(db, JY_KIND_LABOR_CHANGE, 1), JY_EINVAL);
    jy_record_free(h);
    h = new_record(JY_KIND_LABOR_CHANGE);
    set_ok(h, "labor_id", "1");
    set_ok(h, "changed_on", "2026-01-01");
    set_ok(h, "field", "name");
    cr_assert_eq(jy_ledger_add(NULL, db, h), JY_EINVAL);
    jy_record_free(h);
    cr_assert_eq(count_of(JY_KIND_LABOR_CHANGE), 1);
}

/* ---- Rules ------------------------------------------------------------------ */

Test(ledger, every_required_field_is_required)
{
    populate();
    for (size_t i = 0; i < SAMPLE_COUNT; i++) {
        jy_kind kind = samples[i].kind;
        for (size_t k = 1; k < jy_kind_field_count(kind); k++) {
            const jy_field_info *f = jy_kind_field_at(kind, k);
            if (!(f->flags & JY_FIELD_REQUIRED))
                continue;
            jy_record *r = sample_record(kind);
            /* A labor record's village would tell the township. */
            if (kind == JY_KIND_LABOR && !strcmp(f->name, "township"))
                cr_assert_eq(jy_record_clear(r, "village"), JY_OK);
            cr_assert_eq(jy_record_clear(r, f->name), JY_OK);
            add_refused(r, JY_EINVAL, f->name);
            cr_assert(message_has("required"), "%s", jy_error_last()->message);
            unsigned int w = 0;
            cr_assert_eq(jy_ledger_check(db, r, &w), JY_EINVAL);
            /* Saving: refused too, unless a natural key finds the stored
             * sample, whose value is then kept. */
            int keyed = 0;
            for (size_t u = 1; u < jy_kind_field_count(kind); u++)
                if ((jy_kind_field_at(kind, u)->flags & JY_FIELD_UNIQUE) &&
                    jy_record_has(r, jy_kind_field_at(kind, u)->name))
                    keyed = 1;
            jy_save_result res;
            cr_assert_eq(jy_ledger_save(&res, db, r), keyed ? JY_OK : JY_EINVAL, "%s.%s: %s",
                         jy_kind_name(kind), f->name, jy_error_last()->message);
            cr_assert_eq(count_of(kind), 1);
            if (keyed) {
                cr_assert_eq(res.updated, 1);
                cr_assert_eq(res.changes, 0, "%s.%s", jy_kind_name(kind), f->name);
            }
            jy_record_free(r);
        }
    }
}

Test(ledger, blank_required_text_is_missing)
{
    make_identifiers();
    jy_record *r = new_record(JY_KIND_INCIDENT);
    set_ok(r, "kind", "data_leak");
    set_ok(r, "date", "2026-01-01");
    set_ok(r, "description", "   ");
    add_refused(r, JY_EINVAL, "description");
    set_ok(r, "description", "\xe3\x80\x80");
    add_refused(r, JY_EINVAL, "description");
    jy_record_free(r);
}

Test(ledger, invalid_identifiers_are_refused_and_not_repeated)
{
    populate();
    char bad_check[19];
    snprintf(bad_check, sizeof bad_check, "%s", labor_id);
    bad_check[17] = bad_check[17] == '0' ? '1' : '0';
    char bad_date[19];
    make_id(bad_date, "362424", "19900230", 2);
    char bad_region[19];
    make_id(bad_region, "999999", "19900512", 2);
    const char *bad_ids[] = { bad_check, bad_date, bad_region, "36242419900512002",
                              "3624241990051200211", "36242419900512OO2X", "abc", NULL };
    for (int i = 0; bad_ids[i]; i++) {
        jy_record *r = sample_record(JY_KIND_LABOR);
        set_ok(r, "id_number", bad_ids[i]);
        add_refused(r, JY_EINVAL, "id_number");
        cr_assert(!message_has(bad_ids[i]), "the number is not repeated: %s",
                  jy_error_last()->message);
        jy_save_result res;
        cr_assert_eq(jy_ledger_save(&res, db, r), JY_EINVAL);
        cr_assert_eq(count_of(JY_KIND_LABOR), 1);
        jy_record_free(r);
        /* Jobseekers' ID numbers are checked too. */
        r = sample_record(JY_KIND_JOBSEEKER);
        set_ok(r, "id_number", bad_ids[i]);
        add_refused(r, JY_EINVAL, "id_number");
        jy_record_free(r);
    }

    char bad_uscc[19];
    snprintf(bad_uscc, sizeof bad_uscc, "%s", uscc);
    bad_uscc[17] = bad_uscc[17] == '0' ? '1' : '0';
    const char *bad_codes[] = { bad_uscc, "91360824MA35XGQK", "91360824MA35XGQKIO",
                                "00360824MA35XGQK10", "123", NULL };
    for (int i = 0; bad_codes[i]; i++) {
        jy_record *r = sample_record(JY_KIND_ENTERPRISE);
        set_ok(r, "name", "另一家企业");
        set_ok(r, "credit_code", bad_codes[i]);
        add_refused(r, JY_EINVAL, "credit_code");
        jy_save_result res;
        cr_assert_eq(jy_ledger_save(&res, db, r), JY_EINVAL);
        cr_assert_eq(count_of(JY_KIND_ENTERPRISE), 1);
        jy_record_free(r);
    }

    const char *bad_phones[] = { "12345678901", "1380013800", "138001380001", "+1 650 253 0000",
                                 "02345678901", "1380013800a", "电话", NULL };
    static const struct { jy_kind kind; const char *field; } phones[] = {
        { JY_KIND_LABOR, "phone" }, { JY_KIND_JOBSEEKER, "phone" },
        { JY_KIND_ENTERPRISE, "contact_phone" } };
    for (size_t p = 0; p < sizeof phones / sizeof phones[0]; p++)
        for (int i = 0; bad_phones[i]; i++) {
            jy_record *r = sample_record(phones[p].kind);
            if (phones[p].kind == JY_KIND_ENTERPRISE) {
                set_ok(r, "name", "又一家企业");
                cr_assert_eq(jy_record_clear(r, "credit_code"), JY_OK);
            }
            if (phones[p].kind == JY_KIND_LABOR) {
                char other[19];
                make_id(other, "362424", "19850101", 11);
                set_ok(r, "id_number", other);
            }
            set_ok(r, phones[p].field, bad_phones[i]);
            add_refused(r, JY_EINVAL, phones[p].field);
            if (strlen(bad_phones[i]) >= 10)
                cr_assert(!message_has(bad_phones[i]), "%s", jy_error_last()->message);
            jy_record_free(r);
        }
}

Test(ledger, identifiers_are_stored_canonical)
{
    make_identifiers();
    /* Lower-case x, full-width digits, spaces around. */
    jy_record *r = sample_record(JY_KIND_LABOR);
    set_ok(r, "id_number", labor_id_lower);
    set_ok(r, "phone", "+86 (138) 0013-8000");
    int64_t id = add_ok(r);
    cr_assert_str_eq(text_of(r, "id_number"), labor_id, "normalized in place");
    jy_record_free(r);
    r = get_ok(JY_KIND_LABOR, id);
    cr_assert_str_eq(text_of(r, "id_number"), labor_id);
    cr_assert_eq(labor_id[17], 'X');
    cr_assert_str_eq(text_of(r, "phone"), "13800138000");
    jy_record_free(r);

    static const char *const phones[] = { "13800138000", "+8613800138000", "008613800138000",
                                          "8613800138000", "138-0013-8000", "138 0013 8000",
                                          "１３８００１３８０００", NULL };
    for (int i = 0; phones[i]; i++) {
        jy_record *j = new_record(JY_KIND_JOBSEEKER);
        set_ok(j, "name", "某人");
        set_ok(j, "registered_on", "2026-05-01");
        set_ok(j, "phone", phones[i]);
        int64_t jid = add_ok(j);
        jy_record_free(j);
        j = get_ok(JY_KIND_JOBSEEKER, jid);
        cr_assert_str_eq(text_of(j, "phone"), "13800138000", "'%s'", phones[i]);
        jy_record_free(j);
    }

    /* A legacy 15-digit number becomes 18 characters, with a warning. */
    char id18[19], id15[16];
    make_id(id18, "362424", "19750304", 153);
    snprintf(id15, sizeof id15, "%.6s%.6s%.3s", id18, id18 + 8, id18 + 14);
    r = sample_record(JY_KIND_LABOR);
    set_ok(r, "id_number", id15);
    jy_save_result res;
    cr_assert_eq(jy_ledger_save(&res, db, r), JY_OK, "%s", jy_error_last()->message);
    cr_assert(res.warnings & JY_WARN_LEGACY_15);
    cr_assert_eq(res.updated, 0);
    jy_record_free(r);
    r = get_ok(JY_KIND_LABOR, res.id);
    cr_assert_str_eq(text_of(r, "id_number"), id18);
    cr_assert_str_eq(text_of(r, "birth_date"), "1975-03-04");
    cr_assert_str_eq(text_of(r, "gender"), "male");
    jy_record_free(r);

    /* Credit codes in upper case. */
    jy_record *e = sample_record(JY_KIND_ENTERPRISE);
    set_ok(e, "credit_code", uscc_lower);
    int64_t eid = add_ok(e);
    jy_record_free(e);
    e = get_ok(JY_KIND_ENTERPRISE, eid);
    cr_assert_str_eq(text_of(e, "credit_code"), uscc);
    jy_record_free(e);
}

Test(ledger, townships_by_name_or_code)
{
    make_identifiers();
    static const struct { const char *input, *code; } towns[] = {
        { "金川", "360824100" },        { "金川镇", "360824100" },
        { "新干县金川镇", "360824100" }, { "360824100", "360824100" },
        { "360824100000", "360824100" }, { "麦斜镇", "360824104" },
        { "麦㙦镇", "360824104" },      { "麦斜", "360824104" },
        { "洋峰街道", "360824001" },     { "洋峰", "360824001" },
        { "神政桥乡", "360824204" },     { " 七琴 ", "360824103" },
        { "新干工业园区", "360824404" },
    };
    for (size_t i = 0; i < sizeof towns / sizeof towns[0]; i++) {
        jy_record *r = new_record(JY_KIND_JOBSEEKER);
        set_ok(r, "name", "某人");
        set_ok(r, "registered_on", "2026-05-01");
        set_ok(r, "township", towns[i].input);
        int64_t id = add_ok(r);
        jy_record_free(r);
        r = get_ok(JY_KIND_JOBSEEKER, id);
        cr_assert_str_eq(text_of(r, "township"), towns[i].code, "'%s'", towns[i].input);
        jy_record_free(r);
    }
    static const char *const unknown[] = { "北京镇", "金山镇", "360824999", "360825100",
                                           "新干县", "镇", "'; DROP TABLE jobseeker; --", NULL };
    for (int i = 0; unknown[i]; i++) {
        jy_record *r = new_record(JY_KIND_JOBSEEKER);
        set_ok(r, "name", "某人");
        set_ok(r, "registered_on", "2026-05-01");
        set_ok(r, "township", unknown[i]);
        add_refused(r, JY_EINVAL, "township");
        jy_record_free(r);
    }
    /* Every kind with a township checks it. */
    static const jy_kind with_township[] = { JY_KIND_ENTERPRISE, JY_KIND_POSTING,
                                             JY_KIND_LABOR, JY_KIND_EVENT };
    populate();
    for (size_t i = 0; i < sizeof with_township / sizeof with_township[0]; i++) {
        jy_record *r = sample_record(with_township[i]);
        set_ok(r, "township", "北京镇");
        add_refused(r, JY_EINVAL, "township");
        jy_record_free(r);
    }
}

static jy_record *labor_at(const char *township, const char *village)
{
    jy_record *r = sample_record(JY_KIND_LABOR);
    cr_assert_eq(jy_record_set_text(r, "township", township), JY_OK);
    cr_assert_eq(jy_record_set_text(r, "village", village), JY_OK);
    return r;
}

Test(ledger, villages_within_their_township)
{
    make_identifiers();
    static const struct { const char *township, *village, *tcode, *vcode; } ok[] = {
        { "金川", "湄湘", "360824100", "360824100007" },
        { "金川镇", "湄湘居委会", "360824100", "360824100007" },
        { "360824101", "廖坊村", "360824101", "360824101200" },
        { NULL, "廖坊", "360824101", "360824101200" },
        { NULL, "360824203208", "360824203", "360824203208" },
        { "潭丘", "庙前", "360824203", "360824203208" },
        { "金川", "庙前", "360824100", "360824100205" },
        { "麦斜镇", "麦㙦", "360824104", "360824104001" },
        { "麦斜镇", "麦斜", "360824104", "360824104205" }, /* 麦斜村委会 */
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        jy_record *r = labor_at(ok[i].township, ok[i].village);
        int64_t id = add_ok(r);
        jy_record_free(r);
        r = get_ok(JY_KIND_LABOR, id);
        cr_assert_str_eq(text_of(r, "township"), ok[i].tcode, "#%zu", i);
        cr_assert_str_eq(text_of(r, "village"), ok[i].vcode, "#%zu", i);
        jy_record_free(r);
        cr_assert_eq(jy_ledger_delete(db, JY_KIND_LABOR, id), JY_OK);
    }
    static const struct { const char *township, *village, *field; } bad[] = {
        { "三湖", "湄湘", "village" },        /* a village of another township */
        { NULL, "庙前", "village" },          /* two townships have one */
        { "金川", "不存在村", "village" },
        { NULL, "不存在村", "village" },
        { "北京镇", "湄湘", "township" },
        { "三湖", "360824100007", "village" }, /* a code of another township */
        { NULL, "360824999999", "village" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        jy_record *r = labor_at(bad[i].township, bad[i].village);
        add_refused(r, JY_EINVAL, bad[i].field);
        jy_record_free(r);
    }
}

Test(ledger, references_must_exist)
{
    populate();
    for (size_t i = 0; i < SAMPLE_COUNT; i++) {
        jy_kind kind = samples[i].kind;
        for (size_t k = 1; k < jy_kind_field_count(kind); k++) {
            const jy_field_info *f = jy_kind_field_at(kind, k);
            if (f->type != JY_FIELD_REFERENCE)
                continue;
            jy_record *r = sample_record(kind);
            set_ok(r, f->name, "99999");
            add_refused(r, JY_ENOTFOUND, f->name);
            jy_record_free(r);
        }
    }
    /* The id of a record of the wrong kind. */
    jy_record *p = sample_record(JY_KIND_POSTING);
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)(ids[JY_KIND_INCIDENT] + 100));
    set_ok(p, "enterprise_id", buf);
    add_refused(p, JY_ENOTFOUND, "enterprise_id");
    jy_record_free(p);
}

Test(ledger, every_order_rule)
{
    populate();
    static const struct {
        jy_kind kind;
        const char *low, *low_value, *high, *high_value;
    } rules[] = {
        { JY_KIND_CONTRACT, "signed_on", "2026-03-01", "ends_on", "2026-02-28" },
        { JY_KIND_POSTING, "salary_min", "6000", "salary_max", "5999" },
        { JY_KIND_POSTING, "age_min", "46", "age_max", "45" },
        { JY_KIND_POSTING, "published_on", "2026-03-10", "closed_on", "2026-03-09" },
        { JY_KIND_SHORTAGE, "reported_on", "2026-04-01", "resolved_on", "2026-03-31" },
        { JY_KIND_HIRE, "started_on", "2026-07-01", "left_on", "2026-06-30" },
        { JY_KIND_HIRE, "started_on", "2026-07-01", "checked_on", "2026-06-30" },
        { JY_KIND_DELIVERY, "delivered_on", "2026-03-12", "viewed_on", "2026-03-11" },
        { JY_KIND_REVIEW, "date", "2026-04-02", "followed_up_on", "2026-04-01" },
        { JY_KIND_EVENT, "date", "2026-05-01", "done_on", "2026-04-30" },
        { JY_KIND_EVENT, "date", "2026-05-01", "due_on", "2026-04-30" },
    };
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        jy_record *r = sample_record(rules[i].kind);
        set_ok(r, rules[i].low, rules[i].low_value);
        set_ok(r, rules[i].high, rules[i].high_value);
        add_refused(r, JY_EINVAL, rules[i].high);
        /* Equal is in order; so is either one alone. */
        set_ok(r, rules[i].high, rules[i].low_value);
        add_ok(r);
        set_ok(r, rules[i].high, rules[i].high_value);
        cr_assert_eq(jy_record_clear(r, rules[i].low), JY_OK);
        if (!(jy_kind_field(rules[i].kind, rules[i].low)->flags & JY_FIELD_REQUIRED))
            add_ok(r);
        jy_record_free(r);
    }
}

Test(ledger, time_of_day)
{
    static const struct { const char *in, *out; } ok[] = {
        { "19:00", "19:00" }, { "9:30", "09:30" }, { "00:00", "00:00" }, { "23:59", "23:59" },
        { "１９：００", "19:00" }, { " 19:00 ", "19:00" },
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        jy_record *r = new_record(JY_KIND_EVENT);
        set_ok(r, "kind", "live_show");
        set_ok(r, "date", "2026-05-06");
        set_ok(r, "starts_at", ok[i].in);
        int64_t id = add_ok(r);
        jy_record_free(r);
        r = get_ok(JY_KIND_EVENT, id);
        cr_assert_str_eq(text_of(r, "starts_at"), ok[i].out, "'%s'", ok[i].in);
        jy_record_free(r);
    }
    static const char *const bad[] = { "24:00", "19:60", "1900", "19:0", "19:000", "19:00:00",
                                       "abc", "+9:30", "-1:30", "9: 30", "19点", ":30", "123:00",
                                       NULL };
    for (int i = 0; bad[i]; i++) {
        jy_record *r = new_record(JY_KIND_EVENT);
        set_ok(r, "kind", "live_show");
        set_ok(r, "date", "2026-05-06");
        set_ok(r, "starts_at", bad[i]);
        add_refused(r, JY_EINVAL, "starts_at");
        jy_record_free(r);
    }
}

/* ---- Labor records: derived fields, ages, warnings ---------------------- */

static unsigned int save_labor(const char *region, const char *birth, int seq, const char *on,
                               int expect)
{
    char id[19];
    make_id(id, region, birth, seq);
    jy_record *r = sample_record(JY_KIND_LABOR);
    set_ok(r, "id_number", id);
    set_ok(r, "surveyed_on", on);
    jy_save_result res;
    int rc = jy_ledger_save(&res, db, r);
    cr_assert_eq(rc, expect, "%s %s: %s", birth, on, jy_error_last()->message);
    jy_record_free(r);
    return res.warnings;
}

Test(ledger, labor_age_and_region_warnings)
{
    make_identifiers();
    /* 16 to 60 on the survey date: no warning. */
    cr_assert_eq(save_labor("360824", "20100615", 11, "2026-06-15", JY_OK), 0u, "16 today");
    cr_assert_eq(save_labor("362424", "19650616", 13, "2026-06-15", JY_OK), 0u, "60");
    cr_assert_eq(save_labor("362424", "19900512", 15, "2026-06-15", JY_OK), 0u);
    /* Outside: kept, with a warning. */
    cr_assert_eq(save_labor("360824", "20100616", 17, "2026-06-15", JY_OK), JY_WARN_LABOR_AGE,
                 "15");
    cr_assert_eq(save_labor("362424", "19650615", 19, "2026-06-15", JY_OK), JY_WARN_LABOR_AGE,
                 "61 today");
    cr_assert_eq(save_labor("362424", "19300101", 21, "2026-06-15", JY_OK), JY_WARN_LABOR_AGE);
    cr_assert_eq(count_of(JY_KIND_LABOR), 6);
    /* A region code not in force in the birth year: a warning. */
    cr_assert_eq(save_labor("360824", "19900512", 23, "2026-06-15", JY_OK),
                 JY_WARN_REGION_NOT_IN_FORCE);
    cr_assert_eq(save_labor("360824", "19600101", 25, "2026-06-15", JY_OK),
                 JY_WARN_REGION_NOT_IN_FORCE | JY_WARN_LABOR_AGE);
    /* Surveyed before birth: refused. */
    cr_assert_eq(save_labor("360824", "20100616", 27, "2009-01-01", JY_EINVAL), 0u);
    cr_assert(message_has("'surveyed_on'"), "%s", jy_error_last()->message);
    cr_assert_eq(count_of(JY_KIND_LABOR), 8);

    /* jy_ledger_check says the same without storing. */
    char id[19];
    make_id(id, "360824", "20100616", 28);
    jy_record *r = sample_record(JY_KIND_LABOR);
    set_ok(r, "id_number", id);
    set_ok(r, "gender", "male"); /* read-only: recomputed, with a warning */
    set_ok(r, "birth_date", "1999-01-01");
    unsigned int w = 99;
    cr_assert_eq(jy_ledger_check(db, r, &w), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(w, JY_WARN_LABOR_AGE | JY_WARN_DERIVED_MISMATCH);
    cr_assert_str_eq(text_of(r, "gender"), "female", "from the ID number");
    cr_assert_str_eq(text_of(r, "birth_date"), "2010-06-16");
    cr_assert_str_eq(text_of(r, "township"), "360824101", "normalized");
    cr_assert_eq(count_of(JY_KIND_LABOR), 8, "nothing stored");
    cr_assert_eq(jy_ledger_check(db, r, NULL), JY_OK);
    jy_record_free(r);
}

Test(ledger, jobseeker_age_from_the_id_number)
{
    make_identifiers();
    jy_record *j = new_record(JY_KIND_JOBSEEKER);
    set_ok(j, "name", "某人");
    set_ok(j, "registered_on", "2026-08-09");
    set_ok(j, "id_number", seeker_id);
    int64_t id = add_ok(j);
    jy_record_free(j);
    j = get_ok(JY_KIND_JOBSEEKER, id);
    cr_assert_str_eq(text_of(j, "age"), "23");
    jy_record_free(j);
    /* A given age is kept. */
    j = new_record(JY_KIND_JOBSEEKER);
    set_ok(j, "name", "某人");
    set_ok(j, "registered_on", "2026-08-09");
    set_ok(j, "id_number", seeker_id);
    set_ok(j, "age", "30");
    id = add_ok(j);
    jy_record_free(j);
    j = get_ok(JY_KIND_JOBSEEKER, id);
    cr_assert_str_eq(text_of(j, "age"), "30");
    jy_record_free(j);
}

/* ---- Unique fields and saving by key ---------------------------------------- */

Test(ledger, unique_fields_on_add)
{
    populate();
    jy_record *l = sample_record(JY_KIND_LABOR);
    set_ok(l, "name", "另一个名字");
    add_refused(l, JY_EEXISTS, NULL);
    set_ok(l, "id_number", labor_id); /* canonical or not, the same person */
    add_refused(l, JY_EEXISTS, NULL);
    jy_record_free(l);

    jy_record *e = sample_record(JY_KIND_ENTERPRISE);
    cr_assert_eq(jy_record_clear(e, "credit_code"), JY_OK);
    add_refused(e, JY_EEXISTS, NULL); /* the same name */
    set_ok(e, "name", "新干县另一家公司");
    set_ok(e, "credit_code", uscc);
    add_refused(e, JY_EEXISTS, NULL); /* the same code */
    cr_assert_eq(jy_record_clear(e, "credit_code"), JY_OK);
    int64_t other = add_ok(e);
    jy_record_free(e);

    /* An update that would take another record's key. */
    e = get_ok(JY_KIND_ENTERPRISE, other);
    set_ok(e, "credit_code", uscc);
    cr_assert_eq(jy_ledger_update(db, e), JY_EEXISTS, "%s", jy_error_last()->message);
    set_ok(e, "credit_code", NULL);
    set_ok(e, "name", "新干县盐化工有限公司");
    cr_assert_eq(jy_ledger_update(db, e), JY_EEXISTS);
    jy_record_free(e);
    e = get_ok(JY_KIND_ENTERPRISE, other);
    cr_assert_str_eq(text_of(e, "name"), "新干县另一家公司");
    jy_record_free(e);
    cr_assert_eq(count_of(JY_KIND_ENTERPRISE), 2);
}

/* The history entries of a labor record, in id order. */
static size_t history(jy_record **out, size_t max, int64_t labor)
{
    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_LABOR_CHANGE;
    jy_ledger_iter *it = NULL;
    cr_assert_eq(jy_ledger_iter_new(&it, db, &f), JY_OK);
    size_t n = 0;
    jy_record *r = NULL;
    int rc;
    while ((rc = jy_ledger_iter_next(&r, it)) == JY_OK) {
        int64_t of = 0;
        cr_assert_eq(jy_record_get_int(&of, r, "labor_id"), JY_OK);
        if (of == labor && n < max)
            out[n++] = r;
        else
            jy_record_free(r);
    }
    cr_assert_eq(rc, JY_ITEROVER);
    jy_ledger_iter_free(it);
    return n;
}

static void free_all(jy_record **r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        jy_record_free(r[i]);
}

Test(ledger, saving_a_person_again_updates_and_keeps_history)
{
    make_identifiers();
    jy_record *r = new_record(JY_KIND_LABOR);
    set_ok(r, "id_number", labor_id);
    set_ok(r, "name", "李小红");
    set_ok(r, "township", "三湖");
    set_ok(r, "village", "廖坊");
    set_ok(r, "education", "初中");
    set_ok(r, "phone", "13900001111");
    set_ok(r, "skills", "电焊");
    set_ok(r, "surveyed_on", "2026-03-01");
    jy_save_result res;
    cr_assert_eq(jy_ledger_save(&res, db, r), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(res.updated, 0);
    cr_assert_eq(res.changes, 0);
    cr_assert_eq(res.warnings, 0);
    int64_t id = res.id;
    cr_assert_gt(id, 0);
    jy_record_free(r);

    /* The same person (lower-case x), surveyed again: three fields change,
     * the others are left unset and keep their values. */
    r = new_record(JY_KIND_LABOR);
    set_ok(r, "id_number", labor_id_lower);
    set_ok(r, "name", "李小红");
    set_ok(r, "education", "高中");
    set_ok(r, "phone", "+86 137 0000 2222");
    set_ok(r, "employment_status", "县内就业");
    set_ok(r, "surveyed_on", "2026-06-15");
    cr_assert_eq(jy_ledger_save(&res, db, r), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(res.updated, 1);
    cr_assert_eq(res.id, id);
    cr_assert_eq(res.changes, 3);
    cr_assert_eq(jy_record_id(r), id, "the record gets the id");
    jy_record_free(r);
    cr_assert_eq(count_of(JY_KIND_LABOR), 1);

    r = get_ok(JY_KIND_LABOR, id);
    cr_assert_str_eq(text_of(r, "education"), "senior");
    cr_assert_str_eq(text_of(r, "phone"), "13700002222");
    cr_assert_str_eq(text_of(r, "employment_status"), "employed_county");
    cr_assert_str_eq(text_of(r, "skills"), "电焊", "kept");
    cr_assert_str_eq(text_of(r, "township"), "360824101", "kept");
    cr_assert_str_eq(text_of(r, "village"), "360824101200", "kept");
    cr_assert_str_eq(text_of(r, "surveyed_on"), "2026-06-15");
    cr_assert_str_eq(text_of(r, "gender"), "female");
    jy_record_free(r);

    jy_record *h[16];
    size_t n = history(h, 16, id);
    cr_assert_eq(n, 3);
    static const struct { const char *field, *old, *new_; } want[] = {
        { "phone", "13900001111", "13700002222" },
        { "education", "junior", "senior" },
        { "employment_status", NULL, "employed_county" },
    };
    for (size_t i = 0; i < n; i++) {
        cr_assert_str_eq(text_of(h[i], "changed_on"), "2026-06-15", "dated by the survey");
        size_t w = 0;
        while (w < 3 && strcmp(want[w].field, text_of(h[i], "field")) != 0)
            w++;
        cr_assert_lt(w, 3, "unexpected change of %s", text_of(h[i], "field"));
        if (want[w].old)
            cr_assert_str_eq(text_of(h[i], "old_value"), want[w].old);
        else
            cr_assert_eq(jy_record_has(h[i], "old_value"), 0);
        cr_assert_str_eq(text_of(h[i], "new_value"), want[w].new_);
    }
    free_all(h, n);

    /* Nothing changed: no entry; a new survey date alone is no change. */
    r = new_record(JY_KIND_LABOR);
    set_ok(r, "id_number", labor_id);
    set_ok(r, "name", "李小红");
    set_ok(r, "education", "senior");
    set_ok(r, "surveyed_on", "2026-06-15");
    cr_assert_eq(jy_ledger_save(&res, db, r), JY_OK);
    cr_assert_eq(res.updated, 1);
    cr_assert_eq(res.changes, 0);
    set_ok(r, "surveyed_on", "2026-09-01");
    cr_assert_eq(jy_ledger_save(&res, db, r), JY_OK);
    cr_assert_eq(res.changes, 0);
    jy_record_free(r);
    n = history(h, 16, id);
    cr_assert_eq(n, 3, "no new entries");
    free_all(h, n);
    r = get_ok(JY_KIND_LABOR, id);
    cr_assert_str_eq(text_of(r, "surveyed_on"), "2026-09-01");
    jy_record_free(r);

    /* Saving again needs only the key: the required fields are stored. */
    r = new_record(JY_KIND_LABOR);
    set_ok(r, "id_number", labor_id);
    set_ok(r, "needs_training", "是");
    cr_assert_eq(jy_ledger_save(&res, db, r), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(res.changes, 1);
    jy_record_free(r);
    n = history(h, 16, id);
    cr_assert_eq(n, 4);
    cr_assert_str_eq(text_of(h[3], "changed_on"), "2026-09-01", "the stored survey date");
    free_all(h, n);
    /* A new person needs them all. */
    char other[19];
    make_id(other, "362424", "19700707", 77);
    r = new_record(JY_KIND_LABOR);
    set_ok(r, "id_number", other);
    set_ok(r, "surveyed_on", "2026-09-01");
    cr_assert_eq(jy_ledger_save(&res, db, r), JY_EINVAL);
    cr_assert(message_has("'name'") || message_has("'township'"), "%s",
              jy_error_last()->message);
    jy_record_free(r);
    cr_assert_eq(count_of(JY_KIND_LABOR), 1);

    /* The history is listed by its date. */
    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_LABOR_CHANGE;
    f.from = (jy_date){ 2026, 6, 15 };
    f.to = (jy_date){ 2026, 6, 15 };
    int64_t c = 0;
    cr_assert_eq(jy_ledger_count(&c, db, &f), JY_OK);
    cr_assert_eq(c, 3);
    f.from = (jy_date){ 2026, 6, 16 };
    f.to = (jy_date){ 0, 0, 0 };
    cr_assert_eq(jy_ledger_count(&c, db, &f), JY_OK);
    cr_assert_eq(c, 1);
}

Test(ledger, saving_by_key_ignores_the_id_the_record_carries)
{
    populate();
    char other_id[19];
    make_id(other_id, "362424", "19800101", 31);
    jy_record *o = sample_record(JY_KIND_LABOR);
    set_ok(o, "id_number", other_id);
    set_ok(o, "name", "另一个人");
    int64_t other = add_ok(o);
    jy_record_free(o);

    /* The sample person, carrying the other person's id (a JSON line...). */
    jy_record *r = sample_record(JY_KIND_LABOR);
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)other);
    set_ok(r, "id", buf);
    set_ok(r, "job", "叉车司机");
    jy_save_result res;
    cr_assert_eq(jy_ledger_save(&res, db, r), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(res.updated, 1);
    cr_assert_eq(res.id, ids[JY_KIND_LABOR]);
    cr_assert_eq(jy_record_id(r), ids[JY_KIND_LABOR]);
    jy_record_free(r);
    r = get_ok(JY_KIND_LABOR, ids[JY_KIND_LABOR]);
    cr_assert_str_eq(text_of(r, "job"), "叉车司机");
    jy_record_free(r);
    r = get_ok(JY_KIND_LABOR, other);
    cr_assert_str_eq(text_of(r, "name"), "另一个人", "the other person is untouched");
    cr_assert_str_eq(text_of(r, "id_number"), other_id);
    cr_assert_str_eq(text_of(r, "job"), "电焊工");
    jy_record_free(r);
}

Test(ledger, saving_a_person_who_moved)
{
    populate();
    /* Another township without a village: the old village does not follow. */
    jy_record *r = new_record(JY_KIND_LABOR);
    set_ok(r, "id_number", labor_id);
    set_ok(r, "name", "李小红");
    set_ok(r, "township", "金川");
    set_ok(r, "surveyed_on", "2026-07-01");
    jy_save_result res;
    cr_assert_eq(jy_ledger_save(&res, db, r), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(res.changes, 2, "township and village");
    jy_record_free(r);
    r = get_ok(JY_KIND_LABOR, ids[JY_KIND_LABOR]);
    cr_assert_str_eq(text_of(r, "township"), "360824100");
    cr_assert_eq(jy_record_has(r, "village"), 0);
    jy_record_free(r);

    /* A village alone tells its township. */
    r = new_record(JY_KIND_LABOR);
    set_ok(r, "id_number", labor_id);
    set_ok(r, "name", "李小红");
    set_ok(r, "village", "廖坊");
    set_ok(r, "surveyed_on", "2026-08-01");
    cr_assert_eq(jy_ledger_save(&res, db, r), JY_OK, "%s", jy_error_last()->message);
    jy_record_free(r);
    r = get_ok(JY_KIND_LABOR, ids[JY_KIND_LABOR]);
    cr_assert_str_eq(text_of(r, "township"), "360824101");
    cr_assert_str_eq(text_of(r, "village"), "360824101200");
    jy_record_free(r);

    /* The same township again: the village stays. */
    r = new_record(JY_KIND_LABOR);
    set_ok(r, "id_number", labor_id);
    set_ok(r, "name", "李小红");
    set_ok(r, "township", "三湖镇");
    set_ok(r, "surveyed_on", "2026-09-01");
    cr_assert_eq(jy_ledger_save(&res, db, r), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(res.changes, 0);
    jy_record_free(r);
    r = get_ok(JY_KIND_LABOR, ids[JY_KIND_LABOR]);
    cr_assert_str_eq(text_of(r, "village"), "360824101200");
    jy_record_free(r);

    /* A broken rule in the new values: nothing changes. */
    r = new_record(JY_KIND_LABOR);
    set_ok(r, "id_number", labor_id);
    set_ok(r, "name", "李小红");
    set_ok(r, "village", "湄湘");
    set_ok(r, "township", "三湖");
    set_ok(r, "surveyed_on", "2026-10-01");
    cr_assert_eq(jy_ledger_save(&res, db, r), JY_EINVAL);
    jy_record_free(r);
    r = get_ok(JY_KIND_LABOR, ids[JY_KIND_LABOR]);
    cr_assert_str_eq(text_of(r, "surveyed_on"), "2026-09-01");
    jy_record_free(r);
}

Test(ledger, enterprises_saved_again_by_name_or_code)
{
    populate();
    int64_t id = ids[JY_KIND_ENTERPRISE];
    jy_save_result res;

    /* By name: the code and the rest are kept. */
    jy_record *e = new_record(JY_KIND_ENTERPRISE);
    set_ok(e, "name", "新干县盐化工有限公司");
    set_ok(e, "staff_count", "150");
    cr_assert_eq(jy_ledger_save(&res, db, e), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(res.updated, 1);
    cr_assert_eq(res.id, id);
    cr_assert_eq(res.changes, 1);
    jy_record_free(e);
    e = get_ok(JY_KIND_ENTERPRISE, id);
    cr_assert_str_eq(text_of(e, "staff_count"), "150");
    cr_assert_str_eq(text_of(e, "credit_code"), uscc);
    cr_assert_str_eq(text_of(e, "township"), "360824100");
    jy_record_free(e);

    /* By code (lower case): renamed. */
    e = new_record(JY_KIND_ENTERPRISE);
    set_ok(e, "name", "江西新干盐化集团");
    set_ok(e, "credit_code", uscc_lower);
    cr_assert_eq(jy_ledger_save(&res, db, e), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(res.updated, 1);
    cr_assert_eq(res.id, id);
    jy_record_free(e);
    e = get_ok(JY_KIND_ENTERPRISE, id);
    cr_assert_str_eq(text_of(e, "name"), "江西新干盐化集团");
    jy_record_free(e);
    cr_assert_eq(count_of(JY_KIND_ENTERPRISE), 1);
    cr_assert_eq(count_of(JY_KIND_LABOR_CHANGE), 0, "history is for labor records");

    /* A new one. */
    e = new_record(JY_KIND_ENTERPRISE);
    set_ok(e, "name", "新干县箱包有限公司");
    cr_assert_eq(jy_ledger_save(&res, db, e), JY_OK);
    cr_assert_eq(res.updated, 0);
    int64_t other = res.id;
    cr_assert_neq(other, id);
    jy_record_free(e);

    /* Name of one, code of the other: refused. */
    e = new_record(JY_KIND_ENTERPRISE);
    set_ok(e, "name", "新干县箱包有限公司");
    set_ok(e, "credit_code", uscc);
    cr_assert_eq(jy_ledger_save(&res, db, e), JY_EEXISTS);
    cr_assert(message_has("credit_code"), "%s", jy_error_last()->message);
    jy_record_free(e);
    cr_assert_eq(count_of(JY_KIND_ENTERPRISE), 2);

    /* Kinds without a key are always added. */
    jy_record *s = sample_record(JY_KIND_SHORTAGE);
    cr_assert_eq(jy_ledger_save(&res, db, s), JY_OK);
    cr_assert_eq(res.updated, 0);
    cr_assert_eq(jy_ledger_save(&res, db, s), JY_OK);
    cr_assert_eq(res.updated, 0);
    cr_assert_eq(count_of(JY_KIND_SHORTAGE), 3);
    jy_record_free(s);
}

/* ---- Listing and counting ------------------------------------------------ */

static int64_t add_posting(int64_t enterprise, const char *published, const char *township,
                           const char *kind)
{
    jy_record *p = new_record(JY_KIND_POSTING);
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)enterprise);
    set_ok(p, "enterprise_id", buf);
    set_ok(p, "title", "普工");
    set_ok(p, "published_on", published);
    set_ok(p, "kind", kind);
    if (township)
        set_ok(p, "township", township);
    int64_t id = add_ok(p);
    jy_record_free(p);
    return id;
}

static int64_t count_with(const jy_filter *f)
{
    int64_t n = -1;
    cr_assert_eq(jy_ledger_count(&n, db, f), JY_OK, "%s", jy_error_last()->message);
    /* The iterator agrees, in id order. */
    jy_ledger_iter *it = NULL;
    cr_assert_eq(jy_ledger_iter_new(&it, db, f), JY_OK);
    int64_t listed = 0, last = 0;
    jy_record *r = NULL;
    while (jy_ledger_iter_next(&r, it) == JY_OK) {
        cr_assert_gt(jy_record_id(r), last);
        last = jy_record_id(r);
        listed++;
        jy_record_free(r);
    }
    jy_ledger_iter_free(it);
    cr_assert_eq(listed, n);
    return n;
}

Test(ledger, listing_with_filters)
{
    populate(); /* one posting: 2026-03-10, 麦㙦镇, gig */
    int64_t e1 = ids[JY_KIND_ENTERPRISE];
    jy_record *e = new_record(JY_KIND_ENTERPRISE);
    set_ok(e, "name", "第二家企业");
    set_ok(e, "industry", "箱包");
    int64_t e2 = add_ok(e);
    jy_record_free(e);

    add_posting(e1, "2026-02-28", "金川", "full_time");
    add_posting(e1, "2026-03-01", "金川", "gig");
    add_posting(e2, "2026-03-31", "三湖", "gig");
    add_posting(e2, "2026-04-01", NULL, "full_time");
    add_posting(e2, "2025-03-15", "金川镇", "零工");

    jy_filter f;
    cr_assert_eq(jy_filter_init(&f, JY_KIND_POSTING), JY_OK);
    cr_assert_eq(count_with(&f), 6);

    /* Period, both ends inclusive. */
    f.from = (jy_date){ 2026, 3, 1 };
    f.to = (jy_date){ 2026, 3, 31 };
    cr_assert_eq(count_with(&f), 3);
    f.to = (jy_date){ 2026, 3, 1 };
    cr_assert_eq(count_with(&f), 1, "one day");
    f.to = (jy_date){ 0, 0, 0 };
    cr_assert_eq(count_with(&f), 4, "from only");
    f.from = (jy_date){ 0, 0, 0 };
    f.to = (jy_date){ 2026, 2, 28 };
    cr_assert_eq(count_with(&f), 2, "to only");
    f.from = (jy_date){ 2026, 4, 2 };
    f.to = (jy_date){ 2026, 3, 1 };
    cr_assert_eq(count_with(&f), 0, "an empty period");

    /* Township by name, short name or code. */
    cr_assert_eq(jy_filter_init(&f, JY_KIND_POSTING), JY_OK);
    f.township = "金川";
    cr_assert_eq(count_with(&f), 3);
    f.township = "360824100";
    cr_assert_eq(count_with(&f), 3);
    f.township = "麦斜镇";
    cr_assert_eq(count_with(&f), 1);
    f.township = "城上";
    cr_assert_eq(count_with(&f), 0);

    /* Sub-kind by value or label. */
    cr_assert_eq(jy_filter_init(&f, JY_KIND_POSTING), JY_OK);
    f.subkind = "gig";
    cr_assert_eq(count_with(&f), 4);
    f.subkind = "零工";
    cr_assert_eq(count_with(&f), 4);
    f.subkind = "全职";
    cr_assert_eq(count_with(&f), 2);

    /* Enterprise. */
    cr_assert_eq(jy_filter_init(&f, JY_KIND_POSTING), JY_OK);
    f.enterprise_id = e2;
    cr_assert_eq(count_with(&f), 3);
    f.enterprise_id = 9999;
    cr_assert_eq(count_with(&f), 0);

    /* All together. */
    f.enterprise_id = e1;
    f.subkind = "gig";
    f.township = "金川";
    f.from = (jy_date){ 2026, 1, 1 };
    f.to = (jy_date){ 2026, 12, 31 };
    cr_assert_eq(count_with(&f), 1);

    /* Enterprises by industry and by id. */
    cr_assert_eq(jy_filter_init(&f, JY_KIND_ENTERPRISE), JY_OK);
    f.subkind = "箱包";
    cr_assert_eq(count_with(&f), 1);
    f.subkind = NULL;
    f.enterprise_id = e1;
    cr_assert_eq(count_with(&f), 1);
    f.township = "金川";
    cr_assert_eq(count_with(&f), 1);

    /* Events: live shows, by value or Chinese label. */
    jy_record *ev = new_record(JY_KIND_EVENT);
    set_ok(ev, "kind", "training");
    set_ok(ev, "date", "2026-05-01");
    add_ok(ev);
    jy_record_free(ev);
    cr_assert_eq(jy_filter_init(&f, JY_KIND_EVENT), JY_OK);
    cr_assert_eq(count_with(&f), 2);
    f.subkind = "live_show";
    cr_assert_eq(count_with(&f), 1);
    f.subkind = "直播带岗";
    cr_assert_eq(count_with(&f), 1);
    f.township = "洋峰";
    f.enterprise_id = e1;
    f.from = (jy_date){ 2026, 5, 1 };
    f.to = (jy_date){ 2026, 5, 1 };
    cr_assert_eq(count_with(&f), 1);
    f.subkind = "training";
    cr_assert_eq(count_with(&f), 0);

    /* Labor records by employment status and township. */
    cr_assert_eq(jy_filter_init(&f, JY_KIND_LABOR), JY_OK);
    f.subkind = "省外就业";
    f.township = "三湖镇";
    cr_assert_eq(count_with(&f), 1);
    /* Records of an enterprise in other ledgers. */
    static const jy_kind of_enterprise[] = { JY_KIND_STAFF_SURVEY, JY_KIND_EVENT_ENTERPRISE,
                                             JY_KIND_HIRE, JY_KIND_SHORTAGE };
    for (size_t i = 0; i < sizeof of_enterprise / sizeof of_enterprise[0]; i++) {
        cr_assert_eq(jy_filter_init(&f, of_enterprise[i]), JY_OK);
        f.enterprise_id = e1;
        cr_assert_eq(count_with(&f), 1, "%s", jy_kind_name(of_enterprise[i]));
        f.enterprise_id = e2;
        cr_assert_eq(count_with(&f), 0);
    }
}

static void filter_refused(const jy_filter *f, const char *why)
{
    int64_t n = 7;
    cr_assert_eq(jy_ledger_count(&n, db, f), JY_EINVAL, "%s", why);
    cr_assert_eq(n, 0);
    jy_ledger_iter *it = (jy_ledger_iter *)1;
    cr_assert_eq(jy_ledger_iter_new(&it, db, f), JY_EINVAL, "%s", why);
    cr_assert_null(it);
}

Test(ledger, bad_filters)
{
    populate();
    jy_filter f;
    cr_assert_eq(jy_filter_init(&f, JY_KIND_EVENT_ENTERPRISE), JY_OK);
    f.from = (jy_date){ 2026, 1, 1 };
    filter_refused(&f, "a period on a kind without a date");
    cr_assert_eq(jy_filter_init(&f, JY_KIND_EVENT_ENTERPRISE), JY_OK);
    f.to = (jy_date){ 2026, 1, 1 };
    filter_refused(&f, "the end of a period too");

    cr_assert_eq(jy_filter_init(&f, JY_KIND_POSTING), JY_OK);
    f.from = (jy_date){ 2026, 2, 30 };
    filter_refused(&f, "a date that does not exist");
    cr_assert_eq(jy_filter_init(&f, JY_KIND_POSTING), JY_OK);
    f.township = "北京镇";
    filter_refused(&f, "an unknown township");
    f.township = "";
    filter_refused(&f, "an empty township");
    f.township = "' OR 1=1 --";
    filter_refused(&f, "injection");
    cr_assert_eq(jy_filter_init(&f, JY_KIND_POSTING), JY_OK);
    f.subkind = "part_time";
    filter_refused(&f, "an unknown sub-kind");
    f.subkind = "gig' OR '1'='1";
    filter_refused(&f, "injection");
    cr_assert_eq(jy_filter_init(&f, JY_KIND_EVENT), JY_OK);
    f.subkind = "party";
    filter_refused(&f, "an unknown event kind");

    cr_assert_eq(jy_filter_init(&f, JY_KIND_CONTRACT), JY_OK);
    f.township = "金川";
    filter_refused(&f, "a township on a kind without one");
    cr_assert_eq(jy_filter_init(&f, JY_KIND_CONTRACT), JY_OK);
    f.subkind = "x";
    filter_refused(&f, "a sub-kind on a kind without one");
    cr_assert_eq(jy_filter_init(&f, JY_KIND_LABOR), JY_OK);
    f.enterprise_id = 1;
    filter_refused(&f, "an enterprise on a kind without one");

    cr_assert_eq(jy_filter_init(&f, (jy_kind)0), JY_OK);
    filter_refused(&f, "no kind");
    cr_assert_eq(jy_filter_init(&f, (jy_kind)JY_KIND_END), JY_OK);
    filter_refused(&f, "not a kind");
    cr_assert_eq(jy_filter_init(&f, JY_KIND_POSTING), JY_OK);
    f.version = 0;
    filter_refused(&f, "version 0");
    f.version = JY_FILTER_VERSION + 1;
    filter_refused(&f, "a newer version");
}

/* ---- Injection --------------------------------------------------------- */

Test(ledger, sql_in_values_is_just_text)
{
    populate();
    static const char *const evil[] = {
        "'); DROP TABLE labor; --",
        "\" OR 1=1 --",
        "x'; DELETE FROM enterprise WHERE '1'='1",
        "1; UPDATE labor SET name = 'pwned'",
        "Robert'); DROP TABLE posting;--",
        "%' OR name LIKE '%",
        "\\'; ATTACH DATABASE '/tmp/x.db' AS x; --",
    };
    for (size_t i = 0; i < sizeof evil / sizeof evil[0]; i++) {
        jy_record *e = new_record(JY_KIND_ENTERPRISE);
        set_ok(e, "name", evil[i]);
        set_ok(e, "address", evil[i]);
        set_ok(e, "notes", evil[i]);
        int64_t eid = add_ok(e);
        jy_record_free(e);

        jy_record *p = sample_record(JY_KIND_POSTING);
        set_ok(p, "title", evil[i]);
        set_ok(p, "description", evil[i]);
        set_ok(p, "skills", "SQL");
        int64_t pid = add_ok(p);
        jy_record_free(p);

        jy_record *l = sample_record(JY_KIND_LABOR);
        char id[19];
        make_id(id, "362424", "19850505", (int)(100 + i * 2));
        set_ok(l, "id_number", id);
        set_ok(l, "name", evil[i]);
        set_ok(l, "job", evil[i]);
        set_ok(l, "surveyor", evil[i]);
        jy_save_result res;
        cr_assert_eq(jy_ledger_save(&res, db, l), JY_OK, "%s", jy_error_last()->message);
        jy_record_free(l);

        e = get_ok(JY_KIND_ENTERPRISE, eid);
        cr_assert_str_eq(text_of(e, "name"), evil[i]);
        cr_assert_str_eq(text_of(e, "address"), evil[i]);
        cr_assert_str_eq(text_of(e, "notes"), evil[i]);
        jy_record_free(e);
        p = get_ok(JY_KIND_POSTING, pid);
        cr_assert_str_eq(text_of(p, "title"), evil[i]);
        cr_assert_str_eq(text_of(p, "description"), evil[i]);
        jy_record_free(p);
        l = get_ok(JY_KIND_LABOR, res.id);
        cr_assert_str_eq(text_of(l, "name"), evil[i]);
        cr_assert_str_eq(text_of(l, "job"), evil[i]);
        jy_record_free(l);

        /* Saved again by name: found by the exact text, not a pattern. */
        e = new_record(JY_KIND_ENTERPRISE);
        set_ok(e, "name", evil[i]);
        set_ok(e, "staff_count", "5");
        cr_assert_eq(jy_ledger_save(&res, db, e), JY_OK);
        cr_assert_eq(res.id, eid);
        jy_record_free(e);
    }
    /* Every table is still there, with every row. */
    size_t n = sizeof evil / sizeof evil[0];
    cr_assert_eq(count_of(JY_KIND_ENTERPRISE), 1 + (int64_t)n);
    cr_assert_eq(count_of(JY_KIND_POSTING), 1 + (int64_t)n);
    cr_assert_eq(count_of(JY_KIND_LABOR), 1 + (int64_t)n);
    for (int kind = 1; kind < JY_KIND_END; kind++)
        cr_assert_geq(count_of((jy_kind)kind), kind == JY_KIND_LABOR_CHANGE ? 0 : 1);
    jy_record *l = get_ok(JY_KIND_LABOR, ids[JY_KIND_LABOR]);
    cr_assert_str_eq(text_of(l, "name"), "李小红");
    jy_record_free(l);
    jy_kind k;
    cr_assert_eq(jy_kind_from_name(&k, "labor; DROP TABLE labor"), JY_ENOTFOUND);
}

/* ---- Transactions -------------------------------------------------------- */

Test(ledger, a_failing_save_inside_a_transaction_keeps_the_other_writes)
{
    make_identifiers();
    cr_assert_eq(jy_db_begin(db), JY_OK);

    jy_record *e = sample_record(JY_KIND_ENTERPRISE);
    int64_t e1 = add_ok(e);
    jy_record_free(e);

    jy_record *a = sample_record(JY_KIND_LABOR);
    jy_save_result res;
    cr_assert_eq(jy_ledger_save(&res, db, a), JY_OK);
    int64_t la = res.id;
    jy_record_free(a);

    char other[19];
    make_id(other, "362424", "19880808", 41);
    jy_record *b = sample_record(JY_KIND_LABOR);
    set_ok(b, "id_number", other);
    set_ok(b, "name", "王五");
    cr_assert_eq(jy_ledger_save(&res, db, b), JY_OK);
    int64_t lb = res.id;
    jy_record_free(b);

    /* Fails in the checks: nothing written. */
    char wrong[19];
    make_id(wrong, "362424", "19900101", 43);
    wrong[17] = wrong[17] == '0' ? '1' : '0';
    jy_record *bad = sample_record(JY_KIND_LABOR);
    set_ok(bad, "id_number", wrong);
    cr_assert_eq(jy_ledger_save(&res, db, bad), JY_EINVAL);
    jy_record_free(bad);

    /* Fails after writing history (the update takes another person's ID
     * number): the history written for it is undone. */
    b = get_ok(JY_KIND_LABOR, lb);
    set_ok(b, "id_number", labor_id);
    set_ok(b, "job", "新工作");
    set_ok(b, "education", "本科");
    cr_assert_eq(jy_ledger_update(db, b), JY_EEXISTS, "%s", jy_error_last()->message);
    jy_record_free(b);
    cr_assert_eq(count_of(JY_KIND_LABOR_CHANGE), 0, "no half-written update");

    /* Fails on a unique key in an insert. */
    e = sample_record(JY_KIND_ENTERPRISE);
    cr_assert_eq(jy_ledger_add(NULL, db, e), JY_EEXISTS);
    jy_record_free(e);

    /* A good update with history after the failures. */
    a = new_record(JY_KIND_LABOR);
    set_ok(a, "id_number", labor_id);
    set_ok(a, "name", "李小红");
    set_ok(a, "job", "质检员");
    set_ok(a, "surveyed_on", "2026-07-01");
    cr_assert_eq(jy_ledger_save(&res, db, a), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(res.changes, 1);
    jy_record_free(a);

    cr_assert_eq(jy_db_commit(db), JY_OK, "%s", jy_error_last()->message);

    cr_assert_eq(count_of(JY_KIND_ENTERPRISE), 1);
    cr_assert_eq(count_of(JY_KIND_LABOR), 2);
    cr_assert_eq(count_of(JY_KIND_LABOR_CHANGE), 1);
    e = get_ok(JY_KIND_ENTERPRISE, e1);
    jy_record_free(e);
    a = get_ok(JY_KIND_LABOR, la);
    cr_assert_str_eq(text_of(a, "job"), "质检员");
    jy_record_free(a);
    b = get_ok(JY_KIND_LABOR, lb);
    cr_assert_str_eq(text_of(b, "id_number"), other, "unchanged");
    cr_assert_str_eq(text_of(b, "job"), "电焊工");
    jy_record_free(b);
}

Test(ledger, rolling_back_undoes_saves_and_history)
{
    populate();
    cr_assert_eq(jy_db_begin(db), JY_OK);
    jy_record *a = new_record(JY_KIND_LABOR);
    set_ok(a, "id_number", labor_id);
    set_ok(a, "name", "李小红");
    set_ok(a, "job", "质检员");
    set_ok(a, "surveyed_on", "2026-07-01");
    jy_save_result res;
    cr_assert_eq(jy_ledger_save(&res, db, a), JY_OK);
    jy_record_free(a);
    jy_record *i = sample_record(JY_KIND_INCIDENT);
    add_ok(i);
    jy_record_free(i);
    cr_assert_eq(count_of(JY_KIND_LABOR_CHANGE), 1);
    cr_assert_eq(jy_db_rollback(db), JY_OK);
    cr_assert_eq(count_of(JY_KIND_LABOR_CHANGE), 0);
    cr_assert_eq(count_of(JY_KIND_INCIDENT), 1);
    a = get_ok(JY_KIND_LABOR, ids[JY_KIND_LABOR]);
    cr_assert_str_eq(text_of(a, "job"), "电焊工");
    jy_record_free(a);
}

/* ---- Misuse ------------------------------------------------------------------ */

Test(ledger, null_arguments_are_errors)
{
    populate();
    jy_record *r = sample_record(JY_KIND_INCIDENT);
    jy_record *out = (jy_record *)1;
    int64_t id = 0;
    unsigned int w = 5;
    jy_save_result res;
    res.id = 99;

    cr_assert_eq(jy_ledger_check(NULL, r, &w), JY_EINVAL);
    cr_assert_eq(w, 0);
    cr_assert_eq(jy_ledger_check(db, NULL, NULL), JY_EINVAL);
    cr_assert_eq(jy_ledger_add(&id, NULL, r), JY_EINVAL);
    cr_assert_eq(jy_ledger_add(&id, db, NULL), JY_EINVAL);
    cr_assert_eq(jy_ledger_save(&res, NULL, r), JY_EINVAL);
    cr_assert_eq(res.id, 0);
    cr_assert_eq(jy_ledger_save(&res, db, NULL), JY_EINVAL);
    cr_assert_eq(jy_ledger_save(NULL, db, NULL), JY_EINVAL);
    cr_assert_eq(jy_ledger_get(NULL, db, JY_KIND_INCIDENT, 1), JY_EINVAL);
    cr_assert_eq(jy_ledger_get(&out, NULL, JY_KIND_INCIDENT, 1), JY_EINVAL);
    cr_assert_null(out);
    cr_assert_eq(jy_ledger_get(&out, db, (jy_kind)0, 1), JY_EINVAL);
    cr_assert_eq(jy_ledger_get(&out, db, (jy_kind)JY_KIND_END, 1), JY_EINVAL);
    cr_assert_eq(jy_ledger_update(NULL, r), JY_EINVAL);
    cr_assert_eq(jy_ledger_update(db, NULL), JY_EINVAL);
    cr_assert_eq(jy_ledger_delete(NULL, JY_KIND_INCIDENT, 1), JY_EINVAL);
    cr_assert_eq(jy_ledger_delete(db, (jy_kind)0, 1), JY_EINVAL);
    cr_assert_eq(jy_ledger_delete(db, (jy_kind)99, 1), JY_EINVAL);
    cr_assert_eq(jy_filter_init(NULL, JY_KIND_LABOR), JY_EINVAL);

    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_INCIDENT;
    jy_ledger_iter *it = (jy_ledger_iter *)1;
    cr_assert_eq(jy_ledger_iter_new(NULL, db, &f), JY_EINVAL);
    cr_assert_eq(jy_ledger_iter_new(&it, NULL, &f), JY_EINVAL);
    cr_assert_null(it);
    cr_assert_eq(jy_ledger_iter_new(&it, db, NULL), JY_EINVAL);
    cr_assert_eq(jy_ledger_iter_new(&it, db, &f), JY_OK);
    cr_assert_eq(jy_ledger_iter_next(NULL, it), JY_EINVAL);
    cr_assert_eq(jy_ledger_iter_next(&out, NULL), JY_EINVAL);
    jy_ledger_iter_free(it);
    jy_ledger_iter_free(NULL);
    int64_t n = 3;
    cr_assert_eq(jy_ledger_count(NULL, db, &f), JY_EINVAL);
    cr_assert_eq(jy_ledger_count(&n, NULL, &f), JY_EINVAL);
    cr_assert_eq(jy_ledger_count(&n, db, NULL), JY_EINVAL);
    jy_record_free(r);
}

/* An iterator left open while writing, and records changed between steps. */
Test(ledger, writing_while_listing)
{
    populate();
    for (int i = 0; i < 5; i++) {
        jy_record *r = sample_record(JY_KIND_INCIDENT);
        add_ok(r);
        jy_record_free(r);
    }
    jy_filter f = JY_FILTER_INIT;
    f.kind = JY_KIND_INCIDENT;
    jy_ledger_iter *it = NULL;
    cr_assert_eq(jy_ledger_iter_new(&it, db, &f), JY_OK);
    jy_record *r = NULL;
    int seen = 0;
    while (jy_ledger_iter_next(&r, it) == JY_OK) {
        set_ok(r, "description", "已处理");
        cr_assert_eq(jy_ledger_update(db, r), JY_OK, "%s", jy_error_last()->message);
        jy_record_free(r);
        seen++;
    }
    jy_ledger_iter_free(it);
    cr_assert_eq(seen, 6);
    r = get_ok(JY_KIND_INCIDENT, 6);
    cr_assert_str_eq(text_of(r, "description"), "已处理");
    jy_record_free(r);
}

Test(ledger, find_by_natural_key)
{
    jy_db *fdb = NULL;
    cr_assert_eq(jy_db_open(&fdb, ":memory:", NULL), JY_OK);
    jy_record *e = NULL;
    cr_assert_eq(jy_record_new(&e, JY_KIND_ENTERPRISE), JY_OK);
    cr_assert_eq(jy_record_set_text(e, "name", "新干县盐化有限公司"), JY_OK);
    cr_assert_eq(jy_record_set_text(e, "credit_code", "91310115MA1K3BTP2B"), JY_OK);
    int64_t id = 0, found = 0;
    cr_assert_eq(jy_ledger_add(&id, fdb, e), JY_OK, "%s", jy_error_last()->message);
    jy_record_free(e);

    cr_assert_eq(jy_ledger_find(&found, fdb, JY_KIND_ENTERPRISE, "name", "新干县盐化有限公司"), JY_OK);
    cr_assert_eq(found, id);
    found = 0;
    /* Normalized as when storing: lower case and spaces. */
    cr_assert_eq(jy_ledger_find(&found, fdb, JY_KIND_ENTERPRISE, "credit_code",
                                " 91310115ma1k3btp2b "), JY_OK, "%s", jy_error_last()->message);
    cr_assert_eq(found, id);
    cr_assert_eq(jy_ledger_find(&found, fdb, JY_KIND_ENTERPRISE, "name", "别的公司"), JY_ENOTFOUND);
    cr_assert_eq(found, 0);
    cr_assert_eq(jy_ledger_find(&found, fdb, JY_KIND_ENTERPRISE, "industry", "luggage"), JY_EINVAL,
                 "not a unique field");
    cr_assert_eq(jy_ledger_find(&found, fdb, JY_KIND_ENTERPRISE, "credit_code", "12345"), JY_EINVAL,
                 "not a credit code");
    cr_assert_eq(jy_ledger_find(&found, fdb, JY_KIND_ENTERPRISE, "name", "   "), JY_EINVAL);
    cr_assert_eq(jy_ledger_find(NULL, fdb, JY_KIND_ENTERPRISE, "name", "x"), JY_EINVAL);
    cr_assert_eq(jy_ledger_find(&found, fdb, (jy_kind)99, "name", "x"), JY_EINVAL);
    jy_db_close(fdb);
}
