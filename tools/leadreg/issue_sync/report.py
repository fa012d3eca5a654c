"""Saying what the nightly job planned and did: terminal lines and the step summary."""

from __future__ import annotations

from collections import Counter

from leadreg.issue_sync.apply import DONE, FAILED, Applied, Outcome
from leadreg.issue_sync.markdown import inline
from leadreg.issue_sync.plan import Action, Plan

_PAST = {"create": "created", "reopen": "reopened", "close": "closed",
         "close-duplicate": "closed duplicate", "update": "updated", "refresh": "refreshed"}


def _ref(action: Action, number: int | None = None) -> str:
    number = number or action.number
    return f"#{number}" if number else "new"


def plan_lines(plan: Plan) -> list[str]:
    """``--dry-run``: one line per planned action; nothing is written."""
    if not plan.actions:
        return [f"nothing to change ({plan.up_to_date} issues up to date)"]
    return [f"would {a.verb:<15} {_ref(a):<6} {a.key}  {a.describe()}" for a in plan.actions]


def outcome_line(o: Outcome) -> str:
    a = o.action
    if o.status == DONE:
        return f"{_PAST[a.verb]:<17} {_ref(a, o.number):<6} {a.key}  {a.describe()}"
    if o.status == FAILED:
        return f"FAILED {a.verb} {_ref(a)} {a.key}: {o.message}"
    return f"left for the next run: {a.verb} {_ref(a)} {a.key}"


def summary_line(plan: Plan, applied: Applied | None, writes: int) -> str:
    if applied is None:
        counts = Counter(a.verb for a in plan.actions)
        done = ", ".join(f"{n} to {verb}" for verb, n in sorted(counts.items())) or "nothing"
        return f"sync-issues (dry run): {done}; {plan.up_to_date} up to date"
    counts = Counter(_PAST[o.action.verb] for o in applied.outcomes if o.status == DONE)
    done = ", ".join(f"{n} {verb}" for verb, n in sorted(counts.items())) or "nothing changed"
    line = (f"sync-issues: {done}; {plan.up_to_date} up to date; "
            f"{len(applied.failed)} failed; {writes} write requests")
    if applied.budget_used:
        line += (f"; stopped at the write budget with {len(applied.left)} actions left "
                 "for the next run")
    return line


def step_summary(plan: Plan, applied: Applied | None, writes: int) -> str:
    """Markdown for ``GITHUB_STEP_SUMMARY``: what was done to which issue."""
    lines = ["## leadreg sync-issues", "", inline(summary_line(plan, applied, writes)), ""]
    if plan.actions:
        lines += ["| issue | key | action | result |", "| --- | --- | --- | --- |"]
        outcomes = applied.outcomes if applied else [Outcome(a, "planned") for a in plan.actions]
        for o in outcomes:
            result = o.status + (f": {inline(o.message)}" if o.status != DONE and o.message
                                 else "")
            lines.append(f"| {_ref(o.action, o.number)} | `{o.action.key}` | {o.action.verb}"
                         f" ({inline(o.action.describe())}) | {result} |")
        lines.append("")
    if applied is not None and applied.budget_used:
        lines += [("The run stopped at its write budget (GitHub allows about 80 content-creating "
                  "requests a minute); the next run continues."), ""]
    for note in plan.notes:
        lines.append(f"- {inline(note)}")
    return "\n".join(lines) + "\n"
