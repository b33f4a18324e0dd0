"""The table's row: one Figure per figure in the text. Field names are public API."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

Number = int | float

KINDS = ("count", "money", "percent", "measure", "duration", "date", "time", "ordinal", "number")
QUALIFIERS = ("exact", "approximate", "lower_bound", "upper_bound", "range")


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure in a document, with its value, bounds, unit, kind and context.

    ``text[start:end] == surface`` always holds for the document the figure came from.
    """

    doc: str
    start: int
    end: int
    surface: str
    value: Number | None
    low: Number | None
    high: Number | None
    previous: Number | None
    qualifier: str
    trend: str
    unit: str
    dimension: str
    si_value: Number | None
    si_low: Number | None
    si_high: Number | None
    si_unit: str
    kind: str
    entity: str
    subject: str
    source: str
    date: str
    sentence: str
    rule: str

    def as_dict(self) -> dict[str, Any]:
        """The row as a dict whose keys are the table's columns, in order."""
        return {name: getattr(self, name) for name in COLUMNS}  # every value is a scalar: no copy needed


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Figure))
OFFSETS: tuple[str, ...] = ("start", "end")
"""The integer columns: where the figure is in its document."""
NUMBERS: tuple[str, ...] = ("value", "low", "high", "previous", "si_value", "si_low", "si_high")
"""The columns that hold a number or None: float64 in a DataFrame, number cells in a workbook."""
