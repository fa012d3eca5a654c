"""Proof that an edit changed only what it meant to, before anything is written.

The strict reader (the checker's own) must read the new text as exactly the
intended data, with types compared strictly (``true`` is not ``1``), and every
comment of the old text must still be there.  Either failing means a bug in
leadreg, never a reason to write a damaged file.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from leadreg import yamlsafe
from leadreg.edit.errors import CommentWouldBeLost, EditError
from leadreg.edit.nodes import comments

_REPORT = "nothing was written; please report this as a leadreg bug"


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    """Dotted path of the first place where ``a`` and ``b`` differ in value or type."""
    if type(a) is not type(b):
        return path or "the top level"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b), key=str):
            sub = f"{path}.{key}" if path else str(key)
            if key not in a or key not in b:
                return sub
            found = first_difference(a[key], b[key], sub)
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return path
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else (path or "the top level")


def prove(old_text: str, new_text: str, expected: Any) -> None:
    """Raise :class:`EditError` unless ``new_text`` is ``expected`` with every old comment."""
    try:
        got, _ = yamlsafe.load(new_text)
    except yamlsafe.LoadError as exc:
        raise EditError(f"the edited file would not read back ({exc.message}); {_REPORT}") from None
    where = first_difference(expected, got)
    if where is not None:
        raise EditError(f"the edit would change {where} unintentionally; {_REPORT}")
    missing = Counter(c for _, c in comments(old_text)) - Counter(c for _, c in comments(new_text))
    if missing:
        lost = next(iter(missing))
        raise CommentWouldBeLost(f"the edit would lose the comment {lost!r}; {_REPORT}")
