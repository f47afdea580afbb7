"""libjiuye for Python: the software core of a county's public employment service.

The validators of the ledgers' identifiers and the county profile::

    >>> import jiuye
    >>> jiuye.parse_phone("+86 138-0013-8000")
    '13800138000'
    >>> with jiuye.County.default() as county:
    ...     county.township("金川").name
    '金川镇'

Errors are exceptions rooted at :class:`jiuye.Error`; each also derives from
the matching built-in exception, so ``except ValueError`` catches an invalid
ID number (:class:`InvalidError`) and ``except KeyError`` a place that does
not exist (:class:`NotFoundError`). Every error has ``code`` (the library's
status code) and its message, which never repeats personal data, as
``str(e)``.

Text arguments are ``str`` or UTF-8 ``bytes``. This module is a thin layer
over the generated low-level module ``jiuye.capi``; use this one.
"""

from __future__ import annotations

import datetime as _datetime
import os as _os
from dataclasses import dataclass as _dataclass
from typing import FrozenSet, List, Optional, Tuple, Union

from . import capi as _capi

__all__ = [
    "__version__", "version_info",
    # exceptions
    "Error", "NotFoundError", "ExistsError", "InvalidError", "OutOfMemoryError",
    "Utf8Error", "ParseError", "StorageError", "ConstraintError", "AmbiguousError",
    "FileError", "VersionError", "BusyError", "RangeError",
    # text and dates
    "normalize", "utf8_check", "utf8_length", "parse_date", "age",
    # validators
    "IdNumber", "parse_id", "is_valid_id",
    "CreditCode", "parse_credit_code", "is_valid_credit_code",
    "parse_phone", "is_valid_phone", "region_name",
    # county profile
    "County", "Township", "Village",
]

Text = Union[str, bytes]

# ---------------------------------------------------------------------------
# Version

__version__: str
_version = _capi.jy_version()
__version__ = _version[0]
#: The loaded library's version as ``(major, minor, patch)``.
version_info: Tuple[int, int, int] = (_version[1], _version[2], _version[3])
del _version

# ---------------------------------------------------------------------------
# Exceptions (created by the extension module; see their docstrings)

Error = _capi.Error
NotFoundError = _capi.NotFoundError
ExistsError = _capi.ExistsError
InvalidError = _capi.InvalidError
OutOfMemoryError = _capi.OutOfMemoryError
Utf8Error = _capi.Utf8Error
ParseError = _capi.ParseError
StorageError = _capi.StorageError
ConstraintError = _capi.ConstraintError
AmbiguousError = _capi.AmbiguousError
FileError = _capi.FileError
VersionError = _capi.VersionError
BusyError = _capi.BusyError
RangeError = _capi.RangeError

# ---------------------------------------------------------------------------
# Text and dates


def normalize(text: Union[Text, bytearray, memoryview]) -> str:
    """Return *text* in the library's normal form: NFKC with case folding.

    Full-width letters and digits become half-width, compatibility characters
    are decomposed ("①" becomes "1"), Latin letters are case-folded; Chinese
    characters are left as they are. Bytes must be UTF-8.

    Raises :class:`Utf8Error` for bytes that are not UTF-8 or a str holding a
    lone surrogate.
    """
    return _capi.jy_text_normalize(text)


def utf8_check(data: Union[Text, bytearray, memoryview]) -> None:
    """Check that *data* is well-formed UTF-8 (RFC 3629); return None if it is.

    Raises :class:`Utf8Error` whose ``offset`` attribute is the byte offset of
    the first bad sequence (overlong forms, surrogates, stray continuation
    bytes, truncated sequences, code points above U+10FFFF).
    """
    _capi.jy_utf8_check(data)


def utf8_length(data: Union[Text, bytearray, memoryview]) -> int:
    """Return the number of code points in UTF-8 *data* (raises :class:`Utf8Error`)."""
    return _capi.jy_utf8_length(data)


def parse_date(text: Text) -> _datetime.date:
    """Parse a date as written in county ledgers.

    Accepts ``2026-03-05``, ``2026-3-5``, ``2026/3/5``, ``2026.3.5``,
    ``20260305`` and ``2026年3月5日`` (full-width digits too). Raises
    :class:`ParseError` for other forms and :class:`InvalidError` for a date
    that does not exist (2026-02-30).
    """
    return _capi.jy_date_parse(text)


def age(birth: _datetime.date, on: Optional[_datetime.date] = None) -> int:
    """Age in completed years (周岁) on *on* (default: today) of someone born on *birth*.

    Someone born on 29 February gets one year older on 1 March in common
    years. Raises :class:`RangeError` if *on* is before *birth*.
    """
    return _capi.jy_date_age(birth, on if on is not None else _datetime.date.today())


# ---------------------------------------------------------------------------
# Validators

_WARNINGS = (
    (_capi.JY_WARN_REGION_NOT_IN_FORCE, "region_not_in_force"),
    (_capi.JY_WARN_LEGACY_15, "legacy_15"),
)
_GENDERS = {_capi.JY_GENDER_MALE: "male", _capi.JY_GENDER_FEMALE: "female"}


@_dataclass(frozen=True)
class IdNumber:
    """A valid resident identity number (居民身份证号码), decoded.

    Attributes:
        number: the canonical 18-character form (upper-case ``X``).
        region: the 6-digit region code of registration.
        birth: the birth date (:class:`datetime.date`).
        gender: ``'male'`` or ``'female'`` (``'unknown'`` should not occur).
        warnings: names of the warnings for a valid but unusual number:
            ``'region_not_in_force'`` (the region code was not in force in the
            birth year) and ``'legacy_15'`` (given in the 15-digit form).

    ``repr()`` masks the middle of the number, so that logs do not collect it.
    """

    number: str
    region: str
    birth: _datetime.date
    gender: str
    warnings: FrozenSet[str]

    def age(self, on: Optional[_datetime.date] = None) -> int:
        """Age in completed years on *on* (default: today); see :func:`jiuye.age`."""
        return age(self.birth, on)

    def __repr__(self) -> str:
        masked = self.number[:6] + "*" * 8 + self.number[14:]
        return f"IdNumber({masked!r}, warnings={sorted(self.warnings)!r})"


def parse_id(text: Text) -> IdNumber:
    """Validate and decode a resident identity number (GB 11643-1999).

    Accepts the 18-character form (``x`` or ``X`` as check character) and the
    15-digit legacy form, surrounding spaces and full-width digits. Raises
    :class:`InvalidError` with ``reason`` (``'length'``, ``'character'``,
    ``'birth_date'``, ``'birth_range'``, ``'checksum'``, ``'region'``,
    ``'empty'``, ``'utf8'``) and ``position`` (1-based character position,
    None when the whole number is at fault).
    """
    info = _capi.jy_id_parse(text)
    warnings = frozenset(name for bit, name in _WARNINGS if info["warnings"] & bit)
    return IdNumber(number=info["number"], region=info["region"], birth=info["birth"],
                    gender=_GENDERS.get(info["gender"], "unknown"), warnings=warnings)


def is_valid_id(text: Text) -> bool:
    """True if *text* is a valid resident identity number (see :func:`parse_id`)."""
    try:
        _capi.jy_id_parse(text)
    except InvalidError:
        return False
    return True


@_dataclass(frozen=True)
class CreditCode:
    """A valid unified social credit code (统一社会信用代码), decoded.

    Attributes:
        code: the canonical 18-character form (upper case).
        authority: the registration authority character (``'9'`` = market regulation...).
        category: the entity category character.
        region: the 6-digit region code of registration (not required to exist).
    """

    code: str
    authority: str
    category: str
    region: str


def parse_credit_code(text: Text) -> CreditCode:
    """Validate and decode a unified social credit code (GB 32100-2015).

    Lower case, full-width characters and surrounding spaces are accepted.
    Raises :class:`InvalidError` with ``reason`` (``'length'``,
    ``'character'``, ``'authority'``, ``'checksum'``...) and ``position``.
    """
    info = _capi.jy_uscc_parse(text)
    return CreditCode(code=info["code"], authority=info["authority"],
                      category=info["category"], region=info["region"])


def is_valid_credit_code(text: Text) -> bool:
    """True if *text* is a valid unified social credit code."""
    try:
        _capi.jy_uscc_parse(text)
    except InvalidError:
        return False
    return True


def parse_phone(text: Text) -> str:
    """Validate a mainland China mobile number and return its 11 digits.

    Spaces, dashes, dots and parentheses between digits, full-width digits and
    a ``+86``, ``0086`` or ``86`` prefix are accepted. Raises
    :class:`InvalidError` with ``reason`` (``'length'``, ``'character'``,
    ``'prefix'``, ``'network'``...) and ``position``.
    """
    return _capi.jy_phone_parse(text)["number"]


def is_valid_phone(text: Text) -> bool:
    """True if *text* is a valid mainland China mobile number."""
    try:
        _capi.jy_phone_parse(text)
    except InvalidError:
        return False
    return True


def region_name(code: Text, year: int = 0) -> str:
    """Name of the county-level division a 6-digit region *code* designated.

    With *year*, the name in force that year; with 0, the most recent name.
    Raises :class:`NotFoundError` if the code never existed (or not that
    year), :class:`InvalidError` for a malformed code.
    """
    return _capi.jy_region_name(code, year)


# ---------------------------------------------------------------------------
# County profile

_KINDS = {
    _capi.JY_TOWNSHIP_STREET: "street",
    _capi.JY_TOWNSHIP_TOWN: "town",
    _capi.JY_TOWNSHIP_TOWNSHIP: "township",
    _capi.JY_TOWNSHIP_SPECIAL: "special",
}


class Township:
    """A township-level unit (乡镇/街道...) of a county profile.

    A plain value, copied from the county: it stays usable after the county
    is closed. Townships compare equal when their codes are equal.

    Attributes:
        code: the 9-digit statistical code.
        name: the official name (``'金川镇'``).
        short_name: the name without its kind suffix (``'金川'``).
        kind: ``'street'`` (街道), ``'town'`` (镇), ``'township'`` (乡) or
            ``'special'`` (park, farm, forest farm...).
        villages: its villages and communities, in file order.
    """

    __slots__ = ("code", "name", "short_name", "kind", "_villages")

    def __init__(self, data: dict) -> None:
        set_ = object.__setattr__
        set_(self, "code", data["code"])
        set_(self, "name", data["name"])
        set_(self, "short_name", data["short_name"])
        set_(self, "kind", _KINDS.get(data["kind"], "special"))
        set_(self, "_villages", tuple(data["villages"]))

    @property
    def villages(self) -> List["Village"]:
        """The villages and communities of this township, in file order."""
        return [Village(v, self) for v in self._villages]

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other):
        if not isinstance(other, Township):
            return NotImplemented
        return self.code == other.code

    def __hash__(self):
        return hash(("Township", self.code))

    def __repr__(self):
        return f"Township({self.code!r}, {self.name!r})"


class Village:
    """A village or community (村委会, 居委会) of a county profile.

    A plain value, copied from the county; villages compare equal when their
    codes are equal.

    Attributes:
        code: the 12-digit statistical code.
        name: the official name (``'湄湘村委会'``).
        short_name: the name without the committee suffix (``'湄湘'``).
        township: the :class:`Township` it belongs to.
    """

    __slots__ = ("code", "name", "short_name", "township")

    def __init__(self, data: dict, township: Township) -> None:
        set_ = object.__setattr__
        set_(self, "code", data["code"])
        set_(self, "name", data["name"])
        set_(self, "short_name", data["short_name"])
        set_(self, "township", township)

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other):
        if not isinstance(other, Village):
            return NotImplemented
        return self.code == other.code

    def __hash__(self):
        return hash(("Village", self.code))

    def __repr__(self):
        return f"Village({self.code!r}, {self.name!r})"


def _query_arg(value, what: str):
    if isinstance(value, (Township, Village)):
        return value.code
    if isinstance(value, (str, bytes)):
        return value
    raise TypeError(f"{what} must be str or bytes, not {type(value).__name__}")


class County:
    """A county profile: its townships and their villages (县乡村).

    Get one with :meth:`default` (Xingan County, 新干县, built into the
    library), :meth:`load` (a JSON file) or :meth:`from_json`. Close it with
    :meth:`close` or a ``with`` block; it is also released when garbage
    collected. Townships and villages are values copied out of it and stay
    valid after it is closed; using the county itself after :meth:`close`
    raises :class:`InvalidError`.

    Lookups tolerate what people write: short forms ("金川" for 金川镇), the
    county name in front, full-width characters and stray spaces, and common
    substitutes for rare characters (麦斜镇 for 麦㙦镇).

    A county is immutable: any number of threads may look places up in one.
    """

    __slots__ = ("_handle", "_townships", "__weakref__")

    def __init__(self, *args, **kwargs) -> None:
        raise TypeError("use County.default(), County.load() or County.from_json()")

    @classmethod
    def _wrap(cls, handle) -> "County":
        self = object.__new__(cls)
        self._handle = handle
        self._townships = None
        return self

    @classmethod
    def default(cls) -> "County":
        """The profile of Xingan County (新干县, 360824) built into the library."""
        return cls._wrap(_capi.jy_county_load_default())

    @classmethod
    def load(cls, path: Union[str, bytes, "_os.PathLike[str]"]) -> "County":
        """Load a county profile from a JSON file (format in docs/formats.md).

        Raises :class:`FileError` (an OSError) if the file cannot be read,
        :class:`ParseError` for malformed JSON and :class:`InvalidError` for
        a file that breaks the format; both carry ``line``, ``column`` and
        ``field`` when known.
        """
        return cls._wrap(_capi.jy_county_load_file(_os.fsencode(path)))

    @classmethod
    def from_json(cls, data: Union[Text, bytearray, memoryview]) -> "County":
        """Load a county profile from JSON text (str) or UTF-8 bytes.

        Raises :class:`ParseError` for malformed JSON and
        :class:`InvalidError` for a document that breaks the format, with
        ``line``, ``column`` and ``field`` (a JSON path) when known.
        """
        return cls._wrap(_capi.jy_county_load_buffer(data))

    # -- lifecycle --

    def close(self) -> None:
        """Release the profile. Closing twice is allowed and does nothing."""
        self._handle = None   # the last reference: the profile is freed now

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has been called."""
        return self._handle is None

    def __enter__(self) -> "County":
        self._live()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _live(self):
        # A local reference keeps the handle alive for the whole call, even if
        # another thread closes the county meanwhile.
        handle = self._handle
        if handle is None:
            raise InvalidError("the county profile is closed")
        return handle

    # -- data --

    @property
    def code(self) -> str:
        """The county's 6-digit code ("360824")."""
        return _capi.jy_county_code(self._live())

    @property
    def name(self) -> str:
        """The county's name ("新干县")."""
        return _capi.jy_county_name(self._live())

    @property
    def townships(self) -> List[Township]:
        """The township-level units, in file order (a new list each time)."""
        handle = self._live()
        townships = self._townships
        if townships is None:
            count = _capi.jy_county_township_count(handle)
            townships = tuple(Township(_capi.jy_county_township_at(handle, i))
                              for i in range(count))
            self._townships = townships
        return list(townships)

    def township(self, query: Text) -> Township:
        """Find a township-level unit by code or name.

        *query* may be the 9-digit code (or the 12-digit form ending in 000),
        the official name or a short form. Raises :class:`NotFoundError`
        (a KeyError) or :class:`AmbiguousError` (a LookupError) when a short
        form matches several units.
        """
        return Township(_capi.jy_county_find_township(self._live(), _query_arg(query, "query")))

    def village(self, query: Text, township: Union[Text, Township, None] = None) -> Village:
        """Find a village or community by code or name.

        *query* may be the 12-digit code, the official name or a short form
        ("湄湘", "湄湘村"). With *township* (a :class:`Township`, a code or a
        name) the search is limited to it; without, a name shared by villages
        of several townships raises :class:`AmbiguousError`. Raises
        :class:`NotFoundError` when nothing matches (or the township does
        not exist).
        """
        if township is not None:
            township = _query_arg(township, "township")
        data = _capi.jy_county_find_village(self._live(), township, _query_arg(query, "query"))
        return Village(data, Township(data["township"]))

    def __repr__(self) -> str:
        handle = self._handle
        if handle is None:
            return "<jiuye.County (closed)>"
        return (f"<jiuye.County {_capi.jy_county_code(handle)} "
                f"{_capi.jy_county_name(handle)}>")
