"""Saved web pages: the article's visible text, found by trafilatura.

trafilatura keeps the article (headline, paragraphs, tables, one line per paragraph) and drops
navigation, cookie banners, related links, footers, scripts and reader comments. Where it finds no
article, all the page's visible text is read instead, and the document's report says so.
"""

from __future__ import annotations

import re

_WHOLE_PAGE = re.compile(r"<html[\s>]", re.I)


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
    return "", "no visible text"
