"""The table as a pandas DataFrame, for those who have pandas (``pip install 'numbers-extract[pandas]'``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..table import COLUMNS, NUMBERS, OFFSETS, Figure

if TYPE_CHECKING:
    import pandas


def to_dataframe(figures: Iterable[Figure]) -> pandas.DataFrame:
    """One row per figure, the table's columns in order: start and end as int64, the numbers (value,
    low, high, previous and the SI values) as float64 (NaN where None), the rest as strings."""
    try:
        import pandas
    except ImportError as error:
        raise ImportError("to_dataframe needs pandas: pip install 'numbers-extract[pandas]'") from error
    frame = pandas.DataFrame([figure.as_dict() for figure in figures], columns=list(COLUMNS))
    types = {c: "float64" for c in NUMBERS} | {c: "int64" for c in OFFSETS}
    return frame.astype(types)
