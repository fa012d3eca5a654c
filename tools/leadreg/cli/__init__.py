"""The ``leadreg`` command line: argument parsing and printing only.

Each command lives in its own module here, named after the command
(``sync-issues`` → ``sync_issues.py``), and registers itself on
:data:`leadreg.cli.app.main`, which imports it when the command is used.
The work is done by the library modules.
"""

from __future__ import annotations

from leadreg.cli.app import main

__all__ = ["main"]
