"""Every diagnostic code leadreg reports: its severity, group and meaning.

Codes are registered where they are produced (the loader, each rule module,
the change rules), so this table cannot drift from the code; ``leadreg codes``
prints it and a test keeps README's table equal to it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from leadreg.diagnostics import Severity


@dataclass(frozen=True)
class CodeInfo:
    code: str
    severity: Severity
    group: str  # "file", "rule", "registry" or "change"
    summary: str


CODES: dict[str, CodeInfo] = {}

# modules whose import registers codes
_PRODUCERS = ("leadreg.loading", "leadreg.changes.rules")


def register(code: str, severity: Severity, group: str, summary: str) -> str:
    known = CODES.get(code)
    if known is not None and known != CodeInfo(code, severity, group, summary):
        raise RuntimeError(f"diagnostic code {code!r} registered twice")
    CODES[code] = CodeInfo(code, severity, group, summary)
    return code


def all_codes() -> dict[str, CodeInfo]:
    from leadreg.rules import load_all

    load_all()
    for module in _PRODUCERS:
        importlib.import_module(module)
    return dict(sorted(CODES.items()))
