"""extension-mismatch: the deadline is where the last extension moved it."""

from collections.abc import Iterator

from leadreg.lead import Lead
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings

_EXT = "extensions: [{date: 2026-11-28, until: 2026-12-31, approved_by: wangjl, reason: 预算推迟}]"


@lead_rule("extension-mismatch", passing=_EXT + "\ndeadline: 2026-12-31",
           failing=_EXT + "\ndeadline: 2027-01-31")
def extension_mismatch(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """With extensions, the last one's ``until`` equals ``deadline``."""
    entries = lead.entries("extensions")
    deadline = lead.data.get("deadline")
    if not entries or not isinstance(deadline, str):
        return
    i, last = entries[-1]
    until = last.get("until")
    if isinstance(until, str) and until != deadline:
        yield Finding(f"deadline is {deadline} but the last extension runs until {until}; "
                      "they must agree", ("deadline",))
