"""Hostile input (issue 6): no pattern backtracks catastrophically, no input stalls or crashes
``clean``, and the ``explain()`` partition holds on every one.

Each run happens in a forked child with a deadline (``run_with_deadline``), so a regression fails
the test instead of hanging the suite.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import re
import time
from collections.abc import Iterator

import pytest
import regex
from conftest import PAGES, SEED, partition_problems, run_with_deadline

import newsclean
from newsclean.api import assemble
from newsclean.lines import split_lines
from newsclean.pipeline import Draft, Pipeline

#: Wall-clock limits, generous for a loaded CI machine; figures are in docs/robustness.md.
PATTERN_STRING_SECONDS = 0.25
CLEANER_SECONDS = 2.0
INPUT_SECONDS = 10.0
#: 200k lines cost ~50 us each today (4-12 s): linear, but over INPUT_SECONDS on a busy machine.
#: This bound still fails on anything superlinear; bringing it under INPUT_SECONDS is open work.
MANY_LINES_SECONDS = 30.0


def _patterns() -> dict[str, regex.Pattern[str] | re.Pattern[str]]:
    """Every compiled pattern at module level in newsclean (also inside dicts), once, by the dotted
    name of the module that defines it (an imported pattern keeps its home name)."""
    found: dict[int, tuple[bool, str, regex.Pattern[str] | re.Pattern[str]]] = {}
    modules = ["newsclean"] + [m.name for m in pkgutil.walk_packages(newsclean.__path__, "newsclean.")]
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ImportError:  # an optional module whose dependency is not installed
            continue
        try:
            source = inspect.getsource(module)
        except OSError:  # an empty module (a package's bare __init__)
            source = ""
        for attr, value in vars(module).items():
            values = value.items() if isinstance(value, dict) else [("", value)]
            home = regex.search(rf"(?m)^{regex.escape(attr)}\b[^=\n]*=", source) is not None
            for key, item in values:
                if isinstance(item, (regex.Pattern, re.Pattern)) and isinstance(item.pattern, str):
                    label = f"{name}.{attr}{'[' + key + ']' if key else ''}"
                    if id(item) not in found or (home and not found[id(item)][0]):
                        found[id(item)] = (home, label, item)
    return {label: item for _, label, item in found.values()}


PATTERNS = _patterns()
#: Characters every pattern is attacked with, besides the ones its own source contains.
CORE = [" ", "\u00a0", ",", ".", "-", "(", ")", "A", "a", "1", "!", ":", "|", "\u2014", "\u00a9", "\t", "'", "\u2019"]
#: Prefixes that reach deep into the anchored patterns (a byline, a dateline, a credit, a teaser).
TRIGGERS = ["By X", "ROME", "ROME, Dec. 12", "ROME (Sputnik", "\u00a9 Sputnik / ", "Photo: ", "Read more: ",
            "Headline Words Here", "(c) 2024 ", "Updated: "]
#: Patterns newsclean only ever runs on bounded text, with the bound (a length check or an endpos
#: before the call): they are attacked at that length, because that is all they ever see.
GUARDED = {
    "newsclean.cleaners.metadata._DATELINE": 200,  # parse_dateline: match(text, 0, _DATELINE_MAX_CHARS)
    "newsclean.cleaners.credits._SUFFIX": 360,  # Captions: len(text) <= CAPTION_MAX_CHARS + 40
}


def adversarial(pattern: str, n: int, *, thorough: bool = False) -> Iterator[str]:
    """Strings built against ``pattern``: runs of one character (its own and common ones), runs of
    pairs, near-matches (its words, trigger prefixes) followed by runs, and nested brackets."""
    own = sorted({c for c in pattern if not c.isalnum() and c.isprintable()} | {"\u00a0"})
    words = list(dict.fromkeys(w for w in regex.findall(r"[^\W\d_]{3,}", pattern)))[: 8 if thorough else 3]
    prefixes = ["", *TRIGGERS, *words, *(w.title() + " " for w in words)]
    singles = sorted(set(own) | set(CORE))
    for prefix in prefixes:
        for c in singles:
            for end in ("\x00", "a", "") if thorough else ("\x00",):
                yield (prefix + c * n)[:n] + end
    for a in CORE:
        for b in CORE:
            if a != b:
                yield ((a + b) * (n // 2))[:n] + "\x00"
                if thorough:
                    yield ("ROME," + (a + b) * (n // 2))[:n] + "."
    for w in words:
        yield ((w + " ") * (n // (len(w) + 1)))[:n] + "\x00"
        yield ((w + ", ") * (n // (len(w) + 2)))[:n] + "!"
    for opening, closing in ("()", "[]", "{}", "\u00ab\u00bb"):
        yield opening * (n // 2) + closing * (n // 2 - 1)
        yield ((opening + "a") * (n // 2))[:n] + "\x00"


def _slowest_search(name: str, n: int, thorough: bool) -> tuple[float, str]:
    pattern = PATTERNS[name]
    worst, worst_text = 0.0, ""
    for text in adversarial(pattern.pattern, min(n, GUARDED.get(name, n)), thorough=thorough):
        start = time.perf_counter()
        if isinstance(pattern, regex.Pattern):
            pattern.search(text, timeout=5 * PATTERN_STRING_SECONDS)  # raises TimeoutError past it
        else:
            pattern.search(text)
        elapsed = time.perf_counter() - start
        if elapsed > PATTERN_STRING_SECONDS / 10:  # measure again: one slow run may be the machine
            start = time.perf_counter()
            pattern.search(text)
            elapsed = min(elapsed, time.perf_counter() - start)
        if elapsed > worst:
            worst, worst_text = elapsed, text
    return worst, repr(worst_text[:40]) + f"… ({len(worst_text)} chars)"


def test_newsclean_has_patterns_to_attack() -> None:
    """The pattern discovery finds the cleaners' patterns (so the sweep below is not empty)."""
    assert {"newsclean.cleaners.metadata._BYLINE", "newsclean.lexicon.CHROME_PATTERN"} <= set(PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_fast_on_adversarial_strings(name: str) -> None:
    """The pattern searches each string built against it (4000 chars, or its guard) in under 0.25 s."""
    (worst, text), _ = run_with_deadline(lambda: _slowest_search(name, 4000, False), 120)
    assert worst < PATTERN_STRING_SECONDS, f"{name} took {worst:.3f} s on {text}"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_fast_on_long_adversarial_strings(name: str) -> None:
    """The pattern searches each of many more strings built against it (20000 chars) in under 0.25 s."""
    (worst, text), _ = run_with_deadline(lambda: _slowest_search(name, 20_000, True), 1200)
    assert worst < PATTERN_STRING_SECONDS, f"{name} took {worst:.3f} s on {text}"


def _timed_cleaners(text: str) -> tuple[dict[str, float], list[str]]:
    """Each default cleaner's time on ``text``, and the partition problems of the result."""
    draft = Draft(split_lines(text))
    times: dict[str, float] = {}
    for cleaner in Pipeline.default():
        start = time.perf_counter()
        cleaner.apply(draft)
        times[cleaner.name] = time.perf_counter() - start
    return times, partition_problems(text, assemble(draft))


def _check_cleaners(name: str, n: int) -> None:
    lines = list(adversarial(PATTERNS[name].pattern, n))
    page = "\n".join(["Italian Defense Minister Calls for Thaw", *lines, SEED.read_text("utf-8")])
    (times, problems), _ = run_with_deadline(lambda: _timed_cleaners(page), 120)
    slow = {cleaner: round(t, 3) for cleaner, t in times.items() if t > CLEANER_SECONDS}
    assert not slow, f"slow cleaners on lines built against {name}: {slow}"
    assert problems == []


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_each_cleaner_is_fast_on_lines_built_against_a_pattern(name: str) -> None:
    """Each default cleaner takes under two seconds on a page of lines (1000 chars) built against one pattern."""
    _check_cleaners(name, 1000)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_each_cleaner_is_fast_on_long_lines_built_against_a_pattern(name: str) -> None:
    """Each default cleaner takes under two seconds on a page of lines (5000 chars) built against one pattern."""
    _check_cleaners(name, 5000)


def _page() -> str:
    return SEED.read_text("utf-8")


def _with_line_ends(end: str) -> str:
    return end.join(_page().splitlines())


HOSTILE: dict[str, object] = {
    "NUL and control characters": lambda: "\x00".join(_page()) + "".join(map(chr, range(32))) * 100,
    "C1 controls alone on lines": lambda: "\n".join(chr(c) for c in range(0x80, 0xA0)) + "\n" + _page(),
    "lone surrogates": lambda: "\ud800".join(_page().split(" ")) + "\n\udfff\n\udc00x\ud83d",
    "bidi and zero-width marks": lambda: "\u202e\u200b".join(_page().split(" ")) + "\n\u2066\u200d\u2069\n\ufeff",
    "lines of only invisible marks": lambda: "\n".join(["\u200b", "\u202e\u202c", "\x00", "\ufeff\u2060"] * 1000),
    "CR-only line ends": lambda: _with_line_ends("\r"),
    "U+2028 line ends": lambda: _with_line_ends("\u2028"),
    "U+2029, NEL, VT and FF line ends": lambda: _with_line_ends("\u2029\x85\x0b\x0c"),
    "mixed line ends": lambda: "".join(line + end for line, end in zip(
        _page().splitlines(), ["\r\n", "\r", "\n\r", "\u2028", "\x1c"] * 1000, strict=False)),
    "5 MB single line of words": lambda: "word " * 1_000_000,
    "5 MB single line of one letter": lambda: "a" * 5_000_000,
    "5 MB single line of punctuation": lambda: "!" * 5_000_000,
    "5 MB single line of no-break spaces": lambda: "x" + "\u00a0" * 5_000_000 + "x.",
    "200k short lines": lambda: "".join(f"Item {i % 97}\n" for i in range(200_000)),
    "200k short sentences": lambda: "Short line.\n" * 200_000,
    "200k blank-separated lines": lambda: "A line\n\n" * 200_000,
    "empty string": lambda: "",
    "only blank lines": lambda: "\n \n\t\n\u3000\n\u00a0\n" * 1000,
    "only line ends": lambda: "\r\n\u2028\r\x85" * 1000,
    "every fixture page at once": lambda: "\n".join(PAGES.values()) * 20,
}


def _clean_and_check(make: object) -> tuple[float, list[str]]:
    text = make()  # type: ignore[operator]
    start = time.perf_counter()
    article = newsclean.clean(text)
    elapsed = time.perf_counter() - start
    return elapsed, partition_problems(text, article)


@functools.cache
def _hostile_result(name: str) -> tuple[float, list[str]]:
    """(seconds clean() took, partition problems) on one hostile input; computed once per run."""
    result, _ = run_with_deadline(lambda: _clean_and_check(HOSTILE[name]), 120)
    return result  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_cleaned_quickly(name: str) -> None:
    """clean() returns within a few seconds on the hostile input."""
    elapsed, _ = _hostile_result(name)
    limit = MANY_LINES_SECONDS if name.startswith("200k") else INPUT_SECONDS
    assert elapsed < limit, f"{name}: {elapsed:.1f} s"


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_partition_holds_on_hostile_input(name: str) -> None:
    """Every non-blank line of the hostile input gets exactly one decision, in order, with its own words."""
    _, problems = _hostile_result(name)
    assert problems == []


def test_byline_with_a_run_of_commas_is_linear() -> None:
    """Regression: `By X,,,,…!` made the byline pattern try every split of the commas (exponential)."""
    (elapsed, problems), _ = run_with_deadline(lambda: _clean_and_check(lambda: "By X" + "," * 90 + "!"), 10)
    assert elapsed < 1 and problems == []


def test_title_then_long_blank_run_is_linear() -> None:
    """Regression: after a title, a line with a long no-break-space run was quadratic in the title-suffix pattern."""
    text = "Italian Defense Minister Calls\n" + "x" + "\u00a0" * 200_000 + "x"
    (elapsed, problems), _ = run_with_deadline(lambda: _clean_and_check(lambda: text), 30)
    assert elapsed < 2 and problems == []


def test_dateline_with_long_blank_run_is_linear() -> None:
    """Regression: a prose line opening `ROME,` then alternating blanks was quadratic in the dateline pattern."""
    text = "Italian Defense Minister Calls\nROME," + " \u00a0" * 100_000 + "x."
    (elapsed, problems), _ = run_with_deadline(lambda: _clean_and_check(lambda: text), 30)
    assert elapsed < 2 and problems == []


def test_lone_c1_control_line_is_invisible() -> None:
    """Regression: a line holding only a C1 control (\\x9a) was repaired by ftfy into a letter and kept."""
    article = newsclean.clean("\x9a\nItalian Defense Minister Calls\n\nRome calls on Moscow and Washington to talk.")
    assert next((d.line_no, d.role) for d in article.explain()) == (1, "invisible")
