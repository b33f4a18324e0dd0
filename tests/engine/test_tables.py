"""Tables and lists: a "sentence" of many figures (a table row, a list, a data table pasted as one line)
gives every figure, with its value, in its place.

Past 40 figures in one sentence (engine/pipeline.py TABLE) the engine stops looking for what a measure
measures, to stay linear: the figures themselves must all still be there. The expectations are written
from the input's own numbers, never from the engine's output.
"""

from __future__ import annotations

import pytest

from numbers_extract import Figure, extract


def _placed(text: str, figures: list[Figure]) -> None:
    for f in figures:
        assert text[f.start : f.end] == f.surface, f


@pytest.mark.parametrize("n", [39, 40, 41, 50, 120])
def test_a_list_of_n_numbers_gives_all_n(n: int) -> None:
    numbers = list(range(101, 101 + n))
    text = "Scores: " + ", ".join(str(k) for k in numbers) + "."
    figures = extract(text)
    assert [f.surface for f in figures] == [str(k) for k in numbers], f"{len(figures)} figures of {n}"
    assert [f.value for f in figures] == numbers
    assert {f.qualifier for f in figures} == {"exact"}
    _placed(text, figures)


def test_a_table_row_of_50_cells_between_pipes() -> None:
    cells = [f"{k * 1.5:.1f}" for k in range(1, 51)]  # 1.5 | 3.0 | 4.5 | … | 75.0
    text = "| " + " | ".join(cells) + " |"
    figures = extract(text)
    assert len(figures) == 50
    assert [f.surface for f in figures] == cells
    assert [f.value for f in figures] == [k * 1.5 for k in range(1, 51)]
    assert (figures[0].value, figures[-1].value) == (1.5, 75)
    _placed(text, figures)


def test_fifty_prices_in_one_sentence_are_money() -> None:
    text = "Prices were " + ", ".join(f"${k}" for k in range(10, 60)) + " and more."
    figures = extract(text)
    assert [(f.surface, f.value, f.unit, f.kind) for f in figures] == [
        (f"${k}", k, "dollar", "money") for k in range(10, 60)
    ]
    _placed(text, figures)


def test_fifty_measures_in_one_sentence_keep_their_unit() -> None:
    text = "The readings were " + ", ".join(f"{k} km" for k in range(1, 51)) + "."
    figures = extract(text)
    assert [(f.surface, f.value, f.unit) for f in figures] == [(f"{k} km", k, "kilometre") for k in range(1, 51)]


def test_a_data_table_pasted_as_one_line() -> None:
    rows = [(2000 + i, 100 + 7 * i, f"{5 + i / 10:.1f}") for i in range(20)]  # year, sales, margin %
    text = "Year Sales Margin " + " ".join(f"{year} {sales} {margin}%" for year, sales, margin in rows)
    figures = extract(text)
    assert len(figures) == 60
    years, sales, margins = figures[0::3], figures[1::3], figures[2::3]
    assert [(f.kind, f.date, f.value) for f in years] == [("date", str(year), None) for year, _, _ in rows]
    assert [f.value for f in sales] == [s for _, s, _ in rows]
    assert [(f.surface, f.value, f.kind) for f in margins] == [(f"{m}%", float(m), "percent") for _, _, m in rows]
    assert (margins[0].value, margins[-1].value) == (5.0, 6.9)
    _placed(text, figures)


def test_a_table_of_rows_that_start_with_digits_is_read_row_by_row() -> None:
    # each line starts with a digit, so the splitter joins them into one "sentence" of 90 figures
    text = "".join(f"{2001 + i} {i}.5 {i + 10}\n" for i in range(30))
    figures = extract(text)
    assert len(figures) == 90
    assert [f.date for f in figures[0::3]] == [str(2001 + i) for i in range(30)]
    assert [f.value for f in figures[1::3]] == [i + 0.5 for i in range(30)]
    assert [f.value for f in figures[2::3]] == [i + 10 for i in range(30)]
    _placed(text, figures)


def test_prose_after_a_table_is_read_as_prose() -> None:
    table = "Scores: " + ", ".join(str(k) for k in range(1, 61)) + "."
    text = table + "\n\nThe union said ticket sales rose 5% in the spring."
    figures = extract(text)
    assert len(figures) == 61
    last = figures[-1]
    assert (last.surface, last.value, last.trend, last.entity, last.source) == (
        "5%",
        5,
        "up",
        "ticket sales",
        "The union",
    )
