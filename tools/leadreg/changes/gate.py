"""Whether a manager approved a pull request, from its reviews.

Rules, as GitHub itself counts approvals: a reviewer's latest review that
approves, requests changes or was dismissed is their verdict (a later plain
comment does not withdraw an approval); the pull request's author never
approves their own change; and an approval counts only for the commit it was
given on, so pushing more changes after an approval needs a fresh one.
Managers are whoever REF's registry.yaml names, matched by GitHub login.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from leadreg.github.reviews import PullRequest, Review
from leadreg.lead import parse_date
from leadreg.settings import Rep, Settings

_VERDICTS = ("APPROVED", "CHANGES_REQUESTED", "DISMISSED")


@dataclass(frozen=True)
class Verdict:
    approvers: tuple[Rep, ...]
    waiting_for: tuple[Rep, ...]  # managers who could still approve
    notes: tuple[str, ...] = field(default=())

    @property
    def approved(self) -> bool:
        return bool(self.approvers)


def managers(settings: Settings, today: dt.date) -> list[Rep]:
    """Managers who have not left, by id."""
    found = []
    for rep in settings.reps.values():
        left = parse_date(rep.left)
        if rep.manager and (left is None or left > today):
            found.append(rep)
    return sorted(found, key=lambda r: r.id)


def latest_verdicts(reviews: list[Review]) -> dict[str, Review]:
    """Each reviewer's (lower-cased login) latest approving/rejecting/dismissed review."""
    latest: dict[str, Review] = {}
    for review in sorted(reviews, key=lambda r: (r.submitted_at, r.id)):
        if review.login and review.state in _VERDICTS:
            latest[review.login.lower()] = review
    return latest


def decide(pull: PullRequest, reviews: list[Review], candidates: list[Rep]) -> Verdict:
    by_login = {rep.github.lower(): rep for rep in candidates if rep.github}
    author = (pull.author or "").lower()
    approvers: list[Rep] = []
    notes: list[str] = []
    for login, review in sorted(latest_verdicts(reviews).items()):
        rep = by_login.get(login)
        if review.state != "APPROVED":
            if rep is not None and login != author:
                what = "was dismissed" if review.state == "DISMISSED" else "requests changes"
                notes.append(f"the review by {rep.id} (@{review.login}) {what}")
            continue
        if login == author:
            notes.append(f"@{review.login} wrote the pull request and cannot approve it")
        elif rep is None:
            notes.append(f"@{review.login} approved but is not a manager on the base branch")
        elif pull.head_sha and review.commit_id and review.commit_id != pull.head_sha:
            notes.append(f"{rep.id} (@{review.login}) approved commit {review.commit_id[:7]}, "
                         f"not the latest {pull.head_sha[:7]}: approve again")
        else:
            approvers.append(rep)
    waiting = tuple(rep for rep in candidates if rep.github and rep.github.lower() != author)
    return Verdict(tuple(approvers), waiting, tuple(notes))
