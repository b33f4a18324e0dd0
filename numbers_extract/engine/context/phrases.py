"""Noun phrases: the words a figure counts, read from a position up to a stop word, punctuation or a
plural head.
"""

from __future__ import annotations

from enum import Enum

import regex

from ..lexicon import lexicon
from ..rx import rx

_LEX = lexicon()
_NAME_BREAKS = _LEX.articles | _LEX.demonstratives | _LEX.possessives  # "The", "This", "Its" open a new phrase
STOP_WORDS = _LEX.stop_words
_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]")


_IRREGULAR_PLURALS = _LEX.irregular_plurals


_SINGULAR_MEN = _LEX.singular_men  # "fishermen", "policemen" are plural


_MONTHS = frozenset(_LEX.months) | _LEX.weekdays  # the calendar's names


_SAME_PLURAL = _LEX.not_plurals_in_s


def _plural(word: str) -> bool:
    w = word.lower()
    if w in _SAME_PLURAL:
        return False  # "Series B funding", "species loss": a noun that reads on
    if w in _IRREGULAR_PLURALS or rx(r"\d+s").fullmatch(w) or rx(r"\p{Lu}{2,}s").fullmatch(word):
        return True
    if w.endswith("men") and len(w) > 5 and w not in _SINGULAR_MEN:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


_PAST_TENSE = _LEX.irregular_past  # irregular past tenses: after a noun, its verb ("the 40-strong crew flew home")


_PERIODIC = _LEX.periodic


# words in -ly that are nouns or adjectives: "5 family members", "1,200 likely voters"
_LY_NOT_ADVERBS = _LEX.ly_not_adverbs


_NAME_NEXT = regex.compile(r" \p{Lu}[\p{L}\p{N}-]*(?: [\p{Lu}\p{N}][\p{L}\p{N}-]*)? \p{Ll}")


_NOUN_AFTER = regex.compile(r" (?!(?:and|or|in|on|at|by|for|to|from|with|after|before|when|as|the|a|an)\b)\p{Ll}{2,}")


_PLURAL_NEXT = regex.compile(r" \p{Ll}{3,}s\b")


_ADJECTIVE_NEXT = regex.compile(r"(?: and \p{Ll}{3,})? \p{Ll}{3,}s\b(?! (?:of|to|in|on|at|for|by)\b)")


_AND_ADJECTIVE = regex.compile(r" \p{Ll}{2,}(?:ed|ing) \p{Ll}{3,}s\b")  # "issued and outstanding shares"


_WHEN = _LEX.when_words  # "a record 745,000 last year": no noun


# "The 30 mph limit applies", "a 10% tariff means": after a noun, its verb (but "housing starts")
_VERBS_IN_S = _LEX.verbs_in_s


_FIGURE_NEXT = regex.compile(r" (?:[$€£]|US\$)?\d")


_WHOLES = _LEX.wholes  # "40% of the total votes"


_PERSONS = _LEX.people_plurals  # "one in five children lives": a verb after them, rarely a noun


class Word(Enum):
    """What a word does to the noun phrase being read, in the order the steps are tested: the first
    steps let a word read on where it would end the phrase, or end it; the next ones end the phrase
    at a verb. A word no step ends is read, and :func:`_head` says whether the phrase ends with it."""

    IN_NAME = "a number inside a name reads on: 'Model 3s', 'Model 3 sedans', 'Series 7 bonds'"
    NAMES_JOINED = "'and' between names before their noun reads on, two words more: 'Ford and Lincoln vehicles'"
    AND_ADJECTIVE = "'and' between adjectives reads on: 'the total issued and outstanding shares'"
    PERIODIC = "a periodic adjective before its noun reads on: '3 weekly passes', 'Average weekly earnings'"
    WHOLE = "a word of a whole before its noun reads on: '40% of the total votes', 'the entire workforce'"
    TOTAL = "'total' after a noun is the head, and the last word: '2.5% of the global total'"
    STOP = "a stop word, a month, a word of when, a number or an adverb in -ly ends the phrase"
    PARTICIPLE = "an -ed or -ing word after a word is a verb (but 'the 3 remaining seats', 'issued shares')"
    VERB_IN_S = "a verb in -s after its noun: 'The 30 mph limit applies' (but 'housing starts')"
    PAST = "a past tense after its noun: 'a 6.1-magnitude quake hit the coast', 'the crew flew home'"
    FIRST_VERB = "a first word in -ed with no noun after it is a verb: '71 survived', '12 hospitalised'"
    PRICED = "a verb in -s before a figure: 'the 128GB model costs $799'"
    AFTER_ONE = "after one, a plural-looking word is a verb: 'one proposal asks'"


def noun_phrase(text: str, pos: int, limit: int, max_words: int = 5, singular: bool = False) -> str:
    """The noun phrase starting at ``pos``: words up to a stop word, punctuation or a plural head."""
    words: list[str] = []
    j = pos
    cap = max_words
    while j < limit and len(words) < cap:
        m = _TOKEN.match(text, j, limit)
        if m is None:
            if j < limit and text[j] in " \u00a0":
                j += 1
                if j < limit and text[j] in " \u00a0":
                    break
                continue
            break
        word, end = m.group(), m.end()
        low = word.lower()
        step = _reads_on(text, word, low, words, end, limit)
        if step is Word.NAMES_JOINED:
            cap += 2
        elif step is Word.TOTAL:
            words.append(word.rstrip("."))
            break
        elif step is Word.STOP or _verb(text, word, low, words, end, limit, singular) is not None:
            break
        words.append(
            word.rstrip(".").rstrip("’'").removesuffix("’s").removesuffix("'s")
            if low.endswith(("'s", "’s")) and words
            else word.rstrip(".")
        )
        j = end
        if _head(text, word, low, words, j, limit):
            break
    return " ".join(words).strip()


def _reads_on(text: str, word: str, low: str, words: list[str], end: int, limit: int) -> Word | None:
    """The first steps of :class:`Word`: a word that reads on, or that ends the phrase; None: neither."""
    if words and word[0].isdigit() and words[-1][0].isupper():
        if not _DECIMAL.fullmatch(word) or _DIGITS.fullmatch(word):
            return Word.IN_NAME
    elif words and low in ("and", "&") and words[-1][0].isupper() and _NAME_NEXT.match(text, end, limit):
        return Word.NAMES_JOINED
    elif low == "and" and words and words[-1].endswith(("ed", "ing")) and _AND_ADJECTIVE.match(text, end, limit):
        return Word.AND_ADJECTIVE
    if low in _PERIODIC and _NOUN_AFTER.match(text, end, limit):
        return Word.PERIODIC
    if not words and low in _WHOLES and _NOUN_AFTER.match(text, end, limit):
        return Word.WHOLE
    if words and low == "total" and words[-1].islower():
        return Word.TOTAL
    if (
        (low in STOP_WORDS and not _capitals(word) and not _in_name(word, low, words))
        or low in _MONTHS
        or low in _WHEN
        or word[0].isdigit()
        or (low.endswith("ly") and len(low) > 4 and "-" not in low and low not in _LY_NOT_ADVERBS)
    ):
        return Word.STOP
    return None


def _in_name(word: str, low: str, words: list[str]) -> bool:
    """A capitalised stop word inside a name, after a capitalised word: "Fort Worth" (not "The")."""
    return bool(words) and word[0].isupper() and words[-1][0].isupper() and low not in _NAME_BREAKS


def _verb(text: str, word: str, low: str, words: list[str], end: int, limit: int, singular: bool) -> Word | None:
    """The steps of :class:`Word` that end the phrase at a verb; None: no verb."""
    if not words:
        if (
            _PARTICIPLE_ED.fullmatch(low)
            and not _NOUN_AFTER.match(text, end, limit)
            and not _ADJECTIVE_NEXT.match(text, end, limit)
        ):
            return Word.FIRST_VERB  # but "5 licensed drivers"
        return None
    if _ED_ING.fullmatch(low) and low not in _GERUND_NOUNS and not _ADJECTIVE_NEXT.match(text, end, limit):
        return Word.PARTICIPLE
    if low in _VERBS_IN_S and not (low == "starts" and words[-1].lower() == "housing"):
        return Word.VERB_IN_S
    if low == "hit" or low in _PAST_TENSE:
        return Word.PAST
    if low in _VERBS and _plural(word) and _FIGURE_NEXT.match(text, end, limit):
        return Word.PRICED
    if singular and _plural(word):
        return Word.AFTER_ONE
    return None


def _head(text: str, word: str, low: str, words: list[str], j: int, limit: int) -> bool:
    """The word just read ends the phrase: a plural head ("1,600 people"; but "nine crew members",
    "8.5 million Windows devices": a plural-looking word that qualifies the next), a possessive after
    a word ("the city's"), or a word not followed by a space."""
    if _plural(word):
        collective = (low in _IRREGULAR_PLURALS and low not in _PERSONS) or word[0].isupper()
        if not (collective and _PLURAL_NEXT.match(text, j, limit)):
            return True
    if low.endswith(("'s", "’s")) and len(words) > 1:
        return True
    return j < limit and text[j] not in " \u00a0"


_DECIMAL = regex.compile(r"[\d.,]+")
_DIGITS = regex.compile(r"\d+")
_ED_ING = regex.compile(r"[\p{L}]+(?:ed|ing)")


_PARTICIPLE_ED = regex.compile(r"[\p{Ll}]{3,}ed(?<!feed|speed|bed|need|seed)")


_OLD = regex.compile(r"(?i)(?:years?-)?olds?\b")  # "a 65 year-old": an age, no thing measured


_TIME_WORDS = _LEX.time_words


_VERBS = _LEX.verbs


def _capitals(word: str) -> bool:
    """Written in capitals: "US", "IT" are names, not the pronoun or the preposition."""
    return len(word) > 1 and word.isupper()


_GERUND_NOUNS = _LEX.gerund_nouns
