"""WARC input: each HTML response record (HTTP 200) is a page; the rest is skipped and counted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from cleaner.errors import InputError
from cleaner.inputs.document import MAX_INPUT_BYTES
from cleaner.inputs.jsonl import record_relative
from cleaner.inputs.records import capture_date
from cleaner.inputs.source import Source

HTML_TYPES = ("text/html", "application/xhtml")


def read_warc(
    stream: BinaryIO, *, name: str, relative: PurePosixPath, skipped: Counter[str] | None = None
) -> Iterator[Source]:
    """One Source per HTML response record, in order: the target URI is its ``url``, WARC-Date
    its crawl date, WARC-Record-ID its ``id``. The payload is passed on as bytes, with chunked
    and compressed transfer encodings undone; the cleaner finds its character set.

    ``skipped`` counts the other records by reason: ``not_response`` (request, metadata,
    warcinfo …), ``not_200`` (another HTTP status), ``not_html`` (another content type).
    A file that is not a WARC, or breaks off, ends in a Source with its ``error``."""
    skipped = skipped if skipped is not None else Counter()
    position = 0
    try:
        for record in ArchiveIterator(stream):
            if record.format != "warc":  # the reader falls back to the older ARC format on anything
                raise ArchiveLoadFailed("no WARC/1.x record header")
            position += 1
            reason = _not_a_page(record)
            if reason:
                skipped[reason] += 1
                continue
            headers = record.rec_headers
            where = f"{name}:{position}"
            place = record_relative(relative, position)
            try:
                crawl_date = capture_date(headers.get_header("WARC-Date"))
            except InputError:
                crawl_date = None
            yield Source(
                name=where,
                relative=place,
                data=record.content_stream().read(MAX_INPUT_BYTES + 1),  # past the limit: refused as too large
                url=headers.get_header("WARC-Target-URI"),
                id=headers.get_header("WARC-Record-ID"),
                crawl_date=crawl_date,
            )
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        where = f"{name}:{position + 1}" if position else name
        reason = "not a WARC file" if not position else f"cannot read past record {position}"
        yield Source(name=where, relative=record_relative(relative, position + 1), error=f"{reason}: {exc}")


def _not_a_page(record) -> str | None:
    if record.rec_type != "response":
        return "not_response"
    http = record.http_headers
    if http is None:
        return "not_response"
    if http.get_statuscode() != "200":
        return "not_200"
    content_type = (http.get_header("Content-Type") or "").strip().lower()
    if not content_type.startswith(HTML_TYPES):
        return "not_html"
    return None
