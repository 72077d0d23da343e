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


def _between_paragraphs(line: str) -> newsclean.Article:
    """An invented article with ``line`` between its second and third paragraphs."""
    return newsclean.clean("\n\n".join([*BODY[:3], line, BODY[3]]))


def test_a_headline_between_paragraphs_is_a_teaser() -> None:
    headline = "Coastal Towns Prepare For A Record Season Of Winter Storms"
    article = _between_paragraphs(headline)
    assert headline in article.related
    assert any(r.text == headline and r.reason == "a headline-shaped line between body paragraphs"
               for r in article.removed)


@pytest.mark.parametrize("line", [
    "Funding and Staff",  # a subheading: too short for a whole headline
    "Where Will the Barge Go Next Spring?",  # a question: interviews and explainers set them so
])
def test_a_subheading_or_a_question_between_paragraphs_is_no_teaser(line: str) -> None:
    article = _between_paragraphs(line)
    assert line not in article.related
    assert not any(r.text == line and r.cleaner == "teasers" for r in article.removed)


RU_BODY = [
    "Городской совет открыл на набережной новую библиотеку, где читатели могут брать книги круглый год и без "
    "записи.",
    "По словам директора, в фонде уже четыре тысячи книг, которые жители собирали два года, и каждую неделю "
    "приходят новые.",
]


@pytest.mark.parametrize("label", ["Вам также может быть интересно", "Вам может понравиться"])
def test_headlines_under_a_you_may_also_like_label_are_teasers_in_russian_too(label: str) -> None:
    headlines = ["Как выбрать тёплую обувь для зимних прогулок", "Где в городе открылись новые катки"]
    article = newsclean.clean("\n\n".join(RU_BODY) + "\n\n" + "\n".join([label, *headlines]))
    assert article.language == "ru"
    assert all(h in article.related for h in headlines)
    assert any(r.text == label and r.kind in ("chrome", "foreign-ui") for r in article.removed)
