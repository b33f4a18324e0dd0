"""The amount a numeral says, read in order: its sign (:data:`SIGN`), the currency written before it
(:data:`CURRENCY`), the scale written against it and an error after it (steps of :class:`Read`).
"""

from __future__ import annotations

from enum import Enum

import regex

from ..names import Name
from ..numerals import number, tidy
from ..rules import Rule, Table
from .reading import DROP, STEPS, Read, Reading, Verdict
from .unit_after import _prefix, _scale_suffix, currency_before

Match = regex.Match[str]

_NEGATIVE_WORD = regex.compile(r"(?i)\b(?:minus|negative)[\s-]$")
_PLUS_OR_MINUS = regex.compile(r"(?i)\bplus\s+or\s+minus\s+$")  # a margin, not a sign
_PLUS_MINUS = regex.compile(r"\s?(?:±|\+/-|\+-)\s?(\d+(?:\.\d+)?)(?![\d.])")


class Sign(Enum):
    """The rules of :data:`SIGN`, in order: the sign written before a number."""

    MINUS = "a minus sign: '-5C', '(−0.3%)'"
    PLUS = "a plus sign, kept in the figure: '+0.2%'"
    WORD = "'minus' or 'negative': 'minus 40 degrees' (not 'plus or minus 3')"


def _minus_sign(r: Reading) -> bool:
    s = r.start
    return (
        s > r.lo
        and r.text[s - 1] in "-−–"
        and not r.second
        and r.n.style == "digits"
        and (s - 2 < r.floor or r.text[s - 2] in " (\t\n:")
    )


def _plus_sign(r: Reading) -> bool:
    s = r.start
    return (
        s > r.lo
        and r.text[s - 1] == "+"
        and not r.second
        and r.n.style == "digits"
        and (s - 2 < r.floor or r.text[s - 2] in " (\t\n:")
    )


def _minus(r: Reading, m: Match | None) -> Reading | None:
    return r.replace(start=r.start - 1, negative=True)


def _plus(r: Reading, m: Match | None) -> Reading | None:
    return r.replace(start=r.start - 1)  # "+0.2%": a rise, written with its sign


def _word(r: Reading, m: Match | None) -> Reading | None:
    if r.second:
        return None
    s = r.start
    at = max(r.lo, s - 10)
    word = _NEGATIVE_WORD.search(r.text[at:s])
    if word is None or _PLUS_OR_MINUS.search(r.text, max(r.floor, s - 20), s):
        return None
    return r.replace(start=at + word.start(), negative=True)


SIGN: Table[Reading, Reading] = Table(
    "sign",
    "value",
    (
        Rule(Sign.MINUS, _minus, when=_minus_sign),
        Rule(Sign.PLUS, _plus, when=_plus_sign),
        Rule(Sign.WORD, _word, needs=("minus", "negative")),
    ),
)


class Currency(Enum):
    """The rules of :data:`CURRENCY`, in order: the currency written before a number."""

    BEFORE = "a currency right before the number, and a minus before it: '$5', 'US$ 20', '-$3.2m'"
    MINUS_BETWEEN = "a currency before a minus sign: '$-99.99'"


def _before(r: Reading, m: Match | None) -> Reading | None:
    prefix = _prefix(r.text, r.start, r.lo, r.catalogue)
    if prefix is None:
        return None
    s, negative, text = prefix[0], r.negative, r.text
    if not negative and s - 1 >= r.lo and text[s - 1] in "-−" and (s - 2 < r.floor or text[s - 2] in " ("):
        s -= 1
        negative = True
    r = r.replace(start=s, unit=prefix[1], said_before=(Name.CURRENCY,), negative=negative)
    return _prefix_scaled(r, text[prefix[0] : r.n.start].strip())


def _prefix_scaled(r: Reading, prefix: str) -> Reading:
    """The value times the scale a scaled code says ("MUSD 30": 30 million dollars)."""
    scale = r.catalogue.prefix_scales.get(prefix)
    if scale is None or r.value is None:
        return r
    return r.replace(value=tidy(r.value * scale), scaled=True)


def _minus_after_currency(r: Reading) -> bool:
    s = r.start
    return not r.negative and s - 1 > r.lo and r.text[s - 1] in "-−"


def _minus_between(r: Reading, m: Match | None) -> Reading | None:
    prefix = _prefix(r.text, r.start - 1, r.lo, r.catalogue)
    if prefix is None:
        return None
    return r.replace(start=prefix[0], unit=prefix[1], said_before=(Name.CURRENCY,), negative=True)


CURRENCY: Table[Reading, Reading] = Table(
    "currency",
    "unit",
    (
        Rule(Currency.BEFORE, _before),
        Rule(Currency.MINUS_BETWEEN, _minus_between, when=_minus_after_currency),
    ),
)


def _currency_near(r: Reading) -> bool:
    """The cheap test of CURRENCY's rules, all at once: a minus right before the number, or a currency
    that may be written before it (unit_after.currency_before)."""
    s = r.start
    return (s > r.lo and r.text[s - 1] in "-−") or currency_before(r.text, s, r.lo, r.catalogue)


def signed(r: Reading) -> Reading:
    """The sign and the currency written before the number, and the value with its sign."""
    s = r.start  # the cheap test of SIGN's rules, all at once: a sign right before, or its words near
    if (s > r.lo and r.text[s - 1] in "-−–+") or "minus" in r.near or "negative" in r.near:
        picked = SIGN.pick(r)
        if picked is not None:
            r = picked[1]
    if _currency_near(r):
        picked = CURRENCY.pick(r)
        if picked is not None:
            r = picked[1]
    if r.negative and r.value is not None:
        return r.replace(value=-r.value)
    return r


def scaled(r: Reading) -> Reading | Verdict:
    """The scale written against the digits ("$3bn") and an error written after them ("± 0.01")."""
    scale = _scale_suffix(r.text, r.n, r.limit, bool(r.unit), r.catalogue)
    value = r.value
    if scale is not None and value is not None:
        e, factor = scale
        if abs(value) * factor > 1e300:
            r.note(STEPS, "figure", Read.BEYOND)
            return DROP  # beyond any figure a text states
        r = r.replace(after=e, value=tidy(value * factor), scaled=True)
        r.note(STEPS, "value", Read.SCALE, str(factor))
    elif scale is not None:
        r = r.replace(scaled=True)
    error = _PLUS_MINUS.match(r.text, r.after, r.limit)
    if error is not None and r.value is not None and not r.unit:
        r = r.replace(after=error.end(), margin=number(error.group(1)), said_after=(*r.said_after, Name.ERROR))
        r.note(STEPS, "value", Read.ERROR, error.group(1))  # "2,000.45±0.01 pounds": the unit follows the error
    return r
