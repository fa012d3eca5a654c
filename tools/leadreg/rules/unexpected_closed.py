"""unexpected-closed: an active lead carries no ``closed`` entry."""

from collections.abc import Iterator

from leadreg.lead import Lead
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings


@lead_rule("unexpected-closed", passing="stage: lead",
           failing="stage: lead\nclosed: {date: 2026-11-30, reason: 价格没有优势}")
def unexpected_closed(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """``closed`` only belongs to won, lost and closed leads."""
    if lead.active and "closed" in lead.data:
        yield Finding(f"an active lead (stage {lead.stage}) cannot have closed:; set stage to "
                      "won, lost or closed, or remove closed:", ("closed",), on_value=False)
