"""Trend: up or down where a figure is a change ("rose 5%", "a 3% drop")."""

from __future__ import annotations

import regex

from ..figures.draft import Draft
from ..lexicon import alternation, lexicon
from ..names import OPENED_BY_FROM
from ..rx import rx
from .entity import _HYPHEN_UNIT
from .subjects import _trend_word
from .window import is_money

_LEX = lexicon()
TREND_NOUN_DOWN = _LEX.trend_noun_down
TREND_NOUN_UP = _LEX.trend_noun_up
_TREND_NOUNS = TREND_NOUN_UP | TREND_NOUN_DOWN  # "a 5% rise", "a sharp 3% drop"
_LEFT_TOKENS = regex.compile(r"[\p{L}]+(?:['’][\p{L}]+)?|[\d.,%$€£]+|[,;:()—–]")


_PHRASAL_UP = _LEX.phrasal_up


_FUNDING = _LEX.funding_verbs


_PASS_OVER = _LEX.pass_over  # "shrank at an annualised rate of 2.1%"


_OF_WHOLE = regex.compile(r"(?i)\bof\s+(?:the|its|their|his|her|our|all)\s+$", regex.REVERSE)


def trend_of(text: str, draft: Draft, floor: int, limit: int, previous: list[Draft]) -> str:
    """up or down where the figure is a change ("rose 5%", "down 3%", "a 5% rise"), else "".

    A range of values ("from 252 to 287 miles") is no change; a range of changes ("fell by 1 to
    1.5 degrees") is.
    """
    if draft.kind in ("date", "time", "ordinal") or draft.rule[0] in OPENED_BY_FROM:
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
            if not n and token.lower() in _FUNDING and is_money(draft):
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


def _changes_after(text: str, after: int, limit: int) -> bool:
    """A noun of change follows the figure: "12% rise", "a 3% fall"."""
    right = _NEXT_NOUN.match(text, after, limit)
    return right is not None and right.group(1).lower() in _TREND_NOUNS


_NOUN_MARKERS = _LEX.noun_markers  # before a trend word that is a noun


_NEXT_NOUN = regex.compile(r"\s+(?:" + alternation(_LEX.change_adjectives) + r"\s+)?(\p{L}+)")


_AFTER_UP = _LEX.trend_after_up  # "settled 83 cents higher", "0.4% stronger against the euro"


_AFTER_DOWN = _LEX.trend_after_down
