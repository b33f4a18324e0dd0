"""samples/ is what the main command makes of seeds/: a changed row fails until it is regenerated
(`bash samples/make.sh`) and the new rows are checked by hand."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from numbers_extract import COLUMNS
from numbers_extract.table import NUMBERS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _run(fmt: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "numbers_extract.cli", "seeds", "--format", fmt],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode("utf-8")  # fmt: skip


def test_jsonl_sample_is_current() -> None:
    committed = (SAMPLES / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    now = _run("jsonl").splitlines()
    changed = [(a, b) for a, b in zip(committed, now, strict=False) if a != b]
    assert len(committed) == len(now), f"{len(committed)} rows committed, {len(now)} now"
    assert not changed, "changed rows:\n" + "\n".join(f"- {a}\n+ {b}" for a, b in changed[:5])


def test_csv_sample_is_current_and_has_the_same_rows() -> None:
    committed = (SAMPLES / "seeds.csv").read_bytes().decode("utf-8")
    assert committed.startswith("\ufeffdoc,start,end,")
    assert committed == _run("csv")
    rows = list(csv.DictReader(io.StringIO(committed.removeprefix("\ufeff"))))
    figures = [json.loads(line) for line in (SAMPLES / "seeds.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["surface"] for r in rows] == [f["surface"] for f in figures]


def _as_json(column: str, cell: Any) -> Any:
    """A workbook cell as the JSON Lines value it stands for."""
    if cell is None:
        return None if column in NUMBERS else ""
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    return cell


def test_xlsx_sample_has_the_current_values() -> None:
    book = load_workbook(SAMPLES / "seeds.xlsx")
    now = [json.loads(line) for line in _run("jsonl").splitlines()]
    header, *rows = book["Figures"].iter_rows(values_only=True)  # the table's columns, in the sheet's order
    sheet = [{c: _as_json(c, row[header.index(c)]) for c in COLUMNS} for row in rows]
    changed = [(a, b) for a, b in zip(sheet, now, strict=False) if a != b]
    assert len(sheet) == len(now), f"{len(sheet)} rows in the workbook, {len(now)} now"
    assert not changed, "changed rows:\n" + "\n".join(f"- {a}\n+ {b}" for a, b in changed[:3])
    documents = [row[0] for row in book["Documents"].iter_rows(min_row=2, values_only=True)]
    assert documents == [f"seeds/{p.name}" for p in sorted((ROOT / "seeds").glob("*.txt"))]
