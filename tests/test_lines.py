"""Splitting text into numbered lines, and long glued lines into parts (``newsclean.lines``)."""

from __future__ import annotations

import json

import newsclean
from newsclean.cli import main
from newsclean.lines import glued_parts, split_lines
from newsclean.thresholds import GLUED_LINE_MIN_CHARS

PARAGRAPHS = [
    "The harbour authority said on Monday that the new ferry terminal would open in the spring, two years late.",
    "Engineers blamed the delay on soft ground under the old quay, which had to be rebuilt from the seabed up.",
    "Local traders, who lost most of their summer custom to the works, asked the city for a rent holiday.",
]
MENU = "HomeNewsSportWeather"


def test_short_lines_are_never_cut() -> None:
    """A line under GLUED_LINE_MIN_CHARS stays whole, glued or not."""
    line = "It rained.The match was off."
    assert len(line) < GLUED_LINE_MIN_CHARS
    assert glued_parts(line) == [(0, line)]


def test_a_long_glued_line_is_cut_at_its_sentence_ends() -> None:
    """Paragraphs run together at ``.T`` become parts, each with its offset; together they are the line."""
    line = "".join(PARAGRAPHS)
    parts = glued_parts(line)
    assert [text for _, text in parts] == PARAGRAPHS
    assert [col for col, _ in parts] == [0, len(PARAGRAPHS[0]), len(PARAGRAPHS[0]) + len(PARAGRAPHS[1])]
    assert "".join(text for _, text in parts) == line


def test_abbreviations_and_spaced_sentences_are_not_cut() -> None:
    """``U.S.Army`` (one letter before the dot), ``3.5`` and a normal ``. The`` are not glue."""
    line = ("The U.S.Army said the budget grew 3.5 percent. The navy said nothing at all about it, and the air force "
            "declined to comment on the figures, which were published late on Friday evening by the ministry. " * 2)
    assert len(line) >= GLUED_LINE_MIN_CHARS
    assert glued_parts(line) == [(0, line)]


def test_closing_quotes_stay_with_their_sentence() -> None:
    line = PARAGRAPHS[0][:-1] + '."' + PARAGRAPHS[1] + PARAGRAPHS[2]
    assert glued_parts(line)[0][1].endswith('."')


def test_parts_share_the_line_number_and_only_the_first_keeps_the_gap() -> None:
    text = "Title\n\n" + "".join(PARAGRAPHS)
    lines = split_lines(text)
    assert [(line.no, line.col, line.gap_before) for line in lines] == [
        (1, 0, False), (3, 0, True), (3, len(PARAGRAPHS[0]), False),
        (3, len(PARAGRAPHS[0]) + len(PARAGRAPHS[1]), False)]


def test_clean_decides_each_part_and_explain_gives_its_offset() -> None:
    """A flat page glued into one line still yields its paragraphs, and explain() says where each part starts."""
    text = "".join(PARAGRAPHS) + "Subscribe to our newsletter.Follow us on social media.\n"
    article = newsclean.clean(text)
    assert article.paragraphs[:3] == tuple(PARAGRAPHS)
    decisions = article.explain()
    assert {d.line_no for d in decisions} == {1}
    assert [d.col for d in decisions] == sorted({d.col for d in decisions})
    assert [d.col for d in decisions][:3] == [0, len(PARAGRAPHS[0]), len(PARAGRAPHS[0]) + len(PARAGRAPHS[1])]
    for removal in article.removed:
        assert text[removal.col:].startswith(removal.text)


def test_cli_explain_names_a_part_by_line_and_offset(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "glued.txt"
    page.write_text("".join(PARAGRAPHS) + "\n" + MENU + "\n", encoding="utf-8")
    assert main(["--explain", str(page)]) == 0
    out = capsys.readouterr().out
    assert f"1:{len(PARAGRAPHS[0])}" in out
    assert main(["--format", "json", "--explain", str(page)]) == 0
    decisions = json.loads(capsys.readouterr().out)["decisions"]
    assert [d.get("col", 0) for d in decisions if d["line_no"] == 1][1] == len(PARAGRAPHS[0])


def test_uncased_scripts_that_space_sentences_are_cut_too() -> None:
    """Arabic or Korean paragraphs glued at a full stop are cut; Chinese, which never spaces its
    sentences, gives no glue signal and stays whole."""
    arabic = ["قال وزير النقل إن المحطة الجديدة ستفتح في الربيع بعد تأخير دام عامين بسبب مشكلات في التربة.",
              "وأضاف أن التكلفة ارتفعت بنسبة عشرين في المئة مقارنة بالتقديرات الأولى للمشروع الكبير.",
              "وطالب التجار في الميناء بتعويضات عن الخسائر التي تكبدوها خلال أشهر الأشغال الطويلة."]
    assert [text for _, text in glued_parts("".join(arabic))] == arabic
    korean = ["시는 새 여객선 터미널이 내년 봄에 문을 열 것이라고 월요일 밝혔다. 공사는 2년 늦어졌다.",
              "기술자들은 오래된 부두 아래의 약한 지반 때문에 공사가 지연되었다고 설명했다.",
              "상인들은 공사 기간 동안 여름 손님이 크게 줄었다며 임대료 감면을 요청했다. 시는 검토하겠다고 답했다."]
    assert [text for _, text in glued_parts("".join(korean) * 2)] == korean * 2
    chinese = "市政府周一表示\uff0c新的渡轮码头将于明年春天开放。" * 10
    assert glued_parts(chinese) == [(0, chinese)]


def test_invisible_marks_at_the_join_do_not_change_the_cuts() -> None:
    """The normaliser drops zero-width and soft-hyphen marks, so a join holding them is cut as if
    they were not there: otherwise re-reading the clean text would cut again (clean is idempotent)."""
    for mark in ("\u200b", "\u00ad", "\u200e\u200b"):
        line = mark.join(PARAGRAPHS)
        assert [text.strip(mark) for _, text in glued_parts(line)] == PARAGRAPHS, repr(mark)
        article = newsclean.clean(line)
        assert article.paragraphs == tuple(PARAGRAPHS)
        assert newsclean.clean(article.text).paragraphs == article.paragraphs


def test_mojibake_cut_inside_a_character_is_undone_and_the_cut_bytes_kept() -> None:
    """A rendering that breaks a line inside a UTF-8 character leaves its lead byte at one line's
    end and its continuation byte at the next one's start: the rest of each line is undone."""
    from newsclean.cleaners.normalise import fix_mojibake

    text = "Новости спорта и здоровья"
    garbled = text.encode("utf-8").decode("latin-1")  # as a page read in the wrong encoding
    head, tail = garbled[:-1], garbled[-1:]  # the last character's two bytes fall on two lines
    assert fix_mojibake(head) == text[:-1] + head[-1]
    assert fix_mojibake(tail + " " + garbled) == tail + " " + text
