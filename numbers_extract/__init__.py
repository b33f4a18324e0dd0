"""numbers_extract: every figure in English prose, as one typed table.

>>> from numbers_extract import extract
>>> [f.value for f in extract("Some 1,600 people left in 32 buses.")]
[1600, 32]
"""

from __future__ import annotations

from .extract import extract
from .figure import COLUMNS, Figure

__all__ = ["COLUMNS", "Figure", "__version__", "extract"]
__version__ = "0.1.0"
