"""``leadreg codes``: every diagnostic code with its severity and meaning."""

from __future__ import annotations

import json

import click

from leadreg.cli.app import main
from leadreg.cli.common import format_option
from leadreg.codes import all_codes


@main.command()
@format_option("text", "json", "markdown")
def codes(fmt: str | None) -> None:
    """List the diagnostic codes `leadreg check` can report."""
    table = all_codes().values()
    if fmt == "json":
        click.echo(json.dumps([{"code": c.code, "severity": c.severity.value, "group": c.group,
                                "summary": c.summary} for c in table], ensure_ascii=False,
                              indent=2))
    elif fmt == "markdown":
        click.echo("| code | severity | when |\n| --- | --- | --- |")
        for c in table:
            summary = c.summary.replace("|", "\\|")
            click.echo(f"| `{c.code}` | {c.severity.value} | {summary} |")
    else:
        width = max(len(c.code) for c in table)
        for c in table:
            click.echo(f"{c.code:<{width}}  {c.severity.value:<7}  {c.summary}")
