"""PDF reports: the text layer, read by pdfminer.six, with its lines joined back into paragraphs.

pdfminer's layout analysis keeps paragraphs apart (a blank line between text boxes), which keeps a
headline out of the first sentence. A PDF's lines are broken for the page, not the sentence, so the
lines of a paragraph are joined with a space ("far-" + "flung" keeps its hyphen: nothing is dropped).

Where pdfminer reads nothing, or fails, from a damaged file, pypdf reads it instead: it repairs what
pdfminer does not (a cross-reference table whose offsets miss their objects, a trailer that names no
catalogue, a stream longer or shorter than its /Length says), though it keeps no paragraphs apart
within a page. The document's report says so (``inputs.read_document``).
"""

from __future__ import annotations

import io
import re

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*(?:\n|\f)\s*|\f\s*")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_HYPHEN_BREAK = re.compile(r"(?<=\w-)[ \t]*\n[ \t]*(?=\w)")
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
