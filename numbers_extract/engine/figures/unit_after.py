"""What is written around a number that makes it an amount: the currency before it, the scale against
it ("$3bn"), the unit after it ("km", "miles an hour", "dollars per share").
"""

from __future__ import annotations

from functools import cache

import regex

from ..lexicon import alternation, lexicon
from ..numerals import SUFFIX_SCALES, Numeral
from ..rx import rx
from ..units import Catalogue
from .draft import UnitMatch
from .unit_context import in_context
from .unit_context import money_before as _money_before

_LEX = lexicon()
_SPACE = " \u00a0\u202f\u2009"
_NAMED_CODES = _LEX.currency_codes_named


_POWER = regex.compile(r"(?:\^([23])|([²³]))(?!\d)")


_SPACE_OR_WRAP = _SPACE + "\n\r"  # a hard-wrapped line may put the unit on the next line


_CHUNK = regex.compile(r"[^\s]+")


_TRIM = regex.compile(r"""[.,;:!?)\]"'”’]+$""")
_TRIM_AFTER_STOP = regex.compile(r"""(?<=\.)[,;:!?)\]"'”’]+$""")
_QUOTES = frozenset("\"'”’″′")
_TRIM_BEFORE_QUOTE = regex.compile(r"""(?<=["'”’])[.,;:!?)\]]+$""")


# a scale against the digits ends there: not a unit's prefix ("5M㎐", a CJK compatibility unit) nor an
# abbreviation's first letter ("5k.p.h.")
_SUFFIX = regex.compile(r"(?P<s>" + alternation(SUFFIX_SCALES) + r")(?![\p{L}\p{N}\u3380-\u33ff]|\.\p{L})")


_SPACED_SUFFIX = regex.compile(r"\s(?P<s>" + alternation(_LEX.scale_suffixes_spaced) + r")\b(?![\u3380-\u33ff])")


_PLURAL_NOUN = regex.compile(
    r"\s*(?:of\b|[a-z]+s\b|" + alternation(_LEX.people_plurals | _LEX.people_collectives) + r"\b)"
)


_AGE = regex.compile(r"[- ]old\b", regex.IGNORECASE)


# a distance in metres before a race or what it is run for, not millions
_TRACK = regex.compile(r"\s*" + alternation(_LEX.race_words) + r"\b")


@cache
def _prefix_ends(catalogue: Catalogue) -> frozenset[str]:
    """The last characters of the currencies written before a number that end in no letter: "$", "€"."""
    return frozenset(prefix[-1] for prefix in catalogue.prefixes if not prefix[-1].isalpha())


@cache
def _word_prefixes(catalogue: Catalogue) -> frozenset[str]:
    """The currencies written before a number that end in a letter ("USD", "usd", "RM", "MUSD", and
    "R" a space before): whole words, so the word before a number says whether one may be there."""
    return frozenset(p for p in (*catalogue.prefixes, *catalogue.spaced_prefixes) if p[-1].isalpha())


_LONGEST_WORD_PREFIX = 6


def currency_before(text: str, start: int, lo: int, catalogue: Catalogue) -> bool:
    """A currency may be written right before ``start``: a symbol's last character in the two
    characters before ("$5", "$ 5", "$(5)"), or a word of letters that is a currency's, against the
    number or a space before it ("RM23", "USD 5"). Most numbers have none, said without a search."""
    if start <= lo:
        return False
    ends = _prefix_ends(catalogue)
    before = text[start - 1]
    if before in ends or (start - 2 >= lo and text[start - 2] in ends):
        return True
    end = start if before.isalpha() else start - 1 if before == " " and start - 2 >= lo else -1
    if end < 0 or not text[end - 1].isalpha():
        return False
    k = end
    while k > lo and end - k < _LONGEST_WORD_PREFIX and text[k - 1].isalpha():
        k -= 1
    return text[k:end] in _word_prefixes(catalogue)


def _prefix(text: str, start: int, floor: int, catalogue: Catalogue) -> tuple[int, str] | None:
    """The currency written right before ``start`` ("$", "US$ ", "EUR "), longest first."""
    at = max(floor, start - 8)
    if not currency_before(text, start, at, catalogue):
        return None  # most numbers have none: said from the characters before
    left = text[at:start]
    for trail in ("", " "):
        if not left.endswith(trail):
            continue
        body = left[: len(left) - len(trail)]
        for k in range(min(catalogue.longest_prefix, len(body)), 0, -1):
            prefix = body[-k:]
            if prefix in catalogue.prefixes and (
                k == len(body) or not (prefix[0].isalpha() and body[-k - 1].isalpha())
            ):
                s = start - len(left) + len(body) - k
                return None if _name_not_money(prefix, text, s, floor) else (s, catalogue.prefixes[prefix])
    return _spaced_prefix(text, start, floor, catalogue)


def _name_not_money(code: str, text: str, at: int, floor: int) -> bool:
    """A code that is also a name ("AMD 7950X", "PHP 8"), and no money spoken of before it."""
    return code.lower() in _NAMED_CODES and not _money_before(text, at, floor)


_DIGITS = regex.compile(r"\d[\d,.]*")


def _unit_next(text: str, start: int, catalogue: Catalogue) -> bool:
    """A unit written after the digits at ``start``: "R 18 months" counts months, it is no sum."""
    digits = _DIGITS.match(text, start)
    return digits is not None and unit_after(text, digits.end(), len(text), catalogue) is not None


_LOWER_WORD_BEFORE = regex.compile(r"(?:^|[^\p{L}\p{N}&.'’-])\p{Ll}+\s$")


def _spaced_prefix(text: str, start: int, floor: int, catalogue: Catalogue) -> tuple[int, str] | None:
    """A currency written a space before the number after a lower-case word, money spoken of just
    before ("cost R 18"); not an initial, a grade nor a rating ("John R 18", "grade R 5", "R&D 5")."""
    if start - 2 < floor or text[start - 1] != " ":
        return None
    for prefix, name in catalogue.spaced_prefixes.items():
        at = start - 1 - len(prefix)
        if (
            at > floor
            and text.startswith(prefix, at)
            and _LOWER_WORD_BEFORE.search(text, max(floor, at - 30), at)
            and _money_before(text, at, floor)
            and not _unit_next(text, start, catalogue)
        ):
            return at, name
    return None


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
    if text[j] == "(" and not attached:
        return _bracketed(text, j, limit, catalogue)
    head = _CHUNK.match(text, j, min(limit, j + 80))
    if head is None:
        return None
    first = head.group()
    if _no_unit(first, catalogue.heads):
        return None  # most words after a number are no unit: say so before trying them all
    tries = _tries(text, j, limit, first, hyphen, catalogue.longest)
    for k, candidate in dict.fromkeys(tries):
        if not candidate:
            continue
        name = catalogue.lookup(candidate, attached)
        if name is None and k == 1 and "/" in candidate.strip("/"):
            top, _, bottom = _TRIM.sub("", candidate).partition("/")
            a, b = catalogue.lookup(top, True), _per_power(bottom, catalogue)
            if a and b:
                end = j + len(top) + 1 + len(bottom)
                power = _POWER.match(text, end, limit)
                if power is not None and _powered(b, power.group(1) or power.group(2), catalogue):
                    b, end = _powered(b, power.group(1) or power.group(2), catalogue), power.end()  # "kg/m³"
                return UnitMatch(end, f"{a} per {b}", hyphen)
        if name is None:
            continue
        end = j + len(candidate)
        power = _POWER.match(text, end, limit)
        if power is None and end < limit and (text[end].isalnum() and text[end - 1] not in "/%$€£′'"):
            continue  # (but the feet before inches: "5'11\"", "6′2″")
        if power is not None and _powered(name, power.group(1) or power.group(2), catalogue):
            name, end = _powered(name, power.group(1) or power.group(2), catalogue), power.end()  # "km^2", "m³"
        name = in_context(candidate, name, text, pos, end, limit, attached, hyphen, catalogue)
        if name is None:
            return None
        age = bool(_AGE.match(text, end, limit)) and catalogue.unit(name).dimension == "time"
        return _compound(text, UnitMatch(end, name, hyphen, age), limit, catalogue)
    return None


def _powered(name: str, power: str, catalogue: Catalogue) -> str:
    """The square or cube of the unit ``name`` ("2" or "²", "3" or "³"), where the catalogue has it, else ""."""
    powered = ("square " if power in ("2", "²") else "cubic ") + name
    return powered if powered in catalogue.units else ""


_POWER_DIGIT = regex.compile(r"(\p{L}+)([23])")


def _per_power(bottom: str, catalogue: Catalogue) -> str | None:
    """The unit under a slash: "m", or a power written against it without a caret, "µg/m3" (a cubic metre)."""
    found = catalogue.lookup(bottom, True)
    m = _POWER_DIGIT.fullmatch(bottom) if found is None else None
    stem = catalogue.lookup(m.group(1), True) if m is not None else None
    return found or (_powered(stem, m.group(2), catalogue) if stem and m else None) or None


_BRACKETED = regex.compile(r"\(([^()\s][^()]{0,20}?)\)")


def _bracketed(text: str, j: int, limit: int, catalogue: Catalogue) -> UnitMatch | None:
    """A unit alone in brackets after the number, as a table's cell or a form writes it: "20 (kg)",
    "5 (km/h)". Not a letter or a label ("item 20 (a)"), nor a surface that needs context."""
    m = _BRACKETED.match(text, j, limit)
    if m is None or len(m.group(1)) < 2 or m.group(1) in catalogue.context or m.group(1) in catalogue.money:
        return None
    found = unit_after(f"0 {m.group(1)}", 1, len(m.group(1)) + 2, catalogue)
    if found is None or found.end != len(m.group(1)) + 2 or found.name in catalogue.common_words:
        return None
    return UnitMatch(m.end(), found.name)


_CUT = regex.compile(r"[()\[\],;:\-–^²³]")


def _no_unit(first: str, heads: frozenset[str]) -> bool:
    """No unit starts with the word ``first``: not as written, trimmed, before a slash, nor cut."""
    return (
        first.lower() not in heads
        and _TRIM.sub("", first).lower() not in heads
        and first[0] not in _QUOTES  # a quote for inches or feet before the punctuation: '6.1".'
        and first.split("/", 1)[0].lower() not in heads
        and not any(cut.lower() in heads for cut in _cuts(first))
    )


def _tries(text: str, j: int, limit: int, first: str, hyphen: bool, longest: int) -> list[tuple[int, str]]:
    """The surfaces a unit starting at ``j`` may be written as, the most words first: (words, surface)."""
    chunks = [m for m in _CHUNK.finditer(text, j, min(limit, j + 80))][:longest]
    tries: list[tuple[int, str]] = []
    for k in range(len(chunks), 0, -1):
        # the words must be single-spaced for a multi-word surface
        if k > 1 and any(chunks[i + 1].start() - chunks[i].end() != 1 for i in range(k - 1)):
            continue
        raw = text[j : chunks[k - 1].end()]
        trimmed = _TRIM.sub("", raw)
        if trimmed == raw:
            tries += ((k, raw),)
        else:  # without the punctuation after it, keeping a surface's own full stop ("12 in., 14 in.") or
            # closing quote ('6.1".'); then without any
            stop, quote = _TRIM_AFTER_STOP.sub("", raw), _TRIM_BEFORE_QUOTE.sub("", raw)
            tries += ((k, raw), (k, stop), (k, quote), (k, trimmed))
    if hyphen and "-" in first:  # "a 25-basis-point cut", "a 19-square-mile area": the unit's words hyphenated
        tries += [(1, first.replace("-", " ")), (1, _TRIM.sub("", first).replace("-", " "))]
    return tries + [(1, cut) for cut in _cuts(text[j : chunks[0].end()])]


_FEET_THEN_INCHES = regex.compile(r"['′](?=\d{1,2}(?:\.\d+)?[\"″”])")  # "5'11\"", "6′2″"


def _cuts(word: str) -> list[str]:
    """A unit written against punctuation or a hyphenated word: "ft)-long", "km-long"; the feet before
    the inches: "5'11\"", "6′2″"."""
    feet = _FEET_THEN_INCHES.match(word) if word[:1] in "'′" else None
    if feet is not None:
        return [feet.group()]
    if _CUT.search(word) is None:
        return []  # most words: said at once
    return [word.split(cut, 1)[0] for cut in "()[],;:-–^²³" if cut in word]


_PER = regex.compile(r"(?:\s*/\s*|\s+(?:per|a|an|each|every)\s+|-(?:a|an|per)-)", regex.IGNORECASE)


_NOT_PER = regex.compile(
    r"\s+" + alternation(_LEX.not_rate_after) + r"\b"
    r"(?<!(?:before|after)(?=\s+" + alternation(_LEX.deductions) + r"\b))",
    regex.IGNORECASE,
)  # "a year earlier" dates a figure; "$3,200 a month after tax" is still a rate


_ASIDE = regex.compile(r"\s*\([^()]{1,40}\)(?=\s+per\s)|\)(?=\s+per\s)")
_K_NOUN = regex.compile(r"\s+(?i:" + alternation(_LEX.k_nouns) + r")\b")
_BOUNDARY = regex.compile(r"[\s.,;:!?)]|$")  # a word ends: a space, a stop, the end


_RATE_NOUNS = _LEX.rate_nouns


_STOP_PER = _LEX.not_per


def _per_noun(word: str, unit: str, catalogue: Catalogue) -> bool:
    """A noun a unit may be per: any after money ("$2 per kilo", "€3 a bottle"); after a measure, one
    that starts no unit ("10 kg per person", "30 points a game"; not "per square inch+" read wrong),
    and never after a share ("5% a share" is no rate)."""
    if catalogue.unit(unit).dimension == "currency":
        return True
    return unit not in catalogue.shares and word not in catalogue.heads


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
            if word and word.group() not in _STOP_PER and _per_noun(word.group(), unit.name, catalogue):
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
    if suffix in ("k", "K") and _K_NOUN.match(text, m.end(), limit):
        return None  # "4K TV", "a 5k run": a resolution, a race in kilometres, no thousands
    if suffix == "T" and not currency:
        return None  # "$2.17T" is trillions; a bare "5T" is a name
    if suffix in ("m", "b", "B", "K", "M") and not currency:
        follows = text[m.end() : limit]
        decimal = (
            (  # "raised 2.5M.": a point makes it no name ("35.2B" may be bytes, "4.5 M⊕" earth masses)
                suffix in ("K", "M") and m.start() == numeral.end and "." in text[numeral.start : numeral.end]
            )
            and _BOUNDARY.match(text, m.end(), limit) is not None
        )
        if unit_after(text, m.end(), limit, catalogue) is None and not _PLURAL_NOUN.match(follows) and not decimal:
            return None
        if suffix == "m" and _TRACK.match(follows):
            return None  # "the 400m hurdles": metres
        if suffix in ("m", "B") and rx(r"\s*\(").match(follows):
            return None
    return m.end(), factor


_OF_NEXT = regex.compile(r"\s+of\b")


_OF_FORCE = regex.compile(r"\s+of\s+" + alternation(_LEX.force_nouns) + r"\b")


def _pounds(
    text: str, n: Numeral, unit: str, scaled: bool, floor: int, end: int, limit: int, catalogue: Catalogue
) -> str:
    """``unit``, with "pound-mass" read as sterling where a scale says millions ("100m pounds", "£3bn a
    year") or money is spoken of just before, unless "of" says what was weighed ("2m pounds of beef"),
    and as pound-force before "of thrust"."""
    if unit.split(" per ")[0] != "pound-mass":
        return unit
    if _OF_FORCE.match(text, end, limit):
        return unit.replace("pound-mass", "pound-force", 1)  # "7.5 million pounds of thrust"
    if _OF_NEXT.match(text, end, limit):
        return unit
    money = n.scaled or scaled or _money_before(text, n.start, floor) or _money_next(text, end, limit, catalogue)
    return unit.replace("pound-mass", "pound sterling", 1) if money else unit


_NUMBER_NEXT = regex.compile(r"\s+(?:and\s+)?\d{1,2}\b")
_PENCE_NEXT = regex.compile(r"\s+\d\d(?!\d|[.,]\d|\s*[\p{L}%])")  # "2 pounds 99": pence, two digits and no word


def _money_next(text: str, end: int, limit: int, catalogue: Catalogue) -> bool:
    """Money is written right after: "5 pounds 20 pence" and "2 pounds 99" are sterling."""
    m = _NUMBER_NEXT.match(text, end, limit)
    if m is None:
        return False
    if _PENCE_NEXT.match(text, end, limit):
        return True
    found = unit_after(text, m.end(), limit, catalogue)
    return found is not None and catalogue.unit(found.name).dimension == "currency"
