"""``leads.json`` and ``leads.csv``: every lead's public fields, for tools and spreadsheets."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from leadreg.sitebuild.privacy import is_private
from leadreg.sitebuild.views import LeadView

# (column, dotted field path or None for a computed column)
CSV_COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("id", None), ("title", "title"), ("customer", "customer.name"),
    ("aliases", "customer.aliases"), ("website", "customer.website"),
    ("region", "customer.region"), ("industry", "customer.industry"),
    ("source", "source"), ("owner", "owner"), ("owner_name", "owner"),
    ("assistants", "assistants"), ("team", "team"), ("stage", "stage"),
    ("registered", "registered"), ("deadline", "deadline"), ("days_left", None),
    ("expired", None), ("closed_date", "closed"), ("closed_reason", "closed"), ("path", None),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def json_record(view: LeadView) -> dict[str, Any]:
    """``id``, the public fields as written, then ``expired`` and ``days_left``."""
    return {"id": view.id, **view.data, "expired": view.expired, "days_left": view.days_left}


def json_line(view: LeadView) -> str:
    """One lead's line of ``leads.json`` (made in the workers that render its page)."""
    return json.dumps(json_record(view), ensure_ascii=False, default=_default)


def json_document(lines: Sequence[str]) -> bytes:
    """A JSON array, one lead per line: readable in a diff."""
    return ("[\n" + ",\n".join(lines) + "\n]\n").encode() if lines else b"[]\n"


def _default(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _cell(value: str) -> str:
    """Spreadsheet programs run cells that start like a formula: defuse them."""
    return "'" + value if value.startswith(_FORMULA_START) else value


class CsvTable:
    """``leads.csv``: UTF-8 with a BOM (so Excel reads Chinese), public columns only.

    Rows are made one lead at a time, in the workers that render its page,
    and joined under the header at the end.
    """

    def __init__(self, private: Sequence[str], rep_name: Callable[[str], str]) -> None:
        self.columns = [name for name, path in CSV_COLUMNS
                        if path is None or not is_private(path, private)]
        self.rep_name = rep_name
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")

    def _line(self, cells: list[str]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(cells)
        return self._buffer.getvalue()

    def header(self) -> str:
        return self._line(self.columns)

    def row(self, view: LeadView) -> str:
        values = {
            "id": view.id, "title": view.title, "customer": view.customer,
            "aliases": "; ".join(view.aliases), "website": view.website,
            "region": view.region, "industry": view.industry, "source": view.source,
            "owner": view.owner, "owner_name": self.rep_name(view.owner) if view.owner else "",
            "assistants": "; ".join(view.assistant_ids), "team": "; ".join(view.team),
            "stage": view.stage,
            "registered": view.registered.isoformat() if view.registered else "",
            "deadline": view.deadline.isoformat() if view.deadline else "",
            "days_left": "" if view.days_left is None else str(view.days_left),
            "expired": "true" if view.expired else "false",
            "closed_date": view.closed_date.isoformat() if view.closed_date else "",
            "closed_reason": view.closed_reason, "path": view.path,
        }
        return self._line([values[name] if name == "days_left" else _cell(values[name])
                           for name in self.columns])

    def document(self, rows: Sequence[str]) -> bytes:
        return (self.header() + "".join(rows)).encode("utf-8-sig")
