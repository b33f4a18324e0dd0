"""What is written after a number, read in order: its unit (:data:`UNIT`), a hyphenated word that makes
it a modifier or counts a noun (:data:`COMPOUND`), "of a" before a unit for a fraction, and "old".
"""

from __future__ import annotations

from enum import Enum

import regex

from ..lexicon import alternation, lexicon
from ..names import Name
from ..numerals import tidy
from ..rules import Rule, Table
from .draft import Draft, UnitMatch
from .reading import DROP, STEPS, Read, Reading, Verdict
from .unit_after import _AGE, _compound, _pounds, unit_after
from .unit_context import temperature

Match = regex.Match[str]

_LEX = lexicon()
_SCALES = {
    **{word: n for word, n in _LEX.number_scales.items() if n >= 1000},  # "5 dollars hundred" is no sum
    **{word: _LEX.scale_suffixes[word] for word in _LEX.scale_suffixes_spaced},
}
_SCALE_AFTER = regex.compile(r"\s+(" + alternation(_SCALES) + r")\b")
_SCALE_ENDS = tuple(_LEX.number_scales)  # "a few hundred", "several thousand"
_SCALE_LABELS = _LEX.scale_labels  # lower case, a rank on a scale
_NOT_COUNTED = _LEX.not_counted_compounds
_COUNTED_COMPOUND = regex.compile(r"-(\p{Ll}{3,})(?=\s+\p{L})")  # "a 1,200-page report", "the 100-member Senate"
_NO_MODIFIER = regex.compile(r"-(?:plus|odd)\b|-(?:to|and|through)-?\d")  # a cue or a range, after the hyphen
_OF_A = regex.compile(r"\s+of\s+(?:a|an)\s+(?:US\s+|U\.S\.\s+|imperial\s+|metric\s+)?", regex.IGNORECASE)
_HALF_A = regex.compile(r"\s+(?:of\s+)?(?:a|an)\s+(?:US\s+|U\.S\.\s+|imperial\s+|metric\s+)?", regex.IGNORECASE)


class Unit(Enum):
    """The rules of :data:`UNIT`, in order: the unit written after a number."""

    SCALE_AFTER = "a scale after the currency written after the number: '75 USD million', '3 euros bn'"
    WRITTEN = (
        "the unit written after the number: '5 km', '40%', '3 miles an hour', '30 degrees' (a temperature in a"
        " sentence of weather, or below zero: '-5°')"
    )
    SAID_TWICE = "the currency said again after it: '$5 dollars', '$31.20 US'"
    PER = "a rate after a currency: '$5 a share', '€3 per litre'"
    OF_VAGUE = "a unit after a vague count and 'of': 'tens of millions of dollars', 'hundreds of miles'"


def _is_currency(r: Reading, found: UnitMatch) -> bool:
    return r.catalogue.unit(found.name).dimension == "currency"


def _unit_unsaid(r: Reading) -> bool:
    return r.found is not None and not r.unit


def _written(r: Reading, m: Match | None) -> Reading | None:
    found = r.found
    assert found is not None
    unit = found.name
    if unit == "degree angle" and (r.negative or temperature(r.text, r.floor, r.limit)):
        unit = "degree"  # "it is 30 degrees outside", "-5° at dawn": a temperature, on a scale the text leaves unsaid
    unit = _pounds(r.text, r.n, unit, r.scaled, r.floor, found.end, r.limit, r.catalogue)
    said_after = (*r.said_after, Name.UNIT)
    return r.replace(after=found.end, unit=unit, age=found.age, hyphen=found.hyphen, said_after=said_after)


def _scale_next(r: Reading) -> Match | None:
    """A scale word right after a currency written after an unscaled number ("75 USD million")."""
    found = r.found
    if found is None or r.unit or r.scaled or r.n.scaled or r.value is None or not _is_currency(r, found):
        return None
    return _SCALE_AFTER.match(r.text, found.end, r.limit)


def _scale_after(r: Reading, m: Match | None) -> Reading | None:
    scale = _scale_next(r)
    written = _written(r, m)
    if scale is None or written is None or r.value is None:
        return None
    factor = _SCALES[scale.group(1)]
    return written.replace(after=scale.end(), value=tidy(r.value * factor), scaled=True)


def _currency_again(r: Reading) -> bool:
    return r.found is not None and bool(r.unit) and _is_currency(r, r.found)


def _said_twice(r: Reading, m: Match | None) -> Reading | None:
    assert r.found is not None
    return r.replace(after=r.found.end)


def _rate_after(r: Reading) -> bool:
    """A currency, and no unit after it but money ("an $800 stone pizza oven": money is not weighed)."""
    if not r.unit or (r.found is not None and _is_currency(r, r.found)):
        return False
    return r.n.style != "vague" or _few(r)


def _per(r: Reading, m: Match | None) -> Reading | None:
    per = _compound(r.text, UnitMatch(r.after, r.unit), r.limit, r.catalogue)
    if per.name == r.unit:
        return None
    return r.replace(after=per.end, unit=per.name, said_after=(*r.said_after, Name.PER_UNIT))


def _vague_of(r: Reading) -> bool:
    e = r.after
    return r.n.style == "vague" and not _few(r) and r.text[e - 2 : e].lower() == "of"


def _of_vague(r: Reading, m: Match | None) -> Reading | None:
    found = unit_after(r.text, r.after, r.limit, r.catalogue)
    if found is None or r.catalogue.unit(found.name).dimension in ("", "dimensionless"):
        return None
    unit = _pounds(r.text, r.n, found.name, True, r.floor, found.end, r.limit, r.catalogue)  # "thousands of pounds"
    return r.replace(after=found.end, unit=unit)


UNIT: Table[Reading, Reading] = Table(
    "unit",
    "unit",
    (
        Rule(Unit.SCALE_AFTER, _scale_after, when=lambda r: _scale_next(r) is not None),
        Rule(Unit.WRITTEN, _written, when=_unit_unsaid),
        Rule(Unit.SAID_TWICE, _said_twice, when=_currency_again),
        Rule(Unit.PER, _per, when=_rate_after),
        Rule(Unit.OF_VAGUE, _of_vague, when=_vague_of),
    ),
)


def _few(r: Reading) -> bool:
    """ "a few hundred", "several thousand": a vague count that ends with a scale, read as a number is."""
    e = r.after
    return r.text[e - 1 : e].isalpha() and r.text[r.start : e].lower().endswith(_SCALE_ENDS)


def unit(r: Reading) -> Reading:
    """The unit written after the number, by the first rule of :data:`UNIT` that decides."""
    if r.n.style != "vague" or _few(r):  # "a few hundred metres" has its unit as a number does
        found = unit_after(r.text, r.after, r.limit, r.catalogue)
        if found is None and not r.unit:
            return r  # no unit written, none before: no rule of the table has anything to read
        r = r.replace(found=found)
    picked = UNIT.pick(r)
    return picked[1] if picked is not None else r


class Compound(Enum):
    """The rules of :data:`COMPOUND`, in order: a number joined by a hyphen to a word, or letters."""

    MODIFIER = "a modifier, not a quantity: 'four-cylinder', 'six-speed', 'one-time' (no figure)"
    NUMBER_SCALE = "a rank on a scale: 'a 7.8-magnitude earthquake'"
    STRONG = "'-strong': the noun after counts: 'its 60,000-strong workforce'"
    COUNTED = "the number counts the noun in the compound: 'a 1,200-page report', 'the 5,000-seat arena'"
    LETTERS = "letters against the digits make a name: '5G', '3D', '4x4' (no figure)"


def _hyphen_word(r: Reading) -> bool:
    """A word joined by a hyphen (the pattern matched), no unit read, and no cue nor range after the hyphen."""
    return (
        not r.unit
        and not r.hyphen
        and r.text[r.after + 1].isalpha()
        and not _NO_MODIFIER.match(r.text[r.after : r.limit])
    )


def _counted(r: Reading) -> Match | None:
    return _COUNTED_COMPOUND.match(r.text, r.after, r.limit) if r.n.style == "digits" and r.value is not None else None


def _modifier(r: Reading, m: Match | None) -> Verdict | None:
    if not _hyphen_word(r):
        return None
    counted = _counted(r)
    return DROP if counted is None or counted.group(1).lower() in _NOT_COUNTED else None


def _hyphen_noun(r: Reading) -> bool:
    return r.n.style == "digits" and r.value is not None and _hyphen_word(r)


_HYPHEN_LETTER = regex.compile(r"-\p{L}")
_LETTER = regex.compile(r"\p{L}")


def _number_scale(r: Reading, m: Match | None) -> Verdict | None:
    assert m is not None
    if m.group(1).lower() not in _SCALE_LABELS or not _hyphen_noun(r):
        return None
    v = r.value
    return Draft(r.start, m.end(1), v, v, v, "exact", "", (Name.NUMBER_SCALE,), kind="number", style=r.n.style)


def _strong(r: Reading, m: Match | None) -> Verdict | None:
    assert m is not None
    if m.group(1).lower() != "strong" or not _hyphen_noun(r):
        return None
    v = r.value
    return Draft(r.start, m.end(1), v, v, v, "exact", "", (Name.STRONG,), after=m.end(1), style=r.n.style)


def _counted_noun(r: Reading, m: Match | None) -> Verdict | None:
    assert m is not None
    if not _hyphen_noun(r):
        return None
    v = r.value
    return Draft(r.start, m.end(1), v, v, v, "exact", "", (Name.COMPOUND,), entity=m.group(1), style=r.n.style)


def _letters(r: Reading, m: Match | None) -> Verdict | None:
    e = r.after  # a letter right after the digits (the pattern matched)
    return DROP if not r.unit and not r.scaled and r.text[e].isalpha() and e == r.n.end else None


COMPOUND: Table[Reading, Verdict] = Table(
    "compound",
    "figure",
    (
        Rule(Compound.MODIFIER, _modifier, _HYPHEN_LETTER, "after"),
        Rule(Compound.NUMBER_SCALE, _number_scale, _COUNTED_COMPOUND, "after"),
        Rule(Compound.STRONG, _strong, _COUNTED_COMPOUND, "after"),
        Rule(Compound.COUNTED, _counted_noun, _COUNTED_COMPOUND, "after"),
        Rule(Compound.LETTERS, _letters, _LETTER, "after"),
    ),
)


def compound(r: Reading) -> Reading | Verdict:
    """A hyphenated word or letters right after the number, by the first rule of :data:`COMPOUND` that
    decides. The cheap test of its rules, all at once: a hyphen or a letter right after the number."""
    e = r.after
    if e >= r.limit or not (r.text[e] == "-" or r.text[e].isalpha()):
        return r
    picked = COMPOUND.pick(r)
    return picked[1] if picked is not None else r


def of_a_unit(r: Reading) -> Reading:
    """A fraction of a unit: "half an hour", "a third of a mile"."""
    if r.unit or r.n.style != "fraction":
        return r
    s, e = r.start, r.after
    of = (_HALF_A if r.text[s:e].lower().endswith("half") else _OF_A).match(r.text, e, r.limit)
    found = unit_after(r.text, of.end(), r.limit, r.catalogue) if of else None
    if found is None:
        return r
    r = r.replace(after=found.end, unit=found.name, said_after=(*r.said_after, Name.OF_A_UNIT))
    r.note(STEPS, "unit", Read.OF_A_UNIT, found.name)
    return r


def old(r: Reading) -> Reading:
    """ "a 40-year-old man": "old" after a span of time."""
    if not r.age:
        return r
    m = _AGE.match(r.text, r.after, r.limit)
    assert m is not None
    r = r.replace(after=m.end(), said_after=(*r.said_after, Name.OLD))
    r.note(STEPS, "unit", Read.OLD)
    return r


_BELOW_ZERO = regex.compile(r"\s+below\s+zero\b", regex.IGNORECASE)


def below_zero(r: Reading) -> Reading:
    """ "20 degrees below zero", "5 below zero": a temperature under zero, the number negated (degrees
    below zero are a temperature, whatever else the sentence says)."""
    if r.text.find("below", r.after, r.after + 8) < 0:
        return r  # most figures: said at once
    m = _BELOW_ZERO.match(r.text, r.after, r.limit) if r.value is not None and r.value > 0 else None
    if m is None or r.value is None or (r.unit and r.catalogue.unit(r.unit).dimension not in ("temperature", "angle")):
        return r
    unit = "degree" if r.unit in ("", "degree angle") else r.unit
    r = r.replace(after=m.end(), value=tidy(-r.value), unit=unit, said_after=(*r.said_after, Name.BELOW_ZERO))
    r.note(STEPS, "value", Read.BELOW_ZERO)
    return r
