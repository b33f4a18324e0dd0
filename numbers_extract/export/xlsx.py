"""The table as an Excel workbook, streamed row by row (openpyxl's write-only mode): memory stays flat
in the number of figures.

Sheets, in order:
- **Figures**: one row per figure, the table's columns, as an Excel Table (filter buttons, banded rows)
  with its header frozen; value, low and high are numbers, full dates are dates, and the sentence is
  rich text with the figure in bold. Past Excel's 1,048,575 rows the figures go on in "Figures (2)" ….
- **Documents**: one row per input, with what became of it, so nothing is lost without a word, and
  what it says about itself (title, publisher, URL, date of publication) where it says it.
- **Summary**: figures by kind (with a chart), by unit and by source.
- **About**: the tool, its version, when, and the options of the run.

Where SOURCE_DATE_EPOCH is set, the workbook is dated that time throughout, and the same figures give
the same bytes (see ``stamp``).

Every text cell is made safe (see ``cells``): formula-like text is marked as text, characters XML
forbids are replaced one for one, text past Excel's cell limit is cut with a note, and text that
Excel would read as an escape (``_x0041_``) is escaped so it reads back as written. No cell is a
hyperlink (a URL stays text), so Excel's 65,530 hyperlinks per sheet are never reached.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from .. import __version__
from ..io.inputs import OK, Report
from ..table import COLUMNS, NUMBERS, OFFSETS, Figure
from .atomic import atomic_path
from .cells import clip, excel_escaped, is_formula_like, xml_safe
from .stamp import date_archive, source_date, written_at

EXCEL_ROWS = 1_048_576
FIGURES_PER_SHEET = EXCEL_ROWS - 1  # the header takes a row
WIDTHS = {
    "doc": 28, "start": 8, "end": 8, "surface": 26, "value": 14, "low": 14, "high": 14, "previous": 14,
    "qualifier": 13, "trend": 7, "unit": 15, "dimension": 12, "si_value": 14, "si_low": 14, "si_high": 14,
    "si_unit": 8, "kind": 10, "entity": 26, "subject": 24, "source": 24, "date": 12, "sentence": 90, "rule": 30,
}  # fmt: skip
DOCUMENT_COLUMNS = ("path", "characters", "figures", "status", "reason", "title", "publisher", "url", "published")
DOCUMENT_WIDTHS = (40, 12, 10, 24, 60, 40, 24, 40, 12)
DATE_FORMAT = "yyyy-mm-dd"
TABLE_STYLE = "TableStyleMedium2"
_BOLD = InlineFont(rFont="Calibri", sz=11, family=2, scheme="minor", b=True)  # the workbook's font, in bold
_FLOAT_EXACT = 2**53
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EXCEL_FIRST_DAY = dt.date(1900, 3, 1)


def to_xlsx(
    figures: Iterable[Figure],
    path: str | os.PathLike[str],
    *,
    documents: Iterable[Report] | None = None,
    about: Mapping[str, str] | None = None,
    figures_per_sheet: int = FIGURES_PER_SHEET,
) -> int:
    """Write the figures as a workbook at ``path``, whole or not at all; returns the figures written.

    ``documents`` (read only once the figures are written, so it may be filled as they are made) gives
    the Documents sheet; without it, that sheet lists each ``doc`` with its count of figures.
    ``about`` adds lines to the About sheet (the CLI puts its command and options there).
    """
    book = Workbook(write_only=True)
    tally = _Tally()
    try:
        sheets = _FigureSheets(book, figures_per_sheet)
        for figure, offset in surface_offsets(figures):
            tally.add(figure)
            sheets.append(_figure_row(sheets.current, figure, offset))
        sheets.close()
        _documents_sheet(book, documents if documents is not None else tally.documents())
        _summary_sheet(book, tally)
        _claims_sheet(book, tally)
        _about_sheet(book, tally, about or {})
        with atomic_path(path) as tmp:
            book.save(tmp)
            if (when := source_date()) is not None:  # a byte-stable workbook: dated SOURCE_DATE_EPOCH throughout
                date_archive(tmp, when)
    except BaseException:
        _discard(book)
        raise
    return tally.figures


def _discard(book: Workbook) -> None:
    """After a failure: close the sheets' half-written streams and remove openpyxl's temporary files now,
    rather than at the interpreter's exit (with complaints about unclosed XML on the way)."""
    for sheet in book.worksheets:
        rows, writer = getattr(sheet, "_rows", None), getattr(sheet, "_writer", None)
        for close in (getattr(rows, "close", None), getattr(getattr(writer, "xf", None), "close", None)):
            with suppress(Exception):
                close() if close else None
        with suppress(Exception):
            writer.cleanup() if writer else None


@dataclass
class _Tally:
    """Counts kept while the figures stream past, for the Summary and Documents sheets."""

    figures: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    units: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    docs: Counter[str] = field(default_factory=Counter)

    claimable: list[Figure] = field(default_factory=list)  # for the Claims sheet, up to CLAIMS_LIMIT

    def add(self, figure: Figure) -> None:
        if figure.entity and figure.kind in CLAIM_KINDS and len(self.claimable) <= CLAIMS_LIMIT:
            self.claimable.append(figure)
        self.figures += 1
        self.kinds[figure.kind] += 1
        self.units[figure.unit or "(no unit)"] += 1
        self.sources[figure.source or "(unattributed)"] += 1
        self.docs[figure.doc] += 1

    def documents(self) -> list[Report]:
        return [Report(doc, None, n, OK, "") for doc, n in self.docs.items()]


class _FigureSheets:
    """Figures, then Figures (2), … each an Excel Table of at most ``limit`` rows."""

    def __init__(self, book: Workbook, limit: int) -> None:
        self.book, self.limit = book, limit
        self.count = 0
        self.rows = 0
        self.current = self._new()

    def _new(self) -> Worksheet:
        self.count += 1
        self.rows = 0
        title = "Figures" if self.count == 1 else f"Figures ({self.count})"
        sheet = _sheet(self.book, title, [WIDTHS[c] for c in COLUMNS])
        sheet.append(list(COLUMNS))
        return sheet

    def append(self, row: list[Any]) -> None:
        if self.rows == self.limit:
            self.close()
            self.current = self._new()
        self.current.append(row)
        self.rows += 1

    def close(self) -> None:
        name = "Figures" if self.count == 1 else f"Figures{self.count}"
        _table(self.current, name, COLUMNS, self.rows)


def _sheet(book: Workbook, title: str, widths: Iterable[int], header: bool = True) -> Worksheet:
    # a write-only sheet: it has the Worksheet methods used here (append, tables, charts, panes, widths)
    sheet = cast(Worksheet, book.create_sheet(title))
    if header:
        sheet.freeze_panes = "A2"
    for i, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    return sheet


def _table(sheet: Worksheet, name: str, columns: Iterable[str], rows: int, first_column: int = 1) -> None:
    """An Excel Table over the header and ``rows`` rows below it (none for no rows: Excel wants one)."""
    names = list(columns)
    if rows == 0:
        return
    ref = f"{get_column_letter(first_column)}1:{get_column_letter(first_column + len(names) - 1)}{rows + 1}"
    table = Table(
        displayName=name,
        ref=ref,
        tableColumns=[TableColumn(id=i, name=n) for i, n in enumerate(names, 1)],
        autoFilter=AutoFilter(ref=ref),
        tableStyleInfo=TableStyleInfo(name=TABLE_STYLE, showRowStripes=True),
    )
    with warnings.catch_warnings():  # openpyxl warns that write-only tables need their columns: they have them
        warnings.filterwarnings("ignore", "In write-only mode you must add table columns", UserWarning)
        sheet.add_table(table)


def _text(sheet: Worksheet, value: str) -> str | Cell:
    """A safe text cell: a plain string, or a cell marked as text where it looks like a formula."""
    safe = clip(xml_safe(value))[0]
    if not is_formula_like(safe):
        return excel_escaped(safe)
    cell = WriteOnlyCell(sheet)
    cell.value = excel_escaped(safe)
    cell.data_type = "s"  # openpyxl takes "=…" for a formula: store it as the text it is
    cell.quotePrefix = True  # and keep it text when someone edits it, as a typed apostrophe would
    return cell


def _number(value: int | float | None) -> int | float | None:
    if isinstance(value, int) and abs(value) > _FLOAT_EXACT:
        return float(value)  # Excel holds doubles: write what it will hold
    return value


def _date(sheet: Worksheet, iso: str) -> str | Cell:
    """A full date (YYYY-MM-DD) as a date cell; any other ISO form ("2011", "--05-01"), an impossible
    date, or one before Excel's calendar starts (1 March 1900, past its 1900 leap-year bug) as text."""
    if not _FULL_DATE.fullmatch(iso):
        return _text(sheet, iso)
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return _text(sheet, iso)
    if day < _EXCEL_FIRST_DAY:
        return _text(sheet, iso)
    cell = WriteOnlyCell(sheet)
    cell.value = day
    cell.number_format = DATE_FORMAT
    return cell


def _sentence(sheet: Worksheet, figure: Figure, offset: int | None) -> str | Cell:
    """The sentence as rich text with the figure's surface in bold."""
    sentence, kept = clip(xml_safe(figure.sentence))
    if offset is None:
        return _text(sheet, figure.sentence)
    end = min(offset + len(figure.surface), kept)
    if offset >= end:
        return _text(sheet, figure.sentence)
    before, bold, after = (excel_escaped(part) for part in (sentence[:offset], sentence[offset:end], sentence[end:]))
    if any(part and part.isspace() for part in (before, bold, after)):
        return _text(sheet, figure.sentence)  # openpyxl drops a run of whitespace alone: no bold, no loss
    cell = WriteOnlyCell(sheet)
    cell.value = CellRichText([p for p in (before, TextBlock(_BOLD, bold), after) if not isinstance(p, str) or p])
    if is_formula_like(sentence):
        cell.quotePrefix = True
    return cell


def _figure_row(sheet: Worksheet, figure: Figure, offset: int | None) -> list[Any]:
    row: list[Any] = []
    for column in COLUMNS:
        value = getattr(figure, column)
        if column in OFFSETS:
            row.append(value)
        elif column in NUMBERS:
            row.append(_number(value))
        elif column == "date":
            row.append(_date(sheet, value) if value else None)
        elif column == "sentence":
            row.append(_sentence(sheet, figure, offset))
        else:
            row.append(_text(sheet, value) if value else None)
    return row


def surface_offsets(figures: Iterable[Figure]) -> Iterator[tuple[Figure, int | None]]:
    """Each figure with where its surface starts in its sentence (None if it is not there).

    The sentence's own offset is not in the table, so it is found: the figures of one sentence
    (consecutive, same doc and sentence) agree on one sentence start, and a surface written twice
    ("5" in "15 and 5") is told apart by that agreement and by word boundaries.
    """
    group: list[Figure] = []
    for figure in figures:
        if group and (figure.doc != group[0].doc or figure.sentence != group[0].sentence):
            yield from _place(group)
            group = []
        group.append(figure)
    yield from _place(group)


def _place(group: list[Figure]) -> Iterator[tuple[Figure, int | None]]:
    candidates = [_occurrences(f.sentence, f.surface) for f in group]
    votes: Counter[int] = Counter()
    for figure, found in zip(group, candidates, strict=True):
        for offset in found:
            votes[figure.start - offset] += 1_000_000 // len(found)
    start = max(votes, key=lambda s: (votes[s], -s)) if votes else None
    for figure, found in zip(group, candidates, strict=True):
        if start is not None and figure.start - start in found:
            yield figure, figure.start - start
        else:
            yield figure, found[0] if found else None


def _occurrences(sentence: str, surface: str) -> list[int]:
    """Where ``surface`` occurs in ``sentence``: at word boundaries if it does there, else anywhere."""
    if not surface:
        return []
    found = []
    at = sentence.find(surface)
    while at >= 0:
        found.append(at)
        at = sentence.find(surface, at + 1)
    bounded = [
        i
        for i in found
        if not (i > 0 and sentence[i - 1].isalnum() and surface[0].isalnum())
        and not (i + len(surface) < len(sentence) and sentence[i + len(surface)].isalnum() and surface[-1].isalnum())
    ]
    return bounded or found


def _documents_sheet(book: Workbook, documents: Iterable[Report]) -> None:
    sheet = _sheet(book, "Documents", DOCUMENT_WIDTHS)
    sheet.append(list(DOCUMENT_COLUMNS))
    rows = 0
    for report in documents:
        about = report.metadata
        texts = (report.reason, about.title, about.publisher, about.url)
        sheet.append(
            [
                _text(sheet, report.doc),
                report.characters,
                report.figures,
                _text(sheet, report.status),
                *(_text(sheet, text) if text else None for text in texts),
                _date(sheet, about.published) if about.published else None,
            ]
        )
        rows += 1
    _table(sheet, "Documents", DOCUMENT_COLUMNS, rows)


CLAIM_KINDS = frozenset({"count", "money", "percent", "measure", "duration"})
CLAIMS_LIMIT = 200_000  # figures reconciled in a workbook; past it the Claims sheet says so


def _claims_sheet(book: Workbook, tally: _Tally) -> None:
    """Claims: figures that report the same quantity, grouped, with their sources and whether they agree."""
    from ..checks.reconcile import CLAIM_COLUMNS, claims_rows, reconcile

    widths = {"entity": 24, "surface": 24, "source": 28, "doc": 28, "sentence": 80, "agreement": 11}
    sheet = _sheet(book, "Claims", [widths.get(c, 10) for c in CLAIM_COLUMNS])
    if len(tally.claimable) > CLAIMS_LIMIT:
        sheet.append([_text(sheet, f"more than {CLAIMS_LIMIT:,} figures: use numbers_extract.reconcile() instead")])
        return
    rows = claims_rows(reconcile(tally.claimable))
    sheet.append(list(rows[0]))
    for row in rows[1:]:
        sheet.append([_text(sheet, cell) if isinstance(cell, str) else _number(cell) for cell in row])
    if len(rows) > 1:
        _table(sheet, "Claims", CLAIM_COLUMNS, len(rows) - 1)


def _summary_sheet(book: Workbook, tally: _Tally) -> None:
    sheet = _sheet(book, "Summary", (16, 10, 3, 20, 10, 3, 44, 10))
    columns = (("kind", tally.kinds), ("unit", tally.units), ("source", tally.sources))
    ranked = [sorted(counts.items(), key=lambda item: (-item[1], item[0])) for _, counts in columns]
    sheet.append([cell for name, _ in columns for cell in (name, "figures", None)][:-1])
    for i in range(max((len(r) for r in ranked), default=0)):
        row: list[Any] = []
        for counts in ranked:
            row += [_text(sheet, counts[i][0]), counts[i][1]] if i < len(counts) else [None, None]
            row.append(None)
        sheet.append(row[:-1])
    for (name, _), counts, first in zip(columns, ranked, (1, 4, 7), strict=True):
        _table(sheet, f"By{name.title()}", (name, "figures"), len(counts), first)
    if ranked[0]:
        chart = BarChart()
        chart.type = "bar"
        chart.title = "Figures by kind"
        chart.legend = None
        chart.y_axis.title = "figures"
        chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=len(ranked[0]) + 1), titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(ranked[0]) + 1))
        chart.x_axis.delete = chart.y_axis.delete = False  # show the kinds and the counts on the axes
        chart.x_axis.scaling.orientation = "maxMin"  # the largest kind on top, as in the table
        chart.y_axis.scaling.min = 0
        chart.y_axis.majorUnit = max(1, max(n for _, n in ranked[0]) // 8)
        chart.height, chart.width = 9, 16
        sheet.add_chart(chart, "J2")


def _about_sheet(book: Workbook, tally: _Tally, about: Mapping[str, str]) -> None:
    sheet = _sheet(book, "About", (16, 100), header=False)
    lines: dict[str, str | int] = {
        "tool": "numbers-extract",
        "version": __version__,
        "written": written_at().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "figures": tally.figures,
    }
    lines.update(about)
    for key, value in lines.items():
        sheet.append([_text(sheet, key), _text(sheet, value) if isinstance(value, str) else value])
