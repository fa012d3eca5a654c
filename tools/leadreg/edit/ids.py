"""A short, readable, unused lead id from a customer's name.

苏州恒达汽车零部件有限公司 → ``hengda``; when that is taken, the region
(``hengda-suzhou``), then the business words (``hengda-auto-parts``), then
a number (``hengda-2``).  Chinese is written in toneless pinyin (pypinyin's
phrase data picks the reading: 长安 → changan); legal forms and regions come
off the way customer matching takes them off (:mod:`leadreg.identity.names`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator

from leadreg.identity import regions
from leadreg.identity.names import parse_name
from leadreg.identity.text import has_cjk
from leadreg.lead import ID_PATTERN

MAX_LEN = 63
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_BRACKETED = re.compile(r"[(（]([^()（）]*)[)）]")
_REGION_SUFFIXES = ("省", "市", "区", "县")


def _ascii(text: str) -> str:
    """Pinyin for Chinese, accents off Latin letters (Präzision → prazision)."""
    if has_cjk(text):
        from pypinyin import lazy_pinyin  # its phrase tables take ~0.5 s to load

        text = " ".join(lazy_pinyin(text, v_to_u=False))
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c))


def slug(*parts: str) -> str:
    """``[a-z0-9-]`` words joined by ``-``, cut at a word boundary to fit an id."""
    words = []
    for part in parts:
        cjk = has_cjk(part)
        text = _ascii(part).lower()
        # a Chinese word's syllables run together (hengda), Latin words stay apart
        words.append(_NOT_SLUG.sub("" if cjk else "-", text))
    joined = "-".join(w.strip("-") for w in words if w.strip("-"))
    joined = re.sub(r"-{2,}", "-", joined)
    while len(joined) > MAX_LEN and "-" in joined:
        joined = joined.rsplit("-", 1)[0]
    return joined[:MAX_LEN].strip("-")


def _region_words(name: str) -> list[str]:
    """Region words a Chinese name starts with or brackets, most specific last."""
    words: list[str] = []
    rest = unicodedata.normalize("NFKC", name)
    while (found := regions.leading(rest)) is not None:
        words.append(rest[:found[1]])
        rest = rest[found[1]:]
    table = regions.table()
    words += [w.strip() for w in _BRACKETED.findall(name) if w.strip() in table.any]
    short = []
    for word in words:
        for suffix in _REGION_SUFFIXES:
            if word.endswith(suffix) and len(word) > 2:
                word = word[: -len(suffix)]
                break
        short.append(word)
    return short


def candidates(customer: str) -> Iterator[str]:
    """Ids to try for ``customer``, most readable first (each is a valid id)."""
    parsed = parse_name(customer)
    seen: set[str] = set()
    options: list[tuple[str, ...]] = []
    if parsed.script == "zh" and parsed.brand:
        brand = parsed.brand if len(parsed.brand) <= 4 else parsed.brand[:2]
        options.append((brand,))
        options += [(brand, region) for region in reversed(_region_words(customer))]
        if parsed.industries:
            options.append((brand, *parsed.industries))
    elif parsed.core:
        tokens = parsed.core.split()
        options += [tuple(tokens[:n]) for n in range(1, min(len(tokens), 3) + 1)]
    fallbacks: list[tuple[str, ...]] = [(parsed.core,), (customer,), ("lead",)]
    base = ""
    for words in options + fallbacks:
        if base and words in fallbacks:
            break
        option = slug(*words)
        if len(option) == 1:
            option += "-lead"
        if ID_PATTERN.match(option) and option not in seen:
            seen.add(option)
            base = base or option
            yield option
    for n in range(2, 1_000_000):
        numbered = f"{base[: MAX_LEN - len(str(n)) - 1]}-{n}"
        if numbered not in seen:
            yield numbered


def suggest_id(customer: str, taken: Collection[str]) -> str:
    """The first candidate id for ``customer`` that no lead uses yet."""
    return next(c for c in candidates(customer) if c not in taken)
