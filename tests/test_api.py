"""The public API: clean()'s input types, the Article's views, and the seed page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclean

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = (FIXTURES / "sputnik-italy-defense.txt").read_text(encoding="utf-8")


def test_public_api_is_listed() -> None:
    """Everything the README uses is exported in __all__."""
    for name in ("clean", "Article", "Pipeline", "Removal", "Image", "Dateline", "Decision", "Cleaner", "Draft"):
        assert name in newsclean.__all__


def test_empty_text_gives_an_empty_article() -> None:
    """Empty input is not an error: it gives an Article with nothing in it."""
    article = newsclean.clean("")
    assert article.paragraphs == () and article.removed == () and article.title is None


def test_bytes_are_decoded_as_utf8_with_replacement() -> None:
    """bytes are accepted; invalid UTF-8 is replaced, not raised."""
    article = newsclean.clean(SEED.encode("utf-8") + b"\xff\xfe broken")
    assert article.title == newsclean.clean(SEED).title


@pytest.mark.parametrize("bad", [None, 3, 2.5, ["a"], {"text": "a"}])
def test_other_types_raise_type_error_naming_the_type(bad: object) -> None:
    """Anything that is not text raises TypeError, and the message names the type."""
    with pytest.raises(TypeError, match=type(bad).__name__):
        newsclean.clean(bad)  # type: ignore[arg-type]


def test_text_joins_paragraphs_with_a_blank_line() -> None:
    """Article.text is the paragraphs joined by one blank line."""
    article = newsclean.clean(SEED)
    assert article.text == "\n\n".join(article.paragraphs)


def test_to_dict_is_json_ready() -> None:
    """to_dict() round-trips through JSON and carries the removals."""
    data = json.loads(json.dumps(newsclean.clean(SEED).to_dict()))
    assert data["title"].startswith("Italian Defense Minister")
    assert {r["kind"] for r in data["removed"]} >= {"credit", "caption", "chrome", "teaser", "foreign-ui"}


def test_every_removal_has_a_documented_kind_and_a_reason() -> None:
    """Each removal's kind is in KINDS and its reason is a non-empty sentence."""
    for removal in newsclean.clean(SEED).removed:
        assert removal.kind in newsclean.KINDS
        assert removal.reason and removal.cleaner


def test_explain_decides_each_non_blank_line_once_in_order() -> None:
    """explain() has one decision per non-blank input line, in input order."""
    decisions = newsclean.clean(SEED).explain()
    expected = [n for n, line in enumerate(SEED.splitlines(), 1) if line.strip()]
    assert [d.line_no for d in decisions] == expected
