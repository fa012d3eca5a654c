"""history-mismatch: the last hand-over names the current owner."""

from collections.abc import Iterator

from leadreg.lead import Lead
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings

_MOVE = "history: [{date: 2026-11-02, from: lisi, to: zhangsan}]\nassistants: [{rep: lisi}]"


@lead_rule("history-mismatch", passing=_MOVE + "\nowner: zhangsan",
           failing=_MOVE + "\nowner: wangjl")
def history_mismatch(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """When ``history`` exists, its last entry's ``to`` is the ``owner``."""
    moves = lead.entries("history")
    if moves and lead.owner is not None:
        i, last = moves[-1]
        if isinstance(last.get("to"), str) and last["to"] != lead.owner:
            yield Finding(f"owner is {lead.owner} but the last history entry hands the lead to "
                          f"{last['to']}", ("owner",))
