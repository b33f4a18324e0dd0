"""Why each figure is what it is: the rules that set its value, unit, qualifier, entity, trend, kind
subject and source, and the rules that were tried and declined.

``explain(text)`` runs the same pipeline as ``extract`` with a :class:`~.rules.Trace`, then gives
each figure the steps taken inside its span; steps outside every figure are the numerals that
gave none (a model name, a pronoun "one"). ``str()`` of the result is the report the command line
prints (``numbers-extract explain FILE``).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from enum import Enum

from ..table import Figure
from .names import Name
from .pipeline import run
from .rules import READING, Field, Step, Trace

FIELDS: tuple[Field, ...] = ("value", "unit", "qualifier", "entity", "trend", "kind", "subject", "source")

# what a figure's rule names say about how its value, unit and qualifier were read, where no table's
# step decided the field (a range's value, a vague count's, a cue before the number are decided by
# their tables: RANGES, NUMERALS, CUE)
_READ: dict[Field, tuple[tuple[frozenset[Name], str], ...]] = {
    "value": ((frozenset(Name), "the numeral as written, with its sign and scale"),),
    "unit": (
        (frozenset({Name.IN_POINTS}), "in points, as the sentence counted before"),
        (frozenset({Name.UNIT_SHARED}), "shared with the figure after it"),
        (frozenset({Name.CURRENCY, Name.ACCOUNTING}), "the currency written before the number"),
        (frozenset({Name.UNIT, Name.PER_UNIT, Name.OF_A_UNIT, Name.M, Name.FROM_GAP}), "written after the number"),
    ),
    "qualifier": ((frozenset({Name.TO, Name.OR, Name.FROM_GAP}), "a range"),),
}


@dataclass(frozen=True, slots=True)
class Explained:
    """A figure, the rule that decided each of its fields, and every step taken on it."""

    figure: Figure
    decided: tuple[tuple[Field, str], ...]  # (field, what decided it), in FIELDS' order
    steps: tuple[Step, ...]

    def __str__(self) -> str:
        f = self.figure
        lines = [f"{f.surface!r} at {f.start}-{f.end}: rule {f.rule!r}"]
        for name, why in self.decided:
            lines.append(f"  {name:<9} {getattr(f, name)!r:<32} {why}")
        tried = [f"{_rule(s)} ({s.outcome})" for s in self.steps if s.outcome in ("declined", "no match")]
        if tried:
            lines.append(
                textwrap.fill("declined: " + ", ".join(tried), 100, initial_indent="  ", subsequent_indent="    ")
            )
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Explanation:
    """What :func:`explain` found: each figure explained, and the numerals dropped, with why."""

    figures: tuple[Explained, ...]
    dropped: tuple[Step, ...]  # a rule that decided a numeral is no figure

    def __str__(self) -> str:
        parts = [str(e) for e in self.figures]
        parts += [f"dropped at {s.start}-{s.end}: {_rule(s)}: {s.rule.value}" for s in self.dropped]
        return "\n".join(parts) + ("\n" if parts else "")


def explain(text: str, doc: str = "") -> Explanation:
    """The figures of ``text`` as :func:`extract` gives them, each with the rules behind it."""
    trace = Trace()
    figures = run(text, doc, trace)
    spans = [(f.start, f.end) for f in figures]
    mine: list[list[Step]] = [[] for _ in figures]
    dropped: list[Step] = []
    for step in trace.steps:
        k = _within(spans, step.start)
        if k is not None and step.start < figures[k].end:
            mine[k].append(step)
        elif step.outcome == "fired" and step.field == "figure":
            dropped.append(step)
    explained = tuple(Explained(f, _decided(f, steps), tuple(steps)) for f, steps in zip(figures, mine, strict=True))
    return Explanation(explained, tuple(dropped))


def _within(spans: list[tuple[int, int]], at: int) -> int | None:
    """The index of the last span that starts at or before ``at``."""
    low, high = 0, len(spans)
    while low < high:
        middle = (low + high) // 2
        if spans[middle][0] <= at:
            low = middle + 1
        else:
            high = middle
    return low - 1 if low else None


def _decided(figure: Figure, steps: list[Step]) -> tuple[tuple[Field, str], ...]:
    names = {s.rule for s in steps if s.stage == READING}
    out: list[tuple[Field, str]] = []
    for name in FIELDS:
        # the rules that fired on the field, the last first: a rule runs its inner table before it fires
        fired = [_rule(s) for s in reversed(steps) if s.field == name and s.outcome == "fired"]
        out.append((name, " > ".join(fired) if fired else _read(names, name)))
    return tuple(out)


def _read(names: set[Enum], field: Field) -> str:
    """What the figure's rule names say about ``field``, where no table's step decided it."""
    for said, why in _READ.get(field, ()):
        if not said.isdisjoint(names):
            return why
    return "no rule: the default"


def _rule(step: Step) -> str:
    return f"{step.stage}.{step.rule.name.lower()}"
