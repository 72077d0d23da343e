"""Photo credits and captions: ``© Agency / Name``, ``Photo: …``, ``Image source, …``,
``Name/Getty Images``, a bare ``NAME / AGENCY`` next to its caption, a credit glued to its caption,
captions carrying their credit (``… (AP Photo/Name)``, ``… (Supplied)``), ``Image caption, …``
lines, and captions an outlet repeats with a suffix.

Found photos go to ``draft.images`` in order of appearance; the lines are removed as ``credit`` or
``caption``. A credit's caption is the touching line before or after it that reads like a caption
(not site UI, not a byline): after a labelled credit (``Photo: …``) the next line is tried first,
before a bare one (``Name/Agency``) the line above.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import regex

from ..article import Image
from ..lexicon import (
    CAPTION_LABELS,
    CAPTION_SUFFIXES,
    COMMA_CREDIT_LABELS,
    CREDIT_AGENCIES,
    CREDIT_LABELS,
    CREDIT_WORDS,
    is_chrome_prompt,
    is_chrome_shape,
)
from ..memo import per_line
from ..pipeline import Draft
from ..shape import ends_sentence, is_prose, words
from ..thresholds import (
    CAPTION_MAX_CHARS,
    CAPTION_MIN_WORDS,
    CREDIT_MAX_CHARS,
    CREDIT_NAME_MIN_WORDS,
    CREDIT_SIDE_MAX_WORDS,
    GLUED_CAPTION_MIN_WORDS,
)
from .chrome import chrome_languages
from .metadata import is_byline

__all__ = ["Captions", "Credits", "split_credit"]

_I = regex.IGNORECASE | regex.VERSION1
_AGENCY = "|".join(regex.escape(a) for a in sorted(CREDIT_AGENCIES, key=len, reverse=True))
_LABEL = "|".join(regex.escape(a) for a in sorted(CREDIT_LABELS, key=len, reverse=True))
_COMMA_LABEL = "|".join(regex.escape(a) for a in sorted(COMMA_CREDIT_LABELS, key=len, reverse=True))
_WORD = "|".join(regex.escape(a) for a in sorted(CREDIT_WORDS, key=len, reverse=True))
_COPYRIGHT = regex.compile(r"^(?:©|\(c\)|copyright\b)\s*:?\s*(?P<rest>.+)$", _I)
# `Photo: Name`, `Photo by Name`, and BBC's `Image source, Name`
_LABELLED = regex.compile(rf"^(?:(?:{_LABEL})\s*(?:[:\uff1a]|by\b)|(?:{_COMMA_LABEL})\s*,)\s*(?P<rest>.+)$", _I)
# `Image caption, The barrier …`: a caption line that says so
_CAPTION_LABEL = regex.compile(
    "^(?:" + "|".join(regex.escape(a) for a in sorted(CAPTION_LABELS, key=len, reverse=True))
    + r")\s*[,:\uff1a]\s*(?P<caption>\S.*)$", _I
)
# A bare credit shaped `Name Name/Agency Name` (or `NAME / AGENCY`): capitalised words on both sides.
_CAP_WORD = r"(?:\p{Lu}[\p{L}\p{M}.'\u2019&-]*|of|de|da|do|dos|das|del|la|le|di|van|von|der|den|the|and|&)"
_NAME_SIDE = rf"\p{{Lu}}[\p{{L}}\p{{M}}.'\u2019&-]*(?: {_CAP_WORD}){{0,{CREDIT_SIDE_MAX_WORDS - 1}}}"
_NAME_CREDIT = regex.compile(rf"^{_NAME_SIDE}\s?/\s?{_NAME_SIDE}$")
_AGENCY_WORD = regex.compile(rf"(?<!\w)(?:{_AGENCY})(?!\w)")
_AGENCIES = frozenset(CREDIT_AGENCIES)
_NOT_A_CREDIT = regex.compile(r"all rights reserved|^\s*\d{4}\b", _I)
# A glue point: a lower-case word, digit or bracket, then a capitalised word, with no space.
_GLUE = regex.compile(r"(?<=\p{Ll}\p{Ll}|\d|\))(?=\p{Lu}\p{Ll})")
# A caption that carries its credit: `… (Photo: Name/Agency)` or `… Photo: Name/Agency`.
_CAPTION_CREDIT = regex.compile(
    rf"^(?P<caption>.+?[.!?)\"”])\s*(?:\((?P<c1>(?:©|(?:{_LABEL})\s*:)[^()]{{1,{CREDIT_MAX_CHARS}}})\)"
    rf"|(?P<c2>(?:©|(?:{_LABEL})\s*:)[^()]{{1,{CREDIT_MAX_CHARS}}}))\s*$",
    _I,
)
# `… 2025. (AP Photo/Jordan Pike)`, `… (Xinhua/Chen Rui)`: a sentence, then a slashed credit in brackets;
# `… Seoul. (Yonhap)`, `… coast. (Supplied)`: or an agency or credit word alone in brackets.
_CAPTION_PAREN = regex.compile(
    rf"^(?P<caption>.+?[.!?\"”])\s*\((?:(?P<slashed>\p{{Lu}}[^()/;]{{0,40}}/\s?\p{{Lu}}[^()/;]{{0,40}})"
    rf"|(?P<bare>(?:{_AGENCY}|{_WORD})(?: Photo)?))\)\s*$",
)
_SUFFIX = regex.compile(
    r"^(?P<caption>.+?)(?<!\s)\s+[-\u2013\u2014]\s+(?P<outlet>"  # (?<!\s): one try per blank run; `|` marks a title
    + "|".join(regex.escape(s) for s in sorted(CAPTION_SUFFIXES, key=len, reverse=True))
    + r")\s*$"
)
_FILE_MARK = regex.compile(r"\((?:file|file photo|archive|archives|archivbild|archiv)\)\s*\.?$", _I)


def _clean_credit(credit: str) -> str:
    credit = _CREDIT_PREFIX.sub("", credit.strip())
    return credit.strip(" .")


_CREDIT_PREFIX = regex.compile(rf"^(?:©|\(c\))\s*|^(?:{_LABEL})\s*:\s*|^(?:{_COMMA_LABEL})\s*,\s*", _I)


@per_line
def split_credit(text: str) -> tuple[str, str | None] | None:
    """(credit, glued caption or None) when ``text`` is a credit line, else None."""
    if len(text) > CREDIT_MAX_CHARS + CAPTION_MAX_CHARS:
        return None
    found = _credit_parts(text)
    # The veto searches the whole line, so it is asked last: most lines are no credit anyway.
    return found if found is not None and not _NOT_A_CREDIT.search(text) else None


def _credit_parts(text: str) -> tuple[str, str | None] | None:
    """``split_credit`` before its veto (``All rights reserved``, a leading year)."""
    m = _COPYRIGHT.match(text) or _LABELLED.match(text)
    if m:
        rest = m["rest"]
        for glue in _GLUE.finditer(rest):
            credit, caption = rest[: glue.start()], rest[glue.start() :]
            if len(credit) <= CREDIT_MAX_CHARS and len(words(caption)) >= GLUED_CAPTION_MIN_WORDS:
                return _clean_credit(credit), caption.strip()
        return (_clean_credit(rest), None) if len(rest) <= CREDIT_MAX_CHARS else None
    if (len(text) <= CREDIT_MAX_CHARS and not ends_sentence(text) and _names_agency(text)
            and len(words(text)) <= 10):  # (the agency first: most lines name none, and are not tokenised)
        return _clean_credit(text), None
    return None


def _names_agency(text: str) -> bool:
    """An agency named with a slash or ``via`` (``Name/Reuters``, ``Photo via AP``), or alone.

    The cheap tests first: a line without a slash or `` via `` is only looked up as the agency
    alone (a line that is an agency holds one, so the search would find it too). The agencies
    are literals, so ``_AGENCY_WORD.fullmatch(text)`` is the lookup ``text in CREDIT_AGENCIES``."""
    if "/" in text or " via " in text:
        return _AGENCY_WORD.search(text) is not None
    return text in _AGENCIES


class _PhotoLine(NamedTuple):
    """What one line says of a photo by itself; its neighbours decide the rest (``Credits.apply``)."""

    credit: tuple[str, str | None] | None  # a credit line: (credit, glued caption), see ``split_credit``
    captioned: Image | None  # a caption carrying its credit
    bracketed: tuple[Image, bool] | None  # a caption ending with its credit in brackets; slashed?
    name_credit: bool  # shaped like a bare ``Name/Agency`` credit
    labelled: str | None  # the caption of an ``Image caption, …`` line


@per_line
def _photo_line(text: str) -> _PhotoLine | None:
    """Every photo reading of the line at once (one cache entry), or None when it has none."""
    photo = _PhotoLine(split_credit(text), _caption_with_credit(text), _caption_with_bracketed_credit(text),
                       _name_credit_shaped(text), _labelled_caption(text))
    return photo if any(photo) else None


def _caption_with_credit(text: str) -> Image | None:
    """A caption carrying its credit: ``… (Photo: Name/Agency)`` or ``… © Agency``."""
    # (the credit part opens with © or with a label and a colon)
    if len(text) > CAPTION_MAX_CHARS + CREDIT_MAX_CHARS or ("©" not in text and ":" not in text):
        return None
    m = _CAPTION_CREDIT.match(text)
    return Image(m["caption"].strip(), _clean_credit(m["c1"] or m["c2"])) if m else None


def _caption_with_bracketed_credit(text: str) -> tuple[Image, bool] | None:
    """A caption ending with its credit in brackets, and whether that credit is slashed
    (``(AP Photo/Name)``, a photo's for sure) rather than a bare agency (``(Yonhap)``)."""
    if not text.endswith(")") or len(text) > CAPTION_MAX_CHARS + CREDIT_MAX_CHARS:
        return None
    m = _CAPTION_PAREN.match(text)
    return (Image(m["caption"].strip(), (m["slashed"] or m["bare"]).strip()), bool(m["slashed"])) if m else None


def _name_credit_shaped(text: str) -> bool:
    """A bare ``Name Name/Agency`` line: a credit if a caption touches it."""
    return ("/" in text and len(text) <= CREDIT_MAX_CHARS and _NAME_CREDIT.match(text) is not None
            and len(words(text)) >= CREDIT_NAME_MIN_WORDS and not _is_ui(text))


#: A caption label's separator (a comma, a colon, a full-width colon) is looked for in this many first characters.
_LABEL_MARK_CHARS = 40


def _labelled_caption(text: str) -> str | None:
    """The caption of an ``Image caption, …`` line (its label's mark near the start), else None."""
    head = text[:_LABEL_MARK_CHARS]  # (three ``in`` tests cost a third of one regex search of a class)
    return _caption_label(text) if "," in head or ":" in head or "\uff1a" in head else None


def _caption_label(text: str) -> str | None:
    """The caption of an ``Image caption, …`` line, else None."""
    m = _CAPTION_LABEL.match(text)
    return m["caption"].strip() if m else None


@per_line
def _is_ui(text: str) -> bool:
    return chrome_languages(text) is not None or is_chrome_shape(text) \
        or is_chrome_prompt(text)


@dataclass(frozen=True)
class Credits:
    """Remove credit lines; pair each with its caption (glued, in the line, or adjacent)."""

    name: str = "credits"

    def apply(self, draft: Draft) -> None:
        found: list[tuple[int, Image]] = []
        # The last body-like line: an article's last line may end with `(AFP)` and is no caption.
        # (read from the bottom up: it is usually among the last lines)
        last_prose = next((j for j in range(len(draft.lines) - 1, -1, -1)
                           if draft.is_open(j) and is_prose(draft.text[j])), -1)
        for i in draft.open_now():
            if not draft.is_open(i):
                continue
            text = draft.text[i]
            photo = _photo_line(text)
            if photo is None:
                continue  # (most lines)
            if photo.credit is not None:
                credit, caption = photo.credit
                reason = "a photo credit glued to its caption" if caption else "a photo credit"
                draft.decide(i, "credit", self.name, reason)
                if caption is None:
                    caption = self._adjacent_caption(draft, i, after_first=True)
                found.append((i, Image(caption, credit or None)))
                continue
            if photo.captioned is not None:
                draft.decide(i, "caption", self.name, "a photo caption carrying its credit")
                found.append((i, photo.captioned))
                continue
            if photo.bracketed is not None and (photo.bracketed[1] or i < last_prose):
                draft.decide(i, "caption", self.name, "a photo caption ending with its credit in brackets")
                found.append((i, photo.bracketed[0]))
                continue
            if photo.name_credit:
                caption = self._adjacent_caption(draft, i, after_first=False, deciding=False)
                if caption is not None:
                    draft.decide(i, "credit", self.name, "a 'Name/Agency' photo credit next to its caption")
                    found.append((i, Image(self._adjacent_caption(draft, i, after_first=False), text.strip())))
        for i in draft.open_now():
            photo = _photo_line(draft.text[i])
            if photo is not None and photo.labelled is not None:
                draft.decide(i, "caption", self.name, "a line labelled as a photo caption")
                found.append((i, Image(photo.labelled, None)))
        draft.images.extend(image for _, image in sorted(found, key=lambda f: f[0]))

    def _adjacent_caption(self, draft: Draft, i: int, *, after_first: bool, deciding: bool = True) -> str | None:
        """The caption touching a credit line (after it first for a labelled credit, else before)."""
        sides = (i + 1, i - 1) if after_first else (i - 1, i + 1)
        for j in sides:
            if not 0 < j < len(draft.lines) or not draft.is_open(j):
                continue  # line 0 is the page's title, never a caption
            if draft.lines[max(i, j)].gap_before:
                continue  # a blank line between them: not the same photo
            text = draft.text[j]
            caption = _caption_label(text)
            if caption is None and self._caption_like(text):
                caption = text
            if caption is not None:
                if deciding:
                    draft.decide(j, "caption", self.name, "a photo caption next to its credit")
                return caption
        return None

    @staticmethod
    def _caption_like(text: str) -> bool:
        return (len(text) <= CAPTION_MAX_CHARS and len(words(text)) >= CAPTION_MIN_WORDS and split_credit(text) is None
                and not is_byline(text) and not _is_ui(text))


@dataclass(frozen=True)
class Captions:
    """Remove captions known by shape: a repeat of a known caption, an outlet suffix, a (File) mark."""

    name: str = "captions"

    def apply(self, draft: Draft) -> None:
        # Each caption's first image, so that a repeat is found without scanning all images per line.
        first: dict[str | None, int] = {}
        for k, image in enumerate(draft.images):
            first.setdefault(image.caption, k)
        opened = draft.open_now()
        for i in opened:
            text = draft.text[i]
            if len(text) > CAPTION_MAX_CHARS + 40:
                continue
            # _SUFFIX ends with an outlet name and blanks: a line not ending so cannot match it.
            # The page's first line with such a suffix is its title (`Headline - Outlet`).
            suffixed = i != opened[0] and text.rstrip().endswith(CAPTION_SUFFIXES)
            m = _SUFFIX.match(text) if suffixed else None
            caption, outlet = (m["caption"].strip(), m["outlet"]) if m else (text, None)
            known = first.get(caption)
            if known is not None:
                if outlet and not draft.images[known].credit:
                    draft.images[known] = Image(caption, outlet)
                draft.decide(i, "caption", self.name, "repeats a photo caption already seen")
            elif outlet:
                first.setdefault(caption, len(draft.images))
                draft.images.append(Image(caption, outlet))
                draft.decide(i, "caption", self.name, f"a caption with the outlet suffix '- {outlet}'")
            elif ")" in text and _FILE_MARK.search(text):  # (the mark ends with a bracket)
                first.setdefault(caption, len(draft.images))
                draft.images.append(Image(caption, None))
                draft.decide(i, "caption", self.name, "a caption marked as a file photo")
