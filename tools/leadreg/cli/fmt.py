"""``leadreg fmt``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from leadreg.cli.app import main
from leadreg.cli.common import open_settings, relative_paths, root_option


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 listing the files that would change.")
@root_option
def fmt(paths: tuple[Path, ...], check_only: bool, root: Path | None) -> None:
    """Lay lead files out canonically (all of leads/, or the PATHs given)."""
    from leadreg.edit.layout import format_files, lead_files

    settings = open_settings(root)
    selected = relative_paths(paths, settings.root) if paths else None
    results = format_files(settings.root, lead_files(settings.root, selected),
                           write=not check_only)
    changed = [r.path for r in results if r.changed]
    errors = [r.error for r in results if r.error]
    skipped = [r.skipped for r in results if r.skipped]
    for path in changed:
        click.echo(f"would reformat {path}" if check_only else f"reformatted {path}")
    for error in errors:
        click.echo(f"leadreg: {error}", err=True)
    for note in skipped:
        click.echo(f"leadreg: note: {note}", err=True)
    verb = "would be reformatted" if check_only else "reformatted"
    click.echo(f"{len(results)} lead files: {len(changed)} {verb}, {len(skipped)} left as they "
               f"are, {len(errors)} not readable", err=True)
    sys.exit(1 if errors or (check_only and changed) else 0)
