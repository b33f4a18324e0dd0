"""Joins of a sentence's figures, once each is read (ranges written "10 to 20" are joined as they
are read, in ranges.py): millions written "m", from–to with words between, ratios ("one in five"),
a unit shared by a list, a measure written in parts ("6ft 4in").

Each join is a small ordered table of the stage ``joins``, tried on two figures next to each other
(a :class:`Pair`), or on one; its rules' cheap tests say which pairs it joins, its production how.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from functools import cache
from typing import NamedTuple

import regex

from ..lexicon import alternation, lexicon
from ..names import CURRENCY_FIRST, Name, ends_with_unit
from ..numerals import tidy
from ..rules import Rule, Table, Trace
from ..rx import rx
from ..units import load_catalogue
from .draft import Draft
from .unit_after import _PLURAL_NOUN

WORD_BEFORE = regex.compile(r"(\p{L}+)\s+$", regex.REVERSE)  # the word right before a position


class Pair(NamedTuple):
    """Two figures of a sentence, next to each other (``a`` then ``b``): the window a join reads.
    Its span (``start``, ``after``) is the figure the join changes, where explain shows the rule."""

    text: str
    start: int
    after: int
    limit: int  # where ``b`` starts: the text between the two is text[a.end:limit]
    before: str  # unused: no join looks backwards with a pattern
    near: str  # unused: the joins' cheap tests are tests of the figures
    trace: Trace | None
    a: Draft
    b: Draft
    floor: int  # where the sentence starts
    gap: regex.Match[str] | None = None  # the words between the two, as the join reads them
    drafts: Sequence[Draft] = ()  # the sentence's figures, for a join of more than two
    at: int = 0  # where ``a`` is in them
    dated: Sequence[Draft] = ()  # the dates and times between ``a`` and ``b`` ("from $36,040 at 10pm to $34,935")


def _pair(text: str, a: Draft, b: Draft, floor: int, trace: Trace | None, on: Draft) -> Pair:
    return Pair(text, on.start, on.end, b.start, "", "", trace, a, b, floor)


# MILLIONS: "more than 10m units, up from 6m a year ago": once a sentence writes millions as "m", a
# later bare "6m" is 6 million too, not 6 metres


class Millions(Enum):
    MILLIONS = "'6m' read as metres is 6 million once the sentence writes millions so: 'sold 10m, up from 6m'"


def _in_millions(p: Pair, _: regex.Match[str] | None) -> Draft:
    d = p.a
    assert d.value is not None
    value = tidy(d.value * 1_000_000)
    return d._replace(
        value=value,
        low=value if d.low is not None else None,
        high=value if d.high is not None else None,
        unit="",
        rule=tuple(Name.M if name is Name.UNIT else name for name in d.rule),
    )


_M_AFTER_DIGIT = regex.compile(r"\dm\Z")

MILLIONS: Table[Pair, Draft] = Table(
    "joins",
    "value",
    (
        Rule(
            Millions.MILLIONS,
            _in_millions,
            when=lambda p: p.a.unit == "metre" and p.a.value is not None and bool(
                _M_AFTER_DIGIT.search(p.text, p.a.start, p.a.end)
            ),
        ),
    ),
)  # fmt: skip


def _millions_agree(text: str, out: list[Draft], trace: Trace | None = None) -> list[Draft]:
    """A sentence that writes a bare million as "m" ("10m units") reads its "6m" as 6 million."""
    million = any(d.value is not None and rx(r"\dm\b").search(text, d.start, d.end) and not d.unit for d in out)
    if not million:
        return out
    return [MILLIONS.first(_pair(text, d, d, 0, trace, d)) or d for d in out]


# RATIOS: "one in five adults", "9 out of 10 voters": a share, written as a ratio

_IN_EVERY = regex.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?\Z")
_NOUN_IN = regex.compile(r"\s+(?P<noun>\p{Ll}{3,})\s+(?:in|out\s+of)\s+(?:every\s+)?\Z")


def _ratio(p: Pair, gap: regex.Match[str] | None) -> Draft:
    a, b = p.a, p.b
    assert isinstance(a.value, int) and isinstance(b.value, int) and gap is not None
    value = tidy(a.value / b.value)
    low = value if a.low is not None else None
    high = value if a.high is not None else None
    noun = gap.groupdict().get("noun") or ""  # "one child in five": a share of children
    return a._replace(end=b.end, value=value, low=low, high=high, rule=(Name.RATIO,), cue="", after=b.after,
                      style="fraction", entity=noun)  # fmt: skip


def _whole_share(p: Pair) -> bool:
    """Two plain whole numbers, the first the smaller: a share's parts ("9 out of 10")."""
    a, b = p.a, p.b
    if a.unit or b.unit or a.kind or b.kind or b.qualifier != "exact":
        return False
    return isinstance(a.value, int) and isinstance(b.value, int) and 0 < a.value < b.value <= 1000


class Ratio(Enum):
    IN_EVERY = "'A in B', 'A out of B', 'A in every B': '9 out of 10 voters', 'one in five adults'"
    NOUN_IN = "'one NOUN in B': a share of what the noun names: 'one child in five'"


RATIOS: Table[Pair, Draft] = Table(
    "joins",
    "value",
    (
        Rule(Ratio.IN_EVERY, _ratio, _IN_EVERY, "after", when=_whole_share),
        Rule(Ratio.NOUN_IN, _ratio, _NOUN_IN, "after", when=lambda p: p.a.value == 1 and _whole_share(p)),
    ),
)


def _ratios(text: str, out: list[Draft], trace: Trace | None = None) -> list[Draft]:
    """Each pair of figures that RATIOS joins becomes one share."""
    k = 0
    while k < len(out) - 1:
        a, b = out[k], out[k + 1]
        if not (a.unit or b.unit) and (ratio := RATIOS.first(_pair(text, a, b, 0, trace, a))) is not None:
            out[k : k + 2] = [ratio]
        k += 1
    return out


# SHARED: "19 and 1,900 square miles", "5, 10 or 15 percent": the last unit serves them all

_COORD = regex.compile(
    r"\s*(?:,|,?\s*(?:and|or|to|nor|by|x|×)|,\s*(?:and|or))\s*(?:" + alternation(lexicon().list_adverbs) + r"\s+)?\Z",
    regex.IGNORECASE,
)  # "19 and 1,900 square miles", "5, 10 or even 15 km"
_SCALE_ENDS = tuple(lexicon().number_scales)  # "several hundred", "a few thousand": a number, vaguely


def _may_share(p: Pair) -> bool:
    """A bare number before a number with a unit, joined as a list ("and", "or", a comma)."""
    this, nxt = p.a, p.b
    if this.unit or this.kind or not nxt.unit or nxt.kind or (this.value is None and this.qualifier != "range"):
        return False
    if this.style == "fraction" or (this.style == "vague" and not p.text[this.start : this.end].endswith(_SCALE_ENDS)):
        return False  # "rose by a third, to £1,250 a month": a share; "dozens, or 5%": a count, not of the unit
    return not (nxt.rule[0] in CURRENCY_FIRST and not ends_with_unit(nxt.rule, nxt.cue))  # "$5 and 10": no


def _shared(p: Pair, coord: regex.Match[str] | None) -> Draft | None:
    gap = p.text[p.a.end : p.b.start]
    if "," in gap and "to" in gap.lower():
        return None  # "5, to 40 dollars" is a change and a level
    if _PLURAL_NOUN.match(p.text, p.a.end, p.b.end) and not gap.strip(" ,"):
        return None
    return p.a._replace(unit=p.b.unit, rule=(*p.a.rule, Name.UNIT_SHARED))


class Shared(Enum):
    UNIT_SHARED = (
        "a list's last unit serves each number: '19 and 1,900 square miles', '5, 10 or 15 percent'; and the sides"
        " of a size: '3 by 4 metres', '8 x 10 in'"
    )


SHARED: Table[Pair, Draft] = Table(
    "joins", "unit", (Rule(Shared.UNIT_SHARED, _shared, _COORD, "after", when=_may_share),)
)


def _distribute(text: str, out: list[Draft], trace: Trace | None = None) -> list[Draft]:
    """The unit of a list's last number, given to the numbers before it (the last first)."""
    for k in range(len(out) - 2, -1, -1):
        this, nxt = out[k], out[k + 1]
        if not this.unit and nxt.unit and (shared := SHARED.first(_pair(text, this, nxt, 0, trace, this))):
            out[k] = shared
    return out


# IN_PARTS: "2 hours 20 minutes", "2 years and 3 months", "6ft 4in", "7lb 4oz": one figure, in the
# smallest unit ("part" in data/units.txt says which units a measure is written in parts of)

_PART_GAP = regex.compile(r"\s*(?:,\s*)?(?:and\s+)?")


def _parts_of(p: Pair, scale: Mapping[str, int]) -> int:
    """How many of the figures after the first are its smaller parts."""
    out, j = p.drafts, p.at
    while (
        j + 1 < len(out)
        and out[j + 1].unit in scale
        and scale[out[j + 1].unit] < scale[out[j].unit]
        and out[j + 1].qualifier == "exact"
        and out[j].value is not None
        and out[j + 1].value is not None
        and not out[j + 1].kind
        and _PART_GAP.fullmatch(p.text, out[j].end, out[j + 1].start)
    ):
        j += 1
    return j - p.at


@cache
def _part_units() -> frozenset[str]:
    """The units a measure is written in parts of."""
    return frozenset(unit for chain in load_catalogue().in_parts for unit in chain)


def _in_parts_of(p: Pair, _: regex.Match[str] | None) -> Draft | None:
    scale = next(chain for chain in load_catalogue().in_parts if p.a.unit in chain)
    count = _parts_of(p, scale)
    if not count:
        return None
    parts = p.drafts[p.at : p.at + count + 1]
    smallest = parts[-1].unit
    total = tidy(sum((part.value or 0) * scale[part.unit] for part in parts) / scale[smallest])
    first = parts[0]
    low = total if first.low is not None else None
    high = total if first.high is not None else None
    return first._replace(end=parts[-1].end, value=total, low=low, high=high, unit=smallest,
                          rule=(Name.IN_PARTS,), cue="", after=parts[-1].after)  # fmt: skip


class InParts(Enum):
    IN_PARTS = "a measure written in parts, one figure in the smallest unit: '6ft 4in', '2 hours 20 minutes'"


IN_PARTS: Table[Pair, Draft] = Table(
    "joins",
    "value",
    (
        Rule(
            InParts.IN_PARTS,
            _in_parts_of,
            when=lambda p: p.a.value is not None and p.a.qualifier != "range" and p.a.unit in _part_units(),
        ),
    ),
)


def _in_parts(text: str, out: list[Draft], trace: Trace | None = None) -> list[Draft]:
    """Each run of figures that IN_PARTS joins becomes one."""
    k = 0
    while k < len(out) - 1:
        a = out[k]
        if a.unit in _part_units() and (
            whole := IN_PARTS.first(
                Pair(text, a.start, a.end, out[k + 1].start, "", "", trace, a, out[k + 1], 0, None, out, k)
            )
        ):
            j = k + 1
            while j < len(out) and out[j].end <= whole.end:
                j += 1
            out[k:j] = [whole]
        k += 1
    return out


# DENOMINATIONS: "3 dollars 50 cents", "15 dollars 50", "5 pounds and 20 pence": an amount in a
# currency and its smaller denomination is one figure in the currency ("part" in data/units.txt
# says how many of the smaller make one)


class Denominations(Enum):
    """The rules of :data:`DENOMINATIONS`, in order: one amount written in two denominations."""

    SMALLER = "an amount in a currency and its smaller denomination: '3 dollars 50 cents', '5 pounds 20 pence'"
    BARE = "the smaller denomination's two digits alone after the currency: '15 dollars 50'"


_TWO_DIGITS = regex.compile(r"\d\d")
_BARE_GAP = regex.compile(r"\s+")
_NO_WORD_AFTER = regex.compile(r"(?!\s*\p{L})")  # "15 dollars 50 people" counts people


def _smaller_of(p: Pair) -> bool:
    """The first in a currency, the second its smaller denomination, nothing but "and" between."""
    a, b = p.a, p.b
    sub = load_catalogue().subunits.get(a.unit)
    return (
        sub is not None
        and a.qualifier == "exact"
        and b.qualifier == "exact"
        and isinstance(a.value, int)
        and b.value is not None
        and not a.kind.startswith("date")
        and _PART_GAP.fullmatch(p.text, a.end, b.start) is not None
        and a.rule[0] is Name.NUMBER
    )


def _in_denominations(p: Pair, _: regex.Match[str] | None) -> Draft | None:
    a, b = p.a, p.b
    small, count = load_catalogue().subunits[a.unit]
    if b.unit not in (small, "") or (not b.unit and not _TWO_DIGITS.fullmatch(p.text, b.start, b.end)):
        return None  # "15 dollars 50" says cents in two digits, or "cents" after them
    assert isinstance(a.value, int) and b.value is not None
    value = tidy(a.value + b.value / count)
    return a._replace(end=b.end, value=value, low=value, high=value, rule=(Name.DENOMINATIONS,), cue="",
                      after=b.after)  # fmt: skip


def _bare_cents(p: Pair) -> bool:
    """Two digits alone after the currency, a space away, and no word after them."""
    a, b = p.a, p.b
    return (
        not b.unit
        and not b.kind
        and _BARE_GAP.fullmatch(p.text, a.end, b.start) is not None
        and _NO_WORD_AFTER.match(p.text, b.end) is not None
        and _smaller_of(p)
    )


DENOMINATIONS: Table[Pair, Draft] = Table(
    "joins",
    "value",
    (
        Rule(Denominations.SMALLER, _in_denominations, when=lambda p: bool(p.b.unit) and _smaller_of(p)),
        Rule(Denominations.BARE, _in_denominations, when=_bare_cents),
    ),
)


def _denominations(text: str, out: list[Draft], trace: Trace | None = None) -> list[Draft]:
    """Each pair of figures that DENOMINATIONS joins becomes one."""
    subunits = load_catalogue().subunits
    k = 0
    while k < len(out) - 1:
        a = out[k]
        if a.unit in subunits and (one := DENOMINATIONS.first(_pair(text, a, out[k + 1], 0, trace, a))) is not None:
            out[k : k + 2] = [one]
        k += 1
    return out


# BOUNDS: "more than 20 and less than 35", "under 40 but over 30": a bound each side, one range


class Bounds(Enum):
    BOUNDS = (
        "a lower and an upper bound joined by 'and' or 'but', in either order, one range: 'more than 20 and "
        "less than 35', 'under 40 but above 30'"
    )


_BOUND_GAP = regex.compile(r"\s*,?\s*(?:and|but)\s+\Z", regex.IGNORECASE)


def _two_sides(p: Pair) -> bool:
    """One figure a lower bound and the next an upper bound (or the other way round), of one unit
    (or the first bare: "more than 20 and less than 35 km"), the lower below the upper."""
    a, b = p.a, p.b
    sides = {a.qualifier, b.qualifier}
    if sides != {"lower_bound", "upper_bound"} or a.kind or b.kind or (a.unit and a.unit != b.unit):
        return False
    low, high = (a.value, b.value) if a.qualifier == "lower_bound" else (b.value, a.value)
    return low is not None and high is not None and low < high


def _one_range(p: Pair, _: regex.Match[str] | None) -> Draft:
    a, b = p.a, p.b
    low, high = (a.low, b.high) if a.qualifier == "lower_bound" else (b.low, a.high)
    return a._replace(end=b.end, value=None, low=low, high=high, qualifier="range", unit=b.unit,
                      rule=(Name.BOUNDS,), cue="", after=b.after)  # fmt: skip


BOUNDS: Table[Pair, Draft] = Table(
    "joins", "value", (Rule(Bounds.BOUNDS, _one_range, _BOUND_GAP, "after", when=_two_sides),)
)


def _bounds(text: str, out: list[Draft], trace: Trace | None = None) -> list[Draft]:
    """Each pair of figures that BOUNDS joins becomes one range."""
    k = 0
    while k < len(out) - 1:
        a, b = out[k], out[k + 1]
        if a.qualifier != b.qualifier and (one := BOUNDS.first(_pair(text, a, b, 0, trace, a))) is not None:
            out[k : k + 2] = [one]
        k += 1
    return out
