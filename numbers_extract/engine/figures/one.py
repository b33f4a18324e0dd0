"""Figures: the rules that join numerals, currency prefixes, units, qualifier cues and ranges.

Input: one sentence and the numerals in it. Output: :class:`Draft` records — parse-time scratch,
not yet the table's Figure — each naming the rule that made it. Context (entity, trend, kind,
source) is added afterwards by context.py."""

from __future__ import annotations

import regex

from ..lexicon import alternation, lexicon
from ..names import Name
from ..numerals import BIG_SCALES, FRACTION_WORDS, ORDINAL_WORDS, SCALES, SMALL, SUFFIX_SCALES, Numeral, number, tidy
from ..rx import rx
from ..units import Catalogue
from .draft import Draft, UnitMatch
from .qualifiers import _LEFT_WORD, _PEOPLE_BOUND, QUALIFIER_AFTER, _qualifier, _spread_over
from .unit_after import (
    _AGE,
    _PLURAL_NOUN,
    _SUFFIX,
    _compound,
    _pounds,
    _prefix,
    _scale_suffix,
    _temperature,
    unit_after,
)

_LEX = lexicon()
INDEX_NAMES = _LEX.index_names
LABEL_NOUNS = _LEX.label_nouns
NOT_NAMES = _LEX.not_names
STOP_WORDS = _LEX.stop_words
_PLUS_MINUS = regex.compile(r"\s?(?:±|\+/-|\+-)\s?(\d+(?:\.\d+)?)(?![\d.])")


_NAME_WORD = regex.compile(r"(?:^|[\s(“\"])([\p{L}\p{N}&'’./-]*\p{Lu}[\p{L}\p{N}&'’./-]*)\s+$", regex.REVERSE)


_ORDINAL_SUFFIX = regex.compile(r"(?:st|nd|rd|th)\b", regex.IGNORECASE)


_NEGATIVE_WORD = regex.compile(r"(?i)\b(?:minus|negative)[\s-]$")


_PLUS_OR_MINUS = regex.compile(r"(?i)\bplus\s+or\s+minus\s+$")  # a margin, not a sign


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


_PERIOD_BEFORE = regex.compile(r"(?i)\b" + alternation(_LEX.period_markers) + r"\s+$")


_COUNTED_COMPOUND = regex.compile(r"-(\p{Ll}{3,})(?=\s+\p{L})")  # "a 1,200-page report", "the 100-member Senate"


_NOT_COUNTED = _LEX.not_counted_compounds


_ORDINAL_FRACTION = regex.compile(r"(?i)(?:a|an|one)\s+" + alternation(ORDINAL_WORDS.keys() & FRACTION_WORDS.keys()))


_NO_NOUN = STOP_WORDS | _LEX.period_pointers  # "fell by a fifth last year": a share, then when


_ONE_DIGIT = regex.compile(r"\d")


_SCALE_ENDS = tuple(_LEX.number_scales)  # "a few hundred", "several thousand"


# words joined by a hyphen to the number that follows, that make no name of it ("end-2024", "sub-1%")
_BEFORE_HYPHEN = _LEX.before_hyphen_number


_WORD_NEXT = regex.compile(r"\s+\p{L}")


_NOUN_NEXT = regex.compile(r"\s+(\p{Ll}+)\b")  # the next word, a noun unless a stop word


_SCALE_LABELS = _LEX.scale_labels  # lower case, a rank on a scale


def _is_label(text: str, start: int, floor: int) -> str:
    """The name before a number that names a thing ("Section 427", "Boeing 737"), or ""."""
    left = text[max(floor, start - 40) : start]
    m = _NAME_WORD.search(left)
    if m is None:
        index = _LEFT_WORD.search(left)
        if index is not None and index.group(1) in ("number", "no."):
            return index.group(1)  # "the number 23 shirt", "his no. 10 jersey": a label
        return index.group(1) if index is not None and index.group(1).lower() in INDEX_NAMES else ""
    word = m.group(1).strip('“"(')
    if word.lower().rstrip(".") in NOT_NAMES or word.lower() in NOT_NAMES or word.endswith(("'s", "’s", "s'", "s’")):
        return ""  # "Trump's 232": a possessive owns the number, it does not name it
    return word


_PAREN_SCALE = regex.compile(
    r"\)(?:\s?(" + alternation(BIG_SCALES) + r")\b|(" + alternation(s for s in SUFFIX_SCALES if s.islower()) + r")\b)?",
    regex.IGNORECASE,
)


def _accounting(text: str, n: Numeral, floor: int, claim: int, limit: int, catalogue: Catalogue) -> Draft | None:
    """An amount in accounting brackets, "$(1.2) million", "$(0.05) per share": a negative amount."""
    s, e = n.start, n.end
    if s - 1 <= max(floor, claim) or text[s - 1] != "(" or e >= limit:
        return None
    closing = _PAREN_SCALE.match(text, e, limit)
    prefix = _prefix(text, s - 1, max(floor, claim), catalogue) if closing is not None else None
    if closing is None or prefix is None or n.value is None:
        return None
    word, suffix = closing.group(1), closing.group(2)
    factor = SCALES[word.lower()] if word else SUFFIX_SCALES.get(suffix, 1) if suffix else 1
    value = tidy(-n.value * factor)
    unit = _compound(text, UnitMatch(closing.end(), prefix[1]), limit, catalogue)
    rule = (Name.ACCOUNTING, Name.PER_UNIT) if unit.name != prefix[1] else (Name.ACCOUNTING,)
    return Draft(prefix[0], unit.end, value, value, value, "exact", unit.name, rule, after=unit.end)


def _one(
    text: str, n: Numeral, floor: int, limit: int, catalogue: Catalogue, second: bool = False, claim: int = 0
) -> Draft | None:
    """One numeral with what is written around it: sign, currency, scale, unit, cue.

    ``second`` is set for the second number of a range, which the range join has already read.
    """
    s, e = n.start, n.end
    before = text[s - 1] if s > floor else " "
    if before in "-‐" and s - 2 >= floor and text[s - 2].isalpha() and not second:
        word = _LEFT_WORD.search(text[max(floor, s - 12) : s - 1])
        if word is None or word.group(1).lower() not in _BEFORE_HYPHEN:
            return None  # COVID-19, F-150, TA-35, production-four-door: a name
    value = n.value
    if n.style == "words" and s - 2 >= floor and text[s - 1] in "-‐" and text[s - 2].isdigit():
        return None  # "7-Eleven": a name
    if n.style == "words" and text[s].isupper() and s > floor:
        previous = _LEFT_WORD.search(text[max(floor, s - 30) : s])
        if previous is not None and previous.group(1)[0].isupper() and previous.group(1).lower() not in NOT_NAMES:
            return None  # "Kick Six", "BBC One", "Big Ten": part of a name
    if n.style == "fraction" and _PERIOD_BEFORE.search(text, max(floor, s - 16), s):
        return None  # "the first half of 2024", "the second quarter": a period, not a share
    noun = _NOUN_NEXT.match(text, e, limit) if n.style == "fraction" else None
    if noun and noun.group(1) not in _NO_NOUN and _ORDINAL_FRACTION.fullmatch(text, s, e):
        rank = ORDINAL_WORDS[text[s:e].split()[-1].lower()]  # "for a sixth month", "a third straight win"
        return Draft(s, e, rank, rank, rank, "exact", "", (Name.ORDINAL_WORD,), kind="ordinal", style="ordinal")
    if n.style == "ordinal":
        if _ORDINAL_SKIP.match(text, e, min(limit, e + 20)) or rx(r"(?i)\b(?:at|a|an|per)\s+$").search(
            text[max(floor, s - 4) : s]
        ):
            return None
        if (
            text[s:e].lower() == "first"
            and _PARTICIPLE_NEXT.match(text, e, limit)
            and not _DETERMINER_LEFT.search(text, max(floor, s - 8), s)
        ):
            return None  # "The deal, first reported by Bloomberg": an adverb (but "the first elected mayor")
        return Draft(s, e, n.value, n.value, n.value, "exact", "", (Name.ORDINAL_WORD,), kind="ordinal", style=n.style)
    if n.style == "digits":
        if before == "^":
            return None  # an exponent: "km^2", "2^10"
        if before.isalnum() or before in "_" or (before == "." and s - 1 > floor and text[s - 2].isdigit()):
            prefix = _prefix(text, s, floor, catalogue)
            if prefix is None or not text[prefix[0] : s].strip():
                return None
        if before in "-‐" and s - 2 >= floor and text[s - 2].isdigit() and not second:
            return None  # ISO 3888-2, the second half of a score: not a number of its own
        after = text[e : e + 1]
        if e < limit and text[e].isalpha():
            m = _ORDINAL_SUFFIX.match(text, e, limit)
            if m is not None:
                return Draft(s, m.end(), value, value, value, "exact", "", (Name.NTH,), kind="ordinal")
            if text[e] == "s" and (e + 1 >= limit or not text[e + 1].isalnum()):
                return None  # "Model 3s", "the 80s" (decades are dates, found before)
        del after
    if n.style == "digits" and value is not None and not second:
        owed = _accounting(text, n, floor, claim, limit, catalogue)
        if owed is not None:
            return owed
    # sign
    negative = False
    if second:
        pass
    elif (
        s - 1 >= max(floor, claim)
        and text[s - 1] in "-−–"
        and (s - 2 < floor or text[s - 2] in " (\t\n:")
        and n.style == "digits"
    ):
        s -= 1
        negative = True
    elif (
        s - 1 >= max(floor, claim)
        and text[s - 1] == "+"
        and (s - 2 < floor or text[s - 2] in " (\t\n:")
        and n.style == "digits"
    ):
        s -= 1  # "+0.2%": a rise, written with its sign
    elif _NEGATIVE_WORD.search(text[max(floor, claim, s - 10) : s]) and not _PLUS_OR_MINUS.search(
        text, max(floor, s - 20), s
    ):
        m = _NEGATIVE_WORD.search(text[max(floor, claim, s - 10) : s])
        assert m is not None
        s = max(floor, claim, s - 10) + m.start()
        negative = True
    # currency before
    unit = ""
    rule_parts: list[Name] = []
    prefix = _prefix(text, s, max(floor, claim), catalogue)
    if prefix is None and not negative and s - 1 > max(floor, claim) and text[s - 1] in "-−":
        prefix = _prefix(text, s - 1, max(floor, claim), catalogue)  # "$-99.99"
        negative = prefix is not None
    if (
        prefix is not None
        and text[prefix[0] : s].strip() == "PS"
        and _ONE_DIGIT.fullmatch(text, n.start, n.end)
        and not _SUFFIX.match(text, n.end, limit)
    ):
        return None  # "PS5 consoles": a name; "PS5m" (a £ the text lost) has its scale, "PS20" two digits
    if prefix is not None:
        s, unit = prefix
        rule_parts.append(Name.CURRENCY)
        if (
            not negative
            and s - 1 >= max(floor, claim)
            and text[s - 1] in "-−"
            and (s - 2 < floor or text[s - 2] in " (")
        ):
            s -= 1
            negative = True
    if negative and value is not None:
        value = -value
    # scale suffix
    scale = _scale_suffix(text, n, limit, bool(unit), catalogue)
    if scale is not None and value is not None:
        e, factor = scale
        if abs(value) * factor > 1e300:
            return None  # beyond any figure a text states
        value = tidy(value * factor)
    rule_parts.append(Name.NUMBER)
    error = _PLUS_MINUS.match(text, e, limit)
    margin: float | int | None = None
    if error is not None and value is not None and not unit:
        margin = number(error.group(1))  # "2,000.45±0.01 pounds": the unit follows the error
        e = error.end()
        rule_parts.append(Name.ERROR)
    # unit after
    age = False
    hyphen = False
    few = n.style == "vague" and text[e - 1 : e].isalpha() and text[s:e].lower().endswith(_SCALE_ENDS)
    if n.style != "vague" or few:  # "a few hundred metres" has its unit as a number does
        found = unit_after(text, e, limit, catalogue)
        if found is not None and unit and catalogue.unit(found.name).dimension != "currency":
            found = None  # "an $800 stone pizza oven": money is not weighed
        if found is not None and not unit:
            e, unit, age, hyphen = found.end, found.name, found.age, found.hyphen
            if unit == "degree angle" and _temperature(text, floor, limit):
                unit = "degree"  # "it is 30 degrees outside": a temperature, on a scale the text leaves unsaid
            unit = _pounds(text, n, unit, scale is not None, floor, e, limit)
            rule_parts.append(Name.UNIT)
        elif found is not None:
            e = found.end  # "$5 dollars", "$31.20 US": the currency said twice (other units were dropped above)
        elif unit:
            per = _compound(text, UnitMatch(e, unit), limit, catalogue)
            if per.name != unit:
                e, unit = per.end, per.name
                rule_parts.append(Name.PER_UNIT)
        if unit and rule_parts[-1] is not Name.UNIT and Name.CURRENCY not in rule_parts:
            rule_parts.append(Name.UNIT)
    elif (
        text[e - 2 : e].lower() == "of"
        and (found := unit_after(text, e, limit, catalogue)) is not None
        and catalogue.unit(found.name).dimension not in ("", "dimensionless")
    ):  # "tens of millions of dollars", "hundreds of miles"
        e, unit = found.end, _pounds(text, n, found.name, True, floor, found.end, limit)  # "thousands of pounds"
    modifier = not unit and not hyphen and e + 1 < limit and text[e] == "-" and text[e + 1].isalpha()
    if modifier and not rx(r"-(?:plus|odd)\b|-(?:to|and|through)-?\d").match(text[e:limit]):
        counted = _COUNTED_COMPOUND.match(text, e, limit) if n.style == "digits" and value is not None else None
        if counted is None or counted.group(1).lower() in _NOT_COUNTED:
            return None  # "four-cylinder", "six-speed", "one-time": a modifier, not a quantity
        if counted.group(1).lower() in _SCALE_LABELS:  # "a 7.8-magnitude earthquake": a rank on a scale
            return Draft(s, counted.end(1), value, value, value, "exact", "", (Name.NUMBER_SCALE,), kind="number",
                         style=n.style)  # fmt: skip
        if counted.group(1).lower() == "strong":  # "its 60,000-strong workforce": the noun after counts
            return Draft(s, counted.end(1), value, value, value, "exact", "", (Name.STRONG,),
                         after=counted.end(1), style=n.style)  # fmt: skip
        # "a 1,200-page report", "the 5,000-seat arena": the number counts the noun in the compound
        return Draft(s, counted.end(1), value, value, value, "exact", "", (Name.COMPOUND,),
                     entity=counted.group(1), style=n.style)  # fmt: skip
    if not unit and scale is None and e < limit and text[e].isalpha() and e == n.end:
        return None  # "5G", "3D", "4x4": letters against the digits make a name
    if not unit and n.style == "fraction":
        of = (_HALF_A if text[s:e].lower().endswith("half") else _OF_A).match(text, e, limit)  # "half an hour"
        found = unit_after(text, of.end(), limit, catalogue) if of else None
        if found is not None:
            e, unit = found.end, found.name
            rule_parts.append(Name.OF_A_UNIT)
    if age:
        m = _AGE.match(text, e, limit)
        assert m is not None
        e = m.end()
        rule_parts.append(Name.OLD)
    # qualifier before
    qualifier, low, high = "exact", value, value
    cue = _qualifier(text, s, max(floor, claim))
    if n.style == "vague":
        qualifier, low, high = "range", n.low, n.high
        rule_parts = [Name.VAGUE]
    elif cue is not None and not _spread_over(text, cue[0], claim, floor, e, limit, unit, catalogue):
        s, qualifier = cue
        rule_parts.insert(0, Name.QUALIFIER)
    elif text[max(floor, claim, s - 4) : s].lower() == "sub-":
        s -= 4
        qualifier = "upper_bound"
        rule_parts.insert(0, Name.SUB)
    written_after = ""  # the cue after the number: "or more", "+"
    for after, q in QUALIFIER_AFTER.items():
        end = e + len(after)
        if text.startswith(after, e) and end <= limit and (end == limit or not text[end].isalnum()):
            if after == "+" and e + 1 < limit and text[e + 1].isdigit():
                continue
            if after == " plus" and (
                qualifier != "exact"
                or (unit and catalogue.unit(unit).dimension == "currency" and _WORD_NEXT.match(text, end, limit))
            ):
                continue  # "€35 million plus add-ons", "$500 plus tax": an amount added, not "or more"
            e = end
            qualifier = q
            written_after = after.strip()
            break
    if n.style == "vague" and qualifier != "range":  # "a few hundred or more", "several thousand-odd"
        low = n.low if qualifier in ("approximate", "lower_bound") else None
        high = n.high if qualifier in ("approximate", "upper_bound") else None
        qualifier = "range" if qualifier == "approximate" else qualifier
    elif margin is not None and value is not None and qualifier == "exact":
        qualifier, low, high = "approximate", tidy(value - margin), tidy(value + margin)
    elif qualifier == "lower_bound":
        low, high = value, None
    elif qualifier == "upper_bound":
        low, high = None, value
    elif qualifier == "approximate":
        low, high = None, None
    draft = Draft(s, e, value, low, high, qualifier, unit, tuple(rule_parts), after=e, style=n.style, cue=written_after)
    if age:
        return draft._replace(rule=(Name.YEAR_OLD,), cue="")
    if unit or hyphen:
        return draft
    if n.style == "words" and value in (2, 3) and qualifier == "exact":
        noun = _A_NOUN_OR.search(text, max(floor, claim, s - 40), s)
        if noun is not None:  # "a day or two", "another pick or two"
            said = unit_after(text, noun.start(1) - 1, noun.end(1), catalogue)
            if said is not None and said.end == noun.end(1):
                return draft._replace(unit=said.name, rule=(Name.A_UNIT_OR,), cue="")
            return draft._replace(entity=noun.group(1), rule=(Name.A_NOUN_OR,), cue="")
    return _unitless(text, draft, n, floor, limit)


_A_NOUN_OR = regex.compile(r"(?i)\b(?:a|an|another)\s+(\p{L}[\p{L}-]*)\s+or\s+$")


_DATED_NOUN = regex.compile(r"(?i)\s+" + alternation(_LEX.dated_nouns) + r"\b")


_BEFORE_YEAR = regex.compile(r"\b" + alternation(_LEX.before_year) + r"\s+$")


_AGE_NOUN = regex.compile(r"(?i)\b(?:the|a|an)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s*$", regex.REVERSE)


_AGE_NAME = regex.compile(r"((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)\s*$", regex.REVERSE)


_RANGE_TO_UNIT = regex.compile(r"(?:-|\s*–\s*|\s+(?:to|and)\s+)[\d.,]+\s?[\p{L}%$€£°]")  # "3-4 L", "3 to 4 L"


_AGED = regex.compile(r"(?i)\b(?:aged|ages|age\s+of)\s+$", regex.REVERSE)  # "aged 50", "at the age of 75"


_OLDER_THAN = regex.compile(r"(?i)(?:older|younger)\s+than\s+")


_OF_A = regex.compile(r"\s+of\s+(?:a|an)\s+(?:US\s+|U\.S\.\s+|imperial\s+|metric\s+)?", regex.IGNORECASE)


_HALF_A = regex.compile(r"\s+(?:of\s+)?(?:a|an)\s+(?:US\s+|U\.S\.\s+|imperial\s+|metric\s+)?", regex.IGNORECASE)


_PARTICIPLE_NEXT = regex.compile(r"\s+\p{Ll}{3,}ed\b")


_DETERMINER_LEFT = regex.compile(r"(?i)\b(?:the|a|an|its|their|his|her|our|my|your|this|that)\s+$")


_ORDINAL_SKIP = regex.compile(
    r"(?i)\s*" + alternation(_LEX.ordinal_idioms) + r"\b|-" + alternation(_LEX.ordinal_compounds) + r"\b"
)


_PERSON_IS = regex.compile(
    r"(?i)\b(?:he|she|who|i|we|they|you)(?:\s+(?:is|was|were|are|am|turned|turns|will\s+be|would\s+be|had\s+been)|['’]s)"
    r"\s+(?:just\s+|only\s+|now\s+|nearly\s+|almost\s+)?$"
)


_AGE_ENDS = regex.compile(  # no noun after the age
    r"\s*(?:[.,;:!?)]|$|\s(?:by|in|on|at|when|last|this|next|and|or|but|years?\b))"
)


def _unitless(text: str, draft: Draft, n: Numeral, floor: int, limit: int) -> Draft | None:
    """A number with no unit: a year, a label, an age, a count or a bare number."""
    s, e = draft.start, draft.end
    raw = text[n.start : n.end]
    value = draft.value
    if n.style == "words" and value == 1 and raw.lower() == "one":
        left = text[max(floor, s - 12) : s]
        if _ONE_SKIP_BEFORE.search(left) or _ONE_SKIP_AFTER.match(text, e, limit):
            return None
        of = _OF_DET.match(text, e, limit)
        if of is not None:
            return draft._replace(rule=(Name.ONE_OF,), cue="", after=of.end())
    if (
        n.style == "digits"
        and rx(r"\d{4}").fullmatch(raw)
        and draft.qualifier == "exact"
        and isinstance(value, int)
        and 1000 <= value <= 2100
        and not (s > floor and text[s - 1] in "-−" and not (s - 2 >= floor and text[s - 2].isalpha()))
    ):  # a year, also "end-2024", "mid-2022"; not "-2024"
        left = text[max(floor, s - 12) : s].lower()
        strong = _BEFORE_YEAR.search(left)
        dated = _DATED_NOUN.match(text, e, limit)  # "2019 levels", "2010 prices": the year's
        counted = _PLURAL_NOUN.match(text, e, limit) and not strong and not dated
        if not counted and (1900 <= value <= 2100 or strong):
            return draft._replace(
                kind="date", date=str(value), value=None, low=None, high=None, rule=(Name.YEAR,), cue=""
            )
    if _AGED.search(text, max(floor, s - 16), s):
        return draft._replace(unit="year", rule=(Name.AGED,), cue="")  # "patients aged 50 to 75"
    if (
        isinstance(value, int)
        and 0 < value < 120
        and draft.qualifier in ("lower_bound", "upper_bound")
        and _PEOPLE_BOUND.search(text, max(floor, s - 24), n.start)
    ):
        return draft._replace(unit="year", rule=(Name.PEOPLE_AGE,), cue="")  # "men over 50", "children under 5"
    if isinstance(value, int) and 0 < value < 120 and _OLDER_THAN.match(text, s, n.start):
        return draft._replace(unit="year", rule=(Name.OLDER_THAN,), cue="")  # "people older than 65"
    if (
        isinstance(value, int)
        and 0 < value < 120
        and _PERSON_IS.search(text, max(floor, s - 20), s)
        and _AGE_ENDS.match(text, e, limit)
    ):
        return draft._replace(unit="year", rule=(Name.PERSON_IS,), cue="")  # "he will be 35 by then", "who was 10."
    if draft.qualifier == "exact" and n.style == "digits" and not draft.unit:
        scale = _LEFT_WORD.search(text, max(floor, s - 12), s)
        if scale is not None and scale.group(1) in _SCALE_LABELS:  # "a magnitude 6.4 earthquake", "category 4"
            return draft._replace(kind="number", rule=(Name.SCALE_NUMBER,), cue="")
    label = _is_label(text, draft.start, floor)
    if label and _RANGE_TO_UNIT.match(text, e, limit):
        label = ""  # "Pour 3 to 4 L": a range with a unit follows, so the word before is no name
    if label and draft.qualifier == "exact" and n.style == "digits":
        if label.lower().rstrip(".") in LABEL_NOUNS:
            return draft._replace(kind="number", rule=(Name.LABEL,), cue="")
        return None
    age = rx(r",\s*(\d{1,3})\s*,").match(text[draft.start - 2 : e + 2]) if draft.start - 2 >= floor else None
    if age is not None and n.style == "digits" and isinstance(value, int) and 0 < value < 120:
        name = _AGE_NAME.search(text, max(floor, s - 60), s - 2) or _AGE_NOUN.search(text, max(floor, s - 40), s - 2)
        if name is not None:  # "Maddon, 66,", "The senator, 72,"
            return draft._replace(unit="year", rule=(Name.NAME_AGE,), cue="", entity=name.group(1))
    return draft
