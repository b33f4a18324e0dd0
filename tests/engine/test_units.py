"""The unit catalogue: quantulum3's snapshot plus data/units.txt, validated as data."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from numbers_extract import extract
from numbers_extract.engine.snapshot import SNAPSHOT, build_snapshot
from numbers_extract.engine.units import Catalogue, _in_parts, load_catalogue


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _directives() -> list[tuple[str, str, list[str]]]:
    """data/units.txt as (verb, unit name, surfaces), read the way its header documents."""
    text = resources.files("numbers_extract").joinpath("data/units.txt").read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        verb, _, rest = line.partition(" ")
        verb = verb.rstrip(":")
        if verb == "unit":
            name, _, dimension = rest.partition("|")
            out.append((verb, name.strip(), [dimension.strip()]))
        elif verb in ("block", "never", "share", "common", "singular"):
            out.append((verb, "", [s.strip() for s in rest.split(",") if s.strip()]))
        else:
            name, _, surfaces = rest.partition(":")
            out.append((verb, name.strip(), [s.strip() for s in surfaces.split(",") if s.strip()]))
    return out


@pytest.mark.slow  # imports quantulum3 and builds its catalogue: about 3 s
def test_the_shipped_snapshot_is_quantulum3s_catalogue() -> None:
    shipped = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert shipped == build_snapshot(), "run `python -m numbers_extract.engine.snapshot` and review the diff"


VERBS = {
    "unit",
    "word",
    "symbol",
    "prefix",
    "spaced",
    "prefer",
    "block",
    "never",
    "share",
    "common",
    "singular",
    "part",
    "si-prefix",
    "si",
    "dotted",
    "context",
    "money",
}


def test_units_txt_is_well_formed() -> None:
    verbs = {verb for verb, _, _ in _directives()}
    assert verbs == VERBS
    for verb, _, items in _directives():
        if verb == "part":
            count, _, smaller = items[0].partition(" ")
            assert count.isdigit() and int(count) > 1 and smaller, items


def test_the_unit_directives_name_known_units(catalogue: Catalogue) -> None:
    for verb, name, items in _directives():
        if verb in ("share", "common"):
            assert [n for n in items if n not in catalogue.units] == [], verb
        if verb == "part":
            assert name in catalogue.units and items[0].partition(" ")[2] in catalogue.units, (name, items)


def test_singular_surfaces_are_unit_surfaces(catalogue: Catalogue) -> None:
    """Each surface "singular" names is one a unit is written with (matched ignoring case)."""
    surfaces = {*catalogue.words, *(s.lower() for s in catalogue.symbols)}
    assert sorted(catalogue.singular - surfaces) == []


def test_the_unit_directives_reach_the_catalogue(catalogue: Catalogue) -> None:
    assert {"percentage", "percentage point", "basis point", "parts-per-million"} <= catalogue.shares
    assert catalogue.common_words == {"stone"}
    assert {"mph", "kg", "feet"} <= catalogue.singular
    (feet,) = [chain for chain in catalogue.in_parts if "foot" in chain]
    assert dict(feet) == {"foot": 12, "inch": 1}
    (time,) = [chain for chain in catalogue.in_parts if "hour" in chain]
    assert time["week"] == 7 * 24 * 3600 and time["second"] == 1
    assert not any("month" in chain and "day" in chain for chain in catalogue.in_parts)  # no fixed length


def test_parts_chain_in_any_order() -> None:
    lines = [("foot", 12, "inch"), ("yard", 3, "foot"), ("minute", 60, "second"), ("hour", 60, "minute")]
    for order in (lines, lines[::-1]):
        chains = [dict(chain) for chain in _in_parts(order)]
        assert {"yard": 36, "foot": 12, "inch": 1} in chains and {"hour": 3600, "minute": 60, "second": 1} in chains


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("Turnout fell 40 basis points.", 40, "basis point", "percent"),  # share
        ("CO2 reached 424 parts per million.", 424, "parts-per-million", "percent"),  # share
        ("The run took 2 hours 20 minutes.", 140, "minute", "duration"),  # part
        ("The centre is 6ft 4in tall.", 76, "inch", "measure"),  # part
        ("The baby weighed 7lb 4oz.", 116, "ounce", "measure"),  # part
        ("He weighs 12 stone.", 12, "stone", "measure"),  # common, written in lower case
    ],
)
def test_the_unit_directives_shape_figures(text: str, value: float, unit: str, kind: str) -> None:
    (figure,) = extract(text)
    assert (figure.value, figure.unit, figure.kind) == (value, unit, kind)


@pytest.mark.parametrize("text", ["The museum shows three stone lions.", "In 2016 Stone said little."])
def test_a_common_word_unit_needs_its_context(text: str) -> None:
    assert [f.unit for f in extract(text)] in ([""], [])


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Winds reached 50 mile speed.", "speed"),  # "mile" after 50: a modifier of the noun after it
        ("Winds reached 50 kilometre speed.", "speed"),
        ("Winds reached 50 mph speed.", "Winds"),  # "mph" is written so after any number: no modifier
        ("Winds reached 50 km speed.", "Winds"),
    ],
)
def test_a_singular_unit_modifies_the_noun_after_it_unless_written_singular(text: str, entity: str) -> None:
    (figure,) = extract(text)
    assert figure.entity == entity


def test_every_unit_named_in_units_txt_resolves(catalogue: Catalogue) -> None:
    for verb, name, _ in _directives():
        if verb in ("unit", "word", "symbol", "prefix", "spaced", "prefer"):
            assert name in catalogue.units, f"{verb} {name}: not a unit"


# a declaration overrides quantulum3's dimension: "gigaton" was energy (of TNT) there, and a
# "unit gigaton | mass" line was once silently ignored ("5 gigatonnes of carbon" came out energy)
@pytest.mark.parametrize(
    ("name", "dimension"),
    [pytest.param(name, items[0], id=name) for verb, name, items in _directives() if verb == "unit"],
)
def test_a_declared_unit_has_the_declared_dimension(catalogue: Catalogue, name: str, dimension: str) -> None:
    assert catalogue.units[name].dimension == dimension


def test_units_txt_surfaces_reach_the_catalogue(catalogue: Catalogue) -> None:
    for verb, name, surfaces in _directives():
        for surface in surfaces:
            if verb == "word":
                assert catalogue.words[surface.lower()] == name, (verb, surface)
            elif verb == "symbol":
                assert catalogue.symbols[surface] == name, (verb, surface)
            elif verb == "prefix":
                assert catalogue.prefixes[surface] == name, (verb, surface)
            elif verb == "spaced":
                assert catalogue.spaced_prefixes[surface] == name, (verb, surface)


def test_the_catalogue_is_large(catalogue: Catalogue) -> None:
    assert len(catalogue.units) >= 390
    assert len(catalogue.words) >= 1300


@pytest.mark.parametrize(
    ("surface", "name", "dimension"),
    [
        ("square miles", "square mile", "area"),
        ("per cent", "percentage", "dimensionless"),
        ("percent", "percentage", "dimensionless"),
        ("%", "percentage", "dimensionless"),
        ("dollars", "dollar", "currency"),
        ("hours", "hour", "time"),
        ("kilometres", "kilometre", "length"),
        ("kilometers", "kilometre", "length"),
        ("km", "kilometre", "length"),
        ("miles per hour", "mile per hour", "speed"),
        ("pounds", "pound-mass", "mass"),
    ],
)
def test_canonical_names_are_kept(catalogue: Catalogue, surface: str, name: str, dimension: str) -> None:
    assert catalogue.lookup(surface, False) == name
    assert catalogue.unit(name).dimension == dimension


@pytest.mark.parametrize(
    ("prefix", "name"), [("$", "dollar"), ("US$", "dollar"), ("€", "euro"), ("£", "pound sterling")]
)
def test_currency_prefixes(catalogue: Catalogue, prefix: str, name: str) -> None:
    assert catalogue.prefixes[prefix] == name
    assert catalogue.unit(name).dimension == "currency"


def test_gigatonnes_of_carbon_are_a_mass() -> None:
    (figure,) = extract("Emissions reached 5 gigatonnes of carbon.")
    assert (figure.value, figure.unit, figure.dimension, figure.entity) == (5, "gigaton", "mass", "carbon")


def test_figures_carry_the_canonical_names() -> None:
    figures = extract("It covers 1,900 square miles, cost $5 and rose 3 per cent.")
    assert [(f.value, f.unit, f.dimension) for f in figures] == [
        (1900, "square mile", "area"),
        (5, "dollar", "currency"),
        (3, "percentage", "dimensionless"),
    ]


@pytest.mark.parametrize("word", ["set", "sets", "league", "leagues", "pieces", "pairs", "as", "a"])
def test_blocked_words_are_no_unit_after_a_space(catalogue: Catalogue, word: str) -> None:
    assert catalogue.lookup(word, False) is None


@pytest.mark.parametrize(
    ("text", "entity"), [("The team won 3 sets.", "sets"), ("They played in 2 leagues.", "leagues")]
)
def test_blocked_words_are_counted_not_measured(text: str, entity: str) -> None:
    (figure,) = extract(text)
    assert (figure.unit, figure.kind, figure.entity) == ("", "count", entity)


@pytest.mark.parametrize("word", ["am", "pm", "at", "of"])
def test_never_words_are_no_unit_even_attached(catalogue: Catalogue, word: str) -> None:
    assert catalogue.lookup(word, True) is None


def test_load_catalogue_is_cached() -> None:
    assert load_catalogue() is load_catalogue()


def test_the_catalogue_is_immutable(catalogue: Catalogue) -> None:
    with pytest.raises(TypeError):
        catalogue.words["furlongs"] = "furlong"  # type: ignore[index]
    with pytest.raises(AttributeError):
        catalogue.units = {}  # type: ignore[misc]
