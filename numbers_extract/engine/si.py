"""The table's SI columns: a figure's value and bounds in the SI unit of its dimension (data/si.txt).

pint's conversions, snapshotted: data/si_factors.tsv holds each unit's factor and offset to its SI
unit as pint gives them (written by ``python -m numbers_extract.engine.snapshot``, which reads
data/si.txt, and checked by a test), so pint is never imported here: its import and registry take
2-3 s a process. :func:`conversion` reads a unit's line once (cached), and each figure is then
multiplied (:meth:`Si.of`). Money keeps its numbers, in its ISO 4217 code; a rate ("A per B", the
catalogue's composed units) is converted from its parts.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from ..table import Number
from .snapshot import SI_FACTORS
from .units import _directives, _items, load_catalogue

CONVERTED = ("money", "measure", "duration")
"""The kinds a figure has an SI value in: a date, a time, an ordinal, a count, a share or a bare
number has none."""

_PER = " per "  # a composed unit's name, as the catalogue writes it ("dollar per barrel")
_DIGITS = 15  # significant digits an SI value keeps: float noise ("0.30000000000000004") goes


@dataclass(frozen=True, slots=True)
class Si:
    """A unit's conversion: ``si = value * factor + offset``, in the table's ``unit``."""

    unit: str  # the table's si_unit: an SI symbol ("m²"), an ISO 4217 code ("USD"), a rate ("USD/barrel")
    factor: float = 1.0
    offset: float = 0.0

    def of(self, number: Number | None) -> Number | None:
        """``number`` in the SI unit: unchanged where the factor is one (money, metres), else a float
        of 15 significant digits; None where there is no number or it is too large for a float."""
        if number is None or (self.factor == 1 and self.offset == 0):
            return number
        try:
            si = number * self.factor + self.offset
        except OverflowError:  # an int of hundreds of digits
            return None
        return float(f"{si:.{_DIGITS}g}") if math.isfinite(si) else None

    def all(
        self, value: Number | None, low: Number | None, high: Number | None
    ) -> tuple[Number | None, Number | None, Number | None]:
        """A figure's value, low and high in the SI unit, each number converted once (an exact figure
        is the same number three times)."""
        si_value = self.of(value)
        si_low = si_value if low == value else self.of(low)
        si_high = si_value if high == value else si_low if high == low else self.of(high)
        return si_value, si_low, si_high


@dataclass(frozen=True, slots=True)
class Target:
    """An SI unit: its symbol as the table writes it, and pint's expression for it."""

    symbol: str
    pint: str


@dataclass(frozen=True, eq=False)  # identity-hashed: one per process, cached
class SiData:
    """data/si.txt, read."""

    dimensions: Mapping[str, Target]  # dimension -> its SI unit
    pint: Mapping[str, str]  # unit name -> pint's expression for it
    own: Mapping[str, Target]  # unit name -> its SI unit, where not its dimension's
    money: Mapping[str, tuple[float, str]]  # currency unit without a code -> (factor, code)
    none: Mapping[str, str]  # unit name -> why it has no SI value
    none_dimensions: Mapping[str, str]  # dimension -> why its units have no SI value


def _target(rest: str) -> tuple[str, Target]:
    key, _, spec = rest.partition(":")
    symbol, _, expression = spec.partition("=")
    return key.strip(), Target(symbol.strip(), expression.strip())


@cache
def load_si() -> SiData:
    """data/si.txt, parsed once."""
    text = resources.files("numbers_extract").joinpath("data/si.txt").read_text(encoding="utf-8")
    dimensions: dict[str, Target] = {}
    own: dict[str, Target] = {}
    named: dict[str, str] = {}
    money: dict[str, tuple[float, str]] = {}
    none: dict[str, str] = {}
    none_dimensions: dict[str, str] = {}
    for verb, rest in _directives(text):
        key, _, value = (s.strip() for s in rest.partition(":"))
        if verb == "dimension":
            dimensions.update([_target(rest)])
        elif verb == "own":
            own.update([_target(rest)])
        elif verb == "pint":
            named[key] = value
        elif verb == "money":
            factor, code = value.split()
            money[key] = (float(factor), code)
        elif verb == "none":
            none.update(dict.fromkeys(_items(key), value))
        elif verb == "none-dimension":
            none_dimensions[key] = value
        else:
            raise ValueError(f"data/si.txt: unknown directive {verb!r}")
    return SiData(
        MappingProxyType(dimensions),
        MappingProxyType(named),
        MappingProxyType(own),
        MappingProxyType(money),
        MappingProxyType(none),
        MappingProxyType(none_dimensions),
    )


@cache
def load_factors() -> Mapping[str, Si]:
    """data/si_factors.tsv, read once: unit name -> its conversion, pint's factor and offset."""
    factors: dict[str, Si] = {}
    for line in SI_FACTORS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, unit, factor, offset = line.split("\t")
            factors[name] = Si(unit, float(factor), float(offset))
    return MappingProxyType(factors)


def planned(name: str) -> Si | Target | str:
    """What data/si.txt says of the catalogue unit ``name``: why it has no SI value, its conversion
    where pint has no part in it (money), or the SI unit pint converts it to (its factor is in
    data/si_factors.tsv)."""
    data = load_si()
    unit = load_catalogue().units.get(name)
    if unit is None:
        return f"no unit of the catalogue: {name!r}"
    if name in data.none:
        return data.none[name]
    if unit.dimension in data.none_dimensions:
        return data.none_dimensions[unit.dimension]
    if unit.dimension == "currency":
        if unit.currency_code:
            return Si(unit.currency_code)
        if name in data.money:
            factor, code = data.money[name]
            return Si(code, factor)
        return f"not in data/si.txt: a currency without an ISO 4217 code: {name!r}"
    target = data.own.get(name) or data.dimensions.get(unit.dimension)
    if target is None:
        return f"not in data/si.txt: the dimension {unit.dimension!r} of {name!r}"
    return target


@cache
def conversion(name: str) -> Si | str:
    """The SI conversion of the catalogue unit ``name``, or why it has none (data/si.txt says why)."""
    found = planned(name)
    if not isinstance(found, Target):
        return found
    return load_factors().get(name) or f"not in data/si_factors.tsv: {name!r} (the snapshot is stale)"


def _over(symbol: str) -> str:
    """A unit as the bottom of a rate: "m/s" in brackets."""
    return f"({symbol})" if any(c in symbol for c in "/·") else symbol


def _rate(name: str) -> Si | None:
    """The conversion of a composed "A per B": money keeps its numbers over B as named ("USD/barrel");
    a measure is converted whole, B in its SI unit where it has one ("m/s") and named where it is a
    thing ("kg/person")."""
    top_name, _, bottom_name = name.partition(_PER)
    top = si_of(top_name)
    if top is None or top.offset:  # a rate of a share or of a temperature
        return None
    if load_catalogue().unit(top_name).dimension == "currency":
        return Si(f"{top.unit}/{bottom_name}", top.factor)
    if bottom_name not in load_catalogue().units and _PER not in bottom_name:
        return Si(f"{top.unit}/{bottom_name}", top.factor)  # a thing: "kilogram per person"
    bottom = si_of(bottom_name)
    if bottom is None or bottom.offset:
        return None
    return Si(f"{top.unit}/{_over(bottom.unit)}", top.factor / bottom.factor)


@cache
def si_of(name: str) -> Si | None:
    """The SI conversion of a figure in the unit ``name`` (the catalogue's, or composed: "dollar per
    barrel"), or None."""
    if name in load_catalogue().units:
        found = conversion(name)
        return found if isinstance(found, Si) else None
    return _rate(name) if _PER in name else None
