"""Train the body classifier (newsclean/cleaners/body.py) on a corpus of real pages.

    python benchmarks/train_body.py --corpus ../shared/corpus/scrapinghub [--write]

Each line of each page's raw text (both renderings, ``layout`` and ``flat``) is labelled body
when most of its 4-token shingles occur in the page's true body. The rule cleaners run first,
exactly as in ``clean()``; the model learns only from the lines they leave open. Features are
the general ones of ``page_features``: nothing names a page, a site or a sentence.

The model has two stacked stages. The first is fitted on the features; the second on the same
features plus ``score_context`` of first-stage scores. Those scores must be what the first stage
says of pages it did not see, as at run time, so for the second stage's training rows they come
from an inner cross-validation over the training pages (``INNER`` folds, grouped by page).

Cross-validation is grouped by page (5 folds; both renderings of a page fall in the same fold;
``--splits N`` repeats it over N deals of the pages into folds, as one deal's figures move by
about 0.005 with the deal alone):
the figures printed are on pages the model did not see, cleaned by ``newsclean.clean()`` with
the fold's model (every cleaner and the re-read pass: what a user gets); beside them, the body
cleaner's first reading alone, decoded exactly as ``Body.apply`` does.
``--write`` fits on every page and writes ``newsclean/data/body_model.json``.
Needs scikit-learn (training only; the shipped model runs in pure Python).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

import newsclean
from newsclean.cleaners import body
from newsclean.cleaners.body import (
    FEATURES,
    SCORE_CONTEXT,
    BodyModel,
    Trees,
    body_runs,
    has_furniture,
    keep_from,
    open_lines,
    page_features,
    run_weights,
    score_context,
)
from newsclean.lines import split_lines
from newsclean.pipeline import Draft

TOKEN = re.compile(r"\w+")
MODEL_PATH = Path(newsclean.__file__).parent / "data" / "body_model.json"
TREES, DEPTH, RATE, MIN_LEAF = 60, 3, 0.2, 20
#: Folds of the inner cross-validation that gives the second stage its first-stage scores.
INNER = 5


@dataclass
class Page:
    id: str
    route: str
    body: str
    text: str
    draft: Draft
    lines: list[int]
    x: np.ndarray[Any, Any]
    y: np.ndarray[Any, Any]


def shingles(text: str) -> Counter[tuple[str, ...]]:
    toks = TOKEN.findall(text)
    return Counter(tuple(toks[i : i + 4]) for i in range(max(1, len(toks) - 3)) if toks[i : i + 4])


def precision_recall(true: str, pred: str) -> tuple[float, float]:
    """The benchmark's per-page precision and recall over 4-token shingles."""
    t, p = shingles(true), shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    if fp == fn == 0:
        return 1.0, 1.0
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def labels(texts: list[str], body: str) -> list[float]:
    """Share of each line's shingles found in the true body (short lines: found whole)."""
    toks = TOKEN.findall(body)
    grams = {tuple(toks[i : i + 4]) for i in range(len(toks) - 3)}
    joined = " " + " ".join(toks) + " "
    out = []
    for text in texts:
        tk = TOKEN.findall(text)
        if len(tk) < 4:
            out.append(1.0 if tk and (" " + " ".join(tk) + " ") in joined else 0.0)
        else:
            out.append(sum(tuple(tk[i : i + 4]) in grams for i in range(len(tk) - 3)) / (len(tk) - 3))
    return out


def load(corpus: Path, routes: list[str]) -> list[Page]:
    """Every (page, rendering) after the rule cleaners, with features and labels of its open lines.

    Each page also comes once as its bare body (the true paragraphs, one per line): clean text
    is input too, and there every line is body.
    """
    rules = newsclean.Pipeline.default().without("body")
    pages = []
    for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        truth = json.loads(line)
        texts = {route: corpus / f"{truth['id']}.{route}.txt" for route in routes}
        inputs = {route: path.read_text(encoding="utf-8") for route, path in texts.items() if path.exists()}
        inputs["bare"] = truth["body"]
        for route, text in inputs.items():
            draft = rules.run(split_lines(text))
            lines = open_lines(draft)
            x = np.array(page_features(draft, lines), dtype=float).reshape(-1, len(FEATURES))
            y = np.array(labels([draft.text[i] for i in lines], truth["body"])) >= 0.5
            pages.append(Page(truth["id"], route, truth["body"], text, draft, lines, x, y))
    return pages


def fit_trees(x: np.ndarray[Any, Any], y: np.ndarray[Any, Any], page: np.ndarray[Any, Any],
              trees: int, min_leaf: int) -> Trees:
    """Boosted trees on rows ``x``, each weighted by sqrt(words + 1) as the smoothing pass is.

    Each page's weights are then scaled to the same total (``page`` numbers each row's page),
    as the metric averages over pages: a long page's lines do not outvote a short page's.
    """
    w = np.exp(x[:, FEATURES.index("words")] / 2)
    w /= np.bincount(page, weights=w)[page]
    w *= len(w) / w.sum()
    # early_stopping off: on its default ('auto') it would hold out a random tenth of the lines
    # (by line, not by page) as a validation set above 10,000 rows, and fit on the rest.
    clf = HistGradientBoostingClassifier(max_iter=trees, max_depth=DEPTH, learning_rate=RATE, min_samples_leaf=min_leaf,
                                         early_stopping=False, random_state=0)
    clf.fit(x, y.astype(int), sample_weight=w)
    exported = []
    for (predictor,) in clf._predictors:
        nodes = predictor.nodes
        exported.append(tuple(
            (int(n["feature_idx"]), float(n["num_threshold"]), 0 if n["is_leaf"] else int(n["left"]),
             0 if n["is_leaf"] else int(n["right"]), float(n["value"]))
            for n in nodes
        ))
    return Trees(float(np.ravel(clf._baseline_prediction)[0]), tuple(exported))


def page_numbers(pages: list[Page]) -> np.ndarray[Any, Any]:
    """For each row of the stacked ``pages``, the number of the page it comes from."""
    return np.concatenate([np.full(len(p.y), n) for n, p in enumerate(pages)]).astype(int)


def first_stage(pages: list[Page], trees: int, min_leaf: int) -> Trees:
    return fit_trees(np.vstack([p.x for p in pages]), np.concatenate([p.y for p in pages]), page_numbers(pages),
                     trees, min_leaf)


def with_context(page: Page, scores: list[float]) -> np.ndarray[Any, Any]:
    """The page's second-stage rows: its features, then ``score_context`` of first-stage ``scores``."""
    more = np.array(score_context(scores), dtype=float).reshape(-1, len(SCORE_CONTEXT))
    return np.hstack([page.x, more])


def fit(pages: list[Page], trees: int = TREES, min_leaf: int = MIN_LEAF) -> BodyModel:
    """Both stages on ``pages``; the second learns from out-of-fold first-stage scores."""
    ids = sorted({p.id for p in pages})
    unseen: dict[int, list[float]] = {}
    for k in range(INNER):
        held = set(ids[k::INNER])
        stage = first_stage([p for p in pages if p.id not in held], trees, min_leaf)
        for n, p in enumerate(pages):
            if p.id in held:
                unseen[n] = stage.probabilities(p.x.tolist())
    x = np.vstack([with_context(p, unseen[n]) for n, p in enumerate(pages)])
    y = np.concatenate([p.y for p in pages])
    return BodyModel(first_stage(pages, trees, min_leaf), fit_trees(x, y, page_numbers(pages), trees, min_leaf))


def kept_text(model: BodyModel, page: Page, *, first_stage_only: bool = False) -> str:
    """The page's body as ``Body.apply`` would keep it (all of it on a page with no furniture)."""
    if not has_furniture(page.draft, page.lines):
        return "\n\n".join(page.draft.text[i] for i in page.lines)
    rows = page.x.tolist()
    scores = model.first.probabilities(rows) if first_stage_only else model.score(rows)
    inside = body_runs(scores, run_weights(rows))
    return "\n\n".join(
        page.draft.text[i] for i, s, ins in zip(page.lines, scores, inside)
        if s >= keep_from(ins, page.draft.text[i])
    )


def cleaned_text(model: BodyModel, page: Page) -> str:
    """The page as ``newsclean.clean()`` cleans it with ``model`` as its body model: every
    cleaner and the re-read pass, exactly what a user gets (``kept_text`` is the body cleaner's
    first reading alone)."""
    shipped = body.load_model
    body.load_model = lambda: model  # type: ignore[assignment]  (Body.apply looks it up per call)
    try:
        return newsclean.clean(page.text, pipeline=newsclean.Pipeline.default()).text
    finally:
        body.load_model = shipped


def f1(rows: list[tuple[float, float]]) -> float:
    prec, rec = statistics.mean(r[0] for r in rows), statistics.mean(r[1] for r in rows)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def under_half(rows: list[tuple[float, float]]) -> int:
    """Pages whose own F1 is below 0.5."""
    return sum(1 for p, r in rows if p + r == 0 or 2 * p * r / (p + r) < 0.5)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--routes", default="layout,flat")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--trees", type=int, default=TREES)
    ap.add_argument("--min-leaf", type=int, default=MIN_LEAF)
    ap.add_argument("--worst", type=int, default=0, help="also list the N worst held-out pages of each route")
    ap.add_argument("--per-page", type=Path, help="write each page's held-out F1 per route to this JSON file")
    ap.add_argument("--splits", type=int, default=1,
                    help="repeat the cross-validation over N deals of pages into folds and print the mean"
                         " (one page's held-out score swings with the fold it falls in; --worst and"
                         " --per-page read the first deal)")
    a = ap.parse_args()
    routes = a.routes.split(",")
    pages = load(a.corpus, routes)
    ids = sorted({p.id for p in pages})
    totals: dict[str, list[float]] = {r: [] for r in [*routes, "bare"]}
    named: dict[str, list[tuple[float, str]]] = {}
    for split in range(a.splits):
        # Split 0 deals the sorted page ids into folds; each later split first shuffles them.
        order = ids if split == 0 else [str(i) for i in np.random.default_rng(split).permutation(ids)]
        held: dict[str, list[tuple[float, float]]] = {r: [] for r in [*routes, "bare"]}
        named_now: dict[str, list[tuple[float, str]]] = {r: [] for r in [*routes, "bare"]}
        first: dict[str, list[tuple[float, float]]] = {r: [] for r in [*routes, "bare"]}
        whole: dict[str, list[tuple[float, float]]] = {r: [] for r in [*routes, "bare"]}
        for k in range(a.folds):
            test = set(order[k :: a.folds])
            model = fit([p for p in pages if p.id not in test], a.trees, a.min_leaf)
            for p in pages:
                if p.id in test:
                    held[p.route].append(precision_recall(p.body, kept_text(model, p)))
                    pr = precision_recall(p.body, cleaned_text(model, p))
                    whole[p.route].append(pr)
                    named_now[p.route].append((f1([pr]), p.id))
                    first[p.route].append(precision_recall(p.body, kept_text(model, p, first_stage_only=True)))
        if split == 0:
            named = named_now
        print(f"cross-validated by page, {a.folds} folds (pages the model did not see)"
              f"{f', split {split}' if a.splits > 1 else ''}:")
        for route in [*routes, "bare"]:
            totals[route] += [f1(whole[route]), under_half(whole[route])]
            print(f"  {route:6} F1={f1(whole[route]):.3f} pages={len(whole[route])}, pages under 0.5:"
                  f" {under_half(whole[route])} (the body cleaner's first reading: {f1(held[route]):.3f},"
                  f" its first stage alone: {f1(first[route]):.3f})")
    if a.splits > 1:
        print(f"mean of {a.splits} splits: " + ", ".join(
            f"{route} F1={statistics.mean(v[0::2]):.4f} under 0.5: {statistics.mean(v[1::2]):.1f}"
            for route, v in totals.items()))
    for route in routes if a.worst else []:
        worst = ", ".join(f"{page[:12]} {score:.2f}" for score, page in sorted(named[route])[: a.worst])
        print(f"  worst {route}: {worst}")
    if a.per_page:
        scores = {route: {page: round(score, 4) for score, page in sorted(named[route])} for route in named}
        a.per_page.write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    if a.write:
        model = fit(pages, a.trees, a.min_leaf)
        data = {
            "features": list(FEATURES),
            "score_context": list(SCORE_CONTEXT),
            "first": {"baseline": model.first.baseline, "trees": [list(t) for t in model.first.trees]},
            "second": {"baseline": model.second.baseline, "trees": [list(t) for t in model.second.trees]},
        }
        MODEL_PATH.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH} ({len(model.first.trees)} + {len(model.second.trees)} trees)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
