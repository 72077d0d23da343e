"""Per-line memoisation: a fact about a line's text is computed once, however often it is asked.

The cleaners ask the same questions of the same lines: is it site UI, a credit, a byline, a
headline, a sentence? ``clean()`` then re-reads the kept lines as a page of their own (up to three
times), and asks them all again. Each such question is a pure function of the line's text, so
its answer is cached by that text (``@per_line``). A cached answer is shared by every caller, so
it must be immutable: a bool, str, tuple, frozenset or frozen dataclass, never a list or dict.

The caches are bounded, so memory stays flat on a stream of any length: at most ``MEMO_LINES``
answers each (least recently used out first), and lines longer than ``MEMO_MAX_CHARS`` are not
cached at all (their questions mostly stop at a length test, and a cache must not hold them).
There are about 25 questions, plus one body-feature cache per stopword language met, so a long
run holds at most some 100,000 short lines' answers: measured, about 16 MB after the whole
corpus. ``clear()`` empties every cache of seen text (a benchmark's first sight of a page; a
process that wants its memory back); ``forgets()`` registers a cache that is not ``@per_line``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

__all__ = ["MEMO_LINES", "MEMO_MAX_CHARS", "clear", "forgets", "per_line"]

#: Answers kept per question: more than the distinct lines of one long page (a few hundred is usual).
MEMO_LINES = 4096
#: Longer lines are not cached: this bounds a cache's memory to MEMO_LINES x MEMO_MAX_CHARS.
MEMO_MAX_CHARS = 2000

T = TypeVar("T")

#: How to empty every cache of seen text (``clear()``): benchmarks time a first sight of a page.
_CLEARERS: list[Callable[[], None]] = []


def forgets(clear_cache: Callable[[], None]) -> None:
    """Register a cache of seen text (its ``clear`` method) so that ``clear()`` empties it too."""
    _CLEARERS.append(clear_cache)


def clear() -> None:
    """Forget every line, sample and attribute seen so far (as a fresh process would)."""
    for clear_cache in _CLEARERS:
        clear_cache()


def per_line(question: Callable[[str], T]) -> Callable[[str], T]:
    """Cache ``question(text)`` by ``text`` (a pure function of one line's text)."""
    cached = lru_cache(maxsize=MEMO_LINES)(question)
    forgets(cached.cache_clear)

    @wraps(question)
    def memoised(text: str) -> T:
        return cached(text) if len(text) <= MEMO_MAX_CHARS else question(text)

    return memoised
