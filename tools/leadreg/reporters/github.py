"""GitHub Actions workflow commands, plus a Markdown step summary.

Annotations put each diagnostic on the changed line in the PR's diff; the
summary lists them all (annotations are capped by GitHub per step).
"""

from __future__ import annotations

import html
import os
from typing import TextIO

from leadreg.diagnostics import Diagnostic, Report

SUMMARY_LIMIT = 1 << 20  # GitHub refuses step summaries over 1 MiB


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic) -> str:
    props = [f"file={escape_property(d.path)}"]
    if d.line is not None:
        props.append(f"line={d.line}")
        props.append(f"col={d.column or 1}")
    props.append(f"title={escape_property(d.code)}")
    return f"::{d.severity.value} {','.join(props)}::{escape_data(d.message)}"


def markdown_cell(text: str) -> str:
    """Text for a table cell: no HTML, no table breaks, no line breaks."""
    cell = html.escape(text, quote=False).replace("|", "\\|")
    return " ".join(cell.split())


def summary_markdown(result: Report, limit: int = SUMMARY_LIMIT) -> str:
    head = (f"## leadreg check\n\n{result.leads} leads: **{result.errors} errors**, "
            f"{result.warnings} warnings\n\n")
    if not result.diagnostics:
        return head + "No problems found.\n"
    lines = ["| file | line | severity | code | message |", "| --- | --- | --- | --- | --- |"]
    size = len(head.encode()) + sum(len(line.encode()) + 1 for line in lines) + 200
    shown = 0
    for d in result.diagnostics:
        row = (f"| {markdown_cell(d.path)} | {d.line or ''} | {d.severity.value} | "
               f"`{d.code}` | {markdown_cell(d.message)} |")
        if size + len(row.encode()) + 1 > limit:
            break
        lines.append(row)
        size += len(row.encode()) + 1
        shown += 1
    text = head + "\n".join(lines) + "\n"
    if shown < len(result.diagnostics):
        text += (f"\n{len(result.diagnostics) - shown} more diagnostics left out to stay under "
                 "GitHub's 1 MiB summary limit; run `leadreg check` locally for all.\n")
    return text


def report(result: Report, out: TextIO) -> None:
    for d in result.diagnostics:
        out.write(annotation(d) + "\n")
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        with open(summary_path, "a", encoding="utf-8") as fh:
            fh.write(summary_markdown(result))
