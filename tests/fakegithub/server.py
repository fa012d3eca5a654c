"""The core of the fake GitHub API: state, routing table, pagination, faults, request log.

Route modules (``issues.py``, ``pulls.py``, …) register handlers on a
:class:`FakeGitHub` from their ``install(gh)`` function; this module knows
nothing about issues or pulls.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import pkgutil
import re
import threading
import time
import urllib.parse
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

WRITE_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})
DOCS = "https://docs.github.com/rest"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_NUMERIC = frozenset({"number", "id", "comment_id", "review_id", "pull_number"})
_DIGITS = "[0-9]+"


@dataclass
class Request:
    """One parsed request as a handler sees it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    params: dict[str, str] = field(default_factory=dict)

    def int_param(self, name: str) -> int:
        return int(self.params[name])


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Fault:
    """A canned reply for the next request(s) matching ``method`` and ``path``.

    ``after`` first applies the request, then answers with the fault: the
    response was lost, but the write happened (the case that creates duplicates).
    """

    reply: Reply
    method: str | None = None
    path: re.Pattern[str] | None = None
    after: bool = False
    times: int = 1

    def matches(self, method: str, path: str) -> bool:
        return ((self.method is None or self.method == method)
                and (self.path is None or self.path.search(path) is not None))


@dataclass
class LoggedRequest:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    status: int
    faulted: bool

    @property
    def write(self) -> bool:
        return self.method in WRITE_METHODS


Handler = Callable[[Request], Reply]


def error(status: int, message: str, errors: list[dict[str, Any]] | None = None) -> Reply:
    """An error body the way GitHub shapes it."""
    body: dict[str, Any] = {"message": message, "documentation_url": DOCS,
                            "status": str(status)}
    if errors is not None:
        body["errors"] = errors
    return Reply(status, body)


def validation_failed(resource: str, field_name: str, code: str, value: Any = None) -> Reply:
    item: dict[str, Any] = {"resource": resource, "field": field_name, "code": code}
    if value is not None:
        item["value"] = value
    return error(422, "Validation Failed", [item])


class FakeGitHub:
    """A GitHub REST API subset for one repository, served on 127.0.0.1."""

    def __init__(self, repository: str = "acme/leads", token: str = "test-token",
                 login: str = "github-actions[bot]") -> None:
        self.repository = repository
        self.token = token
        self.login = login
        self.users: set[str] = {login}  # logins that exist and may be assigned
        self.lock = threading.RLock()
        self.log: list[LoggedRequest] = []
        self.faults: list[Fault] = []
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self._ids = 1000
        self._numbers = 0
        self._clock = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.rate_remaining = 5000
        _install_route_modules(self)

    # -- routing -------------------------------------------------------------
    def route(self, method: str, pattern: str, handler: Handler) -> None:
        """Serve ``method pattern``; ``{name}`` placeholders match one path segment
        (digits only for ``{number}``, ``{id}``, ``{pull_number}``, ``{review_id}``, …).

        ``{owner}/{repo}`` must name this server's repository, or the reply is 404.
        """
        regex = _PLACEHOLDER.sub(
            lambda m: f"(?P<{m.group(1)}>{_DIGITS if m.group(1) in _NUMERIC else '[^/]+'})",
            pattern)
        self._routes.append((method, re.compile(f"^{regex}$"), handler))

    # -- shared state helpers for route modules --------------------------------
    def next_id(self) -> int:
        with self.lock:
            self._ids += 1
            return self._ids

    def next_number(self) -> int:
        """Issue and pull request numbers share one sequence, as on GitHub."""
        with self.lock:
            self._numbers += 1
            return self._numbers

    def now(self) -> str:
        """A timestamp that advances one second per call: ordered and repeatable."""
        with self.lock:
            self._clock += dt.timedelta(seconds=1)
            return self._clock.strftime("%Y-%m-%dT%H:%M:%SZ")

    def user(self, login: str) -> dict[str, Any]:
        kind = "Bot" if login.endswith("[bot]") else "User"
        return {"login": login, "id": zlib.crc32(login.encode()) % 10_000_000, "type": kind,
                "node_id": f"U_{login}", "site_admin": False,
                "url": f"{self.url}/users/{login}",
                "html_url": f"https://github.com/{login}"}

    def api(self, suffix: str) -> str:
        return f"{self.url}/repos/{self.repository}{suffix}"

    def html(self, suffix: str) -> str:
        return f"https://github.com/{self.repository}{suffix}"

    def paginate(self, req: Request, items: list[Any]) -> Reply:
        """One page of ``items`` by ``per_page`` (default 30, at most 100) and ``page``,
        with GitHub's ``Link`` header (first, prev, next, last)."""
        try:
            per_page = max(1, min(100, int(req.query.get("per_page", "30"))))
            page = max(1, int(req.query.get("page", "1")))
        except ValueError:
            return error(400, "Invalid pagination parameters")
        last = max(1, -(-len(items) // per_page))
        chunk = items[(page - 1) * per_page: page * per_page]
        links = []

        def link(number: int, rel: str) -> str:
            query = {**req.query, "per_page": str(per_page), "page": str(number)}
            return f'<{self.url}{req.path}?{urllib.parse.urlencode(query)}>; rel="{rel}"'

        if page > 1:
            links += [link(page - 1, "prev"), link(1, "first")]
        if page < last:
            links += [link(page + 1, "next"), link(last, "last")]
        return Reply(200, chunk, {"Link": ", ".join(links)} if links else {})

    # -- faults ------------------------------------------------------------------
    def fail(self, status: int, *, body: Any = None, headers: dict[str, str] | None = None,
             method: str | None = None, path: str | None = None, times: int = 1,
             after: bool = False) -> None:
        """Answer the next ``times`` matching requests with ``status`` (``path`` is a regex)."""
        if body is None:
            body = {"message": f"fake failure {status}", "documentation_url": DOCS}
        with self.lock:
            self.faults.append(Fault(Reply(status, body, dict(headers or {})), method,
                                     re.compile(path) if path else None, after, times))

    def fail_server_error(self, status: int = 502, **match: Any) -> None:
        self.fail(status, body={"message": "Server Error"}, **match)

    def fail_rate_limit(self, reset_in: int = 1, **match: Any) -> None:
        """The primary rate limit: 403, remaining 0, reset ``reset_in`` seconds from now."""
        self.fail(403, body={"message": "API rate limit exceeded for installation.",
                             "documentation_url": DOCS},
                  headers={"x-ratelimit-remaining": "0", "x-ratelimit-limit": "5000",
                           "x-ratelimit-reset": str(int(time.time()) + reset_in)}, **match)

    def fail_secondary_rate_limit(self, retry_after: int = 1, status: int = 403,
                                  **match: Any) -> None:
        """A secondary (abuse) rate limit with ``retry-after``."""
        self.fail(status, body={"message": "You have exceeded a secondary rate limit. "
                                           "Please wait a few minutes before you try again.",
                                "documentation_url": DOCS},
                  headers={"retry-after": str(retry_after)}, **match)

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.matches(method, path):
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
                    return fault
        return None

    # -- request log ---------------------------------------------------------------
    @property
    def writes(self) -> list[LoggedRequest]:
        """Write requests that reached a handler (faulted ones included)."""
        return [r for r in self.log if r.write]

    def requests(self, method: str | None = None, path: str | None = None
                 ) -> list[LoggedRequest]:
        pattern = re.compile(path) if path else None
        return [r for r in self.log if (method is None or r.method == method)
                and (pattern is None or pattern.search(r.path))]

    def clear_log(self) -> None:
        with self.lock:
            self.log.clear()

    # -- dispatch --------------------------------------------------------------------
    def handle(self, req: Request) -> Reply:
        fault = self._take_fault(req.method, req.path)
        if fault is not None and not fault.after:
            self._record(req, fault.reply.status, True)
            return fault.reply
        reply = self._authorized(req) or self._dispatch(req)
        if fault is not None and 200 <= reply.status < 300:
            self._record(req, fault.reply.status, True)
            return fault.reply
        self._record(req, reply.status, False)
        return reply

    def _record(self, req: Request, status: int, faulted: bool) -> None:
        with self.lock:
            self.log.append(LoggedRequest(req.method, req.path, dict(req.query), req.body,
                                          status, faulted))

    def _authorized(self, req: Request) -> Reply | None:
        auth = req.headers.get("authorization", "")
        scheme, _, credential = auth.partition(" ")
        if not auth:
            return error(401, "Requires authentication")
        if scheme.lower() not in ("bearer", "token") or credential != self.token:
            return error(401, "Bad credentials")
        return None

    def _dispatch(self, req: Request) -> Reply:
        allowed = False
        for method, regex, handler in self._routes:
            match = regex.match(req.path)
            if match is None:
                continue
            if method != req.method:
                allowed = True
                continue
            params = match.groupdict()
            if "owner" in params and "repo" in params and \
                    f"{params['owner']}/{params['repo']}".lower() != self.repository.lower():
                return error(404, "Not Found")
            req.params = params
            with self.lock:
                try:
                    return handler(req)
                except Exception as exc:  # noqa: BLE001 - a handler bug shows up as a 500
                    return error(500, f"fake server bug: {type(exc).__name__}: {exc}")
        return error(405 if allowed else 404, "Not Found" if not allowed else "Method Not Allowed")

    # -- server lifecycle ------------------------------------------------------------
    @property
    def url(self) -> str:
        if self._server is None:
            return "http://127.0.0.1:0"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeGitHub:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_class(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def env(self, **extra: str) -> dict[str, str]:
        """Environment for the real CLI: API URL, token, repository, short retry waits."""
        return {"GITHUB_API_URL": self.url, "GITHUB_TOKEN": self.token,
                "GITHUB_REPOSITORY": self.repository, "LEADREG_MAX_WAIT": "0.2", **extra}


def _handler_class(gh: FakeGitHub) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _serve(self) -> None:
            parsed = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            try:
                body = json.loads(raw) if raw.strip() else None
            except ValueError:
                self._send(error(400, "Problems parsing JSON"))
                return
            path = urllib.parse.unquote(parsed.path)
            self._send(gh.handle(Request(self.command, path, query, headers, body)))

        def _send(self, reply: Reply) -> None:
            data = b"" if reply.body is None else json.dumps(reply.body).encode()
            self.send_response(reply.status)
            with gh.lock:
                gh.rate_remaining = max(0, gh.rate_remaining - 1)
                remaining = gh.rate_remaining
            base = {"Content-Type": "application/json; charset=utf-8",
                    "X-GitHub-Api-Version-Selected": "2022-11-28",
                    "x-ratelimit-limit": "5000", "x-ratelimit-remaining": str(remaining),
                    "x-ratelimit-reset": str(int(time.time()) + 3600),
                    "x-ratelimit-resource": "core"}
            for key, value in {**base, **reply.headers}.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if data:
                self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    return _Handler


def _install_route_modules(gh: FakeGitHub) -> None:
    """Call ``install(gh)`` of every module in this package that has one."""
    package = __name__.rpartition(".")[0]
    module = importlib.import_module(package)
    for info in sorted(pkgutil.iter_modules(module.__path__), key=lambda i: i.name):
        if info.name in ("server", "fixture"):
            continue
        routes = importlib.import_module(f"{package}.{info.name}")
        install = getattr(routes, "install", None)
        if callable(install):
            install(gh)
