"""Site chrome: UI lines from a lexicon kept as data (several languages), and navigation runs.

A chrome word from another language's lexicon than the page's is UI residue: it is removed as
``foreign-ui`` instead of ``chrome`` (``Subscribe`` on a Russian page). A line made of lexicon
entries side by side (``Copy Link copied``, ``Advertisement · Scroll to continue``,
``Facebook Twitter Google+ Whatsapp``) is chrome too, and so is
sentence-shaped chrome the lexicon's prompts find (cookie consent, paywall and newsletter notices).
The short lines under a tag label (``Topics``, ``Теги``) are a tag list.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..article import KINDS
from ..lexicon import ANY_LANGUAGE, CHROME_LANGUAGES, TAG_LABELS, is_chrome_prompt, is_chrome_shape
from ..memo import per_line
from ..pipeline import Draft
from ..shape import count_words, ends_sentence
from ..thresholds import COMPOUND_CHROME_MAX_WORDS, NAV_MAX_WORDS, NAV_MIN_RUN, PROMPT_MAX_CHARS, TAG_MAX_WORDS

__all__ = ["Chrome", "Navigation", "chrome_key"]

# Decoration around a UI label: arrows, bullets, pipes, brackets, a trailing counter.
# Both are matched at the start only (the tail on the reversed line), so each costs the length of the
# decoration it finds: a `$`-anchored search would try every position (quadratic on a run of `!`).
_LEAD = regex.compile(r"[\s\p{P}\p{S}]+")
_TAIL_REVERSED = regex.compile(r"[\s\p{P}\p{S}]*+(?:\)\d++\(|\d++)?[\s\p{P}\p{S}]*+")
_MAX_CHROME_CHARS = 120


@per_line
def chrome_key(text: str) -> str:
    """The line as the lexicon stores it: casefolded, without decoration or a trailing counter."""
    folded = text.casefold()
    start, end = _lead_length(folded), len(folded) - _tail_length(folded)
    return folded[start:end] if end > start else text.strip().casefold()


def _lead_length(folded: str) -> int:
    """How many characters of decoration open the line (``_LEAD``)."""
    if folded[:1].isalnum():
        return 0  # (most lines) letters and digits are no blank, punctuation or symbol
    lead = _LEAD.match(folded)
    return lead.end() if lead else 0


def _tail_length(folded: str) -> int:
    """How many characters of decoration and counter close the line (``_TAIL_REVERSED``)."""
    if folded[-1:].isalpha():
        return 0  # (most lines) a letter is no decoration, and no counter's digit
    tail = _TAIL_REVERSED.match(folded[::-1])
    return tail.end() if tail else 0


# Separators between UI items on one line: `Advertisement · Scroll to continue`.
_SEPARATORS = "\u00b7\u2022|"  # middle dot, bullet, pipe
_SEPARATOR = regex.compile(f"[{regex.escape(_SEPARATORS)}]")


@per_line
def chrome_languages(text: str) -> frozenset[str] | None:
    """The languages whose UI the line is (one lexicon entry, or two side by side), else None."""
    key = chrome_key(text)
    found = CHROME_LANGUAGES.get(key)
    if found is not None:
        return found
    separated = any(sep in text for sep in _SEPARATORS)  # (``in`` is cheaper than a search)
    parts = [chrome_key(p) for p in _SEPARATOR.split(text) if p.strip()] if separated else []
    if len(parts) < 2:
        tokens = key.split()
        if not 2 <= len(tokens) <= COMPOUND_CHROME_MAX_WORDS or chrome_key(tokens[0]) not in _HEADS:
            return None
        parts = _lexicon_parts(tokens) or []
    if not parts or any(p not in CHROME_LANGUAGES for p in parts):
        return None
    return frozenset().union(*(CHROME_LANGUAGES[p] for p in parts))


def _lexicon_parts(tokens: list[str]) -> list[str] | None:
    """``tokens`` cut into lexicon entries side by side (``facebook twitter google+ whatsapp``,
    ``copy link copied``), in the fewest parts, or None when they cannot all be. Each part is read
    as ``chrome_key`` reads a line (``google+`` is ``google``). At most
    ``COMPOUND_CHROME_MAX_WORDS`` tokens: a few dozen joins."""
    parts_upto: list[list[str] | None] = [[], *([None] * len(tokens))]  # [k]: tokens[:k] cut, if they cut
    for end in range(1, len(tokens) + 1):
        for start in range(end):
            head, best = parts_upto[start], parts_upto[end]
            if head is None or (best is not None and len(best) <= len(head) + 1):
                continue
            part = chrome_key(" ".join(tokens[start:end]))
            if part in CHROME_LANGUAGES:
                parts_upto[end] = [*head, part]
    return parts_upto[-1]


#: Why a line outside the lexicon is site UI (see ``_ui_reading``).
_UI_SHAPE = "site UI: a counter, share, copyright or loading line"
_UI_PROMPT = "site UI: a cookie, paywall, newsletter or comment notice"


@per_line
def _ui_reading(text: str) -> frozenset[str] | str | None:
    """Is the line site UI? Its lexicon languages if the chrome lexicon has it, else the reason
    it is UI by shape (``_UI_SHAPE``, ``_UI_PROMPT``), else None. Page-independent: the page's
    language only chooses between ``chrome`` and ``foreign-ui`` afterwards."""
    if len(text) > _MAX_CHROME_CHARS:
        return _UI_PROMPT if len(text) <= PROMPT_MAX_CHARS and is_chrome_prompt(text) else None
    languages = chrome_languages(text)
    if languages is not None:
        return languages
    if is_chrome_shape(text.strip()):
        return _UI_SHAPE
    return _UI_PROMPT if is_chrome_prompt(text) else None


@dataclass(frozen=True)
class Chrome:
    """Remove whole lines that are site UI: the chrome lexicon and UI line shapes."""

    name: str = "chrome"

    def apply(self, draft: Draft) -> None:
        for i in draft.open_now():
            text = draft.text[i]
            reading = _ui_reading(text)
            if reading is None:
                continue
            if isinstance(reading, str):
                draft.decide(i, "chrome", self.name, reading)
            elif (draft.language is None or draft.language in reading or ANY_LANGUAGE in reading
                    or draft.language not in _LEXICON_LANGS):
                draft.decide(i, "chrome", self.name, f"site UI: '{chrome_key(text)}' is in the chrome lexicon")
            else:
                draft.decide(i, "foreign-ui", self.name,
                             f"UI residue: '{chrome_key(text)}' is {'/'.join(sorted(reading))} UI"
                             f" on a page in {draft.language}")
        self._tag_lists(draft)

    def _tag_lists(self, draft: Draft) -> None:
        """The short lines right under a removed tag label (``Topics``) are its tags."""
        for i, verdict in enumerate(draft.verdicts):
            if verdict is None or verdict.cleaner != self.name or chrome_key(draft.text[i]) not in TAG_LABELS:
                continue
            j = i + 1
            while (j < len(draft.lines) and draft.is_open(j) and not draft.lines[j].gap_before
                   and count_words(draft.text[j], TAG_MAX_WORDS) <= TAG_MAX_WORDS and not ends_sentence(draft.text[j])):
                draft.decide(j, "chrome", self.name, f"a tag under the '{chrome_key(draft.text[i])}' label")
                j += 1


_LEXICON_LANGS = frozenset(lang for langs in CHROME_LANGUAGES.values() for lang in langs)
#: First words of the lexicon's entries: a line whose first word is not one is no compound of them.
_HEADS = frozenset(key.split()[0] for key in CHROME_LANGUAGES if key.split())


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
            if verdict is None and i < len(draft.lines) and _link_like(draft.text[i]):
                run.append(i)
                continue
            if len(run) >= NAV_MIN_RUN:
                for j in run:
                    draft.decide(j, "navigation", self.name, f"one of {len(run)} short link-like lines in a row")
            run = []


@per_line
def _link_like(text: str) -> bool:
    """A menu item's shape: a few words, no sentence end."""
    # (the sentence end first: it reads the last characters, and most lines asked, body
    # paragraphs, end a sentence; counting words tokenises the line)
    return not ends_sentence(text) and count_words(text, NAV_MAX_WORDS) <= NAV_MAX_WORDS
