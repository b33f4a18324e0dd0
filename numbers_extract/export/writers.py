"""The table as JSON Lines or CSV, to a path (written whole or not at all) or to an open text file.

Any text is written: a lone surrogate (which UTF-8 cannot hold) is escaped in JSON Lines (``\\ud800``,
read back exactly) and replaced by U+FFFD in CSV (one for one). JSON Lines also escapes the characters
other than LF that some readers take for a line break (U+0085, U+2028, U+2029), so a line is a record."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from typing import IO

from ..table import COLUMNS, NUMBERS, OFFSETS, Figure
from .atomic import atomic_text
from .cells import encodable, json_escaped, neutralise

NUMERIC = frozenset(OFFSETS + NUMBERS)
BOM = "\ufeff"

Target = str | os.PathLike[str] | IO[str]
"""A path, written atomically, or a text file open for writing (opened with ``newline=""`` for CSV)."""


def _opened(target: Target) -> AbstractContextManager[IO[str]]:
    if isinstance(target, str | os.PathLike):
        return atomic_text(target)
    return nullcontext(target)


def to_jsonl(figures: Iterable[Figure], target: Target) -> int:
    """One JSON object per line and figure, keys in the table's order, numbers as JSON numbers, UTF-8.

    Returns the number of figures written.
    """
    n = 0
    with _opened(target) as out:
        for figure in figures:
            out.write(json_escaped(json.dumps(figure.as_dict(), ensure_ascii=False)) + "\n")
            n += 1
    return n


def csv_row(figure: Figure, raw: bool = False) -> list[str]:
    """A figure's CSV cells: numbers as plain decimals ('.' point, no separators), None as empty,
    text neutralised against formulas unless ``raw``, lone surrogates replaced by U+FFFD."""
    row = []
    for column in COLUMNS:
        cell = getattr(figure, column)
        if cell is None:
            row.append("")
        elif column in NUMERIC:
            row.append(repr(cell) if isinstance(cell, float) else str(cell))
        else:
            row.append(encodable(cell) if raw else neutralise(encodable(cell)))
    return row


def to_csv(
    figures: Iterable[Figure], target: Target, *, bom: bool = True, delimiter: str = ",", raw: bool = False
) -> int:
    """RFC 4180 CSV: a header of the table's columns, then one row per figure, CRLF line ends.

    ``bom`` starts the file with a UTF-8 byte order mark, which spreadsheets need to read it as UTF-8;
    ``raw`` turns off formula neutralising (for programs, not spreadsheets). Returns the figures written.
    """
    n = 0
    with _opened(target) as out:
        if bom:
            out.write(BOM)
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for figure in figures:
            writer.writerow(csv_row(figure, raw))
            n += 1
    return n
