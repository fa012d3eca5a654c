"""Generate a synthetic registry of N valid, distinct leads for benchmarks.

    python bench/generate.py OUT_DIR N [--seed S]

Customers get invented Chinese or English names that do not collide, so the
registry passes ``leadreg check``; files are spread over province folders as a
real registry would be.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from leadreg.identity.credit_code import ALPHABET, check_digit  # noqa: E402

REGISTRY = """\
name: 基准测试销售线索
language: zh-CN
timezone: Asia/Shanghai
rules: {deadline_days: 90, max_extensions: 2, warn_days: 14, similarity: 0.90}
reps:
%s
  - {id: boss1, name: 王经理, github: boss1, manager: true}
  - {id: boss2, name: 李经理, github: boss2, manager: true}
units: [engineering, quality, logistics, finance]
sources: [exhibition, referral, inbound, cold_call, partner, tender]
publish:
  private: [customer.contacts, customer.credit_code]
"""

HANZI = ("恒达华盛嘉诚瑞丰宏图鑫源博远创新联合金泰永昌中天海川信达东方新宇天成佳和润泽"
         "鼎盛明辉远航星辰宝丰华泰广源盛世德隆正大凯旋荣达腾飞世纪兴业长青富康锦程"
         "立讯汇川伟业万通安泰天润卓越精工昊天祥瑞通达顺发百川裕隆汇丰弘毅亚太环球")
CITIES = ["苏州", "无锡", "常州", "南京", "杭州", "宁波", "嘉兴", "上海", "合肥", "芜湖",
          "深圳", "东莞", "佛山", "广州", "绍兴", "温州", "南通", "扬州", "昆山", "青岛"]
TRADES = ["汽车零部件", "精密机械", "电子科技", "新材料", "化工", "医疗器械", "纺织",
          "智能装备", "电气", "光电", "塑胶制品", "五金制品", "包装材料", "环保科技"]
FORMS = ["有限公司", "股份有限公司", "有限责任公司"]
EN_WORDS = ["Apex", "Vertex", "Nordic", "Summit", "Orbit", "Falcon", "Quantum", "Harbor",
            "Pioneer", "Crescent", "Atlas", "Cobalt", "Meridian", "Sterling", "Zenith"]
EN_TRADES = ["Precision", "Automotive", "Electronics", "Materials", "Medical", "Robotics"]
DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
STAGES = ["lead"] * 6 + ["opportunity"] * 3 + ["won", "lost", "closed"]
KINDS = ["sample_request", "quote_request", "supplier_pool", "other"]
PROVINCES = ["jiangsu", "zhejiang", "shanghai", "anhui", "guangdong", "shandong"]


def credit_code(rng: random.Random) -> str:
    body = "91" + "".join(rng.choice("0123456789") for _ in range(6)) + "".join(
        rng.choice(ALPHABET) for _ in range(9))
    return body + check_digit(body)


def customer_name(rng: random.Random, i: int) -> tuple[str, str]:
    if i % 10 == 9:
        a, b = rng.sample(EN_WORDS, 2)
        # digits as words: two numbers one digit apart (449, 4749) would be names one
        # letter apart, a possible-duplicate; spelled out they are several letters apart
        tag = "".join(DIGIT_WORDS[int(d)] for d in str(i)).capitalize()
        return f"{a} {b} {rng.choice(EN_TRADES)} {tag} Co., Ltd.", f"{a} {b} {tag}"
    brand = "".join(rng.sample(HANZI, 3))
    # the running number, spelled out, keeps every brand distinct
    tag = "".join(HANZI[int(d) * 7 + k] for k, d in enumerate(str(i)))
    city = rng.choice(CITIES)
    name = f"{city}{brand}{tag}{rng.choice(TRADES)}{rng.choice(FORMS)}"
    return name, f"{brand}{tag}"


def lead_text(rng: random.Random, i: int, reps: list[str], today: dt.date) -> str:
    name, alias = customer_name(rng, i)
    stage = rng.choice(STAGES)
    registered = today - dt.timedelta(days=rng.randint(10, 400))
    deadline = registered + dt.timedelta(days=90)
    owner = rng.choice(reps)
    lines = [
        "# yaml-language-server: $schema=../../../schema/lead.schema.json",
        f"title: {rng.choice(TRADES)}配套项目 {i}",
        "customer:",
        f"  name: {name}",
        f"  credit_code: \"{credit_code(rng)}\"",  # 9135…E99… would read as a float
        f"  aliases: [{alias}]",
        f"  website: https://www.c{i}.example",
        f"  region: {rng.choice(CITIES)}",
        "  contacts:",
        f"    - {{name: 王工{i % 100}, role: 采购经理, phone: \"+86 138 {i % 10000:04d} 0000\"}}",
        "need: |",
        "  客户需要稳定的供货与**更短的交期**。",
        f"  - 年用量约 {rng.randint(1, 900)} 万件",
        f"source: {rng.choice(['exhibition', 'referral', 'inbound', 'cold_call', 'partner'])}",
        f"owner: {owner}",
        "team: [engineering, quality]",
        f"stage: {stage}",
        f"registered: {registered}",
    ]
    extensions = []
    if rng.random() < 0.2:
        until = deadline + dt.timedelta(days=60)
        extensions.append(f"  - {{date: {deadline}, until: {until}, approved_by: boss1, "
                          "reason: 客户预算推迟}")
        deadline = until
    lines.append(f"deadline: {deadline}")
    if extensions:
        lines += ["extensions:", *extensions]
    if stage in ("opportunity", "won"):
        lines += ["evidence:", f"  - {{kind: {rng.choice(KINDS)}, date: {registered + dt.timedelta(days=20)}, note: 客户要求打样}}"]
    lines += ["activities:",
              f"  - {{date: {registered + dt.timedelta(days=5)}, by: {owner}, with: 采购部, "
              "units: [engineering], note: 首次拜访，痛点是交期不稳}"]
    if stage in ("won", "lost", "closed"):
        lines.append(f"closed: {{date: {registered + dt.timedelta(days=60)}, reason: 项目结束}}")
    return "\n".join(lines) + "\n"


def generate(out: Path, n: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    today = dt.date(2026, 12, 3)
    if out.exists():
        shutil.rmtree(out)
    reps = [f"rep{i:03d}" for i in range(200)]
    rep_lines = "\n".join(f"  - {{id: {r}, name: 销售{r[3:]}, github: gh-{r}}}" for r in reps)
    (out / "leads").mkdir(parents=True)
    (out / "registry.yaml").write_text(REGISTRY % rep_lines, encoding="utf-8")
    for i in range(n):
        folder = out / "leads" / PROVINCES[i % len(PROVINCES)] / f"batch-{i // 1000:03d}"
        if i % 1000 == 0 or not folder.exists():
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"lead-{i:06d}.yaml").write_text(lead_text(rng, i, reps, today), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.n, args.seed)
    print(f"wrote {args.n} leads to {args.out}")


if __name__ == "__main__":
    main()
