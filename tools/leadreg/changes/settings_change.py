"""Changes to registry.yaml that need a manager: who is a manager, and the rules.

The approval gate already reads managers from REF, so a pull request that
promotes someone gains nothing by itself; listing the promotion makes sure a
real manager agrees before it takes effect on main.
"""

from __future__ import annotations

import dataclasses

from leadreg.changes.meaning import Event
from leadreg.settings import SETTINGS_FILE, Settings


def _event(template: str, **facts: object) -> Event:
    return Event("settings", SETTINGS_FILE, SETTINGS_FILE, template,
                 {k: "" if v is None else str(v) for k, v in facts.items()})


def settings_events(base: Settings, current: Settings) -> list[Event]:
    events = []
    for rep_id in sorted(set(base.reps) | set(current.reps)):
        old, new = base.reps.get(rep_id), current.reps.get(rep_id)
        was = bool(old and old.manager)
        now = bool(new and new.manager)
        if now and not was:
            events.append(_event("registry.yaml makes {rep} a manager", rep=rep_id))
        elif was and not now:
            events.append(_event("registry.yaml no longer has {rep} as a manager", rep=rep_id))
        elif was and now and old and new and old.github != new.github:
            events.append(_event("registry.yaml changes the GitHub login of manager {rep} "
                                 "from {old} to {new}", rep=rep_id, old=old.github,
                                 new=new.github))
    for field in dataclasses.fields(base.rules):
        before, after = getattr(base.rules, field.name), getattr(current.rules, field.name)
        if before != after:
            events.append(_event("registry.yaml changes rules.{name} from {old} to {new}",
                                 name=field.name, old=before, new=after))
    return events
