"""Metadata: the title, the byline, the dek (standfirst) and the dateline of the first paragraph.

The title is the first headline-shaped open line; later copies of it are ``duplicate``. A byline
is a short ``By …`` line (in several languages), kept verbatim. The dateline (``ROME (Sputnik) —``,
``Houston (CNN) —``, TASS's ``KAZAN, 14 March. /TASS/.`` in Cyrillic, ``(ANSA) - VENEZIA, 10 MAR -``,
``MUSCAT:``) is parsed from the first paragraph, which stays a paragraph. The dek is a single sentence between the title
and a paragraph that opens with a dateline or follows a byline.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import regex

from ..article import Dateline
from ..lexicon import NOT_PLACES
from ..memo import per_line
from ..pipeline import Draft
from ..shape import ends_sentence, words
from ..thresholds import (
    BYLINE_MAX_CHARS,
    DATELINE_SEARCH_LINES,
    DEK_MAX_CHARS,
    DEK_MIN_WORDS,
    HEADLINE_MAX_WORDS,
    HEADLINE_MIN_WORDS,
    TITLE_LIST_FOLLOWERS,
    TITLE_MAX_CHARS,
    TITLE_SEARCH_LINES,
)

__all__ = ["Metadata", "is_byline", "parse_dateline", "title_shaped"]

_BYLINE = regex.compile(
    r"^(?:by|written by|words by|von|par|por|di|door|oleh|av|af|przez|автор:?|текст:?)\s+"
    # Possessive separators and an atomic conjunction keep this linear (the old nested `[\s,]+ … \s*`
    # split a run of commas or spaces every way between groups: exponential on `By X,,,,,,,,,,,,,,!`).
    # Words are possessive too, and a later word has no optional capital: a word can only be followed
    # by a blank, comma, bracket or the end, never a letter, so it is always read whole; and
    # `\p{Lu}?[\p{L}…]*` is the same words as `[\p{L}…]*`, read two ways (2^8 tries on a long
    # `By signing up, you agree to …` line). Same lines match.
    r"\p{Lu}[\p{L}.'\u2019-]*+(?:[\s,]++(?>(?:(?:and|und|et|y|e|i|en|и)(?![\p{L}.'\u2019-])|&)(?:\s++(?!&))?|)"
    r"[\p{L}.'\u2019-]*+){0,8}(?:\s*\([^()]{1,60}\))?\s*$",
    regex.IGNORECASE | regex.VERSION1,
)
# One alternative per dateline family; `place` is the city, `source` the agency (if any).
_UPPER_PLACE = r"\p{Lu}[\p{Lu}\p{M}.'\u2019 -]{1,40}?\p{Lu}\.?"
_DASH = r"(?:\u2014|\u2013|--|-)"  # em dash, en dash, double or single hyphen
_DATE = r"(?:,\s*[\p{L}\d .,/]{1,30}?)?"
_DATELINE = regex.compile(
    # `KAZAN, 14 March. /TASS/.` (in Cyrillic): the source between slashes
    rf"^(?P<place>{_UPPER_PLACE}),\s*[\p{{L}}\d .]{{1,30}}?\s*/(?P<source>\p{{Lu}}[^/]{{0,29}})/\.?\s"
    # `(ANSA) - VENEZIA, 10 MAR -`: the source first
    rf"|^\((?P<source>\p{{Lu}}[^()]{{0,39}})\)\s*{_DASH}\s*(?P<place>{_UPPER_PLACE}){_DATE}\s*{_DASH}\s"
    # `ROME (Sputnik) —`, `BEIJING, Dec. 12 (Xinhua) --`, `SAN FRANCISCO, Nov 20 (Reuters) -`, `PARIS —`
    rf"|^(?P<place>{_UPPER_PLACE}){_DATE}(?:\s*\((?P<source>[^()]{{1,40}})\))?\s*{_DASH}\s"
    # `Houston (CNN) —`, `Teruel, 15 mar (EFE).-`: a title-cased place needs its source
    rf"|^(?P<place>\p{{Lu}}\p{{Ll}}[\p{{L}}\p{{M}}.'\u2019-]*(?: \p{{Lu}}[\p{{L}}\p{{M}}.'\u2019-]*){{0,3}}){_DATE}"
    rf"\s*\((?P<source>\p{{Lu}}[^()]{{0,39}})\)\.?\s*{_DASH}\s?"
    # `MUSCAT:`: an upper-case place and a colon, no source
    rf"|^(?P<place>{_UPPER_PLACE}):\s",
    regex.VERSION1,
)
#: A dateline is looked for in this many first characters of a line (place, date, source, dash).
_DATELINE_MAX_CHARS = 200
# A title often ends with the site's name: `Headline - WSJ`, `Headline | The Outlet`.
# (?<!\s): one try per blank run, not n²
_SITE_SUFFIX = regex.compile(r"(?<!\s)\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]{1,40}$")

#: Every ``_SITE_SUFFIX`` has one of these separators: a line without any has none to remove.
_SITE_SEPARATORS = "|\u2013\u2014-"


@per_line
def _without_site_suffix(text: str) -> str:
    """``text`` without a trailing site name (``Headline - WSJ`` → ``Headline``)."""
    if not any(sep in text for sep in _SITE_SEPARATORS):
        return text
    return _SITE_SUFFIX.sub("", text)


@per_line
def is_byline(text: str) -> bool:
    """True when ``text`` is a short author line: ``By Jane Doe``, ``Von …``, ``Par … (Lyon)``."""
    return len(text) <= BYLINE_MAX_CHARS and _BYLINE.match(text) is not None


def parse_dateline(text: str) -> Dateline | None:
    """The dateline opening ``text``, if it opens with one."""
    m = _DATELINE.match(text, 0, _DATELINE_MAX_CHARS)  # bounded: its blank runs backtrack quadratically
    if m is None:
        return None
    if m["source"] is None and (len(m["place"]) < 3 or m["place"].casefold() in NOT_PLACES):
        return None
    return Dateline(m["place"].strip(), m["source"].strip() if m["source"] else None)


@per_line
def title_shaped(text: str) -> bool:
    """Short, and not ending like a sentence (a question mark is a headline's, though)."""
    return (len(text) <= TITLE_MAX_CHARS and 0 < len(words(text)) <= HEADLINE_MAX_WORDS
            and not ends_sentence(text.rstrip("?")))


def _list_item(text: str, head: str) -> bool:
    """A list's item below ``head``: headline-shaped, of ``HEADLINE_MIN_WORDS`` words or more, and
    no repeat of ``head`` (a page's ``<title>`` repeated by its ``<h1>`` is a title, not a list)."""
    return title_shaped(text) and len(words(text)) >= HEADLINE_MIN_WORDS and not text.startswith(head)


def _opens_a_list(draft: Draft, first: int, after: list[int]) -> bool:
    """Does headline-shaped line ``first`` head a list-shaped body (a calendar, a table of results)
    rather than an article: are the next ``TITLE_LIST_FOLLOWERS`` open lines (bylines aside) its
    items? Asked only of text with no furniture, where no line was removed so far: an article's
    own text, as ``clean()`` re-reads it. On a raw page a title is often followed by a menu that
    is still open here, so there the rule is off."""
    if draft.removed_any():
        return False
    followers = [i for i in after[: TITLE_LIST_FOLLOWERS + 1] if not is_byline(draft.text[i])]
    head = _without_site_suffix(draft.text[first])
    items = [_list_item(draft.text[i], head) for i in followers[:TITLE_LIST_FOLLOWERS]]
    return len(items) == TITLE_LIST_FOLLOWERS and all(items)


@dataclass(frozen=True)
class Metadata:
    """Find the title, byline, dek and dateline; remove repeats of the title."""

    name: str = "metadata"

    def apply(self, draft: Draft) -> None:
        opened = draft.open_now()
        title_at = next((i for k, i in enumerate(opened[:TITLE_SEARCH_LINES]) if title_shaped(draft.text[i])
                         and not _opens_a_list(draft, i, opened[k + 1 :])), None)
        if title_at is not None:
            draft.title = draft.text[title_at]
            draft.decide(title_at, "title", self.name, "the first headline-shaped line near the top")
            self._drop_title_copies(draft)
        byline_at = next((i for i in draft.open_now() if is_byline(draft.text[i])), None)
        if byline_at is not None:
            draft.byline = draft.byline or draft.text[byline_at]  # the page's metadata, if given, wins
            draft.decide(byline_at, "byline", self.name, "a 'By …' line naming the author")
        prose = islice((i for i in draft.open_now() if ends_sentence(draft.text[i])), DATELINE_SEARCH_LINES)
        dated = None
        for i in prose:
            dateline = parse_dateline(draft.text[i])
            if dateline is not None:
                draft.dateline, dated = dateline, i
                break
        start = dated if dated is not None else byline_at
        if title_at is not None and start is not None:
            self._find_dek(draft, title_at, start)
        if dated is not None:
            draft.decide(dated, "paragraph", self.name, "the body's first paragraph: it opens with the dateline")

    def _drop_title_copies(self, draft: Draft) -> None:
        title = draft.title or ""
        bare = _without_site_suffix(title)
        for i in draft.open_now():
            # The suffix is cut from the end, so a line whose bare text is the title's starts with it:
            # only such lines are searched for a suffix.
            text = draft.text[i]
            if text == title or (text.startswith(bare) and _without_site_suffix(text) == bare):
                draft.decide(i, "duplicate", self.name, "repeats the title")

    def _find_dek(self, draft: Draft, title_at: int, start: int) -> None:
        """The one-sentence line between the title and the body's marked start, if it is alone."""
        between = [i for i in draft.open_now() if title_at < i < start]
        if len(between) != 1:
            return
        text = draft.text[between[0]]
        if len(text) <= DEK_MAX_CHARS and ends_sentence(text) and len(words(text)) >= DEK_MIN_WORDS:
            draft.dek = text
            draft.decide(between[0], "dek", self.name, "a one-sentence standfirst between title and body")
