"""A small GitHub REST client: stdlib HTTP, pagination, retries with backoff.

Everything reads its base URL from ``GITHUB_API_URL`` so the tests can point
it at a local server that speaks the same API.
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
_LINK_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="next"')
_RETRY_STATUSES = {500, 502, 503, 504}


class GitHubError(Exception):
    """A request that failed for good (after retries, or not retryable)."""

    def __init__(self, status: int, message: str, method: str = "", path: str = "") -> None:
        super().__init__(f"{method} {path}: HTTP {status}: {message}".strip())
        self.status = status
        self.message = message


class WriteBudgetExceeded(Exception):
    """The run used its write budget; the next run continues where this one stopped."""


@dataclass
class Response:
    status: int
    headers: Mapping[str, str]
    body: Any


@dataclass
class GitHubClient:
    """One repository's API, with retry and a budget on content-creating writes."""

    repository: str
    token: str | None = None
    api_url: str = DEFAULT_API_URL
    max_retries: int = 5
    max_wait: float = 120.0
    write_budget: int | None = None
    sleep: Callable[[float], None] = time.sleep
    timeout: float = 30.0
    writes: int = field(default=0, init=False)

    @classmethod
    def from_env(cls, **kwargs: Any) -> GitHubClient:
        """Client for ``GITHUB_REPOSITORY`` using ``GITHUB_TOKEN`` and ``GITHUB_API_URL``."""
        repo = os.environ.get("GITHUB_REPOSITORY", "")
        if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repo):
            raise GitHubError(0, "GITHUB_REPOSITORY must be set to OWNER/REPO")
        return cls(repository=repo, token=os.environ.get("GITHUB_TOKEN") or None,
                   api_url=(os.environ.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/"),
                   **kwargs)

    def repo_path(self, suffix: str = "") -> str:
        return f"/repos/{self.repository}{suffix}"

    def _url(self, path: str, params: Mapping[str, Any] | None) -> str:
        url = path if path.startswith(("http://", "https://")) else self.api_url + path
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        return url

    def _wait_for(self, status: int, headers: Mapping[str, str], attempt: int) -> float | None:
        """Seconds to wait before retrying, or None when the error is final."""
        retry_after = headers.get("retry-after")
        if status in (403, 429) and retry_after is not None:  # secondary rate limit
            try:
                return min(float(retry_after), self.max_wait)
            except ValueError:
                return min(60.0, self.max_wait)
        if status in (403, 429) and headers.get("x-ratelimit-remaining") == "0":
            reset = headers.get("x-ratelimit-reset")
            try:
                return min(max(0.0, float(reset or 0) - time.time()) + 1, self.max_wait)
            except ValueError:
                return min(60.0, self.max_wait)
        if status in _RETRY_STATUSES or status == 0:
            return min(2.0 ** attempt, self.max_wait)
        return None

    def request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
                json_body: Any = None) -> Response:
        """One API call, retried on 5xx, network errors and rate limits."""
        write = method in ("POST", "PATCH", "PUT", "DELETE")
        if write and self.write_budget is not None and self.writes >= self.write_budget:
            raise WriteBudgetExceeded(f"write budget of {self.write_budget} requests used")
        url = self._url(path, params)
        data = json.dumps(json_body).encode() if json_body is not None else None
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28",
                   "User-Agent": "leadreg"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if data is not None:
            headers["Content-Type"] = "application/json"
        attempt = 0
        while True:
            req = urllib.request.Request(url, data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    raw = resp.read()
                    status, resp_headers = resp.status, {k.lower(): v for k, v in resp.headers.items()}
            except urllib.error.HTTPError as exc:
                raw = exc.read() or b""
                status, resp_headers = exc.code, {k.lower(): v for k, v in exc.headers.items()}
            except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
                raw, status, resp_headers = str(exc).encode(), 0, {}
            if write and status != 0:
                self.writes += 1
            if 200 <= status < 300:
                body = json.loads(raw) if raw.strip() else None
                return Response(status, resp_headers, body)
            wait = self._wait_for(status, resp_headers, attempt)
            if wait is None or attempt >= self.max_retries:
                raise GitHubError(status, _error_message(raw), method, path)
            attempt += 1
            self.sleep(wait)

    def paginate(self, path: str, params: Mapping[str, Any] | None = None) -> Iterator[Any]:
        """Every item of a list endpoint, following ``Link: rel="next"``."""
        url: str | None = path
        query: Mapping[str, Any] | None = {"per_page": 100, **(params or {})}
        while url:
            resp = self.request("GET", url, params=query)
            items = resp.body or []
            if isinstance(items, dict):  # search-style envelopes
                items = items.get("items", [])
            yield from items
            match = _LINK_NEXT.search(resp.headers.get("link", ""))
            url, query = (match.group(1), None) if match else (None, None)


def _error_message(raw: bytes) -> str:
    try:
        body = json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", "replace")[:200]
    if isinstance(body, dict):
        return str(body.get("message", body))[:500]
    return str(body)[:200]
