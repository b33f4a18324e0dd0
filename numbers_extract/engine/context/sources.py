"""Sources: who the text says gave a figure.

An attribution is a speaker and a span of the sentence ("A war monitoring group said", "according
to the Associated Press", "Manning noted", "quoted one military official as saying"), found at a
cue word ("said", "according", "quoted") by the first rule of :data:`SOURCES` that decides. A
figure takes the nearest attribution before it in its sentence, else the first after it
(:func:`source_of`). A pronoun or a definite description ("he", "it", "the organization") resolves
to the most recent fitting name in the document (:mod:`.references`); when nothing fits it stays
as written.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

import regex

from ..lexicon import lexicon
from ..rules import Rule, Step, Table, Trace
from ..rx import rx
from .references import REMEMBERED, Resolver, is_reference
from .speech import COMMA_BEFORE, COUNTED, NOT_SPEAKERS, SHARE_OF, UNNAMED, WIDER, clean, cues, may_widen, patterns

__all__ = ["REMEMBERED", "SOURCES", "Attribution", "Resolver", "Source", "attributions", "is_reference", "source_of"]

Match = regex.Match[str]

_LEX = lexicon()
_BEFORE = 110  # characters before a verb where its speaker ("the Britain-based Syrian Observatory …") may start
_AFTER = 110  # characters after "said", "according to", "quoted" where the speaker may end
_SPEECH_BEFORE_SPEAKER = tuple(sorted(_LEX.speech_before_speaker))
_PASSIVE_VERBS = tuple(sorted(_LEX.passive_speech_verbs))
_PRONOUNS = _LEX.referring_pronouns  # speakers that only point back: where the sentence names one, it speaks


class Attribution(NamedTuple):  # immutable, and made four times faster than a frozen dataclass
    start: int  # where the attribution stands (its verb, or its "according to")
    speaker: str
    rule: Enum | None = None  # the rule that found it
    steps: tuple[Step, ...] = ()  # the rules tried at its cue, kept for explain() only


class Cue(NamedTuple):
    """A cue word ("said", "according", "quoted") in a sentence: what the rules of :data:`SOURCES`
    read. Positions are the sentence's; ``offset`` is where the sentence starts in the text."""

    text: str  # the sentence
    start: int  # where the cue word starts
    after: int  # where it ends
    limit: int  # where a speaker written after the cue must end
    near: str  # the cue word, lower-cased: what the cheap tests look at
    trace: Trace | None  # the cue's own steps, kept for explain(); None otherwise
    offset: int

    @property
    def before(self) -> str:
        return self.text[max(0, self.start - _BEFORE) : self.start]


class Heard(NamedTuple):
    """What a rule of :data:`SOURCES` found at a cue."""

    attribution: Attribution
    asked: bool  # the people a figure counts said it ("9 in 10 teachers said"): a survey's finding


class Source(Enum):
    """The rules of :data:`SOURCES`, in order: the attribution a cue word belongs to."""

    RELATIVE = "the name before a relative clause: 'Smith, who heads the agency, said'"
    SAID_BEFORE = "the speaker before its verb: 'Manning noted', 'A war monitoring group said'"
    UNNAMED = "a speaker named by what it is: 'A spokesperson for the trust said', 'A survey of 800 landlords found'"
    SAID_AFTER = "the speaker after its verb: 'said Ben Kaiser', 'said the ministry'"
    PASSIVE = "the agent of a passive report: 'is estimated at $2.4 billion by Forbes'"
    ACCORDING_TO_DATA = "the body whose data it is: 'according to figures from the Office for National Statistics'"
    ACCORDING = "who it is according to: 'according to the Associated Press'"
    QUOTED = "who was quoted: 'quoted one military official as saying'"


def _spoken(c: Cue) -> bool:
    """A verb of saying, not "according" nor "quoted"."""
    return c.near != "according" and not c.near.startswith("quot")


def _after_comma(c: Cue) -> bool:
    """A verb right after a comma: its speaker may stand before a relative clause (else the slow
    pattern is spared)."""
    return _spoken(c) and COMMA_BEFORE.search(c.text, max(0, c.start - 10), c.start) is not None


def _speaks(who: str) -> bool:
    """ "who", "it's", "Monday" speak for no one; "the WHO" does."""
    last = who.split()[-1] if who else ""
    return bool(who) and not (last.lower() in NOT_SPEAKERS and not (last.isupper() and len(last) > 1))


def _heard(c: Cue, m: Match, who: str, rule: Source, asked: bool = False) -> Heard | None:
    if not _speaks(who):
        return None
    at = m.start("verb") if "verb" in m.groupdict() and m.group("verb") else m.start()
    return Heard(Attribution(c.offset + at, who, rule), asked)


def _before(c: Cue, pattern: regex.Pattern[str], rule: Source) -> Heard | None:
    """The speaker written before its verb, the cue: it ends there."""
    text, at = c.text, c.start
    begin = text.rfind(" ", 0, max(0, at - _BEFORE)) + 1
    reach = 40 if c.near.startswith("put") else 12  # room for lookaheads after the verb: "put the death toll at"
    for m in pattern.finditer(text, begin, min(len(text), c.after + reach)):
        if not m.start() <= at < m.end():
            continue  # another cue's attribution: found from its own window
        named = m.start("who")
        ahead = text[max(0, named - 120) : named]
        wider = rx(WIDER).search(text, named - len(ahead), named) if may_widen(ahead) else None
        who = clean(text[wider.start() if wider else named : m.end("who")])
        asked = bool(rx(COUNTED).search(text, max(0, named - 30), named) or rx(SHARE_OF).match(who))
        return _heard(c, m, who, rule, asked)
    return None


def _at(c: Cue, pattern: regex.Pattern[str], rule: Source) -> Heard | None:
    """The speaker written after the cue, the pattern matched where the cue starts."""
    m = pattern.match(c.text, c.start, c.limit)
    return _heard(c, m, clean(m.group("who")), rule) if m is not None else None


def _relative(c: Cue, m: Match | None) -> Heard | None:
    return _before(c, patterns().relative, Source.RELATIVE)


def _said_before(c: Cue, m: Match | None) -> Heard | None:
    return _before(c, patterns().said, Source.SAID_BEFORE)


def _unnamed(c: Cue, m: Match | None) -> Heard | None:
    begin = c.text.rfind(" ", 0, max(0, c.start - _BEFORE)) + 1
    unnamed = rx(UNNAMED).search(c.text, begin, c.start)
    if unnamed is None:
        return None
    return Heard(Attribution(c.offset + c.start, clean(unnamed.group("who")), Source.UNNAMED), False)


def _said_after(c: Cue, m: Match | None) -> Heard | None:
    return _at(c, patterns().said_who, Source.SAID_AFTER)


def _passive(c: Cue, m: Match | None) -> Heard | None:
    return _at(c, patterns().passive, Source.PASSIVE)


def _according_to_data(c: Cue, m: Match | None) -> Heard | None:
    return _at(c, patterns().according_body, Source.ACCORDING_TO_DATA)


def _according(c: Cue, m: Match | None) -> Heard | None:
    return _at(c, patterns().according, Source.ACCORDING)


def _quoted(c: Cue, m: Match | None) -> Heard | None:
    return _at(c, patterns().quoted, Source.QUOTED)


SOURCES: Table[Cue, Heard] = Table(
    "source",
    "source",
    (
        Rule(Source.RELATIVE, _relative, when=_after_comma),
        Rule(Source.SAID_BEFORE, _said_before, when=_spoken),
        Rule(Source.UNNAMED, _unnamed, when=_spoken),
        Rule(Source.SAID_AFTER, _said_after, needs=_SPEECH_BEFORE_SPEAKER, when=_spoken),
        Rule(Source.PASSIVE, _passive, needs=_PASSIVE_VERBS, when=_spoken),
        Rule(Source.ACCORDING_TO_DATA, _according_to_data, needs=("according",)),
        Rule(Source.ACCORDING, _according, needs=("according",)),
        Rule(Source.QUOTED, _quoted, needs=("quot",)),
    ),
)


def attributions(sentence: str, offset: int, explained: bool = False) -> list[Attribution]:
    """The attributions in a sentence, in order; offsets are absolute. With ``explained``, each
    keeps the steps the rules took at its cue, for explain().

    Each rule reads only a short window at its cue word: a speaker written before its verb ends at
    the cue, one written after starts there.
    """
    found: list[Attribution] = []
    seen: set[tuple[int, str]] = set()
    asked: set[int] = set()  # where the people a figure counts "said" something ("9 in 10 teachers said")
    for cue in cues(sentence):
        start, end = cue.span()
        steps = Trace() if explained else None
        heard = SOURCES.first(
            Cue(sentence, start, end, min(len(sentence), end + _AFTER), cue.group().lower(), steps, offset)
        )
        if heard is None:
            continue
        attribution = heard.attribution
        if (attribution.start, attribution.speaker) in seen:
            continue
        seen.add((attribution.start, attribution.speaker))
        found.append(attribution if steps is None else attribution._replace(steps=tuple(steps.steps)))
        if heard.asked:
            asked.add(attribution.start)
    if asked and len(found) > len(asked):  # "…, the union's survey found": the survey speaks, not those it asked
        found = [a for a in found if a.start not in asked]
    named = [a for a in found if a.speaker.lower() not in _PRONOUNS]
    if named and len(named) < len(found):  # "Facebook said that it expected a fine": Facebook's claim
        found = named
    found.sort(key=lambda a: a.start)
    return found


def pick(found: list[Attribution], start: int) -> Attribution | None:
    """The attribution for a figure at ``start``: the nearest before it, else the first after."""
    before = [a for a in found if a.start <= start]
    if before:
        return before[-1]
    return found[0] if found else None


def source_of(found: list[Attribution], names: Resolver, span: tuple[int, int], trace: Trace | None) -> str:
    """The source of the figure at ``span``: its attribution's speaker, or the name it points back
    to. The rules that found it (and resolved it) go to ``trace``, at the figure's span."""
    picked = pick(found, span[0])
    if picked is None:
        return ""
    if trace is not None:
        for step in picked.steps:
            trace.add(step.stage, step.field, step.rule, span, step.outcome, step.said)
        if not picked.steps and picked.rule is not None:
            trace.add("source", "source", picked.rule, span, "fired", picked.speaker)
    return names.resolve(picked.speaker, trace, span)
