"""The review page as a file: one highlight per figure in its text, escaped, offline, whole for 10,000 figures.

(tests/test_review_browser.py opens it in Chromium.)
"""

from __future__ import annotations

import base64
import hashlib
import html
import html.parser
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from numbers_extract import Figure, extract, to_html
from numbers_extract.export.review import DATA_COLUMNS, placements, render_html, review_files
from numbers_extract.io.metadata import Metadata
from tests.figures_maker import figure

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = '<script>window.pwned=1</script> "><img src=x onerror="window.pwned=2"> & </script><!-- 5 people left.'


@dataclass
class Page(html.parser.HTMLParser):
    """What a browser's parser would make of the page: its tags, its marks (with their text), its scripts."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    marks: list[dict[str, str]] = field(default_factory=list)
    scripts: list[tuple[dict[str, str | None], str]] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    _open: list[dict[str, str]] = field(default_factory=list)
    _in: str = ""

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        self.tags.append((tag, named))
        if tag == "mark":
            mark = {k: v or "" for k, v in named.items()} | {"text": ""}
            self.marks.append(mark)
            self._open.append(mark)
        elif tag in ("script", "style"):
            self._in = tag
            if tag == "script":
                self.scripts.append((named, ""))
            else:
                self.styles.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open.pop()
        if tag in ("script", "style"):
            self._in = ""

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._in == "style":
            self.styles[-1] += data
        for mark in self._open:
            mark["text"] += data


def parse(page: str) -> Page:
    parsed = Page()
    parsed.feed(page)
    parsed.close()
    return parsed


def data_block(parsed: Page) -> dict[str, object]:
    (text,) = [t for attrs, t in parsed.scripts if attrs.get("type") == "application/json"]
    data: dict[str, object] = json.loads(text)
    return data


def test_every_seed_figure_is_one_highlight_with_its_kind_and_value(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    n = review_files(["seeds"], out, title="seeds")
    texts = {f"seeds/{p.name}": p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
    figures = [f for doc, text in texts.items() for f in extract(text, doc=doc)]
    assert n == len(figures) > 10
    parsed = parse(out.read_text(encoding="utf-8"))
    assert len(parsed.marks) == len(figures)
    for mark in parsed.marks:
        f = figures[int(mark["id"].removeprefix("f"))]
        assert mark["text"] == f.surface
        assert mark["data-kind"] == f.kind
        assert mark["data-value"] == ("" if f.value is None else json.dumps(f.value))
    data = data_block(parsed)
    assert data["columns"] == list(DATA_COLUMNS)
    assert data["docs"] == list(texts)
    rows = data["rows"]
    assert isinstance(rows, list) and len(rows) == len(figures)
    assert all(row[-1] == 1 for row in rows)  # every one placed
    column = {name: n for n, name in enumerate(DATA_COLUMNS)}
    for row, f in zip(rows, figures, strict=True):  # what a figure is about, and what a change started from
        assert row[column["subject"]] == f.subject and row[column["si_unit"]] == f.si_unit
        assert row[column["previous"]] == (None if f.previous is None else json.dumps(f.previous))
    assert any(row[column["subject"]] for row in rows) and any(row[column["si_unit"]] for row in rows)


def test_the_page_shows_each_text_whole_and_in_order() -> None:
    text = "Line one: 32 buses.\nLine two: <b>about 1,600</b> people & more.\n"
    figures = [figure("32 buses", text), figure("about 1,600", text, value=1600, qualifier="approximate")]
    page = render_html(figures, {"a.txt": text})
    assert [m["text"] for m in parse(page).marks] == ["32 buses", "about 1,600"]
    assert "Line two: &lt;b&gt;<mark" in page and "</mark>&lt;/b&gt; people &amp; more." in page


def test_hostile_text_entity_source_doc_and_title_stay_inert() -> None:
    text = f"It said: {HOSTILE} Then 32 buses."
    start = text.index("32 buses")
    made = figure("32 buses", text, start=start, doc=HOSTILE, entity=HOSTILE, source=HOSTILE, rule=HOSTILE,
                  unit=HOSTILE, kind=HOSTILE)  # fmt: skip
    page = render_html([made], {HOSTILE: text}, title=HOSTILE)
    parsed = parse(page)
    tags = {tag for tag, _ in parsed.tags}
    assert "img" not in tags
    assert len(parsed.scripts) == 2  # the JSON block and the page's own script, nothing else
    assert not [(tag, a) for tag, attrs in parsed.tags for a in attrs if a.startswith("on")]
    (json_text,) = [t for attrs, t in parsed.scripts if attrs.get("type") == "application/json"]
    assert "</" not in json_text and "<!--" not in json_text
    data = data_block(parsed)
    assert data["docs"] == [HOSTILE]
    assert HOSTILE in data["rows"][0]  # type: ignore[index]
    (mark,) = parsed.marks
    assert mark["text"] == "32 buses" and mark["data-kind"] == HOSTILE


def test_each_document_heading_shows_its_title_publisher_date_and_url() -> None:
    text = "They left in 32 buses."
    about = {
        "a.html": Metadata("Buses leave", "The Daily", "https://news.example/buses?id=1&x=2", "2018-05-21"),
        "b.html": Metadata("Nothing else"),
        "c.txt": Metadata(),
    }
    page = render_html([figure(doc=d) for d in about], dict.fromkeys(about, text), metadata=about)
    abouts = re.findall(r'<p class="about">(.*?)</p>', page)
    assert abouts == [
        '<cite>Buses leave</cite> · The Daily · <time datetime="2018-05-21">2018-05-21</time> · '
        '<a href="https://news.example/buses?id=1&amp;x=2" rel="noreferrer" target="_blank">'
        "https://news.example/buses?id=1&amp;x=2</a>",
        "<cite>Nothing else</cite>",
    ]  # and none for the document that says nothing


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.domain)//https://x.example",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/path",
        'https://x.example/"><script>window.pwned=1</script>',
        "https://x.example/\x01",
    ],
)
def test_a_url_is_a_link_only_when_it_is_a_web_address_and_always_escaped(url: str) -> None:
    hostile = Metadata(HOSTILE, HOSTILE, url, "2018-05-21")
    page = render_html([figure()], {"a.txt": "They left in 32 buses."}, metadata={"a.txt": hostile})
    parsed = parse(page)
    links = [attrs.get("href") for tag, attrs in parsed.tags if tag == "a"]
    assert links in ([], [url]) and all(link and link.startswith("https://") for link in links)
    assert len(parsed.scripts) == 2  # the JSON block and the page's own script, nothing else
    assert "img" not in {tag for tag, _ in parsed.tags}
    assert not [(tag, a) for tag, attrs in parsed.tags for a in attrs if a.startswith("on")]
    (line,) = re.findall(r'<p class="about">(.*?)</p>', page)
    shown = url.replace("\x01", "\ufffd")  # a control character is no text: replaced, one for one
    assert html.unescape(re.sub(r"<[^>]*>", "", line)) == f"{HOSTILE} · {HOSTILE} · 2018-05-21 · {shown}"


def test_the_page_fetches_nothing_and_runs_only_its_own_script_and_style() -> None:
    page = render_html([figure()], {"a.txt": "They left in 32 buses."})
    parsed = parse(page)
    assert not [attrs for _, attrs in parsed.tags if "src" in attrs or "href" in attrs]
    assert "url(" not in parsed.styles[0] and "@import" not in parsed.styles[0]
    (policy,) = [a["content"] for tag, a in parsed.tags if tag == "meta" and a.get("http-equiv")]
    assert policy is not None and "default-src 'none'" in policy

    def digest(source: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"

    (script,) = [text for attrs, text in parsed.scripts if "type" not in attrs]
    assert f"script-src {digest(script)};" in policy
    assert f"style-src {digest(parsed.styles[0])};" in policy


def test_overlapping_nested_out_of_range_and_foreign_figures_do_not_break_the_page() -> None:
    text = "Some 1,600 people left in 32 buses."
    some = figure("Some 1,600 people", text, value=1600)
    inner = figure("1,600", text, value=1600)  # inside "Some 1,600 people": nests
    crossing = figure("people left in 32", text, value=32)  # crosses the end of the first: not placed
    twice = figure("32 buses", text)
    again = figure("32 buses", text)  # the same span twice: nests
    beyond = figure("32 buses", text, start=len(text) - 3)  # runs past the end
    negative = figure("32 buses", text, start=-5)
    empty = figure("", text, start=3)
    foreign = figure("32 buses", text, doc="b.txt")  # its document's text is not given
    wrong = figure("40 buses", text, start=text.index("32 buses"))  # the text there is not its surface
    figures = [some, inner, crossing, twice, again, beyond, negative, empty, foreign, wrong]
    page = render_html(figures, {"a.txt": text})
    parsed = parse(page)
    assert sorted(int(m["id"][1:]) for m in parsed.marks) == [0, 1, 3, 4]
    assert [m["text"] for m in parsed.marks] == ["Some 1,600 people", "1,600", "32 buses", "32 buses"]
    assert page.count("<mark ") == page.count("</mark>") == 4
    rows = data_block(parsed)["rows"]
    assert isinstance(rows, list) and [row[-1] for row in rows] == [1, 1, 0, 1, 1, 0, 0, 0, 0, 0]
    assert rows[2][DATA_COLUMNS.index("sentence")] == text  # a figure not placed keeps its sentence
    assert "6 not placed in the text" in page
    assert "The text was not given" in page  # b.txt's section
    # the page's text is the document's, whatever was highlighted
    visible = re.sub(r"<[^>]+>", "", page.split('<div class="text">', 1)[1].split("</article>", 1)[0])
    assert visible == text


def test_placements_keep_the_first_of_crossing_figures() -> None:
    text = "abcdefghij"
    spans = [figure(text[a:b], text, start=a) for a, b in [(0, 4), (2, 6), (4, 8), (1, 3), (8, 10)]]
    assert placements(list(enumerate(spans)), text) == [0, 3, 2, 4]


def test_characters_utf8_cannot_carry_become_replacement_marks_one_for_one() -> None:
    text = "A \ud800 lone surrogate, a \x00 NUL and \x1b: then 32 buses. Emoji 👍 too."
    made = figure("32 buses", text, source="\ud83d broken")
    out = io.StringIO()
    assert to_html([made], {"a.txt": text}, out) == 1
    page = out.getvalue()
    page.encode("utf-8")  # writable as UTF-8
    (mark,) = parse(page).marks
    assert mark["text"] == "32 buses"
    assert "\ufffd lone surrogate, a \ufffd NUL and \ufffd: then" in page and "👍" in page


def test_a_long_text_is_cut_into_blocks_at_line_breaks_outside_highlights() -> None:
    line = "Some 1,600 people\nleft in 32 buses.\n"
    text = line * 1000
    figures = [figure("Some 1,600 people\nleft", text, start=n * len(line), value=1600) for n in range(1000)]
    page = render_html(figures, {"a.txt": text})
    assert page.count('<div class="text">') > 5
    parsed = parse(page)
    assert len(parsed.marks) == 1000 and all(m["text"] == "Some 1,600 people\nleft" for m in parsed.marks)
    section = page.split("<h2>", 1)[1].split("</article>", 1)[0]
    assert re.sub(r"<[^>]+>", "", section.split("</h2>", 1)[1]) == text


def test_summary_counts_by_kind() -> None:
    figures = [figure(), figure(kind="money", unit="dollar"), figure(kind="money", unit="dollar")]
    page = render_html(figures, {"a.txt": "They left in 32 buses."})
    assert "3 figures in 1 document" in page
    assert re.search(r'data-kind="money"[^>]*>.*?money 2</button>', page)
    assert re.search(r'data-kind="count"[^>]*>.*?count 1</button>', page)


def test_ten_thousand_figures_make_a_page(tmp_path: Path) -> None:
    figures, text = many_figures(10_000)
    out = tmp_path / "big.html"
    assert to_html(figures, {"big.txt": text}, out) == 10_000
    size = out.stat().st_size
    assert size < 6_000_000, size  # about 2.6 MB
    assert out.read_text(encoding="utf-8").count("<mark ") == 10_000


def many_figures(n: int, doc: str = "big.txt") -> tuple[list[Figure], str]:
    """``n`` figures in one document, five kinds in turn, a paragraph every ten sentences."""
    kinds = ("count", "money", "percent", "measure", "duration")
    parts: list[str] = []
    figures: list[Figure] = []
    at = 0
    for i in range(n):
        lead, surface = f"Line {i}: the group said some ", f"{i:,} people"
        sentence = f"{lead}{surface} left. "
        figures.append(
            figure(surface, sentence, start=at + len(lead), doc=doc, value=i, low=None, high=None,
                   qualifier="approximate", kind=kinds[i % 5], entity="people", source=f"group {i % 7}")
        )  # fmt: skip
        parts.append(sentence + ("\n\n" if i % 10 == 9 else ""))
        at += len(parts[-1])
    return figures, "".join(parts)


def test_the_sample_page_shows_the_seeds_and_its_screenshot_is_there() -> None:
    """samples/review.html and samples/review.png are made by samples/review.sh."""
    parsed = parse((ROOT / "samples" / "review.html").read_text(encoding="utf-8"))
    data = data_block(parsed)
    docs, rows = data["docs"], data["rows"]
    assert isinstance(docs, list) and isinstance(rows, list)
    assert docs == [f"seeds/{p.name}" for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts = [(ROOT / doc).read_text(encoding="utf-8") for doc in docs]
    assert len(parsed.marks) == len(rows) > 10
    column = {name: n for n, name in enumerate(DATA_COLUMNS)}
    for mark in parsed.marks:
        row = rows[int(mark["id"][1:])]
        start, end = row[column["start"]], row[column["end"]]
        assert mark["text"] == row[column["surface"]] == texts[row[column["doc"]]][start:end]
        assert mark["data-kind"] == row[column["kind"]]
    png = (ROOT / "samples" / "review.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1400, 900)
