"""Photo credits and captions: ``© Agency / Name``, ``Photo: …``, ``Name/Getty Images``, a credit
glued to its caption, captions carrying their credit, and captions an outlet repeats with a suffix.

Found photos go to ``draft.images``; the lines are removed as ``credit`` or ``caption``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..article import Image
from ..lexicon import CAPTION_SUFFIXES, CREDIT_AGENCIES, CREDIT_LABELS
from ..pipeline import Draft
from ..shape import ends_sentence, words
from ..thresholds import CAPTION_MAX_CHARS, CREDIT_MAX_CHARS, GLUED_CAPTION_MIN_WORDS

__all__ = ["Credits", "Captions", "split_credit"]

_I = regex.IGNORECASE | regex.VERSION1
_AGENCY = "|".join(regex.escape(a) for a in sorted(CREDIT_AGENCIES, key=len, reverse=True))
_LABEL = "|".join(regex.escape(a) for a in sorted(CREDIT_LABELS, key=len, reverse=True))
_COPYRIGHT = regex.compile(r"^(?:©|\(c\)|copyright\b)\s*:?\s*(?P<rest>.+)$", _I)
_LABELLED = regex.compile(rf"^(?:{_LABEL})\s*(?:[:：]|by\b)\s*(?P<rest>.+)$", _I)
_AGENCY_WORD = regex.compile(rf"(?<!\w)(?:{_AGENCY})(?!\w)")
_NOT_A_CREDIT = regex.compile(r"all rights reserved|^\s*\d{4}\b", _I)
# A glue point: a lower-case word, digit or bracket, then a capitalised word, with no space.
_GLUE = regex.compile(r"(?<=\p{Ll}\p{Ll}|\d|\))(?=\p{Lu}\p{Ll})")
# A caption that carries its credit: `… (Photo: Name/Agency)` or `… Photo: Name/Agency`.
_CAPTION_CREDIT = regex.compile(
    rf"^(?P<caption>.+?[.!?)\"”])\s*(?:\((?P<c1>(?:©|(?:{_LABEL})\s*:)[^()]{{1,{CREDIT_MAX_CHARS}}})\)"
    rf"|(?P<c2>(?:©|(?:{_LABEL})\s*:)[^()]{{1,{CREDIT_MAX_CHARS}}}))\s*$",
    _I,
)
_SUFFIX = regex.compile(
    r"^(?P<caption>.+?)\s+[-–—|]\s+(?P<outlet>"
    + "|".join(regex.escape(s) for s in sorted(CAPTION_SUFFIXES, key=len, reverse=True))
    + r")\s*$"
)
_FILE_MARK = regex.compile(r"\((?:file|file photo|archive|archives|archivbild|archiv)\)\s*\.?$", _I)


def _clean_credit(credit: str) -> str:
    credit = regex.sub(r"^(?:©|\(c\))\s*|^(?:" + _LABEL + r")\s*:\s*", "", credit.strip(), flags=_I)
    return credit.strip(" .")


def split_credit(text: str) -> tuple[str, str | None] | None:
    """(credit, glued caption or None) when ``text`` is a credit line, else None."""
    if len(text) > CREDIT_MAX_CHARS + CAPTION_MAX_CHARS or _NOT_A_CREDIT.search(text):
        return None
    m = _COPYRIGHT.match(text) or _LABELLED.match(text)
    if m:
        rest = m["rest"]
        for glue in _GLUE.finditer(rest):
            credit, caption = rest[: glue.start()], rest[glue.start() :]
            if len(credit) <= CREDIT_MAX_CHARS and len(words(caption)) >= GLUED_CAPTION_MIN_WORDS:
                return _clean_credit(credit), caption.strip()
        return (_clean_credit(rest), None) if len(rest) <= CREDIT_MAX_CHARS else None
    if len(text) <= CREDIT_MAX_CHARS and len(words(text)) <= 10 and not ends_sentence(text):
        if _AGENCY_WORD.search(text) and ("/" in text or " via " in text or _AGENCY_WORD.fullmatch(text)):
            return _clean_credit(text), None
    return None


@dataclass(frozen=True)
class Credits:
    """Remove credit lines; pair each with its caption (glued, in the line, or adjacent)."""

    name: str = "credits"

    def apply(self, draft: Draft) -> None:
        for i in list(draft.open()):
            if not draft.is_open(i):
                continue
            text = draft.text[i]
            found = split_credit(text)
            if found is not None:
                credit, caption = found
                reason = "a photo credit glued to its caption" if caption else "a photo credit"
                draft.decide(i, "credit", self.name, reason)
                if caption is None:
                    caption = self._adjacent_caption(draft, i)
                draft.images.append(Image(caption, credit or None))
                continue
            m = _CAPTION_CREDIT.match(text)
            if m and len(text) <= CAPTION_MAX_CHARS + CREDIT_MAX_CHARS:
                draft.decide(i, "caption", self.name, "a photo caption carrying its credit")
                draft.images.append(Image(m["caption"].strip(), _clean_credit(m["c1"] or m["c2"])))

    def _adjacent_caption(self, draft: Draft, i: int) -> str | None:
        """The caption sitting right before (or else right after) a bare credit line, if any."""
        for j, touching in ((i - 1, not draft.lines[i].gap_before), (i + 1, i + 1 < len(draft.lines))):
            if not touching or not 0 <= j < len(draft.lines) or not draft.is_open(j):
                continue
            if j == i + 1 and draft.lines[j].gap_before:
                continue
            text = draft.text[j]
            if len(text) <= CAPTION_MAX_CHARS and ends_sentence(text) and split_credit(text) is None:
                draft.decide(j, "caption", self.name, "a photo caption next to its credit")
                return text
        return None


@dataclass(frozen=True)
class Captions:
    """Remove captions known by shape: a repeat of a known caption, an outlet suffix, a (File) mark."""

    name: str = "captions"

    def apply(self, draft: Draft) -> None:
        for i in list(draft.open()):
            text = draft.text[i]
            if len(text) > CAPTION_MAX_CHARS + 40:
                continue
            m = _SUFFIX.match(text)
            caption, outlet = (m["caption"].strip(), m["outlet"]) if m else (text, None)
            known = next((k for k, im in enumerate(draft.images) if im.caption == caption), None)
            if known is not None:
                if outlet and not draft.images[known].credit:
                    draft.images[known] = Image(caption, outlet)
                draft.decide(i, "caption", self.name, "repeats a photo caption already seen")
            elif outlet:
                draft.images.append(Image(caption, outlet))
                draft.decide(i, "caption", self.name, f"a caption with the outlet suffix '- {outlet}'")
            elif _FILE_MARK.search(text):
                draft.images.append(Image(caption, None))
                draft.decide(i, "caption", self.name, "a caption marked as a file photo")
