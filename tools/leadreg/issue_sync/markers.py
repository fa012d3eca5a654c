"""The hidden HTML comments that make an issue leadreg's own.

A marker is matched whole: ``lead-expired:abc`` never matches the issue of
``abc-2``, and an issue without a marker is never touched.
"""

from __future__ import annotations

import datetime as dt
import re

EXPIRED = "lead-expired"
DUE_SOON = "due-soon"
CHECK_FAILED = "check-failed"

_KEY = re.compile(r"<!-- leadreg:(lead-expired:[a-z0-9][a-z0-9-]{1,62}|due-soon|check-failed) -->")
_AS_OF = re.compile(r"<!-- leadreg:as-of:([0-9]{4}-[0-9]{2}-[0-9]{2}) -->")


def expired_key(lead_id: str) -> str:
    return f"{EXPIRED}:{lead_id}"


def marker(key: str) -> str:
    return f"<!-- leadreg:{key} -->"


def key_of(body: str) -> str | None:
    """The issue's key (``lead-expired:ID``, ``due-soon``, ``check-failed``), if any."""
    match = _KEY.search(body)
    return match.group(1) if match else None


def kind_of(key: str) -> str:
    return key.partition(":")[0]


def lead_id_of(key: str) -> str | None:
    kind, _, lead_id = key.partition(":")
    return lead_id if kind == EXPIRED else None


def as_of_marker(day: dt.date) -> str:
    return f"<!-- leadreg:as-of:{day.isoformat()} -->"


def as_of(body: str) -> dt.date | None:
    """The date an issue body's day counts were written for."""
    match = _AS_OF.search(body)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def closing_marker(key: str, signature: str) -> str:
    """Marks the comment that closes issue ``key`` for one reason, so it is posted once."""
    return f"<!-- leadreg:closing:{key}:{signature} -->"
