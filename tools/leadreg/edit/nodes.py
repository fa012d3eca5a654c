"""Where every key, value and comment of a lead file sits in its text.

The same libyaml parser as the checker composes the node tree; node marks are
character offsets into the text, which is what surgical edits need.  Values
themselves are always taken from :mod:`leadreg.yamlsafe`, never from here.
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from leadreg.edit.errors import EditError


def compose(text: str) -> Node | None:
    """The node tree of ``text`` (which the strict reader has already accepted)."""
    loader = yaml.CSafeLoader(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError as exc:
        raise EditError(f"the file is not valid YAML: {exc}") from None
    finally:
        loader.dispose()


def content_end(node: Node) -> int:
    """Offset just after the last character that belongs to ``node``.

    A block collection's own end mark lies at the next token, past trailing
    comments; its content really ends where its last value does.
    """
    while isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return node.end_mark.index


def scalar_spans(node: Node | None, text: str) -> list[tuple[int, int]]:
    """(start, end) of every scalar's own text; a block scalar's header line is not in it."""
    spans: list[tuple[int, int]] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, ScalarNode):
            start, end = current.start_mark.index, current.end_mark.index
            if current.style in ("|", ">"):
                newline = text.find("\n", start)
                start = end if newline < 0 else min(newline + 1, end)
            spans.append((start, end))
        elif isinstance(current, SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
    spans.sort()
    return spans


def comments(text: str, root: Node | None = None, start: int = 0,
             end: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, text) of each ``# comment`` between ``start`` and ``end``, in order."""
    if root is None:
        root = compose(text)
    spans = scalar_spans(root, text)
    end = len(text) if end is None else end
    span_i = 0
    pos = text.find("#", start)
    while 0 <= pos < end:
        while span_i < len(spans) and spans[span_i][1] <= pos:
            span_i += 1
        inside = span_i < len(spans) and spans[span_i][0] <= pos < spans[span_i][1]
        if inside:
            pos = text.find("#", spans[span_i][1])
            continue
        if pos == 0 or text[pos - 1] in " \t\n\r":
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            yield pos, text[pos:line_end].rstrip()
            pos = text.find("#", line_end)
        else:
            pos = text.find("#", pos + 1)
