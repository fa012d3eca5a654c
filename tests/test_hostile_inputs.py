"""Untrusted lead files (SPEC §5): each gets a diagnostic; the other files are still checked."""

from __future__ import annotations

import os

import pytest

from tests.conftest import Registry

# (file content, expected code, expected line or None)
HOSTILE: dict[str, tuple[bytes, str, int | None]] = {
    "syntax": (b"title: x\ncustomer: [\n", "yaml-syntax", 3),
    "tab-indent": (b"title: x\ncustomer:\n\tname: y\n", "yaml-syntax", 3),
    "duplicate-key": (b"title: a\nowner: zhangsan\ntitle: b\n", "yaml-duplicate-key", 3),
    "anchor": (b"title: &t x\nowner: zhangsan\n", "yaml-alias", 1),
    "alias": (b"a: x\nb: *a\n", "yaml-alias", 2),
    "anchor-alias": (b"title: &t x\nnote: *t\n", "yaml-alias", 1),
    "merge-key": (b"base: &b {owner: zhangsan}\nlead:\n  <<: *b\n", "yaml-alias", 1),
    "merge-key-no-anchor": (b"title: x\n<<: {owner: zhangsan}\n", "yaml-alias", 2),
    "python-tag": (b"title: !!python/object/apply:os.system [echo hi]\n", "yaml-tag", 1),
    "str-tag": (b"title: !!str 12\n", "yaml-tag", 1),
    "local-tag": (b"title: !secret x\n", "yaml-tag", 1),
    "not-utf8": ("title: 恒达\n".encode("gbk"), "not-utf8", 1),
    "nul-byte": (b"title: a\x00b\n", "yaml-syntax", None),
    "list-top": (b"- a\n- b\n", "schema", 1),
    "scalar-top": (b"just text\n", "schema", 1),
    "empty": (b"", "schema", None),
    "comment-only": (b"# nothing here\n", "schema", None),
    "multi-doc": (b"title: a\n---\ntitle: b\n", "yaml-syntax", 2),
    "deep-flow": (b"title: " + b"[" * 5000 + b"]" * 5000 + b"\n", "yaml-syntax", 1),
    "deep-block": (b"- " * 3000 + b"x\n", "yaml-syntax", 1),
    "complex-key": (b"? [a, b]\n: c\n", "yaml-syntax", 1),
    "impossible-date": (b"title: x\ncustomer: {name: y}\nowner: zhangsan\nstage: lead\n"
                        b"registered: 2026-02-30\ndeadline: 2026-12-31\n", "schema", 5),
    "unknown-field": (b"title: x\ncustomer: {name: y}\nowner: zhangsan\nstage: lead\n"
                      b"registered: 2026-01-02\ndeadline: 2026-12-31\nactivites: []\n",
                      "schema", 7),
}


@pytest.fixture
def hostile_registry(registry: Registry) -> Registry:
    registry.lead("good-one", "owner: zhangsna")  # a real rule error that must still be found
    registry.lead("good-two", "customer: {name: 宁波海川精密机械有限公司}")
    for name, (content, _, _) in HOSTILE.items():
        registry.write(f"leads/hostile/{name}.yaml", content)
    return registry


def test_every_hostile_file_gets_its_diagnostic_and_good_files_are_checked(
        hostile_registry: Registry) -> None:
    result = hostile_registry.check_json()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    diags = result.json()["diagnostics"]
    by_path: dict[str, list[dict]] = {}
    for d in diags:
        by_path.setdefault(d["path"], []).append(d)
    for name, (_, code, line) in HOSTILE.items():
        found = by_path.get(f"leads/hostile/{name}.yaml", [])
        assert code in [d["code"] for d in found], (name, found)
        if line is not None:
            assert any(d["line"] == line for d in found if d["code"] == code), (name, found)
    assert [d["code"] for d in by_path["leads/good-one.yaml"]] == ["unknown-rep"]
    assert "leads/good-two.yaml" not in by_path
    assert result.json()["summary"]["leads"] >= 2


def test_a_bom_is_fine(registry: Registry) -> None:
    path = registry.lead("with-bom")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert registry.check_json().json()["diagnostics"] == []


def test_file_over_one_mib(registry: Registry) -> None:
    registry.lead("good-one")
    registry.write("leads/huge.yaml", b"title: x\nneed: |\n" + b"  " + b"a" * (1 << 20) + b"\n")
    result = registry.check_json()
    assert result.codes() == ["file-too-large"]
    assert result.json()["diagnostics"][0]["path"] == "leads/huge.yaml"


def test_symbolic_links_are_never_followed(registry: Registry, tmp_path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("owner: nobody-at-all\n")
    registry.lead("good-one")
    os.symlink(registry.root / "leads/good-one.yaml", registry.root / "leads/link-file.yaml")
    os.symlink(outside, registry.root / "leads/linked-folder")
    result = registry.check_json()
    diags = result.json()["diagnostics"]
    assert sorted((d["path"], d["code"]) for d in diags) == [
        ("leads/link-file.yaml", "symlink"), ("leads/linked-folder", "symlink")]
    assert "nobody-at-all" not in result.stdout


def test_a_fifo_does_not_hang(registry: Registry) -> None:
    registry.lead("good-one")
    os.mkfifo(registry.root / "leads/pipe.yaml")
    result = registry.check_json()
    assert result.codes() == ["not-a-file"]


def test_bad_file_names(registry: Registry) -> None:
    registry.lead("good-one")
    registry.write("leads/Upper.yaml", "title: x\n")
    registry.write("leads/under_score.yaml", "title: x\n")
    registry.write("leads/x.yaml", "title: x\n")
    registry.write("leads/other.yml", "title: x\n")
    registry.write("leads/README.md", "# not a lead\n")
    diags = registry.check_json().json()["diagnostics"]
    assert sorted((d["path"], d["code"]) for d in diags) == [
        ("leads/Upper.yaml", "bad-filename"), ("leads/other.yml", "bad-filename"),
        ("leads/under_score.yaml", "bad-filename"), ("leads/x.yaml", "bad-filename")]


def test_duplicate_ids_across_folders(registry: Registry) -> None:
    registry.lead("hengda", folder="leads/east")
    registry.lead("hengda", "customer: {name: 无锡某某机械有限公司}", folder="leads/west")
    diags = registry.check_json().json()["diagnostics"]
    dup = [d for d in diags if d["code"] == "duplicate-id"]
    assert len(dup) == 1 and dup[0]["related"] == ["leads/east/hengda.yaml"]


def test_scalars_never_change_type(registry: Registry) -> None:
    registry.lead("typed", """
customer:
  name: 苏州恒达
  region: 0512
  contacts:
    - {name: 王工, phone: 13800000000, role: no}
x-flag: no
""")
    diags = registry.check_json().json()["diagnostics"]
    assert [(d["code"], d["line"]) for d in diags] == [("schema", diags[0]["line"])]
    assert "quotes" in diags[0]["message"] and "13800000000" in diags[0]["message"]


def test_x_fields_are_free_at_every_level(registry: Registry) -> None:
    registry.lead("custom", """
x-crm-id: 12345
customer: {name: 苏州恒达, x-tier: A, contacts: [{name: 王工, x-wechat-group: 采购群}]}
activities: [{date: 2026-09-10, note: visit, x-km: 30}]
""")
    assert registry.check_json().json()["diagnostics"] == []


def test_schema_errors_point_at_the_line(registry: Registry) -> None:
    registry.write("leads/bad-fields.yaml", """\
title: 冲压件配套项目
customer:
  name: 苏州恒达
  websit: hengda.example
owner: zhangsan
stage: pending
registered: 2026-09-01
deadline: 2026-12-31
""")
    diags = registry.check_json().json()["diagnostics"]
    got = sorted((d["line"], d["column"], d["code"]) for d in diags)
    assert got == [(4, 3, "schema"), (6, 8, "schema")]
    assert any("website" in d["message"] for d in diags)  # did-you-mean


def test_text_format_and_summary(registry: Registry) -> None:
    registry.lead("bad-owner", "owner: nobody")
    result = registry.run("check")
    assert result.returncode == 1
    assert result.stdout.startswith("leads/bad-owner.yaml:")
    assert "error[unknown-rep]" in result.stdout
    assert "1 error" in result.stderr and result.stdout.count("\n") == 1


def test_missing_or_broken_settings_exit_2(registry: Registry) -> None:
    (registry.root / "registry.yaml").write_text("name: x\nreps: [{id: Bad Id, name: x}]\n")
    result = registry.run("check")
    assert result.returncode == 2 and "registry.yaml:2:" in result.stderr
    (registry.root / "registry.yaml").write_text("name: [\n")
    result = registry.run("check")
    assert result.returncode == 2 and "registry.yaml:" in result.stderr
    (registry.root / "registry.yaml").unlink()
    result = registry.run("check")
    assert result.returncode == 2 and "registry.yaml" in result.stderr
    assert "Traceback" not in result.stderr
