"""possible-duplicate: two active leads whose customers look alike (SPEC §8)."""

from collections.abc import Iterator, Sequence

from leadreg.diagnostics import Severity
from leadreg.identity.registry_scan import scan
from leadreg.lead import Lead
from leadreg.rules import Finding, registry_rule
from leadreg.rules._identity import who
from leadreg.settings import Settings


@registry_rule(
    "possible-duplicate", severity=Severity.WARNING,
    passing={"hengda": "customer: {name: 苏州恒达汽车零部件有限公司}",
             "hengda-food": "customer: {name: 苏州恒达食品有限公司, distinct_from: [hengda]}",
             "hengda-peijian": """\
customer: {name: 苏州恒达汽车配件有限公司, distinct_from: [hengda]}"""},
    failing={"hengda": "customer: {name: 苏州恒达汽车零部件有限公司}",
             "hengda-en": "customer: {name: 'Hengda Auto Parts (Suzhou) Co., Ltd.'}"})
def possible_duplicate(leads: Sequence[Lead], settings: Settings) -> Iterator[Finding]:
    """Active leads' customer names alike at or above ``rules.similarity``."""
    result = scan(leads, settings)
    for j, earlier in sorted(result.similar.items()):
        lead = leads[j]
        i, link = earlier[0]
        message = (f"{result.customers[j].display_name or lead.customer_name} looks like the "
                   f"customer of active lead {who(leads[i])}: {link.key}, similarity "
                   f"{link.score:.2f}")
        for k, other in earlier[1:]:
            message += f"; also {who(leads[k])} ({other.score:.2f})"
        ids = ", ".join(leads[k].id for k, _ in earlier)
        yield Finding(message + f". If it is another customer, add {ids} to "
                      "customer.distinct_from", at=link.at,
                      related=tuple(leads[k].path for k, _ in earlier), lead=lead)
