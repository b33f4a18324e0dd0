"""Numerals: every way English prose writes a number, read into a value.

One combined pattern finds candidates (digits with separators and scale words, number words,
fractions, vague counts, ordinals); ``numeral_rules.read`` turns a match into a :class:`Numeral`, the
parse-time scratch record that the figure rules build on. Nothing here knows about units.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

import regex

from .lexicon import alternation, lexicon
from .rx import at_words, rx

_LEX = lexicon()
SMALL = _LEX.number_words  # "seven": 7
TENS = _LEX.number_tens  # "forty": 40
SCALES: Mapping[str, int] = MappingProxyType({**_LEX.number_scales, **_LEX.number_scales_indian})  # "lakh", too
# scale abbreviations written after digits: "$3bn", "40k", "1.2m", "2.8bn km", "5 mln"
SUFFIX_SCALES = _LEX.scale_suffixes
ORDINAL_WORDS = _LEX.ordinal_words
FRACTION_WORDS = _LEX.fraction_words  # "thirds": 3
# the denominators fractions are written with; "9/11" is a date, "24/7" a phrase
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 50, 64, 100, 128, 1000})
# vague counts: value None, the interval they commit to
VAGUE = _LEX.vague_counts

# "a few", "several", "a couple of" before a scale word: how many of it, at least and at most
FEW = _LEX.few_counts

MAX_NUMERAL = 64  # characters: "1,000,000,000,000,000,000.25 trillion" fits; a 50 MB run of digits does not
_DIGIT_WORDS = alternation(w for w, v in SMALL.items() if 1 <= v <= 9)  # "forty-seven", "three point five"
BIG_SCALES = tuple(w for w, v in _LEX.number_scales.items() if v >= 1000)  # what "tens of", "3½" scale
BIG_SCALE = alternation(BIG_SCALES)
_SCALE_OR_DOZEN = alternation([*_LEX.number_scales, "dozen"])  # "a million", "several dozen"
_WORD = (
    "(?:"
    + alternation(TENS)
    + r"(?:[-\s]"
    + _DIGIT_WORDS
    + r"\b)?|"
    + alternation([*SMALL, *_LEX.number_scales, "dozen"])
    + ")"
)
# the count of a share in the plural past nine: "seven twentieths", "seventy-one fifths" (not "twenty
# fifth", an ordinal)
_MANY_TOP = (
    "(?:"
    + alternation(TENS)
    + r"(?:[\s-]"
    + _DIGIT_WORDS
    + r")?|"
    + alternation(w for w, v in SMALL.items() if 2 <= v <= 19)
    + ")"
)
# the count of a share after "and": "and one fourth", "and fifty-four hundredths"
_SHARE_TOP = "(?:" + alternation(TENS) + r"(?:[-\s]" + _DIGIT_WORDS + r")?|" + _DIGIT_WORDS + ")"
_DIGITS = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d])(?:\.\d+)?"  # 12,34,567 · 1,00,000 (Indian grouping: lakh, crore)
    r"|\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?"  # 1,600 · 27,349.19
    r"|\d{1,3}(?:\.\d{3}){2,}(?![\d.])(?:,\d+)?"  # 1.600.000 (European grouping, unambiguous)
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?![\d,.]\d)(?!\d|s\b|\s\p{Lu})"  # 1 600, 1 234.5 (not 400 737)
    r"|\d+,\d{1,2}(?=\s?(?:%|€|million|billion|mln|bn|Mio|Mrd)\b|\s?%)"  # 1,5 % (European decimal)
    r"|(?<![\d,.])\d{1,3},\d{1,2}(?=\s\p{L})(?!\s(?i:and|or|to|through)\b)"  # 1,5 cups (decimal comma)
    r"|\d*\.\d+|\d+)"
)
VULGAR = r"[\u00bc-\u00be\u2150-\u215e]"

# Two scans, merged: one for numerals that start with a digit (exact case, fast) and one for
# numerals written in words (ignoring case). One alternation of both runs several times slower.
DIGIT_PATTERN = regex.compile(
    r"""
    (?P<fraction>(?<![\d/.,])(?:\d{1,3}[\s-])?\d{1,3}\s?[/\u2044]\s?\d{1,4}(?![\d/])(?:\s?(?i:"""
    + BIG_SCALE
    + r""")\b)?)
  | (?P<vulgar>(?:\d+\s?)?"""
    + VULGAR
    + r"""(?:\s?(?i:"""
    + BIG_SCALE
    + r""")\b)?)
  | (?P<sci>(?<![\d.,^])\d+(?:\.\d+)?
        (?:\s?[×x]\s?10\s?\^?\s?(?:[-−]|⁻)?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+|[eE][-−+]?\d+|\^[-−+]?\d+)(?!\d|[.,]\d))
  | (?P<digits>(?P<num>"""
    + _DIGITS
    + r""")
        (?:\s(?i:dozens)\b|(?:[\s-]?(?i:"""
    + alternation([*SCALES, "dozen"])
    + r""")\b)*)(?P<half>\s+and\s+a\s+half\b(?P<halfscale>\s+(?i:"""
    + alternation([*SCALES, "dozen"])
    + r""")\b)?)?)
    """,
    regex.VERBOSE | regex.VERSION0,
)
_WORD_PATTERN = (
    r"""
    (?P<few>\b"""
    + alternation(FEW)
    + r"""\s+"""
    + _SCALE_OR_DOZEN
    + r"""\b)
  | (?P<vague>\b(?:(?:tens|hundreds)\s+of\s+"""
    + alternation(w + "s" for w in BIG_SCALES)
    + r"""(?:\s+of\b)?
        |"""
    + alternation(VAGUE)
    + r"""\s+of\b(?!\s+\d)
        |"""
    + alternation(VAGUE)
    + r"""(?=\s+more\b)
        |"""
    + alternation(_LEX.vague_counts_alone)
    + r"""(?=\s+"""
    + alternation(_LEX.vague_count_verbs)
    + r"""\b
            |\s+\p{Ll}{2,}ed\b|\s*[.,;:!?)]|\s*$)))
  | (?P<fracscale>\b(?:half|(?:a|one|two|three)[\s-]"""
    + alternation(FRACTION_WORDS)
    + r""")\s+(?:of\s+)?an?\s+"""
    + _SCALE_OR_DOZEN
    + r"""\b
        |\b(?:a\s+)?half-dozen\b
        |\b(?:a\s+)?(?:half|quarter)\s+"""
    + BIG_SCALE
    + r"""\b)
  | (?P<wordfraction>\b(?:a|"""
    + _DIGIT_WORDS
    + r""")[\s-]"""
    + alternation(FRACTION_WORDS)
    + r"""\b(?!-)
        |\b"""
    + _MANY_TOP
    + r"""[\s-]"""
    + alternation(w for w in FRACTION_WORDS if w.endswith("s"))
    + r"""\b(?!-)
        |\bhalf(?=\s+(?:of|the|a|an|its|their|his|her|our|all|these|those)\b)
        |\b(?:half|quarter)(?=-(?:percentage-)?point\b))
  | (?P<words>\b(?:(?:a|an)\s+(?="""
    + _SCALE_OR_DOZEN
    + r"""\b))?"""
    + _WORD
    + r"""(?:(?:(?<="""
    + _SCALE_OR_DOZEN
    + r""")\s+and\s+|[\s-]+|\s*,\s*(?="""
    + _WORD
    + r"""\s+(?:hundred|thousand)))(?:(?<!"""
    + _SCALE_OR_DOZEN
    + r"""[\s-]+)dozens|"""
    + _WORD
    + r"""))*\b(?:\s+point(?:\s+"""
    + alternation(w for w, v in SMALL.items() if v < 10)
    + r"""\b)+|\s+and\s+(?:a|an|"""
    + _SHARE_TOP
    + r""")[\s-]"""
    + alternation(FRACTION_WORDS)
    + r"""\b(?!-)(?:\s+"""
    + _SCALE_OR_DOZEN
    + r"""\b)?)?
        |\ba\s+dozen\b)
  | (?P<ordword>\b"""
    + alternation(ORDINAL_WORDS)
    + r"""\b)
    """
)


@cache
def word_pattern() -> regex.Pattern[str]:
    """Numerals written in words; compiled when a text first has a number word (it takes a while)."""
    return regex.compile(_WORD_PATTERN, regex.VERBOSE | regex.IGNORECASE | regex.VERSION0)


# quick tests: most sentences have no number word, many no digit either
ANY_DIGIT = regex.compile(r"[\d\u00bc-\u00be\u2150-\u215e]")  # a digit or a vulgar fraction ("½")
_NUMBER_WORDS = frozenset(
    {
        *SMALL,
        *TENS,
        *_LEX.number_scales,
        *(w + "s" for w in _LEX.number_scales),
        "dozen",
        "dozens",
        *(count.split()[-1] for count in VAGUE),  # "a handful": handful
        *FRACTION_WORDS,
        *ORDINAL_WORDS,
    }
)
_LETTER_RUN = regex.compile(r"[a-z]+")


def _any_number_word(text: str, start: int, end: int) -> bool:
    """A word any numeral in words starts with or holds, in ``text[start:end]`` (a set lookup a word:
    twice as fast as one alternation of them all)."""
    return not _NUMBER_WORDS.isdisjoint(_LETTER_RUN.findall(text[start:end].lower()))


def scan(text: str, start: int, end: int, timeout: float | None = None) -> list[regex.Match[str]]:
    """The numeral candidates in ``text[start:end]``, in order, none overlapping (the earlier,
    then the longer, wins: "4 hundred million" is one numeral, not "4" and "hundred million")."""
    found = [*DIGIT_PATTERN.finditer(text, start, end, timeout=timeout)] if ANY_DIGIT.search(text, start, end) else []
    if _any_number_word(text, start, end):
        found += _in_words(text, start, end, timeout)
    found.sort(key=lambda m: (m.start(), -m.end()))
    out: list[regex.Match[str]] = []
    at = start
    for m in found:
        if m.start() >= at:
            out.append(m)
            at = m.end()
    return out


# the words a numeral in words can open with: a number word, "a"/"an" ("a dozen", "a few hundred"),
# and the first word of a vague or few count ("several", "a handful")
_OPENING_WORDS = _NUMBER_WORDS | {"a", "an"} | {count.split()[0] for count in (*FEW, *VAGUE)}


def _in_words(text: str, start: int, end: int, timeout: float | None) -> list[regex.Match[str]]:
    """The numerals in words in ``text[start:end]``: the word pattern tried where a word that can open
    one starts (:func:`~.rx.at_words`), three times faster on news than scanning every character."""
    return at_words(word_pattern(), _OPENING_WORDS, text, start, end, fold=True, timeout=timeout)


class Numeral(NamedTuple):  # immutable, and made four times faster than a frozen dataclass
    """A number as written: where it stands, what it is worth, how it was written."""

    start: int
    end: int
    value: float | int | None
    style: str  # digits, words, fraction, vague, ordinal
    low: float | int | None = None  # for vague counts: the interval they commit to
    high: float | int | None = None
    scaled: bool = False  # a scale word or suffix was part of it ("2.5 million", "$3bn")


_DIGIT = regex.compile(r"\d")


def number(text: str) -> float | int:
    """The value of a digit string: separators removed, Unicode digits read as digits."""
    if not text.isascii():  # Unicode digits (٣٢, ３２) read as digits
        text = "".join(str(unicodedata.digit(c)) if c.isdigit() or _DIGIT.match(c) else c for c in text)
    digits = text
    if rx(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?").fullmatch(digits):
        digits = digits.replace(".", "").replace(",", ".")
    elif rx(r"\d+,\d{1,2}").fullmatch(digits):
        digits = digits.replace(",", ".")
    digits = rx(r"[,\s\u00a0\u202f\u2009]").sub("", digits)
    if "." in digits:
        return float(digits)
    return int(digits)


def tidy(value: float | int) -> float | int:
    """Whole floats become ints (2.5 million is 2500000), others keep 12 significant digits."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise OverflowError(value)
        if value.is_integer() and abs(value) < 1e18:
            return int(value)
        return float(f"{value:.12g}")
    return value


_AND_SHARE = regex.compile(
    r"\s+and\s+(a|an|" + _SHARE_TOP + r")[\s-](" + alternation(FRACTION_WORDS) + r")(?:\s+(" + _SCALE_OR_DOZEN + r"))?$"
)


def words_value(text: str) -> float | int | None:
    """The value of number words: "twenty-eight thousand six hundred forty-two", "a dozen"."""
    share = _AND_SHARE.search(text.lower())
    if share is not None:  # "two and a half", "three and one fourth"
        whole = words_value(text[: share.start()])
        top = 1 if share.group(1) in ("a", "an") else words_value(share.group(1))
        if whole is None or top is None:
            return None
        scale = share.group(3)  # "two and a half million": the scale takes the whole and its share
        if scale and whole >= 100:
            return None  # "two million and a half million": no number
        by = (12 if scale == "dozen" else SCALES[scale]) if scale else 1
        return tidy((whole + top / FRACTION_WORDS[share.group(2)]) * by)
    tokens = [t for t in rx(r"[\s,-]+").split(text.lower()) if t and t != "and"]
    if "point" in tokens:
        i = tokens.index("point")
        whole = words_value(" ".join(tokens[:i])) if i else 0
        decimals = "".join(str(SMALL[t]) for t in tokens[i + 1 :] if t in SMALL and SMALL[t] < 10)
        if whole is None or not decimals:
            return None
        return tidy(whole + float("0." + decimals))
    total, current, last = 0, 0, ""  # last: the class of the word before ("unit", "teen", "tens", "hundred", …)
    for token in tokens:
        if token in ("a", "an"):
            current = 1 if not last else current
            last = last or "a"
        elif token in SMALL or token in TENS:
            value = SMALL.get(token, TENS.get(token, 0))
            kind = "unit" if value < 10 else "teen" if token in SMALL else "tens"
            if last == "unit" or (last == "teen" and kind == "unit"):
                return None  # "five six", "one twenty", "five fifteen": two numbers, or a time; never their sum
            if last in ("teen", "tens") and kind != "unit":
                if not 10 <= current <= 99:
                    return None
                current = current * 100 + value  # "nineteen ninety", "twenty twenty": hundreds said in pairs
            else:
                current += value
            last = kind
        elif token in ("dozen", "dozens"):  # "two dozens": the plural after a number is 24, not dozens
            current = (current or 1) * 12
            last = "hundred"
        elif token == "hundred":
            current = (current or 1) * 100
            last = "hundred"
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0
            last = "scale"
        else:
            return None
    return total + current if last else None
