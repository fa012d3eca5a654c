"""Spread independent work over the machine's cores, with ``fork``.

* :func:`map_chunks` and :func:`map_ordered`: rendering one lead's page needs
  nothing from another's, so chunks of leads go to workers that inherit the
  prepared state (views, templates) copy-on-write and write their files
  themselves; only small results (calendar events, search postings) travel
  back, in the original order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
PARALLEL_FROM = 1000  # below this, starting workers costs more than it saves
_CHUNK = 250


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


_TASK: tuple[Callable[[int, Sequence[Any]], Any], Sequence[Any]] | None = None


def _run(bounds: tuple[int, int]) -> Any:
    assert _TASK is not None
    func, items = _TASK
    return func(bounds[0], items[bounds[0]:bounds[1]])


def _bounds(total: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(total, start + size)


def map_chunks(func: Callable[[int, Sequence[Any]], T], items: Sequence[Any],
               jobs: int | None = None, *, min_items: int = PARALLEL_FROM) -> list[T]:
    """``func(start, items[start:end])`` for consecutive chunks, in order, in
    ``fork`` workers when it pays.

    A chunk's result may summarise its items (the search postings of 250
    leads), which travels back far smaller than one result per item.
    ``min_items`` lowers the threshold for items that are each big (a page
    of 500 rows), where even a few are worth spreading.
    """
    global _TASK
    jobs = jobs or default_jobs()
    if jobs < 2 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        return [func(start, items[start:end]) for start, end in _bounds(len(items), _CHUNK)]
    _TASK = (func, items)
    chunk = max(1, min(_CHUNK, len(items) // (jobs * 4)))
    # Objects made before the fork stay out of the workers' garbage collections:
    # a collection would write to every object's header and copy the whole heap.
    gc.freeze()
    try:
        # Workers collect their own garbage even where the caller paused collections.
        with multiprocessing.get_context("fork").Pool(jobs, initializer=gc.enable) as pool:
            return list(pool.imap(_run, _bounds(len(items), chunk)))
    finally:
        gc.unfreeze()
        _TASK = None


def map_ordered(func: Callable[[Any], T], items: Sequence[Any], jobs: int | None = None, *,
                min_items: int = PARALLEL_FROM) -> list[T]:
    """``[func(item) for item in items]``, in ``fork`` workers when it pays."""
    parts = map_chunks(lambda _, chunk: [func(item) for item in chunk], items, jobs,
                       min_items=min_items)
    return [result for part in parts for result in part]
