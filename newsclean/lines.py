"""The one place text is split into numbered lines.

Line numbers are 1-based and count lines exactly as ``str.splitlines()`` does, so a user can
find every decision in their own copy of the input. Blank lines get no decision; they are kept
only as the ``gap_before`` flag of the next line, because a blank line is a layout signal.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Line", "split_lines"]


@dataclass(frozen=True)
class Line:
    """One non-blank input line: its number, its text as given, and layout context."""

    no: int
    raw: str
    gap_before: bool = False
    where: str | None = None  # HTML input: the block's short tag path
    hints: frozenset[str] = frozenset()  # HTML input: structural signals (caption, nav, ...)


def split_lines(text: str) -> list[Line]:
    """Number ``text``'s lines as ``splitlines()`` does and keep the non-blank ones."""
    lines: list[Line] = []
    gap = False
    for no, raw in enumerate(text.splitlines(), start=1):
        if raw.strip():
            lines.append(Line(no, raw, gap))
            gap = False
        else:
            gap = True
    return lines
