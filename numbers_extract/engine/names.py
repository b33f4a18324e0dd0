"""The names a figure's ``rule`` column is written with, as values.

A figure's rule is a tuple of :class:`Name` members in the order they are written, and the cue
written after the number ("or more", "+"), which is data from the lexicon. Code asks which names a
figure has (``Name.CURRENCY in draft.rule``), never how its text begins or ends; :func:`rule_text`
writes the column ("<qualifier> <number> <unit> or more").
"""

from __future__ import annotations

from enum import Enum
from functools import cache


class Name(Enum):
    """Every word of a rule name; the value is how the ``rule`` column writes it."""

    # a member is its own identity: hashed by it (in C), not by its name (in Python) as Enum does,
    # for the sets of names and the cached rule texts every figure looks up
    __hash__ = object.__hash__

    # a number with what is written around it, in the order written
    SUB = "sub-"
    QUALIFIER = "<qualifier>"
    CURRENCY = "<currency>"
    ACCOUNTING = "<currency> (<number>)"
    NUMBER = "<number>"
    ERROR = "± <error>"
    UNIT = "<unit>"
    M = "m"  # "<unit>" read as millions, once the sentence writes millions as "m"
    PER_UNIT = "per <unit>"
    OF_A_UNIT = "of a <unit>"
    OLD = "old"
    BELOW_ZERO = "below zero"
    VAGUE = "<vague count> of"
    # readings of their own
    YEAR = "year"
    ORDINAL_WORD = "ordinal word"
    NTH = "<n>st/nd/rd/th"
    YEAR_OLD = "<number>-year-old"
    A_UNIT_OR = "a <unit> or <number>"
    A_NOUN_OR = "a <noun> or <number>"
    A_UNIT_AND = "a <unit> and <fraction>"
    ONE_OF = "one of <noun phrase>"
    AGED = "aged <number>"
    PEOPLE_AGE = "<people> over|under <age>"
    OLDER_THAN = "older|younger than <age>"
    PERSON_IS = "<person> is <age>"
    SCALE_NUMBER = "<scale> <number>"
    LABEL = "<label> <number>"
    NAME_AGE = "<name>, <age>,"
    NUMBER_SCALE = "<number>-<scale>"
    STRONG = "<number>-strong <noun>"
    COMPOUND = "<number>-<noun> <noun>"
    # joins of a sentence's figures
    RATIO = "<number> in <number>"
    BETWEEN = "between"
    FROM = "from"
    TO = "<number> to <number>"
    OR = "<number> or <number>"
    FROM_GAP = "from <number> … to <number> <unit>"
    CHANGE_FROM = "<change> from <number> to <number>"  # one figure: the level reached, and where it started
    CHANGE_GAP = "<change> from <number> … to <number>"
    IN_PARTS = "<duration> <duration>"
    DENOMINATIONS = "<money> <smaller money>"
    BOUNDS = "<bound> and <bound>"
    # dates and clock times (dates.py)
    ISO_TIMESTAMP = "iso timestamp"
    MONTH_DAY_YEAR = "<month> <day>, <year>"
    DAY_MONTH_YEAR = "<day> <month> <year>"
    MONTH_YEAR = "<month> <year>"
    NUMERIC_DATE = "<month>/<day>/<year>"
    DECADE = "decade"
    FISCAL_SPAN = "fiscal year <year>-<yy>"
    FISCAL_YEAR = "fiscal year"
    CLOCK_TIME = "clock time"
    HOUR_MINUTE_AM_PM = "<hour>.<minute> am/pm"
    CLOCK_TIME_COLON = "clock time colon"
    HOUR_AM_PM = "<hour> am/pm"
    MILITARY_TIME = "military time"
    NOON = "noon / midnight"
    # notes added by a later rule, written last
    UNIT_SHARED = "(unit shared)"
    IN_POINTS = "(in points, as before)"
    CHANGED_FROM = "(changed from <number>)"  # the level reached, its start written before a date of its own
    LARGER_FIRST = "(larger first)"  # a span "from A to B" written with its larger end first


NOTES = frozenset({Name.UNIT_SHARED, Name.IN_POINTS, Name.LARGER_FIRST, Name.CHANGED_FROM})
CURRENCY_FIRST = frozenset({Name.CURRENCY, Name.ACCOUNTING})  # the currency written before the number, first
OPENED_BY_FROM = frozenset({Name.FROM, Name.FROM_GAP})  # "from 10 to 20 km": a span of values, no change
UNITS_LAST = frozenset({Name.UNIT, Name.PER_UNIT, Name.OF_A_UNIT, Name.FROM_GAP})


def ends_with_unit(rule: tuple[Name, ...], cue: str) -> bool:
    """The rule's last word is a unit written after the number (no cue, no note after it but the
    order of a span's ends)."""
    names = rule[:-1] if rule and rule[-1] is Name.LARGER_FIRST else rule
    return not cue and bool(names) and names[-1] in UNITS_LAST


@cache  # a text has few rules, many times over
def rule_text(names: tuple[Name, ...], cue: str = "") -> str:
    """The ``rule`` column: the names in order, the cue after the number, then the notes."""
    words = [n.value for n in names if n not in NOTES]
    if cue:
        words.append(cue)
    words += [n.value for n in names if n in NOTES]
    return " ".join(words)
