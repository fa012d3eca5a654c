"""Deadline arithmetic (攻破时限), shared by ``expired``, the nightly job and the site.

A lead is expired from the day *after* its deadline: the deadline day itself
still belongs to the rep.  "Today" is the registry's local date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from leadreg.lead import Lead


@dataclass(frozen=True)
class DeadlineStatus:
    lead: Lead
    deadline: dt.date
    days_left: int  # negative: days overdue

    @property
    def expired(self) -> bool:
        return self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)

    def due_soon(self, warn_days: int) -> bool:
        return 0 <= self.days_left <= warn_days


def deadline_status(lead: Lead, today: dt.date) -> DeadlineStatus | None:
    """The deadline of an active lead with a readable date; None otherwise."""
    deadline = lead.date("deadline")
    if not lead.active or deadline is None:
        return None
    return DeadlineStatus(lead, deadline, (deadline - today).days)


def expired_and_due(leads: list[Lead], today: dt.date, warn_days: int
                    ) -> tuple[list[DeadlineStatus], list[DeadlineStatus]]:
    """(expired, due soon), each most urgent first, ties by id."""
    expired: list[DeadlineStatus] = []
    due: list[DeadlineStatus] = []
    for lead in leads:
        status = deadline_status(lead, today)
        if status is None:
            continue
        if status.expired:
            expired.append(status)
        elif status.due_soon(warn_days):
            due.append(status)
    expired.sort(key=lambda s: (s.days_left, s.lead.id))
    due.sort(key=lambda s: (s.days_left, s.lead.id))
    return expired, due
