"""Validators: every path, valid and invalid, with reason and position; the
messages never repeat the number."""
import datetime
import re

import pytest

import jiuye
from jiuye import capi


def assert_no_personal_data(message, value):
    """No run of 6 or more characters of the value appears in the message."""
    value = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
    compact = value.strip()
    for i in range(len(compact) - 5):
        assert compact[i:i + 6] not in message, (message, value)


# ---------------------------------------------------------------------------
# Resident identity numbers

def test_id_vectors_valid(vectors):
    for number in vectors["ric_valid"]:
        parsed = jiuye.parse_id(number)
        assert parsed.number == number.upper()
        assert jiuye.is_valid_id(number)


def test_id_decoded():
    p = jiuye.parse_id("11010519491231002X")
    assert p == jiuye.IdNumber(number="11010519491231002X", region="110105",
                               birth=datetime.date(1949, 12, 31), gender="female",
                               warnings=frozenset())
    assert p.age(datetime.date(2000, 1, 1)) == 50
    assert p.age(datetime.date(1999, 12, 30)) == 49
    assert p.age() >= 75
    assert jiuye.parse_id("360426199101010071").gender == "male"


def test_id_is_frozen_and_hashable():
    p = jiuye.parse_id("11010519491231002X")
    with pytest.raises(Exception):
        p.number = "x"
    assert hash(p) == hash(jiuye.parse_id(" 11010519491231002x "))


def test_id_repr_masks_the_number():
    text = repr(jiuye.parse_id("11010519491231002X"))
    assert "11010519491231002X" not in text and "19491231" not in text


@pytest.mark.parametrize("text, reason, position", [
    ("T60426199101010078", "character", 1),
    ("3604261991010100A8", "character", 17),
    ("360426199113010079", "birth_date", 7),
    ("36042619910102009X", "checksum", 18),
    ("990426199112010074", "region", 1),
    ("12345", "length", None),
    ("1101051949123100202", "length", None),
    ("", "empty", None),
    ("   ", "empty", None),
    (b"\xff\xfe110105194912310", "utf8", 1),
    ("11010519491231002X\x00", "character", 19),
    ("1101051949123100😀", "length", None),
    ("1101051949123100😀X", "character", 17),
])
def test_id_invalid(text, reason, position):
    with pytest.raises(jiuye.InvalidError) as info:
        jiuye.parse_id(text)
    e = info.value
    assert isinstance(e, ValueError)
    assert e.code == capi.JY_EINVAL
    assert e.reason == reason
    assert e.position == position
    assert str(e)
    assert_no_personal_data(str(e), text)
    assert not jiuye.is_valid_id(text)


def test_id_birth_range():
    # A well-formed number born in the future (check character computed).
    body = "11010520990101002"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
    with pytest.raises(jiuye.InvalidError) as info:
        jiuye.parse_id(body + check)
    assert info.value.reason == "birth_range"


def test_id_vectors_invalid(vectors):
    for case in vectors["ric_invalid"]:
        number = case["number"]
        if "registered" in case["reason"] or "deregistered" in case["reason"]:
            # The region was not in force in the birth year: valid, with a warning.
            assert "region_not_in_force" in jiuye.parse_id(number).warnings
            continue
        with pytest.raises(jiuye.InvalidError) as info:
            jiuye.parse_id(number)
        assert info.value.reason is not None
        assert_no_personal_data(str(info.value), number)


def test_id_tolerated_forms():
    canonical = "11010519491231002X"
    for text in (" 11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ",
                 canonical.encode(), "11010519491231002X  "):
        assert jiuye.parse_id(text).number == canonical


def test_id_legacy_15():
    p = jiuye.parse_id("110105491231002")
    assert p.number == "11010519491231002X"
    assert "legacy_15" in p.warnings


def test_id_region_not_in_force():
    p = jiuye.parse_id("110201199312010077")
    assert p.warnings == frozenset({"region_not_in_force"})


def test_id_lone_surrogate():
    with pytest.raises(jiuye.Utf8Error) as info:
        jiuye.parse_id("1101051949123100\ud8002X")
    assert info.value.reason == "utf8"
    assert info.value.position == 17
    assert not jiuye.is_valid_id("\udfff")


# ---------------------------------------------------------------------------
# Unified social credit codes

def test_credit_code_vectors(vectors):
    for code in vectors["uscc_valid"]:
        assert jiuye.parse_credit_code(code).code == code
        assert jiuye.is_valid_credit_code(code)
    for case in vectors["uscc_invalid"]:
        with pytest.raises(jiuye.InvalidError) as info:
            jiuye.parse_credit_code(case["number"])
        assert info.value.reason is not None
        assert_no_personal_data(str(info.value), case["number"])
        assert not jiuye.is_valid_credit_code(case["number"])


def test_credit_code_decoded():
    c = jiuye.parse_credit_code(" 91350100m000100y43 ")
    assert c == jiuye.CreditCode(code="91350100M000100Y43", authority="9", category="1",
                                 region="350100")


@pytest.mark.parametrize("text, reason, position", [
    ("91110000600037341N", "checksum", 18),
    ("12345", "length", None),
    ("9111000060003IOZSV", "character", 14),
    ("", "empty", None),
    (b"\x91\x11", "utf8", 1),
])
def test_credit_code_invalid(text, reason, position):
    with pytest.raises(jiuye.InvalidError) as info:
        jiuye.parse_credit_code(text)
    assert (info.value.reason, info.value.position) == (reason, position)


@pytest.mark.parametrize("text, position", [
    ("B1350100M000100Y43", 1),     # no registration authority B
    ("9A350100M000100Y43", 2),     # the entity category is a digit
])
def test_credit_code_authority(text, position):
    with pytest.raises(jiuye.InvalidError) as info:
        jiuye.parse_credit_code(text)
    assert (info.value.reason, info.value.position) == ("authority", position)


def test_reason_texts():
    assert capi.jy_reason_str(capi.JY_REASON_CHECKSUM) == "check character does not match"
    with pytest.raises(jiuye.InvalidError) as info:
        jiuye.parse_id("36042619910102009X")
    assert capi.jy_reason_str(capi.JY_REASON_CHECKSUM) in str(info.value)


# ---------------------------------------------------------------------------
# Mobile phone numbers

@pytest.mark.parametrize("text", [
    "13800138000", "+86 138-0013-8000", "0086 13800138000", "86 138 0013 8000",
    "（138）0013 8000", "１３８００１３８０００", b"13800138000", " 138.0013.8000 ",
])
def test_phone_valid(text):
    assert jiuye.parse_phone(text) == "13800138000"
    assert jiuye.is_valid_phone(text)


@pytest.mark.parametrize("text, reason, position", [
    ("12800138000", "network", 2),
    ("+1 13800138000", "prefix", 1),
    ("1380013800", "length", None),
    ("138001380001", "length", None),
    ("1380013800a", "character", 11),
    ("", "empty", None),
    ("1380013800😀", "character", 11),
])
def test_phone_invalid(text, reason, position):
    with pytest.raises(jiuye.InvalidError) as info:
        jiuye.parse_phone(text)
    e = info.value
    assert (e.reason, e.position) == (reason, position)
    assert_no_personal_data(str(e), text)
    assert not jiuye.is_valid_phone(text)


def test_phone_surrogate():
    assert not jiuye.is_valid_phone("1380013800\ud800")
    with pytest.raises(jiuye.Utf8Error):
        jiuye.parse_phone("1380013800\ud800")


# ---------------------------------------------------------------------------
# Region names

def test_region_name():
    assert jiuye.region_name("360824") == "新干县"
    assert jiuye.region_name(b"360824", 2020) == "新干县"
    assert jiuye.region_name("362424", 1990) == "新干县"      # the code before 2000


def test_region_name_errors():
    with pytest.raises(jiuye.NotFoundError):
        jiuye.region_name("999999")
    with pytest.raises(KeyError):
        jiuye.region_name("360824", 1950)
    with pytest.raises(jiuye.InvalidError):
        jiuye.region_name("12")
    with pytest.raises(jiuye.Utf8Error):
        jiuye.region_name("36\ud8000824")
    with pytest.raises(TypeError):
        jiuye.region_name("360824", "2020")
