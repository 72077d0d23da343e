#!/usr/bin/env python3
"""Quality benchmark: newsclean and reference extractors on a real-page corpus.

  python benchmarks/quality.py --corpus DIR [--routes layout,flat,html] [--systems ...]
                               [--worst N] [--markdown]

DIR holds truth.jsonl (id, url, body) and per page <id>.html.gz, <id>.layout.txt, <id>.flat.txt.
Metric (the article-extraction-benchmark's): \\w+ tokens, 4-token shingles as multisets, per-page
tp/fp/fn normalised to sum 1, precision and recall averaged over pages, F1 from the two means.
Anchors that are not installed are skipped with a note (see requirements-bench.txt).
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROUTES: tuple[str, ...] = ("layout", "flat", "html")
TEXT_ROUTES: tuple[str, ...] = ("layout", "flat")
TOKEN = re.compile(r"\w+")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
KANA = re.compile(r"[\u3040-\u30ff]")

# An extractor: (input document of the route, guessed language) -> extracted text.
Extract = Callable[[str, str], str]
Counts = tuple[float, float, float]  # tp, fp, fn, normalised to sum to 1


# ---------------------------------------------------------------- metric


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = TOKEN.findall(text or "")
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i : i + n])


def page_counts(truth: str, pred: str) -> Counts:
    t, p = shingles(truth), shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def precision(c: Counts) -> float:
    tp, fp, fn = c
    return 1.0 if fp == fn == 0 else tp / (tp + fp)


def recall(c: Counts) -> float:
    tp, fp, fn = c
    return 1.0 if fp == fn == 0 else tp / (tp + fn)


def page_f1(c: Counts) -> float:
    p, r = (precision(c) if c[0] + c[1] else 0.0), (recall(c) if c[0] + c[2] else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def corpus_f1(rows: list[Counts]) -> tuple[float, float, float]:
    """F1, P, R. P is averaged over pages with a prediction, R over pages with a truth."""
    ps = [precision(c) for c in rows if c[0] + c[1] > 0]
    rs = [recall(c) for c in rows if c[0] + c[2] > 0]
    p, r = (statistics.mean(ps) if ps else 0.0), (statistics.mean(rs) if rs else 0.0)
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


# ---------------------------------------------------------------- corpus


@dataclass(frozen=True)
class Page:
    id: str
    body: str
    docs: dict[str, str]  # route -> input document (only routes whose file exists)
    language: str  # guessed from the page's own input, see page_language()


def read_doc(corpus: Path, page_id: str, route: str) -> str | None:
    path = corpus / (f"{page_id}.html.gz" if route == "html" else f"{page_id}.{route}.txt")
    if not path.exists():
        return None
    if route == "html":
        return gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
    return path.read_text(encoding="utf-8")


def page_language(corpus: Path, page_id: str) -> str:
    """Guess from the cleanest rendering present: layout text, else the HTML's text, else flat text
    (whose glued inline runs mislead a stopword count)."""
    for route in ("layout", "html", "flat"):
        if (doc := read_doc(corpus, page_id, route)) is not None:
            return guess_language(visible_text(doc) if route == "html" else doc)
    return "?"


def load_corpus(corpus: Path, routes: list[str]) -> list[Page]:
    pages = []
    for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            t = json.loads(line)
            docs = {r: d for r in routes if (d := read_doc(corpus, t["id"], r)) is not None}
            pages.append(Page(t["id"], t["body"], docs, page_language(corpus, t["id"])))
    return pages


def visible_text(page_html: str) -> str:
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(page_html.encode("utf-8"), lxml.html.HTMLParser(encoding="utf-8"))
    except Exception:
        return ""
    lxml.etree.strip_elements(root, "script", "style", "noscript", with_tail=False)
    return "\n".join(str(t).strip() for t in root.itertext() if str(t).strip())


# ---------------------------------------------------------------- language guess


@cache
def stoplists() -> dict[str, frozenset[str]]:
    try:
        import justext
    except ImportError:
        return {}
    return {name: frozenset(justext.get_stoplist(name)) for name in sorted(justext.get_stoplists())}


def guess_language(text: str) -> str:
    """A jusText stoplist name (e.g. 'English'), 'Japanese'/'Chinese' by script, or '?'.

    Stopword hits per stoplist, damped by the list's size: jusText's lists come from Wikipedia and
    the long ones (Finnish, ~6800 words) hold many English words.
    """
    tokens = TOKEN.findall(text)
    if len(CJK.findall(text)) > 0.2 * sum(map(len, tokens)):
        return "Japanese" if KANA.search(text) else "Chinese"
    words = Counter(w.lower() for w in tokens if len(w) > 1 and not w.isdigit())
    scores = {
        name: sum(n for w, n in words.items() if w in stop) / len(stop) ** 0.1
        for name, stop in stoplists().items()
        if stop
    }
    best = max(scores, key=lambda k: scores[k], default="?")
    return best if scores.get(best) else "?"


# ---------------------------------------------------------------- systems


@dataclass
class System:
    name: str
    runs: dict[str, Extract]  # route -> extractor
    note: str = ""


def lines_as_html(text: str) -> str:
    paras = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
    return f'<html><head><meta charset="utf-8"><title></title></head><body>\n{paras}</body></html>'


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment, one text node a line (so adjacent elements never glue words)."""
    import lxml.html

    if not fragment.strip():
        return ""
    return "\n".join(str(t).strip() for t in lxml.html.fromstring(fragment).itertext() if str(t).strip())


def newsclean_system() -> System:
    try:
        import newsclean
    except ImportError as e:
        return System("newsclean", {}, f"not importable ({e})")
    runs: dict[str, Extract] = {r: (lambda doc, lang: newsclean.clean(doc).text) for r in TEXT_ROUTES}
    if (clean_html := getattr(newsclean, "clean_html", None)) is not None:
        runs["html"] = lambda doc, lang: clean_html(doc).text
    return System("newsclean", runs)


def keep_all_system() -> System:
    return System("keep-all", {r: (lambda doc, lang: doc) for r in TEXT_ROUTES})


def c4_system() -> System:
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters import C4QualityFilter
    except ImportError as e:
        return System("c4-lines", {}, f"datatrove not installed ({e})")
    # C4's line rules only: the page-level drops (fewer than 5 sentences, which also needs spaCy;
    # 'lorem ipsum'; a curly bracket anywhere) are off, so every page keeps its good lines.
    c4 = C4QualityFilter(min_num_sentences=-1, filter_lorem_ipsum=False, filter_curly_bracket=False)

    def run(doc: str, lang: str) -> str:
        d = Document(text=doc, id="page")
        return d.text if c4.filter(d) is True else ""

    return System("c4-lines", {r: run for r in TEXT_ROUTES})


def justext_system() -> System:
    try:
        import justext
    except ImportError as e:
        return System("justext", {}, f"not installed ({e})")

    def run_html(page_html: str, lang: str) -> str:
        if lang in stoplists():
            paras = justext.justext(page_html, stoplists()[lang])
        else:  # no stoplist for this language: jusText's language-independent mode
            paras = justext.justext(page_html, frozenset(), stopwords_low=0, stopwords_high=0)
        return "\n".join(p.text for p in paras if not p.is_boilerplate)

    runs: dict[str, Extract] = {r: (lambda doc, lang: run_html(lines_as_html(doc), lang)) for r in TEXT_ROUTES}
    runs["html"] = run_html
    return System("justext", runs)


def boilerpy3_system() -> System:
    try:
        from boilerpy3.extractors import ArticleExtractor
    except ImportError as e:
        return System("boilerpy3", {}, f"not installed ({e})")

    def run_html(page_html: str, lang: str) -> str:
        return str(ArticleExtractor(raise_on_failure=False).get_content(page_html))

    runs: dict[str, Extract] = {r: (lambda doc, lang: run_html(lines_as_html(doc), lang)) for r in TEXT_ROUTES}
    runs["html"] = run_html
    return System("boilerpy3", runs)


def trafilatura_system() -> System:
    try:
        import trafilatura
    except ImportError as e:
        return System("trafilatura", {}, f"not installed ({e})")
    return System("trafilatura", {"html": lambda doc, lang: trafilatura.extract(doc) or ""})


def readability_system() -> System:
    try:
        from readability import Document as ReadabilityDocument
    except ImportError as e:
        return System("readability", {}, f"readability-lxml not installed ({e})")
    return System("readability", {"html": lambda doc, lang: fragment_text(ReadabilityDocument(doc).summary())})


SYSTEMS: dict[str, Callable[[], System]] = {
    "newsclean": newsclean_system,
    "keep-all": keep_all_system,
    "c4-lines": c4_system,
    "justext": justext_system,
    "boilerpy3": boilerpy3_system,
    "trafilatura": trafilatura_system,
    "readability": readability_system,
}


# ---------------------------------------------------------------- running and reporting


@dataclass
class Result:
    system: str
    route: str
    rows: list[Counts] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    langs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    errors: int = 0


def run_system(system: System, route: str, pages: list[Page]) -> Result:
    res, extract = Result(system.name, route), system.runs[route]
    for page in pages:
        if route not in page.docs:
            continue
        t0 = time.perf_counter()
        try:
            pred = extract(page.docs[route], page.language)
        except Exception as e:  # scored as empty, and counted
            pred, res.errors = "", res.errors + 1
            print(f"  {system.name} {route} {page.id[:12]}: {type(e).__name__}: {e}", file=sys.stderr)
        res.seconds += time.perf_counter() - t0
        res.rows.append(page_counts(page.body, pred))
        res.ids.append(page.id)
        res.langs.append(page.language)
    return res


def table(results: list[Result], markdown: bool) -> Iterator[str]:
    head = ["system", "route", "F1", "P", "R", "ms/page", "pages", "errors"]
    body = []
    for r in results:
        f, p, rc = corpus_f1(r.rows)
        ms = 1000 * r.seconds / max(1, len(r.rows))
        body.append(
            [r.system, r.route, f"{f:.3f}", f"{p:.3f}", f"{rc:.3f}", f"{ms:.1f}", str(len(r.rows)), str(r.errors)]
        )
    if markdown:
        yield "| " + " | ".join(head) + " |"
        yield "|" + "|".join(["---"] * 2 + ["---:"] * (len(head) - 2)) + "|"
        yield from ("| " + " | ".join(row) + " |" for row in body)
        return
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]
    for row in [head, *body]:
        yield "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))


def worst(res: Result, n: int) -> Iterator[str]:
    scored = sorted(zip((page_f1(c) for c in res.rows), res.ids, res.langs, strict=True))
    yield f"{res.system} {res.route}: {min(n, len(scored))} worst pages"
    for f, pid, lang in scored[:n]:
        yield f"  {pid[:12]}  F1={f:.3f}  {lang}"


def csv_arg(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="directory holding truth.jsonl")
    ap.add_argument("--routes", type=csv_arg, default=list(ROUTES), help="comma list of layout,flat,html")
    ap.add_argument("--systems", type=csv_arg, default=list(SYSTEMS), help="comma list of " + ",".join(SYSTEMS))
    ap.add_argument("--worst", type=int, default=0, metavar="N", help="list newsclean's N worst pages per route")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    a = ap.parse_args(argv)
    if bad := [r for r in a.routes if r not in ROUTES] + [s for s in a.systems if s not in SYSTEMS]:
        ap.error(f"unknown route or system: {', '.join(bad)}")
    if not (a.corpus / "truth.jsonl").exists():
        ap.error(f"{a.corpus / 'truth.jsonl'} not found")

    pages = load_corpus(a.corpus, a.routes)
    results: list[Result] = []
    notes: list[str] = []
    for name in a.systems:
        system = SYSTEMS[name]()
        if system.note:
            notes.append(f"{name}: skipped, {system.note}")
        for route in a.routes:
            if route in system.runs:
                print(f"running {name} on {route} ...", file=sys.stderr)
                results.append(run_system(system, route, pages))
            elif name == "newsclean" and route == "html" and system.runs:
                notes.append("newsclean: no clean_html(), html route skipped")

    print(f"corpus: {a.corpus} ({len(pages)} pages)\n")
    print("\n".join(table(results, a.markdown)))
    if notes:
        print("\n" + "\n".join(f"note: {n}" for n in notes))
    for res in results:
        if a.worst > 0 and res.system == "newsclean":
            print("\n" + "\n".join(worst(res, a.worst)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
