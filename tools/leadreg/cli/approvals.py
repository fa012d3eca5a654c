"""``leadreg approvals``."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from leadreg.changes.approvals import check_reviews, gather
from leadreg.changes.render import markdown, payload, status_lines, text
from leadreg.cli.app import main
from leadreg.cli.common import format_option, open_settings, root_option
from leadreg.github.client import GitHubClient, GitHubError
from leadreg.github.reviews import pull_number_from_event
from leadreg.reporters.github import escape_data


def _fail(message: str) -> None:
    click.echo(f"leadreg: {message}", err=True)
    sys.exit(2)


@main.command()
@click.option("--base", required=True, metavar="REF",
              help="The git revision the change is compared with (e.g. origin/main).")
@format_option("text", "json")
@click.option("--pr", "pr", type=click.IntRange(min=1), default=None, metavar="N",
              help="Check the reviews of pull request N (default: the workflow's own).")
@root_option
def approvals(base: str, fmt: str | None, pr: int | None, root: Path | None) -> None:
    """List changes that need a manager's approval; with a pull request, wait for one."""
    settings = open_settings(root)
    report = gather(settings, base)
    try:
        number = pr or pull_number_from_event()
    except GitHubError as exc:
        return _fail(exc.message)
    if number is not None:
        report.pull_number = number
        if report.needed:
            try:
                client = GitHubClient.from_env()
            except GitHubError as exc:
                return _fail(exc.message)
            check_reviews(report, client, number)
    if fmt == "json":
        click.echo(json.dumps(payload(report), ensure_ascii=False, indent=2))
    else:
        click.echo(text(report), nl=False)
    if report.exit_code and os.environ.get("GITHUB_ACTIONS") == "true" and fmt != "json":
        click.echo(f"::error title=manager approval::{escape_data(status_lines(report)[0])}")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        try:
            with open(summary, "a", encoding="utf-8") as fh:
                fh.write(markdown(report))
        except OSError as exc:
            click.echo(f"leadreg: cannot write the step summary: {exc.strerror}", err=True)
    sys.exit(report.exit_code)
