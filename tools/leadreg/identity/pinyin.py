"""Toneless pinyin of a brand, for matching 恒达 with Hengda.

pypinyin's phrase machinery costs ~35 µs a call; a per-character table costs
well under one.  A brand has at most a few polyphonic characters, so every
combination of their first two readings is kept (capped), not just one guess.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import cache, lru_cache

from pypinyin.pinyin_dict import pinyin_dict

MAX_READINGS = 4


@cache
def readings(char: str) -> tuple[str, ...]:
    """Toneless readings of one character (ü as u), or the character itself."""
    raw = pinyin_dict.get(ord(char))
    if raw is None:
        return (char,)
    out: list[str] = []
    for reading in raw.split(","):
        plain = "".join(c for c in unicodedata.normalize("NFD", reading)
                        if not unicodedata.combining(c)).replace("ü", "u")
        if plain not in out:
            out.append(plain)
    return tuple(out[:2])


@lru_cache(maxsize=65536)
def brand_readings(text: str) -> tuple[str, ...]:
    """Every likely toneless spelling of ``text`` with syllables run together."""
    options = [readings(c) for c in text]
    found: list[str] = []
    for combo in itertools.product(*options):
        found.append("".join(combo))
        if len(found) >= MAX_READINGS:
            break
    return tuple(found)
