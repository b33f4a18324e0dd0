"""The workbook's speed against openpyxl's bare write-only mode, in one run; and its memory at scale.

Run by hand, not by the tests:
    .venv/bin/python benchmarks/xlsx_speed.py [FIGURES] [--memory 100000,1000000]

Speed: FIGURES (50,000 by default) of the seeds' figures, made once into a list, are written by
``to_xlsx`` (the whole workbook: Figures with number formats, date cells and the figure in bold in
its sentence, Documents, Summary, Claims, About) and, as the limit, by openpyxl's write-only mode
with no styles (the table's values in the table's columns, one plain row per figure, nothing else).
The two take turns, three rounds each, and the best round of each is kept, on the clock and in the
process's processor time (which a machine shared with other work slows less): this machine's speed
varies, so the ratio of the two in one run is what to compare.

Memory: ``--memory N,M`` writes N, then M figures, each in a fresh process (benchmarks/export_memory.py:
the figures made on the fly, never a list) and prints each one's peak resident set size; flat memory
is the same peak for both.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from export_memory import figures, seeds
from openpyxl import Workbook

from numbers_extract import COLUMNS, Figure, to_xlsx

ROUNDS = 3


def ours(rows: list[Figure], out: Path) -> None:
    to_xlsx(rows, out)


def bare(rows: list[Figure], out: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Figures")
    sheet.append(list(COLUMNS))
    for figure in rows:
        sheet.append([getattr(figure, name) for name in COLUMNS])
    book.save(out)


def timed(write: Callable[[list[Figure], Path], None], rows: list[Figure], folder: Path) -> tuple[float, float]:
    """The seconds ``write`` takes: on the clock, and of this process's processor time."""
    clock, cpu = time.perf_counter(), time.process_time()
    write(rows, folder / f"{write.__name__}.xlsx")
    return time.perf_counter() - clock, time.process_time() - cpu


def speed(n: int) -> None:
    rows = list(figures(seeds(), n))
    times: dict[str, list[tuple[float, float]]] = {"ours": [], "bare": []}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(ROUNDS):
            for write in (ours, bare):
                times[write.__name__].append(timed(write, rows, Path(folder)))
    for what, i in (("on the clock", 0), ("in processor time", 1)):
        rate = {name: n / min(t[i] for t in seconds) for name, seconds in times.items()}
        print(
            f"{n:,} figures, {what}: to_xlsx {rate['ours']:,.0f} rows/s, openpyxl write-only without styles "
            f"{rate['bare']:,.0f} rows/s: ours is {rate['ours'] / rate['bare']:.2f}x the bare writer (best of {ROUNDS})"
        )


def memory(sizes: list[int]) -> None:
    script = Path(__file__).resolve().parent / "export_memory.py"
    for n in sizes:
        done = subprocess.run([sys.executable, str(script), str(n)], capture_output=True, text=True, check=True)
        print(done.stdout.strip())


def main() -> None:
    args = sys.argv[1:]
    if "--memory" in args:
        at = args.index("--memory")
        memory([int(n.replace("_", "")) for n in args[at + 1].split(",")])
        del args[at : at + 2]
    speed(int(args[0]) if args else 50_000)


if __name__ == "__main__":
    main()
