"""Properties of ``clean`` on any text: fixture lines mixed with generated junk (issue 2, item 3).

Default runs use few examples so the suite stays fast; ``pytest -m fuzz`` runs every property
with many more.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import EXPECTED, WORD, any_document, decided_lines, offered_words, part_problems, partition_problems
from hypothesis import HealthCheck, example, given, settings

import newsclean
from newsclean import KINDS, Article
from newsclean.article import ROLES

#: The default run is derandomised, so CI is reproducible; `pytest -m fuzz` (MANY) explores afresh each time.
FAST = settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=2000, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def never_raises(text: str) -> None:
    assert isinstance(newsclean.clean(text), Article)


def one_decision_per_line(text: str) -> None:
    lines = text.splitlines()
    decisions = newsclean.clean(text).explain()
    assert decided_lines(decisions) == [no for no, line in enumerate(lines, start=1) if line.strip()]
    assert part_problems(decisions, lines) == []


def known_roles(text: str) -> None:
    roles = {d.role for d in newsclean.clean(text).explain()}
    assert roles <= set(ROLES) | set(KINDS), roles - set(ROLES) - set(KINDS)


def paragraphs_are_decisions(text: str) -> None:
    article = newsclean.clean(text)
    assert article.paragraphs == tuple(d.text for d in article.explain() if d.role == "paragraph")


def removed_are_decisions(text: str) -> None:
    article = newsclean.clean(text)
    decided = [(d.line_no, d.col, d.text, d.role, d.cleaner, d.reason) for d in article.explain() if d.role in KINDS]
    assert [(r.line_no, r.col, r.text, r.kind, r.cleaner, r.reason) for r in article.removed] == decided


def no_invented_words(text: str) -> None:
    offered = offered_words(text)
    for paragraph in newsclean.clean(text).paragraphs:
        assert set(WORD.findall(paragraph)) <= offered, set(WORD.findall(paragraph)) - offered


def deterministic(text: str) -> None:
    first, second = newsclean.clean(text), newsclean.clean(text)
    assert first == second
    assert first.explain() == second.explain()


def order_kept(text: str) -> None:
    article = newsclean.clean(text)
    numbers = [(d.line_no, d.col) for d in article.explain() if d.role == "paragraph"]
    assert numbers == sorted(set(numbers))
    assert partition_problems(text, article) == []  # each paragraph's words come from its own line


PROPERTIES: list[Callable[[str], None]] = [
    never_raises,
    one_decision_per_line,
    known_roles,
    paragraphs_are_decisions,
    removed_are_decisions,
    no_invented_words,
    deterministic,
    order_kept,
]


@FAST
@given(any_document)
def test_clean_never_raises(text: str) -> None:
    """clean() returns an Article for any str, junk and lone surrogates included."""
    never_raises(text)


@FAST
@given(any_document)
def test_one_decision_per_nonblank_line(text: str) -> None:
    """explain() decides each non-blank line (as splitlines() counts) exactly once, in input order;
    a long glued line cut into parts is decided part by part, the parts in order."""
    one_decision_per_line(text)


@FAST
@given(any_document)
def test_every_role_is_a_role_or_a_removal_kind(text: str) -> None:
    """Every decision's role is title, dek, byline, paragraph or a documented removal kind."""
    known_roles(text)


@FAST
@given(any_document)
def test_paragraphs_are_the_paragraph_decisions(text: str) -> None:
    """article.paragraphs is exactly the text of the decisions whose role is 'paragraph'."""
    paragraphs_are_decisions(text)


@FAST
@given(any_document)
def test_removed_are_the_removal_decisions(text: str) -> None:
    """article.removed is exactly the decisions with a removal kind, same line, text, cleaner and reason."""
    removed_are_decisions(text)


@FAST
@given(any_document)
def test_no_invented_words(text: str) -> None:
    """Every word of every paragraph occurs in the input."""
    no_invented_words(text)


@FAST
@given(any_document)
def test_deterministic(text: str) -> None:
    """Cleaning the same text twice gives the same article and the same decisions."""
    deterministic(text)


@FAST
@given(any_document)
def test_input_order_kept(text: str) -> None:
    """Paragraphs keep input order, and each paragraph's words come from the line it is numbered as."""
    order_kept(text)


def idempotent(text: str) -> None:
    article = newsclean.clean(text)
    assert newsclean.clean(article.text).paragraphs == article.paragraphs


SHORT_PARAGRAPH = (
    "Title Of The Page\n\nFirst paragraph that is long enough to be prose and ends well, truly it does.\n\n"
    "Short kept line\n\nAnother paragraph of body text that ends with a full stop, as they all should."
)


@FAST
@given(any_document)
@example(SHORT_PARAGRAPH)
def test_idempotent(text: str) -> None:
    """Cleaning an article's own text keeps every paragraph: clean(a.text).paragraphs == a.paragraphs."""
    idempotent(text)


@pytest.mark.fuzz
@pytest.mark.parametrize("prop", PROPERTIES, ids=lambda p: p.__name__)
@MANY
@given(text=any_document)
def test_property_on_many_examples(prop: Callable[[str], None], text: str) -> None:
    """Each property holds on many generated pages (opt-in: pytest -m fuzz)."""
    prop(text)


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=str)
def test_expected_paragraphs_are_a_fixed_point(name: str) -> None:
    """A fixture's expected article, cleaned again as text, keeps exactly its paragraphs."""
    paragraphs = tuple(EXPECTED[name]["paragraphs"])
    assert newsclean.clean("\n\n".join(paragraphs)).paragraphs == paragraphs
