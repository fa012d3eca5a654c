"""Issues, labels, comments and assignees of the fake repository.

Shapes follow the REST API (2022-11-28): an issue has number, title, body,
state, state_reason, labels[{name,…}], assignee(s)[{login,…}], user,
comments, timestamps; pull requests live in the same store with a
``pull_request`` key, and the issue list returns them too, as GitHub does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tests.fakegithub.server import FakeGitHub, Reply, Request, error, validation_failed

_COLOR = re.compile(r"[0-9a-fA-F]{6}\Z")
STATE_REASONS = ("completed", "not_planned", "reopened", "duplicate")


@dataclass
class IssueStore:
    """The repository's issues (and pull requests), labels and comments."""

    gh: FakeGitHub
    items: dict[int, dict[str, Any]] = field(default_factory=dict)
    labels: dict[str, dict[str, Any]] = field(default_factory=dict)  # lower-case name →
    comments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)

    # -- helpers for tests (not logged, no auth) ----------------------------------
    def add(self, title: str, body: str = "", *, labels: tuple[str, ...] = (),
            assignees: tuple[str, ...] = (), state: str = "open", author: str = "someone",
            extra: dict[str, Any] | None = None) -> dict[str, Any]:
        """Put an issue straight into the store (e.g. a human's issue)."""
        number = self.gh.next_number()
        now = self.gh.now()
        issue = {
            "id": self.gh.next_id(), "node_id": f"I_{number}", "number": number,
            "url": self.gh.api(f"/issues/{number}"),
            "repository_url": self.gh.api(""),
            "comments_url": self.gh.api(f"/issues/{number}/comments"),
            "html_url": self.gh.html(f"/issues/{number}"),
            "title": title, "body": body, "user": self.gh.user(author),
            "labels": [self.label(name) for name in labels],
            "state": state, "state_reason": "completed" if state == "closed" else None,
            "locked": False, "assignee": None, "assignees": [], "milestone": None,
            "comments": 0, "created_at": now, "updated_at": now,
            "closed_at": now if state == "closed" else None,
            "author_association": "MEMBER", "active_lock_reason": None,
        }
        _set_assignees(issue, [self.gh.user(a) for a in assignees])
        issue.update(extra or {})
        self.items[number] = issue
        self.comments[number] = []
        return issue

    def label(self, name: str, color: str = "ededed", description: str | None = None
              ) -> dict[str, Any]:
        """The label called ``name`` (any case), created when missing."""
        key = name.lower()
        if key not in self.labels:
            self.labels[key] = {"id": self.gh.next_id(), "node_id": f"LA_{name}",
                                "url": self.gh.api(f"/labels/{name}"), "name": name,
                                "color": color, "default": False, "description": description}
        return self.labels[key]

    def open_issues(self, marker: str | None = None) -> list[dict[str, Any]]:
        return [i for i in self.issues() if i["state"] == "open"
                and (marker is None or marker in (i["body"] or ""))]

    def issues(self) -> list[dict[str, Any]]:
        return [i for i in self.items.values() if "pull_request" not in i]

    def comment_bodies(self, number: int) -> list[str]:
        return [c["body"] for c in self.comments.get(number, [])]

    # -- route handlers --------------------------------------------------------------
    def list_issues(self, req: Request) -> Reply:
        state = req.query.get("state", "open")
        if state not in ("open", "closed", "all"):
            return validation_failed("Issue", "state", "invalid", state)
        wanted = {n.strip().lower() for n in req.query.get("labels", "").split(",") if n.strip()}
        found = []
        for issue in self.items.values():
            if state != "all" and issue["state"] != state:
                continue
            names = {lab["name"].lower() for lab in issue["labels"]}
            if not wanted <= names:
                continue
            if not _matches_person(issue, req.query):
                continue
            found.append(issue)
        sort = req.query.get("sort", "created")
        key = {"created": "created_at", "updated": "updated_at", "comments": "comments"}.get(sort)
        if key is None:
            return validation_failed("Issue", "sort", "invalid", sort)
        reverse = req.query.get("direction", "desc") != "asc"
        found.sort(key=lambda i: (i[key], i["number"]), reverse=reverse)
        return self.gh.paginate(req, found)

    def get_issue(self, req: Request) -> Reply:
        issue = self.items.get(req.int_param("number"))
        return Reply(200, issue) if issue else error(404, "Not Found")

    def create_issue(self, req: Request) -> Reply:
        body = req.body if isinstance(req.body, dict) else {}
        title = body.get("title")
        if not isinstance(title, str) or not title.strip():
            return validation_failed("Issue", "title", "missing_field")
        assignees = _wanted_assignees(body)
        bad = self._unknown_user(assignees)
        if bad is not None:
            return validation_failed("Issue", "assignees", "invalid", bad)
        issue = self.add(title, body.get("body") or "", author=self.gh.login,
                         labels=tuple(_label_names(body.get("labels", []))),
                         assignees=tuple(assignees))
        issue["author_association"] = "NONE"
        return Reply(201, issue, {"Location": issue["url"]})

    def update_issue(self, req: Request) -> Reply:
        issue = self.items.get(req.int_param("number"))
        if issue is None:
            return error(404, "Not Found")
        body = req.body if isinstance(req.body, dict) else {}
        if "assignees" in body or "assignee" in body:
            assignees = _wanted_assignees(body)
            bad = self._unknown_user(assignees)
            if bad is not None:
                return validation_failed("Issue", "assignees", "invalid", bad)
        state = body.get("state")
        if state is not None and state not in ("open", "closed"):
            return validation_failed("Issue", "state", "invalid", state)
        reason = body.get("state_reason")
        if reason is not None and reason not in STATE_REASONS:
            return validation_failed("Issue", "state_reason", "invalid", reason)
        for key in ("title", "body"):
            if key in body:
                issue[key] = body[key]
        if "labels" in body:
            issue["labels"] = [self.label(n) for n in _label_names(body["labels"])]
        if "assignees" in body or "assignee" in body:
            _set_assignees(issue, [self.gh.user(a) for a in _wanted_assignees(body)])
        now = self.gh.now()
        if state == "closed" and issue["state"] != "closed":
            issue.update(state="closed", closed_at=now, state_reason=reason or "completed",
                         closed_by=self.gh.user(self.gh.login))
        elif state == "open" and issue["state"] != "open":
            issue.update(state="open", closed_at=None, state_reason=reason or "reopened",
                         closed_by=None)
        elif reason is not None:
            issue["state_reason"] = reason
        issue["updated_at"] = now
        return Reply(200, issue)

    def list_comments(self, req: Request) -> Reply:
        number = req.int_param("number")
        if number not in self.items:
            return error(404, "Not Found")
        return self.gh.paginate(req, self.comments[number])

    def create_comment(self, req: Request) -> Reply:
        number = req.int_param("number")
        issue = self.items.get(number)
        if issue is None:
            return error(404, "Not Found")
        text = req.body.get("body") if isinstance(req.body, dict) else None
        if not isinstance(text, str) or not text:
            return validation_failed("IssueComment", "body", "missing_field")
        now = self.gh.now()
        comment_id = self.gh.next_id()
        comment = {"id": comment_id, "node_id": f"IC_{comment_id}",
                   "url": self.gh.api(f"/issues/comments/{comment_id}"),
                   "html_url": self.gh.html(f"/issues/{number}#issuecomment-{comment_id}"),
                   "issue_url": issue["url"], "body": text, "user": self.gh.user(self.gh.login),
                   "created_at": now, "updated_at": now, "author_association": "NONE"}
        self.comments[number].append(comment)
        issue["comments"] += 1
        issue["updated_at"] = now
        return Reply(201, comment, {"Location": comment["url"]})

    def list_labels(self, req: Request) -> Reply:
        return self.gh.paginate(req, sorted(self.labels.values(), key=lambda lab: lab["id"]))

    def get_label(self, req: Request) -> Reply:
        found = self.labels.get(req.params["name"].lower())
        return Reply(200, found) if found else error(404, "Not Found")

    def create_label(self, req: Request) -> Reply:
        body = req.body if isinstance(req.body, dict) else {}
        name = body.get("name")
        if not isinstance(name, str) or not name.strip():
            return validation_failed("Label", "name", "missing_field")
        if name.lower() in self.labels:
            return validation_failed("Label", "name", "already_exists", name)
        color = str(body.get("color", "ededed")).lstrip("#")
        if not _COLOR.match(color):
            return validation_failed("Label", "color", "invalid", color)
        return Reply(201, self.label(name, color.lower(), body.get("description")))

    def list_assignees(self, req: Request) -> Reply:
        return self.gh.paginate(req, [self.gh.user(u) for u in sorted(self.gh.users)])

    def check_assignee(self, req: Request) -> Reply:
        login = req.params["login"]
        known = any(u.lower() == login.lower() for u in self.gh.users)
        return Reply(204) if known else error(404, "Not Found")

    def _unknown_user(self, logins: list[str]) -> str | None:
        known = {u.lower() for u in self.gh.users}
        return next((login for login in logins if login.lower() not in known), None)


def _label_names(labels: Any) -> list[str]:
    names = []
    for item in labels if isinstance(labels, list) else []:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name and name not in names:
            names.append(name)
    return names


def _wanted_assignees(body: dict[str, Any]) -> list[str]:
    wanted = body.get("assignees")
    if wanted is None and body.get("assignee"):
        wanted = [body["assignee"]]
    return [w for w in (wanted or []) if isinstance(w, str)]


def _set_assignees(issue: dict[str, Any], users: list[dict[str, Any]]) -> None:
    issue["assignees"] = users
    issue["assignee"] = users[0] if users else None


def _matches_person(issue: dict[str, Any], query: dict[str, str]) -> bool:
    assignee = query.get("assignee")
    logins = {a["login"].lower() for a in issue["assignees"]}
    if assignee == "none" and logins:
        return False
    if assignee == "*" and not logins:
        return False
    if assignee not in (None, "none", "*") and assignee.lower() not in logins:
        return False
    creator = query.get("creator")
    return creator is None or issue["user"]["login"].lower() == creator.lower()


def install(gh: FakeGitHub) -> None:
    store = IssueStore(gh)
    gh.issues = store  # type: ignore[attr-defined]
    base = "/repos/{owner}/{repo}"
    gh.route("GET", f"{base}/issues", store.list_issues)
    gh.route("POST", f"{base}/issues", store.create_issue)
    gh.route("GET", f"{base}/issues/{{number}}", store.get_issue)
    gh.route("PATCH", f"{base}/issues/{{number}}", store.update_issue)
    gh.route("GET", f"{base}/issues/{{number}}/comments", store.list_comments)
    gh.route("POST", f"{base}/issues/{{number}}/comments", store.create_comment)
    gh.route("GET", f"{base}/labels", store.list_labels)
    gh.route("POST", f"{base}/labels", store.create_label)
    gh.route("GET", f"{base}/labels/{{name}}", store.get_label)
    gh.route("GET", f"{base}/assignees", store.list_assignees)
    gh.route("GET", f"{base}/assignees/{{login}}", store.check_assignee)
