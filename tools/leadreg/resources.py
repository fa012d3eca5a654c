"""Where the schema and the site theme live, installed or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """``schema`` or ``site``: shipped inside the wheel, or at the repo top level.

    A wheel carries copies under the package; an editable install or a plain
    checkout reads the top-level folders themselves, so there is one source.
    """
    for candidate in (_HERE / name, _HERE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"leadreg is installed without its {name}/ folder")
