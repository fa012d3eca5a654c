"""duplicate-customer: a customer has one active lead at a time (SPEC §8)."""

from collections.abc import Iterator, Sequence

from leadreg.identity.registry_scan import scan
from leadreg.lead import Lead
from leadreg.rules import Finding, registry_rule
from leadreg.rules._identity import matched_by, who
from leadreg.settings import Settings


@registry_rule(
    "duplicate-customer",
    passing={"hengda": "customer: {name: 苏州恒达汽车零部件有限公司}",
             "hengda-wuxi": "customer: {name: 无锡恒达汽车零部件有限公司}"},
    failing={"hengda": "customer: {name: 苏州恒达汽车零部件有限公司}",
             "hengda-2": "{customer: {name: 恆達汽車零部件（蘇州）有限公司}, registered: 2026-10-01}"})
def duplicate_customer(leads: Sequence[Lead], settings: Settings) -> Iterator[Finding]:
    """Two active leads share a credit code, a website or a normalised name or alias."""
    result = scan(leads, settings)
    for j, earlier in sorted(result.duplicates.items()):
        lead = leads[j]
        first, link = earlier[0]
        message = (f"{result.customers[j].display_name or lead.customer_name} already has an "
                   f"active lead: {who(leads[first])}")
        for i, _ in earlier[1:]:
            message += f"; also {who(leads[i])}"
        yield Finding(message + matched_by(link), at=link.at,
                      related=tuple(leads[i].path for i, _ in earlier), lead=lead)
