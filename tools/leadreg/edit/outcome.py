"""What every helper shares: opening a lead, checking the rep's input, the result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from leadreg.diagnostics import Diagnostic
from leadreg.edit.document import LeadDocument, LeadEdit, locate
from leadreg.edit.errors import EditError
from leadreg.edit.save import checked_write
from leadreg.lead import CLOSED_STAGES
from leadreg.settings import Settings
from leadreg.sources import DiskSource


@dataclass
class Outcome:
    """A written change: the file, one line saying what changed, its warnings."""

    path: str
    summary: str
    warnings: list[Diagnostic] = field(default_factory=list)


def open_lead(settings: Settings, lead_id: str) -> LeadEdit:
    relpath = locate(settings, lead_id)
    return LeadEdit(LeadDocument.read(DiskSource(settings.root), relpath))


def save(settings: Settings, edit: LeadEdit, summary: str) -> Outcome:
    """Prove, check and write the edit; the outcome of a successful write."""
    warnings = checked_write(settings, edit.doc.relpath, edit.result(), original=edit.doc.raw)
    return Outcome(edit.doc.relpath, summary, warnings)


def text(value: str | None, option: str) -> str:
    """A required piece of text from the rep, trimmed; never empty."""
    value = (value or "").strip()
    if not value:
        raise EditError(f"{option} must not be empty")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise EditError(f"{option} is not valid UTF-8 text")
    return value


def require_active(edit: LeadEdit, action: str) -> None:
    lead = edit.doc.lead
    if lead.stage in CLOSED_STAGES:
        closed = edit.doc.data.get("closed")
        when = f" on {closed['date']}" if isinstance(closed, dict) and "date" in closed else ""
        raise EditError(f"{lead.id} is already {lead.stage}{when}; only an active lead can be "
                        f"{action}")


def known_rep(settings: Settings, rep_id: str) -> None:
    if rep_id not in settings.reps:
        known = ", ".join(sorted(settings.reps))
        raise EditError(f"{rep_id!r} is not a rep in registry.yaml (reps: {known})")


def require_rep(settings: Settings, rep_id: str, role: str, today: dt.date) -> None:
    """``rep_id`` is in registry.yaml and has not left (as of ``today``)."""
    known_rep(settings, rep_id)
    rep = settings.reps[rep_id]
    if rep.left and rep.left <= today.isoformat():
        raise EditError(f"{rep_id} left on {rep.left} and cannot be the {role}")
