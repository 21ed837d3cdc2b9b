"""Cleaning past one machine with Ray Data: the same pure per-document function as a dataset map.

Two ways in:

* ``clean_batch`` / ``CleanBatch`` for ``Dataset.map_batches`` over records in the JSONL
  record schema (``id``, ``url``, ``html`` | ``text`` | ``content``, ``crawl_date``). Each
  row comes out as the article's fields plus an ``error`` column, null unless the row
  failed; a bad row never fails the batch.
* ``clean_on_ray(sources, options)`` for a run's stream of ``Source``s (what ``--engine ray``
  uses): Outcomes in input order, equal to the local engine's, with bounded memory.

Workers read input files themselves, so on a cluster the paths must be on storage every
node sees (a shared file system); in-memory sources travel with their data.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import PurePosixPath
from types import ModuleType
from typing import Any

from cleaner.engines.local import Options, Outcome, Source, clean_source, registry_for
from cleaner.errors import CleanerError
from cleaner.inputs.records import DEFAULT_FIELDS, RecordFields, record_source


class RayMissing(CleanerError):
    """The optional ``ray`` extra is not installed."""


def require_ray() -> ModuleType:
    """The ``ray`` module (with Ray Data), or RayMissing naming the install command the README gives."""
    try:
        import ray
        import ray.data  # Ray Data needs ray's own `data` extra (pyarrow, pandas)
    except ImportError:
        raise RayMissing('--engine ray needs Ray, which is not installed: pip install ".[ray]"') from None
    return ray


# --- map_batches over records ------------------------------------------------------------


def article_schema(*, audit: bool = False) -> Any:
    """The pyarrow schema of what ``clean_batch`` returns: the article's fields in the order
    of Article.to_dict, then ``error``. Every column has an explicit type, so a batch made
    only of failed rows (all nulls) still concatenates with the others."""
    import pyarrow as pa

    text, texts = pa.string(), pa.list_(pa.string())
    columns = [
        *((name, text) for name in ("id", "source", "site", "site_name", "layout", "url", "canonical_url")),
        *(("title", text), ("subtitle", text), ("authors", texts)),
        *((name, text) for name in ("published", "updated", "crawl_date")),
        *(("tags", texts), ("image_caption", text), ("language", text), ("text", text)),
        ("blocks", pa.list_(pa.struct([("type", text), ("text", text)]))),
        ("warnings", texts),
    ]
    if audit:
        removal = pa.struct([("rule", text), ("line", pa.int64()), ("chars", pa.int64()), ("text", text)])
        columns.append(("removed", pa.list_(removal)))
    columns.append(("error", text))
    return pa.schema(columns)


def clean_batch(
    batch: Any, *, options: Options | None = None, fields: RecordFields = DEFAULT_FIELDS
) -> Any:  # pyarrow.Table
    """Clean one batch of records (a pyarrow Table, a pandas DataFrame or a dict of columns:
    any ``batch_format``) into a pyarrow Table of ``article_schema`` columns, one row per record.

    A record that cannot be read or cleaned keeps its ``id`` and ``url`` and gets the reason
    in ``error``; the other columns are null. A record without an id is named by its url
    (Ray Data rows have no global position), else by its place in the batch."""
    import pyarrow as pa

    options = options or Options()
    schema = article_schema(audit=options.audit)
    rows: dict[str, list[Any]] = {name: [] for name in schema.names}
    for position, record in enumerate(_records(batch)):
        article, error = _clean_record(record, position, options, fields)
        for name in schema.names:
            rows[name].append(error if name == "error" else article.get(name))
    return pa.Table.from_pydict(rows, schema=schema)


class CleanBatch:
    """``clean_batch`` as a callable class for ``map_batches(CleanBatch, concurrency=N)``:
    each Ray actor loads the rule registry once, when it starts."""

    def __init__(self, options: Options | None = None, fields: RecordFields = DEFAULT_FIELDS) -> None:
        self.options = options or Options()
        self.fields = fields
        registry_for(self.options)

    def __call__(self, batch: Any) -> Any:
        return clean_batch(batch, options=self.options, fields=self.fields)


def _clean_record(
    record: Mapping[str, Any], position: int, options: Options, fields: RecordFields
) -> tuple[dict[str, Any], str | None]:
    if record.get(fields.id) is None and isinstance(record.get(fields.url), str):
        record = {**record, fields.id: record[fields.url]}
    try:
        source = record_source(record, position, fields)
    except CleanerError as exc:
        url = record.get(fields.url)
        raw_id = record.get(fields.id)
        return {"id": None if raw_id is None else str(raw_id), "url": url if isinstance(url, str) else None}, str(exc)
    outcome = clean_source(source, options)
    if outcome.article is None:
        return {"id": source.id or source.name, "url": source.url}, outcome.error or "unknown error"
    return outcome.article, None


def _records(batch: Any) -> Iterator[dict[str, Any]]:
    """Rows of a batch in any of Ray Data's batch formats, as the plain values of a JSON record."""
    if hasattr(batch, "to_pylist"):  # pyarrow.Table
        columns = {name: batch.column(name).to_pylist() for name in batch.column_names}
    elif hasattr(batch, "columns") and hasattr(batch, "iloc"):  # pandas.DataFrame
        columns = {str(name): batch[name].tolist() for name in batch.columns}
    else:  # dict of numpy arrays or lists
        columns = {name: _column_values(values) for name, values in batch.items()}
    names = list(columns)
    for values in zip(*columns.values(), strict=True):
        yield {name: _plain(value) for name, value in zip(names, values, strict=True)}


def _column_values(values: Any) -> list[Any]:
    if getattr(getattr(values, "dtype", None), "kind", None) == "M":  # numpy datetime64: to datetime, not int
        values = values.astype("datetime64[us]")
    return values.tolist() if hasattr(values, "tolist") else list(values)


def _plain(value: Any) -> Any:
    """What the JSON line held: pandas' gaps (NaN, pd.NA) are None, and a date that Ray's JSON
    reader turned into a timestamp is ISO 8601 text again."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, date):  # datetime and pandas.Timestamp too
        return value.isoformat()
    return value


# --- a run's Sources (--engine ray) ------------------------------------------------------


def clean_on_ray(
    sources: Iterable[Source],
    options: Options,
    *,
    address: str | None = None,
    chunk_size: int = 1024,
    chunk_bytes: int = 64 << 20,
    batch_size: int = 16,
) -> Iterator[Outcome]:
    """Outcomes in input order, one per source, as ``clean_many`` gives them.

    Joins the cluster at ``address`` (``auto``, ``ray://…``) or starts a local Ray. The
    sources are read lazily, ``chunk_size`` at a time (fewer when their in-memory data
    passes ``chunk_bytes``); each chunk is one Ray dataset whose rows are cleaned in batches
    of ``batch_size`` and come back in order, so the driver's memory stays bounded on any
    corpus size. Raises CleanerError at once when Ray is missing."""
    ray = require_ray()
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
    return _stream(ray, sources, options, chunk_size, chunk_bytes, batch_size, quiet=started_here)


def _stream(
    ray: ModuleType,
    sources: Iterable[Source],
    options: Options,
    chunk_size: int,
    chunk_bytes: int,
    batch_size: int,
    *,
    quiet: bool,
) -> Iterator[Outcome]:
    import pyarrow as pa

    with _ray_data_logs_quiet(quiet):
        for chunk in _chunks(sources, chunk_size, chunk_bytes):
            blocks = [
                pa.Table.from_pylist(
                    [_source_row(index, chunk[index]) for index in range(start, min(start + batch_size, len(chunk)))],
                    schema=_source_schema(),
                )
                for start in range(0, len(chunk), batch_size)
            ]
            dataset = ray.data.from_arrow(blocks).map_batches(
                _clean_source_rows, fn_kwargs={"options": options}, batch_format="pyarrow", batch_size=batch_size
            )
            dataset.context.execution_options.preserve_order = True
            dataset.context.enable_progress_bars = False
            for expected, row in enumerate(dataset.iter_rows()):
                if row["index"] != expected:  # preserve_order guarantees it; a wrong pairing must not pass silently
                    raise CleanerError(f"Ray returned page {row['index']} where page {expected} was due")
                article = json.loads(row["article"]) if row["article"] is not None else None
                yield Outcome(chunk[expected], article=article, error=row["error"])


def _chunks(sources: Iterable[Source], size: int, max_bytes: int) -> Iterator[list[Source]]:
    chunk: list[Source] = []
    held = 0
    for source in sources:
        chunk.append(source)
        held += len(source.data) if source.data is not None else 0
        if len(chunk) >= size or held >= max_bytes:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def _source_schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("index", pa.int64()),
            ("name", pa.string()),
            ("relative", pa.string()),
            ("path", pa.string()),
            # A Source's data is bytes or str; a column has one type, so each has its own.
            ("data", pa.binary()),
            ("text", pa.string()),
            ("url", pa.string()),
            ("id", pa.string()),
            ("crawl_date", pa.string()),
            # A page its reader could not make (a bad record): the reason, passed through.
            ("error", pa.string()),
        ]
    )


def _source_row(index: int, source: Source) -> dict[str, Any]:
    return {
        "index": index,
        "name": source.name,
        "relative": str(source.relative),
        "path": source.path,
        "data": source.data if isinstance(source.data, bytes) else None,
        "text": source.data if isinstance(source.data, str) else None,
        "url": source.url,
        "id": source.id,
        "crawl_date": source.crawl_date,
        "error": source.error,
    }


def _clean_source_rows(batch: Any, options: Options) -> Any:
    """Worker side: rebuild each Source, clean it, return (index, article as JSON, error).

    The article travels as its JSON text, so the driver gets back exactly the dict the local
    engine makes (field order, nulls, nested blocks and audit records included)."""
    import pyarrow as pa

    indices: list[int] = []
    articles: list[str | None] = []
    errors: list[str | None] = []
    for row in batch.to_pylist():
        data = row["data"] if row["data"] is not None else row["text"]
        source = Source(
            name=row["name"],
            relative=PurePosixPath(row["relative"]),
            path=row["path"],
            data=data,
            url=row["url"],
            id=row["id"],
            crawl_date=row["crawl_date"],
            error=row["error"],
        )
        outcome = clean_source(source, options)
        indices.append(row["index"])
        articles.append(None if outcome.article is None else json.dumps(outcome.article, ensure_ascii=False))
        errors.append(outcome.error)
    return pa.table(
        {"index": indices, "article": articles, "error": errors},
        schema=pa.schema([("index", pa.int64()), ("article", pa.string()), ("error", pa.string())]),
    )


@contextmanager
def _ray_data_logs_quiet(quiet: bool) -> Iterator[None]:
    """Ray Data logs each dataset's start and end; a CLI run that started Ray says nothing of it."""
    logger = logging.getLogger("ray.data")
    previous = logger.level
    if quiet:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)
