"""Words shared by the three customer-identity rules."""

from __future__ import annotations

from leadreg.identity.compare import Link
from leadreg.lead import Lead


def who(lead: Lead) -> str:
    """leads/east/hengda.yaml (owner zhangsan, registered 2026-09-01)"""
    registered = lead.data.get("registered")
    return (f"{lead.path} (owner {lead.owner or '?'}, registered "
            f"{registered if isinstance(registered, str) else '?'})")


def matched_by(link: Link) -> str:
    """Nothing when the names are written the same; else what matched."""
    return "" if link.identical else f"; matched by {link.key}"
