"""Word lists written as text (being moved to data/lexicon/, read by lexicon.py)."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as text, one or more words a line."""
    return frozenset(text.split())
