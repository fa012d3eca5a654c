"""Where lead files come from: the working tree, or bytes held in memory.

A source lists candidate files under ``leads/`` without following symbolic
links and reads each with the size limit applied *before* the bytes are held,
so no input can make leadreg use unbounded memory.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from leadreg.settings import LEADS_DIR
from leadreg.yamlsafe import LoadError

MAX_BYTES = 1 << 20
REGULAR, SYMLINK, SPECIAL = "file", "symlink", "special"


class Source(Protocol):
    def entries(self) -> list[tuple[str, str]]:
        """(relative posix path, kind) of every entry under leads/."""

    def read(self, path: str) -> bytes:
        """The file's bytes; LoadError for a file too large or unreadable."""


def _too_large(size: int) -> LoadError:
    return LoadError("file-too-large", f"the file is {size:,} bytes, over the 1 MiB limit")


@dataclass
class DiskSource:
    """The working tree under ``root``, optionally with some files replaced.

    ``overlay`` maps a relative path to new bytes (or None: deleted); editing
    helpers check a would-be result through it without writing anything.
    """

    root: Path
    overlay: Mapping[str, bytes | None] = field(default_factory=dict)

    def entries(self) -> list[tuple[str, str]]:
        found: dict[str, str] = {}
        top = self.root / LEADS_DIR
        if top.is_symlink():
            found[LEADS_DIR] = SYMLINK
        elif top.is_dir():
            stack = [(top, LEADS_DIR)]
            while stack:
                folder, rel_folder = stack.pop()
                try:
                    scan = list(os.scandir(folder))
                except OSError:
                    continue
                for entry in scan:
                    if entry.name.startswith("."):
                        continue
                    rel = f"{rel_folder}/{entry.name}"
                    if entry.is_symlink():
                        found[rel] = SYMLINK
                    elif entry.is_dir(follow_symlinks=False):
                        stack.append((Path(entry.path), rel))
                    elif entry.is_file(follow_symlinks=False):
                        found[rel] = REGULAR
                    else:
                        found[rel] = SPECIAL
        for rel, content in self.overlay.items():
            if content is None:
                found.pop(rel, None)
            else:
                found[rel] = REGULAR
        return sorted(found.items())

    def read(self, path: str) -> bytes:
        if path in self.overlay:
            content = self.overlay[path]
            if content is None:
                raise LoadError("yaml-syntax", "the file was removed")
            if len(content) > MAX_BYTES:
                raise _too_large(len(content))
            return content
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(os.path.join(self.root, path), flags)
        except OSError as exc:
            raise LoadError("symlink" if exc.errno == 40 else "yaml-syntax",
                            f"cannot open the file: {exc.strerror}") from None
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise LoadError("not-a-file", "not a regular file")
            if info.st_size > MAX_BYTES:
                raise _too_large(info.st_size)
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise _too_large(len(data))
        return data


@dataclass
class MemorySource:
    """Lead files held in memory, e.g. read from a git revision."""

    files: Mapping[str, bytes]
    links: frozenset[str] = frozenset()

    def entries(self) -> list[tuple[str, str]]:
        kinds = [(p, REGULAR) for p in self.files] + [(p, SYMLINK) for p in self.links]
        return sorted(kinds)

    def read(self, path: str) -> bytes:
        data = self.files[path]
        if len(data) > MAX_BYTES:
            raise _too_large(len(data))
        return data
