"""Best-effort cleaning of HTML from a site without a rule: trafilatura, with its metadata."""

from __future__ import annotations

import json

import trafilatura

from cleaner.model import Article, Block
from cleaner.normalize import normalize_text


def _list(value: str | None, separator: str) -> list[str]:
    if not value:
        return []
    return [item.strip() for item in value.split(separator) if item.strip()]


def extract_generic_html(html: str, article: Article, *, url: str | None = None) -> None:
    raw = trafilatura.extract(
        html,
        url=url,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=False,
        deduplicate=False,
    )
    if not raw:
        return
    data = json.loads(raw)
    article.title = normalize_text(data.get("title") or "") or None
    article.authors = _list(data.get("author"), ";")
    published = data.get("date")
    article.published = published or None
    article.tags = _list(data.get("tags"), ",") or _list(data.get("categories"), ",")
    article.language = data.get("language") or article.language
    article.canonical_url = data.get("url") or article.canonical_url
    article.subtitle = None
    paragraphs = [normalize_text(part) for part in (data.get("raw_text") or data.get("text") or "").split("\n")]
    article.blocks = [Block("paragraph", part) for part in paragraphs if part]
