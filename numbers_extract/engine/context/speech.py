"""How attributions are written: the speakers, their verbs and the patterns that find them, as the
rules of :data:`~.sources.SOURCES` read them. English from the lexicon; compiled on first need.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from ..lexicon import alternation, lexicon
from ..rx import at_words, rx

_LEX = lexicon()

SAY = (
    alternation(_LEX.speech_verbs)
    + r"|(?:found|finds|find)(?=\s+that\b)|posted(?=\s+on\b)"
    + r"|puts?(?=\s+(?:(?:it|them|that\s+figure)\s+at|the\s+(?:[\p{L}-]+\s+)?"
    + alternation(_LEX.estimate_nouns, suffix="s?")
    + r")\b)"
)  # a forecast is a claim too: "Analysts expect a 0.3% rise", "The company expects revenue of $5bn";
# so is a finding: "Researchers at Stanford found that"; and an estimate: "organisers put it at 50,000"
_STUDIES = tuple(sorted(_LEX.studies))
_STUDY_FOUND = (
    r"(?:found|finds)(?<=\b(?i:" + alternation(_LEX.studies | _LEX.research_nouns) + r")s?\b[^.;]{0,80}?\s\w+)"
)
# "The survey found 44% undecided": a finding, after a survey or a study (but "Police found 3 bodies")
_NAME_WORD = r"(?:[\p{Lu}][\p{L}'’.&-]*|[\p{Lu}]\.(?:[\p{Lu}]\.)+)"
_CONNECTOR = alternation(_LEX.name_connectors)
_NAME = _NAME_WORD + r"(?:\s+(?:" + _CONNECTOR + r"\s+){0,2}" + _NAME_WORD + r"){0,7}"  # "Bank of the Philippines"
_DESCRIPTION = (
    r"(?<![\p{N}\p{L}.,])(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Ss]tate|[Ii]ts|[Tt]heir)\s+)?(?:[\p{L}’'-]+\s+){0,4}"
    + alternation(_LEX.speaker_nouns)
)
_NOUN_THEN_VERB = alternation(_LEX.noun_then_verb)
# what a speaker named after "said" may be called first: "said chief executive Jane Doe"
TITLE = alternation(_LEX.titles)
PRONOUN = r"\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e)"  # \b: read backwards from its verb, "she" is no "he"
_BODIES = alternation({w for w in _LEX.organisation_words if w.isalpha() and len(w) > 2})
_QUALIFIED = (
    _NAME + r"(?<=\b(?i:" + _BODIES + r"))\s+(?:on|for|into|of)\s+(?:[\p{Ll}-]+\s+){0,4}?[\p{Ll}-]+"
)  # a body named with what it is about, in lower case: "The Lancet Commission on pollution and health found"
_SPEAKER = r"(?P<who>" + _NAME + r"(?:['’]s\s+[\p{L}-]+)?|" + _QUALIFIED + r"|" + _DESCRIPTION + r"|" + PRONOUN + r")"
_AFFILIATION = (" at ", " from ", " with ", " at the ", " from the ", " with the ", " in ")


def may_widen(ahead: str) -> bool:
    """Whether WIDER could match before a speaker: most speakers need not try it."""
    return ahead.endswith(_AFFILIATION) or any(word in ahead for word in _STUDIES)


_STUDY_NOUN = alternation(_LEX.studies)
_STUDY = (
    r"(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Oo]ur|[Tt]his|[Oo]ne)\s+)?(?:[\p{L}-]+\s+){0,2}"
    + _STUDY_NOUN
    + r"\s+(?:of|among|by|for|into)\s+(?:[^,;:()]|,(?=\d{3})){0,60}?"
)  # "A survey of 1,500 small firms found": the survey speaks, not the firms it asked
WIDER = (  # compiled on first need, with rx(): most texts never need it
    r"(?r)(?:(?:[\p{L}-]+\s+){0,2}(?i:" + alternation(_LEX.experts) + r")\s+(?:at|from|with|in)"
    r"\s+(?:the\s+)?|" + _STUDY + r"|(?:\p{Lu}[\p{L}.&'’-]*\s+){0,3}(?i:" + _BODIES + r")"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2})?\s+in\s+)$"
)  # what may stand before a speaker found before its verb, as part of it: "Scientists at Oxford", not
# just "Oxford"; "The US Embassy in New Delhi", "The Ministry of Health in Kenya", not just the place
UNNAMED = (
    r"(?r)(?P<who>(?:"
    + _STUDY
    + r"|(?:(?:[Aa]n?|[Tt]he|[Oo]ne)\s+)?"
    + alternation(_LEX.spokespeople)
    + r"\s+(?:for|of|at)\s+.{1,60}?"
    + r")\S),?\s+$"
)  # a speaker with no name in it: "A survey of 800 landlords found", "A spokesperson for the trust said"


class Patterns(NamedTuple):
    """The attribution patterns, one per rule of :data:`~.sources.SOURCES` that searches."""

    said: regex.Pattern[str]  # "Manning said", written backwards: the speaker ends at its verb
    relative: regex.Pattern[str]  # "Smith, who heads the agency, said"
    according_body: regex.Pattern[str]  # "according to figures from the ONS"
    according: regex.Pattern[str]  # "according to the AP"
    said_who: regex.Pattern[str]  # "said Ben Kaiser"
    quoted: regex.Pattern[str]  # "quoted one official as saying"
    passive: regex.Pattern[str]  # "is estimated at $2.4 billion by Forbes"


@cache
def patterns() -> Patterns:
    """Compiled on first need (a text with no "said" never needs them): they take a while to compile."""
    said, relative, according_body, according, said_who, quoted, passive = (
        # "A war monitoring group said", "Manning noted", "He said", "The organization claimed"
        regex.compile(
            _SPEAKER
            + r",?\s+(?:(?:also|earlier|later|previously|then|now|still|has|have|had|had\s+earlier)\s+)*(?P<verb>"
            + SAY
            + r"|found|finds)\b(?!\s+(?:that\s+)?(?:it|he|she|they)\s+(?:was|were|had)\s+not)"
            + r"(?!\s+(?:"
            + _NOUN_THEN_VERB
            + r")\b)"  # "Jobless claims rose": a noun before its verb
            + r"(?!(?<=\badd(?:ed|s))\s+(?!that\b)[\p{L}\p{N}$€£])",  # "the Dow added 120 points" gained them
            regex.VERSION0 | regex.REVERSE,  # searched from its verb backwards: the speaker ends there
        ),
        # "Smith, who heads the agency, said": the name before the relative clause
        regex.compile(
            r"(?P<who>"
            + _NAME
            + r"|"
            + _DESCRIPTION
            + r"),\s+(?:who|which|the|a|an|its|their|[\p{L}]+['’]s)\s(?:[^,;]|,(?=\d{3})){1,80},\s+"
            + r"(?:(?:also|later|then)\s+)?(?P<verb>"
            + SAY
            + r")\b",
            regex.VERSION0,
        ),
        # "according to figures from the Office for National Statistics": the body, not its figures
        regex.compile(
            r"\b[Aa]ccording\s+to\s+(?:the\s+)?(?:\w+\s+){0,2}?"
            + alternation(_LEX.data_nouns)
            + r"\s+(?:\w+\s+)?(?:from|by|of|at)\s+(?P<who>(?:the\s+)?"
            + _NAME
            + r")"
        ),
        # "according to the Associated Press", "according to Crunchbase"
        regex.compile(  # the description first: "according to the UN refugee agency" is the agency, not the UN
            r"\b[Aa]ccording\s+to\s+(?P<who>" + _DESCRIPTION + r"(?![\p{L}'’-])|(?:the\s+)?" + _NAME + r")"
        ),
        # "said Ben Kaiser", "said the ministry"
        regex.compile(
            r"\b(?P<verb>"
            + alternation(_LEX.speech_before_speaker)
            + r")\s+(?P<who>(?:the\s+)?(?:"
            + TITLE
            + r"\s+){0,3}"
            + _NAME
            + r")"
        ),
        # "quoted one military official as saying"
        regex.compile(r"\bquot(?:ed|es|ing)\s+(?P<who>[^,;:]{1,60}?)\s+as\s+(?:saying|telling)"),
        # "is estimated at $2.4 billion by Forbes", "was reported by Reuters": the passive's agent
        regex.compile(
            r"\b(?P<verb>" + alternation(_LEX.passive_speech_verbs) + r")\s+"
            r"(?:(?:[^.;:()]|\.(?=\d)){0,60}?\s)?by\s+"
            r"(?P<who>(?:the\s+)?" + _NAME + r")"
        ),
    )
    return Patterns(said, relative, according_body, according, said_who, quoted, passive)  # in order: the name wins


COMMA_BEFORE = regex.compile(r",\s+(?:(?:also|later|then)\s+)?$")
_RELEASED = alternation(_LEX.published_verbs) + r"(?=\s+by\b)"  # "The figures, released by the Home Office, show"
_ANY_CUE = regex.compile(r"\b(?:" + SAY + "|" + _STUDY_FOUND + "|" + _RELEASED + r"|[Aa]ccording|quot(?:ed|es|ing))\b")
_CUE_WORDS = (
    _LEX.speech_verbs
    | _LEX.published_verbs
    | {"found", "finds", "find", "posted", "put", "puts", "according", "According", "quoted", "quotes", "quoting"}
)  # the words a cue is: what _ANY_CUE is tried at


def cues(sentence: str) -> list[regex.Match[str]]:
    """The cue words of attributions in ``sentence``, in order: "said", "according", "quoted", …"""
    return at_words(_ANY_CUE, _CUE_WORDS, sentence, 0, len(sentence))


NOT_SPEAKERS = _LEX.not_speakers


COUNTED = (
    r"(?r)(?:\d(?:[\d,.]*\d)?\s*(?:%|per\s*cent|percent)?|\d\s+in\s+\d+|\b(?:half|thirds?|quarters?|fifths?|majority|most))"
    r"\s+(?:of\s+(?:the\s+|all\s+)?)?$"
)  # a figure right before a speaker: "40% of voters said", "nine in 10 teachers said" (the figure's own words)
SHARE_OF = (
    r"(?i)(?:[\w-]+\s+){0,2}?(?:\w+-)?"
    r"(?:half|thirds?|quarters?|fifths?|majority|most|\d[\d,.]*%?|per\s+cent)\s+of\s"
)  # "Two-thirds of doctors said"
_AUTHORED = (
    r"^(?:[\p{L}-]+\s+){1,3}" + _STUDY_NOUN + r"(?:\s.*?)?\sby\s+(?:the\s+)?(?=\p{Lu})"
)  # "A poll of 2,000 adults by YouGov found": the pollster


_LINKS = _LEX.speaker_links  # "the head of the agency": one speaker


_CALENDAR = sorted({*_LEX.weekdays, *_LEX.months})
_DAYS_MONTHS = tuple(name.capitalize() for name in _CALENDAR)
_WHEN_AFTER = r"\s+(?:on|in)\s+" + alternation(_CALENDAR, capitalise=True) + "$"


_OPENING = r"^(?i:" + alternation(_LEX.speaker_openers) + r")\s+"  # "However the ministry said": the ministry


def clean(who: str) -> str:
    """The speaker as named: without what runs on before it ("However", "last year") or after it."""
    who = who.strip().rstrip(",.")
    if "by" in who:
        who = rx(_AUTHORED).sub("", who)
    who = rx(_OPENING).sub("", who)
    if who.endswith(_DAYS_MONTHS):
        who = rx(_WHEN_AFTER).sub("", who)  # "the Home Office on Thursday": the Home Office
    who = rx(r"^(?i:which|who|whom|that|whose)\s+").sub("", who)
    who = rx(r"^(?!(?:the|a|an)\s)\p{Ll}[^,;]*?\s(?=(?:the|a|an)\s)").sub("", who)  # "last year the statistics bureau"
    words = who.split()
    if words and words[0].lower() in ("the", "a", "an"):
        again = [k for k, w in enumerate(words) if k > 1 and w in ("the", "a", "an") and words[k - 1] not in _LINKS]
        if again:
            who = " ".join(words[again[-1] :])  # "over the next three years the company said": the company
    if who.lower().startswith(("heads ", "runs ", "leads ", "is ", "was ")):
        return ""  # the inside of "X, who heads the agency, said"
    return rx(r"^[Tt]he\s+(?=\p{Lu})").sub("", who)  # "the Associated Press" is "Associated Press"
