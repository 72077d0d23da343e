"""Normalise each line's text: mojibake (ftfy), invisible characters, blank runs. Never words.

A clean line passes through unchanged (no-break spaces and curly quotes included): the
article's paragraphs are the input's lines, repaired only where they were broken.
"""

from __future__ import annotations

from dataclasses import dataclass

import ftfy
import regex

from ..pipeline import Draft

__all__ = ["Normalise"]

# Only lines with a character that mojibake or a control code produces go through ftfy: it is
# the slow step, and on clean text it changes nothing.
_SUSPECT = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00c2\u00c3\u00c5\u00e2\u00d0\u00d1\ufffd]")
_INVISIBLE = regex.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
# Runs of ASCII blanks collapse to one space; no-break and other typographic spaces are kept.
_SPACE = regex.compile(r"[ \t\f\v\r]{2,}|[\t\f\v\r]")


def normalise_text(text: str) -> str:
    """One line's text with mojibake fixed, invisible marks dropped and spaces collapsed."""
    text = _SURROGATE.sub("\ufffd", text)
    if not _INVISIBLE.sub("", text).strip():
        return ""  # only invisible marks: ftfy would turn a lone C1 control (\x9a) into a letter (š)
    if _SUSPECT.search(text):
        text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_latin_ligatures=False,
                             fix_character_width=False, explain=False)
    text = _INVISIBLE.sub("", text)
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Normalise:
    """Rewrite each line's working text; a line with nothing visible left is removed."""

    name: str = "normalise"

    def apply(self, draft: Draft) -> None:
        for i, line in enumerate(draft.lines):
            draft.text[i] = normalise_text(line.raw)
            if not draft.text[i] and draft.is_open(i):
                draft.decide(i, "invisible", self.name, "nothing visible: only control, zero-width or bidi marks")
