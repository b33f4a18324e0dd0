"""Verb tests: whether a word is a verb where it stands ("the cut" is a noun, "costs would fall" has
its verb after a modal), and the direction a word of change says ("soared": up).
"""

from __future__ import annotations

from ..lexicon import lexicon, trend_word
from .phrases import _PARTICIPLE_ED

_LEX = lexicon()
STOP_WORDS = _LEX.stop_words
TREND_UP = _LEX.trend_up
TREND_DOWN = _LEX.trend_down
_VERBS = _LEX.verbs
_VERBS_IN_S = _LEX.verbs_in_s
_MONTHS = frozenset(_LEX.months) | _LEX.weekdays  # the calendar's names
_GERUND_NOUNS = _LEX.gerund_nouns
_IMPERATIVES = _LEX.imperatives  # "Get the Mirror starting at $448"
_DETERMINERS = _LEX.determiners
_ARTICLES = _LEX.articles | _LEX.possessives
_PREPOSITIONS = _LEX.prepositions
_AGENT_PREPOSITIONS = _LEX.agent_prepositions  # "Wages adjusted for inflation"
_COPULAS = _LEX.copulas
_ADJECTIVE_BEFORE = _LEX.before_adjectives
_NOUN_VERBS = _LEX.noun_verbs
_MOVED_VERBS = _LEX.past_trend_verbs
_MODALS = _LEX.auxiliaries
_MODALS_OR_STOP = _MODALS | STOP_WORDS
_trend_word = trend_word  # the direction a word of change says ("soared": up)
_VERBS_OR_TRENDS = _VERBS | TREND_UP | TREND_DOWN | _LEX.irregular_past  # "broke", "took": verbs in every clause
_VERB_WORDS = _VERBS_OR_TRENDS | _VERBS_IN_S  # words that are verbs whatever their form
_NEGATED = ("n't", "n’t")  # the ending of a negated auxiliary: "wouldn't", "doesn’t"


def _is_verb(token: str) -> bool:
    low = token.lower()
    return low in _VERB_WORDS or (token.islower() and len(low) > 4 and low.endswith(("ed", "ing")))


def _reduced_relative(tokens: list[str], i: int) -> bool:
    """ "people waiting for treatment": an -ing word after a noun, with no "is" before it and a
    preposition after it, describes the noun; the clause's own verb comes later."""
    if 0 < i < len(tokens) - 1 and tokens[i].lower() in ("ended", "ending") and tokens[i + 1].lower() in _MONTHS:
        return True  # "Revenue for the quarter ended June 30 came in at": a date, not the clause's verb
    low = tokens[i].lower()
    if (
        0 < i < len(tokens) - 2
        and _PARTICIPLE_ED.fullmatch(low)
        and tokens[i + 1].lower() in _AGENT_PREPOSITIONS
        and tokens[i - 1].lower() not in _MODALS_OR_STOP
        and low not in _VERBS
        and not _trend_word(low)
    ):  # "Wages adjusted for inflation fell 0.5%": a participle after its noun, when a verb follows
        return any(_verb_at(tokens, j) and not _reduced_relative(tokens, j) for j in range(i + 2, len(tokens)))
    return (
        0 < i < len(tokens) - 1
        and tokens[i].endswith("ing")
        and tokens[i - 1].lower() not in _MODALS
        and tokens[i - 1].islower()
        and tokens[i + 1].lower() in _PREPOSITIONS
    )


def _verb_at(tokens: list[str], i: int) -> bool:
    """Is ``tokens[i]`` a verb? "-ed"/"-ing" words after a determiner are adjectives
    ("the driving range", "the total liberated area"); after a modal anything is a verb."""
    token = tokens[i]
    low = token.lower()
    if not i and low in _IMPERATIVES:
        return True  # "Save $50 on …", "Get 20% off …": a sentence that opens with its verb
    before = tokens[i - 1].lower() if i else ""
    if low.endswith(_NEGATED):
        return True  # "wouldn't", "doesn’t": an auxiliary, negated
    if (before in _MODALS or before.endswith(_NEGATED)) and token.islower() and low not in STOP_WORDS:
        return True
    if not (low in _VERB_WORDS or (token.islower() and len(low) > 4 and low.endswith(("ed", "ing")))):
        return False  # not a verb (as _is_verb says)
    after = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    if (after in _COPULAS or after in _MOVED_VERBS) and before not in _MODALS and low not in _MODALS:
        return False  # "The tax cut is worth £700", "Jobless claims rose": a noun before its verb
    if low in _NOUN_VERBS and (i + 1 == len(tokens) or tokens[i + 1].lower() in ("to", "by", "from", "of", "at")):
        return False  # "cut its growth forecast to 2.9%": the forecast, a noun
    if low in _GERUND_NOUNS and before not in _MODALS:
        return False  # "Consumer spending, which …, grew", "bank lending rose": nouns
    if before in _ARTICLES:
        return False  # "its forecast", "the cut", "a record": a noun after an article or possessive
    if before in ("for", "of") and token.endswith("ing") and token.islower():
        return False  # "the legal age for buying tobacco": a gerund inside the noun phrase
    if low in _VERBS_OR_TRENDS:
        return not (before in _DETERMINERS and low.endswith(("ed", "ing")))
    return not (before in _DETERMINERS or before in _ADJECTIVE_BEFORE or before[:1].isdigit())


_MAY_BE_VERB = ("ed", "ing", *_NEGATED)  # the endings of words that may be verbs though no list has them


def verbs_in(tokens: list[str]) -> list[int]:
    """Where :func:`_verb_at` holds in ``tokens``, with its cheap test first: a verb is the first
    word, a word of the verb lists, a word in -ed, -ing or -n't, or a word after an auxiliary (most
    words are none of these, and are passed over without a call)."""
    out: list[int] = []
    before = ""
    for i, token in enumerate(tokens):
        low = token.lower()
        maybe = not i or low in _VERB_WORDS or low.endswith(_MAY_BE_VERB)
        if (maybe or before in _MODALS or before.endswith(_NEGATED)) and _verb_at(tokens, i):
            out.append(i)
        before = low
    return out


def _present_verb(before: str, token: str, after: str = "") -> bool:
    """A lower-case word in -s after a word that is no determiner or stop word ("The material shoots
    out"), after an adverb of a verb group ("the group now controls"), or after a relative pronoun
    when what follows is no word of a noun phrase ("which manages $3 billion", "who owns the"; but
    "which analysts estimate"): a present-tense verb."""
    low = before.lower()
    return (
        token.islower()
        and before.isalpha()
        and len(token) > 3
        and token.endswith("s")
        and not token.endswith(("ss", "us", "is"))
        and low not in _DETERMINERS
        and (
            low not in STOP_WORDS
            or low in _LEX.verb_adverbs
            or (low in _LEX.relative_pronouns and (not after[:1].isalpha() or after.lower() in STOP_WORDS))
        )
    )
