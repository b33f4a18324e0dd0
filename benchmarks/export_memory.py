"""Peak memory of an xlsx export: 100,000 figures (by default) streamed into a workbook.

Run by hand, not by the tests:  .venv/bin/python benchmarks/export_memory.py [FIGURES]

The figures are made on the fly from the seeds' own figures (a generator, never a list), so the
peak is the writer's. Prints the peak resident set size, before and after the export.
"""

from __future__ import annotations

import itertools
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from numbers_extract import Figure, extract, to_xlsx

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def figures(n: int) -> Iterator[Figure]:
    """``n`` figures: the seeds' figures over and over, each copy its own document and sentence."""
    seed = [f for path in sorted(SEEDS.glob("*.txt")) for f in extract(path.read_text("utf-8"), doc=path.name)]
    for i, figure in enumerate(itertools.islice(itertools.cycle(seed), n)):
        copy = i // len(seed)
        yield replace(figure, doc=f"{copy:06d}_{figure.doc}", sentence=f"{figure.sentence} (copy {copy})")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    before = peak_mb()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "figures.xlsx"
        written = to_xlsx(figures(n), out)
        size = out.stat().st_size
    seconds = time.perf_counter() - started
    print(
        f"{written:,} figures to xlsx in {seconds:.1f} s, {size / 1e6:.1f} MB file; "
        f"peak RSS {peak_mb():.0f} MB (before the export: {before:.0f} MB)"
    )


if __name__ == "__main__":
    main()
