"""The root ``leadreg`` group; command modules attach to it."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import click

from leadreg import __version__
from leadreg.settings import SettingsError


_NOT_COMMANDS = frozenset({"app", "common", "edit_common"})


class _Group(click.Group):
    """Loads a command's module only when that command runs; settings problems exit 2.

    Command ``sync-issues`` lives in ``leadreg/cli/sync_issues.py``.  Importing
    only the module in use keeps start-up fast: the site builder, the editing
    helpers and the identity tables are not loaded to run ``leadreg expired``.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        from leadreg import cli

        names = [info.name.replace("_", "-") for info in pkgutil.iter_modules(cli.__path__)
                 if info.name not in _NOT_COMMANDS and not info.name.startswith("_")]
        return sorted(names)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = cmd_name.replace("-", "_")
        if cmd_name not in self.commands and module not in _NOT_COMMANDS \
                and module.isidentifier():
            try:
                importlib.import_module(f"leadreg.cli.{module}")
            except ModuleNotFoundError as exc:
                if exc.name != f"leadreg.cli.{module}":
                    raise
        return self.commands.get(cmd_name)

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
