"""A subject that names an owner and a thing it has: "Germany's economy" (Germany, its economy),
"the price of gold" (gold, its price). When a figure measures that thing ("Germany's economy shrank
0.3%"), the owner is who the figure is about and the thing is what it measures."""

from __future__ import annotations

from typing import NamedTuple

from ..lexicon import lexicon

_LEX = lexicon()
_ATTRIBUTES = _LEX.attribute_nouns  # "price", "length", "population"
_NAMES_IN_S = _LEX.names_in_s  # "McDonald's": a name, not an owner
_ARTICLES = _LEX.articles


class Owning(NamedTuple):
    """An owner and the thing of it a subject names."""

    owner: str
    thing: str


def owning(said: str) -> Owning | None:
    """The owner and the thing in a subject as :func:`~.subjects.reading` reads it: a possessive
    before a noun ("Apple One's Individual plan": Apple One, Individual plan), or an attribute of a
    noun phrase ("length of the main bridge": main bridge, length); None for any other subject."""
    if "'" in said or "’" in said:
        return _possessed(said.split())
    if " of " in said:
        return _attribute(said.split())
    return None


def thing_of(said: str) -> str:
    """The thing a phrase names of an owner ("the company's value": value; "the price of the new
    phone": price), else the phrase as it is."""
    owns = owning(said)
    return owns.thing if owns is not None else said


def _possessed(words: list[str]) -> Owning | None:
    for k, word in enumerate(words[:-1]):
        if word.endswith(("'s", "’s")):
            if word.replace("’", "'").lower() in _NAMES_IN_S or not word[:-2]:
                return None  # "McDonald's shares": the company's name
            return Owning(" ".join([*words[:k], word[:-2]]), " ".join(words[k + 1 :]))
    return None


def _attribute(words: list[str]) -> Owning | None:
    for k in range(1, len(words) - 1):
        if words[k] == "of" and words[k - 1].lower() in _ATTRIBUTES:
            owner = words[k + 1 :]
            while owner and owner[0].lower() in _ARTICLES:
                owner = owner[1:]
            if not owner or (len(owner) == 1 and owner[0].endswith("ing")):
                return None  # "the cost of living", "the rate of spending": one noun, no owner
            return Owning(" ".join(owner), " ".join(words[:k]))
    return None
