"""One input of a run, before it is read: a file, standard input, or an in-memory record."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file (``path``), standard input (``data``), or an in-memory record."""

    name: str  # what the run report calls it
    relative: PurePosixPath  # where its output goes below the output directory
    path: str | None = None
    data: bytes | str | None = None
    url: str | None = None
    #: A record's own id (JSONL, WARC); None for files.
    id: str | None = None
    #: The capture date a record carries (YYYY-MM-DD).
    crawl_date: str | None = None
    #: Why this input cannot be cleaned, found while reading it (a JSONL line that is not a
    #: record): it becomes a failed outcome in its place in the run, and the run goes on.
    error: str | None = None
