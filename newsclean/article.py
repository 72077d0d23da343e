"""The output model: plain frozen dataclasses, no logic beyond views.

``Article`` is what :func:`newsclean.clean` returns. Every non-blank input line is accounted
for exactly once: as the title, dek, byline, a paragraph, or a :class:`Removal`; ``explain()``
lists those decisions in input order. A long line that glues paragraphs together is cut into
parts (see :mod:`newsclean.lines`): each part is decided once and carries its offset, ``col``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["KINDS", "ROLES", "Article", "Dateline", "Decision", "Image", "Removal"]

#: Every removal kind, with the sentence that documents it (docs/cleaners.md repeats these).
KINDS: dict[str, str] = {
    "credit": "a photo credit (©, Photo:, agency / photographer), possibly glued to its caption",
    "caption": "a photo caption, also one repeated with an outlet suffix",
    "chrome": "site UI: subscribe, share, log in, counters, loaders, cookie and newsletter prompts",
    "navigation": "menus and lists of section links around the article",
    "teaser": "a related-article headline or a 'Read more:' line between or after paragraphs",
    "foreign-ui": "a UI line in another script or language than the article",
    "boilerplate": "a line outside the article's body run: footers, legal text, link lists",
    "duplicate": "a line that repeats the title or another line already kept",
    "comment": "a reader comment under the article: its author line, time stamp and text",
    "invisible": "a line with nothing visible: only control, zero-width or bidi characters",
}

#: Roles a kept line can take in ``explain()``; removed lines take their removal kind.
ROLES: tuple[str, ...] = ("title", "dek", "byline", "paragraph")


@dataclass(frozen=True)
class Dateline:
    """The place and source opening a wire story: ``ROME (Sputnik) —``."""

    place: str
    source: str | None = None


@dataclass(frozen=True)
class Image:
    """One photo of the page: its caption and its credit (without the ``©``)."""

    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True)
class Removal:
    """One input line that is not part of the article, and why."""

    line_no: int
    text: str
    kind: str
    cleaner: str
    reason: str
    col: int = 0  # offset in the input line of a part cut from a glued line (see ``lines``)


@dataclass(frozen=True)
class Decision:
    """What happened to one non-blank input line (the unit of ``Article.explain()``)."""

    line_no: int
    text: str
    role: str
    cleaner: str
    reason: str
    where: str | None = None  # for HTML input: the block's short tag path
    col: int = 0  # offset in the input line of a part cut from a glued line (see ``lines``)


@dataclass(frozen=True)
class Article:
    """A clean news article, and the record of everything that was taken out of it."""

    title: str | None = None
    dek: str | None = None
    byline: str | None = None
    dateline: Dateline | None = None
    paragraphs: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    related: tuple[str, ...] = ()
    language: str | None = None
    published: str | None = None  # HTML input: the publication date the page's metadata gives
    removed: tuple[Removal, ...] = ()
    decisions: tuple[Decision, ...] = field(default=(), repr=False, compare=False)

    @property
    def text(self) -> str:
        """The body: paragraphs joined by a blank line."""
        return "\n\n".join(self.paragraphs)

    def explain(self) -> tuple[Decision, ...]:
        """One decision per non-blank input line, in input order."""
        return self.decisions

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; ``removed`` as a list of dicts, ``decisions`` left out."""
        data = asdict(self)
        del data["decisions"]
        data["text"] = self.text
        return data
