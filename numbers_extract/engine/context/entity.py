"""Entity: what a figure counts or measures, as written ("1,600 people", "19 square miles of
territory", "a 48-hour ceasefire").
"""

from __future__ import annotations

import regex

from ..figures.draft import Draft
from ..lexicon import alternation, lexicon
from ..numerals import BIG_SCALES, SMALL, SUFFIX_SCALES
from ..rx import rx
from ..units import load_catalogue
from .phrases import _OLD, _PARTICIPLE_ED, _plural, noun_phrase

_LEX = lexicon()
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


def entity(text: str, draft: Draft, floor: int, limit: int) -> str:
    """What the figure counts or measures, as written in the text; "" when it does not say."""
    after = draft.after if draft.after >= 0 else draft.end
    if draft.entity:
        return draft.entity
    if draft.unit or draft.kind in ("date", "time", "ordinal"):
        if draft.kind in ("date", "time") or draft.rule.startswith("<people>"):
            return ""  # "adults over 65 falls": whose age it is is said before it
        spent = _IN_X.match(text, after, limit) if _money(draft) else None
        if spent is not None:  # "$1 billion in gains", "$5bn in sales", "$2m in funding"
            what = noun_phrase(text, spent.end(), limit)
            head = what.split()[-1].lower() if what else ""
            if head and (_plural(head) or head in _MONEY_NOUNS) and what.split()[0].lower() not in _TIME_WORDS:
                return what  # not "$80 in premarket trading"
        aside = _ASIDE.match(text, after, limit)  # "8 miles (13 km) of new tunnels", and "13 km) of"
        skip = aside.end() if aside is not None else after + 1 if text[after : after + 1] == ")" else after
        near = text[draft.start : draft.start + 7].lower() == "within "  # "within 40 km of Earth": near it
        of = None if near else _OF_X.match(text, skip, limit)
        if of is not None:
            return noun_phrase(text, of.end(), limit)
        if _HYPHEN_UNIT.search(text, draft.start, draft.end):
            money = _MONEY_BETWEEN.match(text, skip, limit)  # "a two-year, $40 million contract"
            if money is not None:
                return noun_phrase(text, money.end(), limit)
        # a hyphen compound or a unit used as a modifier: "a two-day truce", "a 40 yard line"
        if (
            draft.unit
            and text[skip : skip + 1] in (" ", "-")
            and (
                draft.rule.endswith("old")
                or _HYPHEN_UNIT.search(text, draft.start, draft.end)
                or _modifier(text, draft)
                or _BEFORE_PLURAL.match(text, skip, limit)  # "50mph winds", "300 km/h speeds"
            )
            and not _RATE_WORDS.search(text, draft.start, draft.end)  # "20m barrels a day pass through"
        ):
            modified = noun_phrase(text, skip + 1, limit)
            first = modified.split()[0].lower() if modified else ""
            if (
                first
                and not _SAID_NEXT.match(text, skip + 1 + len(modified), limit)  # "the 4.1% analysts had forecast"
                and first not in _TIME_WORDS
                and first not in _ADVERBS_AFTER
                and not (_OLD.match(modified) or _PARTICIPLE_ED.fullmatch(first))
            ):
                return modified
        return ""
    if draft.style == "vague" and text[draft.end - 1 : draft.end].lower() == "s":
        return ""  # "Thousands marched", "tens of thousands fled": what they are is said elsewhere
    if draft.style == "vague" or draft.rule.startswith("one of"):
        return noun_phrase(text, after, limit)
    of = _OF_X.match(text, after, limit)
    if of is not None:  # "two of Johnson's deputies", "35m of its Echo devices"
        return noun_phrase(text, of.end(), limit)
    whose = _DETERMINED.match(text, after, limit) if draft.style == "fraction" else None
    if whose is not None:  # "keep half the revenue", "a third its size"
        return noun_phrase(text, whose.end(), limit)
    rate = _PER_TIME.match(text, after, limit)
    if rate is not None:  # "60 frames per second", "12 trains an hour"
        return f"{rate.group(1)} per {rate.group(2)}"
    m = _MORE.match(text, after, limit) if draft.value != 1 else None  # "5,000 more beds" (not "one more step")
    if m is None:
        m = rx(r"[ \u00a0]+").match(text, after, limit)
    return noun_phrase(text, m.end(), limit, singular=draft.value == 1) if m else ""


_COMPARATIVES = _LEX.comparatives


_ADVERBS_AFTER = _LEX.adverbs_after


_SCALE_WORDS = _LEX.number_scales  # "€35 million plus add-ons" uses no unit as a modifier


_HYPHEN_UNIT = regex.compile(r"[\d\p{L}]-\p{L}")


def _money(draft: Draft) -> bool:
    """An amount of money: "$5m", "45 million dollars", "€3 a litre"."""
    return draft.rule.startswith("<currency>") or (
        bool(draft.unit) and load_catalogue().unit(draft.unit).dimension.startswith("currency")
    )


def _physical(unit: str) -> bool:
    """A unit of a physical quantity: not money, a share, a count or a span of time."""
    dimension = load_catalogue().unit(unit).dimension
    return dimension not in ("time", "dimensionless", "") and not dimension.startswith("currency")


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
