"""Talking to the GitHub REST API (issues for the nightly job, reviews for approvals)."""
