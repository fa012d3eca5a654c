"""One line per diagnostic, like a compiler: ``path:line:col: error[code]: message``."""

from __future__ import annotations

from typing import TextIO

from leadreg.diagnostics import Diagnostic, Report


def format_line(d: Diagnostic) -> str:
    where = d.path if d.line is None else f"{d.path}:{d.line}:{d.column or 1}"
    message = d.message.replace("\r", " ").replace("\n", " ")
    return f"{where}: {d.severity.value}[{d.code}]: {message}"


def report(result: Report, out: TextIO) -> None:
    for d in result.diagnostics:
        out.write(format_line(d) + "\n")
