"""Shapes of a line of text: words, sentence ends, headline case, script. Pure functions."""

from __future__ import annotations

import itertools
import re
import string
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import regex

from .memo import per_line
from .thresholds import HEADLINE_MAX_WORDS, HEADLINE_MIN_WORDS, PROSE_MIN_CHARS, TITLE_CASE_MIN_SHARE

__all__ = [
    "WORD", "casefolded_words", "count_words", "dominant_script", "dominant_script_of_lines", "ends_sentence",
    "first_words", "is_headline", "script_shares", "title_case_share", "words",
]

#: Characters with nothing visible that the normaliser drops: controls, soft hyphen, zero-width and
#: bidi marks, BOM (a regex character class, for ``re`` and ``regex`` alike).
INVISIBLE_CLASS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
WORD = regex.compile(r"\w+")
#: The same tokens on ASCII text, where ``re`` and ``regex`` agree on ``\w`` (``[a-zA-Z0-9_]``) and
#: ``re`` is about a third faster; beyond ASCII they differ (marks, some digits), so ``WORD`` decides.
_ASCII_WORD = re.compile(r"\w+")
# A sentence ends with a mark, then closing quotes or brackets, then blanks: ``…. »  ``.
_END_MARKS = ".!?\u2026\u3002\uff01\uff1f:;"
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
# The same, read from the line's last character backwards (matched at one place, not searched; the
# lookbehind keeps a search linear too: a run of blanks or closers is tried from its first character only).
_SENTENCE_END_REVERSED = regex.compile(
    rf"(?<![\s{regex.escape(_CLOSERS)}])\s*[{regex.escape(_CLOSERS)}]*[{regex.escape(_END_MARKS)}]"
)
_SCRIPTS: dict[str, regex.Pattern[str]] = {
    name: regex.compile(rf"\p{{{name}}}")
    for name in ("Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Devanagari", "Thai", "Hangul")
}
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")


def words(text: str) -> list[str]:
    """The ``\\w+`` tokens of ``text`` (the benchmark's tokens)."""
    if len(text) <= _SHORT_LINE_CHARS:
        return list(_short_line_words(text))
    return _findall_words(text)


def _findall_words(text: str) -> list[str]:
    """``WORD.findall(text)``, by ``re`` on ASCII text (``str.isascii`` is a flag test, not a scan)."""
    tokens: list[str] = _ASCII_WORD.findall(text) if text.isascii() else WORD.findall(text)
    return tokens


def casefolded_words(text: str) -> list[str]:
    """``[w.casefold() for w in words(text)]``. ASCII text is folded whole before it is cut, which
    is cheaper and the same: there casefolding is lowercasing, and keeps every word character one."""
    if text.isascii():
        tokens: list[str] = _ASCII_WORD.findall(text.lower())
        return tokens
    return list(map(str.casefold, words(text)))


#: Lines up to this many characters are tokenised whole; longer ones only as far as a caller needs.
_SHORT_LINE_CHARS = 250


@per_line
def _short_line_words(text: str) -> tuple[str, ...]:
    """The words of a short line, kept: several cleaners count them (credits, menus, headlines)."""
    return tuple(_findall_words(text))


def first_words(text: str, n: int) -> list[str]:
    """The first ``n`` words of ``text`` (all of them when it has fewer); a long line is read only that far."""
    if len(text) <= _SHORT_LINE_CHARS:
        return list(_short_line_words(text)[:n])
    if text.isascii():
        return [m.group() for m in itertools.islice(_ASCII_WORD.finditer(text), n)]
    return [m.group() for m in itertools.islice(WORD.finditer(text), n)]


def count_words(text: str, limit: int) -> int:
    """``len(words(text))``, counted no further than ``limit + 1``: enough to compare with ``limit``."""
    if len(text) <= _SHORT_LINE_CHARS:
        return min(len(_short_line_words(text)), limit + 1)  # (no list of the words is made)
    return len(first_words(text, limit + 1))


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (., !, ?, …, also inside closing quotes)."""
    last = text[-1:]
    if not last:
        return False
    if last in _END_MARKS:
        return True
    if last not in _CLOSERS and not last.isspace():
        return False
    return _SENTENCE_END_REVERSED.match(text[::-1]) is not None


def is_prose(text: str) -> bool:
    """A body-like line: at least ``PROSE_MIN_CHARS`` characters, ending like a sentence."""
    return len(text) >= PROSE_MIN_CHARS and ends_sentence(text)


def title_case_share(tokens: list[str]) -> float:
    """Share of the alphabetic words of 4+ letters that start with a capital."""
    long = [w for w in tokens if len(w) > 3 and w.isalpha()]
    if not long:
        return 0.0
    return sum(1 for w in long if w[0].isupper()) / len(long)


def is_headline(text: str, *, cased: bool = True) -> bool:
    """A headline: a few words, no sentence end; title-cased where the script has case."""
    return _headline_case(text) >= (TITLE_CASE_MIN_SHARE if cased else 0.0)


@per_line
def _headline_case(text: str) -> float:
    """The title-case share of a headline-shaped line (a few words, no sentence end), else -1."""
    # The sentence end first: it reads the line's last characters, and most lines asked (body
    # paragraphs) end a sentence, so they are not tokenised at all.
    if ends_sentence(text.rstrip("?")):
        return -1.0
    tokens = first_words(text, HEADLINE_MAX_WORDS + 1)
    if not HEADLINE_MIN_WORDS <= len(tokens) <= HEADLINE_MAX_WORDS:
        return -1.0
    return title_case_share(tokens)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_LETTERS = string.ascii_letters.encode("ascii")


@lru_cache(maxsize=4096)
def _scripts_of(char: str) -> tuple[str, ...]:
    """The scripts (of ``script_shares``) one character is written in."""
    found = tuple(name for name, p in _SCRIPTS.items() if p.match(char))
    return (*found, "CJK") if _CJK.match(char) else found


def script_shares(text: str) -> dict[str, int]:
    """Letter counts per script (``CJK`` groups Han and kana)."""
    return _nonzero(_script_counts(text))


#: The scripts ``script_shares`` counts, in the order it lists them.
_SCRIPT_NAMES = (*_SCRIPTS, "CJK")


@per_line
def _script_counts(text: str) -> tuple[int, ...]:
    """Letter counts per script, in ``_SCRIPT_NAMES`` order (kept: language detection counts the
    same prose lines one by one and as its sample, on the first reading and on each re-reading)."""
    if text.isascii():  # the common case: only Latin letters, if any
        return (_ascii_letters(text), *_NO_LETTERS[1:])
    counts = dict.fromkeys(_SCRIPT_NAMES, 0)
    # The ASCII letters are the only ASCII characters in any of these scripts (all Latin): they
    # are counted in bulk; each other character is looked up once per distinct character.
    counts["Latin"] = _ascii_letters(text)
    for char, n in Counter("".join(_NON_ASCII.findall(text))).items():
        for name in _scripts_of(char):
            counts[name] += n
    return tuple(counts.values())


_NO_LETTERS = (0,) * len(_SCRIPT_NAMES)
assert _SCRIPT_NAMES[0] == "Latin"  # (the ASCII letters' script, first in ``_script_counts``)


def _nonzero(counts: Iterable[int]) -> dict[str, int]:
    return {name: n for name, n in zip(_SCRIPT_NAMES, counts) if n}


def _ascii_letters(text: str) -> int:
    """How many of ``text``'s characters are ASCII letters (deleted in bulk, not looped over)."""
    ascii_part = text.encode("ascii", "ignore")
    return len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))


@per_line
def dominant_script(text: str) -> str | None:
    """The script most letters of ``text`` are written in, or None without letters."""
    return _most_letters(script_shares(text))


def dominant_script_of_lines(lines: Iterable[str]) -> str | None:
    """``dominant_script("\n".join(lines))``, from each line's own counts: a line break is no
    letter, so they add up to the joined text's; and a line's counts are kept, a joined text's not."""
    totals = [sum(column) for column in zip(_NO_LETTERS, *map(_script_counts, lines))]  # (per script, in C)
    return _most_letters(_nonzero(totals))


def _most_letters(shares: dict[str, int]) -> str | None:
    """The script with most letters (the first listed of equals), or None without letters."""
    return max(shares, key=lambda k: shares[k]) if shares else None


def has_kana(text: str) -> bool:
    return _KANA.search(text) is not None
