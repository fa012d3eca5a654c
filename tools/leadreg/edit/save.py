"""Write a lead file only when ``leadreg check`` would accept the result.

The would-be file is checked in memory, through an overlay on the working
tree, together with every other lead (duplicates need them all).  The write
is refused when the file gets an error it did not have before, or when it
causes one in another lead that names it; problems that were already there,
here or elsewhere in the registry, do not block a rep.  The write itself is
atomic: a temporary file beside the target, then a rename.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

from leadreg.checker import check
from leadreg.diagnostics import Diagnostic, Severity
from leadreg.edit.errors import EditError
from leadreg.settings import Settings
from leadreg.sources import DiskSource


class CheckRefused(EditError):
    """The result would not pass ``leadreg check``; carries the new errors."""

    def __init__(self, relpath: str, errors: list[Diagnostic]) -> None:
        lines = [f"  {d.path}: error[{d.code}]: {d.message}" for d in errors]
        super().__init__(f"{relpath} was not written: it would not pass `leadreg check`:\n"
                         + "\n".join(lines))
        self.errors = errors


def _concerning(diagnostics: list[Diagnostic], relpath: str) -> list[Diagnostic]:
    return [d for d in diagnostics if d.path == relpath or relpath in d.related]


def _key(d: Diagnostic) -> tuple[str, str, str]:
    return d.path, d.code, d.message


def checked_write(settings: Settings, relpath: str, content: bytes, *, new: bool = False,
                  original: bytes | None = None) -> list[Diagnostic]:
    """Write ``content`` to ``relpath`` if it passes; return its warnings.

    ``original`` is the file as the edit read it: if someone saved the file in
    the meantime, nothing is written (their work is not overwritten).
    """
    overlay = DiskSource(settings.root, overlay={relpath: content})
    after = _concerning(check(settings, source=overlay).diagnostics, relpath)
    errors = [d for d in after if d.severity is Severity.ERROR]
    if errors:
        before = Counter() if new else Counter(
            _key(d) for d in _concerning(check(settings).diagnostics, relpath)
            if d.severity is Severity.ERROR)
        fresh = []
        for d in errors:
            if before[_key(d)]:
                before[_key(d)] -= 1
            else:
                fresh.append(d)
        if fresh:
            raise CheckRefused(relpath, fresh)
    if original is not None and DiskSource(settings.root).read(relpath) != original:
        raise EditError(f"{relpath} changed while leadreg was editing it; nothing was written: "
                        "run the command again")
    write_atomic(settings.root / relpath, content, new=new)
    return [d for d in after if d.severity is Severity.WARNING]


def write_atomic(path: Path, content: bytes, *, new: bool = False) -> None:
    """Replace ``path`` with ``content`` in one step; a reader sees old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if new and path.exists():
        raise EditError(f"{path.name} already exists; nothing was written")
    if path.exists():
        mode = path.stat().st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
