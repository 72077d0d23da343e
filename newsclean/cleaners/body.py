"""The body: decide which remaining lines are the article's running text, from their context.

A news body is a contiguous run of long, sentence-like lines in the page's language; chrome and
link lists cluster above and below it. This cleaner reads top to bottom as a small classifier:

1. ``line_features``: general, context-free features of each line (length, sentence end,
   stopword share in the page's language, title case, digits, code and URL shape, glued runs);
2. ``context_features``: the same page's neighbourhood (prose density around the line, where the
   line sits relative to the page's prose, its neighbours' shape);
3. two logistic passes (``data/body_model.json``, trained by ``benchmarks/train_body.py`` with
   page-grouped cross-validation): the second also sees the first pass's scores of neighbours,
   which smooths decisions over the page as jusText's context pass does;
4. open lines scoring below ``KEEP_MIN_SCORE`` are removed as ``boilerplate``, with a reason that
   names the features that weighed most against them.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import regex

from ..lexicon import stopwords
from ..pipeline import Draft
from ..shape import WORD, ends_sentence

__all__ = ["Body", "BodyModel", "page_features", "FEATURES"]

#: A kept line must score at least this probability of being body text.
KEEP_MIN_SCORE = 0.5
#: A line is prose (for context) from this many characters, with a sentence end.
PROSE_MIN_CHARS = 80
PROSE_MIN_CHARS_CJK = 30
#: Context windows, in lines on each side.
NEAR = 2
FAR = 8

_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_DIGIT = regex.compile(r"\d")
_UPPER = regex.compile(r"\p{Lu}")
_LETTER = regex.compile(r"\p{L}")
_CODE = regex.compile(r"[{}=<>;\\]|\bfunction\b|\bvar\b|=>|&&|\|\|")
_URL = regex.compile(r"https?://|www\.|\.(?:com|org|net|html?)\b", regex.IGNORECASE)
_GLUE = regex.compile(r"\p{Ll}[.!?]?\p{Lu}\p{Ll}")
_SEPARATOR = regex.compile(r"[|•·»›«‹→]|\s-\s")
_COMMA = regex.compile(r"[,;，、]")

#: Names of the features, in the order the model's weights follow.
BASE = ("len", "words", "end", "stop", "caps", "digit", "upper", "comma", "sep", "code", "url", "glue", "cjk", "short")
CONTEXT = ("near_prose", "far_prose", "before", "inside", "edge", "gap", "prev_len", "next_len", "prev_end",
           "next_end", "pos", "removed_near", "repeated", "after_title")
FEATURES: tuple[str, ...] = BASE + CONTEXT


def _line_features(text: str, stops: frozenset[str]) -> list[float]:
    n = len(text)
    tokens = WORD.findall(text)
    nw = len(tokens)
    cjk = len(_CJK.findall(text)) / n if n else 0.0
    letters = len(_LETTER.findall(text)) or 1
    stop = sum(1 for w in tokens if w.casefold() in stops) / nw if nw else 0.0
    long_words = [w for w in tokens if len(w) > 3 and w.isalpha()] if nw <= 30 else []
    caps = sum(1 for w in long_words if w[0].isupper()) / len(long_words) if long_words else 0.0
    return [
        math.log1p(n),
        math.log1p(nw),
        1.0 if ends_sentence(text) else 0.0,
        stop,
        caps,
        len(_DIGIT.findall(text)) / n if n else 0.0,
        len(_UPPER.findall(text)) / letters,
        len(_COMMA.findall(text)) / (nw or 1),
        1.0 if _SEPARATOR.search(text) else 0.0,
        min(1.0, 10 * len(_CODE.findall(text)) / (n or 1)),
        1.0 if _URL.search(text) else 0.0,
        min(1.0, len(_GLUE.findall(text)) / (nw or 1) * 5),
        cjk,
        1.0 if nw <= 3 else 0.0,
    ]


def page_features(draft: Draft) -> list[list[float]]:
    """Feature rows, one per line of the draft (open or not), in ``FEATURES`` order."""
    stops = stopwords(draft.language)
    texts = draft.text
    cjk_page = draft.script == "CJK"
    prose_min = PROSE_MIN_CHARS_CJK if cjk_page else PROSE_MIN_CHARS
    base = [_line_features(t, stops) for t in texts]
    n = len(texts)
    prose = [1.0 if (len(t) >= prose_min and b[2]) else 0.0 for t, b in zip(texts, base)]
    removed = [0.0 if v is None or v.role == "paragraph" else 1.0 for v in draft.verdicts]
    weight = [p * len(t) for p, t in zip(prose, texts)]
    total = sum(weight) or 1.0
    cum_p = [0.0]
    cum_r = [0.0]
    for p, r in zip(prose, removed):
        cum_p.append(cum_p[-1] + p)
        cum_r.append(cum_r[-1] + r)
    copies = Counter(texts)
    title_at = max((i for i, v in enumerate(draft.verdicts) if v is not None and v.role in ("title", "duplicate")
                    and i < n // 2), default=-1)
    rows: list[list[float]] = []
    seen = 0.0
    for i in range(n):
        lo, hi = max(0, i - NEAR), min(n, i + NEAR + 1)
        flo, fhi = max(0, i - FAR), min(n, i + FAR + 1)
        near = (cum_p[hi] - cum_p[lo] - prose[i]) / max(1, hi - lo - 1)
        far = (cum_p[fhi] - cum_p[flo] - prose[i]) / max(1, fhi - flo - 1)
        before = seen / total
        seen += weight[i]
        after = (total - seen) / total
        prev = base[i - 1] if i else None
        nxt = base[i + 1] if i + 1 < n else None
        rows.append(base[i] + [
            near,
            far,
            before,
            1.0 if before > 0.0 and after > 0.0 else 0.0,
            min(before, after),
            1.0 if draft.lines[i].gap_before else 0.0,
            prev[0] if prev else 0.0,
            nxt[0] if nxt else 0.0,
            prev[2] if prev else 0.0,
            nxt[2] if nxt else 0.0,
            i / n,
            (cum_r[hi] - cum_r[lo] - removed[i]) / max(1, hi - lo - 1),
            1.0 if copies[texts[i]] > 1 else 0.0,
            1.0 if i > title_at else 0.0,
        ])
    return rows


@dataclass(frozen=True)
class BodyModel:
    """Two logistic passes: weights per feature; the second pass adds neighbours' first scores."""

    first: tuple[float, ...]
    second: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    names: tuple[str, ...] = field(default=FEATURES)

    @staticmethod
    def _logit(w: tuple[float, ...], x: list[float]) -> float:
        z = w[-1] + sum(a * b for a, b in zip(w, x))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def standardise(self, rows: list[list[float]]) -> list[list[float]]:
        return [[(v - m) / s for v, m, s in zip(row, self.mean, self.scale)] for row in rows]

    def score(self, rows: list[list[float]]) -> list[float]:
        """P(body) for each standardised feature row, after the smoothing pass."""
        first = [self._logit(self.first, x) for x in rows]
        return [self._logit(self.second, x + _neighbour_scores(first, i)) for i, x in enumerate(rows)]


def _neighbour_scores(scores: list[float], i: int) -> list[float]:
    """The first pass's scores around line ``i``: previous, next, and the mean over FAR lines."""
    n = len(scores)
    window = scores[max(0, i - FAR) : i] + scores[i + 1 : i + FAR + 1]
    return [
        scores[i],
        scores[i - 1] if i else 0.0,
        scores[i + 1] if i + 1 < n else 0.0,
        sum(window) / len(window) if window else 0.0,
    ]


SECOND_EXTRA = ("self_score", "prev_score", "next_score", "window_score")


@cache
def load_model() -> BodyModel | None:
    """The trained model shipped in ``data/body_model.json`` (None before it is trained)."""
    path = resources.files("newsclean.data").joinpath("body_model.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    return BodyModel(tuple(data["first"]), tuple(data["second"]), tuple(data["mean"]), tuple(data["scale"]),
                     tuple(data["names"]))


@dataclass(frozen=True)
class Body:
    """Remove open lines that the body classifier scores as page furniture."""

    name: str = "body"
    keep_min_score: float = KEEP_MIN_SCORE

    def apply(self, draft: Draft) -> None:
        model = load_model()
        if model is None or not draft.lines:
            return
        rows = model.standardise(page_features(draft))
        for i, p in enumerate(model.score(rows)):
            if draft.is_open(i) and p < self.keep_min_score:
                draft.decide(i, "boilerplate", self.name, _reason(model, rows[i], p))


def _reason(model: BodyModel, row: list[float], p: float) -> str:
    worst = sorted(range(len(row)), key=lambda k: model.first[k] * row[k])[:2]
    return f"scored {p:.2f} as body text; weighed against it: {', '.join(model.names[k] for k in worst)}"
