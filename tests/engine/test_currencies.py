"""Every currency CLDR names (engine/currencies.py, from babel): its ISO code before and after a number
gives one money figure in that currency's catalogue unit. The codes made into nothing are listed,
with their reasons, in data/lexicon/currency_codes_excluded.txt."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numbers_extract import extract
from numbers_extract.engine.currencies import Cldr, cldr_currencies
from numbers_extract.engine.lexicon import lexicon
from numbers_extract.engine.units import load_catalogue

CURRENCIES = cldr_currencies()


def _unit_of(code: str) -> str:
    """The catalogue's unit for ``code``: what the code written before a number names."""
    return load_catalogue().prefixes[code]


def _one_money_figure(text: str, code: str) -> None:
    (figure,) = extract(text)
    assert (figure.value, figure.kind, figure.unit) == (25, "money", _unit_of(code)), text
    assert load_catalogue().unit(figure.unit).currency_code == code, text


@given(
    st.sampled_from(CURRENCIES),
    st.sampled_from(["It cost 25 {}.", "It cost {} 25.", "The fee was {} 25 in May.", "They paid 25 {} for it."]),
)
def test_a_code_before_or_after_a_number_is_money_in_its_currency(currency: Cldr, form: str) -> None:
    _one_money_figure(form.format(currency.code), currency.code)


def test_every_code_before_and_after_a_number_is_money_in_its_currency() -> None:
    for currency in CURRENCIES:
        for form in ("It cost 25 {}.", "It cost {} 25."):
            _one_money_figure(form.format(currency.code), currency.code)


def test_the_generated_set_is_every_named_code_but_the_excluded() -> None:
    excluded = lexicon().currency_codes_excluded
    codes = {c.code for c in CURRENCIES}
    assert len(codes) > 150
    assert not {c.lower() for c in codes} & excluded
    assert {"USD", "EUR", "PHP", "MYR", "ZAR", "VND", "HRK"} <= codes


@pytest.mark.parametrize(("code", "unit"), [("USD", "dollar"), ("ILS", "shekel"), ("GBP", "pound sterling"),
                                             ("PHP", "philippine peso"), ("ZAR", "south african rand")])  # fmt: skip
def test_a_code_keeps_the_catalogues_name(code: str, unit: str) -> None:
    assert _unit_of(code) == unit


@pytest.mark.parametrize("code", sorted(lexicon().currency_codes_english))
def test_a_code_that_is_an_english_word_is_money_only_in_capitals(code: str) -> None:
    assert [f.unit for f in extract(f"It cost 25 {code.upper()}.")] == [_unit_of(code.upper())]
    assert all(f.kind != "money" for f in extract(f"It cost 25 {code}."))
