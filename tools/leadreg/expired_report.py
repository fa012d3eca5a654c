"""What ``leadreg expired`` reports: leads past their deadline and those due soon.

The facts per lead (owner, assistants, deadline, days overdue, extensions
used of the maximum) are the same ones the nightly job puts into issues, so
both read them from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from leadreg.deadlines import DeadlineStatus, expired_and_due
from leadreg.lead import Lead
from leadreg.loading import LoadResult, load_registry
from leadreg.settings import Settings


@dataclass(frozen=True)
class Assistant:
    rep: str
    name: str
    share: int | float | None


@dataclass(frozen=True)
class LeadFacts:
    """One active lead's deadline facts, ready to print or to put in an issue."""

    id: str
    path: str
    title: str
    customer: str
    stage: str
    owner: str
    owner_name: str
    owner_github: str | None
    assistants: tuple[Assistant, ...]
    registered: str
    deadline: dt.date
    days_left: int
    extensions: int
    max_extensions: int

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)

    @property
    def expired_since(self) -> dt.date:
        return self.deadline + dt.timedelta(days=1)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "path": self.path, "title": self.title,
                "customer": self.customer, "stage": self.stage, "owner": self.owner,
                "owner_name": self.owner_name, "owner_github": self.owner_github,
                "assistants": [{"rep": a.rep, "name": a.name, "share": a.share}
                               for a in self.assistants],
                "registered": self.registered, "deadline": self.deadline.isoformat(),
                "days_left": self.days_left, "days_overdue": self.days_overdue,
                "extensions": self.extensions, "max_extensions": self.max_extensions}


def rep_name(settings: Settings, rep_id: str) -> str:
    rep = settings.reps.get(rep_id)
    return rep.name if rep else rep_id


def lead_facts(status: DeadlineStatus, settings: Settings) -> LeadFacts:
    lead = status.lead
    owner = lead.owner or ""
    rep = settings.reps.get(owner)
    assistants = tuple(
        Assistant(str(entry.get("rep", "")), rep_name(settings, str(entry.get("rep", ""))),
                  share if isinstance(share := entry.get("share"), int | float)
                  and not isinstance(share, bool) else None)
        for _, entry in lead.entries("assistants"))
    title = lead.data.get("title")
    registered = lead.data.get("registered")
    return LeadFacts(
        id=lead.id, path=lead.path, title=title if isinstance(title, str) else "",
        customer=lead.customer_name, stage=lead.stage or "", owner=owner,
        owner_name=rep.name if rep else owner, owner_github=rep.github if rep else None,
        assistants=assistants, registered=registered if isinstance(registered, str) else "",
        deadline=status.deadline, days_left=status.days_left,
        extensions=len(lead.entries("extensions")),
        max_extensions=settings.rules.max_extensions)


@dataclass
class DeadlineReport:
    today: dt.date
    warn_days: int
    timezone: str
    expired: list[LeadFacts]
    due_soon: list[LeadFacts]
    unreadable: list[str]  # lead files that did not parse: they may hide expired leads

    def to_json(self) -> dict[str, Any]:
        return {"today": self.today.isoformat(), "timezone": self.timezone,
                "warn_days": self.warn_days,
                "expired": [f.to_json() for f in self.expired],
                "due_soon": [f.to_json() for f in self.due_soon],
                "unreadable": self.unreadable}


def unreadable_files(result: LoadResult) -> list[str]:
    """Lead files that exist but gave no lead (invalid YAML, a symlink, a bad name…)."""
    loaded = {lead.path for lead in result.leads}
    return sorted({d.path for d in result.diagnostics
                   if PurePosixPath(d.path).suffix.lower() in (".yaml", ".yml")
                   and d.path not in loaded})


def deadline_report(settings: Settings, leads: list[Lead], today: dt.date,
                    unreadable: list[str] | None = None) -> DeadlineReport:
    warn_days = settings.rules.warn_days
    expired, due = expired_and_due(leads, today, warn_days)
    return DeadlineReport(today, warn_days, settings.timezone,
                          [lead_facts(s, settings) for s in expired],
                          [lead_facts(s, settings) for s in due], unreadable or [])


def build_report(settings: Settings, today: dt.date) -> DeadlineReport:
    """Read the registry (without the business rules: only dates matter) and report."""
    result = load_registry(settings, rules=False)
    return deadline_report(settings, result.leads, today, unreadable_files(result))


def text_lines(report: DeadlineReport) -> list[str]:
    """The report for a terminal: one line per lead, most urgent first."""
    lines = [f"expired ({len(report.expired)}), today {report.today} {report.timezone}:"]
    for f in report.expired:
        lines.append(f"  {f.path}  {f.customer}  owner {_who(f)}  deadline {f.deadline}  "
                     f"{f.days_overdue} day{'s' if f.days_overdue != 1 else ''} overdue  "
                     f"extensions {f.extensions}/{f.max_extensions}")
    lines.append(f"due within {report.warn_days} days ({len(report.due_soon)}):")
    for f in report.due_soon:
        left = "due today" if f.days_left == 0 else \
            f"{f.days_left} day{'s' if f.days_left != 1 else ''} left"
        lines.append(f"  {f.path}  {f.customer}  owner {_who(f)}  deadline {f.deadline}  {left}")
    return lines


def _who(f: LeadFacts) -> str:
    return f.owner if f.owner_name == f.owner else f"{f.owner} ({f.owner_name})"
