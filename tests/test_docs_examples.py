"""The documentation's examples run and print what the docs show.

Each code example of README.md, docs/writing-a-cleaner.md and docs/cleaners.md is copied here as
it stands in the docs, one test per example. The example tables of docs/cleaners.md
(``file:line`` → decision and reason) are read from the page itself, so a changed reason fails here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import regex

import newsclean
from newsclean import KINDS, Decision, Draft, Pipeline
from newsclean.html import html_pipeline

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run each example from the repository root, as the docs do (``open("fixtures/…")``)."""
    monkeypatch.chdir(ROOT)
    yield


def printed(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().out.splitlines()


def unscored(text: str) -> str:
    """``text`` with the body classifier's scores masked: retraining the model moves them, not the decision."""
    return re.sub(r"scored \d\.\d+", "scored #.##", text)


# --- README.md ---------------------------------------------------------------------------------


def test_readme_article_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's first example gives the title, dateline, image, teaser and decisions it shows."""
    article = newsclean.clean(Path("fixtures/sputnik-italy-defense.txt").read_text(encoding="utf-8"))
    assert article.title == "Italian Defense Minister Calls for Russia-US Thaw, Joint Anti-Terror Front"
    assert repr(article.dateline) == "Dateline(place='ROME', source='Sputnik')"
    assert repr(article.images[0]) == (
        "Image(caption='Vladimir Putin and Barack Obama at G20 Summit in Hangzhou, September 2016.', "
        "credit='Sputnik / Alexei Druzhinin')"
    )
    assert article.related[0] == "Russian, Syrian Strikes on Terrorist Sites Near Aleppo Halted for Over 24 Hours"
    assert article.text == "\n\n".join(article.paragraphs)
    for d in article.explain():
        print(d.line_no, d.role, d.cleaner, d.reason)
    assert printed(capsys)[:4] == [
        "1 title metadata the first headline-shaped line near the top",
        "3 credit credits a photo credit glued to its caption",
        "4 caption captions repeats a photo caption already seen",
        "5 chrome chrome site UI: 'subscribe' is in the chrome lexicon",
    ]


def test_readme_custom_pipeline_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's custom pipeline runs on the seed and prints the cleaner names it shows."""

    @dataclass(frozen=True)
    class DropPodcastPromos:
        name: str = "podcast-promos"

        def apply(self, draft: newsclean.Draft) -> None:
            for i in list(draft.open()):
                if draft.text[i].lower().startswith("listen to our podcast"):
                    draft.decide(i, "chrome", self.name, "a podcast promotion")

    pipeline = (Pipeline.default()
                .without("navigation")                       # keep short link-like lines
                .insert(DropPodcastPromos(), before="chrome"))
    raw_text = Path("fixtures/sputnik-italy-defense.txt").read_text(encoding="utf-8")
    article = newsclean.clean(raw_text, pipeline=pipeline)
    print(pipeline.names)
    assert printed(capsys) == [
        "('normalise', 'language', 'credits', 'captions', 'podcast-promos', 'chrome', 'foreign-ui', 'metadata', "
        "'comments', 'teasers', 'body')"
    ]
    assert article.paragraphs == newsclean.clean(raw_text).paragraphs


def test_readme_links_every_doc() -> None:
    """The README links each page of docs/, the lead's quality.md included."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in ("architecture", "cleaners", "writing-a-cleaner", "html", "cli", "scale-out", "robustness",
                 "quality"):
        assert f"](docs/{page}.md)" in readme, page


# --- docs/writing-a-cleaner.md -----------------------------------------------------------------

SIGN_OFF = regex.compile(r"^(?:additional )?(?:reporting|writing) by\b.*\bediting by\b", regex.IGNORECASE)


@dataclass(frozen=True)
class AgencySignOff:
    """Remove a wire agency's sign-off: 'Reporting by …; Editing by …'."""

    name: str = "agency-sign-off"

    def apply(self, draft: Draft) -> None:
        for i in draft.open():
            if SIGN_OFF.match(draft.text[i]):
                draft.decide(i, "boilerplate", self.name, "the agency's reporting and editing credits")


def test_first_cleaner_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The sign-off cleaner removes the Reuters sign-off with its own reason; by default it is kept."""
    page = Path("fixtures/wire-reuters-chip-tariffs.txt").read_text(encoding="utf-8")
    page = page.replace("notice.\n", "notice.\n\nReporting by Marcus Hale in San Francisco; Editing by Anna Cole\n")

    pipeline = Pipeline.default().insert(AgencySignOff(), before="body")
    for d in newsclean.clean(page, pipeline=pipeline).explain():
        if d.text.startswith("Reporting by"):
            print(d.line_no, d.role, d.cleaner, d.reason)
    for d in newsclean.clean(page).explain():
        if d.text.startswith("Reporting by"):
            print(d.line_no, d.role, d.cleaner, d.reason)
    assert [unscored(line) for line in printed(capsys)] == [
        "25 boilerplate agency-sign-off the agency's reporting and editing credits",
        "25 paragraph keep no cleaner removed it: body text",
    ]


def test_draft_tour_example(capsys: pytest.CaptureFixture[str]) -> None:
    """A draft stopped before teasers shows the metadata, open lines, verdicts and neighbours the docs list."""
    from newsclean.lines import split_lines

    text = Path("fixtures/sputnik-italy-defense.txt").read_text(encoding="utf-8")
    draft = Pipeline.default().without("teasers", "body").run(split_lines(text))

    print(draft.language, draft.script, draft.dateline)
    print(draft.title)
    print(len(draft.images), draft.related)
    for i in draft.open():
        line = draft.lines[i]
        print(line.no, line.gap_before, draft.text[i][:30])

    teaser = next(i for i in draft.open() if draft.lines[i].no == 13)
    print(draft.verdicts[teaser - 1])
    print(draft.is_open(teaser), draft.is_open(teaser - 1))
    print(draft.lines[draft.neighbour(teaser, -1)].no, draft.lines[draft.neighbour(teaser, 1)].no)  # type: ignore[index]
    assert printed(capsys) == [
        "en Latin Dateline(place='ROME', source='Sputnik')",
        "Italian Defense Minister Calls for Russia-US Thaw, Joint Anti-Terror Front",
        "3 []",
        '10 True "Recently, there has been tens',
        "13 False Russian, Syrian Strikes on Ter",
        "14 False Pinotti also stressed the impo",
        "16 True In July, NATO Secretary Genera",
        "18 True Italy, also a NATO member, wou",
        "21 False Russian-US Plutonium Deal Coul",
        "22 False US-Russian relations began det",
        "24 True Since 2014, NATO has been buil",
        "Verdict(role='caption', cleaner='captions', "
        "reason=\"a caption with the outlet suffix '- Sputnik International'\")",
        "True False",
        "10 14",
    ]


def test_exactly_once_example(capsys: pytest.CaptureFixture[str]) -> None:
    """Deciding a line twice raises RuntimeError and an unknown role raises ValueError, with the docs' messages."""
    from newsclean.lines import split_lines

    draft = Draft(split_lines("Subscribe\n\nA sentence of the body, long enough to read as prose."))
    draft.decide(0, "chrome", "mine", "site UI: a subscribe button")
    try:
        draft.decide(0, "teaser", "mine", "a second opinion")
    except RuntimeError as error:
        print(error)
    try:
        draft.decide(1, "advert", "mine", "not a kind")
    except ValueError as error:
        print(error)
    assert printed(capsys) == [
        "line 1 decided twice (mine after Verdict(role='chrome', cleaner='mine', "
        "reason='site UI: a subscribe button'))",
        "unknown role 'advert'; use one of ['boilerplate', 'caption', 'chrome', 'comment', 'credit', 'duplicate', "
        "'foreign-ui', 'invisible', 'navigation', 'teaser', 'title', 'dek', 'byline', 'paragraph']",
    ]


def test_pull_quotes_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The neighbour-reading cleaner removes a pull quote as a duplicate of the paragraph above."""

    @dataclass(frozen=True)
    class PullQuotes:
        """Remove a pull quote: a short line that repeats words of the paragraph next to it."""

        name: str = "pull-quotes"
        max_chars: int = 200

        def apply(self, draft: Draft) -> None:
            for i in list(draft.open()):
                quote = draft.text[i].strip("\"'“”«» ")
                if not quote or len(quote) > self.max_chars:
                    continue
                for step, side in ((-1, "above"), (1, "below")):
                    j = draft.neighbour(i, step)
                    if j is not None and len(draft.text[j]) > len(quote) and quote in draft.text[j]:
                        draft.decide(i, "duplicate", self.name, f"a pull quote repeating the paragraph {side}")
                        break

    seed = Path("fixtures/sputnik-italy-defense.txt").read_text(encoding="utf-8").splitlines()
    quote = "“I think that new rapprochement is needed”"
    page = "\n".join([*seed[:10], quote, *seed[10:]])

    pipeline = Pipeline.default().insert(PullQuotes(), before="body")
    article = newsclean.clean(page, pipeline=pipeline)
    print([(d.line_no, d.role, d.cleaner, d.reason) for d in article.explain() if d.text == quote])
    assert printed(capsys) == ["[(11, 'duplicate', 'pull-quotes', 'a pull quote repeating the paragraph above')]"]


def test_composing_example(capsys: pytest.CaptureFixture[str]) -> None:
    """without(), replace() and insert() give the pipelines the docs print, and the replacement decides lines."""

    @dataclass(frozen=True)
    class KeepRest:
        """Keep every line still open: for input that is already article text."""

        name: str = "keep-rest"

        def apply(self, draft: Draft) -> None:
            for i in draft.open():
                draft.decide(i, "paragraph", self.name, "kept: the input is already article text")

    default = Pipeline.default()
    print(default.names)
    print(default.without("navigation", "teasers").names)
    print(default.replace("body", KeepRest()).names[-2:])
    print(default.insert(KeepRest(), after="metadata").names[6:9])

    text = Path("fixtures/sputnik-italy-defense.txt").read_text(encoding="utf-8")
    article = newsclean.clean(text, pipeline=default.replace("body", KeepRest()))
    d = article.explain()[6]
    print(d.line_no, d.role, d.cleaner, d.reason)
    assert printed(capsys) == [
        "('normalise', 'language', 'credits', 'captions', 'chrome', 'foreign-ui', 'metadata', 'navigation', "
        "'comments', 'teasers', 'body')",
        "('normalise', 'language', 'credits', 'captions', 'chrome', 'foreign-ui', 'metadata', 'comments', 'body')",
        "('teasers', 'keep-rest')",
        "('metadata', 'keep-rest', 'navigation')",
        "10 paragraph keep-rest kept: the input is already article text",
    ]


def test_html_route_example(capsys: pytest.CaptureFixture[str]) -> None:
    """On the HTML route a cleaner sees a body line only when it runs before structure-guard."""

    @dataclass(frozen=True)
    class AgencySignOff:
        name: str = "agency-sign-off"

        def apply(self, draft: Draft) -> None:
            for i in draft.open():
                if SIGN_OFF.match(draft.text[i]):
                    draft.decide(i, "boilerplate", self.name, "the agency's reporting and editing credits")

    html = Path("fixtures/html/figure-credit.html").read_text(encoding="utf-8")
    html = html.replace("</div>\n</article>", "<p>Reporting by Jana Novak; Editing by Tom Berg</p></div></article>")

    print(html_pipeline().names[-2:])
    late = html_pipeline().insert(AgencySignOff(), before="body")
    early = html_pipeline().insert(AgencySignOff(), before="structure-guard")
    for pipeline in (late, early):
        d = newsclean.clean_html(html, pipeline=pipeline).explain()[-2]
        print(d.role, d.cleaner, d.where, d.reason)
    assert printed(capsys) == [
        "('structure-guard', 'body')",
        "paragraph structure-guard article>div.article-body>p text of the article's container, by its markup "
        "(article>div.article-body>p)",
        "boilerplate agency-sign-off article>div.article-body>p the agency's reporting and editing credits",
    ]


# The two tests of the docs' "Testing it" section, as they stand there.
REUTERS = (ROOT / "fixtures" / "wire-reuters-chip-tariffs.txt").read_text(encoding="utf-8")
SIGNED = REUTERS.replace("notice.\n", "notice.\n\nReporting by Marcus Hale in San Francisco; Editing by Anna Cole\n")
PIPELINE = Pipeline.default().insert(AgencySignOff(), before="body")


def test_agency_sign_off_is_removed_with_its_reason() -> None:
    """The sign-off under the story is removed as boilerplate by agency-sign-off, with its reason."""
    article = newsclean.clean(SIGNED, pipeline=PIPELINE)
    [removal] = [r for r in article.removed if r.cleaner == "agency-sign-off"]
    assert (removal.line_no, removal.kind) == (25, "boilerplate")
    assert removal.reason == "the agency's reporting and editing credits"


def test_agency_sign_off_leaves_the_page_alone() -> None:
    """On a page without a sign-off, the pipeline with the cleaner gives the default article."""
    assert newsclean.clean(REUTERS, pipeline=PIPELINE) == newsclean.clean(REUTERS)
    assert len(newsclean.clean(REUTERS, pipeline=PIPELINE).explain()) == len(
        [line for line in REUTERS.splitlines() if line.strip()]
    )


# --- docs/cleaners.md --------------------------------------------------------------------------


def test_catalogue_reproduce_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The catalogue's how-to snippet prints the navigation decision it shows."""
    text = Path("fixtures/wire-reuters-chip-tariffs.txt").read_text(encoding="utf-8")
    for d in newsclean.clean(text, pipeline=Pipeline.default().without("chrome")).explain():
        if d.line_no == 26:
            print(d.role, d.cleaner, d.reason)
    assert printed(capsys) == ["navigation navigation one of 5 short link-like lines in a row"]


def test_catalogue_duplicate_and_invisible_example(capsys: pytest.CaptureFixture[str]) -> None:
    """A repeated title is a duplicate and a line of zero-width and bidi marks is invisible, as the catalogue shows."""
    seed = Path("fixtures/sputnik-italy-defense.txt").read_text(encoding="utf-8").splitlines()
    page = "\n".join([seed[0], seed[0], "\u200b\u200e", *seed[1:]])
    for d in newsclean.clean(page).explain()[:3]:
        print(d.line_no, d.role, d.cleaner, d.reason)
    assert printed(capsys) == [
        "1 title metadata the first headline-shaped line near the top",
        "2 duplicate metadata repeats the title",
        "3 invisible normalise nothing visible: only control, zero-width or bidi marks",
    ]


def test_catalogue_language_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The language cleaner reads the four fixture pages' languages the catalogue lists."""
    for name in ("sputnik-italy-defense", "wire-tass-ru-tekhnopark", "broadcaster-dw-de-windkraft",
                 "newspaper-pt-ciclovias-curitiba"):
        article = newsclean.clean(Path(f"fixtures/{name}.txt").read_text(encoding="utf-8"))
        print(name, article.language)
    assert printed(capsys) == [
        "sputnik-italy-defense en",
        "wire-tass-ru-tekhnopark ru",
        "broadcaster-dw-de-windkraft de",
        "newspaper-pt-ciclovias-curitiba pt",
    ]


def test_catalogue_captions_example(capsys: pytest.CaptureFixture[str]) -> None:
    """A (File) caption and an orphaned 'Image caption,' line get the reasons the catalogue shows."""
    seed = Path("fixtures/sputnik-italy-defense.txt").read_text(encoding="utf-8").splitlines()
    seed[11] = seed[11].removesuffix(" - Sputnik International")  # line 12, without the outlet suffix
    article = newsclean.clean("\n".join(seed))
    d = next(d for d in article.explain() if d.line_no == 12)
    print(d.role, d.cleaner, d.reason)
    print(article.images[1])

    bbc = Path("fixtures/broadcaster-bbc-flood-barrier.txt").read_text(encoding="utf-8").splitlines()
    del bbc[4]  # line 5, 'Image source, Getty Images': the caption below it loses its credit
    d = next(d for d in newsclean.clean("\n".join(bbc)).explain() if d.line_no == 5)
    print(d.text, "|", d.role, d.cleaner, d.reason)
    assert printed(capsys) == [
        "caption captions a caption marked as a file photo",
        "Image(caption=\"Terrorist-controlled eastern Aleppo districts as seen from the city's Citadel. (File)\", "
        "credit=None)",
        "Image caption, Hollingsea has flooded three times since 2013 | caption credits a line labelled as a photo "
        "caption",
    ]


#: One example row of docs/cleaners.md: | `file:line` [without `a`, `b`] | `text` | `role` by `cleaner` | reason |
ROW = re.compile(
    r"^\| `(?P<ref>[\w./-]+):(?P<no>\d+)`(?: without (?P<drop>`[\w-]+`(?:, `[\w-]+`)*))? "
    r"\| `(?P<text>.*)` \| `(?P<role>[\w-]+)` by `(?P<cleaner>[\w-]+)` \| (?P<reason>.*) \|$"
)
CATALOGUE = (DOCS / "cleaners.md").read_text(encoding="utf-8")
ROWS = [m for m in map(ROW.match, CATALOGUE.splitlines()) if m]


@cache
def decisions(ref: str, drop: tuple[str, ...]) -> tuple[Decision, ...]:
    """explain() of a fixture page (``html/…`` through clean_html), with the named cleaners dropped."""
    text = (ROOT / "fixtures" / ref).read_text(encoding="utf-8")
    if ref.endswith(".html"):
        return newsclean.clean_html(text, pipeline=html_pipeline().without(*drop)).explain()
    return newsclean.clean(text, pipeline=Pipeline.default().without(*drop)).explain()


def test_catalogue_has_example_rows() -> None:
    """The catalogue's example tables are found (a format change would otherwise test nothing)."""
    assert len(ROWS) >= 60


@pytest.mark.parametrize("row", ROWS, ids=[f"{m['ref']}:{m['no']}" + (" -" + m["drop"] if m["drop"] else "")
                                           for m in ROWS])
def test_catalogue_example_row(row: re.Match[str]) -> None:
    """A catalogue row's line gets the role, cleaner and reason (scores masked) the row says, and quotes its text."""
    drop = tuple(re.findall(r"`([\w-]+)`", row["drop"] or ""))
    d = next(d for d in decisions(row["ref"], drop) if d.line_no == int(row["no"]))
    assert (d.role, d.cleaner, unscored(d.reason)) == (row["role"], row["cleaner"], unscored(row["reason"]))
    text = d.text.replace("\xa0", " ")
    pieces = [p.strip() for p in row["text"].replace("\\|", "|").split("…")]
    assert text.startswith(pieces[0]) and text.endswith(pieces[-1])
    at = 0
    for piece in pieces:
        at = text.index(piece, at) + len(piece)


@pytest.mark.parametrize("page", ["cleaners.md", "writing-a-cleaner.md"])
def test_every_kind_is_documented_once_with_its_meaning(page: str) -> None:
    """Each kind of newsclean.KINDS has exactly one table row on the page, giving its KINDS sentence."""
    lines = (DOCS / page).read_text(encoding="utf-8").splitlines()
    for kind, meaning in KINDS.items():
        rows = [line for line in lines if line.startswith(f"| `{kind}` |")]
        assert len(rows) == 1, kind
        assert rows[0].startswith(f"| `{kind}` | {meaning} |"), kind
