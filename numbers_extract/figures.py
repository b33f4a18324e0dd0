"""Figures: the rules that join numerals, currency prefixes, units, qualifier cues and ranges.

Input: one sentence and the numerals in it. Output: :class:`Draft` records — parse-time scratch,
not yet the table's Figure — each naming the rule that made it. Context (entity, trend, kind,
source) is added afterwards by context.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import regex

from . import dates
from .catalogue import Catalogue
from .cues import (
    ANGLE_WORDS,
    INDEX_NAMES,
    LABEL_NOUNS,
    NOT_NAMES,
    QUALIFIER_AFTER,
    QUALIFIER_CUES,
    STOP_WORDS,
    TEMPERATURE_WORDS,
    TREND_DOWN,
    TREND_UP,
    words,
)
from .numerals import MAX_NUMERAL, ORDINAL_WORDS, SCALES, SUFFIX_SCALES, Numeral, number, read, scan, tidy
from .rx import rx
from .sentences import TIMEOUT

Number = int | float


@dataclass(frozen=True, slots=True)
class Draft:
    """A figure being built: offsets are absolute, in the document."""

    start: int
    end: int
    value: Number | None
    low: Number | None
    high: Number | None
    qualifier: str
    unit: str
    rule: str
    kind: str = ""  # decided here only where the rule knows it (date, time, ordinal, label)
    date: str = ""
    after: int = -1  # where the counted noun may start (after the number and its unit)
    entity: str = ""
    style: str = "digits"


@dataclass(frozen=True, slots=True)
class UnitMatch:
    end: int
    name: str
    hyphen: bool = False
    age: bool = False


_SPACE = " \u00a0\u202f\u2009"
_POWER = regex.compile(r"(?:\^([23])|([²³]))(?!\d)")
_PLUS_MINUS = regex.compile(r"\s?(?:±|\+/-|\+-)\s?(\d+(?:\.\d+)?)(?![\d.])")
_SPACE_OR_WRAP = _SPACE + "\n\r"  # a hard-wrapped line may put the unit on the next line
_LONG_RUN = regex.compile(r"[\d.,:/'’\-–]{" + str(MAX_NUMERAL + 1) + r",}+")  # "1,1,1,…", a million digits
_PHONE = regex.compile(
    r"(?<![\w.,+]|\d[ \u00a0\u202f\u2009])(?:\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,4}"  # +44 20 7946 0958
    r"|(?:\(\d{2,5}\)[ .-]?|0\d{2,4}[ .-])\d{3,4}[ .-]?\d{3,4}"  # 0800 123 4567, (555) 123-4567
    r"|\d{3}[.-]\d{3}[.-]\d{4})(?![\w])"  # 555-123-4567
)  # a telephone number: digits that count nothing
_CHUNK = regex.compile(r"[^\s]+")
_TRIM = regex.compile(r"""[.,;:!?)\]"'”’]+$""")
# patterns anchored at the end of the text before a number are matched backwards (regex.REVERSE): from
# that end, rather than tried at every position of the window
_LEFT_WORD = regex.compile(r"([\p{L}][\p{L}\p{N}&.'’]*)\s*$", regex.REVERSE)
_NAME_WORD = regex.compile(r"(?:^|[\s(“\"])([\p{L}\p{N}&'’./-]*\p{Lu}[\p{L}\p{N}&'’./-]*)\s+$", regex.REVERSE)
_RANGE_JOIN = regex.compile(
    r"\s*(?:-?\s*(?P<word>to|through|thru|and|or)-?|(?P<dash>[-–—])|(?P<slash>/))\s*", regex.IGNORECASE
)
_SUFFIX = regex.compile(r"(?P<s>bn|bln|mln|mn|tn|trn|k|K|m|M|b|B|T)(?![\p{L}\p{N}])")
_SPACED_SUFFIX = regex.compile(r"\s(?P<s>bn|bln|mln|mn|tn|trn|B|M)\b")
_ORDINAL_SUFFIX = regex.compile(r"(?:st|nd|rd|th)\b", regex.IGNORECASE)
_PLURAL_NOUN = regex.compile(r"\s*(?:of\b|[a-z]+s\b|people\b|men\b|women\b|children\b|staff\b)")
_AGE = regex.compile(r"[- ]old\b", regex.IGNORECASE)
_TRACK = regex.compile(
    r"\s*(?:hurdles|freestyle|backstroke|breaststroke|butterfly|medley|relays?|races?|sprints?|finals?|heats?|dash"
    r"|runs?|titles?|records?|events?|swims?|specialists?|runners?|champions?)\b"
)  # a distance in metres before a race or what it is run for, not millions
_NEGATIVE_WORD = regex.compile(r"(?i)\b(?:minus|negative)[\s-]$")
_PLUS_OR_MINUS = regex.compile(r"(?i)\bplus\s+or\s+minus\s+$")  # a margin, not a sign
_ONE_SKIP_BEFORE = regex.compile(
    r"(?i)\b(?:no|any|every|each|the|this|that|which|some|any|one|(?:the|its|his|her|their|our|my|your)\s+only)\s+$"
)  # "the only one" is a pronoun; "only one in four" counts
_ONE_SKIP_AFTER = regex.compile(
    r"(?i)\s*(?:of\s+(?:them|us|you|those|these|which|whom|it|his|her|our|their)\b|another\b|'s|’s|-"
    r"|of\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten)|by\s+one|or\s+(?:the\s+)?other|on\s+one|day\b|thing\b|another|who\b|that\b|which\b|[,.;:!?)]|$)"
)
_OF_DET = regex.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|my\s+|your\s+|[\p{L}]+['’]s\s+)?")


_CUE_WORDS = max(len(cue.split()) for cue in QUALIFIER_CUES)
_SYMBOL_CUES = sorted((c for c in QUALIFIER_CUES if not c[0].isalpha()), key=len, reverse=True)
_TOKEN = regex.compile(r"\S+")
_CUE_ENDINGS = frozenset(cue.split()[-1] for cue in QUALIFIER_CUES if cue[0].isalpha())
_LAST_TOKEN = regex.compile(r"(\S+)\s{0,2}$", regex.REVERSE)


def _qualifier(text: str, start: int, floor: int) -> tuple[int, str] | None:
    """The qualifier cue that ends right before ``start`` ("more than", "about", "~"), longest first."""
    left = text[max(floor, start - 40) : start]
    for symbol in _SYMBOL_CUES:  # "~1.2mm", ">5", "≥ 40"
        if left.rstrip().endswith(symbol) and (len(left) - len(left.rstrip()) <= 1):
            return start - len(left) + len(left.rstrip()) - len(symbol), QUALIFIER_CUES[symbol]
    last = _LAST_TOKEN.search(left)
    if last is None or last.group(1).lstrip("(“\"'[").lower() not in _CUE_ENDINGS:
        return None  # most numbers have no cue: said at once, from the word before
    tokens = list(_TOKEN.finditer(left))[-_CUE_WORDS:]
    if not tokens or tokens[-1].end() < len(left) - 2:
        return None
    for n in range(len(tokens), 0, -1):
        first = tokens[-n]
        words_ = [t.group() for t in tokens[-n:]]
        words_[0] = words_[0].lstrip("(“\"'[")
        key = " ".join(words_).lower()
        if key in QUALIFIER_CUES:
            before = _LEFT_WORD.search(left, 0, first.start())
            if (
                key.startswith("up to")
                and before is not None
                and before.group(1).lower() in _MOVED
                and not _STARTS_AT.search(text, max(floor, start - 120), start)
            ):
                return None  # "edged up to 4.1%": rose to it, no upper bound (but "start at $35 and go up to")
            if (
                key == "estimated"
                and before is not None
                and before.group(1)[0].isupper()
                and before.group(1).lower() not in _ARTICLE_WORDS
            ):
                continue  # "Dr Smith estimated 40 cases": a speaker's verb ("an estimated 40" is the cue)
            shift = len(first.group()) - len(words_[0])
            return start - len(left) + first.start() + shift, QUALIFIER_CUES[key]
    return None


_PERIOD_BEFORE = regex.compile(r"(?i)\b(?:first|second|third|fourth|final|last|latter|former|back|front)\s+$")
_COUNTED_COMPOUND = regex.compile(r"-(\p{Ll}{3,})(?=\s+\p{L})")  # "a 1,200-page report", "the 100-member Senate"
_NOT_COUNTED = words("fold odd plus something year old time way")
_ORDINAL_FRACTION = regex.compile(r"(?i)(?:a|an|one)\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)")
_NO_NOUN = STOP_WORDS | words("last this next previous")  # "fell by a fifth last year": a share, then when
_ARTICLE_WORDS = words("a an the")
_ONE_DIGIT = regex.compile(r"\d")
_SCALE_ENDS = ("hundred", "thousand", "million", "billion")
# words joined by a hyphen to the number that follows, that make no name of it ("end-2024", "sub-1%")
_BEFORE_HYPHEN = frozenset(
    {"sub", "minus", "negative", "about", "over", "under", "now", "end", "mid", "early", "late", "pre", "post"}
)
_WORD_NEXT = regex.compile(r"\s+\p{L}")
_NOUN_NEXT = regex.compile(r"\s+(\p{Ll}+)\b")  # the next word, a noun unless a stop word
_STARTS_AT = regex.compile(r"(?i)\bstart(?:s|ing|ed)?\s+(?:at|from)\b")
_MOVED = words(
    """
    edged inched ticked crept moved went climbed rose jumped shot revised marked bumped pushed rounded
    picked bounced crawled creeping edging ticking moving going climbing rising jumping revising
    goes gone moves move climbs edges ticks creeps
    """
)


def _prefix(text: str, start: int, floor: int, catalogue: Catalogue) -> tuple[int, str] | None:
    """The currency written right before ``start`` ("$", "US$ ", "EUR "), longest first."""
    left = text[max(floor, start - 8) : start]
    for trail in ("", " "):
        if not left.endswith(trail):
            continue
        body = left[: len(left) - len(trail)]
        for k in range(min(catalogue.longest_prefix, len(body)), 0, -1):
            prefix = body[-k:]
            if prefix in catalogue.prefixes and (
                k == len(body) or not (prefix[0].isalpha() and body[-k - 1].isalpha())
            ):
                return start - len(left) + len(body) - k, catalogue.prefixes[prefix]
    return None


_COMMON_WORDS = frozenset({"stone"})  # units that are also a material and a surname: lower case, before no noun
_BEFORE_NOUN = regex.compile(r"\s+\p{Ll}{3,}s\b")
_CAPITAL_NEXT = regex.compile(r"\s+\p{Lu}\p{Ll}")


def unit_after(text: str, pos: int, limit: int, catalogue: Catalogue) -> UnitMatch | None:
    """The unit written right after a number ending at ``pos``, if any."""
    j = pos
    hyphen = False
    if j < limit and text[j] == "-" and j + 1 < limit and text[j + 1].isalpha():
        j += 1
        hyphen = True
    attached = j == pos or hyphen
    while j < limit and j - pos < 2 and text[j] in _SPACE_OR_WRAP:
        j += 1
        attached = False
    if j >= limit:
        return None
    chunks = [m for m in _CHUNK.finditer(text, j, min(limit, j + 80))][: catalogue.longest]
    if not chunks or chunks[0].start() != j:
        return None
    first = text[j : chunks[0].end()]
    starts = {first, _TRIM.sub("", first), first.split("/", 1)[0], *_cuts(first)}
    if not any(s.lower() in catalogue.heads for s in starts):
        return None  # most words after a number are no unit: say so before trying them all
    tries: list[tuple[int, str]] = []
    for k in range(len(chunks), 0, -1):
        # the words must be single-spaced for a multi-word surface
        if k > 1 and any(chunks[i + 1].start() - chunks[i].end() != 1 for i in range(k - 1)):
            continue
        raw = text[j : chunks[k - 1].end()]
        tries += [(k, raw), (k, _TRIM.sub("", raw))]
    if hyphen and "-" in first:  # "a 25-basis-point cut", "a 19-square-mile area": the unit's words hyphenated
        tries += [(1, first.replace("-", " ")), (1, _TRIM.sub("", first).replace("-", " "))]
    tries += [(1, cut) for cut in _cuts(text[j : chunks[0].end()])]
    for k, candidate in dict.fromkeys(tries):
        if not candidate:
            continue
        name = catalogue.lookup(candidate, attached)
        if name is None and k == 1 and "/" in candidate.strip("/"):
            top, _, bottom = _TRIM.sub("", candidate).partition("/")
            a, b = catalogue.lookup(top, True), catalogue.lookup(bottom, True)
            if a and b:
                end = j + len(top) + 1 + len(bottom)
                return UnitMatch(end, f"{a} per {b}", hyphen)
        if name is None:
            continue
        end = j + len(candidate)
        power = _POWER.match(text, end, limit)
        if power is None and end < limit and (text[end].isalnum() and text[end - 1] not in "/%$€£"):
            continue
        if power is not None:  # "km^2", "m³": the square or cube of the unit
            square = (power.group(1) or power.group(2)) in ("2", "²")
            powered = ("square " if square else "cubic ") + name
            if powered in catalogue.units:
                name, end = powered, power.end()
        if hyphen and name == "inch" and text.startswith("-", end):
            return None  # "a 1-in-100-year flood": odds, not inches
        if attached and len(candidate) == 1 and candidate.isupper() and _CAPITAL_NEXT.match(text, end, limit):
            return None  # "221B Baker Street", "10A Downing Lane": a house number, not bytes or amps
        if name in _COMMON_WORDS and (not candidate.islower() or _BEFORE_NOUN.match(text, end, limit)):
            return None  # "three stone lions": what they are made of; "in 2016 Stone said": a name
        age = bool(_AGE.match(text, end, limit)) and catalogue.unit(name).dimension == "time"
        return _compound(text, UnitMatch(end, name, hyphen, age), limit, catalogue)
    return None


def _cuts(word: str) -> list[str]:
    """A unit written against punctuation or a hyphenated word: "ft)-long", "km-long"."""
    return [word.split(cut, 1)[0] for cut in "()[],;:-–^²³" if cut in word]


_PER = regex.compile(r"(?:\s*/\s*|\s+(?:per|a|an|each|every)\s+|-(?:a|an|per)-)", regex.IGNORECASE)
_NOT_PER = regex.compile(
    r"\s+(?:earlier|ago|later|before|after|prior|from|back|previously)\b"
    r"(?<!(?:before|after)(?=\s+(?:tax|taxes|fees|costs|deductions|expenses|inflation)\b))",
    regex.IGNORECASE,
)  # "a year earlier" dates a figure; "$3,200 a month after tax" is still a rate


_ASIDE = regex.compile(r"\s*\([^()]{1,40}\)(?=\s+per\s)|\)(?=\s+per\s)")


_RATE_NOUNS = words(
    """
    share head person night ticket seat copy dose pill pack piece user customer household student
    resident passenger visitor patient vote subscriber member employee worker
    """
)
_STOP_PER = words(
    """
    cent percent the a an each
    """
)


def _compound(text: str, unit: UnitMatch, limit: int, catalogue: Catalogue) -> UnitMatch:
    m = _PER.match(text, unit.end, limit)
    if m is None and catalogue.unit(unit.name).dimension == "currency":
        aside = _ASIDE.match(text, unit.end, limit)  # "C$6 (US$4.46) per share": the rate serves both
        if aside is not None:
            rate = _compound(text, UnitMatch(aside.end(), unit.name), limit, catalogue)
            return UnitMatch(unit.end, rate.name, unit.hyphen)
    if m is None or unit.age:
        return unit
    below = unit_after(text, m.end(), limit, catalogue)
    if below is not None and (below.hyphen or _NOT_PER.match(text, below.end, limit)):
        below = None  # "a year earlier" dates the figure, it is no rate
    if below is None:
        joint = m.group().strip().lower()
        if joint in ("per", "a", "an"):
            word = rx(r"[a-z]+").match(text[m.end() : limit])
            if joint != "per" and (word is None or word.group() not in _RATE_NOUNS):
                word = None  # "$5 a share", "$300 a night"; but not "$5 a year earlier" nor "$2 a pop"
            if word and catalogue.unit(unit.name).dimension == "currency" and word.group() not in _STOP_PER:
                noun = word.group()
                noun = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
                return UnitMatch(m.end() + len(word.group()), f"{unit.name} per {noun}", unit.hyphen)
        return unit
    return UnitMatch(below.end, f"{unit.name} per {below.name}", unit.hyphen)


def _scale_suffix(
    text: str, numeral: Numeral, limit: int, currency: bool, catalogue: Catalogue
) -> tuple[int, float | int] | None:
    """A scale written against the digits ("$3bn", "40k", "1.2m tons"): its end and factor."""
    if numeral.style != "digits" or numeral.scaled:
        return None
    m = _SUFFIX.match(text, numeral.end, limit) or _SPACED_SUFFIX.match(text, numeral.end, limit)
    if m is None:
        return None
    suffix = m.group("s")
    factor = SUFFIX_SCALES[suffix]
    if suffix == "T" and not currency:
        return None  # "$2.17T" is trillions; a bare "5T" is a name
    if suffix in ("m", "b", "B", "K", "M") and not currency:
        follows = text[m.end() : limit]
        if unit_after(text, m.end(), limit, catalogue) is None and not _PLURAL_NOUN.match(follows):
            return None
        if suffix == "m" and _TRACK.match(follows):
            return None  # "the 400m hurdles": metres
        if suffix in ("m", "B") and rx(r"\s*\(").match(follows):
            return None
    return m.end(), factor


_SCALE_LABELS = words("magnitude category stage level grade tier force phase")  # lower case, a rank on a scale


def _is_label(text: str, start: int, floor: int) -> str:
    """The name before a number that names a thing ("Section 427", "Boeing 737"), or ""."""
    left = text[max(floor, start - 40) : start]
    m = _NAME_WORD.search(left)
    if m is None:
        index = _LEFT_WORD.search(left)
        if index is not None and index.group(1) in ("number", "no."):
            return index.group(1)  # "the number 23 shirt", "his no. 10 jersey": a label
        return index.group(1) if index is not None and index.group(1).lower() in INDEX_NAMES else ""
    word = m.group(1).strip('“"(')
    if word.lower().rstrip(".") in NOT_NAMES or word.lower() in NOT_NAMES or word.endswith(("'s", "’s", "s'", "s’")):
        return ""  # "Trump's 232": a possessive owns the number, it does not name it
    return word


def drafts(text: str, start: int, end: int, catalogue: Catalogue) -> list[Draft]:
    """The figures of the sentence ``text[start:end]``, in order, none overlapping."""
    out: list[Draft] = []
    spans = dates.find(text[start:end])
    for span in spans:
        out.append(
            Draft(start + span.start, start + span.end, None, None, None, "exact", "", span.rule,
                  kind=span.kind, date=span.iso)
        )  # fmt: skip
    # dates first, then runs of digits and separators too long to be a number, are taken
    taken = [(d.start, d.end) for d in out]
    taken += [m.span() for m in _LONG_RUN.finditer(text, start, end, timeout=TIMEOUT)]
    taken += [m.span() for m in _PHONE.finditer(text, start, end, timeout=TIMEOUT)]
    taken.sort()
    numerals: list[Numeral] = []
    for a, b in _gaps(taken, start, end):
        numerals += [n for n in (read(m) for m in scan(text, a, b, timeout=TIMEOUT)) if n is not None]
    pos = start
    i = 0
    while i < len(numerals):
        numeral = numerals[i]
        i += 1
        if numeral.start < pos:
            continue
        draft = _one(text, numeral, start, end, catalogue, claim=pos)
        if draft is None:
            continue
        while i < len(numerals) and numerals[i].start < draft.end:
            i += 1  # numerals inside the figure's own unit ("A/cm2")
        joined, used = _range(text, draft, numerals[i:], start, end, catalogue)
        i += used
        if joined is None:
            pos = numerals[i - 1].end
            continue
        out.append(joined)
        pos = joined.end
    out = _millions_agree(text, out)
    out.sort(key=lambda d: (d.start, -d.end))
    disjoint: list[Draft] = []
    for draft in out:  # a date found first and a figure reaching into it: the earlier one stands
        if not disjoint or draft.start >= disjoint[-1].end:
            disjoint.append(draft)
    return _in_parts(text, _distribute(text, _ratios(text, _from_to(text, disjoint, start))))


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
            out[k : k + 2] = [replace(a, end=b.end, value=value, low=low, high=high, rule="<number> in <number>",
                                      after=b.after, style="fraction", entity=noun)]  # fmt: skip
        k += 1
    return out


_FROM = regex.compile(r"(?i)\bfrom\s+$")
_TO_AFTER_ADJUNCT = regex.compile(r"(?i)\s+(?:[^\s,;()]+\s+){0,4}?to\s+")  # "in 2008 to", "combined to"


_WHEN = regex.compile(
    r"(?i)\b(?:in|at|during|by|since|last|this|next|ago|earlier|year|month|week|day|quarter|today|yesterday|"
    r"morning|night|evening)\b"
)


def _from_to(text: str, out: list[Draft], floor: int) -> list[Draft]:
    """ "from 21 mpg combined to 23": a range whose ends have a few words between them (not a
    date: "from 5% last year to 7% now" dates each end, two figures); after a range ("from
    14-18 mpg to 24") a bare new level takes its unit."""
    k = 0
    while k < len(out) - 1:
        a = out[k]
        opened = a.rule.startswith("from ") or _FROM.search(text, max(floor, a.start - 6), a.start)
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
            out[j] = replace(b, unit=a.unit, rule=b.rule + " (unit shared)")
            k = j
            continue
        if a.qualifier != "exact":
            k += 1
            continue
        assert a.value is not None and b.value is not None
        low, high = min(a.value, b.value), max(a.value, b.value)
        start = _FROM.search(text, max(floor, a.start - 6), a.start).start()  # type: ignore[union-attr]
        merged = replace(
            a, start=start, end=b.end, value=None, low=low, high=high, qualifier="range",
            rule="from <number> … to <number> <unit>", after=b.after,
        )  # fmt: skip
        out[k : j + 1] = [merged]
        k += 1
    return out


def _level_of(text: str, bare: Draft, new: Draft) -> Draft:
    """The bare old level of "from A to B-C unit", with the unit and scale of the range after it."""
    value = bare.value
    if value is None or bare.qualifier != "exact":
        return bare
    scale = _scale_of(text, new.start, new.end)
    suffix = rx(r"\d(bn|m|k)\b").search(text, new.start, new.end) if scale == 1 else None
    scale = SUFFIX_SCALES[suffix.group(1)] if suffix is not None else scale  # "from 24.2 to 33-35bn"
    if not _scaled_itself(text, bare) and new.low is not None and abs(value * scale) <= abs(new.low) * 10:
        value = tidy(value * scale)
    return replace(bare, value=value, low=value, high=value, unit=new.unit, rule=bare.rule + " (unit shared)")


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
            d = replace(
                d,
                value=value,
                low=value if d.low is not None else None,
                high=value if d.high is not None else None,
                unit="",
                rule=d.rule.replace("<unit>", "m"),
            )
        fixed.append(d)
    return fixed


def _gaps(taken: list[tuple[int, int]], start: int, end: int) -> Iterator[tuple[int, int]]:
    """The stretches of ``[start, end)`` that no taken span (sorted by start) covers."""
    at = start
    for a, b in taken:
        if a > at:
            yield at, a
        at = max(at, b)
    if at < end:
        yield at, end


_PAREN_SCALE = regex.compile(r"\)(?:\s?(thousand|million|billion|trillion)\b|(bn|mn|m|k)\b)?", regex.IGNORECASE)


def _accounting(text: str, n: Numeral, floor: int, claim: int, limit: int, catalogue: Catalogue) -> Draft | None:
    """An amount in accounting brackets, "$(1.2) million", "$(0.05) per share": a negative amount."""
    s, e = n.start, n.end
    if s - 1 <= max(floor, claim) or text[s - 1] != "(" or e >= limit:
        return None
    closing = _PAREN_SCALE.match(text, e, limit)
    prefix = _prefix(text, s - 1, max(floor, claim), catalogue) if closing is not None else None
    if closing is None or prefix is None or n.value is None:
        return None
    word, suffix = closing.group(1), closing.group(2)
    factor = SCALES[word.lower()] if word else SUFFIX_SCALES.get(suffix, 1) if suffix else 1
    value = tidy(-n.value * factor)
    unit = _compound(text, UnitMatch(closing.end(), prefix[1]), limit, catalogue)
    rule = "<currency> (<number>)" + (" per <unit>" if unit.name != prefix[1] else "")
    return Draft(prefix[0], unit.end, value, value, value, "exact", unit.name, rule, after=unit.end)


def _one(
    text: str, n: Numeral, floor: int, limit: int, catalogue: Catalogue, second: bool = False, claim: int = 0
) -> Draft | None:
    """One numeral with what is written around it: sign, currency, scale, unit, cue.

    ``second`` is set for the second number of a range, which the range join has already read.
    """
    s, e = n.start, n.end
    before = text[s - 1] if s > floor else " "
    if before in "-‐" and s - 2 >= floor and text[s - 2].isalpha() and not second:
        word = _LEFT_WORD.search(text[max(floor, s - 12) : s - 1])
        if word is None or word.group(1).lower() not in _BEFORE_HYPHEN:
            return None  # COVID-19, F-150, TA-35, production-four-door: a name
    value = n.value
    if n.style == "words" and s - 2 >= floor and text[s - 1] in "-‐" and text[s - 2].isdigit():
        return None  # "7-Eleven": a name
    if n.style == "words" and text[s].isupper() and s > floor:
        previous = _LEFT_WORD.search(text[max(floor, s - 30) : s])
        if previous is not None and previous.group(1)[0].isupper() and previous.group(1).lower() not in NOT_NAMES:
            return None  # "Kick Six", "BBC One", "Big Ten": part of a name
    if n.style == "fraction" and _PERIOD_BEFORE.search(text, max(floor, s - 16), s):
        return None  # "the first half of 2024", "the second quarter": a period, not a share
    noun = _NOUN_NEXT.match(text, e, limit) if n.style == "fraction" else None
    if noun and noun.group(1) not in _NO_NOUN and _ORDINAL_FRACTION.fullmatch(text, s, e):
        rank = ORDINAL_WORDS[text[s:e].split()[-1].lower()]  # "for a sixth month", "a third straight win"
        return Draft(s, e, rank, rank, rank, "exact", "", "ordinal word", kind="ordinal", style="ordinal")
    if n.style == "ordinal":
        if _ORDINAL_SKIP.match(text, e, min(limit, e + 20)) or rx(r"(?i)\b(?:at|a|an|per)\s+$").search(
            text[max(floor, s - 4) : s]
        ):
            return None
        if (
            text[s:e].lower() == "first"
            and _PARTICIPLE_NEXT.match(text, e, limit)
            and not _DETERMINER_LEFT.search(text, max(floor, s - 8), s)
        ):
            return None  # "The deal, first reported by Bloomberg": an adverb (but "the first elected mayor")
        return Draft(s, e, n.value, n.value, n.value, "exact", "", "ordinal word", kind="ordinal", style=n.style)
    if n.style == "digits":
        if before == "^":
            return None  # an exponent: "km^2", "2^10"
        if before.isalnum() or before in "_" or (before == "." and s - 1 > floor and text[s - 2].isdigit()):
            prefix = _prefix(text, s, floor, catalogue)
            if prefix is None or not text[prefix[0] : s].strip():
                return None
        if before in "-‐" and s - 2 >= floor and text[s - 2].isdigit() and not second:
            return None  # ISO 3888-2, the second half of a score: not a number of its own
        after = text[e : e + 1]
        if e < limit and text[e].isalpha():
            m = _ORDINAL_SUFFIX.match(text, e, limit)
            if m is not None:
                return Draft(s, m.end(), value, value, value, "exact", "", "<n>st/nd/rd/th", kind="ordinal")
            if text[e] == "s" and (e + 1 >= limit or not text[e + 1].isalnum()):
                return None  # "Model 3s", "the 80s" (decades are dates, found before)
        del after
    if n.style == "digits" and value is not None and not second:
        owed = _accounting(text, n, floor, claim, limit, catalogue)
        if owed is not None:
            return owed
    # sign
    negative = False
    if second:
        pass
    elif (
        s - 1 >= max(floor, claim)
        and text[s - 1] in "-−–"
        and (s - 2 < floor or text[s - 2] in " (\t\n:")
        and n.style == "digits"
    ):
        s -= 1
        negative = True
    elif (
        s - 1 >= max(floor, claim)
        and text[s - 1] == "+"
        and (s - 2 < floor or text[s - 2] in " (\t\n:")
        and n.style == "digits"
    ):
        s -= 1  # "+0.2%": a rise, written with its sign
    elif _NEGATIVE_WORD.search(text[max(floor, claim, s - 10) : s]) and not _PLUS_OR_MINUS.search(
        text, max(floor, s - 20), s
    ):
        m = _NEGATIVE_WORD.search(text[max(floor, claim, s - 10) : s])
        assert m is not None
        s = max(floor, claim, s - 10) + m.start()
        negative = True
    # currency before
    unit = ""
    rule_parts: list[str] = []
    prefix = _prefix(text, s, max(floor, claim), catalogue)
    if prefix is None and not negative and s - 1 > max(floor, claim) and text[s - 1] in "-−":
        prefix = _prefix(text, s - 1, max(floor, claim), catalogue)  # "$-99.99"
        negative = prefix is not None
    if (
        prefix is not None
        and text[prefix[0] : s].strip() == "PS"
        and _ONE_DIGIT.fullmatch(text, n.start, n.end)
        and not _SUFFIX.match(text, n.end, limit)
    ):
        return None  # "PS5 consoles": a name; "PS5m" (a £ the text lost) has its scale, "PS20" two digits
    if prefix is not None:
        s, unit = prefix
        rule_parts.append("<currency>")
        if (
            not negative
            and s - 1 >= max(floor, claim)
            and text[s - 1] in "-−"
            and (s - 2 < floor or text[s - 2] in " (")
        ):
            s -= 1
            negative = True
    if negative and value is not None:
        value = -value
    # scale suffix
    scale = _scale_suffix(text, n, limit, bool(unit), catalogue)
    if scale is not None and value is not None:
        e, factor = scale
        if abs(value) * factor > 1e300:
            return None  # beyond any figure a text states
        value = tidy(value * factor)
    rule_parts.append("<number>")
    error = _PLUS_MINUS.match(text, e, limit)
    margin: float | int | None = None
    if error is not None and value is not None and not unit:
        margin = number(error.group(1))  # "2,000.45±0.01 pounds": the unit follows the error
        e = error.end()
        rule_parts.append("± <error>")
    # unit after
    age = False
    hyphen = False
    few = n.style == "vague" and text[e - 1 : e].isalpha() and text[max(s, e - 7) : e].lower().endswith(_SCALE_ENDS)
    if n.style != "vague" or few:  # "a few hundred metres" has its unit as a number does
        found = unit_after(text, e, limit, catalogue)
        if found is not None and unit and catalogue.unit(found.name).dimension != "currency":
            found = None  # "an $800 stone pizza oven": money is not weighed
        if found is not None and not unit:
            e, unit, age, hyphen = found.end, found.name, found.age, found.hyphen
            if unit == "degree angle" and _temperature(text, floor, limit):
                unit = "degree"  # "it is 30 degrees outside": a temperature, on a scale the text leaves unsaid
            unit = _pounds(text, n, unit, scale is not None, floor, e, limit)
            rule_parts.append("<unit>")
        elif found is not None:
            e = found.end  # "$5 dollars", "$31.20 US": the currency said twice (other units were dropped above)
        elif unit:
            per = _compound(text, UnitMatch(e, unit), limit, catalogue)
            if per.name != unit:
                e, unit = per.end, per.name
                rule_parts.append("per <unit>")
        if unit and rule_parts[-1] != "<unit>" and "<currency>" not in rule_parts:
            rule_parts.append("<unit>")
    elif (
        text[e - 2 : e].lower() == "of"
        and (found := unit_after(text, e, limit, catalogue)) is not None
        and catalogue.unit(found.name).dimension not in ("", "dimensionless")
    ):  # "tens of millions of dollars", "hundreds of miles"
        e, unit = found.end, _pounds(text, n, found.name, True, floor, found.end, limit)  # "thousands of pounds"
    modifier = not unit and not hyphen and e + 1 < limit and text[e] == "-" and text[e + 1].isalpha()
    if modifier and not rx(r"-(?:plus|odd)\b|-(?:to|and|through)-?\d").match(text[e:limit]):
        counted = _COUNTED_COMPOUND.match(text, e, limit) if n.style == "digits" and value is not None else None
        if counted is None or counted.group(1).lower() in _NOT_COUNTED:
            return None  # "four-cylinder", "six-speed", "one-time": a modifier, not a quantity
        if counted.group(1).lower() in _SCALE_LABELS:  # "a 7.8-magnitude earthquake": a rank on a scale
            return Draft(s, counted.end(1), value, value, value, "exact", "", "<number>-<scale>", kind="number",
                         style=n.style)  # fmt: skip
        if counted.group(1).lower() == "strong":  # "its 60,000-strong workforce": the noun after counts
            return Draft(s, counted.end(1), value, value, value, "exact", "", "<number>-strong <noun>",
                         after=counted.end(1), style=n.style)  # fmt: skip
        # "a 1,200-page report", "the 5,000-seat arena": the number counts the noun in the compound
        return Draft(s, counted.end(1), value, value, value, "exact", "", "<number>-<noun> <noun>",
                     entity=counted.group(1), style=n.style)  # fmt: skip
    if not unit and scale is None and e < limit and text[e].isalpha() and e == n.end:
        return None  # "5G", "3D", "4x4": letters against the digits make a name
    if not unit and n.style == "fraction":
        of = (_HALF_A if text[s:e].lower().endswith("half") else _OF_A).match(text, e, limit)  # "half an hour"
        found = unit_after(text, of.end(), limit, catalogue) if of else None
        if found is not None:
            e, unit = found.end, found.name
            rule_parts.append("of a <unit>")
    if age:
        m = _AGE.match(text, e, limit)
        assert m is not None
        e = m.end()
        rule_parts.append("old")
    # qualifier before
    qualifier, low, high = "exact", value, value
    cue = _qualifier(text, s, max(floor, claim))
    if n.style == "vague":
        qualifier, low, high = "range", n.low, n.high
        rule_parts = ["<vague count> of"]
    elif cue is not None and not _spread_over(text, cue[0], claim, floor, e, limit, unit, catalogue):
        s, qualifier = cue
        rule_parts.insert(0, "<qualifier>")
    elif text[max(floor, claim, s - 4) : s].lower() == "sub-":
        s -= 4
        qualifier = "upper_bound"
        rule_parts.insert(0, "sub-")
    for after, q in QUALIFIER_AFTER.items():
        end = e + len(after)
        if text.startswith(after, e) and end <= limit and (end == limit or not text[end].isalnum()):
            if after == "+" and e + 1 < limit and text[e + 1].isdigit():
                continue
            if after == " plus" and (
                qualifier != "exact"
                or (unit and catalogue.unit(unit).dimension == "currency" and _WORD_NEXT.match(text, end, limit))
            ):
                continue  # "€35 million plus add-ons", "$500 plus tax": an amount added, not "or more"
            e = end
            qualifier = q
            rule_parts.append(after.strip())
            break
    if margin is not None and value is not None and qualifier == "exact":
        qualifier, low, high = "approximate", tidy(value - margin), tidy(value + margin)
    elif qualifier == "lower_bound":
        low, high = value, None
    elif qualifier == "upper_bound":
        low, high = None, value
    elif qualifier == "approximate":
        low, high = None, None
    rule = " ".join(rule_parts)
    draft = Draft(s, e, value, low, high, qualifier, unit, rule, after=e, style=n.style)
    if age:
        return replace(draft, rule="<number>-year-old")
    if unit or hyphen:
        return draft
    if n.style == "words" and value in (2, 3) and qualifier == "exact":
        noun = _A_NOUN_OR.search(text, max(floor, claim, s - 40), s)
        if noun is not None:  # "a day or two", "another pick or two"
            said = unit_after(text, noun.start(1) - 1, noun.end(1), catalogue)
            if said is not None and said.end == noun.end(1):
                return replace(draft, unit=said.name, rule="a <unit> or <number>")
            return replace(draft, entity=noun.group(1), rule="a <noun> or <number>")
    return _unitless(text, draft, n, floor, limit)


_A_NOUN_OR = regex.compile(r"(?i)\b(?:a|an|another)\s+(\p{L}[\p{L}-]*)\s+or\s+$")


_DATED_NOUN = regex.compile(
    r"(?i)\s+(?:levels?|prices|figures|values|terms|dollars|rates|standards|numbers|estimates|data|highs|lows|peaks"
    r"|budgets?|accounts|results|sales|earnings|census|season|edition|model|models|election|elections|vintage)\b"
)
_AGE_NOUN = regex.compile(r"(?i)\b(?:the|a|an)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s*$", regex.REVERSE)
_AGE_NAME = regex.compile(r"((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)\s*$", regex.REVERSE)
_RANGE_TO_UNIT = regex.compile(r"(?:-|\s*–\s*|\s+(?:to|and)\s+)[\d.,]+\s?[\p{L}%$€£°]")  # "3-4 L", "3 to 4 L"
_LONGER_THAN = regex.compile(r"(?i)\b(?:for|of|after|lasting|with|than|in|spanning|and|or|been|is|was|are|were)\s+$")
_AGO = regex.compile(r"\s+(?:ago|old|of\s+age)\b")  # "over 40 years ago": more than 40
_AGED = regex.compile(r"(?i)\b(?:aged|ages|age\s+of)\s+$", regex.REVERSE)  # "aged 50", "at the age of 75"
PEOPLE = (
    r"(?i)\b(men|women|people|adults|children|kids|those|anyone|everyone|patients|drivers|workers|residents"
    r"|voters|pensioners|smokers|players|employees|users|parents|teenagers|girls|boys|babies|infants)\s+"
)  # before "over 50", "under 5": whose age it is
_PEOPLE_BOUND = regex.compile(PEOPLE + r"(?:aged\s+)?(?:over|under|above|below)\s+$", regex.REVERSE)
_OLDER_THAN = regex.compile(r"(?i)(?:older|younger)\s+than\s+")
_OF_A = regex.compile(r"\s+of\s+(?:a|an)\s+(?:US\s+|U\.S\.\s+|imperial\s+|metric\s+)?", regex.IGNORECASE)
_HALF_A = regex.compile(r"\s+(?:of\s+)?(?:a|an)\s+(?:US\s+|U\.S\.\s+|imperial\s+|metric\s+)?", regex.IGNORECASE)
_PARTICIPLE_NEXT = regex.compile(r"\s+\p{Ll}{3,}ed\b")
_DETERMINER_LEFT = regex.compile(r"(?i)\b(?:the|a|an|its|their|his|her|our|my|your|this|that)\s+$")
_ORDINAL_SKIP = regex.compile(
    r"(?i)\s*(?:time|of all|place|half|quarter|hand|ever|person|thing|and foremost)\b|-(?:party|ever|hand)\b"
)


_PERSON_IS = regex.compile(
    r"(?i)\b(?:he|she|who|i|we|they|you)(?:\s+(?:is|was|were|are|am|turned|turns|will\s+be|would\s+be|had\s+been)|['’]s)"
    r"\s+(?:just\s+|only\s+|now\s+|nearly\s+|almost\s+)?$"
)
_AGE_ENDS = regex.compile(  # no noun after the age
    r"\s*(?:[.,;:!?)]|$|\s(?:by|in|on|at|when|last|this|next|and|or|but|years?\b))"
)


_WORD = regex.compile(r"[\p{L}-]+")


_MONEY_WORDS = words(
    """
    paid pay pays paying cost costs costing spent spend spends spending worth fee fees fine fined bid
    offer offered raised raise sold bought salary wage wages price priced budget deal transfer valued
    earned earn earns owes owed owe debt debts loan bonus bill charged charge tax taxes profit loss
    revenue turnover donated donation
    """
)
_OF_NEXT = regex.compile(r"\s+of\b")
_OF_FORCE = regex.compile(r"\s+of\s+(?:thrust|force|pull|tension|downforce|lift)\b")


def _pounds(text: str, n: Numeral, unit: str, scaled: bool, floor: int, end: int, limit: int) -> str:
    """``unit``, with "pound-mass" read as sterling where a scale says millions ("100m pounds", "£3bn a
    year") or money is spoken of just before, unless "of" says what was weighed ("2m pounds of beef"),
    and as pound-force before "of thrust"."""
    if unit.split(" per ")[0] != "pound-mass":
        return unit
    if _OF_FORCE.match(text, end, limit):
        return unit.replace("pound-mass", "pound-force", 1)  # "7.5 million pounds of thrust"
    if _OF_NEXT.match(text, end, limit):
        return unit
    money = (
        n.scaled
        or scaled
        or not _MONEY_WORDS.isdisjoint(w.lower() for w in _WORD.findall(text, max(floor, n.start - 40), n.start))
    )
    return unit.replace("pound-mass", "pound sterling", 1) if money else unit


def _temperature(text: str, floor: int, limit: int) -> bool:
    """The sentence speaks of heat or weather, and not of turning or angles."""
    said = {w.lower() for w in _WORD.findall(text, floor, limit)}
    return not said.isdisjoint(TEMPERATURE_WORDS) and said.isdisjoint(ANGLE_WORDS)


_FIGURE_THEN = regex.compile(r"(?:\s+\p{Ll}+){0,2}\s+")  # "3,500 km over", "40 goals over"


def _spread_over(
    text: str, cue: int, claim: int, floor: int, end: int, limit: int, unit: str, catalogue: Catalogue
) -> bool:
    """ "over" that spreads a figure rather than bounding the number after it: over a span of time
    ("cost £2bn over five years", but "for over 30 years", "over 40 years ago" are more than), or right after a figure
    ("covers 3,500 km over 21 stages", "40 goals over three seasons"; "1,000 people over 65" bounds)."""
    if text[cue : cue + 4].lower() != "over":
        return False
    if (
        unit
        and catalogue.unit(unit).dimension == "time"
        and not _LONGER_THAN.search(text, max(floor, cue - 12), cue)
        and not _AGO.match(text, end, limit)
    ):
        return True
    if claim <= floor:
        return False
    gap = _FIGURE_THEN.fullmatch(text, claim, cue)
    if gap is None or any(w in STOP_WORDS for w in gap.group().split()) or _PEOPLE_BOUND.search(text, claim, cue + 5):
        return False  # but "one in three adults over 65": their age
    return bool(unit) or _BEFORE_NOUN.match(text, end, limit) is not None


def _unitless(text: str, draft: Draft, n: Numeral, floor: int, limit: int) -> Draft | None:
    """A number with no unit: a year, a label, an age, a count or a bare number."""
    s, e = draft.start, draft.end
    raw = text[n.start : n.end]
    value = draft.value
    if n.style == "words" and value == 1 and raw.lower() == "one":
        left = text[max(floor, s - 12) : s]
        if _ONE_SKIP_BEFORE.search(left) or _ONE_SKIP_AFTER.match(text, e, limit):
            return None
        of = _OF_DET.match(text, e, limit)
        if of is not None:
            return replace(draft, rule="one of <noun phrase>", after=of.end())
    if (
        n.style == "digits"
        and rx(r"\d{4}").fullmatch(raw)
        and draft.qualifier == "exact"
        and isinstance(value, int)
        and 1000 <= value <= 2100
        and not (s > floor and text[s - 1] in "-−" and not (s - 2 >= floor and text[s - 2].isalpha()))
    ):  # a year, also "end-2024", "mid-2022"; not "-2024"
        left = text[max(floor, s - 12) : s].lower()
        strong = rx(
            r"\b(?:in|since|from|until|till|by|during|between|before|after|year|circa|c\.|early|late|mid)\s+$"
        ).search(left)
        dated = _DATED_NOUN.match(text, e, limit)  # "2019 levels", "2010 prices": the year's
        counted = _PLURAL_NOUN.match(text, e, limit) and not strong and not dated
        if not counted and (1900 <= value <= 2100 or strong):
            return replace(draft, kind="date", date=str(value), value=None, low=None, high=None, rule="year")
    if _AGED.search(text, max(floor, s - 16), s):
        return replace(draft, unit="year", rule="aged <number>")  # "patients aged 50 to 75"
    if (
        isinstance(value, int)
        and 0 < value < 120
        and draft.qualifier in ("lower_bound", "upper_bound")
        and _PEOPLE_BOUND.search(text, max(floor, s - 24), n.start)
    ):
        return replace(draft, unit="year", rule="<people> over|under <age>")  # "men over 50", "children under 5"
    if isinstance(value, int) and 0 < value < 120 and _OLDER_THAN.match(text, s, n.start):
        return replace(draft, unit="year", rule="older|younger than <age>")  # "people older than 65"
    if (
        isinstance(value, int)
        and 0 < value < 120
        and _PERSON_IS.search(text, max(floor, s - 20), s)
        and _AGE_ENDS.match(text, e, limit)
    ):
        return replace(draft, unit="year", rule="<person> is <age>")  # "he will be 35 by then", "who was 10."
    if draft.qualifier == "exact" and n.style == "digits" and not draft.unit:
        scale = _LEFT_WORD.search(text, max(floor, s - 12), s)
        if scale is not None and scale.group(1) in _SCALE_LABELS:  # "a magnitude 6.4 earthquake", "category 4"
            return replace(draft, kind="number", rule="<scale> <number>")
    label = _is_label(text, draft.start, floor)
    if label and _RANGE_TO_UNIT.match(text, e, limit):
        label = ""  # "Pour 3 to 4 L": a range with a unit follows, so the word before is no name
    if label and draft.qualifier == "exact" and n.style == "digits":
        if label.lower().rstrip(".") in LABEL_NOUNS:
            return replace(draft, kind="number", rule="<label> <number>")
        return None
    age = rx(r",\s*(\d{1,3})\s*,").match(text[draft.start - 2 : e + 2]) if draft.start - 2 >= floor else None
    if age is not None and n.style == "digits" and isinstance(value, int) and 0 < value < 120:
        name = _AGE_NAME.search(text, max(floor, s - 60), s - 2) or _AGE_NOUN.search(text, max(floor, s - 40), s - 2)
        if name is not None:  # "Maddon, 66,", "The senator, 72,"
            return replace(draft, unit="year", rule="<name>, <age>,", entity=name.group(1))
    return draft


def _range(
    text: str, draft: Draft, following: list[Numeral], floor: int, limit: int, catalogue: Catalogue
) -> tuple[Draft | None, int]:
    """Join "10–20", "10 to 20", "between 10 and 20", "from 10 to 20 km" into one range figure."""
    within = draft.qualifier == "upper_bound" and text[draft.start : draft.start + 7].lower() == "within "
    if (
        not following
        or draft.kind
        or draft.value is None
        or (draft.qualifier not in ("exact", "approximate") and not within)
    ):
        return draft, 0  # (but "within two to three years" is a range)
    nxt = following[0]
    join = _RANGE_JOIN.match(text, draft.end, limit)
    if join is None:
        return draft, 0
    # the second number may carry a currency prefix: "$10 to $15 billion"
    gap = text[join.end() : nxt.start]
    currency = draft.unit.split(" per ")[0]  # "$350 per kg to $680 per kg"
    minus = gap in ("-", "−")  # "from -18 °C to -34 °C"
    prefix_ok = (
        gap == "" or minus or (gap.strip() in catalogue.prefixes and currency == catalogue.prefixes[gap.strip()])
    )
    if not prefix_ok or (join.group("slash") and not gap):
        return draft, 0
    left = text[max(floor, draft.start - 10) : draft.start].lower()
    between = rx(r"\bbetween\s+$").search(left)
    from_ = rx(r"\bfrom\s+$").search(left)
    word = (join.group("word") or "").lower()
    if word == "and" and not between:
        return draft, 0
    if from_ and word == "to" and _RANGE_STARTS.match(text, nxt.end, limit):
        return draft, 0  # "from 24.2 to 33-35 billion euros": the new level is itself a range
    second = _one(text, nxt, floor, limit, catalogue, second=True)
    if second is None or second.value is None or second.kind or second.qualifier != "exact":
        return draft, 0
    if word == "or" and not _neighbours(text, draft, second, floor):
        return draft, 0  # "5, 10 or 15 percent" is a list; "three or four years" a range
    unit = draft.unit or second.unit
    if draft.unit and second.unit and draft.unit != second.unit:
        if not second.unit.startswith(draft.unit + " per "):
            return draft, 0
        unit = second.unit  # "$500,000 to $1 million a year"
    if draft.unit and not second.unit and not (between or from_) and word and not draft.rule.startswith("aged"):
        return draft, 0
    low, high = draft.value, -second.value if minus else second.value
    suffixed = bool(nxt.value) and second.value != nxt.value  # "$5-10bn": the suffix scaled the second
    if not _scaled_itself(text, draft) and (nxt.scaled or suffixed):
        factor = _scale_of(text, nxt.start, nxt.end) if nxt.scaled else abs(second.value / (nxt.value or 1))
        if abs(low) < 1e200 and low * factor <= abs(high):  # "$10 to $15 billion", "four to five thousand", "$5-10bn"
            low = tidy(low * factor)
    if word == "to" and abs(low) * 5 < abs(high) and (_BY.search(left) or _moved_before(text, draft.start, floor)):
        return draft, 0  # "grew by 1.2 million to 67.3 million", "climbed $1.50 to $82.30": a change, then the level
    if low > high and word == "to" and not (between or from_) and not (draft.unit or second.unit):
        return draft, 0  # "a margin of 61 to 39", "by 218 votes to 212": a tally, not a range
    if low > high:
        if join.group("dash") and not draft.unit and not second.unit:
            return None, 1  # "2-0", "9-2 lead": a score, not a quantity
        low, high = high, low
    start = draft.start
    if between or from_:
        start = draft.start - len(left) + (between or from_).start()  # type: ignore[union-attr]
    joined = "<number> or <number>" if word == "or" else "<number> to <number>"
    rule = ("between " if between else "from " if from_ else "") + joined + (" <unit>" if unit else "")
    merged = replace(
        draft, start=start, end=second.end, value=None, low=low, high=high, qualifier="range",
        unit=unit, rule=rule, after=second.after,
    )  # fmt: skip
    return merged, 1


_BY = regex.compile(r"(?i)\bby\s+$")
WORD_BEFORE = regex.compile(r"(\p{L}+)\s+$", regex.REVERSE)  # the word right before a position
_MOVES = TREND_UP | TREND_DOWN


def _moved_before(text: str, start: int, floor: int) -> bool:
    """A trend verb ("rose", "fell", "added") stands right before ``start``."""
    word = WORD_BEFORE.search(text, max(floor, start - 20), start)
    return word is not None and word.group(1).lower() in _MOVES


_RANGE_STARTS = regex.compile(r"\s?[-–]\s?\d")


def _neighbours(text: str, first: Draft, second: Draft, floor: int) -> bool:
    """ "two or three", "8 or 9": neighbouring whole numbers joined by "or" are one vague range,
    unless they end a list ("4, 5 or 6 percent")."""
    a, b = first.value, second.value
    if not (isinstance(a, int) and isinstance(b, int) and b == a + 1):
        return False
    return not rx(r"[\d\p{L}],\s*$").search(text, max(floor, first.start - 3), first.start)


def _scaled_itself(text: str, draft: Draft) -> bool:
    return bool(
        rx(r"(?i)(?:hundred|thousand|million|billion|trillion|lakhs?|crores?|bn|mn|[kmb])\b").search(
            text[draft.start : draft.end]
        )
    )


def _scale_of(text: str, start: int, end: int) -> int:
    """The product of the scale words in ``text[start:end]`` ("billion", "lakh crore"); 1 for none."""
    factor = 1
    for word in rx(r"(?i)hundred|thousand|million|billion|trillion|lakhs?|crores?").findall(text[start:end]):
        factor *= SCALES[word.lower()]
    return factor


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
        if nxt.rule.startswith("<currency>") and not nxt.rule.endswith("<unit>"):
            continue  # "$5 and 10" is not "5 dollars and 10 dollars" by this rule
        if _PLURAL_NOUN.match(text, this.end, nxt.end) and not gap.strip(" ,"):
            continue
        out[k] = replace(this, unit=nxt.unit, rule=this.rule + " (unit shared)")
    return out


# measures written in parts, largest first, as a number of the smallest: "2 hours 20 minutes" is
# 140 minutes, "6ft 4in" 76 inches, "7lb 4oz" 116 ounces. Years and months join each other, and weeks
# down to seconds each other (a month has no fixed number of days).
_IN_SMALLER = (
    {"year": 12, "month": 1},
    {"week": 7 * 24 * 3600, "day": 24 * 3600, "hour": 3600, "minute": 60, "second": 1},
    {"foot": 12, "inch": 1},
    {"stone": 14 * 16, "pound-mass": 16, "ounce": 1},
)
_PART_GAP = regex.compile(r"\s*(?:,\s*)?(?:and\s+)?")


def _in_parts(text: str, out: list[Draft]) -> list[Draft]:
    """ "2 hours 20 minutes", "2 years and 3 months", "6ft 4in", "7lb 4oz": one figure."""
    k = 0
    while k < len(out) - 1:
        scale = next((s for s in _IN_SMALLER if out[k].unit in s), None)
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
                replace(first, end=parts[-1].end, value=total, low=low, high=high, unit=smallest,
                        rule="<duration> <duration>", after=parts[-1].after)
            ]  # fmt: skip
        k += 1
    return out
