"""The fuzz target (tests/fuzz_extract.py) for a fixed short time: atheris drives the reader, extract and
the writers from the seeds in tests/fuzz_seeds/; any crash (an exception, a broken invariant, a hang of
one input past 60 s) fails the test with libFuzzer's report and the crashing input.

atheris installs with the dev extra on Linux x86-64 (CPython 3.11 to 3.13); elsewhere this test skips,
except in CI. FUZZ_SECONDS changes the time (default 25).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(__file__).resolve().parent / "fuzz_seeds"
SECONDS = int(os.environ.get("FUZZ_SECONDS", "25"))


@pytest.mark.slow
def test_the_fuzz_target_finds_no_crash(tmp_path: Path) -> None:
    if importlib.util.find_spec("atheris") is None:
        if os.environ.get("CI"):
            pytest.fail("atheris is missing in CI: the dev extra should have installed it")
        pytest.skip("atheris is not installed (pip install atheris: Linux x86-64, CPython 3.11-3.13)")
    (tmp_path / "corpus").mkdir()  # libFuzzer adds the inputs it finds interesting here
    done = subprocess.run(
        [sys.executable, "-m", "tests.fuzz_extract", str(tmp_path / "corpus"), str(SEEDS),
         f"-max_total_time={SECONDS}", "-max_len=4096", "-timeout=60", "-rss_limit_mb=4096",
         f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, errors="replace", cwd=ROOT, timeout=SECONDS * 4 + 120, check=False,
    )  # fmt: skip
    crashes = sorted(p.name for p in tmp_path.glob("crash-*")) + sorted(p.name for p in tmp_path.glob("timeout-*"))
    assert done.returncode == 0 and not crashes, done.stderr[-5000:]
    runs = re.search(r"Done (\d+) runs in (\d+) second", done.stderr)
    assert runs is not None, done.stderr[-2000:]
    print(f"fuzz: {runs.group(1)} runs in {runs.group(2)} s, no crash")
    assert int(runs.group(1)) >= 100  # it ran, from the seeds on
