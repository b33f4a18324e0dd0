"""PDF reports: the text layer, read by pdfminer.six, with its lines joined back into paragraphs.

pdfminer's layout analysis keeps paragraphs apart (a blank line between text boxes), which keeps a
headline out of the first sentence. A PDF's lines are broken for the page, not the sentence, so the
lines of a paragraph are joined with a space ("far-" + "flung" keeps its hyphen: nothing is dropped).

Where pdfminer reads nothing, or fails, from a damaged file, pypdf reads it instead: it repairs what
pdfminer does not (a cross-reference table whose offsets miss their objects, a trailer that names no
catalogue, a stream longer or shorter than its /Length says), though it keeps no paragraphs apart
within a page. The document's report says so (``inputs.read_document``).

What the PDF says about itself, its document information (Title, Author, CreationDate), is read by
pypdf, which decodes its strings; the date's day is kept as written.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from .metadata import NO_METADATA, Metadata, iso_date, metadata

if TYPE_CHECKING:
    from pypdf import DocumentInformation

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*(?:\n|\f)\s*|\f\s*")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_HYPHEN_BREAK = re.compile(r"(?<=\w-)[ \t]*\n[ \t]*(?=\w)")
_PDF_DATE = re.compile(r"\s*(?:D:)?(\d{4})(?:(\d{2})(\d{2})?)?")  # D:YYYYMMDDHHmmSS+HH'mm', cut anywhere after YYYY
_UNMAPPED = re.compile(r"\(cid:\d+\)")  # a glyph the PDF's font maps to no character: pdfminer writes its id


def drop_unmapped(text: str) -> tuple[str, str]:
    """The text without the glyphs pdfminer could not map to characters ("(cid:88)", whose digits are
    no number in the text), and a note saying how many were dropped ("" when none)."""
    kept, dropped = _UNMAPPED.subn("", text)
    return kept, (f"{dropped} glyphs the PDF maps to no character ('(cid:N)') dropped" if dropped else "")


def reflow(text: str) -> str:
    """Lines joined into paragraphs; paragraphs (and pages) separated by a blank line."""
    paragraphs = []
    for block in _PARAGRAPH_BREAK.split(text):
        joined = _LINE_BREAK.sub(" ", _HYPHEN_BREAK.sub("", block)).strip()
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def pdf_text(data: bytes) -> str:
    """The text of a PDF, paragraph by paragraph. Raises on a damaged or locked file."""
    from pdfminer.high_level import extract_text  # deferred: only PDFs need it

    return reflow(extract_text(io.BytesIO(data)))


def pypdf_text(data: bytes) -> str:
    """The text of a PDF as pypdf reads it, a paragraph per page; "" when it reads none or fails."""
    from pypdf import PdfReader  # deferred: only a PDF that pdfminer cannot read needs it

    try:
        pages = [page.extract_text() for page in PdfReader(io.BytesIO(data), strict=False).pages]
    except Exception:  # a file neither reader can read: pdfminer's failure is the one reported
        return ""
    return reflow("\f".join(pages))


def pdf_metadata(data: bytes) -> Metadata:
    """The PDF's Title, its Author (as the publisher) and its CreationDate (as the date of publication,
    the day as written there); NO_METADATA when it has no document information or it cannot be read."""
    from pypdf import PdfReader  # deferred: only PDFs need it

    try:
        info = PdfReader(io.BytesIO(data), strict=False).metadata
    except Exception:  # a file whose information cannot be read still has its text
        return NO_METADATA
    if info is None:
        return NO_METADATA
    return metadata(_field(info, "title"), _field(info, "author"), None, _creation_date(info))


def _field(info: DocumentInformation, name: str) -> str | None:
    try:
        value = getattr(info, name)
    except Exception:  # an entry that is no string, a reference to nothing
        return None
    return value if isinstance(value, str) else None


def _creation_date(info: DocumentInformation) -> str:
    """The CreationDate's day as an ISO date, as precise as written ("D:2019" is 2019, not 2019-01-01;
    "D:20191231235959-08'00'" is 2019-12-31, not moved to another zone); "" for no real day."""
    try:
        written = info.creation_date_raw
    except Exception:  # a reference to nothing
        return ""
    found = _PDF_DATE.match(written) if isinstance(written, str) else None
    return iso_date("-".join(part for part in found.groups() if part)) if found else ""
