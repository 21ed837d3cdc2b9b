"""A page cleaned without site knowledge: trafilatura for HTML, the line heuristic for dumps."""

from __future__ import annotations

from cleaner.extract.generic_html import extract_generic_html
from cleaner.extract.generic_text import extract_generic_text
from cleaner.extract.html_page import ParsedPage
from cleaner.inputs.document import Document
from cleaner.outputs.article import Article


def extract_generic_page(document: Document, article: Article, page: ParsedPage | None = None) -> None:
    """``page``: the document already parsed and not yet changed, when the caller has it."""
    if document.kind == "html":
        extract_generic_html(page or document.text, article, url=document.url)
    else:
        extract_generic_text(document.text, article)
