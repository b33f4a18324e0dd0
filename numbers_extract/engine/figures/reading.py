"""A numeral being read into a figure: :class:`Reading`, the window the figure tables read and the
state the steps of :func:`~.one._one` pass on, and :class:`Drop`, what a rule says of a numeral that
is no figure.
"""

from __future__ import annotations

from enum import Enum
from types import MappingProxyType
from typing import NamedTuple

from ..names import Name
from ..numerals import Numeral
from ..rules import Field, Trace
from ..units import Catalogue
from .draft import Draft, Number, UnitMatch

NEAR = 40  # characters on either side of a numeral where a rule's cheap test looks for its words


class Drop(Enum):
    """What a rule of field ``figure`` produces for a numeral that is no figure."""

    NO_FIGURE = "no figure"


DROP = Drop.NO_FIGURE

Verdict = Draft | Drop
"""What a table of field ``figure`` decides: a reading of its own, or no figure."""


class Read(Enum):
    """The steps of reading a numeral that are no table: each changes the figure when it applies."""

    SCALE = "a scale written against the digits: '$3bn', '40k', '1.2 m tons'"
    BEYOND = "a value beyond any figure a text states: '9e299bn' (no figure)"
    ERROR = "an error written after the number: '2,000.45±0.01 pounds'"
    OF_A_UNIT = "a fraction of a unit: 'half an hour', 'a third of a mile'"
    OLD = "an age: 'a 40-year-old man', 'a five-year-old'"
    BELOW_ZERO = "a temperature below zero, negated: '20 degrees below zero' is -20 degrees, '5 below zero' -5"
    CUE_AFTER = "a qualifier cue after the number: '50 or more', '100+', '300-odd'"
    MARGIN = "an error makes the figure approximate, from value - error to value + error: '10 ± 2 km'"
    VAGUE_CUE = "a vague count with a cue after it keeps its bounds: 'a few hundred or more'"


class Reading(NamedTuple):
    """A numeral in its sentence ``text[floor:limit]``, and the figure read from it so far.

    A NamedTuple: immutable, and made (and remade with ``_replace``) four times faster than a
    frozen dataclass."""

    text: str
    n: Numeral
    floor: int
    limit: int
    claim: int  # where the figure before it ended: nothing before may be read into this one
    lo: int  # where this figure may start at the earliest: max(floor, claim)
    second: bool  # the second number of a range, read by the range join
    catalogue: Catalogue
    trace: Trace | None
    near: str  # lower-cased, NEAR characters on either side of the numeral: for the cheap tests
    start: int  # where the figure starts so far
    after: int  # where the figure (and its unit) ends so far
    value: Number | None
    unit: str = ""
    said_before: tuple[Name, ...] = ()  # the rule's names written before the number ("<currency>")
    said_after: tuple[Name, ...] = ()  # and after it ("<unit>", "per <unit>")
    negative: bool = False
    scaled: bool = False  # a scale suffix was read ("$3bn")
    margin: Number | None = None  # "± 0.01"
    age: bool = False  # the unit is followed by "old"
    hyphen: bool = False  # the unit was joined by a hyphen ("a 25-basis-point cut")
    qualifier: str = "exact"
    cue: str = ""  # the cue written after the number
    found: UnitMatch | None = None  # the unit written after the number, once looked for
    made: Draft | None = None  # the figure read, for the rules of what a bare number is

    @property
    def before(self) -> str:
        """The text just before the figure, for patterns written backwards."""
        return self.text[max(self.lo, self.start - NEAR) : self.start]

    def __str__(self) -> str:
        """What is read so far, as a step that decided says it (not the whole window)."""
        return f"{self.text[self.start : self.after]!r}: {self.value} {self.unit or '-'} {self.qualifier}"

    def replace(self, **changes: object) -> Reading:
        """The same reading with ``changes``: ``_replace``, five times cheaper (a reading is remade a
        few times for every numeral of a text)."""
        items: list[object] = list(self)
        for name, value in changes.items():
            items[_AT[name]] = value
        return _NEW(Reading, items)

    def note(self, stage: str, field: Field, name: Enum, said: str = "") -> None:
        """Write a step that changed the figure to the trace, when someone asks (explain)."""
        if self.trace is not None:
            self.trace.add(stage, field, name, (self.start, self.after), "fired", said)

    def draft(self, low: Number | None, high: Number | None) -> Draft:
        """The figure read, with the bounds its qualifier gives, as a draft."""
        rule = (Name.VAGUE,) if self.n.style == "vague" else (*self.said_before, Name.NUMBER, *self.said_after)
        after = self.after  # a Draft's fields in order: made at once, as a tuple (three times cheaper)
        style, cue = self.n.style, self.cue
        return _NEW(
            Draft,
            (self.start, after, self.value, low, high, self.qualifier, self.unit, rule, "", "", after, "", style, cue,
             None),
        )  # fmt: skip


if Draft._fields != (
    "start", "end", "value", "low", "high", "qualifier", "unit", "rule",
    "kind", "date", "after", "entity", "style", "cue", "previous",
):  # fmt: skip
    raise ImportError("Draft's fields moved: Reading.draft makes one from its fields in order")
_AT = MappingProxyType({name: i for i, name in enumerate(Reading._fields)})
_NEW = tuple.__new__
_UNREAD = tuple(Reading._field_defaults[name] for name in Reading._fields[_AT["unit"] :])  # nothing read yet


def reading(
    text: str, n: Numeral, floor: int, limit: int, catalogue: Catalogue, second: bool, claim: int, trace: Trace | None
) -> Reading:
    """The numeral ``n``, nothing read around it yet."""
    near = text[max(floor, n.start - NEAR) : min(limit, n.end + NEAR)].lower()
    lo = floor if floor > claim else claim
    read = (text, n, floor, limit, claim, lo, second, catalogue, trace, near, n.start, n.end, n.value, *_UNREAD)
    return _NEW(Reading, read)


STEPS = "read"  # the stage name the steps of :class:`Read` are written with
