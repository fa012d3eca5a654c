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


def _hash(text: str) -> int:
    return _crc32(text.encode("utf-8", "surrogatepass"))


def neighbourhood(core: str) -> bytes:
    """Hashes (uint32) of ``core`` and of each way of leaving one character out of it."""
    if len(core) > MAX_LENGTH:
        return array("I", (_hash(core),)).tobytes()
    variants = dict.fromkeys(core[:k] + core[k + 1:] for k in range(len(core)))  # "aab": "ab" once
    return array("I", [_hash(core), *map(_hash, variants)]).tobytes()


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
