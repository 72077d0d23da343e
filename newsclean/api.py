"""``clean()``: raw text in, ``Article`` out."""

from __future__ import annotations

from collections.abc import Sequence

from .article import KINDS, Article, Decision, Removal
from .lines import Line, split_lines
from .pipeline import Draft, Pipeline, Verdict

__all__ = ["assemble", "clean"]

_KEPT = Verdict("paragraph", "keep", "no cleaner removed it: body text")
_DEFAULT: Pipeline | None = None


def _text_of(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text).decode("utf-8", errors="replace")
    raise TypeError(f"clean() takes str or bytes, not {type(text).__name__}")


def _default() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline.default()
    return _DEFAULT


def clean(text: str | bytes, *, pipeline: Pipeline | None = None) -> Article:
    """Clean the raw text of a news page into an ``Article``.

    ``bytes`` are decoded as UTF-8 (invalid sequences replaced); other types raise ``TypeError``.
    """
    lines = split_lines(_text_of(text))
    return assemble((pipeline if pipeline is not None else _default()).run(lines))


def assemble(draft: Draft) -> Article:
    """Turn a finished draft into an ``Article``: undecided lines are kept as paragraphs."""
    paragraphs: list[str] = []
    removed: list[Removal] = []
    decisions: list[Decision] = []
    for line, text, verdict in zip(draft.lines, draft.text, draft.verdicts):
        v = verdict or _KEPT
        if v.role == "paragraph":
            paragraphs.append(text)
        elif v.role in KINDS:
            removed.append(Removal(line.no, text, v.role, v.cleaner, v.reason))
        decisions.append(Decision(line.no, text, v.role, v.cleaner, v.reason, line.where))
    return Article(
        title=draft.title,
        dek=draft.dek,
        byline=draft.byline,
        dateline=draft.dateline,
        paragraphs=tuple(paragraphs),
        images=tuple(draft.images),
        related=tuple(draft.related),
        language=draft.language,
        removed=tuple(removed),
        decisions=tuple(decisions),
    )


def _lines(lines: Sequence[Line]) -> list[Line]:
    return list(lines)
