"""A time limit on work that may never end: a damaged or hostile PDF can keep pdfminer busy for hours.

The limit is an interval timer (SIGALRM), so it holds only where Python can deliver a signal: on Unix,
in the main thread of a process (the command line, and each ``--workers`` process). Elsewhere (Windows,
a thread of a Dask worker, a program that already runs its own interval timer) the work runs unlimited.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeLimit(BaseException):
    """The time limit ran out. A BaseException, so that a parser's ``except Exception`` cannot swallow it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeLimit` inside the block once ``seconds`` have passed, where a limit can hold."""
    if not _can_limit(seconds):
        yield
        return

    def ring(signum: int, frame: FrameType | None) -> None:
        raise TimeLimit(f"still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, ring)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _can_limit(seconds: float) -> bool:
    return (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0  # the program's own timer is left alone
    )
