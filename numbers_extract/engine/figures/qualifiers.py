"""Qualifier cues written before a number ("more than", "about", "~"; the table :data:`CUE`), "over"
that spreads a figure rather than bounding it, the cues written after a number ("or more", "+") and
the bounds a qualifier gives.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType

import regex

from ..lexicon import alternation, lexicon
from ..names import Name
from ..numerals import tidy
from ..rules import Rule, Table
from ..units import Catalogue
from .draft import Number
from .reading import STEPS, Read, Reading
from .unit_context import _BEFORE_NOUN

_LEX = lexicon()
STOP_WORDS = _LEX.stop_words
# cue written before the number -> qualifier. The longest cue that ends right before the number wins
# ("just under" before "under").
QUALIFIER_CUES: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(_LEX.qualifier_approximate, "approximate"),
        **dict.fromkeys(_LEX.qualifier_lower_bound, "lower_bound"),
        **dict.fromkeys(_LEX.qualifier_upper_bound, "upper_bound"),
    }
)

# cue written after the number -> qualifier: "50-plus", "100+", "or more", "or so"; a cue in words
# follows a space, one that starts with a symbol is written against the number
QUALIFIER_AFTER: Mapping[str, str] = MappingProxyType(
    {
        (cue if not cue[0].isalpha() else " " + cue): qualifier
        for cues, qualifier in (
            (_LEX.qualifier_after_lower_bound, "lower_bound"),
            (_LEX.qualifier_after_upper_bound, "upper_bound"),
            (_LEX.qualifier_after_approximate, "approximate"),
        )
        for cue in sorted(cues)
    }
)

# patterns anchored at the end of the text before a number are matched backwards (regex.REVERSE): from
# that end, rather than tried at every position of the window
_LEFT_WORD = regex.compile(r"([\p{L}][\p{L}\p{N}&.'’]*)\s*$", regex.REVERSE)


_CUE_WORDS = max(len(cue.split()) for cue in QUALIFIER_CUES)


_SYMBOL_CUES = sorted((c for c in QUALIFIER_CUES if not c[0].isalpha()), key=lambda c: (-len(c), c))


_SYMBOL_ENDS = tuple(_SYMBOL_CUES)


_TOKEN = regex.compile(r"\S+")


_CUE_ENDINGS = frozenset(cue.split()[-1] for cue in QUALIFIER_CUES if cue[0].isalpha())


_LAST_TOKEN = regex.compile(r"(\S+)\s{0,2}$", regex.REVERSE)


def _qualifier(text: str, start: int, floor: int) -> tuple[int, str] | None:
    """The qualifier cue that ends right before ``start`` ("more than", "about", "~"), longest first."""
    left = text[max(floor, start - 40) : start]
    stripped = left.rstrip()
    if stripped.endswith(_SYMBOL_ENDS) and len(left) - len(stripped) <= 1:  # "~1.2mm", ">5", "≥ 40"
        for symbol in _SYMBOL_CUES:
            if stripped.endswith(symbol):
                return start - len(left) + len(stripped) - len(symbol), QUALIFIER_CUES[symbol]
    last = _LAST_TOKEN.search(left)
    if last is None or last.group(1).lstrip("(“\"'[").lower() not in _CUE_ENDINGS:
        return None  # most numbers have no cue: said at once, from the word before
    tokens = list(_TOKEN.finditer(left))[-_CUE_WORDS:]
    if not tokens or tokens[-1].end() < len(left) - 2:
        return None
    for n in range(len(tokens), 0, -1):
        first = tokens[-n]
        words_ = [t.group() for t in tokens[-n:]]
        words_[0] = words_[0].lstrip("(“\"'[")
        key = " ".join(words_).lower()
        if key in QUALIFIER_CUES:
            before = _LEFT_WORD.search(left, 0, first.start())
            if (
                key.startswith("up to")
                and before is not None
                and before.group(1).lower() in _MOVED
                and not _STARTS_AT.search(text, max(floor, start - 120), start)
            ):
                return None  # "edged up to 4.1%": rose to it, no upper bound (but "start at $35 and go up to")
            if (
                key == "estimated"
                and before is not None
                and before.group(1)[0].isupper()
                and before.group(1).lower() not in _ARTICLE_WORDS
            ):
                continue  # "Dr Smith estimated 40 cases": a speaker's verb ("an estimated 40" is the cue)
            shift = len(first.group()) - len(words_[0])
            return start - len(left) + first.start() + shift, QUALIFIER_CUES[key]
    return None


_ARTICLE_WORDS = _LEX.articles


_STARTS_AT = regex.compile(r"(?i)\bstart(?:s|ing|ed)?\s+(?:at|from)\b")


_MOVED = _LEX.moved_before_up_to


_LONGER_THAN = regex.compile(r"(?i)\b" + alternation(_LEX.over_bounds_after) + r"\s+$")


_AGO = regex.compile(r"\s+(?:ago|old|of\s+age)\b")  # "over 40 years ago": more than 40


PEOPLE = r"(?i)\b(" + alternation(_LEX.people_of_an_age) + r")\s+"  # before "over 50", "under 5": whose age it is


_PEOPLE_BOUND = regex.compile(PEOPLE + r"(?:aged\s+)?(?:over|under|above|below)\s+$", regex.REVERSE)
_PEOPLE_AGED = regex.compile(PEOPLE + r"(?:aged\s+)?$", regex.REVERSE)  # "children 5 and under"


_FIGURE_THEN = regex.compile(r"(?:\s+\p{Ll}+){0,2}\s+")  # "3,500 km over", "40 goals over"


def _spread_over(
    text: str, cue: int, claim: int, floor: int, end: int, limit: int, unit: str, catalogue: Catalogue
) -> bool:
    """ "over" that spreads a figure rather than bounding the number after it: over a span of time
    ("cost £2bn over five years", but "for over 30 years", "over 40 years ago" are more than), or right after a figure
    ("covers 3,500 km over 21 stages", "40 goals over three seasons"; "1,000 people over 65" bounds)."""
    if text[cue : cue + 4].lower() != "over":
        return False
    if (
        unit
        and catalogue.unit(unit).dimension == "time"
        and not _LONGER_THAN.search(text, max(floor, cue - 12), cue)
        and not _AGO.match(text, end, limit)
    ):
        return True
    if claim <= floor:
        return False
    gap = _FIGURE_THEN.fullmatch(text, claim, cue)
    if gap is None or any(w in STOP_WORDS for w in gap.group().split()) or _PEOPLE_BOUND.search(text, claim, cue + 5):
        return False  # but "one in three adults over 65": their age
    return bool(unit) or _BEFORE_NOUN.match(text, end, limit) is not None


class Cue(Enum):
    """The rules of :data:`CUE`, in order: the qualifier written before a number."""

    VAGUE = "a vague count is a range: 'dozens', 'a few hundred'"
    BEFORE = "a cue right before the number: 'more than 40', 'about $5m', '~1.2mm' (not 'over five years')"
    SUB = "'sub-' before the number, an upper bound: 'sub-1% growth'"


def _vague(r: Reading) -> bool:
    return r.n.style == "vague"


def _a_range(r: Reading, m: regex.Match[str] | None) -> Reading | None:
    return r.replace(qualifier="range")  # its rule is "<vague count> of", whatever else is written


def _cue_before(r: Reading, m: regex.Match[str] | None) -> Reading | None:
    cue = _qualifier(r.text, r.start, r.lo)
    if cue is None or _spread_over(r.text, cue[0], r.claim, r.floor, r.after, r.limit, r.unit, r.catalogue):
        return None
    return r.replace(start=cue[0], qualifier=cue[1], said_before=(Name.QUALIFIER, *r.said_before))


def _upper(r: Reading, m: regex.Match[str] | None) -> Reading | None:
    if r.text[max(r.lo, r.start - 4) : r.start].lower() != "sub-":
        return None
    return r.replace(start=r.start - 4, qualifier="upper_bound", said_before=(Name.SUB, *r.said_before))


CUE: Table[Reading, Reading] = Table(
    "cue",
    "qualifier",
    (
        Rule(Cue.VAGUE, _a_range, when=_vague),
        Rule(Cue.BEFORE, _cue_before),
        Rule(Cue.SUB, _upper, needs=("sub-",)),
    ),
)


_WORD_NEXT = regex.compile(r"\s+\p{L}")


_AFTER_STARTS = frozenset(cue[:2] for cue in QUALIFIER_AFTER)  # most numbers are followed by none of these
# the cues by how they start (their first two characters, or one), each with its place in the lexicon's order
_AFTER_BY_START: Mapping[str, tuple[tuple[int, str, str], ...]] = MappingProxyType(
    {
        start: tuple((k, cue, q) for k, (cue, q) in enumerate(QUALIFIER_AFTER.items()) if cue[:2] == start)
        for start in _AFTER_STARTS
    }
)


# "12 and over", "5 or under": the number and those above or below it, unless a noun phrase or a number
# follows the word ("rose 3% and over the year", "5 and under 10"), which makes it a preposition
_PREPOSITION_CUES = frozenset(cue for cue in QUALIFIER_AFTER if cue.split()[-1] in _LEX.bound_directions)
_PHRASE_NEXT = regex.compile(
    r"\s*(?:[\d$€£]|(?i:" + alternation(_LEX.determiners | {"of", "to", "until", "till"}) + r")\b)"
)


def cue(r: Reading) -> Reading:
    """The qualifier written before the number, by the first rule of :data:`CUE` that decides."""
    picked = CUE.pick(r)
    return picked[1] if picked is not None else r


def cue_after(r: Reading) -> Reading:
    """The cue written after the number ("or more", "+", "-odd"), the first in the lexicon's order."""
    text, e, limit = r.text, r.after, r.limit
    if text[e : e + 2] not in _AFTER_STARTS and text[e : e + 1] not in _AFTER_STARTS:
        return r
    two, one = text[e : e + 2], text[e : e + 1]
    for _, after, q in sorted(_AFTER_BY_START.get(two, ()) + (_AFTER_BY_START.get(one, ()) if one != two else ())):
        end = e + len(after)
        if text.startswith(after, e) and end <= limit and (end == limit or not text[end].isalnum()):
            if after == "+" and e + 1 < limit and text[e + 1].isdigit():
                continue
            if after in _PREPOSITION_CUES and _PHRASE_NEXT.match(text, end, limit):
                continue
            if after == " plus" and (
                r.qualifier != "exact"
                or (r.unit and r.catalogue.unit(r.unit).dimension == "currency" and _WORD_NEXT.match(text, end, limit))
            ):
                continue  # "€35 million plus add-ons", "$500 plus tax": an amount added, not "or more"
            r = r.replace(after=end, qualifier=q, cue=after.strip())
            r.note(STEPS, "qualifier", Read.CUE_AFTER, after.strip())
            return r
    return r


def bounds(r: Reading) -> Reading:
    """The figure read, with the low and high its qualifier gives: a bound, a range, an error either side."""
    n, value, qualifier = r.n, r.value, r.qualifier
    low: Number | None = None
    high: Number | None = None
    if n.style == "vague" and qualifier != "range":  # "a few hundred or more", "several thousand-odd"
        low = n.low if qualifier in ("approximate", "lower_bound") else None
        high = n.high if qualifier in ("approximate", "upper_bound") else None
        r.note(STEPS, "value", Read.VAGUE_CUE)
        r = r.replace(qualifier="range" if qualifier == "approximate" else qualifier)
    elif r.margin is not None and value is not None and qualifier == "exact":
        r.note(STEPS, "qualifier", Read.MARGIN)
        low, high = tidy(value - r.margin), tidy(value + r.margin)
        r = r.replace(qualifier="approximate")
    elif qualifier == "lower_bound":
        low = value
    elif qualifier == "upper_bound":
        high = value
    elif qualifier == "range":  # a vague count
        low, high = n.low, n.high
    elif qualifier == "exact":
        low, high = value, value
    return r.replace(made=r.draft(low, high))
