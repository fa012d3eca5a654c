"""What every page needs while the site is written: views, templates, the output folder."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment

from leadreg.settings import Settings
from leadreg.sitebuild.i18n import Translator
from leadreg.sitebuild.views import LeadView


@dataclass
class Site:
    settings: Settings
    today: dt.date
    t: Translator
    views: list[LeadView]  # every published lead, sorted by id
    out: Path
    env: Environment = field(init=False, repr=False)
    _dirs: set[str] = field(default_factory=set, repr=False)

    def rep_name(self, rep_id: str) -> str:
        rep = self.settings.reps.get(rep_id)
        return rep.name if rep else rep_id

    def people(self) -> list[str]:
        """Reps from registry.yaml in its order, then any other id a lead names."""
        named = {v.owner for v in self.views if v.owner}
        named |= {a for v in self.views for a in v.assistant_ids}
        return list(self.settings.reps) + sorted(named - set(self.settings.reps))

    def render(self, template: str, relpath: str, **context: Any) -> int:
        """Render a template to ``relpath``; links inside are relative to it."""
        depth = relpath.count("/")
        html = self.env.get_template(template).render(root="../" * depth, **context)
        return self.write(relpath, html.encode("utf-8"))

    def write(self, relpath: str, data: bytes) -> int:
        path = os.path.join(self.out, relpath)
        parent = os.path.dirname(path)
        if parent not in self._dirs:
            try:
                os.mkdir(parent)  # the common case: a lead's own new folder
            except FileExistsError:
                pass
            except FileNotFoundError:
                os.makedirs(parent, exist_ok=True)
            self._dirs.add(parent)
        with open(path, "wb") as fh:
            fh.write(data)
        return 1
