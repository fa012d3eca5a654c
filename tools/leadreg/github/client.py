"""A small GitHub REST client: stdlib HTTP, pagination, retries with backoff.

Everything reads its base URL from ``GITHUB_API_URL`` so the tests can point
it at a local server that speaks the same API. ``LEADREG_MAX_WAIT`` caps every
backoff wait in seconds (the tests set it small; GitHub's own advice is the
default).

Retries: rate limits (primary: ``x-ratelimit-remaining: 0`` until
``x-ratelimit-reset``; secondary: ``retry-after``, or a minute) are retried
for every method, since GitHub did not act on the request. Server errors and
network failures are retried for reads and idempotent writes (PATCH, PUT,
DELETE) but not for POST, which may have taken effect before the answer was
lost: the caller decides how to check and retry (see ``github.issues``).
"""

from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

DEFAULT_API_URL = "https://api.github.com"
DEFAULT_MAX_WAIT = 120.0
MAX_PAGES = 2000  # 200,000 items at 100 a page: far beyond any real list here
_LINK_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="next"')
_RETRY_STATUSES = {500, 502, 503, 504}
_UNSAFE = {"POST"}
_WRITES = {"POST", "PATCH", "PUT", "DELETE"}


class GitHubError(Exception):
    """A request that failed for good (after retries, or not retryable)."""

    def __init__(self, status: int, message: str, method: str = "", path: str = "",
                 body: Any = None) -> None:
        super().__init__(f"{method} {path}: HTTP {status}: {message}".strip()
                         if status else f"{method} {path}: {message}".strip())
        self.status = status
        self.message = message
        self.body = body

    @property
    def transient(self) -> bool:
        """A server or network failure: the same request may succeed later."""
        return self.status == 0 or self.status in _RETRY_STATUSES

    def about_field(self, name: str) -> bool:
        """A 422 whose ``errors`` name the request field ``name`` (e.g. ``assignees``)."""
        errors = self.body.get("errors") if isinstance(self.body, dict) else None
        return self.status == 422 and any(
            isinstance(e, dict) and e.get("field") == name for e in errors or ())


class WriteBudgetExceeded(Exception):
    """The run used its write budget; the next run continues where this one stopped."""


@dataclass
class Response:
    status: int
    headers: Mapping[str, str]
    body: Any


def max_wait_from_env(default: float = DEFAULT_MAX_WAIT) -> float:
    try:
        return max(0.0, float(os.environ["LEADREG_MAX_WAIT"]))
    except (KeyError, ValueError):
        return default


@dataclass
class GitHubClient:
    """One repository's API, with retry and a budget on content-creating writes."""

    repository: str
    token: str | None = None
    api_url: str = DEFAULT_API_URL
    max_retries: int = 5
    max_wait: float = DEFAULT_MAX_WAIT
    write_budget: int | None = None
    sleep: Callable[[float], None] = time.sleep
    timeout: float = 30.0
    writes: int = field(default=0, init=False)
    requests: int = field(default=0, init=False)

    @classmethod
    def from_env(cls, **kwargs: Any) -> GitHubClient:
        """Client for ``GITHUB_REPOSITORY`` using ``GITHUB_TOKEN`` and ``GITHUB_API_URL``."""
        repo = os.environ.get("GITHUB_REPOSITORY", "")
        if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repo):
            raise GitHubError(0, "GITHUB_REPOSITORY must be set to OWNER/REPO")
        api_url = (os.environ.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/")
        if not api_url.startswith(("https://", "http://")):
            raise GitHubError(0, f"GITHUB_API_URL must be an http(s) URL, not {api_url!r}")
        kwargs.setdefault("max_wait", max_wait_from_env())
        return cls(repository=repo, token=os.environ.get("GITHUB_TOKEN") or None,
                   api_url=api_url, **kwargs)

    def repo_path(self, suffix: str = "") -> str:
        return f"/repos/{self.repository}{suffix}"

    def _url(self, path: str, params: Mapping[str, Any] | None) -> str:
        url = path if path.startswith(("http://", "https://")) else self.api_url + path
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        return url

    def _same_origin(self, url: str) -> bool:
        """Only URLs on the API's own host get the token (``Link`` headers are followed)."""
        a, b = urllib.parse.urlsplit(url), urllib.parse.urlsplit(self.api_url)
        return (a.scheme, a.netloc) == (b.scheme, b.netloc)

    def _wait_for(self, status: int, headers: Mapping[str, str], message: str,
                  attempt: int, unsafe: bool) -> float | None:
        """Seconds to wait before retrying, or None when the error is final."""
        if status in (403, 429):
            retry_after = headers.get("retry-after")
            if retry_after is not None:  # secondary rate limit
                return min(_seconds(retry_after, 60.0), self.max_wait)
            if headers.get("x-ratelimit-remaining") == "0":  # primary rate limit
                reset = _seconds(headers.get("x-ratelimit-reset", ""), time.time() + 60)
                return min(max(0.0, reset - time.time()) + 1, self.max_wait)
            if status == 429 or "rate limit" in message.lower():
                return min(60.0 * (attempt + 1), self.max_wait)
            return None
        if (status in _RETRY_STATUSES or status == 0) and not unsafe:
            return min(2.0 ** attempt, self.max_wait)
        return None

    def request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
                json_body: Any = None, retry_unsafe: bool = False) -> Response:
        """One API call, retried on rate limits, and on 5xx/network errors unless it is a
        POST (``retry_unsafe=True`` retries those too, for naturally idempotent POSTs)."""
        write = method in _WRITES
        unsafe = method in _UNSAFE and not retry_unsafe
        if write and self.write_budget is not None and self.writes >= self.write_budget:
            raise WriteBudgetExceeded(f"write budget of {self.write_budget} requests used")
        url = self._url(path, params)
        if not self._same_origin(url):
            raise GitHubError(0, f"refusing to send the token to {url}", method, path)
        data = json.dumps(json_body).encode() if json_body is not None else None
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28",
                   "User-Agent": "leadreg"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if data is not None:
            headers["Content-Type"] = "application/json"
        attempt = 0
        while True:
            status, resp_headers, raw = self._send(url, data, method, headers)
            self.requests += 1
            if write and status != 0:
                self.writes += 1
            if 200 <= status < 300:
                try:
                    body = json.loads(raw) if raw.strip() else None
                except ValueError:
                    raise GitHubError(status, "the answer is not JSON", method, path) from None
                return Response(status, resp_headers, body)
            message, body = _error_message(raw)
            wait = self._wait_for(status, resp_headers, message, attempt, unsafe)
            if wait is None or attempt >= self.max_retries:
                raise GitHubError(status, message, method, path, body)
            attempt += 1
            self.sleep(wait)

    def _send(self, url: str, data: bytes | None, method: str, headers: dict[str, str]
              ) -> tuple[int, dict[str, str], bytes]:
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.status, _lower(resp.headers.items()), resp.read()
        except urllib.error.HTTPError as exc:
            try:
                raw = exc.read() or b""
            except OSError:
                raw = b""
            return exc.code, _lower(exc.headers.items()), raw
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            return 0, {}, f"network error: {reason}".encode()

    def paginate(self, path: str, params: Mapping[str, Any] | None = None) -> Iterator[Any]:
        """Every item of a list endpoint, following ``Link: rel="next"``."""
        url: str | None = path
        query: Mapping[str, Any] | None = {"per_page": 100, **(params or {})}
        seen: set[str] = set()
        while url:
            if url in seen or len(seen) >= MAX_PAGES:
                raise GitHubError(0, "pagination does not end", "GET", path)
            seen.add(url)
            resp = self.request("GET", url, params=query)
            items = resp.body or []
            if isinstance(items, dict):  # search-style envelopes
                items = items.get("items", [])
            if not isinstance(items, list):
                raise GitHubError(resp.status, "expected a list", "GET", path)
            yield from items
            match = _LINK_NEXT.search(resp.headers.get("link", ""))
            url, query = (match.group(1), None) if match else (None, None)


def _lower(items: Any) -> dict[str, str]:
    return {k.lower(): v for k, v in items}


def _seconds(value: str, default: float) -> float:
    try:
        return float(value)
    except ValueError:
        return default


def _error_message(raw: bytes) -> tuple[str, Any]:
    """GitHub's ``message`` (with the ``errors`` details, if any) and the parsed body."""
    try:
        body = json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", "replace")[:200], None
    if not isinstance(body, dict):
        return str(body)[:200], body
    message = str(body.get("message", body))[:500]
    details = [f"{e.get('field', '')} {e.get('code', '')}".strip()
               for e in body.get("errors", []) or [] if isinstance(e, dict)]
    if details:
        message += f" ({'; '.join(d for d in details if d)})"
    return message, body
