"""Inputs: paths, folders, globs and stdin, read into documents; every one processed or reported.

A folder is walked recursively for the known extensions (hidden files and folders are passed over);
a file named on its own, or matched by a glob, is read whatever its name, by its content:
PDF by its signature, HTML by its suffix or first tag, text when it decodes, binary skipped.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .decode import decode, has_bom, is_html, is_pdf, looks_binary
from .extract import extract
from .figure import Figure
from .pdf import pdf_text
from .webpage import article_text

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
STDIN = "-"

OK = "ok"
REPLACED = "decoded with replacement"
SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class Document:
    """An input read into text. ``doc`` is the path as given ("-" for stdin); for HTML and PDF,
    ``text`` is the extracted text, which the figures' offsets index."""

    doc: str
    text: str
    format: str  # text, html, pdf; "" when skipped
    status: str  # ok, decoded with replacement, skipped
    reason: str  # why it was skipped or what was replaced; a note, or "" when ok


@dataclass(frozen=True, slots=True)
class Report:
    """What became of one input: a row of the workbook's Documents sheet."""

    doc: str
    characters: int | None  # None when not known (figures given without their documents)
    figures: int
    status: str
    reason: str


def expand(paths: Iterable[str]) -> list[str]:
    """The inputs the paths name, in order: a folder's files of known extensions (sorted, recursively),
    a glob's matches (sorted), a file or "-" as given. A path that names nothing is kept, to be reported."""
    out: list[str] = []
    for given in paths:
        if given == STDIN or os.path.isfile(given):
            out.append(given)
        elif os.path.isdir(given):
            out += _walk(given)
        elif glob.has_magic(given) and (matches := sorted(glob.glob(given, recursive=True))):
            for match in matches:
                out += _walk(match) if os.path.isdir(match) else [match]
        else:
            out.append(given)
    return out


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += (
            os.path.join(root, name)
            for name in sorted(files)
            if not name.startswith(".") and Path(name).suffix.lower() in KNOWN_SUFFIXES
        )
    return found


def read_document(path: str) -> Document:
    """The text of the file at ``path`` ("-" for stdin), or why it was skipped. Never raises for a bad file."""
    try:
        data = _stdin_bytes() if path == STDIN else Path(path).read_bytes()
    except FileNotFoundError:
        reason = "no file matches this pattern" if glob.has_magic(path) else "no such file or folder"
        return Document(path, "", "", SKIPPED, reason)
    except OSError as error:
        return Document(path, "", "", SKIPPED, (error.strerror or str(error)).lower())
    return document_from_bytes(path, data)


def _stdin_bytes() -> bytes:
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8", errors="surrogatepass")


def document_from_bytes(doc: str, data: bytes) -> Document:
    """A document from a file's bytes, its kind told by its content (and an HTML suffix)."""
    if is_pdf(data):
        try:
            text = pdf_text(data)
        except Exception as error:  # a damaged, locked or hostile PDF is reported, not raised
            return Document(doc, "", "", SKIPPED, f"cannot read this PDF: {str(error) or type(error).__name__}")
        return Document(doc, text, "pdf", OK, "" if text.strip() else "no text layer (a scanned PDF needs OCR)")
    if not has_bom(data) and looks_binary(data):
        return Document(doc, "", "", SKIPPED, "binary content, not text, HTML or PDF")
    html = Path(doc).suffix.lower() in HTML_SUFFIXES or is_html(data)
    decoded = decode(data, html=html)
    status = REPLACED if decoded.replaced else OK
    if not html:
        return Document(doc, decoded.text, "text", status, decoded.reason)
    try:
        text, note = article_text(decoded.text)
    except Exception as error:  # the HTML parser's failure is this document's, not the run's
        return Document(doc, "", "", SKIPPED, f"cannot read this HTML: {str(error) or type(error).__name__}")
    return Document(doc, text, "html", status, "; ".join(r for r in (decoded.reason, note) if r))


def extract_files(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    on_document: Callable[[Report], None] | None = None,
) -> Iterator[Figure]:
    """Every figure in the files, folders and globs named (and "-" for stdin), document by document.

    An input that cannot be read gives no figures; ``on_document`` hears of every input, read or not.
    """
    named = [paths] if isinstance(paths, str | os.PathLike) else paths
    for path in expand(os.fspath(p) for p in named):
        document = read_document(path)
        figures = extract(document.text, doc=document.doc) if document.text else []
        if on_document is not None:
            on_document(Report(document.doc, len(document.text), len(figures), document.status, document.reason))
        yield from figures
