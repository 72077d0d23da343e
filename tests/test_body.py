"""The body cleaner's guard: clean text is left alone, unless a line of it is code."""

from __future__ import annotations

import json

import newsclean
from newsclean.cleaners.body import has_furniture, open_lines
from newsclean.lines import split_lines
from newsclean.pipeline import Pipeline

ARTICLE = [
    "The harbour authority said on Monday that the new ferry terminal would open in the spring, two years late.",
    "Engineers blamed the delay on soft ground under the old quay, which had to be rebuilt from the seabed up.",
    "Local traders, who lost most of their summer custom to the works, asked the city for a rent holiday.",
]
SCRIPT = "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} " * 4
DATA = "meta: " + json.dumps({"blog": {"id": "4", "name": "harbour", "hosts": ["a", "b"], "count": 12}} | {
    f"key{n}": {"id": n, "label": "x"} for n in range(12)})


def furniture(text: str) -> bool:
    draft = Pipeline.default().without("body").run(split_lines(text))
    return has_furniture(draft, open_lines(draft))


def test_clean_text_has_no_furniture_and_is_kept_whole() -> None:
    text = "\n\n".join(ARTICLE)
    assert not furniture(text)
    assert newsclean.clean(text).paragraphs == tuple(ARTICLE)


def test_a_script_or_json_line_is_furniture_and_the_classifier_removes_it() -> None:
    for blob in (SCRIPT, DATA):
        text = "\n\n".join([*ARTICLE, blob])
        assert furniture(text), blob[:30]
        article = newsclean.clean(text)
        assert blob.strip() not in article.paragraphs
        assert next(r for r in article.removed if r.text == blob.strip()).cleaner == "body"


def test_prose_with_quotes_and_brackets_is_not_code() -> None:
    quoted = ('"We have waited long enough," she said; the council (which meets on Thursday) agreed: "no more '
              'delays." ' * 3)
    assert not furniture("\n\n".join([*ARTICLE, quoted]))
