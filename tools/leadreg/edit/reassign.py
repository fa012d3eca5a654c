"""``leadreg reassign``: a new owner; the former owner stays on as an assistant."""

from __future__ import annotations

import datetime as dt

from leadreg.edit.errors import EditError
from leadreg.edit.outcome import Outcome, open_lead, require_active, require_rep, save, text
from leadreg.settings import Settings


def _assistant_index(data: dict, rep: str) -> int | None:
    assistants = data.get("assistants")
    if not isinstance(assistants, list):
        return None
    for i, entry in enumerate(assistants):
        if isinstance(entry, dict) and entry.get("rep") == rep:
            return i
    return None


def reassign(settings: Settings, lead_id: str, *, to: str, reason: str, share: int | None,
             today: dt.date) -> Outcome:
    """Hand the lead to ``to``: history entry, owner, former owner kept as assistant.

    The former owner keeps credit (SPEC §1.3): an existing assistant entry is
    reused (``--share`` updates its share), otherwise one is added with
    ``since: today``.  The new owner stops being an assistant.
    """
    reason = text(reason, "--reason")
    if share is not None and not 0 <= share <= 100:
        raise EditError("--share is a percentage from 0 to 100")
    edit = open_lead(settings, lead_id)
    require_active(edit, "reassigned")
    require_rep(settings, to, "owner", today)
    old = edit.doc.lead.owner
    if not old:
        raise EditError(f"{lead_id} has no owner to hand over from; fix owner: by hand first")
    if old == to:
        raise EditError(f"{to} already owns {lead_id}")
    edit.set("owner", to)
    kept = _assistant_index(edit.expected, old)
    if kept is None:
        entry: dict[str, object] = {"rep": old}
        if share is not None:
            entry["share"] = share
        entry["since"] = today.isoformat()
        edit.append("assistants", entry)
    elif share is not None:
        edit.set_field("assistants", kept, "share", share)
    promoted = _assistant_index(edit.expected, to)
    if promoted is not None:
        edit.remove("assistants", promoted)
    edit.append("history", {"date": today.isoformat(), "from": old, "to": to, "reason": reason})
    credit = f" with {share}%" if share is not None else ""
    return save(settings, edit, f"reassigned {lead_id}: {old} → {to}; {old} stays as "
                                f"assistant{credit}")
