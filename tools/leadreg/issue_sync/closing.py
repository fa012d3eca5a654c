"""Why an issue closes, said once in a comment before it is closed.

Each closing comment carries a marker naming the issue and the reason
(``closing:lead-expired:ID:deadline-2027-03-31``): a run that posted the comment
but failed to close finds it and only closes, so no comment is ever posted twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from leadreg.diagnostics import Report
from leadreg.issue_sync import markers
from leadreg.issue_sync.bodies import Context
from leadreg.issue_sync.markdown import inline
from leadreg.lead import CLOSED_STAGES, Lead


@dataclass(frozen=True)
class Closing:
    reason: str        # one line, for the plan and the step summary
    comment: str       # the comment text, ending with its marker
    marker: str        # the marker to look for among the issue's comments
    state_reason: str  # completed | not_planned


def _closing(key: str, signature: str, text: str, reason: str, state_reason: str = "completed"
             ) -> Closing:
    mark = markers.closing_marker(key, signature)
    return Closing(reason, f"{text}\n\n{mark}\n", mark, state_reason)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _last(lead: Lead, key: str) -> dict[str, object] | None:
    entries = lead.entries(key)
    return entries[-1][1] if entries else None


def expired_closing(lead_id: str, lead: Lead | None, ctx: Context, today: dt.date
                    ) -> Closing | None:
    """Why lead ``lead_id`` is no longer expired; None when that cannot be told (a file
    that does not parse, a deadline that is not a date): then its issue is left alone."""
    t = ctx.t
    key = markers.expired_key(lead_id)
    if lead is None:
        reason = t("close.gone")
        return _closing(key, "gone", t("close.expired_comment", id=lead_id, reason=reason),
                        reason, "not_planned")
    if lead.stage in CLOSED_STAGES:
        closed = lead.data.get("closed")
        closed = closed if isinstance(closed, dict) else {}
        date, why = _text(closed.get("date")), _text(closed.get("reason"))
        reason = t("close.lead_closed", stage=lead.stage, date=date or "?", reason=inline(why))
        return _closing(key, f"{lead.stage}-{date}",
                        t("close.expired_comment", id=lead_id, reason=reason), reason)
    deadline = lead.date("deadline")
    if not lead.active or deadline is None or deadline < today:
        return None
    reason = t("close.deadline", deadline=deadline.isoformat())
    extension = _last(lead, "extensions")
    if extension and _text(extension.get("until")) == deadline.isoformat():
        reason += t("close.extension", approver=inline(ctx.rep(_text(extension.get("approved_by")))),
                    date=_text(extension.get("date")), reason=inline(_text(extension.get("reason"))))
    reason += t("close.owner", owner=inline(ctx.rep(lead.owner or "")))
    handover = _last(lead, "history")
    if handover and _text(handover.get("to")) == lead.owner:
        reason += t("close.reassigned", former=inline(ctx.rep(_text(handover.get("from")))),
                    date=_text(handover.get("date")))
    return _closing(key, f"deadline-{deadline}",
                    t("close.expired_comment", id=lead_id, reason=reason), reason)


def duplicate_closing(key: str, keep: int, ctx: Context) -> Closing:
    text = ctx.t("close.duplicate", number=keep)
    return _closing(key, f"duplicate-of-{keep}", text, f"duplicate of #{keep}", "not_planned")


def due_soon_closing(ctx: Context, today: dt.date) -> Closing:
    text = ctx.t("due.close", warn_days=ctx.settings.rules.warn_days)
    return _closing(markers.DUE_SOON, today.isoformat(), text, "no lead is due soon")


def check_closing(report: Report, ctx: Context, today: dt.date) -> Closing:
    text = ctx.t("check.close", leads=report.leads)
    return _closing(markers.CHECK_FAILED, today.isoformat(), text, "leadreg check passes")
