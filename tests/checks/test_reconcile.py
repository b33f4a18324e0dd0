"""Reconciling sources: figures that report the same quantity, grouped into claims that agree or disagree."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from numbers_extract import Claim, Figure, claims_rows, extract, reconcile
from numbers_extract.checks.reconcile import CLAIM_COLUMNS, bounds, entity_words, fold
from tests.figures_maker import figure

ROOT = Path(__file__).resolve().parents[2]


def count(n: int, entity: str, qualifier: str = "exact", **fields: object) -> Figure:
    surface = f"{'about ' if qualifier == 'approximate' else ''}{n} {entity}"
    exact = qualifier == "exact"
    sentence = str(fields.pop("sentence", f"They said {surface}."))
    return figure(surface, sentence, value=n, low=n if exact else None, high=n if exact else None,
                  qualifier=qualifier, entity=entity, **fields)  # fmt: skip


def test_the_seeds_war_monitor_and_the_organization_agree_on_1600_people() -> None:
    figures = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        figures += extract(path.read_text(encoding="utf-8"), doc=path.name)
    people = [c for c in reconcile(figures) if c.entity == "people"]
    assert len(people) == 1
    (claim,) = people
    assert {f.surface for f in claim.figures} == {"some 1,600", "about 1600"}
    assert claim.agree
    assert claim.sources[0] == "A war monitoring group"
    assert "Syrian Observatory for Human Rights" in claim.sources[1]


def test_32_buses_and_40_buses_disagree_about_1600_and_1600_agree() -> None:
    buses = [count(32, "buses", source="the army", subject="convoy"),
             count(40, "buses", doc="b.txt", source="the monitor", subject="convoy")]  # fmt: skip
    people = [count(1600, "people", "approximate"), count(1600, "people")]
    claims = reconcile([*buses, *people])
    assert [(c.entity, c.agree, len(c.figures)) for c in claims] == [("buses", False, 2), ("people", True, 2)]
    assert claims[0].sources == ("the army", "the monitor") and claims[0].docs == ("a.txt", "b.txt")


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ((1600, "approximate"), (1700, "exact"), True),  # 1,600 ± 10% reaches 1,760
        ((1600, "approximate"), (1800, "exact"), False),
        ((32, "approximate"), (40, "approximate"), False),  # 28.8-35.2 and 36-44
        ((32, "approximate"), (35, "approximate"), True),
        ((1500, "lower_bound"), (1600, "exact"), True),  # more than 1,500 and 1,600
        ((2000, "lower_bound"), (1600, "approximate"), False),
        ((5, "upper_bound"), (4, "exact"), True),
        ((5, "upper_bound"), (6, "exact"), False),
    ],
)
def test_agreement_is_overlap_of_the_intervals_the_qualifiers_imply(
    a: tuple[int, str], b: tuple[int, str], agree: bool
) -> None:
    def made(n: int, qualifier: str) -> Figure:
        low = n if qualifier in ("exact", "lower_bound") else None
        high = n if qualifier in ("exact", "upper_bound") else None
        return figure(f"{n} people", f"{n} people.", value=n, low=low, high=high, qualifier=qualifier, entity="people")

    (claim,) = reconcile([made(*a), made(*b)])
    assert claim.agree is agree


def test_the_approximate_reach_is_a_parameter() -> None:
    figures = [count(1600, "people", "approximate"), count(1700, "people")]
    assert reconcile(figures)[0].agree
    assert not reconcile(figures, approximate=0.05)[0].agree


def test_ranges_agree_when_they_overlap() -> None:
    hundreds = figure("hundreds of people", "hundreds of people.", value=None, low=100, high=1000, qualifier="range",
                      entity="people")  # fmt: skip
    assert reconcile([hundreds, count(1050, "people", "approximate")])[0].agree  # 945-1,155 meets 100-1,000
    assert reconcile([hundreds, count(900, "people")])[0].agree
    assert not reconcile([hundreds, count(1600, "people", "approximate")])[0].agree


def test_grouping_needs_the_same_entity_unit_or_kind_and_trend() -> None:
    miles = figure("19 miles", "19 miles.", value=19, low=19, high=19, unit="mile", kind="measure", entity="road")
    km = figure("19 km", "19 km.", value=19, low=19, high=19, unit="kilometre", kind="measure", entity="road")
    rise = figure("5%", "rose 5%.", value=5, low=5, high=5, unit="percentage", kind="percent", entity="sales",
                  trend="up")  # fmt: skip
    level = figure("7%", "is 7%.", value=7, low=7, high=7, unit="percentage", kind="percent", entity="sales")
    unnamed = [figure(entity=""), figure(entity="")]
    year = figure("2011", "2011.", value=None, low=None, high=None, kind="date", date="2011", entity="war")
    assert reconcile([miles, km, rise, level, *unnamed, year, year]) == []
    assert [len(c.figures) for c in reconcile([miles, km, rise, level], min_figures=1)] == [1, 1, 1, 1]


def test_entities_are_folded_for_case_plurals_and_little_words() -> None:
    assert entity_words("The Buses") == entity_words("bus") == {"bus"}
    assert entity_words("houses") == entity_words("house")
    assert entity_words("IS gunmen") == entity_words("IS gunman")
    assert entity_words("people") == entity_words("person")
    assert fold("cities") == fold("city") and fold("boxes") == fold("box") and fold("years") == fold("year")
    assert fold("status") == "status" and fold("glass") == fold("glasses")
    claims = reconcile([count(32, "Buses"), count(32, "the bus", "approximate")])
    assert claims[0].entity == "Buses" and claims[0].agree


def test_bounds_of_each_qualifier() -> None:
    assert bounds(count(1600, "people", "approximate")) == (1600, 1600)
    assert bounds(count(1600, "people", "approximate"), 0.1) == pytest.approx((1440, 1760))
    more = figure(value=19, low=19, high=None, qualifier="lower_bound")
    assert bounds(more) == (19, math.inf)
    huge = figure(value=10**400, low=10**400, high=10**400)
    assert bounds(huge) == (math.inf, math.inf)
    assert bounds(figure(value=None, low=None, high=None, kind="date")) is None


def test_claims_rows_for_the_claims_sheet() -> None:
    claims = reconcile([count(32, "buses", source="the army"), count(40, "buses", source="the monitor")])
    header, first, second = claims_rows(claims)
    assert header == CLAIM_COLUMNS
    row = dict(zip(header, first, strict=True))
    claim = (row["claim"], row["entity"], row["agreement"], row["figures"], row["sources"])
    assert claim == (1, "buses", "disagree", 2, 2)
    assert (row["surface"], row["value"], row["source"], row["doc"]) == ("32 buses", 32, "the army", "a.txt")
    assert dict(zip(header, second, strict=True))["value"] == 40
    assert isinstance(claims[0], Claim)


def test_figures_about_different_subjects_are_different_claims() -> None:
    tesla = count(63000, "cars", subject="Tesla", source="Tesla")
    ford = count(40000, "cars", subject="Ford", doc="b.txt", source="Ford")
    assert reconcile([tesla, ford]) == []  # 63,000 of Tesla's cars and 40,000 of Ford's: no disagreement
    assert [c.figures for c in reconcile([tesla, ford], min_figures=1)] == [(tesla,), (ford,)]
    unnamed = count(60000, "cars", doc="c.txt", source="a dealer")
    assert reconcile([tesla, unnamed, ford]) == []  # no subject: it joins none when two are named
    assert reconcile([tesla, unnamed]) == []  # no subject, in another document: nothing says it is Tesla's
    here = count(60000, "cars", source="a dealer")  # no subject, in Tesla's document: Tesla's
    (claim,) = reconcile([tesla, here])
    assert claim.figures == (tesla, here) and not claim.agree


def test_measures_in_different_units_meet_in_si() -> None:
    miles = figure("19 square miles", "It holds 19 square miles.", value=19, low=19, high=19, unit="square mile",
                   kind="measure", entity="territory", si_value=49209774.1, si_low=49209774.1,
                   si_high=49209774.1, si_unit="m²", source="the army", subject="SDF")  # fmt: skip
    km = figure("about 49 km²", "It holds about 49 km².", value=49, low=None, high=None, qualifier="approximate",
                unit="square kilometre", kind="measure", entity="territory", si_value=49e6, si_low=None,
                si_high=None, si_unit="m²", doc="b.txt", subject="the SDF")  # fmt: skip
    (claim,) = reconcile([miles, km])
    assert claim.figures == (miles, km) and claim.agree  # 49.2 km² is within about 49 km² (± 10%)
    far = figure("30 km²", "It holds 30 km².", value=30, low=30, high=30, unit="square kilometre", kind="measure",
                 entity="territory", si_value=30e6, si_low=30e6, si_high=30e6, si_unit="m²", doc="c.txt",
                 subject="SDF")  # fmt: skip
    assert not reconcile([miles, far])[0].agree


def test_the_claims_sheet_compares_two_voices_not_one_source_twice() -> None:
    twice = [count(32, "buses", source="the army"), count(40, "buses", source="the army")]
    assert len(reconcile(twice)) == 1 and reconcile(twice, voices=2) == []
    two_docs = [count(32, "buses", subject="the convoy"), count(40, "buses", doc="b.txt", subject="The convoy")]
    assert [len(c.figures) for c in reconcile(two_docs, voices=2)] == [2]
    unnamed = [count(32, "buses"), count(40, "buses", doc="b.txt")]  # two documents, no subject: no claim
    assert reconcile(unnamed, voices=2) == []


def test_a_quantity_at_two_times_is_two_claims_each_with_its_time() -> None:
    a = extract("Acme sold 3,000 cars in 2019, the company said.", doc="a.txt")
    text = "Acme sold 3,400 cars in 2019, analysts said. Acme sold 4,100 cars in 2020, analysts said."
    b = extract(text, doc="b.txt")
    claims = reconcile([*a, *b], min_figures=1)
    assert [(c.subject, c.entity, c.time, c.agreement, [f.surface for f in c.figures]) for c in claims] == [
        ("Acme", "cars", "2019", "disagree", ["3,000", "3,400"]),  # the same year: a real disagreement
        ("Acme", "cars", "2020", "agree", ["4,100"]),  # another year's sales: not a third voice on 2019
    ]


def test_a_figure_of_no_time_joins_the_one_time_and_then_one_cannot_tell() -> None:
    dated = count(3000, "cars", subject="Acme", sentence="Acme sold 3,000 cars in 2019.")
    year = figure("2019", "Acme sold 3,000 cars in 2019.", value=None, low=None, high=None, kind="date", date="2019")
    undated = count(3400, "cars", subject="Acme", doc="b.txt", source="a dealer")
    (claim,) = reconcile([dated, year, undated])
    assert claim.figures == (dated, undated) and claim.time == "2019"
    assert claim.agreement == "cannot tell" and not claim.agree  # 3,400 may be another year's
    same = count(3000, "cars", subject="Acme", doc="b.txt", source="a dealer")
    assert reconcile([dated, year, same])[0].agreement == "agree"  # no time, but the same number
    later = figure("2020", "Acme sold 3,400 cars in 2020.", value=None, low=None, high=None, kind="date",
                   date="2020", doc="b.txt")  # fmt: skip
    in_2020 = count(3400, "cars", subject="Acme", doc="b.txt", sentence="Acme sold 3,400 cars in 2020.")
    assert [c.time for c in reconcile([dated, year, in_2020, later, undated], min_figures=1)] == ["2019", "2020", ""]


def test_bounds_that_point_the_same_way_cannot_tell() -> None:
    def more(n: int, doc: str) -> Figure:
        return figure(f"more than {n} people", f"more than {n} people.", value=n, low=n, high=None,
                      qualifier="lower_bound", entity="people", doc=doc, subject="the city")  # fmt: skip

    fled = count(1600, "people", doc="b.txt", subject="the city")
    assert reconcile([more(1500, "a.txt"), more(2000, "b.txt")])[0].agreement == "cannot tell"
    assert reconcile([more(1500, "a.txt"), fled])[0].agreement == "agree"
    assert reconcile([more(2000, "a.txt"), fled])[0].agreement == "disagree"
    assert reconcile([more(2000, "a.txt")], min_figures=1)[0].agreement == "agree"  # one figure: nothing to doubt


def test_claims_rows_name_the_subject_and_the_time() -> None:
    year = figure("2019", "Acme sold 32 buses in 2019.", value=None, low=None, high=None, kind="date", date="2019")
    buses = [count(32, "buses", subject="Acme", sentence="Acme sold 32 buses in 2019.", source="the army"),
             count(40, "buses", source="the monitor")]  # fmt: skip
    header, first, _ = claims_rows(reconcile([*buses, year]))
    row = dict(zip(header, first, strict=True))
    assert (row["subject"], row["entity"], row["time"], row["agreement"]) == ("Acme", "buses", "2019", "cannot tell")
