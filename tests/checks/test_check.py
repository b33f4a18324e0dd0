"""Checking text against a reference table: each expected row matched, mismatched or missing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from numbers_extract import Expected, ExpectedError, Figure, check, extract, format_report, read_expected
from numbers_extract.checks.check import MATCHED, MISMATCHED, MISSING, check_rows
from tests.figures_maker import figure

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seeds() -> list[Figure]:
    out: list[Figure] = []
    for path in SEEDS:
        out += extract(path.read_text(encoding="utf-8"), doc=f"seeds/{path.name}")
    return out


def statuses(figures: list[Figure], rows: list[dict[str, object]]) -> list[str]:
    return [r.status for r in check(figures, rows).results]


def test_the_seeds_say_1600_people_and_19_square_miles_but_not_2000_people(seeds: list[Figure], tmp_path: Path) -> None:
    expected = tmp_path / "expected.csv"
    expected.write_text(
        'entity,unit,value\npeople,,"1,600"\nterritory,square miles,19\npeople,,"2,000"\n', encoding="utf-8"
    )
    report = check(seeds, expected)
    assert [r.status for r in report.results] == [MATCHED, MATCHED, MISMATCHED]
    assert not report.ok
    people, miles, wrong = report.results
    assert {f.surface for f in people.figures} == {"some 1,600", "about 1600"}
    assert [f.surface for f in miles.figures] == ["more than 19 square miles"]
    assert {f.surface for f in wrong.figures} == {"some 1,600", "about 1600"}  # what the text says instead
    text = format_report(report)
    assert "MISMATCHED  2,000 people" in text and 'the text says "some 1,600"' in text
    assert f"{expected}:4" in text  # the row, by file and line
    assert text.splitlines()[-1].startswith("check failed: 3 expected figures against")
    rows: list[dict[str, object]] = [
        {"entity": "people", "value": 1600}, {"unit": "square miles", "entity": "territory", "value": "19"},
    ]  # fmt: skip
    assert check(seeds, rows).ok  # the same rows as a list of dicts


def test_a_passing_check_says_so_on_its_last_line(seeds: list[Figure]) -> None:
    report = check(seeds, [{"entity": "buses", "value": 32}, {"unit": "hours", "value": 48}])
    assert report.ok
    assert format_report(report).splitlines()[-1] == (
        f"check passed: 2 expected figures against {len(seeds)} figures in 2 documents: all matched"
    )


def test_missing_when_nothing_in_the_text_is_about_the_row() -> None:
    figures = [figure()]  # 32 buses
    assert statuses(figures, [{"entity": "trains", "value": 32}]) == [MISSING]
    assert statuses(figures, [{"kind": "money", "value": 32}]) == [MISSING]
    assert statuses(figures, [{"entity": "buses", "value": 32, "doc": "other.txt"}]) == [MISSING]
    assert "no figure about this" in format_report(check(figures, [{"entity": "trains", "value": 32}]))


def test_qualifiers_give_intervals_that_the_expected_value_must_lie_in() -> None:
    more_than = figure("more than 1,500 people", "So more than 1,500 people left.", value=1500, low=1500, high=None,
                       qualifier="lower_bound", entity="people")  # fmt: skip
    up_to = figure("up to 5 people", "So up to 5 people left.", value=5, low=None, high=5, qualifier="upper_bound",
                   entity="people")  # fmt: skip
    between = figure("10 to 20 people", "So 10 to 20 people left.", value=None, low=10, high=20, qualifier="range",
                     entity="people")  # fmt: skip
    about = figure("about 1,600 people", "So about 1,600 people left.", value=1600, low=None, high=None,
                   qualifier="approximate", entity="people")  # fmt: skip
    assert statuses([more_than], [{"entity": "people", "value": v} for v in (1600, 1500, 1400)]) == [
        MATCHED, MATCHED, MISMATCHED,
    ]  # fmt: skip
    assert statuses([up_to], [{"entity": "people", "value": v} for v in (3, 5, 6)]) == [MATCHED, MATCHED, MISMATCHED]
    assert statuses([between], [{"entity": "people", "value": v} for v in (10, 15, 21)]) == [
        MATCHED, MATCHED, MISMATCHED,
    ]  # fmt: skip
    # "about" is its value unless a tolerance or ``approximate`` widens it
    assert statuses([about], [{"entity": "people", "value": v} for v in (1600, 1650)]) == [MATCHED, MISMATCHED]
    assert check([about], [{"entity": "people", "value": 1650}], approximate=0.1).ok


def test_tolerance_absolute_or_relative() -> None:
    figures = [figure()]  # 32 buses
    rows: list[dict[str, object]] = [
        {"entity": "buses", "value": 30, "tolerance": 2},
        {"entity": "buses", "value": 30, "tolerance": "1.9"},
        {"entity": "buses", "value": 30, "tolerance": "10%"},  # 3
        {"entity": "buses", "value": 30, "tolerance": "5%"},  # 1.5
        {"entity": "buses", "value": 31, "tolerance": "±1"},
    ]
    assert statuses(figures, rows) == [MATCHED, MISMATCHED, MATCHED, MISMATCHED, MATCHED]


def test_entity_by_word_overlap_ignoring_case_and_plurals() -> None:
    bus = figure("32 buses", "They left in 32 buses.", entity="green Buses")
    people = figure("1,600 people", "1,600 people left.", value=1600, low=1600, high=1600, entity="people")
    gunmen = figure("40 gunmen", "40 gunmen left.", value=40, low=40, high=40, entity="IS gunmen")
    assert statuses([bus], [{"entity": "bus", "value": 32}, {"entity": "the buses", "value": 32}]) == [MATCHED] * 2
    assert statuses([people], [{"entity": "person", "value": 1600}]) == [MATCHED]
    assert statuses([gunmen], [{"entity": "gunman", "value": 40}, {"entity": "the", "value": 40}]) == [
        MATCHED, MISSING,
    ]  # fmt: skip


def test_unit_by_canonical_name_kind_or_counted_thing() -> None:
    miles = figure("19 square miles", "It is 19 square miles.", value=19, low=19, high=19, unit="square mile",
                   dimension="area", kind="measure", entity="")  # fmt: skip
    share = figure("5%", "It rose 5%.", value=5, low=5, high=5, unit="percentage", kind="percent", entity="")
    assert (
        statuses([miles], [{"unit": u, "value": 19} for u in ("square miles", "sq mi", "Square Mile")]) == [MATCHED] * 3
    )
    assert statuses([miles], [{"unit": "km", "value": 19}]) == [MISSING]
    assert statuses([share], [{"unit": "%", "value": 5}, {"unit": "percent", "value": 5}]) == [MATCHED] * 2
    assert statuses([figure()], [{"unit": "buses", "value": 32}, {"unit": "count", "value": 32}]) == [MATCHED] * 2


def test_documents_by_path_or_its_end() -> None:
    made = figure(doc="seeds/sub/a.txt")
    for doc in ("seeds/sub/a.txt", "sub/a.txt", "a.txt", "./seeds/sub/a.txt"):
        assert statuses([made], [{"doc": doc, "entity": "buses", "value": 32}]) == [MATCHED], doc
    assert statuses([made], [{"doc": "b/a.txt", "entity": "buses", "value": 32}]) == [MISSING]


def test_a_bare_value_is_matched_by_a_figure_that_states_it_or_missing() -> None:
    figures = [figure(), figure("more than 19 miles", "So more than 19 miles.", value=19, low=19, high=None,
                                qualifier="lower_bound", unit="mile", kind="measure")]  # fmt: skip
    assert statuses(figures, [{"value": 32}, {"value": 19}, {"value": 25}]) == [MATCHED, MATCHED, MISSING]


def test_dates_are_not_values() -> None:
    year = figure("2011", "It began in 2011.", value=None, low=None, high=None, kind="date", date="2011", entity="")
    assert statuses([year], [{"value": 2011}]) == [MISSING]


def test_unmatched_figures_when_asked() -> None:
    bus, people = figure(), figure("1,600 people", "1,600 people left.", value=1600, low=1600, high=1600,
                                   entity="people")  # fmt: skip
    year = figure("2011", "It began in 2011.", value=None, low=None, high=None, kind="date", date="2011")
    assert check([bus, people, year], [{"entity": "buses", "value": 32}]).unmatched is None
    report = check([bus, people, year], [{"entity": "buses", "value": 32}], unmatched=True)
    assert report.unmatched == (people,)
    assert "figures that match no expected row: 1" in format_report(report)


def test_read_expected_from_csv_with_bom_comments_any_case_and_order(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text(
        '\ufeffValue, Entity ,TOLERANCE,Kind,Doc,Note\n# a comment row\n\n"1,600",people,5%,count,a.txt,evacuated\n'
        "-2.5,,0.5,,,\n",
        encoding="utf-8",
    )
    first, second = read_expected(path)
    assert first == Expected(1600, "people", "", "count", 0.05, True, "a.txt", "evacuated", f"{path}:4")
    assert (second.value, second.tolerance, second.relative, second.where) == (-2.5, 0.5, False, f"{path}:5")
    tsv = tmp_path / "e.tsv"
    tsv.write_text("entity\tvalue\npeople\t7\n", encoding="utf-8")
    assert read_expected(tsv)[0].value == 7
    assert read_expected(io.StringIO("value\n3\n"))[0].value == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("entity\npeople\n", "no 'value' column"),
        ("value,entiy\n3,people\n", "unknown column 'entiy'"),
        ("value\nmany\n", "e.csv:2: value 'many' is not a number"),
        ("value,entity\n,people\n", "e.csv:2: no value"),
        ("value,kind\n3,thing\n", "kind 'thing' is not one of"),
        ("value,tolerance\n3,-1\n", "negative"),
        ("value\n", "no expected rows"),
        ("value\n1,2\n", "2 cells, but the header has 1"),
    ],
)
def test_a_table_that_cannot_be_read_says_where(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "e.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExpectedError, match=message.replace("(", r"\(")):
        read_expected(path)


def test_rows_for_a_published_report(seeds: list[Figure]) -> None:
    report = check(seeds, [{"entity": "people", "value": 1600, "tolerance": "5%"}, {"entity": "people", "value": 2000}])
    header, first, second = check_rows(report)
    assert header[:3] == ("row", "status", "value")
    assert first[:4] == ("row 1", "matched", 1600, "5%")
    assert second[1] == "mismatched" and "some 1,600 (seeds/000_b14f3dfcc69a9183.txt@" in str(second[-1])


def test_a_subject_column_picks_whose_figure_is_meant(seeds: list[Figure], tmp_path: Path) -> None:
    tesla = figure("63,000 cars", "Tesla sold 63,000 cars.", value=63000, low=63000, high=63000, entity="cars",
                   subject="Tesla")  # fmt: skip
    ford = figure("40,000 cars", "Ford sold 40,000 cars.", value=40000, low=40000, high=40000, entity="cars",
                  subject="Ford")  # fmt: skip
    rows = [{"subject": "Tesla", "entity": "cars", "value": 63000},
            {"subject": "Ford", "entity": "cars", "value": 63000},
            {"subject": "GM", "entity": "cars", "value": 63000}, {"subject": "tesla", "value": 63000}]  # fmt: skip
    report = check([tesla, ford], rows)
    assert [(r.status, r.figures) for r in report.results] == [
        (MATCHED, (tesla,)), (MISMATCHED, (ford,)), (MISSING, ()), (MATCHED, (tesla,))
    ]  # fmt: skip
    assert "63,000 cars, about Ford" in format_report(report)
    expected = tmp_path / "expected.csv"
    expected.write_text("subject,entity,unit,value\nthe SDF,territory,square miles,19\nISIS,territory,,19\n", "utf-8")
    assert [r.status for r in check(seeds, expected).results] == [MATCHED, MISSING]
    header, first, _ = check_rows(check(seeds, expected))
    assert dict(zip(header, first, strict=True))["subject"] == "the SDF"
