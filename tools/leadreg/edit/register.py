"""``leadreg new``: register a lead (备案), refusing a customer someone already holds."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from leadreg.diagnostics import Diagnostic
from leadreg.edit.document import lead_paths
from leadreg.edit.errors import EditError
from leadreg.edit.ids import suggest_id
from leadreg.edit.outcome import Outcome, require_rep, text
from leadreg.edit.placement import choose_folder
from leadreg.edit.save import checked_write
from leadreg.edit.scalars import scalar
from leadreg.edit.verify import prove
from leadreg.identity.matching import Match, find_matches
from leadreg.lead import ID_PATTERN, Lead
from leadreg.loading import load_registry
from leadreg.settings import Settings
from leadreg.sources import DiskSource

SCHEMA_FILE = "schema/lead.schema.json"


@dataclass
class NewLead:
    """What a rep says about a new lead; the rest is filled in."""

    customer: str
    title: str
    owner: str
    lead_id: str | None = None
    source: str | None = None
    deadline: dt.date | None = None
    credit_code: str | None = None
    website: str | None = None
    folder: str | None = None


def _holder(match: Match) -> str:
    lead = match.lead
    return (f"{lead.path} (owner {lead.owner or '?'}, registered "
            f"{lead.data.get('registered', '?')}, stage {lead.stage or '?'})")


def modeline(folder: str) -> str:
    """The editor hint that points at the schema, relative to the lead's folder."""
    relative = os.path.relpath(SCHEMA_FILE, folder).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={relative}"


def render(data: dict[str, Any], folder: str) -> str:
    """A new lead file's text: the modeline, then one field a line."""
    lines = [modeline(folder)]
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {scalar(v)}" for k, v in value.items()]
        else:
            lines.append(f"{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"


def holders(settings: Settings, customer: dict[str, str], leads: list[Lead]) -> list[Match]:
    """The active leads of this very customer: whoever registered it first holds it.

    Look-alikes and earlier closed leads are not refused; ``leadreg check``
    reports them as warnings, which the command prints.
    """
    return [m for m in find_matches(customer, leads, settings)
            if m.kind == "same" and m.lead.active]


def register(settings: Settings, new: NewLead, today: dt.date) -> Outcome:
    """Write ``leads/…/ID.yaml`` for a new lead, or refuse and say why."""
    customer_name = text(new.customer, "--customer")
    title = text(new.title, "--title")
    require_rep(settings, new.owner, "owner", today)
    customer: dict[str, str] = {"name": customer_name}
    if new.credit_code and new.credit_code.strip():
        customer["credit_code"] = text(new.credit_code, "--credit-code").upper()
    if new.website and new.website.strip():
        customer["website"] = text(new.website, "--website")
    if new.source is not None and new.source not in settings.sources:
        known = ", ".join(sorted(settings.sources))
        raise EditError(f"--source {new.source!r} is not one of registry.yaml's sources: {known}")
    source = DiskSource(settings.root)
    result = load_registry(settings, source, rules=False)
    same = holders(settings, customer, result.leads)
    if same:
        held_by = "; ".join(_holder(m) for m in same)
        raise EditError(f"{customer_name} already has an active lead: {held_by}. Ask its owner "
                        "to take you on as an assistant instead (see `leadreg find`)")
    paths = lead_paths(source)
    lead_id = new.lead_id.strip() if new.lead_id else suggest_id(customer_name, paths)
    if not ID_PATTERN.match(lead_id):
        raise EditError(f"{lead_id!r} is not a valid lead id: 2–63 lower-case letters, digits "
                        "and '-', starting with a letter or digit")
    if lead_id in paths:
        raise EditError(f"lead id {lead_id!r} is taken by {', '.join(paths[lead_id])}; "
                        "choose another --id")
    registered = today
    deadline = new.deadline or registered + dt.timedelta(days=settings.rules.deadline_days)
    if deadline < registered:
        raise EditError(f"--deadline {deadline} is before today ({registered})")
    data: dict[str, Any] = {"title": title, "customer": customer}
    if new.source:
        data["source"] = new.source
    data.update(owner=new.owner, stage="lead", registered=registered.isoformat(),
                deadline=deadline.isoformat())
    folder = choose_folder(customer_name, new.owner, [p for ps in paths.values() for p in ps],
                           result.leads, new.folder)
    content = render(data, folder)
    prove("", content, data)
    relpath = str(PurePosixPath(folder, f"{lead_id}.yaml"))
    warnings: list[Diagnostic] = checked_write(settings, relpath, content.encode("utf-8"),
                                               new=True)
    summary = f"registered {lead_id} in {relpath}: deadline {deadline}, owner {new.owner}"
    return Outcome(relpath, summary, warnings)
