"""The HTML pages: board, lead pages, stage lists, reps, expired, stats."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from leadreg.parallel import map_ordered
from leadreg.sitebuild import charts, stats
from leadreg.sitebuild.context import Site
from leadreg.sitebuild.links import edit_url
from leadreg.sitebuild.markdown import render_markdown
from leadreg.sitebuild.views import LeadView, text

BOARD_CARDS = 150   # per active column: keeps index.html small at any registry size
RECENT_CARDS = 12   # recently won / lost
LIST_PAGE = 500     # rows per page of a stage's full list
ROW_LIMIT = 1000    # rows per section of rep and expired pages
BOARD_STAGES = ("lead", "opportunity")
RECENT_STAGES = ("won", "lost")


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    cards: list[LeadView]
    total: int
    more_url: str | None


def urgency(view: LeadView) -> tuple[int, str]:
    return (view.days_left if view.days_left is not None else 1 << 30, view.id)


def recency(view: LeadView) -> tuple[int, str]:
    return (-(view.closed_date.toordinal() if view.closed_date else 0), view.id)


def by_stage(site: Site) -> dict[str, list[LeadView]]:
    """Every stage's leads, most urgent (active) or most recent (closed) first."""
    groups: dict[str, list[LeadView]] = {s: [] for s in (*BOARD_STAGES, *RECENT_STAGES, "closed")}
    for view in site.views:
        groups.setdefault(view.stage, []).append(view)
    for stage, views in groups.items():
        views.sort(key=urgency if stage in BOARD_STAGES else recency)
    return groups


def board(site: Site, groups: dict[str, list[LeadView]]) -> int:
    t = site.t
    columns = [Column(s, t.label("stage", s), groups[s][:BOARD_CARDS], len(groups[s]),
                      f"stages/{s}/index.html") for s in BOARD_STAGES]
    columns += [Column(s, t(f"recent.{s}"), groups[s][:RECENT_CARDS], len(groups[s]),
                       f"stages/{s}/index.html") for s in RECENT_STAGES]
    shown = [v for c in columns for v in c.cards]
    owners = list(dict.fromkeys(p for p in site.people() if any(v.owner == p for v in shown)))
    units = sorted(set(site.settings.units) | {u for v in shown for u in v.units()})
    sources = sorted(set(site.settings.sources) | {v.source for v in shown if v.source})
    filters = [
        ("owner", t("owner"), [(o, site.rep_name(o)) for o in owners]),
        ("unit", t("unit"), [(u, t.label("unit", u)) for u in units]),
        ("source", t("source"), [(s, t.label("source", s)) for s in sources]),
        ("stage", t("stage"), [(s, t.label("stage", s)) for s in (*BOARD_STAGES, *RECENT_STAGES)]),
    ]
    return site.render("board.html", "index.html", columns=columns, filters=filters,
                       total=len(site.views), active=sum(v.active for v in site.views),
                       expired=sum(v.expired for v in site.views),
                       stage_keys=("lead", "opportunity", "won", "lost", "closed"))


def lead_page(site: Site, view: LeadView) -> int:
    return site.render(
        "lead.html", f"leads/{view.id}/index.html", v=view, timeline=view.timeline(),
        need=render_markdown(text(view.data.get("need"))), extra=view.extra_fields(),
        edit_url=edit_url(site.settings.repo_url, view.path))


def stage_pages(site: Site, groups: dict[str, list[LeadView]], jobs: int | None = None) -> int:
    """Every stage's full list, ``LIST_PAGE`` rows a page, rendered in parallel."""
    work = [(stage, page, -(-len(views) // LIST_PAGE) or 1)
            for stage, views in groups.items()
            for page in range(1, max(1, -(-len(views) // LIST_PAGE)) + 1)]

    def render(item: tuple[str, int, int]) -> int:
        stage, page, pages = item
        views = groups[stage]
        relpath = f"stages/{stage}/index.html" if page == 1 else f"stages/{stage}/{page}/index.html"
        return site.render("stage.html", relpath, stage=stage, total=len(views), page=page,
                           pages=pages, rows=views[(page - 1) * LIST_PAGE:page * LIST_PAGE],
                           page_url=lambda n: _page_link(n, page))

    site.env.get_template("stage.html")
    return sum(map_ordered(render, work, jobs, min_items=8))


def _page_link(target: int, current: int) -> str:
    """Relative link between pages of a stage list (page 1 is the stage folder's index)."""
    up = "" if current == 1 else "../"
    return f"{up}index.html" if target == 1 else f"{up}{target}/index.html"


def _capped(rows: Sequence[LeadView]) -> tuple[list[LeadView], int]:
    return list(rows[:ROW_LIMIT]), max(0, len(rows) - ROW_LIMIT)


def rep_pages(site: Site, jobs: int | None = None) -> int:
    """A page per rep (expired, owned, assisting, closed) and the reps' index."""
    owned: dict[str, list[LeadView]] = {p: [] for p in site.people()}
    assisting: dict[str, list[LeadView]] = {p: [] for p in owned}
    for view in site.views:
        if view.owner:
            owned.setdefault(view.owner, []).append(view)
        for rep in dict.fromkeys(view.assistant_ids):
            assisting.setdefault(rep, []).append(view)

    def render(rep_id: str) -> dict[str, object]:
        mine = owned[rep_id]
        active = sorted((v for v in mine if v.active), key=urgency)
        helping = sorted((v for v in assisting.get(rep_id, []) if v.active), key=urgency)
        expired = [v for v in active if v.expired]
        closed = sorted((v for v in mine if not v.active), key=recency)
        sections = [(key, *_capped(views)) for key, views in (
            ("rep_expired", expired), ("owned", active), ("assisting", helping),
            ("closed_leads", closed))]
        site.render("rep.html", f"reps/{rep_id}/index.html", rep_id=rep_id,
                    rep=site.settings.reps.get(rep_id), sections=sections)
        return {"id": rep_id, "rep": site.settings.reps.get(rep_id), "owned": len(active),
                "assisting": len(helping), "expired": len(expired)}

    site.env.get_template("rep.html")
    rows = map_ordered(render, list(owned), jobs, min_items=8)
    return len(rows) + site.render("reps.html", "reps/index.html", rows=rows)


def expired_page(site: Site) -> int:
    warn = site.settings.rules.warn_days
    active = sorted((v for v in site.views if v.active), key=urgency)
    expired, expired_hidden = _capped([v for v in active if v.expired])
    due, due_hidden = _capped([v for v in active if v.due_soon(warn)])
    return site.render("expired.html", "expired/index.html", expired=expired,
                       expired_hidden=expired_hidden, due=due, due_hidden=due_hidden)


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    svg: Markup
    header: list[str]
    rows: list[list[str | int]]
    legend: tuple[str, ...] = ()  # names of the stacked segments, darkest first


def stats_page(site: Site) -> int:
    t = site.t
    s = stats.compute(site.views, list(site.settings.reps), site.today)
    funnel = [charts.Bar(t(f"funnel.{k}"), n) for k, n in s.funnel]
    load = [charts.Bar(site.rep_name(r.rep), r.leads + r.opportunities,
                       parts=(r.opportunities, r.leads)) for r in s.load]
    ageing = [charts.Bar(t(f"age.{i}"), n) for i, n in s.ageing]
    sources = [charts.Bar(t.label("source", src), n, parts=(won, n - won), note=f"{n} ({won})")
               for src, n, won in s.sources]
    chart_list = [
        Chart("funnel", t("funnel"), charts.bar_chart(t("funnel"), funnel, funnel=True),
              [t("stage"), t("count")], [[b.label, int(b.value)] for b in funnel]),
        Chart("load", t("load"), charts.bar_chart(t("load"), load),
              [t("reps"), t("stage.opportunity"), t("stage.lead"), t("rep_expired"), t("assisting")],
              [[site.rep_name(r.rep), r.opportunities, r.leads, r.expired, r.assisting]
               for r in s.load], (t("stage.opportunity"), t("stage.lead"))),
        Chart("ageing", t("ageing"), charts.bar_chart(t("ageing"), ageing),
              [t("ageing"), t("count")], [[b.label, int(b.value)] for b in ageing]),
        Chart("sources", t("sources"), charts.bar_chart(t("sources"), sources),
              [t("source"), t("count"), t("won_of")],
              [[t.label("source", src), n, won] for src, n, won in s.sources],
              (t("stage.won"), t("others"))),
    ]
    return site.render("stats.html", "stats/index.html", s=s, charts=chart_list)


def not_found_page(site: Site) -> int:
    return site.render("404.html", "404.html")
