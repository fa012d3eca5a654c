"""``leadreg extend``: a manager-approved new deadline, recorded as an extension."""

from __future__ import annotations

import datetime as dt

from leadreg.edit.errors import EditError
from leadreg.edit.outcome import Outcome, open_lead, require_active, require_rep, save, text
from leadreg.settings import Settings


def extend(settings: Settings, lead_id: str, *, until: dt.date, reason: str, approved_by: str,
           today: dt.date) -> Outcome:
    """Append ``{date, until, approved_by, reason}`` and move the deadline to ``until``."""
    reason = text(reason, "--reason")
    edit = open_lead(settings, lead_id)
    require_active(edit, "extended")
    require_rep(settings, approved_by, "approver", today)
    if approved_by not in settings.managers:
        managers = ", ".join(sorted(settings.managers)) or "none in registry.yaml"
        raise EditError(f"{approved_by} is not a manager; an extension is approved by a manager "
                        f"({managers})")
    lead = edit.doc.lead
    existing = edit.doc.data.get("extensions")
    count = len(existing) if isinstance(existing, list) else 0
    limit = settings.rules.max_extensions
    if count >= limit:
        raise EditError(f"{lead_id} has been extended {count} time(s), the most allowed ({limit}); "
                        f"close it (leadreg close {lead_id} …) or have it reassigned "
                        f"(leadreg reassign {lead_id} …)")
    deadline = lead.date("deadline")
    if deadline is not None and until <= deadline:
        raise EditError(f"--until {until} is not after the current deadline {deadline}")
    edit.append("extensions", {"date": today.isoformat(), "until": until.isoformat(),
                               "approved_by": approved_by, "reason": reason})
    edit.set("deadline", until.isoformat())
    return save(settings, edit, f"extended {lead_id}: deadline {deadline or '?'} → {until} "
                                f"(extension {count + 1} of {limit}, approved by {approved_by})")
