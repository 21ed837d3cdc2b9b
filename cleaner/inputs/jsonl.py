"""JSONL input: one record a line, read as a stream (one line in memory at a time)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import BinaryIO

from cleaner.errors import InputError
from cleaner.inputs.records import DEFAULT_FIELDS, RecordFields, record_source
from cleaner.inputs.source import Source


def record_relative(container: PurePosixPath, position: int) -> PurePosixPath:
    """Where a record's output goes below an output directory, and its ``source``: the
    container's path without its extensions, then the record's position (``crawl/17``)."""
    name = container.name
    for suffix in (".gz", ".jsonl", ".ndjson", ".json", ".warc"):
        name = name.removesuffix(suffix)
    return container.with_name(name or container.name) / str(position)


def read_jsonl(
    stream: BinaryIO, *, name: str, relative: PurePosixPath, fields: RecordFields = DEFAULT_FIELDS
) -> Iterator[Source]:
    """One Source per non-empty line, in order. A line that is not a record (not JSON, not an
    object, no content field) becomes a Source with its ``error`` and the run goes on; each
    is named ``FILE:LINE``."""
    number = 0
    try:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                yield _line_source(line, number, name, relative, fields)
    except (OSError, EOFError) as exc:  # a corrupt or cut-off .gz
        where = f"{name}:{number + 1}"
        yield Source(name=where, relative=record_relative(relative, number + 1), error=f"cannot read: {exc}")


def _line_source(line: bytes, number: int, name: str, relative: PurePosixPath, fields: RecordFields) -> Source:
    where = f"{name}:{number}"
    place = record_relative(relative, number)
    try:
        record = json.loads(line)
        source = record_source(record, number, fields)
    except (ValueError, InputError) as exc:
        reason = str(exc) if isinstance(exc, InputError) else f"not JSON: {exc}"
        return Source(name=where, relative=place, error=reason)
    return dataclasses.replace(source, name=where, relative=place)
