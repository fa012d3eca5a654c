"""Output formats for ``leadreg check``: text, github and json."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from leadreg.diagnostics import Report
from leadreg.reporters import github, json_format, text

Reporter = Callable[[Report, TextIO], None]
REPORTERS: dict[str, Reporter] = {
    "text": text.report,
    "github": github.report,
    "json": json_format.report,
}


def summary_line(report: Report) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"
    return (f"checked {plural(report.leads, 'lead')}: {plural(report.errors, 'error')}, "
            f"{plural(report.warnings, 'warning')}")
