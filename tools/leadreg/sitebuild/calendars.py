"""``calendar.ics`` and one calendar per rep: an all-day event per active deadline.

RFC 5545 via the icalendar library.  Everything is derived from the leads,
DTSTAMP included (the latest date written in the lead), so the same registry
always gives the same bytes and calendar apps see an event change only when
the lead changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from icalendar import Calendar, Event

from leadreg.lead import parse_date
from leadreg.sitebuild.i18n import Translator
from leadreg.sitebuild.views import LeadView, entries

PRODID = "-//leadreg//lead board//EN"


def _stamp(view: LeadView) -> dt.datetime:
    """The latest date in the lead, as midnight UTC: changes when the lead does."""
    days = [d for d in (view.registered, view.deadline) if d]
    for key in ("extensions", "evidence", "activities", "history"):
        days += [d for d in (parse_date(e.get("date")) for e in entries(view.data.get(key))) if d]
    day = max(days, default=dt.date(2000, 1, 1))
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def calendar_bytes(views: Iterable[LeadView], *, name: str, t: Translator,
                   rep_name: Callable[[str], str], uid_domain: str,
                   lead_url: Callable[[LeadView], str | None]) -> bytes:
    """One VEVENT per active lead with a deadline, in id order."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for view in sorted(views, key=lambda v: v.id):
        if not view.active or view.deadline is None:
            continue
        event = Event()
        event.add("uid", f"{view.id}-deadline@{uid_domain}")
        event.add("dtstamp", _stamp(view))
        event.add("dtstart", view.deadline)
        event.add("dtend", view.deadline + dt.timedelta(days=1))
        event.add("summary", f"{t('deadline')}: {view.customer} — {view.title}")
        lines = [f"{t('owner')}: {rep_name(view.owner)}",
                 f"{t('stage')}: {t.label('stage', view.stage)}"]
        if view.assistants:
            lines.append(f"{t('assistants')}: " + ", ".join(rep_name(a) for a in view.assistant_ids))
        event.add("description", "\n".join(lines))
        url = lead_url(view)
        if url:
            event.add("url", url)
        event.add("transp", "TRANSPARENT")
        event.add("categories", [view.stage])
        cal.add_component(event)
    return cal.to_ical()
