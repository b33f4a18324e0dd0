"""What a spreadsheet user reads in a cell, written out literally: where Excel's cell limit cuts a text and
what the cut says, and what a formula-like text becomes in CSV and xlsx.

The round-trip properties (test_roundtrip.py) compare with ``clip`` and ``neutralise`` themselves, so a
change in either moves the expectation with it; these tests name the expected text outright.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from numbers_extract import Figure, Report, extract, to_csv, to_xlsx
from numbers_extract.export.xlsx import SHEET_COLUMNS
from tests.figures_maker import figure

CUT_40000 = " … [cut: 40,000 characters in all]"  # 34 characters
LIMIT = 32_767  # Excel's most UTF-16 units in a cell


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _same_text(got: str, want: str) -> None:
    """``got == want``, said so that a long cell's difference shows: its length, then its end."""
    assert (len(got), _utf16(got)) == (len(want), _utf16(want)), "characters and UTF-16 units in the cell"
    assert got[-60:] == want[-60:], "the cell's end"
    assert got == want


def _xlsx(tmp_path: Path, figures: list[Figure], **options: Any) -> Path:
    path = tmp_path / "t.xlsx"
    to_xlsx(figures, path, **options)
    return path


def _openpyxl_row(path: Path, sheet: str = "Figures") -> dict[str, Any]:
    book = load_workbook(path, rich_text=True)
    return {name: cell for name, cell in zip(SHEET_COLUMNS, book[sheet][2], strict=True)}


def _calamine(path: Path, sheet: str = "Figures") -> list[list[Any]]:
    """The sheet's rows as python-calamine reads them (as Excel would)."""
    rows: list[list[Any]] = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    return rows


def _calamine_row(path: Path) -> dict[str, Any]:
    header, row = _calamine(path)[:2]
    return dict(zip(header, row, strict=True))


def _csv_row(tmp_path: Path, figures: list[Figure], raw: bool = False) -> dict[str, str]:
    path = tmp_path / "t.csv"
    to_csv(figures, path, raw=raw)
    (row,) = csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""))
    return row


# Excel's cell limit: 32,767 UTF-16 units, the cut flagged at the end


def test_a_40000_character_sentence_is_cut_to_exactly_32767_units(tmp_path: Path) -> None:
    sentence = "Revenue was 5 dollars. " + "x" * (40_000 - 23)
    path = _xlsx(tmp_path, [figure("5 dollars", sentence, source="y" * 40_000)])
    expected_sentence = "Revenue was 5 dollars. " + "x" * (32_733 - 23) + CUT_40000
    expected_source = "y" * 32_733 + CUT_40000
    for row in (_calamine_row(path), {k: getattr(c, "value", c) for k, c in _openpyxl_row(path).items()}):
        sentence_cell, source_cell = str(row["sentence"]), row["source"]
        assert (len(sentence_cell), _utf16(sentence_cell)) == (LIMIT, LIMIT)
        assert sentence_cell.endswith("xxx … [cut: 40,000 characters in all]")
        _same_text(sentence_cell, expected_sentence)
        _same_text(source_cell, expected_source)


def test_the_cut_falls_at_the_limit_and_not_before(tmp_path: Path) -> None:
    fits, one_more = "z" * 32_767, "z" * 32_768
    path = _xlsx(tmp_path, [figure(entity=fits), figure(entity=one_more)])
    entities = [str(row[SHEET_COLUMNS.index("entity")]) for row in _calamine(path)[1:]]
    assert [len(e) for e in entities] == [32_767, 32_767]
    _same_text(entities[0], fits)  # exactly at the limit: whole
    _same_text(entities[1], "z" * 32_733 + " … [cut: 32,768 characters in all]")


def test_characters_outside_the_bmp_count_twice_and_are_never_split(tmp_path: Path) -> None:
    # 20,000 emoji are 40,000 UTF-16 units: 16,366 of them (32,732 units) and the note (34) fit, one more would not
    path = _xlsx(tmp_path, [figure(entity="🙂" * 20_000)])
    entity = str(_calamine_row(path)["entity"])
    assert (len(entity), _utf16(entity)) == (16_400, 32_766)
    _same_text(entity, "🙂" * 16_366 + " … [cut: 20,000 characters in all]")


def test_a_long_reason_on_the_documents_sheet_is_cut_the_same_way(tmp_path: Path) -> None:
    report = Report("a.txt", 40_000, 0, "failed", "r" * 40_000)
    path = _xlsx(tmp_path, [], documents=[report])
    _same_text(str(_calamine(path, "Documents")[1][4]), "r" * 32_733 + CUT_40000)


def test_a_cut_sentence_keeps_its_figure_in_bold(tmp_path: Path) -> None:
    sentence = "It cost 5 dollars. " + "w" * 39_981  # 40,000 characters
    cell = _openpyxl_row(_xlsx(tmp_path, [figure("5 dollars", sentence)]))["sentence"]
    parts = [(part.text, bool(part.font.b)) if hasattr(part, "font") else (part, False) for part in cell.value]
    assert [part for part in parts[:2]] == [("It cost ", False), ("5 dollars", True)]
    _same_text(parts[2][0], ". " + "w" * (32_733 - 19) + CUT_40000)
    assert len(parts) == 3 and not parts[2][1]


# Formulas never come alive: CSV's apostrophe, xlsx's quote prefix; numbers untouched

FORMULA_CASES = [
    ("=SUM(1,2)", "'=SUM(1,2)"),
    ("-2 dollars", "'-2 dollars"),
    ("+44 20 7946 0000", "'+44 20 7946 0000"),
    ("@cmd", "'@cmd"),
    ("\tTAB", "'\tTAB"),
    ("\rCR", "'\rCR"),
    ("--05-01", "'--05-01"),
    ("'quoted", "'quoted"),  # already an apostrophe: not a formula, left as it is
    (" =SUM(1,2)", " =SUM(1,2)"),  # a space first: not a formula
    ("5 dollars", "5 dollars"),
]


@pytest.mark.parametrize(("text", "in_csv"), FORMULA_CASES)
def test_csv_reads_back_with_a_literal_apostrophe(tmp_path: Path, text: str, in_csv: str) -> None:
    made = figure(text, text + " was written", value=-2, low=-2, high=-2, entity=text, date=text, source=text)
    row = _csv_row(tmp_path, [made])
    assert (row["surface"], row["entity"], row["source"], row["date"]) == (in_csv,) * 4
    assert row["sentence"] == in_csv + " was written"
    assert (row["value"], row["low"], row["high"]) == ("-2", "-2", "-2")  # numbers stay numbers
    raw = _csv_row(tmp_path, [made], raw=True)
    assert (raw["surface"], raw["sentence"], raw["value"]) == (text, text + " was written", "-2")


def test_csv_of_extracted_figures_neutralises_the_sentence_and_keeps_negative_values(tmp_path: Path) -> None:
    figures = extract("-2 dollars was the loss.\n=SUM(1,2) cost 5 dollars.")
    assert [(f.surface, f.value) for f in figures] == [("-2 dollars", -2), ("1", 1), ("2", 2), ("5 dollars", 5)]
    path = tmp_path / "t.csv"
    to_csv(figures, path)
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    assert [(r["surface"], r["value"], r["sentence"]) for r in rows] == [
        ("'-2 dollars", "-2", "'-2 dollars was the loss."),
        ("1", "1", "'=SUM(1,2) cost 5 dollars."),
        ("2", "2", "'=SUM(1,2) cost 5 dollars."),
        ("5 dollars", "5", "'=SUM(1,2) cost 5 dollars."),
    ]
    first = path.read_bytes().decode("utf-8-sig").split("\r\n")[1]
    assert first.startswith(",0,10,'-2 dollars,-2,-2,-2,,exact,,dollar,")  # the line itself: -2 is a bare number


@pytest.mark.parametrize("text", ["=SUM(1,2)", "-2 dollars", "@cmd", "--05-01", "+1"])
def test_xlsx_keeps_the_text_as_written_with_a_quote_prefix(tmp_path: Path, text: str) -> None:
    made = figure(text, text + " was written", value=-2, low=-2, high=-2, entity=text, date=text)
    path = _xlsx(tmp_path, [made])
    row = _openpyxl_row(path)
    for column in ("surface", "entity", "date"):
        assert (row[column].value, row[column].data_type, row[column].quotePrefix) == (text, "s", True), column
    assert (str(row["sentence"].value), row["sentence"].quotePrefix) == (text + " was written", True)
    assert (row["value"].value, row["value"].data_type) == (-2, "n")
    theirs = _calamine_row(path)  # as Excel reads it: the text itself, no apostrophe; the number a number
    assert (theirs["surface"], theirs["entity"], theirs["sentence"], theirs["value"]) == (
        text,
        text,
        text + " was written",
        -2.0,
    )


def test_xlsx_plain_text_has_no_quote_prefix(tmp_path: Path) -> None:
    row = _openpyxl_row(_xlsx(tmp_path, [figure("5 dollars", "It cost 5 dollars.", entity="'quoted")]))
    assert (row["surface"].value, row["entity"].value) == ("5 dollars", "'quoted")
    assert not row["surface"].quotePrefix and not row["entity"].quotePrefix


def test_characters_xml_forbids_become_literal_replacement_characters(tmp_path: Path) -> None:
    path = _xlsx(tmp_path, [figure("3 km", "Go\x00 3 km\x1b[0m\ud800 now", entity="a\x0bb")])
    row = _calamine_row(path)
    assert (row["sentence"], row["entity"]) == ("Go\ufffd 3 km\ufffd[0m\ufffd now", "a\ufffdb")
