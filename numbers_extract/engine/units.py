"""The unit catalogue: quantulum3's units as data, plus what news needs (data/units.txt).

Loaded once, lazily, into an immutable :class:`Catalogue`; nothing here parses text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from .currencies import made
from .snapshot import SNAPSHOT


@dataclass(frozen=True, slots=True)
class Unit:
    """A canonical unit: its name (quantulum3's where it has one) and what it measures."""

    name: str
    dimension: str
    currency_code: str = ""


@dataclass(frozen=True, eq=False)  # identity-hashed: one per process, cached
class Catalogue:
    units: Mapping[str, Unit]
    words: Mapping[str, str]  # lower-cased surface -> unit name
    symbols: Mapping[str, str]  # exact symbol -> unit name
    prefixes: Mapping[str, str]  # currency written before the number -> unit name
    prefix_scales: Mapping[str, int]  # a prefix that scales the number too ("MUSD": millions) -> the scale
    spaced_prefixes: Mapping[str, str]  # a currency only a space before the number, after a lower-case word
    blocked: frozenset[str]  # not a unit when a space stands between it and the number
    never: frozenset[str]  # never a unit
    longest: int  # the most words a surface has
    heads: frozenset[str]  # the first word of every surface and symbol, lower-cased: a quick "no"
    longest_prefix: int  # characters in the longest currency prefix
    shares: frozenset[str]  # units of a share of a whole: a figure in one is of kind percent
    common_words: frozenset[str]  # units that are also common words: a unit only in lower case, before no noun
    singular: frozenset[str]  # surfaces written singular after any number (lower case): "5 mph", "10 kg"
    in_parts: tuple[Mapping[str, int], ...]  # units a measure is written in parts of, each its size in the smallest
    subunits: Mapping[str, tuple[str, int]]  # a currency -> its smaller denomination and how many make one
    money: Mapping[str, str]  # a surface (as written) -> the currency it names where money is spoken of before it
    context: Mapping[str, str]  # a surface (as written) -> the context rule that says whether it is a unit

    def unit(self, name: str) -> Unit:
        """The unit called ``name``; a composed "A per B" gets a composed dimension."""
        found = self.units.get(name)
        if found is not None:
            return found
        if " per " in name:
            top, _, bottom = name.partition(" per ")
            per = self.unit(bottom).dimension or bottom  # "euro per bottle": currency per bottle
            return Unit(name, f"{self.unit(top).dimension} per {per}")
        return Unit(name, "")

    def lookup(self, surface: str, attached: bool) -> str | None:
        """The unit a surface written after a number names, or None."""
        if surface in self.never:
            return None
        if not attached and (surface in self.blocked or (len(surface) > 2 and surface.lower() in self.blocked)):
            return None
        name = self.symbols.get(surface)
        if name is None:
            name = self.words.get(surface.lower())
        return name


def _directives(text: str) -> list[tuple[str, str]]:
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#") or not line:
            continue
        verb, _, rest = line.partition(" ")
        out.append((verb.rstrip(":"), rest.strip()))
    return out


def _items(rest: str) -> list[str]:
    return [s.strip() for s in rest.split(",") if s.strip()]


_LISTS = ("block", "never", "share", "common", "singular")  # directives that list surfaces or units
_UNIT_LISTS = ("share", "common")  # ... of them, those that list unit names


def _lists(
    directives: list[tuple[str, str]], units: Mapping[str, Unit]
) -> tuple[dict[str, set[str]], list[tuple[str, int, str]]]:
    """The block, never, share, common and singular lists, and the part lines as (NAME, N, SMALLER)."""
    lists: dict[str, set[str]] = {verb: set() for verb in _LISTS}
    parts: list[tuple[str, int, str]] = []
    for verb, rest in directives:
        if verb in _LISTS:
            lists[verb].update(_items(rest))
        elif verb == "part":
            name, _, written = rest.partition(":")
            count, _, smaller = written.strip().partition(" ")
            parts.append((name.strip(), int(count), smaller.strip()))
    named = [n for verb in _UNIT_LISTS for n in lists[verb]] + [n for big, _, small in parts for n in (big, small)]
    if any(name not in units for name in named):
        raise ValueError(f"data/units.txt: unknown units {[n for n in named if n not in units]}")
    return lists, parts


def _in_parts(parts: list[tuple[str, int, str]]) -> tuple[Mapping[str, int], ...]:
    """From "part NAME: N SMALLER" lines, the chains of units a measure is written in ("6ft 4in"), each
    unit with its size in the chain's smallest unit (a foot is 12 inches), in the order of the file."""
    bigger = {small: (big, count) for big, count, small in parts}
    bigs = {big for big, _, _ in parts}
    chains: list[dict[str, int]] = []
    for _, _, smallest in parts:
        if smallest in bigs or any(smallest in chain for chain in chains):
            continue
        chain, unit = {smallest: 1}, smallest
        while unit in bigger:  # up the chain: a foot is 12 inches, a yard 3 feet, so 36 inches
            big, count = bigger[unit]
            chain[big] = count * chain[unit]
            unit = big
        chains.append(chain)
    return tuple(MappingProxyType(dict(sorted(c.items(), key=lambda kv: -kv[1]))) for c in chains)


def _add_cldr(
    units: dict[str, Unit], words: dict[str, str], symbols: dict[str, str], prefixes: dict[str, str]
) -> Mapping[str, int]:
    """Adds the currencies CLDR names (engine/currencies.py) under what the catalogue already has; returns
    the scales of the scaled codes ("MUSD")."""
    codes = {unit.currency_code: name for name, unit in reversed(units.items()) if unit.currency_code}
    cldr = made(codes, prefixes, words)
    for name, code in cldr.units.items():
        known = units.get(name)
        if known is None or (known.dimension == "currency" and not known.currency_code):
            units[name] = Unit(name, "currency", code)
    for added, into in ((cldr.words, words), (cldr.symbols, symbols), (cldr.prefixes, prefixes)):
        for surface, name in added.items():
            into.setdefault(surface, name)
    return MappingProxyType({p: s for p, s in cldr.prefix_scales.items() if prefixes[p] == cldr.prefixes[p]})


_SURFACES = ("word", "symbol", "prefix", "spaced", "prefer", "money")  # directives that name a unit's surfaces
_MADE = ("si-prefix", "si", "dotted")  # directives read by _si and _dotted: surfaces made, not listed


def _surfaces(additions: str, units: dict[str, Unit]) -> dict[str, dict[str, str]]:
    """data/units.txt's unit lines applied to ``units``, and its surfaces by directive: surface -> unit
    name (the words lower-cased)."""
    out: dict[str, dict[str, str]] = {verb: {} for verb in _SURFACES}
    for verb, rest in _directives(additions):
        if verb == "unit":
            name, _, dimension = (s.strip() for s in rest.partition("|"))
            units[name] = Unit(name, dimension, units[name].currency_code if name in units else "")
            continue
        if verb in _LISTS or verb in _MADE or verb in ("part", "context"):
            continue  # read by _lists, _si and _dotted
        if verb not in out:
            raise ValueError(f"data/units.txt: unknown directive {verb!r}")
        name, _, surfaces = rest.partition(":")
        name = name.strip()
        if name not in units and verb != "money":  # money names CLDR's currencies, added later
            raise ValueError(f"data/units.txt: unknown unit {name!r} in {verb!r}")
        for surface in _items(surfaces):
            out[verb][surface.lower() if verb == "word" else surface] = name
    return out


@dataclass(frozen=True, slots=True)
class Prefix:
    """An SI prefix: its symbol, each other way its symbol is written (micro: "µ" U+00B5 and "μ"
    U+03BC), its name and its power of ten."""

    symbols: tuple[str, ...]
    name: str
    power: int


def si_prefixes(directives: list[tuple[str, str]]) -> dict[str, Prefix]:
    """data/units.txt's "si-prefix SYMBOL NAME POWER [ALSO ...]" lines, by the prefix's first symbol."""
    out = {}
    for verb, rest in directives:
        if verb == "si-prefix":
            symbol, name, power, *also = rest.split()
            out[symbol] = Prefix((symbol, *also), name, int(power))
    return out


def _prefixable(word: str, name: str) -> bool:
    """A word of a unit a prefix is written against: one that starts as the unit's name does ("meter",
    "secs", "amps"), not another name of it ("cubic decimetre" for a litre)."""
    return word[:3].lower() == name[:3].lower()


def _si(
    directives: list[tuple[str, str]], units: dict[str, Unit], words: dict[str, str], symbols: dict[str, str]
) -> None:
    """The SI units with prefixes, made from data/units.txt's "si NAME: SYMBOL ... | PREFIX ..." lines and
    its prefix table: each prefixed unit (named prefix + unit: "nanogram"), its symbols (every way of
    writing the prefix, against each symbol of the unit: "µm" and "μm") and its words (the prefix's name
    against each word of the unit: "nanograms", "kilowatt-hours"). What the catalogue has already wins:
    quantulum3's and this file's surfaces are never overwritten."""
    prefixes = si_prefixes(directives)
    words_of: dict[str, list[str]] = {}
    for word, unit in words.items():
        words_of.setdefault(unit, []).append(word)
    for verb, rest in directives:
        if verb != "si":
            continue
        head, _, taken = rest.partition("|")
        base, _, unit_symbols = head.partition(":")
        base = base.strip()
        if base not in units:
            raise ValueError(f"data/units.txt: unknown unit {base!r} in 'si'")
        unit_words = [w for w in words_of.get(base, ()) if _prefixable(w, base)]
        for key in taken.split():
            prefix = prefixes[key]
            made = prefix.name + base
            spelt = [written + symbol for symbol in unit_symbols.split() for written in prefix.symbols]
            known = next((symbols[s] for s in spelt if s in symbols), None)  # "µL" is quantulum3's: so "μL"
            name = made if made in units else known or made
            units.setdefault(name, Unit(name, units[base].dimension))
            for symbol in spelt:
                symbols.setdefault(symbol, known or name)
            for word in unit_words:
                words.setdefault(prefix.name + word, name)


def _dotted(directives: list[tuple[str, str]], words: dict[str, str], symbols: Mapping[str, str]) -> None:
    """Abbreviations also written with a full stop after each letter, made from data/units.txt's
    "dotted: abbreviation, ..." lines: "mph" as "m.p.h." (and "m.p.h", as a sentence's full stop may
    take the last one)."""
    for verb, rest in directives:
        if verb == "dotted":
            for abbreviation in _items(rest):
                name = symbols.get(abbreviation) or words[abbreviation.lower()]
                dotted = ".".join(abbreviation.lower())
                words.setdefault(dotted + ".", name)
                words.setdefault(dotted, name)


def _spaced(surface: str) -> str:
    """A quantulum3 surface as it is written: its index wrote "baker's dozen" as "baker   dozen"."""
    return surface.replace("   ", "'s ")


@cache
def load_catalogue() -> Catalogue:
    """quantulum3's snapshot with data/units.txt applied on top. Cached: load once."""
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    units = {name: Unit(name, spec["dimension"], spec["currency_code"]) for name, spec in snapshot["units"].items()}
    additions = resources.files("numbers_extract").joinpath("data/units.txt").read_text(encoding="utf-8")
    by_verb = _surfaces(additions, units)
    prefer, prefixes = by_verb["prefer"], by_verb["prefix"]

    def resolve(surface: str, names: list[str]) -> str:
        return prefer.get(surface) or prefer.get(surface.lower()) or names[0]

    words = {_spaced(s).lower(): resolve(s, names) for s, names in snapshot["surfaces"].items()}
    words.update(by_verb["word"])
    symbols = {s: resolve(s, names) for s, names in snapshot["symbols"].items()}
    symbols.update(by_verb["symbol"])
    directives = _directives(additions)
    _si(directives, units, words, symbols)
    _dotted(directives, words, symbols)
    context = {
        surface: rule.partition(":")[0].strip()
        for verb, rule in directives
        if verb == "context"
        for surface in _items(rule.partition(":")[2])
    }
    prefix_scales = _add_cldr(units, words, symbols, prefixes)
    lists, parts = _lists(directives, units)
    if any(name not in units for name in by_verb["money"].values()):
        raise ValueError(
            f"data/units.txt: unknown units in 'money': {sorted(set(by_verb['money'].values()) - set(units))}"
        )
    longest = max(len(s.split()) for s in [*words, *symbols])
    heads = frozenset(s.split()[0].lower() for s in [*words, *symbols] if s.split())
    return Catalogue(
        units=MappingProxyType(units),
        words=MappingProxyType(words),
        symbols=MappingProxyType(symbols),
        prefixes=MappingProxyType(prefixes),
        prefix_scales=prefix_scales,
        spaced_prefixes=MappingProxyType(by_verb["spaced"]),
        blocked=frozenset(lists["block"]),
        never=frozenset(lists["never"]),
        longest=longest,
        heads=heads,
        longest_prefix=max(len(p) for p in prefixes),
        shares=frozenset(lists["share"]),
        common_words=frozenset(lists["common"]),
        singular=frozenset(s.lower() for s in lists["singular"]),
        in_parts=_in_parts([p for p in parts if units[p[0]].dimension != "currency"]),
        subunits=MappingProxyType({big: (small, n) for big, n, small in parts if units[big].dimension == "currency"}),
        money=MappingProxyType(by_verb["money"]),
        context=MappingProxyType(context),
    )
