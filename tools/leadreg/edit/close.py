"""``leadreg close``: a lead ends as won, lost or closed, with the reason."""

from __future__ import annotations

import datetime as dt

from leadreg.edit.errors import EditError
from leadreg.edit.outcome import Outcome, open_lead, require_active, save, text
from leadreg.lead import CLOSED_STAGES
from leadreg.settings import Settings

EVIDENCE_KINDS = ("sample_request", "quote_request", "supplier_pool", "other")


def close(settings: Settings, lead_id: str, *, outcome: str, reason: str, today: dt.date
          ) -> Outcome:
    """Set ``stage`` to ``outcome`` and fill ``closed: {date, reason}``."""
    if outcome not in CLOSED_STAGES:
        raise EditError(f"--as must be one of {', '.join(CLOSED_STAGES)}")
    reason = text(reason, "--reason")
    edit = open_lead(settings, lead_id)
    require_active(edit, "closed")
    if outcome == "won" and not edit.doc.lead.entries("evidence"):
        raise EditError(f"a won lead needs evidence (a sample or quote request, or the supplier "
                        f"pool); record it first: leadreg evidence {lead_id} --kind "
                        f"{'|'.join(EVIDENCE_KINDS)} --note TEXT")
    was = edit.doc.lead.stage
    edit.set("stage", outcome)
    edit.set("closed", {"date": today.isoformat(), "reason": reason})
    return save(settings, edit, f"closed {lead_id}: stage {was} → {outcome}")
