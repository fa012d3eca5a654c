"""Evaluate customer matching on the labelled pairs in tests/data/identity_pairs.tsv.

Each pair becomes a two-lead registry and goes through the same scan that
``leadreg check`` runs (blocking included), so a pair the index never compares
counts as a miss.  ``python -m tests.identity_eval`` prints the figures.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from leadreg.identity import registry_scan
from leadreg.lead import Lead
from leadreg.settings import Rules, Settings

PAIRS = Path(__file__).with_name("data") / "identity_pairs.tsv"


@dataclass(frozen=True)
class Pair:
    label: str
    a: str
    b: str
    note: str


def pairs(path: Path = PAIRS) -> list[Pair]:
    with open(path, encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    return [Pair(*row[:4]) for row in rows]


def predict(pair: Pair, similarity: float = 0.90) -> str:
    """"same", "similar" or "distinct", as the three rules would report the pair."""
    settings = Settings(Path("."), "eval", "zh-CN", "Asia/Shanghai", None,
                        Rules(similarity=similarity), {}, frozenset(), frozenset(), ())
    leads = [Lead(f"lead-{k}", f"leads/lead-{k}.yaml",
                  {"customer": {"name": name}, "stage": "lead", "registered": f"2026-0{k + 1}-01"})
             for k, name in enumerate((pair.a, pair.b))]
    result = registry_scan.scan(leads, settings)
    if result.duplicates:
        return "same"
    return "similar" if result.similar else "distinct"


@dataclass(frozen=True)
class Figures:
    same_precision: float
    same_recall: float
    alike_precision: float   # same or similar predicted, same or similar labelled
    alike_recall: float
    false_errors: int        # distinct pairs reported as duplicate-customer
    total: int


def _ratio(hit: int, total: int) -> float:
    return hit / total if total else 1.0


def score(results: list[tuple[Pair, str]]) -> Figures:
    same_pred = [(p, r) for p, r in results if r == "same"]
    same_true = [(p, r) for p, r in results if p.label == "same"]
    alike_pred = [(p, r) for p, r in results if r != "distinct"]
    alike_true = [(p, r) for p, r in results if p.label != "distinct"]
    return Figures(
        _ratio(sum(p.label == "same" for p, _ in same_pred), len(same_pred)),
        _ratio(sum(r == "same" for _, r in same_true), len(same_true)),
        _ratio(sum(p.label != "distinct" for p, _ in alike_pred), len(alike_pred)),
        _ratio(sum(r != "distinct" for _, r in alike_true), len(alike_true)),
        sum(p.label == "distinct" and r == "same" for p, r in results),
        len(results))


def evaluate(path: Path = PAIRS, similarity: float = 0.90
             ) -> tuple[Figures, list[tuple[Pair, str]]]:
    results = [(p, predict(p, similarity)) for p in pairs(path)]
    return score(results), [(p, r) for p, r in results if r != p.label]


if __name__ == "__main__":
    for path in (PAIRS, PAIRS.with_name("identity_pairs_holdout.tsv")):
        figures, wrong = evaluate(path)
        print(f"{path.name}: {len(pairs(path))} pairs")
        for p, r in wrong:
            print(f"  {p.label:>8} -> {r:<8} {p.a} | {p.b}   ({p.note})")
        print(f"  same-customer precision {figures.same_precision:.3f} recall "
              f"{figures.same_recall:.3f}; flagged (same or alike) precision "
              f"{figures.alike_precision:.3f} recall {figures.alike_recall:.3f}; "
              f"duplicate-customer errors on distinct pairs: {figures.false_errors}")
