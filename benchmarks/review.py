"""The review page with 10,000 figures (by default) against its time bounds: writing it, and, where
Chromium and Playwright are there, loading it and filtering its table in headless Chromium.

    .venv/bin/python benchmarks/review.py [FIGURES]

Run by hand, not by the tests: tests/export/test_review.py and test_review_browser.py check what the
page holds and does with 10,000 figures; the seconds are checked here. Exits 1 when a step is over
its bound.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.export, from this tree

from numbers_extract.export.review import to_html  # noqa: E402
from tests.export.test_review import many_figures  # noqa: E402
from tests.export.test_review_browser import CHROMIUM_ARGS  # noqa: E402

WRITE, LOAD, FILTER = 10.0, 30.0, 10.0  # seconds, for 10,000 figures
CHROMIUM = Path("/usr/bin/chromium")


def line(what: str, seconds: float, bound: float) -> bool:
    """Print one step against its bound; whether it is over."""
    over = seconds > bound
    print(f"  {what:34} {seconds:7.2f} s   bound {bound:g} s{'   OVER' if over else ''}")
    return over


def browse(page_path: Path, n: int) -> list[tuple[str, float, float]]:
    """Seconds to load the page until its script has run, and to filter its table to ten figures."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(max(LOAD, FILTER) * 10_000)  # ms: ten times the bound
            began = time.perf_counter()
            page.goto(page_path.as_uri())
            page.wait_for_selector("html[data-ready=true]", state="attached")
            loaded = time.perf_counter() - began
            began = time.perf_counter()
            page.fill("#q", f"{n - 1:,}"[:-1])  # the last ten figures, "9,99" for 10,000
            page.wait_for_function("() => document.getElementById('shown').textContent.startsWith('10 of ')")
            filtered = time.perf_counter() - began
        finally:
            browser.close()
    return [("load, until its script has run", loaded, LOAD), ("filter to ten figures", filtered, FILTER)]


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    scale = n / 10_000
    figures, text = many_figures(n)
    over = False
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "big.html"
        began = time.perf_counter()
        to_html(figures, {"big.txt": text}, out)
        seconds = time.perf_counter() - began
        print(f"review page of {n:,} figures, {out.stat().st_size / 1e6:.1f} MB:")
        over |= line("write (to_html)", seconds, WRITE * scale)
        try:
            import playwright  # noqa: F401
        except ImportError:
            print("  in Chromium: skipped, Playwright is missing")
            return int(over)
        if not CHROMIUM.exists():
            print(f"  in Chromium: skipped, {CHROMIUM} is missing")
            return int(over)
        for what, took, bound in browse(out, n):
            over |= line(what, took, bound * scale)
    return int(over)


if __name__ == "__main__":
    raise SystemExit(main())
