"""Titles, bodies and closing comments of leadreg's issues.

Bodies are pure functions of the registry and a date, so an unchanged
registry renders byte-identical bodies and a second run writes nothing. The
day counts depend on the date (``as_of``), which the body records in a hidden
marker; the planner uses it to tell a fact change from a day-count refresh.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from leadreg.diagnostics import Report, Severity
from leadreg.expired_report import LeadFacts
from leadreg.issue_sync import markers
from leadreg.issue_sync.links import Links
from leadreg.issue_sync.markdown import inline, link, mention, plain
from leadreg.issue_sync.texts import Texts, texts
from leadreg.settings import Settings

CHECK_ROWS = 50  # errors listed in the check-failed issue; the rest are counted
BODY_LIMIT = 60_000  # characters; GitHub refuses bodies over 65,536


@dataclass(frozen=True)
class Context:
    """What every body needs besides the facts: language, managers, links."""

    settings: Settings
    links: Links

    @property
    def t(self) -> Texts:
        return texts(self.settings.language)

    def rep(self, rep_id: str) -> str:
        rep = self.settings.reps.get(rep_id)
        return rep.name if rep else rep_id

    def managers(self) -> str:
        names = [f"{inline(r.name)} (`{r.id}`)" for r in sorted(
            self.settings.reps.values(), key=lambda r: r.id) if r.manager and not r.left]
        return self.t("sep").join(names) or self.t("none")


def _code(lines: list[str], lang: str = "sh") -> str:
    return f"```{lang}\n" + "\n".join(lines) + "\n```"


def _days(t: Texts, n: int) -> str:
    return t("day" if n == 1 else "days")


def expired_title(f: LeadFacts, ctx: Context) -> str:
    return plain(ctx.t("expired.title", customer=f.customer or f.id, id=f.id))


def _owner(f: LeadFacts, ctx: Context) -> str:
    name = inline(f.owner_name)
    return ctx.t("owner_login", name=name, mention=mention(f.owner_github)) \
        if f.owner_github else name


def _facts_table(f: LeadFacts, ctx: Context, as_of: dt.date) -> str:
    t = ctx.t
    assistants = inline(t("sep").join(
        a.name + (f" ({t('share', share=a.share)})" if a.share is not None else "")
        for a in f.assistants) or t("none"))
    rows = [
        (t("facts.customer"), inline(f.customer)),
        (t("facts.title"), inline(f.title)),
        (t("facts.owner"), _owner(f, ctx)),
        (t("facts.assistants"), assistants),
        (t("facts.stage"), inline(f.stage)),
        (t("facts.registered"), inline(f.registered)),
        (t("facts.deadline"), f.deadline.isoformat()),
        (t("facts.overdue"), t("facts.overdue_value", days=(as_of - f.deadline).days,
                                as_of=as_of.isoformat())),
        (t("facts.extensions"), t("facts.extensions_value", used=f.extensions,
                                   max=f.max_extensions)),
    ]
    return t("facts.head") + "\n" + "\n".join(f"| {k} | {v} |" for k, v in rows)


def _links(f: LeadFacts, ctx: Context) -> str:
    t = ctx.t
    parts = []
    file_url = ctx.links.file(f.path)
    parts.append(t("links.file", link=link(f.path, file_url) if file_url else inline(f.path)))
    page_url = ctx.links.page(f.id)
    if page_url:
        parts.append(t("links.page", link=link(t("links.page_label"), page_url)))
    return " · ".join(parts)


def _ways(f: LeadFacts, ctx: Context, as_of: dt.date) -> list[str]:
    t = ctx.t
    date, why = t("placeholder.date"), t("placeholder.reason")
    manager, rep = t("placeholder.manager"), t("placeholder.rep")
    path = inline(f.path)
    out = [t("ways.heading"), ""]
    if f.extensions < f.max_extensions:
        out += [t("way.extend"), "",
                _code([(f'leadreg extend {f.id} --until {date} --reason "{why}" '
                       f"--approved-by {manager}")]), "",
                t("way.extend_edit", path=path), "",
                _code([(f"  - {{date: {as_of}, until: {date}, approved_by: {manager}, "
                       f"reason: {why}}}")], "yaml"), "",
                t("way.extend_managers", managers=ctx.managers())]
    else:
        out += [f"~~{t('way.extend_short')}~~ "
                + t("way.extend_none_left", used=f.extensions, max=f.max_extensions)]
    out += ["", t("way.close"), "",
            _code([f'leadreg close {f.id} --as lost --reason "{why}"']), "",
            t("way.close_note", path=path), "",
            _code([f"closed: {{date: {as_of}, reason: {why}}}"], "yaml"), "",
            t("way.reassign"), "",
            _code([f'leadreg reassign {f.id} --to {rep} --reason "{why}"']), "",
            t("way.reassign_note", path=path, owner_id=f.owner, as_of=as_of), "",
            _code([f"  - {{date: {as_of}, from: {f.owner}, to: {rep}, reason: {why}}}"],
                  "yaml")]
    return out


def expired_body(f: LeadFacts, ctx: Context, as_of: dt.date, assignable: bool) -> str:
    """The issue for one expired lead, with the facts as of ``as_of``."""
    t = ctx.t
    days = (as_of - f.deadline).days
    parts = [markers.marker(markers.expired_key(f.id)),
             t("expired.heading", customer=inline(f.customer or f.id)), "",
             t("expired.intro", id=f.id, deadline=f.deadline.isoformat(),
               as_of=as_of.isoformat(), days=days, day_word=_days(t, days),
               owner=_owner(f, ctx))]
    if not assignable:
        parts += ["", t("unassigned.login", name=inline(f.owner_name),
                        mention=mention(f.owner_github)) if f.owner_github
                  else t("unassigned.nologin", name=inline(f.owner_name))]
    parts += ["", _facts_table(f, ctx, as_of), "", _links(f, ctx), "",
              *_ways(f, ctx, as_of), "", "---", t("footer"), markers.as_of_marker(as_of)]
    return "\n".join(parts) + "\n"


def due_soon_body(due: list[LeadFacts], ctx: Context, today: dt.date) -> str:
    """One digest of the leads due soon, grouped by owner."""
    t = ctx.t
    warn = ctx.settings.rules.warn_days
    parts = [markers.marker(markers.DUE_SOON),
             t("due.heading", warn_days=warn, count=len(due)), "",
             t("due.intro", today=today.isoformat())]
    by_owner: dict[str, list[LeadFacts]] = {}
    for f in due:
        by_owner.setdefault(f.owner, []).append(f)
    size, shown = sum(len(p) + 1 for p in parts), 0
    for owner in sorted(by_owner):
        first = by_owner[owner][0]
        rows = ["", f"### {_owner(first, ctx)}", "", t("due.columns")]
        for f in by_owner[owner]:
            url = ctx.links.page(f.id) or ctx.links.file(f.path)
            name = link(f.id, url) if url else inline(f.id)
            left = t("due.today") if f.days_left == 0 else \
                t("due.left", days=f.days_left, day_word=_days(t, f.days_left))
            rows.append(f"| {name} | {inline(f.customer, 80)} | {f.deadline} | {left} |")
        size += sum(len(r) + 1 for r in rows)
        if size > BODY_LIMIT:
            break
        parts += rows
        shown += len(by_owner[owner])
    if shown < len(due):
        parts += ["", t("due.more", count=len(due) - shown)]
    return "\n".join(parts) + "\n"


def due_soon_title(ctx: Context) -> str:
    return ctx.t("due.title", warn_days=ctx.settings.rules.warn_days)


def check_failed_body(report: Report, ctx: Context) -> str:
    """The failing check, its counts and the first errors: the same for the same registry."""
    t = ctx.t
    errors = [d for d in report.diagnostics if d.severity is Severity.ERROR]
    parts = [markers.marker(markers.CHECK_FAILED), t("check.heading"), "",
             t("check.intro", errors=report.errors, warnings=report.warnings,
               leads=report.leads), "", t("check.columns")]
    for d in errors[:CHECK_ROWS]:
        url = ctx.links.file(d.path)
        where = link(d.path, url + (f"#L{d.line}" if d.line else "")) if url else inline(d.path)
        parts.append(f"| {where} | {d.line or ''} | `{d.code}` | {inline(d.message)} |")
    if len(errors) > CHECK_ROWS:
        parts += ["", t("check.more", count=len(errors) - CHECK_ROWS)]
    return "\n".join(parts) + "\n"


def check_failed_title(ctx: Context) -> str:
    return ctx.t("check.title")
