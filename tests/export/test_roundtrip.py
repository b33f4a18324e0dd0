"""Property tests that hunt (issue 5): for arbitrary text, and for arbitrary rows, the xlsx, CSV,
JSON Lines and Parquet written read back to the same table, modulo only the documented changes:

- JSON Lines: exactly (a lone surrogate travels as a JSON escape);
- Parquet: text exactly, formula-like text included, but a lone surrogate becomes U+FFFD; numbers as
  doubles (offsets as integers);
- CSV: a lone surrogate becomes U+FFFD; formula-like text gets a leading apostrophe (not with raw);
  numbers read back to the same value;
- xlsx (read by calamine, which reads cells as Excel does): characters XML forbids and lone
  surrogates become U+FFFD, text past Excel's cell limit is cut with a note; formula-like text is a
  text cell with Excel's quote prefix; numbers are numeric cells holding a double to 16 significant
  digits (exact for integers up to 2**53 and for numbers of up to 16 digits); every column of the table
  holds the table's value (date its ISO text), and date_cell is a date cell where the date is a full day.

And for arbitrary bytes, the file reader gives text or a reported skip, never an exception.
Profiles ("ci", the default, and "dev") are in conftest.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pyarrow import parquet
from python_calamine import CalamineWorkbook

from numbers_extract import COLUMNS, Figure, Report, extract, read_document, to_csv, to_jsonl, to_parquet, to_xlsx
from numbers_extract.export.cells import clip, encodable, is_formula_like, neutralise, xml_safe
from numbers_extract.export.writers import NUMERIC
from numbers_extract.export.xlsx import SHEET_COLUMNS
from numbers_extract.io.inputs import OK, REPLACED, SKIPPED, document_from_bytes
from numbers_extract.table import NUMBERS
from tests.engine.test_properties import any_text, check_table

FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r", "'", " =", '=HYPERLINK("http://x")', "_x0041_"]
slow = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _number(text: str) -> int | float | None:
    if text == "":
        return None
    return int(text) if re.fullmatch(r"-?\d+", text) else float(text)


def _xlsx_number(value: int | float | None) -> float | None:
    """The number as the workbook holds it: a double, written to 16 significant digits (openpyxl's "%.16g")."""
    return None if value is None else float(f"{value:.16g}")


def _parquet_row(figure: Figure) -> dict[str, object]:
    """The row as Parquet holds it: offsets as they are, numbers as doubles, text as UTF-8 can hold it."""

    def cell(column: str, value: object) -> object:
        if isinstance(value, str):
            return encodable(value)
        return float(value) if column in NUMBERS and value is not None else value

    return {column: cell(column, value) for column, value in figure.as_dict().items()}


def _xlsx_text(text: str) -> str:
    return clip(xml_safe(text))[0]


def _excel_date(iso: str) -> bool:
    if not FULL_DATE.fullmatch(iso):
        return False
    try:
        return dt.date.fromisoformat(iso) >= dt.date(1900, 3, 1)
    except ValueError:
        return False


def check_exports(figures: list[Figure], documents: list[Report] | None = None) -> None:
    """Write the figures four ways and read each back: the same table, modulo the documented changes."""
    with _folder() as folder:
        to_jsonl(figures, folder / "t.jsonl")
        lines = (folder / "t.jsonl").read_text(encoding="utf-8").splitlines()  # any reader's idea of a line
        assert [json.loads(line) for line in lines] == [f.as_dict() for f in figures]

        for raw in (False, True):
            to_csv(figures, folder / "t.csv", raw=raw)
            with open(folder / "t.csv", encoding="utf-8-sig", newline="") as file:
                table = list(csv.reader(file))
            assert table[0] == list(COLUMNS)
            assert len(table) == len(figures) + 1
            for figure, row in zip(figures, table[1:], strict=True):
                for column, cell in zip(COLUMNS, row, strict=True):
                    value = getattr(figure, column)
                    if column in NUMERIC:
                        assert _number(cell) == value, (column, cell, value)
                    elif raw:
                        assert cell == encodable(value), column
                    else:
                        assert cell == neutralise(encodable(value)), column
                        assert not is_formula_like(cell), column

        to_parquet(figures, folder / "t.parquet")
        assert parquet.read_table(folder / "t.parquet").to_pylist() == [_parquet_row(f) for f in figures]

        to_xlsx(figures, folder / "t.xlsx", documents=documents)
        check_no_live_formula(folder / "t.xlsx")
        sheet = CalamineWorkbook.from_path(str(folder / "t.xlsx")).get_sheet_by_name("Figures")
        rows = sheet.to_python(skip_empty_area=False)
        assert rows[0] == list(SHEET_COLUMNS)
        assert len(rows) == len(figures) + 1
        for figure, row in zip(figures, rows[1:], strict=True):
            cells = dict(zip(SHEET_COLUMNS, row, strict=True))
            for column in COLUMNS:
                value, cell = getattr(figure, column), cells[column]
                if column in NUMERIC:
                    assert (None if cell == "" else cell) == _xlsx_number(value), (column, cell, value)
                else:
                    assert cell == _xlsx_text(value), (column, cell, value)
            assert cells["date_cell"] == (dt.date.fromisoformat(figure.date) if _excel_date(figure.date) else "")
        if documents is not None:
            read = CalamineWorkbook.from_path(str(folder / "t.xlsx")).get_sheet_by_name("Documents").to_python()
            assert [(row[0], row[3], row[4]) for row in read[1:]] == [
                (_xlsx_text(r.doc), _xlsx_text(r.status), _xlsx_text(r.reason)) for r in documents
            ]


def check_no_live_formula(path: Path) -> None:
    """No formula element anywhere, and every formula-like text cell (in any sheet) marked as text."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<f[\s/>]", archive.read(name)), name
    book = load_workbook(path, rich_text=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None and not isinstance(cell.value, int | float | dt.datetime):
                    assert cell.data_type in ("s", "inlineStr"), (sheet.title, cell.coordinate)
                    if is_formula_like(str(cell.value)):
                        assert cell.quotePrefix, (sheet.title, cell.coordinate, cell.value)


# (a) arbitrary text through extract and every writer


@slow
@given(text=any_text, doc=st.sampled_from(["", "a.txt", "=cmd|' /C calc'!A0", "caf\udce9.txt"]))
@example(text="=SUM(1,2) cost 5 dollars.\n+1 said 40 people.\n@cmd sent 7 buses.\n-2 dollars", doc="-x")
@example(text="\ud800 1,600 people _x0041_ \x00\x0b 5 km\uffff", doc="")
@example(text="0\x850 and 5\u2028km, 0\r0 and 7\u2029", doc="")  # line breaks a JSON Lines reader may split at
def test_arbitrary_text_exports_and_reads_back(text: str, doc: str) -> None:
    figures = extract(text, doc=doc)
    check_table(text, figures, doc)
    check_exports(figures)


# (b) arbitrary rows: every text column holds anything, formulas and control characters included

_any_char = st.characters(codec=None, exclude_categories=())  # surrogates and controls included
_cell_text = st.one_of(
    st.text(_any_char, max_size=30),
    st.builds(lambda start, rest: start + rest, st.sampled_from(FORMULA_STARTS), st.text(_any_char, max_size=20)),
)
_numbers = st.one_of(
    st.none(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
)
_dates = st.one_of(st.just(""), st.dates().map(dt.date.isoformat), _cell_text)


@st.composite
def rows(draw: st.DrawFn) -> Figure:
    sentence = draw(_cell_text)
    start = draw(st.integers(min_value=0, max_value=len(sentence)))
    end = draw(st.integers(min_value=start, max_value=len(sentence)))
    surface = draw(st.one_of(st.just(sentence[start:end]), _cell_text))
    text = {c: draw(_cell_text) for c in COLUMNS if c not in NUMERIC | {"surface", "sentence", "date"}}
    numbers = {c: draw(_numbers) for c in NUMBERS}
    return Figure(
        start=start, end=end, surface=surface, sentence=sentence, date=draw(_dates), **numbers, **text
    )  # fmt: skip


@st.composite
def reports(draw: st.DrawFn) -> Report:
    return Report(draw(_cell_text), draw(st.none() | st.integers(0, 10**9)), draw(st.integers(0, 10**6)),
                  draw(st.sampled_from([OK, REPLACED, SKIPPED])), draw(_cell_text))  # fmt: skip


@slow
@given(figures=st.lists(rows(), max_size=6), documents=st.lists(reports(), max_size=3))
def test_arbitrary_rows_export_and_read_back(figures: list[Figure], documents: list[Report]) -> None:
    check_exports(figures, documents)


# (c) arbitrary bytes into the file reader

_prefixes = st.sampled_from(
    [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"%PDF-1.4\n", b"<html><body>",
     b'<html><head><meta charset="', b"\x89PNG\r\n\x1a\n", b"It cost 5 dollars. "]
)  # fmt: skip
_bodies = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=100).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(max_size=100).map(lambda s: s.encode("utf-16-le", "surrogatepass")),
    st.sampled_from(["base64", "utf-16", "utf-7", "x-unknown", "latin-1"]).map(lambda c: f'{c}"></head>'.encode()),
)


@slow
@given(data=st.builds(lambda *p: b"".join(p), _prefixes, _bodies, _bodies), name=st.sampled_from(["a.txt", "a.htm"]))
@example(data=b"\x00" * 9000, name="a.txt")
@example(data=b'<html><head><meta charset="base64"></head><body>\xe9 5 km</body></html>', name="a.htm")
def test_arbitrary_bytes_read_to_text_or_a_reported_skip(data: bytes, name: str) -> None:
    document = document_from_bytes(name, data)
    assert document.doc == name
    assert document.status in (OK, REPLACED, SKIPPED)
    if document.status == SKIPPED:
        assert document.text == "" and document.reason
    else:
        assert document.format in ("text", "html", "pdf")
        check_table(document.text, extract(document.text, doc=name), name)
    with _folder() as folder:
        (folder / name).write_bytes(data)
        again = read_document(str(folder / name))
    assert (again.text, again.status, again.reason) == (document.text, document.status, document.reason)
