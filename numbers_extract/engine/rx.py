"""Compiled patterns, compiled once: ``rx(pattern)`` is ``regex.compile(pattern)`` with a cache
lookup cheaper than the regex module's own."""

from __future__ import annotations

from functools import cache

import regex


@cache
def rx(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.VERSION0)


_LETTERS = regex.compile(r"\p{L}+")


def at_words(
    pattern: regex.Pattern[str],
    words: frozenset[str],
    text: str,
    start: int,
    end: int,
    fold: bool = False,
    timeout: float | None = None,
) -> list[regex.Match[str]]:
    """What ``pattern.finditer(text, start, end)`` finds, for a pattern each of whose matches opens
    with a word boundary and one of ``words`` (case-folded first with ``fold``): the pattern is tried
    only where a run of letters that is one of them starts, not at every character. A pattern of
    many words ("said", "reported", …) scanned the whole text costs several times more."""
    out: list[regex.Match[str]] = []
    at = start
    for word in _LETTERS.finditer(text, start, end):
        if word.start() >= at and (word.group().casefold() if fold else word.group()) in words:
            m = pattern.match(text, word.start(), end, timeout=timeout)
            if m is not None:
                out.append(m)
                at = m.end()
    return out
