"""The review page: one self-contained HTML file that shows every figure in its text.

- each document's heading, with its title, publisher, date and URL where it says them (the URL a link
  only when it is an http or https address, else text);
- each document's text with every figure highlighted in place by a ``<mark>`` element, coloured by
  kind and carrying ``id="f<i>"`` (``i``: the figure's place in the list given), ``data-kind`` and
  ``data-value`` (the value as in JSON Lines, "" for none), so scripts can read the page;
- hovering or focusing a highlight shows its row; a sortable, filterable table of all figures whose
  rows jump to their place in the text; a summary of counts by kind.

Safe and offline: every piece of text is HTML-escaped; the figures travel as a JSON block the script
parses (never as markup); a Content-Security-Policy lets only the page's own inline script and style
run and lets nothing be fetched. The table adds rows as it is scrolled, so 10,000 figures stay quick.

A figure is highlighted when its offsets lie within its document's text, ``text[start:end]`` is its
surface, and it does not cross the bounds of another highlight (one inside another nests); any
other figure is listed in the table only, marked as not placed.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import IO

from ..io.inputs import SKIPPED, Report, expand, extract_document, read_document
from ..io.metadata import NO_METADATA, Metadata
from ..table import KINDS, Figure, Number
from .atomic import atomic_text
from .cells import xml_safe

Target = str | os.PathLike[str] | IO[str]
"""A path, written whole or not at all, or a text file open for writing (UTF-8)."""

TITLE = "numbers-extract review"
CHUNK = 4000  # characters in a block of text, at least, where a line break allows
DATA_COLUMNS = (
    "doc", "start", "end", "surface", "value", "low", "high", "previous", "qualifier", "trend", "unit",
    "dimension", "si_value", "si_unit", "kind", "entity", "subject", "source", "date", "rule", "sentence", "placed",
)  # fmt: skip
"""The columns of each row in the page's JSON block (``doc`` is an index into its ``docs`` list;
numbers are strings as in JSON Lines; ``sentence`` is given only for a figure not placed in the text)."""
_WEB_ADDRESS = re.compile(r"https?://[^\s/?#\\]+\S*", re.IGNORECASE)  # what a link may point at: nothing else


@dataclass(frozen=True, slots=True)
class _Assets:
    css: str
    js: str
    policy: str


@cache
def _assets() -> _Assets:
    """The page's style and script, and the Content-Security-Policy that allows exactly them."""
    folder = resources.files("numbers_extract").joinpath("data")
    css = folder.joinpath("review.css").read_text(encoding="utf-8")
    js = folder.joinpath("review.js").read_text(encoding="utf-8")

    def digest(source: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"

    policy = (
        f"default-src 'none'; script-src {digest(js)}; style-src {digest(css)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return _Assets(css, js, policy)


def _clean(text: str) -> str:
    """Text that UTF-8 and HTML can carry: lone surrogates and control characters become U+FFFD, one for one."""
    return xml_safe(text)


def _esc(text: str) -> str:
    return html.escape(_clean(text), quote=True)


def _number(value: Number | None) -> str | None:
    """A number as JSON Lines writes it ("1600", "2.5", "1e+20"); None stays None."""
    if value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return json.dumps(value)


def placements(figures: Iterable[tuple[int, Figure]], text: str) -> list[int]:
    """The indices of the figures that can be highlighted in ``text``, in the order their marks open.

    A figure is placed when its offsets are within the text, it is not empty, ``text[start:end]`` is its
    surface, and it lies wholly inside or wholly outside each figure placed before it.
    """
    candidates = sorted(
        (f.start, -f.end, i)
        for i, f in figures
        if 0 <= f.start < f.end <= len(text) and text[f.start : f.end] == f.surface
    )
    placed: list[int] = []
    open_ends: list[int] = []
    for start, negative_end, i in candidates:
        end = -negative_end
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        if open_ends and end > open_ends[-1]:
            continue  # crosses the end of an open highlight
        placed.append(i)
        open_ends.append(end)
    return placed


def _marked_text(text: str, order: list[int], figures: list[Figure]) -> str:
    """The text, escaped, with a ``<mark>`` around each placed figure (nested where one holds another),
    in blocks of about ``CHUNK`` characters cut at line breaks outside any highlight: the browser lays out
    only the blocks on screen (``content-visibility: auto``), so a long text opens quickly."""
    out: list[str] = ['<div class="text">']
    at = 0
    chunk_from = 0
    open_ends: list[int] = []

    def plain(end: int) -> None:
        """text[at:end], outside every highlight: it may end blocks at its line breaks."""
        nonlocal at, chunk_from
        while end - chunk_from > CHUNK:
            cut = text.find("\n", max(at, chunk_from + CHUNK), end)
            if cut < 0:
                break
            out.append(_esc(text[at : cut + 1]) + '</div><div class="text">')
            at = chunk_from = cut + 1
        out.append(_esc(text[at:end]))
        at = end

    def close_until(position: int) -> None:
        nonlocal at
        while open_ends and open_ends[-1] <= position:
            end = open_ends.pop()
            out.append(_esc(text[at:end]) + "</mark>")
            at = end

    for i in order:
        f = figures[i]
        close_until(f.start)
        if open_ends:
            out.append(_esc(text[at : f.start]))
            at = f.start
        else:
            plain(f.start)
        value = _number(f.value) or ""
        out.append(f'<mark id="f{i}" data-kind="{_esc(f.kind)}" data-value="{_esc(value)}" tabindex="0">')
        open_ends.append(f.end)
    close_until(len(text))
    plain(len(text))
    out.append("</div>")
    return "".join(out)


def _script_json(data: object) -> str:
    """JSON that cannot end its ``<script>`` block: <, > and & are written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(
    figures: Iterable[Figure],
    texts: Mapping[str, str],
    *,
    title: str = TITLE,
    metadata: Mapping[str, Metadata] | None = None,
) -> str:
    """The review page as a string: see the module's doc. ``texts`` maps each ``doc`` to the text its
    figures' offsets index (a document's text not given still has its figures in the table);
    ``metadata`` each ``doc`` to what it says about itself, shown under its heading."""
    listed = list(figures)
    docs = list(texts)
    known = {doc: n for n, doc in enumerate(docs)}
    for f in listed:
        if f.doc not in known:
            known[f.doc] = len(docs)
            docs.append(f.doc)
    by_doc: dict[str, list[tuple[int, Figure]]] = {doc: [] for doc in docs}
    for i, f in enumerate(listed):
        by_doc[f.doc].append((i, f))

    placed: set[int] = set()
    sections: list[str] = []
    for n, doc in enumerate(docs):
        name = _esc(doc) if doc else "(no document name)"
        count = len(by_doc[doc])
        heading = f"<h2>{name} <small>· {count:,} figure{'' if count == 1 else 's'}</small></h2>"
        heading += _about((metadata or {}).get(doc, NO_METADATA))
        if doc not in texts:
            note = '<p class="note">The text was not given: its figures are listed in the table only.</p>'
            sections.append(f'<article class="doc" id="doc-{n}">{heading}{note}</article>')
            continue
        order = placements(by_doc[doc], texts[doc])
        placed.update(order)
        body = _marked_text(texts[doc], order, listed)
        sections.append(f'<article class="doc" id="doc-{n}">{heading}{body}</article>')

    rows = [_data_row(i, f, known[f.doc], i in placed) for i, f in enumerate(listed)]
    data = {"columns": DATA_COLUMNS, "docs": [_clean(d) for d in docs], "rows": rows}
    assets = _assets()
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{assets.policy}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="generator" content="numbers-extract">\n',
            f"<title>{_esc(title)}</title>\n<style>{assets.css}</style>\n</head>\n<body>\n",
            _header(title, listed, docs, len(placed)),
            '<main>\n<section id="texts" aria-label="Documents">\n',
            "\n".join(sections),
            '\n</section>\n<section id="figures" aria-label="Figures">\n<div class="controls">',
            '<input id="q" type="search" placeholder="Filter: any text in a row" aria-label="Filter the figures">',
            '<select id="kind" aria-label="Kind"><option value="">every kind</option></select>',
            '<select id="doc" aria-label="Document"><option value="">every document</option></select>',
            '<span id="shown" role="status"></span></div>\n<div class="scroll"><table><thead><tr id="head"></tr>',
            '</thead><tbody id="rows"></tbody></table><button id="more" type="button">Show more</button></div>\n',
            '</section>\n</main>\n<div id="tip" role="tooltip" hidden></div>\n',
            f'<script type="application/json" id="review-data">{_script_json(data)}</script>\n',
            f"<script>{assets.js}</script>\n</body>\n</html>\n",
        ]
    )


def _about(about: Metadata) -> str:
    """What a document says about itself, as a line under its heading ("" when it says nothing)."""
    parts = [
        f"<cite>{_esc(about.title)}</cite>" if about.title else "",
        _esc(about.publisher),
        f'<time datetime="{_esc(about.published)}">{_esc(about.published)}</time>' if about.published else "",
        _link(about.url) if about.url else "",
    ]
    shown = " · ".join(part for part in parts if part)
    return f'<p class="about">{shown}</p>' if shown else ""


def _link(url: str) -> str:
    """A link to an http or https address; any other URL (``javascript:``, ``data:``) as text only."""
    if _WEB_ADDRESS.fullmatch(url) and _clean(url) == url:
        return f'<a href="{_esc(url)}" rel="noreferrer" target="_blank">{_esc(url)}</a>'
    return f'<span class="url">{_esc(url)}</span>'


def _data_row(i: int, f: Figure, doc: int, placed: bool) -> list[object]:
    """A figure as a row of the JSON block: ``DATA_COLUMNS``."""
    texts = (f.qualifier, f.trend, f.unit, f.dimension)
    about = (f.kind, f.entity, f.subject, f.source, f.date, f.rule)
    return [
        doc, f.start, f.end, _clean(f.surface), _number(f.value), _number(f.low), _number(f.high),
        _number(f.previous), *(_clean(t) for t in texts), _number(f.si_value), _clean(f.si_unit),
        *(_clean(t) for t in about), "" if placed else _clean(f.sentence), int(placed),
    ]  # fmt: skip


def _header(title: str, figures: list[Figure], docs: list[str], placed: int) -> str:
    kinds = Counter(f.kind for f in figures)
    ordered = [k for k in KINDS if k in kinds] + sorted(k for k in kinds if k not in KINDS)
    chips = "".join(
        f'<li><button class="chip" type="button" data-kind="{_esc(k)}" aria-pressed="false" '
        f'title="show only {_esc(k)}"><span class="swatch k-{k if k in KINDS else "other"}"></span>'
        f"{_esc(k) or '(none)'} {kinds[k]:,}</button></li>"
        for k in ordered
    )
    n, d = len(figures), len(docs)
    summary = f"{n:,} figure{'' if n == 1 else 's'} in {d:,} document{'' if d == 1 else 's'}"
    if placed < n:
        summary += f"; {n - placed:,} not placed in the text (listed in the table)"
    return (
        f'<header>\n<h1>{_esc(title)}</h1>\n<p class="summary" id="summary">{summary}</p>\n'
        f'<ul class="kinds" aria-label="Figures by kind">{chips}</ul>\n</header>\n'
    )


def review_files(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    target: Target,
    *,
    title: str = TITLE,
    on_document: Callable[[Report], None] | None = None,
) -> int:
    """Read files, folders and globs as ``extract_files`` does and write their review page to ``target``;
    ``on_document`` hears of every input, read or not. Returns the number of figures on the page."""
    named = [paths] if isinstance(paths, str | os.PathLike) else paths
    texts: dict[str, str] = {}
    metadata: dict[str, Metadata] = {}
    figures: list[Figure] = []
    for path in expand(os.fspath(p) for p in named):
        document = read_document(path)
        found, report = extract_document(document)  # a failed extraction is reported, not raised
        if on_document is not None:
            on_document(report)
        if document.status != SKIPPED:
            texts[document.doc] = document.text
            metadata[document.doc] = document.metadata
        figures += found
    return to_html(figures, texts, target, title=title, metadata=metadata)


def _opened(target: Target) -> AbstractContextManager[IO[str]]:
    if isinstance(target, str | os.PathLike):
        return atomic_text(target)
    return nullcontext(target)


def to_html(
    figures: Iterable[Figure],
    texts: Mapping[str, str],
    target: Target,
    *,
    title: str = TITLE,
    metadata: Mapping[str, Metadata] | None = None,
) -> int:
    """Write the review page to ``target`` (a path, written whole or not at all, or an open text file);
    returns the number of figures on it. ``texts`` maps each document's ``doc`` to its text, and
    ``metadata`` (optional) to what it says about itself (``Report.metadata``, ``Document.metadata``)."""
    listed = list(figures)
    page = render_html(listed, texts, title=title, metadata=metadata)
    with _opened(target) as out:
        out.write(page)
    return len(listed)
