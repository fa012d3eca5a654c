"""The GitHub client against the fake server over loopback: pagination, retries, budget."""

from __future__ import annotations

import pytest
from leadreg.github.client import GitHubClient, GitHubError, WriteBudgetExceeded
from leadreg.github.issues import IssueAPI, Label

from tests.fakegithub import FakeGitHub


def _client(gh: FakeGitHub, sleeps: list[float], **kwargs: object) -> GitHubClient:
    return GitHubClient(gh.repository, token=gh.token, api_url=gh.url, sleep=sleeps.append,
                        max_wait=30.0, **kwargs)  # type: ignore[arg-type]


def test_pagination_follows_link_headers(fake_github: FakeGitHub) -> None:
    for n in range(1, 251):
        fake_github.issues.add(f"issue {n}", labels=("x",) if n % 2 else ())
    sleeps: list[float] = []
    client = _client(fake_github, sleeps)
    titles = [i["title"] for i in client.paginate(client.repo_path("/issues"),
                                                   {"labels": "x", "direction": "asc"})]
    assert titles == [f"issue {n}" for n in range(1, 251, 2)]
    pages = fake_github.requests("GET", r"/issues$")
    assert len(pages) == 2 and pages[1].query["page"] == "2"
    assert pages[0].query["per_page"] == "100"


def test_pull_requests_are_not_issues(fake_github: FakeGitHub) -> None:
    fake_github.issues.add("a PR", labels=("lead-expired",), extra={"pull_request": {"url": "u"}})
    fake_github.issues.add("an issue", labels=("lead-expired",))
    api = IssueAPI(_client(fake_github, []))
    assert [i.title for i in api.issues_with_label("lead-expired")] == ["an issue"]


def test_authentication_is_required(fake_github: FakeGitHub) -> None:
    for token in (None, "wrong"):
        client = GitHubClient(fake_github.repository, token=token, api_url=fake_github.url)
        with pytest.raises(GitHubError) as err:
            client.request("GET", client.repo_path("/issues"))
        assert err.value.status == 401


def test_retries_server_errors_and_rate_limits_with_backoff(fake_github: FakeGitHub) -> None:
    fake_github.fail_server_error(502, method="GET")
    fake_github.fail_server_error(503, method="GET")
    fake_github.fail_secondary_rate_limit(retry_after=7, status=429, method="GET")
    fake_github.fail_rate_limit(reset_in=20, method="GET")
    sleeps: list[float] = []
    client = _client(fake_github, sleeps)
    assert client.request("GET", client.repo_path("/issues")).status == 200
    assert sleeps[:3] == [1.0, 2.0, 7.0]
    assert 19 <= sleeps[3] <= 22  # until x-ratelimit-reset, plus a second
    assert len(fake_github.requests("GET")) == 5


def test_waits_are_capped_and_retries_bounded(fake_github: FakeGitHub) -> None:
    fake_github.fail_rate_limit(reset_in=3600, method="GET", times=10)
    sleeps: list[float] = []
    client = GitHubClient(fake_github.repository, token=fake_github.token,
                          api_url=fake_github.url, sleep=sleeps.append, max_wait=0.5,
                          max_retries=3)
    with pytest.raises(GitHubError) as err:
        client.request("GET", client.repo_path("/issues"))
    assert err.value.status == 403 and sleeps == [0.5, 0.5, 0.5]


def test_post_is_not_blindly_retried_after_a_server_error(fake_github: FakeGitHub) -> None:
    """The write may have happened; retrying blindly would duplicate it."""
    fake_github.fail_server_error(502, method="POST", after=True)
    client = _client(fake_github, [])
    with pytest.raises(GitHubError) as err:
        client.request("POST", client.repo_path("/issues"), json_body={"title": "t"})
    assert err.value.transient
    assert len(fake_github.issues.issues()) == 1  # it was created, and only once


def test_create_looks_before_retrying_a_lost_answer(fake_github: FakeGitHub) -> None:
    fake_github.fail_server_error(502, method="POST", path=r"/issues$", after=True)
    sleeps: list[float] = []
    api = IssueAPI(_client(fake_github, sleeps))
    looked: list[int] = []

    def find() -> object:
        looked.append(1)
        found = api.issues_with_label("l")
        return found[0] if found else None

    issue = api.create("t", "body", ["l"], [], find)  # type: ignore[arg-type]
    assert looked == [1] and issue.number == 1
    assert len(fake_github.issues.issues()) == 1


def test_permission_errors_are_final(fake_github: FakeGitHub) -> None:
    fake_github.fail(403, body={"message": "Resource not accessible by integration"},
                     method="POST")
    sleeps: list[float] = []
    client = _client(fake_github, sleeps)
    with pytest.raises(GitHubError) as err:
        client.request("POST", client.repo_path("/labels"), json_body={"name": "x"},
                       retry_unsafe=True)
    assert err.value.status == 403 and sleeps == []


def test_write_budget_stops_writes(fake_github: FakeGitHub) -> None:
    client = _client(fake_github, [], write_budget=2)
    api = IssueAPI(client)
    api.ensure_label(Label("a", "ededed", ""))
    api.ensure_label(Label("b", "ededed", ""))
    assert api.ensure_label(Label("a", "ededed", "")) is False  # known: no write needed
    with pytest.raises(WriteBudgetExceeded):
        api.ensure_label(Label("c", "ededed", ""))
    assert client.writes == 2 and len(fake_github.writes) == 2


def test_token_only_goes_to_the_api_host(fake_github: FakeGitHub) -> None:
    client = _client(fake_github, [])
    with pytest.raises(GitHubError, match="refusing"):
        client.request("GET", "http://198.51.100.1/steal")
    assert fake_github.log == []


def test_unknown_assignee_is_a_422_naming_the_field(fake_github: FakeGitHub) -> None:
    client = _client(fake_github, [])
    with pytest.raises(GitHubError) as err:
        client.request("POST", client.repo_path("/issues"),
                       json_body={"title": "t", "assignees": ["nobody"]})
    assert err.value.status == 422 and err.value.about_field("assignees")
    assert IssueAPI(client).assignable("nobody") is False
    fake_github.users.add("somebody")
    assert IssueAPI(client).assignable("somebody") is True
