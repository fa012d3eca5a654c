"""The editing layer's pieces: writing values, surgical text edits, the proof, ids, folders."""

from __future__ import annotations

import itertools

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from leadreg import yamlsafe
from leadreg.edit import EditError
from leadreg.edit.document import LeadDocument, LeadEdit
from leadreg.edit.ids import candidates, suggest_id
from leadreg.edit.placement import choose_folder
from leadreg.edit.scalars import scalar
from leadreg.edit.textedit import LeadText
from leadreg.edit.verify import prove
from leadreg.lead import Lead
from leadreg.sources import MemorySource

TRICKY = ["no", "yes", "on", "off", "y", "n", "true", "False", "null", "~", "0512", "0o17",
          "0x1F", "1_000", "1e3", "1.5", ".inf", ".nan", "-5", "+86 138 0000 0000", "12:30",
          "2026-09-01 10:00:00", "2026-13-45", "a: b", "a #b", "#x", "- x", "[x]", "{x}",
          "a, b", "'q'", '"q"', "@at", "`tick`", "%pct", "!tag", "&anchor", "*alias", "|",
          ">", "x:", " lead space", "trail space ", "two\nlines", "tab\there", "\x07bell",
          "\u2028", "苏州恒达", "客户: 预算，推迟", "Präzision", "é", "-", "?", ":", "=",
          "<<", "1:30:00", "0", "00", "12", "-0", "+1"]


@pytest.mark.parametrize("flow", [False, True])
@pytest.mark.parametrize("text", TRICKY)
def test_every_value_reads_back_as_the_same_text(text: str, flow: bool) -> None:
    written = scalar(text, flow=flow)
    doc = f"{{k: {written}}}" if flow else f"k: {written}"
    assert yamlsafe.load(doc)[0] == {"k": text}
    assert yaml.safe_load(doc) == {"k": text}  # a YAML 1.1 reader agrees


def test_values_are_quoted_only_where_a_reader_could_misread_them() -> None:
    assert scalar("no") == '"no"' and scalar("0512") == '"0512"'
    assert scalar("1_000") == '"1_000"' and scalar("true") == '"true"'
    assert scalar("2026-09-01") == "2026-09-01"  # a date stays as reps type it
    assert scalar("苏州恒达") == "苏州恒达" and scalar("a, b") == "a, b"
    assert scalar("a, b", flow=True) == '"a, b"'
    assert scalar(30) == "30" and scalar(True) == "true" and scalar(None) == "null"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))), st.booleans())
def test_any_text_round_trips_through_the_strict_reader(text: str, flow: bool) -> None:
    written = scalar(text, flow=flow)
    doc = f"{{k: {written}}}" if flow else f"k: {written}"
    assert yamlsafe.load(doc)[0] == {"k": text}


def edited(text: str, *ops: tuple) -> str:
    """Apply ``(method, *args)`` edits with the proof, as the helpers do."""
    doc = LeadDocument.read(MemorySource({"leads/x.yaml": text.encode("utf-8")}), "leads/x.yaml")
    edit = LeadEdit(doc)
    for name, *args in ops:
        getattr(edit, name)(*args)
    return edit.result().decode("utf-8")


ENTRY = {"kind": "other", "date": "2026-10-01", "note": "n"}


@pytest.mark.parametrize("before, after", [
    ("evidence:\nowner: a\n", "evidence:\n  - {kind: other, date: 2026-10-01, note: n}\nowner: a\n"),
    ("evidence: ~  # none yet\nowner: a\n",
     "evidence:  # none yet\n  - {kind: other, date: 2026-10-01, note: n}\nowner: a\n"),
    ("evidence: []\n", "evidence:\n  - {kind: other, date: 2026-10-01, note: n}\n"),
    ("evidence: [{kind: x, date: 2026-09-01}]  # c\n",
     "evidence: [{kind: x, date: 2026-09-01}, {kind: other, date: 2026-10-01, note: n}]  # c\n"),
    ("evidence: [\n  {kind: x, date: 2026-09-01},\n]\n",
     "evidence: [\n  {kind: x, date: 2026-09-01}, {kind: other, date: 2026-10-01, note: n},\n]\n"),
    ("evidence:\n- {kind: x}   # c\n# after\nx-a: 1\n",
     "evidence:\n- {kind: x}   # c\n- {kind: other, date: 2026-10-01, note: n}\n# after\nx-a: 1\n"),
    ("evidence:\n    -   kind: x\n        date: 2026-09-01\nx-a: 1",
     ("evidence:\n    -   kind: x\n        date: 2026-09-01\n    -   kind: other\n"
     "        date: 2026-10-01\n        note: n\nx-a: 1")),
    ("title: t\r\nteam:\r\n- a\r\n", ("title: t\r\nteam:\r\n- a\r\nevidence:\r\n"
     "- {kind: other, date: 2026-10-01, note: n}\r\n")),
    ("# head\ntitle: t\nneed: |\n  text\n\n  more\n\nsource: s\n",
     ("# head\ntitle: t\nneed: |\n  text\n\n  more\n\nsource: s\nevidence:\n"
     "  - {kind: other, date: 2026-10-01, note: n}\n")),
])
def test_append_follows_the_style_around_it(before: str, after: str) -> None:
    assert edited(before, ("append", "evidence", ENTRY)) == after


def test_set_replaces_only_the_value() -> None:
    text = "owner: 'lisi'   # who\nstage: |\n  lead\ndeadline:\n"
    assert edited(text, ("set", "owner", "zhangsan"), ("set", "stage", "won"),
                  ("set", "deadline", "2026-12-31")) == \
        "owner: zhangsan   # who\nstage: won\ndeadline: 2026-12-31\n"
    assert edited("stage: lead\nx-a: 1\n", ("set", "closed", {"date": "2026-12-20",
                                                               "reason": "a, b"})) == \
        'stage: lead\nclosed: {date: 2026-12-20, reason: "a, b"}\nx-a: 1\n'
    block = "closed:\n  date: 2026-01-01  # old\n  reason: r\nx-a: 1\n"
    assert edited(block, ("set", "closed", {"date": "2026-12-20", "reason": "r"})) == \
        "closed: {date: 2026-12-20, reason: r}\n  # old\nx-a: 1\n"


@pytest.mark.parametrize("before, index, after", [
    ("a: [{rep: x}, {rep: y}, {rep: z}]\n", 0, "a: [{rep: y}, {rep: z}]\n"),
    ("a: [{rep: x}, {rep: y}, {rep: z}]\n", 1, "a: [{rep: x}, {rep: z}]\n"),
    ("a: [{rep: x}, {rep: y}, {rep: z}]\n", 2, "a: [{rep: x}, {rep: y}]\n"),
    ("a: [{rep: x}]\n", 0, "a: []\n"),
    ("a:\n  - {rep: x}  # gone\n  - rep: y\n    share: 1\nb: 1\n", 1,
     "a:\n  - {rep: x}  # gone\nb: 1\n"),
    ("a:\n  - {rep: x}  # kept as a line\n  - rep: y\nb: 1\n", 0,
     "a:\n  # kept as a line\n  - rep: y\nb: 1\n"),
    ("a:  # who\n  - {rep: x}\nb: 1\n", 0, "a: []\n  # who\nb: 1\n"),
])
def test_remove_drops_the_entry_but_not_its_comments(before: str, index: int, after: str
                                                     ) -> None:
    assert edited(before, ("remove", "a", index)) == after


def test_set_field_in_flow_and_block_entries() -> None:
    text = "a:\n  - {rep: x, share: 1}\n  - rep: y\n    since: 2026-01-01\n"
    assert edited(text, ("set_field", "a", 0, "share", 20), ("set_field", "a", 1, "share", 5),
                  ("set_field", "a", 0, "x-note", "no")) == (
        'a:\n  - {rep: x, share: 20, x-note: "no"}\n  - rep: y\n    since: 2026-01-01\n'
        "    share: 5\n")


def test_a_bom_and_a_missing_final_newline_survive() -> None:
    raw = "\ufefftitle: t\nowner: a".encode()
    doc = LeadDocument.read(MemorySource({"x.yaml": raw}), "x.yaml")
    edit = LeadEdit(doc)
    edit.append("evidence", ENTRY)
    assert edit.result() == "\ufefftitle: t\nowner: a\nevidence:\n  - {kind: other, date: " \
                            "2026-10-01, note: n}\n".encode()


def test_files_the_helpers_cannot_edit_safely_are_refused() -> None:
    with pytest.raises(EditError, match="fmt"):
        LeadText("{title: t, owner: a}\n")
    with pytest.raises(EditError, match="not a list"):
        edited("evidence: some text\n", ("append", "evidence", ENTRY))


def test_the_proof_catches_a_changed_type_a_changed_value_and_a_lost_comment() -> None:
    with pytest.raises(EditError, match="x-a"):
        prove("x-a: true\n", "x-a: 1\n", {"x-a": True})
    with pytest.raises(EditError, match="owner"):
        prove("owner: a\n", "owner: b\n", {"owner": "a"})
    with pytest.raises(EditError, match="# keep"):
        prove("owner: a  # keep\n", "owner: a\n", {"owner": "a"})
    prove("owner: a  # keep\n", "# keep\nowner: a\n", {"owner": "a"})
    with pytest.raises(EditError):  # '#' inside a value is not a comment
        prove("owner: 'a # b'  # c\n", "owner: 'a # b'\n", {"owner": "a # b"})


def test_ids_are_short_readable_and_unused() -> None:
    assert list(itertools.islice(candidates("苏州恒达汽车零部件有限公司"), 4)) == [
        "hengda", "hengda-suzhou", "hengda-auto-parts", "hengda-2"]
    assert next(candidates("重庆长安汽车股份有限公司")) == "changan"  # phrase reading, not zhang'an
    assert next(candidates("Kessler Präzisionstechnik (Taicang) Co., Ltd.")) == "kessler"
    assert suggest_id("苏州恒达汽车零部件有限公司", {"hengda", "hengda-suzhou"}) == "hengda-auto-parts"
    assert suggest_id("!!!", set()) == "lead"
    assert suggest_id("x" * 200, set()) == "x" * 63


def _lead(path: str, owner: str) -> Lead:
    return Lead(path.rsplit("/", 1)[-1][:-5], path, {"owner": owner})


def test_folder_choice() -> None:
    flat = ["leads/a.yaml", "leads/b.yaml"]
    assert choose_folder("苏州恒达", "zhangsan", flat, []) == "leads"
    nested = ["leads/jiangsu/a.yaml", "leads/east/b.yaml", "leads/c.yaml"]
    leads = [_lead(p, "lisi") for p in nested[1:]]
    assert choose_folder("苏州恒达汽车零部件有限公司", "zhangsan", nested, leads) == "leads/jiangsu"
    assert choose_folder("Acme Inc", "lisi", nested, leads) in ("leads", "leads/east")
    assert choose_folder("Acme Inc", "wang", nested, leads) == "leads"
    batches = ["leads/jiangsu/batch-1/a.yaml", "leads/zhejiang/suzhou/b.yaml"]
    assert choose_folder("苏州恒达汽车零部件有限公司", "y", batches, []) == "leads/zhejiang/suzhou"
    assert choose_folder("江苏恒达汽车零部件有限公司", "y", batches, []) == "leads/jiangsu"
    assert choose_folder("x", "y", nested, leads, "leads/new/sub") == "leads/new/sub"
    assert choose_folder("x", "y", nested, leads, "east") == "leads/east"
    for bad in ("../out", "/etc", "a/../../b", ".hidden"):
        with pytest.raises(EditError):
            choose_folder("x", "y", nested, leads, bad)


def test_a_file_saved_meanwhile_is_not_overwritten(registry) -> None:  # type: ignore[no-untyped-def]
    from leadreg.edit.outcome import open_lead, save
    from leadreg.settings import load_settings

    path = registry.lead("hengda")
    settings = load_settings(registry.root)
    edit = open_lead(settings, "hengda")
    edit.append("evidence", ENTRY)
    path.write_text(path.read_text(encoding="utf-8") + "# the rep's own edit\n", encoding="utf-8")
    with pytest.raises(EditError, match="changed while"):
        save(settings, edit, "x")
    assert path.read_text(encoding="utf-8").endswith("# the rep's own edit\n")
