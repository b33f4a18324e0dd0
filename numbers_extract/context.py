"""Context: what a figure counts (entity), which way it moved (trend), who gave it (source),
and its kind — read from the words around it.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .catalogue import Catalogue
from .cues import STOP_WORDS, TREND_DOWN, TREND_NOUN_DOWN, TREND_NOUN_UP, TREND_UP, words
from .figures import Draft

_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]")
_IRREGULAR_PLURALS = words(
    """
    people men women children staff police personnel cattle crew feet teeth mice geese data
    media troops fish sheep deer aircraft
    """
)
_MONTHS = words(
    """
    january february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday
    """
)
_OF_X = regex.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|your\s+|a\s+|an\s+|all\s+|this\s+|that\s+"
    r"|these\s+|those\s+|[\p{Lu}][\p{L}]+['’]s\s+)?"
)
_LEFT_TOKENS = regex.compile(r"[\p{L}]+(?:['’][\p{L}]+)?|[\d.,%$€£]+|[,;:()—–]")


def _plural(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR_PLURALS or regex.fullmatch(r"\d+s", w) or regex.fullmatch(r"\p{Lu}{2,}s", word):
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def noun_phrase(text: str, pos: int, limit: int, max_words: int = 5, singular: bool = False) -> str:
    """The noun phrase starting at ``pos``: words up to a stop word, punctuation or a plural head."""
    words: list[str] = []
    j = pos
    while j < limit and len(words) < max_words:
        m = _TOKEN.match(text, j)
        if m is None:
            if j < limit and text[j] in " \u00a0" and words is not None:
                j += 1
                if j < limit and text[j] in " \u00a0":
                    break
                continue
            break
        word = m.group()
        low = word.lower()
        if words and word[0].isdigit() and words[-1][0].isupper() and not regex.fullmatch(r"[\d.,]+", word):
            pass  # "Model 3s", "Model 3 sedans": a digit inside a name
        elif words and regex.fullmatch(r"\d+", word) and words[-1][0].isupper():
            pass
        elif (
            (low in STOP_WORDS and not (word.isupper() and len(word) > 1))
            or low in _MONTHS
            or word[0].isdigit()
            or (low.endswith("ly") and len(low) > 4 and "-" not in low)
        ):
            break
        if regex.fullmatch(r"[\p{L}]+(?:ed|ing)", low) and words and low not in ("building", "offering"):
            break
        if singular and words and _plural(word):
            break  # "one proposal asks": after one, a plural-looking word is a verb
        words.append(
            word.rstrip(".").rstrip("’'").removesuffix("’s").removesuffix("'s")
            if low.endswith(("'s", "’s")) and words
            else word.rstrip(".")
        )
        j = m.end()
        if _plural(word) or (low.endswith(("'s", "’s")) and len(words) > 1):
            break
        if j < limit and text[j] not in " \u00a0":
            break
    return " ".join(words).strip()


def entity(text: str, draft: Draft, limit: int) -> str:
    """What the figure counts or measures, as written in the text; "" when it does not say."""
    after = draft.after if draft.after >= 0 else draft.end
    if draft.unit or draft.kind in ("date", "time", "ordinal"):
        if draft.kind in ("date", "time"):
            return ""
        of = _OF_X.match(text, after, limit)
        if of is not None:
            return noun_phrase(text, of.end(), limit)
        # a hyphen compound or a unit used as a modifier: "a two-day truce", "a 40 yard line"
        if (
            draft.unit
            and text[after : after + 1] in (" ", "-")
            and (draft.rule.endswith("old") or _modifier(text, draft))
        ):
            return noun_phrase(text, after + 1, limit)
        return ""
    if draft.style == "vague" or draft.rule.startswith("one of"):
        return noun_phrase(text, after, limit)
    of = _OF_X.match(text, after, limit)
    if of is not None:  # "two of Johnson's deputies", "35m of its Echo devices"
        return noun_phrase(text, of.end(), limit)
    m = regex.match(r"[ \u00a0]+", text[after:limit])
    if m is None:
        return ""
    return noun_phrase(text, after + m.end(), limit, singular=draft.value == 1)


_STREET = words(
    """
    street st road rd avenue ave way lane ln drive dr boulevard blvd place pl court ct square sq
    terrace highway hwy parkway pkwy crescent close row
    """
)


def is_name(entity: str) -> bool:
    """The words after a number are a name, not a counted thing: "737 MAX", "11 Pro", "49 Zorro Road"."""
    words = entity.split()
    if not words:
        return False
    if words[-1].lower().rstrip(".") in _STREET and words[-1][0].isupper():
        return True
    capitalised = all(w[0].isupper() or w[0].isdigit() for w in words)
    return capitalised and not _plural(words[-1]) and not (words[-1].isupper() and len(words[-1]) > 1)


def _modifier(text: str, draft: Draft) -> bool:
    """The unit is written as a modifier: a hyphen compound, or singular where the number wants plural."""
    if "-" in text[draft.start : draft.end]:
        return True
    if draft.value is None or draft.value == 1:
        return False
    last = text[draft.start : draft.end].split()[-1].lower()
    return last.isalpha() and not last.endswith("s") and len(last) > 2 and last not in ("per", "feet")


def trend(text: str, draft: Draft, floor: int, limit: int, previous: list[Draft]) -> str:
    """up or down where the figure is a change ("rose 5%", "down 3%", "a 5% rise"), else ""."""
    if draft.kind in ("date", "time", "ordinal") or draft.qualifier == "range":
        return ""
    if draft.unit == "percentage" and draft.value is not None and text[draft.start] in "-−+":
        return "down" if text[draft.start] in "-−" else "up"
    left = text[max(floor, draft.start - 60) : draft.start]
    tokens = [t.group() for t in _LEFT_TOKENS.finditer(left)]
    # walk back over at most a few words: "rose by about", "was up", "fell to"
    steps = 0
    for token in reversed(tokens):
        low = token.lower()
        if low in TREND_UP:
            return "up"
        if low in TREND_DOWN:
            return "down"
        if low in (
            "by",
            "to",
            "a",
            "an",
            "was",
            "were",
            "is",
            "are",
            "been",
            "has",
            "had",
            "have",
            "just",
            "some",
            "another",
            "further",
            "sharply",
            "slightly",
            "nearly",
            "almost",
            "about",
            "around",
            "more",
            "than",
            "over",
            "at",
            "least",
            "up",
            "down",
            "roughly",
            "marginally",
            "only",
            "or",
            ",",
            "points",
            "per",
            "cent",
            "percent",
            "%",
            "the",
            "their",
            "its",
        ) or regex.fullmatch(r"[\d.,%$€£]+", low):
            steps += 1
            if low == "to" and _figure_between(previous, draft, text, left):
                return ""
            if steps > 7:
                return ""
            continue
        break
    # "a 5% rise", "a sharp 3 percent drop"
    right = regex.match(r"\s+([\p{L}]+)", text[draft.end : limit])
    if right is not None:
        word = right.group(1).lower()
        if word in TREND_NOUN_UP:
            return "up"
        if word in TREND_NOUN_DOWN:
            return "down"
    return ""


def _figure_between(previous: list[Draft], draft: Draft, text: str, left: str) -> bool:
    """Another figure stands between the trend word and this one, joined by "to" (a new level)."""
    window_start = draft.start - len(left)
    return any(window_start <= p.start < draft.start and not p.kind for p in previous)


def kind(draft: Draft, entity: str, catalogue: Catalogue) -> str:
    if draft.kind:
        return draft.kind
    if draft.unit:
        dimension = catalogue.unit(draft.unit).dimension
        if dimension == "currency" or dimension.startswith("currency per"):
            return "money"
        if draft.unit in ("percentage", "percentage point", "basis point", "per mille"):
            return "percent"
        if dimension == "time":
            return "duration"
        if dimension == "dimensionless" and draft.unit not in ("point",):
            return "count"  # "3,200 times", "78,000 times a minute": quantulum3 counts these
        return "measure"
    if draft.style == "fraction":
        return "number"  # "a third of the votes": a share with no unit
    if draft.style == "vague" or entity:
        return "count"
    return "number"


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    start: int
    end: int


_SAID = regex.compile(
    r"(?P<before>(?:[\p{Lu}][\p{L}.'’-]*\s+){0,6}?[\p{Lu}][\p{L}.'’-]*|[Tt]he\s+(?:[\p{L}'’-]+\s+){0,5}?[\p{L}'’-]+|[Hh]e|[Ss]he|[Ii]t|[Tt]hey)"
    r",?\s+(?:(?:also|earlier|later|previously|then)\s+)?(?P<verb>said|says|told|reported|claimed|estimated|announced|noted|added|stated|confirmed|wrote|argued|predicts|predicted|warned|estimates)\b"
    r"|according\s+to\s+(?P<after>(?:the\s+)?(?:[\p{Lu}][\p{L}.'’&-]*\s*){1,8})"
    r"|(?P<verb2>said|says|told|reported)\s+(?P<after2>(?:[\p{Lu}][\p{L}.'’-]*\s*){1,5})"
)


def source(sentence: str) -> str:
    """Who the sentence says gave its figures ("Manning", "A war monitoring group"), or ""."""
    best = ""
    for m in _SAID.finditer(sentence):
        name = m.group("before") or m.group("after") or m.group("after2") or ""
        name = name.strip().rstrip(",")
        if name.lower() in _MONTHS or name.lower() in ("today", "yesterday", "tomorrow", "tonight"):
            continue
            best = best if best else name
            break
    return best
