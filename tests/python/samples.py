"""Sample ledger records for the bindings' tests: one record of every kind,
every writable field set, built parents first; and generators of valid
identifiers (resident ID numbers, credit codes) so that tests need no
personal data.

Not a test module (no test_ prefix): the tests import it.
"""
import datetime

import jiuye

D = datetime.date

# GB 11643-1999: weights of the 17 digits, and the check characters by sum % 11.
_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RIC_CHECK = "10X98765432"


def ric(birth, seq, region=None):
    """A valid resident ID number: born on `birth`, sequence `seq` (0-999).

    Xingan's region code is 360824 since 2000 and 362424 before (a number
    with a code not in force in the birth year is valid, with a warning).
    """
    if region is None:
        region = "360824" if birth.year >= 2000 else "362424"
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    total = sum(int(c) * w for c, w in zip(body, _RIC_WEIGHTS))
    return body + _RIC_CHECK[total % 11]


# GB 32100-2015: the 31 characters, and the weights of the first 17.
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc(seq):
    """A valid unified social credit code of an enterprise of Xingan, numbered `seq`."""
    body = "91360824MA" + "".join(_USCC_CHARS[(seq // 31 ** i) % 31] for i in range(6, -1, -1))
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body, _USCC_WEIGHTS))
    return body + _USCC_CHARS[(31 - total % 31) % 31]


def phone(seq):
    """A valid mobile number (139 prefix)."""
    return f"139{seq:08d}"


# Codes of the default county (Xingan) used by the samples.
JINCHUAN = "360824100"          # 金川镇
LIJIANG = "360824106"           # 溧江镇
PARK = "360824404"              # 新干工业园区


def sample_records(village_code):
    """(kind, values, derived) for every writable kind, parents first.

    `values` use canonical forms (codes, upper-case X), so that a record read
    back equals `values` plus its id, plus `derived` (fields the library
    sets). References are callables of the ids stored so far: {kind: id}.
    """
    return [
        ("contract", {
            "name": "新干县就业之家运营服务合同", "operator": "某人力资源服务有限公司",
            "signed_on": D(2025, 7, 1), "ends_on": D(2026, 6, 30), "rules": "2025年度考核细则",
            "notes": "第一个服务年",
        }, {}),
        ("enterprise", {
            "name": "新干县盐化科技有限公司", "credit_code": uscc(1), "industry": "salt_chemical",
            "industrial": True, "township": PARK, "address": "新干工业园区盐化大道1号",
            "contact_name": "李四", "contact_phone": phone(1),
            "platform_registered_on": D(2025, 7, 10), "authorized_on": D(2025, 7, 12),
            "wechat_joined_on": D(2025, 7, 15), "demand_ledger_on": D(2025, 8, 1),
            "staff_count": 320, "staff_surveyed_on": D(2025, 9, 1), "notes": "重点企业",
        }, {}),
        ("staff_survey", {
            "enterprise_id": lambda ids: ids["enterprise"], "surveyed_on": D(2025, 9, 1),
            "staff_count": 320, "general_workers": 250, "skilled_workers": 70, "vacancies": 15,
            "notes": "三季度摸排",
        }, {}),
        ("posting", {
            "enterprise_id": lambda ids: ids["enterprise"], "title": "化工操作工",
            "description": "负责装置巡检与操作，倒班。", "skills": ["化工操作", "设备巡检"],
            "headcount": 10, "salary_min": 4500, "salary_max": 6500, "salary_text": "五险一金",
            "age_min": 18, "age_max": 45, "education": "senior", "township": PARK,
            "kind": "full_time", "worker_type": "skilled", "published_on": D(2025, 8, 5),
            "closed_on": D(2025, 10, 5), "source": "平台", "external_id": "P-0001",
        }, {}),
        ("labor", {
            "id_number": ric(D(1988, 3, 12), 21), "name": "王五", "phone": phone(2),
            "township": JINCHUAN, "village": village_code, "education": "junior",
            "employment_status": "employed_county", "job": "操作工", "employer": "新干县盐化科技有限公司",
            "skills": ["电工"], "needs_job": False, "needs_entrepreneurship": False,
            "needs_training": True, "key_groups": ["returnee", "rural_migrant"], "returnee": True,
            "wish_local": True, "surveyed_on": D(2025, 8, 20), "surveyor": "赵六",
        }, {"gender": "male", "birth_date": D(1988, 3, 12), "entered_on": D(2025, 8, 20)}),
        ("jobseeker", {
            "name": "钱七", "id_number": ric(D(2001, 6, 1), 34), "phone": phone(3),
            "labor_id": lambda ids: ids["labor"], "registered_on": D(2025, 9, 1),
            "wishes": "想在县内做电工", "skills": ["电工", "焊工"], "township": JINCHUAN,
            "salary_wish": 5000, "age": 24, "education": "vocational", "resume_on_platform": True,
            "in_county": True,
        }, {}),
        ("followup", {
            "jobseeker_id": lambda ids: ids["jobseeker"], "date": D(2025, 9, 5), "kind": "phone",
            "outcome": "推荐了两个岗位",
        }, {}),
        ("verification", {
            "labor_id": lambda ids: ids["labor"], "checked_on": D(2025, 10, 1), "accurate": True,
            "checker": "孙八", "notes": "核实无误",
        }, {}),
        ("event", {
            "kind": "live_show", "date": D(2025, 9, 10), "title": "金秋直播带岗", "township": JINCHUAN,
            "starts_at": "19:30", "minutes": 90, "jobs_shown": 25, "holiday": "国庆", "views": 12000,
            "count": 5, "level": "county", "service_type": "job_recommendation",
            "person_name": "周九", "labor_id": lambda ids: ids["labor"],
            "enterprise_id": lambda ids: ids["enterprise"], "report_kind": "monthly",
            "period": "2025-09", "due_on": D(2025, 9, 15), "done_on": D(2025, 9, 12),
            "group_kind": "jobseeker", "members": 480, "board": "gig_board", "rank": 3,
            "success": True, "channel": "抖音", "notes": "效果好", "source": "主播登记表",
        }, {}),
        ("event_enterprise", {
            "event_id": lambda ids: ids["event"], "enterprise_id": lambda ids: ids["enterprise"],
        }, {}),
        ("hire", {
            "jobseeker_id": lambda ids: ids["jobseeker"], "enterprise_id": lambda ids: ids["enterprise"],
            "posting_id": lambda ids: ids["posting"], "name": "钱七", "started_on": D(2025, 9, 20),
            "dispatch": False, "left_on": D(2026, 3, 1), "checked_on": D(2025, 12, 20),
        }, {}),
        ("shortage", {
            "enterprise_id": lambda ids: ids["enterprise"], "source": "qinqing_meeting",
            "reported_on": D(2025, 8, 10), "shortfall": 30, "measures": "专场招聘会",
            "resolved_on": D(2025, 9, 30),
        }, {}),
        ("review", {
            "jobseeker_id": lambda ids: ids["jobseeker"], "date": D(2025, 9, 25), "good": True,
            "text": "服务周到", "followed_up_on": D(2025, 10, 25), "follow_up_good": True,
        }, {}),
        ("delivery", {
            "posting_id": lambda ids: ids["posting"], "jobseeker_id": lambda ids: ids["jobseeker"],
            "delivered_on": D(2025, 9, 2), "viewed_on": D(2025, 9, 3),
        }, {}),
        ("incident", {
            "kind": "public_opinion", "date": D(2025, 11, 1), "description": "网络舆情一起，已处置",
        }, {}),
        ("push", {
            "jobseeker_id": lambda ids: ids["jobseeker"], "pushed_on": D(2025, 9, 3),
            "posting_count": 2, "postings": ["12", "7"], "channel": "平台消息",
        }, {}),
        ("override", {
            "indicator": "5.3", "period_from": D(2025, 9, 1), "period_to": D(2025, 9, 30),
            "deduction": 0.5, "reason": "停电中断直播，酌情减半", "assessor": "考核组",
            "decided_on": D(2025, 10, 8),
        }, {}),
    ]


def resolve(values, ids):
    """`values` with its reference callables replaced by the ids stored so far."""
    return {k: (v(ids) if callable(v) else v) for k, v in values.items()}


def village_code(db_or_county):
    """The code of 善政 village of 金川镇 in the county."""
    county = db_or_county.county if isinstance(db_or_county, jiuye.Database) else db_or_county
    return county.village("善政", township="金川").code


def fill(db):
    """Adds one sample record of every writable kind; returns {kind: (id, expected)}."""
    ids, stored = {}, {}
    for kind, values, derived in sample_records(village_code(db)):
        values = resolve(values, ids)
        ids[kind] = db.add(kind, values)
        stored[kind] = (ids[kind], {"id": ids[kind], **values, **derived})
    return stored
