"""The torture corpus (tests/torture.py) against its time and memory bounds: each case through the
command line in a fresh process, its seconds and peak resident memory printed beside its bound, the
cases over a bound flagged.

    .venv/bin/python benchmarks/torture.py                    # the test's size (1 MB of figures)
    .venv/bin/python benchmarks/torture.py --full             # full size (10 MB), every bound x10
    .venv/bin/python benchmarks/torture.py --case data_table.txt --case bare_numbers.txt

Run by hand, not by the tests: tests/test_torture.py runs the same cases for what they must give (status,
no traceback, the Documents sheet, the figure after the hostile part) and stops a run only when it hangs;
the bounds are checked here, on a machine quiet enough for seconds to mean something. Exits 1 when a
case is over a bound or its run fails.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.torture, from this tree

from tests.torture import CASES, Case, write  # noqa: E402


def run(case: Case, folder: Path, scale: int) -> tuple[float, float] | str:
    """One case through the CLI in its own process: its (seconds, megabytes), or why the run failed."""
    out = folder / f"out.{case.output}"
    cmd = [sys.executable, "-m", "tests.torture", "--measure", str(folder / case.name), "-o", str(out)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=case.seconds * scale * 10)
    except subprocess.TimeoutExpired:
        return f"hung: stopped after {case.seconds * scale * 10:,} s"
    if "Traceback" in done.stderr or not done.stdout.strip():
        return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit status {done.returncode}"
    measured = json.loads(done.stdout.splitlines()[-1])
    return float(measured["seconds"]), float(measured["megabytes"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="the full-size corpus (10 MB of figures), bounds x10")
    parser.add_argument("--case", action="append", metavar="NAME", help="only this case (a file name; repeatable)")
    args = parser.parse_args()
    scale = 10 if args.full else 1
    cases = [case for case in CASES if not args.case or case.name in args.case]
    unknown = set(args.case or ()) - {case.name for case in CASES}
    if unknown:
        parser.error(f"no such case: {', '.join(sorted(unknown))}")
    over = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write(folder, full=args.full)
        print(f"torture corpus, {'full size' if args.full else 'the test size'}: {len(cases)} cases")
        print(f"  {'case':28} {'bytes':>12} {'seconds':>8} {'bound':>6} {'MB':>7} {'bound':>6}")
        for case in cases:
            size = (folder / case.name).stat().st_size
            measured = run(case, folder, scale)
            if isinstance(measured, str):
                over += 1
                print(f"  {case.name:28} {size:12,} FAILED: {measured}")
                continue
            seconds, megabytes = measured
            bounds = (("time", seconds, case.seconds), ("memory", megabytes, case.megabytes))
            past = [what for what, measured_, bound in bounds if measured_ > bound * scale]
            over += bool(past)
            flag = f"  OVER: {' and '.join(past)}" if past else ""
            print(
                f"  {case.name:28} {size:12,} {seconds:8.2f} {case.seconds * scale:6g} "
                f"{megabytes:7.0f} {case.megabytes * scale:6g}{flag}"
            )
    print(f"{over} of {len(cases)} cases over a bound or failed" if over else "every case within its bounds")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
