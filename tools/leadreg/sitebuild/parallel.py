"""Spread independent page rendering over the machine's cores.

Rendering one lead's page needs nothing from another's, so chunks of leads
go to ``fork`` workers that inherit the prepared state (views, templates)
copy-on-write and write their files themselves; only counts come back.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from leadreg.loading import default_jobs

PARALLEL_FROM = 2000  # below this, starting workers costs more than it saves
_CHUNK = 500

_TASK: tuple[Callable[[Any], int], Sequence[Any]] | None = None


def _run(bounds: tuple[int, int]) -> int:
    assert _TASK is not None
    func, items = _TASK
    return sum(func(item) for item in items[bounds[0]:bounds[1]])


def _bounds(total: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(total, start + size)


def for_each(func: Callable[[Any], int], items: Sequence[Any], jobs: int | None = None) -> int:
    """Call ``func`` on every item (in workers when it pays); the sum of its results."""
    global _TASK
    jobs = jobs or default_jobs()
    if jobs < 2 or len(items) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return sum(func(item) for item in items)
    _TASK = (func, items)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return sum(pool.imap_unordered(_run, _bounds(len(items), _CHUNK)))
    finally:
        _TASK = None
