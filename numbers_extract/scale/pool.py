"""Work spread over processes (or a cluster's executor) that keeps order and bounds memory: results come
back in the order of the items, with only a few items per worker in flight, and a process that dies
costs only the item it was working on."""

from __future__ import annotations

import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

AHEAD = 4  # items in flight per process: enough to keep each busy while the caller takes results in order
DIED = "its worker process ended abruptly (killed, out of memory or crashed)"


def processes(workers: int) -> Executor:
    """A pool of ``workers`` spawned processes (not forked: safe with threads, the same on every system)."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_start)


def in_order(
    work: Callable[[T], R],
    items: Iterable[T],
    workers: int,
    lost: Callable[[T, str], R],
    start: Callable[[int], Executor] = processes,
) -> Iterator[R]:
    """``work(item)`` for every item, run by ``start(workers)`` (``workers`` processes, by default), in the
    order of ``items``.

    ``work`` must be a top-level function, and items and results picklable. ``items`` is taken lazily, at
    most ``AHEAD * workers`` ahead of the results taken. When a result cannot come back (its process died,
    ``work`` raised, the result could not be pickled) ``lost(item, reason)`` stands in for it. After a
    death the items that were in flight run again one at a time, so only the item that kills its process
    is lost. Closing the iterator early (an error or Ctrl-C in the caller) ends the processes at once.
    """
    queue = iter(items)
    pending: deque[tuple[T, Future[R]]] = deque()
    pool = start(workers)
    try:
        while True:
            pending.extend((item, _submit(pool, work, item)) for item in islice(queue, AHEAD * workers - len(pending)))
            if not pending:
                break
            item, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                in_flight = [(item, future), *pending]
                pending.clear()
                _stop(pool)
                yield from _one_at_a_time(work, in_flight, lost, start)
                pool = start(workers)
                continue
            except Exception as error:
                result = lost(item, _failure(error))
            yield result
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _one_at_a_time(
    work: Callable[[T], R],
    in_flight: list[tuple[T, Future[R]]],
    lost: Callable[[T, str], R],
    start: Callable[[int], Executor],
) -> Iterator[R]:
    """After a process died: the results that came back before, and the rest run again, each alone in
    its process, so that the one whose process dies is the one that killed it."""
    done = [future.done() and not future.cancelled() and future.exception() is None for _, future in in_flight]
    pool = start(1)
    try:
        for (item, future), came_back in zip(in_flight, done, strict=True):
            if came_back:
                yield future.result()
                continue
            try:
                result = _submit(pool, work, item).result()
            except BrokenProcessPool:
                result = lost(item, DIED)
                _stop(pool)
                pool = start(1)
            except Exception as error:
                result = lost(item, _failure(error))
            yield result
    finally:
        _stop(pool)


def _submit(pool: Executor, work: Callable[[T], R], item: T) -> Future[R]:
    """The item's future; when the pool is already broken, a future that says so."""
    try:
        return pool.submit(work, item)
    except BrokenProcessPool as error:
        future: Future[R] = Future()
        future.set_exception(error)
        return future


def _worker_start() -> None:
    """In each worker process: Ctrl-C is the parent's to handle (it ends the workers), and log records
    (the HTML and PDF readers') are dropped, as the command line drops them (the reports say what went
    wrong), rather than printed by Python's last-resort handler."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger().addHandler(logging.NullHandler())


def _stop(pool: Executor) -> None:
    """End the pool now: cancel what has not started and end its processes (``terminate_workers`` from
    Python 3.14; before it, each process is terminated)."""
    if not isinstance(pool, ProcessPoolExecutor):
        pool.shutdown(wait=False)  # a cluster's executor cancels what it has not finished
        return
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)  # shutdown(wait=False) forgets it: kept to join
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(5)
        if process.is_alive():  # still starting up, say: SIGTERM came too early to be heard
            process.kill()
            process.join(5)
    pool.shutdown(wait=True)  # and any process the pool started meanwhile: none outlives the call
    if manager is not None:
        # The pool's own thread also waits for its processes; when it reaps one, the process reads as
        # alive until that thread records the exit status. Once it has ended, every process reads as ended.
        manager.join(10)


def _failure(error: BaseException) -> str:
    return f"error in its worker process: {type(error).__name__}{f': {error}' if str(error) else ''}"
