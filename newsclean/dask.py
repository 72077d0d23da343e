"""Clean a corpus on a Dask cluster: a bag of records, or a DataFrame column of texts or HTML.

    import json
    import dask.bag as db
    from dask.distributed import Client
    from newsclean.dask import clean_bag

    with Client("scheduler:8786"):
        lines = db.read_text("crawl-*.jsonl", blocksize="64MiB")
        clean_bag(lines, json_lines=True).map(json.dumps).to_textfiles("clean-*.jsonl")

Each partition is cleaned by one task (``map_partitions``), so the default pipeline is built once
per worker process, not once per record. Install with ``pip install 'newsclean[dask]'``.
:func:`clean_pandas` is the per-partition function; it needs pandas only, not Dask, and is the
body of the PySpark pandas UDF in ``docs/scale-out.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from .cli import clean_document

__all__ = ["FIELDS", "clean_bag", "clean_column", "clean_pandas", "clean_record", "clean_records"]

#: Columns :func:`clean_column` and :func:`clean_pandas` return by default.
FIELDS: tuple[str, ...] = ("title", "byline", "language", "text")
_ROUTES = ("auto", "text", "html")


def _check_route(route: str) -> None:
    if route not in _ROUTES:
        raise ValueError(f"route must be one of {_ROUTES}, got {route!r}")


def clean_record(
    record: Any,
    *,
    route: str = "auto",
    text_field: str = "text",
    html_field: str = "html",
    id_field: str = "id",
    json_lines: bool = False,
) -> dict[str, Any]:
    """Clean one bag item: a page, or a ``{"id", "text"|"html"}`` record, as the CLI reads them.

    With ``json_lines`` a string item is a JSONL line holding such a record. Returns
    ``{"id": ..., **Article.to_dict()}``. An item that cannot be cleaned (bad JSON, wrong type,
    missing field, cleaner crash) gives ``{"id": ..., "error": reason}``, so one bad page does
    not fail the whole job.
    """
    _check_route(route)
    record_id = None
    try:
        if json_lines and isinstance(record, (str, bytes)):
            try:
                record = json.loads(record)
            except ValueError as e:
                raise ValueError(f"bad JSON: {e}") from None
        if isinstance(record, str):
            text, how = record, route
        elif isinstance(record, dict):
            record_id = record.get(id_field)
            if html_field in record:
                field, how = html_field, ("html" if route == "auto" else route)
            elif text_field in record:
                field, how = text_field, route
            else:
                raise ValueError(f"no {text_field!r} or {html_field!r} field")
            text = record[field]
            if not isinstance(text, str):
                raise TypeError(f"field {field!r} is {type(text).__name__}, not str")
        else:
            raise TypeError(f"a record is a str or a dict, not {type(record).__name__}")
        return {"id": record_id, **clean_document(text, how).to_dict()}
    except Exception as e:  # reported in the output, like the CLI's skipped records
        return {"id": record_id, "error": f"{type(e).__name__}: {e}"}


def clean_records(records: Iterable[Any], **options: Any) -> list[dict[str, Any]]:
    """Clean one partition of a bag (a list of items); the function :func:`clean_bag` maps."""
    return [clean_record(r, **options) for r in records]


def clean_bag(
    bag: Any,
    *,
    route: str = "auto",
    text_field: str = "text",
    html_field: str = "html",
    id_field: str = "id",
    json_lines: bool = False,
) -> Any:
    """A ``dask.bag.Bag`` of cleaned records (dicts), one per input item, in the bag's order.

    Items are pages (str), ``{"id", "text"|"html"}`` dicts, or with ``json_lines`` the lines of
    JSONL files (``db.read_text``); see :func:`clean_record`.
    """
    _check_route(route)
    return bag.map_partitions(
        clean_records,
        route=route,
        text_field=text_field,
        html_field=html_field,
        id_field=id_field,
        json_lines=json_lines,
    )


def clean_pandas(texts: Any, *, route: str = "auto", fields: Sequence[str] = FIELDS) -> Any:
    """Clean a ``pandas.Series`` of texts (or HTML) into a ``pandas.DataFrame`` of ``fields``.

    The index is kept. Missing values (None, NaN) give missing fields. Lists (``paragraphs``) and
    nested values (``removed``) stay Python objects; ``text`` is the body as one string.
    """
    import pandas as pd

    _check_route(route)
    rows = []
    for value in texts:
        if isinstance(value, str):
            data = clean_document(value, route).to_dict()
            rows.append([data[f] for f in fields])
        else:
            rows.append([None] * len(fields))
    return pd.DataFrame(rows, index=texts.index, columns=list(fields), dtype=object)


def _meta(fields: Sequence[str]) -> Any:
    import pandas as pd

    return pd.DataFrame({f: pd.Series([], dtype=object) for f in fields})


def clean_column(frame: Any, column: str | None = None, *, route: str = "auto", fields: Sequence[str] = FIELDS) -> Any:
    """Clean a Dask DataFrame column (or a Dask Series) into a Dask DataFrame of ``fields``.

    The result has the input's index and partitions, so ``frame.join(clean_column(frame, "html"))``
    puts the article next to its record.
    """
    _check_route(route)
    unknown = [f for f in fields if f not in _ARTICLE_FIELDS]
    if unknown:
        raise ValueError(f"unknown fields {unknown}; choose from {sorted(_ARTICLE_FIELDS)}")
    series = frame if column is None else frame[column]
    return series.map_partitions(clean_pandas, route=route, fields=tuple(fields), meta=_meta(fields))


_ARTICLE_FIELDS = frozenset(
    ("title", "dek", "byline", "dateline", "paragraphs", "images", "related", "language", "removed", "text")
)
