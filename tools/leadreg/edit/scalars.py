"""Writing values as YAML text that every reader reads back unchanged.

A value is written plain only when the strict reader (``yamlsafe``) *and* a
YAML 1.1 reader (PyYAML, as most editors and older tools are) both read the
plain text back as the very same string; otherwise it is double-quoted.  So
``no``, ``0512``, ``1_000`` or ``+86 138…`` never change type in anyone's
hands.  The one exception is a ``YYYY-MM-DD`` date, written plain as reps
type it: leadreg reads it as that text, YAML 1.1 as that date.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import yaml

from leadreg import yamlsafe
from leadreg.lead import parse_date

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_SPECIAL = frozenset(",[]{}")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def _needs_escape(ch: str) -> bool:
    code = ord(ch)
    return (code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF
            or ch in "\u2028\u2029\ufeff\ufffe\uffff")


def double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (valid in block and flow context)."""
    out = ['"']
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _needs_escape(ch):
            code = ord(ch)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _reads_back(doc: str, expected: str, *, date: bool) -> bool:
    try:
        strict, _ = yamlsafe.load(doc)
    except yamlsafe.LoadError:
        return False
    if strict != {"k": expected}:
        return False
    try:
        loose = yaml.safe_load(doc)
    except Exception:  # noqa: BLE001 - e.g. 2026-13-45 is a bad timestamp to YAML 1.1
        return False
    if not isinstance(loose, dict) or set(loose) != {"k"}:
        return False
    value = loose["k"]
    return value == expected if isinstance(value, str) else date


@lru_cache(maxsize=4096)
def plain_ok(text: str, flow: bool = False) -> bool:
    """True when ``text`` may be written without quotes and mean the same everywhere."""
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if any(ch in "\n\r\t" or _needs_escape(ch) for ch in text):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(ch in _FLOW_SPECIAL for ch in text):
        return False
    is_date = parse_date(text) is not None
    doc = f"{{k: {text}}}" if flow else f"k: {text}"
    return _reads_back(doc, text, date=is_date)


def scalar(value: Any, *, flow: bool = False) -> str:
    """One value (text, number, true/false or null) as YAML text."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        if yamlsafe.load(f"k: {text}")[0] != {"k": value}:
            raise ValueError(f"cannot write the number {value!r} so that it reads back")
        return text
    if isinstance(value, str):
        return value if plain_ok(value, flow) else double_quoted(value)
    raise TypeError(f"not a scalar: {type(value).__name__}")


def flow_mapping(entry: Mapping[str, Any]) -> str:
    """``{key: value, …}`` on one line, in the order given."""
    return "{" + ", ".join(f"{key}: {flow_value(value)}" for key, value in entry.items()) + "}"


def flow_value(value: Any) -> str:
    """A scalar, list or mapping in flow style."""
    if isinstance(value, Mapping):
        return flow_mapping(value)
    if isinstance(value, list):
        return "[" + ", ".join(flow_value(v) for v in value) + "]"
    return scalar(value, flow=True)


def block_mapping(entry: Mapping[str, Any], indent: int) -> list[str]:
    """``key: value`` lines (nested values in flow style), the first unindented.

    The caller puts the first line after ``- `` (or at ``indent``) and every
    other line is indented by ``indent`` spaces.
    """
    lines = []
    for i, (key, value) in enumerate(entry.items()):
        text = flow_value(value) if isinstance(value, (Mapping, list)) else scalar(value)
        lines.append(("" if i == 0 else " " * indent) + f"{key}: {text}")
    return lines
