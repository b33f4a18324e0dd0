"""The SI columns (engine/si.py, data/si.txt, data/si_factors.tsv): every unit of the catalogue
converts or says why not, figures come out in SI units, money in its ISO 4217 code, with the numbers
the units' definitions give, and the factors are pint's without pint at run time."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from numbers_extract import Figure, extract
from numbers_extract.engine.si import Si, Target, conversion, load_factors, load_si, planned
from numbers_extract.engine.snapshot import SI_FACTORS, build_si_factors
from numbers_extract.engine.units import load_catalogue

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = load_catalogue()
DATA = load_si()
MILE = 1609.344  # metres, by the international yard and pound agreement (1959)
POUND = 0.45359237  # kilograms, by the same agreement
JULIAN_YEAR = 365.25 * 86400  # seconds: pint's year


def only(text: str) -> Figure:
    (figure,) = extract(text)
    return figure


def test_every_unit_with_a_dimension_converts_or_is_listed_with_its_reason() -> None:
    unlisted = {}
    for name, unit in CATALOGUE.units.items():
        if not unit.dimension:
            continue
        found = conversion(name)
        if isinstance(found, Si):
            assert math.isfinite(found.factor) and found.factor > 0, name
            assert found.unit, name
            continue
        listed = DATA.none.get(name) or DATA.none_dimensions.get(unit.dimension)
        if not listed:
            unlisted[name] = found
        else:
            assert found == listed
    assert not unlisted, f"units pint does not convert that data/si.txt does not list: {unlisted}"


def test_the_data_names_only_what_the_catalogue_has() -> None:
    names = {*DATA.pint, *DATA.own, *DATA.money, *DATA.none}
    assert names - set(CATALOGUE.units) == set()
    dimensions = {unit.dimension for unit in CATALOGUE.units.values()}
    assert {*DATA.dimensions, *DATA.none_dimensions} - dimensions == set()
    assert dimensions - {"", "currency", *DATA.dimensions, *DATA.none_dimensions} == set()


def test_a_unit_listed_as_not_convertible_has_a_reason_and_no_conversion() -> None:
    assert {"degree", "bitcoin", "dinar", "decibel", "percentage"} <= {
        name for name in CATALOGUE.units if isinstance(conversion(name), str)
    }
    for name, reason in DATA.none.items():
        assert reason and conversion(name) == reason


@pytest.mark.parametrize(
    ("text", "si_value", "si_unit"),
    [
        ("The lake covers 3 square miles.", 3 * MILE**2, "m²"),
        ("The ridge rises 3,000 ft.", 3000 * 0.3048, "m"),
        ("The car reached 30 mph.", 30 * MILE / 3600, "m/s"),
        ("The calf weighed 200 pounds.", 200 * POUND, "kg"),
        ("The lease runs for 99 years.", 99 * JULIAN_YEAR, "s"),
        ("It took 90 minutes.", 5400, "s"),
        ("The tank holds 20 litres.", 0.02, "m³"),
        ("The plant makes 5 megawatts.", 5e6, "W"),
        ("The tyre is at 32 psi.", 32 * POUND * 9.80665 / 0.0254**2, "Pa"),
        ("The disk holds 2 gigabytes.", 16e9, "bit"),
        ("The engine turns at 3,000 rpm.", 50, "Hz"),
        ("The field cut 1,200 barrels of oil.", 1200 * 42 * 231 * 0.0254**3, "m³"),
        ("The bomb yielded 15 kilotons.", 15 * 4.184e12, "J"),
        ("Ice loss hit 270 gigatons.", 270e12, "kg"),
        ("A 500-calorie meal was served.", 500 * 4184, "J"),
        ("The workers received 5 millisieverts.", 0.005, "Sv"),
    ],
)
def test_a_measure_in_its_si_unit(text: str, si_value: float, si_unit: str) -> None:
    f = only(text)
    assert f.si_value == pytest.approx(si_value, rel=1e-9)
    assert f.si_unit == si_unit


@pytest.mark.parametrize(
    ("text", "kelvin"),
    [("The fever reached 104 °F.", (104 + 459.67) * 5 / 9), ("It was -40 °C at night.", 233.15)],
)
def test_a_temperature_converts_with_its_offset(text: str, kelvin: float) -> None:
    f = only(text)
    assert (f.si_value, f.si_unit) == (pytest.approx(kelvin, rel=1e-12), "K")


def test_a_range_converts_both_bounds() -> None:
    f = only("Temperatures ranged between 10 and 20 °C.")
    assert (f.si_value, f.si_low, f.si_high) == (None, pytest.approx(283.15), pytest.approx(293.15))


def test_degrees_without_a_scale_have_no_si_value() -> None:
    f = only("The temperature hit 40 degrees.")
    assert (f.unit, f.si_value, f.si_unit) == ("degree", None, "")


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("Shares rose to $9.", 9, "USD"),
        ("The ticket cost C$45.", 45, "CAD"),
        ("Rent is HK$12,000.", 12000, "HKD"),
        ("The fine was A$3 million.", 3_000_000, "AUD"),
        ("Profit reached £3bn.", 3_000_000_000, "GBP"),
        ("Sales hit €40 million.", 40_000_000, "EUR"),
        ("Output was worth 900 million yuan.", 900_000_000, "CNY"),
        ("The stamp costs 54 cents.", 0.54, "USD"),
        ("A loaf costs 80p.", 0.8, "GBP"),
    ],
)
def test_money_keeps_its_numbers_in_its_iso_code(text: str, value: float, code: str) -> None:
    f = only(text)
    assert f.kind == "money"
    assert (f.si_value, f.si_low, f.si_high, f.si_unit) == (value, value, value, code)


def test_money_without_an_iso_code_has_no_si_value() -> None:
    f = only("The deal was worth 50 dinars.")
    assert (f.kind, f.si_value, f.si_unit) == ("money", None, "")


@pytest.mark.parametrize(
    ("text", "si_value", "si_unit"),
    [
        ("Oil rose to $80 a barrel.", 80, "USD/barrel"),
        ("Petrol cost 8 cents a gallon more.", 0.08, "USD/gallon"),
        ("Rooms cost £120 a night.", 120, "GBP/night"),
        ("The dividend was $1.20 a share.", 1.2, "USD/share"),
        ("The coast retreats 5 metres per year.", 5 / JULIAN_YEAR, "m/s"),
    ],
)
def test_a_rate(text: str, si_value: float, si_unit: str) -> None:
    f = only(text)
    assert (f.si_value, f.si_unit) == (pytest.approx(si_value, rel=1e-9), si_unit)


@pytest.mark.parametrize(
    "text",
    [
        "Some 1,600 people fled.",
        "Prices rose 5%.",
        "Rates fell 25 basis points.",
        "Inflation ran at 3% a year.",
        "It happened in 2011.",
        "He finished 22nd.",
        "They met at 3 pm.",
        "See Section 427.",
    ],
)
def test_counts_shares_dates_times_ordinals_and_numbers_have_no_si_value(text: str) -> None:
    figures = extract(text)
    assert figures
    for f in figures:
        assert (f.si_value, f.si_low, f.si_high, f.si_unit) == (None, None, None, ""), f


def test_a_number_too_large_for_a_float_has_no_si_value() -> None:
    assert Si("m", 1000.0).of(10**400) is None
    assert Si("m", 1000.0).of(1e308) is None
    assert Si("USD").of(10**400) == 10**400  # money keeps its numbers


@pytest.mark.slow  # imports pint and builds its registry: about 3 s
def test_the_shipped_factors_are_pints_for_the_units_data_si_txt_maps() -> None:
    assert SI_FACTORS.read_text(encoding="utf-8") == build_si_factors(), (
        "run `python -m numbers_extract.engine.snapshot` and review the diff"
    )


def test_the_factors_name_every_unit_pint_converts_and_only_those() -> None:
    measured = {name for name in CATALOGUE.units if isinstance(planned(name), Target)}
    assert set(load_factors()) == measured


def test_pint_is_never_imported_at_run_time() -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import numbers_extract; "
        "figures = numbers_extract.extract('It is 19 square miles, at 104 °F.'); "
        "print(*(f'{f.si_value}:{f.si_unit}' for f in figures), 'pint' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, check=True)
    area, temperature, imported = run.stdout.split()
    assert area.split(":") == ["49209774.096384", "m²"]  # 19 * MILE**2, to 15 digits
    assert temperature.split(":") == ["313.15", "K"]  # (104 + 459.67) * 5 / 9
    assert imported == "False"
