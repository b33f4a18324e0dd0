"""CSV for spreadsheets, JSON Lines for programs, pandas for notebooks; every file written whole or not at all."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from numbers_extract import COLUMNS, Figure, to_csv, to_dataframe, to_jsonl, to_parquet, to_xlsx
from tests.figures_maker import figure

FORMULAS = ['=HYPERLINK("http://example.com","x")', "+SUM(1,2)", "@cmd", "-2+3", "\tTAB", "\rCR"]


def rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=delimiter))


def test_csv_starts_with_a_bom_and_has_the_header_and_plain_numbers(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    figures = [figure(), figure("2.5 billion dollars", "It cost 2.5 billion dollars.", value=2_500_000_000, low=2.5e9)]
    assert to_csv(figures, out) == 2
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfdoc,start,end,surface,value,low,high,")
    assert data.count(b"\r\n") == 3  # RFC 4180 line ends
    table = rows(out)
    assert list(table[0]) == list(COLUMNS)
    assert (table[1]["value"], table[1]["low"], table[1]["high"]) == ("2500000000", "2500000000.0", "32")
    assert table[0]["date"] == ""


def test_csv_options_for_programs(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    to_csv([figure("-2 dollars", "-2 dollars were lost; the rest", value=-2)], out, bom=False, delimiter=";", raw=True)
    data = out.read_bytes()
    assert data.startswith(b"doc;start;end;")
    (row,) = rows(out, ";")
    assert (row["surface"], row["sentence"], row["value"]) == ("-2 dollars", "-2 dollars were lost; the rest", "-2")


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_neutralises_formulas_in_every_text_column_but_not_numbers(tmp_path: Path, formula: str) -> None:
    out = tmp_path / "t.csv"
    text_columns = {"doc", "surface", "qualifier", "trend", "unit", "dimension", "kind", "entity", "source", "date"}
    others = {c: formula for c in text_columns - {"surface"}}
    made = figure("-2", formula + " and -2", value=-2, low=-2, high=-2, **others)
    to_csv([made], out)
    (row,) = rows(out)
    for column in (*text_columns - {"surface"}, "sentence"):
        assert row[column].startswith("'"), column
        assert row[column][1:] == getattr(made, column)
    assert row["surface"] == "'-2"
    assert (row["value"], row["low"], row["high"]) == ("-2", "-2", "-2")


def test_csv_to_an_open_file_and_jsonl_numbers(tmp_path: Path) -> None:
    out = io.StringIO()
    assert to_csv([figure()], out, bom=False) == 1
    assert out.getvalue().startswith("doc,start")
    path = tmp_path / "t.jsonl"
    to_jsonl([figure(), figure(value=1.5, low=None, high=None, qualifier="approximate")], path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [list(line) for line in lines] == [list(COLUMNS)] * 2
    assert (lines[0]["value"], lines[1]["value"], lines[1]["low"]) == (32, 1.5, None)
    assert path.read_bytes().count(b"\n") == 2


def test_lone_surrogates_are_escaped_in_jsonl_and_replaced_in_csv(tmp_path: Path) -> None:
    made = figure("32 buses", "\ud800They left in 32 buses.\udfff", entity="bus\udc80es", doc="caf\udce9.txt")
    to_jsonl([made], tmp_path / "t.jsonl")
    assert b"\\udce9" in (tmp_path / "t.jsonl").read_bytes()
    (line,) = (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line) == made.as_dict()  # exactly
    for raw in (False, True):
        to_csv([made], tmp_path / "t.csv", raw=raw)
        (row,) = rows(tmp_path / "t.csv")
        assert (row["doc"], row["entity"], row["sentence"]) == (
            "caf\ufffd.txt",
            "bus\ufffdes",
            "\ufffdThey left in 32 buses.\ufffd",
        )


def _failing(after: int) -> Iterator[Figure]:
    for _ in range(after):
        yield figure()
    raise RuntimeError("the disk is full")


@pytest.mark.parametrize("name", ["t.csv", "t.jsonl", "t.xlsx", "t.parquet"])
def test_a_failed_export_leaves_no_file_and_the_old_one_untouched(tmp_path: Path, name: str) -> None:
    write = {"csv": to_csv, "jsonl": to_jsonl, "xlsx": to_xlsx, "parquet": to_parquet}[name.split(".")[1]]
    out = tmp_path / name
    with pytest.raises(RuntimeError):
        write(_failing(3), out)
    assert list(tmp_path.iterdir()) == []
    out.write_bytes(b"the previous export")
    with pytest.raises(RuntimeError):
        write(_failing(3), out)
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert out.read_bytes() == b"the previous export"


def test_an_export_gets_the_usual_permissions(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    to_csv([figure()], out)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_to_dataframe_has_the_columns_and_numeric_types() -> None:
    frame = to_dataframe([figure(), figure(value=None, low=10, high=20, qualifier="range")])
    assert list(frame.columns) == list(COLUMNS)
    assert [str(frame[c].dtype) for c in ("start", "value", "low", "high")] == ["int64"] + ["float64"] * 3
    assert frame["value"].isna().tolist() == [False, True]
    assert frame["high"].tolist() == [32.0, 20.0]
    assert list(to_dataframe([]).columns) == list(COLUMNS)


def test_to_dataframe_replaces_a_lone_surrogate() -> None:
    made = figure("32 buses", "\ud800They left in 32 buses.", doc="caf\udce9.txt")
    (row,) = to_dataframe([made])[["doc", "start", "sentence"]].itertuples(index=False)
    assert tuple(row) == ("caf\ufffd.txt", 14, "\ufffdThey left in 32 buses.")
