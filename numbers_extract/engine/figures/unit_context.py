"""Whether a surface the catalogue has, read after a number, is a unit there: the context rules of the
ambiguous surfaces (:class:`Context`), and the checks every surface passes ("221B Baker Street" is a
house number, "12 F-35 fighters" a model, "three stone lions" no weight).
"""

from __future__ import annotations

from enum import Enum

import regex

from ..lexicon import alternation, lexicon
from ..units import Catalogue

_LEX = lexicon()
ANGLE_WORDS = _LEX.angle_words
TEMPERATURE_WORDS = _LEX.temperature_words
_LOWER_CASE_ONLY = _LEX.currency_words_lower_case
_NAMED_CODES = _LEX.currency_codes_named
_MONEY_WORDS = _LEX.money_words


class Context(Enum):
    """The context rules of surfaces that are a unit only in some contexts. data/units.txt lists each
    ambiguous surface under its rule: "block" is ATTACHED, "never" NEVER, "context RULE" INCH and
    CODE, "money NAME" MONEY (and so are the codes of lexicon currency_codes_named).
    tests/engine/test_catalogue.py checks each rule on every surface it holds, both ways."""

    ATTACHED = "a unit only written against the number: '5m', '10s', '3t'; after a space it is a word"
    NEVER = "never a unit, not even against the number: '5 pm' is a time, '3 a' no year"
    INCH = (
        "'in' after a space is an inch before a word of size or a second side, or after feet at a clause's end:"
        " '12 in long', '8 in x 10 in', 'he stands 6 ft 1 in.'"
    )
    CODE = (
        "a temperature's letter against a whole number, before a noun or a hyphen, names a code or a model"
        " or after a capitalised word, where the sentence speaks of no heat: '13F filing', '777F freighters',"
        " '40 F-Series', 'Room 12C'"
    )
    MONEY = "a currency's name that is also a word is a currency only after a word of money: 'it cost 5,000 won'"


_WORD = regex.compile(r"[\p{L}-]+")
_BEFORE_NOUN = regex.compile(r"\s+\p{Ll}{3,}s\b")
_CAPITAL_NEXT = regex.compile(r"\s+\p{Lu}\p{Ll}")
_MODEL_NUMBER = regex.compile(r"[-‐]\d")
# a word of size ("12 in long", "3 in thick on the lake"; not "4 in long-term care"), or a second side
# ("8 in x 10 in", "8 in by 10 in")
_SIZE_NEXT = regex.compile(
    r"\s+(?P<size>" + alternation(_LEX.size_words) + r")(?![\p{L}\p{N}-])"
    r"|\s*[x×]\s*\d|\s+by\s+\d[\d.]*\s*(?:in|inches)\b",
    regex.IGNORECASE,
)
_FEET_BEFORE = regex.compile(r"(?i)(?:\bft|\bfeet|\bfoot|['′])\.?,?\s*(?:and\s+)?\d+(?:\.\d+)?$")  # "6 ft 1" in
_CLAUSE_ENDS = regex.compile(r"\.?\s*(?:[.,;:!?)]|$)")
_CODE_HYPHEN = regex.compile(r"[-‐](?!(?:plus|odd)\b)[\p{L}\d]")  # not a cue: "100F-plus heat"
_NEXT_WORD = regex.compile(r"\s+(\p{Ll}[\p{Ll}-]*)")
_NOT_A_NOUN = _LEX.stop_words | _LEX.relative_days | _LEX.size_words
_DECIMAL_BEFORE = regex.compile(r"\d\.\d+$")
_NAME_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}\p{L}*\s+\d+$")


def money_before(text: str, at: int, floor: int) -> bool:
    """A word of money in the few words before ``at`` ("paid", "cost", "price")."""
    return not _MONEY_WORDS.isdisjoint(w.lower() for w in _WORD.findall(text, max(floor, at - 40), at))


def temperature(text: str, floor: int, limit: int) -> bool:
    """The sentence speaks of heat or weather, and not of turning or angles."""
    said = {w.lower() for w in _WORD.findall(text, floor, limit)}
    return not said.isdisjoint(TEMPERATURE_WORDS) and said.isdisjoint(ANGLE_WORDS)


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, looking back at most 300 characters."""
    lo = max(0, pos - 300)
    ends = [at + len(stop) for stop in (". ", "! ", "? ", "\n") if (at := text.rfind(stop, lo, pos)) >= 0]
    return max(ends, default=lo)


def _holds(rule: Context, text: str, pos: int, end: int, limit: int, attached: bool, hyphen: bool) -> bool:
    """Whether ``rule`` makes the surface ending at ``end``, after a number ending at ``pos``, a unit."""
    if rule is Context.INCH:
        size = _SIZE_NEXT.match(text, end, limit)
        if attached or (size is not None and size.group("size") is None):
            return True
        if _FEET_BEFORE.search(text, max(0, pos - 24), pos) and _CLAUSE_ENDS.match(text, end, limit):
            return True  # "he stands 6 ft 1 in.": the inches after the feet
        after = _NEXT_WORD.match(text, size.end(), limit) if size is not None else None
        return size is not None and (after is None or after.group(1) in _NOT_A_NOUN)  # not "12 in high school"
    if rule is Context.CODE:
        if _CODE_HYPHEN.match(text, end, limit):
            return False  # "40 F-Series trucks", "the 12 F-35s", "5C-130"
        if not attached or hyphen or _DECIMAL_BEFORE.search(text, max(0, pos - 24), pos):
            return True  # "98.6F" is no model, nor "40-C" a code
        word = _NEXT_WORD.match(text, end, limit)
        named = _NAME_BEFORE.search(text, max(0, pos - 40), pos)  # "Form 13F", "Room 12C", "Gate 22F"
        if (word is None or word.group(1) in _NOT_A_NOUN) and named is None:
            return True  # "it was 95F today", "95F in Phoenix"
        return temperature(text, _sentence_start(text, pos), limit)  # "a 95F heatwave"; "13F filing"
    return True


def in_context(
    candidate: str,
    name: str,
    text: str,
    pos: int,
    end: int,
    limit: int,
    attached: bool,
    hyphen: bool,
    catalogue: Catalogue,
) -> str | None:
    """The unit ``candidate``, which the catalogue reads as ``name``, is where it is written (after a
    number ending at ``pos``, up to ``end``; against the number or a hyphen after it, or not), or None."""
    if hyphen and name == "inch" and text.startswith("-", end):
        return None  # "a 1-in-100-year flood": odds, not inches
    if attached and len(candidate) == 1 and candidate.isupper() and _CAPITAL_NEXT.match(text, end, limit):
        return None  # "221B Baker Street", "10A Downing Lane": a house number, not bytes or amps
    if not attached and len(candidate) <= 2 and candidate[0].isupper() and _MODEL_NUMBER.match(text, end, limit):
        return None  # "12 F-35 fighters", "two B-52s": a model's name, not Fahrenheit or bytes
    rule = catalogue.context.get(candidate)
    if rule is not None and not _holds(Context[rule.upper()], text, pos, end, limit, attached, hyphen):
        return None
    if candidate in catalogue.money:
        if money_before(text, pos, 0) and not _BEFORE_NOUN.match(text, end, limit):
            return catalogue.money[candidate]  # "it cost 5,000 won", "paid 50 kn"
        if catalogue.unit(name).dimension == "currency":
            return None  # "the team has 3 won"
    if candidate.lower() in _LOWER_CASE_ONLY and not candidate.islower():
        return None  # "40 Rand Merchant": a name; "50 rand" is money
    if candidate.lower() in _NAMED_CODES and (not money_before(text, pos, 0) or _BEFORE_NOUN.match(text, end, limit)):
        return None  # "25 AMD shares", "Ryzen 5 AMD": the chip maker's
    if name in catalogue.common_words and (not candidate.islower() or _BEFORE_NOUN.match(text, end, limit)):
        return None  # "three stone lions": what they are made of; "in 2016 Stone said": a name
    return name
