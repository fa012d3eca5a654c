"""Validate a lead against schema/lead.schema.json, the one source of structure.

Every file goes through a fastjsonschema validator compiled once (about ten
times faster than jsonschema); only a file that fails is validated again with
jsonschema to list *every* error with a position and a message a rep can act on.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from leadreg.schemas import detailed_validator
from leadreg.schemas import is_valid as _schema_valid
from leadreg.yamlsafe import KeyPath

_TYPE_WORDS = {bool: "true/false", int: "a number", float: "a number", type(None): "empty"}


def is_valid(data: Any) -> bool:
    return _schema_valid("lead", data)


def _where(path: KeyPath) -> str:
    return ".".join(str(p) for p in path) or "the file"


def _known_keys(schema: dict[str, Any]) -> list[str]:
    return sorted(schema.get("properties", {}))


def _message(err: Any) -> Iterator[tuple[KeyPath, str, bool]]:
    """(path, message, points-at-value) for one jsonschema error."""
    path: KeyPath = tuple(err.absolute_path)
    inst = err.instance
    kind = err.validator
    if kind == "additionalProperties" and isinstance(inst, dict):
        known = _known_keys(err.schema)
        for key in inst:
            if key in known or (isinstance(key, str) and key.startswith("x-")):
                continue
            hint = difflib.get_close_matches(str(key), known, n=1, cutoff=0.7)
            tip = f"; did you mean {hint[0]!r}?" if hint else (
                f"; known fields here: {', '.join(known)} (or x-… for your own)")
            yield path + (key,), f"unknown field {key!r} in {_where(path)}{tip}", False
        return
    if kind == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        yield path, f"{_where(path)}: required field {missing!r} is missing", False
        return
    if kind == "type" and err.validator_value == "string" and not isinstance(inst, (dict, list)):
        word = _TYPE_WORDS.get(type(inst), type(inst).__name__)
        shown = "" if inst is None else str(inst).lower() if isinstance(inst, bool) else str(inst)
        yield path, (f"{_where(path)} is read as {word}, not text; put it in quotes: "
                     f"{path[-1] if path else 'value'}: \"{shown}\""), True
        return
    if kind == "format" and err.validator_value == "date":
        yield path, f"{_where(path)}: {inst!r} is not a real date (YYYY-MM-DD)", True
        return
    if kind == "pattern" and err.schema.get("format") == "date":
        yield path, f"{_where(path)}: {inst!r} is not a date in the form YYYY-MM-DD", True
        return
    if kind == "enum":
        options = ", ".join(map(str, err.validator_value))
        yield path, f"{_where(path)}: {inst!r} is not one of: {options}", True
        return
    if kind == "type" and not path:
        yield path, "the top level must be a mapping of fields (title:, customer:, …)", True
        return
    yield path, f"{_where(path)}: {err.message}", True


def errors(data: Any) -> list[tuple[KeyPath, str, bool]]:
    """Every schema error as (path, message, points-at-value); empty when valid."""
    if is_valid(data):
        return []
    found: list[tuple[KeyPath, str, bool]] = []
    for err in detailed_validator("lead").iter_errors(data):
        found.extend(_message(err))
    if not found:  # the two validators disagree: report rather than pass silently
        found.append(((), "the file does not match the lead schema", False))
    return found
