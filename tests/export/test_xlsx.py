"""The workbook an analyst opens: read back with openpyxl and python-calamine, two independent readers."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from python_calamine import CalamineWorkbook

from numbers_extract import COLUMNS, Figure, Report, __version__, to_xlsx
from numbers_extract.export.cells import utf16_length
from numbers_extract.export.xlsx import FIGURE_COLUMNS, SHEET_COLUMNS, number_format, surface_offsets
from numbers_extract.io.metadata import Metadata
from tests.figures_maker import figure

LAST = get_column_letter(len(SHEET_COLUMNS))  # the Figures table's last column
MONEY = figure(
    "more than $2.5 billion",
    "Officials said it cost more than $2.5 billion.",
    value=2_500_000_000,
    low=2_500_000_000,
    high=None,
    qualifier="lower_bound",
    unit="dollar",
    dimension="currency",
    kind="money",
    entity="",
    source="Officials",
)
SHARE = figure("1.5%", "Shares fell 1.5% on 15 May.", value=1.5, low=1.5, high=1.5, trend="down", kind="percent")
DAY = figure(
    "May 15, 2018", "On May 15, 2018, it ended.", value=None, low=None, high=None, kind="date", date="2018-05-15"
)


def write(tmp_path: Path, figures: list[Figure], **options: Any) -> Path:
    out = tmp_path / "figures.xlsx"
    to_xlsx(figures, out, **options)
    return out


def workbook(path: Path) -> Workbook:
    return load_workbook(path, rich_text=True)


def test_figures_sheet_is_an_excel_table_with_a_frozen_header(tmp_path: Path) -> None:
    book = workbook(write(tmp_path, [figure(), MONEY, SHARE]))
    assert book.sheetnames == ["Figures", "Documents", "Summary", "Claims", "About"]
    sheet = book["Figures"]
    assert [c.value for c in sheet[1]] == list(SHEET_COLUMNS)
    assert sheet.freeze_panes == "A2"
    (table,) = sheet.tables.values()
    assert table.ref == f"A1:{LAST}4"
    assert table.tableStyleInfo is not None and table.tableStyleInfo.showRowStripes
    assert [c.name for c in table.tableColumns] == list(SHEET_COLUMNS)
    assert table.autoFilter is not None and table.autoFilter.ref == f"A1:{LAST}4"
    assert sheet.column_dimensions[get_column_letter(SHEET_COLUMNS.index("sentence") + 1)].width == 90
    assert sheet.max_row == 4


def test_value_low_and_high_are_numeric_cells(tmp_path: Path) -> None:
    sheet = workbook(write(tmp_path, [figure(), MONEY, SHARE]))["Figures"]
    cells = {name: [row[i] for row in sheet.iter_rows(min_row=2)] for i, name in enumerate(SHEET_COLUMNS)}
    assert [c.value for c in cells["value"]] == [32, 2_500_000_000, 1.5]
    assert [c.value for c in cells["low"]] == [32, 2_500_000_000, 1.5]
    assert [c.value for c in cells["high"]] == [32, None, 1.5]
    assert all(c.data_type == "n" for col in ("start", "end", "value", "low", "high") for c in cells[col])
    assert [c.value for c in cells["start"]] == [13, 23, 12]


def test_date_is_the_tables_text_and_date_cell_a_date_cell_for_a_full_day(tmp_path: Path) -> None:
    texts = ["2011", "--05-01", "2018-06", "1990/1999", "2018-02-30", "1865-04-14", "2018-W20-1"]
    sheet = workbook(write(tmp_path, [DAY, *(replace(DAY, date=iso) for iso in texts), MONEY]))["Figures"]
    rows = [dict(zip(SHEET_COLUMNS, row, strict=True)) for row in sheet.iter_rows(min_row=2)]
    # one type per column: date is text in every row, as in the CSV; date_cell holds dates only
    assert [row["date"].value for row in rows] == ["2018-05-15", *texts, None]
    assert all(row["date"].data_type == "s" for row in rows[:-1])
    day = rows[0]["date_cell"]
    assert day.value == dt.datetime(2018, 5, 15) and day.is_date and day.number_format == "yyyy-mm-dd"
    # partial dates, an impossible day, a day before Excel's calendar, a week date: no date cell
    assert [row["date_cell"].value for row in rows[1:]] == [None] * (len(texts) + 1)


def test_the_analysts_columns_come_first_and_the_developers_last(tmp_path: Path) -> None:
    assert sorted(FIGURE_COLUMNS) == sorted(COLUMNS) and len(FIGURE_COLUMNS) == len(COLUMNS)  # none lost
    assert FIGURE_COLUMNS[:4] == ("surface", "value", "unit", "si_value")
    assert FIGURE_COLUMNS[-3:] == ("start", "end", "rule")
    assert [c for c in SHEET_COLUMNS if c != "date_cell"] == list(FIGURE_COLUMNS)
    assert SHEET_COLUMNS[SHEET_COLUMNS.index("date") + 1] == "date_cell"
    (header, *rows) = CalamineWorkbook.from_path(str(write(tmp_path, [MONEY]))).get_sheet_by_name("Figures").to_python()
    row = dict(zip(header, rows[0], strict=True))
    assert header[:3] == ["surface", "value", "unit"] and header[-1] == "rule"
    assert (row["surface"], row["value"], row["source"]) == ("more than $2.5 billion", 2.5e9, "Officials")


@pytest.mark.parametrize(
    ("value", "kind", "code", "shown"),
    [
        (8_800_000_000, "count", "", "#,##0"),
        (8.8e9, "measure", "", "#,##0"),
        (1.5, "count", "", "#,##0.0"),
        (0.000125, "measure", "", "#,##0.000000"),
        (1234.5678, "number", "", "#,##0.0000"),
        (30, "percent", "", '#,##0"%"'),
        (1.5, "percent", "", '#,##0.0"%"'),
        (2_500_000_000, "money", "USD", '#,##0" USD"'),
        (2.5, "money", "GBP", '#,##0.00" GBP"'),
        (2.5, "money", "", "#,##0.00"),
        (2.125, "money", "usd", "#,##0.000"),
        (1e-7, "measure", "m", "General"),
    ],
)
def test_a_number_shows_every_decimal_and_no_trailing_point(value: float, kind: str, code: str, shown: str) -> None:
    assert number_format(value, kind, code) == shown


def test_numbers_keep_the_tables_values_under_their_formats(tmp_path: Path) -> None:
    percent = replace(SHARE, value=30, low=30, high=30)
    money = replace(MONEY, si_value=2_500_000_000, si_low=2_500_000_000, si_unit="USD")
    big = figure("8.8 billion people", "There are 8.8 billion people.", value=8.8e9, low=8.8e9, high=8.8e9)
    sheet = workbook(write(tmp_path, [percent, money, big]))["Figures"]
    rows = [dict(zip(SHEET_COLUMNS, row, strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert [(row["value"].value, row["value"].number_format) for row in rows] == [
        (30, '#,##0"%"'),
        (2_500_000_000, '#,##0" USD"'),
        (8_800_000_000, "#,##0"),
    ]
    assert (rows[1]["si_value"].value, rows[1]["si_value"].number_format) == (2_500_000_000, '#,##0" USD"')
    assert (rows[1]["low"].value, rows[1]["high"].value) == (2_500_000_000, None)
    assert rows[0]["start"].number_format == "General"


def bold(cell: Any) -> list[str]:
    assert isinstance(cell.value, CellRichText), cell.value
    return [part.text for part in cell.value if isinstance(part, TextBlock) and part.font.b]


def test_the_sentence_is_rich_text_with_the_figure_in_bold(tmp_path: Path) -> None:
    sentence = "It rose 15% to 5 people, then 5 more."
    figures = [
        figure("15%", sentence, start=100 + 8, value=15),
        figure("5 people", sentence, start=100 + 15, value=5),
        figure("5", sentence, start=100 + 30, value=5),
    ]
    sheet = workbook(write(tmp_path, figures))["Figures"]
    cells = [row[SHEET_COLUMNS.index("sentence")] for row in sheet.iter_rows(min_row=2)]
    assert [str(c.value) for c in cells] == [sentence] * 3
    assert [bold(c) for c in cells] == [["15%"], ["5 people"], ["5"]]
    # the lone "5" is the one at offset 30, not the one in "15%" or "5 people"
    parts = [p.text if isinstance(p, TextBlock) else p for p in cells[2].value]
    assert parts == ["It rose 15% to 5 people, then ", "5", " more."]


def test_surface_offsets_agree_within_a_sentence() -> None:
    sentence = "5 of 15 rose by 5"  # the sentence starts at 100 in its document
    figures = [figure("15", sentence, start=105), figure("5", sentence, start=116)]
    assert [offset for _, offset in surface_offsets(figures)] == [5, 16]
    twice = "From 5 to 5 and 5"  # 57 and 62 are 5 apart: only offsets 5 and 10 fit both
    assert [o for _, o in surface_offsets([figure("5", twice, start=57), figure("5", twice, start=62)])] == [5, 10]
    assert list(surface_offsets([figure("9", "No nine here.")])) == [(figure("9", "No nine here."), None)]


@pytest.mark.parametrize("formula", ['=HYPERLINK("http://example.com","x")', "+SUM(1,2)", "@cmd", "-2+3", "\tx"])
def test_no_text_becomes_a_live_formula(tmp_path: Path, formula: str) -> None:
    text_columns = ("doc", "qualifier", "trend", "unit", "dimension", "kind", "entity", "source", "date", "rule")
    made = figure(formula, formula + " said it.", value=-2, **dict.fromkeys(text_columns, formula))
    path = write(tmp_path, [made])
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets and not any(b"<f>" in s or b"<f " in s for s in sheets)
    sheet = workbook(path)["Figures"]
    row = {name: cell for name, cell in zip(SHEET_COLUMNS, sheet[2], strict=True)}
    for name in (*text_columns, "surface"):
        assert (row[name].value, row[name].data_type, row[name].quotePrefix) == (formula, "s", True), name
    assert str(row["sentence"].value) == formula + " said it." and row["sentence"].quotePrefix
    assert (row["value"].value, row["value"].data_type) == (-2, "n")
    assert workbook(path)["Documents"]["A2"].quotePrefix


def test_illegal_xml_characters_are_replaced_one_for_one(tmp_path: Path) -> None:
    sentence = "It was \x01\x02 3 km\x0b away\x00."
    sheet = workbook(write(tmp_path, [figure("3 km", sentence, entity="\x1fway")]))["Figures"]
    row = dict(zip(SHEET_COLUMNS, sheet[2], strict=True))
    assert str(row["sentence"].value) == "It was \ufffd\ufffd 3 km\ufffd away\ufffd."
    assert bold(row["sentence"]) == ["3 km"]
    assert row["entity"].value == "\ufffdway"


def test_text_like_excels_escapes_reads_back_as_written(tmp_path: Path) -> None:
    sentence = "Code _x0041_ cost 5 dollars, _x00e9_ and _X0041_."
    path = write(tmp_path, [figure("5 dollars", sentence, entity="_x0041_", source="a_x0042_b")])
    (header, row) = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Figures").to_python()
    cells = dict(zip(header, row, strict=True))  # calamine reads _xHHHH_ as Excel does
    assert (cells["sentence"], cells["entity"], cells["source"]) == (sentence, "_x0041_", "a_x0042_b")


def test_a_sentence_whose_plain_runs_are_only_whitespace_keeps_them(tmp_path: Path) -> None:
    path = write(tmp_path, [figure("5", " 5 "), figure("\n", "\n")])  # openpyxl drops a run of whitespace alone
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Figures").to_python()
    assert [row[SHEET_COLUMNS.index("sentence")] for row in rows[1:]] == [" 5 ", "\n"]


def test_a_cell_past_excels_limit_is_cut_and_flagged(tmp_path: Path) -> None:
    long = "Revenue was 5 dollars. " + "🙂" * 20_000  # 40,000 UTF-16 units
    sheet = workbook(write(tmp_path, [figure("5 dollars", long, source="x" * 40_000)]))["Figures"]
    row = dict(zip(SHEET_COLUMNS, sheet[2], strict=True))
    sentence, source = str(row["sentence"].value), row["source"].value
    assert utf16_length(sentence) <= 32_767 and utf16_length(source) <= 32_767
    assert sentence.endswith(" … [cut: 20,023 characters in all]")
    assert source.endswith(" … [cut: 40,000 characters in all]")
    assert sentence.startswith("Revenue was 5 dollars. 🙂🙂")
    assert bold(row["sentence"]) == ["5 dollars"]


def test_figures_past_the_row_limit_go_on_in_further_sheets(tmp_path: Path) -> None:
    figures = [figure(f"{n} buses", f"They left in {n} buses.", value=n, doc=f"{n}.txt") for n in range(7)]
    book = workbook(write(tmp_path, figures, figures_per_sheet=3))
    assert book.sheetnames == ["Figures", "Figures (2)", "Figures (3)", "Documents", "Summary", "Claims", "About"]
    values = []
    for name, rows in (("Figures", 3), ("Figures (2)", 3), ("Figures (3)", 1)):
        sheet = book[name]
        (table,) = sheet.tables.values()
        assert (table.ref, sheet.freeze_panes) == (f"A1:{LAST}{rows + 1}", "A2")
        assert [c.value for c in sheet[1]] == list(SHEET_COLUMNS)
        values += [row[SHEET_COLUMNS.index("value")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert values == list(range(7))


def test_documents_summary_and_about(tmp_path: Path) -> None:
    page = Metadata("Rates rise", "The Daily", "https://daily.example/rates", "2019-11-19")
    reports = [
        Report("a.txt", 22, 2, "ok", ""),
        Report("b.bin", 0, 0, "skipped", "binary content, not text, HTML or PDF"),
        Report("c.txt", 9, 1, "decoded with replacement", "not valid UTF-8: 1 character replaced by U+FFFD"),
        Report("d.html", 30, 0, "ok", "", page),
        Report("e.pdf", 30, 0, "ok", "", Metadata("Annual report", "", "", "2019")),
    ]
    path = write(tmp_path, [figure(), MONEY, SHARE], documents=reports, about={"command": "numbers-extract a b c"})
    book = workbook(path)
    assert list(book["Documents"].values) == [
        ("path", "characters", "figures", "status", "reason", "title", "publisher", "url", "published"),
        ("a.txt", 22, 2, "ok", None, None, None, None, None),
        ("b.bin", 0, 0, "skipped", "binary content, not text, HTML or PDF", None, None, None, None),
        ("c.txt", 9, 1, "decoded with replacement", "not valid UTF-8: 1 character replaced by U+FFFD", *[None] * 4),
        (
            "d.html",
            30,
            0,
            "ok",
            None,
            "Rates rise",
            "The Daily",
            "https://daily.example/rates",
            dt.datetime(2019, 11, 19),
        ),
        ("e.pdf", 30, 0, "ok", None, "Annual report", None, None, "2019"),  # a year alone stays text
    ]
    assert book["Documents"]["I5"].number_format == "yyyy-mm-dd"  # a full date is a date: it sorts and filters
    summary = list(book["Summary"].values)
    assert summary[0] == ("kind", "figures", None, "unit", "figures", None, "source", "figures")
    assert [row[:2] for row in summary[1:]] == [("count", 1), ("money", 1), ("percent", 1)]
    assert [row[3:5] for row in summary[1:3]] == [("(no unit)", 2), ("dollar", 1)]
    assert [row[6:8] for row in summary[1:3]] == [("(unattributed)", 2), ("Officials", 1)]
    (chart,) = book["Summary"]._charts
    assert (chart.x_axis.delete, chart.y_axis.delete, chart.y_axis.scaling.min) == (False, False, 0)  # axes shown
    about = dict(book["About"].values)
    assert (about["version"], about["figures"], about["command"]) == (__version__, 3, "numbers-extract a b c")
    assert dt.datetime.fromisoformat(about["written"]).tzinfo is not None


def test_without_reports_the_documents_sheet_counts_figures_per_doc(tmp_path: Path) -> None:
    figures = [figure(), figure(doc="b.txt"), figure(doc="b.txt")]
    book = workbook(write(tmp_path, figures))
    assert list(book["Documents"].values)[1:] == [
        ("a.txt", None, 1, "ok", *[None] * 5),
        ("b.txt", None, 2, "ok", *[None] * 5),
    ]


def test_no_figures_gives_a_valid_workbook(tmp_path: Path) -> None:
    book = workbook(write(tmp_path, []))
    assert [c.value for c in book["Figures"][1]] == list(SHEET_COLUMNS)
    assert book["Figures"].max_row == 1 and not book["Figures"].tables
    assert not book["Summary"]._charts


def test_calamine_reads_the_same_values_and_types(tmp_path: Path) -> None:
    path = write(tmp_path, [figure(), MONEY, SHARE, DAY, figure("-2", "=SUM(1,2) then -2", value=-2)])
    ours = workbook(path)
    theirs = CalamineWorkbook.from_path(str(path))
    assert theirs.sheet_names == ours.sheetnames
    for name in ours.sheetnames:
        expected = [[_plain(c) for c in row] for row in ours[name].iter_rows(values_only=True)]
        got = theirs.get_sheet_by_name(name).to_python(skip_empty_area=False)
        width = max(len(r) for r in expected)
        assert [(row + [""] * width)[:width] for row in got] == expected, name
    figures = theirs.get_sheet_by_name("Figures").to_python()
    value = SHEET_COLUMNS.index("value")
    assert [row[value] for row in figures[1:]] == [32.0, 2.5e9, 1.5, "", -2.0]
    assert figures[4][SHEET_COLUMNS.index("date_cell")] == dt.date(2018, 5, 15)
    assert figures[4][SHEET_COLUMNS.index("date")] == "2018-05-15"


def _plain(value: Any) -> Any:
    """A cell value as calamine gives it: numbers as floats, dates as dates, blanks as ""."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    return str(value)
