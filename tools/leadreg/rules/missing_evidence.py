"""missing-evidence: an opportunity stands on evidence."""

from collections.abc import Iterator

from leadreg.lead import Lead
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings


@lead_rule("missing-evidence",
           passing="stage: opportunity\nevidence: [{kind: quote_request, date: 2026-10-01}]",
           failing="stage: opportunity")
def missing_evidence(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """``opportunity`` and ``won`` need a sample, quote or supplier-pool entry."""
    if lead.stage in ("opportunity", "won") and not lead.entries("evidence"):
        yield Finding(f"stage {lead.stage} needs evidence: add an entry under evidence: with "
                      "kind sample_request, quote_request, supplier_pool or other", ("stage",))
