"""Pull requests and their reviews, for ``leadreg approvals``.

Shapes follow the REST API (2022-11-28): ``GET /repos/{o}/{r}/pulls/{n}``
returns the pull request (``user``, ``head.sha``, ``base``, ``state``, …) and
``GET /repos/{o}/{r}/pulls/{n}/reviews`` lists submitted reviews oldest first,
paginated, each with ``user``, ``state`` (APPROVED, CHANGES_REQUESTED,
COMMENTED, DISMISSED), ``commit_id`` and ``submitted_at``.  Pending reviews are
only visible to their author, so the list never shows them.  A pull request is
also an issue (same number sequence, ``pull_request`` key), as on GitHub.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from tests.fakegithub.server import FakeGitHub, Reply, Request, error

REVIEW_STATES = ("APPROVED", "CHANGES_REQUESTED", "COMMENTED", "PENDING")


def fake_sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


@dataclass
class PullStore:
    gh: FakeGitHub
    pulls: dict[int, dict[str, Any]] = field(default_factory=dict)
    reviews: dict[int, list[dict[str, Any]]] = field(default_factory=dict)

    # -- helpers for tests (not logged, no auth) ----------------------------------
    def open(self, author: str, *, head_sha: str | None = None, base_sha: str | None = None,
             title: str = "Update leads", head_ref: str = "update-leads",
             base_ref: str = "main") -> dict[str, Any]:
        """A new open pull request by ``author``."""
        self.gh.users.add(author)
        issues = getattr(self.gh, "issues", None)
        number = self.gh.next_number()
        now = self.gh.now()
        head_sha = head_sha or fake_sha(f"head-{number}")
        base_sha = base_sha or fake_sha(f"base-{number}")
        pull = {
            "url": self.gh.api(f"/pulls/{number}"), "id": self.gh.next_id(),
            "node_id": f"PR_{number}", "html_url": self.gh.html(f"/pull/{number}"),
            "diff_url": self.gh.html(f"/pull/{number}.diff"),
            "patch_url": self.gh.html(f"/pull/{number}.patch"),
            "issue_url": self.gh.api(f"/issues/{number}"), "number": number,
            "state": "open", "locked": False, "title": title, "user": self.gh.user(author),
            "body": "", "created_at": now, "updated_at": now, "closed_at": None,
            "merged_at": None, "merge_commit_sha": None, "assignee": None, "assignees": [],
            "requested_reviewers": [], "requested_teams": [], "labels": [], "milestone": None,
            "draft": False, "author_association": "MEMBER", "auto_merge": None,
            "head": self._branch(head_ref, head_sha, author),
            "base": self._branch(base_ref, base_sha, self.gh.repository.split("/")[0]),
            "merged": False, "mergeable": True, "mergeable_state": "blocked",
            "comments": 0, "review_comments": 0, "commits": 1,
        }
        self.pulls[number] = pull
        self.reviews[number] = []
        if issues is not None:  # the issue side of the pull request, as GitHub lists it
            issues.items[number] = {**pull, "pull_request": {"url": pull["url"],
                                                             "html_url": pull["html_url"]}}
            issues.comments[number] = []
        return pull

    def _branch(self, ref: str, sha: str, owner: str) -> dict[str, Any]:
        return {"label": f"{owner}:{ref}", "ref": ref, "sha": sha, "user": self.gh.user(owner),
                "repo": {"full_name": self.gh.repository, "name":
                         self.gh.repository.split("/")[1]}}

    def push(self, number: int, head_sha: str) -> None:
        """New commits on the pull request's branch."""
        self.pulls[number]["head"]["sha"] = head_sha
        self.pulls[number]["updated_at"] = self.gh.now()

    def review(self, number: int, login: str, state: str = "APPROVED", *,
               commit_id: str | None = None, body: str = "") -> dict[str, Any]:
        """``login`` submits a review (on the current head unless ``commit_id`` says)."""
        if state not in REVIEW_STATES:
            raise ValueError(f"unknown review state {state}")
        self.gh.users.add(login)
        pull = self.pulls[number]
        review_id = self.gh.next_id()
        review = {
            "id": review_id, "node_id": f"PRR_{review_id}", "user": self.gh.user(login),
            "body": body, "state": state,
            "html_url": f"{pull['html_url']}#pullrequestreview-{review_id}",
            "pull_request_url": pull["url"],
            "_links": {"html": {"href": f"{pull['html_url']}#pullrequestreview-{review_id}"},
                       "pull_request": {"href": pull["url"]}},
            "submitted_at": None if state == "PENDING" else self.gh.now(),
            "commit_id": commit_id or pull["head"]["sha"],
            "author_association": "MEMBER",
        }
        self.reviews[number].append(review)
        return review

    def dismiss(self, number: int, review_id: int) -> None:
        """A maintainer dismisses a review: GitHub turns its state into DISMISSED."""
        for review in self.reviews[number]:
            if review["id"] == review_id:
                review["state"] = "DISMISSED"
                return
        raise KeyError(review_id)

    # -- route handlers --------------------------------------------------------------
    def get_pull(self, req: Request) -> Reply:
        pull = self.pulls.get(req.int_param("number"))
        return Reply(200, pull) if pull else error(404, "Not Found")

    def list_reviews(self, req: Request) -> Reply:
        number = req.int_param("number")
        if number not in self.pulls:
            return error(404, "Not Found")
        visible = [r for r in self.reviews[number] if r["state"] != "PENDING"]
        return self.gh.paginate(req, visible)


def install(gh: FakeGitHub) -> None:
    store = PullStore(gh)
    gh.pulls = store  # type: ignore[attr-defined]
    base = "/repos/{owner}/{repo}"
    gh.route("GET", f"{base}/pulls/{{number}}", store.get_pull)
    gh.route("GET", f"{base}/pulls/{{number}}/reviews", store.list_reviews)
