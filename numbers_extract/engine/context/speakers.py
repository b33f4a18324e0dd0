"""Who speaks in a sentence: its attributions, or those of the quotation it belongs to (the rules
of :data:`QUOTATIONS`), noted in the document's :class:`~.references.Resolver` so that a later "it"
or "he" can point back to them."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple

import regex

from ..rules import Rule, Table, Trace
from ..rx import rx
from ..sentences import Sentence
from . import sources
from .references import Resolver, is_reference

UNHEARD = 256  # sentences with no figure whose speakers are noted only once a later "it" or "he" needs them
QUOTE_SPAN = 4  # sentences a quotation may run on for before its attribution
_QUOTE_OPENS = rx(r"\s*[“\"‘]")
_QUOTE_CLOSES = rx(r"[”\"’](?!\p{L})")

Match = regex.Match[str]
Said = tuple[sources.Attribution, ...]


def pass_over(sentence: Sentence, unheard: list[Sentence], names: Resolver) -> None:
    """A sentence with no figure: its speakers matter only to a later pronoun, so they are read
    when one comes (most never do), or when too many sentences wait."""
    unheard.append(sentence)
    if len(unheard) > UNHEARD:
        hear(unheard, names)


def speakers(
    split: list[Sentence], k: int, names: Resolver, unheard: list[Sentence], trace: Trace | None = None
) -> list[sources.Attribution]:
    """The attributions of sentence ``k`` (a sentence with figures), noted in ``names``. With a
    ``trace`` (explain), each keeps the steps of the rules that found it."""
    sentence = split[k]
    said = sources.attributions(sentence.text, sentence.start, trace is not None)
    if not said and _QUOTE_OPENS.match(sentence.text):
        said = _quoted_by(split, k, trace is not None)  # '"We expect to open 25 stores." … , she said'
    if unheard and any(is_reference(attribution.speaker) for attribution in said):
        hear(unheard, names)
    for attribution in said:
        names.note(attribution.speaker, attribution.start)
    return said


def hear(unheard: list[Sentence], names: Resolver) -> None:
    """Note the speakers of sentences passed over, in order: the names a pronoun may point back to.
    Each sentence is heard once."""
    for sentence in unheard:
        for attribution in sources.attributions(sentence.text, sentence.start):
            names.note(attribution.speaker, attribution.start)
    unheard.clear()


class Quote(NamedTuple):
    """A sentence that opens a quotation and names no speaker: what the rules of :data:`QUOTATIONS` read."""

    text: str  # the sentence
    start: int  # where it starts in the text
    after: int
    limit: int  # where it ends
    before: str
    near: str
    trace: Trace | None  # the rules' steps, kept for explain(); None otherwise
    split: Sequence[Sentence]  # the piece's sentences, this one at ``k``
    k: int


class Quoted(Enum):
    """The rules of :data:`QUOTATIONS`, in order: the speaker of a quotation whose sentence names none."""

    RUNS_ON = "named where the quotation closes, a sentence or a few later: '\"Sales rose 7%. We hired 25,\" she said'"
    FOLLOWS = 'a quotation right after an attributed one: its speaker: \'"…," Lopez said. "We expect 25 stores."\''


def _runs_on(q: Quote) -> bool:
    return _QUOTE_CLOSES.search(q.text, 1) is None


def _closes(q: Quote) -> bool:
    return q.k > 0 and not _runs_on(q)


def _named_where_it_closes(q: Quote, m: Match | None) -> Said | None:
    """The attribution after the quotation closes, in the sentences that follow, if another
    quotation does not begin first."""
    for later in q.split[q.k + 1 : q.k + 1 + QUOTE_SPAN]:
        if _QUOTE_OPENS.match(later.text):
            return None  # another quotation began: this one's speaker is not written after it
        closes = _QUOTE_CLOSES.search(later.text)
        if closes is not None:
            said = sources.attributions(later.text, later.start, q.trace is not None)
            return tuple(a for a in said if a.start >= later.start + closes.end())[:1] or None
    return None


def _follows(q: Quote, m: Match | None) -> Said | None:
    """The speaker of the quotation that closed just before, after it closed."""
    before = q.split[q.k - 1]
    closed = _QUOTE_CLOSES.search(before.text)
    if closed is None:
        return None
    said = sources.attributions(before.text, before.start, q.trace is not None)
    return tuple(a._replace(start=q.start) for a in said if a.start > before.start + closed.start())[-1:] or None


QUOTATIONS: Table[Quote, Said] = Table(
    "source",
    "source",
    (
        Rule(Quoted.RUNS_ON, _named_where_it_closes, when=_runs_on),
        Rule(Quoted.FOLLOWS, _follows, when=_closes),
    ),
)


def _quoted_by(split: list[Sentence], k: int, explained: bool) -> list[sources.Attribution]:
    """The speaker of the quotation that sentence ``k`` opens, when the sentence names none; nothing
    when neither rule of :data:`QUOTATIONS` finds one. With ``explained``, each keeps its steps."""
    sentence = split[k]
    steps = Trace() if explained else None
    quote = Quote(sentence.text, sentence.start, sentence.start, sentence.end, "", "", steps, split, k)
    said = QUOTATIONS.first(quote) or ()
    if steps is None:
        return list(said)
    return [a._replace(steps=(*a.steps, *steps.steps)) for a in said]
