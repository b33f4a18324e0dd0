"""What a number read with no unit is (:data:`UNITLESS`): an age, a year, a label, "one of", a pronoun
"one", or a bare number (no rule decides: the figure as read).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType

import regex

from ..lexicon import alternation, lexicon
from ..names import Name
from ..numerals import SMALL, tidy
from ..rules import Rule, Table
from .draft import Draft
from .qualifiers import _LEFT_WORD, _PEOPLE_AGED, _PEOPLE_BOUND
from .reading import DROP, Reading, Verdict
from .unit_after import _PLURAL_NOUN, unit_after

Match = regex.Match[str]

_LEX = lexicon()
INDEX_NAMES = _LEX.index_names
LABEL_NOUNS = _LEX.label_nouns
_LOWER_LABELS = _LEX.label_nouns_lower_case
_VERSION_WORDS = _LEX.version_words
_LOWER_NAMERS = _LOWER_LABELS | _VERSION_WORDS  # a lower-case word that names the number after it
NOT_NAMES = _LEX.not_names
_SCALE_LABELS = _LEX.scale_labels  # lower case, a rank on a scale
_NAME_WORD = regex.compile(r"(?:^|[\s(“\"])([\p{L}\p{N}&'’./-]*\p{Lu}[\p{L}\p{N}&'’./-]*)\s+$", regex.REVERSE)
_A_UNIT_AND = regex.compile(r"(?i)\b(?:a|an|one)\s+(\p{Ll}+)\s+and\s+$")  # "an hour and " a half
_A_NOUN_OR = regex.compile(r"(?i)\b(?:a|an|another)\s+(\p{L}[\p{L}-]*)\s+or\s+$")
_ONE_SKIP_BEFORE = regex.compile(
    r"(?i)\b(?:no|any|every|each|the|this|that|which|some|any|one|(?:the|its|his|her|their|our|my|your)\s+only)\s+$"
)  # "the only one" is a pronoun; "only one in four" counts
_ONE_SKIP_AFTER = regex.compile(
    r"(?i)\s*(?:of\s+(?:them|us|you|those|these|which|whom|it|his|her|our|their)\b|another\b|'s|’s|-"
    r"|of\s+(?:\d|"
    + alternation(w for w, v in SMALL.items() if 2 <= v <= 10)
    + r")|by\s+one|or\s+(?:the\s+)?other|on\s+one|day\b|thing\b|another|who\b|that\b|which\b|[,.;:!?)]|$)"
)
_OF_DET = regex.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|my\s+|your\s+|[\p{L}]+['’]s\s+)?")
_FOUR_DIGITS = regex.compile(r"\d{4}")
_DATED_NOUN = regex.compile(r"(?i)\s+" + alternation(_LEX.dated_nouns) + r"\b")
_BEFORE_YEAR = regex.compile(r"\b" + alternation(_LEX.before_year) + r"\s+$")
_AGE_NOUN = regex.compile(r"(?i)\b(?:the|a|an)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s*$", regex.REVERSE)
_AGE_NAME = regex.compile(r"((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)\s*$", regex.REVERSE)
_AGE_IN_COMMAS = regex.compile(r",\s*(\d{1,3})\s*,")
_RANGE_TO_UNIT = regex.compile(r"(?:-|\s*–\s*|\s+(?:to|and)\s+)[\d.,]+\s?[\p{L}%$€£°]")  # "3-4 L", "3 to 4 L"
_AGED = regex.compile(  # "aged 50", "at the age of 75", "retired at age 60", "by age 5"
    r"(?i)\b(?:aged|ages|age\s+of|(?:at|by|from|until|till|before|after|since|over|under)\s+age)\s+"
    r"(?:between\s+|from\s+)?$",
    regex.REVERSE,
)
_OLDER_THAN = regex.compile(r"(?i)(?:older|younger)\s+than\s+")
_PERSON_IS = regex.compile(
    r"(?i)(?:\b(?:he|she|who|i|we|they|you)(?:\s+(?:is|was|were|are|am|will\s+be|would\s+be|had\s+been)|['’]s)"
    r"|\b(?:turn|turns|turned|turning))\s+(?:just\s+|only\s+|now\s+|nearly\s+|almost\s+)?$"
)  # "she was 10.", "the twins turn 18 next month"
_AGE_ENDS = regex.compile(  # no noun after the age
    r"\s*(?:[.,;:!?)]|$|\s(?:by|in|on|at|when|last|this|next|and|or|but|years?\b))"
)


class Unitless(Enum):
    """The rules of :data:`UNITLESS`, in order: what a number read with no unit is."""

    YEAR_OLD = "an age in years: 'a 40-year-old man', 'the five-year-old'"
    WITH_UNIT = "a figure with a unit is what it was read as: '5 km', '$3bn'"
    A_UNIT_OR = "a unit, then 'or' and two or three: 'a day or two'"
    A_NOUN_OR = "a noun, then 'or' and two or three, counts the noun: 'another pick or two'"
    A_UNIT_AND = "a unit or noun, then 'and' and a fraction, is one and the fraction: 'an hour and a half' is 1.5 hours"
    PRONOUN = "'one' as a pronoun: 'one of them', 'the one that got away', 'no one' (no figure)"
    ONE_OF = "'one of' and a noun phrase: 'one of the largest banks'"
    YEAR = "four digits that are a year: 'in 2019', 'end-2024' (not '2019 levels' nor '1200 trucks')"
    AGED = "an age after 'aged': 'patients aged 50 to 75', 'at the age of 75', 'retired at age 60'"
    PEOPLE_AGE = "an age after people and a bound: 'men over 50', 'children under 5', 'children 5 and under'"
    OLDER_THAN = "an age after 'older than', or before 'and older': 'people older than 65', 'those 65 or older'"
    PERSON_IS = (
        "an age after a person and a verb, or 'turned': 'he will be 35 by then', 'who was 10.', 'the twins turn"
        " 18 in May'"
    )
    SCALE_NUMBER = "a rank on a scale, after its name: 'a magnitude 6.4 earthquake', 'category 4'"
    LABEL = "a name before it: 'Section 427' is a label; 'Boeing 737', 'Trump 2.0', 'Version 9.0' no figure"
    NAME_AGE = "an age in commas after a name: 'Maddon, 66,', 'The senator, 72,'"


def _made(r: Reading) -> Draft:
    assert r.made is not None
    return r.made


def _aged_years(r: Reading) -> bool:
    return r.age


def _year_old(r: Reading, m: Match | None) -> Verdict | None:
    return _made(r)._replace(rule=(Name.YEAR_OLD,), cue="")


def _with_unit(r: Reading) -> bool:
    return bool(r.unit) or r.hyphen


def _as_read(r: Reading, m: Match | None) -> Verdict | None:
    return _made(r)


def _two_or_three(r: Reading) -> bool:
    return r.n.style == "words" and r.value in (2, 3) and r.qualifier == "exact"


def _left(r: Reading, width: int) -> int:
    return max(r.lo, r.start - width)


def _a_unit_or(r: Reading, m: Match | None) -> Verdict | None:
    noun = _A_NOUN_OR.search(r.text, _left(r, 40), r.start)
    said = unit_after(r.text, noun.start(1) - 1, noun.end(1), r.catalogue) if noun is not None else None
    if noun is None or said is None or said.end != noun.end(1):
        return None
    return _made(r)._replace(unit=said.name, rule=(Name.A_UNIT_OR,), cue="")


def _a_noun_or(r: Reading, m: Match | None) -> Verdict | None:
    noun = _A_NOUN_OR.search(r.text, _left(r, 40), r.start)
    return _made(r)._replace(entity=noun.group(1), rule=(Name.A_NOUN_OR,), cue="") if noun is not None else None


def _and_a_share(r: Reading) -> bool:
    return r.n.style == "fraction" and r.start - 5 >= r.lo and r.text[r.start - 4 : r.start] == "and "


def _a_unit_and(r: Reading, m: Match | None) -> Verdict | None:
    noun = _A_UNIT_AND.search(r.text, _left(r, 40), r.start)
    if noun is None or r.value is None or r.value >= 1:
        return None
    said = unit_after(r.text, noun.start(1) - 1, noun.end(1), r.catalogue)
    unit = said.name if said is not None and said.end == noun.end(1) else ""
    whole = tidy(1 + r.value)  # "a cup and a half" is 1.5 cups, "an egg and a half" 1.5 eggs
    return _made(r)._replace(start=noun.start(), value=whole, low=whole, high=whole, unit=unit,
                             entity="" if unit else noun.group(1), rule=(Name.A_UNIT_AND,), cue="")  # fmt: skip


def _one(r: Reading) -> bool:
    n = r.n
    return n.style == "words" and r.value == 1 and r.text[n.start : n.end].lower() == "one"


def _pronoun(r: Reading, m: Match | None) -> Verdict | None:
    s, e = r.start, r.after
    if _ONE_SKIP_BEFORE.search(r.text[max(r.floor, s - 12) : s]) or _ONE_SKIP_AFTER.match(r.text, e, r.limit):
        return DROP
    return None


def _one_of(r: Reading, m: Match | None) -> Verdict | None:
    assert m is not None
    return _made(r)._replace(rule=(Name.ONE_OF,), cue="", after=m.end())


def _four_digits(r: Reading) -> bool:
    v, n, s, text, floor = r.value, r.n, r.start, r.text, r.floor
    return (
        n.style == "digits"
        and r.qualifier == "exact"
        and isinstance(v, int)
        and 1000 <= v <= 2100
        and _FOUR_DIGITS.fullmatch(text, n.start, n.end) is not None
        and not (s > floor and text[s - 1] in "-−" and not (s - 2 >= floor and text[s - 2].isalpha()))
    )  # a year, also "end-2024", "mid-2022"; not "-2024"


_NEXT_WORD = regex.compile(r"\s*(\p{L}+)")


def _counts_the_next(text: str, at: int, limit: int) -> bool:
    """The word after a number is a plural noun it may count: not a verb or function word ("2019
    was", "2019 has"), nor a singular in -s ("a 2018 analysis", "2019 census", "the 2020 bonus")."""
    word = _NEXT_WORD.match(text, at, limit)
    if word is None:
        return True  # "of": the plural pattern's other reading
    w = word.group(1).lower()
    return w not in _LEX.stop_words and not w.endswith(("ss", "us", "is"))


def _year(r: Reading, m: Match | None) -> Verdict | None:
    s, e, value = r.start, r.after, r.value
    assert isinstance(value, int)
    strong = _BEFORE_YEAR.search(r.text[max(r.floor, s - 12) : s].lower())
    dated = _DATED_NOUN.match(r.text, e, r.limit)  # "2019 levels", "2010 prices": the year's
    counted = (
        _PLURAL_NOUN.match(r.text, e, r.limit)
        and not strong
        and not dated
        and (r.second or _counts_the_next(r.text, e, r.limit))  # a range's end: as the range join reads it
    )
    if counted or not (1900 <= value <= 2100 or strong):
        return None
    return _made(r)._replace(kind="date", date=str(value), value=None, low=None, high=None, rule=(Name.YEAR,), cue="")


def _in_years(r: Reading, rule: Name) -> Draft:
    return _made(r)._replace(unit="year", rule=(rule,), cue="")


def _aged(r: Reading, m: Match | None) -> Verdict | None:
    at = r.n.start  # before the number, after any cue: "under the age of 5"
    return _in_years(r, Name.AGED) if _AGED.search(r.text, max(r.floor, at - 24), at) else None


def _an_age(r: Reading) -> bool:
    return isinstance(r.value, int) and 0 < r.value < 120


def _people_age(r: Reading, m: Match | None) -> Verdict | None:
    if not (_an_age(r) and r.qualifier in ("lower_bound", "upper_bound")):
        return None
    left = max(r.floor, r.start - 24)
    if _PEOPLE_BOUND.search(r.text, left, r.n.start) or (r.cue and _PEOPLE_AGED.search(r.text, left, r.n.start)):
        return _in_years(r, Name.PEOPLE_AGE)  # "men over 50"; "children 5 and under"
    return None


def _older_than(r: Reading, m: Match | None) -> Verdict | None:
    if _an_age(r) and (_OLDER_THAN.match(r.text, r.start, r.n.start) or r.cue.endswith(("older", "younger"))):
        return _in_years(r, Name.OLDER_THAN)  # "older than 65"; "65 and older"
    return None


def _person_is(r: Reading, m: Match | None) -> Verdict | None:
    if _PERSON_IS.search(r.text, max(r.floor, r.start - 20), r.start) and _AGE_ENDS.match(r.text, r.after, r.limit):
        return _in_years(r, Name.PERSON_IS)
    return None


def _digits_exact(r: Reading) -> bool:
    return r.qualifier == "exact" and r.n.style == "digits"


def _scale_number(r: Reading, m: Match | None) -> Verdict | None:
    scale = _LEFT_WORD.search(r.text, max(r.floor, r.start - 12), r.start)
    if scale is not None and scale.group(1) in _SCALE_LABELS:
        return _made(r)._replace(kind="number", rule=(Name.SCALE_NUMBER,), cue="")
    return None


def _label(r: Reading, m: Match | None) -> Verdict | None:
    label = _is_label(r.text, r.start, r.floor)
    if not label or _RANGE_TO_UNIT.match(r.text, r.after, r.limit):
        return None  # "Pour 3 to 4 L": a range with a unit follows, so the word before is no name
    if label.lower() in _VERSION_WORDS:
        return DROP  # "Version 9.0": an identifier
    if label.lower().rstrip(".") in LABEL_NOUNS:
        return _made(r)._replace(kind="number", rule=(Name.LABEL,), cue="")
    return DROP


def _digits_age(r: Reading) -> bool:
    return r.n.style == "digits" and _an_age(r) and r.start - 2 >= r.floor


def _name_age(r: Reading, m: Match | None) -> Verdict | None:
    s, text = r.start, r.text
    if _AGE_IN_COMMAS.match(text[s - 2 : r.after + 2]) is None:
        return None
    name = _AGE_NAME.search(text, max(r.floor, s - 60), s - 2) or _AGE_NOUN.search(text, max(r.floor, s - 40), s - 2)
    if name is None:
        return None
    return _made(r)._replace(unit="year", rule=(Name.NAME_AGE,), cue="", entity=name.group(1))  # "Maddon, 66,"


UNITLESS: Table[Reading, Verdict] = Table(
    "unitless",
    "figure",
    (
        Rule(Unitless.YEAR_OLD, _year_old, when=_aged_years),
        Rule(Unitless.WITH_UNIT, _as_read, when=_with_unit),
        Rule(Unitless.A_UNIT_OR, _a_unit_or, when=_two_or_three),
        Rule(Unitless.A_NOUN_OR, _a_noun_or, when=_two_or_three),
        Rule(Unitless.A_UNIT_AND, _a_unit_and, when=_and_a_share),
        Rule(Unitless.PRONOUN, _pronoun, when=_one),
        Rule(Unitless.ONE_OF, _one_of, _OF_DET, "after", when=_one),
        Rule(Unitless.YEAR, _year, when=_four_digits),
        Rule(Unitless.AGED, _aged, needs=("age",)),
        Rule(Unitless.PEOPLE_AGE, _people_age, needs=("over", "under", "above", "below")),
        Rule(Unitless.OLDER_THAN, _older_than, needs=("older", "younger")),
        Rule(Unitless.PERSON_IS, _person_is, when=_an_age),
        Rule(Unitless.SCALE_NUMBER, _scale_number, when=_digits_exact),
        Rule(Unitless.LABEL, _label, when=_digits_exact),
        Rule(Unitless.NAME_AGE, _name_age, when=_digits_age),
    ),
)


def _is_label(text: str, start: int, floor: int) -> str:
    """The name before a number that names a thing ("Section 427", "Boeing 737"), or ""."""
    left = text[max(floor, start - 40) : start]
    m = _NAME_WORD.search(left)
    if m is None:
        index = _LEFT_WORD.search(left)
        if index is not None and (index.group(1) in ("number", "no.") or index.group(1) in _LOWER_NAMERS):
            return index.group(1)  # "the number 23 shirt", "his no. 10 jersey", "type 2 diabetes": a label
        return index.group(1) if index is not None and index.group(1).lower() in INDEX_NAMES else ""
    word = m.group(1).strip('“"(')
    if word.lower().rstrip(".") in NOT_NAMES or word.lower() in NOT_NAMES or word.endswith(("'s", "’s", "s'", "s’")):
        return ""  # "Trump's 232": a possessive owns the number, it does not name it
    return word


_WORDS_ONLY = frozenset({Unitless.A_UNIT_OR, Unitless.A_NOUN_OR, Unitless.PRONOUN, Unitless.ONE_OF})
_DIGITS_ONLY = frozenset({Unitless.YEAR, Unitless.SCALE_NUMBER, Unitless.LABEL, Unitless.NAME_AGE})
# the rules of UNITLESS a number of each style tries, in the table's order (each rule's test says its style too)
BY_STYLE: Mapping[str, Table[Reading, Verdict]] = MappingProxyType(
    {
        style: Table(
            UNITLESS.stage,
            UNITLESS.field,
            tuple(
                rule
                for rule in UNITLESS.rules
                if (style == "words" or rule.name not in _WORDS_ONLY)
                and (style == "digits" or rule.name not in _DIGITS_ONLY)
            ),
        )
        for style in ("digits", "words", "fraction", "vague", "ordinal")
    }
)


def unitless(r: Reading) -> Verdict:
    """What the figure read is, by the first rule of :data:`UNITLESS` that decides; as read when none does.
    A rule that gives the figure its unit (an age: years) is written to the trace as the unit's rule too."""
    picked = BY_STYLE[r.n.style].pick(r)
    if picked is None:
        return _made(r)
    name, verdict = picked
    if r.trace is not None and isinstance(verdict, Draft) and verdict.unit != r.unit:
        r.note(UNITLESS.stage, "unit", name, verdict.unit)
    return verdict
