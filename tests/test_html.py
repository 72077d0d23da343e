"""clean_html(): small hand-written pages in fixtures/html, one behaviour per test."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import newsclean
from newsclean import Article, Pipeline, clean_html
from newsclean.html import decode_html, html_blocks, html_pipeline

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "scrapinghub"


def page(name: str) -> Article:
    return clean_html((FIXTURES / name).read_bytes())


def kinds(article: Article) -> dict[str, str]:
    """Removed text → its kind."""
    return {r.text: r.kind for r in article.removed}


def test_clean_html_is_exported() -> None:
    """clean_html is part of the package's public API."""
    assert "clean_html" in newsclean.__all__
    assert newsclean.clean_html is clean_html


def test_figcaption_and_credit_become_one_image() -> None:
    """A figcaption and the credit inside it leave the body and become one Image."""
    article = page("figure-credit.html")
    assert newsclean.Image("The turbine housing rises over the east quay on Tuesday morning.",
                           "Jana Novak / Coast Daily") in article.images
    assert not any("turbine housing rises" in p or "Jana Novak" in p for p in article.paragraphs)
    removed = kinds(article)
    assert removed["The turbine housing rises over the east quay on Tuesday morning."] == "caption"
    assert removed["Photo: Jana Novak / Coast Daily"] == "credit"


def test_figure_page_keeps_its_three_paragraphs() -> None:
    """Around a figure, the body's paragraphs are kept whole and in order."""
    article = page("figure-credit.html")
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("The new harbour crane lifted")
    assert article.paragraphs[2].startswith("The port expects")


def test_aside_with_teasers_goes_to_related() -> None:
    """An aside of related-story links inside the body is removed as teasers, headlines kept."""
    article = page("aside-teasers.html")
    assert "River bridge reopens after two years of repairs" in article.related
    assert kinds(article)["Taxi fares rise for the first time since 2019"] == "teaser"
    assert len(article.paragraphs) == 3
    assert not any("Cycle lanes" in p for p in article.paragraphs)


def test_newsletter_box_inside_body_is_chrome() -> None:
    """A newsletter sign-up box between paragraphs is removed; the paragraphs around it stay."""
    article = page("newsletter-in-body.html")
    removed = kinds(article)
    assert removed["Get the morning briefing"] == "chrome"
    assert any("newsletter" in text and kind == "chrome" for text, kind in removed.items())
    assert article.paragraphs[-1].startswith("The council will review")
    assert len(article.paragraphs) == 3


def test_cookie_banner_is_chrome() -> None:
    """A cookie-consent banner is removed as chrome, whatever its length."""
    article = page("cookie-banner.html")
    assert not any("cookies" in p for p in article.paragraphs)
    assert all(r.kind == "chrome" for r in article.removed if "cookie" in r.text.lower())
    assert len(article.paragraphs) == 3


def test_jsonld_metadata_sets_title_byline_and_date() -> None:
    """JSON-LD NewsArticle gives the byline and date; og:title gives the title."""
    article = page("jsonld-metadata.html")
    assert article.title == "Winter ferry timetable cuts two evening crossings"
    assert article.byline == "Maria Lind"
    assert article.published == "2024-11-02T08:30:00Z"


def test_jsonld_article_body_is_not_copied() -> None:
    """The body comes from the page's blocks, not from JSON-LD articleBody (which is cut short)."""
    article = page("jsonld-metadata.html")
    assert article.paragraphs[0].endswith("starting on the first Monday of December.")
    assert len(article.paragraphs) == 2


def test_page_without_article_has_no_paragraphs() -> None:
    """A section page of menus and link lists yields no body at all."""
    article = page("no-article.html")
    assert article.paragraphs == ()
    assert article.title == "Coast Daily: sections"


def test_explain_names_each_block_and_cleaner() -> None:
    """Every block gets one decision, with its tag path and the cleaner that decided it."""
    article = page("aside-teasers.html")
    lines, _ = html_blocks((FIXTURES / "aside-teasers.html").read_bytes())
    decisions = article.explain()
    assert [d.line_no for d in decisions] == [line.no for line in lines]
    assert all(d.where for d in decisions)
    teaser = next(d for d in decisions if d.text.startswith("Taxi fares"))
    assert teaser.where == "aside.related-stories>ul>li"
    assert teaser.cleaner == "structure"


def test_blocks_carry_structural_hints() -> None:
    """Blocks carry their tag, their furniture context and whether they sit in the content."""
    lines, _ = html_blocks((FIXTURES / "aside-teasers.html").read_bytes())
    teaser = next(line for line in lines if line.raw.startswith("River bridge"))
    assert {"li", "aside", "related", "link-dense", "in-content"} <= teaser.hints
    body = next(line for line in lines if line.raw.startswith("Night buses will run"))
    assert {"p", "article", "in-content"} <= body.hints
    assert "link-dense" not in body.hints


def test_inline_markup_joins_words_as_a_browser_does() -> None:
    """Inline elements join without spaces; block elements and <br> split blocks."""
    lines, _ = html_blocks("<p>Ex<b>amp</b>le <a href='#'>link</a> text.<br>Next line here.</p><div>Other</div>")
    assert [line.raw for line in lines] == ["Example link text.", "Next line here.", "Other"]


def test_scripts_styles_and_hidden_blocks_are_dropped() -> None:
    """script, style, template, svg and hidden elements give no block."""
    html = ("<body><script>var x = 1;</script><style>p {}</style><template><p>T</p></template>"
            "<svg><text>S</text></svg><div hidden>H</div><div style='display: none'>N</div><p>Kept</p></body>")
    lines, _ = html_blocks(html)
    assert [line.raw for line in lines] == ["Kept"]


def test_bytes_follow_meta_charset() -> None:
    """Bytes declaring a charset in <meta> are decoded with it."""
    raw = '<html><head><meta charset="windows-1252"></head><body><p>Café</p></body></html>'.encode("cp1252")
    assert "Café" in decode_html(raw)


def test_bytes_with_bom_win_over_meta() -> None:
    """A byte-order mark decides the encoding before any <meta> does."""
    raw = b"\xef\xbb\xbf" + '<meta charset="latin-1"><p>Grüße</p>'.encode()
    assert "Grüße" in decode_html(raw)


def test_undeclared_bytes_are_utf8_with_replacement() -> None:
    """Bytes without a declaration are UTF-8, invalid sequences replaced."""
    assert decode_html(b"<p>ok \xff</p>") == "<p>ok \ufffd</p>"


def test_non_text_input_raises_type_error_naming_the_type() -> None:
    """Anything but str or bytes raises TypeError with the type's name."""
    with pytest.raises(TypeError, match="int"):
        clean_html(42)  # type: ignore[arg-type]


def test_html_pipeline_runs_structure_after_language() -> None:
    """The HTML pipeline is the default one with Structure right after language detection."""
    names = html_pipeline().names
    assert names[names.index("language") + 1] == "structure"
    assert set(Pipeline.default().names) <= set(names)


def test_html_pipeline_guards_the_container_before_body() -> None:
    """When the default pipeline has a body classifier, the structure guard runs right before it."""
    names = html_pipeline().names
    if "body" in Pipeline.default().names:
        assert names[names.index("body") - 1] == "structure-guard"
    else:
        assert "structure-guard" not in names


def test_custom_pipeline_is_used() -> None:
    """A pipeline without the structure cleaner leaves furniture to the text cleaners."""
    article = clean_html((FIXTURES / "aside-teasers.html").read_bytes(), pipeline=Pipeline.default())
    assert all(d.cleaner != "structure" for d in article.explain())


def test_url_is_accepted() -> None:
    """url= is accepted and does not change the result."""
    raw = (FIXTURES / "cookie-banner.html").read_bytes()
    assert clean_html(raw, url="https://example.org/a").paragraphs == clean_html(raw).paragraphs


@pytest.mark.skipif(not (CORPUS / "truth.jsonl").exists(), reason="needs ../shared/corpus")
def test_real_pages_clean_without_error() -> None:
    """The first real pages of the shared corpus clean, each to a non-empty body."""
    lines = (CORPUS / "truth.jsonl").read_text(encoding="utf-8").splitlines()[:10]
    for line in lines:
        page_id = json.loads(line)["id"]
        html = gzip.decompress((CORPUS / f"{page_id}.html.gz").read_bytes())
        assert clean_html(html).paragraphs, page_id


def test_latin1_label_means_windows_1252() -> None:
    """A page labelled latin-1 is decoded as windows-1252, as browsers do (curly quotes survive)."""
    assert decode_html(b'<meta charset="iso-8859-1"><p>\x93Hi\x94</p>').endswith("<p>\u201cHi\u201d</p>")


def test_structure_leaves_text_input_alone() -> None:
    """On text input (lines without hints) the structure cleaner decides nothing."""
    from newsclean.cleaners.structure import Structure

    text = "City opens three new libraries\nShare\n\nThe city opened three libraries on Monday, officials said.\n"
    with_structure = Pipeline.default().insert(Structure(), after="language")
    assert newsclean.clean(text, pipeline=with_structure) == newsclean.clean(text)
