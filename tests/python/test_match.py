"""The matcher and the daily push from Python."""
import datetime
import threading

import pytest

import jiuye

DAY = datetime.date(2026, 6, 1)


def postings():
    m = jiuye.Matcher()
    m.add({"id": 1, "title": "叉车司机", "skills": ["叉车证"], "township": "三湖镇",
           "salary_min": 4000, "salary_max": 6000, "kind": "full_time", "published_on": DAY})
    m.add({"id": "2", "title": "驾驶员", "description": "C1驾照，公司用车", "township": "金川镇",
           "salary_min": 5000, "salary_max": 7000, "unknown": [1, 2]})
    m.add({"id": 3, "title": "普工", "description": "流水线操作工，长白班", "age_max": 45})
    return m


def test_query_with_explanations():
    m = postings()
    assert len(m) == 3
    res = m.query("想找开车的工作", township="金川", salary_min=5000, date=DAY)
    assert [r.id for r in res][:2] == ["2", "1"]
    best = res[0]
    kinds = {r.kind for r in best.reasons}
    assert {"occupation", "township", "salary"} <= kinds
    assert "开车→司机" in best.explain()
    assert best.score > res[1].score


def test_filters_update_remove():
    m = postings()
    # Posting 3 stops at 45: a 50-year-old gets the fallback, what passes the filters.
    fallback = m.query({"text": "普工", "age": 50}, date=DAY)
    assert sorted(r.id for r in fallback) == ["1", "2"]
    assert all(r.reasons[0].kind == "fallback" and r.reasons[0].text == "filtered:1" for r in fallback)
    assert m.query({"text": "普工", "age": 50}, date=DAY, fallback=False) == []
    assert [r.id for r in m.query({"text": "普工", "age": 30}, date=DAY)] == ["3"]
    m.update({"id": 3, "title": "电焊工"})
    assert [r.id for r in m.query("电焊", date=DAY)] == ["3"]
    m.remove(3)
    assert len(m) == 2
    with pytest.raises(jiuye.NotFoundError):
        m.remove(3)
    assert m.memory > 0


def test_bad_input():
    m = jiuye.Matcher()
    with pytest.raises(jiuye.ParseError) as e:
        m.add({"id": 1, "title": "x", "salary_min": "lots"})
    assert e.value.field == "salary_min"
    with pytest.raises(jiuye.ParseError):
        m.add({"title": "no id"})
    with pytest.raises(jiuye.InvalidError):
        m.add({"id": 1, "title": "x", "kind": "sometimes"})
    with pytest.raises(TypeError):
        m.add("not a dict")
    m.add({"id": 9, "title": "保洁" * 300000, "skills": ["保洁"] * 10000})
    assert [r.id for r in m.query("保洁")] == ["9"]
    with pytest.raises(jiuye.InvalidError):
        jiuye.Matcher(side="both")


def test_reverse_direction():
    m = jiuye.Matcher(side="jobseekers")
    m.add({"id": "s1", "text": "想找电焊工作，有焊工证", "age": 35})
    m.add({"id": "s2", "text": "宝妈，想做保洁", "age": 40})
    res = m.query({"title": "电焊工", "description": "钢结构焊接", "age_max": 50})
    assert [r.id for r in res] == ["s1"]


def test_threads_query_at_once():
    m = postings()
    errors = []

    def work():
        try:
            for _ in range(200):
                assert m.query("叉车", date=DAY)[0].id == "1"
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
    ts = [threading.Thread(target=work) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert not errors


def test_database_push(tmp_path):
    with jiuye.Database() as db:
        ent = db.add("enterprise", {"name": "新干县测试箱包有限公司", "township": "金川镇"})
        for title in ("叉车司机", "箱包车工", "保洁员"):
            db.add("posting", {"enterprise_id": ent, "title": title, "kind": "full_time",
                               "published_on": datetime.date(2026, 5, 1), "township": "金川镇"})
        db.add("jobseeker", {"name": "张三", "registered_on": datetime.date(2026, 5, 2),
                             "wishes": "会开叉车", "resume_on_platform": True, "in_county": True})
        db.add("jobseeker", {"name": "李四", "registered_on": datetime.date(2026, 5, 2),
                             "wishes": "想做保洁", "resume_on_platform": False})
        stats = db.push(DAY)
        assert stats["jobseekers"] == 1 and stats["pushed"] == 1
        assert stats["county_resumes"] == 1 and stats["county_covered"] == 1
        assert stats["postings_open"] == 3 and stats["postings_rejected"] == 0
        rows = list(db.records("push"))
        assert len(rows) == 1 and rows[0]["posting_count"] >= 1
        assert db.push(DAY)["pushed"] == 1      # same day again: same rows
        assert db.count("push") == 1
        again = db.push(DAY + datetime.timedelta(days=1))
        assert again["pushed"] == 0             # nothing new for the next day
        assert db.count("push") == 1


def test_load_is_all_or_nothing(tmp_path):
    m = postings()
    f = tmp_path / "more.jsonl"
    f.write_text('{"id": 1, "title": "厨师"}\n{"id": 9, "title": "保安"}\n'
                 '{"id": 10, "education": "doctorate"}\n', encoding="utf-8")
    with pytest.raises(jiuye.Error) as e:
        m.load(f)
    assert "more.jsonl:3" in str(e.value)
    assert len(m) == 3
    assert [r.id for r in m.query("叉车司机", date=DAY)][:1] == ["1"], "posting 1 was replaced"
    assert m.query("保安", date=DAY) == []
    f.write_text('{"id": 1, "title": "厨师"}\n{"id": 9, "title": "保安"}\n', encoding="utf-8")
    assert m.load(f) == 2 and len(m) == 4
