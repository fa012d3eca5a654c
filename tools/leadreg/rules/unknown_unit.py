"""unknown-unit: supporting units come from registry.yaml."""

from collections.abc import Iterator
from typing import Any

from leadreg.lead import Lead
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings


@lead_rule("unknown-unit", passing="team: [engineering, quality]",
           failing="team: [engineering, marketing]")
def unknown_unit(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """``team`` and activities' ``units`` name units listed in registry.yaml."""
    places: list[tuple[tuple[str | int, ...], Any]] = [(("team",), lead.data.get("team"))]
    places += [(("activities", i, "units"), a.get("units")) for i, a in lead.entries("activities")]
    for path, units in places:
        if not isinstance(units, list):
            continue
        for j, unit in enumerate(units):
            if isinstance(unit, str) and unit not in settings.units:
                yield Finding(f"unit {unit!r} is not in registry.yaml (units: "
                              f"{', '.join(sorted(settings.units))})", path + (j,))
