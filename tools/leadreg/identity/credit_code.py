"""统一社会信用代码 (unified social credit code) check digit, GB 32100-2015."""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
# weight of position i is 3**i mod 31
_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))


def normalise(code: str) -> str:
    """Upper-case with spaces removed: how people paste codes."""
    return "".join(code.split()).upper()


def check_digit(first17: str) -> str:
    total = sum(_VALUE[c] * w for c, w in zip(first17, _WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def problem(code: str) -> str | None:
    """Why ``code`` is not a valid credit code, or None when it is."""
    if len(code) != 18:
        return f"has {len(code)} characters, a credit code has 18"
    bad = sorted({c for c in code if c not in _VALUE})
    if bad:
        return f"contains {''.join(bad)!r}, not allowed in a credit code (no I, O, S, V, Z)"
    expected = check_digit(code[:17])
    if code[17] != expected:
        return f"check digit is {code[17]!r} but should be {expected!r}: a digit is mistyped"
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None
