"""Which pairs of customers to compare, without comparing all pairs.

* exact keys (credit code, website domain, name core) are hashed: only
  customers sharing a key meet, then :func:`compare.same_link` checks regions;
* alike names meet through blocking keys:
  - the brand (and, across scripts, its pinyin) with each subset of the
    business categories, so 恒达 meets 恒达汽车零部件 and Hengda Auto Parts;
  - prefix filtering on character q-grams (bigrams for Chinese, trigrams for
    Latin): grams are ordered rarest first, and two cores within the edit
    distance that ``similarity`` allows must share one of the first few
    grams of each, so only those grams are indexed.

Every pair it yields is then decided by :mod:`leadreg.identity.compare`.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from leadreg.identity.customer import Customer, NameRef

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
    """Pairs whose brands agree and whose business categories nest."""
    stored: dict[tuple[str, str, frozenset[str]], list[int]] = defaultdict(list)
    for i in members:
        for name in customers[i].names:
            full = frozenset(name.parsed.industries)
            for key in _brand_keys(name):
                stored[(*key, full)].append(i)
    pairs: set[tuple[int, int]] = set()
    for i in members:
        for name in customers[i].names:
            keys = _brand_keys(name)
            for subset in _subsets(name.parsed.industries):
                for key in keys:
                    for j in stored.get((*key, subset), ()):
                        if j != i:
                            pairs.add((min(i, j), max(i, j)))
    return pairs


def _grams(core: str, script: str) -> tuple[int, set[str]]:
    text = core.replace(" ", "")
    q = 2 if script == "zh" else 3
    return q, {text[k:k + q] for k in range(max(1, len(text) - q + 1))}


def _prefix_length(length: int, q: int, grams: int, threshold: float) -> int:
    """How many of a core's rarest grams any alike core must share one of."""
    if threshold <= 0:
        return grams
    edits = math.floor((1 - threshold) * 2 * length / threshold + 1e-9)
    return min(grams, q * edits + 1)


def gram_pairs(customers: Sequence[Customer], members: Sequence[int],
               threshold: float) -> set[tuple[int, int]]:
    """Pairs whose cores may be within the edit distance ``threshold`` allows."""
    entries: list[tuple[int, list[str]]] = []
    frequency: dict[str, int] = defaultdict(int)
    for i in members:
        for name in customers[i].names:
            q, grams = _grams(name.parsed.core, name.parsed.script)
            for g in grams:
                frequency[g] += 1
            entries.append((i, [name.parsed.script, str(len(name.parsed.core.replace(" ", ""))),
                                str(q), *grams]))
    postings: dict[str, list[int]] = defaultdict(list)
    for i, (script, length, q, *grams) in entries:
        grams.sort(key=lambda g: (frequency[g], g))
        for g in grams[:_prefix_length(int(length), int(q), len(grams), threshold)]:
            postings[script + g].append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in postings.values():
        if len(ids) > 1:
            unique = sorted(set(ids))
            pairs.update(itertools.combinations(unique, 2))
    return pairs
