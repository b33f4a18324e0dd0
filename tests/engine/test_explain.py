"""explain(): the figures of extract(), each with the rules that decided its fields, and the
numerals that gave no figure with the rule that dropped them; the same from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from numbers_extract import explain, extract
from numbers_extract.cli import main

TEXT = (
    "The SDF, Manning said, has cleared more than 19 square miles of territory, bringing the total "
    "liberated area to more than 1,900 square miles. Shares rose 6.5% to 164p. "
    "One of them lives at 49 Zorro Ranch Road."
)


def test_explain_gives_the_figures_extract_gives() -> None:
    assert [e.figure for e in explain(TEXT).figures] == extract(TEXT)


def test_each_figure_says_which_rule_decided_each_field() -> None:
    explained = {e.figure.surface: dict(e.decided) for e in explain(TEXT).figures}
    area = explained["more than 1,900 square miles"]
    assert area["entity"] == "carried.measured > measured.changed > entity.measure_names_none"  # raised to it
    assert area["qualifier"] == "cue.before"  # "more than"
    assert area["unit"] == "unit.written"
    assert explained["6.5%"]["entity"].startswith("carried.measured > measured.subject")  # "Shares rose"
    assert explained["164p"]["entity"].startswith("carried.to_level")  # the level the shares rose to


def test_the_rules_tried_and_declined_are_listed() -> None:
    area = next(e for e in explain(TEXT).figures if e.figure.surface == "more than 1,900 square miles")
    declined = {(s.stage, s.rule.name, s.outcome) for s in area.steps}
    assert ("measured", "MODIFIED", "declined") in declined
    assert ("measured", "THAN", "no match") in declined
    assert "declined: " in str(area)


def test_a_numeral_that_gives_no_figure_is_listed_with_the_rule_that_dropped_it() -> None:
    dropped = explain(TEXT).dropped
    assert [(TEXT[s.start : s.end], s.stage, s.rule.name) for s in dropped] == [
        ("One", "unitless", "PRONOUN"),  # "One of them": a pronoun
        ("49", "kept", "NAME"),
    ]
    assert "dropped at" in str(explain(TEXT))


def test_the_command_line_explains_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["explain", str(article)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"== {article}\n'more than 19 square miles' at 35-60")
    assert "carried.measured > measured.changed" in out
    assert main(["explain", str(tmp_path / "missing.txt")]) == 1
    assert "skipped" in capsys.readouterr().err


def _decided(text: str) -> dict[str, dict[str, str]]:
    return {e.figure.surface: dict(e.decided) for e in explain(text).figures}


def test_the_rules_that_read_a_number_are_named_for_its_value_unit_and_qualifier() -> None:
    """The tables that read one numeral (sign, currency, unit, cue) and their steps (scale, error,
    cue after) each name what they decided."""
    explained = _decided("Output fell to minus 40 degrees, the hotel charged about €90 a night and 2m pounds.")
    assert explained["minus 40 degrees"]["value"] == "sign.word"
    assert explained["minus 40 degrees"]["unit"] == "unit.written"
    assert explained["about €90 a night"]["unit"] == "unit.per > currency.before"
    assert explained["about €90 a night"]["qualifier"] == "cue.before"
    assert explained["2m pounds"]["value"] == "read.scale"
    explained = _decided("The club has 100+ members and the rod is 10 ± 2 cm long.")
    assert explained["100+"]["qualifier"] == "read.cue_after"
    assert explained["10 ± 2 cm"]["value"] == "read.error"
    assert explained["10 ± 2 cm"]["qualifier"] == "read.margin"


def test_a_reading_of_its_own_is_named_as_the_figure_it_made() -> None:
    steps = {
        e.figure.surface: {f"{s.stage}.{s.rule.name.lower()}" for s in e.steps if s.outcome == "fired"}
        for e in explain("She came 3rd, a 40-year-old man, Read Section 427, a 300-page report.").figures
    }
    assert "numeral.nth" in steps["3rd"]
    assert "unitless.year_old" in steps["40-year-old"]
    assert "unitless.label" in steps["427"]
    assert _decided("Patients aged 50 were seen.")["50"]["unit"] == "unitless.aged"  # years
    assert "compound.counted" in steps["300-page"]


def test_the_numerals_dropped_by_the_reading_rules_name_the_rule() -> None:
    text = "The F-150, the A380, 5G phones, the 80s, a four-cylinder car and the Boeing 737."
    dropped = [(text[s.start : s.end], f"{s.stage}.{s.rule.name.lower()}") for s in explain(text).dropped]
    assert dropped == [
        ("150", "numeral.name_hyphen"),
        ("380", "numeral.glued"),
        ("5", "compound.letters"),
        ("80", "numeral.plural"),
        ("four", "compound.modifier"),
        ("737", "unitless.label"),
    ]
