"""Work in a second process gives the result it would give here, or is done here."""

from __future__ import annotations

import os
import signal
from collections.abc import Sequence

import pytest
from leadreg.parallel import default_jobs, in_background, map_chunks, map_ordered

pytestmark = pytest.mark.skipif(default_jobs() < 2 or not hasattr(os, "fork"),
                                reason="needs two cores and fork")


def test_the_result_comes_from_a_child_process() -> None:
    here = os.getpid()
    wait = in_background(lambda: (os.getpid(), list(range(100_000))))
    pid, numbers = wait()
    assert pid != here
    assert numbers == list(range(100_000))  # more than a pipe holds at once


def test_not_worth_it_runs_here_when_waited_for() -> None:
    calls: list[int] = []
    wait = in_background(lambda: calls.append(os.getpid()) or "done", worth_it=False)
    assert calls == []
    assert wait() == "done"
    assert calls == [os.getpid()]


def test_a_child_killed_midway_is_made_up_for_here() -> None:
    here = os.getpid()

    def work() -> int:
        if os.getpid() != here:
            os.kill(os.getpid(), signal.SIGKILL)
        return os.getpid()

    assert in_background(work)() == here


def test_an_error_in_the_child_is_raised_here() -> None:
    def work() -> None:
        raise ValueError(f"failed in {os.getpid()}")

    with pytest.raises(ValueError, match=f"failed in {os.getpid()}$"):
        in_background(work)()


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
