"""Context: what a figure counts (entity), which way it moved (trend), who gave it (source),
and its kind — read from the words around it.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .catalogue import Catalogue, load_catalogue
from .cues import (
    INDEX_NAMES,
    NOT_NAMES,
    QUALIFIER_CUES,
    STOP_WORDS,
    TREND_DOWN,
    TREND_NOUN_DOWN,
    TREND_NOUN_UP,
    TREND_UP,
    words,
)
from .figure import Figure
from .figures import PEOPLE, WORD_BEFORE, Draft
from .rx import rx

_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]")
_IRREGULAR_PLURALS = words(
    """
    people men women children staff police personnel cattle crew feet teeth mice geese data
    media troops fish sheep deer aircraft
    """
)
_SINGULAR_MEN = words("specimen abdomen regimen acumen stamen")  # "fishermen", "policemen" are plural
_MONTHS = words(
    """
    january february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday
    """
)
_OF_X = regex.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|your\s+|a\s+|an\s+|all\s+|this\s+|that\s+"
    r"|these\s+|those\s+)?(?:[\p{L}]+['’]s\s+)?(?:(?:last|first|next|past|previous|top|other)\s+(?=\d))?"
    r"(?:(?:some|about|around|roughly|nearly|almost|over|more\s+than|at\s+least)\s+(?=\d))?"
    r"(?:\d[\d,.]*(?:%|-strong)?\s+(?:(?:thousand|million|billion)\s+)?(?=[\p{L}])"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)\s+(?=\p{Ll}))?"
)
_LEFT_TOKENS = regex.compile(r"[\p{L}]+(?:['’][\p{L}]+)?|[\d.,%$€£]+|[,;:()—–]")


_SAME_PLURAL = words("series species news means")


def _plural(word: str) -> bool:
    w = word.lower()
    if w in _SAME_PLURAL:
        return False  # "Series B funding", "species loss": a noun that reads on
    if w in _IRREGULAR_PLURALS or rx(r"\d+s").fullmatch(w) or rx(r"\p{Lu}{2,}s").fullmatch(word):
        return True
    if w.endswith("men") and len(w) > 5 and w not in _SINGULAR_MEN:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


_PAST_TENSE = words(
    """
    flew drew threw wrote drove rode struck shot fought caught taught brought bought sold won lost went
    came began grew shrank sank fell rose stood ran knew thought told said spoke met kept led built sent
    quit gave took made got ate slept swam sang broke chose froze woke wore tore
    """
)  # irregular past tenses: after a noun, its verb ("the 40-strong crew flew home")
_PASSIVE_ASIDE = regex.compile(r"\s*(?:\p{Ll}+\s+)?\p{Ll}{3,}ed\s+by\s")  # ", first reported by Bloomberg,"
_PERIODIC = words("daily weekly monthly yearly quarterly hourly nightly")
_LY_NOT_ADVERBS = _PERIODIC | words(
    """
    family assembly supply rally ally anomaly monopoly butterfly jelly belly bully lily italy july
    likely unlikely elderly friendly lonely costly deadly lovely lively orderly holy oily curly chilly
    silly ugly
    """
)  # words in -ly that are nouns or adjectives: "5 family members", "1,200 likely voters"
_NAME_NEXT = regex.compile(r" \p{Lu}[\p{L}\p{N}-]*(?: [\p{Lu}\p{N}][\p{L}\p{N}-]*)? \p{Ll}")
_NOUN_AFTER = regex.compile(r" (?!(?:and|or|in|on|at|by|for|to|from|with|after|before|when|as|the|a|an)\b)\p{Ll}{2,}")
_PLURAL_NEXT = regex.compile(r" \p{Ll}{3,}s\b")
_ADJECTIVE_NEXT = regex.compile(r"(?: and \p{Ll}{3,})? \p{Ll}{3,}s\b(?! (?:of|to|in|on|at|for|by)\b)")
_AND_ADJECTIVE = regex.compile(r" \p{Ll}{2,}(?:ed|ing) \p{Ll}{3,}s\b")  # "issued and outstanding shares"
_PRONOUN_AT = regex.compile(
    r"(?i)\b(?:put|puts|estimated|estimates|estimate|pegged|pegs|placed|places|set|sets)\s+(?:it|them|this|that)\s+at\s+$"
)
_WHEN = words("last next yesterday today tomorrow tonight")  # "a record 745,000 last year": no noun


_VERBS_IN_S = words(
    """
    applies means requires involves contains allows affects happens exists expires ensures enables helps
    depends consists belongs occurs seems appears explains suggests implies reflects kicks starts sells pays
    earns weighs
    """
)  # "The 30 mph limit applies", "a 10% tariff means": after a noun, its verb (but "housing starts")
_FIGURE_NEXT = regex.compile(r" (?:[$€£]|US\$)?\d")
_PERSONS = words("people men women children")  # "one in five children lives": a verb after them, rarely a noun


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
        elif not words and low in ("total", "overall", "entire", "whole") and _NOUN_AFTER.match(text, m.end(), limit):
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


_CUE_WORDS = frozenset(w for cue in QUALIFIER_CUES for w in cue.split() if w.isalpha()) | {"up", "down", "by", "to"}
_ASIDE = regex.compile(r"\s*\([^()]{1,30}\)")
_BEFORE_PLURAL = regex.compile(
    r" (?!(?:is|was|has|does|goes|means|seems|makes|takes|gives|this|its|as|us|plus|less)\b)\p{Ll}{3,}s\b"
)
_MONEY_NOUNS = words(
    "revenue funding aid debt profit income investment spending financing capital compensation relief support"
    " restitution bail cash credit equity"
)
_IN_X = regex.compile(
    r"\s+in\s+(?!(?:exchange|return|cash|total|all|addition|full|part|advance|person|public|turn|order|place|fact"
    r"|particular|general|response|damages?\s+to|value|size|length|weight|height|width|area|funding\s+for)\b)(?=\p{L})"
)  # "$1 billion in gains", not "$20,000 in exchange for", "$5bn in value"
_PARTICIPLE_ED = regex.compile(r"[\p{Ll}]{3,}ed(?<!feed|speed|bed|need|seed)")
_DETERMINED = regex.compile(r"\s+(?:the|its|their|his|her|our|your|this|that)\s+(?=\p{L})")
_MONEY_BETWEEN = regex.compile(
    r",?\s+(?:[$€£]|US\$|C\$|A\$)\d[\d,.]*(?:\s*(?:million|billion|trillion|m|bn|k)\b)?\s+(?=\p{Ll})"
)
_MORE = regex.compile(r"[ \u00a0]+(?:more|fewer|extra|additional|further)\s+(?=\p{Ll})")
_PER_TIME = regex.compile(r"\s+(\p{Ll}{3,}s)\s+(?:per|an?|each)\s+(second|minute|hour|day|week|month|year)\b")
_OLD = regex.compile(r"(?i)(?:years?-)?olds?\b")  # "a 65 year-old": an age, no thing measured


def entity(text: str, draft: Draft, floor: int, limit: int) -> str:
    """What the figure counts or measures, as written in the text; "" when it does not say."""
    after = draft.after if draft.after >= 0 else draft.end
    if draft.entity:
        return draft.entity
    if draft.unit or draft.kind in ("date", "time", "ordinal"):
        if draft.kind in ("date", "time") or draft.rule.startswith("<people>"):
            return ""  # "adults over 65 falls": whose age it is is said before it
        spent = _IN_X.match(text, after, limit) if _money(draft) else None
        if spent is not None:  # "$1 billion in gains", "$5bn in sales", "$2m in funding"
            what = noun_phrase(text, spent.end(), limit)
            head = what.split()[-1].lower() if what else ""
            if head and (_plural(head) or head in _MONEY_NOUNS) and what.split()[0].lower() not in _TIME_WORDS:
                return what  # not "$80 in premarket trading"
        aside = _ASIDE.match(text, after, limit)  # "8 miles (13 km) of new tunnels", and "13 km) of"
        skip = aside.end() if aside is not None else after + 1 if text[after : after + 1] == ")" else after
        near = text[draft.start : draft.start + 7].lower() == "within "  # "within 40 km of Earth": near it
        of = None if near else _OF_X.match(text, skip, limit)
        if of is not None:
            return noun_phrase(text, of.end(), limit)
        if _HYPHEN_UNIT.search(text, draft.start, draft.end):
            money = _MONEY_BETWEEN.match(text, skip, limit)  # "a two-year, $40 million contract"
            if money is not None:
                return noun_phrase(text, money.end(), limit)
        # a hyphen compound or a unit used as a modifier: "a two-day truce", "a 40 yard line"
        if (
            draft.unit
            and text[skip : skip + 1] in (" ", "-")
            and (
                draft.rule.endswith("old")
                or _HYPHEN_UNIT.search(text, draft.start, draft.end)
                or _modifier(text, draft)
                or _BEFORE_PLURAL.match(text, skip, limit)  # "50mph winds", "300 km/h speeds"
            )
            and not _RATE_WORDS.search(text, draft.start, draft.end)  # "20m barrels a day pass through"
        ):
            modified = noun_phrase(text, skip + 1, limit)
            first = modified.split()[0].lower() if modified else ""
            if (
                first
                and not _SAID_NEXT.match(text, skip + 1 + len(modified), limit)  # "the 4.1% analysts had forecast"
                and first not in _TIME_WORDS
                and first not in _ADVERBS_AFTER
                and not (_OLD.match(modified) or _PARTICIPLE_ED.fullmatch(first))
            ):
                return modified
        return ""
    if draft.style == "vague" and text[draft.end - 1 : draft.end].lower() == "s":
        return ""  # "Thousands marched", "tens of thousands fled": what they are is said elsewhere
    if draft.style == "vague" or draft.rule.startswith("one of"):
        return noun_phrase(text, after, limit)
    of = _OF_X.match(text, after, limit)
    if of is not None:  # "two of Johnson's deputies", "35m of its Echo devices"
        return noun_phrase(text, of.end(), limit)
    whose = _DETERMINED.match(text, after, limit) if draft.style == "fraction" else None
    if whose is not None:  # "keep half the revenue", "a third its size"
        return noun_phrase(text, whose.end(), limit)
    rate = _PER_TIME.match(text, after, limit)
    if rate is not None:  # "60 frames per second", "12 trains an hour"
        return f"{rate.group(1)} per {rate.group(2)}"
    m = _MORE.match(text, after, limit) if draft.value != 1 else None  # "5,000 more beds" (not "one more step")
    if m is None:
        m = rx(r"[ \u00a0]+").match(text, after, limit)
    return noun_phrase(text, m.end(), limit, singular=draft.value == 1) if m else ""


_JUNK = words(
    "isnt weve dont doesnt didnt cant wont thats theyre youre ive im arent wasnt unless believe say get "
    "it's that's there's here's what's he's she's we're they're i'm it’s that’s there’s"
)
_TIME_WORDS = words(
    """
    last next this year years month months week weeks day days quarter today yesterday tomorrow
    tonight morning afternoon evening night earlier later ago annually apiece each per
    """
)
_CLAUSE = regex.compile(
    r"[;:()\[\]—–“”\"]|,(?!\d{3})|\s(?:while|whereas|but|although|though|and|when|because)\s"
    r"|(?<!\bas\s+\w+)\sas\s(?!(?:much|many|well|high|low|long|far|little|few|part|of|a|an|the)\b|\w+\s+as\b)"
)  # "Nintendo fell 4% as Sony lost 2.7%": the clause after "as" has its own subject
_VERBS = words(
    """
    is was are were be been being has have had will would could can may might should must
    reached hit hits reach reaches totaled totalled totals cost costs measures measured
    measure weighs weighed weigh stood stands came comes ended ends closed closes amounted amounts
    traded trades paid pays fetched fetches sold sells earned earns made makes holds held carried
    carries covers covered employs employed topped tops exceeded exceeds peaked remains remained
    reported reports posted posts recorded records spent spends generated generates raised raises
    offers offered expects expected estimated estimates forecast forecasts put puts accounts
    accounted represents represented stretches stretched runs ran takes took produces produced
    delivered delivers saw sees received receives owns owned needs needed requires required
    reduced seems seemed looks looked edged inched bought spent took gave got won lost left went
    came began grew shrank sank fell rose wants want wanted plans planned aims aimed hopes hoped
    seeks sought needs say says said told tells shows showed spoke held met kept led built sent
    stood ran saw found felt knew thought asked tried called moved lived hit set put let cut stand sit hover
    flew drew threw wrote drove rode struck hung shot fought caught taught brought bought show ranged ranging
    claims claim start starts started begin begins end ends stay stays earn sell buy exceed produce employ
    spend generate represent require receive lose spans span estimate predict predicts expect think own
    control hold impose imposes imposed stole steal steals
    thinks beat beats missed misses suggest suggests suggested
    become became remain remained stay stayed sits sat lies lay
    """
)
_LEADING = words(
    """
    the a an its their his her our your my this that these those however meanwhile so far also
    it they there which who we he she i you because although though while whereas if when where
    now then still even just only but and or in on at of for by with from as since after before
    overall most many some several all both each half few whose
    """
)
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
        if before is not None and before.group(1).lower() not in STOP_WORDS | _VERBS:
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
    r"\s(?:starting|starts|start|priced|retailing|retails|selling|available|on\s+sale)\s+(?:at|from|for)\s+$",
    regex.REVERSE,
)  # "X starting at $448": X is what the price is of
_DEAL_ON = regex.compile(r"\s+(off|on)\s+(?:all\s+|the\s+|its\s+|your\s+|a\s+|an\s+|this\s+|these\s+)?(?=\p{L})")
_DEAL_VERB = regex.compile(
    r"(?i)\b(?:save|saving|saves|get|take|knock|knocks|enjoy|spend|spent|spends|spending)\s+(?:up\s+to\s+|over\s+)?"
    r"(?:an?\s+(?:extra|additional|further)\s+|another\s+)?$",
    regex.REVERSE,
)
_IMPERATIVES = words("get buy grab pick snag order shop try see find take save")  # "Get the Mirror starting at $448"
_HAVING = regex.compile(r"(?:^|\s)([\p{L}\p{N}][\p{L}\p{N}'’&-]*)\s+with\s+$", regex.REVERSE)
_PEOPLE_AGED = regex.compile(PEOPLE + r"(?:aged\s+)?$", regex.REVERSE)  # "people over 65": the people's ages
_COMPARED = regex.compile(r"(?i)\p{L}+er\s+than\s")  # a figure that opens with a comparative: "heavier than 7.5 t"
_RANGE_VERB = regex.compile(r"\s(?:range|ranges|ranged|vary|varies|varied)\s+$", regex.REVERSE)
_AGED = regex.compile(r"(?i)(\p{L}+)\s+aged\s+(?:between\s+|from\s+)?$", regex.REVERSE)
_OWNER_BEFORE = regex.compile(
    r"(?:^|[\s(])((?:[\p{L}&]+\s+){0,2}(?:[\p{L}&]+|\d+(?<=\p{Lu}[\p{L}&]*\s+\d+)))['’]s\s+$", regex.REVERSE
)  # "the old hybrid's 212", "the S&P 500's 12% rise"
_SIZE_AFTER = regex.compile(r"\s+(?:long|wide|tall|high|deep|thick|across|in\s+(?:length|diameter|height|width))\b")
_THAN = regex.compile(
    r"\s+(?:less|more|fewer|lower|higher|greater|faster|slower|bigger|smaller|cheaper|longer|shorter)\s+than\s+"
    r"(?:the\s+|that\s+of\s+(?:the\s+)?|those\s+of\s+(?:the\s+)?)?(?=\p{L})"
)
_CHANGE_IN = regex.compile(r"\s+(?:[\p{Ll}-]+\s+)?(\p{Ll}+)\s+(?:in|of)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?")
_BOUND_CUE = regex.compile(r"(?i)(?:above|below|over|under|past|beyond)\s")
_AT_A_RATE = regex.compile(
    r"(?i)\bat\s+(?:an?|the)\s+(?:(?:annual|annualised|annualized|yearly|quarterly|monthly|weekly|daily|average"
    r"|seasonally|adjusted|steady|record|faster|slower|brisk|sharp|healthy|modest)\s+){0,2}(?:rate|pace|clip)\s+of\s+$",
    regex.REVERSE,
)  # "grew at an annual rate of 4.1%": the subject grew (but "a building rate of $80")
_AGGREGATES = words("total average mean median maximum minimum combined estimated high low peak")
# "to a close of 1,463 points", "a sum of $5m": the subject's figure (but "the previous record of 38.5C")
_AN_BEFORE = regex.compile(r"(?i)\ban?\s+$", regex.REVERSE)
_SUBJECT_BEFORE = regex.compile(r"(?i)(?:^|\b(?:the|a|an|its|their|his|her|our)\s+)\p{L}+\s+$", regex.REVERSE)
_BARE_NOUNS = words("close sum tally record")
_NOT_MODIFIERS = STOP_WORDS | _AGGREGATES | _VERBS | words("cent percent pct")


_NAME_ON = regex.compile(r"(?:^|\s)((?:\p{Lu}[\p{L}&'’.-]*\s+){0,3}\p{Lu}[\p{L}&'’.-]*)\s+on\s+$", regex.REVERSE)
_WITH_AT = regex.compile(
    r"\b(?:[Ww]ith|[Aa]mid)\s+(?:the\s+|its\s+|their\s+)?((?:[\p{L}&'’-]+\s+){0,3}?[\p{L}&'’-]+)\s+at\s+$"
)
_COMPARATIVES = words("higher lower cheaper faster smaller bigger larger better worse stronger weaker greater")
_ADVERBS_AFTER = _COMPARATIVES | words(
    """
    away apart ahead behind long wide tall deep thick
    complete full empty effective accurate likely certain sure done finished occupied vaccinated funded owned
    nationwide worldwide statewide countrywide globally overall alone respectively instead month-on-month
    year-on-year quarter-on-quarter week-on-week day-on-day year-over-year month-over-month y/y m/m yoy
    """
)
_NORMALLY_SINGULAR = words(
    "per feet percent cent pct celsius fahrenheit hp mph kph rpm mpg bhp kg km ppm ppb ppt kw mw gw kwh mwh gwh twh ml"
    " hundred thousand million billion trillion"
)  # and scale words: "€35 million plus add-ons" uses no unit as a modifier
LOOK_BACK = 1000  # characters before a figure where what it measures may be named
_DETERMINERS = words("the a an its their his her our your my this that these those each every")
_ARTICLES = words("the a an its their his her our your my")
_HYPHEN_UNIT = regex.compile(r"[\d\p{L}]-\p{L}")
# "Revenue: $4bn", "Headcount — 12,400"
_LABEL_BEFORE = regex.compile(r"([\p{L}][\p{L} '’-]{0,40})(?::|\s+[—–])\s*$", regex.REVERSE)
_DETERMINER_BEFORE = regex.compile(
    r"(?i)(?:\b(?:a|an|the|its|their|his|her|our|this|that|each|of|with|million|billion|thousand|hundred|two|three|four"
    r"|five|six|seven|eight|nine|ten)|\d)\s+(?:(?:new|proposed|planned|current|standard|typical|average|maximum"
    r"|minimum|extra|additional|mere|whopping|massive|huge|modest|heavy|light|tiny|existing|former|revised|smaller"
    r"|larger|bigger|cheaper|pricier|newer|older|basic|base|top)\s+)?$",
    regex.REVERSE,
)
_PREPOSITIONS = words(
    """
    in on at for across from with by since during after before under over between among into
    near through throughout within without against per via than like as
    """
)


def _money(draft: Draft) -> bool:
    """An amount of money: "$5m", "45 million dollars", "€3 a litre"."""
    return draft.rule.startswith("<currency>") or (
        bool(draft.unit) and load_catalogue().unit(draft.unit).dimension.startswith("currency")
    )


def _physical(unit: str) -> bool:
    """A unit of a physical quantity: not money, a share, a count or a span of time."""
    dimension = load_catalogue().unit(unit).dimension
    return dimension not in ("time", "dimensionless", "") and not dimension.startswith("currency")


def _is_verb(token: str) -> bool:
    low = token.lower()
    if low in _VERBS or low in TREND_UP or low in TREND_DOWN or low in _VERBS_IN_S:
        return True
    return token.islower() and len(low) > 4 and low.endswith(("ed", "ing"))


_STATES = words("steady flat unchanged stable firm constant level still broadly largely roughly little")


_WHEN_STARTS = words("in over within during since after for")


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


def _capitals(word: str) -> bool:
    """Written in capitals: "US", "IT" are names, not the pronoun or the preposition."""
    return len(word) > 1 and word.isupper()


_TRAILING = words("of and or however meanwhile though too also therefore")


def _head_chunk(tokens: list[str], noun: bool = False) -> str:
    """The noun phrase at the front of ``tokens``: leading determiners, adverbs and dates dropped,
    cut before its first preposition ("Revenue in the quarter" is "Revenue"). ``noun``: its first
    word is known to be a noun, whatever it looks like ("claims", "cuts")."""
    head = list(tokens)
    while head and (
        (head[0].lower() in _LEADING and not _capitals(head[0]))
        or head[0].lower() in _TIME_WORDS
        or head[0][0].isdigit()
    ):
        head = head[1:]
    if head and _OLD.match(head[0]) and len(head) < len(tokens) and tokens[-len(head) - 1][0].isdigit():
        head.insert(0, tokens[-len(head) - 1])  # "a 60 year-old might withdraw": the person is "60 year-old"
    out: list[str] = []
    for k, token in enumerate(head):
        low = token.lower()
        stop = low in _PREPOSITIONS or (low in STOP_WORDS and low not in _IN_NOUN_PHRASE and not _capitals(token))
        per_share = low == "per" and k + 1 < len(head) and head[k + 1].lower() in ("share", "capita", "head", "person")
        if out and stop and not (low == "worth" and out[-1].lower() == "net") and not per_share:
            if len(out) > 1 and _PARTICIPLE_ED.fullmatch(out[-1]) and low in ("for", "by", "in", "from", "with", "at"):
                out.pop()  # "Wages adjusted for inflation": the participle describes its noun
            break  # but "Her net worth is", "Earnings per share came in at"
        phrase = out and (out[-1].lower() in _CUE_WORDS or out[-1].islower()) and out[-1] not in INDEX_NAMES
        if token[0].isdigit() and phrase and not _COMPOUND_NUMBER.match(token):
            return ""  # "up nearly 57% after", "flew 4.3 million": no subject ("S&P 500", "iPhone 12" are names)
        out.append(token)
    while out and (out[-1].lower() in _TRAILING or _ADVERB_LY.fullmatch(out[-1])):
        out.pop()  # "Bitcoin briefly topped": Bitcoin; "Sales however rose": Sales
    if all(t.lower() in _PARTICLES for t in out):
        return ""  # "falling back to $68,000": no thing
    first = out[0].lower() if out else ""
    noun = noun or (len(head) < len(tokens) and tokens[-len(head) - 1].lower() in _ARTICLES)  # "its forecast"
    if (
        first in _JUNK
        or (first in _VERBS and not noun)
        or (first in STOP_WORDS and first not in _IN_NOUN_PHRASE and not _capitals(out[0]))
    ):
        return ""  # but "US job openings", "IT spending": capitals make no pronoun
    return " ".join(out[:6])


def subject(left: str) -> str:
    """The subject of the clause that ends ``left``: the words before its first verb; a name
    written right before the figure ("Stoxx 50 -1.3%"); or, for a clause that starts with its
    verb ("…, up nearly 57%"), the subject of the clause before."""
    name = _NAME_BEFORE.search(left[-80:])
    if name is not None and name.group(1).split()[0].lower() not in NOT_NAMES:
        named = " ".join(t for t in name.group(1).split() if not t[0].isdigit())
        return named.removesuffix("'s").removesuffix("’s")  # "to Le Pen's 41.5%": Le Pen
    verb_first = False  # the clause after this one starts with its verb: "The SDF, Manning said, has cleared"
    pieces = _CLAUSE.split(left)
    that_clause = _THAT_VERB.search(pieces[-1])
    if that_clause is not None and that_clause.group(1).lower() not in STOP_WORDS:
        tokens = _WORDS.findall(pieces[-1][: that_clause.end(1)])  # "forms a plume that extends 300 miles": the plume
        k = len(tokens)
        while k > 0 and len(tokens) - k < 4 and tokens[k - 1].lower() not in STOP_WORDS and not _is_verb(tokens[k - 1]):
            k -= 1
        if k < len(tokens):
            return " ".join(tokens[k:])
    for n, piece in enumerate(reversed(pieces)):
        tokens = _WORDS.findall(piece)
        said = tokens[:-1] if tokens[-1:] == ["that"] else tokens
        if not n and said and said[-1].lower() in _SAID_BEFORE:
            return ""  # "Officials said 3,400 acres had burned": the figure opens what was said
        if n and (
            _ATTRIBUTION.fullmatch(piece.strip())
            or tokens[:1] in (["who"], ["whose"], ["which"])
            or _PASSIVE_ASIDE.match(piece)
            or _FIGURE_FIRST.match(piece)  # "The tunnel, 57 km long, took 17 years"
        ):
            continue  # asides: "The SDF, Manning said, has cleared …", "The patients, whose median age was 62,"
        verbs = [i for i in range(len(tokens)) if _verb_at(tokens, i) and not _reduced_relative(tokens, i)]
        if not verbs:  # "The material shoots out at …": a present-tense verb after the subject
            verbs = [i for i, token in enumerate(tokens) if i and _present_verb(tokens[i - 1], token)]
        if not verbs and not n and len(tokens) == 1 and len(pieces) > 1 and _present_verb("it", tokens[0]):
            verbs = [0]  # "The bridge, which opened in 1937, stretches 1.7 miles": a verb after an aside
        if verb_first and not verbs and tokens:
            return _head_chunk(tokens)
        opening = tokens[0].lower() if tokens else ""
        verb_first = (
            bool(verbs) and verbs[0] == 0 and (opening in _MODALS or not n)
        )  # "The patients, …, received 200mg": the subject is before the aside
        # verb groups ("would halve", "is expected"): the subject stands before the last one
        # that has words before it ("Bailey said inflation would halve to 5%": inflation)
        starts = []
        for i in verbs:
            while i and tokens[i - 1].lower() in _ADVERBS:
                i -= 1  # "A litre of petrol now costs": the adverb opens the verb group
            if i and i - 1 not in verbs and i not in starts:
                starts.append(i)
        relative = tokens[:1] in (["which"], ["who"]) and (
            (verbs and verbs[0] == 1) or tokens[1:2] in (["range"], ["ranges"])  # "which range from"
        )
        participle = (not n and tokens[:1] == ["worth"]) or (
            verbs and verbs[0] == 0 and tokens[0].lower() in _DESCRIBING
        )  # "…, ranging from $200", "The deal, worth about $69 billion,"
        if (relative or participle) and n + 1 < len(pieces):
            before = [piece for piece in pieces[: -n - 1] if not _FIGURE_FIRST.match(piece)]  # "…, 300 m long and"
            head = _last_noun(before[-1]) if before else ""  # "relations with Nissan, which is 43.4% owned"
            if head:
                return head
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
                return head
    return ""


_SAID_BEFORE = words("said says say told noted stated warned wrote confirmed insisted")  # not "added", "reported"
_THAT_VERB = regex.compile(
    r"(?:^|\s)(\p{L}[\p{L}-]*)\s+(?:that|which|who)\s+(?:\p{Ll}+ly\s+)?\p{Ll}{3,}(?<![su]s)s\s+(?:up\s+to\s+|about\s+)?$",
    regex.REVERSE,
)
_DESCRIBING = words(
    "ranging totalling totaling averaging amounting valued priced worth costing weighing measuring spanning"
)
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
_PARTICLES = words("back up down off out away over along around on in")
_PHRASAL_UP = words("make makes made making take takes took taking set sets picked sign signed")
_COPULAS = words("is was are were will would has had could may might should")
_GERUND_NOUNS = words(
    """
    spending lending borrowing building funding housing manufacturing training shipping marketing
    advertising clothing banking pricing trading processing mining farming fishing polling testing
    hiring planning parking timing financing accounting retailing licensing lodging catering
    rating ranking warning meeting hearing ruling listing filing holding offering opening recording
    setting reading wedding feeling landing staffing booking ceiling spring evening morning building
    warming heating cooling
    """
)
_FUNDING = words("raise raised raises raising")
_TREND_NOUNS = TREND_NOUN_UP | TREND_NOUN_DOWN  # "a 5% rise", "a sharp 3% drop"
_CHANGE_NOUNS = _TREND_NOUNS | {"improvement", "change", "deterioration"}
_ADVERBS = words("also not never still already just only then now even further again")
_ADJECTIVE_BEFORE = words("total most more less newly recently fully highly well so-called")


def _reduced_relative(tokens: list[str], i: int) -> bool:
    """ "people waiting for treatment": an -ing word after a noun, with no "is" before it and a
    preposition after it, describes the noun; the clause's own verb comes later."""
    if 0 < i < len(tokens) - 1 and tokens[i].lower() in ("ended", "ending") and tokens[i + 1].lower() in _MONTHS:
        return True  # "Revenue for the quarter ended June 30 came in at": a date, not the clause's verb
    low = tokens[i].lower()
    if (
        0 < i < len(tokens) - 2
        and _PARTICIPLE_ED.fullmatch(low)
        and tokens[i + 1].lower() in ("for", "by", "in", "from", "with", "at")
        and tokens[i - 1].lower() not in _MODALS | STOP_WORDS
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
    if not i and token.lower() in _IMPERATIVES:
        return True  # "Save $50 on …", "Get 20% off …": a sentence that opens with its verb
    before = tokens[i - 1].lower() if i else ""
    if before in _MODALS and token.islower() and token.lower() not in STOP_WORDS:
        return True
    if not _is_verb(token):
        return False
    low = token.lower()
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
    if low in _VERBS or low in TREND_UP or low in TREND_DOWN:
        return not (before in _DETERMINERS and low.endswith(("ed", "ing")))
    return not (before in _DETERMINERS or before in _ADJECTIVE_BEFORE or before[:1].isdigit())


_IN_NOUN_PHRASE = words("of total overall") | _PERIODIC  # "Average weekly earnings"
_NOUN_VERBS = words("forecast forecasts estimate estimates target targets")
_MOVED_VERBS = words(
    "rose fell jumped climbed dropped slid slipped increased decreased declined surged soared plunged tumbled"
    " doubled halved tripled"
)
_MODALS = words("would will could can may might should must shall to has have had is are was were be been being")


def _present_verb(before: str, token: str) -> bool:
    return (
        token.islower()
        and before.isalpha()
        and len(token) > 3
        and token.endswith("s")
        and not token.endswith(("ss", "us", "is"))
        and before.lower() not in _DETERMINERS
        and before.lower() not in STOP_WORDS
    )


_NAME_BEFORE = regex.compile(r"(?:^|[:;,]\s*|\s)((?:\p{Lu}[\p{L}&.'’-]*\s+){1,4}(?:\d+\s+)?)$", regex.REVERSE)
_ATTRIBUTION = regex.compile(
    r"(?:[\p{Lu}][\p{L}.'’-]*\s+){1,4}(?:said|says|told\s+\w+|added|noted|reported|wrote)|(?:he|she|it|they)\s+(?:said|says|added|noted)",
    regex.IGNORECASE,
)


_WORDS = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&'’./-]*")


_STREET = words(
    """
    street st road rd avenue ave way lane ln drive dr boulevard blvd place pl court ct square sq
    terrace highway hwy parkway pkwy crescent close row
    """
)


def is_name(entity: str) -> bool:
    """The words after a number are a name, not a counted thing: "737 MAX", "11 Pro", "49 Zorro Road"."""
    words = entity.split()
    if not words:
        return False
    if words[-1].lower().rstrip(".") in _STREET and words[-1][0].isupper():
        return True
    capitalised = all(w[0].isupper() or w[0].isdigit() for w in words)
    return capitalised and not _plural(words[-1]) and not (words[-1].isupper() and len(words[-1]) > 1)


_RATE_WORDS = regex.compile(r"\s(?:a|an|per(?!\s+cent\b)|each)\s")  # "barrels a day", "frames per second"


def _modifier(text: str, draft: Draft) -> bool:
    """The unit is written as a modifier: a hyphen compound, or singular where the number wants plural."""
    if _HYPHEN_UNIT.search(text, draft.start, draft.end):
        return True
    if draft.value is None or draft.value == 1 or _RATE_WORDS.search(text, draft.start, draft.end):
        return False  # "A million barrels a day flow": a rate's last word is its time, no modifier
    last = text[draft.start : draft.end].split()[-1].lower()
    return last.isalpha() and not last.endswith("s") and len(last) > 2 and last not in _NORMALLY_SINGULAR


_PASS_OVER = words(
    """
    by to a an was were is are been has had have just some another further sharply slightly nearly
    almost about around more than over at least up down roughly marginally only or , points per
    cent percent % the their its steeply modestly rate pace of annual annualised annualized
    seasonally adjusted inflation-adjusted revised
    """
)  # "shrank at an annualised rate of 2.1%"


def _trend_word(token: str) -> str:
    """up, down or "" for a word and its inflections ("plummeting", "soared", "rises")."""
    low = token.lower()
    for form in (low, low[:-3], low[:-3] + "e", low[:-2], low[:-1], low[:-4] if low.endswith("ting") else low):
        if form in TREND_UP:
            return "up"
        if form in TREND_DOWN:
            return "down"
    return ""


_OF_WHOLE = regex.compile(r"(?i)\bof\s+(?:the|its|their|his|her|our|all)\s+$", regex.REVERSE)


def trend(text: str, draft: Draft, floor: int, limit: int, previous: list[Draft]) -> str:
    """up or down where the figure is a change ("rose 5%", "down 3%", "a 5% rise"), else "".

    A range of values ("from 252 to 287 miles") is no change; a range of changes ("fell by 1 to
    1.5 degrees") is.
    """
    if draft.kind in ("date", "time", "ordinal") or draft.rule.startswith("from "):
        return ""
    if draft.unit == "percentage" and draft.value is not None and text[draft.start] in "-−+":
        return "down" if text[draft.start] in "-−" else "up"
    left = text[max(floor, draft.start - 80) : draft.start]
    if _OF_WHOLE.search(left):
        return ""  # "cut 5% of its 12,000 staff": the whole a change is part of, not a change
    compound = _HYPHEN_UNIT.search(text, draft.start, draft.end)  # "slumped to a 13-year low": it describes
    matches = [] if compound else list(_LEFT_TOKENS.finditer(left))  # its noun, which alone may be a change
    tokens = [t.group() for t in matches]
    level = False  # passed "to"/"at": the figure may be the level reached, not the change
    # walk back over a few words: "rose by about", "was up", "fell to", "grow sales by"
    steps = 0
    by = "by" in (t.lower() for t in tokens[-4:])  # "rose by 5%", "rose by an average of 12 minutes"
    for n, token in enumerate(reversed(tokens)):
        found = _trend_word(token)
        if found and token.lower() == "up" and len(tokens) > n + 1 and tokens[-n - 2].lower() in _PHRASAL_UP:
            found = ""  # "make up 19%", "took up 5%": no rise
        if found and by and n and len(tokens) > n + 1 and tokens[-n - 2].lower() in _NOUN_MARKERS:
            found = ""  # "lowered its forecast for growth by 0.3 points": a noun in what the verb moved
        if found:
            if not n and token.lower() in _FUNDING and _money(draft):
                return ""  # "the startup raised $50m": money raised, not a rise ("raised prices by 5%" is)
            hit = matches[len(tokens) - 1 - n]
            verb_at = draft.start - len(left) + hit.end()
            if level and any(verb_at <= p.start < draft.start and not p.kind for p in previous):
                return ""  # "fell 2% to 164p", "closed down 0.5% at 7,412": the level reached after a change
            word_at = draft.start - len(left) + hit.start()
            if level and any(not p.kind and not text[p.end : word_at].strip() for p in previous):
                return ""  # "settled 83 cents lower at $78.60": the change came before its word
            return found
        low = token.lower()
        if low in _PASS_OVER or rx(r"[\d.,%$€£]+").fullmatch(low) or (by and steps < 8 and low.isalpha()):
            steps += 1  # "cuts journey times between the two cities by 40 minutes"
            level = level or low in ("to", "at")
            if steps > 9:
                return ""
            continue
        break
    # "a 5% rise", "a sharp 3 percent drop", "a 0.2% monthly rise"
    right = _NEXT_NOUN.match(text, draft.end, limit)
    if right is not None:
        word = right.group(1).lower()
        if word in TREND_NOUN_UP or word in _AFTER_UP:
            return "up"
        if word in TREND_NOUN_DOWN or word in _AFTER_DOWN:
            return "down"
    return ""


_SAID_NEXT = regex.compile(
    r"\s+(?:had\s+|have\s+|has\s+)?(?:forecast|expected|predicted|estimated|projected|anticipated|pencil+ed\s+in)\b"
)


def _changes_after(text: str, after: int, limit: int) -> bool:
    """A noun of change follows the figure: "12% rise", "a 3% fall"."""
    right = _NEXT_NOUN.match(text, after, limit)
    return right is not None and right.group(1).lower() in _TREND_NOUNS


_NOUN_MARKERS = words("for of the its their his her our a an in on")  # before a trend word that is a noun
_NEXT_NOUN = regex.compile(
    r"\s+(?:(?:monthly|annual|quarterly|yearly|weekly|daily|year-on-year|month-on-month|sharp|steep|modest|slight"
    r"|small|big|further)\s+)?(\p{L}+)"
)
_AFTER_UP = words("higher stronger dearer")  # "settled 83 cents higher", "0.4% stronger against the euro"
_AFTER_DOWN = words("lower weaker cheaper")


_SHARES = frozenset(
    {"percentage", "percentage point", "basis point", "per mille", "parts-per-million", "parts-per-billion",
     "parts-per-trillion"}
)  # fmt: skip  # a share of a whole: kind percent ("424 parts per million" of the air)


def kind(draft: Draft, entity: str, catalogue: Catalogue) -> str:
    if draft.kind:
        return draft.kind
    if draft.unit:
        dimension = catalogue.unit(draft.unit).dimension
        if dimension == "currency" or dimension.startswith("currency per"):
            return "money"
        if draft.unit.split(" per ")[0] in _SHARES:
            return "percent"  # also "10% a year": a rate, still a percent
        if dimension == "time":
            return "duration"
        if dimension == "dimensionless" and draft.unit not in ("point",):
            return "count"  # "3,200 times", "78,000 times a minute": quantulum3 counts these
        return "measure"
    if draft.style == "fraction":
        return "number"  # "a third of the votes": a share with no unit
    if draft.style == "vague" or entity:
        return "count"
    return "number"


_NOT_LASTING = _AGGREGATES | _BARE_NOUNS | _VERBS | STOP_WORDS | _TIME_WORDS | words("first last")
_LASTING = regex.compile(r"\b[Aa]n?\s+((?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+)\s+(?:for|lasting)\s+$", regex.REVERSE)


def lasting(text: str, draft: Draft, floor: int) -> str:
    """What lasts a span written after "for": "a grounding for more than three months", "a lease
    for 99 years" (after "a", a thing; "worked at the firm for 30 years" says when, not what)."""
    m = _LASTING.search(text, max(floor, draft.start - 60), draft.start)
    if m is None:
        return ""
    words_ = m.group(1).split()
    if any(w in _NOT_LASTING or w.endswith("est") for w in words_):
        return ""  # "a first for 20 years", "a high for six months": when, not what
    return m.group(1)


def no_verb(words_: str) -> bool:
    """No verb among a few words between two figures ("in March", "q/q"), so one verb rules both."""
    return not any(
        w.lower() in _COPULAS or w.lower() in _VERBS or _trend_word(w) or _PARTICIPLE_ED.fullmatch(w.lower())
        for w in words_.split()
    )


def in_points(draft: Draft, earlier: Iterable[Figure]) -> bool:
    """Whether a bare number is in the points its sentence already counted in (``earlier``: the
    sentence's figures so far): "lost 162.31 points, or 2.14%, to 7,425.81", "the Lakers scored 110
    points; the Celtics managed 98"."""
    if draft.style != "digits" or (draft.value is not None and draft.value < 10):
        return False
    return any(f.unit == "point" for f in earlier)
