"""The command on batches: JSONL records, directories, stdin, gzip, several processes."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

import newsclean
from newsclean.article import Article
from newsclean.cli import main

PAGES = [
    "Storm closes harbour for second day\nBy Ana Ruiz\nShare\n\nThe harbour stayed shut on Tuesday as winds rose.\n",
    "City opens three new libraries downtown\n\nThe city opened three libraries on Monday, officials said.\n",
    "Rail strike ends after talks\nAdvertisement\n\nUnions and the operator agreed a deal late on Sunday night.\n",
]


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def records_of(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "crawl.jsonl", [{"id": f"p{i}", "text": t} for i, t in enumerate(PAGES)])


@pytest.fixture
def fake_html(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Stand in for newsclean.clean_html, recording what it was given."""
    seen: list[str] = []

    def clean_html(html: str | bytes) -> Article:
        seen.append(html.decode() if isinstance(html, bytes) else html)
        return Article(paragraphs=("cleaned as HTML",))

    monkeypatch.setattr(newsclean, "clean_html", clean_html, raising=False)
    return seen


def test_jsonl_gives_one_record_per_input_in_order_with_ids(crawl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each JSONL record gives one output record, in input order, with its id carried through."""
    assert main([str(crawl)]) == 0
    out = records_of(capsys.readouterr().out)
    assert [r["id"] for r in out] == ["p0", "p1", "p2"]
    assert [r["text"] for r in out] == [newsclean.clean(t).text for t in PAGES]


def test_html_field_goes_to_the_html_route(
    tmp_path: Path, fake_html: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A record with an ``html`` field is cleaned by ``clean_html``."""
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": 1, "html": "<p>hi</p>"}])
    assert main([str(path)]) == 0
    assert fake_html == ["<p>hi</p>"]
    assert records_of(capsys.readouterr().out)[0]["text"] == "cleaned as HTML"


def test_text_field_name_is_configurable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--text-field`` names the field that holds the text."""
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": 1, "body": PAGES[0]}])
    assert main([str(path), "--text-field", "body"]) == 0
    assert records_of(capsys.readouterr().out)[0]["text"] == newsclean.clean(PAGES[0]).text


def test_html_field_name_is_configurable(tmp_path: Path, fake_html: list[str]) -> None:
    """``--html-field`` names the field that holds the HTML."""
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": 1, "raw": "<p>hi</p>"}])
    assert main([str(path), "--html-field", "raw"]) == 0
    assert fake_html == ["<p>hi</p>"]


def test_id_field_name_is_configurable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--id-field`` names the field carried through as the output's ``id``."""
    path = write_jsonl(tmp_path / "c.jsonl", [{"url": "https://example.org/a", "text": PAGES[0]}])
    assert main([str(path), "--id-field", "url"]) == 0
    assert records_of(capsys.readouterr().out)[0]["id"] == "https://example.org/a"


def test_directory_gives_one_record_per_page_file(
    tmp_path: Path, fake_html: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A directory contributes its .txt and .html files, sorted by path, with the path as id."""
    root = tmp_path / "pages"
    (root / "sub").mkdir(parents=True)
    (root / "b.txt").write_text(PAGES[1], encoding="utf-8")
    (root / "a.txt").write_text(PAGES[0], encoding="utf-8")
    (root / "sub" / "c.html").write_text("<html><p>x</p></html>", encoding="utf-8")
    (root / "notes.md").write_text("not a page", encoding="utf-8")
    assert main([str(root)]) == 0
    out = records_of(capsys.readouterr().out)
    assert [r["id"] for r in out] == [str(root / "a.txt"), str(root / "b.txt"), str(root / "sub" / "c.html")]
    assert out[2]["text"] == "cleaned as HTML"


def test_stdin_jsonl_is_recognised(
    crawl: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Standard input whose first line is a JSON object is read as JSONL records."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(crawl.read_bytes())))
    assert main(["-"]) == 0
    assert [r["id"] for r in records_of(capsys.readouterr().out)] == ["p0", "p1", "p2"]


def test_gzipped_jsonl_is_read(tmp_path: Path, crawl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A ``.jsonl.gz`` file is decompressed as it is read."""
    gz = tmp_path / "crawl.jsonl.gz"
    gz.write_bytes(gzip.compress(crawl.read_bytes()))
    assert main([str(gz)]) == 0
    assert [r["id"] for r in records_of(capsys.readouterr().out)] == ["p0", "p1", "p2"]


def test_two_jobs_write_the_same_output_in_the_same_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--jobs 2`` cleans in two processes and writes exactly what one process writes."""
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": i, "text": PAGES[i % 3]} for i in range(300)])
    assert main([str(path), "--jobs", "1"]) == 0
    one = capsys.readouterr().out
    assert main([str(path), "--jobs", "2"]) == 0
    assert capsys.readouterr().out == one


def test_text_format_heads_each_record_with_its_id(crawl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--format text`` on a batch heads each record's text with ``==> id <==``."""
    assert main([str(crawl), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("==> p0 <==\n")
    assert [line for line in out.splitlines() if line.startswith("==>")] == ["==> p0 <==", "==> p1 <==", "==> p2 <=="]


def test_json_format_on_a_batch_is_one_array(crawl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--format json`` on a batch writes a single JSON array of the records."""
    assert main([str(crawl), "--format", "json"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == ["p0", "p1", "p2"]


def test_progress_bar_is_drawn_only_on_a_terminal(
    crawl: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """stderr gets a progress bar when it is a terminal, and nothing when it is not."""
    assert main([str(crawl)]) == 0
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main([str(crawl)]) == 0
    assert "3 rec" in capsys.readouterr().err
