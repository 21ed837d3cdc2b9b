"""Many small invented pages, deterministic, for pipeline tests and benchmarks: text dumps and
HTML, as files, JSONL records or WARC response records."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Iterator
from pathlib import Path

SUBJECTS = ["The council", "Harbour workers", "The ferry operator", "Local growers", "The museum", "Volunteers"]
VERBS = ["announced", "postponed", "reviewed", "welcomed", "questioned", "approved"]
OBJECTS = [
    "a plan to repair the old bridge",
    "the schedule for the winter market",
    "new rules for the river moorings",
    "a study of the coastal path",
    "the budget for the public library",
    "changes to the night bus routes",
]
TAILS = [
    "after a long meeting on Thursday evening.",
    "following complaints from residents of the east quarter.",
    "although several members asked for more time.",
    "and said the work could start before the spring.",
    "while a final vote is expected next month.",
]


def _paragraph(rng: random.Random) -> str:
    sentences = [
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
        for _ in range(rng.randint(2, 4))
    ]
    return " ".join(sentences)


def page(index: int, kind: str = "text", paragraphs: int = 4) -> str:
    """One invented article: a title line, a byline, paragraphs (HTML: in an <article>)."""
    rng = random.Random(index)
    title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} (no. {index})"
    body = [_paragraph(rng) for _ in range(paragraphs)]
    if kind == "html":
        ps = "".join(f"<p>{text}</p>" for text in body)
        return (
            f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>{title}</h1><p class='byline'>By Ana Example</p>{ps}</article>"
            f"<footer>Copyright Example Gazette</footer></body></html>"
        )
    return "\n".join([title, "By Ana Example", *body, ""])


def url(index: int) -> str:
    return f"https://news.example.org/story-{index}"


def write_files(directory: Path, count: int, kind: str = "text") -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    suffix = ".html" if kind == "html" else ".txt"
    paths = []
    for index in range(count):
        path = directory / f"{index // 1000:03d}" / f"page{index:06d}{suffix}"
        path.parent.mkdir(exist_ok=True)
        path.write_text(page(index, kind), encoding="utf-8")
        paths.append(path)
    return paths


def records(count: int, kind: str = "text") -> Iterator[dict[str, str]]:
    field = "html" if kind == "html" else "text"
    for index in range(count):
        yield {"id": f"doc-{index}", "url": url(index), field: page(index, kind), "crawl_date": "2024-05-01"}


def write_jsonl(path: Path, count: int, kind: str = "text") -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for record in records(count, kind):
            stream.write(json.dumps(record) + "\n")
    return path


def write_warc(path: Path, count: int, *, extra: bool = False) -> Path:
    """``count`` HTML response records (HTTP 200); with ``extra``, before each page also a
    request record, and every tenth page followed by a 404 and an image response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.suffix == ".gz")
        for index in range(count):
            if extra:
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url(index), "request", http_headers=request))
            payload = page(index, "html").encode("utf-8")
            writer.write_record(_response(writer, url(index), "200 OK", "text/html; charset=utf-8", payload))
            if extra and index % 10 == 0:
                writer.write_record(_response(writer, url(index) + "/gone", "404 Not Found", "text/html", b"<p>x</p>"))
                writer.write_record(_response(writer, url(index) + ".png", "200 OK", "image/png", b"\x89PNG...."))
    return path


def _response(writer, target: str, status: str, content_type: str, payload: bytes):
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(
        target,
        "response",
        payload=io.BytesIO(payload),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2024-05-01T10:20:30Z"},
    )
