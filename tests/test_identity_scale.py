"""What makes duplicate detection fast at 100k leads, checked against plain definitions:
typo blocking by hashed deletion neighbourhoods finds exactly the pairs of cores
one edit apart, brand blocking exactly the pairs of names whose brands agree, customer
keys are computed in loading's workers and travel back with each lead, and file
names are split as pathlib does."""

from __future__ import annotations

import itertools
import random
from pathlib import Path, PurePosixPath
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from leadreg.identity.compare import _brand_ok
from leadreg.identity.customer import customer_keys, customer_of, customers_of
from leadreg.identity.index import NameTable, _min_length, brand_pairs, edit_pairs
from leadreg.identity.industry import NEUTRAL
from leadreg.lead import Lead
from leadreg.loading import PARALLEL_FROM, load_registry, stem_and_suffix
from leadreg.settings import load_settings

from tests.conftest import Registry, run_leadreg
from tests.identity_eval import pairs as labelled_pairs


def _deletions(core: str) -> set[str]:
    return {core[:k] + core[k + 1:] for k in range(len(core))}


def _one_edit_reference(cores: list[str], threshold: float) -> set[tuple[str, str]]:
    """Pairs by definition: one core with a character left out is the other (the
    longer long enough), or both, each with a character left out, are the same
    (long enough)."""
    indel_from, change_from = _min_length(threshold, 1.0), _min_length(threshold, 0.0)
    found = set()
    for a, b in itertools.combinations(sorted(set(cores)), 2):
        short, long = sorted((a, b), key=len)
        deleted = len(long) >= indel_from and short in _deletions(long)
        changed = len(a) == len(b) >= change_from and _deletions(a) & _deletions(b)
        if deleted or changed:
            found.add((a, b))
    return found


def _leads(names: list[str]) -> list[Lead]:
    return [Lead(f"lead-{k}", f"leads/lead-{k}.yaml",
                 {"customer": {"name": name}, "stage": "lead", "registered": "2026-01-01"})
            for k, name in enumerate(names)]


def _pairs_by_core(names: list[str], threshold: float) -> set[tuple[str, str]]:
    leads = _leads(names)
    customers = customer_keys(leads)
    table = NameTable.of([c.names for c in customers])
    core = [c.names[0].parsed.core if c.names else "" for c in customers]
    return {tuple(sorted((core[i], core[j]))) for i, j in edit_pairs(table, threshold)}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text("abcdé恒达", min_size=1, max_size=12), min_size=2, max_size=40),
       st.sampled_from([0.8, 0.85, 0.9, 0.95]))
def test_typo_blocking_finds_exactly_the_cores_one_edit_apart(words: list[str],
                                                              threshold: float) -> None:
    # names that are their own cores: letters (Latin or Chinese) and nothing to strip
    names = [f"q{w}" for w in words]
    cores = [customer_of({"name": n}).names[0].parsed.core for n in names]
    assert _pairs_by_core(names, threshold) == {
        tuple(sorted(p)) for p in _one_edit_reference(cores, threshold)}


def test_typo_blocking_on_many_near_names() -> None:
    rng = random.Random(3)
    base = ["meridian", "zenithal", "cobaltia", "sterlingx", "quantumly"]
    names = []
    for _ in range(300):
        word = list(rng.choice(base) + rng.choice(["", "s", "co", "tek"]))
        for _ in range(rng.randrange(3)):  # a few random edits
            k = rng.randrange(len(word))
            if rng.random() < 0.5:
                del word[k]
            else:
                word[k] = rng.choice("aeiourst")
        names.append("".join(word) + " robotics")
    cores = [customer_of({"name": n}).names[0].parsed.core for n in names]
    expected = _one_edit_reference(cores, 0.9)
    assert expected  # the data has typos to find
    assert _pairs_by_core(names, 0.9) == {tuple(sorted(p)) for p in expected}


def _labelled_names() -> list[str]:
    return sorted({name for pair in labelled_pairs() for name in (pair.a, pair.b)})


def _brand_reference(customers: list[Any]) -> set[tuple[int, int]]:
    """Pairs by definition: two customers' names share a brand, in one script or
    as a Chinese brand's pinyin reading and a Latin brand, brands long enough, and
    one's business categories within the first four of the other's."""
    def nested(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        sa, sb = set(a) - NEUTRAL, set(b) - NEUTRAL
        return sa <= set(sorted(sb)[:4]) or sb <= set(sorted(sa)[:4])

    found = set()
    for (i, ci), (j, cj) in itertools.combinations(enumerate(customers), 2):
        for x, y in itertools.product(ci.names, cj.names):
            a, b = x.parsed, y.parsed
            if not (_brand_ok(a.brand, a.script) and _brand_ok(b.brand, b.script)):
                continue
            if a.script == b.script:
                agree = a.brand == b.brand
            else:
                zh, latin = (a, b) if a.script == "zh" else (b, a)
                agree = latin.latin_brands[0] in zh.latin_brands
            if agree and nested(a.industries, b.industries):
                found.add((i, j))
                break
    return found


def test_brand_blocking_finds_exactly_the_names_whose_brands_agree() -> None:
    rng = random.Random(5)
    brands = ["恒达", "恒大", "华盛", "Hengda", "Huasheng", "Apex", "恒", "Ab"]
    trades = ["汽车零部件", "汽车", "电子科技", "食品", "", " Auto Parts", " Electronics", " Foods"]
    names = _labelled_names() + [
        rng.choice(["苏州", "", "无锡"]) + rng.choice(brands) + rng.choice(trades) + "有限公司"
        for _ in range(150)]
    customers = customer_keys(_leads(names))
    table = NameTable.of([c.names for c in customers])
    expected = _brand_reference(customers)
    assert len(expected) > 100  # the data has brands to meet
    assert brand_pairs(table) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["leads", "a", ".", "", "x.yaml", ".yaml", "b.", "c.d.yml",
                                 "..", "e..yaml"]), min_size=1, max_size=4))
def test_file_names_split_as_pathlib_does(parts: list[str]) -> None:
    path = "/".join(parts)
    assert stem_and_suffix(path) == (PurePosixPath(path).stem, PurePosixPath(path).suffix)


def test_customer_keys_are_computed_in_the_workers_and_travel_back(registry: Registry) -> None:
    count = PARALLEL_FROM + 10
    for k in range(count):
        registry.lead(f"lead-{k:04d}", f"customer: {{name: 苏州恒达{k}号汽车零部件有限公司, "
                      f"aliases: ['Hengda {k} Auto Parts']}}")
    loaded = load_registry(load_settings(Path(registry.root)), jobs=2)
    assert len(loaded.leads) == count
    for lead in loaded.leads[:: count // 7]:
        carried = lead.derived["customer"]  # computed by a worker, not here
        assert carried == customers_of([lead.customer], typos=True)[0]
        assert carried.names[0].neighbourhood  # with the typo hashes a scan needs
    # and the whole pipeline still reports a typo across the registry
    registry.lead("lead-typo", "customer: {name: 'Hengda 12 Auto Partz Co., Ltd.'}")
    codes = run_leadreg("check", "--format", "json", cwd=registry.root).codes()
    assert "possible-duplicate" in codes
