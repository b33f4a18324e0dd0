"""Kind (count, money, percent, measure, duration, …), and small context tests: what lasts a span, a
verb between figures, points.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ...table import Figure
from ..figures.draft import Draft
from ..lexicon import lexicon
from ..units import Catalogue
from .phrases import _PARTICIPLE_ED
from .subjects import _trend_word

_LEX = lexicon()
_COPULAS = _LEX.copulas
_VERBS = _LEX.verbs


def kind_of(draft: Draft, entity: str, catalogue: Catalogue) -> str:
    if draft.kind:
        return draft.kind
    if draft.unit:
        dimension = catalogue.unit(draft.unit).dimension
        if dimension == "currency" or dimension.startswith("currency per"):
            return "money"
        if draft.unit.split(" per ")[0] in catalogue.shares:
            return "percent"  # also "10% a year": a rate, still a percent ("share" in data/units.txt)
        if dimension == "time":
            return "duration"
        if dimension == "dimensionless" and draft.unit not in ("point",):
            return "count"  # "3,200 times", "78,000 times a minute": quantulum3 counts these
        return "measure"
    if draft.style == "fraction":
        return "number"  # "a third of the votes": a share with no unit
    if draft.style == "vague" or entity:
        return "count"
    return "number"


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
