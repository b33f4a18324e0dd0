"""Scale words and suffixes inside a figure's text ("billion", "lakh crore", "bn"), for the joins that
scale one end of a pair as the other ("$10 to $15 billion", "from 24.2 to 33-35bn")."""

from __future__ import annotations

import regex

from ..lexicon import alternation
from ..numerals import SCALES, SUFFIX_SCALES
from ..rx import rx
from .draft import Draft

_SCALE_WORD = alternation(SCALES)  # "billion", "lakh"
SCALE_SUFFIX = alternation(s for s in SUFFIX_SCALES if s.islower())  # "bn", "m" (any case)
_SCALED = regex.compile("(?i)(?:" + _SCALE_WORD + "|" + SCALE_SUFFIX + r")\b")


def scaled_itself(text: str, draft: Draft) -> bool:
    """The figure's own text has a scale word or suffix ("2.5 million", "$3bn")."""
    return bool(_SCALED.search(text[draft.start : draft.end]))


_ANY_SCALE_WORD = "(?i)" + _SCALE_WORD  # built once: rx() hashes what it is given


def scale_of(text: str, start: int, end: int) -> int:
    """The product of the scale words in ``text[start:end]`` ("billion", "lakh crore"); 1 for none."""
    factor = 1
    for word in rx(_ANY_SCALE_WORD).findall(text[start:end]):
        factor *= SCALES[word.lower()]
    return factor
