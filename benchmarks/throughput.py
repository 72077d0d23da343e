#!/usr/bin/env python3
"""Throughput benchmark for the ``newsclean`` command: records/s on N processes, and peak memory.

  python benchmarks/throughput.py [--size 1G] [--jobs 1,2] [--dir /tmp] [--keep]

Generates a JSONL file of ``--size`` bytes under ``--dir`` (records ``{"id", "text"}`` cycled
from fixtures/*.txt, each with its own id), runs ``newsclean FILE --jobs N`` on it for every N
with stdout to /dev/null, and reports records/s and peak resident memory. Memory is sampled
every 0.1 s over the whole process tree (the command, its forkserver and its workers) with
psutil when installed; without it, the largest single process (getrusage) is reported.
The generated file is deleted at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def size_of(text: str) -> int:
    text = text.strip().upper().removesuffix("B")
    return int(float(text[:-1]) * UNITS[text[-1]]) if text[-1:] in UNITS else int(text)


def generate(path: Path, size: int) -> int:
    """Write JSONL records of fixture pages until the file reaches ``size`` bytes; returns the count."""
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    if not pages:
        sys.exit("no fixtures/*.txt to build records from")
    n = written = 0
    with path.open("w", encoding="utf-8") as f:
        while written < size:
            line = json.dumps({"id": n, "text": pages[n % len(pages)]}, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n


def sample(proc: object, cpu: dict[int, float]) -> tuple[int, int]:
    """(sum, max) resident bytes over ``proc`` and its descendants; records each one's CPU seconds."""
    psutil: Any = importlib.import_module("psutil")
    assert isinstance(proc, psutil.Process)
    total = largest = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    for p in procs:
        try:
            with p.oneshot():
                rss = p.memory_info().rss
                times = p.cpu_times()
        except psutil.Error:
            continue
        cpu[p.pid] = times.user + times.system
        total += rss
        largest = max(largest, rss)
    return total, largest


def run(command: list[str]) -> tuple[float, int, int, int, float]:
    """Run ``command``: (seconds, exit status, peak tree RSS or 0, peak largest RSS, CPU seconds or 0)."""
    psutil: Any = None
    with contextlib.suppress(ImportError):
        psutil = importlib.import_module("psutil")
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak_tree = peak_one = 0
    cpu: dict[int, float] = {}  # last CPU time seen per process of the tree (misses the last 0.1 s)
    if psutil is not None:
        proc = psutil.Process(child.pid)
        while child.poll() is None:
            total, largest = sample(proc, cpu)
            peak_tree, peak_one = max(peak_tree, total), max(peak_one, largest)
            time.sleep(0.1)
    status = child.wait()
    seconds = time.perf_counter() - start
    # ru_maxrss (KiB on Linux) of the largest descendant waited for, as a cross-check
    peak_one = max(peak_one, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
    return seconds, status, peak_tree, peak_one, sum(cpu.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="100M", help="size of the generated JSONL (e.g. 50M, 1G)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated process counts to run")
    parser.add_argument("--dir", default=tempfile.gettempdir(), help="where to write the JSONL")
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    args = parser.parse_args()
    command = shutil.which("newsclean", path=str(Path(sys.executable).parent)) or shutil.which("newsclean")
    if command is None:
        sys.exit("the newsclean command is not installed: pip install -e .")

    fd, name = tempfile.mkstemp(prefix="newsclean-bench-", suffix=".jsonl", dir=args.dir)
    os.close(fd)
    path = Path(name)
    try:
        t = time.perf_counter()
        records = generate(path, size_of(args.size))
        mb = path.stat().st_size / 1e6
        print(f"input: {path} {mb:,.0f} MB, {records:,} records (generated in {time.perf_counter() - t:.0f} s)")
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores\n")
        print(f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
        print(
            "| jobs | records | seconds | records/s | MB/s | CPU s | records per CPU s "
            "| peak RSS, all processes | peak RSS, largest process |"
        )
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for jobs in (int(j) for j in args.jobs.split(",")):
            seconds, status, tree, one, cpu = run([command, str(path), "--jobs", str(jobs), "--no-progress"])
            if status != 0:
                print(f"newsclean exited with {status}", file=sys.stderr)
            print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}", file=sys.stderr)
            tree_text = f"{tree / 1e6:,.0f} MB" if tree else "n/a (no psutil)"
            print(
                f"| {jobs} | {records:,} | {seconds:,.1f} | {records / seconds:,.0f} | {mb / seconds:.2f} "
                f"| {cpu:,.0f} | {records / cpu if cpu else 0:,.0f} | {tree_text} | {one / 1e6:,.0f} MB |",
                flush=True,
            )
    finally:
        if not args.keep:
            path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
