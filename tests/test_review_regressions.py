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


def test_a_machine_time_stamp_line_is_chrome() -> None:
    """An ISO 8601 stamp alone on a line (a page's hidden <time> text) is UI, not body."""
    body = "A sentence of the article body that is long enough to read as prose on its own, surely."
    for stamp in ("2019-11-19T08:57:40+01:00", "2024-03-02T10:15Z", "2024-03-02T10:15:07.123+0530"):
        article = newsclean.clean(f"{body}\n{stamp}\n{body} Again.")
        assert next(r for r in article.removed if r.text == stamp).kind == "chrome"
    dated = "2019-11-19 was a Tuesday, when the vote took place in the city."
    assert all(r.kind != "chrome" for r in newsclean.clean(f"{body}\n{dated}").removed)


def test_a_list_shaped_body_keeps_its_items_on_re_reading() -> None:
    """A body that is a list of items (a season's calendar) loses none of them to the re-read
    pass: on furniture-free text, a headline-shaped line over a list is no title (it used to take
    the first item for one, and every headline-shaped item after it with it)."""
    items = [f"Round {n}: {day} March at the {place} circuit" for n, (day, place) in
             enumerate([(3, "northern"), (10, "coastal"), (17, "mountain"), (24, "city")], start=1)]
    page = ("Season calendar announced for the national series\n\nMenu\n\nHome\n\nSearch\n\n"
            "Calendar of the national series\n\n" + "\n\n".join(items) + "\n\n"
            "Dates may still change, the organisers said in a statement issued on Monday.\n\n"
            "Share this article\n\nSubscribe\n")
    article = newsclean.clean(page)
    assert all(item in article.paragraphs for item in items)
    assert newsclean.clean(article.text).paragraphs == article.paragraphs
