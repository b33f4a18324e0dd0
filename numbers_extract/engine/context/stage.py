"""The context stage: a sentence's drafts, each read in its sentence and beside the figures before
it, into the table's rows.

For each draft, in order: what it counts (``entity``, then :data:`~.carry.ELIDED` for a bare
number), whether it is a figure at all (:data:`KEPT`), its kind, what a measure is of
(:data:`~.carry.CARRIED`), its trend, what it takes from a figure it says again, the points a bare
number is in, and who gave it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum

import regex

from ...table import Figure
from ..figures.draft import Draft
from ..names import Name, rule_text
from ..rules import READING, Rule, Table, Trace
from ..sentences import Sentence
from ..si import CONVERTED, si_of
from ..units import Catalogue
from . import sources
from .about import about
from .carry import CARRIED, ELIDED, Beside, Carried, beside, said_again, up_from
from .entity import entity as entity_of
from .entity import is_name
from .kind import KIND_AGAIN, again, kind_of
from .trend import trend_again, trend_of
from .window import Around, around

Match = regex.Match[str]


class Kept(Enum):
    """The rules of :data:`KEPT`: numerals read as a number that are no figure after all."""

    ONE_OF_NOTHING = "'one of' that counts nothing named: 'one of them'"
    PRONOUN = "'one' that counts nothing named is a pronoun: 'the one that got away'"
    NAME = "a number before a name: 'Boeing 737 MAX', 'iPhone 11 Pro', '49 Zorro Ranch Road'"


def _one_of(w: Around) -> bool:
    return w.draft.rule == (Name.ONE_OF,) and not w.draft.cue


def _one(w: Around) -> bool:
    return w.draft.style == "words" and w.draft.value == 1 and not w.draft.unit


def _unitless(w: Around) -> bool:
    return not w.draft.unit


def _nothing_named(w: Around, m: Match | None) -> bool | None:
    return True if not w.entity else None


def _name(w: Around, m: Match | None) -> bool | None:
    return True if is_name(w.entity) else None


KEPT: Table[Around, bool] = Table(
    "kept",
    "figure",
    (
        Rule(Kept.ONE_OF_NOTHING, _nothing_named, when=_one_of),
        Rule(Kept.PRONOUN, _nothing_named, when=_one),
        Rule(Kept.NAME, _name, when=_unitless),
    ),
)


def read_sentence(
    text: str,
    sentence: Sentence,
    found: Sequence[Draft],
    out: list[Figure],
    said: list[sources.Attribution],
    names: sources.Resolver,
    heard: Callable[[], None],
    doc: str,
    catalogue: Catalogue,
    trace: Trace | None,
) -> None:
    """Append the figures of ``found``, the drafts of ``sentence``, to ``out``. ``heard`` notes in
    ``names`` the speakers of the sentences passed over, when a subject needs them."""
    previous: list[Draft] = []  # the trend rule looks back a few figures, no further
    for k, draft in enumerate(found):
        w = around(text, draft, sentence.start, sentence.end, trace)
        entity = entity_of(w)
        counted = draft.value not in (None, 1) or draft.style == "vague"  # "17 died and dozens more were hurt"
        if draft.kind == "" and not draft.unit and counted and not entity:
            entity = ELIDED.first(beside(w, found, k, out, "")) or ""
        counts = w.with_entity(entity) if entity else w
        if not draft.kind and KEPT.first(counts):
            continue
        kind: str = kind_of(counts)
        b = beside(w, found, k, out, kind)
        if not entity:
            entity, compared = _carried(b)
            changed = KIND_AGAIN.first(again(w, kind, compared)) if compared else None
            if changed is not None:  # "75 million subscribers, up from 60 million": a count, as before
                kind, b = changed, beside(w, found, k, out, changed)
        trend: str = trend_of(w, previous, b.adjunct)
        again_, entity = said_again(b, trend, entity)
        if again_ != trend:  # "fell 3 cents, or 1.3%": the change's trend
            trend = trend_again(w, again_)
        if kind == "number" and not draft.unit and KIND_AGAIN.first(again(w, kind, "", b.earlier())):
            draft = draft._replace(unit="point", rule=(*draft.rule, Name.IN_POINTS))
            kind = "measure"  # "lost 162 points, or 2.1%, to 7,425.81": the index's level, in points
        previous = [*previous[-7:], draft]
        if trace is not None:
            for name in draft.rule:
                trace.add(READING, "figure", name, (draft.start, draft.end), "fired", draft.cue)
        # a date or a clock time: nobody's figure
        source = "" if kind in ("date", "time") else sources.source_of(said, names, (draft.start, draft.end), trace)
        subject = about(w, entity, kind, names, heard)
        out.append(_row(text, draft, sentence, kind, entity, trend, subject, source, doc, catalogue))


def _carried(b: Beside) -> tuple[str, str]:
    """The entity the carry rules give a figure that names none, and the kind of the earlier figure
    a number is compared with ("75 million subscribers, up from 60 million"), else ""."""
    picked = CARRIED.pick(b)
    if picked is None:
        return "", ""
    rule, entity = picked
    if rule is Carried.UP_FROM and b.kind == "number":
        earlier = up_from(b)
        if earlier is not None:
            return entity, earlier.kind
    return entity, ""


def _row(
    text: str,
    draft: Draft,
    sentence: Sentence,
    kind: str,
    entity: str,
    trend: str,
    subject: str,
    source: str,
    doc: str,
    catalogue: Catalogue,
) -> Figure:
    unit = catalogue.unit(draft.unit) if draft.unit else None
    si = si_of(unit.name) if unit and kind in CONVERTED else None
    si_value, si_low, si_high = si.all(draft.value, draft.low, draft.high) if si else (None, None, None)
    return Figure(
        doc=doc,
        start=draft.start,
        end=draft.end,
        surface=text[draft.start : draft.end],
        value=draft.value,
        low=draft.low,
        high=draft.high,
        previous=draft.previous,
        qualifier=draft.qualifier,
        trend=trend,
        unit=unit.name if unit else "",
        dimension=unit.dimension if unit else "",
        si_value=si_value,
        si_low=si_low,
        si_high=si_high,
        si_unit=si.unit if si else "",
        kind=kind,
        entity=entity,
        subject=subject,
        source=source,
        date=draft.date,
        sentence=sentence.text,
        rule=rule_text(draft.rule, draft.cue),
    )
