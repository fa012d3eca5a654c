"""Pull-request rules (SPEC §7) and the manager approval gate (``leadreg approvals``).

:func:`change_diagnostics` is what ``leadreg check --base REF`` adds to a check.
"""

from __future__ import annotations

from leadreg.diagnostics import Diagnostic
from leadreg.loading import LoadResult
from leadreg.settings import Settings


def change_diagnostics(settings: Settings, base: str, result: LoadResult) -> list[Diagnostic]:
    """Diagnostics for the change from git revision ``base`` to the working tree."""
    from leadreg.changes.compare import compare
    from leadreg.changes.rules import diagnose

    return diagnose(compare(settings, base, result), result)


__all__ = ["change_diagnostics"]
