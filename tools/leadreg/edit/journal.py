"""``leadreg log`` and ``leadreg evidence``: append to a lead's activities or evidence."""

from __future__ import annotations

import datetime as dt

from leadreg.edit.close import EVIDENCE_KINDS
from leadreg.edit.errors import EditError
from leadreg.edit.outcome import Outcome, known_rep, open_lead, save, text
from leadreg.settings import Settings


def log_activity(settings: Settings, lead_id: str, *, with_: str, note: str, by: str | None,
                 date: dt.date) -> Outcome:
    """Append ``{date, by, with, note}``; ``by`` defaults to the lead's owner."""
    with_ = text(with_, "--with")
    note = text(note, "--note")
    edit = open_lead(settings, lead_id)
    by = by or edit.doc.lead.owner
    if not by:
        raise EditError(f"{lead_id} has no owner; say who met the customer with --by REP")
    known_rep(settings, by)  # a rep who has left may still have visits logged
    edit.append("activities", {"date": date.isoformat(), "by": by, "with": with_, "note": note})
    return save(settings, edit, f"logged on {lead_id}: {date} {by} with {with_}")


def add_evidence(settings: Settings, lead_id: str, *, kind: str, note: str, date: dt.date
                 ) -> Outcome:
    """Append ``{kind, date, note}``; a lead in stage ``lead`` becomes an ``opportunity``."""
    if kind not in EVIDENCE_KINDS:
        raise EditError(f"--kind must be one of {', '.join(EVIDENCE_KINDS)}")
    note = text(note, "--note")
    edit = open_lead(settings, lead_id)
    edit.append("evidence", {"kind": kind, "date": date.isoformat(), "note": note})
    summary = f"evidence on {lead_id}: {kind} ({date})"
    if edit.doc.lead.stage == "lead":
        edit.set("stage", "opportunity")
        summary += "; stage lead → opportunity"
    return save(settings, edit, summary)
