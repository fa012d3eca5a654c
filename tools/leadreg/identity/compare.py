"""Whether two customers are the same, alike, or unrelated: one decision for all.

``leadreg check``, ``leadreg find`` and ``leadreg new`` all ask :func:`compare`,
so they never disagree; the registry index only decides which pairs to ask about.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Indel

from leadreg.identity import industry
from leadreg.identity.customer import Customer, NameRef
from leadreg.identity.regions import compatible
from leadreg.yamlsafe import KeyPath

# Same brand, and one's business categories include the other's (恒达 ~ 恒达汽车零部件,
# 恒达汽车零部件 ~ Hengda Auto Parts): alike, but not proof of one customer.
SAME_BRAND_SCORE = 0.95


@dataclass(frozen=True)
class Link:
    """How customer ``a`` relates to ``b``; ``at`` is the key in ``a`` that matched."""

    kind: str          # "same" or "similar"
    key: str           # in words: "credit code", "website x.example", "name 恒达 ~ alias 恒达"
    at: KeyPath
    other_at: KeyPath
    score: float
    identical: bool = False  # the two customers' names are written the same


def _brand_ok(brand: str, script: str) -> bool:
    return len(brand.replace(" ", "")) >= (2 if script == "zh" else 3)


# A Latin name's first word is its most distinctive part: a one-letter difference
# is a typo in a long word (Meridian/Meridain) but another company in a short one
# (Apex/Alex, Zenith/Zenit).
TYPO_WORD_LENGTH = 7


@lru_cache(maxsize=4096)
def _telling(categories: tuple[str, ...]) -> frozenset[str]:
    return frozenset(categories) - industry.NEUTRAL


def _nested(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One's business categories include the other's (ignoring 实业, 控股, …)."""
    sa, sb = _telling(a), _telling(b)
    return sa <= sb or sb <= sa


def _first_words_agree(a: str, b: str) -> bool:
    wa, wb = a.split(" ", 1)[0], b.split(" ", 1)[0]
    return wa == wb or (max(len(wa), len(wb)) >= TYPO_WORD_LENGTH
                        and OSA.distance(wa, wb, score_cutoff=1) <= 1)


def name_score(x: NameRef, y: NameRef) -> float:
    """0..1: 1 is the same name; 0 when their regions rule it out."""
    a, b = x[0], y[0]  # ParsedName: text, core, regions, brand, industries, script, latin
    if not compatible(x[2], y[2]):
        return 0.0
    if a[1] == b[1]:
        return 1.0
    script = a[5]
    if script == b[5]:
        if script == "latin" and not _first_words_agree(a[1], b[1]):
            return 0.0
        score = Indel.normalized_similarity(a[1], b[1])
        if a[3] == b[3] and score < SAME_BRAND_SCORE and _brand_ok(a[3], script) and _nested(
                a[4], b[4]):
            score = SAME_BRAND_SCORE
        return score
    if not set(a[6]).isdisjoint(b[6]) and _brand_ok(a[3], script) and _brand_ok(b[3], b[5]):
        if _nested(a[4], b[4]):
            return SAME_BRAND_SCORE
        return Indel.normalized_similarity(a.latin_form, b.latin_form)
    return 0.0


def _name_key(x: NameRef, y: NameRef) -> str:
    if x.parsed.text == y.parsed.text and x.label == y.label:
        return x.describe()
    return f"{x.describe()} ~ {y.label} {y.parsed.text}"


def same_link(a: Customer, b: Customer) -> Link | None:
    """The first shared key: credit code, website domain, then names (regions agreeing)."""
    if a.credit_code and a.credit_code == b.credit_code:
        return Link("same", "credit code", ("customer", "credit_code"),
                    ("customer", "credit_code"), 1.0)
    if a.domain and a.domain == b.domain:
        return Link("same", f"website {a.domain}", ("customer", "website"),
                    ("customer", "website"), 1.0)
    for x in a[0]:
        for y in b[0]:
            if x[0][1] == y[0][1] and compatible(x[2], y[2]):
                return Link("same", _name_key(x, y), x.at, y.at, 1.0,
                            x.parsed.text == y.parsed.text)
    return None


def similar_link(a: Customer, b: Customer, threshold: float) -> Link | None:
    """The most alike pair of names, when at or above ``threshold``."""
    best: tuple[float, NameRef, NameRef] | None = None
    if threshold > 0 and a[4] is not None and b[4] is not None:
        if not compatible(a[4], b[4]):
            return None  # every pair of names scores 0, as most pairs a registry scan asks about
        check_regions = False
    else:
        check_regions = threshold > 0
    for x in a[0]:
        for y in b[0]:
            if check_regions and not compatible(x[2], y[2]):
                continue  # scores 0
            score = name_score(x, y)
            if score >= threshold and (best is None or score > best[0]):
                best = (score, x, y)
    if best is None:
        return None
    score, x, y = best
    return Link("similar", _name_key(x, y), x.at, y.at, round(score, 3))


def compare(a: Customer, b: Customer, threshold: float) -> Link | None:
    return same_link(a, b) or similar_link(a, b, threshold)
