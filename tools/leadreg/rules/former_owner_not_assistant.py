"""former-owner-not-assistant: reassignment keeps the former owner's credit."""

from collections.abc import Iterator

from leadreg.lead import Lead
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings

_MOVE = "owner: zhangsan\nhistory: [{date: 2026-11-02, from: lisi, to: zhangsan, reason: 超期重新分配}]"


@lead_rule("former-owner-not-assistant",
           passing=_MOVE + "\nassistants: [{rep: lisi, share: 30, since: 2026-11-02}]",
           failing=_MOVE)
def former_owner_not_assistant(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """Every ``history[].from`` stays on the lead as an assistant (or owns it again)."""
    keep = {a.get("rep") for _, a in lead.entries("assistants")} | {lead.owner}
    for i, move in lead.entries("history"):
        former = move.get("from")
        if isinstance(former, str) and former not in keep:
            yield Finding(f"former owner {former} must stay on as an assistant: add "
                          f"{{rep: {former}}} under assistants:", ("history", i, "from"))
