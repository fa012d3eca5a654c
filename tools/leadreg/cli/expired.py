"""``leadreg expired``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from leadreg.cli.app import main
from leadreg.cli.common import as_date, format_option, open_settings, root_option, today_option
from leadreg.expired_report import build_report, text_lines


@main.command()
@today_option
@format_option("text", "json")
@root_option
def expired(today: dt.datetime | None, fmt: str | None, root: Path | None) -> None:
    """List active leads past their deadline, and those due within warn_days.

    A lead is expired from the day after its deadline, in the registry's
    timezone. Exits 1 when some lead files could not be read (the list may
    then be incomplete).
    """
    settings = open_settings(root)
    report = build_report(settings, settings.today(as_date(today)))
    if fmt == "json":
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        click.echo("\n".join(text_lines(report)))
    if report.unreadable:
        click.echo(f"leadreg: {len(report.unreadable)} lead file(s) could not be read, so this "
                   f"list may be incomplete: {', '.join(report.unreadable)}; run leadreg check",
                   err=True)
        sys.exit(1)
