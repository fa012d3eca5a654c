"""Chinese administrative regions, and when two mentions of them agree.

The list (provinces, prefectures, counties) is shipped as ``data/regions.tsv``;
see ``data/README.md`` for where it came from.  A *mention* is the set of
divisions a word may mean (朝阳 is in Beijing and in Liaoning); two mentions
are *compatible* when one may contain the other: 苏州 and 江苏 agree, 苏州 and
无锡 do not.  Regions are never simply ignored, so 苏州恒达 ≠ 无锡恒达.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

Mention = frozenset[str]  # adcodes, significant digits only ("32", "3205", "320583")
COUNTRY: Mention = frozenset({""})  # 中国 / China: contains every region

_DATA = Path(__file__).with_name("data") / "regions.tsv"
# English spellings that are not the pinyin of the short name
_LATIN_EXTRA = {"hongkong": "81", "hk": "81", "macau": "82", "macao": "82", "peking": "11",
                "canton": "4401", "innermongolia": "15", "tibet": "54"}
_COUNTRY_WORDS = ("中国", "中华人民共和国", "china", "prc", "pr china")


@dataclass(frozen=True)
class RegionTable:
    """Words that name regions: ``prefix`` may start a Chinese name; ``any`` only
    in brackets or as a trailing word; ``latin`` for names in Latin script."""

    prefix: dict[str, Mention]
    any: dict[str, Mention]
    latin: dict[str, Mention]
    longest: int
    # word lengths by first character (prefix words) and by last character (any)
    prefix_sizes: dict[str, tuple[int, ...]]
    suffix_sizes: dict[str, tuple[int, ...]]
    any_sizes: dict[str, tuple[int, ...]]


def _significant(code: str, level: int) -> str:
    return code[: 2 * level]


@lru_cache(maxsize=1)
def table() -> RegionTable:
    prefix: dict[str, set[str]] = {}
    anywhere: dict[str, set[str]] = {}
    latin: dict[str, set[str]] = {}
    with open(_DATA, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            level = int(row["level"])
            code = _significant(row["adcode"], level)
            full, short = row["name"], row["short"]
            for word in {full, short}:
                if len(word) >= 2:
                    anywhere.setdefault(word, set()).add(code)
            prefix.setdefault(full, set()).add(code)
            # Short forms of districts and counties (吉利区 → 吉利, 长安区 → 长安) are too
            # often brand names; county-level cities (昆山, 义乌) are used like prefectures.
            if len(short) >= 2 and (level < 3 or full.endswith("市")):
                prefix.setdefault(short, set()).add(code)
            if row["pinyin"]:
                latin.setdefault(row["pinyin"], set()).add(code)
    for word, code in _LATIN_EXTRA.items():
        latin.setdefault(word, set()).add(code)
    for word in _COUNTRY_WORDS:
        (latin if word.isascii() else anywhere).setdefault(word.replace(" ", ""), set()).add("")
    longest = max(map(len, anywhere))
    prefix_sizes: dict[str, set[int]] = {}
    for word in prefix:
        prefix_sizes.setdefault(word[0], set()).add(len(word))
    suffix_sizes: dict[str, set[int]] = {}
    any_sizes: dict[str, set[int]] = {}
    for word in anywhere:
        suffix_sizes.setdefault(word[-1], set()).add(len(word))
        any_sizes.setdefault(word[0], set()).add(len(word))
    return RegionTable({k: frozenset(v) for k, v in prefix.items()},
                       {k: frozenset(v) for k, v in anywhere.items()},
                       {k: frozenset(v) for k, v in latin.items()}, longest,
                       {k: tuple(sorted(v, reverse=True)) for k, v in prefix_sizes.items()},
                       {k: tuple(sorted(v, reverse=True)) for k, v in suffix_sizes.items()},
                       {k: tuple(sorted(v, reverse=True)) for k, v in any_sizes.items()})


def leading(text: str, within: Mention | None = None) -> tuple[Mention, int] | None:
    """The longest region word that starts ``text`` (Chinese) and its length.

    After a region (``within``), the short name of a district or county inside
    it counts too: 上海浦东…, 佛山顺德….  Alone, 浦东 or 长安 may be a brand.
    """
    t = table()
    for size in t.prefix_sizes.get(text[:1], ()):
        if size <= len(text):
            mention = t.prefix.get(text[:size])
            if mention is not None:
                return mention, size
    if within is not None:
        for size in t.any_sizes.get(text[:1], ()):
            mention = t.any.get(text[:size]) if size <= len(text) else None
            if mention is not None:
                inside = frozenset(c for c in mention if any(
                    c.startswith(w) and c != w for w in within))
                if inside:
                    return inside, size
    return None


def trailing(text: str) -> tuple[Mention, int] | None:
    """The longest region word (any level) that ends ``text``, and its length."""
    t = table()
    for size in t.suffix_sizes.get(text[-1:], ()):
        if size <= len(text):
            mention = t.any.get(text[-size:])
            if mention is not None:
                return mention, size
    return None


def words(text: str) -> list[Mention] | None:
    """Mentions when ``text`` is nothing but region words (江苏苏州, suzhou), else None."""
    t = table()
    compact = text.replace(" ", "")
    if compact in t.latin:
        return [t.latin[compact]]
    found: list[Mention] = []
    while compact:
        for size in range(min(t.longest, len(compact)), 1, -1):
            mention = t.any.get(compact[:size])
            if mention is not None:
                found.append(mention)
                compact = compact[size:]
                break
        else:
            return None
    return found or None


def latin_word(word: str) -> Mention | None:
    return table().latin.get(word)


def _related(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def mentions_agree(a: Mention, b: Mention) -> bool:
    return any(_related(x, y) for x in a for y in b)


_COMPATIBLE: dict[tuple[tuple[Mention, ...], tuple[Mention, ...]], bool] = {}


def compatible(a: tuple[Mention, ...], b: tuple[Mention, ...]) -> bool:
    """Whether two names' regions can be the same place (no region agrees with any).

    Asked for every pair of names compared, and names repeat a few regions: memoised.
    """
    if not a or not b:
        return True
    known = _COMPATIBLE.get((a, b))
    if known is None:
        if len(_COMPATIBLE) > 65_536:
            _COMPATIBLE.clear()
        known = _COMPATIBLE[(a, b)] = all(mentions_agree(x, y) for x in a for y in b)
    return known


def describe(mention: Mention) -> str:
    return "/".join(sorted(mention)) or "China"
