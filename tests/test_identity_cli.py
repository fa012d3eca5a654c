"""Same customer, through the real CLI: ``leadreg check`` codes and ``leadreg find``."""

from __future__ import annotations

import pytest

from tests.conftest import Registry

CLOSED = "closed: {date: 2026-03-20, reason: 客户选择了竞争对手}"


@pytest.fixture
def crowded(registry: Registry) -> Registry:
    """One registry holding every case at once (one CLI run checks them all)."""
    lead = registry.lead
    lead("hengda", "customer: {name: 苏州恒达汽车零部件有限公司, aliases: [Hengda Auto Parts]}",
         folder="leads/east")
    lead("hengda-2", "{customer: {name: 苏州恒达汽车零部件有限公司}, registered: 2026-10-01}")
    lead("hengda-trad", "{customer: {name: 蘇州恆達汽車零部件有限公司}, owner: lisi, "
         "registered: 2026-10-02}")
    lead("hengda-wide", "{customer: {name: 恒达汽车零部件（苏州）有限公司}, registered: 2026-10-03}")
    lead("hengda-en", "{customer: {name: 'Hengda Auto Parts Co., Ltd.'}, registered: 2026-10-04}")
    # other cities: another customer, by the name or by customer.region
    lead("hengda-wuxi", "{customer: {name: 无锡恒达汽车零部件有限公司}, registered: 2026-10-05}")
    lead("hengda-region", "{customer: {name: 恒达汽车零部件有限公司, region: 江苏 常州}, "
         "registered: 2026-10-06}")
    # credit code and website
    lead("kessler", "customer: {name: Kessler GmbH, credit_code: 91320594MA1W3XY5KK, "
         "website: 'https://www.Kessler.example/de'}")
    lead("kessler-cn", "{customer: {name: 凯斯勒传动（太仓）有限公司, credit_code: 91320594MA1W3XY5KK},"
         " registered: 2026-10-01}")
    lead("kessler-web", "{customer: {name: KSL Drives, website: kessler.example}, "
         "registered: 2026-10-02}")
    # look-alikes: cross-script, distinct_from
    lead("huasheng", "customer: {name: 宁波华盛模具有限公司}")
    lead("huasheng-en", "{customer: {name: 'Huasheng Mould Co., Ltd.'}, registered: 2026-10-01}")
    lead("ruifeng", "customer: {name: 杭州瑞丰纺织品有限公司}")
    lead("ruifeng-garment", "{customer: {name: 杭州瑞丰纺织服装有限公司, distinct_from: [ruifeng]},"
         " registered: 2026-10-01}")
    # a customer we lost before, and two closed leads of one customer
    lead("brightwater-old", "{customer: {name: Brightwater Foods plc}, stage: lost, "
         f"registered: 2026-01-05, deadline: 2026-04-05, {CLOSED}}}")
    lead("brightwater", "{customer: {name: BRIGHTWATER FOODS}, registered: 2026-10-01}")
    lead("oak-1", "{customer: {name: Oakridge Controls Inc}, stage: closed, "
         f"registered: 2026-01-05, deadline: 2026-04-05, {CLOSED}}}")
    lead("oak-2", "{customer: {name: Oakridge Controls LLC}, stage: won, evidence: "
         "[{kind: other, date: 2026-03-01}], "
         f"registered: 2026-02-05, deadline: 2026-04-05, {CLOSED}}}")
    return registry


def _by_path(result) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for d in result.json()["diagnostics"]:
        found.setdefault(d["path"], []).append(d)
    return found


def test_check_reports_each_case_once_on_the_later_lead(crowded: Registry) -> None:
    result = crowded.check_json()
    found = {(d["path"], d["code"]) for d in result.json()["diagnostics"]}
    assert found == {
        ("leads/hengda-2.yaml", "duplicate-customer"),
        ("leads/hengda-trad.yaml", "duplicate-customer"),
        ("leads/hengda-wide.yaml", "duplicate-customer"),
        ("leads/hengda-en.yaml", "duplicate-customer"),
        ("leads/kessler-cn.yaml", "duplicate-customer"),
        ("leads/kessler-web.yaml", "duplicate-customer"),
        ("leads/huasheng-en.yaml", "possible-duplicate"),
        ("leads/brightwater.yaml", "customer-seen-before"),
        # 无锡 and 常州 are other customers than 苏州恒达 (and its alias Hengda Auto Parts);
        # only hengda-en, whose name says no city, may be either of them
        ("leads/hengda-wuxi.yaml", "possible-duplicate"),
        ("leads/hengda-region.yaml", "possible-duplicate"),
    }, result.stdout
    assert result.returncode == 1
    for other_city in ("leads/hengda-wuxi.yaml", "leads/hengda-region.yaml"):
        assert _by_path(result)[other_city][0]["related"] == ["leads/hengda-en.yaml"]


def test_duplicate_message_and_position_are_the_specs(crowded: Registry) -> None:
    result = crowded.run("check", "leads/hengda-2.yaml")
    assert result.stdout.strip() == (
        "leads/hengda-2.yaml:3:9: error[duplicate-customer]: 苏州恒达汽车零部件有限公司 already "
        "has an active lead: leads/east/hengda.yaml (owner zhangsan, registered 2026-09-01)")
    assert result.returncode == 1


def test_diagnostics_point_at_the_key_that_matched(crowded: Registry) -> None:
    found = _by_path(crowded.check_json())
    code = found["leads/kessler-cn.yaml"][0]
    assert (code["line"], code["related"]) == (4, ["leads/kessler.yaml"])
    assert "matched by credit code" in code["message"]
    web = found["leads/kessler-web.yaml"][0]
    assert "website kessler.example" in web["message"] and web["line"] == 4
    trad = found["leads/hengda-trad.yaml"][0]
    assert trad["related"] == ["leads/east/hengda.yaml", "leads/hengda-2.yaml"]
    assert "owner zhangsan" in trad["message"] and "蘇州恆達" in trad["message"]
    alias = found["leads/hengda-en.yaml"][0]
    assert "alias Hengda Auto Parts" in alias["message"]
    assert alias["severity"] == "error" and alias["line"] == 3


def test_warnings_name_the_other_lead_and_the_way_out(crowded: Registry) -> None:
    found = _by_path(crowded.check_json())
    alike = found["leads/huasheng-en.yaml"][0]
    assert alike["severity"] == "warning" and alike["related"] == ["leads/huasheng.yaml"]
    assert "add huasheng to customer.distinct_from" in alike["message"]
    seen = found["leads/brightwater.yaml"][0]
    assert seen["severity"] == "warning" and seen["related"] == ["leads/brightwater-old.yaml"]
    assert "lost 2026-03-20" in seen["message"]


def test_distinct_from_is_what_silences_a_look_alike(crowded: Registry) -> None:
    crowded.lead("ruifeng-garment", "{customer: {name: 杭州瑞丰纺织服装有限公司}, "
                 "registered: 2026-10-01}")
    found = _by_path(crowded.check_json())
    assert [d["code"] for d in found["leads/ruifeng-garment.yaml"]] == ["possible-duplicate"]


def test_strict_fails_on_warnings_only_registry(registry: Registry) -> None:
    registry.lead("huasheng", "customer: {name: 宁波华盛模具有限公司}")
    registry.lead("huasheng-en", "{customer: {name: 'Huasheng Mould Co., Ltd.'}, "
                  "registered: 2026-10-01}")
    assert registry.run("check").returncode == 0
    assert registry.run("check", "--strict").returncode == 1


def test_find_every_variant(crowded: Registry) -> None:
    for query in ("蘇州恆達汽車零部件", "恒达汽车零部件(苏州)有限公司", "江苏省苏州市恒达汽车零部件股份有限公司"):
        result = crowded.run("find", query, "--format", "json")
        assert result.returncode == 0, result.stderr
        kinds = {m["id"]: m["kind"] for m in result.json()["matches"]}
        assert {k for k, v in kinds.items() if v == "same"} == {
            "hengda", "hengda-2", "hengda-trad", "hengda-wide"}, query
        assert kinds["hengda-en"] == "similar"  # 恒达 ~ Hengda: a person decides
        assert "hengda-wuxi" not in kinds and "hengda-region" not in kinds
    english = crowded.run("find", "ＨＥＮＧＤＡ ＡＵＴＯ ＰＡＲＴＳ", "--format", "json").json()
    kinds = {m["id"]: m["kind"] for m in english["matches"]}
    assert english["normalised"] == "hengda auto parts"
    assert {k for k, v in kinds.items() if v == "same"} == {"hengda", "hengda-en"}
    assert kinds["hengda-2"] == "similar" and "hengda-wuxi" in kinds


def test_find_shows_owner_stage_dates_and_closed_leads(crowded: Registry) -> None:
    result = crowded.run("find", "Brightwater Foods")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "same customer:"
    assert any("leads/brightwater-old.yaml" in line and "lost" in line and "owner zhangsan (张三)"
               in line and "registered 2026-01-05" in line and "deadline 2026-04-05" in line
               for line in lines), result.stdout
    alike = crowded.run("find", "Huasheng", "--format", "json").json()["matches"]
    assert [(m["id"], m["kind"]) for m in alike] == [("huasheng", "similar"),
                                                     ("huasheng-en", "similar")]


def test_find_nothing_and_bad_input(crowded: Registry) -> None:
    result = crowded.run("find", "完全不同的客户名称有限公司")
    assert result.returncode == 0 and result.stdout.startswith("no lead for")
    assert crowded.run("find", "   ").returncode == 2
    crowded.write("leads/broken.yaml", "title: [unclosed\n")
    result = crowded.run("find", "苏州恒达", "--format", "json")
    assert result.returncode == 0 and result.json()["unreadable"] == ["leads/broken.yaml"]
    assert "not searched" in result.stderr
