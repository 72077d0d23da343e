"""The Dask integration, on a real two-worker ``distributed.LocalCluster`` (skipped without dask)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean.dask import clean_bag, clean_column, clean_pandas, clean_record

pd = pytest.importorskip("pandas")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

PAGES = [
    "Storm closes harbour for second day\nBy Ana Ruiz\nShare\n\nThe harbour stayed shut on Tuesday as winds rose.\n",
    "City opens three new libraries downtown\n\nThe city opened three libraries on Monday, officials said.\n",
    "Rail strike ends after talks\nAdvertisement\n\nUnions and the operator agreed a deal late on Sunday night.\n",
]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A real cluster: two worker processes, one thread each, no dashboard; patient on a busy machine."""
    import dask

    with (
        dask.config.set({"distributed.comm.timeouts.connect": "60s", "distributed.deploy.lost-worker-timeout": "60s"}),
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, timeout=120
        ) as cluster,
        distributed.Client(cluster, timeout=120) as client,
    ):
        yield client


def test_bag_of_records_is_cleaned_in_order_with_ids(client: Any) -> None:
    """A bag of ``{"id", "text"}`` records comes back cleaned, one per record, ids carried, in order."""
    records = [{"id": i, "text": PAGES[i % 3]} for i in range(12)]
    out = clean_bag(db.from_sequence(records, npartitions=4)).compute()
    assert [r["id"] for r in out] == list(range(12))
    assert [r["text"] for r in out] == [newsclean.clean(PAGES[i % 3]).text for i in range(12)]


def test_the_work_runs_on_both_workers(client: Any) -> None:
    """Partitions are spread over the cluster's two worker processes."""
    bag = clean_bag(db.from_sequence(PAGES * 8, npartitions=8)).persist()
    distributed.wait(bag)
    workers = {w for keys in client.who_has(bag).values() for w in keys}
    assert len(workers) == 2


def test_jsonl_files_are_read_line_by_line(client: Any, tmp_path: Path) -> None:
    """With ``json_lines``, the lines of JSONL files are records; a bad line becomes an error record."""
    lines = [json.dumps({"id": i, "text": PAGES[i % 3]}) for i in range(6)]
    lines[4] = "not json"
    (tmp_path / "crawl.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = clean_bag(db.read_text(str(tmp_path / "*.jsonl")), json_lines=True).compute()
    assert [r["id"] for r in out] == [0, 1, 2, 3, None, 5]
    assert out[4]["error"].startswith("ValueError: bad JSON")
    assert out[5]["text"] == newsclean.clean(PAGES[2]).text


def test_bag_of_strings_is_cleaned(client: Any) -> None:
    """Plain strings in a bag are cleaned too, with a null id."""
    out = clean_bag(db.from_sequence(PAGES, npartitions=2)).compute()
    assert [(r["id"], r["title"]) for r in out] == [(None, newsclean.clean(p).title) for p in PAGES]


def test_a_broken_record_becomes_an_error_record(client: Any) -> None:
    """A record without a text field gives ``{"id", "error"}`` instead of failing the job."""
    out = clean_bag(db.from_sequence([{"id": "a", "text": PAGES[0]}, {"id": "b"}], npartitions=1)).compute()
    assert out[1] == {"id": "b", "error": "ValueError: no 'text' or 'html' field"}


def test_dataframe_column_gives_fields_on_the_same_index(client: Any) -> None:
    """A Dask DataFrame column is cleaned into title/byline/language/text columns on the input's index."""
    frame = dd.from_pandas(pd.DataFrame({"text": PAGES}, index=[10, 20, 30]), npartitions=2)
    out = clean_column(frame, "text").compute()
    assert list(out.columns) == ["title", "byline", "language", "text"]
    assert list(out.index) == [10, 20, 30]
    assert list(out["text"]) == [newsclean.clean(p).text for p in PAGES]


def test_clean_pandas_leaves_missing_values_missing() -> None:
    """In a pandas Series, None gives a row of missing fields rather than an error."""
    out = clean_pandas(pd.Series([PAGES[0], None]), fields=("title",))
    assert list(out["title"]) == [newsclean.clean(PAGES[0]).title, None]


def test_unknown_field_is_rejected() -> None:
    """Asking for a field an Article does not have fails before any work is scheduled."""
    with pytest.raises(ValueError, match="unknown fields"):
        clean_column(dd.from_pandas(pd.DataFrame({"text": PAGES}), npartitions=1), "text", fields=("body",))


def test_html_field_goes_to_the_html_route(monkeypatch: pytest.MonkeyPatch) -> None:
    """A record with an ``html`` field is cleaned by ``clean_html``."""
    monkeypatch.setattr(newsclean, "clean_html", lambda html: newsclean.Article(paragraphs=("h",)), raising=False)
    assert clean_record({"id": 1, "html": "<p>x</p>"})["text"] == "h"
