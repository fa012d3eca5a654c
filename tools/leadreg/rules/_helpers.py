"""Small readers shared by several rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from leadreg.lead import Lead
from leadreg.yamlsafe import KeyPath


def rep_refs(lead: Lead) -> Iterator[tuple[KeyPath, str]]:
    """Every place a lead names a rep, except approvers (see not-a-manager)."""
    if lead.owner is not None:
        yield ("owner",), lead.owner
    for key, field in (("assistants", "rep"), ("history", "from"), ("history", "to"),
                       ("activities", "by")):
        for i, entry in lead.entries(key):
            value = entry.get(field)
            if isinstance(value, str):
                yield (key, i, field), value


def strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
