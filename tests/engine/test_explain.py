"""explain(): the figures of extract(), each with the rules that decided its fields, and the
numerals that gave no figure with the rule that dropped them; the same from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from numbers_extract import explain, extract
from numbers_extract.cli import main
from tests.engine.corpus_format import all_cases

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


def test_a_subject_says_the_rule_that_read_it_and_the_rule_that_resolved_it() -> None:
    text = "Kestrel Bank posted a profit. The bank cut 2,000 jobs. It sold 40 branches."
    explained = {e.figure.surface: e for e in explain(text).figures}
    assert dict(explained["2,000"].decided)["subject"] == "subject.refers > subject.named"  # "The bank": Kestrel Bank
    assert explained["2,000"].figure.subject == "Kestrel Bank"
    assert dict(explained["40"].decided)["subject"] == "subject.refers > subject.nearby"  # "It": the bank, an owner
    assert explained["40"].figure.subject == "Kestrel Bank"
    assert "  subject   'Kestrel Bank'" in str(explained["40"])


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


SPOKEN = (
    "The Fisheries Agency said catches fell 4%. It said 2,400 boats stayed in port. "
    'Prices jumped 6%, according to Zillow. "We are pleased," Dr Osei said. "Recovery took 3 weeks." '
    "The lake is 14 km long."
)


def test_each_source_names_the_rule_that_found_it_and_the_rule_that_resolved_it() -> None:
    explained = {e.figure.surface: (e.figure.source, dict(e.decided)["source"]) for e in explain(SPOKEN).figures}
    assert explained["4%"] == ("Fisheries Agency", "source.said_before")
    assert explained["2,400"] == ("Fisheries Agency", "source.body > source.said_before")  # "it": the agency
    assert explained["6%"] == ("Zillow", "source.according")
    assert explained["3 weeks"] == ("Dr Osei", "source.follows > source.said_before")  # the quotation before
    assert explained["14 km"] == ("", "no rule: the default")


def test_the_source_rules_tried_at_a_cue_are_listed_with_its_figures() -> None:
    share = next(e for e in explain(SPOKEN).figures if e.figure.surface == "6%")
    steps = {(s.stage, s.rule.name, s.outcome) for s in share.steps if s.field == "source"}
    assert ("source", "SAID_BEFORE", "skipped") in steps  # "according" is no verb of saying
    assert ("source", "ACCORDING_TO_DATA", "declined") in steps  # no "figures from"
    assert ("source", "ACCORDING", "fired") in steps
    assert "source.according_to_data (declined)" in str(share)


def test_the_kind_and_trend_tables_say_which_rule_decided() -> None:
    text = "Shares fell 2% to 164p over three days. The startup raised $50m. The lake holds 40 litres."
    explained = {e.figure.surface: dict(e.decided) for e in explain(text).figures}
    assert explained["2%"]["kind"] == "kind.percent"
    assert explained["2%"]["trend"] == "trend.word_before > trend.moves"
    assert explained["164p"]["kind"] == "kind.money"
    assert explained["164p"]["trend"] == "trend.word_before > trend.level"  # the level reached
    assert explained["three days"]["kind"] == "kind.duration"
    assert explained["three days"]["trend"] == "trend.adjunct"
    assert explained["$50m"]["trend"] == "trend.word_before > trend.funding"
    assert explained["40 litres"]["kind"] == "kind.measure"
    assert explained["40 litres"]["trend"] == "trend.unchanged"


def test_the_trend_rules_tried_before_the_one_that_decided_are_listed() -> None:
    rise = next(e for e in explain("The shop reported a 7% rise in orders.").figures)
    tried = [(s.rule.name, s.outcome) for s in rise.steps if s.stage == "trend"]
    assert ("WORD_BEFORE", "declined") in tried and tried[-1] == ("NOUN_AFTER", "fired")


def test_a_kind_or_trend_taken_from_the_figures_beside_is_named() -> None:
    text = (
        "The index lost 162 points, or 2.1%, to 7,425. The shop now has 4 staff, up from 1. It fell 3 cents, or 1.3%."
    )
    explained = {e.figure.surface: dict(e.decided) for e in explain(text).figures}
    assert explained["7,425"]["kind"] == "kind.in_points > kind.number"  # the index's level, in points
    assert explained["1"]["kind"] == "kind.compared > kind.number"  # a count, as the one it is compared with
    assert explained["1.3%"]["trend"] == "trend.said_again > trend.unchanged"  # the change's trend, said again


def test_the_numeral_rule_that_read_each_value_is_named() -> None:
    text = "The pipe is 3/4 inch wide. Several thousand homes lost power. She came third, 2½ km ahead."
    value = {e.figure.surface: dict(e.decided)["value"] for e in explain(text).figures}
    assert value["3/4 inch"] == "numerals.slash"
    assert value["Several thousand"] == "numerals.few"
    assert value["third"] == "numerals.ordinal_word"
    assert value["2½ km"] == "numerals.vulgar"
    steps = {(s.stage, s.rule.name, s.outcome) for e in explain(text).figures for s in e.steps}
    assert ("numerals", "VULGAR", "declined") not in steps  # a slash fraction is read by its own rule alone


def test_the_date_rule_that_found_each_date_is_named() -> None:
    text = "The law took effect on 15 May 2018. Polls close at 14:30 GMT, and results come at noon."
    kind = {e.figure.surface: dict(e.decided)["kind"] for e in explain(text).figures}
    assert kind == {  # the kind the date rule drafted, kept by the kind table
        "15 May 2018": "kind.drafted > dates.day_month_year",
        "14:30 GMT": "kind.drafted > dates.clock_time",
        "noon": "kind.drafted > dates.noon",
    }


def test_the_range_rule_that_joined_two_numbers_is_named() -> None:
    text = "The crowd was between 3,000 and 4,000 people. The motion passed by 61 to 39."
    explained = {e.figure.surface: e for e in explain(text).figures}
    assert dict(explained["between 3,000 and 4,000"].decided)["value"].startswith("ranges.between > numerals.digits")
    tally = {(s.stage, s.rule.name, s.outcome) for s in explained["61"].steps}
    assert ("ranges", "TALLY", "fired") in tally  # kept apart: two figures


def test_a_score_is_dropped_by_the_range_rule() -> None:
    text = "The visitors won 3-1 at home."
    assert [(text[s.start : s.end], s.stage, s.rule.name) for s in explain(text).dropped] == [("3", "ranges", "SCORE")]


def test_the_join_rule_that_made_a_figure_is_named() -> None:
    text = "He is 6ft 4in tall. Plots of 2 or 5 acres sold. One child in five lives in poverty."
    decided = {e.figure.surface: dict(e.decided) for e in explain(text).figures}
    assert decided["6ft 4in"]["value"].startswith("joins.in_parts")
    assert decided["2"]["unit"] == "joins.unit_shared"
    assert decided["One child in five"]["value"].startswith("joins.noun_in")


def test_a_match_that_is_no_number_is_dropped_by_the_numeral_rule() -> None:
    text = "The shop is open 24/7. Thousand Oaks is a quiet city."
    dropped = [(text[s.start : s.end], s.stage, s.rule.name) for s in explain(text).dropped]
    assert dropped == [("24/7", "numerals", "NO_FRACTION"), ("Thousand", "numerals", "SCALE_ALONE")]


def _decided(text: str) -> dict[str, dict[str, str]]:
    return {e.figure.surface: dict(e.decided) for e in explain(text).figures}


def test_the_rules_that_read_a_number_are_named_for_its_value_unit_and_qualifier() -> None:
    """The tables that read one numeral (sign, currency, unit, cue) and their steps (scale, error,
    cue after) each name what they decided."""
    explained = _decided("Output fell to minus 40 degrees, the hotel charged about €90 a night and 2m pounds.")
    assert explained["minus 40 degrees"]["value"] == "sign.word > numerals.digits"
    assert explained["minus 40 degrees"]["unit"] == "unit.written"
    assert explained["about €90 a night"]["unit"] == "unit.per > currency.before"
    assert explained["about €90 a night"]["qualifier"] == "cue.before"
    assert explained["2m pounds"]["value"] == "read.scale > numerals.digits"
    explained = _decided("The club has 100+ members and the rod is 10 ± 2 cm long.")
    assert explained["100+"]["qualifier"] == "read.cue_after"
    assert explained["10 ± 2 cm"]["value"] == "read.error > numerals.digits > numerals.digits"
    assert explained["10 ± 2 cm"]["qualifier"] == "read.margin"


def test_a_reading_of_its_own_is_named_as_the_figure_it_made() -> None:
    steps = {
        e.figure.surface: {f"{s.stage}.{s.rule.name.lower()}" for s in e.steps if s.outcome == "fired"}
        for e in explain("She came 3rd, a 40-year-old man, Read Section 427, a 300-page report.").figures
    }
    assert "no_figure.nth" in steps["3rd"]
    assert "unitless.year_old" in steps["40-year-old"]
    assert "unitless.label" in steps["427"]
    assert _decided("Patients aged 50 were seen.")["50"]["unit"] == "unitless.aged"  # years
    assert "compound.counted" in steps["300-page"]


def test_the_numerals_dropped_by_the_reading_rules_name_the_rule() -> None:
    text = "The F-150, the A380, 5G phones, the 80s, a four-cylinder car and the Boeing 737."
    dropped = [(text[s.start : s.end], f"{s.stage}.{s.rule.name.lower()}") for s in explain(text).dropped]
    assert dropped == [
        ("150", "no_figure.name_hyphen"),
        ("380", "no_figure.glued"),
        ("5", "compound.letters"),
        ("80", "no_figure.plural"),
        ("four", "compound.modifier"),
        ("737", "unitless.label"),
    ]


def test_explain_gives_the_figures_of_extract_on_every_corpus_text() -> None:
    """explain() runs the tables rule by rule with a trace; extract() runs each table written out
    as one chain of tests (rules.Table): the two must decide alike, on every case of the corpus."""
    texts = [case.text for case in all_cases()]
    differ = [text for text in texts if [e.figure for e in explain(text).figures] != extract(text)]
    assert len(texts) > 500 and not differ, differ[:3]
