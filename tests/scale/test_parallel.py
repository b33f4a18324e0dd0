"""Every core, and memory that does not grow with the corpus: --workers N gives the bytes one worker
gives, reports every input in order, loses nothing when a worker dies; a corpus streams to CSV."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from numbers_extract import Figure, Report, extract_files
from numbers_extract.io import inputs
from numbers_extract.io.inputs import FAILED, SKIPPED, extract_input
from numbers_extract.scale.pool import DIED, in_order
from tests.news_maker import mixed, news

ROOT = Path(__file__).resolve().parents[2]


def _cli(args: list[str], stdin: bytes = b"", timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "numbers_extract", *args],
        input=stdin, capture_output=True, cwd=ROOT, timeout=timeout, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = tmp_path_factory.mktemp("mixed")
    mixed(made)
    return made


def test_two_workers_give_the_figures_and_reports_of_one_in_order(folder: Path) -> None:
    named = [str(folder), str(folder / "missing.txt"), str(folder / "00.txt")]
    one: list[Report] = []
    two: list[Report] = []
    figures = list(extract_files(named, on_document=one.append))
    assert list(extract_files(named, on_document=two.append, workers=2)) == figures
    assert two == one
    assert len(one) == 32 and len(figures) > 150
    assert [(Path(r.doc).name, r.status) for r in one if r.status not in ("ok",)] == [
        ("latin.txt", "decoded with replacement"),
        ("photo.txt", SKIPPED),
        ("missing.txt", SKIPPED),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_the_command_line_writes_the_same_bytes_with_any_number_of_workers(
    folder: Path, tmp_path: Path, fmt: str
) -> None:
    outputs = {}
    for workers in ("1", "2", "3"):
        out = tmp_path / f"{workers}.{fmt}"
        done = _cli([str(folder), "-", "-o", str(out), "--workers", workers], stdin=b"It took 48 hours.")
        assert done.returncode == 1  # the binary file is reported, and the rest written
        *said, summary = done.stderr.decode().splitlines()
        assert said == [
            f"numbers-extract: read with replacement {folder / 'latin.txt'}: "
            "not valid UTF-8: 1 character replaced by U+FFFD",
            f"numbers-extract: skipped {folder / 'photo.txt'}: binary content, not text, HTML or PDF",
        ]
        assert summary.startswith("numbers-extract: 30 files read, ")
        assert summary.endswith(f" figures, 1 file skipped -> {out}")
        outputs[workers] = (out.read_bytes(), done.stderr.replace(str(out).encode(), b"OUT"))
    assert outputs["2"] == outputs["1"]
    assert outputs["3"] == outputs["1"]
    if fmt == "jsonl":
        docs = [json.loads(line)["doc"] for line in outputs["1"][0].decode().splitlines()]
        assert docs[-1] == "-" and docs == sorted(docs, key=lambda doc: (doc == "-", doc))


def _sized(folder: Path, sizes: dict[str, int]) -> Path:
    """Files of the given sizes that take no room (sparse: all zero bytes, read as binary and skipped)."""
    folder.mkdir()
    for name, size in sizes.items():
        (folder / name).touch()
        os.truncate(folder / name, size)
    return folder


def test_the_default_is_this_process_for_a_small_batch_and_one_per_core_for_a_big_one(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from numbers_extract import cli

    seen: list[int | None] = []

    def recording(paths: list[str], on_document: object = None, workers: int | None = None) -> list[Figure]:
        seen.append(workers)
        return []

    monkeypatch.setattr(cli, "extract_files", recording)
    monkeypatch.setattr(os, "cpu_count", lambda: 6)
    half = inputs.WORKERS_FROM // 2
    texts = _sized(tmp_path / "texts", {"a.txt": half, "b.txt": half, "c.txt": 10})
    pages = _sized(tmp_path / "pages", {"a.html": half, "b.html": half})  # a page's byte costs less
    pdfs = _sized(tmp_path / "pdfs", {"a.pdf": half // 2, "b.txt": 10})  # and a PDF's more
    assert cli.main([str(folder), "-q"]) == 0  # 32 files, a few hundred kB: not worth starting workers
    assert cli.main([str(folder / "00.txt"), "-q"]) == 0
    assert cli.main([str(texts), "-q"]) == 0
    assert cli.main([str(pages), "-q"]) == 0
    assert cli.main([str(pdfs), "-q"]) == 0
    assert cli.main([str(texts), "-q", "--workers", "1"]) == 0
    assert cli.main(["check", str(folder), "--against", str(_expected(folder)), "-q", "--workers", "3"]) == 1
    assert seen == [1, 1, 3, 1, 2, 1, 3]  # one per core, no more than the inputs; --workers N wins


def test_a_small_batch_starts_no_worker_and_a_big_one_does(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from numbers_extract import cli
    from numbers_extract.scale import pool

    started: list[int] = []

    def threads(workers: int) -> ThreadPoolExecutor:  # the pool's seam: threads here, not processes
        started.append(workers)
        return ThreadPoolExecutor(workers)

    monkeypatch.setattr(pool, "processes", threads)
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    assert cli.main([str(folder), "-q", "-o", str(tmp_path / "small.jsonl")]) == 1  # the folder's binary file
    assert started == []
    big = _sized(tmp_path / "big", {"a.txt": inputs.WORKERS_FROM // 2, "b.txt": inputs.WORKERS_FROM // 2})
    assert cli.main([str(big), "-q", "-o", str(tmp_path / "big.jsonl")]) == 1  # both binary, both skipped
    assert started == [2]


def _expected(folder: Path) -> Path:
    path = folder.parent / "expected.csv"
    path.write_text("value,entity\n1600,people\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("bad", ["0", "-2", "two"])
def test_workers_must_be_a_whole_number(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    from numbers_extract.cli import main

    assert main(["seeds", "--workers", bad]) == 2
    assert "argument --workers: must be a whole number, 1 or more" in capsys.readouterr().err
    with pytest.raises(ValueError, match="workers must be 1 or more"):
        extract_files("seeds", workers=0)


# a worker that dies: top-level functions, so that the spawned workers can run them


def _dies_on_b(path: str) -> tuple[list[Figure], Report]:
    if path.endswith("b.txt"):
        os._exit(9)  # what the kernel's out-of-memory killer does to a process, near enough
    return extract_input(path)


def _raises_on_b(path: str) -> tuple[list[Figure], Report]:
    if path.endswith("b.txt"):
        raise RuntimeError("the engine broke")
    return extract_input(path)


@pytest.mark.parametrize(
    ("work", "reason"),
    [(_dies_on_b, DIED), (_raises_on_b, "error in its worker process: RuntimeError: the engine broke")],
)
def test_a_worker_that_dies_fails_only_its_document(tmp_path: Path, work: object, reason: str) -> None:
    for name in "abcdefg":
        (tmp_path / f"{name}.txt").write_text(f"It took {ord(name)} hours.", encoding="utf-8")
    paths = sorted(str(path) for path in tmp_path.iterdir())
    results = list(in_order(work, paths, 2, inputs._lost))  # type: ignore[arg-type]
    reports = [report for _, report in results]
    assert [(Path(r.doc).name, r.status) for r in reports] == [
        (f"{name}.txt", FAILED if name == "b" else "ok") for name in "abcdefg"
    ]
    assert reports[1] == Report(paths[1], None, 0, FAILED, f"extraction failed: {reason}; no figures kept")
    assert [f.value for figures, _ in results for f in figures] == [ord(name) for name in "acdefg"]


def test_stopping_early_ends_the_workers(folder: Path) -> None:
    before = set(multiprocessing.active_children())
    figures = extract_files(folder, workers=2)
    next(figures)
    workers = set(multiprocessing.active_children()) - before
    assert len(workers) == 2
    figures.close()  # what a broken pipe or Ctrl-C does to the writer that reads it
    for worker in workers:
        worker.join(10)  # ended by close(); a worker killed while it was still starting may take a moment
    assert not any(worker.is_alive() for worker in workers)


@pytest.mark.slow
def test_memory_does_not_grow_with_the_corpus(tmp_path: Path) -> None:
    """20 MB of news to CSV peaks within a few MB of what 1 MB does: nothing accumulates."""
    peaks = {}
    for megabytes in (1, 20):
        corpus = tmp_path / f"{megabytes}mb"
        news(corpus, megabytes)
        out = tmp_path / f"{megabytes}.csv"
        done = subprocess.run(
            [sys.executable, "-m", "tests.torture", "--measure", str(corpus), "-o", str(out), "--workers", "1", "-q"],
            capture_output=True, text=True, cwd=ROOT, timeout=300, check=True,
        )  # fmt: skip
        measured = json.loads(done.stdout.splitlines()[-1])
        assert measured["status"] == 0, done.stderr
        peaks[megabytes] = measured["megabytes"]
        print(f"{megabytes} MB of news: {out.stat().st_size:,} bytes of CSV, {measured['seconds']:.1f} s, "
              f"peak {measured['megabytes']:.0f} MB")  # fmt: skip
    assert peaks[20] < 200
    assert peaks[20] < peaks[1] + 15  # keeping 20 MB's figures would take some 40 MB more
