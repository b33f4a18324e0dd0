"""The table's SI columns: a figure's value and bounds in the SI unit of its dimension (data/si.txt).

pint does the arithmetic, once per unit: :func:`conversion` asks it for the unit's factor and offset
and is cached, and each figure is then multiplied (:meth:`Si.of`). pint is imported only when the
first factor is needed: ``import numbers_extract`` does not load it. Money keeps its numbers, in its
ISO 4217 code; a rate ("A per B", the catalogue's composed units) is converted from its parts.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..table import Number
from .units import _directives, _items, load_catalogue

if TYPE_CHECKING:
    import pint

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
def _registry() -> pint.UnitRegistry[Any]:
    """pint's default registry, made on the first factor asked for (it takes about a second)."""
    import pint

    return pint.UnitRegistry()


def _pint_name(name: str) -> str:
    """The name pint has for a catalogue unit it knows as the catalogue does: "light-year" is its
    light_year."""
    return name.replace(" ", "_").replace("-", "_")


def _factor(expression: str, target: Target) -> Si:
    """What pint says one ``expression`` ("psi", "1e6 * BTU", "degree_Celsius") is in ``target``: the
    factor and the offset (a temperature's) of its conversion."""
    registry = _registry()
    given = registry.parse_expression(expression)
    goal = registry.parse_expression(target.pint).units
    zero, one = registry.Quantity(0, given.units), registry.Quantity(1, given.units)
    factor = float(given.magnitude) * float((one - zero).to(goal).magnitude)  # a difference: no offset
    return Si(target.symbol, factor, float(zero.to(goal).magnitude))


@cache
def conversion(name: str) -> Si | str:
    """The SI conversion of the catalogue unit ``name``, or why it has none (data/si.txt says why,
    or pint does: a unit data/si.txt should list)."""
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
    try:
        return _factor(data.pint.get(name, _pint_name(name)), target)
    except Exception as e:  # pint's errors: undefined unit, another dimensionality, a syntax error
        return f"not in data/si.txt: pint does not convert {name!r}: {type(e).__name__}: {e}"


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
