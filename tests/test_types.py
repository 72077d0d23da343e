"""What ``clean`` (and ``clean_html`` once it exists) accepts: str, and bytes decoded as UTF-8.
Anything else raises ``TypeError`` naming the type (issue 6, wrong types)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import SEED, partition_problems
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean

WRONG = [None, 42, 4.2, ["a line"], ("a line",), {"text": "a line"}, {"a line"}, object(), Exception("a line")]


@pytest.mark.parametrize("value", WRONG, ids=lambda v: type(v).__name__)
def test_clean_rejects_non_text_naming_the_type(value: Any) -> None:
    """clean() raises TypeError for a non-text value, and the message names the value's type."""
    with pytest.raises(TypeError, match=type(value).__name__):
        newsclean.clean(value)


def test_clean_accepts_bytes_as_utf8() -> None:
    """UTF-8 bytes give the same article as the decoded text."""
    text = SEED.read_text("utf-8")
    from_bytes, from_text = newsclean.clean(text.encode("utf-8")), newsclean.clean(text)
    assert from_bytes == from_text and from_bytes.explain() == from_text.explain()


def test_clean_accepts_a_str_subclass() -> None:
    """A str subclass is text: it is cleaned like the plain str."""

    class Page(str):
        pass

    text = SEED.read_text("utf-8")
    assert newsclean.clean(Page(text)) == newsclean.clean(text)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_decoded_and_partitioned(data: bytes) -> None:
    """Any bytes (truncated or misencoded) are decoded with replacement, and the partition holds."""
    assert partition_problems(data.decode("utf-8", errors="replace"), newsclean.clean(data)) == []


def test_truncated_utf8_is_decoded_with_a_replacement_character() -> None:
    """A UTF-8 sequence cut in the middle becomes U+FFFD, not an error."""
    article = newsclean.clean("Une biblioth\u00e8que ouverte le dimanche, enfin.".encode()[:-14] + b"\xc3")
    assert article.explain()[-1].text.endswith("\ufffd")


@pytest.mark.skipif(not hasattr(newsclean, "clean_html"), reason="newsclean.clean_html is not built yet")
@pytest.mark.parametrize("value", WRONG, ids=lambda v: type(v).__name__)
def test_clean_html_rejects_non_text_naming_the_type(value: Any) -> None:
    """clean_html() raises TypeError for a non-text value, and the message names the value's type."""
    with pytest.raises(TypeError, match=type(value).__name__):
        newsclean.clean_html(value)
