"""The figure being built: :class:`Draft`, the parse-time scratch record of one figure, and
:class:`UnitMatch`.
"""

from __future__ import annotations

from typing import NamedTuple

from ..names import Name

Number = int | float


class Draft(NamedTuple):
    """A figure being built: offsets are absolute, in the document. A NamedTuple, not a frozen
    dataclass: as immutable, and made (and remade with ``_replace``) four times faster."""

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
    previous: Number | None = None  # where a change stated with its start began ("rose from 5 to 7": 5)


class UnitMatch(NamedTuple):  # immutable, and made four times faster than a frozen dataclass
    end: int
    name: str
    hyphen: bool = False
    age: bool = False
