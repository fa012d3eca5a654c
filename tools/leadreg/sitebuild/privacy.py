"""Remove ``publish.private`` fields before any output is derived from a lead.

Everything the site writes is computed from the stripped copy, so a private
field cannot leak through a page, an export, a calendar or the search index.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def _without(node: Any, parts: list[str]) -> Any:
    """``node`` minus ``parts``, copying only the containers on the way down."""
    if isinstance(node, list):
        return [_without(item, parts) for item in node]
    if not isinstance(node, dict) or not parts or parts[0] not in node:
        return node
    head, rest = parts[0], parts[1:]
    copy = dict(node)
    if rest:
        copy[head] = _without(node[head], rest)
    else:
        del copy[head]
    return copy


def public_data(data: dict[str, Any], private: Iterable[str]) -> dict[str, Any]:
    """``data`` without the dotted ``private`` paths; the original is left as it was.

    A path crosses lists element-wise: ``customer.contacts.phone`` removes the
    phone of every contact.  Unchanged branches are shared, not copied.
    """
    clean = data
    for path in private:
        parts = [p for p in path.split(".") if p]
        if parts:
            clean = _without(clean, parts)
    return clean


def is_private(path: str, private: Iterable[str]) -> bool:
    """True when ``path`` or one of its parents is listed as private."""
    return any(path == p or path.startswith(p + ".") for p in private)
