"""The exception tree: one class per status code, rooted at jiuye.Error, each
also deriving from the matching built-in exception."""
import pickle

import pytest

import jiuye
from jiuye import capi

# class, status code, built-in bases it must also be an instance of
TREE = [
    (jiuye.Error, capi.JY_ERROR, (Exception,)),
    (jiuye.NotFoundError, capi.JY_ENOTFOUND, (KeyError, LookupError)),
    (jiuye.ExistsError, capi.JY_EEXISTS, ()),
    (jiuye.InvalidError, capi.JY_EINVAL, (ValueError,)),
    (jiuye.OutOfMemoryError, capi.JY_ENOMEM, (MemoryError,)),
    (jiuye.Utf8Error, capi.JY_EUTF8, (ValueError, UnicodeError)),
    (jiuye.ParseError, capi.JY_EPARSE, (ValueError,)),
    (jiuye.StorageError, capi.JY_ESTORAGE, ()),
    (jiuye.ConstraintError, capi.JY_ECONSTRAINT, (ValueError,)),
    (jiuye.AmbiguousError, capi.JY_EAMBIGUOUS, (LookupError,)),
    (jiuye.FileError, capi.JY_EIO, (OSError,)),
    (jiuye.VersionError, capi.JY_EVERSION, ()),
    (jiuye.BusyError, capi.JY_EBUSY, (TimeoutError, OSError)),
    (jiuye.RangeError, capi.JY_ERANGE, (ValueError,)),
    (jiuye.NotSupportedError, capi.JY_ENOTSUP, ()),
]


def status_codes():
    """Every error code the C header declares (JY_E*, JY_ERROR: negative;
    other JY_E... names, such as JY_ENCODING_AUTO or JY_EXPORT_UNMASK, are not
    status codes)."""
    return {getattr(capi, n) for n in dir(capi)
            if n.startswith("JY_E") and isinstance(getattr(capi, n), int)
            and getattr(capi, n) < 0}


def test_one_class_per_status_code():
    assert {code for _, code, _ in TREE} == status_codes()


@pytest.mark.parametrize("cls, code, builtins", TREE, ids=lambda x: getattr(x, "__name__", None))
def test_class(cls, code, builtins):
    assert issubclass(cls, jiuye.Error)
    assert issubclass(cls, Exception)
    for b in builtins:
        assert issubclass(cls, b)
    assert cls.code == code
    assert cls.__module__ == "jiuye"
    assert cls.__doc__
    # The same objects in the low-level module and the package.
    assert getattr(capi, cls.__name__) is cls


@pytest.mark.parametrize("cls, code, builtins", TREE, ids=lambda x: getattr(x, "__name__", None))
def test_message_is_str(cls, code, builtins):
    e = cls("the message")
    assert str(e) == "the message"      # KeyError would quote it: NotFoundError does not
    assert e.code == code


def test_utf8_error_is_an_invalid_error():
    assert issubclass(jiuye.Utf8Error, jiuye.InvalidError)


def test_not_found_is_a_key_error(county):
    with pytest.raises(KeyError) as info:
        county.township("没有这个镇")
    e = info.value
    assert type(e) is jiuye.NotFoundError
    assert e.code == capi.JY_ENOTFOUND
    assert str(e) and not str(e).startswith("'")


def test_ambiguous_is_a_lookup_error(county):
    with pytest.raises(LookupError) as info:
        county.village("庙前")
    assert type(info.value) is jiuye.AmbiguousError
    assert not isinstance(info.value, KeyError)


def test_invalid_is_a_value_error():
    with pytest.raises(ValueError) as info:
        jiuye.parse_phone("12345")
    assert type(info.value) is jiuye.InvalidError
    assert info.value.code == capi.JY_EINVAL


def test_file_error_is_an_os_error(tmp_path):
    with pytest.raises(OSError) as info:
        jiuye.County.load(tmp_path / "missing.json")
    assert type(info.value) is jiuye.FileError
    assert info.value.code == capi.JY_EIO


def test_range_error_is_a_value_error():
    import datetime
    with pytest.raises(ValueError) as info:
        jiuye.age(datetime.date(2000, 1, 1), datetime.date(1999, 1, 1))
    assert type(info.value) is jiuye.RangeError


def test_details_default_to_none():
    e = jiuye.Error("x")
    for attr in ("source", "record", "line", "column", "field", "detail"):
        assert getattr(e, attr) is None
    e = jiuye.InvalidError("x")
    assert e.reason is None and e.position is None
    assert jiuye.Utf8Error("x").offset is None


def test_message_comes_from_the_library():
    with pytest.raises(jiuye.InvalidError) as info:
        jiuye.parse_credit_code("12345")
    assert "credit code" in str(info.value)
    assert str(info.value) != capi.jy_errstr(capi.JY_EINVAL)


def test_pickle_round_trip():
    with pytest.raises(jiuye.InvalidError) as info:
        jiuye.parse_id("36042619910102009X")
    e = info.value
    copy = pickle.loads(pickle.dumps(e))
    assert type(copy) is jiuye.InvalidError
    assert (str(copy), copy.code, copy.reason, copy.position) == (str(e), e.code, e.reason, e.position)


def test_errstr():
    assert capi.jy_errstr(capi.JY_ENOTFOUND) == "not found"
    assert capi.jy_errstr(12345) == "unknown error"
