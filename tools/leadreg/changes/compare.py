"""Pair the leads of a git revision with those of the working tree, by id.

A lead's identity is its id (the file's stem), not its path, so moving a file
to another folder keeps it the same lead.  Only leads whose bytes differ are
parsed on the REF side: at 100,000 leads a pull request touches a handful, and
equal git blob ids prove the rest unchanged without reading them from git.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from leadreg import yamlsafe
from leadreg.changes.gitread import GitRevisionError, Revision, TreeEntry
from leadreg.lead import ID_PATTERN, Lead
from leadreg.loading import LoadResult
from leadreg.settings import LEADS_DIR, SETTINGS_FILE, Settings, SettingsError, parse_settings
from leadreg.sources import MAX_BYTES

_PREFIX = LEADS_DIR + "/"


@dataclass(frozen=True)
class OldLead:
    """A lead as it was at REF; ``data`` is None when that file did not parse."""

    id: str
    path: str
    data: dict[str, Any] | None


@dataclass(frozen=True)
class Pair:
    """One lead that exists on both sides and whose file changed or moved."""

    old: OldLead
    new: Lead

    @property
    def moved(self) -> bool:
        return self.old.path != self.new.path


@dataclass
class Comparison:
    """What changed between REF and the working tree, lead by lead."""

    revision: Revision
    changed: list[Pair] = field(default_factory=list)
    deleted: list[OldLead] = field(default_factory=list)
    added: list[Lead] = field(default_factory=list)

    @property
    def ref(self) -> str:
        return self.revision.ref


def _lead_id(path: str) -> str | None:
    """The id of a lead file path under leads/, or None for anything else."""
    if not path.startswith(_PREFIX) or not path.endswith(".yaml"):
        return None
    stem = path.rpartition("/")[2][:-5]
    return stem if ID_PATTERN.match(stem) else None


def _old_leads(revision: Revision) -> dict[str, TreeEntry]:
    found: dict[str, TreeEntry] = {}
    for path, entry in revision.files(LEADS_DIR).items():  # ls-tree lists in path order
        lead_id = _lead_id(path)
        if lead_id is not None and entry.kind == "file":
            found.setdefault(lead_id, entry)
    return found


def _parse(raw: bytes | None) -> dict[str, Any] | None:
    if raw is None:
        return None
    try:
        data, _ = yamlsafe.load(yamlsafe.decode(raw))
    except yamlsafe.LoadError:
        return None
    return data if isinstance(data, dict) else None


def compare(settings: Settings, ref: str, result: LoadResult) -> Comparison:
    """Compare revision ``ref`` with the leads ``result`` read from the working tree."""
    revision = Revision.open(settings.root, ref)
    old = _old_leads(revision)
    new = {lead.id: lead for lead in sorted(result.leads, key=lambda x: x.path, reverse=True)}
    # files that exist but did not load (broken YAML, ...) are reported by the loader
    unreadable = {lead_id for d in result.diagnostics if (lead_id := _lead_id(d.path))}
    comparison = Comparison(revision)
    in_place = [new[i].path for i, e in old.items() if i in new and new[i].path == e.path]
    current = revision.working_ids(in_place)
    differing: list[tuple[TreeEntry, Lead]] = []
    for lead_id, entry in old.items():
        lead = new.get(lead_id)
        if lead is None:
            if lead_id not in unreadable:
                comparison.deleted.append(OldLead(lead_id, entry.path, None))
        elif current.get(lead.path) != entry.oid:
            differing.append((entry, lead))
    blobs = revision.blobs((entry.oid for entry, _ in differing), MAX_BYTES)
    for entry, lead in differing:
        old_lead = OldLead(lead.id, entry.path, _parse(blobs.get(entry.oid)))
        comparison.changed.append(Pair(old_lead, lead))
    comparison.added = sorted((lead for lead in result.leads if lead.id not in old),
                              key=lambda x: x.path)
    return comparison


def settings_at(revision: Revision, root_settings: Settings) -> Settings:
    """registry.yaml as it was at the revision: whom REF trusts as managers."""
    label = f"{revision.ref}:{SETTINGS_FILE}"
    entry = revision.files(SETTINGS_FILE).get(SETTINGS_FILE)
    if entry is None or entry.kind != "file":
        raise GitRevisionError(f"{label}: no such file at that revision, so no managers "
                               "are known there")
    raw = revision.blobs([entry.oid], MAX_BYTES).get(entry.oid)
    if raw is None:
        raise GitRevisionError(f"{label}: larger than 1 MiB")
    try:
        return parse_settings(yamlsafe.decode(raw), root_settings.root, label)
    except yamlsafe.LoadError as exc:
        raise SettingsError(f"{label}:{exc.line}:{exc.column}: {exc.message}") from None
