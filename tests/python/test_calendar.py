"""The calendar: 2026 working days and holidays, coverage, loading years, periods."""
import datetime
import json
import pathlib
import threading

import pytest

import jiuye
from jiuye import capi

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA_2026 = ROOT / "data" / "cn-holidays-2026.json"
FICTIONAL_2027 = ROOT / "tests" / "data" / "calendar" / "fictional-2027.json"
BAD_DATE = ROOT / "tests" / "data" / "calendar" / "bad-date.json"

D = datetime.date


@pytest.fixture
def cal():
    with jiuye.Calendar.default() as c:
        yield c


def test_default_covers_2026(cal):
    assert cal.years == [2026]
    assert cal.covers(D(2026, 1, 1), D(2026, 12, 31))
    assert not cal.covers(D(2026, 3, 15), D(2027, 3, 14))
    assert repr(cal) == "<jiuye.Calendar 2026>"


def test_holidays_match_the_file(cal):
    with open(DATA_2026, encoding="utf-8") as f:
        data = json.load(f)
    holidays = cal.holidays
    assert [h.name for h in holidays] == [h["name"] for h in data["holidays"]]
    for h, raw in zip(holidays, data["holidays"]):
        assert h.year == 2026
        assert [d.isoformat() for d in h.off] == raw["off"]
        assert [d.isoformat() for d in h.makeup] == raw["makeup_workdays"]
        assert h.first == h.off[0] and h.last == h.off[-1]
        for d in h.off:
            assert not cal.is_workday(d)
            assert cal.holiday(d) == h.name
        for d in h.makeup:
            assert d.weekday() >= 5
            assert cal.is_workday(d)
            assert cal.holiday(d) is None


def test_named_days(cal):
    assert cal.is_workday(D(2026, 1, 4))          # a Sunday, worked for 元旦
    assert cal.is_workday(D(2026, 2, 14)) and cal.is_workday(D(2026, 2, 28))
    assert all(not cal.is_workday(D(2026, 10, d)) for d in range(1, 8))
    assert cal.is_workday(D(2026, 10, 8))         # 国庆 is 10-01 .. 10-07
    assert cal.holiday(D(2026, 5, 1)) == "劳动节"
    assert cal.holiday(D(2026, 3, 7)) is None
    assert not cal.is_workday(D(2026, 3, 7))      # an ordinary Saturday


def test_workdays_per_month(cal):
    # Counted by hand from the notice (see tests/test_calendar.c).
    expected = [21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23]
    for month, n in enumerate(expected, start=1):
        end = (D(2026, month + 1, 1) if month < 12 else D(2027, 1, 1)) - datetime.timedelta(days=1)
        assert cal.workdays(D(2026, month, 1), end) == n, month
        # And day by day through is_workday().
        days = [D(2026, month, 1) + datetime.timedelta(days=i) for i in range(end.day)]
        assert sum(cal.is_workday(d) for d in days) == n
    assert cal.workdays(D(2026, 1, 1), D(2026, 12, 31)) == 248


def test_out_of_range(cal):
    with pytest.raises(jiuye.RangeError) as info:
        cal.is_workday(D(2027, 1, 4))
    assert "no data for 2027" in str(info.value)
    assert info.value.code == capi.JY_ERANGE
    with pytest.raises(jiuye.RangeError):
        cal.workdays(D(2026, 3, 15), D(2027, 3, 14))
    with pytest.raises(jiuye.RangeError):
        cal.holiday(D(2025, 10, 1))
    with pytest.raises(jiuye.InvalidError):
        cal.workdays(D(2026, 3, 2), D(2026, 3, 1))
    with pytest.raises(TypeError):
        cal.is_workday("2026-03-02")


def test_add_years(cal):
    cal.add(FICTIONAL_2027)
    assert cal.years == [2026, 2027]
    assert cal.workdays(D(2026, 12, 1), D(2027, 1, 31)) == 23 + 20
    assert [h.name for h in cal.holidays][-2:] == ["元旦", "测试节"]
    with pytest.raises(jiuye.ExistsError):
        cal.add(FICTIONAL_2027)
    assert cal.years == [2026, 2027]


def test_load_several():
    c = jiuye.Calendar.load(FICTIONAL_2027, DATA_2026)
    assert c.years == [2026, 2027]
    assert c.covers(D(2026, 3, 15), D(2027, 3, 14))
    c.close()
    assert c.closed
    with pytest.raises(jiuye.InvalidError):
        c.years
    with pytest.raises(TypeError):
        jiuye.Calendar()


def test_load_errors():
    with pytest.raises(jiuye.InvalidError) as info:
        jiuye.Calendar.load(BAD_DATE)
    e = info.value
    assert e.field == "holidays[0].off[1]"
    assert "2027-02-30" in e.detail
    assert e.source.endswith("bad-date.json")
    with pytest.raises(jiuye.FileError):
        jiuye.Calendar.load(ROOT / "tests" / "data" / "calendar" / "missing.json")
    with pytest.raises(jiuye.ParseError):
        jiuye.Calendar.from_json("{")
    with pytest.raises(jiuye.InvalidError) as info:
        jiuye.Calendar.from_json(json.dumps({"year": 2027, "holidays": [
            {"name": "元旦", "off": ["2027-01-02"], "makeup_workdays": ["2027-01-02"]}]}))
    assert info.value.field == "holidays[0].makeup_workdays[0]"
    assert "both a day off and a make-up working day" in info.value.detail


def test_shared_by_threads(cal):
    errors = []

    def work():
        try:
            for _ in range(100):
                assert cal.workdays(D(2026, 1, 1), D(2026, 12, 31)) == 248
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


# ---------------------------------------------------------------------------
# Periods

def test_split_months():
    buckets = jiuye.split_period(D(2026, 3, 15), D(2026, 5, 10), "month")
    assert [(b.start, b.end, b.partial) for b in buckets] == [
        (D(2026, 3, 15), D(2026, 3, 31), True),
        (D(2026, 4, 1), D(2026, 4, 30), False),
        (D(2026, 5, 1), D(2026, 5, 10), True),
    ]
    assert buckets[0].full == (D(2026, 3, 1), D(2026, 3, 31))
    start, end, partial, full = buckets[1]
    assert (start, end) == (D(2026, 4, 1), D(2026, 4, 30))


def test_split_weeks_and_contract_years():
    weeks = jiuye.split_period(D(2026, 3, 1), D(2026, 3, 31), jiuye.PeriodUnit.WEEK)
    assert len(weeks) == 6
    assert weeks[-1].full == (D(2026, 3, 30), D(2026, 4, 5))
    years = jiuye.split_period(D(2026, 6, 1), D(2028, 1, 31), "year", contract_start=D(2026, 3, 15))
    assert [(b.start, b.end) for b in years] == [(D(2026, 6, 1), D(2027, 3, 14)),
                                                 (D(2027, 3, 15), D(2028, 1, 31))]
    with pytest.raises(jiuye.InvalidError):
        jiuye.split_period(D(2026, 6, 1), D(2028, 1, 31), "year")
    with pytest.raises(jiuye.InvalidError):
        jiuye.split_period(D(2026, 6, 1), D(2026, 6, 2), "fortnight")
    assert jiuye.contract_year(D(2026, 3, 15), D(2027, 3, 14)) == (D(2026, 3, 15), D(2027, 3, 14))
    assert jiuye.contract_year(D(2028, 2, 29), D(2029, 3, 1)) == (D(2029, 3, 1), D(2030, 2, 28))
    with pytest.raises(jiuye.RangeError):
        jiuye.contract_year(D(2026, 3, 15), D(2026, 3, 14))


@pytest.mark.parametrize("label, start, end, unit", [
    ("2026", D(2026, 1, 1), D(2026, 12, 31), "year"),
    ("2026-03", D(2026, 3, 1), D(2026, 3, 31), "month"),
    ("2026-Q1", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    ("2026-W10", D(2026, 3, 2), D(2026, 3, 8), "week"),
    ("2026-W53", D(2026, 12, 28), D(2027, 1, 3), "week"),
    ("2026-03-05", D(2026, 3, 5), D(2026, 3, 5), "day"),
])
def test_labels_round_trip(label, start, end, unit):
    assert jiuye.parse_period(label) == (start, end, jiuye.PeriodUnit[unit.upper()])
    assert str(jiuye.parse_period(label)[2]) == unit
    assert jiuye.format_period(start, end, unit) == label


@pytest.mark.parametrize("label, error", [
    ("2026-13", jiuye.InvalidError), ("2026-Q5", jiuye.InvalidError),
    ("2026-W54", jiuye.InvalidError), ("2027-W53", jiuye.InvalidError),
    ("2026-3", jiuye.ParseError), ("march", jiuye.ParseError),
])
def test_bad_labels(label, error):
    with pytest.raises(error):
        jiuye.parse_period(label)


def test_format_needs_a_whole_bucket():
    with pytest.raises(jiuye.InvalidError):
        jiuye.format_period(D(2026, 3, 2), D(2026, 3, 30), "month")
