"""not-a-manager: extensions are approved by managers."""

from collections.abc import Iterator

from leadreg.lead import Lead
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings

_EXT = "extensions: [{date: 2026-11-28, until: 2026-12-31, approved_by: %s, reason: 预算推迟}]"


@lead_rule("not-a-manager", passing=_EXT % "wangjl", failing=_EXT % "lisi")
def not_a_manager(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """An extension's ``approved_by`` is a rep marked ``manager: true``."""
    managers = settings.managers
    for i, ext in lead.entries("extensions"):
        who = ext.get("approved_by")
        if isinstance(who, str) and who not in managers:
            known = "is not a rep in registry.yaml" if who not in settings.reps else "is not a manager"
            yield Finding(f"extension approved by {who!r}, who {known}; managers: "
                          f"{', '.join(sorted(managers)) or 'none'}",
                          ("extensions", i, "approved_by"))
