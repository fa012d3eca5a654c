"""One JSON object: ``{"diagnostics": [...], "summary": {...}}`` (SPEC §6)."""

from __future__ import annotations

import json
from typing import TextIO

from leadreg.diagnostics import Report


def report(result: Report, out: TextIO) -> None:
    payload = {
        "diagnostics": [d.to_json() for d in result.diagnostics],
        "summary": {"leads": result.leads, "errors": result.errors, "warnings": result.warnings},
    }
    out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
