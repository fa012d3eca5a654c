"""A fake GitHub REST API for the tests: a real HTTP server on 127.0.0.1.

The tests run the real ``leadreg`` CLI against it with ``gh.env()``
(``GITHUB_API_URL``, ``GITHUB_TOKEN``, ``GITHUB_REPOSITORY``, and a small
``LEADREG_MAX_WAIT`` so backoff never really sleeps long). Use the
``fake_github`` fixture (``tests/fakegithub/fixture.py``, registered in
``tests/conftest.py``)::

    def test_x(registry, fake_github):
        fake_github.users.add("zhangsan-gh")          # assignable logins
        fake_github.issues.add("a human's issue")    # seed state, not logged
        fake_github.fail_server_error(502, method="POST", path=r"/issues$")
        result = registry.run("sync-issues", env=fake_github.env())
        assert len(fake_github.writes) == 3             # the request log

Layout:

- ``server.py`` — the core: :class:`FakeGitHub` (state, routing table,
  authentication: 401 without the token), :meth:`FakeGitHub.paginate`
  (``per_page``/``page`` with ``Link`` headers), fault injection
  (:meth:`~FakeGitHub.fail`, ``fail_server_error``, ``fail_rate_limit``,
  ``fail_secondary_rate_limit``; ``after=True`` applies the write and then
  fails, as a lost response does) and the request log (``log``, ``writes``,
  ``requests(method, path_regex)``).
- ``issues.py`` — issues, labels, comments, assignees (``gh.issues``).

Adding a route module: create ``tests/fakegithub/NAME.py`` with a function
``install(gh: FakeGitHub) -> None`` that keeps its state on ``gh`` (e.g.
``gh.pulls = PullStore(gh)``) and registers handlers with
``gh.route("GET", "/repos/{owner}/{repo}/pulls/{number}", handler)``. Every
module of this package that defines ``install`` is installed automatically,
in name order; nothing else needs editing. A handler takes a
:class:`Request` (``method``, ``path``, ``query``, ``headers``, ``body``,
``params``) and returns a :class:`Reply` (``status``, ``body``, ``headers``);
use ``error()``/``validation_failed()`` for GitHub-shaped errors,
``gh.next_number()`` (issues and pulls share numbers), ``gh.now()``,
``gh.user(login)`` and ``gh.paginate(req, items)`` for list endpoints.
Handlers run under ``gh.lock``.
"""

from tests.fakegithub.server import (
    FakeGitHub,
    LoggedRequest,
    Reply,
    Request,
    error,
    validation_failed,
)

__all__ = ["FakeGitHub", "LoggedRequest", "Reply", "Request", "error", "validation_failed"]
