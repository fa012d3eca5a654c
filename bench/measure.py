"""Shared measuring tools for the benchmarks: wall time and peak RSS of a process
tree, and a command timed against the bare parse of the same registry."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generate import generate

ROOT = Path(__file__).resolve().parents[1]

BARE_PARSE = """
import os, sys, yaml
n = 0
for folder, dirs, files in os.walk(sys.argv[1]):
    for name in files:
        if name.endswith('.yaml'):
            with open(os.path.join(folder, name), encoding='utf-8') as fh:
                yaml.load(fh.read(), Loader=yaml.CSafeLoader)
            n += 1
print(n)
"""


@dataclass
class Run:
    seconds: float
    peak_rss_mib: float  # summed over the process tree: shared pages counted per process
    returncode: int
    stdout: str
    cpu_seconds: float  # user + system of the process and the children it waited for
    peak_pss_mib: float = 0.0  # summed PSS: what the tree really held at its peak


def _tree_memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of ``pid`` and all its descendants, summed, from /proc.

    Summed RSS counts a page shared copy-on-write by a forked worker once per
    process; PSS shares it out, so its sum is the memory the tree really holds.
    """
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, []))
        try:
            with open(f"/proc/{current}/smaps_rollup", encoding="utf-8") as fh:
                for line in fh:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss


def run(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd``; wall time, CPU time and the peak memory of its process tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    peak = peak_pss = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        while not stop.is_set():
            rss, pss = _tree_memory_kib(proc.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(seconds, peak / 1024, proc.returncode, out, cpu, peak_pss / 1024)


def bare_parse(registry: Path) -> Run:
    return run([sys.executable, "-c", BARE_PARSE, str(registry / "leads")])


def leadreg(*args: str) -> list[str]:
    return [sys.executable, "-m", "leadreg", *args]


def median(values: list[float]) -> float:
    return statistics.median(values)


def registry_of(folder: Path, leads: int) -> Path:
    """The generated registry of ``leads`` leads under ``folder``, written on first use."""
    registry = folder / f"registry-{leads}"
    if not (registry / "registry.yaml").exists():
        print(f"generating {leads} leads in {registry} …", flush=True)
        generate(registry, leads)
    return registry


@dataclass
class Comparison:
    """Seconds of each run of a command and of the bare parse beside it."""
    bares: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    rss_mib: list[float] = field(default_factory=list)
    pss_mib: list[float] = field(default_factory=list)
    returncodes: list[int] = field(default_factory=list)
    bare_cpu: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return [s / b for s, b in zip(self.seconds, self.bares)]

    def summary(self, name: str) -> str:
        return (f"median of {len(self.seconds)}: bare parse {median(self.bares):.2f} s, "
                f"{name} {median(self.seconds):.2f} s, ratio {median(self.ratios):.2f}x "
                f"(runs {', '.join(f'{r:.2f}' for r in self.ratios)}), "
                f"peak memory (max) {max(self.pss_mib):.0f} MiB PSS, "
                f"{max(self.rss_mib):.0f} MiB RSS summed; CPU s: bare parse "
                f"{median(self.bare_cpu):.1f}, {name} {median(self.cpu):.1f} (medians)")


def against_bare(registry: Path, name: str, cmd: list[str], runs: int,
                 before_each: Callable[[], None] = lambda: None) -> Comparison:
    """Run ``cmd`` and the bare parse of ``registry`` alternately, as fresh
    processes, so both see the same machine load and page cache."""
    bare_parse(registry)  # warm the page cache for both contestants
    result = Comparison()
    for i in range(runs):
        before_each()
        bare = bare_parse(registry)
        measured = run(cmd)
        result.bares.append(bare.seconds)
        result.seconds.append(measured.seconds)
        result.rss_mib.append(measured.peak_rss_mib)
        result.pss_mib.append(measured.peak_pss_mib)
        result.returncodes.append(measured.returncode)
        result.bare_cpu.append(bare.cpu_seconds)
        result.cpu.append(measured.cpu_seconds)
        print(f"run {i + 1}: bare parse {bare.seconds:6.2f} s   {name} {measured.seconds:6.2f} s   "
              f"ratio {result.ratios[-1]:.2f}x   {name} peak PSS {measured.peak_pss_mib:5.0f} MiB "
              f"(RSS summed {measured.peak_rss_mib:5.0f})   "
              f"CPU s {bare.cpu_seconds:.1f} / {measured.cpu_seconds:.1f}",
              flush=True)
    return result
