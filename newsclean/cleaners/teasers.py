"""Related-article teasers: ``Read more: <headline>`` lines (also ``Lire aussi le décryptage | …``),
headline-shaped lines sitting between body paragraphs (of at least ``INLINE_TEASER_MIN_WORDS``
words, and no question: shorter lines and questions there are subheadings), and the
headline-shaped lines right under a label-only line (``Related``, ``More on this story``,
``相关新闻``; the label itself is chrome or foreign-ui). Their headlines are kept in
``draft.related``.

On pages whose headlines are title-cased, a story card rendered as one line, its headline glued
to its summary (``City Council Votes On New Parking Rules For The Old Town The proposal …``), is a
teaser too: a sentence never runs six capitalised words with a minor word (``On``, ``For``) among
them. Where the headline ends is not known (the summary's first word is capitalised as well), so
none of it goes to ``related``; the removal keeps the whole line.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..lexicon import TEASER_OPENERS, TITLE_CASE_MINOR_WORDS
from ..memo import per_line
from ..pipeline import Draft
from ..shape import count_words, is_headline, is_prose
from ..thresholds import (
    GLUED_TEASER_MIN_CAPS,
    GLUED_TEASER_MIN_SUMMARY_WORDS,
    HEADLINE_MAX_WORDS,
    INLINE_TEASER_MIN_WORDS,
    TEASER_LIST_MAX,
)
from .chrome import chrome_key

__all__ = ["Teasers"]

_OPENER = regex.compile(
    r"^(?P<opener>" + "|".join(regex.escape(o) for o in sorted(TEASER_OPENERS, key=len, reverse=True)) + r")"
    # `Lire aussi | X`; before a pipe, a few words may qualify the label (`Lire aussi le décryptage | X`)
    # then a colon (also full-width), a pipe, a guillemet, an arrow, or a spaced hyphen, en or em dash
    r"(?:(?:\s+[\p{L}'\u2019-]+){1,3}\s*\||\s*(?:[:\uff1a|\u00bb\u203a>\u2192]|[-\u2013\u2014]\s))\s*(?P<headline>\S.*)$",
    regex.IGNORECASE | regex.VERSION1,
)
#: Scripts whose headlines are title-cased (``Russian, Syrian Strikes … Halted``); elsewhere a
#: headline is known by its length and missing full stop alone.
_CASED_LANGUAGES = frozenset({"en"})


@per_line
def _teaser_link(text: str) -> tuple[str, str] | None:
    """(opener, headline) of a ``Read more: <headline>`` line, else None."""
    m = _OPENER.match(text)
    return (m["opener"], m["headline"].strip()) if m else None


#: Characters around a word that do not make it a word of its own (quotes, brackets, punctuation).
_AROUND_A_WORD = "\"'\u201c\u201d\u2018\u2019()[],:;!?."
#: A word ending so opens a sentence with the next: a sentence end, a dateline's colon, a dash.
_OPENS_A_SENTENCE = (".", "!", "?", ":", "-", "\u2013", "\u2014")
#: The opening a story card needs: no word among its first GLUED_TEASER_MIN_CAPS opens with a
#: lower-case letter (the first opens a sentence anyway). One anchored match rejects most lines at
#: their second word, without splitting a whole paragraph into words. (Possessive: a word and the
#: blank after it are never given back, so no input makes it backtrack.)
_CARD_OPENING = regex.compile(rf"^\S++(?:\s++[^\s\p{{Ll}}]\S*+){{{GLUED_TEASER_MIN_CAPS - 1}}}")
#: A lower-case letter followed by a capital inside one word: two blocks run together.
_GLUED_WORD = regex.compile(r"\p{Ll}\p{Lu}")


def glued_headline(text: str, minor: frozenset[str]) -> bool:
    """Does ``text`` open with a title-cased headline and go on with a summary sentence?

    ``minor`` holds the words a title-cased headline capitalises and a sentence does not. The
    headline is the run of capitalised words (or numbers) the line opens with: long enough, no
    longer than a headline, and one of its words after the first is a minor word not opening a
    sentence (nor following a dateline: ``NEW DELHI: The …``, ``LONDON — The …``). A run in
    capitals (``TAYLOR SWIFT CLEARED TO …``) is no title case, and a word glued to the next
    (``FlightEarlier``) is the join of two blocks, one of them maybe the body: neither counts.
    """
    if _CARD_OPENING.match(text) is None:  # most lines: their second word is in lower case
        return False
    words = text.split(None, HEADLINE_MAX_WORDS + GLUED_TEASER_MIN_SUMMARY_WORDS)  # enough to decide
    run = minors = capitals = 0
    for k, word in enumerate(words):
        bare = word.strip(_AROUND_A_WORD)
        if not bare:
            continue  # a lone quote or mark (``"``, ``:``): neither ends nor extends the run
        if not (bare[0].isupper() or bare[0].isdigit()):
            break
        if _GLUED_WORD.search(bare):
            return False
        run = k + 1
        if len(bare) > 1 and bare.isupper():
            capitals += 1
        if k and bare.casefold() in minor and not words[k - 1].endswith(_OPENS_A_SENTENCE):
            minors += 1
    return (GLUED_TEASER_MIN_CAPS <= run <= HEADLINE_MAX_WORDS and minors > 0 and 2 * capitals <= run
            and len(words) - run >= GLUED_TEASER_MIN_SUMMARY_WORDS)


def _inline_shaped(text: str, script: str | None) -> bool:
    """Is a headline-shaped line between paragraphs long enough for a teaser, and no question?

    Subheadings sit between paragraphs too, and are short (``Range and Charging``, ``A Job for
    Tuft Cells``); a teaser carries a whole headline. Interviews and explainers set their
    questions between the answers. (Scripts without spaces between words are not counted.)
    """
    if text.endswith("?"):
        return False
    return script == "CJK" or count_words(text, INLINE_TEASER_MIN_WORDS) >= INLINE_TEASER_MIN_WORDS


@dataclass(frozen=True)
class Teasers:
    """Remove related-article teasers and keep their headlines in ``related``."""

    name: str = "teasers"

    def apply(self, draft: Draft) -> None:
        found = self._labelled_lists(draft)
        cased = draft.language in _CASED_LANGUAGES
        minor = TITLE_CASE_MINOR_WORDS.get(draft.language or "")
        for i in draft.open_now():
            text = draft.text[i]
            link = _teaser_link(text)
            if link is not None:
                opener, headline = link
                found.append((i, headline))
                draft.decide(i, "teaser", self.name, f"a '{opener}' link to another article")
                continue
            if minor is not None and glued_headline(text, minor):
                draft.decide(i, "teaser", self.name, "a story card: a title-cased headline glued to its summary")
                continue
            if not is_headline(text, cased=cased):
                continue
            before, after = draft.neighbour(i, -1), draft.neighbour(i, 1)
            if before is None or after is None:
                continue
            if is_prose(draft.text[before]) and is_prose(draft.text[after]) and _inline_shaped(text, draft.script):
                found.append((i, text))
                draft.decide(i, "teaser", self.name, "a headline-shaped line between body paragraphs")
        draft.related.extend(headline for _, headline in sorted(found))

    def _labelled_lists(self, draft: Draft) -> list[tuple[int, str]]:
        """Headline-shaped lines right under a removed label-only line (``Related``) are teasers."""
        found: list[tuple[int, str]] = []
        for i, verdict in enumerate(draft.verdicts):
            if verdict is None or verdict.role not in _LABEL_KINDS:
                continue
            label = chrome_key(draft.text[i])
            if label not in TEASER_OPENERS:
                continue
            for j in range(i + 1, min(i + 1 + TEASER_LIST_MAX, len(draft.lines))):
                if not draft.is_open(j) or draft.lines[j].gap_before or not is_headline(draft.text[j], cased=False):
                    break
                found.append((j, draft.text[j]))
                draft.decide(j, "teaser", self.name, f"a headline listed under the '{label}' label")
        return found


#: Removal kinds a label-only line takes (it is site UI, in the page's language or not).
_LABEL_KINDS = frozenset({"chrome", "foreign-ui", "navigation"})
