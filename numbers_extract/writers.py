"""Writers: the table as JSON Lines or CSV. Outputs are written whole or not at all."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .figure import COLUMNS, Figure

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMERIC = frozenset({"start", "end", "value", "low", "high"})


def neutralise(cell: str) -> str:
    """A text cell that a spreadsheet would read as a formula, made plain text (OWASP)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def write_jsonl(figures: Iterable[Figure], out: IO[str]) -> int:
    """One JSON object per figure, keys in the table's order; returns the rows written."""
    n = 0
    for figure in figures:
        out.write(json.dumps(figure.as_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(figures: Iterable[Figure], out: IO[str], raw: bool = False, delimiter: str = ",") -> int:
    """RFC 4180 CSV with a header row; text cells neutralised unless ``raw``."""
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    n = 0
    for figure in figures:
        row = []
        for column, cell in zip(COLUMNS, (getattr(figure, c) for c in COLUMNS), strict=False):
            if cell is None:
                row.append("")
            elif column in NUMERIC:
                row.append(repr(cell) if isinstance(cell, float) else str(cell))
            else:
                row.append(cell if raw else neutralise(str(cell)))
        writer.writerow(row)
        n += 1
    return n


@contextmanager
def atomic(path: str | os.PathLike[str], encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Open a temporary file beside ``path``; rename it over ``path`` only when the block succeeds."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
