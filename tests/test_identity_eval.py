"""Precision and recall of customer matching on the labelled name pairs (issue 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import identity_eval

DATA = Path(__file__).with_name("data")


def test_the_labelled_set_is_large_and_covers_every_label() -> None:
    pairs = identity_eval.pairs(DATA / "identity_pairs.tsv")
    holdout = identity_eval.pairs(DATA / "identity_pairs_holdout.tsv")
    assert len(pairs) + len(holdout) >= 250
    for label in ("same", "similar", "distinct"):
        assert sum(p.label == label for p in pairs) >= 40
        assert sum(p.label == label for p in holdout) >= 10


@pytest.mark.parametrize("name, floors", [
    # (same precision, same recall, alike precision, alike recall)
    ("identity_pairs.tsv", (0.98, 0.97, 0.97, 0.95)),
    ("identity_pairs_holdout.tsv", (0.95, 0.95, 0.90, 0.90)),
])
def test_precision_and_recall_floors(name: str, floors: tuple[float, ...]) -> None:
    figures, wrong = identity_eval.evaluate(DATA / name)
    got = (figures.same_precision, figures.same_recall, figures.alike_precision,
           figures.alike_recall)
    report = "\n".join(f"{p.label} -> {r}: {p.a} | {p.b} ({p.note})" for p, r in wrong)
    assert all(g >= f for g, f in zip(got, floors)), f"{figures}\n{report}"
    assert figures.false_errors == 0, report  # never a duplicate-customer error on distinct


def test_a_wrong_label_would_be_caught() -> None:
    """The evaluation can fail: flipping every label drops recall to nothing."""
    pairs = identity_eval.pairs(DATA / "identity_pairs.tsv")[::6]
    flipped = [identity_eval.Pair("distinct" if p.label == "same" else "same", p.a, p.b, p.note)
               for p in pairs if p.label in ("same", "distinct")]
    assert {p.label for p in flipped} == {"same", "distinct"}
    figures = identity_eval.score([(p, identity_eval.predict(p)) for p in flipped])
    assert figures.same_precision < 0.5 and figures.same_recall < 0.5
