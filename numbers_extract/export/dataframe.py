"""The table as a pandas DataFrame, for those who have pandas (``pip install 'numbers-extract[pandas]'``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..table import COLUMNS, NUMBERS, OFFSETS, Figure
from .cells import encodable

if TYPE_CHECKING:
    import pandas


def to_dataframe(figures: Iterable[Figure]) -> pandas.DataFrame:
    """One row per figure, the table's columns in order: start and end as int64, the numbers (value,
    low, high, previous and the SI values) as float64 (NaN where None), the rest as strings, in which a
    lone surrogate becomes U+FFFD (pandas' strings are UTF-8, held by Arrow, which cannot hold one)."""
    try:
        import pandas
    except ImportError as error:
        raise ImportError("to_dataframe needs pandas: pip install 'numbers-extract[pandas]'") from error
    rows = [{c: encodable(v) if isinstance(v, str) else v for c, v in figure.as_dict().items()} for figure in figures]
    frame = pandas.DataFrame(rows, columns=list(COLUMNS))
    types = {c: "float64" for c in NUMBERS} | {c: "int64" for c in OFFSETS}
    return frame.astype(types)
