"""English as data: every word class the engine knows, loaded once from data/lexicon/<class>.txt.

The code says what to do with a class; the files say which words are in it. A class is a meaning
("verbs of upward change", "speech verbs", "months"), listed once; a word may belong to several
classes with different meanings ("cut" is a verb of change and a noun).

The file format (data/lexicon/README.txt says the same)::

    # What the class is, and what the code does with it: the first comment lines, required.
    # disjoint: trend_down, other_class     no word may be in both this class and those
    # include: months, weekdays             this class also holds every word of those classes
    # values: int                           each entry maps to a number:      "twenty = 20"
    # values: int pair                      ... or to two (an interval):       "dozens = 12 144"
    # values: text                          ... or to words:                   "TDs = touchdowns"
    # case: sensitive                       entries keep their case ("K", "M"); else all lower case
    rose
    more than

A file opens with its header, comment lines: first what the class is, then the directives, comments
of the form ``# key: value`` with one of the keys above. Every later line is one entry, which may
hold spaces ("close to"), unless it is blank or a comment (``#``), which group a file for reading
and mean nothing. A space in an entry matches any run of white space where a pattern is built from
the class (:func:`alternation`).

:class:`Lexicon` has one field per class, named as its file: a misspelt class is a type error, a
field without a file fails on load, and tests/engine/test_lexicon.py checks the files. A class the
code derives from others is a property of it (``past_trend_verbs``: those of trend_up and trend_down
in the past tense). :func:`alternation` writes a class as a pattern.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any, Literal

import regex

Values = Literal["", "int", "int pair", "text"]
_VALUES: Mapping[str, Values] = MappingProxyType({"": "", "int": "int", "int pair": "int pair", "text": "text"})
DIRECTIVES = ("disjoint", "include", "values", "case")


@dataclass(frozen=True, slots=True)
class ClassFile:
    """One class file as written: its entries in order (repeats kept, for the tests) and directives."""

    name: str
    about: tuple[str, ...]  # the leading comment lines that say what the class is
    entries: tuple[str, ...]
    values: tuple[str, ...]  # the value written after each entry ("20", "12 144"), or "" each
    disjoint: tuple[str, ...]
    include: tuple[str, ...]
    kind: Values
    case_sensitive: bool


@cache
def _directory() -> Traversable:
    return resources.files("numbers_extract").joinpath("data/lexicon")


@cache
def read_class(name: str) -> ClassFile:
    """data/lexicon/<name>.txt, parsed as the module docstring describes."""
    try:
        text = _directory().joinpath(f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LookupError(f"word class {name!r}: no file data/lexicon/{name}.txt") from None
    lines = text.splitlines()
    about: list[str] = []
    directives: dict[str, str] = {}
    k = 0
    while k < len(lines) and (not lines[k] or lines[k][0] == "#"):  # the header: what the class is, directives
        key, colon, rest = lines[k][1:].strip().partition(":")
        if colon and key in DIRECTIVES:
            directives[key] = rest.strip()
        elif lines[k] and not directives:
            about.append(lines[k][1:].strip())
        k += 1
    # the entries as written (stray white space fails a test, it is not mended here), and their values
    split = [line.partition(" = ") for line in lines[k:] if line and line[0] != "#" and not line.isspace()]
    entries = [entry for entry, _, _ in split]
    values = [value.strip() for _, _, value in split]
    kind = _VALUES.get(directives.get("values", ""))
    if kind is None:
        raise ValueError(f"data/lexicon/{name}.txt: unknown values {directives['values']!r}")
    return ClassFile(
        name=name,
        about=tuple(about),
        entries=tuple(entries),
        values=tuple(values),
        disjoint=_names(directives.get("disjoint", "")),
        include=_names(directives.get("include", "")),
        kind=kind,
        case_sensitive=directives.get("case", "") == "sensitive",
    )


def _names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in text.split(",") if n.strip())


class Lexicon:
    """Every word class, one field per file in data/lexicon/ (see the module docstring). Read-only, like a
    frozen dataclass, which it is not because a dataclass of this many fields takes 15 ms to define."""

    # function words
    articles: frozenset[str]
    possessives: frozenset[str]
    referring_pronouns: frozenset[str]
    referring_possessives: frozenset[str]
    personal_pronouns: frozenset[str]
    demonstratives: frozenset[str]
    determiners: frozenset[str]
    prepositions: frozenset[str]
    time_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    name_connectors: frozenset[str]
    speaker_links: frozenset[str]
    copulas: frozenset[str]
    auxiliaries: frozenset[str]
    verb_adverbs: frozenset[str]
    relative_pronouns: frozenset[str]
    particles: frozenset[str]
    clause_conjunctions: frozenset[str]
    relative_words: frozenset[str]
    list_adverbs: frozenset[str]
    as_idioms: frozenset[str]
    stop_words: frozenset[str]
    # numbers in words
    number_words: Mapping[str, int]
    number_tens: Mapping[str, int]
    number_scales: Mapping[str, int]
    number_scales_indian: Mapping[str, int]
    scale_suffixes: Mapping[str, int]
    scale_suffixes_spaced: frozenset[str]
    ordinal_words: Mapping[str, int]
    fraction_words: Mapping[str, int]
    vague_counts: Mapping[str, tuple[int, int]]
    vague_counts_alone: frozenset[str]
    vague_count_verbs: frozenset[str]
    few_counts: Mapping[str, tuple[int, int]]
    # qualifier cues, one class per qualifier: before the number, and after it
    qualifier_approximate: frozenset[str]
    qualifier_lower_bound: frozenset[str]
    qualifier_upper_bound: frozenset[str]
    qualifier_after_approximate: frozenset[str]
    qualifier_after_lower_bound: frozenset[str]
    qualifier_after_upper_bound: frozenset[str]
    figure_lead_ins: frozenset[str]
    moved_before_up_to: frozenset[str]
    over_bounds_after: frozenset[str]
    # change
    trend_up: frozenset[str]
    trend_down: frozenset[str]
    trend_noun_up: frozenset[str]
    trend_noun_down: frozenset[str]
    trend_after_up: frozenset[str]
    trend_after_down: frozenset[str]
    change_nouns: frozenset[str]
    change_adjectives: frozenset[str]
    change_from_words: frozenset[str]
    phrasal_up: frozenset[str]
    funding_verbs: frozenset[str]
    pass_over: frozenset[str]
    noun_markers: frozenset[str]
    pace_adjectives: frozenset[str]
    pace_nouns: frozenset[str]
    states: frozenset[str]
    # the calendar and time
    months: Mapping[str, int]
    month_abbreviations: Mapping[str, int]
    weekdays: frozenset[str]
    weekday_abbreviations: frozenset[str]
    relative_days: frozenset[str]
    when_words: frozenset[str]
    time_words: frozenset[str]
    time_units: frozenset[str]
    periodic: frozenset[str]
    period_markers: frozenset[str]
    period_pointers: frozenset[str]
    time_zones: frozenset[str]
    named_times: frozenset[str]
    dating_words: frozenset[str]
    # what makes a number a year, a rank, a name, a modifier or an idiom
    before_year: frozenset[str]
    dated_nouns: frozenset[str]
    scale_labels: frozenset[str]
    label_nouns: frozenset[str]
    label_nouns_lower_case: frozenset[str]
    version_words: frozenset[str]
    index_names: frozenset[str]
    names_in_s: frozenset[str]
    not_names: frozenset[str]
    before_hyphen_number: frozenset[str]
    not_counted_compounds: frozenset[str]
    zero_idioms: frozenset[str]
    one_source_nouns: frozenset[str]
    ordinal_idioms: frozenset[str]
    ordinal_compounds: frozenset[str]
    rank_verbs: frozenset[str]
    street_words: frozenset[str]
    standing_nouns: frozenset[str]
    k_nouns: frozenset[str]
    emergency_numbers: frozenset[str]
    calling_verbs: frozenset[str]
    call_nouns: frozenset[str]
    # people
    people_plurals: frozenset[str]
    people_collectives: frozenset[str]
    people_of_an_age: frozenset[str]
    # nouns, verbs and the phrases they make
    irregular_plurals: frozenset[str]
    singular_men: frozenset[str]
    not_plurals_in_s: frozenset[str]
    not_plurals_before: frozenset[str]
    irregular_past: frozenset[str]
    verbs: frozenset[str]
    verbs_in_s: frozenset[str]
    gerund_nouns: frozenset[str]
    noun_verbs: frozenset[str]
    imperatives: frozenset[str]
    ly_not_adverbs: frozenset[str]
    wholes: frozenset[str]
    attribute_nouns: frozenset[str]
    adding_verbs: frozenset[str]
    comparatives: frozenset[str]
    than_comparatives: frozenset[str]
    adverbs_after: frozenset[str]
    more_words: frozenset[str]
    size_words: frozenset[str]
    figure_adjectives: frozenset[str]
    in_noun_phrase: frozenset[str]
    in_idioms: frozenset[str]
    leading_words: frozenset[str]
    trailing_words: frozenset[str]
    aside_adverbs: frozenset[str]
    not_subject_heads: frozenset[str]
    before_adjectives: frozenset[str]
    describing_participles: frozenset[str]
    per_nouns: frozenset[str]
    aggregates: frozenset[str]
    record_nouns: frozenset[str]
    not_modifiers: frozenset[str]
    not_lasting: frozenset[str]
    range_verbs: frozenset[str]
    price_verbs: frozenset[str]
    deal_verbs: frozenset[str]
    put_at_verbs: frozenset[str]
    counted_abbreviations: Mapping[str, str]
    level_verbs: frozenset[str]
    # measures
    temperature_words: frozenset[str]
    bound_directions: frozenset[str]
    angle_words: frozenset[str]
    race_words: frozenset[str]
    force_nouns: frozenset[str]
    # money and rates
    money_words: frozenset[str]
    money_nouns: frozenset[str]
    rate_nouns: frozenset[str]
    not_per: frozenset[str]
    not_rate_after: frozenset[str]
    deductions: frozenset[str]
    currency_codes_english: frozenset[str]
    currency_codes_excluded: frozenset[str]
    currency_codes_named: frozenset[str]
    currency_code_scales: Mapping[str, int]
    currency_words_lower_case: frozenset[str]
    # speakers
    speech_verbs: frozenset[str]
    speech_before_speaker: frozenset[str]
    speech_before_what_was_said: frozenset[str]
    passive_speech_verbs: frozenset[str]
    published_verbs: frozenset[str]
    forecast_verbs: frozenset[str]
    noun_then_verb: frozenset[str]
    estimate_nouns: frozenset[str]
    speaker_nouns: frozenset[str]
    titles: frozenset[str]
    experts: frozenset[str]
    spokespeople: frozenset[str]
    studies: frozenset[str]
    research_nouns: frozenset[str]
    data_nouns: frozenset[str]
    person_heads: frozenset[str]
    generic_speakers: frozenset[str]
    organisation_words: frozenset[str]
    company_words: frozenset[str]
    company_suffixes: frozenset[str]
    public_bodies: frozenset[str]
    media_words: frozenset[str]
    not_speakers: frozenset[str]
    speaker_openers: frozenset[str]
    # sentences
    abbreviations: frozenset[str]
    may_end_sentence: frozenset[str]
    sentence_starters: frozenset[str]

    __slots__ = tuple(__annotations__)

    def __init__(self, classes: Mapping[str, Any]) -> None:
        for name in self.__slots__:
            object.__setattr__(self, name, classes[name])

    @property
    def past_trend_verbs(self) -> frozenset[str]:
        """The verbs of change in the past tense ("rose", "fell", "jumped"): those of trend_up and
        trend_down in -ed or in irregular_past."""
        moved = self.trend_up | self.trend_down
        return frozenset(w for w in moved if w.endswith("ed") or w in self.irregular_past)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"the lexicon is read-only: {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"the lexicon is read-only: {name}")


# the field types a class may have, and the values its file must declare for each
_KINDS: Mapping[str, Values] = MappingProxyType(
    {
        "frozenset[str]": "",
        "Mapping[str, int]": "int",
        "Mapping[str, tuple[int, int]]": "int pair",
        "Mapping[str, str]": "text",
    }
)
CLASSES: tuple[str, ...] = Lexicon.__slots__


def _words(name: str, seen: tuple[str, ...] = ()) -> frozenset[str]:
    """The words of a class with those of the classes it includes."""
    if name in seen:
        raise ValueError(f"data/lexicon/{name}.txt: includes itself ({' > '.join((*seen, name))})")
    found = read_class(name)
    out = set(found.entries)
    for other in found.include:
        out |= _words(other, (*seen, name))
    return frozenset(out)


def _value(name: str, kind: Values) -> Any:
    found = read_class(name)
    if found.kind != kind:
        raise TypeError(f"data/lexicon/{name}.txt: values {found.kind!r}, the code reads {kind!r}")
    if kind == "":
        return _words(name)
    if found.include:
        raise ValueError(f"data/lexicon/{name}.txt: a class with values includes no other class")
    if kind == "int":
        return MappingProxyType({e: int(v) for e, v in zip(found.entries, found.values, strict=True)})
    if kind == "text":
        return MappingProxyType(dict(zip(found.entries, found.values, strict=True)))
    pairs = {}
    for entry, value in zip(found.entries, found.values, strict=True):
        low, high = value.split()
        pairs[entry] = (int(low), int(high))
    return MappingProxyType(pairs)


@cache
def lexicon() -> Lexicon:
    """Every class, read once (cached): frozensets of words, read-only mappings for classes with values."""
    loaded = {}
    for name, written in Lexicon.__annotations__.items():
        kind = _KINDS.get(written)
        if kind is None:
            raise TypeError(f"Lexicon.{name}: a class is a frozenset[str] or a Mapping, not {written}")
        loaded[name] = _value(name, kind)
    return Lexicon(loaded)


def alternation(words: Iterable[str], capitalise: bool = False, suffix: str = "") -> str:
    """A regex group that matches any of ``words``: ``(?:a|b|c)``, escaped, longest first (then in
    alphabetical order: the same pattern every run). A space in a word matches any white space;
    ``capitalise`` writes each word with a capital ("The", "January"); ``suffix`` follows each word
    inside the group (r"\\.?" for an abbreviation's optional stop)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    if not ordered:
        raise ValueError("an alternation of no words matches nothing")
    written = (w[:1].upper() + w[1:] if capitalise else w for w in ordered)
    return "(?:" + "|".join(r"\s+".join(map(_escape, w.split(" "))) + suffix for w in written) + ")"


def _escape(word: str) -> str:
    return word if word.isalnum() else regex.escape(word)  # most words need no escape: a faster start


@lru_cache(maxsize=4096)  # a text's words, many times over
def trend_word(token: str) -> Literal["up", "down", ""]:
    """up, down or "" for a word of change and its inflections ("plummeting", "soared", "rises"):
    trend_up and trend_down."""
    low = token.lower()
    lex = lexicon()
    for form in (low, low[:-3], low[:-3] + "e", low[:-2], low[:-1], low[:-4] if low.endswith("ting") else low):
        if form in lex.trend_up:
            return "up"
        if form in lex.trend_down:
            return "down"
    return ""
