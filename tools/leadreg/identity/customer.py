"""A lead's customer as the keys it can be recognised by (SPEC §8)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from leadreg.identity import credit_code, regions
from leadreg.identity.names import ParsedName, parse_names
from leadreg.identity.regions import Mention
from leadreg.identity.typos import neighbourhood
from leadreg.identity.website import domain_key
from leadreg.lead import Lead, derived
from leadreg.yamlsafe import KeyPath

NAME_AT: KeyPath = ("customer", "name")


class NameRef(tuple[ParsedName, KeyPath, tuple[Mention, ...], bytes]):
    """One name or alias of a customer, where it is written, its regions (the
    name's own, else those of customer.region) and, for a registry scan, the
    hashes its typos are found by (:mod:`leadreg.identity.typos`; empty
    otherwise).  A tuple, like ParsedName."""

    __slots__ = ()

    @property
    def parsed(self) -> ParsedName:
        return self[0]

    @property
    def at(self) -> KeyPath:
        return self[1]

    @property
    def regions(self) -> tuple[Mention, ...]:
        return self[2]

    @property
    def neighbourhood(self) -> bytes:
        return self[3]

    @property
    def label(self) -> str:
        return "name" if self[1] == NAME_AT else "alias"

    def describe(self) -> str:
        return f"{self.label} {self[0].text}"


class Customer(tuple[tuple[NameRef, ...], str | None, str | None, frozenset[str],
                     tuple[Mention, ...] | None]):
    """A customer's keys: (names, credit code, website domain, distinct_from ids,
    the regions all its names share or None)."""

    __slots__ = ()

    @property
    def names(self) -> tuple[NameRef, ...]:
        return self[0]

    @property
    def credit_code(self) -> str | None:
        return self[1]

    @property
    def domain(self) -> str | None:
        return self[2]

    @property
    def distinct_from(self) -> frozenset[str]:
        return self[3]

    @property
    def regions(self) -> tuple[Mention, ...] | None:
        """The regions of every one of its names, when they are the same (usual)."""
        return self[4]

    @property
    def display_name(self) -> str:
        return self[0][0].parsed.text if self[0] else ""


@lru_cache(maxsize=256)
def _alias_at(index: int) -> KeyPath:
    return ("customer", "aliases", index)


def _texts(customer: Mapping[str, Any]) -> list[tuple[KeyPath, str]]:
    found: list[tuple[KeyPath, str]] = []
    name = customer.get("name")
    if isinstance(name, str) and name.strip():
        found.append((NAME_AT, name))
    aliases = customer.get("aliases")
    if isinstance(aliases, list):
        for i, alias in enumerate(aliases):
            if isinstance(alias, str) and alias.strip():
                found.append((_alias_at(i), alias))
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


def customers_of(dicts: Sequence[Mapping[str, Any]], typos: bool = False) -> list[Customer]:
    """Every customer's keys, names parsed in one batch; ``typos``: with the
    hashes that a registry scan finds names one typo apart by."""
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
            if not fallback and at is NAME_AT:
                fallback = name.regions
            if name.core:
                refs.append(NameRef((name, at, name.regions or fallback,
                                     neighbourhood(name.core) if typos else b"")))
        code = customer.get("credit_code")
        code = credit_code.normalise(code) if isinstance(code, str) and code.strip() else None
        distinct = customer.get("distinct_from")
        places = {ref[2] for ref in refs}
        out.append(Customer((
            tuple(refs), code, domain_key(customer.get("website")),
            frozenset(d for d in distinct if isinstance(d, str))
            if isinstance(distinct, list) else frozenset(),
            refs[0][2] if len(places) == 1 else None)))
    return out


def customer_of(customer: Mapping[str, Any]) -> Customer:
    return customers_of([customer])[0]


@derived("customer")
def customer_keys(leads: Sequence[Lead]) -> list[Customer]:
    """Each lead's customer keys; loading computes them in its workers."""
    return customers_of([lead.customer for lead in leads], typos=True)
