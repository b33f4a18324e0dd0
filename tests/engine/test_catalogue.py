"""Every unit the catalogue has, found after a number in each of its surfaces and symbols.

The catalogue (quantulum3's snapshot, data/units.txt, the SI units made from its prefix table and
CLDR's currencies) is walked whole: each surface and symbol, written after a number in a neutral
sentence, must give a figure in the unit the catalogue says; a symbol must also when written
against the number. The only exceptions are the ambiguous surfaces data/units.txt lists under a
context rule (figures/unit_after.py, ``Context``): "block" (ATTACHED), "never" (NEVER), "context
RULE" (INCH, CODE) and "money NAME" (MONEY, with the codes of lexicon currency_codes_named). Each
rule is checked on every surface it holds, both ways: a sentence where it makes the surface a unit
and one where it does not.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numbers_extract import extract
from numbers_extract.engine.figures.unit_context import Context
from numbers_extract.engine.lexicon import lexicon
from numbers_extract.engine.snapshot import SNAPSHOT
from numbers_extract.engine.units import Catalogue, _directives, _spaced, load_catalogue, si_prefixes

CATALOGUE = load_catalogue()
NAMED_CODES = lexicon().currency_codes_named


def rule_of(c: Catalogue, surface: str) -> Context | None:
    """The context rule that decides whether ``surface`` after a number is a unit, or None: always."""
    if surface in c.never:
        return Context.NEVER
    if surface in c.context:
        return Context[c.context[surface].upper()]
    if surface in c.money or surface.lower() in NAMED_CODES:
        return Context.MONEY
    if surface in c.blocked or (len(surface) > 2 and surface.lower() in c.blocked):
        return Context.ATTACHED
    return None


def unit_of(c: Catalogue, surface: str) -> str:
    """The unit the catalogue gives ``surface``: a symbol as written, else a word ignoring case."""
    return c.symbols.get(surface) or c.words[surface.lower()]


def _surfaces(c: Catalogue) -> dict[str, bool]:
    """Every surface of the catalogue, as written (quantulum3's words in their own case too), each
    with whether it is a symbol."""
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    out = {_spaced(s): False for s in snapshot["surfaces"]}
    out.update(dict.fromkeys(c.words, False))
    out.update(dict.fromkeys(c.symbols, True))
    return out


SURFACES = _surfaces(CATALOGUE)


def found(text: str, surface: str, unit: str) -> bool:
    """A figure of ``text`` holds ``surface`` and is in ``unit``."""
    return any(surface in f.surface and f.unit == unit for f in extract(text))


def test_the_catalogue_is_walked_whole() -> None:
    assert len(SURFACES) > 3000
    assert {"μm", "µm", "GPa", "kHz", "MW", "ng", "fpm", "m.p.h.", "celcius", "degrees f", "deg c"} <= set(SURFACES)


def test_every_surface_after_a_number_is_its_unit() -> None:
    """Each surface the catalogue has, a space after the number, and each symbol against it too."""
    missed = []
    for surface, symbol in SURFACES.items():
        if rule_of(CATALOGUE, surface) is not None:
            continue
        unit = unit_of(CATALOGUE, surface)
        for gap in (" ", "") if symbol else (" ",):
            if not found(f"The reading was 352{gap}{surface} on Monday.", surface, unit):
                missed.append(f"352{gap}{surface} ({unit})")
    assert missed == []


# Each context rule, both ways: sentences where it makes the surface ("{s}") a unit, and where not.
# NEVER has no sentence of the first kind: its surfaces are no unit after a number in news.
RULES: dict[Context, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Context.ATTACHED: (("The reading was 35.2{s} on Monday.",), ("The reading was 35.2 {s} on Monday.",)),
    Context.NEVER: ((), ("The reading was 352 {s} on Monday.", "The reading was 352{s} on Monday.")),
    Context.INCH: (
        ("The pipe is 12 {s} long.", "The print is 8 {s} x 10 in.", "The ice was 3 {s} thick on the lake."),
        (
            "He scored 12 {s} the final.",
            "The firm hired 40 {s} May.",
            "He was one of 12 {s} high school.",
            "Four {s} long-term care died.",
            "They hope to bring 40 {s} by 2025.",
        ),
    ),
    Context.CODE: (
        (
            "It was 98.6{s} in the shade.",
            "The city sweltered in a 95{s} heatwave.",
            "Highs reach 95 {s} on Monday.",
            "It was 30{s} today.",
            "Temperatures: Madrid 35{s}, Paris 28C.",
        ),
        (
            "The fund made a 13{s} filing in May.",
            "Boeing sold five 777{s} freighters.",
            "Ford sold 40 {s}-Series trucks.",
            "The air force flew 12 {s}-35 jets.",
            "The meeting is in Room 12{s} on Friday.",
        ),
    ),
    Context.MONEY: (
        ("It cost 5,000 {s} in the end.", "They paid 300 {s} for the room."),
        ("The team had 3 {s} and 2 lost.", "He holds 25 {s} shares."),
    ),
}


def _ruled() -> list[tuple[Context, str]]:
    surfaces = {*SURFACES, *CATALOGUE.blocked, *CATALOGUE.never, *CATALOGUE.context, *CATALOGUE.money}
    return sorted({(rule, s) for s in surfaces if (rule := rule_of(CATALOGUE, s)) is not None}, key=str)


RULED = _ruled()


def test_every_rule_holds_surfaces() -> None:
    assert {rule for rule, _ in RULED} == set(Context)
    assert set(RULES) == set(Context)


@pytest.mark.parametrize(("rule", "surface"), RULED, ids=[f"{r.name}:{s}" for r, s in RULED])
def test_a_context_rule_decides_both_ways(rule: Context, surface: str) -> None:
    positives, negatives = RULES[rule]
    if surface not in SURFACES:  # a listed word the catalogue does not have: never a unit
        assert CATALOGUE.lookup(surface, False) is None
        return
    unit = CATALOGUE.money.get(surface) or unit_of(CATALOGUE, surface)
    if rule is Context.MONEY and CATALOGUE.unit(unit).dimension != "currency":
        unit = unit_of(CATALOGUE, surface)
    for template in positives:
        text = template.format(s=surface)
        figures = extract(text)
        assert any(f.unit.startswith(unit) for f in figures), (text, [(f.surface, f.unit) for f in figures])
    for template in negatives:
        text = template.format(s=surface)
        figures = extract(text)
        assert not any(f.unit.startswith(unit) for f in figures), (text, [(f.surface, f.unit) for f in figures])


def test_money_surfaces_are_the_catalogues_elsewhere() -> None:
    """ "20 kn" with no money is a knot; "3 won" with none is nothing."""
    assert [f.unit for f in extract("The ship sailed at 20 kn.")] == ["knot"]
    assert [f.unit for f in extract("It cost 50 kn in Zagreb.")] == ["croatian kuna"]
    assert [f.unit for f in extract("The team had 3 won and 2 lost.")] == ["", ""]


# SI prefixes: made from the prefix table, never listed.

UNITS_TXT = _directives(resources.files("numbers_extract").joinpath("data/units.txt").read_text(encoding="utf-8"))


def _si_lines() -> list[tuple[str, list[str], list[str]]]:
    out = []
    for verb, rest in UNITS_TXT:
        if verb == "si":
            head, _, taken = rest.partition("|")
            name, _, symbols = head.partition(":")
            out.append((name.strip(), symbols.split(), taken.split()))
    return out


def test_every_prefixed_si_unit_is_made() -> None:
    """Each prefix an SI line names, against each of its symbols, in every way the prefix is written
    (micro as "µ" U+00B5 and "μ" U+03BC), is a symbol of one unit, of the unit's dimension unless
    quantulum3 gave the symbol another ("kb" is a kilo base pair)."""
    prefixes = si_prefixes(UNITS_TXT)
    theirs = json.loads(SNAPSHOT.read_text(encoding="utf-8"))["symbols"]
    assert len(prefixes) == 20
    for base, symbols, taken in _si_lines():
        for key in taken:
            prefix = prefixes[key]
            spelt = [w + s for s in symbols for w in prefix.symbols]
            units = {CATALOGUE.symbols[s] for s in spelt}
            assert len(units) == 1, (base, key, units)
            (unit,) = units
            same = CATALOGUE.unit(unit).dimension == CATALOGUE.unit(base).dimension
            assert same or any(s in theirs for s in spelt), (base, key, unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The grains were 352 μm across.", "micrometre"),  # Greek mu, U+03BC
        ("The grains were 352 µm across.", "micrometre"),  # micro sign, U+00B5
        ("The alloy's stiffness is 113 GPa.", "gigapascal"),
        ("The chip's clock runs at 40 kHz.", "kilohertz"),
        ("The farm makes 500 MW at noon.", "megawatt"),
        ("Each dose held 20 ng of the drug.", "nanogram"),
        ("Each dose held 20 nanograms of the drug.", "nanogram"),
        ("The sample held 4 μg of lead.", "microgram"),
        ("The blood held 5 mmol of glucose.", "millimole"),
        ("The country used 600 EJ last year.", "exajoule"),
        ("The patient got 2 Gy of radiation.", "gray"),  # a dose, not a gigayear
        ("The pressure rose 300 Pa overnight.", "pascal"),
        ("The signal lasted 5 ms.", "millisecond"),
        ("The pulse lasted 20 ns.", "nanosecond"),
        ("The battery stores 75 kilowatt-hours.", "kilowatt hour"),
    ],
)
def test_si_prefixes_on_si_units(text: str, unit: str) -> None:
    assert unit in [f.unit for f in extract(text)]


@pytest.mark.parametrize(
    "symbol",
    [
        "Ms",  # a title, not megaseconds
        "Mm",  # an interjection, not megametres
        "pa",  # per annum, a father; "Pa" is the pascal
        "Mg",  # magnesium: the gram takes no "M" here
        "MN",  # Minnesota: the newton takes no "M"
        "TV",
        "MA",
        "PA",
        "GA",  # a television, and states, not teravolts nor megaamperes
        "dam",
        "at",
        "am",
        "pm",
        "as",  # "as" is no attosecond, "am" no attometre
    ],
)
def test_si_prefixes_make_no_unit_of_a_word(symbol: str) -> None:
    assert CATALOGUE.lookup(symbol, False) is None


def test_case_says_which_prefix() -> None:
    lookup = CATALOGUE.lookup
    assert (lookup("ms", False), lookup("Ms", False)) == ("millisecond", None)
    assert (lookup("Pa", False), lookup("pa", False)) == ("pascal", None)
    assert (lookup("mW", False), lookup("MW", False)) == ("milliwatt", "megawatt")
    assert lookup("min", False) == "minute"  # no milli-inch
    assert lookup("Gy", False) == "gray"


# A light property: any unambiguous symbol, after any number as news writes it, in any neutral frame.

PLAIN = sorted(s for s, symbol in SURFACES.items() if symbol and rule_of(CATALOGUE, s) is None)


@given(
    surface=st.sampled_from(PLAIN),
    number=st.sampled_from(["352", "1,250", "4.5", "0.75", "12,000"]),
    frame=st.sampled_from(["The reading was {x} on Monday.", "Officials said {x}, not more.", "It rose to {x}."]),
)
def test_any_symbol_in_any_frame(surface: str, number: str, frame: str) -> None:
    text = frame.format(x=f"{number} {surface}")
    if surface.endswith("."):
        text = text.replace("..", ".")  # an abbreviation's full stop ends the sentence too
    assert found(text, surface, unit_of(CATALOGUE, surface)), (text, [(f.surface, f.unit) for f in extract(text)])
