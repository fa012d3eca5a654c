"""Which folder under leads/ a new lead goes to.

Registries that keep every lead directly in ``leads/`` get ``leads/ID.yaml``.
Registries with sub-folders get, in this order: the folder named after the
customer's region (苏州… → ``jiangsu`` or ``suzhou``, when such a folder
exists: the sample registry files leads by province), else the folder that
holds most of the owner's leads, else ``leads/`` itself.  ``--folder`` wins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import PurePosixPath

from leadreg.edit.errors import EditError
from leadreg.identity import regions
from leadreg.identity.names import parse_name
from leadreg.lead import Lead
from leadreg.settings import LEADS_DIR


def _folder(path: str) -> str:
    return str(PurePosixPath(path).parent)


def region_folder_names(customer: str) -> list[str]:
    """Latin names of the regions a customer name mentions, most specific first."""
    codes: set[str] = set()
    for mention in parse_name(customer).regions:
        for code in mention:
            codes.update(code[:n] for n in range(2, len(code) + 1, 2))
    names = [(max((len(c) for c in mention if c in codes), default=0), word)
             for word, mention in regions.table().latin.items() if mention & codes]
    return [word for _, word in sorted(names, key=lambda pair: (-pair[0], pair[1]))]


def choose_folder(customer: str, owner: str, lead_paths: Iterable[str], leads: Iterable[Lead],
                  requested: str | None = None) -> str:
    """The folder (relative to the registry root) for a new lead."""
    if requested is not None:
        parts = PurePosixPath(requested.replace("\\", "/")).parts
        if any(part in ("..", ".", "") or part.startswith(".") for part in parts) or (
                requested.startswith("/")):
            raise EditError(f"--folder {requested!r} must be a plain folder path under leads/")
        if parts and parts[0] == LEADS_DIR:
            parts = parts[1:]
        return str(PurePosixPath(LEADS_DIR, *parts))
    subfolders: set[str] = set()
    for path in lead_paths:
        subfolders.update(str(f) for f in PurePosixPath(path).parents
                          if len(f.parts) > 1 and f.parts[0] == LEADS_DIR)
    if not subfolders:
        return LEADS_DIR
    by_name: dict[str, str] = {}
    for folder in sorted(subfolders, key=lambda f: (f.count("/"), f)):  # shallowest first
        by_name.setdefault(PurePosixPath(folder).name.lower(), folder)
    for name in region_folder_names(customer):
        if name in by_name:
            return by_name[name]
    owned = Counter(_folder(lead.path) for lead in leads if lead.owner == owner)
    if owned:
        return min(owned, key=lambda f: (-owned[f], f))
    return LEADS_DIR
