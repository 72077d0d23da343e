"""Reader comments: the thread of author lines, time stamps and comment text under an article.

A thread is known by its headers, not by its text (comments are prose, and a prose classifier
keeps them): each comment is dated by a line that is only its date and clock time (``November
19, 2019 at 6:58 am``, ``2 days ago at 07:52 am``), and starts at the author line (``jsmith
says:``, ``Anna schreibt:``) or short name line right above it. An author line without a time
stamp is not enough: ``The mayor said:`` opens quotes in articles. A thread is at least
``COMMENT_MIN_HEADERS`` comments, each starting within ``COMMENT_MAX_SPACING`` open lines of the
previous one, under article prose. It runs from its first comment (or the ``34 responses to …``
heading right above it) to the text of its last comment, which is taken to be no longer than the
longest comment before it.
The patterns are in ``data/comments.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise

import regex

from ..memo import per_line
from ..pipeline import Draft
from ..shape import ends_sentence, is_prose
from ..thresholds import (
    COMMENT_AUTHOR_MAX_CHARS,
    COMMENT_HEADING_SEARCH_LINES,
    COMMENT_MAX_SPACING,
    COMMENT_MIN_HEADERS,
    COMMENT_NAME_MAX_WORDS,
)

__all__ = ["Comments"]

_data = json.loads(resources.files("newsclean.data").joinpath("comments.json").read_text("utf-8"))
_VERBS = sorted({v for lang, verbs in _data["author_verbs"].items() if not lang.startswith("_") for v in verbs},
                key=len, reverse=True)
_AUTHOR = regex.compile(
    rf"^\S.{{0,{COMMENT_AUTHOR_MAX_CHARS}}}?\s(?:{'|'.join(regex.escape(v) for v in _VERBS)})\s?:$",
    regex.IGNORECASE | regex.VERSION1,
)
#: The longest author line ``_AUTHOR`` accepts: a name, a blank, the longest verb, `` :``.
_HEADER_MAX_CHARS = 1 + COMMENT_AUTHOR_MAX_CHARS + 1 + max(map(len, _VERBS)) + 2
_TIMESTAMP = regex.compile("^(?:" + "|".join(_data["timestamps"]) + ")$", regex.IGNORECASE | regex.VERSION1)
_HEADING = regex.compile("^(?:" + "|".join(_data["headings"]) + ")$", regex.IGNORECASE | regex.VERSION1)


def _is_name(text: str) -> bool:
    """A commenter's name line: short, a few words, not a sentence."""
    return (len(text) <= COMMENT_AUTHOR_MAX_CHARS and len(text.split()) <= COMMENT_NAME_MAX_WORDS
            and not ends_sentence(text))


def _comment_starts(draft: Draft, lines: list[int]) -> list[int]:
    """Positions in ``lines`` (open line indexes) where a dated comment starts: at each time-stamp
    line, or at the author or name line right above it. An author line alone (``The mayor
    said:``) may open a quote in the article, so only a time stamp makes a comment."""
    starts: list[int] = []
    for k, i in enumerate(lines):
        if _header(draft.text[i]) != "time":
            continue
        above = draft.text[lines[k - 1]] if k > 0 else ""
        signed = (not starts or starts[-1] < k - 1) and (_header(above) == "author" or _is_name(above))
        starts.append(k - 1 if k > 0 and signed else k)
    return starts


@per_line
def _header(text: str) -> str | None:
    """``author`` for a comment's author line, ``time`` for its time-stamp line, else None."""
    if len(text) > _HEADER_MAX_CHARS:
        return None
    # An author line ends with its colon (``$`` may also stand before a final line break): only
    # such a line is tried against the verbs, which are searched at every position of the name.
    if ":" in text[-2:] and _AUTHOR.match(text):
        return "author"
    return "time" if _TIMESTAMP.match(text) else None


def _threads(heads: list[int]) -> list[tuple[int, int, int, int]]:
    """Runs of comment starts no more than COMMENT_MAX_SPACING apart:
    (first, last, number of comments, longest spacing)."""
    runs: list[list[int]] = []
    for k in heads:
        if runs and k - runs[-1][-1] <= COMMENT_MAX_SPACING:
            runs[-1].append(k)
        else:
            runs.append([k])
    return [(r[0], r[-1], len(r), max(b - a for a, b in pairwise(r))) for r in runs if len(r) >= COMMENT_MIN_HEADERS]


@dataclass(frozen=True)
class Comments:
    """Remove reader-comment threads found under the article's prose."""

    name: str = "comments"

    def apply(self, draft: Draft) -> None:
        lines = draft.open_now()
        for first, last, comments, spacing in _threads(_comment_starts(draft, lines)):
            before = [draft.text[i] for i in lines[:first]]
            if not any(map(is_prose, before)):
                continue  # no article above: the comments may be the page's content
            start = first
            for k in range(first - 1, max(-1, first - 1 - COMMENT_HEADING_SEARCH_LINES), -1):
                if _HEADING.match(draft.text[lines[k]]):
                    start = k
            end = min(len(lines), last + spacing)
            reason = f"in a thread of {comments} reader comments (known by their author and time-stamp lines)"
            for k in range(start, end):
                if draft.is_open(lines[k]):
                    draft.decide(lines[k], "comment", self.name, reason)
