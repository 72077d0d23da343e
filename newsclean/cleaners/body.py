"""The body: decide which remaining lines are the article's running text, from their context.

A news body is a contiguous run of long, sentence-like lines in the page's language; chrome and
link lists cluster above and below it. This cleaner reads top to bottom as a small classifier:

1. ``_line_features``: general, context-free features of each line (length, sentence end,
   stopword share in the page's language, title case, digits, code and URL shape, glued runs);
2. ``page_features``: the line's neighbourhood on the same page (prose density around it, where
   it sits relative to the page's prose and title, its neighbours' shape, repeats);
3. ``BodyModel``: small boosted decision trees (``data/body_model.json``, trained by
   ``benchmarks/train_body.py`` with page-grouped cross-validation) score each line's odds of
   being body text, in two stacked stages: the first reads the features above; the second reads
   them again with the first stage's scores of the lines around it (``score_context``), so a
   prose-shaped teaser summary among low-scoring headlines and dates scores low too;
4. ``body_runs``: the smoothing pass. The runs of lines whose scores add up best (a maximum-sum
   segment search, repeated for runs at least ``RUN_MIN_SHARE`` as strong as the best) are the
   body; inside a run a line is kept unless it scores below ``KEEP_IN_RUN``, outside it only
   when it scores above ``KEEP_OUTSIDE_RUN``.

Open lines not kept are removed as ``boilerplate``, with their score and where they sat. A page
where no earlier cleaner found any furniture is taken as clean text and left alone.
"""

from __future__ import annotations

import json
import math
import re
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from itertools import accumulate
from typing import Any

import regex

from ..lexicon import stopwords
from ..memo import per_line
from ..pipeline import Draft
from ..shape import ends_sentence
from ..thresholds import PROSE_MIN_CHARS

__all__ = ["FEATURES", "SCORE_CONTEXT", "Body", "BodyModel", "Trees", "body_runs", "has_furniture", "keep_from",
           "load_model", "open_lines", "page_features", "run_weights", "score_context"]

#: The smoothing pass: a line adds (score - RUN_CENTRE) x sqrt(words + 1) to its run; runs at
#: least RUN_MIN_SHARE as strong as the best one are body too, up to MAX_RUNS of them. The centre
#: is the even odds of the two-stage model (held out, 0.4 and 0.6 both did worse). A second run
#: must be half as strong as the best: held out (train_body.py --splits 3) 0.4 to 0.7 beat
#: 0.3, which let a block of related-story teasers below a short body in as a run of its own.
RUN_CENTRE = 0.5
RUN_MIN_SHARE = 0.5
MAX_RUNS = 5
#: Inside a body run a line is kept from this score on; outside, only from KEEP_OUTSIDE_RUN.
KEEP_IN_RUN = 0.1
KEEP_OUTSIDE_RUN = 0.9
#: A line is prose (for context) from thresholds.PROSE_MIN_CHARS characters with a sentence end;
#: CJK scripts say as much in fewer characters.
PROSE_MIN_CHARS_CJK = 30
#: A line is code (so the page holds furniture) from CODE_MIN_CHARS characters with at least
#: CODE_MIN_SHARE code characters per character, or CODE_MIN_JSON_PAIRS JSON pairs (``"id":"4"``).
CODE_MIN_CHARS = 200
CODE_MIN_SHARE = 0.02
CODE_MIN_JSON_PAIRS = 3
#: Context windows, in lines on each side.
NEAR = 2
FAR = 8
#: Feature ``same_start``: the line opens with the same START_WORDS words as another open line at most
#: START_NEAR lines away (templated items: ``Watch video: …``, ``Posted by …``, ``Reply to …``); held
#: out, 2 and 8 lines did worse than 4.
START_WORDS = 2
START_NEAR = 4
START_CHARS = 80
#: The second stage reads the mean first-stage score of this many open lines above and below.
SCORE_WINDOWS = (1, 2, 4, 8, 16)

#: CJK characters, counted a run at a time (a CJK line is mostly one long run). None lies below
#: U+1100 (Hangul Jamo, the first): a line with no character from there on has none to count.
_CJK_RUN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")
_FROM_U1100 = re.compile("[\u1100-\U0010ffff]")
_UPPER = regex.compile(r"\p{Lu}")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_JSON_PAIR = re.compile(r'"\s*:\s*["{\[\d]')
#: A glued run (``wordThe``, ``said.The``); ``_GLUE_ASCII`` is the same pattern on ASCII text,
#: where \p{Ll} and \p{Lu} are a-z and A-Z (and ``re`` is faster than ``regex``).
_GLUE = regex.compile(r"\p{Ll}[.!?]?\p{Lu}\p{Ll}")
_GLUE_ASCII = re.compile(r"[a-z][.!?]?[A-Z][a-z]")
#: Every glued run holds a capital, followed by a lowercase letter, after a lowercase letter (and
#: maybe one of ``.!?``). Most lines hold none: looking for such a capital first (a scan that stops
#: at capitals only) is quicker than trying the pattern at every lowercase letter.
_GLUE_CAPITAL = regex.compile(r"\p{Lu}(?<=\p{Ll}[.!?]?\p{Lu})\p{Ll}")
_GLUE_CAPITAL_ASCII = re.compile(r"[A-Z](?:(?<=[a-z].)|(?<=[a-z][.!?].))[a-z]")
#: Feature ``sep``: one of these characters (pipes, bullets, guillemets, arrows), or a spaced hyphen.
_SEPARATOR_CHARS = "|\u2022\u00b7\u00bb\u203a\u00ab\u2039\u2192"
_SPACED_HYPHEN = re.compile(r"\s-\s")
#: Feature ``url``. Every match holds one of ``_URL_HINTS`` in the casefolded line (each letter
#: IGNORECASE pairs with these casefolds to it, the long s U+017F to ``s`` included): a line
#: without one is not searched.
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|html?)\b", re.IGNORECASE)
_URL_HINTS = ("http", "www.", ".com", ".org", ".net", ".htm")
_URL_HINT = re.compile("|".join(map(re.escape, _URL_HINTS)))  # one scan for any of them
_COMMAS = ",;\uff0c\u3001"  # also the CJK commas
#: Code marks: these characters, ``&&``, ``||`` and the words ``function`` and ``var``.
_CODE_CHARS = "{}=<>;\\"
_ASCII_CODE_CHARS = _CODE_CHARS.encode("ascii")
_CODE_WORD = re.compile(r"\b(?:function|var)\b")
#: Ratios of a long line are read from its first SAMPLE_CHARS characters: same answer, bounded cost.
SAMPLE_CHARS = 1200
#: Typographic quotes, dashes and the ellipsis: often the only characters of an English line that are
#: not ASCII. No feature reads them: they are not word characters, letters, digits, ``.!?``, spaces,
#: commas, separators, code marks or URL parts. Nor is DEL, so a sample reads the same with them as
#: DEL; and then a line with no other non-ASCII character takes the ASCII paths (``_plain``).
_TYPOGRAPHIC = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"

#: Names of the features, in the order the model's trees index them.
BASE = ("len", "words", "end", "stop", "caps", "digit", "upper", "comma", "sep", "code", "url", "glue", "cjk", "short")
CONTEXT = ("near_prose", "far_prose", "before", "inside", "edge", "gap", "prev_len", "next_len", "prev_end",
           "next_end", "pos", "removed_between", "repeated", "after_title", "same_start")
FEATURES: tuple[str, ...] = BASE + CONTEXT
#: What the second stage adds to a row (``score_context``): the line's first-stage score, the mean
#: score of the lines above and below it in each of ``SCORE_WINDOWS``, the share of the page's
#: score mass above it, and the page's best score.
SCORE_CONTEXT: tuple[str, ...] = ("score", *(f"{side}_{w}" for w in SCORE_WINDOWS for side in ("above", "below")),
                                  "score_before", "best")


_ASCII_CAPITALS = string.ascii_uppercase.encode("ascii")
_ASCII_DIGITS = string.digits.encode("ascii")


def _ascii_count(data: bytes, chars: bytes) -> int:
    """How many bytes of ``data`` are among ``chars`` (deleted in bulk, not looped over)."""
    return len(data) - len(data.translate(None, chars))


def _code_marks(sample: str) -> int:
    r"""How many code marks ``sample`` holds, as ``findall`` of ``[{}=<>;\\]|\bfunction\b|\bvar\b|=>|&&|\|\|``
    would count them, cheaper. No two of its parts can overlap, so each is counted alone: the
    characters and the pairs in bulk (``str.count`` does not overlap matches either), the words
    only when they occur. ``=>`` never counts: its ``=`` is taken first."""
    if sample.isascii():  # (an O(1) flag) the characters in one bulk deletion, not seven scans
        marks = _ascii_count(sample.encode("ascii"), _ASCII_CODE_CHARS)
    else:
        marks = sum(map(sample.count, _CODE_CHARS))
    marks += sample.count("&&") + sample.count("||")
    if "function" in sample or "var" in sample:
        marks += len(_CODE_WORD.findall(sample))
    return marks


def _has_url(sample: str) -> bool:
    folded = sample.lower() if sample.isascii() else sample.casefold()  # the same on ASCII, and quicker
    return _URL_HINT.search(folded) is not None and _URL.search(sample) is not None


def _commas(sample: str) -> int:
    # The CJK commas are not ASCII: on ASCII text only "," and ";" can occur.
    if sample.isascii():
        return sample.count(",") + sample.count(";")
    return sum(map(sample.count, _COMMAS))


def _has_separator(sample: str) -> bool:
    # Of the separator characters only the pipe is ASCII: on ASCII text it is the one to look for.
    marked = "|" in sample if sample.isascii() else any(c in sample for c in _SEPARATOR_CHARS)
    return marked or ("-" in sample and _SPACED_HYPHEN.search(sample) is not None)


def _glued_runs(sample: str) -> int:
    """How many glued runs (``_GLUE``) ``sample`` holds, looked for only where a capital may start one."""
    if sample.isascii():
        return len(_GLUE_ASCII.findall(sample)) if _GLUE_CAPITAL_ASCII.search(sample) else 0
    return len(_GLUE.findall(sample)) if _GLUE_CAPITAL.search(sample) else 0


def _cjk_chars(sample: str) -> int:
    """How many CJK characters ``sample`` holds."""
    if sample.isascii() or not _FROM_U1100.search(sample):
        return 0
    return sum(map(len, _CJK_RUN.findall(sample)))


def _line_features_in(language: str | None) -> Callable[[str], tuple[float, ...]]:
    """The context-free features of one line, for a page in ``language`` (``page_features``)."""
    return _features_with_stopwords_of(language if stopwords(language) else None)


#: Features are a pure function of (stopword list, text), so each list's answers are cached by the
#: line's text; languages without a list share one cache, which keeps the number of caches finite.
@cache
def _features_with_stopwords_of(language: str | None) -> Callable[[str], tuple[float, ...]]:
    stops = stopwords(language)
    return per_line(lambda text: _line_features(text, stops))


def _plain(sample: str) -> str:
    """``sample`` with each ``_TYPOGRAPHIC`` character as DEL: the same features, on quicker paths."""
    if not sample.isascii():
        for mark in _TYPOGRAPHIC:
            sample = sample.replace(mark, "\x7f")
    return sample


def _line_features(text: str, stops: frozenset[str]) -> tuple[float, ...]:
    n = len(text)
    sample = _plain(text[:SAMPLE_CHARS])
    m = len(sample) or 1
    tokens = _WORD.findall(sample)
    nw = len(tokens) * n / m
    ascii_only = sample.isascii()
    data = sample.encode("ascii") if ascii_only else b""
    stop = sum(map(stops.__contains__, map(str.lower, tokens))) / len(tokens) if tokens else 0.0
    long_words = [w for w in tokens if len(w) > 3 and w.isalpha()] if nw <= 30 else []
    caps = sum(1 for w in long_words if w[0].isupper()) / len(long_words) if long_words else 0.0
    return (
        math.log1p(n),
        math.log1p(nw),
        1.0 if ends_sentence(text) else 0.0,
        stop,
        caps,
        (_ascii_count(data, _ASCII_DIGITS) if ascii_only else len(_DIGIT.findall(sample))) / m,
        (_ascii_count(data, _ASCII_CAPITALS) if ascii_only else len(_UPPER.findall(sample))) / m,
        _commas(sample) / (len(tokens) or 1),
        1.0 if _has_separator(sample) else 0.0,
        # A script or data blob (``_is_code``) reads as all code: a JSON blob holds few code marks
        # per character (braces, no ``=`` or ``;``), and held out the flat rendering's scripts
        # scored better so (keep_from asks _is_code again, from its cache).
        1.0 if n >= CODE_MIN_CHARS and _is_code(text) else min(1.0, 10 * _code_marks(sample) / m),
        1.0 if _has_url(sample) else 0.0,
        min(1.0, _glued_runs(sample) / (len(tokens) or 1) * 5),
        _cjk_chars(sample) / m,
        1.0 if nw <= 3 else 0.0,
    )


def open_lines(draft: Draft) -> list[int]:
    """The lines the body cleaner decides: those no earlier cleaner took."""
    return [i for i, v in enumerate(draft.verdicts) if v is None]


def page_features(draft: Draft, lines: list[int]) -> list[list[float]]:
    """Feature rows for ``lines`` (indexes of open lines, in order), in ``FEATURES`` order.

    Context is read along those lines only: a share button or a caption already removed
    between two paragraphs does not separate them. Each context feature is built as a column
    down the page (list comprehensions cost less than the same arithmetic line by line), and
    each line's row is its base features followed by its entry in every column.
    """
    features = _line_features_in(draft.language)
    texts = [draft.text[i] for i in lines]
    prose_min = PROSE_MIN_CHARS_CJK if draft.script == "CJK" else PROSE_MIN_CHARS
    base = [features(t) for t in texts]
    n = len(texts)
    prose = [1.0 if (len(t) >= prose_min and b[2]) else 0.0 for t, b in zip(texts, base)]
    cum_p = list(accumulate(prose, initial=0.0))
    # Where a line sits in the page's prose: the share of prose characters before it and after it.
    weight = [p * len(t) for p, t in zip(prose, texts)]
    total = sum(weight) or 1.0
    seen = list(accumulate(weight, initial=0.0))  # seen[k]: prose characters before line k
    before = [s / total for s in seen[:n]]
    after = [(total - s) / total for s in seen[1:]]
    copies = Counter(texts)
    head = [i for i, v in enumerate(draft.verdicts) if v is not None and v.role in ("title", "duplicate")
            and i < len(draft.lines) // 2]
    title_at = max(head, default=-1)
    # Each line's neighbours along the open lines; the page's edges stand beyond the first and last.
    bounds = [-1, *lines, len(draft.lines)]
    context = zip(
        _prose_around(cum_p, prose, NEAR),
        _prose_around(cum_p, prose, FAR),
        before,
        [1.0 if b > 0.0 and a > 0.0 else 0.0 for b, a in zip(before, after)],
        [min(b, a) for b, a in zip(before, after)],
        [1.0 if draft.lines[i].gap_before else 0.0 for i in lines],
        [0.0, *(b[0] for b in base[:-1])],
        [*(b[0] for b in base[1:]), 0.0],
        [0.0, *(b[2] for b in base[:-1])],
        [*(b[2] for b in base[1:]), 0.0],
        [k / n for k in range(n)],
        [min(1.0, (nxt - prev - 2) / 4) for prev, nxt in zip(bounds, bounds[2:])],
        [1.0 if copies[t] > 1 else 0.0 for t in texts],
        [1.0 if i > title_at else 0.0 for i in lines],
        _same_start(texts),
    )
    return [[*b, *more] for b, more in zip(base, context)]


def _same_start(texts: list[str]) -> list[float]:
    """1.0 for a line whose first START_WORDS words (casefolded) open another line at most
    START_NEAR lines away, else 0.0; lines with fewer words never match.

    Teaser lists and comment threads are templated (``Watch video: …``, ``Posted by …``, ``Reply
    to …``): their items open alike, a paragraph's neighbours seldom do. A line has such a
    neighbour exactly when the nearest earlier or later line that opens alike is near enough, so
    one pass down the page, remembering where each opening was last seen, marks them all.
    """
    out = [0.0] * len(texts)
    last: dict[tuple[str, ...], int] = {}
    for k, text in enumerate(texts):
        start = _opening(text)
        if start is None:
            continue
        j = last.get(start)
        if j is not None and k - j <= START_NEAR:
            out[j] = out[k] = 1.0
        last[start] = k
    return out


@per_line
def _opening(text: str) -> tuple[str, ...] | None:
    """The line's first START_WORDS words, casefolded (read from its first START_CHARS characters)."""
    head = tuple(_WORD.findall(text[:START_CHARS].casefold())[:START_WORDS])
    return head if len(head) == START_WORDS else None


def _prose_around(cum_p: list[float], prose: list[float], w: int) -> list[float]:
    """For each line, the share of prose among the (up to) ``w`` lines on each side, itself left out.

    ``cum_p`` holds the running counts of ``prose`` lines (``cum_p[k]``: those above line k). Lines
    at least ``w`` from both ends have exactly ``2 * w`` neighbours; nearer an end, fewer.
    """
    n = len(prose)

    def near_an_end(k: int) -> float:
        lo, hi = max(0, k - w), min(n, k + w + 1)
        return (cum_p[hi] - cum_p[lo] - prose[k]) / max(1, hi - lo - 1)

    if n <= 2 * w:  # no line has its ``w`` neighbours on both sides
        return [near_an_end(k) for k in range(n)]
    full = [(hi - lo - p) / (2 * w) for hi, lo, p in zip(cum_p[2 * w + 1:], cum_p, prose[w:n - w])]
    return [near_an_end(k) for k in range(w)] + full + [near_an_end(k) for k in range(n - w, n)]


#: One tree node: ``(feature, threshold, left, right, value)``; ``left == 0`` marks a leaf.
Node = tuple[int, float, int, int, float]


@dataclass(frozen=True)
class Trees:
    """Boosted decision trees over one row of features: ``(feature, threshold, left, right, value)`` nodes."""

    baseline: float
    trees: tuple[tuple[Node, ...], ...]

    @cached_property
    def margin(self) -> Callable[[list[float]], float]:
        """The trees' log-odds for one feature row, as one compiled function (see ``_compile_trees``)."""
        return _compile_trees(self.baseline, self.trees)

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        """P(body) for each feature row."""
        margin, exp = self.margin, math.exp
        probabilities = []
        for x in rows:
            m = margin(x)
            # Clip to [-30, 30], as max(-30.0, min(30.0, m)) would (NaN included), without two calls.
            m = m if m < 30.0 else 30.0
            m = m if m > -30.0 else -30.0
            probabilities.append(1.0 / (1.0 + exp(-m)))
        return probabilities


@dataclass(frozen=True)
class BodyModel:
    """Two stacked stages of trees: ``first`` scores each row of ``FEATURES``; ``second`` scores the
    same row followed by its ``SCORE_CONTEXT``, read from the ``first`` scores of the whole page."""

    first: Trees
    second: Trees

    def score(self, rows: list[list[float]]) -> list[float]:
        """P(body) for each feature row of one page, in page order."""
        scores = self.first.probabilities(rows)
        return self.second.probabilities([row + more for row, more in zip(rows, score_context(scores))])


def score_context(scores: list[float]) -> list[list[float]]:
    """For each line of a page, its ``SCORE_CONTEXT`` (in that order) from the page's first-stage scores.

    Built a column at a time (each window's means down the whole page) and then read across into
    rows: list comprehensions over the page cost less than the same sums line by line. A window
    with no line in it (above the first line, below the last) reads 0.0, as a run of furniture
    would: the page's edge and low-scoring neighbours look alike to the second stage.
    """
    n = len(scores)
    cum = list(accumulate(scores, initial=0.0))
    total, best = cum[-1] or 1.0, max(scores, default=0.0)
    columns = [scores]
    for w in SCORE_WINDOWS:
        columns.append(_means_above(cum, w))
        columns.append(_means_below(cum, w))
    columns.append([c / total for c in cum[:n]])
    columns.append([best] * n)
    return [list(row) for row in zip(*columns)]


def _means_above(cum: list[float], w: int) -> list[float]:
    """For each line k, the mean score of the (up to) ``w`` lines above it; 0.0 for the first line.

    ``cum`` holds the running sums of the page's scores (``cum[k]``: the lines above line k). The
    first ``w`` lines have fewer than ``w`` lines above them, the rest exactly ``w``.
    """
    n = len(cum) - 1
    head = [(cum[k] - cum[0]) / max(1, k) for k in range(min(w, n))]
    return head + [(upto - start) / w for upto, start in zip(cum[w:n], cum[:max(0, n - w)])]


def _means_below(cum: list[float], w: int) -> list[float]:
    """For each line k, the mean score of the (up to) ``w`` lines below it; 0.0 for the last line.

    Lines up to ``n - w`` have ``w`` lines below them; the last ``w`` fewer, down to none.
    """
    n = len(cum) - 1
    full = max(0, n - w)
    tail = [(cum[n] - cum[k + 1]) / max(1, n - k - 1) for k in range(full, n)]
    return [(end - after) / w for end, after in zip(cum[w + 1:], cum[1:full + 1])] + tail


def _literal(value: float) -> str:
    """``value`` as Python source that reads back as the same float (repr round-trips)."""
    return repr(value) if math.isfinite(value) else f"float({str(value)!r})"


def _tree_source(nodes: tuple[Node, ...], at: int = 0) -> str:
    """One tree as a nested conditional expression, ``(L if x<f> <= t else R)`` down to its leaves."""
    feature, threshold, left, right, value = nodes[at]
    if not left:
        return _literal(value)
    return (f"({_tree_source(nodes, left)} if x{feature} <= {_literal(threshold)} "
            f"else {_tree_source(nodes, right)})")


def _compile_trees(baseline: float, trees: tuple[tuple[Node, ...], ...]) -> Callable[[list[float]], float]:
    """Compile the trees into one Python function ``margin(x) = baseline + tree_1(x) + tree_2(x) + …``.

    Walking 60 node tuples per line in a loop costs several µs a line; the same comparisons as
    straight-line code, on the row's features read once into locals (``x<f>``) against constant
    thresholds, cost a fraction of that. The sum runs left to right, leaf by leaf, in tree order:
    the same floating-point additions as the loop, so the same scores.
    """
    used = sorted({feature for tree in trees for feature, _, left, _, _ in tree if left})
    reads = "".join(f"    x{f} = x[{f}]\n" for f in used)
    terms = "".join(f"\n        + {_tree_source(tree)}" for tree in trees)
    source = f"def margin(x):\n{reads}    return ({_literal(baseline)}{terms})\n"
    namespace: dict[str, Callable[[list[float]], float]] = {}
    # (source generated above from numbers only: ints for features, float reprs for the rest)
    exec(compile(source, "<newsclean body model>", "exec"), {"float": float}, namespace)
    return namespace["margin"]


@cache
def load_model() -> BodyModel | None:
    """The trained model shipped in ``data/body_model.json`` (None if it is missing)."""
    path = resources.files("newsclean.data").joinpath("body_model.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    if tuple(data.get("features", ())) != FEATURES or tuple(data.get("score_context", ())) != SCORE_CONTEXT:
        raise RuntimeError("data/body_model.json was trained on other features: run benchmarks/train_body.py --write")
    return BodyModel(_trees(data["first"]), _trees(data["second"]))


def _trees(data: dict[str, Any]) -> Trees:
    trees = tuple(
        tuple((int(f), float(t), int(a), int(b), float(v)) for f, t, a, b, v in tree) for tree in data["trees"]
    )
    return Trees(float(data["baseline"]), trees)


def run_weights(rows: list[list[float]]) -> list[float]:
    """Each line weighs sqrt(words + 1) in the smoothing pass (rows hold log1p(words))."""
    return [math.exp(row[1] / 2) for row in rows]


def body_runs(scores: list[float], weights: list[float]) -> list[bool]:
    """Which lines lie in the page's body runs: maximum-sum segments of weighted score margins."""
    gain = [(s - RUN_CENTRE) * w for s, w in zip(scores, weights)]
    inside = [False] * len(gain)
    best_total = 0.0
    for _ in range(MAX_RUNS):
        best, start, end = _best_segment(gain)
        if end < 0 or (best_total and (best <= 0 or best < RUN_MIN_SHARE * best_total)):
            break  # the first run is always taken: a page has a body, if only one line
        best_total = max(best_total, best)
        for i in range(start, end + 1):
            inside[i] = True
            gain[i] = -math.inf
    return inside


def _best_segment(gain: list[float]) -> tuple[float, int, int]:
    """Kadane's maximum-sum segment: (sum, first, last); last is -1 when no line is left.

    Lines already in a run carry ``-inf``: a new segment may not cross them.
    """
    best, best_start, best_end = -math.inf, 0, -1
    total, start = -math.inf, 0
    for i, g in enumerate(gain):
        if g == -math.inf:
            total = -math.inf
            continue
        if total <= 0:
            total, start = g, i
        else:
            total += g
        if total > best:
            best, best_start, best_end = total, start, i
    return best, best_start, best_end


def has_furniture(draft: Draft, lines: list[int]) -> bool:
    """Did an earlier cleaner remove anything, or is an open line code (a script or JSON blob)?
    Text with no furniture at all is already clean: the classifier, trained to tell body from
    furniture, has nothing to separate there."""
    return draft.removed_any() or any(_is_code(draft.text[i]) for i in lines)


@per_line
def _is_code(text: str) -> bool:
    """A long line that is a script or a data blob, not prose: dense in code characters
    (``{ } = < > ;``) or holding JSON key-value pairs, at its start or at its end."""
    if len(text) < CODE_MIN_CHARS:
        return False
    samples = (text,) if len(text) <= SAMPLE_CHARS else (text[:SAMPLE_CHARS], text[-SAMPLE_CHARS:])
    for sample in samples:
        if (_code_marks(sample) >= CODE_MIN_SHARE * len(sample)
                or len(_JSON_PAIR.findall(sample)) >= CODE_MIN_JSON_PAIRS):
            return True
    return False


def keep_from(in_run: bool, text: str) -> float:
    """The score from which a line is kept: ``KEEP_IN_RUN`` inside a body run, ``KEEP_OUTSIDE_RUN``
    outside one, and for a script or data blob (``_is_code``) anywhere, since a run of prose
    next to it says nothing about it."""
    return KEEP_IN_RUN if in_run and not _is_code(text) else KEEP_OUTSIDE_RUN


@dataclass(frozen=True)
class Body:
    """Remove open lines that the body classifier and its smoothing pass place outside the body."""

    name: str = "body"

    def apply(self, draft: Draft) -> None:
        model = load_model()
        lines = open_lines(draft)
        if model is None or not lines or not has_furniture(draft, lines):
            return
        rows = page_features(draft, lines)
        scores = model.score(rows)
        inside = body_runs(scores, run_weights(rows))
        for i, score, in_run in zip(lines, scores, inside):
            if score >= keep_from(in_run, draft.text[i]):
                continue
            if in_run and _is_code(draft.text[i]):
                draft.decide(i, "boilerplate", self.name,
                             f"a script or data blob in the body's run, scored {score:.2f} as body text"
                             f" (kept only from {KEEP_OUTSIDE_RUN:.2f})")
            elif in_run:
                draft.decide(i, "boilerplate", self.name,
                             f"in the body's run but scored {score:.3f} as body text (below {KEEP_IN_RUN:.3f})")
            else:
                draft.decide(i, "boilerplate", self.name,
                             f"outside the body's run of prose, scored {score:.2f} as body text")
