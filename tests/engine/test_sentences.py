"""Sentence splitting: abbreviations, titles, hard-wrapped prose, bounded pieces."""

from __future__ import annotations

import pytest

from numbers_extract import extract
from numbers_extract.engine.sentences import PIECE, pieces, split


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gen. Ali Mayhoub said so. He left.", ["Gen. Ali Mayhoub said so.", "He left."]),
        ("The U.S. Department said 5. It agreed.", ["The U.S. Department said 5.", "It agreed."]),
        ("Army Col. Rob Manning spoke. No. 5 won.", ["Army Col. Rob Manning spoke.", "No. 5 won."]),
        # a title line is its own sentence
        ("Damascus Declared Free\n\nThe army said so.", ["Damascus Declared Free", "The army said so."]),
        ("Damascus Declared Free\nThe army said so.", ["Damascus Declared Free", "The army said so."]),
        # hard-wrapped prose is one sentence
        (
            "The monitor said some\n1,600 people left the area on Saturday and headed\ntoward the desert.",
            ["The monitor said some\n1,600 people left the area on Saturday and headed\ntoward the desert."],
        ),
        # a caption's credit line stands alone
        (
            "Government forces and police hold portraits of the president in the square\nSANA via AP",
            ["Government forces and police hold portraits of the president in the square", "SANA via AP"],
        ),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    got = split(text)
    assert [s.text for s in got] == expected
    for s in got:
        assert text[s.start : s.end] == s.text


def test_a_wrapped_figure_keeps_its_unit() -> None:
    (f,) = [f for f in extract("The siege lasted for nearly seven\nyears, the monitor said.") if f.kind == "duration"]
    assert (f.value, f.unit, f.source) == (7, "year", "the monitor")


def test_pieces_are_bounded_and_cover_the_text() -> None:
    text = ("word " * 30_000) + "\n\n" + "x" * (3 * PIECE)
    spans = list(pieces(text))
    assert all(b - a <= PIECE for a, b in spans)
    covered = "".join(text[a:b] for a, b in spans)
    assert covered.replace("\n", "") == text.replace("\n", "")


def test_cjk_and_devanagari_full_stops_end_sentences() -> None:
    text = "东京有1400万人。大阪有270万人。 The town has 5 parks। Next come 3 lines॥"
    assert [s.text for s in split(text)] == [
        "东京有1400万人。",
        "大阪有270万人。",
        "The town has 5 parks।",
        "Next come 3 lines॥",
    ]
