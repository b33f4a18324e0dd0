"""Rule tables: how each stage of the engine decides, written as ordered data.

A :class:`Rule` is a name (a member of the stage's own Enum), a cheap test of whether it can apply
(words or characters that must occur near the figure), a pattern with where it is looked for, and
a production. A :class:`Table` holds a stage's rules in order; :meth:`Table.first` tries them in
that order and returns what the first rule that decides produced. A production returns ``None``
to decline (the next rule is tried) and any other value to decide, ``""`` included ("the text
does not say").

What was tried is written to a :class:`Trace` when one is given (``explain`` does); otherwise
nothing is kept, and a rule whose cheap test fails costs one substring search.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Generic, Literal, NamedTuple, Protocol, TypeVar

import regex

Field = Literal["figure", "value", "unit", "qualifier", "entity", "trend", "kind", "subject", "source"]
"""What a table decides: ``figure`` is whether a numeral is a figure at all, and which reading."""

Outcome = Literal["fired", "declined", "no match", "skipped"]
"""fired: it decided; declined: its pattern matched but its production said no; no match: its
pattern did not match; skipped: its cheap test failed (its words are not near the figure)."""

Where = Literal["before", "after", "at", "none"]
"""Where a rule's pattern is looked for: ``before`` the figure (a pattern written backwards,
``regex.REVERSE``, anchored with ``$`` at the figure's start, searched in the window before it),
``after`` it (matched where the figure and its unit end), ``at`` its start, or ``none`` (the
production reads the text itself)."""


class Window(Protocol):
    """What a table's rules read: the text and where the figure stands in it."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...  # where the figure starts
    @property
    def after(self) -> int: ...  # where the figure and its unit end
    @property
    def limit(self) -> int: ...  # where the sentence ends
    @property
    def before(self) -> str: ...  # the text just before the figure, for patterns written backwards
    @property
    def near(self) -> str: ...  # the text around the figure, lower-cased, for the cheap tests
    @property
    def trace(self) -> Trace | None: ...  # where the steps go, when someone asks (explain); else None


READING = "reading"  # the stage whose steps are the names of a figure's rule, recorded as it is written

C = TypeVar("C", bound=Window)
R = TypeVar("R")
D = TypeVar("D")


class Spot(NamedTuple, Generic[D]):
    """A :class:`Window` of its own fields and one ``detail`` its table's rules read besides: the
    window of the tables that need no more (the date rules read a whole sentence, the numeral rules
    a match, the trend and kind said again the figure's window and what was said). Made as
    ``Spot(...)``, never through an alias such as ``Spot[str](...)``: calling an alias runs typing's
    machinery, a cost on every figure."""

    text: str
    start: int
    after: int
    limit: int
    before: str
    near: str
    trace: Trace | None
    detail: D


@dataclass(frozen=True, slots=True)
class Rule(Generic[C, R]):
    """One named decision. Its cheap tests: one of ``needs`` occurs in the window (lower-cased; none
    given: always) and ``when`` holds (a test of the figure, no search). Then ``pattern`` must match
    ``where`` it is looked for, and ``produce`` decides, or declines with None."""

    name: Enum
    produce: Callable[[C, regex.Match[str] | None], R | None]
    pattern: regex.Pattern[str] | None = None
    where: Where = "none"
    needs: tuple[str, ...] = ()
    when: Callable[[C], bool] | None = None

    def __post_init__(self) -> None:
        if (self.pattern is None) != (self.where == "none"):
            raise ValueError(f"rule {self.name}: a pattern needs a place to look, and a place a pattern")


@dataclass(frozen=True, slots=True)
class Step:
    """One rule tried on one figure: its stage, its name and what came of it."""

    stage: str
    field: Field
    rule: Enum
    start: int
    end: int
    outcome: Outcome
    said: str = ""  # what a rule that fired produced, as text


@dataclass
class Trace:
    """The steps the rules took, in order. Mutable by design; made by ``explain`` for one text and
    never shared."""

    steps: list[Step] = field(default_factory=list)

    def add(
        self, stage: str, field_: Field, rule: Enum, span: tuple[int, int], outcome: Outcome, said: str = ""
    ) -> None:
        self.steps.append(Step(stage, field_, rule, span[0], span[1], outcome, said))


@dataclass(frozen=True, slots=True)
class Table(Generic[C, R]):
    """A stage's rules, in the order they are tried, and the field they decide."""

    stage: str
    field: Field
    rules: tuple[Rule[C, R], ...]
    # the rules written out as functions of nested tests, run when nothing is traced: one gives the
    # rule and what it made, one (for first) only what it made
    _untraced: Callable[[C], tuple[Enum, R] | None] = dataclasses.field(init=False, repr=False, compare=False)
    _made: Callable[[C], R | None] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        where = f"{self.stage}.{self.field}"
        object.__setattr__(self, "_untraced", _written_out(self.rules, where, "name{k}, made"))
        object.__setattr__(self, "_made", _written_out(self.rules, where, "made"))

    def first(self, window: C) -> R | None:
        """What the first rule that decides produces, or None when every rule declines."""
        if window.trace is None:
            return self._made(window)
        picked = self.pick(window)
        return picked[1] if picked is not None else None

    def pick(self, window: C) -> tuple[Enum, R] | None:
        """The first rule that decides, and what it produced; None when every rule declines. Untraced,
        the rules run as their written-out chain; traced (explain), one by one, each step recorded."""
        trace = window.trace
        if trace is None:
            return self._untraced(window)
        span = (window.start, window.after)
        for rule in self.rules:
            if rule.when is not None and not rule.when(window):
                trace.add(self.stage, self.field, rule.name, span, "skipped")
                continue
            if rule.needs and not any(word in window.near for word in rule.needs):
                trace.add(self.stage, self.field, rule.name, span, "skipped")
                continue
            found = None
            if rule.pattern is not None:
                if rule.where == "before":
                    found = rule.pattern.search(window.before)
                else:
                    found = rule.pattern.match(
                        window.text, window.after if rule.where == "after" else window.start, window.limit
                    )
                if found is None:
                    trace.add(self.stage, self.field, rule.name, span, "no match")
                    continue
            made = rule.produce(window, found)
            trace.add(self.stage, self.field, rule.name, span, "declined" if made is None else "fired", _said(made))
            if made is not None:
                return rule.name, made
        return None


_LOOK = {
    "before": "{p}.search(window.before)",
    "after": "{p}.match(window.text, window.after, window.limit)",
    "at": "{p}.match(window.text, window.start, window.limit)",
}


def _written_out(rules: tuple[Rule[C, R], ...], where: str, gives: str) -> Callable[[C], Any]:
    """The rules as the if-chain one would write by hand, the same tests in the same order, made once
    per table (about 2% fewer instructions on dense text than the loop ``pick`` runs for explain).
    What the rule that decides makes is returned as ``gives`` says; a profile names the chain
    ``<rules STAGE.FIELD>``."""
    names: dict[str, object] = {}
    lines = ["def untraced(window):", "    near = None"]
    for k, rule in enumerate(rules):
        names.update({f"name{k}": rule.name, f"when{k}": rule.when, f"pattern{k}": rule.pattern})
        names[f"produce{k}"] = rule.produce
        indent = "    "
        if rule.when is not None:
            lines.append(f"{indent}if when{k}(window):")
            indent += "    "
        if rule.needs:
            lines.append(f"{indent}if near is None:")
            lines.append(f"{indent}    near = window.near")
            lines.append(f"{indent}if " + " or ".join(f"{word!r} in near" for word in rule.needs) + ":")
            indent += "    "
        found = "None"
        if rule.where != "none":
            lines.append(f"{indent}found = " + _LOOK[rule.where].format(p=f"pattern{k}"))
            lines.append(f"{indent}if found is not None:")
            indent += "    "
            found = "found"
        lines.append(f"{indent}made = produce{k}(window, {found})")
        lines.append(f"{indent}if made is not None:")
        lines.append(f"{indent}    return " + gives.format(k=k))
    lines.append("    return None")
    # the source is made above from the rules alone, never from input
    exec(compile("\n".join(lines), f"<rules {where}>", "exec"), names)
    untraced: Callable[[C], Any] = names["untraced"]  # type: ignore[assignment]
    return untraced


def _said(made: object) -> str:
    if made is None:
        return ""
    return made.value if isinstance(made, Enum) else str(made)
