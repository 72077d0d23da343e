"""Foreign-script UI residue: a line mostly in another script than the page's is removed, except
on a Chinese or Japanese page, whose sentences carry Latin names and terms among their characters."""

from __future__ import annotations

from newsclean.cleaners.foreign import ForeignUI
from newsclean.lines import split_lines
from newsclean.pipeline import Draft


def _removed(text: str, script: str) -> list[str]:
    draft = Draft(split_lines(text))
    draft.script = script
    ForeignUI().apply(draft)
    return [draft.text[i] for i, v in enumerate(draft.verdicts) if v is not None and v.role == "foreign-ui"]


def test_a_latin_line_holding_japanese_is_kept_on_a_japanese_page() -> None:
    # More Latin letters than kana and kanji, yet a Japanese sentence about two programs.
    page = "\n".join([
        "Slack for iPadの通知音がZoomと同じ",
        "Shift+Ctrl+Sで",
        "Share",
        "HOME",
    ])
    assert _removed(page, "CJK") == ["Share", "HOME"]


def test_cyrillic_residue_on_a_latin_page_is_still_removed() -> None:
    page = "Заголовок открываемого материала\nThe minister said the talks would resume in May."
    assert _removed(page, "Latin") == ["Заголовок открываемого материала"]


def test_a_latin_line_with_a_few_cyrillic_letters_on_a_russian_page_is_removed() -> None:
    # Only CJK pages are exempt: elsewhere a line mostly in Latin letters is residue.
    assert _removed("Sign in to comment — Вход", "Cyrillic") == ["Sign in to comment — Вход"]
