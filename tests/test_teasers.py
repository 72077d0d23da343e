"""Teasers: story cards whose title-cased headline is glued to its summary on one line."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.cleaners.teasers import glued_headline
from newsclean.lexicon import TITLE_CASE_MINOR_WORDS

EN = TITLE_CASE_MINOR_WORDS["en"]

# An invented article, then a "more stories" list rendered one card a line (headline, summary).
BODY = [
    "Harbour Town Opens Its First Floating Library",
    "The council of Harbour Town opened a floating library on Saturday, moored at the old ferry pier and "
    "stocked with four thousand books donated by residents over the past two years.",
    "Librarian Ana Ruiz said the barge would stay in the harbour through the winter and move to the river "
    "mouth in spring, when the school term ends and visitors return to the coast.",
    "The project cost less than a new branch building, the council said, and was paid for by a regional "
    "culture fund that also supports the town's summer music festival.",
]
CARDS = [
    "Five Quiet Beaches To Visit Before The Summer Crowds Arrive Locals share the coves they keep for "
    "themselves, from a pebble bay near the lighthouse to a dune path few visitors ever find.",
    "City Council Votes On New Parking Rules For The Old Town The proposal would limit visitor parking on "
    "weekends and add a shuttle from the station, but shop owners fear fewer customers.",
]


@pytest.mark.parametrize("card", CARDS)
def test_a_title_cased_headline_glued_to_its_summary_is_a_story_card(card: str) -> None:
    assert glued_headline(card, EN)


@pytest.mark.parametrize("line", [
    *BODY[1:],  # prose: its capitalised words are names, never six in a row with a minor one
    "NEW DELHI: The Supreme Court Wednesday asked the state government to explain its delay in filling "
    "the posts.",  # six capitalised words, but after a dateline 'The' opens the sentence
    "LONDON — The Bank Governor Andrew Bailey said on Thursday that rates would stay where they are for "
    "the coming months.",
    "CITY COUNCIL VOTES TO LIMIT PARKING IN THE OLD TOWN AS SHOPS PROTEST the plan, which the mayor "
    "defended on the radio this morning.",  # in capitals: no title case
    "City Council Votes On New Parking Rules For The Old TownThe proposal would limit visitor parking on "
    "weekends and add a shuttle.",  # two blocks glued: the second may be the body
    "Five Quiet Beaches To Visit Before The Summer Crowds Arrive",  # a headline alone: no summary
])
def test_other_lines_are_not_story_cards(line: str) -> None:
    assert not glued_headline(line, EN)


def test_story_cards_after_an_english_article_are_removed_as_teasers() -> None:
    text = "\n\n".join([*BODY, "More stories", *CARDS])
    article = newsclean.clean(text)
    assert article.language == "en"
    for card in CARDS:
        assert card not in article.paragraphs
        assert any(r.text == card and r.kind == "teaser" and r.cleaner == "teasers" for r in article.removed)
    assert all(p in article.paragraphs for p in BODY[1:])


def test_story_cards_are_left_alone_in_languages_without_title_case() -> None:
    """The rule needs the page's language to title-case headlines: German capitalises every noun."""
    line = ("Fünf Stille Strände Für Den Sommer Vor Dem Ansturm Der Urlauber die Einheimischen zeigen ihre "
            "liebsten Buchten, vom Kiesstrand am Leuchtturm bis zum Dünenweg.")
    assert "de" not in TITLE_CASE_MINOR_WORDS
    article = newsclean.clean(line)
    assert not any(r.cleaner == "teasers" for r in article.removed)
