"""Joins of a sentence's figures from "from" to "to" with words between (the stage ``joins``): a
range whose ends have a few words between them, a change after a word of change, and a new level
that takes the unit of the range before it. The other joins are in joins.py.
"""

from __future__ import annotations

from enum import Enum

import regex

from ..lexicon import alternation, lexicon
from ..names import OPENED_BY_FROM, Name
from ..numerals import SUFFIX_SCALES, tidy
from ..rules import Rule, Table, Trace
from ..rx import rx
from .changes import against, changed, way_before
from .draft import Draft, Number
from .joins import Pair
from .scales import SCALE_SUFFIX, scale_of, scaled_itself

# FROM_TO, NEW_LEVEL: "from 21 mpg combined to 23", a range whose ends have a few words between
# them (not a date: "from 5% last year to 7% now" dates each end, two figures), or a change after a
# word of change ("climbed from 21 mpg combined to 23", "rose from about 10 to nearly 20"); after a
# range ("from 14-18 mpg to 24") a bare new level takes its unit

_FROM = regex.compile(r"(?i)\bfrom\s+$")
_TO_AFTER_ADJUNCT = regex.compile(r"(?i)\s+(?:[^\s,;()]+\s+){0,4}?to\s+")  # "in 2008 to", "combined to"
_DATED_TO = regex.compile(r"(?i)\s+(?:[^\s,;()]+\s+){1,6}?to\s+")  # "at 10.45pm last night to"
_WHEN = regex.compile(r"(?i)\b" + alternation(lexicon().dating_words) + r"\b")
_PASSED = regex.compile(r"(?i)\b" + alternation(lexicon().when_words | lexicon().period_pointers) + r"\b")  # "last"


def _ends_join(p: Pair) -> bool:
    """The two are the ends of one span: "to" a few words on, no date between ("from 5% last year
    to 7%": each end has its own), the second a plain number, a unit on one and no other unit."""
    return p.gap is not None and not _WHEN.search(p.gap.group()) and _ends(p)


def _ends(p: Pair) -> bool:
    """The second a plain number, no figure between, a unit on one and no other unit."""
    a, b = p.a, p.b
    if p.dated or b.kind or b.value is None or b.qualifier != "exact":
        return False
    return not (b.unit and b.unit != a.unit) and bool(a.unit or b.unit)


def _level_takes_unit(p: Pair) -> bool:
    gap = p.gap
    return gap is not None and gap.group().strip() == "to" and p.b.qualifier == "range" and bool(p.b.unit)


def _level_of(p: Pair, _: regex.Match[str] | None) -> Draft:
    """The bare old level of "from A to B-C unit", with the unit and scale of the range after it."""
    bare, new = p.a, p.b
    if bare.value is None or bare.qualifier != "exact":
        return bare
    value = _scaled_as(p.text, bare, bare.value, new, new.low)
    return bare._replace(value=value, low=value, high=value, unit=new.unit, rule=(*bare.rule, Name.UNIT_SHARED))


_SUFFIX_AFTER_DIGIT = r"\d(" + SCALE_SUFFIX + r")\b"  # built once: rx() hashes what it is given


def _scaled_as(text: str, bare: Draft, value: Number, new: Draft, near: Number | None) -> Number:
    """``value``, the bare old level's, in the scale of the new level written after it ("from 24.2 to
    33-35bn"), where that keeps it within ten times ``near``."""
    scale = scale_of(text, new.start, new.end)
    suffix = rx(_SUFFIX_AFTER_DIGIT).search(text, new.start, new.end) if scale == 1 else None
    scale = SUFFIX_SCALES[suffix.group(1)] if suffix is not None else scale  # "from 24.2 to 33-35bn"
    if not scaled_itself(text, bare) and near is not None and abs(value * scale) <= abs(near) * 10:
        return tidy(value * scale)
    return value


def _from_gap(p: Pair, _: regex.Match[str] | None) -> Draft:
    a, b = p.a, p.b
    assert a.value is not None and b.value is not None
    low, high = min(a.value, b.value), max(a.value, b.value)
    opened = _FROM.search(p.text, max(p.floor, a.start - 6), a.start)
    assert opened is not None  # an exact first end is opened by "from" written before it
    falling = (Name.LARGER_FIRST,) if a.value > b.value else ()  # "fell from 9 mpg in town to 7"
    return a._replace(start=opened.start(), end=b.end, value=None, low=low, high=high, qualifier="range",
        rule=(Name.FROM_GAP, *falling), cue="", after=b.after,
    )  # fmt: skip


def _change_ends(p: Pair) -> bool:
    """The two may be a change's start and end: the ends of a span, dated or not (:func:`_ends`:
    "from 3% last week to 3.4%"), or "to" alone between them, the end a number with its cue ("from
    about 10 to nearly 20"), each end's unit the same."""
    if p.a.qualifier not in ("exact", "approximate") or p.gap is None or p.dated:
        return False
    return _level_ends(p) if p.gap.group().strip().lower() == "to" else _ends(p)


def _level_ends(p: Pair) -> bool:
    """The second a number, not a range, with its cue if any ("to nearly 20"), each end's unit the same."""
    a, b = p.a, p.b
    return not (b.kind or b.value is None or b.qualifier == "range" or (a.unit and b.unit and a.unit != b.unit))


def _changed(p: Pair, dated: bool) -> tuple[int, Number] | None:
    """Where "from" opens the change from ``p.a`` to ``p.b``, and where it started (the first end in
    the second's scale); None where no word of change says it is one (but ``dated`` ends, time passing
    between them, do: "from 5% last year to 7%") or the numbers go against the word."""
    a, b = p.a, p.b
    opened = _FROM.search(p.text, max(p.floor, a.start - 6), a.start)
    if opened is None or a.value is None or b.value is None:
        return None
    way = way_before(p.text, opened.start(), p.floor)
    start = _scaled_as(p.text, a, a.value, b, b.value)
    if (way is None and not dated) or (way is not None and against(way, start, b.value)):
        return None
    return opened.start(), start


def _change_gap(p: Pair, _: regex.Match[str] | None) -> Draft | None:
    assert p.gap is not None and p.b.value is not None
    found = _changed(p, _PASSED.search(p.gap.group()) is not None)  # "from 5% last year to 7%", not "in town"
    if found is None:
        return None  # no word of change: a range, or two figures
    return changed(p.a, p.b, found[0], found[1], p.b.value, p.b.unit or p.a.unit, gap=True)


def _change_dated(p: Pair, _: regex.Match[str] | None) -> Draft | None:
    a, b = p.a, p.b
    found = _changed(p, bool(a.unit or b.unit))  # "from 9 on Monday to 5 on Friday": hours, no change
    if found is None:
        return None
    return b._replace(unit=b.unit or a.unit, previous=found[1], rule=(*b.rule, Name.CHANGED_FROM))


class FromTo(Enum):
    LEVEL_OF = "'from A to B-C unit': the old level takes the range's unit and scale: 'from 24.2 to 33-35bn euros'"
    CHANGE_GAP = (
        "'<change> from A … to B': one change with a few words between its ends: 'sank from 31 mpg on the highway "
        "to 24', 'rose from about 10 to nearly 20', 'from 3% last week to 3.4%'"
    )
    CHANGE_DATED = (
        "'from A <date> to B': each end dated by a figure of its own, B is the level reached from A, A its "
        "previous: 'fell from 5.1% in 2019 to 4.8%', 'plunged from $36,040 at 10pm to $34,935 at 5am'"
    )
    FROM_GAP = "'from A … to B': a range with a few words between its ends: 'from 31 mpg on the highway to 34'"


FROM_TO: Table[Pair, Draft] = Table(
    "joins",
    "value",
    (
        Rule(FromTo.LEVEL_OF, _level_of, when=lambda p: _level_takes_unit(p) and not p.a.unit),
        Rule(FromTo.CHANGE_GAP, _change_gap, when=_change_ends),
        Rule(FromTo.CHANGE_DATED, _change_dated, when=lambda p: bool(p.dated) and _level_ends(p)),
        Rule(FromTo.FROM_GAP, _from_gap, when=lambda p: p.a.qualifier == "exact" and _ends_join(p)),
    ),
)


class NewLevel(Enum):
    NEW_LEVEL = "after a range, the bare new level takes its unit: 'from about 5-7 tonnes to 9'"


NEW_LEVEL: Table[Pair, Draft] = Table(
    "joins",
    "unit",
    (
        Rule(
            NewLevel.NEW_LEVEL,
            lambda p, _: p.b._replace(unit=p.a.unit, rule=(*p.b.rule, Name.UNIT_SHARED)),
            when=lambda p: p.a.qualifier == "range" and _ends_join(p),
        ),
    ),
)


def _from_to(text: str, out: list[Draft], floor: int, trace: Trace | None = None) -> list[Draft]:
    """Joins the figures opened by "from" to the figure a few words on, by FROM_TO and NEW_LEVEL."""
    k = 0
    while k < len(out) - 1:
        a, b = out[k], out[k + 1]
        opened = not OPENED_BY_FROM.isdisjoint(a.rule) or _FROM.search(text, max(floor, a.start - 6), a.start)
        if a.kind or (a.value is None and a.qualifier != "range") or not opened:
            k += 1
            continue
        n = k + 1
        while n < len(out) - 1 and out[n].kind in ("date", "time"):  # "from $36,040 at 10pm to $34,935"
            n += 1
        if n > k + 1:
            b = out[n]
            dated = _DATED_TO.fullmatch(text, a.end, b.start)
            pair = Pair(text, b.start, b.end, b.start, "", "", trace, a, b, floor, dated, dated=out[k + 1 : n])
            reached = FROM_TO.first(pair) if dated is not None else None
            if reached is not None:  # the end has the start as its previous; the dates stay
                if trace is not None:  # the start gives no figure of its own: explain says why
                    trace.add("joins", "figure", FromTo.CHANGE_DATED, (a.start, a.end), "fired", "the start")
                out[n] = reached
                del out[k]
                continue
            b = out[k + 1]
        gap = _TO_AFTER_ADJUNCT.fullmatch(text, a.end, b.start)
        pair = Pair(text, a.start, a.end, b.start, "", "", trace, a, b, floor, gap)
        picked = FROM_TO.pick(pair)
        if picked is not None:
            out[k : k + 1 if picked[0] is FromTo.LEVEL_OF else k + 2] = [picked[1]]
        elif (level := NEW_LEVEL.first(pair._replace(start=b.start, after=b.end))) is not None:
            out[k + 1] = level
        k += 1
    return out
