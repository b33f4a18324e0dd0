"""What a measure, amount or share is of, when no noun follows it: the noun it modifies, the thing
changed, a label, or its clause's subject."""

from __future__ import annotations

import regex

from ..figures.draft import Draft
from ..figures.joins import WORD_BEFORE
from ..lexicon import alternation, lexicon
from ..numerals import SMALL
from ..rx import rx
from .entity import _RATE_WORDS, _SAID_NEXT, _money, _physical
from .phrases import _PARTICIPLE_ED, _capitals, noun_phrase
from .subjects import (
    _CLAUSE,
    _WORDS,
    _head_chunk,
    _is_verb,
    _last_noun,
    _object_before,
    _trend_word,
    _verb_at,
    subject,
)
from .trend import _changes_after

_LEX = lexicon()
STOP_WORDS = _LEX.stop_words
_ADVERBS_AFTER = _LEX.adverbs_after
_CHANGE_NOUNS = _LEX.change_nouns
_COMPARATIVES = _LEX.comparatives
_COPULAS = _LEX.copulas
_IMPERATIVES = _LEX.imperatives
_TIME_WORDS = _LEX.time_words
_VERBS = _LEX.verbs
_STOP_OR_VERB = STOP_WORDS | _VERBS
_PRONOUN_AT = regex.compile(r"(?i)\b" + alternation(_LEX.put_at_verbs) + r"\s+(?:it|them|this|that)\s+at\s+$")


# "a fine of $3bn", "a deal worth $2bn". Patterns anchored at the end of the text before a figure are
# matched backwards (regex.REVERSE): from the end, not tried at every position of the window.
_MODIFIER_BEFORE = regex.compile(r"(?:^|\s)(\p{Ll}[\p{Ll}-]*)\s+$", regex.REVERSE)


_NOUN_BEFORE_OF = regex.compile(r"([\p{L}][\p{L}'’-]*)\s+(?:of|worth)\s+$", regex.REVERSE)


def measured(text: str, draft: Draft, floor: int, limit: int) -> str:
    """What a measure, amount or share is of: the noun it modifies ("a 25% duty"), the thing
    raised or cut to it ("bringing the total area to 1,900 square miles"), "a fine of $3
    billion", or the subject of its clause ("Vecturas shares rose 6.5%")."""
    after = draft.after if draft.after >= 0 else draft.end
    left = text[max(floor, draft.start - LOOK_BACK) : draft.start]  # bounded: a data table is one long sentence
    tail = left[-80:]  # the patterns anchored at the figure need no more than this
    aged = _AGED.search(tail)
    if aged is not None and aged.group(1).lower() not in STOP_WORDS:
        return aged.group(1)  # "1.2 million adults aged 18 to 65": the adults' ages
    people = _PEOPLE_AGED.search(tail) if draft.rule.startswith("<people>") else None
    if people is not None and people.group(1).lower() not in STOP_WORDS:
        return people.group(1)  # "men over 50": the men's ages
    if _COMPARED.match(text, draft.start, limit):
        before = WORD_BEFORE.search(tail)
        if before is not None and before.group(1).lower() not in _STOP_OR_VERB:
            return before.group(1)  # "trucks heavier than 7.5 tonnes", "people older than 65"
    moved = draft.unit == "percentage" and _changes_after(text, after, limit)
    owner = _OWNER_BEFORE.search(tail) if not draft.unit or moved else None
    if owner is not None:  # "a downgrade from the old hybrid's 212": the hybrid's figure
        named = _WORDS.findall(owner.group(1))
        stops = [k for k, w in enumerate(named) if w.lower() in STOP_WORDS and not _capitals(w)]
        head = _head_chunk(named[stops[-1] + 1 :] if stops else named)  # "beat the index's 4% gain": index
        if head:
            return head
    label = _LABEL_BEFORE.search(tail)
    if label is not None:  # "base price: $59,995"
        return " ".join(label.group(1).split()[-4:])
    if text.startswith(", ", after) and len(left) < 8 and left.strip().lower() == "at":
        tokens = _WORDS.findall(text, after + 2, min(limit, after + 120))
        verb = next((i for i in range(len(tokens)) if _verb_at(tokens, i)), 0)
        head = _head_chunk(tokens[:verb])
        if head:
            return head  # "At 8,849 metres, Everest is the tallest": what the clause after is about
    ranging = _RANGE_VERB.search(tail) if draft.qualifier == "range" else None
    if ranging is not None:  # "Tickets range from €30 to €120": what ranges
        head = _head_chunk(_WORDS.findall(_CLAUSE.split(left[: len(left) - len(tail) + ranging.start()])[-1]))
        if head:
            return head
    if _SIZE_AFTER.match(text, after, limit) and tail.rstrip().endswith(","):
        pieces = _CLAUSE.split(left.rstrip()[:-1])  # "The ship, 300 metres long, …": the noun it describes
        head = _last_noun(pieces[-1]) if pieces else ""
        if head:
            return head
    polled = _NAME_ON.search(tail) if draft.unit == "percentage" else None
    if polled is not None:  # "Labour on 44%, the Conservatives on 25%"
        return polled.group(1)
    standing = _WITH_AT.search(tail)
    if standing is not None:  # "with carbon levels at 1200 ppm", "with Brent crude settling at $71"
        named = standing.group(1).split()
        while len(named) > 1 and _is_verb(named[-1]):
            named.pop()
        return " ".join(named)
    deal = _DEAL_ON.match(text, after, limit) if _money(draft) or draft.unit == "percentage" else None
    if deal is not None and (deal.group(1) == "off" or _DEAL_VERB.search(tail)):
        what = noun_phrase(text, deal.end(), limit)
        if what:
            return what  # "20% off all laptops", "Save $50 on the Bose headphones"
    priced = _PRICED.search(tail) if _money(draft) else None
    if priced is not None:  # "the Gleaming Mirror, starting at $448", "The Pixel 8 is on sale for $499"
        tokens = _WORDS.findall(_CLAUSE.split(tail[: priced.start()])[-1])
        while tokens and tokens[-1].lower() in _COPULAS:
            tokens.pop()
        k = len(tokens)
        while k > 0 and not _verb_at(tokens, k - 1) and tokens[k - 1].lower() not in _IMPERATIVES:
            k -= 1
        head = _head_chunk(tokens[k:], noun=True)
        if head:
            return head
    having = _HAVING.search(tail) if draft.unit and _physical(draft.unit) else None
    if having is not None and having.group(1).lower() not in STOP_WORDS and not _is_verb(having.group(1)):
        return having.group(1)  # "Ferrari's SF90 with 938 horsepower", "a phone with 12GB"
    than = _THAN.match(text, after, limit)
    if than is not None:  # "10mph less than the top wind speeds on Mars": compared with them
        compared = noun_phrase(text, than.end(), limit)
        first = compared.split()[0].lower() if compared else ""
        if first and first not in _TIME_WORDS and not _PARTICIPLE_ED.fullmatch(first):  # not "than planned"
            return compared
    change = _CHANGE_IN.match(text, after, limit)
    if change is not None and change.group(1).lower() in _CHANGE_NOUNS:  # "a 4.99% rise in council tax"
        what = noun_phrase(text, change.end(), limit)
        if what:
            return what
    # "a 25% duty", "95 per cent loan-to-value mortgages", "the best $200 smartphones"
    share_or_price = draft.unit == "percentage" or draft.rule.startswith("<currency>")
    rate = _RATE_WORDS.search(text, draft.start, draft.end) is not None  # "a million barrels a day flow": no noun
    if (
        (_DETERMINER_BEFORE.search(tail) or not left.strip() or share_or_price)
        and not rate
        and not _PERIOD_ABBREVIATION.match(text, after, limit)
    ):
        m = rx(r"[ \u00a0]+(?=\p{Ll})" if share_or_price else r"[ \u00a0]+(?=[\p{L}])").match(text[after:limit])
        if m is not None:
            following = noun_phrase(text, after + m.end(), limit)
            first = following.split()[0].lower() if following else ""
            if first in _COMPARATIVES and rx(r"(?i)\ban?\s+$").search(tail):  # "a 50% lower risk of death"
                following = " ".join(following.split()[1:]) or noun_phrase(
                    text, after + m.end() + len(first) + 1, limit
                )
                first = following.split()[0].lower() if following else ""
            # "the gain of 2.13% witnessed in August" (but "30% fuming acid", "12 C melting point")
            participle = _PARTICIPLE_ED.fullmatch(first)
            speaking = _SAID_NEXT.match(text, after + m.end() + len(following), limit)
            if (
                first
                and not speaking  # "short of the 4.1% analysts had forecast": who forecast it, not what
                and first not in _TIME_WORDS
                and first not in _VERBS
                and first not in _ADVERBS_AFTER
                and not (_trend_word(first) or participle)
            ):
                return following
    bound = _BOUND_CUE.match(text, draft.start, draft.end) is not None  # "pushed temperatures above 40C"
    opened = text[draft.start : draft.start + 5].lower() == "from "  # "cut the deficit from 6.1% to 3.8%"
    cue = "to" if bound else "from" if opened else ""  # the preposition the figure's own surface swallowed
    if _PRONOUN_AT.search(tail):
        return ""  # "organisers put it at 50,000": what "it" is was said before
    changed = _object_before(left + cue if cue and left.endswith(" ") else left)
    if changed:
        return changed
    noun = _NOUN_BEFORE_OF.search(tail)
    if (
        noun is not None
        and noun.group(1).lower() not in STOP_WORDS
        and noun.group(1).lower() not in _AGGREGATES
        and not _AT_A_RATE.search(tail)
    ):
        modifier = _MODIFIER_BEFORE.search(tail, 0, noun.start(1))  # "a fatality rate of 1%": fatality rate
        acted = bool(
            modifier is not None
            and _PARTICIPLE_ED.fullmatch(modifier.group(1).lower())
            and _SUBJECT_BEFORE.search(tail, 0, modifier.start(1))
        )  # "The court awarded damages of €250,000" (but "a fixed rate of", "maximum sustained winds of")
        clause = modifier is not None and modifier.group(1).endswith("ing") and tail[: modifier.start(1)].endswith(", ")
        # ", beating estimates of 79 cents": a clause's verb, not a modifier ("operating profit of" is one)
        if modifier is not None and modifier.group(1).lower() not in _NOT_MODIFIERS and not (acted or clause):
            return f"{modifier.group(1)} {noun.group(1)}"
        a_change = noun.group(1).lower() in _CHANGE_NOUNS and _AN_BEFORE.search(tail, 0, noun.start(1))
        if noun.group(1).lower() not in _BARE_NOUNS and not a_change:
            return noun.group(1)  # but "…, an increase of 9.7%" is the subject's change ("the rise of 3.4%" is one)
    return subject(left)  # "Blood pressure fell by an average of 10 mmHg": what was averaged


_PERIOD_ABBREVIATION = regex.compile(r"(?i)\s+(?:[qmyw]/[qmyw]|yoy|qoq|mom|y-o-y|q-o-q|m-o-m)\b")  # "+0.2% q/q"


_PRICED = regex.compile(
    r"\s" + alternation(_LEX.price_verbs) + r"\s+(?:at|from|for)\s+$",
    regex.REVERSE,
)  # "X starting at $448": X is what the price is of


_DEAL_ON = regex.compile(r"\s+(off|on)\s+(?:all\s+|the\s+|its\s+|your\s+|a\s+|an\s+|this\s+|these\s+)?(?=\p{L})")


_DEAL_VERB = regex.compile(
    r"(?i)\b" + alternation(_LEX.deal_verbs) + r"\s+(?:up\s+to\s+|over\s+)?"
    r"(?:an?\s+(?:extra|additional|further)\s+|another\s+)?$",
    regex.REVERSE,
)


_HAVING = regex.compile(r"(?:^|\s)([\p{L}\p{N}][\p{L}\p{N}'’&-]*)\s+with\s+$", regex.REVERSE)


_PEOPLE_AGED = regex.compile(
    r"(?i)\b(" + alternation(_LEX.people_of_an_age) + r")\s+(?:aged\s+)?$", regex.REVERSE
)  # "people over 65": the people's ages


_COMPARED = regex.compile(r"(?i)\p{L}+er\s+than\s")  # a figure that opens with a comparative: "heavier than 7.5 t"


_RANGE_VERB = regex.compile(r"\s" + alternation(_LEX.range_verbs) + r"\s+$", regex.REVERSE)


_AGED = regex.compile(r"(?i)(\p{L}+)\s+aged\s+(?:between\s+|from\s+)?$", regex.REVERSE)


_OWNER_BEFORE = regex.compile(
    r"(?:^|[\s(])((?:[\p{L}&]+\s+){0,2}(?:[\p{L}&]+|\d+(?<=\p{Lu}[\p{L}&]*\s+\d+)))['’]s\s+$", regex.REVERSE
)  # "the old hybrid's 212", "the S&P 500's 12% rise"


_SIZE_AFTER = regex.compile(r"\s+" + alternation(_LEX.size_words) + r"\b")


_THAN = regex.compile(
    r"\s+" + alternation(_LEX.than_comparatives) + r"\s+than\s+"
    r"(?:the\s+|that\s+of\s+(?:the\s+)?|those\s+of\s+(?:the\s+)?)?(?=\p{L})"
)


_CHANGE_IN = regex.compile(r"\s+(?:[\p{Ll}-]+\s+)?(\p{Ll}+)\s+(?:in|of)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?")


_BOUND_CUE = regex.compile(r"(?i)(?:above|below|over|under|past|beyond)\s")


_AT_A_RATE = regex.compile(
    r"(?i)\bat\s+(?:an?|the)\s+(?:"
    + alternation(_LEX.pace_adjectives)
    + r"\s+){0,2}"
    + alternation(_LEX.pace_nouns)
    + r"\s+of\s+$",
    regex.REVERSE,
)  # "grew at an annual rate of 4.1%": the subject grew (but "a building rate of $80")


_AGGREGATES = _LEX.aggregates


# "to a close of 1,463 points", "a sum of $5m": the subject's figure (but "the previous record of 38.5C")
_AN_BEFORE = regex.compile(r"(?i)\ban?\s+$", regex.REVERSE)


_SUBJECT_BEFORE = regex.compile(r"(?i)(?:^|\b(?:the|a|an|its|their|his|her|our)\s+)\p{L}+\s+$", regex.REVERSE)


_BARE_NOUNS = _LEX.record_nouns


_NOT_MODIFIERS = _LEX.not_modifiers


_NAME_ON = regex.compile(r"(?:^|\s)((?:\p{Lu}[\p{L}&'’.-]*\s+){0,3}\p{Lu}[\p{L}&'’.-]*)\s+on\s+$", regex.REVERSE)


_WITH_AT = regex.compile(
    r"\b(?:[Ww]ith|[Aa]mid)\s+(?:the\s+|its\s+|their\s+)?((?:[\p{L}&'’-]+\s+){0,3}?[\p{L}&'’-]+)\s+at\s+$"
)


LOOK_BACK = 1000  # characters before a figure where what it measures may be named


# "Revenue: $4bn", "Headcount — 12,400"
_LABEL_BEFORE = regex.compile(r"([\p{L}][\p{L} '’-]{0,40})(?::|\s+[—–])\s*$", regex.REVERSE)


_DETERMINER_BEFORE = regex.compile(
    r"(?i)(?:\b(?:a|an|the|its|their|his|her|our|this|that|each|of|with|"
    + alternation([*_LEX.number_scales, *(w for w, v in SMALL.items() if 2 <= v <= 10)])
    + r")|\d)\s+(?:"
    + alternation(_LEX.figure_adjectives)
    + r"\s+)?$",
    regex.REVERSE,
)
