"""Shared fixtures: temporary registries, git repositories and the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from leadreg.rules._examples import BASE_LEAD, REGISTRY

pytest_plugins = ["tests.fakegithub.fixture"]  # the fake_github fixture


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)

    def codes(self) -> list[str]:
        return [d["code"] for d in self.json()["diagnostics"]]


def run_leadreg(*args: str, cwd: Path, env: dict[str, str] | None = None,
                input: str | None = None, timeout: float = 120) -> Result:
    """Run the installed CLI (``python -m leadreg``) in a real subprocess."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    full_env.pop("CI", None)
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "leadreg", *args], cwd=cwd, env=full_env,
                          input=input, capture_output=True, text=True, timeout=timeout)
    return Result(proc.returncode, proc.stdout, proc.stderr)


@dataclass
class Registry:
    """A registry folder on disk, optionally a git repository."""

    root: Path
    env: dict[str, str] = field(default_factory=dict)

    def write(self, relpath: str, text: str | bytes) -> Path:
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text,
                            encoding="utf-8")
        return path

    def lead(self, lead_id: str, overrides: str = "", folder: str = "leads") -> Path:
        """Write the base example lead with top-level keys replaced by ``overrides``."""
        return self.write(f"{folder}/{lead_id}.yaml", merge_lead(BASE_LEAD, overrides))

    def run(self, *args: str, input: str | None = None, env: dict[str, str] | None = None
            ) -> Result:
        return run_leadreg(*args, cwd=self.root, env={**self.env, **(env or {})}, input=input)

    def check_json(self, *args: str) -> Result:
        return self.run("check", "--format", "json", *args)

    def git(self, *args: str) -> str:
        env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
               "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(self.root.parent)}
        proc = subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True,
                              text=True, check=True)
        return proc.stdout.strip()

    def commit(self, message: str = "change") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")


def merge_lead(base: str, overrides: str) -> str:
    """The base lead YAML with its top-level keys replaced by those of ``overrides``."""
    import yaml

    from leadreg import yamlsafe

    data = yamlsafe.load(base)[0]
    extra = yamlsafe.load(textwrap.dedent(overrides))[0] if overrides.strip() else {}
    data.update(extra or {})
    # values keep the meaning leadreg gives them: PyYAML quotes what it would retype
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    """An empty registry with the example registry.yaml."""
    root = tmp_path / "registry"
    root.mkdir()
    reg = Registry(root)
    reg.write("registry.yaml", REGISTRY)
    (root / "leads").mkdir()
    return reg


@pytest.fixture
def git_registry(registry: Registry) -> Registry:
    """The example registry as a git repository with one commit."""
    registry.git("init", "-q", "-b", "main")
    registry.commit("initial")
    return registry
