"""Benchmark ``leadreg build`` against the bare CSafeLoader parse of the same files.

    python bench/bench_build.py [--leads 100000] [--runs 1] [--dir /tmp/leadreg-bench]
                                [--site-in DIR] [--no-browser]

Both run as fresh processes, alternating, so they see the same machine load
and page cache.  Both work in memory: the registry is read from the page
cache, and the site is written to a tmpfs (``/dev/shm``, or ``--site-in``).
On a disk, creating the 100,000 ``leads/ID/`` folders is the file system's
work, not leadreg's, and on this project's VM it took anything from 9 s to
63 s of kernel time for the same 100,000 folders (``--site-in /tmp`` to see it).  Target (issue 6): build <= 3x the bare parse.  Also reported:
the size of ``index.html`` (target <= 300 kB) and what a first search in the
board downloads (target <= 300 kB), measured in Debian's Chromium when it is
installed (every response the search triggers is counted), else by replaying
the search's file choices in Python.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from measure import ROOT, against_bare, leadreg, registry_of

sys.path.insert(0, str(ROOT))


def browser_search_bytes(site: Path, query: str) -> tuple[int, int, int] | None:
    """(bytes, files, results) fetched by one search typed into the served board."""
    try:
        from tests.browser.harness import CHROMIUM, chromium, serve
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    with serve(site) as url, chromium() as browser:
        page = browser.new_page()
        page.goto(url + "index.html")
        page.wait_for_load_state("networkidle")
        sizes: list[int] = []
        page.on("response", lambda r: sizes.append(len(r.body())) if "/search/" in r.url else None)
        page.fill("#q", query)
        page.press("#q", "Enter")
        page.wait_for_function("() => document.getElementById('search-status').textContent === ''"
                               " && document.querySelectorAll('#search-results li').length > 0",
                               timeout=30_000)
        page.wait_for_load_state("networkidle")
        results = page.locator("#search-results li").count()
    return sum(sizes), len(sizes), results


def sample_query(site: Path) -> str:
    """A real customer name from the middle of the registry, in traditional script."""
    import opencc

    records = json.loads((site / "search" / "r" / "100.json").read_text(encoding="utf-8"))
    name = records[len(records) // 2][1]
    return opencc.OpenCC("s2t").convert(name)


def _memory_folder() -> Path | None:
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/leadreg-bench"))
    parser.add_argument("--site-in", type=Path, default=_memory_folder(),
                        help="where the built site goes (default: a tmpfs when there is one)")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    registry = registry_of(args.dir, args.leads)
    print(f"load average {os.getloadavg()[0]:.2f} at the start", flush=True)
    out = Path(tempfile.mkdtemp(prefix="leadreg-site-", dir=args.site_in))
    print(f"the site goes to {out}", flush=True)
    try:
        site = out / "site"
        build = against_bare(registry, "build",
                             leadreg("build", "--root", str(registry), "--out", str(site),
                                     "--today", "2026-12-03"),
                             args.runs, before_each=lambda: shutil.rmtree(site, ignore_errors=True))
        if any(code not in (0, 1) for code in build.returncodes):
            raise SystemExit(f"leadreg build failed on the synthetic registry ({build.returncodes})")
        if 1 in build.returncodes:
            print("note: the synthetic registry has files with errors; build left them out "
                  "(run leadreg check on it)", flush=True)
        index_kb = (site / "index.html").stat().st_size / 1000
        files = sum(1 for p in site.rglob("*") if p.is_file())
        print(f"\n{args.leads} leads, {build.summary('build')}; {files} files; "
              f"index.html {index_kb:.0f} kB; load average {os.getloadavg()[0]:.2f} at the end")
        if not args.no_browser:
            query = sample_query(site)
            measured = browser_search_bytes(site, query)
            if measured:
                size, count, results = measured
                print(f"first search for {query!r} in Chromium: {size / 1000:.0f} kB in {count} "
                      f"files, {results} result(s)")
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
