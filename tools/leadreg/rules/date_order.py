"""date-order: dates follow each other the way time does."""

from collections.abc import Iterator

from leadreg.lead import Lead, parse_date
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings


@lead_rule("date-order", passing="registered: 2026-09-01\ndeadline: 2026-12-31",
           failing="registered: 2026-09-01\ndeadline: 2026-08-31")
def date_order(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """``deadline`` and ``closed.date`` are not before ``registered``."""
    registered = lead.date("registered")
    if registered is None:
        return
    deadline = lead.date("deadline")
    if deadline is not None and deadline < registered:
        yield Finding(f"deadline {deadline} is before registered {registered}", ("deadline",))
    closed = lead.data.get("closed")
    if isinstance(closed, dict):
        when = parse_date(closed.get("date"))
        if when is not None and when < registered:
            yield Finding(f"closed on {when}, before registered {registered}", ("closed", "date"))
