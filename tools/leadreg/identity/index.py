"""Which pairs of customers to compare, without comparing all pairs.

* exact keys (credit code, website domain, name core) are hashed: only
  customers sharing a key meet, then :func:`compare.same_link` checks regions;
* alike names meet through blocking keys:
  - the brand (and, across scripts, its pinyin) with each subset of the
    business categories, so 恒达 meets 恒达汽车零部件 and Hengda Auto Parts;
  - deletion neighbourhoods of the cores: names one edit apart (a typo), only
    for cores long enough that one edit can stay above ``similarity``.  Names
    two or more edits apart are not compared (at 0.90 they rarely pass anyway).

Every pair it yields is then decided by :mod:`leadreg.identity.compare`.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from leadreg.identity.customer import Customer, NameRef
from leadreg.identity.industry import NEUTRAL

MAX_CATEGORIES = 4  # subsets enumerated per name: 2**4


def exact_buckets(customers: Sequence[Customer]) -> Iterator[list[int]]:
    """Groups of customers sharing a credit code, a domain or a name core."""
    for key_of in (_credit_keys, _domain_keys, _core_keys):
        buckets: dict[str, list[int]] = defaultdict(list)
        for i, customer in enumerate(customers):
            for key in key_of(customer):
                bucket = buckets[key]
                if not bucket or bucket[-1] != i:
                    bucket.append(i)
        yield from (b for b in buckets.values() if len(b) > 1)


def _credit_keys(c: Customer) -> Iterable[str]:
    return (c.credit_code,) if c.credit_code else ()


def _domain_keys(c: Customer) -> Iterable[str]:
    return (c.domain,) if c.domain else ()


def _core_keys(c: Customer) -> Iterable[str]:
    return (n.parsed.core for n in c.names)


def _brand_keys(name: NameRef) -> list[tuple[str, str]]:
    """("zh", 恒达) meets only Chinese; ("py", hengda) meets the other script too."""
    p = name.parsed
    if len(p.brand.replace(" ", "")) < (2 if p.script == "zh" else 3):
        return []
    keys = [(p.script, p.brand)]
    keys += [("py", reading) for reading in p.latin_brands]
    return keys


def _subsets(categories: tuple[str, ...]) -> list[frozenset[str]]:
    items = sorted(set(categories))[:MAX_CATEGORIES]
    return [frozenset(c) for r in range(len(items) + 1) for c in itertools.combinations(items, r)]


def brand_pairs(customers: Sequence[Customer], members: Sequence[int]) -> set[tuple[int, int]]:
    """Pairs whose brands agree and whose business categories nest; a pinyin key
    only pairs names of different scripts (恒达 with Hengda, not with 恒大)."""
    stored: dict[tuple[str, str, frozenset[str]], list[tuple[int, str]]] = defaultdict(list)
    probes: list[tuple[int, str, list[tuple[str, str]], tuple[str, ...]]] = []
    for i in members:
        for name in customers[i].names:
            keys = _brand_keys(name)
            if keys:
                categories = tuple(c for c in name.parsed.industries if c not in NEUTRAL)
                full = frozenset(categories)
                for key in keys:
                    stored[(*key, full)].append((i, name.parsed.script))
                probes.append((i, name.parsed.script, keys, categories))
    pairs: set[tuple[int, int]] = set()
    for i, script, keys, categories in probes:
        for subset in _subsets(categories):
            for kind, brand in keys:
                for j, other_script in stored.get((kind, brand, subset), ()):
                    if j != i and (kind != "py" or other_script != script):
                        pairs.add((i, j) if i < j else (j, i))
    return pairs


def _min_length(threshold: float, per_length: float) -> int:
    """Shortest core for which one edit can keep the ratio at ``threshold``."""
    if threshold >= 1:
        return 10**9
    return max(2, math.ceil((1 / (1 - threshold) + per_length) / (1 + per_length) - 1e-9))


def edit_pairs(customers: Sequence[Customer], members: Sequence[int],
               threshold: float) -> set[tuple[int, int]]:
    """Pairs whose cores are one edit apart (a letter missing, extra or changed).

    Deletion neighbourhoods, computed only where one edit can stay at or above
    ``threshold`` (Indel ratio 1 - d/(len a + len b)): a core of length L loses
    one character to meet a core of length L-1 when L >= (1/(1-s)+1)/2, and two
    cores differing in one character share a deletion when L >= 1/(1-s).
    """
    by_core: dict[str, list[int]] = defaultdict(list)
    for i in members:
        for name in customers[i].names:
            ids = by_core[name.parsed.core]
            if not ids or ids[-1] != i:
                ids.append(i)
    indel_from = _min_length(threshold, 1.0)   # 1 - 1/(2L-1) >= s
    change_from = _min_length(threshold, 0.0)  # 1 - 1/L >= s
    variants: dict[str, list[str]] = defaultdict(list)
    core_pairs: set[tuple[str, str]] = set()
    for core in by_core:
        size = len(core)
        if size < indel_from:
            continue
        for k in range(size):
            variant = core[:k] + core[k + 1:]
            if variant in by_core:
                core_pairs.add((variant, core))
            if size >= change_from:
                variants[variant].append(core)
    for cores in variants.values():
        if len(cores) > 1:
            core_pairs.update(itertools.combinations(sorted(set(cores)), 2))
    pairs: set[tuple[int, int]] = set()
    for a, b in core_pairs:
        for i in by_core[a]:
            for j in by_core[b]:
                if i != j:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs
