"""Structure: decide the lines whose markup clearly says what they are (HTML input only).

``clean_html`` gives each block a set of ``hints`` (see :mod:`newsclean.html`). This cleaner
removes the blocks the markup marks as page furniture — navigation, footers, share bars,
newsletter and cookie boxes, comments, figure captions and credits, related-article lists, and
everything outside the page's main text container — each with the kind and the signal that
decided it. It keeps subheadings the markup puts inside the body (so the text cleaners do not
take them for teasers). Lines without hints (text input) are never touched; every other line is
left to the text cleaners that follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..article import Image
from ..lexicon import CHROME_LANGUAGES, is_chrome_shape
from ..pipeline import Draft
from ..shape import count_words, ends_sentence, is_headline
from ..thresholds import (
    CREDIT_MAX_CHARS,
    DEK_MIN_WORDS,
    HEADLINE_MIN_WORDS,
    NAV_MAX_WORDS,
    PROSE_MIN_CHARS,
)
from .chrome import chrome_key
from .credits import split_credit
from .metadata import title_shaped

__all__ = ["Structure", "StructureGuard"]

#: Hints naming furniture, in the order they are checked: (hint, removal kind, what it is).
FURNITURE: tuple[tuple[str, str, str], ...] = (
    ("cookie", "chrome", "a cookie or consent banner"),
    ("newsletter", "chrome", "a newsletter or subscription box"),
    ("share", "chrome", "a share or social bar"),
    ("comment", "boilerplate", "the comments section"),
    ("ad", "chrome", "an advertisement slot"),
    ("promo", "chrome", "a promotional or sponsored box"),
    ("nav", "navigation", "a navigation menu"),
    ("footer", "boilerplate", "the page footer"),
    ("related", "teaser", "a related-articles block"),
    ("tags", "navigation", "a tag list"),
)
_FURNITURE_HINTS = frozenset(hint for hint, _, _ in FURNITURE)
#: Hints that keep a short line from being taken for a paragraph of the body.
_NOT_PROSE = frozenset({"linked", "li", "figure", "credit", "byline", "date", "header"})
#: Hints of an author, date or byline line; such a line has at most META_MAX_WORDS words.
_META_HINTS = frozenset({"byline", "date"})
_CAPTION_HINTS = frozenset({"figcaption", "caption"})
META_MAX_WORDS = 15
#: A run of at least this many linked headlines inside the body is a teaser list.
LINK_RUN_MIN = 3
_URL = re.compile(r"https?:|www\.|\.(?:com|org|net)\b", re.IGNORECASE)
_NOT_BETWEEN = frozenset({"link-dense", "li"})
_LIST_OR_PARAGRAPH = frozenset({"p", "li"})
_LINKED = frozenset({"linked", "link-dense", "figure", "byline", "date", "header"})
#: A heading in the article's header (a standfirst), and a heading in a list item (a story card).
_HEADER_HEADING = frozenset({"heading", "header", "in-content"})
_LISTED_HEADING = frozenset({"heading", "li", "in-content"})
#: A heading the markup puts inside the body is kept when it has at most this many words.
SUBHEADING_MAX_WORDS = 25


def _plain_text(text: str) -> bool:
    """Not site UI by the chrome lexicon, and not a photo credit."""
    if chrome_key(text) in CHROME_LANGUAGES or is_chrome_shape(text):
        return False
    return split_credit(text) is None


def _same_title(heading: str, title: str) -> bool:
    """A heading is the page's title when one holds the other (titles carry a site suffix)."""
    return bool(heading) and (heading in title or title in heading)


def _headline_like(text: str) -> bool:
    """A teaser worth keeping in ``related``: a few words, not a sentence (not ``Related``)."""
    return count_words(text, HEADLINE_MIN_WORDS) >= HEADLINE_MIN_WORDS and not ends_sentence(text)


@dataclass
class Structure:
    """Remove blocks the markup marks as furniture; keep body lines the text rules would misread."""

    name: str = "structure"

    def apply(self, draft: Draft) -> None:
        for i in draft.open_now():
            hints = draft.lines[i].hints
            if hints:
                found = self._verdict(draft, i, hints, draft.lines[i].where or "?")
                if found is not None:
                    draft.decide(i, found[0], self.name, found[1])
        self._link_runs(draft)
        self._above_headline(draft)

    def _above_headline(self, draft: Draft) -> None:
        """Remove body-container lines above the page's headline (kickers, dates, breadcrumbs).

        The headline is the first ``<h1>`` that matches the page's metadata title (or the first
        ``<h1>`` without one); it is left to the metadata cleaner.
        """
        h1s = [i for i, line in enumerate(draft.lines) if "h1" in line.hints]
        if not h1s:
            return
        title = (draft.title or "").casefold()
        at = next((i for i in h1s if title and _same_title(draft.text[i].casefold(), title)), h1s[0])
        if "in-content" not in draft.lines[at].hints:
            return
        for i in range(at):
            if draft.is_open(i) and "in-content" in draft.lines[i].hints:
                draft.decide(i, "boilerplate", self.name,
                             f"above the headline, in the article's container ({draft.lines[i].where or '?'})")

    def _link_runs(self, draft: Draft) -> None:
        """Remove runs of linked headlines inside the body: a list of teasers set as paragraphs."""
        runs: list[list[int]] = []
        for i in draft.open_now():
            if self._linked_headline(draft, i):
                if runs and runs[-1][-1] == i - 1:
                    runs[-1].append(i)
                else:
                    runs.append([i])
        for run in runs:
            if len(run) >= LINK_RUN_MIN:
                for j in run:
                    draft.related.append(draft.text[j])
                    draft.decide(j, "teaser", self.name,
                                 f"one of {len(run)} linked headlines in a row ({draft.lines[j].where or '?'})")

    @staticmethod
    def _linked_headline(draft: Draft, i: int) -> bool:
        hints = draft.lines[i].hints
        text = draft.text[i]
        return ("link-dense" in hints and "li" not in hints and "in-content" in hints
                and is_headline(text, cased=False) and not _URL.search(text))

    def _verdict(self, draft: Draft, i: int, hints: frozenset[str], where: str) -> tuple[str, str] | None:
        """(role or kind, reason) for line ``i``, or None to leave it to the text cleaners."""
        text = draft.text[i]
        if hints & _CAPTION_HINTS or ("credit" in hints and len(text) <= CREDIT_MAX_CHARS):
            return self._photo(draft, i, hints, where)
        if hints & _META_HINTS:
            if count_words(text, META_MAX_WORDS) <= META_MAX_WORDS:
                kind = "byline" if "byline" in hints else "boilerplate"
                return kind, f"an author or date line by its markup ({where})"
            if "byline" in hints:
                return "boilerplate", f"an author's bio by its markup ({where})"
        if not hints.isdisjoint(_FURNITURE_HINTS):  # (one set test: most lines name no furniture)
            for hint, kind, what in FURNITURE:
                if hint in hints:
                    if kind == "teaser" and _headline_like(text):
                        draft.related.append(text)
                    return kind, f"{what}: the markup says '{hint}' ({where})"
        if "out-of-content" in hints:
            if "h1" in hints:
                if title_shaped(text):  # the metadata cleaner takes it
                    return None  # the headline: the metadata cleaner decides it
                return "title", f"the page's headline, too long for a title line ({where})"
            return "boilerplate", f"outside the page's main text container ({where})"
        if "aside" in hints:
            if "link-dense" in hints:
                if _headline_like(text):
                    draft.related.append(text)
                return "teaser", f"a link in an aside beside the article ({where})"
            return "boilerplate", f"an aside beside the article ({where})"
        if "link-dense" in hints and "heading" in hints and count_words(text, HEADLINE_MIN_WORDS) >= HEADLINE_MIN_WORDS:
            draft.related.append(text)
            return "teaser", f"a linked headline: a teaser for another article ({where})"
        if (hints >= _HEADER_HEADING and "h1" not in hints
                and count_words(text, DEK_MIN_WORDS) >= DEK_MIN_WORDS):
            draft.dek = draft.dek or text
            return "dek", f"a standfirst: a heading in the article's header ({where})"
        if hints >= _LISTED_HEADING:
            return "teaser", f"a headline in a list item: a story card ({where})"
        if "heading" in hints and "h1" not in hints and self._between_prose(draft, i):
            return "paragraph", f"a subheading inside the article body ({where})"
        if (hints & _LIST_OR_PARAGRAPH and "in-content" in hints and not hints & _LINKED
                and not ends_sentence(text) and count_words(text, NAV_MAX_WORDS) <= NAV_MAX_WORDS
                and _plain_text(text)):  # (the cheap test first: most body lines end a sentence)
            return "paragraph", f"a short unlinked line of the body: a list item, not a menu ({where})"
        if ("p" in hints and "heading" not in hints and not hints & _NOT_PROSE
                and is_headline(text, cased=False) and self._between_prose(draft, i)):
            return "paragraph", f"a short unlinked paragraph of the body, not a teaser ({where})"
        return None

    @staticmethod
    def _between_prose(draft: Draft, i: int) -> bool:
        """Line ``i`` is short, unlinked, inside the body's container, and prose follows it."""
        hints = draft.lines[i].hints
        if hints & _NOT_BETWEEN or "in-content" not in hints or not 0 < i < len(draft.lines) - 1:
            return False
        if count_words(draft.text[i], SUBHEADING_MAX_WORDS) > SUBHEADING_MAX_WORDS:
            return False
        after, before = draft.lines[i + 1].hints, draft.lines[i - 1].hints
        return ("in-content" in after and "in-content" in before and "link-dense" not in after
                and "heading" not in after and len(draft.text[i + 1]) >= PROSE_MIN_CHARS)

    @staticmethod
    def _photo(draft: Draft, i: int, hints: frozenset[str], where: str) -> tuple[str, str]:
        """A caption or a credit; a credit right after its caption completes that caption's image."""
        text = draft.text[i]
        if "credit" in hints or split_credit(text) is not None:
            found = split_credit(text)
            credit = found[0] if found else text
            previous = draft.verdicts[i - 1] if i else None
            if previous is not None and previous.role == "caption" and draft.images and not draft.images[-1].credit:
                draft.images[-1] = Image(draft.images[-1].caption, credit)
            else:
                draft.images.append(Image(None, credit))
            return "credit", f"a photo credit by its markup ({where})"
        draft.images.append(Image(text, None))
        return "caption", f"a figure caption by its markup ({where})"


@dataclass
class StructureGuard:
    """Keep what the text cleaners left open in the article's text container (before ``body``).

    By then the text cleaners have removed what they recognise (credits, chrome, teasers,
    bylines …). A line still open inside the container the markup identifies is the article's
    text: it is kept, so that the line-based body classifier, which sees only a line's text and
    neighbours, does not drop a short paragraph, a subheading or a list item for its
    neighbourhood. The classifier still decides the rest: figure, byline, date and header lines,
    and lines outside the container that ``structure`` left open. Lines without hints (text
    input) are never touched.
    """

    name: str = "structure-guard"

    def apply(self, draft: Draft) -> None:
        for i in draft.open_now():
            hints = draft.lines[i].hints
            if "in-content" in hints and not hints & _GUARD_SKIP:
                where = draft.lines[i].where or "?"
                draft.decide(i, "paragraph", self.name, f"text of the article's container, by its markup ({where})")


#: Lines in the container the guard leaves to the body classifier.
_GUARD_SKIP = frozenset({"figure", "byline", "date", "header"})
