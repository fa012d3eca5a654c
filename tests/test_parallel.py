"""Work spread over worker processes gives what it gives here, in order."""

from __future__ import annotations

import os
from collections.abc import Sequence

import pytest
from leadreg.parallel import default_jobs, map_chunks, map_ordered

pytestmark = pytest.mark.skipif(default_jobs() < 2 or not hasattr(os, "fork"),
                                reason="needs two cores and fork")


def test_map_ordered_keeps_the_order() -> None:
    items = list(range(3000))
    assert map_ordered(lambda x: x * x, items, jobs=2) == [x * x for x in items]


def test_map_chunks_gives_each_chunk_its_start_in_order() -> None:
    items = list(range(2500))

    def summary(start: int, chunk: Sequence[int]) -> tuple[int, int, int, int]:
        assert list(chunk) == items[start:start + len(chunk)]
        return start, len(chunk), sum(chunk), os.getpid()

    parallel = map_chunks(summary, items, jobs=2)
    serial = map_chunks(summary, items, jobs=1)
    for parts in (parallel, serial):
        starts = [start for start, *_ in parts]
        assert starts == sorted(starts) and starts[0] == 0
        assert sum(size for _, size, _, _ in parts) == len(items)
        assert sum(total for _, _, total, _ in parts) == sum(items)
    assert {pid for *_, pid in parallel} - {os.getpid()}  # the chunks ran in workers
    assert {pid for *_, pid in serial} == {os.getpid()}
