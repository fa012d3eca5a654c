"""``leadreg evidence``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from leadreg.cli.app import main
from leadreg.cli.common import as_date, open_settings, root_option
from leadreg.cli.edit_common import DATE, ask, run
from leadreg.edit.close import EVIDENCE_KINDS


@main.command()
@click.argument("lead_id", metavar="ID")
@click.option("--kind", type=click.Choice(EVIDENCE_KINDS), default=None,
              help="sample_request (打样), quote_request (报价), supplier_pool (供应商资源池), "
                   "or other.")
@click.option("--note", default=None, help="What the customer asked for or granted.")
@click.option("--date", "when", type=DATE, default=None, help="When (default: today).")
@root_option
def evidence(lead_id: str, kind: str | None, note: str | None, when: dt.datetime | None,
             root: Path | None) -> None:
    """Record evidence; a lead in stage lead becomes an opportunity."""
    from leadreg.edit.journal import add_evidence

    settings = open_settings(root)
    kind = ask(kind, "--kind", "Kind", type=click.Choice(EVIDENCE_KINDS))
    note = ask(note, "--note", "Note")
    run(lambda: add_evidence(settings, lead_id, kind=kind, note=note,
                             date=settings.today(as_date(when))))
