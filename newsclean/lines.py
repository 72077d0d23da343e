"""The one place text is split into numbered lines, and glued lines into parts.

Line numbers are 1-based and count lines exactly as ``str.splitlines()`` does, so a user can
find every decision in their own copy of the input. Blank lines get no decision; they are kept
only as the ``gap_before`` flag of the next line, because a blank line is a layout signal.

Some renderings run a page's text together: with minified markup, paragraphs, menus and the
footer end up on one line, glued at sentence ends (``…said on Monday.The minister…``). A line
of at least ``GLUED_LINE_MIN_CHARS`` characters is therefore cut into parts wherever a sentence
end touches the next capital letter with no space between; each part is decided on its own and
carries its offset in the line (``col``). The parts of a line, in order, are the whole line.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

import regex

from .memo import per_line
from .shape import INVISIBLE_CLASS
from .thresholds import GLUED_LINE_MIN_CHARS

__all__ = ["GLUED_SENTENCE_END", "Line", "glued_parts", "split_lines"]

#: A sentence end after two lowercase letters or digits (not ``U.S.``), maybe closed by a quote
#: or bracket, touching the capital that opens the next block; in scripts without case that
#: still space their sentences (Arabic, Hebrew, Korean, Devanagari…), a sentence end touching
#: the next letter. Chinese and Japanese never space sentences, so they give no glue signal.
#: A match ends where the next part starts. The pattern opens on the punctuation and looks back
#: from there, so that the engine can skip ahead to the next ``.!?`` (3x faster). Invisible marks
#: may sit anywhere in the join (``said.\u200bThe``): the normaliser drops them, and the cuts must
#: be the same on the raw line and on its normalised text, or a re-reading would cut again.
_UNCASED = r"[\p{Lo}--\p{Han}--\p{Hiragana}--\p{Katakana}]"  # letters without case, but not CJK ideographs or kana
_I = f"{INVISIBLE_CLASS}*"
GLUED_SENTENCE_END = regex.compile(
    rf"[.!?](?<=[\p{{Ll}}\d]{_I}[\p{{Ll}}\d]{_I}[.!?]){_I}(?:[\"'\u201d\u2019)\]]{_I})?(?=\p{{Lu}})"
    rf"|[.!?\u061f](?<={_UNCASED}{_I}{_UNCASED}{_I}[.!?\u061f]){_I}(?={_UNCASED})",
    regex.VERSION1,
)


_R = TypeVar("_R")


def frozen_record(cls: type[_R], **fields: object) -> _R:
    """``cls(**fields)`` for a plain frozen dataclass given every field, about twice as fast: its
    ``__init__`` sets each field through ``object.__setattr__``; this fills the instance's dict at
    once (the same object: equality, hash, repr and pickling read that dict)."""
    return frozen_record_from(cls, fields)  # (the keywords' dict is this call's own)


def frozen_record_from(cls: type[_R], fields: dict[str, object]) -> _R:
    """``frozen_record(cls, **fields)`` from a dict made for the purpose (every field, in field
    order), which becomes the instance's dict: no keywords to pack, no dict to copy. The loops
    that build a record per line (``split_lines``, ``Draft.decide``, ``assemble``) pass a dict
    literal: 0.4 us a record, against 0.7 us with keywords. (Defined here, with the first record
    built per line; ``newsclean.pipeline`` exports both.)"""
    record: _R = object.__new__(cls)
    object.__setattr__(record, "__dict__", fields)
    return record


def plain_frozen(cls: type) -> bool:
    """Can ``frozen_record`` build ``cls``: a dataclass with a dict, and nothing run at init."""
    return "__slots__" not in vars(cls) and not hasattr(cls, "__post_init__")


#: A line's hints when it has none (text input): the field's default.
_NO_HINTS: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Line:
    """One non-blank input line (or one part of a glued line): its number, text and context."""

    no: int
    raw: str
    gap_before: bool = False
    where: str | None = None  # HTML input: the block's short tag path
    hints: frozenset[str] = _NO_HINTS  # HTML input: structural signals (caption, nav, ...)
    col: int = 0  # offset of this part in its input line (0 unless a glued line was cut)


def glued_parts(raw: str) -> list[tuple[int, str]]:
    """``(offset, text)`` for each part of a line, cut at glued sentence ends when it is long."""
    if len(raw) < GLUED_LINE_MIN_CHARS:
        return [(0, raw)]
    cuts = _glued_cuts(raw)
    if not cuts:
        return [(0, raw)]
    bounds = [0, *cuts, len(raw)]
    return [(a, raw[a:b]) for a, b in pairwise(bounds)]  # each part holds a letter: none is blank


@per_line
def _glued_cuts(raw: str) -> tuple[int, ...]:
    """Where ``raw`` is cut: each glued sentence end's end. Kept, because ``clean()`` re-reads its
    kept lines, and those are mostly the input's own lines again (a long paragraph is searched once)."""
    return tuple(m.end() for m in GLUED_SENTENCE_END.finditer(raw))


assert plain_frozen(Line)


def split_lines(text: str) -> list[Line]:
    """Number ``text``'s lines as ``splitlines()`` does and keep the non-blank ones (in parts)."""
    lines: list[Line] = []
    gap = False
    for no, raw in enumerate(text.splitlines(), start=1):
        if raw.strip():
            if len(raw) < GLUED_LINE_MIN_CHARS:  # (most lines: one part, as ``glued_parts`` would find)
                lines.append(_text_line(no, raw, gap, 0))
            else:
                for k, (col, part) in enumerate(glued_parts(raw)):
                    lines.append(_text_line(no, part, gap and k == 0, col))
            gap = False
        else:
            gap = True
    return lines


def _text_line(no: int, raw: str, gap_before: bool, col: int) -> Line:
    """``Line(no, raw, gap_before, col=col)``, built as ``frozen_record_from`` builds a record (a text
    page's lines are built anew on each re-reading of it)."""
    return frozen_record_from(Line, {"no": no, "raw": raw, "gap_before": gap_before, "where": None, "hints": _NO_HINTS,
                                "col": col})
