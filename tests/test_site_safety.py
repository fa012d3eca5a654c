"""Nothing private leaves the registry, and nothing in a lead can run in a browser."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser.registries import TODAY, build_registry, write_hostile, write_small
from tests.conftest import Registry

TEXT_SUFFIXES = {".html", ".json", ".csv", ".ics", ".js", ".css", ".svg"}
SAFE_URL = re.compile(r"(https?://|mailto:|\.\./|#[a-z-]+$|[a-z0-9._/-]+(\?|#|$))", re.IGNORECASE)


def outputs(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_bytes().decode("utf-8-sig")
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix in TEXT_SUFFIXES}


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_private_fields_appear_in_no_output_file(registry: Registry, tmp_path: Path) -> None:
    write_small(registry)
    text = (registry.root / "registry.yaml").read_text(encoding="utf-8")
    registry.write("registry.yaml", text.replace(
        "private: [customer.contacts, customer.credit_code]",
        "private: [customer.contacts, customer.credit_code, customer.aliases, need, activities.note]"))
    out = tmp_path / "site"
    result = registry.run("build", "--out", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    files = outputs(out)
    assert len(files) > 20
    secrets = ["138 0000 0000", "wang@hengda-auto.example", "王工", "采购经理",
               "91320594MA1W3XY5KK", "恒达汽配", "Hengda Auto Parts", "hengdaautoparts",
               "车身冲压件", "痛点是交期不稳"]
    for name, content in files.items():
        for secret in secrets:
            assert secret not in content, f"{secret!r} leaked into {name}"
    lead = files["leads/hengda-suzhou/index.html"]
    assert "采购部" in lead  # the activity itself stays; only its note is private
    header = files["leads.csv"].splitlines()[0].split(",")
    assert "aliases" not in header and "customer" in header


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_registry(tmp_path_factory.mktemp("hostile"), write_hostile)


def test_hostile_text_is_never_markup(hostile_site: Path) -> None:
    pages = {k: v for k, v in outputs(hostile_site).items() if k.endswith(".html")}
    assert "leads/hostile-one/index.html" in pages
    for name, html in pages.items():
        parser = Elements()
        parser.feed(html)
        tags = [tag for tag, _ in parser.tags]
        assert tags.count("body") == 1 and tags.count("html") == 1, name
        for tag, attrs in parser.tags:
            assert tag not in ("iframe", "img", "object", "embed", "style", "base", "form"
                               ) or (tag == "form" and attrs.get("id") in ("search", "filters")), (
                name, tag)
            for attr, value in attrs.items():
                assert not attr.startswith("on"), (name, tag, attr)
                if attr in ("href", "src", "action", "formaction", "xlink:href"):
                    assert value is not None and SAFE_URL.match(value.strip()), (name, attr, value)
            if tag == "script":
                assert re.fullmatch(r"(\.\./)*static/(board|search)\.js", attrs.get("src") or ""), name


def test_hostile_values_are_shown_as_text(hostile_site: Path) -> None:
    page = (hostile_site / "leads/hostile-one/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=&#39;title&#39;&lt;/script&gt;{{ 7*7 }}" in page
    assert "&#34;&gt;&lt;svg onload=window.__pwned=&#39;name&#39;&gt;" in page
    # a javascript: website is printed, never linked; markdown links lose such targets
    assert "<dd>javascript:window.__pwned=&#39;website&#39;</dd>" in page
    assert "click me" in page and '<a href="javascript' not in page.lower()
    # the repo_url's quote cannot close the edit link's attribute
    assert 'href="https://forge.example/acme/leads&#34;&gt;&lt;script&gt;' in page
    board = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "<title>Lead board · &lt;script&gt;window.__pwned=&#39;registry&#39;&lt;/script&gt;" in board


def test_hostile_exports_stay_data(hostile_site: Path) -> None:
    csv_text = (hostile_site / "leads.csv").read_text(encoding="utf-8-sig")
    assert """'=HYPERLINK(""https://evil.example"",""x"")""" in csv_text  # defused formula
    ics = (hostile_site / "calendar.ics").read_text(encoding="utf-8")
    assert ics.count("BEGIN:VEVENT") == 2
