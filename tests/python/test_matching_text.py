"""Matching text: folding, tokens, facts from text, the occupation vocabulary."""
import pathlib
import threading

import pytest

import jiuye
from jiuye import capi

DATA = pathlib.Path(__file__).resolve().parent.parent.parent / "data"


@pytest.mark.parametrize("text, expected", [
    ("ＣＮＣ操作工", "cnc操作工"),
    ("招聘員工：電銲工、駕駛員", "招聘员工 电焊工 驾驶员"),
    ("  薪資面議!!", "薪资面议"),
    ("时薪3.5元", "时薪3.5元"),
    ("", ""),
])
def test_fold(text, expected):
    assert jiuye.fold(text) == expected
    assert jiuye.fold(text.encode()) == expected


def test_fold_rejects_bad_utf8():
    with pytest.raises(jiuye.Utf8Error):
        jiuye.fold(b"\xe4\xb8")


def test_tokenize_kinds_and_character_offsets():
    text = "招聘Ｃ１駕照司机, 5S"
    tokens = jiuye.tokenize(text)
    assert [(t.text, t.kind) for t in tokens] == [
        ("招", "cjk_uni"), ("招聘", "cjk_bi"), ("聘", "cjk_uni"),
        ("c1", "mixed"),
        ("驾", "cjk_uni"), ("驾照", "cjk_bi"), ("照", "cjk_uni"), ("照司", "cjk_bi"),
        ("司", "cjk_uni"), ("司机", "cjk_bi"), ("机", "cjk_uni"),
        ("5s", "mixed"),
    ]
    for t in tokens:   # offsets index the str, folded text from the slice
        assert jiuye.fold(text[t.start:t.end]) == t.text
    c1 = tokens[3]
    assert (c1.start, c1.end, c1.position) == (2, 4, 2)
    words = jiuye.tokenize("CNC、PLC和A2，4000元", kinds=["word"])
    assert [(t.text, t.kind) for t in words] == [
        ("cnc", "word"), ("plc", "word"), ("a2", "mixed"), ("4000", "number")]
    assert [t.text for t in jiuye.tokenize("普工焊工", kinds=["cjk_bi"])] == ["普工", "工焊", "焊工"]
    assert jiuye.tokenize("普工", kinds=[]) == []
    with pytest.raises(ValueError):
        jiuye.tokenize("普工", kinds=["nope"])
    with pytest.raises(jiuye.Utf8Error):
        jiuye.tokenize(b"ok\xff")


def test_tokenize_traditional_equals_simplified():
    trad = [(t.text, t.kind) for t in jiuye.tokenize("貨車駕駛員")]
    simp = [(t.text, t.kind) for t in jiuye.tokenize("货车驾驶员")]
    assert trad == simp


def test_tokenize_big_text_and_nul():
    text = "招聘CNC操作工5名，月薪5000元。" * 20000
    tokens = jiuye.tokenize(text)
    assert len(tokens) == 16 * 20000
    assert tokens[-1].end <= len(text)
    assert [t.text for t in jiuye.tokenize("普工\x00焊工", kinds=["cjk_bi"])] == ["普工", "焊工"]


def test_extract_facts_salary_age_education_kind(county):
    f = jiuye.extract_facts("金川镇招普工，月薪4000-6000元，18-45岁，初中以上，长期工", county)
    assert f.salary == jiuye.Salary(4000, 6000, "month", 4000.0, 6000.0, 9, 19)
    assert (f.age_min, f.age_max, f.age_span) == (18, 45, (20, 26))
    assert f.education == "junior"
    assert f.kind == "full_time" and f.full_time and not f.gig
    assert [(t.name, s, e) for t, s, e in f.townships] == [("金川镇", 0, 3)]

    f = jiuye.extract_facts("日结200元，临时工")
    assert (f.salary.min, f.salary.period, f.salary.pay_min) == (5200, "day", 200.0)
    assert f.kind == "gig" and f.townships == []
    f = jiuye.extract_facts("3500以上")
    assert (f.salary.min, f.salary.max, f.salary.pay_max) == (3500, None, None)
    f = jiuye.extract_facts("年薪6万")
    assert (f.salary.min, f.salary.period) == (5000, "year")
    f = jiuye.extract_facts("5k-8k")
    assert (f.salary.min, f.salary.max) == (5000, 8000)
    f = jiuye.extract_facts("45岁以下，薪资面议")
    assert (f.age_min, f.age_max) == (None, 45)
    assert f.negotiable and f.salary is None
    f = jiuye.extract_facts("")
    assert f.salary is None and f.age_span is None and f.education is None and f.kind is None
    with pytest.raises(jiuye.Utf8Error):
        jiuye.extract_facts(b"\xff")


@pytest.mark.parametrize("text, code", [
    ("初中以上", "junior"), ("高中及以上", "senior"), ("大专", "college"),
    ("本科", "bachelor"), ("学历不限", "none"), ("不限", "none"), ("junior", "junior"),
    ("中专", "vocational"), ("研究生", "master"), ("随便", None),
])
def test_education_level(text, code):
    assert jiuye.education_level(text) == code


@pytest.fixture(scope="module")
def vocab():
    return jiuye.Vocabulary.default()


def test_vocabulary_default(vocab):
    assert len(vocab) >= 300
    assert len(vocab.occupations) >= 80
    assert len(vocab.families) >= 12
    assert "物流运输" in vocab.families and "箱包" in vocab.families
    assert "words" in repr(vocab)


@pytest.mark.parametrize("words", [
    ("司机", "驾驶员", "开车"),
    ("普工", "操作工", "作业员"),
    ("焊工", "电焊", "電銲工"),
    ("会计", "财务"),
    ("保安", "看大门", "门卫"),
    ("育婴师", "带小孩"),
    ("cnc操作工", "CNC", "ＣＮＣ"),
])
def test_vocabulary_synonyms(vocab, words):
    found = {vocab.lookup(w) for w in words}
    assert len(found) == 1 and None not in found, found


def test_vocabulary_scan(vocab):
    text = "招聘货车司机，A2驾照"
    matches = vocab.scan(text)
    assert [(m.surface, m.occupation) for m in matches] == [
        ("货车司机", "货车司机"), ("货车", "货车司机"), ("司机", "司机"),
        ("a2驾照", "货车司机"), ("a2", "货车司机")]
    longest = vocab.scan(text, longest=True)
    assert [(m.surface, text[m.start:m.end]) for m in longest] == [
        ("货车司机", "货车司机"), ("a2驾照", "A2驾照")]
    assert longest[0].family == "物流运输"
    assert vocab.lookup("宇航员") is None
    assert vocab.family_of("焊工") == "智能制造"
    with pytest.raises(jiuye.NotFoundError):
        vocab.family_of("宇航员")
    with pytest.raises(jiuye.Utf8Error):
        vocab.scan(b"\xff")


def test_vocabulary_load_add_extend():
    v = jiuye.Vocabulary.load(DATA / "occupations.tsv")
    assert len(v) == len(jiuye.Vocabulary.default())
    v = jiuye.Vocabulary.empty()
    assert len(v) == 0
    v.add("电焊", "焊工", "制造")
    v.add("氩弧焊", "焊工")
    assert v.lookup("氩弧焊") == "焊工" and len(v) == 3
    with pytest.raises(jiuye.ExistsError):
        v.add("电焊", "司机", "物流")
    with pytest.raises(jiuye.InvalidError):
        v.add("开车", "司机")          # a new occupation needs a family
    with pytest.raises(jiuye.ExistsError) as info:
        v.extend("开车\t司机\t物流\n电焊\t司机\t物流\n")
    assert info.value.line == 2 and info.value.field == "surface"
    assert v.lookup("开车") is None   # all or nothing
    v.extend("开车\t司机\t物流\n")
    assert v.lookup("开车") == "司机"
    v = jiuye.Vocabulary.from_text("surface\toccupation\tfamily\tcode\n司机\t司机\t物流\t\n")
    assert v.occupations == ["司机"]
    with pytest.raises(jiuye.ParseError) as info:
        jiuye.Vocabulary.from_text("司机\n")
    assert info.value.line == 1
    with pytest.raises(jiuye.FileError):
        jiuye.Vocabulary.load("/nonexistent/occupations.tsv")
    with pytest.raises(TypeError):
        jiuye.Vocabulary()


def test_vocabulary_scans_from_threads(vocab):
    errors = []

    def work():
        try:
            for _ in range(300):
                assert len(vocab.scan("急招电焊工、叉车司机、保安", longest=True)) == 3
        except BaseException as e:   # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
