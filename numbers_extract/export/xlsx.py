"""The table as an Excel workbook, streamed row by row: memory stays flat in the number of figures.

Sheets, in order:
- **Figures**: one row per figure, as an Excel Table (filter buttons, banded rows) with its header
  frozen. The columns are the table's, under the table's names, in the order an analyst reads them
  (``FIGURE_COLUMNS``: the figure, its value and unit, what and whom it is about, who said it, then
  the bounds and the rest, and last the developer's columns start, end and rule), plus ``date_cell``.
  Numbers are number cells holding the table's values, shown with thousands separators and every
  decimal written (``number_format``); a percent shows "%" and money its ISO code where ``si_unit``
  has one. The sentence is rich text with the figure in bold. Past Excel's 1,048,575 rows the
  figures go on in "Figures (2)" ….
- **Documents**: one row per input, with what became of it, so nothing is lost without a word, and
  what it says about itself (title, publisher, URL, date of publication) where it says it.
- **Summary**: figures by kind (with a chart), by unit and by source.
- **Claims**: figures that report the same quantity, grouped, with their sources and whether they agree.
- **About**: the tool, its version, when, and the options of the run.

One type per column, and every table column holds what the CSV and JSON Lines hold: ``date`` is the
table's ISO text in every row ("2018-05-15", "2011", "--05-01"), and the extra column ``date_cell``,
right after it, is the same day as a date cell where ``date`` is a full day in Excel's calendar
(from 1 March 1900), empty otherwise. A date cell cannot hold "2011" or "--05-01", and splitting
the dates over two columns by form would leave no column that says the figure's date, so the text
stays whole and the date cell is added for sorting, filtering by month and date arithmetic.

The Figures and Claims sheets' rows are written as XML by ``sheetdata`` (openpyxl's cell objects
cost ten times the XML they write); openpyxl writes the rest and ``sheetdata.assemble`` joins them.
Where SOURCE_DATE_EPOCH is set, the workbook is dated that time throughout, and the same figures
give the same bytes (see ``stamp``).

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
import tempfile
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from .. import __version__
from ..io.inputs import OK, Report
from ..table import NUMBERS, OFFSETS, Figure
from .atomic import atomic_path
from .cells import clip, excel_escaped, is_formula_like, xml_safe
from .sheetdata import SheetData, assemble, cell, date_cell, number_cell, rich_cell, text_body, written
from .stamp import source_date, written_at

EXCEL_ROWS = 1_048_576
FIGURES_PER_SHEET = EXCEL_ROWS - 1  # the header takes a row
FIGURE_COLUMNS: tuple[str, ...] = (
    "surface", "value", "unit", "si_value", "si_unit", "entity", "subject", "source", "trend", "kind", "doc",
    "low", "high", "previous", "qualifier", "dimension", "si_low", "si_high", "date", "sentence",
    "start", "end", "rule",
)  # fmt: skip
"""The table's columns (each once: a test holds it to ``COLUMNS``) in the Figures sheet's order."""
DATE_CELL = "date_cell"
SHEET_COLUMNS: tuple[str, ...] = tuple(
    name for column in FIGURE_COLUMNS for name in ((column, DATE_CELL) if column == "date" else (column,))
)
"""The Figures sheet's header: ``FIGURE_COLUMNS`` with ``date_cell`` after ``date``."""
WIDTHS = {
    "doc": 28, "start": 8, "end": 8, "surface": 26, "value": 20, "low": 16, "high": 16, "previous": 16,
    "qualifier": 13, "trend": 7, "unit": 15, "dimension": 12, "si_value": 20, "si_low": 16, "si_high": 16,
    "si_unit": 8, "kind": 10, "entity": 26, "subject": 24, "source": 24, "date": 12, DATE_CELL: 11,
    "sentence": 90, "rule": 30,
}  # fmt: skip
DOCUMENT_COLUMNS = ("path", "characters", "figures", "status", "reason", "title", "publisher", "url", "published")
DOCUMENT_WIDTHS = (40, 12, 10, 24, 60, 40, 24, 40, 12)
DATE_FORMAT = "yyyy-mm-dd"
TABLE_STYLE = "TableStyleMedium2"
_FLOAT_EXACT = 2**53
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EXCEL_FIRST_DAY = dt.date(1900, 3, 1)
_ISO_CODE = re.compile(r"[A-Z]{3}")
_REMEMBERED, _REMEMBERED_LENGTH = 10_000, 200  # texts whose cells are kept to be written again: memory stays flat


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
    streamed: list[tuple[Worksheet, SheetData]] = []  # the sheets whose rows sheetdata writes
    try:
        sheets = _FigureSheets(book, figures_per_sheet, streamed)
        for figure, offset in surface_offsets(figures):
            tally.add(figure)
            sheets.append(figure, offset)
        sheets.close()
        _documents_sheet(book, documents if documents is not None else tally.documents())
        _summary_sheet(book, tally)
        _claims_sheet(book, tally, sheets.cells, streamed)
        _about_sheet(book, tally, about or {})
        with tempfile.TemporaryFile() as plain, atomic_path(path) as tmp:
            book.save(plain)  # every sheet, the streamed ones with their header row alone
            assemble(plain, tmp, {sheet.path.lstrip("/"): rows for sheet, rows in streamed}, source_date())
    except BaseException:
        _discard(book)
        raise
    finally:
        for _, rows in streamed:
            rows.close()
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
        claimable = figure.entity and figure.kind in CLAIM_KINDS
        if (claimable or (figure.kind == "date" and figure.date[:4].isdigit())) and len(self.claimable) <= CLAIMS_LIMIT:
            self.claimable.append(figure)  # a date with its year gives its sentence's claims their time
        self.figures += 1
        self.kinds[figure.kind] += 1
        self.units[figure.unit or "(no unit)"] += 1
        self.sources[figure.source or "(unattributed)"] += 1
        self.docs[figure.doc] += 1

    def documents(self) -> list[Report]:
        return [Report(doc, None, n, OK, "") for doc, n in self.docs.items()]


class _FigureSheets:
    """Figures, then Figures (2), … each an Excel Table of at most ``limit`` rows."""

    def __init__(self, book: Workbook, limit: int, streamed: list[tuple[Worksheet, SheetData]]) -> None:
        self.book, self.limit, self.streamed = book, limit, streamed
        self.count = 0
        self.current, self.data = self._new()
        self.cells = _Cells(self.current)

    def _new(self) -> tuple[Worksheet, SheetData]:
        self.count += 1
        title = "Figures" if self.count == 1 else f"Figures ({self.count})"
        sheet = _sheet(self.book, title, [WIDTHS[c] for c in SHEET_COLUMNS])
        sheet.append(list(SHEET_COLUMNS))
        self.streamed.append((sheet, SheetData()))
        return self.streamed[-1]

    def append(self, figure: Figure, offset: int | None) -> None:
        if self.data.rows == self.limit:
            self.close()
            self.current, self.data = self._new()
        self.data.append(self.cells.figure(figure, offset, self.data.next_row))

    def close(self) -> None:
        name = "Figures" if self.count == 1 else f"Figures{self.count}"
        _table(self.current, name, SHEET_COLUMNS, self.data.rows)


def number_format(value: int | float, kind: str = "", code: str = "") -> str:
    """The number format that shows ``value`` with thousands separators and every decimal it is written
    with (8,800,000,000; 1.5; 0.000125), never a trailing point: "#,##0" and "#,##0.0…0" with as many
    zeros as ``value`` has decimals (a pattern of #s after the point, "#,##0.##", would show 30 as "30.").
    A percent (``kind`` "percent") shows "%" after its value, which stays the table's (30 is 30%, not
    0.3); money shows at least two decimals, and its ISO ``code`` where one is given ("2,500,000,000 USD").
    A number that is no integer and is written with an exponent (below 0.0001) is left to General."""
    return _format(_decimals(value, written(value)), *_shown(kind, code))


def _decimals(value: int | float, text: str) -> int | None:
    """The decimals of ``value`` written as ``text``; None where it is written with an exponent."""
    if isinstance(value, int) or value.is_integer():
        return 0
    return None if "e" in text else len(text) - text.index(".") - 1


def _shown(kind: str, code: str) -> tuple[str, str]:
    """What a number's format shows besides its digits: the kind (percent, money or "") and a money code."""
    if kind == "money":
        return kind, code if _ISO_CODE.fullmatch(code) else ""
    return (kind, "") if kind == "percent" else ("", "")


def _format(decimals: int | None, kind: str, code: str) -> str:
    if decimals is None:
        return "General"
    if kind == "money" and decimals:
        decimals = max(decimals, 2)
    digits = "#,##0." + "0" * decimals if decimals else "#,##0"
    if kind == "percent":
        return f'{digits}"%"'
    return f'{digits}" {code}"' if code else digits


class _Cells:
    """The cells of a streamed sheet's rows, as sheetdata's XML, with the workbook's styles they name."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet  # a sheet of the workbook, through which styles are registered
        self.styles: dict[tuple[str, bool], int] = {}
        self.bodies: dict[str, str] = {}  # the last texts' cell bodies
        self.formats: dict[tuple[int | None, str, str], int] = {}  # a number format's key -> its style
        self.last: tuple[str, str, int] = ("", "", 0)  # the last sentence, made safe, and the characters kept
        self.quoted = self.style(quote=True)
        self.day = self.style(DATE_FORMAT)
        self.plan = [(name, get_column_letter(i), _how(name)) for i, name in enumerate(SHEET_COLUMNS, 1)]

    def style(self, number_format: str = "General", quote: bool = False) -> int:
        """The workbook's cell style with this number format and quote prefix (0 for neither)."""
        key = (number_format, quote)
        if (found := self.styles.get(key)) is None:
            cell = WriteOnlyCell(self.sheet)
            cell.number_format, cell.quotePrefix = number_format, quote
            found = self.styles[key] = cell.style_id
        return found

    def text(self, ref: str, value: str) -> str:
        """A safe text cell: XML-safe, cut to Excel's limit, marked as text where it looks like a formula."""
        if (body := self.bodies.get(value)) is None:
            safe = clip(xml_safe(value))[0]
            body = text_body(excel_escaped(safe), self.quoted if is_formula_like(safe) else 0)
            if len(value) <= _REMEMBERED_LENGTH:  # a doc, unit, kind, entity … comes again and again
                if len(self.bodies) == _REMEMBERED:
                    self.bodies.clear()
                self.bodies[value] = body
        return cell(ref, body)

    def number(self, ref: str, value: int | float, kind: str, code: str) -> str:
        """A number cell shown by ``number_format``."""
        value = _number(value)
        text = written(value)
        key = (_decimals(value, text), *_shown(kind, code))
        if (style := self.formats.get(key)) is None:
            style = self.formats[key] = self.style(_format(*key))
        return number_cell(ref, text, style)

    def figure(self, figure: Figure, offset: int | None, row: int) -> list[str]:
        """The cells of a figure's row (the hot loop of a workbook: a figure at a time, column by column)."""
        cells = []
        n = str(row)
        for name, letter, how in self.plan:
            if how == _TEXT:
                if text := getattr(figure, name):
                    cells.append(self.text(letter + n, text))
            elif how == _NUMBER:
                if (value := getattr(figure, name)) is not None:
                    cells.append(self.number(letter + n, value, figure.kind, figure.si_unit))
            elif how == _OFFSET:
                cells.append(number_cell(letter + n, written(getattr(figure, name))))
            elif how == _SENTENCE:
                cells.append(self.sentence(letter + n, figure, offset))
            elif how == _DAY and figure.date and (day := _excel_day(figure.date)) is not None:
                cells.append(date_cell(letter + n, day, self.day))
        return cells

    def sentence(self, ref: str, figure: Figure, offset: int | None) -> str:
        """The sentence as rich text with the figure's surface in bold."""
        if self.last[0] != figure.sentence:  # the figures of a sentence come one after another
            self.last = (figure.sentence, *clip(xml_safe(figure.sentence)))
        _, sentence, kept = self.last
        if offset is None:
            return self.text(ref, figure.sentence)
        end = min(offset + len(figure.surface), kept)
        if offset >= end:
            return self.text(ref, figure.sentence)
        before, bold, after = sentence[:offset], sentence[offset:end], sentence[end:]
        if "_x" in sentence:
            before, bold, after = excel_escaped(before), excel_escaped(bold), excel_escaped(after)
        if bold.isspace() or (before and before.isspace()) or (after and after.isspace()):
            return self.text(ref, figure.sentence)  # a run of whitespace alone: readers drop it (openpyxl does)
        return rich_cell(ref, before, bold, after, self.quoted if is_formula_like(sentence) else 0)

    def plain(self, row: Iterable[str | int | float | None], at: int) -> list[str]:
        """A row of text and numbers, as they come (numbers with no format of their own)."""
        cells = []
        for i, value in enumerate(row, 1):
            ref = f"{get_column_letter(i)}{at}"
            if isinstance(value, str):
                if value:
                    cells.append(self.text(ref, value))
            elif value is not None:
                cells.append(number_cell(ref, written(_number(value))))
        return cells


_TEXT, _NUMBER, _OFFSET, _SENTENCE, _DAY = range(5)


def _how(column: str) -> int:
    """How a Figures column is written."""
    if column in NUMBERS:
        return _NUMBER
    if column in OFFSETS:
        return _OFFSET
    return {"sentence": _SENTENCE, DATE_CELL: _DAY}.get(column, _TEXT)


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


def _number(value: int | float) -> int | float:
    if isinstance(value, int) and abs(value) > _FLOAT_EXACT:
        return float(value)  # Excel holds doubles: write what it will hold
    return value


def _excel_day(iso: str) -> dt.date | None:
    """A full date (YYYY-MM-DD) as a day, or None for any other ISO form ("2011", "--05-01"), an
    impossible date, or one before Excel's calendar starts (1 March 1900, past its 1900 leap-year bug)."""
    if not _FULL_DATE.fullmatch(iso):
        return None
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return None
    return day if day >= _EXCEL_FIRST_DAY else None


def _date(sheet: Worksheet, iso: str) -> str | Cell:
    """A full date as a date cell (:func:`_excel_day`); any other ISO form as text."""
    day = _excel_day(iso)
    if day is None:
        return _text(sheet, iso)
    cell = WriteOnlyCell(sheet)
    cell.value = day
    cell.number_format = DATE_FORMAT
    return cell


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


def _claims_sheet(book: Workbook, tally: _Tally, cells: _Cells, streamed: list[tuple[Worksheet, SheetData]]) -> None:
    """Claims: figures that report the same quantity, grouped, with their sources and whether they agree."""
    from ..checks.reconcile import CLAIM_COLUMNS, claims_rows, reconcile

    widths = {"subject": 24, "entity": 24, "surface": 24, "source": 28, "doc": 28, "sentence": 80, "agreement": 11}
    sheet = _sheet(book, "Claims", [widths.get(c, 10) for c in CLAIM_COLUMNS])
    if len(tally.claimable) > CLAIMS_LIMIT:
        sheet.append([_text(sheet, f"more than {CLAIMS_LIMIT:,} figures: use numbers_extract.reconcile() instead")])
        return
    rows = claims_rows(reconcile(tally.claimable, voices=2))
    sheet.append(list(rows[0]))
    data = SheetData()
    streamed.append((sheet, data))
    for row in rows[1:]:
        data.append(cells.plain(row, data.next_row))
    _table(sheet, "Claims", CLAIM_COLUMNS, data.rows)


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
