"""The golden tables: what the engine gives for a fixed set of texts, committed, so that a rewrite
that changes any figure is seen.

The texts: the seeds, every case of ``tests/corpus/`` (each its own document) and
``generated.txt`` (made by ``make.py``: templates, and the corpora's and seeds' sentences
reshuffled). Their tables are in ``expected.jsonl``: a header line with the columns, then one
JSON array per figure (``sentence`` is given as its span in the document, the rest as written).

    python -m tests.engine.golden                 # check: the tables now against expected.jsonl
    python -m tests.engine.golden --write         # rewrite expected.jsonl (after a change meant to be seen)
    python -m tests.engine.golden --base REV      # this tree against commit REV, built in a git worktree,
                                           # on the texts above and, when ../shared is there, on the
                                           # NewsQuant dev sentences and the real news pages
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
EXPECTED = HERE / "expected.jsonl"
GENERATED = HERE / "generated.txt"
SEEDS = ROOT / "seeds"


def texts() -> Iterator[tuple[str, str]]:
    """(document id, text) for every golden text, in a fixed order."""
    from tests.engine.corpus_format import all_cases

    for path in sorted(SEEDS.glob("*.txt")):
        yield f"seeds/{path.name}", path.read_text(encoding="utf-8")
    for case in all_cases():
        yield f"corpus/{case.file}: {case.text}", case.text  # by its text: a line added above keeps the name
    yield "generated.txt", GENERATED.read_text(encoding="utf-8")


def rows(doc: str, text: str, figures: Iterable[Any]) -> Iterator[list[Any]]:
    """The golden rows of one document's figures: every column, the sentence as its span."""
    for f in figures:
        row = f.as_dict()
        at = text.rfind(row["sentence"], 0, row["start"] + len(row["sentence"]))
        span = [at, at + len(row["sentence"])] if at >= 0 else row["sentence"]
        yield [doc, *(span if name == "sentence" else value for name, value in row.items() if name != "doc")]


def header() -> list[str]:
    from numbers_extract import COLUMNS

    return list(COLUMNS)
