"""``leadreg extend``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from leadreg.cli.app import main
from leadreg.cli.common import as_date, open_settings, root_option, today_option
from leadreg.cli.edit_common import DATE, ask, ask_date, run


@main.command()
@click.argument("lead_id", metavar="ID")
@click.option("--until", type=DATE, default=None, help="The new deadline (YYYY-MM-DD).")
@click.option("--reason", default=None, help="Why the lead needs more time.")
@click.option("--approved-by", default=None, metavar="MANAGER",
              help="The manager who approved the extension.")
@today_option
@root_option
def extend(lead_id: str, until: dt.datetime | None, reason: str | None, approved_by: str | None,
           today: dt.datetime | None, root: Path | None) -> None:
    """Extend a lead's deadline, approved by a manager (at most rules.max_extensions)."""
    from leadreg.edit.extend import extend as do_extend

    settings = open_settings(root)
    new_deadline = ask_date(until, "--until", "New deadline (YYYY-MM-DD)")
    reason = ask(reason, "--reason", "Reason")
    approved_by = ask(approved_by, "--approved-by", "Approved by (manager)")
    run(lambda: do_extend(settings, lead_id, until=new_deadline, reason=reason,
                          approved_by=approved_by, today=settings.today(as_date(today))))
