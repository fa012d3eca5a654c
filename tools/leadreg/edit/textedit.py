"""Surgical edits to a lead file's text, at the positions the parser reports.

Only the characters an edit must change are touched: a new list entry is a
new line in the style of the entries before it (``- {…}`` or a block
mapping, same indentation), a new value replaces the old value's characters
and leaves the comment after it, a new field goes after the field that
precedes it in the schema.  Everything else in the file stays byte for byte,
whatever its indentation, quoting or comments.

Every edit re-parses the text, so positions are always current; lead files
are small.  Only top-level fields are edited: that is all the helpers need.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from leadreg.edit.errors import EditError
from leadreg.edit.nodes import comments, compose, content_end
from leadreg.edit.scalars import block_mapping, flow_mapping, flow_value, scalar
from leadreg.schemas import load_schema

_NULLS = ("", "~", "null", "Null", "NULL")


@cache
def field_order() -> tuple[str, ...]:
    """Top-level fields in the schema's order: where a new field goes."""
    return tuple(load_schema("lead")["properties"])


class LeadText:
    """The text of one lead file, edited in place one top-level field at a time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.root: MappingNode
        self._reparse()

    # -- positions ---------------------------------------------------------

    def _reparse(self) -> None:
        root = compose(self.text)
        if not isinstance(root, MappingNode):
            raise EditError("the top level of the file is not a mapping of fields")
        if root.flow_style:
            raise EditError("the file is written as one {…} mapping; run `leadreg fmt` on it first")
        self.root = root

    def _find(self, key: str) -> tuple[ScalarNode, Node] | None:
        for key_node, value_node in self.root.value:
            if key_node.value == key:
                return key_node, value_node
        return None

    def _line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def _line_after(self, index: int) -> int:
        """Start of the line after the one ``index`` is on (``index`` if at a line start)."""
        if index == 0 or self.text[index - 1] == "\n":
            return index
        newline = self.text.find("\n", index)
        return len(self.text) if newline < 0 else newline + 1

    def _colon_end(self, key_node: ScalarNode) -> int:
        return self.text.index(":", key_node.end_mark.index) + 1

    def _splice(self, start: int, end: int, new: str) -> None:
        self.text = self.text[:start] + new + self.text[end:]
        self._reparse()

    def _insert_lines(self, pos: int, lines: list[str]) -> None:
        newline = self.newline
        prefix = "" if pos == 0 or self.text[pos - 1] == "\n" else newline
        self._splice(pos, pos, prefix + "".join(line + newline for line in lines))

    def _comment_lines(self, start: int, end: int, column: int) -> str:
        """The comments between ``start`` and ``end`` as lines of their own."""
        found = [c for _, c in comments(self.text, self.root, start, end)]
        return "".join(" " * column + c + self.newline for c in found)

    def _sequence_column(self) -> int:
        """Column of a block sequence's ``-`` in this file (2 if it has none)."""
        for _, value in self.root.value:
            if isinstance(value, SequenceNode) and not value.flow_style:
                return value.start_mark.column
        return 2

    def _dash_line_start(self, seq: SequenceNode, item: Node) -> int:
        """Start of the line holding ``item``'s ``-`` (at the sequence's column)."""
        column = seq.start_mark.column
        pos = self._line_start(item.start_mark.index)
        while True:
            line = self.text[pos:pos + column + 1]
            if line == " " * column + "-":
                return pos
            if pos == 0:
                raise EditError("cannot find where a list entry starts; fix the file by hand")
            pos = self._line_start(pos - 1)

    # -- edits -------------------------------------------------------------

    def _add_field(self, key: str, lines: list[str]) -> None:
        order = field_order()
        rank = order.index(key) if key in order else len(order)
        before = [(order.index(k.value), v) for k, v in self.root.value
                  if k.value in order and order.index(k.value) < rank]
        if before:
            anchor = max(before, key=lambda pair: pair[0])[1]
            self._insert_lines(self._line_after(content_end(anchor)), lines)
            return
        after = [k for k, _ in self.root.value if k.value in order and order.index(k.value) > rank]
        if after:
            first = min(after, key=lambda k: k.start_mark.index)
            self._insert_lines(self._line_start(first.start_mark.index), lines)
            return
        self._insert_lines(len(self.text), lines)

    def set(self, key: str, value: Any) -> None:
        """Give a top-level field a scalar or (one-line, flow) mapping value."""
        new = flow_value(value) if isinstance(value, (Mapping, list)) else scalar(value)
        found = self._find(key)
        if found is None:
            self._add_field(key, [f"{key}: {new}"])
            return
        key_node, node = found
        block = (isinstance(node, ScalarNode) and node.style in ("|", ">")) or (
            isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style)
        if block:
            colon = self._colon_end(key_node)
            end = self._line_after(content_end(node))
            kept = self._comment_lines(colon, end, key_node.start_mark.column + 2)
            self._splice(colon, end, " " + new + self.newline + kept)
            return
        start, end = node.start_mark.index, node.end_mark.index
        if self.text[start - 1] == ":":
            new = " " + new
        self._splice(start, end, new)

    def append(self, key: str, entry: Mapping[str, Any]) -> None:
        """Add a mapping entry at the end of a top-level list (creating it if needed)."""
        found = self._find(key)
        if found is None:
            column = self._sequence_column()
            self._add_field(key, [f"{key}:", " " * column + "- " + flow_mapping(entry)])
            return
        key_node, node = found
        if isinstance(node, ScalarNode) and node.value in _NULLS and node.style in ("", None):
            self._open_block(key, key_node, node, entry)
        elif isinstance(node, SequenceNode) and node.flow_style:
            if not node.value:
                self._open_block(key, key_node, node, entry)
                return
            pos = content_end(node.value[-1])
            self._splice(pos, pos, ", " + flow_mapping(entry))
        elif isinstance(node, SequenceNode):
            column = node.start_mark.column
            last = node.value[-1]
            if isinstance(last, MappingNode) and not last.flow_style and last.value:
                key_column = last.value[0][0].start_mark.column
                lines = block_mapping(entry, key_column)
                lines[0] = " " * column + "-" + " " * max(1, key_column - column - 1) + lines[0]
            else:
                lines = [" " * column + "- " + flow_mapping(entry)]
            self._insert_lines(self._line_after(content_end(node)), lines)
        else:
            raise EditError(f"{key}: is not a list; fix it by hand first")

    def _open_block(self, key: str, key_node: ScalarNode, node: Node, entry: Mapping[str, Any]
                    ) -> None:
        """``key:``, ``key: ~`` or ``key: []`` becomes a block list with one entry."""
        colon = self._colon_end(key_node)
        self._splice(colon, max(colon, node.end_mark.index), "")
        found = self._find(key)
        assert found is not None
        line = " " * self._sequence_column() + "- " + flow_mapping(entry)
        self._insert_lines(self._line_after(self._colon_end(found[0])), [line])

    def _sequence(self, key: str) -> tuple[ScalarNode, SequenceNode]:
        found = self._find(key)
        if found is None or not isinstance(found[1], SequenceNode):
            raise EditError(f"{key}: is not a list; fix it by hand first")
        return found[0], found[1]

    def remove(self, key: str, index: int) -> None:
        """Drop one entry of a top-level list; comments on its lines are kept."""
        key_node, node = self._sequence(key)
        items = node.value
        item = items[index]
        if node.flow_style:
            if len(items) == 1:
                start, end = item.start_mark.index, content_end(item)
            elif index < len(items) - 1:
                start, end = item.start_mark.index, items[index + 1].start_mark.index
            else:
                start, end = content_end(items[index - 1]), content_end(item)
            self._splice(start, end, "")
            return
        column = node.start_mark.column
        end = self._line_after(content_end(item))
        if len(items) == 1:
            colon = self._colon_end(key_node)
            kept = self._comment_lines(colon, end, column)
            self._splice(colon, end, " []" + self.newline + kept)
            return
        start = self._dash_line_start(node, item)
        self._splice(start, end, self._comment_lines(start, end, column))

    def set_field(self, key: str, index: int, name: str, value: Any) -> None:
        """Set ``name`` in the mapping entry ``key[index]``."""
        _, node = self._sequence(key)
        item = node.value[index]
        if not isinstance(item, MappingNode):
            raise EditError(f"{key}[{index + 1}] is not a mapping; fix it by hand first")
        for key_node, value_node in item.value:
            if key_node.value == name:
                if not isinstance(value_node, ScalarNode) or value_node.style in ("|", ">"):
                    raise EditError(f"{key}[{index + 1}].{name} is not a single value")
                start, end = value_node.start_mark.index, value_node.end_mark.index
                new = scalar(value, flow=bool(item.flow_style))
                self._splice(start, end, (" " if self.text[start - 1] == ":" else "") + new)
                return
        pair = f"{name}: {scalar(value, flow=bool(item.flow_style))}"
        if item.flow_style:
            pos = content_end(item.value[-1][1]) if item.value else item.start_mark.index + 1
            self._splice(pos, pos, (", " if item.value else "") + pair)
        else:
            column = item.value[0][0].start_mark.column
            self._insert_lines(self._line_after(content_end(item)), [" " * column + pair])
