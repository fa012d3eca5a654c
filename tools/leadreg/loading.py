"""Read every lead of a registry: safe parsing, schema and per-lead rules.

Per-file work is independent, so it is spread over all cores with ``fork``
workers; each worker returns leads without their position marks (cheap to
send back) and cross-file checks re-read the marks of the few files they
report on (:func:`attach_marks`).  What cross-file rules compute per lead
(:func:`leadreg.lead.derived`) is computed in the workers too.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath
from typing import Any

from leadreg import leadschema, yamlsafe
from leadreg.codes import register
from leadreg.diagnostics import Diagnostic, Severity
from leadreg.gcpause import no_collections
from leadreg.lead import ID_PATTERN, Lead, derive
from leadreg.parallel import default_jobs
from leadreg.rules import Finding, Rule, load_all
from leadreg.settings import Settings
from leadreg.sources import REGULAR, SYMLINK, DiskSource, Source

for _code, _summary in (
    ("yaml-syntax", "the file is not valid YAML, or holds more than one document"),
    ("yaml-duplicate-key", "a key appears twice in one mapping"),
    ("yaml-alias", "an anchor (&a), alias (*a) or merge key (<<)"),
    ("yaml-tag", "an explicit tag such as !!python/object or !!str"),
    ("not-utf8", "the file is not UTF-8 text (a BOM is fine)"),
    ("file-too-large", "the file is over 1 MiB"),
    ("symlink", "a symbolic link under leads/ (never followed)"),
    ("not-a-file", "a FIFO, socket or device under leads/"),
    ("bad-filename", "the name is not ID.yaml with a valid id (or ends in .yml)"),
    ("duplicate-id", "two files under leads/ have the same stem"),
    ("schema", "the lead does not match schema/lead.schema.json (unknown field, wrong type, …)"),
    ("internal-error", "a rule failed on this file: please report it"),
):
    register(_code, Severity.ERROR, "file", _summary)

PARALLEL_FROM = 400  # below this many files a pool costs more than it saves
_CHUNK = 200


@dataclass
class LoadResult:
    leads: list[Lead]
    diagnostics: list[Diagnostic]
    source: Source

    def by_id(self) -> dict[str, Lead]:
        return {lead.id: lead for lead in self.leads}


def error(path: str, code: str, message: str, line: int | None = None,
          column: int | None = None, related: Sequence[str] = ()) -> Diagnostic:
    return Diagnostic(path, line, column, Severity.ERROR, code, message, tuple(related))


def finding_to_diagnostic(rule: Rule, lead: Lead, finding: Finding) -> Diagnostic:
    line, column = lead.position(finding.at, value=finding.on_value)
    return Diagnostic(lead.path, line, column, rule.severity, rule.code, finding.message,
                      tuple(finding.related))


def attach_marks(lead: Lead, source: Source) -> Lead:
    """Re-read a lead's positions, for a diagnostic found after loading."""
    if lead.marks is None:
        try:
            _, lead.marks = yamlsafe.load(yamlsafe.decode(source.read(lead.path)), with_marks=True)
        except yamlsafe.LoadError:
            lead.marks = {}
    return lead


@cache
def _lead_rules() -> list[Rule]:
    return [rule for rule in load_all().values() if rule.scope == "lead"]


def read_lead(source: Source, path: str, settings: Settings | None,
              ) -> tuple[Lead | None, list[Diagnostic]]:
    """Parse and check one file; ``settings`` None skips the business rules."""
    try:
        text = yamlsafe.decode(source.read(path))
        data, marks = yamlsafe.load(text, with_marks=True)
    except yamlsafe.LoadError as exc:
        return None, [error(path, exc.code, exc.message, exc.line, exc.column)]
    if not isinstance(data, dict):
        line, col = (marks or {}).get((), (1, 1, 1, 1))[:2]
        return None, [error(path, "schema", "the top level must be a mapping of fields "
                            "(title:, customer:, …)", line, col)]
    lead = Lead(stem_and_suffix(path)[0], path, data, marks)
    found: list[Diagnostic] = []
    for at, message, on_value in leadschema.errors(data):
        at_line, at_col = lead.position(at, value=on_value)
        found.append(error(path, "schema", message, at_line, at_col))
    if settings is not None:
        for rule in _lead_rules():
            try:
                for finding in rule.check(lead, settings):
                    found.append(finding_to_diagnostic(rule, lead, finding))
            except Exception as exc:  # a rule's bug must not hide the other files
                found.append(error(path, "internal-error",
                                   f"rule {rule.code} failed: {type(exc).__name__}: {exc}"))
    lead.marks = None
    return lead, found


def stem_and_suffix(path: str) -> tuple[str, str]:
    """``PurePosixPath(path).stem`` and ``.suffix``, at string speed (100k files)."""
    if "//" in path or "/." in path or path.startswith(".") or path.endswith("/"):
        name = PurePosixPath(path).name
    else:
        name = path.rpartition("/")[2]
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")


def _classify(entries: list[tuple[str, str]]) -> tuple[list[str], list[Diagnostic]]:
    """Pick the lead files; diagnose links, odd files and bad names."""
    files: list[str] = []
    found: list[Diagnostic] = []
    for path, kind in entries:
        stem, suffix = stem_and_suffix(path)
        if kind == SYMLINK:
            found.append(error(path, "symlink", "symbolic links are not followed in leads/; "
                               "commit the file itself"))
            continue
        if suffix.lower() in (".yml", ".yaml") and suffix != ".yaml":
            found.append(error(path, "bad-filename", f"lead files end in .yaml, not {suffix}; "
                               f"rename it to {stem}.yaml"))
            continue
        if suffix != ".yaml":
            continue  # README.md, .gitkeep, …: not leads
        if kind != REGULAR:
            found.append(error(path, "not-a-file", "not a regular file"))
            continue
        if not ID_PATTERN.match(stem):
            found.append(error(path, "bad-filename", f"{stem!r} is not a valid lead id: use "
                               "2–63 lower-case letters, digits and '-', starting with a "
                               "letter or digit"))
            continue
        files.append(path)
    return files, found


def _duplicate_ids(files: list[str]) -> list[Diagnostic]:
    by_stem: dict[str, list[str]] = defaultdict(list)
    for path in files:
        by_stem[stem_and_suffix(path)[0]].append(path)
    found = []
    for stem, paths in by_stem.items():
        for path in paths[1:] if len(paths) > 1 else ():
            others = [p for p in paths if p != path]
            found.append(error(path, "duplicate-id", f"lead id {stem!r} is already used by "
                               f"{', '.join(others)}; ids are unique across leads/", 1, 1, others))
    return found


SHARED_UP_TO = 16  # characters: texts this short repeat across leads (stages, reps, dates)


def _shared_texts(value: Any) -> Any:
    """``value`` with its keys and short texts (customer, stage, lead, 2026-09-01) as
    one object each: a batch of leads then pickles each once, and the main
    process holds each once per batch instead of once per lead (100k leads)."""
    if isinstance(value, dict):
        return {sys.intern(k) if type(k) is str else k: _shared_texts(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_shared_texts(v) for v in value]
    if type(value) is str and len(value) <= SHARED_UP_TO:
        return sys.intern(value)
    return value


def read_chunk(source: Source, paths: list[str], settings: Settings | None, derived: bool,
               ) -> list[tuple[Lead | None, list[Diagnostic]]]:
    """:func:`read_lead` for each path, then the derived data of the leads read."""
    results = [read_lead(source, p, settings) for p in paths]
    for lead, _ in results:
        if lead is not None:
            try:
                lead.data = _shared_texts(lead.data)
            except RecursionError:
                pass  # nested deeper than a lead ever is (and reported): kept as read
    if derived:
        derive([lead for lead, _ in results if lead is not None])
    return results


_WORKER: tuple[Source, Settings | None, bool] | None = None


def _work(paths: list[str]) -> list[tuple[Lead | None, list[Diagnostic]]]:
    assert _WORKER is not None
    return read_chunk(_WORKER[0], paths, *_WORKER[1:])


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def load_registry(settings: Settings, source: Source | None = None, *, rules: bool = True,
                  derived: bool | None = None, jobs: int | None = None,
                  progress: Callable[[int, int], None] | None = None) -> LoadResult:
    """Read and check every lead file; never raises for a bad file.

    ``derived`` (default: ``rules``) also computes each lead's derived data.
    """
    global _WORKER
    source = source or DiskSource(settings.root)
    files, diagnostics = _classify(source.entries())
    diagnostics += _duplicate_ids(files)
    jobs = jobs or default_jobs()
    checked_settings = settings if rules else None
    derived = rules if derived is None else derived
    results: Iterator[list[tuple[Lead | None, list[Diagnostic]]]]
    if jobs > 1 and len(files) >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods():
        _WORKER = (source, checked_settings, derived)
        _lead_rules()  # import rule modules once, before forking
        leadschema.is_valid({})
        gc.freeze()  # the workers' collections then skip all they inherit (and never copy it)
        try:
            pool = multiprocessing.get_context("fork").Pool(jobs)
        finally:
            gc.unfreeze()
        results = pool.imap(_work, _chunks(files, _CHUNK))
    else:
        pool = None
        results = (read_chunk(source, chunk, checked_settings, derived)
                   for chunk in _chunks(files, _CHUNK))
    leads: list[Lead] = []
    done = 0
    # Once read, the leads live as long as the command: frozen, later
    # collections skip them too (and forked workers never copy their pages).
    with no_collections(freeze=pool is not None):
        try:
            for batch in results:
                for lead, found in batch:
                    if lead is not None:
                        leads.append(lead)
                    diagnostics.extend(found)
                done += len(batch)
                if progress:
                    progress(done, len(files))
        finally:
            if pool is not None:
                pool.close()
                pool.join()
            _WORKER = None
    return LoadResult(leads, diagnostics, source)
