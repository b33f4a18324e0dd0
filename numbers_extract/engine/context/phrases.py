"""Noun phrases: the words a figure counts, read from a position up to a stop word, punctuation or a
plural head.
"""

from __future__ import annotations

import regex

from ..lexicon import lexicon
from ..rx import rx

_LEX = lexicon()
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


def noun_phrase(text: str, pos: int, limit: int, max_words: int = 5, singular: bool = False) -> str:
    """The noun phrase starting at ``pos``: words up to a stop word, punctuation or a plural head."""
    words: list[str] = []
    j = pos
    cap = max_words
    while j < limit and len(words) < cap:
        m = _TOKEN.match(text, j, limit)
        if m is None:
            if j < limit and text[j] in " \u00a0" and words is not None:
                j += 1
                if j < limit and text[j] in " \u00a0":
                    break
                continue
            break
        word = m.group()
        low = word.lower()
        if words and word[0].isdigit() and words[-1][0].isupper() and not rx(r"[\d.,]+").fullmatch(word):
            pass  # "Model 3s", "Model 3 sedans": a digit inside a name
        elif words and low in ("and", "&") and words[-1][0].isupper() and _NAME_NEXT.match(text, m.end(), limit):
            cap += 2  # "Ford and Lincoln vehicles", "Model S and Model X cars": names joined before their noun
        elif (
            low == "and" and words and words[-1].endswith(("ed", "ing")) and _AND_ADJECTIVE.match(text, m.end(), limit)
        ):
            pass  # "the total issued and outstanding shares"
        elif words and rx(r"\d+").fullmatch(word) and words[-1][0].isupper():
            pass
        elif low in _PERIODIC and _NOUN_AFTER.match(text, m.end(), limit):
            pass  # "3 weekly passes", "Average weekly earnings": an adjective before its noun
        elif not words and low in _WHOLES and _NOUN_AFTER.match(text, m.end(), limit):
            pass  # "40% of the total votes", "a third of the entire workforce"
        elif words and low == "total" and words[-1].islower():
            words.append(word.rstrip("."))  # "2.5% of the global total": the head
            break
        elif (
            (low in STOP_WORDS and not _capitals(word))
            or low in _MONTHS
            or low in _WHEN
            or word[0].isdigit()
            or (low.endswith("ly") and len(low) > 4 and "-" not in low and low not in _LY_NOT_ADVERBS)
        ):
            break
        if (
            rx(r"[\p{L}]+(?:ed|ing)").fullmatch(low)
            and words
            and low not in _GERUND_NOUNS
            and not _ADJECTIVE_NEXT.match(text, m.end(), limit)
        ):
            break  # but "the total issued and outstanding shares", "the 3 remaining seats": adjectives
        if words and low in _VERBS_IN_S and not (low == "starts" and words[-1].lower() == "housing"):
            break
        if words and (low == "hit" or low in _PAST_TENSE):
            break  # "a 6.1-magnitude quake hit the coast", "the 120-strong team flew home": after its noun, a verb
        if (
            not words
            and _PARTICIPLE_ED.fullmatch(low)
            and not _NOUN_AFTER.match(text, m.end(), limit)
            and not _ADJECTIVE_NEXT.match(text, m.end(), limit)
        ):
            break  # "71 survived", "40 were injured and 12 hospitalised": a verb (but "5 licensed drivers")
        if words and low in _VERBS and _plural(word) and _FIGURE_NEXT.match(text, m.end(), limit):
            break  # "the 128GB model costs $799": a verb before its figure
        if singular and words and _plural(word):
            break  # "one proposal asks": after one, a plural-looking word is a verb
        words.append(
            word.rstrip(".").rstrip("’'").removesuffix("’s").removesuffix("'s")
            if low.endswith(("'s", "’s")) and words
            else word.rstrip(".")
        )
        j = m.end()
        collective = ((low in _IRREGULAR_PLURALS and low not in _PERSONS) or word[0].isupper()) and _PLURAL_NEXT.match(
            text, j, limit
        )
        # "nine crew members", "8.5 million Windows devices": a plural-looking word that qualifies the next
        if (_plural(word) and not collective) or (low.endswith(("'s", "’s")) and len(words) > 1):
            break
        if j < limit and text[j] not in " \u00a0":
            break
    return " ".join(words).strip()


_PARTICIPLE_ED = regex.compile(r"[\p{Ll}]{3,}ed(?<!feed|speed|bed|need|seed)")


_OLD = regex.compile(r"(?i)(?:years?-)?olds?\b")  # "a 65 year-old": an age, no thing measured


_TIME_WORDS = _LEX.time_words


_VERBS = _LEX.verbs


def _capitals(word: str) -> bool:
    """Written in capitals: "US", "IT" are names, not the pronoun or the preposition."""
    return len(word) > 1 and word.isupper()


_GERUND_NOUNS = _LEX.gerund_nouns
