"""Arbitrary bytes and arbitrary YAML never crash leadreg (property tests).

The in-process tests drive the exact per-file code path the CLI uses with
many examples; the CLI test runs fewer, whole registries through
``leadreg check --format json`` and parses its output.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadreg.loading import read_lead
from leadreg.rules._examples import BASE_LEAD
from leadreg.settings import parse_settings
from leadreg.rules._examples import REGISTRY
from leadreg.sources import MemorySource
from tests.conftest import run_leadreg

SETTINGS = parse_settings(REGISTRY, Path("."))

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=20), st.dates().map(str))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(["title", "customer", "name", "owner", "stage",
                                         "registered", "deadline", "extensions", "history",
                                         "assistants", "share", "evidence", "kind", "x-a",
                                         "closed", "date", "until", "team", "from", "to"])
                        | st.text(max_size=8), children, max_size=6)),
    max_leaves=25)
yaml_texts = documents.map(lambda d: yaml.safe_dump(d, allow_unicode=True))
mutated_lead = st.tuples(st.integers(0, len(BASE_LEAD)), st.text(max_size=12)).map(
    lambda t: BASE_LEAD[: t[0]] + t[1] + BASE_LEAD[t[0]:])
any_input = st.one_of(st.binary(max_size=400), yaml_texts.map(str.encode),
                      mutated_lead.map(str.encode),
                      st.text(alphabet="[]{}:-&*!|>'\"#\n ,?ab1", max_size=60).map(str.encode))


def _diagnostics(raw: bytes) -> list:
    lead, found = read_lead(MemorySource({"leads/fuzz.yaml": raw}), "leads/fuzz.yaml", SETTINGS)
    for d in found:
        json.dumps(d.to_json())  # serialisable
        assert d.path == "leads/fuzz.yaml" and d.code and d.message
    return found


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_input)
def test_read_lead_never_raises(raw: bytes) -> None:
    _diagnostics(raw)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_any_yaml_document_is_either_clean_or_diagnosed(doc: object) -> None:
    raw = yaml.safe_dump(doc, allow_unicode=True).encode()
    found = _diagnostics(raw)
    if not isinstance(doc, dict):
        assert found, "a non-mapping top level must be reported"


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(any_input, min_size=1, max_size=6))
def test_cli_json_output_is_always_json(tmp_path_factory, files: list[bytes]) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    (root / "registry.yaml").write_text(REGISTRY, encoding="utf-8")
    (root / "leads").mkdir()
    for i, raw in enumerate(files):
        (root / "leads" / f"fuzz-{i}.yaml").write_bytes(raw)
    result = run_leadreg("check", "--format", "json", cwd=root)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) == {"diagnostics", "summary"}
    shutil.rmtree(root)
