"""``leadreg log``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from leadreg.cli.app import main
from leadreg.cli.common import as_date, open_settings, root_option
from leadreg.cli.edit_common import DATE, ask, run


@main.command()
@click.argument("lead_id", metavar="ID")
@click.option("--with", "with_", default=None, metavar="WHOM",
              help="Whom you met: the customer's department or person.")
@click.option("--note", default=None, help="What you learned (pain points, next steps).")
@click.option("--by", default=None, metavar="REP", help="Who met them (default: the owner).")
@click.option("--date", "when", type=DATE, default=None, help="When (default: today).")
@root_option
def log(lead_id: str, with_: str | None, note: str | None, by: str | None,
        when: dt.datetime | None, root: Path | None) -> None:
    """Add a visit or call to a lead's activities."""
    from leadreg.edit.journal import log_activity

    settings = open_settings(root)
    with_ = ask(with_, "--with", "Met with (department or person)")
    note = ask(note, "--note", "Note")
    run(lambda: log_activity(settings, lead_id, with_=with_, note=note, by=by,
                             date=settings.today(as_date(when))))
