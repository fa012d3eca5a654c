"""A pull request and its reviews, read from the GitHub REST API for ``leadreg approvals``.

Only the fields the approval gate needs are kept; anything malformed in an
answer becomes a :class:`GitHubError` rather than a traceback.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from leadreg.github.client import GitHubClient, GitHubError

PR_EVENTS = ("pull_request", "pull_request_review", "pull_request_target")


@dataclass(frozen=True)
class PullRequest:
    number: int
    author: str | None
    head_sha: str | None
    state: str


@dataclass(frozen=True)
class Review:
    id: int
    login: str | None
    state: str  # APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING
    commit_id: str | None
    submitted_at: str


def _login(user: Any) -> str | None:
    login = user.get("login") if isinstance(user, dict) else None
    return login if isinstance(login, str) and login else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def get_pull(client: GitHubClient, number: int) -> PullRequest:
    path = client.repo_path(f"/pulls/{number}")
    body = client.request("GET", path).body
    if not isinstance(body, dict):
        raise GitHubError(200, "the pull request is not a JSON object", "GET", path)
    head = body.get("head")
    head = head if isinstance(head, dict) else {}
    return PullRequest(number, _login(body.get("user")), _text(head.get("sha")),
                       _text(body.get("state")) or "open")


def list_reviews(client: GitHubClient, number: int) -> list[Review]:
    """Every submitted review, oldest first (GitHub lists them chronologically)."""
    path = client.repo_path(f"/pulls/{number}/reviews")
    reviews = []
    for position, item in enumerate(client.paginate(path)):
        if not isinstance(item, dict) or not isinstance(item.get("state"), str):
            raise GitHubError(200, "a review is not a JSON object with a state", "GET", path)
        review_id = item.get("id")
        reviews.append(Review(review_id if isinstance(review_id, int) else position,
                              _login(item.get("user")), item["state"].upper(),
                              _text(item.get("commit_id")), _text(item.get("submitted_at")) or ""))
    return reviews


def pull_number_from_event(environ: dict[str, str] | None = None) -> int | None:
    """The pull request of a ``pull_request``/``pull_request_review`` workflow run, if any."""
    env = os.environ if environ is None else environ
    if env.get("GITHUB_EVENT_NAME") not in PR_EVENTS or not env.get("GITHUB_EVENT_PATH"):
        return None
    try:
        with open(env["GITHUB_EVENT_PATH"], encoding="utf-8") as fh:
            event = json.load(fh)
    except (OSError, ValueError) as exc:
        raise GitHubError(0, f"cannot read the workflow event {env['GITHUB_EVENT_PATH']}: "
                          f"{exc}") from None
    pull = event.get("pull_request") if isinstance(event, dict) else None
    number = pull.get("number") if isinstance(pull, dict) else None
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise GitHubError(0, "the workflow event names no pull request number")
    return number
