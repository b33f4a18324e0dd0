"""Checking text against data: does the text say what a reference table says it should?

Each expected row gives a value and, optionally, what it is about: ``subject``, ``entity``, ``unit``, ``kind``, a
``tolerance`` (absolute, "0.5", or relative to the expected value, "5%") and the ``doc`` it should be
in (a path, or its end: "report.txt" finds "seeds/report.txt"); a ``note`` column is carried along.

A figure is **about** a row when it passes every constraint the row gives:
- ``subject``: the figure's subject (who or what it is about: "Tesla", "the SDF") shares a word with
  it, the same way;
- ``entity``: the two share a word (ignoring case, plurals and little words such as "the");
- ``unit``: the figure's unit is the one named (by the unit catalogue: "square miles", "sq mi" and
  "square mile" are one unit), or the row names the figure's kind ("percent", "count"), or the figure
  has no unit and the row's unit names what it counts ("people");
- ``kind``: the same kind; without one, dates and times are never about a row (they have no value);
- ``doc``: the same document.

It **matches** when the expected value lies in the interval the figure commits to, widened by the
tolerance: exact "1,600" is [1600, 1600]; "more than 1,500" is [1500, ∞), so it matches 1,600; "up to
5" is (-∞, 5]; a range "between 10 and 20" is [10, 20]. "about 1,600" is its value alone unless
``approximate`` widens it (0.1: ±10%). So matching means the text is consistent with the data.

Each row is then **matched** (the figures that match), **mismatched** (figures about it exist but none
matches: they are listed) or **missing** (no figure is about it). A row that gives no subject, entity,
unit or kind cannot be mismatched: it is matched by a figure that states that number (its value, low or high,
within the tolerance), or missing.
"""

from __future__ import annotations

import csv
import io
import math
import os
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import regex

from ..engine.units import load_catalogue
from ..table import KINDS, Figure, Number
from .reconcile import NOT_QUANTITIES, bounds, entity_words, fold

MATCHED = "matched"
MISMATCHED = "mismatched"
MISSING = "missing"
COLUMNS = ("subject", "entity", "unit", "kind", "value", "tolerance", "doc", "note")
"""The columns an expected table may have; only ``value`` is required."""
NOT_VALUES = frozenset({"date", "time"})
_NUMBER = regex.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_SPACES = regex.compile(r"[\s,_'\u00a0\u202f\u2009]")

Cell = str | int | float | None
CHECK_COLUMNS: tuple[str, ...] = (
    "row", "status", "value", "tolerance", "subject", "entity", "unit", "kind", "doc", "note", "figures", "found",
)  # fmt: skip
"""The columns of ``check_rows``: the expected row, its status, and the figures found for it."""


class ExpectedError(ValueError):
    """An expected table that cannot be read: a missing or unknown column, a value that is not a number."""


@dataclass(frozen=True, slots=True)
class Expected:
    """A row of the reference table: what the text should say."""

    value: Number
    entity: str = ""
    unit: str = ""
    kind: str = ""
    tolerance: float = 0.0  # absolute, or a share of the value when ``relative``
    relative: bool = False
    doc: str = ""
    note: str = ""
    where: str = ""  # where the row came from ("expected.csv:3", "row 3"), for reports
    subject: str = ""  # who or what the figure is about ("Tesla"); last, so the fields before keep their places

    @property
    def constrained(self) -> bool:
        """Whether the row says what it is about (subject, entity, unit or kind), so that it can be mismatched."""
        return bool(self.subject or self.entity or self.unit or self.kind)

    def slack(self) -> float:
        """The tolerance as an absolute amount."""
        return self.tolerance * abs(_float(self.value)) if self.relative else self.tolerance


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one expected row: matched, mismatched or missing, with the figures found."""

    expected: Expected
    status: str
    figures: tuple[Figure, ...]  # matched: those that match; mismatched: those about it; missing: none


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The outcome of ``check``: one result per expected row, in order, and (when asked) the figures
    that match no row."""

    results: tuple[Result, ...]
    unmatched: tuple[Figure, ...] | None = None  # None when not asked for
    figures: int = 0  # how many figures were checked
    docs: int = 0  # in how many documents

    @property
    def ok(self) -> bool:
        """Whether every expected row matched: the exit status of a check."""
        return all(r.status == MATCHED for r in self.results)

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)


def _float(x: Number) -> float:
    try:
        return float(x)
    except OverflowError:
        return math.inf if x > 0 else -math.inf


def parse_number(text: object, what: str = "value") -> Number:
    """A number from a cell: an int or float as it is, or text such as "1,600", "-2.5", "1e6"."""
    if isinstance(text, bool) or not isinstance(text, int | float | str):
        raise ExpectedError(f"{what} {text!r} is not a number")
    if isinstance(text, int | float):
        if isinstance(text, float) and not math.isfinite(text):
            raise ExpectedError(f"{what} {text!r} is not a finite number")
        return text
    cleaned = _SPACES.sub("", text.replace("−", "-"))
    if not _NUMBER.fullmatch(cleaned):
        raise ExpectedError(f"{what} {text!r} is not a number" if text.strip() else f"no {what}")
    if regex.fullmatch(r"[+-]?\d+", cleaned):
        return int(cleaned)
    number = float(cleaned)
    if not math.isfinite(number):
        raise ExpectedError(f"{what} {text!r} is not a finite number")
    return number


def parse_tolerance(cell: object) -> tuple[float, bool]:
    """A tolerance: (amount, relative). "" or None is 0; "5%" is 5% of the expected value; "0.5" or "±0.5"
    is absolute."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return 0.0, False
    relative = isinstance(cell, str) and cell.strip().endswith("%")
    if isinstance(cell, str):
        cell = cell.strip().removesuffix("%").removeprefix("±").removeprefix("+/-").strip()
    amount = _float(parse_number(cell, "tolerance"))
    if amount < 0:
        raise ExpectedError(f"tolerance {cell!r} is negative")
    return (amount / 100, True) if relative else (amount, False)


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def expected_row(row: Mapping[str, object], where: str = "") -> Expected:
    """An ``Expected`` from a mapping of column to cell (text or numbers); see ``read_expected``."""
    named = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    unknown = sorted(k for k in named if k and k not in COLUMNS)
    if unknown:
        raise ExpectedError(f"{where}: unknown column {unknown[0]!r} (columns: {', '.join(COLUMNS)})")
    kind = _text(named.get("kind")).lower()
    if kind and kind not in KINDS:
        raise ExpectedError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    try:
        value = parse_number(named.get("value") if named.get("value") is not None else "")
        tolerance, relative = parse_tolerance(named.get("tolerance"))
    except ExpectedError as error:
        raise ExpectedError(f"{where}: {error}") from None
    return Expected(
        value=value, entity=_text(named.get("entity")), subject=_text(named.get("subject")),
        unit=_text(named.get("unit")), kind=kind,
        tolerance=tolerance, relative=relative, doc=_text(named.get("doc")), note=_text(named.get("note")),
        where=where,
    )  # fmt: skip


def read_expected(
    source: str | os.PathLike[str] | IO[str] | Iterable[Mapping[str, object] | Expected],
) -> list[Expected]:
    """The expected rows of a CSV file (a path, or an open text file) or of a list of dicts.

    CSV: a header row naming some of subject, entity, unit, kind, value, tolerance, doc, note (any case, any
    order; ``value`` is required); UTF-8 with or without a byte order mark; a ``.tsv`` path is read with
    TABs. Blank rows and rows whose first cell starts with "#" are skipped. Raises ``ExpectedError``
    (a ValueError) naming the file and line of the first row it cannot read.
    """
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return _read_csv(handle, str(source), "\t" if path.suffix.lower() == ".tsv" else ",")
    if isinstance(source, io.IOBase) or hasattr(source, "read"):
        opened: IO[str] = source  # type: ignore[assignment]
        return _read_csv(opened, str(getattr(source, "name", "expected")), ",")
    out = []
    for n, row in enumerate(source, start=1):
        out.append(row if isinstance(row, Expected) else expected_row(row, f"row {n}"))
    return out


def _read_csv(handle: IO[str], name: str, delimiter: str) -> list[Expected]:
    reader = csv.reader(handle, delimiter=delimiter)
    header: list[str] | None = None
    out: list[Expected] = []
    for cells in reader:
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [c.strip().lstrip("\ufeff").lower() for c in cells]
            if "value" not in header:
                raise ExpectedError(f"{name}:{reader.line_num}: no 'value' column in the header {cells!r}")
            unknown = [c for c in header if c and c not in COLUMNS]
            if unknown:
                raise ExpectedError(
                    f"{name}:{reader.line_num}: unknown column {unknown[0]!r} (columns: {', '.join(COLUMNS)})"
                )
            continue
        if len(cells) > len(header):
            raise ExpectedError(f"{name}:{reader.line_num}: {len(cells)} cells, but the header has {len(header)}")
        out.append(expected_row(dict(zip(header, cells, strict=False)), f"{name}:{reader.line_num}"))
    if not out:
        raise ExpectedError(f"{name}: no expected rows")
    return out


@dataclass(frozen=True, slots=True)
class _Facts:
    """A figure with what matching reads of it, worked out once."""

    figure: Figure
    words: frozenset[str]
    subject: frozenset[str]  # the words of its subject
    bounds: tuple[float, float] | None  # with ``approximate`` applied
    stated: tuple[float, ...]  # value, low and high, those given


def _facts(figure: Figure, approximate: float) -> _Facts:
    stated = tuple(_float(x) for x in (figure.value, figure.low, figure.high) if x is not None)
    words, subject = entity_words(figure.entity), entity_words(figure.subject)
    return _Facts(figure, words, subject, bounds(figure, approximate), stated)


def _same_doc(doc: str, wanted: str) -> bool:
    doc, wanted = doc.replace("\\", "/"), wanted.replace("\\", "/").removeprefix("./")
    return doc == wanted or doc.removeprefix("./") == wanted or doc.endswith("/" + wanted)


def _unit_names(unit: str) -> frozenset[str]:
    """The canonical names a unit column may mean ("sq mi" is "square mile"; "USD" is a dollar)."""
    catalogue = load_catalogue()
    names = {unit.lower(), fold(unit)}
    for found in (catalogue.lookup(unit, True), catalogue.prefixes.get(unit), catalogue.prefixes.get(unit.upper())):
        if found:
            names.add(found.lower())
    return frozenset(names)


class _Row:
    """An expected row made ready to test figures against."""

    def __init__(self, expected: Expected) -> None:
        self.expected = expected
        self.words = entity_words(expected.entity)
        self.subject = entity_words(expected.subject)
        self.units = _unit_names(expected.unit) if expected.unit else frozenset()
        self.unit_words = entity_words(expected.unit)
        self.value = _float(expected.value)
        self.slack = expected.slack()

    def about(self, facts: _Facts) -> bool:
        e, f = self.expected, facts.figure
        if facts.bounds is None or (e.doc and not _same_doc(f.doc, e.doc)):
            return False
        if not e.constrained:
            return f.kind not in NOT_VALUES
        if e.subject and not self.subject & facts.subject:
            return False
        if (e.kind and f.kind != e.kind) or (not e.kind and f.kind in NOT_VALUES):
            return False
        if e.entity and not (self.words & facts.words or (not self.words and e.entity.lower() == f.entity.lower())):
            return False
        if e.unit:
            named = f.unit.lower() in self.units or e.unit.lower() == f.kind
            if not named and not (not f.unit and self.unit_words & facts.words):
                return False
        return True

    def matches(self, facts: _Facts) -> bool:
        if not self.expected.constrained:  # a bare value: a figure that states that number
            return any(abs(x - self.value) <= self.slack for x in facts.stated)
        if facts.bounds is None:
            return False
        low, high = facts.bounds
        return low - self.slack <= self.value <= high + self.slack


def check(
    figures: Iterable[Figure],
    expected: str | os.PathLike[str] | IO[str] | Iterable[Mapping[str, object] | Expected],
    *,
    unmatched: bool = False,
    approximate: float = 0.0,
) -> CheckReport:
    """Check figures against expected rows (a CSV path or file, a list of dicts, or ``Expected`` rows):
    for each row, matched, mismatched or missing, with the figures found (see the module's doc).

    ``unmatched`` also lists the figures (quantities: not dates, times, ordinals or bare numbers) that
    match no row. ``approximate`` lets "about 1,600" reach that share of its value either side (0: not at all).
    Raises ``ExpectedError`` for an expected table it cannot read.
    """
    rows = [_Row(e) for e in read_expected(expected)]
    facts = [_facts(f, approximate) for f in figures]
    by_word: dict[str, list[int]] = {}
    for n, fact in enumerate(facts):
        for word in fact.words:
            by_word.setdefault(word, []).append(n)
    stated = sorted((x, n) for n, fact in enumerate(facts) if fact.figure.kind not in NOT_VALUES for x in fact.stated)
    numbers = [x for x, _ in stated]
    results = []
    used: set[int] = set()
    for row in rows:
        pool: Iterable[int] = range(len(facts))
        if row.words:  # only the figures that share a word of the entity
            pool = sorted({n for w in row.words for n in by_word.get(w, ())})
        elif not row.expected.constrained:  # a bare value: only the figures that state a number near it
            lo, hi = bisect_left(numbers, row.value - row.slack), bisect_right(numbers, row.value + row.slack)
            pool = sorted({n for _, n in stated[lo:hi]})
        about = [n for n in pool if row.about(facts[n])]
        hits = [n for n in about if row.matches(facts[n])]
        used.update(hits)
        if hits:
            results.append(Result(row.expected, MATCHED, tuple(facts[n].figure for n in hits)))
        elif about and row.expected.constrained:
            results.append(Result(row.expected, MISMATCHED, tuple(facts[n].figure for n in about)))
        else:
            results.append(Result(row.expected, MISSING, ()))
    left = None
    if unmatched:
        left = tuple(
            fact.figure
            for n, fact in enumerate(facts)
            if n not in used and fact.figure.kind not in NOT_QUANTITIES and fact.bounds is not None
        )
    docs = len({fact.figure.doc for fact in facts})
    return CheckReport(tuple(results), left, len(facts), docs)


def number_text(x: Number) -> str:
    """A number for people: thousands separated, no trailing ".0" ("1,600", "2.5", "1e+20")."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,}"


def tolerance_text(expected: Expected) -> str:
    """The tolerance as written in a table: "5%", "0.5", or "" for none."""
    if not expected.tolerance:
        return ""
    return number_text(expected.tolerance * 100) + "%" if expected.relative else number_text(expected.tolerance)


def describe(expected: Expected) -> str:
    """An expected row in words: "1,600 people", "19 square miles (territory) ±5%, in report.txt"."""
    text = number_text(expected.value)
    if expected.unit:
        text += f" {expected.unit}"
    if expected.entity:
        text += f" ({expected.entity})" if expected.unit else f" {expected.entity}"
    if expected.subject:
        text += f", about {expected.subject}"
    if expected.kind:
        text += f" [{expected.kind}]"
    if expected.tolerance:
        text += f" ±{tolerance_text(expected)}"
    if expected.doc:
        text += f", in {expected.doc}"
    return text


def says(figure: Figure) -> str:
    """What a figure commits to, in words: "1,600", "about 1,600", "at least 19", "100 to 1,000"."""
    low, high, value = figure.low, figure.high, figure.value
    if figure.qualifier == "approximate" and value is not None:
        return f"about {number_text(value)}"
    if figure.qualifier == "lower_bound" and (low if low is not None else value) is not None:
        return f"at least {number_text(low if low is not None else value)}"  # type: ignore[arg-type]
    if figure.qualifier == "upper_bound" and (high if high is not None else value) is not None:
        return f"at most {number_text(high if high is not None else value)}"  # type: ignore[arg-type]
    if value is not None:
        return number_text(value)
    if low is not None and high is not None:
        return f"{number_text(low)} to {number_text(high)}"
    return figure.date or "no number"


def _figure_line(figure: Figure) -> str:
    where = f"{figure.doc or '(text)'} at character {figure.start:,}"
    said = f", says {figure.source}" if figure.source else ""
    about = "" if not figure.entity else f" {figure.entity}" if not figure.unit else f"; {figure.entity}"
    return f'"{figure.surface}" ({says(figure)}{about}) in {where}{said}'


def format_report(report: CheckReport, *, limit: int = 5) -> str:
    """The report as text for people and CI logs: a block per expected row (its status, then up to
    ``limit`` of the figures found), the unmatched figures when asked for, and a closing summary line."""
    lines: list[str] = []
    labels = {MATCHED: "ok        ", MISMATCHED: "MISMATCHED", MISSING: "MISSING   "}
    for result in report.results:
        e = result.expected
        where = f"  ({e.where})" if e.where else ""
        note = f"  - {e.note}" if e.note else ""
        lines.append(f"{labels.get(result.status, result.status)}  {describe(e)}{where}{note}")
        if result.status == MISSING:
            lines.append("              no figure about this in the text")
        lead = "the text says" if result.status == MISMATCHED else "found"
        for figure in result.figures[:limit]:
            lines.append(f"              {lead} {_figure_line(figure)}")
        if len(result.figures) > limit:
            lines.append(f"              ... and {len(result.figures) - limit:,} more")
    if report.unmatched is not None:
        lines.append(f"figures that match no expected row: {len(report.unmatched):,}")
        lines.extend(f"  {_figure_line(figure)}" for figure in report.unmatched)
    n = len(report.results)
    checked = (
        f"{n:,} expected figure{'' if n == 1 else 's'} against {report.figures:,} figures in {report.docs:,} documents"
    )
    if report.ok:
        lines.append(f"check passed: {checked}: all matched")
    else:
        counts = ", ".join(f"{report.count(s):,} {s}" for s in (MATCHED, MISMATCHED, MISSING))
        lines.append(f"check failed: {checked}: {counts}")
    return "\n".join(lines) + "\n"


def check_rows(report: CheckReport) -> list[tuple[Cell, ...]]:
    """The report as a table for a CSV or a sheet: the header (``CHECK_COLUMNS``), then a row per expected row."""
    rows: list[tuple[Cell, ...]] = [CHECK_COLUMNS]
    for r in report.results:
        e = r.expected
        found = "; ".join(f"{f.surface} ({f.doc}@{f.start})" for f in r.figures)
        about = (e.subject, e.entity, e.unit, e.kind, e.doc, e.note)
        rows.append((e.where, r.status, e.value, tolerance_text(e), *about, len(r.figures), found))
    return rows
