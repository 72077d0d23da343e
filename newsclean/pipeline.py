"""The Cleaner protocol, the working Draft, and the Pipeline that runs cleaners in order.

A cleaner is a small named object with one method, ``apply(draft)``. It looks at the lines no
cleaner has decided yet (``draft.open()``), and decides some of them: it removes a line with a
kind and a reason, or gives it a role (title, dek, byline, paragraph). A line is decided exactly
once: deciding it twice is a bug and raises. Lines nobody decides are kept as paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from .article import KINDS, ROLES, Dateline, Image
from .lines import Line

# (re-exported: they are defined with the first record built per line; html.py builds its lines with them)
from .lines import frozen_record as frozen_record
from .lines import frozen_record_from as frozen_record_from
from .lines import plain_frozen as plain_frozen

__all__ = ["Cleaner", "Draft", "Pipeline", "Verdict"]


@dataclass(frozen=True)
class Verdict:
    """A decision taken on one line: its role (or removal kind), by whom and why."""

    role: str
    cleaner: str
    reason: str


assert plain_frozen(Verdict)


@dataclass
class Draft:
    """The page while cleaners work on it: lines, their verdicts so far, and found metadata.

    ``text`` holds each line's normalised text (the normaliser may rewrite it; nothing else does).
    """

    lines: list[Line]
    text: list[str] = field(default_factory=list)
    verdicts: list[Verdict | None] = field(default_factory=list)
    language: str | None = None
    script: str | None = None
    title: str | None = None
    dek: str | None = None
    byline: str | None = None
    dateline: Dateline | None = None
    images: list[Image] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    notes: dict[str, object] = field(default_factory=dict)  # shared, derived data between cleaners

    def __post_init__(self) -> None:
        if not self.text:
            self.text = [line.raw.strip() for line in self.lines]
        if not self.verdicts:
            self.verdicts = [None] * len(self.lines)

    def open(self) -> Iterator[int]:
        """Indexes of the lines no cleaner has decided yet, in input order."""
        return (i for i, v in enumerate(self.verdicts) if v is None)

    def open_now(self) -> list[int]:
        """``list(self.open())``, built faster: the open lines' indexes as they are now (a line
        decided afterwards stays in the list; a cleaner that decides ahead checks ``is_open``)."""
        return [i for i, v in enumerate(self.verdicts) if v is None]

    def removed_any(self) -> bool:
        """Has a cleaner removed a line so far (any removal kind, not a role)?"""
        return any(v is not None and v.role in KINDS for v in self.verdicts)

    def is_open(self, i: int) -> bool:
        return self.verdicts[i] is None

    def decide(self, i: int, role: str, cleaner: str, reason: str) -> None:
        """Give line ``i`` a role or a removal kind. Each line is decided once."""
        verdicts = self.verdicts
        if verdicts[i] is not None:
            raise RuntimeError(f"line {self.lines[i].no} decided twice ({cleaner} after {verdicts[i]})")
        if role not in KINDS and role not in ROLES:
            raise ValueError(f"unknown role {role!r}; use one of {sorted(KINDS) + list(ROLES)}")
        verdicts[i] = frozen_record_from(Verdict, {"role": role, "cleaner": cleaner, "reason": reason})

    def neighbour(self, i: int, step: int, *, kept_only: bool = True) -> int | None:
        """The nearest line before (step=-1) or after (step=1) ``i`` that is open or kept."""
        j = i + step
        while 0 <= j < len(self.lines):
            v = self.verdicts[j]
            if not kept_only or v is None or v.role == "paragraph":
                return j
            j += step
        return None


@runtime_checkable
class Cleaner(Protocol):
    """A pipeline step: a ``name`` and one method that decides some open lines of a draft."""

    @property
    def name(self) -> str: ...

    def apply(self, draft: Draft) -> None: ...


class Pipeline:
    """An ordered list of cleaners. Build your own, or derive one from ``Pipeline.default()``."""

    def __init__(self, cleaners: Iterable[Cleaner]) -> None:
        self.cleaners: tuple[Cleaner, ...] = tuple(cleaners)
        for c in self.cleaners:
            if not isinstance(c, Cleaner):
                raise TypeError(f"{c!r} is not a cleaner: it needs a name and an apply(draft) method")
        names = [c.name for c in self.cleaners]
        if len(set(names)) != len(names):
            raise ValueError(f"cleaner names must be unique, got {names}")

    @classmethod
    def default(cls) -> Pipeline:
        """The cleaners ``clean()`` uses when no pipeline is given."""
        from .cleaners import default_cleaners

        return cls(default_cleaners())

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.cleaners)

    def __iter__(self) -> Iterator[Cleaner]:
        return iter(self.cleaners)

    def __len__(self) -> int:
        return len(self.cleaners)

    def __repr__(self) -> str:
        return f"Pipeline({list(self.names)})"

    def _index(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(f"no cleaner named {name!r}; this pipeline has {list(self.names)}") from None

    def without(self, *names: str) -> Pipeline:
        """A copy without the named cleaners."""
        for name in names:
            self._index(name)
        return Pipeline(c for c in self.cleaners if c.name not in names)

    def replace(self, name: str, cleaner: Cleaner) -> Pipeline:
        """A copy with the named cleaner swapped for ``cleaner``."""
        i = self._index(name)
        return Pipeline((*self.cleaners[:i], cleaner, *self.cleaners[i + 1 :]))

    def insert(self, cleaner: Cleaner, *, before: str | None = None, after: str | None = None) -> Pipeline:
        """A copy with ``cleaner`` added before or after a named one (at the end if neither)."""
        if before is not None and after is not None:
            raise ValueError("give before= or after=, not both")
        if before is None and after is None:
            i = len(self.cleaners)
        else:
            i = self._index(before) if before is not None else self._index(after or "") + 1
        return Pipeline((*self.cleaners[:i], cleaner, *self.cleaners[i:]))

    def run(self, lines: Sequence[Line], *, draft_init: Callable[[Draft], None] | None = None) -> Draft:
        """Run every cleaner over a fresh draft of ``lines`` and return the draft.

        ``draft_init``, if given, is called on the fresh draft first (``clean_html`` seeds the
        title and byline the page's metadata gives).
        """
        draft = Draft(list(lines))
        if draft_init is not None:
            draft_init(draft)
        for cleaner in self.cleaners:
            cleaner.apply(draft)
        return draft
