"""One public, typed view per lead: what every page, export and index reads.

Built from the lead's data *after* private fields are removed, and tolerant
of odd values (a lead file is untrusted): a wrong type reads as missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from leadreg.deadlines import deadline_status
from leadreg.lead import ACTIVE_STAGES, Lead, parse_date
from leadreg.settings import Settings
from leadreg.sitebuild.links import safe_web_url
from leadreg.sitebuild.privacy import public_data


def text(value: Any) -> str:
    """A scalar as display text; containers and None read as empty."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return ""


def texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(t for t in (text(v) for v in value) if t)


def entries(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


@dataclass(frozen=True)
class Assistant:
    rep: str
    share: int | None
    since: dt.date | None


@dataclass(frozen=True)
class TimelineEvent:
    """One line of a lead's timeline; ``kind`` picks its label and layout."""

    date: dt.date | None
    kind: str  # registered | activity | evidence | extension | owner_change | closed
    fields: SimpleNamespace  # attributes, not a dict: templates read ``e.fields.note``


@dataclass(frozen=True)
class LeadView:
    id: str
    path: str
    data: dict[str, Any]  # the public fields only
    title: str
    customer: str
    aliases: tuple[str, ...]
    website: str
    website_url: str | None
    region: str
    industry: str
    owner: str
    assistants: tuple[Assistant, ...]
    team: tuple[str, ...]
    source: str
    stage: str
    registered: dt.date | None
    deadline: dt.date | None
    days_left: int | None
    closed_date: dt.date | None
    closed_reason: str

    @property
    def active(self) -> bool:
        return self.stage in ACTIVE_STAGES

    @property
    def expired(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    def due_soon(self, warn_days: int) -> bool:
        return self.days_left is not None and 0 <= self.days_left <= warn_days

    def badge(self, warn_days: int) -> str | None:
        """``overdue`` or ``due-soon`` for the board's deadline badge."""
        if self.expired:
            return "overdue"
        if self.due_soon(warn_days):
            return "due-soon"
        return None

    @property
    def assistant_ids(self) -> tuple[str, ...]:
        return tuple(a.rep for a in self.assistants)

    def units(self) -> tuple[str, ...]:
        """The team plus every unit that took part in an activity, in order."""
        seen = dict.fromkeys(self.team)
        for item in entries(self.data.get("activities")):
            seen.update(dict.fromkeys(texts(item.get("units"))))
        return tuple(seen)

    def timeline(self) -> list[TimelineEvent]:
        """Activities, evidence, extensions and owner changes in date order."""
        events: list[tuple[dt.date, int, int, TimelineEvent]] = []

        def add(order: int, index: int, date: Any, event: str, **fields: Any) -> None:
            day = parse_date(date) if not isinstance(date, dt.date) else date
            events.append((day or dt.date.min, order, index,
                           TimelineEvent(day, event, SimpleNamespace(**fields))))

        if self.registered:
            add(0, 0, self.registered, "registered", owner=self._first_owner())
        for i, item in enumerate(entries(self.data.get("history"))):
            add(1, i, item.get("date"), "owner_change", old=text(item.get("from")),
                new=text(item.get("to")), reason=text(item.get("reason")))
        for i, item in enumerate(entries(self.data.get("activities"))):
            add(2, i, item.get("date"), "activity", by=text(item.get("by")),
                with_=text(item.get("with")), units=texts(item.get("units")),
                note=text(item.get("note")))
        for i, item in enumerate(entries(self.data.get("evidence"))):
            add(3, i, item.get("date"), "evidence", kind=text(item.get("kind")),
                note=text(item.get("note")))
        for i, item in enumerate(entries(self.data.get("extensions"))):
            add(4, i, item.get("date"), "extension", until=parse_date(item.get("until")),
                approved_by=text(item.get("approved_by")), reason=text(item.get("reason")))
        if self.closed_date or self.closed_reason:
            add(5, 0, self.closed_date, "closed", stage=self.stage, reason=self.closed_reason)
        events.sort(key=lambda e: e[:3])
        return [e[3] for e in events]

    def _first_owner(self) -> str:
        history = entries(self.data.get("history"))
        return text(history[0].get("from")) if history else self.owner

    def extra_fields(self) -> list[tuple[str, str]]:
        """The registry's own ``x-`` fields at the top level, as text."""
        return [(k, text(v) or _compact(v)) for k, v in self.data.items()
                if isinstance(k, str) and k.startswith("x-")]


def _compact(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def build_view(lead: Lead, settings: Settings, today: dt.date) -> LeadView:
    data = public_data(lead.data, settings.private)
    public = Lead(lead.id, lead.path, data)
    customer = public.customer
    status = deadline_status(public, today)
    closing = data.get("closed")
    closed = closing if isinstance(closing, dict) else {}
    assistants = tuple(
        Assistant(text(a.get("rep")), a.get("share") if type(a.get("share")) is int else None,
                  parse_date(a.get("since")))
        for a in entries(data.get("assistants")) if text(a.get("rep")))
    website = text(customer.get("website"))
    return LeadView(
        id=lead.id, path=lead.path, data=data,
        title=text(data.get("title")),
        customer=text(customer.get("name")),
        aliases=texts(customer.get("aliases")),
        website=website, website_url=safe_web_url(website),
        region=text(customer.get("region")),
        industry=text(customer.get("industry")),
        owner=text(data.get("owner")),
        assistants=assistants,
        team=texts(data.get("team")),
        source=text(data.get("source")),
        stage=text(data.get("stage")),
        registered=public.date("registered"),
        deadline=public.date("deadline"),
        days_left=status.days_left if status else None,
        closed_date=parse_date(closed.get("date")),
        closed_reason=text(closed.get("reason")),
    )
