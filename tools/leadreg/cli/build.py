"""``leadreg build``: the static lead board (SPEC §6)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from leadreg.cli.app import main
from leadreg.cli.common import as_date, open_settings, progress_reporter, root_option, today_option

SHOW_SKIPPED = 20


@main.command()
@click.option("--out", "out", type=click.Path(path_type=Path), default=Path("_site"),
              show_default=True, help="The folder to write the site into.")
@today_option
@root_option
def build(out: Path, today: object, root: Path | None) -> None:
    """Build the static site: board, lead pages, reps, expired, stats, JSON, CSV, calendars.

    Files that cannot be read or break the schema are left out and listed on
    stderr (exit 1); `leadreg check` gives the full validation.
    """
    from jinja2 import TemplateError

    from leadreg.sitebuild.builder import OutputError, build_site  # heavy: only for build

    settings = open_settings(root)
    try:
        result = build_site(settings, out, as_date(today),  # type: ignore[arg-type]
                            progress=progress_reporter("reading"))
    except OutputError as exc:
        click.echo(f"leadreg: {exc}", err=True)
        sys.exit(2)
    except TemplateError as exc:  # a registry's own template in site/ is broken
        where = ":".join(str(x) for x in (getattr(exc, "filename", None) or getattr(exc, "name", None),
                                          getattr(exc, "lineno", None)) if x)
        click.echo(f"leadreg: the site theme failed{' at ' + where if where else ''}: "
                   f"{exc.message or type(exc).__name__}", err=True)
        sys.exit(1)
    for diag in result.skipped[:SHOW_SKIPPED]:
        where = ":".join(str(x) for x in (diag.path, diag.line, diag.column) if x is not None)
        click.echo(f"{where}: {diag.severity.value}[{diag.code}]: {diag.message}", err=True)
    if len(result.skipped) > SHOW_SKIPPED:
        click.echo(f"… and {len(result.skipped) - SHOW_SKIPPED} more errors", err=True)
    left_out = len({d.path for d in result.skipped})
    note = f"; {left_out} file(s) with errors left out (run leadreg check)" if left_out else ""
    click.echo(f"built {result.out}: {result.leads} leads, {result.files} files{note}", err=True)
    sys.exit(1 if result.failed else 0)
