"""owner-left: a rep who left owns no active lead."""

from collections.abc import Iterator

from leadreg.lead import Lead
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings


@lead_rule("owner-left", passing="owner: zhangsan",
           failing="owner: liuyang\nhistory: [{date: 2026-05-01, from: zhangsan, to: liuyang}]\n"
                   "assistants: [{rep: zhangsan}]")
def owner_left(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """An active lead's owner has no ``left`` date: reassign it first."""
    rep = settings.reps.get(lead.owner or "")
    if lead.active and rep is not None and rep.left:
        yield Finding(f"owner {rep.id} left on {rep.left}; reassign this lead "
                      f"(leadreg reassign {lead.id} --to REP --reason …)", ("owner",))
