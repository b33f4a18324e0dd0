"""What a measure, amount or share is of, when no noun follows it: the noun it modifies, the thing
changed, a label, or its clause's subject."""

from __future__ import annotations

from enum import Enum

import regex

from ..figures.draft import Draft
from ..figures.joins import WORD_BEFORE
from ..lexicon import alternation, lexicon
from ..names import CURRENCY_FIRST
from ..numerals import SMALL
from ..rules import Rule, Table, Trace
from .entity import _RATE_WORDS, _SAID_NEXT, NUMBER_WORDS
from .owners import owning, thing_of
from .phrases import _PARTICIPLE_ED, _capitals, noun_phrase
from .subjects import (
    _CLAUSE,
    _WORDS,
    _head_chunk,
    _is_verb,
    _last_noun,
    _object_before,
    _trend_word,
    _verb_at,
    subject,
)
from .trend import _changes_after
from .window import Around, around, money, money_or_share, people_aged, physical, share

Match = regex.Match[str]

_LEX = lexicon()
_LEVEL_VERBS = _LEX.level_verbs
_VERB_BEFORE = regex.compile(r"(?<!\b(?i:a|an|the)\s+)\b(\p{Ll}+)\s+$")  # "have lost 5", not "an estimated 300"
_INDEX_WORDS = frozenset(word for name in _LEX.index_names for word in name.split())  # "hang", "seng"
STOP_WORDS = _LEX.stop_words
_ADVERBS_AFTER = _LEX.adverbs_after
_CHANGE_NOUNS = _LEX.change_nouns
_COMPARATIVES = _LEX.comparatives
_COPULAS = _LEX.copulas
_IMPERATIVES = _LEX.imperatives
_TIME_WORDS = _LEX.time_words
_VERBS = _LEX.verbs
_STOP_OR_VERB = STOP_WORDS | _VERBS
_PRONOUN_AT = regex.compile(r"(?i)\b" + alternation(_LEX.put_at_verbs) + r"\s+(?:it|them|this|that)\s+at\s+$")


# "a fine of $3bn", "a deal worth $2bn". Patterns anchored at the end of the text before a figure are
# matched backwards (regex.REVERSE): from the end, not tried at every position of the window.
_MODIFIER_BEFORE = regex.compile(r"(?:^|\s)(\p{Ll}[\p{Ll}-]*)\s+$", regex.REVERSE)


_NOUN_BEFORE_OF = regex.compile(r"([\p{L}][\p{L}'’-]*)\s+(?:of|worth)\s+$", regex.REVERSE)


class Measured(Enum):
    """The rules of :data:`MEASURED`, in order: what a measure, amount or share is of."""

    AGED = "the people aged it: '1.2 million adults aged 18 to 65'"
    PEOPLE_AGED = "the people over or under it: 'men over 50'"
    COMPARED = "the noun before a comparative: 'trucks heavier than 7.5 tonnes'"
    OWNER = "the owner before it: 'the old hybrid's 212', 'the index's 4% gain'"
    LABEL = "a label before it: 'base price: $59,995'"
    AT_CLAUSE = "what the clause after 'At N,' is about: 'At 8,849 metres, Everest is'"
    RANGING = "what ranges: 'Tickets range from €30 to €120'"
    SIZE = "the noun a size describes: 'The ship, 300 metres long,'"
    POLLED = "a name on a share: 'Labour on 44%'"
    STANDING = "what stands at it: 'with carbon levels at 1200 ppm'"
    DEAL = "what a deal is on: '20% off all laptops', 'Save $50 on the headphones'"
    PRICED = "what a price is of: 'the Gleaming Mirror, starting at $448'"
    HAVING = "what has it: 'a phone with 12GB'"
    THAN = "what it is compared with: '10mph less than the top wind speeds'"
    CHANGE_IN = "what a change is in: 'a 4.99% rise in council tax'"
    ADDED_TO = "what it is added to or taken off: 'adding $5,000 to the price of a home', 'wiped $3bn off its value'"
    MODIFIED = "the noun it modifies: 'a 25% duty', 'the best $200 smartphones'"
    PRONOUN_AT = "nothing, after 'put it at': 'organisers put it at 50,000'"
    CHANGED = "the thing raised or cut to it: 'bringing the total area to 1,900 square miles'"
    NOUN_OF = "the noun before 'of': 'a fine of $3bn', 'a fatality rate of 1%'"
    OWNED = "the thing its clause's subject says an owner has: 'Germany's economy shrank 0.3%', 'The price of gold'"
    SUBJECT = "the subject of its clause: 'Vecturas shares rose 6.5%'"


def measured(text: str, draft: Draft, floor: int, limit: int, trace: Trace | None = None) -> str:
    """What a measure, amount or share is of, by the first rule of :data:`MEASURED` that decides."""
    return MEASURED.first(around(text, draft, floor, limit, trace)) or ""


def _aged(w: Around, m: Match | None) -> str | None:
    assert m is not None
    return m.group(1) if m.group(1).lower() not in STOP_WORDS else None


def _compared(w: Around, m: Match | None) -> str | None:
    before = WORD_BEFORE.search(w.before)
    return before.group(1) if before is not None and before.group(1).lower() not in _STOP_OR_VERB else None


def _owner(w: Around, m: Match | None) -> str | None:
    assert m is not None
    named = _WORDS.findall(m.group(1))
    stops = [k for k, word in enumerate(named) if word.lower() in STOP_WORDS and not _capitals(word)]
    return _head_chunk(named[stops[-1] + 1 :] if stops else named) or None  # "beat the index's 4% gain": index


def _label(w: Around, m: Match | None) -> str | None:
    assert m is not None
    return " ".join(m.group(1).split()[-4:])


def _at_clause(w: Around, m: Match | None) -> str | None:
    if not (w.text.startswith(", ", w.after) and len(w.left) < 8 and w.left.strip().lower() == "at"):
        return None
    tokens = _WORDS.findall(w.text, w.after + 2, min(w.limit, w.after + 120))
    verb = next((i for i in range(len(tokens)) if _verb_at(tokens, i)), 0)
    return _head_chunk(tokens[:verb]) or None


def _ranging(w: Around, m: Match | None) -> str | None:
    assert m is not None
    return _head_chunk(_WORDS.findall(_CLAUSE.split(w.left[: len(w.left) - len(w.before) + m.start()])[-1])) or None


def _size(w: Around, m: Match | None) -> str | None:
    if not w.before.rstrip().endswith(","):
        return None
    pieces = _CLAUSE.split(w.left.rstrip()[:-1])
    return (_last_noun(pieces[-1]) if pieces else "") or None


def _group(w: Around, m: Match | None) -> str | None:
    assert m is not None
    return m.group(1)


def _standing(w: Around, m: Match | None) -> str | None:
    assert m is not None
    named = m.group(1).split()
    while len(named) > 1 and _is_verb(named[-1]):
        named.pop()
    return " ".join(named)


def _deal(w: Around, m: Match | None) -> str | None:
    assert m is not None
    if m.group(1) != "off" and not _DEAL_VERB.search(w.before):
        return None
    return noun_phrase(w.text, m.end(), w.limit) or None


def _priced(w: Around, m: Match | None) -> str | None:
    assert m is not None
    tokens = _WORDS.findall(_CLAUSE.split(w.before[: m.start()])[-1])
    while tokens and tokens[-1].lower() in _COPULAS:
        tokens.pop()
    k = len(tokens)
    while k > 0 and not _verb_at(tokens, k - 1) and tokens[k - 1].lower() not in _IMPERATIVES:
        k -= 1
    return thing_of(_head_chunk(tokens[k:], noun=True)) or None  # "The price of the new phone starts at $999": a price


def _having(w: Around, m: Match | None) -> str | None:
    assert m is not None
    word = m.group(1)
    return word if word.lower() not in STOP_WORDS and not _is_verb(word) else None


def _than(w: Around, m: Match | None) -> str | None:
    assert m is not None
    compared = noun_phrase(w.text, m.end(), w.limit)
    first = compared.split()[0].lower() if compared else ""
    return compared if first and first not in _TIME_WORDS and not _PARTICIPLE_ED.fullmatch(first) else None


def _change_in(w: Around, m: Match | None) -> str | None:
    assert m is not None
    return (noun_phrase(w.text, m.end(), w.limit) or None) if m.group(1).lower() in _CHANGE_NOUNS else None


def _added_to(w: Around, m: Match | None) -> str | None:
    to = _TO_OFF.match(w.text, w.after, w.limit)
    if to is None or (to.group(1) is None and _LEVEL_AT.match(w.text, to.end(), w.limit)):
        return None  # "added 0.5% to close at 7,400": the level it reached (but "to the fares at")
    changed = noun_phrase(w.text, to.end(), w.limit)
    if any(c.isdigit() for c in changed):
        return None  # "added 5 points to 7,400": a level
    return thing_of(changed) or None  # "wiping $340 million from the company's value": its value


def _share_or_price(w: Around) -> bool:
    return share(w) or w.draft.rule[0] in CURRENCY_FIRST


def _modified(w: Around, m: Match | None) -> str | None:
    share_or_price = _share_or_price(w)
    if not (_DETERMINER_BEFORE.search(w.before) or not w.left.strip() or share_or_price):
        return None
    if _RATE_WORDS.search(w.text, w.start, w.draft.end) or _PERIOD_ABBREVIATION.match(w.text, w.after, w.limit):
        return None  # "a million barrels a day flow", "+0.2% q/q": no noun
    space = (_SPACE_LOWER if share_or_price else _SPACE_LETTER).match(w.text[w.after : w.limit])
    if space is None:
        return None
    following = noun_phrase(w.text, w.after + space.end(), w.limit)
    first = following.split()[0].lower() if following else ""
    if first in _COMPARATIVES and _A_BEFORE.search(w.before):  # "a 50% lower risk of death"
        following = " ".join(following.split()[1:]) or noun_phrase(
            w.text, w.after + space.end() + len(first) + 1, w.limit
        )
        first = following.split()[0].lower() if following else ""
    # "the gain of 2.13% witnessed in August" (but "30% fuming acid", "12 C melting point")
    participle = _PARTICIPLE_ED.fullmatch(first)
    speaking = _SAID_NEXT.match(w.text, w.after + space.end() + len(following), w.limit)
    if (
        first
        and not speaking  # "short of the 4.1% analysts had forecast": who forecast it, not what
        and first not in _TIME_WORDS
        and first not in _VERBS
        and first not in _ADVERBS_AFTER
        and not (_trend_word(first) or participle)
    ):
        return following
    return None


def _nothing(w: Around, m: Match | None) -> str | None:
    return ""  # "organisers put it at 50,000": what "it" is was said before


def _changed(w: Around, m: Match | None) -> str | None:
    bound = _BOUND_CUE.match(w.text, w.start, w.draft.end) is not None  # "pushed temperatures above 40C"
    opened = w.text[w.start : w.start + 5].lower() == "from "  # "cut the deficit from 6.1% to 3.8%"
    cue = "to" if bound else "from" if opened else ""  # the preposition the figure's own surface swallowed
    return _object_before(w.left + cue if cue and w.left.endswith(" ") else w.left) or None


def _noun_of(w: Around, m: Match | None) -> str | None:
    assert m is not None
    noun, tail = m.group(1), w.before
    if noun.lower() in STOP_WORDS or noun.lower() in _AGGREGATES or noun.lower() in NUMBER_WORDS:
        return None  # "five of six": a number, not what is measured
    if _AT_A_RATE.search(tail):
        return None
    modifier = _MODIFIER_BEFORE.search(tail, 0, m.start(1))  # "a fatality rate of 1%": fatality rate
    acted = bool(
        modifier is not None
        and _PARTICIPLE_ED.fullmatch(modifier.group(1).lower())
        and _SUBJECT_BEFORE.search(tail, 0, modifier.start(1))
    )  # "The court awarded damages of €250,000" (but "a fixed rate of", "maximum sustained winds of")
    clause = modifier is not None and modifier.group(1).endswith("ing") and tail[: modifier.start(1)].endswith(", ")
    # ", beating estimates of 79 cents": a clause's verb, not a modifier ("operating profit of" is one)
    if modifier is not None and modifier.group(1).lower() not in _NOT_MODIFIERS and not (acted or clause):
        return f"{modifier.group(1)} {noun}"
    a_change = noun.lower() in _CHANGE_NOUNS and _AN_BEFORE.search(tail, 0, m.start(1))
    if noun.lower() not in _BARE_NOUNS and not a_change:
        return noun  # but "…, an increase of 9.7%" is the subject's change ("the rise of 3.4%" is one)
    return None


def _subject(w: Around, m: Match | None) -> str | None:
    """The subject, when it is a thing measured ("Blood pressure fell by an average of 10 mmHg": what
    was averaged); not an owner — a possessive ("Google's") or a name of two or more capitalised words
    ("Anders Nilsson made 35 saves, including 15 in the third"): who the figure is about is its
    ``subject``, and what it measures the text does not say."""
    if not w.draft.unit and _acted_on(w.before):
        return ""  # "The Predators have lost five": five of what the text leaves out, not five Predators
    said = subject(w.left)
    return "" if _owns(said) else said


def _owned(w: Around, m: Match | None) -> str | None:
    """What the subject says its owner has, when the figure measures it: "Apple's revenue rose 5%"
    measures revenue, "The price of gold rose 2%" a price (:func:`~.owners.owning`); who owns it is the
    figure's ``subject``."""
    if not w.draft.unit and _acted_on(w.before):
        return None
    owns = owning(subject(w.left))
    return owns.thing if owns is not None else None


def _acted_on(before: str) -> bool:
    """The figure is the object of a verb that gives no level of its subject ("have lost five",
    "scored 12"; not "reached 5,200", "was 212", "rose 20", nor "an estimated 300")."""
    verb = _VERB_BEFORE.search(before)
    if verb is None:
        return False
    return verb.group(1) not in _LEVEL_VERBS and _is_verb(verb.group(1))


def _owns(said: str) -> bool:
    """A subject that owns a figure rather than being measured by it: a possessive ("Google's"), or a
    name of capitalised words with no acronym ("Anders Nilsson", "Acme Corp"; not "UK GDP", "Diluted
    EPS") that names no market index ("Hang Seng")."""
    if said.endswith(("'s", "’s")):
        return True
    words = said.split()
    return (
        len(words) > 1
        and all(word[:1].isupper() for word in words)
        and not any(word.isupper() and len(word) > 1 for word in words)
        and not (_INDEX_WORDS & {word.lower() for word in words})
    )


def _moved_share(w: Around) -> bool:
    return not w.draft.unit or (w.draft.unit == "percentage" and _changes_after(w.text, w.after, w.limit))


_PERIOD_ABBREVIATION = regex.compile(r"(?i)\s+(?:[qmyw]/[qmyw]|yoy|qoq|mom|y-o-y|q-o-q|m-o-m)\b")  # "+0.2% q/q"


_PRICED = regex.compile(
    r"\s" + alternation(_LEX.price_verbs) + r"\s+(?:at|from|for)\s+$",
    regex.REVERSE,
)  # "X starting at $448": X is what the price is of


_DEAL_ON = regex.compile(r"\s+(off|on)\s+(?:all\s+|the\s+|its\s+|your\s+|a\s+|an\s+|this\s+|these\s+)?(?=\p{L})")


_DEAL_VERB = regex.compile(
    r"(?i)\b" + alternation(_LEX.deal_verbs) + r"\s+(?:up\s+to\s+|over\s+)?"
    r"(?:an?\s+(?:extra|additional|further)\s+|another\s+)?$",
    regex.REVERSE,
)


_HAVING = regex.compile(r"(?:^|\s)([\p{L}\p{N}][\p{L}\p{N}'’&-]*)\s+with\s+$", regex.REVERSE)


_PEOPLE_AGED = regex.compile(
    r"(?i)\b(" + alternation(_LEX.people_of_an_age) + r")\s+(?:aged\s+)?$", regex.REVERSE
)  # "people over 65": the people's ages


_COMPARED = regex.compile(r"(?i)\p{L}+er\s+than\s")  # a figure that opens with a comparative: "heavier than 7.5 t"


_RANGE_VERB = regex.compile(r"\s" + alternation(_LEX.range_verbs) + r"\s+$", regex.REVERSE)


_AGED = regex.compile(r"(?i)(\p{L}+)\s+aged\s+(?:between\s+|from\s+)?$", regex.REVERSE)


_OWNER_BEFORE = regex.compile(
    r"(?:^|[\s(])((?:[\p{L}&]+\s+){0,2}(?:[\p{L}&]+|\d+(?<=\p{Lu}[\p{L}&]*\s+\d+)))['’]s\s+$", regex.REVERSE
)  # "the old hybrid's 212", "the S&P 500's 12% rise"


_SIZE_AFTER = regex.compile(r"\s+" + alternation(_LEX.size_words) + r"\b")


_THAN = regex.compile(
    r"\s+" + alternation(_LEX.than_comparatives) + r"\s+than\s+"
    r"(?:the\s+|that\s+of\s+(?:the\s+)?|those\s+of\s+(?:the\s+)?)?(?=\p{L})"
)


_CHANGE_IN = regex.compile(r"\s+(?:[\p{Ll}-]+\s+)?(\p{Ll}+)\s+(?:in|of)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?")


_ADDING = regex.compile(
    r"(?i)\b" + alternation(_LEX.adding_verbs) + r"\s+(?:another\s+|an?\s+(?:extra|further|additional)\s+)?$",
    regex.REVERSE,
)  # "adding $5,000", "wiped another $3bn"
_STEMS = {verb[:4] for verb in _LEX.adding_verbs}
_ADDING_STEMS = tuple(sorted(s for s in _STEMS if not any(s != t and s.startswith(t) for t in _STEMS)))  # "add", "wipe"
_LEVEL_AT = regex.compile(r"\p{Ll}+\s+(?:at|to)\s")  # "to close at", "to end at", "to close to"
_TO_OFF = regex.compile(
    r"\s+(?:to|from|off)\s+(?:of\s+)?(the\s+|its\s+|their\s+|his\s+|her\s+|an?\s+|that\s+|this\s+)?(?=\p{L})"
)


_BOUND_CUE = regex.compile(r"(?i)(?:above|below|over|under|past|beyond)\s")


_AT_A_RATE = regex.compile(
    r"(?i)\bat\s+(?:an?|the)\s+(?:"
    + alternation(_LEX.pace_adjectives)
    + r"\s+){0,2}"
    + alternation(_LEX.pace_nouns)
    + r"\s+of\s+$",
    regex.REVERSE,
)  # "grew at an annual rate of 4.1%": the subject grew (but "a building rate of $80")


_AGGREGATES = _LEX.aggregates


# "to a close of 1,463 points", "a sum of $5m": the subject's figure (but "the previous record of 38.5C")
_AN_BEFORE = regex.compile(r"(?i)\ban?\s+$", regex.REVERSE)


_SUBJECT_BEFORE = regex.compile(r"(?i)(?:^|\b(?:the|a|an|its|their|his|her|our)\s+)\p{L}+\s+$", regex.REVERSE)


_BARE_NOUNS = _LEX.record_nouns


_NOT_MODIFIERS = _LEX.not_modifiers


_NAME_ON = regex.compile(r"(?:^|\s)((?:\p{Lu}[\p{L}&'’.-]*\s+){0,3}\p{Lu}[\p{L}&'’.-]*)\s+on\s+$", regex.REVERSE)


_WITH_AT = regex.compile(
    r"\b(?:[Ww]ith|[Aa]mid)\s+(?:the\s+|its\s+|their\s+)?((?:[\p{L}&'’-]+\s+){0,3}?[\p{L}&'’-]+)\s+at\s+$"
)


# "Revenue: $4bn", "Headcount — 12,400"
_LABEL_BEFORE = regex.compile(r"([\p{L}][\p{L} '’-]{0,40})(?::|\s+[—–])\s*$", regex.REVERSE)


_DETERMINER_BEFORE = regex.compile(
    r"(?i)(?:\b(?:a|an|the|its|their|his|her|our|this|that|each|of|with|"
    + alternation([*_LEX.number_scales, *(w for w, v in SMALL.items() if 2 <= v <= 10)])
    + r")|\d)\s+(?:"
    + alternation(_LEX.figure_adjectives)
    + r"\s+)?$",
    regex.REVERSE,
)


_SPACE_LOWER = regex.compile(r"[ \u00a0]+(?=\p{Ll})")
_SPACE_LETTER = regex.compile(r"[ \u00a0]+(?=[\p{L}])")
_A_BEFORE = regex.compile(r"(?i)\ban?\s+$")

MEASURED: Table[Around, str] = Table(
    "measured",
    "entity",
    (
        Rule(Measured.AGED, _aged, _AGED, "before", ("aged",)),
        Rule(Measured.PEOPLE_AGED, _aged, _PEOPLE_AGED, "before", when=people_aged),
        Rule(Measured.COMPARED, _compared, _COMPARED, "at", ("than",)),
        Rule(Measured.OWNER, _owner, _OWNER_BEFORE, "before", ("'s", "’s"), _moved_share),
        Rule(Measured.LABEL, _label, _LABEL_BEFORE, "before", (":", "—", "–")),
        Rule(Measured.AT_CLAUSE, _at_clause, needs=("at",)),
        Rule(
            Measured.RANGING, _ranging, _RANGE_VERB, "before", ("rang", "var"), lambda w: w.draft.qualifier == "range"
        ),
        Rule(Measured.SIZE, _size, _SIZE_AFTER, "after"),
        Rule(Measured.POLLED, _group, _NAME_ON, "before", ("on",), share),
        Rule(Measured.STANDING, _standing, _WITH_AT, "before", ("at",)),
        Rule(Measured.DEAL, _deal, _DEAL_ON, "after", ("on", "off"), money_or_share),
        Rule(Measured.PRICED, _priced, _PRICED, "before", when=money),
        Rule(Measured.HAVING, _having, _HAVING, "before", ("with",), physical),
        Rule(Measured.THAN, _than, _THAN, "after", ("than",)),
        Rule(Measured.CHANGE_IN, _change_in, _CHANGE_IN, "after", ("in", "of")),
        Rule(Measured.ADDED_TO, _added_to, _ADDING, "before", _ADDING_STEMS),
        Rule(Measured.MODIFIED, _modified),
        Rule(Measured.PRONOUN_AT, _nothing, _PRONOUN_AT, "before", ("at",)),
        Rule(Measured.CHANGED, _changed),
        Rule(Measured.NOUN_OF, _noun_of, _NOUN_BEFORE_OF, "before", ("of", "worth")),
        Rule(Measured.OWNED, _owned, needs=("'s", "’s", " of ")),
        Rule(Measured.SUBJECT, _subject),
    ),
)
