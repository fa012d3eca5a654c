"""too-many-extensions: a lead is extended at most ``rules.max_extensions`` times."""

from collections.abc import Iterator

from leadreg.lead import Lead
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings


def _exts(n: int) -> str:
    rows = [f"{{date: 2026-1{i}-01, until: 2026-1{i}-28, approved_by: wangjl, reason: r{i}}}"
            for i in range(n)]
    return f"extensions: [{', '.join(rows)}]\ndeadline: 2026-1{n - 1}-28"


@lead_rule("too-many-extensions", passing=_exts(2), failing=_exts(3))
def too_many_extensions(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """More extensions than the registry allows: close or reassign instead."""
    entries = lead.entries("extensions")
    limit = settings.rules.max_extensions
    if len(entries) > limit:
        i = entries[limit][0]
        yield Finding(f"{len(entries)} extensions, at most {limit} allowed; close the lead or "
                      "have it reassigned", ("extensions", i), on_value=False)
