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

from generate import generate
from measure import bare_parse, leadreg, median, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/leadreg-bench"))
    args = parser.parse_args()
    registry = args.dir / f"registry-{args.leads}"
    if not (registry / "registry.yaml").exists():
        print(f"generating {args.leads} leads in {registry} …", flush=True)
        generate(registry, args.leads)
    bare_parse(registry)  # warm the page cache for both contestants
    print(f"load average {os.getloadavg()[0]:.2f} at the start", flush=True)
    ratios, checks, bares, rss = [], [], [], []
    for i in range(args.runs):
        bare = bare_parse(registry)
        check = run(leadreg("check", "--root", str(registry), "--format", "json"))
        if check.returncode != 0:
            raise SystemExit(f"leadreg check failed on the synthetic registry ({check.returncode})")
        ratios.append(check.seconds / bare.seconds)
        checks.append(check.seconds)
        bares.append(bare.seconds)
        rss.append(check.peak_rss_mib)
        print(f"run {i + 1}: bare parse {bare.seconds:6.2f} s   check {check.seconds:6.2f} s   "
              f"ratio {ratios[-1]:.2f}x   check peak RSS {check.peak_rss_mib:6.0f} MiB", flush=True)
    print(f"\n{args.leads} leads, median of {args.runs}: bare parse {median(bares):.2f} s, "
          f"check {median(checks):.2f} s, ratio {median(ratios):.2f}x, "
          f"peak RSS {max(rss):.0f} MiB (max); load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
