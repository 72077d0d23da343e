"""The command when things go wrong: broken records, missing files, usage, crashes, -o."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import newsclean.cli
from newsclean.cli import main

PAGE = "Storm closes harbour for second day\n\nThe harbour stayed shut on Tuesday as winds rose.\n"
GOOD = json.dumps({"id": "good", "text": PAGE})


def jsonl(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def ids(out: str) -> list[object]:
    return [json.loads(line)["id"] for line in out.splitlines()]


def test_bad_json_is_reported_with_its_line_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A line that is not JSON is named by file and line on stderr, skipped, and the exit status is 1."""
    path = jsonl(tmp_path, GOOD, '{"id": 2, "text": ', GOOD)
    assert main([str(path)]) == 1
    out, err = capsys.readouterr()
    assert ids(out) == ["good", "good"]
    assert f"{path}:2: bad JSON" in err


def test_wrong_type_is_reported_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A text field that is not a string is reported with its line and skipped."""
    path = jsonl(tmp_path, json.dumps({"id": 1, "text": 42}), GOOD)
    assert main([str(path)]) == 1
    out, err = capsys.readouterr()
    assert ids(out) == ["good"]
    assert f"{path}:1: field 'text' is a number, not a string" in err


def test_missing_field_is_reported_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A record with neither a text nor an html field is reported with its line and skipped."""
    path = jsonl(tmp_path, GOOD, json.dumps({"id": 2, "body": PAGE}))
    assert main([str(path)]) == 1
    out, err = capsys.readouterr()
    assert ids(out) == ["good"]
    assert f"{path}:2: no 'text' or 'html' field" in err


def test_a_record_that_is_not_an_object_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A JSON line that is an array, not an object, is reported and skipped."""
    path = jsonl(tmp_path, "[1, 2]", GOOD)
    assert main([str(path)]) == 1
    assert f"{path}:1: a record is a JSON object, got an array" in capsys.readouterr().err


def test_blank_lines_are_not_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Blank lines are skipped silently, and later line numbers still count them."""
    path = jsonl(tmp_path, GOOD, "", "   ", "oops")
    assert main([str(path)]) == 1
    assert f"{path}:4: bad JSON" in capsys.readouterr().err


def test_a_crash_in_a_cleaner_fails_only_that_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An exception while cleaning one record is reported for that record; the others are written."""
    real = newsclean.cli.clean_document

    def flaky(text: str | bytes, route: str = "auto") -> newsclean.Article:
        if "boom" in text:
            raise RuntimeError("boom")
        return real(text, route)

    monkeypatch.setattr(newsclean.cli, "clean_document", flaky)
    path = jsonl(tmp_path, json.dumps({"id": 1, "text": "boom"}), GOOD)
    assert main([str(path)]) == 1
    out, err = capsys.readouterr()
    assert ids(out) == ["good"]
    assert f"{path}:1: cleaning failed: RuntimeError: boom" in err


def test_a_missing_file_is_reported_and_the_others_cleaned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A FILE that does not exist is reported, the other inputs are still cleaned, and the status is 1."""
    path = jsonl(tmp_path, GOOD)
    assert main([str(tmp_path / "nope.txt"), str(path)]) == 1
    out, err = capsys.readouterr()
    assert ids(out) == ["good"]
    assert "nope.txt: no such file or directory" in err


@pytest.mark.parametrize(
    "argv",
    [["--no-such-option"], ["--format", "xml"], ["--jobs", "-1"], ["--jobs", "two"], ["--html", "--text"]],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """A usage error prints argparse's message and exits with status 2."""
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "usage: newsclean" in capsys.readouterr().err


def test_output_file_gets_the_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-o FILE`` writes the records there, nothing to stdout, and leaves no temporary file."""
    path = jsonl(tmp_path, GOOD, GOOD)
    target = tmp_path / "out" / "clean.jsonl"
    target.parent.mkdir()
    assert main([str(path), "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert ids(target.read_text(encoding="utf-8")) == ["good", "good"]
    assert os.listdir(target.parent) == ["clean.jsonl"]


def test_an_interrupted_run_leaves_the_old_output_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run stopped half-way leaves the previous output untouched and no temporary file behind."""
    path = jsonl(tmp_path, GOOD, json.dumps({"id": 2, "text": "stop"}), GOOD)
    target = tmp_path / "out" / "clean.jsonl"
    target.parent.mkdir()
    target.write_text("previous run\n", encoding="utf-8")
    real = newsclean.cli.clean_document

    def interrupted(text: str | bytes, route: str = "auto") -> newsclean.Article:
        if text == "stop":
            raise KeyboardInterrupt
        return real(text, route)

    monkeypatch.setattr(newsclean.cli, "clean_document", interrupted)
    assert main([str(path), "-o", str(target)]) == 130
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert os.listdir(target.parent) == ["clean.jsonl"]


def test_an_output_file_that_cannot_be_created_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-o`` into a missing directory is reported with the target's name, and the status is 1."""
    target = tmp_path / "missing" / "clean.jsonl"
    assert main([str(jsonl(tmp_path, GOOD)), "-o", str(target)]) == 1
    assert f"cannot write {target}" in capsys.readouterr().err


def test_output_to_a_device_is_written_in_place(tmp_path: Path) -> None:
    """``-o /dev/null`` (not a regular file) is written directly, with no rename."""
    assert main([str(jsonl(tmp_path, GOOD)), "-o", os.devnull]) == 0
