"""The need's Markdown: what a rep writes renders as they expect, and nothing runs."""

from __future__ import annotations

from leadreg.sitebuild.markdown import render_markdown


def test_lists_emphasis_and_chinese_punctuation() -> None:
    html = render_markdown("客户需要稳定的供货与**更短的交期**。\n- 年用量约 300 万件\n")
    assert html == ("<p>客户需要稳定的供货与<strong>更短的交期</strong>。</p>\n"
                    "<ul>\n<li>年用量约 300 万件</li>\n</ul>\n")


def test_single_tilde_is_a_range_not_a_strikethrough() -> None:
    html = render_markdown("约 3~5 万件，交期 7~10 天；~~旧报价~~")
    assert html == "<p>约 3~5 万件，交期 7~10 天；<s>旧报价</s></p>\n"


def test_headings_sit_below_the_page_headings() -> None:
    html = render_markdown("# 背景\n\n## 需求\n\n##### 细节\n\n    <h1>代码</h1>\n")
    assert "<h3>背景</h3>" in html and "<h4>需求</h4>" in html and "<h6>细节</h6>" in html
    assert "<h1>" not in html and "<h2>" not in html
    assert "&lt;h1&gt;代码&lt;/h1&gt;" in html  # code stays text, not demoted


def test_tables_and_ordered_lists_keep_their_layout() -> None:
    html = render_markdown("| 料号 | 年量 |\n|:--|--:|\n| A1 | 3 万 |\n\n3. 打样\n4. 报价\n")
    assert "<th>料号</th>" in html and "<td>3 万</td>" in html
    assert '<ol start="3">' in html


def test_raw_html_is_shown_as_text_and_script_links_are_not_links() -> None:
    html = render_markdown('<script>alert(1)</script>\n\n[点我](javascript:alert(1)) '
                           '<img src=x onerror="alert(2)"> [官网](https://example.com) a<b')
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # what the rep wrote, as text
    assert '<a href="https://example.com" rel="noopener noreferrer nofollow ugc">官网</a>' in html
    assert "a&lt;b" in html and "点我" in html


def test_blank_need_renders_nothing() -> None:
    assert render_markdown("  \n") == ""
