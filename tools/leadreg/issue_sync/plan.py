"""The plan: which issue to create, update, reopen or close, and why.

It diffs the target against the issues found by label (open and closed, every
page). Only issues carrying an exact leadreg marker are considered; everything
else in the repository is invisible here. The plan is ordered by importance, so
when the write budget runs out, what is left for the next run matters least:
creates, reopens, closes, fact updates, and last the daily day-count refreshes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from leadreg.github.issues import Issue
from leadreg.issue_sync import markers
from leadreg.issue_sync.closing import Closing
from leadreg.issue_sync.target import Desired, Target

CREATE, REOPEN, CLOSE, DUPLICATE, UPDATE, REFRESH = (
    "create", "reopen", "close", "close-duplicate", "update", "refresh")
_PRIORITY = {CREATE: 1, REOPEN: 2, CLOSE: 3, DUPLICATE: 3, UPDATE: 4, REFRESH: 9}


@dataclass
class Action:
    verb: str
    key: str
    number: int | None = None        # the existing issue, None for create
    fields: dict[str, Any] = field(default_factory=dict)  # what to send
    desired: Desired | None = None
    closing: Closing | None = None
    stale_since: dt.date | None = None  # refresh: the day its counts were written

    @property
    def required(self) -> bool:
        """Everything but a day-count refresh must happen for the issues to be right."""
        return self.verb != REFRESH

    def describe(self) -> str:
        if self.closing is not None:
            return self.closing.reason
        if self.verb == CREATE:
            return str(self.fields.get("title", ""))
        changed = [name for name in ("state", "title", "body", "assignees", "labels")
                   if name in self.fields]
        return ", ".join(changed)

    def sort_key(self) -> tuple[int, str, str, int]:
        since = self.stale_since.isoformat() if self.stale_since else ""
        return (_PRIORITY[self.verb], since, self.key, self.number or 0)


@dataclass
class Plan:
    actions: list[Action]
    up_to_date: int  # desired issues already right
    notes: list[str]


def _ours(issues: list[Issue]) -> dict[str, list[Issue]]:
    """Our issues by key, lowest number first; duplicates across label listings dropped."""
    seen: set[int] = set()
    by_key: dict[str, list[Issue]] = {}
    for issue in sorted(issues, key=lambda i: i.number):
        key = markers.key_of(issue.body)
        if key is None or issue.number in seen:
            continue
        seen.add(issue.number)
        by_key.setdefault(key, []).append(issue)
    return by_key


def _has(names: tuple[str, ...], name: str) -> bool:
    return name.lower() in (n.lower() for n in names)


def _fields(issue: Issue, want: Desired, today: dt.date, assignable: Callable[[str], bool]
            ) -> tuple[dict[str, Any], bool]:
    """The PATCH that makes ``issue`` read as ``want``, and whether it is only a refresh."""
    login = want.assignee
    assigned = bool(login) and _has(issue.assignees, login or "")
    can_assign = assigned or (bool(login) and assignable(login or ""))
    body = want.render(today, can_assign)
    fields: dict[str, Any] = {}
    if issue.title != want.title:
        fields["title"] = want.title
    if issue.body != body:
        fields["body"] = body
    if login and can_assign and not assigned:
        fields["assignees"] = [login]
    if not _has(issue.labels, want.label.name):
        fields["labels"] = [*issue.labels, want.label.name]
    refresh_only = False
    if list(fields) == ["body"] and want.day_counts:
        old = markers.as_of(issue.body)
        refresh_only = old is not None and want.render(old, can_assign) == issue.body
    return fields, refresh_only


def make_plan(target: Target, issues: list[Issue], assignable: Callable[[str], bool]) -> Plan:
    """Diff ``target`` against ``issues`` (all issues found under our labels)."""
    today = target.today
    actions: list[Action] = []
    notes = list(target.notes)
    up_to_date = 0
    existing = _ours(issues)
    for key, want in sorted(target.desired.items()):
        found = existing.pop(key, [])
        open_ = [i for i in found if i.open]
        if not found:
            login = want.assignee
            can_assign = bool(login) and assignable(login or "")
            fields = {"title": want.title, "body": want.render(today, can_assign),
                      "labels": [want.label.name],
                      "assignees": [login] if login and can_assign else []}
            actions.append(Action(CREATE, key, None, fields, want))
            continue
        keep = open_[0] if open_ else found[-1]
        for extra in open_[1:]:
            actions.append(Action(DUPLICATE, key, extra.number,
                                  closing=target.duplicate(key, keep.number)))
        fields, refresh_only = _fields(keep, want, today, assignable)
        if not keep.open:
            actions.append(Action(REOPEN, key, keep.number, {"state": "open", **fields}, want))
        elif refresh_only:
            actions.append(Action(REFRESH, key, keep.number, fields, want,
                                  stale_since=markers.as_of(keep.body)))
        elif fields:
            actions.append(Action(UPDATE, key, keep.number, fields, want))
        else:
            up_to_date += 1
    for key, found in sorted(existing.items()):
        open_ = [i for i in found if i.open]
        if not open_:
            continue
        closing = target.closing(key)
        if closing is None:
            notes.append(f"left alone: #{open_[0].number} ({key}): the lead's file has errors")
            continue
        for issue in open_:
            actions.append(Action(CLOSE, key, issue.number, closing=closing))
    actions.sort(key=Action.sort_key)
    return Plan(actions, up_to_date, notes)
