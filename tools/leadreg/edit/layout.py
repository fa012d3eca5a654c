"""``leadreg fmt``: one canonical layout for lead files, comments and all.

Canonical means: fields in the schema's order at every level (title,
customer, need, … closed), unknown and ``x-`` fields after them in the order
written; two-space indentation with list dashes indented under their key;
a block mapping at the top; UTF-8 without BOM and ``\\n`` line ends; text
quoted wherever a YAML reader could take it for something else (``no``,
``0512``, ``1_000``, ``2026-09-01 10:00``).  Flow (``{…}``, ``[…]``) or
block style of each list and mapping, quotes a rep chose, block text
(``|``), comments and blank lines are kept.

ruamel.yaml's round-trip mode does the re-layout; its reading of values is
not trusted: every scalar is compared with the strict reader's value, and
the result is proved to read back as exactly the same data with every
comment still there.  ruamel.yaml drops a comment in a few layouts (a
comment line between list entries when the next entry has a comment at its
end): such a file is left exactly as it is and reported, never damaged.
"""

from __future__ import annotations

import datetime as dt
import io
import multiprocessing as mp
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString

from leadreg import yamlsafe
from leadreg.edit.errors import CommentWouldBeLost, EditError
from leadreg.edit.save import write_atomic
from leadreg.edit.scalars import plain_ok
from leadreg.edit.verify import prove
from leadreg.lead import parse_date
from leadreg.parallel import default_jobs
from leadreg.schemas import load_schema
from leadreg.sources import REGULAR, DiskSource

PARALLEL_FROM = 40  # ruamel.yaml takes ~40 ms a file: a pool pays off early
_CHUNK = 20


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 16  # never fold a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def _order(keys: list[Any], schema: dict[str, Any]) -> list[Any]:
    known = list(schema.get("properties", {}))
    return [k for k in known if k in keys] + [k for k in keys if k not in known]


def _scalar(node: Any, value: Any, flow: bool) -> Any:
    """The ruamel value to write for a scalar whose meaning is ``value``."""
    if not isinstance(value, str):
        return node  # numbers, true/false, null: the strict reading is checked by prove()
    if isinstance(node, (dt.date, dt.datetime)) and parse_date(value) is not None:
        return node  # a date stays a plain YYYY-MM-DD
    if isinstance(node, ScalarString) and getattr(node, "style", None) in ("'", '"', "|", ">"):
        return node  # the rep's own quotes or block text
    if isinstance(node, str) and plain_ok(value, flow):
        return node
    return DoubleQuotedScalarString(value)


def _canonical(node: Any, value: Any, schema: dict[str, Any], flow: bool) -> Any:
    if isinstance(node, CommentedMap) and isinstance(value, dict):
        inner = flow or bool(node.fa.flow_style())
        for key in _order(list(node), schema):
            node.move_to_end(key)
        for key in list(node):
            sub = schema.get("properties", {}).get(key, {})
            node[key] = _canonical(node[key], value[key], sub, inner)
        return node
    if isinstance(node, CommentedSeq) and isinstance(value, list):
        inner = flow or bool(node.fa.flow_style())
        for i, item in enumerate(node):
            node[i] = _canonical(item, value[i], schema.get("items", {}), inner)
        return node
    return _scalar(node, value, flow)


def format_text(text: str, label: str = "the file") -> str:
    """``text`` (one lead file, BOM already removed) in the canonical layout."""
    try:
        data, _ = yamlsafe.load(text)
    except yamlsafe.LoadError as exc:
        raise EditError(f"{label}:{exc.line or 1}:{exc.column or 1}: {exc.message}") from None
    if not isinstance(data, dict):
        raise EditError(f"{label}: the top level is not a mapping of fields")
    yaml = _yaml()
    try:
        tree = yaml.load(text)
    except (RuamelError, ValueError) as exc:
        raise EditError(f"{label}: cannot lay this file out ({exc}); fix it by hand") from None
    if not isinstance(tree, CommentedMap):
        raise EditError(f"{label}: the top level is not a mapping of fields")
    tree.fa.set_block_style()
    _canonical(tree, data, load_schema("lead"), False)
    out = io.StringIO()
    yaml.dump(tree, out)
    result = out.getvalue()
    prove(text, result, data)
    return result



@dataclass(frozen=True)
class Formatted:
    """One file's fate: ``changed`` (would be) rewritten, ``error`` why it cannot be
    read, or ``skipped`` why it is left as it is."""

    path: str
    changed: bool = False
    error: str | None = None
    skipped: str | None = None


def format_file(root: Path, relpath: str, write: bool) -> Formatted:
    """Lay one lead file out canonically; write it back only when ``write``."""
    try:
        raw = DiskSource(root).read(relpath)
        text = yamlsafe.decode(raw)
        new = format_text(text, relpath)
    except yamlsafe.LoadError as exc:
        return Formatted(relpath, error=f"{relpath}:{exc.line or 1}:{exc.column or 1}: "
                                        f"{exc.message}")
    except CommentWouldBeLost as exc:
        lost = str(exc).split("comment ", 1)[1].split(";", 1)[0]
        return Formatted(relpath, skipped=f"{relpath}: left as it is: laying it out would lose "
                                          f"the comment {lost}; tidy it by hand")
    except EditError as exc:
        return Formatted(relpath, error=str(exc))
    content = new.encode("utf-8")
    if content == raw:
        return Formatted(relpath)
    if write:
        write_atomic(root / relpath, content)
    return Formatted(relpath, changed=True)


def lead_files(root: Path, selected: list[str] | None = None) -> list[str]:
    """The regular ``.yaml`` files under leads/ (within ``selected`` paths, if given)."""
    found = [path for path, kind in DiskSource(root).entries()
             if kind == REGULAR and path.endswith(".yaml")]
    if selected is None:
        return found
    wanted = [PurePosixPath(s) for s in selected]
    return [p for p in found
            if any(PurePosixPath(p) == w or w in PurePosixPath(p).parents for w in wanted)]


def _format_chunk(args: tuple[Path, list[str], bool]) -> list[Formatted]:
    root, paths, write = args
    return [format_file(root, p, write) for p in paths]


def format_files(root: Path, paths: list[str], *, write: bool, jobs: int | None = None
                 ) -> list[Formatted]:
    """Format many files, on every core when there are enough to be worth it."""
    jobs = jobs or default_jobs()
    if jobs < 2 or len(paths) < PARALLEL_FROM or "fork" not in mp.get_all_start_methods():
        return _format_chunk((root, paths, write))
    chunks = [(root, paths[i:i + _CHUNK], write) for i in range(0, len(paths), _CHUNK)]
    with mp.get_context("fork").Pool(jobs) as pool:
        return [r for batch in pool.imap(_format_chunk, chunks) for r in batch]
