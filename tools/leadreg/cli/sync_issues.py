"""``leadreg sync-issues``."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from leadreg.cli.app import main
from leadreg.cli.common import as_date, open_settings, root_option, today_option
from leadreg.github.client import GitHubClient, GitHubError
from leadreg.github.issues import IssueAPI
from leadreg.issue_sync.links import Links
from leadreg.issue_sync.report import outcome_line, plan_lines, step_summary, summary_line
from leadreg.issue_sync.sync import sync_issues as run_sync

WRITE_BUDGET = 50  # GitHub allows ~80 content-creating requests a minute; stay well under


@main.command("sync-issues")
@today_option
@click.option("--dry-run", is_flag=True, help="Print the plan (create/update/close per issue); "
              "write nothing.")
@click.option("--max-writes", type=click.IntRange(1, 500), default=WRITE_BUDGET,
              show_default=True, help="Write requests this run may make; the next run "
              "continues.")
@root_option
def sync_issues(today: dt.datetime | None, dry_run: bool, max_writes: int,
                root: Path | None) -> None:
    """Make the repository's GitHub issues match the registry.

    One open issue per expired lead (label lead-expired, assigned to the owner),
    a digest of leads due soon, and an issue while `leadreg check` fails. Reads
    GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL.
    """
    settings = open_settings(root)
    try:
        client = GitHubClient.from_env(write_budget=max_writes)
    except GitHubError as exc:
        raise click.UsageError(exc.message) from None
    if not client.token and not dry_run:
        raise click.UsageError("GITHUB_TOKEN must be set (a token with issues: write)")
    api = IssueAPI(client)
    links = Links.for_registry(settings, client.repository)
    try:
        run = run_sync(settings, api, settings.today(as_date(today)), links, dry_run)
    except GitHubError as exc:
        click.echo(f"leadreg: cannot read the repository's issues: {exc}", err=True)
        sys.exit(1)
    if run.applied is None:
        click.echo("\n".join(plan_lines(run.plan)))
    else:
        for outcome in run.applied.outcomes:
            click.echo(outcome_line(outcome))
    for note in run.plan.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(summary_line(run.plan, run.applied, client.writes), err=True)
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        with open(summary_path, "a", encoding="utf-8") as fh:
            fh.write(step_summary(run.plan, run.applied, client.writes))
    sys.exit(0 if run.ok else 1)
