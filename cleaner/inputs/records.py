"""Records: a page that arrives as a mapping (a JSONL line, a WARC record, a pipeline's row).

The record schema is the one JSONL input uses: ``id``, ``url``, ``html`` or ``text`` (or
``content``), optional ``crawl_date``. The field names can be changed with RecordFields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from cleaner.errors import InputError
from cleaner.inputs.source import Source


@dataclass(frozen=True, slots=True)
class RecordFields:
    """Which fields of a record hold what; ``content`` is tried in order, the first present wins."""

    id: str = "id"
    url: str = "url"
    content: tuple[str, ...] = ("html", "text", "content")
    crawl_date: str = "crawl_date"


DEFAULT_FIELDS = RecordFields()


def record_source(record: Mapping[str, Any], index: int = 0, fields: RecordFields = DEFAULT_FIELDS) -> Source:
    """The Source for one record; ``index`` (its position in the input) names it when it has no id.

    Raise InputError when the record is not a mapping or holds no page."""
    if not isinstance(record, Mapping):
        raise InputError(f"a record must be a JSON object, not {type(record).__name__}")
    content = next((record[name] for name in fields.content if record.get(name) is not None), None)
    if content is None:
        raise InputError(f"the record has no content field ({', '.join(fields.content)})")
    if not isinstance(content, str | bytes):
        raise InputError(f"the record's content is a {type(content).__name__}, not text")
    raw_id = record.get(fields.id)
    doc_id = None if raw_id is None else str(raw_id)
    name = doc_id if doc_id is not None else str(index)
    url = record.get(fields.url)
    crawl_date = capture_date(record.get(fields.crawl_date))
    return Source(
        name=name,
        relative=PurePosixPath(name),
        data=content,
        url=url if isinstance(url, str) else None,
        id=doc_id,
        crawl_date=crawl_date,
    )


def capture_date(value: Any) -> str | None:
    """YYYY-MM-DD from an ISO 8601 date or date-time (WARC-Date is one); InputError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).date().isoformat()
        except ValueError:
            pass
    raise InputError(f"crawl_date {value!r} is not an ISO 8601 date")
