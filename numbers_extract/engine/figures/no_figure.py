"""What a numeral is before its amount is read (:data:`NUMERAL`): no figure at all (a name, an
exponent, a period), an ordinal, or an amount in accounting brackets.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType

import regex

from ..lexicon import alternation, lexicon
from ..names import Name
from ..numerals import BIG_SCALES, FRACTION_WORDS, ORDINAL_WORDS, SCALES, SMALL, SUFFIX_SCALES, TENS, tidy
from ..rules import Rule, Table
from .draft import Draft, UnitMatch
from .markers import (
    EMERGENCY_NUMBERS,
    SHORT_LINE,
    after_a_stop,
    at_line_start,
    before_a_name,
    bracketed,
    citation_volume,
    emergency,
    emergency_digits,
    footnote,
    list_marker,
    on_a_street,
    page_number,
    point_digit_after,
    section,
    short_line,
)
from .qualifiers import _LEFT_WORD
from .reading import DROP, Reading, Verdict
from .unit_after import _SUFFIX, _compound, _prefix

Match = regex.Match[str]

_LEX = lexicon()
NOT_NAMES = _LEX.not_names
STOP_WORDS = _LEX.stop_words
_BEFORE_HYPHEN = _LEX.before_hyphen_number  # joined by a hyphen to a number, and no name: "end-2024", "sub-1%"
_PERIOD_BEFORE = regex.compile(r"(?i)\b" + alternation(_LEX.period_markers) + r"\s+$")
_ORDINAL_FRACTION = regex.compile(r"(?i)(?:a|an|one)\s+" + alternation(ORDINAL_WORDS.keys() & FRACTION_WORDS.keys()))
_NO_NOUN = STOP_WORDS | _LEX.period_pointers  # "fell by a fifth last year": a share, then when
_NOUN_NEXT = regex.compile(r"\s+(\p{Ll}+)\b")  # the next word, a noun unless a stop word
_ORDINAL_SKIP = regex.compile(
    r"(?i)\s*" + alternation(_LEX.ordinal_idioms) + r"\b|-" + alternation(_LEX.ordinal_compounds) + r"\b"
)
_AT_A = regex.compile(r"(?i)\b(?:at|a|an|per)\s+$")
_ORDINAL_SUFFIX = regex.compile(r"(?:st|nd|rd|th)\b", regex.IGNORECASE)
_ONE_DIGIT = regex.compile(r"\d")
_PLURAL_S = regex.compile(r"s")
_PAREN_SCALE = regex.compile(
    r"\)(?:\s?(" + alternation(BIG_SCALES) + r")\b|(" + alternation(s for s in SUFFIX_SCALES if s.islower()) + r")\b)?",
    regex.IGNORECASE,
)


class Numeral(Enum):
    """The rules of :data:`NUMERAL`, in order: what a numeral is before its amount is read."""

    NAME_HYPHEN = "a name joined by a hyphen: 'COVID-19', 'F-150' (no figure; 'end-2024' is one)"
    DIGIT_HYPHEN = "a number word after digits and a hyphen: '7-Eleven' (no figure)"
    IN_A_NAME = "a capitalised number word in a name: 'Big Ten', 'BBC One', 'the Three Amigos' (no figure)"
    PERIOD = "a fraction that is a period: 'the first half of 2024', 'the second quarter' (no figure)"
    ORDINAL_FRACTION = "a fraction word before a noun is an ordinal: 'a third straight win'"
    ORDINAL_IDIOM = "an ordinal in an idiom: 'at first', 'first-hand' (no figure)"
    BEFORE_A_COUNT = "an ordinal before a count: 'her first six albums', 'the first 100 days' (no figure; the count is)"
    GENERIC_FIRST = "'first' orders events unless a verb of ranking is before it: 'her first album' (no figure)"
    ORDINAL = "an ordinal word: 'the third time', 'the fifth largest' (no figure in a street's name: 'Fifth Avenue')"
    EXPONENT = "digits after '^' that are no unit's or number's power: 'x^3' (no figure)"
    LIST_MARKER = "digits opening a line, then '.' or ')': a list's item, '2.', '3) Build …' (no figure)"
    PAGE_NUMBER = "a number alone on its line: a page's, '12', '- 3 -', 'Page 4 of 20' (no figure)"
    SECTION = "a section's or version's number: '2.1 Methods' opening a line, '3.2.1' (no figure)"
    FOOTNOTE = "digits in square brackets: a reference, 'per shift[1]', '[2, 3]' (no figure)"
    CITATION_VOLUME = "a journal's volume and pages after its year: '2015; 28: 685-690' (no figure)"
    EMERGENCY = "an emergency number called: 'called 911', 'dial 999', 'a 112 call' (no figure)"
    GLUED = "digits against letters or a decimal point before them: 'A380', 'MP3' (no figure)"
    SCORE = "digits after digits and a hyphen: 'ISO 3888-2', a score's second half (no figure)"
    NTH = "digits with an ordinal suffix: '21st', '3rd' (no figure in a name: '6th Avenue', '50th Anniversary Tour')"
    PLURAL = "digits with a plural 's': 'Model 3s', 'the 80s' (no figure; a decimal has none: '9.58s')"
    ACCOUNTING = "an amount in accounting brackets, negative: '$(1.2) million'"
    PS_NAME = "one digit after 'PS' with no scale: 'PS5 consoles' (no figure; 'PS5m' is £5m)"
    MODEL = "digits after a count, before a capitalised name: 'five 787 Dreamliners', '400 737 Max jets' (no figure)"
    CITATION = "a year with a letter in a citation: 'Meyers et al. (2001b)' (no figure)"
    ZERO_IDIOM = "'zero' joined to a word in an idiom: 'zero-hours contracts', 'a zero-sum game' (no figure)"
    NOTHING = "'nought' for nothing at a clause's end: 'came to nought', 'all for nought' (no figure; 'zero' stays)"
    TIEBREAK = "a number in brackets after a score: a tiebreak, '7-6 (7)' (no figure)"
    ONE_SOURCE = "'one' meaning 'a certain' before a source: 'according to one estimate', 'by one count' (no figure)"


def _hyphen_after_letter(r: Reading) -> bool:
    s = r.n.start
    return s - 2 >= r.floor and r.text[s - 1] in "-‐" and r.text[s - 2].isalpha() and not r.second


def _name_hyphen(r: Reading, m: Match | None) -> Verdict | None:
    s = r.n.start
    word = _LEFT_WORD.search(r.text[max(r.floor, s - 12) : s - 1])
    return DROP if word is None or word.group(1).lower() not in _BEFORE_HYPHEN else None


def _words_after_digit(r: Reading) -> bool:
    s = r.n.start
    return r.n.style == "words" and s - 2 >= r.floor and r.text[s - 1] in "-‐" and r.text[s - 2].isdigit()


def _drop(r: Reading, m: Match | None) -> Verdict | None:
    return DROP


def _capital_word(r: Reading) -> bool:
    return r.n.style == "words" and r.text[r.n.start].isupper() and r.n.start > r.floor


def _in_a_name(r: Reading, m: Match | None) -> Verdict | None:
    s = r.n.start
    previous = _LEFT_WORD.search(r.text[max(r.floor, s - 30) : s].rstrip("\"“‘'"))  # 'the "Three Amigos"'
    if previous is not None and previous.group(1)[0].isupper() and previous.group(1).lower() not in NOT_NAMES:
        return DROP
    if previous is not None and previous.group(1)[0].islower() and before_a_name(r, r.n.end):
        return DROP  # "the Three Amigos"; not "Three Amigos" opening a sentence
    return None


def _fraction(r: Reading) -> bool:
    return r.n.style == "fraction"


def _ends_before(r: Reading, pattern: regex.Pattern[str], reach: int) -> bool:
    """``pattern`` (written to end at ``$``) ends right before the numeral, within ``reach`` characters."""
    return pattern.search(r.text, max(r.floor, r.n.start - reach), r.n.start) is not None


def _period(r: Reading, m: Match | None) -> Verdict | None:
    return DROP if _ends_before(r, _PERIOD_BEFORE, 16) else None


def _ordinal_fraction(r: Reading, m: Match | None) -> Verdict | None:
    s, e = r.n.start, r.n.end
    noun = _NOUN_NEXT.match(r.text, e, r.limit)
    if noun and noun.group(1) not in _NO_NOUN and _ORDINAL_FRACTION.fullmatch(r.text, s, e):
        rank = ORDINAL_WORDS[r.text[s:e].split()[-1].lower()]  # "for a sixth month", "a third straight win"
        return Draft(s, e, rank, rank, rank, "exact", "", (Name.ORDINAL_WORD,), kind="ordinal", style="ordinal")
    return None


def _ordinal_style(r: Reading) -> bool:
    return r.n.style == "ordinal"


def _ordinal_idiom(r: Reading, m: Match | None) -> Verdict | None:
    s, e = r.n.start, r.n.end
    if _ORDINAL_SKIP.match(r.text, e, min(r.limit, e + 20)) or _AT_A.search(r.text[max(r.floor, s - 4) : s]):
        return DROP
    return None


_COUNT_WORD = alternation([*SMALL, *TENS])  # a count in words: "six", "forty"
_COUNT_AFTER = regex.compile(
    r"(?i)\s+(?:\d[\d,.]*|" + _COUNT_WORD + r")\b(?![-‐])"
)  # "first six albums"; not "the third 90-day extension", whose number is part of a modifier


_RANKED = regex.compile(r"(?i)\b" + alternation(_LEX.rank_verbs) + r"(?:\s+(?:in|at))?\s+$")  # "finished first"


def _first(r: Reading) -> bool:
    return r.text[r.n.start : r.n.end].lower() == "first"


def _generic_first(r: Reading, m: Match | None) -> Verdict | None:
    return None if _ends_before(r, _RANKED, 20) else DROP  # "came first" ranks; "her first album" does not


def _ordinal(r: Reading, m: Match | None) -> Verdict | None:
    n = r.n
    if on_a_street(r, n.end):
        return DROP
    return Draft(n.start, n.end, n.value, n.value, n.value, "exact", "", (Name.ORDINAL_WORD,), kind="ordinal",
                 style=n.style)  # fmt: skip


def _exponent(r: Reading) -> bool:
    return r.n.start > r.floor and r.text[r.n.start - 1] == "^"


def _glued_to(r: Reading) -> bool:
    s = r.n.start
    if s <= r.floor:
        return False
    before = r.text[s - 1]
    return before.isalnum() or before == "_" or (before == "." and s - 1 > r.floor and r.text[s - 2].isdigit())


def _glued(r: Reading, m: Match | None) -> Verdict | None:
    s = r.n.start
    prefix = _prefix(r.text, s, r.floor, r.catalogue)
    if prefix is None or not r.text[prefix[0] : s].strip():
        return DROP
    e = r.n.end  # "US$5" is an amount; "US10YT=RR", letters on both sides and no scale, a code
    return DROP if e < r.limit and r.text[e].isalpha() and not _SUFFIX.match(r.text, e, r.limit) else None


def _after_digit_hyphen(r: Reading) -> bool:
    s = r.n.start
    return s - 2 >= r.floor and r.text[s - 1] in "-‐" and r.text[s - 2].isdigit() and not r.second


def _nth(r: Reading, m: Match | None) -> Verdict | None:
    assert m is not None
    if before_a_name(r, m.end()):
        return DROP  # "the 50th Anniversary Tour", "6th Avenue"
    v = r.value
    return Draft(r.n.start, m.end(), v, v, v, "exact", "", (Name.NTH,), kind="ordinal")


def _plural(r: Reading, m: Match | None) -> Verdict | None:
    e = r.n.end  # an "s" right after the digits (the pattern matched)
    if "." in r.text[r.n.start : e]:
        return None  # a decimal has no plural: "9.58s" is seconds
    return DROP if e + 1 >= r.limit or not r.text[e + 1].isalnum() else None


def _in_brackets(r: Reading) -> bool:
    s = r.n.start
    return s - 1 > r.lo and r.text[s - 1] == "(" and r.value is not None and not r.second


def _accounting(r: Reading, m: Match | None) -> Verdict | None:
    """ "$(1.2) million", "$(0.05) per share": a negative amount."""
    text, n, limit, catalogue = r.text, r.n, r.limit, r.catalogue
    if n.end >= limit or n.value is None:
        return None
    closing = _PAREN_SCALE.match(text, n.end, limit)
    prefix = _prefix(text, n.start - 1, r.lo, catalogue) if closing is not None else None
    if closing is None or prefix is None:
        return None
    word, suffix = closing.group(1), closing.group(2)
    factor = SCALES[word.lower()] if word else SUFFIX_SCALES.get(suffix, 1) if suffix else 1
    value = tidy(-n.value * factor)
    unit = _compound(text, UnitMatch(closing.end(), prefix[1]), limit, catalogue)
    rule = (Name.ACCOUNTING, Name.PER_UNIT) if unit.name != prefix[1] else (Name.ACCOUNTING,)
    return Draft(prefix[0], unit.end, value, value, value, "exact", unit.name, rule, after=unit.end)


def _one_digit_after_ps(r: Reading) -> bool:
    s = r.n.start
    return r.n.end - s == 1 and "PS" in r.text[max(r.lo, s - 3) : s]


def _ps_name(r: Reading, m: Match | None) -> Verdict | None:
    prefix = _prefix(r.text, r.n.start, r.lo, r.catalogue)
    if (
        prefix is not None
        and r.text[prefix[0] : r.n.start].strip() == "PS"
        and _ONE_DIGIT.fullmatch(r.text, r.n.start, r.n.end)
        and not _SUFFIX.match(r.text, r.n.end, r.limit)
    ):
        return DROP  # "PS5 consoles": a name; "PS5m" (a £ the text lost) has its scale, "PS20" two digits
    return None


_CITATION_LETTER = regex.compile(r"[a-h](?=[)\],;:])")  # "(2001b)", "(1998a; 1998b)": a work's letter
_HYPHEN_WORD = regex.compile(r"[-‐](\p{Ll}+)\b")
_SOURCE_NOUN = regex.compile(r"\s+" + alternation(_LEX.one_source_nouns) + r"\b", regex.IGNORECASE)
_SOURCE_BEFORE = regex.compile(r"(?i)\b(?:according\s+to|by|in|from)\s+$")


_CAPITAL_NAME = regex.compile(r"\s\p{Lu}\p{L}")  # "787 Dreamliner", "737 Max", "737 MAX"
_COUNT_BEFORE = regex.compile(r"(?:\b\d[\d,.]*|\b" + _COUNT_WORD + r")\s$", regex.IGNORECASE)


def _after_a_count(r: Reading) -> bool:
    return r.n.start - 2 > r.floor and r.text[r.n.start - 1] == " " and r.text[r.n.start - 2].isalnum()


def _model(r: Reading, m: Match | None) -> Verdict | None:
    return DROP if _ends_before(r, _COUNT_BEFORE, 16) else None  # a count, then these digits: a model


def _year_digits(r: Reading) -> bool:
    """Four digits of a year inside brackets: a citation's year ("RMB 2052k," is an amount)."""
    if not (r.n.end - r.n.start == 4 and isinstance(r.value, int) and 1500 <= r.value <= 2099):
        return False
    before = r.text[max(r.floor, r.n.start - 40) : r.n.start]
    return before.rfind("(") > before.rfind(")")


def _said_zero(r: Reading) -> bool:
    return r.value == 0 and r.text[r.n.start : r.n.end].lower() == "zero"


def _zero_idiom(r: Reading, m: Match | None) -> Verdict | None:
    assert m is not None
    return DROP if m.group(1) in _LEX.zero_idioms else None


_CLAUSE_END = regex.compile(r"\s*(?:[.,;:!?)]|$)")
_TO_OR_FOR = regex.compile(r"(?i)\b(?:to|for)\s+$")
_CLOSING_BRACKET = regex.compile(r"\)")
_SCORE_BEFORE = regex.compile(r"\b\d{1,2}[-–]\d{1,2}\s?\($")  # "7-6 (": a set's score, then its tiebreak


def _nought(r: Reading) -> bool:
    return r.value == 0 and r.text[r.n.start : r.n.end].lower() != "zero"


def _nothing(r: Reading, m: Match | None) -> Verdict | None:
    return DROP if _ends_before(r, _TO_OR_FOR, 8) else None


def _tiebreak(r: Reading, m: Match | None) -> Verdict | None:
    return DROP if _ends_before(r, _SCORE_BEFORE, 8) else None


def _said_one(r: Reading) -> bool:
    return r.value == 1 and r.text[r.n.start : r.n.end].lower() == "one"


def _one_source(r: Reading, m: Match | None) -> Verdict | None:
    return DROP if _ends_before(r, _SOURCE_BEFORE, 16) else None


NUMERAL: Table[Reading, Verdict] = Table(
    "no_figure",
    "figure",
    (
        Rule(Numeral.NAME_HYPHEN, _name_hyphen, when=_hyphen_after_letter),
        Rule(Numeral.DIGIT_HYPHEN, _drop, when=_words_after_digit),
        Rule(Numeral.IN_A_NAME, _in_a_name, when=_capital_word),
        Rule(Numeral.PERIOD, _period, when=_fraction),
        Rule(Numeral.ORDINAL_FRACTION, _ordinal_fraction, when=_fraction),
        Rule(Numeral.ORDINAL_IDIOM, _ordinal_idiom, when=_ordinal_style),
        Rule(Numeral.BEFORE_A_COUNT, _drop, _COUNT_AFTER, "after", when=_ordinal_style),
        Rule(Numeral.GENERIC_FIRST, _generic_first, when=_first),
        Rule(Numeral.ORDINAL, _ordinal, when=_ordinal_style),
        Rule(Numeral.EXPONENT, _drop, when=_exponent),
        Rule(Numeral.LIST_MARKER, list_marker, when=at_line_start),
        Rule(Numeral.PAGE_NUMBER, page_number, when=short_line),
        Rule(Numeral.SECTION, section, when=point_digit_after),
        Rule(Numeral.FOOTNOTE, footnote, when=bracketed),
        Rule(Numeral.CITATION_VOLUME, citation_volume, when=after_a_stop),
        Rule(Numeral.EMERGENCY, emergency, when=emergency_digits),
        Rule(Numeral.GLUED, _glued, when=_glued_to),
        Rule(Numeral.SCORE, _drop, when=_after_digit_hyphen),
        Rule(Numeral.NTH, _nth, _ORDINAL_SUFFIX, "after"),
        Rule(Numeral.PLURAL, _plural, _PLURAL_S, "after"),
        Rule(Numeral.ACCOUNTING, _accounting, when=_in_brackets),
        Rule(Numeral.PS_NAME, _ps_name, when=_one_digit_after_ps),
        Rule(Numeral.MODEL, _model, _CAPITAL_NAME, "after", when=_after_a_count),
        Rule(Numeral.CITATION, _drop, _CITATION_LETTER, "after", when=_year_digits),
        Rule(Numeral.ZERO_IDIOM, _zero_idiom, _HYPHEN_WORD, "after", when=_said_zero),
        Rule(Numeral.NOTHING, _nothing, _CLAUSE_END, "after", when=_nought),
        Rule(Numeral.TIEBREAK, _tiebreak, _CLOSING_BRACKET, "after", when=_in_brackets),
        Rule(Numeral.ONE_SOURCE, _one_source, _SOURCE_NOUN, "after", when=_said_one),
    ),
)


# The styles of numeral each rule of NUMERAL reads (said here, not in the rules' tests), and the rules
# a numeral of each style tries, in the table's order: digits eight of them, words three
_STYLES: Mapping[Enum, frozenset[str]] = MappingProxyType(
    {
        Numeral.NAME_HYPHEN: frozenset({"digits", "words", "fraction", "vague", "ordinal"}),
        Numeral.DIGIT_HYPHEN: frozenset({"words"}),
        Numeral.IN_A_NAME: frozenset({"words"}),
        Numeral.PERIOD: frozenset({"fraction"}),
        Numeral.ORDINAL_FRACTION: frozenset({"fraction"}),
        Numeral.ORDINAL_IDIOM: frozenset({"ordinal"}),
        Numeral.BEFORE_A_COUNT: frozenset({"ordinal"}),
        Numeral.GENERIC_FIRST: frozenset({"ordinal"}),
        Numeral.ORDINAL: frozenset({"ordinal"}),
        **dict.fromkeys(
            (
                *(Numeral.EXPONENT, Numeral.LIST_MARKER, Numeral.PAGE_NUMBER, Numeral.SECTION, Numeral.FOOTNOTE),
                Numeral.CITATION_VOLUME,
                *(Numeral.EMERGENCY, Numeral.GLUED, Numeral.SCORE, Numeral.NTH, Numeral.PLURAL, Numeral.ACCOUNTING),
            ),
            frozenset({"digits"}),
        ),
        Numeral.PS_NAME: frozenset({"digits"}),
        Numeral.MODEL: frozenset({"digits"}),
        Numeral.CITATION: frozenset({"digits"}),
        Numeral.ZERO_IDIOM: frozenset({"words"}),
        Numeral.NOTHING: frozenset({"words"}),
        Numeral.TIEBREAK: frozenset({"digits"}),
        Numeral.ONE_SOURCE: frozenset({"words"}),
    }
)
BY_STYLE: Mapping[str, Table[Reading, Verdict]] = MappingProxyType(
    {
        style: Table(NUMERAL.stage, NUMERAL.field, tuple(r for r in NUMERAL.rules if style in _STYLES[r.name]))
        for style in ("digits", "words", "fraction", "vague", "ordinal")
    }
)


def _plain_digits(r: Reading) -> bool:
    """The cheap test of NUMERAL's rules for digits, all at once: most digits stand between a space
    (or a currency) and a space or a stop, and then none of them applies. A rule reads a hyphen, "^",
    "(", a letter, a digit or a point right before the digits, "PS" before one digit, or a letter
    right after them, or a capitalised word after a space ("787 Dreamliner"); "[", ";" or ":" before
    them or "]" after (a reference), a point after digits opening a line (a list), an emergency number."""
    s, e, text = r.n.start, r.n.end, r.text
    if s > r.floor:
        before = text[s - 1]
        if before.isalnum() or before in "-‐^(_.[;:" or (e - s == 1 and "PS" in text[max(r.lo, s - 3) : s]):
            return False
        if before == " " and s - 2 >= r.floor and text[s - 2] in ";:":
            return False  # "2015; 28: 685": a citation's volume and pages
    if e < r.limit and (text[e] == "]" or (text[e] in ".)" and (s == r.floor or text[s - 1] == "\n"))):
        return False  # "[12]", a list's "2.", "3.2.1"
    if r.limit - r.floor <= SHORT_LINE or (e + 1 < r.limit and text[e] == "." and text[e + 1].isdigit()):
        return False  # a page's number alone on its line; "3.2.1"
    if s == r.floor and e + 1 < r.limit and text[e] == " " and "." in text[s:e]:
        return False  # "2.1 Methods"
    if e - s == 3 and text[s:e] in EMERGENCY_NUMBERS:  # all three digits
        return False
    if e + 1 < r.limit and text[e] == " " and text[e + 1].isupper():
        return False
    return not (e < r.limit and text[e].isalpha())


def numeral(r: Reading) -> Reading | Verdict:
    """What the numeral is before its amount is read, by the first rule of :data:`NUMERAL` that decides."""
    if r.n.style == "digits" and _plain_digits(r):
        return r
    picked = BY_STYLE[r.n.style].pick(r)
    return picked[1] if picked is not None else r
