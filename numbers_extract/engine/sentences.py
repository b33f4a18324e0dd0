"""Sentences: split text into sentences with exact offsets.

A sentence ends at . ! or ? (with any closing quotes or brackets) followed by space and a
capital, digit or opening quote — unless the word before the stop is an abbreviation
("Gen.", "U.S.", "Col.", "No. 5", "Jan."); it also ends at the full stops of Chinese, Japanese
and Hindi text quoted in English (。！？ । ॥). A line break always ends a sentence, so a title
line is its own sentence.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import NamedTuple

import regex

from .lexicon import alternation, lexicon
from .rx import rx

ABBREVIATIONS = lexicon().abbreviations

_END = regex.compile(
    r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])|[。！？।॥]+["'”’)\]」』]*|\n(?:[ \t\r\f\v]*\n)*""",
    regex.VERSION0,
)
_PARAGRAPH = regex.compile(r"\n[ \t\r\f\v]*\n")
_LINE_END = regex.compile(r"""[.!?:;"'”’)\]]\s*$""")
_WORD_BEFORE = regex.compile(r"(\S+)$")


class Sentence(NamedTuple):  # immutable, and made four times faster than a frozen dataclass
    start: int
    end: int
    text: str


def _is_abbreviation(before: str, after: str) -> bool:
    """Is the stop that ends ``before`` an abbreviation's, with the sentence going on into ``after``?"""
    word = _WORD_BEFORE.search(before)
    if word is None:
        return False
    token = word.group(1).lstrip("(\"'“‘[")
    dotted = rx(r"(?:\p{L}\.)+\p{L}?").fullmatch(token) is not None  # U.S, U.K, T.R, a.m
    if (dotted or token.lower() in _MAY_END) and _STARTER.match(after):
        return False  # "… in Washington, D.C. It was …", "… of Acme Inc. The firm …": the sentence ended
    if dotted:
        return True
    return token.lower().rstrip(".") in ABBREVIATIONS or rx(r"\p{Lu}").fullmatch(token) is not None


# abbreviations a sentence may end with, and the words that show a new one began after them
_MAY_END = lexicon().may_end_sentence
_STARTER = regex.compile(r"""\s+["'“‘(]?""" + alternation(lexicon().sentence_starters, capitalise=True) + r"\b")


PIECE = 20_000  # characters: a line longer than this is cut at whitespace (or, with none, anywhere)
TIMEOUT = 5.0  # seconds for one pattern over one piece: a safety net, never reached by real text
TIMED = 2_000  # characters: a shorter stretch is searched with no time limit (see :func:`limit`)


def limit(start: int, end: int) -> float | None:
    """The time limit of a pattern searching ``text[start:end]``: :data:`TIMEOUT` for a long stretch,
    none for one of at most :data:`TIMED` characters. The regex module reads the process's CPU clock,
    a system call, at every search given a limit: on a sentence of news that costs more than the
    search itself. No pattern here takes long on a short stretch: the hostile texts of tests/torture.py,
    cut into stretches of this length, are read in about a second at most, nearly all of it outside
    the patterns (1,000 bare numbers in one stretch)."""
    return TIMEOUT if end - start > TIMED else None


def pieces(text: str) -> Iterator[tuple[int, int]]:
    """Bounded pieces of ``text`` that no sentence crosses: its paragraphs, a long one cut at a
    line break or, failing that, at whitespace (or anywhere, in a run with neither)."""
    start = 0
    gaps: Iterator[regex.Match[str] | None] = itertools.chain(_PARAGRAPH.finditer(text), [None])
    for gap in gaps:  # one paragraph break at a time: memory bounded by the piece, not the file
        end = gap.start() if gap is not None else len(text)
        while end - start > PIECE:
            cut = text.rfind("\n", start + PIECE // 2, start + PIECE)
            if cut < 0:
                cut = text.rfind(" ", start + PIECE // 2, start + PIECE)
            cut = cut + 1 if cut >= 0 else start + PIECE
            yield start, cut
            start = cut
        if end > start:
            yield start, end
        start = gap.end() if gap is not None else end


def _wrapped(text: str, newline: int, begin: int) -> bool:
    """Does a single line break at ``newline`` only wrap a sentence? It ends one after a title
    line, a line that ends in punctuation or before a short line of its own; it wraps one when
    the next line starts in lower case or with a digit, or after a long line of prose."""
    line = text[max(begin, text.rfind("\n", 0, newline) + 1) : newline]
    if not line.strip() or _LINE_END.search(line):
        return False
    following = text[newline + 1 : newline + 2]
    if following.islower() or following.isdigit():
        return True
    after = text.find("\n", newline + 1)
    next_line = text[newline + 1 : after if after >= 0 else len(text)]
    if len(next_line) < 40 and not _LINE_END.search(next_line):
        return False  # a credit or a heading under a caption: "SANA via AP"
    words_ = line.split()
    title = sum(w[:1].isupper() or not w[:1].isalpha() for w in words_) >= 0.6 * len(words_)
    return len(line) >= 50 and not title


def split(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of ``text[start:end]``, in order, each with its exact span in ``text``
    (surrounding space trimmed)."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    begin = start
    for stop in _END.finditer(text, start, end, timeout=limit(start, end)):
        mark = stop.group()
        if (
            mark[0] == "."
            and "\n" not in mark
            and _is_abbreviation(text[max(begin, stop.start() - 64) : stop.start()], text[stop.end() : stop.end() + 16])
        ):
            continue
        if mark == "\n" and _wrapped(text, stop.start(), begin):
            continue
        _add(text, begin, stop.end() if mark[0] != "\n" else stop.start(), out)
        begin = stop.end()
    _add(text, begin, end, out)
    return out


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))
