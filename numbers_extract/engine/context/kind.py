"""Kind (count, money, percent, measure, duration, …), and small context tests: what lasts a span, a
verb between figures, points.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from functools import cache
from typing import Literal, NamedTuple

import regex

from ...table import Figure
from ..figures.draft import Draft
from ..lexicon import lexicon
from ..rules import Rule, Spot, Table
from ..units import load_catalogue
from .phrases import _PARTICIPLE_ED
from .verbs import _trend_word
from .window import Around, dimension

_LEX = lexicon()
_COPULAS = _LEX.copulas
_VERBS = _LEX.verbs

FigureKind = Literal["count", "money", "percent", "measure", "duration", "number", "date", "time", "ordinal"]
"""What a figure is: the ``kind`` column."""

_DRAFTED: dict[str, FigureKind] = {k: k for k in ("date", "time", "ordinal", "number")}  # the kinds a reading sets


class Kind(Enum):
    """The rules of :data:`KIND`, in order: what makes a figure a count, money, a percent, a measure …"""

    DRAFTED = "said by the rule that read the figure: a date '2011', a time 'noon', an ordinal '22nd', a label 'Gate 9'"
    MONEY = "an amount of money, or a price per unit: '$5m', '45 million dollars', '€3 a litre'"
    PERCENT = "a share of a whole, also as a rate: '12%', '40 per cent', '10% a year'"
    DURATION = "a span of time: 'three months', '48 hours'"
    TIMES = "a count in a unit with no dimension: '3,200 times', '78,000 times a minute'"
    MEASURE = "any other unit: '19 square miles', '1.5 degrees', '162 points'"
    FRACTION = "a fraction with no unit is a number: 'a third of the votes'"
    COUNTED = "a vague count, or a number of a thing named: 'dozens', '1,600 people'"
    NUMBER = "a bare number that counts nothing named: 'the score was 3'"


def kind_of(w: Around) -> FigureKind:
    """The figure's kind; ``w`` carries what it counts (``entity``), as read so far."""
    return KIND.first(w) or "number"


def _drafted(w: Around) -> bool:
    return bool(w.draft.kind)


def _said(w: Around, m: regex.Match[str] | None) -> FigureKind | None:
    return _DRAFTED.get(w.draft.kind)


# the unit rules' tests, each worked out once a unit (a text has few units, many figures)
@cache
def _money_unit(unit: str) -> bool:
    of = dimension(unit)
    return of == "currency" or of.startswith("currency per")


@cache
def _share_unit(unit: str) -> bool:
    return unit.split(" per ")[0] in load_catalogue().shares  # ("share", units.txt)


def _money(w: Around) -> bool:
    return bool(w.draft.unit) and _money_unit(w.draft.unit)


def _share(w: Around) -> bool:
    return bool(w.draft.unit) and _share_unit(w.draft.unit)


def _duration(w: Around) -> bool:
    return bool(w.draft.unit) and dimension(w.draft.unit) == "time"


def _times(w: Around) -> bool:
    unit = w.draft.unit
    return bool(unit) and unit != "point" and dimension(unit) == "dimensionless"


def _unit(w: Around) -> bool:
    return bool(w.draft.unit)


def _fraction(w: Around) -> bool:
    return w.draft.style == "fraction"


def _counted(w: Around) -> bool:
    return w.draft.style == "vague" or bool(w.entity)


def _kind(kind: FigureKind) -> Callable[[Around, regex.Match[str] | None], FigureKind | None]:
    def produce(w: Around, m: regex.Match[str] | None) -> FigureKind | None:
        return kind

    return produce


KIND: Table[Around, FigureKind] = Table(
    "kind",
    "kind",
    (
        Rule(Kind.DRAFTED, _said, when=_drafted),
        Rule(Kind.MONEY, _kind("money"), when=_money),
        Rule(Kind.PERCENT, _kind("percent"), when=_share),
        Rule(Kind.DURATION, _kind("duration"), when=_duration),
        Rule(Kind.TIMES, _kind("count"), when=_times),
        Rule(Kind.MEASURE, _kind("measure"), when=_unit),
        Rule(Kind.FRACTION, _kind("number"), when=_fraction),
        Rule(Kind.COUNTED, _kind("count"), when=_counted),
        Rule(Kind.NUMBER, _kind("number")),
    ),
)


_NOT_LASTING = _LEX.not_lasting


_LASTING = regex.compile(r"\b[Aa]n?\s+((?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+)\s+(?:for|lasting)\s+$", regex.REVERSE)


def lasting(text: str, draft: Draft, floor: int) -> str:
    """What lasts a span written after "for": "a grounding for more than three months", "a lease
    for 99 years" (after "a", a thing; "worked at the firm for 30 years" says when, not what)."""
    m = _LASTING.search(text, max(floor, draft.start - 60), draft.start)
    if m is None:
        return ""
    words_ = m.group(1).split()
    if any(w in _NOT_LASTING or w.endswith("est") for w in words_):
        return ""  # "a first for 20 years", "a high for six months": when, not what
    return m.group(1)


def no_verb(words_: str) -> bool:
    """No verb among a few words between two figures ("in March", "q/q"), so one verb rules both."""
    return not any(
        w.lower() in _COPULAS or w.lower() in _VERBS or _trend_word(w) or _PARTICIPLE_ED.fullmatch(w.lower())
        for w in words_.split()
    )


def in_points(draft: Draft, earlier: Iterable[Figure]) -> bool:
    """Whether a bare number is in the points its sentence already counted in (``earlier``: the
    sentence's figures so far): "lost 162.31 points, or 2.14%, to 7,425.81", "the Lakers scored 110
    points; the Celtics managed 98"."""
    if draft.style != "digits" or (draft.value is not None and draft.value < 10):
        return False
    return any(f.unit == "point" for f in earlier)


class Neighbours(NamedTuple):
    """What :data:`KIND_AGAIN` reads of a figure besides its window: the figures beside it."""

    draft: Draft
    kind: str  # the kind :data:`KIND` said
    compared: str  # the kind of the earlier figure it is "up from" ("75 million …, up from 60 million"), else ""
    earlier: Iterable[Figure]  # the sentence's figures so far, latest first (empty where not asked)


Again = Spot[Neighbours]  # a figure whose kind may change once the figures beside it are read


def again(w: Around, kind: str, compared: str = "", earlier: Iterable[Figure] = ()) -> Again:
    neighbours = Neighbours(w.draft, kind, compared, earlier)
    return Spot(w.text, w.start, w.after, w.limit, w.before, w.near, w.trace, neighbours)


class KindAgain(Enum):
    """The rules of :data:`KIND_AGAIN`, in order: a kind changed by the figures beside it."""

    COMPARED = "a number compared with an earlier count is a count: '75 million subscribers, up from 60 million'"
    IN_POINTS = "a bare number in the points its sentence counted is a measure: 'lost 162 points, or 2.1%, to 7,425.81'"


def _a_number(a: Again) -> bool:
    return a.detail.kind == "number"


def _compared(a: Again, m: regex.Match[str] | None) -> FigureKind | None:
    return "count" if a.detail.compared == "count" else None


def _in_points(a: Again, m: regex.Match[str] | None) -> FigureKind | None:
    draft = a.detail.draft
    return "measure" if not draft.unit and in_points(draft, a.detail.earlier) else None


KIND_AGAIN: Table[Again, FigureKind] = Table(
    "kind",
    "kind",
    (
        Rule(KindAgain.COMPARED, _compared, when=_a_number),
        Rule(KindAgain.IN_POINTS, _in_points, when=_a_number),
    ),
)
