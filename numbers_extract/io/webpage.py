"""Saved web pages: the article's visible text, found by trafilatura.

trafilatura keeps the article (headline, paragraphs, tables, one line per paragraph) and drops
navigation, cookie banners, related links, footers, scripts and reader comments. Where it finds no
article, all the page's visible text is read instead, and the document's report says so. Where its
parser (lxml) gives nothing at all from a page that plainly holds text — a page nested deeper than
lxml builds a tree for, tens of thousands of ``<div>``s — the text between the tags is read by the
standard library's streaming HTML tokenizer, which builds no tree, and the report says so too.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

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


def article_text(html: str) -> tuple[str, str]:
    """The visible text of the page's article, and a note on how it was found ("" when plainly)."""
    import trafilatura  # deferred: a third of a second to import, and only HTML needs it

    text = trafilatura.extract(html, include_comments=False, include_tables=True, include_images=False)
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
