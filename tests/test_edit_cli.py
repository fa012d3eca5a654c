"""The editing helpers end to end: the real CLI on real files in a real git repository.

After every helper the registry passes ``leadreg check`` and ``leadreg check
--base HEAD`` (the PR rules); every refusal exits 1 and leaves the file's
bytes exactly as they were.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from leadreg import yamlsafe
from leadreg.checker import check
from leadreg.cli import main
from leadreg.diagnostics import Severity
from leadreg.settings import load_settings

from tests.conftest import Registry, Result

HENGDA = "苏州恒达汽车零部件有限公司"


def read(reg: Registry, relpath: str) -> dict:
    data, _ = yamlsafe.load((reg.root / relpath).read_text(encoding="utf-8"))
    return data


def assert_passes(reg: Registry) -> None:
    """check and check --base HEAD find no error (in-process: the CLI runs once at the end)."""
    report = check(load_settings(reg.root), base="HEAD")
    errors = [d for d in report.diagnostics if d.severity is Severity.ERROR]
    assert errors == [], errors


def step(reg: Registry, *args: str) -> str:
    """Run one helper that must succeed, check the change, then commit it."""
    result = reg.run(*args)
    assert result.returncode == 0, result.stderr
    assert_passes(reg)
    reg.commit(" ".join(args[:2]))
    return result.stdout


def test_a_reps_day_register_log_evidence_extend_reassign_win(git_registry: Registry) -> None:
    reg = git_registry
    out = step(reg, "new", "--customer", HENGDA, "--title", "冲压件配套项目", "--owner", "lisi",
               "--source", "exhibition", "--credit-code", "91320594ma1w3xy5kk",
               "--website", "https://www.hengda-auto.example", "--today", "2026-09-01")
    assert "leads/hengda.yaml" in out
    path = "leads/hengda.yaml"
    text = (reg.root / path).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/lead.schema.json"
    assert read(reg, path) == {
        "title": "冲压件配套项目",
        "customer": {"name": HENGDA, "credit_code": "91320594MA1W3XY5KK",
                     "website": "https://www.hengda-auto.example"},
        "source": "exhibition", "owner": "lisi", "stage": "lead",
        "registered": "2026-09-01", "deadline": "2026-11-30"}

    step(reg, "log", "hengda", "--with", "采购部", "--note", "痛点是交期不稳", "--date", "2026-09-10")
    step(reg, "log", "hengda", "--with", "研发部", "--note", "no", "--by", "zhangsan",
         "--date", "2026-09-12")
    out = step(reg, "evidence", "hengda", "--kind", "sample_request", "--note", "客户要求打样 3 件",
               "--date", "2026-10-10")
    assert "lead → opportunity" in out
    step(reg, "extend", "hengda", "--until", "2026-12-31", "--reason", "客户预算推迟到年底",
         "--approved-by", "wangjl", "--today", "2026-11-28")
    step(reg, "reassign", "hengda", "--to", "zhangsan", "--reason", "超期未转化，市场部重新分配",
         "--share", "30", "--today", "2026-12-02")
    result = reg.run("close", "hengda", "--as", "won", "--reason", "已导入供应商名录",
                     "--today", "2026-12-20")
    assert result.returncode == 0, result.stderr
    result = reg.check_json("--base", "HEAD")  # the real CLI, as CI runs it on the PR
    assert result.returncode == 0 and result.json()["summary"]["errors"] == 0, result.stdout

    data = read(reg, path)
    assert data["stage"] == "won" and data["owner"] == "zhangsan"
    assert data["deadline"] == "2026-12-31" and data["registered"] == "2026-09-01"
    assert data["activities"] == [
        {"date": "2026-09-10", "by": "lisi", "with": "采购部", "note": "痛点是交期不稳"},
        {"date": "2026-09-12", "by": "zhangsan", "with": "研发部", "note": "no"}]
    assert data["evidence"] == [{"kind": "sample_request", "date": "2026-10-10",
                                 "note": "客户要求打样 3 件"}]
    assert data["extensions"] == [{"date": "2026-11-28", "until": "2026-12-31",
                                   "approved_by": "wangjl", "reason": "客户预算推迟到年底"}]
    assert data["assistants"] == [{"rep": "lisi", "share": 30, "since": "2026-12-02"}]
    assert data["history"] == [{"date": "2026-12-02", "from": "lisi", "to": "zhangsan",
                                "reason": "超期未转化，市场部重新分配"}]
    assert data["closed"] == {"date": "2026-12-20", "reason": "已导入供应商名录"}
    text = (reg.root / path).read_text(encoding="utf-8")
    assert 'note: "no"' in text  # would be false to a YAML 1.1 reader if left plain
    assert reg.run("fmt", "--check").returncode == 0, "helpers write the canonical layout"


COMMENTED = """\
# yaml-language-server: $schema=../../schema/lead.schema.json
# 原由李四登记。
title: 冲压件配套项目   # 项目名称
customer:
    name: 苏州恒达汽车零部件有限公司    # four-space indentation, kept
    x-zip: 0512
    contacts:
    -   {name: 王工, phone: '0512 6666 0000'}
source: exhibition
owner: lisi
assistants:
- rep: zhangsan      # block mapping entries, dash at column 0
  share: 20
team: [engineering]
stage: opportunity
registered: 2026-09-01
deadline: 2026-11-30   # 攻破时限
evidence: [{kind: quote_request, date: 2026-10-01}]
# activities come next
x-crm-id: "007"
"""


def test_helpers_touch_only_their_lines(git_registry: Registry) -> None:
    reg = git_registry
    path = "leads/east/hengda.yaml"
    reg.write(path, COMMENTED)
    reg.commit("lead with comments")
    step(reg, "extend", "hengda", "--until", "2027-01-31", "--reason", "预算: 推迟, 到年底",
         "--approved-by", "wangjl", "--today", "2026-11-20")
    step(reg, "log", "hengda", "--with", "质量部", "--note", "确认样件", "--date", "2026-11-21")
    step(reg, "reassign", "hengda", "--to", "zhangsan", "--reason", "handover", "--share", "40",
         "--today", "2026-11-22")
    text = (reg.root / path).read_text(encoding="utf-8")
    old_lines = COMMENTED.splitlines()
    new_lines = text.splitlines()
    entry = "- rep: zhangsan      # block mapping entries, dash at column 0"
    changed = {"owner: lisi", "deadline: 2026-11-30   # 攻破时限", entry, "  share: 20"}
    for line in old_lines:
        if line not in changed:
            assert line in new_lines, line
    assert "deadline: 2027-01-31   # 攻破时限" in new_lines
    assert "# block mapping entries, dash at column 0" in new_lines  # the removed entry's comment
    assert "- rep: lisi" in new_lines and "  share: 40" in new_lines  # same style as before
    assert "  - {date: 2026-11-20, until: 2027-01-31, approved_by: wangjl, reason: \"预算: 推迟, 到年底\"}"\
        not in new_lines  # extensions did not exist: a new list in the file's dash style
    assert "- {date: 2026-11-20, until: 2027-01-31, approved_by: wangjl, reason: \"预算: 推迟, " \
           "到年底\"}" in new_lines
    data = read(reg, path)
    assert data["customer"]["x-zip"] == "0512" and data["x-crm-id"] == "007"
    assert data["assistants"] == [{"rep": "lisi", "share": 40, "since": "2026-11-22"}]


def in_process(reg: Registry, *args: str) -> Result:
    """The real click command in this process (no interpreter start: ~20x faster)."""
    result = CliRunner().invoke(main, [*args, "--root", str(reg.root)])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr)


def refused(reg: Registry, path: str, *args: str) -> str:
    """Run a helper that must refuse: exit 1, file untouched; returns stderr."""
    before = (reg.root / path).read_bytes() if (reg.root / path).exists() else None
    result = in_process(reg, *args)
    assert result.returncode == 1, (result.stdout, result.stderr)
    after = (reg.root / path).read_bytes() if (reg.root / path).exists() else None
    assert after == before
    return result.stderr


def test_refusals_say_why_and_write_nothing(registry: Registry) -> None:
    reg = registry
    reg.lead("hengda", "registered: 2026-09-01\ndeadline: 2026-11-30\nowner: zhangsan")
    reg.lead("busy", "customer: {name: 无锡忙碌机械有限公司}\nextensions: ["
             "{date: 2026-10-01, until: 2026-12-01, approved_by: wangjl, reason: a},"
             "{date: 2026-11-01, until: 2026-12-31, approved_by: wangjl, reason: b}]\n"
             "deadline: 2026-12-31\nassistants: [{rep: lisi, share: 80}]")
    path = "leads/hengda.yaml"
    err = refused(reg, "leads/hengda-2.yaml", "new", "--customer", "恒达汽车零部件（苏州）有限公司",
                  "--title", "t", "--owner", "lisi", "--id", "hengda-2")
    assert "already has an active lead: leads/hengda.yaml (owner zhangsan, registered " \
           "2026-09-01" in err
    err = refused(reg, "leads/hengda.yaml", "new", "--customer", "Brand New Ltd", "--title", "t",
                  "--owner", "lisi", "--id", "hengda")
    assert "taken by leads/hengda.yaml" in err
    assert "not a manager" in refused(reg, path, "extend", "hengda", "--until", "2027-01-31",
                                      "--reason", "r", "--approved-by", "lisi")
    assert "the most allowed (2)" in refused(reg, "leads/busy.yaml", "extend", "busy", "--until",
                                             "2027-03-01", "--reason", "r",
                                             "--approved-by", "wangjl")
    assert "not after the current deadline" in refused(
        reg, path, "extend", "hengda", "--until", "2026-11-30", "--reason", "r",
        "--approved-by", "wangjl")
    assert "needs evidence" in refused(reg, path, "close", "hengda", "--as", "won",
                                       "--reason", "r")
    assert "already owns" in refused(reg, path, "reassign", "hengda", "--to", "zhangsan",
                                     "--reason", "r")
    assert "left on 2026-06-30" in refused(reg, path, "reassign", "hengda", "--to", "liuyang",
                                           "--reason", "r")
    assert "not a rep" in refused(reg, path, "log", "hengda", "--with", "x", "--note", "y",
                                  "--by", "nobody")
    err = refused(reg, "leads/busy.yaml", "reassign", "busy", "--to", "wangjl", "--reason", "r",
                  "--share", "30")
    assert "shares-over-100" in err and "would not pass `leadreg check`" in err
    assert "did you mean hengda" in refused(reg, path, "log", "hengdaa", "--with", "x",
                                            "--note", "y")
    in_process(reg, "close", "hengda", "--as", "lost", "--reason", "价格没有优势",
               "--today", "2026-11-01")
    assert "already lost on 2026-11-01" in refused(reg, path, "close", "hengda", "--as",
                                                   "closed", "--reason", "r")


def test_missing_flags_without_a_terminal_are_a_usage_error(registry: Registry) -> None:
    registry.lead("hengda")
    result = registry.run("extend", "hengda", "--until", "2027-01-31", input="")
    assert result.returncode == 2 and "--reason" in result.stderr


def test_other_files_problems_do_not_block_a_rep(registry: Registry) -> None:
    reg = registry
    reg.lead("hengda", "team: [engineering, carpentry]")  # its own old error: unknown-unit
    reg.write("leads/broken.yaml", "title: [unclosed\n")
    result = in_process(reg, "log", "hengda", "--with", "采购部", "--note", "visit", "--date", "2026-09-10")
    assert result.returncode == 0, result.stderr
    assert read(reg, "leads/hengda.yaml")["activities"][0]["note"] == "visit"
    result = in_process(reg, "log", "broken", "--with", "x", "--note", "y")
    assert result.returncode == 1 and "leads/broken.yaml:2:1" in result.stderr


def test_new_places_leads_in_the_registry_layout(registry: Registry) -> None:
    reg = registry
    reg.lead("existing", "customer: {name: 杭州某某科技有限公司}", folder="leads/zhejiang")
    reg.lead("other", "customer: {name: Acme Widgets Inc.}\nowner: lisi", folder="leads/key-accounts")
    out = in_process(reg, "new", "--customer", HENGDA, "--title", "t", "--owner", "zhangsan",
                  "--folder", "jiangsu", "--today", "2026-09-01")
    assert out.returncode == 0 and (reg.root / "leads/jiangsu/hengda.yaml").exists()
    text = (reg.root / "leads/jiangsu/hengda.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/lead.schema.json\n")
    out = in_process(reg, "new", "--customer", "宁波均胜电子股份有限公司", "--title", "t", "--owner", "zhangsan")
    assert out.returncode == 0, out.stderr
    assert (reg.root / "leads/zhejiang/junsheng.yaml").exists()  # by region
    out = in_process(reg, "new", "--customer", "Globex Corporation", "--title", "t", "--owner", "lisi")
    assert (reg.root / "leads/key-accounts/globex.yaml").exists(), out.stderr  # owner's folder
    out = in_process(reg, "new", "--customer", "恒达电气（苏州）有限公司", "--title", "t", "--owner", "lisi")
    assert (reg.root / "leads/jiangsu/hengda-suzhou.yaml").exists(), out.stderr  # id taken
    assert in_process(reg, "check").returncode == 0


def _run_on_a_terminal(root: Path, args: list[str], answers: str) -> tuple[int, str]:
    """Run leadreg with stdin, stdout and stderr on a pseudo-terminal; type ``answers``."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "leadreg", *args], cwd=root, stdin=slave,
                            stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    os.write(master, answers.encode("utf-8"))
    output = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            proc.kill()
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    return proc.wait(timeout=60), output.decode("utf-8", "replace")


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="needs a pseudo-terminal")
def test_on_a_terminal_it_asks_for_what_is_missing(registry: Registry) -> None:
    registry.lead("hengda")
    code, screen = _run_on_a_terminal(registry.root, ["log", "hengda", "--date", "2026-09-10"],
                                      "采购部\n首次拜访\n")
    assert code == 0, screen
    assert "Met with" in screen and "Note" in screen
    assert read(registry, "leads/hengda.yaml")["activities"] == [
        {"date": "2026-09-10", "by": "zhangsan", "with": "采购部", "note": "首次拜访"}]


def test_fmt_check_lists_and_fmt_fixes(registry: Registry) -> None:
    reg = registry
    messy = ("# keep me\nowner: zhangsan   # the rep\ntitle: t\nx-a: no\ncustomer:\n"
             "    name: 苏州恒达汽车零部件有限公司\nstage: lead\nregistered: 2026-09-01\n"
             "deadline: 2026-11-30\nteam:\n- engineering   # dash at 0\n")
    reg.write("leads/messy.yaml", messy)
    reg.lead("tidy")
    in_process(reg, "fmt", str(reg.root / "leads/tidy.yaml"))
    tidy = (reg.root / "leads/tidy.yaml").read_bytes()
    reg.write("leads/broken.yaml", "title: [unclosed\n")
    check = reg.run("fmt", "--check")
    assert check.returncode == 1 and "would reformat leads/messy.yaml" in check.stdout
    assert "tidy" not in check.stdout and "leads/broken.yaml:" in check.stderr
    assert (reg.root / "leads/messy.yaml").read_text(encoding="utf-8") == messy
    assert in_process(reg, "fmt").returncode == 1  # broken.yaml cannot be laid out
    text = (reg.root / "leads/messy.yaml").read_text(encoding="utf-8")
    assert text == ("# keep me\ntitle: t\ncustomer:\n  name: 苏州恒达汽车零部件有限公司\n"
                    "owner: zhangsan   # the rep\nteam:\n  - engineering # dash at 0\n"
                    "stage: lead\nregistered: 2026-09-01\ndeadline: 2026-11-30\nx-a: \"no\"\n")
    assert (reg.root / "leads/tidy.yaml").read_bytes() == tidy
    (reg.root / "leads/broken.yaml").unlink()
    assert in_process(reg, "fmt", "--check").returncode == 0
    # ruamel.yaml would drop "# first visit": fmt leaves the file alone and says so
    awkward = "title: t\nactivities:\n- {date: 2026-09-01, note: a}\n# first visit\n" \
              "- {date: 2026-09-02, note: b}  # second\n"
    reg.write("leads/awkward.yaml", awkward)
    result = in_process(reg, "fmt")
    assert result.returncode == 0 and "left as it is" in result.stderr
    assert "'# first visit'" in result.stderr
    assert (reg.root / "leads/awkward.yaml").read_text(encoding="utf-8") == awkward
