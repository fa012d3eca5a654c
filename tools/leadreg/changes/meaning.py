"""What a change means, in words: the facts a manager reviews instead of a YAML diff.

Each :class:`Event` keeps its user-supplied values apart from the sentence
around them, so every output (terminal, JSON, GitHub's Markdown) can escape
exactly the parts a rep wrote.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from leadreg.changes import describe
from leadreg.changes.compare import Comparison, OldLead
from leadreg.changes.lists import appended, as_list
from leadreg.lead import ACTIVE_STAGES, CLOSED_STAGES, Lead
from leadreg.settings import Settings

#: kinds in the order a reviewer reads them
KINDS = ("owner-change", "extension", "reopened", "settings", "deleted", "new-lead", "stage",
         "moved", "updated")
NEEDS_APPROVAL = frozenset({"owner-change", "extension", "reopened", "settings"})
_FORMATTER = string.Formatter()


@dataclass(frozen=True)
class Event:
    kind: str
    lead_id: str
    path: str
    template: str  # str.format text; every {field} is user data
    facts: dict[str, str] = field(default_factory=dict)

    @property
    def needs_approval(self) -> bool:
        return self.kind in NEEDS_APPROVAL

    def render(self, escape: Callable[[str], str] = describe.short) -> str:
        return self.template.format(**{k: escape(v) for k, v in self.facts.items()})

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.lead_id, "path": self.path,
                "needs_approval": self.needs_approval, "text": self.render(), **self.facts}


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def _credit(new: dict[str, Any], former: str) -> str:
    for item in as_list(new, "assistants"):
        if isinstance(item, dict) and item.get("rep") == former:
            share = item.get("share")
            return "keeps credit as an assistant" + (f" ({share}% share)" if share is not None
                                                     else "")
    return "is NOT kept on as an assistant"


class _Builder:
    def __init__(self, lead: Lead, old: OldLead | None, max_extensions: int) -> None:
        self.lead, self.old_lead = lead, old
        self.old: dict[str, Any] = (old.data or {}) if old else {}
        self.new = lead.data
        self.max_extensions = max_extensions
        self.facts = {"id": lead.id, "customer": lead.customer_name}

    def event(self, kind: str, template: str, **facts: Any) -> Event:
        names = {f for _, f, _, _ in _FORMATTER.parse(template) if f}
        values = {**self.facts, **{k: _s(v) for k, v in facts.items()}}
        return Event(kind, self.lead.id, self.lead.path, template,
                     {k: v for k, v in values.items() if k in names})

    def events(self) -> Iterator[Event]:
        if self.old_lead is None:
            yield self.new_lead()
        elif self.old_lead.data is None:
            return
        yield from self.owner_changes()
        yield from self.extensions()
        yield from self.stage_moves()
        if self.old_lead is not None and self.old_lead.path != self.lead.path:
            yield self.event("moved", "{id} ({customer}) moved from {old_path} to {new_path}",
                             old_path=self.old_lead.path, new_path=self.lead.path)
        if self.old_lead is not None:
            yield from self.updates()

    def new_lead(self) -> Event:
        return self.event("new-lead", "new lead {id}: {customer}, {title}; owner {owner}, "
                          "stage {stage}, deadline {deadline}", title=self.new.get("title"),
                          owner=self.lead.owner, stage=self.lead.stage,
                          deadline=self.new.get("deadline"))

    def owner_changes(self) -> Iterator[Event]:
        before, after = self.old.get("owner"), self.new.get("owner")
        moves = appended(self.old, self.new, "history")
        if self.old_lead is None:  # a new file that claims a hand-over
            for _, move in moves:
                former = _s(move.get("from"))
                yield self.event("owner-change", "{id} ({customer}) registered as handed over "
                                 "from {former} to {owner}; {former} {credit}", former=former,
                                 owner=move.get("to"), credit=_credit(self.new, former))
            return
        if before == after:
            return
        reason = moves[-1][1].get("reason") if moves else None
        yield self.event("owner-change", "{id} ({customer}): owner {former} → {owner}; "
                         "{former} {credit}" + ("; reason: {reason}" if reason else ""),
                         former=before, owner=after, credit=_credit(self.new, _s(before)),
                         reason=reason)

    def extensions(self) -> Iterator[Event]:
        added = appended(self.old, self.new, "extensions")
        previous = self.old.get("deadline")
        for index, ext in added:
            start = "deadline {old} → {until}" if previous else "registered with deadline {until}"
            yield self.event("extension", "{id} ({customer}): " + start + ", extension {n} of "
                             "{max}, approved by {approver}; reason: {reason}",
                             old=previous, until=ext.get("until"), n=index + 1,
                             max=self.max_extensions, approver=ext.get("approved_by"),
                             reason=ext.get("reason"))
            previous = ext.get("until")
        if self.old_lead is not None and not added and \
                self.old.get("deadline") != self.new.get("deadline"):
            yield self.event("extension", "{id} ({customer}): deadline {old} → {until} "
                             "without an extension entry", old=self.old.get("deadline"),
                             until=self.new.get("deadline"))

    def stage_moves(self) -> Iterator[Event]:
        if self.old_lead is None:
            return
        before, after = self.old.get("stage"), self.new.get("stage")
        if before == after:
            return
        if before in CLOSED_STAGES and after in ACTIVE_STAGES:
            yield self.event("reopened", "{id} ({customer}) reopened: {before} → {after}",
                             before=before, after=after)
        elif after in CLOSED_STAGES:
            closed = self.new.get("closed")
            closed = closed if isinstance(closed, dict) else {}
            yield self.event("stage", "{id} ({customer}): {before} → {after}; reason: {reason}",
                             before=before, after=after, reason=closed.get("reason"))
        else:
            evidence = appended(self.old, self.new, "evidence")
            proof = "; ".join(f"{describe.entry('evidence', e)} {_s(e.get('note'))}".strip()
                              for _, e in evidence) or "no new evidence"
            yield self.event("stage", "{id} ({customer}): {before} → {after}; evidence: {proof}",
                             before=before, after=after, proof=proof)

    def updates(self) -> Iterator[Event]:
        parts = []
        keys = [("activities", "activity")]
        if self.old.get("stage") == self.new.get("stage"):  # else the stage move tells
            keys.append(("evidence", "evidence"))
        for key, word in keys:
            count = len(appended(self.old, self.new, key))
            if count:
                parts.append(f"{count} new {word if count == 1 else key}")
        covered = {"owner", "deadline", "stage", "extensions", "history", "closed",
                   "activities", "evidence"}
        if self.old.get("owner") != self.new.get("owner"):
            covered.add("assistants")  # the owner change says who keeps credit
        fields = [k for k in describe.changed_fields(self.old, self.new) if k not in covered]
        if fields:
            parts.append("changed " + ", ".join(fields))
        if parts:
            yield self.event("updated", "{id} ({customer}): {what}", what="; ".join(parts))


def explain(comparison: Comparison, settings: Settings) -> list[Event]:
    """Every event of the change, grouped by kind in reading order, then by lead id."""
    events: list[Event] = []
    for old in comparison.deleted:
        events.append(Event("deleted", old.id, old.path,
                            "{id} was deleted ({path}); leads are closed, never deleted",
                            {"id": old.id, "path": old.path}))
    limit = settings.rules.max_extensions
    for lead in comparison.added:
        events += _Builder(lead, None, limit).events()
    for pair in comparison.changed:
        events += _Builder(pair.new, pair.old, limit).events()
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(events, key=lambda e: (order[e.kind], e.lead_id, e.path))
