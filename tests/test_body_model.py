"""The body model's two stages: the second reads the first's scores around each line."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from newsclean import Pipeline
from newsclean.cleaners.body import (
    FEATURES,
    SCORE_CONTEXT,
    SCORE_WINDOWS,
    Node,
    load_model,
    open_lines,
    page_features,
    score_context,
)
from newsclean.lines import split_lines

FIXTURES = sorted(Path(__file__).resolve().parent.parent.joinpath("fixtures").glob("*.txt"))


def walk(nodes: tuple[Node, ...], x: list[float]) -> float:
    """One tree's leaf value for row ``x``, by walking its nodes (what the compiled code must equal)."""
    at = 0
    while True:
        feature, threshold, left, right, value = nodes[at]
        if not left:
            return value
        at = left if x[feature] <= threshold else right


def test_score_context_reads_the_windows_above_and_below() -> None:
    scores = [0.0, 1.0, 0.5, 0.25, 1.0]
    rows = score_context(scores)
    assert len(rows) == len(scores) and all(len(r) == len(SCORE_CONTEXT) for r in rows)
    names = dict(zip(SCORE_CONTEXT, rows[2]))
    assert names["score"] == 0.5
    assert names["above_1"] == 1.0 and names["below_1"] == 0.25
    assert names["above_2"] == 0.5 and names["below_2"] == 0.625
    assert names[f"above_{SCORE_WINDOWS[-1]}"] == 0.5  # the window stops at the page's edge
    assert names["score_before"] == pytest.approx(1.0 / 2.75)
    assert names["best"] == 1.0
    first = dict(zip(SCORE_CONTEXT, rows[0]))
    assert first["above_1"] == 0.0  # nothing above the first line
    assert score_context([]) == []


def test_the_compiled_stages_equal_a_walk_of_their_trees() -> None:
    """On real feature rows of every fixture page, both compiled stages give the trees' own sums."""
    model = load_model()
    assert model is not None
    rules = Pipeline.default().without("body")
    checked = 0
    for path in FIXTURES:
        draft = rules.run(split_lines(path.read_text(encoding="utf-8")))
        rows = page_features(draft, open_lines(draft))
        if not rows:
            continue
        assert all(len(r) == len(FEATURES) for r in rows)
        first = [model.first.baseline + sum(walk(t, r) for t in model.first.trees) for r in rows]
        assert [model.first.margin(r) for r in rows] == pytest.approx(first, abs=1e-12)
        probs = [1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) for z in first]
        wide = [r + c for r, c in zip(rows, score_context(probs))]
        second = [model.second.baseline + sum(walk(t, r) for t in model.second.trees) for r in wide]
        assert [model.second.margin(r) for r in wide] == pytest.approx(second, abs=1e-12)
        assert model.score(rows) == pytest.approx([1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) for z in second])
        checked += len(rows)
    assert checked > 100


def test_same_start_marks_templated_items_not_paragraphs() -> None:
    lines = [
        "A new bridge for the valley",  # the title (metadata takes it), so the items below stay open
        "Watch video: The mayor opens the new bridge",
        "The council met on Monday to agree the budget for the coming year, after a long debate.",
        "Watch video: Flood waters recede in the valley",
        "Residents said the water had reached the first floor of several houses on the river road.",
        "The river authority said it would review its warnings.",
        "Video",
    ]
    draft = Pipeline.default().without("body").run(split_lines("\n\n".join(lines)))
    lines_open = open_lines(draft)
    column = FEATURES.index("same_start")
    marked = {draft.text[i]: row[column] for i, row in zip(lines_open, page_features(draft, lines_open))}
    assert marked.get("Watch video: The mayor opens the new bridge") == 1.0
    assert marked.get("Watch video: Flood waters recede in the valley") == 1.0
    # "The council …" and "The river …" open alike in one word only; a one-word line never matches.
    assert all(v == 0.0 for text, v in marked.items() if not text.startswith("Watch video:"))
