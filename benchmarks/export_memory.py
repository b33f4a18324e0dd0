"""Rows a second and peak memory of each export (CSV, JSON Lines, Parquet, xlsx) over a large stream.

Run by hand, not by the tests:

    .venv/bin/python benchmarks/export_memory.py                        # 100,000 and 400,000 figures
    .venv/bin/python benchmarks/export_memory.py 1000000 --formats parquet,csv

The figures are made on the fly from the seeds' own figures (a generator, never a list), so the
peak is the writer's. Each export runs in a process of its own (the peak resident set size only ever
grows), and so does the stream alone, the baseline: a writer's rate is compared with the stream's and
with CSV's in the same run. Memory is flat when the peak does not grow with the number of figures.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from numbers_extract import Figure, extract, to_csv, to_jsonl, to_parquet, to_xlsx

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
WRITERS: dict[str, Callable[[Iterable[Figure], Path], int]] = {
    "csv": to_csv, "jsonl": to_jsonl, "parquet": to_parquet, "xlsx": to_xlsx,
}  # fmt: skip
STREAM = "stream"  # the figures alone, written nowhere


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def figures(seed: list[Figure], n: int) -> Iterator[Figure]:
    """``n`` figures: the seeds' figures over and over, each copy its own document and sentence."""
    for i, figure in enumerate(itertools.islice(itertools.cycle(seed), n)):
        copy = i // len(seed)
        yield replace(figure, doc=f"{copy:06d}_{figure.doc}", sentence=f"{figure.sentence} (copy {copy})")


def seeds() -> list[Figure]:
    """The seeds' figures, which :func:`figures` repeats."""
    return [f for path in sorted(SEEDS.glob("*.txt")) for f in extract(path.read_text("utf-8"), doc=path.name)]


def one(fmt: str, n: int) -> dict[str, float]:
    """Export ``n`` figures as ``fmt`` in this process: seconds, file size and peak memory."""
    seed = seeds()
    before = peak_mb()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"figures.{fmt}"
        started = time.perf_counter()
        written = sum(1 for _ in figures(seed, n)) if fmt == STREAM else WRITERS[fmt](figures(seed, n), out)
        seconds = time.perf_counter() - started
        size = out.stat().st_size if out.exists() else 0
    return {"figures": written, "seconds": seconds, "mb": size / 1e6, "peak": peak_mb(), "before": before}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[100_000, 400_000], metavar="FIGURES")
    parser.add_argument("--formats", default="csv,jsonl,parquet,xlsx", help="comma-separated: csv,jsonl,parquet,xlsx")
    parser.add_argument("--one", nargs=2, metavar=("FORMAT", "FIGURES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]))))
        return
    formats = [STREAM, *args.formats.split(",")]
    print(f"{'format':8} {'figures':>10} {'seconds':>8} {'rows/s':>9} {'vs csv':>7} {'file MB':>8} {'peak MB':>8}")
    for n in args.sizes:
        rates: dict[str, float] = {}
        for fmt in formats:
            done = subprocess.run(
                [sys.executable, __file__, "--one", fmt, str(n)], capture_output=True, text=True, check=True
            )
            run = json.loads(done.stdout)
            rates[fmt] = run["figures"] / run["seconds"]
            versus = f"{rates[fmt] / rates['csv']:.2f}" if "csv" in rates else ""
            print(
                f"{fmt:8} {run['figures']:>10,} {run['seconds']:>8.1f} {rates[fmt]:>9,.0f} {versus:>7} "
                f"{run['mb']:>8.1f} {run['peak']:>8.0f}   (before the export: {run['before']:.0f} MB)",
                flush=True,
            )


if __name__ == "__main__":
    main()
