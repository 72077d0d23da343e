"""Coverage-guided fuzzing of ``newsclean.clean`` (and ``clean_html`` when present) with atheris.

Each input is cleaned as bytes and as text; the harness fails on any exception and on any break of
the ``explain()`` partition (one decision per non-blank line, in order; paragraphs and removals
are exactly the matching decisions). How to run it: fuzz/README.md.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import newsclean
    from newsclean import KINDS
    from newsclean.article import ROLES


def check_partition(text: str, article: newsclean.Article) -> None:
    """Raise AssertionError when ``article`` does not decide each non-blank line of ``text`` once."""
    expected = [no for no, line in enumerate(text.splitlines(), start=1) if line.strip()]
    decisions = article.explain()
    assert [d.line_no for d in decisions] == expected, "decisions do not match the non-blank lines"
    assert all(d.role in ROLES or d.role in KINDS for d in decisions), "unknown role"
    assert article.paragraphs == tuple(d.text for d in decisions if d.role == "paragraph"), "paragraphs"
    removed = tuple((d.line_no, d.role) for d in decisions if d.role in KINDS)
    assert tuple((r.line_no, r.kind) for r in article.removed) == removed, "removed"


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    as_bytes = fdp.ConsumeBool()
    if as_bytes:
        raw = fdp.ConsumeBytes(fdp.remaining_bytes())
        text = raw.decode("utf-8", errors="replace")
        article = newsclean.clean(raw)
    else:
        text = fdp.ConsumeUnicode(fdp.remaining_bytes())  # may hold lone surrogates
        article = newsclean.clean(text)
    check_partition(text, article)
    if hasattr(newsclean, "clean_html"):
        newsclean.clean_html(text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
