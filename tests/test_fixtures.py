"""Every fixture page cleans to exactly its expected article (tests are data, as in ftfy)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsclean

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAGES = sorted(p.with_suffix("").with_suffix("").name for p in FIXTURES.glob("*.expected.json"))


def _load(name: str) -> tuple[newsclean.Article, dict[str, Any]]:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return newsclean.clean(text), expected


def test_there_are_enough_fixture_pages() -> None:
    """The seed and at least 15 more pages are here, so the suite cannot pass on an empty folder."""
    assert "sputnik-italy-defense" in PAGES
    assert len(PAGES) >= 16


@pytest.mark.parametrize("name", PAGES)
def test_fixture_fields(name: str) -> None:
    """Title, dek, dateline, paragraphs, images and related all equal the expected JSON."""
    article, expected = _load(name)
    assert article.title == expected["title"]
    assert article.dek == expected["dek"]
    dateline = expected["dateline"]
    assert (article.dateline and [article.dateline.place, article.dateline.source]) == (
        dateline and [dateline["place"], dateline["source"]]
    )
    assert list(article.paragraphs) == expected["paragraphs"]
    assert [(i.caption, i.credit) for i in article.images] == [(i["caption"], i["credit"]) for i in expected["images"]]
    assert list(article.related) == expected["related"]
    if "byline" in expected:
        assert article.byline == expected["byline"]
    if "language" in expected:
        assert article.language == expected["language"]


@pytest.mark.parametrize("name", PAGES)
def test_fixture_removal_kinds(name: str) -> None:
    """Every line the expected JSON lists as removed is removed with that kind, and no other line is."""
    article, expected = _load(name)
    assert {str(r.line_no): r.kind for r in article.removed} == expected["removed"]
