"""The figure being built: :class:`Draft`, the parse-time scratch record of one figure, and
:class:`UnitMatch`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..names import Name

Number = int | float


@dataclass(frozen=True, slots=True)
class Draft:
    """A figure being built: offsets are absolute, in the document."""

    start: int
    end: int
    value: Number | None
    low: Number | None
    high: Number | None
    qualifier: str
    unit: str
    rule: tuple[Name, ...]  # the rule that made it, as names ("<qualifier> <number> <unit>")
    kind: str = ""  # decided here only where the rule knows it (date, time, ordinal, label)
    date: str = ""
    after: int = -1  # where the counted noun may start (after the number and its unit)
    entity: str = ""
    style: str = "digits"
    cue: str = ""  # the qualifier cue written after the number ("or more", "+"), as the rule names it


@dataclass(frozen=True, slots=True)
class UnitMatch:
    end: int
    name: str
    hyphen: bool = False
    age: bool = False
