"""Best-effort cleaning of HTML from a site without a rule: trafilatura, with its metadata.

trafilatura's main-content extraction gives the body; its output tree keeps the block
types (paragraph, heading, quote, list item). It runs without its fallback extractors
(readability, jusText), which on the ScrapingHub set cost a third of its time for a lower
F1. The page's own markup (JSON-LD, meta, canonical link, ``<html lang>``) is preferred to
trafilatura's guesses for metadata, which are read only for the fields the markup lacks.
When trafilatura cannot read a page (lxml gives up on some malformed or extreme markup),
the paragraph-densest container of the page is taken instead.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import trafilatura
from lxml.html import HtmlElement
from selectolax.lexbor import LexborHTMLParser
from trafilatura.utils import load_html

from cleaner.extract.generic_meta import TRAFILATURA_ERRORS, TrafilaturaMetadata
from cleaner.extract.generic_text import is_prose
from cleaner.extract.html_dom import NON_CONTENT_TAGS, densest_container, walk_blocks
from cleaner.extract.html_meta import (
    SITE_SEPARATORS,
    Markup,
    json_ld_keywords,
    primary_language,
    strip_site_name,
    text_value,
)
from cleaner.extract.html_page import ParsedPage, parsed
from cleaner.extract.normalize import normalize_text
from cleaner.outputs.article import Article, Block, BlockType, Removal

# trafilatura's output elements and the block types they carry.
_BLOCK_OF_ELEMENT: dict[str, BlockType] = {"p": "paragraph", "head": "heading", "quote": "quote", "code": "paragraph"}
_NON_CONTENT_SELECTOR = ", ".join(
    'script:not([type="application/ld+json"])' if tag == "script" else tag
    for tag in sorted(NON_CONTENT_TAGS - {"head", "title"})
)


def extract_generic_html(
    html: str | ParsedPage, article: Article, *, url: str | None = None, drop: tuple[str, ...] = ()
) -> None:
    """Generic extraction of a page (its source, or the page parsed and not yet changed);
    ``drop`` names more boilerplate to remove first (a site rule's drop selectors, when its
    content root was not found)."""
    page = parsed(html)
    tree, markup = page.tree, page.markup
    # trafilatura keeps the text of some of these (<template>, for one); the page's JSON-LD
    # stays, for its metadata.
    for node in tree.css(_NON_CONTENT_SELECTOR):
        node.decompose()
    for selector in drop:
        for node in tree.css(selector):
            node.decompose()
    lxml_tree = _lxml_tree(tree.html or "")
    document = _trafilatura(lxml_tree, url)
    if document is not None:
        article.blocks = _blocks_of(document.body)
    if not article.blocks:
        article.blocks = _densest_blocks(tree)
    if article.blocks and not _holds_an_article(article.blocks):
        # trafilatura falls back to whatever text a page has: on a page of menus and buttons
        # that is the menu. A body without one sentence of prose is no article.
        article.audit_listed += [Removal(rule="generic.not_prose", text=block.text) for block in article.blocks]
        article.blocks = []
    _fill_metadata(article, markup, TrafilaturaMetadata(lxml_tree, url))


#: A body shorter than this (in characters: words are not counted in scripts written without
#: spaces) with no prose paragraph and no block of a sentence's length is menus and labels.
_FEW_CHARS = 200
_SENTENCE_WORDS = 10


def _holds_an_article(blocks: list[Block]) -> bool:
    return sum(len(block.text) for block in blocks) >= _FEW_CHARS or any(
        is_prose(block.text) or len(block.text.split()) >= _SENTENCE_WORDS for block in blocks
    )


def _lxml_tree(html: str) -> HtmlElement | None:
    try:
        return load_html(html)
    except TRAFILATURA_ERRORS:
        return None


def _trafilatura(tree: HtmlElement | None, url: str | None) -> Any:
    """trafilatura's extraction of the page's body (from a copy of ``tree``), without its
    metadata: the markup gives most of it, and ``TrafilaturaMetadata`` the rest."""
    if tree is None:
        return None
    try:
        return trafilatura.bare_extraction(
            tree,
            url=url,
            fast=True,
            with_metadata=False,
            include_comments=False,
            include_tables=True,
            favor_precision=False,
            deduplicate=False,
        )
    except TRAFILATURA_ERRORS:
        return None


def _text(element: Any) -> str:
    return normalize_text("".join(element.itertext()))


def _blocks_of(body: Any) -> list[Block]:
    if body is None:
        return []
    blocks: list[Block] = []
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "list":
            texts = [_text(item) for item in element.iter("item")]
            blocks += [Block("list_item", text) for text in texts if text]
        elif tag == "table":
            for row in element.iter("row"):
                text = normalize_text(" ".join(_text(cell) for cell in row))
                if text:
                    blocks.append(Block("paragraph", text))
        else:
            text = _text(element)
            if text:
                blocks.append(Block(_BLOCK_OF_ELEMENT.get(tag, "paragraph"), text))
    return blocks


def _densest_blocks(tree: LexborHTMLParser) -> list[Block]:
    body = tree.body
    root = densest_container(body, min_chars=1) if body is not None else None
    if root is None:
        return []
    return [
        Block(block.kind, block.text)  # type: ignore[arg-type]
        for block in walk_blocks(root)
        if block.kind != "caption"
    ]


def _iso(value: str | None) -> str | None:
    """A machine date as ISO 8601, its offset kept; a plain date stays a date."""
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) == 10:
            return datetime.strptime(value, "%Y-%m-%d").date().isoformat()
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def _split(value: str | None, separator: str) -> list[str]:
    return [item.strip() for item in (value or "").split(separator) if item.strip()]


def _fill_metadata(article: Article, markup: Markup, found: TrafilaturaMetadata) -> None:
    """Markup first; trafilatura's reading of a field only when the markup lacks it."""
    ld = markup.article
    og_site_name = markup.first("og:site_name")

    def without_site_name(title: str | None) -> str | None:
        """``title`` less a trailing site name: the page's own (og:site_name) or, if the title
        still ends with a separator and a name, trafilatura's."""
        stripped = strip_site_name(title, (og_site_name,) if og_site_name else ())
        if not title or stripped != title or not any(separator in title for separator in SITE_SEPARATORS):
            return stripped
        return strip_site_name(title, tuple(name for name in (og_site_name, found.sitename) if name))

    article.title = (
        text_value(ld.get("headline"))
        or without_site_name(markup.first("og:title", "twitter:title"))
        or (normalize_text(found.title or "") or None)
        or without_site_name(markup.html_title)
    )
    article.authors = list(markup.json_ld_authors) or _split(found.author, ";")
    article.published = (
        _iso(markup.first("article:published_time")) or _iso(text_value(ld.get("datePublished"))) or _iso(found.date)
    )
    article.updated = _iso(markup.first("article:modified_time")) or _iso(text_value(ld.get("dateModified")))
    tags = markup.all("article:tag") or json_ld_keywords(ld) or list(found.tags)
    article.tags = [normalize_text(tag) for tag in tags if normalize_text(tag)]
    article.language = primary_language(markup.lang) or article.language
    article.canonical_url = markup.canonical_url or markup.first("og:url") or found.url or article.canonical_url
