"""shares-over-100: assistants cannot share more than the whole reward."""

from collections.abc import Iterator

from leadreg.lead import Lead
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings


@lead_rule("shares-over-100",
           passing="assistants: [{rep: lisi, share: 60}, {rep: wangjl, share: 40}]",
           failing="assistants: [{rep: lisi, share: 60}, {rep: wangjl, share: 50}]")
def shares_over_100(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """Assistants' ``share`` percentages, where given, total at most 100."""
    shares = [(i, a["share"]) for i, a in lead.entries("assistants")
              if isinstance(a.get("share"), int) and not isinstance(a.get("share"), bool)]
    total = sum(s for _, s in shares)
    if total > 100:
        yield Finding(f"assistants' shares total {total}%, more than 100%", ("assistants",),
                      on_value=False)
