"""``leadreg approvals`` end to end: a real git repository, the real CLI, and a fake
GitHub API on loopback (real HTTP requests, paginated reviews, injected failures)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Registry
from tests.fakegithub import FakeGitHub
from tests.test_changes import ACTIVITIES, lead_text

REASSIGNED = lead_text("owner", owner="lisi", extra=(
    "assistants:\n  - {rep: zhangsan, share: 30, since: 2026-11-02}\nhistory:\n"
    "  - {date: 2026-11-02, from: zhangsan, to: lisi, reason: 超期未转化，市场部重新分配}\n"))


@pytest.fixture
def reassignment(git_registry: Registry) -> Registry:
    """main has a lead owned by zhangsan; the working tree (the PR) hands it to lisi."""
    reg = git_registry
    reg.write("leads/east/owner.yaml", lead_text("owner"))
    reg.write("leads/act.yaml", lead_text("act", extra=ACTIVITIES))
    reg.commit("base")
    reg.git("checkout", "-q", "-b", "reassign")
    reg.write("leads/east/owner.yaml", REASSIGNED)
    reg.commit("reassign owner to lisi")
    return reg


def _approvals(reg: Registry, gh: FakeGitHub, *args: str, **env: str):
    return reg.run("approvals", "--base", "main", *args, env=gh.env(**env))


def test_reassignment_waits_for_a_manager_and_passes_with_one(
        reassignment: Registry, fake_github: FakeGitHub) -> None:
    reg, gh = reassignment, fake_github
    head = reg.git("rev-parse", "HEAD")
    assert reg.check_json("--base", "main").returncode == 0  # a well-formed reassignment
    pr = gh.pulls.open("lisi-gh", head_sha=head)["number"]

    waiting = _approvals(reg, gh, "--pr", str(pr))
    assert waiting.returncode == 1, waiting.stderr
    assert "owner zhangsan → lisi; zhangsan keeps credit as an assistant (30% share)" in \
        waiting.stdout
    assert f"Waiting for an approving review of pull request #{pr} by a manager: " \
        "wangjl (@wangjl)." in waiting.stdout

    # a rep who is not a manager approving does not count; neither does the author
    gh.pulls.review(pr, "zhangsan-gh", "APPROVED")
    gh.pulls.review(pr, "lisi-gh", "APPROVED")
    others = _approvals(reg, gh, "--pr", str(pr), "--format", "json")
    assert others.returncode == 1
    body = others.json()
    assert body["status"] == "waiting" and body["waiting_for"] == ["wangjl"]
    assert body["author"] == "lisi-gh"
    assert any("zhangsan-gh approved but is not a manager" in n for n in body["notes"])
    assert any("lisi-gh wrote the pull request" in n for n in body["notes"])

    # a manager's approval of an older commit is stale
    gh.pulls.review(pr, "wangjl", "APPROVED", commit_id="0" * 40)
    stale = _approvals(reg, gh, "--pr", str(pr))
    assert stale.returncode == 1 and "approve again" in stale.stdout

    gh.pulls.review(pr, "WangJL", "APPROVED")  # logins are case-insensitive
    approved = _approvals(reg, gh, "--pr", str(pr))
    assert approved.returncode == 0, approved.stdout
    assert f"Approved on pull request #{pr} by wangjl (@wangjl)." in approved.stdout
    # exactly the pull request and its reviews were read, with the token
    paths = {r.path for r in gh.requests("GET")}
    assert paths == {f"/repos/acme/leads/pulls/{pr}", f"/repos/acme/leads/pulls/{pr}/reviews"}


def test_self_promotion_gains_nothing(reassignment: Registry, fake_github: FakeGitHub) -> None:
    """The PR makes its author and a friend managers; main's registry.yaml decides."""
    reg, gh = reassignment, fake_github
    text = (reg.root / "registry.yaml").read_text(encoding="utf-8")
    promoted = text.replace("{id: zhangsan, name: 张三, github: zhangsan-gh}",
                            "{id: zhangsan, name: 张三, github: zhangsan-gh, manager: true}")
    promoted = promoted.replace("{id: lisi, name: 李四, github: lisi-gh}",
                                "{id: lisi, name: 李四, github: lisi-gh, manager: true}")
    assert promoted.count("manager: true") == 3
    reg.write("registry.yaml", promoted)
    head = reg.commit("make myself a manager")
    pr = gh.pulls.open("lisi-gh", head_sha=head)["number"]
    gh.pulls.review(pr, "lisi-gh", "APPROVED")
    gh.pulls.review(pr, "zhangsan-gh", "APPROVED")

    result = _approvals(reg, gh, "--pr", str(pr), "--format", "json")
    assert result.returncode == 1, result.stdout
    body = result.json()
    assert body["managers"] == [{"id": "wangjl", "github": "wangjl"}]
    assert body["approved_by"] == [] and body["waiting_for"] == ["wangjl"]
    promotions = [e["text"] for e in body["needs_approval"] if e["kind"] == "settings"]
    assert promotions == ["registry.yaml makes lisi a manager",
                          "registry.yaml makes zhangsan a manager"]


def test_latest_review_per_reviewer_counts(reassignment: Registry,
                                           fake_github: FakeGitHub) -> None:
    reg, gh = reassignment, fake_github
    head = reg.git("rev-parse", "HEAD")
    dismissed = gh.pulls.open("lisi-gh", head_sha=head)["number"]
    review = gh.pulls.review(dismissed, "wangjl", "APPROVED")
    gh.pulls.dismiss(dismissed, review["id"])
    changed_mind = gh.pulls.open("lisi-gh", head_sha=head)["number"]
    gh.pulls.review(changed_mind, "wangjl", "APPROVED")
    gh.pulls.review(changed_mind, "wangjl", "CHANGES_REQUESTED")
    commented = gh.pulls.open("lisi-gh", head_sha=head)["number"]
    gh.pulls.review(commented, "wangjl", "APPROVED")
    gh.pulls.review(commented, "wangjl", "COMMENTED", body="看过了")
    pending = gh.pulls.open("lisi-gh", head_sha=head)["number"]
    gh.pulls.review(pending, "wangjl", "PENDING")

    results = {n: _approvals(reg, gh, "--pr", str(n), "--format", "json")
               for n in (dismissed, changed_mind, commented, pending)}
    assert {n: r.returncode for n, r in results.items()} == \
        {dismissed: 1, changed_mind: 1, commented: 0, pending: 1}
    assert "was dismissed" in " ".join(results[dismissed].json()["notes"])
    assert "requests changes" in " ".join(results[changed_mind].json()["notes"])
    assert results[commented].json()["approved_by"] == ["wangjl"]


def test_reviews_are_read_across_pages(reassignment: Registry, fake_github: FakeGitHub) -> None:
    reg, gh = reassignment, fake_github
    pr = gh.pulls.open("lisi-gh", head_sha=reg.git("rev-parse", "HEAD"))["number"]
    for i in range(130):
        gh.pulls.review(pr, f"bot-{i % 7}", "COMMENTED", body=f"lint {i}")
    gh.pulls.review(pr, "wangjl", "APPROVED")
    result = _approvals(reg, gh, "--pr", str(pr))
    assert result.returncode == 0, result.stdout
    pages = gh.requests("GET", r"/reviews$")
    assert len(pages) == 2 and pages[1].query.get("page") == "2"


def test_inside_a_pull_request_review_workflow(reassignment: Registry, fake_github: FakeGitHub,
                                               tmp_path: Path) -> None:
    reg, gh = reassignment, fake_github
    pr = gh.pulls.open("lisi-gh", head_sha=reg.git("rev-parse", "HEAD"))["number"]
    gh.pulls.review(pr, "wangjl", "APPROVED", body="同意 [x](http://example.com)")
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"action": "submitted", "pull_request": {"number": pr},
                                 "review": {"state": "approved"}}), encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {"GITHUB_EVENT_NAME": "pull_request_review", "GITHUB_EVENT_PATH": str(event),
           "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTIONS": "true"}
    result = _approvals(reg, gh, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Approved on pull request #{pr}" in result.stdout
    written = summary.read_text(encoding="utf-8")
    assert "owner zhangsan → lisi; zhangsan keeps credit as an assistant" in written
    assert "✅ Approved on pull request \\#" in written

    # while it waits, the run carries an error annotation saying so
    gh.pulls.review(pr, "wangjl", "CHANGES_REQUESTED")
    waiting = _approvals(reg, gh, **env)
    assert waiting.returncode == 1
    assert "::error title=manager approval::Waiting for an approving review" in waiting.stdout

    # a push event is not a pull request: it only lists
    listed = _approvals(reg, gh, GITHUB_EVENT_NAME="push", GITHUB_EVENT_PATH=str(event))
    assert listed.returncode == 0 and "Reviews not checked" in listed.stdout
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    bad = _approvals(reg, gh, GITHUB_EVENT_NAME="pull_request", GITHUB_EVENT_PATH=str(broken))
    assert bad.returncode == 2 and "cannot read the workflow event" in bad.stderr


def test_api_failures_exit_1_with_a_clear_message(reassignment: Registry,
                                                   fake_github: FakeGitHub) -> None:
    reg, gh = reassignment, fake_github
    pr = gh.pulls.open("lisi-gh", head_sha=reg.git("rev-parse", "HEAD"))["number"]
    gh.pulls.review(pr, "wangjl", "APPROVED")

    unauthorized = _approvals(reg, gh, "--pr", str(pr), GITHUB_TOKEN="wrong")
    missing = _approvals(reg, gh, "--pr", "999")
    gh.fail_server_error(502, path=r"/reviews$", times=20)
    down = _approvals(reg, gh, "--pr", str(pr))
    gh.faults.clear()
    gh.fail_server_error(503, path=r"/reviews$", times=1)
    flaky = _approvals(reg, gh, "--pr", str(pr))
    for result, status in ((unauthorized, "401"), (missing, "404"), (down, "502")):
        assert result.returncode == 1, result.stdout
        assert "Cannot tell whether a manager approved" in result.stdout
        assert f"HTTP {status}" in result.stdout
        assert "Traceback" not in result.stdout + result.stderr
    assert "Bad credentials" in unauthorized.stdout
    assert flaky.returncode == 0, flaky.stdout  # one 503 is retried

    no_repo = _approvals(reg, gh, "--pr", str(pr), GITHUB_REPOSITORY="")
    assert no_repo.returncode == 2 and "GITHUB_REPOSITORY" in no_repo.stderr


def test_nothing_to_approve_needs_no_api(git_registry: Registry, fake_github: FakeGitHub
                                         ) -> None:
    reg, gh = git_registry, fake_github
    reg.write("leads/act.yaml", lead_text("act", extra=ACTIVITIES))
    reg.write("leads/evid.yaml", lead_text("evid"))
    reg.commit("base")
    reg.write("leads/act.yaml", lead_text("act", extra=ACTIVITIES + (
        "  - {date: 2026-10-01, by: lisi, with: 工程部, note: 现场审核}\n")))
    reg.write("leads/evid.yaml", lead_text("evid", stage="opportunity", extra=(
        "evidence:\n  - {kind: quote_request, date: 2026-10-10, note: 客户要求报价}\n")))
    result = _approvals(reg, gh, "--pr", "7", "--format", "json")
    assert result.returncode == 0
    body = result.json()
    assert body["status"] == "not-needed" and body["needs_approval"] == []
    assert {e["kind"] for e in body["changes"]} == {"stage", "updated"}
    assert gh.log == []


def test_extensions_reopening_and_new_leads_are_listed(git_registry: Registry,
                                                       tmp_path: Path) -> None:
    reg = git_registry
    reg.write("leads/ext.yaml", lead_text("ext"))
    reg.write("leads/hist.yaml", lead_text("hist", stage="lost", extra=(
        "closed: {date: 2026-10-01, reason: 客户选了别家}\n")))
    reg.commit("base")
    hostile = "预算推迟 [点我](https://evil.example) <img src=x onerror=alert(1)> @all | # x"
    reg.write("leads/ext.yaml", lead_text("ext", deadline="2027-02-28", extra=(
        "extensions:\n  - {date: 2026-12-20, until: 2027-02-28, approved_by: wangjl, "
        f"reason: '{hostile}'}}\n")))
    reg.write("leads/hist.yaml", lead_text("hist", stage="lead"))
    settings = (reg.root / "registry.yaml").read_text(encoding="utf-8")
    reg.write("registry.yaml", settings.replace("github: wangjl,", "github: lisi-alt,")
              .replace("max_extensions: 2", "max_extensions: 5"))
    reg.write("leads/new/fresh.yaml", lead_text("registered", extra=(
        "extensions:\n  - {date: 2026-12-20, until: 2026-12-31, approved_by: wangjl, "
        "reason: 登记即延期}\n")))
    summary = tmp_path / "summary.md"
    result = reg.run("approvals", "--base", "main", "--format", "json",
                     env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 0  # no pull request to wait on: it only lists
    body = result.json()
    assert body["status"] == "unchecked"
    needed = {(e["id"], e["kind"]) for e in body["needs_approval"]}
    assert needed == {("ext", "extension"), ("hist", "reopened"), ("fresh", "extension"),
                      ("registry.yaml", "settings")}
    assert [e["text"] for e in body["needs_approval"] if e["kind"] == "settings"] == [
        "registry.yaml changes the GitHub login of manager wangjl from wangjl to lisi-alt",
        "registry.yaml changes rules.max_extensions from 2 to 5"]
    assert body["managers"] == [{"id": "wangjl", "github": "wangjl"}]  # as on main
    ext = next(e for e in body["needs_approval"] if e["id"] == "ext")
    assert ext["text"].startswith("ext (常州金坛新材料有限公司): deadline 2026-12-31 → 2027-02-28, "
                                  "extension 1 of 2, approved by wangjl")
    assert ("fresh", "new-lead") in {(e["id"], e["kind"]) for e in body["changes"]}

    written = summary.read_text(encoding="utf-8")
    assert "### Needs a manager's approval" in written and "### New leads" in written
    # the rep's words are shown as text, never as a link, image, HTML, mention or table
    assert "\\[点我\\]\\(https\\:\\/\\/evil\\.example\\)" in written
    assert "\\<img src\\=x onerror\\=alert\\(1\\)\\>" in written
    assert "\\@all \\| \\# x" in written
    assert "<img" not in written.replace("\\<img", "")


def test_any_manager_approves_but_a_misnamed_approver_is_noted(
        git_registry: Registry, fake_github: FakeGitHub) -> None:
    reg, gh = git_registry, fake_github
    text = (reg.root / "registry.yaml").read_text(encoding="utf-8")
    reg.write("registry.yaml", text.replace(
        "  - {id: liuyang,", "  - {id: chenjing, name: 陈静, github: chenjing-mkt, manager: true}\n"
        "  - {id: liuyang,"))
    reg.write("leads/ext.yaml", lead_text("ext"))
    reg.commit("base with two managers")
    reg.git("checkout", "-q", "-b", "extend")
    reg.write("leads/ext.yaml", lead_text("ext", deadline="2027-02-28", extra=(
        "extensions:\n  - {date: 2026-12-20, until: 2027-02-28, approved_by: wangjl, "
        "reason: 样品复测}\n")))
    head = reg.commit("extend")
    pr = gh.pulls.open("zhangsan-gh", head_sha=head)["number"]
    gh.pulls.review(pr, "chenjing-mkt", "APPROVED")
    result = _approvals(reg, gh, "--pr", str(pr), "--format", "json")
    assert result.returncode == 0, result.stdout
    body = result.json()
    assert body["approved_by"] == ["chenjing"], result.stdout
    assert body["notes"] == [("ext: the extension names wangjl as approver, who has not "
                              "approved this pull request")]

    bad = reg.run("approvals", "--base", "no-such-ref")
    assert bad.returncode == 2 and "no-such-ref" in bad.stderr and "Traceback" not in bad.stderr
