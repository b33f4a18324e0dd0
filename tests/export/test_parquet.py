"""Parquet for data tools: the file read back by DuckDB and by pandas, as a user of either would."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import duckdb
import pandas
import pyarrow.parquet
import pytest

from numbers_extract import COLUMNS, Figure, to_dataframe, to_parquet
from numbers_extract.export import parquet
from numbers_extract.table import NUMBERS, OFFSETS
from tests.figures_maker import figure

ODD_TEXT = [
    '=HYPERLINK("http://example.com","x")',  # a formula, left as written
    "+SUM(1,2)",
    "-2 dollars",
    "@cmd",
    "\tTAB and \rCR and \r\n and a line\nbreak",
    "NEL \x85 LS \u2028 PS \u2029 NUL \x00 and \x1b[31m",
    "_x0041_ looks like an Excel escape",
    "e\u0301 combined, \u202eRTL override\u202c, \u200bzero width, \ufeffBOM, \uffff",
    "emoji \U0001f4b0 and CJK 一千六百 and ١٬٦٠٠",
    "",
]


def _figures() -> list[Figure]:
    return [
        figure("some 1,600 people", "Some 1,600 people left.", value=1600, low=None, high=None,
               qualifier="approximate"),
        figure("32 buses", "They left in 32 buses."),
        figure("5 km", "It is 5 km away.", value=5, low=5, high=5, unit="kilometre", dimension="length", kind="measure",
               si_value=5000.0, si_low=5000.0, si_high=5000.0, si_unit="m"),
        figure("$2.5 billion", "It cost $2.5 billion.", value=2_500_000_000, low=2.5e9, high=2.5e9, unit="dollar",
               dimension="currency", kind="money", si_value=2.5e9, si_low=2.5e9, si_high=2.5e9, si_unit="USD"),
        figure("from 10% to 25%", "It rose from 10% to 25%.", value=25, low=25, high=25, previous=10, trend="up",
               unit="percentage", kind="percent"),
        figure("between 10 and 20 km", "It is between 10 and 20 km.", value=None, low=10, high=20, unit="kilometre",
               dimension="length", kind="measure", qualifier="range"),
    ]  # fmt: skip


def _types(frame: pandas.DataFrame) -> dict[str, str]:
    """The numeric columns' dtypes."""
    return {str(c): str(t) for c, t in frame.dtypes.items() if c in OFFSETS or c in NUMBERS}


def test_duckdb_reads_the_typed_columns_and_groups_by_unit(tmp_path: Path) -> None:
    out = tmp_path / "x.parquet"
    figures = _figures()
    assert to_parquet(figures, out) == len(figures)
    described = duckdb.sql(f"DESCRIBE SELECT * FROM '{out}'").fetchall()
    expected = ["BIGINT" if c in OFFSETS else "DOUBLE" if c in NUMBERS else "VARCHAR" for c in COLUMNS]
    assert [(row[0], row[1]) for row in described] == list(zip(COLUMNS, expected, strict=True))
    counts = duckdb.sql(f"SELECT unit, count(*) FROM '{out}' GROUP BY unit").fetchall()
    assert dict(counts) == Counter(f.unit for f in figures)
    money = duckdb.sql(f"SELECT value, si_unit FROM '{out}' WHERE kind = 'money'").fetchall()
    assert money == [(2.5e9, "USD")]
    ranges = duckdb.sql(f"SELECT value IS NULL, low, high FROM '{out}' WHERE qualifier = 'range'").fetchall()
    assert ranges == [(True, 10.0, 20.0)]


def test_pandas_reads_what_to_dataframe_gives(tmp_path: Path) -> None:
    out = tmp_path / "x.parquet"
    figures = _figures()
    to_parquet(iter(figures), out)  # any iterable: a generator too
    frame = pandas.read_parquet(out)
    assert list(frame.columns) == list(COLUMNS)
    assert _types(frame) == {c: "int64" for c in OFFSETS} | {c: "float64" for c in NUMBERS}
    assert frame["value"].isna().tolist() == [f.value is None for f in figures]
    assert frame["previous"].tolist()[4] == 10.0
    pandas.testing.assert_frame_equal(frame, to_dataframe(figures))


def test_no_figures_give_a_valid_empty_file_with_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "empty.parquet"
    assert to_parquet([], out) == 0
    assert duckdb.sql(f"SELECT count(*) FROM '{out}'").fetchall() == [(0,)]
    described = duckdb.sql(f"DESCRIBE SELECT * FROM '{out}'").fetchall()
    assert [row[0] for row in described] == list(COLUMNS)
    frame = pandas.read_parquet(out)
    assert frame.empty and list(frame.columns) == list(COLUMNS)
    assert _types(frame) == {c: "int64" for c in OFFSETS} | {c: "float64" for c in NUMBERS}


@pytest.mark.parametrize("text", ODD_TEXT)
def test_any_text_reads_back_exactly_and_no_formula_is_neutralised(tmp_path: Path, text: str) -> None:
    out = tmp_path / "x.parquet"
    columns = ("doc", "qualifier", "trend", "unit", "dimension", "si_unit", "kind", "entity", "subject", "source",
               "date", "rule")  # fmt: skip
    made = figure("32 buses", text + " 32 buses " + text, **dict.fromkeys(columns, text))
    to_parquet([made], out)
    assert pyarrow.parquet.read_table(out).to_pylist() == [made.as_dict()]
    (row,) = duckdb.sql(f"SELECT * FROM '{out}'").fetchall()
    assert row == tuple(made.as_dict().values())
    frame = pandas.read_parquet(out)
    assert frame["sentence"].tolist() == [made.sentence]
    pandas.testing.assert_frame_equal(frame, to_dataframe([made]))


def test_a_lone_surrogate_becomes_a_replacement_character(tmp_path: Path) -> None:
    out = tmp_path / "x.parquet"
    to_parquet([figure("32 buses", "\ud800They left in 32 buses.", doc="caf\udce9.txt")], out)
    (row,) = pyarrow.parquet.read_table(out, columns=["doc", "start", "sentence"]).to_pylist()
    assert row == {"doc": "caf\ufffd.txt", "start": 14, "sentence": "\ufffdThey left in 32 buses."}


def test_a_big_integer_is_a_double(tmp_path: Path) -> None:
    out = tmp_path / "x.parquet"
    to_parquet([figure(value=2**70 + 1, low=-(2**70), high=None)], out)
    (row,) = duckdb.sql(f"SELECT value, low, high FROM '{out}'").fetchall()
    assert row == (float(2**70), -float(2**70), None)


def test_figures_are_written_in_row_groups_as_they_come(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parquet, "ROW_GROUP", 5)
    monkeypatch.setattr(parquet, "CHUNK", 2)
    out = tmp_path / "x.parquet"
    assert to_parquet((figure(value=i) for i in range(12)), out) == 12
    metadata = pyarrow.parquet.ParquetFile(out).metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [5, 5, 2]
    assert duckdb.sql(f"SELECT value FROM '{out}'").fetchall() == [(float(i),) for i in range(12)]


def test_without_pyarrow_the_error_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what an import of a missing module does
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ImportError, match=r"^to_parquet needs pyarrow: pip install 'numbers-extract\[parquet\]'$"):
        to_parquet([figure()], tmp_path / "x.parquet")
    assert list(tmp_path.iterdir()) == []
