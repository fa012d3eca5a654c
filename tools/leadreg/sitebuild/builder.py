"""Build the whole site into a folder: the one entry point of ``leadreg build``."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from leadreg.diagnostics import Diagnostic, Severity
from leadreg.gcpause import no_collections
from leadreg.lead import Lead
from leadreg.loading import load_registry
from leadreg.parallel import map_chunks
from leadreg.settings import Settings
from leadreg.sitebuild import pages
from leadreg.sitebuild.calendars import calendar_bytes, event_bytes
from leadreg.sitebuild.context import Site
from leadreg.sitebuild.exports import CsvTable, json_document, json_line
from leadreg.sitebuild.i18n import Translator
from leadreg.sitebuild.links import pages_url
from leadreg.sitebuild.searchindex import Postings, add_postings, build_index, search_keys
from leadreg.sitebuild.searchkeys import prepare as prepare_names
from leadreg.sitebuild.theme import environment, static_files
from leadreg.sitebuild.views import LeadView, build_view

MARKER = ".leadreg-site"


class OutputError(Exception):
    """The output folder cannot be used (bad usage: exit 2)."""


@dataclass
class BuildResult:
    out: Path
    leads: int
    files: int
    skipped: list[Diagnostic] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """Some lead files could not be published: the registry has errors."""
        return bool(self.skipped)


def prepare_output(out: Path) -> None:
    """Empty ``out`` for a fresh build; refuse a folder that is not a previous build.

    Removing stale files keeps a rebuild identical to a first build; the
    marker file keeps ``--out .`` from wiping a folder that is not a site.
    """
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise OutputError(f"{out} exists and is not a folder")
    if out.is_dir():
        children = list(out.iterdir())
        if children and not (out / MARKER).is_file():
            raise OutputError(f"{out} is not empty and was not built by leadreg; "
                              "choose another --out folder or empty it")
        for child in children:
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    out.mkdir(parents=True, exist_ok=True)


def _select(loaded: list[Lead], diagnostics: list[Diagnostic]) -> tuple[list[Lead], list[Diagnostic]]:
    """Readable, schema-valid leads (the first file of a duplicated id), sorted by id.

    A file with an error is left out whole: half a lead on the board would
    mislead more than its absence, and the error names it.
    """
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    bad_paths = {d.path for d in errors}
    chosen: dict[str, Lead] = {}
    for lead in sorted(loaded, key=lambda lead: lead.path):
        if lead.path in bad_paths or lead.id in chosen:
            continue
        chosen[lead.id] = lead
    return [chosen[k] for k in sorted(chosen)], errors


def build_site(settings: Settings, out: Path, today: dt.date | None = None, *,
               jobs: int | None = None,
               progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Read the registry, then write every page, export, calendar and search file."""
    day = settings.today(today)
    loaded = load_registry(settings, rules=False, jobs=jobs, progress=progress)
    with no_collections():  # views and index data live to the end: nothing for a collection
        return _build(settings, out, day, loaded.leads, loaded.diagnostics, jobs)


def _build(settings: Settings, out: Path, day: dt.date, loaded: list[Lead],
           diagnostics: list[Diagnostic], jobs: int | None) -> BuildResult:
    leads, skipped = _select(loaded, diagnostics)
    prepare_output(out)
    t = Translator(settings.language)
    site = Site(settings, day, t, [build_view(lead, settings, day) for lead in leads], out)
    site.env = environment(settings, t, day, site.rep_name)
    files = 0
    for relpath, path in static_files(settings).items():
        files += site.write(relpath, path.read_bytes())
    files += site.write(MARKER, b"built by leadreg build; the next build empties this folder\n")
    files += site.write(".nojekyll", b"")
    groups = pages.by_stage(site)
    files += pages.board(site, groups)
    files += pages.stage_pages(site, groups, jobs)
    files += pages.rep_pages(site, jobs)
    files += pages.expired_page(site)
    files += pages.stats_page(site)
    files += pages.not_found_page(site)
    files += _per_lead(site, jobs)
    return BuildResult(out, len(site.views), files, skipped)


@dataclass
class _Published:
    """What a worker sends back for a chunk of leads whose pages it wrote."""
    events: list[bytes]  # each lead's VEVENT (empty without an active deadline)
    keys: list[list[str]]  # each lead's search keys
    postings: Postings  # the chunk's search postings
    json_lines: list[str]  # each lead's line of leads.json
    csv_rows: list[str]  # each lead's row of leads.csv


def _per_lead(site: Site, jobs: int | None) -> int:
    """Lead pages in parallel; calendars and the search index from what they return."""
    settings, t = site.settings, site.t
    base = pages_url(settings.repo_url)
    domain = (urlsplit(base).hostname if base else None) or "leadreg.invalid"
    site.env.get_template("lead.html")  # compile once, before the workers fork
    table = CsvTable(settings.private, site.rep_name)

    def publish(start: int, views: Sequence[LeadView]) -> _Published:
        done = _Published([], [], {}, [], [])
        prepare_names([name for view in views for name in (view.customer, *view.aliases)])
        for number, view in enumerate(views, start):
            pages.lead_page(site, view)
            done.json_lines.append(json_line(view))
            done.csv_rows.append(table.row(view))
            url = f"{base}leads/{view.id}/index.html" if base else None
            done.events.append(event_bytes(view, t=t, rep_name=site.rep_name,
                                           uid_domain=domain, url=url))
            keys, key_grams = search_keys([view.customer, *view.aliases], view.id)
            done.keys.append(keys)
            add_postings(done.postings, number, key_grams)
        return done

    parts = map_chunks(publish, site.views, jobs)
    files = len(site.views)
    files += site.write("leads.json", json_document([j for p in parts for j in p.json_lines]))
    files += site.write("leads.csv", table.document([r for p in parts for r in p.csv_rows]))
    events = [event for part in parts for event in part.events]
    files += site.write("calendar.ics",
                        calendar_bytes(t("calendar_all", name=settings.name), events))
    per_rep: dict[str, list[bytes]] = {rep: [] for rep in site.people()}
    for view, event in zip(site.views, events, strict=True):
        for rep in dict.fromkeys((view.owner, *view.assistant_ids)):
            if rep and event:
                per_rep.setdefault(rep, []).append(event)
    for rep, mine in per_rep.items():
        files += site.write(f"reps/{rep}/calendar.ics",
                            calendar_bytes(t("calendar_of", name=site.rep_name(rep)), mine))
    keys = [k for part in parts for k in part.keys]
    records = [(v.id, v.customer, v.title, v.stage, site.rep_name(v.owner), found)
               for v, found in zip(site.views, keys, strict=True)]
    for relpath, data in build_index(records, (part.postings for part in parts)).items():
        files += site.write(f"search/{relpath}", data)
    return files
