"""Read files of a git revision without checking it out.

``git ls-tree -r -z -l`` lists a revision's files with their blob ids and
sizes; ``git cat-file --batch`` streams the blobs we need in one process.
Both work in a shallow clone as soon as the revision's objects are fetched.
Every failure becomes :class:`GitRevisionError`, which the CLI turns into
exit 2 with the message (a bad ``--base`` is bad usage).
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from leadreg.settings import SettingsError

_GIT_TIMEOUT = 600.0
_TREE_MODES = {"100644": "file", "100755": "file", "120000": "symlink"}


class GitRevisionError(SettingsError):
    """The revision cannot be read (no git, not a repository, unknown REF)."""


@dataclass(frozen=True)
class TreeEntry:
    """One file of a revision, its path relative to the registry root."""

    path: str
    kind: str  # "file", "symlink" or "other" (submodule, ...)
    oid: str
    size: int | None


def _run(root: Path, args: tuple[str, ...]) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "--literal-pathspecs", *args], cwd=root,
                              capture_output=True, timeout=_GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise GitRevisionError("--base needs git, and git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitRevisionError(f"git {args[0]} took longer than {_GIT_TIMEOUT:.0f} s") from None


def _run_input(root: Path, args: tuple[str, ...], data: bytes) -> bytes:
    try:
        proc = subprocess.run(["git", *args], cwd=root, input=data, capture_output=True,
                              timeout=_GIT_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise GitRevisionError(f"git {args[0]} took longer than {_GIT_TIMEOUT:.0f} s") from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitRevisionError(f"git {args[0]} failed: {detail[-1] if detail else 'no output'}")
    return proc.stdout


def _git(root: Path, *args: str) -> bytes:
    proc = _run(root, args)
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitRevisionError(f"git {args[0]} failed: {detail[-1] if detail else 'no output'}")
    return proc.stdout


@dataclass(frozen=True)
class Revision:
    """A resolved commit of the repository holding the registry at ``root``."""

    root: Path
    ref: str
    commit: str
    prefix: str  # the registry folder inside the repository, "" or "sub/dir/"

    @classmethod
    def open(cls, root: Path, ref: str) -> Revision:
        """Resolve ``ref`` to a commit, or explain how to make it readable."""
        if not ref or ref.startswith("-") or "\n" in ref or "\0" in ref:
            raise GitRevisionError(f"--base {ref!r} is not a git revision")
        inside = _run(root, ("rev-parse", "--is-inside-work-tree"))
        if inside.returncode != 0 or inside.stdout.strip() != b"true":
            said = inside.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitRevisionError(f"--base {ref}: {root} is not inside a git work tree"
                                   + (f" (git: {said[0]})" if said else ""))
        found = _run(root, ("rev-parse", "--verify", "--quiet", "--end-of-options",
                            f"{ref}^{{commit}}"))
        commit = found.stdout.decode().strip() if found.returncode == 0 else ""
        if not commit:
            raise GitRevisionError(
                f"--base {ref}: no such commit in this repository; in a shallow clone fetch it "
                f"first (git fetch --depth=1 origin {ref})")
        prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
        return cls(root, ref, commit, prefix)

    def files(self, *paths: str) -> dict[str, TreeEntry]:
        """Every file at or under ``paths`` (relative to the registry root)."""
        specs = [f"{self.prefix}{p}" for p in paths]
        out = _git(self.root, "ls-tree", "-r", "-z", "-l", "--full-tree", self.commit, "--",
                   *specs)
        found: dict[str, TreeEntry] = {}
        for record in out.split(b"\0"):
            if not record:
                continue
            meta, _, name = record.partition(b"\t")
            mode, _type, oid, size = meta.decode().split()
            path = name.decode("utf-8", "surrogateescape")
            if self.prefix and path.startswith(self.prefix):
                path = path[len(self.prefix):]
            found[path] = TreeEntry(path, _TREE_MODES.get(mode, "other"), oid,
                                    int(size) if size.isdigit() else None)
        return found

    def blobs(self, oids: Iterable[str], limit: int) -> dict[str, bytes]:
        """The contents of ``oids`` (skipping any over ``limit`` bytes), in one git process."""
        wanted = list(dict.fromkeys(oids))
        if not wanted:
            return {}
        return _cat_file(self.root, wanted, limit)

    def working_ids(self, paths: list[str]) -> dict[str, str]:
        """The blob ids of working-tree files (relative to the registry root), hashed by git
        in one process and with the repository's own filters, as ``git add`` would.

        ``--stdin-paths`` reads paths from the top of the work tree, hence the prefix."""
        usable = [p for p in paths if "\n" not in p and not p.startswith('"')]
        if not usable:
            return {}
        proc = _run_input(self.root, ("hash-object", "--stdin-paths"),
                          "".join(f"{self.prefix}{p}\n" for p in usable)
                          .encode("utf-8", "surrogateescape"))
        oids = proc.decode().split()
        if len(oids) != len(usable):
            raise GitRevisionError("git hash-object answered for the wrong number of files")
        return dict(zip(usable, oids))


def _cat_file(root: Path, oids: list[str], limit: int) -> dict[str, bytes]:
    """Stream ``git cat-file --batch``; a writer thread keeps the pipes from deadlocking."""
    proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=root, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdin is not None and proc.stdout is not None

    def feed() -> None:
        try:
            proc.stdin.write("".join(f"{oid}\n" for oid in oids).encode())  # type: ignore[union-attr]
            proc.stdin.close()  # type: ignore[union-attr]
        except OSError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    found: dict[str, bytes] = {}
    try:
        for _ in oids:
            header = proc.stdout.readline().split()
            if len(header) < 3:  # "<oid> missing" or a dead process
                if not header:
                    break
                continue
            oid, size = header[0].decode(), int(header[2])
            if size > limit:
                _skip(proc.stdout, size + 1)
                continue
            found[oid] = proc.stdout.read(size)
            proc.stdout.read(1)  # the newline after each object
    finally:
        proc.stdout.close()
        writer.join()
        proc.wait()
    return found


def _skip(stream: object, count: int) -> None:
    read = stream.read  # type: ignore[attr-defined]
    while count > 0:
        chunk = read(min(count, 1 << 16))
        if not chunk:
            return
        count -= len(chunk)
