"""What a figure takes from the figures before it in its sentence: the noun a bare number counts
when it is written elsewhere ("435 homes by sale and 187 by tender"), what a level or a restated
figure is of ("raised the dividend by 8% to 54 cents", "fell 3 cents, or 1.3%"), and the trend
of a change said again ("rose 5% ($20m)", "grew 0.4% q/q and 1.9% y/y").

The rules read a :class:`Beside` window: the figure, its kind, and the figures of its sentence so
far (``out``, the document's, of which only the sentence's are looked at: a walk past the
sentence would make long documents quadratic).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import Enum
from typing import NamedTuple

import regex

from ...table import Figure
from ..figures.draft import Draft
from ..names import Name
from ..rules import Rule, Table, Trace
from ..rx import rx
from .kind import lasting, no_verb
from .measured import measured
from .phrases import noun_phrase
from .window import Around

TABLE = 40  # figures in one "sentence" past which it is a table: no subject is looked for (linear time)
Match = regex.Match[str]

_TIME_ADJUNCT = rx(
    r"(?i)\b(?:in|for|over|within|during|after|since|past|last|next|first)\s+(?:the\s+)?(?:just\s+|only\s+|barely\s+)?$"
)
_RESTATED = rx(
    r"(?:\s+(?:in|on|at|for|last|this)\b[^,;]{0,25})?\s*[,;(]?\s*(?:or|up|down)\s+(?:by\s+|from\s+)?"
    r"(?:about\s+|nearly\s+|almost\s+|some\s+)?$"
)  # "rose 5%, or $2", "was 3.7 per cent in October, down from 3.9 per cent"
_UP_FROM = rx(
    r"(?i)(?:,\s*(?:up|down)\s+(?:by\s+)?|\b(?:up|down)\s+from\s+(?:the\s+|a\s+)?)(?:about\s+|nearly\s+|some\s+)?$"
)  # "…, up 12%", "down from the $89 to $93 billion it projected"
_AND_AGAIN = rx(  # "0.4% q/q and 1.9% y/y", "12% and profit 20%"
    r"((?:\s+[\p{L}/.-]+){0,2}?)\s*,?\s+and\s+(?:(?:the|its|their)\s+)?((?:\p{Ll}[\p{Ll}-]*\s+){0,2}?)(?:by\s+)?"
)
_OR = rx(  # "fell 3 cents, or 1.3%", "cut 1,400 jobs, or 12% of its staff"
    r"(?:\s+\p{Ll}[\p{Ll}-]*){0,2}\s*,?\s+or\s+(?:about\s+|nearly\s+|almost\s+|some\s+|roughly\s+)?"
)
_ASIDE = rx(r"\s*\(\s*(?:or\s+|about\s+|roughly\s+|some\s+)?")  # a figure restated in brackets
_ELLIPSIS = rx(  # "12 dead and 30 …", "306 votes to Trump's 232", "1,200 staff, up from 950"
    r"\s[^;:()]{0,60}?\b(?:(?:and|or|but|while|plus|versus|vs\.|to|from|than|against)\s+(?:the\s+)?"
    r"(?:\p{L}+(?:['’]s|s['’])\s+|\p{Ll}{3,}\s+)?|(?:another|a\s+further|an\s+extra|an\s+additional)\s+)"
)
_FROM_LEVEL = rx(r"(?:\s+(?:in|on|at)\s+[\p{L}\d]+)?\s+from\s+(?:a\s+|an\s+)?")
_TO_LEVEL = rx(r"\s+to\s+(?:a\s+record\s+|an?\s+)?")
_OF_WHICH = rx(r"(?i)\bof\s+(?:which|whom|them|these|those)\s+$")
_OF_THE = rx(r"(?i)[\"'“‘(]?of\s+(?:the|its|their|our)\s+")  # a sentence that opens "Of the 120 passengers"
_THEN = rx(r"\s[^;:,]{0,40},\s+(?:only\s+|just\s+|some\s+)?")  # "Of the 3,200 applicants, only 140"
_OF_WHOM = rx(r"\s+of\s+(?:whom|which|them|those|these)\b")
_NEW_PREDICATE = rx(r"\b\p{L}{3,}ing\b")  # "25 new stores, bringing its total to 310": 310 is the total
_MEASURES = ("money", "percent", "measure", "duration", "number")


class Beside(NamedTuple):
    """A figure beside the figures before it in its sentence: what the carry rules read (a
    NamedTuple, as :class:`~.window.Around` is)."""

    around: Around  # the figure in its sentence: the rules read its text as ``b.around.text``
    draft: Draft
    floor: int
    found: Sequence[Draft]  # the sentence's drafts, this one at ``k``
    k: int
    out: Sequence[Figure]  # the document's figures so far
    kind: str
    prev: Figure | None  # the sentence's figure right before this one
    measure: bool  # a measure, money, a share or a span of time, or a count with a unit
    adjunct: bool  # a span of time after "in", "for", "over": when, not what ("a grounding for three months")

    # the window's parts, as the Window protocol reads them (the table, not the rules)
    @property
    def text(self) -> str:
        return self.around.text

    @property
    def start(self) -> int:
        return self.around.start

    @property
    def after(self) -> int:
        return self.around.after

    @property
    def limit(self) -> int:
        return self.around.limit

    @property
    def before(self) -> str:
        return self.around.before

    @property
    def near(self) -> str:
        return self.around.near

    @property
    def trace(self) -> Trace | None:
        return self.around.trace

    def earlier(self) -> Iterator[Figure]:
        """The sentence's figures so far, latest first."""
        for f in reversed(self.out):
            if f.start < self.floor:
                return
            yield f

    def gap(self, pattern: regex.Pattern[str]) -> Match | None:
        """``pattern`` over the whole text between the figure before and this one."""
        w = self.around
        return pattern.fullmatch(w.text, self.prev.end, w.start) if self.prev is not None else None


def beside(w: Around, found: Sequence[Draft], k: int, out: Sequence[Figure], kind: str) -> Beside:
    prev = out[-1] if out and out[-1].start >= w.floor else None
    measure = kind in _MEASURES or (kind == "count" and bool(w.draft.unit))
    adjunct = kind == "duration" and bool(_TIME_ADJUNCT.search(w.text, max(w.floor, w.start - 16), w.start))
    return Beside(w, w.draft, w.floor, found, k, out, kind, prev, measure, adjunct)


class Elided(Enum):
    """The rules of :data:`ELIDED`: what a bare number counts when its noun is written elsewhere."""

    NEXT_MEASURE = "the noun after the measure right after it: '8 million 250ml bottles'"
    OF_WHOM = "the count before 'of whom', 'of which': '1,245 patients, 87 of whom', '450 beds, of which 60'"
    OF_THE = "the count the sentence opens with: 'Of the 120 passengers on board, 98 were rescued'"
    ELLIPSIS = "the count it is joined to: '435 homes by sale and 187 by tender', '1,200 staff, up from 950'"


def _next_measure(b: Beside, m: Match | None) -> str | None:
    nxt = b.found[b.k + 1] if b.k + 1 < len(b.found) else None
    if nxt is None or not nxt.unit or b.around.text[b.draft.end : nxt.start].strip():
        return None
    return (
        noun_phrase(b.around.text, nxt.end + 1, b.around.limit) if b.around.text[nxt.end : nxt.end + 1] == " " else ""
    )


def _last_count(b: Beside) -> Figure | None:
    last = next((f for f in b.earlier() if f.kind not in ("date", "time")), None)  # "… in 2022, up from 950"
    return last if last is not None and last.kind == "count" and not last.unit and last.entity else None


def _of_whom(b: Beside, m: Match | None) -> str | None:
    last = _last_count(b)
    if last is None:
        return None
    of = _OF_WHOM.match(b.around.text, b.draft.end, b.around.limit) or _OF_WHICH.search(
        b.around.text, max(b.floor, b.around.start - 16), b.around.start
    )
    return last.entity if of else None


def _of_the(b: Beside, m: Match | None) -> str | None:
    last = _last_count(b)
    if last is None or not _OF_THE.fullmatch(b.around.text, b.floor, last.start):
        return None
    return last.entity if _THEN.fullmatch(b.around.text, last.end, b.around.start) else None


def _ellipsis(b: Beside, m: Match | None) -> str | None:
    last = _last_count(b)
    if last is None:
        return None
    gap = _ELLIPSIS.fullmatch(b.around.text, last.end, b.around.start)
    return last.entity if gap is not None and not _NEW_PREDICATE.search(gap.group()) else ""


ELIDED: Table[Beside, str] = Table(
    "elided",
    "entity",
    (
        Rule(Elided.NEXT_MEASURE, _next_measure),
        Rule(Elided.OF_WHOM, _of_whom, needs=("of",)),
        Rule(Elided.OF_THE, _of_the, needs=("of",)),
        Rule(Elided.ELLIPSIS, _ellipsis),
    ),
)


class Carried(Enum):
    """The rules of :data:`CARRIED`: what a measure is of, from the figures before it or around it."""

    TO_LEVEL = "the level a change reached: 'raised the dividend by 8% to 54 cents'"
    FROM_LEVEL = "the level it moved from: 'cut its forecast to 2.9% from 3.2%'"
    OF_WHOM = "a share of the count before: '240 flats, 30% of which are affordable'"
    RESTATED = "the same figure said again: 'revenue of $4.7bn, up 12%', 'lost 190 points, or 0.6%'"
    UP_FROM = "the earlier figure it is compared with: '75 million subscribers, up from 60 million'"
    ASIDE = "a figure restated in brackets: 'a 1.8 billion-mile (2.8bn km) journey'"
    LASTING = "what lasts a span: 'a grounding for three months'"
    MEASURED = "what it measures, by the measured rules"


def _prev_entity(b: Beside, m: Match | None) -> str | None:
    return b.prev.entity or None if b.prev is not None else None


def _counted_before(b: Beside, m: Match | None) -> str | None:
    last = next((f for f in b.earlier() if f.kind == "count" and not f.unit), None)
    return last.entity or None if last is not None else None


def up_from(b: Beside) -> Figure | None:
    """The earlier figure of the same unit that "up from", ", down" compares this one with."""
    if not _UP_FROM.search(b.around.text, max(b.floor, b.around.start - 24), b.around.start):
        return None
    unit = b.draft.unit  # "78% of the deal … up from 50%", "40,000 people died in 2023, down 3.6%"
    return next(
        (f for f in b.earlier() if f.kind not in ("date", "time") and (f.unit == unit or unit == "percentage")), None
    )


def _up_from(b: Beside, m: Match | None) -> str | None:
    earlier = up_from(b)
    return earlier.entity or None if earlier is not None else None


def restates(b: Beside) -> bool:
    """A figure in brackets right after another, saying it again: "rose 5% ($20m)"."""
    prev = b.prev
    return (
        prev is not None
        and b.gap(_ASIDE) is not None
        and b.kind not in ("date", "time")
        and prev.kind not in ("date", "time")
    )


def _measure_level(b: Beside) -> bool:
    return b.measure and b.prev is not None and bool(b.prev.trend)


def _measure_same_unit(b: Beside) -> bool:
    return b.measure and b.prev is not None and b.prev.unit == b.draft.unit


def _measure_restated(b: Beside) -> bool:
    prev = b.prev
    return b.measure and prev is not None and bool(_RESTATED.match(b.around.text, prev.end, b.around.start))


def _measure(b: Beside) -> bool:
    return b.measure


def _measured_here(b: Beside) -> bool:
    age = b.draft.rule[-1] is Name.YEAR_OLD  # "a 65 year-old would tap 3%": the person's age, no subject's
    return b.measure and not b.adjunct and not age and len(b.found) <= TABLE


def _to_level(b: Beside, m: Match | None) -> str | None:
    return _prev_entity(b, m) if b.gap(_TO_LEVEL) else None


def _from_level(b: Beside, m: Match | None) -> str | None:
    return _prev_entity(b, m) if b.gap(_FROM_LEVEL) else None


def _aside(b: Beside, m: Match | None) -> str | None:
    return _prev_entity(b, m) if restates(b) else None


def _lasting(b: Beside, m: Match | None) -> str | None:
    return (lasting(b.around.text, b.draft, b.floor) or None) if b.adjunct else None


def _measured(b: Beside, m: Match | None) -> str | None:
    return measured(b.around.text, b.draft, b.floor, b.around.limit, b.around.trace) or None


def _of_whom_share(b: Beside, m: Match | None) -> str | None:
    return _counted_before(b, m) if _OF_WHOM.match(b.around.text, b.draft.end, b.around.limit) else None


CARRIED: Table[Beside, str] = Table(
    "carried",
    "entity",
    (
        Rule(Carried.TO_LEVEL, _to_level, needs=("to",), when=_measure_level),
        Rule(Carried.FROM_LEVEL, _from_level, needs=("from",), when=_measure_same_unit),
        Rule(Carried.OF_WHOM, _of_whom_share, needs=("of",), when=_measure),
        Rule(Carried.RESTATED, _prev_entity, when=_measure_restated),
        Rule(Carried.UP_FROM, _up_from, needs=("up", "down"), when=_measure),
        Rule(Carried.ASIDE, _aside, needs=("(",)),
        Rule(Carried.LASTING, _lasting),
        Rule(Carried.MEASURED, _measured, when=_measured_here),
    ),
)


def said_again(b: Beside, trend: str, entity: str) -> tuple[str, str]:
    """The trend and entity of a figure that says the one before it again, in brackets or after
    "or" ("dropped by 1 to 1.5 C (1.8 to 2.7 F)", "fell 3 cents, or 1.3%": the change's, where it
    has none of its own), or that is the same verb's second change ("grew 0.4% q/q and 1.9% y/y",
    "Revenue jumped 12% and profit 20%"); else ``trend`` and ``entity`` as they are."""
    prev = b.prev
    if prev is None:
        return trend, entity
    level = bool(prev.trend)
    said = level and (prev.kind, prev.unit) != (b.kind, b.draft.unit) and b.gap(_OR) is not None
    if restates(b) or said:
        return trend or prev.trend, entity or prev.entity
    if not trend and b.draft.unit and level and prev.unit == b.draft.unit:
        # a unit on both: bare counts ("add 12 routes and hire 800 pilots") have verbs the rule cannot see
        again = b.gap(_AND_AGAIN)
        if again is not None and no_verb(again.group(1) + " " + again.group(2)):
            return prev.trend, again.group(2).strip() or entity
    return trend, entity
