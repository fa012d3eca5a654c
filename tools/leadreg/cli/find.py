"""``leadreg find``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from leadreg.cli.app import main
from leadreg.cli.common import format_option, open_settings, root_option
from leadreg.identity.lookup import find as find_leads
from leadreg.identity.lookup import text_lines


@main.command()
@click.argument("name")
@format_option("text", "json")
@root_option
def find(name: str, fmt: str | None, root: Path | None) -> None:
    """Every lead whose customer is NAME under any variant, or looks like it.

    Checks traditional/simplified, full-width, legal forms, regions, aliases,
    credit codes are not needed: type the name as you know it.  Exits 0 whether
    or not anything is found.
    """
    settings = open_settings(root)
    if not name.strip():
        raise click.BadParameter("give a customer name", param_hint="NAME")
    result = find_leads(settings, name)
    if fmt == "json":
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        click.echo("\n".join(text_lines(result, settings)))
    if result.unreadable:
        click.echo(f"leadreg: {len(result.unreadable)} lead file(s) could not be read and were "
                   f"not searched: {', '.join(result.unreadable)}", err=True)
