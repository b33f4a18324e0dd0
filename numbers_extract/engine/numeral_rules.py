"""How a numeral is read: the table NUMERALS, one named rule for each way English writes a number
(digits, words, fractions, vague counts, scientific notation, ordinal words), each the reader of
one group of the scan in ``numerals.py``. :func:`read` runs the rules of a match's group and tells
the trace (explain) which rule read the value.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from enum import Enum
from functools import cache
from types import MappingProxyType

import regex

from .numerals import (
    BIG_SCALE,
    FEW,
    FRACTION_DENOMINATORS,
    FRACTION_WORDS,
    MAX_NUMERAL,
    ORDINAL_WORDS,
    SCALES,
    SMALL,
    VAGUE,
    VULGAR,
    Numeral,
    number,
    tidy,
    words_value,
)
from .rules import Rule, Spot, Table, Trace
from .rx import rx


def _scaled(base: float | int, rest: str) -> tuple[float | int, bool]:
    value: float | int = base
    scaled = False
    for word in rx(r"[a-z]+").findall(rest.lower()):
        value = value * _scale(word)  # "2.5 million", "3 dozen"
        scaled = True
    return tidy(value), scaled


def _scale(word: str) -> int:
    """What a scale word after "a few", "half a" multiplies by: "dozen" too ("several dozen")."""
    return 12 if word in ("dozen", "dozens") else SCALES[word]


@cache
def _vulgar(char: str) -> float:
    return unicodedata.numeric(char)


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")


def _scientific(text: str) -> float | int | None:
    """2.998×10−8, 6.02 x 10^23, 1.5e6; a power written with a caret, 10^6 or 1.1^23."""
    flat = rx(r"\s").sub("", text.translate(_SUPERSCRIPTS))
    m = rx(r"(\d+(?:\.\d+)?)(?:[×x]10\^?(-?\d+)|[eE]([-+]?\d+)|\^([-+]?\d+))").fullmatch(flat)
    assert m is not None
    base, power = float(m.group(1)), m.group(4)
    exponent = int(m.group(2) or m.group(3) or power)
    if power is not None:
        if base == 0 or abs(exponent) * math.log10(max(base, 1 / base)) > 300:
            return None  # beyond a float
        return tidy(base**exponent)
    if abs(exponent) > 300:
        return None  # beyond a float: no figure anyone writes
    return tidy(base * 10.0**exponent)


# The window the numeral rules are given, its detail the scan group that matched. The reading rules
# read the match itself (its text and span), so one blank window serves every numeral; the rules
# that find no number in a match (UNREAD) read the window, made for the few matches they look at.
Matched = Spot[str]


_BLANK = Matched("", 0, 0, 0, "", "", None, "")
_CHECKED = frozenset({"words", "fraction"})  # the groups UNREAD looks at whatever their length


def read(match: regex.Match[str], trace: Trace | None = None) -> Numeral | None:
    """The Numeral a scan match stands for, or None where the match is no number (UNREAD says why):
    the rule of its kind (the scan group that matched) reads it, and ``trace`` (explain) is told which."""
    kind = match.lastgroup or ""
    start, end = match.span()
    if (kind in _CHECKED or end - start > MAX_NUMERAL) and UNREAD.first(
        Spot(match.string, start, end, end, "", "", trace, kind)  # Spot, not Matched: the alias costs a call
    ) is not None:
        return None
    for rule in _BY_KIND.get(kind, ()):
        try:
            made = rule.produce(_BLANK, match)
        except OverflowError:
            made = None  # "9e999", "1e300 trillion": beyond a float
        except ValueError:
            made = None  # a digit newer than this Python's Unicode database
        if trace is not None:
            said = "" if made is None else str(made.value if made.value is not None else (made.low, made.high))
            trace.add(
                NUMERALS.stage, NUMERALS.field, rule.name, (start, end), "declined" if made is None else "fired", said
            )
        if made is not None:
            return made
    return None


# UNREAD: the matches of the scan that are no number


def _too_long(spot: Matched) -> bool:
    return spot.after - spot.start > (MAX_NUMERAL if spot.detail != "words" else 4 * MAX_NUMERAL)


def _scale_alone(spot: Matched) -> bool:
    if spot.detail != "words":
        return False
    words = rx(r"[\s,-]+").split(spot.text[spot.start : spot.after].lower())
    return all(t in SCALES or t in ("and", "dozen") for t in words if t)


def _no_fraction(spot: Matched) -> bool:
    """A slash between numbers that is no fraction: no usual denominator, or a top not below it."""
    text = spot.text[spot.start : spot.after]
    if spot.detail != "fraction":
        return False
    _, top, bottom, _ = _fraction_parts(text)
    try:
        n, d = number(top), number(bottom)
    except ValueError:
        return False  # a digit newer than this Python's Unicode database: the reading rule declines
    return not d or n >= d or d not in FRACTION_DENOMINATORS


def _no_number(spot: Matched, _: regex.Match[str] | None) -> str:
    return "no number"


class Unread(Enum):
    """What the scan found that is no number at all."""

    TOO_LONG = "a run of digits and separators longer than any number: '1,1,1,1,…' past 64 characters"
    SCALE_ALONE = "a scale word alone: 'hundred', 'thousands and thousands'"
    NO_FRACTION = "a slash that makes no fraction: '9/11', '24/7', '50/50' (a name, a ratio)"


UNREAD: Table[Matched, str] = Table(
    "numerals",
    "figure",
    (
        Rule(Unread.TOO_LONG, _no_number, when=_too_long),
        Rule(Unread.SCALE_ALONE, _no_number, when=_scale_alone),
        Rule(Unread.NO_FRACTION, _no_number, when=_no_fraction),
    ),
)


Read = Rule[Matched, Numeral]


def _digits(_spot: Matched, m: regex.Match[str] | None) -> Numeral | None:
    assert m is not None
    (start, end), num = m.span(), m.end("num")
    if num == end:  # no scale word after the digits: most numerals
        return Numeral(start, end, tidy(number(m.group("num"))), "digits")
    half = m.start("half") if m.group("half") else end  # "3 million and a half": half a million more
    if m.group("halfscale"):  # "2 and a half million": the scale after the half takes both
        if num != half:
            return None  # "3 million and a half million": no number
        value, _ = _scaled(number(m.group("num")) + 0.5, m.group("halfscale"))
        return Numeral(start, end, value, "digits", scaled=True)
    value, scaled = _scaled(number(m.group("num")) + (0.5 if half < end else 0), m.string[num:half])
    return Numeral(start, end, value, "digits", scaled=scaled)


_BIG_SCALE = "(?i)" + BIG_SCALE  # built once: rx() hashes what it is given


def _words(_spot: Matched, m: regex.Match[str] | None) -> Numeral | None:
    assert m is not None
    text = m.group()
    worth = words_value(text)
    if worth is None:
        return None
    scaled = bool(rx(_BIG_SCALE).search(text))
    return Numeral(m.start(), m.end(), worth, "words", scaled=scaled)


def _vulgar_fraction(_spot: Matched, m: regex.Match[str] | None) -> Numeral | None:
    assert m is not None
    text, (start, end) = m.group(), m.span()
    vulgar = rx(VULGAR).search(text)
    assert vulgar is not None  # the scan's group holds one
    whole = rx(r"\d+").match(text)
    worth = (number(whole.group()) if whole else 0) + _vulgar(vulgar.group())
    scaled_by = text[vulgar.end() :].strip().lower()
    if scaled_by:  # "3½ million": a number, scaled
        return Numeral(start, end, tidy(worth * SCALES[scaled_by]), "digits", scaled=True)
    return Numeral(start, end, tidy(worth), "fraction" if whole is None else "digits")  # "½", "2½"


def _slash_fraction(_spot: Matched, m: regex.Match[str] | None) -> Numeral | None:
    assert m is not None
    whole, top, bottom, scale = _fraction_parts(m.group())
    n, d = number(top), number(bottom)  # UNREAD has seen it is a fraction
    worth = ((number(whole) if whole else 0) + n / d) * (SCALES[scale] if scale else 1)
    return Numeral(m.start(), m.end(), tidy(worth), "fraction" if not scale else "digits", scaled=bool(scale))


def _fraction_parts(text: str) -> tuple[str, str, str, str]:
    """A written fraction's whole part, top, bottom and scale word: "2 1/2 million", "1-1/2"."""
    m = rx(r"(?:(\d+)[\s-])?(\d+)\s?[/\u2044]\s?(\d+)(?:\s?(\p{L}+))?").fullmatch(text)
    assert m is not None  # the scan's fraction group
    return m.group(1) or "", m.group(2), m.group(3), (m.group(4) or "").lower()


def _word_fraction(_spot: Matched, m: regex.Match[str] | None) -> Numeral | None:
    assert m is not None
    parts = rx(r"[\s-]").split(m.group().lower())
    if parts in (["half"], ["quarter"]):  # "half of the votes", "a quarter-point cut"
        return Numeral(m.start(), m.end(), 0.5 if parts == ["half"] else 0.25, "fraction")
    top = 1 if parts[0] in ("a", "one") else words_value(" ".join(parts[:-1]))  # "seventy-one fifths"
    if top is None:
        return None
    return Numeral(m.start(), m.end(), tidy(top / FRACTION_WORDS[parts[-1]]), "fraction")


def _fraction_scale(_spot: Matched, m: regex.Match[str] | None) -> Numeral | None:
    assert m is not None
    parts = rx(r"[\s-]+").split(m.group().lower())
    top = 1 if parts[0] in ("a", "one", "half") else SMALL[parts[0]]
    share = 0.5 if parts[0] == "half" else top / FRACTION_WORDS[parts[1]]
    return Numeral(m.start(), m.end(), tidy(share * _scale(parts[-1])), "words", scaled=parts[-1] != "dozen")


def _few(_spot: Matched, m: regex.Match[str] | None) -> Numeral | None:
    assert m is not None
    words = m.group().lower().split()
    low, high = FEW[" ".join(words[:-1])]
    scale = _scale(words[-1])  # "several dozen": 36 to 108
    return Numeral(m.start(), m.end(), None, "vague", low=low * scale, high=high * scale)


def _vague(_spot: Matched, m: regex.Match[str] | None) -> Numeral | None:
    assert m is not None
    words = m.group().lower().split()
    if words[0] == "a":  # "a handful of"
        words = [" ".join(words[:2]), *words[2:]]
    low, high = VAGUE[words[0]]
    if len(words) >= 3:  # tens of thousands (of)
        scale = SCALES[words[2].removesuffix("s")]
        low, high = low * scale, high * scale
    return Numeral(m.start(), m.end(), None, "vague", low=low, high=high)


def _sci(_spot: Matched, m: regex.Match[str] | None) -> Numeral | None:
    assert m is not None
    worth = _scientific(m.group())
    return Numeral(m.start(), m.end(), worth, "digits", scaled=True) if worth is not None else None


def _ordinal_word(_spot: Matched, m: regex.Match[str] | None) -> Numeral | None:
    assert m is not None
    return Numeral(m.start(), m.end(), ORDINAL_WORDS[m.group().lower()], "ordinal")


class NumeralRule(Enum):
    """How a numeral is read: one rule for each way of writing a number (a group of the scan)."""

    DIGITS = (
        "digits, with separators and scale words: '1,600', '12,34,567', '2.5 million', '$23-million', '3bn', "
        "'3 million and a half', '2 and a half million'"
    )
    WORDS = (
        "number words: 'twenty-eight thousand', 'a dozen', 'three and one fourth' ('and' joins words after a "
        "scale word only: 'ten and fifteen' are two); a scale word alone ('thousands') is none"
    )
    VULGAR = "a vulgar fraction, after digits or before a scale: '½', '2½', '3½ million'"
    SLASH = (
        "a fraction with a slash and a usual denominator: '3/4', '2 1/2', '1-1/2', '4 1/2 million'; '9/11', "
        "'24/7' are none"
    )
    WORD_FRACTION = "a fraction in words: 'two-thirds', 'a hundredth', 'seven twentieths', 'half of', 'a quarter-point'"
    FRACTION_SCALE = (
        "a share of a scale word: 'half a million', 'a quarter of a billion', 'a quarter million', 'half-dozen'"
    )
    FEW = "a few of a scale word, a vague count: 'a few hundred', 'several thousand'"
    VAGUE = "a vague count: 'dozens of', 'tens of thousands of', 'a handful of'"
    SCIENTIFIC = "scientific notation: '6.02 x 10^23', '1.5e6'"
    ORDINAL_WORD = "an ordinal word: 'third', 'twentieth'"


NUMERALS: Table[Matched, Numeral] = Table(
    "numerals",
    "value",
    (
        Rule(NumeralRule.DIGITS, _digits),
        Rule(NumeralRule.WORDS, _words),
        Rule(NumeralRule.VULGAR, _vulgar_fraction),
        Rule(NumeralRule.SLASH, _slash_fraction),
        Rule(NumeralRule.WORD_FRACTION, _word_fraction),
        Rule(NumeralRule.FRACTION_SCALE, _fraction_scale),
        Rule(NumeralRule.FEW, _few),
        Rule(NumeralRule.VAGUE, _vague),
        Rule(NumeralRule.SCIENTIFIC, _sci),
        Rule(NumeralRule.ORDINAL_WORD, _ordinal_word),
    ),
)

# the scan group each rule reads
_GROUP: Mapping[Enum, str] = {
    NumeralRule.DIGITS: "digits",
    NumeralRule.WORDS: "words",
    NumeralRule.VULGAR: "vulgar",
    NumeralRule.SLASH: "fraction",
    NumeralRule.WORD_FRACTION: "wordfraction",
    NumeralRule.FRACTION_SCALE: "fracscale",
    NumeralRule.FEW: "few",
    NumeralRule.VAGUE: "vague",
    NumeralRule.SCIENTIFIC: "sci",
    NumeralRule.ORDINAL_WORD: "ordword",
}
_BY_KIND: Mapping[str, tuple[Read, ...]] = MappingProxyType(
    {group: tuple(r for r in NUMERALS.rules if _GROUP[r.name] == group) for group in dict.fromkeys(_GROUP.values())}
)
