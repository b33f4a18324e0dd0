"""The command line: what a user running numbers-extract on files, folders and stdin sees."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pandas
import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from numbers_extract import COLUMNS, Figure, Report, __version__, cli, extract, to_dataframe
from numbers_extract.cli import main
from numbers_extract.export.cells import neutralise
from numbers_extract.export.writers import NUMERIC
from numbers_extract.export.xlsx import SHEET_COLUMNS
from numbers_extract.table import NUMBERS, OFFSETS

LAST = get_column_letter(len(SHEET_COLUMNS))  # the Figures table's last column
SEEDS = Path(__file__).parent.parent / "seeds"
BUSES = "Some 1,600 people left in 32 buses.\n"


def _rows(jsonl: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in jsonl.splitlines() if line.strip()]


def _csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "CSV starts with a byte order mark by default"
    return list(csv.reader(io.StringIO(text[1:])))


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
    assert err == "numbers-extract: 1 file read, 2 figures, 0 files skipped\n"


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
    rows = _rows(done.stdout)
    assert done.stderr == f"numbers-extract: 2 files read, {len(rows)} figures, 0 files skipped\n"
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    assert sorted({str(row["doc"]) for row in rows}) == seeds
    assert all(list(row) == list(COLUMNS) for row in rows)
    assert any(row["surface"] == "some 1,600" and row["value"] == 1600 for row in rows)


# exports by extension, and usage errors (exit 2)


def test_xlsx_of_the_seeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.xlsx"
    assert main([str(SEEDS), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("numbers-extract: 2 files read, ") and err.endswith(f" -> {out}\n")
    book = load_workbook(out, rich_text=True)
    figures = book["Figures"]
    assert figures.freeze_panes == "A2"
    assert [t.ref for t in figures.tables.values()] == [f"A1:{LAST}{figures.max_row}"]
    rows = [dict(zip(SHEET_COLUMNS, row, strict=True)) for row in figures.iter_rows(min_row=2, values_only=True)]
    buses = next(row for row in rows if row["surface"] == "some 1,600")
    assert (buses["value"], buses["doc"]) == (1600, str(SEEDS / "000_b14f3dfcc69a9183.txt"))
    assert all(row["value"] is None or isinstance(row["value"], int | float) for row in rows)
    documents = list(book["Documents"].iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[3]) for row in documents] == [(str(p), "ok") for p in sorted(SEEDS.glob("*.txt"))]
    assert sum(row[2] for row in documents) == len(rows)
    assert dict(book["About"].values)["command"] == f"numbers-extract {SEEDS} -o {out}"


def test_csv_has_the_same_values_as_the_xlsx(tmp_path: Path) -> None:
    assert main([str(SEEDS), "-o", str(tmp_path / "x.xlsx"), "-q"]) == 0
    assert main([str(SEEDS), "-o", str(tmp_path / "x.csv"), "-q"]) == 0
    data = (tmp_path / "x.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfdoc,start,end,")
    table = _csv(data.decode("utf-8"))
    sheet = load_workbook(tmp_path / "x.xlsx")["Figures"]
    numeric = {*OFFSETS, *NUMBERS}
    assert [c.value for c in sheet[1]] == list(SHEET_COLUMNS)
    for row, values in zip(table[1:], sheet.iter_rows(min_row=2, values_only=True), strict=True):
        cells = dict(zip(SHEET_COLUMNS, values, strict=True))
        for name, text in zip(COLUMNS, row, strict=True):
            cell = cells[name]
            if name in numeric:
                assert (float(text) if text else None) == cell, name
            else:
                assert text == ("" if cell is None else neutralise(str(cell))), name
        day = cells["date_cell"]
        assert day is None or (isinstance(day, dt.datetime) and day.date().isoformat() == cells["date"])
    days = [row[SHEET_COLUMNS.index("date_cell")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert any(isinstance(day, dt.datetime) for day in days)  # the seeds have full dates


def test_parquet_of_the_seeds_holds_what_the_jsonl_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.parquet"
    assert main([str(SEEDS), "-o", str(out)]) == 0
    assert capsys.readouterr().err.endswith(f" -> {out}\n")
    assert main([str(SEEDS), "-o", str(tmp_path / "x.jsonl"), "-q"]) == 0
    rows = _rows((tmp_path / "x.jsonl").read_text(encoding="utf-8"))
    kinds = duckdb.sql(f"SELECT kind, count(*) FROM '{out}' GROUP BY kind").fetchall()
    assert dict(kinds) == Counter(row["kind"] for row in rows)
    frame = pandas.read_parquet(out)
    pandas.testing.assert_frame_equal(frame, to_dataframe(Figure(**row) for row in rows))  # type: ignore[arg-type]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.jsonl", "x.parquet"]


def test_parquet_to_a_pipe(article: Path, capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    assert main([str(article), "--format", "parquet"]) == 0
    (tmp_path / "piped.parquet").write_bytes(capsysbinary.readouterr().out)
    assert pandas.read_parquet(tmp_path / "piped.parquet")["value"].tolist() == [1600.0, 32.0]


def test_without_pyarrow_parquet_is_a_usage_error(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what an import of a missing module does
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert main([str(article), "-o", str(tmp_path / "x.parquet")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("usage: numbers-extract")
    assert err.endswith("error: to_parquet needs pyarrow: pip install 'numbers-extract[parquet]'\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "out.txt"], "cannot tell a format from 'out.txt'"),
        (["-o", "out.odt"], "cannot tell a format from 'out.odt'"),
        (["--delimiter", ";;"], "--delimiter must be one character"),
        (["-o", "no/such/folder/x.csv"], "cannot write no/such/folder/x.csv: no folder"),
        (["--format", "ods"], "invalid choice: 'ods'"),
        (["--no-such-flag"], "unrecognized arguments: --no-such-flag"),
    ],
)
def test_usage_errors_exit_2_with_a_message(
    article: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    args: list[str], message: str,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert main([str(article), *args]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert message in err and err.startswith("usage: numbers-extract")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize(("fmt", "name"), [("xlsx", "a workbook"), ("parquet", "a Parquet file")])
def test_a_binary_format_to_a_terminal_is_refused(
    article: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt: str, name: str
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main([str(article), "--format", fmt]) == 2
    assert f"{name} is binary and is not written to a terminal: use -o FILE.{fmt}" in capsys.readouterr().err


def test_xlsx_to_a_pipe(article: Path, capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    assert main([str(article), "--format", "xlsx"]) == 0
    (tmp_path / "piped.xlsx").write_bytes(capsysbinary.readouterr().out)
    sheet = load_workbook(tmp_path / "piped.xlsx")["Figures"]
    assert [row[SHEET_COLUMNS.index("value")] for row in sheet.iter_rows(min_row=2, values_only=True)] == [1600, 32]


def test_tsv_and_csv_options(article: Path, tmp_path: Path) -> None:
    assert main([str(article), "-o", str(tmp_path / "t.tsv")]) == 0
    assert (tmp_path / "t.tsv").read_bytes().startswith(b"\xef\xbb\xbfdoc\tstart\t")
    assert main([str(article), "-o", str(tmp_path / "t.csv"), "--no-bom", "--delimiter", ";"]) == 0
    assert (tmp_path / "t.csv").read_bytes().startswith(b"doc;start;end;")


def test_help_is_complete_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for flag in ("-o OUT", "--format", "--delimiter", "--no-bom", "--csv-raw", "--quiet", "--version", "PATH"):
        assert flag in out, flag
    for word in ("examples:", ".xlsx", ".csv", ".jsonl", ".parquet", ".html", ".pdf", "stdin", "exit status"):
        assert word in out, word
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"numbers-extract {__version__}\n"


# formulas: neither the workbook nor the CSV may hold a live one

FORMULAS = (
    '=HYPERLINK("http://example.com","x") cost 5 dollars.\n+SUM(1,2) said 40 people.\n@cmd sent 7 buses.\n'
    "-2+3 was the score, and the loss was -2 dollars.\n"
)


def test_no_live_formula_in_the_xlsx_or_the_csv(tmp_path: Path) -> None:
    source = tmp_path / "formulas.txt"
    source.write_text(FORMULAS, encoding="utf-8")
    assert main([str(source), "-o", str(tmp_path / "f.xlsx"), "-q"]) == 0
    assert main([str(source), "-o", str(tmp_path / "f.csv"), "-q"]) == 0
    assert main([str(source), "-o", str(tmp_path / "raw.csv"), "-q", "--csv-raw"]) == 0
    with zipfile.ZipFile(tmp_path / "f.xlsx") as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(re.search(rb"<f[\s/>]", sheet) for sheet in sheets)  # no <f> formula element
    sheet = load_workbook(tmp_path / "f.xlsx")["Figures"]
    text_cells = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    risky = [c for c in text_cells if c.value.startswith(("=", "+", "-", "@"))]
    assert len({c.value for c in risky}) >= 5  # the four sentences and "-2 dollars" at least
    assert all(c.data_type == "s" and c.quotePrefix for c in risky)
    for name in ("f.csv", "raw.csv"):
        table = _csv((tmp_path / name).read_text(encoding="utf-8"))
        cells = [cell for row in table[1:] for column, cell in zip(COLUMNS, row, strict=True) if column not in NUMERIC]
        live = [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
        assert bool(live) == (name == "raw.csv"), live
        sentences = {row[COLUMNS.index("sentence")] for row in table[1:]}
        assert ("'@cmd sent 7 buses." in sentences) == (name == "f.csv")
        values = [row[COLUMNS.index("value")] for row in table[1:]]
        assert "-2" in values  # numbers stay numbers


# what the user sees on stderr, and the exit status


def test_unreadable_inputs_are_reported_the_others_written_exit_1(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "image.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 prices rose 5%.".encode("latin-1"))
    out = tmp_path / "t.xlsx"
    assert main([str(binary), str(article), str(latin), "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"numbers-extract: skipped {binary}: binary content, not text, HTML or PDF",
        f"numbers-extract: read with replacement {latin}: not valid UTF-8: 1 character replaced by U+FFFD",
        f"numbers-extract: 2 files read, 3 figures, 1 file skipped -> {out}",
    ]
    documents = list(load_workbook(out)["Documents"].iter_rows(min_row=2, values_only=True))
    assert [row[3] for row in documents] == ["skipped", "ok", "decoded with replacement"]


def test_replacement_alone_is_not_a_failure(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 prices rose 5%.".encode("latin-1"))
    assert main([str(latin), "-q"]) == 0


def test_a_progress_bar_only_on_a_terminal_with_several_inputs(
    article: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(article), str(article)]) == 0
    assert "file/s" not in capsys.readouterr().err  # stderr is no terminal here
    terminal = io.StringIO()
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main([str(article)]) == 0
    assert "file/s" not in terminal.getvalue()  # one input: no bar
    assert main([str(article), str(article)]) == 0
    assert "/2 [" in terminal.getvalue() and "file/s" in terminal.getvalue()
    assert terminal.getvalue().endswith("numbers-extract: 2 files read, 4 figures, 0 files skipped\n")
    terminal.seek(0)
    terminal.truncate()
    assert main([str(article), str(article), "-q"]) == 0
    assert terminal.getvalue() == ""


def test_ctrl_c_ends_quietly_and_leaves_the_old_output(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(paths: list[str], on_document: Callable[[Report], None], workers: int = 1) -> Iterator[Figure]:
        yield from extract(BUSES, doc="a.txt")
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "extract_files", interrupted)
    for name in ("t.csv", "t.xlsx", "t.parquet"):
        out = tmp_path / name
        out.write_bytes(b"the previous export")
        assert main([str(article), "-o", str(out)]) == 130
        assert out.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "t.csv", "t.parquet", "t.xlsx"]
    assert capsys.readouterr() == ("", "")


def test_a_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    long = tmp_path / "long.txt"
    long.write_text("It cost 5 dollars.\n" * 3000, encoding="utf-8")  # more JSON than a pipe holds
    reader = subprocess.Popen(
        [sys.executable, "-m", "numbers_extract", str(long)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
    )  # fmt: skip
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.read(100).startswith(b'{"doc": ')
    reader.stdout.close()  # like `| head -c 100`
    err = reader.stderr.read().decode()
    assert reader.wait(timeout=60) == 0
    assert err == ""


def test_a_quoted_glob_is_expanded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "one.txt").write_text("It cost 5 dollars.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("It took 48 hours.", encoding="utf-8")
    assert main([str(tmp_path / "*.txt"), "-q"]) == 0
    assert [row["value"] for row in _rows(capsys.readouterr().out)] == [5, 48]


def test_an_output_that_cannot_be_written_is_reported_exit_1(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(figures: object, target: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli, "to_jsonl", full)
    assert main([str(article), "-o", str(tmp_path / "t.jsonl")]) == 1
    assert capsys.readouterr().err == f"numbers-extract: cannot write {tmp_path / 't.jsonl'}: No space left on device\n"
