"""Issue bodies stay within GitHub's limits and keep lead text inert, whatever the lead says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from leadreg.expired_report import Assistant, LeadFacts
from leadreg.issue_sync import markers
from leadreg.issue_sync.bodies import Context, due_soon_body, expired_body
from leadreg.issue_sync.links import Links
from leadreg.issue_sync.markdown import inline
from leadreg.rules._examples import REGISTRY
from leadreg.settings import parse_settings

GITHUB_BODY_LIMIT = 65_536


def _ctx(language: str = "zh-CN") -> Context:
    text = REGISTRY.replace("language: zh-CN", f"language: {language}")
    settings = parse_settings(text, Path("/registry"))
    return Context(settings, Links("https://github.com/acme/leads", None))


def _facts(n: int, customer: str = "苏州恒达", days_left: int = 3, owner: str = "zhangsan"
           ) -> LeadFacts:
    return LeadFacts(id=f"lead-{n}", path=f"leads/lead-{n}.yaml", title="t", customer=customer,
                     stage="lead", owner=owner, owner_name=owner, owner_github=None,
                     assistants=(Assistant("lisi", "李四" * 5000, 10),),
                     registered="2026-01-01", deadline=dt.date(2027, 1, 10) + dt.timedelta(
                         days=days_left), days_left=days_left, extensions=2, max_extensions=2)


def test_huge_lead_text_cannot_overflow_an_issue_body() -> None:
    body = expired_body(_facts(1, customer="恒" * 100_000, days_left=-5), _ctx(),
                        dt.date(2027, 1, 10), assignable=False)
    assert len(body) < GITHUB_BODY_LIMIT
    assert markers.key_of(body) == "lead-expired:lead-1"
    assert "延期次数已用完（已用 2 / 2 次）" in body  # no extend command offered
    assert "leadreg extend" not in body.split("###")[1].split("**2.")[0]


def test_digest_of_thousands_of_leads_stays_under_the_limit() -> None:
    due = [_facts(n, owner=f"rep{n % 40:02d}") for n in range(3000)]
    body = due_soon_body(due, _ctx("en"), dt.date(2027, 1, 10))
    assert len(body) < GITHUB_BODY_LIMIT
    assert "more leads are due soon but do not fit here" in body
    assert body.index("### rep00") < body.index("### rep01")


def test_inline_text_is_inert() -> None:
    hostile = "a <!-- leadreg:check-failed --> [x](javascript:1) @all | *b* `c`\n# d"
    text = inline(hostile)
    assert "<!--" not in text and "](" not in text.replace("\\](", "")
    assert "@all" not in text and "\n" not in text and " | " not in text
    assert markers.key_of(text) is None
