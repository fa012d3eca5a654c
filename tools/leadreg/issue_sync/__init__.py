"""The nightly job (``leadreg sync-issues``): the repository's issues follow the registry.

``target`` says which issues the registry asks for (one per expired lead,
a due-soon digest, a check-failed issue) and why others should close;
``plan`` diffs that against the issues found by label; ``apply`` carries the
plan out within a write budget; ``bodies``/``closing``/``texts`` write the
words; ``markers`` are the hidden comments that make an issue ours;
``sync`` runs it all, ``report`` says what happened.
"""
