#!/usr/bin/env python3
"""Speed of the HTML route: ms per page for lxml's bare parse, clean_html and the anchors.

  python benchmarks/html_speed.py --corpus ../shared/corpus/scrapinghub [--repeat 3] [--limit N]
                                  [--no-anchors] [--stages]

Every system reads the same decoded pages (``str``), in the same process, one system after
another, ``--repeat`` times; each system's figure is the process CPU time of its fastest round
(all are single-threaded, so on an idle machine this is the wall time; on a busy one it is the
steadier figure). lxml's bare parse (``lxml.html.fromstring``) is the floor every lxml-based extractor
pays. trafilatura and readability-lxml are timed when they are installed, skipped otherwise
(and with ``--no-anchors``: they take most of the run, and a change to newsclean moves only
its own figure).

newsclean caches what it has seen (per-line answers, class names, language samples); before each
of its rounds ``newsclean.memo.clear()`` empties those caches, so every round is a first sight of
every page, as for a stream of new pages, and not a replay of pages already seen.

``--stages`` also splits clean_html's time, in its fastest round: newsclean's own parse (lxml's
``etree.fromstring`` with newsclean's parser, timed apart in the same round), the rest of reading
the markup into blocks (metadata, the walk, the content root), each cleaner of the HTML pipeline,
and what is left (language sample, draft, assembling the Article).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

Run = Callable[[str], object]
Reset = Callable[[], None]


def _nothing() -> None:
    """The reset of a system that keeps no caches of its own."""


def load(corpus: Path, limit: int | None) -> list[str]:
    ids = [json.loads(line)["id"] for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    return [gzip.decompress((corpus / f"{i}.html.gz").read_bytes()).decode("utf-8", "replace") for i in ids[:limit]]


def systems(anchors: bool = True) -> dict[str, tuple[Run, Reset]]:
    import lxml.html

    import newsclean
    import newsclean.memo

    runs: dict[str, tuple[Run, Reset]] = {
        "lxml parse": (lxml.html.fromstring, _nothing),
        "newsclean.clean_html": (newsclean.clean_html, newsclean.memo.clear),
    }
    if not anchors:
        return runs
    try:
        import trafilatura

        runs["trafilatura"] = (trafilatura.extract, _nothing)
    except ImportError:
        print("trafilatura not installed: skipped", file=sys.stderr)
    try:
        from readability import Document  # type: ignore[import-untyped]

        runs["readability-lxml"] = (lambda page: Document(page).summary(), _nothing)
    except ImportError:
        print("readability-lxml not installed: skipped", file=sys.stderr)
    return runs


def best_ms_per_page(run: Run, reset: Reset, pages: list[str], repeat: int) -> float:
    """The fastest of ``repeat`` rounds over all pages, in ms per page; ``reset()`` before each
    round empties the system's caches of pages already seen."""
    run(pages[0])  # warm up: imports, compiled patterns
    best = float("inf")
    for _ in range(repeat):
        reset()
        start = time.process_time()
        for page in pages:
            run(page)
        best = min(best, time.process_time() - start)
    return 1000 * best / len(pages)


def stages(pages: list[str], repeat: int) -> tuple[float, dict[str, float]]:
    """clean_html's ms/page in its fastest round, and that round's time per stage in ms/page."""
    from text_speed import Timed  # the same wrapper the text route's breakdown uses

    import newsclean
    import newsclean.memo
    from newsclean import html
    from newsclean.pipeline import Pipeline

    best: tuple[float, dict[str, float]] | None = None
    for _ in range(repeat):
        spent: defaultdict[str, float] = defaultdict(float)
        pipeline = Pipeline(Timed(c, spent) for c in html.html_pipeline())
        newsclean.memo.clear()
        parse = blocks = total = 0.0
        for page in pages:
            start = time.process_time()
            html._parse(html.decode_html(page))
            parse += time.process_time() - start
            newsclean.memo.clear()  # so that the blocks below are a first sight too
            start = time.process_time()
            html.html_blocks(page)
            blocks += time.process_time() - start
        newsclean.memo.clear()
        start = time.process_time()
        for page in pages:
            newsclean.clean_html(page, pipeline=pipeline)
        total = time.process_time() - start
        if best is None or total < best[0]:
            # The blocks are read again inside clean_html: their share there is ``blocks``.
            shares = {"parse (newsclean's parser)": parse, "blocks beyond the parse": blocks - parse, **spent}
            shares["(language, draft, assembling)"] = total - blocks - sum(spent.values())
            best = total, shares
    assert best is not None
    total, shares = best
    return 1000 * total / len(pages), {name: 1000 * secs / len(pages) for name, secs in shares.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="directory with truth.jsonl and <id>.html.gz")
    ap.add_argument("--repeat", type=int, default=3, help="rounds per system; the fastest counts")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--no-anchors", action="store_true", help="time lxml's parse and newsclean only")
    ap.add_argument("--stages", action="store_true", help="also split clean_html's time by stage and cleaner")
    args = ap.parse_args()
    pages = load(args.corpus, args.limit)
    runs = systems(anchors=not args.no_anchors)
    results = {name: best_ms_per_page(run, reset, pages, args.repeat) for name, (run, reset) in runs.items()}
    floor = results["lxml parse"]
    print(f"{len(pages)} pages from {args.corpus}, fastest of {args.repeat} rounds")
    print(f"{'system':24} {'ms/page':>8} {'x parse':>8}")
    for name, ms in results.items():
        print(f"{name:24} {ms:8.2f} {ms / floor:8.1f}")
    if args.stages:
        total, shares = stages(pages, args.repeat)
        print(f"clean_html by stage (its fastest round: {total:.2f} ms/page)")
        for name, ms in shares.items():
            print(f"  {name:34} {ms:6.2f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
