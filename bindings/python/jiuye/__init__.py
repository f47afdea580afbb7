"""libjiuye for Python: the software core of a county's public employment service.

The validators of the ledgers' identifiers and the county profile::

    >>> import jiuye
    >>> jiuye.parse_phone("+86 138-0013-8000")
    '13800138000'
    >>> with jiuye.County.default() as county:
    ...     county.township("金川").name
    '金川镇'

The ledgers (台账) of a county, in a database, with records as dicts::

    >>> with jiuye.Database() as db:             # in memory; or Database("county.db")
    ...     e = db.add("enterprise", {"name": "新干县某箱包有限公司", "township": "金川"})
    ...     db.get("enterprise", e)["township"]  # stored as the township's code
    '360824100'

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

import contextlib as _contextlib
import datetime as _datetime
import enum as _enum
import itertools as _itertools
import os as _os
import re as _re
import threading as _threading
import typing as _typing
import json as _json
from dataclasses import dataclass as _dataclass
from typing import FrozenSet, Iterable, Iterator, List, Optional, Tuple, Union

from . import capi as _capi

__all__ = [
    "__version__", "version_info",
    # exceptions
    "Error", "NotFoundError", "ExistsError", "InvalidError", "OutOfMemoryError",
    "Utf8Error", "ParseError", "StorageError", "ConstraintError", "AmbiguousError",
    "FileError", "VersionError", "BusyError", "RangeError", "NotSupportedError",
    # text and dates
    "normalize", "utf8_check", "utf8_length", "parse_date", "age",
    # validators
    "IdNumber", "parse_id", "is_valid_id",
    "CreditCode", "parse_credit_code", "is_valid_credit_code",
    "parse_phone", "is_valid_phone", "region_name",
    # county profile
    "County", "Township", "Village",
    # matching text
    "fold", "tokenize", "Token", "extract_facts", "TextFacts", "Salary", "education_level",
    "Vocabulary", "VocabMatch",
    # scoring (考核)
    "Scorecard", "ScoreItem", "ScoreIndicator",
    # calendar and periods
    "Calendar", "Holiday", "PeriodUnit", "Bucket", "split_period", "contract_year",
    "parse_period", "format_period",
    # ledgers
    "Kind", "kinds", "FieldInfo", "fields", "Database", "Records", "SaveResult",
    "ImportResult", "Reject",
    # reports and the big screen
    "Report", "ReportSection", "report_kinds", "xlsx_available",
    # matching
    "Matcher", "MatchResult", "Reason",
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
NotSupportedError = _capi.NotSupportedError

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


class _DatabaseCounty(County):
    """The county profile a :class:`Database` holds: a read-only view.

    It works as a :class:`County` while its database is open and raises
    :class:`InvalidError` once the database is closed. Closing the view does
    nothing (the profile belongs to the database).
    """

    __slots__ = ("_db",)

    @classmethod
    def _of(cls, db: "Database") -> "_DatabaseCounty":
        self = object.__new__(cls)
        self._handle = None
        self._townships = None
        self._db = db
        return self

    def _live(self):
        # The county is borrowed from the database; the object jy_db_county()
        # returns holds the database's handle, so it stays valid for the call
        # even if another thread closes the database meanwhile.
        handle = self._db._handle
        if handle is None:
            raise InvalidError("the database is closed")
        return _capi.jy_db_county(handle)

    def close(self) -> None:
        """Does nothing: the profile is the database's (close the database)."""

    @property
    def closed(self) -> bool:
        """True once the database is closed."""
        return self._db._handle is None

    def __repr__(self) -> str:
        if self.closed:
            return "<jiuye.County of a closed database>"
        return f"<jiuye.County {self.code} {self.name} (of a database)>"


# ---------------------------------------------------------------------------
# Calendar: working days, public holidays, periods


class PeriodUnit(_enum.IntEnum):
    """The buckets a period is cut into (``jy_period_unit``).

    ``str(unit)`` is its lower-case name (``'month'``); functions taking a
    unit also accept that name.
    """

    DAY = _capi.JY_PERIOD_DAY
    WEEK = _capi.JY_PERIOD_WEEK          #: ISO weeks, Monday to Sunday
    MONTH = _capi.JY_PERIOD_MONTH
    QUARTER = _capi.JY_PERIOD_QUARTER
    YEAR = _capi.JY_PERIOD_YEAR          #: contract years in splits, calendar years in labels

    def __str__(self) -> str:
        return self.name.lower()


def _unit_arg(unit) -> "PeriodUnit":
    if isinstance(unit, str):
        try:
            return PeriodUnit[unit.upper()]
        except KeyError:
            raise InvalidError(f"unknown period unit {unit!r} (day, week, month, quarter, year)") from None
    if isinstance(unit, bool) or not isinstance(unit, int):
        raise TypeError(f"unit must be a PeriodUnit or its name, not {type(unit).__name__}")
    try:
        return PeriodUnit(unit)
    except ValueError:
        raise InvalidError(f"unknown period unit {unit!r}") from None


@_dataclass(frozen=True)
class Holiday:
    """A public holiday of a year, as the State Council's notice sets it.

    Attributes:
        name: its name (``'春节'``).
        year: the year of the notice.
        first, last: its first and last day off.
        off: every day off, ascending.
        makeup: the make-up working days (调休上班: weekend days worked), ascending.
    """

    name: str
    year: int
    first: _datetime.date
    last: _datetime.date
    off: Tuple[_datetime.date, ...]
    makeup: Tuple[_datetime.date, ...]

    @classmethod
    def _from(cls, d: dict) -> "Holiday":
        return cls(d["name"], d["year"], d["first"], d["last"], tuple(d["off"]), tuple(d["makeup"]))


class Bucket(_typing.NamedTuple):
    """One bucket of a split period: a tuple ``(start, end, partial)`` of the
    part inside the split period, whether it is clipped, and the whole bucket
    as ``full`` (a ``(start, end)`` tuple)."""

    start: _datetime.date
    end: _datetime.date
    partial: bool
    full: Tuple[_datetime.date, _datetime.date]


class Calendar:
    """China's working days: public holidays and make-up working days (调休).

    Get one with :meth:`default` (2026, built into the library) or
    :meth:`load` (JSON files of one year each, format in docs/formats.md);
    add years with :meth:`add`. A calendar covers exactly the years it has
    data for: any question about a day of another year raises
    :class:`RangeError` naming the missing year, never a guess.

    Dates are :class:`datetime.date`. A calendar is immutable once built:
    any number of threads may query one (add every year first).
    """

    __slots__ = ("_handle", "__weakref__")

    def __init__(self, *args, **kwargs) -> None:
        raise TypeError("use Calendar.default(), Calendar.load() or Calendar.from_json()")

    @classmethod
    def _wrap(cls, handle) -> "Calendar":
        self = object.__new__(cls)
        self._handle = handle
        return self

    @classmethod
    def default(cls) -> "Calendar":
        """The calendar built into the library: China's 2026 public holidays."""
        return cls._wrap(_capi.jy_calendar_load_default())

    @classmethod
    def load(cls, *paths: Union[str, bytes, "_os.PathLike[str]"]) -> "Calendar":
        """A calendar of the years in one or more JSON files (one year each).

        Raises :class:`FileError` if a file cannot be read, :class:`ParseError`
        for malformed JSON, :class:`InvalidError` for a file that breaks the
        format (with ``source``, ``field`` and ``detail``), and
        :class:`ExistsError` for a year given twice.
        """
        self = cls._wrap(_capi.jy_calendar_new())
        for path in paths:
            self.add(path)
        return self

    @classmethod
    def from_json(cls, data: Union[Text, bytearray, memoryview]) -> "Calendar":
        """A calendar of the year in JSON text (str) or UTF-8 bytes."""
        return cls._wrap(_capi.jy_calendar_load_buffer(data))

    def add(self, path: Union[str, bytes, "_os.PathLike[str]"]) -> None:
        """Add the year of a JSON file; on failure the calendar is unchanged.

        Not while other threads use the calendar. Raises as :meth:`load`.
        """
        _capi.jy_calendar_add_file(self._live(), _os.fsencode(path))

    def add_json(self, data: Union[Text, bytearray, memoryview]) -> None:
        """Add the year of JSON text or UTF-8 bytes (see :meth:`add`)."""
        _capi.jy_calendar_add_buffer(self._live(), data)

    # -- lifecycle --

    def close(self) -> None:
        """Release the calendar. Closing twice is allowed and does nothing."""
        self._handle = None

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has been called."""
        return self._handle is None

    def __enter__(self) -> "Calendar":
        self._live()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _live(self):
        handle = self._handle
        if handle is None:
            raise InvalidError("the calendar is closed")
        return handle

    # -- queries --

    @property
    def years(self) -> List[int]:
        """The years covered, ascending."""
        handle = self._live()
        return [_capi.jy_calendar_year_at(handle, i)
                for i in range(_capi.jy_calendar_year_count(handle))]

    def covers(self, start: _datetime.date, end: Optional[_datetime.date] = None) -> bool:
        """True if the calendar has data for every day from *start* to *end*
        (default: *start* alone)."""
        try:
            _capi.jy_calendar_covers(self._live(), start, end if end is not None else start)
        except RangeError:
            return False
        return True

    def is_workday(self, day: _datetime.date) -> bool:
        """True for a working day: a make-up working day, or a Monday to Friday
        that is not a day off. Raises :class:`RangeError` for a year without data."""
        return bool(_capi.jy_calendar_is_workday(self._live(), day))

    def workdays(self, start: _datetime.date, end: _datetime.date) -> int:
        """The number of working days from *start* to *end*, both included.

        Raises :class:`RangeError` if the calendar does not cover the whole
        period, :class:`InvalidError` if *end* is before *start*.
        """
        return _capi.jy_calendar_workdays(self._live(), start, end)

    def holiday(self, day: _datetime.date) -> Optional[str]:
        """The name of the public holiday *day* is a day off of (``'劳动节'``),
        or None (ordinary days, weekends, make-up working days). Raises
        :class:`RangeError` for a year without data."""
        return _capi.jy_calendar_holiday(self._live(), day)

    @property
    def holidays(self) -> List[Holiday]:
        """Every public holiday, in order of their first day off."""
        handle = self._live()
        return [Holiday._from(_capi.jy_calendar_holiday_at(handle, i))
                for i in range(_capi.jy_calendar_holiday_count(handle))]

    def __repr__(self) -> str:
        if self._handle is None:
            return "<jiuye.Calendar (closed)>"
        return f"<jiuye.Calendar {', '.join(map(str, self.years)) or 'empty'}>"


def split_period(start: _datetime.date, end: _datetime.date, unit,
                 contract_start: Optional[_datetime.date] = None) -> List[Bucket]:
    """Cut the period *start*..*end* (inclusive) into buckets of *unit*.

    Every bucket of the unit that meets the period, clipped to it: ISO weeks
    (Monday to Sunday), calendar months and quarters, or contract years from
    *contract_start* (required for ``'year'``). Each :class:`Bucket` unpacks
    as ``(start, end, partial, full)``.
    """
    unit = _unit_arg(unit)
    if unit == PeriodUnit.YEAR and contract_start is None:
        raise InvalidError("contract years need contract_start, the signing date")
    raw = _capi.jy_period_split((start, end), int(unit),
                                contract_start if contract_start is not None else start)
    return [Bucket(p[0], p[1], partial, full) for p, full, partial in raw]


def contract_year(signed_on: _datetime.date, day: _datetime.date
                  ) -> Tuple[_datetime.date, _datetime.date]:
    """The contract year containing *day*, as ``(start, end)``: signed on
    2026-03-15, 2026-03-15..2027-03-14. Raises :class:`RangeError` if *day*
    is before *signed_on*."""
    return _capi.jy_contract_year(signed_on, day)


def parse_period(text: Text) -> Tuple[_datetime.date, _datetime.date, PeriodUnit]:
    """Parse a period label: ``'2026-03'``, ``'2026-Q1'``, ``'2026-W10'``,
    ``'2026'`` (a calendar year) or ``'2026-03-05'``; returns
    ``(start, end, unit)``. Raises :class:`ParseError` for another form and
    :class:`InvalidError` for a period that does not exist (``'2026-13'``)."""
    (a, b), unit = _capi.jy_period_parse(text)
    return a, b, PeriodUnit(unit)


def format_period(start: _datetime.date, end: _datetime.date, unit) -> str:
    """The label of a period that is exactly one bucket of *unit*
    (``'2026-W53'`` for 2026-12-28..2027-01-03). Raises :class:`InvalidError`
    otherwise."""
    return _capi.jy_period_format((start, end), int(_unit_arg(unit)))



# ---------------------------------------------------------------------------
# Matching text: folding, tokens, facts, the occupation vocabulary

def fold(text: Union[Text, bytearray, memoryview]) -> str:
    """Return *text* folded for matching.

    :func:`normalize`, plus: traditional characters become simplified ones
    (員工 → 员工), accents are dropped, and every run of punctuation, symbols
    and spaces (full-width or not) becomes one space, none at either end.
    Raises :class:`Utf8Error` for bytes that are not UTF-8.
    """
    return _capi.jy_text_fold(text)


_TOKEN_KINDS = {
    _capi.JY_TOKEN_CJK_UNI: "cjk_uni",
    _capi.JY_TOKEN_CJK_BI: "cjk_bi",
    _capi.JY_TOKEN_WORD: "word",
    _capi.JY_TOKEN_NUMBER: "number",
    _capi.JY_TOKEN_MIXED: "mixed",
}
_TOKEN_FLAGS = {
    "cjk_uni": _capi.JY_TOKENIZE_UNIGRAMS,
    "cjk_bi": _capi.JY_TOKENIZE_BIGRAMS,
    "word": _capi.JY_TOKENIZE_WORDS,
    "number": _capi.JY_TOKENIZE_WORDS,
    "mixed": _capi.JY_TOKENIZE_WORDS,
}


@_dataclass(frozen=True)
class Token:
    """A token of :func:`tokenize`.

    Attributes:
        text: the folded token text (simplified, lower case, half-width).
        kind: ``'cjk_uni'``, ``'cjk_bi'``, ``'word'`` (letters), ``'number'``
            (digits) or ``'mixed'`` (letters and digits: ``'c1'``, ``'5s'``).
        start: index of its first character in the input text.
        end: index just past its last character.
        position: its position in units (a CJK character or a letter/digit
            run is one unit); a bigram has the position of its first character.
    """

    text: str
    kind: str
    start: int
    end: int
    position: int


def tokenize(text: Union[Text, bytearray, memoryview],
             kinds: Optional[Iterable[str]] = None) -> List[Token]:
    """Cut *text* into tokens for matching, in text order.

    CJK characters give unigrams and bigrams (a bigram never spans a
    separator); runs of letters and digits give one token each, kept whole
    (``'CNC'`` → ``'cnc'``, ``'A2'`` → ``'a2'``); ``'C1驾照'`` gives ``'c1'``,
    ``'驾'``, ``'驾照'``, ``'照'``. *kinds* limits the output to some token
    kinds (words, numbers and mixed tokens come together). Offsets are
    character indexes into *text* (for bytes: into the text they decode to).
    Raises :class:`Utf8Error` for bytes that are not UTF-8.
    """
    flags = 0
    if kinds is not None:
        for k in kinds:
            try:
                flags |= _TOKEN_FLAGS[k]
            except KeyError:
                raise ValueError(f"unknown token kind {k!r}") from None
        if not flags:
            return []
    return [Token(t, _TOKEN_KINDS[k], s, e, p)
            for t, k, s, e, p in _capi.jypy_text_tokenize(text, flags)]


_PAY_PERIODS = {
    _capi.JY_PAY_MONTH: "month",
    _capi.JY_PAY_DAY: "day",
    _capi.JY_PAY_HOUR: "hour",
    _capi.JY_PAY_YEAR: "year",
}


@_dataclass(frozen=True)
class Salary:
    """A salary figure read from text.

    Attributes:
        min: lower end in yuan per month (daily wages times 26, hourly times
            208, yearly divided by 12), or None for an upper bound only.
        max: upper end in yuan per month, or None when open-ended
            (``'3500以上'``).
        period: how it was written: ``'month'``, ``'day'``, ``'hour'`` or
            ``'year'``.
        pay_min: lower end as written, per period (200.0 for ``'日结200元'``).
        pay_max: upper end as written, or None when open-ended.
        start: index of the figure's first character in the text.
        end: index just past it.
    """

    min: Optional[int]
    max: Optional[int]
    period: str
    pay_min: Optional[float]
    pay_max: Optional[float]
    start: int
    end: int


@_dataclass(frozen=True)
class TextFacts:
    """Structured facts read from a posting or a jobseeker's wishes.

    Attributes:
        salary: a :class:`Salary`, or None when no figure was found.
        negotiable: True when the text says 面议.
        age_min: least age, or None. age_max: greatest age, or None.
        age_span: ``(start, end)`` of the age limit in the text, or None.
        education: the first education level named, as the ledgers' code
            (``'none'`` for 学历不限, ``'junior'``, ``'senior'``,
            ``'vocational'``, ``'college'``, ``'bachelor'``, ``'master'``...),
            or None.
        gig: True when the text says casual work (零工, 日结, 临时工...).
        full_time: True when it says steady work (全职, 长期, 五险一金...).
        kind: ``'gig'`` or ``'full_time'`` when the hints say one only, else None.
        townships: the county's townships named, in order of first mention,
            as ``(Township, start, end)``.
    """

    salary: Optional[Salary]
    negotiable: bool
    age_min: Optional[int]
    age_max: Optional[int]
    age_span: Optional[Tuple[int, int]]
    education: Optional[str]
    gig: bool
    full_time: bool
    kind: Optional[str]
    townships: List[Tuple[Township, int, int]]


def extract_facts(text: Union[Text, bytearray, memoryview],
                  county: Optional[County] = None) -> TextFacts:
    """Read salary, age limits, education, work kind and townships from *text*.

    As people write job texts: ``'4000-6000元/月'``, ``'5k-8k'``,
    ``'月薪5千'``, ``'3500以上'``, ``'年薪6万'``, ``'日结200元'``,
    ``'18-45岁'``, ``'45岁以下'``, ``'初中以上'``, ``'学历不限'``... With a
    *county*, its townships named in full or short form are found too.
    Raises :class:`Utf8Error` for bytes that are not UTF-8.
    """
    handle = county._live() if county is not None else None
    d = _capi.jypy_text_extract_facts(handle, text)
    salary = None
    if d["has_salary"]:
        salary = Salary(d["salary_min"] or None, d["salary_max"] or None,
                        _PAY_PERIODS[d["pay_period"]], d["pay_min"] or None,
                        d["pay_max"] or None, d["salary_start"], d["salary_end"])
    has_age = d["has_age"]
    hints = d["work_hints"]
    return TextFacts(
        salary=salary,
        negotiable=d["salary_negotiable"],
        age_min=(d["age_min"] or None) if has_age else None,
        age_max=(d["age_max"] or None) if has_age else None,
        age_span=(d["age_start"], d["age_end"]) if has_age else None,
        education=d["education"],
        gig=bool(hints & _capi.JY_WORK_GIG),
        full_time=bool(hints & _capi.JY_WORK_FULL_TIME),
        kind=d["kind"],
        townships=[(Township(t), s, e) for t, s, e in d["townships"]],
    )


def education_level(text: Text) -> Optional[str]:
    """The ledgers' education code (``'junior'``...) named by *text*, or None.

    Accepts the codes themselves, their labels (``'初中'``, ``'不限'``) and
    the words of job texts (``'初中以上'``, ``'大专学历'``, ``'學歷不限'``).
    """
    return _capi.jy_education_code(_capi.jy_education_parse(text))


@_dataclass(frozen=True)
class VocabMatch:
    """A vocabulary word found in a text by :meth:`Vocabulary.scan`.

    Attributes:
        surface: the word matched, folded (``'电焊工'``).
        occupation: the canonical occupation (``'焊工'``).
        family: its family (``'智能制造'``).
        start: index of its first character in the text.
        end: index just past it.
    """

    surface: str
    occupation: str
    family: str
    start: int
    end: int


class Vocabulary:
    """The occupation vocabulary: words people write → occupation → family.

    Get one with :meth:`default` (built into the library: the county's
    industries), :meth:`load` (a TSV file, docs/formats.md), :meth:`from_text`
    or :meth:`empty`; extend it with :meth:`add` and :meth:`extend`.

    A vocabulary may be scanned from any number of threads at once, but
    :meth:`add` and :meth:`extend` must not run while it is used elsewhere.
    """

    __slots__ = ("_handle",)

    def __init__(self, *args, **kwargs) -> None:
        raise TypeError("use Vocabulary.default(), Vocabulary.load(), "
                        "Vocabulary.from_text() or Vocabulary.empty()")

    @classmethod
    def _wrap(cls, handle) -> "Vocabulary":
        self = object.__new__(cls)
        self._handle = handle
        return self

    @classmethod
    def default(cls) -> "Vocabulary":
        """The vocabulary built into the library (data/occupations.tsv)."""
        return cls._wrap(_capi.jy_vocab_load_default())

    @classmethod
    def empty(cls) -> "Vocabulary":
        """A vocabulary without any word."""
        return cls._wrap(_capi.jy_vocab_new())

    @classmethod
    def load(cls, path: Union[str, bytes, "_os.PathLike[str]"]) -> "Vocabulary":
        """Load a vocabulary file. Errors carry ``line``, ``field`` and ``detail``:
        :class:`FileError`, :class:`Utf8Error`, :class:`ParseError`,
        :class:`InvalidError`, :class:`ExistsError` (a word given two
        occupations)."""
        return cls._wrap(_capi.jy_vocab_load_file(_os.fsencode(path)))

    @classmethod
    def from_text(cls, text: Union[Text, bytearray, memoryview]) -> "Vocabulary":
        """Load a vocabulary from the text of a file (errors as :meth:`load`)."""
        return cls._wrap(_capi.jy_vocab_load_buffer(text))

    def extend(self, text: Union[Text, bytearray, memoryview]) -> None:
        """Add the lines of a vocabulary file; all or nothing (errors as :meth:`load`)."""
        _capi.jy_vocab_extend_buffer(self._handle, text)

    def add(self, surface: Text, occupation: Text, family: Optional[Text] = None,
            code: Optional[Text] = None) -> None:
        """Add a word for *occupation*.

        A new occupation needs its *family*; *code* is the national
        occupation classification code, if known. Raises
        :class:`ExistsError` if the word already means another occupation,
        :class:`InvalidError` for an empty word or a family that contradicts
        the occupation's.
        """
        _capi.jy_vocab_add(self._handle, surface, occupation, family, code)

    def lookup(self, word: Union[Text, bytearray, memoryview]) -> Optional[str]:
        """The occupation *word* stands for as a whole (``'开车'`` → ``'司机'``), or None."""
        try:
            oid = _capi.jy_vocab_lookup(self._handle, word)
        except NotFoundError:
            return None
        return _capi.jy_vocab_occupation_name(self._handle, oid)

    def family_of(self, occupation: Text) -> str:
        """The family of a canonical occupation (raises :class:`NotFoundError`)."""
        oid = _capi.jy_vocab_find_occupation(self._handle, occupation)
        return _capi.jy_vocab_family_name(self._handle,
                                          _capi.jy_vocab_occupation_family(self._handle, oid))

    def scan(self, text: Union[Text, bytearray, memoryview], longest: bool = False
             ) -> List[VocabMatch]:
        """The vocabulary words occurring in *text*, in text order.

        Nested words are all reported (``'货车司机'`` gives 货车司机, 货车 and
        司机) unless *longest*, which keeps the leftmost-longest ones without
        overlap. Offsets are character indexes into *text*.
        """
        flags = _capi.JY_VOCAB_LONGEST if longest else 0
        return [VocabMatch(s, o, f, b, e)
                for s, o, f, _oid, _fid, b, e in _capi.jypy_vocab_scan(self._handle, text, flags)]

    @property
    def occupations(self) -> List[str]:
        """The canonical occupations, in order of first appearance."""
        h = self._handle
        return [_capi.jy_vocab_occupation_name(h, i)
                for i in range(_capi.jy_vocab_occupation_count(h))]

    @property
    def families(self) -> List[str]:
        """The families, in order of first appearance."""
        h = self._handle
        return [_capi.jy_vocab_family_name(h, i) for i in range(_capi.jy_vocab_family_count(h))]

    def __len__(self) -> int:
        """The number of words (surface forms)."""
        return _capi.jy_vocab_surface_count(self._handle)

    def __repr__(self) -> str:
        h = self._handle
        return (f"<jiuye.Vocabulary {_capi.jy_vocab_surface_count(h)} words, "
                f"{_capi.jy_vocab_occupation_count(h)} occupations, "
                f"{_capi.jy_vocab_family_count(h)} families>")


# ---------------------------------------------------------------------------
# Ledgers: kinds of records and their fields


class Kind(_enum.IntEnum):
    """The kinds of ledger records (``jy_kind``); the numbers are the library's.

    ``str(kind)`` is the library's name of the kind (``'labor'``), the one
    used as ``type`` in JSON Lines; :attr:`label` is its Chinese name.
    Functions taking a kind accept a :class:`Kind`, its name (``'labor'``)
    or its number.
    """

    CONTRACT = _capi.JY_KIND_CONTRACT
    ENTERPRISE = _capi.JY_KIND_ENTERPRISE
    STAFF_SURVEY = _capi.JY_KIND_STAFF_SURVEY
    POSTING = _capi.JY_KIND_POSTING
    JOBSEEKER = _capi.JY_KIND_JOBSEEKER
    FOLLOWUP = _capi.JY_KIND_FOLLOWUP
    LABOR = _capi.JY_KIND_LABOR
    LABOR_CHANGE = _capi.JY_KIND_LABOR_CHANGE
    VERIFICATION = _capi.JY_KIND_VERIFICATION
    EVENT = _capi.JY_KIND_EVENT
    EVENT_ENTERPRISE = _capi.JY_KIND_EVENT_ENTERPRISE
    HIRE = _capi.JY_KIND_HIRE
    SHORTAGE = _capi.JY_KIND_SHORTAGE
    REVIEW = _capi.JY_KIND_REVIEW
    DELIVERY = _capi.JY_KIND_DELIVERY
    INCIDENT = _capi.JY_KIND_INCIDENT
    PUSH = _capi.JY_KIND_PUSH
    OVERRIDE = _capi.JY_KIND_OVERRIDE

    def __str__(self) -> str:
        return _capi.jy_kind_name(int(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    @property
    def label(self) -> str:
        """The Chinese name of the kind (``'劳动力资源信息'``)."""
        return _capi.jy_kind_label(int(self))

    @property
    def fields(self) -> List["FieldInfo"]:
        """The kind's fields, in catalogue order (see :func:`fields`)."""
        return fields(self)

    @classmethod
    def of(cls, kind: Union["Kind", str, int]) -> "Kind":
        """The :class:`Kind` of a name (``'labor'``), a number or a Kind.

        Raises :class:`NotFoundError` for an unknown name, :class:`InvalidError`
        for a number that is not a kind, TypeError for anything else.
        """
        if isinstance(kind, cls):
            return kind
        if isinstance(kind, str):
            return cls(_capi.jy_kind_from_name(kind))
        if isinstance(kind, int) and not isinstance(kind, bool):
            try:
                return cls(kind)
            except ValueError:
                raise InvalidError(f"{kind} is not a record kind") from None
        raise TypeError(f"a record kind must be a jiuye.Kind, str or int, not {type(kind).__name__}")


_kind = Kind.of

_FIELD_TYPES = {
    _capi.JY_FIELD_TEXT: "text",
    _capi.JY_FIELD_INTEGER: "integer",
    _capi.JY_FIELD_REAL: "real",
    _capi.JY_FIELD_BOOL: "bool",
    _capi.JY_FIELD_DATE: "date",
    _capi.JY_FIELD_LIST: "list",
    _capi.JY_FIELD_REFERENCE: "reference",
}
_INT64_MIN = -(1 << 63)
_INT64_MAX = (1 << 63) - 1


@_dataclass(frozen=True)
class FieldInfo:
    """What the catalogue says of one field of a kind of record.

    Attributes:
        name: the snake_case English name, the key in record dicts, JSON
            Lines and CSV headers.
        label: the Chinese label (also accepted as a CSV header).
        type: ``'text'``, ``'integer'``, ``'real'``, ``'bool'``, ``'date'``,
            ``'list'`` (a list of str) or ``'reference'`` (the id, an int, of
            a record of kind :attr:`ref_kind`).
        required: a record cannot be stored without it.
        personal: personal data (names, ID numbers, phones), masked on export.
        unique: no two records of the kind share a value (a natural key).
        readonly: set by the library (ids, derived values); ignored on input.
        format: the rule of a text field, or None: ``'id_number'``,
            ``'credit_code'``, ``'phone'``, ``'township'``, ``'village'``,
            ``'enum'``, ``'time'``.
        values: for ``'enum'``, the allowed values (a tuple), else None.
        value_labels: their Chinese labels (also accepted as input), or None.
        ref_kind: for references, the :class:`Kind` referred to, else None.
        min, max: for integers, the range allowed (None when unbounded).
        doc: one sentence of documentation, in English.
    """

    name: str
    label: str
    type: str
    required: bool
    personal: bool
    unique: bool
    readonly: bool
    format: Optional[str]
    values: Optional[Tuple[str, ...]]
    doc: str
    value_labels: Optional[Tuple[str, ...]] = None
    ref_kind: Optional[Kind] = None
    min: Optional[int] = None
    max: Optional[int] = None


def _field_info(d: dict) -> FieldInfo:
    flags = d["flags"]
    numeric = d["type"] in (_capi.JY_FIELD_INTEGER, _capi.JY_FIELD_REFERENCE, _capi.JY_FIELD_BOOL)
    return FieldInfo(
        name=d["name"], label=d["label"], type=_FIELD_TYPES.get(d["type"], "text"),
        required=bool(flags & _capi.JY_FIELD_REQUIRED),
        personal=bool(flags & _capi.JY_FIELD_PERSONAL),
        unique=bool(flags & _capi.JY_FIELD_UNIQUE),
        readonly=bool(flags & _capi.JY_FIELD_READONLY),
        format=d["format"],
        values=tuple(d["values"]) if d["values"] is not None else None,
        doc=d["doc"],
        value_labels=tuple(d["value_labels"]) if d["value_labels"] is not None else None,
        ref_kind=Kind(d["ref_kind"]) if d["ref_kind"] else None,
        min=d["min"] if numeric and d["min"] != _INT64_MIN else None,
        max=d["max"] if numeric and d["max"] != _INT64_MAX else None)


_FIELDS_CACHE: dict = {}


def kinds() -> List[Kind]:
    """Every kind of ledger record, in the library's order."""
    return list(Kind)


def fields(kind: Union[Kind, str, int]) -> List[FieldInfo]:
    """The fields of a kind of record, in catalogue order (``id`` first).

    The catalogue is the documentation of record dicts, JSON Lines and CSV
    (docs/formats.md is generated from the same table).
    """
    k = _kind(kind)
    cached = _FIELDS_CACHE.get(k)
    if cached is None:
        cached = tuple(_field_info(_capi.jy_kind_field_at(k, i))
                       for i in range(_capi.jy_kind_field_count(k)))
        _FIELDS_CACHE[k] = cached
    return list(cached)


# ---------------------------------------------------------------------------
# Ledgers: the database

_RECORD_WARNINGS = (
    (_capi.JY_WARN_REGION_NOT_IN_FORCE, "region_not_in_force"),
    (_capi.JY_WARN_LEGACY_15, "legacy_15"),
    (_capi.JY_WARN_LABOR_AGE, "labor_age"),
    (_capi.JY_WARN_DERIVED_MISMATCH, "derived_mismatch"),
)


def _warning_names(bits: int) -> FrozenSet[str]:
    names = set()
    for bit, name in _RECORD_WARNINGS:
        if bits & bit:
            names.add(name)
            bits &= ~bit
    bit = 1
    while bits:
        if bits & bit:
            names.add(f"warning_0x{bit:x}")
            bits &= ~bit
        bit <<= 1
    return frozenset(names)


@_dataclass(frozen=True)
class SaveResult:
    """What :meth:`Database.save` did.

    Attributes:
        id: the id of the stored record.
        updated: True if a stored record with the same natural key (a labor
            record's ID number, an enterprise's credit code or name) was updated,
            False if the record was added.
        changes: the number of fields an update changed (0 for an addition).
        warnings: names of the warnings for accepted but implausible values:
            ``'labor_age'`` (not aged 16 to 60 on the survey date),
            ``'derived_mismatch'`` (a given gender or birth date disagreed with
            the ID number and was replaced), ``'region_not_in_force'``,
            ``'legacy_15'`` (see :class:`IdNumber`).
    """

    id: int
    updated: bool
    changes: int
    warnings: FrozenSet[str]


# "labor: field 'id_number': checksum": the field of a rule's message.
_FIELD_IN_MESSAGE = _re.compile(r"^[a-z_]+: field '([A-Za-z0-9_]+)'")


def _name_field(e: BaseException) -> None:
    """Sets ``field`` on a ledger error from its message when it names one."""
    if isinstance(e, Error) and getattr(e, "field", None) is None:
        m = _FIELD_IN_MESSAGE.match(str(e))
        if m:
            try:
                e.field = m.group(1)
            except AttributeError:
                pass


def _date_arg(value, what: str) -> _datetime.date:
    if isinstance(value, _datetime.datetime):
        raise TypeError(f"{what} must be a datetime.date or str, not datetime.datetime")
    if isinstance(value, _datetime.date):
        return value
    if isinstance(value, (str, bytes)):
        return parse_date(value)
    raise TypeError(f"{what} must be a datetime.date or str, not {type(value).__name__}")


def _filter(kind: Kind, start, end, township, subkind, enterprise_id) -> dict:
    f = {"kind": int(kind)}
    if start is not None:
        f["from"] = _date_arg(start, "start")
    if end is not None:
        f["to"] = _date_arg(end, "end")
    if township is not None:
        if isinstance(township, Village):
            raise TypeError("township must be a township (code, name or Township), not a Village")
        f["township"] = _query_arg(township, "township")
    if subkind is not None:
        if not isinstance(subkind, (str, bytes)):
            raise TypeError(f"subkind must be str, not {type(subkind).__name__}")
        f["subkind"] = subkind
    if enterprise_id is not None:
        if isinstance(enterprise_id, bool) or not isinstance(enterprise_id, int):
            raise TypeError(f"enterprise_id must be an int, not {type(enterprise_id).__name__}")
        f["enterprise_id"] = enterprise_id
    return f


def _new_record(kind: Kind, values) -> "_capi.jy_record":
    record = _capi.jy_record_new(int(kind))
    _capi.jypy_record_update(record, values)
    return record


def _check_id(values, record_id: int) -> None:
    given = values.get("id") if hasattr(values, "get") else None
    if given is not None and given != record_id:
        raise InvalidError(f"the values hold id {given!r}, not the id {record_id} given")


class Database:
    """A database of a county's ledgers (台账): one SQLite file, or memory.

    ``Database()`` opens a private in-memory database; ``Database(path)``
    opens a file, creating it (for the Xingan profile built into the
    library, or the county of *county_file*) unless ``create=False``. An
    older file is upgraded in place; a file written by a newer library
    raises :class:`VersionError` and is left untouched. Several processes
    (and several Database objects) may share a file: a write waits up to
    *busy_timeout_ms* for a lock another one holds, then raises
    :class:`BusyError`. *key* opens (or creates) an encrypted file, in
    builds with SQLCipher only (others raise :class:`InvalidError`); a
    missing or wrong key raises :class:`StorageError`.

    Records are dicts ``{field name: value}`` with typed values: ``str``,
    ``int``, ``float``, ``bool``, :class:`datetime.date`, a list of ``str``
    (list fields) and ``int`` ids for references. Records read back hold the
    set fields only: None never appears, an unset field is absent. On input,
    ``str`` values are parsed as the library's importers do (``'12'``,
    ``'2026年3月5日'``, ``'是'``, ``'电工、焊工'``), None clears a field, and a
    ``type`` key naming the record's kind is ignored (so JSON Lines objects
    can be passed as they are). :func:`fields` describes every field.

    Storing a record checks every rule of its kind first (required fields,
    ID numbers, credit codes, phones, townships and villages of the county,
    references to existing records, ranges, fields in order) and normalizes
    it (canonical ID numbers and phones, townships and villages as codes);
    a broken rule raises :class:`InvalidError` (a ValueError) whose message
    names the kind, the field and the rule, and whose ``field`` is the
    field; nothing is written. A reference to a missing record raises
    :class:`NotFoundError`, a taken unique value :class:`ExistsError`.

    Values are returned in clear, personal data included: whoever holds the
    Database holds the data. Exports (:meth:`export_file`) mask names, ID
    numbers and phones unless ``unmask=True`` is given.

    Use it as a context manager, or call :meth:`close`; it is also closed
    when garbage collected. After :meth:`close` every method raises
    :class:`InvalidError`, and so do iterators still open on it.

    Threads: a Database may be used from several threads, one call at a
    time (calls wait for each other; database calls let other Python
    threads run meanwhile). For parallel work open one Database per thread
    on the same file. A transaction belongs to the Database, not to a thread.
    """

    __slots__ = ("_handle", "_path", "_lock", "_owner", "_iters", "_dead", "_tokens",
                 "_in_tx", "__weakref__")

    def __init__(self, path: Union[str, bytes, "_os.PathLike[str]"] = ":memory:", *,
                 create: bool = True, readonly: bool = False, busy_timeout_ms: int = 5000,
                 county_file: Union[str, bytes, "_os.PathLike[str]", None] = None,
                 key: Optional[str] = None) -> None:
        self._handle = None
        self._path = _os.fspath(path)
        self._lock = _threading.Lock()
        self._owner = None
        self._iters = {}
        self._dead = []
        self._tokens = _itertools.count(1)
        self._in_tx = False
        flags = (_capi.JY_DB_CREATE if create else 0) | (_capi.JY_DB_READONLY if readonly else 0)
        if isinstance(busy_timeout_ms, bool) or not isinstance(busy_timeout_ms, int):
            raise TypeError("busy_timeout_ms must be an int")
        opts = {"flags": flags, "busy_timeout_ms": busy_timeout_ms}
        if county_file is not None:
            opts["county_file"] = _os.fsencode(county_file)
        if key is not None:
            opts["key"] = key
        self._handle = _capi.jy_db_open(_os.fsencode(path), opts)

    # -- lifecycle --

    def _enter(self) -> None:
        """Takes the database for one call (raises if it is closed)."""
        me = _threading.get_ident()
        if self._owner == me:
            raise InvalidError("the database is busy with a call of this thread "
                               "(a callback cannot use the database that called it)")
        self._lock.acquire()
        self._owner = me
        if self._handle is None:
            self._leave()
            raise InvalidError("the database is closed")

    def _leave(self) -> None:
        dead = self._dead
        if dead:
            # Iterators dropped while the database was busy: free them now.
            self._dead = []
            for token in dead:
                self._iters.pop(token, None)
        self._owner = None
        self._lock.release()

    def _call(self, function, *args):
        """``function(db_handle, *args)`` under the lock; a rule's field named."""
        self._enter()
        try:
            return function(self._handle, *args)
        except Error as e:
            _name_field(e)
            raise
        finally:
            self._leave()

    def _forget(self, token: int) -> None:
        # Called by an iterator's finalizer, perhaps while another thread (or
        # this one, higher up the stack) holds the lock: never wait for it.
        if self._lock.acquire(False):
            try:
                self._iters.pop(token, None)
            finally:
                self._lock.release()
        else:
            self._dead.append(token)

    def close(self) -> None:
        """Close the database: open iterators are closed first, an open
        transaction is rolled back. Closing twice is allowed and does nothing.
        """
        if self._owner == _threading.get_ident():
            raise InvalidError("the database cannot be closed by a callback of its own call")
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._handle is None:
            return
        self._iters.clear()       # every statement is finalized before the database
        self._dead = []
        self._in_tx = False
        self._handle = None       # the last reference: jy_db_close() runs now

    def __del__(self) -> None:
        # Nothing else can use an object being finalized: no lock needed, and
        # the iterators' statements are still freed before the database.
        try:
            self._close()
        except AttributeError:    # __init__ failed before setting everything
            pass

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has been called."""
        return self._handle is None

    def __enter__(self) -> "Database":
        if self._handle is None:
            raise InvalidError("the database is closed")
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._handle is None else "open"
        return f"<jiuye.Database {self._path!r} ({state})>"

    # -- properties --

    @property
    def path(self) -> Union[str, bytes]:
        """The path given when opening (``':memory:'`` for a memory database)."""
        return self._path

    @property
    def county(self) -> County:
        """The county whose ledgers the database holds, as a read-only
        :class:`County` (townships and villages can be looked up in it).
        It raises :class:`InvalidError` once the database is closed."""
        if self._handle is None:
            raise InvalidError("the database is closed")
        return _DatabaseCounty._of(self)

    @property
    def schema_version(self) -> int:
        """The schema version of the file (after any upgrade)."""
        return self._call(_capi.jy_db_schema_version)

    @property
    def in_transaction(self) -> bool:
        """True between :meth:`begin` and :meth:`commit` or :meth:`rollback`."""
        return self._in_tx

    # -- transactions --

    def begin(self) -> None:
        """Start a transaction: the writes that follow become visible to
        others, and durable, together at :meth:`commit`, or not at all.

        Transactions do not nest (:class:`InvalidError`). Beginning takes the
        write lock at once, so a busy file raises :class:`BusyError` here.
        Prefer :meth:`transaction`.
        """
        self._enter()
        try:
            _capi.jy_db_begin(self._handle)
            self._in_tx = True
        finally:
            self._leave()

    def commit(self) -> None:
        """Commit the open transaction (:class:`InvalidError` if none is open).

        If the commit fails with :class:`BusyError` the transaction stays open
        (retry, or roll back); after any other failure it is rolled back.
        """
        self._enter()
        try:
            try:
                _capi.jy_db_commit(self._handle)
            except BusyError:
                raise
            except Error:
                self._in_tx = False
                raise
            self._in_tx = False
        finally:
            self._leave()

    def rollback(self) -> None:
        """Roll back the open transaction: none of its writes remain."""
        self._enter()
        try:
            self._in_tx = False
            _capi.jy_db_rollback(self._handle)
        finally:
            self._leave()

    def optimize(self) -> None:
        """Rewrite the file compactly (SQLite's VACUUM) after a bulk import
        or a year of daily writes: a new connection's first scorecard and
        reports then read fewer pages. Nothing stored changes. Takes the
        write lock for the rewrite (about a second for a county year).
        :class:`InvalidError` inside a transaction, while an iterator of
        :meth:`records` is open, or on a read-only database;
        :class:`BusyError` when another connection keeps the write lock.
        """
        self._enter()
        try:
            _capi.jy_db_optimize(self._handle)
        finally:
            self._leave()

    @_contextlib.contextmanager
    def transaction(self) -> Iterator["Database"]:
        """A transaction as a ``with`` block: committed at the end of the
        block, rolled back if the block raises (the exception then goes on)::

            with db.transaction():
                e = db.add("enterprise", {...})
                db.add("posting", {"enterprise_id": e, ...})
        """
        self.begin()
        try:
            yield self
        except BaseException:
            if self._in_tx and self._handle is not None:
                self.rollback()
            raise
        try:
            self.commit()
        except BaseException:
            if self._in_tx and self._handle is not None:
                self.rollback()
            raise

    # -- records --

    def check(self, kind: Union[Kind, str, int], values) -> Tuple[dict, FrozenSet[str]]:
        """Check a record against every rule of its kind without storing it.

        Returns ``(record, warnings)``: the record normalized exactly as
        storing it would (canonical ID numbers and phones, townships and
        villages as codes, derived fields such as a labor record's birth date
        and gender) and the names of the warnings (see :class:`SaveResult`).
        Raises as :meth:`add` does.
        """
        record = _new_record(_kind(kind), values)
        warnings = self._call(_capi.jy_ledger_check, record)
        return _capi.jypy_record_values(record), _warning_names(warnings)

    def add(self, kind: Union[Kind, str, int], values) -> int:
        """Add a new record and return its id (an ``id`` in *values* is ignored).

        Raises :class:`InvalidError` for a broken rule (the message names the
        kind, the field and the rule; ``field`` is the field),
        :class:`NotFoundError` for an unknown field or a reference to a
        record that does not exist, :class:`ExistsError` when a unique value
        (an ID number, a credit code, an enterprise name) is taken, TypeError
        for a value of a Python type no field takes.
        """
        record = _new_record(_kind(kind), values)
        return self._call(_capi.jy_ledger_add, record)

    def save(self, kind: Union[Kind, str, int], values) -> SaveResult:
        """Add a record, or update the one with the same natural key.

        The natural key is the ID number for labor records and the credit
        code or the name for enterprises (other kinds are always added). An
        update keeps the stored values of the fields *values* leaves out (so
        the key and what changed are enough) and, for labor records, keeps a
        dated history of each change (kind ``'labor_change'``, dated by the
        record's ``surveyed_on``). An ``id`` in *values* is ignored. Raises as
        :meth:`add`.
        """
        record = _new_record(_kind(kind), values)
        r = self._call(_capi.jy_ledger_save, record)
        return SaveResult(id=r["id"], updated=r["updated"], changes=r["changes"],
                          warnings=_warning_names(r["warnings"]))

    def get(self, kind: Union[Kind, str, int], id: int) -> dict:
        """The record of a kind with an id, as a dict of its set fields.

        Personal data comes back in clear (it is masked by exports only).
        Raises :class:`NotFoundError` (a KeyError) if there is no such record.
        """
        record = self._call(_capi.jy_ledger_get, int(_kind(kind)), id)
        return _capi.jypy_record_values(record)

    def update(self, kind: Union[Kind, str, int], id: int, values) -> None:
        """Change some fields of a stored record, as ``dict.update`` does:
        fields left out of *values* keep their stored values, a field given
        None becomes unset. The whole record is then checked as :meth:`add`
        does; labor records get history entries for the fields that changed.

        Raises :class:`NotFoundError` if there is no such record.
        """
        k = _kind(kind)
        _check_id(values, id)
        self._enter()
        try:
            own = not self._in_tx        # else: part of the caller's transaction
            if own:
                _capi.jy_db_begin(self._handle)
                self._in_tx = True
            try:
                record = _capi.jy_ledger_get(self._handle, int(k), id)
                _capi.jypy_record_update(record, values)
                _capi.jy_ledger_update(self._handle, record)
                if own:
                    try:
                        _capi.jy_db_commit(self._handle)
                    except BusyError:
                        raise                # still open: rolled back below
                    except Error:
                        self._in_tx = False  # the library rolled it back
                        raise
                    self._in_tx = False
            except BaseException as e:
                if own and self._in_tx:
                    self._in_tx = False
                    _capi.jy_db_rollback(self._handle)
                _name_field(e)
                raise
        finally:
            self._leave()

    def replace(self, kind: Union[Kind, str, int], id: int, values) -> None:
        """Replace a stored record with *values* entirely: fields left out
        become unset. Checked as :meth:`add`; labor records get history
        entries. Raises :class:`NotFoundError` if there is no such record.
        """
        k = _kind(kind)
        _check_id(values, id)
        record = _new_record(k, values)
        _capi.jypy_record_update(record, {"id": id})
        self._call(_capi.jy_ledger_update, record)

    def delete(self, kind: Union[Kind, str, int], id: int) -> None:
        """Delete a record.

        Raises :class:`NotFoundError` if there is none with that id and
        :class:`ConstraintError` if other records refer to it (delete them
        first).
        """
        self._call(_capi.jy_ledger_delete, int(_kind(kind)), id)

    def records(self, kind: Union[Kind, str, int], *, start=None, end=None, township=None,
                subkind=None, enterprise_id: Optional[int] = None) -> "Records":
        """Iterate over the records of a ledger, in id order, as dicts.

        Filters (None does not filter): *start* and *end*, the first and last
        day (inclusive; :class:`datetime.date` or a date string) on the kind's
        date field (a posting's ``published_on``, a labor record's
        ``surveyed_on``...); *township*, a code, a name or a
        :class:`Township`; *subkind*, a value of the kind's classifying field
        (an event's ``kind`` such as ``'live_show'``, a posting's
        ``'gig'``...); *enterprise_id*, the records of one enterprise. A
        filter the kind has no field for raises :class:`InvalidError`.

        The iterator holds the database open; :meth:`close` on the database
        closes it too (it then raises :class:`InvalidError`). Close it early
        with its ``close()`` or a ``with`` block.
        """
        k = _kind(kind)
        f = _filter(k, start, end, township, subkind, enterprise_id)
        self._enter()
        try:
            handle = _capi.jy_ledger_iter_new(self._handle, f)
            token = next(self._tokens)
            self._iters[token] = handle
            del handle
        except Error as e:
            _name_field(e)
            raise
        finally:
            self._leave()
        return Records._new(self, token, k)

    def assess(self, start, end, rules: Union[str, bytes, "_os.PathLike[str]", None] = None, *,
               calendar: Optional["Calendar"] = None) -> "Scorecard":
        """Score the period *start* .. *end* (dates, both included) against
        the scoring table (考核细则表): the default rule set, or the rule file
        *rules* (docs/rules.md); *calendar* adds years to the built-in 2026
        one. A period shorter than the contract year shows the progress of
        annual targets without deducting for them.

        Raises :class:`RangeError` when the calendar does not cover the
        period, :class:`InvalidError` (or :class:`ParseError`) for a bad rule
        file, with its location, :class:`FileError` when it cannot be read.
        """
        start = _date_arg(start, "start")
        end = _date_arg(end, "end")
        path = None if rules is None else _os.fsdecode(rules)
        cal = None if calendar is None else calendar._live()
        text = self._call(_capi.jy_swig_assess_json, start, end, path, cal)
        return Scorecard(text)

    def metric(self, name: str, start, end, *, params: Optional[dict] = None,
               calendar: Optional["Calendar"] = None, contract_start=None) -> dict:
        """One metric of the scoring table over *start* .. *end* (dates, both
        included), as the scorecard computes it for a check: *name* is the
        metric's (a check's ``metric`` in the scorecard JSON, docs/rules.md),
        *params* its standards (e.g. ``{"min_minutes": 60}``; None: the
        seed's), *calendar* the working days (None: the built-in one),
        *contract_start* the signing date (for the deadlines inside the
        contract year; None: *start*).

        Returns ``{"metric", "value", "records": {"kind", "role", "ids",
        "total"}, "note"}``: ``value`` is None when nothing was measured (a
        fact not recorded); ``records`` the evidence (the first ids of the
        records counted or failing, in ascending order, and their total),
        None when the metric lists none.

        Raises :class:`NotFoundError` for an unknown metric,
        :class:`InvalidError` for bad dates or parameters (naming the
        parameter), :class:`RangeError` when the calendar does not cover the
        period.
        """
        start = _date_arg(start, "start")
        end = _date_arg(end, "end")
        signed = start if contract_start is None else _date_arg(contract_start, "contract_start")
        text = None if params is None else _json.dumps(params, ensure_ascii=False)
        cal = None if calendar is None else calendar._live()
        m = self._call(_capi.jy_swig_metric, name, start, end, cal, signed, text)
        kind = _capi.jy_measure_record_kind(m)
        records = None
        if kind is not None:
            records = {"kind": kind, "role": _capi.jy_measure_record_role(m),
                       "ids": [_capi.jy_measure_id_at(m, i)
                               for i in range(_capi.jy_measure_id_count(m))],
                       "total": _capi.jy_measure_id_total(m)}
        return {"metric": name,
                "value": _capi.jy_measure_value(m) if _capi.jy_measure_has_value(m) else None,
                "records": records, "note": _capi.jy_measure_note(m)}

    def push(self, date=None, *, top_k: int = 5, threads: int = 0, channel: str = "platform",
             dry_run: bool = False) -> dict:
        """The daily push (精准匹配推送) for *date* (default: today): every
        jobseeker with a resume on the platform gets the best open postings
        not pushed to them before, recorded in the ``push`` ledger in one
        transaction (again for the same day: the same rows). Returns the
        counts: ``postings_open, postings_rejected`` (open postings the
        matcher refused, left out), ``jobseekers, pushed, postings_pushed,
        no_match, nothing_new, county_resumes, county_covered`` (indicator
        3.2) and the seconds of each step."""
        day = _datetime.date.today() if date is None else _date_arg(date, "date")
        opts = {"top_k": top_k, "threads": threads, "channel": channel, "dry_run": dry_run}
        return self._call(_capi.jy_push_run, day, opts)

    def count(self, kind: Union[Kind, str, int], *, start=None, end=None, township=None,
              subkind=None, enterprise_id: Optional[int] = None) -> int:
        """The number of records :meth:`records` would give with the same filters."""
        k = _kind(kind)
        return self._call(_capi.jy_ledger_count,
                          _filter(k, start, end, township, subkind, enterprise_id))

    # -- import and export --

    def _import(self, function, source, kind, format, mode, encoding, on_reject, on_progress):
        opts = {"format": _option(_FORMATS, format, "format"),
                "mode": _option(_MODES, mode, "mode"),
                "encoding": _option(_ENCODINGS, encoding, "encoding")}
        if kind is not None:
            opts["kind"] = int(_kind(kind))
        collected = None
        if on_reject is None:
            collected = []
            sink = collected.append
        elif isinstance(on_reject, list):
            sink = on_reject.append
        elif callable(on_reject):
            sink = on_reject
        else:
            raise TypeError("on_reject must be callable, a list or None")
        first = []

        def on_reject(d):
            reject = _reject(d)
            if not first:
                first.append(reject)
            sink(reject)

        opts["on_reject"] = on_reject
        if on_progress is not None:
            if not callable(on_progress):
                raise TypeError("on_progress must be callable or None")
            opts["on_progress"] = on_progress
        rejects = ()
        self._enter()
        try:
            stats = function(self._handle, source, opts)
        except Error as e:
            if collected is not None:
                rejects = tuple(collected)
            e.rejects = rejects if collected is not None else None
            st = getattr(e, "stats", None)
            e.result = ImportResult(rejects=rejects, **st) if st else None
            if first and e.line is None and e.field is None:
                # Where: the first record rejected.
                r = first[0]
                e.source, e.record, e.line, e.column, e.field, e.detail = (
                    r.source, r.record, r.line, r.column, r.field, r.reason)
            raise
        finally:
            self._leave()
        if collected is not None:
            rejects = tuple(collected)
        return ImportResult(rejects=rejects, **stats)

    def import_file(self, path: Union[str, bytes, "_os.PathLike[str]"],
                    kind: Union[Kind, str, int, None] = None, *, format: Optional[str] = None,
                    mode: str = "all", encoding: str = "auto", on_reject=None,
                    on_progress=None) -> "ImportResult":
        """Import a JSON Lines or CSV file into the ledgers.

        *format* is ``'jsonl'``, ``'csv'`` or None (from the file name: a
        ``.csv`` file is CSV, anything else JSON Lines). *kind* is required
        for CSV; for JSON Lines, None takes each line's ``type``, a kind
        makes every line of that kind. Input is UTF-8 (with or without a
        byte-order mark) or GB18030/GBK, recognized with ``encoding='auto'``
        or forced with ``'utf-8'`` or ``'gb18030'``.

        Records are checked and stored as :meth:`save` does: labor records of
        people already stored and enterprises with a known credit code
        update them. Ids in the file are local to it: references to the id
        of a record of the same file follow that record.

        *mode* ``'all'`` stores everything or nothing: one bad record and
        :class:`InvalidError` is raised, nothing stored; ``'keep_good'``
        stores the good records and skips the bad ones.

        Every bad record is reported as a :class:`Reject` (line, field,
        reason): to *on_reject* when it is callable, appended to it when it
        is a list, else collected in the result's ``rejects``. *on_progress*,
        if given, is called as ``on_progress(records_done, bytes_done,
        bytes_total)`` now and then (``bytes_total`` is 0 when unknown). An
        exception raised by a callback stops the import and goes on (in
        ``'all'`` mode nothing is stored).

        Returns an :class:`ImportResult`. An import that fails raises the
        library's error with ``result`` (the :class:`ImportResult` of what
        was done, or None) and ``rejects`` (as in the result, None when
        *on_reject* was given) attributes; when records were rejected, its
        ``source``, ``record``, ``line``, ``column``, ``field`` and
        ``detail`` say where and why the first one was.
        The database must not be in a transaction (:class:`InvalidError`).
        """
        return self._import(_capi.jy_import_file, _os.fsencode(path), kind, format, mode,
                            encoding, on_reject, on_progress)

    def import_text(self, data: Union[Text, bytearray, memoryview],
                    kind: Union[Kind, str, int, None] = None, *, format: Optional[str] = None,
                    mode: str = "all", encoding: str = "auto", on_reject=None,
                    on_progress=None) -> "ImportResult":
        """Import JSON Lines or CSV held in memory (str, or bytes in UTF-8 or
        GB18030), as :meth:`import_file` does. *format* None means JSON Lines.
        """
        return self._import(_capi.jy_import_buffer, data, kind, format, mode, encoding,
                            on_reject, on_progress)

    def _export_options(self, kind, format, unmask, csv_labels, bom, filters) -> dict:
        opts = {"format": _option(_FORMATS, format, "format"),
                "flags": _capi.JY_EXPORT_UNMASK if unmask else 0,
                "csv_labels": bool(csv_labels), "bom": bool(bom)}
        if kind is not None:
            k = _kind(kind)
            opts["kind"] = int(k)
            if any(v is not None for v in filters):
                opts["filter"] = _filter(k, *filters)
        elif any(v is not None for v in filters):
            raise TypeError("filters need a kind")
        return opts

    def export_file(self, path: Union[str, bytes, "_os.PathLike[str]"],
                    kind: Union[Kind, str, int, None] = None, *, format: Optional[str] = None,
                    unmask: bool = False, csv_labels: bool = True, bom: bool = True,
                    start=None, end=None, township=None, subkind=None,
                    enterprise_id: Optional[int] = None) -> int:
        """Export ledgers to a JSON Lines or CSV file (created or replaced);
        return the number of records written.

        *format* is ``'jsonl'``, ``'csv'`` or None (from the file name).
        *kind* is required for CSV; for JSON Lines None exports every kind,
        referenced kinds first, so that the file imports back into an empty
        database. The filters (*start*, *end*, *township*, *subkind*,
        *enterprise_id*, as for :meth:`records`) need a kind.

        Personal data (names, ID numbers, phones) is masked unless *unmask*
        is True: use it only where the law and the contract allow.

        CSV: *csv_labels* (default) writes Chinese headers, enumerations as
        their Chinese labels, booleans as 是/否 and places by name, for
        spreadsheets; False writes field names and values as in JSON Lines
        (both import back). *bom* starts the file with a UTF-8 byte-order
        mark, so that spreadsheet programs recognize UTF-8.
        """
        opts = self._export_options(kind, format, unmask, csv_labels, bom,
                                    (start, end, township, subkind, enterprise_id))
        return self._call(_capi.jy_export_file, _os.fsencode(path), opts)

    def export_text(self, kind: Union[Kind, str, int, None] = None, *,
                    format: Optional[str] = None, unmask: bool = False,
                    csv_labels: bool = True, bom: bool = False, start=None, end=None,
                    township=None, subkind=None, enterprise_id: Optional[int] = None) -> str:
        """Export ledgers as text (JSON Lines unless *format* is ``'csv'``),
        as :meth:`export_file` does; no byte-order mark unless *bom*.
        """
        opts = self._export_options(kind, format, unmask, csv_labels, bom,
                                    (start, end, township, subkind, enterprise_id))
        text, _count = self._call(_capi.jy_export_buffer, opts)
        return text


    # -- reports and the big screen -------------------------------------------

    def report(self, kind: str, start, end, *, staff_survey_target: Optional[int] = None,
               top: Optional[int] = None) -> "Report":
        """Compute a report from the ledgers for the period *start* to *end*
        (dates or ``'YYYY-MM-DD'``): one of :func:`report_kinds`
        (``'quarterly_labor'``, ``'returnee_monthly'``, ``'staff_survey'``,
        ``'quarterly_enterprise_service'``, ``'quarterly_labor_service'``).

        *staff_survey_target* (default 600) and *top* (rows of the
        most-frequent tables, default 10) adjust it. Raises
        :class:`NotFoundError` for an unknown kind, :class:`InvalidError`
        for a bad period.
        """
        opts = None
        if staff_survey_target is not None or top is not None:
            opts = {}
            if staff_survey_target is not None:
                opts["staff_survey_target"] = staff_survey_target
            if top is not None:
                opts["top"] = top
        handle = self._call_plain(_capi.jy_report_build, kind, _date_arg(start, "start"),
                                  _date_arg(end, "end"), opts)
        return Report._wrap(handle)

    def _call_plain(self, function, *args):
        """``function(*args[:1], db_handle, *args[1:])`` for report builders,
        whose database comes after the output."""
        self._enter()
        try:
            return function(self._handle, *args)
        finally:
            self._leave()

    def _reports(self, what, start, end) -> List["Report"]:
        items = what if isinstance(what, (list, tuple)) else [what]
        out = []
        for item in items:
            if isinstance(item, Report):
                out.append(item)
            else:
                if start is None or end is None:
                    raise TypeError("a report needs start and end")
                out.append(self.report(item, start, end))
        return out

    @staticmethod
    def _is_ledger(what) -> bool:
        if isinstance(what, (Report, list, tuple)):
            return False
        if isinstance(what, (Kind, int)):
            return True
        return _capi.jy_report_kind_title(what) is None

    def write_csv(self, what, path: Union[str, bytes, "_os.PathLike[str]"], start=None,
                  end=None, *, unmask: bool = False) -> None:
        """Write a report or a ledger as CSV for spreadsheets (UTF-8 with a
        byte-order mark, CRLF, Chinese headers).

        *what* is a :class:`Report`, a report kind (computed for *start* to
        *end*), or a ledger kind (every record, or those dated from *start*
        to *end*; personal data masked unless *unmask*, which is audited).
        """
        if self._is_ledger(what):
            self.export_file(path, what, format="csv", unmask=unmask, start=start, end=end)
            return
        if unmask:
            raise InvalidError("reports hold counts, no personal data: unmask is for ledgers")
        (report,) = self._reports(what, start, end)
        report.write_csv(path)

    def write_xlsx(self, what, path: Union[str, bytes, "_os.PathLike[str]"], start=None,
                   end=None, *, unmask: bool = False) -> None:
        """Write reports or a ledger as an Excel workbook (``.xlsx``).

        *what* is a :class:`Report`, a report kind, a list of them (a sheet
        each), or a ledger kind (as :meth:`write_csv`; None: every kind, a
        sheet each). Raises :class:`NotSupportedError` when the library was
        built without libxlsxwriter.
        """
        if what is None or self._is_ledger(what):
            self.export_file(path, what, format="xlsx", unmask=unmask, start=start, end=end)
            return
        if unmask:
            raise InvalidError("reports hold counts, no personal data: unmask is for ledgers")
        reports = self._reports(what, start, end)
        _capi.jy_report_write_xlsx([r._handle for r in reports], _os.fsencode(path))

    def dashboard(self, path: Union[str, bytes, "_os.PathLike[str]"], start, end, *,
                  indicators=True, rules: Union[str, bytes, "_os.PathLike[str]", None] = None,
                  calendar: Optional["Calendar"] = None) -> "Report":
        """Write the big screen (就业之家大屏) for *start* to *end*: one
        self-contained HTML page for a 1920×1080 wall screen. Return its
        figures as a :class:`Report`.

        By default (*indicators* ``True``) the page shows the indicators of
        the scoring table against their targets, red/amber/green, with
        warnings for annual targets at risk: the period is assessed as by
        :meth:`assess` (*rules* and *calendar* as there; :class:`RangeError`
        when the calendar does not cover the period). ``False`` leaves the
        panel out. A list of dicts with ``id``, ``label``, ``value``,
        ``target`` and optionally ``unit``, ``status`` (``'green'``,
        ``'amber'``, ``'red'``) and ``warning`` shows those instead.
        """
        handle = self._call_plain(_capi.jy_dashboard_new, _date_arg(start, "start"),
                                  _date_arg(end, "end"))
        if indicators is True:
            path_rules = None if rules is None else _os.fsdecode(rules)
            cal = None if calendar is None else calendar._live()
            self._call(_capi.jy_swig_dashboard_assess, handle, _date_arg(start, "start"),
                       _date_arg(end, "end"), path_rules, cal)
            indicators = ()
        elif indicators is False or indicators is None:
            indicators = ()
        for ind in indicators or ():
            status = _RAG.get(ind.get("status"), None)
            if status is None:
                raise InvalidError(f"indicator status must be one of {sorted(k for k in _RAG if k)}")
            _capi.jy_dashboard_add_indicator(handle, str(ind["id"]), ind["label"],
                                             float(ind["value"]), float(ind.get("target") or 0),
                                             ind.get("unit"), status, ind.get("warning"))
        _capi.jy_dashboard_render(handle, _os.fsencode(path))
        # The figures are borrowed from the dashboard: the Report keeps it.
        return Report._wrap(_capi.jy_dashboard_data(handle), keep=handle)


class ScoreIndicator:
    """A sub-indicator of a scorecard ("1.1" ... "15.2"): ``id``, ``text``,
    ``status`` (``'met'``, ``'failed'``, ``'on_track'``, ``'warning'``,
    ``'not_judged'``), ``met`` (True, False or None),
    ``value``, ``target``, ``unit``, ``deduction``, ``computed_deduction``,
    ``bonus``, ``override`` (a dict or None), ``evidence`` (a dict) and
    ``checks`` (a list of dicts), as in the JSON of docs/rules.md."""

    __slots__ = ("id", "text", "status", "met", "value", "target", "unit", "deduction",
                 "computed_deduction", "bonus", "override", "evidence", "checks")

    def __init__(self, d: dict) -> None:
        self.id = d["id"]
        self.text = d.get("text", "")
        self.status = d["status"]
        self.met = d["met"]
        self.value = d["value"]
        self.target = d["target"]
        self.unit = d.get("unit", "")
        self.deduction = d["deduction"]
        self.computed_deduction = d.get("computed_deduction", d["deduction"])
        self.bonus = d.get("bonus", 0)
        self.override = d.get("override")
        self.evidence = d["evidence"]
        self.checks = d.get("checks", [])

    def __repr__(self) -> str:
        return (f"ScoreIndicator({self.id!r}, {self.status}, value={self.value!r}, "
                f"target={self.target!r}, deduction={self.deduction!r})")


class ScoreItem:
    """An item (序号) of a scorecard: ``id``, ``name``, ``points``,
    ``deduction``, ``score``, ``bonus`` (True for the bonus item) and
    ``indicators`` (a list of :class:`ScoreIndicator`)."""

    __slots__ = ("id", "name", "points", "deduction", "score", "bonus", "indicators")

    def __init__(self, d: dict) -> None:
        self.id = d["id"]
        self.name = d["name"]
        self.points = d["points"]
        self.deduction = d["deduction"]
        self.score = d["score"]
        self.bonus = d.get("bonus", False)
        self.indicators = [ScoreIndicator(i) for i in d["indicators"]]

    def __repr__(self) -> str:
        return f"ScoreItem({self.id}, {self.name!r}, score={self.score!r})"


class Scorecard:
    """A scorecard made by :meth:`Database.assess`: ``start``, ``end``,
    ``annual`` (a whole contract year), ``contract_year`` (two dates),
    ``base``, ``deduction``, ``bonus``, ``total``, ``items`` (a list of
    :class:`ScoreItem`), ``incidents`` (a list of dicts); ``indicator(id)``
    finds a sub-indicator, ``to_json()`` gives the JSON of docs/rules.md and
    ``rows()`` one dict per sub-indicator, for ``pandas.DataFrame(card.rows())``.
    """

    def __init__(self, text: str) -> None:
        self._json = text
        d = _json.loads(text)
        self.rules = d.get("rules", "")
        self.start = _datetime.date.fromisoformat(d["from"])
        self.end = _datetime.date.fromisoformat(d["to"])
        cy = d["contract_year"]
        self.contract_year = (_datetime.date.fromisoformat(cy["from"]),
                              _datetime.date.fromisoformat(cy["to"]))
        self.annual = bool(d["annual"])
        self.base = d["base"]
        self.deduction = d["deduction"]
        self.bonus = d["bonus"]
        self.total = d["total"]
        self.items = [ScoreItem(i) for i in d["items"]]
        self.incidents = list(d["incidents"])

    def indicator(self, id: str) -> ScoreIndicator:
        """The sub-indicator *id* ("13.1"); :class:`NotFoundError` if none."""
        for item in self.items:
            for ind in item.indicators:
                if ind.id == id:
                    return ind
        raise NotFoundError(f"no sub-indicator {id!r} on this scorecard")

    def to_json(self) -> str:
        """The scorecard as JSON text (docs/rules.md)."""
        return self._json

    def rows(self) -> List[dict]:
        """One flat dict per sub-indicator: item, item_name, id, text,
        status, met, value, target, unit, deduction, computed_deduction,
        bonus, overridden, failed_buckets (comma-separated), note."""
        out = []
        for item in self.items:
            for ind in item.indicators:
                ev = ind.evidence or {}
                out.append({
                    "item": item.id, "item_name": item.name, "id": ind.id,
                    "text": ind.text, "status": ind.status, "met": ind.met,
                    "value": ind.value, "target": ind.target, "unit": ind.unit,
                    "deduction": ind.deduction,
                    "computed_deduction": ind.computed_deduction,
                    "bonus": ind.bonus, "overridden": ind.override is not None,
                    "failed_buckets": ",".join(ev.get("failed_buckets", [])),
                    "note": ev.get("note", ""),
                })
        return out

    def __repr__(self) -> str:
        return f"Scorecard({self.start} .. {self.end}, total={self.total!r})"


class Records:
    """An iterator over the records of a ledger, as dicts (made by
    :meth:`Database.records`).

    It keeps its database alive. Once the database is closed, ``next()``
    raises :class:`InvalidError`. Close it early (releasing its read of the
    database) with :meth:`close` or a ``with`` block; it is also closed when
    exhausted or garbage collected.
    """

    __slots__ = ("_db", "_token", "_kind", "__weakref__")

    def __init__(self, *args, **kwargs) -> None:
        raise TypeError("use Database.records()")

    @classmethod
    def _new(cls, db: Database, token: int, kind: Kind) -> "Records":
        self = object.__new__(cls)
        self._db = db
        self._token = token
        self._kind = kind
        return self

    @property
    def kind(self) -> Kind:
        """The kind of the records."""
        return self._kind

    def __iter__(self) -> "Records":
        return self

    def __next__(self) -> dict:
        db = self._db
        if db is None:
            raise StopIteration
        db._enter()
        try:
            handle = db._iters.get(self._token)
            if handle is None:
                raise InvalidError("the iterator is closed")
            try:
                record = _capi.jy_ledger_iter_next(handle)
            except StopIteration:
                db._iters.pop(self._token, None)
                self._db = None
                raise
            finally:
                del handle     # no reference may outlive the lock (see Database.close)
        finally:
            db._leave()
        return _capi.jypy_record_values(record)

    def close(self) -> None:
        """Release the iterator; it then gives no more records. Idempotent."""
        db = self._db
        if db is None:
            return
        self._db = None
        db._forget(self._token)

    def __enter__(self) -> "Records":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __del__(self) -> None:
        db = getattr(self, "_db", None)
        if db is not None:
            self._db = None
            db._forget(self._token)

    def __repr__(self) -> str:
        return f"<jiuye.Records of {self._kind}{'' if self._db is not None else ' (closed)'}>"


# ---------------------------------------------------------------------------
# Reports

_RAG = {None: _capi.JY_RAG_NONE, "none": _capi.JY_RAG_NONE, "green": _capi.JY_RAG_GREEN,
        "amber": _capi.JY_RAG_AMBER, "red": _capi.JY_RAG_RED}


def report_kinds() -> List[Tuple[str, str]]:
    """The built-in reports: ``[(kind, Chinese title), ...]``."""
    return [(_capi.jy_report_kind_at(i), _capi.jy_report_kind_title(_capi.jy_report_kind_at(i)))
            for i in range(_capi.jy_report_kind_count())]


def xlsx_available() -> bool:
    """Whether this build of the library writes ``.xlsx`` workbooks."""
    return bool(_capi.jy_xlsx_available())


@_dataclass(frozen=True)
class ReportSection:
    """One table of a report.

    Attributes:
        name: English name (``'employment'``).
        title: Chinese title.
        note: Chinese note, or None.
        columns: ``[(name, Chinese label), ...]``.
        rows: the data rows as dicts ``{column name: value}`` (numbers as
            int or float, percentages as ratios, text as str, empty cells as
            None): ``pandas.DataFrame(section.rows)`` works as it is.
        totals: the totals row (合计) as a dict, or None.
    """

    name: str
    title: str
    note: Optional[str]
    columns: Tuple[Tuple[str, str], ...]
    rows: List[dict]
    totals: Optional[dict]

    @property
    def labels(self) -> dict:
        """``{column name: Chinese label}``, to rename a DataFrame's columns."""
        return dict(self.columns)


def _number(v):
    if isinstance(v, float) and v.is_integer() and abs(v) < 2 ** 53:
        return int(v)
    return v


class Report:
    """A report computed from the ledgers (:meth:`Database.report`): a
    Chinese title, a period, notes and sections of tables.

    ``report['employment'].rows`` is a list of dicts (pandas-friendly);
    :meth:`rows` is the same by section name; :meth:`to_json` gives the
    documented JSON document; :meth:`to_csv`, :meth:`write_csv` and
    :meth:`write_xlsx` the files people open.
    """

    __slots__ = ("_handle", "_keep", "_json", "kind", "title", "start", "end", "notes",
                 "sections")

    def __init__(self, *args, **kwargs) -> None:
        raise TypeError("use Database.report()")

    @classmethod
    def _wrap(cls, handle, keep=None) -> "Report":
        import json as _json
        self = object.__new__(cls)
        self._handle = handle
        self._keep = keep
        self._json = _capi.jy_report_to_json(handle)
        d = _json.loads(self._json)
        self.kind = d["kind"]
        self.title = d["title"]
        self.start = _datetime.date.fromisoformat(d["from"])
        self.end = _datetime.date.fromisoformat(d["to"])
        self.notes = tuple(d["notes"])
        secs = []
        for sd in d["sections"]:
            rows = [{k: _number(v) for k, v in r.items()} for r in sd["rows"]]
            totals = ({k: _number(v) for k, v in sd["totals"].items()}
                      if sd["totals"] is not None else None)
            secs.append(ReportSection(sd["name"], sd["title"], sd["note"],
                                      tuple((c["name"], c["label"]) for c in sd["columns"]),
                                      rows, totals))
        self.sections = tuple(secs)
        return self

    def __getitem__(self, name: str) -> ReportSection:
        for s in self.sections:
            if s.name == name:
                return s
        raise NotFoundError(f"report '{self.kind}' has no section '{name}'")

    def rows(self, section: str) -> List[dict]:
        """The data rows of a section as a list of dicts."""
        return list(self[section].rows)

    def to_json(self) -> str:
        """The report as its JSON document (see docs/formats.md)."""
        return self._json

    def to_csv(self) -> str:
        """The report as CSV text for spreadsheets (starting with a
        byte-order mark, CRLF line ends)."""
        return _capi.jy_report_to_csv(self._handle)

    def write_csv(self, path: Union[str, bytes, "_os.PathLike[str]"]) -> None:
        """Write the report as a CSV file for Excel."""
        _capi.jy_report_write_csv(self._handle, _os.fsencode(path))

    def write_xlsx(self, path: Union[str, bytes, "_os.PathLike[str]"]) -> None:
        """Write the report as an Excel workbook (:class:`NotSupportedError`
        without libxlsxwriter)."""
        _capi.jy_report_write_xlsx([self._handle], _os.fsencode(path))

    def __repr__(self) -> str:
        return f"<jiuye.Report {self.kind} {self.start}..{self.end}: {len(self.sections)} sections>"


# ---------------------------------------------------------------------------
# Import and export: options and results

_FORMATS = {None: _capi.JY_FORMAT_AUTO, "auto": _capi.JY_FORMAT_AUTO,
            "jsonl": _capi.JY_FORMAT_JSONL, "csv": _capi.JY_FORMAT_CSV,
            "xlsx": _capi.JY_FORMAT_XLSX}
_MODES = {"all": _capi.JY_IMPORT_ALL, "keep_good": _capi.JY_IMPORT_KEEP_GOOD,
          "keep-good": _capi.JY_IMPORT_KEEP_GOOD}
_ENCODINGS = {"auto": _capi.JY_ENCODING_AUTO, "utf-8": _capi.JY_ENCODING_UTF8,
              "utf8": _capi.JY_ENCODING_UTF8, "gb18030": _capi.JY_ENCODING_GB18030,
              "gbk": _capi.JY_ENCODING_GB18030, "gb2312": _capi.JY_ENCODING_GB18030}


def _option(table: dict, value, what: str) -> int:
    key = value.lower() if isinstance(value, str) else value
    try:
        return table[key]
    except (KeyError, TypeError):
        allowed = ", ".join(repr(k) for k in table if k is not None)
        raise ValueError(f"{what} must be one of {allowed}, not {value!r}") from None


@_dataclass(frozen=True)
class Reject:
    """A record an import rejected: where and why.

    Attributes:
        line: the 1-based line of the file where the record starts (for CSV
            the physical line, counting the header); None if unknown.
        field: the offending field (or CSV column), None if none.
        reason: why, in English, without personal data.
        code: the library's status code (``jiuye.InvalidError.code``...).
        column: the column of a JSON syntax error, else None.
        record: the 1-based record number, None if unknown.
        source: the file name (``'<memory>'`` for text).
    """

    line: Optional[int]
    field: Optional[str]
    reason: Optional[str]
    code: int
    column: Optional[int] = None
    record: Optional[int] = None
    source: Optional[str] = None

    @property
    def error(self) -> type:
        """The exception class of :attr:`code` (:class:`InvalidError`...)."""
        return _ERRORS_BY_CODE.get(self.code, Error)


def _reject(d: dict) -> Reject:
    return Reject(line=d["line"], field=d["field"], reason=d["reason"], code=d["code"],
                  column=d["column"], record=d["record"], source=d["source"])


_ERRORS_BY_CODE = {cls.code: cls for cls in (
    Error, NotFoundError, ExistsError, InvalidError, OutOfMemoryError, Utf8Error, ParseError,
    StorageError, ConstraintError, AmbiguousError, FileError, VersionError, BusyError,
    RangeError, NotSupportedError)}


@_dataclass(frozen=True)
class ImportResult:
    """What an import did.

    Attributes:
        accepted: records stored, added or updated (0 after an ``'all'``
            import that stored nothing).
        updated: of them, those that updated a stored record (same ID number
            or credit code).
        rejected: records rejected.
        warnings: accepted records with a warning, plus lines skipped
            because their kind cannot be imported (``labor_change``).
        rejects: the :class:`Reject` of each rejected record, when no
            ``on_reject`` was given (else empty).
    """

    accepted: int
    updated: int
    rejected: int
    warnings: int
    rejects: Tuple[Reject, ...] = ()


# ---------------------------------------------------------------------------
# Matching


class Reason:
    """One line of a match's explanation: ``kind`` (``term``, ``occupation``,
    ``family``, ``township``, ``salary``, ``freshness``, ``fallback``: no
    posting the wish matched passes the hard filters), ``text`` (the term
    and where it matched, ``驾驶员→司机``, ``same:金川镇``...) and ``effect``
    (points of text score, or the factor change for structured factors)."""

    __slots__ = ("kind", "text", "effect")

    def __init__(self, kind: str, text: str, effect: float) -> None:
        self.kind, self.text, self.effect = kind, text, effect

    def __repr__(self) -> str:
        return f"Reason({self.kind!r}, {self.text!r}, {self.effect:+.3g})"


class MatchResult:
    """A matched document: ``id`` (str), ``score`` and ``reasons``."""

    __slots__ = ("id", "score", "reasons")

    def __init__(self, id: str, score: float, reasons: List[Reason]) -> None:
        self.id, self.score, self.reasons = id, score, reasons

    def explain(self) -> str:
        """The explanation as text, one reason a line, largest first."""
        return "\n".join(f"{r.kind:10} {r.text}  {r.effect:+.3g}" for r in self.reasons)

    def __repr__(self) -> str:
        return f"MatchResult({self.id!r}, {self.score:.4g})"


class Matcher:
    """The matcher (jiuye/match.h), independent of any database.

    ``Matcher()`` holds postings and is queried with jobseeker profiles;
    ``Matcher(side="jobseekers")`` holds profiles and is queried with
    postings. Documents are dicts with the fields of docs/formats.md
    ("Matcher input"): for postings ``id, title, description, skills,
    enterprise, township, salary_min, salary_max, age_min, age_max,
    education, kind, headcount, published_on, closed_on``; for profiles
    ``id, text, skills, township, salary_min, age, education, kind``.
    Unknown keys are ignored; dates may be :class:`datetime.date`.

    Threads: queries may run from many threads at once (they release the
    GIL); adding and removing wait for running queries.
    """

    __slots__ = ("_handle", "_side", "_local", "__weakref__")

    def __init__(self, side: str = "postings") -> None:
        sides = {"postings": _capi.JY_MATCH_POSTINGS, "jobseekers": _capi.JY_MATCH_JOBSEEKERS}
        if side not in sides:
            raise InvalidError("side must be 'postings' or 'jobseekers'")
        self._side = side
        self._handle = _capi.jy_match_index_new(sides[side], None)
        self._local = _threading.local()

    @staticmethod
    def _json(doc: dict) -> bytes:
        import json

        def conv(v):
            if isinstance(v, (_datetime.date,)):
                return v.isoformat()
            raise TypeError(f"cannot pass {type(v).__name__} to the matcher")
        return json.dumps(doc, ensure_ascii=False, default=conv).encode("utf-8")

    def add(self, doc: dict) -> None:
        """Adds a document, or replaces the one with the same ``id``.
        A wrong field type raises :class:`ParseError` naming the field."""
        if not isinstance(doc, dict):
            raise TypeError("a document is a dict")
        _capi.jy_match_index_add_json(self._handle, self._json(doc))

    update = add

    def add_many(self, docs: Iterable[dict]) -> None:
        """Adds several documents."""
        for d in docs:
            self.add(d)

    def load(self, path: Union[str, bytes, "_os.PathLike[str]"]) -> int:
        """Adds every line of a JSON Lines file; returns the count. All or
        nothing: a bad line raises (with its line and field) and leaves the
        index unchanged."""
        return _capi.jy_match_index_load_jsonl(self._handle, _os.fsencode(path))

    def remove(self, id) -> None:
        """Removes a document by id (:class:`NotFoundError` if absent)."""
        _capi.jy_match_index_remove(self._handle, str(id))

    def __len__(self) -> int:
        return _capi.jypy_match_index_count(self._handle)

    @property
    def memory(self) -> int:
        """Bytes of memory the index holds."""
        return _capi.jypy_match_index_memory(self._handle)

    def query(self, query=None, *, top_k: int = 10, date=None, fallback: bool = True,
              **fields) -> List[MatchResult]:
        """The best documents for a query: a dict (a profile against
        postings, a posting against jobseekers), a str (the wishes text), or
        keyword fields (``text=..., township=..., age=...``). *date* (default
        today) decides which postings are closed and how fresh they are.
        *fallback*: when every posting the wish matches is excluded by the
        profile's hard filters (age, education...), give the best postings
        that pass them (reason kind ``"fallback"``); False gives nothing
        then (docs/matching.md)."""
        import json
        if query is None:
            q = {}
        elif isinstance(query, str):
            q = {"text": query} if self._side == "postings" else {"title": query}
        elif isinstance(query, dict):
            q = dict(query)
        else:
            raise TypeError("a query is a dict or a str")
        q.update(fields)
        q["top_k"] = top_k
        q["fallback"] = bool(fallback)
        if date is not None:
            q["date"] = _date_arg(date, "date")
        results = getattr(self._local, "results", None)
        if results is None:
            results = self._local.results = _capi.jy_match_results_new()
        line = _capi.jy_match_query_json(results, self._handle, self._json(q))
        out = json.loads(line)
        key = "posting" if self._side == "postings" else "jobseeker"
        return [MatchResult(r[key], r["score"], [Reason(w["kind"], w["text"], w["effect"]) for w in r["why"]])
                for r in out["results"]]
