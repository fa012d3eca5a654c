"""unknown-rep: every rep a lead names is listed in registry.yaml."""

from collections.abc import Iterator

from leadreg.lead import Lead
from leadreg.rules import Finding, lead_rule
from leadreg.rules._helpers import rep_refs
from leadreg.settings import Settings


@lead_rule("unknown-rep", passing="owner: zhangsan", failing="owner: zhangsna")
def unknown_rep(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """Owner, assistants, history and activity authors must be registry reps."""
    for path, rep in rep_refs(lead):
        if rep not in settings.reps:
            yield Finding(f"{rep!r} is not a rep in registry.yaml (reps: "
                          f"{', '.join(sorted(settings.reps))})", path)
