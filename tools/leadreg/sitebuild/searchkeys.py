"""How customer names are normalised for the board's search.

Two keys per name: the identity key (``leadreg.identity.names.normalise_name``:
legal forms, regions, traditional/simplified, …) and a *light* key that the
browser can reproduce exactly (NFKC, lower case, a traditional→simplified
character table shipped with the index, letters and digits only).  The
browser normalises a query with the light rules and matches it against both.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from functools import cache

# Traditional characters live in these blocks (CJK Unified + Extension A + compatibility).
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@cache
def t2s_table() -> dict[str, str]:
    """Traditional → simplified, one character to one character (empty without OpenCC)."""
    try:
        import opencc
    except ImportError:
        return {}
    chars = [chr(c) for lo, hi in _CJK_RANGES for c in range(lo, hi + 1)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # pragma: no cover - a phrase merged lines
        return {}
    return {t: s for t, s in zip(chars, converted) if len(s) == 1 and s != t}


@cache
def _t2s_translation() -> dict[int, str]:
    return str.maketrans(t2s_table())


def light_key(text: str) -> str:
    """The normalisation ``search.js`` repeats in the browser, step for step:
    NFKC, lower case, letters and digits only, traditional → simplified."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(filter(str.isalnum, folded)).translate(_t2s_translation())


def _fallback(text: str) -> str:
    return light_key(text)


@cache
def _identity_normaliser() -> Callable[[str], str]:
    try:
        from leadreg.identity.names import normalise_name
    except ImportError:
        return _fallback
    return normalise_name


def identity_key(text: str) -> str:
    """The identity normaliser's key, reduced to letters and digits like ``light_key``."""
    try:
        key = _identity_normaliser()(text)
    except Exception:  # noqa: BLE001 - an odd name must not stop the build; the light key finds it
        return ""
    return light_key(key) if key else ""


def prepare(names: Sequence[str]) -> None:
    """Parse many names at once before their keys are asked for one by one:
    one OpenCC call for a chunk of leads instead of one per name."""
    try:
        from leadreg.identity.names import parse_names
    except ImportError:
        return
    parse_names(names)


def name_keys(names: list[str]) -> list[str]:
    """Distinct non-empty search keys for a customer's name and aliases, in order."""
    keys: dict[str, None] = {}
    for name in names:
        for key in (identity_key(name), light_key(name)):
            if key:
                keys[key] = None
    return list(keys)
