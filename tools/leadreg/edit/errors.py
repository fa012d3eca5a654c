"""The one way an editing helper says no (exit 1, nothing written)."""

from __future__ import annotations


class EditError(Exception):
    """The edit cannot be made; the message tells the rep why and what to do."""


class CommentWouldBeLost(EditError):
    """A rewrite would drop a comment: nothing is written (see ``leadreg fmt``)."""
