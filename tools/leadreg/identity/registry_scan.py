"""All customer relations in a registry at once, shared by the three rules.

duplicate-customer, customer-seen-before and possible-duplicate each need the
same index; :func:`scan` builds it once per list of leads and caches it.
Relations point from the later-registered lead to the earlier ones (ties: path).
"""

from __future__ import annotations

import itertools
import operator
from collections import defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from leadreg.gcpause import no_collections
from leadreg.identity.compare import Link, same_link, similar_link
from leadreg.identity.customer import Customer, customer_keys
from leadreg.identity.index import NameTable, brand_pairs, edit_pairs, exact_buckets
from leadreg.identity.matching import UNREGISTERED
from leadreg.lead import ACTIVE_STAGES, CLOSED_STAGES, Lead
from leadreg.settings import Settings

MAX_SCAN = 200      # earlier members of one exact-key bucket looked at per lead
MAX_RELATED = 5     # earlier leads named per finding


@dataclass
class Scan:
    leads: Sequence[Lead]
    customers: list[Customer]
    # later lead index -> [(earlier lead index, link)], earliest first
    duplicates: dict[int, list[tuple[int, Link]]] = field(default_factory=dict)
    seen_before: dict[int, list[tuple[int, Link]]] = field(default_factory=dict)
    similar: dict[int, list[tuple[int, Link]]] = field(default_factory=dict)


_last: tuple[Sequence[Lead], int, float, Scan] | None = None


def scan(leads: Sequence[Lead], settings: Settings) -> Scan:
    """The registry's duplicates, look-alikes and returning customers (cached)."""
    global _last
    threshold = settings.rules.similarity
    if _last is not None and _last[0] is leads and _last[1] == len(leads) and _last[2] == threshold:
        return _last[3]
    with no_collections():
        result = _scan(leads, threshold)
    _last = (leads, len(leads), threshold, result)
    return result


def _distinct(a: Lead, ca: Customer, b: Lead, cb: Customer) -> bool:
    return a.id in cb.distinct_from or b.id in ca.distinct_from


def _scan(leads: Sequence[Lead], threshold: float) -> Scan:
    customers = customer_keys(leads)
    # By column, each in one C-level pass: Python-level passes over 100k leads cost
    # a tenth of a second each in memory traffic.
    datas = list(map(operator.attrgetter("data"), leads))
    stages = list(map(operator.methodcaller("get", "stage"), datas))
    active = list(map(ACTIVE_STAGES.__contains__, stages))  # a stage that is not text: neither
    closed = list(map(CLOSED_STAGES.__contains__, stages))
    # registration order (matching.sort_key, then index); compared for the leads that
    # meet, never sorted
    rank = list(zip([r if r.__class__ is str else UNREGISTERED
                     for r in map(operator.methodcaller("get", "registered"), datas)],
                    map(operator.attrgetter("path"), leads), range(len(leads))))
    names, codes, domains = itertools.islice(zip(*customers), 3) if customers else ((), (), ())
    everyone = NameTable.of(names)
    table = everyone.where(active)
    result = Scan(leads, customers)
    same = _same(result, exact_buckets(codes, domains, everyone), active, closed, rank)
    # a lead already reported as a duplicate gets no look-alike warnings on top;
    # a pair both blockings find is decided twice, alike
    alike = _alike(brand_pairs(table), leads, customers, rank, threshold, result.duplicates, same)
    alike.update(_alike(edit_pairs(table, threshold), leads, customers, rank, threshold,
                        result.duplicates, same))
    similar: dict[int, list[tuple[int, Link]]] = defaultdict(list)
    for (i, j), link in alike.items():  # already without pairs known as one customer
        similar[j].append((i, link))
    for j, found in similar.items():
        found.sort(key=lambda item: (-item[1].score, rank[item[0]]))
        result.similar[j] = found[:MAX_RELATED]
    return result


Rank = list[tuple[str, str, int]]


def _same(result: Scan, buckets: Iterable[list[int]], active: list[bool], closed: list[bool],
          rank: Rank) -> dict[int, dict[int, Link]]:
    """Fill in duplicates and returning customers: leads sharing an exact key
    (``buckets``) and compatible regions."""
    leads, customers = result.leads, result.customers
    same: dict[int, dict[int, Link]] = defaultdict(dict)
    for bucket in buckets:
        ordered = sorted(bucket, key=rank.__getitem__)
        for pos, j in enumerate(ordered):
            if not active[j]:
                continue
            for i in ordered[max(0, pos - MAX_SCAN):pos]:
                if i not in same[j] and (active[i] or closed[i]):
                    link = same_link(customers[j], customers[i])
                    if link is not None:
                        same[j][i] = link
    for j, earlier in same.items():
        ranked = sorted(earlier.items(), key=lambda item: rank[item[0]])
        dupes = [(i, link) for i, link in ranked if active[i]]
        seen = [(i, link) for i, link in ranked if closed[i]
                and not _distinct(leads[i], customers[i], leads[j], customers[j])]
        if dupes:
            result.duplicates[j] = dupes[:MAX_RELATED]
        if seen:
            result.seen_before[j] = seen[:MAX_RELATED]
    return same


def _alike(pairs: Iterable[tuple[int, int]], leads: Sequence[Lead], customers: list[Customer],
           rank: Rank, threshold: float, duplicates: Container[int] = (),
           same: Mapping[int, Container[int]] | None = None) -> dict[tuple[int, int], Link]:
    """The look-alike pairs (earlier, later) among ``pairs``, but those already
    known as one customer (``duplicates``, ``same``) and those distinct_from parts."""
    found: dict[tuple[int, int], Link] = {}
    same = same or {}
    for a, b in pairs:
        i, j = (a, b) if rank[a] < rank[b] else (b, a)
        if j in duplicates or i in same.get(j, ()):
            continue
        ci, cj = customers[i], customers[j]
        if (cj[3] or ci[3]) and _distinct(leads[i], ci, leads[j], cj):
            continue
        link = similar_link(cj, ci, threshold)
        if link is not None:
            found[i, j] = link
    return found
