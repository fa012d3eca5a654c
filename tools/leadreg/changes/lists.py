"""Reading the append-only lists of a lead the same way in every change check."""

from __future__ import annotations

from typing import Any

APPEND_ONLY = ("history", "extensions", "evidence", "activities")


def as_list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []


def appended(old: dict[str, Any], new: dict[str, Any], key: str
             ) -> list[tuple[int, dict[str, Any]]]:
    """The mapping entries of ``new[key]`` past the length ``old[key]`` had, with their index."""
    start = len(as_list(old, key))
    return [(i, e) for i, e in enumerate(as_list(new, key)) if i >= start and isinstance(e, dict)]
