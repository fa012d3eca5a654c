"""``leadreg new``."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from leadreg.cli.app import main
from leadreg.cli.common import as_date, open_settings, root_option, today_option
from leadreg.cli.edit_common import DATE, ask, run


@main.command()
@click.option("--customer", default=None, metavar="NAME", help="The customer's legal name.")
@click.option("--title", default=None, metavar="TEXT", help="A short name for the need.")
@click.option("--owner", default=None, metavar="REP", help="The rep who registers the lead.")
@click.option("--id", "lead_id", default=None, metavar="ID",
              help="The lead id (default: from the customer's name, e.g. hengda).")
@click.option("--source", default=None, metavar="S", help="Where the lead came from.")
@click.option("--deadline", type=DATE, default=None,
              help="Deadline (default: today + rules.deadline_days).")
@click.option("--credit-code", default=None, metavar="CODE", help="统一社会信用代码.")
@click.option("--website", default=None, metavar="URL", help="The customer's website.")
@click.option("--folder", default=None, metavar="DIR",
              help="Folder under leads/ (default: the registry's layout decides).")
@today_option
@root_option
def new(customer: str | None, title: str | None, owner: str | None, lead_id: str | None,
        source: str | None, deadline: dt.datetime | None, credit_code: str | None,
        website: str | None, folder: str | None, today: dt.datetime | None,
        root: Path | None) -> None:
    """Register a new lead; refuses a customer that already has an active lead."""
    from leadreg.edit.document import lead_paths
    from leadreg.edit.ids import suggest_id
    from leadreg.edit.register import NewLead, register
    from leadreg.sources import DiskSource

    settings = open_settings(root)
    customer = ask(customer, "--customer", "Customer (legal name)")
    title = ask(title, "--title", "Title")
    owner = ask(owner, "--owner", "Owner (rep id)")
    if lead_id is None and sys.stdin.isatty():
        lead_id = click.prompt("Lead id", default=suggest_id(
            customer, lead_paths(DiskSource(settings.root))))
    lead = NewLead(customer=customer, title=title, owner=owner, lead_id=lead_id, source=source,
                   deadline=as_date(deadline), credit_code=credit_code, website=website,
                   folder=folder)
    run(lambda: register(settings, lead, settings.today(as_date(today))))
