"""Short, human words for list entries and values, shared by diagnostics and summaries."""

from __future__ import annotations

from typing import Any

_LIMIT = 60


def short(value: Any, limit: int = _LIMIT) -> str:
    """A value on one line, cut to a readable length."""
    text = " ".join(str(value).split()) if value is not None else "(empty)"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def entry(key: str, item: Any) -> str:
    """``2026-11-02 lisi → zhangsan`` and the like: enough to recognise an entry."""
    if not isinstance(item, dict):
        return short(item)
    parts = [str(item.get("date", "?"))]
    if key == "history":
        parts.append(f"{item.get('from', '?')} → {item.get('to', '?')}")
    elif key == "extensions":
        parts.append(f"until {item.get('until', '?')}")
    elif key == "evidence":
        parts.append(str(item.get("kind", "?")))
    elif key == "activities":
        parts.append(f"by {item.get('by', '?')} with {item.get('with', '?')}")
    return " ".join(short(p) for p in parts)


def changed_fields(old: Any, new: Any) -> list[str]:
    """The keys whose values differ between two mapping entries."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    return sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
