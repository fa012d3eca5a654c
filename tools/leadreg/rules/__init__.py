"""Business rules: one small function per diagnostic code.

Add a rule by adding a module to this package (it is imported automatically)
with a function decorated by :func:`lead_rule` (sees one lead) or
:func:`registry_rule` (sees all leads at once).  Give it a ``passing`` and a
``failing`` example: the test-suite runs both through ``leadreg check``, and
README lists them.  The function yields :class:`Finding`\\ s; the framework
turns them into diagnostics with the file, line and column.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from leadreg.codes import register
from leadreg.diagnostics import Severity
from leadreg.lead import Lead
from leadreg.settings import Settings
from leadreg.yamlsafe import KeyPath


@dataclass(frozen=True)
class Finding:
    """What a rule found, relative to a lead; ``at`` is the key path to point at."""

    message: str
    at: KeyPath = ()
    related: tuple[str, ...] = ()
    on_value: bool = True
    lead: Lead | None = None  # registry rules: the lead the finding is about


LeadCheck = Callable[[Lead, Settings], Iterable[Finding]]
RegistryCheck = Callable[[Sequence[Lead], Settings], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    check: Callable[..., Iterable[Finding]]
    scope: str  # "lead" or "registry"
    summary: str
    # Examples: {lead id: YAML that overrides the example base lead}
    passing: dict[str, str] = field(default_factory=dict)
    failing: dict[str, str] = field(default_factory=dict)


RULES: dict[str, Rule] = {}


def _as_examples(value: str | dict[str, str]) -> dict[str, str]:
    return {"example": value} if isinstance(value, str) else dict(value)


def _register(scope: str, code: str, severity: Severity, passing: Any, failing: Any
              ) -> Callable[[Callable[..., Iterable[Finding]]], Callable[..., Iterable[Finding]]]:
    def wrap(func: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        if code in RULES:
            raise RuntimeError(f"two rules claim the code {code!r}")
        summary = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else code
        register(code, severity, scope, summary)
        RULES[code] = Rule(code, severity, func, scope, summary,
                           _as_examples(passing), _as_examples(failing))
        return func
    return wrap


def lead_rule(code: str, *, passing: str | dict[str, str], failing: str | dict[str, str],
              severity: Severity = Severity.ERROR) -> Callable[[LeadCheck], LeadCheck]:
    """Register a check that looks at one lead at a time (runs in parallel)."""
    return _register("lead", code, severity, passing, failing)


def registry_rule(code: str, *, passing: str | dict[str, str], failing: str | dict[str, str],
                  severity: Severity = Severity.ERROR) -> Callable[[RegistryCheck], RegistryCheck]:
    """Register a check that needs every lead at once (findings name their lead)."""
    return _register("registry", code, severity, passing, failing)


def load_all() -> dict[str, Rule]:
    """Import every module of this package so that its rules register."""
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    return RULES
