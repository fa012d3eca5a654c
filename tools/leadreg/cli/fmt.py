"""``leadreg fmt``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from leadreg.cli.app import main
from leadreg.cli.common import open_settings, root_option


def _relative(paths: tuple[Path, ...], root: Path) -> list[str]:
    rel = []
    for p in paths:
        full = (p if p.is_absolute() else Path.cwd() / p).resolve()
        try:
            rel.append(full.relative_to(root.resolve()).as_posix())
        except ValueError:
            raise click.BadParameter(f"{p} is outside the registry {root}", param_hint="PATH")
    return rel


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 listing the files that would change.")
@root_option
def fmt(paths: tuple[Path, ...], check_only: bool, root: Path | None) -> None:
    """Lay lead files out canonically (all of leads/, or the PATHs given)."""
    from leadreg.edit.layout import format_files, lead_files

    settings = open_settings(root)
    selected = _relative(paths, settings.root) if paths else None
    results = format_files(settings.root, lead_files(settings.root, selected),
                           write=not check_only)
    changed = [r.path for r in results if r.changed]
    errors = [r.error for r in results if r.error]
    for path in changed:
        click.echo(f"would reformat {path}" if check_only else f"reformatted {path}")
    for error in errors:
        click.echo(f"leadreg: {error}", err=True)
    verb = "would be reformatted" if check_only else "reformatted"
    click.echo(f"{len(results)} lead files: {len(changed)} {verb}, {len(errors)} not readable",
               err=True)
    sys.exit(1 if errors or (check_only and changed) else 0)
