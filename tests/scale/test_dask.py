"""Beyond one machine: the figures of paths or texts as a dask bag and a dask dataframe, and --dask, on a
LocalCluster the test starts (two worker processes, no dashboard): the same figures, in the same order,
with the same reports, as a local run."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import distributed
import pandas
import pytest

from numbers_extract import COLUMNS, Report, extract, extract_files, to_dataframe
from numbers_extract import dask as on_dask
from numbers_extract.cli import main
from numbers_extract.export.writers import NUMERIC
from numbers_extract.io.inputs import SKIPPED
from numbers_extract.table import NUMBERS, OFFSETS
from tests.news_maker import mixed

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
TEXTS = ["Some 1,600 people left in 32 buses.", "", "Costs rose 5% to $3bn, officials said."]


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with on_dask.connect(on_dask.LOCAL, workers=2) as connected:
        yield connected


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = tmp_path_factory.mktemp("mixed")
    mixed(made, copies=6)
    return made


def test_a_bag_of_figures_from_paths_is_the_local_table(client: distributed.Client, folder: Path) -> None:
    for paths in ([str(SEEDS)], [str(folder), str(SEEDS / "*.txt")]):
        rows = on_dask.figures_bag(paths, npartitions=3).compute()
        assert rows == [figure.as_dict() for figure in extract_files(paths)]
        assert rows and all(list(row) == list(COLUMNS) for row in rows)


def test_a_bag_of_figures_from_texts(client: distributed.Client) -> None:
    rows = on_dask.figures_bag(TEXTS, texts=True, docs=["a", "b", "c"]).compute()
    expected = [f.as_dict() for doc, text in zip("abc", TEXTS, strict=True) for f in extract(text, doc=doc)]
    assert rows == expected and [row["value"] for row in rows] == [1600, 32, 5, 3_000_000_000]
    assert on_dask.figures_bag(TEXTS[0], texts=True).compute() == [f.as_dict() for f in extract(TEXTS[0])]
    with pytest.raises(ValueError, match="3 texts but 2 docs"):
        on_dask.figures_bag(TEXTS, texts=True, docs=["a", "b"])


def test_every_document_is_reported_as_a_local_run_reports_it(client: distributed.Client, folder: Path) -> None:
    paths = [str(folder), str(folder / "missing.txt")]
    local: list[Report] = []
    figures = list(extract_files(paths, on_document=local.append))
    reports = on_dask.documents_bag(paths).pluck(1).compute()
    assert reports == local
    assert [(Path(r.doc).name, r.metadata.title) for r in reports if r.metadata.title] == [("report.pdf", "The buses")]
    assert [(Path(r.doc).name, r.status) for r in reports if r.status == SKIPPED] == [
        ("photo.txt", SKIPPED),
        ("missing.txt", SKIPPED),
    ]
    heard: list[Report] = []
    assert list(on_dask.extract_files(paths, client, on_document=heard.append)) == figures
    assert heard == local


def test_a_dataframe_of_figures_has_the_columns_and_types_of_to_dataframe(
    client: distributed.Client, folder: Path
) -> None:
    frame = on_dask.figures_dataframe([str(folder)], npartitions=4)
    assert frame.npartitions == 4 and list(frame.columns) == list(COLUMNS)
    got = frame.compute().reset_index(drop=True)
    expected = to_dataframe(extract_files([str(folder)]))
    assert len(got) == len(expected) > 0
    assert {c: str(got[c].dtype) for c in OFFSETS + NUMBERS} == {"start": "int64", "end": "int64"} | dict.fromkeys(
        NUMBERS, "float64"
    )
    assert all(pandas.api.types.is_string_dtype(got[c]) for c in COLUMNS if c not in NUMERIC)
    pandas.testing.assert_frame_equal(got, expected, check_dtype=False)
    by_kind = on_dask.figures_dataframe(TEXTS, texts=True).groupby("kind").size().compute()
    assert by_kind.to_dict() == {"count": 2, "money": 1, "percent": 1}


def test_no_documents_no_figures(client: distributed.Client, tmp_path: Path) -> None:
    assert on_dask.figures_bag([str(tmp_path)]).compute() == []
    assert list(on_dask.figures_dataframe([], texts=True).compute().columns) == list(COLUMNS)


@pytest.mark.slow
def test_the_command_line_on_a_local_cluster_writes_what_a_local_run_writes(folder: Path, tmp_path: Path) -> None:
    runs = {}
    for name, options in {"here": [], "cluster": ["--dask", "local", "--workers", "2"]}.items():
        out = tmp_path / f"{name}.jsonl"
        done = subprocess.run(
            [sys.executable, "-m", "numbers_extract", str(SEEDS), str(folder), "-", "-o", str(out), *options],
            input="It took 48 hours.", capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 1, done.stderr  # photo.txt is skipped
        runs[name] = (out.read_bytes(), done.stderr.replace(str(out), "OUT"))
    assert runs["cluster"] == runs["here"]
    assert f"skipped {folder / 'photo.txt'}: binary content" in runs["here"][1]
    assert runs["here"][0].count(b'"doc": "-"') == 1


def test_without_dask_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)  # what an import of a missing module does
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ImportError, match=r"pip install 'numbers-extract\[dask\]'"):
        on_dask.figures_bag(["seeds"])
    assert main([str(SEEDS), "--dask", "local"]) == 2
    assert "numbers_extract.dask needs Dask: pip install 'numbers-extract[dask]'" in capsys.readouterr().err


def test_the_review_page_is_not_made_on_a_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEEDS), "--dask", "local", "-o", str(tmp_path / "review.html")]) == 2
    assert "--dask writes jsonl, csv, xlsx or parquet" in capsys.readouterr().err
    assert not (tmp_path / "review.html").exists()


def test_a_cluster_needs_an_address(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "figures.csv"
    assert main([str(SEEDS), "--dask", "", "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        "numbers-extract: error: no scheduler's address: give one (tcp://host:8786), or 'local'\n"
    )
    assert not out.exists()
