"""The pipeline: text -> sentences -> numerals -> figures -> context -> list[Figure]."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..table import Figure
from . import sentences
from .context import sources
from .context.entity import entity as entity_of
from .context.entity import is_name
from .context.kind import in_points, kind_of, lasting, no_verb
from .context.measured import measured
from .context.phrases import noun_phrase
from .context.trend import trend_of
from .figures import drafts
from .figures.draft import Draft
from .names import Name, rule_text
from .rx import rx
from .units import load_catalogue

TABLE = 40  # figures in one "sentence" past which it is a table: no subject is looked for (linear time)
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


def _elided_noun(text: str, found: list[Draft], k: int, out: list[Figure], floor: int, limit: int) -> str:
    """What a bare number counts when its noun is elsewhere: after the measure that follows it
    ("8 million 250ml bottles") or in the count it is joined to ("435 homes by sale and 187 by
    tender")."""
    draft = found[k]
    nxt = found[k + 1] if k + 1 < len(found) else None
    if nxt is not None and nxt.unit and not text[draft.end : nxt.start].strip():
        return noun_phrase(text, nxt.end + 1, limit) if text[nxt.end : nxt.end + 1] == " " else ""
    last = next((f for f in _since(out, floor) if f.kind not in ("date", "time")), None)  # "… in 2022, up from 950"
    if last is not None and last.kind == "count" and not last.unit and last.entity:
        if _OF_WHOM.match(text, draft.end, limit) or _OF_WHICH.search(text, max(floor, draft.start - 16), draft.start):
            return last.entity  # "1,245 patients, 87 of whom are in intensive care", "450 beds, of which 60"
        if _OF_THE.fullmatch(text, floor, last.start) and _THEN.fullmatch(text, last.end, draft.start):
            return last.entity  # "Of the 120 passengers on board, 98 were rescued"
        gap = _ELLIPSIS.fullmatch(text, last.end, draft.start)
        return last.entity if gap is not None and not _NEW_PREDICATE.search(gap.group()) else ""
    return ""


def _since(out: list[Figure], floor: int) -> Iterator[Figure]:
    """The figures found from ``floor`` on (this sentence's), latest first: the list holds the whole
    text's, and a walk past the sentence would make long documents quadratic."""
    for f in reversed(out):
        if f.start < floor:
            return
        yield f


def _counted_before(out: list[Figure], floor: int) -> str:
    """What the last count of the sentence counted, or ""."""
    last = next((f for f in _since(out, floor) if f.kind == "count" and not f.unit), None)
    return last.entity if last is not None else ""


def extract(text: str, doc: str = "") -> list[Figure]:
    """Every figure in ``text``, sorted by start, none overlapping.

    ``doc`` names the document in the ``doc`` column ("" for a bare string).
    """
    out: list[Figure] = []
    names = sources.Resolver([], [])
    unheard: list[sentences.Sentence] = []
    for piece in sentences.pieces(text):
        _extract_piece(text, piece, doc, names, out, unheard)
    return out


UNHEARD = 256  # sentences with no figure whose speakers are noted only once a later "it" or "he" needs them


def _hear(unheard: list[sentences.Sentence], names: sources.Resolver) -> None:
    """Note the speakers of sentences passed over, in order: the names a pronoun may point back to."""
    for sentence in unheard:
        for attribution in sources.attributions(sentence.text, sentence.start):
            names.note(attribution.speaker, attribution.start)
    unheard.clear()


_QUOTE_OPENS = rx(r"\s*[“\"‘]")
_QUOTE_CLOSES = rx(r"[”\"’](?!\p{L})")
QUOTE_SPAN = 4  # sentences a quotation may run on for before its attribution


def _quoted_by(split: list[sentences.Sentence], k: int) -> list[sources.Attribution]:
    """The speaker of the quotation that sentence ``k`` opens, when the sentence names none: the
    attribution after the quote closes, a sentence or a few later ('"Sales rose 7%. We will open 25
    stores," she said'), else that of the quotation just before it ('"…," Lopez said. "We expect 25
    stores."'). Nothing when neither is written."""
    closes = _QUOTE_CLOSES.search(split[k].text, 1)
    if closes is None:  # the quotation runs on: its attribution follows where it closes
        for later in split[k + 1 : k + 1 + QUOTE_SPAN]:
            if _QUOTE_OPENS.match(later.text):
                break  # another quotation began: this one's speaker is not written after it
            closes = _QUOTE_CLOSES.search(later.text)
            if closes is not None:
                said = sources.attributions(later.text, later.start)
                return [a for a in said if a.start >= later.start + closes.end()][:1]
        return []
    before = split[k - 1] if k else None
    closed = _QUOTE_CLOSES.search(before.text) if before is not None else None
    if before is None or closed is None:
        return []
    # a quotation of its own, right after an attributed one: the same speaker
    said = [a for a in sources.attributions(before.text, before.start) if a.start > before.start + closed.start()]
    return [sources.Attribution(split[k].start, a.speaker) for a in said[-1:]]


def _extract_piece(
    text: str,
    piece: tuple[int, int],
    doc: str,
    names: sources.Resolver,
    out: list[Figure],
    unheard: list[sentences.Sentence],
) -> None:
    catalogue = load_catalogue()
    split = sentences.split(text, *piece)
    for k, sentence in enumerate(split):
        found = drafts(text, sentence.start, sentence.end, catalogue)
        if not found:  # its speakers matter only to a later pronoun: read them when one comes (most never do)
            unheard.append(sentence)
            if len(unheard) > UNHEARD:
                _hear(unheard, names)
            continue
        said = sources.attributions(sentence.text, sentence.start)
        if not said and _QUOTE_OPENS.match(sentence.text):
            said = _quoted_by(split, k)  # '"We expect to open 25 stores." … , she said': the quote's speaker
        if unheard and any(sources.is_reference(attribution.speaker) for attribution in said):
            _hear(unheard, names)
        for attribution in said:
            names.note(attribution.speaker, attribution.start)
        previous: list[Draft] = []
        for k, draft in enumerate(found):
            entity = entity_of(text, draft, sentence.start, sentence.end)
            counted = draft.value not in (None, 1) or draft.style == "vague"  # "17 died and dozens more were hurt"
            bare = draft.kind == "" and not draft.unit and counted and not entity
            if bare:
                entity = _elided_noun(text, found, k, out, sentence.start, sentence.end)
            if draft.kind == "" and draft.rule == (Name.ONE_OF,) and not draft.cue and not entity:
                continue
            if draft.kind == "" and draft.style == "words" and draft.value == 1 and not entity and not draft.unit:
                continue  # "one" that counts nothing named is a pronoun
            if draft.kind == "" and not draft.unit and is_name(entity):
                continue  # "Boeing 737 MAX", "iPhone 11 Pro", "49 Zorro Ranch Road"
            kind = kind_of(draft, entity, catalogue)
            measure = kind in ("money", "percent", "measure", "duration", "number") or (kind == "count" and draft.unit)
            follows = bool(out) and out[-1].start >= sentence.start  # out[-1] is this sentence's, before this one
            restated = follows and _RESTATED.match(text, out[-1].end, draft.start)
            level = follows and out[-1].trend
            if measure and not entity and level and _TO_LEVEL.fullmatch(text, out[-1].end, draft.start):
                entity = out[-1].entity  # "raised the dividend by 8% to 54 cents": the dividend's new level
            same_unit = follows and out[-1].unit == draft.unit
            if measure and not entity and same_unit and _FROM_LEVEL.fullmatch(text, out[-1].end, draft.start):
                entity = out[-1].entity  # "cut its forecast to 2.9% from 3.2%": the forecast's earlier level
            if measure and not entity and _OF_WHOM.match(text, draft.end, sentence.end):
                entity = _counted_before(out, sentence.start)  # "240 flats, 30% of which are affordable"
            if measure and not entity and restated:
                entity = out[-1].entity  # "revenue of $4.7bn, up 12%", "lost 190 points, or 0.6%"
            if measure and not entity and _UP_FROM.search(text, max(sentence.start, draft.start - 24), draft.start):
                earlier = next(
                    (
                        f
                        for f in _since(out, sentence.start)
                        if f.kind not in ("date", "time") and (f.unit == draft.unit or draft.unit == "percentage")
                    ),
                    None,
                )  # "78% of the deal … up from 50%", "40,000 people died in 2023, down 3.6%"
                entity = earlier.entity if earlier is not None else ""
                if earlier is not None and earlier.kind == "count" and kind == "number" and entity:
                    kind = "count"  # "75 million subscribers, up from 60 million": 60 million subscribers
            adjunct = kind == "duration" and _TIME_ADJUNCT.search(
                text, max(sentence.start, draft.start - 16), draft.start
            )
            age = (
                draft.rule[-1] is Name.YEAR_OLD
            )  # "a 65 year-old would tap 3%": the age is the person's, not a subject's
            aside = follows and _ASIDE.fullmatch(text, out[-1].end, draft.start)
            restates = aside and kind not in ("date", "time") and out[-1].kind not in ("date", "time")
            if restates and not entity:
                entity = out[-1].entity  # "a 1.8 billion-mile (2.8bn km) journey": the same thing, restated
            if adjunct and not entity:
                entity = lasting(text, draft, sentence.start)  # "a grounding for three months"
            if measure and not entity and not adjunct and not age and len(found) <= TABLE:
                entity = measured(text, draft, sentence.start, sentence.end)  # "shares rose 6.5%"
            trend = "" if adjunct else trend_of(text, draft, sentence.start, sentence.end, previous)
            said_again = (
                level
                and (out[-1].kind, out[-1].unit) != (kind, draft.unit)
                and _OR.fullmatch(text, out[-1].end, draft.start)
            )
            if restates or said_again:
                # "dropped by 1 to 1.5 C (1.8 to 2.7 F)", "rose 5% ($20m)", "fell 3 cents, or 1.3%": restated
                trend = trend or out[-1].trend
                entity = entity or out[-1].entity
            elif not trend and draft.unit and level and same_unit:
                # a unit on both: bare counts ("add 12 routes and hire 800 pilots") have verbs the rule cannot see
                and_again = _AND_AGAIN.fullmatch(text, out[-1].end, draft.start)
                if and_again is not None and no_verb(and_again.group(1) + " " + and_again.group(2)):
                    trend = out[-1].trend  # "grew 0.4% q/q and 1.9% y/y": the same verb's second change
                    entity = and_again.group(2).strip() or entity  # "Revenue jumped 12% and profit 20%"
            if kind == "number" and not draft.unit and in_points(draft, _since(out, sentence.start)):
                draft = replace(draft, unit="point", rule=(*draft.rule, Name.IN_POINTS))
                kind = "measure"  # "lost 162 points, or 2.1%, to 7,425.81": the index's level, in points
            previous = [*previous[-7:], draft]  # the trend rule looks back a few figures, no further
            unit = catalogue.unit(draft.unit) if draft.unit else None
            out.append(
                Figure(
                    doc=doc,
                    start=draft.start,
                    end=draft.end,
                    surface=text[draft.start : draft.end],
                    value=draft.value,
                    low=draft.low,
                    high=draft.high,
                    qualifier=draft.qualifier,
                    trend=trend,
                    unit=unit.name if unit else "",
                    dimension=unit.dimension if unit else "",
                    kind=kind,
                    entity=entity,
                    source=names.resolve(sources.pick(said, draft.start)) if kind not in ("date", "time") else "",
                    date=draft.date,
                    sentence=sentence.text,
                    rule=rule_text(draft.rule, draft.cue),
                )
            )
