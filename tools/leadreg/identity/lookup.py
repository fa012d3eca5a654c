"""``leadreg find``: every lead for a customer name, as a rep checks before registering."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from leadreg.identity.matching import Match, find_matches
from leadreg.identity.names import parse_name
from leadreg.loading import load_registry
from leadreg.settings import Settings

_UNREADABLE = frozenset({"yaml-syntax", "yaml-duplicate-key", "yaml-alias", "not-utf8",
                         "file-too-large", "symlink", "not-a-file"})


@dataclass
class FindResult:
    query: str
    normalised: str
    matches: list[Match]
    unreadable: list[str]  # lead files that could not be read: they were not searched

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "normalised": self.normalised,
                "matches": [_match_json(m) for m in self.matches],
                "unreadable": self.unreadable}


def _field(match: Match, key: str) -> Any:
    value = match.lead.data.get(key)
    return value if isinstance(value, (str, int, float)) else None


def _match_json(match: Match) -> dict[str, Any]:
    return {"id": match.lead.id, "path": match.lead.path, "customer": match.lead.customer_name,
            "kind": match.kind, "key": match.key, "score": match.score,
            "owner": match.lead.owner, "stage": match.lead.stage,
            "registered": _field(match, "registered"), "deadline": _field(match, "deadline")}


def find(settings: Settings, name: str) -> FindResult:
    """Leads whose customer is ``name`` (any variant) or looks like it."""
    loaded = load_registry(settings, rules=False, derived=True)
    unreadable = sorted({d.path for d in loaded.diagnostics if d.code in _UNREADABLE})
    return FindResult(name, parse_name(name).core,
                      find_matches({"name": name}, loaded.leads, settings), unreadable)


def text_lines(result: FindResult, settings: Settings) -> list[str]:
    if not result.matches:
        return [f"no lead for {result.query} or a customer like it"]
    lines: list[str] = []
    for kind, heading in (("same", "same customer"), ("similar", "looks alike")):
        group = [m for m in result.matches if m.kind == kind]
        if not group:
            continue
        lines.append(f"{heading}:")
        for m in group:
            rep = settings.reps.get(m.lead.owner or "")
            owner = f"{m.lead.owner} ({rep.name})" if rep and rep.name != rep.id else (
                m.lead.owner or "?")
            score = "" if kind == "same" else f", similarity {m.score:.2f}"
            lines.append(f"  {m.lead.path}: {m.lead.customer_name} — {m.lead.stage or '?'}, "
                         f"owner {owner}, registered {_field(m, 'registered') or '?'}, "
                         f"deadline {_field(m, 'deadline') or '?'} ({m.key}{score})")
    return lines
