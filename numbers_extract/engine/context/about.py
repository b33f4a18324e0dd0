"""Who or what a figure is about (the table's ``subject``), by the rules of :data:`ABOUT`, in order.

The owner of what the figure counts or measures: the person whose age it is, a possessor ("two of
Johnson's deputies", "the plant's 2 GW capacity", "its revenue of $2 billion"), else the subject of
its clause (:func:`~.subjects.reading`). A subject written as a pronoun or a description ("it",
"its shares", "the company") points back to the latest fitting name in the document, by the rules
of :data:`ANTECEDENTS` and the document's :class:`~.references.Resolver`, the one that resolves
sources; "" when the text names no owner.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import NamedTuple

import regex

from ..lexicon import alternation, lexicon
from ..names import Name
from ..rules import Rule, Spot, Table
from .owners import owning
from .references import Reference, Resolver, _person, fitting, is_media, is_organisation, is_reference
from .subjects import How, Reading, owner_before, partitive_owner, reading
from .window import Around

Match = regex.Match[str]

_LEX = lexicon()
_MONTHS = frozenset(_LEX.months) | _LEX.weekdays
_ORG_WORDS = _LEX.organisation_words
_COMPANY = _LEX.company_words
_SUFFIXES = _LEX.company_suffixes
_POSSESSIVE = _LEX.referring_possessives
_PERSONAL = _LEX.personal_pronouns  # "he", "his": a person
_IMPERSONAL = (_LEX.referring_pronouns | _POSSESSIVE) - _PERSONAL  # "it", "its", "they", "their": a body
_NAMED_BACK = 3000  # characters before a figure where the name a description points back to is looked for
_NEARBY = 300  # characters before a figure where the body "it", "they" points back to must be named
_RIGHT = 60  # characters after a figure where a partitive's possessor is read
_UNREAD = Reading("none", "")  # the clause of a date or a clock time, which is about nothing


class Owner(NamedTuple):
    """What the rules of :data:`ABOUT` read besides a figure's window: the figure, what it counts, its
    kind, the names of the document so far, and the sentence before it (``left``)."""

    w: Around
    entity: str
    kind: str
    names: Resolver
    left: str
    clause: Reading  # the subject of the figure's clause, as :func:`~.subjects.reading` reads it
    heard: Callable[[], None]  # notes the speakers of the sentences passed over, once a reference needs them


Owned = Spot[Owner]


class About(Enum):
    """The rules of :data:`ABOUT`, in order: who or what a figure is about. The clause is read once
    (:func:`~.subjects.reading`); each rule from CLAUSE to DESCRIBED applies to one way it was read, so
    their order is that of how often they apply; REFERS, which resolves what CLAUSE would give as written,
    comes before it."""

    DATED = "a date or a clock time is about nothing: 'The plant opened in 2011'"
    AGE = "an age in commas after a name is the person's: 'Garcia, 44, joined the board'"
    ITS = "a possessive before the figure's noun is its owner, resolved: 'Acme Inc said its revenue of $2 billion'"
    PARTITIVE = "the possessor of a partitive: 'Two of Johnson's deputies were fired'"
    POSSESSOR = "the possessor written right before the figure: 'the plant's 2 GW capacity'"
    LISTED = (
        "an item that names a company before a dash, then describes it: "
        "'Walmart — Shares of the retail giant rose 1.5%', 'Carnival — The cruise operator gained 2.2%'"
    )
    REFERS = (
        "a subject written as a pronoun or a description, resolved: 'Northwind Bank reported a loss. It cut 2,000 jobs'"
    )
    OWNS = (
        "the owner in the clause's subject, when the figure measures the thing it has: "
        "'Germany's economy shrank 0.3%' (Germany), 'The price of gold rose 2%' (gold)"
    )
    BRACKETED = "the name before a ticker or acronym in brackets read as the subject: 'Apple (AAPL) rose 2%'"
    CLAUSE = "the subject of the figure's clause, the words before its verb: 'Acme Motors sold 41,000 trucks'"
    NAME = "a name written right before the figure: 'Stoxx 50 -1.3%'"
    THAT = "the noun a 'that' clause hangs on: 'forms a plume that extends 300 miles'"
    COUNTED_OF = "the name what a count counts is of, when its clause names no owner: 'Five seasons of Sesame Street'"
    SAID = "the figure opens what was said, so the clause names no owner: 'Officials said 3,400 acres had burned'"
    DESCRIBED = "the noun a relative clause or participle describes: 'The fund, which manages $3 billion'"
    NONE = "the text names no owner: 'It costs $5', in a first sentence"


def _dated(o: Owned) -> bool:
    return o.detail.kind in ("date", "time")


def _aged(o: Owned) -> bool:
    return o.detail.w.draft.rule[-1] is Name.NAME_AGE


def _nothing(o: Owned, m: Match | None) -> str | None:
    return ""


def _entity(o: Owned, m: Match | None) -> str | None:
    return o.detail.entity


def _its(o: Owned, m: Match | None) -> str | None:
    return resolve(o, m.group(1).lower()) if m is not None else None


def _partitive(o: Owned, m: Match | None) -> str | None:
    return partitive_owner(o.text[o.after : min(o.limit, o.after + _RIGHT)])


def _possessor(o: Owned, m: Match | None) -> str | None:
    return owner_before(o.detail.left)


def _read(how: How) -> Callable[[Owned], bool]:
    """The test of the rule for one way of reading the clause: the clause was read that way."""

    def was_read(o: Owned) -> bool:
        return o.detail.clause.how == how

    return was_read


def _clause_subject(o: Owned, m: Match | None) -> str | None:
    return o.detail.clause.text


def _owning_clause(o: Owned) -> bool:
    clause = o.detail.clause
    return clause.how == "clause" and ("'" in clause.text or "’" in clause.text or " of " in clause.text)


def _owns(o: Owned, m: Match | None) -> str | None:
    owns = owning(o.detail.clause.text)
    if owns is None or owns.thing != o.detail.entity:
        return None  # "Britain's biggest lender cut 2,000 jobs": the lender's jobs
    words = owns.owner.split()
    if owns.owner.islower() and (words[-1] in _ORG_WORDS or words[-1] in _COMPANY):
        return resolve(o, "the " + owns.owner) or owns.owner  # "The company's revenue rose 8%": the company named
    return owns.owner


def _bracketed(o: Owned, m: Match | None) -> str | None:
    """The name written before the brackets that hold the clause's subject, a ticker or an acronym:
    "Apple (AAPL) rose 2%", "Shares of Tesla (TSLA.O) fell", "The World Health Organization (WHO)
    estimated"."""
    said = o.detail.clause.text
    if o.detail.clause.how != "clause" or _CODE.fullmatch(said) is None:
        return None
    left = o.detail.left[-_BRACKETED_BACK:]
    for found in _BRACKETED.finditer(left):
        if found.group(2) == said:
            words = found.group(1).removeprefix("The ").split()
            if len(words) > 2 and words[1] == "of" and words[0].endswith("s"):
                words = words[2:]  # "Shares of Tesla (TSLA)": Tesla (but "Bank of England (BoE)")
            return " ".join(words)
    return None


def _unowned_count(o: Owned) -> bool:
    return o.detail.kind == "count" and o.detail.clause.how in ("said", "none")


def _counted_of(o: Owned, m: Match | None) -> str | None:
    assert m is not None
    name = m.group(1)
    return None if name.split()[0].lower() in _MONTHS else name  # not "20 days of March"


def _listed(o: Owned, m: Match | None) -> str | None:
    """The name before the dash that opens an item of a market report, when the clause after it
    opens with a description of it ("The cruise operator", "Shares of the retail giant", "Its shares")
    whose words the figure's clause subject is; not a dateline ("WASHINGTON — The economy grew")."""
    w = o.detail.w
    item = _LISTED.match(w.text, w.floor, min(w.limit, w.floor + _OPENING))
    if item is None or o.detail.clause.how not in ("clause", "none"):
        return None
    name, described = item.group(1), item.group(2) or item.group(3)
    if sum(c.isalpha() for c in name) > 3 and not any(c.islower() for c in name):
        return None  # "NEW YORK — The company said": a dateline, not a name
    said = o.detail.clause.text
    return name if said and described.startswith(said.split()[0]) else None


def _referring(o: Owned) -> bool:
    return bool(o.detail.clause.refers)


def _refers(o: Owned, m: Match | None) -> str | None:
    clause = o.detail.clause
    if clause.refers in _POSSESSIVE and clause.text.split()[-1:] != o.detail.entity.split()[-1:]:
        return None  # "their families boarded 32 buses": the families' buses (but "its shares rose 3%": its)
    return resolve(o, clause.refers)


# "its revenue of", "raised his stake to", "their combined market value of": the possessive before the
# noun phrase that the figure is the value of
_ITS = regex.compile(
    r"(?:^|[^\p{L}])(" + alternation(_POSSESSIVE) + r")\s+(?:[\p{L}-]+\s+){1,3}(?:of|at|to|by)\s+$",
    regex.REVERSE | regex.IGNORECASE,
)


_BRACKETED_BACK = 200  # characters before a figure where a name and its code in brackets are looked for
_BRACKETED = regex.compile(
    r"((?:\p{Lu}[\p{L}\p{N}&.'’-]*\s+){1,4}\p{N}+|(?:\p{Lu}[\p{L}\p{N}&.'’-]*\s+(?:"
    + alternation(_LEX.name_connectors)
    + r"\s+)?){0,4}\p{Lu}[\p{L}\p{N}&.'’-]*)"
    r"\s*\(\s*(?:\p{Lu}+:\s*)?(\p{Lu}[\p{L}\p{N}.]*)\s*\)"
)  # "Apple (AAPL)", "Tesla (NASDAQ: TSLA)", "Nikkei 225 (N225)", "Office for National Statistics (ONS)"


_COUNTED_OF = regex.compile(
    r"\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}of\s+(?:the\s+)?((?:\p{Lu}[\p{L}&.'’-]*\s+(?:(?:"
    + alternation(_LEX.name_connectors)
    + r"|&)\s+)?){0,3}\p{Lu}[\p{L}&.-]*)(?![\p{L}'’])"
)  # "Five new seasons of Sesame Street", "300 employees of the Ministry of Health", "stages of Plan & Grow"


_CODE = regex.compile(r"(?=.{2,12}$)\p{Lu}[\p{L}\p{N}.]*[\p{Lu}\p{N}][\p{L}\p{N}.]*")  # "AAPL", "BoE", "N225", "TSLA.O"


_OPENING = 120  # characters at a sentence's start where an item's name and its dash are looked for
_LISTED = regex.compile(
    r"\s*((?:\p{Lu}[\p{L}\p{N}&.'’-]*\s+){0,3}\p{Lu}[\p{L}\p{N}&.'’-]*)(?:\s+\([^()]{1,12}\))?\s*[—–]\s*"
    r"(?:(?:The|Its)\s+(\p{Ll}[\p{L}\s-]*)|(Shares\s+of\s+the\s+\p{Ll}[\p{L}\s-]*))"
)  # "Walmart — Shares of the retail giant", "Alphatec— The medical technology stock", "Acme (ACME) — Its shares"


ABOUT: Table[Owned, str] = Table(
    "subject",
    "subject",
    (
        Rule(About.DATED, _nothing, when=_dated),
        Rule(About.AGE, _entity, when=_aged),
        Rule(About.ITS, _its, _ITS, "before", tuple(sorted(word + " " for word in _POSSESSIVE))),
        Rule(About.PARTITIVE, _partitive, needs=(" of ",)),
        Rule(About.POSSESSOR, _possessor, needs=("'s", "’s")),
        Rule(About.LISTED, _listed, needs=("—", "–")),
        Rule(About.REFERS, _refers, when=_referring),
        Rule(About.OWNS, _owns, when=_owning_clause),
        Rule(About.BRACKETED, _bracketed, needs=(")",)),
        Rule(About.CLAUSE, _clause_subject, when=_read("clause")),
        Rule(About.NAME, _clause_subject, when=_read("name")),
        Rule(About.THAT, _clause_subject, when=_read("that")),
        Rule(About.COUNTED_OF, _counted_of, _COUNTED_OF, "after", (" of ",), _unowned_count),
        Rule(About.SAID, _clause_subject, when=_read("said")),
        Rule(About.DESCRIBED, _clause_subject, when=_read("described")),
        Rule(About.NONE, _nothing),
    ),
)


class Antecedent(Enum):
    """The rules of :data:`ANTECEDENTS`, in order: the name a subject written as a pronoun or a
    description points back to. None fits: the subject is read as written (or none, for a pronoun)."""

    NAMED = "'the <body>' is the latest name before that ends in its noun (or a company suffix): 'the Red Dawn group'"
    PERSON = "'he', 'his', 'she', 'her' is the latest person named: 'Jane Doe said … Her pay rose 5%'"
    NEARBY = (
        "'it', 'its', 'they', 'their' is a body named in this sentence or the last: 'Acme Inc said … It sold 40 homes'"
    )
    BODY = "'the company', 'the bank' is the latest company that fits: 'Deutsche Bank said … The bank cut 2,000 jobs'"


def _described(r: Reference) -> bool:
    return r.near.startswith("the ")


def _personal(r: Reference) -> bool:
    return r.near in _PERSONAL


def _pronoun(r: Reference) -> bool:
    return r.near in _IMPERSONAL


def _company(r: Reference) -> bool:
    return r.near.startswith("the ") and r.near.split()[-1] in _COMPANY


@cache
def _named_pattern(noun: str) -> regex.Pattern[str]:
    """A name that ends in ``noun``, or for a company word in a company's suffix, its other words
    capitalised: "the Islamic State group", "Deutsche Bank", "Fenwick Holdings Inc"."""
    ends = {noun} | (_SUFFIXES if noun in _COMPANY else set())
    return regex.compile(
        r"(?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}&.'’-]*\s+){1,4})((?i:"
        + "|".join(regex.escape(end) for end in sorted(ends, key=len, reverse=True))
        + r")\.?)(?![\p{L}\p{N}])",
        regex.REVERSE,
    )  # the noun in any case: "Deutsche Bank" for "the bank"


def _named(r: Reference, m: Match | None) -> str | None:
    noun = r.near.split()[-1]
    for found in _named_pattern(noun).finditer(r.before):
        words = found.group(1).split()
        articles = [k for k, word in enumerate(words) if word in ("The", "A", "An")]
        if articles:  # "The group now holds", "on Monday. The company cut": the description itself
            words = words[articles[-1] + 1 :]
        if words:
            return " ".join((*words, found.group(2)))
    return None


def _body(r: Reference, m: Match | None) -> str | None:
    # "the firm" is no "Office for National Statistics"
    return fitting(r.near, [(at, name) for at, name in r.names.bodies(r.limit) if _company_named(name)])


def _company_named(name: str) -> bool:
    """A name that "the company", "the lender" may point back to: a name, not a description ("The
    regulator"), whose words of bodies, if any, are words of companies ("Deutsche Bank", "Acme Corp")."""
    words = name.split()
    if words[0] == "The" and words[1:2] and words[1].islower():
        return False
    return {w.lower().strip(".") for w in words} & _ORG_WORDS <= _COMPANY | _SUFFIXES


def _nearby(r: Reference, m: Match | None) -> str | None:
    for at, name in reversed(r.names.bodies(r.limit)):
        if at < r.start - _NEARBY:
            break
        if not is_media(name) and not (name.startswith("The ") and name[4:5].islower()):
            return name  # not "Reuters", nor a description: "The regulator"
    return None


ANTECEDENTS: Table[Reference, str] = Table(
    "subject",
    "subject",
    (
        Rule(Antecedent.NAMED, _named, when=_described),
        Rule(Antecedent.PERSON, _person, when=_personal),
        Rule(Antecedent.NEARBY, _nearby, when=_pronoun),
        Rule(Antecedent.BODY, _body, when=_company),
    ),
)


def resolve(o: Owned, refers: str) -> str | None:
    """The name that ``refers`` ("it", "its", "the company") points back to, at the figure; None
    when none fits."""
    o.detail.heard()
    before = o.text[max(0, o.start - _NAMED_BACK) : o.start]
    found = ANTECEDENTS.first(Reference(refers, o.start, o.after, o.limit, before, refers, o.trace, o.detail.names))
    return found if found and not is_reference(found) else None  # not "The company", named no better


def about(w: Around, entity: str, kind: str, names: Resolver, heard: Callable[[], None]) -> str:
    """Who or what the figure ``w`` is about (:data:`ABOUT`), noted in ``names`` when it is the name
    of a body, for a later "it" or "the company"."""
    left = w.left
    clause = _UNREAD if kind in ("date", "time") else reading(left)
    detail = Owner(w, entity, kind, names, left, clause, heard)
    owned: Owned = Spot(w.text, w.start, w.after, w.limit, w.before, w.near, w.trace, detail)  # not Owned(…): slower
    found = ABOUT.first(owned) or ""
    if found.endswith(("'s", "’s")):
        found = found[:-2]  # "Google's gaming offering, which …": Google
    if found[:1].isupper() and is_organisation(found):
        names.note_owner(found, w.start)
    return found
