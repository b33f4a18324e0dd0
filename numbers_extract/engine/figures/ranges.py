"""Ranges: two numbers joined into one figure, "10–20", "10 to 20", "between 10 and 20", "from 10
to 20 km", "three or four weeks", as three ordered tables of the stage ``ranges``.

A draft followed by a join ("to", "and", "or", a dash, a slash) and a numeral is a :class:`Join`.
RANGE_JOIN says what keeps it apart before the second number is read (a currency the first has
not, "and" without "between"); RANGE_PAIR what keeps the two apart once it is read (each end its
own unit, a change then a level, a tally "61 to 39"), or drops them (a score "3-1"); RANGES makes
the range, named by how it is written. Before RANGE_PAIR, CHANGES makes "from A to B" after a word of
change one change ("rose from 160 to 180": 180, up from 160), or leaves it to the range rules.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal, NamedTuple

import regex

from ..lexicon import alternation, lexicon
from ..names import Name
from ..numerals import Numeral, tidy
from ..rules import Rule, Table, Trace
from ..rx import rx
from ..units import Catalogue
from .changes import Way, against, changed, way_before
from .draft import Draft, Number
from .joins import WORD_BEFORE
from .one import _one
from .scales import scale_of, scaled_itself

_RANGE_JOIN = regex.compile(
    r"\s*(?:-?\s*(?P<word>to|through|thru|and|or)-?|(?P<dash>[-–—−~〜])|(?P<slash>/))\s*", regex.IGNORECASE
)
_BETWEEN = regex.compile(r"\bbetween\s+$")
_FROM = regex.compile(r"\bfrom\s+$")
_BY = regex.compile(r"(?i)\bby\s+$")
_RANGE_STARTS = regex.compile(r"\s?[-–]\s?\d")

_MOVES = lexicon().trend_up | lexicon().trend_down
_MOVED_PAST = lexicon().past_trend_verbs | {"up", "down"}  # "fell by", "revised down by"; not "could rise by"
_MOVED_BY = regex.compile(r"(\p{L}+)\s+by\s+$")

Verdict = Literal["apart", "dropped"]  # two figures; or none ("3-1" is a score)


class Join(NamedTuple):
    """A draft, the join after it and the numeral after that: the window the range rules read."""

    text: str
    start: int  # where the first number starts
    after: int  # where it ends
    limit: int
    before: str  # unused: no range rule looks backwards with a pattern
    near: str  # unused: the rules' cheap tests are tests of the join
    trace: Trace | None
    draft: Draft
    nxt: Numeral
    floor: int
    catalogue: Catalogue
    join: regex.Match[str]
    word: str  # "to", "and", "or", lower-cased; "" for a dash or a slash
    gap: str  # between the join and the second numeral: a currency prefix, a minus
    left: str  # the ten characters before the first number, lower-cased
    opening: Name | None  # Name.BETWEEN, Name.FROM, or None
    way: Way | None  # after "from" with "to": what the word of change before says; None: there is none
    second: Draft | None = None  # read once RANGE_JOIN lets the pair through
    low: Number = 0  # the ends, the first scaled as the second ("$10 to $15 billion")
    high: Number = 0
    unit: str = ""


_READ = len(Join._fields) - 4  # the fields known before the second number is read


# RANGE_JOIN: what keeps a draft and the numeral after it apart, before the second is read


def _first_not_plain(j: Join) -> bool:
    d = j.draft  # (but "within two to three years" is a range)
    within = d.qualifier == "upper_bound" and j.text[d.start : d.start + 7].lower() == "within "
    return bool(d.kind) or d.value is None or (d.qualifier not in ("exact", "approximate") and not within)


def _prefix_differs(j: Join) -> bool:
    if j.gap == "" or j.gap in ("-", "−"):  # "from -18 °C to -34 °C"
        return False
    prefix, currency = j.gap.strip(), j.draft.unit.split(" per ")[0]  # "$350 per kg to $680 per kg"
    return prefix not in j.catalogue.prefixes or currency != j.catalogue.prefixes[prefix]


def _level_is_range(j: Join) -> bool:
    return j.opening is Name.FROM and j.word == "to" and bool(_RANGE_STARTS.match(j.text, j.nxt.end, j.limit))


def _apart(j: Join, _: regex.Match[str] | None) -> Verdict:
    return "apart"


def _dropped(j: Join, _: regex.Match[str] | None) -> Verdict:
    return "dropped"


class JoinBlock(Enum):
    """What keeps a number and the numeral after the join apart, before the second is read."""

    FIRST_NOT_PLAIN = "the first is no plain number: a date, an ordinal, 'over 10' (but 'within two to three')"
    PREFIX = "a prefix before the second that is not the first's currency: '$10 to €15', '5 to $10'"
    SLASH = "a slash: '24/7', '10/20'; a range only with a prefix after it, '$10/$20'"
    AND_ALONE = "'and' with no 'between' before: '19 and 1,900 square miles' are two figures"
    LEVEL_IS_RANGE = "'from A to B-C': the new level is itself a range, 'from 24.2 to 33-35 billion euros'"


RANGE_JOIN: Table[Join, Verdict] = Table(
    "ranges",
    "figure",
    (
        Rule(JoinBlock.FIRST_NOT_PLAIN, _apart, when=_first_not_plain),
        Rule(JoinBlock.PREFIX, _apart, when=_prefix_differs),
        Rule(JoinBlock.SLASH, _apart, when=lambda j: bool(j.join.group("slash")) and not j.gap),
        Rule(JoinBlock.AND_ALONE, _apart, when=lambda j: j.word == "and" and j.opening is not Name.BETWEEN),
        Rule(JoinBlock.LEVEL_IS_RANGE, _apart, when=_level_is_range),
    ),
)


# RANGE_PAIR: what keeps the two apart once the second is read, or drops them


def _second_not_plain(j: Join) -> bool:
    s = j.second
    return s is None or s.value is None or bool(s.kind) or s.qualifier != "exact"


def _list_or(j: Join) -> bool:
    """ "5, 10 or 15 percent" is a list; "two or three", "8 or 9" (neighbouring whole numbers, not
    ending a list: "4, 5 or 6 percent") are one vague range."""
    if j.word != "or":
        return False
    a, b, first = j.draft.value, j.second.value if j.second else None, j.draft
    if not (isinstance(a, int) and isinstance(b, int) and b == a + 1):
        return True
    return bool(rx(r"[\d\p{L}],\s*$").search(j.text, max(j.floor, first.start - 3), first.start))


def _units_differ(j: Join) -> bool:
    first, second = j.draft.unit, j.second.unit if j.second else ""
    return bool(first and second and first != second and not second.startswith(first + " per "))


def _unit_first_only(j: Join) -> bool:
    d, second = j.draft, j.second
    return bool(d.unit and second and not second.unit and not j.opening and j.word and Name.AGED not in d.rule)


def _change(j: Join) -> bool:
    if j.word != "to":
        return False
    if abs(j.low) * 5 < abs(j.high):
        return bool(_BY.search(j.left)) or _moved_before(j.text, j.start, j.floor)
    # "revised down by 30 to 126", "rose by 40 to 95": a past move by a bare number, then the bare
    # level (a range of moves has its unit, "fell by 5 to 10 percent", or is to come, "could rise by 3 to 4")
    moved = _MOVED_BY.search(j.text, max(j.floor, j.start - 30), j.start)
    return moved is not None and _no_unit(j) and moved.group(1).lower() in _MOVED_PAST


def _moved_before(text: str, start: int, floor: int) -> bool:
    """A trend verb ("rose", "fell", "added") stands right before ``start``."""
    word = WORD_BEFORE.search(text, max(floor, start - 20), start)
    return word is not None and word.group(1).lower() in _MOVES


def _no_unit(j: Join) -> bool:
    return not (j.draft.unit or (j.second is not None and j.second.unit))


def _tally(j: Join) -> bool:
    return j.low > j.high and j.word == "to" and not j.opening and _no_unit(j)


def _split(j: Join) -> bool:
    s = j.second
    return j.low > j.high and bool(j.join.group("dash")) and bool(j.draft.unit and s and s.unit) and not j.opening


def _score(j: Join) -> bool:
    return j.low >= j.high and bool(j.join.group("dash")) and _no_unit(j)  # "3-1", and a draw "1-1"


_RECORD_AFTER = regex.compile(
    r"[-–]\d|\s+in\s+(?:the\s+)?\p{Lu}|\s+(?i:" + alternation(lexicon().standing_nouns) + r")\b"
)  # "a 1-6-2 skid", "2-6 in the AFC", "a 4-7 record"
_AT_OPENING = regex.compile(r"(?i)\s*at\s+")  # a sentence opening "At 4-7, the Chargers …": where a team stands
_AT_AFTER_STOP = regex.compile(r"(?i)[.;:!?]\s+at\s+$")
_COMMA = regex.compile(r"\s*,")
_RECORDS = regex.compile(r"\((?:\d{1,3}[-–]\d{1,3}(?:[-–]\d{1,3})?(?:,\s*(?=\d)|\)))+")  # "(6-5, 3-4)"
_NAME_BEFORE = regex.compile(r"\p{Lu}[\p{L}.'’]*\s?$")


def _record(j: Join) -> bool:
    """Wins and losses (and ties), no unit: three numbers joined by dashes, a pair before a league or
    conference or a noun of standing ("a 4-7 record"), a pair opening a sentence after "At" ("At 4-7,
    the Chargers"), or pairs alone in brackets after a team's name ("the Huskies (4-7, 3-4)")."""
    if not (j.join.group("dash") and _no_unit(j) and j.second is not None):
        return False
    if _RECORD_AFTER.match(j.text, j.second.end, j.limit):
        return True
    if _AT_OPENING.fullmatch(j.text, j.floor, j.start) or _AT_AFTER_STOP.search(
        j.text, max(j.floor, j.start - 6), j.start
    ):
        return _COMMA.match(j.text, j.second.end, j.limit) is not None
    opening = j.text.rfind("(", max(j.floor, j.start - 10), j.start)
    records = _RECORDS.match(j.text, opening, j.limit) if opening >= 0 else None
    return (
        records is not None
        and records.end() >= j.second.end
        and _NAME_BEFORE.search(j.text, max(j.floor, opening - 30), opening) is not None
    )


class PairBlock(Enum):
    """What keeps the two numbers apart once the second is read, or makes them no figure."""

    SECOND_NOT_PLAIN = "the second is no plain number: '10 to about 20', '5 to 10th'"
    LIST_OR = "'or' between numbers that are not neighbours, or that end a list: '10 or 20 minutes', '4, 5 or 6'"
    UNITS_DIFFER = "each end its own unit: '5 km to 10 miles' (but '$500,000 to $1 million a year')"
    UNIT_FIRST_ONLY = "a unit on the first alone, a word between, no 'between'/'from': '5 km to 6'"
    CHANGE = (
        "a change, then the level it reached: 'grew by 1,500 to 42,000', 'jumped $310 to $9,870', 'revised "
        "down by 30 to 126'"
    )
    TALLY = "a larger number first, 'to' between, no unit: 'a margin of 61 to 39', 'by 218 votes to 212'"
    SPLIT = "a larger number first, a dash between, each end its unit: a split, two figures: 'a 52%-48% vote'"
    SCORE = (
        "a larger number first (or the same twice), a dash between, no unit: a score, no figure: 'won 3-1', 'a 9-2"
        " lead', 'drew 1-1'"
    )
    RECORD = "wins and losses, no figure: 'a 1-6-2 skid', '2-6 in the AFC', 'a 4-7 record', 'At 4-7,', '(4-7, 3-4)'"


RANGE_PAIR: Table[Join, Verdict] = Table(
    "ranges",
    "figure",
    (
        Rule(PairBlock.SECOND_NOT_PLAIN, _apart, when=_second_not_plain),
        Rule(PairBlock.LIST_OR, _apart, when=_list_or),
        Rule(PairBlock.UNITS_DIFFER, _apart, when=_units_differ),
        Rule(PairBlock.UNIT_FIRST_ONLY, _apart, when=_unit_first_only),
        Rule(PairBlock.CHANGE, _apart, when=_change),
        Rule(PairBlock.TALLY, _apart, when=_tally),
        Rule(PairBlock.SPLIT, _apart, when=_split),
        Rule(PairBlock.SCORE, _dropped, when=_score),
        Rule(PairBlock.RECORD, _dropped, when=_record),
    ),
)  # fmt: skip


def _opened_at(left: str, start: int, opening: regex.Pattern[str]) -> int:
    """Where the word that opens a span ("between", "from") starts: in ``left``, which ends at ``start``."""
    found = opening.search(left)
    assert found is not None
    return start - len(left) + found.start()


# CHANGES: "from A to B" after a word of change, one change (or the range the rules after make)


def _scaled_start(j: Join, start: Number, end: Number) -> bool:
    """The bare start of a change takes the end's scale where the change falls ("fell from 1.2 to 0.9
    billion") or stays within ten times the end ("went from 5 to 40 million")."""
    return j.way is not None and (j.way == "down" or abs(start) <= 10 * abs(end))


def _level(j: Join) -> bool:
    """The end is a level the change could reach: a number (but not a range), each end's unit the same."""
    s = j.second
    return s is not None and s.value is not None and not s.kind and s.qualifier != "range" and not _units_differ(j)


def _against(j: Join, _: regex.Match[str] | None) -> Literal["range"] | None:
    return "range" if j.way is not None and against(j.way, j.low, j.high) else None


def _change_from(j: Join, _: regex.Match[str] | None) -> Draft:
    assert j.second is not None
    return changed(j.draft, j.second, _opened_at(j.left, j.start, _FROM), j.low, j.high, j.unit, gap=False)


class ChangeRule(Enum):
    """Whether "from A to B" after a word of change is one change."""

    AGAINST = "the numbers go against the word: a range of changes, 'may lose from 4 to 9 kg', 'cut from 5 to 9 jobs'"
    CHANGE_FROM = (
        "'<change> from A to B': one figure, the level B reached from A: 'rose from 160 to 180', 'was cut from 5% "
        "to 4.5%', 'going from 175 to 450 gigawatts', 'an increase from $10 to $12'"
    )


CHANGES: Table[Join, Draft | Literal["range"]] = Table(
    "ranges",
    "value",
    (
        Rule(ChangeRule.AGAINST, _against, when=_level),
        Rule(ChangeRule.CHANGE_FROM, _change_from, when=_level),
    ),
)


# RANGES: the range the two make


def _range_of(j: Join, opening: tuple[Name, ...]) -> Draft:
    d, second = j.draft, j.second
    assert second is not None
    low, high = (j.high, j.low) if j.low > j.high else (j.low, j.high)
    start = _opened_at(j.left, d.start, _BETWEEN if opening[0] is Name.BETWEEN else _FROM) if opening else d.start
    falling = (Name.LARGER_FIRST,) if opening == (Name.FROM,) and j.low > j.high else ()  # "fell from 9 to 7"
    rule = (*opening, *falling, Name.OR if j.word == "or" else Name.TO, *((Name.UNIT,) if j.unit else ()))
    return d._replace(start=start, end=second.end, value=None, low=low, high=high, qualifier="range",
        unit=j.unit, rule=rule, cue="", after=second.after,
    )  # fmt: skip


class RangeRule(Enum):
    """How the range is written: the first words of its rule name."""

    BETWEEN = "'between A and B': 'between 3,000 and 4,000 people'"
    FROM = "'from A to B': 'from 10 to 20 km', 'from $200 to $4 million'"
    OR = "neighbouring whole numbers joined by 'or': 'three or four weeks', '2 or 3 bikes'"
    TO = "'A to B', 'A-B', 'A–B', 'A~B': '5 to 10 minutes', '10–20 percent', '$5-10bn', '20~30'"


RANGES: Table[Join, Draft] = Table(
    "ranges",
    "value",
    (
        Rule(RangeRule.BETWEEN, lambda j, _: _range_of(j, (Name.BETWEEN,)), when=lambda j: j.opening is Name.BETWEEN),
        Rule(RangeRule.FROM, lambda j, _: _range_of(j, (Name.FROM,)), when=lambda j: j.opening is Name.FROM),
        Rule(RangeRule.OR, lambda j, _: _range_of(j, ()), when=lambda j: j.word == "or"),
        Rule(RangeRule.TO, lambda j, _: _range_of(j, ())),
    ),
)  # fmt: skip


def _range(
    text: str,
    draft: Draft,
    following: list[Numeral],
    floor: int,
    limit: int,
    catalogue: Catalogue,
    trace: Trace | None = None,
) -> tuple[Draft | None, int]:
    """Join "10–20", "10 to 20", "between 10 and 20", "from 10 to 20 km" into one range figure: the
    figure and how many of ``following`` it took (1), or None for a score ("3-1") that took one."""
    if not following:
        return draft, 0
    join = _RANGE_JOIN.match(text, draft.end, limit)
    if join is None:
        return draft, 0
    nxt = following[0]
    left = text[max(floor, draft.start - 10) : draft.start].lower()
    opening = Name.BETWEEN if _BETWEEN.search(left) else Name.FROM if _FROM.search(left) else None
    word = (join.group("word") or "").lower()
    way = None
    if opening is Name.FROM and word == "to":  # "rose from 160 to 180": a word of change before "from"?
        way = way_before(text, _opened_at(left, draft.start, _FROM), floor)
    j = Join(text, draft.start, draft.end, limit, "", "", trace, draft, nxt, floor, catalogue, join, word,
             text[join.end() : nxt.start], left, opening, way)  # fmt: skip
    if RANGE_JOIN.first(j) is not None:
        return draft, 0
    j = _read_second(j)
    if way is not None:
        made = CHANGES.first(j)
        if made is not None and made != "range":
            return made, 1
    verdict = RANGE_PAIR.first(j)
    if verdict is not None:
        return (None, 1) if verdict == "dropped" else (draft, 0)
    merged = RANGES.first(j)
    assert merged is not None  # RANGES.TO always decides
    return merged, 1


def _read_second(j: Join) -> Join:
    """The join with its second number read, and the two ends and the unit they share (the first
    scaled as the second where it is written bare)."""
    draft, nxt = j.draft, j.nxt
    second = _one(j.text, nxt, j.floor, j.limit, j.catalogue, second=True, claim=j.join.end())  # not "~" itself
    if second is None or second.value is None or second.kind or second.qualifier == "range":
        return Join._make((*j[:_READ], second, 0, 0, ""))
    unit = draft.unit or second.unit
    if draft.unit and second.unit and draft.unit != second.unit:
        unit = second.unit  # "$500,000 to $1 million a year"
    assert draft.value is not None
    low, high = draft.value, -second.value if j.gap in ("-", "−") else second.value
    suffixed = bool(nxt.value) and second.value != nxt.value  # "$5-10bn": the suffix scaled the second
    if not scaled_itself(j.text, draft) and (nxt.scaled or suffixed):
        factor = scale_of(j.text, nxt.start, nxt.end) if nxt.scaled else abs(second.value / (nxt.value or 1))
        # "$10 to $15 billion", "four to five thousand", "$5-10bn", "fell from 1.2 to 0.9bn"
        if abs(low) < 1e200 and (low * factor <= abs(high) or _scaled_start(j, low * factor, high)):
            low = tidy(low * factor)
    return Join._make((*j[:_READ], second, low, high, unit))
