"""The ledgers from Python: the catalogue, records as dicts (round trip of
every kind, typed values, normalization), the rules and their errors, saving
with labor history, updates and deletes, listing with filters and counts."""
import datetime

import pytest

import jiuye
from jiuye import capi

import samples
from samples import D, JINCHUAN, LIJIANG, PARK, ric, uscc, phone


@pytest.fixture
def db():
    with jiuye.Database() as d:
        yield d


@pytest.fixture(scope="module")
def filled():
    """A memory database with one sample of every kind: (db, {kind: (id, expected)})."""
    with jiuye.Database() as d:
        yield d, samples.fill(d)


def enterprise(db, n=1, **extra):
    return db.add("enterprise", {"name": f"新干县测试企业{n}有限公司", "credit_code": uscc(n),
                                 "township": JINCHUAN, **extra})


def labor(n, **extra):
    values = {"id_number": ric(D(1990, 1, 1) + datetime.timedelta(days=n), n % 1000),
              "name": "测试", "township": JINCHUAN, "surveyed_on": D(2025, 8, 1)}
    values.update(extra)
    return values


# ---------------------------------------------------------------------------
# The catalogue

def test_kind_mirrors_the_library():
    assert [int(k) for k in jiuye.kinds()] == list(range(1, capi.JY_KIND_END))
    for k in jiuye.Kind:
        assert str(k) == capi.jy_kind_name(k) == k.name.lower()
        assert f"{k}" == str(k)
        assert k.label == capi.jy_kind_label(k) and k.label
        assert jiuye.Kind.of(str(k)) is k
        assert jiuye.Kind.of(int(k)) is k
    assert jiuye.Kind.LABOR == 7 and str(jiuye.Kind.LABOR) == "labor"
    assert jiuye.Kind.LABOR.label == "劳动力资源信息"


def test_kind_errors():
    with pytest.raises(jiuye.NotFoundError, match="no record kind is called 'laborr'"):
        jiuye.Kind.of("laborr")
    with pytest.raises(jiuye.InvalidError, match="99 is not a record kind"):
        jiuye.Kind.of(99)
    with pytest.raises(TypeError):
        jiuye.Kind.of(True)
    with pytest.raises(TypeError):
        jiuye.Kind.of(7.0)


@pytest.mark.parametrize("kind", list(jiuye.Kind), ids=str)
def test_fields_of_every_kind(kind):
    fields = jiuye.fields(kind)
    assert fields == kind.fields == jiuye.fields(str(kind)) == jiuye.fields(int(kind))
    assert fields[0].name == "id" and fields[0].readonly and fields[0].type == "integer"
    assert len(fields) == capi.jy_kind_field_count(kind)
    assert len({f.name for f in fields}) == len(fields)
    for f in fields:
        assert isinstance(f, jiuye.FieldInfo)
        assert f.type in ("text", "integer", "real", "bool", "date", "list", "reference")
        assert f.label and f.doc
        assert (f.ref_kind is not None) == (f.type == "reference")
        if f.format == "enum":
            assert f.values and len(f.values) == len(f.value_labels)
        else:
            assert f.values is None


def test_field_details():
    by_name = {f.name: f for f in jiuye.fields("labor")}
    id_number = by_name["id_number"]
    assert (id_number.required, id_number.personal, id_number.unique, id_number.readonly) == \
        (True, True, True, False)
    assert id_number.format == "id_number" and id_number.label == "身份证号"
    assert by_name["gender"].readonly and by_name["gender"].values == ("male", "female")
    assert by_name["skills"].type == "list"
    assert by_name["key_groups"].format == "enum" and "returnee" in by_name["key_groups"].values
    posting = {f.name: f for f in jiuye.fields(jiuye.Kind.POSTING)}
    assert posting["enterprise_id"].ref_kind is jiuye.Kind.ENTERPRISE
    assert (posting["headcount"].min, posting["headcount"].max) == (1, 100000)
    assert posting["title"].min is None and posting["title"].max is None
    with pytest.raises(AttributeError):          # frozen
        id_number.name = "x"


# ---------------------------------------------------------------------------
# Records as dicts: every kind

@pytest.mark.parametrize("kind", [k for k in jiuye.Kind if k != jiuye.Kind.LABOR_CHANGE], ids=str)
def test_round_trip_every_kind(filled, kind):
    db, stored = filled
    record_id, expected = stored[str(kind)]
    got = db.get(kind, record_id)
    assert got == expected
    # Typed values, and never None.
    types = {f.name: f.type for f in jiuye.fields(kind)}
    python_type = {"text": str, "integer": int, "real": float, "bool": bool,
                   "date": datetime.date, "list": list, "reference": int}
    for name, value in got.items():
        assert value is not None
        assert type(value) is python_type[types[name]], name
        if types[name] == "list":
            assert all(type(item) is str for item in value)
    # Every writable field of the kind is covered by the sample.
    writable = {f.name for f in jiuye.fields(kind) if not f.readonly}
    assert writable <= set(got)
    # Listing gives the same record.
    assert list(db.records(kind)) == [expected]
    assert db.count(kind) == 1


def test_unset_fields_are_absent(db):
    e = db.add("enterprise", {"name": "只有名字的企业"})
    assert db.get("enterprise", e) == {"id": e, "name": "只有名字的企业"}


def test_record_read_back_stores_again(filled):
    db, stored = filled
    # A record read back (id and derived fields included) is valid input.
    labor_id, expected = stored["labor"]
    record, warnings = db.check("labor", db.get("labor", labor_id))
    assert record == expected and warnings == frozenset()


def test_kind_as_enum_string_or_number(db):
    a = db.add(jiuye.Kind.INCIDENT, {"kind": "data_leak", "date": D(2025, 1, 2), "description": "a"})
    b = db.add("incident", {"kind": "data_leak", "date": D(2025, 1, 3), "description": "b"})
    c = db.add(16, {"kind": "data_leak", "date": D(2025, 1, 4), "description": "c"})
    assert [r["description"] for r in db.records(jiuye.Kind.INCIDENT)] == ["a", "b", "c"]
    assert db.get(16, c)["description"] == "c" and db.get("incident", a)["id"] == a
    assert db.count("incident") == 3 and b == a + 1


def test_type_key_is_ignored_when_it_matches(db):
    e = db.add("enterprise", {"type": "enterprise", "name": "带类型的企业"})
    assert "type" not in db.get("enterprise", e)
    with pytest.raises(jiuye.InvalidError, match="the 'type' given is not 'enterprise'") as info:
        db.add("enterprise", {"type": "posting", "name": "另一家"})
    assert info.value.field == "type"
    assert db.count("enterprise") == 1


# ---------------------------------------------------------------------------
# Values of every Python type, and text parsed as the importers do

def test_text_values_are_parsed(db):
    e = enterprise(db, industrial="是", staff_count="１２", industry="箱包",
                   platform_registered_on="2025年3月5日")
    got = db.get("enterprise", e)
    assert got["industrial"] is True and got["staff_count"] == 12
    assert got["industry"] == "luggage" and got["platform_registered_on"] == D(2025, 3, 5)
    j = db.add("jobseeker", {"name": "某", "registered_on": "2025-9-1", "skills": "电工、焊工，叉车"})
    assert db.get("jobseeker", j)["skills"] == ["电工", "焊工", "叉车"]


def test_python_values(db):
    e = enterprise(db, staff_count=12.0, industrial=False)      # a whole float for an integer
    got = db.get("enterprise", e)
    assert got["staff_count"] == 12 and type(got["staff_count"]) is int
    assert got["industrial"] is False
    j = db.add("jobseeker", {"name": "某", "registered_on": D(2025, 9, 1), "skills": ("a", "b")})
    assert db.get("jobseeker", j)["skills"] == ["a", "b"]
    j2 = db.add("jobseeker", {"name": "某", "registered_on": D(2025, 9, 1), "skills": [],
                              "wishes": None})
    assert db.get("jobseeker", j2) == {"id": j2, "name": "某", "registered_on": D(2025, 9, 1)}
    assert db.add("jobseeker", {"name": b"\xe6\x9f\x90", "registered_on": D(2025, 9, 1)}) > 0


@pytest.mark.parametrize("field, value, error, message", [
    ("staff_count", 12.5, jiuye.InvalidError, "enterprise: field 'staff_count': not a whole number"),
    ("staff_count", -1, jiuye.InvalidError, "enterprise: field 'staff_count': -1 is outside 0..1000000"),
    ("staff_count", 1 << 70, jiuye.InvalidError, "out of the 64-bit integer range"),
    ("staff_count", "many", jiuye.InvalidError, "enterprise: field 'staff_count': not a whole number"),
    ("industrial", 2, jiuye.InvalidError, "enterprise: field 'industrial': a yes/no field takes 0 or 1"),
    ("industrial", "maybe", jiuye.InvalidError, "enterprise: field 'industrial': not a yes/no value"),
    ("industry", "mining", jiuye.InvalidError, "enterprise: field 'industry': not one of the allowed values"),
    ("platform_registered_on", "2025-02-30", jiuye.InvalidError,
     "enterprise: field 'platform_registered_on': the date does not exist"),
    ("platform_registered_on", "soon", jiuye.InvalidError,
     "enterprise: field 'platform_registered_on': not a date"),
    ("platform_registered_on", 20250101, jiuye.InvalidError,
     "enterprise: field 'platform_registered_on': not a numeric field"),
    ("name", "bad \udc80 text", jiuye.Utf8Error, "lone surrogate"),
    ("name", b"bad \xff bytes", jiuye.Utf8Error, "enterprise: field 'name': invalid UTF-8"),
    ("name", "a\0b", jiuye.InvalidError, "NUL character"),
    ("name", ["a"], jiuye.InvalidError, "enterprise: field 'name': a list is given"),
    ("nmae", "x", jiuye.NotFoundError, "enterprise has no field 'nmae'"),
])
def test_bad_values(db, field, value, error, message):
    with pytest.raises(error, match=message) as info:
        db.add("enterprise", {"name": "某企业", field: value})
    assert info.value.field == field
    assert db.count("enterprise") == 0


@pytest.mark.parametrize("value, message", [
    (datetime.datetime(2025, 1, 1, 12, 0), "not a datetime.datetime"),
    ({"a": 1}, "not dict"),
    (object(), "not object"),
])
def test_python_types_no_field_takes(db, value, message):
    with pytest.raises(TypeError, match=message):
        db.add("enterprise", {"name": "某企业", "platform_registered_on": value})


def test_values_must_be_a_mapping(db):
    with pytest.raises(TypeError, match="must be a dict"):
        db.add("enterprise", [("name", "x")])
    with pytest.raises(TypeError, match="field names must be str"):
        db.add("enterprise", {1: "x"})
    with pytest.raises(TypeError, match="list items must be str"):
        db.add("jobseeker", {"name": "某", "registered_on": D(2025, 1, 1), "skills": [1]})


# ---------------------------------------------------------------------------
# Normalization

@pytest.mark.parametrize("township", ["金川", "金川镇", "新干县金川镇", "360824100", " 金川镇 "])
def test_township_names_become_codes(db, township):
    e = db.add("enterprise", {"name": "某企业", "township": township})
    assert db.get("enterprise", e)["township"] == JINCHUAN


def test_township_object_and_village(db):
    county = db.county
    t = county.township("溧江")
    number = ric(D(1995, 5, 5), 7)
    l = db.add("labor", {"id_number": number.lower(), "name": "某", "township": t.code,
                         "village": county.village("唐家", township=t).short_name,
                         "phone": "+86 139-0000-0001", "surveyed_on": D(2025, 1, 1)})
    got = db.get("labor", l)
    assert got["id_number"] == number.upper()
    assert got["village"] == county.village("唐家", township="溧江").code
    assert got["township"] == LIJIANG and got["phone"] == "13900000001"
    assert got["birth_date"] == D(1995, 5, 5) and got["gender"] in ("male", "female")


def test_village_tells_the_township(db):
    county = db.county
    v = county.village("善政", township="金川")
    number = ric(D(1996, 6, 6), 8)
    record, _ = db.check("labor", {"id_number": number, "name": "某", "village": v.code,
                                   "surveyed_on": D(2025, 1, 1)})
    assert record["township"] == JINCHUAN and record["village"] == v.code


def test_id_number_canonical_forms(db):
    number = ric(D(1990, 2, 3), 99)
    full_width = number.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    record, _ = db.check("labor", labor(1, id_number=" " + full_width + " "))
    assert record["id_number"] == number


def test_check_normalizes_without_storing(db):
    number = ric(D(1970, 1, 1), 1)
    record, warnings = db.check("labor", {"id_number": number, "name": "某", "township": "金川",
                                          "surveyed_on": "2025-08-01", "gender": "female"})
    assert record["township"] == JINCHUAN and record["surveyed_on"] == D(2025, 8, 1)
    derived = "male" if int(number[16]) % 2 else "female"
    assert record["gender"] == derived      # derived, not given
    assert record["birth_date"] == D(1970, 1, 1)
    # 55 on the survey date: no labor_age warning; a given gender that
    # disagrees with the ID number is replaced, with a warning.
    assert warnings == (frozenset() if derived == "female" else frozenset({"derived_mismatch"}))
    assert db.count("labor") == 0


def test_labor_age_warning(db):
    young = db.save("labor", labor(1, id_number=ric(D(2005, 1, 1), 5)))
    old = db.save("labor", labor(2, id_number=ric(D(1950, 1, 1), 6)))
    assert young.warnings == frozenset()
    assert "labor_age" in old.warnings


def test_jobseeker_age_derived(db):
    j = db.add("jobseeker", {"name": "某", "id_number": ric(D(2001, 6, 1), 1),
                             "registered_on": D(2025, 9, 1)})
    assert db.get("jobseeker", j)["age"] == 24


# ---------------------------------------------------------------------------
# Rules, and errors with the library's message

def test_rule_errors_name_kind_field_and_rule(db):
    cases = [
        ("labor", labor(1, id_number="11010519491231002"), "labor: field 'id_number': ", "id_number"),
        ("labor", labor(1, id_number="110105194912310021"), "labor: field 'id_number': check character does not match (character 18)", "id_number"),
        ("labor", labor(1, township="不存在镇"),
         "labor: field 'township': no such township in the county", "township"),
        ("labor", labor(1, phone="12800138000"), "labor: field 'phone': ", "phone"),
        ("labor", {"name": "某", "township": "金川", "surveyed_on": D(2025, 1, 1)},
         "labor: field 'id_number': required", "id_number"),
        ("enterprise", {"name": "某", "credit_code": "91110000600037341N"},
         "enterprise: field 'credit_code': ", "credit_code"),
        ("event", {"kind": "live_show", "date": D(2025, 1, 1), "starts_at": "25:00"},
         "event: field 'starts_at': not a time of day", "starts_at"),
        ("contract", {"name": "c", "signed_on": D(2025, 7, 1), "ends_on": D(2025, 6, 1)},
         "contract: field 'ends_on': the contract ends before it is signed", "ends_on"),
    ]
    for kind, values, message, field in cases:
        with pytest.raises(jiuye.InvalidError) as info:
            db.add(kind, values)
        assert str(info.value).startswith(message), str(info.value)
        assert isinstance(info.value, ValueError)
        assert info.value.field == field
        assert info.value.code == capi.JY_EINVAL
    assert all(db.count(k) == 0 for k in ("labor", "enterprise", "event", "contract"))


def test_posting_rules(db):
    e = enterprise(db)
    base = {"enterprise_id": e, "title": "普工", "kind": "gig", "published_on": D(2025, 3, 1)}
    for extra, message in [
        ({"headcount": -2}, "posting: field 'headcount': -2 is outside 1..100000"),
        ({"salary_min": 5000, "salary_max": 4000}, "posting: field 'salary_max': salary_min is above"),
        ({"age_min": 40, "age_max": 30}, "posting: field 'age_max': age_min is above age_max"),
        ({"closed_on": D(2025, 2, 1)}, "posting: field 'closed_on': the posting closes before"),
        ({"kind": "weekend"}, "posting: field 'kind': not one of the allowed values"),
    ]:
        with pytest.raises(jiuye.InvalidError, match=message):
            db.add("posting", {**base, **extra})
    assert db.add("posting", {**base, "kind": "零工"}) > 0        # a Chinese label
    assert db.count("posting", subkind="gig") == 1


def test_references_to_missing_records(db):
    with pytest.raises(jiuye.NotFoundError, match="posting: field 'enterprise_id': no enterprise has id 999") \
            as info:
        db.add("posting", {"enterprise_id": 999, "title": "普工", "kind": "gig",
                           "published_on": D(2025, 3, 1)})
    assert info.value.field == "enterprise_id"
    assert isinstance(info.value, KeyError) and str(info.value).startswith("posting:")


def test_duplicates(db):
    enterprise(db, 1)
    with pytest.raises(jiuye.ExistsError, match="enterprise"):
        db.add("enterprise", {"name": "新干县测试企业1有限公司"})            # same name
    with pytest.raises(jiuye.ExistsError):
        db.add("enterprise", {"name": "另一个名字", "credit_code": uscc(1)})  # same credit code
    db.add("labor", labor(1))
    with pytest.raises(jiuye.ExistsError):
        db.add("labor", labor(1, name="另一人"))
    assert db.count("enterprise") == 1 and db.count("labor") == 1


def test_history_kind_is_read_only(db):
    with pytest.raises(jiuye.InvalidError, match="labor_change records are written by the library only"):
        db.add("labor_change", {"labor_id": 1, "changed_on": D(2025, 1, 1), "field": "name"})


# ---------------------------------------------------------------------------
# Save: natural keys and the labor history

def test_save_labor_keeps_history(db):
    first = db.save("labor", labor(1, phone=phone(5), employment_status="unemployed"))
    assert (first.updated, first.changes) == (False, 0)
    again = db.save("labor", labor(1, phone=phone(6), employment_status="employed_county",
                                   surveyed_on=D(2025, 11, 1)))
    assert again == jiuye.SaveResult(id=first.id, updated=True, changes=2, warnings=frozenset())
    same = db.save("labor", labor(1, surveyed_on=D(2025, 12, 1)))      # fields left out kept
    assert (same.updated, same.changes) == (True, 0)
    got = db.get("labor", first.id)
    assert got["phone"] == phone(6) and got["surveyed_on"] == D(2025, 12, 1)
    history = list(db.records("labor_change"))
    assert [(h["labor_id"], h["changed_on"], h["field"], h.get("old_value"), h.get("new_value"))
            for h in history] == [
        (first.id, D(2025, 11, 1), "phone", phone(5), phone(6)),
        (first.id, D(2025, 11, 1), "employment_status", "unemployed", "employed_county"),
    ]
    assert db.count("labor_change") == 2
    assert db.count("labor_change", start=D(2025, 11, 1), end=D(2025, 11, 1)) == 2
    assert db.count("labor") == 1


def test_save_enterprise_by_credit_code(db):
    first = db.save("enterprise", {"name": "甲公司", "credit_code": uscc(7), "staff_count": 10})
    second = db.save("enterprise", {"name": "甲公司", "credit_code": uscc(7).lower(), "staff_count": 12})
    assert second.updated and second.id == first.id and second.changes == 1
    assert db.get("enterprise", first.id)["staff_count"] == 12
    third = db.save("enterprise", {"name": "乙公司"})             # no key: added
    assert not third.updated and third.id != first.id


# ---------------------------------------------------------------------------
# Update, replace, delete

def test_update_changes_only_what_is_given(db):
    l = db.add("labor", labor(1, phone=phone(1), skills=["电工"]))
    db.update("labor", l, {"phone": None, "skills": ["电工", "焊工"], "surveyed_on": D(2025, 9, 9)})
    got = db.get("labor", l)
    assert "phone" not in got and got["skills"] == ["电工", "焊工"] and got["name"] == "测试"
    fields = sorted(h["field"] for h in db.records("labor_change"))
    assert fields == ["phone", "skills"]
    assert not db.in_transaction


def test_update_errors_leave_the_record(db):
    l = db.add("labor", labor(1))
    before = db.get("labor", l)
    with pytest.raises(jiuye.InvalidError, match="township") as info:
        db.update("labor", l, {"township": "不存在镇"})
    assert info.value.field == "township"
    with pytest.raises(jiuye.NotFoundError, match="no labor has id 999"):
        db.update("labor", 999, {"name": "x"})
    with pytest.raises(jiuye.InvalidError, match="id"):
        db.update("labor", l, {"id": l + 1})
    assert db.get("labor", l) == before
    assert not db.in_transaction
    db.update("labor", l, {"id": l, "name": "新名"})           # the same id is fine
    assert db.get("labor", l)["name"] == "新名"


def test_update_inside_a_transaction(db):
    l = db.add("labor", labor(1))
    with db.transaction():
        db.update("labor", l, {"name": "事务中"})
        assert db.in_transaction
    assert db.get("labor", l)["name"] == "事务中"
    with pytest.raises(RuntimeError):
        with db.transaction():
            db.update("labor", l, {"name": "回滚"})
            raise RuntimeError("undo")
    assert db.get("labor", l)["name"] == "事务中"


def test_replace_unsets_what_is_left_out(db):
    e = enterprise(db, staff_count=5, address="某路1号")
    db.replace("enterprise", e, {"name": "新名字有限公司"})
    assert db.get("enterprise", e) == {"id": e, "name": "新名字有限公司"}
    with pytest.raises(jiuye.NotFoundError):
        db.replace("enterprise", 999, {"name": "x"})


def test_delete(db):
    e = enterprise(db)
    p = db.add("posting", {"enterprise_id": e, "title": "普工", "kind": "gig",
                           "published_on": D(2025, 3, 1)})
    with pytest.raises(jiuye.ConstraintError, match="referred to by other records"):
        db.delete("enterprise", e)
    db.delete("posting", p)
    db.delete(jiuye.Kind.ENTERPRISE, e)
    with pytest.raises(jiuye.NotFoundError, match="no enterprise has id"):
        db.delete("enterprise", e)
    with pytest.raises(jiuye.NotFoundError):
        db.get("enterprise", e)
    assert db.count("enterprise") == 0


# ---------------------------------------------------------------------------
# Listing and counting with filters

@pytest.fixture
def postings(db):
    a = enterprise(db, 1)
    b = enterprise(db, 2)
    rows = [
        (a, "gig", JINCHUAN, D(2025, 1, 10)),
        (a, "full_time", JINCHUAN, D(2025, 2, 10)),
        (a, "gig", LIJIANG, D(2025, 3, 10)),
        (b, "full_time", LIJIANG, D(2025, 4, 10)),
        (b, "gig", PARK, D(2025, 5, 10)),
    ]
    ids = [db.add("posting", {"enterprise_id": e, "title": f"岗位{i}", "kind": k, "township": t,
                              "published_on": d}) for i, (e, k, t, d) in enumerate(rows)]
    return db, a, b, ids


@pytest.mark.parametrize("filters, expected", [
    ({}, [0, 1, 2, 3, 4]),
    ({"start": D(2025, 2, 10)}, [1, 2, 3, 4]),
    ({"end": D(2025, 2, 10)}, [0, 1]),
    ({"start": "2025-02-01", "end": "2025年4月30日"}, [1, 2, 3]),
    ({"township": "金川"}, [0, 1]),
    ({"township": LIJIANG}, [2, 3]),
    ({"subkind": "gig"}, [0, 2, 4]),
    ({"subkind": "零工", "township": "溧江镇"}, [2]),
    ({"start": D(2026, 1, 1)}, []),
])
def test_filters(postings, filters, expected):
    db, _, _, ids = postings
    got = [r["id"] for r in db.records("posting", **filters)]
    assert got == [ids[i] for i in expected]
    assert db.count("posting", **filters) == len(expected)


def test_filter_by_enterprise_and_township_object(postings):
    db, a, b, ids = postings
    assert [r["id"] for r in db.records("posting", enterprise_id=b)] == ids[3:]
    assert db.count("posting", enterprise_id=a) == 3
    assert db.count("enterprise", enterprise_id=a) == 1
    assert db.count("posting", township=db.county.township("工业园区")) == 1


def test_filter_errors(postings):
    db = postings[0]
    for kind, filters, message in [
        ("event_enterprise", {"start": D(2025, 1, 1)}, "event_enterprise records have no date"),
        ("contract", {"township": "金川"}, "contract records have no township"),
        ("posting", {"township": "不存在镇"}, "unknown township"),
        ("posting", {"subkind": "weekend"}, "'weekend' is not a posting kind"),
        ("incident", {"enterprise_id": 1}, "incident records have no enterprise"),
    ]:
        with pytest.raises(jiuye.InvalidError, match=message):
            db.count(kind, **filters)
        with pytest.raises(jiuye.InvalidError, match=message):
            db.records(kind, **filters)
    with pytest.raises(jiuye.InvalidError, match="does not exist"):
        db.count("posting", start="2025-02-30")
    with pytest.raises(TypeError):
        db.count("posting", start=datetime.datetime(2025, 1, 1))
    with pytest.raises(TypeError):
        db.count("posting", enterprise_id="1")
    with pytest.raises(TypeError):
        db.count("posting", township=db.county.village("善政", township="金川"))
    with pytest.raises(TypeError):
        db.count("posting", colour="red")


def test_events_by_subkind(db):
    for kind, day in [("live_show", 1), ("live_show", 2), ("job_fair", 3), ("training", 4)]:
        db.add("event", {"kind": kind, "date": D(2025, 9, day)})
    assert db.count("event", subkind="live_show") == 2
    assert db.count("event", subkind="直播带岗") == 2
    assert [r["date"].day for r in db.records("event", subkind="job_fair")] == [3]


# ---------------------------------------------------------------------------
# The low-level module: records as handles, the typemaps of record.h

def test_low_level_records():
    r = capi.jy_record_from_json('{"type": "posting", "enterprise_id": 3, "title": "x", '
                                 '"skills": ["a", "b"], "published_on": "2025-01-02", '
                                 '"headcount": 4}', 0)
    assert capi.jy_record_kind(r) == jiuye.Kind.POSTING and capi.jy_record_id(r) == 0
    assert capi.jy_record_get_int(r, "headcount") == 4
    assert capi.jy_record_get_real(r, "headcount") == 4.0
    assert capi.jy_record_get_date(r, "published_on") == D(2025, 1, 2)
    assert capi.jy_record_item_count(r, "skills") == 2
    assert capi.jy_record_get_item(r, "skills", 1) == "b"
    assert capi.jy_record_get_text(r, "skills") == "a、b"
    assert capi.jy_record_has(r, "title") is True
    copy = capi.jy_record_copy(r)
    capi.jy_record_set_text(copy, "title", None)              # None clears
    assert capi.jy_record_has(copy, "title") is False and capi.jy_record_has(r, "title")
    assert capi.jy_record_to_json(copy, capi.JY_JSON_NO_TYPE) == \
        '{"enterprise_id":3,"skills":["a","b"],"headcount":4,"published_on":"2025-01-02"}'
    assert capi.jypy_record_values(r) == {
        "enterprise_id": 3, "title": "x", "skills": ["a", "b"], "headcount": 4,
        "published_on": D(2025, 1, 2)}
    with pytest.raises(jiuye.NotFoundError, match="field 'title' is not set"):
        capi.jy_record_get_text(copy, "title")
    with pytest.raises(jiuye.NotFoundError) as info:
        capi.jy_record_from_json('{"type": "posting", "titel": 1}', 0)
    assert info.value.field == "titel"
    assert capi.jy_kind_from_name("labor") == 7
    assert capi.jy_kind_field(7, "nope") is None and capi.jy_kind_name(99) is None
    assert capi.jy_kind_field(7, "id_number")["label"] == "身份证号"


def test_low_level_database():
    db = capi.jy_db_open(":memory:", {"busy_timeout_ms": 10})
    county = capi.jy_db_county(db)
    del db                                    # the county holds its database
    assert capi.jy_county_name(county) == "新干县"
    db = county._jy_owner
    assert capi.jy_ledger_count(db, {"kind": 2, "township": "金川"}) == 0
    assert capi.jy_ledger_count(db, 2) == 0
    with pytest.raises(TypeError, match="no option"):
        capi.jy_ledger_count(db, {"kind": 2, "colour": "red"})
    with pytest.raises(TypeError, match="no option"):
        capi.jy_db_open(":memory:", {"flag": 1})
    record = capi.jy_record_new(2)
    capi.jypy_record_update(record, {"name": "某企业"})
    assert capi.jy_ledger_save(db, record) == {"id": 1, "updated": False, "changes": 0,
                                               "warnings": 0}
    it = capi.jy_ledger_iter_new(db, {"kind": 2})
    assert capi.jypy_record_values(capi.jy_ledger_iter_next(it))["name"] == "某企业"
    with pytest.raises(StopIteration):
        capi.jy_ledger_iter_next(it)
    del it                                    # iterators go before their database
