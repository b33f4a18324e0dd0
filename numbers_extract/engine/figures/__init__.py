"""Figures: the rules that join numerals, currency prefixes, units, qualifier cues and ranges.

Input: one sentence and the numerals in it. Output: :class:`Draft` records — parse-time scratch,
not yet the table's Figure — each naming the rule that made it. Context (entity, trend, kind,
source) is added afterwards by ``context/``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .. import dates
from ..numeral_rules import read
from ..numerals import ANY_DIGIT, MAX_NUMERAL, Numeral, scan
from ..rules import Trace
from ..sentences import limit
from ..units import Catalogue
from .draft import Draft
from .from_to import _from_to
from .joins import _bounds, _denominations, _distribute, _in_parts, _millions_agree, _ratios
from .one import _one
from .ranges import _range

_LONG_RUN = regex.compile(r"[\d.,:/'’\-–]{" + str(MAX_NUMERAL + 1) + r",}+")  # "1,1,1,…", a million digits


_PHONE = regex.compile(
    r"(?<![\w.,+]|\d[ \u00a0\u202f\u2009])(?:\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,4}"  # +44 20 7946 0958
    r"|(?:\(\d{2,5}\)[ .-]?|0\d{2,4}[ .-])\d{3,4}[ .-]?\d{3,4}"  # 0800 123 4567, (555) 123-4567
    r"|\d{3}[.-]\d{3}[.-]\d{4})(?![\w])"  # 555-123-4567
)  # a telephone number: digits that count nothing


_ADDRESS = regex.compile(
    r"(?i)(?:https?://|www\.)[^\s<>\"]+"  # a web address
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|\b(?:doi:\s*)?10\.\d{4,9}/[^\s<>\"]+"  # a DOI
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|info|io)(?:/[^\s<>\"]*)?"  # "example.com/page?id=4455"
)  # an address: its digits count nothing


def _addresses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The web and e-mail addresses and DOIs in ``text[start:end]`` (a quick look for "/", "@" or
    "www" first: most sentences have none)."""
    if text.find("/", start, end) < 0 and text.find("@", start, end) < 0 and text.find("www", start, end) < 0:
        return []
    return [m.span() for m in _ADDRESS.finditer(text, start, end, timeout=limit(start, end))]


def drafts(text: str, start: int, end: int, catalogue: Catalogue, trace: Trace | None = None) -> list[Draft]:
    """The figures of the sentence ``text[start:end]``, in order, none overlapping; the steps of
    reading each numeral go to ``trace`` when one is given (explain)."""
    out: list[Draft] = []
    addresses = _addresses(text, start, end)
    spans = dates.find(text[start:end], start, trace)
    if addresses:  # "/news/2019/05/12/": no date
        spans = [d for d in spans if not any(a < start + d.end and start + d.start < b for a, b in addresses)]
    for span in spans:
        out.append(
            Draft(start + span.start, start + span.end, None, None, None, "exact", "", (span.rule,),
                  kind=span.kind, date=span.iso)
        )  # fmt: skip
    # dates first, then runs of digits and separators too long to be a number, are taken
    taken = [(d.start, d.end) for d in out]
    if ANY_DIGIT.search(text, start, end) is not None:  # most sentences have no digit: nothing too long, no phone
        taken += [m.span() for m in _LONG_RUN.finditer(text, start, end, timeout=limit(start, end))]
        taken += [m.span() for m in _PHONE.finditer(text, start, end, timeout=limit(start, end))]
    taken += addresses
    taken.sort()
    numerals: list[Numeral] = []
    for a, b in _gaps(taken, start, end):
        numerals += [n for n in (read(m, trace) for m in scan(text, a, b, timeout=limit(a, b))) if n is not None]
    pos = start
    i = 0
    while i < len(numerals):
        numeral = numerals[i]
        i += 1
        if numeral.start < pos:
            continue
        draft = _one(text, numeral, start, end, catalogue, claim=pos, trace=trace)
        if draft is None:
            continue
        while i < len(numerals) and numerals[i].start < draft.end:
            i += 1  # numerals inside the figure's own unit ("A/cm2")
        joined, used = _range(text, draft, numerals[i:], start, end, catalogue, trace)
        i += used
        if joined is None:
            pos = numerals[i - 1].end
            continue
        out.append(joined)
        pos = joined.end
    if not out:
        return out  # no figure: nothing to join
    out = _millions_agree(text, out, trace)
    out.sort(key=lambda d: (d.start, -d.end))
    disjoint: list[Draft] = []
    for draft in out:  # a date found first and a figure reaching into it: the earlier one stands
        if not disjoint or draft.start >= disjoint[-1].end:
            disjoint.append(draft)
    shares = _ratios(text, _from_to(text, disjoint, start, trace), trace)
    return _denominations(text, _in_parts(text, _bounds(text, _distribute(text, shares, trace), trace), trace), trace)


def _gaps(taken: list[tuple[int, int]], start: int, end: int) -> Iterator[tuple[int, int]]:
    """The stretches of ``[start, end)`` that no taken span (sorted by start) covers."""
    at = start
    for a, b in taken:
        if a > at:
            yield at, a
        at = max(at, b)
    if at < end:
        yield at, end
