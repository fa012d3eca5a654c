"""``leadreg reassign``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from leadreg.cli.app import main
from leadreg.cli.common import as_date, open_settings, root_option, today_option
from leadreg.cli.edit_common import ask, run


@main.command()
@click.argument("lead_id", metavar="ID")
@click.option("--to", "to", default=None, metavar="REP", help="The new owner.")
@click.option("--reason", default=None, help="Why the lead changes hands.")
@click.option("--share", type=click.IntRange(0, 100), default=None, metavar="N",
              help="The former owner's share of the reward, in percent.")
@today_option
@root_option
def reassign(lead_id: str, to: str | None, reason: str | None, share: int | None,
             today: dt.datetime | None, root: Path | None) -> None:
    """Hand a lead to another rep; the former owner stays on as an assistant."""
    from leadreg.edit.reassign import reassign as do_reassign

    settings = open_settings(root)
    to = ask(to, "--to", "New owner (rep id)")
    reason = ask(reason, "--reason", "Reason")
    run(lambda: do_reassign(settings, lead_id, to=to, reason=reason, share=share,
                            today=settings.today(as_date(today))))
