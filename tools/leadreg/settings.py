"""registry.yaml: the registry's reps, units, sources, rules and publishing."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from leadreg import yamlsafe
from leadreg.schemas import detailed_validator, is_valid

SETTINGS_FILE = "registry.yaml"
LEADS_DIR = "leads"


class SettingsError(Exception):
    """registry.yaml is missing or wrong: the command cannot run (exit 2)."""


@dataclass(frozen=True)
class Rep:
    id: str
    name: str
    github: str | None = None
    manager: bool = False
    left: str | None = None


@dataclass(frozen=True)
class Rules:
    deadline_days: int = 90
    max_extensions: int = 2
    warn_days: int = 14
    similarity: float = 0.90


@dataclass(frozen=True)
class Settings:
    root: Path
    name: str
    language: str
    timezone: str
    repo_url: str | None
    rules: Rules
    reps: dict[str, Rep]
    units: frozenset[str]
    sources: frozenset[str]
    private: tuple[str, ...]
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @property
    def leads_dir(self) -> Path:
        return self.root / LEADS_DIR

    @property
    def managers(self) -> frozenset[str]:
        return frozenset(r.id for r in self.reps.values() if r.manager)

    def today(self, override: dt.date | None = None) -> dt.date:
        """Today in the registry's timezone: deadlines are local dates.

        ``LEADREG_NOW`` (an ISO instant such as ``2026-12-31T17:00:00Z``) stands in
        for the clock, so tests can check the timezone edge without ``--today``."""
        if override is not None:
            return override
        now = os.environ.get("LEADREG_NOW")
        if now:
            try:
                instant = dt.datetime.fromisoformat(now)
            except ValueError:
                raise SettingsError(f"LEADREG_NOW: not an ISO date-time: {now!r}") from None
            if instant.tzinfo is None:
                instant = instant.replace(tzinfo=dt.UTC)
            return instant.astimezone(ZoneInfo(self.timezone)).date()
        return dt.datetime.now(ZoneInfo(self.timezone)).date()


def find_root(start: Path | None = None) -> Path:
    """The nearest folder holding registry.yaml, from ``start`` upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
    raise SettingsError(f"no {SETTINGS_FILE} in {here} or any folder above it; "
                        "run inside a registry or pass --root DIR")


def parse_settings(text: str, root: Path, label: str = SETTINGS_FILE) -> Settings:
    """Validate registry.yaml text; errors name the file and line."""
    try:
        data, marks = yamlsafe.load(text, with_marks=True)
    except yamlsafe.LoadError as exc:
        raise SettingsError(f"{label}:{exc.line or 1}:{exc.column or 1}: {exc.message}") from None
    assert marks is not None
    errors = [] if is_valid("registry", data) else sorted(
        detailed_validator("registry").iter_errors(data),
        key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        err = errors[0]
        path = tuple(err.absolute_path)
        while path and path not in marks:
            path = path[:-1]
        line, col = marks.get(path, (1, 1, 1, 1))[:2]
        where = "/".join(map(str, err.absolute_path)) or "top level"
        raise SettingsError(f"{label}:{line}:{col}: {where}: {err.message}")
    try:
        ZoneInfo(data.get("timezone", "Asia/Shanghai"))
    except (ZoneInfoNotFoundError, ValueError):
        line, col = marks.get(("timezone",), (1, 1, 1, 1))[2:]
        raise SettingsError(f"{label}:{line}:{col}: unknown timezone "
                            f"{data.get('timezone')!r}") from None
    ids = [r["id"] for r in data.get("reps", [])]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise SettingsError(f"{label}: rep id listed twice: {', '.join(dupes)}")
    reps = {
        r["id"]: Rep(id=r["id"], name=r.get("name", r["id"]), github=r.get("github"),
                     manager=bool(r.get("manager", False)), left=r.get("left"))
        for r in data.get("reps", [])
    }
    rules = Rules(**data.get("rules", {}))
    return Settings(
        root=root,
        name=data.get("name", root.name),
        language=data.get("language", "zh-CN"),
        timezone=data.get("timezone", "Asia/Shanghai"),
        repo_url=data.get("repo_url"),
        rules=rules,
        reps=reps,
        units=frozenset(data.get("units", [])),
        sources=frozenset(data.get("sources", [])),
        private=tuple(data.get("publish", {}).get("private", [])),
        raw=data,
    )


def load_settings(root: Path) -> Settings:
    path = root / SETTINGS_FILE
    try:
        if path.is_symlink():
            raise SettingsError(f"{SETTINGS_FILE}: must be a regular file, not a symbolic link")
        raw = path.read_bytes()
    except OSError as exc:
        raise SettingsError(f"{SETTINGS_FILE}: cannot read: {exc.strerror}") from None
    if len(raw) > 1 << 20:
        raise SettingsError(f"{SETTINGS_FILE}: larger than 1 MiB")
    try:
        text = yamlsafe.decode(raw)
    except yamlsafe.LoadError as exc:
        raise SettingsError(f"{SETTINGS_FILE}:{exc.line}:{exc.column}: {exc.message}") from None
    return parse_settings(text, root)
