"""Import and export from Python: JSON Lines and CSV, files and text, masking,
modes, rejects (callable, list or returned), progress, callbacks that raise."""
import json

import pytest

import jiuye

import samples
from samples import D, JINCHUAN, LIJIANG, ric, uscc, phone

WRITABLE = [k for k in jiuye.Kind if k != jiuye.Kind.LABOR_CHANGE]


@pytest.fixture
def db():
    with jiuye.Database() as d:
        yield d


@pytest.fixture(scope="module")
def filled():
    with jiuye.Database() as d:
        yield d, samples.fill(d)


def labor_line(n, **extra):
    values = {"type": "labor", "id_number": ric(D(1990, 1, 1), n), "name": "测试",
              "township": "金川", "surveyed_on": "2025-08-01"}
    values.update(extra)
    return json.dumps(values, ensure_ascii=False)


def everything(db):
    return {str(k): list(db.records(k)) for k in jiuye.Kind}


# ---------------------------------------------------------------------------
# Round trips

def test_jsonl_round_trip_of_every_kind(filled):
    source, stored = filled
    text = source.export_text(unmask=True)
    lines = [json.loads(line) for line in text.splitlines()]
    assert {line["type"] for line in lines} == {str(k) for k in WRITABLE}
    with jiuye.Database() as copy:
        result = copy.import_text(text)
        assert result == jiuye.ImportResult(accepted=len(WRITABLE), updated=0, rejected=0,
                                            warnings=0)
        assert everything(copy) == everything(source)
        for kind, (record_id, expected) in stored.items():
            assert copy.get(kind, record_id) == expected


def test_file_round_trip(filled, tmp_path):
    source, stored = filled
    path = tmp_path / "all.jsonl"
    assert source.export_file(path, unmask=True) == len(WRITABLE)
    with jiuye.Database(tmp_path / "copy.db") as copy:
        result = copy.import_file(path)
        assert result.accepted == len(WRITABLE) and result.rejects == ()
        assert everything(copy) == everything(source)


@pytest.mark.parametrize("labels", [True, False])
@pytest.mark.parametrize("kind", ["enterprise", "labor"])
def test_csv_round_trip(filled, tmp_path, kind, labels):
    source, stored = filled
    path = tmp_path / f"{kind}.csv"
    assert source.export_file(path, kind, unmask=True, csv_labels=labels) == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                  # a BOM for spreadsheets
    header = raw[3:].decode("utf-8").splitlines()[0]
    assert ("身份证号" in header or "企业名称" in header) == labels
    with jiuye.Database() as copy:
        result = copy.import_file(path, kind)
        assert result.accepted == 1
        got = copy.get(kind, 1)
        assert got == stored[kind][1]


def test_csv_postings_need_their_enterprises(filled, tmp_path):
    source, stored = filled
    with jiuye.Database() as copy:
        copy.import_text(source.export_text("enterprise", unmask=True))
        text = source.export_text("posting", format="csv", unmask=True)
        assert not text.startswith("\ufeff")                 # no BOM in text by default
        assert copy.import_text(text, "posting", format="csv").accepted == 1
        assert copy.get("posting", 1) == stored["posting"][1]


def test_references_by_name_credit_code_or_id_number(db):
    # County spreadsheets name the enterprise (企业名称, 统一社会信用代码) or
    # the person (身份证号) where the ledger wants a record id.
    code = uscc(7)
    enterprise = {"type": "enterprise", "name": "新干县XX箱包有限公司", "credit_code": code}
    db.import_text(json.dumps(enterprise, ensure_ascii=False) + "\n" + labor_line(3) + "\n")
    postings = ("企业编号,岗位名称,岗位类型,发布日期\n"
                "新干县XX箱包有限公司,箱包车工,全职,2026-04-01\n"
                f"{code.lower()},焊工,零工,2026-04-02\n"
                "1,叉车工,零工,2026-04-03\n")
    assert db.import_text(postings, "posting", format="csv").accepted == 3
    assert [p["enterprise_id"] for p in db.records("posting")] == [1, 1, 1]

    number = ric(D(1990, 1, 1), 3)
    check = {"type": "verification", "labor_id": number, "checked_on": "2026-07-20",
             "accurate": True}
    assert db.import_text(json.dumps(check) + "\n").accepted == 1
    assert db.get("verification", 1)["labor_id"] == 1

    unknown = dict(check, labor_id=ric(D(1985, 5, 5), 11))
    result = db.import_text("企业编号,岗位名称,岗位类型,发布日期\n"
                            "别的公司,普工,全职,2026-04-03\n", "posting", format="csv",
                            mode="keep_good")
    (bad,) = result.rejects
    assert (bad.line, bad.field, bad.error) == (2, "enterprise_id", jiuye.NotFoundError)
    assert "no enterprise with this name" in bad.reason and "别的" not in bad.reason
    with pytest.raises(jiuye.InvalidError) as info:
        db.import_text(json.dumps(unknown) + "\n")
    (bad,) = info.value.rejects
    assert bad.field == "labor_id" and "no labor record with this ID number" in bad.reason
    assert not any(c.isdigit() for c in bad.reason)
    assert db.count("verification") == 1


# ---------------------------------------------------------------------------
# Masking

def test_exports_mask_personal_data_unless_asked(filled):
    source, stored = filled
    number = stored["labor"][1]["id_number"]
    masked = source.export_text("labor")
    assert number not in masked and number[:6] in masked and number[-2:] in masked
    assert "王五" not in masked and phone(2) not in masked
    clear = source.export_text("labor", unmask=True)
    assert number in clear and "王五" in clear and phone(2) in clear
    csv_masked = source.export_text("labor", format="csv")
    assert number not in csv_masked
    # In Python, reading is in clear: whoever holds the database holds the data.
    assert source.get("labor", stored["labor"][0])["id_number"] == number


# ---------------------------------------------------------------------------
# Modes and rejects

BAD_LINES = [
    labor_line(1),
    labor_line(2, id_number="110105194912310021"),        # checksum
    labor_line(3),
    '{"type": "labor", "name": ',                           # JSON syntax
    labor_line(4, township="不存在镇"),
    labor_line(5, colour="red"),                            # unknown field
    labor_line(6),
]


def test_keep_good_returns_rejects(db):
    result = db.import_text("\n".join(BAD_LINES) + "\n", mode="keep_good")
    assert (result.accepted, result.updated, result.rejected) == (3, 0, 4)
    assert [r.line for r in result.rejects] == [2, 4, 5, 6]
    assert [r.field for r in result.rejects][2:] == ["township", "colour"]
    first = result.rejects[0]
    assert isinstance(first, jiuye.Reject)
    assert first.field == "id_number" and first.reason and first.source == "<memory>"
    assert first.error is jiuye.InvalidError and first.code == jiuye.InvalidError.code
    assert "110105194912310021" not in first.reason         # no personal data
    assert result.rejects[1].error is jiuye.ParseError and result.rejects[1].column
    assert result.rejects[2].field == "township"
    assert db.count("labor") == 3


def test_rejects_to_a_list_or_a_callable(db):
    text = "\n".join(BAD_LINES) + "\n"
    sink = []
    result = db.import_text(text, mode="keep-good", on_reject=sink)
    assert result.rejects == () and [r.line for r in sink] == [2, 4, 5, 6]
    seen = []
    result = db.import_text(text, mode="keep_good", on_reject=lambda r: seen.append(r.line))
    assert seen == [2, 4, 5, 6] and result.rejects == ()
    assert result.updated == 3                               # the same people again


def test_all_or_nothing(db):
    with pytest.raises(jiuye.InvalidError, match="rejected") as info:
        db.import_text("\n".join(BAD_LINES) + "\n")
    e = info.value
    assert [r.line for r in e.rejects] == [2, 4, 5, 6]
    assert e.result.rejected == 4 and e.result.accepted == 0
    assert e.result.rejects == e.rejects
    assert (e.line, e.field, e.detail) == (2, "id_number", e.rejects[0].reason)
    assert db.count("labor") == 0
    sink = []
    with pytest.raises(jiuye.InvalidError) as info:
        db.import_text("\n".join(BAD_LINES) + "\n", on_reject=sink)
    assert info.value.rejects is None and len(sink) == 4
    good = "\n".join(labor_line(n) for n in range(10)) + "\n"
    assert db.import_text(good).accepted == 10


def test_import_updates_people_already_stored(db):
    db.import_text(labor_line(1, phone=phone(1)) + "\n")
    result = db.import_text(labor_line(1, phone=phone(2), surveyed_on="2025-12-01") + "\n")
    assert (result.accepted, result.updated) == (1, 1)
    assert db.count("labor") == 1 and db.count("labor_change") == 1
    # The history is exported, and skipped (with a warning) on import.
    result = db.import_text(db.export_text(unmask=True))
    assert result.warnings >= 1 and result.rejected == 0


def test_bad_csv_header_rejects_the_file(db):
    sink = []
    with pytest.raises(jiuye.InvalidError, match="乡镇") as info:
        db.import_text("身份证号,姓名,调查日期\n1,2,2025-01-01\n", "labor", format="csv",
                       mode="keep_good", on_reject=sink)
    assert len(sink) == 1 and sink[0].line == 1
    e = info.value
    assert (e.line, e.field, e.source) == (1, "township", "<memory>")
    assert e.detail == sink[0].reason
    with pytest.raises(jiuye.InvalidError, match="colour"):
        db.import_text("身份证号,姓名,乡镇,调查日期,colour\n", "labor", format="csv")


def test_csv_needs_a_kind(db):
    with pytest.raises(jiuye.InvalidError):
        db.import_text("name\nx\n", format="csv")
    with pytest.raises(jiuye.InvalidError):
        db.export_text(format="csv")


def test_gb18030_and_bom(db, tmp_path):
    rows = [f"{ric(D(1991, 2, n), n)},欧阳{n},金川镇,缝纫、裁剪,2026-05-10" for n in range(1, 6)]
    text = "身份证号,姓名,乡镇,技能特长,调查日期\n" + "\n".join(rows) + "\n"
    gbk = tmp_path / "labor-gbk.csv"
    gbk.write_bytes(text.encode("gb18030"))
    assert db.import_file(gbk, "labor").accepted == 5
    bom = tmp_path / "labor-bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert db.import_file(bom, jiuye.Kind.LABOR, encoding="utf-8").updated == 5
    assert db.import_text(text.encode("gb18030"), "labor", format="csv",
                          encoding="gb18030").updated == 5
    got = db.get("labor", 1)
    assert got["name"] == "欧阳1" and got["skills"] == ["缝纫", "裁剪"]
    assert got["township"] == JINCHUAN


def test_kind_for_jsonl_lines_without_type(db):
    line = json.dumps({"name": "无类型企业"}, ensure_ascii=False)
    assert db.import_text(line + "\n", "enterprise").accepted == 1
    with pytest.raises(jiuye.InvalidError):
        db.import_text(line + "\n")


# ---------------------------------------------------------------------------
# Progress and callbacks that raise

def test_progress(db, tmp_path):
    path = tmp_path / "labor.jsonl"
    path.write_text("".join(labor_line(n) + "\n" for n in range(25)), encoding="utf-8")
    calls = []
    result = db.import_file(path, on_progress=lambda *a: calls.append(a))
    assert result.accepted == 25
    size = path.stat().st_size
    assert calls and calls[-1] == (25, size, size)


def test_a_raising_callback_stops_the_import(db):
    text = "".join(labor_line(n) + "\n" for n in range(5)) + "{bad\n" + labor_line(9) + "\n"

    def stop(reject):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        db.import_text(text, on_reject=stop)
    assert db.count("labor") == 0                          # all or nothing
    with pytest.raises(RuntimeError, match="stop here"):
        db.import_text(text, mode="keep_good", on_reject=stop)
    assert db.count("labor") == 5                          # what came before stays

    def interrupt(*progress):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        db.import_text(labor_line(20) + "\n", on_progress=interrupt)
    assert db.count("labor") == 5
    assert not db.in_transaction
    db.add("labor", json.loads(labor_line(21)))            # still usable


# ---------------------------------------------------------------------------
# Filters, options, files, transactions

def test_export_filters(db):
    for n, township in enumerate(["金川", "溧江", "金川"], 1):
        db.add("enterprise", {"name": f"企业{n}", "credit_code": uscc(n), "township": township})
    lines = db.export_text("enterprise", township="金川").splitlines()
    assert [json.loads(line)["name"] for line in lines] == ["企业1", "企业3"]
    csv = db.export_text("enterprise", format="csv", csv_labels=False, township=LIJIANG)
    assert csv.splitlines()[0].startswith("id,name") and len(csv.splitlines()) == 2
    with pytest.raises(TypeError, match="filters need a kind"):
        db.export_text(township="金川")


def test_option_errors(db, tmp_path):
    with pytest.raises(ValueError, match="mode must be one of"):
        db.import_text("", mode="some")
    with pytest.raises(ValueError, match="format must be one of"):
        db.import_text("", format="xml")
    with pytest.raises(ValueError, match="encoding must be one of"):
        db.import_text("", encoding="latin-1")
    with pytest.raises(TypeError, match="on_reject"):
        db.import_text("", on_reject=42)
    with pytest.raises(TypeError, match="on_progress"):
        db.import_text("", on_progress=42)
    with pytest.raises(jiuye.NotFoundError):
        db.import_text("", "nothing")
    assert db.import_text("") == jiuye.ImportResult(0, 0, 0, 0)


def test_files_that_cannot_be_read_or_written(db, tmp_path):
    with pytest.raises(jiuye.FileError) as info:
        db.import_file(tmp_path / "missing.jsonl")
    assert isinstance(info.value, OSError)
    with pytest.raises(jiuye.FileError):
        db.export_file(tmp_path / "no" / "such" / "dir.jsonl")


def test_import_refused_inside_a_transaction(db):
    with db.transaction():
        with pytest.raises(jiuye.InvalidError, match="transaction"):
            db.import_text(labor_line(1) + "\n")
