"""The JSON Schemas in ``schema/``: fast validators and detailed errors.

fastjsonschema turns a schema into Python code, which costs ~0.2 s per
process; the compiled code is cached (keyed by the schema's bytes and the
library version) so every later command starts fast.  jsonschema, slower and
heavier to import, is only used to explain a document that failed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema

from leadreg.resources import data_dir

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def is_date(value: Any) -> bool:
    """A real calendar date in ``YYYY-MM-DD`` (``2026-02-30`` is not)."""
    if not isinstance(value, str):
        return True  # the type keyword reports non-strings
    if not _DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


FORMATS: dict[str, Callable[[Any], bool]] = {"date": is_date}


@cache
def schema_bytes(name: str) -> bytes:
    return (data_dir("schema") / f"{name}.schema.json").read_bytes()


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads(schema_bytes(name))


_CODEGEN = b"inline-refs-1"  # bump when the code generation below changes


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with local ``#/$defs/x`` references replaced by their targets.

    fastjsonschema formats a name for every ``$ref`` call per array item with
    ``str.format(**locals())``; inlining makes validation about twice as fast.
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            target = _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
            if set(siblings) <= {"description", "title", "$comment"}:
                return {**target, **siblings}
            return {"allOf": [target, _inline_refs(siblings, defs)]}
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "leadreg"


def _compiled_code(name: str) -> Any:
    digest = hashlib.sha256(schema_bytes(name) + fastjsonschema.VERSION.encode()
                            + sys.version.encode() + _CODEGEN).hexdigest()[:24]
    cached = _cache_dir() / f"{name}-{digest}.marshal"
    try:
        return marshal.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    schema = load_schema(name)
    source = fastjsonschema.compile_to_code(_inline_refs(schema, schema.get("$defs", {})),
                                            formats=FORMATS, use_default=False)
    code = compile(source, f"<{name}.schema.json>", "exec")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cached.parent, delete=False) as tmp:
            tmp.write(marshal.dumps(code))
        os.replace(tmp.name, cached)
    except OSError:
        pass  # a read-only home only costs speed
    return code


@cache
def fast_validator(name: str) -> Callable[[Any], Any]:
    namespace: dict[str, Any] = {}
    exec(_compiled_code(name), namespace)  # noqa: S102 - code generated from our own schema
    # the schema's own function has the shortest name; $defs get suffixes
    entry = namespace[min((k for k in namespace if k.startswith("validate_")), key=len)]

    def validate(data: Any) -> Any:
        return entry(data, custom_formats=FORMATS)

    return validate


def is_valid(name: str, data: Any) -> bool:
    try:
        fast_validator(name)(data)
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


@cache
def detailed_validator(name: str) -> Any:
    import jsonschema

    checker = jsonschema.FormatChecker(formats=())
    for fmt, func in FORMATS.items():
        checker.checks(fmt)(func)
    return jsonschema.Draft202012Validator(load_schema(name), format_checker=checker)
