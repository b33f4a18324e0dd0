"""PDFs for the tests, made here: pages of wrapped paragraphs in Helvetica, the way a report's
text layer looks (a line per line of print, a blank line between paragraphs)."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping


def make_pdf(pages: list[str], width: int = 80, info: Mapping[str, str] | None = None) -> bytes:
    """A valid PDF with one page per string; paragraphs are separated by blank lines. ``info`` is its
    document information ({"Title": …, "Author": …, "CreationDate": "D:20190301120000Z"}), as text
    strings (UTF-16 with its byte order mark, so any character goes)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * len(pages)
    kids = []
    for text in pages:
        ops = ["BT /F1 11 Tf 14 TL 56 780 Td"]
        for paragraph in text.split("\n\n"):
            for line in [*textwrap.wrap(paragraph, width), ""]:
                escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("cp1252")
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)
            )
        )
    refs = b" ".join(b"%d 0 R" % kid for kid in kids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    entries = b"".join(b"/%s <%s> " % (key.encode("ascii"), _text_string(value)) for key, value in (info or {}).items())
    information = b" /Info %d 0 R" % add(b"<< %s>>" % entries) if info else b""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, information, xref
    )  # fmt: skip
    return bytes(out)


def _text_string(value: str) -> bytes:
    """A PDF text string, written in hex: UTF-16BE after its byte order mark."""
    return ("\ufeff" + value).encode("utf-16-be").hex().upper().encode("ascii")


# Damage real files carry, which pdfminer reads as empty or fails on and pypdf repairs (tests/io/test_inputs.py)


def with_offsets_missed(pdf: bytes, by: int = 7) -> bytes:
    """The PDF with every offset of its cross-reference table ``by`` bytes past its object, as in a file
    changed after its table was written (its objects moved, its table not)."""
    return re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m[1]) + by), pdf)


def without_root(pdf: bytes) -> bytes:
    """The PDF with a trailer that names no catalogue (``/Root``), the entry a reader starts from."""
    return pdf.replace(b"/Root ", b"/Info ")


def with_lengths_off(pdf: bytes, by: int = 50) -> bytes:
    """The PDF with each stream's ``/Length`` ``by`` bytes longer than the stream, as a writer that counts
    its bytes before compressing or re-encoding them leaves it."""
    return re.sub(rb"/Length (\d+)", lambda m: b"/Length %d" % (int(m[1]) + by), pdf)
