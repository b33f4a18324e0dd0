"""Saved web pages: the article's visible text, found by trafilatura.

trafilatura keeps the article (headline, paragraphs, tables, one line per paragraph) and drops
navigation, cookie banners, related links, footers, scripts and reader comments. Where it finds no
article, all the page's visible text is read instead, and the document's report says so. Where its
parser (lxml) gives nothing at all from a page that plainly holds text — a page nested deeper than
lxml builds a tree for, tens of thousands of ``<div>``s — the text between the tags is read by the
standard library's streaming HTML tokenizer, which builds no tree, and the report says so too.

The page is parsed once, for the article and for what the page says about itself (its title, site,
canonical URL and date of publication: trafilatura's metadata, the date from the markup only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from .metadata import NO_METADATA, Metadata, metadata

Tree = Any  # an lxml.html tree, as trafilatura.load_html makes it (lxml ships no types)

_WHOLE_PAGE = re.compile(r"<html[\s>]", re.I)
# tags whose content is no visible text, and tags that end a paragraph
_HIDDEN = frozenset({"script", "style", "noscript", "template", "title", "svg", "iframe", "object"})
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
     "article", "header", "footer", "blockquote", "pre", "dd", "dt", "figcaption", "hr"}
)  # fmt: skip
_BLANK_RUNS = re.compile(r"[ \t\r\f\v]*\n\s*")
_SPACE_RUNS = re.compile(r"[ \t\r\f\v\u00a0]{2,}|[\t\r\f\v]")  # runs, and a tab, to one space
PLAIN_TEXT_NOTE = "the page's tags could not be parsed (nested too deep?): its text was read between the tags"


@dataclass(frozen=True, slots=True)
class Page:
    """A web page read: its article's text, a note on how it was found ("" when plainly), its metadata."""

    text: str
    note: str
    metadata: Metadata


def read_page(html: str) -> Page:
    """The visible text of the page's article, how it was found, and what the page says about itself."""
    import trafilatura  # deferred: a third of a second to import, and only HTML needs it

    tree = trafilatura.load_html(html)  # parsed once: trafilatura.extract works on a copy of the tree
    text, note = _article_text(html, tree)
    return Page(text, note, page_metadata(tree) if tree is not None else NO_METADATA)


def page_metadata(tree: Tree) -> Metadata:
    """The page's title, site name, canonical URL and date of publication, where its markup says them
    (its meta tags, its JSON-LD, its <title>; the date from the markup only, no guess from the text).

    These are the steps of ``trafilatura.extract_metadata`` that find the four (functions of its
    ``metadata`` module, not of its documented API: pyproject.toml asks for a version that has them, and
    tests/io/test_metadata.py reads pages with them): the whole also looks for the author, categories,
    tags and licence, which cost five times as much (on the 29 real pages of shared/realworld, 37-58 ms
    a page against 5-9 ms) and are not kept."""
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url

    try:
        found = extract_meta_json(tree, examine_meta(tree))
        url = found.url or extract_url(tree)
        published = find_date(tree, extensive_search=False, original_date=True, url=url)
        site = (found.sitename or extract_sitename(tree) or "").lstrip("@")  # a Twitter handle's @ goes
        return metadata(found.title or extract_title(tree), site, url, published)
    except Exception:  # metadata is a page's extra: a reader's failure on it costs the page no text
        return NO_METADATA


def _article_text(html: str, tree: Tree | None) -> tuple[str, str]:
    import trafilatura

    text = None
    if tree is not None:  # a page lxml cannot make a tree of gives trafilatura.extract nothing either
        text = trafilatura.extract(tree, include_comments=False, include_tables=True, include_images=False)
    if text is None and not _WHOLE_PAGE.search(html[:4096]):
        # a bare fragment ("<p>…</p>") is no document to trafilatura until it is wrapped in one
        text = trafilatura.extract(f"<html><body>{html}</body></html>", include_comments=False)
    if text:
        return text, ""
    text = trafilatura.html2txt(html)
    if text.strip():
        return text, "no article found: all the page's visible text was read"
    text = text_between_tags(html)
    if text:
        return text, PLAIN_TEXT_NOTE
    return "", "no visible text"


def text_between_tags(html: str) -> str:
    """The text outside tags, scripts and styles, a paragraph per block element, read by a streaming
    tokenizer that builds no tree (so no depth of nesting defeats it)."""
    reader = _TextBetweenTags()
    reader.feed(html)
    reader.close()
    return reader.text()


class _TextBetweenTags(HTMLParser):
    """Collects the visible text of a page as it streams by (one per page, never shared)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._hidden = 0  # how many hidden elements are open

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self._parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self._parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._parts.append(data)

    def text(self) -> str:
        paragraphs = _BLANK_RUNS.split("".join(self._parts))
        kept = [_SPACE_RUNS.sub(" ", p).strip() for p in paragraphs]
        return "\n\n".join(p for p in kept if p)
