"""Benchmark the dedup stage: the three customer-identity rules over N customers.

    python bench/bench_dedup.py [--sizes 25000 50000 100000] [--seed 7] [--repeat 3]

Builds N leads in memory (no files: loading is measured by bench_check.py)
with realistic names: Chinese ones of the form [region]brand+business+legal
form, English ones, aliases, credit codes, websites, 20 % closed leads.  The
same brands recur across cities and businesses, as they do in real registries.
1 % of the customers get a second active lead under a variant of their name
(traditional script, full-width, English alias, other legal form) and 0.5 % one
under a one-letter typo in a long first word of an English name: the table
shows how many of these planted pairs the rules find (as duplicate-customer,
or customer-seen-before when the original is closed; as possible-duplicate).

Two costs, as ``leadreg check`` pays them:

* keys: each lead's customer keys (names parsed, typo hashes), computed per
  batch of 200 leads as loading's workers do; CPU seconds in all, which
  check spreads over the cores while it parses the files;
* matching: the three rules in the main process, given those keys, after the
  leads went through pickle as the workers send them (the median of
  ``--repeat`` runs, wall clock and CPU, caches cleared before each).
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import opencc
from leadreg.identity import names, regions, registry_scan
from leadreg.identity.credit_code import ALPHABET, check_digit
from leadreg.lead import Lead, derive
from leadreg.rules import load_all
from leadreg.settings import Rules, Settings

BRAND_CHARS = ("恒达华盛嘉诚瑞丰宏图鑫源博远创新联合金泰永昌中天海川信达东方宇成佳和润泽鼎明辉航"
               "星辰宝广世德隆正大凯旋荣腾飞纪兴业长青富康锦程立讯汇伟万通安卓越精工昊祥顺发百"
               "裕弘毅亚环球云峰启晨翔龙凤麒麟驰骏豪杰铭志坤乾力雄威震宁静雅致远景宏基伟业协同")
CITIES = ["苏州", "无锡", "常州", "南京", "杭州", "宁波", "嘉兴", "上海", "合肥", "芜湖", "深圳",
          "东莞", "佛山", "广州", "绍兴", "温州", "南通", "扬州", "昆山", "青岛", "天津", "重庆",
          "成都", "武汉", "长沙", "郑州", "西安", "厦门", "泉州", "福州", "济南", "烟台", "大连"]
PINYIN_CITY = {"苏州": "Suzhou", "无锡": "Wuxi", "上海": "Shanghai", "深圳": "Shenzhen",
               "宁波": "Ningbo", "杭州": "Hangzhou", "广州": "Guangzhou", "青岛": "Qingdao"}
TRADES = [("汽车零部件", "Auto Parts"), ("精密机械", "Precision Machinery"),
          ("电子科技", "Electronics Technology"), ("新材料", "New Materials"), ("化工", "Chemical"),
          ("医疗器械", "Medical Devices"), ("纺织", "Textile"), ("智能装备", "Smart Equipment"),
          ("电气", "Electric"), ("光电", "Optoelectronics"), ("塑胶制品", "Plastic Products"),
          ("五金制品", "Hardware"), ("包装材料", "Packaging Materials"), ("环保科技", "Environmental Technology"),
          ("食品", "Foods"), ("物流", "Logistics"), ("模具", "Mould"), ("轴承", "Bearing")]
FORMS = ["有限公司", "股份有限公司", "有限责任公司", "集团有限公司"]
EN_FORMS = ["Co., Ltd.", "Inc.", "Ltd", "LLC", "Corporation", "GmbH", "Company Limited"]
SYLLABLES = ["ra", "ve", "lo", "mi", "ta", "ne", "so", "ka", "ri", "do", "fe", "lu", "ba", "zen",
             "tor", "max", "ion", "tex", "dyn", "cor", "vis", "sol", "tri", "nov", "ax", "pro"]
EN_TRADES = ["Industries", "Systems", "Technologies", "Manufacturing", "Components", "Materials",
             "Devices", "Robotics", "Electronics", "Logistics", "Trading", "Solutions"]
T2S = opencc.OpenCC("s2t")


def credit_code(rng: random.Random) -> str:
    body = "91" + "".join(rng.choice("0123456789") for _ in range(6)) + "".join(
        rng.choice(ALPHABET) for _ in range(9))
    return body + check_digit(body)


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def chinese_customer(rng: random.Random) -> dict[str, object]:
    brand = "".join(rng.sample(BRAND_CHARS, rng.choice((2, 2, 2, 3))))
    city = rng.choice(CITIES)
    trade, en_trade = rng.choice(TRADES)
    form = rng.choice(FORMS)
    name = rng.choice((f"{city}{brand}{trade}{form}", f"{brand}{trade}({city}){form}",
                       f"{city}市{brand}{trade}{form}"))
    customer: dict[str, object] = {"name": name, "region": city}
    if rng.random() < 0.3:
        latin = "".join(names.brand_readings(brand)[0]).capitalize()
        customer["aliases"] = [f"{latin} {en_trade} Co., Ltd.", f"{brand}{trade[:2]}"]
    return customer


def english_customer(rng: random.Random) -> dict[str, object]:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3, 3)))).capitalize()
    return {"name": f"{word} {rng.choice(EN_TRADES)} {rng.choice(EN_FORMS)}"}


def variant(rng: random.Random, customer: dict[str, object]) -> dict[str, object]:
    """The same customer as another rep might write it."""
    name = str(customer["name"])
    choice = rng.randrange(4)
    if choice == 0:
        name = T2S.convert(name)
    elif choice == 1:
        name = full_width(name.replace("(", "（").replace(")", "）"))
    elif choice == 2 and customer.get("aliases"):
        name = str(customer["aliases"][0])  # type: ignore[index]
    else:
        for form in ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司"):
            if name.endswith(form):
                name = name[: -len(form)] + "公司"
                break
        else:
            name = "The " + name.replace("Co., Ltd.", "Company Limited")
    return {"name": name}


def typo(rng: random.Random, customer: dict[str, object]) -> dict[str, object] | None:
    name = str(customer["name"])
    if not name.isascii():
        return None
    word, rest = name.split(" ", 1)
    if len(word) < 8:
        return None  # a letter off a short first word names another company (by design)
    k = rng.randrange(1, len(word))
    return {"name": word[:k] + word[k + 1:] + " " + rest}  # one letter dropped


def build(n: int, seed: int) -> tuple[list[Lead], int, int]:
    """N leads plus planted duplicates; returns (leads, planted same, planted similar)."""
    rng = random.Random(seed)
    leads: list[Lead] = []
    planted_same = planted_similar = 0

    def add(customer: dict[str, object], stage: str, day: int) -> None:
        if rng.random() < 0.4:
            customer["credit_code"] = credit_code(rng)
        if rng.random() < 0.3:
            customer["website"] = f"https://www.c{len(leads)}-{rng.randrange(10**6)}.example"
        lead_id = f"lead-{len(leads):06d}"
        leads.append(Lead(lead_id, f"leads/{lead_id}.yaml", {
            "customer": customer, "stage": stage, "owner": f"rep{rng.randrange(200):03d}",
            "registered": f"2026-{1 + day // 28:02d}-{1 + day % 28:02d}"}))

    while len(leads) < n:
        customer = english_customer(rng) if rng.random() < 0.2 else chinese_customer(rng)
        stage = rng.choice(("lead", "lead", "opportunity", "lead", "won", "lost", "closed",
                            "lead", "opportunity", "lead"))
        add(customer, stage if stage in ("lead", "opportunity") or rng.random() < 0.5 else "lead",
            rng.randrange(300))
        roll = rng.random()
        if roll < 0.01:
            add(variant(rng, customer), "lead", 300 + rng.randrange(30))
            planted_same += 1
        elif roll < 0.015:
            other = typo(rng, customer)
            if other is not None:
                add(other, "lead", 300 + rng.randrange(30))
                planted_similar += 1
    return leads, planted_same, planted_similar


def _as_received(leads: list[Lead]) -> list[Lead]:
    """The leads after the trip from loading's workers (pickled per batch); frozen
    out of the cyclic collector's way, as loading leaves them."""
    batches = [pickle.dumps(leads[k:k + 200], pickle.HIGHEST_PROTOCOL)
               for k in range(0, len(leads), 200)]
    gc.disable()
    received = [lead for batch in batches for lead in pickle.loads(batch)]
    gc.freeze()
    gc.enable()
    return received


def run(n: int, seed: int, repeat: int) -> dict[str, object]:
    leads, planted_same, planted_similar = build(n, seed)
    names._cache.clear()
    start = time.process_time()
    for k in range(0, len(leads), 200):
        derive(leads[k:k + 200])
    keys = time.process_time() - start
    leads = _as_received(leads)
    settings = Settings(Path("."), "bench", "zh-CN", "Asia/Shanghai", None, Rules(), {},
                        frozenset(), frozenset(), ())
    rules = [r for r in load_all().values() if r.scope == "registry" and r.code in (
        "duplicate-customer", "possible-duplicate", "customer-seen-before")]
    walls, cpus = [], []
    for _ in range(repeat):
        registry_scan._last = None
        regions._COMPATIBLE.clear()
        start, cpu = time.perf_counter(), time.process_time()
        found = {r.code: list(r.check(leads, settings)) for r in rules}
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    result = registry_scan.scan(leads, settings)
    # a planted lead comes right after its original (index + 1) and is registered later;
    # against a closed original it is customer-seen-before, not duplicate-customer
    def hit(relation: dict[int, list[tuple[int, object]]], j: int) -> bool:
        return any(i == j - 1 for i, _ in relation.get(j, ()))

    planted = [j for j, lead in enumerate(leads) if lead.data["registered"] >= "2026-11"]
    return {"keys": keys, "wall": statistics.median(walls), "cpu": statistics.median(cpus),
            "counts": {code: len(f) for code, f in found.items()},
            "same": (sum(hit(result.duplicates, j) or hit(result.seen_before, j)
                         for j in planted), planted_same),
            "typo": (sum(hit(result.similar, j) for j in planted), planted_similar)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 50_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}; matching: median of {args.repeat} runs")
    print(f"{'leads':>8} {'keys CPU s':>10} {'matching s':>10} {'(CPU s)':>8} {'µs/lead':>8} "
          f"{'dup-err':>8} {'possible':>8} {'seen':>6} {'planted same found':>19} "
          f"{'planted typo found':>19}")
    for n in args.sizes:
        r = run(n, args.seed, args.repeat)
        counts: dict[str, int] = r["counts"]  # type: ignore[assignment]
        same, typo = r["same"], r["typo"]
        print(f"{n:>8} {r['keys']:>10.2f} {r['wall']:>10.2f} {r['cpu']:>8.2f} "
              f"{r['wall'] / n * 1e6:>8.1f} {counts['duplicate-customer']:>8} "  # type: ignore[operator]
              f"{counts['possible-duplicate']:>8} {counts['customer-seen-before']:>6} "
              f"{f'{same[0]}/{same[1]}':>19} {f'{typo[0]}/{typo[1]}':>19}", flush=True)  # type: ignore[index]


if __name__ == "__main__":
    main()
