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
    blocked: frozenset[str]  # not a unit when a space stands between it and the number
    never: frozenset[str]  # never a unit
    longest: int  # the most words a surface has
    heads: frozenset[str]  # the first word of every surface and symbol, lower-cased: a quick "no"
    longest_prefix: int  # characters in the longest currency prefix

    def unit(self, name: str) -> Unit:
        """The unit called ``name``; a composed "A per B" gets a composed dimension."""
        found = self.units.get(name)
        if found is not None:
            return found
        if " per " in name:
            top, _, bottom = name.partition(" per ")
            return Unit(name, f"{self.unit(top).dimension} per {self.unit(bottom).dimension}")
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


@cache
def load_catalogue() -> Catalogue:
    """quantulum3's snapshot with data/units.txt applied on top. Cached: load once."""
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    units = {name: Unit(name, spec["dimension"], spec["currency_code"]) for name, spec in snapshot["units"].items()}
    prefer: dict[str, str] = {}
    words_added: dict[str, str] = {}
    symbols_added: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    blocked: set[str] = set()
    never: set[str] = set()
    additions = resources.files("numbers_extract").joinpath("data/units.txt").read_text(encoding="utf-8")
    for verb, rest in _directives(additions):
        if verb == "unit":
            name, _, dimension = (s.strip() for s in rest.partition("|"))
            units[name] = Unit(name, dimension, units[name].currency_code if name in units else "")
            continue
        if verb in ("block", "never"):
            (blocked if verb == "block" else never).update(_items(rest))
            continue
        name, _, surfaces = rest.partition(":")
        name = name.strip()
        if name not in units:
            raise ValueError(f"data/units.txt: unknown unit {name!r} in {verb!r}")
        for surface in _items(surfaces):
            if verb == "word":
                words_added[surface.lower()] = name
            elif verb == "symbol":
                symbols_added[surface] = name
            elif verb == "prefix":
                prefixes[surface] = name
            elif verb == "prefer":
                prefer[surface] = name
            else:
                raise ValueError(f"data/units.txt: unknown directive {verb!r}")

    def resolve(surface: str, names: list[str]) -> str:
        return prefer.get(surface) or prefer.get(surface.lower()) or names[0]

    words = {s.lower(): resolve(s, names) for s, names in snapshot["surfaces"].items()}
    words.update(words_added)
    symbols = {s: resolve(s, names) for s, names in snapshot["symbols"].items()}
    symbols.update(symbols_added)
    longest = max(len(s.split()) for s in [*words, *symbols])
    heads = frozenset(s.split()[0].lower() for s in [*words, *symbols] if s.split())
    return Catalogue(
        units=MappingProxyType(units),
        words=MappingProxyType(words),
        symbols=MappingProxyType(symbols),
        prefixes=MappingProxyType(prefixes),
        blocked=frozenset(blocked),
        never=frozenset(never),
        longest=longest,
        heads=heads,
        longest_prefix=max(len(p) for p in prefixes),
    )
