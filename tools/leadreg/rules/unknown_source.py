"""unknown-source: a lead's source is one registry.yaml lists."""

from collections.abc import Iterator

from leadreg.lead import Lead
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings


@lead_rule("unknown-source", passing="source: referral", failing="source: linkedin")
def unknown_source(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """``source`` is one of registry.yaml's sources."""
    source = lead.data.get("source")
    if isinstance(source, str) and source not in settings.sources:
        yield Finding(f"source {source!r} is not in registry.yaml (sources: "
                      f"{', '.join(sorted(settings.sources))})", ("source",))
