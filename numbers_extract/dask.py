"""``numbers_extract.dask``: the figures of many documents on a Dask cluster (kept in ``scale/dask.py``).

``pip install 'numbers-extract[dask]'``.
"""

from __future__ import annotations

from .scale.dask import (
    LOCAL,
    MISSING,
    PARTITIONS,
    connect,
    documents_bag,
    extract_files,
    figures_bag,
    figures_dataframe,
)

__all__ = [
    "LOCAL",
    "MISSING",
    "PARTITIONS",
    "connect",
    "documents_bag",
    "extract_files",
    "figures_bag",
    "figures_dataframe",
]
