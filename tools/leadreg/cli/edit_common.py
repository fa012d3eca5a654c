"""What the editing commands share: asking for what is missing, printing results.

Missing values are asked for only when a person is at the terminal (stdin is
a TTY); a script that leaves one out gets a usage error (exit 2) and never
hangs on a prompt.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

import click

from leadreg.edit import EditError
from leadreg.edit.outcome import Outcome

DATE = click.DateTime(formats=["%Y-%m-%d"])


def ask(value: Any, option: str, prompt: str, **kwargs: Any) -> Any:
    """``value``, or what the person types when it is missing (TTY only)."""
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise click.UsageError(f"missing option {option}")
    return click.prompt(prompt, **kwargs)


def ask_date(value: dt.datetime | None, option: str, prompt: str) -> dt.date:
    return ask(value, option, prompt, type=DATE).date()


def run(action: Callable[[], Outcome]) -> None:
    """Do the edit; print what changed, or why nothing was written (exit 1)."""
    try:
        outcome = action()
    except EditError as exc:
        click.echo(f"leadreg: {exc}", err=True)
        sys.exit(1)
    click.echo(outcome.summary)
    for d in outcome.warnings:
        where = f"{d.path}:{d.line}:{d.column}" if d.line else d.path
        click.echo(f"{where}: warning[{d.code}]: {d.message}", err=True)
