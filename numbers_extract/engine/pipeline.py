"""The pipeline: text -> sentences -> numerals and figures -> context -> list[Figure]. The stages
in order, nothing else."""

from __future__ import annotations

from functools import partial

from ..table import Figure
from .context.sources import Resolver
from .context.speakers import hear, pass_over, speakers
from .context.stage import read_sentence
from .figures import drafts
from .rules import Trace
from .sentences import Sentence, pieces, split
from .units import load_catalogue


def extract(text: str, doc: str = "") -> list[Figure]:
    """Every figure in ``text``, sorted by start, none overlapping.

    ``doc`` names the document in the ``doc`` column ("" for a bare string).
    """
    return run(text, doc, None)


def run(text: str, doc: str, trace: Trace | None) -> list[Figure]:
    """:func:`extract`, writing the rules' steps to ``trace`` when one is given."""
    catalogue = load_catalogue()
    out: list[Figure] = []
    names = Resolver([], [])  # the speakers named so far, for "it", "he", "the company"
    unheard: list[Sentence] = []
    heard = partial(hear, unheard, names)  # a subject's "it" may point back to a speaker passed over
    for piece in pieces(text):
        sentences = split(text, *piece)
        for k, sentence in enumerate(sentences):
            found = drafts(text, sentence.start, sentence.end, catalogue, trace)
            if not found:
                pass_over(sentence, unheard, names)
                continue
            said = speakers(sentences, k, names, unheard, trace)
            read_sentence(text, sentence, found, out, said, names, heard, doc, catalogue, trace)
    return out
