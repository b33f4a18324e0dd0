"""Numerals that mark or address rather than count: a page's number alone on its line, a section's
"2.1 Methods", a version's "3.2.1", a footnote "[1]", a list's "2.", a citation's
volume, issue and pages "2015; 28(3): 685-690", an emergency number "called 911", an ordinal in a street's
name "6th Avenue". The rules of :data:`~.no_figure.NUMERAL` that read them say no figure.
"""

from __future__ import annotations

import regex

from ..lexicon import alternation, lexicon
from .reading import DROP, Reading, Verdict

Match = regex.Match[str]

_LEX = lexicon()
_IN_BRACKETS = regex.compile(r"\[(?:\d{1,3}\s*[,;–-]\s*)*$")  # "shift[1]", "[2, 3]", "[4–6]": a reference
_CLOSES = regex.compile(r"(?:\s*[,;–-]\s*\d{1,3})*\]")
_LINE_START = regex.compile(r"(?:^|\n)[ \t]*$")
_MARKER_AFTER = regex.compile(r"[.)](?:\s|$)")
_ISSUE = r"\s*(?:\(\s*[\d–-]+\s*\)\s*)?:\s*"  # "(3):" or ":" between a volume and its pages
_CITED_YEAR = r"\b(?:1[5-9]|20)\d\d[a-z]?\s*;\s*"
_PAGES_AFTER = regex.compile(_CITED_YEAR + r"\d+" + _ISSUE + "$")  # "2015; 28: " before the pages
_ISSUE_AFTER = regex.compile(_CITED_YEAR + r"\d+\s*\(\s*$")  # "2011;20(" before an issue
_VOLUME_AFTER = regex.compile(_CITED_YEAR + "$")  # "2015; " before a volume ...
_PAGES_NEXT = regex.compile(_ISSUE + r"\d")  # ... that pages follow: ": 685"
_CALLING = regex.compile(r"(?i)\b" + alternation(_LEX.calling_verbs) + r"\s+$")
_CALL_NOUN = regex.compile(r"(?i)[\s-]+" + alternation(_LEX.call_nouns) + r"\b")
_STREET = regex.compile(r"\s+(?:\p{Lu}\p{L}*\s+)?(\p{Lu}\p{L}*)\b\.?")  # "6th Avenue", "42nd St.", "5th North Street"
STREET_WORDS = _LEX.street_words
EMERGENCY_NUMBERS = _LEX.emergency_numbers
NOT_NAMES = _LEX.not_names
_CAPITAL_NEXT = regex.compile(r" (\p{Lu}\p{Ll}+)\b")


_PAGE_LINE = regex.compile(
    r"(?i)[\s\-–—(|]*(?:page|p\.)?\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[\s\-–—)|.]*"
)  # "12", "- 3 -", "Page 4 of 20": the page's number, a PDF's running foot
_SECTION_AFTER = regex.compile(r"(?:\.\d+)*\.? \p{Lu}\p{Ll}")  # "2.1 Methods", "3.2.1. Results"


SHORT_LINE = 16  # characters of a sentence a page's number may stand in


def short_line(r: Reading) -> bool:
    """A sentence of a few characters: a page number's cheap test."""
    return r.limit - r.floor <= SHORT_LINE


def page_number(r: Reading, m: Match | None) -> Verdict | None:
    """ "12", "- 3 -", "Page 4 of 20" alone on a line of a longer text: a page's number, no figure
    (a text that is nothing but "192" asks for its number)."""
    if r.floor == 0 and not r.text[r.limit :].strip():
        return None
    return DROP if _PAGE_LINE.fullmatch(r.text, r.floor, r.limit) is not None else None


def point_digit_after(r: Reading) -> bool:
    """Digits with a point in them, then a point and a digit, or a line's first: a section's cheap test."""
    e, text = r.n.end, r.text
    dotted = e + 1 < r.limit and text[e] == "." and text[e + 1].isdigit()
    return dotted or (r.n.start == r.floor and "." in text[r.n.start : e] and e + 1 < r.limit and text[e] == " ")


def section(r: Reading, m: Match | None) -> Verdict | None:
    """ "3.2.1" (a version or a section, never an amount), "2.1 Methods" opening a line: no figure."""
    s, e, text = r.n.start, r.n.end, r.text
    if text[e] == "." and e + 1 < r.limit and text[e + 1].isdigit():
        return DROP
    line_start = s == 0 or text[s - 1] == "\n"
    return DROP if line_start and _SECTION_AFTER.match(text, e, r.limit) is not None else None


def bracketed(r: Reading) -> bool:
    """Right after "[" or right before "]": a reference's cheap test."""
    s, e = r.n.start, r.n.end
    return (s > r.floor and r.text[s - 1] in "[,;–- ") and e < r.limit and r.text[e] in "],;–-"


def footnote(r: Reading, m: Match | None) -> Verdict | None:
    """ "alarms per shift[1]", "[2] Joint Commission …", "[4–6]": a reference, no figure."""
    s, e = r.n.start, r.n.end
    if e - s > 3:
        return None
    opened = _IN_BRACKETS.search(r.text, max(r.floor, s - 24), s) is not None
    return DROP if opened and _CLOSES.match(r.text, e, r.limit) else None


def at_line_start(r: Reading) -> bool:
    """Digits that open the sentence or a line, then a point or a bracket: a list's cheap test."""
    s, e = r.n.start, r.n.end
    return e < r.limit and r.text[e] in ".)" and (s == r.floor or r.text[s - 1] == "\n")


def list_marker(r: Reading, m: Match | None) -> Verdict | None:
    """ "2." alone or opening a line, "3) Build your first offer": an item's number in a list."""
    s, e = r.n.start, r.n.end
    if e - s > 2 or not _MARKER_AFTER.match(r.text, e, r.limit):
        return None
    return DROP if _LINE_START.search(r.text, max(0, s - 8), s) is not None else None


def after_a_stop(r: Reading) -> bool:
    """A ";", ":" or "(" right before the digits or their space: a citation's cheap test."""
    s, text = r.n.start, r.text
    return (s - 2 >= r.floor and text[s - 1] == " " and text[s - 2] in ";:") or (s > r.floor and text[s - 1] in ";:(")


def citation_volume(r: Reading, m: Match | None) -> Verdict | None:
    """ "Crit Care Med. 2015; 28: 685-690": a journal's volume and pages after the year, no figure."""
    s, e, text, floor = r.n.start, r.n.end, r.text, r.floor
    if any(p.search(text, max(floor, s - 24), s) is not None for p in (_PAGES_AFTER, _ISSUE_AFTER)):
        return DROP
    volume = _VOLUME_AFTER.search(text, max(floor, s - 12), s) is not None
    return DROP if volume and _PAGES_NEXT.match(text, e, r.limit) else None


def emergency_digits(r: Reading) -> bool:
    return r.text[r.n.start : r.n.end] in EMERGENCY_NUMBERS


def emergency(r: Reading, m: Match | None) -> Verdict | None:
    """ "called 911", "dial 999", "a 112 call": a number dialled, no figure ("112 people" counts)."""
    s, e = r.n.start, r.n.end
    if _CALLING.search(r.text, max(r.floor, s - 12), s) or _CALL_NOUN.match(r.text, e, r.limit):
        return DROP
    return None


def on_a_street(r: Reading, end: int) -> bool:
    """The ordinal ending at ``end`` names a street: "6th Avenue", "Fifth Avenue", "42nd St."."""
    street = _STREET.match(r.text, end, r.limit)
    return street is not None and street.group(1).lower() in STREET_WORDS


def before_a_name(r: Reading, end: int) -> bool:
    """A capitalised word right after ``end`` that no sentence-opening word, month or unit is: the
    number before it is part of a name ("the 50th Anniversary Tour", "the Three Amigos", "82nd
    Airborne"; not "Nearly Seven Years" in a headline)."""
    word = _CAPITAL_NEXT.match(r.text, end, r.limit)
    if word is None or word.group(1).lower() in NOT_NAMES:
        return False
    return r.catalogue.lookup(word.group(1), attached=False) is None  # "Nearly Seven Years": a headline's unit
