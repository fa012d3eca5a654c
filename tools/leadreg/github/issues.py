"""The issue, label, comment and assignee calls the nightly job makes.

Lists always go through pagination of the repository's own issue list (by
label, all states), never the search API: search lags behind writes and
splits words, so a marker lookup there could miss a fresh issue and create a
duplicate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from leadreg.github.client import GitHubClient, GitHubError


@dataclass(frozen=True)
class Issue:
    number: int
    title: str
    body: str
    state: str  # open | closed
    labels: tuple[str, ...]
    assignees: tuple[str, ...]
    html_url: str

    @property
    def open(self) -> bool:
        return self.state == "open"

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> Issue:
        def names(key: str, attr: str) -> tuple[str, ...]:
            return tuple(str(x.get(attr, "")) for x in item.get(key) or () if isinstance(x, dict))
        return cls(number=int(item["number"]), title=str(item.get("title") or ""),
                   body=str(item.get("body") or ""), state=str(item.get("state") or "open"),
                   labels=names("labels", "name"), assignees=names("assignees", "login"),
                   html_url=str(item.get("html_url") or ""))


@dataclass(frozen=True)
class Label:
    name: str
    color: str
    description: str


class IssueAPI:
    """Calls on one repository's issues; every write goes through the client's budget."""

    def __init__(self, client: GitHubClient) -> None:
        self.client = client
        self._labels: dict[str, str] | None = None
        self._assignable: dict[str, bool] = {}

    def _path(self, suffix: str) -> str:
        return self.client.repo_path(suffix)

    def issues_with_label(self, label: str) -> list[Issue]:
        """Every issue (not pull request) carrying ``label``, open or closed."""
        found = []
        for item in self.client.paginate(self._path("/issues"),
                                         {"labels": label, "state": "all",
                                          "sort": "created", "direction": "asc"}):
            if isinstance(item, dict) and "pull_request" not in item:
                found.append(_issue(item))
        return found

    def label_names(self) -> set[str]:
        if self._labels is None:
            self._labels = {str(item.get("name", "")).lower(): str(item.get("name", ""))
                            for item in self.client.paginate(self._path("/labels"))
                            if isinstance(item, dict)}
        return set(self._labels)

    def ensure_label(self, label: Label) -> bool:
        """Create ``label`` unless the repository has it; True when it was created."""
        if label.name.lower() in self.label_names():
            return False
        try:
            self.client.request("POST", self._path("/labels"), retry_unsafe=True,
                                json_body={"name": label.name, "color": label.color,
                                           "description": label.description})
        except GitHubError as exc:
            if not exc.about_field("name"):  # already_exists: someone else made it
                raise
        assert self._labels is not None
        self._labels[label.name.lower()] = label.name
        return True

    def assignable(self, login: str) -> bool:
        """Whether ``login`` may be assigned issues here (a read; cached per run)."""
        if login not in self._assignable:
            try:
                self.client.request("GET", self._path(f"/assignees/{login}"))
                self._assignable[login] = True
            except GitHubError as exc:
                # 404: not assignable. Anything else: try, and let a 422 tell
                self._assignable[login] = exc.status != 404
        return self._assignable[login]

    def create(self, title: str, body: str, labels: list[str], assignees: list[str],
               find_existing: Callable[[], Issue | None]) -> Issue:
        """Open an issue; ``find_existing`` looks for it after a lost answer."""
        payload: dict[str, Any] = {"title": title, "body": body, "labels": labels}
        if assignees:
            payload["assignees"] = assignees
        result = self._post_once(self._path("/issues"), payload, find_existing)
        return result if isinstance(result, Issue) else _issue(result)

    def update(self, number: int, **fields: Any) -> Issue:
        resp = self.client.request("PATCH", self._path(f"/issues/{number}"), json_body=fields)
        return _issue(resp.body)

    def comments(self, number: int) -> list[str]:
        return [str(c.get("body") or "") for c in
                self.client.paginate(self._path(f"/issues/{number}/comments"))
                if isinstance(c, dict)]

    def comment(self, number: int, body: str, already_posted: Callable[[], bool]) -> None:
        """Comment once; ``already_posted`` looks for it after a lost answer."""
        self._post_once(self._path(f"/issues/{number}/comments"), {"body": body},
                        lambda: True if already_posted() else None)

    def _post_once(self, path: str, payload: dict[str, Any], look: Callable[[], Any]) -> Any:
        """POST without duplicates: a server or network error may hide a success, so
        ``look()`` checks for the result before each retry. The response body, or what
        ``look()`` found."""
        attempt = 0
        while True:
            try:
                return self.client.request("POST", path, json_body=payload).body
            except GitHubError as exc:
                if not exc.transient or attempt >= self.client.max_retries:
                    raise
            found = look()
            if found is not None:
                return found
            attempt += 1
            self.client.sleep(min(2.0 ** attempt, self.client.max_wait))


def _issue(body: Any) -> Issue:
    try:
        return Issue.from_json(body)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise GitHubError(0, "the answer is not an issue") from None
