"""Bytes to text: byte order marks, UTF-8, a declared HTML charset, else UTF-8 with replacement (reported);
and the sniffing that tells text from binary, HTML and PDF by content."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

SNIFF = 8192
_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes; ``replaced`` counts the characters that could not be decoded."""

    text: str
    encoding: str
    replaced: int

    @property
    def reason(self) -> str:
        if not self.replaced:
            return ""
        plural = "" if self.replaced == 1 else "s"
        return f"not valid {self.encoding.upper()}: {self.replaced:,} character{plural} replaced by U+FFFD"


def is_pdf(data: bytes) -> bool:
    """PDF by its signature, which readers accept anywhere in the first kilobyte."""
    return b"%PDF-" in data[:1024]


def is_html(data: bytes) -> bool:
    """HTML by its first tag (a doctype, <html>, <head> or <body>), after any byte order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            head = data[len(bom) : len(bom) + 4 * SNIFF].decode(encoding, errors="ignore").encode("ascii", "ignore")
            return _HTML_START.match(head) is not None
    return _HTML_START.match(data[:SNIFF]) is not None


def _bom(data: bytes) -> tuple[bytes, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], encoding
    return None


def _declared_charset(data: bytes) -> str | None:
    found = _CHARSET.search(data[: 4 * SNIFF])
    if found is None:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode(data: bytes, html: bool = False) -> Decoded:
    """The text of ``data``: by its byte order mark, else UTF-8, else (for HTML) its declared charset,
    else UTF-8 with each undecodable byte replaced by U+FFFD."""
    marked = _bom(data)
    if marked is not None:
        body, encoding = marked
        return _lenient(body, encoding)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data) if html else None
    if declared is not None and declared != "utf-8":
        try:
            return Decoded(data.decode(declared), declared, 0)
        except UnicodeDecodeError:
            pass
    return _lenient(data, "utf-8")


def _lenient(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding, 0)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        return Decoded(text, encoding, text.count("\ufffd") - _count_replacement_chars(data, encoding))


def _count_replacement_chars(data: bytes, encoding: str) -> int:
    """U+FFFD characters that were in the bytes themselves, not made by replacement."""
    return data.count("\ufffd".encode(encoding)) if encoding.startswith("utf") else 0


def looks_binary(data: bytes) -> bool:
    """Binary rather than text: a NUL byte, or many control or undecodable characters, near the start.

    Only for data without a byte order mark (UTF-16 text is full of NUL bytes).
    """
    head = data[:SNIFF]
    if b"\x00" in head:
        return True
    sample = head.decode("utf-8", errors="replace")
    return len(_CONTROL.findall(sample)) > len(sample) / 10


def has_bom(data: bytes) -> bool:
    return _bom(data) is not None
