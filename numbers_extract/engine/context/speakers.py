"""Who speaks in a sentence: its attributions, or those of the quotation it belongs to, noted in
the document's :class:`~.sources.Resolver` so that a later "it" or "he" can point back to them."""

from __future__ import annotations

from ..rx import rx
from ..sentences import Sentence
from . import sources

UNHEARD = 256  # sentences with no figure whose speakers are noted only once a later "it" or "he" needs them
QUOTE_SPAN = 4  # sentences a quotation may run on for before its attribution
_QUOTE_OPENS = rx(r"\s*[“\"‘]")
_QUOTE_CLOSES = rx(r"[”\"’](?!\p{L})")


def pass_over(sentence: Sentence, unheard: list[Sentence], names: sources.Resolver) -> None:
    """A sentence with no figure: its speakers matter only to a later pronoun, so they are read
    when one comes (most never do), or when too many sentences wait."""
    unheard.append(sentence)
    if len(unheard) > UNHEARD:
        _hear(unheard, names)


def speakers(
    split: list[Sentence], k: int, names: sources.Resolver, unheard: list[Sentence]
) -> list[sources.Attribution]:
    """The attributions of sentence ``k`` (a sentence with figures), noted in ``names``."""
    sentence = split[k]
    said = sources.attributions(sentence.text, sentence.start)
    if not said and _QUOTE_OPENS.match(sentence.text):
        said = _quoted_by(split, k)  # '"We expect to open 25 stores." … , she said': the quote's speaker
    if unheard and any(sources.is_reference(attribution.speaker) for attribution in said):
        _hear(unheard, names)
    for attribution in said:
        names.note(attribution.speaker, attribution.start)
    return said


def _hear(unheard: list[Sentence], names: sources.Resolver) -> None:
    """Note the speakers of sentences passed over, in order: the names a pronoun may point back to."""
    for sentence in unheard:
        for attribution in sources.attributions(sentence.text, sentence.start):
            names.note(attribution.speaker, attribution.start)
    unheard.clear()


def _quoted_by(split: list[Sentence], k: int) -> list[sources.Attribution]:
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
