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

This runs in the main process over every customer at once (100k and more), so
it works on flat lists and leaves counting and set algebra to C (``Counter``,
set intersections): Python-level work is a step per name and per key that
some other customer shares, never a step per pair that cannot match.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from leadreg.identity.customer import Customer, NameRef
from leadreg.identity.industry import NEUTRAL
from leadreg.identity.names import ParsedName
from leadreg.identity.typos import hashes, neighbourhood, one_change, one_edit

MAX_CATEGORIES = 4  # subsets enumerated per name: 2**4

Pairs = set[tuple[int, int]]


def _shared_buckets(keys: list[str | None], owners: Sequence[int] | None = None,
                    ) -> Iterator[list[int]]:
    """Customers sharing each key that more than one holds: ``keys[k]`` belongs to
    customer ``owners[k]`` (default: ``k``)."""
    counts = Counter(keys)
    shared = set(itertools.compress(counts, map(operator.lt, itertools.repeat(1), counts.values())))
    shared.difference_update((None, ""))
    if not shared:
        return
    buckets: dict[str, list[int]] = {}
    for k in itertools.compress(itertools.count(), map(shared.__contains__, keys)):
        i = owners[k] if owners is not None else k
        bucket = buckets.setdefault(keys[k], [])  # type: ignore[arg-type]
        if not bucket or bucket[-1] != i:
            bucket.append(i)
    yield from (b for b in buckets.values() if len(b) > 1)


def exact_buckets(customers: Sequence[Customer]) -> Iterator[list[int]]:
    """Groups of customers sharing a credit code, a domain or a name core."""
    yield from _shared_buckets([c[1] for c in customers])
    yield from _shared_buckets([c[2] for c in customers])
    yield from _shared_buckets([ref[0][1] for c in customers for ref in c[0]],
                               [i for i, c in enumerate(customers) for _ in c[0]])


class NameTable:
    """Every name of the given customers, flat: ``owners[r]`` is the customer of
    ``refs[r]``.  Built once for both kinds of blocking."""

    def __init__(self, customers: Sequence[Customer], members: Sequence[int]) -> None:
        self.owners = [i for i in members for _ in customers[i][0]]
        self.refs: list[NameRef] = [ref for i in members for ref in customers[i][0]]
        self.parsed: list[ParsedName] = [ref[0] for ref in self.refs]


def _brand_ok(parsed: ParsedName) -> bool:
    brand = parsed[3]
    return len(brand.replace(" ", "") if " " in brand else brand) >= (
        2 if parsed[5] == "zh" else 3)


def _category_sets(industries: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """A name's business categories as stored (all of them, neutral ones aside) and
    as probed (the first few): another name's stored set must be within the probe."""
    categories = frozenset(c for c in industries if c not in NEUTRAL)
    return categories, frozenset(sorted(categories)[:MAX_CATEGORIES])


def _grouped(keys: list[str], rows: list[int]) -> dict[str, list[int]]:
    """Rows by key, for the keys that more than one row has."""
    counts = Counter(keys)
    shared = set(itertools.compress(counts, map(operator.lt, itertools.repeat(1), counts.values())))
    groups: dict[str, list[int]] = {}
    for k in itertools.compress(itertools.count(), map(shared.__contains__, keys)):
        groups.setdefault(keys[k], []).append(rows[k])
    return groups


def _subsets(probe: frozenset[str]) -> list[frozenset[str]]:
    items = sorted(probe)
    return [frozenset(c) for n in range(len(items) + 1) for c in itertools.combinations(items, n)]


PAIRWISE_UP_TO = 2_000  # name pairs in a group compared one by one; beyond, by subsets


def brand_pairs(table: NameTable) -> Pairs:
    """Pairs whose brands agree and whose business categories nest (one name's
    categories are within the first few of the other's); a pinyin key only
    pairs names of different scripts (恒达 with Hengda, not with 恒大)."""
    parsed, owners = table.parsed, table.owners
    rows = [r for r, p in enumerate(parsed)
            if (len(p[3]) >= 3 and " " not in p[3]) or _brand_ok(p)]  # the first: the usual case
    kinds = {industries: _category_sets(industries) for industries in {p[4] for p in parsed}}
    sets = [kinds[p[4]] for p in parsed]
    zh = [r for r in rows if parsed[r][5] == "zh"]
    latin = [r for r in rows if parsed[r][5] != "zh"]
    pairs: Pairs = set()

    def add(r: int, s: int) -> None:
        i, j = owners[r], owners[s]
        if i != j:
            pairs.add((i, j) if i < j else (j, i))

    def meet(a: list[int], b: list[int]) -> None:
        """Names of ``a`` with names of ``b`` (the same list: among themselves)."""
        if len(a) * len(b) <= PAIRWISE_UP_TO:
            for k, r in enumerate(a):
                full, probe = sets[r]
                for s in b[k + 1:] if a is b else b:
                    if sets[s][0] <= probe or full <= sets[s][1]:
                        add(r, s)
            return
        for probing, stored in ((a, b), (b, a)) if a is not b else ((a, a),):
            by_set: dict[frozenset[str], list[int]] = {}
            for s in stored:
                by_set.setdefault(sets[s][0], []).append(s)
            for r in probing:
                for subset in _subsets(sets[r][1]):
                    for s in by_set.get(subset, ()):
                        add(r, s)

    # same script: the brand itself
    for script_rows in (zh, latin):
        for group in _grouped([parsed[r][3] for r in script_rows], script_rows).values():
            if len(group) == 2:  # the usual case, inline
                r, s = group
                if sets[s][0] <= sets[r][1] or sets[r][0] <= sets[s][1]:
                    add(r, s)
            else:
                meet(group, group)
    # across scripts: a Chinese brand's readings meet a Latin brand (spaces removed)
    by_key: dict[str, list[int]] = {}
    for r in latin:
        by_key.setdefault(parsed[r][6][0], []).append(r)
    meeting: dict[str, list[int]] = {}
    for r in zh:
        for reading in parsed[r][6]:
            if reading in by_key:
                meeting.setdefault(reading, []).append(r)
    for reading, chinese in meeting.items():
        meet(chinese, by_key[reading])
    return pairs


def _min_length(threshold: float, per_length: float) -> int:
    """Shortest core for which one edit can keep the ratio at ``threshold``."""
    if threshold >= 1:
        return 10**9
    return max(2, math.ceil((1 / (1 - threshold) + per_length) / (1 + per_length) - 1e-9))


def _one_length(cores: list[str], starts: list[int], values: Sequence[int], lo: int, hi: int,
                shorter: range, changes: bool) -> set[tuple[str, str]]:
    """Pairs among the cores ``lo:hi`` (one length) and with the cores ``shorter``
    (one character shorter): a core with one character left out is a shorter
    core; with ``changes``, two cores with one character left out are the same.
    ``values[starts[k]:starts[k + 1]]`` are core k's hashes: its own, then its
    variants.  Own hashes are counted too: one equal to a variant is a
    collision, and every pair found is checked on the text anyway."""
    counts = Counter(values[starts[lo]:starts[hi]])
    meets = {values[starts[k]] for k in shorter} if shorter else set()
    meets.intersection_update(counts)
    shared = set(itertools.compress(counts, map(operator.lt, itertools.repeat(1), counts.values()))
                 ) if changes else set()
    found: set[tuple[str, str]] = set()
    if not meets and not shared:
        return found
    wanted = meets | shared
    sources: dict[int, list[str]] = defaultdict(list)
    base = starts[lo]
    for position in itertools.compress(itertools.count(base),
                                       map(wanted.__contains__, values[base:starts[hi]])):
        sources[values[position]].append(cores[bisect.bisect_right(starts, position, lo, hi) - 1])
    if meets:
        targets: dict[int, list[str]] = defaultdict(list)
        for k in shorter:
            if values[starts[k]] in meets:
                targets[values[starts[k]]].append(cores[k])
        found.update((short, long) for h in meets for long in sources[h]
                     for short in targets[h] if one_edit(short, long))
    for h in shared:
        group = sorted(set(sources[h]))
        found.update((a, b) for a, b in itertools.combinations(group, 2) if one_change(a, b))
    return found


def edit_pairs(table: NameTable, threshold: float) -> Pairs:
    """Pairs whose cores are one edit apart (a letter missing, extra or changed).

    Deletion neighbourhoods (:mod:`leadreg.identity.typos`), used only where one
    edit can stay at or above ``threshold`` (Indel ratio 1 - d/(len a + len b)):
    a core of length L loses one character to meet a core of length L-1 when
    L >= (1/(1-s)+1)/2, and two cores differing in one character share a
    deletion when L >= 1/(1-s).  One length at a time: small tables, fast.
    """
    indel_from = _min_length(threshold, 1.0)   # 1 - 1/(2L-1) >= s
    change_from = _min_length(threshold, 0.0)  # 1 - 1/L >= s
    shortest = indel_from - 1  # a shorter core is never met
    hoods = {core: ref[3] for ref in table.refs if len(core := ref[0][1]) >= shortest}
    for core, packed in hoods.items():
        if not packed:  # a customer read without them
            hoods[core] = neighbourhood(core)
    cores = sorted(hoods, key=len)
    packs = [hoods[core] for core in cores]
    # every hash of every core, cores by length; a core's own hash first, then its variants
    values = hashes(b"".join(packs))
    starts = list(map(operator.floordiv, itertools.accumulate(map(len, packs), initial=0),
                      itertools.repeat(4)))
    lengths = list(map(len, cores))
    core_pairs: set[tuple[str, str]] = set()
    for length in sorted(set(lengths)):
        if length < indel_from:
            continue
        lo, hi = bisect.bisect_left(lengths, length), bisect.bisect_right(lengths, length)
        short_lo = bisect.bisect_left(lengths, length - 1)
        core_pairs |= _one_length(cores, starts, values, lo, hi, range(short_lo, lo),
                                  length >= change_from)
    if not core_pairs:
        return set()
    involved = {core for pair in core_pairs for core in pair}
    by_core: dict[str, list[int]] = {}
    for i, p in zip(table.owners, table.parsed):
        if p[1] in involved:
            ids = by_core.setdefault(p[1], [])
            if not ids or ids[-1] != i:
                ids.append(i)
    pairs: Pairs = set()
    for a, b in core_pairs:
        for i in by_core[a]:
            for j in by_core[b]:
                if i != j:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs
