"""The head of a text dump read up to its first prose paragraph (``TextRule.head_until_prose``):
what stands above the first line the generic heuristics take for a prose paragraph (a
headline, a dateline, a caption, a menu) is not article text, whatever landmarks were found.
"""

from __future__ import annotations

from cleaner.extract.generic import extract_generic_page
from cleaner.inputs.document import Document
from cleaner.outputs.article import Article, Removal

#: The audit id of the lines this removes (a head cut, for the guard too).
BEFORE_PROSE = "head:before_prose"


def cut_before_prose(document: Document, article: Article) -> None:
    """Remove the body blocks above the page's first prose paragraph."""
    generic = Article(site=article.site)
    extract_generic_page(document, generic)
    start = _first_prose(article, generic)
    if start is None:
        return
    article.removed += [Removal(rule=BEFORE_PROSE, text=block.text) for block in article.blocks[:start]]
    article.blocks = article.blocks[start:]


def _first_prose(article: Article, generic: Article) -> int | None:
    """Index in ``article.blocks`` of the first of them the generic path kept as a paragraph
    (one the rule removed, as boilerplate or metadata, is no start)."""
    paragraphs = {block.text for block in generic.blocks if block.type == "paragraph"}
    return next((index for index, block in enumerate(article.blocks) if block.text in paragraphs), None)
