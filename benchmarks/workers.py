"""The command line's default --workers against --workers 1, on 5 files and on 500: wall time, one run
of each, on the same machine. A handful of files should never be slower by default (the default runs
it in this process); a big batch should be quicker on more than one core.

    .venv/bin/python benchmarks/workers.py

Run by hand, not by the tests. The files are the seeds with their digits varied, and every 25th a real
web page from ../shared/realworld when it is there (said when not).
"""

from __future__ import annotations

import gzip
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from numbers_extract.io.inputs import default_workers, expand

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "realworld"
PAGE_EVERY = 25


def folder(where: Path, n: int, seed: int = 16) -> None:
    """``n`` files: varied seeds, and a real page every PAGE_EVERY files (the first one included)."""
    rng = random.Random(seed)
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    pages = sorted(PAGES.glob("*.html.gz"))
    where.mkdir(parents=True)
    for k in range(n):
        if pages and k % PAGE_EVERY == 0:
            page = pages[(k // PAGE_EVERY) % len(pages)]
            (where / f"{k:04d}.html").write_bytes(gzip.decompress(page.read_bytes()))
        else:
            text = re.sub(r"\d", lambda _: rng.choice("0123456789"), texts[k % len(texts)])
            (where / f"{k:04d}.txt").write_text(text, encoding="utf-8")


def cli(path: Path, *options: str) -> float:
    """Wall seconds of one run of the command line, in a fresh process."""
    out = path.parent / "figures.jsonl"
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "numbers_extract", str(path), "-o", str(out), "--quiet", *options]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    if not PAGES.is_dir():
        print(f"({PAGES} is not there: text files only)")
    print(f"{os.cpu_count()} cores")
    for n in (5, 500):
        with tempfile.TemporaryDirectory() as tmp:
            where = Path(tmp) / "inputs"
            folder(where, n)
            size = sum(path.stat().st_size for path in where.iterdir())
            chosen = default_workers(expand([str(where)]))
            default = cli(where)
            one = cli(where, "--workers", "1")
            print(
                f"{n:4d} files, {size / 1e6:5.2f} MB: default (--workers {chosen}) {default:6.2f} s, "
                f"--workers 1 {one:6.2f} s: default / one = {default / one:.2f}"
            )


if __name__ == "__main__":
    main()
