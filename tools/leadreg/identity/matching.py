"""Public API: which leads are (or look like) a given customer.

Used by ``leadreg find`` (what a rep checks before registering) and by
``leadreg new`` (refuses a duplicate before writing)::

    from leadreg.identity.matching import find_matches
    for m in find_matches({"name": "恒达汽配(苏州)"}, leads, settings):
        print(m.kind, m.lead.path, m.key, m.score)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from leadreg.identity.compare import compare
from leadreg.identity.customer import customer_keys, customer_of
from leadreg.lead import Lead
from leadreg.settings import Settings
from leadreg.yamlsafe import KeyPath


@dataclass(frozen=True)
class Match:
    lead: Lead
    kind: str      # "same" (one customer: a duplicate) or "similar" (looks alike)
    key: str       # what matched, in words: "credit code", "name 恒达 ~ alias 恒达汽配"
    score: float   # 0..1; 1 for "same"
    at: KeyPath = ("customer", "name")  # the key of the given customer that matched


UNREGISTERED = "9999-99-99"  # sorts after every date


def sort_key(lead: Lead) -> tuple[str, str]:
    """Registration order: earlier registered first, then path (ties)."""
    registered = lead.data.get("registered")
    return (registered if isinstance(registered, str) else UNREGISTERED, lead.path)


def find_matches(customer: Mapping[str, Any], leads: Sequence[Lead],
                 settings: Settings) -> list[Match]:
    """Every lead whose customer is ``customer`` (kind "same") or looks like it
    ("similar", at or above ``rules.similarity``), any stage; "same" first, then
    the most alike, then registration order.  A lead named in the customer's
    ``distinct_from`` is never "similar"."""
    query = customer_of(customer)
    threshold = settings.rules.similarity
    found: list[Match] = []
    for lead, other in zip(leads, customer_keys(leads)):
        link = compare(query, other, threshold)
        if link is None or (link.kind == "similar" and (
                lead.id in query.distinct_from)):
            continue
        found.append(Match(lead, link.kind, link.key, link.score, link.at))
    found.sort(key=lambda m: (m.kind != "same", -m.score, *sort_key(m.lead)))
    return found
