"""samples/ is what the main command makes of seeds/: a changed row fails until it is regenerated
(`bash samples/make.sh`) and the new rows are checked by hand."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(fmt: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "numbers_extract.cli", "seeds", "--format", fmt],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode("utf-8")  # fmt: skip


def test_jsonl_sample_is_current() -> None:
    committed = (ROOT / "samples" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    now = _run("jsonl").splitlines()
    changed = [(a, b) for a, b in zip(committed, now, strict=False) if a != b]
    assert len(committed) == len(now), f"{len(committed)} rows committed, {len(now)} now"
    assert not changed, "changed rows:\n" + "\n".join(f"- {a}\n+ {b}" for a, b in changed[:5])


def test_csv_sample_is_current_and_has_the_same_rows() -> None:
    committed = (ROOT / "samples" / "seeds.csv").read_bytes().decode("utf-8")
    assert committed == _run("csv")
    rows = list(csv.DictReader(io.StringIO(committed)))
    figures = [json.loads(line) for line in (ROOT / "samples" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["surface"] for r in rows] == [f["surface"] for f in figures]
