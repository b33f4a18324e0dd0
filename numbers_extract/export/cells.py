"""Cells: what makes a text cell safe in a spreadsheet.

- A cell that starts with = + - @ TAB or CR is read as a formula by spreadsheets (OWASP ASVS 1.2.10,
  "CSV injection"): CSV prefixes it with an apostrophe, xlsx marks it as text (Excel's quotePrefix).
- XML 1.0 forbids most control characters: xlsx replaces each with U+FFFD, one for one, so
  character offsets into the cell stay valid. Lone surrogates (from broken decoding) cannot be
  written as UTF-8 at all: every writer replaces them the same way (JSON Lines escapes them instead).
- Excel reads ``_xHHHH_`` in a cell as an escaped character: xlsx writes the underscore of such text
  as ``_x005F_``, so the cell reads back as written.
- Excel holds at most 32,767 UTF-16 code units in a cell: longer text is cut and the cut is flagged.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXCEL_CELL_LIMIT = 32_767
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_UNSAFE = re.compile("[\ud800-\udfff\x85\u2028\u2029]")
_EXCEL_ESCAPE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")


def is_formula_like(cell: str) -> bool:
    """Whether a spreadsheet would take this text for a formula."""
    return cell.startswith(FORMULA_START)


def neutralise(cell: str) -> str:
    """The text with an apostrophe before it when a spreadsheet would take it for a formula."""
    return "'" + cell if is_formula_like(cell) else cell


def xml_safe(text: str) -> str:
    """``text`` with each character XML 1.0 forbids replaced by U+FFFD (same length, same offsets)."""
    return _ILLEGAL_XML.sub("\ufffd", text)


def encodable(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (same length), so that it encodes as UTF-8."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def json_escaped(text: str) -> str:
    """JSON text with each lone surrogate, and each line break other than LF (U+0085, U+2028, U+2029),
    written as an escape (``\\ud800``): these stand only inside strings, and ``json.loads`` gives them back."""
    return _JSON_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def excel_escaped(text: str) -> str:
    """``text`` as a cell's XML text: ``_xHHHH_`` (which Excel reads as an escaped character) kept
    literal by escaping its underscore as ``_x005F_``."""
    return _EXCEL_ESCAPE.sub("_x005F_", text)


def utf16_length(text: str) -> int:
    """The length of ``text`` in UTF-16 code units, the unit of Excel's cell limit."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def clip(text: str, limit: int = EXCEL_CELL_LIMIT) -> tuple[str, int]:
    """``text`` cut to at most ``limit`` UTF-16 units, with a visible note of the cut at its end;
    and how many of its characters were kept (``len(text)`` when it fits)."""
    if len(text) <= limit // 2 or utf16_length(text) <= limit:
        return text, len(text)
    note = f" … [cut: {len(text):,} characters in all]"
    room = limit - utf16_length(note)
    units = 0
    for i, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > room:
            return text[:i] + note, i
    return text, len(text)  # pragma: no cover - unreachable: the text is longer than the limit
