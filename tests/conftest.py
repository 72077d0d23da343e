"""Shared test data: the fixture pages, hypothesis strategies for hostile text, and checks.

Strategies mix real page lines (every ``fixtures/*.txt``, the seed included) with generated junk:
control characters, zero-width and bidi marks, lone surrogates, random Unicode, and every line
end ``str.splitlines()`` knows (CR alone, U+2028 …). ``partition_problems`` states the
``explain()`` contract once, for the property, hostile and type tests.
"""

from __future__ import annotations

import json
import multiprocessing
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ftfy
import regex
from hypothesis import strategies as st

from newsclean import KINDS, Article
from newsclean.article import ROLES, Decision

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "sputnik-italy-defense.txt"


def fixture_pages() -> dict[str, str]:
    """Every fixture page present now (they are still being written), by file name."""
    return {p.name: p.read_text("utf-8") for p in sorted(FIXTURES.glob("*.txt"))}


def expected_articles() -> dict[str, dict[str, Any]]:
    """Every fixture's expected article (``*.expected.json``), by page name."""
    return {p.name.removesuffix(".expected.json"): json.loads(p.read_text("utf-8"))
            for p in sorted(FIXTURES.glob("*.expected.json"))}


PAGES = fixture_pages()
EXPECTED = expected_articles()
PAGE_LINES: list[str] = sorted({line for page in PAGES.values() for line in page.splitlines() if line.strip()})

WORD = regex.compile(r"\w+")
# What the normaliser may drop from a line without changing a word: control, soft hyphen,
# zero-width, bidi and BOM characters. A word may close over them ("ab\u200bcd" -> "abcd").
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
# What the normaliser drops: controls, soft hyphen, zero-width and bidi marks (a tab becomes a space).
_DROPPABLE = regex.compile(r"[\p{Cc}\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

CONTROL = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0))]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
BIDI = ["\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)), "\u061c"]
SURROGATES = st.integers(0xD800, 0xDFFF).map(chr)
#: Every line boundary of ``str.splitlines()``.
LINE_ENDS = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
BLANKS = [" ", "\t", "\u00a0", "\u3000", "\u2003"]

junk_char = st.one_of(
    st.sampled_from(CONTROL + ZERO_WIDTH + BIDI + BLANKS),
    SURROGATES,
    st.characters(codec=None),  # any code point but a surrogate
)
junk_text = st.text(junk_char, max_size=30)


@st.composite
def spoiled(draw: st.DrawFn, line: str) -> str:
    """``line`` with junk inserted at a few random places."""
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(line)))
        line = line[:at] + draw(junk_text) + line[at:]
    return line


page_line = st.sampled_from(PAGE_LINES) if PAGE_LINES else st.just("A line of an article.")
a_line = st.one_of(
    page_line,
    page_line.flatmap(spoiled),
    junk_text,
    st.text(st.sampled_from(BLANKS), max_size=3),
)


@st.composite
def documents(draw: st.DrawFn, max_lines: int = 25) -> str:
    """A page: fixture lines (some spoiled), junk and blank lines, joined by mixed line ends."""
    lines = draw(st.lists(a_line, max_size=max_lines))
    out = []
    for line in lines:
        out.append(line)
        out.append(draw(st.sampled_from(LINE_ENDS)))
    return "".join(out[:-1]) if draw(st.booleans()) else "".join(out)


@st.composite
def spoiled_pages(draw: st.DrawFn) -> str:
    """A whole fixture page with junk lines inserted and some line ends swapped for others."""
    page = draw(st.sampled_from(sorted(PAGES.values()))) if PAGES else "Title Of A Page\n\nA line of text."
    lines = page.splitlines()
    for _ in range(draw(st.integers(0, 4))):
        lines.insert(draw(st.integers(0, len(lines))), draw(junk_text))
    ends = [draw(st.sampled_from(LINE_ENDS)) if draw(st.integers(0, 9)) == 0 else "\n" for _ in lines]
    return "".join(line + end for line, end in zip(lines, ends, strict=True))


@st.composite
def glued_pages(draw: st.DrawFn) -> str:
    """A fixture page whose runs of lines are glued together with no space, as renderings of
    minified markup give (``...on Monday.The minister...``): long lines that ``clean`` cuts into parts."""
    page = draw(st.sampled_from(sorted(PAGES.values()))) if PAGES else "Title Of A Page\n\nA line of text."
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    out: list[str] = []
    while lines:
        run = draw(st.integers(1, 8))
        join = draw(st.sampled_from(["", "", *ZERO_WIDTH, *BIDI]))  # the normaliser drops a mark at the join
        out.append(join.join(lines[:run]))
        lines = lines[run:]
    return "\n".join(draw(spoiled(line)) if draw(st.integers(0, 4)) == 0 else line for line in out)


any_document = st.one_of(documents(), spoiled_pages(), glued_pages())


def _forms(line: str) -> Iterator[str]:
    line = _SURROGATE.sub("\ufffd", line)
    yield line
    yield _DROPPABLE.sub("", line)
    yield _DROPPABLE.sub("", line.replace("\t", " "))
    repaired = ftfy.fix_text(line, normalization="NFC", uncurl_quotes=False, fix_latin_ligatures=False,
                             fix_character_width=False)
    yield repaired
    yield _DROPPABLE.sub("", repaired)


def invented_words(kept: str, source: str) -> set[str]:
    """The words of ``kept`` that ``source`` does not offer: as written, without the invisible marks
    the normaliser drops, or as ftfy repairs its mojibake (``cafÃ©`` -> ``café``, the one documented
    change to a word). Cheap forms first: ftfy runs only when they leave a word unexplained."""
    words = set(WORD.findall(kept))
    for form in _forms(source):
        if not words:
            break
        words -= set(WORD.findall(form))
    return words


def offered_words(text: str) -> set[str]:
    """Every word any line of ``text`` offers, in any of the forms ``invented_words`` accepts."""
    return {word for line in text.splitlines() for form in _forms(line) for word in WORD.findall(form)}


def decided_lines(decisions: tuple[Decision, ...]) -> list[int]:
    """The input lines ``decisions`` cover, in order: a line cut into parts counts once."""
    return [no for k, no in enumerate(d.line_no for d in decisions) if k == 0 or decisions[k - 1].line_no != no]


def part_problems(decisions: tuple[Decision, ...], lines: list[str]) -> list[str]:
    """The parts of a cut line start at offset 0, then at increasing offsets inside the line."""
    problems: list[str] = []
    for k, d in enumerate(decisions):
        first = k == 0 or decisions[k - 1].line_no != d.line_no
        if first and d.col != 0:
            problems.append(f"line {d.line_no}: its first part starts at {d.col}, not 0")
        if not first and not decisions[k - 1].col < d.col < len(lines[d.line_no - 1]):
            problems.append(f"line {d.line_no}: a part at {d.col} after one at {decisions[k - 1].col}")
    return problems


def partition_problems(text: str, article: Article) -> list[str]:
    """Every way ``article`` breaks the explain() contract for input ``text`` (empty when it holds)."""
    problems: list[str] = []
    lines = text.splitlines()
    expected = [no for no, line in enumerate(lines, start=1) if line.strip()]
    decisions = article.explain()
    got = decided_lines(decisions)
    if got != expected:
        missing = sorted(set(expected) - set(got))[:5]
        extra = sorted(set(got) - set(expected))[:5]
        problems.append(f"decided lines {len(got)} != non-blank lines {len(expected)}; missing {missing} extra {extra}")
    else:
        problems.extend(part_problems(decisions, lines))
    for d in decisions:
        if d.role not in ROLES and d.role not in KINDS:
            problems.append(f"line {d.line_no}: unknown role {d.role!r}")
        if d.role in ("paragraph", "title", "dek", "byline") and 0 < d.line_no <= len(lines):
            invented = invented_words(d.text, lines[d.line_no - 1])
            if invented:
                problems.append(f"line {d.line_no}: {d.role} has words not on its input line: {sorted(invented)[:5]}")
    paragraphs = tuple(d.text for d in decisions if d.role == "paragraph")
    if article.paragraphs != paragraphs:
        problems.append("paragraphs are not the decisions with role 'paragraph'")
    removed = tuple((d.line_no, d.col, d.text, d.role, d.cleaner, d.reason) for d in decisions if d.role in KINDS)
    if tuple((r.line_no, r.col, r.text, r.kind, r.cleaner, r.reason) for r in article.removed) != removed:
        problems.append("removed is not the decisions with a removal kind")
    return problems


def run_with_deadline(fn: Callable[[], Any], seconds: float) -> tuple[Any, float]:
    """Run ``fn()`` in a forked process; return (its result, elapsed seconds), or fail at the deadline.

    A child can be killed, so a pattern that backtracks for hours fails the test instead of hanging it.
    """
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)

    def target() -> None:
        start = time.perf_counter()
        try:
            result = fn()
            child.send(("ok", result, time.perf_counter() - start))
        except BaseException:  # report any failure to the parent
            child.send(("error", traceback.format_exc(), time.perf_counter() - start))

    proc = ctx.Process(target=target, daemon=True)
    proc.start()
    try:
        if not parent.poll(seconds):
            raise AssertionError(f"no result within {seconds} s")
        status, value, elapsed = parent.recv()
    finally:
        proc.kill()
        proc.join()
        parent.close()
        child.close()
    if status != "ok":
        raise AssertionError(f"failed in the child process:\n{value}")
    return value, elapsed
