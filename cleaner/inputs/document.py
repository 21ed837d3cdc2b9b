"""A page as it enters the cleaner: decoded text, its kind, crawl stamp, url and source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

import regex

from cleaner.errors import InputError
from cleaner.inputs.decoding import decode_bytes_checked

Kind = Literal["html", "text"]

MAX_INPUT_BYTES = 50 * 1024 * 1024

# A crawler stamp glued to the first line: " date 2025-04-04 The Power Within: ...".
_CRAWL_STAMP = regex.compile(r"\A\ufeff?[ \t]?date[ \t](\d{4}-\d{2}-\d{2})(?:[ \t]+|(?=\n)|\Z)")
_HTML_START = regex.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|article|p|section|script|link)\b",
    regex.IGNORECASE | regex.DOTALL,
)
_HTML_TAG = regex.compile(r"</?(?:p|div|span|a|br|li|h[1-6]|article|section|table)\b[^>]{0,500}>", regex.I)


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    kind: Kind
    url: str | None = None
    source: str | None = None
    #: The record's id, when the page came in a record (JSONL, WARC, a pipeline).
    id: str | None = None
    crawl_date: str | None = None
    encoding: str | None = None
    #: The bytes were read in a legacy encoding chosen among similarly plausible ones.
    encoding_guessed: bool = False


def detect_kind(text: str) -> Kind:
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    # Markup-dense input without a proper start (a fragment) is still HTML.
    if len(_HTML_TAG.findall(head)) >= 5:
        return "html"
    return "text"


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def peel_crawl_stamp(text: str) -> tuple[str, str | None]:
    match = _CRAWL_STAMP.match(text)
    if not match:
        return text, None
    try:
        date.fromisoformat(match.group(1))
    except ValueError:  # "date 2025-13-45 …" is text, not a stamp
        return text, None
    return text[match.end() :], match.group(1)


def load_document(
    content: str | bytes,
    *,
    url: str | None = None,
    source: str | None = None,
    kind: Kind | None = None,
    doc_id: str | None = None,
    crawl_date: str | None = None,
) -> Document:
    """Decode and classify one input. Raise InputError when it is not a readable page."""
    encoding: str | None = None
    guessed = False
    if isinstance(content, bytes | bytearray | memoryview):
        data = bytes(content)
        if len(data) > MAX_INPUT_BYTES:
            raise InputError(f"input of {len(data)} bytes exceeds the {MAX_INPUT_BYTES}-byte limit")
        text, encoding, guessed = decode_bytes_checked(data)
    elif isinstance(content, str):
        text = content.removeprefix("\ufeff")
    else:
        raise InputError(f"cannot clean an object of type {type(content).__name__}")
    text = normalize_newlines(text)
    if not text.strip():
        raise InputError("empty input")
    kind = kind or detect_kind(text)
    if kind == "text":
        text, stamped = peel_crawl_stamp(text)
        crawl_date = stamped or crawl_date  # the page's own stamp is the capture's date
    return Document(
        text=text,
        kind=kind,
        url=url,
        source=source,
        id=doc_id,
        crawl_date=crawl_date,
        encoding=encoding,
        encoding_guessed=guessed,
    )
