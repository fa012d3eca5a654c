"""Deletion neighbourhoods: how names one typo apart find each other.

Two cores are one edit apart when one, with a character left out, is the
other (a letter missing or extra), or when both, each with a character left
out, are the same (a letter changed).  So every core is known by the hashes of
itself and of each way of leaving one character out.  Making them costs a
string per character: it is done per lead, where the lead is parsed (in
loading's workers), and travels as a few bytes; the registry scan only counts
hashes.  Hashes may collide, so pairs found this way are checked on the text
(:func:`one_edit`, :func:`one_change`).
"""

from __future__ import annotations

import zlib
from array import array

from rapidfuzz.distance import Indel

# A company name is never this long; past it, no typo matching (its cost grows
# with the square of the length).
MAX_LENGTH = 200

_crc32 = zlib.crc32


def neighbourhood(core: str) -> bytes:
    """Hashes (uint32) of ``core`` and of each way of leaving one character out of it."""
    texts = [core]
    if len(core) <= MAX_LENGTH:
        # in a run of one character ("aab") each deletion gives the same text: one is enough
        texts += [core[:k] + core[k + 1:] for k in range(len(core))
                  if k == 0 or core[k] != core[k - 1]]
    return array("I", [_crc32(t.encode("utf-8", "surrogatepass")) for t in texts]).tobytes()


def hashes(packed: bytes) -> array[int]:
    values = array("I")
    values.frombytes(packed)
    return values


def one_edit(shorter: str, longer: str) -> bool:
    """``longer`` with one character left out is ``shorter``."""
    return len(longer) == len(shorter) + 1 and Indel.distance(shorter, longer,
                                                             score_cutoff=1) == 1


def one_change(a: str, b: str) -> bool:
    """``a`` and ``b``, each with one character left out, are the same."""
    return len(a) == len(b) and a != b and Indel.distance(a, b, score_cutoff=2) == 2
