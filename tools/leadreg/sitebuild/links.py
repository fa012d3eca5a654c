"""Links built from lead data: only http(s) URLs ever reach an ``href``."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_BARE_DOMAIN = re.compile(r"[A-Za-z0-9\u00a1-\uffff]([A-Za-z0-9\u00a1-\uffff.-]*[A-Za-z0-9\u00a1-\uffff])?"
                          r"\.[A-Za-z\u00a1-\uffff]{2,}(/\S*)?\Z")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f]")  # \s is str.isspace(): Unicode spaces too


def safe_web_url(value: object) -> str | None:
    """An ``http``/``https`` URL for a website field, or None.

    A bare domain (``hengda.example``) becomes ``https://hengda.example``;
    ``javascript:``, ``data:`` and anything else that is not plainly a web
    address is refused, so it is shown as text, never as a link.
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 2000 or _SPACE_OR_CONTROL.search(text):
        return None
    if "://" not in text:
        if not _BARE_DOMAIN.match(text):
            return None
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return text


def edit_url(repo_url: str | None, path: str, branch: str = "main") -> str | None:
    """The forge's "edit this file" link for a lead, when ``repo_url`` is a web URL."""
    base = safe_web_url(repo_url) if repo_url and "://" in repo_url else None
    if base is None:
        return None
    return f"{base.rstrip('/')}/edit/{branch}/{quote(path)}"


def pages_url(repo_url: str | None) -> str | None:
    """The GitHub Pages address of a ``https://github.com/OWNER/REPO`` repository."""
    url = safe_web_url(repo_url) if repo_url and "://" in repo_url else None
    if url is None:
        return None
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if parts.hostname != "github.com" or len(segments) != 2:
        return None
    owner, repo = segments[0].lower(), segments[1].removesuffix(".git")
    if repo.lower() == f"{owner}.github.io":
        return f"https://{owner}.github.io/"
    return f"https://{owner}.github.io/{quote(repo)}/"
