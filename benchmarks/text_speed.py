#!/usr/bin/env python3
"""Speed of the text route: ms per page for ``clean()``, each cleaner's share, and a floor.

  python benchmarks/text_speed.py --corpus ../shared/corpus/scrapinghub [--routes layout,flat] [--repeat 3]

For each route, every page is cleaned ``--repeat`` times (``newsclean.memo.clear()`` before each
round, so every round is a first sight of every page); the figure is the process CPU time of
the fastest round. In the same round each cleaner of the default pipeline is timed (its
``apply`` calls, the fixed-point re-read's included), and so are splitting and assembling.

The floor is what any pure-Python line cleaner pays before it decides anything: splitting the
page into numbered lines (``split_lines``) and one pass over them that casefolds each line and
looks it up in a dict. newsclean's per-page cost is reported as a multiple of it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import newsclean
from newsclean import memo
from newsclean.lines import split_lines
from newsclean.pipeline import Cleaner, Draft, Pipeline


class Timed:
    """A cleaner whose ``apply`` time adds up in ``spent[name]``."""

    def __init__(self, cleaner: Cleaner, spent: defaultdict[str, float]) -> None:
        self.cleaner, self.spent = cleaner, spent
        self.name: str = cleaner.name

    def apply(self, draft: Draft) -> None:
        start = time.process_time()
        self.cleaner.apply(draft)
        self.spent[self.name] += time.process_time() - start


def floor(texts: list[str]) -> float:
    """Seconds for the floor: split every page into lines, casefold each and look it up once."""
    seen: dict[str, int] = {}
    start = time.process_time()
    for text in texts:
        for line in split_lines(text):
            seen.get(line.raw.casefold())
    return time.process_time() - start


def one_round(texts: list[str], spent: defaultdict[str, float]) -> float:
    pipeline = Pipeline(Timed(c, spent) for c in Pipeline.default())
    memo.clear()
    start = time.process_time()
    for text in texts:
        newsclean.clean(text, pipeline=pipeline)
    return time.process_time() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--routes", default="layout,flat")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    ids = [json.loads(line)["id"] for line in (a.corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    for route in a.routes.split(","):
        paths = [a.corpus / f"{i}.{route}.txt" for i in ids]
        texts = [p.read_text(encoding="utf-8") for p in paths if p.exists()]
        n = len(texts)
        rounds = []
        for _ in range(a.repeat):
            spent: defaultdict[str, float] = defaultdict(float)
            rounds.append((one_round(texts, spent), spent))
        total, spent = min(rounds, key=lambda r: r[0])
        base = min(floor(texts) for _ in range(a.repeat))
        print(f"{route}: {n} pages, fastest of {a.repeat} rounds: clean() {1000 * total / n:.2f} ms/page;"
              f" floor (split + one dict lookup a line) {1000 * base / n:.2f} ms/page; x{total / base:.1f} the floor")
        rest = total - sum(spent.values())
        costliest = sorted(spent.items(), key=lambda item: -item[1])
        for name, secs in [*costliest, ("(split, assemble, re-read setup)", rest)]:
            print(f"  {name:34} {1000 * secs / n:6.2f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
