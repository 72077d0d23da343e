"""The comments cleaner: reader-comment threads are known by their author and time-stamp lines."""

from __future__ import annotations

import newsclean

ARTICLE = """Harbour ferry returns after winter repairs
The city's oldest ferry carried its first passengers of the season on Saturday, after four months in dry dock.
Crews replaced the hull plating and the engine mounts, and the ferry now runs every twenty minutes until dusk.
Ticket prices stay at two dollars for adults and one dollar for children under twelve, the operator said.
"""


def kinds(text: str) -> dict[str, str]:
    return {d.text: d.role for d in newsclean.clean(text).explain()}


def test_a_thread_under_the_article_is_removed_as_comments() -> None:
    thread = """3 thoughts on "Harbour ferry returns after winter repairs"
harbourwatcher says:
April 6, 2025 at 8:12 am
Finally! The bridge traffic has been unbearable all winter long.
Jan Ostrowski says:
April 6, 2025 at 9:40 am
Does anyone know if bikes are still allowed on board this year?
mk_reads says:
April 7, 2025 at 6:02 pm
Yes, bikes ride free before ten in the morning, same as last year.
"""
    got = kinds(ARTICLE + thread)
    for line in thread.splitlines():
        assert got[line] == "comment", line
    assert got["Ticket prices stay at two dollars for adults and one dollar for children under twelve, the operator "
               "said."] == "paragraph"


def test_author_lines_in_other_languages_and_numeric_time_stamps() -> None:
    thread = """Anna schreibt:
19.11.2024 um 10:13
Endlich fährt sie wieder, danke für den Bericht.
Piotr napisał:
19.11.2024 um 11:02
Czy rowery są nadal dozwolone?
Marie a écrit :
20.11.2024 à 08:45
Oui, comme l'an dernier.
"""
    got = kinds(ARTICLE + thread)
    assert [got[line] for line in thread.splitlines()] == ["comment"] * 9


def test_name_lines_above_time_stamps_start_comments() -> None:
    """Forum-style headers: a bare name line, then '2 days ago at 07:52 am'."""
    thread = """Woodpecker
2 days ago at 07:52 am
Good to see the old boat back on the water.
Nick A
2 days ago at 07:47 am
I rode it this morning and the new engine is much quieter than the old one.
tjedora
2 days ago at 07:51 am
Shouldn't they have added a second ferry by now?
"""
    got = kinds(ARTICLE + thread)
    assert [got[line] for line in thread.splitlines()] == ["comment"] * 9


def test_two_comments_are_not_a_thread() -> None:
    thread = ("harbourwatcher says:\nApril 6, 2025 at 8:12 am\nFinally!\n"
              "mk_reads says:\nApril 7, 2025 at 6:02 pm\nYes.\n")
    assert "comment" not in kinds(ARTICLE + thread).values()


def test_comments_with_no_article_above_are_left_alone() -> None:
    """A page that is only a thread (a forum page) has no article prose above it: not furniture."""
    thread = "\n".join(f"user{n} says:\nApril {n}, 2025 at 8:1{n} am\nI think the new timetable is a real improvement."
                       for n in range(1, 5))
    assert "comment" not in kinds(thread).values()


def test_relative_ages_without_a_clock_time_do_not_make_a_thread() -> None:
    """Teaser lists carry '2 hours ago' lines; only a time stamp with its clock time heads a comment."""
    teasers = "".join(f"Council approves new bus lane on Main Street number {n}\n{n} hours ago\n" for n in range(1, 6))
    assert "comment" not in kinds(ARTICLE + teasers).values()


def test_a_dated_article_line_alone_is_not_a_comment() -> None:
    page = ARTICLE.replace("\n", "\nNovember 19, 2019 at 9:45 am\n", 1)
    assert "comment" not in kinds(page).values()


def test_an_author_line_needs_its_colon() -> None:
    """'The minister says' is a sentence fragment, not a comment header."""
    lines = "".join(f"The minister says\nApril {n}, 2025\nMore words here.\n" for n in range(1, 5))
    assert "comment" not in kinds(ARTICLE + lines).values()


def test_quotes_introduced_by_said_are_not_comments() -> None:
    """Author-shaped lines without time stamps (``The mayor said:``) open quotes in the article."""
    quotes = """The mayor said:
"We will not let the ferry fail again, whatever the repairs cost the city this year."
The opposition leader said:
"The council has known about the rusting hull for three years and did nothing at all."
In a statement, the port authority said:
"Safety inspections were carried out every month, as the law requires of every operator."
"""
    got = kinds(ARTICLE + quotes)
    assert [got[line] for line in quotes.splitlines()] == ["paragraph"] * 6
