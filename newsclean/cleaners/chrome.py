"""Site chrome: UI lines from a lexicon kept as data (several languages), and navigation runs.

A chrome word from another language's lexicon than the page's is UI residue: it is removed as
``foreign-ui`` instead of ``chrome`` (``Subscribe`` on a Russian page).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..article import KINDS
from ..lexicon import CHROME_LANGUAGES, CHROME_PATTERN
from ..pipeline import Draft
from ..shape import ends_sentence, words
from ..thresholds import NAV_MAX_WORDS, NAV_MIN_RUN

__all__ = ["Chrome", "Navigation", "chrome_key"]

# Decoration around a UI label: arrows, bullets, pipes, brackets, a trailing counter.
_DECORATION = regex.compile(r"^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]*(?:\(\d+\)|\d+)?[\s\p{P}\p{S}]*$")
_MAX_CHROME_CHARS = 120


def chrome_key(text: str) -> str:
    """The line as the lexicon stores it: casefolded, without decoration or a trailing counter."""
    key = _DECORATION.sub("", text.casefold())
    return key or text.strip().casefold()


@dataclass(frozen=True)
class Chrome:
    """Remove whole lines that are site UI: the chrome lexicon and UI line shapes."""

    name: str = "chrome"

    def apply(self, draft: Draft) -> None:
        for i in list(draft.open()):
            text = draft.text[i]
            if len(text) > _MAX_CHROME_CHARS:
                continue
            key = chrome_key(text)
            languages = CHROME_LANGUAGES.get(key)
            if languages is not None:
                if draft.language is None or draft.language in languages or draft.language not in _LEXICON_LANGS:
                    draft.decide(i, "chrome", self.name, f"site UI: '{key}' is in the chrome lexicon")
                else:
                    draft.decide(i, "foreign-ui", self.name,
                                 f"UI residue: '{key}' is {'/'.join(sorted(languages))} UI on a {draft.language} page")
            elif CHROME_PATTERN.fullmatch(text.strip()):
                draft.decide(i, "chrome", self.name, "site UI: a counter, share, copyright or loading line")


_LEXICON_LANGS = frozenset(lang for langs in CHROME_LANGUAGES.values() for lang in langs)


@dataclass(frozen=True)
class Navigation:
    """Remove runs of short link-like lines (menus, section lists, tag lists)."""

    name: str = "navigation"

    def apply(self, draft: Draft) -> None:
        run: list[int] = []
        for i in range(len(draft.lines) + 1):
            verdict = draft.verdicts[i] if i < len(draft.lines) else None
            if verdict is not None and verdict.role in KINDS:
                continue  # lines already removed do not break a menu
            if verdict is None and i < len(draft.lines) and self._link_like(draft.text[i]):
                run.append(i)
                continue
            if len(run) >= NAV_MIN_RUN:
                for j in run:
                    draft.decide(j, "navigation", self.name, f"one of {len(run)} short link-like lines in a row")
            run = []

    @staticmethod
    def _link_like(text: str) -> bool:
        return len(words(text)) <= NAV_MAX_WORDS and not ends_sentence(text)
