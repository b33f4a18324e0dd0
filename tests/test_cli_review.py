"""The command line's review page, its check subcommand and the workbook's Claims sheet (#7)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from numbers_extract.cli import main

SEEDS = str(Path(__file__).resolve().parent.parent / "seeds")


def test_html_output_is_the_review_page(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    assert main([SEEDS, "-o", str(out), "-q"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("<mark ") == 19  # one highlight per figure of the seeds
    assert 'data-kind="count"' in page and 'data-value="1600"' in page


def test_html_format_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([SEEDS, "--format", "html", "-q"]) == 0
    assert capsys.readouterr().out.lstrip().lower().startswith("<!doctype html>")


def test_check_passes_when_every_row_matches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = tmp_path / "expected.csv"
    expected.write_text("entity,unit,value\npeople,,1600\n,square mile,19\n", encoding="utf-8")
    assert main(["check", SEEDS, "--against", str(expected), "-q"]) == 0
    assert "check passed" in capsys.readouterr().out


def test_check_fails_on_a_mismatch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = tmp_path / "expected.csv"
    expected.write_text("entity,unit,value\npeople,,1600\n,square mile,19\npeople,,2000\n", encoding="utf-8")
    assert main(["check", SEEDS, "--against", str(expected), "-q"]) == 1
    report = capsys.readouterr().out
    assert "MISMATCHED" in report and "2,000 people" in report and "check failed" in report


def test_check_with_an_unreadable_table_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["check", SEEDS, "--against", str(tmp_path / "missing.csv"), "-q"]) == 2


def test_the_workbook_has_a_claims_sheet(tmp_path: Path) -> None:
    out = tmp_path / "seeds.xlsx"
    assert main([SEEDS, "-o", str(out), "-q"]) == 0
    book = openpyxl.load_workbook(out)
    assert "Claims" in book.sheetnames
    rows = list(book["Claims"].iter_rows(values_only=True))
    header = rows[0]
    people = [dict(zip(header, row, strict=True)) for row in rows[1:] if row[header.index("entity")] == "people"]
    assert {p["surface"] for p in people} == {"some 1,600", "about 1600"}
    assert {p["agreement"] for p in people} == {"agree"}
    assert all(isinstance(p["value"], int) for p in people)
