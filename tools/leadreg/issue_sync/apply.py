"""Carrying out a plan: one action at a time, each failure contained.

A failed action is reported and the others go on. When the write budget is
used, the run stops cleanly; whatever is left is picked up by the next run,
which plans again from what GitHub then shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from leadreg.github.client import GitHubError, WriteBudgetExceeded
from leadreg.github.issues import Issue, IssueAPI
from leadreg.issue_sync import markers
from leadreg.issue_sync.plan import CLOSE, CREATE, DUPLICATE, Action, Plan

DONE, FAILED, LEFT = "done", "failed", "left for the next run"


@dataclass
class Outcome:
    action: Action
    status: str
    number: int | None = None
    message: str = ""


@dataclass
class Applied:
    outcomes: list[Outcome]
    budget_used: bool  # stopped because the write budget ran out

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == FAILED]

    @property
    def left(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == LEFT]

    @property
    def ok(self) -> bool:
        """Nothing failed, and nothing required was left undone."""
        return not self.failed and not any(o.action.required for o in self.left)


class Executor:
    """Runs actions; ``today`` re-renders a body when the owner turns out unassignable."""

    def __init__(self, api: IssueAPI, today: dt.date) -> None:
        self.api = api
        self.today = today

    def run(self, action: Action) -> int | None:
        if action.verb in (CLOSE, DUPLICATE):
            return self._close(action)
        if action.verb == CREATE:
            return self._create(action)
        return self._update(action)

    def _find_open(self, action: Action) -> Issue | None:
        """The open issue with this action's marker, if a lost answer hid its creation."""
        assert action.desired is not None
        for issue in self.api.issues_with_label(action.desired.label.name):
            if issue.open and markers.key_of(issue.body) == action.key:
                return issue
        return None

    def _create(self, action: Action) -> int:
        want = action.desired
        assert want is not None
        self.api.ensure_label(want.label)
        fields = action.fields
        try:
            issue = self.api.create(fields["title"], fields["body"], fields["labels"],
                                    fields["assignees"], lambda: self._find_open(action))
        except GitHubError as exc:
            if not (exc.about_field("assignees") and fields["assignees"]):
                raise
            # the owner cannot be assigned: open it unassigned, saying whom it is for
            issue = self.api.create(fields["title"], want.render(self.today, False),
                                    fields["labels"], [], lambda: self._find_open(action))
        return issue.number

    def _update(self, action: Action) -> int:
        assert action.number is not None and action.desired is not None
        fields = dict(action.fields)
        try:
            self.api.update(action.number, **fields)
        except GitHubError as exc:
            if not (exc.about_field("assignees") and "assignees" in fields):
                raise
            del fields["assignees"]
            fields["body"] = action.desired.render(self.today, False)
            self.api.update(action.number, **fields)
        return action.number

    def _close(self, action: Action) -> int:
        closing, number = action.closing, action.number
        assert closing is not None and number is not None

        def posted() -> bool:
            return any(closing.marker in body for body in self.api.comments(number))

        if not posted():
            self.api.comment(number, closing.comment, posted)
        self.api.update(number, state="closed", state_reason=closing.state_reason)
        return number


def apply_plan(plan: Plan, api: IssueAPI, today: dt.date) -> Applied:
    executor = Executor(api, today)
    outcomes: list[Outcome] = []
    stopped = False
    for action in plan.actions:
        if stopped:
            outcomes.append(Outcome(action, LEFT, action.number))
            continue
        try:
            number = executor.run(action)
            outcomes.append(Outcome(action, DONE, number))
        except WriteBudgetExceeded as exc:
            stopped = True
            outcomes.append(Outcome(action, LEFT, action.number, str(exc)))
        except GitHubError as exc:
            outcomes.append(Outcome(action, FAILED, action.number, str(exc)))
    return Applied(outcomes, stopped)
