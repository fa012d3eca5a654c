"""``leadreg check``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from leadreg.checker import check as run_check
from leadreg.cli.app import main
from leadreg.cli.common import (
    format_option,
    open_settings,
    progress_reporter,
    relative_paths,
    root_option,
)
from leadreg.reporters import REPORTERS, summary_line


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option("text", "github", "json")
@click.option("--base", metavar="REF", default=None,
              help="Also check the change from git revision REF (SPEC §7).")
@click.option("--strict", is_flag=True, help="Warnings fail too.")
@root_option
def check(paths: tuple[Path, ...], fmt: str | None, base: str | None, strict: bool,
          root: Path | None) -> None:
    """Validate the whole registry; with PATHs, report only those files."""
    settings = open_settings(root)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    report = run_check(settings, paths=relative_paths(paths, settings.root) or None, base=base,
                       progress=progress_reporter("checking"))
    REPORTERS[fmt](report, sys.stdout)
    click.echo(summary_line(report), err=True)
    sys.exit(1 if report.failed(strict) else 0)
