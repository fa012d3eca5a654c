"""What the registry wants the issues to be: the target state the planner diffs against.

One issue per expired lead, one digest while leads are due soon, one
check-failed issue while ``leadreg check`` fails; and, for every other
issue of ours, why it should close (or that it must be left alone).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import PurePosixPath

from leadreg.diagnostics import Report
from leadreg.expired_report import deadline_report, unreadable_files
from leadreg.github.issues import Label
from leadreg.issue_sync import bodies, markers
from leadreg.issue_sync.bodies import Context
from leadreg.issue_sync.closing import (
    Closing,
    check_closing,
    due_soon_closing,
    duplicate_closing,
    expired_closing,
)
from leadreg.lead import Lead
from leadreg.loading import LoadResult

LABELS: dict[str, Label] = {
    markers.EXPIRED: Label("lead-expired", "d73a4a",
                           "A lead past its deadline: extend, close or reassign it (leadreg)"),
    markers.DUE_SOON: Label("lead-due-soon", "fbca04", "Leads whose deadline is near (leadreg)"),
    markers.CHECK_FAILED: Label("leadreg-check-failed", "b60205",
                                "leadreg check fails on the default branch (leadreg)"),
}

Render = Callable[[dt.date, bool], str]


@dataclass(frozen=True)
class Desired:
    """One issue that should be open, as it should read."""

    key: str
    title: str
    label: Label
    assignee: str | None  # the GitHub login it should be assigned to
    render: Render        # body for (as_of, assignable)
    day_counts: bool      # the body has day counts that change daily


@dataclass
class Target:
    today: dt.date
    desired: dict[str, Desired]
    ctx: Context
    leads: dict[str, Lead]
    unreadable: set[str]           # ids of lead files that do not parse
    report: Report
    notes: list[str] = field(default_factory=list)

    def closing(self, key: str) -> Closing | None:
        """Why our issue ``key`` should close now; None: leave it alone."""
        kind = markers.kind_of(key)
        if kind == markers.DUE_SOON:
            return due_soon_closing(self.ctx, self.today)
        if kind == markers.CHECK_FAILED:
            return check_closing(self.report, self.ctx, self.today)
        lead_id = markers.lead_id_of(key) or ""
        if lead_id in self.unreadable:
            return None
        return expired_closing(lead_id, self.leads.get(lead_id), self.ctx, self.today)

    def duplicate(self, key: str, keep: int) -> Closing:
        return duplicate_closing(key, keep, self.ctx)


def build_target(result: LoadResult, report: Report, ctx: Context, today: dt.date) -> Target:
    """The issues the registry in ``result`` (checked as ``report``) asks for on ``today``."""
    settings = ctx.settings
    unreadable = unreadable_files(result)
    deadlines = deadline_report(settings, result.leads, today, unreadable)
    desired: dict[str, Desired] = {}
    for facts in deadlines.expired:
        key = markers.expired_key(facts.id)
        if key in desired:  # two files with one id: check reports it; one issue is enough
            continue
        desired[key] = Desired(
            key, bodies.expired_title(facts, ctx), LABELS[markers.EXPIRED], facts.owner_github,
            partial(bodies.expired_body, facts, ctx),
            day_counts=True)
    if deadlines.due_soon:
        due = deadlines.due_soon
        desired[markers.DUE_SOON] = Desired(
            markers.DUE_SOON, bodies.due_soon_title(ctx), LABELS[markers.DUE_SOON], None,
            lambda as_of, assignable: bodies.due_soon_body(due, ctx, today), day_counts=False)
    if report.errors:
        desired[markers.CHECK_FAILED] = Desired(
            markers.CHECK_FAILED, bodies.check_failed_title(ctx), LABELS[markers.CHECK_FAILED],
            None, lambda as_of, assignable: bodies.check_failed_body(report, ctx),
            day_counts=False)
    leads: dict[str, Lead] = {}
    for lead in result.leads:
        leads.setdefault(lead.id, lead)
    notes = [f"{path} does not parse: its issue, if any, is left as it is"
             for path in unreadable]
    return Target(today, desired, ctx, leads, {PurePosixPath(p).stem for p in unreadable},
                  report, notes)
