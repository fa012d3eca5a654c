"""The figures on the stats page: funnel, conversion, speed, load, ageing, sources."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from leadreg.lead import parse_date
from leadreg.sitebuild.views import LeadView, entries

AGE_BUCKETS = (30, 90, 180, 365)  # upper bounds in days; the last bucket is open


@dataclass(frozen=True)
class RepLoad:
    rep: str
    leads: int
    opportunities: int
    expired: int
    assisting: int


@dataclass(frozen=True)
class Stats:
    total: int
    active: int
    by_stage: dict[str, int]
    funnel: list[tuple[str, int]]
    conversion: list[tuple[str, float | None]]
    median_days_to_opportunity: float | None
    load: list[RepLoad]
    ageing: list[tuple[int, int]]  # (bucket index, active leads)
    sources: list[tuple[str, int, int]]  # (source, leads, won)


def reached_opportunity(view: LeadView) -> bool:
    """Evidence makes an opportunity (SPEC §1.4): also true of leads closed since."""
    return view.stage in ("opportunity", "won") or bool(entries(view.data.get("evidence")))


def days_to_opportunity(view: LeadView) -> int | None:
    dates = [d for d in (parse_date(e.get("date")) for e in entries(view.data.get("evidence")))
             if d is not None]
    if not dates or view.registered is None:
        return None
    return max(0, (min(dates) - view.registered).days)


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _age_bucket(days: int) -> int:
    for i, bound in enumerate(AGE_BUCKETS):
        if days <= bound:
            return i
    return len(AGE_BUCKETS)


def compute(views: Sequence[LeadView], reps: Sequence[str], today: dt.date) -> Stats:
    """All figures in one pass over the leads; ``reps`` fixes the load table's order."""
    by_stage: Counter[str] = Counter()
    owned: Counter[tuple[str, str]] = Counter()
    expired: Counter[str] = Counter()
    assisting: Counter[str] = Counter()
    ages: Counter[int] = Counter()
    sources: Counter[str] = Counter()
    sources_won: Counter[str] = Counter()
    speeds: list[int] = []
    opportunities = won = closed = 0
    for view in views:
        by_stage[view.stage] += 1
        sources[view.source] += 1
        if view.stage == "won":
            won += 1
            sources_won[view.source] += 1
        if view.stage in ("won", "lost", "closed"):
            closed += 1
        if reached_opportunity(view):
            opportunities += 1
            speed = days_to_opportunity(view)
            if speed is not None:
                speeds.append(speed)
        if view.active:
            owned[(view.owner, view.stage)] += 1
            expired[view.owner] += view.expired
            for rep in set(view.assistant_ids):
                assisting[rep] += 1
            if view.registered:
                ages[_age_bucket(max(0, (today - view.registered).days))] += 1
    total = len(views)
    people = list(dict.fromkeys([*reps, *sorted({o for o, _ in owned} | set(assisting))]))
    load = [RepLoad(r, owned[(r, "lead")], owned[(r, "opportunity")], expired[r], assisting[r])
            for r in people]
    load = [x for x in load if x.leads or x.opportunities or x.assisting]
    return Stats(
        total=total,
        active=by_stage["lead"] + by_stage["opportunity"],
        by_stage=dict(sorted(by_stage.items())),
        funnel=[("lead", total), ("opportunity", opportunities), ("won", won)],
        conversion=[("lead_opp", _rate(opportunities, total)),
                    ("opp_won", _rate(won, opportunities)),
                    ("lead_won", _rate(won, total)),
                    ("win_rate", _rate(won, closed))],
        median_days_to_opportunity=statistics.median(speeds) if speeds else None,
        load=load,
        ageing=[(i, ages[i]) for i in range(len(AGE_BUCKETS) + 1)],
        sources=sorted(((s, n, sources_won[s]) for s, n in sources.items()),
                       key=lambda row: (-row[1], row[0])),
    )
