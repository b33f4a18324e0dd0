"""The word classes (data/lexicon/*.txt), validated as data, and what they do in the output."""

from __future__ import annotations

import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import pytest
import regex

from numbers_extract import extract
from numbers_extract.engine import lexicon as lexicon_module
from numbers_extract.engine.lexicon import CLASSES, Lexicon, alternation, lexicon, read_class

DATA = Path(str(resources.files("numbers_extract").joinpath("data/lexicon")))
ENGINE = Path(lexicon_module.__file__).parent
FILES = sorted(p.stem for p in DATA.glob("*.txt") if p.name != "README.txt")


def _expanded(name: str) -> set[str]:
    """A class's words with those of the classes it includes, read straight from the files."""
    found = read_class(name)
    out = set(found.entries)
    for other in found.include:
        out |= _expanded(other)
    return out


@pytest.fixture(scope="module")
def engine_code() -> str:
    """The engine's source, but for the loader itself."""
    return "\n".join(p.read_text(encoding="utf-8") for p in ENGINE.rglob("*.py") if p.name != "lexicon.py")


def test_every_class_the_code_reads_has_a_file() -> None:
    assert sorted(set(CLASSES) - set(FILES)) == []
    lexicon()  # and loads


def test_every_file_is_a_class_the_code_reads() -> None:
    assert sorted(set(FILES) - set(CLASSES)) == [], "a file no field of Lexicon reads: add the field or drop it"


def test_every_class_is_used(engine_code: str) -> None:
    included = {other for name in FILES for other in read_class(name).include}
    unused = [name for name in CLASSES if name not in included and not re.search(rf"\.{name}\b", engine_code)]
    assert unused == [], "classes nothing reads: drop them"


def test_a_misspelt_class_fails_loudly() -> None:
    with pytest.raises(AttributeError):
        lexicon().trend_upp  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(LookupError, match="no file"):
        read_class("trend_upp")


@pytest.mark.parametrize("name", FILES)
def test_a_class_file_is_documented(name: str) -> None:
    found = read_class(name)
    first = (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and found.about, f"{name}.txt: say what the class is in its first comment lines"
    assert len(" ".join(found.about)) >= 30, f"{name}.txt: say what the class is and what the code does with it"


@pytest.mark.parametrize("name", FILES)
def test_a_class_file_is_well_formed(name: str) -> None:
    found = read_class(name)
    assert found.entries, f"{name}.txt: no entries"
    for entry in found.entries:
        assert entry == entry.strip() and "  " not in entry and "\t" not in entry, f"{name}.txt: {entry!r}"
        assert found.case_sensitive or entry == entry.lower(), f"{name}.txt: {entry!r} is not lower case"
    for entry, value in zip(found.entries, found.values, strict=True):
        if found.kind == "int":
            assert re.fullmatch(r"-?\d+", value), f"{name}.txt: {entry} = {value!r}"
        elif found.kind == "int pair":
            assert re.fullmatch(r"\d+ \d+", value), f"{name}.txt: {entry} = {value!r}"
        elif found.kind == "text":
            assert value and value == value.strip(), f"{name}.txt: {entry} = {value!r}"
        else:
            assert not value, f"{name}.txt: {entry!r} has a value but the class declares none"
    for other in (*found.include, *found.disjoint):
        assert other in FILES, f"{name}.txt names {other!r}, which is no class"


@pytest.mark.parametrize("name", FILES)
def test_no_word_is_listed_twice(name: str) -> None:
    found = read_class(name)
    repeated = sorted({e for e in found.entries if found.entries.count(e) > 1})
    assert repeated == [], f"{name}.txt lists these twice"
    included = sorted({e for e in found.entries for other in found.include if e in _expanded(other)})
    assert included == [], f"{name}.txt lists these again though it includes {found.include}"


@pytest.mark.parametrize(
    ("name", "other"), [(name, other) for name in FILES for other in read_class(name).disjoint], ids=str
)
def test_disjoint_classes_share_no_word(name: str, other: str) -> None:
    assert sorted(_expanded(name) & _expanded(other)) == []


def test_a_class_is_immutable() -> None:
    words = lexicon()
    assert words is lexicon()
    assert isinstance(words.trend_up, frozenset)
    assert isinstance(words.months, Mapping)
    with pytest.raises(TypeError):
        words.months["smarch"] = 13  # type: ignore[index]
    with pytest.raises(AttributeError):
        words.trend_up = frozenset()
    with pytest.raises(AttributeError):
        del words.trend_up


def test_values_are_read() -> None:
    words = lexicon()
    assert words.months["may"] == 5
    assert words.month_abbreviations["sept"] == 9


def test_a_class_holds_what_it_includes() -> None:
    words = lexicon()
    assert words.months.keys() <= words.not_names
    assert {"the", "its", "those"} <= words.stop_words


def test_the_field_types_are_those_the_files_declare() -> None:
    declared = {
        "": "frozenset[str]",
        "int": "Mapping[str, int]",
        "int pair": "Mapping[str, tuple[int, int]]",
        "text": "Mapping[str, str]",
    }
    for name, annotation in Lexicon.__annotations__.items():
        assert annotation == declared[read_class(name).kind], name


def test_an_alternation_is_escaped_longest_first_and_stable() -> None:
    pattern = alternation(["a.m.", "more than", "more", "a"])
    assert pattern == r"(?:more\s+than|a\.m\.|more|a)"
    assert alternation(["b", "a"]) == alternation(["a", "b"])
    assert regex.fullmatch(pattern, "more \n than")
    assert not regex.fullmatch(pattern, "axmx")
    assert alternation(["may"], capitalise=True, suffix=r"\.?") == r"(?:May\.?)"
    with pytest.raises(ValueError):
        alternation([])


# what a user sees: a word of a class does what its file says


@pytest.mark.parametrize("month", sorted(lexicon().months))
def test_every_month_reads_as_a_date(month: str) -> None:
    (figure,) = extract(f"It opened on {month.capitalize()} 5, 2020.")
    assert (figure.kind, figure.date) == ("date", f"2020-{lexicon().months[month]:02d}-05")


@pytest.mark.parametrize("month", sorted(lexicon().month_abbreviations))
def test_every_month_abbreviation_reads_as_a_date(month: str) -> None:
    (figure,) = extract(f"It opened on {month.capitalize()}. 5, 2020.")
    assert (figure.kind, figure.date) == ("date", f"2020-{lexicon().month_abbreviations[month]:02d}-05")


def _after(cue: str) -> str:
    """A cue written after 50, as its class file says: a word after a space, a symbol against it."""
    return f"It has 50{' ' if cue[0].isalpha() else ''}{cue} staff."


# every word of a class, in a sentence, gives what the class is for: (class, sentence, what to read
# from the figures, what it must be). A word added to the wrong class fails here.
BEHAVIOUR = {
    "trend_up": ("Sales {} 5% last year.", lambda fs, w: [f.trend for f in fs], lambda w: ["up"]),
    "trend_down": ("Sales {} 5% last year.", lambda fs, w: [f.trend for f in fs], lambda w: ["down"]),
    "trend_noun_up": ("It reported a 5% {} in sales.", lambda fs, w: [f.trend for f in fs], lambda w: ["up"]),
    "trend_noun_down": ("It reported a 5% {} in sales.", lambda fs, w: [f.trend for f in fs], lambda w: ["down"]),
    "number_words": ("They saw {} dogs.", lambda fs, w: [f.value for f in fs], lambda w: [lexicon().number_words[w]]),
    "number_tens": ("They saw {} dogs.", lambda fs, w: [f.value for f in fs], lambda w: [lexicon().number_tens[w]]),
    "ordinal_words": (
        "She finished {} in the race.",
        lambda fs, w: [(f.value, f.kind) for f in fs],
        lambda w: [(lexicon().ordinal_words[w], "ordinal")],
    ),
    "vague_counts": (
        "There were {} of people.",
        lambda fs, w: [(f.low, f.high, f.qualifier) for f in fs],
        lambda w: [(*lexicon().vague_counts[w], "range")],
    ),
    "scale_suffixes": (
        "It cost $3{}.",
        lambda fs, w: [f.value for f in fs],
        lambda w: [3 * lexicon().scale_suffixes[w]],
    ),
    "speech_verbs": ("Smith {} that 40 people had died.", lambda fs, w: [f.source for f in fs], lambda w: ["Smith"]),
    "studies": (
        "A {} of adults by YouGov found 40% were worried.",
        lambda fs, w: [f.source for f in fs],
        lambda w: ["YouGov"],
    ),
    "time_zones": ("It starts at 5 pm {} today.", lambda fs, w: [f.surface for f in fs], lambda w: [f"5 pm {w}"]),
    "label_nouns": ("See {} 427 for details.", lambda fs, w: [f.kind for f in fs], lambda w: ["number"]),
    "people_of_an_age": (
        "The rule covers {} over 65.",
        lambda fs, w: [(f.unit, f.qualifier) for f in fs],
        lambda w: [("year", "lower_bound")],
    ),
    "index_names": ("The {} 500 fell 2% on Monday.", lambda fs, w: [f.surface for f in fs], lambda w: ["2%"]),
}


@pytest.mark.parametrize("name", sorted(BEHAVIOUR))
def test_every_word_of_a_class_does_what_its_file_says(name: str) -> None:
    template, read, want = BEHAVIOUR[name]
    wrong = []
    for word in sorted(getattr(lexicon(), name)):
        written = word.capitalize() if name == "label_nouns" else word.upper() if name == "index_names" else word
        got = read(extract(template.format(written)), word)
        if got != want(word):
            wrong.append((word, got))
    assert wrong == []


@pytest.mark.parametrize(
    ("name", "qualifier"),
    [("qualifier_after_approximate", "approximate"), ("qualifier_after_lower_bound", "lower_bound"),
     ("qualifier_after_upper_bound", "upper_bound")],
)  # fmt: skip
def test_every_qualifier_cue_after_a_number_qualifies(name: str, qualifier: str) -> None:
    wrong = [
        (cue, got)
        for cue in sorted(getattr(lexicon(), name))
        if (got := [f.qualifier for f in extract(_after(cue))]) != [qualifier]
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("name", "qualifier"),
    [
        ("qualifier_approximate", "approximate"),
        ("qualifier_lower_bound", "lower_bound"),
        ("qualifier_upper_bound", "upper_bound"),
    ],
)
def test_every_qualifier_cue_qualifies(name: str, qualifier: str) -> None:
    wrong = []
    for cue in sorted(getattr(lexicon(), name)):
        if cue in ("c.", "ca."):
            continue  # known: the sentence splitter ends a sentence at "c. 40" (not an abbreviation it knows)
        text = f"The plant employs {cue}{'' if cue.endswith('-') else ' '}40 workers."
        got = [f.qualifier for f in extract(text)]
        if got != [qualifier]:
            wrong.append((cue, got))
    assert wrong == []


def test_emergency_numbers_are_three_digits() -> None:
    """NUMERAL's cheap test for digits sends only three digits to the emergency rule."""
    assert all(len(n) == 3 and n.isdigit() for n in lexicon().emergency_numbers)
