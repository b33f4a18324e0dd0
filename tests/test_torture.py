"""The torture corpus (tests/torture.py), each file through the command line in its own process: processed
or reported, within its time and memory, with no traceback, its document on the Documents sheet, and
the figure after its hostile part found (nothing lost).

The corpus is made at test time at the test's size (1 MB of figures); TORTURE=full makes it at full
size (10 MB of figures), with every bound ten times as generous. The whole file takes about a minute.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from numbers_extract import COLUMNS, extract, read_document, to_csv, to_jsonl, to_xlsx
from numbers_extract.engine import sentences
from numbers_extract.export.cells import FORMULA_START
from numbers_extract.export.writers import NUMERIC
from tests.export.test_roundtrip import check_no_live_formula
from tests.torture import CASES, REPLACED, SKIPPED, TAIL, Case, write

ROOT = Path(__file__).resolve().parent.parent
FULL = os.environ.get("TORTURE") == "full"
SCALE = 10 if FULL else 1

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("torture")
    write(folder, full=FULL)
    return folder


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _measure(args: list[str], timeout: float) -> tuple[dict[str, float], str]:
    """Run the CLI in a fresh process: its measures (status, seconds, megabytes) and its stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.torture", "--measure", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=timeout, check=False,
    )  # fmt: skip
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1]), done.stderr


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_case_is_processed_or_reported_within_its_bounds(case: Case, corpus: Path, tmp_path: Path) -> None:
    path = corpus / case.name
    out = tmp_path / f"out.{case.output}"
    seconds, megabytes = case.seconds * SCALE, case.megabytes * SCALE
    measured, err = _measure([str(path), "-o", str(out)], timeout=seconds * 3 + 30)
    print(f"{case.name}: {path.stat().st_size:,} bytes, {measured['seconds']:.2f} s, {measured['megabytes']:.0f} MB")
    assert measured["seconds"] <= seconds, measured
    assert measured["megabytes"] <= megabytes, measured

    # reported as it should be, and counted: one file, read or skipped, with its figures
    assert measured["status"] == (1 if case.status == SKIPPED else 0)
    *said, summary = err.splitlines()
    lines = {
        SKIPPED: f"numbers-extract: skipped {path}: ",
        REPLACED: f"numbers-extract: read with replacement {path}: ",
    }
    assert [line[: len(lines[case.status])] for line in said] == ([lines[case.status]] if case.status in lines else [])
    if case.output == "xlsx":
        book = CalamineWorkbook.from_path(str(out))
        documents = book.get_sheet_by_name("Documents").to_python()
        assert [(row[0], row[3]) for row in documents[1:]] == [(str(path), case.status)]
        rows = [dict(zip(COLUMNS, row, strict=True)) for row in book.get_sheet_by_name("Figures").to_python()[1:]]
        assert documents[1][2] == len(rows)
    else:
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    read, figures = ("0 files", "0 figures") if case.status == SKIPPED else ("1 file", _count(len(rows), "figure"))
    skipped = "1 file" if case.status == SKIPPED else "0 files"
    assert summary == f"numbers-extract: {read} read, {figures}, {skipped} skipped -> {out}"

    if case.tail:  # the figure after the hostile part is there, in its place: nothing before it was lost
        text = read_document(str(path)).text
        assert (rows[-1]["surface"], rows[-1]["start"]) == ("5 dollars", text.rindex("5 dollars")), rows[-1]


def test_the_formulas_case_stays_text_in_every_writer(corpus: Path, tmp_path: Path) -> None:
    path = corpus / "formulas.txt"
    figures = extract(read_document(str(path)).text, doc="=" + str(path))  # doc too starts like a formula
    to_xlsx(figures, tmp_path / "t.xlsx")
    check_no_live_formula(tmp_path / "t.xlsx")
    to_csv(figures, tmp_path / "t.csv")
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as file:
        table = list(csv.reader(file))
    texts = [cell for row in table[1:] for column, cell in zip(COLUMNS, row, strict=True) if column not in NUMERIC]
    assert sum(cell.startswith("'") for cell in texts) >= len(table) - 1  # every doc cell, and more
    assert not [cell for cell in texts if cell.startswith(FORMULA_START)]


def test_lone_surrogates_in_a_string_reach_every_writer(tmp_path: Path) -> None:
    text = "It cost 5 dollars.\ud800 Some 1,600 people\udfff left. " * 2000 + TAIL
    began = time.perf_counter()
    figures = extract(text, doc="caf\udce9.txt")
    for write_to, name in ((to_jsonl, "t.jsonl"), (to_csv, "t.csv"), (to_xlsx, "t.xlsx")):
        assert write_to(figures, tmp_path / name) == len(figures) == 4001
    assert time.perf_counter() - began < 30 * SCALE


# Engine bugs the torture found, as minimal inputs: fixed, kept as regression tests.


@pytest.mark.parametrize("text", ["1 " * 1500, "2011 5.3 6.1\n" * 450], ids=["bare numbers", "a data table"])
def test_many_figures_in_one_sentence_take_linear_time(text: str) -> None:
    # 1,500 bare numbers (3,000 characters) took 2.3 s, a 450-row table 1.7 s, where prose goes at 100,000
    # characters a second: the time grows with the square of the figures in a sentence (a 20,000-character
    # piece of a data table: minutes). Also any line whose sentences do not end for the splitter: "said.\ufffd",
    # "buses.\u200d It", stops of other scripts ("。", "।"), a control character before the next capital.
    began = time.perf_counter()
    extract(text)
    assert time.perf_counter() - began < 1.0


def test_pieces_hold_memory_in_proportion_to_the_piece() -> None:
    # 600,000 characters of blank lines: 45 MB of match objects held at once (a 10 MB file of short
    # paragraphs: hundreds of MB), where memory should be bounded by the piece
    tracemalloc.start()
    try:
        for _ in sentences.pieces("\r\n" * 300_000):
            pass
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000
