"""Related-article teasers: ``Read more: <headline>`` lines, and headline-shaped lines sitting
between body paragraphs. Their headlines are kept in ``draft.related``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..lexicon import TEASER_OPENERS
from ..pipeline import Draft
from ..shape import ends_sentence, is_headline
from ..thresholds import PROSE_MIN_CHARS

__all__ = ["Teasers"]

_OPENER = regex.compile(
    r"^(?P<opener>" + "|".join(regex.escape(o) for o in sorted(TEASER_OPENERS, key=len, reverse=True)) + r")"
    r"\s*(?:[:：|»›>→]|[-–—]\s)\s*(?P<headline>\S.*)$",
    regex.IGNORECASE | regex.VERSION1,
)
#: Scripts whose headlines are title-cased (``Russian, Syrian Strikes … Halted``); elsewhere a
#: headline is known by its length and missing full stop alone.
_CASED_LANGUAGES = frozenset({"en"})


def _prose(text: str) -> bool:
    return len(text) >= PROSE_MIN_CHARS and ends_sentence(text)


@dataclass(frozen=True)
class Teasers:
    """Remove related-article teasers and keep their headlines in ``related``."""

    name: str = "teasers"

    def apply(self, draft: Draft) -> None:
        cased = draft.language in _CASED_LANGUAGES
        for i in list(draft.open()):
            text = draft.text[i]
            m = _OPENER.match(text)
            if m:
                draft.related.append(m["headline"].strip())
                draft.decide(i, "teaser", self.name, f"a '{m['opener']}' link to another article")
                continue
            if not is_headline(text, cased=cased):
                continue
            before, after = draft.neighbour(i, -1), draft.neighbour(i, 1)
            if before is not None and after is not None and _prose(draft.text[before]) and _prose(draft.text[after]):
                draft.related.append(text)
                draft.decide(i, "teaser", self.name, "a headline-shaped line between body paragraphs")
