"""Text: UTF-8 checks and normalization; str, bytes and other buffers; dates."""
import datetime

import pytest

import jiuye
from jiuye import capi


@pytest.mark.parametrize("text, expected", [
    ("ＣＮＣ", "cnc"),
    ("cnc", "cnc"),
    ("①号", "1号"),
    ("数控车工", "数控车工"),
    ("ＡＢＣ１２３", "abc123"),
    ("", ""),
    ("😀 Ｘ", "😀 x"),          # non-BMP characters pass through
    ("麦㙦镇", "麦㙦镇"),         # CJK Extension A
])
def test_normalize(text, expected):
    assert jiuye.normalize(text) == expected


def test_normalize_bytes_and_buffers():
    assert jiuye.normalize("ＣＮＣ".encode()) == "cnc"
    assert jiuye.normalize(bytearray("ＣＮＣ".encode())) == "cnc"
    assert jiuye.normalize(memoryview("ＣＮＣ".encode())) == "cnc"


def test_normalize_keeps_nul():
    # (pointer, length) text may hold NUL characters.
    assert jiuye.normalize("a\x00Ｂ") == "a\x00b"


def test_normalize_rejects_bad_utf8():
    with pytest.raises(jiuye.Utf8Error) as info:
        jiuye.normalize(b"ab\xc3")
    assert isinstance(info.value, ValueError)
    assert info.value.code == capi.JY_EUTF8


@pytest.mark.parametrize("text", ["\ud800", "ab\udfff", "\udc80x", "😀\ud83d"])
def test_lone_surrogates_raise_cleanly(text):
    with pytest.raises(jiuye.Utf8Error) as info:
        jiuye.normalize(text)
    e = info.value
    assert isinstance(e, jiuye.InvalidError) and isinstance(e, UnicodeError)
    assert e.code == capi.JY_EUTF8
    assert e.reason == "utf8"
    bad = next(i for i, ch in enumerate(text) if 0xD800 <= ord(ch) <= 0xDFFF)
    assert e.position == bad + 1
    assert e.offset == len(text[:bad].encode())
    assert isinstance(e.__cause__, UnicodeEncodeError)


@pytest.mark.parametrize("data, offset", [
    (b"ab\xffc", 2),
    (b"\x80", 0),
    (b"abc\xe6\x96", 3),                 # truncated sequence
    (b"\xc0\xaf", 0),                    # overlong
    (b"x\xed\xa0\x80", 1),               # encoded surrogate
    (b"\xf4\x90\x80\x80", 0),            # above U+10FFFF
])
def test_utf8_check_offset(data, offset):
    with pytest.raises(jiuye.Utf8Error) as info:
        jiuye.utf8_check(data)
    assert info.value.offset == offset
    assert str(offset) in str(info.value)


def test_utf8_check_accepts():
    assert jiuye.utf8_check(b"") is None
    assert jiuye.utf8_check("新干县 😀".encode()) is None
    assert jiuye.utf8_check(b"nul\x00inside") is None
    assert jiuye.utf8_check("新干县") is None
    assert jiuye.utf8_check(bytearray(b"abc")) is None


def test_utf8_check_str_with_surrogate():
    with pytest.raises(jiuye.Utf8Error) as info:
        jiuye.utf8_check("新干\ud800")
    assert info.value.offset == 6


def test_utf8_length():
    assert jiuye.utf8_length("新干县😀") == 4
    assert jiuye.utf8_length(b"") == 0
    with pytest.raises(jiuye.Utf8Error):
        jiuye.utf8_length(b"\xff")


@pytest.mark.parametrize("bad", [None, 42, 1.5, ["a"], object()])
def test_text_arguments_are_type_checked(bad):
    with pytest.raises(TypeError):
        jiuye.normalize(bad)
    with pytest.raises(TypeError):
        jiuye.parse_id(bad)


@pytest.mark.parametrize("text, expected", [
    ("2026-03-05", datetime.date(2026, 3, 5)),
    ("2026-3-5", datetime.date(2026, 3, 5)),
    ("2026/3/5", datetime.date(2026, 3, 5)),
    ("2026.3.5", datetime.date(2026, 3, 5)),
    ("20260305", datetime.date(2026, 3, 5)),
    ("2026年3月5日", datetime.date(2026, 3, 5)),
    ("２０２６年３月５日", datetime.date(2026, 3, 5)),
    (b" 2024-02-29 ", datetime.date(2024, 2, 29)),
])
def test_parse_date(text, expected):
    assert jiuye.parse_date(text) == expected


def test_parse_date_errors():
    with pytest.raises(jiuye.ParseError):
        jiuye.parse_date("next Tuesday")
    with pytest.raises(jiuye.InvalidError):
        jiuye.parse_date("2026-02-30")
    with pytest.raises(jiuye.Utf8Error):
        jiuye.parse_date("2026\ud800")


def test_age():
    born = datetime.date(2000, 2, 29)
    assert jiuye.age(born, datetime.date(2001, 2, 28)) == 0
    assert jiuye.age(born, datetime.date(2001, 3, 1)) == 1
    assert jiuye.age(born, datetime.date(2024, 2, 29)) == 24
    assert jiuye.age(datetime.date(1949, 12, 31), datetime.datetime(2000, 1, 1, 12, 0)) == 50
    assert jiuye.age(datetime.date(1990, 1, 1)) >= 30       # today
    with pytest.raises(jiuye.RangeError):
        jiuye.age(born, datetime.date(1999, 12, 31))
    with pytest.raises(TypeError):
        jiuye.age("2000-02-29", datetime.date(2001, 1, 1))


def test_low_level_dates():
    assert capi.jy_date_to_days(datetime.date(1970, 1, 2)) == 1
    assert capi.jy_date_from_days(-1) == datetime.date(1969, 12, 31)
    assert capi.jy_date_today() == datetime.date.today()
    with pytest.raises(jiuye.RangeError):
        capi.jy_date_from_days(10 ** 9)
