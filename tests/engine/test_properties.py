"""Property tests: hypothesis searches for inputs that break the table's contract.

Profiles ("ci", the default, and "dev") are registered in conftest.py; pick one with
HYPOTHESIS_PROFILE. Engine bugs found here are kept at the end of this file as minimal literal
inputs: regression tests once fixed, strict xfail while open, so a fix is noticed.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from numbers_extract import Figure, extract
from numbers_extract.engine import numerals
from numbers_extract.engine.context import speech
from numbers_extract.engine.units import load_catalogue

# The documented sets (DESIGN.md, "The table").
KINDS = {"count", "money", "percent", "measure", "duration", "date", "time", "ordinal", "number"}
QUALIFIERS = {"exact", "approximate", "lower_bound", "upper_bound", "range"}


def check_table(text: str, figures: list[Figure], doc: str = "") -> None:
    """The contract every row of every extraction keeps, whatever the input."""
    previous_end = -1
    for f in figures:
        assert 0 <= f.start < f.end <= len(text), f
        assert text[f.start : f.end] == f.surface, f
        assert f.start >= previous_end, f"overlapping or unsorted: {f}"
        previous_end = f.end
        assert f.doc == doc
        assert f.kind in KINDS, f
        for number in (f.value, f.low, f.high):  # JSON has no Infinity or NaN
            assert number is None or isinstance(number, int) or math.isfinite(number), f
        assert f.qualifier in QUALIFIERS, f
        assert f.surface in f.sentence, f
        if f.qualifier == "exact" and f.value is not None:
            assert f.low == f.high == f.value, f
        if f.qualifier == "lower_bound" and f.value is not None:
            assert f.low == f.value and f.high is None, f
        if f.qualifier == "upper_bound" and f.value is not None:
            assert f.high == f.value and f.low is None, f
        if f.qualifier == "range":
            assert f.value is None, f
            if f.low is not None and f.high is not None:
                assert f.low <= f.high, f
        assert (f.kind == "date") == bool(f.date), f
        if not f.unit:
            assert f.dimension == "", f


# ---------------------------------------------------------------------------------------------
# (a) any text: no exception, and the table's contract holds


NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen nineteen twenty "
    "thirty-two forty fifty-five ninety hundred thousand million billion trillion point and a an "
    "dozen half quarter third first second 22nd 3rd hundreds of thousands of dozens of tens scores"
).split()
CUE_WORDS = (
    "about around nearly almost some roughly approximately over under more than fewer less at least "
    "most up to upwards of between from to and or plus odd so ~ > < ≥ ≤ +"
).split()
CONTEXT_WORDS = (
    "The report said people buses rose fell by a an of the in since May June 2011 2018 Section Row "
    "Boeing Gen. U.S. No. according Manning told noon midnight am pm GMT hours old -year-old year-old "
    "per each every a.m. p.m. Jan. 15th FY fiscal"
).split()
SEPARATORS = ["", " ", " ", "  ", ",", ".", "-", "–", "—", "/", ":", "\n", "\u00a0", "\u202f", "\u2009", ". ", ", "]
ODD_CHARS = (
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069"  # bidi marks and overrides
    "\u0301\u0308\u20dd\u0336"  # combining marks
    "\u200b\u200c\u200d\ufeff\u00ad"  # zero width, BOM, soft hyphen
    "٣٤٥٫٬۳३３⁰¹²³⁻½¼¾⅓⅞×−‐‑%٪％$€£¥₹₪"  # other digits, superscripts, fractions, signs, currency
    "\x00\x07\x1b\t\r\x0b\x0c\x85\u2028\u2029"  # control characters and line separators
    "\ud800\udfff"  # lone surrogates
    "\U00016136\U0001e4f1\U0001d7d8"  # digits of newer Unicode versions, mathematical digits
)


@st.composite
def _catalogue_surface(draw: st.DrawFn) -> str:
    catalogue = load_catalogue()
    table = draw(st.sampled_from([catalogue.words, catalogue.symbols, catalogue.prefixes]))
    return draw(st.sampled_from(sorted(table)))


_digits = st.one_of(
    st.integers(min_value=-(10**15), max_value=10**15).map(str),
    st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:,}"),
    st.decimals(min_value=-(10**6), max_value=10**6, places=3, allow_nan=False).map(lambda d: format(d, "f")),
    st.from_regex(r"\A[0-9]{1,4}([ ,.][0-9]{1,4}){0,3}[kmbKMB]?\Z", fullmatch=True),
    st.from_regex(r"\A[0-9]{1,3}(\.[0-9]+)?([eE][-+]?|\s?x\s?10\^?)[0-9]{1,4}\Z", fullmatch=True),  # 1.5e6, 6 x 10^23
)
_long_digits = st.builds(  # a million digits must not crash the reader, nor become Infinity
    lambda head, chunk, times, tail: head + chunk * times + tail,
    st.sampled_from(["", "1", "0.", "1."]),
    st.sampled_from(["9", ",999", " 999", "0"]),
    st.integers(min_value=100, max_value=6000),
    st.sampled_from(["", ".5", " thousand", " dollars", "e5", "%", " km"]),
)
_token = st.one_of(
    _digits,
    st.sampled_from(NUMBER_WORDS),
    st.sampled_from(CUE_WORDS),
    st.sampled_from(CONTEXT_WORDS),
    _catalogue_surface(),
    st.sampled_from(list(ODD_CHARS)),
)
_soup = st.lists(st.tuples(_token, st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(token + sep for token, sep in parts)
)
_odd_text = st.text(alphabet=st.sampled_from(list(ODD_CHARS) + list("0123456789 ,.-kmKM$%")), max_size=60)
any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec=None, exclude_categories=())),  # surrogates included
    _odd_text,
    _soup,
    _long_digits,
    st.lists(st.one_of(_soup, _odd_text, st.text(max_size=5)), max_size=4).map("".join),
)


@given(text=any_text, doc=st.sampled_from(["", "a.txt", "dir/ünïcode name.md"]))
@example(text="", doc="")
@example(text="\ud800 1,600 people", doc="")
@example(text="Some 1,600 people left in 32 buses.\u202e 19 and 1,900 square miles", doc="x")
@example(text="between 10 and 20 km, from $10 to $15 billion, up to 5, more than 19 square miles", doc="")
def test_any_text_keeps_the_table_contract(text: str, doc: str) -> None:
    figures = extract(text, doc=doc)
    assert isinstance(figures, list)
    check_table(text, figures, doc)


# ---------------------------------------------------------------------------------------------
# (b) a number written in any supported style, with a unit, reads back as the same value

UNIT_SURFACES = (
    "kilometres", "square miles", "hours", "kilograms", "per cent", "percent", "dollars",
    "miles per hour", "megawatts", "litres", "tonnes", "euros", "metres", "square kilometres",
    "minutes", "days", "acres", "feet", "gallons", "barrels",
)  # fmt: skip


@pytest.mark.parametrize("surface", UNIT_SURFACES)
def test_the_unit_surfaces_used_below_are_in_the_catalogue(surface: str) -> None:
    assert load_catalogue().lookup(surface, False) is not None


_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"))


def to_words(n: int, hyphen: bool = True, british_and: bool = False) -> str:
    """1600 -> "one thousand six hundred"; 42 -> "forty-two" (or "forty two"); 205 -> "two hundred (and) five"."""
    if n < 20:
        return _SMALL[n]
    if n < 100:
        tens, rest = divmod(n, 10)
        return _TENS[tens] + (("-" if hyphen else " ") + _SMALL[rest] if rest else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = _SMALL[hundreds] + " hundred"
        if not rest:
            return head
        return head + (" and " if british_and else " ") + to_words(rest, hyphen)
    for scale, name in _SCALES:
        if n >= scale:
            top, rest = divmod(n, scale)
            head = to_words(top, hyphen, british_and) + " " + name
            return head + (" " + to_words(rest, hyphen, british_and) if rest else "")
    raise AssertionError(n)


def test_to_words_writes_english() -> None:
    assert to_words(1600) == "one thousand six hundred"
    assert to_words(42, hyphen=False) == "forty two"
    assert to_words(205, british_and=True) == "two hundred and five"
    assert to_words(2_000_017) == "two million seventeen"


def _plain(d: Decimal) -> str:
    return format(d, "f")


_amounts = st.builds(
    lambda mantissa, places: Decimal(mantissa).scaleb(-places),
    st.integers(min_value=0, max_value=10**10),
    st.sampled_from([0, 0, 0, 1, 2, 3]),
)
_mantissas = st.builds(  # 1 to 999.999, as a writer puts before "thousand" or "k"
    lambda mantissa, places: Decimal(mantissa).scaleb(-places).normalize(),
    st.integers(min_value=1, max_value=999_999),
    st.sampled_from([0, 1, 2, 3]),
).filter(lambda d: 1 <= d < 1000)
SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
SCALE_SUFFIXES = {"k": 10**3, "m": 10**6, "bn": 10**9}


@st.composite
def written_numbers(draw: st.DrawFn, words: bool = True) -> tuple[float, str]:
    """A number and one way to write it: 1600, 1,600, 1 600, 1.6 thousand, 1.6k, one thousand six hundred."""
    styles = ["plain", "comma", "space", "scale word", "suffix"] + (["words"] if words else [])
    style = draw(st.sampled_from(styles))
    if style == "plain":
        d = draw(_amounts)
        return float(d), _plain(d)
    if style == "comma":
        d = draw(_amounts)
        return float(d), format(d, ",f")
    if style == "space":
        n = draw(st.integers(min_value=1000, max_value=10**10))
        return float(n), f"{n:,}".replace(",", " ")
    if style == "scale word":
        m, word = draw(_mantissas), draw(st.sampled_from(sorted(SCALE_WORDS)))
        return float(m * SCALE_WORDS[word]), f"{_plain(m)} {word}"
    if style == "suffix":
        m, suffix = draw(_mantissas), draw(st.sampled_from(sorted(SCALE_SUFFIXES)))
        return float(m * SCALE_SUFFIXES[suffix]), f"{_plain(m)}{suffix}"
    n = draw(st.integers(min_value=0, max_value=10**12 - 1))
    return float(n), to_words(n, hyphen=draw(st.booleans()), british_and=draw(st.booleans()))


@st.composite
def figures_in_a_sentence(draw: st.DrawFn) -> tuple[str, float, str, str]:
    """(sentence template with {cue}, value, the figure as written, the unit name it must resolve to)."""
    catalogue = load_catalogue()
    if draw(st.booleans()):
        value, written = draw(written_numbers(words=False))  # a dollar sign goes before digits
        figure, unit = "$" + written, catalogue.prefixes["$"]
    else:
        value, written = draw(written_numbers())
        surface = draw(st.sampled_from(UNIT_SURFACES))
        figure, unit = f"{written} {surface}", catalogue.lookup(surface, False) or ""
    return "The report counted {cue}" + figure + " last week.", value, figure, unit


@given(case=figures_in_a_sentence())
@example(case=("The report counted {cue}1,600 square miles last week.", 1600.0, "1,600 square miles", "square mile"))
@example(case=("The report counted {cue}$1.6k last week.", 1600.0, "$1.6k", "dollar"))
@example(case=("The report counted {cue}1600 hours last week.", 1600.0, "1600 hours", "hour"))
@example(case=("The report counted {cue}one thousand six hundred per cent last week.", 1600.0,
               "one thousand six hundred per cent", "percentage"))  # fmt: skip
def test_a_written_number_reads_back_with_its_unit(case: tuple[str, float, str, str]) -> None:
    template, value, figure, unit = case
    text = template.format(cue="")
    figures = extract(text)
    assert len(figures) == 1, (text, figures)
    (f,) = figures
    assert f.surface == figure
    assert f.value is not None and math.isclose(f.value, value, rel_tol=1e-9, abs_tol=1e-9), (text, f.value)
    assert f.unit == unit
    assert f.qualifier == "exact"


# ---------------------------------------------------------------------------------------------
# (c) a qualifier cue never changes the value: it sets the qualifier and the bounds

CUES = {
    "about": "approximate", "around": "approximate", "nearly": "approximate", "some": "approximate",
    "roughly": "approximate", "almost": "approximate", "approximately": "approximate",
    "more than": "lower_bound", "at least": "lower_bound", "over": "lower_bound", "upwards of": "lower_bound",
    "up to": "upper_bound", "fewer than": "upper_bound", "under": "upper_bound", "at most": "upper_bound",
    "less than": "upper_bound",
}  # fmt: skip


@given(case=figures_in_a_sentence(), cue=st.sampled_from(sorted(CUES)))
@example(case=("The report counted {cue}1,600 square miles last week.", 1600.0, "1,600 square miles", "square mile"),
         cue="more than")  # fmt: skip
def test_a_qualifier_cue_never_changes_the_value(case: tuple[str, float, str, str], cue: str) -> None:
    template, _, figure, _ = case
    plain = extract(template.format(cue=""))
    cued_text = template.format(cue=cue + " ")
    cued = extract(cued_text)
    assert len(plain) == len(cued) == 1, (cued_text, plain, cued)
    before, after = plain[0], cued[0]
    assert after.surface == f"{cue} {figure}"
    assert after.value == before.value
    assert (after.unit, after.kind) == (before.unit, before.kind)
    assert after.qualifier == CUES[cue]
    if after.qualifier == "lower_bound":
        assert (after.low, after.high) == (after.value, None)
    elif after.qualifier == "upper_bound":
        assert (after.low, after.high) == (None, after.value)


# ---------------------------------------------------------------------------------------------
# (d) every numeral in words is found: the scan that tries the word pattern only where a word can
# open one finds exactly what the pattern finds tried at every character

_WORDS_OF_NUMERALS = sorted(
    {
        *numerals.SMALL,
        *numerals.TENS,
        *numerals.SCALES,
        *numerals.ORDINAL_WORDS,
        *numerals.FRACTION_WORDS,
        *(w for count in (*numerals.FEW, *numerals.VAGUE) for w in count.split()),
        *"a an and of more point dozen dozens half-dozen several the people were killed".split(),
    }
)
_numeral_soup = st.lists(
    st.tuples(
        st.sampled_from(_WORDS_OF_NUMERALS).map(str.lower) | st.sampled_from(_WORDS_OF_NUMERALS).map(str.title),
        st.sampled_from([" ", " ", "-", ", ", ". ", "", "5", "é", "\n"]),
    ),
    max_size=30,
).map(lambda parts: "".join(token + sep for token, sep in parts))


@given(text=_numeral_soup)
@example(text="a few hundred people, several dozen, two-thirds of the 21st and a half-dozen")
@example(text="Hundreds of thousands were killed and twenty five5one more")
def test_every_numeral_in_words_is_found(text: str) -> None:
    everywhere = [m.span() for m in numerals.word_pattern().finditer(text)]
    assert [m.span() for m in numerals.scan(text, 0, len(text)) if not text[m.start()].isdigit()] == everywhere


# (e) every attribution cue is found: "said", "according", "quoted" looked for where such a word
# starts give what the cue pattern finds tried at every character

_CUE_WORDS = sorted(
    {
        *speech._CUE_WORDS,
        *"the survey study police said to by on that it officials figures released found analysts".split(),
        *"Said According Quoted reported. put it at 50 estimates".split(),
    }
)
_cue_soup = st.lists(
    st.tuples(st.sampled_from(_CUE_WORDS), st.sampled_from([" ", " ", ", ", ". ", "-", "", "5", "é"])), max_size=25
).map(lambda parts: "".join(token + sep for token, sep in parts))


@given(text=_cue_soup)
@example(text="The survey found that 40% of officials said, according to police, and quoted one analyst")
@example(text="Analysts put the estimates at 5; figures released by the ONS found 3self-reported")
def test_every_attribution_cue_is_found(text: str) -> None:
    assert [m.span() for m in speech.cues(text)] == [m.span() for m in speech._ANY_CUE.finditer(text)]


# ---------------------------------------------------------------------------------------------
# Bugs the properties above found, as minimal inputs. Fixed ones stay as regression tests; an
# open one is a strict xfail with its literal input, so a fix is noticed (then drop the mark).


@pytest.mark.parametrize("text", ["He came third.", "She finished 3rd."])
def test_bug_an_exact_ordinal_has_low_and_high(text: str) -> None:
    (f,) = extract(text)
    assert (f.kind, f.qualifier, f.value) == ("ordinal", "exact", 3)
    assert f.low == f.high == 3  # was None, None


@pytest.mark.parametrize("text", ["5$ 10", "5A $6", "400\u2009€ 5"])
def test_bug_a_currency_symbol_between_two_numbers_gives_disjoint_figures(text: str) -> None:
    # was "5$" and "$ 10" (offsets 0-2 and 1-5); "5A" (ampere) and "A $6" (Australian dollar)
    check_table(text, extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "1e400",  # was OverflowError from 10.0 ** 400
        "9" * 4301,  # was ValueError: int() refuses more than 4300 digits
        "2e308",  # was value inf, written to JSON Lines as Infinity
        "9" * 309 + ".5",  # likewise
    ],
    ids=["1e400", "4301 digits", "2e308", "310-digit decimal"],
)
def test_bug_a_huge_number_neither_crashes_nor_becomes_infinity(text: str) -> None:
    check_table(text, extract(text))


def test_bug_2900_hours_is_a_duration_not_a_clock_time() -> None:
    (f,) = extract("The report counted 2900 hours last week.")
    assert (f.value, f.unit, f.kind) == (2900, "hour", "duration")  # was None, "", "time" (military time)


@pytest.mark.parametrize("text", ["It took one hour.", "It cost one dollar."])
def test_bug_one_with_a_unit_is_a_figure(text: str) -> None:
    (f,) = extract(text)  # was no figure: dropped as the pronoun "one"
    assert f.value == 1


@pytest.mark.parametrize(
    "text",
    ["\U00016136", "It cost \U0001e4f1 dollars.", ".\U0001e4f1", "1e100\U0001e4f1", "0.510\U0001e4f1"],
    ids=["U+16136", "U+1E4F1", "decimal", "exponent", "decimal digits"],
)
def test_bug_a_digit_from_a_newer_unicode_does_not_crash(text: str) -> None:
    # regex's \d matches Unicode 15/16 digits (Gurung Khema, Nag Mundari) that Python 3.11's
    # unicodedata 14.0 does not know: str.isdigit() was False and int()/float() raised ValueError
    check_table(text, extract(text))
