"""Subjects and heads: the noun phrase before a clause's verb, the thing a verb changed, and the verb
tests they rest on.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal, NamedTuple

import regex

from ..lexicon import alternation, lexicon
from .phrases import _OLD, _PARTICIPLE_ED, _capitals
from .verbs import _is_verb as _is_verb  # measured.py reads these three here
from .verbs import _present_verb, _reduced_relative, verbs_in
from .verbs import _trend_word as _trend_word
from .verbs import _verb_at as _verb_at

_LEX = lexicon()
_MONTHS = frozenset(_LEX.months) | _LEX.weekdays  # the calendar's names
_TIME_WORDS = _LEX.time_words
_VERBS = _LEX.verbs
INDEX_NAMES = _LEX.index_names
NOT_NAMES = _LEX.not_names
STOP_WORDS = _LEX.stop_words
_PASSIVE_ASIDE = regex.compile(r"\s*(?:\p{Ll}+\s+)?\p{Ll}{3,}ed\s+by\s")  # ", first reported by Bloomberg,"


_CUE_WORDS = frozenset(w for cue in _LEX.figure_lead_ins for w in cue.split() if w.isalpha())


_JUNK = _LEX.not_subject_heads


_JOINED = _LEX.clause_conjunctions & _LEX.name_connectors  # "and": a clause's and a name's
_NAME_RUN = r"\p{Lu}[\p{L}\p{N}.&'’-]*"
_NAMES_JOINED = (
    r"(?<=(?:^|[,;:(—–]\s*|\bThe\s+)(?:"
    + _NAME_RUN
    + r"\s+){0,4}"
    + _NAME_RUN
    + r"(?<!\b"
    + alternation(_MONTHS, capitalise=True)
    + r")\s+"
    + alternation(_JOINED)
    + r"\s)\p{Lu}"
)  # "David Pastrnak and Matt Grzelcyk scored", "U.S. Customs and Border Protection": names that open a clause
_CLAUSE = regex.compile(
    r"[;:()\[\]—–“”\"]|,(?!\d{3})|\s" + alternation(_LEX.clause_conjunctions) + r"\s(?!" + _NAMES_JOINED + r")"
    r"|(?<!\bas\s+\w+)\sas\s(?!" + alternation(_LEX.as_idioms) + r"\b|\w+\s+as\b)"
)  # "Nintendo fell 4% as Sony lost 2.7%": the clause after "as" has its own subject (but "Procter and Gamble
# raised": one name; "scored for the Sabres and Linus Ullmark stopped": two clauses)


_LEADING = _LEX.leading_words


_IMPERATIVES = _LEX.imperatives  # "Get the Mirror starting at $448"


_ARTICLES = _LEX.articles | _LEX.possessives
_ARTICLE_WORDS = _LEX.articles
_ATTRIBUTES = _LEX.attribute_nouns  # "price", "length": "the price of the house" is one subject


_PREPOSITIONS = _LEX.prepositions
_CONNECTORS = _LEX.name_connectors  # "of", "and": words inside a name ("Bank of England")


_STATES = _LEX.states


_WHEN_STARTS = _LEX.time_prepositions


def _object_before(left: str) -> str:
    """ "bringing the total liberated area … to", "boost the driving range by": the thing changed."""
    tokens = _WORDS.findall(_CLAUSE.split(left)[-1])
    if len(tokens) < 3 or tokens[-1].lower() not in ("to", "by", "for", "at", "from"):
        return ""  # "kept its rate at -0.1%", "put the cost at $5bn": the thing held or put
    np: list[str] = []
    body = tokens[:-1]
    for i in range(len(body) - 1, -1, -1):
        dated = np and all(t.lower() in _MONTHS or t[0].isdigit() for t in np)
        imperative = i == 0 and body[0].lower() in _IMPERATIVES  # "Grab these AirPods for $189"
        if (_verb_at(body, i) and not (dated and body[i].lower().endswith("ed"))) or imperative:
            break  # but "the quarter ended December to": a participle dating the thing changed
        np.insert(0, body[i])
    else:
        return ""
    if all(t.lower() in _STATES for t in np):
        return ""  # "held steady at 6.5%", "stayed flat at 4%": the verb's complement, not a thing held
    if np[0].lower() in _WHEN_STARTS and body[i].lower() not in _CHANGE_NOUNS:
        return ""  # "have doubled in a fortnight to 1,800": when, not what (but "a 5% increase in the dividend to")
    if "in" in np[:-1] and np[np.index("in") - 1].lower() in _CHANGE_NOUNS:
        np = np[np.index("in") + 1 :]  # "a 60 basis point improvement in its gross margins to": the margins
    named = [t for k, t in enumerate(np) if t[0].isdigit() and not (k and not np[k - 1].islower())]
    if not np or len(np) > 12 or named:
        return ""  # "rose 6.5% to 164p": 164p is the new level, not a thing changed (but "the iPhone 14 for")
    return _head_chunk(np)


_TRAILING = _LEX.trailing_words
_ASIDE_ADVERBS = _LEX.aside_adverbs  # "however", "in turn"


_PER_NOUNS = _LEX.per_nouns  # "Earnings per share", "GDP per capita"


_AGENT_PREPOSITIONS = _LEX.agent_prepositions  # "Wages adjusted for inflation"


def _head_chunk(tokens: list[str], noun: bool = False) -> str:
    """The noun phrase at the front of ``tokens``: leading determiners, adverbs and dates dropped
    (:func:`_skip_leading`), cut before its first preposition ("Revenue in the quarter" is "Revenue",
    :func:`_cut`), trailing adverbs dropped, and none where what is left is no subject
    (:func:`_no_subject`). ``noun``: its first word is known to be a noun, whatever it looks like
    ("claims", "cuts")."""
    head = _skip_leading(_past_opening_phrase(tokens))
    out = _cut(head)
    if out is None:
        return ""
    while out and (out[-1].lower() in _TRAILING or _ADVERB_LY.fullmatch(out[-1])):
        out.pop()  # "Bitcoin briefly topped": Bitcoin; "Sales however rose": Sales
    noun = noun or (len(head) < len(tokens) and tokens[-len(head) - 1].lower() in _ARTICLES)  # "its forecast"
    if _no_subject(out, noun):
        return ""
    cap = 6
    while cap < min(len(out), 9) and out[cap][:1].isupper():
        cap += 1  # "The price of the new Galaxy Tab S9 Ultra starts at": a name read to its end
    return " ".join(out[:cap])


def _past_opening_phrase(tokens: list[str]) -> list[str]:
    """A clause that opens with a preposition and no comma ("Since the start of last season Chris
    Wood", "In the first half the Hornets"): its subject is the last noun phrase, from the last article
    or possessive, else the last run of capitalised words; other clauses as they are."""
    if len(tokens) < 3 or tokens[0].lower() not in _PREPOSITIONS:
        return tokens
    articles = [k for k in range(2, len(tokens)) if tokens[k].lower() in _ARTICLES]
    if articles:
        return tokens[articles[-1] :]
    k = len(tokens)
    while k > 1 and (tokens[k - 1][:1].isupper() or (tokens[k - 1] in _CONNECTORS and tokens[k - 2][:1].isupper())):
        k -= 1  # "the Bank of England": one name
    return tokens[k:] if 1 < k < len(tokens) and tokens[k][:1].isupper() else tokens


def _skip_leading(tokens: list[str]) -> list[str]:
    """What a subject skips at its front: determiners, adverbs, words of time and numbers ("60" is
    kept before "year-old": "a 60 year-old might withdraw" is of a "60 year-old")."""
    head = list(tokens)
    while head and (
        (head[0].lower() in _LEADING and not _capitals(head[0]))
        or head[0].lower() in _TIME_WORDS
        or head[0][0].isdigit()
    ):
        head = head[1:]
    if head and _OLD.match(head[0]) and len(head) < len(tokens) and tokens[-len(head) - 1][0].isdigit():
        head.insert(0, tokens[-len(head) - 1])
    return head


def _cut(head: list[str]) -> list[str] | None:
    """What ends a subject: its first preposition or stop word (but "Her net worth is", "Earnings per
    share came in at", "The value of the deal is"; a participle before an agent goes too: "Wages
    adjusted for inflation"). None:
    a number after a word of the phrase, so no subject ("up nearly 57% after", "flew 4.3 million";
    "S&P 500", "iPhone 12" are names)."""
    out: list[str] = []
    for k, token in enumerate(head):
        low = token.lower()
        stop = low in _PREPOSITIONS or (low in STOP_WORDS and low not in _IN_NOUN_PHRASE and not _capitals(token))
        if stop and k > 1 and head[k - 1] == "of" and low in _ARTICLE_WORDS and head[k - 2].lower() in _ATTRIBUTES:
            stop = False  # "The value of the deal is": what the value is of reads on
        elif stop and low in _JOINED and out[-1:] and out[-1][:1].isupper() and head[k + 1 : k + 2] != []:
            stop = not head[k + 1][:1].isupper() or head[k + 1].lower() in _MONTHS  # "Customs and Border Protection"
        per_share = low == "per" and k + 1 < len(head) and head[k + 1].lower() in _PER_NOUNS
        if out and stop and not (low == "worth" and out[-1].lower() == "net") and not per_share:
            if len(out) > 1 and _PARTICIPLE_ED.fullmatch(out[-1]) and low in _AGENT_PREPOSITIONS:
                out.pop()
            break
        phrase = out and (out[-1].lower() in _CUE_WORDS or out[-1].islower()) and out[-1] not in INDEX_NAMES
        if token[0].isdigit() and phrase and not _COMPOUND_NUMBER.match(token):
            return None
        out.append(token)
    return out


def _no_subject(out: list[str], noun: bool) -> bool:
    """What is left is no subject: only particles ("falling back to $68,000"), a word that heads no
    subject, a verb not known to be a noun, or a stop word (but "US job openings", "IT spending":
    capitals make no pronoun)."""
    if all(t.lower() in _PARTICLES for t in out):
        return True
    first = out[0].lower()
    return (
        first in _JUNK
        or (first in _VERBS and not noun)
        or (first in STOP_WORDS and first not in _IN_NOUN_PHRASE and not _capitals(out[0]))
    )


def partitive_owner(right: str) -> str | None:
    """The possessor of a partitive, read after the figure (``right``): "two of Johnson's deputies"
    is Johnson's; None when there is none."""
    if not right[:5].lstrip().startswith("of"):
        return None
    found = _PARTITIVE.match(right)
    return _possessor(found.group(1)) if found is not None else None


def owner_before(left: str) -> str | None:
    """The possessor written right before the figure (``left`` ends with it): "the old hybrid's 212",
    "the plant's 2 GW capacity"; None when there is none."""
    tail = left[-60:]
    found = _POSSESSOR.search(tail) if tail.rstrip()[-2:] in ("'s", "’s") else None
    return _possessor(found.group(1)) if found is not None else None


def _possessor(phrase: str) -> str | None:
    words = _WORDS.findall(phrase)
    opening = max((k + 1 for k, word in enumerate(words) if word.lower() in STOP_WORDS), default=0)
    return _head_chunk(words[opening:], noun=True) or None  # "beats the old engine's 280": the old engine


How = Literal["name", "that", "said", "described", "clause", "none"]
"""How :func:`reading` found a clause's subject: a name right before the figure, the noun before a
"that" clause, none because the figure opens what was said, the noun a relative clause or a
participle describes, the words before a verb, or none."""


class Reading(NamedTuple):
    """The subject of the clause that ends a text, how it was found, and the pronoun or description
    it is written as when it points back to a name ("it", "its", "the company"), else ""."""

    how: How
    text: str
    refers: str = ""


def subject(left: str) -> str:
    """The subject of the clause that ends ``left`` (:func:`reading`), as written."""
    return reading(left).text


@lru_cache(maxsize=64)
def reading(left: str) -> Reading:
    """The subject of the clause that ends ``left``, by these steps in order: a name written right
    before the figure ("Stoxx 50 -1.3%", :func:`_name_before`); the noun before "that" and a verb
    ("forms a plume that extends", :func:`_that_clause`); then clause by clause from the last: none
    where the figure opens what was said ("Officials said 3,400 acres"), asides skipped
    (:func:`_aside`), the clause before for one that starts with its verb ("…, up nearly 57%"), the
    noun a relative clause or participle describes (:func:`_described`), and the words before a
    verb group (:func:`_before_verb`). A subject that is a pronoun ("it sold") is passed over for a
    clause before it ("Acme grew, and it sold"); when none is found, the reading keeps the pronoun."""
    name = _name_before(left)
    if name is not None:
        return Reading("name", name)
    pieces = _CLAUSE.split(left)
    thing = _that_clause(pieces[-1])
    if thing:
        return Reading("that", thing)
    verb_first = False  # the clause after this one starts with its verb: "The SDF, Manning said, has cleared"
    pronoun = ""  # the first subject passed over as a pronoun: "it sold"
    for n, piece in enumerate(reversed(pieces)):
        words, found = _clause(piece)
        tokens = list(words)
        said = tokens[:-1] if tokens[-1:] == ["that"] else tokens
        if not n and said and said[-1].lower() in _SAID_BEFORE:
            return Reading("said", "")  # "Officials said 3,400 acres had burned": the figure opens what was said
        if n and _aside(piece, tokens):
            continue
        verbs = list(found) if found or n or len(tokens) != 1 else _lone_verb(tokens, len(pieces))
        if verb_first and not verbs and tokens:
            return Reading("clause", _head_chunk(tokens))
        opening = tokens[0].lower() if tokens else ""
        verb_first = (
            bool(verbs) and verbs[0] == 0 and (opening in _MODALS or not n)
        )  # "The patients, …, received 200mg": the subject is before the aside
        if verbs[:1] == [0] or tokens[:1] in (["which"], ["who"], ["worth"]):
            head = _described(tokens, verbs, n, pieces)
            if head:
                return Reading("described", head)
        if verbs:
            head, refers = _before_verb(tokens, verbs)
            if head:
                return Reading("clause", head, refers)
            pronoun = pronoun or refers
    return Reading("none", "", pronoun)


def _name_before(left: str) -> str | None:
    """A name written right before the figure: "Stoxx 50 -1.3%" (Stoxx 50, an index with its number),
    "to Le Pen's 41.5%" (Le Pen); a title-case preposition or verb of change ends no name ("Oil Prices
    Jump 5%": Oil Prices)."""
    name = _NAME_BEFORE.search(left[-80:])
    if name is None or name.group(1).split()[0].lower() in NOT_NAMES:
        return None
    words = name.group(1).split()
    while len(words) > 1 and (words[-1].lower() in _PREPOSITIONS or _trend_word(words[-1])):
        words.pop()  # "James Lipman With 275 pound-feet", "Oil Prices Jump 5%": a title-case word of the clause
    named = " ".join(
        t for k, t in enumerate(words) if not t[0].isdigit() or (k and words[k - 1].lower() in INDEX_NAMES)
    )  # "Stoxx 50 -1.3%": the index's number is its name's
    return named.removesuffix("'s").removesuffix("’s")


def _that_clause(piece: str) -> str:
    """The noun before "that", "which", "who" and a verb in -s or the past tense: "forms a plume that
    extends 300 miles", "a startup that raised $5 million"."""
    that_clause = _THAT_VERB.search(piece)
    if that_clause is None or that_clause.group(1).lower() in STOP_WORDS:
        return ""
    tokens = _WORDS.findall(piece[: that_clause.end(1)])
    k = len(tokens)
    while k > 0 and len(tokens) - k < 4 and tokens[k - 1].lower() not in STOP_WORDS and not _is_verb(tokens[k - 1]):
        k -= 1
    return " ".join(tokens[k:])


def _aside(piece: str, tokens: list[str]) -> bool:
    """A clause skipped for the one before: "The SDF, Manning said, has cleared …", "The patients,
    whose median age was 62,", ", first reported by Bloomberg,", "The tunnel, 57 km long, took",
    "Tribune, moreover, may have"."""
    return bool(
        _ATTRIBUTION.fullmatch(piece.strip())
        or tokens[:1] in (["who"], ["whose"], ["which"])
        or _PASSIVE_ASIDE.match(piece)
        or _FIGURE_FIRST.match(piece)
        or (0 < len(tokens) < 4 and _adverbs(tokens))
    )


def _adverbs(tokens: list[str]) -> bool:
    """An adverb written alone between commas: "Tribune, moreover, may have", "Exports, in turn,
    fell", "The company, unsurprisingly, lost"."""
    return " ".join(tokens).lower() in _ASIDE_ADVERBS or all(_ADVERB_LY.fullmatch(token) for token in tokens)


@lru_cache(maxsize=256)
def _clause(piece: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """A clause's words and where its verbs are: verbs as :func:`_verb_at` reads them, else
    present-tense verbs after a word ("The material shoots out at …"). Kept for the next figures of
    the sentence, whose left windows hold the same clauses before their own."""
    tokens = _WORDS.findall(piece)
    verbs = [i for i in verbs_in(tokens) if not _reduced_relative(tokens, i)]
    if not verbs:
        verbs = [i for i, token in enumerate(tokens) if i and _present_verb(tokens[i - 1], token, _next(tokens, i))]
    return tuple(tokens), tuple(verbs)


def _next(tokens: list[str], i: int) -> str:
    return tokens[i + 1] if i + 1 < len(tokens) else ""


def _lone_verb(tokens: list[str], pieces: int) -> list[int]:
    """The last clause, one word after an aside, that is a verb: "The bridge, which opened in 1937,
    stretches 1.7 miles"."""
    return [0] if pieces > 1 and _present_verb("it", tokens[0]) else []


def _described(tokens: list[str], verbs: list[int], n: int, pieces: list[str]) -> str:
    """The noun a relative clause or a participle describes, at the end of the clause before:
    "relations with Nissan, which is 43.4% owned", "…, ranging from $200", "The deal, worth about $69 billion,"."""
    relative = tokens[:1] in (["which"], ["who"]) and (
        (bool(verbs) and verbs[0] == 1) or tokens[1:2] in (["range"], ["ranges"])  # "which range from"
    )
    participle = (not n and tokens[:1] == ["worth"]) or (
        bool(verbs) and verbs[0] == 0 and tokens[0].lower() in _DESCRIBING
    )
    if not (relative or participle) or n + 1 >= len(pieces):
        return ""
    before = [piece for piece in pieces[: -n - 1] if not _FIGURE_FIRST.match(piece)]  # "…, 300 m long and"
    if not before:
        return ""
    if _FIGURE_LAST.search(before[-1]):  # "pay was $11.4 million, which includes": what the figure is of
        words, found = _clause(before[-1])
        return _before_verb(list(words), list(found))[0]
    return _last_noun(before[-1])


def _before_verb(tokens: list[str], verbs: list[int]) -> tuple[str, str]:
    """The words before a verb group ("would halve", "is expected"): the subject stands before the
    last group that has words before it ("Bailey said inflation would halve to 5%": inflation). With
    it, what it is written as when it points back to a name: "its" ("its shares rose"), "the
    company" ("the company sold"), or the pronoun that stood there instead ("it sold"), else ""."""
    starts: list[int] = []
    for i in verbs:
        while i and tokens[i - 1].lower() in _ADVERBS:
            i -= 1  # "A litre of petrol now costs": the adverb opens the verb group
        if i and i - 1 not in verbs and i not in starts:
            starts.append(i)
    pronoun = ""
    for k in range(len(starts) - 1, -1, -1):
        begin = max((i + 1 for i in verbs if i < starts[k]), default=0)
        # "told viewers that Pension Credit would rise" (not "a beetle that can go")
        begin = max([begin] + [i + 1 for i in range(begin, starts[k] - 1) if tokens[i] == "that"])
        if begin and tokens[begin][0].isdigit():
            continue  # "rose 0.65 per cent to end at": the verb's object, not a subject
        then = tokens[starts[k]].lower()
        before_verb = starts[k] - begin == 1 and (then in _MODALS or then in _MOVED_VERBS)
        head = _head_chunk(tokens[begin : starts[k]], noun=before_verb)  # "costs would fall", "costs fell"
        if head:
            return head, _refers(tokens[begin], head)
        if starts[k] - begin == 1 and not pronoun and tokens[begin].lower() in _REFERRING and then not in _SPEECH:
            pronoun = tokens[begin].lower()  # "it sold 3,000": passed over, kept in case nothing else is found
            # (but "He said women over 41": a speaker, not an owner)
    return "", pronoun


def _refers(first: str, head: str) -> str:
    """What a subject is written as when it points back to a name: "its" before it ("its shares"),
    "the company" ("The company sold": a description of a body), else ""."""
    low = first.lower()
    if low in _POSSESSIVE_PRONOUNS:
        return low
    words = head.split()
    if low == "the" and len(words) <= 2 and head.islower() and words[-1] in _ORG_WORDS:
        return "the " + head
    return ""


_SPEECH = _LEX.speech_before_what_was_said | _LEX.speech_before_speaker  # "said", "told", "added"
_REFERRING = _LEX.referring_pronouns  # "it", "he", "they": a subject that points back to a name
_POSSESSIVE_PRONOUNS = _LEX.referring_possessives  # "its", "his": not "my", "our"
_ORG_WORDS = _LEX.organisation_words | _LEX.company_words  # "the bank", "the lender"


_SAID_BEFORE = _LEX.speech_before_what_was_said  # not "added", "reported"


_THAT_VERB = regex.compile(
    r"(?:^|\s)(\p{L}[\p{L}-]*)\s+(?:that|which|who)\s+(?:\p{Ll}+ly\s+)?"
    r"(?:\p{Ll}{3,}(?<![su]s)s|\p{Ll}{2,}ed|" + alternation(_LEX.irregular_past) + r")\s+(?:up\s+to\s+|about\s+)?$",
    regex.REVERSE,
)  # "forms a plume that extends 300 miles", "a startup that raised $5 million", "a team that won 40 games"


_DESCRIBING = _LEX.describing_participles


_FIGURE_LAST = regex.compile(
    r"\p{Sc}\s*+\d[\d.,]*+(?:\s*+(?:" + alternation(_LEX.number_scales) + r"|[mbk]n?))?\s*$", regex.IGNORECASE
)  # "… was $11.4 million", "… is £3bn": money, whose owner is the clause's subject


_PARTITIVE = regex.compile(r"\s+of\s+((?:\p{L}[\p{L}-]*\s+){0,3}\p{L}[\p{L}-]*)['’]s\s")  # "two of the firm's"


_POSSESSOR = regex.compile(r"(?:^|\s)((?:\p{L}[\p{L}-]*\s+){0,3}\p{Ll}[\p{L}-]*)['’]s\s+$")  # "the old hybrid's"


_FIGURE_FIRST = regex.compile(r"\s*(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+)?[$€£]?\d")


def _last_noun(piece: str) -> str:
    """The noun phrase that ends a clause: "relations with Nissan" is Nissan, "The ship" is ship."""
    tokens = _WORDS.findall(piece)
    cut = max(
        (
            i + 1
            for i, t in enumerate(tokens)
            if t.lower() in _PREPOSITIONS
            or t in ("to", "of")
            or (i + 1 < len(tokens) and (_is_verb(t) or (i and _present_verb(tokens[i - 1], t))))
        ),  # the last word is the noun: "a total of $12.4 million of claims, ranging from"
        default=0,
    )
    return _head_chunk(tokens[cut:], noun=cut > 0)  # after a preposition or a verb: a noun


_COMPOUND_NUMBER = regex.compile(r"\d[\d.,]*-\p{L}")  # "the average 30-year fixed rate": part of the noun


_ADVERB_LY = regex.compile(r"\p{Ll}{3,}ly|\p{Ll}+fold")  # "briefly", "fivefold": adverbs


_PARTICLES = _LEX.particles


_CHANGE_NOUNS = _LEX.change_nouns


_ADVERBS = _LEX.verb_adverbs


_IN_NOUN_PHRASE = _LEX.in_noun_phrase  # "Average weekly earnings"


_MOVED_VERBS = _LEX.past_trend_verbs


_MODALS = _LEX.auxiliaries


_NAME_BEFORE = regex.compile(r"(?:^|[:;,]\s*|\s)((?:\p{Lu}[\p{L}&.'’-]*\s+){1,4}(?:\d+\s+)?)$", regex.REVERSE)


_SAID = alternation(_LEX.speech_before_speaker)  # "said", "noted", "wrote"
_ATTRIBUTION = regex.compile(
    r"(?:[\p{Lu}][\p{L}.'’-]*\s+){1,4}(?:" + _SAID + r"|told\s+\w+)|(?:he|she|it|they)\s+" + _SAID,
    regex.IGNORECASE,
)


_WORDS = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&'’./-]*")
