"""Every currency, from CLDR by babel: the ISO 4217 codes, English names and symbols that the unit
catalogue (quantulum3's snapshot and data/units.txt) lacks, made into surfaces once.

What is made, for each code with an English name (a name with a parenthesis, "Argentine peso
(1881–1970)", is a superseded issue of a currency listed under another code, and is skipped):

- the code before a number ("PHP 25") and after it ("25 PHP"), in capitals and in lower case (in
  capitals only where the code is an English word, lexicon currency_codes_english), and with a scale
  letter before it ("MUSD 30", lexicon currency_code_scales);
- the English singular and plural names after a number ("25 Philippine pesos");
- the last word of the names ("pesos", "ringgit"): the currency's if only one currency ends so; the
  catalogue's if it has the word ("peso" is the Mexican peso there); else a unit named by the word,
  of dimension currency ("80 guilders": the text does not say whose);
- CLDR's English symbol where it is not the code ("₱75").

A code's unit is the catalogue's where it has the currency (found by the code: "USD" is "dollar",
"ILS" "shekel"), else babel's English name in lower case ("philippine peso"). What the catalogue
says wins over what is made here; lexicon currency_codes_excluded lists the codes made into nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

from babel.numbers import get_currency_name, get_currency_symbol, list_currencies

from .lexicon import lexicon


class Cldr(NamedTuple):
    """A currency as CLDR writes it in English."""

    code: str
    singular: str
    plural: str
    symbol: str


class Made(NamedTuple):
    """The surfaces made from CLDR, to add to a catalogue under what it already has."""

    units: Mapping[str, str]  # a new currency unit's name -> its code ("" for a word's own unit)
    words: Mapping[str, str]  # lower-cased surface after a number -> unit name
    symbols: Mapping[str, str]  # exact surface after a number -> unit name
    prefixes: Mapping[str, str]  # exact surface before a number -> unit name
    prefix_scales: Mapping[str, int]  # a prefix with a scale letter -> the scale ("MUSD" -> 1000000)


@cache
def cldr_currencies() -> tuple[Cldr, ...]:
    """Every ISO 4217 code CLDR names in English without a parenthesis, less the excluded ones."""
    excluded = lexicon().currency_codes_excluded
    out = []
    for code in sorted(list_currencies()):
        singular = get_currency_name(code, count=1, locale="en")
        plural = get_currency_name(code, count=2, locale="en")
        if code.lower() in excluded or "(" in singular + plural or singular == code:
            continue
        out.append(Cldr(code, singular, plural, get_currency_symbol(code, "en")))
    return tuple(out)


def _last_words(named: Mapping[str, Cldr], words: Mapping[str, str]) -> dict[str, str]:
    """The last word of each currency's names, singular and plural: whose it is (see the docstring)."""
    owners: dict[str, set[str]] = {}
    plurals: dict[str, set[str]] = {}
    for name, c in named.items():
        single, many = c.singular.split()[-1].lower(), c.plural.split()[-1].lower()
        owners.setdefault(single, set()).add(name)
        plurals.setdefault(single, set()).add(many)
    out: dict[str, str] = {}
    for single, names in owners.items():
        unit = words.get(single) or (next(iter(names)) if len(names) == 1 else single)
        for surface in (single, *plurals[single]):
            out[surface] = unit
    return out


def made(codes: Mapping[str, str], prefixes: Mapping[str, str], words: Mapping[str, str]) -> Made:
    """The surfaces CLDR adds to a catalogue whose currencies by code are ``codes`` (code -> unit name),
    whose prefixes are ``prefixes`` and whose words (lower case) are ``words``."""
    lex = lexicon()
    named: dict[str, Cldr] = {}
    for c in cldr_currencies():
        named[prefixes.get(c.code) or codes.get(c.code) or c.singular.lower()] = c
    new_units: dict[str, str] = {name: c.code for name, c in named.items() if name not in codes.values()}
    made_words: dict[str, str] = {}
    symbols: dict[str, str] = {}
    made_prefixes: dict[str, str] = {}
    scales: dict[str, int] = {}
    for name, c in named.items():
        english = c.code.lower() in lex.currency_codes_english
        for surface in (c.singular, c.plural):
            made_words[surface.lower()] = name
        if not english:
            made_words[c.code.lower()] = made_prefixes[c.code.lower()] = name
        symbols[c.code] = made_prefixes[c.code] = name
        if c.symbol != c.code:
            made_prefixes[c.symbol] = name
    for name, c in named.items():  # scaled codes after the codes: "MMK" is the kyat, not thousands of "MK"
        for letter, scale in lex.currency_code_scales.items():
            if c.code.lower() not in lex.currency_codes_english and letter + c.code not in made_prefixes:
                made_prefixes[letter + c.code], scales[letter + c.code] = name, scale
    for word, unit in _last_words(named, words).items():
        made_words.setdefault(word, unit)
        if unit not in named:
            new_units.setdefault(unit, "")
    return Made(
        MappingProxyType(new_units),
        MappingProxyType(made_words),
        MappingProxyType(symbols),
        MappingProxyType(made_prefixes),
        MappingProxyType(scales),
    )
