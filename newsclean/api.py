"""``clean()``: raw text in, ``Article`` out."""

from __future__ import annotations

from .article import KINDS, ROLES, Article, Decision, Removal
from .cleaners.metadata import title_shaped
from .lines import frozen_record_from, plain_frozen, split_lines
from .pipeline import Draft, Pipeline, Verdict
from .thresholds import TITLE_SEARCH_LINES

__all__ = ["assemble", "clean"]

# (one record per line: built without their dataclass ``__init__``, see ``frozen_record_from``)
assert plain_frozen(Removal) and plain_frozen(Decision)
_KEPT = Verdict("paragraph", "keep", "no cleaner removed it: body text")
_DEFAULT: Pipeline | None = None
#: clean() re-reads its own kept text at most this many times to reach a fixed point.
SETTLE_PASSES = 3


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
    The result is a fixed point: cleaning ``article.text`` again keeps the same paragraphs.
    """
    pipeline = pipeline if pipeline is not None else _default()
    draft = pipeline.run(split_lines(_text_of(text)))
    for _ in range(SETTLE_PASSES):
        if not _settle(draft, pipeline):
            break
    return assemble(draft)


def _settle(draft: Draft, pipeline: Pipeline) -> bool:
    """Re-read the kept paragraphs as a page of their own and take out what that reading removes.

    This is how ``clean`` reaches a fixed point (as ftfy repeats its fixes): a line kept only
    because of the furniture around it is decided on the clean text too. Returns True on change.
    """
    kept = [i for i, v in enumerate(draft.verdicts) if v is None or v.role == "paragraph"]
    if not kept:
        return False
    again = pipeline.run(split_lines("\n\n".join(draft.text[i] for i in kept)))
    if len(again.lines) != len(kept):
        return False  # a kept text held a line break of its own: leave the first reading alone
    changed = False
    for i, verdict in zip(kept, again.verdicts):
        if verdict is None or verdict.role == "paragraph":
            continue
        role = verdict.role
        if role in ROLES:
            if getattr(draft, role) is None:
                setattr(draft, role, draft.text[i])
            else:
                role = "boilerplate"
        draft.verdicts[i] = Verdict(role, verdict.cleaner, f"on re-reading the kept text: {verdict.reason}")
        changed = True
    _drop_title_run(draft, pipeline, kept, again)
    draft.images.extend(im for im in again.images if im not in draft.images)
    draft.related.extend(r for r in again.related if r not in draft.related)
    return changed


def _drop_title_run(draft: Draft, pipeline: Pipeline, kept: list[int], again: Draft) -> None:
    """When the re-reading took a kept line for the title, take out at once every headline-shaped
    line the title search would reach next (those above the third plain line), instead of one
    line per re-reading."""
    if "metadata" not in pipeline.names or not any(v is not None and v.role == "title" for v in again.verdicts):
        return
    later = set(pipeline.names[pipeline.names.index("metadata") + 1 :])
    plain = 0
    for k, verdict in enumerate(again.verdicts):
        if plain >= TITLE_SEARCH_LINES:
            break
        if verdict is not None and verdict.role in KINDS and verdict.cleaner not in later:
            continue  # removed before the title search ran: it never saw this line
        i = kept[k]
        if not title_shaped(again.text[k]):
            plain += 1
        elif draft.verdicts[i] is None or draft.verdicts[i].role == "paragraph":  # type: ignore[union-attr]
            draft.verdicts[i] = Verdict("boilerplate", "metadata",
                                        "on re-reading the kept text: a headline-shaped line at its head")


def assemble(draft: Draft) -> Article:
    """Turn a finished draft into an ``Article``: undecided lines are kept as paragraphs."""
    paragraphs: list[str] = []
    removed: list[Removal] = []
    decisions: list[Decision] = []
    for line, text, verdict in zip(draft.lines, draft.text, draft.verdicts):
        v = verdict or _KEPT
        role = v.role
        if role == "paragraph":
            paragraphs.append(text)
        elif role in KINDS:
            removed.append(frozen_record_from(Removal, {
                "line_no": line.no, "text": text, "kind": role, "cleaner": v.cleaner, "reason": v.reason,
                "col": line.col,
            }))
        decisions.append(frozen_record_from(Decision, {
            "line_no": line.no, "text": text, "role": role, "cleaner": v.cleaner, "reason": v.reason,
            "where": line.where, "col": line.col,
        }))
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
