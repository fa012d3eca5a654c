"""The ``leadreg`` command line: argument parsing and printing only.

Each command lives in its own module here and registers itself on
:data:`leadreg.cli.app.main`; the work is done by the library modules.
"""

from __future__ import annotations

import importlib
import pkgutil

from leadreg.cli.app import main

for _info in pkgutil.iter_modules(__path__):
    if _info.name not in ("app", "common"):
        importlib.import_module(f"{__name__}.{_info.name}")

__all__ = ["main"]
