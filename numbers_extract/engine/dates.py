"""Dates and clock times: they locate an event and are not quantities.

Each rule is a name and a pattern; :func:`find` returns the spans they cover, with an ISO 8601
form for dates ("2018-05-15", "--05-01", "2018-06", "1990/1999", "2012/2013"). A bare year
needs context (is "2000" a year or 2,000 things?) and is decided in figures.py with
:func:`year_iso`.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import NamedTuple

import regex

from .lexicon import alternation, lexicon
from .names import Name
from .rx import rx
from .sentences import TIMEOUT

MONTHS = MappingProxyType({**lexicon().months, **lexicon().month_abbreviations})  # "may", "jan": month numbers

# capitalised, an abbreviation with or without its full stop: "May", "Jan.", "Sept"
_MONTH = (
    r"(?P<month>"
    + alternation(lexicon().months, capitalise=True)
    + "|"
    + alternation(lexicon().month_abbreviations, capitalise=True, suffix=r"\.?")
    + ")"
)
_DAY = r"(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[0-9]|20)\d\d)"
_ZONE = alternation(lexicon().time_zones)  # "5 pm EST", "14:30 GMT"
_NAMED_TIME = alternation(lexicon().named_times)  # "noon", "midnight"
_NOT_MORE = r"(?![\d,.]?\d)(?!\s*(?:%|per\b|percent))"


class DateSpan(NamedTuple):  # immutable, and made four times faster than a frozen dataclass
    start: int
    end: int
    kind: str  # date or time
    iso: str
    rule: Name


def _month_day_year(m: regex.Match[str]) -> str:
    month = MONTHS[m.group("month").lower().rstrip(".")]
    groups = m.groupdict()
    day, year = groups.get("day"), groups.get("year")
    if day and year:
        return f"{year}-{month:02d}-{int(day):02d}"
    if day:
        return f"--{month:02d}-{int(day):02d}"
    return f"{year}-{month:02d}"


def _iso(m: regex.Match[str]) -> str:
    return m.group("iso")


def _decade(m: regex.Match[str]) -> str:
    start = int(m.group("decade"))
    return f"{start}/{start + 9}"


def _fiscal(m: regex.Match[str]) -> str:
    first = m.group("first")
    second = m.group("second")
    if len(second) == 2:
        second = first[:2] + second
    return f"{first}/{second}"


def _fiscal_year(m: regex.Match[str]) -> str:
    year = m.group("fy")
    year = year if len(year) == 4 else "20" + year
    end = m.group("fy2")  # "fiscal 2023-24", "FY2023/2024"
    if end is None:
        return year
    return f"{year}/{year[:2] + end if len(end) == 2 else end}"


def _numeric(m: regex.Match[str]) -> str:
    month, day, year = int(m.group("m")), int(m.group("d")), m.group("y")
    if len(year) == 2:
        year = "20" + year
    return f"{year}-{month:02d}-{day:02d}"


def _none(m: regex.Match[str]) -> str:
    return ""


_RULES: tuple[tuple[Name, str, str, Callable[[regex.Match[str]], str]], ...] = (
    (Name.ISO_TIMESTAMP, "date", r"\b(?P<iso>\d{4}-\d\d-\d\d)(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\b", _iso),
    (
        Name.MONTH_DAY_YEAR,
        "date",
        _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?\b" + _NOT_MORE,
        _month_day_year,
    ),
    (
        Name.DAY_MONTH_YEAR,
        "date",
        r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b",
        _month_day_year,
    ),
    (Name.MONTH_YEAR, "date", _MONTH + r"(?:\s+of)?,?\s+" + _YEAR + r"\b" + _NOT_MORE, _month_day_year),
    (
        Name.NUMERIC_DATE,
        "date",
        r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d\d)\b",
        _numeric,
    ),
    (Name.DECADE, "date", r"(?:\bthe\s+|\bmid-)?\b(?P<decade>1[5-9]\d0|20[0-9]0)s\b", _decade),
    (
        Name.FISCAL_SPAN,
        "date",
        r"\b(?P<first>(?:19|20)\d\d)[-–/](?P<second>\d\d|(?:19|20)\d\d)\b(?!\s*(?:%|per))",
        _fiscal,
    ),
    (
        Name.FISCAL_YEAR,
        "date",
        r"\b(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<fy>(?:19|20)\d\d|\d\d)(?:[-–/](?P<fy2>(?:19|20)\d\d|\d\d))?\b",
        _fiscal_year,
    ),
    (
        Name.CLOCK_TIME,
        "time",
        r"\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\.\d+)?(?:\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b))?"
        r"(?:\s*" + _ZONE + r"\b)?",
        _none,
    ),
    (
        Name.HOUR_MINUTE_AM_PM,
        "time",
        r"(?<![\d.,])\b(?:1[0-2]|0?[1-9])\.[0-5]\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
        r"(?:\s*" + _ZONE + r"\b)?",
        _none,
    ),
    (Name.CLOCK_TIME_COLON, "time", r"\b\d{1,2}:\d\d(?::\d\d)?(?:\.\d+)?\b", _none),
    (
        Name.HOUR_AM_PM,
        "time",
        r"(?<![\d.,])\b(?:1[0-2]|0?[1-9])\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
        r"(?:\s*" + _ZONE + r"\b)?",
        _none,
    ),
    (Name.MILITARY_TIME, "time", r"\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC|Z)\b", _none),
    (Name.NOON, "time", r"\b" + _NAMED_TIME + r"\b", _none),
)

# what a rule's match must contain: a cheap search that lets most sentences skip most rules
_NEEDS = {
    Name.ISO_TIMESTAMP: r"\d-\d",
    Name.MONTH_DAY_YEAR: _MONTH,
    Name.DAY_MONTH_YEAR: _MONTH,
    Name.MONTH_YEAR: _MONTH,
    Name.NUMERIC_DATE: r"\d/\d",
    Name.DECADE: r"0s\b",
    Name.FISCAL_SPAN: r"\d[-–/]\d",
    Name.FISCAL_YEAR: r"FY|fiscal",
    Name.CLOCK_TIME: r"\d:\d",
    Name.HOUR_MINUTE_AM_PM: r"(?i)\d\s*[ap]\.?m",
    Name.CLOCK_TIME_COLON: r"\d:\d",
    Name.HOUR_AM_PM: r"(?i)\d\s*[ap]\.?m",
    Name.MILITARY_TIME: r"GMT|UTC|\dZ",
    Name.NOON: _NAMED_TIME,
}
_COMPILED = tuple(
    (name, kind, pattern, iso, regex.compile(_NEEDS[name], regex.VERSION0)) for name, kind, pattern, iso in _RULES
)  # each rule's pattern compiles when a text first passes its quick test (rx caches it): a faster start


_ANY = regex.compile(r"\d|" + _NAMED_TIME)  # every rule needs one of these


def find(text: str) -> list[DateSpan]:
    """Every date and clock time in ``text``, earliest first, none overlapping."""
    found: list[DateSpan] = []
    if not _ANY.search(text):
        return found
    for name, kind, pattern, iso, needs in _COMPILED:
        if not needs.search(text):
            continue
        for m in rx(pattern).finditer(text, timeout=TIMEOUT):
            found.append(DateSpan(m.start(), m.end(), kind, iso(m), name))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateSpan] = []
    for span in found:
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out


def year_iso(value: float | int) -> str:
    return str(int(value))
