"""Normalising customer names (SPEC §8): what is left once the registrar's words go.

``parse_name`` splits a name into its *core* (what identifies the company:
恒达汽车零部件, hengda auto parts), the *regions* it mentions (苏州, （苏州）,
Suzhou), and the core's *brand* and business categories.  Two names are one
customer when their cores are equal and their regions compatible.

Steps, in order: NFKC (full-width → half-width), case, traditional → simplified
(OpenCC), one bracket style; bracketed regions and legal forms come out; a
branch (分公司, Branch) becomes its parent company with the branch's region;
legal forms off the end (有限公司 …; Co., Ltd., cleanco's list; a leading
"The"); region prefixes, and a region just before the legal form; punctuation
and spaces.  A region word is kept as part of the name when taking it away
would leave no brand (吉利汽车, Shanghai Electric).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from leadreg.identity import industry, legal_forms, regions
from leadreg.identity.pinyin import brand_readings
from leadreg.identity.regions import Mention
from leadreg.identity.text import fold_many, has_cjk

_BRACKET_GROUP = re.compile(r"\(([^()]*)\)")
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")
_NOT_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]+")
_CACHE_LIMIT = 20_000


class ParsedName(tuple[str, str, tuple[Mention, ...], str, tuple[str, ...], str, tuple[str, ...]]):
    """One customer name, taken apart for matching.

    A plain tuple underneath (text, core, regions, brand, industries, script,
    latin_brands): loading's workers send 100k of them to the main process,
    and a tuple is built and unpickled at C speed.
    """

    __slots__ = ()

    @property
    def text(self) -> str:
        """As written."""
        return self[0]

    @property
    def core(self) -> str:
        """Compared for equality ("" when nothing is left)."""
        return self[1]

    @property
    def regions(self) -> tuple[Mention, ...]:
        """Region words found in the name."""
        return self[2]

    @property
    def brand(self) -> str:
        """The core without business words."""
        return self[3]

    @property
    def industries(self) -> tuple[str, ...]:
        """Business categories, in order."""
        return self[4]

    @property
    def script(self) -> str:
        """"zh" when the core has Chinese characters, else "latin"."""
        return self[5]

    @property
    def latin_brands(self) -> tuple[str, ...]:
        """The brand in Latin letters: its pinyin readings, or itself."""
        return self[6]

    @property
    def latin_form(self) -> str:
        """Brand and categories in one script: "hengda auto parts" for both 恒达汽车零部件
        and Hengda Auto Parts."""
        return " ".join((self.latin_brands[0] if self.latin_brands else "", *self.industries))


_cache: dict[str, ParsedName] = {}


def parse_names(texts: Sequence[str]) -> list[ParsedName]:
    """Parse many names at once (one OpenCC call for all of them)."""
    todo = [t for t in dict.fromkeys(texts) if t not in _cache]
    if todo:
        if len(_cache) + len(todo) > _CACHE_LIMIT:
            _cache.clear()
        for text, folded in zip(todo, fold_many(todo)):
            _cache[text] = _parse(text, folded)
    return [_cache[t] for t in texts]


def parse_name(text: str) -> ParsedName:
    return parse_names([text])[0]


def normalise_name(text: str) -> str:
    """The name as compared: 蘇州恆達汽車零部件有限公司 and 恒达汽车零部件（苏州）
    both give 恒达汽车零部件.  Regions are left out (they are compared apart)."""
    return parse_name(text).core


def _brackets(text: str, found: list[Mention]) -> str:
    """Take region and legal-form groups out of brackets; keep other contents."""
    def replace(match: re.Match[str]) -> str:
        content = match.group(1).strip()
        compact = _NOT_WORD.sub("", content)
        mentions = regions.words(compact) if compact else None
        if mentions:
            found.extend(mentions)
            return " "
        if compact in legal_forms.CHINESE_BRACKETED or (
                compact and not legal_forms.strip_english(content.split() + ["x"])[:-1]
                and content.isascii()):
            return " "
        return f" {content} "

    if "(" not in text and ")" not in text:
        return text
    previous = None
    while previous != text:
        previous, text = text, _BRACKET_GROUP.sub(replace, text)
    return text.replace("(", " ").replace(")", " ")


def _has_brand_zh(rest: str) -> bool:
    return len(rest) >= 2 and not industry.only_business_words(rest)


def _chinese(text: str, found: list[Mention]) -> str:
    text = _NOT_WORD.sub("", text)
    parent, is_branch = legal_forms.split_chinese_branch(text)
    branch_region: Mention | None = None
    if is_branch:
        tail = regions.trailing(parent)
        if tail and _has_brand_zh(parent[: -tail[1]]):
            branch_region, parent = tail[0], parent[: -tail[1]]
        text = parent
    stripped = legal_forms.strip_chinese(text)
    tail = regions.trailing(stripped)
    # a region just before the legal form (恒达苏州有限公司), or the country anywhere last
    if tail and (stripped != text or is_branch or tail[0] == regions.COUNTRY) \
            and _has_brand_zh(stripped[: -tail[1]]):
        found.append(tail[0])
        stripped = legal_forms.strip_chinese(stripped[: -tail[1]])
    text = stripped
    while True:
        head = regions.leading(text, within=found[-1] if found else None)
        if not head or not _has_brand_zh(text[head[1]:]):
            break
        found.append(head[0])
        text = text[head[1]:]
    if branch_region is not None and not found:
        found.append(branch_region)  # 恒达汽配无锡分公司: the parent, in 无锡
    return text


def _latin_tokens(text: str) -> list[str]:
    if "&" in text or "+" in text:
        text = text.replace("&", " and ").replace("+", " and ")
    text = text.replace("'", "").replace("’", "")
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    return _WORD.findall(text)


def _has_brand_latin(rest: list[str]) -> bool:
    return bool(rest) and not industry.only_business_tokens(rest)


def _latin(text: str, found: list[Mention]) -> str:
    tokens = _latin_tokens(text)
    tokens, is_branch = legal_forms.split_english_branch(tokens)
    branch_region: Mention | None = None
    if is_branch and len(tokens) > 1 and regions.latin_word(tokens[-1]):
        branch_region, tokens = regions.latin_word(tokens[-1]), tokens[:-1]
    stripped = legal_forms.strip_english(tokens)
    if (stripped != tokens or is_branch) and len(stripped) > 1:
        mention = regions.latin_word(stripped[-1])
        if mention and _has_brand_latin(stripped[:-1]):
            found.append(mention)
            stripped = legal_forms.strip_english(stripped[:-1])
    tokens = stripped
    while len(tokens) > 1:
        size = 2 if len(tokens) > 2 and regions.latin_word(tokens[0] + tokens[1]) else 1
        mention = regions.latin_word("".join(tokens[:size]))
        if not mention or not _has_brand_latin(tokens[size:]):
            break
        found.append(mention)
        tokens = tokens[size:]
    if branch_region is not None and not found:
        found.append(branch_region)
    return " ".join(tokens)


_SHARED_LIMIT = 10_000
_shared: dict[tuple[object, ...], tuple[object, ...]] = {}


def _share(value: tuple[Any, ...]) -> tuple[Any, ...]:
    """One object for equal small tuples (categories, regions): pickled once a batch."""
    if len(_shared) > _SHARED_LIMIT:
        _shared.clear()
    return _shared.setdefault(value, value)


def _parse(text: str, folded: str) -> ParsedName:
    found: list[Mention] = []
    body = _brackets(folded, found)
    core = _chinese(body, found) if has_cjk(body) else _latin(body, found)
    places = _share(tuple(found)) if found else ()
    if has_cjk(core):
        brand, categories = industry.split_chinese(core)
        return ParsedName((text, core, places, brand, _share(categories), "zh",
                           brand_readings(brand)))
    tokens = core.split()
    brand_tokens, categories = industry.split_latin(tokens)
    brand = " ".join(brand_tokens)
    return ParsedName((text, core, places, brand, _share(categories), "latin",
                       (brand.replace(" ", ""),) if brand else ()))
