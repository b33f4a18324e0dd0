"""Reconciling sources: figures that report the same quantity, grouped into claims, and whether they agree.

Two figures report the same quantity when they count or measure the same thing (their entities have
the same words, ignoring case, plurals and little words such as "the"), in the same unit (the same SI
unit where they have one, so "19 square miles" meets "49 km²", compared in SI; without a unit, of the
same kind), with the same trend, and about the same subject: figures whose subjects differ ("Tesla's
63,000 cars", "Ford's 40,000 cars") are two claims, and figures of two documents meet only where
they name the same subject (a figure with no subject joins the one its document names). Dates,
times, ordinals and bare numbers are not quantities and figures with no entity cannot be told apart,
so neither is grouped. A quantity also has a time: the years its sentence names ("revenue of $2
billion in 2019"). Figures of two different times are two claims (revenue in 2019 is not revenue in
2020); a figure whose sentence names no year joins the one time its quantity has, if it has one.

A claim's figures **agree** when the intervals their qualifiers imply have a point in common:
exact is its value; "more than 1,500" is [1500, ∞); "up to 5" is (-∞, 5]; a range is [low, high];
and an approximate figure ("about 1,600", "some 1,600") is its value ± 10% by default (``approximate``).
So "about 1,600" agrees with "1,600" and with "more than 1,500", while "32 buses" and "40 buses"
**disagree**. It **cannot tell** when nothing pins the quantity down (two or more figures, each a bound that
points the same way: "more than 1,500" and "more than 2,000"), or when figures that do not meet
include one that names no time while another names one (the quantity may have changed between the
two).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import regex

from ..table import Figure, Number

APPROXIMATE = 0.10
"""How far an approximate figure reaches either side of its value, as a share of it."""
NOT_QUANTITIES = frozenset({"date", "time", "ordinal", "number"})
LITTLE_WORDS = frozenset(
    "a an the of and or some this that these those its their his her our your my any all each per".split()
)
IRREGULAR = {"people": "person", "children": "child", "data": "datum", "feet": "foot", "teeth": "tooth",
             "mice": "mouse", "geese": "goose", "criteria": "criterion", "lives": "life", "wives": "wife"}  # fmt: skip
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")
_SIBILANT = ("s", "x", "z", "ch", "sh")

_YEAR = regex.compile(r"\d{4}")

Agreement = Literal["agree", "disagree", "cannot tell"]
"""Whether a claim's figures agree: see the module's notes."""

Cell = str | int | float | None
CLAIM_COLUMNS: tuple[str, ...] = (
    "claim", "subject", "entity", "unit", "kind", "trend", "time", "agreement", "figures", "sources",
    "surface", "value", "low", "high", "qualifier", "source", "doc", "start", "sentence",
)  # fmt: skip
"""The Claims sheet's columns: the claim (its number, who or what it is about, what it counts or
measures, its time, whether its figures agree, how many figures and distinct sources it has), then
one of its figures per row."""


def fold(word: str) -> str:
    """A word lower-cased and made singular, by rule ("buses" and "bus" give "bus", "houses" and "house"
    give "hous", "gunmen" gives "gunman"): a key that a word's singular and plural share, not a word."""
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s").removesuffix("'")
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("es") and w[:-2].endswith(_SIBILANT):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("e") and w[:-1].endswith(_SIBILANT):
        w = w[:-1]  # "house" meets "houses" at "hous"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w[:-3] + "man" if w.endswith("men") else w


def entity_words(entity: str) -> frozenset[str]:
    """The words that say what an entity is, folded (see ``fold``), without little words."""
    return frozenset(fold(w) for w in _WORD.findall(entity) if w.lower() not in LITTLE_WORDS)


def _bound(x: Number) -> float:
    try:
        return float(x)
    except OverflowError:  # an int too large for a float
        return math.inf if x > 0 else -math.inf


def bounds(figure: Figure, approximate: float = 0.0, si: bool = False) -> tuple[float, float] | None:
    """The interval a figure commits to, as (low, high) with ±inf for an open side (with ``si``, in SI
    where the figure has an SI unit); None when it has no number (a date). An approximate figure
    reaches ``approximate`` of its value either side."""
    low, high, value = figure.low, figure.high, figure.value
    if si and figure.si_unit and (figure.si_value, figure.si_low, figure.si_high) != (None, None, None):
        low, high, value = figure.si_low, figure.si_high, figure.si_value
    if value is not None:
        if low is None and figure.qualifier != "upper_bound":
            low = value
        if high is None and figure.qualifier != "lower_bound":
            high = value
    if low is None and high is None:
        return None
    lo = -math.inf if low is None else _bound(low)
    hi = math.inf if high is None else _bound(high)
    if figure.qualifier == "approximate" and approximate:
        lo, hi = lo - approximate * abs(lo), hi + approximate * abs(hi)
    if math.isnan(lo) or math.isnan(hi):
        return None
    return lo, hi


def _intervals(figures: Iterable[Figure], approximate: float) -> list[tuple[float, float]]:
    """The intervals the figures commit to (see ``bounds``), in SI where they have it."""
    return [b for f in figures if (b := bounds(f, approximate, si=True)) is not None]


def _meet(intervals: list[tuple[float, float]]) -> bool:
    """Whether the intervals have a point in common (none: nothing to disagree)."""
    if not intervals:
        return True
    low = max(lo for lo, _ in intervals)
    high = min(hi for _, hi in intervals)
    return low <= high or math.isclose(low, high, rel_tol=1e-9)


def agree(figures: Iterable[Figure], approximate: float = APPROXIMATE) -> bool:
    """Whether the figures' intervals (see ``bounds``, in SI where they have it) have a point in common."""
    return _meet(_intervals(figures, approximate))


def agreement(
    figures: Iterable[Figure], approximate: float = APPROXIMATE, times: Iterable[frozenset[str]] = ()
) -> Agreement:
    """Whether the figures agree, disagree, or one cannot tell (see the module's notes); ``times``: the
    years each figure's sentence names, in the same order (none given: no figure names one)."""
    intervals = _intervals(figures, approximate)
    if not _meet(intervals):
        named = [bool(t) for t in times]
        return "cannot tell" if any(named) and not all(named) else "disagree"
    one_way = all(math.isinf(hi) for _, hi in intervals) or all(math.isinf(lo) for lo, _ in intervals)
    if len(intervals) > 1 and one_way:
        return "cannot tell"  # "more than 1,500" and "more than 2,000": both true of 2,500, and of 1,600?
    return "agree"


@dataclass(frozen=True, slots=True)
class Claim:
    """Figures that report the same quantity, and whether their values agree."""

    entity: str  # as the first figure writes it
    unit: str
    kind: str
    trend: str
    figures: tuple[Figure, ...]
    agreement: Agreement
    subject: str = ""  # as the first figure that names one writes it
    time: str = ""  # the years its figures' sentences name, "2019" or "2018, 2019"; "" for none

    @property
    def agree(self) -> bool:
        """Whether its figures agree (``agreement`` is "agree")."""
        return self.agreement == "agree"

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct sources named, in order of appearance."""
        return tuple(dict.fromkeys(f.source for f in self.figures if f.source))

    @property
    def docs(self) -> tuple[str, ...]:
        """The distinct documents, in order of appearance."""
        return tuple(dict.fromkeys(f.doc for f in self.figures))


def claim_key(figure: Figure) -> tuple[frozenset[str], str, str] | None:
    """What a figure is a claim about (entity words, SI unit, else unit, else kind, trend); None when
    it cannot be grouped. The subject splits a key's figures further (see ``reconcile``)."""
    if figure.kind in NOT_QUANTITIES or bounds(figure) is None:
        return None
    words = entity_words(figure.entity)
    if not words:
        return None
    return words, figure.si_unit or figure.unit or figure.kind, figure.trend


Placed = tuple[int, Figure]
"""A figure and where it came among the figures reconciled: claims keep the text's order."""
Times = dict[tuple[str, str], frozenset[str]]
"""The years each sentence names, by document and sentence."""


def sentence_times(figures: Iterable[Figure]) -> Times:
    """The years named in each sentence, by its dates ("in 2019", "on May 15, 2018")."""
    out: dict[tuple[str, str], set[str]] = {}
    for f in figures:
        if f.kind == "date" and _YEAR.match(f.date):
            out.setdefault((f.doc, f.sentence), set()).add(f.date[:4])
    return {key: frozenset(years) for key, years in out.items()}


def _by_time(group: list[Placed], times: Times) -> list[list[Placed]]:
    """A claim's figures split by the years their sentences name: one group a time; a figure of no
    time joins the one time there is, else stays in a group of its own."""
    timed: dict[frozenset[str], list[Placed]] = {}
    untimed: list[Placed] = []
    for placed in group:
        when = times.get((placed[1].doc, placed[1].sentence), frozenset())
        (timed.setdefault(when, []) if when else untimed).append(placed)
    groups = list(timed.values())
    if len(groups) == 1:
        groups[0] += untimed
    elif untimed:
        groups.append(untimed)
    return [sorted(g, key=lambda placed: placed[0]) for g in groups]


def _by_subject(members: list[Placed]) -> list[list[Placed]]:
    """A quantity's figures split by their subjects' words. A figure with no subject joins the one
    subject its document names for the quantity, if there is exactly one; else it stays with the
    other figures of its document that name none: figures of two documents are compared only where
    they name the same subject. Each group in the order of its figures."""
    named: dict[frozenset[str], list[Placed]] = {}
    unnamed: dict[str, list[Placed]] = {}
    for placed in members:
        words = entity_words(placed[1].subject)
        if words:
            named.setdefault(words, []).append(placed)
        else:
            unnamed.setdefault(placed[1].doc, []).append(placed)
    groups = list(named.values())
    for doc, figures in unnamed.items():
        in_doc = [group for group in named.values() if any(f.doc == doc for _, f in group)]
        if len(in_doc) == 1:
            in_doc[0] += figures
        else:
            groups.append(figures)
    return [sorted(group, key=lambda placed: placed[0]) for group in groups]


def reconcile(
    figures: Iterable[Figure], *, approximate: float = APPROXIMATE, min_figures: int = 2, voices: int = 1
) -> list[Claim]:
    """Claims: the figures grouped by the quantity they report, each group with whether its values agree.

    Claims come in the order their first figure comes; only those with at least ``min_figures`` figures
    (1 lists every quantity) and, with ``voices`` 2, from at least two sources or two documents (what
    one source says twice is no comparison). ``approximate`` is how far "about", "some", "nearly" reach
    either side of the value, as a share of it (0.10: "about 1,600" is 1,440 to 1,760).
    """
    figures = list(figures)
    times = sentence_times(figures)
    groups: dict[tuple[frozenset[str], str, str], list[Placed]] = {}
    for n, figure in enumerate(figures):
        key = claim_key(figure)
        if key is not None:
            groups.setdefault(key, []).append((n, figure))
    placed = []
    for quantity in groups.values():
        for group in (timed for named in _by_subject(quantity) for timed in _by_time(named, times)):
            claim = _claim(tuple(f for _, f in group), times, approximate)
            if len(claim.figures) >= min_figures and max(len(claim.sources), len(claim.docs)) >= voices:
                placed.append((group[0][0], claim))
    return [claim for _, claim in sorted(placed, key=lambda pair: pair[0])]


def _claim(members: tuple[Figure, ...], times: Times, approximate: float) -> Claim:
    when = [times.get((f.doc, f.sentence), frozenset()) for f in members]
    first = members[0]
    subject = next((f.subject for f in members if f.subject), "")
    judged = agreement(members, approximate, when)
    time = ", ".join(sorted(frozenset().union(*when)))
    return Claim(first.entity, first.unit, first.kind, first.trend, members, judged, subject, time)


def claims_rows(claims: Iterable[Claim]) -> list[tuple[Cell, ...]]:
    """The Claims sheet: the header (``CLAIM_COLUMNS``), then a row per figure of each claim; numbers
    stay numbers (None for an empty cell), text is as extracted (a writer makes it safe for its format)."""
    rows: list[tuple[Cell, ...]] = [CLAIM_COLUMNS]
    for n, claim in enumerate(claims, start=1):
        head = (n, claim.subject, claim.entity, claim.unit, claim.kind, claim.trend, claim.time, claim.agreement,
                len(claim.figures), len(claim.sources))  # fmt: skip
        for f in claim.figures:
            rows.append((*head, f.surface, f.value, f.low, f.high, f.qualifier, f.source, f.doc, f.start, f.sentence))
    return rows
