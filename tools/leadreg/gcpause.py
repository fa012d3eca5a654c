"""Keep Python's cyclic garbage collector out of bulk work.

Reading 100,000 leads, scanning their names or building their pages makes
millions of small objects that live until the command ends and form no
reference cycles: each automatic collection would only walk them, again and
again (a third of a registry scan's time).  Reference counting still frees
everything that is dropped; only cycles wait for the end of the block.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_collections(*, freeze: bool = False) -> Iterator[None]:
    """No automatic collections inside the block.

    ``freeze`` moves everything alive at its end out of later collections'
    reach: data that lives as long as the command (and that forked workers
    should then never touch, lest they copy its pages).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if collecting:
            gc.enable()
