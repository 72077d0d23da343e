"""Lexicons and outlet tables, loaded once from ``newsclean/data`` and from stopwords-iso.

Everything a cleaner matches by word lives in data, not in code: edit the JSON to extend a
lexicon. Stopword lists come from the stopwords-iso collection (the ``stopwordsiso`` package).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import regex
import stopwordsiso

from .memo import per_line

__all__ = [
    "ANY_LANGUAGE",
    "CAPTION_LABELS",
    "CAPTION_SUFFIXES",
    "CHROME_LANGUAGES",
    "CHROME_PATTERN",
    "COMMA_CREDIT_LABELS",
    "CREDIT_AGENCIES",
    "CREDIT_LABELS",
    "CREDIT_WORDS",
    "LATIN_LANGUAGES",
    "NOT_PLACES",
    "TAG_LABELS",
    "TEASER_OPENERS",
    "TITLE_CASE_MINOR_WORDS",
    "is_chrome_prompt",
    "is_chrome_shape",
    "stopwords",
]


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("newsclean.data").joinpath(name).read_text("utf-8"))
    return data


_chrome = _load("chrome.json")
_markers = _load("markers.json")


def _by_word(table: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    langs: dict[str, set[str]] = {}
    for lang, entries in table.items():
        if not lang.startswith("_"):
            for entry in entries:
                langs.setdefault(entry.casefold(), set()).add(lang)
    return {entry: frozenset(v) for entry, v in langs.items()}


#: Whole lines that are site UI, casefolded, with the languages whose UI uses them.
CHROME_LANGUAGES: dict[str, frozenset[str]] = _by_word(_chrome["exact"])
#: Site-UI line shapes; must match the whole (casefolded, stripped) line.
CHROME_PATTERN: regex.Pattern[str] = regex.compile(
    "^(?:" + "|".join(_chrome["patterns"]) + ")$", regex.IGNORECASE | regex.VERSION1
)
#: The lexicon's pseudo-language for UI words of every language (social networks).
ANY_LANGUAGE = "any"
# The same shapes without the anchors, for ``fullmatch`` (which anchors them anyway): the regex
# module runs the alternation about a third faster without them.
_CHROME_SHAPE: regex.Pattern[str] = regex.compile(
    "(?:" + "|".join(_chrome["patterns"]) + ")", regex.IGNORECASE | regex.VERSION1
)


def is_chrome_shape(text: str) -> bool:
    """``CHROME_PATTERN.fullmatch(text) is not None``: the whole ``text`` is a site-UI line shape."""
    return _CHROME_SHAPE.fullmatch(text) is not None


def _anchored(pattern: str) -> bool:
    """True when ``pattern`` opens with ``^`` and has no ``|`` outside groups and classes."""
    return pattern.startswith("^") and not _alternates(pattern)


def _alternates(pattern: str) -> bool:
    """True when ``pattern`` has a ``|`` outside groups and classes (it is several patterns)."""
    depth, in_class, escaped = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


#: Characters an opening literal is read over (``_opening_literal``); any other one ends it.
_LITERAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 ")
_QUANTIFIERS = "?*+{"


def _opening_literal(pattern: str) -> str:
    """The lowercase ASCII text every match of ``pattern`` opens with (after a ``\\b``), or ``""``
    when it cannot tell: ``\\bsubscribe (now )?for`` → ``subscribe ``. A character under a
    quantifier is not part of it (``cookies?`` → ``cookie``)."""
    if _alternates(pattern):
        return ""
    body = pattern.removeprefix("\\b")
    end = 0
    while end < len(body) and body[end] in _LITERAL_CHARS:
        end += 1
    if end < len(body) and body[end] in _QUANTIFIERS:
        end -= 1
    return body[:end]


# Sentence-shaped chrome (cookie, paywall, newsletter, comment-disclaimer prompts), split in
# two: one alternation of many patterns defeats the regex module's
# literal-prefix search, so the ``^``-anchored prompts are tried at the start of the line only.
def _any_of(patterns: list[str]) -> regex.Pattern[str]:
    return regex.compile("(?:" + "|".join(patterns) + ")" if patterns else "(?!)", regex.IGNORECASE | regex.VERSION1)


_PROMPT_AT_START = _any_of([p for p in _chrome["prompts"] if _anchored(p)])
#: The other prompts, by source, searched one by one: an alternation of them is 2x slower than
#: all of them one after the other. (A module-level dict of patterns: the hostile-input sweep
#: of tests/test_hostile.py finds them there.)
_PROMPTS_ANYWHERE: dict[str, regex.Pattern[str]] = {
    p: regex.compile(p, regex.IGNORECASE | regex.VERSION1) for p in _chrome["prompts"] if not _anchored(p)
}
#: Each with the literal it opens with. On an ASCII line, a match of that literal (ignoring case)
#: is the literal in the lowercased line: a line without it is not searched. (Beyond ASCII, case
#: folding matches more than ``lower`` finds: ``İ`` is an ``i``.)
_OPENED_PROMPTS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (_opening_literal(source), prompt) for source, prompt in _PROMPTS_ANYWHERE.items()
)


@per_line
def is_chrome_prompt(text: str) -> bool:
    """Does ``text`` hold a sentence-shaped chrome prompt (cookie consent, paywall, sign-up)?"""
    if _PROMPT_AT_START.match(text) is not None:
        return True
    lowered = text.lower() if text.isascii() else None
    for literal, prompt in _OPENED_PROMPTS:  # (a loop: a generator in any() costs as much as the tests)
        if (lowered is None or literal in lowered) and prompt.search(text) is not None:
            return True
    return False


#: Label lines (casefolded chrome keys) that introduce a list of tags.
TAG_LABELS: frozenset[str] = frozenset(_chrome["tag_labels"])
#: Outlets that repeat a caption with `` - <outlet>`` appended.
CAPTION_SUFFIXES: tuple[str, ...] = tuple(_load("outlets.json")["caption_suffixes"])
TEASER_OPENERS: frozenset[str] = frozenset(_markers["teaser_openers"])
CREDIT_LABELS: frozenset[str] = frozenset(_markers["credit_labels"])
CREDIT_AGENCIES: tuple[str, ...] = tuple(_markers["credit_agencies"])
#: BBC-style labels followed by a comma: ``Image source, Getty Images``.
COMMA_CREDIT_LABELS: frozenset[str] = frozenset(_markers["comma_credit_labels"])
#: Labels opening a caption line: ``Image caption, …``.
CAPTION_LABELS: frozenset[str] = frozenset(_markers["caption_labels"])
#: Words that alone make a parenthesised credit at a caption's end: ``… (Supplied)``.
CREDIT_WORDS: tuple[str, ...] = tuple(_markers["credit_words"])
#: Upper-case openers followed by a colon that are not a dateline's place (``UPDATE:``), casefolded.
NOT_PLACES: frozenset[str] = frozenset(_markers["not_places"])

#: Per language with title-cased headlines: the short words such a headline capitalises and a
#: sentence does not (``At``, ``Of``), casefolded.
TITLE_CASE_MINOR_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words) for lang, words in _markers["title_case_minor_words"].items()
}

#: Latin-script languages the detector chooses between by stopword density.
LATIN_LANGUAGES: tuple[str, ...] = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "id", "sv", "da", "no", "fi", "cs", "ro", "tr", "hu",
)


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """The stopwords-iso list for an ISO 639-1 code, casefolded; empty if unknown."""
    if not language or not stopwordsiso.has_lang(language):
        return frozenset()
    return frozenset(w.casefold() for w in stopwordsiso.stopwords(language))
