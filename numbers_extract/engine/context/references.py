"""References: a speaker written as a pronoun or a definite description ("he", "it", "the
organization") points back to the most recent fitting name in the document, by the rules of
:data:`REFERENCES`; when nothing fits it stays as written.

A :class:`Resolver` remembers the names spoken so far in one document.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

import regex

from ..lexicon import lexicon
from ..rules import Rule, Table, Trace
from ..rx import rx
from .speech import PRONOUN, TITLE

Match = regex.Match[str]

_LEX = lexicon()
_MEDIA = _LEX.media_words
_GENERIC = _LEX.generic_speakers
_COMPANY = _LEX.company_words
_PUBLIC = _LEX.public_bodies
_ORG_WORDS = _LEX.organisation_words
_PERSON_HEADS = (
    _LEX.person_heads
)  # "The minister said": a person; "The regulator said": a body, which "it" points back to
_TITLES_FIRST = regex.compile(r"^(?:" + TITLE + r"\s+){1,3}(?=\p{Lu})")
REMEMBERED = 64  # names kept per kind for resolving "he", "it", "the organization"


def is_reference(speaker: str) -> bool:
    """A pronoun or a definite description that points back to a name ("it", "the organization")."""
    low = speaker.lower()
    if rx(PRONOUN).fullmatch(speaker):
        return True
    return low.startswith("the ") and len(low.split()) <= 3 and low.split()[-1] in _ORG_WORDS


def is_organisation(name: str) -> bool:
    words = name.split()
    described = len(words) > 1 and words[0] == "The" and words[1].islower() and words[-1].lower() not in _PERSON_HEADS
    return described or any(w.lower().strip(".") in _ORG_WORDS for w in words) or name.isupper()


def is_media(name: str) -> bool:
    """A news outlet relaying a figure ("NPR adds", "Time reports"): not what "the organization" means."""
    return (name.isupper() and len(name) <= 5) or any(w.lower() in _MEDIA for w in name.split())


class Reference(NamedTuple):
    """A speaker that points back to a name, at a figure: what the rules of :data:`REFERENCES` read."""

    text: str  # the speaker as written: "it", "the company"
    start: int  # where the figure it gives a source to starts
    after: int  # and ends
    limit: int
    before: str
    near: str  # the speaker, lower-cased
    trace: Trace | None
    names: Resolver


class Referent(Enum):
    """The rules of :data:`REFERENCES`, in order: who a pronoun or a description points back to."""

    AS_WRITTEN = "'they' and 'we' stay as written: 'They said 40 homes were lost'"
    PERSON = "'he' or 'she' is the latest person named: 'Jane Doe spoke. She said costs rose 7%'"
    BODY = "'it' or 'the <body>' is the latest body that fits: 'The regulator said …. It said 3,000 …'"
    NO_ONE = "'it' that points back to nothing named is no source: 'It said 40 ships were delayed', in a first sentence"
    UNRESOLVED = "nothing named before fits 'he', 'she' or 'the <body>': as written: 'The agency said 40 ships …'"


def _it(r: Reference) -> bool:
    return r.near == "it"


def _no_one(r: Reference, m: Match | None) -> str | None:
    return ""


def _plural(r: Reference) -> bool:
    return r.near in ("they", "we")


def _personal(r: Reference) -> bool:
    return r.near in ("he", "she")


def _impersonal(r: Reference) -> bool:
    return r.near not in ("he", "she")


def _as_written(r: Reference, m: Match | None) -> str | None:
    return r.text


def _person(r: Reference, m: Match | None) -> str | None:
    return r.names.people[-1][1] if r.names.people else None


def _body(r: Reference, m: Match | None) -> str | None:
    return fitting(r.near, r.names.organisations)


def fitting(near: str, names: list[tuple[int, str]]) -> str | None:
    """The latest of ``names`` (bodies, in the order of the text) that ``near`` ("it", "the
    company", lower-cased) may point back to; None when none fits."""
    noun = near.split()[-1] if near.startswith("the ") else ""
    for _, name in reversed(names):  # the latest name that fits
        if noun and noun not in _MEDIA and is_media(name):
            continue
        if noun in _PUBLIC and noun not in ("monitor", "observatory") and noun not in name.lower():
            continue  # "the ministry" is a ministry named before, not the WHO
        if noun in _COMPANY and any(w.lower() in _PUBLIC for w in name.split()):
            continue  # "the company" points to a company, not to the police
        return name
    return None


REFERENCES: Table[Reference, str] = Table(
    "source",
    "source",
    (
        Rule(Referent.AS_WRITTEN, _as_written, when=_plural),
        Rule(Referent.PERSON, _person, when=_personal),
        Rule(Referent.BODY, _body, when=_impersonal),
        Rule(Referent.NO_ONE, _no_one, when=_it),
        Rule(Referent.UNRESOLVED, _as_written),
    ),
)


@dataclass
class Resolver:
    """Remembers the names seen so far in one document, to resolve "it", "he", "the organization".

    Mutable by design and local to one call of extract(): never shared between documents.
    """

    people: list[tuple[int, str]]  # (where it was said, name), in the order of the text
    organisations: list[tuple[int, str]]
    owners: list[tuple[int, str]] = field(default_factory=list)  # bodies that figures were about, for subjects

    def note_owner(self, name: str, at: int) -> None:
        """Remember a body that the figure at offset ``at`` is about ("Northwind Bank cut 2,000
        jobs"): a later subject "it" or "the bank" may point back to it; a source never does."""
        if not self.owners or self.owners[-1][1] != name:
            bisect.insort(self.owners, (at, name))
            del self.owners[:-REMEMBERED]

    def bodies(self, at: int) -> list[tuple[int, str]]:
        """The bodies named as speakers or owners, in the order of the text, up to the end of the
        sentence at offset ``at``."""
        merged = sorted(self.organisations + self.owners) if self.owners else self.organisations
        return [named for named in merged if named[0] <= at]

    def note(self, speaker: str, at: int | None = None) -> None:
        """Remember a speaker named at offset ``at`` (by default, after every name so far). Names may be
        noted out of order (a sentence read late): they are kept in the order of the text."""
        named = _TITLES_FIRST.sub("", speaker)  # "chief executive Jane Doe"
        speaker = named if named[:1].isupper() else speaker
        reference = is_reference(speaker)
        unnamed = reference and speaker[:4].lower() == "the " and self.resolve(speaker) == speaker
        if not speaker or (reference and not unnamed) or not speaker[0].isupper():
            return  # but "The agency estimated …. It said": "it" is the agency, named no better
        if speaker.split()[0].lower() in ("a", "an", "one", "two", "state") or speaker.lower() in _GENERIC:
            return  # "Police said", "Analysts said": a kind of speaker, not a name to point back to
        names = self.organisations if is_organisation(speaker) else self.people
        if at is None:
            at = names[-1][0] + 1 if names else 0
        bisect.insort(names, (at, speaker))
        del names[:-REMEMBERED]  # a long document: only the recent names are ever pointed back to

    def resolve(self, speaker: str, trace: Trace | None = None, span: tuple[int, int] = (0, 0)) -> str:
        """The name ``speaker`` points back to, or ``speaker`` itself; the rule that decided goes to
        ``trace``, at ``span`` (the figure's)."""
        if not is_reference(speaker):
            return speaker
        window = Reference(speaker, span[0], span[1], span[1], "", speaker.lower(), trace, self)
        resolved = REFERENCES.first(window)
        return speaker if resolved is None else resolved
