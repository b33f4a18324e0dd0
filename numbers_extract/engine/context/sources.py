"""Sources: who the text says gave a figure.

An attribution is a speaker and a span of the sentence ("A war monitoring group said", "according
to the Associated Press", "Manning noted", "quoted one military official as saying"). A figure
takes the nearest attribution before it in its sentence, else the first after it. A pronoun or a
definite description ("he", "it", "the organization") resolves to the most recent fitting name
in the document; when nothing fits it stays as written.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import regex

from ..lexicon import alternation, lexicon
from ..rx import rx

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
_TITLE = alternation(_LEX.titles)
_PRONOUN = r"\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e)"  # \b: read backwards from its verb, "she" is no "he"
_SPEAKER = r"(?P<who>" + _NAME + r"(?:['’]s\s+[\p{L}-]+)?|" + _DESCRIPTION + r"|" + _PRONOUN + r")"
_AFFILIATION = (" at ", " from ", " with ", " at the ", " from the ", " with the ")


def _may_widen(ahead: str) -> bool:
    """Whether _WIDER could match before a speaker: most speakers need not try it."""
    return ahead.endswith(_AFFILIATION) or any(word in ahead for word in _STUDIES)


_STUDY_NOUN = alternation(_LEX.studies)
_STUDY = (
    r"(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Oo]ur|[Tt]his|[Oo]ne)\s+)?(?:[\p{L}-]+\s+){0,2}"
    + _STUDY_NOUN
    + r"\s+(?:of|among|by|for|into)\s+(?:[^,;:()]|,(?=\d{3})){0,60}?"
)  # "A survey of 1,500 small firms found": the survey speaks, not the firms it asked
_WIDER = (  # compiled on first need, with rx(): most texts never need it
    r"(?r)(?:(?:[\p{L}-]+\s+){0,2}(?i:" + alternation(_LEX.experts) + r")\s+(?:at|from|with)"
    r"\s+(?:the\s+)?|" + _STUDY + r")$"  # "Scientists at Oxford", not just "Oxford"
)  # what may stand before a speaker found before its verb, as part of it
_UNNAMED = (
    r"(?r)(?P<who>(?:"
    + _STUDY
    + r"|(?:(?:[Aa]n?|[Tt]he|[Oo]ne)\s+)?"
    + alternation(_LEX.spokespeople)
    + r"\s+(?:for|of|at)\s+.{1,60}?"
    + r")\S),?\s+$"
)  # a speaker with no name in it: "A survey of 800 landlords found", "A spokesperson for the trust said"


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The attribution patterns, by where they look from their cue word."""

    said_before: tuple[regex.Pattern[str], ...]  # "Manning said", "Smith, who heads …, said"
    said_after: tuple[regex.Pattern[str], ...]  # "said Ben Kaiser"
    according: tuple[regex.Pattern[str], ...]  # "according to the AP"
    quoted: tuple[regex.Pattern[str], ...]  # "quoted one official as saying"


@cache
def _patterns() -> _Patterns:
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
            + _TITLE
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
    return _Patterns((said, relative), (said_who, passive), (according_body, according), (quoted,))  # the name wins


_COMMA_BEFORE = regex.compile(r",\s+(?:(?:also|later|then)\s+)?$")
_RELEASED = alternation(_LEX.published_verbs) + r"(?=\s+by\b)"  # "The figures, released by the Home Office, show"
_ANY_CUE = regex.compile(r"\b(?:" + SAY + "|" + _STUDY_FOUND + "|" + _RELEASED + r"|[Aa]ccording|quot(?:ed|es|ing))\b")
_NOT_SPEAKERS = _LEX.not_speakers
_MEDIA = _LEX.media_words
_GENERIC = _LEX.generic_speakers
_COMPANY = _LEX.company_words
_PUBLIC = _LEX.public_bodies
_ORG_WORDS = _LEX.organisation_words


class Attribution(NamedTuple):  # immutable, and made four times faster than a frozen dataclass
    start: int  # where the attribution stands (its verb, or its "according to")
    speaker: str


_COUNTED = (
    r"(?r)(?:\d(?:[\d,.]*\d)?\s*(?:%|per\s*cent|percent)?|\d\s+in\s+\d+|\b(?:half|thirds?|quarters?|fifths?|majority|most))"
    r"\s+(?:of\s+(?:the\s+|all\s+)?)?$"
)  # a figure right before a speaker: "40% of voters said", "nine in 10 teachers said" (the figure's own words)
_SHARE_OF = (
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


_OPENERS = alternation(_LEX.speaker_openers)  # "However the ministry said": the ministry


def _clean(who: str) -> str:
    who = who.strip().rstrip(",.")
    if "by" in who:
        who = rx(_AUTHORED).sub("", who)
    who = rx(r"^(?i:" + _OPENERS + r")\s+").sub("", who)
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


def attributions(sentence: str, offset: int) -> list[Attribution]:
    """The attributions in a sentence, in order; offsets are absolute.

    Each pattern runs only in a short window at its cue word ("said", "according", "quoted"):
    a speaker written before its verb ends at the cue, one written after starts there.
    """
    found: list[Attribution] = []
    seen: set[tuple[int, str]] = set()
    asked: set[int] = set()  # where the people a figure counts "said" something ("9 in 10 teachers said")
    for cue in _ANY_CUE.finditer(sentence):
        patterns = _patterns()
        word = cue.group().lower()
        windows: list[tuple[tuple[regex.Pattern[str], ...], int, int]]
        if word == "according" or word.startswith("quot"):
            windows = [
                ((patterns.according if word == "according" else patterns.quoted), cue.start(), cue.end() + _AFTER)
            ]
        else:
            before = sentence.rfind(" ", 0, max(0, cue.start() - _BEFORE)) + 1
            relative = _COMMA_BEFORE.search(sentence, max(0, cue.start() - 10), cue.start()) is not None
            reach = 40 if word.startswith("put") else 12  # room for lookaheads after the verb: "put the death toll at"
            windows = [
                # "Smith, who heads the agency, said" needs the comma before its verb: else the slow pattern is spared
                (patterns.said_before if relative else patterns.said_before[:1], before, cue.end() + reach),
                (patterns.said_after, cue.start(), cue.end() + _AFTER),
            ]
        named_before = False
        for group, begin, end in windows:
            heard = len(found)
            if group is patterns.said_after and named_before:
                break  # "The ONS said GDP grew": the speaker stood before the verb; what follows is said
            for pattern in group:
                if group is patterns.according and len(found) > heard:
                    break  # "according to figures from the ONS" found the ONS: not "figures" too
                for m in pattern.finditer(sentence, begin, min(len(sentence), end)):
                    if not m.start() <= cue.start() < m.end():
                        continue  # another cue's attribution: found from its own window
                    named = m.start("who")
                    ahead = sentence[max(0, named - 120) : named] if group is windows[0][0] else ""
                    wider = rx(_WIDER).search(sentence, named - len(ahead), named) if _may_widen(ahead) else None
                    who = _clean(sentence[wider.start() if wider else named : m.end("who")])
                    last = who.split()[-1] if who else ""
                    if not who or (last.lower() in _NOT_SPEAKERS and not (last.isupper() and len(last) > 1)):
                        continue  # "who", "it's", "Monday" speak for no one; "the WHO" does
                    at = m.start("verb") if "verb" in m.groupdict() and m.group("verb") else m.start()
                    if (at, who) not in seen:
                        seen.add((at, who))
                        if pattern is patterns.said_before[-1]:  # "The company, which employs 4,500 people
                            # in Ohio, said": the name before the relative clause, not the last name in it
                            found[:] = [a for a in found if a.start != offset + at]
                        found.append(Attribution(offset + at, who))
                        named_before = named_before or pattern in patterns.said_before
                        if named_before and (
                            rx(_COUNTED).search(sentence, max(0, named - 30), named) or rx(_SHARE_OF).match(who)
                        ):
                            asked.add(offset + at)
            if group is windows[0][0] and len(found) == heard:
                unnamed = rx(_UNNAMED).search(sentence, begin, cue.start())
                if unnamed is not None:
                    found.append(Attribution(offset + cue.start(), _clean(unnamed.group("who"))))
                    named_before = True
    if asked and len(found) > len(asked):  # "…, the union's survey found": the survey speaks, not those it asked
        found = [a for a in found if a.start not in asked]
    found.sort(key=lambda a: a.start)
    return found


_BEFORE = 110  # characters before a verb where its speaker ("the Britain-based Syrian Observatory …") may start
_AFTER = 110  # characters after "said", "according to", "quoted" where the speaker may end


def pick(found: list[Attribution], start: int) -> str:
    """The attribution for a figure at ``start``: the nearest before it, else the first after."""
    before = [a for a in found if a.start <= start]
    if before:
        return before[-1].speaker
    return found[0].speaker if found else ""


def is_reference(speaker: str) -> bool:
    """A pronoun or a definite description that points back to a name ("it", "the organization")."""
    low = speaker.lower()
    if rx(_PRONOUN).fullmatch(speaker):
        return True
    return low.startswith("the ") and len(low.split()) <= 3 and low.split()[-1] in _ORG_WORDS


def is_organisation(name: str) -> bool:
    words = name.split()
    described = len(words) > 1 and words[0] == "The" and words[1].islower() and words[-1].lower() not in _PERSON_HEADS
    return described or any(w.lower().strip(".") in _ORG_WORDS for w in words) or name.isupper()


# "The minister said": a person; "The regulator said": a body, which "it" points back to
_PERSON_HEADS = _LEX.person_heads


def is_media(name: str) -> bool:
    """A news outlet relaying a figure ("NPR adds", "Time reports"): not what "the organization" means."""
    return (name.isupper() and len(name) <= 5) or any(w.lower() in _MEDIA for w in name.split())


_TITLES_FIRST = regex.compile(r"^(?:" + _TITLE + r"\s+){1,3}(?=\p{Lu})")
REMEMBERED = 64  # names kept per kind for resolving "he", "it", "the organization"


@dataclass
class Resolver:
    """Remembers the names seen so far in one document, to resolve "it", "he", "the organization".

    Mutable by design and local to one call of extract(): never shared between documents.
    """

    people: list[tuple[int, str]]  # (where it was said, name), in the order of the text
    organisations: list[tuple[int, str]]

    def note(self, speaker: str, at: int | None = None) -> None:
        """Remember a speaker named at offset ``at`` (by default, after every name so far). Names may be
        noted out of order (a sentence read late): they are kept in the order of the text."""
        named = _TITLES_FIRST.sub("", speaker)  # "chief executive Jane Doe"
        speaker = named if named[:1].isupper() else speaker
        reference = is_reference(speaker)
        unnamed = reference and speaker[:4].lower() == "the " and self.resolve(speaker) == speaker
        if not speaker or (reference and not unnamed) or not speaker[0].isupper():
            return  # but "The agency estimated …. It said": "it" is the agency, named no better
        if speaker.split()[0].lower() in ("a", "an", "one", "two", "state") or speaker.lower() in _GENERIC:
            return  # "Police said", "Analysts said": a kind of speaker, not a name to point back to
        names = self.organisations if is_organisation(speaker) else self.people
        if at is None:
            at = names[-1][0] + 1 if names else 0
        bisect.insort(names, (at, speaker))
        del names[:-REMEMBERED]  # a long document: only the recent names are ever pointed back to

    def resolve(self, speaker: str) -> str:
        if not is_reference(speaker):
            return speaker
        low = speaker.lower()
        if low in ("they", "we"):
            return speaker
        pool = self.people if low in ("he", "she") else self.organisations
        noun = low.split()[-1] if low.startswith("the ") else ""
        for _, name in reversed(pool):  # the latest name that fits
            if noun and noun not in _MEDIA and is_media(name):
                continue
            if noun in _PUBLIC and noun not in ("monitor", "observatory") and noun not in name.lower():
                continue  # "the ministry" is a ministry named before, not the WHO
            if noun in _COMPANY and any(w.lower() in _PUBLIC for w in name.split()):
                continue  # "the company" points to a company, not to the police
            return name
        return speaker
