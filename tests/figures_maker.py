"""Figures made by hand for the writers' tests, so they do not move when the engine's rules do."""

from __future__ import annotations

from typing import Any

from numbers_extract import Figure


def figure(surface: str = "32 buses", sentence: str = "They left in 32 buses.", **fields: Any) -> Figure:
    """A figure whose start and end place ``surface`` in ``sentence`` (the document's first sentence)."""
    start = fields.pop("start", sentence.find(surface))
    row: dict[str, Any] = {
        "doc": "a.txt",
        "start": start,
        "end": start + len(surface),
        "surface": surface,
        "value": 32,
        "low": 32,
        "high": 32,
        "previous": None,
        "qualifier": "exact",
        "trend": "",
        "unit": "",
        "dimension": "",
        "si_value": None,
        "si_low": None,
        "si_high": None,
        "si_unit": "",
        "kind": "count",
        "entity": "buses",
        "subject": "",
        "source": "",
        "date": "",
        "sentence": sentence,
        "rule": "<number>",
    }
    return Figure(**(row | fields))
