"""A sheet's rows written as SpreadsheetML by hand, and put into the workbook openpyxl writes.

openpyxl's write-only mode makes a cell object and an XML element per cell, which costs many times
the XML it writes: even without styles it writes the table's rows at about a third of the speed of
this module with them (benchmarks/xlsx_speed.py). The Figures
and Claims sheets are streamed here instead: each row is written as the text of its ``<row>``
element (inline strings, as openpyxl writes them) to an anonymous temporary file, so memory stays
flat. openpyxl still writes everything else (the sheet's header row, widths, frozen pane, Excel
Table, the styles the cells name, the other sheets); ``assemble`` then copies its archive entry by
entry and puts each sheet's rows into that sheet after its header row.

The cells' text must come XML-safe and cut to Excel's limit (``cells``); here it is only escaped as
XML text (``&``, ``<``, ``>``, and CR, which an XML reader would otherwise turn into LF).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO

from .stamp import CORE_PROPERTIES, dated_core, dated_entry

SHEET_DATA_END = b"</sheetData>"
COMPRESS_LEVEL = 1
"""zlib's fastest: compressing takes a quarter of the time of its default (6) for a file a third larger,
and at the default it was a third of the time a workbook took to write."""
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's 1900 calendar, for days from 1 March 1900 on
_BOLD = '<rPr><rFont val="Calibri"/><family val="2"/><b val="1"/><sz val="11"/><scheme val="minor"/></rPr>'
"""The workbook's font (Calibri 11, as openpyxl's default style), in bold."""


def escape(text: str) -> str:
    """``text`` as XML element text."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _t(text: str) -> str:
    """A ``<t>`` element; its spaces kept where the text starts or ends with one (XML would drop them)."""
    if text != text.strip():
        return f'<t xml:space="preserve">{escape(text)}</t>'
    return f"<t>{escape(text)}</t>"


def _style(style: int) -> str:
    return f' s="{style}"' if style else ""


def cell(ref: str, body: str) -> str:
    """The cell at ``ref`` ("B7") with a body ``text_body`` made (the same at any reference: it can be kept)."""
    return f'<c r="{ref}"{body}'


def text_body(text: str, style: int = 0) -> str:
    """An inline-string cell's body."""
    return f'{_style(style)} t="inlineStr"><is>{_t(text)}</is></c>'


def rich_cell(ref: str, before: str, bold: str, after: str, style: int = 0) -> str:
    """An inline rich-text cell: ``bold`` in bold between ``before`` and ``after`` (either may be "")."""
    return "".join(
        (
            f'<c r="{ref}"{_style(style)} t="inlineStr"><is>',
            f"<r>{_t(before)}</r>" if before else "",
            f"<r>{_BOLD}{_t(bold)}</r>",
            f"<r>{_t(after)}</r>" if after else "",
            "</is></c>",
        )
    )


def number_cell(ref: str, number: str, style: int = 0) -> str:
    """A number cell, the number ``written``."""
    return f'<c r="{ref}"{_style(style)}><v>{number}</v></c>'


def written(number: int | float) -> str:
    """A number as a cell holds it: to 16 significant digits, as openpyxl writes a number."""
    return f"{number:.16g}"


def date_cell(ref: str, day: dt.date, style: int) -> str:
    """A day from 1 March 1900 on as Excel's serial number, shown by ``style``'s date format."""
    return f'<c r="{ref}" s="{style}"><v>{(day - _EXCEL_EPOCH).days}</v></c>'


class SheetData:
    """The rows of a sheet below its header row, in an anonymous temporary file until ``assemble``."""

    def __init__(self) -> None:
        self.file: IO[bytes] = tempfile.TemporaryFile(buffering=1 << 20)  # noqa: SIM115 - open until close()
        self.rows = 0

    @property
    def next_row(self) -> int:
        """The number of the row ``append`` writes next (the header is row 1)."""
        return self.rows + 2

    def append(self, cells: Iterable[str]) -> None:
        """A row of cells made by the functions above, each at its reference in row ``next_row``."""
        self.file.write(f'<row r="{self.rows + 2}">{"".join(cells)}</row>'.encode())
        self.rows += 1

    def size(self) -> int:
        return self.file.tell()

    def copy_to(self, out: IO[bytes]) -> None:
        self.file.flush()
        self.file.seek(0)
        shutil.copyfileobj(self.file, out, 1 << 20)

    def close(self) -> None:
        self.file.close()


def assemble(workbook: IO[bytes], target: Path, sheets: Mapping[str, SheetData], when: dt.datetime | None) -> None:
    """Copy the archive ``workbook`` to ``target`` entry by entry (a stream at a time, memory flat),
    with the rows of ``sheets`` (by entry name, "xl/worksheets/sheet1.xml") each put into its sheet
    after the rows there; and, where ``when`` is given, every entry and the document dated ``when``."""
    workbook.seek(0)
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            entry = dated_entry(item.filename, when) if when else _entry(item)
            if sys.version_info >= (3, 13):
                entry.compress_level = COMPRESS_LEVEL
            else:  # the entry's level, which ZipFile.open takes from the entry and not from the archive
                entry._compresslevel = COMPRESS_LEVEL  # type: ignore[attr-defined]
            if item.filename in sheets:
                original = source.read(item)
                rows = sheets[item.filename]
                at = original.index(SHEET_DATA_END)
                with out.open(entry, "w", force_zip64=len(original) + rows.size() >= zipfile.ZIP64_LIMIT) as data:
                    data.write(original[:at])
                    rows.copy_to(data)
                    data.write(original[at:])
            elif when and item.filename == CORE_PROPERTIES:
                out.writestr(entry, dated_core(source.read(item), when))
            else:
                with (
                    source.open(item) as data,
                    out.open(entry, "w", force_zip64=item.file_size >= zipfile.ZIP64_LIMIT) as copy,
                ):
                    shutil.copyfileobj(data, copy, 1 << 20)


def _entry(item: zipfile.ZipInfo) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(item.filename, item.date_time)
    entry.compress_type, entry.external_attr, entry.create_system = (
        zipfile.ZIP_DEFLATED, item.external_attr, item.create_system
    )  # fmt: skip
    return entry
