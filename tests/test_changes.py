"""``leadreg check --base REF`` (SPEC §7) on real git repositories, through the real CLI."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import Registry, run_leadreg

CUSTOMERS = {
    "gone": "无锡远航精密机械有限公司", "hist": "宁波海曙电子科技有限公司",
    "ext": "常州金坛新材料有限公司", "evid": "南通港闸纺织机械有限公司",
    "act": "Shenzhen Bright Optics Ltd", "dropped": "合肥庐阳包装印刷有限公司",
    "inserted": "Qingdao Harbor Cold Chain Co", "owner": "温州鹿城阀门制造有限公司",
    "deadline": "扬州广陵食品机械有限公司", "registered": "绍兴柯桥印染有限公司",
    "moved": "嘉兴南湖光伏材料有限公司", "handover": "泰州医药包装有限公司",
}


def lead_text(lead_id: str, *, owner: str = "zhangsan", stage: str = "lead",
              deadline: str = "2026-12-31", registered: str = "2026-09-01",
              extra: str = "") -> str:
    return (f"title: 配套项目 {lead_id}\ncustomer:\n  name: {CUSTOMERS[lead_id]}\n"
            f"source: exhibition\nowner: {owner}\nteam: [engineering]\nstage: {stage}\n"
            f"registered: {registered}\ndeadline: {deadline}\n{extra}")


HISTORY = ("assistants:\n  - {rep: lisi, share: 30, since: 2026-10-01}\n"
           "history:\n  - {date: 2026-10-01, from: lisi, to: zhangsan, reason: 超期重新分配}\n")
EXTENSIONS = ("extensions:\n  - {date: 2026-11-28, until: 2026-12-31, approved_by: wangjl, "
              "reason: 客户预算推迟}\n")
EVIDENCE = "evidence:\n  - {kind: quote_request, date: 2026-10-10, note: 客户要求报价}\n"
ACTIVITIES = ("activities:\n  - {date: 2026-09-10, by: zhangsan, with: 采购部, note: 痛点是交期不稳}\n"
              "  - {date: 2026-09-20, by: zhangsan, with: 质量部, note: 来料检验标准}\n")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_each_rule_reports_its_lead_at_the_changed_line(git_registry: Registry) -> None:
    reg = git_registry
    reg.write("leads/gone.yaml", lead_text("gone"))
    reg.write("leads/hist.yaml", lead_text("hist", extra=HISTORY))
    reg.write("leads/ext.yaml", lead_text("ext", extra=EXTENSIONS))
    reg.write("leads/evid.yaml", lead_text("evid", stage="opportunity", extra=EVIDENCE))
    reg.write("leads/act.yaml", lead_text("act", extra=ACTIVITIES))
    reg.write("leads/dropped.yaml", lead_text("dropped", extra=ACTIVITIES))
    reg.write("leads/inserted.yaml", lead_text("inserted", extra=ACTIVITIES))
    reg.write("leads/owner.yaml", lead_text("owner"))
    reg.write("leads/deadline.yaml", lead_text("deadline"))
    reg.write("leads/registered.yaml", lead_text("registered"))
    reg.write("leads/east/moved.yaml", lead_text("moved", extra=ACTIVITIES))
    reg.write("leads/handover.yaml", lead_text("handover"))
    base = reg.commit("base")
    assert reg.check_json("--base", base).returncode == 0

    (reg.root / "leads/gone.yaml").unlink()
    reg.write("leads/hist.yaml", lead_text("hist", extra=HISTORY.replace("超期重新分配", "改写")))
    reg.write("leads/ext.yaml", lead_text("ext", deadline="2027-01-31",
                                          extra=EXTENSIONS.replace("2026-12-31", "2027-01-31")))
    reg.write("leads/evid.yaml", lead_text("evid", stage="opportunity",
                                           extra=EVIDENCE.replace("quote_request", "supplier_pool")))
    reg.write("leads/act.yaml", lead_text("act", extra=ACTIVITIES.replace("来料检验标准", "改了")))
    reg.write("leads/dropped.yaml", lead_text("dropped", extra=ACTIVITIES.splitlines()[0] + "\n"))
    inserted = ACTIVITIES.replace("activities:\n", "activities:\n  - {date: 2026-09-01, by: "
                                  "zhangsan, with: 财务部, note: 插在前面}\n")
    reg.write("leads/inserted.yaml", lead_text("inserted", extra=inserted))
    reg.write("leads/owner.yaml", lead_text("owner", owner="lisi"))
    reg.write("leads/deadline.yaml", lead_text("deadline", deadline="2027-02-28"))
    reg.write("leads/registered.yaml", lead_text("registered", registered="2026-09-05"))
    (reg.root / "leads/east/moved.yaml").unlink()
    reg.write("leads/west/moved.yaml", lead_text("moved", extra=ACTIVITIES.replace("采购部", "x")))
    # a hand-over whose history names the wrong former owner
    reg.write("leads/handover.yaml", lead_text("handover", owner="lisi", extra=(
        "assistants: [{rep: wangjl}]\nhistory:\n  - {date: 2026-11-01, from: wangjl, to: lisi, "
        "reason: 重新分配}\n")))

    result = reg.check_json("--base", "main")
    assert result.returncode == 1, result.stderr
    found = {(d["path"], d["code"]): d for d in result.json()["diagnostics"]}
    expected = {
        ("leads/gone.yaml", "deleted-lead"): None,
        ("leads/hist.yaml", "history-rewritten"): "改写",
        ("leads/ext.yaml", "history-rewritten"): "until: 2027-01-31",
        # editing the old extension in place is no new extension either
        ("leads/ext.yaml", "deadline-change-without-extension"): "deadline: 2027-01-31",
        ("leads/evid.yaml", "history-rewritten"): "supplier_pool",
        ("leads/act.yaml", "history-rewritten"): "改了",
        ("leads/dropped.yaml", "history-rewritten"): "activities:",
        ("leads/inserted.yaml", "history-rewritten"): "插在前面",
        ("leads/owner.yaml", "owner-change-without-history"): "owner: lisi",
        ("leads/deadline.yaml", "deadline-change-without-extension"): "deadline: 2027-02-28",
        ("leads/registered.yaml", "registered-changed"): "registered: 2026-09-05",
        ("leads/west/moved.yaml", "history-rewritten"): "with: x",
        ("leads/handover.yaml", "owner-change-without-history"): "owner: lisi",
    }
    change_codes = {"deleted-lead", "history-rewritten", "owner-change-without-history",
                    "deadline-change-without-extension", "registered-changed"}
    assert {k for k in found if k[1] in change_codes} == set(expected), result.stdout
    for (path, code), needle in expected.items():
        d = found[(path, code)]
        assert d["severity"] == "error"
        if needle is None:
            assert d["line"] is None
        else:
            assert d["line"] == line_of(reg.root / path, needle), (path, d)
    assert "until was '2026-12-31' on main" in found[("leads/ext.yaml", "history-rewritten")][
        "message"]
    assert "restore" in found[("leads/gone.yaml", "deleted-lead")]["message"]
    assert "append-only" in found[("leads/inserted.yaml", "history-rewritten")]["message"]
    assert "removed" in found[("leads/dropped.yaml", "history-rewritten")]["message"]
    assert found[("leads/west/moved.yaml", "history-rewritten")]["related"] == \
        ["leads/east/moved.yaml"]
    handover = found[("leads/handover.yaml", "owner-change-without-history")]["message"]
    assert "from zhangsan (the owner on main)" in handover
    # the text format carries path:line:col and the code, as SPEC §6 shows
    text = reg.run("check", "--base", "main", "leads/owner.yaml")
    assert text.returncode == 1
    line = line_of(reg.root / "leads/owner.yaml", "owner: lisi")
    assert text.stdout.strip() == (
        f"leads/owner.yaml:{line}:8: error[owner-change-without-history]: owner changed from "
        "zhangsan to lisi without a matching new history entry; add a history entry {date: …, "
        "from: zhangsan, to: lisi, reason: …} (leadreg reassign does this)")


def test_legitimate_changes_pass(git_registry: Registry) -> None:
    reg = git_registry
    reg.write("leads/act.yaml", lead_text("act", extra=ACTIVITIES))
    reg.write("leads/evid.yaml", lead_text("evid"))
    reg.write("leads/east/moved.yaml", lead_text("moved", extra=ACTIVITIES))
    reg.write("leads/owner.yaml", lead_text("owner"))
    reg.write("leads/ext.yaml", lead_text("ext", extra=EXTENSIONS))
    reg.write("leads/hist.yaml", lead_text("hist", extra=HISTORY))
    reg.write("leads/deadline.yaml", lead_text("deadline", extra=ACTIVITIES))
    base = reg.commit("base")

    more = "  - {date: 2026-10-01, by: lisi, with: 工程部, note: 现场审核}\n"
    reg.write("leads/act.yaml", lead_text("act", extra=ACTIVITIES + more))
    reg.write("leads/evid.yaml", lead_text("evid", stage="opportunity", extra=EVIDENCE))
    (reg.root / "leads/east/moved.yaml").unlink()
    reg.write("leads/archive/2026/moved.yaml", lead_text("moved", extra=ACTIVITIES + more))
    reg.write("leads/owner.yaml", lead_text("owner", owner="lisi", extra=(
        "assistants:\n  - {rep: zhangsan, share: 30, since: 2026-11-02}\nhistory:\n"
        "  - {date: 2026-11-02, from: zhangsan, to: lisi, reason: 超期未转化}\n")))
    reg.write("leads/ext.yaml", lead_text("ext", deadline="2027-02-28", extra=EXTENSIONS + (
        "  - {date: 2026-12-20, until: 2027-02-28, approved_by: wangjl, reason: 样品复测}\n")))
    reg.write("leads/hist.yaml", lead_text("hist", stage="won", extra=HISTORY + EVIDENCE + (
        "closed: {date: 2026-12-01, reason: 已签合同}\n")))
    # the same data written in another YAML style is no change at all
    block = ("activities:\n"
             "  - date: '2026-09-10'\n    by: zhangsan\n    with: 采购部\n    note: 痛点是交期不稳\n"
             "  - date: 2026-09-20\n    by: \"zhangsan\"\n    with: 质量部\n    note: 来料检验标准\n")
    reg.write("leads/deadline.yaml", lead_text("deadline", extra=block))
    reg.write("leads/new-one.yaml", lead_text("registered"))

    result = reg.check_json("--base", base)
    assert result.json()["diagnostics"] == [], result.stdout
    assert result.returncode == 0
    # and still clean once committed, against the symbolic name of the parent
    reg.commit("legitimate changes")
    assert reg.check_json("--base", "HEAD~1").json()["diagnostics"] == []


def test_unreadable_files_on_either_side_do_not_crash(git_registry: Registry) -> None:
    reg = git_registry
    reg.write("leads/broken-then.yaml", "title: [unclosed\n")
    reg.write("leads/list-then.yaml", "- just\n- a list\n")
    reg.write("leads/broken-now.yaml", lead_text("gone"))
    base = reg.commit("base")
    reg.write("leads/broken-then.yaml", lead_text("hist"))
    reg.write("leads/list-then.yaml", lead_text("ext"))
    reg.write("leads/broken-now.yaml", "owner: [zhangsan\n")
    result = reg.check_json("--base", base)
    assert result.returncode == 1
    codes = {(d["path"], d["code"]) for d in result.json()["diagnostics"]}
    # the broken file is reported as broken, not as a deleted lead
    assert codes == {("leads/broken-now.yaml", "yaml-syntax")}, result.stdout
    assert "Traceback" not in result.stderr


def test_a_bad_base_is_bad_usage(git_registry: Registry, tmp_path: Path) -> None:
    reg = git_registry
    unknown = reg.check_json("--base", "no-such-branch")
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert "no-such-branch" in unknown.stderr and "git fetch" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    option = reg.check_json("--base", "--output=x")
    assert option.returncode == 2 and "not a git revision" in option.stderr
    blob = reg.check_json("--base", "HEAD:registry.yaml")
    assert blob.returncode == 2 and "no such commit" in blob.stderr

    plain = tmp_path / "plain"
    (plain / "leads").mkdir(parents=True)
    (plain / "registry.yaml").write_text((reg.root / "registry.yaml").read_text("utf-8"), "utf-8")
    outside = run_leadreg("check", "--base", "main", cwd=plain,
                          env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert outside.returncode == 2 and "not inside a git work tree" in outside.stderr


def _git(cwd: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "PATH": "/usr/bin:/bin",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(cwd.parent)}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_shallow_clone_reads_base_once_fetched(git_registry: Registry, tmp_path: Path) -> None:
    reg = git_registry
    reg.write("leads/gone.yaml", lead_text("gone"))
    reg.commit("base")
    reg.git("branch", "base")
    (reg.root / "leads/gone.yaml").unlink()
    reg.write("leads/act.yaml", lead_text("act"))
    reg.commit("delete a lead")

    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth=1", "--branch", "main", reg.root.as_uri(), str(clone))
    assert _git(clone, "rev-parse", "--is-shallow-repository") == "true"
    before = run_leadreg("check", "--format", "json", "--base", "origin/base", cwd=clone)
    assert before.returncode == 2 and "fetch" in before.stderr

    _git(clone, "fetch", "-q", "--depth=1", "origin", "base:refs/remotes/origin/base")
    after = run_leadreg("check", "--format", "json", "--base", "origin/base", cwd=clone)
    assert after.returncode == 1
    assert [(d["path"], d["code"]) for d in after.json()["diagnostics"]] == \
        [("leads/gone.yaml", "deleted-lead")]


def test_registry_in_a_subfolder_of_the_repository(git_registry: Registry, tmp_path: Path
                                                   ) -> None:
    top = tmp_path / "monorepo"
    sub = top / "sales" / "east"
    (sub / "leads").mkdir(parents=True)
    (sub / "registry.yaml").write_text((git_registry.root / "registry.yaml").read_text("utf-8"),
                                       "utf-8")
    (sub / "leads" / "owner.yaml").write_text(lead_text("owner"), "utf-8")
    (top / "leads").mkdir()  # a leads/ folder at the top is another thing entirely
    (top / "leads" / "gone.yaml").write_text(lead_text("gone"), "utf-8")
    _git(top, "init", "-q", "-b", "main")
    _git(top, "add", "-A")
    _git(top, "commit", "-q", "-m", "base")
    (sub / "leads" / "owner.yaml").write_text(lead_text("owner", owner="lisi"), "utf-8")
    (top / "leads" / "gone.yaml").unlink()

    result = run_leadreg("check", "--format", "json", "--base", "main", "--root", str(sub),
                         cwd=top)
    assert [(d["path"], d["code"]) for d in result.json()["diagnostics"]] == \
        [("leads/owner.yaml", "owner-change-without-history")]
