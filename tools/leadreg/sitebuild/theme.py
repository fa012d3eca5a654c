"""The site's theme: Jinja2 templates and static files, overridable per registry.

The default theme ships in the package (``leadreg.resources.data_dir("site")``);
a registry's own ``site/`` folder wins file by file, so a team can restyle a
page or replace one template without copying the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from leadreg.lead import parse_date
from leadreg.resources import data_dir
from leadreg.settings import Settings
from leadreg.sitebuild.i18n import Translator
from leadreg.sitebuild.labels import ConstantLabels

STATIC = "static"


def theme_dirs(settings: Settings) -> list[Path]:
    """The registry's ``site/`` first (when it has one), then the default theme."""
    default = data_dir("site").resolve()
    own = (settings.root / "site").resolve()
    return [own, default] if own.is_dir() and own != default else [default]


def environment(settings: Settings, t: Translator, today: dt.date,
                rep_name: Callable[[str], str]) -> Environment:
    """Autoescaping everywhere: every value from a lead is text, never markup."""
    env = Environment(loader=FileSystemLoader([str(p) for p in theme_dirs(settings)]),
                      autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True,
                      extensions=[ConstantLabels])
    env.globals.update(t=t, lang=t.language, nav="", registry_name=settings.name, today=today,
                       warn_days=settings.rules.warn_days)
    env.filters.update(
        date=t.date, short_date=t.short_date, days_left=t.days_left, percent=t.percent,
        rep=rep_name, isodate=parse_date,
        stage=lambda v: t.label("stage", v), evidence=lambda v: t.label("evidence", v),
        unit=lambda v: t.label("unit", v), source=lambda v: t.label("source", v),
    )
    return env


def static_files(settings: Settings) -> dict[str, Path]:
    """``static/NAME`` → the file to copy, the registry's own winning by name."""
    found: dict[str, Path] = {}
    for folder in reversed(theme_dirs(settings)):
        base = folder / STATIC
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and not path.is_symlink():
                found[f"{STATIC}/{path.relative_to(base).as_posix()}"] = path
    return dict(sorted(found.items()))
