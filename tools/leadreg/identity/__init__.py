"""Customer identity: when two leads are the same customer (SPEC §8)."""
