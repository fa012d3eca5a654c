"""One run of the nightly job: read and check the registry, list our issues, plan, apply.

No state is kept anywhere but in the repository and the issues themselves:
every run plans from scratch, which is what makes a failed or budget-stopped
run safe to simply repeat.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from leadreg.checker import registry_diagnostics
from leadreg.diagnostics import Diagnostic, Report
from leadreg.github.issues import Issue, IssueAPI
from leadreg.issue_sync.apply import Applied, apply_plan
from leadreg.issue_sync.bodies import Context
from leadreg.issue_sync.links import Links
from leadreg.issue_sync.plan import Plan, make_plan
from leadreg.issue_sync.target import LABELS, build_target
from leadreg.loading import LoadResult, load_registry
from leadreg.settings import Settings


@dataclass
class SyncRun:
    plan: Plan
    applied: Applied | None  # None for a dry run

    @property
    def ok(self) -> bool:
        return self.applied is None or self.applied.ok


def our_issues(api: IssueAPI) -> list[Issue]:
    """Every issue under one of our labels, open or closed (the planner checks markers)."""
    found: list[Issue] = []
    for label in LABELS.values():
        found += api.issues_with_label(label.name)
    return found


def checked_registry(settings: Settings) -> tuple[LoadResult, Report]:
    """Load the registry and run ``leadreg check`` on it in-process (no ``--base``)."""
    result = load_registry(settings)
    diagnostics = result.diagnostics + registry_diagnostics(result, settings)
    diagnostics.sort(key=Diagnostic.sort_key)
    return result, Report(diagnostics, len(result.leads))


def sync_issues(settings: Settings, api: IssueAPI, today: dt.date, links: Links,
                dry_run: bool = False) -> SyncRun:
    """Make the repository's issues match the registry (GitHubError: listing failed)."""
    result, report = checked_registry(settings)
    target = build_target(result, report, Context(settings, links), today)
    plan = make_plan(target, our_issues(api), api.assignable)
    if dry_run:
        return SyncRun(plan, None)
    return SyncRun(plan, apply_plan(plan, api, today))
