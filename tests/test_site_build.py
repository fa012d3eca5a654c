"""``leadreg build`` end to end: pages, exports, calendars, determinism, errors, themes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from tests.browser.registries import TODAY, build_registry, write_many, write_small
from tests.conftest import Registry, run_leadreg

REPO = Path(__file__).resolve().parents[1]


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build of the small registry, shared by the read-only tests."""
    return build_registry(tmp_path_factory.mktemp("built"), write_small)


def test_every_spec_path_is_written(built: Path) -> None:
    out = built
    for rel in ("index.html", "expired/index.html", "stats/index.html", "leads.json", "leads.csv",
                "calendar.ics", "reps/index.html", "reps/zhangsan/index.html",
                "reps/zhangsan/calendar.ics", "reps/lisi/calendar.ics", "404.html",
                "stages/lead/index.html", "stages/won/index.html", "search/meta.json",
                "static/style.css", "static/board.js", "static/search.js"):
        assert (out / rel).is_file(), rel
    for lead_id in ("hengda-suzhou", "kessler-taicang", "yineng-battery", "huali-old", "ouxin-valve"):
        assert (out / "leads" / lead_id / "index.html").is_file()


def test_board_has_columns_cards_badges_and_filters(built: Path) -> None:
    out = built
    html = (out / "index.html").read_text(encoding="utf-8")
    for column in ("col-lead", "col-opportunity", "col-won", "col-lost"):
        assert f'id="{column}"' in html
    # hengda: due 2026-12-10, 7 days left (warn_days 14) → due soon; kessler: 13 days overdue
    assert 'class="badge due-soon">还剩 7 天' in html
    assert 'class="badge overdue">超期 13 天' in html
    assert "苏州恒达汽车零部件有限公司" in html and "冲压件配套项目" in html
    assert "+ 李四" in html  # the assistant is on the card
    for select in ('id="f-owner"', 'id="f-unit"', 'id="f-source"', 'id="f-stage"'):
        assert select in html
    assert '<option value="zhangsan">张三</option>' in html
    assert "<noscript>" in html and "Content-Security-Policy" in html
    # the won lead is in the won column, not among the active ones
    won = html.split('id="col-won"')[1].split("</section>")[0]
    assert "常州华力传动机械有限公司" in won


def test_lead_page_timeline_markdown_and_links(built: Path) -> None:
    out = built
    html = (out / "leads/hengda-suzhou/index.html").read_text(encoding="utf-8")
    assert "<strong>车身冲压件</strong>" in html and "<li>年需求约 120 万件</li>" in html
    timeline = html.split('<ol class="timeline">')[1].split("</ol>")[0]
    order = [timeline.index(s) for s in ("备案", "痛点是交期不稳", "客户要求打样 3 件",
                                         "李四 → 张三", "延期至 2026年12月10日")]
    assert order == sorted(order)  # one timeline in date order
    assert 'href="https://www.hengda-auto.example"' in html  # bare domain → https link
    assert "编辑这条线索" not in html  # no repo_url in this registry
    assert "物流部" in html  # units of activities are shown by name


def test_leads_json_has_public_fields_expired_and_days_left(built: Path) -> None:
    out = built
    records = {r["id"]: r for r in json.loads((out / "leads.json").read_text(encoding="utf-8"))}
    assert set(records) == {"hengda-suzhou", "kessler-taicang", "yineng-battery", "huali-old",
                            "ouxin-valve"}
    hengda = records["hengda-suzhou"]
    assert (hengda["expired"], hengda["days_left"]) == (False, 7)
    assert hengda["customer"]["aliases"] == ["恒达汽配", "Hengda Auto Parts"]
    assert "contacts" not in hengda["customer"] and "credit_code" not in hengda["customer"]
    assert (records["kessler-taicang"]["expired"], records["kessler-taicang"]["days_left"]) == (True, -13)
    assert (records["huali-old"]["expired"], records["huali-old"]["days_left"]) == (False, None)


def test_leads_csv_is_utf8_with_bom(built: Path) -> None:
    out = built
    raw = (out / "leads.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 5
    hengda = next(r for r in rows if r["id"] == "hengda-suzhou")
    assert hengda["customer"] == "苏州恒达汽车零部件有限公司" and hengda["owner_name"] == "张三"
    assert hengda["days_left"] == "7" and hengda["expired"] == "false"
    assert "credit_code" not in rows[0] and "contacts" not in rows[0]


def test_calendars_have_one_event_per_active_deadline(built: Path) -> None:
    out = built
    cal = icalendar.Calendar.from_ical((out / "calendar.ics").read_bytes())
    events = {str(e["uid"]).split("-deadline@")[0]: e for e in cal.walk("VEVENT")}
    assert set(events) == {"hengda-suzhou", "kessler-taicang", "yineng-battery"}
    assert events["hengda-suzhou"].decoded("dtstart").isoformat() == "2026-12-10"
    assert "苏州恒达汽车零部件有限公司" in str(events["hengda-suzhou"]["summary"])
    lisi = icalendar.Calendar.from_ical((out / "reps/lisi/calendar.ics").read_bytes())
    # lisi owns kessler and assists on hengda
    assert sorted(str(e["uid"]).split("-deadline@")[0] for e in lisi.walk("VEVENT")) == [
        "hengda-suzhou", "kessler-taicang"]


def test_rep_expired_and_stats_pages(built: Path) -> None:
    out = built
    rep = (out / "reps/lisi/index.html").read_text(encoding="utf-8")
    owned = rep.split('id="h-owned"')[1].split("</section>")[0]
    assisting = rep.split('id="h-assisting"')[1].split("</section>")[0]
    expired = rep.split('id="h-rep_expired"')[1].split("</section>")[0]
    assert "Kessler" in owned and "苏州恒达" in assisting and "Kessler" in expired
    page = (out / "expired/index.html").read_text(encoding="utf-8")
    assert page.index("Kessler") < page.index("苏州恒达")  # expired first, then due soon
    stats = (out / "stats/index.html").read_text(encoding="utf-8")
    assert stats.count("<svg") == 4
    # 5 leads; reached opportunity: hengda (evidence) and huali (won, evidence) → 40%; won 1 of 2 → 50%
    assert '<span class="n">40%</span> 线索 → 机会点' in stats
    assert '<span class="n">50%</span> 机会点 → 赢单' in stats
    # median days to opportunity: hengda 30 (08-05→09-04), huali 41 (03-01→04-11) → 35.5
    assert '<span class="n">35.5</span>' in stats


def test_same_inputs_same_bytes_and_stale_files_go(registry: Registry, tmp_path: Path) -> None:
    write_small(registry)
    a, b = tmp_path / "a", tmp_path / "b"
    assert registry.run("build", "--out", str(a), "--today", TODAY).returncode == 0
    assert registry.run("build", "--out", str(b), "--today", TODAY).returncode == 0
    assert tree(a) == tree(b)
    # calendars depend on the leads only, not on the day of the build
    c = tmp_path / "c"
    assert registry.run("build", "--out", str(c), "--today", "2027-01-09").returncode == 0
    assert (c / "calendar.ics").read_bytes() == (a / "calendar.ics").read_bytes()
    # rebuilding into the same folder drops the pages of a removed lead
    (registry.root / "leads/ouxin-valve.yaml").unlink()
    assert registry.run("build", "--out", str(a), "--today", TODAY).returncode == 0
    assert not (a / "leads/ouxin-valve").exists()
    assert tree(a) != tree(b)


def test_bad_files_are_left_out_and_reported(registry: Registry, tmp_path: Path) -> None:
    write_small(registry)
    registry.write("leads/broken.yaml", "title: [unclosed\n")
    registry.lead("typo-field", "activites: []\n")
    out = tmp_path / "site"
    result = registry.run("build", "--out", str(out), "--today", TODAY)
    assert result.returncode == 1
    assert "leads/broken.yaml" in result.stderr and "leads/typo-field.yaml" in result.stderr
    assert "Traceback" not in result.stderr
    assert (out / "leads/hengda-suzhou/index.html").is_file()
    assert not (out / "leads/broken").exists() and not (out / "leads/typo-field").exists()


def test_refuses_to_empty_a_folder_it_did_not_build(registry: Registry, tmp_path: Path) -> None:
    write_small(registry)
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("keep me")
    result = registry.run("build", "--out", str(precious), "--today", TODAY)
    assert result.returncode == 2 and "not empty" in result.stderr
    assert (precious / "thesis.txt").read_text() == "keep me"


def test_english_registry_and_template_override(registry: Registry, tmp_path: Path) -> None:
    write_small(registry)
    text = (registry.root / "registry.yaml").read_text(encoding="utf-8")
    registry.write("registry.yaml", text.replace("language: zh-CN", "language: en")
                   + "repo_url: https://github.com/acme/leads\n")
    registry.write("site/404.html", '{% extends "base.html" %}{% block main %}<p>Custom lost page'
                   '</p>{% endblock %}')
    registry.write("site/static/extra.css", "body { color: red }")
    out = tmp_path / "site"
    result = registry.run("build", "--out", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    board = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in board and "Lead board" in board
    assert "Due in 7 days" in board and "13 days overdue" in board and "10 Dec 2026" in board
    lead = (out / "leads/hengda-suzhou/index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/acme/leads/edit/main/leads/hengda-suzhou.yaml"' in lead
    assert "Edit this lead" in lead and "Sample request" in lead
    assert "Custom lost page" in (out / "404.html").read_text(encoding="utf-8")
    assert (out / "static/extra.css").is_file() and (out / "static/board.js").is_file()
    cal = icalendar.Calendar.from_ical((out / "calendar.ics").read_bytes())
    urls = [str(e["url"]) for e in cal.walk("VEVENT")]
    assert "https://acme.github.io/leads/leads/hengda-suzhou/index.html" in urls


def test_sample_registry_builds_cleanly(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_leadreg("build", "--root", str(REPO), "--out", str(out), "--today", TODAY, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = json.loads((out / "leads.json").read_text(encoding="utf-8"))
    assert len(records) >= 20
    assert all((out / "leads" / r["id"] / "index.html").is_file() for r in records)


def test_a_large_registry_keeps_the_board_small(registry: Registry, tmp_path: Path) -> None:
    write_many(registry, 700)
    out = tmp_path / "site"
    result = registry.run("build", "--out", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    board = (out / "index.html").read_text(encoding="utf-8")
    lead_column = board.split('id="col-lead"')[1].split("</section>")[0]
    assert lead_column.count('<li class="card') == 150
    assert 'href="stages/lead/index.html">查看全部 700 条' in lead_column
    assert len(board.encode("utf-8")) < 300_000
    first = (out / "stages/lead/index.html").read_text(encoding="utf-8")
    second = (out / "stages/lead/2/index.html").read_text(encoding="utf-8")
    assert first.count("<tr") == 501 and second.count("<tr") == 201  # header row + leads
    assert 'rel="next" href="2/index.html"' in first and 'rel="prev" href="../index.html"' in second
    meta = json.loads((out / "search/meta.json").read_text(encoding="utf-8"))
    assert meta["shards"] > 1 and meta["leads"] == 700
    shards = list((out / "search/g").glob("*.json"))
    assert len(shards) == meta["shards"]
    assert max(p.stat().st_size for p in shards) < 100_000


def test_a_broken_theme_template_is_reported_without_a_traceback(registry: Registry,
                                                                 tmp_path: Path) -> None:
    write_small(registry)
    registry.write("site/stats.html", '{% extends "base.html" %}{% block main %}{{ oops( }}'
                   "{% endblock %}")
    result = registry.run("build", "--out", str(tmp_path / "site"), "--today", TODAY)
    assert result.returncode == 1
    assert "site theme failed" in result.stderr and "stats.html" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2,
                    reason="needs two cores to compare with one")
def test_the_parallel_build_writes_what_one_core_writes(registry: Registry, tmp_path: Path) -> None:
    """Over 1,000 leads the pages, exports and search postings are made in chunks by
    worker processes; on one core the same registry is built in one process."""
    write_many(registry, 1300)
    outputs = {}
    for cores in ("all", "one"):
        out = tmp_path / cores
        one = {min(os.sched_getaffinity(0))}
        proc = subprocess.run(
            [sys.executable, "-m", "leadreg", "build", "--out", str(out), "--today", TODAY],
            cwd=registry.root, capture_output=True, text=True, timeout=300,
            preexec_fn=(lambda: os.sched_setaffinity(0, one)) if cores == "one" else None)
        assert proc.returncode == 0, proc.stderr
        outputs[cores] = {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).digest()
                          for p in out.rglob("*") if p.is_file()}
    assert len(outputs["all"]) > 1300 + 40
    assert outputs["all"] == outputs["one"]
    meta = json.loads((tmp_path / "all/search/meta.json").read_text(encoding="utf-8"))
    assert meta["leads"] == 1300
