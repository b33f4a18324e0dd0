"""Bytes to text: byte order marks, UTF-8, UTF-16 without a mark (told by its zero bytes), a declared
HTML charset, else UTF-8 with replacement (reported); and the sniffing that tells text from binary,
HTML and PDF by content. Nothing here raises on any bytes."""

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
_SIGNATURES = (  # formats whose first bytes no text starts with: images, archives, executables, Office
    b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b",
    b"BZh91AY&SY", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"\x7fELF", b"MZ\x90\x00",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\x00asm", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"SQLite format 3\x00",
    b"II*\x00", b"MM\x00*", b"OggS", b"fLaC", b"wOFF", b"wOF2", b"\x28\xb5\x2f\xfd",
)  # fmt: skip
# A declared charset is used only if it reads the markup's ASCII as ASCII: not UTF-16/32 (which a page
# in ASCII bytes cannot be), not utf-7 or the escape codecs (which rewrite "+-", "~{" or "\\u0041").
_ASCII_PROBE = b"<p> +-~{}\\u0041 =1;</p>"
_NOT_DOCUMENT_ENCODINGS = frozenset({"idna"})


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes; ``replaced`` counts the characters that could not be decoded."""

    text: str
    encoding: str
    replaced: int
    note: str = ""  # how the encoding was told, when it was guessed

    @property
    def reason(self) -> str:
        if not self.replaced:
            return self.note
        plural = "" if self.replaced == 1 else "s"
        replaced = f"not valid {self.encoding.upper()}: {self.replaced:,} character{plural} replaced by U+FFFD"
        return f"{self.note}; {replaced}" if self.note else replaced


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
        name = codecs.lookup(found.group(1).decode("ascii")).name
        reads_ascii = _ASCII_PROBE.decode(name) == _ASCII_PROBE.decode("ascii")
    except (LookupError, UnicodeError, ValueError):  # unknown, not a text encoding, or not one for documents
        return None
    return name if reads_ascii and name not in _NOT_DOCUMENT_ENCODINGS else None


def decode(data: bytes, html: bool = False) -> Decoded:
    """The text of ``data``: by its byte order mark, else UTF-16 if its zero bytes say so, else UTF-8,
    else (for HTML) its declared charset, else UTF-8 with each undecodable byte replaced by U+FFFD."""
    marked = _bom(data)
    if marked is not None:
        body, encoding = marked
        note = "" if encoding == "utf-8" else f"read as {encoding.upper()} by its byte order mark"
        return _lenient(body, encoding, note)
    unmarked = utf16_without_bom(data)
    if unmarked is not None:
        return _lenient(data, unmarked, f"no byte order mark: read as {unmarked.upper()} by its zero bytes")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data) if html else None
    if declared is not None and declared != "utf-8":
        try:
            return Decoded(data.decode(declared), declared, 0)
        except (UnicodeError, LookupError, ValueError):
            pass
    return _lenient(data, "utf-8")


def _lenient(data: bytes, encoding: str, note: str = "") -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding, 0, note)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        return Decoded(text, encoding, text.count("\ufffd") - _count_replacement_chars(data, encoding), note)


def _count_replacement_chars(data: bytes, encoding: str) -> int:
    """U+FFFD characters that were in the bytes themselves, not made by replacement."""
    return data.count("\ufffd".encode(encoding)) if encoding.startswith("utf") else 0


def looks_binary(data: bytes) -> bool:
    """Binary rather than text: a known binary signature, a NUL byte or many control or undecodable
    characters near the start. Data with a byte order mark, or UTF-16 without one, is text."""
    if has_bom(data):
        return False
    if data.startswith(_SIGNATURES):
        return True
    head = data[:SNIFF]
    if b"\x00" in head:
        return utf16_without_bom(data) is None
    sample = head.decode("utf-8", errors="replace")
    return len(_CONTROL.findall(sample)) > len(sample) / 10


def utf16_without_bom(data: bytes) -> str | None:
    """The encoding ("utf-16-le", "utf-16-be") of UTF-16 text without a byte order mark, told by its zero bytes: text
    in Latin letters has a zero in many of its odd (or even) bytes and none of the others; else None."""
    head = data[: SNIFF - SNIFF % 2]
    pairs = len(head) // 2
    low, high = head[0::2].count(0), head[1::2].count(0)
    if pairs < 2 or len(data) % 2 or min(low, high) > 0 or max(low, high) < pairs * 0.3:
        return None
    encoding = "utf-16-le" if high else "utf-16-be"
    sample = head.decode(encoding, errors="replace")
    return None if len(_CONTROL.findall(sample)) > len(sample) / 20 else encoding


def has_bom(data: bytes) -> bool:
    return _bom(data) is not None
