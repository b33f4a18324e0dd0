"""The rule corpora (tests/corpus/*.txt) as one parametrized test: every case, every figure."""

from __future__ import annotations

import importlib
import math
import pkgutil
from typing import Any

import pytest

from numbers_extract import explain, extract
from numbers_extract.engine.rules import Table
from tests.engine.corpus_format import Case, Expected, all_cases

CASES = all_cases()


def _same(want: Any, got: Any) -> bool:
    if isinstance(want, (int, float)) and isinstance(got, (int, float)) and not isinstance(got, bool):
        return math.isclose(want, got, rel_tol=1e-9, abs_tol=1e-12)
    return bool(want == got)


def _check(case: Case) -> None:
    figures = extract(case.text)
    if case.rules:
        explained = explain(case.text)
        fired = {f"{s.stage}.{s.rule.name.lower()}" for e in explained.figures for s in e.steps if s.outcome == "fired"}
        fired |= {f"{s.stage}.{s.rule.name.lower()}" for s in explained.dropped}
        missing = [rule for rule in case.rules if rule not in fired]
        assert not missing, f"rules named by the case that did not fire: {missing}; fired: {sorted(fired)}"
    got = [(f.surface, f) for f in figures]
    wanted = [e.surface for e in case.expected]
    assert [s for s, _ in got] == wanted, f"figures {[s for s, _ in got]} != expected {wanted}"
    for expected, (_, figure) in zip(case.expected, got, strict=False):
        for name, want in expected.fields.items():
            value = getattr(figure, name)
            assert _same(want, value), f"{expected.surface!r}: {name} = {value!r}, expected {want!r}"


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c.id, marks=pytest.mark.xfail(strict=True, reason=c.xfail) if c.xfail else ()) for c in CASES],
)
def test_corpus(case: Case) -> None:
    _check(case)


def test_every_rule_group_has_a_negative_case() -> None:
    """Each corpus file says what must not be read, beside what must."""
    files = {c.file for c in CASES}
    with_negatives = {c.file for c in CASES if not c.expected}
    assert files and files <= with_negatives, f"corpora without a negative case: {sorted(files - with_negatives)}"


def _unnamed(case: Case, expected: Expected) -> list[str]:
    """What a corpus figure leaves unsaid that a user reads first: its value and qualifier (a date or
    a clock time has no value), and for a range that its value is None and where it runs from and to."""
    if expected.fields.get("kind") in ("date", "time"):
        return []
    missing = [name for name in ("value", "qualifier") if name not in expected.fields]
    if expected.fields.get("qualifier") == "range":
        missing += [name for name in ("low", "high") if name not in expected.fields]
        if expected.fields.get("value", None) is not None:
            missing.append("value=None")
    return missing


def test_every_figure_names_its_value_and_qualifier() -> None:
    """A case that checks only a figure's entity or source lets a wrong number pass: every figure that is not
    a date or a time names the value the text says and its qualifier; a range says value=None, low and high."""
    unnamed = [
        f"{case.file}:{case.line}: {expected.surface!r} lacks {', '.join(missing)}"
        for case in CASES
        for expected in case.expected
        if (missing := _unnamed(case, expected))
    ]
    assert not unnamed, f"{len(unnamed)} corpus figures say too little:\n" + "\n".join(unnamed)


def _tables() -> list[Table[Any, Any]]:
    """Every rule table of the engine: the module-level Table objects of numbers_extract.engine."""
    import numbers_extract.engine as engine

    found: dict[int, Table[Any, Any]] = {}
    for info in pkgutil.walk_packages(engine.__path__, engine.__name__ + "."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, Table):
                found[id(value)] = value
    return sorted(found.values(), key=lambda t: t.stage)


def test_every_rule_of_every_table_is_named_by_a_corpus_case() -> None:
    """A rule without an example cannot exist: each table has its corpus file, corpus/<stage>.txt,
    whose cases name (`rules: stage.rule`) every rule of the table."""
    named = {rule for case in CASES for rule in case.rules}
    by_file = {(case.file, rule) for case in CASES for rule in case.rules}
    rules = [(table.stage, f"{table.stage}.{rule.name.name.lower()}") for table in _tables() for rule in table.rules]
    assert len(rules) == len({r for _, r in rules}), "two rules have the same name"
    unnamed = [r for stage, r in rules if (f"{stage}.txt", r) not in by_file]
    assert not unnamed, f"rules no case of their table's corpus file names: {unnamed}"
    assert not named - {r for _, r in rules}, (
        f"cases name rules that do not exist: {sorted(named - {r for _, r in rules})}"
    )


def test_every_rule_enum_member_is_a_rule_of_its_table() -> None:
    """Each table's Enum names exactly its rules, in the order they are tried."""
    for table in _tables():
        names = [rule.name for rule in table.rules]
        assert names == list(type(names[0])), f"{table.stage}: the Enum and the table disagree"
