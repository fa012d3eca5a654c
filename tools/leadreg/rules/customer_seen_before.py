"""customer-seen-before: a new active lead for a customer we already won, lost or closed."""

from collections.abc import Iterator, Sequence

from leadreg.diagnostics import Severity
from leadreg.identity.registry_scan import scan
from leadreg.lead import Lead
from leadreg.rules import Finding, registry_rule
from leadreg.rules._identity import matched_by
from leadreg.settings import Settings

_CLOSED = """\
{stage: lost, registered: 2026-01-05, deadline: 2026-04-05,
 closed: {date: 2026-03-20, reason: 客户选择了竞争对手}}"""


def _closed_words(lead: Lead) -> str:
    closed = lead.data.get("closed")
    date = closed.get("date") if isinstance(closed, dict) else None
    when = f" {date}" if isinstance(date, str) else ""
    return f"{lead.path} (owner {lead.owner or '?'}, {lead.stage}{when})"


@registry_rule(
    "customer-seen-before", severity=Severity.WARNING,
    passing={"hengda-old": _CLOSED,
             "hengda-wuxi": "customer: {name: 无锡恒达汽车零部件有限公司}"},
    failing={"hengda-old": _CLOSED,
             "hengda": "customer: {name: 恒达汽车零部件(苏州)有限公司}"})
def customer_seen_before(leads: Sequence[Lead], settings: Settings) -> Iterator[Finding]:
    """An active lead's customer is that of an earlier won, lost or closed lead."""
    result = scan(leads, settings)
    for j, earlier in sorted(result.seen_before.items()):
        lead = leads[j]
        i, link = earlier[0]
        message = (f"{result.customers[j].display_name or lead.customer_name} was already the "
                   f"customer of {_closed_words(leads[i])}")
        for k, _ in earlier[1:]:
            message += f"; also {_closed_words(leads[k])}"
        yield Finding(message + matched_by(link) + ": read its history before you start",
                      at=link.at, related=tuple(leads[k].path for k, _ in earlier), lead=lead)
