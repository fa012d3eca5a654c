"""Editing helpers for reps: write lead files without losing a byte of theirs.

Helpers (``new``, ``extend``, ``reassign``, ``close``, ``log``, ``evidence``)
edit a lead's text surgically at the positions the strict reader reports, so
every line they do not mean to change stays byte for byte; ``fmt`` re-lays a
whole file out with ruamel.yaml's round-trip writer.  Every result is proved
before it is written: the strict reader must give exactly the intended data,
no comment may be missing, and ``leadreg check`` must find no new error.
"""

from leadreg.edit.errors import EditError

__all__ = ["EditError"]
