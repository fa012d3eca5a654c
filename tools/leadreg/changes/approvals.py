"""``leadreg approvals``: which changes need a manager, and whether one approved.

Managers are read from REF's registry.yaml, never from the pull request's own
version, so a pull request that makes its author a manager gains nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from leadreg.changes.compare import compare, settings_at
from leadreg.changes.gate import Verdict, decide, managers
from leadreg.changes.meaning import Event, explain
from leadreg.changes.settings_change import settings_events
from leadreg.github.client import GitHubClient, GitHubError
from leadreg.github.reviews import PullRequest, get_pull, list_reviews
from leadreg.loading import load_registry
from leadreg.settings import Rep, Settings


@dataclass
class Approvals:
    ref: str
    commit: str
    events: list[Event]
    managers: list[Rep]
    pull_number: int | None = None
    pull: PullRequest | None = None
    verdict: Verdict | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)  # why some reviews did not count, …

    @property
    def needed(self) -> list[Event]:
        return [e for e in self.events if e.needs_approval]

    @property
    def status(self) -> str:
        """not-needed, approved, waiting, unchecked (no pull request given) or error."""
        if not self.needed:
            return "not-needed"
        if self.error is not None:
            return "error"
        if self.verdict is None:
            return "unchecked"
        return "approved" if self.verdict.approved else "waiting"

    @property
    def exit_code(self) -> int:
        return 1 if self.status in ("waiting", "error") else 0


def gather(settings: Settings, ref: str) -> Approvals:
    """Compare REF with the working tree; no network."""
    result = load_registry(settings, rules=False)
    comparison = compare(settings, ref, result)
    base = settings_at(comparison.revision, settings)
    events = settings_events(base, settings) + explain(comparison, base)
    return Approvals(ref, comparison.revision.commit, events, managers(base, settings.today()))


def check_reviews(approvals: Approvals, client: GitHubClient, number: int) -> None:
    """Read the pull request's reviews and decide; an API failure is recorded, not raised."""
    approvals.pull_number = number
    if not approvals.needed:
        return
    try:
        approvals.pull = get_pull(client, number)
        reviews = list_reviews(client, number)
    except GitHubError as exc:
        approvals.error = f"cannot read the reviews of pull request #{number}: {exc}"
        return
    approvals.verdict = verdict = decide(approvals.pull, reviews, approvals.managers)
    approvals.notes = list(verdict.notes)
    if verdict.approved:
        approvers = {rep.id for rep in verdict.approvers}
        for event in approvals.needed:
            named = event.facts.get("approver")
            if event.kind == "extension" and named and named not in approvers:
                approvals.notes.append(f"{event.lead_id}: the extension names {named} as "
                                       "approver, who has not approved this pull request")
