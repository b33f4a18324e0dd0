"""A real spreadsheet opens the workbook: LibreOffice (headless) converts every sheet to CSV, and what
it read (values, which cells are numbers and which text, row counts) agrees with openpyxl's reading;
and converted "as shown", the numbers and dates show through their formats (8,800,000,000; 30%).

tests/run.sh installs LibreOffice (Debian's libreoffice-calc-nogui) where it is missing; these tests
skip only when soffice cannot be had at all, and never in CI.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from numbers_extract import to_xlsx
from numbers_extract.export.xlsx import SHEET_COLUMNS
from tests.figures_maker import figure

ROOT = Path(__file__).resolve().parents[2]
# field separator, text delimiter, UTF-8, from line 1, -, -, quote every text cell, -, raw values, -, -, all sheets
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1"
# the same, in English (United States), with the cells as shown: their number formats applied
CSV_AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true,true,true,false,false,-1"
FORMULAS = '=HYPERLINK("http://example.com","x") cost 5 dollars.\n+SUM(1,2) said 40 people.\n@cmd sent 7 buses.\n'
NUMBERS = "-2+3 was the score, and the loss was -2 dollars.\nOn May 15, 2018, 1.5 million people left.\n"
_FIELD = re.compile(r'"((?:[^"]|"")*)"|([^,"\r\n]*)')


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is missing in CI: tests/run.sh should have installed libreoffice-calc-nogui")
        pytest.skip("LibreOffice (soffice) is not installed and could not be: apt-get install libreoffice-calc-nogui")
    return found


def read_csv(text: str) -> list[list[tuple[bool, str]]]:
    """CSV records as (quoted, text) cells: LibreOffice quotes text cells and leaves numbers bare."""
    rows: list[list[tuple[bool, str]]] = []
    row: list[tuple[bool, str]] = []
    at = 0
    while at < len(text):
        field = _FIELD.match(text, at)
        assert field is not None
        quoted = field.group(1) is not None
        row.append((quoted, field.group(1).replace('""', '"') if quoted else field.group(2)))
        at = field.end()
        if text.startswith(",", at):
            at += 1
            continue
        rows.append(row)
        row = []
        at += 2 if text.startswith("\r\n", at) else 1
    return rows


def as_libreoffice_shows(value: Any) -> tuple[bool, str]:
    if value is None:
        return False, ""
    if isinstance(value, dt.datetime):
        return False, value.date().isoformat()
    if isinstance(value, int | float):
        return False, f"{value:.15g}"
    return True, str(value)


def convert(program: str, workbook: Path, tmp_path: Path, how: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    """LibreOffice's conversion of every sheet of ``workbook`` to CSV, and the folder it writes them to."""
    out = tmp_path / "converted"
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"  # a fresh profile: no shared state
    convert = [program, "--headless", "--norestore", profile, "--convert-to", how, "--outdir", str(out)]
    converted = subprocess.run([*convert, str(workbook)], capture_output=True, text=True, timeout=300, check=False)
    return converted, out


def written(converted: subprocess.CompletedProcess[str], out: Path, sheets: list[str]) -> dict[str, Path]:
    """The CSV file of each sheet, which must be there: soffice exits 0 when it fails."""
    files = {name: out / f"figures-{name}.csv" for name in sheets}
    missing = [str(path) for path in files.values() if not path.is_file()]
    assert not missing, f"LibreOffice wrote no {missing}: {converted.stdout}{converted.stderr}"
    return files


@pytest.mark.slow
def test_libreoffice_opens_the_workbook_and_reads_the_same_table(tmp_path: Path) -> None:
    program = soffice()
    (tmp_path / "formulas.txt").write_text(FORMULAS, encoding="utf-8")
    (tmp_path / "numbers.txt").write_text(NUMBERS, encoding="utf-8")
    workbook = tmp_path / "figures.xlsx"
    inputs = ["seeds", str(tmp_path / "formulas.txt"), str(tmp_path / "numbers.txt")]
    made = subprocess.run(
        [sys.executable, "-m", "numbers_extract", *inputs, "-o", str(workbook)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr

    converted, out = convert(program, workbook, tmp_path, CSV_FILTER)
    ours = load_workbook(workbook, rich_text=True)
    files = written(converted, out, ours.sheetnames)

    for name, path in files.items():
        theirs = read_csv(path.read_text(encoding="utf-8"))
        expected = [[as_libreoffice_shows(v) for v in row] for row in ours[name].iter_rows(values_only=True)]
        assert len(theirs) == len(expected), name
        for got, want in zip(theirs, expected, strict=True):
            assert got[: len(want)] == want, name
            assert all(cell == (False, "") for cell in got[len(want) :]), name

    figures = read_csv(files["Figures"].read_text(encoding="utf-8"))
    header, rows = figures[0], figures[1:]
    assert [text for _, text in header] == list(SHEET_COLUMNS)
    column = {name: i for i, name in enumerate(SHEET_COLUMNS)}
    assert {text for _, text in (row[column["doc"]] for row in rows)} >= {"seeds/000_b14f3dfcc69a9183.txt"}
    values = [row[column["value"]] for row in rows]
    assert all(not quoted for quoted, _ in values), "a value cell that LibreOffice reads as text"
    assert (False, "1500000") in values and (False, "-2") in values
    assert (False, "2018-05-15") in [row[column["date_cell"]] for row in rows]  # a date cell
    assert (True, "2018-05-15") in [row[column["date"]] for row in rows]  # the table's text
    sentences = {text for _, text in (row[column["sentence"]] for row in rows)}
    # the formulas arrive as the text they were, not evaluated ("x", 3, 1) nor refused
    assert {'=HYPERLINK("http://example.com","x") cost 5 dollars.', "+SUM(1,2) said 40 people."} <= sentences
    assert {"@cmd sent 7 buses.", "-2+3 was the score, and the loss was -2 dollars."} <= sentences


@pytest.mark.slow
def test_libreoffice_shows_the_number_formats(tmp_path: Path) -> None:
    program = soffice()
    rows = [
        figure("8.8 billion", "There are 8.8 billion people.", value=8.8e9, low=8.8e9, high=None),
        figure("30%", "Prices rose 30% in 2018.", value=30, low=30, high=30, kind="percent"),
        figure("1.5%", "Shares fell 1.5%.", value=1.5, low=1.5, high=1.5, kind="percent"),
        figure("$2.5 billion", "It cost $2.5 billion.", value=2_500_000_000, kind="money", si_unit="USD"),
        figure("£2.50", "It cost £2.50.", value=2.5, low=2.5, high=2.5, kind="money", si_unit="GBP"),
        figure("0.000125 m", "It is 0.000125 m long.", value=0.000125, kind="measure", date="2018-05-15"),
    ]
    workbook = tmp_path / "figures.xlsx"
    to_xlsx(rows, workbook)
    converted, out = convert(program, workbook, tmp_path, CSV_AS_SHOWN)
    table = read_csv(written(converted, out, ["Figures"])["Figures"].read_text(encoding="utf-8"))
    shown = [dict(zip(SHEET_COLUMNS, (text for _, text in row), strict=False)) for row in table[1:]]
    assert [row["value"] for row in shown] == [
        "8,800,000,000",
        "30%",
        "1.5%",
        "2,500,000,000 USD",
        "2.50 GBP",
        "0.000125",
    ]
    assert [row["high"] for row in shown][:2] == ["", "30%"]
    assert shown[5]["date_cell"] == "2018-05-15" and shown[5]["start"] == "6"
