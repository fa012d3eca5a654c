"""Registries the site tests build: a small realistic one and a hostile one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from leadreg.rules._examples import REGISTRY

from tests.conftest import Registry

TODAY = "2026-12-03"

# Every attack reaches the page through a different field; each one, if it ran,
# would set window.__pwned (the browser test) or leave raw markup (the static test).
HOSTILE_REGISTRY = """\
name: "<script>window.__pwned='registry'</script>"
language: en
timezone: Asia/Shanghai
repo_url: "https://forge.example/acme/leads\\"><script>window.__pwned='repo'</script>"
reps:
  - {id: zhangsan, name: "<img src=x onerror=window.__pwned='rep'>", github: zs}
  - {id: lisi, name: "\\"><svg onload=window.__pwned='rep2'>", github: ls}
  - {id: wangjl, name: 王建林, github: wangjl, manager: true}
units: [engineering, quality]
sources: [exhibition, referral]
publish:
  private: [customer.contacts, customer.credit_code]
"""

HOSTILE_LEADS = {
    "hostile-one": """
title: "<script>window.__pwned='title'</script>{{ 7*7 }}"
customer:
  name: "\\"><svg onload=window.__pwned='name'>"
  aliases: ["<img src=x onerror=window.__pwned='alias'>", "javascript:window.__pwned='alias2'"]
  website: "javascript:window.__pwned='website'"
  region: "</dd><script>window.__pwned='region'</script>"
need: |
  <script>window.__pwned='need'</script>
  [click me](javascript:window.__pwned='mdlink') and <a href="javascript:window.__pwned='a'">x</a>
  <img src=x onerror="window.__pwned='img'"> ![pic](javascript:window.__pwned='mdimg')
  [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
source: exhibition
owner: zhangsan
assistants:
  - {rep: lisi, share: 20}
team: [engineering]
stage: opportunity
registered: 2026-10-01
deadline: 2026-12-10
evidence:
  - {kind: other, date: 2026-11-01, note: "<body onload=window.__pwned='evidence'>"}
activities:
  - {date: 2026-10-05, by: zhangsan, with: "<iframe src=\\"javascript:window.__pwned='with'\\">", note: "</li><script>window.__pwned='note'</script>"}
x-crm: "<script>window.__pwned='x'</script>"
""",
    "hostile-two": """
title: "'\\" onmouseover=window.__pwned='attr' x='"
customer:
  name: "vbscript:msgbox <style>body{display:none}</style>"
  website: " JaVaScRiPt:window.__pwned='website2'"
  industry: "=HYPERLINK(\\"https://evil.example\\",\\"x\\")"
source: referral
owner: lisi
team: [quality]
stage: lead
registered: 2026-10-01
deadline: 2026-11-20
""",
}

SMALL_LEADS = {
    "hengda-suzhou": """
title: 冲压件配套项目
customer:
  name: 苏州恒达汽车零部件有限公司
  credit_code: 91320594MA1W3XY5KK
  aliases: [恒达汽配, Hengda Auto Parts]
  website: www.hengda-auto.example
  contacts:
    - {name: 王工, role: 采购经理, phone: "+86 138 0000 0000", email: wang@hengda-auto.example}
need: |
  客户需要**车身冲压件**：

  - 年需求约 120 万件
source: exhibition
owner: zhangsan
assistants:
  - {rep: lisi, share: 30, since: 2026-11-02}
team: [engineering, quality]
stage: opportunity
registered: 2026-08-05
deadline: 2026-12-10
extensions:
  - {date: 2026-11-02, until: 2026-12-10, approved_by: wangjl, reason: 客户预算推迟}
evidence:
  - {kind: sample_request, date: 2026-09-04, note: 客户要求打样 3 件}
activities:
  - {date: 2026-08-12, by: lisi, with: 采购部, units: [logistics], note: 痛点是交期不稳}
history:
  - {date: 2026-11-02, from: lisi, to: zhangsan, reason: 超期未转化，重新分配}
""",
    "kessler-taicang": """
title: Hydraulic manifold blocks
customer:
  name: Kessler Präzisionstechnik (Taicang) Co., Ltd.
  aliases: [Kessler Taicang]
source: referral
owner: lisi
team: [engineering]
stage: lead
registered: 2026-09-01
deadline: 2026-11-20
""",
    "yineng-battery": """
title: 电池托盘
customer:
  name: 上海翼能电池科技有限公司
source: inbound
owner: zhangsan
team: [finance]
stage: lead
registered: 2026-11-01
deadline: 2027-02-01
""",
    "huali-old": """
title: 齿轮箱壳体
customer:
  name: 常州华力传动机械有限公司
source: cold_call
owner: lisi
team: [engineering]
stage: won
registered: 2025-03-01
deadline: 2025-09-01
evidence:
  - {kind: quote_request, date: 2025-04-11}
closed: {date: 2025-08-20, reason: 已签年度合同}
""",
    "ouxin-valve": """
title: 阀门铸件
customer:
  name: 温州欧信阀门有限公司
source: exhibition
owner: zhangsan
team: [quality]
stage: lost
registered: 2026-01-10
deadline: 2026-04-10
closed: {date: 2026-04-01, reason: 价格没有竞争力}
""",
}


def build_registry(tmp: Path, fill: Callable[[Registry], object]) -> Path:
    """A registry in ``tmp`` (the example registry.yaml, then ``fill``), built into ``tmp/site``."""
    registry = Registry(tmp / "registry")
    registry.write("registry.yaml", REGISTRY)
    fill(registry)
    out = tmp / "site"
    result = registry.run("build", "--out", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    return out


def write_small(registry: Registry) -> None:
    for lead_id, text in SMALL_LEADS.items():
        registry.lead(lead_id, text)


def write_hostile(registry: Registry) -> None:
    registry.write("registry.yaml", HOSTILE_REGISTRY)
    for lead_id, text in HOSTILE_LEADS.items():
        registry.lead(lead_id, text)


BRANDS = "恒达华盛嘉诚瑞丰宏图鑫源博远创新联合金泰永昌中天海川信达东方新宇天成佳和润泽鼎盛明辉远航星辰"
TRADES = ("汽车零部件", "精密机械", "电子科技", "化工材料", "纺织印染", "医疗器械", "智能装备")
CITIES = ("苏州", "无锡", "常州", "杭州", "宁波", "合肥", "东莞", "上海")


def synthetic_name(i: int) -> str:
    """A distinct invented company name for lead number ``i``."""
    n = len(BRANDS)
    a, b, c = BRANDS[i % n], BRANDS[(i // n) % n], BRANDS[(i * 7 + 3) % n]
    return f"{CITIES[i % 8]}{a}{b}{c}{TRADES[i % 7]}有限公司"


def write_many(registry: Registry, count: int) -> list[str]:
    """``count`` small active leads written directly (fast); returns their names."""
    names = []
    for i in range(count):
        name = synthetic_name(i)
        names.append(name)
        registry.write(f"leads/bulk/lead-{i:05d}.yaml", (
            f"title: 配套项目 {i}\ncustomer:\n  name: {name}\n"
            f"source: exhibition\nowner: {'zhangsan' if i % 3 else 'lisi'}\nteam: [engineering]\n"
            f"stage: lead\nregistered: 2026-10-01\ndeadline: 2027-0{1 + i % 9}-15\n"))
    return names
