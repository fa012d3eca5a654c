"""A lead as read from its file, and the vocabulary of stages."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from leadreg.yamlsafe import KeyPath, Marks

ACTIVE_STAGES = ("lead", "opportunity")
CLOSED_STAGES = ("won", "lost", "closed")
STAGES = ACTIVE_STAGES + CLOSED_STAGES
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{1,62}\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def parse_date(value: Any) -> dt.date | None:
    """A strict ``YYYY-MM-DD`` date, or None for anything else."""
    if not isinstance(value, str) or not _DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@dataclass
class Lead:
    """One parsed lead file.

    ``marks`` (line/column of every key and value) exist while the file's own
    checks run; they are dropped before results cross process boundaries and
    re-read on demand, which keeps 100k leads cheap to hold.  ``derived`` holds
    what cross-file rules compute from ``data`` (see :func:`derived`).
    """

    id: str
    path: str
    data: dict[str, Any]
    marks: Marks | None = field(default=None, repr=False, compare=False)
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def stage(self) -> str | None:
        stage = self.data.get("stage")
        return stage if isinstance(stage, str) else None

    @property
    def active(self) -> bool:
        return self.stage in ACTIVE_STAGES

    @property
    def owner(self) -> str | None:
        owner = self.data.get("owner")
        return owner if isinstance(owner, str) else None

    @property
    def customer(self) -> dict[str, Any]:
        customer = self.data.get("customer")
        return customer if isinstance(customer, dict) else {}

    @property
    def customer_name(self) -> str:
        name = self.customer.get("name")
        return name if isinstance(name, str) else ""

    def date(self, key: str) -> dt.date | None:
        return parse_date(self.data.get(key))

    def entries(self, key: str) -> list[tuple[int, dict[str, Any]]]:
        """The well-formed mapping entries of a list field, with their index."""
        items = self.data.get(key)
        if not isinstance(items, list):
            return []
        return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]

    def position(self, path: KeyPath, *, value: bool = False) -> tuple[int | None, int | None]:
        """Line and column of ``path`` (or its nearest existing parent)."""
        if self.marks is None:
            return None, None
        while path and path not in self.marks:
            path = path[:-1]
        mark = self.marks.get(path)
        if mark is None:
            return None, None
        return (mark[2], mark[3]) if value else (mark[0], mark[1])


Derive = Callable[[Sequence[Lead]], list[Any]]
DERIVED: dict[str, Derive] = {}


def derived(name: str) -> Callable[[Derive], Derive]:
    """Register per-lead data that a cross-file rule needs (a customer's parsed
    identity keys), computed from ``data`` a batch of leads at a time.

    Loading computes it where each lead is parsed, in the parallel workers, so
    the main process only receives it (keep it small: tuples of strings).  The
    decorated function becomes the way to read it: it returns the stored values
    and computes only what is missing (leads built in memory).  Derived data is
    not recomputed when ``data`` is changed afterwards.
    """
    def wrap(compute: Derive) -> Derive:
        DERIVED[name] = compute

        def get(leads: Sequence[Lead]) -> list[Any]:
            try:
                return [lead.derived[name] for lead in leads]
            except KeyError:
                missing = [lead for lead in leads if name not in lead.derived]
            for lead, value in zip(missing, compute(missing), strict=True):
                lead.derived[name] = value
            return [lead.derived[name] for lead in leads]

        get.__doc__ = compute.__doc__
        return get
    return wrap


def derive(leads: Sequence[Lead]) -> None:
    """Compute every registered derivation for ``leads`` (loading's workers)."""
    for name, compute in DERIVED.items():
        try:
            pairs = list(zip(leads, compute(leads), strict=True))
        except Exception:  # noqa: BLE001, S112 - computed again, and reported, where it is used
            continue
        for lead, value in pairs:
            lead.derived[name] = value
