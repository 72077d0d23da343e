"""Train the body classifier (newsclean/cleaners/body.py) on a corpus of real pages.

    python benchmarks/train_body.py --corpus ../shared/corpus/scrapinghub [--write]

Each line of each page's raw text (both renderings, ``layout`` and ``flat``) is labelled body
when most of its 4-token shingles occur in the page's true body. The rule cleaners run first,
exactly as in ``clean()``; the model learns only from the lines they leave open. Features are
the general ones of ``page_features``: nothing names a page, a site or a sentence.

Cross-validation is grouped by page (5 folds): the figures printed are on pages the model did
not see. ``--write`` fits on every page and writes ``newsclean/data/body_model.json``.
Needs numpy and scikit-learn (training only; the shipped model runs in pure Python).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

import newsclean
from newsclean.cleaners.body import FEATURES, SECOND_EXTRA, _neighbour_scores, page_features
from newsclean.lines import split_lines

TOKEN = re.compile(r"\w+")
MODEL_PATH = Path(newsclean.__file__).parent / "data" / "body_model.json"


def shingles(text: str) -> Counter[tuple[str, ...]]:
    toks = TOKEN.findall(text)
    return Counter(tuple(toks[i : i + 4]) for i in range(max(1, len(toks) - 3)) if toks[i : i + 4])


def page_f1(true: str, pred: str) -> tuple[float, float]:
    t, p = shingles(true), shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    prec = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    rec = tp / (tp + fn) if tp + fn else 1.0
    return prec, rec


def labels(texts: list[str], body: str) -> list[float]:
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


def load(corpus: Path, routes: list[str]) -> list[dict[str, object]]:
    """One record per (page, route): its draft after the rule cleaners, features and labels."""
    rules = newsclean.Pipeline.default().without("body")
    pages = []
    for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        truth = json.loads(line)
        for route in routes:
            path = corpus / f"{truth['id']}.{route}.txt"
            if not path.exists():
                continue
            draft = rules.run(split_lines(path.read_text(encoding="utf-8")))
            pages.append({
                "id": truth["id"], "route": route, "body": truth["body"], "draft": draft,
                "x": np.array(page_features(draft), dtype=float).reshape(-1, len(FEATURES)),
                "y": np.array(labels(draft.text, truth["body"])),
                "open": np.array([v is None for v in draft.verdicts]),
                "w": np.array([len(TOKEN.findall(t)) for t in draft.text], dtype=float),
            })
    return pages


def second_rows(x: np.ndarray, first: np.ndarray) -> np.ndarray:
    extra = [_neighbour_scores(list(first), i) for i in range(len(first))]
    return np.hstack([x, np.array(extra).reshape(-1, len(SECOND_EXTRA))])


def fit(pages: list[dict[str, object]], c: float) -> dict[str, list[float]]:
    xs = np.vstack([p["x"] for p in pages])  # type: ignore[misc]
    mean, scale = xs.mean(axis=0), xs.std(axis=0) + 1e-9
    def rows(p: dict[str, object]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        m = p["open"]
        return (p["x"] - mean) / scale, (p["y"] >= 0.5).astype(int), np.sqrt(p["w"] + 1)  # type: ignore[operator]
    data = [rows(p) for p in pages]
    masks = [p["open"] for p in pages]
    x1 = np.vstack([d[0][m] for d, m in zip(data, masks)])  # type: ignore[index]
    y1 = np.concatenate([d[1][m] for d, m in zip(data, masks)])  # type: ignore[index]
    w1 = np.concatenate([d[2][m] for d, m in zip(data, masks)])  # type: ignore[index]
    first = LogisticRegression(C=c, max_iter=2000).fit(x1, y1, sample_weight=w1)
    x2 = np.vstack([second_rows(d[0], first.predict_proba(d[0])[:, 1])[m] for d, m in zip(data, masks)])  # type: ignore[index]
    second = LogisticRegression(C=c, max_iter=2000).fit(x2, y1, sample_weight=w1)
    return {
        "names": list(FEATURES),
        "second_names": list(FEATURES + SECOND_EXTRA),
        "mean": mean.tolist(),
        "scale": scale.tolist(),
        "first": first.coef_[0].tolist() + [float(first.intercept_[0])],
        "second": second.coef_[0].tolist() + [float(second.intercept_[0])],
    }


def evaluate(pages: list[dict[str, object]], model: dict[str, list[float]]) -> dict[str, tuple[float, float]]:
    from newsclean.cleaners.body import BodyModel

    bm = BodyModel(tuple(model["first"]), tuple(model["second"]), tuple(model["mean"]), tuple(model["scale"]))
    results: dict[str, list[tuple[float, float]]] = {}
    for p in pages:
        draft = p["draft"]
        scores = bm.score(bm.standardise(p["x"].tolist()))  # type: ignore[union-attr]
        kept = [t for t, s, o in zip(draft.text, scores, p["open"]) if o and s >= 0.5]  # type: ignore[attr-defined]
        results.setdefault(p["route"], []).append(page_f1(p["body"], "\n\n".join(kept)))  # type: ignore[arg-type]
    out = {}
    for route, rows in results.items():
        prec = statistics.mean(r[0] for r in rows)
        rec = statistics.mean(r[1] for r in rows)
        out[route] = (2 * prec * rec / (prec + rec), len(rows))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--routes", default="layout,flat")
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    pages = load(a.corpus, a.routes.split(","))
    ids = sorted({str(p["id"]) for p in pages})
    held: list[dict[str, object]] = []
    for k in range(a.folds):
        test = set(ids[k :: a.folds])
        model = fit([p for p in pages if p["id"] not in test], a.c)
        held += [p for p in pages if p["id"] in test]
        for p in pages:
            if p["id"] in test:
                p["model"] = model
    print("cross-validated by page (pages the model did not see):")
    for route in a.routes.split(","):
        # recompute with the benchmark's averaging: P and R averaged over pages, then F1
        rows = [p for p in held if p["route"] == route]
        f = evaluate_group(rows)
        print(f"  {route:6} F1={f:.3f} pages={len(rows)}")
    full = fit(pages, a.c)
    if a.write:
        MODEL_PATH.write_text(json.dumps(full, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


def evaluate_group(rows: list[dict[str, object]]) -> float:
    precs, recs = [], []
    from newsclean.cleaners.body import BodyModel

    for p in rows:
        m = p["model"]
        bm = BodyModel(tuple(m["first"]), tuple(m["second"]), tuple(m["mean"]), tuple(m["scale"]))  # type: ignore[index]
        scores = bm.score(bm.standardise(p["x"].tolist()))  # type: ignore[union-attr]
        kept = [t for t, s, o in zip(p["draft"].text, scores, p["open"]) if o and s >= 0.5]  # type: ignore[attr-defined]
        pr, rc = page_f1(p["body"], "\n\n".join(kept))  # type: ignore[arg-type]
        precs.append(pr)
        recs.append(rc)
    prec, rec = statistics.mean(precs), statistics.mean(recs)
    return 2 * prec * rec / (prec + rec)


if __name__ == "__main__":
    sys.exit(main())
