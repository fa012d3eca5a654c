"""Every rule's documented passing and failing examples, through ``leadreg check``."""

from __future__ import annotations

import pytest

from leadreg.rules import load_all
from tests.conftest import Registry

RULES = sorted(load_all().values(), key=lambda r: r.code)


def _write(registry: Registry, leads: dict[str, str]) -> None:
    for lead_id, overrides in leads.items():
        registry.lead(lead_id, overrides)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_failing_example_reports_the_code(registry: Registry, rule) -> None:
    _write(registry, rule.failing)
    result = registry.check_json()
    assert rule.code in result.codes(), result.stdout
    assert result.returncode == (1 if rule.severity.value == "error" else 0)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_passing_example_is_clean(registry: Registry, rule) -> None:
    _write(registry, rule.passing)
    result = registry.check_json()
    assert result.json()["diagnostics"] == [], result.stdout
    assert result.returncode == 0


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_failing_example_points_at_a_line(registry: Registry, rule) -> None:
    _write(registry, rule.failing)
    found = [d for d in registry.check_json().json()["diagnostics"] if d["code"] == rule.code]
    assert found and all(isinstance(d["line"], int) and d["line"] >= 1 for d in found)
