"""The built site in a real browser (Debian's Chromium via Playwright)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.harness import chromium, require_chromium, serve
from tests.browser.registries import TODAY, build_registry, write_hostile, write_many
from tests.conftest import run_leadreg

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository's own sample registry, built and served."""
    out = tmp_path_factory.mktemp("sample") / "site"
    result = run_leadreg("build", "--root", str(REPO), "--out", str(out), "--today", TODAY,
                         cwd=out.parent)
    assert result.returncode == 0, result.stderr
    with serve(out) as url:
        yield url


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    out = build_registry(tmp_path_factory.mktemp("hostile"), write_hostile)
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    with serve(out) as url:
        yield url, pages


def open_page(browser: Any, url: str, **context: Any) -> tuple[Any, list[str]]:
    """A fresh page that records console errors and uncaught exceptions."""
    page = browser.new_context(**context).new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"requestfailed: {r.url}"))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, problems


def visible_cards(page: Any) -> list[str]:
    return page.eval_on_selector_all(".board .card:not([hidden])", "els => els.map(e => e.dataset.owner)")


def test_board_loads_without_console_errors(browser: Any, sample_url: str) -> None:
    page, problems = open_page(browser, sample_url + "index.html")
    assert page.locator("#filters").is_visible() and page.locator("#search").is_visible()
    assert len(visible_cards(page)) >= 10
    for other in ("stats/index.html", "expired/index.html", "reps/index.html",
                  "leads/hengda-suzhou/index.html"):
        page.goto(sample_url + other)
        page.wait_for_load_state("networkidle")
    assert problems == []


def test_owner_filter_narrows_the_cards(browser: Any, sample_url: str) -> None:
    page, problems = open_page(browser, sample_url + "index.html")
    before = visible_cards(page)
    page.select_option("#f-owner", "zhangsan")
    after = visible_cards(page)
    assert 0 < len(after) < len(before)
    assert set(after) == {"zhangsan"}
    assert "owner=zhangsan" in page.url  # the filtered board can be shared as a link
    page.click("#filters button[type=reset]")
    page.wait_for_function("n => document.querySelectorAll('.board .card:not([hidden])').length == n",
                           arg=len(before))
    assert problems == []


@pytest.mark.parametrize("query", [
    "恒達汽車零部件",                 # traditional characters, no legal form
    "苏州恒达汽车零部件有限公司",      # the full legal name
    "恒达汽配",                       # a Chinese alias
    "ＨＥＮＧＤＡ Auto Parts Co., Ltd.",  # full-width, English name with a legal form
])
def test_search_finds_a_lead_by_a_name_variant(browser: Any, sample_url: str, query: str) -> None:
    page, problems = open_page(browser, sample_url + "index.html")
    page.fill("#q", query)
    page.press("#q", "Enter")
    first = page.locator("#search-results li a").first
    first.wait_for(timeout=5000)
    assert first.inner_text() == "苏州恒达汽车零部件有限公司"
    assert first.get_attribute("href").endswith("leads/hengda-suzhou/index.html")
    # a brand in another city is another customer: 无锡恒达 does not outrank it
    names = page.locator("#search-results li a").all_inner_texts()
    assert names[0] != "无锡恒达汽车部件有限公司"
    first.click()
    page.wait_for_url("**/leads/hengda-suzhou/index.html")
    assert problems == []


def test_search_says_when_nothing_matches(browser: Any, sample_url: str) -> None:
    page, problems = open_page(browser, sample_url + "index.html")
    page.fill("#q", "不存在的客户名称")
    page.press("#q", "Enter")
    page.wait_for_function("() => { const s = document.getElementById('search-status').textContent;"
                           " return s.length > 0 && !s.includes('…'); }")
    assert page.locator("#search-results li").count() == 0
    assert problems == []


def test_lead_page_shows_its_timeline(browser: Any, sample_url: str) -> None:
    page, problems = open_page(browser, sample_url + "leads/hengda-suzhou/index.html")
    events = page.locator("ol.timeline > li")
    assert events.count() >= 6
    kinds = page.locator("ol.timeline .kind").all_inner_texts()
    assert {"备案", "拜访", "转化证据", "延期", "更换负责人"} <= set(kinds)
    assert page.locator(".markdown strong").count() >= 1  # the need, rendered from Markdown
    assert problems == []


def test_hostile_registry_runs_no_script(browser: Any, hostile_site: tuple[str, list[str]]) -> None:
    url, pages = hostile_site
    # CSP bypassed: escaping alone must hold; the trap records anything that runs.
    context = browser.new_context(bypass_csp=True)
    context.add_init_script("window.__pwned = undefined;")
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    assert "leads/hostile-one/index.html" in pages
    for rel in pages:
        page.goto(url + rel)
        page.wait_for_load_state("networkidle")
        for link in page.locator("main a").all()[:40]:
            link.hover()
        assert page.evaluate("window.__pwned") is None, rel
    page.goto(url + "index.html")
    for query in ("svg onload", "window.__pwned", "<img src=x onerror"):
        page.fill("#q", query)
        page.press("#q", "Enter")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
    assert page.locator("#search-results li").count() >= 1  # results were rendered, as text
    assert dialogs == []


def test_board_screenshot(browser: Any, sample_url: str, tmp_path: Path) -> None:
    """Renders the README's picture; LEADREG_UPDATE_SCREENSHOT=1 writes docs/board.png."""
    page, problems = open_page(browser, sample_url + "index.html",
                               viewport={"width": 1360, "height": 900})
    shot = tmp_path / "board.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 20_000 and problems == []
    phone, _ = open_page(browser, sample_url + "index.html", viewport={"width": 390, "height": 844})
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # the phone layout does not scroll sideways
    if os.environ.get("LEADREG_UPDATE_SCREENSHOT"):
        shutil.copyfile(shot, REPO / "docs" / "board.png")
        phone.screenshot(path=str(REPO / "docs" / "board-phone.png"), full_page=False)


@pytest.fixture(scope="module")
def many_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """700 leads: the search index spreads over several shards."""
    names: list[str] = []
    out = build_registry(tmp_path_factory.mktemp("many"),
                         lambda registry: names.extend(write_many(registry, 700)))
    with serve(out) as url:
        yield url, names


def test_search_across_shards_finds_each_name(browser: Any, many_url: tuple[str, list[str]]) -> None:
    import opencc

    url, names = many_url
    page, problems = open_page(browser, url + "index.html")
    to_traditional = opencc.OpenCC("s2t")
    for i in (0, 1, 137, 350, 699):
        name = names[i]
        # traditional script, without the city and the legal form
        query = to_traditional.convert(name[2:].removesuffix("有限公司"))
        page.fill("#q", query)
        page.press("#q", "Enter")
        page.wait_for_function("n => { const a = document.querySelector('#search-results li a');"
                               " return a && a.textContent === n; }", arg=name, timeout=5000)
        href = page.locator("#search-results li a").first.get_attribute("href")
        assert href.endswith(f"leads/lead-{i:05d}/index.html")
    assert problems == []
