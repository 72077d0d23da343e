"""The installed command, run as a real process: entry point, ``python -m``, pipes, exit status."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsclean

PAGE = (
    "Storm closes harbour for second day\nBy Ana Ruiz\nShare\n\n"
    "The harbour stayed shut on Tuesday as winds rose above 90 km/h, the port authority said.\n\n"
    "Advertisement\n\n"
    "Ferries to the islands were cancelled until Thursday at the earliest, the operator said.\n\n"
    "Fishermen said the closure was the longest they could remember in a decade.\n"
)


def printed(body: str) -> str:
    """What the text format prints for a body: the body and a newline, nothing for an empty body."""
    return body + "\n" if body else ""


def command() -> str:
    """The ``newsclean`` script installed next to this interpreter (or on PATH)."""
    beside = Path(sys.executable).parent / "newsclean"
    found = str(beside) if beside.exists() else shutil.which("newsclean")
    if found is None:
        pytest.fail("the newsclean entry point is not installed: pip install -e .")
    return found


def test_installed_entry_point_cleans_a_page(tmp_path: Path) -> None:
    """The ``newsclean`` script from ``[project.scripts]`` prints the article text and exits 0."""
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    done = subprocess.run([command(), str(page)], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, printed(newsclean.clean(PAGE).text), "")


def test_python_m_newsclean_reads_stdin() -> None:
    """``python -m newsclean -`` is the same command, reading stdin."""
    done = subprocess.run(
        [sys.executable, "-m", "newsclean", "-"], input=PAGE, capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout) == (0, printed(newsclean.clean(PAGE).text))


def test_failed_records_give_exit_status_1_with_two_jobs(tmp_path: Path) -> None:
    """With ``--jobs 2`` a broken record is reported with its line, the rest written, and the status is 1."""
    lines = [json.dumps({"id": i, "text": PAGE}) for i in range(50)]
    lines[20] = "not json"
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run([command(), str(path), "--jobs", "2"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == [i for i in range(50) if i != 20]
    assert f"{path}:21: bad JSON" in done.stderr


def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path) -> None:
    """When the reader stops early (``| head -1``) the command exits with 141 and no traceback."""
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": PAGE}) + "\n" for i in range(3000)), encoding="utf-8")
    proc = subprocess.Popen([command(), str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert json.loads(first)["id"] == 0
    assert (proc.wait(timeout=60), err) == (141, b"")
