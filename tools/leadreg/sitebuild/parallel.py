"""Spread independent per-lead work over the machine's cores.

Rendering one lead's page needs nothing from another's, so chunks of leads
go to ``fork`` workers that inherit the prepared state (views, templates)
copy-on-write and write their files themselves; only small results (a
calendar event, search keys) travel back, in the original order.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from leadreg.loading import default_jobs

T = TypeVar("T")
PARALLEL_FROM = 1000  # below this, starting workers costs more than it saves
_CHUNK = 250

_TASK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _run(bounds: tuple[int, int]) -> list[Any]:
    assert _TASK is not None
    func, items = _TASK
    return [func(item) for item in items[bounds[0]:bounds[1]]]


def _bounds(total: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(total, start + size)


def map_ordered(func: Callable[[Any], T], items: Sequence[Any], jobs: int | None = None, *,
                min_items: int = PARALLEL_FROM) -> list[T]:
    """``[func(item) for item in items]``, in ``fork`` workers when it pays.

    ``min_items`` lowers the threshold for items that are each big (a page
    of 500 rows), where even a few are worth spreading.
    """
    global _TASK
    jobs = jobs or default_jobs()
    if jobs < 2 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        return [func(item) for item in items]
    _TASK = (func, items)
    chunk = max(1, min(_CHUNK, len(items) // (jobs * 4)))
    # Objects made before the fork stay out of the workers' garbage collections:
    # a collection would write to every object's header and copy the whole heap.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return [r for part in pool.imap(_run, _bounds(len(items), chunk)) for r in part]
    finally:
        gc.unfreeze()
        _TASK = None
