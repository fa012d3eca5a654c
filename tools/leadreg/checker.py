"""``leadreg check``: everything that decides whether a registry is valid."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from leadreg.diagnostics import Diagnostic, Report
from leadreg.loading import LoadResult, attach_marks, error, finding_to_diagnostic, load_registry
from leadreg.rules import load_all
from leadreg.settings import Settings
from leadreg.sources import Source


def registry_diagnostics(result: LoadResult, settings: Settings) -> list[Diagnostic]:
    """Run the rules that need every lead at once (duplicates and the like)."""
    found: list[Diagnostic] = []
    for rule in load_all().values():
        if rule.scope != "registry":
            continue
        try:
            for finding in rule.check(result.leads, settings):
                lead = finding.lead
                if lead is None:
                    raise ValueError("registry rules must say which lead a finding is about")
                attach_marks(lead, result.source)
                found.append(finding_to_diagnostic(rule, lead, finding))
        except Exception as exc:  # one broken rule must not hide the others
            found.append(error("registry.yaml", "internal-error",
                               f"rule {rule.code} failed: {type(exc).__name__}: {exc}"))
    return found


def _selected(path: str, wanted: Iterable[str]) -> bool:
    p = PurePosixPath(path)
    return any(p == PurePosixPath(w) or PurePosixPath(w) in p.parents for w in wanted)


def check(settings: Settings, *, source: Source | None = None, paths: list[str] | None = None,
          base: str | None = None, jobs: int | None = None,
          progress: Callable[[int, int], None] | None = None) -> Report:
    """Check the registry; ``paths`` (relative to the root) limits what is reported."""
    result = load_registry(settings, source, jobs=jobs, progress=progress)
    diagnostics = result.diagnostics + registry_diagnostics(result, settings)
    if base is not None:
        from leadreg.changes import change_diagnostics

        diagnostics += change_diagnostics(settings, base, result)
    if paths:
        diagnostics = [d for d in diagnostics if _selected(d.path, paths)]
    diagnostics.sort(key=Diagnostic.sort_key)
    return Report(diagnostics, len(result.leads))
