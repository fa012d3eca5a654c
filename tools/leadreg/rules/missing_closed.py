"""missing-closed: a finished lead says when and why it finished."""

from collections.abc import Iterator

from leadreg.lead import CLOSED_STAGES, Lead
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings


@lead_rule("missing-closed", passing="stage: lost\nclosed: {date: 2026-11-30, reason: 价格没有优势}",
           failing="stage: lost")
def missing_closed(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """``won``, ``lost`` and ``closed`` need ``closed: {date, reason}``."""
    if lead.stage in CLOSED_STAGES and "closed" not in lead.data:
        yield Finding(f"stage {lead.stage} needs closed: {{date: YYYY-MM-DD, reason: …}}",
                      ("stage",))
