"""What an earlier run already wrote, so that running the same command again does only the rest."""

from __future__ import annotations

import json
import os
from pathlib import Path


def jsonl_ids(path: Path) -> set[str]:
    """The ``id`` of every complete line of a JSONL output. A last line without its newline
    (a run killed mid-write) is cut off, so that appending goes on from a whole line."""
    ids: set[str] = set()
    if not path.is_file():
        return ids
    complete = 0
    with path.open("rb") as stream:
        for line in stream:
            if not line.endswith(b"\n"):
                break
            complete += len(line)
            try:
                value = json.loads(line).get("id")
            except (ValueError, AttributeError):
                continue
            if isinstance(value, str):
                ids.add(value)
    if complete < path.stat().st_size:
        os.truncate(path, complete)
    return ids


def is_fresh(output: Path, input_mtime: float | None) -> bool:
    """The output exists and is not older than its input."""
    if input_mtime is None:
        return False
    try:
        return output.stat().st_mtime >= input_mtime
    except OSError:
        return False
