"""The per-line memo: answers are cached by the line's text, bounded, and forgotten on clear()."""

from __future__ import annotations

from newsclean import memo


def test_a_question_is_answered_once_per_text_until_clear() -> None:
    calls: list[str] = []

    @memo.per_line
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert shout("subscribe") == shout("subscribe") == "SUBSCRIBE"
    assert calls == ["subscribe"]
    memo.clear()
    assert shout("subscribe") == "SUBSCRIBE"
    assert calls == ["subscribe", "subscribe"]


def test_long_lines_are_never_cached() -> None:
    calls: list[int] = []

    @memo.per_line
    def size(text: str) -> int:
        calls.append(1)
        return len(text)

    long = "x" * (memo.MEMO_MAX_CHARS + 1)
    assert size(long) == size(long) == len(long)
    assert len(calls) == 2
