"""The review page in a real browser: Debian's Chromium, headless, driven by Playwright.

tests/run.sh installs Chromium (the `chromium` package) where it is missing; these tests skip only when
Chromium or Playwright cannot be had at all, and never in CI. Playwright drives the system Chromium
(it never downloads a browser of its own).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from numbers_extract import Figure, extract
from numbers_extract.export.review import render_html, review_files, to_html
from tests.export.test_review import HOSTILE, many_figures
from tests.figures_maker import figure

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
HANG = 300_000  # ms: what a page may take before it is deemed hung (speed is benchmarks/review.py's)
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
"""


def _unavailable(why: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{why} in CI: tests/run.sh should have installed it")
    pytest.skip(why)


def chromium() -> str:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    _unavailable("Chromium is missing (apt-get install chromium)")
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    path = chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is missing (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.set_default_timeout(HANG)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"error: {error}"))
    opened.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    opened.on("request", lambda r: None if r.url.startswith("file:") else problems.append(f"request: {r.url}"))
    opened.add_init_script(WATCH)
    yield opened
    context.close()
    assert not problems, problems


def load(page: Page, path: Path, fragment: str = "") -> None:
    """Open the page and wait until its script has run.

    (The page's policy forbids eval: what these tests run in it is always a function, never a string.)"""
    page.goto(path.as_uri() + fragment)
    page.wait_for_selector("html[data-ready=true]", state="attached")


def seed_figures() -> list[Figure]:
    out: list[Figure] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        out += extract(path.read_text(encoding="utf-8"), doc=f"seeds/{path.name}")
    return out


@pytest.mark.slow
def test_the_seeds_page_has_one_highlight_per_figure(page: Page, tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    review_files(["seeds"], out, title="seeds")
    figures = seed_figures()
    load(page, out)
    marks = page.eval_on_selector_all(
        "mark", "ms => ms.map(m => [m.id, m.textContent, m.dataset.kind, m.dataset.value, m.getClientRects().length])"
    )
    assert len(marks) == len(figures)
    for mark_id, text, kind, value, boxes in marks:
        f = figures[int(mark_id[1:])]
        assert (text, kind, value) == (f.surface, f.kind, "" if f.value is None else json.dumps(f.value))
        assert boxes > 0, f"{f.surface} is not shown"
    assert page.locator("#rows tr").count() == len(figures)
    assert page.inner_text("#shown") == f"{len(figures)} figures"
    assert page.evaluate("window.__violations") == []


@pytest.mark.slow
def test_hover_focus_rows_filter_sort_and_kinds(page: Page, tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    review_files(["seeds"], out)
    figures = seed_figures()
    load(page, out)
    i = next(n for n, f in enumerate(figures) if f.surface == "some 1,600")
    page.hover(f"#f{i}")
    tip = page.locator("#tip")
    assert tip.is_visible()
    shown = tip.inner_text()
    for word in ("1600", "approximate", "people", figures[i].source, figures[i].rule):
        assert word in shown

    page.mouse.move(1300, 10)  # away: the tip goes
    assert not tip.is_visible()

    j = next(n for n, f in enumerate(figures) if f.surface.startswith("more than 19"))
    page.click(f"#rows tr[data-i='{j}']")  # a row jumps to its place and shows its tip
    assert page.evaluate("document.activeElement.id") == f"f{j}"
    assert tip.is_visible() and "square mile" in tip.inner_text()

    page.click(f"#f{i}")  # a highlight selects its row
    assert page.get_attribute(f"#rows tr[data-i='{i}']", "class") == "current"

    page.fill("#q", "people")
    rows = page.locator("#rows tr")
    people = [f for f in figures if "people" in " ".join((f.surface, f.entity, f.source, f.unit, f.rule)).lower()]
    assert rows.count() == len(people) and page.inner_text("#shown") == f"{len(people)} of {len(figures)} figures"
    page.fill("#q", "")

    def column(n: int) -> list[str]:
        cells: list[str] = page.eval_on_selector_all(f"#rows tr td:nth-child({n})", "ts => ts.map(t => t.textContent)")
        return cells

    page.click("#head th[data-key=value]")  # sort by value: ascending, blanks last
    values = column(2)
    numbers = [float(v) for v in values if v]
    assert numbers == sorted(numbers) and values[len(numbers) :] == [""] * (len(values) - len(numbers))
    page.click("#head th[data-key=value]")  # again: descending
    assert [float(v) for v in column(2) if v] == sorted(numbers, reverse=True)

    page.click(".chip[data-kind=duration]")
    kinds = column(5)
    assert kinds == ["duration"] * sum(f.kind == "duration" for f in figures)


@pytest.mark.slow
def test_a_link_to_a_figure_opens_on_it(page: Page, tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    review_files(["seeds"], out)
    load(page, out, "#f4")
    assert page.evaluate("document.activeElement.id") == "f4"
    assert page.locator("#tip").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('flash')")  # flashed, to be seen


@pytest.mark.slow
def test_a_reader_who_asks_for_less_motion_sees_no_flash(page: Page, tmp_path: Path) -> None:
    # and samples/review.png, taken so, is the same bytes each time it is taken
    out = tmp_path / "review.html"
    review_files(["seeds"], out)
    page.emulate_media(reduced_motion="reduce")
    load(page, out, "#f4")
    assert page.evaluate("document.activeElement.id") == "f4"
    assert not page.evaluate("document.activeElement.classList.contains('flash')")
    assert page.evaluate("document.getAnimations().length") == 0


@pytest.mark.slow
def test_hostile_text_stays_inert_in_the_browser(page: Page, tmp_path: Path) -> None:
    text = f"It said: {HOSTILE} Then 32 buses."
    made = figure("32 buses", text, start=text.index("32 buses"), doc=HOSTILE, entity=HOSTILE, source=HOSTILE,
                  kind=HOSTILE, rule=HOSTILE)  # fmt: skip
    out = tmp_path / "hostile.html"
    to_html([made], {HOSTILE: text}, out, title=HOSTILE)
    load(page, out)
    assert page.evaluate("window.pwned") is None
    assert page.locator("img").count() == 0 and page.locator("script").count() == 2
    assert HOSTILE in page.inner_text("#texts")
    assert page.title() == HOSTILE
    page.hover("#f0")
    assert HOSTILE in page.inner_text("#tip")
    assert page.evaluate("window.__violations") == []  # nothing even tried to run


@pytest.mark.slow
def test_the_content_security_policy_stops_markup_that_got_in(page: Page, tmp_path: Path) -> None:
    """A second wall: were something to slip past the escaping, the page's policy would not run it."""
    page_text = render_html([figure()], {"a.txt": "They left in 32 buses."})
    broken = page_text.replace("<main>", '<main><img src=x onerror="window.pwned=1"><script>window.pwned=2</script>')
    out = tmp_path / "broken.html"
    out.write_text(broken, encoding="utf-8")
    load(page, out)
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("window.__violations")  # blocked, and said so


@pytest.mark.slow
def test_ten_thousand_figures_load_and_filter(page: Page, tmp_path: Path) -> None:
    figures, text = many_figures(10_000)
    out = tmp_path / "big.html"
    to_html(figures, {"big.txt": text}, out)
    load(page, out)
    assert page.locator("mark").count() == 10_000
    rows = page.locator("#rows tr")
    assert 0 < rows.count() <= 500  # the table is drawn a page at a time
    assert page.inner_text("#shown").startswith("10,000 figures, first")

    page.fill("#q", "9,99")  # 9,990 … 9,999 people
    page.wait_for_function("() => document.getElementById('shown').textContent.startsWith('10 of 10,000')")
    assert rows.count() == 10

    page.fill("#q", "")
    before = rows.count()
    page.locator(".scroll").evaluate("s => { s.scrollTop = s.scrollHeight; }")  # more rows as the table scrolls
    page.wait_for_function(f"() => document.querySelectorAll('#rows tr').length > {before}")

    page.click("#head th[data-key=value]")
    page.click("#head th[data-key=value]")  # descending: the last figure first
    page.click("#rows tr:first-child")
    assert page.evaluate("document.activeElement.id") == "f9999"
    box: Any = page.locator("#f9999").bounding_box()
    assert box is not None and 0 < box["y"] < 900  # scrolled into view
    page.fill("#q", "")  # back to the figures' order: a highlight far down draws the table down to its row
    page.locator("#f9000").click()
    assert page.get_attribute("#rows tr[data-i='9000']", "class") == "current"
    assert page.locator("#rows tr[data-i='9000']").is_visible()
    print(f"\n10,000 figures: {out.stat().st_size:,} bytes (their seconds: benchmarks/review.py)")
