"""``leadreg close``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from leadreg.cli.app import main
from leadreg.cli.common import as_date, open_settings, root_option, today_option
from leadreg.cli.edit_common import ask, run
from leadreg.lead import CLOSED_STAGES


@main.command()
@click.argument("lead_id", metavar="ID")
@click.option("--as", "outcome", type=click.Choice(CLOSED_STAGES), default=None,
              help="How the lead ends.")
@click.option("--reason", default=None, help="Why: what was won, lost or given up.")
@today_option
@root_option
def close(lead_id: str, outcome: str | None, reason: str | None, today: dt.datetime | None,
          root: Path | None) -> None:
    """Close a lead as won, lost or closed (won needs evidence)."""
    from leadreg.edit.close import close as do_close

    settings = open_settings(root)
    outcome = ask(outcome, "--as", "Close as", type=click.Choice(CLOSED_STAGES))
    reason = ask(reason, "--reason", "Reason")
    run(lambda: do_close(settings, lead_id, outcome=outcome, reason=reason,
                         today=settings.today(as_date(today))))
