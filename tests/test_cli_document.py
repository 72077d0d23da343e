"""The command on single pages: formats, --explain and its colours, the HTML route."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import newsclean
from newsclean.article import Article
from newsclean.cli import looks_like_html, main

PAGE = """Senate leaders strike deal to keep national parks open through the summer
By ELENA MARSH and TOM REYES Associated Press
Share

WASHINGTON (AP) — Senate leaders from both parties reached an agreement Monday to fund the park service.

Advertisement

The deal, which still needs approval from the House, would restore about $300 million in maintenance money.
"""
HTML = "<!doctype html><html><body><h1>Title here</h1><p>Body text of the page.</p></body></html>"


def printed(body: str) -> str:
    """What the text format prints for a body: the body and a newline, nothing for an empty body."""
    return body + "\n" if body else ""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture
def fake_html(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Stand in for newsclean.clean_html, recording what it was given."""
    seen: list[str] = []

    def clean_html(html: str | bytes) -> Article:
        seen.append(html.decode() if isinstance(html, bytes) else html)
        return Article(title="from html", paragraphs=("cleaned as HTML",))

    monkeypatch.setattr(newsclean, "clean_html", clean_html, raising=False)
    return seen


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))


def test_file_prints_article_text(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file argument prints the article's body text and exits 0."""
    assert main([str(page)]) == 0
    assert capsys.readouterr().out == printed(newsclean.clean(PAGE).text)


def test_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """``-`` reads the page from standard input."""
    feed_stdin(monkeypatch, PAGE)
    assert main(["-"]) == 0
    assert capsys.readouterr().out == printed(newsclean.clean(PAGE).text)


def test_no_argument_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Without a FILE the command reads standard input, like any filter."""
    feed_stdin(monkeypatch, PAGE)
    assert main([]) == 0
    assert capsys.readouterr().out == printed(newsclean.clean(PAGE).text)


def test_json_format_is_the_article_dict_with_id(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--format json`` prints ``Article.to_dict()`` with the file name as id."""
    assert main([str(page), "--format", "json"]) == 0
    expected = json.loads(json.dumps(newsclean.clean(PAGE).to_dict()))
    assert json.loads(capsys.readouterr().out) == {"id": str(page), **expected}


def test_jsonl_format_is_one_line(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--format jsonl`` prints the record on a single line."""
    assert main([str(page), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert json.loads(out)["title"] == newsclean.clean(PAGE).title


def test_markdown_format_heads_with_the_title(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--format markdown`` starts with the title as a heading and keeps every paragraph."""
    assert main([str(page), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    article = newsclean.clean(PAGE)
    assert out.startswith(f"# {article.title}\n\n")
    assert all(p in out for p in article.paragraphs)


def test_explain_prints_every_decision(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--explain`` prints one line per decision with its line number, role, cleaner and reason."""
    assert main([str(page), "--explain"]) == 0
    lines = capsys.readouterr().out.splitlines()
    decisions = newsclean.clean(PAGE).explain()
    assert len(lines) == len(decisions)
    for line, d in zip(lines, decisions, strict=True):
        assert line.split()[:3] == [str(d.line_no), d.role, d.cleaner]
        assert line.endswith(d.reason)


def test_explain_is_plain_when_stdout_is_not_a_terminal(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Piped or captured output carries no colour codes."""
    main([str(page), "--explain"])
    assert "\033[" not in capsys.readouterr().out


def test_explain_is_coloured_on_a_terminal(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a terminal, ``--explain`` colours the roles."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    main([str(page), "--explain"])
    assert "\033[" in capsys.readouterr().out


def test_no_color_turns_colour_off_on_a_terminal(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """NO_COLOR set in the environment keeps a terminal's output plain."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    main([str(page), "--explain"])
    assert "\033[" not in capsys.readouterr().out


def test_a_single_page_draws_no_progress_bar(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even on a terminal, cleaning one page writes nothing to stderr."""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main([str(page)]) == 0
    assert capsys.readouterr().err == ""


def test_explain_in_json_adds_the_decisions(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--explain --format json`` adds a ``decisions`` list, one entry per decision."""
    main([str(page), "--explain", "--format", "json"])
    decisions = json.loads(capsys.readouterr().out)["decisions"]
    expected = newsclean.clean(PAGE).explain()
    assert [(d["line_no"], d["role"], d["cleaner"], d["reason"]) for d in decisions] == [
        (d.line_no, d.role, d.cleaner, d.reason) for d in expected
    ]


def test_several_files_are_headed_by_their_names(
    page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With several files, each text is headed ``==> name <==`` in argument order."""
    other = tmp_path / "other.txt"
    other.write_text(PAGE, encoding="utf-8")
    assert main([str(page), str(other), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.index(f"==> {page} <==") < out.index(f"==> {other} <==")


def test_html_is_detected_from_the_content(
    tmp_path: Path, fake_html: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A page that is markup goes to ``clean_html`` whatever its file name."""
    path = tmp_path / "page.txt"
    path.write_text(HTML, encoding="utf-8")
    assert main([str(path)]) == 0
    assert fake_html == [HTML]
    assert capsys.readouterr().out == "cleaned as HTML\n"


def test_text_flag_forces_the_text_route(tmp_path: Path, fake_html: list[str]) -> None:
    """``--text`` cleans markup as plain text."""
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    assert main([str(path), "--text"]) == 0
    assert fake_html == []


def test_html_flag_forces_the_html_route(page: Path, fake_html: list[str]) -> None:
    """``--html`` sends plain text to ``clean_html``."""
    assert main([str(page), "--html"]) == 0
    assert fake_html == [PAGE]


def test_html_without_an_html_route_is_a_failed_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without ``newsclean.clean_html``, an HTML page fails with a hint to use --text."""
    monkeypatch.delattr(newsclean, "clean_html", raising=False)
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    assert main([str(path)]) == 1
    assert "--text" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (HTML, True),
        ("\ufeff  <html lang=en><p>x</p></html>", True),
        ("<div class=a>Hello</div>", True),
        ("<!-- saved page --><section>x</section>", True),
        (PAGE, False),
        ("Prices rose 3% <b>fast</b>.", False),
        ("<3 this article", False),
    ],
)
def test_looks_like_html(text: str, html: bool) -> None:
    """Markup is recognised by its opening tag and an HTML element; prose with a stray tag is not."""
    assert looks_like_html(text) is html
