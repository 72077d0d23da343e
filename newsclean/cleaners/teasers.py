"""Related-article teasers: ``Read more: <headline>`` lines (also ``Lire aussi le décryptage | …``),
headline-shaped lines sitting between body paragraphs, and the headline-shaped lines right under a
label-only line (``Related``, ``More on this story``, ``相关新闻``; the label itself is chrome or
foreign-ui). Their headlines are kept in ``draft.related``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..lexicon import TEASER_OPENERS
from ..memo import per_line
from ..pipeline import Draft
from ..shape import is_headline, is_prose
from ..thresholds import TEASER_LIST_MAX
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


@dataclass(frozen=True)
class Teasers:
    """Remove related-article teasers and keep their headlines in ``related``."""

    name: str = "teasers"

    def apply(self, draft: Draft) -> None:
        found = self._labelled_lists(draft)
        cased = draft.language in _CASED_LANGUAGES
        for i in draft.open_now():
            text = draft.text[i]
            link = _teaser_link(text)
            if link is not None:
                opener, headline = link
                found.append((i, headline))
                draft.decide(i, "teaser", self.name, f"a '{opener}' link to another article")
                continue
            if not is_headline(text, cased=cased):
                continue
            before, after = draft.neighbour(i, -1), draft.neighbour(i, 1)
            if before is None or after is None:
                continue
            if is_prose(draft.text[before]) and is_prose(draft.text[after]):
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
