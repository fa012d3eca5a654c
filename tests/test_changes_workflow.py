"""The validate workflow, the pre-commit hook and CODEOWNERS keep their promises (issue 4).

GitHub itself is not reachable here, so these read the files: what runs on
which event, with which permissions, and that nothing untrusted reaches a shell.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "validate.yml"


def _workflow() -> dict[str, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads a bare `on` as true
    return data


def test_triggers_and_jobs() -> None:
    wf = _workflow()
    triggers = wf["on"]
    assert set(triggers) == {"pull_request", "pull_request_review", "merge_group", "push"}
    assert triggers["push"]["branches"] == ["main"]
    jobs = wf["jobs"]
    assert "pull_request_review" in jobs["approvals"]["if"]
    assert "pull_request_review" in jobs["check"]["if"] and "!=" in jobs["check"]["if"]
    runs = "\n".join(step.get("run", "") for job in jobs.values() for step in job["steps"])
    assert "leadreg check --format github --base" in runs
    assert "leadreg approvals --base" in runs
    assert "actionlint" in runs and "zizmor --offline .github/" in runs


def test_least_privilege() -> None:
    wf = _workflow()
    assert wf["permissions"] == {}
    for name, job in wf["jobs"].items():
        allowed = {"contents": "read", "pull-requests": "read"} if name == "approvals" \
            else {"contents": "read"}
        assert job["permissions"] == allowed, name


def test_pinned_actions_and_no_persisted_credentials() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert uses
    for ref, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), ref
        assert re.search(r"#\s*v\d+\.\d+\.\d+", comment), ref
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_event_data_reaches_shells_only_through_env() -> None:
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step


def test_pre_commit_hook_checks_the_whole_registry() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "leadreg-check")
    assert hook["pass_filenames"] is False
    assert hook["entry"] == "leadreg check" and hook["language"] == "python"


def test_codeowners_give_managers_the_rules() -> None:
    registry = yaml.safe_load((ROOT / "registry.yaml").read_text(encoding="utf-8"))
    managers = {f"@{r['github']}" for r in registry["reps"] if r.get("manager") and
                r.get("github")}
    owners: dict[str, set[str]] = {}
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *people = line.split()
            owners[pattern] = set(people)
    assert {"/registry.yaml", "/schema/", "/.github/"} <= set(owners)
    for pattern in ("/registry.yaml", "/schema/", "/.github/"):
        assert owners[pattern] == managers, pattern


def test_pull_request_template_is_bilingual() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = [line for line in text.splitlines() if line.startswith("- [ ]")]
    assert len(boxes) >= 4
    assert all(re.search(r"[\u4e00-\u9fff]", b) and re.search(r"[A-Za-z]{4}", b) for b in boxes)


@pytest.mark.skipif(shutil.which("zizmor") is None and not (ROOT / ".venv/bin/zizmor").exists(),
                    reason="zizmor is not installed")
def test_zizmor_finds_nothing_in_the_workflow() -> None:
    exe = shutil.which("zizmor") or str(ROOT / ".venv/bin/zizmor")
    proc = subprocess.run([exe, "--offline", str(WORKFLOW)], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_approval_gate_runs_the_base_branch_code() -> None:
    steps = _workflow()["jobs"]["approvals"]["steps"]
    checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
    trusted = next(s for s in checkouts if s["with"].get("path") == "trusted")
    assert trusted["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert "./trusted" in install["run"]
    gate = next(s for s in steps if "leadreg approvals" in s.get("run", ""))
    assert gate["working-directory"] != "trusted"


def test_codeowners_cover_the_code_that_runs_in_ci() -> None:
    lines = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    patterns = {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}
    assert {"/tools/", "/site/", "/pyproject.toml"} <= patterns
