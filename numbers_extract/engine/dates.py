"""Dates and clock times: they locate an event and are not quantities.

Each rule is a name and a pattern; :func:`find` returns the spans they cover, with an ISO 8601
form for dates ("2018-05-15", "--05-01", "2018-06", "1990/1999", "2012/2013"). A bare year
needs context (is "2000" a year or 2,000 things?) and is decided in figures.py with
:func:`year_iso`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from types import MappingProxyType
from typing import NamedTuple

import regex

from .lexicon import alternation, lexicon
from .names import Name
from .rules import Rule, Spot, Table, Trace
from .rx import rx
from .sentences import limit

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
    rule: Name  # as the rule column writes it
    by: Enum  # the rule that found it


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


class DateRule(Enum):
    """The rules that find dates and clock times, in the order they are tried; the first to cover a
    stretch of text takes it ("May 15, 2018" before "May 2018")."""

    ISO_TIMESTAMP = "an ISO date, maybe with a time: '2018-05-15', '2018-05-15T09:30:00Z'"
    MONTH_DAY_YEAR = "a month, a day and maybe a year: 'May 15, 2018', 'Feb. 14'"
    DAY_MONTH_YEAR = "a day, a month and maybe a year: '15 May 2018', 'the 4th of July'"
    MONTH_YEAR = "a month and a year: 'March 2020', 'Jan 2020'"
    NUMERIC_DATE = "month/day/year in digits: '5/15/2018', '12/31/99'"
    DECADE = "a decade: 'the 1990s', 'mid-1980s'"
    FISCAL_SPAN = "two years joined, a span: '2012-13', '1990/1999'"
    FISCAL_YEAR = "a fiscal year: 'FY2023', 'fiscal 2023-24'"
    CLOCK_TIME = "a clock time with minutes, maybe am/pm and a zone: '9:30', '14:30 GMT', '5:45 p.m.'"
    HOUR_MINUTE_AM_PM = "an hour and minutes with a full stop, then am/pm: '6.30pm', '11.15 a.m.'"
    CLOCK_TIME_COLON = "hours and minutes with a colon: '24:00', '99:59' left by the clock time"
    HOUR_AM_PM = "an hour and am/pm: '5 pm', '11 a.m. EST'"
    MILITARY_TIME = "four digits and a zone: '1430 GMT', '0900Z'"
    NOON = "a named time: 'noon', 'midnight'"


Sentence = Spot[None]  # the window the date rules read: a sentence, every rule searching all of it

Found = tuple[DateSpan, ...]


# each rule's cheap test: what its match must contain, a search that lets most sentences skip most rules
_NEEDS: Mapping[DateRule, str] = MappingProxyType(
    {
        DateRule.ISO_TIMESTAMP: r"\d-\d",
        DateRule.MONTH_DAY_YEAR: _MONTH,
        DateRule.DAY_MONTH_YEAR: _MONTH,
        DateRule.MONTH_YEAR: _MONTH,
        DateRule.NUMERIC_DATE: r"\d/\d",
        DateRule.DECADE: r"0s\b",
        DateRule.FISCAL_SPAN: r"\d[-–/]\d",
        DateRule.FISCAL_YEAR: r"FY|fiscal",
        DateRule.CLOCK_TIME: r"\d:\d",
        DateRule.HOUR_MINUTE_AM_PM: r"(?i)\d\s*[ap]\.?m",
        DateRule.CLOCK_TIME_COLON: r"\d:\d",
        DateRule.HOUR_AM_PM: r"(?i)\d\s*[ap]\.?m",
        DateRule.MILITARY_TIME: r"GMT|UTC|\dZ",
        DateRule.NOON: _NAMED_TIME,
    }
)
_TESTS = tuple(regex.compile(needs, regex.VERSION0) for needs in dict.fromkeys(_NEEDS.values()))  # each once
_TEST_OF: Mapping[Enum, int] = MappingProxyType(
    {name: [*dict.fromkeys(_NEEDS.values())].index(n) for name, n in _NEEDS.items()}
)
_QUICK: Mapping[Enum, regex.Pattern[str]] = MappingProxyType({name: _TESTS[i] for name, i in _TEST_OF.items()})


def _rule(
    name: DateRule, column: Name, kind: str, pattern: str, iso: Callable[[regex.Match[str]], str]
) -> Rule[Sentence, Found]:
    """A date rule: its cheap test is its search in _NEEDS, ``pattern`` what it finds, each match a
    span of ``kind`` written ``column`` in the rule column."""
    quick = _QUICK[name]

    def produce(window: Sentence, _: regex.Match[str] | None) -> Found | None:
        # the pattern compiles when a text first passes the quick test (rx caches it): a faster start
        found = tuple(
            DateSpan(m.start(), m.end(), kind, iso(m), column, name)
            for m in rx(pattern).finditer(window.text, timeout=limit(0, len(window.text)))
        )
        return found or None

    return Rule(name, produce, when=lambda window: quick.search(window.text) is not None)


_AM_PM = r"(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
_ZONED = r"(?:\s*" + _ZONE + r"\b)?"

DATES: Table[Sentence, Found] = Table(
    "dates",
    "kind",
    (
        _rule(
            DateRule.ISO_TIMESTAMP, Name.ISO_TIMESTAMP, "date",
            r"\b(?P<iso>\d{4}-\d\d-\d\d)(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\b", _iso,
        ),
        _rule(
            DateRule.MONTH_DAY_YEAR, Name.MONTH_DAY_YEAR, "date",
            _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?\b" + _NOT_MORE, _month_day_year,
        ),
        _rule(
            DateRule.DAY_MONTH_YEAR, Name.DAY_MONTH_YEAR, "date",
            r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b", _month_day_year,
        ),
        _rule(
            DateRule.MONTH_YEAR, Name.MONTH_YEAR, "date",
            _MONTH + r"(?:\s+of)?,?\s+" + _YEAR + r"\b" + _NOT_MORE, _month_day_year,
        ),
        _rule(
            DateRule.NUMERIC_DATE, Name.NUMERIC_DATE, "date",
            r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d\d)\b", _numeric,
        ),
        _rule(
            DateRule.DECADE, Name.DECADE, "date", r"(?:\bthe\s+|\bmid-)?\b(?P<decade>1[5-9]\d0|20[0-9]0)s\b", _decade
        ),
        _rule(
            DateRule.FISCAL_SPAN, Name.FISCAL_SPAN, "date",
            r"\b(?P<first>(?:19|20)\d\d)[-–/](?P<second>\d\d|(?:19|20)\d\d)\b(?!\s*(?:%|per))", _fiscal,
        ),
        _rule(
            DateRule.FISCAL_YEAR, Name.FISCAL_YEAR, "date",
            r"\b(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<fy>(?:19|20)\d\d|\d\d)(?:[-–/](?P<fy2>(?:19|20)\d\d|\d\d))?\b",
            _fiscal_year,
        ),
        _rule(
            DateRule.CLOCK_TIME, Name.CLOCK_TIME, "time",
            r"\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\.\d+)?(?:\s*" + _AM_PM + ")?" + _ZONED, _none,
        ),
        _rule(
            DateRule.HOUR_MINUTE_AM_PM, Name.HOUR_MINUTE_AM_PM, "time",
            r"(?<![\d.,])\b(?:1[0-2]|0?[1-9])\.[0-5]\d\s*" + _AM_PM + _ZONED, _none,
        ),
        _rule(
            DateRule.CLOCK_TIME_COLON, Name.CLOCK_TIME_COLON, "time", r"\b\d{1,2}:\d\d(?::\d\d)?(?:\.\d+)?\b", _none
        ),
        _rule(
            DateRule.HOUR_AM_PM, Name.HOUR_AM_PM, "time",
            r"(?<![\d.,])\b(?:1[0-2]|0?[1-9])\s*" + _AM_PM + _ZONED, _none,
        ),
        _rule(
            DateRule.MILITARY_TIME, Name.MILITARY_TIME, "time", r"\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC|Z)\b", _none
        ),
        _rule(DateRule.NOON, Name.NOON, "time", r"\b" + _NAMED_TIME + r"\b", _none),
    ),
)  # fmt: skip

_RUN = tuple((rule, _TEST_OF[rule.name]) for rule in DATES.rules)  # each rule and its cheap test, in order


_ANY = regex.compile(r"\d|" + _NAMED_TIME)  # every rule needs one of these


def find(text: str, offset: int = 0, trace: Trace | None = None) -> list[DateSpan]:
    """Every date and clock time in ``text``, earliest first, none overlapping. ``text`` starts at
    ``offset`` in the document: the rule that found each span is written to ``trace`` there."""
    found: list[DateSpan] = []
    if not _ANY.search(text):
        return found
    window: Sentence = Spot(text, 0, 0, len(text), "", "", None, None)  # not Sentence(): the alias costs a call
    near = [quick.search(text) is not None for quick in _TESTS]  # each cheap test once (three rules need a month)
    for rule, test in _RUN:
        if near[test]:  # the rule's cheap test (its ``when``), without a call
            found += rule.produce(window, None) or ()
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateSpan] = []
    for span in found:
        if out and span.start < out[-1].end:
            continue
        out.append(span)
        if trace is not None:
            at = (offset + span.start, offset + span.end)
            trace.add(DATES.stage, DATES.field, span.by, at, "fired", span.iso or span.kind)
    return out


def year_iso(value: float | int) -> str:
    return str(int(value))
