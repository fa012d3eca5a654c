"""Benchmark ``leadreg check`` against the bare CSafeLoader parse of the same files.

    python bench/bench_check.py [--leads 100000] [--runs 3] [--dir /tmp/leadreg-bench]

Both run as fresh processes, alternating, so they see the same machine load
and page cache; the ratio of each pair is reported with the median over runs.
Target (issue 2): check <= 1.0x the bare parse, peak RSS <= 1 GiB.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from measure import against_bare, leadreg, registry_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/leadreg-bench"))
    args = parser.parse_args()
    registry = registry_of(args.dir, args.leads)
    print(f"load average {os.getloadavg()[0]:.2f} at the start", flush=True)
    command = leadreg("check", "--root", str(registry), "--format", "json")
    check = against_bare(registry, "check", command, args.runs)
    if any(check.returncodes):
        raise SystemExit(f"leadreg check failed on the synthetic registry ({check.returncodes})")
    print(f"\n{args.leads} leads, {check.summary('check')}; "
          f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
