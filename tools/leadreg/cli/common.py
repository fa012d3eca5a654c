"""Options and helpers shared by several commands."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from leadreg.settings import Settings, find_root, load_settings

F = TypeVar("F", bound=Callable[..., Any])


def root_option(func: F) -> F:
    return click.option(
        "--root", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="The registry folder (default: nearest folder with registry.yaml).")(func)


def today_option(func: F) -> F:
    return click.option(
        "--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
        help="Use this date (YYYY-MM-DD) as today, for tests and replays.")(func)


def format_option(*choices: str) -> Callable[[F], F]:
    return click.option("--format", "fmt", type=click.Choice(choices), default=None,
                        help=f"Output format ({', '.join(choices)}).")


def as_date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def relative_paths(paths: tuple[Path, ...], root: Path) -> list[str]:
    """PATH arguments (relative to the current folder) as paths relative to ``root``."""
    rel = []
    for p in paths:
        full = p.resolve() if p.is_absolute() or p.exists() else (Path.cwd() / p).resolve()
        try:
            rel.append(full.relative_to(root.resolve()).as_posix())
        except ValueError:
            raise click.BadParameter(f"{p} is outside the registry {root}", param_hint="PATH")
    return rel


def open_settings(root: Path | None) -> Settings:
    """Settings of the registry at ``root`` or the nearest one (SettingsError: exit 2)."""
    return load_settings(root.resolve() if root else find_root())


def progress_reporter(label: str) -> Callable[[int, int], None] | None:
    """A progress bar on stderr for long runs on a terminal; None otherwise."""
    if not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < 2000:
            return
        bar = state.get("bar")
        if bar is None:
            bar = state["bar"] = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - state.get("done", 0))
        state["done"] = done
        if done >= total:
            bar.__exit__(None, None, None)

    return update
