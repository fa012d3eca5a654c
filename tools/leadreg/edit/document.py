"""A lead file open for editing: its text, its strict reading, the intended result.

Each change is stated twice, once to the text (:class:`LeadText`) and once to
the data the text must read back as; :meth:`LeadEdit.result` proves the two
agree before handing out bytes to write.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from leadreg import yamlsafe
from leadreg.edit.errors import EditError
from leadreg.edit.textedit import LeadText
from leadreg.edit.verify import prove
from leadreg.lead import Lead
from leadreg.settings import Settings
from leadreg.sources import REGULAR, DiskSource, Source

BOM = "\ufeff"


def lead_paths(source: Source) -> dict[str, list[str]]:
    """Every ``.yaml`` entry under leads/ by id (stem), links included."""
    found: dict[str, list[str]] = {}
    for path, _kind in source.entries():
        name = PurePosixPath(path)
        if name.suffix == ".yaml":
            found.setdefault(name.stem, []).append(path)
    return found


def locate(settings: Settings, lead_id: str) -> str:
    """The relative path of lead ``lead_id``, or an :class:`EditError` saying why not."""
    source = DiskSource(settings.root)
    paths = lead_paths(source)
    hits = paths.get(lead_id, [])
    if not hits:
        close = difflib.get_close_matches(lead_id, list(paths), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise EditError(f"no lead {lead_id!r} under leads/{hint}")
    if len(hits) > 1:
        raise EditError(f"lead id {lead_id!r} is used by {len(hits)} files ({', '.join(hits)}); "
                        "rename one of them first")
    kinds = dict(source.entries())
    if kinds.get(hits[0]) != REGULAR:
        raise EditError(f"{hits[0]} is not a regular file (a symbolic link?); leadreg edits "
                        "only real files")
    return hits[0]


@dataclass
class LeadDocument:
    """One lead file as read: raw text (without a BOM) and its strict reading."""

    relpath: str
    text: str
    data: dict[str, Any]
    bom: bool = False
    raw: bytes = b""

    @classmethod
    def read(cls, source: Source, relpath: str) -> LeadDocument:
        try:
            raw = source.read(relpath)
            bom = raw.startswith(BOM.encode("utf-8"))
            text = yamlsafe.decode(raw)
            data, _ = yamlsafe.load(text)
        except yamlsafe.LoadError as exc:
            where = f"{relpath}:{exc.line or 1}:{exc.column or 1}"
            raise EditError(f"{where}: {exc.message}; fix the file first") from None
        if not isinstance(data, dict):
            raise EditError(f"{relpath}: the top level is not a mapping of fields; fix the file "
                            "first")
        return cls(relpath, text, data, bom, raw)

    @property
    def lead(self) -> Lead:
        return Lead(PurePosixPath(self.relpath).stem, self.relpath, self.data)


class LeadEdit:
    """Changes to one lead file, applied to its text and to the expected data alike."""

    def __init__(self, doc: LeadDocument) -> None:
        self.doc = doc
        self.text = LeadText(doc.text)
        self.expected: dict[str, Any] = copy.deepcopy(doc.data)

    def set(self, key: str, value: Any) -> None:
        self.text.set(key, value)
        self.expected[key] = copy.deepcopy(value)

    def append(self, key: str, entry: Mapping[str, Any]) -> None:
        self.text.append(key, entry)
        current = self.expected.get(key)
        self.expected[key] = (current if isinstance(current, list) else []) + [dict(entry)]

    def remove(self, key: str, index: int) -> None:
        self.text.remove(key, index)
        del self.expected[key][index]

    def set_field(self, key: str, index: int, name: str, value: Any) -> None:
        self.text.set_field(key, index, name, value)
        self.expected[key][index][name] = value

    def result(self) -> bytes:
        """The new file's bytes, proved to hold exactly the intended change."""
        prove(self.doc.text, self.text.text, self.expected)
        return ((BOM if self.doc.bom else "") + self.text.text).encode("utf-8")
