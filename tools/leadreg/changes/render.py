"""``leadreg approvals`` output: terminal text, JSON, and the Markdown step summary.

The summary is rendered by GitHub, so every value a rep wrote is escaped
(HTML, links, images, mentions, tables): reviewers read facts, never markup.
"""

from __future__ import annotations

import string
from typing import Any

from leadreg.changes.approvals import Approvals
from leadreg.changes.describe import short
from leadreg.changes.meaning import KINDS, Event
from leadreg.settings import Rep

TITLES = {
    "owner-change": "Owner changes", "extension": "Deadline extensions",
    "reopened": "Reopened leads", "settings": "Registry settings", "deleted": "Deleted leads (not allowed: close them instead)",
    "new-lead": "New leads", "stage": "Stage moves", "moved": "Moved files",
    "updated": "Other updates",
}
_PUNCTUATION = frozenset(string.punctuation)
_MAX_LINES = 2000  # per section: keeps the summary far below GitHub's 1 MiB


def escape(text: str) -> str:
    """Plain text inside Markdown: one line, every ASCII punctuation mark backslash-escaped."""
    return "".join("\\" + c if c in _PUNCTUATION else c for c in " ".join(text.split()))


def markdown_text(value: str) -> str:
    """A value a rep wrote, shortened and escaped."""
    return escape(short(value, 200))


def _who(rep: Rep) -> str:
    return f"{rep.id} (@{rep.github})" if rep.github else f"{rep.id} (no GitHub login)"


def status_lines(report: Approvals) -> list[str]:
    where = f"pull request #{report.pull_number}" if report.pull_number else "this change"
    status = report.status
    if status == "not-needed":
        return ["Nothing here needs a manager's approval."]
    if status == "error":
        return [f"Cannot tell whether a manager approved: {report.error}"]
    if status == "unchecked":
        return ["Reviews not checked: pass --pr N, or run inside a pull_request workflow."]
    assert report.verdict is not None
    notes = [f"note: {n}" for n in report.notes]
    if status == "approved":
        names = ", ".join(_who(r) for r in report.verdict.approvers)
        return [f"Approved on {where} by {names}.", *notes]
    candidates = ", ".join(_who(r) for r in report.verdict.waiting_for) or \
        f"nobody: no manager on {report.ref} other than the author has a GitHub login"
    return [f"Waiting for an approving review of {where} by a manager: {candidates}.", *notes]


def text(report: Approvals) -> str:
    needed = report.needed
    lines = []
    if needed:
        lines.append(f"Changes from {report.ref} that need a manager's approval ({len(needed)}):")
        lines += [f"  {e.path}: {e.render()}" for e in needed]
        managers = ", ".join(_who(r) for r in report.managers) or "none"
        lines.append(f"Managers on {report.ref}: {managers}")
    lines += status_lines(report)
    return "\n".join(lines) + "\n"


def payload(report: Approvals) -> dict[str, Any]:
    verdict = report.verdict
    return {
        "base": report.ref, "commit": report.commit, "status": report.status,
        "pull_request": report.pull_number,
        "author": report.pull.author if report.pull else None,
        "needs_approval": [e.to_json() for e in report.needed],
        "changes": [e.to_json() for e in report.events],
        "managers": [{"id": r.id, "github": r.github} for r in report.managers],
        "approved_by": [r.id for r in verdict.approvers] if verdict else [],
        "waiting_for": ([r.id for r in verdict.waiting_for]
                        if verdict and not verdict.approved else []),
        "notes": report.notes,
        "error": report.error,
    }


def _section(title: str, events: list[Event]) -> list[str]:
    lines = ["", f"### {title}", ""]
    lines += [f"- {e.render(markdown_text)}" for e in events[:_MAX_LINES]]
    if len(events) > _MAX_LINES:
        lines.append(f"- … and {len(events) - _MAX_LINES} more")
    return lines


def markdown(report: Approvals) -> str:
    """The step summary: the pull request's meaning in words, then the approval status."""
    lines = ["## What this change means", "",
             f"Compared with {escape(report.ref)} ({report.commit[:7]})."]
    if not report.events:
        lines += ["", "No lead changed."]
    needed = report.needed
    if needed:
        lines += _section("Needs a manager's approval", needed)
    for kind in KINDS:
        events = [e for e in report.events if e.kind == kind and not e.needs_approval]
        if events:
            lines += _section(TITLES[kind], events)
    lines += ["", "### Approval", ""]
    mark = {"approved": "✅", "waiting": "⏳", "error": "❌"}.get(report.status, "ℹ️")
    status = status_lines(report)
    lines.append(f"{mark} {escape(status[0])}")
    lines += [f"- {escape(n)}" for n in status[1:]]
    return "\n".join(lines) + "\n"
