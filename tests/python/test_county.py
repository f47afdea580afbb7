"""The county profile: lookups, values, loading errors, and the lifecycle."""
import copy
import json
import pathlib

import pytest

import jiuye
from jiuye import capi

DATA = pathlib.Path(__file__).resolve().parents[2] / "data" / "xingan-divisions.json"


@pytest.fixture(scope="module")
def profile():
    with open(DATA, encoding="utf-8") as f:
        return json.load(f)


# ---------------------------------------------------------------------------
# The default profile

def test_default(county):
    assert county.code == "360824"
    assert county.name == "新干县"
    assert len(county.townships) == 17
    assert sum(len(t.villages) for t in county.townships) == 165
    assert "360824" in repr(county)


@pytest.mark.parametrize("query", [
    "金川", "金川镇", "新干县金川镇", "360824100", "360824100000", " 金川镇 ", "金川镇".encode(),
])
def test_find_township(county, query):
    t = county.township(query)
    assert (t.code, t.name, t.short_name, t.kind) == ("360824100", "金川镇", "金川", "town")


def test_rare_character_substitute(county):
    # 麦㙦镇 (U+3666, CJK Extension A) is often typed 麦斜镇.
    t = county.township("麦斜镇")
    assert t.code == "360824104"
    assert t.name == "麦㙦镇"
    assert county.township("麦㙦镇") == t


@pytest.mark.parametrize("query, kind", [
    ("洋峰街道", "street"), ("三湖镇", "town"), ("桃溪乡", "township"),
    ("新干工业园区", "special"), ("黎山林场", "special"),
])
def test_township_kinds(county, query, kind):
    assert county.township(query).kind == kind


def test_township_not_found(county):
    with pytest.raises(jiuye.NotFoundError) as info:
        county.township("不存在镇")
    assert isinstance(info.value, KeyError)
    assert info.value.code == capi.JY_ENOTFOUND


@pytest.mark.parametrize("query", ["😀镇", "𠀀", "金川😀"])
def test_non_bmp_query(county, query):
    with pytest.raises(jiuye.NotFoundError):
        county.township(query)


@pytest.mark.parametrize("query", ["\ud800", "金川\udc00", "\udfff镇"])
def test_lone_surrogate_query(county, query):
    with pytest.raises(jiuye.Utf8Error):
        county.township(query)
    with pytest.raises(jiuye.Utf8Error):
        county.village(query)
    with pytest.raises(jiuye.Utf8Error):
        county.village("湄湘", township=query)


def test_empty_query(county):
    with pytest.raises(jiuye.InvalidError):
        county.township("")
    with pytest.raises(jiuye.InvalidError):
        county.village("   ")


@pytest.mark.parametrize("bad", [None, 360824100, ["金川"]])
def test_query_type(county, bad):
    with pytest.raises(TypeError):
        county.township(bad)
    with pytest.raises(TypeError):
        county.village(bad)


def test_find_village(county):
    v = county.village("湄湘")
    assert (v.code, v.name, v.short_name) == ("360824100007", "湄湘居委会", "湄湘")
    assert v.township == county.township("金川")
    assert v.township.name == "金川镇"
    assert county.village("360824100007") == v
    assert v in v.township.villages


def test_village_ambiguous(county):
    with pytest.raises(jiuye.AmbiguousError) as info:
        county.village("庙前")
    assert isinstance(info.value, LookupError)
    assert info.value.code == capi.JY_EAMBIGUOUS
    assert "金川镇" in str(info.value) and "潭丘乡" in str(info.value)


def test_village_in_township(county):
    jinchuan = county.township("金川")
    assert county.village("庙前", township="金川").code == "360824100205"
    assert county.village("庙前", township=jinchuan).code == "360824100205"
    assert county.village("庙前村委会", township="潭丘乡").code == "360824203208"
    assert county.village("庙前", township=b"360824203").township.name == "潭丘乡"


def test_village_not_found(county):
    with pytest.raises(jiuye.NotFoundError):
        county.village("湖田", township="金川")
    with pytest.raises(jiuye.NotFoundError):
        county.village("湄湘", township="没有这个乡")
    with pytest.raises(jiuye.NotFoundError):
        county.village("不存在村")


def test_townships_are_values(county):
    townships = county.townships
    assert [t.code for t in townships] == sorted(t.code for t in townships)
    jinchuan = townships[1]
    assert jinchuan.name == "金川镇"
    assert len(jinchuan.villages) == 19
    assert all(v.township is jinchuan for v in jinchuan.villages)
    assert jinchuan == county.township("金川") and hash(jinchuan) == hash(county.township("金川"))
    assert jinchuan != townships[2]
    assert len({*townships, *county.townships}) == 17
    with pytest.raises(AttributeError):
        jinchuan.name = "x"
    with pytest.raises(AttributeError):
        jinchuan.villages[0].code = "x"
    assert repr(jinchuan) == "Township('360824100', '金川镇')"
    assert repr(jinchuan.villages[6]) == "Village('360824100007', '湄湘居委会')"
    # A new list each time: changing it changes nothing.
    townships.clear()
    assert len(county.townships) == 17


# ---------------------------------------------------------------------------
# Loading

def test_load_file(tmp_path, profile):
    for path in (DATA, str(DATA), bytes(DATA)):
        with jiuye.County.load(path) as c:
            assert c.township("金川").code == "360824100"
    other = copy.deepcopy(profile)
    other["county"] = {"code": "360800", "name": "某县"}
    for t in other["townships"]:
        t["code"] = "360800" + t["code"][6:]
        for v in t["villages"]:
            v["code"] = "360800" + v["code"][6:]
    path = tmp_path / "某县.json"
    path.write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    with jiuye.County.load(path) as c:
        assert (c.code, c.name) == ("360800", "某县")
        assert c.township("金川").code == "360800100"


def test_from_json(profile):
    text = json.dumps(profile, ensure_ascii=False)
    for data in (text, text.encode(), bytearray(text.encode()), memoryview(text.encode())):
        with jiuye.County.from_json(data) as c:
            assert c.code == "360824"
            assert len(c.townships) == 17


def test_missing_file(tmp_path):
    path = tmp_path / "none.json"
    with pytest.raises(jiuye.FileError) as info:
        jiuye.County.load(path)
    e = info.value
    assert isinstance(e, OSError)
    assert e.source == str(path)
    assert str(path) in str(e)


def test_directory_is_not_a_profile(tmp_path):
    with pytest.raises(jiuye.FileError):
        jiuye.County.load(tmp_path)


@pytest.mark.parametrize("text, line, column", [
    ('{"county": ', 1, None),
    ("", 1, 1),
    ('{\n  "county": {\n    "code": 360824,,\n', 3, None),
    ("[1,\n2,\n  x]", 3, 3),
])
def test_parse_error(text, line, column):
    with pytest.raises(jiuye.ParseError) as info:
        jiuye.County.from_json(text)
    e = info.value
    assert isinstance(e, ValueError)
    assert e.code == capi.JY_EPARSE
    assert e.source == "<memory>"
    assert e.line == line
    if column is not None:
        assert e.column == column
    else:
        assert e.column >= 1
    assert e.detail and e.detail in str(e)


def test_parse_error_in_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "county": [\n', encoding="utf-8")
    with pytest.raises(jiuye.ParseError) as info:
        jiuye.County.load(path)
    assert info.value.source == str(path)
    assert info.value.line >= 2


def test_format_error_has_field(profile):
    broken = copy.deepcopy(profile)
    del broken["townships"][3]["code"]
    with pytest.raises(jiuye.InvalidError) as info:
        jiuye.County.from_json(json.dumps(broken, ensure_ascii=False))
    e = info.value
    assert e.field == "townships[3].code"
    assert "townships[3].code" in str(e)
    assert e.code == capi.JY_EINVAL


def test_bad_utf8_profile():
    with pytest.raises((jiuye.Utf8Error, jiuye.ParseError)):
        jiuye.County.from_json(b'{"county": {"code": "360824", "name": "\xff"}, "townships": []}')
    with pytest.raises(jiuye.Utf8Error):
        jiuye.County.from_json('{"county": "\ud800"}')


def test_from_json_type():
    with pytest.raises(TypeError):
        jiuye.County.from_json(None)
    with pytest.raises(TypeError):
        jiuye.County.from_json({"county": {}})


# ---------------------------------------------------------------------------
# Lifecycle

def test_no_public_constructor():
    with pytest.raises(TypeError):
        jiuye.County()
    with pytest.raises(AttributeError):
        capi.jy_county()


def test_close_is_idempotent():
    c = jiuye.County.default()
    assert not c.closed
    c.close()
    assert c.closed
    c.close()
    c.close()
    assert "closed" in repr(c)


@pytest.mark.parametrize("use", [
    lambda c: c.township("金川"),
    lambda c: c.village("湄湘"),
    lambda c: c.code,
    lambda c: c.name,
    lambda c: c.townships,
    lambda c: c.__enter__(),
])
def test_use_after_close_raises(use):
    c = jiuye.County.default()
    c.close()
    with pytest.raises(jiuye.Error) as info:
        use(c)
    assert isinstance(info.value, jiuye.InvalidError)
    assert "closed" in str(info.value)


def test_context_manager():
    with jiuye.County.default() as c:
        t = c.township("金川")
        v = c.village("湄湘")
        townships = c.townships
    assert c.closed
    # Townships and villages are values: still usable after the county closed.
    assert t.name == "金川镇" and len(t.villages) == 19
    assert v.township.name == "金川镇"
    assert len(townships) == 17
    with pytest.raises(jiuye.InvalidError):
        c.township("金川")


def test_context_manager_closes_on_error():
    with pytest.raises(jiuye.NotFoundError):
        with jiuye.County.default() as c:
            c.township("不存在镇")
    assert c.closed


def test_low_level_handle():
    handle = capi.jy_county_load_default()
    assert isinstance(handle, capi.jy_county)
    assert capi.jy_county_township_count(handle) == 17
    first = capi.jy_county_township_at(handle, 0)
    assert first["code"] == "360824001" and first["kind"] == capi.JY_TOWNSHIP_STREET
    assert capi.jy_county_township_at(handle, 17) is None
    village = capi.jy_county_find_village(handle, None, "湄湘")
    del handle                  # the dicts are copies: nothing borrowed remains
    assert village["township"]["name"] == "金川镇"
    assert len(village["township"]["villages"]) == 19


def test_low_level_null_handle():
    assert capi.jy_county_code(None) is None
    assert capi.jy_county_township_count(None) == 0
    assert capi.jy_county_township_at(None, 0) is None
    with pytest.raises(jiuye.InvalidError):
        capi.jy_county_find_township(None, "金川")
    with pytest.raises(TypeError):
        capi.jy_county_find_township("not a county", "金川")
