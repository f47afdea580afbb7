import re

import jiuye
from jiuye import capi


def test_version_string():
    assert re.fullmatch(r"\d+\.\d+\.\d+", jiuye.__version__)


def test_version_info_matches_string():
    assert ".".join(map(str, jiuye.version_info)) == jiuye.__version__


def test_runtime_matches_headers():
    # The library loaded is the one the extension was built against.
    assert jiuye.__version__ == capi.JY_VERSION
    assert jiuye.version_info == (capi.JY_VERSION_MAJOR, capi.JY_VERSION_MINOR,
                                  capi.JY_VERSION_PATCH)


def test_public_names_exist():
    for name in jiuye.__all__:
        assert hasattr(jiuye, name), name


def test_public_api_has_docstrings():
    for name in jiuye.__all__:
        obj = getattr(jiuye, name)
        if callable(obj):
            assert obj.__doc__ and obj.__doc__.strip(), name
    for cls in (jiuye.County, jiuye.Township, jiuye.Village):
        for attr, member in vars(cls).items():
            if not attr.startswith("_") and (callable(member) or isinstance(member, property)):
                doc = member.__doc__ if not isinstance(member, classmethod) else member.__func__.__doc__
                assert doc and doc.strip(), f"{cls.__name__}.{attr}"


def test_low_level_docstrings_come_from_headers():
    assert "GB 11643-1999" in capi.jy_id_parse.__doc__
    assert "county" in capi.jy_county_find_township.__doc__


def test_module_docstring_examples():
    import doctest
    result = doctest.testmod(jiuye, verbose=False)
    assert result.attempted >= 2 and result.failed == 0
