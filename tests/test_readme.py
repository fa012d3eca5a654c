"""README stays true: its code table is the one leadreg reports."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import run_leadreg

ROOT = Path(__file__).resolve().parents[1]


def test_readme_code_table_matches_leadreg_codes(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- codes:begin[^>]*-->\n(.*?)\n<!-- codes:end -->", readme, re.S)
    assert block, "README lost its code table markers"
    result = run_leadreg("codes", "--format", "markdown", cwd=tmp_path)
    assert result.returncode == 0
    assert block.group(1).strip() == result.stdout.strip(), (
        "README's code table is stale: paste `leadreg codes --format markdown` into it")


def test_every_code_the_spec_requires_exists(tmp_path: Path) -> None:
    spec_codes = {
        "yaml-syntax", "yaml-duplicate-key", "yaml-alias", "not-utf8", "file-too-large",
        "symlink", "bad-filename", "duplicate-id", "schema", "unknown-rep", "unknown-unit",
        "unknown-source", "not-a-manager", "owner-left", "bad-credit-code", "date-order",
        "extension-mismatch", "too-many-extensions", "missing-evidence", "missing-closed",
        "former-owner-not-assistant", "shares-over-100", "duplicate-customer",
        "possible-duplicate", "customer-seen-before", "deleted-lead", "history-rewritten",
        "owner-change-without-history", "deadline-change-without-extension",
        "registered-changed"}
    listed = {row.split()[0] for row in
              run_leadreg("codes", cwd=tmp_path).stdout.splitlines() if row.strip()}
    assert spec_codes <= listed, sorted(spec_codes - listed)
