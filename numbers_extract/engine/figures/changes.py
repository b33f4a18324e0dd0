"""Changes stated with their start: "rose from $160 to $180", "was cut from 5% to 4.5%", "going from
175 to 450 gigawatts" are one figure, the level reached (its value) and where it started (its
``previous``).

"from A to B" after a word of change is a change; with none it stays a range ("prices from $10 to
$20", "savings ranging from $200 to $4 million"). :func:`way_before` finds the word, walking back
from "from" over the words of what changed ("cut its forecast for growth from"); ranges.py
(CHANGES, "from A to B") and joins.py (FROM_TO, "from A … to B") make the figure with
:func:`changed`.
"""

from __future__ import annotations

from typing import Literal

import regex

from ..lexicon import lexicon, trend_word
from ..names import Name
from .draft import Draft, Number

Way = Literal["up", "down", ""]
"""What a word of change says: up, down, or "" (a change whose way the numbers say: "went from")."""

_LEX = lexicon()
_NOUN_UP = _LEX.trend_noun_up
_NOUN_DOWN = _LEX.trend_noun_down
_NO_WAY = _LEX.change_from_words | _LEX.change_nouns  # "going from", "a change from"
_NOUNS = _LEX.change_nouns  # a noun of change is one right before "from", or before its preposition
_AFTER_NOUN = _LEX.prepositions  # "a rise in fares from"
_RANGING = _LEX.range_verbs | _LEX.describing_participles  # "ranged from", "priced from": a range
_STOPS = _LEX.clause_conjunctions | _LEX.relative_words  # "he added that fares from": another clause
_TOKENS = regex.compile(r"\p{L}[\p{L}'’-]*|[\d.,%$€£]+|\S")
_STEPS = 6  # words a walk back passes over at most ("lowered the speed limit on main roads from")
_LOOK = 60  # characters before "from" it reads


def way_before(text: str, at: int, floor: int) -> Way | None:
    """The way the word of change before ``at`` (where "from" starts) says, "" for a word with no way
    of its own ("went", "revised"), None where there is none: a word of ranging, another clause,
    punctuation or too many words come first. A noun of change counts right before "from" or
    before a preposition ("a rise in fares from"); an -ing word that is none ("selling") opens a
    phrase of its own."""
    tokens = _TOKENS.findall(text, max(floor, at - _LOOK), at)
    after = ""  # the word after the one read (in the text's order)
    for k, token in enumerate(reversed(tokens)):
        if k >= _STEPS:
            return None
        low = token.lower()
        if not low[0].isalpha():
            if low[0].isdigit() or low[0] in "$€£":  # "rose 5% from $10 to $10.50"
                after = low
                continue
            return None  # punctuation: another clause
        if low in _RANGING or low in _STOPS:
            return None
        way = trend_word(low)
        if way:
            return way
        if low in _NOUNS and (not k or after in _AFTER_NOUN):
            return "up" if low in _NOUN_UP else "down" if low in _NOUN_DOWN else ""
        if low in _NO_WAY:
            return ""
        if len(low) > 4 and low.endswith("ing"):  # "stores selling tickets from": no change
            return None
        after = low
    return None


def against(way: Way, start: Number, end: Number) -> bool:
    """The numbers move against the word: "could lose from 5 to 10 pounds" is a range of losses."""
    return (way == "up" and end < start) or (way == "down" and end > start)


def changed(first: Draft, second: Draft, start: int, previous: Number, value: Number, unit: str, gap: bool) -> Draft:
    """The change from ``first`` (read as ``previous``) to ``second`` (read as ``value``), from
    ``start`` (where "from" is) to the end of ``second``: the value, qualifier and cue of the end
    reached; ``gap`` when words stand between the two ("from 31 mpg on the highway to 34")."""
    rule = (Name.CHANGE_GAP if gap else Name.CHANGE_FROM, *((Name.UNIT,) if unit else ()))
    low = value if second.low is not None else None
    high = value if second.high is not None else None
    return first._replace(start=start, end=second.end, value=value, low=low, high=high, qualifier=second.qualifier,
        unit=unit, rule=rule, cue=second.cue, after=second.after, previous=previous,
    )  # fmt: skip
