"""Customer identity: when two leads are the same customer (SPEC §8).

Public entry points: :func:`leadreg.identity.names.normalise_name` and
:func:`leadreg.identity.matching.find_matches`.
"""
