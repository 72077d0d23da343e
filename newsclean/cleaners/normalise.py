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


def _latin1_bytes(error: UnicodeError) -> tuple[bytes, int]:
    """The codec error handler that makes cp1252's encoder ftfy's sloppy one: characters cp1252
    has no byte for are encoded as their Latin-1 byte. Those are the C1 controls U+0080-U+009F
    (Latin-1's reading of the bytes 0x80-0x9F, and cp1252's of the five it leaves undefined, as
    ftfy's sloppy codec reads them); any other character raises, as it has no byte at all."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return error.object[error.start : error.end].encode("latin-1"), error.end


#: What turns text into the bytes it was read from as cp1252 or Latin-1: cp1252's encoder
#: (``€``, ``™``, ``“``… back to their byte from 0x80 to 0x9F; below 0x80 and from 0xA0 on,
#: each character is its own byte), with ``_latin1_bytes`` for the C1 controls. (A run of the
#: encoder in C: a ``str.translate`` of those characters and a Latin-1 encoding cost 6x more.)
_SLOPPY_CP1252 = "newsclean.sloppy-cp1252"
codecs.register_error(_SLOPPY_CP1252, _latin1_bytes)
#: A UTF-8 character is at most 4 bytes: a line cut inside one starts with at most 3 of its bytes.
_CUT_BYTES = 3


def _undo_whole(text: str) -> str:
    """Undo a line that is UTF-8 read as cp1252 or Latin-1 throughout, or raise ``UnicodeError``.

    A rendering that breaks lines inside a character leaves a lead byte at a line's end and its
    continuation bytes at the next line's start: those (at most ``_CUT_BYTES`` each) are kept as
    they stand, and the rest is undone, as ftfy would undo it, at a fraction of ftfy's cost.
    """
    data = text.encode("cp1252", _SLOPPY_CP1252)  # (raises on any other character)
    lead = 0
    while lead < min(_CUT_BYTES, len(data)) and 0x80 <= data[lead] <= 0xBF:
        lead += 1
    decoded = codecs.getincrementaldecoder("utf-8")().decode(data[lead:], final=False)
    tail = len(data) - lead - len(decoded.encode("utf-8"))  # an unfinished character's bytes
    return text[:lead] + decoded + text[len(text) - tail:]


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252 or Latin-1, where ftfy's own test says the line is mojibake.
    A line that round-trips (``_undo_whole``) is the plain case and is undone directly; anything
    else (mixed or partial damage) is ftfy's job."""
    if not badness.is_bad(text):
        return text
    try:
        return _undo_whole(text)
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
