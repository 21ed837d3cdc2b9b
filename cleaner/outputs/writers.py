"""Serialising Articles: json, jsonl, txt, md (YAML front matter + body); atomic file writes."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, TextIO

Format = Literal["json", "jsonl", "txt", "md"]
FORMATS: tuple[str, ...] = ("json", "jsonl", "txt", "md")
EXTENSIONS: dict[str, str] = {"json": ".json", "jsonl": ".jsonl", "txt": ".txt", "md": ".md"}

# Front matter fields, in order; values are written as JSON scalars/lists, which YAML reads.
_FRONT_MATTER = (
    "title",
    "subtitle",
    "authors",
    "published",
    "updated",
    "site",
    "site_name",
    "url",
    "canonical_url",
    "crawl_date",
    "tags",
    "image_caption",
    "language",
    "source",
    "warnings",
)


def render(data: dict[str, Any], fmt: str) -> str:
    """One article as the text of one output (jsonl: one line, newline included)."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(data, ensure_ascii=False) + "\n"
    if fmt == "txt":
        return data["text"] + "\n"
    if fmt == "md":
        return _markdown(data)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


#: Between two pages of text on standard output: a line holding a form feed (U+000C), the
#: plain-text page break. It never occurs inside a page: article text has all white space folded.
PAGE_BREAK = "\f\n"


def render_titled(data: dict[str, Any]) -> str:
    """One page of a text stream: the title on the first line (empty when there is none),
    a blank line, the body."""
    title = " ".join((data.get("title") or "").split())
    return f"{title}\n\n{data['text']}\n"


def _markdown(data: dict[str, Any]) -> str:
    lines = ["---"]
    lines += [f"{key}: {json.dumps(data.get(key), ensure_ascii=False)}" for key in _FRONT_MATTER]
    lines.append("---")
    body = []
    for block in data["blocks"]:
        if block["type"] == "heading":
            body.append(f"## {block['text']}")
        elif block["type"] == "quote":
            body.append(f"> {block['text']}")
        elif block["type"] == "list_item":
            body.append(f"- {block['text']}")
        else:
            body.append(block["text"])
    return "\n".join(lines) + "\n\n" + "\n\n".join(body) + "\n"


@contextmanager
def atomic_stream(path: Path) -> Iterator[TextIO]:
    """A text stream whose content appears at ``path`` only once it is complete: written to a
    temporary file in the same directory and renamed. Never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = _create_temp(path)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _create_temp(path: Path) -> tuple[int, Path]:
    """A new hidden file beside ``path``. Created with mode 0o666 so the kernel applies the
    umask, as for any file a user's program creates (``tempfile.mkstemp`` forces 0o600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue


def why_not_writable(directory: Path) -> str | None:
    """Why files cannot be created in ``directory`` (made on the way if missing), or None."""
    existing = directory
    while not existing.is_dir():
        if os.path.lexists(existing):
            return f"{existing} is a file" if existing.is_file() else f"{existing} is not a directory"
        existing = existing.parent
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"no permission to write in {existing}"
    return None


def write_atomic(path: Path, content: str) -> None:
    with atomic_stream(path) as stream:
        stream.write(content)
