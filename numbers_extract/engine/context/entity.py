"""Entity: what a figure counts or measures, as written ("1,600 people", "19 square miles of
territory", "a 48-hour ceasefire").
"""

from __future__ import annotations

from enum import Enum

import regex

from ..figures.draft import Draft
from ..lexicon import alternation, lexicon, trend_word
from ..names import Name
from ..numerals import BIG_SCALES, SMALL, SUFFIX_SCALES
from ..rules import Rule, Table
from ..units import load_catalogue
from .phrases import _OLD, _PARTICIPLE_ED, _plural, noun_phrase
from .window import Around, is_money, is_physical

Match = regex.Match[str]

_LEX = lexicon()
_ABBREVIATED = _LEX.counted_abbreviations  # "TDs": touchdowns, "WAR": wins above replacement
NUMBER_WORDS = frozenset({*_LEX.number_words, *_LEX.number_tens, *_LEX.number_scales})  # "six", "forty"
_TIME_WORDS = _LEX.time_words
_OF_X = regex.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|your\s+|a\s+|an\s+|all\s+|this\s+|that\s+"
    r"|these\s+|those\s+)?(?:[\p{L}]+['’]s\s+)?(?:(?:last|first|next|past|previous|top|other)\s+(?=\d))?"
    r"(?:(?:some|about|around|roughly|nearly|almost|over|more\s+than|at\s+least)\s+(?=\d))?"
    r"(?:\d[\d,.]*(?:%|-strong)?\s+(?:" + alternation(BIG_SCALES) + r"\s+)?(?=[\p{L}])"
    r"|" + alternation([*(w for w, v in SMALL.items() if 2 <= v <= 12), "dozen"]) + r"\s+(?=\p{Ll}))?"
)


_ASIDE = regex.compile(r"\s*\([^()]{1,30}\)")


_BEFORE_PLURAL = regex.compile(r" (?!" + alternation(_LEX.not_plurals_before) + r"\b)\p{Ll}{3,}s\b")


_MONEY_NOUNS = _LEX.money_nouns


_IN_X = regex.compile(
    r"\s+in\s+(?!" + alternation(_LEX.in_idioms) + r"\b)(?=\p{L})"
)  # "$1 billion in gains", not "$20,000 in exchange for", "$5bn in value"


_DETERMINED = regex.compile(r"\s+(?:the|its|their|his|her|our|your|this|that)\s+(?=\p{L})")


_MONEY_BETWEEN = regex.compile(
    r",?\s+(?:[$€£]|US\$|C\$|A\$)\d[\d,.]*(?:\s*"
    + alternation([*BIG_SCALES, *(s for s in SUFFIX_SCALES if s.islower())])
    + r"\b)?\s+(?=\p{Ll})"
)


_MORE = regex.compile(r"[ \u00a0]+" + alternation(_LEX.more_words) + r"\s+(?=\p{Ll})")


_PER_TIME = regex.compile(r"\s+(\p{Ll}{3,}s)\s+(?:per|an?|each)\s+(" + alternation(_LEX.time_units) + r")\b")


_PER_THING = regex.compile(
    r"\s+(\p{Ll}{3,})\s+(?:per\s+(?!" + alternation(_LEX.not_per) + r"\b)(\p{Ll}{3,})"
    r"|(?:an?|each)\s+(" + alternation(_LEX.rate_nouns) + r"))\b"
)  # "2.5 goals per match", "1.6 births per woman", "8 rebounds a game"


class Entity(Enum):
    """The rules of :data:`ENTITY`, in order: what a figure counts or measures, as written."""

    DRAFTED = "said by the rule that read the figure: 'a 1,200-page report', 'one child in five', 'Maddon, 66,'"
    DATED = "nothing for a date, a time, or an age whose people come before it: 'adults over 65'"
    SPENT_IN = "what money is in: '$1 billion in gains', '$2m in funding'"
    OF_MEASURE = "what a measure is of: '19 square miles of territory', '8 miles (13 km) of new tunnels'"
    MONEY_BETWEEN = "the noun after money that follows a compound: 'a two-year, $40 million contract'"
    MODIFIES = "the noun a unit modifies: 'a two-day truce', '50mph winds', 'a 40 yard line'"
    MEASURE_NAMES_NONE = "nothing: a measure names no noun after it"
    VAGUE_PLURAL = "nothing after a vague plural: 'Thousands marched'"
    VAGUE_OF = "the noun after a vague count or 'one of': 'dozens of people', 'one of its stores'"
    OF = "the noun after 'of': 'two of Johnson's deputies', '35m of its Echo devices'"
    WHOSE = "the noun a share is of: 'keep half the revenue'"
    RATE = "a count per span of time: '60 frames per second', '12 trains an hour'"
    PER_THING = "a count per thing: '2.5 goals per match', '1.6 children per woman', '8 rebounds a game'"
    NOUN_AFTER = "the noun after the number: '1,600 people', '5,000 more beds'"


def entity(w: Around) -> str:
    """What the figure counts or measures, as written in the text; "" when it does not say."""
    return ENTITY.first(w) or ""


def _drafted(w: Around, m: Match | None) -> str | None:
    return w.draft.entity


def _nothing(w: Around, m: Match | None) -> str | None:
    return ""


def _measures(w: Around) -> bool:
    """A measure, money, a share, or a date, time or ordinal: read by the measure rules."""
    return bool(w.draft.unit) or w.draft.kind in ("date", "time", "ordinal")


def _dated(w: Around) -> bool:
    return _measures(w) and (w.draft.kind in ("date", "time") or w.draft.rule[0] is Name.PEOPLE_AGE)


def _money(w: Around) -> bool:
    return _measures(w) and is_money(w.draft)


def _spent_in(w: Around, m: Match | None) -> str | None:
    assert m is not None
    what = noun_phrase(w.text, m.end(), w.limit)
    head = what.split()[-1].lower() if what else ""
    if head and (_plural(head) or head in _MONEY_NOUNS) and what.split()[0].lower() not in _TIME_WORDS:
        return what  # not "$80 in premarket trading"
    return None


def _skip(w: Around) -> int:
    """Where the noun after a measure may start: past a restatement in brackets ("8 miles (13 km) of")."""
    text, after = w.text, w.after
    aside = _ASIDE.match(text, after, w.limit)
    return aside.end() if aside is not None else after + 1 if text[after : after + 1] == ")" else after


def _of_measure(w: Around, m: Match | None) -> str | None:
    if w.text[w.start : w.start + 7].lower() == "within ":
        return None  # "within 40 km of Earth": near it
    of = _OF_X.match(w.text, _skip(w), w.limit)
    return noun_phrase(w.text, of.end(), w.limit) if of is not None else None


def _hyphened(w: Around) -> bool:
    return _measures(w) and _HYPHEN_UNIT.search(w.text, w.start, w.draft.end) is not None


def _money_between(w: Around, m: Match | None) -> str | None:
    money = _MONEY_BETWEEN.match(w.text, _skip(w), w.limit)
    return noun_phrase(w.text, money.end(), w.limit) if money is not None else None


def _modifies(w: Around, m: Match | None) -> str | None:
    text, draft, skip = w.text, w.draft, _skip(w)
    if not draft.unit or text[skip : skip + 1] not in (" ", "-"):
        return None
    if not (
        draft.rule[-1] is Name.YEAR_OLD
        or _HYPHEN_UNIT.search(text, draft.start, draft.end)
        or _modifier(text, draft)
        or _BEFORE_PLURAL.match(text, skip, w.limit)  # "50mph winds", "300 km/h speeds"
        or _glued(text, draft, skip, w.limit)
    ) or _RATE_WORDS.search(text, draft.start, draft.end):  # "20m barrels a day pass through"
        return None
    modified = noun_phrase(text, skip + 1, w.limit)
    first = modified.split()[0].lower() if modified else ""
    if (
        first
        and not _SAID_NEXT.match(text, skip + 1 + len(modified), w.limit)  # "the 4.1% analysts had forecast"
        and first not in _TIME_WORDS
        and first not in _ADVERBS_AFTER
        and not (_OLD.match(modified) or _PARTICIPLE_ED.fullmatch(first))
    ):
        return modified
    return None


def _vague_plural(w: Around) -> bool:
    return w.draft.style == "vague" and w.text[w.draft.end - 1 : w.draft.end].lower() == "s"


def _vague_or_one_of(w: Around) -> bool:
    return w.draft.style == "vague" or w.draft.rule[0] is Name.ONE_OF


def _noun_here(w: Around, m: Match | None) -> str | None:
    return noun_phrase(w.text, w.after, w.limit)


def _noun_then(w: Around, m: Match | None) -> str | None:
    assert m is not None
    noun = noun_phrase(w.text, m.end(), w.limit)
    return "" if noun.lower() in NUMBER_WORDS else noun  # "won five of six": of six games, unnamed


def _fraction(w: Around) -> bool:
    return w.draft.style == "fraction"


def _rate(w: Around, m: Match | None) -> str | None:
    assert m is not None
    return f"{m.group(1)} per {m.group(2)}"


def _per_thing(w: Around, m: Match | None) -> str | None:
    assert m is not None
    return f"{m.group(1)} per {m.group(2) or m.group(3)}" if _plural(m.group(1)) else None


def _noun_after(w: Around, m: Match | None) -> str | None:
    draft = w.draft
    space = _MORE.match(w.text, w.after, w.limit) if draft.value != 1 else None  # not "one more step"
    if space is None:
        space = _SPACE.match(w.text, w.after, w.limit)
    noun = noun_phrase(w.text, space.end(), w.limit, singular=draft.value == 1) if space else ""
    if noun.lower() in _ADVERBS_AFTER:
        return ""  # "have lost five straight", "scored two apiece"
    return _ABBREVIATED.get(noun, noun)  # "2 TDs": touchdowns


_SPACE = regex.compile(r"[ \u00a0]+")


_COMPARATIVES = _LEX.comparatives


_ADVERBS_AFTER = _LEX.adverbs_after


_SCALE_WORDS = _LEX.number_scales  # "€35 million plus add-ons" uses no unit as a modifier


_HYPHEN_UNIT = regex.compile(r"[\d\p{L}]-\p{L}")
_VERBS = _LEX.verbs
_GLUED = regex.compile(r"\d\p{L}{1,3}$")  # "2.4GHz", "65W", "48MP": a symbol written against its number
_BEFORE_NOUN = regex.compile(r" (\p{Ll}{3,})\b(?!\s+(?:of|per)\b)")  # "a 65W charger" (not "5kg of rice")


def _glued(text: str, draft: Draft, skip: int, limit: int) -> bool:
    """A physical unit's symbol written against its number, before a noun that is no verb nor a
    change: "the 2.4GHz toy", "a 65W charger", "the 3nm node" (not "5kg when full", "40C rise")."""
    if not is_physical(draft) or _GLUED.search(text, draft.start, draft.end) is None:
        return False
    noun = _BEFORE_NOUN.match(text, skip, limit)
    return noun is not None and noun.group(1) not in _VERBS and not trend_word(noun.group(1))


_STREET = _LEX.street_words


def is_name(entity: str) -> bool:
    """The words after a number are a name, not a counted thing: "737 MAX", "11 Pro", "49 Zorro Road"."""
    words = entity.split()
    if not words:
        return False
    if words[-1].lower().rstrip(".") in _STREET and words[-1][0].isupper():
        return True
    capitalised = all(w[0].isupper() or w[0].isdigit() for w in words)
    return capitalised and not _plural(words[-1]) and not (words[-1].isupper() and len(words[-1]) > 1)


_RATE_WORDS = regex.compile(r"\s(?:a|an|per(?!\s+cent\b)|each)\s")  # "barrels a day", "frames per second"


def _modifier(text: str, draft: Draft) -> bool:
    """The unit is written as a modifier: a hyphen compound, or singular where the number wants plural."""
    if _HYPHEN_UNIT.search(text, draft.start, draft.end):
        return True
    if draft.value is None or draft.value == 1 or _RATE_WORDS.search(text, draft.start, draft.end):
        return False  # "A million barrels a day flow": a rate's last word is its time, no modifier
    last = text[draft.start : draft.end].split()[-1].lower()
    singular = last in _SCALE_WORDS or last in load_catalogue().singular  # "5 mph", "10 kg" ("singular", units.txt)
    return last.isalpha() and not last.endswith("s") and len(last) > 2 and not singular


_SAID_NEXT = regex.compile(r"\s+(?:had\s+|have\s+|has\s+)?" + alternation(_LEX.forecast_verbs) + r"\b")


ENTITY: Table[Around, str] = Table(
    "entity",
    "entity",
    (
        Rule(Entity.DRAFTED, _drafted, when=lambda w: bool(w.draft.entity)),
        Rule(Entity.DATED, _nothing, when=_dated),
        Rule(Entity.SPENT_IN, _spent_in, _IN_X, "after", ("in",), _money),
        Rule(Entity.OF_MEASURE, _of_measure, needs=("of",), when=_measures),
        Rule(Entity.MONEY_BETWEEN, _money_between, when=_hyphened),
        Rule(Entity.MODIFIES, _modifies, when=_measures),
        Rule(Entity.MEASURE_NAMES_NONE, _nothing, when=_measures),
        Rule(Entity.VAGUE_PLURAL, _nothing, when=_vague_plural),
        Rule(Entity.VAGUE_OF, _noun_here, when=_vague_or_one_of),
        Rule(Entity.OF, _noun_then, _OF_X, "after", ("of",)),
        Rule(Entity.WHOSE, _noun_then, _DETERMINED, "after", when=_fraction),
        Rule(Entity.RATE, _rate, _PER_TIME, "after"),
        Rule(Entity.PER_THING, _per_thing, _PER_THING, "after", ("per", "a ", "an ", "each")),
        Rule(Entity.NOUN_AFTER, _noun_after),
    ),
)
