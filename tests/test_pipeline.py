"""The Pipeline: users compose, reorder, drop and add cleaners by name."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import newsclean
from newsclean import Pipeline

PAGE = (
    "A Headline For The Test Page\n\nListen to our podcast\nShare\n\n"
    "The body is one long sentence that goes on, as bodies do, well past eighty characters.\n"
)


@dataclass(frozen=True)
class DropPodcastPromos:
    name: str = "podcast-promos"

    def apply(self, draft: newsclean.Draft) -> None:
        for i in list(draft.open()):
            if draft.text[i].lower().startswith("listen to our podcast"):
                draft.decide(i, "chrome", self.name, "a podcast promotion")


def test_default_pipeline_names_are_unique_and_ordered() -> None:
    """The default pipeline starts by normalising and lists each cleaner once."""
    names = Pipeline.default().names
    assert names[0] == "normalise"
    assert len(set(names)) == len(names)


def test_user_cleaner_decides_lines_and_is_named_in_explain() -> None:
    """A user's cleaner inserted by name removes its lines and is named in explain()."""
    pipeline = Pipeline.default().insert(DropPodcastPromos(), before="chrome")
    article = newsclean.clean(PAGE, pipeline=pipeline)
    decision = next(d for d in article.explain() if d.text == "Listen to our podcast")
    assert (decision.role, decision.cleaner) == ("chrome", "podcast-promos")


def test_dropping_a_cleaner_keeps_what_it_would_remove() -> None:
    """Without the chrome cleaner, the 'Share' line is no longer removed as chrome."""
    article = newsclean.clean(PAGE, pipeline=Pipeline.default().without("chrome"))
    assert not any(r.text == "Share" and r.cleaner == "chrome" for r in article.removed)


def test_replace_swaps_a_cleaner_in_place() -> None:
    """replace() puts the new cleaner where the old one was."""
    default = Pipeline.default()
    replaced = default.replace("chrome", DropPodcastPromos())
    assert replaced.names.index("podcast-promos") == default.names.index("chrome")


def test_unknown_name_is_a_clear_error() -> None:
    """Naming a cleaner the pipeline does not have raises KeyError listing the names."""
    with pytest.raises(KeyError, match="no cleaner named"):
        Pipeline.default().without("nope")


def test_duplicate_names_are_refused() -> None:
    """Two cleaners with one name would make explain() ambiguous: refused."""
    with pytest.raises(ValueError, match="unique"):
        Pipeline([DropPodcastPromos(), DropPodcastPromos()])


def test_a_non_cleaner_is_refused() -> None:
    """An object without name and apply() is not accepted as a cleaner."""
    with pytest.raises(TypeError, match="not a cleaner"):
        Pipeline([object()])  # type: ignore[list-item]


def test_deciding_a_line_twice_raises() -> None:
    """A cleaner that decides a line another already decided is a bug, and raises."""

    @dataclass(frozen=True)
    class Greedy:
        name: str = "greedy"

        def apply(self, draft: newsclean.Draft) -> None:
            for i in range(len(draft.lines)):
                draft.decide(i, "chrome", self.name, "everything")

    with pytest.raises(RuntimeError, match="decided twice"):
        newsclean.clean(PAGE, pipeline=Pipeline.default().insert(Greedy()))


def test_empty_pipeline_keeps_every_line_as_a_paragraph() -> None:
    """With no cleaners, every non-blank line is a paragraph: nothing is lost."""
    article = newsclean.clean(PAGE, pipeline=Pipeline([]))
    assert len(article.paragraphs) == sum(1 for line in PAGE.splitlines() if line.strip())
