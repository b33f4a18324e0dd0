"""The seed articles: the figures the product was made for, through the API and the CLI."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from numbers_extract import Figure, extract

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def figures() -> list[Figure]:
    out: list[Figure] = []
    for path in SEEDS:
        out += extract(path.read_text(encoding="utf-8"), doc=path.name)
    return out


def find(figures: list[Figure], surface: str) -> Figure:
    found = [f for f in figures if f.surface.lower() == surface.lower()]
    assert found, f"no figure {surface!r} in {[f.surface for f in figures]}"
    return found[0]


def test_two_seed_articles() -> None:
    assert len(SEEDS) == 2


@pytest.mark.parametrize(
    ("surface", "value", "qualifier", "unit", "kind", "entity"),
    [
        ("some 1,600", 1600, "approximate", "", "count", "people"),
        ("some 32", 32, "approximate", "", "count", "buses"),
        ("about 1600", 1600, "approximate", "", "count", "people"),
        ("more than 19 square miles", 19, "lower_bound", "square mile", "measure", "territory"),
        ("more than 1,900 square miles", 1900, "lower_bound", "square mile", "measure", None),
        ("48 hours", 48, "exact", "hour", "duration", None),
        ("nearly seven years", 7, "approximate", "year", "duration", None),
        ("two-day", 2, "exact", "day", "duration", "truce"),
        ("Two hours", 2, "exact", "hour", "duration", None),
    ],
)
def test_seed_figures(
    figures: list[Figure], surface: str, value: int, qualifier: str, unit: str, kind: str, entity: str | None
) -> None:
    f = find(figures, surface)
    assert (f.value, f.qualifier, f.unit, f.kind) == (value, qualifier, unit, kind)
    if qualifier == "lower_bound":
        assert (f.low, f.high) == (value, None)
    if entity is not None:
        assert f.entity == entity


SQUARE_MILE = 1609.344**2  # square metres: the international mile is 1,609.344 m
JULIAN_YEAR = 365.25 * 86400  # seconds: pint's year, the one the table's si_value uses


@pytest.mark.parametrize(
    ("surface", "si_value", "si_low", "si_high", "si_unit"),
    [
        ("more than 19 square miles", 19 * SQUARE_MILE, 19 * SQUARE_MILE, None, "m²"),
        ("more than 1,900 square miles", 1900 * SQUARE_MILE, 1900 * SQUARE_MILE, None, "m²"),
        ("48 hours", 172_800, 172_800, 172_800, "s"),
        ("nearly seven years", 7 * JULIAN_YEAR, None, None, "s"),
        ("two-day", 172_800, 172_800, 172_800, "s"),
        ("some 1,600", None, None, None, ""),
        ("some 32", None, None, None, ""),
    ],
)
def test_seed_si_values(
    figures: list[Figure],
    surface: str,
    si_value: float | None,
    si_low: float | None,
    si_high: float | None,
    si_unit: str,
) -> None:
    """The seeds' measures and durations in SI units; counts have none."""
    f = find(figures, surface)
    assert (f.si_value, f.si_low, f.si_high) == tuple(
        None if n is None else pytest.approx(n, rel=1e-12) for n in (si_value, si_low, si_high)
    )
    assert f.si_unit == si_unit


@pytest.mark.parametrize(("surface", "iso"), [("2011", "2011"), ("May 1", "--05-01"), ("May 15, 2018", "2018-05-15")])
def test_seed_dates(figures: list[Figure], surface: str, iso: str) -> None:
    f = find(figures, surface)
    assert (f.kind, f.date, f.value) == ("date", iso, None)


def test_no_figure_from_names_and_idioms(figures: list[Figure]) -> None:
    surfaces = {f.surface.lower() for f in figures}
    for word in ("u.s.", "is", "every inch", "inch", "a gaping", "a", "first", "the first time"):
        assert word not in surfaces
    for f in figures:
        assert "U.S." not in f.surface and "IS" not in f.surface.split()


def test_offsets_and_order(figures: list[Figure]) -> None:
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        mine = [f for f in figures if f.doc == path.name]
        assert mine == sorted(mine, key=lambda f: f.start)
        for a, b in itertools.pairwise(mine):
            assert a.end <= b.start
        for f in mine:
            assert text[f.start : f.end] == f.surface
            assert f.surface in f.sentence


def test_cli_gives_the_same_rows(figures: list[Figure]) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "numbers_extract.cli", *(p.name for p in SEEDS)],
        cwd=ROOT / "seeds", capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert rows == [f.as_dict() for f in figures]


@pytest.mark.parametrize(
    ("surface", "entity", "source"),
    [
        ("some 1,600", "people", "A war monitoring group"),
        ("some 32", "buses", None),
        ("more than 19 square miles", "territory", "Manning"),
        ("more than 1,900 square miles", "total liberated area", "Manning"),
        ("48 hours", None, "Manning"),
        ("two-day", "truce", "one military official"),
        ("two", "besieged desert areas", ""),
    ],
)
def test_seed_context(figures: list[Figure], surface: str, entity: str | None, source: str | None) -> None:
    """What each figure counts and who gave it, as the seeds say."""
    f = find(figures, surface)
    if entity is not None:
        assert f.entity == entity
    if source is not None:
        assert f.source == source


def test_the_organization_resolves_to_the_observatory(figures: list[Figure]) -> None:
    f = find(figures, "about 1600")
    assert "Syrian Observatory for Human Rights" in f.source


def test_titles_have_no_speaker(figures: list[Figure]) -> None:
    (f,) = [f for f in figures if f.surface == "Nearly Seven Years"]
    assert (f.source, f.sentence) == ("", "Syria Declares Damascus ISIS-free for First Time in Nearly Seven Years")
