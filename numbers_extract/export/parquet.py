"""The table as a Parquet file, for data tools (pandas, DuckDB, Spark, Polars), for those who have
pyarrow (``pip install 'numbers-extract[parquet]'``).

- Typed columns, the table's in its order: ``OFFSETS`` (start, end) int64, ``NUMBERS`` (value, low,
  high, previous and the SI values) float64 with null for None, every other column a UTF-8 string.
  float64 is the contract, as in ``to_dataframe``: an integer past 2**53 is held to a double's precision.
- Written in row groups of ``ROW_GROUP`` figures as they come, so memory stays flat in the number of
  figures (the figures may be a generator over a large folder); whole or not at all (``atomic``).
- Text is written exactly as extracted: Parquet is data for programs, never opened as a spreadsheet,
  so formula-like text (``=SUM(1,2)``) is not neutralised, unlike CSV and xlsx. Only a lone surrogate,
  which UTF-8 cannot hold, becomes U+FFFD (one for one, as in CSV); every other character reads back
  as written.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from ..table import COLUMNS, NUMBERS, OFFSETS, Figure
from .atomic import atomic_path
from .cells import encodable

if TYPE_CHECKING:
    import pyarrow

ROW_GROUP = 65_536
"""Figures in a row group: held in memory as Arrow columns, then written at once."""
CHUNK = 4_096
"""Figures made into Arrow columns at a time: their Python objects are let go before the row group is full."""
NEEDS = "to_parquet needs pyarrow: pip install 'numbers-extract[parquet]'"


def require_pyarrow() -> None:
    """Raise ImportError, saying what to install, where pyarrow is missing."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError as error:
        raise ImportError(NEEDS) from error


@cache
def schema() -> pyarrow.Schema:
    """The table's columns in order with their Parquet types: the offsets int64, the numbers float64
    (the only columns that may be null), the rest UTF-8 strings."""
    require_pyarrow()
    import pyarrow

    def column_type(column: str) -> pyarrow.DataType:
        if column in OFFSETS:
            return pyarrow.int64()
        return pyarrow.float64() if column in NUMBERS else pyarrow.string()

    return pyarrow.schema([pyarrow.field(c, column_type(c), nullable=c in NUMBERS) for c in COLUMNS])


def _cells(column: str, figures: list[Figure]) -> list[object]:
    """A column's cells as Parquet holds them: numbers as floats, text as UTF-8 can hold it."""
    cells = [getattr(figure, column) for figure in figures]
    if column in OFFSETS:
        return cells
    if column in NUMBERS:
        return [None if cell is None else float(cell) for cell in cells]
    return [encodable(cell) for cell in cells]


def _batch(figures: list[Figure]) -> pyarrow.RecordBatch:
    """The figures as one record batch of ``schema()``, a column at a time."""
    import pyarrow

    arrays = [pyarrow.array(_cells(field.name, figures), type=field.type) for field in schema()]
    return pyarrow.RecordBatch.from_arrays(arrays, schema=schema())


def to_parquet(figures: Iterable[Figure], path: str | os.PathLike[str]) -> int:
    """Write the figures to a Parquet file at ``path``, whole or not at all, in row groups of
    ``ROW_GROUP`` as they come (see the module's doc). Returns the number of figures written."""
    require_pyarrow()
    import pyarrow
    import pyarrow.parquet

    n = 0
    rows = iter(figures)
    with atomic_path(path) as tmp, pyarrow.parquet.ParquetWriter(tmp, schema()) as writer:
        while True:  # a row group at a time, made CHUNK figures at a time; one group held at once
            group: list[pyarrow.RecordBatch] = []
            held = 0
            while held < ROW_GROUP and (chunk := list(itertools.islice(rows, min(CHUNK, ROW_GROUP - held)))):
                group.append(_batch(chunk))
                held += len(chunk)
            if not group:
                return n
            writer.write_table(pyarrow.Table.from_batches(group, schema=schema()), row_group_size=ROW_GROUP)
            n += held
