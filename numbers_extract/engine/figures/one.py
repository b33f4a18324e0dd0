"""One figure from one numeral: the steps that read what is written around it, in order.

A numeral is first looked at alone (:data:`~.no_figure.NUMERAL`: no figure, an ordinal, an
accounting amount); then its sign and currency (:mod:`.amount`), its scale and error, its unit
(:mod:`.after`), a hyphenated word after it, its qualifier cues (:mod:`.qualifiers`), and last what
a number with no unit is (:data:`~.unitless.UNITLESS`). Each step is a function of the
:class:`~.reading.Reading` so far, that gives the next reading, a figure, or no figure.
"""

from __future__ import annotations

from collections.abc import Callable

from ..numerals import Numeral
from ..rules import Trace
from ..units import Catalogue
from .after import below_zero, compound, of_a_unit, old, unit
from .amount import scaled, signed
from .draft import Draft
from .no_figure import numeral
from .qualifiers import bounds, cue, cue_after
from .reading import Drop, Reading, Verdict, reading
from .unitless import unitless

Step = Callable[[Reading], "Reading | Verdict"]

STEPS: tuple[Step, ...] = (
    numeral,
    signed,
    scaled,
    unit,
    compound,
    of_a_unit,
    old,
    below_zero,
    cue,
    cue_after,
    bounds,
    unitless,
)
"""The steps, in the order they read, each a function of the reading so far: most run a table, whose
first rule that decides gives the next reading (when none decides, the reading is as it was)."""


def _one(
    text: str,
    n: Numeral,
    floor: int,
    limit: int,
    catalogue: Catalogue,
    second: bool = False,
    claim: int = 0,
    trace: Trace | None = None,
) -> Draft | None:
    """One numeral with what is written around it: sign, currency, scale, unit, cue.

    ``second`` is set for the second number of a range, which the range join has already read.
    """
    r = reading(text, n, floor, limit, catalogue, second, claim, trace)
    for step in STEPS:
        got = step(r)
        if isinstance(got, Reading):
            r = got
            continue
        return None if isinstance(got, Drop) else got
    raise AssertionError("the last step makes a figure")  # pragma: no cover
