"""Folding text before comparison: width, case, traditional → simplified.

OpenCC is called once for a whole batch of names (joined by newlines): one
call costs far less than thousands of small ones, which matters at 100k leads.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import opencc

# Brackets that NFKC leaves alone, mapped to ASCII parentheses.
_BRACKETS = str.maketrans({c: "(" for c in "[{〔【〖〘〚「『《〈⦅｟"} | {c: ")" for c in "]}〕】〗〙〛」』》〉⦆｠"})
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def fold_many(texts: Sequence[str]) -> list[str]:
    """NFKC, case-folded, simplified Chinese, one bracket style; same order as given."""
    cleaned = [unicodedata.normalize("NFKC", t).replace("\n", " ").replace("\r", " ")
               .casefold().translate(_BRACKETS) for t in texts]
    if not any(has_cjk(t) for t in cleaned):
        return cleaned
    converted = _converter().convert("\n".join(cleaned)).split("\n")
    if len(converted) != len(cleaned):  # never expected; fall back to one call each
        converted = [_converter().convert(t) for t in cleaned]
    return converted


def fold(text: str) -> str:
    return fold_many([text])[0]


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def is_cjk(char: str) -> bool:
    return _CJK.match(char) is not None
