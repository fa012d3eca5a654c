"""Strict YAML reading for untrusted lead files.

libyaml (``CParser``) scans and composes the node tree at C speed; the tree is
then turned into plain Python values by a small recursive builder instead of
PyYAML's constructor.  That builder is where the rules of SPEC §5 live: no
duplicate keys, no anchors, aliases, merge keys or explicit tags, and scalars
typed the YAML 1.2 way with one more restriction: a number with a leading zero
stays text (``0512``), ``no``/``yes``/``on``/``off`` stay text, and dates stay
``YYYY-MM-DD`` strings that the schema checks as real dates.  Nothing a rep
wrote is silently turned into another type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.cyaml import CParser
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

KeyPath = tuple[str | int, ...]
#: ``marks[path] = (key_line, key_col, value_line, value_col)``, all 1-based.
Marks = dict[KeyPath, tuple[int, int, int, int]]

_PLAIN = "leadreg:plain"
_QUOTED = "leadreg:quoted"
_SEQ = "leadreg:seq"
_MAP = "leadreg:map"

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_MAYBE_TYPED = frozenset("-+.0123456789tTfFnN~")
# An anchor or alias token starts a node: after a line start, white space or a
# flow/indicator character.  Text without such a match cannot hold one, so the
# slower event scan only runs on files that might (``**bold**`` mid-line won't).
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[\]{},:?\"'-])[&*]", re.MULTILINE)
_CONSTANTS: dict[str, Any] = {
    "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
}


class LoadError(Exception):
    """A file that cannot be read as a lead; carries its diagnostic code."""

    def __init__(self, code: str, message: str, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column


class _Parser(CParser):
    """libyaml parser whose resolver only records plain vs. quoted.

    PyYAML's resolver runs a regex per scalar in Python; typing is done once,
    later, by :func:`_plain_value`, which is both faster and stricter.
    """

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:  # noqa: D102
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _QUOTED
        return _SEQ if kind is SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:  # noqa: D102
        pass

    def ascend_resolver(self) -> None:  # noqa: D102
        pass


def _plain_value(text: str) -> Any:
    if not text:
        return None
    if text[0] not in _MAYBE_TYPED:
        return text
    if text in _CONSTANTS:
        return _CONSTANTS[text]
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text) and ("." in text or "e" in text or "E" in text):
        return float(text)
    return text


def _mark(node: yaml.Node) -> tuple[int, int]:
    m = node.start_mark
    return m.line + 1, m.column + 1


@dataclass
class _Builder:
    marks: Marks | None

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        tag = node.tag
        if tag is _PLAIN or tag == _PLAIN:
            return _plain_value(node.value)
        if tag == _QUOTED:
            return node.value
        if tag == _MAP:
            return self._mapping(node, path)  # type: ignore[arg-type]
        if tag == _SEQ:
            items = []
            marks = self.marks
            for i, child in enumerate(node.value):
                sub = path + (i,)
                if marks is not None:
                    line, col = _mark(child)
                    marks[sub] = (line, col, line, col)
                items.append(self.build(child, sub))
            return items
        line, col = _mark(node)
        raise LoadError("yaml-tag", f"explicit YAML tag {tag!r} is not allowed; "
                        "remove it (quote the value if it must stay text)", line, col)

    def _mapping(self, node: MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        marks = self.marks
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in (_PLAIN, _QUOTED):
                line, col = _mark(key_node)
                raise LoadError("yaml-syntax", "a key must be plain text", line, col)
            key = key_node.value
            if key in result:
                line, col = _mark(key_node)
                raise LoadError("yaml-duplicate-key", f"duplicate key {key!r}", line, col)
            if key == "<<" and key_node.tag == _PLAIN:
                line, col = _mark(key_node)
                raise LoadError("yaml-alias", "merge keys (<<) are not allowed", line, col)
            sub = path + (key,)
            if marks is not None:
                marks[sub] = _mark(key_node) + _mark(value_node)
            result[key] = self.build(value_node, sub)
        return result


def _check_anchors(text: str) -> None:
    """Reject anchors and aliases; only run when the text could hold one."""
    parser = _Parser(text)
    try:
        while parser.check_event():
            event = parser.get_event()
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.AliasEvent) or anchor is not None:
                m = event.start_mark
                what = "alias" if isinstance(event, yaml.AliasEvent) else "anchor"
                raise LoadError("yaml-alias", f"YAML {what} {'*&'[what == 'anchor']}{anchor} "
                                "is not allowed; write the value out in full",
                                m.line + 1, m.column + 1)
    finally:
        parser.dispose()


def _syntax_error(exc: yaml.YAMLError) -> LoadError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    message = f"{context}: {problem}" if context else str(problem)
    if mark is not None:
        return LoadError("yaml-syntax", message, mark.line + 1, mark.column + 1)
    return LoadError("yaml-syntax", message)


def decode(raw: bytes) -> str:
    """UTF-8 (a BOM is fine) or a ``not-utf8`` error at the first bad byte."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start]
        line = head.count(b"\n") + 1
        column = exc.start - (head.rfind(b"\n") + 1) + 1
        raise LoadError("not-utf8", f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                        "save it as UTF-8", line, column) from None
    return text[1:] if text.startswith("\ufeff") else text


def load(text: str, *, with_marks: bool = False) -> tuple[Any, Marks | None]:
    """Parse one YAML document strictly; raise :class:`LoadError`."""
    if ("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text):
        try:
            _check_anchors(text)
        except yaml.YAMLError as exc:
            raise _syntax_error(exc) from None
    parser = _Parser(text)
    try:
        node = parser.get_single_node()
    except yaml.YAMLError as exc:
        raise _syntax_error(exc) from None
    finally:
        parser.dispose()
    if node is None:
        return None, ({} if with_marks else None)
    marks: Marks | None = {} if with_marks else None
    if marks is not None:
        line, col = _mark(node)
        marks[()] = (line, col, line, col)
    try:
        return _Builder(marks).build(node, ()), marks
    except RecursionError:
        line, col = _mark(node)
        raise LoadError("yaml-syntax", "the document is nested too deeply", line, col) from None
