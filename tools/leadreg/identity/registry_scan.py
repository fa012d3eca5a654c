"""All customer relations in a registry at once, shared by the three rules.

duplicate-customer, customer-seen-before and possible-duplicate each need the
same index; :func:`scan` builds it once per list of leads and caches it.
Relations point from the later-registered lead to the earlier ones (ties: path).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

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
    with _no_collections():
        result = _scan(leads, threshold)
    _last = (leads, len(leads), threshold, result)
    return result


@contextmanager
def _no_collections() -> Iterator[None]:
    """A scan makes some million small tuples, lists and sets and no reference
    cycles: the cyclic collector would only walk them, again and again (a
    third of the time at 100k leads)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _distinct(a: Lead, ca: Customer, b: Lead, cb: Customer) -> bool:
    return a.id in cb.distinct_from or b.id in ca.distinct_from


def _scan(leads: Sequence[Lead], threshold: float) -> Scan:
    customers = customer_keys(leads)
    # registration order (matching.sort_key, then index); compared for the leads that
    # meet, never sorted
    rank = [(r if isinstance(r := lead.data.get("registered"), str) else UNREGISTERED,
             lead.path, i) for i, lead in enumerate(leads)]
    stages = [lead.data.get("stage") for lead in leads]
    active = [stage in ACTIVE_STAGES for stage in stages]  # a stage that is not text: neither
    closed = [stage in CLOSED_STAGES for stage in stages]
    result = Scan(leads, customers)

    same: dict[int, dict[int, Link]] = defaultdict(dict)
    for bucket in exact_buckets(customers):
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

    # a lead already reported as a duplicate gets no look-alike warnings on top
    members = [i for i, customer in enumerate(customers) if active[i] and customer[0]]
    table = NameTable(customers, members)
    pairs = brand_pairs(table) | edit_pairs(table, threshold)
    similar: dict[int, list[tuple[int, Link]]] = defaultdict(list)
    duplicates = result.duplicates
    for a, b in pairs:
        i, j = (a, b) if rank[a] < rank[b] else (b, a)
        if j in duplicates or i in same.get(j, ()):
            continue
        ci, cj = customers[i], customers[j]
        if (cj[3] or ci[3]) and _distinct(leads[i], ci, leads[j], cj):
            continue
        link = similar_link(cj, ci, threshold)
        if link is not None:
            similar[j].append((i, link))
    for j, found in similar.items():
        found.sort(key=lambda item: (-item[1].score, rank[item[0]]))
        result.similar[j] = found[:MAX_RELATED]
    return result
