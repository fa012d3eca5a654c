"""The repository's own sample registry stays valid and keeps covering the process.

A fresh clone must be a working registry (SPEC §2): these tests fail when an edit
to ``registry.yaml`` or ``leads/`` breaks ``leadreg check`` or drops a case that
demos and the other commands rely on (every stage, evidence kind, an extension,
a reassignment, look-alike customers, expired and due-soon deadlines).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from leadreg import yamlsafe
from leadreg.deadlines import expired_and_due
from leadreg.identity import credit_code
from leadreg.lead import Lead

from tests.conftest import run_leadreg

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "schema" / "lead.schema.json"
TODAY = dt.date(2026, 12, 3)  # the date the sample's deadlines were written against
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
# warnings the sample shows on purpose: huali-reducer is a new lead for the customer
# of the closed huali-gearbox-2025
INTENDED_WARNINGS = {("customer-seen-before", "leads/jiangsu/huali-reducer.yaml")}


def lead_files() -> list[Path]:
    return sorted((REPO / "leads").rglob("*.yaml"))


@pytest.fixture(scope="module")
def leads() -> dict[str, Lead]:
    """Every sample lead, parsed with the strict loader (the files are ours, so trusted)."""
    out: dict[str, Lead] = {}
    for path in lead_files():
        data, _ = yamlsafe.load(path.read_text(encoding="utf-8"))
        out[path.stem] = Lead(path.stem, path.relative_to(REPO).as_posix(), data)
    return out


@pytest.fixture(scope="module")
def registry_settings() -> dict[str, Any]:
    data, _ = yamlsafe.load((REPO / "registry.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def copy_sample(tmp_path: Path) -> Path:
    root = tmp_path / "sample"
    root.mkdir()
    shutil.copy2(REPO / "registry.yaml", root / "registry.yaml")
    shutil.copytree(REPO / "leads", root / "leads")
    return root


def test_check_passes_on_a_copy_of_the_sample(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    result = run_leadreg("check", "--format", "json", cwd=root)
    report = result.json()
    errors = [d for d in report["diagnostics"] if d["severity"] == "error"]
    assert errors == [], json.dumps(errors, ensure_ascii=False, indent=1)
    assert result.returncode == 0, result.stderr
    assert report["summary"]["errors"] == 0
    assert report["summary"]["leads"] == len(lead_files()) >= 20
    unintended = {(d["code"], d["path"]) for d in report["diagnostics"]} - INTENDED_WARNINGS
    assert unintended == set(), report["diagnostics"]

    # --root from elsewhere reads the same registry
    elsewhere = run_leadreg("check", "--format", "json", "--root", str(root), cwd=tmp_path)
    assert elsewhere.returncode == 0 and elsewhere.json() == report

    # the sample is written in fmt's canonical layout, so reps' first fmt changes nothing
    formatted = run_leadreg("fmt", "--check", cwd=root)
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


def test_distinct_from_is_what_keeps_the_look_alikes_apart(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    marked = []
    for path in sorted((root / "leads").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        stripped = re.sub(r"(?m)^\s*distinct_from:.*\n", "", text)
        if stripped != text:
            path.write_text(stripped, encoding="utf-8")
            marked.append(path.relative_to(root).as_posix())
    assert len(marked) == 2

    report = run_leadreg("check", "--format", "json", cwd=root).json()
    alike = [d for d in report["diagnostics"] if d["code"] == "possible-duplicate"]
    assert alike, report["diagnostics"]
    assert {alike[0]["path"], *alike[0]["related"]} == set(marked)


def test_registry_yaml_matches_its_schema(registry_settings: dict[str, Any]) -> None:
    schema = json.loads((REPO / "schema" / "registry.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(registry_settings, schema)
    reps = registry_settings["reps"]
    assert 6 <= len(reps) <= 8
    assert sum(1 for r in reps if r.get("manager")) == 2
    assert sum(1 for r in reps if r.get("left")) == 1
    assert all(r.get("github") for r in reps)
    assert registry_settings["publish"]["private"] == ["customer.contacts", "customer.credit_code"]


@pytest.mark.parametrize("path", lead_files(), ids=lambda p: p.stem)
def test_every_lead_starts_with_a_schema_modeline(path: Path) -> None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    match = MODELINE.match(first)
    assert match, f"{path.relative_to(REPO)} starts with {first!r}"
    assert (path.parent / match.group(1)).resolve() == SCHEMA.resolve()


def test_every_stage_and_evidence_kind_occurs(leads: dict[str, Lead]) -> None:
    assert len(leads) >= 20
    assert {lead.stage for lead in leads.values()} == {"lead", "opportunity", "won", "lost",
                                                       "closed"}
    kinds = {e["kind"] for lead in leads.values() for _, e in lead.entries("evidence")}
    assert kinds == {"sample_request", "quote_request", "supplier_pool", "other"}


def test_process_cases_are_present(leads: dict[str, Lead],
                                   registry_settings: dict[str, Any]) -> None:
    managers = {r["id"] for r in registry_settings["reps"] if r.get("manager")}
    extended = [lead for lead in leads.values() if lead.entries("extensions")]
    assert extended
    for lead in extended:
        assert lead.entries("extensions")[-1][1]["until"] == lead.data["deadline"]
        assert {e["approved_by"] for _, e in lead.entries("extensions")} <= managers

    # a reassignment where the former owner stays on as an assistant with a share
    kept = [lead for lead in leads.values() for _, move in lead.entries("history")
            for _, a in lead.entries("assistants")
            if a["rep"] == move["from"] and "share" in a]
    assert kept

    assert any(a.get("units") for lead in leads.values() for _, a in lead.entries("activities"))
    folders = {Path(lead.path).parent.as_posix() for lead in leads.values()}
    assert len(folders - {"leads"}) >= 3
    english = [lead for lead in leads.values() if lead.customer_name.isascii()]
    assert len(english) >= 2


def test_look_alike_and_returning_customers(leads: dict[str, Lead]) -> None:
    pairs = {(lead.id, other) for lead in leads.values()
             for other in lead.customer.get("distinct_from", [])}
    assert pairs and all(other in leads for _, other in pairs)
    assert all((b, a) in pairs for a, b in pairs), "distinct_from is named on both sides"

    by_name: dict[str, list[Lead]] = {}
    for lead in leads.values():
        by_name.setdefault(lead.customer_name, []).append(lead)
    returning = [group for group in by_name.values()
                 if sum(lead.active for lead in group) == 1
                 and any(lead.stage == "closed" for lead in group)]
    assert returning


def test_credit_codes_are_valid_and_unique_per_customer(leads: dict[str, Lead]) -> None:
    owners: dict[str, set[str]] = {}
    for lead in leads.values():
        code = lead.customer.get("credit_code")
        if code:
            assert credit_code.is_valid(code), f"{lead.path}: {credit_code.problem(code)}"
            owners.setdefault(code, set()).add(lead.customer_name)
    assert len(owners) >= 15
    assert all(len(names) == 1 for names in owners.values())


def test_websites_are_invented_example_domains(leads: dict[str, Lead]) -> None:
    for lead in leads.values():
        site = lead.customer.get("website", "")
        host = re.sub(r"^https?://", "", site).split("/")[0]
        assert host.endswith(".example"), f"{lead.path}: {site}"
        for contact in lead.customer.get("contacts", []):
            assert contact.get("email", "x@y.example").endswith(".example")


def test_deadlines_mix_expired_due_soon_and_later(leads: dict[str, Lead]) -> None:
    active = [lead for lead in leads.values() if lead.active]
    expired, due = expired_and_due(active, TODAY, warn_days=14)
    assert 1 <= len(expired) <= 3
    assert 1 <= len(due) <= 4
    assert len(active) - len(expired) - len(due) > len(active) // 2
