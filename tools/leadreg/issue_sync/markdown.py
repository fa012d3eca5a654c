"""Putting untrusted text (customer names, reasons, messages) into GitHub Markdown.

Nothing from a lead file may render as a link, HTML, a table break, an
@-mention, or a forged leadreg marker.
"""

from __future__ import annotations

import html
import re
import urllib.parse

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # the rest only matter at a line's start
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def inline(text: str, limit: int = 300) -> str:
    """One line of plain text, safe anywhere in a Markdown paragraph or table cell;
    cut at ``limit`` characters so no lead can push a body past GitHub's 65,536."""
    flat = plain(text, limit)
    escaped = _SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))
    return escaped.replace("@", "@\u200b")  # no mentions from lead text


def plain(text: str, limit: int = 256) -> str:
    """Plain one-line text for an issue title (GitHub allows 256 characters)."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def link(label: str, url: str) -> str:
    return f"[{inline(label)}]({url_safe(url)})"


def url_safe(url: str) -> str:
    """A URL that cannot break out of Markdown link syntax."""
    return urllib.parse.quote(url, safe=":/?#&=%@+,;~!$'*")


def mention(login: str) -> str:
    return f"@{login}"
