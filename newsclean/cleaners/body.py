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
from typing import Any

import regex

from ..article import KINDS
from ..lexicon import stopwords
from ..memo import per_line
from ..pipeline import Draft
from ..shape import ends_sentence
from ..thresholds import PROSE_MIN_CHARS

__all__ = ["FEATURES", "SCORE_CONTEXT", "Body", "BodyModel", "Trees", "body_runs", "has_furniture", "load_model",
           "open_lines", "page_features", "run_weights", "score_context"]

#: The smoothing pass: a line adds (score - RUN_CENTRE) x sqrt(words + 1) to its run; runs at
#: least RUN_MIN_SHARE as strong as the best one are body too, up to MAX_RUNS of them. The centre
#: is the even odds of the two-stage model (held out, 0.4 and 0.6 both did worse).
RUN_CENTRE = 0.5
RUN_MIN_SHARE = 0.3
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
#: The second stage reads the mean first-stage score of this many open lines above and below.
SCORE_WINDOWS = (1, 2, 4, 8, 16)

_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_UPPER = regex.compile(r"\p{Lu}")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_JSON_PAIR = re.compile(r'"\s*:\s*["{\[\d]')
#: A glued run (``wordThe``, ``said.The``); ``_GLUE_ASCII`` is the same pattern on ASCII text,
#: where \p{Ll} and \p{Lu} are a-z and A-Z (and ``re`` is faster than ``regex``).
_GLUE = regex.compile(r"\p{Ll}[.!?]?\p{Lu}\p{Ll}")
_GLUE_ASCII = re.compile(r"[a-z][.!?]?[A-Z][a-z]")
#: Feature ``sep``: one of these characters (pipes, bullets, guillemets, arrows), or a spaced hyphen.
_SEPARATOR_CHARS = "|\u2022\u00b7\u00bb\u203a\u00ab\u2039\u2192"
_SPACED_HYPHEN = re.compile(r"\s-\s")
#: Feature ``url``. Every match holds one of ``_URL_HINTS`` in the casefolded line (each letter
#: IGNORECASE pairs with these casefolds to it, the long s U+017F to ``s`` included): a line
#: without one is not searched.
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|html?)\b", re.IGNORECASE)
_URL_HINTS = ("http", "www.", ".com", ".org", ".net", ".htm")
_COMMAS = ",;\uff0c\u3001"  # also the CJK commas
#: Code marks: these characters, ``&&``, ``||`` and the words ``function`` and ``var``.
_CODE_CHARS = "{}=<>;\\"
_CODE_WORD = re.compile(r"\b(?:function|var)\b")
#: Ratios of a long line are read from its first SAMPLE_CHARS characters: same answer, bounded cost.
SAMPLE_CHARS = 1200

#: Names of the features, in the order the model's trees index them.
BASE = ("len", "words", "end", "stop", "caps", "digit", "upper", "comma", "sep", "code", "url", "glue", "cjk", "short")
CONTEXT = ("near_prose", "far_prose", "before", "inside", "edge", "gap", "prev_len", "next_len", "prev_end",
           "next_end", "pos", "removed_between", "repeated", "after_title")
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
    marks = sum(map(sample.count, _CODE_CHARS)) + sample.count("&&") + sample.count("||")
    if "function" in sample or "var" in sample:
        marks += len(_CODE_WORD.findall(sample))
    return marks


def _has_url(sample: str) -> bool:
    folded = sample.casefold()
    return any(hint in folded for hint in _URL_HINTS) and _URL.search(sample) is not None


def _has_separator(sample: str) -> bool:
    return any(c in sample for c in _SEPARATOR_CHARS) or ("-" in sample and _SPACED_HYPHEN.search(sample) is not None)


def _line_features_in(language: str | None) -> Callable[[str], tuple[float, ...]]:
    """The context-free features of one line, for a page in ``language`` (``page_features``)."""
    return _features_with_stopwords_of(language if stopwords(language) else None)


#: Features are a pure function of (stopword list, text), so each list's answers are cached by the
#: line's text; languages without a list share one cache, which keeps the number of caches finite.
@cache
def _features_with_stopwords_of(language: str | None) -> Callable[[str], tuple[float, ...]]:
    stops = stopwords(language)
    return per_line(lambda text: _line_features(text, stops))


def _line_features(text: str, stops: frozenset[str]) -> tuple[float, ...]:
    n = len(text)
    sample = text[:SAMPLE_CHARS]
    m = len(sample) or 1
    tokens = _WORD.findall(sample)
    nw = len(tokens) * n / m
    ascii_only = sample.isascii()
    data = sample.encode("ascii") if ascii_only else b""
    stop = sum(map(stops.__contains__, map(str.lower, tokens))) / len(tokens) if tokens else 0.0
    long_words = [w for w in tokens if len(w) > 3 and w.isalpha()] if nw <= 30 else []
    caps = sum(1 for w in long_words if w[0].isupper()) / len(long_words) if long_words else 0.0
    glue = _GLUE_ASCII if ascii_only else _GLUE
    return (
        math.log1p(n),
        math.log1p(nw),
        1.0 if ends_sentence(text) else 0.0,
        stop,
        caps,
        (_ascii_count(data, _ASCII_DIGITS) if ascii_only else len(_DIGIT.findall(sample))) / m,
        (_ascii_count(data, _ASCII_CAPITALS) if ascii_only else len(_UPPER.findall(sample))) / m,
        sum(map(sample.count, _COMMAS)) / (len(tokens) or 1),
        1.0 if _has_separator(sample) else 0.0,
        min(1.0, 10 * _code_marks(sample) / m),
        1.0 if _has_url(sample) else 0.0,
        min(1.0, len(glue.findall(sample)) / (len(tokens) or 1) * 5),
        0.0 if ascii_only else len(_CJK.findall(sample)) / m,
        1.0 if nw <= 3 else 0.0,
    )


def open_lines(draft: Draft) -> list[int]:
    """The lines the body cleaner decides: those no earlier cleaner took."""
    return [i for i, v in enumerate(draft.verdicts) if v is None]


def page_features(draft: Draft, lines: list[int]) -> list[list[float]]:
    """Feature rows for ``lines`` (indexes of open lines, in order), in ``FEATURES`` order.

    Context is read along those lines only: a share button or a caption already removed
    between two paragraphs does not separate them.
    """
    features = _line_features_in(draft.language)
    texts = [draft.text[i] for i in lines]
    prose_min = PROSE_MIN_CHARS_CJK if draft.script == "CJK" else PROSE_MIN_CHARS
    base = [features(t) for t in texts]
    n = len(texts)
    prose = [1.0 if (len(t) >= prose_min and b[2]) else 0.0 for t, b in zip(texts, base)]
    weight = [p * len(t) for p, t in zip(prose, texts)]
    total = sum(weight) or 1.0
    cum_p = [0.0]
    for p in prose:
        cum_p.append(cum_p[-1] + p)
    copies = Counter(texts)
    head = [i for i, v in enumerate(draft.verdicts) if v is not None and v.role in ("title", "duplicate")
            and i < len(draft.lines) // 2]
    title_at = max(head, default=-1)
    rows: list[list[float]] = []
    seen = 0.0
    for k in range(n):
        lo, hi = max(0, k - NEAR), min(n, k + NEAR + 1)
        flo, fhi = max(0, k - FAR), min(n, k + FAR + 1)
        before = seen / total
        seen += weight[k]
        after = (total - seen) / total
        prev = base[k - 1] if k else None
        nxt = base[k + 1] if k + 1 < n else None
        i = lines[k]
        skipped = (lines[k + 1] if k + 1 < n else len(draft.lines)) - (lines[k - 1] if k else -1) - 2
        rows.append([
            *base[k],
            (cum_p[hi] - cum_p[lo] - prose[k]) / max(1, hi - lo - 1),
            (cum_p[fhi] - cum_p[flo] - prose[k]) / max(1, fhi - flo - 1),
            before,
            1.0 if before > 0.0 and after > 0.0 else 0.0,
            min(before, after),
            1.0 if draft.lines[i].gap_before else 0.0,
            prev[0] if prev else 0.0,
            nxt[0] if nxt else 0.0,
            prev[2] if prev else 0.0,
            nxt[2] if nxt else 0.0,
            k / n,
            min(1.0, skipped / 4),
            1.0 if copies[texts[k]] > 1 else 0.0,
            1.0 if i > title_at else 0.0,
        ])
    return rows


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
        margin = self.margin
        return [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, margin(x))))) for x in rows]


@dataclass(frozen=True)
class BodyModel:
    """Two stacked stages of trees: ``lines`` scores each row of ``FEATURES``; ``context`` scores the
    same row followed by its ``SCORE_CONTEXT``, read from the ``lines`` scores of the whole page."""

    lines: Trees
    context: Trees

    def score(self, rows: list[list[float]]) -> list[float]:
        """P(body) for each feature row of one page, in page order."""
        first = self.lines.probabilities(rows)
        return self.context.probabilities([row + more for row, more in zip(rows, score_context(first))])


def score_context(scores: list[float]) -> list[list[float]]:
    """For each line of a page, its ``SCORE_CONTEXT`` (in that order) from the page's first-stage scores."""
    n = len(scores)
    cum = [0.0]
    for score in scores:
        cum.append(cum[-1] + score)
    total, best = cum[-1] or 1.0, max(scores, default=0.0)
    rows = []
    for k, score in enumerate(scores):
        row = [score]
        for w in SCORE_WINDOWS:
            lo, hi = max(0, k - w), min(n, k + w + 1)
            row.append((cum[k] - cum[lo]) / max(1, k - lo))
            row.append((cum[hi] - cum[k + 1]) / max(1, hi - k - 1))
        row.append(cum[k] / total)
        row.append(best)
        rows.append(row)
    return rows


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
    return BodyModel(_trees(data["lines"]), _trees(data["context"]))


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
    return (any(v is not None and v.role in KINDS for v in draft.verdicts)
            or any(_is_code(draft.text[i]) for i in lines))


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
            if in_run and score < KEEP_IN_RUN:
                draft.decide(i, "boilerplate", self.name,
                             f"in the body's run but scored {score:.3f} as body text (below {KEEP_IN_RUN:.3f})")
            elif not in_run and score < KEEP_OUTSIDE_RUN:
                draft.decide(i, "boilerplate", self.name,
                             f"outside the body's run of prose, scored {score:.2f} as body text")
