"""Joins of a sentence's figures: ranges ("10 to 20"), from–to with words between, ratios ("one in
five"), a unit shared by a list, a measure written in parts ("6ft 4in").
"""

from __future__ import annotations

import regex

from ..lexicon import alternation, lexicon
from ..names import CURRENCY_FIRST, OPENED_BY_FROM, Name, ends_with_unit
from ..numerals import SUFFIX_SCALES, tidy
from ..rx import rx
from ..units import load_catalogue
from .draft import Draft
from .scales import SCALE_SUFFIX, scale_of, scaled_itself
from .unit_after import _PLURAL_NOUN

_NOUN_IN = regex.compile(r"\s+(?P<noun>\p{Ll}{3,})\s+(?:in|out\s+of)\s+(?:every\s+)?")


_IN_EVERY = regex.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?")


def _ratios(text: str, out: list[Draft]) -> list[Draft]:
    """ "one in five adults", "9 out of 10 voters": a share, written as a ratio."""
    k = 0
    while k < len(out) - 1:
        a, b = out[k], out[k + 1]
        if (
            not (a.unit or b.unit or a.kind or b.kind)
            and isinstance(a.value, int)
            and isinstance(b.value, int)
            and 0 < a.value < b.value <= 1000
            and b.qualifier == "exact"
            and (
                gap := _IN_EVERY.fullmatch(text, a.end, b.start)
                or (_NOUN_IN.fullmatch(text, a.end, b.start) if a.value == 1 else None)  # "one child in five"
            )
        ):
            value = tidy(a.value / b.value)
            low = value if a.low is not None else None
            high = value if a.high is not None else None
            noun = gap.groupdict().get("noun") or ""  # "one child in five": a share of children
            out[k : k + 2] = [a._replace(end=b.end, value=value, low=low, high=high, rule=(Name.RATIO,), cue="",
                                      after=b.after, style="fraction", entity=noun)]  # fmt: skip
        k += 1
    return out


_FROM = regex.compile(r"(?i)\bfrom\s+$")


_TO_AFTER_ADJUNCT = regex.compile(r"(?i)\s+(?:[^\s,;()]+\s+){0,4}?to\s+")  # "in 2008 to", "combined to"


_WHEN = regex.compile(r"(?i)\b" + alternation(lexicon().dating_words) + r"\b")


def _from_to(text: str, out: list[Draft], floor: int) -> list[Draft]:
    """ "from 21 mpg combined to 23": a range whose ends have a few words between them (not a
    date: "from 5% last year to 7% now" dates each end, two figures); after a range ("from
    14-18 mpg to 24") a bare new level takes its unit."""
    k = 0
    while k < len(out) - 1:
        a = out[k]
        opened = not OPENED_BY_FROM.isdisjoint(a.rule) or _FROM.search(text, max(floor, a.start - 6), a.start)
        if a.kind or (a.value is None and a.qualifier != "range") or not opened:
            k += 1
            continue
        j = k + 1  # a date between ("from 20 mpg in 2008 to 29 mpg in 2020") dates each end: two figures
        b = out[j]
        gap = _TO_AFTER_ADJUNCT.fullmatch(text, a.end, b.start)
        if gap is not None and gap.group().strip() == "to" and b.qualifier == "range" and b.unit and not a.unit:
            out[k] = _level_of(text, a, b)  # "from 24.2 to 33-35 billion euros": 24.2 billion euros
            k += 1
            continue
        if (
            gap is None
            or _WHEN.search(gap.group())  # "from 5% last year to 7%": each end has its own date
            or b.kind
            or b.value is None
            or b.qualifier != "exact"
            or (b.unit and b.unit != a.unit)
            or (not a.unit and not b.unit)
        ):
            k += 1
            continue
        if a.qualifier == "range":  # "from about 14-18 mpg to 24": the new level has the same unit
            out[j] = b._replace(unit=a.unit, rule=(*b.rule, Name.UNIT_SHARED))
            k = j
            continue
        if a.qualifier != "exact":
            k += 1
            continue
        assert a.value is not None and b.value is not None
        low, high = min(a.value, b.value), max(a.value, b.value)
        start = _FROM.search(text, max(floor, a.start - 6), a.start).start()  # type: ignore[union-attr]
        merged = a._replace(start=start, end=b.end, value=None, low=low, high=high, qualifier="range",
            rule=(Name.FROM_GAP,), cue="", after=b.after,
        )  # fmt: skip
        out[k : j + 1] = [merged]
        k += 1
    return out


def _level_of(text: str, bare: Draft, new: Draft) -> Draft:
    """The bare old level of "from A to B-C unit", with the unit and scale of the range after it."""
    value = bare.value
    if value is None or bare.qualifier != "exact":
        return bare
    scale = scale_of(text, new.start, new.end)
    suffix = rx(r"\d(" + SCALE_SUFFIX + r")\b").search(text, new.start, new.end) if scale == 1 else None
    scale = SUFFIX_SCALES[suffix.group(1)] if suffix is not None else scale  # "from 24.2 to 33-35bn"
    if not scaled_itself(text, bare) and new.low is not None and abs(value * scale) <= abs(new.low) * 10:
        value = tidy(value * scale)
    return bare._replace(value=value, low=value, high=value, unit=new.unit, rule=(*bare.rule, Name.UNIT_SHARED))


def _millions_agree(text: str, out: list[Draft]) -> list[Draft]:
    """ "more than 10m units, up from 6m a year ago": once a sentence writes millions as "m",
    a later bare "6m" is 6 million too, not 6 metres."""
    million = any(d.value is not None and rx(r"\dm\b").search(text, d.start, d.end) and not d.unit for d in out)
    if not million:
        return out
    fixed = []
    for d in out:
        if d.unit == "metre" and d.value is not None and rx(r"\dm$").search(text, d.start, d.end):
            value = tidy(d.value * 1_000_000)
            d = d._replace(
                value=value,
                low=value if d.low is not None else None,
                high=value if d.high is not None else None,
                unit="",
                rule=tuple(Name.M if name is Name.UNIT else name for name in d.rule),
            )
        fixed.append(d)
    return fixed


_COORD = regex.compile(r"^\s*(?:,|,?\s*(?:and|or|to|nor)|,\s*(?:and|or))\s*$", regex.IGNORECASE)


def _distribute(text: str, out: list[Draft]) -> list[Draft]:
    """ "19 and 1,900 square miles", "5, 10 or 15 percent": the last unit serves them all."""
    for k in range(len(out) - 2, -1, -1):
        this, nxt = out[k], out[k + 1]
        if (
            this.unit
            or this.kind
            or not nxt.unit
            or nxt.kind not in ("",)
            or (this.value is None and this.qualifier != "range")
        ):
            continue
        if this.style in ("vague", "fraction"):
            continue  # "rose by a third, to £1,250 a month": a share, not an amount of the unit
        gap = text[this.end : nxt.start]
        if not _COORD.match(gap) or ("," in gap and "to" in gap.lower()):
            continue  # "5, to 40 dollars" is a change and a level
        if nxt.rule[0] in CURRENCY_FIRST and not ends_with_unit(nxt.rule, nxt.cue):
            continue  # "$5 and 10" is not "5 dollars and 10 dollars" by this rule
        if _PLURAL_NOUN.match(text, this.end, nxt.end) and not gap.strip(" ,"):
            continue
        out[k] = this._replace(unit=nxt.unit, rule=(*this.rule, Name.UNIT_SHARED))
    return out


WORD_BEFORE = regex.compile(r"(\p{L}+)\s+$", regex.REVERSE)  # the word right before a position


_PART_GAP = regex.compile(r"\s*(?:,\s*)?(?:and\s+)?")


def _in_parts(text: str, out: list[Draft]) -> list[Draft]:
    """ "2 hours 20 minutes", "2 years and 3 months", "6ft 4in", "7lb 4oz": one figure, in the smallest
    unit ("part" in data/units.txt says which units a measure is written in parts of)."""
    in_smaller = load_catalogue().in_parts
    k = 0
    while k < len(out) - 1:
        scale = next((s for s in in_smaller if out[k].unit in s), None)
        j = k
        while (
            scale is not None
            and j + 1 < len(out)
            and out[j + 1].unit in scale
            and scale[out[j + 1].unit] < scale[out[j].unit]
            and out[j + 1].qualifier == "exact"
            and out[j].value is not None
            and out[j + 1].value is not None
            and not out[j + 1].kind
            and _PART_GAP.fullmatch(text, out[j].end, out[j + 1].start)
        ):
            j += 1
        if scale is not None and j > k and out[k].value is not None and out[k].qualifier != "range":
            parts = out[k : j + 1]
            smallest = parts[-1].unit
            total = tidy(sum((p.value or 0) * scale[p.unit] for p in parts) / scale[smallest])
            first = parts[0]
            low = total if first.low is not None else None
            high = total if first.high is not None else None
            out[k : j + 1] = [
                first._replace(end=parts[-1].end, value=total, low=low, high=high, unit=smallest,
                        rule=(Name.IN_PARTS,), cue="", after=parts[-1].after)
            ]  # fmt: skip
        k += 1
    return out
