"""Detect the article's script and language, before any cleaner that depends on them.

The script is the one most letters of the page's prose lines are written in. Within a script the
language is the one whose stopwords-iso list covers most of those lines' words. Decides no line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicon import LATIN_LANGUAGES, stopwords
from ..memo import forgets, per_line
from ..pipeline import Draft
from ..shape import casefolded_words, dominant_script, dominant_script_of_lines, ends_sentence, has_kana

__all__ = ["LANGUAGES_BY_SCRIPT", "DetectLanguage", "detect_language"]

#: Lines shorter than this many characters are UI more often than prose: they do not vote.
_PROSE_MIN_CHARS = 40
#: Script and style text left in a page (``{``, ``=``, ``function``) is not the article's language.
_CODE_CHARS = "{}=;()<>"
_CODE_MAX_SHARE = 0.02
# The words are searched by their end, a literal the engine skips ahead to (a leading ``\b`` makes
# it try every position: 3x slower on a long line); their start is checked on each one found.
_CODE_WORD_END = re.compile(r"(?:function|var)\b")
_WORD_CHAR = re.compile(r"\w")


@per_line
def _code_like(text: str) -> bool:
    limit = _CODE_MAX_SHARE * len(text)
    # The count of ``[{}=;()<>]|\bfunction\b|\bvar\b`` matches, cheaper: no two of them overlap,
    # so the characters are counted in bulk, and the words searched only when one occurs.
    marks = sum(map(text.count, _CODE_CHARS))
    if marks > limit or ("function" not in text and "var" not in text):
        return marks > limit
    return marks + _code_words(text) > limit


def _code_words(text: str) -> int:
    """How many ``\bfunction\b`` or ``\bvar\b`` words ``text`` holds."""
    return sum(1 for m in _CODE_WORD_END.finditer(text)
               if m.start() == 0 or _WORD_CHAR.match(text, m.start() - 1) is None)

#: The language is read from this many characters of prose: plenty, and it bounds the cost.
_SAMPLE_CHARS = 6000
LANGUAGES_BY_SCRIPT: dict[str, tuple[str, ...]] = {
    "Latin": LATIN_LANGUAGES,
    "Cyrillic": ("ru", "uk", "bg", "sr"),
    "Arabic": ("ar", "fa", "ur"),
    "Greek": ("el",),
    "Hebrew": ("he",),
    "Devanagari": ("hi", "mr"),
    "Thai": ("th",),
    "Hangul": ("ko",),
}


def detect_language(lines: list[str]) -> tuple[str | None, str | None]:
    """(script, ISO 639-1 language) of the prose among ``lines``; (None, None) without letters."""
    long = [t for t in lines if len(t) >= _PROSE_MIN_CHARS]
    text_like = [t for t in long if not _code_like(t)] or long or lines
    script = dominant_script_of_lines(_sample(text_like))
    if script is None:
        return None, None
    prose = [t for t in text_like if ends_sentence(t) and dominant_script(t) == script] or text_like
    return script, _language_of(script, _sample(prose))


def _sample(lines: list[str]) -> tuple[str, ...]:
    """The longest lines first, up to ``_SAMPLE_CHARS`` characters with a line break between
    each two (the last one taken is cut there; the shorter ones are not taken at all)."""
    taken: list[str] = []
    room = _SAMPLE_CHARS
    for line in sorted(lines, key=len, reverse=True):
        if room <= 0:
            break
        taken.append(line[:room])
        room -= len(line) + 1
    return tuple(taken)


# ``clean()``'s re-readings of the kept text mostly sample the same prose again.
@lru_cache(maxsize=256)
def _language_of(script: str, sample: tuple[str, ...]) -> str | None:
    """The language of the ``sample`` lines, written in ``script``: the candidate whose stopwords they use most."""
    if script == "CJK":
        return "ja" if any(map(has_kana, sample)) else "zh"
    candidates = LANGUAGES_BY_SCRIPT.get(script, ())
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    # Hits add up line by line (no word spans two lines): each line's are counted once (a
    # re-reading samples mostly the same lines, in another cut), and summed as exact integers.
    hits = [0] * len(candidates)
    for line_hits in map(_stopword_hits(candidates), sample):
        for k, n in enumerate(line_hits):
            hits[k] += n
    best = max(range(len(candidates)), key=hits.__getitem__)  # the first of equals, in candidate order
    return candidates[best] if hits[best] else candidates[0]


forgets(_language_of.cache_clear)


@cache
def _stopword_hits(candidates: tuple[str, ...]) -> Callable[[str], tuple[int, ...]]:
    """For one script's candidates: a line's words → how many are stopwords of each candidate."""
    position = {lang: k for k, lang in enumerate(candidates)}
    # Stopword → the positions of its languages among the candidates (where its count goes).
    index = {word: tuple(position[lang] for lang in langs) for word, langs in _languages_of(candidates).items()}
    no_language: tuple[int, ...] = ()

    @per_line
    def hits(text: str) -> tuple[int, ...]:
        counts = [0] * len(candidates)
        # Words are counted by the candidates they belong to (in C): a line has fewer distinct
        # such sets than distinct words, and each is added once.
        for positions, n in Counter(map(index.get, casefolded_words(text))).items():
            for k in positions or no_language:
                counts[k] += n
        return tuple(counts)

    return hits


@cache
def _languages_of(candidates: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Stopword → the candidate languages it belongs to (built once per script)."""
    index: dict[str, list[str]] = {}
    for lang in candidates:
        for w in stopwords(lang):
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


@dataclass(frozen=True)
class DetectLanguage:
    """Set ``draft.script`` and ``draft.language`` from the page's prose lines."""

    name: str = "language"

    def apply(self, draft: Draft) -> None:
        if draft.language is None:
            draft.script, draft.language = detect_language([draft.text[i] for i in draft.open_now()])
        elif draft.script is None:
            draft.script, _ = detect_language([draft.text[i] for i in draft.open_now()])
