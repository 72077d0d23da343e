"""The ``newsclean`` command: clean one page or a whole crawl, from the shell.

    newsclean page.txt                          # the article text
    newsclean --explain page.html               # every line's decision, and why
    cat page.html | newsclean -                 # stdin; HTML is detected from the content
    newsclean crawl.jsonl --jobs 2 -o out.jsonl # one output record per input record, in order
    newsclean pages/ --format markdown          # a directory of .txt/.html files

Input is streamed: records are read, cleaned (in ``--jobs`` processes) and written one chunk at
a time, so memory stays flat whatever the size of the input. A broken record is reported on
stderr with its input line and skipped.

Exit status: 0 every record cleaned; 1 some record failed; 2 usage error; 130 interrupted;
141 the reader closed the output pipe (``| head``), as for any Unix filter.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import itertools
import json
import multiprocessing
import os
import re
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any, TextIO

from .api import clean
from .article import ROLES, Article, Decision

__all__ = ["FORMATS", "clean_document", "looks_like_html", "main", "markdown_of"]

FORMATS: tuple[str, ...] = ("text", "json", "jsonl", "markdown")
#: Files read as JSONL records (one ``{"id": ..., "text"|"html": ...}`` object a line).
JSONL_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: Files a directory input contributes, one record each.
DOCUMENT_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm")
#: Records handed to a worker at once, and how many chunks per worker may be in flight.
CHUNK_SIZE = 64
CHUNKS_IN_FLIGHT = 4

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE = 0, 1, 2, 130, 141

# HTML: the text starts with a tag and a real element (or any closing tag) shows early on.
_HTML_HEAD = 4096
_HTML_SIGN = re.compile(r"<!doctype\s+html|<(?:html|head|body|div|p|article|section|main|span|a)\b|</\w+\s*>", re.I)


# ---------------------------------------------------------------- routing (shared with newsclean.dask)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup: it opens with a tag and shows an HTML element early on."""
    head = text[:_HTML_HEAD].lstrip("\ufeff \t\r\n")
    return head.startswith("<") and _HTML_SIGN.search(head) is not None


def clean_document(text: str | bytes, route: str = "auto") -> Article:
    """Clean a page as plain text or HTML; ``route`` is ``text``, ``html`` or ``auto`` (sniffed).

    ``bytes`` go to the cleaner undecoded, so the HTML route can honour the page's charset.
    """
    if route == "auto":
        head = text[:_HTML_HEAD] if isinstance(text, str) else text[:_HTML_HEAD].decode("utf-8", errors="replace")
        route = "html" if looks_like_html(head) else "text"
    if route == "text":
        return clean(text)
    import newsclean  # late: the HTML route is looked up at call time

    clean_html: Callable[[str | bytes], Article] | None = getattr(newsclean, "clean_html", None)
    if clean_html is None:
        raise RecordError("HTML input, but this newsclean has no HTML route (newsclean.clean_html); use --text")
    return clean_html(text)


# ---------------------------------------------------------------- one record


class RecordError(ValueError):
    """A record that cannot be cleaned: bad JSON, a wrong type, a missing field."""


@dataclass(frozen=True)
class Options:
    """Everything a worker needs to turn one input record into output text."""

    format: str = "text"
    explain: bool = False
    route: str = "auto"  # text | html | auto
    text_field: str = "text"
    html_field: str = "html"
    id_field: str = "id"
    color: bool = False
    headers: bool = False  # text/markdown of several records: say which record follows


@dataclass(frozen=True)
class Task:
    """One input record: where it comes from (``file:line``), its kind and its raw bytes."""

    where: str
    kind: str  # "jsonl" (a JSON line) | "document" (a whole file) | "error" (data is the message)
    data: bytes
    id: str | None = None


@dataclass(frozen=True)
class Outcome:
    """A record's output text, or the reason it was skipped."""

    where: str
    output: str | None = None
    error: str | None = None


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _unpack(opts: Options, task: Task) -> tuple[Any, str | bytes, str]:
    """The record's id, its page (a whole file stays bytes) and its route."""
    if task.kind == "error":
        raise RecordError(task.data.decode())
    if task.kind == "document":
        return task.id, task.data, opts.route
    try:
        record = json.loads(task.data)
    except ValueError as e:  # also UnicodeDecodeError
        raise RecordError(f"bad JSON: {e}") from None
    if not isinstance(record, dict):
        raise RecordError(f"a record is a JSON object, got {_json_type(record)}")
    if opts.html_field in record:
        field, route = opts.html_field, "html"
    elif opts.text_field in record:
        field, route = opts.text_field, "auto"
    else:
        raise RecordError(f"no {opts.text_field!r} or {opts.html_field!r} field")
    text = record[field]
    if not isinstance(text, str):
        raise RecordError(f"field {field!r} is {_json_type(text)}, not a string")
    return record.get(opts.id_field), text, route if opts.route == "auto" else opts.route


def process(opts: Options, task: Task) -> Outcome:
    """Clean one record and render it; a record that cannot be cleaned becomes an error outcome."""
    try:
        record_id, text, route = _unpack(opts, task)
        article = clean_document(text, route)
    except RecordError as e:
        return Outcome(task.where, error=str(e))
    except Exception as e:  # a crash on one page must not stop a crawl: report it and go on
        return Outcome(task.where, error=f"cleaning failed: {type(e).__name__}: {e}")
    return Outcome(task.where, output=render(opts, record_id, article, where=task.where))


# ---------------------------------------------------------------- rendering


_RESET = "\033[0m"
_STYLE = {"title": "\033[1;36m", "dek": "\033[36m", "byline": "\033[36m", "paragraph": ""}
_REMOVED = "\033[31m"
_DIM = "\033[2m"
_EXPLAIN_TEXT_WIDTH = 48


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _place(d: Decision) -> str:
    """``12``, or ``12:340`` for a part cut from a glued line at offset 340."""
    return f"{d.line_no}:{d.col}" if d.col else str(d.line_no)


def explain_lines(article: Article, *, color: bool = False) -> list[str]:
    """One line per decision: line number, role, cleaner, the line's start, and the reason."""
    out = []
    for d in article.explain():
        text = _short(d.text, _EXPLAIN_TEXT_WIDTH)
        cols = f"{_place(d):>5}  {d.role:<11} {d.cleaner:<10} {text:<{_EXPLAIN_TEXT_WIDTH}}  {d.reason}"
        if color:
            style = _STYLE.get(d.role, _REMOVED)
            cols = (
                f"{_place(d):>5}  {style}{d.role:<11}{_RESET} {d.cleaner:<10} "
                f"{_DIM if d.role not in ROLES else ''}{text:<{_EXPLAIN_TEXT_WIDTH}}{_RESET}  {_DIM}{d.reason}{_RESET}"
            )
        out.append(cols.rstrip())
    return out


_MD_BLOCK_START = re.compile(r"^(?:[#>*+-]|\d+[.)])\s|^(?:---|===|```)")


def _md_escape(text: str) -> str:
    return "\\" + text if _MD_BLOCK_START.match(text) else text


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def markdown_of(article: Article, *, explain: bool = False) -> str:
    """The article as Markdown: ``# title``, the dek in italics, the byline, the paragraphs."""
    parts = []
    if article.title:
        parts.append(f"# {article.title}")
    if article.dek:
        parts.append(f"*{article.dek}*")
    if article.byline:
        parts.append(f"**{article.byline}**")
    parts.extend(_md_escape(p) for p in article.paragraphs)
    if explain:
        rows = ["| line | role | cleaner | reason | text |", "| ---: | --- | --- | --- | --- |"]
        rows += [
            f"| {_place(d)} | {d.role} | {d.cleaner} | {_md_cell(d.reason)} | {_md_cell(d.text)} |"
            for d in article.explain()
        ]
        parts.append("\n".join(rows))
    return "\n\n".join(parts) + "\n"


def render(opts: Options, record_id: Any, article: Article, *, where: str = "") -> str:
    """One record's output in ``opts.format``, without separators between records.

    Text and Markdown headers name the record by its id, or by ``where`` (``file:line``) without one.
    """
    name = where if record_id is None else record_id
    if opts.format in ("json", "jsonl"):
        data = {"id": record_id, **article.to_dict()}
        if opts.explain:
            data["decisions"] = [
                {"line_no": d.line_no, "role": d.role, "cleaner": d.cleaner, "reason": d.reason, "text": d.text}
                | ({"where": d.where} if d.where else {})
                | ({"col": d.col} if d.col else {})
                for d in article.explain()
            ]
        if opts.format == "jsonl":
            return json.dumps(data, ensure_ascii=False) + "\n"
        return json.dumps(data, ensure_ascii=False, indent=2)
    if opts.format == "markdown":
        head = f"<!-- id: {name} -->\n\n" if opts.headers else ""
        return head + markdown_of(article, explain=opts.explain)
    head = f"==> {name} <==\n" if opts.headers else ""
    body = "\n".join(explain_lines(article, color=opts.color)) if opts.explain else article.text
    return head + body + ("\n" if body else "")


# ---------------------------------------------------------------- input


@dataclass
class Source:
    """One command-line input, resolved before any record is read."""

    name: str
    kind: str  # "stdin-jsonl" | "stdin-document" | "jsonl" | "directory" | "document" | "missing"
    peeked: tuple[bytes, ...] = ()  # stdin: the lines read to sniff its kind


def _open_binary(path: str) -> IO[bytes] | gzip.GzipFile:
    if path.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def resolve(name: str, *, jsonl: bool, stdin: IO[bytes]) -> Source:
    """What ``name`` is: stdin (JSONL if its first line is a JSON object), a JSONL file, a directory..."""
    if name == "-":
        peeked: list[bytes] = []
        for line in stdin:
            peeked.append(line)
            if line.strip():
                break
        is_jsonl = jsonl or b"".join(peeked).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
        return Source(name, "stdin-jsonl" if is_jsonl else "stdin-document", tuple(peeked))
    path = Path(name)
    if path.is_dir():
        return Source(name, "directory")
    if not path.exists():
        return Source(name, "missing")
    return Source(name, "jsonl" if jsonl or name.lower().endswith(JSONL_SUFFIXES) else "document")


def _jsonl_tasks(name: str, lines: Iterable[bytes]) -> Iterator[Task]:
    for no, line in enumerate(lines, start=1):
        if line.strip():
            yield Task(f"{name}:{no}", "jsonl", line)


def _directory_files(root: Path) -> list[Path]:
    return sorted(
        (p for p in root.rglob("*") if p.is_file() and p.name.lower().endswith(DOCUMENT_SUFFIXES)),
        key=lambda p: p.relative_to(root).as_posix(),
    )


def tasks(sources: Sequence[Source], stdin: IO[bytes]) -> Iterator[Task]:
    """Every input record, lazily, in input order; unreadable inputs become error tasks."""
    for src in sources:
        try:
            if src.kind == "missing":
                yield Task(src.name, "error", b"no such file or directory")
            elif src.kind == "stdin-jsonl":
                yield from _jsonl_tasks("<stdin>", itertools.chain(src.peeked, stdin))
            elif src.kind == "stdin-document":
                yield Task("<stdin>", "document", b"".join(src.peeked) + stdin.read(), id="-")
            elif src.kind == "jsonl":
                with _open_binary(src.name) as f:
                    yield from _jsonl_tasks(src.name, f)
            elif src.kind == "directory":
                for path in _directory_files(Path(src.name)):
                    yield _document_task(str(path))
            else:
                yield _document_task(src.name)
        except (OSError, EOFError) as e:  # unreadable file, truncated gzip
            yield Task(src.name, "error", f"cannot read: {e}".encode())


def _document_task(name: str) -> Task:
    try:
        with _open_binary(name) as f:
            return Task(name, "document", f.read(), id=name)
    except (OSError, EOFError) as e:
        return Task(name, "error", f"cannot read: {e}".encode())


# ---------------------------------------------------------------- running


def _gated(items: Iterable[Task], slots: threading.Semaphore, stop: threading.Event) -> Iterator[Task]:
    """Hand ``items`` to the pool only while a slot is free, so input is read as output is written."""
    for item in items:
        while not slots.acquire(timeout=0.1):
            if stop.is_set():
                return
        if stop.is_set():
            return
        yield item


@contextlib.contextmanager
def outcomes(work: Callable[[Task], Outcome], items: Iterable[Task], jobs: int) -> Iterator[Iterator[Outcome]]:
    """The outcomes of ``items`` in input order, computed in ``jobs`` processes (in-process for 1)."""
    if jobs <= 1:
        yield map(work, items)
        return
    # forkserver (spawn where missing): workers never inherit the threads of the calling process
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["newsclean.cli"])
    slots = threading.Semaphore(jobs * CHUNK_SIZE * CHUNKS_IN_FLIGHT)
    stop = threading.Event()
    pool = ctx.Pool(jobs, initializer=_ignore_sigint)
    try:

        def released() -> Iterator[Outcome]:
            for outcome in pool.imap(work, _gated(items, slots, stop), chunksize=CHUNK_SIZE):
                slots.release()
                yield outcome

        yield released()
        pool.close()
    finally:
        stop.set()
        pool.terminate()
        pool.join()


def _ignore_sigint() -> None:
    """In a worker: leave Ctrl-C to the parent, which stops the pool (no traceback per worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Output:
    """Where records go: stdout, or a file written under a temporary name and renamed when complete."""

    def __init__(self, path: str | None, stdout: TextIO) -> None:
        self.path = path
        self.tmp: str | None = None
        self.owned = path not in (None, "-")  # a stream this object opened, and must close
        if path in (None, "-"):
            self.stream: TextIO = stdout
            return
        if os.path.exists(path) and not os.path.isfile(path):  # /dev/null, a FIFO: nothing to rename
            self.stream = open(path, "w", encoding="utf-8")  # noqa: SIM115
            return
        directory = os.path.dirname(os.path.abspath(path))
        try:
            fd, self.tmp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
        except OSError as e:
            raise OSError(e.errno, f"cannot write {path}: {e.strerror}") from None
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        self.stream = open(fd, "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, text: str) -> None:
        self.stream.write(text)

    def commit(self) -> None:
        """Make the output visible: flush stdout, or rename the complete temporary file."""
        self.stream.flush()
        if self.tmp is not None and self.path is not None:
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.replace(self.tmp, self.path)
            self.tmp = None
        elif self.owned:
            self.stream.close()

    def discard(self) -> None:
        """After a failure: remove the temporary file, leaving any earlier output file as it was."""
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                self.stream.close()
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            self.tmp = None
        elif self.owned:
            with contextlib.suppress(OSError):
                self.stream.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean the raw text or HTML of news pages into articles, and say why each line went.",
        epilog="Exit status: 0 all records cleaned, 1 some record failed (reported on stderr), 2 usage error.",
    )
    parser.add_argument(
        "inputs", nargs="*", default=["-"], metavar="FILE",
        help="a page (.txt/.html), a JSONL file of records, a directory of pages, or - for stdin (default)",
    )
    parser.add_argument(
        "-f", "--format", choices=FORMATS,
        help="output format (default: text for pages, jsonl for batch input)",
    )
    parser.add_argument("-e", "--explain", action="store_true", help="print each line's decision and its reason")
    route = parser.add_mutually_exclusive_group()
    route.add_argument("--html", dest="route", action="store_const", const="html", help="read input as HTML")
    route.add_argument("--text", dest="route", action="store_const", const="text", help="read input as plain text")
    parser.set_defaults(route="auto")
    parser.add_argument("--jsonl", action="store_true", help="read every FILE (and stdin) as JSONL records")
    parser.add_argument("--text-field", default="text", metavar="NAME", help="JSONL field holding text (default: text)")
    parser.add_argument("--html-field", default="html", metavar="NAME", help="JSONL field holding HTML (default: html)")
    parser.add_argument("--id-field", default="id", metavar="NAME", help="JSONL field carried as id (default: id)")
    parser.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes (0: one per core)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (atomically: a temporary file, renamed)")
    parser.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto",
        help="colour --explain (auto: when stdout is a terminal and NO_COLOR is unset)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar for batches on a terminal")
    from . import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n or os.cpu_count() or 1


def _wants_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (argparse exits with 2 on a usage error)."""
    args = build_parser().parse_args(argv)
    stdout, stderr = sys.stdout, sys.stderr
    stdin = sys.stdin.buffer
    sources = [resolve(name, jsonl=args.jsonl, stdin=stdin) for name in args.inputs]
    batch = len(sources) > 1 or any(s.kind in ("jsonl", "stdin-jsonl", "directory") for s in sources)
    fmt = args.format or ("jsonl" if batch else "text")
    opts = Options(
        format=fmt,
        explain=args.explain,
        route=args.route,
        text_field=args.text_field,
        html_field=args.html_field,
        id_field=args.id_field,
        color=_wants_color(args.color, stdout) if args.output in (None, "-") else args.color == "always",
        headers=batch,
    )
    failed = 0
    out: Output | None = None
    try:
        out = Output(args.output, stdout)
        with outcomes(partial(process, opts), tasks(sources, stdin), args.jobs) as results:
            failed = _write(results, out, opts, batch, stderr, progress=batch and not args.no_progress)
        out.commit()
    except KeyboardInterrupt:
        if out is not None:
            out.discard()
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        if out is not None:
            out.discard()
        _silence_stdout()
        return EXIT_PIPE
    except OSError as e:
        if out is not None:
            out.discard()
        print(f"newsclean: {e}", file=stderr)
        return EXIT_FAILED
    except BaseException:
        if out is not None:
            out.discard()
        raise
    return EXIT_FAILED if failed else EXIT_OK


def _write(
    results: Iterable[Outcome], out: Output, opts: Options, batch: bool, stderr: TextIO, *, progress: bool
) -> int:
    """Write outcomes in order with the format's separators; report failures. Returns their count."""
    from tqdm import tqdm

    array = opts.format == "json" and batch
    between = {"json": ",\n", "text": "\n", "markdown": "\n---\n\n"}.get(opts.format, "") if batch else ""
    failed = written = 0
    if array:
        out.write("[\n")
    with tqdm(unit=" rec", file=stderr, disable=not (progress and stderr.isatty()), dynamic_ncols=True) as bar:
        for outcome in results:
            bar.update()
            if outcome.error is not None:
                failed += 1
                bar.write(f"newsclean: {outcome.where}: {outcome.error}; skipped", file=stderr)
                continue
            if written and between:
                out.write(between)
            out.write(outcome.output or "")
            written += 1
    if array:
        out.write("\n]\n" if written else "]\n")
    elif opts.format == "json" and written:
        out.write("\n")
    if failed:
        print(f"newsclean: {failed} of {written + failed} records failed", file=stderr)
    return failed


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
