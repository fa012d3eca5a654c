"""``leadreg expired`` through the real CLI: the deadline day, warn_days, stages, timezones."""

from __future__ import annotations

from tests.conftest import Registry


def _expired_ids(result_json: dict) -> list[str]:
    return [item["id"] for item in result_json["expired"]]


def test_deadline_day_is_not_expired_the_day_after_is(registry: Registry) -> None:
    registry.lead("hengda", "deadline: 2026-12-31")
    on_deadline = registry.run("expired", "--today", "2026-12-31", "--format", "json")
    day_after = registry.run("expired", "--today", "2027-01-01", "--format", "json")
    assert on_deadline.returncode == 0, on_deadline.stderr
    assert _expired_ids(on_deadline.json()) == []
    assert [d["id"] for d in on_deadline.json()["due_soon"]] == ["hengda"]
    assert on_deadline.json()["due_soon"][0]["days_left"] == 0
    assert _expired_ids(day_after.json()) == ["hengda"]
    facts = day_after.json()["expired"][0]
    assert facts["days_overdue"] == 1 and facts["deadline"] == "2026-12-31"


def test_only_active_stages_and_the_warn_window(registry: Registry) -> None:
    registry.lead("late-lead", "deadline: 2026-11-30")
    registry.lead("late-opportunity", """
        stage: opportunity
        deadline: 2026-11-01
        evidence: [{kind: quote_request, date: 2026-10-01}]
        assistants: [{rep: lisi, share: 30}]
        extensions: [{date: 2026-09-20, until: 2026-11-01, approved_by: wangjl, reason: r}]
    """)
    registry.lead("late-but-won", """
        stage: won
        deadline: 2026-11-01
        evidence: [{kind: quote_request, date: 2026-10-01}]
        closed: {date: 2026-10-30, reason: signed}
    """)
    registry.lead("due-in-14", "deadline: 2026-12-24")   # warn_days is 14
    registry.lead("due-in-15", "deadline: 2026-12-25")
    result = registry.run("expired", "--today", "2026-12-10", "--format", "json")
    data = result.json()
    assert _expired_ids(data) == ["late-opportunity", "late-lead"]  # most overdue first
    assert [d["id"] for d in data["due_soon"]] == ["due-in-14"]
    first = data["expired"][0]
    assert first["days_overdue"] == 39 and first["extensions"] == 1
    assert first["max_extensions"] == 2 and first["owner_github"] == "zhangsan-gh"
    assert first["assistants"] == [{"rep": "lisi", "name": "李四", "share": 30}]

    text = registry.run("expired", "--today", "2026-12-10")
    assert text.returncode == 0
    lines = text.stdout.splitlines()
    assert lines[0].startswith("expired (2)")
    assert "leads/late-opportunity.yaml" in lines[1] and "39 days overdue" in lines[1]
    assert "owner zhangsan (张三)" in lines[1]
    assert any("leads/due-in-14.yaml" in line and "14 days left" in line for line in lines)
    assert "late-but-won" not in text.stdout and "due-in-15" not in text.stdout


def test_timezone_edge_uses_the_registry_clock(registry: Registry) -> None:
    """17:00 UTC on the deadline is already the next morning in Shanghai."""
    registry.lead("hengda", "deadline: 2026-12-31")
    now = {"LEADREG_NOW": "2026-12-31T17:00:00Z"}
    shanghai = registry.run("expired", "--format", "json", env=now)
    assert shanghai.json()["today"] == "2027-01-01"
    assert _expired_ids(shanghai.json()) == ["hengda"]
    registry.write("registry.yaml", (registry.root / "registry.yaml").read_text(
        encoding="utf-8").replace("timezone: Asia/Shanghai", "timezone: UTC"))
    utc = registry.run("expired", "--format", "json", env=now)
    assert utc.json()["today"] == "2026-12-31"
    assert _expired_ids(utc.json()) == []
    bad = registry.run("expired", env={"LEADREG_NOW": "tomorrow"})
    assert bad.returncode == 2 and "LEADREG_NOW" in bad.stderr and "Traceback" not in bad.stderr


def test_unreadable_file_makes_the_list_incomplete(registry: Registry) -> None:
    registry.lead("hengda", "deadline: 2026-11-30")
    registry.write("leads/broken.yaml", "title: [unclosed\n")
    result = registry.run("expired", "--today", "2026-12-10")
    assert result.returncode == 1
    assert "leads/hengda.yaml" in result.stdout
    assert "leads/broken.yaml" in result.stderr and "incomplete" in result.stderr
    assert "Traceback" not in result.stderr
