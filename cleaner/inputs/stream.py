"""One stream of sources from the inputs of a run: page files as they are, JSONL and WARC
files (and standard input) opened lazily into their records, in order."""

from __future__ import annotations

import gzip
import io
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import BinaryIO, Literal

from cleaner.inputs.jsonl import read_jsonl
from cleaner.inputs.records import DEFAULT_FIELDS, RecordFields
from cleaner.inputs.source import Source
from cleaner.inputs.warc import read_warc

InputFormat = Literal["auto", "page", "jsonl", "warc"]
INPUT_FORMATS: tuple[str, ...] = ("auto", "page", "jsonl", "warc")
#: The name standard input goes by in the run report.
STDIN = "<stdin>"

_RECORD_SUFFIXES = {"jsonl": (".jsonl", ".ndjson"), "warc": (".warc",)}


def container_format(name: str, input_format: str) -> str:
    """How one input is read: ``page`` (the whole file is one page), ``jsonl`` or ``warc``.
    ``auto`` goes by the name: ``.jsonl``/``.ndjson`` and ``.warc``, each also with ``.gz``."""
    if input_format != "auto":
        return input_format
    lowered = name.lower().removesuffix(".gz")
    for kind, suffixes in _RECORD_SUFFIXES.items():
        if lowered.endswith(suffixes):
            return kind
    return "page"


def expand(
    sources: Iterable[Source],
    input_format: str = "auto",
    *,
    fields: RecordFields = DEFAULT_FIELDS,
    skipped_records: Counter[str] | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Source]:
    """The pages of ``sources``, in order: a page file stays one source, a JSONL or WARC file
    gives one source per record, read as a stream. Standard input (a source named STDIN with
    neither path nor data) is read in the same way."""
    for source in sources:
        is_stdin = source.name == STDIN and source.path is None and source.data is None
        kind = container_format("" if is_stdin else source.name, input_format)
        if source.error is not None or kind == "page":
            if is_stdin:
                source = Source(name=STDIN, relative=source.relative, data=(stdin or sys.stdin.buffer).read())
            yield source
            continue
        try:
            stream = (stdin or sys.stdin.buffer) if is_stdin else open(source.path or "", "rb")  # noqa: SIM115
        except OSError as exc:
            yield Source(name=source.name, relative=source.relative, error=f"cannot read: {exc.strerror or exc}")
            continue
        try:
            if kind == "warc":
                yield from read_warc(stream, name=source.name, relative=source.relative, skipped=skipped_records)
            else:
                yield from read_jsonl(_gunzipped(stream), name=source.name, relative=source.relative, fields=fields)
        finally:
            if not is_stdin:
                stream.close()


def _gunzipped(stream: BinaryIO) -> BinaryIO:
    """The stream, decompressed when it starts with the gzip magic number."""
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)  # type: ignore[arg-type,type-var]
    if buffered.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=buffered)  # type: ignore[return-value]
    return buffered


def stdin_source() -> Source:
    return Source(name=STDIN, relative=PurePosixPath("stdin"))
