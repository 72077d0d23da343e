"""Is cleaning linear? Time ``clean`` (and ``clean_html`` when present) on 100 KB, 1 MB and 10 MB,
as one long line and as many lines, and print each 10x step's time ratio (goal: at most 12x).

    python benchmarks/linear.py            # 100 KB -> 1 MB -> 10 MB
    python benchmarks/linear.py --quick    # 10 KB -> 100 KB -> 1 MB

Figures are recorded in docs/robustness.md.
"""

from __future__ import annotations

import argparse
import html
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

import newsclean
import newsclean.memo

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "sputnik-italy-defense.txt"
GOAL = 12.0


def sized(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def numbered(lines: list[str], size: int) -> list[str]:
    """``lines`` repeated to about ``size`` characters, each copy numbered (``[7] …``): every line
    is new, so newsclean's per-line caches answer nothing and each line costs what a new one does."""
    out: list[str] = []
    total = 0
    for k in itertools.count():
        for line in lines:
            out.append(f"[{k}] {line}" if line.strip() else line)
            total += len(out[-1]) + 1
        if total >= size:
            return out
    raise AssertionError("unreachable")


def shapes(size: int) -> dict[str, tuple[str, str]]:
    """(function, input) per input shape at ``size`` characters."""
    page = SEED.read_text("utf-8")
    lines = [line for line in page.splitlines() if line.strip()]
    one_line = sized(" ".join(lines) + " ", size)
    many_lines = "\n".join(numbered(page.splitlines(), size))[:size]
    out = {"clean: one long line": ("clean", one_line), "clean: many lines": ("clean", many_lines)}
    if hasattr(newsclean, "clean_html"):
        paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in numbered(lines, size))
        out["clean_html: one long paragraph"] = ("clean_html", "<html><body><p>" + html.escape(one_line) + "</p>")
        out["clean_html: many paragraphs"] = ("clean_html", "<html><body>" + paragraphs[:size])
    return out


def best_time(fn: Callable[[str], object], text: str, repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds, each one a first sight of the text."""
    best = float("inf")
    for _ in range(repeat):
        newsclean.memo.clear()
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 KB -> 1 MB instead of 100 KB -> 10 MB")
    args = parser.parse_args(argv)
    sizes = [10_000, 100_000, 1_000_000] if args.quick else [100_000, 1_000_000, 10_000_000]
    failed = False
    for name in shapes(sizes[0]):
        times = []
        for size in sizes:
            function, text = shapes(size)[name]
            fn = getattr(newsclean, function)
            times.append(best_time(fn, text, repeat=3))  # best of 3 at every size: timing noise only adds
        ratios = [later / earlier for earlier, later in itertools.pairwise(times)]
        ok = all(r <= GOAL for r in ratios)
        failed |= not ok
        cells = "  ".join(f"{s // 1000:>6} KB {t:8.3f} s" for s, t in zip(sizes, times, strict=True))
        print(f"{name:34} {cells}   ratios {' '.join(f'{r:5.1f}x' for r in ratios)}  {'ok' if ok else 'OVER 12x'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
