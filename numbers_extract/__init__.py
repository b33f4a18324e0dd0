"""numbers_extract: every figure in English prose, as one typed table.

>>> from numbers_extract import extract
>>> [f.value for f in extract("Some 1,600 people left in 32 buses.")]
[1600, 32]

Files and exports:

- ``extract_files(paths)``: the figures of files, folders and globs (text, Markdown, HTML, PDF);
- ``to_xlsx(figures, path)``, ``to_csv(figures, path_or_file)``, ``to_jsonl(figures, path_or_file)``:
  written whole or not at all;
- ``to_parquet(figures, path)``: a typed Parquet file, written whole or not at all, when pyarrow is installed;
- ``to_dataframe(figures)``: a pandas DataFrame, when pandas is installed.

Review and checks:

- ``to_html(figures, texts, path_or_file)``: a review page, every figure highlighted in its text;
- ``check(figures, expected)``: the text against a reference table (``read_expected``, ``format_report``);
- ``reconcile(figures)``: figures that report the same quantity, grouped into claims that agree or not.

Why a figure is what it is: ``explain(text)`` gives each figure with the rules that set its fields
and the rules that were tried and declined (``print(explain(text))``).
"""

from __future__ import annotations

from importlib import import_module
from types import MappingProxyType
from typing import TYPE_CHECKING

# check and reconcile share their names with their modules: imported here, so the names are the functions
from .checks.check import CheckReport, Expected, ExpectedError, check, format_report, read_expected
from .checks.reconcile import Claim, claims_rows, reconcile
from .engine import Explanation, explain, extract
from .export.writers import to_csv, to_jsonl
from .table import COLUMNS, Figure

if TYPE_CHECKING:
    from .export.dataframe import to_dataframe
    from .export.parquet import to_parquet
    from .export.review import to_html
    from .export.xlsx import to_xlsx
    from .io.inputs import Document, Report, extract_files, read_document
    from .io.metadata import Metadata

# imported on first use, not with the package, so that extract() starts faster: openpyxl, pandas and
# pyarrow are only for workbooks, frames and Parquet files, the readers of files and the review page
# only for files
_LAZY = MappingProxyType(
    {
        **dict.fromkeys(("Document", "Report", "extract_files", "read_document"), "io.inputs"),
        "Metadata": "io.metadata",
        "to_html": "export.review",
        "to_xlsx": "export.xlsx",
        "to_dataframe": "export.dataframe",
        "to_parquet": "export.parquet",
    }
)

__all__ = [
    "COLUMNS",
    "CheckReport",
    "Claim",
    "Document",
    "Expected",
    "ExpectedError",
    "Explanation",
    "Figure",
    "Metadata",
    "Report",
    "__version__",
    "check",
    "claims_rows",
    "explain",
    "extract",
    "extract_files",
    "format_report",
    "read_document",
    "read_expected",
    "reconcile",
    "to_csv",
    "to_dataframe",
    "to_html",
    "to_jsonl",
    "to_parquet",
    "to_xlsx",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """The names of ``_LAZY``, imported from their module on first use."""
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value  # looked up once
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
