"""Compiled patterns, compiled once: ``rx(pattern)`` is ``regex.compile(pattern)`` with a cache
lookup cheaper than the regex module's own."""

from __future__ import annotations

from functools import cache

import regex


@cache
def rx(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.VERSION0)
