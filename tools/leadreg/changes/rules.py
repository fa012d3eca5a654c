"""SPEC §7: the rules on a change from REF to the working tree.

Each rule looks at one lead that exists on both sides and yields findings;
diagnostics point at the line in the new file (the rep's version).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from leadreg.changes import describe
from leadreg.changes.compare import Comparison, OldLead, Pair
from leadreg.changes.lists import APPEND_ONLY, appended, as_list
from leadreg.codes import register
from leadreg.diagnostics import Diagnostic, Severity
from leadreg.loading import LoadResult, attach_marks
from leadreg.yamlsafe import KeyPath


@dataclass(frozen=True)
class ChangeFinding:
    code: str
    message: str
    at: KeyPath
    on_value: bool = True


ChangeRule = Callable[[dict[str, Any], dict[str, Any], str], Iterator[ChangeFinding]]
RULES: list[ChangeRule] = []


def change_rule(code: str) -> Callable[[ChangeRule], ChangeRule]:
    """Register a rule on a lead's REF and working-tree versions under its code."""
    def wrap(func: ChangeRule) -> ChangeRule:
        register(code, Severity.ERROR, "change", (func.__doc__ or code).strip().splitlines()[0])
        RULES.append(func)
        return func
    return wrap


@change_rule("history-rewritten")
def history_rewritten(old: dict[str, Any], new: dict[str, Any], ref: str
                      ) -> Iterator[ChangeFinding]:
    """Entries of an append-only list that are on REF stay exactly as they were."""
    for key in APPEND_ONLY:
        before, after = as_list(old, key), as_list(new, key)
        index = next((i for i, item in enumerate(before)
                      if i >= len(after) or after[i] != item), None)
        if index is None:
            continue
        item = before[index]
        what = f"{key} entry {index + 1} ({describe.entry(key, item)})"
        if item in after[index + 1:]:
            yield ChangeFinding(
                "history-rewritten", f"new {key} entries were put before {what}; {key} is "
                "append-only: add new entries at the end", (key, index), False)
        elif index < len(after) and isinstance(after[index], dict) and isinstance(item, dict):
            fields = describe.changed_fields(item, after[index])
            was = "; ".join(f"{f} was {describe.short(item.get(f))!r}" for f in fields)
            yield ChangeFinding(
                "history-rewritten", f"{what} was changed ({was} on {ref}); entries already "
                f"on {ref} stay as they were: restore it and add a new entry instead",
                (key, index), False)
        else:
            gone = len(before) - index if index >= len(after) else 1
            yield ChangeFinding(
                "history-rewritten", f"{what} {'and later ones were' if gone > 1 else 'was'} "
                f"removed or replaced; {key} is append-only: restore the {ref} entries",
                (key, index) if index < len(after) else (key,), False)


@change_rule("registered-changed")
def registered_changed(old: dict[str, Any], new: dict[str, Any], ref: str
                       ) -> Iterator[ChangeFinding]:
    """``registered`` records when the customer was claimed and never changes."""
    if "registered" in old and old.get("registered") != new.get("registered"):
        yield ChangeFinding("registered-changed",
                            f"registered was {old['registered']} on {ref} and never changes; "
                            f"set it back to {old['registered']}", ("registered",))


@change_rule("owner-change-without-history")
def owner_change_without_history(old: dict[str, Any], new: dict[str, Any], ref: str
                                 ) -> Iterator[ChangeFinding]:
    """A new owner needs a new history entry handing the lead over from the old owner."""
    before, after = old.get("owner"), new.get("owner")
    if not isinstance(before, str) or not isinstance(after, str) or before == after:
        return
    added = [e for _, e in appended(old, new, "history")]
    if any(e.get("from") == before for e in added) and added[-1].get("to") == after:
        return
    if added:
        hint = (f"the new history entries must hand the lead over from {before} (the owner on "
                f"{ref}) and end with to: {after}")
    else:
        hint = (f"add a history entry {{date: …, from: {before}, to: {after}, reason: …}} "
                f"(leadreg reassign does this)")
    yield ChangeFinding("owner-change-without-history",
                        f"owner changed from {before} to {after} without a matching new history "
                        f"entry; {hint}", ("owner",))


@change_rule("deadline-change-without-extension")
def deadline_change_without_extension(old: dict[str, Any], new: dict[str, Any], ref: str
                                      ) -> Iterator[ChangeFinding]:
    """A new deadline needs a new extension entry running until it."""
    before, after = old.get("deadline"), new.get("deadline")
    if before is None or before == after:
        return
    added = [e for _, e in appended(old, new, "extensions")]
    if any(e.get("until") == after for e in added):
        return
    yield ChangeFinding("deadline-change-without-extension",
                        f"deadline changed from {before} to {after} without a new extension "
                        f"entry until {after}; add {{date: …, until: {after}, approved_by: "
                        "MANAGER, reason: …} to extensions (leadreg extend does this)",
                        ("deadline",))


register("deleted-lead", Severity.ERROR, "change",
         "A lead file on REF is gone (moving it to another folder is fine): close it instead.")


def _deleted(old: OldLead, ref: str) -> Diagnostic:
    return Diagnostic(old.path, None, None, Severity.ERROR, "deleted-lead",
                      f"lead {old.id} exists on {ref} but was deleted; a lead file is never "
                      f"deleted: restore it and close it instead (leadreg close {old.id} --as "
                      "lost|closed --reason …); moving it to another folder is fine")


def _pair_diagnostics(pair: Pair, ref: str, result: LoadResult) -> list[Diagnostic]:
    if pair.old.data is None:
        return []  # unreadable at REF: nothing on record to protect
    found = [f for rule in RULES for f in rule(pair.old.data, pair.new.data, ref)]
    if not found:
        return []
    lead = attach_marks(pair.new, result.source)
    diagnostics = []
    for f in found:
        line, column = lead.position(f.at, value=f.on_value)
        related = (pair.old.path,) if pair.moved else ()
        diagnostics.append(Diagnostic(lead.path, line, column, Severity.ERROR, f.code,
                                      f.message, related))
    return diagnostics


def diagnose(comparison: Comparison, result: LoadResult) -> list[Diagnostic]:
    """Every §7 diagnostic of the change described by ``comparison``."""
    ref = comparison.ref
    found = [_deleted(old, ref) for old in comparison.deleted]
    for pair in comparison.changed:
        found += _pair_diagnostics(pair, ref, result)
    return found
