"""A lead's ``need``: Markdown to HTML that cannot run script.

markdown-it-py renders CommonMark (plus tables and strikethrough) with raw
HTML turned off; nh3 (ammonia) then keeps only a small list of tags and
http(s)/mailto links, so even a bug in one layer is caught by the other.
"""

from __future__ import annotations

from functools import cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_TAGS = {"p", "br", "hr", "em", "strong", "s", "del", "code", "pre", "blockquote", "ul", "ol",
         "li", "a", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"}
_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
_HEADINGS = str.maketrans({"1": "3", "2": "4", "3": "5", "4": "6", "5": "6"})


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    # A lead page already has h1/h2: demote the need's headings below them.
    for level in ("heading_open", "heading_close"):
        md.add_render_rule(level, _demoted(md, level))
    return md


def _demoted(md: MarkdownIt, rule: str):  # type: ignore[no-untyped-def]
    def render(self, tokens, idx, options, env):  # type: ignore[no-untyped-def]
        token = tokens[idx]
        token.tag = "h" + token.tag[1:].translate(_HEADINGS)
        return self.renderToken(tokens, idx, options, env)
    return render


def render_markdown(source: str) -> Markup:
    """Sanitised HTML for Markdown ``source`` (already safe to insert as-is)."""
    if not source.strip():
        return Markup("")
    html = _parser().render(source)
    clean = nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                      link_rel="noopener noreferrer nofollow ugc", strip_comments=True)
    return Markup(clean)
