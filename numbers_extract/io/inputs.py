"""Inputs: paths, folders, globs and stdin, read into documents; every one processed or reported.

A folder is walked recursively for the known extensions (hidden files and folders, pipes and devices
are passed over; a folder that cannot be listed is reported); a file named on its own, or matched by
a glob, is read whatever its name, by its content: PDF by its signature, HTML by its suffix or first
tag, text when it decodes, binary skipped. Nothing here raises for a bad input: a file that cannot be
read is skipped, and a document whose extraction fails is reported as failed, with the reason.
"""

from __future__ import annotations

import glob
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..engine.pipeline import extract
from ..table import Figure
from .decode import SNIFF, decode, is_html, is_pdf, looks_binary
from .limits import TimeLimit, time_limit
from .metadata import NO_METADATA, Metadata
from .pdf import drop_unmapped, pdf_metadata, pdf_text, pypdf_text
from .webpage import read_page

if TYPE_CHECKING:
    from concurrent.futures import Executor

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
STDIN = "-"

OK = "ok"
REPLACED = "decoded with replacement"
SKIPPED = "skipped"  # not read: no figures
FAILED = "failed"  # read, but extraction stopped (a time limit, an error in the engine): no figures
NOT_READ = frozenset({SKIPPED, FAILED})
REASON_LIMIT = 300  # characters of an error's message kept in a reason
PYPDF_NOTE = "its text was read by pypdf, a paragraph per page"
READ_SECONDS = 60.0  # time to read a PDF or a web page into text, beyond which it is skipped ...
READ_SECONDS_PER_MB = 120.0  # ... plus this for each megabyte of the file (pdfminer reads a page or two a second)
# Worker processes pay for themselves only past this much input, in bytes of plain text or their worth.
# Measured with the command line on this 2-core machine, shared with other jobs (wall time, --workers 2
# against 1, varied seeds): while it was quiet, 187 kB took 1.77 s against 1.47 s, 561 kB 2.03 s against
# 2.39 s, 1.9 MB 4.34 against 5.35, 3.7 MB 7.94 against 11.94 (starting the workers: 0.3-0.5 s, some
# 1.3 s of CPU); while it was loaded, starting them cost 4-6 s, and 1.9 MB took 8.2 s against 7.6,
# 3.7 MB 17.3 against 15.1 one time and 59.4 against 68.7 another. 2 MB: a handful of files, or a few
# hundred kB, never waits for workers; past it they pay wherever cores are free.
WORKERS_FROM = 2_000_000
# What a byte costs to read and extract, as bytes of plain text (CPU a megabyte, measured loaded as above: text
# 3.7-4.2 s, the 29 real web pages 0.55-1.45 s, PDFs of the seeds' text about 25 s)
TEXT_WORTH = MappingProxyType({"html": 0.25, "pdf": 6.0, "text": 1.0})


@dataclass(frozen=True, slots=True)
class Document:
    """An input read into text. ``doc`` is the path as given ("-" for stdin); for HTML and PDF,
    ``text`` is the extracted text, which the figures' offsets index."""

    doc: str
    text: str
    format: str  # text, html, pdf; "" when skipped
    status: str  # ok, decoded with replacement, skipped
    reason: str  # why it was skipped or what was replaced; a note ("empty file"), or ""
    metadata: Metadata = NO_METADATA  # what a page or a PDF says about itself: title, publisher, URL, date


@dataclass(frozen=True, slots=True)
class Report:
    """What became of one input: a row of the workbook's Documents sheet."""

    doc: str
    characters: int | None  # None when not known (figures given without their documents)
    figures: int
    status: str  # ok, decoded with replacement, skipped, failed
    reason: str
    metadata: Metadata = NO_METADATA  # the document's title, publisher, URL and date, where it says them


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
    """The folder's files of known extensions, sorted; a folder that cannot be listed is kept as it is,
    to be reported (``read_document`` of a folder says why it could not be read). Links to folders are
    followed, each real folder once: a link back up the tree (a loop) adds nothing, and loses nothing."""
    found: list[str] = []
    seen = {os.path.realpath(folder)}
    walk = os.walk(folder, followlinks=True, onerror=lambda error: found.append(error.filename or folder))
    for root, dirs, files in walk:
        kept = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            real = os.path.realpath(os.path.join(root, name))
            if real not in seen:
                seen.add(real)
                kept.append(name)
        dirs[:] = kept
        found.extend(
            path
            for name in sorted(files)
            if not name.startswith(".")
            and Path(name).suffix.lower() in KNOWN_SUFFIXES
            and not _special(path := os.path.join(root, name))
        )
    return found


def _special(path: str) -> bool:
    """A pipe, socket or device: reading one may block or never end, so a folder walk passes it over."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False  # a broken link, say: kept, to be reported
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode)


def read_document(path: str) -> Document:
    """The text of the file at ``path`` ("-" for stdin), or why it was skipped. Never raises for a bad file."""
    try:
        data = _stdin_bytes() if path == STDIN else _file_bytes(path)
    except FileNotFoundError:
        return Document(path, "", "", SKIPPED, _missing(path))
    except IsADirectoryError:
        return Document(path, "", "", SKIPPED, _folder(path))
    except OSError as error:
        return Document(path, "", "", SKIPPED, (error.strerror or str(error)).lower())
    except Exception as error:  # a path with a NUL in it, a closed stdin: this input's failure, not the run's
        return Document(path, "", "", SKIPPED, f"cannot read: {_describe(error)}")
    return document_from_bytes(path, data)


def _file_bytes(path: str) -> bytes:
    """The file's bytes; for binary content only the first bytes, enough to tell (so /dev/zero ends)."""
    with open(path, "rb") as file:
        head = file.read(SNIFF)
        if looks_binary(head) and not is_pdf(head):
            return head
        return head + file.read()


def _missing(path: str) -> str:
    if os.path.islink(path):
        try:
            return f"broken link: {os.readlink(path)} does not exist"
        except OSError:  # pragma: no cover - the link went away meanwhile
            pass
    return "no file matches this pattern" if glob.has_magic(path) else "no such file or folder"


def _folder(path: str) -> str:
    """Why a folder was read as a file: only a folder that a walk could not list comes here."""
    try:
        with os.scandir(path):
            pass
    except OSError as error:
        return f"cannot list this folder: {(error.strerror or str(error)).lower()}"
    return "a folder that could not be listed"


def _describe(error: BaseException) -> str:
    message = str(error)
    if len(message) > REASON_LIMIT:
        message = message[:REASON_LIMIT] + " …"
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _stdin_bytes() -> bytes:
    if sys.stdin is None:
        raise OSError("no standard input")
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8", errors="surrogatepass")


def document_from_bytes(doc: str, data: bytes) -> Document:
    """A document from a file's bytes, its kind told by its content (and an HTML suffix): the text, or a
    reported skip. Never raises."""
    try:
        return _document(doc, data)
    except Exception as error:  # pragma: no cover - a safety net: every known failure is handled below
        return Document(doc, "", "", SKIPPED, f"cannot read: {_describe(error)}")


def _document(doc: str, data: bytes) -> Document:
    if not data:
        return Document(doc, "", "text", OK, "empty file")
    if is_pdf(data):
        try:
            with time_limit(reading_limit(len(data))):
                text, note = _pdf_text(data)
                about = pdf_metadata(data)
        except TimeLimit:
            return Document(doc, "", "", SKIPPED, f"cannot read this PDF: {_overtime(len(data))}")
        except Exception as error:  # a damaged, locked or hostile PDF is reported, not raised
            return Document(doc, "", "", SKIPPED, f"cannot read this PDF: {_describe(error)}")
        reason = note if text.strip() else "no text layer (a scanned PDF needs OCR)"
        return Document(doc, text, "pdf", OK, reason, about)
    if looks_binary(data):
        return Document(doc, "", "", SKIPPED, "binary content, not text, HTML or PDF")
    html = Path(doc).suffix.lower() in HTML_SUFFIXES or is_html(data)
    decoded = decode(data, html=html)
    status = REPLACED if decoded.replaced else OK
    if not html:
        return Document(doc, decoded.text, "text", status, decoded.reason)
    try:
        with time_limit(reading_limit(len(data))):
            page = read_page(decoded.text)
    except TimeLimit:
        return Document(doc, "", "", SKIPPED, f"cannot read this HTML: {_overtime(len(data))}")
    except Exception as error:  # the HTML parser's failure is this document's, not the run's
        return Document(doc, "", "", SKIPPED, f"cannot read this HTML: {str(error) or type(error).__name__}")
    reason = "; ".join(r for r in (decoded.reason, page.note) if r)
    return Document(doc, page.text, "html", status, reason, page.metadata)


def _pdf_text(data: bytes) -> tuple[str, str]:
    """A PDF's text by pdfminer, and a note on how it was read ("" when plainly). Where pdfminer reads no
    text, or fails, pypdf's text is kept, and the note says so; where pypdf reads none either, pdfminer's
    outcome stands (its error is raised). A text of unmapped glyphs is pdfminer's reading, not nothing:
    pypdf would guess characters for the glyphs (digits among them) where pdfminer drops them."""
    try:
        text = pdf_text(data)
    except Exception as error:
        if fallback := pypdf_text(data):
            return fallback, f"pdfminer could not read it ({_describe(error)}): {PYPDF_NOTE}"
        raise
    if not text.strip() and (fallback := pypdf_text(data)):
        return fallback, f"pdfminer read no text from it (a damaged file?): {PYPDF_NOTE}"
    return drop_unmapped(text)


def reading_limit(size: int) -> float:
    """Seconds that reading a PDF or web page of ``size`` bytes into text may take."""
    return READ_SECONDS + READ_SECONDS_PER_MB * size / 1_000_000


def _overtime(size: int) -> str:
    return f"reading stopped after {reading_limit(size):.0f} s (a damaged or hostile file?); no figures kept"


def extract_files(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    on_document: Callable[[Report], None] | None = None,
    workers: int | None = None,
) -> Iterator[Figure]:
    """Every figure in the files, folders and globs named (and "-" for stdin), document by document.

    An input that cannot be read, or whose extraction fails, gives no figures; ``on_document`` hears of
    every input, read or not, with its status and reason. Nothing here raises for a bad input.

    ``workers`` above 1 reads and extracts the documents in that many processes (standard input is read
    here); the figures and the reports come in the same order as with one, and only a few documents per
    worker are in flight at a time, so memory stays bounded. A process that dies (killed, out of memory)
    fails its document, with the reason, and the run goes on. The processes are spawned: a script that
    calls this at its top level needs ``if __name__ == "__main__":``.
    """
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    return extract_files_on(paths, on_document, workers or 1)


def extract_files_on(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    on_document: Callable[[Report], None] | None,
    workers: int,
    start: Callable[[int], Executor] | None = None,
) -> Iterator[Figure]:
    """``extract_files`` on the executor that ``start(workers)`` makes (a cluster's, say; by default
    ``workers`` spawned processes, or this process for one worker), ``workers`` giving how many documents
    are in flight (a few per worker)."""
    named = [paths] if isinstance(paths, str | os.PathLike) else paths
    found = expand(os.fspath(p) for p in named)
    items = (read_document(path) if path == STDIN else path for path in found)  # stdin is read here
    workers = max(1, min(workers, len(found)))
    if start is None and workers == 1:
        results: Iterator[tuple[list[Figure], Report]] = map(extract_input, items)
    else:
        from ..scale.pool import in_order, processes  # deferred: multiprocessing is only for more than one worker

        results = in_order(extract_input, items, workers, _lost, start or processes)
    try:
        for figures, report in results:
            if on_document is not None:
                on_document(report)
            yield from figures
    finally:
        stop = getattr(results, "close", None)
        if stop is not None:
            stop()  # closed early (a broken pipe, Ctrl-C): the workers end now, not when collected


def default_workers(paths: list[str], cores: int | None = None) -> int:
    """How many processes are worth starting for the inputs (``expand``'s list): one, this process, while
    their work is under ``WORKERS_FROM`` bytes of text, or their worth (a PDF's byte costs more than a
    web page's), so that a handful of files never waits for workers to start; else one per core
    (``cores``, by default the machine's), and no more than there are inputs."""
    if len(paths) < 2 or sum(map(_text_worth, paths)) < WORKERS_FROM:
        return 1
    return max(1, min(cores or os.cpu_count() or 1, len(paths)))


def _text_worth(path: str) -> float:
    """The file's size in bytes of plain text that cost as much to read and extract (0 for stdin, or a
    file that cannot be seen: it is reported when read)."""
    try:
        size = 0 if path == STDIN else os.stat(path).st_size
    except (OSError, ValueError):
        return 0
    suffix = Path(path).suffix.lower()
    return size * TEXT_WORTH["pdf" if suffix in PDF_SUFFIXES else "html" if suffix in HTML_SUFFIXES else "text"]


def extract_input(item: str | Document) -> tuple[list[Figure], Report]:
    """The figures and the report of one input: a path, read here, or a document already read. A
    top-level function, so that a process pool or a cluster can run it."""
    return extract_document(item if isinstance(item, Document) else read_document(item))


def _lost(item: str | Document, reason: str) -> tuple[list[Figure], Report]:
    """The report of an input whose worker process could not give its figures back (it died, say)."""
    if len(reason) > REASON_LIMIT:
        reason = reason[:REASON_LIMIT] + " …"
    reason = f"extraction failed: {reason}; no figures kept"
    if isinstance(item, Document):
        return [], Report(item.doc, len(item.text), 0, FAILED, reason, item.metadata)
    return [], Report(item, None, 0, FAILED, reason)


def extract_document(document: Document) -> tuple[list[Figure], Report]:
    """The figures of a document read, and its report. When extraction raises (a pattern past its time
    limit raises TimeoutError; any other error is the engine's bug), the document is reported as failed
    with no figures, and the run goes on."""
    doc, characters, about = document.doc, len(document.text), document.metadata
    try:
        figures = extract(document.text, doc=doc) if document.text else []
    except TimeoutError:
        reason = "extraction stopped: a pattern ran past its time limit (TimeoutError); no figures kept"
        return [], Report(doc, characters, 0, FAILED, reason, about)
    except Exception as error:
        reason = f"extraction failed: {_describe(error)}; no figures kept"
        return [], Report(doc, characters, 0, FAILED, reason, about)
    return figures, Report(doc, characters, len(figures), document.status, document.reason, about)
