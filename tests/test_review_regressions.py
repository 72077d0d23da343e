"""Regressions found by reading the code before the first release."""

from __future__ import annotations

import pytest

import newsclean

BODY = (
    "Markets steadied on Tuesday after a week of losses, as investors weighed new figures on prices.\n\n"
    "Analysts said the figures pointed to slower growth in the months ahead, though not to a recession.\n"
)


def test_a_title_with_an_outlet_suffix_is_the_title_not_a_caption() -> None:
    """`Headline - Reuters` on the first line is the page's title, and no photo is invented from it."""
    article = newsclean.clean("Markets steady after a week of losses - Reuters\n\n" + BODY)
    assert article.title == "Markets steady after a week of losses - Reuters"
    assert article.images == ()


@pytest.mark.parametrize("label", [b"idna", b"punycode", b"undefined"])
def test_a_charset_label_that_is_no_charset_falls_back_to_utf8(label: bytes) -> None:
    """A <meta charset> naming a codec that is not a page encoding does not escape clean_html()."""
    page = b'<html><head><meta charset="' + label + b'"></head><body><p>' + BODY.encode() + b"</p></body></html>"
    article = newsclean.clean_html(page)
    assert "Markets steadied" in article.text


def test_a_letter_and_a_soft_hyphen_are_not_taken_for_mojibake() -> None:
    """`Ä` + soft hyphen reads as UTF-8 for `ĭ`, but ftfy's test says it is not mojibake: no word is invented."""
    article = newsclean.clean("\u00c4\u00ad\n\n" + BODY)
    assert all("\u012d" not in d.text for d in article.explain())
