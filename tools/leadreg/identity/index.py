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

This runs over every customer at once (100k and more), so it works on flat
columns and leaves counting, filtering and set algebra to C (``Counter``,
``itertools.compress``, set intersections): Python-level work is a step per
key that some other customer shares, never a step per pair that cannot match.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

from leadreg.identity.customer import NameRef
from leadreg.identity.industry import NEUTRAL
from leadreg.identity.names import ParsedName
from leadreg.identity.typos import hashes, neighbourhood, one_change, one_edit

MAX_CATEGORIES = 4  # subsets enumerated per name: 2**4

Pairs = set[tuple[int, int]]


def _groups(keys: Sequence[str | None], values: Sequence[int]) -> Iterable[list[int]]:
    """``values[k]`` grouped by ``keys[k]``, for the keys (neither None nor "")
    that more than one ``k`` has.  Counting and filtering run in C: in Python,
    only a step per value in a group."""
    counts = Counter(keys)
    shared = set(itertools.compress(counts, map(operator.lt, itertools.repeat(1), counts.values())))
    shared.difference_update((None, ""))
    groups: dict[str, list[int]] = {}
    if shared:
        for k in itertools.compress(range(len(keys)), map(shared.__contains__, keys)):
            groups.setdefault(keys[k], []).append(values[k])  # type: ignore[arg-type]
    return groups.values()


def _shared_buckets(keys: Sequence[str | None], owners: Sequence[int] | None = None,
                    ) -> Iterator[list[int]]:
    """Customers sharing each key that more than one holds: ``keys[k]`` belongs to
    customer ``owners[k]`` (default: ``k``)."""
    for group in _groups(keys, owners if owners is not None else range(len(keys))):
        customers = list(dict.fromkeys(group))  # one customer's two names count once
        if len(customers) > 1:
            yield customers


class NameTable:
    """Every name of the given customers, flat and by column: ``owners[r]`` is
    the customer of ``refs[r]``.  Built once, by C-level passes over the
    customers (each Python-level pass over 100k of them costs a tenth of a second
    in memory traffic), for the exact keys and both kinds of blocking."""

    def __init__(self, owners: list[int], refs: list[NameRef]) -> None:
        self.owners = owners
        self.refs = refs
        self.parsed: list[ParsedName] = list(map(operator.itemgetter(0), refs))
        self.cores: list[str] = list(map(operator.itemgetter(1), self.parsed))

    @classmethod
    def of(cls, names: Sequence[tuple[NameRef, ...]]) -> NameTable:
        """``names[i]``: customer i's names."""
        owners = list(itertools.chain.from_iterable(
            map(itertools.repeat, range(len(names)), map(len, names))))
        return cls(owners, list(itertools.chain.from_iterable(names)))

    def where(self, keep: Sequence[bool]) -> NameTable:
        """The names of the customers ``i`` with ``keep[i]``."""
        rows = list(map(keep.__getitem__, self.owners))
        return NameTable(list(itertools.compress(self.owners, rows)),
                         list(itertools.compress(self.refs, rows)))


def exact_buckets(codes: Sequence[str | None], domains: Sequence[str | None],
                  names: NameTable) -> Iterator[list[int]]:
    """Groups of customers sharing a credit code, a domain or a name core."""
    yield from _shared_buckets(codes)
    yield from _shared_buckets(domains)
    yield from _shared_buckets(names.cores, names.owners)


def _rows_with_brands(rows: Iterable[int], brands: list[str], shortest: int,
                      lengths: dict[str, int]) -> list[int]:
    """``rows`` whose brand has at least ``shortest`` letters (spaces aside): shorter
    ones name too many companies to block on (compare's ``_brand_ok``).  ``lengths``
    holds the brands shorter than three letters."""
    short = {brand for brand, n in lengths.items() if n < shortest}
    rows = list(rows)
    return list(itertools.compress(rows, map(operator.not_, map(short.__contains__,
                                                                  map(brands.__getitem__, rows)))))


def _category_sets(industries: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """A name's business categories as stored (all of them, neutral ones aside) and
    as probed (the first few): another name's stored set must be within the probe."""
    categories = frozenset(c for c in industries if c not in NEUTRAL)
    return categories, frozenset(sorted(categories)[:MAX_CATEGORIES])


def _subsets(probe: frozenset[str]) -> list[frozenset[str]]:
    items = sorted(probe)
    return [frozenset(c) for n in range(len(items) + 1) for c in itertools.combinations(items, n)]


PAIRWISE_UP_TO = 2_000  # name pairs in a group compared one by one; beyond, by subsets


class _Brands:
    """The names with a brand to block on, and their business categories."""

    def __init__(self, table: NameTable) -> None:
        parsed = self.parsed = table.parsed
        self.owners = table.owners
        kinds = {industries: _category_sets(industries) for industries in {p[4] for p in parsed}}
        self.sets = list(map(kinds.__getitem__, map(operator.itemgetter(4), parsed)))
        self.brands = brands = list(map(operator.itemgetter(3), parsed))
        lengths = {brand: n for brand in set(brands)
                   if (n := len(brand.replace(" ", "") if " " in brand else brand)) < 3}
        scripts = list(map(operator.itemgetter(5), parsed))
        rows = range(len(parsed))
        self.zh = _rows_with_brands(itertools.compress(rows, map("zh".__eq__, scripts)), brands,
                                    2, lengths)
        self.latin = _rows_with_brands(itertools.compress(rows, map("zh".__ne__, scripts)),
                                       brands, 3, lengths)
        self.pairs: Pairs = set()

    def add(self, r: int, s: int) -> None:
        i, j = self.owners[r], self.owners[s]
        if i != j:
            self.pairs.add((i, j) if i < j else (j, i))

    def meet(self, a: list[int], b: list[int]) -> None:
        """Names of ``a`` with names of ``b`` (the same list: among themselves)
        whose categories nest."""
        sets, add = self.sets, self.add
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


    def same_script(self) -> None:
        """Names whose brands are written alike."""
        sets, brands = self.sets, self.brands
        for rows in (self.zh, self.latin):
            for group in _groups(list(map(brands.__getitem__, rows)), rows):
                if len(group) == 2:  # the usual case, inline
                    r, s = group
                    if sets[s][0] <= sets[r][1] or sets[r][0] <= sets[s][1]:
                        self.add(r, s)
                else:
                    self.meet(group, group)

    def across_scripts(self) -> None:
        """A Chinese brand with a Latin one that is one of its pinyin readings
        (spaces removed): 恒达汽配 with Hengda Auto Parts, never 恒达 with 恒大."""
        parsed, zh, latin = self.parsed, self.zh, self.latin
        readings = list(map(operator.itemgetter(6), map(parsed.__getitem__, zh)))
        latin_keys = [parsed[r][6][0] for r in latin]
        keys = set(latin_keys).intersection(itertools.chain.from_iterable(readings))
        by_key: dict[str, list[int]] = {}
        for r, key in itertools.compress(zip(latin, latin_keys),
                                         map(keys.__contains__, latin_keys)):
            by_key.setdefault(key, []).append(r)
        meeting: dict[str, list[int]] = {}
        for r, found in itertools.compress(zip(zh, readings),
                                           map(operator.not_, map(keys.isdisjoint, readings))):
            for reading in found:
                if reading in keys:
                    meeting.setdefault(reading, []).append(r)
        for reading, chinese in meeting.items():
            self.meet(chinese, by_key[reading])


def brand_pairs(table: NameTable) -> Pairs:
    """Pairs whose brands agree, in one script or through pinyin, and whose
    business categories nest (one name's categories are within the first few of
    the other's).

    Only names whose brand some other name has are looked at one by one: the
    brands are counted first (in C), most being unique."""
    names = _Brands(table)
    names.same_script()
    names.across_scripts()
    return names.pairs


def _min_length(threshold: float, per_length: float) -> int:
    """Shortest core for which one edit can keep the ratio at ``threshold``."""
    if threshold >= 1:
        return 10**9
    return max(2, math.ceil((1 / (1 - threshold) + per_length) / (1 + per_length) - 1e-9))


def _one_length(cores: list[str], starts: list[int], values: Sequence[int], own: list[int],
                lo: int, hi: int, short_lo: int, changes: bool) -> set[tuple[str, str]]:
    """Pairs among the cores ``lo:hi`` (one length) and with the cores
    ``short_lo:lo`` (one character shorter): a core with one character left out
    is a shorter core; with ``changes``, two cores with one character left out
    are the same.  ``values[starts[k]:starts[k + 1]]`` are core k's hashes: its
    own (``own[k]``), then its variants.  Own hashes are counted too: one equal
    to a variant is a collision, and every pair found is checked on the text."""
    base, end = starts[lo], starts[hi]
    meets = set(own[short_lo:lo])
    if changes:
        counts = Counter(values[base:end])
        meets.intersection_update(counts)
        shared = set(itertools.compress(counts, map(operator.lt, itertools.repeat(1),
                                                    counts.values())))
    else:  # nothing to count: only the shorter cores' own hashes are looked for
        meets.intersection_update(values[base:end])
        shared = set()
    found: set[tuple[str, str]] = set()
    if not meets and not shared:
        return found
    wanted = meets | shared
    sources: dict[int, list[str]] = defaultdict(list)
    for position in itertools.compress(itertools.count(base),
                                       map(wanted.__contains__, values[base:end])):
        sources[values[position]].append(cores[bisect.bisect_right(starts, position, lo, hi) - 1])
    if meets:
        targets: dict[int, list[str]] = defaultdict(list)
        for k in itertools.compress(range(short_lo, lo), map(meets.__contains__, own[short_lo:lo])):
            targets[own[k]].append(cores[k])
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
    long_enough = list(map(operator.le, itertools.repeat(shortest), map(len, table.cores)))
    hoods = dict(zip(itertools.compress(table.cores, long_enough),
                     itertools.compress(map(operator.itemgetter(3), table.refs), long_enough)))
    if not all(hoods.values()):
        for core, packed in hoods.items():
            if not packed:  # a customer read without them
                hoods[core] = neighbourhood(core)
    cores = sorted(hoods, key=len)
    packs = list(map(hoods.__getitem__, cores))
    # every hash of every core, cores by length; a core's own hash first, then its variants
    values = hashes(b"".join(packs))
    starts = list(map(operator.floordiv, itertools.accumulate(map(len, packs), initial=0),
                      itertools.repeat(4)))
    own = list(map(values.__getitem__, starts[:-1]))
    lengths = list(map(len, cores))
    core_pairs: set[tuple[str, str]] = set()
    for length in sorted(set(lengths)):
        if length < indel_from:
            continue
        lo, hi = bisect.bisect_left(lengths, length), bisect.bisect_right(lengths, length)
        short_lo = bisect.bisect_left(lengths, length - 1)
        core_pairs |= _one_length(cores, starts, values, own, lo, hi, short_lo,
                                  length >= change_from)
    if not core_pairs:
        return set()
    involved = set(itertools.chain.from_iterable(core_pairs))
    by_core: dict[str, list[int]] = {}
    owners, all_cores = table.owners, table.cores
    for r in itertools.compress(range(len(all_cores)), map(involved.__contains__, all_cores)):
        i = owners[r]
        ids = by_core.setdefault(all_cores[r], [])
        if not ids or ids[-1] != i:
            ids.append(i)
    pairs: Pairs = set()
    for a, b in core_pairs:
        for i in by_core[a]:
            for j in by_core[b]:
                if i != j:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs
