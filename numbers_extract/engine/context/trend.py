"""Trend: up or down where a figure is a change ("rose 5%", "a 3% drop"), as two ordered tables.

:data:`TREND` decides, in order: what is no change (a span of time that says when, a date, a range
of values, a share of a whole), a signed share, the word of change before the figure, the noun of
change after it. The word before is found by walking back over the words a change passes over
("rose sharply by about 5%"); :data:`MOVED` then says whether the word found moves this figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Literal, NamedTuple

import regex

from ..figures.draft import Draft
from ..lexicon import alternation, lexicon
from ..names import OPENED_BY_FROM, Name
from ..rules import Rule, Spot, Table, Trace
from .entity import _HYPHEN_UNIT
from .verbs import _trend_word
from .window import Around, is_money

Match = regex.Match[str]
Direction = Literal["up", "down", ""]
"""The ``trend`` column: up, down, or "" (no change)."""

_LEX = lexicon()
TREND_NOUN_DOWN = _LEX.trend_noun_down
TREND_NOUN_UP = _LEX.trend_noun_up
_TREND_NOUNS = TREND_NOUN_UP | TREND_NOUN_DOWN  # "a 5% rise", "a sharp 3% drop"
_LEFT_TOKENS = regex.compile(r"[\p{L}]+(?:['’][\p{L}]+)?|[\d.,%$€£]+|[,;:()—–]")
_BACK_TOKENS = regex.compile(_LEFT_TOKENS.pattern, regex.REVERSE)  # the same words, the last first
_NUMERIC = regex.compile(r"[\d.,%$€£]+")
_PHRASAL_UP = _LEX.phrasal_up
_FUNDING = _LEX.funding_verbs
_PASS_OVER = _LEX.pass_over  # "shrank at an annualised rate of 2.1%"
_NOUN_MARKERS = _LEX.noun_markers  # before a trend word that is a noun
_AFTER_UP = _LEX.trend_after_up  # "settled 83 cents higher", "0.4% stronger against the euro"
_AFTER_DOWN = _LEX.trend_after_down
_OF_WHOLE = regex.compile(r"(?i)\bof\s+(?:the|its|their|his|her|our|all)\s+$", regex.REVERSE)
_NEXT_NOUN = regex.compile(r"\s+(?:" + alternation(_LEX.change_adjectives) + r"\s+)?(\p{L}+)")
_UNCHANGING = ("date", "time", "ordinal")
_STEPS = 9  # words a walk back passes over at most


class Change(NamedTuple):
    """A figure as the trend rules read it: its window (as :class:`~.window.Around` has it, but
    ``after`` is where the figure ends), the sentence's figures before it, and whether it is a
    span of time that says when."""

    text: str
    draft: Draft
    floor: int
    limit: int
    start: int
    after: int  # where the figure ends: a noun of change may follow
    before: str
    near: str
    trace: Trace | None
    previous: Sequence[Draft]  # the sentence's last few drafts before this one
    adjunct: bool  # a span of time after "in", "for", "over": when, not what


class Walked(NamedTuple):
    """A word of change found by walking back from a figure: what :data:`MOVED` reads."""

    text: str
    draft: Draft
    limit: int
    start: int
    after: int
    before: str
    near: str
    trace: Trace | None
    previous: Sequence[Draft]
    direction: Direction  # what the word says ("" when the walk went too far)
    word: str  # the word, lower-cased
    first: bool  # the word is right before the figure
    level: bool  # the walk passed "to" or "at": the figure may be the level reached
    word_start: int
    word_end: int


class Trend(Enum):
    """The rules of :data:`TREND`, in order."""

    FROM_START = (
        "a change stated with its start goes the way its ends say: 'rose from 160 to 180' up, 'went from 9% to 7%' down"
    )
    ADJUNCT = "a span of time that says when is no change: 'rose 5% over three months'"
    DATED = "a date, a time or a rank is no change: 'fell in 2011', 'up to third'"
    FALL = (
        "a span opened by 'from' with its larger end first is a fall: 'fell from $2,415 to $2,315', 'cut the "
        "limit from 30 to 20 mph' (not after a verb of ranging: 'bids ranged from 90 to 40')"
    )
    RANGE = "a range of values opened by 'from' is no change: 'grew from 252 to 287 miles'"
    SIGNED = "a share written with its sign: 'Stoxx -1.3%', 'DAX +0.4%'"
    OF_WHOLE = "the whole a change is part of: 'cut 5% of its 12,000 staff'"
    WORD_BEFORE = "a word of change before the figure, past 'by', 'to', 'about': 'rose 5%', 'was down 3%'"
    NOUN_AFTER = "a noun or adverb of change after the figure: 'a 5% rise', 'a sharp 3% drop', '83 cents higher'"
    UNCHANGED = "no word of change before the figure, no noun of change after it: 'holds 40 litres'"


class Moved(Enum):
    """The rules of :data:`MOVED`, in order: whether the word of change found moves the figure."""

    FAR = "the walk back passed too many words: no change"
    FUNDING = "money raised is no rise: 'the startup raised $50m' (but 'raised prices by 5%')"
    LEVEL = "the level reached after a change goes its way: 'fell 2% to 164p', 'closed down 0.5% at 7,412'"
    CHANGE_FIRST = "the change came before its word, and this is the level, its way: 'settled 83 cents lower at $78.60'"
    MOVES = "the word's direction: 'rose 5%', 'down 3%', 'fell by about 2%'"


def trend_of(w: Around, previous: Sequence[Draft], adjunct: bool) -> Direction:
    """up or down where the figure is a change ("rose 5%", "down 3%", "a 5% rise"), else "".

    A range of values ("from 252 to 287 miles") is no change; a range of changes ("fell by 1 to
    1.5 degrees") is.
    """
    draft = w.draft
    change = Change(w.text, draft, w.floor, w.limit, w.start, draft.end, w.before, w.near, w.trace, previous, adjunct)
    return TREND.first(change) or ""  # UNCHANGED decides last: never None


def _changes_after(text: str, after: int, limit: int) -> bool:
    """A noun of change follows the figure: "12% rise", "a 3% fall"."""
    right = _NEXT_NOUN.match(text, after, limit)
    return right is not None and right.group(1).lower() in _TREND_NOUNS


def _none(c: Change | Walked, m: Match | None) -> Direction | None:
    return ""


def _started(c: Change) -> bool:
    return c.draft.previous is not None


def _from_start(c: Change, m: Match | None) -> Direction | None:
    start, end = c.draft.previous, c.draft.value
    assert start is not None and end is not None
    return "up" if end > start else "down" if end < start else ""


def _adjunct(c: Change) -> bool:
    return c.adjunct


def _dated(c: Change) -> bool:
    return c.draft.kind in _UNCHANGING


def _from(c: Change) -> bool:
    return c.draft.rule[0] in OPENED_BY_FROM


_RANGING = regex.compile(
    r"(?i)\b" + alternation(_LEX.range_verbs | _LEX.describing_participles) + r"\s+(?:\p{L}+\s+)?$", regex.REVERSE
)  # "ranged from 90 to 40", "ranging from", "vary widely from"


def _falling(c: Change) -> bool:
    """The low and high of a span lose the order its ends were written in; larger first, it fell."""
    return Name.LARGER_FIRST in c.draft.rule and _RANGING.search(c.before) is None


def _down(c: Change, m: Match | None) -> Direction | None:
    return "down"


def _signed(c: Change) -> bool:
    draft = c.draft
    return draft.unit == "percentage" and draft.value is not None and c.text[c.start] in "-−+"


def _sign(c: Change, m: Match | None) -> Direction | None:
    return "down" if c.text[c.start] in "-−" else "up"


def _not_compound(c: Change) -> bool:
    """ "slumped to a 13-year low": a compound describes its noun, which alone may be a change."""
    return _HYPHEN_UNIT.search(c.text, c.start, c.draft.end) is None


def _word_before(c: Change, m: Match | None) -> Direction | None:
    walked = _walk(c)
    return MOVED.first(walked) if walked is not None else None


def _walk(c: Change) -> Walked | None:
    """Walk back from the figure over the words a change passes over ("rose by about", "was up",
    "fell to", "grow sales by") to a word of change; None where another word stops the walk. The
    words are read from the last, only as far as the walk asks."""
    left = c.before
    back = _BACK_TOKENS.finditer(left)
    seen: list[Match] = []  # the words read so far, the last first
    lows: list[str] = []

    def read(n: int) -> int:
        """Read words until ``n`` are read, or none is left; how many are read."""
        while len(lows) < n and (word := next(back, None)) is not None:
            seen.append(word)
            lows.append(word.group().lower())
        return len(lows)

    by: bool | None = None  # "by" is among the last four words: "rose by 5%", "rose by an average of 12 minutes"
    level, steps, k = False, 0, 0
    while read(k + 1) > k:
        low = lows[k]
        found: Direction = _trend_word(low)
        if found and low == "up" and read(k + 2) > k + 1 and lows[k + 1] in _PHRASAL_UP:
            found = ""  # "make up 19%", "took up 5%": no rise
        if found and k:
            by = by if by is not None else "by" in lows[: read(4)]
            if by and read(k + 2) > k + 1 and lows[k + 1] in _NOUN_MARKERS:
                found = ""  # "lowered its forecast for growth by 0.3 points": a noun in what the verb moved
        if found:
            at = c.start - len(left)
            return _walked(c, found, low, not k, level, at + seen[k].start(), at + seen[k].end())
        if not (low in _PASS_OVER or _NUMERIC.fullmatch(low)):
            by = by if by is not None else "by" in lows[: read(4)]
            if not (by and steps < 8 and low.isalpha()):
                break
        steps += 1  # "cuts journey times between the two cities by 40 minutes"
        level = level or low in ("to", "at")
        if steps > _STEPS:
            return _walked(c, "", low, False, level, -1, -1)
        k += 1
    return None


def _walked(c: Change, direction: Direction, word: str, first: bool, level: bool, start: int, end: int) -> Walked:
    return Walked(
        c.text, c.draft, c.limit, c.start, c.after, c.before, c.near, c.trace, c.previous, direction, word, first,
        level, start, end,
    )  # fmt: skip


def _noun_after(c: Change, m: Match | None) -> Direction | None:
    assert m is not None
    word = m.group(1).lower()
    if word in TREND_NOUN_UP or word in _AFTER_UP:
        return "up"
    if word in TREND_NOUN_DOWN or word in _AFTER_DOWN:
        return "down"
    return None


TREND: Table[Change, Direction] = Table(
    "trend",
    "trend",
    (
        Rule(Trend.FROM_START, _from_start, when=_started),
        Rule(Trend.ADJUNCT, _none, when=_adjunct),
        Rule(Trend.DATED, _none, when=_dated),
        Rule(Trend.FALL, _down, when=_falling),
        Rule(Trend.RANGE, _none, when=_from),
        Rule(Trend.SIGNED, _sign, when=_signed),
        Rule(Trend.OF_WHOLE, _none, _OF_WHOLE, "before", ("of",)),
        Rule(Trend.WORD_BEFORE, _word_before, when=_not_compound),
        Rule(Trend.NOUN_AFTER, _noun_after, _NEXT_NOUN, "after"),
        Rule(Trend.UNCHANGED, _none),
    ),
)


def _far(v: Walked) -> bool:
    return v.word_start < 0


def _funding(v: Walked) -> bool:
    return v.first and v.word in _FUNDING and is_money(v.draft)


def _level(v: Walked) -> bool:
    return v.level and any(v.word_end <= p.start < v.start and not p.kind for p in v.previous)


def _change_first(v: Walked) -> bool:
    return v.level and any(not p.kind and not v.text[p.end : v.word_start].strip() for p in v.previous)


def _moves(v: Walked, m: Match | None) -> Direction | None:
    return v.direction


MOVED: Table[Walked, Direction] = Table(
    "trend",
    "trend",
    (
        Rule(Moved.FAR, _none, when=_far),
        Rule(Moved.FUNDING, _none, when=_funding),
        Rule(Moved.LEVEL, _moves, when=_level),
        Rule(Moved.CHANGE_FIRST, _moves, when=_change_first),
        Rule(Moved.MOVES, _moves),
    ),
)


Said = Spot[str]  # a figure that says the one before it again, its detail the trend said (carry.said_again)


class TrendAgain(Enum):
    """The rules of :data:`TREND_AGAIN`: a trend taken from the figure before."""

    SAID_AGAIN = (
        "a figure that says the one before again, or the same verb's second change, takes its trend: "
        "'fell 3 cents, or 1.3%', 'grew 0.4% q/q and 1.9% y/y'"
    )


_DIRECTIONS: dict[str, Direction] = {"up": "up", "down": "down", "": ""}


def trend_again(w: Around, said: str) -> Direction:
    """The trend ``said`` again, where it is not the figure's own (explain names why)."""
    return TREND_AGAIN.first(Spot(w.text, w.start, w.after, w.limit, w.before, w.near, w.trace, said)) or ""


def _said_again(s: Said, m: Match | None) -> Direction | None:
    return _DIRECTIONS.get(s.detail)


TREND_AGAIN: Table[Said, Direction] = Table("trend", "trend", (Rule(TrendAgain.SAID_AGAIN, _said_again),))
