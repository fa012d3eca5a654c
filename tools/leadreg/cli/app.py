"""The root ``leadreg`` group; command modules attach to it."""

from __future__ import annotations

from typing import Any

import click

from leadreg import __version__
from leadreg.settings import SettingsError


class _Group(click.Group):
    """Turns a settings problem into exit 2 with a one-line message."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SettingsError as exc:
            click.echo(f"leadreg: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="leadreg")
def main() -> None:
    """leadreg: a git-backed, plain-text registry of sales leads."""
