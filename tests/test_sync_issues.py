"""``leadreg sync-issues`` end to end: the real CLI against the fake GitHub over loopback."""

from __future__ import annotations

import json
import os
import random
import re
import textwrap
from typing import Any

from click.testing import CliRunner
from leadreg.cli import main

from tests.conftest import Registry, Result
from tests.fakegithub import FakeGitHub

TODAY = "2027-01-10"


def sync(registry: Registry, gh: FakeGitHub, *args: str, today: str = TODAY,
         env: dict[str, str] | None = None) -> Result:
    """``leadreg sync-issues`` through the CLI entry point, in this process.

    The CLI starts in ~1.5 s here, and these scenarios need dozens of runs; the
    tests marked ``subprocess`` run the installed command for real."""
    clean: dict[str, str | None] = {k: None for k in os.environ if k.startswith("GITHUB_")}
    clean.update(gh.env(**(env or {})))
    runner = CliRunner(env=clean)
    result = runner.invoke(main, ["sync-issues", "--root", str(registry.root), "--today", today,
                                  *args], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr)


def sync_subprocess(registry: Registry, gh: FakeGitHub, *args: str,
                    env: dict[str, str] | None = None) -> Result:
    """The installed ``leadreg`` in its own process."""
    result = registry.run("sync-issues", *args, env=gh.env(**(env or {})))
    assert "Traceback" not in result.stderr, result.stderr
    return result


def add_lead(registry: Registry, lead_id: str, overrides: str = "") -> None:
    """A lead with a customer of its own (one customer per active lead)."""
    registry.lead(lead_id, f"customer: {{name: 客户{lead_id}有限公司}}\n" + textwrap.dedent(overrides))


def ours(gh: FakeGitHub, lead_id: str, state: str | None = "open") -> list[dict[str, Any]]:
    """Issues labelled lead-expired carrying the exact marker of ``lead_id``."""
    marker = f"<!-- leadreg:lead-expired:{lead_id} -->"
    return [i for i in gh.issues.issues()
            if marker in (i["body"] or "") and (state is None or i["state"] == state)
            and any(lab["name"] == "lead-expired" for lab in i["labels"])]


def one(gh: FakeGitHub, lead_id: str) -> dict[str, Any]:
    found = ours(gh, lead_id)
    assert len(found) == 1, f"{lead_id}: {len(found)} open issues"
    return found[0]


def assignees(issue: dict[str, Any]) -> list[str]:
    return [a["login"] for a in issue["assignees"]]


def expired_leads(registry: Registry, *ids: str) -> None:
    for n, lead_id in enumerate(ids):
        add_lead(registry, lead_id, f"deadline: 2026-12-{10 + n:02d}")


def test_creates_one_issue_per_expired_lead_then_changes_nothing(
        registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    gh.users |= {"zhangsan-gh", "lisi-gh"}
    registry.lead("hengda", """
        customer: {name: 苏州恒达汽车零部件有限公司}
        stage: opportunity
        deadline: 2026-12-31
        assistants: [{rep: lisi, share: 30}]
        evidence: [{kind: sample_request, date: 2026-11-10}]
        extensions: [{date: 2026-11-28, until: 2026-12-31, approved_by: wangjl, reason: 预算推迟}]
    """)
    add_lead(registry, "fresh", "deadline: 2027-03-01")        # not expired, not due soon
    human = gh.issues.add("Printer broken", "please fix", labels=("lead-expired",))
    unlabelled = gh.issues.add("notes", "<!-- leadreg:lead-expired:hengda -->")  # no label
    pr = gh.issues.add("PR", "<!-- leadreg:lead-expired:hengda -->", labels=("lead-expired",),
                       extra={"pull_request": {"url": "x"}})

    plan = sync(registry, gh, "--dry-run")
    assert plan.returncode == 0, plan.stderr
    assert re.search(r"would create\s+new\s+lead-expired:hengda", plan.stdout)
    assert gh.writes == []

    first = sync_subprocess(registry, gh, "--today", TODAY)
    assert first.returncode == 0, first.stderr
    issue = one(gh, "hengda")
    assert issue["title"] == "线索超期：苏州恒达汽车零部件有限公司（hengda）"
    assert [lab["name"] for lab in issue["labels"]] == ["lead-expired"]
    assert assignees(issue) == ["zhangsan-gh"]
    body = issue["body"]
    assert body.startswith("<!-- leadreg:lead-expired:hengda -->")
    for fact in ("苏州恒达汽车零部件有限公司", "张三", "@zhangsan-gh", "李四 (30%)",
                 "| 攻破时限 | 2026-12-31 |", "10 天（截至 2027-01-10）", "| 已用延期 | 1 / 2 次 |",
                 "leadreg extend hengda --until", "leadreg close hengda --as lost",
                 "leadreg reassign hengda --to", "approved_by:", "王建林",
                 "https://github.com/acme/leads/blob/HEAD/leads/hengda.yaml",
                 "https://acme.github.io/leads/leads/hengda/"):
        assert fact in body, fact
    assert len(gh.writes) == 1  # the issue (the label exists: the human's issue has it)
    assert "1 created" in first.stderr and "created" in first.stdout

    gh.clear_log()
    second = sync(registry, gh)
    assert second.returncode == 0
    assert gh.writes == [] and "nothing changed" in second.stderr
    assert not gh.requests(path=r"/search")
    for foreign in (human, unlabelled, pr):
        assert foreign["state"] == "open" and foreign["comments"] == 0
    assert human["body"] == "please fix" and len(gh.issues.issues()) == 3


def test_marker_is_matched_exactly(registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    add_lead(registry, "abc", "deadline: 2026-12-01")
    add_lead(registry, "abc-2", "deadline: 2026-12-02")
    theirs = gh.issues.add("for abc-2", "<!-- leadreg:lead-expired:abc-2 -->",
                           labels=("lead-expired",), author="github-actions[bot]")
    mention = gh.issues.add("about lead-expired:abc", "see lead-expired:abc in the notes",
                            labels=("lead-expired",))
    assert sync(registry, gh).returncode == 0
    assert one(gh, "abc")["number"] not in (theirs["number"], mention["number"])
    assert one(gh, "abc-2")["number"] == theirs["number"]  # adopted and brought up to date
    assert mention["body"] == "see lead-expired:abc in the notes"
    assert mention["state"] == "open"


def test_closes_after_extension_and_close_with_a_comment(
        registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    add_lead(registry, "hengda", "deadline: 2026-12-31")
    add_lead(registry, "gone", "deadline: 2026-12-20")
    add_lead(registry, "lost-it", "deadline: 2026-12-20")
    assert sync(registry, gh).returncode == 0
    numbers = {lead: one(gh, lead)["number"] for lead in ("hengda", "gone", "lost-it")}

    add_lead(registry, "hengda", """
        deadline: 2027-03-31
        extensions: [{date: 2027-01-11, until: 2027-03-31, approved_by: wangjl, reason: 客户预算推迟}]
    """)
    (registry.root / "leads/gone.yaml").unlink()
    add_lead(registry, "lost-it", """
        stage: lost
        deadline: 2026-12-20
        closed: {date: 2027-01-11, reason: 客户选了别家}
    """)
    gh.clear_log()
    result = sync(registry, gh, today="2027-01-11")
    assert result.returncode == 0, result.stderr
    for lead, number in numbers.items():
        issue = gh.issues.items[number]
        assert issue["state"] == "closed", lead
        [comment] = gh.issues.comment_bodies(number)
        assert f"线索 `{lead}` 已不再超期" in comment
    hengda = gh.issues.comment_bodies(numbers["hengda"])[0]
    assert "攻破时限现为 2027-03-31" in hengda and "王建林 于 2027-01-11 批准延期" in hengda
    assert "客户选了别家" in gh.issues.comment_bodies(numbers["lost-it"])[0]
    assert gh.issues.items[numbers["gone"]]["state_reason"] == "not_planned"
    assert gh.issues.items[numbers["hengda"]]["state_reason"] == "completed"
    assert len(gh.writes) == 6  # a comment and a close each

    gh.clear_log()
    assert sync(registry, gh, today="2027-01-11").returncode == 0
    assert gh.writes == []

    # expired again later: the same issue reopens, no second one
    again = sync(registry, gh, today="2027-04-01")
    assert again.returncode == 0
    assert one(gh, "hengda")["number"] == numbers["hengda"]
    assert "reopened" in again.stdout


def test_closing_is_not_repeated_when_the_close_failed(
        registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    add_lead(registry, "hengda", "deadline: 2026-12-31")
    sync(registry, gh)
    number = one(gh, "hengda")["number"]
    add_lead(registry, "hengda", """
        deadline: 2027-03-31
        extensions: [{date: 2027-01-11, until: 2027-03-31, approved_by: wangjl, reason: r}]
    """)
    gh.fail_server_error(502, method="PATCH", times=10)
    failed = sync(registry, gh)
    assert failed.returncode == 1 and "FAILED close" in failed.stdout
    assert gh.issues.items[number]["state"] == "open"
    assert len(gh.issues.comment_bodies(number)) == 1
    gh.faults.clear()
    assert sync(registry, gh).returncode == 0
    assert gh.issues.items[number]["state"] == "closed"
    assert len(gh.issues.comment_bodies(number)) == 1  # the comment was not posted twice


def test_unassignable_owner_still_gets_an_issue_saying_whom_it_is_for(
        registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    gh.users.add("lisi-gh")
    add_lead(registry, "stranger", "deadline: 2026-12-01")     # zhangsan-gh is no collaborator
    add_lead(registry, "injected", "deadline: 2026-12-02\nowner: lisi")
    gh.fail(422, method="POST", path=r"/issues$", body={
        "message": "Validation Failed", "errors": [
            {"value": "lisi-gh", "resource": "Issue", "field": "assignees", "code": "invalid"}]})
    result = sync(registry, gh)
    assert result.returncode == 0, result.stdout + result.stderr
    stranger, injected = one(gh, "stranger"), one(gh, "injected")
    assert assignees(stranger) == [] and assignees(injected) == []
    assert "本 issue 是给 张三（@zhangsan-gh）的" in stranger["body"]
    assert "本 issue 是给 李四（@lisi-gh）的" in injected["body"]
    gh.clear_log()
    assert sync(registry, gh).returncode == 0
    assert assignees(one(gh, "injected")) == ["lisi-gh"]  # assignable now: assigned, note gone
    assert "无法指派" not in one(gh, "injected")["body"]
    assert [r.path for r in gh.writes] == [f"/repos/acme/leads/issues/{injected['number']}"]
    gh.clear_log()
    assert sync(registry, gh).returncode == 0 and gh.writes == []


def test_faults_converge_without_duplicates(registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    gh.users |= {"zhangsan-gh"}
    expired_leads(registry, "a-lead", "b-lead", "c-lead")
    gh.fail_server_error(502, method="GET", path=r"/issues$")
    gh.fail_server_error(502, method="POST", path=r"/issues$", after=True)  # lost answer
    gh.fail_server_error(502, method="POST", path=r"/issues$")              # not applied
    gh.fail_rate_limit(reset_in=1, method="POST", path=r"/issues$")
    gh.fail_secondary_rate_limit(retry_after=1, status=429, method="POST", path=r"/labels$")
    result = sync(registry, gh)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sum(r.faulted for r in gh.log) == 5
    [label] = [r.body for r in gh.requests("POST", r"/labels$") if not r.faulted]
    assert label["name"] == "lead-expired" and label["color"] == "d73a4a"
    for lead in ("a-lead", "b-lead", "c-lead"):
        assert assignees(one(gh, lead)) == ["zhangsan-gh"]
    assert len(gh.issues.issues()) == 3
    gh.clear_log()
    assert sync(registry, gh).returncode == 0 and gh.writes == []


def test_repeated_runs_with_random_faults_always_converge(
        registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    gh.users |= {"zhangsan-gh"}
    ids = [f"lead-{n}" for n in range(6)]
    expired_leads(registry, *ids)
    rng = random.Random(5)
    faults = [
        lambda: gh.fail_server_error(rng.choice([500, 502, 503]), method="POST",
                                     path=r"/issues", after=rng.random() < 0.5),
        lambda: gh.fail_server_error(502, method="GET", path=r"/issues", times=2),
        lambda: gh.fail_rate_limit(method="POST"),
        lambda: gh.fail_secondary_rate_limit(retry_after=0, status=rng.choice([403, 429])),
        lambda: gh.fail_server_error(502, method="PATCH", times=6),
    ]
    for day, round_ in zip(("2027-01-10", "2027-01-10", "2027-01-11", "2027-01-12"), range(4)):
        if round_ == 2:  # meanwhile one lead is extended and one closed
            add_lead(registry, "lead-0", """
                deadline: 2027-02-28
                extensions: [{date: 2027-01-11, until: 2027-02-28, approved_by: wangjl, reason: r}]
            """)
            add_lead(registry, "lead-1", "stage: closed\nclosed: {date: 2027-01-11, reason: r}")
        for _ in range(4):
            rng.choice(faults)()
        sync(registry, gh, "--max-writes", "8", today=day)
        gh.faults.clear()
        for lead in ids:
            assert len(ours(gh, lead)) <= 1, f"duplicate for {lead} in round {round_}"
    assert sum(r.faulted for r in gh.log) >= 8  # the faults did hit
    for _ in range(3):  # clean nights finish the work
        sync(registry, gh, today="2027-01-12")
    gh.clear_log()
    final = sync(registry, gh, today="2027-01-12")
    assert final.returncode == 0 and gh.writes == []
    assert ours(gh, "lead-0") == [] and ours(gh, "lead-1") == []
    for lead in ids[2:]:
        issue = one(gh, lead)
        assert "截至 2027-01-12" in issue["body"] and assignees(issue) == ["zhangsan-gh"]
    assert len(gh.issues.issues()) == 6


def test_one_failure_does_not_stop_the_others(registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    expired_leads(registry, "a-lead", "b-lead")
    gh.fail_server_error(502, method="POST", path=r"/issues$", times=6)  # a-lead gives up
    result = sync(registry, gh)
    assert result.returncode == 1
    assert "FAILED create new lead-expired:a-lead" in result.stdout
    assert len(ours(gh, "b-lead")) == 1 and ours(gh, "a-lead") == []
    assert "1 failed" in result.stderr
    assert sync(registry, gh).returncode == 0 and len(ours(gh, "a-lead")) == 1


def test_write_budget_stops_cleanly_and_the_next_run_continues(
        registry: Registry, fake_github: FakeGitHub, tmp_path: Any) -> None:
    gh = fake_github
    ids = [f"lead-{n}" for n in range(5)]
    expired_leads(registry, *ids)
    summary = tmp_path / "summary.md"
    first = sync(registry, gh, "--max-writes", "3", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert first.returncode == 1
    assert "write budget" in first.stderr and "left for the next run" in first.stdout
    assert len(gh.writes) == 3  # the label and two issues
    text = summary.read_text(encoding="utf-8")
    assert "## leadreg sync-issues" in text and "left for the next run" in text
    second = sync(registry, gh, "--max-writes", "3")
    assert second.returncode == 0, second.stdout + second.stderr
    assert all(len(ours(gh, lead)) == 1 for lead in ids)


def test_day_count_refreshes_give_way_to_real_changes(
        registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    expired_leads(registry, "a-lead", "b-lead")
    sync(registry, gh)
    add_lead(registry, "b-lead", "deadline: 2026-12-11\ntitle: 新标题")
    add_lead(registry, "new-lead", "deadline: 2026-12-20")
    gh.clear_log()
    result = sync(registry, gh, "--max-writes", "2", today="2027-01-11")
    assert result.returncode == 0, result.stdout  # only a day-count refresh was left over
    assert "created" in result.stdout and "updated" in result.stdout
    assert "left for the next run: refresh" in result.stdout
    assert "截至 2027-01-10" in one(gh, "a-lead")["body"]
    assert "新标题" in one(gh, "b-lead")["body"]


def test_reopens_a_hand_closed_issue_and_closes_duplicates(
        registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    expired_leads(registry, "a-lead", "b-lead")
    sync(registry, gh)
    a_issue = one(gh, "a-lead")
    a_issue.update(state="closed", state_reason="completed")
    copy = gh.issues.add("copy", one(gh, "b-lead")["body"], labels=("lead-expired",))
    result = sync(registry, gh)
    assert result.returncode == 0
    assert one(gh, "a-lead")["number"] == a_issue["number"]
    assert copy["state"] == "closed" and copy["state_reason"] == "not_planned"
    assert "重复" in gh.issues.comment_bodies(copy["number"])[0]
    assert len(ours(gh, "b-lead")) == 1


def test_deadline_day_and_timezone_edge(registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    add_lead(registry, "hengda", "deadline: 2026-12-31")
    on_day = sync(registry, gh, today="2026-12-31")
    assert on_day.returncode == 0 and ours(gh, "hengda") == []
    utc_5pm = {"LEADREG_NOW": "2026-12-31T17:00:00Z"}
    shanghai = sync_subprocess(registry, gh, env=utc_5pm)
    assert shanghai.returncode == 0 and len(ours(gh, "hengda")) == 1  # 01:00 on Jan 1 there


def test_due_soon_digest_and_check_failed_issue(registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    add_lead(registry, "soon-a", "deadline: 2027-01-15")
    add_lead(registry, "soon-b", "deadline: 2027-01-12\nowner: lisi")
    add_lead(registry, "soon-c", "deadline: 2027-01-20")
    registry.write("leads/broken.yaml", "title: [unclosed\n")
    assert sync(registry, gh).returncode == 0
    [digest] = [i for i in gh.issues.open_issues("<!-- leadreg:due-soon -->")]
    body = digest["body"]
    assert body.index("李四") < body.index("张三")  # grouped by owner id: lisi, zhangsan
    assert body.index("soon-a") < body.index("soon-c") and "| 2 天 |" in body
    [check] = gh.issues.open_issues("<!-- leadreg:check-failed -->")
    assert "leads/broken.yaml" in check["body"] and "`yaml-syntax`" in check["body"]

    gh.clear_log()
    sync(registry, gh, today="2027-01-11")  # a day later: the same digest, updated in place
    assert gh.issues.open_issues("<!-- leadreg:due-soon -->")[0]["number"] == digest["number"]
    assert "| 1 天 |" in digest["body"]
    assert [r.method for r in gh.writes] == ["PATCH"]

    (registry.root / "leads/broken.yaml").unlink()
    result = sync(registry, gh, today="2027-02-01")  # nothing due, check passes
    assert result.returncode == 0
    assert digest["state"] == "closed" and check["state"] == "closed"
    assert "passes again" in gh.issues.comment_bodies(check["number"])[0] or \
        "已通过" in gh.issues.comment_bodies(check["number"])[0]


def test_broken_lead_file_keeps_its_issue(registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    add_lead(registry, "hengda", "deadline: 2026-12-01")
    sync(registry, gh)
    registry.write("leads/hengda.yaml", "title: [oops\n")
    result = sync(registry, gh)
    assert one(gh, "hengda")["state"] == "open"
    assert "left as it is" in result.stderr


def test_english_registry_and_hostile_text(registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    registry.write("registry.yaml", (registry.root / "registry.yaml").read_text(
        encoding="utf-8").replace("language: zh-CN", "language: en"))
    registry.lead("evil", """
        customer: {name: "Evil <!-- leadreg:lead-expired:victim --> [x](javascript:alert(1)) @everyone | Co"}
        deadline: 2026-12-01
    """)
    add_lead(registry, "victim", "deadline: 2027-06-01")
    assert sync_subprocess(registry, gh, "--today", TODAY).returncode == 0
    issue = one(gh, "evil")
    body = issue["body"]
    assert "Lead expired" in issue["title"] and "Three ways out" in body
    assert "40 days overdue" in body
    assert body.count("<!--") == 2  # its own marker and its date, nothing forged
    assert "[x](javascript" not in body and "@everyone" not in body
    assert ours(gh, "victim") == []


def test_usage_and_api_errors(registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    add_lead(registry, "hengda", "deadline: 2026-12-01")
    no_repo = registry.run("sync-issues", env={"GITHUB_TOKEN": "t"})
    assert no_repo.returncode == 2 and "GITHUB_REPOSITORY" in no_repo.stderr
    bad_token = sync(registry, gh, env={"GITHUB_TOKEN": "wrong"})
    assert bad_token.returncode == 1 and "401" in bad_token.stderr
    down = registry.run("sync-issues", env={**gh.env(), "GITHUB_API_URL": "http://127.0.0.1:9"})
    assert down.returncode == 1 and "Traceback" not in down.stderr


def test_pagination_finds_our_issue_on_a_later_page(
        registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    for n in range(130):
        gh.issues.add(f"human {n}", "", labels=("lead-expired",), state="closed")
    add_lead(registry, "hengda", "deadline: 2026-12-01")
    sync(registry, gh)
    number = one(gh, "hengda")["number"]
    gh.clear_log()
    assert sync(registry, gh).returncode == 0 and gh.writes == []
    pages = [r for r in gh.requests("GET", r"/issues$") if r.query.get("labels") == "lead-expired"]
    assert len(pages) == 2 and one(gh, "hengda")["number"] == number
    assert json.dumps(pages[0].query["state"]) == '"all"'


def test_reassignment_moves_the_issue_then_a_new_deadline_closes_it(
        registry: Registry, fake_github: FakeGitHub) -> None:
    gh = fake_github
    gh.users |= {"zhangsan-gh", "lisi-gh"}
    add_lead(registry, "hengda", "deadline: 2026-12-31")
    sync(registry, gh)
    number = one(gh, "hengda")["number"]
    assert assignees(one(gh, "hengda")) == ["zhangsan-gh"]
    reassigned = """
        owner: lisi
        assistants: [{rep: zhangsan, since: 2027-01-11}]
        history: [{date: 2027-01-11, from: zhangsan, to: lisi, reason: 超期未转化}]
    """
    add_lead(registry, "hengda", "\n        deadline: 2026-12-31" + reassigned)
    gh.clear_log()
    assert sync(registry, gh, today="2027-01-11").returncode == 0
    issue = one(gh, "hengda")
    assert issue["number"] == number and assignees(issue) == ["lisi-gh"]
    assert "| 负责人 | 李四（@lisi-gh） |" in issue["body"] and "| 协办 | 张三 |" in issue["body"]
    assert [r.method for r in gh.writes] == ["PATCH"]
    add_lead(registry, "hengda", """
        deadline: 2027-02-28
        extensions: [{date: 2027-01-12, until: 2027-02-28, approved_by: wangjl, reason: 新负责人接手}]
    """ + reassigned)
    assert sync(registry, gh, today="2027-01-12").returncode == 0
    assert gh.issues.items[number]["state"] == "closed"
    [comment] = gh.issues.comment_bodies(number)
    assert "攻破时限现为 2027-02-28" in comment and "负责人 李四（2027-01-11 从 张三 改派）" in comment
