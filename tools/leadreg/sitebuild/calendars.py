"""``calendar.ics`` and one calendar per rep: an all-day event per active deadline.

RFC 5545 via the icalendar library: it writes the calendar envelope and
escapes and formats every value (``vText``, ``vDate``, ``vDatetime``).  Each
event is serialised once, in the workers that render lead pages, and the
calendars are the events concatenated: building a component tree per event
and per calendar costs more than the rest of the build at 100,000 leads.
DTSTAMP is derived from the lead (its latest date), never the clock, so the
same registry always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from icalendar import Calendar, vDate, vDatetime, vText

from leadreg.lead import parse_date
from leadreg.sitebuild.i18n import Translator
from leadreg.sitebuild.views import LeadView, entries

PRODID = "-//leadreg//lead board//EN"
_LIMIT = 75  # octets per line before folding (RFC 5545 §3.1)


def _stamp(view: LeadView) -> dt.datetime:
    """The latest date in the lead, as midnight UTC: changes when the lead does."""
    days = [view.registered] if view.registered else []
    for key in ("extensions", "evidence", "activities", "history"):
        days += [d for d in (parse_date(e.get("date")) for e in entries(view.data.get(key))) if d]
    day = max(days, default=dt.date(2000, 1, 1))
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def fold(line: bytes) -> bytes:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    if len(line) <= _LIMIT:
        return line + b"\r\n"
    parts, start, width = [], 0, _LIMIT
    while start < len(line):
        end = min(start + width, len(line))
        while end < len(line) and (line[end] & 0xC0) == 0x80:  # a continuation byte
            end -= 1
        parts.append(line[start:end])
        start, width = end, _LIMIT - 1  # continuation lines begin with a space
    return b"\r\n ".join(parts) + b"\r\n"


def event_bytes(view: LeadView, *, t: Translator, rep_name: Callable[[str], str],
                uid_domain: str, url: str | None) -> bytes:
    """The VEVENT of an active lead's deadline; empty when it has none."""
    if not view.active or view.deadline is None:
        return b""
    lines = [f"{t('owner')}: {rep_name(view.owner)}", f"{t('stage')}: {t.label('stage', view.stage)}"]
    if view.assistants:
        lines.append(f"{t('assistants')}: " + ", ".join(rep_name(a) for a in view.assistant_ids))
    props: list[tuple[bytes, bytes]] = [
        (b"UID", vText(f"{view.id}-deadline@{uid_domain}").to_ical()),
        (b"DTSTAMP", vDatetime(_stamp(view)).to_ical()),
        (b"DTSTART;VALUE=DATE", vDate(view.deadline).to_ical()),
        (b"DTEND;VALUE=DATE", vDate(view.deadline + dt.timedelta(days=1)).to_ical()),
        (b"SUMMARY", vText(f"{t('deadline')}: {view.customer} — {view.title}").to_ical()),
        (b"DESCRIPTION", vText("\n".join(lines)).to_ical()),
        (b"CATEGORIES", vText(view.stage).to_ical()),
        (b"TRANSP", b"TRANSPARENT"),
    ]
    if url:
        props.append((b"URL", vText(url).to_ical()))
    body = b"".join(fold(name + b":" + value) for name, value in props)
    return b"BEGIN:VEVENT\r\n" + body + b"END:VEVENT\r\n"


def calendar_bytes(name: str, events: Iterable[bytes]) -> bytes:
    """A VCALENDAR holding ``events`` (serialised VEVENTs) in the given order."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    envelope = cal.to_ical()
    end = envelope.rindex(b"END:VCALENDAR")
    return envelope[:end] + b"".join(events) + envelope[end:]
