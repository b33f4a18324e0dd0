"""Sources across sentences: pronouns and descriptions point back to the latest fitting name."""

from __future__ import annotations

from numbers_extract import extract
from numbers_extract.engine.context.sources import REMEMBERED, Resolver


def sources_of(text: str) -> list[tuple[str, str]]:
    return [(f.surface, f.source) for f in extract(text) if f.kind not in ("date", "time")]


def test_it_points_back_to_the_organisation() -> None:
    text = "The Harbour Board said traffic fell. It said 40 ships were delayed."
    assert sources_of(text) == [("40", "Harbour Board")]


def test_he_points_back_to_a_person() -> None:
    text = "Mayor Ana Ruiz said the city was ready. He said 12 roads were shut."
    assert sources_of(text) == [("12", "Mayor Ana Ruiz")]


def test_the_company_does_not_point_to_the_police() -> None:
    text = "Police said nobody was hurt. Sales rose 8%, the company said."
    assert sources_of(text) == [("8%", "the company")]


def test_the_organization_skips_a_news_outlet() -> None:
    text = (
        "The Syrian Observatory for Human Rights said the area was cleared, NPR adds. "
        "The organization claimed that some 32 buses left."
    )
    assert sources_of(text) == [("some 32", "Syrian Observatory for Human Rights")]


def test_without_a_speaker_there_is_no_source() -> None:
    assert sources_of("The bridge is 1,200 metres long.") == [("1,200 metres", "")]


def test_a_long_document_remembers_recent_names_only() -> None:
    names = Resolver([], [])
    for k in range(5_000):
        names.note(f"Speaker{k} Jones")
        names.note(f"Agency{k} Group")
    assert len(names.people) <= REMEMBERED and len(names.organisations) <= REMEMBERED
    assert names.resolve("she") == "Speaker4999 Jones"
    assert names.resolve("the organization") == "Agency4999 Group"
