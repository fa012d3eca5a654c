"""A lead's customer as the keys it can be recognised by (SPEC §8)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from leadreg.identity import credit_code, regions
from leadreg.identity.names import ParsedName, parse_names
from leadreg.identity.regions import Mention
from leadreg.identity.website import domain_key
from leadreg.yamlsafe import KeyPath


@dataclass(frozen=True, slots=True)
class NameRef:
    """One name or alias of a customer, where it is written, and its regions."""

    parsed: ParsedName
    at: KeyPath
    regions: tuple[Mention, ...]  # the name's own, else those of customer.region

    @property
    def label(self) -> str:
        return "name" if self.at == ("customer", "name") else "alias"

    def describe(self) -> str:
        return f"{self.label} {self.parsed.text}"


@dataclass(frozen=True, slots=True)
class Customer:
    names: tuple[NameRef, ...]
    credit_code: str | None
    domain: str | None
    distinct_from: frozenset[str]

    @property
    def display_name(self) -> str:
        return self.names[0].parsed.text if self.names else ""


def _texts(customer: Mapping[str, Any]) -> list[tuple[KeyPath, str]]:
    found: list[tuple[KeyPath, str]] = []
    name = customer.get("name")
    if isinstance(name, str) and name.strip():
        found.append((("customer", "name"), name))
    aliases = customer.get("aliases")
    if isinstance(aliases, list):
        for i, alias in enumerate(aliases):
            if isinstance(alias, str) and alias.strip():
                found.append((("customer", "aliases", i), alias))
    return found


def _field_regions(value: Any) -> tuple[Mention, ...]:
    """customer.region ("江苏 苏州", "Suzhou"): the words that are regions."""
    return _regions_of(value) if isinstance(value, str) and len(value) < 200 else ()


@lru_cache(maxsize=4096)
def _regions_of(value: str) -> tuple[Mention, ...]:
    found: list[Mention] = []
    for word in value.replace(",", " ").replace("，", " ").replace("、", " ").split():
        found.extend(regions.words(word.casefold()) or ())
    return tuple(found)


def customers_of(dicts: Sequence[Mapping[str, Any]]) -> list[Customer]:
    """Every customer's keys, names parsed in one batch."""
    texts = [_texts(c) for c in dicts]
    parsed = iter(parse_names([text for entries in texts for _, text in entries]))
    out: list[Customer] = []
    for customer, entries in zip(dicts, texts):
        # A name without a region of its own is where customer.region says, else
        # where the customer's main name says: aliases belong to that customer.
        fallback = _field_regions(customer.get("region"))
        refs = []
        for at, _ in entries:
            name = next(parsed)
            if not fallback and at == ("customer", "name"):
                fallback = name.regions
            if name.core:
                refs.append(NameRef(name, at, name.regions or fallback))
        code = customer.get("credit_code")
        code = credit_code.normalise(code) if isinstance(code, str) and code.strip() else None
        distinct = customer.get("distinct_from")
        out.append(Customer(
            tuple(refs), code, domain_key(customer.get("website")),
            frozenset(d for d in distinct if isinstance(d, str))
            if isinstance(distinct, list) else frozenset()))
    return out


def customer_of(customer: Mapping[str, Any]) -> Customer:
    return customers_of([customer])[0]
