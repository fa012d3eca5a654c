"""A sharded search index over customer names, so a first search stays small.

One big index of every lead would have to be downloaded before the first
result (at 100,000 leads, megabytes).  Instead:

* every search key (see :mod:`searchkeys`) is cut into character bigrams;
  each bigram's posting list (``lead number × 16 + key number``, delta
  encoded) lives in one of ``shards`` files chosen by a hash of the bigram;
* the display records live in small chunk files by lead number.

A query loads ``meta.json``, the character table, the shards of its own
bigrams and the record chunks of its best candidates: a few small files,
whatever the registry's size.  ``site/static/search.js`` is the reader.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import sub

from leadreg.sitebuild.searchkeys import light_key, name_keys, t2s_table

FORMAT = 1
MAX_KEYS = 16           # keys per lead; the posting packs the key number in 4 bits
RECORDS_PER_CHUNK = 32  # small chunks: a result list touches at most ~20 of them
POSTINGS_PER_SHARD = 2000
MAX_SHARDS = 4096
COMMON_FROM = 1000      # bigrams in more postings than this are listed in meta.json


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over UTF-16 code units: what ``search.js`` computes."""
    h = 0x811C9DC5
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def grams(key: str) -> set[str]:
    """Character bigrams of a key; a one-character key is its own gram."""
    if len(key) < 2:
        return {key} if key else set()
    return {key[i:i + 2] for i in range(len(key) - 1)}


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _shard_count(postings: int) -> int:
    shards = 1
    while shards * POSTINGS_PER_SHARD < postings and shards < MAX_SHARDS:
        shards *= 2
    return shards


def search_keys(names: Sequence[str], lead_id: str) -> tuple[list[str], list[list[str]]]:
    """What a lead is found by: its names' keys and its id (at most ``MAX_KEYS``), and
    each key's grams."""
    keys = name_keys(list(names))
    id_key = light_key(lead_id)  # an id is a plain slug: no legal forms or regions to strip
    if id_key and id_key not in keys:
        keys.append(id_key)
    keys = keys[:MAX_KEYS]
    return keys, [sorted(grams(key)) for key in keys]


Postings = dict[str, list[int]]


def add_postings(postings: Postings, number: int, key_grams: Sequence[Sequence[str]]) -> None:
    """File lead ``number``'s keys under their grams.

    Workers do this for their own chunk of leads: a chunk's postings travel
    back as a few thousand integer lists instead of millions of gram strings.
    """
    base = number * MAX_KEYS
    for k, found in enumerate(key_grams[:MAX_KEYS]):
        for gram in found:
            if gram in postings:
                postings[gram].append(base + k)
            else:
                postings[gram] = [base + k]


def build_index(records: Sequence[tuple[str, str, str, str, str, list[str]]],
                parts: Iterable[Postings]) -> dict[str, bytes]:
    """Files of the index, relative to ``search/``.

    ``records`` are (id, customer, title, stage, owner name, keys) in the order
    that numbers the leads (the site sorts by id); ``parts`` are the postings
    of consecutive runs of them, in the same order.
    """
    postings: Postings = {}
    for part in parts:
        for gram, ids in part.items():
            if gram in postings:
                postings[gram] += ids
            else:
                postings[gram] = ids
    total = sum(len(p) for p in postings.values())
    shards = _shard_count(total)
    by_shard: dict[int, dict[str, list[int]]] = defaultdict(dict)
    for gram in sorted(postings):
        ids = postings[gram]  # ascending: the parts come in order, and each is ascending
        by_shard[fnv1a(gram) % shards][gram] = [ids[0], *map(sub, ids[1:], ids)]
    files = {f"g/{h}.json": _dumps(by_shard[h]) for h in sorted(by_shard)}
    rows = [list(record) for record in records]
    for start in range(0, len(rows), RECORDS_PER_CHUNK):
        files[f"r/{start // RECORDS_PER_CHUNK}.json"] = _dumps(rows[start:start + RECORDS_PER_CHUNK])
    common = {g: len(p) for g, p in sorted(postings.items()) if len(p) > COMMON_FROM}
    files["meta.json"] = _dumps({"format": FORMAT, "shards": shards, "keys": MAX_KEYS,
                                 "chunk": RECORDS_PER_CHUNK, "leads": len(rows), "common": common})
    table = t2s_table()
    files["t2s.json"] = _dumps("".join(t + s for t, s in sorted(table.items())))
    return files
