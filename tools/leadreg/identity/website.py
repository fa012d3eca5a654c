"""A customer's website as a comparable key: the domain, lower-case, no ``www.``.

Accepts a URL or a bare domain; internationalised domains become punycode so
that 恒达.中国 and xn--... are one key.  On shared platforms (a shop on 1688.com,
a page on linkedin.com) the domain is everybody's, so the path stays part
of the key.  Garbage gives None, never an exception.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import idna

_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+\Z")

SHARED_PLATFORMS = frozenset({
    "1688.com", "alibaba.com", "taobao.com", "tmall.com", "jd.com", "made-in-china.com",
    "weibo.com", "facebook.com", "linkedin.com", "twitter.com", "x.com", "instagram.com",
    "youtube.com", "github.com", "github.io", "gitee.com", "mp.weixin.qq.com", "qq.com",
    "sites.google.com", "wixsite.com", "tianyancha.com", "qcc.com", "aiqicha.baidu.com",
})


def _ascii_host(host: str) -> str | None:
    host = host.strip().rstrip(".").lower()
    if host.isascii():
        return host  # checked by _HOST
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return None


def domain_key(value: object) -> str | None:
    """``https://www.Hengda-Auto.example/about`` → ``hengda-auto.example``."""
    if not isinstance(value, str) or not value.strip() or len(value) > 2000:
        return None
    text = value.strip()
    if "://" not in text:
        text = "http://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return None
    if not host:
        return None
    ascii_host = _ascii_host(host)
    if ascii_host is None or not _HOST.match(ascii_host):
        return None
    ascii_host = ascii_host.removeprefix("www.")
    if ascii_host in SHARED_PLATFORMS:
        path = parts.path.strip("/").lower()
        return f"{ascii_host}/{path}" if path else None
    return ascii_host
