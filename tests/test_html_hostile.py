"""clean_html() on hostile input: no crash, bounded time, a clear (often empty) result."""

from __future__ import annotations

import time

import pytest

from newsclean import Article, clean_html

#: Generous bound for one hostile page on a slow CI machine (a real page takes milliseconds).
MAX_SECONDS = 5.0


def timed(html: str | bytes) -> tuple[Article, float]:
    start = time.perf_counter()
    article = clean_html(html)
    return article, time.perf_counter() - start


@pytest.mark.parametrize("html", ["", "   \n\t ", b"", b"\n"])
def test_empty_input_gives_empty_article(html: str | bytes) -> None:
    """Empty or blank input gives an empty Article, not an error."""
    article = clean_html(html)
    assert article.paragraphs == ()
    assert article.explain() == ()


def test_hundred_thousand_nested_elements() -> None:
    """100k nested elements are cleaned in bounded time (the parser caps the depth)."""
    prose = "<p>Deep text that is long enough to look like a sentence of prose.</p>"
    html = "<div>" * 100_000 + prose + "</div>" * 100_000
    article, seconds = timed(html)
    assert seconds < MAX_SECONDS
    assert isinstance(article, Article)


def test_hundred_thousand_nested_inline_elements() -> None:
    """100k nested inline elements do not overflow the stack either."""
    html = "<p>" + "<span>a" * 100_000 + "</span>" * 100_000 + "</p>"
    article, seconds = timed(html)
    assert seconds < MAX_SECONDS
    assert isinstance(article, Article)


def test_many_sibling_paragraphs() -> None:
    """Ten thousand sibling paragraphs are cleaned in bounded time."""
    html = "<article>" + "<p>A sentence of the article body, long enough to count as prose.</p>" * 10_000 + "</article>"
    article, seconds = timed(html)
    assert seconds < MAX_SECONDS
    assert len(article.paragraphs) > 0


def test_broken_bytes() -> None:
    """Invalid UTF-8 and stray NULs give an Article with replacement characters, not an error."""
    raw = b"<html><body><p>Broken \xff\xfe\x00 bytes \xc3\x28 in a paragraph of the article text.</p></body></html>"
    article = clean_html(raw)
    assert isinstance(article, Article)


def test_random_binary_bytes() -> None:
    """Binary junk is not HTML; it is cleaned without error."""
    raw = bytes(range(256)) * 64
    article, seconds = timed(raw)
    assert seconds < MAX_SECONDS
    assert isinstance(article, Article)


def test_plain_text_is_read_as_one_block() -> None:
    """Text that is not HTML at all is still read, as the body's single block."""
    article = clean_html("Just a plain sentence that nobody wrapped in any markup at all, here.")
    assert article.paragraphs == ("Just a plain sentence that nobody wrapped in any markup at all, here.",)


def test_unknown_meta_charset_falls_back_to_utf8() -> None:
    """A <meta charset> naming no known codec falls back to UTF-8."""
    raw = b'<meta charset="no-such-codec"><p>Caf\xc3\xa9 opens on the main square today, owners say.</p>'
    article = clean_html(raw)
    assert "Café" in article.text


def test_xml_declaration_in_str() -> None:
    """An XML declaration with an encoding, in a str, does not trip the parser."""
    html = ('<?xml version="1.0" encoding="utf-8"?>'
            "<html><body><p>Text of the article body goes here, in one sentence.</p></body></html>")
    assert "Text of the article body" in clean_html(html).text


@pytest.mark.parametrize("ld", ["{not json", "[" * 10_000, '{"@type": "NewsArticle", "author": 5}', "null"])
def test_broken_json_ld_is_ignored(ld: str) -> None:
    """Malformed or odd JSON-LD is skipped; the page still cleans."""
    html = f'<script type="application/ld+json">{ld}</script><p>Body text of the article, long enough here.</p>'
    assert "Body text" in clean_html(html).text


def test_huge_attribute_and_text_node() -> None:
    """A megabyte-long attribute and text node are handled in bounded time."""
    html = f'<div class="{"x" * 1_000_000}"><p>{"word " * 200_000}</p></div>'
    article, seconds = timed(html)
    assert seconds < MAX_SECONDS
    assert isinstance(article, Article)
