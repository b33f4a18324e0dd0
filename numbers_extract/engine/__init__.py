"""The engine: text in, figures out (``extract``). It imports nothing outside itself but ``table.py``.

Stages, in order: ``sentences`` → ``numerals`` (and ``dates``) → ``figures/`` (a numeral's reading,
the units and cues around it, the joins of a sentence's figures) → ``context/`` (entity, trend,
kind, source) → the table's rows. ``pipeline.py`` runs them.
"""

from __future__ import annotations

from .explain import Explained, Explanation, explain
from .pipeline import extract

__all__ = ["Explained", "Explanation", "explain", "extract"]
