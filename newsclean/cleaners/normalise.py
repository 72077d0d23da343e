"""Normalise each line's text: mojibake (ftfy), invisible characters, blank runs. Never words.

A clean line passes through unchanged (no-break spaces and curly quotes included): the
article's paragraphs are the input's lines, repaired only where they were broken.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import ftfy
import regex
from ftfy import badness

from ..memo import per_line
from ..pipeline import Draft
from ..shape import INVISIBLE_CLASS

__all__ = ["Normalise"]

# Only lines with mojibake's signature go through ftfy: a UTF-8 lead byte read as Latin-1 or
# cp1252 (Â Ã â …) followed by a continuation byte read the same way (€ ™ © “ …). ftfy is the
# slow step, and on clean text (São, âge, naïve) it would change nothing anyway.
_SUSPECT = regex.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# (``re``, not ``regex``: the same characters, and several times faster on a long line)
_INVISIBLE = re.compile(INVISIBLE_CLASS)
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
# Runs of ASCII blanks collapse to one space; no-break and other typographic spaces are kept.
_SPACE = regex.compile(r"[ \t\f\v\r]{2,}|[\t\f\v\r]")


def _sloppy_cp1252(error: UnicodeError) -> tuple[bytes, int]:
    """Encode the five bytes cp1252 leaves undefined as themselves, as ftfy's sloppy codec does."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    if any(ord(c) > 0xFF for c in chunk):
        raise error
    return bytes(ord(c) for c in chunk), error.end


_SLOPPY = "newsclean-sloppy-cp1252"
codecs.register_error(_SLOPPY, _sloppy_cp1252)


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252 or Latin-1, where ftfy's own test says the line is mojibake.
    A whole line that round-trips exactly is the plain case and is undone directly; anything
    else (mixed or partial damage) is ftfy's job."""
    if not badness.is_bad(text):
        return text
    try:
        return text.encode("cp1252", errors=_SLOPPY).decode("utf-8")
    except UnicodeError:
        pass
    return ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_latin_ligatures=False,
                         fix_character_width=False, explain=False)


@per_line
def normalise_text(text: str) -> str:
    """One line's text with mojibake fixed, invisible marks dropped and spaces collapsed."""
    # The common case: nothing to repair. (Mojibake's signature opens with a non-ASCII letter, and
    # ``isascii`` reads a flag, so an ASCII line is not searched for it.)
    if text.isprintable() and (text.isascii() or not _SUSPECT.search(text)):
        return (_SPACE.sub(" ", text) if "  " in text else text).strip()
    text = _SURROGATE.sub("\ufffd", text)
    visible = _INVISIBLE.sub("", text)
    if not visible.strip():
        return ""  # only invisible marks: ftfy would turn a lone C1 control (\x9a) into a letter (š)
    # (a line that is no mojibake is already ``visible``: it is not searched for invisibles again)
    text = _INVISIBLE.sub("", fix_mojibake(text)) if _SUSPECT.search(text) else visible
    # With the invisibles gone (\f, \v and \r among them), only a tab or two spaces make a blank run.
    return (_SPACE.sub(" ", text) if "  " in text or "\t" in text else text).strip()


@dataclass(frozen=True)
class Normalise:
    """Rewrite each line's working text; a line with nothing visible left is removed."""

    name: str = "normalise"

    def apply(self, draft: Draft) -> None:
        for i, line in enumerate(draft.lines):
            draft.text[i] = normalise_text(line.raw)
            if not draft.text[i] and draft.is_open(i):
                draft.decide(i, "invisible", self.name, "nothing visible: only control, zero-width or bidi marks")
