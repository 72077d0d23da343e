"""Non-English (or, generally, other-language) UI residue: lines in another script than the page.

An English page drops ``Заголовок открываемого материала``; a Russian page keeps its Russian body
and drops a Latin-script UI line. Chinese and Japanese write foreign names and terms in Latin
letters inside their own sentences (``Slack for iPadの通知音がZoomと同じ``), and a
character of theirs says as much as several Latin letters: on a CJK page a line holding any CJK
character is in the page's language. Lines in the page's own script but another language's UI words
are caught by the chrome lexicon (see ``chrome.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..memo import per_line
from ..pipeline import Draft
from ..shape import script_shares
from ..thresholds import FOREIGN_SCRIPT_MIN_SHARE

__all__ = ["ForeignUI"]

#: Lines with fewer letters than this are left alone (a symbol, a number, a name initial).
_MIN_LETTERS = 3
#: Longer lines in another script are quotations or content, not UI.
_MAX_UI_CHARS = 80


@dataclass(frozen=True)
class ForeignUI:
    """Remove short lines written mostly in another script than the page's."""

    name: str = "foreign-ui"

    def apply(self, draft: Draft) -> None:
        if draft.script is None:
            return
        latin = draft.script == "Latin"
        cjk = draft.script == "CJK"
        for i in draft.open_now():
            text = draft.text[i]
            if len(text) > _MAX_UI_CHARS or (latin and text.isascii()):
                continue  # (ASCII letters are Latin: the cheap common case)
            main = _main_script(text)
            if main is None:
                continue
            other, share = main
            if other != draft.script and share >= FOREIGN_SCRIPT_MIN_SHARE and not (cjk and _has_cjk(text)):
                draft.decide(i, "foreign-ui", self.name, f"a {other}-script line on a {draft.script}-script page")


def _has_cjk(text: str) -> bool:
    return "CJK" in script_shares(text)


@per_line
def _main_script(text: str) -> tuple[str, float] | None:
    """The script most of the line's letters are in, and its share of them (None for too few letters)."""
    shares = script_shares(text)
    letters = sum(shares.values())
    if letters < _MIN_LETTERS:
        return None
    main = max(shares, key=lambda k: shares[k])
    return main, shares[main] / letters
