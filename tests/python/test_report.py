"""Reports and the big screen from Python: exact figures on a small ledger,
rows as dicts (pandas-friendly), JSON, CSV for Excel, xlsx read back as a
zip, ledger files masked by default, the dashboard page."""
import datetime
import json
import zipfile

import pytest

import jiuye
from samples import ric

D = datetime.date


@pytest.fixture
def db():
    with jiuye.Database() as d:
        d.add("contract", {"name": "合同", "signed_on": "2026-03-01"})
        a = d.add("labor", {"id_number": ric(D(1990, 1, 1), 101), "name": "甲",
                             "township": "金川镇", "surveyed_on": "2026-04-10",
                             "employment_status": "employed_county", "skills": "电焊、叉车",
                             "needs_job": True})
        b = d.add("labor", {"id_number": ric(D(2000, 5, 5), 102), "name": "乙",
                             "township": "金川镇", "surveyed_on": "2026-02-01",
                             "employment_status": "unemployed",
                             "key_groups": ["hard_to_employ"]})
        d.add("labor", {"id_number": ric(D(1985, 7, 7), 103), "name": "丙",
                        "township": "三湖镇", "surveyed_on": "2026-05-01",
                        "employment_status": "employed_outside", "returnee": True,
                        "wish_local": True, "needs_job": True})
        d.add("labor", {"id_number": ric(D(1960, 1, 1), 104), "name": "丁",
                        "township": "三湖镇", "surveyed_on": "2026-04-01"})  # 66: not counted
        d.add("verification", {"labor_id": a, "checked_on": "2026-05-01", "accurate": True})
        d.add("verification", {"labor_id": b, "checked_on": "2026-06-01", "accurate": False})
        d.add("event", {"kind": "service_1311", "date": "2026-05-10", "labor_id": b,
                        "service_type": "policy_briefing"})
        e = d.add("enterprise", {"name": "甲箱包", "industry": "luggage", "industrial": True,
                                 "township": "金川镇"})
        d.add("posting", {"enterprise_id": e, "title": "车工", "kind": "full_time",
                          "headcount": 5, "published_on": "2026-04-02"})
        d.add("event", {"kind": "live_show", "date": "2026-04-08", "minutes": 120,
                        "jobs_shown": 40})
        yield d


def test_report_kinds():
    kinds = dict(jiuye.report_kinds())
    assert kinds["quarterly_labor"] == "全县劳动力资源信息季度专报表"
    assert set(kinds) == {"quarterly_labor", "returnee_monthly", "staff_survey",
                          "quarterly_enterprise_service", "quarterly_labor_service",
                          "monthly", "annual", "scorecard"}


def test_quarterly_labor_rows_are_dicts(db):
    r = db.report("quarterly_labor", "2026-04-01", D(2026, 6, 30))
    assert r.kind == "quarterly_labor" and r.title == "全县劳动力资源信息季度专报表"
    assert (r.start, r.end) == (D(2026, 4, 1), D(2026, 6, 30))
    emp = {row["township"]: row for row in r.rows("employment")}
    assert emp["金川镇"]["total"] == 2
    assert emp["金川镇"]["unemployed"] == 1
    assert emp["三湖镇"]["total"] == 1          # 丁 is 66 on 30 June
    assert r["employment"].totals["total"] == 3
    assert r["employment"].labels["employed_county"] == "县内就业"
    upd = {row["township"]: row for row in r.rows("updates")}
    assert upd["金川镇"]["checked"] == 2 and upd["金川镇"]["accuracy"] == 0.5
    assert upd["洋峰街道"]["accuracy"] is None
    assert all(isinstance(row, dict) for row in r.rows("top_skills"))
    doc = json.loads(r.to_json())
    assert doc["sections"][0]["name"] == "employment"
    with pytest.raises(jiuye.NotFoundError):
        r["no_such_section"]


def test_other_reports(db):
    svc = db.report("quarterly_labor_service", "2026-04-01", "2026-06-30")
    assert svc["key_groups"].totals["persons"] == 1
    assert svc["key_groups"].totals["served_in_period"] == 1
    ret = db.report("returnee_monthly", "2026-05-01", "2026-05-31")
    assert ret["employment"].totals["total"] == 1
    staff = db.report("staff_survey", "2026-04-01", "2026-06-30", staff_survey_target=10)
    cov = {row["item"]: row["value"] for row in staff.rows("coverage")}
    assert cov["工业企业总数"] == 1 and cov["摸排目标(家)"] == 10
    ent = db.report("quarterly_enterprise_service", "2026-04-01", "2026-06-30")
    demand = {row["item"]: row["value"] for row in ent.rows("demand")}
    assert demand["本期发布岗位"] == 1 and demand["本期岗位招聘人数"] == 5


def test_bad_report_arguments(db):
    with pytest.raises(jiuye.NotFoundError):
        db.report("no_such_report", "2026-01-01", "2026-03-31")
    with pytest.raises(jiuye.InvalidError):
        db.report("quarterly_labor", "2026-03-31", "2026-01-01")
    with pytest.raises(TypeError):
        jiuye.Report()


def test_csv_for_excel(db, tmp_path):
    r = db.report("quarterly_labor", "2026-04-01", "2026-06-30")
    path = tmp_path / "r.csv"
    db.write_csv(r, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert "乡镇,劳动力总数,县内就业" in raw.decode("utf-8-sig")
    assert r.to_csv().startswith("\ufeff全县劳动力资源信息季度专报表\r\n")
    # A ledger: masked by default.
    db.write_csv("labor", tmp_path / "labor.csv")
    text = (tmp_path / "labor.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("编号,身份证号,姓名")
    assert ric(D(1990, 1, 1), 101) not in text
    with pytest.raises(jiuye.InvalidError):
        db.write_csv(r, tmp_path / "x.csv", unmask=True)


@pytest.mark.skipif(not jiuye.xlsx_available(), reason="built without libxlsxwriter")
def test_xlsx_read_back(db, tmp_path):
    path = tmp_path / "reports.xlsx"
    db.write_xlsx(["quarterly_labor", "quarterly_labor_service"], path, "2026-04-01",
                  "2026-06-30")
    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode("utf-8")
        strings = z.read("xl/sharedStrings.xml").decode("utf-8")
    assert "全县劳动力资源信息季度专报表" in workbook and "劳动力资源服务季度报告" in workbook
    assert "乡镇" in strings and "信息准确率" in strings and "重点群体" in strings

    ledger = tmp_path / "labor.xlsx"
    db.write_xlsx("labor", ledger)
    with zipfile.ZipFile(ledger) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "身份证号" in sheet and "县内就业" in sheet
    full = ric(D(1990, 1, 1), 101)
    assert full not in sheet and full[:6] + "*" * 10 + full[-2:] in sheet
    db.write_xlsx("labor", ledger, unmask=True)
    with zipfile.ZipFile(ledger) as z:
        assert full in z.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_dashboard(db, tmp_path):
    path = tmp_path / "screen.html"
    data = db.dashboard(path, "2026-04-01", "2026-06-30", indicators=False)
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    assert "每月发布岗位" in html and "金川镇" in html and "考核指标进度" not in html
    months = {row["month"]: row for row in data.rows("postings_by_month")}
    assert months["2026-04"]["postings"] == 1 and months["2026-05"]["postings"] == 0
    assert data["live_shows_by_month"].totals["minutes"] == 120
    data = db.dashboard(path, "2026-04-01", "2026-06-30", indicators=[
        {"id": "5.1", "label": "直播带岗", "value": 1, "target": 50, "unit": "场",
         "status": "red", "warning": "按当前进度全年将未达标"}])
    html = path.read_text(encoding="utf-8")
    assert "考核指标进度" in html and "按当前进度全年将未达标" in html
    assert data.rows("indicators")[0]["progress"] == pytest.approx(0.02)
    with pytest.raises(jiuye.InvalidError):
        db.dashboard(path, "2026-04-01", "2026-06-30",
                     indicators=[{"id": "1", "label": "x", "value": 1, "status": "blue"}])


def test_dashboard_indicators_from_the_scorecard(db, tmp_path):
    path = tmp_path / "screen.html"
    data = db.dashboard(path, "2026-04-01", "2026-06-30")
    html = path.read_text(encoding="utf-8")
    assert "考核指标进度" in html and "每月发布岗位不少于300条" in html
    card = db.assess("2026-04-01", "2026-06-30")
    rows = data.rows("indicators")
    assert len(rows) == len(card.rows()) > 0
    assert [r["id"] for r in rows] == [r["id"] for r in card.rows()]
    with pytest.raises(jiuye.RangeError):
        db.dashboard(path, "2027-04-01", "2027-06-30")


@pytest.mark.parametrize("kind", ["monthly", "annual", "scorecard"])
def test_reports_of_the_assessment(db, kind):
    start, end = ("2026-05-01", "2026-05-31") if kind == "monthly" else ("2026-03-01", "2026-12-31")
    r = db.report(kind, start, end)
    assert r.kind == kind and r.title
    names = [s.name for s in r.sections]
    card = db.assess(start, end)
    if kind == "scorecard":
        assert names == ["scorecard"]
        rows = r.rows("scorecard")
        assert len(rows) == len(card.items) + 2
        assert str(rows[0]["item"]) == "1" and rows[-2]["name"] == "合计"
    else:
        assert names == ["indicators", "trend"]
        rows = r.rows("indicators")
        assert [x["id"] for x in rows] == [x["id"] for x in card.rows()]
        assert {x["status"] for x in rows} <= {"达标", "未达标", "进度正常", "进度预警",
                                               "本期不考核"}
        assert r["indicators"].totals["deduction"] == pytest.approx(card.deduction)
        months = [c for c in r.rows("trend")[0] if c.startswith("2026-")]
        assert months[0] == "2026-03"
        assert months[-1] == ("2026-05" if kind == "monthly" else "2026-12")
    assert r.to_csv().startswith("\ufeff") and "\r\n" in r.to_csv()
