"""A figure in its sentence, as the context rules read it."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from ..figures.draft import Draft
from ..names import Name
from ..rules import Trace
from ..units import load_catalogue

LOOK_BACK = 1000  # characters before a figure where what it measures may be named
TAIL = 80  # characters before a figure that the patterns anchored at it read
NEAR = 80  # characters on either side of a figure where a rule's cheap test looks for its words


class Around(NamedTuple):
    """A figure (a draft) in the sentence ``text[floor:limit]``: the windows its rules read.

    A NamedTuple, not a frozen dataclass: as immutable, and made for every figure four times
    faster (a frozen dataclass sets each field through ``object.__setattr__``)."""

    text: str
    draft: Draft
    floor: int
    limit: int
    start: int  # where the figure starts
    after: int  # where the figure and its unit end: what it counts or modifies may start here
    before: str  # the last TAIL characters before the figure: what the patterns anchored at it read
    near: str  # lower-cased, NEAR characters on either side of the figure and the figure: for cheap tests
    trace: Trace | None  # where the rules' steps go, for explain(); None otherwise
    entity: str = ""  # what the figure counts, as far as the context stage has read it

    @property
    def left(self) -> str:
        """The sentence before the figure, at most LOOK_BACK characters (a data table is one sentence):
        cut when a rule asks (few do), not kept."""
        return self.text[max(self.floor, self.start - LOOK_BACK) : self.start]

    def with_entity(self, entity: str) -> Around:
        """The same figure, with what it counts read so far."""
        return Around(
            self.text, self.draft, self.floor, self.limit, self.start, self.after, self.before, self.near, self.trace,
            entity,
        )  # fmt: skip


def around(text: str, draft: Draft, floor: int, limit: int, trace: Trace | None = None) -> Around:
    start = draft.start
    after = draft.after if draft.after >= 0 else draft.end
    before = text[max(floor, start - TAIL) : start]
    near = text[max(floor, start - NEAR) : min(limit, after + NEAR)].lower()
    return Around(text, draft, floor, limit, start, after, before, near, trace)


@cache
def dimension(unit: str) -> str:
    """The catalogue's dimension of a unit, looked up once a unit."""
    return load_catalogue().unit(unit).dimension


def is_money(draft: Draft) -> bool:
    """An amount of money: "$5m", "45 million dollars", "€3 a litre"."""
    return bool(draft.unit) and dimension(draft.unit).startswith("currency")


def is_physical(draft: Draft) -> bool:
    """A measure of a physical quantity: not money, a share, a count or a span of time."""
    of = dimension(draft.unit) if draft.unit else ""
    return of not in ("time", "dimensionless", "") and not of.startswith("currency")


# the cheap tests of the context rules that ask what kind of figure it is
def money(w: Around) -> bool:
    return is_money(w.draft)


def share(w: Around) -> bool:
    return w.draft.unit == "percentage"


def money_or_share(w: Around) -> bool:
    return is_money(w.draft) or w.draft.unit == "percentage"


def physical(w: Around) -> bool:
    return is_physical(w.draft)


def a_range(w: Around) -> bool:
    return w.draft.qualifier == "range"


def people_aged(w: Around) -> bool:
    """ "men over 50", "children under 5": an age after the people it is of."""
    return w.draft.rule[0] is Name.PEOPLE_AGE
