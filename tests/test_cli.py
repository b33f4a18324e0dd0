"""The command line: what a user running numbers-extract on files, folders and stdin sees."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from numbers_extract import COLUMNS
from numbers_extract.cli import main

SEEDS = Path(__file__).parent.parent / "seeds"
BUSES = "Some 1,600 people left in 32 buses.\n"


def _rows(jsonl: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in jsonl.splitlines() if line.strip()]


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(BUSES, encoding="utf-8")
    return path


def test_jsonl_on_stdout_has_the_table_columns_in_order(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(article)]) == 0
    out, err = capsys.readouterr()
    rows = _rows(out)
    assert [list(row) for row in rows] == [list(COLUMNS)] * len(rows)
    assert [(row["value"], row["doc"]) for row in rows] == [(1600, str(article)), (32, str(article))]
    assert rows[0]["qualifier"] == "approximate"
    start, end = rows[0]["start"], rows[0]["end"]
    assert isinstance(start, int) and isinstance(end, int)
    assert rows[0]["surface"] == BUSES[start:end] == "Some 1,600"
    assert err == ""


def test_format_csv_writes_a_header_of_the_columns(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(article), "--format", "csv"]) == 0
    table = _csv(capsys.readouterr().out)
    assert table[0] == list(COLUMNS)
    assert len(table) == 3
    value = COLUMNS.index("value")
    assert [row[value] for row in table[1:]] == ["1600", "32"]


def test_output_csv_file(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "table.csv"
    assert main([str(article), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    table = _csv(out.read_text(encoding="utf-8"))
    assert table[0] == list(COLUMNS)
    assert len(table) == 3
    # written whole, then renamed: no temporary file is left beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "table.csv"]


def test_output_jsonl_file(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "table.jsonl"
    assert main([str(article), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    rows = _rows(out.read_text(encoding="utf-8"))
    assert [row["value"] for row in rows] == [1600, 32]
    assert list(rows[0]) == list(COLUMNS)


def test_format_overrides_the_output_suffix(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "table.txt"
    assert main([str(article), "-o", str(out), "--format", "csv"]) == 0
    assert _csv(out.read_text(encoding="utf-8"))[0] == list(COLUMNS)


def test_a_folder_is_walked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "articles"
    (folder / "deeper").mkdir(parents=True)
    (folder / "one.txt").write_text("It cost 5 dollars.", encoding="utf-8")
    (folder / "deeper" / "two.md").write_text("It took 48 hours.", encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG 77 kilograms")  # not text: not read
    assert main([str(folder)]) == 0
    rows = _rows(capsys.readouterr().out)
    assert sorted((row["doc"], row["value"], row["unit"]) for row in rows) == [
        (str(folder / "deeper" / "two.md"), 48, "hour"),
        (str(folder / "one.txt"), 5, "dollar"),
    ]


def test_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(BUSES))
    assert main(["-"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert [(row["doc"], row["value"]) for row in rows] == [("-", 1600), ("-", 32)]


def test_a_missing_path_is_reported_and_the_rest_still_written(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no such file.txt"
    out = tmp_path / "table.jsonl"
    assert main([str(missing), str(article), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert str(missing) in err
    assert str(article) not in err
    assert [row["value"] for row in _rows(out.read_text(encoding="utf-8"))] == [1600, 32]


def test_a_missing_path_on_stdout_too(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "gone.txt"
    assert main([str(article), str(missing)]) == 1
    out, err = capsys.readouterr()
    assert str(missing) in err
    assert [row["value"] for row in _rows(out)] == [1600, 32]


def test_csv_neutralises_a_formula_in_a_text_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "formula.txt"
    path.write_text("=SUM(1,2) cost 5 dollars.", encoding="utf-8")
    assert main([str(path), "--format", "csv"]) == 0
    table = _csv(capsys.readouterr().out)
    sentence = COLUMNS.index("sentence")
    rows = table[1:]
    assert any(row[COLUMNS.index("unit")] == "dollar" for row in rows)
    assert all(row[sentence] == "'=SUM(1,2) cost 5 dollars." for row in rows)


def test_csv_keeps_a_negative_value_a_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "loss.txt"
    path.write_text("The balance was -5 dollars.", encoding="utf-8")
    assert main([str(path), "--format", "csv"]) == 0
    (header, row) = _csv(capsys.readouterr().out)
    cells = dict(zip(header, row, strict=True))
    assert (cells["value"], cells["low"], cells["high"]) == ("-5", "-5", "-5")
    assert cells["surface"] == "'-5 dollars"  # a text cell: neutralised


def test_console_script_on_the_seeds(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "numbers_extract.cli", str(SEEDS)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    rows = _rows(done.stdout)
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    assert sorted({str(row["doc"]) for row in rows}) == seeds
    assert all(list(row) == list(COLUMNS) for row in rows)
    assert any(row["surface"] == "some 1,600" and row["value"] == 1600 for row in rows)
